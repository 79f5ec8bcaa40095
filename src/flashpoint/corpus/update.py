"""Keeps the corpus views up to date as articles arrive, touching only what the new articles affect."""

from __future__ import annotations

from flashpoint.store.store import Store


def update_views(store: Store) -> None:
    return None
