"""The sense of an event trigger read from its arguments in the parse (events.yaml `trigger_senses`).

A word of force has other senses that PLOVER codes as other acts, or as none: "attacked the president over his
remarks" is a charge (ACCUSE), "teachers struck over pay" a labour strike (PROTEST), "troops crossed into Belarus for
joint drills" forces moved (MOBILIZE), "targeted Russian banks with new measures" a sanction, "Storm Ciaran hit France"
no act of anyone. The word is the same; its arguments say which act it tells: who does it (the subject, the passive
agent, the side a pattern reads from an oblique), what it is done to (the object, or an oblique of `object_preps`),
what it is for (a "for" oblique, or a clause of purpose), what it is done with (an oblique of `means_preps`), what it
is over (an oblique of `cause` naming neither a time nor a place). A sense re-reads the patterns it names as its own
type and mode (a sense with no type: as no act), where one of its argument classes holds.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from spacy.tokens import Token

from flashpoint.model import Actor
from flashpoint.nlp import syntax as syn
from flashpoint.nlp.event_patterns import Pattern, patterns, type_and_mode
from flashpoint.nlp.event_rules import (
    Example,
    noun_set,
    rule_examples,
    rule_section,
    unsure_ceiling,
    word_set,
)
from flashpoint.nlp.language import DEFAULT_LANGUAGE

SLOTS = ("doer", "object", "purpose", "means", "cause")


@dataclass(frozen=True)
class TriggerSense:
    """One sense of the triggers of `patterns` (only of `lemmas`, where listed): the act it is (`type`, `mode`; no type:
    no act, "Storm Ciaran hit France") and the argument classes that tell it (head nouns of the doer, the object, the
    purpose, the means; prepositions of a cause)."""

    id: str
    patterns: frozenset[str]
    lemmas: frozenset[str]
    type: str | None
    mode: str | None
    nouns: dict[str, frozenset[str]]  # per slot (doer, object, purpose, means, not_cause): the head nouns that tell it
    preps: dict[str, frozenset[str]]  # per slot (object, purpose, means, cause): the prepositions of its obliques
    examples: tuple[tuple[Example, ...], tuple[str, ...]]  # the positives, the negatives

    @property
    def positives(self) -> tuple[Example, ...]:
        return self.examples[0]

    @property
    def negatives(self) -> tuple[str, ...]:
        return self.examples[1]


def _sense(entry: dict[str, Any], source: str) -> TriggerSense:
    name = str(entry.get("id", "?"))
    mode = type_and_mode(entry, f"sense {name}", source) if entry.get("type") is not None else None
    known = {p.id for p in patterns()}
    unknown = sorted(set(entry.get("patterns") or []) - known)
    if unknown or not entry.get("patterns"):
        raise ValueError(f"{source}: sense {name} names no pattern or unknown ones {unknown}")
    if not any(entry.get(k) for k in SLOTS):
        raise ValueError(f"{source}: sense {name} names no argument class ({', '.join(SLOTS)})")
    pos, neg = rule_examples(entry, f"{source}: {name}")
    if not pos or not neg:
        raise ValueError(f"{source}: sense {name} needs a positive and a negative example")
    nouns = {slot: noun_set(entry, slot) for slot in ("doer", "object", "purpose", "means", "not_cause")}
    preps = {slot: word_set(entry, key) for slot, key in (("object", "object_preps"), ("purpose", "purpose_preps"),
                                                          ("means", "means_preps"), ("cause", "cause"))}
    return TriggerSense(name, word_set(entry, "patterns"), word_set(entry, "lemmas"), entry.get("type"), mode, nouns,
                        preps, (pos, neg))


@lru_cache(maxsize=4)
def trigger_senses(language: str = DEFAULT_LANGUAGE) -> tuple[TriggerSense, ...]:
    data, source = rule_section(language, "trigger_senses")
    return tuple(_sense(entry, source) for entry in data.get("senses") or [])


@dataclass(frozen=True)
class UnclearSense:
    """events.yaml trigger_senses `unclear`: a trigger of `senses` whose arguments tell none of them, told between two
    sides of `sectors` only ("Trump attacked Biden"), may be words or force: kept, marked unsure (its confidence at
    most `confidence`)."""

    senses: frozenset[str]
    sectors: frozenset[str]
    confidence: float  # its examples are run by tests/test_event_patterns.py from the section itself


@lru_cache(maxsize=4)
def unclear_sense(language: str = DEFAULT_LANGUAGE) -> UnclearSense:
    data, source = rule_section(language, "trigger_senses")
    rule, source = data.get("unclear") or {}, f"{source}: unclear"
    unknown = sorted(set(word_set(rule, "senses")) - {s.id for s in trigger_senses(language)})
    if unknown:
        raise ValueError(f"{source}: unknown senses {unknown}")
    if not rule.get("pos") or not rule.get("neg"):
        raise ValueError(f"{source}: needs a positive and a negative example")
    return UnclearSense(word_set(rule, "senses"), frozenset(rule.get("sectors") or []), unsure_ceiling(rule, source))


def unclear(pattern_id: str, tok: Token, actor: Actor | None, recipient: Actor | None) -> bool:
    """The trigger, coded by a pattern a sense of `unclear_sense` re-reads but in none of its senses, is told between
    two sides of the rule's sectors: its sense is unclear."""
    rule = unclear_sense()
    if actor is None or recipient is None or actor.sector not in rule.sectors or recipient.sector not in rule.sectors:
        return False
    return any(s.id in rule.senses and pattern_id in s.patterns and (not s.lemmas or syn.word_in(tok, s.lemmas))
               for s in trigger_senses())


def _named_as(noun: Token, words: frozenset[str]) -> bool:
    """The noun is one of `words`, or a name one of them describes ("Storm Ciaran"); a common noun a word of them
    modifies is of its own kind ("opposition fighters" are fighters)."""
    return syn.word_in(noun, words) or noun.pos_ == "PROPN" and \
        any(c.dep_ == "compound" and c.i < noun.i and syn.word_in(c, words) for c in noun.children)


def _hosts(tok: Token, obj: Token | None) -> list[Token]:
    """The words an argument of the trigger may hang on: the trigger, its object, and the nouns of its obliques (the
    parse hangs "for joint drills" on "crossed into Belarus" at Belarus, "for his remarks" on "came under fire" at
    fire)."""
    found = [tok, *([obj] if obj is not None else [])]
    return found + [syn.np_head(c) for c in tok.children if c.dep_.split(":")[0] == "obl"]


def _obliques(hosts: list[Token], preps: frozenset[str]) -> list[Token]:
    return [syn.np_head(c) for h in hosts for c in syn.obliques(h, preps)] if preps else []


def _doers(tok: Token, p: Pattern, hosts: list[Token]) -> list[Token]:
    """Who the trigger says acts: its subject (or the noun it modifies: "rail workers who struck"), its passive
    agent, or the side the pattern reads from an oblique ("came under fire from critics")."""
    subject = syn.subject(tok)
    found = [subject] if subject is not None else []
    found += [c for c in tok.children if c.dep_ == "obl:agent"]
    return [syn.np_head(c) for c in found] + _obliques(hosts, frozenset(p.actor_from))


def _objects(obj: Token | None, sense: TriggerSense, hosts: list[Token]) -> list[Token]:
    """What the trigger is done to: the object the pattern read, and the nouns of `object_preps` obliques ("hit back
    at criticism")."""
    return [*([obj] if obj is not None else []), *_obliques(hosts[:1], sense.preps["object"])]


def _purposes(tok: Token, sense: TriggerSense, hosts: list[Token]) -> list[Token]:
    """What the trigger is for: the nouns of `purpose_preps` obliques ("crossed into Belarus for joint drills"), and
    the nouns of a clause of purpose hung on it ("entered Belarus to take part in joint exercises")."""
    clauses = [c for c in tok.children if c.dep_ in ("advcl", "xcomp") and syn.is_infinitive(c)]
    return _obliques(hosts, sense.preps["purpose"]) + [t for c in clauses for t in c.subtree if t.pos_ == "NOUN"]


def _causes(sense: TriggerSense, hosts: list[Token], places: frozenset[int]) -> list[Token]:
    """What the trigger is over: a noun of a `cause` oblique that names no time ("over the weekend"), no place the
    text names ("over Syria") and none of `not_cause` ("over the city")."""
    return [h for h in _obliques(hosts, sense.preps["cause"]) if h.pos_ in ("NOUN", "PROPN") and h.i not in places
            and not syn.calendar_word(h) and not syn.word_in(h, sense.nouns["not_cause"])]


def _holds(tok: Token, p: Pattern, obj: Token | None, sense: TriggerSense, places: frozenset[int]) -> bool:
    """One of the sense's argument classes is met by the trigger's arguments."""
    hosts = _hosts(tok, obj)
    return any(_named_as(d, sense.nouns["doer"]) for d in _doers(tok, p, hosts)) \
        or any(syn.word_in(o, sense.nouns["object"]) for o in _objects(obj, sense, hosts)) \
        or any(syn.word_in(n, sense.nouns["purpose"]) for n in _purposes(tok, sense, hosts)) \
        or any(syn.word_in(n, sense.nouns["means"]) for n in _obliques(hosts, sense.preps["means"])) \
        or bool(_causes(sense, hosts, places))


def sense_of(tok: Token, p: Pattern, obj: Token | None, places: frozenset[int] = frozenset()) -> Pattern | None:
    """The pattern as the trigger's arguments read it: re-typed to the first sense of it they tell ("attacked the
    minister over the budget": ACCUSE), None for a sense that is no act ("Storm Ciaran hit France"), else as it is.
    `places`: the token indices of the places the text names."""
    for sense in trigger_senses():
        if p.id in sense.patterns and (not sense.lemmas or syn.word_in(tok, sense.lemmas)) \
                and _holds(tok, p, obj, sense, places):
            return None if sense.type is None else replace(p, id=f"{p.id}>{sense.id}", type=sense.type,
                                                           mode=sense.mode)
    return p
