"""The date finder's rules read as data: lang/en/dates.yaml `date_rules`, each with its word lists and the examples
tests/test_date_rules.py runs. A module of its own so that the finder (timexes) and its helpers (landmark_days) read
one loader."""

from __future__ import annotations

from functools import lru_cache

from flashpoint.nlp.language import DEFAULT_LANGUAGE, read_yaml


@lru_cache(maxsize=1)
def date_rules() -> dict[str, dict[str, object]]:
    """The `date_rules` of lang/en/dates.yaml: per rule its word lists and the examples a test runs."""
    rules = read_yaml(DEFAULT_LANGUAGE, "dates.yaml").get("date_rules")
    if not isinstance(rules, dict):
        raise ValueError("lang/en/dates.yaml: 'date_rules' must map a rule name to its words and examples")
    for name, body in rules.items():
        if not isinstance(body, dict) or not isinstance(body.get("about"), str) \
                or not all(_examples_ok(body.get(kind)) for kind in ("positive", "negative")):
            raise ValueError(f"lang/en/dates.yaml: date rule {name!r} needs 'about' and 'positive' and 'negative' "
                             "examples, each a text and its dates")
    return rules


def _examples_ok(examples: object) -> bool:
    return isinstance(examples, list) and bool(examples) and all(
        isinstance(e, dict) and isinstance(e.get("text"), str) and isinstance(e.get("dates"), list) for e in examples)


@lru_cache(maxsize=256)
def rule_words(rule_name: str, key: str) -> frozenset[str]:
    """One word list of a date rule, lower-cased (read once: rules ask for their words at every match)."""
    words = date_rules()[rule_name].get(key)
    if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
        raise ValueError(f"lang/en/dates.yaml: {rule_name}.{key} must be a list of words")
    return frozenset(w.lower() for w in words)
