"""One poll of one source: a conditional GET of the feed or sitemap (or a scan of the folder), the items
it lists, and each new item's page turned into Articles, every fetch under the ingest URL guard.
"""

from __future__ import annotations

import hashlib
import io
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from flashpoint.ingest.decode import BadInput
from flashpoint.ingest.fetch import FetchError, fetch
from flashpoint.ingest.pipeline import build_article
from flashpoint.ingest.sources import content_kind, document, looks_like_feed, read_file, supported
from flashpoint.model import Article, InputError, RawDocument
from flashpoint.watch.config import Source, WatchConfig

MAX_ITEMS_PER_POLL = 500
MAX_CHILD_SITEMAPS = 20


class PollError(Exception):
    """The source itself could not be read (the whole poll fails and the source backs off)."""


@dataclass
class Item:
    key: str  # stable identity of the item within its source
    link: str | None  # page URL, or file path for folders
    given: dict[str, Any] = field(default_factory=dict)  # title, published from the feed


@dataclass
class Listing:
    items: list[Item]
    not_modified: bool = False
    etag: str | None = None
    last_modified: str | None = None


def _key(*parts: object) -> str:
    return hashlib.sha256("\n".join(str(p) for p in parts).encode()).hexdigest()[:32]


def _get(url: str, source: Source, config: WatchConfig, conditional: dict[str, str] | None = None) -> Any:
    try:
        return fetch(url, config.allow_private, timeout=source.timeout_s, trusted_hosts=config.trusted_hosts,
                     conditional=conditional)
    except FetchError as exc:
        raise PollError(str(exc)) from exc


def list_items(source: Source, config: WatchConfig, etag: str | None = None,
               last_modified: str | None = None) -> Listing:
    """What the source lists now; with validators, a 304 means nothing changed."""
    if source.kind == "folder":
        return Listing(scan_folder(Path(source.target)))
    conditional = {}
    if etag:
        conditional["If-None-Match"] = etag
    if last_modified:
        conditional["If-Modified-Since"] = last_modified
    got = _get(source.target, source, config, conditional)
    if got.status == 304:
        return Listing([], not_modified=True, etag=etag, last_modified=last_modified)
    headers = {k.lower(): v for k, v in got.headers.items()}
    listing = Listing([], etag=headers.get("etag"), last_modified=headers.get("last-modified"))
    head = got.content[:4096].lower()
    if b"<urlset" in head or b"<sitemapindex" in head:
        listing.items = sitemap_items(source, config, got.content, got.final_url)
    elif looks_like_feed(got.content) or source.kind == "feed":
        listing.items = feed_items(got.content, got.final_url)
    else:
        raise PollError("not a sitemap (no <urlset> or <sitemapindex>)")
    return listing


def feed_items(data: bytes, base_url: str) -> list[Item]:
    """RSS/Atom entries: identity from the entry id (else its link), title and date kept as given."""
    import feedparser

    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.entries and parsed.get("bozo"):
        raise PollError(f"not an RSS or Atom feed: {parsed.get('bozo_exception')}")
    items = []
    for entry in list(parsed.entries)[:MAX_ITEMS_PER_POLL]:
        link = entry.get("link")
        if link:
            link = urljoin(base_url, link)
        ident = entry.get("id") or link
        if not ident:
            continue
        given: dict[str, Any] = {}
        if entry.get("title"):
            given["title"] = str(entry["title"]).strip()
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        if when:
            given["published"] = date(when.tm_year, when.tm_mon, when.tm_mday).isoformat()
        items.append(Item(key=_key("entry", ident), link=link, given=given))
    return items


def _xml_root(data: bytes) -> Any:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True)
    try:
        return etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise PollError(f"not valid sitemap XML: {exc}") from exc


def _local(tag: Any) -> str:
    return str(tag).rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def sitemap_items(source: Source, config: WatchConfig, data: bytes, base_url: str, depth: int = 0) -> list[Item]:
    """<url><loc> entries (with news:title and a publication or lastmod date); an index is followed once."""
    root = _xml_root(data)
    if root is None:
        raise PollError("empty sitemap")
    if _local(root.tag) == "sitemapindex":
        if depth:
            return []
        items: list[Item] = []
        for loc in [el.text.strip() for el in root.iter() if _local(el.tag) == "loc" and el.text][:MAX_CHILD_SITEMAPS]:
            child = _get(urljoin(base_url, loc), source, config)
            items.extend(sitemap_items(source, config, child.content, child.final_url, depth + 1))
        return items[:MAX_ITEMS_PER_POLL]
    items = []
    for url_el in root:
        if _local(url_el.tag) != "url":
            continue
        fields = {_local(el.tag): (el.text or "").strip() for el in url_el.iter()}
        loc = fields.get("loc")
        if not loc:
            continue
        given: dict[str, Any] = {}
        if fields.get("title"):
            given["title"] = fields["title"]
        when = fields.get("publication_date") or fields.get("lastmod")
        if when and len(when) >= 10:
            try:
                given["published"] = date.fromisoformat(when[:10]).isoformat()
            except ValueError:
                pass
        items.append(Item(key=_key("loc", loc), link=urljoin(base_url, loc), given=given))
    return items[:MAX_ITEMS_PER_POLL]


def scan_folder(root: Path) -> list[Item]:
    """Supported files under the folder; a file changed in place (size or time) is a new item."""
    if not root.is_dir():
        raise PollError(f"{root}: no such folder")
    items = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or not supported(name):
                continue
            path = Path(dirpath) / name
            try:
                st = path.stat()
            except OSError:
                continue  # removed while scanning
            items.append(Item(key=_key("file", path, st.st_size, st.st_mtime_ns), link=str(path)))
    return items


def _given(source: Source, item: Item) -> dict[str, Any]:
    given = dict(item.given)
    if source.outlet:
        given["outlet"] = source.outlet
    if source.language:
        given["language"] = source.language
    return given


def _article(raw: RawDocument | InputError) -> Article | InputError:
    if isinstance(raw, InputError):
        return raw
    try:
        return build_article(raw)
    except BadInput as exc:
        return InputError(source=raw.source, message=str(exc))
    except Exception as exc:  # noqa: BLE001 - one bad document never stops a poll
        return InputError(source=raw.source, message=f"{type(exc).__name__}: {exc}")


def item_articles(source: Source, item: Item, config: WatchConfig) -> list[Article | InputError]:
    """The Articles behind one item: its page fetched under the guard, or its file read."""
    if item.link is None:
        return [InputError(source=source.target, message="feed entry has no link")]
    given = _given(source, item)
    if source.kind == "folder":
        out = []
        for raw in read_file(Path(item.link), config.allow_private):
            if isinstance(raw, RawDocument):
                raw.given = {**raw.given, **{k: v for k, v in given.items() if k not in raw.given}}
            out.append(_article(raw))
        return out
    try:
        got = fetch(item.link, config.allow_private, timeout=source.timeout_s, trusted_hosts=config.trusted_hosts)
    except FetchError as exc:
        return [InputError(source=item.link, message=str(exc))]
    kind = content_kind(got.content_type) if got.content_type else "auto"
    if kind is None:
        return [InputError(source=item.link,
                           message=f"unsupported content type {got.content_type.split(';')[0]!r}")]
    return [_article(document(item.link, got.content, kind, url=got.final_url, content_type=got.content_type,
                              given=got.with_fetched(given)))]
