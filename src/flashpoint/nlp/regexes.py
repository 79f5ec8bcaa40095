"""Regular-expression building blocks shared by the extractors."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any


def alternation(words: Iterable[str], space: str | None = None) -> str:
    """A pattern matching any of `words`, longest first; `space`, if given, is what a space
    in a word matches (r"\\s+").

    It behaves as "|".join(map(re.escape, sorted(words, key=len, reverse=True))): at any
    position the words that match are prefixes of one another, and both try the longest of
    them first. Written as a trie, though: at each character the engine follows the one
    branch that character opens instead of testing dozens of words in turn. (Under re.I this
    holds for words without two spellings of one letter: lower-case ASCII words.)
    """
    trie: dict[str, Any] = {}
    for word in words:
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return _emit(trie, space)


def _emit(node: dict[str, Any], space: str | None) -> str:
    branches = [(space if ch == " " and space else re.escape(ch)) + _emit(child, space)
                for ch, child in node.items() if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # a word ending here is tried after every longer one through this node (greedy "?")
    return "(?:" + body + ")?" if "" in node else body


def longest_first(words: Iterable[str]) -> str:
    """A plain alternation of `words`, longest first and then alphabetical, so a word list read from a
    set builds the same pattern every run and a longer word is tried before its prefix."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))) + ")"
