"""Scores the date resolver on a Recognizers-Text style DateTimeModel set.

Each case is a sentence, a reference datetime and the expressions it holds with their
resolutions. We run the resolver over the sentence (ranges merged) and count a gold
expression as right when one of our expressions overlaps its span and either our TIMEX
value equals the gold `timex`, or our interval [start, end) equals the interval of one of
the gold resolutions (the gold lists the past and the future reading of year-less dates;
news-style resolution picks one of them). Open ranges ("after 2016") compare the bound
they have. Clock times are out of the pipeline's scope, so the time and datetime cases
count in the overall share only.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from flashpoint.nlp.timexes import Res, end_date, find_expressions, start_date

DATE_TYPES = ("datetimeV2.date", "datetimeV2.daterange")


def _d(s: Any) -> dt.date | None:
    if not isinstance(s, str):
        return None
    try:
        return dt.date.fromisoformat(s[:10])
    except ValueError:
        return None


def _year_free_match(value: str, timex: str, values: list[dict[str, Any]]) -> bool:
    """Gold 'XXXX-11' (a month of no stated year) matches our '2018-11' when 2018 is one of its readings."""
    if len(value) != len(timex) or not re.fullmatch(timex.replace("X", r"\d"), value):
        return False
    years = {str(v.get(k, ""))[:4] for v in values for k in ("value", "start", "end")}
    return value[:4] in years


def _matches(ours: Res, gold: dict[str, Any]) -> bool:
    """Our expression is right when its TIMEX value or its interval agrees with one of the gold resolutions."""
    values = gold.get("Resolution", {}).get("values", []) or []
    s, e = start_date(ours), end_date(ours)
    for v in values:
        timex = v.get("timex") or ""
        if ours.value and _timex_matches(ours.value, timex, values):
            return True
        if s is not None and _interval_matches(v, s, e):
            return True
    return False


def _timex_matches(value: str, timex: str, values: list[dict[str, Any]]) -> bool:
    """Our TIMEX value equals the gold one, or fills in the year the gold leaves open (a month, a season)."""
    if timex == value:
        return True
    if "XXXX" in timex and _year_free_match(value, timex, values):
        return True
    # a season of no stated year: news-style resolution gives it one
    return bool(re.fullmatch(r"SP|SU|FA|WI", timex)) and value.endswith("-" + timex)


def _interval_matches(v: dict[str, Any], s: dt.date, e: dt.date | None) -> bool:
    """Our interval [s, e) is the gold resolution's: its one day, or its range (an open range, the bound it has)."""
    if _day_matches(v, s, e):
        return True
    gs, ge = _d(v.get("start")), _d(v.get("end"))
    if gs is None and ge is None:
        return False
    return (gs is None or gs == s) and (ge is None or ge == e or (gs is None and ge == s))


def _day_matches(v: dict[str, Any], s: dt.date, e: dt.date | None) -> bool:
    """A gold date resolution is the one day [value, value + 1)."""
    if v.get("type") != "date" or "value" not in v:
        return False
    d = _d(v["value"])
    return d is not None and s == d and e == d + dt.timedelta(days=1)


def score_case(case: dict[str, Any]) -> list[tuple[str, bool]]:
    """(type name, right?) for every gold expression of one case."""
    ref_s = (case.get("Context") or {}).get("ReferenceDateTime")
    ref = _d(ref_s) if ref_s else dt.date.today()
    text = case["Input"]
    found = find_expressions(text, ref, merge_ranges=True)
    out = []
    for gold in case.get("Results", []):
        gs, ge = gold.get("Start", 0), gold.get("End", 0) + 1
        hits = [r for r in found if r.start_char < ge and r.end_char > gs]
        out.append((gold.get("TypeName") or "", any(_matches(r, gold) for r in hits)))
    return out


def run(path: Path, **_: Any) -> dict[str, Any]:
    cases = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for case in cases:
        for type_name, ok in score_case(case):
            total[type_name] += 1
            right[type_name] += ok
    n_all, r_all = sum(total.values()), sum(right.values())
    n_date = sum(total[t] for t in DATE_TYPES)
    r_date = sum(right[t] for t in DATE_TYPES)
    scores: dict[str, Any] = {
        "cases": len(cases),
        "expressions": n_all,
        "accuracy_all": round(r_all / n_all, 4) if n_all else 0.0,
        "date_expressions": n_date,
        "accuracy_date_daterange": round(r_date / n_date, 4) if n_date else 0.0,
        "accuracy_date": round(right["datetimeV2.date"] / total["datetimeV2.date"], 4)
        if total["datetimeV2.date"] else 0.0,
        "accuracy_daterange": round(right["datetimeV2.daterange"] / total["datetimeV2.daterange"], 4)
        if total["datetimeV2.daterange"] else 0.0,
        "by_type": {t: {"n": total[t], "right": right[t]} for t in sorted(total)},
    }
    return scores
