"""benchmarks/event_miss_reasons.py says how far the coder got on a missed clause holding a pattern lemma of the
gold type, by tracing the coder's own steps; the trace is taken out again after the document."""

from conftest import benchmark_module
from flashpoint.evals import realnews as rn
from flashpoint.nlp import events as ev

miss_reasons = benchmark_module("event_miss_reasons")


def _reason(text: str, type_: str) -> tuple[str, str, str]:
    tracer = miss_reasons.Tracer()
    with tracer.installed():
        rn.analyse({"id": "t", "text": text})
    return miss_reasons.miss_reason(tracer.docs[-1], {"type": type_, "span": [0, len(text)]}, tracer)


def test_a_side_check_that_refused_is_named_with_the_sides_the_parse_gave() -> None:
    reason, sides, word = _reason("The shelling of the town went on all night, residents said.", "ASSAULT")
    assert word == "shelling" and reason.startswith("sides:") and "actors none" in sides


def test_an_object_constraint_that_refused_is_named_with_the_kind_of_its_object() -> None:
    reason, _, word = _reason("The company launched a new phone on Tuesday.", "ASSAULT")
    assert word == "launched" and reason == "object constraint: a noun of another kind"


def test_an_object_the_coder_reads_as_a_person_or_an_act_is_told_so() -> None:
    # a person word of syntax.yaml person_objects no pattern of the type takes, and an act noun of the type itself
    expelled = "Pakistan expelled the visiting preachers from the country on Friday, officials said."
    committed = "The rebels committed the murders in the village on Friday night, the police said."
    assert _reason(expelled, "COERCE")[0] == "object constraint: a person"
    assert _reason(committed, "ASSAULT")[0] == "object constraint: an act of its type"


def test_the_coder_is_restored_after_the_trace() -> None:
    before = (ev.code_with, ev._sides_fit, ev._doers)
    _reason("The shelling of the town went on all night.", "ASSAULT")
    assert (ev.code_with, ev._sides_fit, ev._doers) == before


def test_a_miss_with_no_pattern_is_counted_under_its_clause_verbs() -> None:
    text = "Moscow complained to Washington about the new tariffs on Monday."
    tracer = miss_reasons.Tracer()
    with tracer.installed():
        rn.analyse({"id": "t", "text": text})
    assert miss_reasons.clause_words(tracer.docs[-1], (0, len(text))) == ["complain/v"]
