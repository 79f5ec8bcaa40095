"""The events eval that counts false events, on sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

from flashpoint.evals import run_suite
from flashpoint.evals.events import score_sentence
from flashpoint.model import Actor, Event

DATA = Path(__file__).parent / "data"


def _event(type_: str, actor: str | None, recipient: str | None, negated: bool = False) -> Event:
    return Event(type=type_, actor=Actor(country=actor) if actor else None,
                 recipient=Actor(country=recipient) if recipient else None,
                 negated=negated, text="x", start=0, end=1)


def test_scoring_counts_false_and_negated_events() -> None:
    gold = [{"type": "AGREE|AID", "actor": "DEU", "recipient": "UKR"}]
    counts = score_sentence(gold, [_event("AID", "DEU", "UKR"), _event("ASSAULT", "DEU", None)])
    assert counts == {"gold": 1, "found_type": 1, "found_full": 1, "coded": 2, "right_type": 1, "right_full": 1}
    # a wrong side still finds the type, not the event
    assert score_sentence(gold, [_event("AGREE", "FRA", "UKR")])["found_full"] == 0
    # a negated event nobody asked for says nothing happened: not a false event
    assert score_sentence([], [_event("ASSAULT", "RUS", None, negated=True)])["coded"] == 0
    assert score_sentence([], [_event("ASSAULT", "RUS", None)])["coded"] == 1


def test_written_sentences_above_floor() -> None:
    scores = run_suite("events", DATA / "events_written.json")
    assert scores["sentences"] == 45
    # floors of the parse-based coder (0.673 / 0.531 / 0.846 / 0.667 measured; type precision was 0.86 while a clause
    # that left a side empty counted again beside the clause that tells the same agreement in full: those
    # right-typed copies are gone, and precision with both sides rose from 0.605); the token-window coder these
    # sentences were written for scored 0.96 / 0.92 / 0.93 / 0.83 on them, and 0.15 strict precision on real news
    assert scores["recall_type"] >= 0.65 and scores["recall_full"] >= 0.48
    assert scores["precision_type"] >= 0.84 and scores["precision_full"] >= 0.6


def test_held_out_sentences_above_floor() -> None:
    scores = run_suite("events", DATA / "events_heldout.json")
    assert scores["sentences"] == 35
    assert scores["recall_type"] >= 0.6 and scores["recall_full"] >= 0.42  # measured 0.632 / 0.447
    assert scores["precision_type"] >= 0.85 and scores["precision_full"] >= 0.6  # measured 0.893 / 0.643


def test_second_held_out_set_above_floor() -> None:
    scores = run_suite("events", DATA / "events_heldout2.json")
    assert scores["sentences"] == 30
    assert scores["recall_type"] >= 0.55 and scores["recall_full"] >= 0.47  # measured 0.600 / 0.500
    assert scores["precision_type"] >= 0.73 and scores["precision_full"] >= 0.55  # measured 0.769 / 0.577
