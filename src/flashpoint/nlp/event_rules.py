"""Reading a rule of `resources/lang/<code>/events.yaml`: its section, its word lists, its example sentences and its
ceiling of confidence. The event patterns (event_patterns) and the senses of their triggers (trigger_senses) read
their rules alike, so both read them here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flashpoint.nlp.inflect import noun_forms
from flashpoint.nlp.language import read_yaml


@dataclass(frozen=True)
class Example:
    text: str
    actor: str  # ISO alpha-3 or IGO code, "-" none, "*" any
    recipient: str


def read_example(line: str, source: str) -> Example:
    """A positive example, written 'sentence => ACTOR > RECIPIENT'."""
    text, sep, roles = line.partition("=>")
    actor, sep2, recipient = roles.partition(">")
    if not sep or not sep2:
        raise ValueError(f"{source}: example {line!r} must read 'sentence => ACTOR > RECIPIENT'")
    return Example(text.strip(), actor.strip(), recipient.strip())


def rule_examples(data: dict[str, Any], source: str) -> tuple[tuple[Example, ...], tuple[str, ...]]:
    """A rule's positive examples (sentence => sides) and its negative sentences."""
    return tuple(read_example(p, source) for p in data.get("pos") or []), tuple(data.get("neg") or [])


def word_set(entry: dict[str, Any], key: str) -> frozenset[str]:
    """The words a rule lists under `key`, lower-cased."""
    return frozenset(str(w).lower() for w in entry.get(key) or [])


def noun_set(entry: dict[str, Any], key: str) -> frozenset[str]:
    """Object words with their plurals: an object matches by lemma or by its own form."""
    return frozenset(f for w in word_set(entry, key) for f in noun_forms(w))


def rule_section(language: str, key: str) -> tuple[dict[str, Any], str]:
    """A rule's section of events.yaml (empty where absent) and the name its errors give it."""
    return read_yaml(language, "events.yaml").get(key) or {}, f"lang/{language}/events.yaml: {key}"


def unsure_ceiling(data: dict[str, Any], source: str) -> float:
    """A rule's `confidence`, the most an event it marks unsure may have: below the confidence that shows one (0.5)."""
    ceiling = float(data.get("confidence", 0.0))
    if not 0.0 <= ceiling < 0.5:
        raise ValueError(f"{source}: confidence {ceiling} marks no event unsure (it must be below 0.5)")
    return ceiling
