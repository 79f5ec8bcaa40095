"""The word lists of names and figures are language data, checked when they are read."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from flashpoint.nlp import language
from flashpoint.nlp.language import date_words, figure_words, names
from flashpoint.nlp.regexes import longest_first


@pytest.fixture(autouse=True)
def _fresh_caches() -> Iterator[None]:
    """A made-up language read in one test is not the cached answer of another."""
    names.cache_clear()
    figure_words.cache_clear()
    date_words.cache_clear()
    yield
    names.cache_clear()
    figure_words.cache_clear()
    date_words.cache_clear()


def test_english_lists_load_with_their_cases() -> None:
    words = names()
    assert "Minister" in words.title_heads and "minister" not in words.title_heads  # matched as written
    assert "Summit" in words.event_words and "of" in words.name_connectors
    assert "march" in words.calendar_words and "spokesman" not in words.person_role_words
    fig = figure_words()
    assert "the" in fig.phrase_lead_words and "two" in fig.small_number_words


def test_a_word_listed_twice_is_refused_by_name(language_with: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(language, "LANG_DIR", language_with("entities.yaml", "title_heads: [",
                                                             "title_heads: [Mufti, "))
    with pytest.raises(ValueError, match=r"entities\.yaml: 'title_heads' lists \['Mufti'\] twice"):
        names("xx")


def test_a_list_that_is_not_a_list_of_words_is_refused(language_with: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(language, "LANG_DIR", language_with("figures.yaml", "small_number_words: [",
                                                             "small_number_words: [[nested], "))
    with pytest.raises(ValueError, match=r"figures\.yaml: 'small_number_words' must be a list of words"):
        figure_words("xx")


def test_a_language_without_the_file_says_which(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "xx").mkdir()
    monkeypatch.setattr(language, "LANG_DIR", tmp_path)
    with pytest.raises(FileNotFoundError, match="no entities.yaml for language 'xx'"):
        names("xx")


def test_date_words_load_and_a_bad_list_is_refused(language_with: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    words = date_words()
    assert "nineteen" in words.teen_number_words and "nineteen" in words.year_century_words
    assert "preceding" in words.relative_words and "ninth" in words.day_ordinal_unit_words
    assert "on" in words.numeric_date_lead_cues and "hryvnias" in words.year_counted_nouns  # "on" quoted, no bool
    monkeypatch.setattr(language, "LANG_DIR", language_with("dates.yaml", "relative_words: [",
                                                             "relative_words: [next, "))
    with pytest.raises(ValueError, match=r"dates\.yaml: 'relative_words' lists \['next'\] twice"):
        date_words("xx")


def test_an_alternation_from_a_set_tries_the_longer_word_first_whatever_the_order() -> None:
    pattern = longest_first({"six", "sixteen", "ten"})
    assert pattern == longest_first(["ten", "sixteen", "six"]) == "(?:sixteen|six|ten)"
    found = re.match(pattern, "sixteen")
    assert found is not None and found[0] == "sixteen"


def test_keyed_language_files_load_through_the_loader_and_a_wrong_kind_is_refused(
        language_with: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    assert "say" in language.lexicon("speech_verbs.yaml")["verbs"]
    assert "Gov" in language.lexicon("roles.yaml")["title_abbreviations"]
    assert "christmas" in language.lexicon("holidays.yaml")["fixed"]
    monkeypatch.setattr(language, "LANG_DIR", language_with("roles.yaml", "title_joiners: [",
                                                             "title_joiners: {to: 1}\nunused: ["))
    with pytest.raises(ValueError, match=r"roles\.yaml: 'title_joiners' must be a list"):
        language.lexicon("roles.yaml", "xx")


def test_given_names_are_a_checked_list(language_with: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    assert "Volodymyr" in language.given_names() and "volodymyr" not in language.given_names()
    monkeypatch.setattr(language, "LANG_DIR", language_with("first_names.yaml", "[Aaron, ",
                                                             "[Aaron, Aaron, "))
    with pytest.raises(ValueError, match=r"first_names\.yaml: 'first_names' lists \['Aaron'\] twice"):
        language.given_names("xx")


def test_the_language_identifier_knows_each_folder_with_stopwords(language_with: Any, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from flashpoint.ingest.meta import detect_language

    words = language.stopwords()
    assert {"en", "fr", "de", "ru", "uk"} <= set(words) and "the" in words["en"] and "été" in words["fr"]
    assert detect_language("Le ministre a dit que les troupes sont dans la ville et que la guerre continue.") == "fr"
    language.stopwords.cache_clear()
    try:
        language_with("stopwords.yaml", "stopwords: [", "stopwords: [zzq, ")
        monkeypatch.setattr(language, "LANG_DIR", tmp_path)
        assert set(language.stopwords()) == {"xx"} and "zzq" in language.stopwords()["xx"]
    finally:
        language.stopwords.cache_clear()


def test_calendar_words_are_data_in_calendar_order(language_with: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    cal = language.calendar_words()
    assert cal.months["sept"] == cal.months["september"] == 9 and cal.months["may"] == 5
    assert cal.weekdays["tues"] == 1 and cal.weekdays["thurs"] == 3 and cal.weekdays["sunday"] == 6
    assert cal.weekday_names[0] == "monday" and cal.month_names[-1] == "december"
    assert cal.part_of_day_words["tonight"] == cal.parts_of_day["night"] == "TNI" and cal.seasons["fall"] == "FA" and cal.day_words["yesterday"] == -1
    monkeypatch.setattr(language, "LANG_DIR", language_with("calendar.yaml", "  - [may]\n", ""))
    with pytest.raises(ValueError, match=r"calendar\.yaml: 'months' must list 12 rows of words, in calendar order"):
        language.calendar_words("xx")


def test_a_calendar_word_twice_is_refused(language_with: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(language, "LANG_DIR", language_with("calendar.yaml", "[friday, fri]", "[friday, fri, sat]"))
    with pytest.raises(ValueError, match=r"'weekdays' lists \['sat'\] twice"):
        language.calendar_words("xx")


def test_a_day_count_not_a_number_is_refused(language_with: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(language, "LANG_DIR", language_with("calendar.yaml", "yesterday: -1", "yesterday: before"))
    with pytest.raises(ValueError, match=r"'day_words' must map a word to a int"):
        language.calendar_words("xx")


@pytest.mark.parametrize("name", language.CLAIM_CUES)
def test_each_claim_cue_finds_its_positive_examples_and_not_its_negative(name: str) -> None:
    cue = language.claim_cues()[name]
    for text in cue.pos:
        assert cue.pattern.search(text), (name, text)
    for text in cue.neg:
        assert not cue.pattern.search(text), (name, text)


def test_a_claim_cue_without_examples_is_refused(language_with: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(language, "LANG_DIR", language_with("claims.yaml",
                                                             '    neg: ["30 were killed", "an injury-time goal"]\n',
                                                             ""))
    with pytest.raises(ValueError, match=r"claims\.yaml: cue 'wounded' needs a pattern and positive and negative"):
        language.claim_cues("xx")


def test_a_weekday_as_a_date_line_writes_it_matches_its_examples_whole() -> None:
    cue = language.calendar_words().written_weekday
    assert all(cue.pattern.fullmatch(w) for w in cue.pos)
    assert not any(cue.pattern.fullmatch(w) for w in cue.neg)


def test_a_pages_furniture_words_are_data_and_a_yaml_boolean_is_refused(language_with: Any,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from flashpoint.ingest import meta

    assert {"on", "of", "le"} <= meta._SMALL and {"home", "editor's", "subscribe"} <= meta._SECTION_WORDS
    assert meta._smart_title("ARARAT TIMES ON LINE") == "Ararat Times on Line"
    monkeypatch.setattr(language, "LANG_DIR", language_with("pages.yaml", '"on"', "on"))
    with pytest.raises(ValueError, match=r"pages\.yaml: 'title_small_words' must be a list of words"):
        language.word_list("xx", "pages.yaml", "title_small_words")


def test_the_ordinal_endings_are_data_in_their_order_and_read_a_day(language_with: Any,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from flashpoint.nlp.numbers import ORDINAL_SUFFIX_RE, ordinal_to_number

    assert ORDINAL_SUFFIX_RE == language.calendar_words().ordinal_suffix == "(?:st|nd|rd|th)"
    assert ordinal_to_number("22nd") == 22 and ordinal_to_number("3RD") == 3 and ordinal_to_number("22nx") is None
    monkeypatch.setattr(language, "LANG_DIR", language_with("calendar.yaml", "[st, nd,", "[st, st,"))
    with pytest.raises(ValueError, match=r"calendar\.yaml: 'ordinal_suffixes' lists \['st'\] twice"):
        language.calendar_words("xx")


def test_what_a_claim_counts_is_data_and_a_list_naming_no_subject_is_refused(language_with: Any,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    subjects = language.claim_subjects()
    assert subjects.heads["troops"][:2] == ("troops", "soldiers") and "$" in subjects.heads["dollars"]
    assert "tanks" in subjects.sideable and "tanks" not in subjects.persons and "troops" not in subjects.civilian
    monkeypatch.setattr(language, "LANG_DIR", language_with("claims.yaml", "civilian_subjects: [people,",
                                                             "civilian_subjects: [peoples,"))
    with pytest.raises(ValueError, match=r"claims\.yaml: 'civilian_subjects' names \['peoples'\], not subjects"):
        language.claim_subjects("xx")


def test_the_small_closed_classes_the_extractors_read_are_syntax_data() -> None:
    words = language.syntax()
    assert words.named_objects == {"it", "them", "him", "her", "this", "that"}
    assert words.control_marks == {"of", "for", "against", "from", "into"} and words.person_relatives == {"who", "whom", "whose"}
    assert "'ll" in words.modal_auxiliaries and "ca" in words.modal_auxiliaries  # "we'll", "can't": spaCy's pieces


@pytest.mark.parametrize("name", language.PAGE_CUES)
def test_each_page_cue_finds_its_positive_examples_and_not_its_negative(name: str) -> None:
    cue = language.page_cues()[name]
    assert all(cue.pattern.search(text) for text in cue.pos), name
    assert not any(cue.pattern.search(text) for text in cue.neg), name


def test_a_page_cue_missing_is_refused_by_name(language_with: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(language, "LANG_DIR", language_with("pages.yaml", "  caption:", "  captions:"))
    with pytest.raises(ValueError, match=r"pages\.yaml: 'cues' must hold exactly teaser, caption, photo_credit"):
        language.page_cues("xx")


def test_number_words_are_data_with_their_values_and_a_word_without_a_number_is_refused(
        language_with: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from flashpoint.nlp.numbers import parse_number, words_to_number

    words = language.number_words()
    assert words["units"]["nineteen"] == 19 and words["scales"]["million"] == 1e6
    assert isinstance(words["scales"]["hundred"], int) and isinstance(words["scale_abbreviations"]["k"], float)
    assert words_to_number("two hundred and fifty") == 250 and parse_number("a couple of") == 2
    monkeypatch.setattr(language, "LANG_DIR", language_with("numbers.yaml", "twenty: 20", "twenty: x"))
    with pytest.raises(ValueError, match=r"numbers\.yaml: 'tens' must map a word to a number"):
        language.number_words("xx")


def test_a_scales_joiner_is_data_and_its_examples_are_one_number_or_not() -> None:
    """'two hundred and fifty' is one number: the joining word is numbers.yaml `joiners`, with examples."""
    from flashpoint.nlp.numbers import JOINERS, NUMBER_WORDS_RE, words_to_number

    examples = language.read_yaml("en", "numbers.yaml")["joiner_examples"]
    assert JOINERS == {"and"} and examples["pos"] and examples["neg"]
    for text in examples["pos"]:
        assert re.fullmatch(NUMBER_WORDS_RE, text, re.I) and words_to_number(text) is not None, text
    for text in examples["neg"]:
        assert not re.fullmatch(NUMBER_WORDS_RE, text, re.I), text
    assert words_to_number("two hundred") == 200 and words_to_number("two hundred thousand") == 200_000


def test_the_date_finders_decades_and_auxiliaries_are_data() -> None:
    import datetime as dt

    from flashpoint.nlp.timexes import _DECADE_WORDS, find_expressions

    assert list(_DECADE_WORDS)[:2] == ["twenties", "thirties"] and _DECADE_WORDS["seventies"] == 7
    assert {"had", "'ve"} <= language.syntax().past_auxiliaries and "wo" in language.syntax().future_auxiliaries
    assert [r.value for r in find_expressions("It was built in the seventies.", dt.date(2024, 1, 10))] == ["197X"]


def test_the_story_words_are_data_and_an_ending_without_its_replacement_is_refused(
        language_with: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from flashpoint.corpus.stories import _STOP, stem

    assert stem("casualties") == "casualty" and stem("strikes") == "strik" and stem("bus") == "bus"
    assert {"said", "subscribe", "the"} <= _STOP
    monkeypatch.setattr(language, "LANG_DIR", language_with("stories.yaml", 'ies: "y"', "ies: [y]"))
    with pytest.raises(ValueError, match=r"stories\.yaml: 'stem_suffixes' must map an ending to its replacement"):
        language.stem_suffixes("xx")


def test_the_figure_finders_small_function_words_are_data() -> None:
    words = figure_words()
    assert words.claimant_stripped_openers == {"of", "the"} and words.modifier_conjunctions == {"and", "or"}
    assert words.claimant_void_words == {"no", "none", "per"}  # "no" quoted in the YAML, not read as false


def test_the_steps_of_relative_words_are_data_and_a_step_not_a_number_is_refused(
        language_with: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    steps = language.relative_steps()
    assert (steps["next"], steps["last"], steps["this"], steps["preceding"]) == (1, -1, 0, -1)
    assert "current" not in steps  # "the current month": no step
    monkeypatch.setattr(language, "LANG_DIR", language_with("dates.yaml", "upcoming: 1,", "upcoming: soon,"))
    with pytest.raises(ValueError, match=r"dates\.yaml: 'relative_steps' must map a word to a int"):
        language.relative_steps("xx")


def test_a_month_after_a_back_or_ahead_word_is_the_nearest_that_way() -> None:
    import datetime as dt

    from flashpoint.nlp.timexes import find_expressions

    words = language.date_words()
    assert words.month_back_words == {"last", "previous", "past"} and "coming" in words.month_ahead_words
    ref = dt.date(2024, 8, 1)
    assert [r.value for r in find_expressions("They met the previous July.", ref)] == ["2024-07"]
    assert [r.value for r in find_expressions("They meet the coming July.", ref)] == ["2025-07"]


def test_a_span_counted_back_from_the_day_of_writing_reads_its_words_from_data() -> None:
    import datetime as dt

    from flashpoint.nlp.timexes import find_expressions

    assert language.date_words().span_back_words == {"last", "past", "previous", "recent"}
    ref = dt.date(2024, 8, 1)
    back, ahead = (find_expressions(f"Prices rose in the {w} three days.", ref)[0] for w in ("past", "next"))
    assert (back.start, back.end) == (dt.date(2024, 7, 29), ref) and ahead.start == dt.date(2024, 8, 2)


def test_time_units_name_each_unit_once_and_cover_the_counted_units() -> None:
    """calendar.yaml time_units: every unit a date is counted in (dates.yaml time_unit_words) names a unit the
    finder reckons with, "weeks" is more than one."""
    cal = language.calendar_words()
    assert cal.units["weeks"] == cal.units["week"] == "week" and "weeks" in cal.plural_units
    assert "week" not in cal.plural_units and cal.unit_end_abbreviations["eoy"] == "year"
    assert date_words().time_unit_words <= set(cal.units)


@pytest.mark.parametrize(("new", "error"), [
    ("  century: [century, days]\n", r"calendar\.yaml: 'time_units' lists \['days'\] twice"),
    ("  aeon: [aeon, aeons]\n", r"'time_units' must give each of day, week"),
])
def test_a_time_unit_given_twice_or_unknown_to_the_finder_is_refused(new: str, error: str, language_with: Any,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(language, "LANG_DIR", language_with("calendar.yaml", "  century: [century, centuries]\n", new))
    language.calendar_words.cache_clear()
    try:
        with pytest.raises(ValueError, match=error):
            language.calendar_words("xx")
    finally:
        language.calendar_words.cache_clear()


def test_page_furniture_is_language_data_checked_when_read(language_with: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """lang/en/boilerplate.yaml holds the cleaner's marker patterns: furniture lines match, article lines do not;
    a file whose pattern is no string is refused by name."""
    from flashpoint.ingest.clean_lines import markers

    found = markers()
    assert found.starts.match("Read more: the latest on the war") and not found.starts.match("Troops read the order")
    assert found.starts.match("Latest updates:") and found.starts.match("Related: Strikes hit the capital")
    assert not found.starts.match("Latest Ukraine updates: Kyiv mayor says half the city has fled")  # a live headline
    assert found.credit.search("A destroyed bridge. Photo: Reuters") and not found.credit.search("He said so.")
    assert "the" in found.stopwords
    assert found.inline_ad.fullmatch("Advertisement:") and found.inline_ad.fullmatch("Story continues below advertisement")
    assert not found.inline_ad.fullmatch("Advertisement revenue fell by half.")
    monkeypatch.setattr(language, "LANG_DIR", language_with("boilerplate.yaml", "credit_end: ",
                                                             "credit_end: [not, a, pattern]\nx_credit_end: "))
    with pytest.raises(ValueError, match=r"boilerplate\.yaml: 'credit_end' must be a string"):
        language.lexicon("boilerplate.yaml", "xx")


def test_a_language_file_is_found_per_folder_and_a_missing_one_is_looked_for_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """language.read_yaml keeps each file it found by folder, language and name: a file missing once is looked for
    again (an error is not kept), and another folder's file of the same name is that folder's."""
    first, second = tmp_path / "first", tmp_path / "second"
    monkeypatch.setattr(language, "LANG_DIR", first)
    with pytest.raises(FileNotFoundError):
        language.read_yaml("xx", "words.yaml")
    (first / "xx").mkdir(parents=True)
    (first / "xx" / "words.yaml").write_text("words: [alpha]\n", encoding="utf-8")
    assert language.read_yaml("xx", "words.yaml") == {"words": ["alpha"]}
    (second / "xx").mkdir(parents=True)
    (second / "xx" / "words.yaml").write_text("words: [beta]\n", encoding="utf-8")
    monkeypatch.setattr(language, "LANG_DIR", second)
    assert language.read_yaml("xx", "words.yaml") == {"words": ["beta"]}
