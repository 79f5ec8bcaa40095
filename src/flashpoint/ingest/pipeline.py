"""From a source spec (path, URL, feed, `-`) to cleaned Articles, one error per bad input."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable, Iterator
from typing import Any, Literal

from flashpoint.ingest.budget import check_html, check_text, check_time
from flashpoint.ingest.clean import clean_html, clean_text
from flashpoint.ingest.decode import BadInput, decode_bytes
from flashpoint.ingest.meta import extract_meta
from flashpoint.ingest.sources import iter_source, looks_like_html
from flashpoint.model import Article, InputError, RawDocument


def read_documents(sources: Iterable[str], allow_private: bool = False) -> Iterator[RawDocument | InputError]:
    """Every document the sources stand for; a source that fails unexpectedly becomes one error."""
    for src in sources:
        try:
            yield from iter_source(src, allow_private=allow_private)
        except Exception as exc:  # noqa: BLE001 - one bad source never stops a batch
            yield InputError(source=src, message=f"{type(exc).__name__}: {exc}")


def article_id(body: str, title: str | None, outlet: str | None = None) -> str:
    """Same text from the same outlet, same id: re-ingesting a file or a copy of it is recognised, while
    a wire story republished by a second outlet is that outlet's own article (linked as a copy later)."""
    head = f"{outlet.strip().lower()}\n" if outlet and outlet.strip() else ""
    return hashlib.sha256(f"{head}{title or ''}\n{body}".encode()).hexdigest()[:16]


def build_article(raw: RawDocument, cpu: dict[str, float] | None = None) -> Article:
    """Decode, clean and describe one document; raises BadInput when there is no article in it.
    With `cpu`, the CPU seconds of cleaning (decoding included) and of metadata are added to it."""
    start = time.process_time()
    text = decode_bytes(raw.content) if isinstance(raw.content, bytes) else raw.content
    text = text.replace("\x00", "")  # PostgreSQL stores no NUL in text; no article needs one
    given = {k: v.replace("\x00", "") if isinstance(v, str) else v for k, v in raw.given.items()}
    raw = raw.model_copy(update={"given": given})
    if not text.strip():
        raise BadInput("empty document")
    html = raw.kind == "html" or (raw.kind == "auto" and looks_like_html(text))
    check_html(text) if html else check_text(text)
    cleaned = clean_html(text, raw.url) if html else clean_text(text)
    if not cleaned.body.strip():
        raise BadInput("no article text found" + (" in the HTML" if html else ""))
    check_time()
    url = raw.url or (cleaned.meta.get("url") if html else None)
    middle = time.process_time()
    meta = extract_meta(text, cleaned.body, removed=cleaned.removed, url=url, cleaner_title=cleaned.title,
                        page_meta=cleaned.meta, given=raw.given, is_html=html)
    if cpu is not None:
        cpu["clean"] = cpu.get("clean", 0.0) + middle - start
        cpu["meta"] = cpu.get("meta", 0.0) + time.process_time() - middle
    return Article(id=str(raw.given.get("id") or article_id(cleaned.body, meta.title, meta.outlet)), source=raw.source,
                   url=url, title=meta.title, outlet=meta.outlet, agency=meta.agency, republisher=meta.republisher,
                   author=meta.author, published=meta.published,
                   published_from=meta.published_from,  # type: ignore[arg-type]
                   language=meta.language, body=cleaned.body, removed=cleaned.removed)


class InputFailed(Exception):
    """A source that could not be read or cleaned, raised by `load_articles(..., errors="raise")`."""

    def __init__(self, error: InputError) -> None:
        super().__init__(str(error))
        self.error = error
        self.source = error.source
        self.message = error.message


def load_articles(sources: Iterable[str], allow_private: bool = False, *, given: dict[str, Any] | None = None,
                  errors: Literal["yield", "raise"] = "yield") -> Iterator[Article | InputError]:
    """Cleaned Articles, one per document the sources stand for.

    A document that cannot be read is yielded as an `InputError` (source, message) in its
    place, so a batch goes on (`errors="yield"`, the default); with `errors="raise"` it is
    raised as `InputFailed` instead. `given` (title, outlet, published, ...) fills in the
    metadata a document does not carry itself, and wins over what would be inferred.
    """
    for item in _load(sources, allow_private, given or {}):
        if errors == "raise" and isinstance(item, InputError):
            raise InputFailed(item)
        yield item


def _load(sources: Iterable[str], allow_private: bool, given: dict[str, Any]) -> Iterator[Article | InputError]:
    for raw in read_documents(sources, allow_private=allow_private):
        if isinstance(raw, InputError):
            yield raw
            continue
        if given:
            raw.given = {**given, **raw.given}
        try:
            yield build_article(raw)
        except BadInput as exc:
            yield InputError(source=raw.source, message=str(exc))
        except Exception as exc:  # noqa: BLE001 - one bad document never stops a batch
            yield InputError(source=raw.source, message=f"{type(exc).__name__}: {exc}")
