"""Quote attribution rules of the real-news work (#13), each with a positive and a negative example
written for these tests: quoted terms, document issuers, appositions, listeners, questions, inverted
cues without marks, framing verbs, unnamed-in-the-KB speakers and pronouns, interview transcripts."""

from __future__ import annotations

from flashpoint.model import Article, Quote
from flashpoint.nlp.pipeline import analyze


def quotes_of(body: str) -> list[Quote]:
    art = analyze(Article(id="t", source="test", body=body, published="2023-05-04"))
    for q in art.quotes:
        assert body[q.start:q.end] == q.text  # offsets point into the body
    return art.quotes


def having(quotes: list[Quote], fragment: str) -> list[Quote]:
    return [q for q in quotes if fragment in q.text]


def speaker(q: Quote) -> str | None:
    return q.speaker.name if q.speaker else None


def test_a_quoted_term_without_a_verb_is_no_quote_but_a_quoted_statement_is() -> None:
    body = ("Interior Minister Pavel Dorn described the negotiations as “painstaking” on Tuesday.\n\n"
            "“We will reopen the crossing next week,” Dorn said.")
    quotes = quotes_of(body)
    assert not having(quotes, "painstaking")
    assert [speaker(q) for q in having(quotes, "We will reopen the crossing")] == ["Pavel Dorn"]


def test_a_quoted_term_inside_a_reported_clause_stays_in_the_clause() -> None:
    body = "Foreign Minister Lena Maric said the accusation against her government was “completely false.”"
    quotes = quotes_of(body)
    reported = [q for q in quotes if not q.direct]
    assert len(reported) == 1 and "the accusation against her government was" in reported[0].text
    assert speaker(reported[0]) == "Lena Maric"
    assert not [q for q in quotes if q.direct]


def test_a_document_speaks_for_its_named_issuer_and_otherwise_for_no_one() -> None:
    issued = quotes_of("Three bridges were destroyed overnight, according to a statement from the army.")
    assert [speaker(q) for q in having(issued, "Three bridges were destroyed")] == ["army"]
    anonymous = quotes_of("The talks collapsed after midnight.\n\n"
                          "“No agreement is possible under these conditions,” the statement said.")
    found = having(anonymous, "No agreement is possible")
    assert len(found) == 1 and found[0].speaker is None  # not a speaker called "statement"


def test_a_role_set_off_after_a_name_speaks_for_that_name() -> None:
    body = ("Rescue teams reached the village at dawn.\n\n"
            "Oren Talmi, a senior medic from the regional service, said the team found eleven wounded.")
    assert [speaker(q) for q in having(quotes_of(body), "the team found eleven wounded")] == ["Oren Talmi"]
    unnamed = quotes_of("Rescue teams reached the village at dawn.\n\n"
                        "A senior medic from the regional service said the team found eleven wounded.")
    assert [speaker(q) for q in having(unnamed, "the team found eleven wounded")] != ["Rescue"]


def test_the_listener_and_a_date_after_the_verb_are_no_part_of_the_reported_clause() -> None:
    body = "The UN envoy Maria Sole told CNN on Monday that the convoy had been turned back at the border."
    reported = [q for q in quotes_of(body) if not q.direct]
    assert [q.text for q in reported] == ["the convoy had been turned back at the border"]
    plain = [q for q in quotes_of("The UN envoy Maria Sole said the convoy had been turned back at the border.")
             if not q.direct]
    assert [q.text for q in plain] == ["the convoy had been turned back at the border"]


def test_an_indirect_question_is_no_reported_speech() -> None:
    asked = quotes_of("The defence minister explained why the northern border had been closed for a week.")
    assert not [q for q in asked if not q.direct]
    stated = quotes_of("The defence minister explained that the northern border had been closed for a week.")
    assert [q.text for q in stated if not q.direct] == ["the northern border had been closed for a week"]


def test_an_inverted_cue_without_quote_marks_names_the_speaker_after_it() -> None:
    body = ("It was too dangerous to use the road, said Karl Brenner, the head of the agency "
            "running the convoys.")
    found = having(quotes_of(body), "It was too dangerous to use the road")
    assert [speaker(q) for q in found] == ["Karl Brenner"]
    no_name = quotes_of("It was too dangerous to use the road, he said after the agency stopped the convoys.")
    assert not [q for q in having(no_name, "It was too dangerous") if speaker(q) == "Karl Brenner"]


def test_a_framing_verb_attributes_the_quoted_words_after_it() -> None:
    body = ("Defence Minister Anna Kovacs hailed the agreement as a “turning point for the security of the "
            "whole region and its people.”")
    found = having(quotes_of(body), "turning point for the security")
    assert [(speaker(q), q.cue) for q in found] == [("Anna Kovacs", "hailed")]
    assert not quotes_of("The council called on both sides to stop the shelling of the city.")


def test_she_finds_a_woman_named_as_a_speaker_the_knowledge_base_does_not_know() -> None:
    body = ("The reconciliation was received “with the usual caution and pessimism,” said Tahani Morad, "
            "a senior analyst at a think tank.\n\n"
            "“The major issues that divided the factions in the past were not addressed,” she told reporters.")
    found = having(quotes_of(body), "The major issues that divided")
    assert [speaker(q) for q in found] == ["Tahani Morad"]


INTERVIEW = (
    "We talk with the writer Olena Kravets about small businesses in wartime.\n"
    "Global Voices (GV): How would you describe the dynamics?\n"
    "Olena Kravets (OK) People relocated, companies moved, and businesses became dispersed.\n"
    "GV: What happened to the craft sector?\n"
    "OK: It has adapted, although very unevenly, and online sales kept many workshops open.\n"
    "Small amounts of money matter a great deal to these households.\n"
)


def test_an_interview_transcript_gives_each_answer_to_its_party_and_no_question() -> None:
    quotes = quotes_of(INTERVIEW)
    answers = [q for q in quotes if q.speaker and q.speaker.name == "Olena Kravets"]
    assert [a.text[:20] for a in answers] == ["People relocated, co", "It has adapted, alth", "Small amounts of mon"]
    assert all(q.direct for q in answers)
    assert not [q for q in quotes if q.text.endswith("?")]


def test_a_paragraph_opening_with_an_abbreviated_name_is_no_interview() -> None:
    body = ("Human Rights Watch (HRW) documented the strikes in detail across the region.\n"
            "HRW: the report runs to ninety pages and lists every site that was hit.\n")
    assert not [q for q in quotes_of(body) if q.speaker and q.speaker.name == "Human Rights Watch"]


def test_speech_reported_inside_reported_speech_is_one_quote_of_the_outer_speaker() -> None:
    body = ("President Ivan Petrenko said his intelligence services had told him that the envoy proposed "
            "a large economic deal to the government.")
    reported = [q for q in quotes_of(body) if not q.direct]
    assert [speaker(q) for q in reported] == ["Ivan Petrenko"]
    adding = quotes_of("The army said its troops were holding the line, adding that the enemy had lost "
                       "two tanks near the river.")
    assert any("the enemy had lost two tanks" in q.text for q in adding if not q.direct)


def test_a_surname_alone_is_the_speaker_named_in_full_before() -> None:
    body = ("Hossam Karimi, a member of the negotiating delegation, said the truce would hold until Friday.\n\n"
            "Karimi said the talks should go on even while the fighting continues in the south.")
    quotes = [q for q in quotes_of(body) if not q.direct]
    assert [speaker(q) for q in quotes] == ["Hossam Karimi", "Hossam Karimi"]
    alone = [q for q in quotes_of("Karimi said the talks should go on even while the fighting continues.")
             if not q.direct]
    assert [speaker(q) for q in alone] != ["Hossam Karimi"]


def test_a_pronoun_prefers_the_subject_of_its_own_sentence_then_of_the_one_before() -> None:
    body = ("President Oleg Brant praised the exchange, telling the host Daniel Cole that a prisoner whom he "
            "described as “a man who saved dozens of lives in the war” would come home.")
    found = having(quotes_of(body), "a man who saved dozens of lives")
    assert [speaker(q) for q in found] == ["Oleg Brant"]
    before = ("President Oleg Brant has had enough of the host Daniel Cole.\n\n"
              "“We agreed on the exchange of all the prisoners,” he said.")
    assert [speaker(q) for q in having(quotes_of(before), "We agreed on the exchange")] == ["Oleg Brant"]
    no_subject = ("The talks with President Oleg Brant and the host Daniel Cole ended on Monday.\n\n"
                  "“We agreed on the exchange of all the prisoners,” he said.")
    assert [speaker(q) for q in having(quotes_of(no_subject), "We agreed on the exchange")] == ["Daniel Cole"]


def test_a_participle_cue_speaks_for_the_one_who_spoke_before_it_in_the_sentence() -> None:
    body = ("The border police described the planned march as “a threat to order” in a statement on Monday, "
            "warning it “will not tolerate any disorder on the bridge.”")
    found = having(quotes_of(body), "will not tolerate any disorder")
    assert [(speaker(q), q.cue) for q in found] == [("border police", "warned")]  # not "statement"


def test_a_quote_paragraph_after_a_paragraph_that_ended_with_a_quote_goes_on_with_its_speaker() -> None:
    body = ("Defence spokesman Amir Tal said that the army “had warned the residents twice. They left the area "
            "in time.”\n\n"
            "“If the warnings had not come, would anyone have survived? Nobody can say the army did not act.”")
    found = having(quotes_of(body), "If the warnings had not come")
    assert [speaker(q) for q in found] == ["Amir Tal"]
    alone = quotes_of("The residents left the area in time on Sunday.\n\n"
                      "“If the warnings had not come, would anyone have survived? Nobody can say the army did not "
                      "act.”")
    assert [q.speaker for q in having(alone, "If the warnings had not come")] == [None]


def test_a_source_after_according_to_is_named_without_the_preposition() -> None:
    quotes = quotes_of("Russia and Ukraine agreed to a local truce near the plant, according to the UN nuclear "
                       "watchdog.")
    names = [speaker(q) for q in having(quotes, "agreed to a local truce")]
    assert names and all(n and not n.lower().startswith("according") for n in names)


def test_a_definite_description_repeats_the_unnamed_speaker_just_quoted() -> None:
    body = ("A senior European official said the deadline had been extended to give the talks more time.\n\n"
            "Any deal requires that the company receives no money up front, the official said.")
    reported = [q for q in quotes_of(body) if not q.direct]
    names = [speaker(q) for q in reported]
    assert len(names) == 2 and names[0] == names[1] and names[0] and names[0].endswith("official")


def test_the_agency_said_is_the_body_that_spoke_just_before() -> None:
    body = ("“The needs are growing faster than the funds,” the UN refugee agency UNHCR said in its appeal.\n\n"
            "“Without more money the agencies will have to cut food rations for millions of people,” the agency "
            "said.")
    first = having(quotes_of(body), "The needs are growing")
    second = having(quotes_of(body), "Without more money")
    assert first and second and speaker(second[0]) == speaker(first[0]) != "agency"


def test_a_name_coordinated_with_a_date_the_parse_took_for_the_subject_speaks() -> None:
    body = "The broadcasts began on August 10 and South Korea says the broadcasts will continue for weeks."
    reported = [q for q in quotes_of(body) if not q.direct]
    assert [speaker(q) for q in reported] == ["South Korea"]
    dated = quotes_of("The broadcasts began on August 10, the ministry said on Friday in Seoul.")
    assert not [q for q in dated if speaker(q) and "August" in (speaker(q) or "")]


def test_a_long_verbless_title_after_the_noun_it_names_is_no_quote() -> None:
    body = ("The parliament voted down draft resolution No. 5380 “On the Appeal of the Parliament to the Congress of "
            "the United States on Granting the Country the Status of a Major Ally.” The vote was close.")
    assert not quotes_of(body)
    spoken = ("The minister opened the session. “A terrible day for our country and for all of our people.” "
              "The crowd was silent.")
    assert having(quotes_of(spoken), "A terrible day")  # a sentence of its own is something said
    asked = ("The judges were asked to consider “the legal consequences arising from the ongoing violation of the "
             "right of the people to self-determination” in the territories.")
    assert having(quotes_of(asked), "the legal consequences")  # a verb's quoted object, not a name


def test_a_speech_verb_in_a_setting_reports_no_clause_past_its_comma() -> None:
    body = ("A decade before the novelist wrote his famous saga, Ford created an alternate history of the wars.\n\n"
            "If the minister confirmed the talks had failed, the markets would fall sharply.")
    quotes = quotes_of(body)
    assert not having(quotes, "alternate history")
    assert [q.text for q in having(quotes, "talks")] == ["the talks had failed"]
    aside = quotes_of("As the ministry reported on Monday, the army has fired its spokesman.")
    assert having(aside, "the army has fired")  # "as" opens an aside that reports


def test_a_semicolon_before_another_subject_speaking_ends_the_reported_clause() -> None:
    body = "Colombia says its soldiers ‘neutralised’ FARC rebels in Puerto Leguizamo; rights groups say civilians were killed."
    quotes = quotes_of(body)
    assert [q.text for q in having(quotes, "soldiers")] == ["its soldiers ‘neutralised’ FARC rebels in Puerto Leguizamo"]
    assert [speaker(q) for q in having(quotes, "civilians were killed")] == ["rights groups"]
    same = quotes_of("Colombia says its soldiers ‘neutralised’ FARC rebels; the army says the operation was lawful.")
    assert having(same, "operation was lawful")  # the second clause is still its own speaker's


def test_a_spaced_dash_ends_an_according_to_phrase() -> None:
    line = "Stoltenberg about the war in Ukraine: Putin’s speech shows that war against Ukraine is not going according to plan"
    body = (f"{line} - Stoltenberg (21.09.22 17:52) « War in Ukraine | Censor.NET\n\n"
            f"21.09.22 17:52 - {line} - Stoltenberg. The speech demonstrates that his war is failing. View news.")
    signed = having(quotes_of(body), "not going")
    assert signed and all(q.text.endswith("according to plan") for q in signed)
    named = quotes_of("The convoy was hit near the border, according to the UN Special Rapporteur on freedom of "
                      "expression Irene Khan.")
    assert [speaker(q) for q in having(named, "convoy")] == ["Irene Khan"]  # a name that ends the phrase speaks
