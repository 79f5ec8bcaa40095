"""The conflicts flashpoint knows, as data: resources/conflicts/*.yaml, one file per conflict.

Each names its two sides (in lean order), the usage each stands for, the name its people and forces go
by in figures and the words that name it, plus other parties figures are given for. The claims read the
parties (whose troops a figure counts), the framing view reads the sides and anchors (whose usage an
outlet follows): adding a crisis is a file, not code.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from typing import Any

import yaml


@lru_cache(maxsize=1)
def load() -> list[dict[str, Any]]:
    """The conflicts in their `order`."""
    folder = files("flashpoint") / "resources" / "conflicts"
    found = [yaml.safe_load(f.read_text(encoding="utf-8")) for f in folder.iterdir() if f.name.endswith(".yaml")]
    return sorted((c for c in found if c and c.get("name")), key=lambda c: (c.get("order", 99), c["name"]))


def _parties() -> list[tuple[str, dict[str, Any]]]:
    out = []
    for conflict in load():
        for side in (conflict.get("sides") or {}).values():
            out.append((str(side["party"]), side))
        for name, party in (conflict.get("parties") or {}).items():
            out.append((str(name), party or {}))
    return out


@lru_cache(maxsize=1)
def party_names() -> dict[str, tuple[str, ...]]:
    """Party -> the words that name it in a figure's subject ("Russian": russian, russians, russia, ...)."""
    out: dict[str, tuple[str, ...]] = {}
    for party, data in _parties():
        out[party] = tuple(dict.fromkeys([*out.get(party, ()), *(str(n).lower() for n in data.get("names") or [])]))
    return out


@lru_cache(maxsize=1)
def near_words() -> dict[str, str]:
    """Word -> party, for the side named nearest a figure in its sentence (names and seats: "Kyiv says ...")."""
    out: dict[str, str] = {}
    for party, data in _parties():
        for word in [*(data.get("names") or []), *(data.get("near") or [])]:
            out.setdefault(str(word).lower(), party)
    return out
