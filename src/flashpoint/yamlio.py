"""Reading the package's YAML resources: libyaml's C loader when PyYAML has it (7x faster at start-up), and a cache
of each text's parsed data on disk, read back with `marshal`.

Even with the C loader, PyYAML builds every value in Python: the three dozen resource files an analysis reads took
0.14-0.19 s CPU of the first pass over 40 pages, every process. The data of a text is kept under the hash of that
text (a changed file is another key: no stale entry is ever read), in `FLASHPOINT_CACHE` (default
`$XDG_CACHE_HOME/flashpoint`, else `~/.cache/flashpoint`; an empty value turns the cache off), and read back in
0.004 s. marshal reads plain data only (no code runs, as pickle's could); the dates a file states are stored as
tagged tuples, which safe YAML never gives. A cache that cannot be read or written is parsed around, silently, and
so is an entry of the wrong shape or one another user owns (marshal is not meant for data from others: a cache folder
several users share, as FLASHPOINT_CACHE=/tmp/x may be, is read only for one's own entries). Entries are never
removed: an edited resource leaves its old entry behind, and deleting the folder is always safe.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import marshal
import os
import tempfile
from pathlib import Path
from typing import IO, Any

import yaml

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Loader = yaml.SafeLoader

_FORMAT = f"flashpoint-yaml-1-marshal-{marshal.version}-pyyaml-{yaml.__version__}"
_DATE, _DATETIME = "\0date", "\0datetime"  # tags of the tuples that stand for dates in the cache


def load_yaml(stream: str | bytes | IO[str] | IO[bytes]) -> Any:
    """yaml.safe_load, through the C loader where available (same safe subset of YAML), from the cache when this
    exact text was parsed before."""
    text = stream if isinstance(stream, (str, bytes)) else stream.read()
    path = _cache_path(text)
    if path is not None:
        found = _entry(path)
        if found is not _MISSING:
            return found
    data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader
    if path is not None:
        _store(path, data)
    return data


_MISSING = object()  # no usable entry: parse the text


def _entry(path: Path) -> Any:
    """The data a cache entry holds, or _MISSING where there is none to trust: no entry yet, one cut short or of
    another shape than `_store` writes, or one another user owns."""
    try:
        with path.open("rb") as fh:
            if hasattr(os, "getuid") and os.fstat(fh.fileno()).st_uid != os.getuid():
                return _MISSING
            entry = marshal.loads(fh.read())
        if not (isinstance(entry, tuple) and len(entry) == 2 and isinstance(entry[0], bool)):
            return _MISSING
        dated, data = entry
        return _restored(data) if dated else data
    except (OSError, ValueError, EOFError, TypeError, IndexError):
        return _MISSING


def _cache_dir() -> Path | None:
    """FLASHPOINT_CACHE (empty: none), else the user's cache folder. A relative XDG_CACHE_HOME is ignored, as the XDG
    spec says, and with no home folder known (no HOME and no password entry: "~" stays "~") there is no cache, not
    one made in whatever folder the process runs in."""
    spec = os.environ.get("FLASHPOINT_CACHE")
    if spec is not None:
        return Path(spec) if spec.strip() else None
    xdg = os.environ.get("XDG_CACHE_HOME") or ""
    base = xdg if os.path.isabs(xdg) else os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "flashpoint" if os.path.isabs(base) else None


def _cache_path(text: str | bytes) -> Path | None:
    folder = _cache_dir()
    if folder is None:
        return None
    raw = text.encode("utf-8") if isinstance(text, str) else b"\0bytes" + text
    return folder / "yaml" / f"{hashlib.blake2b(_FORMAT.encode() + raw, digest_size=20).hexdigest()}.marshal"


def _store(path: Path, data: Any) -> None:
    """Write the entry whole or not at all (a temporary file renamed): a reader, or another process writing the same
    entry at once, never sees half of one; a write that fails leaves no temporary file behind."""
    try:
        blob = marshal.dumps((False, data))
    except ValueError:  # a date: marshal holds none
        try:
            blob = marshal.dumps((True, _tagged(data)))
        except ValueError:  # a value marshal cannot hold (a date in a set): no entry
            return
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(blob)
        os.replace(tmp, path)
    except OSError:  # a folder not writable, a disk full: no entry
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _tagged(node: Any) -> Any:
    """The data with each date as a tagged tuple (marshal holds no date)."""
    if isinstance(node, dict):
        return {_tagged(k): _tagged(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_tagged(v) for v in node]
    if isinstance(node, dt.datetime):
        return (_DATETIME, node.isoformat())
    if isinstance(node, dt.date):
        return (_DATE, node.isoformat())
    return node


def _restored(node: Any) -> Any:
    """The data as YAML gave it: each tagged tuple a date again (walked only for an entry that holds a date)."""
    if isinstance(node, dict):
        return {_restored(k): _restored(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_restored(v) for v in node]
    if isinstance(node, tuple):
        return dt.datetime.fromisoformat(node[1]) if node[0] == _DATETIME else dt.date.fromisoformat(node[1])
    return node
