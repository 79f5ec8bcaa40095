"""The seeds suite runs end to end on ../shared/seeds and the quote target holds."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import SEEDS
from flashpoint.evals.seeds import run, same_name


@pytest.fixture(scope="module")
def scores() -> dict[str, Any]:
    return run(SEEDS)


def test_eval_runs_on_every_seed(scores: dict[str, Any]) -> None:
    assert scores["documents"] == 5
    assert not [d for d in scores["details"] if d.get("check") == "pipeline"]
    for key in ("quotes", "figures", "timexes", "events", "published", "spelling_groups_one_id",
                "quotes_given_date", "timexes_given_date"):
        assert isinstance(scores[key], float) and 0.0 <= scores[key] <= 1.0


def test_quotes_reach_the_target(scores: dict[str, Any]) -> None:
    assert scores["quotes"] >= 0.9, [d for d in scores["details"] if d["check"] == "quotes"]


def test_other_scores_keep_the_floor_observed(scores: dict[str, Any]) -> None:
    """Weak floors under what the team's stages scored when this was written (not the targets)."""
    assert scores["figures"] >= 0.8
    assert scores["timexes_given_date"] >= 0.8
    assert scores["events_type"] >= 0.55  # parse-based coder with the issue-12 pattern data, measured 0.606
    assert scores["events"] >= 0.38  # measured 0.424
    assert scores["boilerplate_removed"] >= 0.7
    assert scores["spelling_groups_one_id"] >= 0.5


def test_speaker_names_match_across_transliterations() -> None:
    assert same_name("Dmitry Kuleba", "Dmytro Kuleba")
    assert same_name("Oleksiy Danilov", "Oleksiï Danilov")
    assert same_name("Volodymyr Zelensky", "Zelensky")
    assert not same_name("Dmitry Kozak", "Dmitry Peskov")
    assert not same_name("Jen Psaki", None)
