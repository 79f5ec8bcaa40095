"""Article metadata: title, outlet, wire agencies, republisher, publication date, language.

Scraped pages rarely carry clean metadata: the outlet is a masthead line or a closing credit, the
date a dateline under the headline, and copies on aggregators must be told apart from the outlet that
wrote them. Each finder below reads one kind of cue; `extract_meta` orders them (given fields first).
"""

from __future__ import annotations

import html as html_lib
import re
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from importlib.resources import files
from typing import Any
from urllib.parse import urlsplit

from flashpoint.ingest.clean import SECTION_SEPARATOR
from flashpoint.nlp.inflect import shaped
from flashpoint.nlp.language import (
    DEFAULT_LANGUAGE,
    Patterns,
    StampWords,
    calendar_words,
    page_cues,
    stamp_words,
    word_list,
)
from flashpoint.nlp.languages import clearly_foreign, is_analysed, script_language
from flashpoint.yamlio import load_yaml

HEADER_LINES = 20  # masthead, headline and dateline live in the first lines of a page dump
FOOTER_LINES = 25  # closing credits live in the last lines


@dataclass
class Meta:
    title: str | None = None
    outlet: str | None = None
    agency: list[str] = field(default_factory=list)
    republisher: str | None = None
    author: str | None = None
    published: str | None = None
    published_from: str | None = None
    language: str | None = None


# ---------------------------------------------------------------- resources


def _load(name: str) -> Any:
    return load_yaml((files("flashpoint") / "resources" / name).read_text(encoding="utf-8"))


@dataclass
class Sources:
    """The outlets table, indexed for lookups."""

    outlet_by_domain: dict[str, str]
    outlet_by_alias: dict[str, str]  # lower-cased alias -> canonical name
    agency_by_alias: dict[str, str]  # exact alias -> canonical (agency acronyms are case-sensitive: "AP")
    aggregator_by_domain: dict[str, str]
    aggregator_markers: list[tuple[str, re.Pattern[str]]]
    generic_markers: list[tuple[str, re.Pattern[str]]]
    masthead_words: frozenset[str] = frozenset()  # "Herald", "Times": words that name a publication


@lru_cache(maxsize=1)
def sources_table() -> Sources:
    data = _load("outlets.yaml")
    by_domain: dict[str, str] = {}
    by_alias: dict[str, str] = {}
    for o in data["outlets"]:
        for d in o.get("domains", []):
            by_domain[d.lower()] = o["name"]
        for a in [o["name"], *o.get("aliases", [])]:
            by_alias[a.lower()] = o["name"]
    agencies: dict[str, str] = {}
    for a in data["agencies"]:
        for alias in [a["name"], *a.get("aliases", [])]:
            agencies[alias] = a["name"]
            if len(alias) > 4:  # long names are safe to match in any case ("REUTERS", "Agence France-Presse")
                agencies[alias.upper()] = a["name"]
                agencies[alias.lower()] = a["name"]
    agg_domain: dict[str, str] = {}
    agg_markers: list[tuple[str, re.Pattern[str]]] = []
    for g in data["aggregators"]:
        for d in g.get("domains", []):
            agg_domain[d.lower()] = g["name"]
        agg_markers += [(g["name"], re.compile(m, re.M)) for m in g.get("markers", [])]
    generic = [(g["name"], re.compile(m, re.M)) for g in data.get("generic_republishers", [])
               for m in g.get("markers", [])]
    return Sources(by_domain, by_alias, agencies, agg_domain, agg_markers, generic,
                   frozenset(w.lower() for w in data.get("masthead_words", [])))


@lru_cache(maxsize=1)
def _outlet_sides() -> dict[str, str]:
    """Canonical outlet name -> the side of a war it writes from (outlets.yaml `side`)."""
    return {o["name"]: o["side"] for o in _load("outlets.yaml")["outlets"] if o.get("side")}


def outlet_side(outlet: str | None) -> str | None:
    """The side of a war an article's outlet (its name or an alias, as `sources_table` indexes them) writes from
    (outlets.yaml `side`: RT's is Russia), else None."""
    name = sources_table().outlet_by_alias.get(outlet.strip().lower()) if outlet else None
    return _outlet_sides().get(name) if name else None


def stopwords() -> dict[str, frozenset[str]]:
    """Each language's frequent function words (resources/lang/<code>/stopwords.yaml)."""
    from flashpoint.nlp.language import stopwords as language_stopwords

    return language_stopwords()


# ---------------------------------------------------------------- helpers

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.U)
_SMALL = word_list(DEFAULT_LANGUAGE, "pages.yaml", "title_small_words")  # "of", "Le": lang/en/pages.yaml
_BYLINE_WORDS = word_list(DEFAULT_LANGUAGE, "pages.yaml", "byline_words")  # "By": a byline, no masthead
_SECTION_WORDS = word_list(DEFAULT_LANGUAGE, "pages.yaml", "section_words")  # "Home", "Sign In": a site's menus


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname
    return host.lower().rstrip(".") if host else None


def _by_domain(host: str | None, table: dict[str, str]) -> str | None:
    """Look a host and each parent domain up: news.bbc.co.uk -> bbc.co.uk."""
    if not host:
        return None
    parts = host.split(".")
    for i in range(len(parts) - 1):
        found = table.get(".".join(parts[i:]))
        if found:
            return found
    return None


def _stems(text: str) -> set[str]:
    """Content-word stems (5-letter prefixes) for comparing a headline with its lead."""
    stop = _all_stopwords()
    return {w.lower()[:5] for w in _WORD.findall(text) if len(w) > 2 and w.lower() not in stop}


@lru_cache(maxsize=1)
def _all_stopwords() -> frozenset[str]:
    """The stopwords of every language, joined once."""
    return frozenset().union(*stopwords().values())


def _smart_title(name: str) -> str:
    """ARARAT TIMES ONLINE -> Ararat Times Online; short acronyms stay (BBC, RT)."""
    if not name.isupper():
        return name
    words = name.split()
    return " ".join(w.capitalize() if i == 0 and w.lower() in _SMALL else w.lower() if w.lower() in _SMALL
                    else w if len(w) <= 3 else w.capitalize() for i, w in enumerate(words))


# ---------------------------------------------------------------- dates

_MONTHS: dict[str, int] = dict(calendar_words().months)  # a month's name or abbreviation (lang/en/calendar.yaml)
_MON = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"


def _calendar_key(word: str, listed: Collection[str]) -> str:
    """The month's or weekday's name `listed` as a pattern read in any case matched `word`: its lower case, else the
    name it matches in any case ("Auguſt", whose long s lower case keeps; "APRİL", whose "İ" lowers to two letters);
    a word in no case of a listed name is given back in lower case."""
    low = word.lower()
    if low in listed:
        return low
    return next((name for name in listed if re.fullmatch(re.escape(name), word, re.I)), low)
_WEEKDAY = r"(?:" + calendar_words().written_weekday.pattern.pattern + r"\.?,?\s+)?"  # "Fri., "
_ORD = calendar_words().ordinal_suffix  # "1st", "22nd": "(?:st|nd|rd|th)"


def _agencies() -> str:
    aliases = sorted(sources_table().agency_by_alias, key=len, reverse=True)
    return "|".join(re.escape(a) for a in aliases if len(a) >= 2)


def _day_cue_words(key: str, language: str = DEFAULT_LANGUAGE) -> Callable[[], str]:
    """The words of a language's document_day.yaml `key` as one alternation, made when first asked for."""
    return lambda: "|".join(map(re.escape, (document_day_cues(language) or {}).get(key, [])))


@lru_cache(maxsize=1)
def _zone_hours() -> dict[str, float]:
    """Each time zone a page writes after a clock time and its offset from UTC in hours (resources/time_zones.yaml)."""
    return {str(k): float(v) for k, v in _load("time_zones.yaml")["zones"].items()}


def _zones() -> str:
    """The time zones of time_zones.yaml as one alternation, longest first ("CEST" before "CET")."""
    return "|".join(map(re.escape, sorted(_zone_hours(), key=len, reverse=True)))


def _capitals() -> str:
    """A capital letter of any script ("A", "É", "Ł", "В"): a byline's names begin with one."""
    return "[" + "".join(c for c in map(chr, range(0x10000)) if c.isupper()) + "]"


# the page reader's patterns (lang/en/pages.yaml page_patterns), with the parts it builds
_PATTERN = Patterns("pages.yaml", "page_patterns", {
    "WEEKDAY": _WEEKDAY, "MON": _MON, "ORD": _ORD, "AGENCIES": _agencies, "CAPITAL": _capitals, "ZONES": _zones,
    "WEEKDAY_NAME": calendar_words().written_weekday.pattern.pattern,
    "MONTH": "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?",
    "ELAPSED_COUNTS": _day_cue_words("elapsed_counts"), "ELAPSED_CUES": _day_cue_words("elapsed_cues")})
_DATE_PATTERNS = [
    _PATTERN("day_month_year"),  # "Fri., 3rd of March, 2023"
    _PATTERN("month_day_year"),  # "March 3, 2023"
    re.compile(r"(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})(?:[T\s]|$)"),
    re.compile(r"(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>\d{4})"),
    re.compile(r"(?P<mnum>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})"),
]
# What may surround a date on a dateline: labels, a time, a time zone, separators.
_DATELINE_REST = _PATTERN("dateline_rest")


def parse_date(text: str) -> tuple[str, re.Match[str]] | None:
    """The first full calendar date (day, month and year) in a string, as YYYY-MM-DD."""
    for pat in _DATE_PATTERNS:
        for m in pat.finditer(text):
            g = m.groupdict()
            month = _MONTHS[_calendar_key(g["mon"], _MONTHS)] if g.get("mon") else int(g["mnum"])
            day, year = int(g["day"]), int(g["year"])
            if g.get("mnum") and month > 12 >= day:  # 25/12/2021 day first, 11.14.2019 month first
                month, day = day, month
            try:
                value = date(year, month, day)
            except ValueError:
                continue
            if 1990 <= year <= date.today().year + 1:
                return value.isoformat(), m
    return None


def _full_dates(text: str) -> list[tuple[str, re.Match[str]]]:
    """Every full calendar date (day, month and year) in a string, as YYYY-MM-DD, with its match."""
    out = []
    for pat in _DATE_PATTERNS:
        for m in pat.finditer(text):
            found = parse_date(m.group(0))
            if found:
                out.append((found[0], m))
    return out


def _dateline_value(line: str) -> str | None:
    """The day of a line that is only a date (with a label, weekday or time)."""
    found = parse_date(line) if len(line) <= 80 and not _TEASER.match(line) else None  # "Read more: ..." is another story's
    if not found:
        return None
    value, m = found
    return value if _DATELINE_REST.match((line[:m.start()] + " " + line[m.end():]).strip()) else None


def dateline_date(lines: list[str]) -> str | None:
    """A line that is only a date (with a label, weekday or time): "Friday, 02 April 2021 1:41 PM". An
    update's ("Updated: ...") with a first-published one on the next lines gives the latter's day."""
    found = [(i, v) for i, line in enumerate(lines) if (v := _dateline_value(line))]
    if not found:
        return None
    at, value = found[0]
    if not _UPDATE_LABEL.search(lines[at]):
        return value
    return min([value, *(v for i, v in found[1:] if i - at <= 2 and _first_published(lines[i]))])


# what marks a line as the page's own stamp besides its date: a clock time, a label, or a byline
_CLOCK = _PATTERN("clock")
_STAMP_LABEL = page_cues()["stamp_label"].pattern  # "Published", "Last updated" (lang/en/pages.yaml)
_UPDATE_LABEL = page_cues()["update_label"].pattern  # "Updated", "Modified": a later day than the publication's
_BYLINE_REST = _PATTERN("byline_rest")
STAMP_LINES_ABOVE = 40  # a page's stamp sits between its headline and its first paragraph, a photo gallery's lines, share
# buttons (a share panel that names each network twice) or a listing of related stories between
STAMP_LINES_BELOW = 12  # or under a standfirst, a byline and share buttons
LISTING_DAYS = 3  # dates alone on their lines giving this many days are a listing's
BESIDE_STORY_LINES = 3  # a dated line this near above the first paragraph is the story's
STAMP_LINE_CHARS = 120


def _first_published(text: str) -> bool:
    """A stamp label of first publication ("Published", "Posted"), not an update's."""
    return bool(_STAMP_LABEL.search(text)) and not _UPDATE_LABEL.search(text)


def _labelled_published(line: str) -> str | None:
    """The day a line gives under a label of first publication ("Published", "Posted") beside an update's."""
    end = 0
    for value, m in sorted(_full_dates(line), key=lambda d: d[1].start()):
        if _first_published(line[end:m.start()]):
            return value
        end = m.end()
    return None


_SHORT_YEAR = (_PATTERN("short_year_month_first"), _PATTERN("short_year_day_first"))


def _short_year_stamp(line: str) -> str | None:
    """The day of a stamp line that writes it with a two-digit year beside a clock time ("11/20/19 6:38 AM",
    "18.10.22 14:24"): read only there, where a clock time says the digits are a stamp's."""
    for pattern in _SHORT_YEAR:
        for m in pattern.finditer(line):
            rest = (line[:m.start()] + " " + line[m.end():]).strip()
            month, day, year = int(m["mnum"]), int(m["day"]), 2000 + int(m["yy"])
            month, day = (day, month) if month > 12 >= day else (month, day)  # 20/11/19, 11.20.19
            when = _day(year, month, day) if year <= date.today().year else None
            if when and _CLOCK.search(rest) and (_DATELINE_REST.match(rest) or _byline_rest(_CLOCK.sub(" ", rest))):
                return when.isoformat()
    return None


def _byline_rest(rest: str) -> bool:
    """What is left of a stamp line besides its date is a byline ("By Meg James Staff Writer |")."""
    return bool(_BYLINE_REST.match(re.sub(r"\s*[|\u2022\u00b7/\u2013\u2014-]+\s*", " ", rest)))


def _stamp_line(line: str) -> str | None:
    """The date of a stamp line: a full date with a clock time, a label or a byline beside it
    ("Chris Davies - Nov 19, 2019, 10:31 pm CST", "By Meg James Staff Writer | Nov. 19, 2019"), or a
    day with a two-digit year beside a clock time."""
    if len(line) > STAMP_LINE_CHARS or _TEASER.match(line):
        return None
    found = parse_date(line)
    if found is None:
        return _short_year_stamp(line)
    value, m = found
    rest = (line[:m.start()] + " " + line[m.end():]).strip()
    if _UPDATE_LABEL.search(rest):  # "Updated Feb 11, 2024 | Published Feb 10, 2024"
        value = _labelled_published(line) or value
    if not re.search(r"\w", rest) or _CLOCK.search(rest) or _STAMP_LABEL.search(rest):
        return value
    return value if _byline_rest(rest) else None


# a paragraph ends a sentence; a headline seldom does (lang/en/pages.yaml running_text_end)
_RUNNING_TEXT = _PATTERN("running_text_end")


def _running(line: str) -> bool:
    return len(line) > 40 and bool(_RUNNING_TEXT.search(line))


def _sentence_end(line: str) -> bool:
    """A line that ends a sentence of a few words: a paragraph, however short."""
    return len(line.split()) >= 4 and bool(_RUNNING_TEXT.search(line))


def stamp_above_body(lines: list[str], body: str, language: str | None = None) -> str | None:
    """The page's own stamp in a text dump: the nearest stamp line above the article's first paragraph
    (or among its first lines), a line of running text, not the headline above the stamp. Menus push it far
    below the first lines of a dump. That first line may be a standfirst with the byline and stamp under
    it: failing one above, the first stamp below it before two sentences' lines in a row (the story's
    paragraphs) is the page's. A page in another `language` with a stamps.yaml has its stamp lines read in
    English words ("22 de outubro de 2010" as "22 october 2010")."""
    at = _first_paragraph_at(lines, body)
    if at is None:
        return None
    year = _served_year(lines, body)
    above, below = _stamp_windows(lines, at)
    beside = list(reversed(lines[max(0, at - BESIDE_STORY_LINES):at]))
    foreign = stamp_words(language) if language else None
    if foreign is not None:
        above, below, beside = ([stamp_in_english(line, foreign) for line in window] for window in (above, below, beside))
    found = _first_stamp(above, year)
    if found:
        return found
    runs_on = next((i for i in range(1, len(below)) if _sentence_end(below[i - 1]) and _sentence_end(below[i])),
                   len(below))
    return _first_stamp(below[3:runs_on], year) or _date_beside_story(beside, body)


def _date_beside_story(lines: list[str], body: str) -> str | None:
    """Failing a stamp, the full date of a line just above the story's first paragraph, nearest first, that is no
    sentence, caption or teaser, whatever words stand beside it: a byline with the author's credentials or the
    story's categories ("21/06/2014 Tony Carter All, Books, Kit Reviews", "Carlos Nadalim 27/09/2018 Comente!
    Alfabetização, Música"). A date the story tells of is its subject, as a headline's ("Remembering September 11,
    2001"), no stamp; a stamp line the stamp reader passed over (a listing's date, or the page's own stamp that
    names no day) keeps its reasons."""
    for line in lines:
        if _RELATIVE_STAMP.match(line) or _stamp_line(line):
            return None
        if len(line) > STAMP_LINE_CHARS or _RUNNING_TEXT.search(line) or _TEASER.match(line) or _CAPTION.match(line) \
                or _PHOTO_CREDIT.search(line):
            continue
        found = parse_date(line) or _year_first_date(line)
        if found and found[1].group().strip() not in body.replace(line, " "):  # the body may hold the line itself
            return found[0]
    return None


_YEAR_FIRST = re.compile(r"(?<![\d.])(?P<year>\d{4})(?P<sep>[./])(?P<mnum>\d{1,2})(?P=sep)(?P<day>\d{1,2})(?![\d.])")


def _year_first_date(line: str) -> tuple[str, re.Match[str]] | None:
    """A day written year first, dotted or slashed, as East Asian sites stamp a page ("by Lighthouse ／ 2016.12.01"):
    read only beside the story, where a line's date is its stamp (the same digits in a story are seldom a day)."""
    m = _YEAR_FIRST.search(line)
    when = _day(int(m["year"]), int(m["mnum"]), int(m["day"])) if m else None
    return (when.isoformat(), m) if m and when and 1990 <= when.year <= date.today().year else None


_DIGIT_DAY = re.compile(r"(?<![\d./-])(?P<day>\d{1,2})(?P<sep>[./-])(?P<mnum>\d{1,2})(?P=sep)(?P<year>\d{4})(?![\d./-])")
_DAY_DOT = re.compile(r"\b(\d{1,2})\.(?=\s*(?:" + "|".join(calendar_words().month_names) + r")\b)", re.I)


def stamp_in_english(line: str, foreign: StampWords) -> str:
    """A stamp line of a page in another language in the English reader's words (lang/<code>/stamps.yaml):
    "sexta-feira, 22 de outubro de 2010 às 20:13" -> "friday, 22 october 2010 at 20:13". Where the language
    writes a day in digits first, "05/10/2018" names its month ("5 october 2018"), which the English reader would
    take for 10 May; "25. september" loses the dot the language ends a day's number with."""
    if foreign.day_first:
        line = _DIGIT_DAY.sub(lambda m: f"{int(m['day'])} {calendar_words().month_names[int(m['mnum']) - 1]} {m['year']}"
                              if 1 <= int(m["mnum"]) <= 12 else m.group(), line)
    line = foreign.pattern.sub(lambda m: foreign.english(m.group()), line)
    return _DAY_DOT.sub(r"\1", line) if foreign.day_dot else line


def _stamp_windows(lines: list[str], at: int) -> tuple[list[str], list[str]]:
    """The lines above the first paragraph at `at` (and its first three), nearest first, and those from it on."""
    return list(reversed(lines[max(0, at - STAMP_LINES_ABOVE):at + 3])), lines[at:at + STAMP_LINES_BELOW]


def _first_paragraph_at(lines: list[str], body: str) -> int | None:
    """Where among the page's `lines` the article's first line of running text is: a page's stamps are read near it."""
    first = next((ln for ln in _lines(body) if _running(ln)), None)
    return lines.index(first) if first is not None and first in lines else None


def _near_body(lines: list[str], body: str) -> list[str]:
    """The lines where a page's own stamp sits, nearest first: above the article's first paragraph, then below it."""
    at = _first_paragraph_at(lines, body)
    if at is None:
        return []
    above, below = _stamp_windows(lines, at)
    return [*above, *below[3:]]


def fetched_stamp_day(lines: list[str], body: str, fetched: datetime) -> str | None:
    """The day of a page's own stamp that counts back from when the page was fetched ("Updated 3 hours ago",
    "yesterday at 5 pm"; pages.yaml fetched_relative): the nearest such line, read back from `fetched`, the
    moment of a live fetch or a WARC record's WARC-Date, in the site's time zone where the page writes one. Such a
    stamp names no day without it."""
    near = _near_body(lines, body)
    m = next(filter(None, map(_FETCHED_RELATIVE.match, near)), None)
    if m is None:
        return None
    zone = site_zone([m.group(), *near, *lines])
    fetched = fetched.astimezone(zone) if zone and fetched.tzinfo else fetched
    if m["count"]:
        unit = next(u for u in ("minutes", "hours", "days", "weeks") if m[u])
        return (fetched - timedelta(**{unit: 1 if m["one"] else int(m["count"])})).date().isoformat()
    back = 1 if m["yesterday"] else 0
    if m["weekday"]:  # "Monday 5:30PM": the last such weekday up to the day of the fetch
        back = (fetched.weekday() - next(i for i, n in enumerate(_WEEKDAYS) if n.startswith(m["weekday"][:3].lower()))) % 7
    return (fetched.date() - timedelta(days=back)).isoformat()


def site_zone(lines: list[str]) -> timezone | None:
    """The site's time zone, where the page writes one: the first clock time among `lines` with a zone after it
    ("10:31 pm CST", "14:24 GMT+3"; pages.yaml zone_after_clock). The day a stamp counted back from the fetch
    falls on is the site's, as its metadata's day would be."""
    m = next(filter(None, map(_PATTERN("zone_after_clock").search, lines)), None)
    if m is None:
        return None
    if m["zone"]:
        return timezone(timedelta(hours=_zone_hours()[m["zone"]]))
    minutes = int(m["hours"]) * 60 + int(m["minutes"] or 0)
    return timezone(timedelta(minutes=-minutes if m["sign"] == "-" else minutes))


def fetched_time(value: Any) -> datetime | None:
    """The moment a page was fetched, from an ISO 8601 time ("2026-12-06T14:03:15Z"; UTC where no offset)."""
    try:
        when = datetime.fromisoformat(str(value).strip()) if value else None
    except ValueError:
        return None
    return when.replace(tzinfo=timezone.utc) if when and when.tzinfo is None else when


_SCRIPT = re.compile(r"<(script|style|noscript)\b.*?</\1\s*>", re.I | re.S)
_BLOCK_TAG = re.compile(r"</?(?:p|div|h[1-6]|li|ul|ol|br|hr|tr|td|th|table|section|article|header|footer|aside|nav|"
                        r"main|figure|figcaption|blockquote|dd|dt|dl)\b[^>]*>", re.I)


def _html_lines(raw: str) -> list[str]:
    """An HTML page's text, a line per block: the cleaner drops a byline's stamp ("Updated 3 hours ago")."""
    text = re.sub(r"<[^>]*>", "", _BLOCK_TAG.sub("\n", _SCRIPT.sub("\n", raw)))
    return [" ".join(ln.split()) for ln in html_lib.unescape(text).splitlines() if ln.strip()]


def _fetched_day(page: _Page, fetched: Any) -> str | None:
    """The day of a stamp counted back from when the page was fetched, where that moment is known."""
    when = fetched_time(fetched)
    if when is None:
        return None
    return fetched_stamp_day(_html_lines(page.raw) if page.is_html else page.lines, page.body, when)


def _served_year(lines: list[str], body: str) -> int | None:
    """The year the page was served in, as its copyright notice says ("© 2019 Cleveland.com"): the year a stamp
    that names none is in (sites leave out the year they serve a page in). None where the story tells of a later
    year as past, in a sentence told in the past (a notice left unchanged for years; "options arrive in early 2020"
    is a plan), or the year is after today's."""
    years = [int(m["year"]) for line in lines if len(line) <= 2 * STAMP_LINE_CHARS for m in _SERVED_YEAR.finditer(line)]
    # a sentence's years first: most sentences name none, and telling the past looks up each of its words
    told = [y for sentence in _sentences(body) if (said := _past_years(sentence)) and not _future_cue().search(sentence)
            and _sentence_told_past(sentence) for y in said if y <= date.today().year]
    year = max(years, default=None)
    return year if year and max(told, default=year) <= year <= date.today().year else None


def _served_stamp(line: str, year: int | None) -> str | None:
    """The day of a stamp line that names no year ("Updated Nov 19, 6:55 AM; Posted Nov 18, 8:19 PM"), in `year`."""
    if year is None or not _YEARLESS_DAY.search(line):
        return None
    return _stamp_line(_YEARLESS_DAY.sub(lambda m: f"{m.group()} {year}", line))


def _date_alone(line: str) -> str | None:
    """The day of a line that is a date and nothing else ("September 12, 2016")."""
    found = parse_date(line) if len(line) <= STAMP_LINE_CHARS else None
    return found[0] if found and not re.search(r"\w", line[:found[1].start()] + line[found[1].end():]) else None


def _first_stamp(lines: list[str], year: int | None = None) -> str | None:
    """The date of the first stamp line, nearest first; a first-posted stamp beside an update's
    ("Posted: Feb 16, 2018 | Updated: Feb 17, 2018") is the publication day. Lines of a date alone that
    give three days or more are a listing's (related stories, each under its headline), not the page's.
    A stamp that names no year is read in `year`, the year the page was served in, where known. A stamp that names
    no day ("Monday 5:30PM", "22 hours ago") is the page's own when nearest: the dated ones past it are others'."""
    alone = [_date_alone(line) for line in lines]
    listing = len(set(filter(None, alone))) >= LISTING_DAYS
    for i, line in enumerate(lines):
        if _RELATIVE_STAMP.match(line):
            return None  # the page's own stamp names no day ("Monday 5:30PM"): dated ones further off are others'
        value = _stamp_line(line) or _served_stamp(line, year)
        if value is None or listing and alone[i]:
            continue
        if _UPDATE_LABEL.search(line):
            beside = [v for ln in lines[max(0, i - 1):i + 2] if ln != line and _first_published(ln) and (v := _stamp_line(ln))]
            return min([value, *beside])
        return value
    return None


_RELATIVE_STAMP = _PATTERN("relative_stamp")
_FETCHED_RELATIVE = _PATTERN("fetched_relative")
_YEARLESS_DAY = _PATTERN("yearless_day")
_SERVED_YEAR = _PATTERN("served_year")
_YEAR = re.compile(r"(?:19|20)\d\d")
_YEAR_ALONE = re.compile(r"(?<![\d,.])(?:19|20)\d\d(?![\d,])")


_MONTH_ABBREVIATION = re.compile(r"\b(?:" + "|".join(m for m in _MONTHS if len(m) <= 4) + r")\.$", re.I)


def _sentences(text: str) -> list[str]:
    """The text's sentences, a month's abbreviation ending none ("Correction: Nov. 15, 2019: ...").

    No spaCy Doc by design (issue 11): the metadata is read from the page's lines before the body is
    analysed (the publication day these sentences infer is what the analysis resolves dates against), so
    there is no parse yet and the extractors' one Doc (nlp/document.py) cannot be used here."""
    out: list[str] = []
    for piece in re.split(r"(?<=[.!?])\s+", text):
        if out and _MONTH_ABBREVIATION.search(out[-1]):
            out[-1] += " " + piece
        else:
            out.append(piece)
    return out


@lru_cache(maxsize=16)
def document_day_cues(language: str) -> dict[str, Any] | None:
    """The cue words by which an undated page's day is inferred from its words, for a language
    (resources/lang/<code>/document_day.yaml; None where there are none)."""
    path = files("flashpoint") / "resources" / "lang" / language / "document_day.yaml"
    return load_yaml(path.read_text(encoding="utf-8")) if path.is_file() else None


@lru_cache(maxsize=4)
def _future_cue(language: str = DEFAULT_LANGUAGE) -> re.Pattern[str]:
    """A word that makes a sentence tell of what will happen (document_day.yaml: future_cues)."""
    return re.compile(r"\b(?:" + (_day_cue_words("future_cues", language)() or "(?!)") + r")\b", re.I)


def latest_text_date(lines: list[str], language: str = DEFAULT_LANGUAGE) -> str | None:
    """The latest full calendar date the page says of the past (a photo caption's "on February 22,
    2022", "the attack of 3 May 2023"): a report is published on or soon after the last day it
    tells of. Dates in sentences about what will happen (the cue words of the page's `language`) are passed over."""
    best: str | None = None
    latest_year = 0
    for line in lines:
        if not _YEAR.search(line) or _TEASER.match(line):
            continue  # a full date names its year: most lines are passed over at once; a teaser's is another story's
        for sentence in _sentences(line):
            if not _future_cue(language).search(sentence):
                latest_year = max([latest_year, *(y for y in _past_years(sentence, language)
                                                  if y <= date.today().year)])
            # the sentence's first date in reading order ("arrived on March 3, 2023, after talks on 28 February
            # 2023"); a range's end ("29 November 2018 | 20 January 2019") is no day of the past
            for value, m in sorted(_full_dates(sentence), key=lambda d: d[1].start())[:1]:
                if not _future_cue(language).search(sentence, 0, m.start()):
                    best = value if best is None or value > best else best
    # a page that tells of a later year than its latest full date ("a ceasefire in October 2025",
    # latest day "7 October 2023") was written after that date: no day can be inferred
    return best if best is not None and int(best[:4]) >= latest_year else None


_MONTH_NAME = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATELINE_DAY = re.compile(r"\b(?:(?P<mon>" + _MONTH_NAME + r")\s+(?P<day>\d{1,2})|(?P<day2>\d{1,2})\s+(?P<mon2>"
                           + _MONTH_NAME + r"))(?:,?\s+(?P<year>(?:19|20)\d{2}))?\b", re.I)


def wire_dateline(line: str) -> tuple[int, int, int | None] | None:
    """The month, day and year (None where it names none) of a wire dateline opening a line ("MOSCOW, Feb 10
    (Reuters) -", "KYIV, 3 March 2022 (AFP) -"): the shapes of lang/en/sentences.yaml `dateline`."""
    from flashpoint.nlp.language import dateline

    cut = dateline().pattern.match(line)
    m = _DATELINE_DAY.search(cut.group()) if cut else None
    if m is None:
        return None
    month = _MONTHS[_calendar_key((m["mon"] or m["mon2"]).rstrip("."), _MONTHS)]
    return month, int(m["day"] or m["day2"]), int(m["year"]) if m["year"] else None


def page_dates(lines: list[str]) -> list[date]:
    """Every full calendar date the page states (a sidebar's, a caption's, the story's)."""
    out: list[date] = []
    for line in lines:
        if not _YEAR.search(line):
            continue
        for pat in _DATE_PATTERNS:
            for m in pat.finditer(line):
                found = parse_date(m.group(0))
                if found:
                    out.append(date.fromisoformat(found[0]))
    return out


def wire_dateline_date(lines: list[str], known: list[date]) -> str | None:
    """'MOSCOW, Feb 10 (Reuters) -': the wire's own day. Without its year, the year that puts it
    nearest to a date the page or its URL states (a sidebar names the year, not the day)."""
    for line in lines:
        found = wire_dateline(line)
        if not found:
            continue
        month, day, year = found
        years = [year] if year else sorted({d.year for d in known} | {d.year - 1 for d in known})
        best: tuple[int, date] | None = None
        for y in years:
            try:
                when = date(y, month, day)
            except ValueError:
                continue
            gap = min((abs((when - d).days) for d in known), default=0)
            if best is None or gap < best[0]:
                best = (gap, when)
        return best[1].isoformat() if best else None
    return None


_WEEKDAYS = calendar_words().weekday_names  # Monday first
_WD = r"(?P<wd>" + "|".join(_WEEKDAYS) + r")"
_PINNED = (re.compile(r"\b" + _WD + r"\b[^.\n]{0,25}?\b" + _MON + r"\s+(?P<day>\d{1,2})\b(?!,?\s*\d{4})", re.I),
           re.compile(r"\b" + _MON + r"\s+(?P<day>\d{1,2})\b(?!,?\s*\d{4})[^.\n]{0,25}?\b" + _WD + r"\b", re.I))


def _years_said(text: str, ahead: bool, language: str = DEFAULT_LANGUAGE) -> list[int]:
    """The years said in sentences about what will happen ("the tour will kick off June 9, 2020"), with
    `ahead`, else the years the others tell of the past."""
    return [y for sentence in _sentences(text) if bool(_future_cue(language).search(sentence)) == ahead
            for y in (_past_years(sentence, language) if not ahead else map(int, _YEAR_ALONE.findall(sentence)))]


@lru_cache(maxsize=1)
def _elapsed() -> re.Pattern[str]:
    """'18 years after', 'seven years ago' (document_day.yaml: elapsed_counts, elapsed_cues)."""
    return _PATTERN("elapsed")


def _past_years(sentence: str, language: str = DEFAULT_LANGUAGE) -> list[int]:
    """The years a sentence tells of, and the year it counts to from the earliest of them ("troops remain,
    18 years after the September 11, 2001 attacks": 2001 and 2019): a page is written in or after them. The
    count's shape is the English page reader's (pages.yaml elapsed): counted only in an English sentence."""
    years = [int(y) for y in _YEAR_ALONE.findall(sentence)]
    if not years:
        return []
    counts = (document_day_cues(language) or {}).get("elapsed_counts", {})
    found = _elapsed().finditer(sentence) if language == DEFAULT_LANGUAGE else iter(())
    # a count word the pattern matched in any case is looked up folded ("Six"; "ſix", whose lower case keeps its ſ)
    counted = [int(m["n"]) if m["n"].isdigit() else int(counts[m["n"].casefold()]) for m in found
               if m["n"].isdigit() or m["n"].casefold() in counts]
    return years + [min(years) + n for n in counted]


@lru_cache(maxsize=4)
def _weekday_said(language: str = DEFAULT_LANGUAGE) -> re.Pattern[str]:
    """A weekday, with the word before it that puts it in an earlier week ("last Thursday"; document_day.yaml:
    earlier_week_cues) as group `earlier`."""
    earlier = _day_cue_words("earlier_week_cues", language)()
    return re.compile(r"(?:\b(?P<earlier>" + (earlier or "(?!)") + r")\s+)?\b(?P<wd>" + "|".join(_WEEKDAYS) + r")\b",
                      re.I)


def closing_day(anchor: date, text: str, language: str = DEFAULT_LANGUAGE) -> date:
    """The day, on or after `anchor`, that closes the shortest week holding `anchor`'s weekday and every
    weekday the text names of the past ('on Monday', 'on Wednesday'): the day a report of them was written."""
    wd = anchor.weekday()
    told = " ".join(s for s in _sentences(text) if not _future_cue(language).search(s))  # "talks resume on Monday"
    named = {_WEEKDAYS.index(_calendar_key(m["wd"], _WEEKDAYS)) for m in _weekday_said(language).finditer(told) if not m["earlier"]}
    close = min(named | {wd}, key=lambda p: (max((p - w) % 7 for w in named | {wd}), (p - wd) % 7))
    return date.fromordinal(anchor.toordinal() + (close - wd) % 7)


def pinned_date(text: str, today: date, after: date | None = None, language: str = DEFAULT_LANGUAGE) -> str | None:
    """A page with no date at all may still pin one: 'February 22, that is to say Tuesday' happened
    in the latest year, not after today nor after a year the page says it looks forward to ('the tour
    will kick off in 2020'), in which February 22 was a Tuesday (and not before a year the page names).
    A page that names no year at all pins none: the calendar alone would guess one of many.
    `after`, a day the page tells of: the pin is the first such day from it, within a year. The report
    is then dated to the day that closes the week of the weekdays the page names. The cue words are the page
    `language`'s (document_day.yaml); the names of months and weekdays the English calendar's."""
    said = [m for pat in _PINNED for m in pat.finditer(text)
            if not _future_cue(language).search(text, text.rfind(".", 0, m.start()) + 1, m.start())
            and _told_past(text, m, language)]
    for m in said[:1]:  # a day said of the future ("tickets go on sale next Friday, Dec. 6") dates no report
        month, day = _MONTHS[_calendar_key(m["mon"], _MONTHS)], int(m["day"])
        wd = _WEEKDAYS.index(_calendar_key(m["wd"], _WEEKDAYS))
        ceiling, floor, said_any = _page_years(text, today, language)
        if after is None and not said_any:
            return None  # no year said at all: the calendar alone would guess one of many
        years = range(after.year, after.year + 2) if after else range(ceiling, floor - 1, -1)
        pinned = next((d for d in (_day(y, month, day) for y in years)
                       if d and d.weekday() == wd and d <= today and (after is None or d >= after)), None)
        return closing_day(pinned, text, language).isoformat() if pinned else None
    return None


def _told_past(text: str, m: re.Match[str], language: str = DEFAULT_LANGUAGE) -> bool:
    """Does the sentence of match `m` tell of the past: a word of a regular past's shape ("voted") or one of
    document_day.yaml past_words ("was", "struck")? A plan told in the present ("go on sale at 10 a.m. Friday,
    Dec. 6") is none, and so is a name of that shape ("Manchester United host ...")."""
    start, end = text.rfind("\n", 0, m.start()) + 1, text.find("\n", m.end())
    line = text[start:end if end >= 0 else len(text)]
    at, sentence = 0, line
    for piece in _sentences(line):
        at = line.find(piece, at)
        if at <= m.start() - start < at + len(piece):
            sentence = piece
            break
    return _sentence_told_past(sentence, language)


def _sentence_told_past(sentence: str, language: str = DEFAULT_LANGUAGE) -> bool:
    """Has the sentence a word of a regular past's shape written in lower case or one of document_day.yaml
    past_words?"""
    past = (document_day_cues(language) or {}).get("past_words", [])
    return any(w.lower() in past or w[0].islower() and shaped("past", w) for w in _WORD.findall(sentence))


def _page_years(text: str, today: date, language: str = DEFAULT_LANGUAGE) -> tuple[int, int, bool]:
    """The latest and earliest year a page may have been written in, and whether it says any year: not after
    today nor a year it looks forward to ('the tour will kick off in 2020'), not before a year it tells of.
    A year looked forward to bounds nothing if the page tells of a later year as past (a sidebar's 'would'
    sentence about 2008 beside a story of 2020)."""
    ahead = _years_said(text, ahead=True, language=language)
    told = [y for y in _years_said(text, ahead=False, language=language) if y <= today.year]
    ceiling = min([today.year, *(y for y in ahead if y >= max(told, default=0))])
    return ceiling, min(max(told, default=1990), ceiling), bool(ahead or told)


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


@lru_cache(maxsize=1)
def url_date_shapes() -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    """The address shapes that name a day and those that name a month (resources/url_dates.yaml)."""
    months = "|".join(sorted(_MONTHS, key=len, reverse=True))
    return {grain: [(s["name"], re.compile(s["pattern"].replace("{MON}", "(?:" + months + ")"), re.I))
                    for s in _load("url_dates.yaml")[grain]] for grain in ("days", "months")}


def _url_value(m: re.Match[str], grain: str) -> str | None:
    """The day (or month) a shape's match names, if it is a real one in 1990 to next year."""
    year = int(m["year"]) if m.groupdict().get("year") else 2000 + int(m["yy"])
    month = int(m["month"]) if m["month"].isdigit() else _MONTHS[_calendar_key(m["month"].rstrip("."), _MONTHS)]
    if not 1990 <= year <= date.today().year + 1 or not 1 <= month <= 12:
        return None
    if grain == "months":
        return f"{year:04d}-{month:02d}"
    day = _day(year, month, int(m["day"]))
    return day.isoformat() if day else None


def _url_find(url: str | None, grain: str) -> str | None:
    path = urlsplit(url).path if url else ""
    return next((v for _, pat in url_date_shapes()[grain] for m in pat.finditer(path) if (v := _url_value(m, grain))),
                None)


def url_date(url: str | None) -> str | None:
    """The publication day a page's address names: /2021/04/02/..., /2026/feb/02/..., .../story-20210402/
    and the other shapes of resources/url_dates.yaml."""
    return _url_find(url, "days")


def url_month(url: str | None) -> str | None:
    """The year and month a path that names no day puts a page in (/2019/11/story-slug), as YYYY-MM:
    the page was published in that month."""
    return None if url_date(url) else _url_find(url, "months")


def _normal_date(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()[:10]
    text = str(value).strip()
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        except ValueError:
            return None
    found = parse_date(text)
    return found[0] if found else None


# ---------------------------------------------------------------- title


_TEASER = page_cues()["teaser"].pattern  # "Read more:", "RELATED:" (lang/en/pages.yaml)


def _heading_like(line: str, table: Sources) -> bool:
    if _TEASER.match(line) or _CAPTION.match(line) or _PHOTO_CREDIT.search(line):
        return False  # a caption describes the lead's scene in its words, but is not its headline
    words = _WORD.findall(line)
    if not 3 <= len(words) <= 30 or len(line) > 220:
        return False
    if line.endswith((".", ",", ";", ":")) and not line.endswith("..."):
        return False
    if "|" in line or "://" in line or line.lower() in table.outlet_by_alias:
        return False
    if parse_date(line) and dateline_date([line]):
        return False
    return any(w[0].isupper() for w in words)


_CAPTION = page_cues()["caption"].pattern  # "Image caption,", "Pictured:" (lang/en/pages.yaml)
_PHOTO_CREDIT = page_cues()["photo_credit"].pattern  # "Photo credit:", "©"


def _lead(body: str, exclude: str, lines: list[str] | None = None) -> str:
    """The first ~80 words of running text: what a headline summarises (`lines`: the body's, if
    the caller has them)."""
    out: list[str] = []
    for line in _lines(body) if lines is None else lines:
        if line == exclude or len(line.split()) < 12 or _CAPTION.match(line):
            continue
        out += line.split()
        if len(out) >= 80:
            break
    return " ".join(out[:80])


def _relevance(candidate: str, body: str, lines: list[str] | None = None) -> int:
    return len(_stems(candidate) & _stems(_lead(body, candidate, lines)))


def strip_site_suffix(title: str, names: list[str]) -> str:
    """"Headline - BBC News" -> "Headline" when the suffix is the outlet or site name."""
    for sep in (" | ", " - ", " – ", " — ", " :: "):
        if sep in title:
            head, _, tail = title.rpartition(sep)
            if head and any(tail.strip().lower() == n.lower() for n in names if n):
                return head.strip()
    return title


def find_title(header: list[str], body: str, cleaner_title: str | None, table: Sources) -> str | None:
    """The cleaner's title when it reads as this article's headline, else the first headline-like line
    of the page that shares words with the lead."""
    candidates = [ln for ln in header if _heading_like(ln, table)]
    if cleaner_title and cleaner_title not in candidates and not _TEASER.match(cleaner_title):
        candidates.insert(0, cleaner_title)  # in page order otherwise: the headline tops the article
    lines = _lines(body)  # split once for all the candidates
    scored = [(c, _relevance(c, body, lines)) for c in candidates]
    best = max((s for _, s in scored), default=0)
    for cand, score in scored:
        if score >= 2 and score * 3 >= best * 2:
            return cand
    if cleaner_title:
        return cleaner_title
    return candidates[0] if candidates else None


# ---------------------------------------------------------------- outlet, agency, republisher

_CREDIT = re.compile(r"^\(\s*([^()]{2,100}?)\s*\)$")
_DATELINE_AGENCY = re.compile(r"^(?:[A-Z][\w .,'’/-]{0,60}?\s*)?\(([A-Za-z][A-Za-z .-]{1,30})\)\s*[-–—:]")
_BYLINE_AGENCY = page_cues()["byline_agency"].pattern  # "By Reuters", "Source: AFP" (lang/en/pages.yaml)
_COPYRIGHT = page_cues()["copyright"].pattern  # "© 2024 Reuters. All rights reserved." (lang/en/pages.yaml)


def _split_names(text: str) -> list[str]:
    return [p.strip(" .") for p in _PATTERN("name_separators").split(text) if p.strip(" .")]


def _agency_of(name: str, table: Sources) -> str | None:
    return table.agency_by_alias.get(name.strip()) or table.agency_by_alias.get(name.strip().upper() if len(name) > 4 else "")


def find_agencies(lines: list[str], table: Sources) -> tuple[list[str], str | None]:
    """Wire agencies credited for the text, and an outlet named in the same credit.

    Counted: closing credits "(FRANCE 24 with AFP, REUTERS)", "(AFP)"; datelines "KYIV (Reuters) -";
    bylines "By AFP"; a copyright line naming an agency. Not counted: photo credits inside captions
    ("© Name, AFP") and mentions ("told AFP"), which credit a picture or a source, not the text.
    """
    found: list[str] = []
    outlet: str | None = None
    for line in lines:
        names: list[str] = []
        m = _CREDIT.match(line)
        if m:
            parts = _PATTERN("with").split(m.group(1), maxsplit=1)
            if len(parts) == 2 and not _agency_of(parts[0], table):
                outlet = outlet or parts[0].strip()
                names = _split_names(parts[1])
            else:
                names = _split_names(m.group(1))
            if names and not all(_agency_of(n, table) for n in names):
                names = [] if len(parts) == 1 else names
        elif (m := _DATELINE_AGENCY.match(line)) is not None:
            names = _split_names(m.group(1))
        elif (m := _BYLINE_AGENCY.match(line)) is not None:
            names = _split_names(m.group(1))
            if not all(_agency_of(n, table) for n in names):
                names = []
        elif (m := _COPYRIGHT.match(line)) is not None:
            names = [m.group("name")]
        elif _agency_of(line, table) and len(line) <= 30:
            names = [line]
        for n in names:
            agency = _agency_of(n, table)
            if agency and agency not in found:
                found.append(agency)
    return found, outlet


def staff_agencies(body: str, table: Sources) -> list[str]:
    """Agencies whose own staff or tallies the text cites ("according to AFP journalists", "an AFP tally").

    Wire copy names its reporters this way; it is the fallback when no credit line names an agency.
    """
    found: list[str] = []
    for m in _PATTERN("staff").finditer(body):
        agency = _agency_of(m.group("name"), table)
        if agency and agency not in found:
            found.append(agency)
    return found


def _known_outlet(name: str | None, table: Sources) -> str | None:
    return table.outlet_by_alias.get(name.strip().lower()) if name else None


def _masthead(first: str, title: str | None, table: Sources) -> str | None:
    """A page's first line when it reads as a publication name: short, capitalised, no sentence."""
    if first == title or first.endswith((".", "!", "?", ":", ",", ";")) or "|" in first:
        return None
    words = first.split()
    if not 1 <= len(words) <= 5 or any(ch.isdigit() for ch in first) and not _known_outlet(first, table):
        return None
    if not all(w[:1].isupper() or w.lower() in _SMALL for w in words) or not words[0][:1].isupper():
        return None
    if all(w.lower().strip("'’") in _SECTION_WORDS for w in words) or words[0].lower() in _BYLINE_WORDS:
        return None
    if len(words) == 1 and not first.isupper():
        return None
    return _smart_title(first)


def _header_masthead(header: list[str], title: str | None, table: Sources) -> str | None:
    """A publication name among the first lines ("Kharkiv Today", "Tbilisi Herald | Politics"):
    read only when it carries a word that names publications, since section labels look alike."""
    for line in header[:6]:
        name = SECTION_SEPARATOR.split(line, maxsplit=1)[0].strip()
        if name == title or not any(w.lower() in table.masthead_words for w in name.split()):
            continue
        found = _masthead(name, title, table)
        if found:
            return found
    return None


def _copyright_holder(lines: list[str], table: Sources) -> str | None:
    for line in lines:
        m = _COPYRIGHT.match(line)
        if m and not _agency_of(m.group("name"), table):
            name = m.group("name").strip()
            if 1 <= len(name.split()) <= 5:
                return _known_outlet(name, table) or _smart_title(name)
    return None


def find_republisher(raw: str, host: str | None, table: Sources) -> str | None:
    by_domain = _by_domain(host, table.aggregator_by_domain)
    if by_domain:
        return by_domain
    for name, pat in table.aggregator_markers:
        if _found(pat, raw):
            return name
    if _by_domain(host, table.outlet_by_domain):
        return None
    for name, pat in table.generic_markers:
        if _found(pat, raw):
            return name
    return None


@lru_cache(maxsize=256)
def _without_boundary(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A marker pattern less its leading \\b, or None when it has none."""
    if not pattern.pattern.startswith("\\b") or pattern.pattern.startswith("\\b|"):
        return None
    return re.compile(pattern.pattern[2:], pattern.flags)


@lru_cache(maxsize=256)
def _plain_text(pattern: re.Pattern[str]) -> str | None:
    """The text every match of a marker holds, where the marker is plain text between word boundaries ("\\bPowered by
    WordPress\\b", "/wp-content/"), else None."""
    if pattern.flags & (re.IGNORECASE | re.VERBOSE):
        return None  # the text as written is not what it matches
    body = pattern.pattern.removeprefix("\\b").removesuffix("\\b")
    chars: list[str] = []
    escaped = False
    for c in body:
        if escaped:
            if c.isalnum():
                return None  # a class ("\\d") or a boundary: no plain text
            chars.append(c)
            escaped = False
        elif c == "\\":
            escaped = True
        elif c in ".^$*+?{}[]|()":
            return None
        else:
            chars.append(c)
    return "".join(chars) if chars and not escaped else None


def _found(pattern: re.Pattern[str], text: str) -> bool:
    """pattern.search(text), over a whole page. A marker of plain text is first looked for as a string (str's search
    runs several times faster than a pattern's over a page of HTML): most pages hold none. re skips ahead only by a
    pattern's literal prefix, which a leading \\b hides: the rest finds the candidates, the whole pattern confirms
    each one."""
    plain = _plain_text(pattern)
    if plain is not None and plain not in text:
        return False
    rest = _without_boundary(pattern)
    if rest is None:
        return pattern.search(text) is not None
    pos = 0
    while (m := rest.search(text, pos)) is not None:
        if pattern.match(text, m.start()):
            return True
        pos = m.start() + 1
    return False


# ---------------------------------------------------------------- language


def detect_language(text: str) -> str | None:
    """The language of a body mostly written in a script no analysed language uses (Korean, Japanese, Russian), else
    the one whose frequent function words cover most of the text; None when too little to say. A language flashpoint
    does not analyse is named only on clear evidence (nlp/languages.py): its body is then left unanalysed."""
    head = text[:20000]
    counts: Counter[str] = Counter()
    for word, n in Counter(_WORD.findall(head)).items():  # each distinct word lower-cased and looked up once
        counts[word.lower()] += n
    scores = {lang: sum(counts[w] for w in counts.keys() & words) for lang, words in stopwords().items()}
    by_script = script_language(head, scores)
    if by_script is not None:
        return by_script
    tokens = counts.total()
    if tokens < 8:
        return None
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    (lang, top), (_, second) = ranked[0], ranked[1]
    if top < 3 or top < 0.08 * tokens or top < 1.2 * second:
        return None
    return lang if is_analysed(lang) or clearly_foreign(lang, scores) else None


# ---------------------------------------------------------------- all together


def extract_meta(raw_text: str, body: str, *, removed: list[str] | None = None, url: str | None = None,
                 cleaner_title: str | None = None, page_meta: dict[str, Any] | None = None,
                 given: dict[str, Any] | None = None, is_html: bool = False) -> Meta:
    """Metadata of one document: given fields win, then the page's own metadata, then cues in the text."""
    table = sources_table()
    given = given or {}
    page_meta = page_meta or {}
    page_lines = _lines(body) + list(removed or []) if is_html else _lines(raw_text)
    page = _Page(page_lines, page_lines[:HEADER_LINES], page_lines[-FOOTER_LINES:], body, is_html,
                 _host(url or page_meta.get("url")), url, raw_text)
    meta = Meta()
    sitename = page_meta.get("sitename")
    meta.title = given.get("title") or _find_page_title(page, cleaner_title, sitename, table)
    agencies, credited_outlet = find_agencies(page.header + page.footer
                                              if len(page_lines) > HEADER_LINES + FOOTER_LINES else page_lines, table)
    meta.republisher = given.get("republisher") or _find_republisher(raw_text, page, bool(agencies or credited_outlet),
                                                                     table)
    meta.outlet = given.get("outlet") or _find_outlet(page, meta, sitename, credited_outlet, table)
    if meta.republisher and meta.outlet and meta.republisher.lower() == meta.outlet.lower():
        meta.republisher = None
    given_agency = given.get("agency")
    if given_agency:
        meta.agency = [given_agency] if isinstance(given_agency, str) else [str(a) for a in given_agency]
    else:
        meta.agency = agencies or staff_agencies(body, table)
    meta.author = given.get("author") or page_meta.get("author")
    meta.published, meta.published_from = find_published(page, given, page_meta)
    meta.language = given.get("language") or detect_language(body)
    return meta


@dataclass
class _Page:
    """One page's lines as the finders read them."""

    lines: list[str]
    header: list[str]
    footer: list[str]
    body: str
    is_html: bool
    host: str | None
    url: str | None
    raw: str = ""  # the page as read: an HTML page's stamp lines the cleaner drops are read from it


def _find_page_title(page: _Page, cleaner_title: str | None, sitename: Any, table: Sources) -> str | None:
    """The headline: the cleaner's title less a site-name suffix, or a headline-like first line."""
    site_names = [n for n in (sitename, _by_domain(page.host, table.outlet_by_domain)) if n]
    cleaner_title = strip_site_suffix(cleaner_title, site_names) if cleaner_title else None
    return find_title(page.header, page.body, cleaner_title, table)


def _find_republisher(raw_text: str, page: _Page, credits_text: bool, table: Sources) -> str | None:
    """An aggregator or blog engine that copied the text; a blog engine's own page (one that credits
    nobody else's text) has none."""
    republisher = find_republisher(raw_text, page.host, table)
    generic = {name for name, _ in table.generic_markers}
    if republisher in generic and page.is_html and not credits_text:
        return None
    return republisher


def _find_outlet(page: _Page, meta: Meta, sitename: Any, credited_outlet: str | None, table: Sources) -> str | None:
    """Who wrote the text: the domain's outlet, the one a credit line names, the site's own name,
    a known outlet or a masthead among the first lines, the copyright holder, in that order."""
    domain_outlet = _by_domain(page.host, table.outlet_by_domain)
    if domain_outlet:
        return domain_outlet
    if credited_outlet:
        return _known_outlet(credited_outlet, table) or _smart_title(credited_outlet)
    if sitename and sitename != meta.republisher and not _by_domain(page.host, table.aggregator_by_domain):
        return _known_outlet(sitename, table) or str(sitename)
    header_outlet = next((_known_outlet(ln, table) for ln in page.header if _known_outlet(ln, table)
                          and ln != meta.title and not _agency_of(ln, table)), None)
    if header_outlet:
        return header_outlet
    masthead = None if page.is_html or not page.lines else (_masthead(page.lines[0], meta.title, table)
                                                             or _header_masthead(page.header, meta.title, table))
    return _known_outlet(masthead, table) or masthead or _copyright_holder(page.footer, table)


def _wire_date(page: _Page) -> str | None:
    """A wire dateline's day among the first lines, its year taken from the page's other dates, its
    address's day or the first and last day of the month its address names (/2019/11/story)."""
    lines = page.header + _lines(page.body)[:3]
    if not any(map(wire_dateline, lines)):
        return None  # the page's other dates are read only for a wire dateline's year
    month = url_month(page.url)
    filed = [date.fromisoformat(month + "-01"), date.fromisoformat(month + "-28")] if month else []
    known = page_dates(page.lines) + [date.fromisoformat(d) for d in (url_date(page.url),) if d] + filed
    return wire_dateline_date(lines, known)


def body_day(lines: list[str], today: date, body: str | None = None) -> str | None:
    """The day an undated page was written, from its words alone (lang/<code>/document_day.yaml): the
    latest full date it tells of the past or a later day its weekday pins after it, else a day its weekday
    pins; then the day that closes the week of the weekdays it names. None for a page in a language with
    no cue words there. Not after the day of the first comment under the story (`body`: the story's words)."""
    day = _words_day(lines, today)
    first = _first_comment_day(lines, body) if day and body else None
    return min(day, first) if day and first else day


def _first_comment_day(lines: list[str], body: str) -> str | None:
    """The day of the first comment under the story: three or more stamp lines with a clock time below its first
    paragraph ("August 8, 2018 at 3:17 pm"), whose days never go back (comments listed oldest first; a listing of
    other stories runs newest first). A page is published on or before its first comment, and the dates its words
    tell of include the comments'."""
    at = _first_paragraph_at(lines, body)
    days = [v for line in lines[at + 1:] if _CLOCK.search(line) and (v := _stamp_line(line))] if at is not None else []
    return days[0] if len(days) >= LISTING_DAYS and days == sorted(days) else None


def _words_day(lines: list[str], today: date) -> str | None:
    """body_day's day, before the comments bound it."""
    text = "\n".join(lines)
    language = detect_language(text) or DEFAULT_LANGUAGE
    if document_day_cues(language) is None:
        return None
    latest = latest_text_date(lines, language)
    if latest is None:
        return pinned_date(text, today, language=language)
    told = date.fromisoformat(latest)  # a later day its weekday pins ("7 October 2023 ... Tuesday, Oct. 10")
    return max(closing_day(told, text, language).isoformat(), pinned_date(text, today, told, language) or "")


def find_published(page: _Page, given: dict[str, Any], page_meta: dict[str, Any]) -> tuple[str | None, str | None]:
    """The publication day and where it came from ("given", "meta", "text", "fetched_relative", "inferred")."""
    # the page's metadata, a wire dateline or the URL outrank any other date the page shows: a date
    # line among the first lines may be a sidebar's ("Most read ... 2 April 2024"), so it comes after
    sources: tuple[tuple[Callable[[], Any], str], ...] = (
        (lambda: given.get("published"), "given"), (lambda: page_meta.get("date"), "meta"),
        (lambda: _wire_date(page), "text"), (lambda: url_date(page.url), "inferred"),
        (lambda: None if page.is_html else stamp_above_body(page.lines, page.body, detect_language(page.body)),
         "text"),
        (lambda: dateline_date(page.header), "text"),
        (lambda: _fetched_day(page, given.get("fetched")), "fetched_relative"),
        (lambda: body_day(page.lines, date.today(), page.body), "inferred"))
    for read, origin in sources:  # in order, each read only when the ones before found nothing
        normal = _normal_date(read())
        if normal:
            return normal, origin
    return None, None
