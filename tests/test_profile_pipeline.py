"""benchmarks/profile_pipeline.py counts, at each sample, the innermost function as its own time and every function
on the stack once as time within it (a recursive one too)."""

import sys

from conftest import benchmark_module

profile_pipeline = benchmark_module("profile_pipeline")


def _recurse(samples, depth: int) -> None:  # type: ignore[no-untyped-def]
    if depth:
        _recurse(samples, depth - 1)
    else:
        samples.take(0, sys._getframe())


def test_a_sample_counts_the_innermost_function_as_its_own_and_each_caller_once() -> None:
    samples = profile_pipeline.Samples()
    _recurse(samples, 3)
    _recurse(samples, 0)
    assert samples.taken == 2
    (own, n), = samples.own.items()
    assert own.endswith("(_recurse)") and n == 2
    assert samples.within[own] == 2  # four frames of _recurse in the first sample, counted once
    this_test = f"({sys._getframe().f_code.co_name})"
    assert [n for name, n in samples.within.items() if name.endswith(this_test)] == [2]  # the caller, each sample


def test_a_run_with_no_sample_reports_no_function(capsys) -> None:  # type: ignore[no-untyped-def]
    """A run shorter than one interval of CPU took no sample: the table is its title alone, no division by zero."""
    samples = profile_pipeline.Samples()
    samples.own["x.py:1(f)"] = 1  # a count with no sample taken is never shown as a share
    profile_pipeline.report("CPU in the function itself", samples.own, samples, 0.5, 10)
    assert capsys.readouterr().out.splitlines() == ["-- CPU in the function itself"]
