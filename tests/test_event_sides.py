"""Which side a pronoun, an owned force or an unplaced target of an event stands for, on sentences written for these
tests (not from any gold set): the clause and its own sentence first, a guess from the text before only where it is
safe, else no side (the event stays unsure)."""

from __future__ import annotations

import pytest

from flashpoint.model import Article, Event
from flashpoint.nlp.pipeline import analyze


def events_of(text: str, published: str = "2022-03-10") -> list[Event]:
    return analyze(Article(id="t", source="test", body=text, published=published)).events


def sides(events: list[Event], trigger: str) -> list[tuple[str | None, str | None]]:
    def country(a: object) -> str | None:
        return getattr(a, "country", None) or getattr(a, "code", None)
    return [(country(e.actor), country(e.recipient)) for e in events if e.trigger == trigger]


@pytest.mark.parametrize(("text", "actor"), [
    # "it" stands for the state its own sentence names before it, not for the last actor of the text
    ("Russia rejected the talks on Monday. The United States sent a message to that country that it must stop "
     "attacking Ukraine.", "RUS"),
    # with none named in its sentence, the text's last actor as before
    ("Russia rejected the proposal on Monday. Officials said that it attacked Ukraine again.", "RUS"),
])
def test_it_stands_for_a_state_its_own_sentence_names_first(text: str, actor: str) -> None:
    assert (actor, "UKR") in sides(events_of(text), "attacking") + sides(events_of(text), "attacked")


def test_an_object_pronoun_is_not_its_own_verbs_subject() -> None:
    """"As guerrilla fighters encircle them": them is not the fighters (a reflexive would be), but whom the text told
    of before."""
    text = "Syrian soldiers crossed the river on Monday. As Turkish troops encircled them, the men knelt."
    assert ("TUR", "SYR") in sides(events_of(text), "encircled")


@pytest.mark.parametrize(("text", "recipient"), [
    # a country told of in passing is no scene of the story's acts: a target the clause does not place is not its
    ("Russian troops occupied the Chernobyl plant in Ukraine. Moscow said Russia would keep Chernobyl. Ukraine's "
     "officials said the risks reached nearby Belarus. Russian soldiers even stole radioactive dust.", None),
    # the countries the story is about still place it
    ("Russian troops occupied the Chernobyl plant in Ukraine. Moscow said Russia would keep Chernobyl. Russian "
     "soldiers even stole radioactive dust.", "UKR"),
])
def test_an_unplaced_target_is_not_of_a_country_told_in_passing(text: str, recipient: str | None) -> None:
    found = sides(events_of(text), "stole")
    assert found and found[0] == ("RUS", recipient)


def test_a_first_person_pronoun_outside_a_quotation_is_the_reporting_speakers() -> None:
    """Quotation marks the reader did not take for one: "us" is the one who says the words, not the text's last
    actor nor the subject of the clause it is in."""
    text = "President Bush met the two leaders on Monday. Pakistan promised to help us, says Afghan President Hamid Karzai."
    assert ("PAK", "AFG") in sides(events_of(text), "promised")


@pytest.mark.parametrize(("text", "trigger", "actor"), [
    # a force owned by a pronoun is of whom the pronoun stands for
    ("Ukrainian television reported the battle in Mali. The Wagner group said that its fighters had attacked the "
     "militants.", "attacked", "RUS"),
    # "the troops" stand for the force the text last told acting, not for the country of a place their sentence names
    ("Russian troops occupied the Chernobyl plant in Ukraine. Russian soldiers even stole radioactive dust. Near the "
     "Ukrainian border, the troops scattered mines.", "scattered", "RUS"),
    # a force whose own words name its country keeps it
    ("Ukrainian television reported the battle in Mali. The Wagner group said that Malian fighters had attacked the "
     "militants.", "attacked", "MLI"),
    ("Russian troops occupied the Chernobyl plant in Ukraine. Russian soldiers even stole radioactive dust. Near the "
     "Ukrainian border, Ukrainian troops scattered mines.", "scattered", "UKR"),
])
def test_a_force_its_words_give_no_country_is_of_the_side_told(text: str, trigger: str, actor: str) -> None:
    """A force owned by a pronoun ("its fighters") or a bare definite one ("the troops") is of the side the text
    tells it of; one whose own words name a country is of that country."""
    found = sides(events_of(text), trigger)
    assert found and found[0][0] == actor


@pytest.mark.parametrize(("text", "trigger", "pair"), [
    # an -ing form with a "by" phrase of its own names an act as a noun does: the phrase does it, and the people the
    # clause it hangs on tells of undergo it, never doing it
    ("Two farmers were killed in shelling by Russian troops near Kherson.", "killed", ("RUS", "UKR")),
    # with no "by" phrase, an -ing form set off after its clause shares that clause's subject
    ("Two Ukrainian soldiers were wounded while shelling the Russian positions near Kherson.", "shelling",
     ("UKR", "RUS")),
])
def test_a_by_phrase_of_an_act_told_as_an_ing_form_is_its_doer(text: str, trigger: str, pair: tuple[str, str]) -> None:
    found = sides(events_of(text), trigger)
    assert found == [pair]


def test_the_people_killed_in_shelling_by_a_force_do_not_shell() -> None:
    """"killed in shelling by Russian troops": the farmers are no side of an act of their own."""
    text = "Two farmers were killed in shelling by Russian troops near Kherson."
    assert sides(events_of(text), "shelling") == []
    assert all(e.actor is None or e.actor.country != "UKR" for e in events_of(text))


def test_a_participle_with_an_agent_and_no_auxiliary_is_done_by_its_agent() -> None:
    """"Killed by the Russian army: ..." (a heading): the parse labels the "by" phrase an agent; it acts, though no
    auxiliary or subject is written."""
    assert sides(events_of("Killed by the Russian army: a family of four in Irpin"), "Killed")[0][0] == "RUS"


def test_coordinated_participles_share_the_agent_of_the_last() -> None:
    """"destroyed and damaged by Russian troops": the "by" phrase hung on the last participle is the first one's agent
    too; a participle of a clause of its own ("... and firefighters put out a fire caused by debris") shares none."""
    found = events_of("The schools destroyed and damaged by Russian troops will be rebuilt.")
    assert [(e.actor.country if e.actor else None) for e in found if e.trigger == "destroyed"] == ["RUS"]
    assert events_of("Twenty houses were damaged and firefighters put out a fire caused by the falling debris.") == []


def test_a_heading_before_a_colon_is_not_its_subjects_phrase() -> None:
    """"Shelling of the Kherson region: Occupiers attacked ...": the place the heading names as shelled is no word of
    the subject the parse glued it to; without the colon a name before the noun is the phrase's own."""
    from flashpoint.nlp import syntax as syn
    from flashpoint.nlp.parser import parse

    doc = parse("Shelling of the Kherson region: Occupiers attacked 12 villages in the region.")
    occupiers = next(t for t in doc if t.text == "Occupiers")
    assert doc.text[slice(*syn.phrase_span(occupiers))] == "Occupiers"
    assert sides(events_of("Shelling of the Kherson region: Occupiers attacked 12 villages in the region."),
                 "attacked")[0][0] == "RUS"
    doc = parse("Kherson region officials reported the attack.")
    officials = next(t for t in doc if t.text == "officials")
    assert doc.text[slice(*syn.phrase_span(officials))] == "Kherson region officials"


def test_a_possessive_on_a_conjunct_stands_for_the_noun_before_it() -> None:
    """"both parents and their child": "their" is the parents', so the child is no side of the force the text told
    before; a possessive on a noun of its own ("the troops said their commander ...") is read as before."""
    from flashpoint.nlp import syntax as syn
    from flashpoint.nlp.parser import parse

    text = "Russian troops shelled Izium on Monday. A family, both parents and their child, was killed in the shelling in Izium."
    assert all(e.recipient is None or e.recipient.country != "RUS" for e in events_of(text))
    doc = parse("A family, both parents and their child, was killed.")
    owner = syn.conjunct_owner(next(t for t in doc if t.text == "their"))
    assert owner is not None and owner.text == "parents"
    doc = parse("The soldiers said their commander was killed.")
    assert syn.conjunct_owner(next(t for t in doc if t.text == "their")) is None


@pytest.mark.parametrize(("text", "recipients"), [
    # an apposition the parse reads as a conjunct is the same side told again ("both residents of the town" is no
    # second side, of the country of the place): one event
    ("Ukrainian police detained two Russian men, both residents of the town, on Friday.", 1),
    # a list of sides joined by "and" stays one event each
    ("Ukrainian police detained two Russian men, three Belarusian women and a Polish driver on Friday.", 3),
])
def test_an_apposition_read_as_a_conjunct_is_no_second_side(text: str, recipients: int) -> None:
    found = [e for e in events_of(text) if e.type in ("ASSAULT", "COERCE")]
    assert len(found) == recipients


@pytest.mark.parametrize(("text", "recipients"), [
    # a place's region written after it is where the place lies: one place struck, not two
    ("Russian drones hit Kupiansk, Kharkiv Oblast, overnight.", ["Kupiansk"]),
    ("Russian drones attacked Nikopol, Dnipropetrovsk Oblast, on Sunday night.", ["Nikopol"]),
    # places listed with "and" stay one record each
    ("Russian forces shelled Kherson, Nikopol and Sumy on Tuesday.", ["Kherson", "Nikopol", "Sumy"]),
])
def test_a_region_after_a_place_is_no_second_place_struck(text: str, recipients: list[str]) -> None:
    found = [e for e in events_of(text) if e.type == "ASSAULT"]
    assert [e.recipient.text for e in found if e.recipient is not None] == recipients
    assert len(found) == len(recipients)


@pytest.mark.parametrize(("text", "recipients"), [
    # force told at a list of places of different countries hits the people of each country: one record each
    ("Armed groups carried out raids across Chad, Sudan and Libya last month.", {"TCD", "SDN", "LBY"}),
    ("Insurgents carried out attacks in Nigeria and Cameroon on Friday.", {"NGA", "CMR"}),
    # places of one country are one target; a name no gazetteer knows adds no country
    ("Insurgents carried out attacks in Maiduguri and Kano on Friday.", {"NGA"}),
    ("Insurgents carried out attacks in Nigeria and Zongoland on Friday.", {"NGA"}),
    # a listed place of the actor's own country is no target read from the list
    ("Russian forces shelled villages in the Kharkiv and Belgorod regions.", {"UKR"}),
])
def test_force_at_places_of_different_countries_hits_each_country(text: str, recipients: set[str]) -> None:
    found = [e for e in events_of(text) if e.type == "ASSAULT"]
    assert {e.recipient.country for e in found if e.recipient is not None} == recipients
    assert len(found) == len(recipients)
