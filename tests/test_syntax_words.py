"""The function words the parse readers compare a token with are language data (lang/en/syntax.yaml and the lists
named below), not literals of the code: each list is shown here by a sentence where its word decides and one where
another word stands in its place."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc, Token

from flashpoint.ingest import meta
from flashpoint.nlp import coref, event_confidence, event_time, events
from flashpoint.nlp import syntax as syn
from flashpoint.nlp.parser import parse


def _word(doc: Doc, text: str) -> Token:
    return next(t for t in doc if t.text == text)


def _present(word: str) -> Callable[[Doc], bool]:
    return lambda doc: syn.is_present(_word(doc, word))


def _span(word: str) -> Callable[[Doc], str]:
    def read(doc: Doc) -> str:
        lo, hi = syn.phrase_span(_word(doc, word))
        return doc.text[lo:hi]
    return read


def _owners(doc: Doc) -> list[str]:
    syn.repair_owner_attachment(doc, lambda t: t.lower_ == "representatives")
    return [t.text for t in syn.coordinated_complements(_word(doc, "representatives"))]


def _reason_owner(doc: Doc) -> str | None:
    owner = syn.reason_owner(_word(doc, "its"))
    return owner.text if owner is not None else None


def _subject_of(word: str) -> Callable[[Doc], str | None]:
    def read(doc: Doc) -> str | None:
        subject = syn.subject(_word(doc, word))
        return subject.text if subject is not None else None
    return read


def _not_antecedent(doc: Doc) -> str | None:
    subject = events.not_antecedent(_word(doc, "their"))
    return subject.text if subject is not None else None


def _perfect(doc: Doc) -> tuple[float, float]:
    f = event_confidence.clause_features(_word(doc, "rejected"), 0, 1)
    return f["perfect"], f["pluperfect"]


def _conjoined_object_head(doc: Doc) -> str:
    """The head of "soldiers" after syntax.repair_conjoined_participles (the verbs the event patterns know)."""
    known = events.by_lemma()
    syn.repair_conjoined_participles(doc, lambda t: (t.lower_, "VERB") in known)
    return _word(doc, "soldiers").head.text


def _listed_sides(word: str) -> Callable[[Doc], list[str]]:
    """The sides a noun and its conjuncts list, less appositions (syntax.listed_sides)."""
    return lambda doc: [t.text for t in syn.listed_sides(syn.np_head(_word(doc, word)), events._is_role)]


def _root_plural_subject(word: str) -> Callable[[Doc], str | None]:
    """The subject syntax.repair_root_plurals gives a headline's plural at its root, read as the verb it is."""
    def read(doc: Doc) -> str | None:
        syn.repair_root_plurals(doc, events.headline_verb_form, lambda t: False)
        subject = syn.subject(_word(doc, word)) if _word(doc, word).tag_ == "VBZ" else None
        return subject.text if subject is not None else None
    return read


CASES = [
    # (list, reader, sentence where the listed word decides, its answer, a sentence without it, its answer)
    ("present_auxiliaries", _present("rejected"), "The army has rejected the plan.", True,
     "The army had rejected the plan.", False),
    ("infinitive_marks", _present("killed"), "The strike has killed 100 people.", True,
     "The strike is estimated to have killed 100 people.", False),
    ("genitive_prepositions, agent_preps", _span("shelling"), "the shelling of Kharkiv by Russia on Monday",
     "the shelling of Kharkiv by Russia", "the shelling near Kharkiv", "the shelling"),
    ("instrument_preps", lambda d: [h.text for h in events._instrument_heads(_word(d, "killed"))],
     "Three civilians were killed because of Russian shelling.", ["shelling"],
     "Three civilians were killed despite Russian shelling.", []),
    ("instrument_preps (an -ing clause)", lambda d: [h.text for h in events._instrument_heads(_word(d, "killed"))],
     "Two farmers were killed in shelling by Russian troops.", ["shelling"],
     "Two farmers were killed after shelling by Russian troops.", []),
    ("resisting_verbs", _not_antecedent, "Ukrainian troops repelled their attacks near Kharkiv.", "troops",
     "Ukrainian troops increased their attacks near Kharkiv.", None),
    ("owner_preps", _owners, "They met representatives from the UK, France and Germany.", ["UK", "France", "Germany"],
     "They met representatives with the UK, France and Germany.", []),
    ("dissuasion_marks", lambda d: syn._urged_against(_word(d, "attacking")),
     "The US warned Iran against attacking shipping.", True, "The US warned Iran after attacking shipping.", False),
    ("dissuasion_marks into", lambda d: syn._urged_against(_word(d, "announcing")),
     "Washington pressured the president into announcing an inquiry.", True,
     "Washington pressured the president before announcing an inquiry.", False),
    ("reason_preps", _reason_owner, "The UN condemned Hamas for its attack.", "Hamas",
     "The UN condemned Hamas after its attack.", None),
    ("request_preps", lambda d: syn.asks_question(_word(d, "asked")), "She asked about the talks.", True,
     "She asked for help about the talks.", False),
    ("present_perfect_auxiliaries, additive_conjunctions", lambda d: event_time.told_as_standing(_word(d, "accused")),
     "Vietnam is one of the most vocal critics of China's claims and has accused Beijing of encroaching.", True,
     "Vietnam is one of the most vocal critics of China's claims and had accused Beijing of encroaching.", False),
    ("mishap_preps", lambda d: events._mishap(_word(d, "killed")), "Two soldiers were killed in a helicopter crash.",
     True, "Two soldiers were killed near a helicopter crash.", False),
    ("infinitive_subject_preps", _subject_of("open"), "Washington pushed for Kyiv to open talks.", "Kyiv",
     "Washington pushed with Kyiv to open talks.", "Washington"),
    ("control_marks", _subject_of("announcing"), "Washington pressured the president into announcing an inquiry.",
     "president", "Washington pressured the president before announcing an inquiry.", "Washington"),
    ("coercion_verbs", lambda d: syn.modality(_word(d, "sing"))[1], "The guards forced the prisoners to sing songs.",
     True, "The guards heard the prisoners sing songs.", False),
    # told as a verb it makes the act it forces wanted, not done; the noun "force" governing the same act does not
    ("coercion_verbs (a verb, not the noun)", lambda d: syn.modality(_word(d, "used"))[1],
     "The militants forced the villagers to be used as human shields.", True,
     "The court found the force used against protesters unlawful.", False),
    ("bidding_verbs", lambda d: syn._bidden(_word(d, "surrender")), "The general told the soldiers to surrender.", True,
     "The general watched the soldiers surrender.", False),
    ("topic_preps, partner_preps", lambda d: [h.text for h in events._topic_nouns(_word(d, "held"), [_word(d, "consultations")], "with")],
     "Kuleba held consultations on the peace formula with Chinese diplomats.", ["formula"],
     "Kuleba held consultations in the capital with Chinese diplomats.", []),
    ("topic_marks", lambda d: [p.id for p, _ in events.matches(_word(d, "visit"))],
     "Notes about the premier's visit to Paris", [],
     "Notes after the premier's visit to Paris", ["consult-visit-noun"]),
    ("kind_heads", lambda d: [p.id for p, _ in events.matches(_word(d, "repulsed"))],
     "Ukrainian troops repulsed enemy assault operations near Bakhmut.", ["assault-repelled"],
     "Ukrainian troops repulsed enemy assault boats near Bakhmut.", []),
    ("kind_heads units", lambda d: [p.id for p, _ in events.matches(_word(d, "deployed"))],
     "Russia deployed artillery units to the border.", ["mobilize-troops", "mobilize-weapons"],
     "Russia deployed artillery experts to the border.", []),
    ("person_objects", lambda d: [p.id for p, _ in events.matches(_word(d, "liquidated"))],
     "Ukrainian forces liquidated a Russian pilot near Melitopol.", ["assault-eliminate"],
     "Ukrainian forces liquidated a Russian airfield near Melitopol.", []),
    ("person_objects appositive", lambda d: [p.id for p, _ in events.matches(_word(d, "beat"))],
     "Police beat the group's founder, a retired teacher.", ["assault-torture"],
     "The rival team beat the club's record, a national best.", []),
    ("support_verbs", lambda d: [p.id for p, _ in events.matches(_word(d, "warning"))],
     "Russia sent a warning to the United States.", ["threaten-warn"],
     "Russia heeded a warning from the United States.", []),
    ("addressee_preps", lambda d: [t.text for t in events._addressees(_word(d, "appeal"))],
     "Kyiv sent an appeal to the IAEA.", ["IAEA"], "Kyiv sent an appeal about the IAEA.", []),
    ("phrase_opener_deps, additive_conjunctions", _conjoined_object_head,
     "Israeli forces killed a Hamas commander in Gaza and wounded two Lebanese soldiers.", "wounded",
     "Israeli forces killed a Hamas commander in Gaza and wounded Lebanese soldiers.", "Gaza"),
    ("apposition_marks, apposition_closers (a role)", _listed_sides("Holm"),
     "Sweden sent Holm, Minister of Trade, to Oslo.", ["Holm"],
     "Sweden sent Holm and the Minister of Trade to Oslo.", ["Holm", "Minister"]),
    ("apposition_marks, apposition_closers (a common noun)", _listed_sides("men"),
     "Police detained two men, both residents of the town, on Friday.", ["men"],
     "Police detained two men and the residents of the town on Friday.", ["men", "residents"]),
    ("apposition_pair_words", _listed_sides("family"),
     "A family, both parents and their son, was killed in the strike.", ["family"],
     "A family and both parents and their son were killed in the strike.", ["family", "parents"]),
    # a place's region after a comma is where the place lies, however the parse hangs its words; a name is one more
    ("region_nouns, apposition_marks, apposition_closers (a place's region)", _listed_sides("Polohy"),
     "Guns shelled Polohy, Zaporizhzhia region, on Monday.", ["Polohy"],
     "Guns shelled Polohy, Zaporizhzhia and Orikhiv on Monday.", ["Polohy", "Zaporizhzhia", "Orikhiv"]),
    ("region_nouns (a region then a conjunction is a list)", _listed_sides("Kupiansk"),
     "Russian drones hit Kupiansk, Kharkiv Oblast, overnight.", ["Kupiansk"],
     "Russian drones hit Kupiansk, Kharkiv Oblast, and Izium overnight.", ["Kupiansk", "Oblast", "Izium"]),
    ("headline_subject_deps", _root_plural_subject("withdraws"), "Finland withdraws troops from Kosovo", "Finland",
     "Finland's withdraws troops from Kosovo", None),
    # a "by" phrase hung on a place in the passive's oblique is its agent; on an act noun it is that act's doer
    ("place_nouns, agent_preps (an agent hung on a place)", _subject_of("detained"),
     "The reporter was detained in the village of Pisky by soldiers.", "soldiers",
     "The reporter was detained after the raid by the guards.", None),
    # a name alone before a heading's infinitive is its subject; a name set apart from the "to" is not
    ("infinitive_marks (a heading's name before its infinitive)", _subject_of("provide"),
     "Denmark to provide Georgia with new radars", "Denmark", "Denmark in talks to provide Georgia with new radars", None),
    # an object the tagger tagged as a noun is read as the act noun, whatever its coarse part of speech
    ("noun_tags", lambda d: events._noun_tagged_object(_word(d, "attacks")),
     "The brigade repelled enemy attacks near two villages.", True,
     "The brigade says the enemy attacks near two villages.", False),
    ("perfect_auxiliaries, past_perfect_auxiliaries", _perfect, "Russia had rejected the plan.", (1.0, 1.0),
     "Russia rejected the plan.", (0.0, 0.0)),
]


@pytest.mark.parametrize("name,read,pos,pos_answer,neg,neg_answer", CASES, ids=[c[0] for c in CASES])
def test_each_function_word_list_decides_where_its_word_is_written(
        name: str, read: Callable[[Doc], object], pos: str, pos_answer: object, neg: str, neg_answer: object) -> None:
    assert read(parse(pos)) == pos_answer
    assert read(parse(neg)) == neg_answer


_LISTED_NAMES = frozenset({"Kenya", "Uganda", "Nairobi", "William", "Ruto", "Yoweri", "Museveni"})


def _listed_subjects(text: str) -> list[str]:
    """The verb "held"'s subject and its conjuncts after syntax.repair_name_lists (the names the entities would find
    given by hand)."""
    doc = parse(text)
    syn.repair_name_lists(doc, lambda tok: tok.text in _LISTED_NAMES)
    subject = syn.subject(_word(doc, "held"))
    return [t.text for t in syn.coordinated(subject)] if subject is not None else []


def test_a_list_of_titled_names_before_its_verb_is_one_subject_of_coordinated_names() -> None:
    """syntax.yaml name_list_words and name_list_openers: a list of titled names joined by "and" is read as one
    subject whose items are its conjuncts, where the list opens the sentence or an adjunct sets it off; a list that
    hangs on a noun ("the presidents of ...") or another word than those of a name is read as the parse reads it."""
    assert _listed_subjects("President of Kenya William Ruto and President of Uganda Yoweri Museveni held talks.") \
        == ["Ruto", "Museveni"]
    assert _listed_subjects("In Nairobi, Kenyan President William Ruto and Ugandan President Yoweri Museveni held "
                            "talks.") == ["Ruto", "Museveni"]
    assert _listed_subjects("The presidents of Kenya and Uganda held talks.") == ["presidents"]
    assert _listed_subjects("Ministers from Kenya and Uganda held talks.") == ["Ministers"]


def test_a_list_of_names_in_the_sentence_before_leaves_the_verb_as_parsed() -> None:
    """repair_name_lists reads only the verbs with an "and" before them in their own sentence (the list's last
    separator): a list that ends the sentence before is no subject of the next sentence's verb, and the verbs after
    an "and" of their sentence are the ones asked."""
    doc = parse("Talks began in Kenya and Uganda. Kenyan President William Ruto held talks.")
    after = syn._after_conjunction(doc)
    assert not after[_word(doc, "held").i] and not after[_word(doc, "began").i]
    assert after[_word(doc, "Uganda").i]
    assert len(_listed_subjects("Talks began in Kenya and Uganda. Kenyan President William Ruto held talks.")) == 1


def test_a_first_line_opening_with_a_byline_word_is_no_masthead() -> None:
    """pages.yaml byline_words: "By Jane Doe" is a byline; "Kyiv Post" may name the publication."""
    table = meta.sources_table()
    assert meta._masthead("By Jane Doe", None, table) is None
    assert meta._masthead("Kyiv Post", None, table) == "Kyiv Post"


def test_a_description_that_stands_for_any_role_may_be_a_person_with_none_written() -> None:
    """speech_verbs.yaml role_synonyms "*": "the official" may be anyone; "the spokesman" only a spokesman."""
    assert coref.any_role("official") and not coref.any_role("spokesman")


def test_a_comparison_turns_only_a_cue_that_opens_with_its_word() -> None:
    """background.yaml since_comparison `word`: "the heaviest since 2014" tells about now; "since 2014" alone is
    background."""
    assert not event_time.has_background_cue("The shelling was the heaviest since 2014.")
    assert event_time.has_background_cue("Russia has held Crimea since 2014.")


def test_a_preposition_a_verb_takes_leaves_a_speech_word_a_verb() -> None:
    """syntax.yaml verb_preps: "calls for" may still be the verb; "claims of" makes a noun."""
    from flashpoint.nlp import quotes

    assert not quotes._noun_goes_on(_word(parse("The report calls for talks."), "calls"))
    assert quotes._noun_goes_on(_word(parse("The report rejects claims of abuse."), "claims"))


def test_the_time_words_between_a_speaker_and_a_verb_are_the_calendars() -> None:
    """speech_verbs.yaml adverbs that calendar.yaml names: weekdays, days and parts of a day, not manner words."""
    from flashpoint.nlp import quotes

    words = quotes._time_words()
    assert {"wednesday", "yesterday", "tonight"} <= words and not words & {"firmly", "also"}


def test_an_actors_name_gives_its_sector_in_words() -> None:
    """roles.yaml sector_labels: "REB" is written "rebels" after the demonym; a code not listed stays a code."""
    from flashpoint.nlp.gazetteer import sector_name

    assert sector_name("UKR", "REB") == "Ukrainian rebels"
    assert sector_name("UKR", "XYZ") == "Ukrainian xyz"


def test_foreign_makes_a_role_nobodys_nation_unless_an_office_follows() -> None:
    """entities.yaml foreign_words and foreign_office_nouns: "foreign fighters" are no nation's, a "foreign minister"
    is one."""
    from flashpoint.nlp import actors

    assert actors.of_no_nation("foreign fighters") and not actors.of_no_nation("foreign minister")


def test_the_possessive_after_a_name_is_the_languages() -> None:
    """entities.yaml possessive_apostrophes and possessive_endings: "Russia’s" and "the rebels'" end in a
    possessive, "Russias" does not; a name followed by one is read without it."""
    from flashpoint.nlp import actors, entities

    assert actors._POSS.search("Russia’s") and actors._POSS.search("the rebels'") and not actors._POSS.search("Russias")
    assert entities._possessive_after("Kyiv’s mayor", 4) and not entities._possessive_after("Kyiv is", 4)
    assert coref.affiliation("Russia’s foreign minister") == "RUS"


def test_a_people_named_in_the_plural_is_told_by_its_ending() -> None:
    """entities.yaml plural_people_endings: "regional leaders" are of several states and no nation's, "the regional
    governor" is one country's; "the militant group" points back to a group the story named, "the militants" do not."""
    from flashpoint.nlp import actors

    assert actors._named_in_plural("ukrainians") and not actors._named_in_plural("ukrainian")
    assert actors.of_no_nation("regional leaders") and not actors.of_no_nation("the regional governor")
    assert actors._points_back("the militant group", None) and not actors._points_back("the militants", None)


def test_the_inner_words_of_a_title_are_title_words() -> None:
    """roles.yaml title_inner_words: "Secretary of State Antony Blinken" is Antony Blinken with his title."""
    assert {"Of", "State"} <= coref.title_words()
    assert coref.strip_title("US Secretary of State Antony Blinken") == "Antony Blinken"


def test_a_time_before_an_infinitive_is_no_subject_of_it() -> None:
    doc = parse("Russia waited for months to attack Ukraine.")
    assert syn.infinitive_subject(_word(doc, "attack")) is None


def test_an_infinitive_with_its_own_subject_written_tells_an_act_wanted() -> None:
    wanted = parse("An agreement for the troops to begin leaving Kabul was signed.")
    done = parse("The troops began leaving Kabul.")
    assert syn.modality(_word(wanted, "leaving")) == (False, True)
    assert syn.modality(_word(done, "leaving")) == (False, False)


def test_what_a_verb_of_naming_names_is_marked_by_naming_marks() -> None:
    """syntax.yaml naming_marks ("as") and infinitive_marks ("to be") mark what a verb of naming says its object is
    (syntax.named_complements); another preposition names nothing."""
    named = {text: [t.text for t in syn.named_complements(_word(parse(text), verb))] for text, verb in (
        ("The minister described the drills as a provocation.", "described"),
        ("The minister described the drills with a provocation.", "described"),
        ("The ministry considers the killings to be genocide.", "considers"),
        ("The ministry considers the killings of genocide.", "considers"))}
    assert list(named.values()) == [["provocation"], [], ["genocide"], []]
