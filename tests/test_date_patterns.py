"""The date finder's patterns are language data (lang/en/dates.yaml `pattern_parts`, `rule_patterns`,
`cue_patterns`): each, filled in as the finder fills it, finds its positive examples and none of its negative
ones, and a pattern the schema does not allow is refused when it is read."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from flashpoint.nlp import language, timexes
from flashpoint.nlp.language import date_patterns, pattern_texts

PATTERNS = date_patterns()


@pytest.fixture(autouse=True)
def _fresh_caches() -> Iterator[None]:
    """A made-up language read in one test is not the cached answer of another."""
    pattern_texts.cache_clear()
    date_patterns.cache_clear()
    yield
    pattern_texts.cache_clear()
    date_patterns.cache_clear()


@pytest.mark.parametrize("name", list(PATTERNS.rules))
def test_each_rule_pattern_finds_its_positive_examples_and_not_its_negative(name: str) -> None:
    pattern = timexes.RULES[timexes.RULE_NAMES.index(name)][0]
    row = PATTERNS.rules[name]
    assert [x for x in row.pos if not pattern.search(x)] == [], name
    assert [x for x in row.neg if pattern.search(x)] == [], name


@pytest.mark.parametrize("name", list(PATTERNS.cues))
def test_each_cue_pattern_finds_its_positive_examples_and_not_its_negative(name: str) -> None:
    pattern = timexes.date_pattern(name)
    row = PATTERNS.cues[name]
    finds = pattern.fullmatch if row.whole else pattern.search  # `whole`: a cue the finder matches whole
    assert [x for x in row.pos if not finds(x)] == [], name
    assert [x for x in row.neg if finds(x)] == [], name


@pytest.mark.parametrize("name", list(PATTERNS.parts))
def test_each_pattern_part_matches_its_positive_examples_whole_and_not_its_negative(name: str) -> None:
    part = re.compile(timexes.filled(PATTERNS.parts[name].text), re.I)
    assert all(part.fullmatch(x) for x in PATTERNS.parts[name].pos), name
    assert not any(part.fullmatch(x) for x in PATTERNS.parts[name].neg), name


def test_the_finder_has_a_rule_for_each_pattern_in_its_order() -> None:
    assert timexes.RULE_NAMES == list(PATTERNS.rules)


def test_a_rule_is_tried_only_on_a_line_holding_its_anchor_words() -> None:
    """'the night of Wednesday to Thursday' needs 'night' (written in the data) and a weekday (a set the finder
    builds from calendar.yaml)."""
    needs = timexes.NEEDS[timexes.RULE_NAMES.index("night_of")]
    assert needs == (frozenset({"night"}),)
    assert "thursday" in timexes.NEEDS[timexes.RULE_NAMES.index("weekday")][0]


def test_a_part_the_finder_lacks_is_an_error() -> None:
    with pytest.raises(ValueError, match=r"names the part \{NOPE\}"):
        timexes.filled(r"(?:{NOPE})\s+")


def test_a_pattern_without_negative_examples_is_refused(language_with: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(language, "LANG_DIR", language_with("dates.yaml", '    neg: ["on 2024-13-05"]\n', ""))
    with pytest.raises(ValueError, match=r"rule_patterns\.iso needs a pattern and positive and negative examples"):
        date_patterns("xx")


def test_a_rule_without_anchor_words_is_refused(language_with: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(language, "LANG_DIR", language_with("dates.yaml", "    anchors: [[YEARS]]\n", ""))
    with pytest.raises(ValueError, match=r"rule_patterns\.iso: 'anchors' must list"):
        date_patterns("xx")


def test_a_part_not_named_in_capitals_is_refused(language_with: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(language, "LANG_DIR", language_with("dates.yaml", "\n  UNIT:\n", "\n  unit:\n"))
    with pytest.raises(ValueError, match=r"'pattern_parts' are named in capitals"):
        date_patterns("xx")
