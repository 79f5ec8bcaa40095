"""Large regular expressions compiled once per machine, not once per process: their compiled code is kept in the
YAML cache's folder and handed back to the regular-expression engine.

Python's `re` parses and compiles a pattern in Python: the date finder's 48 rules and the language files' patterns,
thousands of characters each, took 0.15-0.2 s CPU of every process's first analysis (issue 11). The code `re` makes
depends only on the pattern's text, its flags and the engine (its version, `_sre.MAGIC`), all of which key the
entry: an edited pattern is another key, never a stale entry. The engine checks the code it is given (`_sre.compile`
rejects code that is not well formed), entries another user owns are not read (`yamlio.own_entry`), and anything
that fails (no cache, a broken entry, an interpreter whose `re` is built otherwise) compiles the pattern as `re`
does, silently.
"""

from __future__ import annotations

import hashlib
import importlib
import marshal
import re
import sys
from pathlib import Path
from typing import Any

from flashpoint.yamlio import cache_dir, own_entry, write_whole

try:  # the engine and the compiler `re.compile` runs; absent or built otherwise, patterns compile as usual
    _sre: Any = importlib.import_module("_sre")
    _parser: Any = importlib.import_module("re._parser")
    _compiler: Any = importlib.import_module("re._compiler")
    _ENGINE: str | None = f"{sys.implementation.name}-{sys.version}-{_sre.MAGIC}-{_sre.CODESIZE}-{marshal.version}"
except (ImportError, AttributeError):
    _ENGINE = None


def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """re.compile(pattern, flags), its code read from the cache when this interpreter compiled it before."""
    flags = int(flags)  # a RegexFlag is no int marshal writes
    path = _entry_path(pattern, flags)
    if path is None:
        return re.compile(pattern, flags)
    entry = own_entry(path)
    if entry is not None:
        try:
            found: re.Pattern[str] = _sre.compile(pattern, *marshal.loads(entry))
            return found
        except (ValueError, TypeError, EOFError, RuntimeError):  # a broken entry or of another shape: compile again
            pass
    try:
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        # plain ints: the compiler's opcodes are an int subclass, which marshal does not write
        fields = (int(flags | parsed.state.flags), [int(c) for c in code], int(parsed.state.groups - 1),
                  {str(k): int(v) for k, v in groupindex.items()}, tuple(indexgroup))
        made: re.Pattern[str] = _sre.compile(pattern, *fields)
        blob = marshal.dumps(fields)
    except Exception:  # noqa: BLE001 - an interpreter whose compiler differs: its own re.compile
        return re.compile(pattern, flags)
    write_whole(path, blob)
    return made


def _entry_path(pattern: str, flags: int) -> Path | None:
    folder = cache_dir()
    if folder is None or _ENGINE is None:
        return None
    key = f"{_ENGINE}\0{flags}\0{pattern}".encode("utf-8", "surrogatepass")
    return folder / "re" / f"{hashlib.blake2b(key, digest_size=20).hexdigest()}.marshal"
