"""Interview transcripts: who speaks each answer of a question-and-answer text.

A transcript introduces each party with a label ("Global Voices (GV): …", "Victoria Belim-Frolova
(VBF) …") and opens each later turn with it ("VBF: …"); the paragraphs that follow a turn without a
label go on with it. Such a text holds no quote marks, so the quotes come from the layout: each
answer paragraph is a direct quote of its party. Questions (paragraphs that end with "?") are none.
A text counts as a transcript only when two or more labels open turns of their own, so a paragraph
that opens with "Human Rights Watch (HRW) said" never makes one.

Two more layouts: a question-and-answer text whose paragraphs open with "Q:" and "A:" (or "Question:"
and "Answer:"), each answer a quote of the interviewee the text introduces (the caller resolves who:
`Turn.name` is empty); and a transcript whose paragraphs open with the speakers' names ("Lavrov: …",
"CARLSON: …"), two or more of them opening two turns or more each, each name a person the text names
in full (so "Photo:", "Read more:" or a headline in capitals never make one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flashpoint.nlp.coref import looks_like_person
from flashpoint.nlp.language import Patterns
from flashpoint.nlp.speakers import looks_like_full_name

_cue = Patterns("quotes.yaml", "interview_patterns")  # a transcript's labels ("Q:", "Answer:")
_NAME = r"[A-Z][\w’'\-]+(?:[ \u00a0]+[A-Z][\w’'\-]+){0,4}"
_INTRODUCES = re.compile(rf"(?P<name>{_NAME})[ \u00a0]*\((?P<label>[A-Z]{{2,5}})\)[ \u00a0]*:?[ \u00a0]*")
_OPENS_TURN = re.compile(r"(?P<label>[A-Z]{2,5}):[ \u00a0]*")
_QA_LABEL = _cue("qa_label")
_QUESTION_LABEL = _cue("question_label")  # "Q", "Question": the interviewer's turns
_NAME_LABEL = re.compile(r"(?P<label>[A-Z][A-Za-z’'\-]+(?:[ \u00a0]+[A-Z][A-Za-z’'\-]+){0,2}):[ \u00a0]+")
MIN_TURNS = 2  # turns a label opens before a layout counts as a transcript


@dataclass(frozen=True)
class Turn:
    """One answer paragraph (or the part of it after its label) and the party who speaks it."""

    start: int
    end: int
    name: str
    label_start: int  # where the party's name or label is written for this turn


def _labels(body: str, paragraphs: list[tuple[int, int]]) -> dict[str, tuple[str, int]]:
    """Label -> (name, where the name is written), for labels that also open turns of their own."""
    introduced: dict[str, tuple[str, int]] = {}
    used: set[str] = set()
    for ps, pe in paragraphs:
        m = _INTRODUCES.match(body, ps, pe)
        if m:
            introduced.setdefault(m.group("label"), (m.group("name"), ps))
            continue
        m = _OPENS_TURN.match(body, ps, pe)
        if m:
            used.add(m.group("label"))
    labels = {k: v for k, v in introduced.items() if k in used}
    return labels if len(labels) >= 2 else {}


def _turn_start(body: str, ps: int, pe: int, labels: dict[str, tuple[str, int]]) -> tuple[str, int] | None:
    """The label a paragraph opens with, and where its words start; None when it opens with none."""
    for pattern in (_INTRODUCES, _OPENS_TURN):
        m = pattern.match(body, ps, pe)
        if m and m.group("label") in labels:
            return m.group("label"), m.end()
    return None


def interview_turns(body: str, paragraphs: list[tuple[int, int]]) -> list[Turn]:
    """The answer paragraphs of a transcript with their speakers; [] for any other text."""
    labels = _labels(body, paragraphs)
    if not labels:
        return _question_and_answer_turns(body, paragraphs) or _named_turns(body, paragraphs)
    out: list[Turn] = []
    current: str | None = None
    for ps, pe in paragraphs:
        opened = _turn_start(body, ps, pe, labels)
        if opened is not None:
            current, start = opened
        elif current is None:
            continue  # the introduction before the first turn
        else:
            start = ps
        text = body[start:pe].rstrip()
        if text and not text.endswith("?"):
            name, at = labels[current]
            out.append(Turn(start=start, end=start + len(text), name=name, label_start=at))
    return out


def _opening_labels(body: str, paragraphs: list[tuple[int, int]], pattern: re.Pattern[str]
                    ) -> list[tuple[str | None, int, int, int]]:
    """(label or None, words start, paragraph start, paragraph end) of each paragraph."""
    out: list[tuple[str | None, int, int, int]] = []
    for ps, pe in paragraphs:
        m = pattern.match(body, ps, pe)
        out.append((m.group("label"), m.end(), ps, pe) if m else (None, ps, ps, pe))
    return out


def _turns_of(body: str, opened: list[tuple[str | None, int, int, int]], speaks: dict[str, tuple[str, int]],
              ) -> list[Turn]:
    """The paragraphs from a label of a party that speaks to the next label, questions left out."""
    out: list[Turn] = []
    current: str | None = None
    for label, start, _, pe in opened:
        current = label if label is not None else current
        text = body[start:pe].rstrip()
        if current in speaks and text and not text.endswith("?"):
            name, at = speaks[current]
            out.append(Turn(start=start, end=start + len(text), name=name, label_start=at))
    return out


def _question_and_answer_turns(body: str, paragraphs: list[tuple[int, int]]) -> list[Turn]:
    """'Q: …' / 'A: …': the answers, their speaker left to the caller (the interviewee the text introduces)."""
    opened = _opening_labels(body, paragraphs, _QA_LABEL)
    counts = _label_counts(opened)
    questions = sum(n for label, n in counts.items() if _QUESTION_LABEL.fullmatch(label))
    answers = {label for label in counts if not _QUESTION_LABEL.fullmatch(label)}
    if questions < MIN_TURNS or sum(counts[a] for a in answers) < MIN_TURNS:
        return []
    first = next(ps for label, _, ps, _ in opened if label is not None)
    return _turns_of(body, opened, {a: ("", first) for a in answers})


def _named_turns(body: str, paragraphs: list[tuple[int, int]]) -> list[Turn]:
    """'Lavrov: …' / 'CARLSON: …': each turn a quote of the person its label names, when two or more
    people named in full in the text open two turns or more each."""
    opened = _opening_labels(body, paragraphs, _NAME_LABEL)
    counts = _label_counts(opened)
    people = {label: full for label, n in counts.items() if n >= MIN_TURNS
              and (full := _full_name(body, label)) is not None}
    if len(people) < 2 or not any(looks_like_full_name(name) for name, _ in people.values()):
        return []  # two people at least, one with a given name the name lists know
    return _turns_of(body, opened, {label: (name, ps) for label, (name, ps) in people.items()})


def _label_counts(opened: list[tuple[str | None, int, int, int]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for label, *_ in opened:
        if label is not None:
            counts[label] = counts.get(label, 0) + 1
    return counts


def _full_name(body: str, label: str) -> tuple[str, int] | None:
    """The full name a label stands for and where it is written: the label itself when it is a name of two
    words or more that the text also writes outside labels, else a name in the text that ends with it
    ("CARLSON" -> "Tucker Carlson")."""
    words = label.split()
    last = words[-1].capitalize() if label.isupper() else words[-1]
    if len(words) >= 2:
        outside = [m.start() for m in re.finditer(re.escape(label) + r"(?!:)", body)]
        return (label, outside[0]) if outside and looks_like_person(label) else None
    for m in re.finditer(rf"(?<![\w’'])((?:[A-Z][a-z’'\-]+[ \u00a0]+){{1,2}}{re.escape(last)})(?![\w:])", body):
        if looks_like_person(m.group(1)):
            return m.group(1), m.start(1)
    return None
