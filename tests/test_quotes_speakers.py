"""Who speaks, read from the parse (#13, second pass): each rule with a positive and a negative example
written for these tests, as a pattern of its kind: sources that are rules, documents and their issuers,
participles that go on with the speaker before them, clauses an "according to" passes on, pronouns for
bodies, coordinated bodies, names with inner capitals, roles set off after names, and the subject of a
verb that closes its sentence."""

from __future__ import annotations

from flashpoint.model import Quote
from flashpoint.nlp import language
from test_quotes_attribution import having, quotes_of


def speakers(quotes: list[Quote], fragment: str) -> list[str | None]:
    return [q.speaker.name if q.speaker else None for q in having(quotes, fragment)]


def test_according_to_a_rule_is_no_source_but_according_to_a_body_is() -> None:
    assert "requirements" in language.quoting().no_source_nouns
    ruled = quotes_of("According to the new requirements, all proceeds of the sale must be held in a frozen account.")
    assert not having(ruled, "proceeds of the sale")
    sourced = quotes_of("According to the finance ministry, all proceeds of the sale must be held in a frozen account.")
    assert speakers(sourced, "proceeds of the sale") == ["finance ministry"]


def test_a_document_with_no_issuer_is_no_speaker_and_one_released_by_a_body_speaks_for_it() -> None:
    bare = quotes_of("The guards made the managers sign a document saying the soldiers had protected the site.")
    assert all(q.speaker is None or "document" not in q.speaker.name for q in bare)
    assert not having(bare, "the soldiers had protected the site")
    released = quotes_of("At least 40 people died in the clashes, according to figures released by the Red Crescent.")
    assert [s for s in speakers(released, "At least 40 people died") if s and "Red Crescent" in s]


def test_the_document_named_with_its_issuer_before_speaks_again_later() -> None:
    body = ("A new study by the Lisbon Institute for Peace Research covers twelve wars over two years.\n\n"
            "The study, called Conflict Watch, was presented on Monday.\n\n"
            "“Civilian deaths have doubled in two years across every region we studied,” the report said.")
    found = speakers(quotes_of(body), "Civilian deaths have doubled")
    assert len(found) == 1 and found[0] is not None and "Lisbon Institute" in found[0]
    unnamed = ("Shells hit the market overnight. A statement was posted on Telegram on Saturday.\n\n"
               "“We had no part in the shelling of the market and we reject every claim otherwise,” "
               "the statement continued.")
    assert speakers(quotes_of(unnamed), "We had no part in the shelling") == [None]


def test_a_participle_goes_on_with_the_speech_verb_it_hangs_on_past_an_according_to() -> None:
    body = ("Mira Talvik said the vote had been fair, according to a translation provided by the Interior "
            "Ministry, adding that the count had been “checked twice by observers from three countries.”")
    assert speakers(quotes_of(body), "checked twice by observers") == ["Mira Talvik"]
    no_verb = ("Russian forces were ten kilometers from the town on Tuesday, according to the Institute for the "
               "Study of War, continuing what it called “a slow and costly push toward the river crossings.”")
    found = speakers(quotes_of(no_verb), "a slow and costly push")
    assert len(found) == 1 and found[0] is not None and "Russian" not in found[0]


def test_a_participle_inside_a_reported_clause_is_the_outer_speakers_but_one_set_off_is_his_own() -> None:
    inside = quotes_of("Colonel Dan Rivlin said the militia was lying when denying it had fired the rockets.")
    assert speakers(inside, "it had fired the rockets") == ["Dan Rivlin"]
    set_off = quotes_of("Colonel Dan Rivlin said the militia had fired the rockets, adding that the "
                        "launchers were hidden in orchards.")
    assert speakers(set_off, "the launchers were hidden in orchards") == ["Dan Rivlin"]


def test_the_speaker_after_an_inverted_verb_is_no_reported_clause() -> None:
    body = ("“The road was closed for hours and nobody could reach the clinic,” said Omar Haddad, "
            "who lives near the checkpoint.")
    quotes = quotes_of(body)
    assert not [q for q in quotes if q.text.startswith("Omar Haddad")]
    assert speakers(quotes, "The road was closed for hours") == ["Omar Haddad"]


def test_it_is_the_body_that_is_the_subject_of_its_sentence_when_the_number_agrees() -> None:
    body = ("The army said the strike hit a command post.\n\n"
            "The Press Freedom Council asked the army to explain the strike, in what it said "
            "“appears to be a deliberate attack on reporters.”")
    found = speakers(quotes_of(body), "a deliberate attack on reporters")
    assert len(found) == 1 and found[0] is not None and "Press Freedom Council" in found[0]
    plural = ("The army said the strike hit a command post.\n\n"
              "Government forces crossed the river on Monday, and it said “the crossing was planned for weeks by our staff.”")
    assert all(s is None or "forces" not in s for s in speakers(quotes_of(plural), "the crossing was planned"))


def test_bodies_joined_by_and_speak_together_with_the_first_ones_identity() -> None:
    body = ("In a statement to reporters on Thursday, the Israel Defense Forces (IDF) and Israeli Security Agency "
            "alleged the driver was a member of an armed cell.")
    found = [q for q in having(quotes_of(body), "the driver was a member")]
    assert len(found) == 1 and found[0].speaker is not None
    assert found[0].speaker.name.startswith("Israel Defense Forces")
    alone = quotes_of("On Thursday the Israeli Security Agency alleged the driver was a member of an armed cell.")
    assert [s for s in speakers(alone, "the driver was a member") if s and "Defense Forces" in s] == []


def test_a_name_with_inner_capitals_or_apostrophes_is_read_whole() -> None:
    body = "“It was the hardest night of my life and I will never forget it,” said Khalil Al-Sa’adi, a teacher."
    assert speakers(quotes_of(body), "the hardest night of my life") == ["Khalil Al-Sa’adi"]
    acronym = quotes_of("“It was the hardest night of my life and I will never forget it,” Dana Levi told CNN.")
    assert speakers(acronym, "the hardest night of my life") == ["Dana Levi"]


def test_a_capitalised_role_set_off_after_a_name_speaks_for_that_name() -> None:
    body = ("Lena Sorvik, the UN Special Envoy on the Situation in the Great Lakes, told reporters that "
            "the ceasefire was holding in most districts.")
    assert speakers(quotes_of(body), "the ceasefire was holding") == ["Lena Sorvik"]
    unnamed = quotes_of("The UN Special Envoy on the Situation in the Great Lakes told reporters that the "
                        "ceasefire was holding in most districts.")
    assert "Lena Sorvik" not in speakers(unnamed, "the ceasefire was holding")


def test_a_verb_closing_its_sentence_after_a_comma_speaks_for_the_phrase_before_it() -> None:
    body = ("General Tun Aung became the acting president on Monday after the former leader resigned, "
            "state media reported.")
    found = speakers(quotes_of(body), "became the acting president")
    assert found == ["state media"]
    aside = quotes_of("Army chief Tun Aung, speaking in the capital on Monday, said the curfew would end at dawn.")
    assert speakers(aside, "the curfew would end") == ["Tun Aung"]


def test_a_clause_that_opens_with_its_own_speaker_is_theirs_though_a_source_passes_it_on() -> None:
    body = "One resident said the gunmen used grenades to blast the gates, according to the BBC."
    quotes = quotes_of(body)
    found = speakers(quotes, "the gunmen used grenades")
    assert len(found) == 1 and found[0] is not None and found[0].endswith("resident")
    assert not [q for q in quotes if q.text.startswith("One resident")]
    passed_on = quotes_of("The gunmen used grenades to blast the gates, according to the BBC.")
    assert speakers(passed_on, "The gunmen used grenades") == ["BBC"]


def test_a_name_closing_an_according_to_phrase_is_the_source_and_the_phrase_ends_at_its_comma() -> None:
    body = ("According to the United Nations (UN) Special Rapporteur on freedom of assembly Irene Kovac, "
            "unchecked impunity is feeding the violence.")
    assert speakers(quotes_of(body), "unchecked impunity is feeding") == ["Irene Kovac"]
    office = quotes_of("According to the United Nations (UN) office in Dhaka, unchecked impunity is feeding the violence.")
    found = speakers(office, "unchecked impunity is feeding")
    assert len(found) == 1 and found[0] is not None and "Nations" in found[0] and "impunity" not in found[0]


def test_a_body_whose_name_the_tagger_read_as_a_verb_is_named_whole() -> None:
    body = ("Gunmen stormed the compound on Wednesday. \"We have suspended our operations across the country "
            "following today's events\", stated Save the Children in an official statement. They added, "
            "\"We remain committed to resuming our work as quickly as possible.\"")
    quotes = quotes_of(body)
    assert speakers(quotes, "We have suspended our operations") == ["Save the Children"]
    assert speakers(quotes, "We remain committed") == ["Save the Children"]  # "they": the body that just spoke
    lower = quotes_of("Gunmen stormed the compound on Wednesday. \"We have suspended our operations across the "
                      "country following today's events\", stated the charity in an official statement.")
    assert speakers(lower, "We have suspended our operations") == ["charity"]
    # a capitalised adjective before a common noun is a demonym, not a misread name: the name apposed speaks
    envoy = quotes_of("A wider war could lead to \u201ca new wave of refugees\u201d with \u201cup to two million more "
                      "people displaced\u201d, further warned Tuesday the American envoy to the UN, Linda Thomas-Greenfield.")
    assert speakers(envoy, "a new wave of refugees") == ["Linda Thomas-Greenfield"]


def test_the_authors_of_a_document_speak_for_its_issuer() -> None:
    assert "authors" in language.quoting().document_authors
    body = ("A new study by the Lisbon Institute for Peace Research covers twelve wars over two years.\n\n"
            "The report’s authors argue that civilian deaths have doubled in every region they studied.")
    found = speakers(quotes_of(body), "civilian deaths have doubled")
    assert len(found) == 1 and found[0] is not None and "Lisbon Institute" in found[0]
    staff = quotes_of("A new study by the Lisbon Institute for Peace Research covers twelve wars over two years.\n\n"
                      "The ministry’s officials argue that civilian deaths have doubled in every region they studied.")
    assert all(s is None or "Lisbon" not in s for s in speakers(staff, "civilian deaths have doubled"))
