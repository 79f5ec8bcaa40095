"""The cue patterns of the quote, speaker, interview, name and role finders and of the page and figure readers are
language data (lang/en/*.yaml `*_patterns`): each, filled in with the parts its reader builds, finds its positive examples
and none of its negative ones, and a row the schema does not allow is refused when it is read."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

import flashpoint.ingest.meta
import flashpoint.nlp.coref
import flashpoint.nlp.entities
import flashpoint.nlp.interviews
import flashpoint.nlp.quantities
import flashpoint.nlp.quotes
import flashpoint.nlp.speakers  # noqa: F401 - each reader's pattern set joins PATTERN_SETS when imported
from flashpoint.nlp import language
from flashpoint.nlp.language import PATTERN_SETS, Patterns, pattern_texts

ROWS = [pytest.param(s, name, id=f"{s.file}:{s.key}.{name}") for s in list(PATTERN_SETS) for name in s.rows]


@pytest.fixture(autouse=True)
def _fresh_caches() -> Iterator[None]:
    """A made-up language read in one test is not the cached answer of another."""
    yield
    pattern_texts.cache_clear()


@pytest.mark.parametrize("patterns,name", ROWS)
def test_each_cue_pattern_finds_its_positive_examples_and_not_its_negative(patterns: Patterns, name: str) -> None:
    row = patterns.rows[name]
    assert [x for x in row.pos if not patterns.finds(name, x)] == []
    assert [x for x in row.neg if patterns.finds(name, x)] == []


def test_every_reader_with_patterns_is_tested() -> None:
    assert {(s.file, s.key) for s in PATTERN_SETS} >= {("quotes.yaml", "quote_patterns"),
                                                      ("quotes.yaml", "speaker_patterns"),
                                                      ("quotes.yaml", "interview_patterns"),
                                                      ("pages.yaml", "page_patterns"),
                                                      ("figures.yaml", "figure_patterns"),
                                                      ("entities.yaml", "name_patterns"),
                                                      ("roles.yaml", "role_patterns")}


def test_a_whole_match_is_told_from_a_search() -> None:
    """'that' alone is the whole lead-in between a speech verb and its quote; 'said that' is not."""
    quotes = Patterns("quotes.yaml", "quote_patterns")
    assert quotes.rows["nothing_but_that"].whole
    assert quotes.finds("nothing_but_that", " that ") and not quotes.finds("nothing_but_that", " said that ")


def test_a_part_the_reader_lacks_is_an_error() -> None:
    with pytest.raises(ValueError, match=r"pages\.yaml: page_patterns names the part \{MON\}, which its reader lacks"):
        Patterns("pages.yaml", "page_patterns").fill(r"{MON}\s+\d")


def test_a_cue_pattern_without_positive_examples_is_refused(language_with: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(language, "LANG_DIR", language_with("quotes.yaml", '    pos: ["Q: ", "Answer. "]\n', ""))
    with pytest.raises(ValueError, match=r"interview_patterns\.qa_label needs a pattern and positive and negative"):
        Patterns("quotes.yaml", "interview_patterns", language="xx")


def test_a_cue_patterns_flag_that_is_not_true_or_false_is_refused(language_with: Any,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    old = "  qa_label:\n    pattern: '(?P<label>Q|A|Question|Answer)[ \\u00a0]*[:.][ \\u00a0]+'\n    ignore_case: false"
    monkeypatch.setattr(language, "LANG_DIR", language_with("quotes.yaml", old, old.replace("false", "no way")))
    with pytest.raises(ValueError, match=r"qa_label: ignore_case and whole are true or false"):
        Patterns("quotes.yaml", "interview_patterns", language="xx")
