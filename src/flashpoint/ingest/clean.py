"""Cleaning: the article text of an HTML page or a plain-text page dump, and what was dropped."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Cleaned:
    body: str
    removed: list[str] = field(default_factory=list)
    title: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)  # what the page itself says: date, author, sitename, url


def clean_text(text: str) -> Cleaned:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    return Cleaned(body="\n\n".join(ln.strip() for ln in lines), title=lines[0].strip() if lines else None)


def clean_html(html: str, url: str | None = None) -> Cleaned:
    import trafilatura

    body = trafilatura.extract(html, url=url) or ""
    return Cleaned(body=body)
