"""Every rule of the date finder read as data (lang/en/dates.yaml `date_rules`) runs its examples:
each example's record shows exactly the dates it lists, the positive ones where the rule acts and
the negative ones where it must leave the text alone."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.nlp.language import DEFAULT_LANGUAGE, read_yaml
from flashpoint.nlp.parser import parse
from flashpoint.nlp.timexes import date_rules, is_timex3_value, record_timexes

DATES = read_yaml(DEFAULT_LANGUAGE, "dates.yaml")
PUBLISHED = dt.date.fromisoformat(str(DATES["examples_published"]))
EXAMPLES = [pytest.param(name, ex, id=f"{name}-{kind}-{i}")
            for name, body in date_rules().items() for kind in ("positive", "negative")
            for i, ex in enumerate(body[kind])]


def _value(v: object) -> str | None:
    return None if v is None else str(v)  # YAML reads 2024-07-27 as a date


@pytest.mark.parametrize("name,example", EXAMPLES)
def test_rule_example(name: str, example: dict[str, object]) -> None:
    published = dt.date.fromisoformat(str(example["published"])) if example.get("published") else PUBLISHED
    if example.get("undated"):
        published = None  # type: ignore[assignment]
    text = str(example["text"])
    found = [(t.text, t.value) for t in record_timexes(text, published, parse(text))]
    want = [(str(text), _value(value)) for text, value in example["dates"]]  # type: ignore[attr-defined]
    assert found == want, f"{name}: {example['text']!r}"


def test_example_values_are_timex3() -> None:
    for body in date_rules().values():
        for ex in body["positive"] + body["negative"]:  # type: ignore[operator]
            for _, value in ex["dates"]:
                assert value is None or is_timex3_value(_value(value))
