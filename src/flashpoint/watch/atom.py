"""The alerts as an Atom feed: a stable URL (`/alerts.atom` on `flashpoint serve`) any feed reader can
follow; each entry's id is the alert's stable id, so a reader shows each alert once."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any
from xml.sax.saxutils import escape

FEED_ID = "urn:flashpoint:alerts"


def _time(ts: float | None) -> str:
    return dt.datetime.fromtimestamp(ts or 0, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def alerts_feed(alerts: list[dict[str, Any]], self_url: str, site_url: str) -> str:
    """Atom 1.0 XML for alerts given newest first (as `alerts.list_alerts` returns them)."""
    updated = _time(max((a["created_at"] for a in alerts), default=0))
    parts = ['<?xml version="1.0" encoding="utf-8"?>',
             '<feed xmlns="http://www.w3.org/2005/Atom">',
             "<title>flashpoint alerts</title>",
             f"<id>{FEED_ID}</id>",
             f"<updated>{updated}</updated>",
             f'<link rel="self" href="{escape(self_url)}"/>',
             f'<link rel="alternate" href="{escape(site_url)}"/>',
             "<author><name>flashpoint watch</name></author>"]
    for a in alerts:
        body = json.dumps({"kind": a["kind"], "detail": a.get("detail"), "article_ids": a.get("article_ids") or []},
                          ensure_ascii=False, indent=1)
        parts += ["<entry>",
                  f"<id>urn:flashpoint:alert:{escape(a['id'])}</id>",
                  f"<title>{escape(a['title'])}</title>",
                  f"<updated>{_time(a['created_at'])}</updated>",
                  f"<published>{_time(a['created_at'])}</published>",
                  f'<category term="{escape(a["kind"])}"/>',
                  f"<summary>{escape(a['title'])}</summary>",
                  f'<content type="text">{escape(body)}</content>',
                  "</entry>"]
    parts.append("</feed>")
    return "\n".join(parts) + "\n"
