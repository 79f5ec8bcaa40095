"""Escalation: per directed dyad and day, the score-weighted count of distinct current conflict events, and alerts.

Index: for each merged (cross-article, deduplicated) event that is current (not
historical, negated or hypothetical, nor dated more than a month before the report that
gives it: see `merge.is_background`) and has an actor country and a recipient country,
its conflict weight is -score when its PLOVER score is negative (ASSAULT ~ 10, ACCUSE ~ 2),
0 otherwise; a day's value for the dyad actor -> recipient is the sum over the events
dated that day. Cooperation (positive scores) is summed separately.

Baseline and alerts (robust, trailing): for day t the baseline is the median of the
previous 28 calendar days (missing days count as 0) and the spread is
max(1.4826 * MAD, standard deviation, 1) over the same window. An alert fires when the
value exceeds median + 4 * spread, is at least one assault's worth (10), and the dyad's
series started at least 14 days earlier (so the first report of a dyad is not a break).
ISO weeks use the same rule over the previous 8 weeks, months over the previous 6.
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
MIN_HISTORY_DAYS = 14


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


def with_baseline(series: dict[str, float], period: str = "day", started: str | None = None) -> list[dict[str, Any]]:
    """Rows (date, value, baseline, threshold, alert) for one dyad's series, filling gaps with zeros.

    `started`: the dyad's first day when `series` is only its tail (at least WINDOW_DAYS before the first
    row wanted, or from the first day), as the incremental update passes it; the rows are the same."""
    if not series:
        return []
    if period in ("week", "month"):
        return _bucketed(series, period)
    days = sorted(series)
    first = dt.date.fromisoformat(days[0])
    history = (first - dt.date.fromisoformat(started)).days if started else 0
    last = dt.date.fromisoformat(days[-1])
    n = (last - first).days + 1
    values = [series.get((first + dt.timedelta(days=i)).isoformat(), 0.0) for i in range(n)]
    rows = []
    for i, v in enumerate(values):
        day = (first + dt.timedelta(days=i)).isoformat()
        window = values[max(0, i - WINDOW_DAYS):i] or [0.0]
        med, spread = _robust(window)
        threshold = med + K * spread
        alert = i + history >= MIN_HISTORY_DAYS and v > threshold and v >= MIN_ALERT_VALUE
        if day in series:
            rows.append({"date": day, "value": round(v, 2), "baseline": round(med, 2),
                         "threshold": round(threshold, 2), "alert": alert})
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


def _bucketed(series: dict[str, float], period: str) -> list[dict[str, Any]]:
    """Weeks (previous 8 as baseline) or months (previous 6): the same rule as days, gaps filled with zeros."""
    sums: dict[str, float] = defaultdict(float)
    for day, v in series.items():
        sums[bucket(day, period)] += v
    first = min(dt.date.fromisoformat(d) for d in series)
    last = max(dt.date.fromisoformat(d) for d in series)
    start = first - dt.timedelta(days=first.weekday()) if period == "week" else first.replace(day=1)
    keys = []
    while start <= last:
        keys.append(bucket(start.isoformat(), period))
        start = _next_start(start, period)
    values = [sums.get(k, 0.0) for k in keys]
    window_n = WINDOW_WEEKS if period == "week" else WINDOW_MONTHS
    rows = []
    for i, (k, v) in enumerate(zip(keys, values, strict=True)):
        window = values[max(0, i - window_n):i] or [0.0]
        med, spread = _robust(window)
        threshold = med + K * spread
        alert = i >= 2 and v > threshold and v >= MIN_ALERT_VALUE
        if k in sums:
            rows.append({"date": k, "value": round(v, 2), "baseline": round(med, 2),
                         "threshold": round(threshold, 2), "alert": alert})
    return rows


def series_by_dyad(rows: Iterable[dict[str, Any]]) -> dict[tuple[str, str], dict[str, float]]:
    out: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
    for r in rows:
        out[(r["actor_country"], r["recipient_country"])][r["date"]] = float(r["value"])
    return out
