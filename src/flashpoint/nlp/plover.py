"""PLOVER ontology facts (resources/plover.yaml): types, modes, scores, old names."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

from flashpoint.yamlio import load_yaml


@lru_cache(maxsize=1)
def ontology() -> dict[str, Any]:
    text = resources.files("flashpoint.resources").joinpath("plover.yaml").read_text("utf-8")
    data: dict[str, Any] = load_yaml(text)
    return data


def plover_score(type_: str, mode: str | None = None) -> float:
    """The manual's conflict-cooperation score for a type and mode."""
    info = ontology()["types"].get(type_)
    if not info:
        return 0.0
    if mode and mode in (info.get("modes") or {}):
        return float(info["modes"][mode])
    return float(info["score"])


def canonical_type(name: str) -> str:
    """Current PLOVER name for an old one (DEMAND -> REQUEST, FIGHT -> ASSAULT, ...)."""
    upper = name.strip().upper()
    old: dict[str, str] = ontology()["old_names"]
    return old.get(upper, upper)
