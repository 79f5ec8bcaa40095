"""PLOVER event coding from the dependency parse (built-in rules backend).

A pattern of `resources/lang/<code>/events.yaml` fires on a trigger's lemma and part of speech when
its object constraints hold; who acts and on whom are read from the parse (`syntax.py`): the subject
or passive agent, the object or an oblique with the type's prepositions, coordination followed.
When the parse names no recipient there is none. Negation, denial and irrealis are scoped by the
parse; time and background come from `event_time.py`. One happening told twice in an article is
one event with several mentions. Each event's confidence comes from `event_confidence.py`.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TypeGuard

from spacy.attrs import IDX
from spacy.tokens import Span, Token

from flashpoint.ingest.meta import outlet_side
from flashpoint.model import Actor, Entity, Event, Place, Quote
from flashpoint.model import Span as TextSpan
from flashpoint.nlp import actors as actor_kb
from flashpoint.nlp import syntax as syn
from flashpoint.nlp.coref import person_roles, speech_lexicon
from flashpoint.nlp.document import NlpDoc, doc_text, trimmed
from flashpoint.nlp.event_confidence import confidence, features
from flashpoint.nlp.event_patterns import (
    ArticleSetting,
    Pattern,
    article_setting,
    attempted_acts,
    by_lemma,
    casualties_retold,
    claim_recipients,
    complement_recipients,
    condition_recipients,
    conflict_attackers,
    domestic_force,
    harm_recipients,
    home_front,
    intent_carried,
    intent_conditional,
    intent_goals,
    intent_measures,
    intent_scheduled,
    intent_types,
    intent_weighed,
    interception,
    listed_places,
    local_sectors,
    moved_destinations,
    nominal_recipients,
    nonpolitical_sectors,
    place_pointers,
    placed_sectors,
    private_acts,
    quoted_phrases,
    readying_types,
    referred_acts,
    self_targets,
    standing_forces,
    state_acts,
    struck_apart_types,
    typed_rule,
    war_front,
    war_onsets,
)
from flashpoint.nlp.event_time import (
    asides,
    event_time,
    told_as_description,
    told_as_given,
    told_as_habit,
    told_as_run,
    told_as_standing,
    told_as_state,
    told_day,
)
from flashpoint.nlp.gazetteer import place_regions
from flashpoint.nlp.language import names, people, syntax
from flashpoint.nlp.plover import ontology, plover_score
from flashpoint.nlp.speakers import Speakers, is_document
from flashpoint.nlp.trigger_senses import sense_of, unclear

FORCE = frozenset({"ASSAULT", "COERCE"})
_FORCE_SECTORS = frozenset({"MIL", "REB"})  # armed forces and armed groups: "the troops", "the fighters"
ENEMY = "side:enemy"  # the id a party named only as the actor's enemy carries until the actor is known
# the recipient slots of a pattern that are no preposition: what is left of `recipient` are obliques' prepositions
_CLAUSE_SLOTS = ("obj", "iobj", "ccomp", "target", "subject", "enemy")
_SCENE_CHAIN = 3  # the act noun, the head of its "of", that head's: "the consequences of an attack", "the liquidation of ..."


@dataclass
class Party:
    """An actor or recipient with the tokens it was read from."""

    actor: Actor
    inherited: bool = False  # read through a pronoun
    listed: bool = False  # a name placed only by the places listed beside it (events.yaml listed_places)


@dataclass
class Coded:
    pattern: Pattern
    trigger: Token
    actors: list[Party] = field(default_factory=list)
    recipients: list[Party] = field(default_factory=list)
    location: Place | None = None
    listed_locations: list[Place] = field(default_factory=list)  # places of other countries listed with the location
    negated: bool = False
    hypothetical: bool = False
    reported_by: Actor | None = None
    type: str = ""  # the pattern's type, or AGREE/THREATEN for an act promised or threatened
    pattern_id: str = ""
    reciprocal: bool = False  # "accused each other": the actors act on one another
    named: bool = False  # the clause itself names a side of a country or a body (before unnamed people are placed)
    asked: bool = False  # "called on international partners to impose sanctions on Russia": an addressee of no country
    placed_only: bool = False  # no side named, only a place of a war (`_in_a_war_place`): both sides implied, unsure
    self_placed: bool = False  # its target implied from a place its actor is named by (`_place_itself_acting`): unsure

    def __post_init__(self) -> None:
        self.type = self.type or self.pattern.type
        self.pattern_id = self.pattern_id or self.pattern.id


@dataclass
class ArticleState:
    """What earlier sentences established: the last actor a group pronoun can stand for, and the last
    place named, where people the text does not place are (as a date anchors to the last one named)."""

    speakers: Speakers | None = None  # the pronoun resolver the quotes use, made on the first pronoun
    told_day: tuple[int, str] | None = None  # (sentence ordinal, day) of the last sentence that states a past day
    last_actor: Actor | None = None
    last_subject: Actor | None = None  # the body the sentence before was about, where it told of no act
    last_place: Place | None = None
    last_scene: Actor | None = None  # the recipient of the last move of forces or force told (events.yaml place_pointers)
    attackers: dict[str, Actor] = field(default_factory=dict)  # a country -> who last used force on it
    on_groups: set[str] = field(default_factory=set)  # the countries whose last force told was on an armed group
    last_pair: tuple[Actor, Actor] | None = None  # the sides of the last act told between two countries
    last_doers: dict[str, list[Actor]] = field(default_factory=dict)  # a type -> who did the last act of it told
    last_forces: dict[str, str] = field(default_factory=dict)  # a force's sector -> the country of the last one acting
    countries: set[str] = field(default_factory=set)  # the countries the text has named so far
    home: str | None = None  # the country the whole text names most: where its courts and police are, unless told
    leading: frozenset[str] = frozenset()  # the countries the story is about (`_leading`): the scenes of its acts
    setting: str | None = None  # the one country the text's places are in (events.yaml article_setting), if clear
    front: str | None = None  # the side of one war whose places the text names (events.yaml war_front), if clear
    roots: list[int] = field(default_factory=list)  # the tokens labelled ROOT once the tree is repaired, in order
    told_words: dict[tuple[object, ...], list[Event]] = field(default_factory=dict)  # see _told_verbatim
    act_words: dict[int, frozenset[str]] = field(default_factory=dict)  # id(event) -> _act_words of its trigger


def _participle_as_noun(tok: Token) -> bool:
    """"the named accused", "the wounded": a participle with a determiner and no subject is a noun of people; a
    gerund with one is still the act ("the killing of three soldiers"), and a verb with a subject has only been
    given its subject's determiner by the parse ("The(det) US and Britain carried out air strikes")."""
    return tok.tag_ != "VBG" and any(c.dep_ == "det" for c in tok.children) and not syn.children(tok, *syn.SUBJECT_DEPS)


def _predicative(adj: Token) -> bool:
    """An adjective (or a noun) said of a subject: with a copula ("will not be silent", "is a pariah"), or the open
    complement of a verb ("the enemy gets ready for offensive operations", "has become a pariah")."""
    return bool(syn.children(adj, "cop")) or (adj.dep_ == "xcomp" and syn.is_verb(adj.head))


def matches(tok: Token, persons: frozenset[int] = frozenset(),
            places: frozenset[int] = frozenset()) -> list[tuple[Pattern, Token | None]]:
    """The patterns that fire on a token, in file order, each with the object it read; `persons` and `places` hold
    the token indices of the people and places the text names (an object of a pattern with `object_person` or
    `object_place` may be one)."""
    kind = "VERB" if syn.is_verb(tok) else "NOUN" if tok.pos_ in ("NOUN", "PROPN") else \
        "ADJ" if tok.pos_ == "ADJ" and _predicative(tok) else None
    if kind is None or (kind == "VERB" and (tok.dep_ == "amod" or _participle_as_noun(tok))) or _a_topic(tok):
        return []  # "the confiscated land", "the named accused": a participle as an adjective or a noun tells of no act
    found = [*_patterns_named(tok, kind), *(_carried_patterns(tok) if kind == "NOUN" else ())]
    out = []
    candidates: dict[bool, list[Token]] = {}  # the token's objects, read once for the patterns with constraints, once without
    for p in found:
        if p.pos == "NOUN" and _noun_refused(tok, p):
            continue
        constrained = bool(p.objects)
        if constrained not in candidates:
            candidates[constrained] = _object_candidates(tok, constrained)
        obj = object_of(tok, p, candidates[constrained])
        if _constraints_hold(tok, p, obj, persons, places) and not _intercepted(tok, p, obj):
            out.append((p, obj))
    return out


def _a_topic(tok: Token) -> bool:
    """"Key points about the president's visit", "Zelensky about Kyiv shelling": an act phrase marked by a preposition
    of syntax.yaml topic_marks is what the line or the talk is about, no act it tells; a participle the parse hung on
    a noun ("Kyiv shelling") is read through that noun's phrase."""
    phrase = tok.head if tok.dep_ == "acl" and syn.is_verb(tok) else tok
    return syn.case_of(phrase) in syntax().topic_marks


def _patterns_named(tok: Token, kind: str) -> tuple[Pattern, ...]:
    """The patterns of `kind` (VERB, NOUN, ADJ) that name the token's lemma, else its written form (the trained
    lemmatizer misreads some: "blamed" -> "blam"); one lookup for a trigger and for a noun read as its verb."""
    return by_lemma().get((tok.lemma_.lower(), kind)) or by_lemma().get((tok.lower_, kind)) or ()


def _carrier(noun: Token) -> Token | None:
    """"Russia sent a warning to the US", "43 countries sent appeals to the IAEA": the support verb (syntax.yaml
    support_verbs) whose direct object the act noun is, and which tells the act: its subject the doer, its tense,
    modality and negation the act's."""
    verb = _object_verb(noun)
    return verb if verb is not None and syn.is_verb_of(verb, syntax().support_verbs) else None


def _carried(noun: Token) -> bool:
    """An act noun told through the verb whose direct object it is: a light verb ("did not stage protests", syntax.yaml
    light_verbs) or a support verb (`_carrier`); that verb's tense, modality and negation are the act's."""
    verb = _object_verb(noun)
    return verb is not None and syn.is_verb_of(verb, syntax().light_verbs | syntax().support_verbs)


def _object_verb(noun: Token) -> Token | None:
    """The verb whose direct object the noun is, read once for `_carrier` and `_carried`."""
    verb = noun.head
    return verb if noun.pos_ == "NOUN" and noun.dep_ == "obj" and verb != noun and syn.is_verb(verb) else None


def _carried_infinitives(noun: Token) -> list[Token]:
    """"issued a warning to residents to evacuate": the infinitive of an act noun a support verb carries, hung on the
    noun, on its addressee or on the verb after the noun, is the act's complement, as "warned residents to evacuate"
    has it."""
    verb = _carrier(noun)
    if verb is None:
        return []
    marks = syntax().infinitive_marks
    own = [c for h in (noun, *(syn.np_head(a) for a in _addressees(noun))) for c in syn.children(h, "acl")]
    return [c for c in own + [c for c in syn.children(verb, "advcl", "xcomp") if c.i > noun.i] if syn.case_of(c) in marks]


def _carried_patterns(noun: Token) -> list[Pattern]:
    """The patterns of the verb an act noun carried by a support verb names ("a warning": warn; "appeals": appeal):
    those of a verbal act (a noun of a material act has its own noun patterns), with no object demanded (the noun
    has none for them to read)."""
    if _carrier(noun) is None:
        return []
    return [p for p in _patterns_named(noun, "VERB") if _verbal(p.type) and not p.objects]


def _noun_refused(noun: Token, p: Pattern) -> bool:
    """A noun is a trigger only where it heads its line (a headline), unless its pattern says so; and never where it
    names an act told before, as what the clause's own act is about."""
    if not p.anywhere and (noun.dep_ != "ROOT" or _clause_misread(noun)):
        return True
    if p.listed_plurals and noun.tag_ in ("NNS", "NNPS") and noun.lower_ not in p.lemmas:
        return True  # "the president's phone calls with other leaders": a series, no one act
    return _reacted_to(noun) or _mentioned(noun)


def _mentioned(noun: Token) -> bool:
    """"discusses Russia's invasion of Ukraine", "strikes on Lviv illustrate that ...", "a storm interferes with the
    assault on Odesa": an act noun that is an argument of a word of syntax.yaml mention_heads is a topic, a sign or a
    happening met with, not an act the clause tells."""
    head = noun.head
    return head.i != noun.i and _lemma_in(head, syntax().mention_heads)  # a root is its own head


def _clause_misread(noun: Token) -> bool:
    """"Herzog decried(NOUN) Saturday's attack(ROOT) ... and vowed(conj) Israel would ...": a root noun with a finite
    verb coordinated to it heads a clause whose verb the parse misread, no headline; the act it names is that verb's
    object."""
    return any(c.dep_ in ("conj", "parataxis") and c.pos_ == "VERB" and c.tag_ in ("VBD", "VBZ", "VBP")
               for c in noun.children)


def _reacted_to(noun: Token) -> bool:
    """"Germany condemned the Russian attack on Kyiv", "Herzog decried Saturday's attack": an act noun as the object
    of a verb of a verbal act of the types of events.yaml referred_acts (a condemnation, a rejection), or of a verb
    the parse misread, named with a determiner that points back or by its day, is the act reacted to, told before; the
    reaction is the clause's act ("condemned Israel's attack on Gaza" still tells it, and "briefed on last weekend's
    phone call" is no reaction)."""
    rule = referred_acts()
    if noun.dep_ == "obj" and syn.is_verb(noun.head):
        if not _verb_of_reaction(noun.head):
            return False
    elif not (noun.dep_ == "ROOT" and _clause_misread(noun)):
        return False
    return any((c.dep_ == "det" and c.lower_ in rule.determiners) or (c.dep_ == "nmod:poss" and syn.calendar_word(syn.np_head(c)))
               for c in noun.children)


def _verb_of_reaction(verb: Token) -> bool:
    """A verb of a pattern of a type of events.yaml referred_acts ("condemned", "decried"), by its form or lemma."""
    forms = {verb.lower_, verb.lemma_.lower()}
    return any(p.type in referred_acts().types for form in forms for p in by_lemma().get((form, "VERB"), ()))


def _intercepted(tok: Token, p: Pattern, obj: Token | None) -> bool:
    """A shoot-down or an interception ("shot down 30 drones", "destroyed four air targets"): no use of force on
    anyone (events.yaml `interception`). The object of a pattern that constrains it is the weapon fired, no target."""
    if p.type != "ASSAULT":
        return False
    rule = interception()
    if (_lemma_in(tok, rule.verbs) and syn.has_particle(tok, rule.particles)) or _by_air_defence(tok, rule.defenders):
        return True
    if p.objects:
        return False
    target = obj if obj is not None else syn.patient(tok) if syn.is_passive(tok) else None
    if target is None:
        return False
    head = syn.np_head(target)
    nxt = head.nbor(1) if head.i + 1 < len(head.doc) else None
    if head.pos_ in ("ADJ", "NUM") and nxt is not None and nxt.pos_ != "PUNCT":
        head = nxt  # "destroyed four Russian drones" parsed with "Russian" as the object and "drones" as a verb
    before = head.nbor(-1).lower_ if head.i > 0 else ""
    return any(w in rule.objects or f"{before} {w}" in rule.objects for w in (head.lemma_.lower(), head.lower_))


def _by_air_defence(tok: Token, words: frozenset[str]) -> bool:
    """Force whose doer's phrase names air defence ("the anti-aircraft missile forces destroyed a helicopter"): a
    shoot-down."""
    doer = syn.subject(tok) if syn.is_verb(tok) else None
    if doer is None:
        return False
    lo, hi = syn.phrase_span(doer)
    phrase = doc_text(tok.doc)[lo:hi].lower()  # spaCy's Doc.text joins every token again on each read
    return any(w in phrase for w in words)


def match(tok: Token) -> tuple[Pattern, Token | None] | None:
    """The first pattern that fires on a token."""
    found = matches(tok)
    return found[0] if found else None


def _constraints_hold(tok: Token, p: Pattern, obj: Token | None, persons: frozenset[int] = frozenset(),
                      places: frozenset[int] = frozenset()) -> bool:
    if not _object_holds(tok, p, obj, persons, places):
        return False
    if p.particles and not syn.has_particle(tok, p.particles):
        return False
    if p.preps and not any(syn.obliques(h, p.preps) for h in (tok, obj) if h is not None) \
            and not syn.gerund_clauses(tok, p.preps):
        return False
    return _clause_fits(tok, p, obj)


def _object_holds(tok: Token, p: Pattern, obj: Token | None, persons: frozenset[int],
                  places: frozenset[int]) -> bool:
    """The pattern's demands on the object: one it needs (`objects`, `object_words` on it), none it refuses
    (`not_objects`)."""
    if p.objects and not _object_fits(obj, p, persons, places):
        return False
    # told in the passive, the one it is done to is the object refused ("the myth of the army was destroyed")
    undergone = obj if obj is not None else syn.patient(tok) if p.not_objects and syn.is_passive(tok) else None
    if p.not_objects and undergone is not None and _lemma_in(undergone, p.not_objects):
        return False
    return not p.object_words or (obj is not None and any(t.lower_ in p.object_words for t in obj.children))


def _others_act(noun: Token) -> bool:
    """"preparing for a Russian offensive", "for the enemy's assault": an act noun with a name, a nationality or an
    enemy word (syntax.yaml enemy_words) on it as its owner or modifier is that side's act, not the subject's own."""
    owners = [c for c in noun.children if c.dep_ in ("amod", "nmod:poss", "compound") or
              (c.dep_ == "nmod" and syn.case_of(c) in names().genitive_prepositions)]
    return any(c.text[:1].isupper() or c.lower_ in syntax().enemy_words for c in owners)


def _clause_fits(tok: Token, p: Pattern, obj: Token | None) -> bool:
    return _complement_fits(tok, p) and _words_fit(tok, p) and not _excluded(tok, p, obj) and not _undone(tok, p) \
        and _told_fits(tok, p)


def _told_fits(tok: Token, p: Pattern) -> bool:
    """"will respond decisively": the auxiliary the pattern is told with (`told_as`) and a word it needs on the
    trigger (`has`), or right after it, where the parse hung the adverb elsewhere ("respond decisively(-> invades)
    if Russia invades"); a noun told of a subject where the pattern asks for one (`predicate`)."""
    near = tok.doc[tok.i + 1:min(tok.i + 4, len(tok.doc))]
    if p.has and not any(c.lower_ in p.has for c in (*(c for h in _hosts_of(tok) for c in h.children), *near)):
        return False
    if p.passive_only and not syn.is_passive(tok):
        return False  # "Ukraine returned 107 soldiers from captivity": its own people, got back
    if p.told_negated and not syn.negated_itself(tok):
        return False  # "will not tolerate": the refusal is the threat; "will tolerate" is none
    if p.predicate and not (_predicative(tok) and _said_outright(tok)):
        return False  # "Putin is a pariah" says it of Putin; "the pariah of Europe" alone says nothing of anyone
    # "if they will pay the price": a clause of condition makes no threat or demand
    return not p.told_as or syn.told_with(tok, p.told_as)


def _said_outright(tok: Token) -> bool:
    """A judgement its speaker says of a side, not what another verb is about: each clause above the predicate, up to
    the verb of speaking or the top of the quotation or headline, is a verb it completes that has no object of its own
    ("has become a pariah", "appear to be war crimes"), itself no clause that modifies a noun or another clause;
    "make sure Russia recognizes that Putin is a pariah", "considers Iran a pariah" and "a loss, that (Putin) is a
    pariah" (a relative clause) say no such judgement."""
    node = tok
    for gov in syn.governors(tok):
        if syn.is_verb_of(gov, _speech_lemmas()):
            return True
        if node.dep_ != "xcomp" or syn.children(gov, "obj"):
            return False
        node = gov
    return not node.dep_.startswith(("acl", "advcl"))


def _undone(tok: Token, p: Pattern) -> bool:
    """"his planned visit", "ahead of his visit", "cancelled his visit": a word on the trigger (`not_has`) or the verb
    it hangs on (`not_head`) says it did not happen, or not yet."""
    hosts = _hosts_of(tok)
    if p.not_has and any(c.lower_ in p.not_has for h in hosts for c in h.children):
        return True
    heads = [h.head for h in hosts if _hangs_on_its_head(h)] + _told_of(tok)
    return bool(p.not_head) and any(syn.is_verb_of(h, p.not_head) for h in heads)


def _hangs_on_its_head(host: Token) -> bool:
    """The word has a head it hangs on: "years of negotiations" is a course told; "made no progress in recent weeks in
    talks" hangs the talks on a time the parse misplaced: a time word is a head only through "of"."""
    return host.head.i != host.i and not (
        syn.calendar_word(host.head) and syn.case_of(host) not in names().genitive_prepositions)


def _hosts_of(tok: Token) -> list[Token]:
    """The trigger, and the noun a noun trigger is told "of" ("the next round of talks"): words on either say
    whether and when it happens."""
    return [tok, *([tok.head] if tok.pos_ == "NOUN" and tok.dep_ == "nmod" and syn.case_of(tok) in names().genitive_prepositions else [])]


PHRASE_WORDS = frozenset({"ADJ", "NOUN", "PROPN", "PUNCT", "ADV", "DET", "ADP", "NUM", "PART"})


def _told_of(noun: Token) -> list[Token]:
    """"years of complicated behind-the-scenes negotiations": the noun a noun trigger's phrase is told "of", read from
    the words before it (up to six), where the parse did not make it the head."""
    if noun.pos_ != "NOUN":
        return []
    for i in range(noun.i - 1, max(noun.i - 8, 0), -1):
        word = noun.doc[i]
        if word.lower_ in names().genitive_prepositions:
            return [noun.doc[i - 1]]
        if word.pos_ not in PHRASE_WORDS:
            break
    return []


def _excluded(tok: Token, p: Pattern, obj: Token | None) -> bool:
    """"defended its own right" supports no one else; "warned that an escalation could ..." is a warning about
    a happening, no threat: an object with one of `not_object_has`, a complement with a subject noun of
    `not_complement_subject`."""
    if p.not_object_words and obj is not None and any(c.lower_ in p.not_object_words for c in obj.children):
        return True
    if p.own_object and obj is not None and _others_act(obj):
        return True
    if not p.not_complement_subjects:
        return False
    clauses = syn.children(tok, "xcomp", "ccomp")
    if tok.dep_ in ("conj", "parataxis", "ccomp") and tok.head.i < tok.i and not any(
            s.i < tok.i for s in syn.children(tok, "nsubj")):
        clauses = [*clauses, tok.head]  # "an escalation could ..., warned the envoy": the clause told comes first
    return any(_lemma_in(syn.np_head(s), p.not_complement_subjects)
               for c in clauses for s in syn.children(c, "nsubj"))


def _complement_in(comp: Token, words: frozenset[str]) -> bool:
    """The complement's verb, alone or with the noun of its object or oblique: "refused to go into detail" is
    'go detail'."""
    return _lemma_in(comp, words) or any(
        f"{comp.lemma_.lower()} {c.lemma_.lower()}" in words for c in comp.children if c.dep_ in ("obj", "obl"))


def _words_fit(tok: Token, p: Pattern) -> bool:
    """"Riots continued" needs its subject noun ("the talks continued" is no protest); "vowed to fight" its
    infinitive ("vowed to rebuild" is no threat)."""
    if p.subjects:  # ... or on its auxiliary, where the parse hung it there ("a truce(-> had) had taken effect")
        subj = [s for h in (tok, *syn.children(tok, "aux", "aux:pass")) for s in syn.children(h, "nsubj", "nsubj:pass")]
        if not subj or not _lemma_in(syn.np_head(subj[0]), p.subjects):
            return False
    # the complement asked for is affirmed: "said Kyiv was not responsible" blames no one; "invited the senators to
    # appear": the infinitive the parse hung on the object
    comps = [*syn.children(tok, "xcomp", "ccomp"),
             *(c for o in syn.children(tok, "obj") for n in syn.coordinated(o) for c in syn.children(n, "acl")
               if syn.case_of(c) in syntax().infinitive_marks),
             *(c for c in syn.children(tok, "advcl") if syn.case_of(c) in syntax().infinitive_marks
               and syn.children(tok, "obj"))]
    return not p.complements or any(_complement_in(c, p.complements) and not syn.negated_itself(c) for c in comps)


def _object_told(tok: Token, p: Pattern) -> bool:
    """"wants to see the PA governing Gaza" asks no one (needs_object); "Russia demonstrated its inability", "the
    hatred is demonstrated by" show something, no protest (no_object); "the city is burning" burns nothing of anyone's
    (transitive)."""
    if p.needs_object and not syn.children(tok, "obj", "iobj"):
        return False
    if p.transitive and syn.children(tok, "nsubj") and not syn.children(tok, "obj", "iobj") and not syn.is_passive(tok):
        return False  # "Hong Kong is burning": the subject burns, no one burns it ("a line, damaged by shelling" is)
    return not (p.no_object and syn.children(tok, "obj", "nsubj:pass", "ccomp"))


def _complement_fits(tok: Token, p: Pattern) -> bool:
    """"said that Sudan must return" needs its modal; "refused to comment" is no refusal of anything."""
    if not _complement_told(tok, p):
        return False
    if p.not_question and syn.asks_question(tok):
        return False
    if p.not_naming and syn.names_as(tok):
        return False
    if p.named_as and not _named_with(tok, p.named_as):
        return False
    if not _object_told(tok, p):
        return False
    if p.not_participle and syn.is_adverbial_participle(tok) and not syn.children(tok, "xcomp") \
            and not syn.obliques(tok, p.participle_preps):
        return False
    return not p.complement_aux or syn.complement_has_aux(tok, p.complement_aux)


def _named_with(tok: Token, words: frozenset[str]) -> bool:
    """"called the strike a war crime", "described the drills as a barbaric provocation", "an act of aggression": the
    verb names its object (syntax.named_complements) with one of `words`, the noun or adjective itself, a conjunct of
    it, or a word that modifies it; "called it a historic day" and "did not call it a crime" judge no one."""
    named = [n for c in syn.named_complements(tok) for n in syn.coordinated(c, any_pos=True)]
    return not syn.negated_itself(tok) and any(_lemma_in(n, words) or any(_judges(m, n, words) for m in n.children)
                                               for n in named)


def _judges(modifier: Token, noun: Token, words: frozenset[str]) -> bool:
    """"a barbaric attack": an adjective on the noun judges it; a noun on it only where the noun is an act ("a
    terrorist act", "an act of aggression"), else it tells a kind or a member ("a crime novel", "a band of thieves")."""
    if not _lemma_in(modifier, words):
        return False
    return modifier.dep_ == "amod" or (modifier.dep_ in ("nmod", "compound") and _is_act(noun))


def _complement_told(tok: Token, p: Pattern) -> bool:
    """The complement the pattern needs (`needs_complement`, `clause_words`) and none it refuses (`not_complements`),
    the infinitive of an act noun a support verb carries read as its complement ("issued a warning to residents to
    evacuate", `_carried_infinitives`)."""
    comps = [*syn.children(tok, "xcomp", "ccomp"), *_carried_infinitives(tok)]
    if p.not_complements and any(_complement_in(c, p.not_complements) for c in comps):
        return False
    if p.needs_complement and not syn.infinitive_complements(tok):
        return False
    return not p.clause_words or _clause_has(tok, p.clause_words)


def _clause_has(tok: Token, words: frozenset[str]) -> bool:
    """"The US sanctions target Russia's debt", "hit Iran with sanctions", "in the new round of sanctions, the US
    targeted a bank": one of `words` in the verb's subject or obliques."""
    # "recognize war crimes as genocide", "placed the activist(xcomp) under house arrest": nouns parsed as clauses;
    # "took the commission to court(advcl)": a noun parsed as an infinitive with no object of its own
    slots = [c for c in tok.children if c.dep_ in ("nsubj", "obl", "obl:agent")
             or (c.dep_ in ("advcl", "xcomp") and c.pos_ in ("NOUN", "PROPN"))]
    bare = [c for c in syn.children(tok, "advcl", "xcomp") if _lemma_in(c, words) and not syn.children(c, "obj")]
    return bool(bare) or any(_lemma_in(t, words) for c in slots for t in c.subtree)


def _object_fits(obj: Token | None, p: Pattern, persons: frozenset[int], places: frozenset[int]) -> bool:
    """The object is one the pattern names, or a name such a noun describes, or a head naming only a kind of such a
    noun ("enemy assault operations", `_kind_of`), or (`object_person`) a person, or (`object_place`) a place."""
    return obj is not None and (_lemma_in(obj, p.objects) or _described_as(obj, p.objects) or _kind_of(obj, p.objects)
                                or (p.object_person and _a_person(obj, persons))
                                or (p.object_place and obj.i in places))


def _a_person(obj: Token, persons: frozenset[int]) -> bool:
    """A person to a pattern that takes one (`object_person`): a name the text gives a person, or an object proper
    (no oblique: "returned to their families" returns no one to anyone) that is a noun naming people (syntax.yaml
    person_objects: "freed the pilots", "liquidated an employee") or has such a noun or a name as its appositive
    ("beat its leader, Abdur Rahman"); the pattern's own list stays for what is no person ("freed the bodies")."""
    if obj.i in persons:
        return True
    people = syntax().person_objects
    return not obj.dep_.startswith("obl") and any(t.i in persons or t.lower_ in people or t.lemma_.lower() in people
                                                  for t in (obj, *syn.children(obj, "appos")))


def _described_as(name: Token, words: frozenset[str]) -> bool:
    """"released hostage Edan Alexander": a name the noun before it describes is what that noun says."""
    return name.pos_ == "PROPN" and any(c.dep_ in DESCRIPTORS and c.i < name.i and _lemma_in(c, words)
                                        for c in name.children)


DESCRIPTORS = frozenset({"compound", "nmod:desc", "appos"})


def _kind_of(noun: Token, words: frozenset[str]) -> bool:
    """"repulsed enemy assault operations", "deployed artillery units": a head that names only a kind, an instance or
    a set of what the noun glued before it names (syntax.yaml kind_heads) is that noun to an object constraint, as a
    partitive is the noun after its "of" ("a wave of strikes")."""
    if not _lemma_in(noun, syntax().kind_heads) or noun.i == 0:
        return False
    glued = noun.doc[noun.i - 1]
    return glued.dep_ == "compound" and glued.head.i == noun.i and glued.pos_ == "NOUN" and _lemma_in(glued, words)


def _lemma_in(tok: Token, words: frozenset[str]) -> bool:
    """The token's lemma or form is one of `words`; a verb's also where its lemma is misread (`syntax.listed_verb`)."""
    return tok.lemma_.lower() in words or tok.lower_ in words or (tok.pos_ in syn.VERBS and syn.is_verb_of(tok, words))


def _undergoers(verb: Token) -> list[Token]:
    """Who a passive verb is done to: its passive subjects, or the noun its participle modifies ("the dissidents
    released by Russia")."""
    found = syn.passive_subjects(verb)
    return found or ([verb.head] if verb.dep_ == "acl" and syn.is_passive(verb) else [])


def object_of(tok: Token, p: Pattern, objs: list[Token] | None = None) -> Token | None:
    """The verb's object, through partitives ("one of the attacks"); with object constraints, also an
    oblique ("went on strike") or a complement noun ("put the army on alert"). `objs`: the token's
    `_object_candidates` for the pattern, where the caller has read them already."""
    if objs is None:
        objs = _object_candidates(tok, bool(p.objects))
    if not objs:
        return None
    head = syn.np_head(objs[0])
    if p.objects and not _lemma_in(head, p.objects):
        return _object_meant(tok, p, objs, head)
    return head


def _object_candidates(tok: Token, constrained: bool) -> list[Token]:
    """The words that may be the token's object, for a pattern with object constraints (`constrained`) or one
    without: the same for every pattern of either kind on the token."""
    objs = [*syn.children(tok, "obj", "iobj"), *_undergoers(tok)] if constrained else syn.children(tok, "obj")
    if not objs and constrained:
        # "since the beginning of the war": a noun after "of" makes the gerund a noun, and is no object
        objs = [c for c in tok.children if c.dep_ in ("obl", "xcomp", "compound", "nmod")
                and syn.case_of(c) not in names().genitive_prepositions]
    return objs


def _object_meant(tok: Token, p: Pattern, objs: list[Token], head: Token) -> Token:
    """An object the pattern's constraints reject: another noun the parse attached elsewhere may be the object
    meant, apart from `object_of` so that each stays short; else the first object still."""
    # "lifted Friday a day-old blockade": a noun the parse left as a complement may be the object meant
    # ... or a second object read as a bare oblique ("denying UN monitors access(obl:unmarked)")
    more = [c for c in tok.children if c.dep_ in ("xcomp", "obl:unmarked") and c.pos_ == "NOUN"]
    # ... or the noun an adjective read as the object is joined to ("faced international(xcomp) and Palestinian
    # criticism(conj)")
    more += [c for o in objs if o.pos_ == "ADJ" for c in o.conjuncts if c.pos_ == "NOUN"]
    more += syn.obliques(tok, p.preps)  # "provided Ukraine with drones": the thing given in the pattern's oblique
    alt = [syn.np_head(o) for o in [*objs[1:], *more] if _lemma_in(syn.np_head(o), p.objects)]
    return alt[0] if alt else head


def _pronoun_person(doc: NlpDoc, state: ArticleState, tok: Token) -> Actor | None:
    """The person "he" or "she" stands for, by the resolver the quotes use (agreement, the subject of the
    sentence before, not a name inside a quote), so that an act and a quote of one "he" share their person;
    a person no entity codes is named with no side ("He added: ..." after an unlisted spokesman is his, not
    the last head of state named)."""
    if state.speakers is None:
        state.speakers = Speakers(doc, [(q.start, q.end) for q in doc.quotes if q.direct])
    gender = people().person_pronouns.get(tok.lower_)
    who = state.speakers.pronoun(tok.idx, gender) if gender else None
    if who is None:
        return None
    return who.actor or Actor(text=who.name, name=who.name, id=who.id)


def party(doc: NlpDoc, tok: Token, state: ArticleState) -> Party | None:
    """The actor a noun phrase names, from the knowledge base and the text's entities."""
    tok = syn.np_head(tok)
    if tok.pos_ == "PRON":
        return _pronoun_party(doc, tok, state)
    lo, hi = syn.phrase_span(tok)
    if _enemy_named(doc, tok, lo, hi):
        # "enemy positions": whoever the actor fights, named once the actor is known (_name_enemies)
        return _enemy_party(doc.body[lo:hi])
    placed = None if _owner_named(tok) else _place_within(doc, tok)
    if placed is not None:  # "a military base in northern Togo": where it is, not whose army the text is about
        return Party(placed)
    actor = _body_named_before(doc, tok) or _phrase_actor(doc, lo, hi) or _place_actor(doc, lo, hi) \
        or _acronym(doc, tok)
    if actor is None:
        return _party_of_no_name(doc, tok, state, lo, hi)
    owned = _pronoun_owned(doc, tok, actor, state) or _force_told_before(doc, tok, actor, state)
    if owned is not None:
        return owned
    return Party(_stationed(doc, tok, _owned_by_body(doc, tok, actor)))


def _phrase_actor(doc: NlpDoc, lo: int, hi: int) -> Actor | None:
    """The actor the phrase's words name (knowledge base, entities); people of a sector no state owns ("30 people",
    events.yaml placed_sectors unowned) keep no country their words do not name: the place of the event may give one."""
    actor = actor_kb.actor_for_span(doc, lo, hi)
    if actor is None and not actor_kb.named_persons_surname(doc, lo, hi):  # 'Hamilton' after Ian Hamilton: no town
        actor = actor_kb.resolve_actor(doc.body[lo:hi])
    if actor is not None and actor.sector in placed_sectors().unowned and actor.country and not _names_country(doc, lo, hi):
        actor = actor.model_copy(update={"country": None, "id": None, "name": doc.body[lo:hi]})
    return actor


def _party_of_no_name(doc: NlpDoc, tok: Token, state: ArticleState, lo: int, hi: int) -> Party | None:
    """A phrase that names no actor: the state it points back to ("the country"), else whoever owns it ("its
    forces") or issued it."""
    # "the country": the state named last, not the one its own clause's subject names (read only for a pointer)
    text = doc.body[lo:hi]
    pointed = actor_kb.pointed_state(text, doc.body[:lo], _subject_states(doc, tok)) \
        if actor_kb.state_pointer(text) else None
    return Party(pointed, inherited=True) if pointed is not None else \
        _pronoun_owner(doc, tok, state) or _issuer(doc, tok, state)


def _force_told_before(doc: NlpDoc, head: Token, actor: Actor, state: ArticleState) -> Party | None:
    """"Some soldiers even stole radioactive materials ... the troops scattered mines": a bare definite plural force
    (syntax.yaml anaphoric_determiners; "the troops", "the soldiers") whose own words name no country stands for the
    force of that sector the text last told acting (inherited), not for the country of a place its sentence names."""
    last = state.last_forces.get(actor.sector or "")
    mods = [c for c in head.children if c.dep_ not in ("case", "punct")]
    if last is None or actor.code or not {"Plur", "Ptan"} & set(head.morph.get("Number", [])) or len(mods) != 1 \
            or mods[0].lower_ not in syntax().anaphoric_determiners or _names_country(doc, *syn.phrase_span(head)):
        return None
    return Party(actor_kb.sector_actor(actor.text, last, actor.sector), inherited=True)


def _pronoun_owned(doc: NlpDoc, head: Token, actor: Actor, state: ArticleState) -> Party | None:
    """"Wagner ... said that its fighters had inflicted heavy losses", "their troops": a force or an organ its own words
    give no country, owned by a pronoun, is of whoever the pronoun stands for (inherited), not of the country the
    story named last; a pronoun that stands for no one of a country leaves it as it was."""
    if not _unnamed_force(doc, head, actor):
        return None
    owner = _owning_pronoun(head)
    found = _pronoun_party(doc, owner, state) if owner is not None else None
    if found is None or not (found.actor.country or found.actor.code) or found.actor.sector in actor_kb.STATELESS_SECTORS:
        return None
    owner_of = found.actor
    country = None if owner_of.code else owner_of.country
    # an armed body's fighters are of its own sector: Wagner's are no rebels, whatever the word "fighters" says
    sector = owner_of.sector if owner_of.sector in _FORCE_SECTORS else actor.sector
    return Party(actor_kb.sector_actor(actor.text, country, sector, owner_of.code), inherited=True)


def _unnamed_force(doc: NlpDoc, head: Token, actor: Actor) -> bool:
    """A force or an organ (an actor of a sector) whose own words name no country and no body: "its fighters", not
    "its allies' troops", "Russia's troops" (named) nor "Wagner and its fighters" (a body's own name)."""
    lo, hi = syn.phrase_span(head)
    return not (actor.code or actor.sector is None or actor.id and not actor.id.endswith("-" + actor.sector)
                or _names_country(doc, lo, hi))


def _owning_pronoun(head: Token) -> Token | None:
    """The pronoun of a group that owns the noun ("its fighters", "their troops"), not a speaker's own ("our
    troops", syntax.yaml speaker_pronouns)."""
    return next((c for c in head.children if c.dep_ == "nmod:poss" and c.pos_ == "PRON"
                 and c.lower_ in syntax().group_pronouns and c.lower_ not in syntax().speaker_pronouns), None)


def _subject_states(doc: NlpDoc, tok: Token) -> frozenset[str]:
    """The states the subject of the verb a noun hangs on names ("Russia attacked the country": RUS), and a name right
    before that verb, which the parse may have hung elsewhere ("after Russia(nmod) attacked(xcomp) the country")."""
    verb = next((h for h in tok.ancestors if syn.is_verb(h)), None)
    if verb is None:
        return frozenset()
    subjects = [syn.subject(verb), verb.nbor(-1) if verb.i > 0 and verb.nbor(-1).pos_ == "PROPN" else None]
    spans = [syn.phrase_span(syn.np_head(s)) for s in subjects if s is not None and s.i != tok.i]
    return frozenset(c for lo, hi in spans for c in actor_kb.states_before(doc.body[lo:hi]))


def _enemy_named(doc: NlpDoc, tok: Token, lo: int, hi: int) -> bool:
    """"Enemy positions", "the enemy" (syntax.yaml enemy_words), where the phrase names no country, nor whom the enemy
    word belongs to ("the occupants of a car": syntax.yaml enemy_owner_preps)."""
    enemy = syntax().enemy_words
    if tok.lower_ in enemy and syn.obliques(tok, syntax().enemy_owner_preps):
        return False
    return (tok.lower_ in enemy or any(t.i < tok.i and t.dep_ in ("amod", "compound", "nmod:poss") and t.lower_ in enemy
                                       for t in tok.subtree)) and not actor_kb.names_a_country(doc.body[lo:hi])


def _acronym(doc: NlpDoc, head: Token) -> Actor | None:
    """"the PA" after "the Palestinian Authority (PA)": an acronym the text defined (actors.defined_acronyms)."""
    if not head.text.isupper():
        return None
    found = doc.extras.get("acronyms")
    if found is None:
        found = doc.extras["acronyms"] = actor_kb.defined_acronyms(doc.body)
    actor = found.get(head.text)
    return actor.model_copy(update={"text": head.text}) if actor is not None else None


def _stationed(doc: NlpDoc, head: Token, actor: Actor) -> Actor:
    """"Security forces in Guinea", "rebels in the Ivory Coast", "refugees fleeing the civil war in Liberia": a role
    whose own words name no country is of the place its own "in" phrase (or its participle's) names, not of the
    country the story names most; "Russian troops in Ukraine" keep theirs, and "Western diplomats in Kyiv", a body or
    a firm, none, nor an attack or a weapon (syntax.yaml attack_nouns: "the airstrikes in Gaza" are not Gaza's)."""
    if actor.code or actor.sector in actor_kb.STATELESS_SECTORS or actor_kb.of_no_nation(actor.text) \
            or actor_kb.role_sector(head.text)[0] is None or _lemma_in(head, syntax().attack_nouns):
        return actor  # "the airstrikes in Gaza", "drones over Kyiv": where they struck, not whose they are
    lo, hi = syn.phrase_span(head)
    if actor_kb.names_a_country(doc.body[lo:hi]):
        return actor
    country = _stationed_in(doc, head)
    return actor_kb.sector_actor(actor.text, country, actor.sector) if country is not None else actor


def _stationed_in(doc: NlpDoc, head: Token) -> str | None:
    """The country of the first place the head's own "in" phrase, or its participle's, names ("refugees fleeing the
    war in Liberia", "sheltering in a school in Gaza")."""
    clauses = [c for c in head.children if c.dep_ == "acl" and c.i > head.i]
    hosts = [head, *clauses, *(syn.np_head(o) for c in clauses for o in syn.children(c, "obj"))]
    for obl in (o for h in hosts for o in syn.obliques(h, syntax().stationed_preps)):
        a, b = syn.phrase_span(syn.np_head(obl))
        place = _named_place(doc, a, b) or _inner_place(doc, syn.np_head(obl))
        if place is not None and place.country:
            return place.country
    return None


def _issuer(doc: NlpDoc, document: Token, state: ArticleState) -> Party | None:
    """"The Security Council adopted a resolution demanding a ceasefire": a document that acts speaks for whoever
    issued it, the subject of the verb it is the object of (speech_verbs.yaml document_nouns)."""
    if document.dep_ != "obj" or not is_document(document):
        return None
    issuer = syn.subject(document.head)
    return party(doc, issuer, state) if issuer is not None and issuer is not document else None


def _owned_by_body(doc: NlpDoc, head: Token, actor: Actor) -> Actor:
    """"the bloc's foreign ministers" after "the EU": officials a body the text named before owns are that body's,
    not of the place last named (syntax.yaml body_anaphors)."""
    owners = [c for c in head.children if c.dep_ == "nmod:poss" and c.pos_ == "NOUN"]
    body = _body_named_before(doc, owners[0]) if owners and not actor.code else None
    if body is None or not body.code:
        return actor
    return actor.model_copy(update={"code": body.code, "country": None, "id": None, "name": body.name})


def _body_named_before(doc: NlpDoc, head: Token) -> Actor | None:
    """"The court" after "the International Court of Justice", "the agency" after "the International Atomic Energy
    Agency": a bare definite common noun (syntax.yaml anaphoric_determiners) that is a word of a body the text
    named before stands for the last such body."""
    dets = syntax().anaphoric_determiners
    mods = [c for c in head.children if c.dep_ != "case"]  # "against the court"
    if head.pos_ != "NOUN" or len(mods) != 1 or mods[0].lower_ not in dets:
        return None
    words = {head.lower_, head.lemma_.lower()}
    anaphor = bool(words & syntax().body_anaphors)  # "the bloc": the last international body, whatever its name
    named = [e for e in doc.entities if e.type == "ORG" and e.actor is not None and e.end <= head.idx
             and (words & set(e.text.lower().split()) or (anaphor and e.actor.code))]
    return max(named, key=lambda e: e.start).actor if named else None


def _pronoun_owner(doc: NlpDoc, head: Token, state: ArticleState) -> Party | None:
    """"accused separatists of firing at its positions": a thing of no side of its own named as a pronoun's ("its
    positions", "their bases") inside what a side says or claims is that side's; only a thing acted on ("its
    allies", "for its part" no)."""
    if head.dep_ not in ("obj", "obl") or _is_role(head):
        return None
    owner = next((c for c in head.children if c.dep_ == "nmod:poss" and c.pos_ == "PRON"
                  and c.lower_ in syntax().group_pronouns), None)
    if owner is None or _in_quote(doc, owner.idx):
        return None
    speaker = syn.speaker_of(head)  # the one whose clause holds the thing: "Kyiv accused ... its positions"
    said_by = party(doc, speaker, state) if speaker is not None else None
    # with no such clause, the text's last actor is too often not the owner ("the missile that hit their vehicle")
    return Party(said_by.actor, inherited=True) if said_by is not None else None


def _pronoun_party(doc: NlpDoc, tok: Token, state: ArticleState) -> Party | None:
    """"Syria says it is willing": it is Syria; "Kuleba said he had spoken": he is the one who says it, else
    the last person named; a group pronoun with no speaker is the last actor of the text."""
    if _in_quote(doc, tok.idx):
        # "we continue to fight", "they detained him": in a quotation a pronoun is the speaker's, not the text's; but
        # "Hezbollah is responsible and they will pay": the subject of the clause its own is joined to
        named = syn.conjunct_antecedent(tok)
        return party(doc, named, state) if named is not None else None
    low = tok.lower_
    if low in syntax().speaker_pronouns:
        return _reporting_speaker(doc, tok, state)
    group, person = low in syntax().group_pronouns, low in syntax().person_pronouns
    speaker = _pronoun_speaker(tok) if group or person else None
    said_by = party(doc, speaker, state) if speaker is not None else None
    if said_by is not None and (group or (said_by.actor.id or "").startswith("person:")):
        return Party(said_by.actor, inherited=True)
    return _pronoun_antecedent(doc, tok, state, speaker, group, person)


def _pronoun_antecedent(doc: NlpDoc, tok: Token, state: ArticleState, speaker: Token | None, group: bool,
                        person: bool) -> Party | None:
    """A pronoun (of a group, of a person) no speaker's words own: what it points back to in its clause ("identified
    two suspects, arrested them"; "parents and their child": the noun a possessive's coordinated noun follows), else the
    last person named ("he", "she"), else for a group pronoun said by no one the body its sentence or the text last
    named."""
    low = tok.lower_
    antecedent = syn.object_antecedent(tok) if group and tok.dep_ in ("obj", "iobj") else \
        syn.conjunct_owner(tok) or syn.reason_owner(tok)
    if antecedent is not None:  # "identified two suspects, arrested them": the suspects; "parents and their child"
        found_obj = party(doc, antecedent, state)
        return Party(found_obj.actor, inherited=True) if found_obj is not None else None
    if person:
        found = _pronoun_person(doc, state, tok)
    else:
        found = (_sentence_antecedent(doc, tok, state) or _group_antecedent(low, state)) \
            if group and speaker is None else None
    return Party(found, inherited=True) if found is not None else None


def _pronoun_speaker(pronoun: Token) -> Token | None:
    """The one whose words hold the pronoun (`syntax.speaker_of`), where that is not the subject of the verb that acts
    on it ("guerrilla fighters encircle them": not the fighters)."""
    speaker = syn.speaker_of(pronoun)
    return None if speaker is not None and _own_subject(pronoun, speaker) else speaker


def _reporting_speaker(doc: NlpDoc, pronoun: Token, state: ArticleState) -> Party | None:
    """"'President Musharraf promised to help us,' says Karzai" with its quotation marks not read: a first-person
    pronoun (syntax.yaml speaker_pronouns) outside a quotation is the one who says the words that hold it, the subject
    of the highest speech verb above it; with none, no one (not the last actor told of, nor the writer's country)."""
    verbs = [v for v in pronoun.ancestors if syn.is_verb_of(v, _speech_lemmas())]
    subject = syn.subject(verbs[-1]) if verbs else None
    found = party(doc, subject, state) if subject is not None and subject.pos_ != "PRON" else None
    return Party(found.actor, inherited=True) if found is not None else None


def _own_subject(pronoun: Token, speaker: Token) -> bool:
    """"Guerrilla fighters encircle them", "fired at them": a pronoun a verb acts on (no reflexive) never stands for
    that verb's own subject, which `speaker_of` finds first."""
    return pronoun.dep_ in ("obj", "iobj", "obl") and speaker.head.i == pronoun.head.i


def _sentence_antecedent(doc: NlpDoc, pronoun: Token, state: ArticleState) -> Actor | None:
    """"A message to that country, Psaki said, that it cannot continue": "it" (entities.yaml singular_body_pronouns)
    stands for the nearest state or body its own sentence names before it as a subject or points back to ("that
    country"), not for the last actor of the text before; none there, the text's (`_group_antecedent`). So does a
    group pronoun owning an act noun ("repulsing their attacks", `_owns_an_act`), never for the subject acting on it
    (`not_antecedent`). Another phrase ("sanctions on Russia over its invasion") is no antecedent by itself: the
    sentence may be about another."""
    act_owner = _owns_an_act(pronoun)  # "with Ukrainian forces repulsing their attacks": whoever the sentence is about
    if pronoun.lower_ not in names().singular_body_pronouns and not act_owner:
        return None
    own = not_antecedent(pronoun)
    quoted = _in_quote(doc, pronoun.idx)
    for tok in reversed(doc.tokens[pronoun.sent.start:pronoun.i]):
        if tok.pos_ not in ("NOUN", "PROPN") or (own is not None and tok.i == own.i) \
                or _in_quote(doc, tok.idx) != quoted or not _subject_or_pointer(doc, tok):
            continue
        found = party(doc, tok, state)
        if found is not None and _body_or_state(found.actor, tok):
            return found.actor
    return None


def _subject_or_pointer(doc: NlpDoc, tok: Token) -> bool:
    """A clause's subject, or a phrase that points back to a state ("that country", entities.yaml country_pointers)."""
    if tok.dep_ in (*syn.SUBJECT_DEPS, "nsubj:pass"):
        return True
    lo, hi = syn.phrase_span(tok)
    return syn.np_head(tok) == tok and actor_kb.state_pointer(doc.body[lo:hi])


def _body_or_state(actor: Actor, head: Token) -> bool:
    """What "it" can stand for: a state, one of its organs, a body or group named as one (no plural noun, no person or
    person's role, no place inside a country)."""
    if _no_body(actor, head):
        return False
    if actor.code or (actor.id or "").startswith("org:"):
        return True
    if not actor.country:
        return False
    organ = actor.id in (actor.country, f"{actor.country}-{actor.sector}")
    return organ or (actor.sector is None and actor.id is None)  # "that country"


def _no_body(actor: Actor, head: Token) -> bool:
    """A person's role (speech_verbs.yaml person_roles: "an Israeli military official"), a plural noun, a person or a
    place inside a country: nothing "it" stands for."""
    person = head.lemma_.lower() in person_roles()
    return person or "Plur" in head.morph.get("Number", []) or _named_person(actor) \
        or (actor.id or "").startswith("place:")


def not_antecedent(pronoun: Token) -> Token | None:
    """The subject a pronoun never stands for: "X attacked it": not X; "X repelled their attacks" (syntax.yaml
    resisting_verbs): the attacks are not X's ("X increased their attacks" may be)."""
    resisted = _owns_an_act(pronoun) and syn.is_verb_of(pronoun.head.head, syntax().resisting_verbs)
    acted_on = pronoun.head if resisted else pronoun
    return syn.subject(acted_on.head) if acted_on.dep_ in ("obj", "iobj", "obl") else None


def _owns_an_act(pronoun: Token) -> bool:
    """"during their assault", "repulsing their attacks": a group pronoun (syntax.yaml group_pronouns) owning an act
    noun (`_is_act`), whose doer it names."""
    return pronoun.dep_ == "nmod:poss" and pronoun.lower_ in syntax().group_pronouns and _is_act(pronoun.head)


def _group_antecedent(pronoun: str, state: ArticleState) -> Actor | None:
    """The last actor of the text; for "it", the body the sentence before was about where that told of no act
    (entities.yaml singular_body_pronouns), and never a person ("Shtayyeh welcomed the ruling. It also urged ...")."""
    if pronoun not in names().singular_body_pronouns:
        return state.last_actor
    if state.last_subject is not None:
        return state.last_subject
    last = state.last_actor
    return None if last is not None and (last.id or "").startswith("person:") else last


def _speaker_subject(doc: NlpDoc, trigger: Token, subject: Token) -> bool:
    """"I condemn", "we urge" in a direct quotation: the trigger's own subject, a first-person pronoun in the
    nominative ("what strikes me" parsed with "me" as the subject is no one acting)."""
    return subject.head.i == trigger.i and subject.lower_ in syntax().speaker_pronouns \
        and "Acc" not in subject.morph.get("Case", []) and _in_quote(doc, subject.idx)


def _quote_speaker(doc: NlpDoc, tok: Token) -> Party | None:
    """The side of the speaker of the direct quotation a first-person pronoun is in."""
    actor = _quote_speaker_actor(_quote_holding(doc, tok.idx))
    return Party(actor, inherited=True) if actor is not None else None


def _quote_holding(doc: NlpDoc, pos: int, direct_only: bool = True) -> Quote | None:
    """The quotation (a direct one, unless `direct_only` is off) that holds the position."""
    return next((q for q in doc.quotes if (q.direct or not direct_only) and q.start <= pos < q.end), None)


def _quote_speaker_actor(quote: Quote | None) -> Actor | None:
    return quote.speaker.actor if quote is not None and quote.speaker is not None else None


def _owner_named(head: Token) -> bool:
    """"a Russian base", "Israel's embassy", "Russian-controlled bridges": the phrase says whose it is."""
    return any(c.dep_ in ("amod", "compound", "nmod:poss") and (c.text[:1].isupper() or any(
        g.i < c.i and g.text[:1].isupper() for g in c.children)) for c in head.children)


def _place_within(doc: NlpDoc, head: Token) -> Actor | None:
    """"a village on the outskirts of the city of Donetsk": a place noun stands for the people of the named
    place its modifiers lead to."""
    place = _inner_place(doc, head)
    if place is None:
        return None
    return Actor(text=place.text, name=place.name, id=place.id, country=place.country, sector="CVL")


def _inner_place(doc: NlpDoc, head: Token, named: bool = False) -> Place | None:
    """"the town of Cizre", "a village on the outskirts of the city of Donetsk": the named place (with its country)
    a place noun's modifiers lead to; with `named`, also a name's ("in Al-Shati refugee camp, northern Gaza")."""
    found = _inner_named_place(doc, head, named)
    return found[0] if found is not None else None


def _inner_named_place(doc: NlpDoc, head: Token, named: bool = False) -> tuple[Place, Token] | None:
    """The place `_inner_place` reads, with the word of the name that names it."""
    place_noun = head.lemma_.lower() in syntax().place_nouns or head.lower_ in syntax().place_nouns
    if not place_noun and not (named and head.pos_ == "PROPN"):
        return None
    for tok in head.subtree:
        # a capitalised name the tagger took for a common noun ("the city of Hodeidah(NNS)") may still be the place
        if tok != head and (tok.pos_ == "PROPN" or tok.text[:1].isupper()) \
                and tok.dep_ in ("nmod", "compound", "appos", "flat"):
            lo, hi = syn.phrase_span(tok)
            for a, b in ((lo, hi), (tok.idx, tok.idx + len(tok))):  # "northern Togo"
                found = _named_place(doc, a, b)
                if found is not None and found.country:
                    return found, tok
    return None


def _named_place(doc: NlpDoc, lo: int, hi: int) -> Place | None:
    """The place a span names; a span that is part of a longer name the entities found is that whole name
    ('Port' of 'Port-au-Prince' is not Le Port: no part of a name links by its own words)."""
    for e in doc.entities:
        if e.start < hi and e.end > lo:
            lo, hi = min(lo, e.start), max(hi, e.end)
    return actor_kb.resolve_place(doc.body[lo:hi])


def _place_actor(doc: NlpDoc, lo: int, hi: int) -> Actor | None:
    """"shelled Barda": a town stands for the people there, of its country."""
    place = None if actor_kb.named_persons_surname(doc, lo, hi) else _named_place(doc, lo, hi)  # not Ian Hamilton's
    if place is None or place.country is None:
        return None
    return Actor(text=place.text, name=place.name, id=place.id, country=place.country, sector="CVL")


def _names_country(doc: NlpDoc, lo: int, hi: int) -> bool:
    return any(e.start < hi and e.end > lo and e.actor is not None and e.actor.country for e in doc.entities)


def _parties(doc: NlpDoc, tok: Token | None, state: ArticleState) -> list[Party]:
    if tok is None:
        return []
    pair = _pair_named(doc, tok, state)
    if pair:
        return pair
    out: list[Party | None] = []
    plain: list[tuple[Token, Party | None]] = []  # heads read as a side each, for names listed with places
    for head in syn.listed_sides(syn.np_head(tok), _is_role):
        elided = _elided_name(head)
        if elided is not None:  # "North (and South Korea)": North Korea
            out.append(Party(elided))
            continue
        split = syn.coordinated_modifiers(head)
        if split and not any(_names_owner(doc, m) for m in split):
            # "the military and political leadership of France": one side, whose parts are no two sides
            out.append(_whole_phrase(doc, head) or party(doc, head, state))
            continue
        split = split or syn.coordinated_complements(head)
        if split:  # "Ukrainian and Russian envoys": one party each
            out.extend(_modified(doc, m, head) for m in split)
        else:
            out.append(party(doc, head, state))
            plain.append((head, out[-1]))
    found = [p for p in out if p is not None]
    return found + (_places_listed_with(doc, plain) if len(plain) == len(out) else [])


def _places_listed_with(doc: NlpDoc, listed: list[tuple[Token, Party | None]]) -> list[Party]:
    """"shelled Kharkiv and Tsupivka", "struck Sumy, Vilkhivka and Kherson": a one-word name that neither the gazetteer
    nor the entities know, listed only with names that are each a whole place of one country, is a place of that
    country (a list names things alike), marked inherited and listed: its country is read from the names beside it,
    not from its own words, so its events are kept unsure (events.yaml listed_places). A name inside a longer name
    ("the Hong Kong Human Rights and Democracy Act"), a common word, or a name beside a country or a person is none."""
    places = [q.actor for h, q in listed if q is not None and _whole_place(doc, h, q.actor)]
    unknown = [h for h, q in listed if q is None and _bare_name(doc, h)]
    if not unknown or len(places) + len(unknown) != len(listed) or len({a.country for a in places}) != 1:
        return []
    return [Party(Actor(text=h.text, name=h.text, id=f"place:{h.lower_}", country=places[0].country, sector="CVL"),
                  inherited=True, listed=True) for h in unknown]


def _whole_place(doc: NlpDoc, head: Token, actor: Actor) -> bool:
    """A side that is a place of a country (not the country itself) named by its whole phrase."""
    lo, hi = syn.phrase_span(head)
    return _place_or_country(actor) and actor.id != actor.country and doc.body[lo:hi] == actor.text


def _bare_name(doc: NlpDoc, head: Token) -> bool:
    """A capitalised one-word name, no common word, that no entity of a person, body or people covers."""
    lo, hi = syn.phrase_span(head)
    covered = any(e.type in listed_places().not_place_entities and e.start < hi and e.end > lo for e in doc.entities)
    return head.pos_ == "PROPN" and doc.body[lo:hi] == head.text and head.text.istitle() \
        and head.lower_ not in names().common_words | names().calendar_words and not covered


def _elided_name(head: Token) -> Actor | None:
    """"North and South Korea exchanged fire": a bare name word coordinated with a later name of two words shares
    that name's last word ("North Korea"), where the two words name a side; "Ukraine and South Korea" name two."""
    last = _name_shared_by(head)
    if last is None:
        return None
    actor = actor_kb.resolve_actor(f"{head.text} {last.text}")
    return actor if actor is not None and (actor.country or actor.code) else None


def _name_shared_by(head: Token) -> Token | None:
    """The last word of a name of two coordinated after a bare name word ("North and South Korea": Korea), or
    None."""
    later = [c for c in head.conjuncts if c.i > head.i]
    if head.pos_ != "PROPN" or not later or any(c.dep_ in ("compound", "flat", "amod") for c in head.children):
        return None
    last = later[-1]
    return last if any(c.dep_ == "compound" and c.i == last.i - 1 for c in last.children) else None


def _names_owner(doc: NlpDoc, modifier: Token) -> bool:
    """"Ukrainian" (and "Russian envoys") names whose side it is; "military" (and "political leadership") does not."""
    return _side_of_phrase(doc, modifier) is not None


def _whole_phrase(doc: NlpDoc, head: Token) -> Party | None:
    """The side the whole noun phrase names ("the top military and political leadership of France": its government)."""
    actor = _side_of_phrase(doc, head)
    return Party(actor) if actor is not None else None


def _side_of_phrase(doc: NlpDoc, tok: Token) -> Actor | None:
    """The actor the phrase of `tok` names, where it is a country's or a coded body's (a side), else None."""
    lo, hi = syn.phrase_span(tok)
    actor = actor_kb.resolve_actor(doc.body[lo:hi])
    return actor if actor is not None and (actor.country or actor.code) else None


def _pair_named(doc: NlpDoc, tok: Token, state: ArticleState) -> list[Party]:
    """"The two sides", "both countries" (syntax.yaml pair_phrases): the two sides of the last act the article told
    between two countries, inherited (not read from the clause)."""
    lo, hi = syn.phrase_span(syn.np_head(tok))
    if state.last_pair is None or doc.body[lo:hi].lower() not in syntax().pair_phrases:
        return []
    return [Party(side, inherited=True) for side in state.last_pair]


def _modified(doc: NlpDoc, modifier: Token, head: Token) -> Party | None:
    """One of several coordinated owners of a role: "Ukrainian (and Russian) envoys", "officials from
    France (and Germany)"."""
    lo, hi = syn.phrase_span(modifier)
    actor = actor_kb.resolve_actor(f"{doc.body[lo:hi]} {head.text}") or actor_kb.resolve_actor(doc.body[lo:hi])
    return Party(actor) if actor is not None else None


def actors_of(doc: NlpDoc, trigger: Token, state: ArticleState) -> list[Party]:
    if (syn.is_verb(trigger) and not _noun_tagged_object(trigger)) or trigger.pos_ == "ADJ":
        subject = syn.subject(trigger)
        goal = _goal(trigger)
        if goal is not None:  # "his goal is to seize the regions": the one whose aim it is
            return _goal_owners(doc, trigger, goal, state)
        if subject is not None and _speaker_subject(doc, trigger, subject):
            # "we will act", "I condemn this bloodbath": the speaker's own side, where the quote names its speaker
            speaker = _quote_speaker(doc, subject)
            return [speaker] if speaker is not None else []
        return _subject_parties(doc, subject, state)
    return _noun_doers(doc, trigger, state)


def _noun_tagged_object(tok: Token) -> bool:
    """"repelled enemy attacks(VERB, NNS)": an object whose fine tag is a noun's (syntax.yaml noun_tags), whatever its
    coarse part of speech, is the act noun its tag says; its doers are its own modifiers, not a subject."""
    return tok.dep_ in ("obj", "iobj") and tok.tag_.lower() in syntax().noun_tags


def _noun_doers(doc: NlpDoc, trigger: Token, state: ArticleState) -> list[Party]:
    """The sides an act noun's own modifiers name as its doers."""
    # a headline noun: "Russian strikes on Kharkiv", "Israel's strike", "strike by Hezbollah"
    # "Assange's arrest", "Soleimani's killing": the owner of an act undergone is who undergoes it, not its doer,
    # unless "of" names who does ("the police's arrest of a journalist")
    undergone = _lemma_in(trigger, syntax().undergone_nouns) and not syn.obliques(trigger, names().genitive_prepositions)
    owner = () if undergone else ("nmod:poss",)
    mods = [c for c in trigger.children if c.dep_ in ("amod", "compound", *owner)
            or (c.dep_ in ("nmod", "obl:agent") and syn.case_of(c) in syntax().agent_preps)]
    found = [party(doc, m, state) for mod in mods for m in syn.coordinated(mod, any_pos=True)]
    # "the Kramatorsk railway attack", "Kharkiv shelling": a town before the act is where it struck, not who did it
    own = [p for p in found if p is not None and not (p.actor.id or "").startswith(("place:", "geonames:"))]
    return own or _claimed_by(doc, trigger, state) or _misplaced_agents(doc, trigger, state) \
        or _light_verb_doers(doc, trigger, state) or _predicate_subjects(doc, trigger, state)


def _claimed_by(doc: NlpDoc, noun: Token, state: ArticleState) -> list[Party]:
    """"a Taliban-claimed attack", "an attack claimed by ISIL", "a Russian-led offensive": a participle of doing or
    claiming the act (syntax.yaml doer_participles) on the act noun names its doer, as its agent or the word joined
    to it before the hyphen."""
    found: list[Party] = []
    for part in noun.children:
        who = _participle_doer(part)
        found += _parties(doc, who, state) if who is not None else []
    return found


def _participle_doer(part: Token) -> Token | None:
    """Whom a participle of doing or claiming (syntax.yaml doer_participles) names: its agent ("claimed by ISIL"),
    else the word before its hyphen ("Taliban-claimed"); None for another word."""
    if part.dep_ not in ("amod", "acl") or part.tag_ != "VBN" or not syn.is_verb_of(part, syntax().doer_participles):
        return None
    agent = syn.agent(part)
    joined = [c for c in part.children if c.i == part.i - 2 and part.nbor(-1).text == "-"]
    return agent if agent is not None else joined[0] if joined else None


def _predicate_subjects(doc: NlpDoc, noun: Token, state: ArticleState) -> list[Party]:
    """"Turkey is in talks with Russia": an act noun told of its subject by the copula, in a state of doing it (syntax.yaml
    light_verbs' kin: the prepositions of being engaged in an act, engaged_preps), is done by that subject."""
    if not syn.children(noun, "cop") or syn.case_of(noun) not in syntax().engaged_preps:
        return []
    return _parties(doc, syn.subject(noun), state)


def _misplaced_agents(doc: NlpDoc, noun: Token, state: ArticleState) -> list[Party]:
    """"protested an intrusion into Japanese waters by a Chinese submarine": a "by" phrase the parse hung on an active
    verb, which has no agent, is the agent of the act noun that verb takes as its object."""
    verb = noun.head
    if noun.dep_ != "obj" or not syn.is_verb(verb) or syn.is_passive(verb):
        return []
    found = [party(doc, o, state) for o in syn.obliques(verb, tuple(syntax().agent_preps)) if o.i > noun.i]
    return [p for p in found if p is not None]


def _light_verb_doers(doc: NlpDoc, noun: Token, state: ArticleState) -> list[Party]:
    """"Israel carried out a strike on Gaza", "residents launched a series of marches": an act noun that is the object
    of a light verb (syntax.yaml light_verbs) or of a support verb that carries it ("Russia sent a warning", `_carrier`),
    or the noun after "of" of that object, is done by the verb's subject."""
    if noun.dep_ == "nmod" and syn.case_of(noun) in names().genitive_prepositions:
        noun = noun.head  # "a series of marches"
    if noun.dep_ != "obj" or not syn.is_verb(noun.head) or (
            not syn.is_verb_of(noun.head, syntax().light_verbs) and _carrier(noun) is None):
        return []
    return actors_of(doc, noun.head, state)


def _goal(trigger: Token) -> Token | None:
    """"his goal is to seize the regions", "one of its main war aims is to eliminate Hamas": the noun of an aim
    (events.yaml intent goals) the act is told as, as its subject before "is to", where it says whose aim it is."""
    if not any(c.dep_ == "cop" for c in trigger.children):
        return None
    for subj in syn.children(trigger, "nsubj", "nsubj:outer"):
        head = syn.np_head(subj)
        nouns = [head, *(c for c in head.children if c.dep_ == "nmod" and syn.case_of(c) in names().genitive_prepositions)]  # "one of its aims"
        found = [n for n in nouns if _lemma_in(n, intent_goals()) and syn.children(n, "nmod:poss")]
        if found:
            return found[0]
    return None


def _goal_owners(doc: NlpDoc, trigger: Token, goal: Token, state: ArticleState) -> list[Party]:
    """The side whose aim an act is told as: the owner named; "its", "his": the one who says so; "'Our aim is to
    ...,' Zelensky said": the quotation's speaker."""
    owner = syn.children(goal, "nmod:poss")[0]
    if owner.lower_ in syntax().speaker_pronouns:
        speaker = _quote_speaker(doc, owner)
        return [speaker] if speaker is not None else []
    said_by = syn.speaker_of(trigger) if owner.pos_ == "PRON" else None
    return _parties(doc, said_by if said_by is not None else owner, state)


def _subject_parties(doc: NlpDoc, subject: Token | None, state: ArticleState) -> list[Party]:
    """The sides a verb's subject names; of an act of force with its target after it, the act's doers ("the shelling
    of Kharkiv killed five": not Kharkiv)."""
    heads = syn.coordinated(syn.np_head(subject)) if subject is not None else []
    if not any(_targeted_act(h) for h in heads):
        return _parties(doc, subject, state)
    found: list[Party] = []
    for head in heads:
        if _targeted_act(head):
            found.extend(actors_of(doc, head, state))
        elif (named := party(doc, head, state)) is not None:
            found.append(named)
    return found


def _targeted_act(noun: Token) -> bool:
    """A noun of a harmful act with its target after it ("the attack on Kyiv"; "of" after the acts of syntax.yaml
    victim_of_nouns: "the shelling of Kharkiv"): its doer is named only by its own modifiers ("Russia's", "Russian",
    "by Russia")."""
    lang = syntax()  # a headline's capitals may make the act a name: "Shelling of Kharkiv"
    if noun.pos_ not in ("NOUN", "PROPN") or not _lemma_in(noun, lang.attack_nouns | lang.act_nouns):
        return False
    # "the artillery of the Armed Forces", "an act of the Russian Federation": whose, not whom
    preps = lang.attack_target_preps if _lemma_in(noun, lang.victim_of_nouns) else lang.attack_target_preps - names().genitive_prepositions
    return bool(syn.obliques(noun, preps))


def _instrument_actor(doc: NlpDoc, trigger: Token, state: ArticleState) -> list[Party]:
    """'killed in an Israeli strike', 'injured as a result of Russian shelling': the attack behind a victim verb names
    who attacked."""
    attack = syntax().attack_nouns
    for head in _instrument_heads(trigger):
        if _lemma_in(head, attack):  # "shelling" the tagger took for a verb has the lemma "shell": a noun all the same
            return _noun_doers(doc, head, state)
    return []


def _war_onset_actors(doc: NlpDoc, trigger: Token, state: ArticleState) -> list[Party]:
    """"killed since the Russian invasion started", "since the start of Russia's war": harm told since a side's war
    began is that side's (events.yaml war_onsets); "since Russia launched its invasion": the clause's subject."""
    found = _war_onset(trigger)
    if found is None:
        return []
    act, by_subject = found
    return _parties(doc, syn.subject(act), state) if by_subject else actors_of(doc, act, state)


def _war_onset(trigger: Token) -> tuple[Token, bool] | None:
    """The war whose onset harm is told since (events.yaml war_onsets), whoever's or no one's: its act noun, or the
    clause that launched it (True: its subject is the side)."""
    rule = war_onsets()
    for c in (c for h in _with_later_conjuncts(trigger) for c in h.children):  # "killed and 714 injured since ..."
        if syn.case_of(c) not in rule.marks:
            continue
        if c.dep_.split(":")[0] in ("obl", "nmod"):
            noun = syn.np_head(c)
            if _lemma_in(noun, rule.onsets):
                noun = next((syn.np_head(o) for o in syn.obliques(noun, names().genitive_prepositions)), noun)
            if _lemma_in(noun, rule.acts):
                return noun, False
        elif c.dep_ == "advcl":
            acts = [syn.np_head(s) for s in syn.children(c, "nsubj", "nsubj:pass") if _lemma_in(syn.np_head(s), rule.acts)]
            if acts:
                return acts[0], False
            if any(_lemma_in(syn.np_head(o), rule.acts) for o in syn.children(c, "obj")):
                return c, True
    return None


def _with_later_conjuncts(trigger: Token) -> list[Token]:
    """A verb and the verbs coordinated after it: "361 children have been killed and 714 injured since the invasion
    started" hangs what tells the cause of both on the last one."""
    return [trigger, *(k for k in trigger.conjuncts if k.i > trigger.i)]


def _instrument_heads(trigger: Token) -> list[Token]:
    """The nouns an act's harm is told by: of an oblique of instrument ("killed in shelling"), an -ing form the parse
    made a clause of instrument ("killed in shelling(advcl) by Russian troops", `_instrument_clauses`), and the noun
    after "of" of an oblique of cause (events.yaml domestic_force cause_nouns: "injured as a result of a rocket
    attack")."""
    causes = domestic_force().cause_nouns
    hosts = _with_later_conjuncts(trigger)  # "killed and 22 injured as a result of"
    heads = [syn.np_head(o) for h in hosts for o in syn.obliques(h, syntax().instrument_preps)]
    heads += [c for h in hosts for c in _instrument_clauses(h)]
    of = names().genitive_prepositions
    for c in (c for h in hosts for c in h.children):
        if c.dep_.startswith("obl") and _lemma_in(c, causes):  # "as a result of shelling(acl) by ...": a clause to the parse
            heads += [syn.np_head(n) for n in syn.obliques(c, of)]
            heads += [n for n in c.children if n.dep_ == "acl" and syn.case_of(n) in of]
    return heads


def _instrument_clauses(verb: Token) -> list[Token]:
    """"killed in shelling by Russian troops": an -ing form the parse made a clause, opened by a preposition of
    instrument (syntax.yaml instrument_preps) with no subject or object of its own, is the act that did the harm."""
    return [c for c in syn.children(verb, "advcl") if c.tag_ == "VBG" and not syn.children(c, "nsubj", "obj")
            and any(m.dep_ == "mark" and m.lower_ in syntax().instrument_preps for m in c.children)]


def recipients_of(doc: NlpDoc, trigger: Token, p: Pattern, obj: Token | None, state: ArticleState,
                  actors: list[Party] | None = None) -> list[Party]:
    """The object or an oblique with one of the pattern's prepositions; for a passive, its subject. A side that
    is the actor itself, or of a sector the pattern refuses, is passed over for the next slot."""
    sides = actors or []

    def other(found: list[Party]) -> list[Party]:
        return [r for r in found if not any(_own_side(r.actor, a.actor, p) for a in sides)
                and r.actor.sector not in p.not_recipient_sectors
                and not (p.not_recipient_place and _plain_place(r.actor))]

    objects = [obj] if obj is not None else [syn.np_head(o) for o in syn.children(trigger, "obj")]
    first = _read_before_slots(doc, trigger, p, objects, state, other)
    if first is not None:
        return first
    # "condemned the killing of civilians", "all acts of violence against civilians": an act is aimed at its doer
    acts = not p.objects and bool(objects) and all(_is_act(o) for o in objects)
    addressed = not acts and _addressed(trigger, p, objects)
    # "urged allies to send tanks to Kyiv": the allies are asked, whatever their country, and no side named further on
    slots = [s for s in p.recipient if not addressed or s in ("obj", "iobj")]
    for slot in slots:
        found = other(_object_doers(doc, objects, state) if acts and slot in ("obj", "iobj") else
                      _slot_parties(doc, trigger, p, obj, _hosts(trigger, objects, acts, slot, p), slot, state))
        found = found or other(_named_elsewhere(doc, trigger, objects, p, slot, state, sides))
        if found:
            return found
    if _asked_alone(trigger, p, slots, addressed, acts):
        return []
    return _implied_recipients(doc, trigger, p, objects, state, sides, other)


def _read_before_slots(doc: NlpDoc, trigger: Token, p: Pattern, objects: list[Token], state: ArticleState,
                       keep: Callable[[list[Party]], list[Party]]) -> list[Party] | None:
    """The recipients read before the pattern's slots (each kept by `keep`, the caller's filter): a passive's subject,
    the target a participle of aim names, the subject an infinitive has written before its "to" ("called for the UN
    to send a mission to Zaporizhzhia": the UN is asked, whatever its country; where `keep` drops it, no one, not a
    side the infinitive names further on); None where none of them is told."""
    found = keep(_passive_recipients(doc, trigger, p, state)) or keep(_aimed_at(doc, objects, state))
    if found:
        return found
    asked = _asked_in_writing(trigger)
    return keep(_parties(doc, asked, state)) if asked is not None else None


def _aimed_at(doc: NlpDoc, objects: list[Token], state: ArticleState) -> list[Party]:
    """"fired artillery rounds aimed at a loudspeaker in South Korea": the target the participle of aim (syntax.yaml
    aim_participles) on what was fired or sent names, before any other slot (the parse may hang a later noun on the
    verb as its object)."""
    aims = [c for o in objects for c in syn.children(o, "acl") if _lemma_in(c, syntax().aim_participles)]
    targets = [o for a in aims for o in (*syn.children(a, "obj"), *syn.obliques(a, syntax().aim_preps))]
    return [q for o in targets for q in _parties_or_place(doc, o, state)]


def _parties_or_place(doc: NlpDoc, thing: Token, state: ArticleState) -> list[Party]:
    """The sides a phrase names; a thing of no side is of the place it stands in ("a loudspeaker in South Korea")."""
    return _parties(doc, thing, state) or [
        q for n in syn.obliques(thing, syntax().stationed_preps) for q in _parties(doc, n, state)]


def _asked_alone(trigger: Token, p: Pattern, slots: list[str], addressed: bool, acts: bool) -> bool:
    """No side named further on is the recipient: "said that we should expect more shelling" asks no other side, nor
    the one expected; "called on international partners to impose sanctions on Russia" asks the partners, whatever
    their country."""
    return addressed or ("ccomp" in slots and (_self_addressed(trigger) or _done_by_no_one_named(trigger, p))) \
        or (not acts and _asked_by_oblique(trigger, p))


def _own_side(recipient: Actor, actor: Actor, p: Pattern) -> bool:
    """The actor itself; for a speaker's words (`speaker_actor`), any side of its own ("'Ukraine will pay a heavy price
    for this war,' Zelensky said" threatens no one)."""
    # "Russia threatened the country": a pointer back to the state named last is no other side when that is the actor's
    pointer = actor_kb.state_pointer(recipient.text) and recipient.country == actor.country
    return pointer or _same(recipient, actor) or (p.speaker_actor and _same_side(recipient, actor))


def _implied_recipients(doc: NlpDoc, trigger: Token, p: Pattern, objects: list[Token], state: ArticleState,
                        actors: list[Party], keep: Callable[[list[Party]], list[Party]]) -> list[Party]:
    """No recipient in the clause's slots: the one of the act it is about (told as a clause, else as a noun of dealing
    with a side), of its condition, or of the claims it rejects (each kept by `keep`, the caller's filter), in that
    order."""
    found = keep(_complement_recipients(doc, trigger, p, state)) or keep(_nominal_recipients(doc, trigger, p, state)) \
        or keep(_condition_recipients(doc, trigger, p, state))
    return found or keep(_claimants(doc, trigger, p, objects, actors)) or keep(_harmed(doc, trigger, p, state))


def _named_elsewhere(doc: NlpDoc, trigger: Token, objects: list[Token], p: Pattern, slot: str,
                     state: ArticleState, actors: list[Party]) -> list[Party]:
    """An object that names no side: the maker its participle names, else the doer of the earlier act it refers to,
    the country of a place visited, or where the last forces went ("to the area")."""
    return _makers(doc, objects, p, slot, state) or _referred_doers(p, objects, slot, state) \
        or _visited_place(doc, trigger, objects if slot == "obj" else syn.obliques(trigger, (slot,)), p, state) \
        or _pointed_scene(doc, trigger, p, slot, state, actors)


def _pointed_scene(doc: NlpDoc, trigger: Token, p: Pattern, slot: str, state: ArticleState,
                   actors: list[Party]) -> list[Party]:
    """"Russia had moved 115,000 soldiers to the area" after troops moving towards the Ukrainian border: a move of forces
    to a bare place noun (events.yaml place_pointers) is aimed at the country where the last move or force told was,
    inherited; not where that is the actor's own."""
    rule = place_pointers()
    scene = state.last_scene
    if p.type not in rule.types or scene is None or slot in _CLAUSE_SLOTS \
            or any(a.actor.country == scene.country for a in actors):
        return []
    pointed = [o for o in syn.obliques(trigger, (slot,)) if _lemma_in(o, rule.nouns)
               and all(c.dep_ in ("det", "case", "punct") for c in o.children)
               and any(c.dep_ == "det" and c.lower_ in rule.determiners for c in o.children)]
    if not pointed:
        return []
    lo, hi = syn.phrase_span(pointed[0])
    text = doc.body[lo:hi]
    return [Party(Actor(text=text, name=text, country=scene.country), inherited=True)]


def _visited_place(doc: NlpDoc, trigger: Token, objects: list[Token], p: Pattern, state: ArticleState) -> list[Party]:
    """A place visited that names no side (events.yaml `visited_place`) is of the country of the first place named in
    its phrase or where the clause says it is ("visited the Gush Etzion settlement bloc in the West Bank": PSE);
    "visited Majdal Shams", "traveled to Majdal Shams", a name the gazetteer does not know, of the country the text
    names most (inherited)."""
    if not p.visited_place or len(objects) != 1:
        return []
    obj = syn.np_head(objects[0])
    own = {t.i for c in syn.children(obj, "compound", "flat") for t in c.subtree}  # its own name: "Majdal Shams"
    where = [t for o in syn.obliques(trigger, syntax().place_preps) if o != obj for t in o.subtree]
    for tok in (*obj.subtree, *where):  # "in the West Bank south of Jerusalem": the first place named
        place = _named_place(doc, tok.idx, tok.idx + len(tok)) \
            if tok.i not in own and tok != obj and tok.pos_ == "PROPN" else None
        if place is not None and place.country:
            return [Party(Actor(text=place.text, name=place.name, id=place.id, country=place.country))]
    return _unknown_place_visited(doc, obj, own, state)


def _unknown_place_visited(doc: NlpDoc, obj: Token, own: set[int], state: ArticleState) -> list[Party]:
    """A visited name the gazetteer does not know, apart from `_visited_place` so that each stays short: of the
    country the text names most (inherited); a person or a body the gazetteer does not know is no place."""
    if obj.pos_ != "PROPN" or not state.home or obj.i in _entity_tokens(doc, ("PERSON", "ORG", "NORP")):
        return []
    name = doc.body[min(t.idx for t in (obj, *obj.children) if t.i in own or t == obj):obj.idx + len(obj)]
    return [Party(Actor(text=name, name=name, country=state.home), inherited=True)]


def _referred_doers(p: Pattern, objects: list[Token], slot: str, state: ArticleState) -> list[Party]:
    """"Russian troops shelled Kharkiv. Germany condemned the attack", "... accused U.S. forces of helping militants.
    The Pentagon rejected these accusations": a verbal act (events.yaml `referred_acts`) on an earlier act named by a
    bare noun, a determiner its only word before it and nothing after, is aimed at whoever did the last act of that
    kind the text told (inherited; none where that act had no side)."""
    rule = referred_acts()
    if slot != "obj" or p.type not in rule.types or len(objects) != 1:
        return []
    noun = objects[0]
    kind = rule.acts.get(noun.lower_) or rule.acts.get(noun.lemma_.lower())
    words = [c for c in noun.children if c.dep_ not in ("det", "punct")]
    if kind is None or words or not any(c.dep_ == "det" and c.lower_ in rule.determiners for c in noun.children):
        return []
    return [Party(a, inherited=True) for a in state.last_doers.get(kind, [])]


def _claimants(doc: NlpDoc, trigger: Token, p: Pattern, objects: list[Token], actors: list[Party]) -> list[Party]:
    """"Ukraine has dismissed the reports as fake news", "Kiev rejects claims it is preparing to attack": a rejection
    (events.yaml `claim_recipients`) of claims no one is named making is aimed at the side the text last reported
    saying something before it, of another country than the one rejecting (the FSB that "claims", Putin "claiming")."""
    rule = claim_recipients()
    if p.type not in rule.types or not any(_lemma_in(o, rule.words) for o in objects):
        return []
    own = {a.actor.country or a.actor.code for a in actors}
    said = [q.speaker.actor for q in doc.quotes if q.end <= trigger.idx and q.speaker is not None
            and q.speaker.actor is not None and (q.speaker.actor.country or q.speaker.actor.code)]
    others = [a for a in said if (a.country or a.code) not in own]
    return [Party(others[-1], inherited=True)] if others else []


def _makers(doc: NlpDoc, objects: list[Token], p: Pattern, slot: str, state: ArticleState) -> list[Party]:
    """"condemned the move announced by Pompeo", "rejected the plan proposed by France": a verbal act of events.yaml
    `maker_recipients` on a thing is aimed at the agent of the participle that modifies it."""
    if slot != "obj" or p.type not in typed_rule("maker_recipients").types:
        return []
    agents = [syn.agent(c) for o in objects for c in o.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    return [q for a in agents if a is not None for q in _parties(doc, a, state)]


def _object_doers(doc: NlpDoc, objects: list[Token], state: ArticleState) -> list[Party]:
    """The sides doing the acts a verb's objects name ("condemned Russia's shelling")."""
    return [q for o in objects for c in (o, *o.conjuncts) for q in actors_of(doc, c, state)]


def _recipient_preps(p: Pattern) -> tuple[str, ...]:
    """The prepositions among the pattern's recipient slots: its obliques that name a side ("from", "on")."""
    return tuple(s for s in p.recipient if s not in _CLAUSE_SLOTS)


def _asked_in_writing(trigger: Token) -> Token | None:
    """"called for the UN to send a mission", "urged for Israel to halt": a verb of making someone act (syntax.yaml
    object_control_verbs) whose infinitive has its own subject written before its "to" (syntax.infinitive_subject) asks
    that subject, and no side the infinitive names further on."""
    if not syn.is_verb_of(trigger, syntax().object_control_verbs):
        return None
    found = [s for c in _complements(trigger) if (s := syn.infinitive_subject(c)) is not None]
    return found[0] if found else None


def _asked_by_oblique(trigger: Token, p: Pattern) -> bool:
    """"Called on international partners to impose new sanctions on Russia": a verb of making someone act (syntax.yaml
    object_control_verbs) whose addressee is an oblique of one of the pattern's recipient prepositions ("on"), with the
    act asked after it, asks that addressee, whatever its country; the side the act names ("on Russia") is not asked.
    A time ("called on Sunday for ...") is no addressee, nor is a pronoun read as no one ("called on him to withdraw
    Russian troops": whoever he is, the act's side says more than nothing)."""
    preps = _recipient_preps(p)
    return bool(preps) and syn.is_verb_of(trigger, syntax().object_control_verbs) and bool(_complements(trigger)) \
        and any(not syn.calendar_word(h) and h.pos_ != "PRON" for h in map(syn.np_head, syn.obliques(trigger, preps)))


def _asked_about_another(doc: NlpDoc, coded: Coded, state: ArticleState) -> bool:
    """"Called on international partners to impose new sanctions on Russia": with no recipient found, an addressee of
    no country asked to act on a side the act names; "called on Arabs to unite" names none, and asks no side the
    record can name."""
    trigger, p = coded.trigger, coded.pattern
    return not coded.recipients and _asked_by_oblique(trigger, p) and bool(_complement_recipients(doc, trigger, p, state))


def _addressed(trigger: Token, p: Pattern, objects: list[Token]) -> bool:
    """A verb of speaking to someone or making them act (syntax.yaml object_control_verbs) with an object of its own:
    the one it addresses is that object, and no side named further on."""
    return not p.objects and bool(objects or syn.children(trigger, "iobj")) and \
        syn.is_verb_of(trigger, syntax().object_control_verbs)


def _passive_recipients(doc: NlpDoc, trigger: Token, p: Pattern, state: ArticleState) -> list[Party]:
    """"Four soldiers were killed": the one a passive tells of; "talks between the US, Russia and Ukraine": the sides
    named after the first (events.yaml `members`)."""
    members = _members(doc, trigger, p, state)[1:]
    if members:
        return members
    # a pattern whose patient acts (events.yaml patient_actor: "troops were deployed", "Kherson was liberated") has it as
    # no recipient
    passive = syn.is_passive(trigger) and not p.objects and not p.patient_actor
    return _parties(doc, syn.patient(trigger), state) if passive else []


def _condition_recipients(doc: NlpDoc, trigger: Token, p: Pattern, state: ArticleState) -> list[Party]:
    """"threatened to stop the talks if the United States goes ahead": a threat is aimed at the side whose act its
    condition names (events.yaml condition_recipients); a pattern that needs its own addressee ("warned Greece") is
    not met by one."""
    rule = condition_recipients()
    if p.type not in rule.types or p.needs_recipient:
        return []
    subjects = [s for c in syn.conditions(trigger, rule.words) for s in syn.children(c, "nsubj")]
    # "if the Hong Kong situation becomes uncontrollable": a happening, no side, is no one threatened
    sides = [s for s in subjects[:1] if syn.np_head(s).pos_ in ("PROPN", "PRON") or _is_role(syn.np_head(s))]
    return [q for s in sides for q in _parties(doc, s, state) if q.actor.country or q.actor.code]


def _harmed(doc: NlpDoc, trigger: Token, p: Pattern, state: ArticleState) -> list[Party]:
    """"warned that any attempt ... would culminate in the destruction of the country": a threat whose clause foretells
    the ruin of a side (events.yaml harm_recipients) is aimed at that side."""
    rule = harm_recipients()
    if p.type not in rule.types:
        return []
    ruins = [t for c in _complements(trigger) for t in c.subtree if t.pos_ == "NOUN" and _lemma_in(t, rule.words)]
    sides = [o for r in ruins for o in syn.obliques(r, names().genitive_prepositions)]
    return [q for o in sides[:1] for q in _parties(doc, o, state) if q.actor.country or q.actor.code]


def _self_addressed(trigger: Token) -> bool:
    """"said that we must ...": the clause the verb reports is about the speaker's own side."""
    subject = syn.clause_subject(trigger)
    return subject is not None and subject.lower_ in syntax().speaker_pronouns


def _hosts(trigger: Token, objects: list[Token], acts: bool, slot: str, p: Pattern) -> list[Token]:
    """Where an oblique recipient may hang: the verb, its objects and their conjuncts ("boycott contact with the US";
    "fired hundreds of missiles into Israel": the partitive's own obliques too); an act's obliques name its victims,
    not the recipient, unless the pattern asks for that preposition ("blamed the attack on Hezbollah")."""
    if acts and slot not in p.preps:
        return [trigger]
    nouns = [h for o in objects for h in (o, *o.conjuncts)]
    # "announced a suspension of air links with Serbia": the noun the object is an act on
    nouns += [c for o in nouns for c in syn.obliques(o, names().genitive_prepositions) if c.pos_ == "NOUN"]
    if p.subjects:  # "riots against the police continued": the act is the subject
        nouns += [syn.np_head(c) for c in syn.children(trigger, "nsubj")]
    if p.type in readying_types():  # "mobilized reservists for a possible war against Iraq": the war's recipient
        nouns += [syn.np_head(o) for h in [trigger, *nouns] for o in syn.obliques(h, syntax().readiness_preps)
                  if _lemma_in(syn.np_head(o), syntax().prepared_acts)]
    nouns += _departure_phrases(trigger, objects, p, slot) + _topic_nouns(trigger, nouns, slot)
    return [trigger, *nouns, *(o for o in syn.children(trigger, "obj") if o not in objects)]


def _topic_nouns(trigger: Token, nouns: list[Token], slot: str) -> list[Token]:
    """"held consultations on the peace formula with Chinese diplomats": for a partner's slot (syntax.yaml
    partner_preps), the nouns of the matter (topic_preps) on the verb or its objects, where the parse may hang the
    partner's phrase."""
    if slot not in syntax().partner_preps:
        return []
    topics = tuple(syntax().topic_preps)
    return [syn.np_head(o) for h in (trigger, *nouns) for o in syn.obliques(h, topics) if o.pos_ == "NOUN"]


def _departure_phrases(trigger: Token, objects: list[Token], p: Pattern, slot: str) -> list[Token]:
    """Where a move's destination (a `slot` of events.yaml moved_destinations) may hang besides the verb: the place
    left ("from bases in Georgia to Ukraine") and the participle placing the forces moved ("troops based in the U.S. to
    Poland"), with the nouns their obliques chain to; a relative clause is no part of them."""
    rule = moved_destinations()
    if p.type not in rule.types or slot not in rule.destinations:
        return []
    # the participle on the object, or one the parse hung on the verb with no subject or mark of its own
    placing = [c for o in objects for c in o.children if c.dep_ == "acl" and c.pos_ == "VERB"] + \
        [c for c in syn.children(trigger, "advcl") if c.tag_ == "VBN" and not syn.children(c, "nsubj", "mark")]
    starts = [*syn.obliques(trigger, tuple(rule.sources)), *placing]
    found: list[Token] = []
    while starts:
        tok = starts.pop()
        found.append(tok)
        starts += [c for c in tok.children if c.dep_.split(":")[0] in ("nmod", "obl") and syn.case_of(c) not in rule.destinations]
    return found


def _is_act(noun: Token) -> bool:
    """A noun of a harmful act (lang/en/syntax.yaml attack_nouns, act_nouns), with the acts coordinated with it."""
    acts = syntax().attack_nouns | syntax().act_nouns
    return noun.pos_ == "NOUN" and all(_lemma_in(n, acts) for n in (noun, *noun.conjuncts) if n.pos_ == "NOUN")


def _plain_place(actor: Actor) -> bool:
    """A town or region named as itself ("Chernobyl", "the West Bank"), not a country, a body or a capital standing
    for its government."""
    if actor.sector is not None or actor.code or not actor.text:
        return False
    place = actor_kb.resolve_place(actor.text)
    if place is None or not (place.id or "").startswith("place:"):
        return False
    named = actor_kb.resolve_actor(actor.text)
    return named is None or named.sector is None  # "Kyiv" stands for the Ukrainian government


def _slot_parties(doc: NlpDoc, trigger: Token, p: Pattern, obj: Token | None, hosts: list[Token], slot: str,
                  state: ArticleState) -> list[Party]:
    """The sides one recipient slot of a pattern names."""
    if slot == "target":  # "expelled two Russian diplomats": the object met is the recipient
        return _parties(doc, obj, state)
    if slot in ("obj", "iobj"):
        return _object_slot_parties(doc, trigger, p, obj, slot, state)
    if slot == "ccomp":
        return _parties(doc, _clause_side(trigger, p), state)
    if slot == "subject":  # "the convoy came under fire": the one the act befalls
        return _parties(doc, syn.subject(trigger), state)
    if slot == "enemy":
        return _retaken_from(doc, trigger, p, obj, state)
    return _preposition_slot_parties(doc, trigger, p, hosts, slot, state)


def _object_slot_parties(doc: NlpDoc, trigger: Token, p: Pattern, obj: Token | None, slot: str,
                         state: ArticleState) -> list[Party]:
    """The sides an object slot names: the first object other than the one that met the pattern's constraint
    ("launched rockets": the weapon, not the target), else whom a carried act noun addresses (`_addressees`)."""
    cands = [c for c in syn.children(trigger, slot) if obj is None or not p.objects or syn.np_head(c) != obj] \
        or _addressees(trigger)
    return (_thing_owners(doc, p, cands[0], state) or _parties(doc, cands[0], state)) if cands else []


def _preposition_slot_parties(doc: NlpDoc, trigger: Token, p: Pattern, hosts: list[Token], slot: str,
                              state: ArticleState) -> list[Party]:
    """The sides the obliques of a preposition slot name, on the trigger's hosts or stranded after it; a helper's
    noun names none ("with French and German support": the helpers are no side of the act)."""
    helps = syntax().help_nouns
    obls = [o for h in hosts for o in syn.obliques(h, (slot,))] + _stranded_obliques(trigger, slot)
    return [q for o in obls if syn.np_head(o).lemma_.lower() not in helps
            for q in _thing_owners(doc, p, o, state) or _oblique_parties(doc, o, state)]


def _clause_side(trigger: Token, p: Pattern) -> Token | None:
    """The side a pattern's `ccomp` slot reads in the clause the verb reports: its subject; for the types of events.yaml
    `clause_doers`, the doer of that clause's act ("said Russian diplomats should be expelled": the expeller, none
    named, not the diplomats)."""
    passive = _passive_clause_of_a_doer(trigger, p)
    return syn.agent(passive) if passive is not None else syn.clause_subject(trigger)


def _passive_clause_of_a_doer(trigger: Token, p: Pattern) -> Token | None:
    """The clause with a subject the verb reports (syn.clause_subject's), where it is in the passive and the pattern
    is of a type of events.yaml `clause_doers` (its side the clause's doer, not the one the passive tells of)."""
    if p.type not in typed_rule("clause_doers").types:
        return None
    clause = next((c for c in syn.children(trigger, "ccomp") if syn.children(c, "nsubj", "nsubj:pass")), None)
    return clause if clause is not None and syn.is_passive(clause) else None


def _done_by_no_one_named(trigger: Token, p: Pattern) -> bool:
    """"said Russian diplomats should be expelled from the country": for the types of events.yaml `clause_doers`, a
    reported clause in the passive with no agent asks or accuses no one named, nor a side its act names further on."""
    passive = _passive_clause_of_a_doer(trigger, p)
    return passive is not None and syn.agent(passive) is None


def _addressees(noun: Token) -> list[Token]:
    """Whom an act noun a support verb carries addresses, for a pattern's object slot: its own phrase of syntax.yaml
    addressee_preps ("a warning to Kyiv"), else the verb's indirect object ("sent Serbia a request") or the verb's
    phrase of them ("put pressure on Russia")."""
    verb = _carrier(noun)
    if verb is None:
        return []
    preps = syntax().addressee_preps
    return syn.obliques(noun, preps) or syn.children(verb, "iobj") or syn.obliques(verb, preps)


def _stranded_obliques(trigger: Token, slot: str) -> list[Token]:
    """"the death toll from a Russian missile strike on the building of the regional administration": an act noun's
    oblique the parse hung on the noun the act itself hangs on, right after the act's own words, is the act's."""
    if trigger.pos_ != "NOUN" or not trigger.dep_.startswith("nmod") or trigger.head.i > trigger.i:
        return []
    return [o for o in syn.obliques(trigger.head, (slot,)) if o.left_edge.i == trigger.right_edge.i + 1]


def _thing_owners(doc: NlpDoc, p: Pattern, thing: Token, state: ArticleState) -> list[Party]:
    """"destroyed a column of armoured vehicles of the occupiers in Donetsk region": force (events.yaml owner_targets)
    on a thing whose own words name no owner is on the side its "of" complement names, followed down the chain, before
    the place the chain ends in (the people there, where no side is named); not the victims of an act, nor the people
    of a role, who are read as the phrase reads."""
    head = syn.np_head(thing)
    if p.type not in typed_rule("owner_targets").types or head.pos_ != "NOUN" or _owner_named(head):
        return []
    # the last noun first: its own phrase leaves out where it stands ("of the occupiers in Donetsk region")
    for owner in reversed(_of_chain(head)):
        found = [q for q in _parties(doc, owner, state) if q.actor.country or q.actor.code or q.actor.id == ENEMY]
        if found:
            return found
    return []


def _of_chain(head: Token) -> list[Token]:
    """The nouns of a thing's chain of "of" complements, three at most, stopping at an act or a role ("a column of
    armoured vehicles of the occupiers": vehicles, occupiers)."""
    chain: list[Token] = []
    while len(chain) < 3 and not _is_act(head) and not _is_role(head):
        of = syn.obliques(head, names().genitive_prepositions)
        if not of:
            break
        head = syn.np_head(of[0])
        chain.append(head)
    return chain


def _oblique_parties(doc: NlpDoc, oblique: Token, state: ArticleState) -> list[Party]:
    """The sides an oblique names; an act ("an investigation into the Russian Federation's war crimes", "protested
    against Israel's occupation") is aimed at its doer, as an act the object names is (`_object_doers`), never at its
    victims; an act whose doer its words do not name names no side."""
    head = syn.np_head(oblique)
    return _noun_doers(doc, head, state) if _is_act(head) else _parties(doc, oblique, state)


def _retaken_from(doc: NlpDoc, trigger: Token, p: Pattern, obj: Token | None, state: ArticleState) -> list[Party]:
    """The `enemy` slot: "Chuhuiv was liberated by the Ukrainian military", a place of the doer's own country (or of none
    known) taken back, is taken from whoever the doer fights (named once the actor is known: _name_enemies); "Russia
    intends to liberate the entire Donbas", a place of another country, is taken from no enemy (a seizure:
    coerce-seize-place); a place told liberated with neither liberator ("by") nor holder (the pattern's prepositions:
    "from") told is a goal, no act."""
    if obj is None and syn.agent(trigger) is None and not syn.obliques(trigger, _recipient_preps(p)):
        return []  # "war can be stopped only when Ukraine is liberated": a goal, no liberator or holder told
    held = {q.actor.country for q in _parties(doc, obj, state)} - {None} if obj is not None else set()
    doers = {q.actor.country for q in _parties(doc, syn.subject(trigger), state)}
    if held - doers:
        return []
    return [_enemy_party("", inherited=True)]


def _enemy_party(text: str, inherited: bool = False) -> Party:
    """The `enemy` placeholder: whoever the doer fights, a military party named once the actor is known
    (_name_enemies); one builder, so "enemy positions" and a liberated place's holder stay the same placeholder."""
    return Party(Actor(text=text, name=text, id=ENEMY, sector="MIL"), inherited=inherited)


def _complement_recipients(doc: NlpDoc, trigger: Token, p: Pattern, state: ArticleState) -> list[Party]:
    """"threatened to cut ties with Armenia": a verbal act about another act is aimed at that act's recipient."""
    rule = complement_recipients()
    if p.type not in rule.types:
        return []
    for comp in _complements(trigger):
        objects = syn.children(comp, "obj")
        hosts = [comp, *(syn.np_head(o) for o in objects)]  # "cut ties with Armenia": the object's "with" too
        cands = [*syn.children(comp, "iobj"), *(o for h in hosts for o in syn.obliques(h, rule.preps)), *objects]
        # "its border": the actor's own; "launch a new offensive": the act, no side
        cands = [c for c in cands if not _owned(syn.np_head(c)) and not _is_act(syn.np_head(c))]
        found = [q for c in cands for q in _parties(doc, c, state) if q.actor.country or q.actor.code]
        if found:
            return found[:1]
    return []


def _nominal_recipients(doc: NlpDoc, trigger: Token, p: Pattern, state: ArticleState) -> list[Party]:
    """"demanded talks with US commanders", "offered a ceasefire and a meeting with Putin", "called for dialogue with
    Moscow": a verbal act on an act of dealing with a side (events.yaml nominal_recipients), its object or what it calls
    for, is aimed at the side that act's oblique (or the verb's, where the parse hung it there) names; the actor's own
    is none."""
    rule = nominal_recipients()
    if p.type not in rule.types:
        return []
    heads = [syn.np_head(o) for o in (*syn.children(trigger, "obj"), *syn.obliques(trigger, rule.object_preps))]
    # the object, its conjuncts and the nouns hung on it ("a ceasefire and a meeting with Putin" parsed as one phrase)
    nouns = [n for h in heads for n in (h, *h.conjuncts, *(c for c in h.children if c.dep_ in ("nmod", "conj")))
             if n.pos_ == "NOUN" and _lemma_in(n, rule.nouns)]
    return _dealt_with(doc, trigger, nouns, state)


def _dealt_with(doc: NlpDoc, trigger: Token, nouns: list[Token], state: ArticleState) -> list[Party]:
    """The sides the first act of dealing that names one deals with ("talks with US commanders"): its oblique's,
    or the verb's where the parse hung it there; none the actor owns nor a helper."""
    rule = nominal_recipients()
    helps = syntax().help_nouns  # "with French and German support": the helpers are no side of the act
    for noun in nouns:  # "rejected negotiations with the United States": the parse may hang "with" on the verb
        cands = [o for h in (noun, trigger) for o in syn.obliques(h, rule.preps)
                 if not _owned(syn.np_head(o)) and syn.np_head(o).lemma_.lower() not in helps]
        found = [q for c in cands for q in _parties(doc, c, state) if q.actor.country or q.actor.code]
        if found:
            return found
    return []


def _complements(trigger: Token) -> list[Token]:
    """The acts a verb is about: its clausal complements and clauses of purpose, its own ("threatened to cut
    ties", "drove there to deliver") or its object's ("slowed the sale to pressure Russia")."""
    # the object's own nouns too: "slowed the sale of the assets to put pressure on Russia" hangs the purpose on "assets"
    nouns = [t for o in syn.children(trigger, "obj") for t in o.subtree if t.pos_ in ("NOUN", "PROPN")]
    purposes = [c for h in (trigger, *nouns) for c in h.children if c.dep_ in ("advcl", "acl") and syn.is_purpose(c)]
    return [*syn.children(trigger, "xcomp", "ccomp"), *purposes]


def _owned(head: Token) -> bool:
    """"its border", "their own troops": the actor's own, not another side."""
    return any(c.dep_ == "nmod:poss" and c.pos_ == "PRON" for c in head.children)


def location_of(doc: NlpDoc, trigger: Token, force: bool = False) -> Place | None:
    """Where: an oblique of the trigger, or of its object or subject ("killed 30 people in Gaza", "police in
    Dhaka arrested"), naming a place; of an act of force or an attack noun also its target ("killed in an
    Israeli airstrike on Rafah"); then of a verb coordinated after it with no subject of its own ("361 children have been
    killed and 714 injured in Ukraine")."""
    found = _located(doc, trigger, force)
    return found[0] if found is not None else _relative_place(doc, trigger)


def _located(doc: NlpDoc, trigger: Token, force: bool) -> tuple[Place, Token] | None:
    """The place of `location_of`'s obliques, with the word that names it."""
    hosts = [trigger, *(syn.np_head(o) for o in syn.children(trigger, "obj", "nsubj:pass", "obl", "nsubj"))]
    hosts += [k for k in _with_later_conjuncts(trigger)[1:] if not syn.children(k, "nsubj", "nsubj:pass")]
    hosts += [h for h in _instrument_heads(trigger) if h not in hosts]  # "injured as a result of a rocket attack on Zaporizhzhia"
    for obl in _host_obliques(trigger, hosts, force) + _scene_obliques(trigger, hosts):
        head = syn.np_head(obl)
        lo, hi = syn.phrase_span(head)
        # "in the town of Cizre": the place its modifiers lead to; "in northern Gaza": the phrase is no place's
        # name, its head (with the name it is part of) is
        place = _named_place(doc, lo, hi) or _named_place(doc, head.idx, head.idx + len(head))
        if place is not None and place.country:
            return place, head
        inner = _inner_named_place(doc, head, named=True)
        if inner is not None:
            return inner
    return None


def places_listed_with_location(doc: NlpDoc, trigger: Token, force: bool = False) -> list[Place]:
    """"claimed attacks in Mali, Niger and Burkina Faso", "strikes in different regions of Syria and Iraq": the places
    listed with the act's place (`location_of`: the conjuncts of the word that names it, less a region told after a
    place, syntax.listed_sides), each a place the gazetteer knows with a country other than the place's and than each
    other's: one per country, in the order written (an unknown name or a place of the place's own country adds none)."""
    found = _located(doc, trigger, force)
    if found is None:
        return []
    place, word = found
    countries = {place.country}
    listed: list[Place] = []
    for member in syn.listed_sides(word, _is_role)[1:]:
        lo, hi = syn.phrase_span(member)
        other = _named_place(doc, lo, hi)
        if other is not None and other.country and other.country not in countries:
            countries.add(other.country)
            listed.append(other)
    return listed


def _host_obliques(trigger: Token, hosts: list[Token], force: bool) -> list[Token]:
    """The obliques of place of each host, in order; of the trigger of an act of force, or of an attack noun, those of
    its target too ("an Israeli airstrike on Rafah")."""
    lang = syntax()
    attack = lang.place_preps | lang.attack_target_preps
    return [o for h in hosts for o in syn.obliques(
        h, attack if (force and h.i == trigger.i) or _lemma_in(h, lang.attack_nouns) else lang.place_preps)]


def _scene_obliques(trigger: Token, hosts: list[Token]) -> list[Token]:
    """The obliques of place of the verb an act noun is the subject of (`_subject_scene`), where that verb is no
    host already."""
    scene = _subject_scene(trigger)
    return syn.obliques(scene, syntax().subject_scene_preps) if scene is not None and scene not in hosts else []


def _subject_scene(trigger: Token) -> Token | None:
    """"Heavy shelling continues near Kharkiv", "the consequences of a rocket attack are cleared in Zaporizhzhia": an
    act noun that is the subject of a verb, itself or through a short chain of "of" phrases, happened where that verb
    is told (its obliques of syntax.yaml subject_scene_preps). A verb that tells an act of its own ("attacks were
    repulsed near Kupiansk", "protests erupted in Tehran") places it by its own pattern, not the noun's."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return None
    top = trigger
    for _ in range(_SCENE_CHAIN):
        if top.dep_ in ("nsubj", "nsubj:pass") and top.head.pos_ == "VERB":
            return None if matches(top.head) else top.head
        if top.dep_ != "nmod" or syn.case_of(top) != "of":
            return None
        top = top.head
    return None


def _relative_place(doc: NlpDoc, trigger: Token) -> Place | None:
    """"Srebrenica, the town in Bosnia-Hercegovina where 8,000 men were killed": a clause of place (syntax.yaml
    place_relatives) on a noun tells an act that happened where that noun is."""
    if trigger.dep_ != "acl:relcl" or not any(c.dep_ == "advmod" and c.lower_ in syntax().place_relatives
                                              for c in trigger.children):
        return None
    head = trigger.head
    place = _inner_place(doc, head, named=True) or _named_place(doc, head.idx, head.idx + len(head))
    return place if place is not None and place.country else None


def code_trigger(doc: NlpDoc, tok: Token, state: ArticleState) -> Coded | None:
    """The first pattern on the token whose demands on the sides the parse meets, in the sense its arguments tell
    (events.yaml `trigger_senses`: "attacked the minister over the budget" is a charge)."""
    places = _entity_tokens(doc, ("GPE", "LOC"))
    for p, obj in matches(tok, _entity_tokens(doc, ("PERSON",)), places):
        sensed = sense_of(tok, p, obj, places)  # None: a sense that is no act ("Storm Ciaran hit France")
        coded = code_with(doc, tok, sensed, obj, state) if sensed is not None else None
        if coded is not None:
            return coded
    return None


def _entity_tokens(doc: NlpDoc, types: tuple[str, ...]) -> frozenset[int]:
    """The indices of the tokens inside the entities of these types the text names, read once per document."""
    key = "tokens:" + ",".join(types)
    found = doc.extras.get(key)
    if found is None:
        starts = doc.tokens.to_array(IDX).tolist()
        found = frozenset(i for e in doc.entities if e.type in types
                          for i in range(bisect_left(starts, e.start), bisect_left(starts, e.end)))
        doc.extras[key] = found
    return found


def code_with(doc: NlpDoc, tok: Token, p: Pattern, obj: Token | None, state: ArticleState) -> Coded | None:
    """The act the pattern codes on the trigger: its sides read from the clause, given their countries, filled from
    the story where the clause leaves them implied, and set in the story; None where the sides meet not the
    pattern's demands."""
    coded = _sides_read(doc, tok, p, obj, state)
    if coded is None or not _sides_placed(doc, coded, state) or not _implied_sides_filled(doc, coded, state):
        return None
    _set_in_the_story(doc, coded, state)
    return coded


def _sides_read(doc: NlpDoc, tok: Token, p: Pattern, obj: Token | None, state: ArticleState) -> Coded | None:
    """The sides the clause tells (doers, recipients, the place) as the parse reads them; None where the doer is a
    cause, not a side ("the pandemic killed millions", "valuations supported by low yields")."""
    coded = Coded(pattern=p, trigger=tok)
    doers = _doers(doc, tok, p, obj, state)
    if doers is None:
        return None
    coded.actors = doers or _unnamed_doers(doc, tok, p, state)
    coded.reciprocal = _reciprocal(tok)
    coded.recipients = [] if coded.reciprocal else recipients_of(doc, tok, p, obj, state, coded.actors)
    coded.location = location_of(doc, tok, force=p.type in FORCE)
    coded.listed_locations = places_listed_with_location(doc, tok, force=p.type in FORCE) if p.type in FORCE else []
    _mark_named(p, coded)
    coded.asked = _asked_about_another(doc, coded, state)
    return coded


def _sides_placed(doc: NlpDoc, coded: Coded, state: ArticleState) -> bool:
    """The sides read given their countries (the enemy named from the writer's side, places and civilians of the
    story), in two passes with the pattern's demands checked after each: False where they fail."""
    tok, p = coded.trigger, coded.pattern
    front = _writer_side(doc, tok) or state.front  # the side "the enemy" is said from, read once for both passes
    _name_enemies(coded, front)
    _localise(coded, state)
    _place_civilians(coded, state, early=True)  # "Museveni warned citizens": a side for a pattern needing one
    if not _sides_fit(p, coded, implied=p.implied_side) or _of_another_side(doc, tok, p, coded, state):
        return False
    _unsponsor(coded)
    _place_civilians(coded, state)
    _place_bare_recipients(coded)
    _name_enemies(coded, front, final=True)  # "occupation forces detained activists in Melitopol": once they are placed
    # "attacked by three enemy factions" in a game: an enemy of no one was its only side
    return _sides_fit(p, coded, implied=p.implied_side) and not (p.other_side and _one_side_only(coded))


def _implied_sides_filled(doc: NlpDoc, coded: Coded, state: ArticleState) -> bool:
    """Sides the clause leaves unnamed, filled from the story (the attacker, the target), its modality read first (a
    promise re-types the act, and the target implied is by type); False where an act whose other side the text may
    imply has none ("Russian shelling" in no place, told of no place before: no target)."""
    tok, p = coded.trigger, coded.pattern
    _fill_unnamed_doers(doc, coded, state)
    _modality(coded, tok, p, said=_said(doc, tok))
    coded.recipients = _one_side_per_country(coded.recipients, coded.type) or _implied_target(coded, state)
    if p.implied_side and not coded.actors:  # "a rocket attack in Zaporizhzhia": the other side's, once its target is
        coded.actors = _unnamed_attacker(doc, coded, state)
    _place_war_victims(coded)
    return _implied_fit(p, coded)


def _set_in_the_story(doc: NlpDoc, coded: Coded, state: ArticleState) -> None:
    """Who reports the act, the setting of the article (a side it addresses), and no enemy's mark left on an actor's
    id."""
    coded.reported_by = reporter(doc, coded.trigger, state)
    _of_the_setting(coded, state)
    coded.recipients = coded.recipients or _setting_addressed(coded, state)
    for q in (*coded.actors, *coded.recipients):
        if q.actor.id == ENEMY:
            q.actor = q.actor.model_copy(update={"id": None})


def _unnamed_doers(doc: NlpDoc, tok: Token, p: Pattern, state: ArticleState) -> list[Party]:
    """Doers for an act whose clause names none, read before its sides are checked: the side of an attack's weapon,
    else the parties to a war's onset."""
    doers: list[Party] = []
    if p.type == "ASSAULT":
        doers = _instrument_actor(doc, tok, state)
    if not doers and p.type in war_onsets().types:
        doers = _war_onset_actors(doc, tok, state)
    return doers


def _mark_named(p: Pattern, coded: Coded) -> None:
    """Whether the clause names a side, read once its location is: a side of a country or a body, else a place of one
    side of a war (`placed_only`: both sides then implied, the event unsure)."""
    coded.named = _one_named(coded.actors + coded.recipients)
    coded.placed_only = not coded.named and _in_a_war_place(p, coded)
    coded.named = coded.named or coded.placed_only


def _in_a_war_place(p: Pattern, coded: Coded) -> bool:
    """"a massive rocket attack in Zaporizhzhia": an act of a pattern whose other side the text may imply
    (events.yaml `implied_side`) told in a place of one side of a war (resources/conflicts), with no side named, has
    that place's people for the side the clause names: its target, as "a rocket attack on Zaporizhzhia" names it."""
    loc = coded.location
    if not p.implied_side or loc is None or loc.country is None or loc.id is None:
        return False
    # a town or region, not a country as a whole ("a missile attack from the Russian Federation" is no attack on it)
    return loc.id.startswith(("place:", "geonames:")) and actor_kb.opponent(loc.country) is not None


def _fill_unnamed_doers(doc: NlpDoc, coded: Coded, state: ArticleState) -> None:
    """Actors for an act whose clause names none: an attacker implied by the story, else the organs or the pair
    told before."""
    tok = coded.trigger
    if not _named_doer(coded) and coded.pattern.type in FORCE and _no_one_named(tok) and not syn.tells_of_its_head(tok):
        # "a woman was injured": by whoever last attacked; "the conflict killed 14,000" names its own subject; "Haniyeh,
        # who was assassinated in Tehran": a clause telling who someone is, his story told apart, inherits no attacker
        coded.actors = _unnamed_attacker(doc, coded, state) or coded.actors
    if not coded.actors:
        coded.actors = _organs_before(coded, state) or _pair_before(coded, state)


def _one_side_per_country(recipients: list[Party], type_: str = "") -> list[Party]:
    """"withdrew troops from Kyiv and Chernihiv regions", "met the Secretary of Defense of the United States, Lloyd
    Austin": places of a country, or the country itself, that the trigger also names another side of are that side,
    told once (ANNOTATION.md: one record per happening, another only for a different actor or recipient); people and
    bodies of one country stay apart ("met Blinken and Austin")."""
    kept: list[Party] = []
    apart = type_ in struck_apart_types()  # "shelled Zaporizhzhia and Orihiv": each place struck is a record
    for r in sorted(recipients, key=lambda q: _place_or_country(q.actor)):
        if not (_place_or_country(r.actor) and any(k.actor.country == r.actor.country and not (
                apart and _struck_apart(r.actor, k.actor)) for k in kept)):
            kept.append(r)
    return [r for r in recipients if any(r is k for k in kept)]


def _struck_apart(a: Actor, b: Actor) -> bool:
    """Two places of one country an attack names ("shelled Kharkiv and Sumy") are two targets, not the country
    itself told beside one of its places."""
    return a.id != a.country and b.id != b.country and (a.id or a.text) != (b.id or b.text)


def _place_or_country(actor: Actor) -> bool:
    """A side named only as a place of a country or as the country: no person, body or force of its own."""
    return bool(actor.country and actor.sector is None and actor.id
                and (actor.id.startswith("place:") or actor.id == actor.country))


def _pair_before(coded: Coded, state: ArticleState) -> list[Party]:
    """"Russia and Ukraine agreed to a local ceasefire. ... A truce had taken effect": an act each side does to the
    other (a symmetric pattern) told as its own subject (the pattern names its subject nouns) with no side at all is
    between the two sides the text last told of, inherited."""
    p = coded.pattern
    if not (p.symmetric and p.subjects) or coded.recipients or state.last_pair is None:
        return []
    return [Party(side, inherited=True) for side in state.last_pair]


def _doers(doc: NlpDoc, tok: Token, p: Pattern, obj: Token | None, state: ArticleState) -> list[Party] | None:
    """The actors of a trigger, or None where its subject is a cause, not a side."""
    if p.speaker_actor:  # "'Hezbollah will pay the price,' Gallant said": Gallant threatens
        return _speaker_parties(doc, tok, state)
    members = _members(doc, tok, p, state)
    if members:  # "talks between the US, Russia and Ukraine": the first named
        return members[:1]
    if p.actor_from:  # "came under fire from Russian forces", "were released from Russian captivity"
        return _doers_from(doc, tok, p, obj, state)
    if p.type in FORCE and _mishap(tok):
        return None
    if _joined_to_reported_cause(tok, p):  # "acknowledged that Russia's actions pose a threat, and called on Moscow"
        reporter = syn.subject(tok.head.head)
        return _subject_parties(doc, reporter, state) if reporter is not None else []
    actors = actors_of(doc, tok, state) or _clause_doers(doc, tok, p, state) or _patient_actors(doc, tok, p, state) \
        or _reporter_acts(doc, tok, p, state)
    return None if _subject_a_cause(doc, tok, p, actors) else actors


def _clause_doers(doc: NlpDoc, noun: Token, p: Pattern, state: ArticleState) -> list[Party]:
    """"In a phone call with Biden, Zelensky thanked him", "at a meeting with Macron, Scholz said": an act noun with no
    doer of its own, in an oblique of the pattern's `clause_doer` hung on a verb, is done by that verb's subject."""
    if not _clause_setting(noun, p):
        return []
    return _parties(doc, syn.subject(noun.head) or _subject_drawn_into(noun), state)


def _subject_drawn_into(noun: Token) -> Token | None:
    """"In a conversation with Guterres, Foreign Minister Kuleba has stated ...": where the verb has no subject, the
    parse has joined it to the setting's last noun as a conjunct (or apposition, or part of a name) after the comma; one
    within the setting, set off by a comma, whose phrase ends right before the verb (or its auxiliaries) is the verb's subject."""
    verb = noun.head
    first = min([verb.i, *(c.i for c in verb.children if c.dep_ in ("aux", "aux:pass") and c.i < verb.i)])
    for tok in noun.subtree:
        edge = tok.left_edge.i
        if tok.dep_ in ("conj", "appos", "flat") and tok.right_edge.i == first - 1 and "," in (tok.doc[edge].text, tok.doc[edge - 1].text):
            return tok
    return None


def _clause_setting(noun: Token, p: Pattern) -> bool:
    """An act noun in an oblique of the pattern's `clause_doer` hung on a verb: the setting of that verb's act."""
    return bool(p.clause_doer) and not syn.is_verb(noun) and syn.case_of(noun) in p.clause_doer \
        and noun.dep_.split(":")[0] == "obl" and syn.is_verb(noun.head)


def _subject_a_cause(doc: NlpDoc, tok: Token, p: Pattern, actors: list[Party]) -> bool:
    """A trigger whose subject is a cause, not a side (`_caused`), where the actors found name no side of a country
    (or the act is force) and the subject is no body."""
    named = p.type not in FORCE and any(a.actor.country or a.actor.code for a in actors)
    # an act between sides told as its own subject ("a truce took effect": a symmetric pattern that names its subject
    # nouns) has no cause for a subject
    return not named and not (p.subjects and p.symmetric) and _caused(tok, named_ok=p.type not in FORCE) \
        and not _subject_is_a_body(doc, tok)


def _doers_from(doc: NlpDoc, tok: Token, p: Pattern, obj: Token | None, state: ArticleState) -> list[Party]:
    """The side the pattern's `actor_from` names ("came under fire from Russian forces"); else, told in the passive
    with no object demanded, its agent."""
    found = _undergone_from(doc, tok, p, obj, state)
    # "attacks were repelled by Ukrainian forces": the agent repels, it made no attack
    return found or (actors_of(doc, tok, state) if syn.is_passive(tok) and "object" not in p.actor_from else [])


def _reporter_acts(doc: NlpDoc, tok: Token, p: Pattern, state: ArticleState) -> list[Party]:
    """"The Kenyan minister said that the ban was in line with the law and urged Somalia to reopen the border": a verbal
    act joined to a predicate of place or state that a verb reports, with no side of its own, is the reporter's; force
    so joined ("said the troops were in the north and attacked the rebels") is not."""
    if tok.dep_ != "conj" or not syn.reported_state(tok.head) or not _verbal(p.type):
        return []
    return _subject_parties(doc, syn.subject(tok.head.head), state)


def _joined_to_reported_cause(tok: Token, p: Pattern) -> bool:
    """"NATO ministers acknowledged that Russia's actions pose a threat, and called on Moscow to withdraw": a verbal act
    of events.yaml `reported_cause_acts` with no subject of its own, joined by the parse to the verb of a clause another
    verb reports, whose subject (a passive's too: "said the deaths were caused by gunfire and called on") is a cause and
    no side (`_a_cause`, a name owning it or not), is the reporter's; with no reporter the parse read, no one's."""
    head = tok.head
    if tok.dep_ != "conj" or p.type not in typed_rule("reported_cause_acts").types or head.dep_ != "ccomp" \
            or not (syn.is_verb(head) and syn.is_verb(head.head)) or syn.children(tok, *syn.SUBJECT_DEPS, "nsubj:pass"):
        return False
    told = syn.children(head, *syn.SUBJECT_DEPS, "nsubj:pass")  # what a verb joined to it would share
    return bool(told) and _a_cause(syn.np_head(told[0]), named_ok=False)


def _verbal(type_: str) -> bool:
    return str(ontology()["types"][type_]["quad"]).startswith("verbal")


def _members(doc: NlpDoc, noun: Token, p: Pattern, state: ArticleState) -> list[Party]:
    """"Talks between the US, Russia and Ukraine", "negotiations involving the US and Belarus": the sides a noun's
    oblique (or participle) of one of the pattern's `members` names, when it names two or more; the first acts on the
    others, as an analyst codes them."""
    if not p.members or syn.is_verb(noun):
        return []
    # the parse may hang "between envoys from Moscow and Kyiv" as a clause: any child the preposition opens
    # ... or "clashes erupted between protesters and police": the oblique of the verb the noun is the subject of (or
    # that the parse hung on the noun as a participle)
    found = _member_nouns(noun, p)
    sides = [q for m in found[:1] for q in _parties(doc, m, state)]
    return sides if len(sides) > 1 else _subject_members(doc, noun, p, state)


def _subject_members(doc: NlpDoc, noun: Token, p: Pattern, state: ArticleState) -> list[Party]:
    """"US, Russian and Ukrainian officials have made no progress in talks": a noun in an oblique of the pattern's
    `subject_members` (hung on the verb, or on its object's nouns) names no sides of its own; the clause's subject
    names them, when it names two or more countries or bodies."""
    if syn.case_of(noun) not in p.subject_members:
        return []
    head = noun.head
    for _ in range(3):  # "made no progress in recent weeks in talks": through the object's nouns to the verb
        if syn.is_verb(head) or head.dep_.split(":")[0] not in ("nmod", "obl", "obj") or head.head.i == head.i:
            break
        head = head.head
    if not syn.is_verb(head):
        return []
    sides = _parties(doc, syn.subject(head), state)
    return sides if len({q.actor.country or q.actor.code for q in sides} - {None}) > 1 else []


def _member_nouns(noun: Token, p: Pattern) -> list[Token]:
    """The nouns after the noun that one of the pattern's `members` prepositions opens (or that a participle of one
    takes as object), apart from `_members` so that each stays short."""
    hosts = [noun, *([noun.head] if noun.dep_.startswith("nsubj") and syn.is_verb(noun.head) else []),
             *(c for c in noun.children if c.dep_ == "acl" and syn.is_verb(c))]
    found = [c for h in hosts for c in h.children
             if c.i > noun.i and c.pos_ in ("NOUN", "PROPN") and syn.case_of(c) in p.members]
    found += [o for c in noun.children if c.dep_ == "acl" and c.lower_ in p.members for o in syn.children(c, "obj")]
    return found


def _speaker_parties(doc: NlpDoc, tok: Token, state: ArticleState) -> list[Party] | None:
    """Who says the clause the trigger is in: the speaker of the quotation (direct or reported) that holds it, else the
    subject of the verb of speaking that governs it; a direct quotation whose speaker has no side gives none; a
    clause no one is told saying (the text's own narration) gives None."""
    quote = _quote_holding(doc, tok.idx, direct_only=False)
    actor = _quote_speaker_actor(quote)
    if actor is not None:
        return [Party(actor, inherited=True)]
    said = reporter(doc, tok, state)
    if said is not None:
        return [Party(said)]
    return [] if quote is not None and quote.direct else None


def _mishap(trigger: Token) -> bool:
    """"Two soldiers were killed in a helicopter crash" (syntax.yaml accident_nouns): harm told in a mishap, with no
    one told doing it, is no use of force."""
    if not syn.is_verb(trigger) or syn.subject(trigger) is not None:
        return False
    return any(syn.np_head(o).lemma_.lower() in syntax().accident_nouns for o in syn.obliques(trigger, syntax().mishap_preps))


def _undergone_from(doc: NlpDoc, tok: Token, p: Pattern, obj: Token | None, state: ArticleState) -> list[Party]:
    """"The convoy came under fire from Russian forces", "41 Ukrainians were released from Russian captivity": the doer
    is the oblique with one of the pattern's `actor_from`, of the verb or of the act it undergoes (not of the people a
    passive tells of)."""
    hosts = [tok, *([obj] if obj is not None and not obj.dep_.startswith("nsubj") else [])]
    found = [q for h in hosts for o in syn.obliques(h, p.actor_from) for q in _parties(doc, o, state)]
    if not found and obj is not None and "object" in p.actor_from:  # "repelled Russian attacks": who made them
        found = actors_of(doc, obj, state)
    return found


def _patient_actors(doc: NlpDoc, tok: Token, p: Pattern, state: ArticleState) -> list[Party]:
    """"North Korea's military was placed on high alert", "troops were deployed to the border": with no agent told,
    the forces moved are the side that acts (events.yaml `patient_actor`)."""
    if not p.patient_actor or not syn.is_passive(tok):
        return []
    return _parties(doc, syn.patient(tok), state)


def _modality(coded: Coded, tok: Token, p: Pattern, said: bool = True) -> None:
    """Negated, hypothetical, or promised: "will send howitzers": the promise is the event; "would boycott": the
    threat is; "will withdraw unless a ceasefire is arranged": a promise on a condition is a threat; "will meet":
    a meeting to come (intent `scheduled`), as told; "offered to meet", "would meet if": an offer. An act on a
    condition told in the text's own words, no one `said` to promise it ("Analysis: China would back Russia if it
    moved on Ukraine"), is a possibility weighed, no one's offer or threat."""
    types, auxiliaries = intent_scheduled()
    planned = p.type in types and syn.has_auxiliary(tok, auxiliaries) and not syn.intent_word(tok) \
        and not syn.conditioned(tok, syntax().conditional_marks)  # not "promised it will meet", "will meet if"
    # an act told as the subject noun of its clause is as negated or as possible as that clause ("talks between Russia
    # and Ukraine are not taking place", "negotiations can only succeed if ...")
    # and "talks will take place in March" tells the talks as planned, no mere possibility
    # ... and "at a meeting with Macron, Scholz promised aid" tells the meeting as done as the promise is (no promise)
    setting = _clause_setting(tok, p)
    # ... and "did not send a warning", "did not stage protests" are as negated as the verb that carries the act noun
    told = tok.head if tok.pos_ == "NOUN" and (tok.dep_.startswith("nsubj") or setting or _carried(tok)) else tok
    coded.negated, coded.hypothetical = syn.modality(told, auxiliaries if planned or told != tok else frozenset())
    _pattern_modality(coded, tok, p)
    _promise(coded, told if setting else tok, p, planned, said)


def _pattern_modality(coded: Coded, tok: Token, p: Pattern) -> None:
    """What the pattern's own keys say of the act's negation and possibility over what its clause says (told_as,
    made_when_said, told_negated), and an attempt at force that is force used; apart from `_modality` so that each
    stays short."""
    if p.told_as:  # "will respond decisively if Russia invades": the warning is made now, whatever its condition
        coded.hypothetical = False
    if p.made_when_said:  # "says Russia may create a pretext": the charge is made when said (events.yaml made_when_said)
        coded.hypothetical = False  # ... unless it is not said: "does not rule out that Russia may stage provocations"
        coded.negated = coded.negated or any(syn.negated_itself(g) for g in syn.governors(tok))
    if p.told_negated:  # "will not tolerate": the negation makes the threat
        coded.negated = False
    if coded.hypothetical and _attempted(tok, p):  # "tried to storm the plant": force used
        coded.hypothetical = False


def _promise(coded: Coded, tok: Token, p: Pattern, planned: bool, said: bool) -> None:
    """A promise, threat or offer the act is told as, apart from `_modality` so that each stays short: one on a
    condition no one `said` is a possibility weighed; a promise on a condition is a threat."""
    promised = None if planned or coded.negated else _promised(tok, p)
    if promised and ((not said and _weighed(tok)) or _of_a_measure(tok)):
        coded.hypothetical = True
        return
    if promised:
        threat, marks = intent_conditional()
        promised = (syn.conditioned(tok, marks) and threat) or promised
        coded.type, coded.pattern_id, coded.hypothetical = promised, f"intent:{p.id}", False


def _weighed(tok: Token) -> bool:
    """"would back Russia if it moved": an auxiliary of events.yaml intent `weighed` on a condition."""
    return syn.has_auxiliary(tok, intent_weighed()) and syn.conditioned(tok, syntax().conditional_marks)


def _of_a_measure(tok: Token) -> bool:
    """"The Act, under consideration by the Senate, would impose sanctions": what a law, a bill or a deal (events.yaml
    intent `measures`) would do is a possibility of its adoption, no one's promise, said or not."""
    subj = syn.subject(tok) if syn.is_verb(tok) and syn.has_auxiliary(tok, intent_weighed()) else None
    if subj is None:
        return False
    head = syn.np_head(subj)  # "the Human Rights and Democracy Act": a name the parse split at its "and"
    return any(t.lemma_.lower() in intent_measures() for t in (head, *syn.children(head, "conj")))


def _promised(tok: Token, p: Pattern) -> str | None:
    """The type of the promise or threat the act is told as ("will send", "vowed to strike", "his goal is to"), if
    any; an intent told inside an accusation ("accused U.S. forces of disrupting a UN plan to return people") is the
    accuser's claim, no promise or threat of anyone."""
    promised = _promise_type(p)
    if not promised or syn.claimed(tok):
        return None
    carried, carriers = intent_carried()
    told = syn.intent(tok, carriers if p.type in carried else frozenset()) or _goal(tok) is not None
    return promised if told else None


def _promise_type(p: Pattern) -> str | None:
    """The type an act of the pattern is coded as when only promised or threatened; none where the pattern is told as
    it asks (`told_as`): the act is made now ("the march will not be allowed" bans it)."""
    return None if p.told_as else intent_types().get(p.type)


def _attempted(tok: Token, p: Pattern) -> bool:
    """"Russian troops tried to storm the plant", "attempted to assassinate the prime minister": an attempt at force
    (events.yaml attempted_acts) is force used, where the attempt is itself told as done ("will try to seize Kyiv",
    "if they try to storm" stay possibilities)."""
    rule = attempted_acts()
    head = tok.head
    if p.type not in rule.types or tok.dep_ != "xcomp" or head == tok or not syn.is_verb_of(head, rule.words):
        return False
    return syn.modality(head) == (False, False)


def _subject_is_a_body(doc: NlpDoc, trigger: Token) -> bool:
    """"The RSF killed 40 civilians": a subject the tagger took for a common noun that the text names as a body or
    a side (an entity with an actor) is no cause."""
    subj = syn.subject(trigger) if syn.is_verb(trigger) else None
    if subj is None:
        return False
    at = syn.np_head(subj).idx
    return any(e.start <= at < e.end and e.actor is not None and (e.actor.country or e.actor.code)
               for e in doc.entities)


def _caused(trigger: Token, named_ok: bool) -> bool:
    """An act whose subject (or passive agent) is a common noun that names no one who can act: not a role
    ("troops"), an attack or weapon ("strikes", "bullet"), or a noun of people (`agent_nouns`): "the pandemic
    killed millions", "farmers hit by tariffs", "valuations supported by low bond yields". With `named_ok` (acts
    other than force) a name before the noun makes it a side's ("a UN report accused Israel")."""
    subj = syn.subject(trigger) if syn.is_verb(trigger) else None
    if subj is None or _goal(trigger) is not None:  # "his goal is to destroy Hamas": an aim, no cause
        return False
    return _a_cause(syn.np_head(subj), named_ok)


def _a_cause(head: Token, named_ok: bool) -> bool:
    """A common noun that names no one who can act (`_caused`)."""
    if head.pos_ != "NOUN":
        return False
    words = {head.lemma_.lower(), head.lower_}
    lang = syntax()
    if words & (lang.attack_nouns | lang.agent_nouns):
        return False
    before = head.doc[head.left_edge.i:head.i + 1]
    if named_ok and any(t.pos_ == "PROPN" or (t.pos_ == "ADJ" and t.text[:1].isupper()) for t in before):
        return False
    return actor_kb.role_sector(before.text)[0] is None  # "border guards"


def _said(doc: NlpDoc, tok: Token) -> bool:
    """Told as someone's words: inside a quotation, or in the complement of a verb of speaking."""
    return _in_quote(doc, tok.idx) or any(syn.is_verb_of(g, _speech_lemmas()) for g in syn.governors(tok))


@lru_cache(maxsize=1)
def _speech_lemmas() -> frozenset[str]:
    return frozenset(speech_lexicon()["verbs"])


def reporter(doc: NlpDoc, trigger: Token, state: ArticleState) -> Actor | None:
    """Who tells of it: the subject of the speech verb whose complement holds the trigger."""
    for gov in syn.governors(trigger):
        if syn.is_verb_of(gov, _speech_lemmas()):
            found = _parties(doc, syn.subject(gov), state)
            return found[0].actor if found else None
    return None


def _of_another_side(doc: NlpDoc, tok: Token, p: Pattern, coded: Coded, state: ArticleState) -> bool:
    """"Western officials warned that Moscow could use false flag operations": a warning of what another side may do
    threatens no one (events.yaml own_complement_except): the complement's subject names a side none of the actors
    is, and its verb is no harm the warner promises ("warned that Hezbollah would pay a heavy price")."""
    comps = syn.children(tok, "ccomp") if p.own_complement else []
    subjs = syn.children(comps[0], "nsubj") if comps else []
    if not subjs or syn.np_head(subjs[0]).pos_ == "PRON" or _lemma_in(comps[0], p.own_complement_except):
        return False
    subj = subjs[0]
    others = [q.actor for q in _parties(doc, subj, state) if q.actor.country or q.actor.code]
    return bool(others) and not any(_same_side(o, a.actor) for o in others for a in coded.actors)


def _one_side_only(coded: Coded) -> bool:
    """Every side the act names is of one country or body ("Ukrainian troops entered Kherson"): for a pattern of acts
    against another side (`other_side`), no such act; a side of no country leaves it open."""
    sides = [q.actor for q in coded.actors + coded.recipients]
    return bool(coded.actors and coded.recipients) and all(_of_side(a) for a in sides) \
        and all(_same_side(a, sides[0]) for a in sides)


def _sides_fit(p: Pattern, coded: Coded, implied: bool = False) -> bool:
    """The pattern's demands on the sides, and at least one political side: "the heat wave killed the
    crops" codes nothing. `implied`: before the sides the text implies are read, one side the clause names meets the
    demands (events.yaml `implied_side`)."""
    sides = coded.actors + coded.recipients
    if not (coded.named if implied else _needs_met(p, coded)):
        return False
    if p.actor_sectors and not any(q.actor.sector in p.actor_sectors for q in sides):
        return False
    if _private(p, sides):
        return False
    # a trigger whose object anchors it ("a ceasefire was signed") needs no named side; nor, before its sides are
    # implied, an attack told in a place of a war (`_in_a_war_place`)
    return p.anchored or any(_political(q.actor) for q in sides) or (implied and _in_a_war_place(p, coded))


def _one_named(sides: list[Party]) -> bool:
    """A side of a country or an international body among `sides`: one a record can name."""
    return any(q.actor.country or q.actor.code for q in sides)


def _needs_met(p: Pattern, coded: Coded) -> bool:
    """The actor and the recipient the pattern needs named (a country or an international body)."""
    # "called on international partners to impose sanctions on Russia": a side asked, of no country, is the recipient
    # the pattern needs, where the act asked names another side (not the one asked)
    if p.needs_recipient and not _one_named(coded.recipients) and not _paired(p, coded) and not coded.asked:
        return False
    return not p.needs_actor or _one_named(coded.actors)


def _implied_fit(p: Pattern, coded: Coded) -> bool:
    """"despite Russian shelling" in Zaporizhzhia, "a rocket attack on Kramatorsk": with the side the text implies
    (the place's people, the war's other side) a pattern of events.yaml `implied_side` has both its sides; none on
    the doer's own people, which only the placing of unnamed victims says ("the Ukrainian counteroffensive" near
    Kharkiv; "the strikes of the Russian Federation on civilian objects" are not on Russians)."""
    if not p.implied_side:
        return True
    doers = {a.actor.country for a in coded.actors}
    return _sides_fit(p, coded) and not any(r.actor.country in doers for r in coded.recipients)


def _paired(p: Pattern, coded: Coded) -> bool:
    """"Zelensky and Macron met in Kyiv", "accused each other": sides a symmetric pattern (or a reciprocal object)
    pairs with one another are each the other's recipient; not where the clause names another one ("met with their
    families"), nor where the verb has an object of its own that was no side ("Macron and Scholz visited Irpin"),
    unless the pattern never reads a side from its object and the sides are of two countries: the object is the
    matter between them ("Zelensky and Macron discussed the grain deal"; "Scholz and his finance minister discussed
    the budget" consults no other side)."""
    if not (p.symmetric or coded.reciprocal) or coded.recipients:
        return False
    if not p.objects and not coded.reciprocal and syn.children(coded.trigger, "obj"):
        return _matter_between(coded) and len({a.actor.country or a.actor.code for a in coded.actors} - {None}) > 1
    return sum(bool(a.actor.country or a.actor.code) for a in coded.actors) > 1


def _matter_between(coded: Coded) -> bool:
    """"Zelensky and Duda discussed the grain deal": a symmetric pattern that reads no side from its object, told with
    one, of sides the subject pairs: the object is the matter; the first named acts on the others, as an analyst
    codes it (event samples 7, 15, 23), not each on each as "Zelensky and Duda met". An object the pattern demands
    names the act itself ("Israel and Hezbollah traded fire": each on each)."""
    p = coded.pattern
    return p.symmetric and not p.objects and "obj" not in p.recipient and not coded.reciprocal \
        and bool(syn.children(coded.trigger, "obj"))


def _private(p: Pattern, sides: list[Party]) -> bool:
    """All sides business ("several companies signed agreements with Lukoil"), or private people cooperating
    ("rode his bicycle to deliver food for an elderly resident"): no political event."""
    if not sides:
        return False
    if all(q.actor.sector in nonpolitical_sectors() for q in sides):
        return True
    private = private_acts()
    return p.type in private.types and all(q.actor.sector in private.words for q in sides)


def _named_doer(coded: Coded) -> bool:
    """An actor the clause names as a side (a country or a body), not a weapon's bare noun ("a missile hit")."""
    return any(q.actor.country or q.actor.code or _weapon_subject(coded.trigger) is None for q in coded.actors)


def _no_one_named(trigger: Token) -> bool:
    """Force told with no one named using it: no subject, or a weapon or attack as its subject that no modifier
    gives a side ("a missile hit a school", "strikes on Kharkiv killed three": the weapon is no one's in the clause)."""
    return syn.subject(trigger) is None or _weapon_subject(trigger) is not None


def _weapon_subject(trigger: Token) -> Token | None:
    """The subject of an act of force that is a weapon or an attack (syntax.yaml attack_nouns) and not a name."""
    subj = syn.subject(trigger) if syn.is_verb(trigger) else None
    if subj is None or syn.is_passive(trigger):
        return None
    head = syn.np_head(subj)
    return head if head.pos_ == "NOUN" and _lemma_in(head, syntax().attack_nouns) else None


def _attacker_before(coded: Coded, state: ArticleState) -> list[Party]:
    """"A woman was injured in that attack": force on a side with no attacker named is by whoever the
    article last told using force on that side's country (inherited, so the confidence says so); not where that force
    was on the country's armed groups (events.yaml placed_sectors groups) and the side is the state's own force
    ("French mercenaries ambushed the militants in Mali. Five Malian soldiers were killed": not by the French)."""
    sides = [r.actor for r in coded.recipients if r.actor.country]
    found = state.attackers.get(str(sides[0].country)) if sides else None
    if found is None or sides[0].country in state.on_groups and sides[0].sector in _FORCE_SECTORS - placed_sectors().groups:
        return []
    return [Party(found, inherited=True)]


def _unnamed_attacker(doc: NlpDoc, coded: Coded, state: ArticleState) -> list[Party]:
    """Force with no one named using it: by whoever the text last told attacking that side, else a state's own force
    at home, else the other side of the war it is an act of."""
    return _attacker_before(coded, state) or _domestic_force(doc, coded, state) or _conflict_attacker(coded)


def _conflict_attacker(coded: Coded) -> list[Party]:
    """"Eleven people were injured in the rocket attack on Kramatorsk", "Kharkiv was shelled overnight": an act of war
    (events.yaml conflict_attackers: a war noun tells the harm, or the act is of a war mode) with no one named or told
    before doing it, on the people or places of one side of a conflict (resources/conflicts), is by the other side,
    inherited, so the confidence says it was not read from the clause; fighting, which each side does, names no one."""
    rule = conflict_attackers()
    countries = {r.actor.country for r in coded.recipients}
    if coded.type not in rule.types or len(countries) != 1 or None in countries:
        return []
    trigger = coded.trigger
    heads = _act_heads(trigger)
    nouns = [*heads, *(c for h in heads for c in syn.children(h, "compound"))]  # "a rocket attack": the rocket
    if any(_lemma_in(n, rule.shared) for n in nouns) or not (
            (coded.pattern.mode or "") in rule.modes or any(_lemma_in(n, rule.instruments) for n in nouns)):
        return []
    enemy = actor_kb.opponent(str(next(iter(countries))))
    return [Party(Actor(text=enemy, name=enemy, country=enemy), inherited=True)] if enemy else []


def _domestic_force(doc: NlpDoc, coded: Coded, state: ArticleState) -> list[Party]:
    """"At least 106 protesters have been killed" in a story that has named no country but Iran, up to the end of that
    sentence: force (events.yaml `domestic_force`) with no one named using it, on people of the one country the text is
    about, is that country's own (inherited), unless it is a side of a war (resources/conflicts: "three civilians
    killed in Donetsk region" is not Ukraine's own act); only on civilians or protesters (not "Ukrainian soldier killed"), not
    where the text has named another country ("killed in the Russian aggression"), nor an act of war ("towns shelled",
    "killed in shelling", "killed since the war began")."""
    rule = domestic_force()
    countries = {r.actor.country or "" for r in coded.recipients}
    if coded.type not in rule.types or (coded.pattern.mode or "") in rule.war_modes or _war_instrument(coded.trigger) \
            or _war_onset(coded.trigger) is not None \
            or any(r.actor.sector not in rule.victim_sectors for r in coded.recipients) \
            or len(countries) != 1 or "" in countries \
            or state.countries | _named_countries(doc, coded.trigger.sent) != countries:
        return []
    country = next(iter(countries))
    if actor_kb.opponent(country):  # a side of a war (resources/conflicts): who harmed its people is not presumed
        return []
    return [Party(Actor(text=country, name=country, country=country), inherited=True)]


def _war_instrument(trigger: Token) -> bool:
    """"killed in shelling", "injured in an air strike", "injured as a result of a rocket attack", "a missile hit":
    harm told by an attack noun (syntax.yaml attack_nouns), or by one that an oblique of cause (events.yaml
    domestic_force cause_nouns) is "of", or by a weapon as the verb's subject."""
    attack = syntax().attack_nouns
    return any(_lemma_in(h, attack) for h in _act_heads(trigger))


def _act_heads(trigger: Token) -> list[Token]:
    """The nouns that tell how force was used: the act noun itself, the instrument obliques, a weapon subject."""
    subject = _weapon_subject(trigger)
    return [*([trigger] if trigger.pos_ == "NOUN" else []), *_instrument_heads(trigger),
            *([subject] if subject is not None else [])]


def _named_countries(doc: NlpDoc, sentence: Span) -> set[str]:
    """The countries of the places and peoples a sentence names."""
    return _countries_of(_entities_in(doc, sentence))


def _entities_in(doc: NlpDoc, sentence: Span) -> list[Entity]:
    lo, hi = sentence.start_char, sentence.end_char
    return [e for e in doc.entities if lo <= e.start < hi]


def _countries_of(entities: list[Entity]) -> set[str]:
    return {e.actor.country for e in entities if e.actor is not None and e.actor.country and e.type in ("GPE", "NORP")}


def _political(actor: Actor) -> bool:
    """A state, a body, a sector ("gunmen", "police") or a named person; not "the heat wave"."""
    return bool(actor.country or actor.code or actor.sector or actor.id)


def _localise(coded: Coded, state: ArticleState) -> None:
    """A local organ with no country ("police", "the mayor") is of where it acts: the clause's place, else the
    place the text last named, else (a state's own organ, before the text names a place: "President of the
    Senate ... dragged the Inspector-General of Police to court" opening a story about Nigeria) the country the
    text names most (both inherited); a person named, of no country known, only the clause's place ("Prime Minister
    Wen Jiabao is expected to visit" after "New Delhi" is no Indian premier)."""
    loc = coded.location
    local = local_sectors() | placed_sectors().sectors  # "gangs attacked ...": gangs of where they act
    # "Western officials" are of no one place, wherever they speak
    stateless = [q for q in coded.actors if actor_kb.of_no_nation(q.actor.text)]
    if loc is None or loc.country is None:
        last = state.last_place.country if state.last_place is not None else None
        for q in coded.actors:
            here = last or (state.home if q.actor.sector in local_sectors() else None)
            if _unplaced(q, local, stateless) and here is not None and not _named_person(q.actor):
                q.actor, q.inherited = q.actor.model_copy(update={"country": here}), True
        return
    coded.actors = coded.actors or _implied_actors(coded, loc)
    for q in coded.actors:
        if _unplaced(q, local, stateless):
            q.actor = q.actor.model_copy(update={"country": loc.country})


def _article_setting(counts: Counter[str]) -> str | None:
    """The country the article is set in (events.yaml article_setting): the one at least `share` of the places it
    names (`_place_counts`) are in, named `least` times at least; none where that country is a side of a war
    (resources/conflicts), whose people and forces in a story may be of either side."""
    if not counts:
        return None
    country, n = counts.most_common(1)[0]
    rule = article_setting()
    if n < max(rule.least, rule.share * sum(counts.values())) or actor_kb.opponent(country):
        return None
    return country


def _war_front(places: list[Place]) -> str | None:
    """The side of a war (resources/conflicts) whose towns and regions the text names (events.yaml war_front: `least`
    times at least), where it names none of that war's other side nor of a side of another war: the side a war
    report's "the enemy" is said from. A country's own name is a side acting ("Russia's offensive"), not a scene, and
    does not count. None where two sides or two wars are in view."""
    warring = Counter(p.country for p in places if p.country and p.id != p.country and actor_kb.opponent(p.country))
    if len(warring) != 1:
        return None
    country, n = warring.most_common(1)[0]
    return country if n >= war_front().least else None


def _named_places(doc: NlpDoc) -> list[Place]:
    """The gazetteer places the text's GPE and LOC entities name, in order (read once for `_place_counts` and
    `_war_front`)."""
    return [place for e in doc.entities if e.type in ("GPE", "LOC")
            and (place := actor_kb.resolve_place(e.text)) is not None]


def _place_counts(places: list[Place]) -> Counter[str]:
    """How often the text names a place (`_named_places`) of each country of the present."""
    return Counter(p.country for p in places if p.country and not actor_kb.historical_country(p.country))


def _leading(counts: Counter[str], home: str | None) -> frozenset[str]:
    """The countries the story is about: the one it names most (`home`), and the one whose places it names most
    (`_place_counts`)."""
    return frozenset([c for c, _ in counts.most_common(1)] + ([home] if home else []))


def _of_the_setting(coded: Coded, state: ArticleState) -> None:
    """A domestic agent nothing else placed ("officers arrested Webb", "protesters") is of the article's setting,
    inherited: ANNOTATION.md gives the police, courts and crowds of a story set in one country that country."""
    if state.setting is None:
        return
    rule = article_setting()
    for q in (*coded.actors, *coded.recipients):
        a = q.actor
        if a.country or a.code or _named_person(a) or actor_kb.of_no_nation(a.text):
            continue
        if _domestic(a, rule):
            q.actor, q.inherited = a.model_copy(update={"country": state.setting}), True


def _domestic(actor: Actor, rule: ArticleSetting) -> bool:
    """A domestic agent (events.yaml article_setting): of one of its sectors, or named by one of its forces' nouns."""
    return actor.sector in rule.sectors or bool(_head_words(actor.text) & rule.forces)


def _setting_addressed(coded: Coded, state: ArticleState) -> list[Party]:
    """"The UK has urged an end to the violence" in a story set in Hong Kong, "officers had threatened to use live
    fire": a verbal act of events.yaml article_setting `addressed_types` by a side of a country, naming no one it is
    aimed at, is aimed at the setting's rulers (inherited), the recipient ANNOTATION.md has the story imply."""
    rule = article_setting()
    if state.setting is None or coded.type not in rule.addressed or coded.negated \
            or not any(a.actor.country and a.actor.sector not in rule.unaddressing
                       and (a.actor.country != state.setting or _domestic(a.actor, rule)) for a in coded.actors):
        return []  # "Senegal rejected the proposal" in a story set in Senegal: the state, no domestic agent
    name = actor_kb.gazetteer().countries.get(state.setting, {}).get("name", state.setting)
    return [Party(actor_kb.sector_actor(name, state.setting, "GOV"), inherited=True)]


def _head_words(text: str) -> set[str]:
    """The last word and the last two of a side's words, lower case: what a list of nouns names it by."""
    words = text.lower().split()
    return {" ".join(words[-2:]), *words[-1:]}


def _named_person(actor: Actor) -> bool:
    """A person named (not in the KB with a country): the place the text last named is not where they are from."""
    return bool(actor.id and actor.id.startswith("person:"))


def _unplaced(q: Party, local: frozenset[str], stateless: list[Party]) -> bool:
    """A side of a local sector with no country or code, not of no nation by its own words: _localise places it."""
    return q.actor.country is None and not q.actor.code and q.actor.sector in local and q not in stateless


def _organs_before(coded: Coded, state: ArticleState) -> list[Party]:
    """"Four suspects had been arrested" in a story last set in Dhaka, no one attacking there before: Bangladesh's
    organs (events.yaml state_acts), inherited, where the people acted on are of that country too (not "an agent of
    the Russian Federation was detained" by Russia, the country last named); a subject that names no side ("six
    countries have launched investigations into Russia's war crimes") is someone told, not no one."""
    last = state.last_place
    if last is None or not last.country or any(r.actor.country != last.country for r in coded.recipients) \
            or not coded.recipients or _told_with_subject(coded.trigger):
        return []
    return [Party(q.actor, inherited=True) for q in _implied_actors(coded, last, protest=False)]


def _told_with_subject(trigger: Token) -> bool:
    """An active clause with a subject ("six countries have launched investigations"): someone is told doing it, though
    no side; a passive's "by" phrase may be a date the parse misread ("By May 1, four suspects had been arrested")."""
    return not syn.is_passive(trigger) and syn.subject(trigger) is not None


def _implied_actors(coded: Coded, loc: Place, protest: bool = True) -> list[Party]:
    """Who does an act no one is told doing, by the clause's place: "mass protests in Nairobi": Kenyans protest; "was
    detained in Moscow" (events.yaml state_acts): Russia's organs, though not in a clause describing someone ("Krieger,
    who was sentenced to death in Belarus in July": his story, told as background). With no place in the clause, the
    place the text last named says whose organs act (`protest` False: not who protests)."""
    if coded.pattern.type == "PROTEST" and protest:
        return [Party(Actor(text=loc.text, name=loc.name, country=loc.country, sector="CVL"))]
    if coded.pattern.mode in state_acts().modes and coded.trigger.dep_ not in ("acl", "acl:relcl"):
        return [Party(actor_kb.sector_actor(loc.text, loc.country, "GOV"))]
    return []


def _unsponsor(coded: Coded) -> None:
    """"Iran supplied the militants with drones": an armed group a state arms, backs or works with (events.yaml
    placed_sectors sponsored_types) whose own words name no country is not that state's by the story's count."""
    rule = placed_sectors()
    if coded.pattern.type not in rule.sponsored:
        return
    givers = {a.actor.country for a in coded.actors if a.actor.country}
    for r in coded.recipients:
        if r.actor.sector in rule.groups and r.actor.country in givers and not actor_kb.names_a_country(r.actor.text):
            r.actor = r.actor.model_copy(update={"country": None, "id": None})


def _place_civilians(coded: Coded, state: ArticleState, early: bool = False) -> None:
    """People the phrase gives no country ("killed two civilians", "arrested two suspects") are people of where
    it happened: the clause's place; else, when a state's own organ or an armed group at home acts on them, that
    state; else the place
    the text last named (marked inherited, so the confidence says it was not read from the clause). `early`, before
    the pattern's demands on the sides are weighed, people (not an organ) are placed only by the clause or by the
    organ acting on them: "residents should take precautions" in a story last set in Michigan needs no one."""
    rule = placed_sectors()
    for r in coded.recipients:
        organ = r.actor.sector in local_sectors() and not r.actor.code  # "sued the police chief": a local organ
        if r.actor.country is not None or not (r.actor.sector in rule.sectors or organ):
            continue
        country, inherited = _civilians_country(coded, r.actor, state, organ, early)
        if country is None:
            continue
        r.inherited = r.inherited or inherited
        r.actor = r.actor.model_copy(update={"country": country})


def _civilians_country(coded: Coded, actor: Actor, state: ArticleState, organ: bool,
                       early: bool) -> tuple[str | None, bool]:
    """The country `_place_civilians` gives people of none, and whether it is inherited (not read from the clause):
    the clause's place, the side's own organ acting on them, or the place the text last named, in an organ's order
    or in other people's."""
    rule = placed_sectors()
    home = local_sectors() | rule.groups  # a state's own organ, or an armed group fighting at home
    # "Iran supplied the militants with drones": a group a state arms or backs is not its own by that
    sponsored = coded.pattern.type in rule.sponsored and actor.sector in rule.groups
    domestic = None if sponsored else next(
        (a.actor.country for a in coded.actors if a.actor.country and a.actor.sector in home), None)
    last = state.last_place.country if state.last_place is not None else None
    # an organ is of the place the text is set in (the place last named, else the country it names most; both
    # inherited) before it is of the side acting on it
    here = coded.location.country if coded.location is not None else None
    order = [(here, False), *(((last, True), (state.home, True), (domestic, False)) if organ
                              else ((domestic, False), (None if early else last, True)))]
    if _named_person(actor):
        order = order[:1]  # a person named, of no country known: only the clause's own place is theirs
    return next(((c, i) for c, i in order if c), (None, False))


def _writer_side(doc: NlpDoc, tok: Token) -> str | None:
    """The side of a war whose words tell the clause at `tok`: the country of the speaker of the quotation holding it,
    else the side of the article's outlet (outlets.yaml `side`). "The enemy shelled Donetsk" in RT's words or a Russian
    minister's means Ukraine, whatever side's towns the text names; so this side comes before the war front."""
    speaker = _speaker_country(doc, tok.idx)
    return speaker if speaker and actor_kb.opponent(speaker) else outlet_side(doc.article.outlet)


def _speaker_country(doc: NlpDoc, pos: int) -> str | None:
    """The country of the speaker of the quotation (direct or not) holding the position, where it has one."""
    actor = _quote_speaker_actor(_quote_holding(doc, pos, direct_only=False))
    return actor.country if actor is not None else None


def _name_enemies(coded: Coded, front: str | None = None, final: bool = False) -> None:
    """"Ukrainian troops destroyed enemy artillery": the enemy is the other side of the conflict the actor is a side of
    (resources/conflicts); else, "Israeli jets struck enemy targets in Lebanon", the people of the clause's place
    when that is not the actor's own; else, once the other sides are placed (`final`), no side at all. "The enemy shelled
    Kharkiv": the other side of the one hit; "enemy attacks were repelled near Bakhmut", no side named: the other side
    of the country where it acted; "the enemy tried to advance in two directions", no place either: the other side of
    the war whose one side's places the text names (`front`, events.yaml war_front)."""
    loc = coded.location.country if coded.location is not None else None
    for enemies, others in ((coded.recipients, coded.actors), (coded.actors, coded.recipients)):
        mine = next((q.actor.country for q in others if q.actor.country and q.actor.id != ENEMY), None)
        for q in enemies:
            if q.actor.id == ENEMY and not q.actor.country:
                country = _enemy_country(mine, loc, enemies is coded.actors, front)
                named = {} if q.actor.text or not country else {"text": country, "name": country}  # implied: its code
                q.actor = q.actor.model_copy(update={"country": country, **named})
        if final:  # an enemy of no one known is no side
            enemies[:] = [q for q in enemies if q.actor.id != ENEMY or q.actor.country]


def _enemy_country(mine: str | None, loc: str | None, acting: bool, front: str | None = None) -> str | None:
    """The country of an enemy of the side `mine` (the other side of its conflict; a recipient: else the clause's place
    `loc` when not that side's own), or of an acting enemy whose clause names no other side: the other side of `loc`;
    with neither a side nor a place, the other side of the war the text is told from (`front`)."""
    if mine:
        country = actor_kb.opponent(mine)
        return country if country is not None or acting or loc == mine else loc
    if loc:
        return actor_kb.opponent(loc) if acting else None
    return actor_kb.opponent(front) if front else None


def _place_bare_recipients(coded: Coded) -> None:
    """"Russia attacked the hospital in Kyiv", "Ankara struck Kurdish militants in Syria": a recipient whose own words
    name no country ("the hospital", "residents") took its country from the story; the clause's place says whose
    it is. A person the knowledge base knows is of their own country wherever they meet ("Kuleba meets Blinken in
    Warsaw")."""
    loc = coded.location
    if loc is None or not loc.country:
        return
    for r in coded.recipients:
        a = r.actor
        if a.country and a.country != loc.country and not a.code and not actor_kb.names_a_country(a.text) \
                and a.id != ENEMY and not (a.id or "").startswith("person:") and not _standing_force(a, coded.pattern.type):
            r.actor = actor_kb.sector_actor(a.text, loc.country, a.sector)


def _standing_force(actor: Actor, act: str) -> bool:
    """"Ukrainian forces killed 41 troops in Kharkiv": troops are of their own side wherever they stand (events.yaml
    standing_forces); "a military base in Kharkiv" is a place (syntax.yaml place_nouns), of the place it is in; the
    troops an act of the rule's `moving` types (`act`) sends ("deployed 22 battalions near Izium") stand for the place
    they are sent to."""
    rule, words = standing_forces(), actor.text.lower().split()
    return actor.sector in rule.sectors and act not in rule.moving and bool(words) \
        and words[-1] not in syntax().place_nouns


def _same(a: Actor, b: Actor) -> bool:
    if a.id and b.id:
        return a.id == b.id
    return (a.name or a.text) == (b.name or b.text) and a.country == b.country


def _implied_target(coded: Coded, state: ArticleState) -> list[Party]:
    """Force with no named target hits the people of the place it happened: "strikes in Gaza" hit PSE,
    "a curfew in Cizre" imposed by Turkish authorities hits TUR; with no place in the clause, the place the
    text last named ("soldiers stole radioactive materials" at Chernobyl: UKR), marked inherited. An act of
    events.yaml `place_targets` ("demonstrated in Kirkuk") is aimed at the clause's place only."""
    placed = coded.type in typed_rule("place_targets").types  # "protests in Nairobi" are aimed at Kenya's rulers
    # "North and South Korea exchanged fire": sides a symmetric act pairs are each other's target, no place's people
    if (coded.type not in FORCE and not placed) or coded.recipients or _paired(coded.pattern, coded):
        return []
    loc, inherited = _target_place(coded, state, placed)
    if loc is None or loc.country is None:
        return []
    enemy = _enemy_at_home(coded, state, loc.country) if not placed else None
    if enemy is not None:
        return [Party(enemy, inherited=True)]
    return _people_of_the_place(coded, loc, inherited, placed) + (
        _listed_places_people(coded) if not inherited and not placed and loc == coded.location else [])


def _listed_places_people(coded: Coded) -> list[Party]:
    """"attacks in Mali, Niger and Burkina Faso": the people of each other country listed with the clause's own place
    (`places_listed_with_location`), one record each (ANNOTATION.md: a clause naming two recipients is two records);
    none of a country a side acting is of (its own people are no target read from a list)."""
    own = {q.actor.country for q in coded.actors}
    return [q for place in coded.listed_locations if place.country not in own
            for q in _people_of_the_place(coded, place, False, False)]


def _enemy_at_home(coded: Coded, state: ArticleState, country: str) -> Actor | None:
    """Whom force told at home fights: "Kyiv said its troops are fighting hard" after Russia's attacks: a state
    fighting at home fights whoever the article last told attacking its country, not its own people (an armed group
    at home still hits its own); else the other side of its war where events.yaml home_front says so."""
    invader = state.attackers.get(country)
    home = [a for a in coded.actors if a.actor.country == country and a.actor.sector not in placed_sectors().groups]
    if invader is not None and home:
        return invader
    return _home_front(coded, country)


def _people_of_the_place(coded: Coded, loc: Place, inherited: bool, placed: bool) -> list[Party]:
    """The people of the place (its rulers, for an act of `place_targets`), unless a side acting is named by a place
    of that country (`_place_itself_acting`): force then has no target read, an act of self_targets `unsure_types`
    keeps it, marked unsure (`Coded.self_placed`)."""
    if _place_itself_acting(coded, loc):
        if coded.type not in self_targets().unsure_types:
            return []
        coded.self_placed = True
    return [Party(Actor(text=loc.text, name=loc.name, country=loc.country, sector="GOV" if placed else "CVL"),
                  inherited=inherited)]


def _place_itself_acting(coded: Coded, loc: Place) -> bool:
    """"Chile has refused reporters access" after a town of Chile, "thousands demonstrated in Lima": a side acting is
    named by a place of the target's country (the country itself, or the place standing for a crowd or organ of no
    country of its own), so the place's people or rulers would be the actor itself (events.yaml self_targets: force
    then has no target read, a protest keeps the place's rulers, unsure); a people named by its demonym ("Iraqi Kurds")
    or a body ("Chilean police") is no place."""
    rule = self_targets()
    return coded.type in rule.types | rule.unsure_types and any(
        a.actor.country == loc.country and not a.actor.code and _named_by_a_place(a.actor, loc) for a in coded.actors)


def _named_by_a_place(actor: Actor, loc: Place) -> bool:
    """The actor's words are the place's own ("thousands demonstrated in Lima": Lima) or name a place of its country
    (the country itself, a town of it), not a people or a body of it."""
    place = actor_kb.resolve_place(actor.text)
    return actor.text == loc.text or (place is not None and place.country == loc.country)


def _target_place(coded: Coded, state: ArticleState, placed: bool) -> tuple[Place | None, bool]:
    """Where an unnamed target is, and whether inherited: the clause's place, else (no `place_targets` act) the place
    the text last named, where within reach (`_within_reach`)."""
    loc, inherited = coded.location, False
    if (loc is None or loc.country is None) and not placed:
        loc, inherited = state.last_place, True
    if loc is None or loc.country is None or inherited and not _within_reach(coded, loc.country, state):
        return None, inherited
    return loc, inherited


def _within_reach(coded: Coded, country: str, state: ArticleState) -> bool:
    """"Some soldiers even stole highly radioactive materials" (Russians, after "nearby Belarus"), "the march will not
    be allowed" (Uganda, after Kenya): a target the clause does not place is of the country the text last named only
    where that is the actor's own or one the story is about (`_leading`), not a country told of in passing."""
    mine = {a.actor.country for a in coded.actors if a.actor.country}
    return not mine or country in mine or country in state.leading


def _place_war_victims(coded: Coded) -> None:
    """"Russian forces killed eight civilians", "Russian shelling hit Europe's largest nuclear power plant": people or
    things that neither their own words nor a place of the clause or the text give a country, hit by a state's force
    (events.yaml home_front, as `_home_front` reads it) that is a side of a war (resources/conflicts), are of the other
    side of that war (inherited, so the confidence says it was implied); a target not named stays unnamed."""
    sides = [q.actor for q in coded.actors]
    countries = {a.country for a in sides}
    if len(countries) != 1 or None in countries or not _state_force(coded, sides):
        return
    enemy = actor_kb.opponent(str(next(iter(countries))))
    for r in coded.recipients if enemy else []:
        if r.actor.country is None and not r.actor.code and r.actor.id != ENEMY:
            r.actor, r.inherited = r.actor.model_copy(update={"country": enemy}), True


def _state_force(coded: Coded, sides: list[Actor]) -> bool:
    """Every side a state's force whose own words name its country, of events.yaml home_front's sectors for its types
    (or the state itself, or its government, for `state_types`)."""
    rule = home_front()
    return bool(sides) and all(
        not a.code and actor_kb.names_a_country(a.text)
        and ((a.sector in rule.sectors and coded.type in rule.types)
             or ((a.sector or "") in rule.state_sectors and coded.type in rule.state_types)) for a in sides)


def _home_front(coded: Coded, country: str) -> Actor | None:
    """"The Armed Forces of Ukraine are conducting a counteroffensive in the Kherson region", "Putin unleashed the war"
    after a sentence naming Russia: a state's force (events.yaml home_front: its sectors, for its types; the state
    itself or its government only for `state_types`) aimed at no one named, where it acts on its own country's soil,
    fights the other side of its war (resources/conflicts), not its own people."""
    sides = [q.actor for q in coded.actors]
    # a side its own words make that country's ("seven artillery attacks" took its country from the place: no side)
    if any(a.country != country for a in sides) or not _state_force(coded, sides):
        return None
    enemy = actor_kb.opponent(country)
    return Actor(text=enemy, name=enemy, country=enemy) if enemy else None


def _reciprocal(tok: Token) -> bool:
    """"accused each other", "blame one another": the verb's object is a reciprocal (syntax.yaml reciprocals)."""
    def pairs(o: Token) -> set[str]:  # the object with the word before or after it, whichever the parse made head
        doc = o.doc
        return {f"{doc[i].lower_} {doc[i + 1].lower_}" for i in (o.i - 1, o.i) if 0 <= i and i + 1 < len(doc)}
    return any(pairs(o) & syntax().reciprocals for o in syn.children(tok, "obj", "iobj"))


def _pairs(coded: Coded) -> list[tuple[Party | None, Party | None]]:
    actors: list[Party | None] = list(coded.actors) or [None]
    recipients: list[Party | None] = list(coded.recipients) or [None]
    if (coded.pattern.symmetric or coded.reciprocal) and len(coded.actors) > 1 and not coded.recipients:
        # "X, Y and Z had a summit": the first named acts on the others, as an analyst codes a meeting of three
        if _matter_between(coded) or len(coded.actors) > 2:
            return [(coded.actors[0], r) for r in coded.actors[1:]]
        return [(a, coded.actors[(i + 1) % len(coded.actors)]) for i, a in enumerate(coded.actors)]
    if coded.pattern.symmetric and coded.pattern.members and coded.recipients:
        # "fighting between Russian and Ukrainian forces": each side fights the other
        return [pair for a in actors for r in recipients for pair in ((a, r), (r, a))]
    return [(a, r) for a in actors for r in recipients]


def _key(ev: Event) -> tuple[object, ...]:
    def side(a: Actor | None) -> object:
        return None if a is None else (a.id or a.name or a.text, a.country)
    return (ev.type, side(ev.actor), side(ev.recipient), ev.location.name if ev.location else None,
            ev.negated, ev.hypothetical, ev.historical)


def events_of(doc: NlpDoc, coded: Coded, sentence: Span, index: int, day: str | None = None) -> list[Event]:
    """The act's events, one a pair of its sides (a pair of nonpolitical sectors only is none), each dated and given
    the confidence its features read."""
    tok = coded.trigger
    date, historical = _act_time(doc, tok, sentence, day)
    if coded.pattern.made_when_said:
        historical = _said_before(doc, tok, sentence, day)
    lo, hi = trimmed(sentence, doc.body)
    out = []
    pairs = _pairs(coded)
    for a, r in pairs:
        actor = a.actor if a is not None else None
        recipient = r.actor if r is not None else None
        if _business_only(actor, recipient):
            continue  # "several companies signed agreements with Lukoil, including U.S. firm Carlyle and Saudi X"
        mode = coded.pattern.mode if coded.type == coded.pattern.type else None
        ev = Event(type=coded.type, mode=mode, actor=actor, recipient=recipient,
                   location=coded.location, date=date, historical=historical, negated=coded.negated,
                   hypothetical=coded.hypothetical, text=doc.body[lo:hi], start=lo, end=hi, trigger=tok.text, pattern=coded.pattern_id,
                   reported_by=coded.reported_by,
                   score=plover_score(coded.type, mode))
        inherited = bool((a and a.inherited) or (r and r.inherited))
        listed = bool((a and a.listed) or (r and r.listed))
        _set_confidence(doc, coded, ev, inherited=inherited, index=index, fanout=len(pairs), listed=listed)
        out.append(ev)
    return out


def _act_time(doc: NlpDoc, tok: Token, sentence: Span, day: str | None) -> tuple[str | None, bool]:
    """(date, historical) of the act the trigger tells: its clause's date, the sentence's, or `day` (the day the
    sentence before told of); background where told as standing, a habit, a description, a state or a run of acts."""
    clause = (min(t.idx for t in tok.subtree), max(t.idx + len(t) for t in tok.subtree))
    # the day the sentence before told of: for a past act told outside a quote ("In the same call, Putin accused")
    told = day if tok.tag_ in ("VBD", "VBN") and not _in_quote(doc, tok.idx) else None
    present = syn.is_present(tok)  # "is seeking": an -ing form with a present auxiliary is going on now
    # told as now: an -ing form ("is seeking") or a simple present ("The US wants the UK to extradite Assange ... in
    # 2010"): a date in its clause names a thing, not the act
    date, historical = event_time(doc, sentence, clause, present, syn.own_clause(tok), told, asides(tok),
                                  ongoing=present and tok.tag_ in ("VBG", "VBZ", "VBP"))
    historical = historical or told_as_standing(tok) or told_as_habit(tok) or told_as_description(doc, tok) \
        or told_as_state(doc, tok) or told_as_run(doc, tok)
    return date, historical


def _said_before(doc: NlpDoc, tok: Token, sentence: Span, day: str | None) -> bool:
    """A charge made when said (events.yaml made_when_said) is as old as its saying, not as the deeds it charges
    ("Zelensky: Russia violated 400 treaties since 2014" is a charge made now): background only where the verb of
    speaking it is the complement of is ("In 2014, Kyiv said Russia had violated the memorandum"); with none (a
    headline's "Name:", a quotation's speaker) or told in the present ("Kyiv says Russia has violated 40 treaties since
    2014": the date is the deeds') it is made when the text tells it."""
    saying = next((g for g in syn.governors(tok) if syn.is_verb(g)), None)
    return saying is not None and not syn.is_present(saying) and _act_time(doc, saying, sentence, day)[1]


def _set_confidence(doc: NlpDoc, coded: Coded, ev: Event, *, inherited: bool, index: int, fanout: int,
                    listed: bool) -> None:
    """The event's confidence, from the features of its telling, which are kept for the confidence fitter."""
    tok = coded.trigger
    x = features(ev, coded.pattern, inherited=inherited, sentence_index=index, in_quote=_in_quote(doc, tok.idx),
                 trigger=tok, sentences=len(doc.sentences()), fanout=fanout, quoted_phrase=_quoted_phrase(doc, tok),
                 placed_only=coded.placed_only, self_placed=coded.self_placed,
                 unclear_sense=unclear(coded.pattern_id, tok, ev.actor, ev.recipient),
                 given_ground=told_as_given(doc, tok),
                 guessed_verb=syn.guessed_verb(tok), listed_place=listed)
    ev.confidence = confidence(x)
    doc.extras.setdefault("event_features", {})[id(ev)] = x
    # every coding, merged ones too: an event told again takes its most confident telling's confidence, so the
    # confidence fitter scores a refit over all of an event's tellings (benchmarks/fit_event_confidence.py)
    doc.extras.setdefault("event_codings", []).append((ev.start, ev.end, ev.type, x))


def _business_only(actor: Actor | None, recipient: Actor | None) -> bool:
    """A pair of sides all of nonpolitical sectors (events.yaml) is no event, though another pair of its clause is."""
    sides = [s for s in (actor, recipient) if s is not None]
    return bool(sides) and all(s.sector in nonpolitical_sectors() for s in sides)


def _in_quote(doc: NlpDoc, pos: int) -> bool:
    return _quote_holding(doc, pos) is not None


def _quoted_phrase(doc: NlpDoc, tok: Token) -> bool:
    """The trigger is in a quotation that the narrator's own clause uses as a phrase of its own (events.yaml
    quoted_phrases): the first word above it outside the quotation takes the quoted words as its subject, object,
    modifier ("the minister spoke of \"the savage bombardment of Mariupol\""), not as what someone said."""
    quote = _quote_holding(doc, tok.idx)
    if quote is None or quote.start <= tok.sent.root.idx < quote.end:
        return False  # a quotation holding its sentence's root is what is said, whatever the parse hangs below it
    inner = tok
    while inner.head.i != inner.i:
        if not quote.start <= inner.head.idx < quote.end:
            return not _reported(inner)
        inner = inner.head
    return False


def _reported(top: Token) -> bool:
    """The head of quoted words, hung on the narrator's: reported as said ("\"...,\" the governor said"), or a clause of
    their own, with its own subject, joined to them ("Blinken said, but \"there will be consequences\"")."""
    rule = quoted_phrases()
    dep = top.dep_.split(":")[0]
    own_subject = bool(syn.children(top, *syn.SUBJECT_DEPS, "nsubj:pass", "expl"))
    return dep in rule.speech_deps or (dep in rule.clause_deps and own_subject)


def _attacked_country(ev: Event) -> str | None:
    """The country a current, affirmed use of force by another country's side was on, else None."""
    if ev.type not in FORCE or ev.negated or ev.hypothetical or ev.historical:
        return None
    if ev.actor is None or not ev.actor.country or ev.recipient is None or not ev.recipient.country:
        return None
    return ev.recipient.country if ev.recipient.country != ev.actor.country else None


def _subject_actor(doc: NlpDoc, sentence: Span, state: ArticleState) -> Actor | None:
    """"The UN Security Council met on Friday. It called on Israel ...": a sentence that tells of no act still names
    what an "it" of the next one stands for, its main verb's subject, where a name of an organisation or a country."""
    # its first token labelled ROOT (not Span.root: a sentence the parse split wrong can crash it)
    k = bisect_left(state.roots, sentence.start)
    root = doc.tokens[state.roots[k]] if k < len(state.roots) and state.roots[k] < sentence.end else None
    subjects = [t for t in syn.children(root, "nsubj") if t.pos_ == "PROPN"] if root is not None else []
    found = party(doc, subjects[0], state) if subjects else None
    actor = found.actor if found is not None else None
    if actor is None or not (actor.country or actor.code) or (actor.id or "").startswith("person:"):
        return None
    return actor


def _remember(doc: NlpDoc, sentence: Span, state: ArticleState, events: list[Event]) -> None:
    actors = [e.actor for e in events if e.actor is not None and (e.actor.country or e.actor.code)]
    state.last_subject = None if actors else _subject_actor(doc, sentence, state)
    state.last_actor = actors[-1] if actors else state.last_actor
    state.last_pair = _last_pair(events) or state.last_pair
    _remember_doers(state, events)
    for ev in events:
        attacked = _attacked_country(ev)
        if attacked and ev.actor is not None:
            state.attackers[attacked] = ev.actor
            on_group = ev.recipient is not None and ev.recipient.sector in placed_sectors().groups
            state.on_groups = state.on_groups | {attacked} if on_group else state.on_groups - {attacked}
    state.last_scene = _last_scene(events) or state.last_scene
    named = _entities_in(doc, sentence)
    state.countries |= _countries_of(named)
    _remember_place(state, named)


def _remember_place(state: ArticleState, named: list[Entity]) -> None:
    """The last place the sentence names, for a later act told with none; a state of the past ("Soviet-era", "the
    USSR") is no place a later act happens in."""
    for e in named:
        if e.type not in ("GPE", "LOC"):
            continue
        place = actor_kb.resolve_place(e.text)
        if place is not None and place.country and not actor_kb.historical_country(place.country):
            state.last_place = place


def _last_scene(events: list[Event]) -> Actor | None:
    """The recipient of the last move of forces or force the sentence told (events.yaml place_pointers scene_types)."""
    scene_types = place_pointers().scene_types
    return next((ev.recipient for ev in reversed(events) if ev.type in scene_types and not ev.negated
                 and ev.recipient is not None and ev.recipient.country), None)


def _remember_doers(state: ArticleState, events: list[Event]) -> None:
    """Who did the acts of each type the sentence tells as done (none where they had no side), for a later "the
    attack" (`_referred_doers`); and the country of each armed sector acting, for a later "the troops"."""
    told = [e for e in events if not (e.negated or e.hypothetical or e.historical)]
    for type_ in {e.type for e in told}:
        doers = [e.actor for e in told if e.type == type_ and e.actor is not None and (e.actor.country or e.actor.code)]
        state.last_doers[type_] = [a for i, a in enumerate(doers) if not any(_same(a, b) for b in doers[:i])]
    _remember_forces(state, events)


def _remember_forces(state: ArticleState, events: list[Event]) -> None:
    """The country of each armed sector acting in the sentence, for a later "the troops" (`_force_told_before`)."""
    state.last_forces.update({e.actor.sector: e.actor.country for e in events if e.actor is not None
                              and e.actor.sector in _FORCE_SECTORS and e.actor.country})


def _last_pair(events: list[Event]) -> tuple[Actor, Actor] | None:
    """The sides of the last of the events told between two countries (or bodies)."""
    pairs = [(e.actor, e.recipient) for e in events if e.actor is not None and e.recipient is not None
             and (e.actor.country or e.actor.code) and (e.recipient.country or e.recipient.code)
             and (e.actor.country or e.actor.code) != (e.recipient.country or e.recipient.code)]
    return pairs[-1] if pairs else None


def extract_events(doc: NlpDoc) -> list[Event]:
    """PLOVER events of the body: one per happening, actor and recipient, with its sentence's offsets."""
    events: list[Event] = []
    seen: dict[tuple[object, ...], Event] = {}
    named = actor_kb.most_named(doc.body)
    home = named[0][0] if named else None
    named_places = _named_places(doc)
    places = _place_counts(named_places)
    state = ArticleState(home=home, setting=_article_setting(places), leading=_leading(places, home),
                         front=_war_front(named_places))
    furniture = doc.furniture()
    state.roots = _repair_tree(doc)
    triggers = syn.word_tokens(doc.tokens, trigger_forms())  # the only tokens `matches` looks up
    ordinal = 0  # sentences with words, in order: the day a sentence tells of carries to the next one only
    headings: list[tuple[int, int]] = []  # the headline and sub-headings: lines with no closing stop
    for index, sentence in enumerate(doc.tokens.sents):
        if sentence.start_char in furniture or not any(t.is_alpha for t in sentence):
            continue
        ordinal += 1
        if _headline(sentence, doc.body):
            headings.append((sentence.start_char, sentence.end_char))
        told_as = _sentence_acts(doc, sentence, index, ordinal, triggers, state)
        found = [ev for _, evs in told_as for ev in evs]
        state.act_words.update((id(ev), _act_words(c.trigger)) for c, evs in told_as for ev in evs)
        stated = told_day(doc, sentence)
        state.told_day = (ordinal, stated) if stated is not None else None
        _keep(events, seen, _told_verbatim(_one_per_happening(found), told_as, state), _unowned(told_as),
              _nominal(told_as))
        _remember(doc, sentence, state, found)
    told = _retold_with_fewer_sides(_headline_told_again(events, headings), state.act_words)
    return _stances_told_below(_retold_unread(doc, told, headings), headings)


def _sentence_acts(doc: NlpDoc, sentence: Span, index: int, ordinal: int, triggers: frozenset[int],
                   state: ArticleState) -> list[tuple[Coded, list[Event]]]:
    """A sentence's coded triggers, each with its events, apart from the main loop so that it stays readable: the day
    the sentence before told carries to this one only, and a trigger that is another's content or a capability tells
    no event of its own."""
    told = state.told_day
    day = told[1] if told is not None and told[0] == ordinal - 1 else None
    tried = (doc.tokens[i] for i in range(sentence.start, sentence.end) if i in triggers)
    acts = [c for c in (code_trigger(doc, tok, state) for tok in tried) if c is not None]
    coded = [(c, events_of(doc, c, sentence, index, day)) for c in acts if not _content_of(c, acts)
             and not syn.capability(c.trigger)]
    return [(c, evs) for c, evs in coded if not _told_by_a_fuller_act(c, evs, coded)]


def _told_by_a_fuller_act(coded: Coded, evs: list[Event], told: list[tuple[Coded, list[Event]]]) -> bool:
    """"One person killed in Russian shelling of Rubizhne", "last shelling killed a woman": force naming no side's
    country, whose trigger and that of an act of its type naming both sides stand one inside the other's phrase, is
    that act's harm told in the same breath: one happening, kept as the act that names its sides."""
    if coded.type not in FORCE or not evs or any(_of_country(ev.actor) or _of_country(ev.recipient) for ev in evs):
        return False
    tok = coded.trigger
    return any(c.type == coded.type and c.trigger != tok and _names_both_sides(other) and _one_inside(c.trigger, tok)
               for c, other in told)


def _names_both_sides(evs: list[Event]) -> bool:
    """One of the events names the country of its actor and of its recipient."""
    return any(_of_country(e.actor) and _of_country(e.recipient) for e in evs)


def _one_inside(a: Token, b: Token) -> bool:
    """One trigger stands inside the other's phrase (the two in one parsed sentence: their subtrees are written)."""
    return a in b.subtree or b in a.subtree


def _of_country(side: Actor | None) -> bool:
    """A side read with a country."""
    return side is not None and side.country is not None

def _told_verbatim(found: list[Event], told_as: list[tuple[Coded, list[Event]]], state: ArticleState) -> list[Event]:
    """A sentence's events less those an earlier sentence told in the same words: the same type, as told, its trigger
    in the same run of words ("09.10.22 07:20 - ...: Ukrainian defenders repelled Russian attacks in the areas of 9
    settlements." under the title that says it word for word), with no side another's than the earlier one's. Such an
    event is a mention of the earlier one, which takes its sides where it names more of them (one happening told
    twice, ANNOTATION.md)."""
    words = {id(ev): _run_of_words(c.trigger) for c, evs in told_as for ev in evs}
    out: list[tuple[tuple[object, ...], Event]] = []
    for ev in found:
        key: tuple[object, ...] = (ev.type, ev.negated, ev.hypothetical, ev.historical, words[id(ev)])
        first = next((o for o in state.told_words.get(key, []) if _sides_agree(o, ev)), None) if key[-1] else None
        if first is None:
            out.append((key, ev))
            continue
        first.mentions += [TextSpan(text=ev.text, start=ev.start, end=ev.end), *ev.mentions]
        if _sides_named(ev) > _sides_named(first):
            first.actor, first.recipient = ev.actor, ev.recipient
        first.confidence = max(first.confidence, ev.confidence)
    for key, ev in out:  # the sides of one clause ("killed two soldiers and two guards") are each their own event
        state.told_words.setdefault(key, []).append(ev)
    return [ev for _, ev in out]


def _run_of_words(trigger: Token, reach: int = 4) -> tuple[str, ...]:
    """The words around the trigger up to `reach` on each side, within its run of words and numbers (no punctuation
    between them), lower case; none where the run has fewer than three words."""
    def run(step: int) -> list[str]:
        out: list[str] = []
        i = trigger.i + step
        while len(out) < reach and trigger.sent.start <= i < trigger.sent.end and \
                (trigger.doc[i].is_alpha or trigger.doc[i].like_num):
            out.append(trigger.doc[i].lower_)
            i += step
        return out
    words = (*reversed(run(-1)), trigger.lower_, *run(1))
    return words if len(words) >= 3 else ()


def _sides_agree(a: Event, b: Event) -> bool:
    """No side of one is of another country or body than the other's (a side one leaves unnamed, or names no country
    or body of, agrees)."""
    return all(not _of_side(x) or not _of_side(y) or _same_side(x, y)
               for x, y in ((a.actor, b.actor), (a.recipient, b.recipient)))


def _of_side(actor: Actor | None) -> TypeGuard[Actor]:
    """A side with a country or a body code."""
    return actor is not None and bool(actor.country or actor.code)


def _sides_named(ev: Event) -> int:
    return sum(1 for a in (ev.actor, ev.recipient) if _of_side(a))


def _act_words(trigger: Token) -> frozenset[str]:
    """What an act was done to, where and how much, in words two tellings of one happening share: the names (not of a
    whole country, which every act of a war shares), the noun objects and the counts of its clause, its doer's words
    and the calendar left out ("reached an agreement in Beijing", "3,238 civilians killed")."""
    doer = {t.i for s in syn.children(trigger, "nsubj") for t in s.subtree if not t.like_num}
    told = [t for t in trigger.subtree if t.i not in doer and t.i != trigger.i]
    if trigger.dep_ in ("advcl", "xcomp", "conj"):  # "smashed the enemy column, destroying 3 tanks": the column too
        told += [t for o in syn.children(trigger.head, "obj") for t in o.subtree]
    return frozenset(t.lower_ for t in told if _telling_word(t))


def _telling_word(tok: Token) -> bool:
    """A name that is no whole country's and no day's, a noun object, or a count of things ("3,238 civilians")."""
    if syn.calendar_word(tok):
        return False
    if tok.pos_ == "PROPN":
        return not actor_kb.names_a_whole_country(tok.text)
    if tok.like_num:
        return tok.dep_ == "nummod" and tok.head.pos_ == "NOUN" and any(ch.isdigit() for ch in tok.text)
    return tok.pos_ == "NOUN" and tok.dep_ == "obj"


def _retold_with_fewer_sides(events: list[Event], act_words: dict[int, frozenset[str]]) -> list[Event]:
    """"They had reached an agreement" after "Hamas and Fatah have signed an agreement in Beijing"; "3,238 civilians
    killed in Ukraine" over "... says that 3,238 civilians have been killed in Ukraine since the Russian invasion": a
    telling that leaves a side unknown (or names for it only the victims' own people or place) and another of the
    article that names both, of the same kind of act as told, on no other day, sharing a word of what was done
    (`_act_words`), are one happening: an analyst annotates the clearest statement once (ANNOTATION.md), so the one
    naming both sides is kept and the other is its mention."""
    full = [ev for ev in events if _sides_full(ev)]
    out = []
    for ev in events:
        fuller = None if _sides_full(ev) else next(
            (o for o in full if _fills_sides(ev, o) and _shares_act(ev, o, act_words)), None)
        if fuller is None:
            out.append(ev)
            continue
        fuller.mentions += [TextSpan(text=ev.text, start=ev.start, end=ev.end), *ev.mentions]
        fuller.confidence = max(fuller.confidence, ev.confidence)
    return out


def _shares_act(a: Event, b: Event, act_words: dict[int, frozenset[str]]) -> bool:
    """A word of what was done in both tellings (`_act_words`), or the same place named below a country's level."""
    if act_words.get(id(a), frozenset()) & act_words.get(id(b), frozenset()):
        return True
    return a.location is not None and b.location is not None and a.location.name == b.location.name \
        and a.location.id != a.location.country


def _sides_full(ev: Event) -> bool:
    """Both sides named, the doer not only as the victims' people or place, the recipient not only where it was."""
    return _of_side(ev.actor) and _of_side(ev.recipient) and not _victims_only(ev.actor) and not _own_ground(ev)


def _victims_only(side: Actor) -> bool:
    """Civilians or a place: who or where an act hurt, which a headline with no doer codes as a side ("Three people
    killed in Trostianets")."""
    return side.sector == "CVL" or (side.id or "").startswith("place:")


def _fills_sides(ev: Event, fuller: Event) -> bool:
    """`fuller` tells `ev` with its sides filled in: the same kind of act as told, on no other day, one side the same,
    and each other side of `ev` unknown, the same, or the victims' people or place of `fuller`'s recipient."""
    if not (_told_alike(ev, fuller) and _same_day(ev, fuller)):
        return False
    if not _anchored(ev, fuller):
        return False
    victims = fuller.recipient.country if fuller.recipient is not None else None
    if _own_ground(ev):  # "National Guard destroyed a column in Donetsk region": where, not whom
        return _same_party(ev.actor, fuller.actor)
    return all(not _of_side(a) or _same_side(a, b) or (_victims_only(a) and a.country == victims)
               for a, b in ((ev.actor, fuller.actor), (ev.recipient, fuller.recipient)) if b is not None)


def _anchored(ev: Event, fuller: Event) -> bool:
    """A side of `ev` is `fuller`'s: the same country (or body); where `fuller` is between two of one country's own
    ("Grisham accused the Democrats"), the same one named ("The Democrats are alleging ..." is another happening)."""
    domestic = fuller.actor is not None and fuller.recipient is not None \
        and fuller.actor.country == fuller.recipient.country
    return any(_same_party(a, b) and (not domestic or _same_body(a, b))
               for a, b in ((ev.actor, fuller.actor), (ev.recipient, fuller.recipient)))


def _same_body(a: Actor | None, b: Actor | None) -> bool:
    """Not two different people or bodies named: the same id, or one of them with none."""
    return a is None or b is None or not (a.id and b.id) or a.id == b.id


def _own_ground(ev: Event) -> bool:
    """The recipient is a place in the doer's own country: where the act was, not whom it was done to."""
    return ev.actor is not None and ev.recipient is not None and (ev.recipient.id or "").startswith("place:") \
        and ev.actor.country is not None and ev.actor.country == ev.recipient.country


def _repair_tree(doc: NlpDoc) -> list[int]:
    """The event rules' repairs of the parse; the tokens labelled ROOT after them, in order (no label changes later)."""
    verb_forms = by_lemma()  # a verb the parse misread is one of the verbs the patterns know

    def known_verb(tok: Token) -> bool:
        return (tok.lower_, "VERB") in verb_forms

    syn.repair_adjectival_clauses(doc.tokens)
    syn.repair_reported_clauses(doc.tokens)
    syn.repair_detached_subjects(doc.tokens, known_verb)
    syn.repair_conjoined_participles(doc.tokens, known_verb)
    syn.repair_fronted_subjects(doc.tokens)
    syn.repair_inverted_subjects(doc.tokens)
    syn.repair_stranded_subjects(doc.tokens)
    syn.repair_compound_subjects(doc.tokens)
    syn.repair_dash_asides(doc.tokens)
    names_found = _entity_tokens(doc, ("PERSON", "GPE", "ORG"))
    syn.repair_name_lists(doc.tokens, lambda tok: tok.i in names_found)
    syn.repair_owner_attachment(doc.tokens, _is_role)
    syn.repair_double_objects(doc.tokens, lambda tok: _names_side(doc, tok))
    syn.repair_verbless_headlines(doc.tokens, known_verb)
    syn.repair_participle_objects(doc.tokens, known_verb, syn.calendar_word)
    syn.repair_plural_verbs(doc.tokens, known_verb)
    syn.repair_adjective_verbs(doc.tokens, known_verb)
    syn.repair_infinitive_nouns(doc.tokens, known_verb)
    syn.repair_gerund_headlines(doc.tokens, known_verb)
    syn.repair_plural_callers(doc.tokens, _addresses, _asks_for)
    sides_named = _entity_tokens(doc, ("PERSON", "GPE", "ORG", "NORP"))  # after the repairs above: only what they left
    syn.repair_root_plurals(doc.tokens, headline_verb_form, lambda tok: tok.i in sides_named)
    syn.repair_participle_callers(doc.tokens, _addresses)
    syn.repair_glued_subjects(doc.tokens)
    return [t.i for t in syn.labelled(doc.tokens, "ROOT")]


def headline_verb_form(tok: Token) -> bool:
    """A plural syntax.repair_root_plurals may read as a headline's verb: the form of a verb the patterns know, that no
    noun pattern takes as it is."""
    return (tok.lower_, "VERB") in by_lemma() and not _event_noun(tok)


def _event_noun(tok: Token) -> bool:
    """A plural the noun patterns know ("attacks on Kharkiv", "sanctions against Belarus"): coded as that noun already,
    so no headline repair reads it as a verb."""
    return any((w, "NOUN") in by_lemma() for w in (tok.lower_, tok.lemma_.lower()))


def _addresses(tok: Token, prep: str) -> bool:
    """A verb of this form has a pattern of a verbal act whose recipient the oblique of `prep` names ("calls on")."""
    return any(prep in p.recipient for p in _verbal_patterns(tok))


def _asks_for(tok: Token, prep: str) -> bool:
    """A verb of this form has a pattern of a verbal act that needs an oblique of `prep` ("calls for")."""
    return any(prep in p.preps for p in _verbal_patterns(tok))


def _verbal_patterns(tok: Token) -> list[Pattern]:
    """The patterns of verbal acts a verb of this form may fire (syntax repairs ask what such a verb takes)."""
    return [p for p in by_lemma().get((tok.lower_, "VERB"), ()) if _verbal(p.type)]


@lru_cache(maxsize=1)
def trigger_forms() -> frozenset[str]:
    """Every form and lemma some pattern fires on."""
    return frozenset(form for form, _ in by_lemma())


def _unowned(told_as: list[tuple[Coded, list[Event]]]) -> set[int]:
    """Force told with no one doing it in its clause ("29 people were injured in the attack"): no doer at all, or only
    one the story implied (`_unnamed_attacker`: "A woman was also injured in that attack" after "a man was killed in
    a drone strike" is that strike's casualty, one happening told again, not a second attack)."""
    return {id(ev) for c, evs in told_as if c.type == "ASSAULT" and syn.subject(c.trigger) is None
            for ev in evs if ev.actor is None or _doer_implied(c)}


def _doer_implied(coded: Coded) -> bool:
    """Every actor of the act was read from outside its clause (the attacker told before, the other side of the
    war) and the clause points back at an act told before ("in that attack": events.yaml casualties_retold)."""
    rule = casualties_retold()
    return coded.type in rule.types and bool(coded.actors) and all(p.inherited for p in coded.actors) \
        and _points_back(coded.trigger, rule.words)


def _points_back(trigger: Token, determiners: frozenset[str]) -> bool:
    """An oblique of the trigger whose noun is an attack noun (syntax.yaml attack_nouns) with a pointing determiner."""
    return any(_lemma_in(o, syntax().attack_nouns) and any(d.lower_ in determiners for d in syn.children(o, "det"))
               for o in syn.children(trigger, "obl"))


def _nominal(told_as: list[tuple[Coded, list[Event]]]) -> set[int]:
    """Acts told by a noun ("provoked by the US assault on Fallujah", "the talks between them")."""
    return {id(ev) for c, evs in told_as if c.trigger.pos_ in ("NOUN", "PROPN") for ev in evs}


def _keep(events: list[Event], seen: dict[tuple[object, ...], Event], found: list[Event], unowned: set[int],
          nominal: set[int]) -> None:
    """Adds a sentence's events to the article's; one told again is a mention of the first telling: the same sides
    and place, or force with no one doing it in its clause that an earlier sentence tells in full, or an act told
    by a noun that an earlier sentence told between the same countries ("US Marines moved into Fallujah ... the
    battles were provoked by the US assault on Fallujah")."""
    for ev in found:
        first = seen.get(_key(ev)) or (_struck_before(ev, events) if id(ev) in unowned else None) \
            or (_told_before(ev, events) if id(ev) in nominal else None) or _same_scene(ev, events)
        if first is not None:  # told again: one happening, another mention
            first.mentions.append(TextSpan(text=ev.text, start=ev.start, end=ev.end))
            first.confidence = max(first.confidence, ev.confidence)
            continue
        seen[_key(ev)] = ev
        events.append(ev)


def _same_scene(ev: Event, events: list[Event]) -> Event | None:
    """"Occupiers launched rocket attack on Druzhkivka" then "the Russians launched a rocket attack on Druzhkivka in
    the Donetsk region": an earlier sentence's act of the same kind between the same two countries (or bodies) at the
    same place named, on no other day, is the same happening told again in other words (ANNOTATION.md: annotated
    once)."""
    if not (_of_side(ev.actor) and _of_side(ev.recipient)):
        return None
    return next((o for o in reversed(events) if o.start != ev.start and _same_ground(ev, o) and _told_alike(ev, o)
                 and _same_party(ev.actor, o.actor) and _same_party(ev.recipient, o.recipient) and _same_day(ev, o)),
                None)


def _same_party(a: Actor | None, b: Actor | None) -> bool:
    """Both tellings name the side, and it is the same one."""
    return _of_side(a) and _of_side(b) and _same_side(a, b)


def _same_day(a: Event, b: Event) -> bool:
    """On no other day: the same date, or one of them undated."""
    return a.date is None or b.date is None or a.date == b.date


def _same_ground(a: Event, b: Event) -> bool:
    """Told at the same place named: its place, or the place it is aimed at ("shelled Sumy region" and "shelled the
    Yunakiv community in Sumy region"), or a region and a town in it ("in Luhansk region", "in Lysychansk")."""
    if a.location is not None and b.location is not None and _same_or_within(a.location, b.location):
        return True
    return bool(_places_of(a) & _places_of(b))


def _struck_before(ev: Event, events: list[Event]) -> Event | None:
    """"At least 29 people were injured in the attack", "he was killed": casualties of force an earlier sentence told
    with its doer ("a Hezbollah rocket hit a football field in Majdal Shams") are that happening told again: the
    latest earlier use of force by a known side on the same side (or on anyone, where the clause names no victim's
    country), at no other place named, not on another person named."""
    for other in reversed(events):
        # "one resident in the city of Toretsk was killed": elsewhere, another happening
        if not _told_alike(ev, other):
            continue
        victim = ev.recipient if _victim_named(ev.recipient) else None
        if not _of_side(other.actor):
            if _hurt_again(ev, victim, other):
                return other
            continue
        if _joins(ev, other) and (victim is None or (other.recipient is not None
                                                     and _same_victim(victim, other.recipient))):
            return other
    return None


def _joins(ev: Event, other: Event) -> bool:
    """Casualties whose attacker is only implied (`_doer_implied`) are force told before on the same day at the same
    place, unless they are a person named (a recipient of their own, ANNOTATION.md); with no doer at all, any."""
    if ev.actor is None:
        return True
    return _same_day(ev, other) and not _elsewhere(ev, other) and not (ev.recipient and _named_person(ev.recipient))


def _elsewhere(a: Event, b: Event) -> bool:
    """Each told at a place named and the places apart ("shelled Kharkiv" and "in Sumy, two were wounded")."""
    here, there = _places_of(a), _places_of(b)
    return bool(here and there) and not here & there and not (
        a.location is not None and b.location is not None and _same_place(a.location, b.location))


def _victim_named(recipient: Actor | None) -> bool:
    """A victim of a side its own words name ("two Ukrainian soldiers", "Kuleba", "the UN"): not people whose country
    was only inherited from the story ("186 children were killed" after "the invasion of the Russian Federation": of no
    side the clause names, so casualties of the force told before)."""
    if recipient is None or not (recipient.country or recipient.code):
        return False
    return bool(recipient.code) or (recipient.id or "").startswith("person:") or actor_kb.names_a_country(recipient.text)


def _hurt_again(ev: Event, victim: Actor | None, other: Event) -> bool:
    """"Number of people injured as result of rocket attack on Zaporizhzhia increased to 14" then "14 people were
    injured in Zaporizhzhia": harm by no one named told again of the same country's people, on no other day."""
    return victim is not None and other.recipient is not None and _same_victim(victim, other.recipient) \
        and _same_day(ev, other)


def _told_before(ev: Event, events: list[Event]) -> Event | None:
    """The latest earlier event that `ev` tells again: the same kind of act, each side it names of the same country
    ("Putin's test launch of a new missile ... said of Russia's missile test")."""
    return next((o for o in reversed(events) if ev.actor is not None and _retold(ev, o)), None)


def _same_victim(a: Actor, b: Actor) -> bool:
    """Of the same country (or body), and not two people each named."""
    return _same_side(a, b) and not (a.id and b.id and a.id != b.id and a.id.startswith("person:")
                                     and b.id.startswith("person:"))


def _headline_told_again(events: list[Event], headings: list[tuple[int, int]]) -> list[Event]:
    """"Ukrainian soldier killed" over "A Ukrainian soldier was killed in clashes with separatists": an event of a
    headline or sub-heading that a later one of its type under it tells again, each side it names of the same country
    (or body) as the later one's, is that event's mention, as an analyst annotates the clearest statement once; so is
    one whose recipient the later telling leaves unnamed, which then takes the heading's."""
    def fold(ev: Event, later: Event) -> None:
        later.mentions[:0] = [TextSpan(text=ev.text, start=ev.start, end=ev.end), *ev.mentions]
        later.confidence = max(later.confidence, ev.confidence)
        if not _of_side(later.recipient) and _of_side(ev.recipient):  # the heading named whom: the fuller telling
            later.recipient = ev.recipient
    return _folded(events, lambda ev: _told_below(ev, events, headings), fold)


def _folded(events: list[Event], told_in: Callable[[Event], Event | None],
            fold: Callable[[Event, Event], None]) -> list[Event]:
    """The events less those another one tells again (`told_in`), each folded into that one (`fold`)."""
    out = []
    for ev in events:
        into = told_in(ev)
        if into is None:
            out.append(ev)
        else:
            fold(ev, into)
    return out


def _retold_unread(doc: NlpDoc, events: list[Event], headings: list[tuple[int, int]]) -> list[Event]:
    """"Zelensky informs Johnson, Macron about Russia's new crimes" over "President of Ukraine Volodymyr Zelensky
    informed Prime Minister of the United Kingdom Boris Johnson and ...", a sentence whose parse codes nothing: a
    heading's event that no event below tells again takes as its mention the first sentence under the heading that
    names its doer's country (or its target's, where the doer has none), has a trigger word of its type and tells no
    event of that type itself, where an analyst annotates the happening (ANNOTATION.md: the clearest statement)."""
    for ev in events:
        span = _unread_retelling(doc, ev, events, headings)
        if span is not None:
            ev.mentions.append(span)
    for sentence in doc.tokens.sents:
        if (sentence.start_char, sentence.end_char) in headings:
            _heading_told_unread(doc, sentence, events, headings)
    return events


def _stances_told_below(events: list[Event], headings: list[tuple[int, int]]) -> list[Event]:
    """"NATO will continue to support Ukraine" over "NATO Allies will continue to provide assistance to Ukraine": a
    heading's stance (events.yaml heading_stances) whose heading an act of another type below has taken as a mention,
    naming the same two sides as told, is that act told in the heading's words: one happening, kept as the act below."""
    def fold(ev: Event, below: Event) -> None:
        below.mentions += [m for m in ev.mentions if not any(m.start == o.start for o in below.mentions)]
    return _folded(events, lambda ev: _stance_told_below(ev, events, headings), fold)


def _stance_told_below(ev: Event, events: list[Event], headings: list[tuple[int, int]]) -> Event | None:
    """The act outside `ev`'s heading that holds that heading as a mention and tells `ev`'s sides, where `ev` is a
    heading's stance; else None."""
    heading = next(((lo, hi) for lo, hi in headings if lo <= ev.start < hi), None)
    if heading is None or ev.type not in typed_rule("heading_stances").types \
            or not (_of_side(ev.actor) and _of_side(ev.recipient)):
        return None
    lo, hi = heading
    return next((o for o in events if o.type != ev.type and not lo <= o.start < hi
                 and any(lo <= m.start < hi for m in o.mentions) and _told_as_alike(ev, o)
                 and _sides_agree(ev, o) and _sides_named(o) == 2), None)


def _told_as_alike(a: Event, b: Event) -> bool:
    """Negated, hypothetical and historical alike."""
    return (a.negated, a.hypothetical, a.historical) == (b.negated, b.hypothetical, b.historical)


def _heading_told_unread(doc: NlpDoc, heading: Span, events: list[Event], headings: list[tuple[int, int]]) -> None:
    """"Russian troops suffer losses and attack in Bakhmut and Avdiivka directions" over "units of the Defense Forces
    of Ukraine repelled enemy attacks ...": the converse of _unread_retelling. A heading whose parse codes no event of
    a type it has a trigger word of is where an analyst annotates the first event of that type told under it whose
    doer's country (else its target's) the heading names: that event takes the heading as its first mention."""
    lo, hi = heading.start_char, heading.end_char
    under = _under_heading_of(lo, headings)
    types = _trigger_types(heading) - {e.type for e in events if _told_within(e, lo, hi)}
    if under is None or not types:
        return
    named = _sides_in(doc, heading)
    for ev in (e for e in events if under[0] <= e.start < under[1] and e.type in types):
        if _first_side(ev) in named:
            start, end = trimmed(heading, doc.body)
            ev.mentions.insert(0, TextSpan(text=doc.body[start:end], start=start, end=end))
            types.discard(ev.type)


def _sides_in(doc: NlpDoc, sentence: Span) -> set[str]:
    """The countries of the places, peoples, people and bodies a sentence names ("Zelensky thanks Erdogan": UKR, TUR)."""
    return {e.actor.country for e in _entities_in(doc, sentence) if e.actor is not None and e.actor.country}


def _told_within(ev: Event, lo: int, hi: int) -> bool:
    """The event or one of its mentions starts between the offsets."""
    return lo <= ev.start < hi or any(lo <= m.start < hi for m in ev.mentions)


def _first_side(ev: Event) -> str | None:
    """The doer's country, else the target's."""
    return next((s.country for s in (ev.actor, ev.recipient) if s is not None and s.country), None)


def _unread_retelling(doc: NlpDoc, ev: Event, events: list[Event], headings: list[tuple[int, int]]) -> TextSpan | None:
    """The first sentence under `ev`'s heading that may retell it though it codes no event of its type: it names
    the doer's country (else the target's) and has a trigger word of that type; none where `ev` is no heading's."""
    under = _under_heading_of(ev.start, headings)
    side = next((s.country for s in (ev.actor, ev.recipient) if s is not None and s.country), None)
    if under is None or side is None:
        return None
    lo, hi = under
    for sentence in doc.tokens.sents:
        # a sentence that tells an event of the type, or already retells one ("31.07.22 23:57 - Shelling of Ukraine:
        # ..." repeating the title word for word), is not where this one is told unread
        if not lo <= sentence.start_char < hi or any(
                o.type == ev.type and _told_within(o, sentence.start_char, sentence.end_char) for o in events):
            continue
        if side in _sides_in(doc, sentence) and ev.type in _trigger_types(sentence):
            start, end = trimmed(sentence, doc.body)
            return TextSpan(text=doc.body[start:end], start=start, end=end)
    return None


def _trigger_types(sentence: Span) -> set[str]:
    """The types of the patterns a word of the sentence may trigger, whatever their demands, and whichever part of
    speech the tagger gave it: a retelling's parse is the one that coded nothing, often because it misread a word
    ("Russian forces fire ... missiles" tagged "forces" a verb and "fire" a noun)."""
    table = by_lemma()
    found = (table.get((form, pos), ()) for t in sentence for form in {t.lemma_.lower(), t.lower_}
             for pos in ("VERB", "NOUN"))
    return {p.type for ps in found for p in ps}


def _told_below(ev: Event, events: list[Event], headings: list[tuple[int, int]]) -> Event | None:
    """The first event under the heading that tells `ev`, up to the next heading."""
    bounds = _under_heading_of(ev.start, headings)
    if bounds is None:
        return None
    lo, hi = bounds
    under = [o for o in events if lo <= o.start < hi]
    return next((o for o in under if _retold(ev, o)), None) or next((o for o in under if _told_short(ev, o)), None)


def _under_heading_of(start: int, headings: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The text under the heading that holds offset `start`, from the heading's end to the next heading (or the end);
    none where no heading does: where a heading's event (or a heading itself) may be told again."""
    at = next((i for i, (lo, hi) in enumerate(headings) if lo <= start < hi), None)
    if at is None:
        return None
    return headings[at][1], headings[at + 1][0] if at + 1 < len(headings) else sys.maxsize


def _told_short(heading: Event, other: Event) -> bool:
    """"Russia refuses to stop shelling on Easter, thwarts evacuation from Mariupol" over "Russia refused to establish
    a ceasefire": the same kind of act by the same side, the later telling naming no one it is aimed at where the
    heading names whom."""
    return _told_alike(heading, other) and _same_party(heading.actor, other.actor) and _of_side(heading.recipient) \
        and not _of_side(other.recipient)


def _headline(sentence: Span, body: str) -> bool:
    """A line of its own told with no closing stop ("Ukrainian soldier killed"), as headlines are; or the start of
    such a line that the sentence splitter cut where no sentence ends ("... « War in Ukraine | Censor." + "NET": no
    stop with a space after it in the line)."""
    start, end = sentence.start_char, sentence.end_char
    if not _starts_line(body, start):
        return False
    if _ends_line(body, end):
        return _unstopped(body[start:end])  # the doc's text (Span.text joins its tokens' again)
    line_end = body.find("\n", start)
    line = body[start:line_end if line_end >= 0 else len(body)]
    # the text's first line, unstopped, is its title whatever stops it holds ("Markushin: Irpin liberated from Russian
    # occupiers, - mayor Markushin. VIDEO (28.03.22 17:03) « War in Ukraine | Censor.NET")
    return _unstopped(line) and (_SENTENCE_STOP.search(line) is None or not body[:start].strip())


_SENTENCE_STOP = re.compile(r"[.!?][\"'”’»)\]]*\s")  # a stop that ends a sentence inside a line


def _unstopped(text: str) -> bool:
    text = text.rstrip().rstrip("\"'”’»)]")  # 'calling it “wrong.”' closes with its stop inside the quote
    return bool(text) and text[-1] not in ".!?"


def _starts_line(body: str, start: int) -> bool:
    """Only spaces or tabs between the line's start and `start` (walked from the span, not sliced: a sliced prefix
    copies the body before every sentence)."""
    while start > 0 and body[start - 1] in " \t":
        start -= 1
    return start == 0 or body[start - 1] == "\n"


def _ends_line(body: str, end: int) -> bool:
    """Only spaces or tabs between `end` and the line's end."""
    while end < len(body) and body[end] in " \t":
        end += 1
    return end == len(body) or body[end] == "\n"


def _retold(first: Event, other: Event) -> bool:
    """The same kind of act, as told (negated, hypothetical, historical), at no other place, with each side the first
    names on the other's same side."""
    if not _told_alike(first, other):
        return False  # strikes on two towns
    return all(a is None or (b is not None and _same_side(a, b))
               for a, b in ((first.actor, other.actor), (first.recipient, other.recipient)))


def _told_alike(a: Event, b: Event) -> bool:
    """The same kind of act, as told (negated, hypothetical, historical), at no other place."""
    if (a.type, a.negated, a.hypothetical, a.historical) != (b.type, b.negated, b.hypothetical, b.historical):
        return False
    return a.location is None or b.location is None or _same_place(a.location, b.location) \
        or bool(_places_of(a) & _places_of(b))


def _places_of(ev: Event) -> set[str]:
    """Where the event is: its place and the place it is aimed at ("open fire at Avdiivka" and "struck Avdiivka in
    Donetsk region" are at Avdiivka both)."""
    ids = {ev.location.id if ev.location else None, ev.recipient.id if ev.recipient else None}
    return {i for i in ids if i and i.startswith("place:")}


def _same_place(a: Place, b: Place) -> bool:
    """The same place, a region and a town in it ("shelling in Luhansk region", "attacks on Lysychansk"), or a country
    and a place in it ("repelled Russian attacks" in a title set in Ukraine, "repelled enemy attacks in Terny" under it)."""
    return _same_or_within(a, b) or bool(a.country and a.country == b.country and a.country in (a.id, b.id))


def _same_or_within(a: Place, b: Place) -> bool:
    """The same place, or a region and a town in it, either way round: one reading for `_same_ground` and
    `_same_place`, so that a town a region holds is read alike wherever two tellings are compared."""
    return a.name == b.name or _region_holds(a, b) or _region_holds(b, a)


def _region_holds(region: Place, town: Place) -> bool:
    """`region` is written as a region ("in Luhansk region") and places.yaml puts `town` in it (Lysychansk): an act
    told there and one told at the town may be one happening (entities.yaml region_words, events.yaml region_places)."""
    words = region.text.lower().split()
    return bool(words) and words[-1] in names().region_words and town.name is not None \
        and place_regions().get(town.name) == region.name


def _same_side(a: Actor, b: Actor) -> bool:
    return bool((a.country and a.country == b.country) or (a.code and a.code == b.code))


def _content_of(coded: Coded, acts: list[Coded]) -> bool:
    """An act only imagined inside a verbal act of its sentence (events.yaml `content_acts`) is that act's content, no
    happening of its own: "urged Russia to withdraw" (the demand), "warned that Moscow could intervene if Ukraine
    attacked" (the threat), "rejected claims it is preparing to attack" (the rejection of a threat read into it). An act alleged ("accused Russia of sending troops"), one meant by a material act ("sent
    envoys to negotiate a truce") and one joined to another by "and" are their own, marked; so is one under a promise or
    threat the coder read into another act ("Britain will continue to support Ukraine")."""
    if not coded.hypothetical and coded.pattern_id == coded.pattern.id and not coded.pattern.speaker_actor:
        # a promise or threat read into an act ("preparing to attack") is imagined too; so is one said in words a
        # verbal act of the sentence tells ("warned that Hezbollah would pay": the warning)
        return False
    types = typed_rule("content_acts").types
    # a verbal act the coder read into another act ("will continue support": a promise) does not own its clause
    triggers = {c.trigger.i for c in acts if c is not coded and c.type in types and c.pattern_id == c.pattern.id}
    tok = coded.trigger
    seen: set[int] = set()
    while triggers and tok.i not in seen:  # bounded: a repaired parse may hold a cycle (walked once, not len(doc) times)
        seen.add(tok.i)
        # joined by "and" to the verbal act itself, an act is its own; joined to the act asked for, it is asked too
        # ("called on Albania to ban Russian ships and impose restrictions")
        if tok.head == tok or (tok.dep_ == "conj" and tok.head.i in triggers):
            break
        tok = tok.head
        if tok.i in triggers:
            return True
    return False


def _names_side(doc: NlpDoc, tok: Token) -> bool:
    """A token inside a name the entities link to a state or a body, not to a firm ("Ukraine", "the EU"; "Boeing" no)."""
    return any(e.start <= tok.idx < e.end and e.actor is not None and (e.actor.country or e.actor.code)
               and e.actor.sector not in nonpolitical_sectors() for e in doc.entities)


def _is_role(noun: Token) -> bool:
    """A noun naming people by their role ("representatives", "officials")."""
    return actor_kb.role_sector(noun.text)[0] is not None


def _one_per_happening(found: list[Event]) -> list[Event]:
    """"A soldier was killed in clashes with separatists": clauses of one sentence that tell the same kind of
    act between the same countries tell one happening, kept at its first clause; the parties of one clause
    ("killed two soldiers and two guards") stay one event each."""
    first: dict[tuple[object, ...], Event] = {}
    out = []
    for ev in found:
        seen = first.setdefault(_happening_key(ev), ev)
        if seen is ev or seen.trigger == ev.trigger:
            out.append(ev)
    return [ev for ev in out if not any(_told_fuller(ev, other) for other in out)]


def _told_fuller(ev: Event, other: Event) -> bool:
    """"A soldier was killed in clashes with separatists": the killing names no attacker, the clashes name both
    sides, one of them the soldier's: one happening, told in full by the other clause."""
    if other is ev or other.trigger == ev.trigger or other.type != ev.type or (ev.actor and ev.recipient):
        return False
    if other.actor is None or other.recipient is None or _happening_key(other)[3:] != _happening_key(ev)[3:]:
        return False
    named = [a.country for a in (ev.actor, ev.recipient) if a is not None]
    return bool(named) and all(c is not None and c in (other.actor.country, other.recipient.country) for c in named)


def _happening_key(ev: Event) -> tuple[object, ...]:
    def side(a: Actor | None) -> object:
        return None if a is None else a.country or a.code or a.id or a.name or a.text
    return (ev.type, side(ev.actor), side(ev.recipient), ev.negated, ev.hypothetical, ev.historical)
