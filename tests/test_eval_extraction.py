"""The article-extraction eval: the metric itself, and the cleaner on a slice of the benchmark pages."""

from __future__ import annotations

import pytest

from conftest import SHARED
from flashpoint.evals import run_suite
from flashpoint.evals.article_extraction import match_counts, score, shingles

DATA = SHARED / "eval" / "article-extraction"


def test_shingles_lowercase_and_count() -> None:
    counts = shingles("The cat sat on the mat. the CAT sat on")
    assert counts["the cat sat on"] == 2
    assert sum(counts.values()) == 7  # 10 tokens, 4-word windows
    assert shingles("two words") == {"two words": 1}
    assert not shingles("")


def test_match_counts_and_score() -> None:
    text = "one two three four five six"
    assert match_counts(text, text) == (3, 0, 0)
    tp, fp, fn = match_counts(text, text + " seven eight")
    assert (tp, fp, fn) == (3, 2, 0)
    assert match_counts("", "") == (1, 0, 0)
    perfect = score([match_counts(text, text)])
    assert perfect == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    half = score([(1, 1, 0), (1, 0, 1)])  # per-page averages: P = (0.5 + 1) / 2, R = (1 + 0.5) / 2
    assert half["precision"] == pytest.approx(0.75) and half["recall"] == pytest.approx(0.75)
    assert score([(0, 3, 4)])["f1"] == 0.0


def test_text_dumps_beat_keeping_everything() -> None:
    result = run_suite("article-extraction", DATA, plain_text=True, limit=40)
    assert result["pages"] == 40
    assert result["f1"] >= 0.82
    assert result["f1"] >= result["keep_everything_f1"] + 0.12
    assert result["precision"] > result["keep_everything_precision"] + 0.2


def test_html_on_a_slice() -> None:
    result = run_suite("article-extraction", DATA, limit=15, offset=100)
    assert result["pages"] == 15
    assert result["f1"] >= 0.9
    assert result["f1"] >= result["trafilatura_f1"] - 0.02  # the tuning must not cost against the default


def test_wrong_folder(tmp_path) -> None:
    with pytest.raises(FileNotFoundError):
        run_suite("article-extraction", tmp_path)
