"""Bytes to text: refuse binary, honour a declared charset, detect legacy encodings (Windows-1251, Latin-1).

News pages arrive as UTF-8 mostly, but archives and old sites still serve Windows-1251 (Cyrillic) or
Latin-1/Windows-1252; decoding those as UTF-8 with replacement would silently garble names and quotes.
"""

from __future__ import annotations

import codecs
import gzip
import re
import zlib

MAX_DOCUMENT_BYTES = 32 * 1024 * 1024  # one article page; containers (JSONL, WARC) are streamed instead

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_BINARY_MAGIC = (
    b"%PDF-", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x7fELF", b"MZ", b"Rar!", b"7z\xbc\xaf",
    b"OggS", b"ID3", b"RIFF", b"\x00\x00\x01\x00", b"SQLite format 3",
)
# Control characters that never appear in text (tab, newlines, form feed and escape are allowed).
_CONTROL = bytes(sorted(set(range(0, 32)) - {9, 10, 12, 13, 27}))


class BadInput(ValueError):
    """Input that is not a readable document: the message says why, for the user."""


def is_gzip(data: bytes) -> bool:
    return data[:2] == b"\x1f\x8b"


def gunzip(data: bytes, limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    """Decompress at most `limit` bytes; a truncated or corrupt stream is a BadInput, not a crash."""
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = d.decompress(data, limit + 1)
    except zlib.error as exc:
        raise BadInput(f"corrupt gzip data ({exc})") from exc
    if len(out) > limit:
        raise BadInput(f"decompressed content is larger than the limit of {limit:,} bytes")
    if not d.eof:
        raise BadInput("truncated gzip file (the compressed stream ends early)")
    return out


def gunzip_file(path: str, limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    """Read a .gz file with the same limits as `gunzip`, without loading a bomb."""
    try:
        with gzip.open(path, "rb") as fh:
            out = fh.read(limit + 1)
    except EOFError as exc:
        raise BadInput("truncated gzip file (the compressed stream ends early)") from exc
    except (OSError, zlib.error) as exc:
        raise BadInput(f"corrupt gzip data ({exc})") from exc
    if len(out) > limit:
        raise BadInput(f"decompressed content is larger than the limit of {limit:,} bytes")
    return out


def declared_charset(data: bytes, content_type: str | None = None) -> str | None:
    """The charset an HTTP header or the page's own <meta> declares, if Python knows it."""
    candidates: list[str] = []
    if content_type:
        m = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", content_type, re.I)
        if m:
            candidates.append(m.group(1))
    m2 = _META_CHARSET.search(data[:4096])
    if m2:
        candidates.append(m2.group(1).decode("ascii", "ignore"))
    for name in candidates:
        try:
            return codecs.lookup(name).name
        except LookupError:
            continue
    return None


def looks_binary(data: bytes) -> bool:
    """NUL bytes, a known binary file signature, or many control characters: not a text document."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if any(data.startswith(magic) for magic in _BINARY_MAGIC) or b"\x00" in data[:65536]:
        return True
    sample = data[:65536]
    controls = len(sample) - len(sample.translate(None, _CONTROL))  # counted in C, not byte by byte
    return controls > max(8, len(sample) // 100)


def decode_bytes(data: bytes, content_type: str | None = None) -> str:
    """Text of a document: BOM, then a declared charset, then UTF-8, then detection among legacy encodings."""
    if not data.strip():
        raise BadInput("empty document")
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc).lstrip("\ufeff")
            except UnicodeDecodeError as exc:
                raise BadInput(f"invalid {enc} text after its byte-order mark") from exc
    if looks_binary(data):
        raise BadInput("binary content, not a text or HTML document")
    declared = declared_charset(data, content_type)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared and declared not in ("utf-8", "ascii"):
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass
    return _detect(data)


def _extended_latin(text: str) -> int:
    return sum(1 for ch in text if "\u0100" <= ch <= "\u017f")


def _detect(data: bytes) -> str:
    """The detector's best encoding; among those that read as cleanly (cp1250 and cp1252 read Spanish Latin-1
    just as well), the one whose letters fit the language it found: Latin Extended-A ("ř", "ł") only for a language
    that writes them, so "Muñoz" in Latin-1 does not become "Muńoz"."""
    from charset_normalizer import from_bytes
    from charset_normalizer.constant import FREQUENCIES

    found = list(from_bytes(data[:262144]))
    best = found[0] if found else None
    if best is not None and best.language in FREQUENCIES:
        tied = [m for m in found if m.chaos == best.chaos]
        writes_extended = any("\u0100" <= ch <= "\u017f" for ch in FREQUENCIES[best.language])
        sign = 1 if writes_extended else -1
        best = max(tied, key=lambda m: sign * _extended_latin(str(m)))  # the first of the best on a tie
    if best is not None and best.encoding:
        try:
            return data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    # Windows-1252 decodes almost any byte string; only reached when detection gave up.
    text = data.decode("cp1252", errors="replace")
    if text.count("\ufffd") > max(4, len(text) // 200):
        raise BadInput("undecodable text: not UTF-8 and no known encoding fits")
    return text
