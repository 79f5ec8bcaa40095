"""From a source spec (path, URL, feed, `-`) to cleaned Articles, one error per bad input."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from flashpoint.ingest.clean import clean_html, clean_text
from flashpoint.model import Article, InputError, RawDocument


def read_documents(sources: Iterable[str], allow_private: bool = False) -> Iterator[RawDocument | InputError]:
    for src in sources:
        try:
            yield RawDocument(source=src, content=Path(src).read_bytes())
        except OSError as exc:
            yield InputError(source=src, message=str(exc))


def build_article(raw: RawDocument) -> Article:
    text = raw.content.decode("utf-8") if isinstance(raw.content, bytes) else raw.content
    cleaned = clean_html(text, raw.url) if raw.kind == "html" else clean_text(text)
    digest = hashlib.sha256(cleaned.body.encode()).hexdigest()[:16]
    return Article(id=raw.given.get("id") or digest, source=raw.source, url=raw.url, title=cleaned.title,
                   body=cleaned.body, removed=cleaned.removed)


def load_articles(sources: Iterable[str], allow_private: bool = False) -> Iterator[Article | InputError]:
    for raw in read_documents(sources, allow_private=allow_private):
        if isinstance(raw, InputError):
            yield raw
            continue
        try:
            yield build_article(raw)
        except Exception as exc:  # noqa: BLE001 - one bad document never stops a batch
            yield InputError(source=raw.source, message=f"{type(exc).__name__}: {exc}")
