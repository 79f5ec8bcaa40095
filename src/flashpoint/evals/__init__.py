"""Scoring against gold sets: `flashpoint eval SUITE PATH`."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

SUITES = {
    "article-extraction": "flashpoint.evals.article_extraction",
    "datetime": "flashpoint.evals.datetime_eval",
    "seeds": "flashpoint.evals.seeds",
    "plover": "flashpoint.evals.plover",
    "events": "flashpoint.evals.events",
    "stories": "flashpoint.evals.stories",
    "realnews": "flashpoint.evals.realnews",
}


def run_suite(suite: str, path: Path, **options: Any) -> dict[str, Any]:
    if suite not in SUITES:
        raise KeyError(f"unknown suite {suite!r}: choose one of {', '.join(SUITES)}")
    if not Path(path).exists():
        raise FileNotFoundError(f"{path}: no such file or folder")
    module = importlib.import_module(SUITES[suite])
    scores: dict[str, Any] = module.run(Path(path), **options)
    return scores
