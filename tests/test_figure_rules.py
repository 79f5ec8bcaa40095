"""Every rule of the figure finder read as data (lang/en/figures.yaml `figure_rules`) runs its examples:
each example's record shows exactly the figures it lists (text, value, kind, and who gives them where
the example says), the positive ones where the rule acts and the negative ones where it must not."""

from __future__ import annotations

import pytest

from flashpoint.model import Article
from flashpoint.nlp.document import make_doc
from flashpoint.nlp.language import DEFAULT_LANGUAGE, read_yaml
from flashpoint.nlp.pipeline import analyze
from flashpoint.nlp.quantities import extract_quantities
from flashpoint.nlp.timexes import extract_timexes

FIGURES = read_yaml(DEFAULT_LANGUAGE, "figures.yaml")
RULES: dict[str, dict[str, list[dict[str, object]]]] = FIGURES["figure_rules"]
EXAMPLES = [pytest.param(name, ex, id=f"{name}-{kind}-{i}")
            for name, body in RULES.items() for kind in ("positive", "negative") for i, ex in enumerate(body[kind])]


def test_every_rule_says_what_it_decides_and_shows_both_sides() -> None:
    for name, body in RULES.items():
        assert isinstance(body.get("about"), str) and body["about"], name
        assert body.get("positive") and body.get("negative"), name


@pytest.mark.parametrize("name,example", EXAMPLES)
def test_rule_example(name: str, example: dict[str, object]) -> None:
    text = str(example["text"])
    article = Article(id="f", source="f", body=text, published=str(FIGURES["examples_published"]))
    if example.get("with_quotes"):  # a rule that reads who is quoted around the figure runs the whole pipeline
        found = analyze(article).quantities
    else:
        doc = make_doc(article)
        doc.timexes = extract_timexes(doc)
        doc.quotes = []
        found = extract_quantities(doc)
    assert all(text[q.start:q.end] == q.text for q in found)
    want = [(str(t), float(v), str(k)) for t, v, k in example["figures"]]  # type: ignore[attr-defined]
    assert [(q.text, q.value, q.kind) for q in found] == want, f"{name}: {text!r}"
    if "claimed_by" in example:
        assert [q.claimed_by for q in found] == example["claimed_by"], f"{name}: {text!r}"
