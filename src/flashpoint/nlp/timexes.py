"""Dates in the body, normalised to TIMEX3 values against the publication day.

Rules rather than dateparser: news uses a few dozen forms ("on Thursday", "last July",
"since 2014", "22 February 2022") and a regex grammar finds them with offsets, fast, and
resolves them news-style: a bare weekday or a month without a year is the most recent one
on or before the publication day unless the clause speaks of the future.

Choices (documented because they are choices):
- granularity is kept: a year stays "2019", a month "2020-07", a week "2021-W14", a decade "199X";
- a season takes the year it begins in ("2025-WI" is December 2025 to February 2026), the latest one
  unless the clause speaks of the future (dates.yaml: season_year);
- parts of the day append TIMEX3 codes: "Thursday evening" -> "2022-02-24TEV", "tonight" -> "...TNI",
  "late Saturday" -> "...TNI", "early Wednesday" -> "...TMO";
- "overnight" is the night ending on the publication day ("D-1TNI" inside the finder, so "three days
  later" counts from it), but no date of the record: it names no day (dates.yaml: overnight_is_no_date);
- "the night of Wednesday to Thursday" takes the first night's date ("...TNI" of Wednesday);
- fuzzy past ("in recent months", "recently") -> "PAST_REF"; "now"/"currently" -> "PRESENT_REF";
- modifiers ("late on", "since", "before", "mid-") do not change the value;
- a range ("from 3 May to 5 July 2019") is reported in the pipeline as two dates; one said in a
  breath ("May-July 2019", "18-19 November") is one timex valued at its start;
  `find_expressions(..., merge_ranges=True)` joins ranges for the evaluation, with an interval;
- without a publication date, absolute dates are resolved, relative ones get value None
  (a month-day without a year becomes "XXXX-MM-DD").
Clock times are not tagged by the pipeline.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import pairwise

from spacy.tokens import Doc, Token

from flashpoint.model import Timex
from flashpoint.nlp.date_rules import date_rules, rule_words
from flashpoint.nlp.document import NlpDoc, publication_window, spaced_words
from flashpoint.nlp.landmark_days import landmark_day, landmark_month
from flashpoint.nlp.language import (
    DEFAULT_LANGUAGE,
    calendar_words,
    date_patterns,
    date_words,
    fill_parts,
    lexicon,
    names,
    number_words,
    relative_steps,
    syntax,
    word_list,
)
from flashpoint.nlp.numbers import (
    NUMBER_WORDS_RE,
    ORDINAL_SUFFIX_RE,
    ORDINAL_UNITS,
    ORDINAL_WORDS_RE,
    SCALES,
    UNITS,
    ordinal_to_number,
    parse_number,
)
from flashpoint.nlp.quotes import QSpan, quote_marks
from flashpoint.nlp.regexes import alternation, longest_first
from flashpoint.nlp.syntax import VERBS, is_verb_of

_CALENDAR = calendar_words()  # resources/lang/en/calendar.yaml
MONTHS: dict[str, int] = dict(_CALENDAR.months)  # "sept" -> 9
WEEKDAYS: dict[str, int] = dict(_CALENDAR.weekdays)  # "tues" -> 1
PARTS_OF_DAY: dict[str, str] = {**_CALENDAR.parts_of_day, **_CALENDAR.part_of_day_words}
_POD_WORDS = "|".join(_CALENDAR.parts_of_day)  # morning|afternoon|evening|night


def _unit(said: str) -> str:
    """The unit of time a written unit names: "Weeks" -> "week" (calendar.yaml time_units)."""
    return _CALENDAR.units[said.lower()]


_ARTICLES = names().indefinite_articles  # "in a week": a count of one (lang/en/entities.yaml)
SEASONS: dict[str, str] = dict(_CALENDAR.seasons)

# a dot only after an abbreviation ("Jan."); after a full name it ends the sentence
# (the name lists as tries: the same longest-first matches, found faster; see regexes.alternation)
_MON = (r"(?:" + alternation(n for n in MONTHS if len(n) > 4 or n in _CALENDAR.month_names)
        + r"|(?:" + alternation(n for n in MONTHS if len(n) <= 4 and n not in _CALENDAR.month_names) + r")\.?)")
_WD = (r"(?:" + alternation(n for n in WEEKDAYS if len(n) > 5)
       + r"|(?:" + alternation(n for n in WEEKDAYS if len(n) <= 5) + r")\.?)")
_WD_FULL = r"(?:" + "|".join(_CALENDAR.weekday_names) + r")"
_W = date_words()
_PATTERNS = date_patterns()  # the date finder's patterns, written with named parts (lang/en/dates.yaml)
# the parts a pattern names in capitals ({MON}), built from the calendar and number words; the parts written in
# dates.yaml (`pattern_parts`: {NUM}, {UNIT}) join them below
_PARTS: dict[str, str] = {"MON": _MON, "WD": _WD, "WD_FULL": _WD_FULL, "PARTS_OF_DAY": _POD_WORDS,
                          "ORDINAL_SUFFIX": ORDINAL_SUFFIX_RE, "ORDINAL_WORDS": ORDINAL_WORDS_RE,
                          "NUMBER_WORDS": NUMBER_WORDS_RE, "SEASONS": "|".join(SEASONS),
                          # the words a report's date and a shown date's lead are read after (dates.yaml)
                          "REPORTING_VERBS": alternation(word_list(DEFAULT_LANGUAGE, "dates.yaml", "reporting_verbs")),
                          "LEADING_WORDS": alternation(word_list(DEFAULT_LANGUAGE, "dates.yaml", "leading_words"))}


def _pattern_words(name: str) -> str:
    """A word list a pattern names: {relative_words} of dates.yaml (longest first), {rule.key} a date rule's."""
    if "." in name:
        return alternation(rule_words(*name.split(".", 1)))
    return longest_first(getattr(_W, name))


def filled(text: str) -> str:
    """A pattern's text with its named parts filled in: {MON} a part the finder builds (_PARTS, which grows below),
    {relative_words} or {rule.key} a word list; a part not known is an error."""
    return fill_parts(text, _PARTS, _pattern_words, "lang/en/dates.yaml: a pattern", "the finder")


@lru_cache(maxsize=128)
def date_pattern(name: str) -> re.Pattern[str]:
    """One of dates.yaml `cue_patterns`, filled in and compiled (once: the rules read some at every match)."""
    row = _PATTERNS.cues[name]
    return re.compile(filled(row.text), re.I if row.ignore_case else 0)


# days of the month said in words: "twenty first", "the eleventh", "thirty" (dates.yaml: *_number_words)
_DAY_WORDS = (r"(?:" + longest_first(_W.day_tens_words) + r"[\s-]+(?:" + longest_first(_W.unit_number_words) + "|"
              + longest_first(_W.day_ordinal_unit_words) + r")|" + ORDINAL_WORDS_RE + "|"
              + longest_first(_W.teen_number_words | _W.day_tens_words | _W.unit_number_words) + r")")
_DAY = r"(?:(?:0?[1-9]|[12]\d|3[01])" + ORDINAL_SUFFIX_RE + r"?(?!\d)|" + _DAY_WORDS + r")"
_YEAR_NUM = r"(?:1\d{3}|20\d{2})(?!\d)"
_Y_UNITS = longest_first(_W.unit_number_words)
_Y_TEENS = longest_first(_W.teen_number_words)
_Y_TENS = longest_first(_W.tens_number_words)
# the last two digits of a year said in words: "ninety six", "fifteen"
_PARTS.update(DAY_IN_WORDS=_DAY_WORDS, DAY=_DAY, YEAR_NUM=_YEAR_NUM,
              Y_TAIL=r"(?:" + _Y_TENS + r"(?:[\s-]+" + _Y_UNITS + r")?|" + _Y_TEENS + r")")
for _name, _part in _PATTERNS.parts.items():  # "nineteen ninety six", "a couple of", "weeks"
    _PARTS[_name] = filled(_part.text)
_PARTS["YEAR"] = _YEAR = r"(?:" + _YEAR_NUM + "|" + _PARTS["YEAR_IN_WORDS"] + ")"
_NUM, _UNIT = _PARTS["NUM"], _PARTS["UNIT"]
_STEPS = relative_steps()  # "next" 1, "last" -1, "this" 0 (dates.yaml relative_steps)

_FUTURE_CUES = date_pattern("future_cues")  # "will", "plans to", "next"


@dataclass
class Res:
    """One resolved expression: TIMEX3 value, its interval [start, end) and how it was said."""

    start_char: int
    end_char: int
    value: str | None
    start: dt.date | None = None
    end: dt.date | None = None
    mod: str | None = None
    parts: tuple[int | None, int, int | None] | None = None  # (year, month, day) of a calendar date
    year_explicit: bool = True
    kind: str = "point"
    extra: dict[str, object] = field(default_factory=dict)


def _never(_pos: int) -> bool:
    return False


@dataclass
class Ctx:
    text: str
    ref: dt.date | None
    future: Callable[[int], bool]
    scheduled: Callable[[int], bool] = _never  # the parse tells a plan in the present (dates.yaml: scheduled_in_the_present)
    past: Callable[[int], bool] = _never  # the parse tells a verb in the past (dates.yaml: past_clause_over_future_word)
    perfect: Callable[[int], bool] = _never  # the parse tells a verb in the past perfect (dates.yaml: weekday_in_the_past_perfect)
    parsed: bool = False  # the parse was read: a plan is known by its words or its verb (dates.yaml: in_n_ahead_only_as_a_plan)
    doc: Doc | None = None  # the parse of `text`: the sentences the rules read (issue 11: one Doc)


# ---------------------------------------------------------------- rules read as data


# ---------------------------------------------------------------- calendar helpers


def add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    year = d.year + y
    month = m + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def shift(d: dt.date, n: int, unit: str) -> dt.date:
    """`d` moved by n units; `unit` a unit of calendar.yaml time_units ("week"), never a word as said (`_unit`)."""
    if unit == "day":
        return d + dt.timedelta(days=n)
    if unit == "week":
        return d + dt.timedelta(weeks=n)
    if unit == "fortnight":
        return d + dt.timedelta(weeks=2 * n)
    if unit == "month":
        return add_months(d, n)
    if unit == "quarter":
        return add_months(d, 3 * n)
    if unit == "year":
        return add_months(d, 12 * n)
    if unit == "decade":
        return add_months(d, 120 * n)
    raise ValueError(unit)


def week_value(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def unit_value(d: dt.date, unit: str) -> str:
    """The TIMEX3 value of the calendar `unit` containing `d`."""
    if unit == "day":
        return d.isoformat()
    if unit in ("week", "fortnight"):
        return week_value(d)
    if unit == "weekend":
        return week_value(d) + "-WE"
    if unit == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "quarter":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if unit == "decade":
        return f"{d.year // 10:03d}X"
    return f"{d.year:04d}"


def interval_of(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The days a TIMEX3 value covers, end exclusive; None for fuzzy or unanchored values."""
    if not value:
        return None
    v = re.sub(r"T(?:MO|AF|EV|NI|DT)$", "", value)
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", v):
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return d, d + dt.timedelta(days=1)
        if m := re.fullmatch(r"(\d{4})-(\d{2})", v):
            d = dt.date(int(m[1]), int(m[2]), 1)
            return d, add_months(d, 1)
        if m := re.fullmatch(r"(\d{4})", v):
            return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]) + 1, 1, 1)
        if m := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", v):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return monday + dt.timedelta(days=5), monday + dt.timedelta(days=7)
            return monday, monday + dt.timedelta(days=7)
        if m := re.fullmatch(r"(\d{4})-H([12])", v):
            d = dt.date(int(m[1]), 6 * int(m[2]) - 5, 1)
            return d, add_months(d, 6)
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
            d = dt.date(int(m[1]), 3 * int(m[2]) - 2, 1)
            return d, add_months(d, 3)
        if m := re.fullmatch(r"(\d{3})X", v):
            return dt.date(int(m[1]) * 10, 1, 1), dt.date(int(m[1]) * 10 + 10, 1, 1)
        if m := re.fullmatch(r"(\d{2})", v):
            return dt.date(max(1, int(m[1]) * 100), 1, 1), dt.date(int(m[1]) * 100 + 100, 1, 1)
    except ValueError:
        return None
    return None


NEAR_FUTURE_DAYS = 45  # a year-less date this close after the reference is the coming one


def pick_year(month: int, day: int | None, ref: dt.date, future: bool, past: bool = False) -> int:
    """News reading of a month (and day) without a year: the latest on or before the reference,
    or the next one on or after it when the clause speaks of the future or it is only days ahead
    ("talks resume on April 1" written on February 27), unless its verb is in the past ("In
    December, the firm bid" written in November)."""
    y = ref.year
    key = (month, day or 1)
    now = (ref.month, ref.day if day else 1)
    if future:
        return y if key >= now else y + 1
    if past:
        return y if key <= now else y - 1
    ahead = y if key > now else y + 1
    try:
        gap = (dt.date(ahead, month, day or 1) - ref).days
    except ValueError:
        gap = NEAR_FUTURE_DAYS + 1
    if gap <= NEAR_FUTURE_DAYS:
        return ahead
    return y if key <= now else y - 1


def nearest_weekday(ref: dt.date, weekday: int, future: bool) -> dt.date:
    delta = (ref.weekday() - weekday) % 7
    if future:
        return ref + dt.timedelta(days=(weekday - ref.weekday()) % 7)
    return ref - dt.timedelta(days=delta)


def _future_in_the_past(ctx: Ctx, pos: int) -> bool:
    """Is the clause's only word of the future one that also tells a future seen from the past ('his vow
    that Britain would leave the EU on Oct. 31')? Then the date is the nearer of the last and the
    coming one (dates.yaml: future_in_the_past)."""
    window = _clause_before(ctx.text, pos, _sentence_start(ctx, pos))
    said = re.compile(r"\b(?:" + alternation(rule_words("future_in_the_past", "words")) + r")\b", re.I)
    return bool(said.search(window)) and not _FUTURE_CUES.search(said.sub(" ", window))


def _nearer_year(month: int, day: int | None, ref: dt.date) -> int:
    """The year of the nearer of the last and the coming month (and day)."""
    years = (pick_year(month, day, ref, False, True), pick_year(month, day, ref, True))

    def gap(y: int) -> int:
        try:
            return abs((dt.date(y, month, day or 15) - ref).days)
        except ValueError:
            return 10 ** 6
    return min(years, key=gap)


def _scheduled_long_past(ctx: Ctx, pos: int, month: int, day: int) -> bool:
    """A month and day said of a plan in the present ('the tour, which kicks off June 9th') is the
    coming one when the latest past one is long gone; a headline's present tells of recent days
    ('troops enter the town on May 3'): dates.yaml scheduled_in_the_present, month_day_days_back."""
    assert ctx.ref is not None
    if not ctx.scheduled(pos):
        return False
    try:
        last = dt.date(pick_year(month, day, ctx.ref, False, True), month, day)
    except ValueError:
        return False
    return (ctx.ref - last).days > int(str(date_rules()["scheduled_in_the_present"]["month_day_days_back"]))


@lru_cache(maxsize=1)
def _extension() -> re.Pattern[str]:
    """'extended until', 'postponed the vote to': an end put later (dates.yaml: ahead_after_extension)."""
    return date_pattern("extension")


def _extended_to(ctx: Ctx, m: re.Match[str]) -> bool:
    """Is the date (its month, past a cue the match holds: 'to March') the new end of something put off?"""
    pos = m.start("mon") if "mon" in m.re.groupindex and m["mon"] else m.start()
    return _extension().search(ctx.text, max(0, pos - 90), pos) is not None


def _date_res(m: re.Match[str], ctx: Ctx, year: int | None, month: int, day: int | None) -> Res | None:
    """A calendar date or month, with the year picked news-style when not said."""
    explicit = year is not None
    if year is None:
        if ctx.ref is None:
            value = f"XXXX-{month:02d}" + (f"-{day:02d}" if day else "")
            return Res(m.start(), m.end(), value, parts=(None, month, day), year_explicit=False)
        ahead = ctx.future(m.start()) or _extended_to(ctx, m) or (
            day is not None and _scheduled_long_past(ctx, m.start(), month, day))
        year = pick_year(month, day, ctx.ref, ahead, ctx.past(m.start()))
        if ahead and _future_in_the_past(ctx, m.start()):
            year = _nearer_year(month, day, ctx.ref)
        if day and day > calendar.monthrange(year, month)[1]:
            step = 1 if ctx.future(m.start()) else -1
            for k in range(1, 8):
                if day <= calendar.monthrange(year + step * k, month)[1]:
                    year += step * k
                    break
            else:
                explicit = False
    return _calendar_res(m, year, month, day, explicit)


def _calendar_res(m: re.Match[str], year: int, month: int, day: int | None, explicit: bool) -> Res | None:
    """The date `_date_res` picked, as said or as a valid calendar date, apart from it so that each stays short: a
    day no month has ("Feb 30") keeps what was said and names no day."""
    try:
        if day:
            value = dt.date(year, month, day).isoformat()
        else:
            value = f"{year:04d}-{month:02d}"
    except ValueError:
        if not day or day > 31:
            return None
        # "Feb 30": keep what was said, it names no day
        return Res(m.start(), m.end(), f"{year if explicit else 'XXXX'}-{month:02d}-{day:02d}",
                   year_explicit=explicit, kind="invalid")
    return Res(m.start(), m.end(), value, parts=(year, month, day), year_explicit=explicit)


_HUNDREDS = frozenset(w for w, v in SCALES.items() if v == 100)  # "hundred" (numbers.yaml scales)


def year_from_words(s: str) -> int | None:
    """'nineteen ninety six' -> 1996, 'two thousand and five' -> 2005. `s` is the number words a rule matched,
    handed over as text (also on bare text, with no Doc), so split here."""
    words = s.lower().split()
    if not words:
        return None
    if words[0] in _W.year_century_words and len(words) > 1 and words[1] not in _HUNDREDS:
        head = parse_number(words[0])
        tail = parse_number(" ".join(words[1:]))
        return int(head * 100 + tail) if head is not None and tail is not None else None
    n = parse_number(" ".join(words))
    return int(n) if n is not None else None


def _year(s: str | None) -> int | None:
    if not s:
        return None
    s = s.strip().lstrip("'")
    if not s[0].isdigit():
        return year_from_words(s)
    if len(s) == 2:
        n = int(s)
        return 2000 + n if n < 40 else 1900 + n
    return int(s)


def _month(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]


def _day(s: str) -> int | None:
    d = ordinal_to_number(s)
    if d is None:
        n = parse_number(s)
        d = int(n) if n is not None and n == int(n) else None
    return d if d and 1 <= d <= 31 else None


def _count(s: str) -> int | None:
    """The count of 'three', 'twenty-five', '12'; none for a guess between two ('two-three years')."""
    parts = re.split(r"\s*[-\u2013]\s*", s.lower())
    if len(parts) == 2 and parts[0] not in _W.tens_number_words:
        return None  # "two-three": a range, not "twenty-five"
    n = parse_number(s.lower().replace(" of", ""))
    return int(n) if n is not None else None


# ---------------------------------------------------------------- handlers

Handler = Callable[[re.Match[str], Ctx], Res | None]
RULES: list[tuple[re.Pattern[str], Handler]] = []
RULE_NAMES: list[str] = []  # each rule's name in dates.yaml `rule_patterns`, as RULES lists them
# per rule, the words one of which must be in a paragraph for the rule to match there
# (one set per required part); scanning 44 big patterns over every paragraph was the cost
NEEDS: list[tuple[frozenset[str], ...]] = []

DIGIT = "<digit>"  # the anchor token standing for any digit
YEAR4 = "<year4>"  # ... and for a run of exactly four digits
# the anchor words of a line: a prefilter over the rules' own patterns, not a reading of its words, so not the Doc's
# tokens (issue 11): it must find every piece a rule's pattern can match ('12th' gives '12', 'mid-2019' gives
# '2019', where a token is one), else a rule would silently stop running; and find_expressions runs on text with
# no Doc (the datetime eval, a rule's inner text)
_ANCHOR_TOKEN = re.compile(r"[a-z]+|\d+")
_MON_T = frozenset(MONTHS)
_WD_T = frozenset(WEEKDAYS)
_UNIT_T = _W.time_unit_words
_YEAR_T = frozenset({YEAR4, *_W.year_anchor_words})
_DAYNUM_T = frozenset({DIGIT, *UNITS, *ORDINAL_UNITS, *_W.day_tens_words})
# the sets a rule's anchors name in capitals (dates.yaml rule_patterns); more join where they are built
_TOKENS: dict[str, frozenset[str]] = {"DIGIT": frozenset({DIGIT}), "YEAR4": frozenset({YEAR4}), "MONTHS": _MON_T,
                                      "WEEKDAYS": _WD_T, "UNITS": _UNIT_T, "YEARS": _YEAR_T, "DAY_NUMBERS": _DAYNUM_T,
                                      "SEASONS": frozenset(SEASONS)}


# no date starts right after a currency mark: "$12 December 27" (dates.yaml: money_is_no_day)
def _not_after(marks: Iterable[str]) -> str:
    """Lookbehinds that none of `marks` comes right before, nor with a space between: the one-character marks in one
    character class (two lookbehinds in all, not two a mark: the rules try them at every word start of a line)."""
    single = "".join(re.escape(c) for c in sorted(marks) if len(c) == 1)
    alternatives = ([f"[{single}]"] if single else []) + [re.escape(c) for c in sorted(marks) if len(c) != 1]
    return "".join(f"(?<!{a})(?<!{a}\\s)" for a in alternatives)


_NO_MONEY = _not_after(rule_words("money_is_no_day", "currency_marks"))
_PARTS["NO_MONEY"] = _NO_MONEY


def _anchors(row: tuple[str, ...]) -> frozenset[str]:
    """One part's anchor words: each a word, or in capitals a set the finder builds (MONTHS)."""
    return frozenset().union(*(_TOKENS[w] if w.isupper() else {w.lower()} for w in row))


def rule(name: str) -> Callable[[Handler], Handler]:
    """The handler of dates.yaml `rule_patterns` `name`: its pattern, filled in, and its anchor words."""
    row = _PATTERNS.rules[name]

    def deco(fn: Handler) -> Handler:
        # the group makes both word-boundary checks hold for every alternative of the pattern
        RULES.append((re.compile(r"(?<![\w/.])(?<!\d,)" + _NO_MONEY + r"(?:" + filled(row.text) + r")(?![\w])", re.I),
                      fn))
        RULE_NAMES.append(name)
        NEEDS.append(tuple(_anchors(a) for a in row.anchors))
        return fn
    return deco


def anchor_tokens(text: str) -> set[str]:
    """The words (casefolded, letters only) of `text`, with DIGIT standing for any digit."""
    tokens = set(_ANCHOR_TOKEN.findall(text.casefold()))
    for t in [t for t in tokens if not t.isascii() or t[0] < "a"]:
        tokens.add(DIGIT)
        if len(t) == 4:
            tokens.add(YEAR4)
    return tokens


@lru_cache(maxsize=4096)
def _active_rules(anchors: frozenset[str]) -> tuple[int, ...]:
    """The rules whose anchor words a line holds (lines repeat a handful of anchor sets)."""
    return tuple(k for k, needs in enumerate(NEEDS) if all(anchors & need for need in needs))


def _paragraphs(text: str) -> list[tuple[int, int, set[str]]]:
    """Line spans of `text` with their anchor tokens: a date is not said across a line break."""
    out: list[tuple[int, int, set[str]]] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            out.append((start, end, anchor_tokens(line)))
        start = end + 1
    return out


@rule("iso")
def _iso(m: re.Match[str], ctx: Ctx) -> Res | None:
    return _date_res(m, ctx, int(m["y"]), int(m["m"]), int(m["d"]))


@rule("compact")
def _compact(m: re.Match[str], ctx: Ctx) -> Res | None:
    return _date_res(m, ctx, int(m["y"]), int(m["m"]), int(m["d"]))


@rule("iso_name")
def _iso_name(m: re.Match[str], ctx: Ctx) -> Res | None:
    return _date_res(m, ctx, int(m["y"]), _month(m["mon"]), _day(m["d"]))


@rule("numeric")
def _numeric(m: re.Match[str], ctx: Ctx) -> Res | None:
    """'3/5/2024' is month first; '07.04.22' with dots, as Europe writes it, day first (dates.yaml:
    dotted_day_first); a first number above 12 is the day either way."""
    a, b = int(m["a"]), int(m["b"])
    if m["sep"] == ".":
        a, b = b, a
    month, day = (a, b) if a <= 12 else (b, a)
    if month > 12:
        return None
    return _date_res(m, ctx, _year(m["y"]), month, day)


@rule("numeric_md")
def _numeric_md(m: re.Match[str], ctx: Ctx) -> Res | None:
    if not _said_as_numeric_date(m, ctx):
        return None
    a, b = int(m["a"]), int(m["b"])
    if m["y"]:
        month, day = _month_first(a, b)
        return _date_res(m, ctx, int(m["y"]), month, day) if month <= 12 else None
    if m["cue"] and _STEPS.get(m["cue"].lower()) == 1 and ctx.ref is not None:  # "next 3/5" (dates.yaml relative_steps)
        return _date_res(m, ctx, ctx.ref.year + 1, a, b) if a <= 12 else None
    month, day = _month_first(a, b)
    if month > 12 or day > 31:
        return None
    res = _date_res(m, ctx, ctx.ref.year if _STEPS.get(m["cue"] or "") == 0 and ctx.ref else None, month, day)
    if res and m["cue"] and m["cue"].lower() not in _STEPS:  # "on 3/5": the cue word is no part of the date
        res.start_char = m.start("a")
    return res


_NUMERIC_DATE_BEFORE = re.compile(r"(?:\b" + longest_first(_W.numeric_date_cues) + r"\s*|[,-]\s*)$")


def _said_as_numeric_date(m: re.Match[str], ctx: Ctx) -> bool:
    """'6/12' is a date after a weekday, a cue word or with a year, or where a list or range of
    dates goes on ('on 6/12', ', 6/13'); '6-12' only after a weekday (else it is a score or a count)."""
    if m["sep"] != "/" and not m["wd"]:
        return False
    if m["wd"] or m["cue"] or m["y"]:
        return True
    before = ctx.text[max(0, m.start() - 16):m.start()]
    if re.search(r"[,-]\s*$", before) and not re.search(r"\d/\d{1,2}\s*[,-]\s*$", before):
        return False  # "1-1/2 year", "attacked ... 24/7": a comma or dash goes on only from a date
    return bool(_NUMERIC_DATE_BEFORE.search(before))


def _month_first(a: int, b: int) -> tuple[int, int]:
    """(month, day) of two numbers: the first is the month unless it cannot be one."""
    return (a, b) if a <= 12 else (b, a)


@rule("day_month")
def _day_month(m: re.Match[str], ctx: Ctx) -> Res | None:
    if m["mon"].lower() in rule_words("number_before_may", "words") and not (m["y"] or date_pattern("digit_or_of").search(m.group(0))):
        return None
    return _date_res(m, ctx, _year(m["y"] or m["y2"]), _month(m["mon"]), _day(m["d"]))


@lru_cache(maxsize=1)
def _counted_next() -> re.Pattern[str]:
    """What follows a number that counts ('September 24 civilians', '24 of them', '24 rebels were'):
    a counted noun, or a plural word and an auxiliary, on the same line: a headline's last date is no
    count of the paragraph after it (dates.yaml: count_after_a_month)."""
    return date_pattern("counted_next")


@lru_cache(maxsize=1)
def _determiner_before() -> re.Pattern[str]:
    """'the October 7 hostages', "Hamas's Oct. 7 attack": a month-day after a determiner or a
    possessive names the date of what follows; after 'on' it is a day ('the invasion on February 24 have
    left'): dates.yaml count_after_a_month."""
    words = rule_words("count_after_a_month", "determiners") | rule_words("count_after_a_month", "day_prepositions")
    plain = alternation(w for w in words if w[0].isalpha())
    marks = alternation(w for w in words if not w[0].isalpha())
    return re.compile(r"(?:\b(?:" + plain + r")|\w(?:" + marks + r"))\s+$", re.I)


@rule("month_day")
def _month_day(m: re.Match[str], ctx: Ctx) -> Res | None:
    if not m["y"]:
        # "27 September, 24 civilians": the month already has its day, the number counts something
        if date_pattern("day_before_a_month").search(ctx.text[max(0, m.start() - 9):m.start()]):
            return None
        # "in September 24 civilians died", "September, 24 people": a figure, not a day
        counted = _counted_next().match(ctx.text, m.end()) \
            and not _determiner_before().search(ctx.text, max(0, m.start() - 12), m.start())
        if "," in ctx.text[m.end("mon"):m.start("d")] or counted:
            return None
    return _date_res(m, ctx, _year(m["y"]), _month(m["mon"]), _day(m["d"]))


@rule("month_year")
def _month_year(m: re.Match[str], ctx: Ctx) -> Res | None:
    return _date_res(m, ctx, _year(m["y"] or m["y2"]), _month(m["mon"] or m["mon2"]), None)


@rule("numeric_month_year")
def _numeric_month_year(m: re.Match[str], ctx: Ctx) -> Res | None:
    return _date_res(m, ctx, int(m["y"]), int(m["m"]), None)


@rule("year_month")
def _year_month(m: re.Match[str], ctx: Ctx) -> Res | None:
    return _date_res(m, ctx, int(m["y"]), _month(m["mon"]), None)


@rule("iso_month")
def _iso_month(m: re.Match[str], ctx: Ctx) -> Res | None:
    return _date_res(m, ctx, int(m["y"]), int(m["m"]), None)


@rule("month_only")
def _month_only(m: re.Match[str], ctx: Ctx) -> Res | None:
    mon = m["mon"].lower().rstrip(".")
    cued = m["rel"] or m["cue"] or m["lead"]
    if not cued and not _bare_month_name(m["mon"]):
        return None
    if _month_as_noun(m, ctx.text) or _month_as_verb(m):
        return None
    month = _month(mon)
    # "in late March" starts at "late" (the record shows "late March"), "from March" at "March"
    lead = date_pattern("part_lead").search(m.group(0)[:m.start("mon") - m.start()])
    start = m.start() if not m["cue"] else m.start() + lead.start() if lead else m.start("mon")
    if m["y"]:
        res = _date_res(m, ctx, int(m["y"]), month, None)  # "since early May 2026"
    elif m["rel"]:
        if ctx.ref is None:
            return Res(m.start(), m.end(), None)
        res = _date_res(m, ctx, _relative_month_year(m["rel"].lower(), month, ctx.ref), month, None)
        if res:
            res.year_explicit = False
    else:
        res = _date_res(m, _ahead(ctx) if _names_a_deadline(ctx.text, m.end()) else ctx, None, month, None)
    if res:
        res.start_char = start
        if m["cue"]:
            res.mod = m["cue"].lower()
    return res


def _month_as_noun(m: re.Match[str], text: str) -> bool:
    """'join the march', 'a march on parliament': the word, not the month (see dates.yaml)."""
    said = m["mon"]
    if said.lower() not in rule_words("month_as_noun", "words") or not said.islower():
        return False
    before = re.search(r"(\w+)\s+$", text[max(0, m.start("mon") - 12):m.start("mon")])
    return before is not None and before.group(1).lower() in rule_words("month_as_noun", "determiners")


def _month_as_verb(m: re.Match[str]) -> bool:
    """'and may be', 'or may not': lower-case 'may' after a joining word is the verb (dates.yaml: month_as_noun)."""
    said, cue = m["mon"], (m["cue"] or "").lower()
    return said.islower() and said.lower() in rule_words("month_as_noun", "words") \
        and cue in rule_words("month_as_noun", "joining_words")


def _names_a_deadline(text: str, end: int) -> bool:
    """'a June deadline', 'the March target': a month said of a deadline is the coming one
    (dates.yaml: deadline_month)."""
    after = re.match(r"\s+(\w+)", text[end:end + 20])
    return after is not None and after.group(1).lower() in rule_words("deadline_month", "words")


def _ahead(ctx: Ctx) -> Ctx:
    """The same context, the clause read as speaking of the future."""
    return Ctx(text=ctx.text, ref=ctx.ref, future=lambda _pos: True)


def _bare_month_name(said: str) -> bool:
    """A month named with no cue word is a date only when it cannot be a common word: not 'may',
    'march', 'mar', nor a short lower-case abbreviation ('jan' is a name, 'sat' a verb): dates.yaml
    month_name_alone."""
    mon = said.lower().rstrip(".")
    if len(mon) <= 4 and mon not in rule_words("month_name_alone", "lower_case_names") and said[0].islower():
        return False
    return mon not in rule_words("month_name_alone", "common_words")


_MONTH_BACK = _W.month_back_words  # "previous July": the latest before this month (dates.yaml)
_MONTH_AHEAD = _W.month_ahead_words  # "next July": the first after it


def _relative_month_year(rel: str, month: int, ref: dt.date) -> int:
    """The year of 'last July' (the latest July before this month), 'next July' (the first after it),
    'this July' (this year's)."""
    if rel in rule_words("last_month_name", "words"):
        return ref.year - 1  # "last March" said in July is March of last year (dates.yaml: last_month_name)
    if rel in _MONTH_BACK:
        return ref.year if month < ref.month else ref.year - 1
    if rel in _MONTH_AHEAD:
        return ref.year if month > ref.month else ref.year + 1
    return ref.year


def _weekday_res(m: re.Match[str], ctx: Ctx, wd: int, rel: str | None, week_rel: str | None,
                 pod: str | None) -> Res:
    if ctx.ref is None:
        return Res(m.start(), m.end(), None)
    if rel in rule_words("past_weekday", "words") and not week_rel:
        d = ctx.ref - dt.timedelta(days=(ctx.ref.weekday() - wd) % 7 or 7)
    elif week_rel or rel:
        # "next Friday" is the Friday of next week, "last Wednesday" that of last week
        step = _STEPS.get(week_rel or rel or "", 0)
        monday = ctx.ref - dt.timedelta(days=ctx.ref.weekday()) + dt.timedelta(weeks=step)
        d = monday + dt.timedelta(days=wd)
    else:
        d = nearest_weekday(ctx.ref, wd, ctx.future(m.start()) or ctx.scheduled(m.start()))
        if d == ctx.ref and ctx.perfect(m.start()):
            d -= dt.timedelta(days=7)  # "had said on Thursday" in Thursday's paper: the Thursday before
    value = d.isoformat() + (PARTS_OF_DAY[pod.lower()] if pod else "")
    return Res(m.start(), m.end(), value, kind="weekday" if not (rel or week_rel) else "point")


_PODS = frozenset(_CALENDAR.parts_of_day)
_TOKENS["PARTS_OF_DAY"] = _PODS


@rule("part_of_a_date")
def _part_of_a_date(m: re.Match[str], ctx: Ctx) -> Res | None:
    """'the night of May 7, 2022', 'the morning of August 24': that day's part, as 'Wednesday morning'
    is (dates.yaml: part_of_a_named_day)."""
    r = _date_res(m, ctx, _year(m["y"]), _month(m["mon"] or m["mon2"]), _day(m["d"] or m["d2"]))
    if r is not None and r.value is not None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", r.value):
        r.value += PARTS_OF_DAY[m["pod"].lower()]
    return r


@rule("night_of")
def _night_of(m: re.Match[str], ctx: Ctx) -> Res | None:
    return _weekday_res(m, ctx, WEEKDAYS[m["wd"].lower()], None, None, "night")


@rule("weekday")
def _weekday(m: re.Match[str], ctx: Ctx) -> Res | None:
    name = m["wd"].lower().rstrip(".")
    if len(name) <= 3 and name not in rule_words("weekday_abbreviation_alone", "words") and not m["rel"]:
        if not re.match(r"\s*\d", ctx.text[m.end():m.end() + 3]):
            return None
    res = _weekday_res(m, ctx, WEEKDAYS[name], (m["rel"] or "").lower() or None,
                       (m["wrel"] or "").lower() or None, m["pod"])
    if res.value and m["lead"] and not m["pod"]:
        res.value += _part_said_by(m["lead"])
    return res


def _part_said_by(lead: str) -> str:
    """'late Saturday' is Saturday night, 'early Wednesday' its morning (dates.yaml: late_and_early_day)."""
    parts = date_rules()["late_and_early_day"].get("parts")
    if not isinstance(parts, dict) or not all(v in PARTS_OF_DAY.values() for v in parts.values()):
        raise ValueError("lang/en/dates.yaml: late_and_early_day.parts maps a word to a TIMEX3 part of day")
    return str(parts.get(lead.lower(), ""))


@rule("week_weekday")
def _week_weekday(m: re.Match[str], ctx: Ctx) -> Res | None:
    return _weekday_res(m, ctx, WEEKDAYS[m["wd"].lower()], None, m["wrel"].lower(), None)


@rule("weekday_day")
def _weekday_day(m: re.Match[str], ctx: Ctx) -> Res | None:
    if ctx.ref is None:
        return Res(m.start(), m.end(), None)
    day = _day(m["d"])
    if day is None:
        return None
    wd = WEEKDAYS[m["wd"].lower().rstrip(".")]
    for k in sorted(range(-12, 13), key=lambda k: (abs(k), k > 0)):
        d0 = add_months(ctx.ref.replace(day=1), k)
        try:
            d = d0.replace(day=day)
        except ValueError:
            continue
        if d.weekday() == wd:
            return Res(m.start(), m.end(), d.isoformat())
    return None


_DAY_WORDS_REL: dict[str, int] = dict(_CALENDAR.day_words)
_PARTS["TODAY_WORDS"] = "|".join(_DAY_WORDS_REL)
_TOKENS["TODAY_WORDS"] = frozenset(_DAY_WORDS_REL)


@rule("day_word")
def _day_word(m: re.Match[str], ctx: Ctx) -> Res | None:
    w = m["w"].lower()
    if w in rule_words("today_as_nowadays", "day_words") and not (m["pre"] or m["pod"]):
        if _today_in_a_name(m, ctx.text):
            return None  # "USA Today" (dates.yaml: today_as_nowadays)
        if _today_as_nowadays(m, ctx.text) or _today_after_a_far_past(m, ctx):
            return _now(m, ctx)
    if w in rule_words("today_as_a_state", "day_words") and not (m["pre"] or m["pod"]) and _today_as_a_state(m, ctx):
        return _now(m, ctx)
    if ctx.ref is None:
        return Res(m.start(), m.end(), None)
    d = ctx.ref + dt.timedelta(days=_DAY_WORDS_REL[w])
    if m["ba"]:
        d += dt.timedelta(days=-1 if date_pattern("day_back_words").search(m["ba"]) else 1)
    pod = _CALENDAR.part_of_day_words.get(w) or (PARTS_OF_DAY[m["pod"].lower()] if m["pod"] else "")  # "tonight"
    if not pod and m["lead"]:
        pod = _part_said_by(m["lead"])  # "late yesterday" (dates.yaml: late_and_early_day)
    return Res(m.start(), m.end(), d.isoformat() + pod, extra={"deictic": True})


def _today_in_a_name(m: re.Match[str], text: str) -> bool:
    """'USA Today', 'KFGO Today': a capitalised Today right after a capitalised word of the same sentence."""
    said = text[m.start("w"):m.end("w")]
    before = re.search(r"(\S+)[ \t]+$", text[max(0, m.start("w") - 40):m.start("w")])
    return said[0].isupper() and before is not None and before.group(1)[:1].isupper() \
        and not re.search(r"[.!?:;,\"\u201c\u201d]$", before.group(1))


def _today_as_a_state(m: re.Match[str], ctx: Ctx) -> bool:
    """'Mariupol is the heart of this war today', 'the car may only be a concept today': today hung on a noun that
    a copula of the present says of the subject tells what a thing is these days, no day (dates.yaml:
    today_as_a_state); one of a plan ('will be the topic at the summit today'), of the past or of a noun of a day
    is the report's. Read from the parse: a text given without one (the datetime eval) keeps its day."""
    if ctx.doc is None:
        return False
    tok = _parsed_at(ctx.doc, m.start("w"))
    if tok is None:
        return _state_before_today(ctx.text, m.start("w"))  # a sentence the parse scope left bare: its words
    if tok.dep_ == "punct" and not tok.is_punct and tok.i:
        noun = _phrase_closed_by(tok)  # a headline's last word with no stop, parsed as its end mark
    elif tok.dep_ in rule_words("today_as_a_state", "attachments"):
        noun = tok.head
    else:
        return False
    if noun.pos_ not in ("NOUN", "PROPN") or noun.lemma_.lower() in rule_words("today_as_a_state", "day_nouns"):
        return False
    copulas = [c for c in noun.children if c.dep_ == "cop"]
    if not copulas:
        return False
    modals = {c.lower_ for c in noun.children if c.dep_ == "aux"}
    return copulas[0].lower_ in rule_words("today_as_a_state", "present_copulas") \
        or (copulas[0].lower_ == "be" and bool(modals & rule_words("today_as_a_state", "modals")))


@lru_cache(maxsize=1)
def _state_words() -> re.Pattern[str]:
    """A present copula or a modal's 'be', an adverb at most, a determiner and a few words up to the day word."""
    copulas = rule_words("today_as_a_state", "present_copulas")
    words = alternation({c for c in copulas if c[0].isalpha()})
    clitics = alternation({c for c in copulas if not c[0].isalpha()})
    modals = alternation(rule_words("today_as_a_state", "modals"))
    determiners = alternation(rule_words("today_as_a_state", "determiners"))
    most = int(str(date_rules()["today_as_a_state"]["words_up_to_the_day"]))
    return re.compile(rf"(?:(?<![\w'\u2019])(?:{words})|(?:{clitics})|\b(?:{modals})\s+(?:\w+\s+)?be)\s+(?:\w+\s+)?"
                      rf"(?:{determiners})\s+((?:[\w-]+\s+){{1,{most}}})$", re.I)


def _state_before_today(text: str, at: int) -> bool:
    """'SPACE VIZZION may only be a concept today' in a sentence left unparsed: the words of its clause before the
    day word are a present copula and a noun phrase of no day (dates.yaml: today_as_a_state)."""
    clause = re.split(r"[.,;:!?\n\u2014\u2013\"\u201c\u201d]", text[max(0, at - 80):at])[-1]
    said = _state_words().search(clause)
    return said is not None and not set(said.group(1).lower().split()) & rule_words("today_as_a_state", "day_nouns")


def _phrase_closed_by(tok: Token) -> Token:
    """The head of the largest phrase that ends right before `tok`: the phrase a word the parse left as an end
    mark closes ('Zelensky: Mariupol is the heart of this war today' with no stop: 'heart')."""
    head = tok.doc[tok.i - 1]
    while head.head.i != head.i and head.head.right_edge.i == tok.i - 1:
        head = head.head
    return head


@lru_cache(maxsize=1)
def _nowadays_cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    cues = alternation(rule_words("today_as_nowadays", "clause_words"))
    return re.compile(r"\b(?:" + cues + r")\b", re.I), date_pattern("nowadays_noun")


def _today_as_nowadays(m: re.Match[str], text: str) -> bool:
    """'problems that still exist today', 'today's world': today as these times, no day (dates.yaml:
    today_as_nowadays). The words before it are read back to a comma, a colon, a dash, a quote mark or a final
    mark: a clause, narrower than the parse's sentence, so the text is read, not the Doc (issue 11)."""
    in_clause, noun_after = _nowadays_cues()
    window = text[max(0, m.start("w") - 80):m.start("w")]
    window = re.split(r"[.,;:!?\n\u2014\u2013\"\u201c\u201d]", window)[-1]
    after = text[m.end("w"):m.end("w") + 30]
    contrast = re.search(r"\b(?:" + alternation(rule_words("today_as_nowadays", "contrast_words")) + r")\s+$", window,
                         re.I) and date_pattern("present_verb_after").match(after)
    return bool(in_clause.search(window) or noun_after.match(after) or contrast or _today_to_a_target(text, m.end("w")))


def _today_to_a_target(text: str, end: int) -> bool:
    """'costs from $0.23/W today to $0.10 by 2030': today set against a year to come, the level of these
    times, no day (dates.yaml: today_as_nowadays, target_words)."""
    return _today_to_a_target_pattern().match(text, end, end + 100) is not None


@lru_cache(maxsize=1)
def _today_to_a_target_pattern() -> re.Pattern[str]:
    return date_pattern("today_to_a_target")


@lru_cache(maxsize=1)
def _far_past_words() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + alternation(rule_words("today_after_a_far_past", "words")) + r")\b", re.I)


def _today_after_a_far_past(m: re.Match[str], ctx: Ctx) -> bool:
    """'... wiped out a third of Europe in the 1300s. ... Today, plague infections are rare': a 'Today'
    opening its sentence after the two sentences before told of a time long gone (a century, a decade, a
    year long before the report) sets these times against it, no day (dates.yaml: today_after_a_far_past)."""
    rules = date_rules()["today_after_a_far_past"]
    back = _two_sentences_before(ctx, m.start("w"))
    if back is None:
        return False
    far = _far_past_words()
    years = [int(y) for y in re.findall(r"\b(1[0-9]\d\d|20\d\d)s?\b", back)]
    long_ago = ctx.ref is not None and any(y <= ctx.ref.year - int(str(rules["years_back"])) for y in years)
    return bool(far.search(back) or re.search(r"\b\d{3}0s\b", back) or long_ago)


def _two_sentences_before(ctx: Ctx, at: int) -> str | None:
    """The two sentences before the one that opens at `at` (600 characters at most), or None where no sentence
    opens there (or after a semicolon): the parse's sentences (ctx.doc). A text given without its parse
    (find_expressions on bare text: the datetime eval) has no Doc by design: there a final mark ends one."""
    start = max(0, at - 600)
    if ctx.doc is None:
        before = ctx.text[start:at]
        if not re.search(r"(?:^|[.!?;]['\u2019\"\u201d]?\s+)$", before):
            return None
        return " ".join(re.split(r"(?<=[.!?])\s+", before.rstrip())[-2:])
    span = ctx.doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None:
        return None
    if span[0].sent.start == span[0].i:
        first, told = span[0].i, 0
    elif span[0].i > 0 and ctx.doc[span[0].i - 1].text == ";":  # '...; today, ...' opens a clause as a sentence
        first, told = span[0].sent.start, 1
    else:
        return None
    while first > 0 and told < 2:
        sentence = ctx.doc[first - 1].sent
        told += not sentence.text.isspace()  # a blank line the parser left as a sentence of its own tells nothing
        first = sentence.start
    return " ".join(spaced_words(ctx.doc, max(start, ctx.doc[first].idx), at))


@rule("this_pod")
def _this_pod(m: re.Match[str], ctx: Ctx) -> Res | None:
    if ctx.ref is None:
        return Res(m.start(), m.end(), None)
    d = ctx.ref - dt.timedelta(days=1 if _STEPS[m["w"].lower()] < 0 else 0)  # "last night", "this morning"
    return Res(m.start(), m.end(), d.isoformat() + PARTS_OF_DAY[m["pod"].lower()], extra={"deictic": True})


@rule("the_day_before")
def _the_day_before(m: re.Match[str], ctx: Ctx) -> Res | None:
    back = date_pattern("day_back_words").search(m["w"])
    if date_pattern("day_before_or_after").fullmatch(m["w"]) and re.match(r"\s+[a-z]", ctx.text[m.end():], re.I):
        # "a day after Azerbaijan claimed it": counted from an event, not from the day said before
        if re.search(r",\s*$", ctx.text[max(0, m.start() - 3):m.start()]):
            # "fighting went on on Monday, a day after ...": the adjunct names the main clause's day; with no day
            # told, none (dates.yaml: day_after_told_in_the_past)
            return _from_the_day_told(m, ctx, 0)
        if ctx.ref is None:
            return Res(m.start(), m.end(), None)
        if _DATE_NAMED_AFTER.match(ctx.text, m.end()):
            return _from_the_date_named_after(m, -1 if back else 1, "day")
        if _comes_after_a_clause(ctx.text, m) or (back and _said_with_comes(ctx.text, m)):
            # "the claim comes a day after X was killed": today's news, X the day before; "comes a day before talks
            # open": X the day after (dates.yaml: comes_after)
            return Res(m.start(), m.end(), (ctx.ref + dt.timedelta(days=1 if back else -1)).isoformat())
        # "The strike happened a day after ...", a headline's "Russia strikes Kyiv a day after talks", "Talks
        # resume a day after the vote": X's day is not the report's, whatever the tense (dates.yaml:
        # day_after_told_in_the_past)
        return _from_the_day_told(m, ctx, -1 if back else 1)
    return _anaphoric(m, ctx, -1 if back else 1, "day")


_DATE_NAMED_AFTER = date_pattern("date_named_after")  # " the October 7 attack", " Monday's vote"


def _from_the_date_named_after(m: re.Match[str], n: int, unit: str) -> Res:
    """'the day before the October 7 attack', 'the day after the July 25 call': counted from the date of the thing
    named right after it, once that date is read (`_resolve_anaphora`); until then no value, and no date shown
    where none is read (the date's own rule took the count in: "A day after the 24 February"; dates.yaml:
    counted_from_the_date_named_after)."""
    return Res(m.start(), m.end(), None, kind="told", extra={"shift": (n, unit), "named_after": True})


def _from_the_day_told(m: re.Match[str], ctx: Ctx, n: int) -> Res:
    """'The strike came a day after rebels attacked a convoy': told in the past, the day is counted from the day
    the text last told, not from publication (a day after it would be tomorrow); with none told, no date
    (dates.yaml: day_after_told_in_the_past)."""
    res = _anaphoric(m, ctx, n, "day")
    res.value, res.kind = None, "told"
    return res


def _comes_after_a_clause(text: str, m: re.Match[str]) -> bool:
    """'... comes a day after Hamas' leader was assassinated': the news of the day is set against a
    past happening the clause tells; the date said is that happening's (dates.yaml: comes_after). The clause
    after it ends at a final mark, a semicolon or a colon (90 characters at most): a clause, not the parse's
    sentence, so the text is read, not the Doc (issue 11)."""
    if not _said_with_comes(text, m):
        return False
    clause = re.split(r"[.;:!?]", text[m.end():m.end() + 90], maxsplit=1)[0]
    return bool(_past_clause().search(clause) or _REGULAR_PAST.search(clause))


def _said_with_comes(text: str, m: re.Match[str]) -> bool:
    """'... comes a day before talks open': the day is set against the report's own news (dates.yaml: comes_after)."""
    before = re.search(r"(\w+)\s+$", text[max(0, m.start() - 20):m.start()])
    return before is not None and before.group(1).lower() in rule_words("comes_after", "present_verbs")


@rule("the_year_before")
def _the_year_before(m: re.Match[str], ctx: Ctx) -> Res | None:
    """'In 2019 ... The year before, ...': a unit before or after the date last told (dates.yaml:
    the_year_before); 'the week before last' is two weeks before this one."""
    unit = _unit(m["unit"])
    if m["last"]:
        if not date_pattern("day_back_words").search(m["w"]) or ctx.ref is None:
            return None
        d = shift(ctx.ref, -2, unit)
        return Res(m.start(), m.end(), unit_value(d, unit))
    return _anaphoric(m, ctx, -1 if date_pattern("day_back_words").search(m["w"]) else 1, unit)


@rule("same_day")
def _same_day(m: re.Match[str], ctx: Ctx) -> Res | None:
    """'later that day', 'that night', 'the next morning': the day the text last named (see
    `_resolve_anaphora`); with none named, no value (dates.yaml: same_day_as_told)."""
    if _SAID_OF_WHAT_FOLLOWS.match(ctx.text, m.end()):
        return None  # "on the same day that the news broke": the day of the clause that follows
    pod = m["pod"] or (m["unit"] if _CALENDAR.units.get(m["unit"].lower()) != "day" else None)
    extra: dict[str, object] = {"shift": (1 if m["pod"] else 0, "day"), "pod": PARTS_OF_DAY[pod.lower()] if pod else ""}
    return Res(m.start(), m.end(), None, kind="told", extra=extra)


_SAID_OF_WHAT_FOLLOWS = date_pattern("said_of_what_follows")  # "on the same day that ..."


@rule("that_unit")
def _that_unit(m: re.Match[str], ctx: Ctx) -> Res | None:
    """'later that month', 'that same year', 'that week': the unit of the date the text last told (see
    `_resolve_anaphora`); with none told, no value (dates.yaml: unit_as_told)."""
    if _SAID_OF_WHAT_FOLLOWS.match(ctx.text, m.end()):
        return None  # "in that year when the war began": the year of the clause that follows
    unit = _unit(m["unit"])
    return Res(m.start(), m.end(), None, kind="told", extra=_as_told(unit))


def _as_told(unit: str) -> dict[str, object]:
    """The shift that names the unit of the date last told, no finer than that date ('in 2014 ... that month':
    none; a week only from a day)."""
    return {"shift": (0, unit), "at_grain": True, **({"grain": "week"} if unit == "week" else {})}


def _anaphoric(m: re.Match[str], ctx: Ctx, n: int, unit: str) -> Res:
    """'the following day', 'two days later': counted from the day last mentioned (see
    `_resolve_anaphora`), else from the publication day."""
    extra: dict[str, object] = {"shift": (n, unit)}
    if ctx.ref is None:
        return Res(m.start(), m.end(), None, extra=extra)
    return Res(m.start(), m.end(), _shifted_value(ctx.ref, n, unit, "day"), extra=extra)


_GRAIN_ORDER = ("day", "month", "year")  # a shift by weeks lands on a day


def _shifted_value(d: dt.date, n: int, unit: str, grain: str) -> str:
    """`d` moved by n units, said no finer than the coarser of the unit and the date it counts
    from: 'a month later' than March 2014 is 2014-04; 'two days later' than it is still 2014-03."""
    coarse = max(unit, grain, key=lambda g: _GRAIN_ORDER.index(g) if g in _GRAIN_ORDER else 0)
    coarse = coarse if coarse in _GRAIN_ORDER else "day"
    moved = shift(d, n, unit)
    return moved.isoformat() if coarse == "day" else unit_value(moved, coarse)


@rule("overnight")
def _overnight(m: re.Match[str], ctx: Ctx) -> Res | None:
    """A report's 'overnight' is the night just gone: TIMEX3 dates a night by its first day."""
    if date_pattern("determiner_before").search(ctx.text[max(0, m.start() - 6):m.start()]):
        return None  # "an overnight raid ... last Friday": the raid's date is said elsewhere
    if ctx.ref is None:
        return Res(m.start(), m.end(), None)
    night = ctx.ref if ctx.future(m.start()) else ctx.ref - dt.timedelta(days=1)
    # counted from by "three days later", shown in no record (dates.yaml: overnight_is_no_date)
    return Res(m.start(), m.end(), night.isoformat() + "TNI", kind="overnight")


def _stretch_up_to_now(m: re.Match[str], rel: str, unit: str) -> bool:
    """'over the past year', 'in the last week', a headline's 'in past week': the time up to now, no
    calendar unit; 'this past week' is last week (see dates.yaml)."""
    bare = rel in rule_words("stretch_up_to_now", "bare_words") and not date_pattern("this_before").search(m.string[max(0, m.start() - 6):m.start()])
    return bool((m["the"] or bare) and not (m["pos"] or m["bound"]) and rel in rule_words("stretch_up_to_now", "words")
                and unit in rule_words("stretch_up_to_now", "units"))


def _week_or_unit(said: str) -> str:
    """The unit of time a written unit names, where a working week is a week (dates.yaml: working_week)."""
    return "week" if date_pattern("working_week").fullmatch(said.lower()) else _unit(said)


@rule("rel_unit")
def _rel_unit(m: re.Match[str], ctx: Ctx) -> Res | None:
    if ctx.ref is None:
        return Res(m.start(), m.end(), None)
    rel = m["rel"].lower()
    unit = _week_or_unit(m["unit"])
    if _stretch_up_to_now(m, rel, unit):
        return Res(m.start(), m.end(), None, start=shift(ctx.ref, -1, unit), end=ctx.ref, kind="span")
    step = _STEPS.get(rel, 0)
    if unit == "fortnight":
        start = ctx.ref - dt.timedelta(days=ctx.ref.weekday()) + dt.timedelta(weeks=2 * step)
        return Res(m.start(), m.end(), week_value(start), start=start, end=start + dt.timedelta(weeks=2))
    if unit == "weekend":
        # "this weekend" told in the past on a weekday is the one just gone (dates.yaml: this_weekend_told_in_the_past)
        past = _STEPS.get(rel) == 0 and ctx.ref.weekday() < 5 and ctx.past(m.start())  # "this weekend"
        d = ctx.ref + dt.timedelta(weeks=-1 if past else step)
    elif unit == "century":
        c = ctx.ref.year // 100 + step
        return Res(m.start(), m.end(), f"{c:02d}")
    else:
        d = shift(ctx.ref, step, unit) if step else ctx.ref
    res = Res(m.start(), m.end(), unit_value(d, unit), mod=m["pos"] or m["bound"])
    return _counted_from_the_told(m, ctx, res, step, unit) if m["the"] else res


def _counted_from_the_told(m: re.Match[str], ctx: Ctx, res: Res, step: int, unit: str) -> Res | None:
    """'the following year', 'the previous week', 'the same year' (with 'the') count from the date the text last
    told, not from publication (dates.yaml: the_following_year, unit_as_told)."""
    rel = m["rel"].lower()
    if not step and rel in rule_words("unit_as_told", "words") and unit in ("week", "month", "year"):
        if not _SAID_OF_WHAT_FOLLOWS.match(ctx.text, m.end()):  # "the same week that it happened" is as it was
            res.extra.update(_as_told(unit))  # "the same year": the year of the date last told
    elif step and unit in ("month", "year") and rel in rule_words("the_following_year", "words"):
        res.extra["shift"] = (step, unit)
    elif unit == "week" and rel in rule_words("the_following_year", "week_words"):
        res.extra.update(shift=(step, unit), grain="week")  # the week of the day last told, moved
    return res


_BOUND_ARTICLE = date_pattern("bound_article")  # the "the " right before "end of the month": the date starts there


@rule("bound_unit")
def _bound_unit(m: re.Match[str], ctx: Ctx) -> Res | None:
    if ctx.ref is None:
        return Res(m.start(), m.end(), None)
    said = m["unit"] or m["unit2"]
    unit = _unit(said) if said else _CALENDAR.unit_end_abbreviations[m["eoy"].lower()]  # "EOY" (calendar.yaml)
    article = _BOUND_ARTICLE.search(ctx.text, max(0, m.start("b") - 8), m.start("b")) if m["b"] else None
    start = article.start() if article else m.start("b") if m["b"] else m.start()  # "the end of", not "by the"
    return Res(start, m.end(), unit_value(ctx.ref, unit), mod=m["b"] or m["pos"] or "end")


@rule("after_next")
def _after_next(m: re.Match[str], ctx: Ctx) -> Res | None:
    if ctx.ref is None:
        return Res(m.start(), m.end(), None)
    unit = _unit(m["unit"] or m["unit2"])
    step = 2 * (_STEPS.get((m["rel"] or "").lower()) or 1)  # "last week but one", "the week after next"
    return Res(m.start(), m.end(), unit_value(shift(ctx.ref, step, unit), unit))


@rule("to_date")
def _to_date(m: re.Match[str], ctx: Ctx) -> Res | None:
    if ctx.ref is None:
        return Res(m.start(), m.end(), None)
    unit = _unit(m["unit"]) if m["unit"] else "year"  # "YTD"
    return Res(m.start(), m.end(), unit_value(ctx.ref, unit))


@rule("ago")
def _ago(m: re.Match[str], ctx: Ctx) -> Res | None:
    direction = m["dir"].lower()  # which way the count goes (dates.yaml: counted_from_now)
    if direction in rule_words("counted_from_now", "comes_after_words") and not m["anchor"] and ctx.ref is not None \
            and _comes_after_a_clause(ctx.text, m) and not m["n2"] and _count(m["n"]):
        return _comes_after(m, ctx, direction)
    if direction in rule_words("counted_from_now", "anchored_words") and not m["anchor"]:
        return None
    if direction in rule_words("counted_from_now", "told_words") and not m["anchor"]:
        return _told_later(m, ctx, direction)
    if re.sub(r"\s+", " ", m["n"].lower()) in rule_words("vague_count_ago", "words"):
        return Res(m.start(), m.end(), None, kind="fuzzy")  # "several weeks ago": no week (dates.yaml: vague_count_ago)
    if ctx.ref is None:
        return Res(m.start(), m.end(), None)
    n = _count(m["n"])
    if n is None:
        return None
    if date_pattern("for_before").search(ctx.text[max(0, m.start() - 5):m.start()]) \
            and direction in rule_words("counted_from_now", "span_start_words"):
        return None
    return _counted_back(m, ctx, direction, n)


def _comes_after(m: re.Match[str], ctx: Ctx, direction: str) -> Res:
    """"comes three days after X was killed": X three days before the report (dates.yaml: comes_after)."""
    assert ctx.ref is not None
    count = _count(m["n"]) or 0
    unit = _unit(m["unit"])
    d = shift(ctx.ref, count if direction in rule_words("counted_from_now", "back_words") else -count, unit)
    return Res(m.start(), m.end(), d.isoformat(), extra={"grain": unit})


def _told_later(m: re.Match[str], ctx: Ctx, direction: str) -> Res | None:
    """"two months later": from the date told before it; than nothing told, no value (dates.yaml: later_than_told)."""
    n, unit = _count(m["n"]), _unit(m["unit"])
    if n is None or m["n2"] or unit not in ("day", "week", "month", "year"):
        return None
    res = _anaphoric(m, ctx, -n if direction in rule_words("counted_from_now", "back_words") else n, unit)
    res.extra["told_only"] = True
    return res


def _counted_back(m: re.Match[str], ctx: Ctx, direction: str, n: int) -> Res | None:
    """"two years ago", "three days from now": counted from the reference day (or the day its anchor names)."""
    assert ctx.ref is not None
    base = ctx.ref + dt.timedelta(days=_DAY_WORDS_REL.get((m["anchor"] or "").lower(), 0))
    sign, unit = -1 if direction in rule_words("counted_from_now", "back_words") else 1, _unit(m["unit"])
    d = shift(base, sign * n, unit)
    if m["n2"]:
        n2 = _count(m["n2"])
        if n2 is None:
            return None
        d = shift(d, sign * n2, _unit(m["unit2"]))
        return Res(m.start(), m.end(), d.isoformat())
    if m["approx"] and re.sub(r"\s+", " ", m["approx"].lower()) in rule_words("more_than_ago", "words"):
        d -= dt.timedelta(days=1)  # "more than nine months ago": before the day nine months back
    # "two years ago" names a year, "nine months ago" a month: the record keeps that grain
    return Res(m.start(), m.end(), d.isoformat(), extra={"grain": unit})


@rule("in_n")
def _in_n(m: re.Match[str], ctx: Ctx) -> Res | None:
    if date_pattern("vague_count").fullmatch(m["n"]):
        return None  # "the first time in several years": no date
    if ctx.ref is None:
        return Res(m.start(), m.end(), None)
    n = _count(m["n"])
    if n is None:
        return None
    before = _sentence_before(ctx, m.start())
    unplanned = ctx.parsed and not ctx.scheduled(m.start())  # "from teacher to refugee in three weeks"
    # a stretch measured ("for the first time in 22 years") is one whatever the tense
    if _stretch_measure().search(before) or not ctx.future(m.start()) and (
            unplanned or _past_clause().search(before)
            or (m["n"].lower() in _ARTICLES and not date_pattern("in_time").match(ctx.text[m.end():m.end() + 9]))):
        # "the rouble lost 30% in two weeks", "the first time in 25 years", "52 weeks in a year":
        # how long something took or a measure, not a day that many units from now
        return Res(m.start(), m.end(), f"P{n}{_unit(m['unit'])[0].upper()}", kind="span")
    return Res(m.start(), m.end(), shift(ctx.ref, n, _unit(m["unit"])).isoformat())


@lru_cache(maxsize=1)
def _past_clause() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + alternation(rule_words("past_clause_duration", "past_verbs")) + r")\b", re.I)


@lru_cache(maxsize=1)
def _stretch_measure() -> re.Pattern[str]:
    """'the first time in', 'the highest in', '52 weeks in': what comes before 'in N units' when
    it measures a stretch (dates.yaml: past_clause_duration, stretch_words)."""
    return date_pattern("stretch_measure")


def _sentence_before(ctx: Ctx, pos: int) -> str:
    """The sentence up to `pos` (at most 160 characters of it, from its last semicolon): the parse's sentence
    (ctx.doc, issue 11: "Gen. Smith", "the U.S. Army" end none). On bare text (find_expressions without a
    parse: the datetime eval) there is no Doc by design: there a final mark and a space, or a line break, end one."""
    start = _sentence_start(ctx, pos)
    if start is not None:
        window = ctx.text[max(0, pos - 160, start):pos]
        return window[window.rfind(";") + 1:]
    text = ctx.text
    window = text[max(0, pos - 160):pos]
    cut = max(window.rfind(". "), window.rfind(";"), window.rfind("\n"), window.rfind("? "), window.rfind("! "))
    return window[cut + 1:]


@rule("span_n")
def _span_n(m: re.Match[str], ctx: Ctx) -> Res | None:
    if ctx.ref is None:
        return Res(m.start(), m.end(), None)
    rel = (m["rel"] or m["rel2"] or "").lower()  # none: the units ahead
    n = _count(m["n"] or m["n2"] or m["n3"])
    said = (m["unit"] or m["unit3"]).lower()
    unit = _unit(said)
    if n is None:
        return None
    if m["rel2"] and said not in _CALENDAR.plural_units:
        return None  # "two next weeks", not "two next week"
    if unit in ("quarter", "decade"):
        start, end = _quarters_or_decades(ctx.ref, unit, n, rel in _W.span_back_words)
        return Res(m.start(), m.end(), None, start=start, end=end, kind="span")
    if rel in _W.span_back_words:  # "the last three days"
        start, end = shift(ctx.ref, -n, unit), ctx.ref
    elif m["n3"] or m["within"]:  # "within two weeks", "within the next two weeks": from today
        start, end = ctx.ref, shift(ctx.ref, n, unit)
    else:
        start = ctx.ref + dt.timedelta(days=1)
        end = shift(start, n, unit)
    value = f"P{n}{unit[0].upper()}" if unit[0] in "dwmy" else None
    return Res(m.start(), m.end(), value, start=start, end=end, kind="span")


def _quarters_or_decades(ref: dt.date, unit: str, n: int, back: bool) -> tuple[dt.date, dt.date]:
    """The first and last day of `n` quarters or decades counted from the one `ref` is in: the ones before it ("the
    past two quarters", `back`: dates.yaml span_back_words) or after it."""
    size = 3 if unit == "quarter" else 120
    if size == 3:
        base = dt.date(ref.year, (ref.month - 1) // 3 * 3 + 1, 1)
    else:
        base = dt.date(ref.year // 10 * 10, 1, 1)
    if back:
        return add_months(base, -size * n), base
    start = add_months(base, size)
    return start, add_months(start, size * n)


@rule("fuzzy")
def _fuzzy(m: re.Match[str], ctx: Ctx) -> Res | None:
    coming = date_pattern("coming").search(m.group(0))
    return Res(m.start(), m.end(), "FUTURE_REF" if coming else "PAST_REF", kind="fuzzy")


@rule("now")
def _now(m: re.Match[str], ctx: Ctx) -> Res | None:
    if ctx.ref is None:
        return Res(m.start(), m.end(), "PRESENT_REF", kind="fuzzy")
    return Res(m.start(), m.end(), "PRESENT_REF", start=ctx.ref, end=ctx.ref + dt.timedelta(days=1), kind="now")


@rule("nth")
def _nth(m: re.Match[str], ctx: Ctx) -> Res | None:
    day = _day(m["d"] or m["d2"])
    if day is None:
        return None
    if m["mon"]:
        return _date_res(m, ctx, None, _month(m["mon"]), day)
    if not m["rel"] and m.group(0).lower().endswith(tuple(rule_words("ordinal_day_is_a_count", "words"))):
        return None  # "the first day of talks" counts days (dates.yaml: ordinal_day_is_a_count)
    if not m["rel"]:
        nxt = re.match(r"\s*(\w+)", ctx.text[m.end():])
        if nxt and nxt.group(1).lower() not in rule_words("ordinal_day_alone", "next_words"):
            return None  # "the 5th race" (dates.yaml: ordinal_day_alone)
        if not re.search(r"\d", m["d"]):
            return None
    if ctx.ref is None:
        return Res(m.start(), m.end(), None)
    step = _STEPS.get((m["rel"] or "").lower(), 0)  # "this", "next" or "last" month
    base = add_months(ctx.ref.replace(day=1), step)
    if not m["rel"] and day > ctx.ref.day and ctx.future(m.start()) is False:
        base = add_months(base, -1)
    try:
        d = base.replace(day=day)
    except ValueError:
        return None
    return Res(m.start(), m.end(), d.isoformat())


# "in 2019" is the date "2019"; "since 2014" keeps its "since" (dates.yaml: year_cues_outside_the_date)
_CUE_OUTSIDE_THE_DATE = re.compile(longest_first(_W.year_cues_outside_the_date) + r"\b", re.I)
# "2000 people", "1500 km": a count, no year (dates.yaml: year_counted_nouns)
_COUNTED_AFTER_A_YEAR = re.compile(r"\s*(?:" + longest_first(_W.year_counted_nouns) + r"|\$)", re.I)


@rule("year_rule")
def _year_rule(m: re.Match[str], ctx: Ctx) -> Res | None:
    lead_in = _year_without_a_cue(ctx, m.start("y"), m.end("y"))
    if not (m["cue"] or m["lead"] or m["later"] or m["det"] or lead_in is not None
            or _year_said_of_a_thing(ctx, m.start("y"), m.end("y"))):
        return None  # "the 2024 uprising", "a 2017 agreement": a year said of a thing
    after = ctx.text[m.end():m.end() + 12]
    if _COUNTED_AFTER_A_YEAR.match(after) or _clock_time(ctx.text, m.start("y"), m.end("y")):
        return None
    start = m.start("y") if m["det"] or (m["cue"] and _CUE_OUTSIDE_THE_DATE.match(m["cue"])) else m.start()
    start = lead_in if lead_in is not None and not m["cue"] else start
    lead = date_pattern("part_lead").search(ctx.text[m.start():m.start("y")])
    if m["cue"] and lead:
        start = m.start() + lead.start()  # "in early 2022" is "early 2022"
    y = _year(m["y"])
    if y is None:
        return None
    return Res(start, m.end(), f"{y:04d}", mod=m["cue"])


def _clock_time(text: str, a: int, b: int) -> bool:
    """'at 2000 local time', 'a curfew from 2000 to 0600': four digits that read as a 24-hour clock time, with a
    time zone or hours word after them or a number opening with 0 across a range, are a time of day, no year
    (dates.yaml: clock_time_is_no_year)."""
    said = text[a:b]
    if not (said.isdigit() and len(said) == 4 and int(said[:2]) <= 23 and int(said[2:]) <= 59):
        return False
    return bool(date_pattern("clock_after_a_year").match(text, b, b + 20)
                or date_pattern("clock_before_a_year").search(text[max(0, a - 20):a]))


_OF_A_THING_NOUN = re.compile(r"\s+[a-z]+\b")


@lru_cache(maxsize=1)
def _cueless_year() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """dates.yaml year_without_a_cue: the sentence's subject before its verb, a year after a bound, a fiscal year."""
    verbs = alternation(rule_words("year_without_a_cue", "subject_verbs"))
    bounds = alternation(rule_words("year_without_a_cue", "bounds"))
    return (re.compile(r"\s+(?:" + verbs + r")\b", re.I),
            re.compile(r"\b(?:" + bounds + r")\s+$", re.I),
            date_pattern("fiscal_year"))


def _year_without_a_cue(ctx: Ctx, a: int, b: int) -> int | None:
    """Where a year said with no cue word is a date (dates.yaml: year_without_a_cue), the start of what is
    shown: "2019 is not as strong as 2018" (a sentence's subject, or right after an opening quote), "as soon
    as 2023", "fiscal 2019"."""
    text = ctx.text
    subject, bound, fiscal = _cueless_year()
    before = text[max(0, a - 30):a]
    if subject.match(text, b) and (_opens_a_sentence(ctx, a) or re.search(r"[\"“‘']\s*$", text[max(0, a - 3):a])):
        return a
    if bound.search(before):
        return a
    said = fiscal.search(before)
    return a - len(before) + said.start() if said else None


def _opens_a_sentence(ctx: Ctx, a: int) -> bool:
    """Does the word at `a` open its sentence? The parse's sentence (ctx.doc, issue 11: one Doc); on bare text
    (find_expressions without a parse: the datetime eval) there is no Doc by design: there the text's start, a
    final mark and a space, or a line break before it."""
    start = _sentence_start(ctx, a)
    if start is not None:
        return start == a
    return re.search(r"(?:^|[.!?]\s+|\n\s*)$", ctx.text[max(0, a - 3):a]) is not None


def _year_of_a_thing(text: str, a: int, b: int) -> bool:
    """'Holcomb's 2016 election campaign', 'the Falklands War (1982)': a year after a possessive, before a
    singular noun, or in brackets (dates.yaml: year_of_a_thing)."""
    if any(text[a - 1:a] + text[b:b + 1] == pair for pair in rule_words("year_of_a_thing", "brackets")):
        return True
    before = text[max(0, a - 4):a].rstrip().lower()
    noun = _OF_A_THING_NOUN.match(text, b)
    return any(before.endswith(p) for p in rule_words("year_of_a_thing", "possessives")) and \
        noun is not None and not noun.group(0).endswith("s")


def _year_said_of_a_thing(ctx: Ctx, a: int, b: int) -> bool:
    """A year with no cue that dates a thing, by the words after it or by the parse (dates.yaml year_of_a_thing,
    year_before_its_noun)."""
    return _year_of_a_thing(ctx.text, a, b) or _year_before_its_noun(ctx, a)


def _year_before_its_noun(ctx: Ctx, a: int) -> bool:
    """'delaying 2025 nuclear power exit', 'ahead of 2024 election': a year the parse makes the number of a
    singular common noun is said of a thing, a date, for a count of more than one takes a plural; so is one before
    a plural of `dated_plurals` ('raising 2016 elections'). A counted unit up to the noun ('to get 2000 hryvnia
    payment') or a count word before it ('an estimated 2000 ...') keeps a count (dates.yaml: year_before_its_noun).
    Read from the parse: a text given without one (the datetime eval) reads no year here."""
    doc = ctx.doc
    tok = None if doc is None else _parsed_at(doc, a)
    if doc is None or tok is None or tok.dep_ != "nummod" or tok.head.i <= tok.i or tok.idx != a:
        return False
    noun, before = tok.head, doc[tok.i - 1].lower_ if tok.i else ""
    units = rule_words("year_before_its_noun", "counted_singulars")
    if any(t.lower_ in units for t in doc[tok.i + 1:noun.i + 1]) \
            or before in rule_words("year_after_a_describing_word", "count_words"):
        return False  # "to get 2000 hryvnia payment": the unit between counts
    return noun.tag_ == "NN" or noun.lower_ in rule_words("year_before_its_noun", "dated_plurals")


@rule("decade")
def _decade(m: re.Match[str], ctx: Ctx) -> Res | None:
    if m["c"] and m["d"] == "0" and m["c"] in rule_words("hundreds_are_a_century", "decade_centuries"):
        return Res(m.start(), m.end(), m["c"])  # "the 1300s": the 14th century (dates.yaml: hundreds_are_a_century)
    if m["c"]:
        return Res(m.start(), m.end(), f"{m['c']}{m['d']}X")
    return Res(m.start(), m.end(), f"19{m['d2']}X")


_DECADE_WORDS: dict[str, int] = number_words()["decades"]  # "the seventies" -> 7 (lang/en/numbers.yaml)
_PARTS["DECADES"] = "|".join(_DECADE_WORDS)
_TOKENS["DECADES"] = frozenset(_DECADE_WORDS)


@rule("decade_words")
def _decade_words(m: re.Match[str], ctx: Ctx) -> Res | None:
    if not date_pattern("the_first").match(m.group(0)) and not date_pattern("in_before").search(ctx.text[max(0, m.start() - 4):m.start()]):
        return None
    return Res(m.start(), m.end(), f"19{_DECADE_WORDS[m['w'].lower()]}X")


@rule("century")
def _century(m: re.Match[str], ctx: Ctx) -> Res | None:
    n = ordinal_to_number(m["n"]) or _count(m["n"])
    if not n:
        return None
    return Res(m.start(), m.end(), f"{n - 1:02d}")


def _ordinal_or_last(said: str, last: int) -> int:
    """An ordinal's number ("third", "3rd"), or `last` for the last of a sequence (dates.yaml: last_of_a_sequence)."""
    if said.lower() in rule_words("last_of_a_sequence", "words"):
        return last
    return ordinal_to_number(said) or 0


@rule("quarter")
def _quarter(m: re.Match[str], ctx: Ctx) -> Res | None:
    q = int(m["q"]) if m["q"] else _ordinal_or_last(m["qw"] or m["qw2"], 4)  # "the last quarter": the fourth
    y = _year(m["y"] or m["y2"] or m["y3"])
    if y is None:
        rel = (m["rel"] or m["rel2"] or "").lower()
        if ctx.ref is None:
            return Res(m.start(), m.end(), None)
        y = ctx.ref.year + _STEPS.get(rel, 0)
        if not rel and q * 3 - 2 > ctx.ref.month and not ctx.future(m.start()) and m["q"]:
            pass
    return Res(m.start(), m.end(), f"{y:04d}-Q{q}")


@rule("season")
def _season(m: re.Match[str], ctx: Ctx) -> Res | None:
    s = SEASONS[m["s"].lower()]
    rel = (m["rel"] or "").lower()
    if m["y"]:
        return Res(m.start(), m.end(), f"{m['y']}-{s}")
    if m["s"].lower() in rule_words("season_as_a_verb", "words") and (not rel or date_pattern("fall_of").match(ctx.text[m.end():])):
        return None  # "the fall of Kabul" is no season
    if not m["y"] and not rel and _kind_after(ctx.text, m.end()):
        return None  # "winter wheat" is a kind of wheat (dates.yaml: season_as_a_kind)
    if not rel and not m["q"] and _season_in_a_name(m, ctx.text):
        return None  # "Autumn Calabrese", "Winter Solstice, Camelot Station" (dates.yaml: season_in_a_name)
    if ctx.ref is None:
        return Res(m.start(), m.end(), None)
    ahead = ctx.future(m.start()) or ctx.scheduled(m.start())
    if not (ahead or rel or ctx.past(m.start())):
        ahead = _season_soon(s, ctx.ref)
    return Res(m.start(), m.end(), f"{_season_year(s, rel, ctx.ref, ahead)}-{s}")


def _season_soon(season: str, ref: dt.date) -> bool:
    """Is the coming season only weeks ahead while the last one is long over ('warns of hard winter'
    said in September, 'until the end of summer' said in late May)? Then a season told in no past
    tense is the coming one (dates.yaml: season_year)."""
    rules = date_rules()["season_year"]
    month = _SEASON_STARTS[season]
    begins = dt.date(ref.year + (1 if month < ref.month or (month == ref.month and ref.day > 1) else 0), month, 1)
    last_end = dt.date(begins.year - 1, month, 1) + dt.timedelta(days=92)
    return (begins - ref).days <= int(str(rules["coming_within_days"])) and \
        (ref - last_end).days >= int(str(rules["gone_for_days"]))


def _season_in_a_name(m: re.Match[str], text: str) -> bool:
    """A capitalised season inside a sentence before another capitalised word that is no month: a
    name or a title, no season (dates.yaml: season_in_a_name)."""
    if not m["s"][:1].isupper() or re.search(r"(?:^|[.!?\n]\s*)$", text[max(0, m.start() - 3):m.start()]):
        return False
    after = re.match(r"\s+([A-Z][a-z]+)", text[m.end():m.end() + 25])
    return after is not None and after.group(1).lower() not in MONTHS and \
        after.group(1).lower() not in rule_words("season_in_a_name", "not_names")


def _kind_after(text: str, end: int) -> bool:
    after = re.match(r"\s+([a-z]+)", text[end:end + 20])
    return after is not None and after.group(1) in rule_words("season_as_a_kind", "words")


_SEASON_STARTS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # TIMEX3 names a season by the year it begins in


def _season_year(season: str, rel: str, ref: dt.date, future: bool) -> int:
    """'last summer', 'this winter', 'in the summer' (dates.yaml: season_year): a winter said in January
    or February is the one that began in December; a season said with no 'this', 'last' or 'next' is
    the latest one begun on or before the reference, or the coming one when the clause speaks of the
    future."""
    begun = ref.year if _SEASON_STARTS[season] <= ref.month else ref.year - 1
    current = ref.year - 1 if season == "WI" and ref.month <= 2 else ref.year  # a winter runs December to February
    step = _STEPS.get(rel)  # "next" 1, "last" -1, "this" 0 (dates.yaml relative_steps)
    if step is not None:
        return current + step
    return current if future else begun


@rule("week_n")
def _week_n(m: re.Match[str], ctx: Ctx) -> Res | None:
    y = _year(m["y"])
    if y is None and not m["rel"] and (date_pattern("of_after").match(ctx.text[m.end():m.end() + 5])
                                       or _SEASON_WEEK.match(ctx.text, max(0, m.start() - 2))):
        # "week 23 of Russia's war", "the teams' Week 13 rematch": the weeks of a happening or a season counted, no
        # calendar week (dates.yaml: week_of_a_happening)
        return None
    if y is None:
        if ctx.ref is None:
            return Res(m.start(), m.end(), None)
        y = ctx.ref.year + _STEPS.get((m["rel"] or "").lower(), 0)
    return Res(m.start(), m.end(), f"{y:04d}-W{int(m['n']):02d}")


_SEASON_WEEK = date_pattern("season_week")  # "the teams' Week 13 rematch": a capital Week inside a sentence


@rule("week_of")
def _week_of(m: re.Match[str], ctx: Ctx) -> Res | None:
    inner = find_expressions(m["rest"], ctx.ref, future=ctx.future(m.start()))
    if not inner or not inner[0].value:
        if ctx.ref is None:
            return None
        day = _day(m["rest"])
        if day is None:
            return None
        try:
            d = ctx.ref.replace(day=day)
        except ValueError:
            return None
        return Res(m.start(), m.end(), week_value(d))
    span = interval_of(inner[0].value)
    if span is None:
        return Res(m.start(), m.end(), None)
    return Res(m.start(), m.end(), week_value(span[0]))


@rule("nth_week")
def _nth_week(m: re.Match[str], ctx: Ctx) -> Res | None:
    rest = m["rest"].lower()
    if ctx.ref is None and not re.search(r"\d{4}", rest):
        return Res(m.start(), m.end(), None)
    mm = re.fullmatch(r"(" + _MON + r")(?:\s+(" + _YEAR_NUM + r"))?", rest)
    if re.fullmatch(r"\d{4}", rest):
        first, nxt = dt.date(int(rest), 1, 1), dt.date(int(rest) + 1, 1, 1)
    elif mm:
        res = _date_res(m, ctx, int(mm.group(2)) if mm.group(2) else None, _month(mm.group(1)), None)
        span = interval_of(res.value) if res else None
        if span is None:
            return Res(m.start(), m.end(), None)
        first, nxt = span
    else:
        inner = find_expressions(rest, ctx.ref, future=ctx.future(m.start()))
        span = interval_of(inner[0].value) if inner else None
        if span is None:
            return None
        first, nxt = span
    o = _ordinal_or_last(m["o"], -1)  # "the last week of May": counted from its end
    if o > 0:
        d = first + dt.timedelta(days=7 * (o - 1))
        if first.weekday() > 3:
            d += dt.timedelta(days=7 - first.weekday())
    else:
        d = nxt - dt.timedelta(days=1)
        if d.weekday() < 3:
            d -= dt.timedelta(days=7)
    return Res(m.start(), m.end(), week_value(d))


@rule("month_month")
def _month_month(m: re.Match[str], ctx: Ctx) -> Res | None:
    ma, mb = _month(m["a"]), _month(m["b"])
    y = int(m["y"])
    start = dt.date(y if ma <= mb else y - 1, ma, 1)
    end = dt.date(y, mb, 1)
    return Res(m.start(), m.end(), f"{start.year:04d}-{ma:02d}", start=start, end=end, kind="range")


@rule("day_day")
def _day_day(m: re.Match[str], ctx: Ctx) -> Res | None:
    month = _month(m["mon"] or m["mon2"])
    a, b = _day(m["a"] or m["a2"]), _day(m["b"] or m["b2"])
    if a is None or b is None or b <= a:
        return None
    first = _date_res(m, ctx, _year(m["y"]), month, a)
    if first is None or first.value is None or first.parts is None or first.parts[0] is None:
        return first
    y = first.parts[0]
    try:
        start, end = dt.date(y, month, a), dt.date(y, month, b)
    except ValueError:
        return None
    return Res(m.start(), m.end(), first.value, start=start, end=end, kind="range", extra=_two_days(m, first.value, end))


def _two_days(m: re.Match[str], first: str, end: dt.date) -> dict[str, object]:
    """'October 7 to 18', 'between May 19 and 26', 'from 7 to 18 October': days joined by a word are two
    dates, each shown as written; 'October 7-18' stays one (dates.yaml: day_range_two_dates)."""
    a, b = ("a", "b") if m["a"] else ("a2", "b2")
    if not re.search(r"[a-z]", m.string[m.end(a):m.start(b)], re.I):
        return {}
    one = (m.start("mon"), m.end("a")) if m["mon"] else (m.start("a2"), m.end("a2"))
    two = (m.start("b"), m.end("b")) if m["mon"] else (m.start("b2"), m.end())
    return {"pieces": ((*one, first), (*two, end.isoformat()))}


@rule("year_year")
def _year_year(m: re.Match[str], ctx: Ctx) -> Res | None:
    a = int(m["a"])
    b = int(m["b"]) if m["b"] else a // 100 * 100 + int(m["b2"])
    if b <= a:
        return None
    said_apart = m["b"] and re.search(r"[a-z]", m.group(0), re.I)
    extra: dict[str, object] = {"two": (m.start("b"), m.end("b"), m["b"])} if said_apart else {}
    return Res(m.start(), m.end(), m["a"], start=dt.date(a, 1, 1), end=dt.date(b, 1, 1), kind="range", extra=extra)


@lru_cache(maxsize=1)
def holidays() -> dict[str, dict[str, object]]:
    """Named days (resources/lang/en/holidays.yaml)."""
    return lexicon("holidays.yaml")


def easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    month = (h + ll - 7 * m + 114) // 31
    day = (h + ll - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def orthodox_easter(year: int) -> dt.date:
    """Orthodox Easter Sunday: the Julian computus (Meeus), moved to the Gregorian calendar."""
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    julian = dt.date(year, month, day + 1)
    return julian + dt.timedelta(days=year // 100 - year // 400 - 2)  # 13 days in 1900-2099


def holiday_date(name: str, year: int) -> dt.date | None:
    name = name.lower().replace("’", "'")
    data = holidays()
    fixed = data.get("fixed", {})
    if name in fixed:
        mm, dd = str(fixed[name]).split("-")
        return dt.date(year, int(mm), int(dd))
    moving = data.get("easter", {})
    if name in moving:
        return easter(year) + dt.timedelta(days=int(str(moving[name])))
    orthodox = data.get("orthodox_easter", {})
    if name in orthodox:
        return orthodox_easter(year) + dt.timedelta(days=int(str(orthodox[name])))
    nth = data.get("nth_weekday", {})
    if name in nth:
        spec = list(nth[name])  # type: ignore[call-overload]
        month, weekday, n = int(spec[0]), int(spec[1]), int(spec[2])
        extra = int(spec[3]) if len(spec) > 3 else 0
        if n > 0:
            first = dt.date(year, month, 1)
            d = first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
        else:
            last = add_months(dt.date(year, month, 1), 1) - dt.timedelta(days=1)
            d = last - dt.timedelta(days=(last.weekday() - weekday) % 7)
        return d + dt.timedelta(days=extra)
    return None


def _holiday_names() -> str:
    names = [n for group in holidays().values() for n in group]
    return "|".join(re.escape(n).replace("'", "['’]?").replace(r"\ ", r"\s+")
                    for n in sorted(names, key=len, reverse=True))


_HOLIDAY_T = frozenset(_ANCHOR_TOKEN.findall(n.casefold())[0] for g in holidays().values() for n in g)
_PARTS["HOLIDAYS"] = _holiday_names()
_TOKENS["HOLIDAYS"] = _HOLIDAY_T


@rule("holiday")
def _holiday(m: re.Match[str], ctx: Ctx) -> Res | None:
    res = _holiday_day(m, ctx)
    if res is not None and res.value and (m["we"] or m["we2"]):
        d = dt.date.fromisoformat(res.value)
        if d.weekday() == 0:
            d -= dt.timedelta(days=1)  # a Monday holiday closes a long weekend
        res.value = week_value(d) + "-WE"
    return res


def _national(name: str, text: str, start: int, end: int) -> str:
    """The country's own holiday for a bare national one ('Ukraine marked Independence Day': 24 August),
    from the country the 60 characters before it name, nearest first, else the 60 after it ('humanitarian
    pause for Easter (...) « War in Ukraine'): dates.yaml national_holiday. The words are letter runs of the text,
    not the Doc's (issue 11): the holiday rule runs on text with no Doc too (the datetime eval, find_expressions on
    bare text), and 'Ukraine’s' must give 'ukraine'."""
    countries = date_rules()["national_holiday"]["countries"]
    by_country = countries.get(name) if isinstance(countries, dict) else None
    if not by_country:
        return name
    before = re.findall(r"[a-z]+", text[max(0, start - 60):start].lower())
    after = re.findall(r"[a-z]+", text[end:end + 60].lower())
    return next((str(by_country[w]) for w in [*reversed(before), *after] if w in by_country), name)


def _holiday_day(m: re.Match[str], ctx: Ctx) -> Res | None:
    name = _national(_holiday_name(m["h"]), ctx.text, m.start(), m.end())
    if m["y"] or m["yrel"]:
        year = _holiday_year_said(m, ctx)
        if year is None:
            return Res(m.start(), m.end(), None)
        d = holiday_date(name, year)
        return Res(m.start(), m.end(), d.isoformat()) if d else None
    if ctx.ref is None:
        return Res(m.start(), m.end(), None)
    if holiday_date(name, ctx.ref.year) is None:
        return None
    d = _holiday_nearest(name, (m["rel"] or "").lower(), ctx.ref, ctx.future(m.start()))
    return Res(m.start(), m.end(), d.isoformat()) if d else None


def _holiday_name(said: str) -> str:
    """The holidays.yaml key of a holiday as written ('Christmas  Day', 'Valentines Day')."""
    name = re.sub(r"\s+", " ", said.lower().replace("’", "'"))
    if name not in {n for g in holidays().values() for n in g}:
        name = name.replace("s ", "'s ").replace("s' ", "s' ")
    return name


def _holiday_year_said(m: re.Match[str], ctx: Ctx) -> int | None:
    """The year said with a holiday ('Christmas 2019', 'Easter next year'); None when it is relative
    and there is no reference day."""
    if m["y"]:
        return int(m["y"])
    if ctx.ref is None:
        return None
    return ctx.ref.year + _STEPS.get(m["yrel"].lower(), 0)  # "this", "next" or "last" year


def _holiday_nearest(name: str, rel: str, ref: dt.date, future: bool) -> dt.date | None:
    """The holiday a relative word or the tense points to: 'next Easter' the first after the
    reference day, 'last Easter' the last before it, 'this Easter' this year's; a bare one the
    coming one when it is only days ahead, else the latest on or before the day (or the first on or
    after it when the clause speaks of the future), as a year-less date is read (pick_year)."""
    this_year = holiday_date(name, ref.year)
    assert this_year is not None
    step = _STEPS.get(rel, 1 if future else -1)
    if _STEPS.get(rel) == 0:  # "this Easter"
        return this_year
    if step > 0:
        ahead = this_year > ref if rel else this_year >= ref
        return this_year if ahead else holiday_date(name, ref.year + 1)
    if not rel:
        coming = this_year if this_year >= ref else holiday_date(name, ref.year + 1)
        if coming is not None and (coming - ref).days <= NEAR_FUTURE_DAYS:
            return coming  # dates.yaml coming_holiday: "Black Friday" said ten days before it
    behind = this_year < ref if rel else this_year <= ref
    return this_year if behind else holiday_date(name, ref.year - 1)


@rule("half")
def _half(m: re.Match[str], ctx: Ctx) -> Res | None:
    if m["rel"]:  # "the second half of the year" (dates.yaml: half_of_the_year)
        if ctx.ref is None:
            return Res(m.start(), m.end(), None)
        y = ctx.ref.year + _STEPS.get(m["rel"].lower(), 0)
    else:
        y = int(m["y"] or m["y2"] or m["y3"])
    h = int(m["h"] or m["h2"] or (1 if ordinal_to_number(m["w"] or "") == 1 else 2))
    start = dt.date(y, 1 + 6 * (h - 1), 1)
    return Res(m.start(), m.end(), f"{y}-H{h}", start=start, end=add_months(start, 6))


def _friday_ahead(ctx: Ctx, pos: int) -> bool:
    """Said on a Friday and not told in the past: the weekend about to begin (dates.yaml: friday_weekend)."""
    if ctx.ref is None or ctx.ref.weekday() != 4:
        return False
    before = _sentence_before(ctx, pos)
    return not (_past_clause().search(before) or _REGULAR_PAST.search(before))


_REGULAR_PAST = date_pattern("regular_past")  # "attacked"


@rule("weekend")
def _weekend(m: re.Match[str], ctx: Ctx) -> Res | None:
    if not m["rel"] and date_pattern("indefinite_before").search(ctx.text[max(0, m.start() - 3):m.start()]):
        return None  # "a weekend of strikes" names no weekend
    if ctx.ref is None:
        return Res(m.start(), m.end(), None)
    rel = (m["rel"] or "").lower()
    saturday = ctx.ref + dt.timedelta(days=5 - ctx.ref.weekday())
    step = _STEPS.get(rel)  # "next" 1, "last" -1, "this" 0 (a relative word is mostly read by rel_unit first)
    if step == 1:
        d = saturday + dt.timedelta(weeks=1)
    elif step == -1:
        d = saturday - dt.timedelta(weeks=1)
    elif step == 0 or ctx.ref.weekday() >= 5 or ctx.future(m.start()) or _friday_ahead(ctx, m.start()):
        d = saturday
    else:
        d = saturday - dt.timedelta(weeks=1)  # news: "over the weekend" is the one just gone
    return Res(m.start(), m.end(), week_value(d) + "-WE")


# ---------------------------------------------------------------- scanning

_PAST_AUX = syntax().past_auxiliaries  # "has", "'ve" (lang/en/syntax.yaml)


def _misread_verb(tok: Token) -> bool:
    """'The envoy arrives', 'Talks resume': a verb of schedules the tagger read as a noun at the head of
    the sentence, with its subject before it."""
    return tok.pos_ == "NOUN" and tok.dep_ == "ROOT" \
        and is_verb_of(tok, rule_words("scheduled_in_the_present", "verbs")) \
        and any(c.dep_ in ("nsubj", "compound") and c.i < tok.i for c in tok.children)


def _plan_in_the_present(tok: Token) -> bool | None:
    """At the clause's head: is it a plan told in the present ('talks resume', 'are meeting', 'is
    scheduled', 'the vote is on Sunday')? None when `tok` heads no clause (climb on)."""
    if _misread_verb(tok):
        return True
    auxes = [c for c in tok.children if c.dep_ in ("aux", "aux:pass", "cop")]
    if tok.pos_ not in VERBS and not any(c.dep_ == "cop" for c in auxes):
        return None
    if any(a.lower_ in _PAST_AUX or a.tag_ in ("VBD", "MD") for a in auxes):
        return False  # "had met", "was held"; a modal is the lexical checker's ("will", "would")
    present = [a for a in auxes if a.tag_ in ("VBZ", "VBP")]
    if present:
        return tok.tag_ in ("VBG", "VBN") or any(a.dep_ == "cop" for a in present)
    return _finite_plan(tok, auxes)


def _finite_plan(tok: Token, auxes: list[Token]) -> bool:
    """A clause head with no present auxiliary, apart from `_plan_in_the_present` so that each stays short: a finite
    present verb ('talks resume') of the verbs that tell a plan in the present."""
    finite = tok.tag_ in ("VBZ", "VBP") or (tok.tag_ == "VB" and not auxes  # 'the talks ... continue on Friday'
                                              and any(c.dep_.startswith("nsubj") for c in tok.children))
    return finite and is_verb_of(tok, rule_words("scheduled_in_the_present", "verbs"))


def _parsed_at(tokens: Doc, pos: int) -> Token | None:
    """The token at `pos` if its sentence was parsed (parse_scope leaves some sentences bare)."""
    span = tokens.char_span(pos, pos + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) and span[0].dep_ else None


def _parsed_checkers(text: str, tokens: Doc) -> tuple[Callable[[int], bool], Callable[[int], bool]]:
    """The future checker and the plan checker of a parsed text: in a parsed sentence the parse says
    whether a progressive plans ('are meeting on Monday') or goes on ('are investigating an attack on
    Tuesday'); in a sentence left bare the words alone say it, as without a parse."""
    starts = [s.start_char for s in tokens.sents]
    plain, worded = _future_checker(text, starts, progressive=False), _future_checker(text, starts)
    plans = _scheduled_checker(tokens)

    def future(pos: int) -> bool:
        tok = _parsed_at(tokens, pos)
        if tok is None:
            return worded(pos)
        return (plain(pos) and not _told_in_the_past(tok)) or _plan_in_an_infinitive(tok) or _will_over(tok)

    return future, plans


def _will_over(tok: Token) -> bool:
    """Does the verb the date hangs on (through the nouns between: 'will loop into the amphitheatre for
    a hometown show on Sept. 12') carry 'will' or 'shall', however far before the date it stands
    (dates.yaml: will_over_a_long_clause)?"""
    for _ in range(_CLIMB + 1):
        if tok.pos_ in VERBS or tok.tag_.startswith("VB"):
            return any(c.dep_ in ("aux", "aux:pass") and c.lower_ in _WILL for c in tok.children)
        if tok.head == tok:
            return False
        tok = tok.head
    return False


_WILL = syntax().future_auxiliaries  # "will", "'ll", "wo" of "won't" (lang/en/syntax.yaml)
_TO = syntax().infinitive_marks  # "to" of "not to go to work Friday" (lang/en/syntax.yaml)


def _infinitive_to(verb: Token) -> Token | None:
    """The verb's own "to" ('go' of 'not to go'), as the parse marks it."""
    return next((c for c in verb.children if c.lower_ in _TO and c.dep_ in ("mark", "aux")), None)


def _infinitive_over(tok: Token) -> Token | None:
    """The 'to'-infinitive a date hangs on ('not to go to work Friday', 'to use Thursday's meetings')."""
    for _ in range(_CLIMB):
        if tok.pos_ in VERBS or tok.tag_.startswith("VB"):
            return tok if _infinitive_to(tok) is not None else None
        if tok.head == tok:
            return None
        tok = tok.head
    return None


def _plan_in_an_infinitive(tok: Token) -> bool:
    """Does the date hang on an infinitive that a verb of telling or wanting, a noun of intent or a
    word of likelihood governs, told in the present ('tells workers not to go to work Friday', 'has
    stated his intention to use Thursday's meetings', 'is likely to reach severe levels on
    Wednesday'), or is it the deadline such a verb sets ('has instructed to restore the schools by
    September 1')? Then it is ahead (dates.yaml: plan_in_an_infinitive)."""
    if _headline_infinitive(tok):
        return True
    gov = _plan_governor(tok)
    if gov is None:
        return False
    lemma = gov.lemma_.lower()
    if gov.pos_ == "NOUN" and lemma in rule_words("plan_in_an_infinitive", "nouns"):
        gov = gov.head
    elif not (is_verb_of(gov, rule_words("plan_in_an_infinitive", "verbs")) or
              (gov.pos_ == "ADJ" and gov.lower_ in rule_words("plan_in_an_infinitive", "adjectives"))):
        return False
    auxes = [c for c in gov.children if c.dep_ in ("aux", "aux:pass", "cop")]
    if any(a.tag_ in ("VBD", "MD") for a in auxes):
        return False  # "had stated", "was likely", "would want": not now
    return gov.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes)


def _plan_governor(tok: Token) -> Token | None:
    """The word that governs the infinitive the date hangs on, climbing a chain of infinitives ('not to go
    to work Friday': 'work' under 'go'); a noun of intent just before the infinitive's 'to' where the parse
    hangs it on the verb ('stated his "intention" to use'); or the verb whose deadline the date is."""
    verb = _infinitive_over(tok)
    if verb is None:
        return _deadline_of(tok)
    for _ in range(_CLIMB):
        if verb.head == verb:
            return None
        if not _is_infinitive(verb.head):
            break
        verb = verb.head
    noun = _intent_noun_before(verb)
    gov = noun if noun is not None else verb.head
    if gov.pos_ in ("NOUN", "PROPN", "PRON") and gov.dep_ in ("obj", "iobj") and \
            gov.lemma_.lower() not in rule_words("plan_in_an_infinitive", "nouns"):
        gov = gov.head  # "tells workers not to go": the parse may hang the infinitive on the object
    return gov


def _is_infinitive(tok: Token) -> bool:
    """A verb with its own "to" ('go' of 'not to go'): a link of a chain of infinitives a plan is read up."""
    return (tok.pos_ in VERBS or tok.tag_.startswith("VB")) and _infinitive_to(tok) is not None


def _intent_noun_before(verb: Token) -> Token | None:
    """The noun of intent right before the infinitive's 'to' (quote marks between): 'his "intention" to use'."""
    to = _infinitive_to(verb)
    if to is None:
        return None
    i = to.i - 1
    while i >= 0 and to.doc[i].is_punct:
        i -= 1
    prev = to.doc[i] if i >= 0 else None
    return prev if prev is not None and prev.pos_ == "NOUN" and \
        prev.lemma_.lower() in rule_words("plan_in_an_infinitive", "nouns") else None


_DEADLINE_CLIMB = 3  # heads climbed from a date to its "by" and the verb it hangs on (fewer than _CLIMB: a deadline sits close)


def _deadline_of(tok: Token) -> Token | None:
    """'has instructed to restore the schools by September 1': a date after a deadline's word (dates.yaml
    plan_in_an_infinitive: deadline_words) hung on a verb that governs an infinitive is that verb's deadline."""
    for _ in range(_DEADLINE_CLIMB):
        if any(c.dep_ == "case" and c.lower_ in rule_words("plan_in_an_infinitive", "deadline_words")
               for c in tok.children):
            head = tok.head
            return head if head != tok and any(_is_infinitive(c) for c in head.children) else None
        if tok.head == tok:
            return None
        tok = tok.head
    return None


def _headline_infinitive(tok: Token) -> bool:
    """'Putin to meet Erdogan on Tuesday', 'EU to impose sanctions next week': in a sentence with no
    finite verb, an infinitive before the date, hung on the name that heads the sentence (or heading it
    after its subject), tells what is to come (dates.yaml: headline_infinitive). Read from the sentence,
    not from the date's head: the parse of a headline often hangs the date on the name. The subject is
    a name ('Ukraine: a woman's journey from teacher to refugee in three weeks' is no plan)."""
    sent = tok.sent
    if any(t.tag_.lower() in rule_words("headline_infinitive", "finite_tags") for t in sent):
        return False
    return any(_headline_verb(v) for v in sent if v.i < tok.i and v.tag_ == "VB"
               and any(c.lower_ in _TO and c.dep_ == "mark" for c in v.children))


def _headline_verb(verb: Token) -> bool:
    if verb.head == verb:
        return any(c.dep_.startswith("nsubj") for c in verb.children)
    gov = verb.head
    subjects = {t.upper() for t in rule_words("headline_infinitive", "subject_tags")}
    while gov.dep_ in ("appos", "conj") and gov.tag_ in subjects and gov.head != gov:
        gov = gov.head
    return verb.dep_ in ("acl", "advcl") and gov.dep_ == "ROOT" and gov.tag_ in subjects


def _told_in_the_past(tok: Token) -> bool:
    """Is the verb a date hangs on in the past ('initiated planned outages in October', 'after it
    was closed due to the invasion on February 24')? A word of the future before it then speaks of
    something else (dates.yaml: past_clause_over_future_word). A date said before a noun ('ahead of
    the Tuesday march') is that noun's day, whatever the verb."""
    if tok.dep_ in ("compound", "amod", "nmod:poss") and tok.head.i > tok.i:
        return False
    child = tok
    for _ in range(_CLIMB):
        if _participle_in_the_past(tok, child):
            return True
        if (tok.pos_ in VERBS or tok.tag_.startswith("VB")) and \
                tok.dep_ not in ("amod", "acl", "aux", "aux:pass", "cop"):
            # a participle after a noun ('an increase planned for Oct. 15') climbs on; a date the
            # parse made the verb's subject or object ('would come Feb. 16 was spread') tells no time of it
            told_of = not child.dep_.startswith(("nsubj", "obj", "iobj", "csubj")) or _bare_day(child)
            return told_of and _past_verb(tok)
        if tok.head == tok:
            return False
        child, tok = tok, tok.head
    return False


def _participle_in_the_past(verb: Token, child: Token) -> bool:
    """'the concept previewed in January', 'the strike launched on Monday': a bare past participle after a
    noun that the date hangs on is a happening gone by, whatever the tense of the clause around it; not a
    verb of planning ('talks planned for Friday') nor a date of aim ('a strike called for Monday')
    (dates.yaml: participle_told_in_the_past)."""
    if verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBD") or child.dep_.split(":")[0] not in ("obl", "nmod"):
        return False
    if any(c.dep_.startswith(("aux", "cop")) for c in verb.children):
        return False
    cases = {c.lower_ for c in child.children if c.dep_ == "case"}
    return not is_verb_of(verb, rule_words("past_clause_over_future_word", "plan_verbs")) and \
        not cases & rule_words("participle_told_in_the_past", "aim_words")


def _bare_day(tok: Token) -> bool:
    """'The summit opens Friday', 'the attack happened this weekend': a day said with no preposition, which
    the parse makes the verb's object, tells when (dates.yaml: bare_day_as_object)."""
    return tok.dep_ == "obj" and tok.lower_ in rule_words("bare_day_as_object", "words") \
        and not any(c.dep_ in ("cop", "mark") for c in tok.head.children)  # "that is to say Wednesday"


def _past_verb(tok: Token) -> bool:
    """A verb in the simple past ('initiated', 'canceled' with its subject and no auxiliary) or with
    'was', 'were', 'had', 'did'; not one of planning or saying, nor one with a modal or 'to'."""
    auxes = [c for c in tok.children if c.dep_ in ("aux", "aux:pass")]
    if any(a.tag_ == "MD" or a.lower_ in rule_words("past_clause_over_future_word", "not_past_marks") for a in auxes) or is_verb_of(
            tok, rule_words("past_clause_over_future_word", "plan_verbs")) or tok.lower_ in _reporting_verbs():
        return False  # the parse may hang the date on the verb of saying ('scheduled for Friday, X said')
    finite = tok.tag_ == "VBN" and not auxes and any(c.dep_.startswith("nsubj") for c in tok.children)
    return tok.tag_ == "VBD" or finite or any(a.lower_ in rule_words("past_clause_over_future_word", "past_auxiliaries")
                                              for a in auxes)


_CLIMB = 4  # heads climbed from a date to the verb it hangs on


def _past_checker(tokens: Doc) -> Callable[[int], bool]:
    def past(pos: int) -> bool:
        tok = _parsed_at(tokens, pos)
        return tok is not None and _told_in_the_past(tok)

    return past


def _perfect_checker(tokens: Doc) -> Callable[[int], bool]:
    """Is the date at a position said of a verb in the past perfect ('had said on Thursday', 'had ended on
    Thursday')? A time before the story's own, so a weekday of publication's name is the one a week before
    (dates.yaml: weekday_in_the_past_perfect). A date before a noun is that noun's day."""
    auxiliaries = rule_words("weekday_in_the_past_perfect", "auxiliaries")

    def perfect(pos: int) -> bool:
        tok = _parsed_at(tokens, pos)
        if tok is None or (tok.dep_ in ("compound", "amod", "nmod:poss") and tok.head.i > tok.i):
            return False
        for _ in range(_CLIMB):
            if tok.head == tok:
                return False
            tok = tok.head
            if tok.pos_ in VERBS or tok.tag_.startswith("VB"):
                return tok.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in auxiliaries for c in tok.children)
        return False

    return perfect


def _scheduled_checker(tokens: Doc) -> Callable[[int], bool]:
    """Is the date at a position told as a plan in the present? Read at the head of the date's own
    clause: the date as a copula's predicate ('the vote is on Sunday') or a dependent of the verb or
    predicate ('talks resume on Friday', 'he is due in Kyiv on Saturday'); a date hung on a noun
    ('investigating an attack on Tuesday'), after 'since', or the day it is ('it's Saturday') is no
    plan (dates.yaml: scheduled_in_the_present)."""

    def scheduled(pos: int) -> bool:
        tok = _parsed_at(tokens, pos)
        if tok is None:
            return False
        if tok.dep_ in ("amod", "advmod", "det", "case", "nmod:unmarked", "compound") and tok.head.i > tok.i:
            tok = tok.head  # "late Saturday", "next Friday", "June 9th"
        cases = [c.lower_ for c in tok.children if c.dep_ in ("case", "mark")]
        if any(c in rule_words("scheduled_in_the_present", "not_a_plan_cases") for c in cases):
            return False
        if any(c.dep_ == "cop" for c in tok.children):
            return bool(cases) and bool(_plan_in_the_present(tok))  # "is on Sunday", not "it's Saturday"
        if (tok.dep_.split(":")[0] not in ("obl", "advmod", "nmod") and not _bare_day(tok)) or tok.dep_ == "nmod:poss":
            return False
        head = tok.head
        if head.pos_ == "PROPN" and tok.dep_ == "nmod" and head.dep_ in ("obl", "obj"):
            head = head.head  # "visits Kyiv on Sunday": the parse hangs the day on the place
        if head.pos_ not in VERBS and not any(c.dep_ == "cop" for c in head.children) \
                and not _misread_verb(head):
            return False  # "an attack on Tuesday"
        return bool(_plan_in_the_present(head))

    return scheduled


@lru_cache(maxsize=1)
def _progressive() -> re.Pattern[str]:
    """'is celebrating', 'are holding': a present progressive (see dates.yaml: progressive_future)."""
    return date_pattern("progressive")


def _future_checker(text: str, sentence_starts: list[int] | None, progressive: bool = True) -> Callable[[int], bool]:
    """Does the clause before `pos` speak of the future? ('will meet on Thursday', 'talks due Monday');
    without `progressive`, a present progressive before it does not say so (the parse decides).

    The clause starts at its sentence's start, `sentence_starts` (the parse's, issue 11: "will meet U.S.
    officials on Monday" is one sentence), or after a semicolon, a line break or a verb of saying. On bare text
    (no Doc by design: the datetime eval, the plain-text rules) any dot ends one."""

    def future(pos: int) -> bool:
        start = None if not sentence_starts else sentence_starts[max(0, bisect.bisect_right(sentence_starts, pos) - 1)]
        window = _clause_before(text, pos, start)
        return bool(_FUTURE_CUES.search(window) or _modal_ahead().search(window)
                    or (progressive and _progressive().search(window)))

    return future


def _clause_before(text: str, pos: int, sentence_start: int | None) -> str:
    """The clause before `pos` (80 characters of it at most): from the start of its sentence, the parse's
    where given (issue 11: "will meet U.S. officials on Monday" is one sentence; on bare text, no Doc by
    design, any dot ends one), or from a semicolon, a line break or a verb of saying (dates.yaml: clause_cut)."""
    lo = max(0, pos - 80)
    window = text[lo:pos]
    end = window.rfind(".") if sentence_start is None else sentence_start - lo - 1
    cut = max(end, window.rfind(";"), window.rfind("\n"), *(window.rfind(w) for w in rule_words("clause_cut", "words")))
    return window[cut + 1:] if cut >= 0 else window


def _sentence_start(ctx: Ctx, pos: int) -> int | None:
    """Where the parse's sentence holding `pos` starts (None on bare text: no Doc)."""
    span = None if ctx.doc is None else ctx.doc.char_span(pos, pos + 1, alignment_mode="expand")
    return span[0].sent.start_char if span is not None and len(span) else None


@lru_cache(maxsize=1)
def _modal_ahead() -> re.Pattern[str]:
    """'The weather should ease by Thursday morning', 'parliament may study annexation on Thursday': a modal
    of likelihood, written in lower case (the month May is no modal), without 'have' (dates.yaml: modal_ahead)."""
    return date_pattern("modal_ahead")


_CONNECT = date_pattern("connect")  # "to", "until the end of"
_RANGE_PREFIX = date_pattern("range_prefix")  # "from", "between the"
_TWO_DATES = date_pattern("two_dates")  # "and" alone between two dates: two dates, not a range


def start_date(r: Res) -> dt.date | None:
    """The first day an expression covers: its resolved start, else its TIMEX value's. Public: the date evaluation
    (evals/datetime_eval.py) compares these days with the gold intervals."""
    if r.start is not None:
        return r.start
    span = interval_of(r.value)
    return span[0] if span else None


def end_date(r: Res) -> dt.date | None:
    """The end an expression covers (exclusive, as `interval_of`): its resolved end, else its TIMEX value's. Public
    for the same reader as `start_date`."""
    if r.end is not None:
        return r.end
    span = interval_of(r.value)
    return span[1] if span else None


def _joined(text: str, a: Res, b: Res) -> tuple[bool, re.Match[str] | None]:
    """Are `a` and `b` the two ends of one range ('from X to Y', 'X - Y', 'between X and Y')?
    With the 'from'/'between' said before `a`, if any (a bare 'X and Y' is two dates)."""
    between = text[a.end_char:b.start_char]
    prefix = _RANGE_PREFIX.search(text[max(0, a.start_char - 14):a.start_char])
    conn = _CONNECT.match(between + " ") or _CONNECT.match(between)
    joined = bool(conn) and (prefix is not None or not _TWO_DATES.fullmatch(between))
    return joined and a.kind != "fuzzy" and b.kind != "fuzzy", prefix


def _weekday_ranges_in_order(text: str, found: list[Res], ref: dt.date | None) -> None:
    """'from Monday to Wednesday' said on a Tuesday: each weekday alone is the latest one, which puts
    the end before the start; the range is the one week they share, the latest that has begun (the
    coming one when its start is still ahead) (dates.yaml: weekday_range_in_order)."""
    for a, b in zip(found, found[1:], strict=False):
        if a.kind != "weekday" or b.kind != "weekday" or not a.value or not b.value or not _joined(text, a, b)[0]:
            continue
        da, db = dt.date.fromisoformat(a.value[:10]), dt.date.fromisoformat(b.value[:10])
        if db >= da:
            continue
        if ref is not None and da > ref:
            b.value = (db + dt.timedelta(weeks=1)).isoformat() + b.value[10:]
        else:
            a.value = (da - dt.timedelta(weeks=1)).isoformat() + a.value[10:]


def _month_day_key(r: Res) -> tuple[int, int]:
    """(month, day) of a calendar date, for ordering two ends said without a year."""
    assert r.parts is not None
    return r.parts[1], r.parts[2] or 1


def _with_year(r: Res, year: int) -> Res:
    """A year-less calendar date (or month) given a year."""
    assert r.parts is not None
    _, month, day = r.parts
    return Res(r.start_char, r.end_char, f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else ""),
               mod=r.mod, parts=(year, month, day))


def _range_years(a: Res, b: Res, ref: dt.date | None) -> tuple[Res, Res]:
    """Ends said without a year take it from the other end ('3 May to 5 July 2019'), or, both
    year-less, from the reference year (the end running on into the next year when it comes first)."""
    if a.parts and b.parts and not a.year_explicit and not b.year_explicit and ref is not None:
        b_year = ref.year if _month_day_key(b) >= _month_day_key(a) else ref.year + 1
        a, b = _with_year(a, ref.year), _with_year(b, b_year)
    year = _year_from_the_end(a, b)
    if year is not None:
        a = _with_year(a, year)
    return a, b


def _year_from_the_end(a: Res, b: Res) -> int | None:
    """The year of a range's first end said without one, from its second end said with one ('3 May to 5 July
    2019': 2019; 'from December 20 to January 5, 2023': 2022), or None."""
    if a.parts and b.parts and not a.year_explicit and b.year_explicit and b.parts[0]:
        return b.parts[0] - (1 if _month_day_key(a) > _month_day_key(b) else 0)
    return None


def _openings_dated_by_their_end(body: str, found: list[Res]) -> None:
    """'From February 24 to March 3, 2023': the first end of a range said without a year is in the year its second
    end states (`_year_from_the_end`), on any text, before a reading that would give it a year of its own (a
    conflict's day, `_landmarks_filled`) (dates.yaml range_year_from_its_end)."""
    for a, b in pairwise(found):
        year = _year_from_the_end(a, b)
        if year is not None and _joined(body, a, b)[0]:
            _put_in_year(a, year)
            a.start = a.end = None  # the interval follows the value
            a.extra["year_of_its_range"] = True


def _range_end(a: Res, b: Res, s: dt.date | None, e: dt.date | None) -> dt.date | None:
    """Where the range ends: the start of `b`, moved past `s` when `b` names no year or is a weekday."""
    if b.parts and a.parts and not b.year_explicit and a.year_explicit and a.parts[0] and s:
        return dt.date(a.parts[0] + (1 if _month_day_key(b) < _month_day_key(a) else 0), b.parts[1], b.parts[2] or 1)
    if not (s and e and e < s):
        return e
    if b.parts and not b.year_explicit:
        return shift(e, 1, "year")
    if b.kind == "weekday":
        return e + dt.timedelta(days=7 * ((s - e).days // 7 + 1))
    return e


def _range_bounds(a: Res, b: Res) -> tuple[dt.date | None, dt.date | None]:
    """[start, end) of 'a to b': from the start of a to the start of b; an end said as an end
    ('until the end of May') closes the range at its own end."""
    s = start_date(a)
    e = _range_end(a, b, s, start_date(b))
    if b.mod and date_pattern("bound_end").search(b.mod):
        e = end_date(b)
    elif b.mod and date_pattern("bound_middle").search(b.mod):
        e = _middle_of(b)
    if a.mod and date_pattern("bound_end").search(a.mod):
        s = end_date(a)
    elif a.mod and date_pattern("bound_middle").search(a.mod):
        s = _middle_of(a)
    return s, e


def _middle_of(r: Res) -> dt.date | None:
    """The middle day of a month or year ('the middle of March' is the 16th)."""
    s, e = start_date(r), end_date(r)
    return s + (e - s) // 2 if s and e else None


def _pair_range(text: str, a: Res, b: Res, ref: dt.date | None) -> tuple[Res, bool]:
    """The range `a`..`b` and True, or `a` (its year filled in when the pair gave it one) and False."""
    joined, prefix = _joined(text, a, b)
    if not joined:
        return a, False
    a, b = _range_years(a, b, ref)
    s, e = _range_bounds(a, b)
    if not (s and e and s <= e):
        return a, False
    start_char = prefix.start() + max(0, a.start_char - 14) if prefix else a.start_char
    return Res(start_char, b.end_char, a.value, start=s, end=e, kind="range"), True


def _merge_ranges(text: str, found: list[Res], ref: dt.date | None) -> list[Res]:
    """Join 'from X to Y', 'between X and Y', 'X - Y' into one range [start(X), start(Y))."""
    out: list[Res] = []
    i = 0
    while i < len(found):
        merged = False
        if i + 1 < len(found):
            res, merged = _pair_range(text, found[i], found[i + 1], ref)
        else:
            res = found[i]
        out.append(res)
        i += 2 if merged else 1
    return out


_OFFSET = date_pattern("offset")  # "three days after"


_FOR_SPAN = date_pattern("for_span")  # "for 3 days starting"


def _for_span(text: str, r: Res) -> Res:
    """'for 3 days from today', 'a week starting tomorrow': a span that starts on a day."""
    m = _FOR_SPAN.search(text[max(0, r.start_char - 50):r.start_char])
    span = interval_of(r.value)
    if not m or span is None:
        return r
    n = _count(m["n"] or m["n2"])
    if n is None:
        return r
    end = shift(span[0], n, _unit(m["unit"] or m["unit2"]))
    return Res(max(0, r.start_char - 50) + m.start(), r.end_char, r.value, start=span[0], end=end, kind="range")


def _offset(text: str, r: Res) -> Res:
    """'3 days after January 12th', 'two months after next Friday': shift a day by a span."""
    m = _OFFSET.search(text[max(0, r.start_char - 60):r.start_char])
    span = interval_of(r.value)
    if not m or span is None or span[1] - span[0] != dt.timedelta(days=1):
        return r
    n = _count(m["n"])
    if n is None:
        return r
    sign = -1 if date_pattern("day_back_words").search(m["dir"]) else 1  # "3 days before"
    d = shift(span[0], sign * n, _unit(m["unit"]))
    if m["n2"]:
        n2 = _count(m["n2"])
        if n2 is not None:
            d = shift(d, sign * n2, _unit(m["unit2"]))
    return Res(max(0, r.start_char - 60) + m.start(), r.end_char, d.isoformat())


def _attach_years(text: str, found: list[Res]) -> list[Res]:
    """'28 June in 2020': a year said after a year-less date belongs to it."""
    out: list[Res] = []
    for r in found:
        if out and re.fullmatch(r"\d{4}", r.value or "") and out[-1].parts and not out[-1].year_explicit \
                and date_pattern("year_glue").fullmatch(text[out[-1].end_char:r.start_char]):
            prev = out[-1]
            _, month, day = prev.parts  # type: ignore[misc]
            y = int(r.value or 0)
            try:
                value = dt.date(y, month, day).isoformat() if day else f"{y:04d}-{month:02d}"
            except ValueError:
                out.append(r)
                continue
            out[-1] = Res(prev.start_char, r.end_char, value, parts=(y, month, day))
            continue
        out.append(r)
    return out


_DAY_VALUE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T(?:MO|AF|EV|NI))?")


@lru_cache(maxsize=1)
def _reporting_verbs() -> frozenset[str]:
    return word_list(DEFAULT_LANGUAGE, "dates.yaml", "reporting_verbs")  # lower case, as word_list gives them


@lru_cache(maxsize=1)
def _reporting_time() -> re.Pattern[str]:
    """'..., officials said on Monday': the day a report was made, not a day the story tells of."""
    return date_pattern("reporting_time")


def _counted_from(r: Res, n: int, unit: str, last: tuple[dt.date, str] | None, last_day: dt.date | None) -> str | None:
    """The value of a shift by n units from the date last told (months and years from any date,
    days and weeks from a day), with its part of day ('that night'); unchanged when none was told."""
    if _finer_than_told(r, unit, last):
        return None  # "in 2014 ... that month": no month told (dates.yaml: unit_as_told)
    if unit in ("month", "year") and last is not None:
        return _shifted_value(last[0], n, unit, last[1])
    if r.extra.get("grain") == "week":  # "the previous week": a week, from a day told (else from publication)
        return r.value if last_day is None else week_value(shift(last_day, n, "week"))
    if last_day is not None:
        return _shifted_value(last_day, n, unit, "day") + str(r.extra.get("pod") or "")
    if r.extra.get("told_only") and (last is None or last[1] == "year"):
        return None  # nothing told, or only a year: days and weeks are not counted from publication
    return r.value


def _finer_than_told(r: Res, unit: str, last: tuple[dt.date, str] | None) -> bool:
    """A unit named as that of the date last told ('that month', `at_grain`) finer than that date's own grain: the
    text told no such unit ('in 2014 ... that month'), so no value is made up for it."""
    return bool(r.extra.get("at_grain")) and last is not None and unit in _GRAIN_ORDER \
        and _GRAIN_ORDER.index(last[1]) > _GRAIN_ORDER.index(unit)


def _resolve_anaphora(found: list[Res], text: str = "") -> None:
    """'On Wednesday ... The following day', 'in March 2014 ... A month later': a shift counts
    from the last date said before it: days and weeks from a day, months and years from any date
    (at its grain or coarser); with none said, from the publication day. The day a report was made
    ('officials said on Monday') is not a day the story tells of: no shift counts from it."""
    last_day: dt.date | None = None
    last: tuple[dt.date, str] | None = None
    reporting = _reporting_time()
    for i, r in enumerate(found):
        if r.extra.get("named_after"):
            _count_from_the_next(r, next((a for a in found[i + 1:] if a.start_char >= r.end_char), None), text)
            continue
        if text and reporting.search(text, max(0, r.start_char - 30), r.start_char):
            continue
        shift_by = r.extra.get("shift")
        if isinstance(shift_by, tuple):
            r.value = _counted_from(r, int(shift_by[0]), str(shift_by[1]), last, last_day)
            if r.kind == "told" and r.value is not None:
                r.kind = "point"  # "that day" once a day was told; before any, it keeps no value
        read = _date_and_grain(r.value) if r.kind not in ("span", "invalid") else None
        if read is not None:
            when, grain = read
            said_to = r.extra.get("grain")  # "two years ago" is a year, though its value names a day
            if said_to in ("month", "year"):
                grain = str(said_to)
            last = (when, grain)
            if grain == "day":
                last_day = when


def _date_and_grain(value: str | None) -> tuple[dt.date, str] | None:
    """The first day of the time a date value names and its grain ('2024-07' -> July 1, "month"); None for a value
    of no date ('2024-W30', a week) or of none that exists ('2024-02-30')."""
    dm = _DAY_VALUE.fullmatch(value or "")
    if dm is None:
        return None
    try:
        when = dt.date(int(dm.group(1)), int(dm.group(2) or 1), int(dm.group(3) or 1))
    except ValueError:
        return None
    return when, "day" if dm.group(3) else "month" if dm.group(2) else "year"


def _count_from_the_next(r: Res, after: Res | None, text: str) -> None:
    """'the day before the October 7 attack': the shift counts from the date read right after it, the one that
    dates.yaml date_named_after names there (at most a "the" between), at that date's grain; with none there, no
    value (dates.yaml: counted_from_the_date_named_after)."""
    named = _DATE_NAMED_AFTER.match(text, r.end_char)
    read = _date_and_grain(after.value) if after is not None and named and after.start_char < named.end() else None
    if read is None:
        return
    shift_by = r.extra["shift"]
    assert isinstance(shift_by, tuple)
    when, grain = read
    r.value, r.kind = _shifted_value(when, int(shift_by[0]), str(shift_by[1]), grain), "point"


# every anchor word of any rule: a line's other words do not change which rules run on it
_ALL_ANCHORS: frozenset[str] = frozenset().union(*(need for needs in NEEDS for need in needs))


def _without_overlaps(candidates: list[Res]) -> list[Res]:
    """Each candidate in turn unless it overlaps one already taken, in text order. The taken spans
    do not overlap, so one look at the neighbours by start (bisect) says whether a candidate fits:
    a page of many dates costs n log n, not n squared."""
    starts: list[int] = []
    taken: list[Res] = []
    for c in candidates:
        i = bisect.bisect_right(starts, c.start_char)
        if i > 0 and taken[i - 1].end_char > c.start_char:
            continue  # the span starting before (or at) c runs into it
        if i < len(taken) and taken[i].start_char < c.end_char:
            continue  # c runs into the span starting after it
        starts.insert(i, c.start_char)
        taken.insert(i, c)
    return taken


_MATCHES_KEY = "flashpoint.date_matches"  # where a body's Doc keeps its date rules' matches (`_rule_matches`)


def _rule_matches(text: str, parsed: Doc | None) -> list[tuple[int, re.Match[str]]]:
    """Each rule's matches (rule index, match) in the lines holding its anchor words, line by line, in rule order: the
    text alone decides them, not the day it is read against, so an undated body read against its trial days and with
    none (`_unanchored`: three reads) is scanned once, the matches kept with the text on the body's Doc (`parsed`)."""
    kept: tuple[str, list[tuple[int, re.Match[str]]]] | None = \
        parsed.user_data.get(_MATCHES_KEY) if parsed is not None else None
    if kept is not None and kept[0] == text:
        return kept[1]
    found = [(k, m) for start, end, tokens in _paragraphs(text) for k in _active_rules(frozenset(tokens & _ALL_ANCHORS))
             for m in RULES[k][0].finditer(text, start, end)]
    if parsed is not None:
        parsed.user_data[_MATCHES_KEY] = (text, found)
    return found


def find_expressions(text: str, ref: dt.date | None, future: bool | None = None,
                     merge_ranges: bool = False, parsed: Doc | None = None) -> list[Res]:
    """All time expressions of `text`, longest first where they overlap, in text order; with the
    parse of `text`, a weekday told as planned in the present is the coming one."""
    checker = (lambda _pos: future) if future is not None else _future_checker(text, None)
    scheduled: Callable[[int], bool] = _never
    past: Callable[[int], bool] = _never
    if parsed is not None and future is None:
        checker, scheduled = _parsed_checkers(text, parsed)
        past = _past_checker(parsed)
    perfect = _perfect_checker(parsed) if past is not _never and parsed is not None else _never
    ctx = Ctx(text=text, ref=ref, future=checker, scheduled=scheduled, past=past, perfect=perfect,
              parsed=past is not _never, doc=parsed)
    found: list[tuple[int, int, int, Res]] = []
    for k, m in _rule_matches(text, parsed):
        try:
            res = RULES[k][1](m, ctx)
        except (ValueError, OverflowError):
            continue  # "in 9000 years": no calendar day to name
        if res is not None and res.end_char > res.start_char:
            found.append((-(res.end_char - res.start_char), res.start_char, k, res))
    # longest first, then leftmost, then in rule order (the order the rules were written in)
    found.sort(key=lambda t: t[:3])
    taken = _without_overlaps([t[3] for t in found])
    taken = _attach_years(text, [_for_span(text, _offset(text, r)) for r in taken])
    _resolve_anaphora(taken, text)
    if merge_ranges:
        taken = _merge_ranges(text, taken, ref)
    return taken


def resolve_timex(text: str, reference: dt.date | None, tense_future: bool = False) -> str | None:
    """The TIMEX3 value of one time expression ('last July', 'on Thursday') against a reference day."""
    found = find_expressions(text, reference, future=tense_future)
    if not found:
        return None
    best = max(found, key=lambda r: r.end_char - r.start_char)
    return best.value


# the calendar values a record may show (TIMEX3 dates: a day with an optional part of the day, a
# week or its weekend, a month, a season, a quarter, a half, a year, a decade, a century)
_TIMEX3_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}(?:T(?:MO|AF|EV|NI))?|\d{4}-W(?:0[1-9]|[1-4]\d|5[0-3])(?:-WE)?|"
                           r"\d{4}-(?:0[1-9]|1[0-2])|"
                           r"\d{4}-(?:SP|SU|FA|WI)|\d{4}-Q[1-4]|\d{4}-H[12]|\d{2,4}")


def is_timex3_value(value: str | None) -> bool:
    """A resolved TIMEX3 calendar value that names real days: no placeholder ('XXXX-10'), no bare
    part of day ('TNI'), no fuzzy reference ('PRESENT_REF'), no impossible day ('2023-02-30')."""
    if value is None or not _TIMEX3_VALUE.fullmatch(value):
        return False
    return len(value) < 10 or interval_of(value) is not None


@lru_cache(maxsize=1)
def _leading_words() -> re.Pattern[str]:
    return date_pattern("leading_words")


@lru_cache(maxsize=1)
def _bound_of_a_date() -> re.Pattern[str]:
    """'the end of 2025', 'the start of the 1990s', 'the beginning of March 2023': the bound of a
    date said on its own (dates.yaml: bound_of_a_named_date)."""
    return date_pattern("bound_of_a_date")


def _shown(body: str, r: Res) -> tuple[int, str | None]:
    """Where a found expression starts as an analyst writes it, and its value as a record shows it:
    a decade as TIMEX3 writes it ('198'), 'two years ago' at the grain it was said (a year), and
    None for anything that is not a resolved calendar value."""
    cut = _leading_words().match(body, r.start_char, r.end_char)
    start = cut.end() if cut and cut.end() < r.end_char else r.start_char
    bound = _bound_of_a_date().match(body, start, r.end_char)
    start = bound.end() if bound and bound.end() < r.end_char else start
    value = r.value
    grain = r.extra.get("grain")
    span = interval_of(value) if grain else None
    if span is not None:
        value = unit_value(span[0], str(grain))  # "two decades ago" is a decade: "200X"
    if value and re.fullmatch(r"\d{3}X", value):
        value = value[:3]
    return start, value if is_timex3_value(value) else None


@lru_cache(maxsize=1)
def _closed_year() -> tuple[re.Pattern[str], re.Pattern[str]]:
    closed = alternation(rule_words("report_year_from_a_closed_year", "closed_year"))
    current = alternation(rule_words("report_year_from_a_closed_year", "current_year"))
    return (re.compile(r"\b(?:" + closed + r")\s+(" + _YEAR_NUM + r")", re.I),
            re.compile(r"\b(?:" + current + r")\b", re.I))


def report_year(body: str, tokens: Doc) -> int | None:
    """The year an undated page was written in, when it counts this year against a whole year it
    names ('61 since the start of the year, compared to 50 in all of 2020': 2021), or counts the years
    from a year it names to now (_counted_year); else None."""
    closed, current = _closed_year()
    named = [int(m.group(1)) for m in closed.finditer(body)]
    if not named or not current.search(body):
        return _counted_year(body, tokens)
    return max(named) + 1


@lru_cache(maxsize=1)
def _year_counts() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """'18 years after ... 2001', 'the 36th anniversary of the April 26, 1986, disaster', '2012, seven years
    ago', within a sentence (dates.yaml: report_year_from_a_count)."""
    return date_pattern("year_count_from"), date_pattern("year_count_anniversary"), date_pattern("year_count_ago")


def _counted_year(body: str, tokens: Doc) -> int | None:
    """The year a page was written in, from a count of years to now from a year it names: said with 'ago',
    or 'after', 'since' or an anniversary in a clause told in the present ('troops remain in Afghanistan,
    18 years after ... the September 11, 2001 attacks': 2019; 'has avoided extradition for seven years after
    seeking refuge ... in 2012': 2019). None where counts disagree or none is said (dates.yaml:
    report_year_from_a_count)."""
    since, anniversary, ago = _year_counts()
    told = [(m, False) for m in ago.finditer(body)] + [(m, True) for p in (since, anniversary) for m in p.finditer(body)]
    years = {int(m["y"]) + (ordinal_to_number(m["n"]) or _count(m["n"]) or 0) for m, now in told
             if not now or _told_in_the_present(tokens, m.start())}
    year = years.pop() if len(years) == 1 else None
    return year if year is not None and year <= dt.date.today().year else None


def _told_in_the_present(tokens: Doc, at: int) -> bool:
    """Whether the verb nearest before the word at character `at` in its sentence (else the first after it)
    is in the present ('troops remain ..., 18 years after', 'has avoided ... for seven years after', 'as the
    36th anniversary ... approaches'); 'he was freed in 2005, two years after' is not."""
    span = tokens.char_span(at, at + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    sent, i = span[0].sent, span[0].i
    verbs = [t for t in sent if t.pos_ in VERBS and t.dep_ not in ("aux", "aux:pass")]
    verb = next((t for t in reversed(verbs) if t.i < i), None) or next((t for t in verbs if t.i > i), None)
    if verb is None:
        return False
    heads = (verb, verb.head) if verb.dep_ == "cop" else (verb,)  # "it has been 18 years since": the aux is the noun's
    return any(t.tag_ in ("VBP", "VBZ") for t in (verb, *(
        c for h in heads for c in h.children if c.dep_ in ("aux", "aux:pass"))))


def _put_in_year(r: Res, year: int) -> None:
    """A month or day said without a year, put in a year the text tells: an undated page's, a range's end's."""
    assert r.parts is not None
    _, month, day = r.parts
    try:
        r.value = dt.date(year, month, day).isoformat() if day else f"{year:04d}-{month:02d}"
    except ValueError:
        return
    r.parts = (year, month, day)


def _narrative_years(body: str, found: list[Res], published: dt.date, tokens: Doc) -> bool:
    """'signed on May 13, 2025, despite protests in early May': a month or day said without a year,
    in the sentence of a date said with its year or the one after it, and not before that date's
    month, is in that date's year; after a planned date only where the parse finds no verb in the
    past between them ('kicks off June 9, 2020 ... the final date, Oct. 10'). A year-less date put
    ahead into a later year than the report's ('will loop into Shoreline for a show on Sept. 12')
    is such a planned date for the ones after it (dates.yaml: narrative_year)."""
    told: Res | None = None
    moved = False
    starts = [s.start_char for s in tokens.sents]
    for r in found:
        if r.parts and r.year_explicit and r.parts[0]:
            told = r
        elif r.parts and not r.year_explicit and told is not None and _same_story(body, told, r, tokens, starts) \
                and _in_the_told_year(r, told, published, tokens):
            _put_in_year(r, told.parts[0])  # type: ignore[index, arg-type]
            r.extra["narrative"] = True
            moved = True
        elif r.parts and r.parts[0] and r.parts[0] > published.year:
            told = r  # a year-less date said of what comes in a later year
    return moved


def _in_the_told_year(r: Res, told: Res, published: dt.date, tokens: Doc) -> bool:
    """Is the year-less `r`, told after `told` in its story, in `told`'s year? (see _narrative_years)"""
    assert told.parts is not None and told.parts[0] is not None and r.parts is not None
    planned = dt.date(told.parts[0], told.parts[1], 1) > published
    ahead = dt.date(told.parts[0], r.parts[1], 1) > published  # a story of the past stays there
    return r.parts[0] != told.parts[0] and r.parts[1] >= told.parts[1] and (planned or not ahead) \
        and (not planned or _no_past_between(tokens, told.end_char, r.end_char))


def _no_past_between(tokens: Doc, start: int, end: int) -> bool:
    """No verb in the past tense between two places of a parsed text (a sentence left unparsed: not known, so
    False)."""
    span = tokens.char_span(start, end, alignment_mode="expand")
    return span is not None and all(t.dep_ for t in span) and not any(t.tag_ == "VBD" for t in span)


_TWO_SENTENCES = 600  # characters


def _same_story(body: str, told: Res, r: Res, tokens: Doc, starts: list[int]) -> bool:
    """Is `r` in the sentence of `told` or the next one, within its paragraph, or up to two
    sentences further (across one paragraph break at most) where the parse finds the story told only in the
    past between them? (600 characters are read at most: the check costs the same on a page of one endless line.)

    The sentences are the parse's (`starts`: where each sentence of `tokens` starts, the one Doc of
    issue 11; record_timexes always has it)."""
    if r.start_char - told.end_char > _TWO_SENTENCES:
        return False
    between = body[told.end_char:r.start_char]
    breaks = len(re.findall(r"\n+", between))
    if breaks > 1:
        return False
    ends = bisect.bisect_right(starts, r.start_char) - bisect.bisect_right(starts, told.end_char)
    return (ends <= 1 and not breaks) or (ends <= 3 and _told_only_in_the_past(tokens, told.end_char, r.end_char))


def _told_only_in_the_past(tokens: Doc, start: int, end: int) -> bool:
    """Between two places of a parsed text, verbs in the past and none in the present or with a modal."""
    span = tokens.char_span(start, end, alignment_mode="expand")
    if span is None or not all(t.dep_ for t in span):
        return False
    return any(t.tag_ == "VBD" for t in span) and not any(t.tag_ in ("VBZ", "VBP", "MD") for t in span)


def _years_said(found: list[Res]) -> dict[tuple[int, int], int]:
    """The year each day of the year was said with ('August 5, 2024'): said again without it, it is that day."""
    out: dict[tuple[int, int], int] = {}
    for r in found:
        if r.parts and (r.year_explicit or r.extra.get("narrative")) and r.parts[0] and r.parts[2]:
            out[(r.parts[1], r.parts[2])] = r.parts[0]
    return out


_CLOCK = date_pattern("clock")  # "6:58 AM"


@lru_cache(maxsize=1)
def _furniture_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    stamp = alternation(rule_words("page_furniture", "stamp_words"))
    credit = alternation(rule_words("page_furniture", "credit_marks"))
    return re.compile(r"\b(?:" + stamp + r")\b", re.I), re.compile(r"(?:" + credit + r")", re.I)


def _is_stamp(line: str, dates: list[tuple[int, int]]) -> bool:
    """'Updated 6:58 AM EDT, Tue July 23, 2024', '27.02.2026. 06:20h', 'on Monday, November 18th, 2019 at 11:04
    a.m.', '1 day ago' alone on its line: the page's time stamp."""
    stamp_words, _ = _furniture_words()
    if _ago_stamp().fullmatch(line):
        return True
    if not (_CLOCK.search(line) or stamp_words.search(line)):
        return False
    rest = line
    for a, b in dates:  # the dates blanked out, in place: a slice each, not a test each character
        b = min(b, len(line))
        if a < b:
            rest = rest[:a] + " " * (b - a) + rest[b:]
    rest = _stamp_glue().sub(" ", stamp_words.sub(" ", _CLOCK.sub(" ", rest)))
    return len(re.findall(r"[^\W\d_]{2,}", rest)) <= 1  # letter runs of the line rewritten, not the Doc's words


def _in_a_url(body: str, r: Res) -> bool:
    """'.../majdal-shams-rocket-monday/index.html', '...-you-need-to-know-today.jpg': a word of a web
    address names no date (dates.yaml: page_furniture)."""
    start = max(body.rfind(" ", 0, r.start_char), body.rfind("\n", 0, r.start_char)) + 1
    return bool(re.match(r"(?:https?://|www\.)\S*$", body[start:r.start_char]))


@lru_cache(maxsize=1)
def _stamp_glue() -> re.Pattern[str]:
    """'at', 'on' between a stamp's date and clock (dates.yaml page_furniture glue_words)."""
    return re.compile(r"\b(?:" + alternation(rule_words("page_furniture", "glue_words")) + r")\b", re.I)


@lru_cache(maxsize=1)
def _ago_stamp() -> re.Pattern[str]:
    """'1 day ago', '3 hours ago' alone on a line (dates.yaml page_furniture ago_units)."""
    return date_pattern("ago_stamp")


def _is_credit(body: str, tokens: Doc, start: int, end: int) -> bool:
    """'Anadolu | Anadolu | Getty Images', 'Ahmad Hasaballah/AFP': the line from start to end is a photo credit line;
    its words are the Doc's, as spaces part them (issue 11)."""
    return len(spaced_words(tokens, start, end)) <= 8 and bool(_furniture_words()[1].search(body[start:end]))


@lru_cache(maxsize=1)
def _recurring() -> re.Pattern[str]:
    """'every November', 'each Friday': a day or month that comes again names no date (dates.yaml: recurring)."""
    return date_pattern("recurring")


_CLOCK_AFTER = re.compile(r"[ \t]+\d{1,2}[:.]\d{2}(?![\d.:])")


def _inline_stamp(body: str, tokens: Doc, r: Res) -> bool:
    """'(04.04.22 10:12) « War in Ukraine | Censor.NET 04.04.22 10:12 - ...': a date a clock time
    follows at once, after a bracket, a bar, a site's name or nothing on its line (not after a word
    of the sentence: 'on 04.04.22 10:12', 'talks end April 4 10:00'), stamps the page inside a line
    of text (dates.yaml: page_furniture). The word before is the Doc's (`tokens`, the parse of `body`)."""
    if not _CLOCK_AFTER.match(body, r.end_char):
        return False
    line_start = body.rfind("\n", 0, r.start_char) + 1
    before = body[max(line_start, r.start_char - 30):r.start_char].rstrip()
    if not before or before[-1] in "([|\u00ab-\u2013\u2014":
        return True
    last = spaced_words(tokens, max(line_start, r.start_char - 30), r.start_char)[-1]
    return not last.isalpha() or not last.islower() and not _leading_words().fullmatch(last.lower() + " ")


def _furniture_lines(body: str, tokens: Doc, found: list[Res]) -> list[tuple[int, int]]:
    """Spans of the lines that are page furniture, not the story: a time stamp, and a photo caption
    (the line a credit line follows) (dates.yaml: page_furniture)."""
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in body.split("\n"):
        if line.strip():
            lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    out: list[tuple[int, int]] = []
    starts = [r.start_char for r in found]
    for k, (a, b) in enumerate(lines):
        i = bisect.bisect_left(starts, a)
        if i >= len(found) or found[i].start_char >= b:
            continue  # no date on this line
        dates = [(r.start_char - a, r.end_char - a) for r in found[i:] if r.start_char < b]
        line = body[a:b]
        if _is_stamp(line, dates) or (k + 1 < len(lines) and _is_credit(body, tokens, *lines[k + 1])):
            out.append((a, b))
    return out


def extract_timexes(doc: NlpDoc) -> list[Timex]:
    return record_timexes(doc.body, doc.published, doc.tokens, doc.extras.setdefault("unshown_timexes", set()),
                          doc.extras.setdefault("stamp_dates", set()), publication_window(doc.article))


def record_timexes(body: str, published: dt.date | None, tokens: Doc,
                   unshown: set[tuple[int, int]] | None = None,
                   stamps: set[tuple[int, int]] | None = None,
                   window: tuple[dt.date, dt.date] | None = None) -> list[Timex]:
    """The body's dates as a record shows them: durations and fuzzy references ('recently', 'now')
    are left out; what cannot be resolved keeps its text with value None. `tokens`, the parse of
    `body`, tells plans said in the present ('talks resume on Monday'). Without `unshown`, a count
    from the date told ('two months later') is left out; with it, it is kept and its span noted there
    (events of its clause take its date, the record does not show it). `stamps`, where given, gets the spans
    of the page's time stamps, no date of the story but no figure either ('(Published Monday, Nov. 18, 2019)').
    `window`, for an undated text, the first and last day it was published between (its address's month)."""
    out: list[Timex] = []
    year_of_report = report_year(body, tokens) if published is None else None
    if window is None and year_of_report is not None:
        window = (dt.date(year_of_report, 1, 1), dt.date(year_of_report, 12, 31))
    found = _resolved(body, published, tokens, stamps) if published is not None else \
        _unanchored(body, tokens, stamps, window)
    _openings_dated_by_their_end(body, found)
    years = _years_said(found)
    if published is None:
        _landmarks_filled(body, tokens, found, years)
    for r in found:
        if r.kind in ("span", "fuzzy", "now", "overnight"):
            continue  # "the past five years" is a duration, "recently" and "overnight" no date
        if r.kind == "told" and published is not None:
            continue  # "that day" with no day told before it on a dated page: no date (dates.yaml same_day_as_told)
        _year_filled(r, years, year_of_report)
        out += _records_of(body, r, unshown)
    return out


def _landmarks_filled(body: str, tokens: Doc, found: list[Res], years: dict[tuple[int, int], int]) -> None:
    """An undated text's days and months of the events conflicts are dated by (`_landmark_filled`; `years`: the days
    the text says elsewhere with a year); then the day that closes a stretch one of them opens ("from February 24 to
    July 10") is the first such day on or after it (dates.yaml landmark_day_as_a_bound `joins`)."""
    for r in found:
        _landmark_filled(body, tokens, r, years)
    for opening, closing in pairwise(found):
        if opening.extra.get("landmark") and opening.start is not None and closing.parts \
                and closing.parts[0] is None and closing.parts[2] and not closing.year_explicit \
                and _joins_a_stretch().fullmatch(body, opening.end_char, closing.start_char):
            day = _day_on_or_after(opening.start, closing.parts[1], closing.parts[2])
            if day is not None:
                closing.value, closing.parts = day.isoformat(), (day.year, day.month, day.day)
                closing.start, closing.end = day, day + dt.timedelta(days=1)


@lru_cache(maxsize=1)
def _joins_a_stretch() -> re.Pattern[str]:
    """The words between the days that open and close a stretch (dates.yaml landmark_day_as_a_bound `joins`)."""
    return re.compile(r"\s*(?:" + alternation(rule_words("landmark_day_as_a_bound", "joins")) + r")\s*", re.I)


def _day_on_or_after(first: dt.date, month: int, day: int) -> dt.date | None:
    """The first `month` and `day` on or after `first`, within a year (None: no such day, "February 30")."""
    for year in (first.year, first.year + 1):
        try:
            when = dt.date(year, month, day)
        except ValueError:
            continue
        if when >= first:
            return when
    return None


def _landmark_filled(body: str, tokens: Doc, r: Res, years: dict[tuple[int, int], int]) -> None:
    """On an undated text, a month and day said with no year and tied by the parse to the event a conflict is dated
    by ("the October 7 attacks") take that event's year (dates.yaml: landmark_day), unless the text says that day
    elsewhere with a year (`years`) and the day does not name the event; a month said with neither, tied to the event
    itself ("since the invasion began in late February"), that event's month (landmark_month)."""
    if not r.parts or r.year_explicit or r.parts[0] is not None:
        return
    if r.parts[2] is None:
        when = landmark_month(tokens, r.start_char, r.end_char, r.parts[1])
        if when is not None:
            r.value, r.parts = f"{when.year:04d}-{when.month:02d}", (when.year, when.month, None)  # as _calendar_res
        return
    month_day = (r.parts[1], r.parts[2])
    day = landmark_day(body, tokens, r.start_char, r.end_char, month_day, month_day in years)
    if day is not None:
        r.value, r.parts = day.isoformat(), (day.year, day.month, day.day)
        r.start, r.end = day, day + dt.timedelta(days=1)
        r.extra["landmark"] = True


def _year_filled(r: Res, years: dict[tuple[int, int], int], year_of_report: int | None) -> None:
    """A day told with no year takes the year the text gives that day elsewhere (`_years_said`); on an undated page,
    a date with no year the year of the report, but not a month told ahead ('is scheduled for February': next
    year's). A range's first end dated by its second (`_openings_dated_by_their_end`) and a conflict's day read as
    the event's name ('the October 7 attack', `_landmark_filled`) keep their year."""
    if r.parts and not r.year_explicit and r.parts[2] and (r.parts[1], r.parts[2]) in years \
            and not (r.extra.get("landmark") or r.extra.get("year_of_its_range")):
        year = years[(r.parts[1], r.parts[2])]
        r.value = f"{year:04d}-{r.parts[1]:02d}-{r.parts[2]:02d}"
    if year_of_report is not None and r.parts and r.parts[0] is None \
            and str(r.extra.get("last_trial") or year_of_report)[:4] <= str(year_of_report):
        _put_in_year(r, year_of_report)


def _resolved(body: str, published: dt.date | None, tokens: Doc,
              stamps: set[tuple[int, int]] | None) -> list[Res]:
    """The story's dates resolved against a publication day (or none)."""
    found = find_expressions(body, published, parsed=tokens)
    _weekday_ranges_in_order(body, found, published)
    found = _story_dates(body, tokens, found, stamps)
    if published is not None:
        speech = _Speech(tokens, body)
        found = _without_quotes_of_earlier_days(speech, found, published)
        found = [r for r in found if not _quoted_within_a_quote(speech, r)]
    if published is not None and _narrative_years(body, found, published, tokens):
        _resolve_anaphora(found, body)  # 'a year later' counts from the date now in its story's year
    return found


class _Speech:
    """The body's direct quotes and sentences as the one Doc holds them: the double quotes of the quote marks' scan
    the quote finder reads (quotes.quote_marks, kept on the Doc), and the parser's sentences ('U.S.' ends none).
    Each is read on first ask: most bodies hold no day word in a quote."""

    def __init__(self, tokens: Doc, body: str) -> None:
        self.tokens, self.body = tokens, body
        self.earlier: list[tuple[int, dt.date]] = []  # quoted day words found of an earlier day: where, which day

    @cached_property
    def quotes(self) -> list[QSpan]:
        return [q for q in quote_marks(self.tokens) if not q.single]

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        if not self.tokens.has_annotation("SENT_START"):
            return [(0, len(self.body))]
        return [(s.start_char, s.end_char) for s in self.tokens.sents]

    @cached_property
    def _starts(self) -> list[int]:
        return [a for a, _ in self.sentences]

    def quote_at(self, pos: int) -> QSpan | None:
        """The direct quote whose words hold `pos`, or None."""
        return next((q for q in self.quotes if q.inner_start <= pos < q.inner_end), None)

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """The parser's sentence that holds `pos` (an empty span at `pos` before the first)."""
        i = bisect.bisect_right(self._starts, pos) - 1
        return self.sentences[i] if i >= 0 else (pos, pos)


def _day_of(r: Res) -> dt.date | None:
    """The one day a date names ('Saturday', '2024-07-27TNI'), or None for a month, a week, a year."""
    m = _DAY_VALUE.fullmatch(r.value or "")
    return dt.date(int(m[1]), int(m[2]), int(m[3])) if m and m[3] else None


def _without_quotes_of_earlier_days(speech: _Speech, found: list[Res], published: dt.date) -> list[Res]:
    """The dates less the day words of quotes said on an earlier day (`_said_on`), in text order: a quote found
    of an earlier day passes that day on to the quotes after it, a run of quotes from one briefing reaching further
    from the day told than any one quote would (dates.yaml: quote_of_an_earlier_day)."""
    kept: list[Res] = []
    for r in found:
        day = _said_on(speech, found, r, published)
        if day is not None and day < published:
            speech.earlier.append((r.start_char, day))
        else:
            kept.append(r)
    return kept


def _quoted_within_a_quote(speech: _Speech, r: Res) -> bool:
    """'"... a state of 'tomorrow the enemy attacks' is impossible," he said.': a day word inside single marks inside
    a direct quote is someone else's words, said or imagined on a day the text does not tell, no day of the report
    (dates.yaml: quote_within_a_quote). The single marks are read in the double quote's words: one opens after a
    space, a dash or the quote's start (not before a digit: "the '90s"), one closes before a space, a punctuation mark or
    the quote's end."""
    if not r.extra.get("deictic"):
        return False
    quote = speech.quote_at(r.start_char)
    if quote is None:
        return False
    opened, closed = _nested_quote_marks()
    before = speech.body[quote.inner_start:r.start_char]
    after = speech.body[r.end_char:quote.inner_end]
    last_open = max((m.start() for m in opened.finditer(before)), default=-1)
    if last_open < 0 or closed.search(before, last_open + 1):
        return False
    return closed.search(after) is not None


@lru_cache(maxsize=1)
def _nested_quote_marks() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The opening and the closing single marks of a quote within a quote (dates.yaml: quote_within_a_quote)."""
    opening = "".join(re.escape(c) for c in sorted(rule_words("quote_within_a_quote", "open_marks")))
    closing = "".join(re.escape(c) for c in sorted(rule_words("quote_within_a_quote", "close_marks")))
    return re.compile(rf"(?:^|(?<=[\s\u2014\u2013(:-]))[{opening}](?![\s\d])"), re.compile(rf"(?<=\S)[{closing}](?!\w)")


def _said_on(speech: _Speech, found: list[Res], r: Res, published: dt.date) -> dt.date | None:
    """'The White House on Saturday condemned the attack. “... as the world saw today ...”' in a Sunday report:
    a day word inside a direct quote counts from the day it was said: the day its attribution names, in the sentence
    the quote closes in, else the last single day, at most `days_back` days before publication, told within
    `characters_back` before the quote in a sentence of something said or as the day of a quote before it.
    None: no day word in a quote, or no day told (dates.yaml: quote_of_an_earlier_day)."""
    if not r.extra.get("deictic"):
        return None
    quote = speech.quote_at(r.start_char)
    if quote is None:
        return None
    said = _days_told(speech, found, r, published)
    end = speech.sentence_at(max(quote.close - 1, r.end_char))[1]  # the sentence the quote closes in
    told = [d for a, d in said if r.end_char <= a < end and speech.quote_at(a) is None]  # "..., he said Saturday"
    if told:
        return told[0]
    return _day_told_before(speech, said, quote) or _time_of_the_speech_before(speech, found, quote, published) \
        or _day_the_speaker_spoke(speech, said, quote, end)


def _day_the_speaker_spoke(speech: _Speech, said: list[tuple[int, dt.date]], quote: QSpan, end: int) -> dt.date | None:
    """'Hamas said in a statement on Saturday ...', then further on than `characters_back`, '“... today ...,” Hamas
    said.': the speaker its attribution names (a proper name outside the quote, in the sentence the quote closes
    in) was last told speaking on that day: the last day told in a sentence of speech naming them before the quote
    (dates.yaml: quote_of_an_earlier_day, the speaker's day)."""
    names = _names_in(speech, quote.close, end)
    if not names:
        return None
    days = [(a, d) for a, d in said if a < quote.open and speech.quote_at(a) is None and _speech_around(speech, a)
            and names & _names_in(speech, *speech.sentence_at(a))]
    return max(days, key=lambda ad: ad[0], default=(0, None))[1]


def _names_in(speech: _Speech, start: int, end: int) -> frozenset[str]:
    """The proper names the parse finds between `start` and `end`, outside quotes, less the calendar's words."""
    span = speech.tokens.char_span(start, end, alignment_mode="expand")
    if span is None:
        return frozenset()
    shortest = int(str(date_rules()["quote_of_an_earlier_day"]["speaker_name_min_letters"]))
    return frozenset(t.lower_ for t in span if t.pos_ == "PROPN" and t.is_title and len(t) >= shortest
                     and t.lower_ not in _MON_T and t.lower_ not in _WD_T and speech.quote_at(t.idx) is None)


def _days_told(speech: _Speech, found: list[Res], r: Res, published: dt.date) -> list[tuple[int, dt.date]]:
    """Where and which single day each date other than `r` names, at most `days_back` days before publication: the
    days a quote may have been said on (a day word of a quote is none; dates.yaml quote_of_an_earlier_day)."""
    oldest = published - dt.timedelta(days=int(str(date_rules()["quote_of_an_earlier_day"]["days_back"])))
    return [(x.start_char, d) for x in found if x is not r and (d := _day_of(x)) is not None and oldest <= d <= published
            and not (x.extra.get("deictic") and speech.quote_at(x.start_char) is not None)]


def _day_told_before(speech: _Speech, said: list[tuple[int, dt.date]], quote: QSpan) -> dt.date | None:
    """The last day told within `characters_back` before the quote opens, in a sentence of something said or as the
    day of a quote found of an earlier day (a run of quotes from one briefing); None where none is."""
    reach = quote.open - int(str(date_rules()["quote_of_an_earlier_day"]["characters_back"]))
    before = [(a, d) for a, d in said if reach <= a < quote.open and _speech_around(speech, a)]
    before += [(a, d) for a, d in speech.earlier if reach <= a < quote.open]
    return max(before, key=lambda ad: ad[0], default=(0, None))[1]


def _time_of_the_speech_before(speech: _Speech, found: list[Res], quote: QSpan, published: dt.date) -> dt.date | None:
    """'..., Williams said in a speech last week. “... the conditions we're experiencing today.”': a quote right after
    the sentence of speech it continues, where the parse hangs a time over before publication (a week, a month, a day
    further back than `days_back`) on that sentence's verb of speech, was said then: the last day of that time ('The
    minister, who took office last year, said: “Today ...”' hangs the year on another verb)."""
    start = speech.sentence_at(len(speech.body[:quote.open].rstrip()) - 1)[0]
    ends = [e for x in found if start <= x.start_char < quote.open and speech.quote_at(x.start_char) is None
            and (e := end_date(x)) is not None and e <= published and _on_a_verb_of_speech(speech.tokens, x)]
    return ends[-1] - dt.timedelta(days=1) if ends else None


def _on_a_verb_of_speech(tokens: Doc, x: Res) -> bool:
    """Does the parse hang the date on a verb of speech ('said in a speech last week'; dates.yaml
    quote_of_an_earlier_day speech_words)?"""
    span = tokens.char_span(x.start_char, x.end_char, alignment_mode="expand")
    tok = span.root if span is not None and len(span) else None
    for _ in range(_CLIMB):
        if tok is None or not tok.dep_:
            return False
        if tok.pos_ in VERBS:
            return tok.lower_ in rule_words("quote_of_an_earlier_day", "speech_words")
        tok = None if tok.head == tok else tok.head
    return False


def _speech_around(speech: _Speech, at: int) -> bool:
    """Does the parser's sentence around `at` tell of something said ('The White House on Saturday condemned the
    attack'), not only of a happening ('where they won the final on Sunday')? (dates.yaml quote_of_an_earlier_day)"""
    start, end = speech.sentence_at(at)
    words = re.findall(r"[a-z]+", speech.body[start:end].lower())
    return not rule_words("quote_of_an_earlier_day", "speech_words").isdisjoint(words)


@lru_cache(maxsize=1)
def _unanchored_days() -> tuple[int, ...]:
    """How many days before today each trial publication day of an undated text lies (dates.yaml:
    undated_text)."""
    days = date_rules()["undated_text"].get("trial_days_before_today")
    if not isinstance(days, list) or len(days) < 2 or not all(isinstance(d, int) and d >= 0 for d in days):
        raise ValueError("lang/en/dates.yaml: undated_text.trial_days_before_today must list two or more day counts")
    return tuple(days)


def _unanchored(body: str, tokens: Doc, stamps: set[tuple[int, int]] | None,
                window: tuple[dt.date, dt.date] | None = None) -> list[Res]:
    """An undated text's dates: resolved against trial publication days (dates.yaml: undated_text), the
    first and last day of `window` where the text's month or year is known, else days far apart; each keeps
    a value they all show (its words alone fix it), else the value it has against no day at all (None
    for 'Tuesday', 'last month'); durations and vague words are told apart as on a dated text."""
    today = dt.date.today()
    days = list(window) if window else [today - dt.timedelta(days=n) for n in _unanchored_days()]
    first, *others = [_resolved(body, day, tokens, stamps if k == 0 else None) for k, day in enumerate(days)]
    bare = {(r.start_char, r.end_char): r for r in _resolved(body, None, tokens, None)}
    values = [{(r.start_char, r.end_char): _shown(body, r)[1] for r in trial} for trial in others]
    pieces = [{(r.start_char, r.end_char): r.extra.get("pieces") for r in trial} for trial in others]
    for r in first:
        span = (r.start_char, r.end_char)
        _pieces_agreed(r, [p.get(span) for p in pieces])
        shown = _shown(body, r)[1]  # "seven years ago" is the same year from the first and last day of a year
        if shown is None or any(v.get(span) != shown for v in values):
            r.extra["last_trial"] = values[-1].get(span) if values else None  # its value on the last trial day
            alone = bare.get(span)
            r.value, r.parts, r.start, r.end = (alone.value, alone.parts, alone.start, alone.end) if alone else \
                (None, None, None, None)
    return first


def _pieces_agreed(r: Res, theirs: list[object]) -> None:
    """The days of a range said apart ("between May 19 and 26": dates.yaml day_range_two_dates) keep a value on an
    undated text only where every trial day gives it, as the expression's own value does (undated_text)."""
    mine = r.extra.get("pieces")
    if isinstance(mine, tuple):
        r.extra["pieces"] = tuple((a, b, v if all(isinstance(p, tuple) and (a, b, v) in p for p in theirs) else None)
                                  for a, b, v in mine)


def _story_dates(body: str, tokens: Doc, found: list[Res], stamps: set[tuple[int, int]] | None) -> list[Res]:
    """The dates the story tells: a time stamp or a photo caption is none, nor one it is told from, nor a
    day that comes again or a word of a web address; the stamps' spans go to `stamps`, where given."""
    furniture = _furniture_lines(body, tokens, found)
    stamped = [r for r in found if any(a <= r.start_char < b for a, b in furniture) or _inline_stamp(body, tokens, r)]
    if stamps is not None:
        stamps.update((r.start_char, r.end_char) for r in stamped)
    gone = {id(r) for r in stamped}
    return [r for r in found if id(r) not in gone and not _in_a_url(body, r)
            and not _recurring().search(body, max(0, r.start_char - 20), r.start_char)]


def _records_of(body: str, r: Res, unshown: set[tuple[int, int]] | None) -> list[Timex]:
    """One expression's records: "from 2011 to 2012" is two years; a count from the date told is
    noted in `unshown` (or left out without it)."""
    pieces = r.extra.get("pieces")
    if isinstance(pieces, tuple):  # "October 7 to 18": two days, each a date of its own
        return [Timex(text=body[a:b], start=a, end=b, value=v) for a, b, v in pieces]
    two = r.extra.get("two")
    if isinstance(two, tuple):  # "from 2011 to 2012": two years, each a date of its own
        return [Timex(text=body[r.start_char:r.start_char + 4], start=r.start_char, end=r.start_char + 4,
                      value=r.value),
                Timex(text=str(two[2]), start=int(two[0]), end=int(two[1]), value=str(two[2]))]
    start, value = _shown(body, r)
    end = r.end_char - next((len(p) for p in rule_words("possessive_is_no_part", "possessives")
                             if body[start:r.end_char].lower().endswith(p)), 0)
    if r.extra.get("told_only"):
        if unshown is None:
            return []
        unshown.add((start, end))
    return [Timex(text=body[start:end], start=start, end=end, value=value)]
