"""`flashpoint demo`: the main job on the bundled sample corpus."""

from __future__ import annotations


def run_demo(db: str | None = None) -> None:
    raise NotImplementedError
