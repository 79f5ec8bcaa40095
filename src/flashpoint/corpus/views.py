"""The corpus views as rows: what the CLI prints and the API serves."""

from __future__ import annotations

from typing import Any

from flashpoint.store.store import Store

Rows = list[dict[str, Any]]


def stories(store: Store, **filters: Any) -> Rows:
    return []


def claims(store: Store, **filters: Any) -> Rows:
    return []


def timeline(store: Store, **filters: Any) -> Rows:
    return []


def framing(store: Store, **filters: Any) -> Rows:
    return []


def escalation(store: Store, **filters: Any) -> Rows:
    return []
