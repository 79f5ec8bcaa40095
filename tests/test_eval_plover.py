"""The PLOVER gold-set eval and the events part of the seeds gold, above floors."""

from __future__ import annotations

from pathlib import Path

from conftest import SEEDS, SHARED
from flashpoint.evals import run_suite
from flashpoint.evals.plover import run_seeds, score_record, side_matches
from flashpoint.model import Actor, Event

GSR = SHARED / "eval" / "plover-gsr" / "plover_gsr_dev.json"


def test_scoring_rules() -> None:
    ev = Event(type="REQUEST", actor=Actor(country="USA"), recipient=Actor(code="UN"), text="x", start=0, end=1)
    gold = {"event": "DEMAND", "source": [{"code": "USA"}], "target": [{"code": "IGO"}]}
    assert score_record(gold, [ev]) == (True, True)
    assert score_record({**gold, "source": [{"code": "FRA"}]}, [ev]) == (True, False)
    assert score_record({**gold, "event": "ASSAULT"}, [ev]) == (False, False)
    assert side_matches([{"code": "ITL"}], Actor(country="ITA"))  # legacy CAMEO code
    assert side_matches([], None)


def test_plover_gold_set_above_floor() -> None:
    scores = run_suite("plover", Path(GSR))
    assert scores["records"] == 161
    # the parse-based coder with the pattern data of issue 12 (measured 0.708 / 0.335 at 1.10 events per
    # sentence, type precision 0.71; before it 0.652 / 0.28); the token-window coder scored 0.86 / 0.58 at
    # 1.66 events per sentence, sides often guessed from elsewhere
    assert scores["type_recall"] >= 0.68
    assert scores["type_actor_recipient"] >= 0.31
    assert scores["events_per_sentence"] <= 1.2
    # both halves, not one lucky half (measured 0.716 / 0.700)
    assert scores["half_even"]["type_recall"] >= 0.66 and scores["half_odd"]["type_recall"] >= 0.66


def test_seed_events_and_background() -> None:
    scores = run_seeds(SEEDS / "gold.json")
    assert scores["events"] >= 30
    assert scores["type_recall"] >= 0.55  # measured 0.606 (token-window coder: 0.88 with guessed sides)
    assert scores["type_actor_recipient"] >= 0.38  # measured 0.424
    assert scores["background_events"] > 0
    assert scores["background_unmarked"] == 0
