"""The PLOVER event patterns of `resources/lang/<code>/events.yaml`: loaded, checked, indexed by lemma."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, get_args

from flashpoint.model import EntityType
from flashpoint.nlp.event_rules import (
    Example,
    noun_set,
    read_example,
    rule_examples,
    rule_section,
    unsure_ceiling,
    word_set,
)
from flashpoint.nlp.inflect import noun_forms, verb_forms
from flashpoint.nlp.language import DEFAULT_LANGUAGE, read_yaml
from flashpoint.nlp.plover import ontology

KEYS = frozenset({"id", "type", "mode", "verb", "noun", "object", "not_object", "object_has", "particle",
                  "clause_has", "not_question", "not_participle", "not_naming", "needs_object", "no_object",
                  "transitive", "needs_recipient", "complement_aux", "not_object_has", "own_object",
                  "not_complement_subject", "own_complement_except", "object_person", "object_place",
                  "not_complement", "needs_actor", "actor_sectors", "anchored", "prep", "implied_side",
                  "not_recipient_sectors", "not_recipient_place", "visited_place", "needs_complement",
                  "subject", "complement", "recipient", "symmetric", "weak", "patient_actor", "passive_only",
                  "told_negated", "anywhere", "not_has", "not_head", "has", "told_as", "actor_from",
                  "members", "subject_members", "clause_doer", "listed_plurals", "speaker_actor",
                  "made_when_said", "predicate", "adjective", "other_side", "named_as", "pos", "neg"})


@dataclass(frozen=True)
class Pattern:
    id: str
    type: str
    mode: str | None
    pos: str  # VERB, NOUN or ADJ
    lemmas: frozenset[str]
    objects: frozenset[str]
    not_objects: frozenset[str]
    object_words: frozenset[str]  # one of these must be in the object's phrase ("hunger strike", "on strike")
    not_object_words: frozenset[str]  # none of these in the object's phrase ("defended its right" is no support)
    own_object: bool  # the object names no side of its own ("prepared for a Russian offensive" readies none)
    object_person: bool  # a person the text names meets the object constraint too ("freed Paul Whelan")
    object_place: bool  # ... or a place it names ("left Kherson")
    clause_words: frozenset[str]  # one of these nouns must be in the verb's subject or obliques ("sanctions target")
    not_question: bool  # the verb's clausal complement must not be an indirect question ("asked why ...")
    not_naming: bool  # no object with a noun said of it ("calling it a historic day")
    named_as: frozenset[str]  # the object must be named one of these, or a noun these modify ("called the strike a
    # war crime", "described the drills as a provocation"; "called it a historic day" judges no one)
    needs_object: bool  # the verb must have an object ("wants Russia to return ..."; "wants to see ..." asks no one)
    no_object: bool  # the verb must have no object nor clause ("demonstrated cruelty" shows; "demonstrated" protests)
    transitive: bool  # a verb with a subject must have an object or be passive ("Hong Kong is burning" is no act)
    not_participle: bool  # no adverbial participle without an infinitive ("advanced, threatening a route")
    participle_preps: frozenset[str]  # ... or an oblique with one of these ("threatening them with tariffs")
    particles: frozenset[str]
    complement_aux: frozenset[str]  # the verb's clausal complement needs one of these ("said Sudan must return")
    not_complements: frozenset[str]  # the verb's infinitive must not be one of these ("refused to comment")
    not_complement_subjects: frozenset[str]  # nor have one of these nouns as its subject ("an escalation could")
    own_complement: bool  # a side the complement's subject names must be the actor's ("warned that Moscow could")
    own_complement_except: frozenset[str]  # ... unless its verb is one of these ("warned that Kyiv would pay")
    needs_complement: bool  # the verb must have an infinitive ("declined to resign"; "prices declined" is none)
    subjects: frozenset[str]  # the verb's subject must be one of these nouns ("riots continued", "protests erupted")
    complements: frozenset[str]  # the verb's infinitive must be one of these ("vowed to fight")
    preps: frozenset[str]  # the verb needs an oblique with one of these prepositions ("called for a truce")
    recipient: tuple[str, ...]
    needs_recipient: bool
    needs_actor: bool  # an actor with a country or an international body must be found
    implied_side: bool  # one side named in the clause meets needs_actor and needs_recipient if the other is implied
    anchored: bool  # the object alone makes it political ("a ceasefire was signed"): no named side needed
    actor_sectors: frozenset[str]  # the actor (or the recipient) must be of one of these sectors
    not_recipient_sectors: frozenset[str]  # a recipient of these sectors is none ("spoke to CNN")
    not_recipient_place: bool  # a town or region named as itself is no recipient ("met in Geneva")
    visited_place: bool  # an object naming no side is a place of the country named in it, else last ("visited Majdal Shams")
    symmetric: bool
    weak: bool
    patient_actor: bool  # told in the passive with no agent, the one it is told of acts ("forces were put on alert")
    anywhere: bool  # a noun that is a trigger wherever it stands, not only heading its line ("his visit to Kyiv")
    not_has: frozenset[str]  # none of these words may hang on the trigger itself ("his planned visit")
    not_head: frozenset[str]  # the trigger must not hang on one of these verbs ("cancelled his visit")
    has: frozenset[str]  # one of these words must hang on the trigger itself ("respond decisively")
    told_as: frozenset[str]  # the trigger must carry one of these auxiliaries, which make the act ("will respond")
    actor_from: tuple[str, ...]  # the side an oblique with one of these names acts ("came under fire from X",
    # "released from Russian captivity")
    members: frozenset[str]  # a noun's sides named by an oblique with one of these (or a participle of them:
    # "talks between the US and Russia", "negotiations involving X and Y"): the first acts, the others receive
    subject_members: frozenset[str]  # ... or, a noun in an oblique of one of these ("made no progress in talks"), the
    # sides the subject of the clause's verb names, two or more ("US and Russian officials made progress in talks")
    listed_plurals: bool  # a plural noun fires only in a form listed ("talks"; "phone calls with leaders" are a series)
    clause_doer: frozenset[str]  # a noun naming no doer of its own, in an oblique of one of these of a verb, is done
    # by that verb's subject ("In a call with Biden, Zelensky thanked him")
    passive_only: bool  # the pattern fires in the passive only ("were released from captivity")
    told_negated: bool  # the trigger must be negated, and so told it is the act ("will not tolerate": a threat)
    speaker_actor: bool  # the one who says the clause acts, not its subject ("'Hezbollah will pay the price,' he said")
    made_when_said: bool  # the act is the saying: not hypothetical for a modal of the clause, negated with its speech verb
    predicate: bool  # a noun said of a subject, with a copula or as a linking verb's complement ("Putin is a pariah")
    other_side: bool  # the recipient is of another side than the actor: one side alone is no such act ("Ukrainian
    # troops entered Kherson" takes no town by force; events.yaml assault-enter)
    positives: tuple[Example, ...]
    negatives: tuple[str, ...]


def _check_one_word_objects(entry: dict[str, Any], name: str, source: str) -> None:
    """An object word is matched against one token's lemma or form (events._object_fits): a phrase of several words
    ("false flag") would never match, and is refused rather than kept as a rule that does nothing."""
    several = sorted(w for key in ("object", "not_object") for w in word_set(entry, key) if " " in w)
    if several:
        raise ValueError(f"{source}: pattern {name}: objects are single words (the noun heading the object), "
                         f"not {several}")


def type_and_mode(entry: dict[str, Any], name: str, source: str) -> str | None:
    """The mode of a rule's entry, its PLOVER type and mode checked against the ontology."""
    types = ontology()["types"]
    if entry.get("type") not in types:
        raise ValueError(f"{source}: {name} has no PLOVER type")
    mode = entry.get("mode")
    if mode is not None and mode not in (types[entry["type"]].get("modes") or {}):
        raise ValueError(f"{source}: {name}: {mode!r} is no mode of {entry['type']}")
    return mode


def _pattern(entry: dict[str, Any], defaults: dict[str, list[str]], source: str) -> Pattern:
    unknown = set(entry) - KEYS
    name = entry.get("id", "?")
    if unknown:
        raise ValueError(f"{source}: pattern {name} has unknown keys {sorted(unknown)}")
    mode = type_and_mode(entry, f"pattern {name}", source)
    if sum(bool(entry.get(k)) for k in ("verb", "noun", "adjective")) != 1:
        raise ValueError(f"{source}: pattern {name} needs one verb, noun or adjective list")
    if not entry.get("pos") or not entry.get("neg"):
        raise ValueError(f"{source}: pattern {name} needs a positive and a negative example")
    _check_one_word_objects(entry, name, source)
    return Pattern(
        id=str(name), type=entry["type"], mode=mode, pos=_part_of_speech(entry),
        lemmas=word_set(entry, "verb") | word_set(entry, "noun") | word_set(entry, "adjective"), objects=noun_set(entry, "object"),
        not_objects=noun_set(entry, "not_object"), object_words=word_set(entry, "object_has"),
        not_object_words=word_set(entry, "not_object_has"), own_object=bool(entry.get("own_object")),
        not_complement_subjects=noun_set(entry, "not_complement_subject"),
        own_complement="own_complement_except" in entry, own_complement_except=word_set(entry, "own_complement_except"),
        object_person=bool(entry.get("object_person")), object_place=bool(entry.get("object_place")),
        clause_words=noun_set(entry, "clause_has"),
        not_question=bool(entry.get("not_question")), not_participle="not_participle" in entry,
        not_naming=bool(entry.get("not_naming")), named_as=noun_set(entry, "named_as"), needs_object=bool(entry.get("needs_object")),
        no_object=bool(entry.get("no_object")), transitive=bool(entry.get("transitive")),
        participle_preps=frozenset(entry.get("not_participle") or []),
        particles=word_set(entry, "particle"), complement_aux=word_set(entry, "complement_aux"),
        not_complements=word_set(entry, "not_complement"), preps=word_set(entry, "prep"),
        needs_complement=bool(entry.get("needs_complement")), subjects=noun_set(entry, "subject"),
        complements=word_set(entry, "complement"),
        recipient=tuple(entry.get("recipient") or defaults.get(entry["type"], ["obj"])),
        needs_recipient=bool(entry.get("needs_recipient")), needs_actor=bool(entry.get("needs_actor")), anchored=bool(entry.get("anchored")),
        implied_side=bool(entry.get("implied_side")),
        actor_sectors=frozenset(entry.get("actor_sectors") or []),
        not_recipient_sectors=frozenset(entry.get("not_recipient_sectors") or []),
        not_recipient_place=bool(entry.get("not_recipient_place")), visited_place=bool(entry.get("visited_place")),
        symmetric=bool(entry.get("symmetric")),
        weak=bool(entry.get("weak")), patient_actor=bool(entry.get("patient_actor")),
        anywhere=bool(entry.get("anywhere")), not_has=word_set(entry, "not_has"), not_head=word_set(entry, "not_head"),
        has=word_set(entry, "has"), told_as=word_set(entry, "told_as"), actor_from=tuple(entry.get("actor_from") or []),
        members=word_set(entry, "members"), subject_members=word_set(entry, "subject_members"),
        clause_doer=word_set(entry, "clause_doer"), listed_plurals=bool(entry.get("listed_plurals")),
        passive_only=bool(entry.get("passive_only")), told_negated=bool(entry.get("told_negated")),
        speaker_actor=bool(entry.get("speaker_actor")),
        made_when_said=bool(entry.get("made_when_said")), predicate=bool(entry.get("predicate")),
        other_side=bool(entry.get("other_side")),
        positives=tuple(read_example(p, source) for p in entry["pos"]), negatives=tuple(entry["neg"]),
    )


def _part_of_speech(entry: dict[str, Any]) -> str:
    return "VERB" if entry.get("verb") else "NOUN" if entry.get("noun") else "ADJ"


@lru_cache(maxsize=4)
def patterns(language: str = DEFAULT_LANGUAGE) -> tuple[Pattern, ...]:
    data = read_yaml(language, "events.yaml")
    source = f"lang/{language}/events.yaml"
    out = tuple(_pattern(e, data.get("recipient_defaults") or {}, source) for e in data["patterns"])
    ids = [p.id for p in out]
    if len(set(ids)) != len(ids):
        raise ValueError(f"{source}: pattern ids must be unique")
    return out


@lru_cache(maxsize=4)
def by_lemma(language: str = DEFAULT_LANGUAGE) -> dict[tuple[str, str], tuple[Pattern, ...]]:
    """(lemma or inflected form, VERB|NOUN) -> the patterns that may fire on it, in file order.

    Each pattern adds its forms in a row, so a pattern already listed under a form is its last: patterns are told
    apart by identity, never by a Pattern's generated __eq__ and __hash__, which read its fifty fields (0.05-0.09 s
    of every process's first analysis)."""
    index: dict[tuple[str, str], list[Pattern]] = defaultdict(list)
    for p in patterns(language):
        for lemma in p.lemmas:
            forms = verb_forms(lemma) if p.pos == "VERB" else noun_forms(lemma) if p.pos == "NOUN" else {lemma}
            for form in sorted(forms):
                found = index[(form, p.pos)]
                if not found or found[-1] is not p:
                    found.append(p)
    return {k: tuple(v) for k, v in index.items()}


@lru_cache(maxsize=4)
def intent_types(language: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """Type of an act promised or threatened -> the type PLOVER codes it as (AID -> AGREE, ASSAULT -> THREATEN)."""
    data = read_yaml(language, "events.yaml").get("intent") or {}
    types = ontology()["types"]
    out: dict[str, str] = {}
    for target in ("AGREE", "THREATEN"):
        for source in data.get(target) or []:
            if source not in types:
                raise ValueError(f"lang/{language}/events.yaml: intent lists unknown type {source!r}")
            out[source] = target
    return out


@lru_cache(maxsize=4)
def intent_conditional(language: str = DEFAULT_LANGUAGE) -> tuple[str | None, frozenset[str]]:
    """(the type of an act promised on a condition, the marks of such a condition): "will withdraw unless ..." is
    a threat."""
    rule = (read_yaml(language, "events.yaml").get("intent") or {}).get("conditional") or {}
    value = rule.get("type")
    if value is not None and value not in ontology()["types"]:
        raise ValueError(f"lang/{language}/events.yaml: intent conditional is an unknown type {value!r}")
    return value, frozenset(str(m).lower() for m in rule.get("marks") or [])


@lru_cache(maxsize=4)
def intent_scheduled(language: str = DEFAULT_LANGUAGE) -> tuple[frozenset[str], frozenset[str]]:
    """(the types of an act told as scheduled, the auxiliaries that schedule it): "will meet" is a meeting to come,
    neither a promise nor a mere possibility."""
    return _intent_rule(language, "scheduled", "auxiliaries")


@lru_cache(maxsize=4)
def intent_goals(language: str = DEFAULT_LANGUAGE) -> frozenset[str]:
    """Nouns of an aim: "his goal is to seize the regions" tells an act aimed at, whose owner promises it."""
    return _intent_words(language, "goals")


@lru_cache(maxsize=4)
def intent_weighed(language: str = DEFAULT_LANGUAGE) -> frozenset[str]:
    """Auxiliaries of an act on a condition that, told in the text's own words and no one's, weigh a possibility:
    "China would back Russia if it moved on Ukraine" promises nothing."""
    return _intent_words(language, "weighed")


@lru_cache(maxsize=4)
def intent_measures(language: str = DEFAULT_LANGUAGE) -> frozenset[str]:
    """Head nouns of a subject that is a measure (a law, a bill, a deal): what it `would` do promises nothing."""
    return _intent_words(language, "measures")


@lru_cache(maxsize=4)
def intent_carried(language: str = DEFAULT_LANGUAGE) -> tuple[frozenset[str], frozenset[str]]:
    """(the types of act whose promise a verb of aspect carries, those verbs): "will continue to strike" is a threat,
    as "will strike" is; "will continue to impose sanctions" is the sanction, going on."""
    return _intent_rule(language, "carried", "verbs")


def _intent_words(language: str, key: str) -> frozenset[str]:
    """One lower-cased word list under events.yaml's `intent` (goals, weighed, measures)."""
    return word_set(rule_section(language, "intent")[0], key)


def _intent_rule(language: str, name: str, words_key: str) -> tuple[frozenset[str], frozenset[str]]:
    """(types, lower-cased words) of one rule under events.yaml's `intent`, its types checked against PLOVER."""
    rule = (read_yaml(language, "events.yaml").get("intent") or {}).get(name) or {}
    types = frozenset(rule.get("types") or [])
    unknown = types - set(ontology()["types"])
    if unknown:
        raise ValueError(f"lang/{language}/events.yaml: intent {name} lists unknown types {sorted(unknown)}")
    return types, word_set(rule, words_key)


def intent_examples(language: str = DEFAULT_LANGUAGE) -> tuple[tuple[Example, ...], tuple[str, ...]]:
    return rule_examples(*rule_section(language, "intent"))


def _types(data: dict[str, Any], source: str, key: str = "types") -> frozenset[str]:
    """The PLOVER types a rule of events.yaml names (under `key`: its types, the acts it reads), each checked against
    the ontology."""
    unknown = [t for t in data.get(key) or [] if t not in ontology()["types"]]
    if unknown:
        raise ValueError(f"{source}: unknown types {unknown}")
    return frozenset(data.get(key) or [])


@dataclass(frozen=True)
class ComplementRecipients:
    """Types whose recipient, when they have none, is the recipient of the act they are about."""

    types: frozenset[str]
    preps: tuple[str, ...]
    positives: tuple[Example, ...]
    negatives: tuple[str, ...]


@lru_cache(maxsize=4)
def complement_recipients(language: str = DEFAULT_LANGUAGE) -> ComplementRecipients:
    data, source = rule_section(language, "complement_recipients")
    return ComplementRecipients(_types(data, source), _preps(data, "preps", source), *rule_examples(data, source))


def _preps(data: dict[str, Any], key: str, source: str) -> tuple[str, ...]:
    """A rule's list of prepositions, as written: YAML reads a bare `on` as true, which would match no word."""
    preps = data.get(key) or []
    if not all(isinstance(p, str) for p in preps):
        raise ValueError(f"{source}: {key} must be words (quote \"on\")")
    return tuple(preps)


@dataclass(frozen=True)
class NominalRecipients:
    """events.yaml `nominal_recipients`: a verbal act of `types` on an act of dealing with a side (one of `nouns`, its
    object or an oblique of one of `object_preps`: "demanded talks with US commanders", "called for dialogue with
    Moscow") is aimed at the side an oblique of that noun with one of `preps` names."""

    types: frozenset[str]
    nouns: frozenset[str]
    preps: tuple[str, ...]
    object_preps: tuple[str, ...]
    positives: tuple[Example, ...]
    negatives: tuple[str, ...]


@lru_cache(maxsize=4)
def nominal_recipients(language: str = DEFAULT_LANGUAGE) -> NominalRecipients:
    data, source = rule_section(language, "nominal_recipients")
    return NominalRecipients(_types(data, source), noun_set(data, "nouns"), _preps(data, "preps", source),
                             _preps(data, "object_preps", source), *rule_examples(data, source))


@lru_cache(maxsize=4)
def readying_types(language: str = DEFAULT_LANGUAGE) -> frozenset[str]:
    """Types whose recipient an act of force they ready troops for may name ("mobilized reservists for a war against
    Iraq")."""
    data = {"types": read_yaml(language, "events.yaml").get("readying_types") or []}
    return _types(data, f"lang/{language}/events.yaml: readying_types")


@lru_cache(maxsize=4)
def struck_apart_types(language: str = DEFAULT_LANGUAGE) -> frozenset[str]:
    """Types whose places of one country struck are each a recipient, not that country told once ("shelled Kharkiv
    and Sumy")."""
    return _types(read_yaml(language, "events.yaml"), f"lang/{language}/events.yaml", "struck_apart_types")


@dataclass(frozen=True)
class StateActs:
    """Modes of acts only a state's organs do: told with no one doing them, they are the authorities' of the place."""

    modes: frozenset[str]
    positives: tuple[Example, ...]
    negatives: tuple[str, ...]


@lru_cache(maxsize=4)
def state_acts(language: str = DEFAULT_LANGUAGE) -> StateActs:
    data = read_yaml(language, "events.yaml").get("state_acts") or {}
    return StateActs(frozenset(data.get("modes") or []), *rule_examples(data, f"lang/{language}/events.yaml: state_acts"))


@dataclass(frozen=True)
class TypedRule:
    """A rule of events.yaml over event types, with its examples: `place_targets` (acts that, with no recipient
    named, are aimed at the people and rulers of the clause's place), `owner_targets` (force on a thing that names no
    side, aimed at the side its "of" complement names), `content_acts` (verbal acts whose imagined
    content, an act asked for, threatened or promised, is no event of its own), `maker_recipients` (verbal acts
    on a thing someone made, aimed at its maker), `clause_doers` (verbal acts aimed at the doer of the clause they
    report, not at the one a passive there tells of), `reported_cause_acts` (verbal acts joined to a reported clause
    whose subject is a cause: the reporter's) and `heading_stances` (a heading's stance that an act below tells in its
    own words)."""

    types: frozenset[str]
    positives: tuple[Example, ...]
    negatives: tuple[str, ...]


@lru_cache(maxsize=32)
def typed_rule(key: str, language: str = DEFAULT_LANGUAGE) -> TypedRule:
    """The events.yaml rule `key` over event types (TypedRule says what each one does), read once a language."""
    data, source = rule_section(language, key)
    return TypedRule(_types(data, source), *rule_examples(data, source))


@dataclass(frozen=True)
class TypedWords:
    """A rule of events.yaml over event types and one list of words, with its examples: `condition_recipients` (acts
    that, with no recipient named, are aimed at the subject of their clause of condition; words: the marks of
    condition), `claim_recipients` (acts on a claim of no one named, "dismissed the reports": aimed at the side the
    text last reported saying something, of another country than the actor; words: the claim nouns), `harm_recipients`
    (a threat whose clause foretells the ruin "of" a side, "would end in the destruction of the country", is aimed at it;
    words: the ruin nouns),
    `attempted_acts` (acts controlled by an attempt verb, "tried to storm the plant": the attempt is the act, told
    as done where the attempt itself is) and `private_acts` (cooperation that private people among themselves do not
    make political: an event all of whose sides are of the sectors named is none)."""

    types: frozenset[str]
    words: frozenset[str]
    positives: tuple[Example, ...]
    negatives: tuple[str, ...]


def _codes(entry: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(entry.get(key) or [])


def _typed_words(language: str, key: str, words_key: str,
                 read: Callable[[dict[str, Any], str], frozenset[str]] = word_set) -> TypedWords:
    data, source = rule_section(language, key)
    return TypedWords(_types(data, source), read(data, words_key), *rule_examples(data, source))


@lru_cache(maxsize=4)
def condition_recipients(language: str = DEFAULT_LANGUAGE) -> TypedWords:
    return _typed_words(language, "condition_recipients", "marks")


@lru_cache(maxsize=4)
def claim_recipients(language: str = DEFAULT_LANGUAGE) -> TypedWords:
    return _typed_words(language, "claim_recipients", "nouns", noun_set)


@dataclass(frozen=True)
class QuotedPhrases:
    """events.yaml `quoted_phrases`: an act told inside a quotation that the narrator's clause holds as a phrase of its
    own, by any dependency but `speech_deps` (those by which a clause reports what was said) or, for quoted words with
    a subject of their own, `clause_deps` (a clause joined to the narrator's), is someone's words mentioned, not a
    happening told: its confidence is at most `confidence`."""

    speech_deps: frozenset[str]
    clause_deps: frozenset[str]
    confidence: float
    examples: tuple[tuple[Example, ...], tuple[str, ...]]  # the positives, the negatives


@lru_cache(maxsize=4)
def quoted_phrases(language: str = DEFAULT_LANGUAGE) -> QuotedPhrases:
    """The rule, its ceiling checked: a mark of an unsure event is below the confidence that shows one (0.5)."""
    data, source = rule_section(language, "quoted_phrases")
    return QuotedPhrases(word_set(data, "speech_deps"), word_set(data, "clause_deps"), unsure_ceiling(data, source),
                         rule_examples(data, source))


@dataclass(frozen=True)
class GivenClauses:
    """events.yaml `given_clauses`: an act told in an adverbial clause set before its head and opened by one of `marks`
    ("When Iraq invaded Kuwait, ..."), or an act noun heading a phrase set there with one of `preps` ("Following the
    invasion, ..."), is the ground its sentence's news stands on, not the news: its confidence is at most
    `confidence`. Its positive examples are shown with their sides; its negatives mark the act of their opening clause
    unsure."""

    confidence: float
    examples: tuple[tuple[Example, ...], tuple[str, ...]]  # the positives, the negatives
    marks: frozenset[str]
    preps: frozenset[str]


@lru_cache(maxsize=4)
def given_clauses(language: str = DEFAULT_LANGUAGE) -> GivenClauses:
    """The rule, its ceiling checked against the confidence that shows an event (0.5), its words lower-cased."""
    data, source = rule_section(language, "given_clauses")
    return GivenClauses(confidence=unsure_ceiling(data, source), examples=rule_examples(data, source),
                        marks=word_set(data, "marks"), preps=word_set(data, "preps"))


@dataclass(frozen=True)
class SelfTargets:
    """events.yaml `self_targets`: a target no one named, implied from a place, where a side acting is named by a place
    of that country: force of `types` then has no recipient read; an act of `unsure_types` (the place's rulers that
    place_targets gives a protest) keeps it, at most `confidence`, marked unsure."""

    types: frozenset[str]
    unsure_types: frozenset[str]
    positives: tuple[Example, ...]
    negatives: tuple[str, ...]
    confidence: float


@lru_cache(maxsize=4)
def self_targets(language: str = DEFAULT_LANGUAGE) -> SelfTargets:
    data, source = rule_section(language, "self_targets")
    return SelfTargets(_types(data, source), _types(data, source, "unsure_types"), *rule_examples(data, source),
                       unsure_ceiling(data, source))


@lru_cache(maxsize=4)
def targetless_types(language: str = DEFAULT_LANGUAGE) -> frozenset[str]:
    """events.yaml `targetless_acts`: types of act that aim at no one by nature (a deployment, an alert, an exercise);
    one told with no recipient, its actor named in the trigger's own argument, has every side it can have known
    (event_confidence.features `both_known`)."""
    return _types(*rule_section(language, "targetless_acts"))


def targetless_examples(language: str = DEFAULT_LANGUAGE) -> tuple[tuple[Example, ...], tuple[str, ...]]:
    """Its positives (sentence => sides), shown, and negatives, coded and marked unsure."""
    return rule_examples(*rule_section(language, "targetless_acts"))


@dataclass(frozen=True)
class GuessedVerbs:
    """events.yaml `guessed_verbs`: an event whose trigger a parse repair read as a verb from a noun tag at the root of
    a headline (syntax.repair_root_plurals) is kept, at most `confidence`, marked unsure; `examples` are its
    positives (sentence => sides) and negatives."""

    confidence: float
    examples: tuple[tuple[Example, ...], tuple[str, ...]]


@lru_cache(maxsize=4)
def guessed_verbs(language: str = DEFAULT_LANGUAGE) -> GuessedVerbs:
    """The rule, its ceiling checked against the confidence that shows an event (0.5)."""
    data, source = rule_section(language, "guessed_verbs")
    return GuessedVerbs(confidence=unsure_ceiling(data, source), examples=rule_examples(data, source))


@dataclass(frozen=True)
class ListedPlaces:
    """events.yaml `listed_places`: a one-word name no gazetteer or entity knows, listed only with whole places of one
    country, is a place of that country, its events kept at most `confidence`, marked unsure; a name an entity of
    `not_place_entities` covers is none."""

    not_place_entities: frozenset[str]
    confidence: float
    examples: tuple[tuple[Example, ...], tuple[str, ...]]


@lru_cache(maxsize=4)
def listed_places(language: str = DEFAULT_LANGUAGE) -> ListedPlaces:
    """The rule, its ceiling checked against the confidence that shows an event (0.5)."""
    data, source = rule_section(language, "listed_places")
    return ListedPlaces(_entity_types(data, source, "not_place_entities"), unsure_ceiling(data, source),
                        rule_examples(data, source))


def _entity_types(data: dict[str, Any], source: str, key: str) -> frozenset[str]:
    """The entity types a rule of events.yaml lists under `key`, each checked against those the entity reader gives
    (model.EntityType): a misspelt type would cover no entity."""
    unknown = [t for t in data.get(key) or [] if t not in get_args(EntityType)]
    if unknown:
        raise ValueError(f"{source}: unknown entity types {unknown} under {key}")
    return frozenset(data.get(key) or [])


@dataclass(frozen=True)
class MovedDestinations:
    """events.yaml `moved_destinations`: forces of `types` moved "from" one place "to" another, where the parse hung the
    destination (an oblique of `destinations`) inside the phrase of the place left (an oblique of `sources`) or of the
    participle placing the forces moved ("troops based in the U.S. to Poland"): it is where the move goes."""

    types: frozenset[str]
    sources: frozenset[str]
    destinations: frozenset[str]
    positives: tuple[Example, ...]
    negatives: tuple[str, ...]


@lru_cache(maxsize=4)
def moved_destinations(language: str = DEFAULT_LANGUAGE) -> MovedDestinations:
    data, source = rule_section(language, "moved_destinations")
    return MovedDestinations(_types(data, source), word_set(data, "sources"), word_set(data, "destinations"),
                             *rule_examples(data, source))


@dataclass(frozen=True)
class PlacePointers:
    """events.yaml `place_pointers`: a move of forces of `types` to a bare place noun of `nouns` ("to the area") is
    aimed where the last act of `scene_types` told was."""

    types: frozenset[str]
    scene_types: frozenset[str]
    nouns: frozenset[str]
    determiners: frozenset[str]
    positives: tuple[Example, ...]
    negatives: tuple[str, ...]


@lru_cache(maxsize=4)
def place_pointers(language: str = DEFAULT_LANGUAGE) -> PlacePointers:
    data, source = rule_section(language, "place_pointers")
    return PlacePointers(_types(data, source), _types(data, source, "scene_types"), noun_set(data, "nouns"),
                         word_set(data, "determiners"), *rule_examples(data, source))


@lru_cache(maxsize=4)
def casualties_retold(language: str = DEFAULT_LANGUAGE) -> TypedWords:
    """events.yaml `casualties_retold`: casualties of `types` whose doer is only implied are the force told before
    when their clause points back at it (an attack noun with a determiner of `determiners`, the rule's words)."""
    return _typed_words(language, "casualties_retold", "determiners", word_set)


@lru_cache(maxsize=4)
def harm_recipients(language: str = DEFAULT_LANGUAGE) -> TypedWords:
    return _typed_words(language, "harm_recipients", "nouns", noun_set)


@dataclass(frozen=True)
class ArticleSetting:
    """events.yaml `article_setting`: the country at least `share` of an article's places are in is its setting, where
    the sides of `sectors`, or named by a noun of `forces`, that nothing else placed are."""

    share: float
    least: int  # place mentions of the country, at the least: a sentence naming its country once sets no story
    sectors: frozenset[str]
    forces: frozenset[str]
    addressed: frozenset[str]  # verbal acts that, naming no recipient, are aimed at the setting's rulers
    unaddressing: frozenset[str]  # sectors whose such acts are aimed at no one (a news agency's allegation is a report)
    positives: tuple[Example, ...]
    negatives: tuple[str, ...]


@lru_cache(maxsize=4)
def article_setting(language: str = DEFAULT_LANGUAGE) -> ArticleSetting:
    data, source = rule_section(language, "article_setting")
    share = data.get("share")
    if not isinstance(share, (int, float)) or not 0 < share <= 1:
        raise ValueError(f"{source}: share must be a number above 0 and at most 1")
    return ArticleSetting(float(share), _least(data, source), _codes(data, "sectors"), noun_set(data, "forces"),
                          _types(data, source, "addressed_types"), _codes(data, "unaddressing_sectors"),
                          *rule_examples(data, source))


@dataclass(frozen=True)
class WarFront:
    """events.yaml `war_front`: the country, a side of one war (resources/conflicts), whose places an article names
    `least` times at least, naming none of the other side's nor of another war's, is the side its enemy words are
    said from; "the enemy", "the occupiers" are then the other side of that war."""

    least: int
    positives: tuple[Example, ...]
    negatives: tuple[str, ...]


@lru_cache(maxsize=4)
def war_front(language: str = DEFAULT_LANGUAGE) -> WarFront:
    data, source = rule_section(language, "war_front")
    return WarFront(_least(data, source), *rule_examples(data, source))


def _least(data: dict[str, Any], source: str) -> int:
    """A rule's `least`: how many mentions at the least, a whole number of 1 or more."""
    least = data.get("least")
    if not isinstance(least, int) or isinstance(least, bool) or least < 1:
        raise ValueError(f"{source}: least must be a whole number of 1 or more")
    return least


@dataclass(frozen=True)
class DomesticForce:
    """events.yaml `domestic_force`: force of `types` with no one named using it, on people of the one country the
    text has named, is that country's own; only on people of `victim_sectors` (civilians, protesters: a soldier killed
    is war), and not an act of a mode of `war_modes` (shelling, air strikes), nor harm told as one of `cause_nouns` of an
    attack ("as a result of a rocket attack")."""

    types: frozenset[str]
    victim_sectors: frozenset[str]
    war_modes: frozenset[str]
    cause_nouns: frozenset[str]
    positives: tuple[Example, ...]
    negatives: tuple[str, ...]


@lru_cache(maxsize=4)
def domestic_force(language: str = DEFAULT_LANGUAGE) -> DomesticForce:
    data, source = rule_section(language, "domestic_force")
    return DomesticForce(_types(data, source), _codes(data, "victim_sectors"), word_set(data, "war_modes"),
                         word_set(data, "cause_nouns"), *rule_examples(data, source))


@dataclass(frozen=True)
class WarOnsets:
    """events.yaml `war_onsets`: harm of `types` with no one named doing it, told as happening since a side's war began
    (an act noun of `acts` after one of `marks`, or after the "of" of one of `onsets`), is that side's force."""

    types: frozenset[str]
    marks: frozenset[str]
    onsets: frozenset[str]
    acts: frozenset[str]
    positives: tuple[Example, ...]
    negatives: tuple[str, ...]


@lru_cache(maxsize=4)
def war_onsets(language: str = DEFAULT_LANGUAGE) -> WarOnsets:
    data, source = rule_section(language, "war_onsets")
    return WarOnsets(_types(data, source), word_set(data, "marks"), word_set(data, "onsets"), word_set(data, "acts"),
                     *rule_examples(data, source))


@dataclass(frozen=True)
class HomeFront:
    """events.yaml `home_front`: force of `types` by a force of `sectors` (or of `state_types` by the state itself or a
    sector of `state_sectors`: "" is none), aimed at no one named, on its own country's soil, is aimed at the other side
    of that country's war (events._home_front)."""

    sectors: frozenset[str]
    types: frozenset[str]
    state_sectors: frozenset[str]
    state_types: frozenset[str]
    positives: tuple[Example, ...]
    negatives: tuple[str, ...]


@lru_cache(maxsize=4)
def home_front(language: str = DEFAULT_LANGUAGE) -> HomeFront:
    data, source = rule_section(language, "home_front")
    return HomeFront(_codes(data, "sectors"), _types(data, source),
                     frozenset(str(s or "") for s in data.get("state_sectors") or []),
                     _types(data, source, "state_types"), *rule_examples(data, source))


@dataclass(frozen=True)
class ConflictAttackers:
    """events.yaml `conflict_attackers`: force of `types` with no one named doing it, told by a noun of `instruments`
    or of a mode of `modes`, on one side of a conflict, is the other side's; a noun of `shared` (fighting) names no one.
    Where the clause names no side at all, only a place of one side of the war, the event is at most `confidence`."""

    types: frozenset[str]
    instruments: frozenset[str]
    modes: frozenset[str]
    shared: frozenset[str]
    confidence: float
    positives: tuple[Example, ...]
    negatives: tuple[str, ...]


@lru_cache(maxsize=4)
def conflict_attackers(language: str = DEFAULT_LANGUAGE) -> ConflictAttackers:
    data, source = rule_section(language, "conflict_attackers")
    return ConflictAttackers(_types(data, source), word_set(data, "instruments"), word_set(data, "modes"),
                             word_set(data, "shared"), unsure_ceiling(data, source), *rule_examples(data, source))


@dataclass(frozen=True)
class ReferredActs:
    """events.yaml `referred_acts`: verbal acts of `types` on an earlier act named by a bare noun ("condemned the
    attack", "rejected these accusations") are aimed at whoever did the last act of that kind the text told;
    `acts` maps each such noun (and its plural) to the PLOVER type of the act it names."""

    types: frozenset[str]
    determiners: frozenset[str]
    acts: dict[str, str]
    positives: tuple[Example, ...]
    negatives: tuple[str, ...]


@lru_cache(maxsize=4)
def referred_acts(language: str = DEFAULT_LANGUAGE) -> ReferredActs:
    data, source = rule_section(language, "referred_acts")
    _types(data, source, "acts")  # checked: each act a type of the ontology
    kinds = data.get("acts") or {}
    acts = {form: str(type_) for type_ in kinds for form in noun_set(kinds, type_)}
    return ReferredActs(_types(data, source), word_set(data, "determiners"), acts, *rule_examples(data, source))


@lru_cache(maxsize=4)
def attempted_acts(language: str = DEFAULT_LANGUAGE) -> TypedWords:
    return _typed_words(language, "attempted_acts", "verbs")


@lru_cache(maxsize=4)
def private_acts(language: str = DEFAULT_LANGUAGE) -> TypedWords:
    return _typed_words(language, "private_acts", "sectors", _codes)


@lru_cache(maxsize=4)
def nonpolitical_sectors(language: str = DEFAULT_LANGUAGE) -> frozenset[str]:
    """Sectors that make no political side by themselves (business)."""
    return frozenset(read_yaml(language, "events.yaml").get("nonpolitical_sectors") or [])


@lru_cache(maxsize=4)
def local_sectors(language: str = DEFAULT_LANGUAGE) -> frozenset[str]:
    """Sectors whose actor, named without a country, belongs to the place it acts in ("police in Dhaka")."""
    return frozenset(read_yaml(language, "events.yaml").get("local_sectors") or [])


@dataclass(frozen=True)
class PlacedSectors:
    """Sectors whose sides, named without a country, are of the place where they act or are acted on."""

    sectors: frozenset[str]
    groups: frozenset[str]  # armed groups of these sectors fight in their own country: their victims are of it
    unowned: frozenset[str]  # of no side: a country the text named before them is not theirs
    positives: tuple[Example, ...]
    negatives: tuple[str, ...]
    sponsored: frozenset[str] = frozenset()  # acts by which a state arms or backs a group abroad: not its own people


@lru_cache(maxsize=4)
def placed_sectors(language: str = DEFAULT_LANGUAGE) -> PlacedSectors:
    data, source = rule_section(language, "placed_sectors")
    return PlacedSectors(frozenset(data.get("sectors") or []), frozenset(data.get("groups") or []),
                         frozenset(data.get("unowned") or []), *rule_examples(data, source),
                         sponsored=frozenset(data.get("sponsored_types") or []))


@dataclass(frozen=True)
class StandingForces:
    """Sectors of a force, which is of its own country wherever it stands: its country is not the clause's place."""

    sectors: frozenset[str]
    moving: frozenset[str]  # acts that send forces somewhere: the place they go to is whom the act is aimed at
    positives: tuple[Example, ...]
    negatives: tuple[str, ...]


@lru_cache(maxsize=4)
def standing_forces(language: str = DEFAULT_LANGUAGE) -> StandingForces:
    """events.yaml standing_forces: the forces a clause's place does not take as its own (events._standing_force)."""
    data, source = rule_section(language, "standing_forces")
    return StandingForces(frozenset(data.get("sectors") or []), _types(data, source, "moving_types"),
                          *rule_examples(data, source))


@dataclass(frozen=True)
class Interception:
    """Shoot-downs and interceptions, which are no use of force on anyone: a verb of force told with one of
    `particles` ("shot down"), or force on an object named by `objects` ("destroyed 20 air targets")."""

    verbs: frozenset[str]
    particles: frozenset[str]
    objects: frozenset[str]
    defenders: frozenset[str]  # words of air defence in the doer's phrase ("anti-aircraft missile forces destroyed")
    positives: tuple[Example, ...]
    negatives: tuple[str, ...]


@lru_cache(maxsize=4)
def interception(language: str = DEFAULT_LANGUAGE) -> Interception:
    data, source = rule_section(language, "interception")
    verbs = frozenset(f for w in word_set(data, "verbs") for f in verb_forms(w))  # "shot": the parse's lemma may be the form
    return Interception(verbs, word_set(data, "particles"),
                        frozenset(f for w in word_set(data, "objects") for f in _phrase_forms(w)), word_set(data, "defenders"),
                        *rule_examples(data, source))


def _phrase_forms(phrase: str) -> frozenset[str]:
    """"air target" -> air target, air targets: the last word inflected."""
    *mods, last = phrase.split()
    return frozenset(" ".join([*mods, f]) for f in noun_forms(last))
