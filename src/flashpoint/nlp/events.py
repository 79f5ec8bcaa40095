"""PLOVER event coding (built-in rules backend).

Per sentence: find lexicon triggers (clauses.find_triggers), find actor mentions (entities,
capitalised chunks, actor head nouns, pronouns), then pick for each trigger who acts (the
clause subject, the passive agent, the coordinated subjects) and on whom (the first mention
after it), who reports it (a reporting verb's subject, a quote's speaker), and whether it is
negated, hypothetical, future or historical. Tokens only, no parser: the whole thing stays
linear in the sentence length.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import numpy as np
import yaml
from spacy.attrs import IDX, IS_SPACE, LENGTH, SPACY

from flashpoint.model import Actor, Entity, Event, Place
from flashpoint.nlp import actors as actor_kb
from flashpoint.nlp.clauses import (
    AUX_SKIP,
    CLAUSE_OPENERS,
    CONDITIONALS,
    COUNT_WORDS,
    DENIALS,
    FUTURE,
    INSERTION_OPENERS,
    MODALS,
    NEGATIONS,
    POSSESSIVE_PRONOUNS,
    RELATIVES,
    REPORTING,
    SUBJECT_PRONOUNS,
    Match,
    find_triggers,
    is_passive,
    ontology,
    plover_score,
    window_before,
)
from flashpoint.nlp.document import NlpDoc

PREPOSITIONS = frozenset(
    "in at near from to of on for with against into across over by outside inside around toward towards "
    "along within between through under amid".split()
)
DETERMINERS = frozenset("the a an its their his her this these those our my your".split())
ARTICLES = frozenset({"the", "a"})
VERBAL = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})
MODIFIERS = frozenset(
    "eastern western northern southern central north south east west northeastern northwestern "
    "southeastern southwestern neighbouring neighboring nearby occupied besieged beleaguered breakaway "
    "self-proclaimed disputed so-called rebel-held government-held".split()
)
COMPLEMENT_PREPS = frozenset("in of from throughout across inside".split())
GENERIC_HEADS = frozenset("leaders leader head heads chief members member representatives officials".split())
QUANTIFIERS = frozenset(
    "group groups number numbers some many most hundreds thousands dozens scores tens millions members "
    "one two three several all each none".split()
)
OBLIGATION = frozenset("must should".split())
OBJECT_PRONOUNS = frozenset("them him us me".split())
NON_STATE = frozenset({"REB", "OPP", "PRE", "CVL", "NGO"})
VICTIM_PARTICIPLES = frozenset(
    "killed wounded injured hurt detained arrested abducted kidnapped executed slain captured".split())
PROXY_SUFFIX = re.compile(r"-(?:backed|supported|sponsored|allied|aligned|funded|armed|controlled)$")
LIKENESS_SUFFIX = re.compile(r"-(?:like|style|era|type|esque)$")
PROXY_NOUNS = frozenset("group groups movement movements faction factions organisation organization".split())
PLACE_PREPS = frozenset("in at near outside inside across along within around".split())
NOT_NAMES = frozenset(
    "the a an in on at but and if when while after before as for of to this that these those it its his her "
    "their he she they we i our my mr mrs ms dr read map watch more also however meanwhile moreover so yet "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december overnight earlier later today yesterday tomorrow what why "
    "how who where which there here some many most all both each every any no not one two three".split()
)
COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "AGREE", "CONCEDE", "RETREAT"})
MATERIAL_CONFLICT = frozenset({"ASSAULT", "MOBILIZE", "COERCE", "SANCTION"})
FRAMING_TYPES = frozenset({"REQUEST", "THREATEN", "AGREE", "REJECT"})
IMPLIED_OPPONENT = frozenset({"THREATEN", "ACCUSE", "REJECT", "SANCTION", "MOBILIZE"})
AGGRESSION = frozenset({"ASSAULT", "MOBILIZE", "COERCE", "THREATEN"})
MISCONDUCT = frozenset(
    "undermine undermines undermined undermining violate violates violated violating provoke provokes "
    "provoked provoking destabilize destabilizes destabilized destabilizing destabilise destabilising "
    "sabotage sabotaged sabotaging inflame inflamed inflaming escalate escalating escalated".split()
)
HISTORY_MARKERS = (
    re.compile(r"\b(go(?:es)? back to|dates? back to|dating back to|began when|began in|started in|started when|"
               r"roots of|since (?:19|20)\d\d|back in (?:19|20)\d\d|in the (?:19|20)\d0s|decades ago|years ago|"
               r"at the time of|the former soviet|"
               r"(?:war|conflict|fighting|violence|insurgency) (?:has|have) (?:so far )?(?:killed|displaced|claimed|left))\b",
               re.I),
)
WIRE_DATELINE = re.compile(r"[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3}(?:, [\w .,]{1,30}?)?"
                           r"(?: \([\w .,&/-]{1,40}\))? ?[-–—]{1,2} (?=[A-Z\"“])")
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


@lru_cache(maxsize=1)
def _heads() -> dict[str, str]:
    text = resources.files("flashpoint.resources").joinpath("plover_lexicon.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    return {word: sector for sector, words in data["actor_heads"].items() for word in words}


class Word:
    """One word of a sentence; `fn` is the word as a function word: a capitalised word
    mid-sentence ("States", "May") is none. Computed once: the coder reads it constantly."""

    __slots__ = ("text", "lower", "start", "end", "first", "fn")

    def __init__(self, text: str, lower: str, start: int, end: int, first: bool = False) -> None:
        self.text, self.lower, self.start, self.end, self.first = text, lower, start, end, first
        self.fn = lower if first or not text[:1].isupper() else text

    def __repr__(self) -> str:
        return f"Word({self.text!r}, {self.start}, {self.end})"


@dataclass
class Mention:
    start: int  # word index
    end: int  # exclusive
    text: str
    actor: Actor
    pronoun: bool = False
    place: Place | None = None
    bare: bool = False  # head nouns only ("the troops"): its country, if any, came from context
    anaphor: bool = False  # a pronoun resolved to an earlier mention
    person: bool = False  # a named person: what "he" and "she" refer to

    @property
    def key(self) -> str:
        a = self.actor
        return f"{a.country}|{a.code}|{a.sector}|{a.name or a.text}"


@dataclass
class Found:
    """An event being coded, before it becomes an Event record."""

    type: str
    mode: str | None
    match: Match
    actors: list[Mention] = field(default_factory=list)
    recipient: Mention | None = None
    reported_by: Mention | None = None
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    confidence: float = 0.6
    inherited: bool = False
    location: Mention | None = None
    also: list[Mention] = field(default_factory=list)  # "urged Armenia and Azerbaijan": more recipients


# ---------------------------------------------------------------- words and mentions


def _token_table(doc: NlpDoc) -> tuple[list[int], list[int], np.ndarray]:
    """Start and end of each token, and spaCy's (start, length, is_space, trailing space) array,
    read once per document: per-token Python objects cost more than the word rules themselves."""
    cached = doc.extras.get("_event_tokens")
    if cached is None:
        arr = doc.tokens.to_array([IDX, LENGTH, IS_SPACE, SPACY]).astype(np.int64) if len(doc.tokens) \
            else np.zeros((0, 4), dtype=np.int64)
        cached = (arr[:, 0].tolist(), (arr[:, 0] + arr[:, 1]).tolist(), arr)
        doc.extras["_event_tokens"] = cached
    return cached  # type: ignore[no-any-return]


def _rows(arr: np.ndarray, lo: int, hi: int) -> list[tuple[int, int, int, int]]:
    """(start, end, is_space, trailing space) of tokens lo..hi."""
    return [(i, i + n, sp, ws) for i, n, sp, ws in arr[lo:hi].tolist()]


def _join_words(body: str, table: list[tuple[int, int, int, int]], lo: int, hi: int) -> list[list[int]]:
    """[start, end] of the words of tokens lo..hi: hyphen compounds ("pro-Russian", "build-up") joined."""
    spans: list[list[int]] = []
    join_next = False
    for i in range(lo, hi):
        t0, t1, is_space, ws = table[i]
        if is_space:
            continue
        hyphen = t1 - t0 == 1 and body[t0] == "-"
        if spans and (join_next or (hyphen and t0 == spans[-1][1] and not ws)):
            spans[-1][1] = t1
            join_next = hyphen
            continue
        spans.append([t0, t1])
        join_next = False
    return spans


def _word_spans(body: str, arr: np.ndarray) -> tuple[list[int], list[int]]:
    """Starts and ends of the words of the whole body: _join_words over every token, computed
    on the token arrays. A token joins the word before it when it is a hyphen glued to it (no
    space either side) or follows such a joined hyphen."""
    tok = arr[arr[:, 2] == 0]  # space tokens are no words
    n = len(tok)
    if not n:
        return [], []
    t0, t1, ws = tok[:, 0], tok[:, 0] + tok[:, 1], tok[:, 3]
    hyphen = np.zeros(n, dtype=bool)
    one = np.flatnonzero(tok[:, 1] == 1)
    hyphen[one] = [body[i] == "-" for i in t0[one].tolist()]
    join = np.zeros(n, dtype=bool)
    join[1:] = hyphen[1:] & (t0[1:] == t1[:-1]) & (ws[1:] == 0)
    for k in (np.flatnonzero(hyphen[:-1]) + 1).tolist():  # in text order: join[k - 1] is final
        if join[k - 1]:
            join[k] = True
    first = np.flatnonzero(~join)
    last = np.append(first[1:] - 1, n - 1)
    return t0[first].tolist(), t1[last].tolist()


def _doc_words(doc: NlpDoc, arr: np.ndarray) -> tuple[list[int], list[int], list[str]]:
    """Start, end and lowercase form of every word of the body, once per document: sentences
    slice them, and Word objects are made only for the sentences that hold a trigger."""
    cached = doc.extras.get("_event_words")
    if cached is None:
        body = doc.body
        starts, ends = _word_spans(body, arr)
        cached = (starts, ends, [body[s0:s1].lower() for s0, s1 in zip(starts, ends, strict=True)])
        doc.extras["_event_words"] = cached
    return cached  # type: ignore[no-any-return]


def _sentence_span(doc: NlpDoc, start: int, end: int) -> tuple[int, int] | list[Word]:
    """The sentence's words as a slice k0:k1 of the document's words, or, when a hyphen compound
    crosses the sentence's edges, as Words of their own."""
    starts, ends, arr = _token_table(doc)
    # the tokens overlapping [start, end), as spaCy's char_span(..., "expand") gives them
    lo = bisect_right(starts, start) - 1
    if lo < 0 or ends[lo] <= start:
        lo += 1
    hi = bisect_left(starts, end)
    if start >= end or lo >= hi:
        return (0, 0)
    wstarts, wends, _ = _doc_words(doc, arr)
    t0, t1 = starts[lo], ends[hi - 1]
    k0, k1 = bisect_left(wstarts, t0), bisect_left(wstarts, t1)
    if (k0 == 0 or wends[k0 - 1] <= t0) and (k1 == 0 or wends[k1 - 1] <= t1):
        return (k0, k1)  # no compound crosses the sentence's edges: the document's words are its words
    body = doc.body
    words: list[Word] = []
    for s0, s1 in _join_words(body, _rows(arr, lo, hi), 0, hi - lo):
        text = body[s0:s1]
        words.append(Word(text, text.lower(), s0, s1, first=not words))
    return words


def _slice_words(doc: NlpDoc, k0: int, k1: int) -> list[Word]:
    """Words k0..k1 of the document, the first marked as the sentence's first."""
    body = doc.body
    wstarts, wends, wlowers = _doc_words(doc, _token_table(doc)[2])
    return [Word(body[wstarts[k]:wends[k]], wlowers[k], wstarts[k], wends[k], first=k == k0) for k in range(k0, k1)]


def sentence_words(doc: NlpDoc, start: int, end: int) -> list[Word]:
    """The sentence's tokens, hyphen compounds ("pro-Russian", "build-up") joined into one word."""
    span = _sentence_span(doc, start, end)
    return span if isinstance(span, list) else _slice_words(doc, *span)


def _resolve(text: str, context: str) -> Actor | None:
    try:
        return actor_kb.resolve_actor(text, context)
    except Exception:  # noqa: BLE001 - a resolver bug must not lose the events
        return None


def _place(text: str) -> Place | None:
    try:
        return actor_kb.resolve_place(text)
    except Exception:  # noqa: BLE001
        return None


def _is_name(w: Word) -> bool:
    t = w.text
    if not t or w.lower in NOT_NAMES:
        return False
    first = t[0]
    return first.isupper() or (t.startswith(("pro-", "anti-", "al-", "el-")) and any(c.isupper() for c in t))


def _with_sector(actor: Actor, words: list[Word], start: int, end: int, text: str) -> Actor:
    """Fallback (events-only): a sector from the head noun when resolution gave none."""
    if actor.sector or actor.code:
        return actor
    heads = _heads()
    for w in reversed(words[start:end]):
        sector = heads.get(w.lower)
        if sector:
            return actor.model_copy(update={"sector": sector})
    return actor


def _entity_index(doc: NlpDoc) -> tuple[list[int], list[Entity]]:
    """The entities sorted by start, with their starts, once per document: a sentence (or a
    pronoun) reads what it needs by bisect instead of scanning them all."""
    cached = doc.extras.get("_event_entities")
    if cached is None or cached[0] is not doc.entities or cached[1] != len(doc.entities):
        ents = sorted(doc.entities, key=lambda e: e.start)  # stable: equal starts keep their order
        cached = (doc.entities, len(doc.entities), [e.start for e in ents], ents)
        doc.extras["_event_entities"] = cached
    return cached[2], cached[3]  # type: ignore[no-any-return]


def _entities_from(doc: NlpDoc, lo: int, hi: int) -> list[Entity]:
    """The entities starting in [lo, hi], in their document order."""
    starts, ents = _entity_index(doc)
    return ents[bisect_left(starts, lo):bisect_right(starts, hi)]


def find_mentions(doc: NlpDoc, words: list[Word]) -> list[Mention]:
    """Actor mentions in a sentence: entity spans and capitalised chunks, extended over head
    nouns ("Ukrainian troops", "Ukraine's army"), bare head-noun groups, and pronouns."""
    heads = _heads()
    ent_at: dict[int, tuple[int, Entity]] = {}
    if doc.entities and words:
        s0, s1 = words[0].start, words[-1].end
        inside = [e for e in _entities_from(doc, s0, s1) if e.end <= s1]
        if inside:
            starts = {w.start: i for i, w in enumerate(words)}
            ends = {w.end: i for i, w in enumerate(words)}
            for e in inside:
                if e.start in starts and e.end in ends:
                    ent_at[starts[e.start]] = (ends[e.end] + 1, e)
    mentions: list[Mention] = []
    i, n = 0, len(words)
    while i < n:
        w = words[i]
        ent = None
        if i in ent_at:
            j, ent = ent_at[i]
        elif _is_name(w) or w.lower in heads or w.lower.startswith(("pro-", "anti-")):
            j = i + 1
            while j < n and (_is_name(words[j]) or words[j].lower in heads or
                             (words[j].lower in {"of", "for"} and j + 1 < n and _is_name(words[j + 1])
                              and words[j + 1].lower not in heads)):
                j += 1
        elif w.lower in SUBJECT_PRONOUNS or w.lower in POSSESSIVE_PRONOUNS:
            mentions.append(Mention(i, i + 1, w.text, Actor(text=w.text), pronoun=True))
            i += 1
            continue
        else:
            i += 1
            continue
        # extend over head nouns and "'s" + role ("Ukraine's commander-in-chief")
        while j < n and words[j].lower in heads:
            j += 1
        if j + 1 < n and words[j].lower in {"'s", "’s"} and words[j + 1].lower in heads:
            j += 2
            while j < n and words[j].lower in heads:
                j += 1
        # "the Iran-backed group": the proxy, not its backer
        if LIKENESS_SUFFIX.search(words[j - 1].lower) and j - i == 1:
            i = j
            continue  # "a Srebrenica-like massacre", "Soviet-style": a comparison, no actor
        if PROXY_SUFFIX.search(words[j - 1].lower):
            if j < n and words[j].lower in PROXY_NOUNS:
                j += 1
            elif words[j - 1].lower not in heads:
                i = j
                continue
        # "Republic of Korea", "Kingdom of Saudi Arabia": a capitalised name continued by "of Name"
        if j + 1 < n and words[j].lower == "of" and _is_name(words[j - 1]) and _is_name(words[j + 1]) \
                and words[j + 1].lower not in heads:
            k = j + 1
            while k < n and _is_name(words[k]):
                k += 1
            if _resolve(sentence_text(words, i, k), "") is not None:
                j = k
        if i >= 2 and words[i - 1].lower in {"'s", "’s"} and words[i - 2].lower in {"country", "nation"}:
            i -= 2  # "the country's foreign minister": the state named before, not a guess from the text
        text = sentence_text(words, i, j)
        context = doc.body[:words[j - 1].end]
        actor = _resolve(text, context)
        if actor is None and ent is not None:
            actor = getattr(ent, "actor", None)
        if actor is None and j - i > 1:
            for k in range(i + 1, j):  # "Senior Hungarian officials" -> "Hungarian officials"
                actor = _resolve(sentence_text(words, k, j), context)
                if actor is not None:
                    break
        if actor is None:
            head = next((words[k].lower for k in range(j - 1, i - 1, -1) if words[k].lower in heads), None)
            if head is None and ent is None and not _looks_like_name(words, i, j):
                i = j
                continue
            known = _place(text) if ent is None or ent.type in {"GPE", "LOC"} else None
            # "shelled Barda": a town the actor knowledge does not know still has a country
            actor = Actor(text=text, name=known.name, country=known.country) if known else Actor(text=text)
        if not actor.text:
            actor = actor.model_copy(update={"text": text})
        actor = _with_sector(actor, words, i, j, text)
        place = None
        k = _skip_back(words, i, ARTICLES, len(words))
        prep = words[k].lower if k >= 0 else ""
        # "in Donetsk", "into the Kharkiv region"; a bare "into Kabul" may be what force was aimed at
        if prep in PLACE_PREPS or (prep == "into" and k < i - 1):
            place = _place(text)
            if place is None and actor.country and not actor.sector:
                place = Place(text=text, name=actor.name, country=actor.country)
        bare = ent is None and not any(_is_name(words[k]) and (k > 0 or words[k].lower not in heads)
                                       for k in range(i, j))
        person = ent is not None and ent.type == "PERSON"
        mentions.append(Mention(i, j, text, actor, place=place, bare=bare, person=person))
        i = j
    return mentions


def _looks_like_name(words: list[Word], i: int, j: int) -> bool:
    """An unresolved capitalised chunk is kept as an actor only when it is not sentence-initial
    filler: two or more capitalised words, or one not at the sentence start."""
    return j - i >= 2 or i > 0


def sentence_text(words: list[Word], i: int, j: int) -> str:
    out = ""
    for k in range(i, j):
        if k > i and words[k].start > words[k - 1].end:
            out += " "
        out += words[k].text
    return out


# ---------------------------------------------------------------- clause structure


def insertions(words: list[Word]) -> set[int]:
    """Word indexes inside comma-bracketed insertions between a noun and its verb:
    "Putin, who has set the tempo, recognized ...", "Pakistan, a key ally, refused ..."."""
    out: set[int] = set()
    n = len(words)
    for c in range(1, n - 1):
        if words[c].text != "," or words[c + 1].fn not in INSERTION_OPENERS:
            continue
        close = next((k for k in range(c + 2, min(n, c + 22)) if words[k].text in {",", ";", "."}), None)
        if close is None or words[close].text != ",":
            continue
        inner = {words[k].fn for k in range(c + 1, close)}
        if inner & REPORTING or (close + 1 < n and words[close + 1].fn in {"and", "but", "or"}):
            continue
        out.update(range(c, close + 1))
    return out


def clause_start(words: list[Word], pos: int, skip: set[int] | None = None) -> int:
    """Index of the first word of the clause containing `pos` (after an opener or a reporting verb);
    insertions in `skip` are stepped over."""
    j = pos - 1
    while j >= 0:
        if skip and j in skip and pos not in skip:
            j -= 1
            continue
        lw = words[j].fn
        if lw in CLAUSE_OPENERS or lw in REPORTING:
            return j + 1
        j -= 1
    return 0


def relative_antecedent(words: list[Word], mentions: list[Mention], pos: int) -> Mention | None:
    """For a verb inside ", who ..." / ", which ...": the noun before the comma is its subject."""
    j = pos - 1
    while j >= 1 and pos - j <= 12:
        lw = words[j].fn
        if lw in RELATIVES and words[j - 1].text == ",":
            return next((m for m in mentions if m.end == j - 1 and not m.pronoun), None)
        if lw in CLAUSE_OPENERS or lw in REPORTING or words[j].text in {",", ";"}:
            return None
        j -= 1
    return None


def coordinated_start(words: list[Word], pos: int) -> bool:
    """True when the trigger opens a coordinated verb phrase: '... and called on', '..., then met'."""
    j = pos - 1
    while j >= 0 and words[j].fn in AUX_SKIP | MODALS | FUTURE | NEGATIONS:
        j -= 1
    return j >= 0 and words[j].fn in {"and", "but", "then", "or"}


def _after_preposition(words: list[Word], k: int) -> bool:
    """True when word k follows a preposition, over determiners and modifiers ("in war-torn
    eastern Ukraine", "of a Memorandum"); "a group of", "thousands of" do not count."""
    j = k - 1
    while j > 0 and k - j <= 3 and (words[j].fn in DETERMINERS or words[j].lower in MODIFIERS
                                    or ("-" in words[j].text and words[j].text.islower())):
        j -= 1
    if j < 0 or words[j].fn not in PREPOSITIONS:
        return False
    return not (words[j].fn == "of" and j > 0 and words[j - 1].lower in QUANTIFIERS)


def subject_of(words: list[Word], mentions: list[Mention], pos: int,
               skip: set[int] | None = None) -> list[Mention]:
    """The clause subject before `pos` and the mentions coordinated with it ("X and Y")."""
    if skip is not None:
        ante = relative_antecedent(words, mentions, pos)
        if ante is not None:
            return [ante]
    lo = clause_start(words, pos, skip)
    if lo > 0 and words[lo - 1].fn in CONDITIONALS:
        # "if Russia attacks, there will be consequences": the main clause starts after the comma
        commas = [k for k in range(lo, pos) if words[k].text == ","]
        if commas:
            lo = commas[-1] + 1
    lo = _coordinated_clause(words, mentions, lo, pos)
    inside = pos in skip if skip else False
    cands = [m for m in mentions if lo <= m.start and m.end <= pos and not _after_preposition(words, m.start)
             and (inside or not skip or m.start not in skip)]
    if not cands:
        return []
    first = cands[0]
    group = [first]
    for m in cands[1:]:
        between = {w.lower for w in words[group[-1].end: m.start]}
        if between and between <= {"and", ",", "as", "well", "both", "&", "the"}:
            group.append(m)
        else:
            break
    # "Security forces in Guinea", "leaders of the separatist republics": country from the complement
    group[-1] = with_complement(words, mentions, group[-1], pos)
    # one head noun shared by coordinated adjectives: "Hungarian and Romanian officials"
    if len(group) > 1 and group[-1].actor.sector and not group[-1].actor.code:  # "the EU" shares no head
        sector = group[-1].actor.sector
        group = [g if g.actor.sector else Mention(g.start, g.end, g.text,
                                                  g.actor.model_copy(update={"sector": sector}))
                 for g in group]
    return group


def _coordinated_clause(words: list[Word], mentions: list[Mention], lo: int, pos: int) -> int:
    """Start of a second main clause before `pos`: "X fired rockets at Y, and Y responded with
    strikes" gives the strikes to Y. A plain list ("Russia, Belarus, and China agreed") is no clause:
    something other than names and commas must come before its ", and"."""
    starts = {m.start for m in mentions if not m.pronoun}
    for k in range(pos - 2, lo, -1):
        after = k + 2 if k + 2 < pos and words[k + 1].fn in DETERMINERS else k + 1
        if words[k].fn in {"and", "but"} and words[k - 1].text == "," and after in starts:
            named = {i for m in mentions for i in range(m.start, m.end)}
            if any(i not in named and words[i].text != "," for i in range(lo, k - 1)):
                return k + 1
            return lo
    return lo


def with_complement(words: list[Word], mentions: list[Mention], men: Mention, limit: int) -> Mention:
    """A mention without a country of its own ("rebels in the Ivory Coast", "leaders of the
    separatist republics", "refugees fleeing the war in Liberia") takes its complement's."""
    if men.pronoun or men.actor.code or (men.actor.country and not men.bare):
        return men
    for m in mentions:
        if m.start < men.end or m.start > men.end + 6 or m.end > limit or m.pronoun:
            continue
        k = m.start - 1
        while k > men.end and (words[k].fn in DETERMINERS or words[k].lower in MODIFIERS):
            k -= 1
        if words[k].lower not in COMPLEMENT_PREPS or not (m.actor.country or m.actor.code):
            continue
        generic = men.actor.sector is None or men.text.lower().split()[-1] in GENERIC_HEADS
        update: dict[str, object] = {"country": m.actor.country, "code": men.actor.code or m.actor.code}
        if generic and m.actor.sector:
            update["sector"] = m.actor.sector
        return Mention(men.start, m.end, men.text, men.actor.model_copy(update=update), bare=False)
    return men


def object_after(words: list[Word], mentions: list[Mention], m: Match, exclude: set[str],
                 actors: list[Mention] | None = None, avoid: set[int] | None = None) -> Mention | None:
    """The first mention after the trigger in its clause, skipping places ("in Donetsk"), the
    actor's own forces ("mobilized army reservists", "withdraw its troops") and the reporter;
    a bare head noun ("the company") only when nothing named follows."""
    own = {a.actor.country for a in actors or [] if a.actor.country}
    limit = min(len(words), m.end + 14)
    for j in range(m.end, limit):
        lw = words[j].fn
        if j > m.end + 1 and (lw in REPORTING or lw in {";", ".", "according"} or
                              (lw in CLAUSE_OPENERS and lw not in {"that", "as"})):
            limit = j
            break
        if lw == "," and any(words[k].fn in REPORTING for k in range(j + 1, min(j + 6, len(words)))):
            limit = j  # "shelled the hospital, the local authorities said": they report, not suffer
            break
        if lw == "," and j + 1 < len(words) and words[j + 1].fn in {"and", "but"} and \
                _coordinated_clause(words, mentions, m.start, min(len(words), j + 5)) > m.start:
            limit = j  # "condemned the crackdown, and the United States suspended ...": a new clause
            break
    fallback = None
    if m.trigger.type in VERBAL:
        k = m.end
        while k < len(words) and words[k].fn in DETERMINERS:
            k += 1
        direct = next((men for men in mentions if men.start == k and not men.pronoun and men.key not in exclude), None)
        if direct is not None and direct.end < len(words) and words[direct.end].fn in {"to", "of", "for"} and \
                not direct.bare:
            return direct  # "urged Europe to", "accused Brussels of"
    for men in mentions:
        if men.start < m.end or men.start >= limit or men.key in exclude:
            continue
        if men.place is not None or _after_place_preposition(words, men.start):
            continue
        if avoid and men.start in avoid:
            continue
        if men.bare and ((men.start > 0 and words[men.start - 1].fn in POSSESSIVE_PRONOUNS and exclude)
                         or (men.actor.country in own and not men.actor.code and m.trigger.type not in VERBAL
                             and men.actor.sector in {None, "MIL", "COP", "GOV"})):
            continue  # "withdraw its troops", "deployed troops": the actor's own
        if m.trigger.type in {"THREATEN", "ACCUSE", "REJECT"} and men.actor.country in own and \
                men.actor.sector is None and not men.actor.code and \
                all(a.actor.sector in {None, "GOV", "MIL"} for a in actors or []):
            continue  # "Israel's minister warned that Israel was ready to": its own state is no target
        if (men.pronoun or men.anaphor) and (fallback is not None or (own and men.actor.country in own)):
            continue  # "accused separatists of shelling its positions": the noun, not "its"; "to its border": own
        if (men.actor.country or men.actor.code) and not men.bare:
            return men
        fallback = fallback or men
    return fallback


def _coordinated_after(words: list[Word], mentions: list[Mention], first: Mention | None) -> list[Mention]:
    """'Armenia and Azerbaijan', 'Russia, Belarus and Iran': the parties named with the first."""
    out: list[Mention] = []
    if first is None or not _has_country(first):
        return out
    end = first.end
    while end < len(words) and words[end].fn in {"and", ","}:
        k = end + 1 if words[end].fn == "," and end + 1 < len(words) and words[end + 1].fn == "and" else end
        nxt = next((men for men in mentions if men.start == k + 1 and not men.pronoun), None)
        if nxt is None or nxt.anaphor or not _has_country(nxt) or nxt.place is not None:
            break
        out.append(nxt)
        end = nxt.end
    return out


def _after_place_preposition(words: list[Word], k: int) -> bool:
    """'in Donetsk', 'along the Line of Control': a place, not a party ('in northern Israel' may
    still be the target: force used there is used against it)."""
    j = _skip_back(words, k, DETERMINERS, 2)
    return j >= 0 and words[j].fn in PLACE_PREPS


def _skip_back(words: list[Word], k: int, skip: frozenset[str], reach: int) -> int:
    """Index of the word before k, stepping back over up to `reach` words in `skip` ("into the")."""
    j = k - 1
    while j > 0 and k - j <= reach and words[j].fn in skip:
        j -= 1
    return j


def location_in(mentions: list[Mention], lo: int, hi: int) -> Mention | None:
    for men in mentions:
        if men.place is not None and lo <= men.start < hi:
            return men
    return None


# ---------------------------------------------------------------- coding one sentence


def _person_before(doc: NlpDoc, char: int) -> Actor | None:
    """The actor of the last person the entities stage found before `char`."""
    starts, ents = _entity_index(doc)
    for k in range(bisect_right(starts, char) - 1, -1, -1):
        e = ents[k]
        if e.end <= char and e.type == "PERSON" and e.actor is not None:
            return e.actor
    return None


def _pronoun_target(men: Mention, prior: list[Mention], person_before: Actor | None = None) -> Mention:
    """A pronoun resolved to the latest non-pronoun subject seen before it; "he" and "she" to the
    latest person named before it, when there is one."""
    if men.text.lower() in {"he", "she", "his", "her"}:
        if person_before is not None:
            return Mention(men.start, men.end, men.text, person_before, anaphor=True)
        person = next((c for c in reversed(prior) if c.person), None)
        if person is not None:
            return Mention(men.start, men.end, men.text, person.actor, anaphor=True)
    for cand in reversed(prior):
        if not cand.pronoun and cand.start <= 10_000:
            return Mention(men.start, men.end, men.text, cand.actor, anaphor=True)
    return men


def code_sentence(doc: NlpDoc, words: list[Word], sentence: str, prior: list[Mention],
                  matches: list[Match] | None = None) -> tuple[list[Found], list[Mention]]:
    """Events of one sentence, and the subjects it leaves for pronouns in the next one
    (`matches`: its triggers, when the caller has found them already)."""
    lowers = [w.fn for w in words]
    if matches is None:
        matches = find_triggers([w.lower for w in words])
    if not matches:
        return [], []
    mentions = find_mentions(doc, words)
    # pronouns: resolve against this sentence's earlier subjects, then the previous sentences'
    resolved: list[Mention] = []
    subjects: list[Mention] = list(prior)
    for men in mentions:
        if men.pronoun:
            if men.text.lower() in {"we", "i", "our", "my"}:
                spk = _quote_speaker(doc, words[men.start].start)
                resolved.append(Mention(men.start, men.end, men.text, spk, anaphor=True) if spk else
                                _pronoun_target(men, subjects))
            else:
                resolved.append(_pronoun_target(men, subjects, _person_before(doc, words[men.start].start)))
        else:
            resolved.append(men)
            if not _after_preposition(words, men.start):
                subjects.append(men)
    mentions = resolved

    skip = insertions(words)
    reporters = _reporters(words, mentions, skip)
    main_at = next((k for k, lw in enumerate(lowers) if k > 0 and (lw in CLAUSE_OPENERS or lw in REPORTING)), None)
    consumed: set[int] = set()
    found: list[Found] = []
    denial_at = next((k for k, lw in enumerate(lowers) if lw in DENIALS), None)
    accused_at: tuple[int, Mention, Mention] | None = None
    for m in matches:
        if m.start in consumed:
            continue
        trig = m.trigger
        if m.start > 0 and words[m.start].text[:1].isupper():
            continue  # "March", "Strike Force": a name, not a trigger
        if any(men.start <= m.start < men.end - 1 and not men.pronoun for men in mentions):
            continue  # "riot police", "assault troops": a word of an actor's name
        if trig.pos == "v" and m.start > 0 and lowers[m.start - 1] in DETERMINERS | OBJECT_PRONOUNS:
            continue  # "on the phone", "a visit" read as a verb; "pushed them back" is no backing
        if trig.pos == "v" and m.end < len(words) and lowers[m.end] == "of" and \
                any(w in DETERMINERS for w in lowers[max(0, m.start - 3):m.start]):
            continue  # "a further sign of", "the support of": a noun
        if trig.pos == "n" and trig.weak and _background_noun(words, matches, m):
            continue
        f = Found(type=trig.type, mode=trig.mode, match=m, confidence=0.45 if trig.weak else 0.65)
        passive = is_passive(lowers, m) or _reduced_passive(words, m)
        if trig.pos == "n":
            # "Russia's aggression", "a Russian invasion": the mention right before the noun
            before = [men for men in mentions if men.end in (m.start, m.start - 1) and
                      (men.end == m.start or lowers[men.end] in {"'s", "’s"})]
            f.actors = before[-1:] or _by_agent(words, mentions, m) or subject_of(words, mentions, m.start, skip)
            if not f.actors and m.end < len(words) and lowers[m.end] == "with" and m.start > 0:
                f.actors = subject_of(words, mentions, m.start - 1, skip)  # "withdrew after clashes with X"
        elif passive:
            by = next((k for k in range(m.end, min(m.end + 3, len(words))) if lowers[k] == "by"), None)
            agent = next((men for men in mentions if by is not None and by < men.start <= by + 2), None)
            if agent:
                f.actors = [agent]
            subj = subject_of(words, mentions, m.start, skip)
            f.recipient = subj[0] if subj else None
        else:
            subj = subject_of(words, mentions, m.start, skip)
            if subj and not coordinated_start(words, m.start):
                f.actors = subj
            elif found and coordinated_start(words, m.start):
                f.actors = list(found[-1].actors)
                f.inherited = True
            elif subj:
                f.actors = subj
        if trig.pos == "v" and lowers[m.start].endswith("ing") and m.start > 0 and lowers[m.start - 1] == ",":
            said = [spk for k, spk, _ in reporters if m.start - 4 <= k < m.start]
            if said:
                f.actors, f.inherited = said[-1:], False  # "X said, calling it a crime": X calls it

        if not f.actors and trig.pos == "v" and not passive and trig.type in MATERIAL_CONFLICT:
            # "a strike on Barda that it said killed 21": the force already coded in this sentence
            earlier = next((g for g in reversed(found) if g.type == trig.type and g.actors), None)
            if earlier is not None:
                f.actors, f.inherited = list(earlier.actors), True
        if not f.actors and trig.pos == "v" and not passive:
            # "X said that ... and accused Y": the sentence's main subject
            whole = subject_of(words, mentions, main_at, skip) if main_at is not None and main_at < m.start else []
            if whole and whole[0].end <= m.start:
                f.actors = whole
                f.inherited = True
        keys = {a.key for a in f.actors}
        if f.recipient is None:
            f.recipient = object_after(words, mentions, m, keys, f.actors)
            f.also = _coordinated_after(words, mentions, f.recipient)
        if trig.needs_recipient and f.recipient is None:
            continue
        if accused_at is not None and accused_at[0] < m.start <= accused_at[0] + 3:
            f.actors, f.reported_by, f.inherited = [accused_at[1]], accused_at[2], False
            if f.recipient is not None and f.recipient.key == accused_at[1].key:
                f.recipient = None
        _embedded(f, words, matches, consumed)
        _modality(f, words, denial_at)
        if f.type == "ACCUSE" and f.recipient is not None and f.actors and \
                f.recipient.end < len(words) and lowers[f.recipient.end] == "of":
            accused_at = (f.recipient.end, f.recipient, f.actors[0])
        f.location = location_in(mentions, m.start, len(words)) or location_in(mentions, 0, m.start)
        _condition_target(f, words, mentions)
        _place_target(f)
        found.append(f)

    found = _apply_reporting(found, reporters, doc, words)
    _possessive_recipients(found, words)
    out = _merge_one_sided(found, words)
    # for the next sentence: the last person named (for "he", "she"), then the subject (for the rest)
    people = [m for m in mentions if m.person and not m.anaphor][-1:] or [p for p in prior if p.person][-1:]
    subject = [m for m in mentions if not m.pronoun][:1] or [p for p in prior if not p.person][-1:] or prior[-1:]
    return out, people + [m for m in subject if m not in people]


def _reduced_passive(words: list[Word], m: Match) -> bool:
    """'people killed in the strike', '12 soldiers wounded by shelling': a participle right after
    its victims is passive."""
    if m.trigger.pos != "v" or m.start == 0 or m.end >= len(words):
        return False
    verb, before = words[m.start].lower, words[m.start - 1].lower
    if verb not in VICTIM_PARTICIPLES or words[m.end].fn not in {"in", "by", "during", "when", "after", "on", "at"}:
        return False
    return before in _heads() or before[:1].isdigit() or before in COUNT_WORDS


def _after_preposition_over_adjectives(words: list[Word], k: int) -> bool:
    """'against peaceful protesters', 'of injured protesters': a preposition, then lower-case
    modifiers, then the noun (read for weak event nouns only)."""
    j = k - 1
    while j > 0 and k - j <= 3 and words[j].text[:1].islower() and words[j].fn not in PREPOSITIONS \
            and words[j].fn not in CLAUSE_OPENERS and words[j].text not in {",", ";"}:
        j -= 1
    if j >= k - 1 or words[j].fn not in PREPOSITIONS:
        return False
    return not (words[j].fn == "of" and j > 0 and words[j - 1].lower in QUANTIFIERS)  # "thousands of angry protesters"


def _by_agent(words: list[Word], mentions: list[Mention], m: Match) -> list[Mention]:
    """'a major assault by the paramilitary RSF', 'rocket fire from Hezbollah': the agent acts."""
    if m.end < len(words) and (words[m.end].fn == "by" or (words[m.end].fn == "from" and m.trigger.type == "ASSAULT")):
        agent = next((men for men in mentions if m.end < men.start <= m.end + 3 and not men.pronoun), None)
        if agent is not None:
            return [agent]
    return []


def _background_noun(words: list[Word], matches: list[Match], m: Match) -> bool:
    """A weak event noun inside a prepositional phrase ("after an agreement on", "at talks")
    or as another trigger's object ("demanded a truce", "suspended aid") is no event of its own."""
    if m.start > 0 and words[m.start - 1].fn == "under":
        return False  # "under investigation", "under attack": a state, and an event
    if m.end < len(words) and words[m.end].fn == "by":
        return False  # "came under an assault by X": the agent makes it an event
    if m.trigger.type == "ASSAULT" and any(words[o.start].lower in VICTIM_PARTICIPLES and o.end < len(words) and
                                           words[o.end].fn in {"in", "by"} and o.end < m.start <= o.end + 4
                                           for o in matches):
        return False  # "people killed in Saturday's strike": the strike is what killed them
    if _after_preposition(words, m.start) or _after_preposition_over_adjectives(words, m.start):
        return True
    if m.trigger.type in {"AGREE", "CONSULT"} and m.start > 0 and words[m.start - 1].fn in {"the", "this", "that"} \
            and not (m.end < len(words) and words[m.end].fn in {"between", "with", "in", "on", "at", "to", "of"}):
        return True  # "the agreement amounted to capitulation": one already told, referred to
    j = m.start - 1
    while j > 0 and words[j].fn in DETERMINERS:
        j -= 1
    if j >= 0 and j < m.start - 1 and words[j].fn == "as":
        return True  # "condemned the drills as a threat": a description, not an event
    if j >= 0 and words[j].fn in {"after", "before", "following", "despite", "since", "until"}:
        # "after an agreement on", "after the attack" (one already told): background; "withdrew
        # after clashes with X": force that happened
        return not (m.trigger.type in MATERIAL_CONFLICT and words[j].fn in {"after", "following"}
                    and j == m.start - 1)
    return any(o.trigger.pos == "v" and o.end <= m.start <= o.end + 3 for o in matches if o is not m)


def _has_country(men: Mention | None) -> bool:
    return men is not None and bool(men.actor.country or men.actor.code)


def _condition_target(f: Found, words: list[Word], mentions: list[Mention]) -> None:
    """A threat's target is who must meet its condition: "X warned of a response if Y attacks"."""
    if f.type != "THREATEN" or _has_country(f.recipient):
        return
    keys = {a.key for a in f.actors}
    own = {a.actor.country for a in f.actors if a.actor.country}
    for k, w in enumerate(words):
        if w.fn not in CONDITIONALS or w.fn == "whether" or f.match.start <= k < f.match.end:
            continue
        subj = next((men for men in mentions if k < men.start <= k + 3 and not men.pronoun), None)
        if subj is not None and subj.key not in keys and _has_country(subj) and subj.actor.country not in own:
            f.recipient = subj
            return


def _place_target(f: Found) -> None:
    """Force used in a place with no named target is used against that place's country
    ("troops entered Donbas", "fired shells at targets in Jericho"); a protest by outsiders is
    aimed at the country it is held in ("ethnic Albanians demonstrated in Serbia")."""
    if f.type not in MATERIAL_CONFLICT | {"PROTEST"} or _has_country(f.recipient) or f.location is None:
        return
    place = f.location.place
    country = place.country if place else None
    if not country or not f.actors:
        return
    sector = None
    if any(a.actor.country == country for a in f.actors):
        # force at home ("government forces shelled villages in Idlib"): aimed at the people there,
        # unless the recipient is the actor's own side being moved or the place's own government
        if f.type not in {"ASSAULT", "COERCE"} or f.recipient is not None:
            return
        sector = "CVL"
    actor = Actor(text=f.location.text, name=place.name if place else None, country=country, sector=sector)
    f.recipient = Mention(f.location.start, f.location.end, f.location.text, actor)


def _quote_speaker(doc: NlpDoc, char: int) -> Actor | None:
    for q in doc.quotes:
        if q.start <= char < q.end and q.speaker and q.speaker.actor:
            return q.speaker.actor
    return None


def _reporters(words: list[Word], mentions: list[Mention],
               skip: set[int] | None = None) -> list[tuple[int, Mention, bool]]:
    """(position, speaker, tail) for each reporting verb: "X said ..." or "..., X said"; a
    participle after a comma ("..., claiming that") reports for the sentence's subject."""
    out: list[tuple[int, Mention, bool]] = []
    lowers = [w.fn for w in words]
    main_at = next((k for k, lw in enumerate(lowers) if k > 0 and (lw in CLAUSE_OPENERS or lw in REPORTING)), None)
    for k, lw in enumerate(lowers):
        is_acc = lw == "according" and k + 1 < len(words) and lowers[k + 1] == "to"
        if lw not in REPORTING and not is_acc:
            continue
        if lw in {"announce", "announces", "announced", "announcing"} and \
                not (k + 1 < len(words) and lowers[k + 1] in {"that", "on", "it"}):
            continue  # "announced sanctions" is the act, not a report of one
        tail = any(lowers[j] == "," for j in range(max(0, k - 6), k)) and k > len(words) // 2
        speaker = None
        if is_acc:
            speaker = next((m for m in mentions if m.start > k + 1), None)
            tail = True
        elif lw.endswith("ing") and k > 0 and lowers[k - 1] == "," and main_at is not None and main_at < k:
            left = subject_of(words, mentions, main_at, skip)
            speaker, tail = (left[0] if left else None), False
        else:
            comma = next((j for j in range(k - 1, max(-1, k - 7), -1) if lowers[j] == ","), None)
            # "..., the local authorities said": the words between the comma and the verb
            between = [m for m in mentions if comma is not None and comma < m.start and m.end <= k]
            left = between[:1] or subject_of(words, mentions, k, skip)
            speaker = left[0] if left else next((m for m in mentions if k < m.start <= k + 3), None)
        if speaker is not None:
            out.append((k, speaker, tail))
    return out


def _apply_reporting(found: list[Found], reporters: list[tuple[int, Mention, bool]],
                     doc: NlpDoc, words: list[Word]) -> list[Found]:
    """Source of each event (the nearest report before it, else the nearest tail report after
    it, else the quote it sits in); misconduct verbs become the source's accusation."""
    kept: list[Found] = []
    for f in found:
        pos = f.match.start
        before = [(k, spk) for k, spk, tail in reporters if k < pos and not tail]
        after = [(k, spk) for k, spk, tail in reporters if tail and pos < k]
        speaker: Mention | None = before[-1][1] if before else (after[0][1] if after else None)
        qspk = _quote_speaker(doc, words[pos].start)
        if speaker is None and qspk is not None:
            speaker = Mention(pos, pos, qspk.text or (qspk.name or ""), qspk)
        if f.match.trigger.reported:
            # "X claimed Y was undermining ...": X accuses Y; with no claimant, no event
            if speaker is None or any(a.key == speaker.key for a in f.actors):
                continue
            f.recipient = f.actors[0] if f.actors else f.recipient
            f.actors, f.reported_by, f.inherited = [speaker], None, False
            kept.append(f)
            continue
        kept.append(f)
        if speaker is None:
            continue
        if f.type not in VERBAL and f.actors and all(a.key != speaker.key for a in f.actors) and \
                any(w in OBLIGATION for w in window_before([w.fn for w in words], pos, 3)):
            # "X said Y must withdraw": X demands it of Y
            f.type, f.mode, f.recipient, f.actors = "REQUEST", None, f.actors[0], [speaker]
            continue
        if not f.actors:
            if f.type in VERBAL and not is_passive([w.lower for w in words], f.match):
                f.actors = [speaker]
        elif all(a.key != speaker.key for a in f.actors):
            f.reported_by = speaker
    return kept


def _possessive_recipients(found: list[Found], words: list[Word]) -> None:
    """'fired at its positions' inside a report: 'its' is the reporter's. Force with no target,
    reported by a state's organ ("Ukraine's air force said Russia launched 117 drones"), was
    used against that state."""
    for f in found:
        if f.recipient is None and f.reported_by is not None and f.type in MATERIAL_CONFLICT - {"MOBILIZE"}:
            rep = f.reported_by.actor
            if rep.country and rep.sector in {None, "GOV", "MIL"} and f.actors and \
                    all(a.actor.country and a.actor.country != rep.country for a in f.actors):
                f.recipient = Mention(f.reported_by.start, f.reported_by.end, f.reported_by.text,
                                      Actor(text=rep.text, name=rep.name, country=rep.country))
                continue
        if f.recipient is None and f.reported_by is not None and f.type in MATERIAL_CONFLICT:
            for k in range(f.match.end, min(f.match.end + 3, len(words))):
                if words[k].lower in POSSESSIVE_PRONOUNS:
                    f.recipient = f.reported_by
                    break


def _embedded(f: Found, words: list[Word], matches: list[Match], consumed: set[int]) -> None:
    """'threatened to cut ties', 'urged X to withdraw', 'agreed to meet': the complement is
    folded into the framing event (its content sets the mode) rather than coded twice."""
    if f.match.trigger.pos != "v" or f.type not in FRAMING_TYPES:
        return
    if words[f.match.start].lower in DENIALS:
        return  # "denied that its troops attacked": the attack stays, marked negated
    lowers = [w.fn for w in words]
    start = f.match.end
    if f.recipient and f.match.end <= f.recipient.start <= f.match.end + 2:
        start = f.recipient.end  # "urged Algeria to": the complement follows the recipient
    if lowers[f.match.end - 1] == "to":
        start = f.match.end - 1
    to = next((k for k in range(start, min(start + 4, len(words))) if lowers[k] == "to"), None)
    if to is None and f.recipient is not None and f.recipient.start >= f.match.end:
        # "urged Armenia and Azerbaijan on Tuesday to halt": past more addressees and a time
        to = next((k for k in range(start, min(start + 8, len(words))) if lowers[k] == "to"
                   and not any(lowers[j] in {",", ";"} | CLAUSE_OPENERS for j in range(start, k))), None)
    reach = 3
    if to is None and f.match.end < len(words) and lowers[f.match.end] == "that":
        to, reach = f.match.end, 10  # "demanded that the government provide ..."
    if to is None and f.type in {"REQUEST", "REJECT"}:
        # "demanded their immediate release", "rejected a withdrawal": the content is a noun
        noun = next((o for o in matches if f.match.end <= o.start <= f.match.end + 3 and
                     all(not words[k].text[:1].isupper() for k in range(f.match.end, o.start))), None)
        if noun is not None:
            to, reach = noun.start - 1, 1
    if to is None:
        return
    inner = next((m for m in matches if to < m.start <= to + reach and m.trigger.pos == "v"), None)
    if inner is None:
        return
    consumed.add(inner.start)
    for o in matches:  # "to halt fighting", "to stop the attacks": the object is part of the content
        if inner.end <= o.start <= inner.end + 1 and all(w.fn in DETERMINERS for w in words[inner.end:o.start]):
            consumed.add(o.start)
    kind = inner.trigger.type
    threat = ontology()["threat_content"]
    if f.type == "THREATEN":
        f.mode = f.mode or threat.get(kind)
    elif f.type == "AGREE" and kind in threat:
        f.type, f.mode = "THREATEN", threat[kind]  # "vowed to attack" is a threat
    elif f.type == "REQUEST":
        f.mode = f.mode or {"RETREAT": "yield", "CONCEDE": "yield", "CONSULT": "meet", "AGREE": "meet",
                            "AID": "assist", "COOPERATE": "assist", "SUPPORT": "assist"}.get(kind, "change")
    elif f.type == "REJECT":
        f.mode = f.mode or {"CONSULT": "meet", "AGREE": "meet", "AID": "assist", "COOPERATE": "assist",
                            "RETREAT": "yield", "CONCEDE": "yield"}.get(kind, "change")


def _modality(f: Found, words: list[Word], denial_at: int | None) -> None:
    lowers = [w.fn for w in words]
    m = f.match
    before = window_before(lowers, m.start, 4)
    near = window_before(lowers, m.start, 2)
    negated = any(w in NEGATIONS or w == "none" for w in before)
    if denial_at is not None and denial_at < m.start and lowers[denial_at] not in lowers[m.start:m.end] and \
            not any(lw in CLAUSE_OPENERS - {"that"} for lw in lowers[denial_at + 1:m.start]):
        negated = True
    modal = any(w in MODALS for w in before)
    future = any(w in FUTURE for w in before) or "going" in near
    lo = clause_start(words, m.start)
    conditional = lo > 0 and lowers[lo - 1] in CONDITIONALS
    if not conditional:
        conditional = any(lowers[k] in CONDITIONALS for k in range(max(0, m.start - 8), m.start)
                          if not any(x in {",", ";"} for x in lowers[k:m.start]))
    # "will withdraw its troops unless ...": a future act on a condition is a threat
    condition_after = any(lw in {"unless", "if"} for lw in lowers[m.end:])
    coercive = f.type in MATERIAL_CONFLICT | {"PROTEST"} or (f.type == "RETREAT" and condition_after)
    if coercive and not negated and ((future and condition_after) or (modal and f.type == "PROTEST")):
        f.mode = ontology()["threat_content"].get(f.type)
        f.type, f.hypothetical, f.future = "THREATEN", True, future
        return
    if negated and (modal or future) and f.type in COOPERATIVE | {"CONSULT"}:
        f.type, f.mode, negated = "REJECT", None, False  # "will not accept" is a refusal
    f.negated = negated
    f.hypothetical = modal or conditional
    f.future = future
    if f.type in COOPERATIVE - {"AGREE", "CONCEDE", "RETREAT"} and future and not negated:
        f.type, f.mode = "AGREE", None  # manual 3.1: future cooperation is AGREE
    elif f.type == "RETREAT" and future and not negated:
        f.type, f.mode = "CONCEDE", None  # manual 3.4.2: announced retreat is CONCEDE
    as_verb = m.trigger.pos == "v" or (m.start > 0 and lowers[m.start - 1] in MODALS)
    if f.type in MATERIAL_CONFLICT and (modal or conditional) and not negated and as_verb:
        # "X could attack", "would blockade" threaten; "an attack would have consequences" supposes one
        f.mode = ontology()["threat_content"].get(f.type)
        f.type = "THREATEN"
        f.hypothetical = True


def _merge_one_sided(found: list[Found], words: list[Word]) -> list[Found]:
    """'X was killed when Y fired ...': an agentless and a targetless ASSAULT are one event;
    'people killed in a Russian strike on Kharkiv': the strike's actor killed them, there."""
    for f in found:
        if f.type != "ASSAULT" or f.actors or words[f.match.start].lower not in VICTIM_PARTICIPLES:
            continue
        victim = f.recipient.key if f.recipient else None
        cause = next((g for g in found if g is not f and g.type == "ASSAULT" and g.actors and
                      all(a.key != victim for a in g.actors) and
                      f.match.end <= g.match.start <= f.match.end + 5), None)
        if cause is None:
            continue
        f.actors, f.mode, f.reported_by = cause.actors, cause.mode or f.mode, f.reported_by or cause.reported_by
        f.location = f.location or cause.location
        if f.recipient is None:
            f.recipient = cause.recipient
        elif not _has_country(f.recipient) and _has_country(cause.recipient):
            hit = f.recipient
            country = cause.recipient.actor.country if cause.recipient else None
            f.recipient = Mention(hit.start, hit.end, hit.text, hit.actor.model_copy(update={"country": country}))
        found = [g for g in found if g is not cause]
    out: list[Found] = []
    for f in found:
        if f.type == "ASSAULT":
            other = next((o for o in out if o.type == "ASSAULT" and
                          ((not o.actors and f.recipient is None and o.recipient) or
                           (not f.actors and o.recipient is None and f.recipient))), None)
            if other is not None:
                if not other.actors:
                    other.actors, other.match, other.mode = f.actors, f.match, f.mode or other.mode
                    other.reported_by = other.reported_by or f.reported_by
                else:
                    other.recipient = f.recipient
                continue
        out.append(f)
    return out


# ---------------------------------------------------------------- dates, history, records


def _timex_value(doc: NlpDoc, lo: int, hi: int) -> str | None:
    for t in doc.timexes:
        if lo <= t.start < hi and t.value:
            return t.value
    return None


def _date_of(value: str | None) -> dt.date | None:
    if not value:
        return None
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not m:
        return None
    return dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))


def historical_date(doc: NlpDoc, sentence: str, lo: int, hi: int) -> tuple[str | None, bool]:
    """The sentence's own date and whether it is background (well before publication)."""
    value = _timex_value(doc, lo, hi)
    if value is None:
        year = YEAR.search(sentence)
        if year:
            value = year.group(1)
    pub = doc.published
    when = _date_of(value)
    historical = False
    if pub is not None and when is not None:
        if len(value or "") == 4:
            historical = when.year < pub.year
        else:
            historical = (pub - when).days > 300 or when.year < pub.year - 1
    if any(_background_cue(m, sentence) for p in HISTORY_MARKERS for m in p.finditer(sentence)):
        historical = True
    if value is None and pub is not None:
        value = pub.isoformat()
    return value, historical


_CHUNK_CUT = re.compile(r"[,;:]\s|\s[—–]\s")
_CLAUSE_WORDS = 5  # a comma-chunk longer than this is a clause of its own, not a fronted "In 2014,"


def _present_tense(words: list[Word], k: int) -> bool:
    """'dismisses', 'is refusing', 'has rejected': told as now. A past verb shares the time of the
    clause it is joined to ('annexed Crimea in 2014, and the West imposed sanctions')."""
    w = words[k].lower
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return True
    return k > 0 and words[k - 1].fn in {"is", "are", "has", "have", "am"}


def _own_clause(doc: NlpDoc, sentence: str, lo: int, at: int, date: str | None,
                historical: bool) -> tuple[str | None, bool]:
    """An event in a clause of its own that names no date takes the report's day, not the
    background of another clause: "Kiev claims Russia has lost 700,000 troops since February
    2022, a figure Moscow dismisses" dismisses now. A fronted "In 2014, Russia annexed" still dates."""
    if not historical or doc.published is None:
        return date, historical
    cuts = [0, *(m.end() for m in _CHUNK_CUT.finditer(sentence)), len(sentence) + 2]
    rel = at - lo
    k = max(i for i, c in enumerate(cuts[:-1]) if c <= rel)
    c0, c1 = cuts[k], cuts[k + 1]
    own = sentence[c0:c1]
    if _timex_value(doc, lo + c0, lo + c1) or YEAR.search(own) or \
            any(p.search(own) for p in HISTORY_MARKERS):
        return date, historical
    dated = [sentence[a:b] for a, b in zip(cuts[:-1], cuts[1:], strict=True) if a != c0 and (
        _timex_value(doc, lo + a, lo + b) or YEAR.search(sentence[a:b])
        or any(p.search(sentence[a:b]) for p in HISTORY_MARKERS))]
    if dated and all(len(chunk.split()) > _CLAUSE_WORDS for chunk in dated):
        return doc.published.isoformat(), False
    return date, historical


SUPERLATIVE_BEFORE = re.compile(r"\b(?:\w+est|most|first|worst|biggest|largest|highest|lowest)\b(?:\s+\w+){0,2}\s+$",
                                re.I)


def _background_cue(m: re.Match[str], sentence: str) -> bool:
    """A history cue, unless a comparison: 'the highest since 2014' is about now."""
    if not m.group(0).lower().startswith("since"):
        return True
    return not SUPERLATIVE_BEFORE.search(sentence, 0, m.start())


def _lines(doc: NlpDoc) -> list[tuple[int, int]]:
    """Sentence spans, cut again at line breaks: a cleaned body's lines are paragraphs. A wire
    dateline ("BEIRUT, March 3 (Agency) -") opening a paragraph is no part of its sentence."""
    out: list[tuple[int, int]] = []
    body = doc.body

    def add(start: int, end: int) -> None:
        if start == 0 or body[start - 1] == "\n":
            dateline = WIRE_DATELINE.match(body, start, end)
            if dateline:
                start = dateline.end()
        if body[start:end].strip():
            out.append((start, end))

    for lo, hi in doc.sentences():
        start = lo
        for m in re.finditer(r"\n\s*", body[lo:hi]):
            add(start, lo + m.start())
            start = lo + m.end()
        add(start, hi)
    return out


def _doc_opponents(all_mentions: Counter[str]) -> list[str]:
    return [c for c, _ in all_mentions.most_common()]


def extract_events(doc: NlpDoc) -> list[Event]:
    """PLOVER events of the body, one per trigger and actor, with sentence offsets."""
    body = doc.body
    events: list[Event] = []
    countries: Counter[str] = Counter()
    aggressors: Counter[str] = Counter()
    pending: list[tuple[Event, str | None]] = []
    prior: list[Mention] = []
    for lo, hi in _lines(doc):
        sentence = body[lo:hi]
        if not sentence.strip():
            continue
        span = _sentence_span(doc, lo, hi)
        matches = None
        if isinstance(span, tuple):
            # most sentences hold no trigger: their lowercase words say so without any Word objects
            matches = find_triggers(_doc_words(doc, _token_table(doc)[2])[2][span[0]:span[1]])
            if not matches:
                continue
            words = _slice_words(doc, *span)
        else:
            words = span
        if not words:
            continue
        found, prior_next = code_sentence(doc, words, sentence, prior, matches)
        prior = prior_next or prior
        date, historical = historical_date(doc, sentence, lo, hi) if found else (None, False)
        seen: set[tuple[object, ...]] = set()
        for f in found:
            for men in f.actors or [None]:  # type: ignore[list-item]
                if men is not None and men.actor.country:
                    countries[men.actor.country] += 1
                    if f.type in AGGRESSION and not f.negated:
                        aggressors[men.actor.country] += 1
            if f.recipient is not None and f.recipient.actor.country:
                countries[f.recipient.actor.country] += 1
            present = _present_tense(words, f.match.start)
            own_date, own_historical = _own_clause(doc, sentence, lo, words[f.match.start].start, date, historical) \
                if present else (date, historical)
            for ev in _records(f, doc, words, sentence, lo, hi, own_date, own_historical, pending):
                # "a hunger strike in protest": one sentence, one event per type and dyad
                key = (ev.type, _side_key(ev.actor), _side_key(ev.recipient), ev.negated)
                if key in seen and (ev.actor is not None or ev.recipient is not None):
                    pending[:] = [p for p in pending if p[0] is not ev]
                    continue
                seen.add(key)
                events.append(ev)
    # an accusation or threat with no recipient in its sentence is aimed at the article's
    # main other party: the country most often using force, else the most mentioned, other
    # than the actor's; a mobilisation is aimed at the most mentioned other country
    ranked = _doc_opponents(countries)
    by_force = [c for c, _ in aggressors.most_common()] + ranked
    dyads: Counter[tuple[str, str]] = Counter(
        tuple(sorted((e.actor.country, e.recipient.country)))  # type: ignore[misc]
        for e in events if e.actor and e.recipient and e.actor.country and e.recipient.country
        and e.actor.country != e.recipient.country)
    for ev, actor_country in pending:
        # a refusal answers whoever the actor deals with most; blame goes to whoever uses force
        partners = [b if a == actor_country else a for (a, b), _ in dyads.most_common()
                    if actor_country in (a, b)] if ev.type == "REJECT" else []
        order = partners + (ranked if ev.type in AGGRESSION else by_force)
        # a state's organs are not aimed at their own state; rebels and oppositions may be
        at_home = ev.actor is not None and ev.actor.sector in NON_STATE
        # who acts beside it in its own sentence ("X condemned ..., and Y suspended ...") is on its side
        beside = {e.actor.country for e in events if e.start == ev.start and e.actor and e.actor.country} - \
            {actor_country}
        other = next((c for c in order if (c != actor_country or at_home) and c not in beside), None)
        if other is not None:
            ev.recipient = ev.recipient.model_copy(update={"country": other}) if ev.recipient is not None \
                else Actor(text="", country=other)
            ev.confidence = round(max(0.2, ev.confidence - 0.15), 2)
    return events


def _side_key(actor: Actor | None) -> str | None:
    return (actor.country or actor.code or actor.name or actor.text) if actor is not None else None


def _records(f: Found, doc: NlpDoc, words: list[Word], sentence: str, lo: int, hi: int,
             date: str | None, historical: bool, pending: list[tuple[Event, str | None]]) -> list[Event]:
    m = f.match
    trigger = doc.body[words[m.start].start: words[m.end - 1].end]
    # "X and Y agreed": each with the other, unless a known third party is named
    symmetric = m.trigger.symmetric and not _has_country(f.recipient) and len(f.actors) > 1
    loc = f.location
    out: list[Event] = []
    conf = f.confidence + (0.1 if f.actors else -0.1) + (0.1 if f.recipient else 0.0) - \
        (0.1 if f.inherited else 0.0)
    conf = round(min(0.95, max(0.1, conf)), 2)
    actors: list[Mention | None] = list(f.actors) or [None]
    recipients: list[Actor | None] = [f.recipient.actor if f.recipient else None] + [r.actor for r in f.also]
    for men, recipient in ((a, r) for a in actors for r in recipients):
        if symmetric and men is not None:
            other = next(a for a in f.actors if a is not men)
            recipient = other.actor
        actor = men.actor if men is not None else None
        if actor is not None and recipient is not None and \
                (recipient == actor or (actor.id is not None and recipient.id == actor.id)):
            recipient = None  # "army spokesman X" after "X": one person, not a dyad
        ev = Event(
            type=f.type, mode=f.mode, actor=actor, recipient=recipient,
            location=loc.place if loc else None, date=date, historical=historical,
            negated=f.negated, hypothetical=f.hypothetical, text=sentence, start=lo, end=hi,
            trigger=trigger, reported_by=f.reported_by.actor if f.reported_by else None,
            score=plover_score(f.type, f.mode), confidence=conf,
        )
        if (recipient is None or not (recipient.country or recipient.code)) and f.type in IMPLIED_OPPONENT \
                and actor is not None:  # none named, or one of no known country ("condemned the use of force")
            pending.append((ev, actor.country))
        out.append(ev)
    return out
