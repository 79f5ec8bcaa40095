"""The examples of the quote-attribution rules in resources/lang/en/quote_examples.yaml, each run
through the whole analysis: every rule has a positive and a negative example, and each holds."""

from __future__ import annotations

from typing import Any

import pytest

from flashpoint.nlp.language import read_yaml
from test_quotes_attribution import having, quotes_of

EXAMPLES: dict[str, dict[str, list[dict[str, Any]]]] = read_yaml("en", "quote_examples.yaml")
CASES = [(rule, kind, i, ex) for rule, kinds in EXAMPLES.items() for kind in ("positive", "negative")
         for i, ex in enumerate(kinds.get(kind) or [])]


@pytest.mark.parametrize("rule", sorted(EXAMPLES))
def test_every_rule_has_a_positive_and_a_negative_example(rule: str) -> None:
    assert EXAMPLES[rule].get("positive") and EXAMPLES[rule].get("negative")
    assert set(EXAMPLES[rule]) <= {"positive", "negative"}


@pytest.mark.parametrize("rule, kind, i, example", CASES, ids=[f"{r}-{k}-{i}" for r, k, i, _ in CASES])
def test_quote_rule_example(rule: str, kind: str, i: int, example: dict[str, Any]) -> None:
    quotes = quotes_of(example["text"])
    if "no_quote" in example:
        assert not having(quotes, example["no_quote"]), [q.text for q in quotes]
        return
    found = having(quotes, example["quote"])
    names = [q.speaker.name if q.speaker else None for q in found]
    assert found, f"no quote holds {example['quote']!r}: {[q.text for q in quotes]}"
    if "speaker" in example:
        wanted = example["speaker"]
        assert any(n == wanted if wanted is None else n is not None and wanted in n for n in names), names
    if "not_speaker" in example:
        assert all(n is None or example["not_speaker"] not in n for n in names), names
