"""The quote-attribution words of resources/lang/en/quotes.yaml: loaded through a schema check."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.nlp import language


def test_the_shipped_quote_words_load() -> None:
    words = language.quoting()
    assert "the" in words.definite_determiners
    assert "a" not in words.definite_determiners  # "a statement" names its own source
    assert words.fragment_words >= 1 and "whether" in words.question_words and "from" in words.issuer_preps
    assert "in" in words.document_preps and "from" not in words.document_preps  # "said in a statement": its issuer
    assert words.title_words > words.fragment_words  # a title is longer than a quoted term
    assert "organization" in words.body_nouns and "commission" not in words.body_nouns  # a body's own word
    assert "automaker" in words.body_kinds and "company" not in words.body_kinds  # "the company" is a source noun
    assert "source" in words.any_speaker_words and "commission" not in words.any_speaker_words  # "the source": anyone
    assert "professor" in words.person_nouns and "agency" not in words.person_nouns  # a body is no person
    assert "cite" in words.speaker_acts and "kill" not in words.speaker_acts  # "…, killing five" is still the claim
    assert "officials" in words.nameless_sources and "ministry" not in words.nameless_sources  # a body is named
    assert "experts" in words.typed_nameless_sources and "officials" not in words.typed_nameless_sources
    assert "many" in words.counting_words and "local" not in words.counting_words  # "many analysts" are some
    assert "as" in words.aside_marks and "said" not in words.aside_marks
    assert "as" in words.said_as_marks and "by" not in words.said_as_marks  # "quoted by X as saying": not X's
    assert "." in words.utterance_ends and "”" not in words.utterance_ends  # a stop ends a sentence said
    assert "if" in words.setting_openers and "that" not in words.setting_openers  # "said that if …, …": a setting
    assert "at least" in words.quantity_openers and "in" not in words.quantity_openers  # "said in …" is a setting
    assert "who" in words.closing_aside_openers and "and" not in words.closing_aside_openers  # ", X, and Y, said"
    assert "GPE" in words.bare_role_owners and "PERSON" not in words.bare_role_owners  # "Kyiv mayor says", as written
    assert "ORG" in words.body_name_types and "PERSON" not in words.body_name_types  # "Hamas … their spokesman"
    assert "PERSON" in words.not_body_name_types and "ORG" not in words.not_body_name_types  # ", Acme Records, says"
    assert words.cataphora_reach > 0  # characters after "a top official said" to "The official, NAME,"
    assert "boost" in words.headline_noun_verbs and "attack" not in words.headline_noun_verbs  # "bots boost efforts"
    assert "thanks" in words.said_things and "no" not in words.said_things  # "says thanks", not "says no sign of"
    assert "about" in words.topic_openers and "against" not in words.topic_openers  # 'X: Against …' is X's claim
    assert words.verbless_lower_words >= 2  # 'X: Title Words and More Title Words' is a title, not X's claim
    assert "visit" in words.happening_heads and "decision" not in words.happening_heads  # 'X: No decisions …' is said
    assert words.label_infinitive_marks == {"to"}  # 'X to meet Y: …' tells what X will do; 'X on Y: …' is X's label
    assert "”" in words.headline_closing_marks and "." not in words.headline_closing_marks  # '…, U.S. says.': a story's
    assert "NOUN" in words.topic_label_heads and "ADJ" not in words.topic_label_heads  # '“Impossible”: X says' is said
    assert language.syntax().present_tags == {"vbz", "vbp"}  # '…, U.S. says' closes a headline; '…, U.S. said' no


def test_headline_closing_marks_are_single_characters() -> None:
    """quotes.yaml headline_closing_marks is what `str.strip` takes: a mark of two characters would strip each alone."""
    assert language._characters({"marks": [" ", "”"]}, "marks", "test") == " ”"
    with pytest.raises(ValueError, match="single characters"):
        language._characters({"marks": [" ", "”."]}, "marks", "test")


@pytest.mark.parametrize("text, problem", [
    ("definite_determiners: the\n", "must be a list of words"),
    ("definite_determiners: [the, its, the]\n", "twice"),
    ("other: [x]\n", "must be a list of words"),
    ("definite_determiners: [the]\nissuer_preps: [from]\ndocument_preps: [in]\nquestion_words: [why]\nno_source_nouns: [plan]\ndocument_authors: [authors]\n"
     "person_nouns: [professor]\nbody_nouns: [group]\nbody_kinds: [automaker]\nany_speaker_words: [source]\nspeaker_acts: [cite]\nnameless_sources: [officials]\ntyped_nameless_sources: [experts]\n"
     "counting_words: [many]\naside_marks: [as]\nsaid_as_marks: [as]\nissuing_verbs: [issue]\nclause_verbs: [say]\nutterance_ends: [.]\nsetting_openers: [to]\nquantity_openers: [at least]\nclosing_aside_openers: [a]\ncomplementizers: [that]\nclause_joiners: [and]\ncontrast_joiners: [but]\n"
     "subject_relatives: [who]\nsingular_they_pronouns: [they]\ngeneric_articles: [the]\ntitle_small_words: [of]\npointing_back: [this]\npointing_verbs: [say]\npointing_preps: [about]\naccording_to: [according, to]\nfragment_words: three\n",
     "whole number"),
    ("definite_determiners: [the]\nissuer_preps: [from]\ndocument_preps: [in]\nquestion_words: [why]\nno_source_nouns: [plan]\ndocument_authors: [authors]\n"
     "person_nouns: [professor]\nbody_nouns: [group]\nbody_kinds: [automaker]\nany_speaker_words: [source]\nspeaker_acts: [cite]\nnameless_sources: [officials]\ntyped_nameless_sources: [experts]\n"
     "counting_words: [many]\naside_marks: [as]\nsaid_as_marks: [as]\nissuing_verbs: [issue]\nclause_verbs: [say]\nutterance_ends: [.]\nsetting_openers: [to]\nquantity_openers: [at least]\nclosing_aside_openers: [a]\ncomplementizers: [that]\nclause_joiners: [and]\ncontrast_joiners: [but]\n"
     "subject_relatives: [who]\nsingular_they_pronouns: [they]\ngeneric_articles: [the]\ntitle_small_words: [of]\npointing_back: [this]\npointing_verbs: [say]\npointing_preps: [about]\naccording_to: [according, to]\nfragment_words: 3\n",
     "'title_words' must be a whole number"),
    ("definite_determiners: [the]\nissuer_preps: [from]\ndocument_preps: [in]\nquestion_words: [why]\nno_source_nouns: [plan]\ndocument_authors: [authors]\n"
     "person_nouns: [professor]\nbody_nouns: [group]\nbody_kinds: [automaker]\nany_speaker_words: [source]\nspeaker_acts: [cite]\nnameless_sources: [officials]\ntyped_nameless_sources: [experts]\n"
     "counting_words: [many]\naside_marks: [as]\nsaid_as_marks: [as]\nissuing_verbs: [issue]\nclause_verbs: [say]\nutterance_ends: [.]\nsetting_openers: [to]\nquantity_openers: [at least]\nclosing_aside_openers: [a]\ncomplementizers: [that]\nclause_joiners: [and]\ncontrast_joiners: [but]\n"
     "subject_relatives: [who]\nsingular_they_pronouns: [they]\ngeneric_articles: [the]\ntitle_small_words: [of]\npointing_back: [this]\npointing_verbs: [say]\npointing_preps: [about]\naccording_to: [according, to]\nfragment_words: 3\n"
     "title_words: 10\nbare_role_owners: GPE\n",
     "'bare_role_owners' must be a list of words"),
    ("definite_determiners: [the]\nissuer_preps: [from]\ndocument_preps: [in]\nquestion_words: [why]\nno_source_nouns: [plan]\ndocument_authors: [authors]\n"
     "person_nouns: [professor]\nbody_nouns: [group]\nbody_kinds: [automaker]\nany_speaker_words: [source]\nspeaker_acts: [cite]\nnameless_sources: [officials]\ntyped_nameless_sources: [experts]\n"
     "counting_words: [many]\naside_marks: [as]\nsaid_as_marks: [as]\nissuing_verbs: [issue]\nclause_verbs: [say]\nutterance_ends: [.]\nsetting_openers: [to]\nquantity_openers: [at least]\nclosing_aside_openers: [a]\ncomplementizers: [that]\nclause_joiners: [and]\ncontrast_joiners: [but]\n"
     "subject_relatives: [who]\nsingular_they_pronouns: [they]\ngeneric_articles: [the]\ntitle_small_words: [of]\npointing_back: [this]\npointing_verbs: [say]\npointing_preps: [about]\naccording_to: [according, to]\nfragment_words: 3\n"
     "title_words: 10\nbare_role_owners: [GPE]\nbody_name_types: [ORG]\nnot_body_name_types: [PERSON]\ncataphora_reach: far\n",
     "'cataphora_reach' must be a whole number of characters"),
])
def test_a_malformed_quotes_file_is_refused_with_its_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          text: str, problem: str) -> None:
    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / "quotes.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setattr(language, "LANG_DIR", tmp_path)
    with pytest.raises(ValueError, match=problem) as err:
        language.quoting("xx")
    assert "lang/xx/quotes.yaml" in str(err.value)
