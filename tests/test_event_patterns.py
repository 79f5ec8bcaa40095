"""Every event pattern in resources/lang/en/events.yaml is run on its own examples: the positive
sentence codes an event of the pattern's type with the stated sides; the negative codes none by it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache

import pytest

from flashpoint.model import Actor, AnalyzedArticle, Article, Event
from flashpoint.nlp.event_confidence import CONFIDENT
from flashpoint.nlp.event_patterns import Pattern, patterns
from flashpoint.nlp.event_rules import Example, read_example
from flashpoint.nlp.language import names, read_yaml
from flashpoint.nlp.pipeline import analyze
from flashpoint.nlp.trigger_senses import TriggerSense, trigger_senses, unclear_sense

PATTERNS = patterns()


@cache
def _analyse(text: str) -> AnalyzedArticle:
    return analyze(Article(id="ex", source="example", body=text, published="2024-07-19"))


def _side(actor: Actor | None) -> str:
    return "-" if actor is None else (actor.country or actor.code or "?")


def _fits(expected: str, actor: Actor | None) -> bool:
    return expected == "*" or expected == _side(actor)


def _positives_code_their_sides(examples: Iterable[Example], chosen: Callable[[Event], bool]) -> None:
    """Each example sentence codes an event the rule chose with the example's sides."""
    for ex in examples:
        events = [e for e in _analyse(ex.text).events if chosen(e)]
        assert any(_fits(ex.actor, e.actor) and _fits(ex.recipient, e.recipient) for e in events), \
            f"{ex.text!r}: expected {ex.actor} > {ex.recipient}, got {[(e.type, _side(e.actor), _side(e.recipient)) for e in events]}"


@pytest.mark.parametrize("pattern", PATTERNS, ids=[p.id for p in PATTERNS])
def test_positive_examples_code_the_event(pattern: Pattern) -> None:
    for ex in pattern.positives:
        events = [e for e in _analyse(ex.text).events if e.pattern == pattern.id]
        got = [(_side(e.actor), _side(e.recipient)) for e in events]
        assert any(_fits(ex.actor, e.actor) and _fits(ex.recipient, e.recipient) for e in events), \
            f"{ex.text!r}: expected {ex.actor} > {ex.recipient} by {pattern.id}, got {got}"
        assert all(e.type == pattern.type for e in events)


@pytest.mark.parametrize("pattern", PATTERNS, ids=[p.id for p in PATTERNS])
def test_negative_examples_code_nothing_by_it(pattern: Pattern) -> None:
    for text in pattern.negatives:
        wrong = [e.type for e in _analyse(text).events if e.pattern == pattern.id and not e.negated]
        assert not wrong, f"{text!r} must not be coded by {pattern.id}"


def test_pattern_offsets_point_at_their_sentence() -> None:
    for p in PATTERNS:
        for ex in p.positives:
            art = _analyse(ex.text)
            for e in art.events:
                assert art.body[e.start:e.end] == e.text


def test_intent_and_complement_rules_run_their_examples() -> None:
    """The type-level rules of events.yaml (acts promised or threatened; a verbal act aimed at the recipient
    of the act it is about) hold on their own examples."""
    from flashpoint.nlp.event_patterns import complement_recipients, intent_examples

    intent_pos, intent_neg = intent_examples()
    rule = complement_recipients()
    assert intent_pos and rule.positives and rule.negatives
    for ex in intent_pos:  # coded as the promise or the threat, not as the act promised
        events = [e for e in _analyse(ex.text).events if (e.pattern or "").startswith("intent:")]
        assert any(_fits(ex.actor, e.actor) and _fits(ex.recipient, e.recipient) for e in events), \
            f"{ex.text!r}: expected a promise {ex.actor} > {ex.recipient}, got {[(e.type, e.pattern) for e in events]}"
    for ex in rule.positives:
        events = _analyse(ex.text).events
        assert any(_fits(ex.actor, e.actor) and _fits(ex.recipient, e.recipient) for e in events), \
            f"{ex.text!r}: expected {ex.actor} > {ex.recipient}, got {[(e.type, _side(e.actor), _side(e.recipient)) for e in events]}"
    for text in intent_neg:
        assert not [e for e in _analyse(text).events if (e.pattern or "").startswith("intent:")], text
    for text in rule.negatives:  # the actor's own thing is no recipient
        events = [e for e in _analyse(text).events if e.type in rule.types]
        assert events and all(e.recipient is None for e in events), text


def test_condition_recipients_run_their_examples() -> None:
    """A threat with no recipient is aimed at the side its clause of condition names (positives); a condition naming
    no side, or none, leaves it without one (negatives)."""
    from flashpoint.nlp.event_patterns import condition_recipients

    rule = condition_recipients()
    assert rule.types and rule.words and rule.positives and rule.negatives
    _positives_code_their_sides(rule.positives, lambda e: e.type in rule.types)
    for text in rule.negatives:
        events = [e for e in _analyse(text).events if e.type in rule.types]
        assert events and all(e.recipient is None for e in events), text


def test_state_acts_run_their_examples() -> None:
    """An arrest, conviction or investigation told with no one doing it is the authorities' of the clause's place
    (positives); with no place named it has no actor (negatives)."""
    from flashpoint.nlp.event_patterns import state_acts

    rule = state_acts()
    assert rule.modes and rule.positives and rule.negatives
    _positives_code_their_sides(rule.positives, lambda e: e.mode in rule.modes)
    for text in rule.negatives:  # no actor is made up (the act may still be coded, with none)
        events = [e for e in _analyse(text).events if e.mode in rule.modes]
        assert all(e.actor is None for e in events), text


def test_domestic_force_runs_its_examples() -> None:
    """Force with no one named using it, on people of the one country the text has named, is that country's own
    (positives); where another country was named, where the act is one of war ("killed in shelling"), where the country
    is a side of a war (resources/conflicts), or where no country was named at all, it has no actor (negatives)."""
    from flashpoint.nlp.event_patterns import domestic_force

    rule = domestic_force()
    assert rule.types and rule.war_modes and rule.positives and rule.negatives
    _positives_code_their_sides(rule.positives, lambda e: e.type in rule.types)
    for text in rule.negatives:
        events = [e for e in _analyse(text).events if e.type in rule.types and not e.historical]
        assert events and all(e.actor is None for e in events), text


def test_war_onsets_run_their_examples() -> None:
    """Harm with no one named doing it, told as happening since a side's war began, is that side's force
    (positives); since a war of no side named, or since a time, it has no actor (negatives)."""
    from flashpoint.nlp.event_patterns import war_onsets

    rule = war_onsets()
    assert rule.types and rule.marks and rule.acts and rule.positives and rule.negatives
    _positives_code_their_sides(rule.positives, lambda e: e.type in rule.types)
    for text in rule.negatives:
        events = [e for e in _analyse(text).events if e.type in rule.types and "killed" in e.text]
        assert events and all(e.actor is None for e in events), text


def test_conflict_attackers_run_their_examples() -> None:
    """An act of war with no one named doing it, on one side of a conflict, is the other side's (positives); fighting,
    which each side does, harm that no war noun tells, and harm in a country of no conflict file name no side
    (negatives)."""
    from flashpoint.nlp.event_patterns import conflict_attackers

    rule = conflict_attackers()
    assert rule.types and rule.instruments and rule.shared and rule.positives and rule.negatives
    _positives_code_their_sides(rule.positives, lambda e: e.type in rule.types)
    for text in rule.negatives:
        events = [e for e in _analyse(text).events if e.type in rule.types]
        assert events and not any(e.actor and e.actor.country for e in events), text


@pytest.mark.parametrize("loader", ["place_targets", "owner_targets", "maker_recipients", "claim_recipients", "referred_acts",
                                    "harm_recipients", "place_pointers", "nominal_recipients",
                                    "moved_destinations"])
def test_recipient_rules_run_their_examples(loader: str) -> None:
    """`place_targets`: an act of one of its types with no recipient named is aimed at the clause's place;
    `maker_recipients`: a verbal act on a thing someone made is aimed at the agent of the participle that modifies
    it; `claim_recipients`: a rejection of claims no one is named making is aimed at the side the text last reported
    saying something, of another country; `referred_acts`: a verbal act on an earlier act named by a bare noun ("condemned
    the attack") is aimed at whoever did the last act of that kind; `harm_recipients`: a threat foretelling the ruin of
    a side is aimed at it; `nominal_recipients`: a verbal act on talks, a truce or a deal with a side is aimed at that
    side; `owner_targets`: force on a thing of no side is on the side its "of" complement names; `place_pointers`: forces moved "to the area" go where the last move or force told was; `moved_destinations`:
    forces moved "from bases in Georgia to Ukraine" go to the destination the parse hung inside the place left
    (positives). With no place, no maker, no other side reported, no earlier act with a side, no side ruined, or no
    scene but the actor's own, it has no recipient (negatives)."""
    from flashpoint.nlp import event_patterns

    rule = event_patterns.typed_rule(loader) if loader in ("place_targets", "owner_targets", "maker_recipients") \
        else getattr(event_patterns, loader)()
    assert rule.types and rule.positives and rule.negatives
    _positives_code_their_sides(rule.positives, lambda e: e.type in rule.types)
    for text in rule.negatives:
        events = [e for e in _analyse(text).events if e.type in rule.types]
        assert events and all(e.recipient is None for e in events), text


def test_casualties_retold_run_their_examples() -> None:
    """`casualties_retold`: casualties with no one named using force, told "in that attack" after the force, are that
    force told again: one event with the sides given and the casualties its mention (positives); told with no pointer
    back at the act, they stay their own event (negatives: two)."""
    from flashpoint.nlp.event_patterns import casualties_retold

    rule = casualties_retold()
    assert rule.types and rule.words and rule.positives and rule.negatives
    for ex in rule.positives:
        told = [e for e in _analyse(ex.text).events if e.type in rule.types]
        assert [(_side(e.actor), _side(e.recipient), len(e.mentions)) for e in told] == [(ex.actor, ex.recipient, 1)], \
            ex.text
    for text in rule.negatives:
        assert len([e for e in _analyse(text).events if e.type in rule.types]) == 2, text


def test_heading_stances_run_their_examples() -> None:
    """`heading_stances`: a heading's stance that an act of another type below tells for the same two sides, holding
    the heading as a mention, is that act told once (positives: one event for the sides, not of a stance type, with the
    heading among its mentions); an act below with another side leaves the heading's stance its own event
    (negatives)."""
    from flashpoint.nlp.event_patterns import typed_rule

    rule = typed_rule("heading_stances")
    assert rule.types and rule.positives and rule.negatives
    for ex in rule.positives:
        told = [e for e in _analyse(ex.text).events if _fits(ex.actor, e.actor) and _fits(ex.recipient, e.recipient)]
        assert len(told) == 1 and told[0].type not in rule.types, f"{ex.text!r}: {[e.type for e in told]}"
        assert any(m.start == 0 for m in told[0].mentions), f"{ex.text!r}: the heading is no mention"
    for text in rule.negatives:
        assert any(e.type in rule.types for e in _analyse(text).events), text


def test_self_targets_run_their_examples() -> None:
    """`self_targets`: a target no one named, implied from a place, is not the side acting when that side is named by a
    place of its country (positives: force codes no recipient; a protest keeps the place's rulers, marked unsure); a
    people named by its demonym or a force acting at home still hits the place's people (negatives: a recipient of the
    actor's country, a protest not marked unsure by the rule)."""
    from flashpoint.nlp.event_patterns import self_targets

    rule = self_targets()
    types = rule.types | rule.unsure_types
    assert rule.types and rule.unsure_types and rule.positives and rule.negatives and rule.confidence < 0.5
    _positives_code_their_sides(rule.positives, lambda e: e.type in types)
    for ex in rule.positives:
        unsure = [e for e in _analyse(ex.text).events if e.type in rule.unsure_types]
        assert all(e.confidence <= rule.confidence for e in unsure), ex.text
    for text in rule.negatives:
        events = [e for e in _analyse(text).events if e.type in types]
        assert events and all(e.recipient is not None and e.actor is not None
                              and e.recipient.country == e.actor.country for e in events), text
        assert all(e.confidence > rule.confidence for e in events if e.type in rule.unsure_types), text


def test_guessed_verbs_run_their_examples() -> None:
    """`guessed_verbs`: a headline's verb read from the plural noun at its line's root (syntax.repair_root_plurals)
    codes its sides, marked unsure (positives); the verb the tagger read itself is shown (negatives)."""
    from flashpoint.nlp.event_patterns import guessed_verbs

    rule = guessed_verbs()
    positives, negatives = rule.examples
    assert positives and negatives and rule.confidence < 0.5
    _positives_code_their_sides(positives, lambda e: True)
    for ex in positives:
        assert all(e.confidence <= rule.confidence for e in _analyse(ex.text).events), ex.text
    for text in negatives:
        events = _analyse(text).events
        assert events and all(e.confidence >= 0.5 for e in events), text


def test_targetless_acts_run_their_examples() -> None:
    """`targetless_acts`: an act of a type that aims at no one, its actor named in the trigger's argument and no
    recipient, is shown (positives); the same act whose actor was taken from earlier text or is a common noun the story
    places is coded and stays marked unsure (negatives)."""
    from flashpoint.nlp.event_patterns import targetless_examples, targetless_types

    types = targetless_types()
    positives, negatives = targetless_examples()
    assert types and positives and negatives
    _positives_code_their_sides(positives, lambda e: e.type in types and e.confidence >= CONFIDENT)
    for text in negatives:
        events = [e for e in _analyse(text).events if e.type in types]
        assert events and all(e.recipient is None and e.actor is not None and e.actor.country
                              and e.confidence < CONFIDENT for e in events), text


def test_clause_doers_run_their_examples() -> None:
    """A demand or accusation read from the clause it reports is aimed at the doer of that clause's act, its subject or
    a passive's agent (positives); a passive with no agent asks no one named, not the one it tells of (negatives code
    no event of the rule's types with a recipient)."""
    from flashpoint.nlp.event_patterns import typed_rule

    rule = typed_rule("clause_doers")
    assert rule.types and rule.positives and rule.negatives
    _positives_code_their_sides(rule.positives, lambda e: e.type in rule.types)
    for text in rule.negatives:
        assert not [e for e in _analyse(text).events if e.type in rule.types and e.recipient is not None], text


def test_reported_cause_acts_run_their_examples() -> None:
    """A verbal act joined by the parse to a reported clause whose subject is a cause ("Iran's actions pose a danger",
    "the deaths were caused by shelling") is the reporter's (positives); one joined to a clause whose subject is a side
    stays that side's, never the reporter's (negatives: the act is coded, none by the reporter's country, FRA)."""
    from flashpoint.nlp.event_patterns import typed_rule

    rule = typed_rule("reported_cause_acts")
    assert rule.types and rule.positives and rule.negatives
    _positives_code_their_sides(rule.positives, lambda e: e.type in rule.types)
    for text in rule.negatives:
        events = [e for e in _analyse(text).events if e.type in rule.types]
        assert events and not any(_side(e.actor) == "FRA" for e in events), text


def test_interception_runs_its_examples() -> None:
    """A shoot-down or an interception codes no ASSAULT (negatives); force on a tank, a plant or a launcher still
    does (positives)."""
    from flashpoint.nlp.event_patterns import interception

    rule = interception()
    assert rule.objects and rule.positives and rule.negatives
    for ex in rule.positives:
        events = [e for e in _analyse(ex.text).events if e.type == "ASSAULT"]
        assert any(_fits(ex.actor, e.actor) and _fits(ex.recipient, e.recipient) for e in events), \
            f"{ex.text!r}: expected ASSAULT {ex.actor} > {ex.recipient}, got {[(_side(e.actor), _side(e.recipient)) for e in events]}"
    for text in rule.negatives:
        assert not [e for e in _analyse(text).events if e.type == "ASSAULT"], text


def test_attempted_acts_run_their_examples() -> None:
    """An attempt at force told as done is the force, coded as told (positives); an attempt told as possible,
    conditional or threatened leaves the act hypothetical (negatives)."""
    from flashpoint.nlp.event_patterns import attempted_acts

    rule = attempted_acts()
    assert rule.types and rule.words and rule.positives and rule.negatives
    _positives_code_their_sides(rule.positives, lambda e: e.type in rule.types and not e.hypothetical)
    for text in rule.negatives:
        events = [e for e in _analyse(text).events if e.type in rule.types]
        assert events and all(e.hypothetical for e in events), text


def test_private_acts_run_their_examples() -> None:
    """Cooperation among private people codes nothing (negatives); with a state or a body on a side it does."""
    from flashpoint.nlp.event_patterns import private_acts

    rule = private_acts()
    assert rule.types and rule.words and rule.positives and rule.negatives
    for ex in rule.positives:
        events = [e for e in _analyse(ex.text).events if e.type in rule.types]
        assert any(_fits(ex.actor, e.actor) and _fits(ex.recipient, e.recipient) for e in events), \
            f"{ex.text!r}: expected {ex.actor} > {ex.recipient}, got {[(e.type, _side(e.actor), _side(e.recipient)) for e in events]}"
    for text in rule.negatives:
        assert not [e for e in _analyse(text).events if e.type in rule.types], text


def test_quoted_phrases_run_their_examples() -> None:
    """An act inside a quotation reported as what was said is shown with its sides (positives); one inside quoted words
    the narrator's clause holds as a phrase of its own is kept, marked unsure (negatives)."""
    from flashpoint.nlp.event_confidence import CONFIDENT
    from flashpoint.nlp.event_patterns import quoted_phrases

    rule = quoted_phrases()
    positives, negatives = rule.examples
    assert rule.speech_deps and rule.confidence < CONFIDENT and positives and negatives
    _positives_code_their_sides(positives, lambda e: e.confidence >= CONFIDENT)
    for text in negatives:
        quoted = text.split('"')[1]
        inside = [e for e in _analyse(text).events if e.trigger and e.trigger in quoted]
        assert inside and all(e.confidence <= rule.confidence for e in inside), text


def test_given_clauses_run_their_examples() -> None:
    """An act in a clause after the one it hangs on, or in a fronted clause that names its own date, is shown with its
    sides (positives); an act in an undated clause or phrase set before the news, opened by a subordinator of time or
    concession ("When Iraq invaded Kuwait, ..."), is kept, marked unsure, while its sentence's news stays (negatives)."""
    from flashpoint.nlp.event_confidence import CONFIDENT
    from flashpoint.nlp.event_patterns import given_clauses

    rule = given_clauses()
    positives, negatives = rule.examples
    assert rule.marks and rule.preps and rule.confidence < CONFIDENT and positives and negatives
    _positives_code_their_sides(positives, lambda e: e.confidence >= CONFIDENT)
    for text in negatives:
        opening = text.split(",")[0]
        events = _analyse(text).events
        given = [e for e in events if e.trigger and e.trigger in opening.split()]
        assert given and all(e.confidence <= rule.confidence for e in given), text


def test_content_acts_run_their_examples() -> None:
    """An act only asked for or threatened inside a verbal act is its content: the sentence codes the verbal act alone,
    with its sides (positives); an act alleged, or joined by "and", is still coded, marked hypothetical (negatives)."""
    from flashpoint.nlp.event_patterns import typed_rule

    rule = typed_rule("content_acts")
    assert rule.types and rule.positives and rule.negatives
    for ex in rule.positives:
        events = _analyse(ex.text).events
        assert events and all(e.type in rule.types for e in events), \
            f"{ex.text!r}: expected only {sorted(rule.types)}, got {[e.type for e in events]}"
        assert any(_fits(ex.actor, e.actor) and _fits(ex.recipient, e.recipient) for e in events), ex.text
    for text in rule.negatives:
        events = _analyse(text).events
        assert any(e.hypothetical and e.type not in rule.types for e in events), text


def _unknown_places(events: Iterable[Event]) -> list[tuple[Event, Actor]]:
    """The sides that are places the gazetteer does not know, with their events."""
    from flashpoint.nlp import actors as actor_kb

    return [(e, s) for e in events for s in (e.actor, e.recipient)
            if s is not None and (s.id or "").startswith("place:") and actor_kb.resolve_place(s.text) is None]


def test_listed_places_run_their_examples() -> None:
    """A one-word name no gazetteer knows, listed only with places of one country, is a place of that country, its
    event kept below 0.5 (positives); beside a country, or inside a longer name, it is no place (negatives)."""
    from flashpoint.nlp.event_patterns import listed_places

    rule = listed_places()
    positives, negatives = rule.examples
    assert rule.not_place_entities and rule.confidence < CONFIDENT and positives and negatives
    for ex in positives:
        listed = _unknown_places(_analyse(ex.text).events)
        found = [(e.type, _side(e.actor), _side(e.recipient), e.confidence) for e, _ in listed]
        assert any(_fits(ex.actor, e.actor) and _fits(ex.recipient, e.recipient) and e.confidence <= rule.confidence
                   for e, _ in listed), f"{ex.text!r}: {found}"
    for text in negatives:
        assert not _unknown_places(_analyse(text).events), text


def test_placed_sectors_run_their_examples() -> None:
    """A side of a placed sector ("two suspects", "gangs") with no country of its own is of the place named
    (positives), and stays without a country when no place is named (negatives)."""
    from flashpoint.nlp.event_patterns import placed_sectors

    rule = placed_sectors()
    assert rule.sectors and rule.positives and rule.negatives
    for ex in rule.positives:
        events = _analyse(ex.text).events
        assert any(_fits(ex.actor, e.actor) and _fits(ex.recipient, e.recipient) for e in events), \
            f"{ex.text!r}: expected {ex.actor} > {ex.recipient}, got {[(e.type, _side(e.actor), _side(e.recipient)) for e in events]}"
    for text in rule.negatives:
        sides = [s for e in _analyse(text).events for s in (e.actor, e.recipient) if s is not None]
        placed = [s for s in sides if s.sector in rule.sectors]
        assert placed and all(s.country is None for s in placed), text


def test_article_setting_runs_its_examples() -> None:
    """A domestic agent nothing else placed ("officers", "protesters") is of the country the article's places are in,
    and a verbal act of another country's naming no recipient is aimed at it (positives); where its places are of
    several countries, of a side of a war, or too few, the agent stays of no country, and the state of the setting
    itself addresses no one by it (negatives)."""
    from flashpoint.nlp.event_patterns import article_setting

    rule = article_setting()
    assert rule.sectors and rule.forces and rule.addressed and rule.positives and rule.negatives
    _positives_code_their_sides(rule.positives, lambda e: True)
    for text in rule.negatives:
        events = _analyse(text).events
        sides = [s for e in events for s in (e.actor, e.recipient) if s is not None]
        domestic = [s for s in sides if s.sector in rule.sectors or s.text.lower() in rule.forces]
        addressed = [e for e in events if e.type in rule.addressed]
        assert domestic or addressed, text
        assert all(s.country is None for s in domestic), text
        assert all(e.recipient is None or e.recipient.country is None for e in addressed), text


def test_standing_forces_run_their_examples() -> None:
    """A force that took its country from the story keeps it where the clause places it (positives: "41 troops
    destroyed in southern Ukraine" after Russia's are Russian); a base is a place, of the clause's place (negatives)."""
    from flashpoint.nlp.event_patterns import standing_forces

    rule = standing_forces()
    assert rule.sectors and rule.positives and rule.negatives
    _positives_code_their_sides(rule.positives, lambda e: e.recipient is not None and e.recipient.sector in rule.sectors)
    _positives_code_their_sides([read_example(n, "standing_forces neg") for n in rule.negatives],
                                lambda e: e.recipient is not None and e.recipient.sector in rule.sectors)


def test_home_front_runs_its_examples() -> None:
    """A state's army aimed at no one named on its own soil fights the other side of its war (positives: "a
    counteroffensive in the Kherson region" is Ukraine's on Russia); its police at home act on their own people
    (negatives)."""
    from flashpoint.nlp.event_patterns import home_front

    rule = home_front()
    assert rule.sectors and rule.types and rule.positives and rule.negatives
    _positives_code_their_sides(rule.positives, lambda e: e.type in rule.types)
    _positives_code_their_sides([read_example(n, "home_front neg") for n in rule.negatives], lambda e: e.type in rule.types)


def test_the_modes_the_force_rules_name_are_modes_of_patterns() -> None:
    """conflict_attackers `modes` and domestic_force `war_modes` are matched against a pattern's mode: a name no
    pattern has (a typo, a mode renamed) would silently never match."""
    from flashpoint.nlp.event_patterns import conflict_attackers, domestic_force

    modes = {p.mode for p in patterns() if p.mode}
    assert conflict_attackers().modes <= modes, conflict_attackers().modes - modes
    assert domestic_force().war_modes <= modes, domestic_force().war_modes - modes


def test_by_lemma_lists_each_forms_patterns_once_in_file_order() -> None:
    """by_lemma keeps no pattern twice under a form and gives them in file order, as a plain scan of the patterns and
    their forms says (its own loop compares patterns by identity, never by their fields)."""
    from flashpoint.nlp.event_patterns import by_lemma
    from flashpoint.nlp.inflect import noun_forms, verb_forms

    found = by_lemma()
    order = {p.id: i for i, p in enumerate(patterns())}  # ids are unique (the last line)
    expected: dict[tuple[str, str], list[Pattern]] = {}
    for p in patterns():
        forms = {f for lemma in p.lemmas for f in (verb_forms(lemma) if p.pos == "VERB" else
                                                    noun_forms(lemma) if p.pos == "NOUN" else {lemma})}
        for form in forms:
            expected.setdefault((form, p.pos), []).append(p)
    assert set(found) == set(expected)
    for key, listed in found.items():
        assert [order[p.id] for p in listed] == sorted(order[p.id] for p in expected[key])
    assert len({p.id for p in patterns()}) == len(patterns())  # no two patterns are equal: by_lemma needs no __eq__


def test_a_pattern_object_of_several_words_is_refused() -> None:
    """An object is the noun heading the object phrase, matched by one token: "false flag" would match nothing."""
    from flashpoint.nlp import event_patterns

    entry = {"id": "accuse-x", "type": "ACCUSE", "verb": ["stage"], "object": ["provocation"],
             "pos": ["Belarus says Poland staged a provocation. => BLR > POL"], "neg": ["Poland staged a play."]}
    assert event_patterns._pattern(entry, {}, "test").objects >= {"provocation"}
    with pytest.raises(ValueError, match="false flag"):
        event_patterns._pattern({**entry, "object": ["provocation", "false flag"]}, {}, "test")
    with pytest.raises(ValueError, match="pro forma"):
        event_patterns._pattern({**entry, "not_object": ["pro forma"]}, {}, "test")


def test_an_unknown_entity_type_in_listed_places_is_refused() -> None:
    """events.yaml listed_places not_place_entities: the types the entity reader gives; "PEOPLE" (no such type) or a
    bare word for the list would cover no entity, and the loader says so."""
    from flashpoint.nlp import event_patterns

    assert event_patterns.listed_places().not_place_entities == {"PERSON", "ORG", "NORP"}
    ok = {"not_place_entities": ["PERSON", "ORG"]}
    assert event_patterns._entity_types(ok, "test", "not_place_entities") == {"PERSON", "ORG"}
    with pytest.raises(ValueError, match="PEOPLE"):
        event_patterns._entity_types({"not_place_entities": ["PERSON", "PEOPLE"]}, "test", "not_place_entities")
    with pytest.raises(ValueError, match="unknown entity types"):
        event_patterns._entity_types({"not_place_entities": "ORG"}, "test", "not_place_entities")


def test_war_front_runs_its_examples() -> None:
    """An enemy word whose clause names no other side nor place is the other side of the war whose one side's places
    the text names (positives); with no place, or places of both sides or of two wars, it stays no side (negatives)."""
    from flashpoint.nlp.event_patterns import war_front
    from flashpoint.nlp.language import syntax

    rule = war_front()
    assert rule.least >= 1 and rule.positives and rule.negatives
    _positives_code_their_sides(rule.positives, lambda e: True)
    enemy = syntax().enemy_words
    for text in rule.negatives:
        sides = [s for e in _analyse(text).events for s in (e.actor, e.recipient) if s is not None]
        assert all(s.country is None for s in sides if enemy & set(s.text.lower().split())), text


def test_region_places_run_their_examples() -> None:
    """A place written as a region holds the towns places.yaml puts in it: an act told there and at such a town is
    one happening, coded once with the other telling as its mention (positives); a town named alone, or a region that
    does not hold the town, leaves two (negatives)."""
    rule = read_yaml("en", "events.yaml")["region_places"]
    assert names().region_words and rule["pos"] and rule["neg"]
    for text, told in [(t, 1) for t in rule["pos"]] + [(t, 2) for t in rule["neg"]]:
        force = [e for e in _analyse(text).events if e.type == "ASSAULT"]
        assert len(force) == told, f"{text!r}: {[(e.text, e.location) for e in force]}"
        assert told == 2 or force[0].mentions, f"{text!r}: no mention kept"


# ---------------------------------------------------------------- events.yaml trigger_senses
# A positive of a sense codes the sense's type with the stated sides, by a pattern the sense re-read; a negative codes
# nothing by the sense (the force it tells stays force). The `unclear` rule: a positive codes the force marked unsure
# (below the confidence that shows it), a negative shows it.

SENSES = trigger_senses()


@pytest.mark.parametrize("sense", SENSES, ids=[s.id for s in SENSES])
def test_positive_examples_code_the_sense(sense: TriggerSense) -> None:
    for ex in sense.positives:
        events = _analyse(ex.text).events
        got = [(e.type, e.pattern, _side(e.actor), _side(e.recipient)) for e in events]
        if sense.type is None:  # no act: the patterns it re-reads code nothing there
            assert not [e for e in events if e.pattern in sense.patterns], f"{ex.text!r}: got {got}"
            continue
        assert any(e.type == sense.type and (e.pattern or "").endswith(f">{sense.id}") and _fits(ex.actor, e.actor)
                   and _fits(ex.recipient, e.recipient) for e in events), \
            f"{ex.text!r}: expected {sense.type} {ex.actor} > {ex.recipient}, got {got}"


@pytest.mark.parametrize("sense", SENSES, ids=[s.id for s in SENSES])
def test_negative_examples_code_nothing_by_the_sense(sense: TriggerSense) -> None:
    for text in sense.negatives:
        events = _analyse(text).events
        assert not [e for e in events if (e.pattern or "").endswith(f">{sense.id}")], f"{text!r}: read as {sense.id}"
        assert any(e.type == "ASSAULT" for e in events), f"{text!r}: the force it tells is no longer coded"


def test_every_sense_re_reads_patterns_of_another_type() -> None:
    """A sense that re-read a pattern as its own type would change nothing: each names another type's patterns."""
    types = {p.id: p.type for p in PATTERNS}
    for sense in SENSES:
        assert all(types[p] != sense.type for p in sense.patterns), sense.id


def test_unclear_sense_marks_the_force_unsure() -> None:
    rule = unclear_sense()
    section = read_yaml("en", "events.yaml")["trigger_senses"]["unclear"]
    positives, negatives = [read_example(line, "unclear") for line in section["pos"]], section["neg"]
    assert positives and negatives and rule.confidence < CONFIDENT
    for ex in positives:
        events = [e for e in _analyse(ex.text).events if e.type == "ASSAULT"
                  and _fits(ex.actor, e.actor) and _fits(ex.recipient, e.recipient)]
        assert events and all(e.confidence <= rule.confidence for e in events), ex.text
    for text in negatives:
        assert any(e.type == "ASSAULT" and e.confidence >= CONFIDENT for e in _analyse(text).events), text
