"""The day a conflict is dated by, read where an undated text ties a year-less day to that event.

A text with no publication day cannot resolve "October 7" (which year?), but "the October 7 attacks" in a
text on Israel and Hamas names one day whatever the text's own date: the event's. The parse says whether the
day belongs to the event's noun (lang/en/dates.yaml `landmark_day`: the days, their context and event words) or
opens a count from it ("killed in Ukraine since February 24": `landmark_day_as_a_bound`), and whether a month alone
is the event's ("since the invasion began in late February": `landmark_month`). A day with a year it can borrow (its
range's, taken first: `range_year_from_its_end`; its sentence's; the same day's said elsewhere) is that year's
unless it names the event ("the October 7 attack")."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from flashpoint.nlp.date_rules import date_rules, rule_words
from flashpoint.nlp.syntax import VERBS, word_in

# the relations of the parser's (Universal Dependencies) labels these read:
# the verb's words that name what it tells of ("the invasion began", "started its invasion")
_ARGUMENTS = frozenset({"nsubj", "nsubj:pass", "obj"})
# a verb that describes its noun ("the war that Russia launched on February 24")
_DESCRIBING = frozenset({"acl", "acl:relcl"})
# a verb's word that a day said after it may be hung from instead of the verb ("against Ukraine on February 24")
_VERB_WORDS = frozenset({"obl", "obj"})


@dataclass(frozen=True)
class Landmark:
    """A day a conflict is dated by, the words (as written) that name the conflict, and the nouns of its event; the
    words of a sentence and the nouns by which its month alone names the event (none: the month never does)."""

    day: dt.date
    context: re.Pattern[str]
    events: frozenset[str]
    month_context: re.Pattern[str] | None
    month_events: frozenset[str]


def _words_pattern(words: list[object]) -> re.Pattern[str]:
    """Any of `words` as written, whole."""
    return re.compile(r"\b(?:" + "|".join(re.escape(str(w)) for w in words) + r")\b")


@lru_cache(maxsize=1)
def landmarks() -> tuple[Landmark, ...]:
    """dates.yaml `landmark_day` `days`: each day with its context words and event nouns."""
    rows = date_rules()["landmark_day"].get("days")
    if not isinstance(rows, list) or not all(isinstance(r, dict) and r.get("day") and r.get("context")
                                             and r.get("events") for r in rows):
        raise ValueError("lang/en/dates.yaml: landmark_day.days must list a day, its context words and event nouns")
    if not all(isinstance(r.get("month_context", []), list) and isinstance(r.get("month_events", []), list)
               and bool(r.get("month_context")) == bool(r.get("month_events")) for r in rows):
        raise ValueError("lang/en/dates.yaml: landmark_day.days: month_context and month_events are lists, both or none")
    return tuple(Landmark(dt.date.fromisoformat(str(r["day"])), _words_pattern(r["context"]),
                          frozenset(str(w).lower() for w in r["events"]),
                          _words_pattern(r["month_context"]) if r.get("month_context") else None,
                          frozenset(str(w).lower() for w in r.get("month_events", []))) for r in rows)


def _day_root(tokens: Doc, start: int, end: int) -> Token | None:
    """The day's word that hangs from a word outside it ("7" in "the October 7 attacks", hung from "attacks")."""
    span = tokens.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return next((t for t in span if not (span.start <= t.head.i < span.end)), None)


def _said_of_a_day_kept_again(root: Token, events: frozenset[str]) -> bool:
    """'marked the anniversary of the invasion on February 24': a day said after the event's noun, where that noun
    is the anniversary's, may be the anniversary's day (a day before the noun, "the October 7 attack", is the
    event's)."""
    noun, kept_again = root.head, rule_words("landmark_day", "comes_again")
    return root.i > noun.i and word_in(noun, events) and noun.head.lower_ in kept_again and noun.dep_.startswith("nmod")


def tied_to_event(head: Token, events: frozenset[str]) -> bool:
    """Is a day hanging from `head` told of one of the event nouns: the noun itself, a verb whose subject or object it
    is, or a verb that describes it? A day hung from another word of that verb ("launched against Ukraine on February
    24": the parser puts the day under "Ukraine") is the verb's."""
    if word_in(head, events):
        return True
    verb = head if head.pos_ in VERBS else head.head if head.dep_ in _VERB_WORDS and head.head.pos_ in VERBS else None
    if verb is None:
        return False
    return any(c.dep_ in _ARGUMENTS and word_in(c, events) for c in verb.children) \
        or (verb.dep_ in _DESCRIBING and word_in(verb.head, events))


def landmark_day(body: str, tokens: Doc, start: int, end: int, month_day: tuple[int, int],
                 year_told_elsewhere: bool) -> dt.date | None:
    """The conflict's day that the year-less `month_day` said at body[start:end] names, or None. A year its sentence
    tells, or the same day said elsewhere with a year (`year_told_elsewhere`), is the year it may borrow instead:
    only a day that names the event ('the October 7 attack') is the event's then."""
    candidates = [m for m in landmarks() if (m.day.month, m.day.day) == month_day and m.context.search(body)]
    if not candidates or not tokens.has_annotation("DEP"):
        return None
    root = _day_root(tokens, start, end)
    if root is None:
        return None
    year_elsewhere = year_told_elsewhere or _tells_a_year(root.sent)
    return next((m.day for m in candidates if (
        tied_to_event(root.head, m.events) and not _said_of_a_day_kept_again(root, m.events)
        and (_names_the_event(root, m.events) or not year_elsewhere)
        or not year_elsewhere and _opens_a_count(root, m.context))), None)


def _names_the_event(root: Token, events: frozenset[str]) -> bool:
    """'the October 7 attack': a day said before the event's noun, as its name, is the event's whatever year its
    sentence tells ('a year after the October 7 attack, in 2024'); said after a word ('the attack on October 7',
    'repelled 200 attacks on February 24') it may be the same day of that year."""
    return root.i < root.head.i and word_in(root.head, events)


def _tells_a_year(sentence: Span) -> bool:
    """Does the sentence say a year ('2023') of its own?"""
    return any(t.like_num and re.fullmatch(r"(?:19|20)\d\d", t.text) for t in sentence)


def _opens_a_count(root: Token, context: re.Pattern[str]) -> bool:
    """'killed 112 children in Ukraine since February 24', 'From February 24 to July 10, the Armed Forces of Ukraine
    eliminated ...': the day opens a stretch (a `bounds` word is its case), in a sentence that names the conflict
    (dates.yaml landmark_day_as_a_bound; `landmark_day` reads no year it could borrow)."""
    if not any(c.dep_ == "case" and c.lower_ in rule_words("landmark_day_as_a_bound", "bounds") for c in root.children):
        return False
    return bool(context.search(root.sent.text))


def _begins(tok: Token, events: frozenset[str]) -> bool:
    """Is `tok` a verb of a beginning (dates.yaml landmark_month `verbs`) whose subject or object is an event noun
    ("the invasion started", "began a full-scale war")?"""
    return tok.pos_ in VERBS and word_in(tok, rule_words("landmark_month", "verbs")) \
        and any(c.dep_ in _ARGUMENTS and word_in(c, events) for c in tok.children)


def landmark_month(tokens: Doc, start: int, end: int, month: int) -> dt.date | None:
    """The conflict's day whose month the year-less, day-less `month` said at [start, end) names, or None: the month
    is a word of the event's noun or of a verb that begins it, and its sentence names the conflict (dates.yaml
    landmark_month)."""
    if not tokens.has_annotation("DEP"):
        return None
    root = _day_root(tokens, start, end)
    if root is None:
        return None
    sentence = root.sent.text
    for m in landmarks():
        if m.day.month != month or m.month_context is None or not m.month_context.search(sentence):
            continue
        head = root.head
        if (word_in(head, m.month_events) or _begins(head, m.month_events)) \
                and not _said_of_a_day_kept_again(root, m.month_events):
            return m.day
    return None
