"""The suffix rules of lang/en/inflection.yaml: each rule's examples, the loader's schema check, and the verb and
noun forms the rules make together."""

from __future__ import annotations

from typing import Any

import pytest

from flashpoint.nlp import language
from flashpoint.nlp.inflect import adverb_shaped, inflect, noun_forms, shaped, verb_forms
from flashpoint.nlp.language import INFLECTED_FORMS, WORD_SHAPES, inflection, pattern_texts

RULES = [(form, i, rule) for form in INFLECTED_FORMS for i, rule in enumerate(inflection().forms[form])]


def _deciding_rule(form: str, word: str) -> int | None:
    return next((i for i, r in enumerate(inflection().forms[form]) if r.match.search(word)), None)


@pytest.mark.parametrize(("form", "index", "rule"), RULES, ids=[f"{f}-{i}" for f, i, _ in RULES])
def test_rule_examples(form: str, index: int, rule: Any) -> None:
    """Every example comes out as written, and each rule decides one of its examples and not another."""
    for word, expected in rule.examples.items():
        assert inflect(form, word) == expected, (form, word)
    decided = [_deciding_rule(form, w) == index for w in rule.examples]
    assert any(decided) and not all(decided), (form, rule.match.pattern)


@pytest.mark.parametrize("shape", WORD_SHAPES)
def test_word_shape_examples(shape: str) -> None:
    """inflection.yaml `shapes`: each finds its positive examples and none of its negative ones."""
    row = pattern_texts("en", "inflection.yaml", "shapes")[shape]
    assert all(shaped(shape, w) for w in row.pos) and not any(shaped(shape, w) for w in row.neg)


def test_a_missing_word_shape_is_refused(language_with: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(language, "LANG_DIR", language_with("inflection.yaml", "  gerund:\n    # an -ing form", "  ing_form:\n    # an -ing form"))
    with pytest.raises(ValueError, match=r"inflection\.yaml: 'shapes' must hold exactly participle, past, gerund"):
        language.word_shapes.__wrapped__("xx")


def test_adverb_shape() -> None:
    examples = inflection().adverb_examples
    assert all(adverb_shaped(w) for w in examples["pos"])
    assert not any(adverb_shaped(w) for w in examples["neg"])


def test_forms_combine_rules() -> None:
    """A verb's forms are its -s form, and the past and gerund of its stem and, where it may double, the doubled
    stem; a noun's are itself and its plural."""
    for lemma in ("ban", "agree", "deny", "attack"):
        stems = {lemma, inflect("doubled", lemma)}
        expected = {lemma, inflect("third_person", lemma)} | {inflect(f, s) for s in stems for f in ("past", "gerund")}
        assert expected <= verb_forms(lemma)
    assert {"banned", "banning", "bans", "agreeing", "denied", "denies"} <= verb_forms("ban") | verb_forms(
        "agree") | verb_forms("deny")
    assert noun_forms("casualty") == {"casualty", "casualties"}


@pytest.mark.parametrize("bad", [
    {"forms": {f: [{"match": "$", "to": "s", "examples": {"a": "as"}}] for f in INFLECTED_FORMS[1:]},
     "adverb": "ly$", "adverb_examples": {"pos": ["x"], "neg": ["y"]}},  # a form missing
    {"forms": {f: [{"match": "(", "to": "s", "examples": {"a": "as"}}] for f in INFLECTED_FORMS},
     "adverb": "ly$", "adverb_examples": {"pos": ["x"], "neg": ["y"]}},  # a pattern that does not compile
    {"forms": {f: [{"match": "$", "to": "\\g<1>", "examples": {"a": "as"}}] for f in INFLECTED_FORMS},
     "adverb": "ly$", "adverb_examples": {"pos": ["x"], "neg": ["y"]}},  # a group the pattern lacks
    {"forms": {f: [{"match": "$", "to": "s"}] for f in INFLECTED_FORMS},
     "adverb": "ly$", "adverb_examples": {"pos": ["x"], "neg": ["y"]}},  # no examples
    {"forms": {f: [{"match": "$", "to": "s", "examples": {"a": "as"}}] for f in INFLECTED_FORMS},
     "adverb": "ly$", "adverb_examples": {"pos": ["x"]}},  # no negative adverb example
])
def test_malformed_inflection_refused(bad: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(language, "read_yaml", lambda _lang, _name: bad)
    with pytest.raises(ValueError):
        language.inflection.__wrapped__("xx")
