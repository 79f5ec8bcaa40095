"""HTML fragments the templates cannot build safely on their own: highlighted article text and charts.

Article text is hostile input, so everything here goes through `html.escape` and the
result is marked safe only once it is fully escaped.
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import quote, urlsplit

from markupsafe import Markup

KINDS = ("entity", "quote", "timex", "quantity", "event")
PREFIX = {"entity": "e", "quote": "q", "timex": "t", "quantity": "n", "event": "v"}


def safe_href(url: Any) -> str | None:
    """Only http(s) links leave the dashboard; javascript:, data: and the rest are dropped."""
    if not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url.strip()


def urlq(value: Any) -> str:
    """A path segment: ids may hold slashes, colons or anything else."""
    return quote(str(value), safe="")


def unknown_outlet(value: Any) -> bool:
    """The corpus names an article without an outlet after its site or file, in brackets: "(page.txt)"."""
    return isinstance(value, str) and len(value) > 2 and value.startswith("(") and value.endswith(")")


def outlet_text(value: Any) -> str:
    if value is None:
        return ""
    return str(value)[1:-1] if unknown_outlet(value) else str(value)


def entity_groups(spans: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Entity mentions folded per entity (its id, else its name): most mentioned first, then first seen.

    Each group keeps its spans (every mention stays linked both ways) and the distinct
    spellings used in the text, which is where Kiev/Kyiv or Lugansk/Luhansk show.
    """
    groups: dict[str, dict[str, Any]] = {}
    for s in spans:
        item = s["item"]
        name = item.get("name") or item.get("text") or ""
        key = str(item.get("id") or name.lower())
        g = groups.setdefault(key, {"id": item.get("id"), "name": name, "type": item.get("type"), "spans": [],
                                    "forms": []})
        g["spans"].append(s)
        form = item.get("text")
        if form and form not in g["forms"]:
            g["forms"].append(form)
    out = list(groups.values())
    for g in out:
        g["other_forms"] = [f for f in g["forms"] if f != g["name"]]
    out.sort(key=lambda g: (-len(g["spans"]), g["spans"][0]["start"]))
    return out


def marked(text: Any, query: Any) -> Markup:
    """The text escaped, with every searched word wrapped in <mark> (the words are escaped too)."""
    text = "" if text is None else str(text)
    words = sorted({w.lower() for w in str(query or "").split()[:8] if w}, key=len, reverse=True)
    if not words:
        return Markup(html.escape(text))
    low, out, i = text.lower(), [], 0
    while i < len(text):
        hit = min(((low.find(w, i), -len(w)) for w in words if low.find(w, i) >= 0), default=None)
        if hit is None:
            break
        at, size = hit[0], -hit[1]
        out.append(html.escape(text[i:at]))
        out.append(f"<mark>{html.escape(text[at:at + size])}</mark>")
        i = at + size
    out.append(html.escape(text[i:]))
    return Markup("".join(out))


def num(value: Any) -> str:
    """A figure as an analyst reads it: 14,000 rather than 14000.0."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return "" if value is None else str(value)
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")


def record_spans(record: dict[str, Any]) -> list[dict[str, Any]]:
    """Every span of an article record with a stable anchor id (e3, q0, t1, n2, v4)."""
    body_len = len(record.get("body") or "")
    spans = []
    for kind, key in (("entity", "entities"), ("quote", "quotes"), ("timex", "timexes"),
                      ("quantity", "quantities"), ("event", "events")):
        for i, item in enumerate(record.get(key) or []):
            try:
                start, end = int(item["start"]), int(item["end"])
            except (KeyError, TypeError, ValueError):
                continue
            start, end = max(0, start), min(body_len, end)
            if end <= start:
                continue
            spans.append({"kind": kind, "ref": f"{PREFIX[kind]}{i}", "start": start, "end": end, "item": item})
    return spans


def highlight(body: str, spans: Iterable[dict[str, Any]]) -> Markup:
    """The body with every span marked; overlapping spans are cut into segments at every boundary.

    Each segment is one link to the most specific (shortest) span covering it and
    carries the refs and kinds of all of them, so nothing overlapping is lost and no
    element nests inside another link. An empty anchor `at-<ref>` marks where each
    span starts so the record panel can link back to the text.
    """
    spans = list(spans)
    if not spans:
        return Markup(html.escape(body))
    starts: dict[int, list[dict[str, Any]]] = defaultdict(list)
    points = {0, len(body)}
    for s in spans:
        starts[s["start"]].append(s)
        points.update((s["start"], s["end"]))
    cuts = sorted(points)
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        for s in starts.get(a, []):
            out.append(f'<span class="anchor" id="at-{s["ref"]}"></span>')
        covering = [s for s in spans if s["start"] <= a and s["end"] >= b]
        text = html.escape(body[a:b])
        if not covering:
            out.append(text)
            continue
        covering.sort(key=lambda s: (s["end"] - s["start"], KINDS.index(s["kind"])))
        kinds = " ".join(sorted({f"k-{s['kind']}" for s in covering}))
        refs = " ".join(s["ref"] for s in covering)
        title = "; ".join(_label(s) for s in covering)
        out.append(f'<a class="hl {kinds}" href="#rec-{covering[0]["ref"]}" data-refs="{refs}" '
                   f'title="{html.escape(title)}">{text}</a>')
    return Markup("".join(out))


def _label(span: dict[str, Any]) -> str:
    item, kind = span["item"], span["kind"]
    if kind == "entity":
        return f"{item.get('type', 'entity')}: {item.get('name') or item.get('text')}"
    if kind == "quote":
        speaker = (item.get("speaker") or {}).get("name") or "unknown speaker"
        return f"quote by {speaker}"
    if kind == "timex":
        return f"date {item.get('value') or '?'}"
    if kind == "quantity":
        return f"figure {item.get('kind', '')} {item.get('value')}"
    return f"event {item.get('type')}"


# -- charts ------------------------------------------------------------------------------------

PALETTE = ("#1f6feb", "#d1242f", "#2da44e", "#bf8700", "#8250df", "#0a7f86")

_DATE_KEYS = ("date", "day", "period")
_VALUE_KEYS = ("index", "score", "value", "weighted", "weight", "intensity", "count", "events")


def _first(row: dict[str, Any], keys: Iterable[str]) -> Any:
    for k in keys:
        if row.get(k) is not None:
            return row[k]
    return None


def _name(value: Any) -> str | None:
    if isinstance(value, dict):
        return value.get("name") or value.get("id") or value.get("country") or value.get("text")
    return str(value) if value not in (None, "") else None


def series_key(row: dict[str, Any]) -> str:
    """A dyad label from whichever way an escalation row spells it."""
    dyad = row.get("dyad")
    if isinstance(dyad, (list, tuple)):
        return " → ".join(str(_name(d) or "?") for d in dyad)
    if dyad:
        return str(dyad)
    a = _name(_first(row, ("actor", "actor_name", "actor_country", "source", "a")))
    r = _name(_first(row, ("recipient", "recipient_name", "recipient_country", "target", "b")))
    if a or r:
        return f"{a or '?'} → {r or '?'}"
    return "all"


def escalation_series(rows: Iterable[dict[str, Any]], top: int = 5) -> list[dict[str, Any]]:
    """Daily values per dyad, the dyads with most weight first."""
    per: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for row in rows:
        day, value = _first(row, _DATE_KEYS), _first(row, _VALUE_KEYS)
        if day is None or not isinstance(value, (int, float)):
            continue
        per[series_key(row)][str(day)[:10]] += float(value)
    ranked = sorted(per.items(), key=lambda kv: -sum(abs(v) for v in kv[1].values()))[:top]
    return [{"name": name, "points": sorted(points.items())} for name, points in ranked]


_MARGINS = (62, 12, 12, 44)  # left, right, top, bottom: room for the value ticks and the dates


def _y_scale(lo: float, hi: float, top_pad: int, ph: int) -> Callable[[float], float]:
    """Where a value sits vertically: `hi` at the top of the plot, `lo` at its bottom."""
    def y(v: float) -> float:
        return top_pad + ph * (hi - v) / (hi - lo)

    return y


def _even_x(days: list[str], left: int, pw: int) -> dict[str, float]:
    """Each day's x, evenly spaced across the plot (a single day in the middle)."""
    return {d: left + (pw * i / max(1, len(days) - 1) if len(days) > 1 else pw / 2) for i, d in enumerate(days)}


def _value_lines(lo: float, hi: float, y: Callable[[float], float], width: int) -> list[str]:
    """Grid lines at the bottom, middle and top of the value range with their values, and the zero line
    where the range crosses it."""
    left, right = _MARGINS[0], _MARGINS[1]
    parts = []
    for frac in (0.0, 0.5, 1.0):
        v = lo + (hi - lo) * frac
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="#d0d7de" '
                     f'stroke-width="1"/><text x="{left - 6}" y="{y(v) + 4:.1f}" text-anchor="end" '
                     f'class="tick">{v:.1f}</text>')
    if lo < 0 < hi:
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y(0):.1f}" y2="{y(0):.1f}" stroke="#57606a"/>')
    return parts


def _alert_lines(alerts: Iterable[dict[str, Any]], x_of: dict[str, float], ph: int) -> list[str]:
    """A dashed red line on each alert day that has data (other days have no place on this axis)."""
    top_pad = _MARGINS[2]
    alert_days = {str(_first(a, _DATE_KEYS))[:10] for a in alerts if _first(a, _DATE_KEYS)}
    return [f'<line class="alert-line" x1="{x_of[d]:.1f}" x2="{x_of[d]:.1f}" y1="{top_pad}" '
            f'y2="{top_pad + ph}" stroke="#d1242f" stroke-dasharray="4 3" stroke-width="1.5">'
            f'<title>alert {html.escape(d)}</title></line>' for d in sorted(alert_days & set(x_of))]


def _series_lines(series: list[dict[str, Any]], x_of: dict[str, float], y: Callable[[float], float]) -> list[str]:
    """Per series a line through its points and a titled dot on each."""
    parts = []
    for i, s in enumerate(series):
        colour = PALETTE[i % len(PALETTE)]
        pts = " ".join(f"{x_of[d]:.1f},{y(v):.1f}" for d, v in s["points"])
        parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{pts}"/>')
        for d, v in s["points"]:
            parts.append(f'<circle cx="{x_of[d]:.1f}" cy="{y(v):.1f}" r="3" fill="{colour}">'
                         f'<title>{html.escape(s["name"])} {html.escape(d)}: {v:.2f}</title></circle>')
    return parts


def _day_labels(days: list[str], x_of: dict[str, float], ph: int) -> list[str]:
    """About six dates under the axis, ending on the last; the ends are anchored inwards."""
    step = max(1, len(days) // 6)
    ticks = days[::step] if days[-1] in days[::step] else [*days[::step][:-1], days[-1]]
    parts = []
    for d in ticks if len(days) > 1 else days:
        anchor = "start" if d == days[0] and len(days) > 1 else "end" if d == days[-1] and len(days) > 1 else "middle"
        parts.append(f'<text x="{x_of[d]:.1f}" y="{_MARGINS[2] + ph + 16}" text-anchor="{anchor}" '
                     f'class="tick">{html.escape(d)}</text>')
    return parts


def line_chart(series: list[dict[str, Any]], alerts: Iterable[dict[str, Any]] = (), width: int = 760,
               height: int = 260, label: str = "escalation", y_label: str = "escalation index") -> Markup:
    """An inline SVG line chart (no script): one line per series, alert days marked in red.

    The x axis lists the days that have data, evenly spaced (a calendar axis would squash
    a burst of days next to a year-old background event), and says so in its title.
    """
    days = sorted({d for s in series for d, _ in s["points"]})
    if not days:
        return Markup('<p class="empty">No escalation data yet.</p>')
    values = [v for s in series for _, v in s["points"]]
    lo, hi = min(0.0, *values), max(0.0, *values)
    hi = hi if hi > lo else lo + 1
    left, right, top_pad, bottom = _MARGINS
    pw, ph = width - left - right, height - top_pad - bottom
    x_of = _even_x(days, left, pw)
    y = _y_scale(lo, hi, top_pad, ph)
    esc = html.escape
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{esc(label)}" '
             f'xmlns="http://www.w3.org/2000/svg">',
             *_value_lines(lo, hi, y, width), *_alert_lines(alerts, x_of, ph), *_series_lines(series, x_of, y),
             *_day_labels(days, x_of, ph)]
    parts.append(f'<text class="axis-title" x="{left + pw / 2:.1f}" y="{height - 4}" text-anchor="middle">'
                 f'date (days with events, evenly spaced)</text>')
    parts.append(f'<text class="axis-title y-title" transform="rotate(-90)" x="{-(top_pad + ph / 2):.1f}" y="14" '
                 f'text-anchor="middle">{esc(y_label)}</text>')
    parts.append("</svg>")
    legend = "".join(f'<li><span class="swatch sw{i % len(PALETTE)}"></span>{esc(s["name"])}</li>'
                     for i, s in enumerate(series))
    return Markup("".join(parts) + f'<ul class="legend">{legend}</ul>')
