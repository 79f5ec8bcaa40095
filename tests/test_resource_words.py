"""Word lists in resources/ hold words: YAML reads a bare on, off, no, yes or y as a boolean, so a list that
says `[for, on, with]` silently loses "on" (it held "to put pressure on Russia" from its recipient once)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from flashpoint.yamlio import load_yaml

ROOT = Path(str(resources.files("flashpoint.resources").joinpath("countries.yaml"))).parent
FILES = sorted(ROOT.rglob("*.yaml"))


def booleans_in_lists(node: Any, path: str = "") -> list[str]:
    """Where a list holds true or false: no list of words, examples or patterns means a boolean."""
    if isinstance(node, dict):
        return [hit for k, v in node.items() for hit in booleans_in_lists(v, f"{path}/{k}")]
    if isinstance(node, list):
        return [f"{path}[{i}]" for i, v in enumerate(node) if isinstance(v, bool)] + \
            [hit for v in node for hit in booleans_in_lists(v, path)]
    return []


def test_the_check_finds_a_bare_on() -> None:
    assert booleans_in_lists({"words": ["for", True, "with"]}) == ["/words[1]"]
    assert booleans_in_lists({"words": ["for", "on", "with"], "flag": True}) == []


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_word_list_holds_a_boolean(path: Path) -> None:
    assert booleans_in_lists(load_yaml(path.read_text("utf-8"))) == []
