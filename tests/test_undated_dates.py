"""benchmarks/undated_dates.py says what the false dates of an undated text are: a date with no value (nothing
pinned the day), a wrong value, or a text the gold does not date."""

from conftest import benchmark_module

undated_dates = benchmark_module("undated_dates")


def test_false_dates_are_told_apart_by_what_went_wrong() -> None:
    extra = [("tuesday", None), ("last month", None), ("monday", "2024-07-15"), ("the fall", "2024-FA")]
    false = undated_dates.false_dates(extra, {"tuesday", "monday", "last month"})
    assert false == {"no value": 2, "wrong value": 1, "not dated in gold": 1}


def test_no_false_dates_count_nothing() -> None:
    assert not undated_dates.false_dates([], {"monday"})
