"""PLOVER event coding from the parse, on sentences written for these tests (not from any gold set).
Each test states a structural behaviour: roles from the parse, scope of negation and irrealis,
background, furniture, one happening one event, offsets."""

from __future__ import annotations

import pytest

from flashpoint.model import Article, Event
from flashpoint.nlp import syntax as syn
from flashpoint.nlp.parser import parse
from flashpoint.nlp.pipeline import analyze
from flashpoint.nlp.plover import canonical_type, plover_score


def events_of(text: str, published: str = "2022-03-10") -> list[Event]:
    return analyze(Article(id="t", source="test", body=text, published=published)).events


def of_type(events: list[Event], type_: str) -> list[Event]:
    return [e for e in events if e.type == type_]


def side(actor: object) -> str | None:
    return getattr(actor, "country", None) or getattr(actor, "code", None)


@pytest.mark.parametrize(("sentence", "type_"), [
    ("Turkey and Greece agreed to a ceasefire on Monday.", "AGREE"),
    ("The Polish foreign minister visited Kenya on Tuesday.", "CONSULT"),
    ("Egypt praised Jordan for its mediation.", "SUPPORT"),
    ("Rebels shelled the town overnight.", "ASSAULT"),
    ("India accused Pakistan of sheltering militants.", "ACCUSE"),
    ("Chile rejected a proposal from Peru.", "REJECT"),
    ("Thousands of students protested in Lima.", "PROTEST"),
    ("Police arrested 40 activists in Minsk.", "COERCE"),
    ("Norway sent humanitarian aid to Yemen.", "AID"),
    ("The army withdrew from the border town.", "RETREAT"),
    ("Morocco urged Algeria to reopen the border.", "REQUEST"),
    ("China threatened Lithuania with sanctions.", "THREATEN"),
])
def test_trigger_types(sentence: str, type_: str) -> None:
    assert type_ in {e.type for e in events_of(sentence)}


def test_subject_and_object_give_actor_and_recipient() -> None:
    ev = of_type(events_of("Azerbaijan shelled Armenia on Tuesday."), "ASSAULT")[0]
    assert (side(ev.actor), side(ev.recipient)) == ("AZE", "ARM")


def test_passive_agent_is_the_actor_and_subject_the_recipient() -> None:
    ev = of_type(events_of("A Kenyan convoy was attacked by Somali troops."), "ASSAULT")[0]
    assert side(ev.actor) == "SOM" and side(ev.recipient) == "KEN"


def test_no_recipient_in_the_parse_means_none() -> None:
    ev = of_type(events_of("Iran condemned the decision on Friday."), "ACCUSE")[0]
    assert side(ev.actor) == "IRN" and ev.recipient is None


def test_coordinated_recipients_give_one_event_each() -> None:
    evs = of_type(events_of("The US has given Ukraine and Russia a June deadline to end the war."), "THREATEN")
    assert {side(e.recipient) for e in evs} == {"UKR", "RUS"}
    assert not of_type(events_of("The US has given Ukraine and Russia a June deadline to end the war."), "AID")


def test_coordinated_modifiers_split_a_side_only_where_they_name_owners() -> None:
    """"Ukrainian and Russian officials" are two sides; "the military and political leadership of Chile" is one."""
    evs = of_type(events_of("Ukrainian and Russian officials met with Turkish diplomats in Istanbul."), "CONSULT")
    assert {side(e.actor) for e in evs} == {"UKR", "RUS"}
    evs = of_type(events_of("Peru condemned the military and political leadership of Chile."), "ACCUSE")
    assert [(side(e.actor), side(e.recipient)) for e in evs] == [("PER", "CHL")]


@pytest.mark.parametrize(("sentence", "type_", "sides"), [
    ("Greece is a longtime rival of Turkey and has accused Ankara of provocations.", "ACCUSE", ("GRC", "TUR")),
    ("Peru is one of the loudest critics of the deal and has urged Chile to drop it.", "REQUEST", ("PER", "CHL")),
])
def test_a_verb_coordinated_with_a_predicate_noun_has_its_subject(sentence: str, type_: str,
                                                                  sides: tuple[str, str]) -> None:
    ev = of_type(events_of(sentence), type_)[0]
    assert (side(ev.actor), side(ev.recipient)) == sides


def test_the_two_sides_are_the_sides_of_the_last_act_between_two_countries() -> None:
    """syntax.yaml pair_phrases: "both sides" after talks between Russia and Ukraine are Russia and Ukraine, inherited
    (the confidence model no longer weighs inheriting: fitted on one gold set and scored on the other it did not
    help); with no such act before, no side is guessed."""
    evs = of_type(events_of("Russia and Ukraine held talks in Istanbul. Both sides accused each other of shelling "
                            "the plant."), "ACCUSE")
    assert {(side(e.actor), side(e.recipient)) for e in evs} == {("RUS", "UKR"), ("UKR", "RUS")}
    alone = of_type(events_of("The two sides signed a ceasefire deal in Minsk."), "AGREE")
    assert all(side(e.actor) is None and side(e.recipient) is None for e in alone)


@pytest.mark.parametrize(("sentence", "force"), [
    ("Two soldiers were killed in a helicopter crash in Afghanistan, the military said.", False),
    ("Three villagers were injured in a landslide near the border.", False),
    ("Two soldiers were killed in a Taliban attack in Kandahar.", True),
    ("Two soldiers were killed by gunmen near the crash site.", True),
])
def test_harm_in_a_mishap_is_no_use_of_force(sentence: str, force: bool) -> None:
    """syntax.yaml accident_nouns: a death told "in" a crash or a landslide, with no one doing it, codes no ASSAULT."""
    assert bool(of_type(events_of(sentence), "ASSAULT")) == force


def test_denial_scope_is_the_denied_clause_only() -> None:
    evs = events_of("Armenia denied firing at Ganja and accused Azerbaijan of shelling Stepanakert.")
    firing = [e for e in of_type(evs, "ASSAULT") if e.trigger == "firing"]
    assert firing and all(e.negated for e in firing)
    accuse = of_type(evs, "ACCUSE")
    assert accuse and not any(e.negated for e in accuse) and side(accuse[0].recipient) == "AZE"


def test_verb_classes_hold_where_the_lemmatizer_errs() -> None:
    """The trained lemmatizer gives "pressed" the lemma "presse": the verb classes of lang/en/syntax.yaml also
    match by written form, so "pressed X to withdraw" is still a request to X, whose withdrawal is only asked for."""
    evs = events_of("Washington pressed Israel to withdraw from Gaza.")
    request = of_type(evs, "REQUEST")
    assert request and side(request[0].recipient) == "ISR" and not of_type(evs, "RETREAT")
    done = of_type(events_of("Israel withdrew from Gaza."), "RETREAT")
    assert done and not done[0].hypothetical


def test_he_is_the_person_the_quotes_would_take_him_for() -> None:
    """One pronoun resolver for quotes and events: "He" after a sentence whose subject is an unlisted spokesman
    is the spokesman, with no side, not the last head of state the knowledge base codes; with no one between,
    it is that head of state."""
    spokesman = events_of("President Vladimir Putin praised the deal on Monday. The agency's spokesman, Adam Reyes, "
                          "spoke to reporters. He accused Ukraine of shelling the plant.")
    accuse = of_type(spokesman, "ACCUSE")
    assert accuse and accuse[0].actor is not None and accuse[0].actor.name == "Adam Reyes"
    assert accuse[0].actor.country is None
    putin = of_type(events_of("President Vladimir Putin praised the deal on Monday. He accused Ukraine of shelling "
                              "the plant."), "ACCUSE")
    assert putin and putin[0].actor is not None and putin[0].actor.country == "RUS"


@pytest.mark.parametrize(("sentence", "recipient"), [
    ("Egypt condemned the killing of Palestinian civilians.", None),
    ("The cabinet condemned all acts of violence and attacks against civilians.", None),
    ("Egypt condemned the killing of Palestinian civilians by Israeli forces.", "ISR"),
    ("The Palestinian Authority condemned the assassination of three Palestinians in the occupied West Bank.", None),
    ("Sunni clerics in Iraq condemned the deaths of the Iraqi security guards and police.", None),
    ("Jordan condemned Israel's assassination of a Hamas leader.", "ISR"),
    ("Germany condemned the Russian attack on Ukrainian civilians.", "RUS"),
    ("Israel blamed the attack on Hezbollah.", "LBN"),
    ("Egypt condemned Israel over the strikes.", "ISR"),
])
def test_an_act_condemned_is_aimed_at_its_doer_not_its_victims(sentence: str, recipient: str | None) -> None:
    """lang/en/syntax.yaml act_nouns: the object of a condemnation that is a harmful act points at whoever did it,
    named by its modifiers or its 'by'; the people it was done to are no recipient."""
    accuse = of_type(events_of(sentence), "ACCUSE")
    assert accuse and side(accuse[0].recipient) == recipient


@pytest.mark.parametrize(("sentence", "kind", "recipient"), [
    ("Austria has opened an investigation into Moldova's war crimes.", "ACCUSE", "MDA"),
    ("Austria has opened an investigation into war crimes by Moldovan troops.", "ACCUSE", "MDA"),
    ("Austria has opened an investigation into the killing of two Moldovan farmers.", "ACCUSE", None),
    ("Thousands of Peruvians protested in Lima against the killing of Bolivian students by Chilean police.",
     "PROTEST", "CHL"),
])
def test_an_act_an_oblique_names_is_aimed_at_its_doer_not_its_victims(sentence: str, kind: str,
                                                                         recipient: str | None) -> None:
    """events._oblique_parties: an oblique recipient slot holding a harmful act (syntax.yaml act_nouns) names the act's
    doer, as an object holding one does; the people it was done to are no recipient."""
    found = of_type(events_of(sentence), kind)
    assert found and side(found[0].recipient) == recipient


@pytest.mark.parametrize(("sentence", "actor"), [
    ("Russia's shelling of Kharkiv killed five people.", "RUS"),
    ("The Russian shelling of Kharkiv killed five people.", "RUS"),
    ("The shelling of Aleppo killed five people.", None),
    # no one named: a weapon of war on one side of a conflict is the other side's (events.yaml conflict_attackers)
    ("The shelling of Kharkiv killed five people.", "RUS"),
    ("The Israeli bombing of Rafah killed 20 people.", "ISR"),
    ("The bombing of Rafah killed 20 people.", None),
])
def test_the_target_of_an_act_that_kills_is_not_its_doer(sentence: str, actor: str | None) -> None:
    """lang/en/syntax.yaml victim_of_nouns: an act of force as the subject of a verb of force names its doer only by
    its own modifiers; the place after its "of" is what it hit ("The shelling of Kharkiv": not Kharkiv, but, with no
    one named, the other side of the war on Ukraine)."""
    assault = of_type(events_of(sentence), "ASSAULT")
    assert assault and side(assault[0].actor) == actor


@pytest.mark.parametrize(("sentence", "type_", "told_as_fact"), [
    ("Russia could invade Ukraine and seize Kyiv.", "COERCE", False),
    ("The United States and European countries must take action and impose sanctions on Russia.", "SANCTION", False),
    ("If Russia invades, the US will impose sanctions and send troops to Poland.", "MOBILIZE", False),
    ("Russian forces captured Izium and seized Kupiansk.", "COERCE", True),
    ("Russia invaded Ukraine and seized Kherson in March.", "COERCE", True),
])
def test_a_bare_verb_joined_to_another_shares_its_auxiliary(sentence: str, type_: str, told_as_fact: bool) -> None:
    """lang/en/syntax.yaml shared_scope_conjunctions: "could invade Ukraine and seize Kyiv" makes the seizure only
    possible; a verb with its own tense ("seized") is told as done."""
    found = of_type(events_of(sentence), type_)
    assert found and all((not e.hypothetical and not e.negated) == told_as_fact for e in found)


def test_a_negation_reaches_a_bare_verb_joined_by_or() -> None:
    """"did not attack Kyiv or shell Kharkiv": no shelling is told as done."""
    assert not [e for e in of_type(events_of("Russia did not attack Kyiv or shell Kharkiv."), "ASSAULT")
                if not e.negated]


@pytest.mark.parametrize(("text", "actor", "recipient"), [
    # countries.yaml shared_seats: "the Senate" of a text that names no US place is no US Senate; a state's organ
    # told before the text names a place is of the country the text names most (events._localise)
    ("The Senate has dragged the Inspector-General of Police to court. The police in Abuja had invited two "
     "senators for questioning.", "NGA", "NGA"),
    ("The Senate has dragged the Inspector-General of Police to court. The police in Washington had invited two "
     "senators for questioning.", "USA", "USA"),
    # people of no state organ take no country from the text before it names a place
    ("Doctors urged the health ministry to vaccinate migrants. Kenya has 40 camps.", None, "KEN"),
    ("The police urged residents to stay indoors. Kenya has 40 camps.", "KEN", "KEN"),
])
def test_an_organ_told_before_any_place_is_of_the_country_the_text_names_most(text: str, actor: str | None,
                                                                               recipient: str | None) -> None:
    first = events_of(text)[0]
    assert (side(first.actor), side(first.recipient)) == (actor, recipient)


@pytest.mark.parametrize(("text", "actor"), [
    # a person named whose country is unknown (the sentence names Beijing in another phrase, entities.yaml
    # role_owner_breaks) is of no country, not of the place the text last named (events._localise)
    ("Officials gathered in New Delhi on Monday. Talks with Beijing stalled, and Prime Minister Lo Kantor condemned "
     "the attack.", None),
    ("Officials gathered in New Delhi on Monday. China's Prime Minister Lo Kantor condemned the attack.", "CHN"),
])
def test_a_named_person_of_no_known_country_takes_none_from_the_last_place(text: str, actor: str | None) -> None:
    found = of_type(events_of(text), "ACCUSE")
    assert found and side(found[0].actor) == actor


@pytest.mark.parametrize(("sentence", "actor"), [
    ("The airstrikes in Gaza killed 30 Palestinians.", None),
    ("Kamikaze drones in Mykolaiv region again attacked the port.", None),
    ("Security forces in Guinea fired on protesters.", "GIN"),
    ("Israeli airstrikes in Gaza killed 30 Palestinians.", "ISR"),
])
def test_an_attack_is_not_of_the_place_it_struck(sentence: str, actor: str | None) -> None:
    """lang/en/syntax.yaml attack_nouns: "the airstrikes in Gaza" struck Gaza and are not Gaza's, while "security
    forces in Guinea" are Guinea's (events._stationed)."""
    assault = of_type(events_of(sentence), "ASSAULT")
    assert assault and side(assault[0].actor) == actor


def test_a_past_act_with_no_date_of_its_own_happened_on_the_day_the_sentence_before_told() -> None:
    """Narrative time: the day the previous sentence states carries to a past act in the next one that names
    none ("In the same call"); not to one told in the present, and not past a sentence that names no day."""
    text = ("Chancellor Merkel spoke to Mr Putin on the phone on Thursday. In the same call, Mr Putin accused Ukraine "
            "of inflaming the situation. The talks went on. Ukraine rejected the claim.")
    by_type = {e.type: e.date for e in events_of(text, published="2021-04-09")}
    assert by_type["ACCUSE"] == "2021-04-08"
    assert by_type["REJECT"] == "2021-04-09"  # two sentences on: the day of publication
    now = events_of("Chancellor Merkel spoke to Mr Putin on Thursday. Mr Putin accuses Ukraine of provocations.",
                    published="2021-04-09")
    assert {e.type: e.date for e in now}["ACCUSE"] == "2021-04-09"


def test_what_is_avoided_or_prohibited_did_not_happen() -> None:
    """syntax.yaml irrealis_verbs: 'avoid', 'prevent', 'prohibit' ... govern acts that did not take place."""
    avoided = of_type(events_of("He moved every night to avoid being tracked and killed by Israel."), "ASSAULT")
    assert avoided and all(e.hypothetical for e in avoided)
    done = of_type(events_of("The Hamas commander was killed by Israel."), "ASSAULT")
    assert done and not any(e.hypothetical for e in done)


@pytest.mark.parametrize(("sentence", "type_", "hypothetical"), [
    ("US President Donald Trump has been eager to withdraw, but General Mark Milley said it would stay.", "RETREAT",
     True),
    ("Asked whether the goal of the US in sending military aid to Ukraine is to defeat Russia, she stopped short.",
     "AID", True),
    ("Russia withdrew its troops from Kherson, eager to end the war.", "RETREAT", False),
    ("Russia sent troops to Syria with the goal of saving Assad.", "MOBILIZE", False),
    ("In a bid to capture Bakhmut, Russian forces shelled the city.", "ASSAULT", False),
])
def test_an_act_of_aim_or_desire_has_not_happened(sentence: str, type_: str, hypothetical: bool) -> None:
    """syntax.yaml irrealis_verbs, its adjectives and nouns: an act an adjective or noun of aim or desire governs ("eager to withdraw", "the goal
    ... in sending aid") is not told as done; the act that word hangs on is."""
    found = of_type(events_of(sentence), type_)
    assert found and all(e.hypothetical == hypothetical for e in found)


@pytest.mark.parametrize(("sentence", "hypothetical", "negated"), [
    ("The Japanese foreign ministry says China may stage a provocation near the islands.", False, False),
    ("Belarus said Poland could be preparing a provocation at the border.", False, False),
    ("Belarus says Poland is not planning a provocation at the border.", False, True),
    ("The Latvian army does not rule out that Russia may stage provocations near the border.", False, True),
    ("The Latvian army did not say that Russia was planning a provocation.", False, True),
])
def test_a_charge_of_a_possible_act_is_made_when_said(sentence: str, hypothetical: bool, negated: bool) -> None:
    """events.yaml accuse-claim-deceit: "says China may stage a provocation" charges China now, whatever the modal on
    the act charged; a charge told negated, or a saying told negated ("does not rule out that"), is none made."""
    found = of_type(events_of(sentence), "ACCUSE")
    assert found and all(e.hypothetical == hypothetical and e.negated == negated for e in found)


@pytest.mark.parametrize(("sentence", "type_", "hypothetical"), [
    ("President Xi Jinping of China is likely to deploy People's Liberation Army forces onto Hong Kong's streets.",
     "MOBILIZE", True),
    ("Russia is poised to impose new sanctions on Moldova, officials said.", "SANCTION", True),
    ("Officials in Tbilisi warn that Russia is about to invade Georgia.", "ASSAULT", True),
    ("Officials in Tbilisi say Russia invaded Georgia about a week ago.", "ASSAULT", False),
    ("President Xi Jinping of China deployed People's Liberation Army forces onto Hong Kong's streets.",
     "MOBILIZE", False),
])
def test_an_act_foretold_by_an_adjective_has_not_happened(sentence: str, type_: str, hypothetical: bool) -> None:
    """syntax.yaml irrealis_verbs, its adjectives of a forecast: "is likely to deploy" foretells the deployment."""
    found = of_type(events_of(sentence), type_)
    assert found and all(e.hypothetical == hypothetical for e in found)


@pytest.mark.parametrize(("sentence", "told"), [
    ("Aid to Armenia will not resume until Yerevan signs a peace treaty with Azerbaijan, officials said.", False),
    ("Aid to Armenia did not resume until Yerevan signed a peace treaty with Azerbaijan.", True),
])
def test_an_act_waited_for_has_not_happened(sentence: str, told: bool) -> None:
    """syntax.yaml awaited_marks: "until Yerevan signs a peace treaty" told in the present is waited for; "until
    Yerevan signed" happened."""
    found = of_type(events_of(sentence), "AGREE")
    assert found and all(e.hypothetical != told for e in found)


@pytest.mark.parametrize(("sentence", "coded"), [
    ("Macron discusses Russia's invasion of Ukraine with Tokayev.", False),
    ("A sandstorm interfered with the Israeli assault on Rafah.", False),
    ("The governor commented on the Russian shelling of Kharkiv at a briefing.", False),
    ("The Israeli assault on Rafah killed twelve people.", True),
])
def test_an_act_noun_talked_about_or_met_with_is_no_act_told(sentence: str, coded: bool) -> None:
    """syntax.yaml mention_heads: an act noun a word of talk, of showing or of hindrance governs is a topic, no act the
    clause tells; the same noun as the subject of harm still tells it."""
    assert bool(of_type(events_of(sentence), "ASSAULT")) == coded


_TOPICS = {"Key points about the Estonian premier's visit to the UN Security Council": "CONSULT",
           "Macron about Kyiv shelling during the Pope's visit: a test for Europe": "ASSAULT",
           "Biden about Russian shelling of Kyiv: a crime": "ASSAULT"}
_TOLD = {"The Estonian premier visited the UN Security Council to talk about the war.": "CONSULT",
         "Russian troops shelled Kyiv during the Pope's visit.": "ASSAULT"}


def test_an_act_a_line_is_about_is_no_act_told() -> None:
    """syntax.yaml topic_marks: an act phrase after "about" (a noun, or a participle the parse hung on a town) is what
    the line or the talk is about, no act it tells; the act the clause itself tells still is one."""
    assert not [s for s, t in _TOPICS.items() if of_type(events_of(s), t)]
    assert all(of_type(events_of(s), t) for s, t in _TOLD.items())


@pytest.mark.parametrize(("sentence", "type_", "background"), [
    ("Russian pilots who bombed Kharkiv are now seeking asylum in Georgia.", "ASSAULT", True),
    ("Explosions were heard at a warehouse in Kherson, which hosted Russian troops and equipment.", "CONSULT", True),
    ("Rescuers searched the shopping centre, which was hit by a Russian missile.", "ASSAULT", False),
    ("Hamas fighters, who stormed a kibbutz on Saturday, took 30 hostages.", "ASSAULT", False),
    ("Russia fired the missiles that struck Kyiv.", "ASSAULT", False),
    ("Assange is fighting extradition to the United States, which accuses him of espionage.", "ACCUSE", False),
    ("Recent Russian missile strikes on Kyiv show the need for more air defence.", "ASSAULT", True),
    ("The ministry says previous Russian attacks on Kharkiv killed dozens of civilians.", "ASSAULT", True),
    ("Russian missile strikes on Kyiv killed two people.", "ASSAULT", False),
    ("Recent Russian missile strikes on Kyiv in October 2022 destroyed power plants.", "ASSAULT", False),
    ("Zelensky's recent visit to Washington angered Moscow.", "CONSULT", False),
])
def test_an_act_told_to_describe_a_side_is_background(sentence: str, type_: str, background: bool) -> None:
    """background.yaml describing_relatives: an act in the active voice in a "who"/"which" clause with no date of its
    own says who or what its antecedent is, background; a passive one, a dated one, or one after "that" is news.
    background.yaml run_adjectives (event_time.told_as_run): "recent strikes" sums up acts told before, background; the
    same noun without the adjective, dated in its clause, or in the singular ("recent visit") is news."""
    found = of_type(events_of(sentence), type_)
    assert found and all(e.historical == background for e in found)


@pytest.mark.parametrize(("sentence", "type_", "state"), [
    ("Armenia is encircled by Azerbaijan and Turkey.", "COERCE", True),
    ("Kharkiv is being shelled by Russian troops.", "ASSAULT", False),
    ("Kharkiv was shelled by Russian troops on Monday.", "ASSAULT", False),
])
def test_a_passive_in_the_simple_present_tells_a_state(sentence: str, type_: str, state: bool) -> None:
    """background.yaml state_auxiliaries: "is encircled by" with no other auxiliary and no date tells a standing state,
    background; "is being shelled" (going on) and "was shelled on Monday" are news."""
    found = of_type(events_of(sentence), type_)
    assert found and all(e.historical == state for e in found)


def test_an_infinitive_hung_on_a_noun_tells_what_is_meant() -> None:
    """"an opening for moderates to attack": an infinitive the parse hung on a noun as a modifier (nmod) is what the
    noun makes possible, as an adnominal one is (syntax.is_purpose), no attack told."""
    text = ("His comments create a challenge for Warren and Sanders and an opening for moderates Buttigieg, Biden and "
            "Amy Klobuchar to attack.")
    found = of_type(events_of(text), "ASSAULT")
    assert found and all(e.hypothetical for e in found)


def test_what_a_bill_would_do_is_no_ones_threat() -> None:
    """events.yaml intent `measures`: what a law or a bill `would` do is a possibility of its adoption (hypothetical,
    its own type), not a threat of anyone's; a side that says it would is threatening."""
    bill = events_of("The Hong Kong Human Rights and Democracy Act, under consideration by the US Senate on Monday, "
                     "would impose economic sanctions on Chinese officials.")
    assert not of_type(bill, "THREATEN")
    assert all(e.hypothetical for e in of_type(bill, "SANCTION"))
    said = of_type(events_of("The US Senate said it would impose economic sanctions on Chinese officials."), "THREATEN")
    assert said and not said[0].hypothetical


def test_an_act_bidden_or_listed_is_not_told_done() -> None:
    """syntax.imperative: a bare verb heading its sentence with no subject ("2) Target Israel") bids or lists an act;
    a headline's verb with its subject ("Russian troops shell Kharkiv") tells one."""
    bidden = of_type(events_of("Their aims are these. 2) Target Israel and encourage the worst elements."), "ASSAULT")
    assert bidden and all(e.hypothetical for e in bidden)
    told = of_type(events_of("Russian troops shell Kharkiv."), "ASSAULT")
    assert told and not any(e.hypothetical for e in told)


def test_an_act_done_to_no_one_is_negated() -> None:
    """syntax._none_undergoes: "no" as the determiner of the object or the passive subject says the act was not done
    ("no charges were brought"); "two charges were brought" tells one."""
    none = of_type(events_of("No charges were brought against the Russian journalist."), "ACCUSE")
    assert none and all(e.negated for e in none)
    some = of_type(events_of("Two charges were brought against the Russian journalist."), "ACCUSE")
    assert some and not any(e.negated for e in some)


def test_a_participle_joined_to_a_passive_shares_it() -> None:
    """"was convicted and sentenced": the second participle is passive too, its subject the one sentenced (no actor),
    so the sentence tells one sanction of the suspect, not one by him."""
    found = of_type(events_of("The Russian suspect was convicted and sentenced to life in prison in Texas last Thursday."),
                    "SANCTION")
    assert found and all(side(e.recipient) == "RUS" for e in found)
    assert not any(side(e.actor) == "RUS" for e in found)
    active = of_type(events_of("Russian troops were deployed to the border and attacked the town of Kupiansk."), "ASSAULT")
    assert active and side(active[0].actor) == "RUS"


def test_of_two_subjects_the_clause_is_about_the_nearer_unless_they_are_a_list() -> None:
    """The parse may give a verb two subjects: a heading before a colon and the subject after it (the nearer acts),
    or a list with only a comma between (the first of it is kept, as before)."""
    heading = of_type(events_of("Occupiers in the Donetsk region: In a day, the Russians killed 5 civilians."),
                      "ASSAULT")
    assert heading and side(heading[0].actor) == "RUS"
    listed = of_type(events_of("U.S., Ukrainian leaders urge Russia to return the nuclear plant"), "REQUEST")
    assert listed and side(listed[0].actor) == "USA"


def test_a_determiner_the_parse_hung_on_a_verb_with_a_subject_leaves_it_a_verb() -> None:
    """"the named accused" is a noun of people, but "The(det) Netherlands and Belgium carried out raids" still acts:
    the parse gave the verb its subject's determiner."""
    raids = of_type(events_of("The Netherlands and Belgium carried out raids on militant camps in Mali."), "ASSAULT")
    assert {side(e.actor) for e in raids} == {"NLD", "BEL"}
    assert not of_type(events_of("The named accused included a former district president of the party."), "ACCUSE")


def test_not_negates_and_irrealis_is_hypothetical() -> None:
    assert all(e.negated for e in of_type(events_of("Russia did not attack Kyiv."), "ASSAULT"))
    threat = events_of("Iran threatened to strike Israel.")
    assert of_type(threat, "THREATEN") and all(e.hypothetical for e in of_type(threat, "ASSAULT"))
    cond = of_type(events_of("If Russia attacks Moldova, NATO will respond."), "ASSAULT")
    assert cond and all(e.hypothetical for e in cond)
    pending = of_type(events_of("Police in Dhaka had yet to arrest any of the four suspects."), "COERCE")
    assert pending and all(e.negated for e in pending)
    done = of_type(events_of("Police in Dhaka had finally arrested two of the four suspects."), "COERCE")
    assert done and not any(e.negated for e in done)
    plain = of_type(events_of("Belarus attacked the convoy."), "ASSAULT")
    assert plain and not plain[0].hypothetical and not plain[0].negated


def test_background_is_historical_and_dated() -> None:
    text = "Russia shelled Kharkiv on Tuesday. Russia annexed Crimea in 2014."
    evs = events_of(text, published="2022-03-10")
    old = [e for e in evs if "2014" in e.text]
    new = [e for e in evs if "Tuesday" in e.text]
    assert old and all(e.historical and (e.date or "").startswith("2014") for e in old)
    assert new and not any(e.historical for e in new) and all((e.date or "").startswith("2022-03") for e in new)


@pytest.mark.parametrize(("text", "background"), [
    ("Moldova says Russia has violated the treaty on conventional forces since 2014.", False),
    ("Zelensky: Russia violated the Budapest memorandum in 2014", False),
    ("In 2014, Kyiv said Russia had violated the Budapest memorandum.", True),
])
def test_a_charge_is_as_old_as_its_saying(text: str, background: bool) -> None:
    """A charge made when said (events.yaml made_when_said) is dated by its saying, not by the deeds it charges."""
    found = of_type(events_of(text, published="2022-03-10"), "ACCUSE")
    assert found and all(e.historical == background for e in found)


def test_reported_events_keep_their_source() -> None:
    ev = of_type(events_of("Ukrainian officials said Russian troops shelled Kharkiv."), "ASSAULT")[0]
    assert side(ev.actor) == "RUS" and side(ev.recipient) == "UKR"
    assert ev.reported_by is not None and ev.reported_by.country == "UKR"


def test_one_happening_told_twice_is_one_event_with_two_mentions() -> None:
    body = "Russia shelled Kharkiv on Monday.\n\nOfficials said Russia shelled Kharkiv again at night."
    evs = [e for e in of_type(events_of(body), "ASSAULT") if side(e.actor) == "RUS"]
    assert len(evs) == 1 and len(evs[0].mentions) == 1
    m = evs[0].mentions[0]
    assert body[m.start:m.end] == m.text and "again" in m.text


def test_a_headline_the_body_tells_again_is_a_mention_of_the_fuller_event() -> None:
    """The headline (or a sub-heading) tells the accusation the text under it tells in full: one happening, at the full
    telling, with the heading as its mention. A sentence closed by a stop is no heading, and a heading act on other
    sides stays its own."""
    body = "Ethiopia accuses Eritrea of shelling\n\nThe Ethiopian government accused the Eritrean army on Monday of " \
           "shelling Zalambessa."
    evs = of_type(events_of(body), "ACCUSE")
    assert len(evs) == 1 and evs[0].start > 0 and side(evs[0].actor) == "ETH" and side(evs[0].recipient) == "ERI"
    assert [(m.start, body[m.start:m.end]) for m in evs[0].mentions] == [(0, "Ethiopia accuses Eritrea of shelling")]
    other = "Chad accuses Sudan of shelling\n\nNiger accused Sudan of shelling a border village on Monday."
    assert len(of_type(events_of(other), "ACCUSE")) == 2
    lead = "Egypt urged Israel to end the siege.\n\nLater, the Egyptian foreign minister urged the Israeli government " \
           "to open the crossing at Rafah."
    assert len(of_type(events_of(lead), "REQUEST")) == 2
    quoted = "Egypt urged Israel to end the siege, calling it “a crime.”\n\nLater, the Egyptian foreign minister " \
             "urged the Israeli government to open the crossing at Rafah."
    assert len(of_type(events_of(quoted), "REQUEST")) == 2  # a stop inside the closing quote still closes the line
    sub = "Talks resume in Geneva\n\nThe envoys met on Monday.\n\nEthiopia accuses Eritrea of shelling\n\n" \
          "The Ethiopian government accused the Eritrean army on Monday of shelling Zalambessa."
    accused = of_type(events_of(sub), "ACCUSE")
    assert len(accused) == 1 and accused[0].start > sub.index("The Ethiopian") - 1 and len(accused[0].mentions) == 1


def test_casualties_told_with_no_doer_are_the_attack_told_before() -> None:
    """"At least 29 people were injured": the rocket the sentence before told, one happening with two mentions; a
    death at another place named is its own happening, and so is force on another named person."""
    body = ("A Hezbollah rocket hit a football field in Majdal Shams on Saturday.\n\nAt least 29 people were injured, "
            "six of them seriously.\n\nIn the Donetsk region, one resident of Toretsk was killed.")
    evs = of_type(events_of(body), "ASSAULT")
    assert len(evs) == 2 and side(evs[0].actor) == "LBN"
    assert [body[m.start:m.end][:18] for m in evs[0].mentions] == ["At least 29 people"]
    assert evs[1].mentions == [] and "Toretsk" in evs[1].text


def test_a_helper_named_with_support_or_mediation_is_no_side() -> None:
    """syntax.yaml help_nouns: "with French and German support" names who helped the two sides sign, no counterpart."""
    helped = of_type(events_of("The two sides signed a ceasefire deal in Minsk with French and German support."), "AGREE")
    assert helped and all(e.recipient is None for e in helped)
    signed = of_type(events_of("Kenya signed a defence pact with Somalia on Monday."), "AGREE")
    assert signed and side(signed[0].recipient) == "SOM"


def test_furniture_yields_no_events() -> None:
    body = "Photo: Russian troops attacked the town.\n\nBy agreeing to the Terms of Use you accept our rules."
    assert not events_of(body)


def test_offsets_score_and_confidence() -> None:
    body = "Talks stalled. Chad accused Sudan of arming rebels."
    art = analyze(Article(id="t", source="t", body=body, published="2022-01-05"))
    ev = of_type(art.events, "ACCUSE")[0]
    assert body[ev.start:ev.end] == ev.text and "Chad accused" in ev.text
    assert ev.score == plover_score("ACCUSE", ev.mode) < 0
    assert 0 < ev.confidence < 1 and ev.pattern == "accuse"


def test_confidence_follows_how_the_event_was_told() -> None:
    """event_confidence.json (fitted across two gold sets): both sides resolved from the clause is shown (>= 0.5), an
    act whose doer is not resolved is not."""
    def conf(body: str) -> float:
        found = of_type(events_of(body), "ACCUSE")
        assert found, body
        return found[0].confidence
    assert conf("Talks stalled. Chad accused Sudan of arming rebels.") >= 0.5
    assert conf("Talks stalled. The group accused Sudan of arming rebels.") < 0.5


def test_confidence_of_refitted_weights_keeps_the_rules_caps() -> None:
    """event_confidence.confidence with weights benchmarks/fit_event_confidence.py fits: the weights given replace the
    shipped ones, and a rule's cap (an act inside a quoted phrase) still holds, so a refit is scored as the coder would
    show it."""
    from flashpoint.nlp.event_confidence import confidence, weights
    from flashpoint.nlp.event_patterns import quoted_phrases
    told = {"both_known": 1.0}
    sure = {"bias": 0.0, "coef": {"both_known": 3.0}}
    assert confidence(told) == confidence(told, weights())
    assert confidence(told, sure) > 0.9 > confidence(told, {"bias": -3.0, "coef": {}})
    assert confidence({**told, "quoted_phrase": 1.0}, sure) <= quoted_phrases().confidence < 0.9


def test_an_attack_placed_only_by_a_town_of_a_war_is_marked_unsure() -> None:
    """events.yaml conflict_attackers `confidence`: a clause that names no side, only where the attack is told (here by
    the verb the noun is the subject of), implies both sides: shown as unsure, whatever the fitted model says; a side
    named by the clause is read from it and keeps the model's confidence."""
    def assault(body: str) -> list[tuple[str | None, str | None, float]]:
        return [(side(e.actor), side(e.recipient), e.confidence) for e in of_type(events_of(body), "ASSAULT")]
    placed = assault("Heavy shelling continued near Kharkiv on Sunday.")
    assert [(a, r) for a, r, _ in placed] == [("RUS", "UKR")] and placed[0][2] < 0.5
    named = assault("Russian troops shelled Kharkiv on Sunday.")
    assert [(a, r) for a, r, _ in named] == [("RUS", "UKR")] and named[0][2] >= 0.5
    assert assault("Heavy shelling came from the outskirts of Belgorod.") == []  # where it came from, not where it hit


@pytest.mark.parametrize(("sentence", "trigger", "on"), [
    ("Chad accused Sudan of arming rebels.", "accused", set()),
    ("Chad has accused Sudan of arming rebels.", "accused", {"perfect"}),
    ("Chad had accused Sudan of arming rebels.", "accused", {"perfect", "pluperfect"}),
    ("Chad, which accused Sudan of arming rebels, met Kenya.", "accused", {"noun_clause"}),
    ("Chad could accuse Sudan of arming rebels.", "accuse", {"modal"}),
    ("Sudan was accused of arming rebels.", "accused", {"passive"}),
    ("Officials said reports showed that Chad wanted aid and accused Sudan of arming rebels.", "accused", {"deep"}),
    ("Chad accused Sudan of arming rebels " + "and of sending them money " * 7 + ".", "accused", {"long"}),
])
def test_clause_features_of_the_confidence_model(sentence: str, trigger: str, on: set[str]) -> None:
    """event_confidence.clause_features: how the trigger's clause is told (aspect, modality, a clause hung on a noun,
    passive), the candidates benchmarks/fit_event_confidence.py chooses from."""
    from flashpoint.nlp.document import make_doc
    from flashpoint.nlp.event_confidence import clause_features
    doc = make_doc(Article(id="t", source="test", body=sentence))
    tok = next(t for t in doc.tokens if t.text == trigger)
    told = {k for k, v in clause_features(tok, 5, 10).items() if v and k not in ("lead", "late", "present")}
    assert told == on


@pytest.mark.parametrize(("body", "civilian"), [
    ("Chad shelled villagers in Sudan on Monday.", True),
    ("Chad shelled Sudanese troops on Monday.", False),
])
def test_civilian_recipient_feature(body: str, civilian: bool) -> None:
    """event_confidence.features: an act on civilians (a recipient of sector CVL), whose side's country is most often
    told by where they were, is a candidate feature of the confidence model."""
    from flashpoint.nlp.document import make_doc
    from flashpoint.nlp.pipeline import configured_backends, load_extractor
    doc = make_doc(Article(id="t", source="test", body=body, published="2022-03-10"))
    for stage, path in configured_backends().items():
        setattr(doc, stage, load_extractor(path)(doc))
    shelling = [e for e in doc.events if e.type == "ASSAULT"]
    assert shelling, body
    assert doc.extras["event_features"][id(shelling[0])]["civilian_recipient"] == float(civilian)


SIDE_FEATURES = ("actor_argument", "actor_away", "actor_common", "recipient_object", "recipient_oblique",
                 "recipient_sentence", "recipient_away", "recipient_common", "fanout")


@pytest.mark.parametrize(("body", "kind", "on"), [
    ("Chad accused Sudan of arming rebels.", "ACCUSE", {"actor_argument", "recipient_object"}),
    ("Chad met with Sudan on Monday.", "CONSULT", {"actor_argument", "recipient_oblique"}),
    ("Chad shelled villagers in Sudan on Monday.", "ASSAULT", {"actor_argument", "recipient_object", "recipient_common"}),
    ("Sudan accused Chad. Chad denied it and shelled them on Monday.", "ASSAULT", {"recipient_away"}),
])
def test_side_features_of_the_confidence_model(body: str, kind: str, on: set[str]) -> None:
    """event_confidence.side_features: how each side was found (an argument of the trigger, which one, elsewhere in
    its sentence or before it; named or a common noun), candidates benchmarks/fit_event_confidence.py chooses from;
    a recipient read from an oblique ("met with Sudan") is less sure than one read from the object."""
    from flashpoint.nlp.document import make_doc
    from flashpoint.nlp.pipeline import configured_backends, load_extractor
    doc = make_doc(Article(id="t", source="test", body=body, published="2022-03-10"))
    for stage, path in configured_backends().items():
        setattr(doc, stage, load_extractor(path)(doc))
    found = [e for e in doc.events if e.type == kind]
    assert found, body
    x = doc.extras["event_features"][id(found[-1])]
    assert {k for k in SIDE_FEATURES if x[k]} == on


def test_oblique_recipient_is_less_sure() -> None:
    met, talks = (of_type(events_of(b), "CONSULT") for b in ("Chad met with Sudan on Monday.",
                                                            "Chad held talks with Sudan on Monday."))
    assert met and talks and met[0].confidence < talks[0].confidence


def test_ontology_helpers() -> None:
    assert canonical_type("fight") == "ASSAULT" and canonical_type("demand") == "REQUEST"
    assert plover_score("ASSAULT", "aerial") < plover_score("ASSAULT") < 0 < plover_score("AID")


def test_unplaced_people_are_of_the_place_the_clause_or_text_names() -> None:
    # the place named in the clause's subject makes the police and the people they hold Bangladeshi
    arrest = of_type(events_of("Police in Dhaka detained three students on Friday."), "COERCE")
    assert arrest and side(arrest[0].actor) == "BGD" and side(arrest[0].recipient) == "BGD"
    # no place in the clause: the place the text last named
    later = "Heavy fighting went on in eastern Ukraine. Russian drones killed a woman overnight."
    placed = "Russian drones killed a woman in Kharkiv overnight."
    inherited, direct = of_type(events_of(later), "ASSAULT"), of_type(events_of(placed), "ASSAULT")
    assert inherited and side(inherited[0].recipient) == "UKR"
    assert direct and side(direct[0].recipient) == "UKR"
    # no place anywhere: the people stay without a country; a country the phrase names is kept
    alone = of_type(events_of("French drones killed a woman overnight."), "ASSAULT")
    assert alone and alone[0].recipient is not None and side(alone[0].recipient) is None
    # ... unless a side of a war (resources/conflicts) hit them: the other side's (events._place_war_victims)
    warring = of_type(events_of("Russian drones killed a woman overnight."), "ASSAULT")
    assert warring and side(warring[0].recipient) == "UKR" and warring[0].recipient.text == "a woman"
    named = of_type(events_of("Heavy fighting went on in Lebanon. Israeli jets killed two Syrian workers."),
                    "ASSAULT")
    assert named and side(named[0].recipient) == "SYR"


@pytest.mark.parametrize(("sentence", "type_", "hypothetical"), [
    ("Volunteers drove to the border to deliver food to refugees from Sudan.", "AID", True),  # purpose
    ("Volunteers delivered food to refugees from Sudan.", "AID", False),
    ("Egypt sent envoys to Khartoum to negotiate a truce with the army.", "CONSULT", True),
    ("Egyptian envoys negotiated a truce with the army in Khartoum.", "CONSULT", False),
])
def test_a_clause_of_purpose_is_what_was_meant_not_what_happened(sentence: str, type_: str,
                                                                 hypothetical: bool) -> None:
    found = of_type(events_of(sentence), type_)
    assert found and all(e.hypothetical is hypothetical for e in found)


def test_a_person_pronoun_is_the_one_who_says_it_else_the_last_person_named() -> None:
    text = ("Polish President Andrzej Duda met reporters in Warsaw. Lithuanian Foreign Minister Gabrielius "
            "Landsbergis said on Monday that he had spoken to NATO about the border.")
    consult = of_type(events_of(text), "CONSULT")
    assert consult and side(consult[0].actor) == "LTU" and consult[0].recipient is not None
    assert consult[0].recipient.code == "NATO"


def test_a_passive_controls_its_infinitive() -> None:
    withdraw = of_type(events_of("Russia was forced to withdraw its troops from Moldova."), "RETREAT")
    assert withdraw and side(withdraw[0].actor) == "RUS" and side(withdraw[0].recipient) == "MDA"
    active = of_type(events_of("Romania forced Russia to withdraw its troops from Moldova."), "RETREAT")
    assert active and side(active[0].actor) == "RUS"  # the object of the forcing, not the one who forces
    urged = of_type(events_of("Romania urged Russia to withdraw its troops from Moldova."), "REQUEST")
    assert urged and side(urged[0].recipient) == "RUS"  # the withdrawal asked for is the request's content


def test_a_place_noun_stands_for_the_named_place_it_leads_to() -> None:
    shelled = of_type(events_of("Syrian troops fired rockets at a village on the outskirts of the city of Idlib."),
                      "ASSAULT")
    assert shelled and side(shelled[0].actor) == "SYR" and side(shelled[0].recipient) == "SYR"
    office = of_type(events_of("Militants attacked the office of Acme Holdings on Monday."), "ASSAULT")
    assert office and (office[0].recipient is None or side(office[0].recipient) is None)


@pytest.mark.parametrize(("sentence", "type_", "recipient"), [
    ("The rebels dismissed an appeal from President Ruto to lay down their arms.", "REJECT", "KEN"),
    ("Senegal rejected the proposal on Monday.", "REJECT", None),  # whose proposal the sentence does not say
    ("The Malian government accepted demands from Tuareg rebels on Monday.", "CONCEDE", "MLI"),
    ("Lebanon cut all trade with Syria.", "SANCTION", "SYR"),
])
def test_whose_appeal_or_demand_is_the_recipient(sentence: str, type_: str, recipient: str | None) -> None:
    found = of_type(events_of(sentence), type_)
    assert found and side(found[0].recipient) == recipient


def test_a_place_noun_owned_by_a_named_side_stays_that_side() -> None:
    togo = of_type(events_of("The group attacked a military base in northern Togo last week."), "ASSAULT")
    assert togo and side(togo[0].recipient) == "TGO"  # where the base is
    owned = of_type(events_of("Gunmen attacked a Turkish base in northern Iraq last week."), "ASSAULT")
    assert owned and side(owned[0].recipient) == "TUR"  # whose base the phrase says


@pytest.mark.parametrize(("sentence", "type_", "coded"), [
    ("Israel must return the confiscated land to its owners.", "COERCE", False),  # a participle as adjective
    ("Israel confiscated the land on Monday.", "COERCE", True),
])
def test_an_attributive_participle_is_no_event(sentence: str, type_: str, coded: bool) -> None:
    assert bool(of_type(events_of(sentence), type_)) is coded


def test_an_infinitive_joined_to_a_purpose_is_meant_too() -> None:
    text = "The ministry extended the deadline to allow talks with Turkey and to reach a deal with its buyers."
    deals = of_type(events_of(text), "AGREE")
    assert deals and all(e.hypothetical for e in deals)
    signed = of_type(events_of("Turkey and Greece met on Monday and signed a deal."), "AGREE")
    assert signed and not any(e.hypothetical for e in signed)


@pytest.mark.parametrize(("sentence", "coded"), [
    ("Several firms have signed agreements with Gazprom, including the American company Halliburton.", False),
    ("Shell signed a supply deal with the Nigerian government on Monday.", True),
])
def test_business_alone_makes_no_political_event(sentence: str, coded: bool) -> None:
    assert bool(of_type(events_of(sentence), "AGREE")) is coded


def test_a_pair_of_business_sides_is_no_event_beside_a_political_pair() -> None:
    evs = of_type(events_of("Several companies have signed agreements with Lukoil, including U.S. private equity "
                            "firm Carlyle Group, Saudi Arabia's Midad Energy and others."), "AGREE")
    assert not any(e.actor and e.recipient and e.actor.sector == e.recipient.sector == "BUS" for e in evs)
    shell = of_type(events_of("Shell and Total signed supply deals with the Nigerian government."), "AGREE")
    assert shell and all(side(e.recipient) == "NGA" for e in shell)


def test_a_month_named_well_before_publication_is_background_but_last_week_is_news() -> None:
    evs = of_type(events_of("Russia shelled Kharkiv in March. Russia shelled Sumy last week.", published="2022-07-28"),
                  "ASSAULT")
    march = [e for e in evs if "March" in e.text]
    week = [e for e in evs if "last week" in e.text]
    assert march and all(e.historical for e in march)
    assert week and not any(e.historical for e in week)


def test_a_month_named_alone_is_background_once_it_has_ended() -> None:
    """background.yaml month_days: "last month" and "in early June" tell an earlier month (the gold of both tune sets
    codes them current: false); the month of publication and a day of the month before stay news."""
    evs = of_type(events_of("Russia shelled Sumy in July. Russia shelled Kharkiv on June 30.", published="2022-07-28"),
                  "ASSAULT") + [e for e in events_of("Last month, a judge rejected Assange's request. Scholz agreed to "
                                                    "the deal in early June.", published="2022-07-28")]
    told = {e.trigger: e.historical for e in evs}
    assert told.get("rejected") is True and told.get("agreed") is True
    assert [e.historical for e in evs if "Sumy" in e.text] == [False]
    assert [e.historical for e in evs if "June 30" in e.text] == [False]


def test_a_decision_is_the_act_and_a_plan_promises_nothing() -> None:
    """"decided to transfer forces" moves them (MOBILIZE; syntax.yaml intent_words has no "decide"); a plan that is
    the content of an accusation is the accuser's claim, no threat or promise of the accused; "offered to withdraw"
    is still the offer. A plan or an intention reported ("is planning to attack", "intends to liberate") is the act
    told as hypothetical, no promise or threat (syntax.yaml intent_words has no "plan" or "intend": the real-news and
    blind sample gold code "they plan to go ahead with the march" and "intends to liberate the Donbas" so)."""
    decided = events_of("The command of Wagner decided to transfer additional forces to the combat area.")
    assert [e.type for e in decided if not e.hypothetical] == ["MOBILIZE"]
    claimed = events_of("Moscow accused Kyiv of planning to attack the Zaporizhzhia plant.")
    assert [e.type for e in claimed if not e.hypothetical] == ["ACCUSE"]
    offer = of_type(events_of("Israel offered to withdraw its troops from the border."), "AGREE")
    assert offer and not offer[0].hypothetical
    for text, act in (("Ukraine is planning to attack the plant, Moscow said.", "ASSAULT"),
                      ("Russia intends to liberate the entire Donbas.", "COERCE"),
                      ("The rebels plan to withdraw from the town.", "RETREAT")):
        told = events_of(text)
        assert [(e.type, e.hypothetical) for e in told] == [(act, True)], text


def test_an_act_one_is_held_responsible_for_or_conspired_to_do_is_not_told_as_done() -> None:
    """syntax.yaml claim_words "responsible" ("Hezbollah is responsible for killing innocent children": the army's
    claim, the accusation is the event) and irrealis_verbs "conspire" (a charge of conspiring to hack tells an aim).
    The acts told as done stay done."""
    held = events_of("Hezbollah is responsible for killing innocent children, the army said.")
    assert [e.type for e in held if not e.hypothetical] == ["ACCUSE"]
    holds = events_of("Russia holds Ukraine responsible for shelling the plant.")
    assert [(e.type, side(e.actor), side(e.recipient)) for e in holds if not e.hypothetical] == [("ACCUSE", "RUS", "UKR")]
    charged = events_of("Now Assange faces 18 criminal charges in the US, including conspiring to hack government "
                        "computers and violating espionage laws.")
    assert not [e for e in charged if e.type == "COERCE" and not e.hypothetical]
    done = of_type(events_of("Hezbollah killed two children in the strike, the army said."), "ASSAULT")
    assert done and not done[0].hypothetical
    hacked = of_type(events_of("Russian hackers hacked government computers in Kyiv."), "COERCE")
    assert hacked and not hacked[0].hypothetical


def test_a_perfect_joined_to_a_description_of_its_subject_is_background() -> None:
    """background.yaml standing_verbs, event_time.told_as_standing: "is one of the critics ... and has accused" and
    "which considers the US biased and has rejected" tell a standing; a perfect joined to an act of its own ("has
    shelled Kharkiv and has killed"), to a present act ("denies ... and has accused"), or turned by "but" is news."""
    def told(text: str, type_: str) -> list[bool]:
        return [e.historical for e in of_type(events_of(text, published="2019-11-20"), type_)]

    assert told("Vietnam is one of the region's most vocal critics of China's sweeping territorial claims in the South "
                "China Sea and has accused Beijing of encroaching into its waters.", "ACCUSE") == [True]
    assert told("The Palestinian Authority - which considers the US biased and has rejected the Trump administration as "
                "a mediator if peace talks are ever revived - called for an emergency meeting of the body.",
                "REJECT") == [True]
    assert told("Russia denies the claims and has accused Ukraine of staging the attack.", "ACCUSE") == [False]
    assert told("Hamas is not opposed to the PLO but has instead demanded fair representation within the organization, "
                "she said.", "REQUEST") == [False]
    assert True not in told("Russia has shelled Kharkiv and has killed five people.", "ASSAULT")


def test_a_background_cue_in_the_clause_outweighs_the_present_tense() -> None:
    evs = of_type(events_of("Israel says it has killed 14,000 fighters since the war began."), "ASSAULT")
    assert evs and all(e.historical for e in evs)
    now = of_type(events_of("Russia has launched one of the largest drone attacks on Ukraine since the war began."),
                  "ASSAULT")
    assert now and not any(e.historical for e in now)


def test_force_with_no_attacker_named_is_by_the_last_attacker_of_that_country() -> None:
    body = "Russian troops shelled Kharkiv on Monday. On Tuesday, a woman was injured in an attack."
    injured = [e for e in of_type(events_of(body), "ASSAULT") if e.trigger == "injured"]
    assert injured and side(injured[0].actor) == "RUS" and side(injured[0].recipient) == "UKR"
    # told of the same day, the woman is that shelling's casualty: one happening (events._doer_implied)
    same_day = of_type(events_of("Russian troops shelled Kharkiv on Monday. A woman was injured in the attack."), "ASSAULT")
    assert [(e.trigger, len(e.mentions)) for e in same_day] == [("shelled", 1)]
    # a bare attack told of nowhere an attacker was told (events.yaml conflict_attackers: a weapon of war on one side of
    # a conflict is the other side's)
    alone = [e for e in of_type(events_of("A woman was injured in an attack in Kharkiv."), "ASSAULT")]
    assert alone and alone[0].actor is None


def test_occupants_are_the_other_side_of_the_war() -> None:
    """syntax.yaml enemy_words: "occupants", as translated war reports write it, names whoever the actor fights, or the
    other side of the war the place hit is on; a country named with it is its own."""
    bare = of_type(events_of("The occupants shelled Kherson overnight."), "ASSAULT")
    assert bare and side(bare[0].actor) == "RUS" and side(bare[0].recipient) == "UKR"
    by = of_type(events_of("Two civilians were killed by occupants in Kherson region."), "ASSAULT")
    assert by and side(by[0].actor) == "RUS" and side(by[0].recipient) == "UKR"
    named = of_type(events_of("Ukrainian occupants shelled Belgorod overnight."), "ASSAULT")
    assert named and side(named[0].actor) == "UKR"
    owned = of_type(events_of("Police in Kyiv detained the occupants of a car on Monday."), "COERCE")
    assert owned and side(owned[0].recipient) != "RUS"  # the car's occupants (syntax.yaml enemy_owner_preps)


def test_force_on_a_countrys_armed_group_makes_no_attacker_of_its_state_forces() -> None:
    """A foreign force told fighting a country's armed group (events.yaml placed_sectors groups) is not who killed that
    country's soldiers in the next clause, which names no attacker (its ally, as often as not); it is where the force
    before was on the soldiers themselves."""
    on_group = "French mercenaries ambushed the militants near Kidal in Mali on Monday. Five Malian soldiers were killed."
    killed = [e for e in of_type(events_of(on_group), "ASSAULT") if e.trigger == "killed"]
    assert "FRA" not in {side(e.actor) for e in killed}  # with no attacker left, no killing is coded at all
    on_army = ("French mercenaries ambushed a Malian army convoy near Kidal on Monday. Five Malian soldiers were killed "
               "on Tuesday.")  # another day: not the ambush told again (events._doer_implied)
    killed = [e for e in of_type(events_of(on_army), "ASSAULT") if e.trigger == "killed"]
    assert killed and side(killed[0].actor) == "FRA" and side(killed[0].recipient) == "MLI"


def test_harm_happened_where_the_attack_behind_it_struck() -> None:
    """'Injured as a result of a rocket attack on Zaporizhzhia': the place of the attack the harm is told by is where
    the harm happened (a headline and the body then tell one happening); a place only of another verb coordinated
    after the trigger ('killed and 714 injured in Ukraine') is that verb's too."""
    hurt = of_type(events_of("Fourteen civilians were injured as a result of a rocket attack on Zaporizhzhia."), "ASSAULT")
    assert hurt and all(e.location is not None and e.location.name == "Zaporizhzhia" for e in hurt)
    both = of_type(events_of("A total of 361 children have been killed and over 714 injured in Ukraine."), "ASSAULT")
    assert both and all(e.location is not None and e.location.country == "UKR" for e in both)
    elsewhere = of_type(events_of("Russian troops shelled Kharkiv and a woman travelled to Poland."), "ASSAULT")
    assert elsewhere and all(e.location is None or e.location.country == "UKR" for e in elsewhere)


def test_an_object_pronoun_stands_for_the_object_before_it() -> None:
    body = "A mob attacked a shrine in Dhaka on Sunday. Police identified two students, arrested them on Monday, " \
           "and sent them to jail."
    evs = [e for e in of_type(events_of(body), "COERCE") if e.trigger == "arrested"]
    assert evs and evs[0].recipient is not None and "students" in evs[0].recipient.text
    assert side(evs[0].actor) == "BGD" and side(evs[0].recipient) == "BGD"


def test_an_adverbial_participle_of_a_passive_shares_its_subject() -> None:
    evs = of_type(events_of("Ukrainian troops were sent back to the front, fighting Russian forces near Bakhmut."),
                  "ASSAULT")
    assert evs and side(evs[0].actor) == "UKR" and side(evs[0].recipient) == "RUS"


def test_two_clauses_of_one_sentence_telling_one_happening_are_one_event() -> None:
    evs = of_type(events_of("Russian troops shelled Kharkiv and bombed Sumy on Monday."), "ASSAULT")
    assert len([e for e in evs if (side(e.actor), side(e.recipient)) == ("RUS", "UKR")]) == 1


def test_a_participle_tagged_as_an_adjective_with_a_copula_is_a_passive() -> None:
    # told of another day than the shelling, so not its casualties told again (events._doer_implied)
    body = "Russian troops shelled Kharkiv on Monday. Officials said a further 29 people were injured on Tuesday, six " \
           "of whom were in a serious condition."
    injured = [e for e in of_type(events_of(body), "ASSAULT") if e.trigger == "injured"]
    assert injured and injured[0].recipient is not None and "29 people" in injured[0].recipient.text
    assert side(injured[0].actor) == "RUS" and side(injured[0].recipient) == "UKR"


def test_a_verb_tagged_as_an_adjective_heads_its_clause() -> None:
    """"Britain mobilized(ADJ) army reservists(ROOT)": the repair reads the adjective as the main verb; a noun
    phrase with a participle and no name glued before it ("Russian armed forces") stays a noun phrase."""
    evs = of_type(events_of("Britain mobilized army reservists on Monday."), "MOBILIZE")
    assert evs and side(evs[0].actor) == "GBR"
    opening = "Britain mobilized army reservists on Tuesday while inspectors said they needed more time."
    evs = of_type(events_of(opening), "MOBILIZE")  # the name opens the sentence; another verb is its root
    assert evs and side(evs[0].actor) == "GBR"
    assert not events_of("Russian armed forces on the border.")


def test_the_object_of_prompt_acts_in_its_infinitive() -> None:
    evs = of_type(events_of("The annexation prompted the European Union to impose sanctions on Russia."), "SANCTION")
    assert evs and (evs[0].actor is not None and evs[0].actor.code == "EU") and side(evs[0].recipient) == "RUS"


def test_force_with_no_target_named_hits_the_place_last_named() -> None:
    """"Russian soldiers looted shops" after "shelled Kharkiv": the people of Kharkiv's country, marked inherited
    (the confidence model, chosen across two gold sets, does not weigh inheriting); with no place named before, no
    recipient."""
    evs = [e for e in events_of("Russian forces shelled Kharkiv on Monday. Russian soldiers looted shops.")
           if e.trigger == "looted"]
    assert evs and side(evs[0].recipient) == "UKR" and evs[0].actor is not None
    alone = [e for e in events_of("Russian soldiers looted shops.") if e.trigger == "looted"]
    assert alone and alone[0].recipient is None


def test_a_pronoun_inside_a_quotation_is_the_speakers() -> None:
    """"They detained my brother," Ahmed said: the pronoun is Ahmed's, not the text's last actor; told outside a
    quotation it is the Israeli troops of the sentence before."""
    before = "Israeli troops raided the camp on Monday. "
    quoted = of_type(events_of(before + "\u201cThey detained my brother for twelve hours,\u201d Ahmed said."), "COERCE")
    assert not [e for e in quoted if side(e.actor) == "ISR"]
    told = of_type(events_of(before + "They detained my brother for twelve hours, Ahmed said."), "COERCE")
    assert told and side(told[0].actor) == "ISR"


@pytest.mark.parametrize(("before", "side_"), [
    ("The Palestinian Authority welcomed the ruling. ", "PSE"),  # a sentence of no act names who "it" is
    ("The UN Security Council met on Friday. ", "UNSC"),
])
def test_a_group_pronoun_is_the_subject_of_a_sentence_of_no_act(before: str, side_: str) -> None:
    asked = of_type(events_of(before + "It also urged all states not to recognize the settlements."), "REQUEST")
    assert asked and side(asked[0].actor) == side_


def test_a_person_or_an_unplaced_subject_names_no_group() -> None:
    """A person is no "it", nor is a subject that names no organisation or country: the pronoun stays unresolved."""
    for before in ("Prime Minister Mohammad Shtayyeh welcomed the ruling. ", "The report was published on Friday. "):
        asked = of_type(events_of(before + "It also urged all states not to recognize the settlements."), "REQUEST")
        assert not [e for e in asked if e.actor is not None]


def test_a_promise_on_a_condition_is_a_threat() -> None:
    conditional = events_of("Nigeria said it will withdraw its peacekeepers from Chad unless the rebels agree to a ceasefire.")
    threat = [e for e in of_type(conditional, "THREATEN") if e.trigger == "withdraw"]
    assert threat and side(threat[0].actor) == "NGA" and side(threat[0].recipient) == "TCD"
    plain = events_of("Nigeria said it will withdraw its peacekeepers from Chad next month.")
    assert [e for e in of_type(plain, "AGREE") if e.trigger == "withdraw"]
    offer = events_of("The rebels said they would meet the UN envoy if he gave them a veto over any settlement.")
    assert [e for e in of_type(offer, "AGREE") if e.trigger == "meet"]  # "if": still an offer


def test_a_meeting_to_come_is_the_meeting_as_planned() -> None:
    """"will meet" is a CONSULT told as planned (intent `scheduled`), not a promise (AGREE); "could meet" stays
    hypothetical; "offered to meet" and "will meet if" are offers (AGREE)."""
    planned = of_type(events_of("Netanyahu will meet top US officials in Washington on Tuesday."), "CONSULT")
    assert planned and not planned[0].hypothetical and side(planned[0].recipient) == "USA"
    assert not of_type(events_of("Netanyahu will meet top US officials in Washington on Tuesday."), "AGREE")
    maybe = of_type(events_of("Netanyahu could meet top US officials in Washington on Tuesday."), "CONSULT")
    assert maybe and maybe[0].hypothetical
    for text in ("Netanyahu offered to meet top US officials in Washington on Tuesday.",
                 "Netanyahu will meet top US officials if they agree to his terms."):
        offer = of_type(events_of(text), "AGREE")
        assert offer and side(offer[0].recipient) == "USA", text


def test_a_reported_noun_with_a_participle_is_a_clause() -> None:
    """"Rebels surrendered(acl) last week, an official said": the participle is the reported clause's verb; a
    participle with a subject of its own ("the troops trained in Poland were ready") is left alone."""
    evs = of_type(events_of("Five hundred Ugandan rebels surrendered last week in the town of Soroti, an official said."),
                  "RETREAT")
    assert evs and side(evs[0].actor) == "UGA"
    assert not of_type(events_of("The minister said the troops trained in Poland were ready."), "RETREAT")


def test_a_side_left_empty_is_told_in_full_by_another_clause() -> None:
    """"A soldier was killed in clashes with separatists": the killing (no attacker named) and the clashes (both
    sides, one the soldier's) are one happening; two clauses naming unrelated sides stay two."""
    evs = of_type(events_of("A Ukrainian soldier was killed in clashes with pro-Russia separatists in Donetsk."), "ASSAULT")
    assert len(evs) == 1 and evs[0].actor is not None and evs[0].recipient is not None
    two = of_type(events_of("A French soldier was killed in Mali as Ukrainian troops clashed with separatists in Donetsk."),
                  "ASSAULT")
    assert any(side(e.recipient) == "FRA" for e in two)


@pytest.mark.parametrize(("text", "country"), [
    ("Gangs attacked a police station in Port-au-Prince on Monday.", "HTI"),   # 'Port' alone is Le Port
    ("Armed men stormed the port of Port-au-Prince.", "HTI"),
    ("Russian forces shelled Kharkiv overnight.", "UKR"),                     # a whole name stays as it is
])
def test_part_of_a_longer_place_name_is_that_name(text: str, country: str) -> None:
    places = [p for e in events_of(text) for p in (e.recipient, e.location) if p is not None]
    assert places and {p.country for p in places} == {country}


def test_a_subject_after_its_verb_behind_a_fronted_clause_is_the_subject() -> None:
    """"The region is at a moment of peril, warned the UN chief": the name after the verb is who warns, not who is
    warned (no recipient, so no threat); "Russia warned Ukraine" keeps its object as the one warned."""
    inverted = events_of("The region is at a moment of peril, warned UN Secretary General Antonio Guterres on Monday.")
    assert not [e for e in of_type(inverted, "THREATEN") if side(e.recipient) == "UN"]
    plain = of_type(events_of("Russia warned Ukraine on Monday."), "THREATEN")
    assert plain and side(plain[0].actor) == "RUS" and side(plain[0].recipient) == "UKR"


def test_a_headline_participle_of_a_verb_that_needs_an_object_is_a_passive() -> None:
    """"Ukrainian soldier killed" (a headline, no final stop): the soldier is the one killed; with a final stop
    the same words are left as the parse reads them, and "Israel struck Gaza" keeps its object."""
    headline = of_type(events_of("Ukrainian soldier killed"), "ASSAULT")
    assert headline and headline[0].actor is None and side(headline[0].recipient) == "UKR"
    sentence = of_type(events_of("Ukrainian soldier killed."), "ASSAULT")
    assert not [e for e in sentence if e.recipient is not None and side(e.recipient) == "UKR" and e.actor is None]


def test_a_second_subject_after_a_speech_verb_heads_the_reported_clause() -> None:
    """"Kremlin says separatists in Ukraine called on Russia for help": the separatists call on Russia (the
    participle is the reported clause's verb, not a passive modifying them)."""
    evs = of_type(events_of("Kremlin says separatists in Ukraine called on Russia for help against Kyiv"), "REQUEST")
    assert evs and evs[0].actor is not None and evs[0].actor.sector == "REB" and side(evs[0].recipient) == "RUS"


def test_a_from_phrase_after_a_role_noun_says_whose_it_is() -> None:
    """"met with representatives from the UK, France and Germany": the parser hangs "from ..." on the verb; after a
    role noun it names the representatives' countries, one event each; "from the roof" after "protesters" names
    no one."""
    evs = of_type(events_of("Officials said that Ukrainian envoys in Geneva met with representatives from the "
                            "United Kingdom, France and Germany."), "CONSULT")
    assert {side(e.recipient) for e in evs if side(e.actor) == "UKR"} == {"GBR", "FRA", "DEU"}
    roof = of_type(events_of("Israeli troops fired at protesters from the roof."), "ASSAULT")
    assert roof and all(e.recipient is None or "roof" not in e.recipient.text for e in roof)


@pytest.mark.parametrize("sentence", [
    "The pandemic killed 25 million people in Europe.",
    "Farmers in Iowa were hit by retaliatory Chinese tariffs.",
    "A helicopter crash killed two Afghan soldiers.",
])
def test_force_done_by_a_thing_that_names_no_side_is_no_event(sentence: str) -> None:
    """The subject (or agent) of force is a cause, not a side, when it is a common noun that is no role, no attack
    or weapon and no noun of people (syntax.yaml agent_nouns)."""
    assert not of_type(events_of(sentence), "ASSAULT")


@pytest.mark.parametrize(("sentence", "actor", "recipient"), [
    ("A roadside bomb killed three Afghan soldiers.", None, "AFG"),
    ("Israeli strikes killed 30 people in Gaza.", "ISR", "PSE"),
    ("Congolese refugees were attacked by Burundian militiamen.", "BDI", "COD"),
])
def test_force_done_by_a_weapon_an_attack_or_people_is_an_event(sentence: str, actor: str | None,
                                                                  recipient: str) -> None:
    evs = of_type(events_of(sentence), "ASSAULT")
    assert evs and side(evs[0].actor) == actor and side(evs[0].recipient) == recipient


def test_a_reported_must_of_the_speakers_own_side_asks_no_other_side() -> None:
    """"said that we must force Russia into peace" asks nothing of Russia (syntax.yaml speaker_pronouns); "said that
    Sudan must return the helicopter" asks it of Sudan."""
    own = of_type(events_of("Zelensky said that we must force Russia into peace."), "REQUEST")
    assert not [e for e in own if side(e.recipient) == "RUS"]
    other = of_type(events_of("Russia said on Tuesday that Sudan must return the captured helicopter."), "REQUEST")
    assert other and side(other[0].recipient) == "SDN"


def test_a_clause_scoped_background_cue_marks_only_its_own_clause() -> None:
    """"in the past" (background.yaml, scope: clause) makes the act of its own clause background, not the act of a
    clause it only hangs under: the accusation is news, the attack "in the past" is not."""
    old = of_type(events_of("JNIM said it attacked Wagner contingents in Mali in the past."), "ASSAULT")
    assert old and old[0].historical
    news = of_type(events_of("Zelensky accused Russia of stalling the talks while it presses on with its invasion "
                             "\u2014 an accusation he has repeatedly made in the past."), "ACCUSE")
    assert news and not news[0].historical


def test_a_bare_definite_noun_stands_for_the_body_named_before_with_that_word() -> None:
    """"the court" after "the International Court of Justice" is the ICJ (no country, and not localised to the place
    it acts on); "the agency" after the IAEA is the IAEA; with no such body named it stays what the words say."""
    text = ("The International Court of Justice ruled on Friday that Israel's occupation is illegal. "
            "The court called on Israel to cease new settlement activity. Smotrich spoke out against the court.")
    request = of_type(events_of(text), "REQUEST")
    assert request and side(request[0].actor) == "ICJ" and request[0].actor.country is None
    accuse = of_type(events_of(text), "ACCUSE")
    assert accuse and side(accuse[0].recipient) == "ICJ"
    agency = of_type(events_of("The International Atomic Energy Agency sent inspectors to Zaporizhzhia. "
                               "The agency urged Russia to leave the plant."), "REQUEST")
    assert agency and side(agency[0].actor) == "IAEA"
    plain = of_type(events_of("The agency urged Russia to leave the plant."), "REQUEST")
    assert not plain or side(plain[0].actor) != "IAEA"


@pytest.mark.parametrize("sentence", [
    "Hamas accused Israel of killing 30 civilians in Gaza.",
    "Ukraine blamed Russia for shelling the Zaporizhzhia plant.",
    "Hamas alleged that Israeli troops killed 30 civilians in Gaza.",
])
def test_the_act_an_accusation_is_about_is_a_claim_not_a_fact(sentence: str) -> None:
    """The accusation is the event; the act accused of is a side's claim (syntax.yaml claim_words), marked
    hypothetical; told by the text itself it is not."""
    events = events_of(sentence)
    assert of_type(events, "ACCUSE") and not [e for e in events if e.type == "ASSAULT" and not e.hypothetical]
    told = of_type(events_of("Israeli troops killed 30 civilians in Gaza, Hamas said."), "ASSAULT")
    assert told and not told[0].hypothetical


def test_an_act_refrained_from_is_not_done() -> None:
    """"refrained from striking" (syntax.yaml denial_verbs) is a strike not done; "did not refrain from striking" is
    one done; citizens advised to refrain from travelling make no visit of the ministry's."""
    held = of_type(events_of("Israel refrained from striking Iranian oil facilities."), "ASSAULT")
    assert held and all(e.negated for e in held)
    done = of_type(events_of("Russia did not refrain from striking Kyiv."), "ASSAULT")
    assert done and not done[0].negated
    advised = events_of("The Ukrainian Foreign Ministry has advised Ukrainian citizens to refrain from traveling to Ethiopia.")
    assert not [e for e in of_type(advised, "CONSULT") if not e.negated]


def test_a_sentence_in_the_past_with_no_date_goes_on_in_the_time_of_its_paragraph() -> None:
    """A past sentence naming no date of its own is told in the time of the date named last in its paragraph; a new
    paragraph, or a clause told in the present, does not inherit it."""
    story = "When Hamdallah visited Gaza in March 2018, a bomb hit his convoy. Fatah blamed Hamas for the attack."
    blamed = of_type(events_of(story, published="2024-07-23"), "ACCUSE")
    assert blamed and blamed[0].historical and (blamed[0].date or "").startswith("2018-03")
    news = of_type(events_of(story.replace(". Fatah", ".\n\nFatah"), published="2024-07-23"), "ACCUSE")
    assert news and not news[0].historical
    now = of_type(events_of(story.replace("blamed", "blames"), published="2024-07-23"), "ACCUSE")
    assert now and not now[0].historical


def test_a_verb_form_used_as_a_noun_or_avoided_tells_of_no_act() -> None:
    """"the named accused" (a verb form with a determiner) accuses no one; "to avoid being killed" (syntax.yaml
    denial_verbs) is a killing that did not happen."""
    assert not of_type(events_of("According to the Daily Star, the named accused included a former district "
                                 "president."), "ACCUSE")
    avoided = of_type(events_of("Deif stayed in different houses every night for decades to avoid being killed by "
                                "Israel."), "ASSAULT")
    assert all(e.negated for e in avoided)


def test_an_act_done_with_means_used_is_done_and_occupants_are_a_side() -> None:
    """"used Grads and artillery to shell the town" tells the shelling done (syntax.yaml means_verbs), unlike "drove to
    the border to deliver aid"; "Russian occupants" can act (agent_nouns)."""
    used = of_type(events_of("On Tuesday evening, Russian occupants used Grads and artillery to shell the center of "
                             "the town of Hulayipole in the Zaporizhzhia region."), "ASSAULT")
    assert used and not used[0].hypothetical and side(used[0].actor) == "RUS"
    meant = of_type(events_of("Jordan sent trucks to the border to deliver aid to Gaza."), "AID")
    assert not meant or all(e.hypothetical for e in meant)


def test_a_name_the_noun_before_it_describes_meets_that_nouns_constraint() -> None:
    # "hostage" describes a name the knowledge base does not know: the release of a hostage
    released = of_type(events_of("Israeli-American hostage Edan Alexander was released by Hamas on Monday."), "RETREAT")
    assert [(side(e.actor), side(e.recipient)) for e in released] == [("PSE", "ISR")]
    # a name described by no noun of the pattern stays no object of it
    assert not of_type(events_of("Hamas released Edan Alexander's statement on Monday."), "RETREAT")


def test_a_body_the_tagger_took_for_a_common_noun_is_a_side_not_a_cause() -> None:
    text = "The Rapid Support Forces (RSF) seized the town on Monday. The RSF killed 40 civilians in El Fasher."
    killed = [e for e in of_type(events_of(text), "ASSAULT") if e.recipient is not None]
    assert [(side(e.actor), side(e.recipient)) for e in killed] == [("SDN", "SDN")]
    # a common noun that names no body stays a cause, no side
    assert not of_type(events_of("The pandemic killed millions of people in India."), "ASSAULT")


def test_a_gerund_after_a_perception_verbs_object_is_that_objects_act() -> None:
    """syntax.yaml perception_verbs: "footage on social media showing China moving ships" is China moving them, not
    the social media; with a comma the gerund is the subject's own ("India showed its resolve, moving troops")."""
    shown = of_type(events_of("Tensions grew when footage began spreading on social media showing China moving "
                              "warships towards the Philippine coast."), "MOBILIZE")
    assert shown and all(side(e.actor) == "CHN" for e in shown)
    own = of_type(events_of("India showed its resolve, moving troops towards the Chinese border."), "MOBILIZE")
    assert own and side(own[0].actor) == "IND"


def test_officials_a_body_named_before_owns_are_that_bodys() -> None:
    """syntax.yaml body_anaphors: "the alliance's defence ministers" after NATO are NATO's, not of the place last
    named; with no body named before they stay whatever they were."""
    text = "NATO leaders met in Vilnius on Tuesday. Fighting went on in Ukraine. " \
           "The alliance's defence ministers condemned Russia for the strikes."
    condemned = of_type(events_of(text), "ACCUSE")
    assert condemned and side(condemned[0].actor) == "NATO"
    alone = of_type(events_of("Fighting went on in Ukraine. The alliance's defence ministers condemned Russia for "
                              "the strikes."), "ACCUSE")
    assert all(side(e.actor) != "NATO" for e in alone)


def test_the_agent_of_a_passive_with_a_secondary_predicate_is_its_actor() -> None:
    # "shot dead by X": the parse hangs the "by" phrase on "dead"
    shot = of_type(events_of("Two Palestinians were shot dead by Israeli forces in Jenin."), "ASSAULT")
    assert [(side(e.actor), side(e.recipient)) for e in shot] == [("ISR", "PSE")]


def test_what_a_weapon_can_do_is_no_act() -> None:
    """syntax.yaml capability_modals: "missiles that can strike Tel Aviv" tells a reach, no strike; "missiles that
    struck Tel Aviv" is one."""
    assert not of_type(events_of("Iran has built missiles that can strike Tel Aviv."), "ASSAULT")
    assert not of_type(events_of("Seoul fears the North will deploy rockets that could hit the capital."), "ASSAULT")
    struck = of_type(events_of("Iran fired missiles that struck Tel Aviv on Sunday."), "ASSAULT")
    assert struck and side(struck[0].actor) == "IRN"


def test_the_target_of_an_act_of_force_is_where_it_happened() -> None:
    # syntax.yaml attack_target_preps: "on Rafah" places the people killed there
    killed = of_type(events_of("Three people were killed in an Israeli airstrike on Rafah."), "ASSAULT")
    assert [(side(e.actor), side(e.recipient)) for e in killed] == [("ISR", "PSE")]
    shelled = of_type(events_of("Two civilians were wounded in Russian shelling of Kherson."), "ASSAULT")
    assert [(side(e.actor), side(e.recipient)) for e in shelled] == [("RUS", "UKR")]
    # a day after "on" is no place
    assert all(e.location is None for e in events_of("Israeli jets carried out strikes on Monday."))


def test_harm_told_as_the_result_of_an_attack_is_by_the_attacks_side() -> None:
    # events.yaml domestic_force cause_nouns: "as a result of Russian shelling" names who shelled, as "in" does
    hit = of_type(events_of("Eleven people were injured as a result of a Russian missile strike in Kramatorsk."),
                  "ASSAULT")
    assert hit and all(side(e.actor) == "RUS" for e in hit)
    # a result of no attack names no attacker
    weather = of_type(events_of("Eleven people were injured as a result of a Russian storm in Kramatorsk."), "ASSAULT")
    assert weather and all(e.actor is None for e in weather)
    # "killed and 22 injured as a result of shelling(acl) by ...": the cause on the last of the acts joined, its attack
    # a clause to the parse with its doer after "by"
    joined = of_type(events_of("Five civilians were killed and 22 injured as a result of shelling by Russian troops "
                               "in the Donetsk region."), "ASSAULT")
    assert joined and all(side(e.actor) == "RUS" for e in joined)
    # "shelling" the tagger reads as a verb is the attack noun all the same: its "enemy" is the other side of the hit
    enemy = of_type(events_of("Three people, including a boy, were killed in enemy artillery shelling in Trostianets, "
                              "Sumy region, on March 9."), "ASSAULT")
    assert [(side(e.actor), side(e.recipient)) for e in enemy] == [("RUS", "UKR")]


def test_who_a_passive_relative_clause_tells_of_undergoes_it() -> None:
    # "residents who(nsubj) were(aux:pass) injured": the residents are hurt, they hurt no one
    hurt = of_type(events_of("Mariupol residents who were severely injured in Russian shelling arrived in Lviv."),
                   "ASSAULT")
    assert [(side(e.actor), side(e.recipient)) for e in hurt] == [("RUS", "UKR")]
    # a clause telling who someone is inherits no attacker from the story before it
    story = "Israeli jets struck Gaza on Monday. Reporters filmed near the home of Ismail Haniyeh, who was killed in Tehran."
    assert all(e.actor is None for e in of_type(events_of(story), "ASSAULT") if "Haniyeh" in e.text)


def _labelled(words: list[str], heads: list[int], deps: list[str], tags: list[str]) -> list[object]:
    """A sentence with the labels given, as a parse may give them (a real spaCy Doc, no parser run)."""
    from spacy.tokens import Doc

    pos = {"NNS": "NOUN", "NN": "NOUN", "NNP": "PROPN", "VBD": "AUX", "VBN": "VERB", "VBG": "VERB", "JJ": "ADJ",
           "IN": "ADP", "DT": "DET", ".": "PUNCT"}
    return list(Doc(parse("x").vocab, words=words, heads=heads, deps=deps, tags=tags, pos=[pos[t] for t in tags]))


def test_the_subject_of_a_participle_with_a_passive_auxiliary_undergoes_it() -> None:
    # "children(nsubj) were(aux:pass) injured(ADJ)": the label says subject, the auxiliary says passive: the children
    # are hurt, they hurt no one (the doer is the agent, here none)
    hurt = _labelled(["Children", "were", "injured", "in", "Kharkiv", "."], [2, 2, 2, 4, 2, 2],
                     ["nsubj", "aux:pass", "ROOT", "case", "obl", "punct"], ["NNS", "VBD", "JJ", "IN", "NNP", "."])
    assert syn.subject(hurt[2]) is None
    assert [t.text for t in syn.passive_subjects(hurt[2])] == ["Children"]
    # a progressive auxiliary is no passive one: "children were playing" are the ones who play
    playing = _labelled(["Children", "were", "playing", "in", "Kharkiv", "."], [2, 2, 2, 4, 2, 2],
                        ["nsubj", "aux", "ROOT", "case", "obl", "punct"], ["NNS", "VBD", "VBG", "IN", "NNP", "."])
    assert getattr(syn.subject(playing[2]), "text", None) == "Children"


def test_an_act_with_its_own_agent_phrase_is_done_by_that_agent() -> None:
    # "injured in shelling(VBG) by Russian troops": the shelling's own "by" phrase does it, not the ones its head
    # verb tells were hurt; told as the harm's instrument, one event: the troops hurt the men
    shelled = of_type(events_of("Two men have been injured in shelling by Russian troops near Kupiansk."), "ASSAULT")
    assert [(side(e.actor), side(e.recipient)) for e in shelled] == [("RUS", "UKR")]
    assert all(e.actor is None or e.actor.sector != "CVL" for e in shelled)
    # with no agent of its own, an adverbial participle still shares its head's subject
    fought = of_type(events_of("Ukrainian troops were drawn back, fighting the rebels near Izium."), "ASSAULT")
    assert [side(e.actor) for e in fought] == ["UKR"]


def test_a_person_the_text_titles_with_a_countrys_office_acts_for_that_country() -> None:
    """entities._titled_in_office: the KB keeps a person at the international body they head now; a text that titles
    them with a country's office ("Dutch Prime Minister", "Prime Minister of Portugal") tells of an earlier time, when
    they acted for that country; a past office ("former") or an international one leaves the KB's post."""
    def actor_of(text: str) -> str | None:
        visits = of_type(events_of(text), "CONSULT")
        return side(visits[0].actor) if visits else "none"

    assert actor_of("Dutch Prime Minister Mark Rutte visited Kyiv on Saturday.") == "NLD"
    assert actor_of("The Prime Minister of Portugal Antonio Costa visited Irpin on Saturday.") == "PRT"
    assert actor_of("Former Portuguese Prime Minister Antonio Guterres visited Kyiv on Saturday.") == "UN"
    assert actor_of("NATO Secretary General Mark Rutte visited Kyiv on Saturday.") == "NATO"
    assert actor_of("Mark Rutte visited Kyiv on Saturday.") == "NATO"


def test_officials_of_no_nation_are_of_no_place_they_speak_in() -> None:
    """entities.yaml not_national_adjectives: "Western diplomats" who speak after a story of Syria are no Syrians;
    bare "diplomats" there are still of the place last named."""
    story = "Syrian troops shelled Idlib on Monday. {} have accused Damascus of using barrel bombs."
    western = of_type(events_of(story.format("Western diplomats")), "ACCUSE")
    assert western and side(western[0].actor) is None
    bare = of_type(events_of(story.format("Local officials")), "ACCUSE")
    assert bare and side(bare[0].actor) == "SYR"


def test_a_participle_set_off_after_the_object_is_the_subjects_act() -> None:
    """"he questioned Ukraine's legitimacy, accusing it of ...": the parse hangs the -ing form on the object, but the
    comma makes it the subject's act; with no comma it stays the object's ("arrested protesters wearing masks")."""
    text = "Erdogan spoke in Ankara on Monday. In a speech, he questioned the legitimacy of Sweden's stance, " \
           "accusing it of sheltering militants."
    accused = of_type(events_of(text), "ACCUSE")
    assert accused and side(accused[0].actor) == "TUR"
    shelled = of_type(events_of("Syrian troops surrounded the rebels firing rockets at the town."), "ASSAULT")
    assert shelled and all(e.actor is not None and e.actor.text == "the rebels" for e in shelled)


def test_a_gerund_right_after_a_verb_of_denial_is_negated() -> None:
    denied = of_type(events_of("Russia denied attacking the hospital in Kyiv."), "ASSAULT")
    assert denied and all(e.negated for e in denied)
    # after a comma the gerund is the subject's own act, told as done
    assert all(not e.negated for e in events_of("The rebels failed, killing two soldiers in Goma."))


def test_a_recipient_named_by_a_common_noun_is_of_the_clauses_place() -> None:
    # the story's most named country is the attacker's; the clause says where the hospital is
    hit = of_type(events_of("Russia attacked the hospital in Kyiv."), "ASSAULT")
    assert [(side(e.actor), side(e.recipient)) for e in hit] == [("RUS", "UKR")]
    # a people the knowledge base gives no state is of where it was struck, not of the side that struck it
    struck = of_type(events_of("Ankara launched airstrikes against Kurdish militants in Syria."), "ASSAULT")
    assert [(side(e.actor), side(e.recipient)) for e in struck] == [("TUR", "SYR")]
    # a recipient whose own words name a country keeps it
    shelled = of_type(events_of("Russian forces shelled Ukrainian positions in Kursk."), "ASSAULT")
    assert [side(e.recipient) for e in shelled] == ["UKR"]


def test_an_act_warned_against_is_the_warned_sides_and_not_done() -> None:
    events = events_of("The US warned Iran against attacking shipping in the Gulf.")
    assert [(side(e.actor), side(e.recipient)) for e in of_type(events, "THREATEN")] == [("USA", "IRN")]
    # the attack is Iran's if anyone's, and it did not happen
    assert all(side(e.actor) != "USA" and (e.hypothetical or e.negated) for e in of_type(events, "ASSAULT"))


def test_a_role_stationed_in_a_place_is_of_that_place() -> None:
    """"Security forces in Guinea": a role whose own words name no country is of the place its own "in" phrase names;
    "Russian troops in Ukraine" keep theirs, "Western diplomats in Kyiv" stay of no one country."""
    tortured = of_type(events_of("Security forces in Guinea have tortured scores of refugees."), "ASSAULT")
    assert [side(e.actor) for e in tortured] == ["GIN"]
    shelled = of_type(events_of("Russian troops in Ukraine shelled Kharkiv."), "ASSAULT")
    assert [side(e.actor) for e in shelled] == ["RUS"]
    condemned = of_type(events_of("Western diplomats in Kyiv condemned the attack."), "ACCUSE")
    assert condemned and all(e.actor is None or e.actor.country is None for e in condemned)
    # ... or its participle's: "civilians sheltering in a school in Gaza"
    killed = of_type(events_of("Israeli strikes killed civilians sheltering in a school in Gaza."), "ASSAULT")
    assert [(side(e.actor), side(e.recipient)) for e in killed] == [("ISR", "PSE")]


def test_a_name_glued_before_a_counted_object_is_the_receiver() -> None:
    """"gave Ukraine 2 billion dollars": the parser glues the receiver onto the object across its number, or reads it as
    a first object; it is the indirect object (syntax.repair_double_objects). "the Zaporizhzhia plant" stays one object."""
    gave = of_type(events_of("The United States gave Ukraine 2 billion dollars in military aid."), "AID")
    assert [(side(e.actor), side(e.recipient)) for e in gave] == [("USA", "UKR")]
    gave = of_type(events_of("The EU gave the Ivory Coast 5.1 million dollars of aid."), "AID")
    assert [(side(e.actor), side(e.recipient)) for e in gave] == [("EU", "CIV")]
    shelled = of_type(events_of("Russian and Ukrainian officials have accused each other of shelling the Zaporizhzhia "
                                "plant since the invasion began."), "ASSAULT")
    assert [side(e.recipient) for e in shelled] == ["UKR"]


def test_a_document_that_acts_speaks_for_whoever_issued_it() -> None:
    asked = of_type(events_of("The UN Security Council adopted a resolution demanding an immediate ceasefire in Gaza."),
                    "REQUEST")
    assert [side(e.actor) for e in asked] == ["UNSC"]
    # a document nobody is said to issue gives no side
    assert not of_type(events_of("A resolution demanding an immediate ceasefire in Gaza was read out."), "REQUEST")


def test_a_past_verb_read_as_a_modifier_after_a_root_name_heads_its_sentence() -> None:
    # the parse made "Russia" the root and "accused" a modifier of "Ukraine"
    accused = of_type(events_of("Russia accused Ukraine of shelling the town."), "ACCUSE")
    assert [(side(e.actor), side(e.recipient)) for e in accused] == [("RUS", "UKR")]


def test_a_place_a_compass_word_modifies_is_still_where_it_happened() -> None:
    # "in northern Gaza": the phrase names no place, its head does; the hospital struck is of that place, not
    # of the attacker the sentence names first
    hit = of_type(events_of("An Israeli strike hit the hospital in northern Gaza on Friday."), "ASSAULT")
    assert hit and all(e.location is not None and e.location.country == "PSE" for e in hit)
    assert ("ISR", "PSE") in [(side(e.actor), side(e.recipient)) for e in hit]
    # a compass word with no place after it places nothing
    bare = of_type(events_of("An Israeli strike hit the hospital in the north on Friday."), "ASSAULT")
    assert bare and all(e.location is None for e in bare)


def test_first_person_in_a_direct_quote_is_its_speaker() -> None:
    """"I condemn", "we urge" inside a quotation whose speaker is named act for that speaker's side; a first person
    that is no subject of its own verb ("what strikes me") makes no one act."""
    said = "Turkey's foreign minister Hakan Fidan said: \u201cWe urge Israel to end the siege of Gaza.\u201d"
    urged = of_type(events_of(said), "REQUEST")
    assert urged and side(urged[0].actor) == "TUR" and side(urged[0].recipient) == "ISR"
    struck = "Ukrainian businesswoman Olena Petrenko said: \u201cWhat strikes me is how resourceful people become.\u201d"
    assert not of_type(events_of(struck), "ASSAULT")
    unnamed = of_type(events_of("\u201cWe urge Israel to end the siege of Gaza.\u201d"), "REQUEST")
    assert all(e.actor is None for e in unnamed)


def test_a_headline_passive_before_its_reporting_verb_makes_the_victims_no_actor() -> None:
    """"Ukraine war: 60 people killed after bomb hits school, Zelensky says": the clause reported by the verb after it
    heads the line, so its bare participle is a passive; the same clause with an object stays active."""
    killed = of_type(events_of("Ukraine war: 60 people killed after bomb hits school, Zelensky says"), "ASSAULT")
    assert killed and all(e.actor is None or "people" not in e.actor.text for e in killed)
    assert any(e.recipient is not None and "people" in e.recipient.text for e in killed)
    active = of_type(events_of("Russian troops killed 12 civilians in Kharkiv, Zelensky says"), "ASSAULT")
    assert active and side(active[0].actor) == "RUS"


def test_a_headline_passive_after_its_sources_name_makes_the_victims_no_actor() -> None:
    # "UN: 4,031 civilians killed in Ukraine": the civilians were killed, they killed no one
    killed = of_type(events_of("UN: 4,031 civilians killed in Ukraine since start of the invasion"), "ASSAULT")
    assert killed and all(e.actor is None or "civilians" not in e.actor.text for e in killed)
    assert any(e.recipient is not None and "civilians" in e.recipient.text for e in killed)
    # a full sentence with its stop and an object stays active
    active = of_type(events_of("Kyiv: Russian troops killed 12 civilians in Kharkiv."), "ASSAULT")
    assert active and side(active[0].actor) == "RUS"


def test_a_headline_passive_after_its_reporting_verb_with_a_counted_subject_makes_the_victims_no_actor() -> None:
    """syntax._heads_line: "Aid group says 15 people killed in Gaza": a counted subject of a bare participle the
    reporter's verb before it reports is killed; an uncounted one may act ("Kyiv says Russia attacked")."""
    killed = of_type(events_of("Aid group says 15 people killed in Gaza since Monday"), "ASSAULT")
    assert killed and all(e.actor is None or "people" not in e.actor.text for e in killed)
    assert any(e.recipient is not None and "people" in e.recipient.text for e in killed)
    active = of_type(events_of("Kyiv says Russia attacked"), "ASSAULT")
    assert active and side(active[0].actor) == "RUS"


def test_a_count_set_off_by_a_comma_is_no_object_of_a_headline_participle() -> None:
    """syntax._count_set_off: "30 soldiers killed, 12 wounded in Mali": the second count is the next clause's subject,
    so the first participle stays a passive; a count right after an active verb is its object."""
    killed = of_type(events_of("30 soldiers killed, 12 wounded in Mali after jihadist raid"), "ASSAULT")
    assert killed and all(e.actor is None or "soldiers" not in e.actor.text for e in killed)
    active = of_type(events_of("Jihadists killed 12 soldiers in Mali."), "ASSAULT")
    assert active and all(e.actor is not None and "soldiers" not in e.actor.text for e in active)


def test_a_group_possessive_on_an_act_noun_is_the_side_its_sentence_is_about() -> None:
    """events._owns_an_act: "their attacks" repelled by Ukrainian troops are the attacks of the army the sentence is
    about, not of the troops that repel them (the subject of the verb acting on the act is never its owner)."""
    told = "The Russian army suffered heavy losses during their offensive on Kharkiv, with Ukrainian troops repelling their attacks."
    repelled = of_type(events_of(told), "ASSAULT")
    assert any(side(e.actor) == "RUS" and side(e.recipient) == "UKR" for e in repelled)
    alone = of_type(events_of("Turkish troops repelled their attacks near Idlib."), "ASSAULT")
    assert all(side(e.actor) != "TUR" for e in alone)


def test_a_topic_label_before_a_colon_is_no_subject() -> None:
    # "Shelling of Kharkiv: Rashists struck ...": the label's place did not strike itself; the noun after the colon did
    text = "Shelling of Zaporizhzhia: Rashists struck another blow at Zaporizhzhia"
    struck = of_type(events_of(text), "ASSAULT")
    assert struck and all(side(e.actor) == "RUS" for e in struck)
    # a source's label, an adverb before the verb; a bare name read as the label's modifier
    for text in ("Chernihiv mayor: Russians intentionally target hospitals with fire",
                 "Shelling of the Donetsk region: Russia shelled Kramatorsk (11.08.22 09:18)"):
        struck = of_type(events_of(text), "ASSAULT")
        assert struck and all(side(e.actor) == "RUS" for e in struck), text


def test_an_outlets_staff_are_of_where_they_report() -> None:
    """A recipient whose country comes only from its outlet ('Al Jazeera correspondents', Qatari) is of the clause's
    place; one whose own words name a people keeps it. A name the whole phrase does not resolve leads to the place
    inside it ('in Al-Shati refugee camp, northern Gaza')."""
    killed = of_type(events_of("Two Al Jazeera correspondents were killed in a reported Israeli airstrike in "
                               "Al-Shati refugee camp, northern Gaza, on Wednesday."), "ASSAULT")
    assert [(side(e.actor), side(e.recipient)) for e in killed] == [("ISR", "PSE")]
    assert killed[0].location is not None and killed[0].location.country == "PSE"
    qatari = of_type(events_of("Two Qatari journalists were killed in an Israeli airstrike in Gaza."), "ASSAULT")
    assert [side(e.recipient) for e in qatari] == ["QAT"]


def test_the_means_of_a_wanted_act_is_only_wanted_too() -> None:
    # syntax.yaml means_marks: "by attacking" is how the act it hangs on is done, and shares its modality
    wanted = of_type(events_of("Kyiv wants to provoke a nuclear catastrophe by attacking the power plant in Enerhodar."),
                     "ASSAULT")
    assert wanted and all(e.hypothetical for e in wanted)
    done = of_type(events_of("Russia retaliated by shelling Kharkiv."), "ASSAULT")
    assert done and not any(e.hypothetical for e in done)


@pytest.mark.parametrize("text,sides", [
    ("Ukrainian troops destroyed several enemy artillery systems in Zaporizhzhia region.", ("UKR", "RUS")),
    ("Azerbaijani forces struck enemy positions in Karabakh.", ("AZE", "ARM")),
    ("Israeli jets struck enemy targets in Lebanon.", ("ISR", "LBN")),
    ("The enemy shelled Kharkiv overnight.", ("RUS", "UKR")),
])
def test_the_enemy_is_the_other_side_of_the_conflict_or_the_place_struck(text: str, sides: tuple[str, str]) -> None:
    # syntax.yaml enemy_words; the sides' countries in resources/conflicts
    struck = of_type(events_of(text), "ASSAULT")
    assert [(side(e.actor), side(e.recipient)) for e in struck] == [sides]


def test_an_enemy_no_conflict_or_place_names_is_no_side() -> None:
    assert not of_type(events_of("Israeli jets struck enemy targets."), "ASSAULT")


@pytest.mark.parametrize("text,sides", [
    ("The occupiers shelled Kherson overnight.", ("RUS", "UKR")),
    ("Invaders fired on a residential neighborhood of Mykolaiv.", ("RUS", "UKR")),
    ("Israeli occupation forces raided Jenin.", ("ISR", "PSE")),
])
def test_occupiers_are_the_other_side_of_those_they_hit_unless_the_phrase_names_them(text: str,
                                                                                     sides: tuple[str, str]) -> None:
    hit = of_type(events_of(text), "ASSAULT")
    assert [(side(e.actor), side(e.recipient)) for e in hit] == [sides]


@pytest.mark.parametrize("outlet,enemy", [("RT", "UKR"), ("TASS", "UKR"), ("Ukrinform", "RUS"), ("CNN", "RUS"),
                                          (None, "RUS")])
def test_an_enemy_no_clause_places_is_the_other_side_of_the_outlets_war(outlet: str | None, enemy: str) -> None:
    """outlets.yaml `side`: an outlet of a side of a war writes "the enemy" of the other side, whatever side's towns
    the text names; an outlet of no side (or none known) leaves it to the war front (events.yaml war_front)."""
    text = "The enemy tried to advance in two directions overnight. Shelling was also reported in Kharkiv."
    found = analyze(Article(id="ex", source="example", body=text, published="2024-07-19", outlet=outlet)).events
    assert [side(e.actor) for e in of_type(found, "ASSAULT")] == [enemy]


def test_every_outlets_side_is_a_side_of_a_war() -> None:
    """An outlet's `side` that no conflict of resources/conflicts knows would name no enemy: a typo caught here."""
    from flashpoint.ingest.meta import _outlet_sides, outlet_side
    from flashpoint.nlp import actors

    assert _outlet_sides() and all(actors.opponent(s) for s in _outlet_sides().values())
    assert outlet_side("Russia Today") == "RUS" and outlet_side("Reuters") is None and outlet_side(None) is None


def test_a_quoted_speakers_side_comes_before_the_outlets() -> None:
    """A quotation's speaker of a side of a war tells "the enemy" of the other side, whoever publishes it."""
    text = ('"The enemy tried to advance in two directions overnight," the Russian defence ministry said. '
            "Shelling was also reported in Kharkiv.")
    found = analyze(Article(id="ex", source="example", body=text, published="2024-07-19", outlet="Ukrinform")).events
    assert [side(e.actor) for e in of_type(found, "ASSAULT")] == ["UKR"]


def test_an_enemy_of_no_one_known_leaves_no_event() -> None:
    assert not events_of("In your adventures, you will mainly be attacked by three enemy factions.")


def test_a_state_fighting_at_home_fights_its_countrys_attacker() -> None:
    """Force with no target named, by a state's side in its own country, is on whoever the article last told attacking
    that country, not on its own people; an armed group at home hits the place's; an army with no attacker told fights
    the other side of its country's war (events.yaml home_front), and the place's people where no war of resources/
    conflicts is its country's."""
    text = "Russian missiles struck Ukraine overnight. Ukrainian troops are fighting hard near Pokrovsk."
    fought = [e for e in of_type(events_of(text), "ASSAULT") if side(e.actor) == "UKR"]
    assert [side(e.recipient) for e in fought] == ["RUS"]
    text = "Russian mercenaries attacked militants in Mali. JNIM fighters launched an attack in central Mali."
    jnim = [e for e in of_type(events_of(text), "ASSAULT") if "JNIM" in (e.actor.text if e.actor else "")]
    assert [side(e.recipient) for e in jnim] == ["MLI"]
    alone = of_type(events_of("Ukrainian troops are fighting hard near Pokrovsk."), "ASSAULT")
    assert [side(e.recipient) for e in alone] == ["RUS"]
    no_war = of_type(events_of("Malian troops are fighting hard near Gao."), "ASSAULT")
    assert [side(e.recipient) for e in no_war] == ["MLI"]


def test_a_state_of_the_past_is_no_place_a_later_act_happens_in() -> None:
    # countries.yaml historical: the Soviet Union named last is not where "the Russians invaded"
    past = "The plant was built in the Soviet Union in the 1970s. When the Russians invaded, workers fled."
    assert all(e.recipient is None or side(e.recipient) != "SUN" for e in of_type(events_of(past), "ASSAULT"))
    now = "The plant is in Ukraine. When the Russians invaded, workers fled."
    assert [side(e.recipient) for e in of_type(events_of(now), "ASSAULT")] == ["UKR"]


def test_a_reciprocal_object_pairs_the_actors() -> None:
    """"accused each other", "blamed one another": each coordinated actor acts on the other (syntax.yaml reciprocals);
    no reciprocal, no pairing."""
    both = of_type(events_of("Armenia and Azerbaijan have accused each other of violating the ceasefire."), "ACCUSE")
    assert sorted((side(e.actor), side(e.recipient)) for e in both) == [("ARM", "AZE"), ("AZE", "ARM")]
    one = of_type(events_of("Armenia and Azerbaijan have accused Russia of violating the ceasefire."), "ACCUSE")
    assert one and all(side(e.recipient) == "RUS" for e in one)


def test_a_past_verb_read_as_the_modifier_of_the_root_noun_after_it_is_the_verb() -> None:
    # parser.repair_object_roots: "Kyiv(nsubj) blamed(amod) Moscow(ROOT) for the attack"
    blamed = of_type(events_of("Kyiv blamed Moscow for the attack."), "ACCUSE")
    assert [(side(e.actor), side(e.recipient)) for e in blamed] == [("UKR", "RUS")]
    # a real modifier before a root noun is left alone: no verb, no event
    assert not events_of("Disputed Crimea: a timeline")


def test_a_headline_verb_read_as_a_plural_noun_with_an_object_is_the_verb() -> None:
    # syntax.repair_plural_verbs: "urges(NNS) allies": a verb's -s form with an object of its own; the noun glued
    # before it is its subject, with its owner ("Hungary's prime minister")
    urged = of_type(events_of("Hungary's prime minister urges Brussels to lift sanctions on Russian gas"), "REQUEST")
    assert [side(e.actor) for e in urged] == ["HUN"]
    poland = of_type(events_of("Poland urges allies to send more tanks to Kyiv"), "REQUEST")
    assert [side(e.actor) for e in poland] == ["POL"]
    # a noun a preposition opens is no subject: the embassy in Ukraine is no Ukrainian actor
    embassy = events_of("China's embassy in Ukraine warns Chinese nationals to stay away from the front")
    assert all(e.actor is None or side(e.actor) != "UKR" for e in embassy)


def test_a_verb_read_as_an_adjective_or_preposition_with_a_subject_and_an_object_is_the_verb() -> None:
    # syntax.repair_adjective_verbs: "condemns(ADP) Iran's activities": neither an adjective nor a preposition takes a
    # subject and an object; a word so read that is a verb form is that verb
    condemned = of_type(events_of("The European Union condemns Iran's military activities around the port."), "ACCUSE")
    assert [side(e.recipient) for e in condemned] == ["IRN"]
    doc = parse("The European Union condemns Iran's military activities around the port.")
    syn.repair_adjective_verbs(doc, lambda tok: tok.lower_ == "condemns")
    assert next(t for t in doc if t.lower_ == "condemns").pos_ == "VERB"
    # an adjective with no object stays one ("the most advanced weapons" is no verb)
    doc = parse("Syria has the most advanced weapons in the region.")
    syn.repair_adjective_verbs(doc, lambda tok: tok.lower_ == "advanced")
    assert next(t for t in doc if t.lower_ == "advanced").pos_ == "ADJ"


def test_a_headline_verb_read_as_a_plural_noun_before_a_gerund_is_the_verb() -> None:
    # syntax.repair_gerund_headlines: "Enemy(compound) intensifies(NNS, ROOT) shelling(acl)": the verb, its subject the
    # glued noun, the gerund its complement, read as "Russian troops intensified shelling in the Luhansk region"
    for headline in ("Enemy intensifies shelling in Luhansk region",
                     "Enemy intensifies shelling in Kharkiv region: two killed in Kupiansk"):
        shelled = of_type(events_of(headline), "ASSAULT")
        assert [(side(e.actor), side(e.recipient)) for e in shelled] == [("RUS", "UKR")]
    # a common noun glued before the plural is its modifier: "missile launches" are rising, nobody launches
    assert not events_of("Missile launches rising in Asia")


def test_an_infinitive_read_as_a_noun_after_a_verb_of_trying_is_the_verb() -> None:
    # syntax.repair_infinitive_nouns: "tried to(case) advance(NN, xcomp) on(obl of tried) Bakhmut": the noun after the
    # infinitive's "to" is the base verb, and the oblique after it its own
    tried = of_type(events_of("Russian troops tried to advance on Bakhmut on Monday."), "ASSAULT")
    assert [(side(e.actor), side(e.recipient)) for e in tried] == [("RUS", "UKR")]
    # an advance of sales is no force
    assert not of_type(events_of("The company tried to advance its sales in Asia on Monday."), "ASSAULT")


def test_the_infinitive_of_a_verb_of_telling_with_an_object_is_asked_not_done() -> None:
    # events.yaml request-tell and syntax.yaml bidding_verbs: "told Russian soldiers to leave Kherson" asks them to;
    # no withdrawal is told; "told reporters that Russian soldiers had left" states the withdrawal
    told = events_of("The Ukrainian president told Russian soldiers to leave Kherson.")
    assert [(e.type, side(e.actor), side(e.recipient)) for e in told] == [("REQUEST", "UKR", "RUS")]
    stated = events_of("The Ukrainian president told reporters that Russian soldiers had left Kherson.")
    assert [(e.type, side(e.actor)) for e in stated if not e.hypothetical] == [("RETREAT", "RUS")]


def test_the_one_a_verb_addresses_is_its_object_whatever_its_country() -> None:
    # events.recipients_of: "urged allies to send tanks to Kyiv" asks the allies, not Kyiv (syntax.yaml
    # object_control_verbs); with a side as the object, that side is the recipient
    allies = of_type(events_of("Poland urged allies to send more tanks to Kyiv."), "REQUEST")
    assert allies and all(e.recipient is None or side(e.recipient) != "UKR" for e in allies)
    germany = of_type(events_of("Poland urged Germany to send more tanks to Kyiv."), "REQUEST")
    assert [side(e.recipient) for e in germany] == ["DEU"]


def test_a_verbless_headline_reads_the_verb_form_glued_onto_its_object_as_the_verb() -> None:
    # syntax.repair_verbless_headlines: "Azerbaijan shells(NNS, compound) Armenian border villages(ROOT)"
    shelled = of_type(events_of("Azerbaijan shells Armenian border villages"), "ASSAULT")
    assert [(side(e.actor), side(e.recipient)) for e in shelled] == [("AZE", "ARM")]
    sanctioned = of_type(events_of("Britain sanctions Russian oil firms"), "SANCTION")
    assert [(side(e.actor), side(e.recipient)) for e in sanctioned] == [("GBR", "RUS")]
    # a line with a verb of its own keeps the noun reading: a bill of sanctions passes, nobody sanctions
    assert not of_type(events_of("US sanctions bill passes Senate"), "SANCTION")


@pytest.mark.parametrize("headline,type_,coded,shown", [
    # syntax.repair_root_plurals: "Kenya Army(nsubj) eliminates(NNS, ROOT) about 40 Somali militants(nmod)": the
    # line's verb, the noun phrase after it its object; a guess from the line's shape, marked unsure (events.yaml
    # guessed_verbs)
    ("Kenya Army eliminates about 40 Somali militants", "ASSAULT", [("KEN", "SOM")], False),
    # a participle after the plural keeps the noun: shells were found, nobody shelled
    ("Artillery shells found in a field near Kharkiv", "ASSAULT", [], False),
    # a plural the noun patterns code as the noun keeps that reading, shown as before
    ("Russian attacks on Kharkiv", "ASSAULT", [("RUS", "UKR")], True),
])
def test_a_headline_verb_read_as_the_plural_noun_at_its_root_is_the_verb(
        headline: str, type_: str, coded: list[tuple[str, str]], shown: bool) -> None:
    found = of_type(events_of(headline), type_)
    assert [(side(e.actor), side(e.recipient)) for e in found] == coded
    assert all((e.confidence >= 0.5) == shown for e in found)


def test_a_headline_base_form_read_as_a_noun_is_the_verb_only_with_its_subject() -> None:
    # syntax.repair_plural_verbs: "Russians hit(NN) dormitory": a base form with an object and a subject
    hit = of_type(events_of("Russians hit dormitory of educational institution in Chasiv Yar"), "ASSAULT")
    assert [side(e.actor) for e in hit] == ["RUS"]


def test_a_name_glued_before_a_finite_verb_with_no_subject_is_its_subject() -> None:
    # syntax.repair_glued_subjects: "after Russia(compound) invades(VBZ) Ukraine": the parser read the name and the
    # verb as one noun phrase; the name is the verb's subject and the preposition before it the clause's mark
    invaded = of_type(events_of("Shares slide after Russia invades Ukraine"), "ASSAULT")
    assert [(side(e.actor), side(e.recipient)) for e in invaded] == [("RUS", "UKR")]
    assert all(e.confidence >= 0.5 for e in invaded)
    visited = of_type(events_of("In Poland, Biden visits U.S. troops on NATO eastern flank"), "CONSULT")
    assert [side(e.actor) for e in visited] == ["USA"]
    # a common noun glued alone is the noun phrase the verb tag misread: "peace talks" talk to no one
    assert not of_type(events_of("Evacuations stall as peace talks resume in Istanbul"), "CONSULT")


def test_a_verb_tag_on_a_noun_with_a_common_noun_glued_before_it_finds_no_subject() -> None:
    # syntax.repair_glued_subjects leaves "peace(compound) talks(VBZ)" and "strike(compound) drones(VBZ)" alone
    doc = parse("Evacuations stall as peace talks resume in Istanbul. Air defense forces down 79% of strike drones.")
    syn.repair_glued_subjects(doc)
    assert {t.text: t.dep_ for t in doc}["peace"] != "nsubj" and {t.text: t.dep_ for t in doc}["strike"] != "nsubj"
    named = parse("Markets fall after Russia invades Georgia")
    syn.repair_glued_subjects(named)
    assert {t.text: t.dep_ for t in named}["Russia"] == "nsubj" and {t.text: t.dep_ for t in named}["after"] == "mark"
    # "in" opens the name only (syntax.yaml clause_openers lacks it): the embassy in Ukraine warns, not Ukraine
    opened = parse("China's embassy in Ukraine warns Chinese nationals to stay away from the front")
    syn.repair_glued_subjects(opened)
    assert {t.text: t.dep_ for t in opened}["Ukraine"] != "nsubj"


def test_a_call_on_someone_hung_on_the_one_met_is_the_line_s_verb_of_the_one_before() -> None:
    # syntax.repair_participle_callers: "Sikorski(ROOT) in a phone call with ... Scholz called(acl of Scholz) on Berlin
    # to send": the parse made Scholz the caller (REQUEST DEU > DEU); the verb is the line's, Sikorski its subject
    called = of_type(events_of("Polish Foreign Minister Radoslaw Sikorski in a phone call with German Chancellor Olaf "
                               "Scholz called on Berlin to send more tanks to Ukraine."), "REQUEST")
    assert [(side(e.actor), side(e.recipient)) for e in called] == [("POL", "DEU")]
    nauseda = of_type(events_of("Lithuanian President Gitanas Nauseda in a meeting with Polish President Andrzej Duda "
                                "called on NATO to strengthen its eastern flank."), "REQUEST")
    assert [side(e.actor) for e in nauseda] == ["LTU"]


def test_a_participle_with_no_one_addressed_stays_the_noun_s_modifier() -> None:
    # syntax.repair_participle_callers: "Civilians ... forced(acl) to obtain passports" were forced: no one is
    # addressed by an oblique before the infinitive, so the participle is no active verb
    doc = parse("Civilians of occupied villages forced to obtain Russian passports")
    syn.repair_participle_callers(doc, lambda tok, prep: prep == "on")
    assert {t.text: t.dep_ for t in doc}["forced"] == "acl"
    called = parse("Lithuanian President Gitanas Nauseda in a meeting with Polish President Andrzej Duda called on "
                   "NATO to strengthen its eastern flank.")
    syn.repair_participle_callers(called, lambda tok, prep: prep == "on")
    deps = {t.text: (t.dep_, t.head.text) for t in called}
    assert deps["called"][0] == "ROOT" and deps["Nauseda"] == ("nsubj", "called")


@pytest.mark.parametrize(("sentence", "actor", "recipient"), [
    ("In a statement on Facebook, the Ukrainian army accused separatists of firing at its positions.", "UKR", "UKR"),
    ("The Indian defence minister on Wednesday accused China of using coercion against its neighbours.", "IND", "CHN"),
    ("Tensions rose after Ukraine's commander-in-chief accused Moscow of building up forces near the border.",
     "UKR", "RUS"),
])
def test_a_verb_read_as_the_adjective_of_the_phrase_after_it_has_the_noun_before_it_as_subject(
        sentence: str, actor: str, recipient: str) -> None:
    """syntax.repair_detached_subjects: "army accused(ADJ) separatists": the verb, the noun before it its subject."""
    accused = of_type(events_of(sentence), "ACCUSE")
    assert [(side(e.actor), side(e.recipient)) for e in accused] == [(actor, recipient)]


def test_a_second_verb_read_as_the_adjective_of_its_object_is_a_clause_of_its_own() -> None:
    """syntax.repair_conjoined_participles: "killed a Hamas commander in Gaza and wounded(amod) two Lebanese
    soldiers(conj)": the second verb's recipient is its own object; "treated civilians and wounded soldiers" (no
    determiner or number after the participle) is one verb with two objects, and nobody is wounded."""
    hurt = of_type(events_of("Israeli forces killed a Hamas commander in Gaza and wounded two Lebanese soldiers."),
                   "ASSAULT")
    assert sorted((side(e.actor), side(e.recipient)) for e in hurt) == [("ISR", "LBN"), ("ISR", "PSE")]
    taken = of_type(events_of("Hamas killed 40 Israelis in the attack and abducted 12 Thai workers."), "ASSAULT")
    assert sorted((side(e.actor), side(e.recipient)) for e in taken) == [("PSE", "ISR"), ("PSE", "THA")]
    assert not of_type(events_of("Medics treated civilians and wounded soldiers in Kharkiv."), "ASSAULT")


def test_a_name_hung_on_a_fronted_clause_before_its_verb_is_the_subject() -> None:
    """syntax.repair_fronted_subjects: "In order to staff its armed forces, Russia(appos) redeployed troops": the name
    is the verb's subject; a verb with a subject of its own keeps it."""
    moved = of_type(events_of("In order to staff its armed forces, Russia redeployed troops from bases in the occupied "
                              "territories of Georgia to Ukraine."), "MOBILIZE")
    assert [(side(e.actor), side(e.recipient)) for e in moved] == [("RUS", "UKR")]
    signed = of_type(events_of("After talks with his counterpart, Zelensky signed a deal with Poland."), "AGREE")
    assert [(side(e.actor), side(e.recipient)) for e in signed] == [("UKR", "POL")]


@pytest.mark.parametrize("sentence", [
    "The accused separatists were released on Monday.",
    "Russia-backed rebels attacked the town.",
])
def test_an_adjective_after_a_determiner_or_a_hyphen_stays_an_adjective(sentence: str) -> None:
    assert not of_type(events_of(sentence), "ACCUSE")


def test_a_thing_owned_by_a_pronoun_in_a_claim_is_the_claimants() -> None:
    """"Kyiv accused separatists of firing at its positions": the positions are Kyiv's; with no one whose clause holds
    it ("the missile hit their vehicle") the owner is not guessed from the text's last actor."""
    fired = of_type(events_of("Kyiv accused separatists of firing at its positions."), "ASSAULT")
    assert [(side(e.actor), e.actor.sector if e.actor else None, side(e.recipient)) for e in fired] == \
        [("UKR", "REB", "UKR")] and fired[0].hypothetical
    hit = of_type(events_of("Israel struck Gaza on Monday. The missile that hit their vehicle came from a drone."), "ASSAULT")
    assert all(side(e.recipient) != "ISR" for e in hit)


def test_a_threat_or_demand_said_is_the_speakers_not_the_nearest_names() -> None:
    # events.yaml speaker_actor: the quotation's speaker threatens or asks, the clause's subject is the one aimed at;
    # "they" in the quotation stands for the subject of the clause it is joined to, not the last name
    said = "“Hezbollah fired rockets at Israel and they will pay the price,” the Israeli defence minister said."
    threats = of_type(events_of(said), "THREATEN")
    assert [(side(e.actor), side(e.recipient)) for e in threats] == [("ISR", "LBN")]
    assert not threats[0].hypothetical and threats[0].confidence < 1.0
    # a speaker named in an earlier sentence ("he told reporters") is still the one who asks
    told = "French President Emmanuel Macron spoke in Paris on Monday. “Russia should withdraw its troops now,” he told reporters."
    asked = [e for e in of_type(events_of(told), "REQUEST") if e.pattern == "request-must-said"]
    assert [(side(e.actor), side(e.recipient)) for e in asked] == [("FRA", "RUS")]
    # the text's own voice threatens no one
    assert not of_type(events_of("Hezbollah fired rockets at Israel and it will pay the price."), "THREATEN")


def test_a_possessive_on_the_reason_of_a_verb_is_its_object() -> None:
    """"condemned Russia for its strikes on Ukraine": the strikes are Russia's (syntax.reason_owner); with no object
    the verb blames no one, and the possessive names no doer."""
    evs = of_type(events_of("The EU condemned Russia for its strikes on Ukrainian power plants."), "ASSAULT")
    assert [(side(e.actor), side(e.recipient)) for e in evs] == [("RUS", "UKR")]
    assert not of_type(events_of("The EU condemned the strikes for their cruelty."), "ASSAULT")


def test_a_verbal_act_joined_to_a_reported_state_is_the_reporters() -> None:
    """"said that the ban was in line with the law and urged Somalia to ...": the ban urges no one; the one who said
    it does (events._reporter_acts)."""
    urged = of_type(events_of("The Kenyan minister said that the ban was in line with the law and urged Somalia to "
                              "reopen the border."), "REQUEST")
    assert [(side(e.actor), side(e.recipient)) for e in urged] == [("KEN", "SOM")]


def test_an_acronym_the_text_defines_is_the_name_it_stands_for() -> None:
    """"The Palestinian Authority (PA) ... The PA urged": actors.defined_acronyms; an acronym nobody defined, or one
    spelt from other words ("the National Electoral Council (CNE)"), names no side."""
    text = "The Palestinian Authority (PA) welcomed the ruling on Friday. The PA also urged all states to act."
    assert [side(e.actor) for e in of_type(events_of(text), "REQUEST")] == ["PSE"]
    assert all(e.actor is None for e in of_type(events_of("The PA also urged all states to act."), "REQUEST"))
    from flashpoint.nlp.actors import defined_acronyms
    assert set(defined_acronyms("The Israel Defense Forces (IDF) and the National Electoral Council (CNE) met.")) == {"IDF"}


def test_a_date_that_describes_a_thing_named_dates_no_act() -> None:
    """event_time.asides: a date in a clause on a noun ("goods imposed on Sept. 1") or a year before a noun ("the 2014
    Minsk process") dates that thing; the act told stays news. A date of the act itself, or on the trigger noun, still
    dates it."""
    news = [*of_type(events_of("Beijing also wants Trump to eliminate the tariffs on Chinese goods imposed on Sept. 1, "
                               "2018.", published="2019-11-20"), "REQUEST"),
            *of_type(events_of("Ukraine and Russia must fully implement their obligations under the 2014 Minsk "
                               "process, Germany said.", published="2021-04-09"), "REQUEST")]
    assert len(news) >= 2 and not any(e.historical for e in news)
    told = [*events_of("Russia annexed Crimea in 2014, which angered Ukraine.", published="2021-04-09"),
            *events_of("Russian troops shelled Donetsk, a city seized by separatists in 2014.", published="2021-04-09")]
    assert {e.trigger: e.historical for e in told if e.type in ("COERCE", "ASSAULT")} == \
        {"annexed": True, "seized": True, "shelled": False}


def test_an_act_told_as_going_on_is_now_whatever_year_its_clause_names() -> None:
    """event_time `ongoing`: "is seeking" (an -ing form with a present auxiliary) tells an act going on now; a year in
    its clause dates a thing it names ("over his role in the release of the files in 2010"). The same act told in the
    past with that year is history."""
    now = of_type(events_of("Separately, the US is seeking his extradition from Britain over his role in the release "
                            "of secret files in 2010.", published="2019-11-19"), "REQUEST")
    then = of_type(events_of("The US sought his extradition from Britain in 2010.", published="2019-11-19"), "REQUEST")
    assert now and not any(e.historical for e in now)
    assert then and all(e.historical for e in then)


def test_a_visit_by_an_official_to_a_town_consults_its_country() -> None:
    """PLOVER CONSULT includes making visits, and both tune golds code an official's visit to a town as CONSULT with
    the town's country as recipient, a town of the visitor's own country included (news181 "Netanyahu visited the
    Gush Etzion settlement bloc in the West Bank": ISR > PSE; realnews "Gallant visited Majdal Shams": ISR > ISR).
    This replaces the earlier convention that a town visited is no one met (consult-meet's not_recipient_place,
    whose negative example was "Harms ... has visited Chernobyl several times": still none, as a habit).
    A town the gazetteer does not know is of the place named in its phrase or clause, else of the country the text
    names most (inherited); a person it does not know is no place, and a tourist visits no one."""
    bloc = of_type(events_of("Netanyahu visited the Gush Etzion settlement bloc in the West Bank on Tuesday."), "CONSULT")
    assert [(side(e.actor), side(e.recipient)) for e in bloc] == [("ISR", "PSE")]
    story = ("Hezbollah fired rockets at Israel on Saturday, Israel said. Israeli opposition leader Benny Gantz "
             "traveled to Majdal Shams on Sunday. Israel's defence minister visited Majdal Shams on Monday.")
    home = of_type(events_of(story), "CONSULT")
    assert [(side(e.actor), side(e.recipient)) for e in home] == [("ISR", "ISR"), ("ISR", "ISR")]
    assert all(e.recipient is not None and e.recipient.text == "Majdal Shams" for e in home)
    person = events_of("Hezbollah fired rockets at Israel, Israel said. The Israeli president visited John Smiley.")
    assert not of_type(person, "CONSULT")
    assert not of_type(events_of("Thousands of Israeli tourists visited Eilat on Monday."), "CONSULT")


def test_a_phrase_between_a_name_and_its_past_verb_leaves_the_name_its_subject() -> None:
    # parser.repair_interrupted_subjects: "Moscow(ROOT) for its part promised(acl) a response", with or without commas
    for text in ("Moscow for its part promised a strong response to the Americans.",
                 "Moscow, for its part, promised a strong response to the Americans."):
        threats = of_type(events_of(text), "THREATEN")
        assert [(side(e.actor), side(e.recipient)) for e in threats] == [("RUS", "USA")], text
    accused = of_type(events_of("Kyiv for its part accused Moscow of shelling the plant."), "ACCUSE")
    assert [(side(e.actor), side(e.recipient)) for e in accused] == [("UKR", "RUS")]
    # a participle with no object after such a phrase is a passive told short: the people are no attacker
    killed = of_type(events_of("Thousands of people killed in the strike."), "ASSAULT")
    assert all(e.actor is None for e in killed)


def test_an_editors_bracketed_insertion_is_no_word_of_the_sentence() -> None:
    # parser._without_insertions (syntax.yaml editorial_insertions): "has [sic] entered" is parsed as "has entered";
    # the body and the event's text keep the insertion (forces entering a place of another side: events.yaml assault-enter)
    text = "Borrell said that the “Russian troops has [sic] entered in Donbass,” adding that it is part of Ukraine."
    moves = of_type(events_of(text), "ASSAULT")
    assert [(side(e.actor), side(e.recipient)) for e in moves] == [("RUS", "UKR")]
    assert "[sic]" in moves[0].text


def test_the_country_standing_alone_is_the_state_named_last_before_it() -> None:
    # actors.pointed_state: "the country" as a side is the state named last before it (entities.yaml country_pointers)
    accused = of_type(events_of("Ukraine held elections on Sunday. The country accused Russia of meddling."), "ACCUSE")
    assert [(side(e.actor), side(e.recipient)) for e in accused] == [("UKR", "RUS")]
    # ... passing over the state its own clause's subject names
    threats = of_type(events_of("Ukraine held elections on Sunday. Russia threatened the country with sanctions."),
                      "THREATEN")
    assert [(side(e.actor), side(e.recipient)) for e in threats] == [("RUS", "UKR")]
    # ... and none where no other state was named
    alone = of_type(events_of("Russia threatened the country with sanctions."), "THREATEN")
    assert alone and all(e.recipient is None for e in alone)


def test_a_sentence_pointing_back_goes_on_in_the_time_of_the_one_before_across_a_paragraph_break() -> None:
    # event_time._told_before (background.yaml referring_subjects): "This sparked ..." tells of what the sentence
    # before told, in 2014, a new paragraph or not; a new paragraph with its own subject does not
    told = "The conflict goes back to March 2014 when Russia annexed Crimea.\n\n"
    sanctions = of_type(events_of(told + "This prompted the EU to impose sanctions on Russia.", "2021-04-09"), "SANCTION")
    assert sanctions and all(e.historical for e in sanctions)
    fresh = of_type(events_of("Russia annexed Crimea in March 2014.\n\nThe EU imposed sanctions on Russia.", "2021-04-09"),
                    "SANCTION")
    assert fresh and not any(e.historical for e in fresh)


def test_a_clause_of_place_on_a_noun_happened_where_that_noun_is() -> None:
    # events._relative_place (syntax.yaml place_relatives): "the town in Bosnia where 8,000 men were killed" is in
    # Bosnia, not in the Ukraine the story is about, and the men are no Ukrainian civilians Russia attacked
    killed = of_type(events_of("Russia invaded Ukraine. Srebrenica is the town in Bosnia where 8,000 men were killed "
                               "in 1995."), "ASSAULT")
    bosnia = [e for e in killed if "8,000" in e.text]
    assert [(side(e.actor), side(e.recipient)) for e in bosnia] == [(None, "BIH")]
    # a clause of place on a town of the story keeps the story's sides
    kharkiv = of_type(events_of("Russia invaded Ukraine. The strike hit Kharkiv, where five civilians were killed."),
                      "ASSAULT")
    assert ("RUS", "UKR") in [(side(e.actor), side(e.recipient)) for e in kharkiv if "Kharkiv" in e.text]


def test_places_of_one_country_or_the_country_itself_are_one_recipient() -> None:
    """events._one_side_per_country: "withdrew troops from Kyiv and Chernihiv regions" and "met the Secretary of Defense
    of the United States, Lloyd Austin" are one happening each, told once (the country named by places or by itself
    and by its envoy); recipients of different countries, or people and bodies of one, stay apart."""
    def coded(text: str) -> list[tuple[str, str | None, str | None]]:
        return [(e.type, side(e.actor), side(e.recipient)) for e in events_of(text)]

    assert coded("Russian occupiers withdrew troops from Kyiv and Chernihiv regions.") == [("RETREAT", "RUS", "UKR")]
    met = events_of("President Volodymyr Zelensky met with the Secretary of Defense of the United States of America, "
                    "Lloyd Austin, on Tuesday.")
    assert [(e.type, e.recipient.text if e.recipient else None) for e in met] == [("CONSULT", "Lloyd Austin")]
    assert sorted(coded("Russia attacked Ukraine and Georgia.")) == [("ASSAULT", "RUS", "GEO"), ("ASSAULT", "RUS", "UKR")]
    appealed = events_of("The Verkhovna Rada has appealed to the UN and the European Commission.")
    assert len([e for e in appealed if e.type == "REQUEST"]) == 2


@pytest.mark.parametrize(("sentence", "places"), [
    ("The Russians shelled Kharkiv and Sumy overnight.", ["Kharkiv", "Sumy"]),
    ("Russian forces shelled Ukraine and Kharkiv.", ["Ukraine"]),
])
def test_each_place_an_attack_strikes_is_a_record(sentence: str, places: list[str]) -> None:
    """ANNOTATION.md: a clause naming two recipients is two records; two places of one country an attack strikes are
    two targets (the country beside one of its places is still told once)."""
    assault = of_type(events_of(sentence), "ASSAULT")
    assert sorted(e.recipient.text for e in assault if e.recipient) == places


def test_a_title_told_again_word_for_word_and_under_it_is_one_happening() -> None:
    """A title line the sentence splitter cut inside ("... | Censor." + "NET") is a heading still; its first line
    below ("09.10.22 07:20 - ..." told word for word, events._told_verbatim) and the body sentence that tells the
    attacks in full, in a town of the country the title is set in (events._same_place), are one happening with three
    mentions. Attacks on two towns told in two sentences stay two."""
    body = ("The General Staff: Ukrainian defenders repelled Russian attacks near 9 settlements (09.10.22 07:20) "
            "« War in Ukraine | Censor.NET\n\n09.10.22 07:20 - The General Staff: Ukrainian defenders repelled Russian "
            "attacks near 9 settlements. Over the past day, units of the Defense Forces of Ukraine repelled enemy "
            "attacks in Terny and Soledar. View news.")
    told = events_of(body)
    assert [(e.type, side(e.actor), side(e.recipient)) for e in told] == [("ASSAULT", "RUS", "UKR")]
    assert "Terny" in told[0].text and len(told[0].mentions) == 2
    fire = events_of("Invaders open fire at Avdiivka Coke Chemical Plant\n\nRussian troops struck the Avdiivka Coke "
                     "Chemical Plant in Donetsk region on Sunday.")
    assert len(fire) == 1 and [m.start for m in fire[0].mentions] == [0]
    two = events_of("Russian troops shelled Kharkiv on Monday. Russian troops shelled Sumy on Tuesday.")
    assert len(two) == 2


def test_a_sentence_cut_inside_a_line_that_goes_on_is_no_heading() -> None:
    """events._headline: a line below the title whose sentences end with a stop before a space is a paragraph, not a
    heading, though it ends with no stop ("... View news"); the text's first line is its title (the next test)."""
    from flashpoint.nlp.document import make_doc
    from flashpoint.nlp.events import _headline

    body = "Rocket attack\nRussians hit a station. VIDEO. Occupants launched a rocket attack View news\nRussia strikes Kyiv"
    sents = list(make_doc(Article(id="t", source="test", body=body)).tokens.sents)
    assert [_headline(s, body) for s in sents] == [True] + [False] * (len(sents) - 2) + [True]


def test_a_person_known_by_name_keeps_their_country_where_they_meet() -> None:
    """events._place_bare_recipients: a recipient the text names is of the clause's place only where its own words
    name no country; a person the knowledge base knows ("Blinken", told in full below the title) is of their own
    country, met in Warsaw or anywhere."""
    told = events_of("Kuleba, Shmyhal meet with Blinken, Austin in Warsaw\n\nUkrainian Foreign Minister Dmytro Kuleba "
                     "and Prime Minister Denys Shmyhal held talks with US Secretary of State Antony Blinken and US "
                     "Secretary of Defense Lloyd Austin in Warsaw on Friday.")
    met = {side(e.recipient) for e in told if e.type == "CONSULT" and e.recipient and "Blinken" in e.recipient.text}
    assert met == {"USA"}
    hospital = events_of("Russia attacked the hospital in Kyiv.")
    assert [(side(e.actor), side(e.recipient)) for e in hospital] == [("RUS", "UKR")]


@pytest.mark.parametrize(("text", "pairs"), [
    # parser.repair_stranded_conjuncts: a past verb joined by "and" to a gerund or a passive participle the parser
    # hung it on goes with the finite verb above, whose subject does it
    ("Lloyd Austin has warned Russian Defense Minister Sergei Shoigu against escalating tensions around Ukraine and "
     "called on him to withdraw Russian troops from the border.", [("USA", "RUS")]),
    ("Germany warned Iran against attacking shipping and urged Tehran to release the tanker.", [("DEU", "IRN")]),
    ("The Ukrainian Foreign Ministry has condemned the remarks made by Russian Foreign Minister Sergei Lavrov and "
     "urged Germany to isolate Moscow.", [("UKR", "DEU")]),
    # negative: a conjunct with its own subject stays its own clause
    ("Germany warned Iran against attacking ships and Britain urged Tehran to release the tanker.",
     [("GBR", "IRN")]),
])
def test_a_verb_joined_to_a_gerund_or_a_participle_goes_with_the_finite_verb_above(
        text: str, pairs: list[tuple[str, str]]) -> None:
    requests = of_type(events_of(text), "REQUEST")
    assert [(side(e.actor), side(e.recipient)) for e in requests] == pairs, text


def test_a_participles_own_conjunct_stays_the_participles() -> None:
    # parser.repair_stranded_conjuncts, negative: a conjunct with its own agent is the participle's ("written by
    # experts and published by the ministry"), and a gerund's conjunct of its own form stays the gerund's
    from flashpoint.nlp.parser import parse

    doc = parse("Britain has released a report written by Russian experts and published by the Kremlin.")
    published = next(t for t in doc if t.text == "published")
    assert published.head.text == "written"
    doc = parse("Ukraine accused Russia of shelling the plant and killing civilians.")
    killing = next(t for t in doc if t.text == "killing")
    assert killing.head.text == "shelling"


def test_the_same_act_between_the_same_sides_at_the_same_place_told_again_in_other_words_is_one_happening() -> None:
    """"Occupiers launched a rocket attack on Druzhkivka" and, below, "the Russians launched a rocket attack on
    Druzhkivka": other words for the same sides, at the same place, on no other day: one happening, two mentions
    (events._same_scene). At another place, or on another day told, two happenings."""
    body = ("Occupiers launched a rocket attack on Druzhkivka.\n\nAround 3:10 a.m., the Russians launched a rocket "
            "attack on Druzhkivka in the Donetsk region.")
    told = [e for e in of_type(events_of(body), "ASSAULT") if side(e.actor) == "RUS"]
    assert len(told) == 1 and side(told[0].recipient) == "UKR" and len(told[0].mentions) == 1
    elsewhere = ("Occupiers launched a rocket attack on Druzhkivka.\n\nAround 3:10 a.m., the Russians launched a rocket "
                 "attack on Kramatorsk in the Donetsk region.")
    assert len([e for e in of_type(events_of(elsewhere), "ASSAULT") if side(e.actor) == "RUS"]) == 2
    days = ("Occupiers launched a rocket attack on Druzhkivka on Monday.\n\nOn Tuesday, the Russians launched a rocket "
            "attack on Druzhkivka in the Donetsk region.")
    assert len([e for e in of_type(events_of(days), "ASSAULT") if side(e.actor) == "RUS"]) == 2
    # the place one telling aims at is where the other is told (sample 9: "Ruscists shelled Sumy region" and
    # "Russian occupation forces shelled the Yunakiv community in Sumy region"; events._same_ground)
    aimed = ("Russian troops shelled Sumy region.\n\nRussian occupation forces shelled the Yunakiv community in Sumy "
             "region.")
    shelled = of_type(events_of(aimed, "2022-10-18"), "ASSAULT")
    assert len(shelled) == 1 and len(shelled[0].mentions) == 1
    apart = aimed.replace("in Sumy region.", "in Kharkiv region.")
    assert len(of_type(events_of(apart, "2022-10-18"), "ASSAULT")) == 2


def test_a_telling_with_a_side_unknown_is_a_mention_of_the_one_naming_both_that_shares_its_act() -> None:
    """"Egypt had reached the border agreement" below "Israel and Egypt signed a border agreement": the same act, one
    side the same, the other unknown, a word of what was done shared (the agreement): one happening, kept where both
    sides are named (events._retold_with_fewer_sides). Another object ("a trade accord") is another happening."""
    body = ("Israel and Egypt signed a border agreement in Cairo on Monday.\n\nAn Egyptian official said Egypt had "
            "reached the border agreement after weeks of talks.")
    signed = of_type(events_of(body), "AGREE")
    assert len(signed) == 2 and all(side(e.recipient) for e in signed)
    assert [body[m.start:m.end][:16] for e in signed for m in e.mentions] == ["An Egyptian offi"]
    other = body.replace("reached the border agreement", "also reached a trade accord")
    assert [side(e.recipient) for e in of_type(events_of(other), "AGREE")].count(None) == 1
    # between two of one country's own, the side shared must be the same one named: the party's own allegation is not
    # the accusation another person makes of it (events._anchored)
    domestic = ("Republicans are alleging that the Keystone deal was illegal.\n\nNancy Pelosi accused the Republicans "
                "of lying about the Keystone deal.")
    assert len(of_type(events_of(domestic), "ACCUSE")) == 2


@pytest.mark.parametrize(("body", "sides", "told_apart"), [
    # coded with the victims' own country as both sides: the same place below a country's level
    ("Two people killed in artillery shelling in Izium\n\nTwo people, including a nurse, were killed in Russian "
     "artillery shelling in Izium, Kharkiv region.", ("RUS", "UKR"), ("in Izium, Kharkiv", "in Balakliia, Kharkiv")),
    # aimed at a place of the doer's own country: where, not whom (events._own_ground); a battalion shares no word
    ("Ukrainian paratroopers destroyed a column of trucks in Luhansk region\n\nUkrainian paratroopers smashed the "
     "Russian column, destroying six tanks.", ("UKR", "RUS"), ("Russian column", "Russian battalion")),
])
def test_a_headline_naming_no_one_it_hurt_but_a_place_or_people_is_a_mention_of_the_telling_naming_both(
        body: str, sides: tuple[str, str], told_apart: tuple[str, str]) -> None:
    """"Two people killed in artillery shelling in Izium" over "... were killed in Russian artillery shelling in
    Izium": a headline whose sides are only the victims' people or a place of the doer's own country is told again
    by the body's telling that names both sides and shares a word of the act: the body's is kept, the headline its
    mention (events._retold_with_fewer_sides). Told of another place or thing, two happenings."""
    told = of_type(events_of(body), "ASSAULT")
    assert [(side(e.actor), side(e.recipient)) for e in told] == [sides]
    assert [m.start for m in told[0].mentions] == [0]
    assert len(of_type(events_of(body.replace(*told_apart)), "ASSAULT")) == 2


def test_harm_by_no_one_named_told_again_of_the_same_people_is_one_happening() -> None:
    """"Fourteen people were injured in a rocket attack on Zaporizhzhia" over "14 people were injured in
    Zaporizhzhia" (sample 8): harm with no doer, told again of the same country's people on no other day, is one
    happening (events._hurt_again); harm told on another day stays its own."""
    body = ("Fourteen people were injured in a rocket attack on Zaporizhzhia.\n\nAs a result of a rocket attack on "
            "July 13, 14 people were injured in Zaporizhzhia.")
    hurt = of_type(events_of(body, "2022-07-13"), "ASSAULT")
    assert len(hurt) == 1 and side(hurt[0].recipient) == "UKR" and len(hurt[0].mentions) == 1
    days = ("Five people were injured in a rocket attack on Zaporizhzhia on July 11.\n\nAs a result of a rocket "
            "attack on July 13, 14 people were injured in Zaporizhzhia.")
    assert len(of_type(events_of(days, "2022-07-13"), "ASSAULT")) == 2


def test_casualties_whose_attacker_is_only_implied_are_the_force_told_before() -> None:
    """"A 73-year-old woman was also injured in that attack" after "a man was killed in a Russian drone strike": the
    casualty clause names no one using force, its attacker is only the one the story told (events._doer_implied), so
    it is that strike told again, one happening with two mentions; casualties told at another place stay their own."""
    body = ("A man was killed in a Russian drone strike on Kherson on Wednesday morning, officials said. "
            "A 73-year-old woman was also injured in that attack.")
    hurt = of_type(events_of(body), "ASSAULT")
    assert [(side(e.actor), side(e.recipient)) for e in hurt] == [("RUS", "UKR")] and len(hurt[0].mentions) == 1
    elsewhere = "Russian troops shelled Kharkiv on Monday. In Sumy, two civilians were wounded in the shelling."
    assert len(of_type(events_of(elsewhere), "ASSAULT")) == 2


@pytest.mark.parametrize("text", [
    "One person killed, five others injured in Russian shelling of Rubizhne",
    "Russian troops are shelling Kharkiv and its region, last shelling killed a woman in Chuhuiv district.",
])
def test_harm_naming_no_country_inside_the_act_naming_both_sides_is_that_act(text: str) -> None:
    """"One person killed ... in Russian shelling of Rubizhne": the killing names no side's country and the shelling,
    within its phrase, names both: one happening, kept as the shelling (events._told_by_a_fuller_act)."""
    told = of_type(events_of(text), "ASSAULT")
    assert [(e.trigger, side(e.actor), side(e.recipient)) for e in told] == [("shelling", "RUS", "UKR")]


def test_harm_naming_no_country_stays_where_no_act_of_its_type_names_both_sides() -> None:
    """With no act of its type naming both sides in its sentence, harm naming no country is kept as told (an act of
    another type, "accused", tells nothing of it)."""
    assert len(of_type(events_of("One person killed, five others injured in shelling of a village"), "ASSAULT")) == 1
    mixed = events_of("One person was killed in the shelling, while Russia accused Ukraine of provocations.")
    assert {e.type for e in mixed} == {"ASSAULT", "ACCUSE"}


def test_a_heading_told_again_below_with_no_one_named_as_its_recipient_is_one_happening() -> None:
    """"Russia rebuffs Ukraine over ceasefire" over "Russia refused to establish a ceasefire" (sample 7): the same act
    by the same side, the body naming no one it is aimed at, is the heading told again; the body's telling takes the
    heading's recipient (events._told_short). Another side's refusal below stays its own."""
    body = "Russia rebuffs Ukraine over ceasefire\n\nOn Sunday, Russia refused to establish a ceasefire."
    told = of_type(events_of(body), "REJECT")
    assert len(told) == 1 and told[0].start > 0 and side(told[0].actor) == "RUS" and side(told[0].recipient) == "UKR"
    assert [body[m.start:m.end] for m in told[0].mentions] == ["Russia rebuffs Ukraine over ceasefire"]
    other = "Russia rebuffs Ukraine over ceasefire\n\nOn Sunday, Belarus refused to establish a ceasefire."
    assert len(of_type(events_of(other), "REJECT")) == 2


def test_a_call_on_an_addressee_of_no_country_asks_it_not_the_side_its_act_names() -> None:
    """"Called on international partners to impose new sanctions on Russia": the partners are asked, whatever their
    country, so the request has no recipient (ANNOTATION.md), not Russia, and the sanctions asked for are no event;
    a call on a side ("on Israel") still is to that side, and a time ("on Sunday") is no addressee."""
    asked = events_of("Zelensky called on international partners to impose new sanctions on Russia.")
    assert [(e.type, side(e.actor), side(e.recipient)) for e in asked] == [("REQUEST", "UKR", None)]
    named = of_type(events_of("France called on Israel to halt the offensive."), "REQUEST")
    assert [(side(e.actor), side(e.recipient)) for e in named] == [("FRA", "ISR")]
    assert not of_type(events_of("She called her mother on Sunday to wish her well."), "REQUEST")


def test_a_heading_event_is_told_again_in_a_sentence_below_that_codes_none() -> None:
    """The body sentence that codes nothing (its target, civilian targets, names no side) is where the heading's
    happening is told in full: the heading event takes it as its mention. A sentence below that tells no act of the
    type, or one that names not the doer's country, is no retelling."""
    heading = "Russia attacks civilian targets in Ukraine 60 times more often than military ones\n\n"
    text = heading + "The Russian aggressor attacked civilian targets 60 times more often than military targets."
    told = of_type(events_of(text), "ASSAULT")
    assert [(side(e.actor), side(e.recipient)) for e in told] == [("RUS", "UKR")]
    assert [m.start for m in told[0].mentions] == [len(heading)]
    for other in ("The weather in the capital was cold and wet on Tuesday.",
                  "Ukrainian officials attacked the report in Kyiv."):
        assert all(not e.mentions for e in of_type(events_of(heading + other), "ASSAULT")), other


def test_a_retelling_below_a_heading_is_found_whichever_part_of_speech_the_tagger_gave_its_trigger() -> None:
    """"Russian forces fire ... missiles" is tagged with "forces" a verb and "fire" a noun, so it codes nothing; its
    trigger word is still one of the type whatever its tag, and the heading's strike takes the sentence as its
    mention. A sentence below naming another doer's country is no retelling."""
    heading = "Deadly Russian strikes hit Odesa\n\n"
    below = "Ukraine news from April 23: {} forces fire at least six cruise missiles at the strategic Black Sea port."
    told = of_type(events_of(heading + below.format("Russian")), "ASSAULT")
    assert [(side(e.actor), side(e.recipient)) for e in told] == [("RUS", "UKR")]
    assert [m.start for m in told[0].mentions] == [len(heading)]
    assert all(not e.mentions for e in of_type(events_of(heading + below.format("Polish")), "ASSAULT"))


def test_a_heading_that_codes_nothing_is_a_mention_of_the_event_it_heads() -> None:
    """"Russian troops suffer losses and attack in ... directions" codes no attack (no one attacked is named); the
    sentence below tells it in full ("repelled enemy attacks"): the heading is that event's first mention, where an
    analyst annotates the happening. A heading naming another country, or with no word of the type, is none."""
    below = "\n\nDuring the day, Ukrainian units repelled enemy attacks in the areas of Bakhmut and Soledar."
    heading = "Situation on the front: Russian troops suffer losses and attack in Bakhmut and Avdiivka directions"
    told = of_type(events_of(heading + below), "ASSAULT")
    assert [(side(e.actor), side(e.recipient)) for e in told] == [("RUS", "UKR")]
    assert [m.start for m in told[0].mentions] == [0] and told[0].start > len(heading)
    for other in ("Situation on the front: Belarusian troops suffer losses and attack in Bakhmut and Avdiivka directions",
                  "Situation on the front: Russian troops suffer losses in Bakhmut and Avdiivka directions"):
        told = of_type(events_of(other + below), "ASSAULT")
        assert [(side(e.actor), side(e.recipient), e.mentions) for e in told] == [("RUS", "UKR", [])], other


def test_a_heading_names_the_doer_by_a_persons_name() -> None:
    """A heading naming the doer by a person's name ("Zelensky thanks Erdogan") names his country too; one naming
    another person's is no telling of it."""
    below = ("\n\nDuring a telephone conversation, President Volodymyr Zelensky thanked President of the Republic of "
             "Türkiye Recep Tayyip Erdoğan for his principled stance.")
    for who, mentions in (("Zelensky", [0]), ("Biden", [])):
        told = of_type(events_of(f"{who} thanks Erdoğan for his non-recognition of sham referenda" + below), "SUPPORT")
        assert [(side(e.actor), side(e.recipient), [m.start for m in e.mentions]) for e in told] == \
            [("UKR", "TUR", mentions)], who


def test_the_first_line_unstopped_is_the_title_whatever_stops_it_holds() -> None:
    """"Markushin: Irpin liberated from Russian occupiers, - mayor Markushin. VIDEO (28.03.22 17:03)": a title with a
    stop inside is still the text's heading, so the body sentence telling its liberation is the same happening (the
    title its first mention). The same line below another heading is a paragraph, not this text's title."""
    line = "Markushin: Irpin liberated from Russian occupiers, - mayor Markushin. VIDEO (28.03.22 17:03)\n\n"
    body = "Irpin, Kyiv region, was liberated from the occupiers. View news."
    for above, mentions in (("", [0]), ("Latest news\n\n", [])):
        told = of_type(events_of(above + line + body), "ASSAULT")
        assert [(side(e.actor), side(e.recipient), [m.start for m in e.mentions]) for e in told] == \
            [("UKR", "RUS", mentions)], above


def test_a_heading_repeated_word_for_word_is_not_its_own_unread_retelling() -> None:
    """Censor.NET repeats its title after a time stamp, which is a mention of the title's event already; the sentence
    after the repeat, which tells it in other words and codes nothing, is the unread retelling (each mention once)."""
    title = "Shelling of Ukraine: Russia attacks civilian targets in Ukraine 60 times more often than military ones"
    body = (f"{title} (31.07.22 23:57)\n\n31.07.22 23:57 - {title}. The Russian aggressor attacked civilian targets 60 "
            "times more often than military targets. View news.")
    told = of_type(events_of(body), "ASSAULT")
    assert len(told) == 1
    spans = [body[m.start:m.end].split(":")[0] for m in told[0].mentions]
    assert spans == ["31.07.22 23", "The Russian aggressor attacked civilian targets 60 times more often than military targets."]


def test_a_passive_told_without_its_auxiliary_is_read_by_its_by_phrase() -> None:
    """"Three dead as maternity hospital hit by Russian air strike": a past form of a verb of syntax.yaml agent_verbs or
    object_verbs with a subject and a "by" phrase but no object or auxiliary is a passive wherever the parse hung it:
    the strike's maker acts, the hospital undergoes it. With an object ("Russian troops hit Kharkiv by night") the
    subject acts; "by phone" is a means, no doer."""
    hit = of_type(events_of("Ukraine war: Three dead as maternity hospital hit by Russian air strike"), "ASSAULT")
    assert [(side(e.actor), e.recipient.text if e.recipient else None) for e in hit] == [("RUS", "maternity hospital")]
    hit = of_type(events_of("Kharkiv: two dead as children's hospital hit by Russian missile strike"), "ASSAULT")
    assert hit and side(hit[0].actor) == "RUS" and hit[0].recipient is not None and "hospital" in hit[0].recipient.text
    assert not [e for e in hit if e.actor is not None and "hospital" in e.actor.text]
    active = of_type(events_of("Russian troops hit Kharkiv by night."), "ASSAULT")
    assert [(side(e.actor), side(e.recipient)) for e in active] == [("RUS", "UKR")]
    phoned = of_type(events_of("Macron spoke with Putin by phone."), "CONSULT")
    assert phoned and side(phoned[0].actor) == "FRA" and side(phoned[0].recipient) == "RUS"


def test_casualties_whose_country_is_only_inherited_are_those_of_the_force_told_before() -> None:
    """"186 children were killed" after "the armed invasion of the Russian Federation": the children's country is the
    story's last named (Russia), not one their own words name, so they are the casualties of the killing told before
    (one happening, its mention). "186 Russian children" name their own country: another happening."""
    before = ("Russia is killing children in Ukraine. More than 530 children suffered in Ukraine as a result of the "
              "armed invasion of the Russian Federation. At the same time, ")
    told = of_type(events_of(before + "186 children were killed and more than 344 were injured."), "ASSAULT")
    assert [(side(e.actor), side(e.recipient), len(e.mentions)) for e in told] == [("RUS", "UKR", 1)]
    told = of_type(events_of(before + "186 Russian children were killed and more than 344 were injured."), "ASSAULT")
    assert [(side(e.actor), side(e.recipient), len(e.mentions)) for e in told] == [("RUS", "UKR", 0), (None, "RUS", 0)]


@pytest.mark.parametrize(("sentence", "dyad"), [
    # the parse hung "shelled" on "Russians" as a participle, "Zaporizhzhia" as its modifier: the name is its object
    ("Shelling of Zaporizhzhia: Russians shelled Zaporizhzhia, a residential building caught fire, one person was "
     "killed and 7 injured.", ("RUS", "UKR")),
    # a clause after a heading's colon, hung on the heading: a reduced passive with its stop or without
    ("War in Ukraine: 21 civilians killed in Donetsk region as result of shelling by occupants, 27 wounded - Kyrylenko.",
     ("RUS", "UKR")),
])
def test_a_headline_clause_misparsed_keeps_who_did_it(sentence: str, dyad: tuple[str, str]) -> None:
    """syntax.repair_participle_objects and syntax._after_heading: who acts is not read from a name the parse made the
    one acted on, nor are the people killed read as the killers."""
    assault = of_type(events_of(sentence), "ASSAULT")
    assert assault and {(side(e.actor), side(e.recipient)) for e in assault} == {dyad}


def test_a_clause_after_a_colon_with_its_own_object_stays_active() -> None:
    """syntax._after_heading reads a bare participle only: "protesters killed two officers" after a colon is the
    protesters' act."""
    assault = of_type(events_of("Police: protesters killed two officers in Minsk."), "ASSAULT")
    assert assault and all(e.actor is not None and "protesters" in e.actor.text for e in assault)


def test_a_name_word_coordinated_with_a_two_word_name_shares_its_last_word() -> None:
    """_elided_name: "North and South Korea" are North Korea and South Korea; "Ukraine and South Korea" stay two names
    of their own."""
    elided = of_type(events_of("North and South Korea condemned Japan on Monday."), "ACCUSE")
    assert sorted(side(e.actor) or "" for e in elided) == ["KOR", "PRK"]
    apart = of_type(events_of("Ukraine and South Korea condemned Japan on Monday."), "ACCUSE")
    assert sorted(side(e.actor) or "" for e in apart) == ["KOR", "UKR"]


def test_a_subject_hung_on_an_auxiliary_or_as_a_compound_is_the_verbs() -> None:
    """syntax.repair_stranded_subjects and repair_compound_subjects: "Israel and Egypt have(aux) so far refused", "after North(compound) and South
    Korea exchanged fire": the subject is the verb's; "Israel has refused" was read right and stays."""
    refused = of_type(events_of("Israel and Egypt have so far refused to give journalists access to the strip."), "COERCE")
    assert sorted(side(e.actor) or "" for e in refused) == ["EGY", "ISR"]
    fired = of_type(events_of("The report comes after North and South Korea exchanged artillery fire yesterday."),
                    "ASSAULT")
    assert sorted((side(e.actor), side(e.recipient)) for e in fired) == [("KOR", "PRK"), ("PRK", "KOR")]
    alone = of_type(events_of("Israel has so far refused to give journalists access to the strip."), "COERCE")
    assert [side(e.actor) for e in alone] == ["ISR"]


def test_a_participle_of_aim_on_what_was_fired_names_the_target() -> None:
    """_aimed_at: "fired artillery rounds aimed at a loudspeaker in South Korea" hits South Korea, whatever else the
    parse hangs on the verb; another participle on it ("made in Iran") names no target."""
    aimed = of_type(events_of("North Korea fired artillery rounds aimed at a loudspeaker in South Korea on Thursday."),
                    "ASSAULT")
    assert [(side(e.actor), side(e.recipient)) for e in aimed] == [("PRK", "KOR")]
    made = of_type(events_of("Hamas fired rockets made in Iran on Thursday."), "ASSAULT")
    assert [side(e.actor) for e in made] == ["PSE"] and all(side(e.recipient) != "IRN" for e in made)


def test_an_adverb_of_habit_tells_a_standing() -> None:
    """background.yaml habitual_adverbs, event_time.told_as_habit: "have traditionally backed", "have long refused"
    tell a side's standing (background); the same act told without one, or pledged with a modal, is not."""
    def told(text: str, type_: str) -> list[bool]:
        return [e.historical for e in of_type(events_of(text, published="2019-11-20"), type_)]

    assert told("Iran and India, which have traditionally backed the Afghan government, welcomed the vote.",
                "SUPPORT") == [True, True]
    assert told("The Taliban have long refused to negotiate with Kabul.", "REJECT") == [True]
    assert told("Iran and India backed the Afghan government on Monday.", "SUPPORT") == [False, False]
    assert True not in told("France will always support Ukraine.", "SUPPORT")


def test_a_simple_present_is_now_whatever_year_its_clause_names() -> None:
    """events.events_of `ongoing`: "The US wants the UK to extradite Assange ... in 2010": a simple present tells now;
    the year names the thing its clause tells of (the parse may hang it on the verb). A past act dated so is history."""
    wants = of_type(events_of("The US wants the UK to extradite Assange over his role in the release of classified "
                              "material in 2010.", published="2019-11-19"), "REQUEST")
    assert wants and not any(e.historical for e in wants)
    asked = of_type(events_of("The US asked the UK to extradite Assange in 2010.", published="2019-11-19"), "REQUEST")
    assert asked and all(e.historical for e in asked)


def test_what_a_claim_reports_is_outside_the_modality_above_it() -> None:
    """syntax.yaml assertion_verbs, syntax.asserted_chain: the modal of "will continue" does not reach through
    "claiming" into the strike it reports; a modal on the claim itself, or on the act, still makes it possible."""
    def possible(text: str) -> list[bool]:
        return [e.hypothetical for e in of_type(events_of(text), "ASSAULT")]

    # the quoted words make the parse hang "claiming" on "continue": the modal is in the strike's chain of governors
    assert possible("The army said it will “continue to hit Russian targets,” claiming that on Tuesday night "
                    "Ukraine carried out a strike on a depot near Kursk.") == [False]
    assert possible("Russia could claim that Ukraine carried out a strike on a depot near Kursk.") == [True]
    assert possible("Ukraine could carry out a strike on a depot near Kursk.") == [True]
    assert possible("The Pentagon cannot confirm reports that Russian forces have used a chemical weapon in Mariupol, but "
                    "officials remain concerned.") == [True]


def test_an_act_told_as_going_on_with_will_is_the_act_now() -> None:
    """syntax.yaml going_on_verbs, events.yaml intent `carried`: "will continue to provide aid" is the aid, going on
    now, and "will continue to punish Russia with sanctions" the sanction; force told so stays a threat; another
    modal on the verb of aspect still makes the act a possibility."""
    def coded(text: str) -> list[tuple[str, bool]]:
        return [(e.type, e.hypothetical) for e in events_of(text) if e.type in ("AID", "SANCTION", "THREATEN")]

    assert coded("NATO will continue to provide military aid to Ukraine.") == [("AID", False)]
    assert coded("The United States will continue to punish Russia with sanctions.") == [("SANCTION", False)]
    assert coded("Russia will continue to strike military targets in Ukraine.") == [("THREATEN", False)]
    assert coded("NATO could continue to provide military aid to Ukraine.") == [("AID", True)]
    assert coded("The United States will impose sanctions on Russia.") == [("THREATEN", False)]


def test_an_undated_text_tells_a_month_of_a_year_before_its_latest_as_history() -> None:
    """event_time._undated_past: with no publication date, a month of a year before the latest year the text names is
    past even on that year's first day ("In February of 2005" in a post that names 2006); one of that year is not."""
    body = ("In February of 2005, Iran and Syria agreed upon a mutual protection pact. The 2006 midterms are near. "
            "In January 2006, Iran and Syria agreed upon a trade pact.")
    evs = of_type(analyze(Article(id="u", source="u", body=body)).events, "AGREE")
    assert {e.date: e.historical for e in evs} == {"2005-02": True, "2006-01": False}


def test_names_set_off_by_dashes_after_a_subject_are_its_conjuncts() -> None:
    """syntax.repair_dash_asides: "The only two Arab states to have signed peace treaties with Israel - Egypt and
    Jordan - also sharply criticised ...": Egypt and Jordan criticise (the parse hung them on Israel); with no closing
    dash ("attacked Kyiv - and Lviv") nothing moves."""
    text = ("The only two Arab states to have signed peace treaties with Israel - Egypt and Jordan - also sharply "
            "criticised the US policy shift.")
    criticised = of_type(events_of(text), "ACCUSE")
    assert sorted((side(e.actor) or "", side(e.recipient)) for e in criticised) == [("EGY", "USA"), ("JOR", "USA")]
    struck = of_type(events_of("Israeli jets struck Gaza - and Lebanon on Monday."), "ASSAULT")
    assert {side(e.actor) for e in struck} == {"ISR"}


@pytest.mark.parametrize(("sentence", "hypothetical"), [
    ("Ukrainian troops brace for a Russian assault on Kharkiv.", True),
    ("Kyiv anticipates a Russian offensive against Kharkiv.", True),
    ("Officials expect a Russian attack on Kyiv.", True),
    ("Russia launched an assault on Kharkiv.", False),
    ("Russian troops attacked Kharkiv overnight.", False),
])
def test_an_act_braced_for_or_feared_is_to_come(sentence: str, hypothetical: bool) -> None:
    """syntax.yaml irrealis_verbs, its verbs of anticipation: the act a side braces for, fears or anticipates has not
    happened; one told launched has."""
    found = of_type(events_of(sentence), "ASSAULT")
    assert found and all(e.hypothetical == hypothetical for e in found)


@pytest.mark.parametrize(("sentence", "asked"), [
    ("Zelensky has called on the Netherlands to force Russia into peace and punish it with sanctions.", True),
    ("The EU has decided to isolate Russia and punish it with sanctions.", False),
])
def test_every_conjunct_of_a_requested_act_is_requested(sentence: str, asked: bool) -> None:
    """syntax._with_shared_scope: "called on X to force Russia ... and punish it" asks for the punishment too: no
    sanction told as done; a decision to punish (no verb of asking) tells the sanction."""
    found = events_of(sentence)
    done = [e for e in of_type(found, "SANCTION") if not e.hypothetical]
    assert not done if asked else done
    assert bool(of_type(found, "REQUEST")) == asked  # the sentence is read: the asking is coded, not lost


@pytest.mark.parametrize(("sentence", "recipient"), [
    # the parse hangs "on the building" on "toll": the strike's target all the same
    ("The death toll from a Russian missile strike on the building of the Kharkiv Regional State Administration "
     "has risen to 12.", "UKR"),
    # "on Monday" after the toll's own words is no target
    ("The death toll from a Russian missile strike rose on Monday to 12.", None),
])
def test_an_act_nouns_target_hung_on_the_noun_before_it_is_still_its_own(sentence: str, recipient: str | None) -> None:
    found = of_type(events_of(sentence), "ASSAULT")
    assert [side(e.recipient) for e in found if side(e.recipient)] == ([recipient] if recipient else [])


def test_a_matter_discussed_by_paired_sides_is_told_once_first_to_second() -> None:
    """"Scholz and Macron discussed X": the object is the matter between the paired subjects, no side; the first named
    consults the second, once (not each the other, as "met" is told), and two of one country consult no one."""
    told = [(side(e.actor), side(e.recipient)) for e in of_type(
        events_of("Scholz and Macron discussed the energy crisis at a dinner in Berlin."), "CONSULT")]
    assert told == [("DEU", "FRA")]
    assert not of_type(events_of("Scholz and his finance minister discussed the budget on Tuesday."), "CONSULT")
    # an object the pattern demands names the act itself: each side on the other
    traded = {(side(e.actor), side(e.recipient)) for e in of_type(
        events_of("Israel and Hezbollah have been trading fire across the border for months."), "ASSAULT")}
    assert traded == {("ISR", "LBN"), ("LBN", "ISR")}


def test_talks_of_three_sides_are_told_first_to_each_other() -> None:
    """"Kenya, Uganda and Tanzania held talks": the first named consults each of the others, as an analyst codes a
    meeting of three (not each the next round the ring); two sides still consult each other."""
    told = {(side(e.actor), side(e.recipient)) for e in of_type(
        events_of("Kenya, Uganda and Tanzania held talks in Arusha on Monday."), "CONSULT")}
    assert told == {("KEN", "UGA"), ("KEN", "TZA")}
    met = {(side(e.actor), side(e.recipient)) for e in of_type(
        events_of("Zelensky and Macron met in Kyiv on Monday."), "CONSULT")}
    assert met == {("UKR", "FRA"), ("FRA", "UKR")}


def test_a_call_told_as_the_setting_of_a_clause_is_done_by_its_subject_once() -> None:
    """"In a phone conversation with Biden, Zelensky thanked ...": the call noun's partner is its own "with", its doer
    the clause's subject; the clause's promise makes the call no promise, and talks a verb takes are told once."""
    told = [(e.type, side(e.actor), side(e.recipient)) for e in events_of(
        "At a meeting with Emmanuel Macron on Friday, Scholz promised more help for Ukraine.") if e.type in ("CONSULT", "AGREE")]
    assert ("CONSULT", "DEU", "FRA") in told and ("AGREE", "DEU", "FRA") not in told
    held = [(side(e.actor), side(e.recipient)) for e in of_type(events_of(
        "The Ukrainian and Polish defence ministers held talks with the US secretary of state."), "CONSULT")]
    assert ("UKR", "UKR") not in held and ("POL", "UKR") not in held


@pytest.mark.parametrize(("sentence", "type_", "sides", "negated", "hypothetical"), [
    ("Russia sent a warning to the United States.", "THREATEN", ("RUS", "USA"), False, False),
    ("Ukraine has sent Serbia a request for the extradition of the suspect.", "REQUEST", ("UKR", "SRB"), False, False),
    ("Russia did not send a warning to the United States.", "THREATEN", ("RUS", "USA"), True, False),
    ("Iran could issue a warning to Israel.", "THREATEN", ("IRN", "ISR"), False, True),
])
def test_a_verbal_act_noun_a_support_verb_carries_is_the_act(
        sentence: str, type_: str, sides: tuple[str, str], negated: bool, hypothetical: bool) -> None:
    """syntax.yaml support_verbs, addressee_preps: the noun is coded by its verb's patterns, the support verb's subject
    its doer, its addressee the noun's "to" phrase or the verb's indirect object, told as the support verb is."""
    found = [e for e in of_type(events_of(sentence), type_) if (side(e.actor), side(e.recipient)) == sides]
    assert found and (found[0].negated, found[0].hypothetical) == (negated, hypothetical)


@pytest.mark.parametrize("sentence", [
    "Russia heeded a warning from the United States.",  # no support verb: the warning is not Russia's
    "Germany sent a convoy to the border town.",  # a material thing sent, no verbal act
    "France lodged a protest with Iran.",  # a protest told so is no demonstration (PROTEST is material)
    # the warning's infinitive, on the noun's addressee or on the support verb, is its complement: advice to keep safe
    # (threaten-warn not_complement), as "warned residents to evacuate" is
    "The army issued a warning to residents of the border towns to evacuate.",
    "The embassy sent a warning to its students to leave the country.",
])
def test_no_verbal_act_is_read_from_a_noun_no_support_verb_carries(sentence: str) -> None:
    assert not [e for e in events_of(sentence) if e.type in ("THREATEN", "REQUEST", "PROTEST")]


def test_an_act_noun_a_light_verb_carries_is_told_as_that_verb() -> None:
    """syntax.yaml light_verbs: "did not stage protests" negates the protests the noun tells, as it does the verb's
    own act; "staged protests" affirms them."""
    def noun_events(text: str) -> list[Event]:
        return [e for e in events_of(text) if e.pattern == "protest-noun-placed"]
    denied = noun_events("Opposition groups did not stage protests against the government in Minsk.")
    told = noun_events("Opposition groups staged protests against the government in Minsk.")
    assert denied and all(e.negated for e in denied)
    assert told and not any(e.negated for e in told)


def test_an_act_set_before_the_news_by_a_word_of_time_or_concession_is_its_ground() -> None:
    """events.yaml given_clauses (event_time.told_as_given): an act in a clause with a subject of its own, or an act noun
    in a phrase, set before the news and opened by "when", "since", "following" ... is the ground the news stands on;
    a clause with no subject of its own tells the main clause's doer acting in turn, the main clause after the comma is
    the news, "Since then" holds no act, and a clause after its head is news."""
    from flashpoint.nlp.document import make_doc
    from flashpoint.nlp.event_time import told_as_given

    def given(sentence: str, trigger: str) -> bool:
        doc = make_doc(Article(id="g", source="g", body=sentence))
        return told_as_given(doc, next(t for t in doc.tokens if t.text == trigger))

    leaving = "When leaving the city of Bucha, Russian troops mined civilian buildings."
    assert given("When Iraq invaded Kuwait, thousands of Kuwaitis fled to Saudi Arabia.", "invaded")
    assert given("Following the Russian invasion of Ukraine, Finland applied to join NATO.", "invasion")
    assert not given(leaving, "leaving") and not given(leaving, "mined")
    assert not given("Since then, Russia has shelled Kharkiv every day.", "shelled")
    assert not given("After that Russia attacked Kyiv again.", "attacked")  # no clause set off by a comma
    assert not given("Since Monday Russia has shelled Kharkiv every day.", "shelled")
    assert not given("Kyiv recalled its ambassador after Russian troops shelled Kharkiv.", "shelled")
