"""How likely a coded event is right as the real-news evaluation counts it (its type, and both sides' countries):
a logistic model over a few features of how it was coded.

The weights live in `resources/event_confidence.json`, fitted on the tuning part of the real-news
annotations by `benchmarks/fit_event_confidence.py` (never on the held-out part). An event below
`CONFIDENT` is kept in the record but left out of the timeline, merged events and escalation.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Token

from flashpoint.model import Event
from flashpoint.nlp.event_patterns import (
    Pattern,
    conflict_attackers,
    given_clauses,
    guessed_verbs,
    listed_places,
    quoted_phrases,
    self_targets,
    targetless_types,
)
from flashpoint.nlp.gazetteer import gazetteer
from flashpoint.nlp.language import syntax
from flashpoint.nlp.trigger_senses import unclear_sense as unclear_sense_rule

CONFIDENT = 0.5
FEATURES = ("weak", "noun_trigger", "object_constrained", "actor_known", "recipient_known", "inherited",
            "in_quote", "headline", "force", "no_actor", "no_recipient", "verbal", "intent", "both_known",
            "perfect", "pluperfect", "noun_clause", "adverbial", "present", "modal", "reported", "lead", "late",
            "domestic", "passive", "long", "deep", "civilian_recipient", "actor_argument", "actor_away",
            "actor_common", "recipient_object", "recipient_oblique", "recipient_sentence", "recipient_away",
            "recipient_common", "fanout")
NOUN_CLAUSES = frozenset({"acl", "acl:relcl", "advcl:relcl", "appos", "nmod", "obl", "csubj"})
VERBAL = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "AGREE", "SUPPORT", "CONSULT"})


@lru_cache(maxsize=1)
def weights() -> dict[str, Any]:
    text = resources.files("flashpoint.resources").joinpath("event_confidence.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _known(actor: Any) -> bool:
    return actor is not None and bool(actor.country or actor.code)


def _country(actor: Any) -> str | None:
    return getattr(actor, "country", None)


def _path(tok: Token) -> list[Token]:
    """The trigger and the words it hangs from, up to its sentence's root."""
    out = [tok]
    while out[-1].head.i != out[-1].i and len(out) < 12:
        out.append(out[-1].head)
    return out


def clause_features(tok: Token, sentence_index: int, sentences: int) -> dict[str, float]:
    """How the trigger's clause is told: its aspect and modality, whether it hangs from a noun (a description: "the
    Authority, which has rejected ...") or from another clause, and where in the article its sentence is."""
    aux = {c.lower_ for c in tok.children if c.dep_ == "aux"}
    path = _path(tok)
    return {
        "perfect": float(bool(aux & syntax().perfect_auxiliaries)),
        "pluperfect": float(bool(aux & syntax().past_perfect_auxiliaries)),
        "noun_clause": float(any(t.dep_ in NOUN_CLAUSES and t.head.pos_ in ("NOUN", "PROPN", "PRON") for t in path[:-1])),
        "adverbial": float(any(t.dep_ == "advcl" for t in path[:-1])),
        "present": float(tok.tag_ in ("VBZ", "VBP") and not aux),
        "modal": float(any(c.dep_ == "aux" and c.lower_ in MODALS for t in path[:3] for c in t.children)),
        "lead": float(sentence_index <= 3),
        "late": float(sentences > 0 and sentence_index / sentences > 0.5),
        "passive": float(any(c.dep_ in ("aux:pass", "nsubj:pass") for c in tok.children)),
        "long": float(len(tok.sent) > LONG_SENTENCE),
        "deep": float(len(path) > 3),  # hung three or more clauses below its sentence's root
    }


LONG_SENTENCE = 40  # words: the parse of a longer sentence errs more often

MODALS = syntax().modal_auxiliaries  # "could", "'ll": lang/en/syntax.yaml


def _attachment(tok: Token, side: Any) -> str:
    """Where a side was read: the dependency of the trigger's child whose subtree holds its words ("obj", "nsubj"),
    "sentence" where they are elsewhere in its sentence, "away" where they are not in it (told before, or by a
    pronoun), "" for no side."""
    if side is None or not side.text:
        return ""
    sent, found = tok.sent, "away"
    at = sent.text.find(side.text)
    while at >= 0:
        t = tok.doc.char_span(sent.start_char + at, sent.start_char + at + len(side.text), alignment_mode="expand")
        node = t.root if t is not None and len(t) else None
        for _ in range(12):
            if node is None or node.head.i == node.i or node.head.i == tok.i:
                break
            node = node.head
        if node is not None and node.head.i == tok.i and node.i != tok.i:
            return node.dep_.split(":")[0]
        found = "sentence"
        at = sent.text.find(side.text, at + 1)
    return found


def side_features(tok: Token, ev: Event, fanout: int) -> dict[str, float]:
    """How the sides were found: read from an argument of the trigger (its subject, object, an oblique), elsewhere in
    its sentence, or away from it (told before, or through a pronoun); named (a capital) or by a common noun
    ("troops", "villagers") whose country was read from around it; one of several pairs the clause was coded to."""
    actor, recipient = _attachment(tok, ev.actor), _attachment(tok, ev.recipient)
    return {
        "actor_argument": float(actor in ARGUMENTS),
        "actor_away": float(actor == "away"),
        "actor_common": float(_common(ev.actor)),
        "recipient_object": float(recipient in ("obj", "iobj", "nsubj")),
        "recipient_oblique": float(recipient in ("obl", "nmod")),
        "recipient_sentence": float(recipient == "sentence"),
        "recipient_away": float(recipient == "away"),
        "recipient_common": float(_common(ev.recipient)),
        "fanout": float(fanout > 1),
    }


ARGUMENTS = frozenset({"nsubj", "csubj", "obj", "iobj", "obl", "nmod", "appos"})


def _common(side: Any) -> bool:
    return side is not None and bool(side.text) and not any(ch.isupper() for ch in side.text)


def features(ev: Event, pattern: Pattern, *, inherited: bool, sentence_index: int, in_quote: bool,
             trigger: Token | None = None, sentences: int = 0, fanout: int = 1,
             quoted_phrase: bool = False, placed_only: bool = False, self_placed: bool = False,
             unclear_sense: bool = False, given_ground: bool = False,
             guessed_verb: bool = False, listed_place: bool = False) -> dict[str, float]:
    clause = clause_features(trigger, sentence_index, sentences) if trigger is not None else {}
    sides = side_features(trigger, ev, fanout) if trigger is not None else {}
    every_side_known = _known(ev.actor) and (_known(ev.recipient) or _targetless(ev, trigger, sides, inherited))
    return clause | sides | {
        "reported": float(ev.reported_by is not None),
        "domestic": float(_known(ev.actor) and _known(ev.recipient) and _country(ev.actor) == _country(ev.recipient)),
        "weak": float(pattern.weak),
        "noun_trigger": float(pattern.pos == "NOUN"),
        "object_constrained": float(bool(pattern.objects)),
        "actor_known": float(_known(ev.actor)),
        "recipient_known": float(_known(ev.recipient)),
        "inherited": float(inherited),
        "in_quote": float(in_quote),
        "quoted_phrase": float(quoted_phrase),
        "placed_only": float(placed_only),
        "self_placed": float(self_placed),
        "unclear_sense": float(unclear_sense),
        "given_ground": float(given_ground),
        "guessed_verb": float(guessed_verb),
        "listed_place": float(listed_place),
        "headline": float(sentence_index == 0),
        "force": float(ev.type in ("ASSAULT", "COERCE")),
        "no_actor": float(ev.actor is None),
        "no_recipient": float(ev.recipient is None),
        "verbal": float(ev.type in VERBAL),
        "intent": float((ev.pattern or "").startswith("intent:")),
        "both_known": float(every_side_known),
        # civilians' side is most often told by where they were, not by a name: its country errs more often
        "civilian_recipient": float(ev.recipient is not None and ev.recipient.sector == "CVL"),
    }


def _targetless(ev: Event, trigger: Token | None, sides: dict[str, float], inherited: bool) -> bool:
    """An act that aims at no one by nature (events.yaml targetless_acts: a deployment, an alert) told with no
    recipient, its actor in the trigger's own argument and named by a name there, not taken from earlier text ("its
    troops") nor a common noun the story places ("troops were deployed"): no side is missing."""
    return ev.recipient is None and ev.type in targetless_types() and not inherited \
        and trigger is not None and bool(sides.get("actor_argument")) and _named(trigger, ev.actor)


def _named(tok: Token, side: Any) -> bool:
    """Whether the side's words in the trigger's sentence hold a name (a proper noun, or a word the gazetteer knows:
    "Russia", "Russian troops"), not only common nouns whose country was read from around them ("the enemy",
    "troops")."""
    sent = tok.sent
    at = sent.text.find(side.text)
    span = tok.doc.char_span(sent.start_char + at, sent.start_char + at + len(side.text), alignment_mode="expand") \
        if at >= 0 else None
    return span is not None and any(t.pos_ == "PROPN" or gazetteer().lookup_as_written(t.text) for t in span)


# the features that mark an event unsure, each with the rule whose ceiling caps its confidence (see confidence)
_CEILINGS = (("placed_only", conflict_attackers), ("self_placed", self_targets), ("unclear_sense", unclear_sense_rule),
             ("given_ground", given_clauses), ("guessed_verb", guessed_verbs), ("quoted_phrase", quoted_phrases),
             ("listed_place", listed_places))


def confidence(x: dict[str, float], fitted_weights: dict[str, Any] | None = None) -> float:
    """P(the event's type and both its sides are right) under the fitted logistic model; a feature the model
    was not fitted on weighs nothing. An act inside a quoted phrase of the narrator's clause is someone's words
    mentioned, not a happening told (events.yaml quoted_phrases): at most that rule's confidence, whatever its sides;
    so is an act of war whose clause names no side, only a place of one side of a war (events.yaml
    conflict_attackers: both sides implied, not read), a protest whose target is the place its own side is named
    by (events.yaml self_targets: one place read as both sides), and a force word whose sense is unclear, words or
    force (events.yaml trigger_senses `unclear`: "Trump attacked Biden"), an act told as the ground of its sentence's
    news, in a clause or phrase set before it (events.yaml given_clauses: "When Iraq invaded Kuwait, ..."), a
    headline's verb a parse repair read from a noun tag (events.yaml guessed_verbs), and a side that is a name placed
    only by the places listed beside it (events.yaml listed_places). `fitted_weights` (bias and coef, as
    event_confidence.json holds them) replace the shipped ones: the fitter scores a refit as the coder would use it."""
    w = fitted_weights or weights()
    z = float(w["bias"]) + sum(float(w["coef"].get(k, 0.0)) * v for k, v in x.items())
    fitted = round(1.0 / (1.0 + math.exp(-z)), 3)
    return min([fitted, *(rule().confidence for feature, rule in _CEILINGS if x.get(feature))])
