"""The dashboard's pictures as inline SVG (no script, no tiles, nothing from elsewhere).

- `world_map`: events per country where they happened, on country shapes shipped with the package
  (resources/country_shapes.json: Natural Earth via world-atlas, simplified; licence inside the file);
- `coverage_bar`: one story's coverage, a segment per outlet sized by its articles and coloured by its lean,
  each saying what that outlet reports;
- `time_chart`: values on a true calendar axis, one line per series, broken where there is no data (a gap is
  drawn as a gap, not as a straight line across it), alert days marked;
- `attention_chart`: articles per day per outlet, stacked, on the same calendar axis.
Every label is escaped here; the result is marked safe only once it is.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any
from urllib.parse import quote

from markupsafe import Markup

PALETTE = ("#1f6feb", "#d1242f", "#2da44e", "#bf8700", "#8250df", "#0a7f86", "#cf222e", "#57606a")
LEAN_COLOURS = {0: "#1f6feb", 1: "#bf8700", None: "#8c959f"}  # first side's group, second side's, no lean
MAP_SCALE = ("#eef1f4", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c")

esc = html.escape


def swatch(colour: str) -> str:
    """A legend square as SVG (the CSP allows no inline style attribute)."""
    return f'<svg class="swatch" width="12" height="12" aria-hidden="true"><rect width="12" height="12" fill="{colour}"/></svg>'


@lru_cache(maxsize=1)
def country_shapes() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((files("flashpoint") / "resources" / "country_shapes.json")
                                      .read_text(encoding="utf-8"))
    return data


def _bucket(n: int, top: int) -> int:
    """0 for none, else 1..5 on a square-root scale of the largest count (one big country does not wash out
    the rest)."""
    if n <= 0 or top <= 0:
        return 0
    return max(1, min(5, int(round(5 * (n / top) ** 0.5))))


FOCUS_SHARE = 0.1  # the view frames the countries with at least this share of the busiest one's events
MIN_VIEW = (400, 200)  # the map shows at least 40 x 20 degrees around the countries with events


def _view(shapes: dict[str, Any], codes: list[str]) -> tuple[int, int, int, int]:
    """The part of the world to draw: the countries with events (their main land) with a margin, 2:1."""
    full = (0, 0, int(shapes["width"]), int(shapes["height"]))
    boxes = [shapes["countries"][c].get("box") for c in codes]
    boxes = [b for b in boxes if b]
    if not boxes:
        return full
    x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
    x1, y1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
    w, h = max(x1 - x0, MIN_VIEW[0]) * 1.3, max(y1 - y0, MIN_VIEW[1]) * 1.3
    w, h = max(w, 2 * h), max(h, w / 2)
    if w >= full[2]:
        return full
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    left = min(max(cx - w / 2, 0), full[2] - w)
    top = min(max(cy - h / 2, 0), max(full[3] - h, 0))
    return int(left), int(top), int(w), int(min(h, full[3]))


def world_map(rows: Iterable[dict[str, Any]], width: int = 760) -> Markup:
    """Countries shaded by their events; each links to the timeline of that country and says its counts."""
    shapes = country_shapes()
    counts = {str(r["country"]): r for r in rows if r.get("country")}
    if not counts:
        return Markup('<p class="empty">No events with a known place yet.</p>')
    top = max(int(r.get("events") or 0) for r in counts.values())
    focus = [c for c, r in counts.items() if c in shapes["countries"] and int(r.get("events") or 0) >= FOCUS_SHARE * top]
    x0, y0, w, h = _view(shapes, focus)
    parts = [f'<svg class="map" id="event-map" viewBox="{x0} {y0} {w} {h}" width="{width}" role="img" '
             f'aria-label="map of events by country" xmlns="http://www.w3.org/2000/svg">'
             f'<rect x="{x0}" y="{y0}" width="{w}" height="{h}" fill="#f6f8fa"/>']
    for code, shape in shapes["countries"].items():
        row = counts.get(code)
        n = int(row.get("events") or 0) if row else 0
        fill = MAP_SCALE[_bucket(n, top)]
        title = esc(shape.get("name") or code)
        if row:
            title += esc(f": {n} event{'s' if n != 1 else ''}, {row.get('current', 0)} current, "
                         f"{row.get('denied', 0)} denied, {row.get('hypothetical', 0)} hypothetical")
            parts.append(f'<a href="/timeline?country={quote(code)}"><path class="country has-events" '
                         f'data-country="{esc(code)}" data-events="{n}" d="{esc(shape["d"])}" fill="{fill}" '
                         f'stroke="#57606a" stroke-width="1" vector-effect="non-scaling-stroke"><title>{title}</title></path></a>')
        else:
            parts.append(f'<path class="country" data-country="{esc(code)}" d="{esc(shape["d"])}" fill="{fill}" '
                         f'stroke="#d0d7de" stroke-width="0.5" vector-effect="non-scaling-stroke"><title>{title}</title></path>')
    parts.append("</svg>")
    legend = "".join(f'<li>{swatch(c)}{label}</li>'
                     for c, label in ((MAP_SCALE[1], "few"), (MAP_SCALE[3], "more"), (MAP_SCALE[5], f"most ({top})")))
    missing = sorted(set(counts) - set(shapes["countries"]))
    note = (f'<p class="hint">Not drawn (no shape): {esc(", ".join(missing))}</p>' if missing else "")
    return Markup("".join(parts) + f'<ul class="legend map-legend">{legend}</ul>{note}')


def coverage_bar(outlets: list[dict[str, Any]], width: int = 600, height: int = 22) -> Markup:
    """One story's coverage: per outlet a segment sized by its articles, coloured by its lean group, whose
    title says the outlet, its lean and what it reports (headlines and figures)."""
    total = sum(int(o.get("articles") or 0) for o in outlets)
    if total <= 0:
        return Markup("")
    x = 0.0
    parts = [f'<svg class="coverage" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
             f'aria-label="coverage by outlet" xmlns="http://www.w3.org/2000/svg">']
    for o in outlets:
        n = int(o.get("articles") or 0)
        if n <= 0:
            continue
        w = width * n / total
        colour = LEAN_COLOURS.get(o.get("group_index"), LEAN_COLOURS[None])
        said = "; ".join(str(r) for r in (o.get("reports") or [])[:4])
        title = f"{o.get('outlet')}: {n} article{'s' if n != 1 else ''}" + \
            (f", {o['lean_label']}" if o.get("lean_label") else ", lean unknown") + (f". Reports: {said}" if said else "")
        parts.append(f'<rect class="segment" data-outlet="{esc(str(o.get("outlet")))}" data-articles="{n}" '
                     f'x="{x:.1f}" y="0" width="{max(w - 1.5, 1):.1f}" height="{height}" fill="{colour}">'
                     f'<title>{esc(title)}</title></rect>')
        if w > 60 and height >= 18:
            label = str(o.get("outlet") or "")
            label = label if len(label) * 7 < w - 6 else label[: max(1, int((w - 6) / 7) - 1)] + "…"
            parts.append(f'<text x="{x + 4:.1f}" y="{height - 7}" class="segment-label">{esc(label)}</text>')
        x += w
    parts.append("</svg>")
    return Markup("".join(parts))


def _days(first: str, last: str) -> list[str]:
    a, b = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    return [(a + dt.timedelta(days=i)).isoformat() for i in range((b - a).days + 1)]


def _is_day(value: Any) -> bool:
    try:
        dt.date.fromisoformat(str(value))
    except ValueError:
        return False
    return len(str(value)) == 10


@dataclass(frozen=True)
class _Frame:
    """Where a time chart draws: the plot area inside fixed margins, `n_days` calendar days along x and the
    values `lo` to `hi` along y (one place for the arithmetic every mark must agree on)."""

    width: int
    height: int
    n_days: int
    lo: float
    hi: float
    left: int = 62
    right: int = 12
    top_pad: int = 12
    bottom: int = 44

    @property
    def pw(self) -> int:
        return self.width - self.left - self.right

    @property
    def ph(self) -> int:
        return self.height - self.top_pad - self.bottom

    @property
    def step(self) -> float:
        return self.pw / (self.n_days - 1) if self.n_days > 1 else 0.0

    def x(self, i: int) -> float:
        return self.left + (i * self.step if self.n_days > 1 else self.pw / 2)

    def y(self, v: float) -> float:
        return self.top_pad + self.ph * (self.hi - v) / (self.hi - self.lo)


def _day_points(series: list[dict[str, Any]]) -> list[tuple[Any, Any]]:
    """Every (day, value) of every series whose day is a calendar date; other keys cannot be placed."""
    return [(d, v) for s in series for d, v in s["points"] if _is_day(d)]


def _days_with_data(days: list[str], points: list[tuple[Any, Any]], covered: set[str] | None) -> set[str]:
    """The days that have data: all of them when coverage is unknown, else those with articles or a value."""
    return set(days) if covered is None else ({d for d in days if d in covered} | {d for d, _ in points})


def _value_range(points: list[tuple[Any, Any]]) -> tuple[float, float]:
    """The y range: the values and 0, never empty (a flat chart still needs a height)."""
    values = [v for _, v in points] + [0.0]
    lo, hi = min(values), max(values)
    return lo, hi if hi > lo else lo + 1


def _gaps(days: list[str], have: set[str]) -> list[tuple[int, int]]:
    """The runs of days without data, as (first index, last index)."""
    runs: list[tuple[int, int]] = []
    gap_start = None
    for i, d in enumerate([*days, None]):
        if d is not None and d not in have:
            gap_start = i if gap_start is None else gap_start
            continue
        if gap_start is not None:
            runs.append((gap_start, i - 1))
            gap_start = None
    return runs


def _gap_marks(days: list[str], have: set[str], f: _Frame) -> list[str]:
    """A shaded band over each run of days without articles: no data, which is not the same as calm."""
    parts = []
    for first, last in _gaps(days, have):
        x0, x1 = f.x(first) - f.step / 2, f.x(last) + f.step / 2
        parts.append(f'<rect class="gap" x="{x0:.1f}" y="{f.top_pad}" width="{max(x1 - x0, 1):.1f}" height="{f.ph}" '
                     f'fill="#f3f4f6"><title>no articles {esc(days[first])} to {esc(days[last])}: '
                     f'no data, not calm</title></rect>')
    return parts


def _value_grid(f: _Frame) -> list[str]:
    """Horizontal lines at the bottom, middle and top of the value range, each with its value."""
    parts = []
    for frac in (0.0, 0.5, 1.0):
        v = f.lo + (f.hi - f.lo) * frac
        parts.append(f'<line x1="{f.left}" x2="{f.width - f.right}" y1="{f.y(v):.1f}" y2="{f.y(v):.1f}" stroke="#d0d7de"/>'
                     f'<text x="{f.left - 6}" y="{f.y(v) + 4:.1f}" text-anchor="end" class="tick">{v:.1f}</text>')
    return parts


def _alert_marks(alerts: Iterable[dict[str, Any]], index: dict[str, int], f: _Frame) -> list[str]:
    """A dashed red line on each alert day the axis shows, titled with its dyad."""
    parts = []
    for a in alerts:
        d = str(a.get("date") or "")[:10]
        if d in index:
            parts.append(f'<line class="alert-line" x1="{f.x(index[d]):.1f}" x2="{f.x(index[d]):.1f}" y1="{f.top_pad}" '
                         f'y2="{f.top_pad + f.ph}" stroke="#d1242f" stroke-dasharray="4 3" stroke-width="1.5">'
                         f'<title>alert {esc(d)} {esc(str(a.get("label") or a.get("dyad") or ""))}</title></line>')
    return parts


def _runs(own: dict[str, float], days: list[str], have: set[str], index: dict[str, int], f: _Frame) -> list[list[str]]:
    """A series' polyline points, cut where a day has no data (a day with data but no value is 0)."""
    runs: list[list[str]] = [[]]
    for d in days:
        if d in have:
            runs[-1].append(f"{f.x(index[d]):.1f},{f.y(own.get(d, 0.0)):.1f}")
        elif runs[-1]:
            runs.append([])
    return runs


def _series_marks(n: int, s: dict[str, Any], days: list[str], have: set[str], index: dict[str, int],
                  f: _Frame) -> list[str]:
    """One series: its line in pieces between gaps, and a titled dot on each day it has a value."""
    colour = PALETTE[n % len(PALETTE)]
    own = {d: float(v) for d, v in s["points"] if _is_day(d)}
    parts = [f'<polyline class="series" data-series="{esc(s["name"])}" fill="none" stroke="{colour}" '
             f'stroke-width="2" points="{" ".join(run)}"/>'
             for run in _runs(own, days, have, index, f) if len(run) > 1]
    for d, v in sorted(own.items()):
        parts.append(f'<circle cx="{f.x(index[d]):.1f}" cy="{f.y(v):.1f}" r="3" fill="{colour}">'
                     f'<title>{esc(s["name"])} {esc(d)}: {v:.2f}</title></circle>')
    return parts


def _tick_days(days: list[str]) -> list[str]:
    """About six dates along the axis, always ending on the last day."""
    ticks = days[:: max(1, len(days) // 6)]
    if days[-1] not in ticks:
        ticks = [*ticks[:-1], days[-1]] if len(ticks) > 1 else [*ticks, days[-1]]
    return ticks


def _date_labels(days: list[str], index: dict[str, int], f: _Frame) -> list[str]:
    """The tick dates under the axis; the first and last are anchored inwards so they stay in the picture."""
    parts = []
    for d in _tick_days(days):
        anchor = "start" if d == days[0] and len(days) > 1 else "end" if d == days[-1] and len(days) > 1 else "middle"
        parts.append(f'<text x="{f.x(index[d]):.1f}" y="{f.top_pad + f.ph + 16}" text-anchor="{anchor}" class="tick">'
                     f'{esc(d)}</text>')
    return parts


def _axis_titles(f: _Frame, y_label: str) -> list[str]:
    """What the axes are: the calendar (and what shading means) and the value."""
    return [f'<text class="axis-title" x="{f.left + f.pw / 2:.1f}" y="{f.height - 4}" text-anchor="middle">'
            f'date (calendar; shaded: days without articles)</text>',
            f'<text class="axis-title y-title" transform="rotate(-90)" x="{-(f.top_pad + f.ph / 2):.1f}" y="14" '
            f'text-anchor="middle">{esc(y_label)}</text>']


def time_chart(series: list[dict[str, Any]], alerts: Iterable[dict[str, Any]] = (), covered: set[str] | None = None,
               width: int = 760, height: int = 260, label: str = "escalation",
               y_label: str = "escalation index") -> Markup:
    """Lines on a calendar axis: x is the date itself. A day with articles but no value for a series is 0 for
    it; a day without articles (not in `covered`) is no data, so its line breaks there and the gap is shaded."""
    points = _day_points(series)
    if not points:
        return Markup('<p class="empty">No escalation data yet.</p>')
    days = _days(min(d for d, _ in points), max(d for d, _ in points))
    have = _days_with_data(days, points, covered)
    f = _Frame(width, height, len(days), *_value_range(points))
    index = {d: i for i, d in enumerate(days)}
    parts = [f'<svg class="chart time-chart" viewBox="0 0 {width} {height}" role="img" aria-label="{esc(label)}" '
             f'xmlns="http://www.w3.org/2000/svg">',
             *_gap_marks(days, have, f), *_value_grid(f), *_alert_marks(alerts, index, f)]
    for n, s in enumerate(series):
        parts += _series_marks(n, s, days, have, index, f)
    parts += [*_date_labels(days, index, f), *_axis_titles(f, y_label), "</svg>"]
    legend = "".join(f'<li>{swatch(PALETTE[i % len(PALETTE)])}{esc(s["name"])}</li>' for i, s in enumerate(series))
    return Markup("".join(parts) + f'<ul class="legend">{legend}</ul>')


def attention_chart(rows: Iterable[dict[str, Any]], width: int = 760, height: int = 220) -> Markup:
    """Articles per day, stacked by outlet, on a calendar axis (a day without articles is an empty column)."""
    per_day: dict[str, dict[str, int]] = defaultdict(dict)
    for r in rows:
        if _is_day(r.get("date")):
            per_day[str(r["date"])][str(r.get("outlet"))] = int(r.get("articles") or 0)
    if not per_day:
        return Markup('<p class="empty">No dated articles yet.</p>')
    days = _days(min(per_day), max(per_day))
    outlets = sorted({o for d in per_day.values() for o in d})
    colour = {o: PALETTE[i % len(PALETTE)] for i, o in enumerate(outlets)}
    top = max(sum(d.values()) for d in per_day.values())
    left, right, top_pad, bottom = 40, 12, 10, 40
    pw, ph = width - left - right, height - top_pad - bottom
    bw = pw / len(days)
    parts = [f'<svg class="chart attention" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="articles per day per outlet" xmlns="http://www.w3.org/2000/svg">']
    for frac in (0.0, 0.5, 1.0):
        v = top * frac
        yy = top_pad + ph * (1 - frac)
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{yy:.1f}" y2="{yy:.1f}" stroke="#d0d7de"/>'
                     f'<text x="{left - 6}" y="{yy + 4:.1f}" text-anchor="end" class="tick">{v:.0f}</text>')
    column = {d: i for i, d in enumerate(days)}
    for d in sorted(per_day):  # the days with articles only: a store spanning years has thousands without
        i = column[d]
        base = float(top_pad + ph)
        for o in outlets:
            n = per_day[d].get(o, 0)
            if not n:
                continue
            h = ph * n / top
            base -= h
            parts.append(f'<rect class="bar" data-date="{d}" data-outlet="{esc(o)}" x="{left + i * bw + 0.5:.1f}" '
                         f'y="{base:.1f}" width="{max(bw - 1, 1):.1f}" height="{h:.1f}" fill="{colour[o]}">'
                         f'<title>{esc(d)} {esc(o)}: {n} article{"s" if n != 1 else ""}</title></rect>')
    for d in days[:: max(1, len(days) // 6)]:
        parts.append(f'<text x="{left + column[d] * bw + bw / 2:.1f}" y="{top_pad + ph + 14}" '
                     f'text-anchor="middle" class="tick">{esc(d)}</text>')
    parts.append(f'<text class="axis-title" x="{left + pw / 2:.1f}" y="{height - 4}" text-anchor="middle">'
                 f'date (calendar)</text></svg>')
    legend = "".join(f'<li>{swatch(colour[o])}{esc(o)}</li>' for o in outlets)
    return Markup("".join(parts) + f'<ul class="legend">{legend}</ul>')
