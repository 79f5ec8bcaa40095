"""benchmarks/ruwa_dates.py finds a label at its text when the cleaner now keeps a line it dropped when the label was
written (offsets moved), choosing among repeats by the evidence written with the label."""

from conftest import benchmark_module

ruwa_dates = benchmark_module("ruwa_dates")

OLD = "War news from March 3: shelling went on near the river. On March 3 the mayor spoke."
NEW = "Live updates: a title line kept now\n\n" + OLD


def _label(text: str, nth: int) -> dict:
    at = [i for i in range(len(OLD)) if OLD.startswith(text, i)][nth]
    evidence = " ".join(OLD[max(0, at - 60):at + len(text) + 40].split())
    return {"row": 1, "start": at, "end": at + len(text), "text": text, "evidence": evidence, "gold": "2022-03-03"}


def test_a_label_moves_with_a_line_kept_before_it() -> None:
    label = _label("March 3", 0)
    moved = ruwa_dates.anchored(label, NEW)
    assert NEW[moved["start"]:moved["end"]] == "March 3"
    assert moved["start"] == label["start"] + len(NEW) - len(OLD)


def test_the_evidence_picks_the_repeat_that_was_labelled() -> None:
    second = _label("March 3", 1)
    moved = ruwa_dates.anchored(second, NEW)
    assert moved["start"] == second["start"] + len(NEW) - len(OLD)
    assert ruwa_dates.anchored(_label("March 3", 0), NEW)["start"] != moved["start"]


def test_a_label_in_place_or_gone_stays_as_written() -> None:
    label = _label("March 3", 0)
    assert ruwa_dates.anchored(label, OLD) == label
    assert ruwa_dates.anchored(label, "No date in this body at all.") == label
