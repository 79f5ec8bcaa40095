"""HTML fragments the templates cannot build safely on their own: highlighted article text and charts.

Article text is hostile input, so everything here goes through `html.escape` and the
result is marked safe only once it is fully escaped.
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Iterable
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


# -- dyad labels (the escalation pages' series names) ------------------------------------------


def _first(row: dict[str, Any], keys: Iterable[str]) -> Any:
    for k in keys:
        if row.get(k) is not None:
            return row[k]
    return None


def actor_name(value: Any) -> str | None:
    """What an actor is called, whether a row gives it as a dict (name, id, country or text) or a string. Public: the
    dashboard's templates name an event's place with it (pages.py, the `actor_name` global)."""
    if isinstance(value, dict):
        return value.get("name") or value.get("id") or value.get("country") or value.get("text")
    return str(value) if value not in (None, "") else None


def series_key(row: dict[str, Any]) -> str:
    """A dyad label from whichever way an escalation row spells it."""
    dyad = row.get("dyad")
    if isinstance(dyad, (list, tuple)):
        return " → ".join(str(actor_name(d) or "?") for d in dyad)
    if dyad:
        return str(dyad)
    a = actor_name(_first(row, ("actor", "actor_name", "actor_country", "source", "a")))
    r = actor_name(_first(row, ("recipient", "recipient_name", "recipient_country", "target", "b")))
    if a or r:
        return f"{a or '?'} → {r or '?'}"
    return "all"
