"""Interview transcripts: who speaks each answer of a question-and-answer text.

A transcript introduces each party with a label ("Global Voices (GV): …", "Victoria Belim-Frolova
(VBF) …") and opens each later turn with it ("VBF: …"); the paragraphs that follow a turn without a
label go on with it. Such a text holds no quote marks, so the quotes come from the layout: each
answer paragraph is a direct quote of its party. Questions (paragraphs that end with "?") are none.
A text counts as a transcript only when two or more labels open turns of their own, so a paragraph
that opens with "Human Rights Watch (HRW) said" never makes one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NAME = r"[A-Z][\w’'\-]+(?:[ \u00a0]+[A-Z][\w’'\-]+){0,4}"
_INTRODUCES = re.compile(rf"(?P<name>{_NAME})[ \u00a0]*\((?P<label>[A-Z]{{2,5}})\)[ \u00a0]*:?[ \u00a0]*")
_OPENS_TURN = re.compile(r"(?P<label>[A-Z]{2,5}):[ \u00a0]*")


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
        return []
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
