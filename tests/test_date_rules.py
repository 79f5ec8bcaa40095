"""Every rule of the date finder read as data (lang/en/dates.yaml `date_rules`) runs its examples:
each example's record shows exactly the dates it lists, the positive ones where the rule acts and
the negative ones where it must leave the text alone."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.model import Article
from flashpoint.nlp.document import publication_window
from flashpoint.nlp.language import DEFAULT_LANGUAGE, read_yaml
from flashpoint.nlp.parse_scope import wanted_sentences
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
    # an undated example's address may name the month it was filed under (dates.yaml: undated_text)
    window = publication_window(Article(id="ex", source="ex", url=example.get("url"), body=text))
    found = [(t.text, t.value) for t in record_timexes(text, published, parse(text), window=window)]
    want = [(str(text), _value(value)) for text, value in example["dates"]]  # type: ignore[attr-defined]
    assert found == want, f"{name}: {example['text']!r}"


def test_example_values_are_timex3() -> None:
    for body in date_rules().values():
        for ex in body["positive"] + body["negative"]:  # type: ignore[operator]
            for _, value in ex["dates"]:
                assert value is None or is_timex3_value(_value(value))


@pytest.mark.parametrize("text,published,want", [
    ("He saw his doctor in November 2016. But by December, they worsened. He was weaned off treatment a year later.",
     "2019-11-18", ("a year later", "2017")),
    ("The city was shelled overnight. Three days later the road was cut.", "2024-08-01", ("Three days later", "2024-08-03")),
    ("The siege began on 2 May 2021. Three days later, the garrison surrendered.", "2024-08-01",
     ("Three days later", "2021-05-05")),
])
def test_count_from_the_date_told_dates_its_clause_unshown(text: str, published: str, want: tuple[str, str]) -> None:
    """'three days later' shows no date in the record (dates.yaml: later_than_told) but keeps its value
    for the events of its clause: the record's finder notes its span as unshown."""
    unshown: set[tuple[int, int]] = set()
    found = record_timexes(text, dt.date.fromisoformat(published), parse(text), unshown)
    kept = [(t.text, t.value) for t in found if (t.start, t.end) in unshown]
    assert kept == [want]
    assert want not in [(t.text, t.value) for t in record_timexes(text, dt.date.fromisoformat(published), parse(text))]


@pytest.mark.parametrize("text,want", [
    ("The new drone may only be a prototype today.", []),
    ("Kherson is the heart of the south today.", []),
    ("The new drone will be a prototype today.", [("today", "2024-08-01")]),
    ("It is the 100th day of the school year today.", [("today", "2024-08-01")]),
    ("The new drone is a prototype from a small shop in the south today.", [("today", "2024-08-01")]),
])
def test_today_as_a_state_in_a_bare_sentence(text: str, want: list[tuple[str, str]]) -> None:
    """A sentence the parse scope leaves bare reads its words for a present copula's noun before 'today'
    (dates.yaml: today_as_a_state)."""
    doc = parse(text, wanted_sentences)
    assert all(not t.dep_ for t in doc)  # nothing in it asks for the parse
    assert [(t.text, t.value) for t in record_timexes(text, PUBLISHED, doc)] == want
