"""Readers that turn a source spec (file, directory, `-`, URL, feed, JSONL, WARC) into RawDocuments.

Every reader yields documents and errors side by side: a bad file, line, record or entry becomes one
InputError naming it, and the rest of the batch goes on.
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO, Literal
from urllib.parse import urljoin

from flashpoint.ingest.decode import MAX_DOCUMENT_BYTES, BadInput, decode_bytes, gunzip, gunzip_file
from flashpoint.ingest.fetch import FetchError, fetch
from flashpoint.model import InputError, RawDocument

Kind = Literal["html", "text", "auto"]
Item = RawDocument | InputError

DOCUMENT_SUFFIXES: dict[str, Kind] = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html",
                                      ".xhtml": "html"}
FEED_SUFFIXES = (".rss", ".atom", ".xml")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
WARC_SUFFIXES = (".warc", ".warc.gz")
GIVEN_FIELDS = ("id", "url", "title", "outlet", "published", "agency", "author", "language", "republisher", "fetched")
MAX_FEED_ENTRIES = 500

_FEED_START = re.compile(rb"<(rss|feed|rdf:RDF)\b", re.I)
_HTML_START = re.compile(r"<(!doctype\s+html|html|head|body|article|div|p|meta|title|span|h1)\b", re.I)


def looks_like_html(text: str) -> bool:
    """Whether a document of unknown kind is HTML: tags near its start."""
    return bool(_HTML_START.search(text[:5000]))


def is_url(spec: str) -> bool:
    return bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", spec))


def iter_source(spec: str, allow_private: bool = False) -> Iterator[Item]:
    """All documents one source spec stands for."""
    if spec == "-":
        yield from read_stdin()
    elif is_url(spec):
        yield from read_url(spec, allow_private)
    else:
        path = Path(spec)
        if path.is_dir():
            yield from read_directory(path, allow_private)
        elif path.exists():
            yield from read_file(path, allow_private)
        else:
            yield InputError(source=spec, message="no such file or directory")


def supported(name: str) -> bool:
    """Whether a directory walk picks this file up."""
    name = name.lower()
    base = name[:-3] if name.endswith(".gz") else name
    return (name.endswith(JSONL_SUFFIXES + WARC_SUFFIXES + FEED_SUFFIXES)
            or os.path.splitext(base)[1] in DOCUMENT_SUFFIXES)


NO_FILES = "no supported files in directory (.txt, .html, .htm, .html.gz, .jsonl, .warc, .warc.gz, .rss, .atom, .xml)"


def directory_files(root: Path) -> Iterator[Path]:
    """Supported files under a directory, recursively, in name order; hidden entries are skipped."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith(".") and supported(name):
                yield Path(dirpath) / name


def read_directory(root: Path, allow_private: bool = False) -> Iterator[Item]:
    found = False
    for path in directory_files(root):
        found = True
        yield from read_file(path, allow_private)
    if not found:
        yield InputError(source=str(root), message=NO_FILES)


def read_file(path: Path, allow_private: bool = False) -> Iterator[Item]:
    name = path.name.lower()
    source = str(path)
    try:
        if name.endswith(JSONL_SUFFIXES):
            yield from read_jsonl(path)
            return
        if name.endswith(WARC_SUFFIXES):
            yield from read_warc(path)
            return
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            yield InputError(source=source, message=f"file is {size:,} bytes, larger than the limit of "
                             f"{MAX_DOCUMENT_BYTES:,} bytes for one document; not read")
            return
        data = gunzip_file(source) if name.endswith(".gz") else path.read_bytes()
    except BadInput as exc:
        yield InputError(source=source, message=str(exc))
        return
    except OSError as exc:
        yield InputError(source=source, message=f"cannot read: {exc.strerror or exc}")
        return
    base = name[:-3] if name.endswith(".gz") else name
    if base.endswith(FEED_SUFFIXES):
        if looks_like_feed(data):
            yield from read_feed(source, data, allow_private)
            return
        if not base.endswith(".xml") or not looks_like_html(data[:4096].decode("latin-1")):
            yield InputError(source=source, message="not an RSS or Atom feed")
            return
    yield document(source, data, DOCUMENT_SUFFIXES.get(os.path.splitext(base)[1], "auto"))


def read_stdin(stream: BinaryIO | None = None) -> Iterator[Item]:
    """`-`: one document from standard input, bounded like a file."""
    stream = stream or sys.stdin.buffer
    data = stream.read(MAX_DOCUMENT_BYTES + 1)
    if len(data) > MAX_DOCUMENT_BYTES:
        yield InputError(source="-", message=f"standard input is larger than the limit of {MAX_DOCUMENT_BYTES:,} bytes")
        return
    if data[:2] == b"\x1f\x8b":
        try:
            data = gunzip(data)
        except BadInput as exc:
            yield InputError(source="-", message=str(exc))
            return
    if looks_like_feed(data):
        yield InputError(source="-", message="feeds are read from a file or URL, not standard input")
        return
    yield document("-", data, "auto")


def document(source: str, data: bytes, kind: Kind, *, url: str | None = None, content_type: str | None = None,
             given: dict[str, Any] | None = None) -> Item:
    """A RawDocument with its text decoded, or the InputError saying why it cannot be read."""
    try:
        text = decode_bytes(data, content_type)
    except BadInput as exc:
        return InputError(source=source, message=str(exc))
    return RawDocument(source=source, content=text, kind=kind, url=url, given=given or {})


def _lines(fh: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines, each read with a bound; a line over the bound comes back as None and is skipped."""
    lineno = 0
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        lineno += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while True:
                rest = fh.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield lineno, None
            continue
        yield lineno, line


def read_jsonl(path: Path) -> Iterator[Item]:
    """Records `{id, text|html, url?, published?, outlet?, title?}`; a bad line names file:line."""
    import gzip

    opener: Any = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        with opener(path, "rb") as fh:
            for lineno, line in _lines(fh, MAX_DOCUMENT_BYTES):
                where = f"{path}:{lineno}"
                if line is None:
                    yield InputError(source=where, message=f"line is larger than the limit of {MAX_DOCUMENT_BYTES:,} bytes")
                elif line.strip():
                    yield jsonl_record(where, line)
    except (OSError, EOFError) as exc:
        yield InputError(source=str(path), message=f"cannot read further: {exc}")


def jsonl_record(where: str, line: bytes) -> Item:
    try:
        rec = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return InputError(source=where, message=f"not valid JSON: {getattr(exc, 'msg', exc)}")
    if not isinstance(rec, dict):
        return InputError(source=where, message="a JSONL record must be an object")
    body = rec.get("html") if isinstance(rec.get("html"), str) and rec.get("html") else rec.get("text")
    if not isinstance(body, str) or not body.strip():
        return InputError(source=where, message="record has no \"text\" or \"html\" string")
    given = {k: rec[k] for k in GIVEN_FIELDS if rec.get(k) not in (None, "", [])}
    if "id" in given:
        given["id"] = str(given["id"])
    kind: Kind = "html" if body is rec.get("html") else "text"
    url = given.get("url") if isinstance(given.get("url"), str) else None
    return RawDocument(source=where, content=body, kind=kind, url=url, given=given)


def gzip_complete(path: Path) -> bool:
    """Whether a (multi-member) gzip file ends properly; warcio silently stops at a cut instead."""
    import zlib

    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    in_member = False
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            data = chunk
            while data:
                try:
                    d.decompress(data, 1 << 16)  # bounded output: only the stream's framing matters
                except zlib.error:
                    return False
                in_member = True
                if d.eof:
                    data = d.unused_data
                    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
                    in_member = False
                else:
                    data = d.unconsumed_tail
    return not in_member


def read_warc(path: Path) -> Iterator[Item]:
    """HTML (and plain-text) response records of a WARC file; a broken file ends with one error.

    In a truncated .warc.gz the last record read may be cut short: it is reported, not analysed.
    """
    from warcio.archiveiterator import ArchiveIterator

    truncated = path.name.lower().endswith(".gz") and not gzip_complete(path)
    count = 0
    pending: Item | None = None  # held back one record: a truncated file's last one is not analysed
    try:
        with open(path, "rb") as fh:
            for uri, kind, ctype, record in _page_records(ArchiveIterator(fh)):
                source = f"{path}#{uri or count + 1}"
                data = record.content_stream().read(MAX_DOCUMENT_BYTES + 1)
                count += 1
                if pending is not None:
                    yield pending
                pending = _warc_document(source, data, kind, uri, ctype, record.rec_headers.get_header("WARC-Date"))
    except Exception as exc:  # noqa: BLE001 - warcio raises many kinds on truncated or corrupt files
        if pending is not None:
            yield pending
        yield InputError(source=str(path), message=f"corrupt or truncated WARC file after {count} records: "
                         f"{type(exc).__name__}: {exc}")
        return
    yield from _warc_ending(path, truncated, pending, count)


def _page_records(records: Iterable[Any]) -> Iterator[tuple[str, Kind, str, Any]]:
    """(target URI, kind, content type, record) of each successful HTML or plain-text response or resource:
    the records worth reading."""
    for record in records:
        if record.rec_type not in ("response", "resource"):
            continue
        uri = record.rec_headers.get_header("WARC-Target-URI") or ""
        ctype = _record_content_type(record)
        if ctype is None:
            continue
        kind = content_kind(ctype)
        if kind is not None:
            yield uri, kind, ctype, record


def _record_content_type(record: Any) -> str | None:
    """The record's content type ('' when it gives none); None for an HTTP response that is no success."""
    if record.http_headers is None:
        return record.rec_headers.get_header("Content-Type") or ""
    status = record.http_headers.get_statuscode()
    if status and not status.startswith("2"):
        return None
    return record.http_headers.get_header("Content-Type") or ""


def _warc_document(source: str, data: bytes, kind: Kind, uri: str, ctype: str, captured: str | None = None) -> Item:
    """One record's document, or an error when it is over the size limit (read one byte past it to know).
    Its WARC-Date, when the page was captured, is given as "fetched"."""
    if len(data) > MAX_DOCUMENT_BYTES:
        return InputError(source=source, message=f"record is larger than the limit of {MAX_DOCUMENT_BYTES:,} bytes")
    return document(source, data, kind, url=uri or None, content_type=ctype,
                    given={"fetched": captured} if captured else None)


def _warc_ending(path: Path, truncated: bool, pending: Item | None, count: int) -> Iterator[Item]:
    """The held-back last record and the file's closing error: a cut gzip stream, or no page at all."""
    if truncated:
        last = f" (the last record read, {pending.source}, may be cut short and is skipped)" if pending else ""
        yield InputError(source=str(path), message=f"truncated WARC file (the gzip stream ends early){last}")
        return
    if pending is not None:
        yield pending
    if not count:
        yield InputError(source=str(path), message="no HTML response records in WARC file")


def content_kind(content_type: str) -> Kind | None:
    """The reader an HTTP Content-Type asks for ('html' or 'text'), None for one we cannot read. Public: the watcher
    (watch/poll.py) fetches its pages itself, with a source's timeout, and reads them by the same rule."""
    ctype = content_type.split(";")[0].strip().lower()
    if ctype in ("text/html", "application/xhtml+xml"):
        return "html"
    if ctype == "text/plain":
        return "text"
    return None


def looks_like_feed(data: bytes) -> bool:
    head = data[:2048]
    return head.lstrip().startswith(b"<?xml") and bool(_FEED_START.search(head)) or bool(
        re.match(rb"\s*(<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b", head, re.S | re.I))


def read_url(url: str, allow_private: bool = False) -> Iterator[Item]:
    """A page, or a feed whose entries' pages are each fetched under the same guard."""
    try:
        got = fetch(url, allow_private)
    except FetchError as exc:
        yield InputError(source=url, message=str(exc))
        return
    ctype = got.content_type.lower()
    if "rss" in ctype or "atom" in ctype or looks_like_feed(got.content):
        yield from read_feed(url, got.content, allow_private)
        return
    kind = content_kind(ctype) if ctype else "auto"
    if kind is None:
        yield InputError(source=url, message=f"unsupported content type {ctype.split(';')[0]!r}")
        return
    yield document(url, got.content, kind, url=got.final_url, content_type=got.content_type, given=got.with_fetched())


def read_feed(source: str, data: bytes, allow_private: bool = False) -> Iterator[Item]:
    """RSS/Atom: each entry's page, with the entry's title and date kept as given."""
    import feedparser

    parsed = feedparser.parse(io.BytesIO(data))
    entries = list(parsed.entries)
    if len(entries) > MAX_FEED_ENTRIES:
        yield InputError(source=source, message=f"feed has {len(entries):,} entries: only the first "
                         f"{MAX_FEED_ENTRIES} are fetched, the other {len(entries) - MAX_FEED_ENTRIES:,} are not")
        entries = entries[:MAX_FEED_ENTRIES]
    if not entries:
        why = f": {parsed.get('bozo_exception')}" if parsed.get("bozo") else ""
        yield InputError(source=source, message=f"feed has no entries{why}")
        return
    for n, entry in enumerate(entries, 1):
        link = entry.get("link")
        if link and is_url(source) and not is_url(link):
            link = urljoin(source, link)
        if not link:
            yield InputError(source=f"{source}#entry{n}", message="feed entry has no link")
            continue
        given: dict[str, Any] = {}
        if entry.get("title"):
            given["title"] = str(entry["title"]).strip()
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        if when:
            given["published"] = date(when.tm_year, when.tm_mon, when.tm_mday).isoformat()
        try:
            got = fetch(link, allow_private)
        except FetchError as exc:
            yield InputError(source=link, message=str(exc))
            continue
        kind = content_kind(got.content_type) if got.content_type else "auto"
        if kind is None:
            yield InputError(source=link, message=f"unsupported content type {got.content_type.split(';')[0]!r}")
            continue
        yield document(link, got.content, kind, url=got.final_url, content_type=got.content_type,
                       given=got.with_fetched(given))
