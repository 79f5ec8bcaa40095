"""Language knowledge the extractors read, from `resources/lang/<code>/`, checked against a schema.

A second language is a sibling folder with the same files; no code changes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from flashpoint.yamlio import load_yaml

LANG_DIR = Path(__file__).resolve().parent.parent / "resources" / "lang"
DEFAULT_LANGUAGE = "en"

SYNTAX_LISTS = (
    # verbs
    "absolute_speech_participles", "agent_verbs", "aim_participles", "assertion_verbs", "bidding_verbs",
    "coercion_verbs", "denial_verbs", "doer_participles", "going_on_verbs", "irrealis_verbs", "light_verbs",
    "means_verbs", "object_control_verbs", "object_verbs", "perception_verbs", "perfect_lemmas",
    "resisting_verbs", "singular_past_forms", "support_verbs",
    # nouns and the heads of noun phrases
    "accident_nouns", "act_nouns", "agent_nouns", "anaphoric_determiners", "attack_nouns", "body_anaphors",
    "help_nouns", "kind_heads", "mention_heads", "named_objects", "partitive_heads", "person_objects",
    "place_nouns", "region_nouns", "undergone_nouns", "victim_of_nouns",
    # prepositions
    "addressee_preps", "agent_preps", "aim_preps", "attack_target_preps", "enemy_owner_preps",
    "engaged_preps", "infinitive_subject_preps", "instrument_preps", "mishap_preps", "owner_preps",
    "partner_preps", "place_preps", "question_preps", "readiness_preps", "reason_preps", "request_preps",
    "stationed_preps", "subject_scene_preps", "topic_preps", "verb_preps",
    # marks, conjunctions and the words that open a clause
    "absolute_marks", "additive_conjunctions", "apposition_closers", "apposition_marks", "awaited_marks",
    "clause_openers", "conditional_marks", "control_marks", "dissuasion_marks", "editorial_insertions",
    "infinitive_marks", "means_marks", "name_list_openers", "naming_marks", "purpose_marks",
    "shared_scope_conjunctions", "topic_marks",
    # auxiliaries and modals
    "capability_modals", "future_auxiliaries", "intent_auxiliaries", "modal_auxiliaries", "past_auxiliaries",
    "past_perfect_auxiliaries", "perfect_auxiliaries", "present_auxiliaries", "present_perfect_auxiliaries",
    # pronouns and relative words
    "group_pronouns", "lasting_pronouns", "people_pronouns", "person_relatives", "place_relatives",
    "relative_pronouns", "speaker_pronouns",
    # parse labels and tags
    "headline_subject_deps", "noun_tags", "phrase_opener_deps", "present_tags",
    # other words
    "apposition_pair_words", "claim_words", "enemy_words", "intent_words", "name_list_words", "negators",
    "pair_phrases", "pending_adverbs", "prepared_acts", "question_words", "reciprocals",
)


def read_yaml(language: str, name: str) -> Any:
    """One language file, parsed once per process: a dozen rule sets read events.yaml, each its own part. The
    parsed data is shared by every caller, which reads it and never changes it."""
    return _read(LANG_DIR, language, name)


@lru_cache(maxsize=256)
def _read(lang_dir: Path, language: str, name: str) -> Any:
    """read_yaml's file, found once per folder, language and name: some readers ask per sentence, and a path joined
    and looked up on the disk each time cost more than the read (a missing file is looked for again: errors are
    not kept)."""
    path = lang_dir / language / name
    if not path.exists():
        raise FileNotFoundError(f"no {name} for language {language!r} in {lang_dir}")
    return _parsed(path)


def _mapping(language: str, name: str, what: str) -> tuple[dict[str, Any], str]:
    """A language file that must be a mapping, with the name its errors give: `what` says what it maps."""
    data, source = read_yaml(language, name), f"lang/{language}/{name}"
    if not isinstance(data, dict):
        raise ValueError(f"{source}: {what}")
    return data, source


@lru_cache(maxsize=64)
def _parsed(path: Path) -> Any:
    with path.open(encoding="utf-8") as fh:
        return load_yaml(fh)  # the C loader, or this text's data kept from an earlier process


@dataclass(frozen=True)
class Syntax:
    """Function words and verb classes (see resources/lang/en/syntax.yaml)."""

    negators: frozenset[str]
    denial_verbs: frozenset[str]
    irrealis_verbs: frozenset[str]
    coercion_verbs: frozenset[str]
    object_control_verbs: frozenset[str]
    modal_auxiliaries: frozenset[str]
    conditional_marks: frozenset[str]
    partitive_heads: frozenset[str]
    kind_heads: frozenset[str]
    person_objects: frozenset[str]
    support_verbs: frozenset[str]
    addressee_preps: frozenset[str]
    instrument_preps: frozenset[str]
    resisting_verbs: frozenset[str]
    attack_nouns: frozenset[str]
    relative_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    lasting_pronouns: frozenset[str]
    people_pronouns: frozenset[str]
    place_preps: frozenset[str]
    subject_scene_preps: frozenset[str]
    attack_target_preps: frozenset[str]
    intent_auxiliaries: frozenset[str]
    intent_words: frozenset[str]
    purpose_marks: frozenset[str]
    means_marks: frozenset[str]
    enemy_words: frozenset[str]
    enemy_owner_preps: frozenset[str]
    place_nouns: frozenset[str]
    pending_adverbs: frozenset[str]
    object_verbs: frozenset[str]
    agent_nouns: frozenset[str]
    act_nouns: frozenset[str]
    speaker_pronouns: frozenset[str]
    question_words: frozenset[str]
    anaphoric_determiners: frozenset[str]
    claim_words: frozenset[str]
    means_verbs: frozenset[str]
    help_nouns: frozenset[str]
    topic_preps: frozenset[str]
    topic_marks: frozenset[str]
    partner_preps: frozenset[str]
    perception_verbs: frozenset[str]
    body_anaphors: frozenset[str]
    capability_modals: frozenset[str]
    reciprocals: frozenset[str]
    prepared_acts: frozenset[str]
    pair_phrases: frozenset[str]
    accident_nouns: frozenset[str]
    question_preps: frozenset[str]
    victim_of_nouns: frozenset[str]
    shared_scope_conjunctions: frozenset[str]
    clause_openers: frozenset[str]
    absolute_marks: frozenset[str]
    absolute_speech_participles: frozenset[str]
    named_objects: frozenset[str]
    control_marks: frozenset[str]
    person_relatives: frozenset[str]
    past_auxiliaries: frozenset[str]
    future_auxiliaries: frozenset[str]
    editorial_insertions: frozenset[str]
    place_relatives: frozenset[str]
    infinitive_marks: frozenset[str]
    naming_marks: frozenset[str]
    infinitive_subject_preps: frozenset[str]
    present_auxiliaries: frozenset[str]
    present_perfect_auxiliaries: frozenset[str]
    additive_conjunctions: frozenset[str]
    perfect_auxiliaries: frozenset[str]
    past_perfect_auxiliaries: frozenset[str]
    agent_preps: frozenset[str]
    owner_preps: frozenset[str]
    dissuasion_marks: frozenset[str]
    reason_preps: frozenset[str]
    request_preps: frozenset[str]
    readiness_preps: frozenset[str]
    stationed_preps: frozenset[str]
    mishap_preps: frozenset[str]
    perfect_lemmas: frozenset[str]
    singular_past_forms: frozenset[str]
    verb_preps: frozenset[str]
    agent_verbs: frozenset[str]
    light_verbs: frozenset[str]
    engaged_preps: frozenset[str]
    undergone_nouns: frozenset[str]
    aim_participles: frozenset[str]
    aim_preps: frozenset[str]
    doer_participles: frozenset[str]
    assertion_verbs: frozenset[str]
    going_on_verbs: frozenset[str]
    mention_heads: frozenset[str]
    awaited_marks: frozenset[str]
    bidding_verbs: frozenset[str]
    name_list_words: frozenset[str]
    name_list_openers: frozenset[str]
    apposition_marks: frozenset[str]
    apposition_closers: frozenset[str]
    apposition_pair_words: frozenset[str]
    region_nouns: frozenset[str]
    phrase_opener_deps: frozenset[str]
    headline_subject_deps: frozenset[str]
    noun_tags: frozenset[str]
    present_tags: frozenset[str]  # lower-cased, as noun_tags: compare tag_.lower()
    person_pronouns: dict[str, str] = field(default_factory=dict)


def _cased_list(data: dict[str, Any], key: str, source: str) -> frozenset[str]:
    """A list of words kept as written (title and event words are matched with their capitals), checked: words
    only, none twice."""
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
        raise ValueError(f"{source}: {key!r} must be a list of words")
    if len(set(value)) != len(value):
        dup = sorted({w for w in value if value.count(w) > 1})
        raise ValueError(f"{source}: {key!r} lists {dup} twice")
    return frozenset(value)


def _word_list(data: dict[str, Any], key: str, source: str) -> frozenset[str]:
    """A checked list of words, matched in lower case."""
    return frozenset(w.lower() for w in _cased_list(data, key, source))


def word_list(language: str, name: str, key: str) -> frozenset[str]:
    """One checked word list of a language file, in lower case."""
    return _word_list(read_yaml(language, name), key, f"lang/{language}/{name}")


@lru_cache(maxsize=4)
def syntax(language: str = DEFAULT_LANGUAGE) -> Syntax:
    data = read_yaml(language, "syntax.yaml")
    source = f"lang/{language}/syntax.yaml"
    lists = {key: _word_list(data, key, source) for key in SYNTAX_LISTS}
    pronouns = data.get("person_pronouns") or {}
    if not isinstance(pronouns, dict):
        raise ValueError(f"{source}: person_pronouns must map a pronoun to a gender")
    return Syntax(**lists, person_pronouns={str(k).lower(): str(v) for k, v in pronouns.items()})


@dataclass(frozen=True)
class People:
    """How a text marks a person and their gender (see resources/lang/en/people.yaml)."""

    honorifics: dict[str, str | None]
    gendered_roles: dict[str, str]
    female_given_names: frozenset[str]
    either_given_names: frozenset[str]
    person_pronouns: dict[str, str]
    other_pronouns: frozenset[str]


def _checked_map(data: dict[str, Any], key: str, source: str, valid: Callable[[Any, Any], bool], what: str
                 ) -> dict[str, Any]:
    """A mapping of words (lower-cased) to values, every pair of which `valid` accepts; else one clear error."""
    value = data.get(key)
    if not isinstance(value, dict) or not all(isinstance(k, str) and valid(k, v) for k, v in value.items()):
        raise ValueError(f"{source}: {key!r} must map a word to {what}")
    return {k.lower(): v for k, v in value.items()}


def _word_map(data: dict[str, Any], key: str, source: str, allow_null: bool = False) -> dict[str, Any]:
    genders = {"male", "female"} | ({None} if allow_null else set())
    return _checked_map(data, key, source, lambda _, v: v in genders, "male or female")


@lru_cache(maxsize=4)
def people(language: str = DEFAULT_LANGUAGE) -> People:
    data = read_yaml(language, "people.yaml")
    source = f"lang/{language}/people.yaml"
    return People(honorifics=_word_map(data, "honorifics", source, allow_null=True),
                  gendered_roles=_word_map(data, "gendered_roles", source),
                  female_given_names=_word_list(data, "female_given_names", source),
                  either_given_names=_word_list(data, "either_given_names", source),
                  person_pronouns=_word_map(data, "person_pronouns", source),
                  other_pronouns=_word_list(data, "other_pronouns", source))


@dataclass(frozen=True)
class Quoting:
    """Words that decide how a quote is attributed (see resources/lang/en/quotes.yaml)."""

    definite_determiners: frozenset[str]
    issuer_preps: frozenset[str]
    document_preps: frozenset[str]
    question_words: frozenset[str]
    no_source_nouns: frozenset[str]
    document_authors: frozenset[str]
    person_nouns: frozenset[str]
    body_nouns: frozenset[str]
    body_kinds: frozenset[str]
    any_speaker_words: frozenset[str]
    speaker_acts: frozenset[str]
    nameless_sources: frozenset[str]
    typed_nameless_sources: frozenset[str]
    counting_words: frozenset[str]
    aside_marks: frozenset[str]
    said_as_marks: frozenset[str]
    issuing_verbs: frozenset[str]
    clause_verbs: frozenset[str]
    utterance_ends: frozenset[str]
    setting_openers: frozenset[str]
    quantity_openers: frozenset[str]
    closing_aside_openers: frozenset[str]
    complementizers: frozenset[str]
    clause_joiners: frozenset[str]
    contrast_joiners: frozenset[str]
    subject_relatives: frozenset[str]
    singular_they_pronouns: frozenset[str]
    generic_articles: frozenset[str]
    title_small_words: frozenset[str]
    pointing_back: frozenset[str]
    pointing_verbs: frozenset[str]
    pointing_preps: frozenset[str]
    bare_role_owners: frozenset[str]  # entity types, as written ("GPE")
    body_name_types: frozenset[str]  # entity types, as written ("ORG")
    not_body_name_types: frozenset[str]  # entity types, as written ("PERSON")
    fragment_words: int
    title_words: int
    according_to: tuple[str, str]  # the head word and its preposition ("according", "to"), as listed
    cataphora_reach: int  # characters
    other_act_joiners: frozenset[str]
    headline_noun_verbs: frozenset[str]
    said_things: frozenset[str]
    outlet_documents: frozenset[str]
    outlet_preps: frozenset[str]
    role_body_preps: frozenset[str]
    topic_openers: frozenset[str]
    happening_heads: frozenset[str]
    verbless_lower_words: int
    label_infinitive_marks: frozenset[str]
    description_name_words: dict[str, frozenset[str]]  # "court" -> {"court", "tribunal"}
    passive_statement_subjects: frozenset[str]  # parts of speech, as written ("PRON")
    observing_verbs: frozenset[str]
    observer_subjects: frozenset[str]  # parts of speech, as written ("PRON")
    topic_label_heads: frozenset[str]  # parts of speech, as written ("NOUN")
    headline_closing_marks: str  # single characters, as `str.strip` takes them


QUOTING_LISTS = ("definite_determiners", "issuer_preps", "document_preps", "question_words", "no_source_nouns",
                 "document_authors", "person_nouns", "body_nouns", "body_kinds", "any_speaker_words", "speaker_acts", "nameless_sources",
                 "typed_nameless_sources", "counting_words", "aside_marks", "said_as_marks",
                 "issuing_verbs", "clause_verbs", "utterance_ends", "setting_openers", "quantity_openers",
                 "closing_aside_openers", "complementizers", "clause_joiners", "contrast_joiners", "subject_relatives",
                 "singular_they_pronouns", "generic_articles", "title_small_words", "pointing_back",
                 "pointing_verbs", "pointing_preps")


@lru_cache(maxsize=4)
def quoting(language: str = DEFAULT_LANGUAGE) -> Quoting:
    data, source = _mapping(language, "quotes.yaml", "must map keys to word lists")
    lists = {key: _word_list(data, key, source) for key in QUOTING_LISTS}
    phrase = data.get("according_to")
    if not (isinstance(phrase, list) and len(phrase) == 2 and _words(phrase) and all(" " not in w for w in phrase)):
        raise ValueError(f"{source}: 'according_to' must list the two words of the phrase")
    return Quoting(**lists, fragment_words=_count(data, "fragment_words", source),
                   title_words=_count(data, "title_words", source),
                   according_to=(phrase[0].lower(), phrase[1].lower()),
                   bare_role_owners=_cased_list(data, "bare_role_owners", source),
                   body_name_types=_cased_list(data, "body_name_types", source),
                   not_body_name_types=_cased_list(data, "not_body_name_types", source),
                   cataphora_reach=_count(data, "cataphora_reach", source, "characters"),
                   other_act_joiners=_word_list(data, "other_act_joiners", source),
                   headline_noun_verbs=_word_list(data, "headline_noun_verbs", source),
                   said_things=_word_list(data, "said_things", source),
                   outlet_documents=_word_list(data, "outlet_documents", source),
                   outlet_preps=_word_list(data, "outlet_preps", source),
                   role_body_preps=_word_list(data, "role_body_preps", source),
                   topic_openers=_word_list(data, "topic_openers", source),
                   happening_heads=_word_list(data, "happening_heads", source),
                   verbless_lower_words=_count(data, "verbless_lower_words", source),
                   label_infinitive_marks=_word_list(data, "label_infinitive_marks", source),
                   description_name_words=_word_sets(data, "description_name_words", source),
                   passive_statement_subjects=_cased_list(data, "passive_statement_subjects", source),
                   observing_verbs=_word_list(data, "observing_verbs", source),
                   observer_subjects=_cased_list(data, "observer_subjects", source),
                   topic_label_heads=_cased_list(data, "topic_label_heads", source),
                   headline_closing_marks=_characters(data, "headline_closing_marks", source))


def _characters(data: dict[str, Any], key: str, source: str) -> str:
    """A checked list of single characters (marks, spaces), as one string in a fixed order: what `str.strip` takes."""
    marks = _cased_list(data, key, source)
    if any(len(m) != 1 for m in marks):
        raise ValueError(f"{source}: {key!r} must list single characters")
    return "".join(sorted(marks))


def _word_sets(data: dict[str, Any], key: str, source: str) -> dict[str, frozenset[str]]:
    """A mapping of words to lists of words, lower-cased both."""
    found = _checked_map(data, key, source, lambda _, v: isinstance(v, list) and _words(v), "a list of words")
    return {k: frozenset(str(w).lower() for w in v) for k, v in found.items()}


def _count(data: dict[str, Any], key: str, source: str, unit: str = "words") -> int:
    n = data.get(key)
    if not isinstance(n, int) or isinstance(n, bool) or n < 0:
        raise ValueError(f"{source}: '{key}' must be a whole number of {unit}")
    return n


NAME_LISTS = ("name_connectors", "person_role_words", "role_modifiers", "noun_phrase_modifiers", "locative_words",
              "place_nouns_after", "region_words", "calendar_words", "common_words", "name_run_connectors", "body_names",
              "place_preps_before_name", "surname_particles", "name_suffixes", "backer_affixes", "actor_lead_words",
              "wide_group_nouns", "authority_group_nouns", "armed_force_nouns", "separatist_words",
              "proxy_group_nouns", "armed_group_nouns", "breakaway_words", "proxy_affixes", "proxy_stems",
              "foreign_office_nouns", "not_national_adjectives", "not_national_if_plural", "country_pointers", "country_nouns", "articles",
              "appositive_preps", "indefinite_articles", "singular_body_pronouns", "name_coordinators",
              "genitive_prepositions", "proxy_force_stems", "proxy_authority_nouns", "facility_words",
              "backer_prefixes", "republic_nouns", "acronym_name_words", "acronym_determiners", "foreign_words",
              "possessive_apostrophes", "possessive_endings", "name_article_prefixes", "role_owner_breaks",
              "plural_people_endings", "role_owner_clause_words", "role_owner_pronouns", "role_owner_marks",
              "nationality_nouns",
              "town_offices", "town_office_modifiers")
NAME_CASED_LISTS = ("title_heads", "event_words", "abbreviations", "institution_words", "capitalised_non_names",
                    "possessive_name_heads", "event_name_openers", "number_names", "theatre_sectors")


@dataclass(frozen=True)
class Names:
    """How a text names people, organisations, events and places (see resources/lang/en/entities.yaml).
    The cased lists are matched as written, the others in lower case."""

    name_connectors: frozenset[str]
    person_role_words: frozenset[str]
    role_modifiers: frozenset[str]
    noun_phrase_modifiers: frozenset[str]
    locative_words: frozenset[str]
    place_nouns_after: frozenset[str]
    region_words: frozenset[str]
    calendar_words: frozenset[str]
    common_words: frozenset[str]
    name_run_connectors: frozenset[str]
    body_names: frozenset[str]
    place_preps_before_name: frozenset[str]
    surname_particles: frozenset[str]
    name_suffixes: frozenset[str]
    backer_affixes: frozenset[str]
    actor_lead_words: frozenset[str]
    wide_group_nouns: frozenset[str]
    authority_group_nouns: frozenset[str]
    armed_force_nouns: frozenset[str]
    separatist_words: frozenset[str]
    proxy_group_nouns: frozenset[str]
    armed_group_nouns: frozenset[str]
    breakaway_words: frozenset[str]
    proxy_affixes: frozenset[str]
    proxy_stems: frozenset[str]
    foreign_office_nouns: frozenset[str]
    not_national_adjectives: frozenset[str]
    not_national_if_plural: frozenset[str]
    country_pointers: frozenset[str]
    country_nouns: frozenset[str]
    articles: frozenset[str]
    appositive_preps: frozenset[str]
    indefinite_articles: frozenset[str]
    singular_body_pronouns: frozenset[str]
    name_coordinators: frozenset[str]
    genitive_prepositions: frozenset[str]
    proxy_force_stems: frozenset[str]
    proxy_authority_nouns: frozenset[str]
    facility_words: frozenset[str]
    backer_prefixes: frozenset[str]
    republic_nouns: frozenset[str]
    acronym_name_words: frozenset[str]
    acronym_determiners: frozenset[str]
    foreign_words: frozenset[str]
    possessive_apostrophes: frozenset[str]
    possessive_endings: frozenset[str]
    plural_people_endings: frozenset[str]
    name_article_prefixes: frozenset[str]
    role_owner_breaks: frozenset[str]
    role_owner_clause_words: frozenset[str]
    role_owner_pronouns: frozenset[str]
    role_owner_marks: frozenset[str]
    nationality_nouns: frozenset[str]
    town_offices: frozenset[str]
    town_office_modifiers: frozenset[str]
    title_heads: frozenset[str]
    event_words: frozenset[str]
    abbreviations: frozenset[str]
    institution_words: frozenset[str]
    capitalised_non_names: frozenset[str]
    possessive_name_heads: frozenset[str]
    event_name_openers: frozenset[str]
    number_names: frozenset[str]
    theatre_sectors: frozenset[str]
    abbreviation_letters: int  # a word in capitals this long or shorter is an abbreviation (gazetteer)
    epithet_reach: int  # how far before a demonym its epithet's opening ("... The 48-year-old") may start
    title_reach: int  # how far before a name its title or role words may start ("Dutch Prime Minister | Mark Rutte")

    @cached_property
    def apostrophe(self) -> str:
        """The possessive's apostrophes as one character class: "['’]"."""
        return "[" + "".join(re.escape(a) for a in sorted(self.possessive_apostrophes)) + "]"

    @cached_property
    def possessive(self) -> str:
        """An apostrophe and an ending as a pattern, the endings one group: "['’](?:s)" ("Russia's"; with "?" after it
        "the rebels'" too)."""
        endings = sorted(self.possessive_endings, key=len, reverse=True)
        return self.apostrophe + "(?:" + "|".join(re.escape(e) for e in endings) + ")"

    @cached_property
    def possessive_marks(self) -> tuple[str, ...]:
        """Each apostrophe with each ending: ("'s", "’s") (read per word by the name readers: made once)."""
        return tuple(a + e for a in sorted(self.possessive_apostrophes) for e in sorted(self.possessive_endings))

    @cached_property
    def plural_endings(self) -> tuple[str, ...]:
        """plural_people_endings as `str.endswith` takes them: ("s",) (read per phrase by the actor readers: made
        once)."""
        return tuple(sorted(self.plural_people_endings))


def _word_lists(language: str, name: str, keys: tuple[str, ...],
                cased: tuple[str, ...] = ()) -> dict[str, frozenset[str]]:
    """The word lists `keys` (lower-cased) and `cased` (as written) of one language file, schema-checked."""
    data, source = _mapping(language, name, "a mapping of word lists")
    return {**{key: _word_list(data, key, source) for key in keys},
            **{key: _cased_list(data, key, source) for key in cased}}


@lru_cache(maxsize=4)
def names(language: str = DEFAULT_LANGUAGE) -> Names:
    data, source = _mapping(language, "entities.yaml", "a mapping of word lists")
    return Names(**_word_lists(language, "entities.yaml", NAME_LISTS, NAME_CASED_LISTS),
                 abbreviation_letters=_count(data, "abbreviation_letters", source, "letters"),
                 epithet_reach=_count(data, "epithet_reach", source, "characters"),
                 title_reach=_count(data, "title_reach", source, "characters"))


@dataclass(frozen=True)
class FigureWords:
    """Which words end, open or name a figure's counted phrase (see resources/lang/en/figures.yaml)."""

    clause_end_words: frozenset[str]
    noun_determiners: frozenset[str]
    not_nouns: frozenset[str]
    small_number_words: frozenset[str]
    sentence_openers: frozenset[str]
    phrase_lead_words: frozenset[str]
    claimant_lead_words: frozenset[str]
    claimant_cut_words: frozenset[str]
    claimant_trailing_words: frozenset[str]
    claimant_name_prepositions: frozenset[str]
    ordinal_count_words: frozenset[str]
    claimant_stripped_openers: frozenset[str]
    claimant_void_words: frozenset[str]
    modifier_conjunctions: frozenset[str]


@lru_cache(maxsize=4)
def figure_words(language: str = DEFAULT_LANGUAGE) -> FigureWords:
    return FigureWords(**_word_lists(language, "figures.yaml", tuple(f.name for f in fields(FigureWords))))


@dataclass(frozen=True)
class DateWords:
    """The number and relative words the date finder's patterns are built from (see resources/lang/en/dates.yaml)."""

    unit_number_words: frozenset[str]
    teen_number_words: frozenset[str]
    tens_number_words: frozenset[str]
    day_tens_words: frozenset[str]
    day_ordinal_unit_words: frozenset[str]
    year_century_words: frozenset[str]
    relative_words: frozenset[str]
    year_cue_words: frozenset[str]
    year_cues_outside_the_date: frozenset[str]
    year_determiners: frozenset[str]
    year_open_end_words: frozenset[str]
    year_counted_nouns: frozenset[str]
    fuzzy_relative_words: frozenset[str]
    numeric_date_cues: frozenset[str]
    bound_unit_preps: frozenset[str]
    bound_nouns: frozenset[str]
    weekday_relative_words: frozenset[str]
    numeric_date_lead_cues: frozenset[str]
    month_back_words: frozenset[str]
    month_ahead_words: frozenset[str]
    span_back_words: frozenset[str]
    time_unit_words: frozenset[str]
    year_anchor_words: frozenset[str]


@lru_cache(maxsize=4)
def relative_steps(language: str = DEFAULT_LANGUAGE) -> dict[str, int]:
    """dates.yaml `relative_steps`: a relative word -> the units it moves ("next" 1, "last" -1, "this" 0)."""
    return _value_map(read_yaml(language, "dates.yaml"), "relative_steps", int, f"lang/{language}/dates.yaml")


@lru_cache(maxsize=4)
def date_words(language: str = DEFAULT_LANGUAGE) -> DateWords:
    return DateWords(**_word_lists(language, "dates.yaml", tuple(f.name for f in fields(DateWords))))


@dataclass(frozen=True)
class Dateline:
    """A wire dateline at the start of a line (see resources/lang/en/sentences.yaml), with its examples."""

    pattern: re.Pattern[str]
    pos: tuple[tuple[str, str], ...]
    neg: tuple[str, ...]


@lru_cache(maxsize=4)
def dateline(language: str = DEFAULT_LANGUAGE) -> Dateline:
    source = f"lang/{language}/sentences.yaml: dateline"
    data = (read_yaml(language, "sentences.yaml") or {}).get("dateline")
    parts = ("place_caps", "place_any", "region", "date", "agency", "dash")
    if not isinstance(data, dict) or not all(isinstance(data.get(k), str) for k in parts):
        raise ValueError(f"{source}: needs the regular expressions {', '.join(parts)}")
    tail = data["region"] + data["date"]
    pattern = re.compile(rf"(?:{data['place_caps']}{tail}(?:{data['agency']})?|{data['place_any']}{tail}{data['agency']})"
                         + data["dash"])
    pos = tuple((str(a), str(b)) for a, b in data.get("pos") or [])
    neg = tuple(str(x) for x in data.get("neg") or [])
    if not pos or not neg:
        raise ValueError(f"{source}: needs positive and negative examples")
    return Dateline(pattern, pos, neg)


# Language files of keyed lists and maps that their readers walk themselves: per file, each key it must hold and
# whether its value is a list, a mapping or a string (a regular expression).
LEXICON_SCHEMAS: dict[str, dict[str, type]] = {
    "speech_verbs.yaml": {"verbs": dict, "irregular": dict, "reported": list, "naming_verbs": list,
                          "content_objects": list, "phrase_verbs": dict, "act_phrases": dict, "joiners": dict,
                          "request_acts": dict,
                          "object_verbs": dict, "phrases": dict, "pronouns": dict, "person_roles": list,
                          "role_synonyms": dict, "noun_like": list, "adverbs": list, "document_nouns": list,
                          "source_nouns": list},
    "roles.yaml": {"sectors": dict, "title_words": list, "title_joiners": list, "title_abbreviations": dict,
                   "posted_roles": list, "posting_prep": str,
                   "honorifics": list, "org_keywords": list, "sector_labels": dict,
                   "title_inner_words": list},
    "holidays.yaml": {"fixed": dict, "easter": dict, "orthodox_easter": dict, "nth_weekday": dict},
    "boilerplate.yaml": {"line_starts": list, "end_of_article": list, "whole_lines": list, "trailing_link": str,
                         "date_line": str, "credit_end": str, "stopwords": list, "inline_ad": str},
}
_KIND_NAMES: dict[type, str] = {list: "list", dict: "mapping", str: "string"}


def lexicon(name: str, language: str = DEFAULT_LANGUAGE) -> dict[str, Any]:
    """One language file of LEXICON_SCHEMAS, checked: a mapping holding each key its schema names, each a list, a
    mapping or a string as the schema says. Shared by every caller, which reads it and never changes it."""
    data = read_yaml(language, name)
    source = f"lang/{language}/{name}"
    schema = LEXICON_SCHEMAS[name]
    if not isinstance(data, dict):
        raise ValueError(f"{source}: a mapping of {', '.join(schema)}")
    for key, kind in schema.items():
        if not isinstance(data.get(key), kind):
            raise ValueError(f"{source}: {key!r} must be a {_KIND_NAMES[kind]}")
    return data


@lru_cache(maxsize=16)
def speech_words(key: str, language: str = DEFAULT_LANGUAGE) -> frozenset[str]:
    """One speech_verbs.yaml word list (or a mapping's keys), lower-cased and read once: the one reader of its lists
    for the parse's repairs, the speakers and the quotes (a set `syntax.is_verb_of` matches a verb against)."""
    return frozenset(str(w).lower() for w in lexicon("speech_verbs.yaml", language).get(key) or ())


@lru_cache(maxsize=4)
def given_names(language: str = DEFAULT_LANGUAGE) -> frozenset[str]:
    """Common given names, as written (resources/lang/<code>/first_names.yaml `first_names`)."""
    return _word_lists(language, "first_names.yaml", (), ("first_names",))["first_names"]


@lru_cache(maxsize=1)
def stopwords() -> dict[str, frozenset[str]]:
    """Each language's frequent function words, as written (resources/lang/<code>/stopwords.yaml `stopwords`), for
    the language identifier: a language with a folder and that file is one it can tell."""
    codes = sorted(p.parent.name for p in LANG_DIR.glob("*/stopwords.yaml"))
    return {code: _word_lists(code, "stopwords.yaml", (), ("stopwords",))["stopwords"] for code in codes}


@lru_cache(maxsize=4)
def stem_suffixes(language: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """resources/lang/<code>/stories.yaml `stem_suffixes`: an ending -> what replaces it, in the order tried."""
    value = read_yaml(language, "stories.yaml").get("stem_suffixes")
    if not isinstance(value, dict) or not value or not all(
            isinstance(k, str) and k and isinstance(v, str) for k, v in value.items()):
        raise ValueError(f"lang/{language}/stories.yaml: 'stem_suffixes' must map an ending to its replacement")
    return {k.lower(): v for k, v in value.items()}


NUMBER_MAPS = ("units", "tens", "scales", "scale_abbreviations", "ordinal_units", "other_words", "decades")


@lru_cache(maxsize=4)
def number_words(language: str = DEFAULT_LANGUAGE) -> dict[str, dict[str, Any]]:
    """The number words of resources/lang/<code>/numbers.yaml, each of NUMBER_MAPS a word -> its value (an int or a
    float, as written), in lower case and in the listed order."""
    data = read_yaml(language, "numbers.yaml")
    source = f"lang/{language}/numbers.yaml"
    out = {}
    for key in NUMBER_MAPS:
        value = data.get(key) if isinstance(data, dict) else None
        if not isinstance(value, dict) or not value or not all(
                isinstance(k, str) and k and isinstance(v, (int, float)) and not isinstance(v, bool)
                for k, v in value.items()):
            raise ValueError(f"{source}: {key!r} must map a word to a number")
        out[key] = {k.lower(): v for k, v in value.items()}
    return out


@dataclass(frozen=True)
class CalendarWords:
    """The calendar's words (see resources/lang/en/calendar.yaml), in lower case."""

    months: dict[str, int]  # a month's name or abbreviation -> 1 (January) to 12
    weekdays: dict[str, int]  # a weekday's name or abbreviation -> 0 (Monday) to 6
    month_names: tuple[str, ...]  # the full names, January first
    weekday_names: tuple[str, ...]  # the full names, Monday first
    parts_of_day: dict[str, str]  # said after a day ("Thursday evening") -> TIMEX3 code
    part_of_day_words: dict[str, str]  # a day's part by itself ("tonight") -> TIMEX3 code
    seasons: dict[str, str]  # -> TIMEX3 code
    day_words: dict[str, int]  # -> days from the day of writing
    written_weekday: Cue  # a weekday as a date line writes it ("Fri", "Tues"), with examples
    ordinal_suffixes: tuple[str, ...]  # the endings of an ordinal in digits ("1st", "22nd"), as listed
    units: dict[str, str]  # a unit of time as written ("weeks") -> its unit ("week")
    plural_units: frozenset[str]  # the units as written of more than one ("weeks")
    unit_end_abbreviations: dict[str, str]  # "eoy" -> "year"

    @property
    def ordinal_suffix(self) -> str:
        """The ordinal endings as one non-capturing group, in the listed order: "(?:st|nd|rd|th)"."""
        return r"(?:" + "|".join(self.ordinal_suffixes) + r")"


def _rows_in_order(data: dict[str, Any], key: str, count: int, source: str) -> list[list[str]]:
    """`count` rows of words in their calendar order, each a full name and then its abbreviations; no word twice."""
    rows = data.get(key)
    if not isinstance(rows, list) or len(rows) != count or not all(
            isinstance(row, list) and row and all(isinstance(w, str) and w for w in row) for row in rows):
        raise ValueError(f"{source}: {key!r} must list {count} rows of words, in calendar order")
    words = [w.lower() for row in rows for w in row]
    if len(set(words)) != len(words):
        raise ValueError(f"{source}: {key!r} lists {sorted({w for w in words if words.count(w) > 1})} twice")
    return [[w.lower() for w in row] for row in rows]


TIME_UNITS = ("day", "week", "fortnight", "weekend", "month", "quarter", "year", "decade", "century")


def _time_units(data: dict[str, Any], source: str) -> tuple[dict[str, str], frozenset[str]]:
    """calendar.yaml `time_units`: per unit the date finder reckons with (TIME_UNITS), its word for one and its
    word for more than one; no word twice. Gives a word -> its unit, and the words of more than one."""
    rows = data.get("time_units")
    if not isinstance(rows, dict) or set(rows) != set(TIME_UNITS) or not all(
            isinstance(v, list) and len(v) == 2 and all(isinstance(w, str) and w for w in v) for v in rows.values()):
        raise ValueError(f"{source}: 'time_units' must give each of {', '.join(TIME_UNITS)} its word for one and "
                         "its word for more than one")
    words = [w.lower() for v in rows.values() for w in v]
    if len(set(words)) != len(words):
        raise ValueError(f"{source}: 'time_units' lists {sorted({w for w in words if words.count(w) > 1})} twice")
    return {w.lower(): unit for unit, v in rows.items() for w in v}, frozenset(v[1].lower() for v in rows.values())


def _value_map(data: dict[str, Any], key: str, kind: type, source: str) -> dict[str, Any]:
    """A mapping of words to values of one kind (a code, a number of days)."""
    return _checked_map(data, key, source, lambda k, v: bool(k) and isinstance(v, kind) and not isinstance(v, bool),
                        f"a {kind.__name__}")


@lru_cache(maxsize=4)
def calendar_words(language: str = DEFAULT_LANGUAGE) -> CalendarWords:
    data, source = _mapping(language, "calendar.yaml", "a mapping of the calendar's words")
    months = _rows_in_order(data, "months", 12, source)
    weekdays = _rows_in_order(data, "weekdays", 7, source)
    _cased_list(data, "ordinal_suffixes", source)  # checked: words, none twice (kept in their order below)
    units, plural_units = _time_units(data, source)
    ends = _checked_map(data, "unit_end_abbreviations", source, lambda k, v: bool(k) and v in TIME_UNITS,
                        "a unit of time_units")
    return CalendarWords(months={w: i for i, row in enumerate(months, 1) for w in row},
                         weekdays={w: i for i, row in enumerate(weekdays) for w in row},
                         month_names=tuple(row[0] for row in months),
                         weekday_names=tuple(row[0] for row in weekdays),
                         parts_of_day=_value_map(data, "parts_of_day", str, source),
                         part_of_day_words=_value_map(data, "part_of_day_words", str, source),
                         seasons=_value_map(data, "seasons", str, source),
                         day_words=_value_map(data, "day_words", int, source),
                         written_weekday=_cue(data.get("written_weekday"), f"{source}: written_weekday"),
                         ordinal_suffixes=tuple(w.lower() for w in data["ordinal_suffixes"]),
                         units=units, plural_units=plural_units, unit_end_abbreviations=ends)


@dataclass(frozen=True)
class StampWords:
    """How a page in another language writes its date stamp (resources/lang/<code>/stamps.yaml): each of its
    stamp words as the English page reader reads it, so that ingest/meta.py reads the stamp line with the English
    shapes put in English words."""

    words: dict[str, str]  # a month's, a weekday's or a label's word (lower case) -> its English word ("": none)
    pattern: re.Pattern[str]  # any of `words`, whole, longest first
    day_first: bool  # "05/10/2018" is 5 October
    day_dot: bool  # a day's number ends in a dot before its month ("25. September 2018")
    pos: tuple[tuple[str, str], ...]  # stamp lines and the day each gives
    neg: tuple[str, ...]  # lines that give none

    def english(self, word: str) -> str:
        """The English word read for `word`, a match of `pattern`. A capital whose lower case is not the letter the
        pattern matched it as (Turkish "EKİM" lowers to "ekim" with a combining dot after its "i", "ſeptember" keeps its
        long s) is looked up as the pattern matched it, so a stamp in capitals reads as one in lower case."""
        found = self.words.get(word.lower())
        if found is not None:
            return found
        return next((v for k, v in self.words.items() if re.fullmatch(re.escape(k), word, re.I)), word)


@lru_cache(maxsize=16)
def stamp_words(language: str) -> StampWords | None:
    """A language's stamps.yaml, checked: twelve rows of month names and seven of weekday names (each word read
    as the English name in its place), `words` mapping other stamp words to English ones, none twice, and
    examples either way. None for a language without the file (English, whose reader needs none)."""
    if not (LANG_DIR / language / "stamps.yaml").exists():
        return None
    data, source = _mapping(language, "stamps.yaml", "a mapping of a stamp's words")
    english = calendar_words(DEFAULT_LANGUAGE)
    named = [(row, name) for key, names in (("months", english.month_names), ("weekdays", english.weekday_names))
             for row, name in zip(_rows_in_order(data, key, len(names), source), names, strict=True)]
    others = _checked_map(data, "words", source, lambda k, v: bool(k) and isinstance(v, str), "its English word")
    listed = [w for row, _ in named for w in row] + list(others)
    if len(set(listed)) != len(listed):
        raise ValueError(f"{source} lists {sorted({w for w in listed if listed.count(w) > 1})} twice")
    words = {w: name for row, name in named for w in row} | others
    pos, neg = _stamp_examples(data, source)
    alternation = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    return StampWords(words, re.compile(r"(?<![\w'-])(?:" + alternation + r")(?![\w'-])", re.I), data["day_first"],
                      bool(data.get("day_dot")), pos, neg)


def _stamp_examples(data: dict[str, Any], source: str) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...]]:
    """stamps.yaml's examples, checked with its day_first: pos, [line, day] pairs; neg, lines."""
    pos, neg = data.get("pos"), data.get("neg")
    pairs = isinstance(pos, list) and pos and all(isinstance(p, list) and len(p) == 2 for p in pos)
    if not (pos and pairs and isinstance(neg, list) and neg and isinstance(data.get("day_first"), bool)):
        raise ValueError(f"{source} needs day_first (true or false), pos ([line, day] pairs) and neg (lines)")
    return tuple((str(a), str(b)) for a, b in pos), tuple(map(str, neg))


def _cue(row: Any, source: str, ignore_case: bool = True) -> Cue:
    """A regular expression with its positive and negative examples, compiled and checked."""
    row = row if isinstance(row, dict) else {}
    pos, neg = row.get("pos"), row.get("neg")
    if not isinstance(row.get("pattern"), str) or not (isinstance(pos, list) and pos and isinstance(neg, list) and neg):
        raise ValueError(f"{source} needs a pattern and positive and negative examples")
    return Cue(re.compile(row["pattern"], re.I if ignore_case else 0), tuple(map(str, pos)), tuple(map(str, neg)))


CLAIM_CUES = ("killed", "wounded", "displaced", "in_year", "running_toll", "incident", "vehicles", "this_year",
              "last_year", "place_prep", "of_its_own", "per_side", "toll_word", "count_start_before", "placed_in",
              "count_start_year", "not_a_side", "not_nearest_cue")


@dataclass(frozen=True)
class Cue:
    """A regular expression of a language's words, with the examples a test runs."""

    pattern: re.Pattern[str]
    pos: tuple[str, ...]
    neg: tuple[str, ...]


@dataclass(frozen=True)
class ClaimSubjects:
    """What a figure counts (resources/lang/en/claims.yaml): each subject with its words, and classes of them."""

    heads: dict[str, tuple[str, ...]]  # subject -> the words a text counts it by, in the listed order
    sideable: frozenset[str]  # subjects a side may own
    civilian: frozenset[str]  # subjects whose side is where they are
    persons: frozenset[str]  # subjects that are people


@lru_cache(maxsize=4)
def claim_subjects(language: str = DEFAULT_LANGUAGE) -> ClaimSubjects:
    """claims.yaml `subject_heads` (a subject -> its words) and the lists of subjects that name its keys."""
    source = f"lang/{language}/claims.yaml"
    data = read_yaml(language, "claims.yaml") or {}
    heads = data.get("subject_heads")
    if not isinstance(heads, dict) or not all(isinstance(k, str) and isinstance(v, list) and v and all(
            isinstance(w, str) and w for w in v) for k, v in heads.items()):
        raise ValueError(f"{source}: 'subject_heads' must map a subject to a list of words")
    lists = {key: _cased_list(data, key, source) for key in ("sideable_subjects", "civilian_subjects",
                                                             "person_subjects")}
    for key, words in lists.items():
        if not words <= set(heads):
            raise ValueError(f"{source}: {key!r} names {sorted(words - set(heads))}, not subjects of 'subject_heads'")
    return ClaimSubjects({k: tuple(v) for k, v in heads.items()}, lists["sideable_subjects"],
                         lists["civilian_subjects"], lists["person_subjects"])


@lru_cache(maxsize=4)
def claim_cues(language: str = DEFAULT_LANGUAGE) -> dict[str, Cue]:
    """The cues of corpus/claims.py (resources/lang/en/claims.yaml `cues`), each compiled (in any case unless
    `ignore_case: false`) and checked: every cue of CLAIM_CUES, with a positive and a negative example."""
    return _cue_set(language, "claims.yaml", CLAIM_CUES)


PAGE_CUES = ("teaser", "caption", "photo_credit", "stamp_label", "update_label", "byline_agency", "copyright")


@lru_cache(maxsize=4)
def page_cues(language: str = DEFAULT_LANGUAGE) -> dict[str, Cue]:
    """The cues of ingest/meta.py (resources/lang/en/pages.yaml `cues`), checked as claim_cues are."""
    return _cue_set(language, "pages.yaml", PAGE_CUES)


def _cue_set(language: str, file: str, expected: tuple[str, ...]) -> dict[str, Cue]:
    """A file's `cues`: exactly the expected names, each a pattern with examples (ignore_case, true by default)."""
    source = f"lang/{language}/{file}"
    data = (read_yaml(language, file) or {}).get("cues")
    if not isinstance(data, dict) or set(data) != set(expected):
        raise ValueError(f"{source}: 'cues' must hold exactly {', '.join(expected)}")
    cues = {}
    for key, row in data.items():
        ignore_case = row.get("ignore_case", True) if isinstance(row, dict) else True
        if not isinstance(ignore_case, bool):
            raise ValueError(f"{source}: cue {key!r}: ignore_case is true or false")
        cues[key] = _cue(row, f"{source}: cue {key!r}", ignore_case)
    return cues


@dataclass(frozen=True)
class PatternText:
    """A regular expression of a language's words and order, written with named parts its finder fills in
    ({MON}: a part the finder builds, {relative_words}: a word list), with the examples a test runs."""

    text: str
    pos: tuple[str, ...]
    neg: tuple[str, ...]
    anchors: tuple[tuple[str, ...], ...] = ()  # a rule's: the words one of which a line must hold, per part
    ignore_case: bool = True
    whole: bool = False  # the examples are matched whole (a pattern its finder matches at a point, or whole)


def _words(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(w, str) and w for w in value)


def _pattern_text(row: Any, source: str, anchored: bool) -> PatternText:
    """One row: `pattern` (a string, or pieces joined), `pos` and `neg` examples, `anchors` where the finder
    tries a rule only on lines holding them, `ignore_case` (true by default) and `whole` (false by default)."""
    row = row if isinstance(row, dict) else {}
    text = row.get("pattern")
    text = "".join(text) if _words(text) else text
    ignore_case, whole = row.get("ignore_case", True), row.get("whole", False)
    anchors = row.get("anchors")
    if not isinstance(text, str) or not text or not (_words(row.get("pos")) and _words(row.get("neg"))):
        raise ValueError(f"{source} needs a pattern and positive and negative examples")
    if not isinstance(ignore_case, bool) or not isinstance(whole, bool):
        raise ValueError(f"{source}: ignore_case and whole are true or false")
    if anchored and not (isinstance(anchors, list) and anchors and all(_words(a) for a in anchors)):
        raise ValueError(f"{source}: 'anchors' must list, per part, the words a line holds for the rule to be tried")
    return PatternText(text, tuple(row["pos"]), tuple(row["neg"]),
                       tuple(tuple(a) for a in anchors) if anchored else (), ignore_case, whole)


@lru_cache(maxsize=16)
def pattern_texts(language: str, file: str, key: str, anchored: bool = False) -> dict[str, PatternText]:
    """A file's mapping `key` of named patterns (see PatternText), in the listed order, each checked; `anchored`:
    each names its anchor words (a date finder's rule)."""
    source = f"lang/{language}/{file}"
    data = (read_yaml(language, file) or {}).get(key)
    if not isinstance(data, dict) or not data:
        raise ValueError(f"{source}: {key!r} must map a name to a pattern and its examples")
    return {str(name): _pattern_text(row, f"{source}: {key}.{name}", anchored) for name, row in data.items()}


@dataclass(frozen=True)
class DatePatterns:
    """The date finder's patterns (resources/lang/en/dates.yaml): parts named in capitals that other patterns
    hold ({NUM}), its rules (each with its anchor words) and its cues, each with examples."""

    parts: dict[str, PatternText]
    rules: dict[str, PatternText]
    cues: dict[str, PatternText]


@lru_cache(maxsize=4)
def date_patterns(language: str = DEFAULT_LANGUAGE) -> DatePatterns:
    parts = pattern_texts(language, "dates.yaml", "pattern_parts")
    if not all(name.isupper() for name in parts):
        raise ValueError(f"lang/{language}/dates.yaml: 'pattern_parts' are named in capitals, as patterns name them")
    return DatePatterns(parts, pattern_texts(language, "dates.yaml", "rule_patterns", anchored=True),
                        pattern_texts(language, "dates.yaml", "cue_patterns"))


def fill_parts(text: str, parts: Mapping[str, str | Callable[[], str]], words: Callable[[str], str] | None,
               source: str, reader: str) -> str:
    """`text` with each {PART} it names in capitals replaced by `parts`' (a string, or a function that gives one)
    and each it names in lower case by `words`' (a word list written as a pattern), where given; a part not in
    `parts` is an error. One filler for the pattern sets (Patterns) and the date finder, which adds parts after its
    first patterns compile: `parts` is read at each fill, not copied."""
    def part(m: re.Match[str]) -> str:
        name = m[1]
        if not name[0].isupper() and words is not None:
            return words(name)
        value = parts.get(name)
        if value is None:
            raise ValueError(f"{source} names the part {{{name}}}, which {reader} lacks")
        return value() if callable(value) else value
    return re.sub(r"\{([A-Za-z_][\w.]*)\}", part, text)


PATTERN_SETS: list[Patterns] = []  # every reader's set, for the test that runs their examples


class Patterns:
    """A language file's mapping `key` of named patterns (see PatternText), as one reader reads them: each filled
    in with the parts it names in capitals ({MON}: a part the reader builds, a string or a function that gives one)
    and in lower case ({rule.key}: a word list, as the reader's `words` writes it), and compiled, in any case unless
    `ignore_case: false`, on first use."""

    def __init__(self, file: str, key: str, parts: dict[str, str | Callable[[], str]] | None = None,
                 language: str = DEFAULT_LANGUAGE, words: Callable[[str], str] | None = None) -> None:
        self.file, self.key, self.language = file, key, language
        self.parts = dict(parts or {})
        self.words = words
        self._compiled: dict[str, re.Pattern[str]] = {}
        self.rows  # noqa: B018 - read and checked now: a bad file fails at import, not at first use
        PATTERN_SETS.append(self)

    @property
    def rows(self) -> dict[str, PatternText]:
        return pattern_texts(self.language, self.file, self.key)

    def __call__(self, name: str) -> re.Pattern[str]:
        if name not in self._compiled:
            row = self.rows[name]
            self._compiled[name] = re.compile(self.fill(row.text), re.I if row.ignore_case else 0)
        return self._compiled[name]

    def fill(self, text: str) -> str:
        """`text` with each {PART} it names replaced; a part the reader lacks is an error."""
        return fill_parts(text, self.parts, self.words, f"lang/{self.language}/{self.file}: {self.key}", "its reader")

    def finds(self, name: str, text: str) -> bool:
        """Does pattern `name` find `text` (whole, where its row says `whole`)?"""
        pattern = self(name)
        return bool(pattern.fullmatch(text) if self.rows[name].whole else pattern.search(text))


@lru_cache(maxsize=4)
def name_patterns(language: str = DEFAULT_LANGUAGE) -> Patterns:
    """entities.yaml `name_patterns`, the words around a name: one reader shared by the modules that find names."""
    return Patterns("entities.yaml", "name_patterns", language=language)


@dataclass(frozen=True)
class SuffixRule:
    """One ending rule of inflection.yaml: where `match` fits a word, it is rewritten as `to`."""

    match: re.Pattern[str]
    to: str
    examples: dict[str, str]


@dataclass(frozen=True)
class Inflection:
    """A language's word endings (resources/lang/<code>/inflection.yaml): the suffix rules of each form, in the
    order tried, and the shape of an adverb."""

    forms: dict[str, tuple[SuffixRule, ...]]
    adverb: re.Pattern[str]
    adverb_examples: dict[str, list[str]]


INFLECTED_FORMS = ("third_person", "plural", "past", "gerund", "doubled")


def _suffix_rule(row: Any, source: str) -> SuffixRule:
    examples = row.get("examples") if isinstance(row, dict) else None
    if not (isinstance(row, dict) and isinstance(row.get("match"), str) and isinstance(row.get("to"), str)
            and isinstance(examples, dict) and examples
            and all(isinstance(k, str) and isinstance(v, str) for k, v in examples.items())):
        raise ValueError(f"{source}: a rule is a mapping of 'match', 'to' (strings) and 'examples' (word -> form)")
    try:
        match = re.compile(row["match"])
        match.sub(row["to"], "")
    except (re.error, IndexError) as err:
        raise ValueError(f"{source}: rule {row['match']!r} -> {row['to']!r}: {err}") from err
    return SuffixRule(match, row["to"], dict(examples))


WORD_SHAPES = ("participle", "past", "gerund")


@lru_cache(maxsize=4)
def word_shapes(language: str = DEFAULT_LANGUAGE) -> dict[str, re.Pattern[str]]:
    """inflection.yaml `shapes`: each of WORD_SHAPES a pattern with examples, compiled (in any case unless
    `ignore_case: false`)."""
    rows = pattern_texts(language, "inflection.yaml", "shapes")
    if set(rows) != set(WORD_SHAPES):
        raise ValueError(f"lang/{language}/inflection.yaml: 'shapes' must hold exactly {', '.join(WORD_SHAPES)}")
    return {name: re.compile(row.text, re.I if row.ignore_case else 0) for name, row in rows.items()}


@lru_cache(maxsize=4)
def inflection(language: str = DEFAULT_LANGUAGE) -> Inflection:
    """inflection.yaml, checked: each form of INFLECTED_FORMS a non-empty list of suffix rules, and the adverb
    shape a regular expression with positive and negative examples."""
    data = read_yaml(language, "inflection.yaml")
    source = f"lang/{language}/inflection.yaml"
    forms = data.get("forms") if isinstance(data, dict) else None
    if not isinstance(forms, dict) or not all(isinstance(forms.get(f), list) and forms[f] for f in INFLECTED_FORMS):
        raise ValueError(f"{source}: 'forms' must give each of {', '.join(INFLECTED_FORMS)} a list of rules")
    adverb, examples = data.get("adverb"), data.get("adverb_examples")
    if not isinstance(adverb, str) or not isinstance(examples, dict) or not all(
            isinstance(examples.get(k), list) and examples[k] for k in ("pos", "neg")):
        raise ValueError(f"{source}: 'adverb' must be a regular expression with 'adverb_examples' pos and neg")
    rules = {name: tuple(_suffix_rule(row, f"{source} {name}") for row in rows) for name, rows in forms.items()}
    return Inflection(rules, re.compile(adverb), {k: [str(w) for w in v] for k, v in examples.items()})
