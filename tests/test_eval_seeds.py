"""The seeds suite runs end to end on ../shared/seeds and the quote target holds."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import SEEDS
from flashpoint.evals.seeds import run, same_name, score_document
from flashpoint.model import Article
from flashpoint.nlp.pipeline import analyze


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
    assert scores["events_type"] >= 0.75  # parse-based coder with the issue-12 pattern data, measured 0.788
    assert scores["events"] >= 0.6  # measured 0.667
    assert scores["boilerplate_removed"] >= 0.7
    assert scores["spelling_groups_one_id"] >= 0.5


def test_speaker_names_match_across_transliterations() -> None:
    assert same_name("Dmitry Kuleba", "Dmytro Kuleba")
    assert same_name("Oleksiy Danilov", "Oleksiï Danilov")
    assert same_name("Volodymyr Zelensky", "Zelensky")
    assert not same_name("Dmitry Kozak", "Dmitry Peskov")
    assert not same_name("Jen Psaki", None)


def test_an_event_told_again_matches_by_any_of_its_mentions() -> None:
    """One happening told twice is one event with two mentions; a gold event in the second telling's sentence is it."""
    art = analyze(Article(id="t", source="t", published="2022-03-10", body=(
        "Aegean row deepens\n\nTurkey accused Greece of provoking tensions on Monday. The talks were postponed.\n\n"
        "Turkey has repeatedly accused Greece of provoking tensions, state media said.")))
    told = [e for e in art.events if e.type == "ACCUSE"]
    assert len(told) == 1 and len(told[0].mentions) == 1
    gold = {"file": "t", "events": [{"type": "ACCUSE", "actor": {"country": "TUR"}, "recipient": {"country": "GRC"},
                                     "sentence_contains": "has repeatedly accused Greece"}]}
    found = score_document(gold, art, [])
    assert found["events"] == [True] and found["events_found"] == [True]
