"""Claims: figures of the same kind about the same subject and period, side by side, with a status.

Subjects are normalised to a side and a head noun ("Russian troops", "Ukrainian troops",
"people") so "Russian soldiers" and "Russian forces" compare while the two armies do not;
sides come from the country lexicon (any country's demonym or name) and the conflicts' parties
(resources/conflicts/*.yaml, read by the framing view too). A figure's kind is
read from the casualty word nearest to it in its own stretch of the sentence, so "16
killed and 100 wounded" gives one killed and one wounded figure, and an elliptical "100
wounded" takes the subject of the figure before it. Numbers that are part of a date are
not figures, and a casualty count must count people.
A figure's period is a bounded year it is given for ("in 2020", "since the start of the year", "last
year", read against the publication date); a count of one incident
("a strike killed 21", "killed four civilians over the past day") that is not a running
toll ("since", "toll", "so far", "as of") gets the day as its period ("on 2022-05-03"), so it is compared only with reports of that day, never
with a cumulative toll. Its as-of date is a month or day named in its sentence, else the
article's publication date.

Status of a group, over distinct articles:
- single: one article;
- agree: all values within 2% of each other;
- disagree: different values from different articles whose periods overlap: the same incident, or counts
  standing on the same day; or a lower later value for a cumulative toll (killed, wounded, displaced);
- trend: otherwise the values moved over time ("more than 60", "63", "65" over six days is a count
  updated as events unfolded, not a dispute).
Differing values inside one article are listed separately (`within_article`).
Copies count once: only canonical articles reach the claims (views.py), and values whose
sentences are the same text in two articles (a wire paragraph reused by another outlet)
count as one source.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

from flashpoint.corpus import conflicts
from flashpoint.corpus.merge import day_number
from flashpoint.model import AnalyzedArticle, Quantity, Timex
from flashpoint.nlp.language import claim_cues, claim_subjects
from flashpoint.yamlio import load_yaml

CUMULATIVE = {"killed", "wounded", "displaced"}
_SUBJECTS = claim_subjects()  # resources/lang/en/claims.yaml: what a figure counts
SAME_TIME_DAYS = 0  # counts as of days further apart than this are points of a trend, not rivals
TOLERANCE = 0.02

HEADS: dict[str, tuple[str, ...]] = _SUBJECTS.heads  # subject -> the words a text counts it by


_CUES = claim_cues()  # resources/lang/en/claims.yaml: each cue with its examples
_OF_ITS_OWN = _CUES["of_its_own"].pattern
_PER_SIDE = _CUES["per_side"].pattern
_TOLL_WORD = _CUES["toll_word"].pattern
_COUNT_START_BEFORE = _CUES["count_start_before"].pattern
_COUNT_START_YEAR = _CUES["count_start_year"].pattern  # "since 2014": where a count starts, not its year
_PLACED_IN = _CUES["placed_in"].pattern
_KILLED = _CUES["killed"].pattern
_WOUNDED = _CUES["wounded"].pattern
_DISPLACED = _CUES["displaced"].pattern
_IN_YEAR = _CUES["in_year"].pattern
_SIDEABLE = _SUBJECTS.sideable  # a side may own them ("Ukraine's troops")
CIVILIAN = _SUBJECTS.civilian  # their side is where they are, not who struck them
TOLL = "toll"  # the head of a side's toll whose people are not named
PERSON_HEADS = _SUBJECTS.persons  # the subjects that are people
CASUALTY = ("killed", "wounded", "displaced")
MAX_CUE_WORDS = 8  # a casualty word further than this from its figure is about something else
_RUNNING_TOLL = _CUES["running_toll"].pattern
_INCIDENT = _CUES["incident"].pattern
_VEHICLES = _CUES["vehicles"].pattern
MAGNITUDE_RATIO = 3.0  # figures further apart than this are not the same count (2 vs 150,000 troops)
_SENT_END = re.compile(r"[.!?](?=\s|$)|\n")  # a line break ends a headline or a paragraph too
_TOKEN = re.compile(r"[\w$€'.\-]+")


@lru_cache(maxsize=1)
def _country_sides() -> dict[str, str]:
    """Lower-case country names, aliases and demonyms -> the side label (the first demonym: "Armenian")."""
    data = load_yaml(resources.files("flashpoint.resources").joinpath("countries.yaml").read_text("utf-8"))
    out: dict[str, str] = {}
    for rec in data or []:
        demonyms = rec.get("demonyms") or []
        label = demonyms[0] if demonyms else rec.get("name")
        if not label:
            continue
        for form in [rec.get("name"), *(rec.get("aliases") or []), *demonyms]:
            if form and len(form) > 3 and not form.isupper():
                out.setdefault(form.lower(), label)
    for label, forms in conflicts.party_names().items():  # the conflicts' own parties win (resources/conflicts)
        for form in forms:
            out[form] = label
    return out


@lru_cache(maxsize=1)
def _side_regex() -> re.Pattern[str]:
    forms = sorted((f for f in set(_country_sides()) | set(conflicts.near_words())
                    if not _CUES["not_a_side"].pattern.search(f)), key=len, reverse=True)  # not "us" (claims.yaml)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(f) for f in forms) + r")(?:'s)?(?![\w-])", re.I)


@lru_cache(maxsize=1)
def _quantity_kinds() -> dict[str, Any]:
    """The figures lexicon (resources/quantity_kinds.yaml), read once for the casualty words and the time units."""
    return load_yaml(resources.files("flashpoint.resources").joinpath("quantity_kinds.yaml").read_text("utf-8")) or {}


@lru_cache(maxsize=1)
def _time_units() -> frozenset[str]:
    """The units a duration figure carries (quantity_kinds.yaml durations): 'nine months' counts no one."""
    return frozenset(str(u).lower() for u in (_quantity_kinds().get("durations") or {}).values())


@lru_cache(maxsize=1)
def _cue_words() -> dict[str, str]:
    """Casualty words from the figures lexicon (quantity_kinds.yaml) -> their kind."""
    data = _quantity_kinds()
    out: dict[str, str] = {}
    for kind in reversed(CASUALTY):  # killed wins a word listed twice
        for w in data.get(kind) or []:
            out[str(w).lower()] = kind
    return {w: kind for w, kind in out.items() if not _CUES["not_nearest_cue"].pattern.search(w)}  # not "lives"


@lru_cache(maxsize=1)
def _cue_regex() -> re.Pattern[str]:
    forms = sorted(_cue_words(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])", re.I)


def nearest_cue(before: str, after: str) -> str | None:
    """The casualty kind whose word is nearest the figure (in words), looking both ways; ties go after."""
    best: tuple[int, int, str] | None = None
    rx, cues = _cue_regex(), _cue_words()
    for m in rx.finditer(after):
        dist = len(after[:m.start()].split())
        if dist <= MAX_CUE_WORDS and (best is None or (dist, 0) < best[:2]):
            best = (dist, 0, cues[m.group(1).lower()])
        break
    for m in rx.finditer(before):
        dist = len(before[m.end():].split())
        if dist <= MAX_CUE_WORDS and (best is None or (dist, 1) < best[:2]):
            best = (dist, 1, cues[m.group(1).lower()])
    return best[2] if best else None


def sentence_bounds(body: str, start: int, end: int) -> tuple[int, int]:
    """The character span of the sentence around `body[start:end]`: from the last sentence end before it to
    the first after it (a line break ends a headline or a paragraph too).

    No spaCy Doc by design (issue 11): claims are built at corpus level from stored records (the article's
    body and its figures, views.py), after the analysis; the parse is not stored, and parsing every stored
    article again to compare its figures would cost the whole analysis. Inside the analysis, extractors read
    sentences from the one Doc (nlp/document.py `NlpDoc.sentences`)."""
    left = 0
    for m in _SENT_END.finditer(body, 0, start):
        left = m.end()
    m2 = _SENT_END.search(body, end)
    right = m2.end() if m2 else len(body)
    return left, right


def _find(words: list[str], table: dict[str, tuple[str, ...]] | None) -> str | None:
    if table is None:  # sides: any country's name or demonym
        for w in words:
            side = _country_sides().get(w.removesuffix("'s"))
            if side:
                return side
        return None
    joined = " " + " ".join(words) + " "
    best: tuple[int, str] | None = None
    for label, forms in table.items():
        for form in forms:
            i = joined.find(" " + form + " ")
            if i >= 0 and (best is None or i < best[0]):
                best = (i, label)
    return best[1] if best else None


def normalise_subject(subject: str | None, after: str = "") -> tuple[str, str | None]:
    """(normalised subject, side) from the extractor's subject or the words after the number."""
    text = subject if subject else after
    words = [w.lower().strip(".,;:") for w in _TOKEN.findall(text)][:8]
    head = _find(words, HEADS)
    side = _find(words, None)
    if head is None:
        head = (words[-1] if subject and words else "") or "unspecified"
    if side and head in _SIDEABLE:
        return f"{side} {head}", side
    return head, side


def side_from_sentence(sentence: str, offset: int) -> str | None:
    """The side named closest to the figure in its sentence ("Kyiv says Russia has amassed 90,000 troops")."""
    best: tuple[int, str] | None = None
    sides = _country_sides()
    for m in _side_regex().finditer(sentence):
        dist = min(abs(m.start() - offset), abs(m.end() - offset))
        key = m.group(1).lower()
        side = conflicts.near_words().get(key) or sides.get(key)
        if side and (best is None or dist < best[0]):
            best = (dist, side)
    return best[1] if best else None


def infer_kind(q: Quantity, sentence: str, head: str) -> str:
    if q.kind and q.kind != "other":
        return q.kind
    if _KILLED.search(sentence):
        return "killed"
    if _WOUNDED.search(sentence):
        return "wounded"
    if _DISPLACED.search(sentence):
        return "displaced"
    if head.endswith("troops"):
        return "troops"
    return "other"


def _timexes_in(timexes: Iterable[Timex], left: int, right: int) -> list[Timex]:
    return [t for t in timexes if t.start >= left and t.end <= right and t.value]


def _overlaps(a_start: int, a_end: int, spans: Iterable[Timex]) -> bool:
    return any(t.start < a_end and a_start < t.end for t in spans)


class _Stretch(NamedTuple):
    """Where a figure stands: its sentence (left, right) and its own part of it, from the figure before it
    (begin) up to the next one (limit), so two figures in one sentence do not read each other's words."""

    left: int
    right: int
    begin: int
    limit: int


def _stretch(body: str, q: Quantity, quantities: list[Quantity]) -> _Stretch:
    left, right = sentence_bounds(body, q.start, q.end)
    limit = min([o.start for o in quantities if q.end <= o.start < right] + [right])
    begin = max([o.end for o in quantities if left <= o.end <= q.start] + [left])
    return _Stretch(left, right, begin, limit)


def _no_count(q: Quantity, timexes: Iterable[Timex]) -> bool:
    """Shares, durations and numbers inside dates are figures, but no claim of a count of anything."""
    if (q.unit or "").lower() in ("%", "percent", "per cent") or q.text.rstrip().endswith("%"):
        return True  # shares are not counts of anything
    if (q.unit or "").lower() in _time_units():
        return True  # a duration ("for nine months", "seven days later") is a figure, but no claim of a count
    return _overlaps(q.start, q.end, timexes)  # "27 September", "2014": part of a date


def _elliptical_subject(subject: str, side: str | None, prev: dict[str, Any] | None) -> tuple[str, str | None]:
    """A figure whose subject is only a cue word counts the same people as the figure before it in its
    sentence ("16 servicemen killed and 100 wounded")."""
    head = subject.split()[-1] if subject else ""
    if head in _cue_words() or head == "unspecified":
        if prev is not None and prev["subject"] not in ("unspecified",):
            return prev["subject"], prev.get("side")
        if head in _cue_words():
            return "people", side
    return subject, side


def _sided_subject(body: str, q: Quantity, s: _Stretch, subject: str,
                   side: str | None) -> tuple[str, str | None]:
    """A subject a side may own ("troops", "civilians") takes the side its stretch names."""
    if side is not None or subject not in _SIDEABLE:
        return subject, side
    near = side_from_sentence(body[s.left:s.limit], q.start - s.left) if subject not in CIVILIAN else \
        _side_after_in(body[q.end:s.limit])
    if near is None and _OF_ITS_OWN.match(body[q.end:s.limit]):
        near = side_from_sentence(body[s.begin:q.start], q.start - s.begin)  # "Azerbaijan says 63 of its civilians"
    if near:
        return f"{near} {subject}", near
    return subject, side


def _scoped_subject(article: AnalyzedArticle, q: Quantity, s: _Stretch, subject: str) -> str:
    """A count for one place or per side is not the national total."""
    place = _local_place(article, s.left, s.limit)  # "In Kharkiv region, 133 civilians, including five children"
    if place and subject != "unspecified" and not subject.endswith(f" in {place}"):
        subject = f"{subject} in {place}"  # "34 killed in Kharkiv region" is not the national toll
    if _PER_SIDE.search(article.body[q.end:s.limit]):
        subject = f"{subject} per side"  # "2,000 dead on each side" is not the total
    return subject


def _kind_and_subject(q: Quantity, s: _Stretch, body: str, cue: str | None, subject: str,
                      after: str) -> tuple[str, str]:
    """What the figure counts, from the extractor, the nearest cue or the sentence; a casualty count must
    count people, and a toll of nobody named counts the side its stretch names."""
    sentence = body[s.left:s.right].strip()
    kind: str | None = q.kind if q.kind not in (*CASUALTY, "troops") else None
    kind = kind or cue or infer_kind(q, sentence, subject)
    if _VEHICLES.search(" ".join(f"{q.subject or ''} {after}".split()[:6])):
        kind = "other"  # "two armored personnel carriers" counts vehicles, not troops
    if kind in CASUALTY and subject == "unspecified" and _TOLL_WORD.search(sentence):
        # "Ukraine's toll rose to 61": a toll counts people, of the side it is given for when one is named;
        # group_claims folds a side's toll into that side's one casualty subject
        near = side_from_sentence(body[s.left:s.limit], q.start - s.left)
        subject = f"{near} {TOLL}" if near else "people"
    if kind in CASUALTY and subject_head(subject) not in PERSON_HEADS | {TOLL}:
        kind = "other"  # "the two sides ... the dead": a casualty count counts people
    return kind, subject


def _year_named(article: AnalyzedArticle, q: Quantity, s: _Stretch) -> str | None:
    """A year the figure's stretch names ("in 2020", a year date near it), unless a count starts there."""
    body = article.body
    m = _IN_YEAR.search(body, q.end, s.limit)
    if m:
        return m.group(1)
    for tx in _timexes_in(article.timexes, max(s.left, q.start - 40), s.limit):
        before = body[max(s.left, tx.start - 8):tx.start].lower()
        if re.match(r"^\d{4}$", tx.value or "") and not _COUNT_START_YEAR.search(before):
            return tx.value
    return None


def _period(article: AnalyzedArticle, q: Quantity, s: _Stretch) -> str | None:
    """The bounded year a figure is given for: named, or said relative to the report."""
    period = _year_named(article, q, s)
    if period is None:
        body = article.body
        period = relative_year(body[q.end:s.limit], article.published) or \
            relative_year(body[s.begin:q.start], article.published)
    return period


def _as_of(article: AnalyzedArticle, s: _Stretch, period: str | None) -> str | None:
    """A month or day named in the figure's sentence that is not where the count starts nor its period."""
    body = article.body
    for t in _timexes_in(article.timexes, s.left, s.right):
        v = t.value or ""
        if _COUNT_START_BEFORE.search(body[max(s.left, t.start - 45):t.start]):
            continue  # "killed since 27 September": when the count starts, not when it stood
        if re.match(r"^\d{4}-\d{2}(-\d{2})?$", v) and v[:4] != period:
            return v
    return None


def _incident_period(kind: str, sentence: str, as_of: str | None, published: str | None) -> str | None:
    """A casualty count of one incident, not a running toll, is compared only with reports of its day."""
    if kind in CASUALTY and _INCIDENT.search(sentence) and not _RUNNING_TOLL.search(sentence):
        day = as_of if as_of and len(as_of) == 10 else published
        return f"on {day}" if day else "one incident"
    return None


def claim_rows(article: AnalyzedArticle) -> list[dict[str, Any]]:
    """One row per figure in the article, ready for the claim_values table."""
    rows: list[dict[str, Any]] = []
    body = article.body
    quantities = sorted(article.quantities, key=lambda x: x.start)
    last_in_sentence: dict[int, dict[str, Any]] = {}
    for q in quantities:
        if _no_count(q, article.timexes):
            continue
        s = _stretch(body, q, quantities)
        sentence = body[s.left:s.right].strip()
        after = " ".join(body[q.end:s.right].split()[:5])
        subject, side = normalise_subject(q.subject, f"{q.text} {after}" if not q.subject else "")
        cue = nearest_cue(body[s.begin:q.start], body[q.end:s.limit])
        subject, side = _elliptical_subject(subject, side, last_in_sentence.get(s.left))
        subject, side = _sided_subject(body, q, s, subject, side)
        subject = _scoped_subject(article, q, s, subject)
        if q.kind == "other":
            continue  # the extractor read what the number counts ("more than 250 others abducted"): no casualty
        kind, subject = _kind_and_subject(q, s, body, cue, subject, after)
        if kind in ("other",):
            continue
        period = _period(article, q, s)
        as_of = _as_of(article, s, period)
        if period is None:
            period = _incident_period(kind, sentence, as_of, article.published)
        row = {
            "kind": kind, "subject": subject[:200], "period": period, "as_of": as_of, "value": q.value,
            "approx": q.approx, "claimed_by": q.claimed_by, "text": sentence[:2000], "start": q.start, "end": q.end,
        }
        rows.append(row)
        last_in_sentence[s.left] = {**row, "side": side}
    return rows


_THIS_YEAR = _CUES["this_year"].pattern
_LAST_YEAR = _CUES["last_year"].pattern


def relative_year(after: str, published: str | None) -> str | None:
    """The year a figure is given for when its stretch says so relative to the report ("61 since the start of the
    year", "50 in the whole of last year"): the publication year or the one before; without a publication date the
    phrase itself, so such a figure is never compared with an unqualified running toll."""
    this, last = _THIS_YEAR.search(after), _LAST_YEAR.search(after)
    if this is None and last is None:
        return None
    is_last = last is not None and (this is None or last.start() < this.start())
    year = published[:4] if published and re.match(r"^\d{4}", published) else None
    if year is None:
        return "last year" if is_last else "this year"
    return str(int(year) - 1) if is_last else year


def subject_head(subject: str) -> str:
    """The counted noun of a normalised subject ("Ukrainian troops in Kharkiv per side" -> "troops")."""
    base = subject.removesuffix(" per side").split(" in ")[0].split()
    return base[-1] if base else ""


_PLACE_PREP = _CUES["place_prep"].pattern


def _local_place(article: AnalyzedArticle, begin: int, end: int) -> str | None:
    """A named place below country level in the figure's stretch of its sentence (city, region, district)."""
    countries = _country_sides()
    for ent in sorted(article.entities, key=lambda e: e.start):
        if ent.start < begin or ent.end > end or ent.type not in ("GPE", "LOC"):
            continue
        name = ent.name or ent.text
        if name.lower() in countries or (ent.id or "").isupper() or (ent.actor and ent.actor.sector == "GOV"):
            continue  # a country, or a capital standing for its government ("Kyiv says"), is the national scope
        if _PLACE_PREP.search(article.body[max(begin, ent.start - 24):ent.start]):
            return name
    return None


def _side_after_in(stretch: str) -> str | None:
    """The country a count of people is placed in ("60 civilians killed in Azerbaijan")."""
    m = _PLACED_IN.search(stretch)
    if not m:
        return None
    sides = _country_sides()
    name = m.group(1).lower().removeprefix("the ")
    return sides.get(name) or sides.get(name.split()[0])


def _when(v: dict[str, Any]) -> int | None:
    as_of = v.get("as_of") or ""
    if len(as_of) == 7:
        as_of += "-15"
    return day_number(as_of) if as_of else day_number(v.get("published"))


def _differ(a: float, b: float) -> bool:
    return abs(a - b) > TOLERANCE * max(abs(a), abs(b), 1.0)


def _within_article(values: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The articles that give differing values from different sources."""
    within = []
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for v in values:
        by_article[v["article_id"]].append(v)
    for aid, vs in by_article.items():
        distinct = sorted({x["value"] for x in vs})
        # one source giving two numbers ("117 drones launched, 74 shot down") counts two things;
        # two sources in one article ("90,000 per Kyiv, 115,000 per its officials") disagree
        sources = {(x.get("claimed_by") or "").lower() for x in vs}
        if len(distinct) > 1 and _differ(distinct[0], distinct[-1]) and len(sources) > 1:
            within.append({"article_id": aid, "outlet": vs[0].get("outlet"), "values": distinct})
    return within


def _over_time(kind: str, values: list[dict[str, Any]], period: str | None) -> str:
    """Differing values across articles: a disagreement where they stand at the same time (or a toll
    falls), else a trend."""
    incident = bool(period) and str(period).startswith("on ")
    dated = sorted(values, key=lambda v: (_when(v) or 0))
    for i, a in enumerate(dated):
        for b in dated[i + 1:]:
            if a["article_id"] == b["article_id"] or not _differ(a["value"], b["value"]):
                continue
            da, db = _when(a), _when(b)
            if incident or da is None or db is None or abs(db - da) <= SAME_TIME_DAYS:
                return "disagree"  # the same incident, or counts standing on the same day
            if kind in CUMULATIVE and b["value"] < a["value"]:
                return "disagree"  # a toll cannot fall: a later, lower count disputes the earlier one
    return "trend"


def status(kind: str, values: list[dict[str, Any]], period: str | None = None) -> tuple[str, list[dict[str, Any]]]:
    """The group's status and the pairs of differing values found inside one article.

    Values from reports on different days about a count that keeps changing are a trend; a disagreement
    needs overlapping periods: the same incident, or counts standing on the same day."""
    within = _within_article(values)
    if len({v["article_id"] for v in values}) < 2:
        return ("disagree" if within else "single"), within
    vals = [v["value"] for v in values]
    if not _differ(min(vals), max(vals)):
        return "agree", within
    return _over_time(kind, values, period), within


def _by_magnitude(values: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Split a group where sorted values jump by more than MAGNITUDE_RATIO: those count different things."""
    ordered = sorted(values, key=lambda v: v["value"])
    parts: list[list[dict[str, Any]]] = [[ordered[0]]] if ordered else []
    for v in ordered[1:]:
        prev = parts[-1][-1]["value"]
        if prev > 0 and v["value"] / prev > MAGNITUDE_RATIO:
            parts.append([v])
        else:
            parts[-1].append(v)
    return parts


def _once(values: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One value per source: the same figure in the same sentence text in several articles is one wire copy."""
    seen: dict[tuple[float, str], dict[str, Any]] = {}
    out = []
    for v in sorted(values, key=lambda v: (v.get("published") or "", v["article_id"])):
        key = (v["value"], re.sub(r"\W+", " ", (v.get("text") or "").lower()).strip())
        first = seen.get(key) if key[1] else None
        if first is not None and first["article_id"] != v["article_id"]:
            first["copies"].append({"article_id": v["article_id"], "outlet": v.get("outlet"), "date": v.get("published")})
            continue
        v = {**v, "copies": []}
        seen.setdefault(key, v)
        out.append(v)
    return out


def sideless(subject: str) -> bool:
    """A subject that names no side and no place ("people", "civilians"): counts of it compare only
    within one place, or the dead of a Kenyan protest would dispute the dead of a Gaza strike."""
    return subject.removesuffix(" per side") == subject_head(subject)


_Key = tuple[str, str, str | None, Any]


def _fold_tolls(by_key: dict[_Key, list[dict[str, Any]]]) -> None:
    """A side's toll joins that side's one casualty subject of the same kind and period ("Ukrainian
    civilians"), else its people."""
    for key in [k for k in by_key if k[1].endswith(" " + TOLL)]:
        side = key[1][: -len(TOLL) - 1]
        same = [k for k in by_key if k[0] == key[0] and k[2] == key[2] and k != key and k[1].startswith(side + " ")
                and " in " not in k[1] and subject_head(k[1]) in PERSON_HEADS]
        target = same[0] if len(same) == 1 else (key[0], f"{side} people", key[2], None)
        by_key[target].extend(by_key.pop(key))


def _group(kind: str, subject: str, period: str | None, all_vs: list[dict[str, Any]]) -> dict[str, Any]:
    """One group's row: its status over one value per source, its values in publication order."""
    vs = _once(all_vs)
    st, within = status(kind, vs, period)
    vs_sorted = sorted(vs, key=lambda v: (v.get("published") or "", v["article_id"], v.get("start") or 0))
    return {
        "kind": kind, "subject": subject, "period": period, "status": st,
        "n_articles": len({v["article_id"] for v in vs}),
        "outlets": sorted({v.get("outlet") or "?" for v in all_vs}),
        "range": f"{min(v['value'] for v in vs):,.0f} - {max(v['value'] for v in vs):,.0f}",
        "within_article": within,
        "values": [{"value": v["value"], "article_id": v["article_id"], "outlet": v.get("outlet"),
                    "date": v.get("published"), "as_of": v.get("as_of"), "claimed_by": v.get("claimed_by"),
                    "approx": v.get("approx"), "text": v.get("text"), "start": v.get("start"),
                    "end": v.get("end"), "copies": v.get("copies", [])} for v in vs_sorted],
    }


def group_claims(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Group claim rows by (kind, subject, period) and give each group its status; a sideless subject is
    grouped within its `scope` when the rows carry one (the views give the country their story is about)."""
    by_key: dict[_Key, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        scope = r.get("scope") if sideless(r["subject"]) else None
        by_key[(r["kind"], r["subject"], r.get("period"), scope)].append(r)
    _fold_tolls(by_key)
    groups: list[tuple[_Key, list[dict[str, Any]]]] = []
    for key, vs in by_key.items():
        groups.extend((key, part) for part in _by_magnitude(vs))
    out = [_group(kind, subject, period, all_vs) for (kind, subject, period, _scope), all_vs in groups]
    order = {"disagree": 0, "trend": 1, "agree": 2, "single": 3}
    out.sort(key=lambda c: (order.get(c["status"], 9), -c["n_articles"], c["kind"], c["subject"]))
    return out
