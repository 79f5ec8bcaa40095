"""Actor resolution: names, demonyms, capitals as metonyms, roles, IGOs and armed groups to PLOVER codes."""

from __future__ import annotations

from flashpoint.model import Actor, Place


def resolve_actor(text: str, context: str | None = None) -> Actor | None:
    """The actor a mention refers to ("the Kremlin", "Kyiv", "pro-Russia separatists"), or None."""
    return None


def resolve_place(text: str) -> Place | None:
    """A gazetteer place with its country, or None."""
    return None
