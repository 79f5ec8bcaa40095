"""Escalation: per directed dyad and day, the score-weighted count of distinct current conflict events, and alerts.

Index: for each merged (cross-article, deduplicated) event that is current (not
historical, negated or hypothetical, nor dated more than a month before the report that
gives it: see `merge.is_background`), coded with a confidence of at least MIN_CONFIDENCE,
and has two different parties (see `party`: a country's state, or its rebels or civilians),
its conflict weight is -score when its PLOVER score is negative (ASSAULT ~ 10, ACCUSE ~ 2),
0 otherwise; a day's value for the dyad actor -> recipient is the sum over the events
dated that day. Cooperation (positive scores) is summed separately.

Baseline and alerts (robust, trailing): for day t the baseline is the median of the
previous 28 calendar days on which the corpus has articles (a day with articles and no event
for the dyad counts 0; a day without articles is a gap, not a zero) and the spread is
max(1.4826 * MAD, standard deviation, 1) over the same days. An alert fires when the
value exceeds median + 4 * spread, is at least one assault's worth (10), and the baseline
holds at least MIN_BASELINE_DAYS days of data (so a dyad's first days are never a break).
ISO weeks use the same rule over the previous 8 weeks, months over the previous 6 (and the same
14 days of data).
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

WINDOW_DAYS = 28
WINDOW_WEEKS = 8
WINDOW_MONTHS = 6
K = 4.0
MIN_ALERT_VALUE = 10.0
MIN_BASELINE_DAYS = 14  # days with articles in the trailing window before any alert
MIN_CONFIDENCE = 0.2  # the coder's own estimate (nlp/event_confidence.py) that type and both sides are right

STATE = "state"
REBELS = {"REB", "PRE", "INS", "OPP", "UAF", "SEP"}  # armed or political opposition, para-states
CIVILIANS = {"CVL", "REF", "MED", "NGO", "BUS", "EDU", "HLH", "LAB", "REL", "AGR", "ELI"}
PARTY_NAMES = {"REB": "rebels", "CVL": "civilians"}


def party(country: str | None, sector: str | None) -> str | None:
    """The side an actor is on in a dyad: its country's state ('AZE'), or that country's rebels ('AZE/REB') or
    civilians ('AZE/CVL'); None without a country. An unknown sector counts as the state."""
    if not country:
        return None
    code = (sector or "").upper()
    if code in REBELS:
        return f"{country}/REB"
    if code in CIVILIANS:
        return f"{country}/CVL"
    return country


def party_label(value: str) -> str:
    """'AZE/CVL' -> 'AZE civilians'."""
    country, _, group = value.partition("/")
    return f"{country} {PARTY_NAMES.get(group, group)}".strip() if group else country


def is_dyad(actor: str | None, recipient: str | None) -> bool:
    """Two different parties: Azerbaijan against itself is no dyad, its state against its rebels is."""
    return bool(actor) and bool(recipient) and actor != recipient


def conflict_weight(score: float) -> float:
    return -score if score < 0 else 0.0


def _robust(window: list[float]) -> tuple[float, float]:
    med = statistics.median(window)
    mad = statistics.median([abs(x - med) for x in window])
    std = statistics.pstdev(window) if len(window) > 1 else 0.0
    return med, max(1.4826 * mad, std, 1.0)


def iso_week(date: str) -> str:
    y, w, _ = dt.date.fromisoformat(date).isocalendar()
    return f"{y}-W{w:02d}"


def with_baseline(series: dict[str, float], period: str = "day", started: str | None = None,
                  covered: set[str] | None = None) -> list[dict[str, Any]]:
    """Rows (date, value, baseline, threshold, baseline_days, alert) for one dyad's series.

    `covered`: the days the corpus has articles; the baseline reads only those (and the dyad's own days), so
    a stretch with no reporting is a gap, not a run of calm days. Without it every calendar day since the
    dyad's first day counts. `started`: the dyad's first day when `series` is only its tail (at least
    WINDOW_DAYS before the first row wanted), as the incremental update passes it; the rows are the same."""
    if not series:
        return []
    if period in ("week", "month"):
        return _bucketed(series, period, covered)
    days = sorted(series)
    first = dt.date.fromisoformat(days[0]) - dt.timedelta(days=WINDOW_DAYS)
    last = dt.date.fromisoformat(days[-1])
    n = (last - first).days + 1
    calendar = [(first + dt.timedelta(days=i)).isoformat() for i in range(n)]
    has_data = [covered is None or d in covered or d in series for d in calendar]
    if covered is None:  # no coverage given: every day since the dyad's first is data
        has_data = [d >= (started or days[0]) for d in calendar]
    values = [series.get(d, 0.0) for d in calendar]
    rows = []
    for i, day in enumerate(calendar):
        if day not in series:
            continue
        window = [values[j] for j in range(max(0, i - WINDOW_DAYS), i) if has_data[j]]
        med, spread = _robust(window or [0.0])
        threshold = med + K * spread
        v = values[i]
        alert = len(window) >= MIN_BASELINE_DAYS and v > threshold and v >= MIN_ALERT_VALUE
        rows.append({"date": day, "value": round(v, 2), "baseline": round(med, 2), "threshold": round(threshold, 2),
                     "baseline_days": len(window), "alert": alert})
    return rows


def bucket(day: str, period: str) -> str:
    """The day itself, its ISO week (2022-W08) or its month (2022-02)."""
    if period == "week":
        return iso_week(day)
    if period == "month":
        return day[:7]
    return day


def bucket_start(key: str, period: str) -> str:
    """The first day of a bucket, for date filters: 2022-W08 -> 2022-02-21, 2022-02 -> 2022-02-01."""
    if period == "week":
        year, week = key.split("-W")
        return dt.date.fromisocalendar(int(year), int(week), 1).isoformat()
    if period == "month":
        return f"{key}-01"
    return key


def _next_start(day: dt.date, period: str) -> dt.date:
    if period == "week":
        return day + dt.timedelta(days=7)
    return (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)


def _bucket_keys(series: dict[str, float], period: str) -> list[str]:
    """Every week or month from the series' first day to its last, empty ones included."""
    first = min(dt.date.fromisoformat(d) for d in series)
    last = max(dt.date.fromisoformat(d) for d in series)
    start = first - dt.timedelta(days=first.weekday()) if period == "week" else first.replace(day=1)
    keys = []
    while start <= last:
        keys.append(bucket(start.isoformat(), period))
        start = _next_start(start, period)
    return keys


def _bucketed(series: dict[str, float], period: str, covered: set[str] | None = None) -> list[dict[str, Any]]:
    """Weeks (previous 8 as baseline) or months (previous 6): the same rule as days; a bucket without articles
    is left out of the baseline, and an alert needs MIN_BASELINE_DAYS days with articles in it."""
    sums: dict[str, float] = defaultdict(float)
    for day, v in series.items():
        sums[bucket(day, period)] += v
    data_days: dict[str, int] = defaultdict(int)
    for day in (covered if covered is not None else set(series)) | set(series):
        data_days[bucket(day, period)] += 1
    keys = _bucket_keys(series, period)
    values = [sums.get(k, 0.0) for k in keys]
    window_n = WINDOW_WEEKS if period == "week" else WINDOW_MONTHS
    rows = []
    for i, (k, v) in enumerate(zip(keys, values, strict=True)):
        prior = [j for j in range(max(0, i - window_n), i) if covered is None or data_days.get(keys[j])]
        med, spread = _robust([values[j] for j in prior] or [0.0])
        threshold = med + K * spread
        n_days = sum(data_days[keys[j]] for j in prior) if covered is not None else 7 * len(prior)
        alert = n_days >= MIN_BASELINE_DAYS and v > threshold and v >= MIN_ALERT_VALUE
        if k in sums:
            rows.append({"date": k, "value": round(v, 2), "baseline": round(med, 2),
                         "threshold": round(threshold, 2), "baseline_days": n_days, "alert": alert})
    return rows


def series_by_dyad(rows: Iterable[dict[str, Any]]) -> dict[tuple[str, str], dict[str, float]]:
    out: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
    for r in rows:
        out[(r["actor_country"], r["recipient_country"])][r["date"]] = float(r["value"])
    return out
