"""benchmarks/event_unsure_factors.py names the factor that put a marked event below 0.5: a rule's ceiling over a
fitted confidence that would show it, a side unknown, or the negative features of an event with both sides known;
and it refuses a held-out split or a blind sample."""

import subprocess
import sys
from pathlib import Path

from conftest import benchmark_module

factors = benchmark_module("event_unsure_factors")
SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "event_unsure_factors.py"


def test_a_ceiling_over_a_shown_fit_is_named() -> None:
    x = {"both_known": 1.0, "actor_known": 1.0, "recipient_known": 1.0, "listed_place": 1.0}
    assert factors.factor(x) == "ceiling:listed_place"


def test_a_missing_side_is_named_before_the_features() -> None:
    x = {"actor_known": 1.0, "no_recipient": 1.0, "civilian_recipient": 0.0}
    assert factors.factor(x) == "one side unknown (no recipient)"
    x = {"recipient_known": 1.0}  # an actor coded with no country
    assert factors.factor(x) == "one side unknown (countryless actor)"


def test_known_sides_name_the_negative_features() -> None:
    x = {"both_known": 1.0, "actor_known": 1.0, "recipient_known": 1.0, "civilian_recipient": 1.0, "verbal": 0.0}
    assert factors.factor(x) == "known, less civilian_recipient"


def test_blind_and_held_out_sets_are_refused() -> None:
    for name in ("sample37", "heldout"):
        run = subprocess.run([sys.executable, str(SCRIPT), "--sets", name],
                             capture_output=True, text=True, check=False)
        assert run.returncode != 0 and "refused" in run.stderr
