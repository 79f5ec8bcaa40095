"""Actor resolution: PLOVER country and sector codes for names, metonyms, roles, IGOs and armed groups."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from flashpoint.model import Article
from flashpoint.nlp import gazetteer as gz
from flashpoint.nlp import language
from flashpoint.nlp.actors import (
    actor_for_span,
    country_of,
    names_a_whole_country,
    resolve_actor,
    resolve_phrase,
    resolve_place,
)
from flashpoint.nlp.document import make_doc
from flashpoint.nlp.entities import extract_entities


def codes(text: str, context: str | None = None) -> tuple[str | None, str | None, str | None]:
    actor = resolve_actor(text, context)
    assert actor is not None, f"{text!r} did not resolve"
    return actor.country, actor.sector, actor.code


@pytest.mark.parametrize(("mention", "expected"), [
    ("the Kremlin", ("RUS", "GOV", None)),
    ("Moscow", ("RUS", "GOV", None)),
    ("Kyiv", ("UKR", "GOV", None)),
    ("Kiev", ("UKR", "GOV", None)),
    ("Washington", ("USA", "GOV", None)),
    ("the White House", ("USA", "GOV", None)),
    ("Downing Street", ("GBR", "GOV", None)),
    ("the Elysee", ("FRA", "GOV", None)),
    ("Beijing", ("CHN", "GOV", None)),
    ("the Pentagon", ("USA", "MIL", None)),
    ("Russia", ("RUS", None, None)),
    ("Russian forces", ("RUS", "MIL", None)),
    ("Ukrainian troops", ("UKR", "MIL", None)),
    ("the Ukrainian army", ("UKR", "MIL", None)),
    ("Israeli police", ("ISR", "COP", None)),
    ("Ukraine's commander-in-chief", ("UKR", "MIL", None)),
    ("Kremlin spokesman Dmitry Peskov", ("RUS", "GOV", None)),
    ("White House press secretary", ("USA", "GOV", None)),
    ("Russian Foreign Minister", ("RUS", "GOV", None)),
    ("US Secretary of State", ("USA", "GOV", None)),
    ("NATO", (None, "IGO", "NATO")),
    ("the OSCE", (None, "IGO", "OSCE")),
    ("UN Secretary General", (None, "IGO", "UN")),
    ("the G7", (None, "IGO", "G7")),
    ("Brussels", (None, "IGO", "EU")),
    ("the Luhansk People's Republic", ("UKR", "PRE", None)),
    ("Hezbollah", ("LBN", "REB", None)),
    ("Dmytro Kuleba", ("UKR", "GOV", None)),
    ("Dmitry Kuleba", ("UKR", "GOV", None)),
    ("Volodimir Zelenski", ("UKR", "GOV", None)),
    ("Lt. Gen. Prosper Avril", (None, "MIL", None)),  # a rank before a name the KB does not know
    ("Russian Col. Ivan Sokolov", ("RUS", "MIL", None)),
])
def test_mentions_resolve_to_plover_codes(mention: str, expected: tuple[str | None, ...]) -> None:
    assert codes(mention) == expected


@pytest.mark.parametrize(("mention", "expected"), [
    ("House Democrats", "USA"), ("Senate Republicans", "USA"), ("the Tories", "GBR"), ("the Sweden Democrats", "SWE"),
    ("the BJP", "IND"), ("Likud", "ISR"),
])
def test_a_party_acts_for_its_country(mention: str, expected: str) -> None:
    assert codes(mention) == (expected, "PTY", None)


@pytest.mark.parametrize(("mention", "expected"), [
    ("RF troops", ("RUS", "MIL", None)),  # the Russian Federation, as Ukrainian outlets abbreviate it
    ("the AFU", ("UKR", "MIL", None)),  # the Armed Forces of Ukraine
    ("ZSU", ("UKR", "MIL", None)),
    ("the Black Sea Fleet of the Russian Federation", ("RUS", "MIL", None)),  # a navy, not the sea it is named by
])
def test_war_reporting_abbreviations_name_their_side(mention: str, expected: tuple[str | None, ...]) -> None:
    assert codes(mention) == expected


def test_the_sea_a_fleet_is_named_by_is_no_side() -> None:
    actor = resolve_actor("the Black Sea")
    assert actor is None or actor.country is None


def test_an_abbreviation_in_lower_case_is_no_name() -> None:
    actor = resolve_actor("rf troops")
    assert actor is None or actor.country is None


@pytest.mark.parametrize(("mention", "expected"), [("TTP", "PAK"), ("CHP", "TUR"), ("HTS", "SYR"), ("KHERSON", "UKR")])
def test_an_abbreviation_is_found_by_its_own_letters(mention: str, expected: str) -> None:
    assert country_of(mention) == expected


@pytest.mark.parametrize("mention", ["TPP", "Kremenchuk CHPP", "USS", "ISS", "CAD"])
def test_letters_that_only_fold_like_an_abbreviation_name_no_body(mention: str) -> None:
    """A thermal power plant (TPP) is no Tehreek-e-Taliban Pakistan (TTP), a CHPP no Turkish party (CHP), the USS
    Nimitz no United States: the fold joins doubled letters and 'h' with 'g', which an abbreviation's letters do not."""
    actor = resolve_actor(mention)
    assert actor is None or actor.sector not in ("REB", "PTY") and actor.country in (None, "UKR")


@pytest.mark.parametrize("mention", ["forced labour", "an APC", "Democratic lawmakers", "the Greens", "Congress"])
def test_words_several_parties_or_things_share_make_no_party(mention: str) -> None:
    actor = resolve_actor(mention)
    assert actor is None or actor.sector != "PTY"


def test_major_and_captain_are_no_ranks_by_themselves() -> None:
    assert resolve_actor("a major airline") is None and resolve_actor("the captain of the ferry") is None


def test_metonyms_share_the_seat_of_powers_id() -> None:
    kremlin, moscow = resolve_actor("the Kremlin"), resolve_actor("Moscow")
    white_house, washington = resolve_actor("the White House"), resolve_actor("Washington")
    assert kremlin is not None and moscow is not None and kremlin.id == moscow.id
    assert white_house is not None and washington is not None and white_house.id == washington.id
    assert kremlin.id != white_house.id


def test_proxy_groups_fight_where_the_context_says() -> None:
    ukraine = "Shelling was reported near Donetsk and Luhansk in eastern Ukraine."
    syria = "Fighting went on around Aleppo and Idlib in northern Syria."
    assert codes("pro-Russia separatists", ukraine) == ("UKR", "REB", None)
    assert codes("Russian-backed rebels", ukraine) == ("UKR", "REB", None)
    assert codes("Russian-backed militias", syria) == ("SYR", "REB", None)
    assert codes("Iranian-backed militants", "Rockets were fired from southern Lebanon near Beirut.") == \
        ("LBN", "REB", None)
    assert codes("separatist rebels", ukraine) == ("UKR", "REB", None)
    # with no context the backer's best-known theatre
    assert resolve_actor("Russian-backed separatists") is not None


def test_a_group_named_after_its_backer_is_of_its_own_name_or_place() -> None:
    # the backer before "-backed" is no home of the group the rest of the phrase names
    assert codes("Iran-backed Houthi rebels") == ("YEM", "REB", None)
    assert codes("Russian-backed Donetsk separatists") == ("UKR", "REB", None)
    # a group with no name of its own stays the backer's proxy, placed by the context
    assert codes("Iranian-backed militants", "Rockets were fired from southern Lebanon near Beirut.") == \
        ("LBN", "REB", None)


def test_bare_role_takes_its_country_from_context() -> None:
    context = "Polish Foreign Minister Jan Kowalczyk met his counterparts in Warsaw on Monday."
    assert codes("the foreign minister", context) == ("POL", "GOV", None)


def test_places_and_countries() -> None:
    kiev = resolve_place("Kiev")
    assert kiev is not None and kiev.country == "UKR" and kiev.id == resolve_place("Kyiv").id  # type: ignore[union-attr]
    assert country_of("Kharkov") == "UKR"
    assert country_of("Odessa") == "UKR"
    assert country_of("Aleppo") == "SYR"
    assert country_of("Angela Merkel") == "DEU"
    assert resolve_place("Nowhereville") is None
    assert resolve_actor("the weather") is None


@pytest.mark.parametrize(("written", "name"), [
    ("Kharkiv region", "Kharkiv"), ("the Kherson oblast", "Kherson"), ("Zaporizhzhia Oblast", "Zaporizhzhia"),
    ("the Kyiv region", "Kyiv"), ("Tigray region", "Tigray"),
])
def test_a_place_and_a_region_word_is_its_region_written_whole(written: str, name: str) -> None:
    """"the Kherson oblast": the place's region, its text kept whole (entities.yaml region_words), so the region
    mechanism reads it as a region and not as the city of that name."""
    place = resolve_place(written)
    assert place is not None and place.name == name and place.text == written


@pytest.mark.parametrize("written", ["the border region", "Nowhereville region", "the Kharkiv Street", "region"])
def test_a_region_word_after_no_gazetteer_place_names_no_region(written: str) -> None:
    assert resolve_place(written) is None


def test_a_town_alone_is_no_region() -> None:
    place = resolve_place("Kharkiv")
    assert place is not None and place.text == "Kharkiv"


def test_every_region_of_places_yaml_is_a_place_the_gazetteer_knows() -> None:
    """places.yaml `region` names the region a town lies in by a place's name: a misspelt one would hold nothing."""
    for town, region in gz.place_regions().items():
        place = resolve_place(f"{region} region")
        assert place is not None and place.name == region, (town, region)
        assert town != region, town


def _doc(text: str):  # noqa: ANN202
    doc = make_doc(Article(id="t", source="t", body=text))
    doc.entities = extract_entities(doc)
    return doc


def span_codes(text: str, phrase: str) -> tuple[str | None, str | None]:
    doc = _doc(text)
    start = text.index(phrase)
    actor = actor_for_span(doc, start, start + len(phrase))
    assert actor is not None, f"no actor for {phrase!r}"
    return actor.country, actor.sector


def test_actor_for_span_codes_clause_subjects() -> None:
    text = ("Kremlin spokesman Dmitry Peskov said Ukraine's commander-in-chief had lied, while pro-Russia "
            "separatists shelled villages near Luhansk and German Chancellor Olaf Scholz called Moscow.")
    assert span_codes(text, "Kremlin spokesman Dmitry Peskov") == ("RUS", "GOV")
    assert span_codes(text, "Ukraine's commander-in-chief") == ("UKR", "MIL")
    assert span_codes(text, "pro-Russia separatists") == ("UKR", "REB")
    assert span_codes(text, "German Chancellor Olaf Scholz") == ("DEU", "GOV")
    assert span_codes(text, "Moscow") == ("RUS", "GOV")


def test_kb_extension_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text("- {name: Zorian Kvitka, country: MDA, sector: MIL, role: army chief, aliases: [Zoryan Kvitka]}\n",
                     encoding="utf-8")
    assert resolve_actor("Zorian Kvitka") is None
    monkeypatch.setenv("FLASHPOINT_KB", str(extra))
    gz.gazetteer.cache_clear()
    try:
        assert codes("Zorian Kvitka") == ("MDA", "MIL", None)
        assert codes("Zoryan Kvitka") == ("MDA", "MIL", None)
        doc = _doc("General Zoryan Kvitka inspected the border. Kvitka said all was calm.")
        people = [e for e in doc.entities if e.type == "PERSON"]
        assert len(people) == 2 and len({p.id for p in people}) == 1
        assert people[1].actor is not None and people[1].actor.country == "MDA"
    finally:
        monkeypatch.delenv("FLASHPOINT_KB")
        gz.gazetteer.cache_clear()


def test_kb_extension_with_places_and_groups(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    extra = tmp_path / "theatre.yaml"
    extra.write_text(
        "people:\n  - {name: Amara Selassie, country: ETH, role: foreign minister}\n"
        "places:\n  - {name: Dolo Odo, country: ETH, aliases: [Dollo Ado]}\n"
        "armed_groups:\n  - {name: Ogaden Liberation Front, country: ETH, sector: REB, aliases: [OLF-X]}\n",
        encoding="utf-8")
    other = tmp_path / "more.yaml"
    other.write_text("- {name: Bruno Kessel, country: CHE, sector: MIL}\n", encoding="utf-8")
    monkeypatch.setenv("FLASHPOINT_KB", f"{extra}{os.pathsep}{other}")
    gz.gazetteer.cache_clear()
    try:
        assert country_of("Dollo Ado") == "ETH"
        assert codes("OLF-X") == ("ETH", "REB", None)
        assert codes("Amara Selassie") == ("ETH", "GOV", None)
        assert codes("Bruno Kessel") == ("CHE", "MIL", None)
    finally:
        monkeypatch.delenv("FLASHPOINT_KB")
        gz.gazetteer.cache_clear()


def test_the_country_points_back_to_the_last_state_named() -> None:
    # places inside Ukraine are named more often, but "the country" is the state named last
    ctx = ("Shelling hit Kharkiv, Odesa and Mariupol again. The breakaway regions rely on Beijing's support, "
           "the country's defence minister said")
    actor = resolve_actor("the country's defence minister", ctx)
    assert actor is not None and (actor.country, actor.sector) == ("CHN", "GOV")
    assert actor.name != "country's defence minister"


def test_the_country_with_no_state_before_it_stays_unnamed() -> None:
    actor = resolve_actor("the country's foreign minister", "Heavy rain fell, the country's foreign minister said")
    assert actor is None or (actor.country is None and not actor.name)


def test_country_counts_of_prefixes_and_windows_match_a_fresh_scan() -> None:
    from flashpoint.nlp import actors

    body = ("Troops from Russia crossed into Ukraine. Poland and the U.S. sent aid to Kyiv. "
            "Officials in Warsaw met envoys from France and Germany while Ukrainian forces held Kharkiv.")
    actors.country_counts(body)  # the whole body is scanned once; what follows reads it by position
    for end in range(10, len(body) + 1, 7):
        for since in (0, max(0, end - 40)):
            cached = actors.country_counts(body[:end], since)
            actors._Counted.text = ""  # forget the body: a fresh scan of the same text
            fresh = actors.country_counts(body[since:end])
            actors.country_counts(body)
            # a window may cut a name at its left edge; whole names agree
            assert set(cached) <= set(fresh) | {"USA"}
            if since == 0:
                assert cached == fresh
    assert actors.country_counts(body)["USA"] >= 1  # "U.S.": its first folded word spans "U", ".", "S"


def test_names_found_with_the_window_bound_are_those_every_window_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    """The window search stops at the most words a key with the window's first folded word has: every listed name of
    several words, written after, before and between other names, with a possessive, a comma, a hyphen or dots, is
    found as a search over every window finds it."""
    from flashpoint.nlp import actors
    from flashpoint.nlp.gazetteer import gazetteer

    g = gazetteer()
    names = sorted({e.name for entries in g.index.values() for e in entries if " " in e.name or "-" in e.name})
    texts = [f"Envoys of the {a}'s office met {b}, {a}-backed officials and the {b}. In {a} {b} said U.S. aid"
             for a, b in zip(names, names[1:] + names[:1], strict=True)]
    bounded = [actors._mentions(t, g) for t in texts]
    monkeypatch.setattr(actors, "_last_window_word", lambda text, words, i, g: min(len(words), i + g.max_words) - 1)
    assert bounded == [actors._mentions(t, g) for t in texts]
    assert sum(len(found) for found in bounded) > 3 * len(texts)  # the names are found, not skipped alike


def test_fuzzy_matching_looks_only_at_keys_of_a_reachable_length() -> None:
    from rapidfuzz import fuzz, process

    from flashpoint.nlp.gazetteer import fold, gazetteer, near_in_length

    people = gazetteer().people
    for name in list(people)[:40]:
        for typo in (name[:-1], name + "e", name[1:], name.replace("a", "o", 1)):
            key = fold(typo)
            full = process.extractOne(key, list(people), scorer=fuzz.ratio, score_cutoff=90)
            near = process.extractOne(key, near_in_length(people, len(key)), scorer=fuzz.ratio, score_cutoff=90)
            assert (full and full[:2]) == (near and near[:2])  # the key and score (the index is the list's)


def test_a_stranger_belongs_to_the_country_the_text_is_about_when_the_last_lines_are_unsure() -> None:
    from flashpoint.nlp.actors import resolve_actor

    context = ("Nepal's army shelled a village. Nepal's government denied it. Later, India and China urged "
               "restraint. The army seized power, ousting the government of Ram Bahadur Thapa")
    actor = resolve_actor("government of Ram Bahadur Thapa", context)
    assert actor is not None and actor.country == "NPL"


def test_sahel_and_other_armed_groups_are_known() -> None:
    from flashpoint.nlp.actors import resolve_actor

    for name, country in [("JNIM", "MLI"), ("ISWAP", "NGA"), ("Arakan Army", "MMR"), ("ADF", "COD"), ("TTP", "PAK")]:
        actor = resolve_actor(name)
        assert actor is not None and (actor.country, actor.sector) == (country, "REB"), (name, actor)


def test_western_diplomats_belong_to_no_one_country_but_the_foreign_minister_does() -> None:
    from flashpoint.nlp.actors import resolve_actor

    context = "Mali expelled French troops last year. The figure is lower, according to"
    western = resolve_actor("Western diplomats", context)
    assert western is not None and western.country is None and western.sector == "GOV"
    minister = resolve_actor("the foreign minister", "Mali's junta expelled French troops. Later the foreign minister")
    assert minister is not None and minister.country is not None



def test_an_outlet_lends_its_country_to_its_staff_only() -> None:
    """A role named right after an outlet belongs to the country of the story, not the outlet's."""
    from flashpoint.nlp.actors import context_country

    story = "Gunfire rang out across Tbilisi. Georgia's crisis deepened. "
    assert context_country(story + "The BBC had been interviewing interim Prime Minister ", "Minister") == "GEO"
    assert context_country(story + "A BBC correspondent ", "correspondent") == "GBR"
    assert context_country(story + "Russia's Prime Minister ", "Minister") == "RUS"


def test_a_country_before_a_named_role_owns_it_only_inside_its_noun_phrase() -> None:
    """A named holder's role ("Prime Minister Wen Jiabao") whose sentence names a country in another phrase before it
    ("to New Delhi and ...") has no country (entities.yaml role_owner_breaks); one joined to it is its own, and a bare
    role keeps the country its sentence names."""
    from flashpoint.nlp.actors import context_country

    story = "Gunfire rang out across Tbilisi. "
    other = story + "Beijing has opened out to New Delhi and Prime Minister "
    assert context_country(other, "Minister", named=True) is None
    assert context_country(other, "Minister") == "IND"
    assert context_country(story + "New Delhi's Prime Minister ", "Minister", named=True) == "IND"
    assert context_country(story + "the Indian Prime Minister ", "Minister", named=True) == "IND"
    assert context_country(story + "Kyiv said its commander ", "commander", named=True) == "UKR"
    # an auxiliary starts a clause whose subject the country is: the role further on is not its own, unless an owning
    # pronoun comes after it (entities.yaml role_owner_clause_words, role_owner_pronouns)
    visitor = story + "At the summit the US has avoided criticising President "
    assert context_country(visitor, "President", named=True, holder=True) is None
    assert context_country(visitor, "President") == "USA"  # a bare role keeps the country its sentence names
    assert context_country(story + "Kenya had named its envoy ", "envoy", named=True, holder=True) == "KEN"
    assert context_country(story + "Kyiv has said its commander ", "commander", named=True, holder=True) == "UKR"
    # the rule reads a person's title only: "Tamil refugees" is no role of a person named
    assert context_country(story + "Sri Lanka has been holding Tamil refugees", "refugees", named=True) == "LKA"
    context = "Head of the Office of the President of Ukraine Andriy Yermak has met with "
    phrase = "the representatives of the Raoul Wallenberg Centre for Human Rights"
    assert codes(phrase, context + phrase)[0] is None
    assert codes("the Ukrainian representatives", context + "the Ukrainian representatives")[0] == "UKR"


_ROLE_OWNER_MARKS = language.read_yaml("en", "entities.yaml")["role_owner_mark_examples"]


@pytest.mark.parametrize("example", _ROLE_OWNER_MARKS["pos"] + _ROLE_OWNER_MARKS["neg"], ids=lambda e: e["context"][:40])
def test_a_country_owns_a_role_only_in_its_own_clause(example: dict[str, Any]) -> None:
    """entities.yaml role_owner_marks: a country, capital or people named before a clause mark owns no role after it
    (`pos`: no country, rather than a guess), one in the role's own phrase does, and a town or region across the mark
    is the place the office serves (`neg`)."""
    from flashpoint.nlp.actors import context_country

    story = "Gunfire rang out overnight. "
    assert context_country(story + example["context"], example["role"], named=example["named"]) == example["country"]


@pytest.mark.parametrize(("owner", "expected"), [
    ("United Nations spokesman", ("UN", "IGO")),
    ("International Committee of the Red Cross spokeswoman", ("ICRC", "NGO")),
    ("Save the Children spokesman", ("SAVE", "NGO")),
    ("UNRWA chief", ("UNRWA", "IGO")),
])
def test_a_role_of_a_body_named_in_several_words_is_that_bodys(owner: str, expected: tuple[str, str]) -> None:
    """The owner of a role is the whole listed name before it, however many words ("United Nations", not a
    bare "Nations"), and the person speaks for that body in its own sector, not for the country the story is
    about; a single word of it stays no owner ("Children" is a civilian word, "Nations" no body)."""
    body = f"Syria blocked the convoy at the border. {owner} Adam Reyes said the aid was ready."
    doc = make_doc(Article(id="o", source="o", body=body))
    person = next(e for e in extract_entities(doc) if e.text == "Adam Reyes")
    assert person.actor is not None and (person.actor.code, person.actor.sector) == expected
    assert person.actor.country is None
    ministry = make_doc(Article(id="m", source="m", body=body.replace(owner, "Foreign Ministry spokesman")))
    actor = next(e for e in extract_entities(ministry) if e.text == "Adam Reyes").actor
    assert actor is not None and actor.country == "SYR"  # a body the story's country owns stays that country's


# -- single words that must not link (issue 13): patterns of their kind -------------------------

def test_a_surname_links_only_when_written_like_the_known_one() -> None:
    # "Channel" folds like Diaz-Canel's surname; a KB head of state's surname written as a variant still links
    for word in ("Channel", "Channels"):
        actor = resolve_actor(word)
        assert actor is None or not (actor.id or "").startswith("person:"), actor
    for word, pid in (("Zelenskyy", "person:volodymyr-zelensky"), ("Putin", "person:vladimir-putin")):
        actor = resolve_actor(word)
        assert actor is not None and actor.id == pid, (word, actor)


@pytest.mark.parametrize(("written", "capitals"), [("who", "WHO"), ("Who", "WHO"), ("us", "US"), ("car", "CAR"),
                                                   ("is", "IS")])
def test_a_name_only_written_in_capitals_is_not_found_written_otherwise(written: str, capitals: str) -> None:
    assert resolve_actor(written) is None and resolve_place(written) is None
    assert resolve_actor(capitals) is not None


@pytest.mark.parametrize("word", ["Mrs", "Maj", "General", "One", "Summit", "Friday"])
def test_forms_of_address_and_capitalised_common_words_are_no_towns(word: str) -> None:
    assert resolve_place(word) is None
    assert resolve_place(f"{word} Street") is None  # and no longer name is found through them


def test_unlisted_towns_are_still_towns() -> None:
    for town, iso in (("Barda", "AZE"), ("Kiryat Shmona", "ISR")):
        place = resolve_place(town)
        assert place is not None and place.country == iso, town


def _entities(text: str) -> list[tuple[str, str, str | None]]:
    doc = make_doc(Article(id="t", source="t", body=text))
    return [(e.text, e.type, e.actor.country if e.actor else None) for e in extract_entities(doc)]


# -- name particles (al, el, de, bin ...): resources/lang/en/entities.yaml surname_particles --------

@pytest.mark.parametrize(("text", "whole", "country"), [
    ("The claim was denied by al-Qaeda on Monday.", "al-Qaeda", None),
    ("Al-Shabaab fighters attacked a base near Mogadishu.", "Al-Shabaab", "SOM"),
    ("The strike was reported by Al Jazeera on Monday.", "Al Jazeera", "QAT"),
    ("The court sits in The Hague this week.", "The Hague", "NLD"),
    ("Syrian President Bashar al-Assad met the envoy.", "Bashar al-Assad", "SYR"),
    ("The reporter Anas Al Sharif was killed on Tuesday.", "Anas Al Sharif", None),
])
def test_a_particle_is_part_of_the_name_it_opens_or_joins(text: str, whole: str, country: str | None) -> None:
    found = _entities(text)
    assert any(t == whole for t, _, _ in found), found
    if country:
        assert next(c for t, _, c in found if t == whole) == country


@pytest.mark.parametrize(("text", "not_linked"), [
    ("Choking back tears, Al Sharif said the work would go on.", "PAK"),  # not Pakistan's Shehbaz Sharif
    ("Al Jazeera reporters Yousef Al Saudi and a cameraman were there.", "SAU"),  # a surname, not a demonym
    ("The strike came after the Saudi-backed broadcaster Al Arabiya and Yousef Al Saudi spoke.", None),
])
def test_the_word_after_a_particle_is_no_known_name_alone(text: str, not_linked: str | None) -> None:
    found = _entities(text)
    if not_linked:
        assert all(c != not_linked for _, _, c in found), found
    else:  # "Saudi-backed" stays the demonym though the article names a Mr Al Saudi
        assert ("Saudi", "NORP", "SAU") in found, found


def test_an_article_before_a_demonym_is_no_given_name() -> None:
    """'An' is a given name too, but 'An Israeli strike' names no Mr Israeli."""
    assert ("Israeli", "NORP", "ISR") in _entities("An Israeli strike hit a school in Gaza on Saturday.")


@pytest.mark.parametrize(("text", "sector"), [
    ("WASHINGTON (Reuters) - Officials met on Monday.", None),
    ("MOSCOW, Feb 10 - Officials met on Monday.", None),
    ("Officials met on Monday.\nMoscow warned Kyiv on Tuesday.", "GOV"),
])
def test_a_capital_opening_a_dateline_is_the_place_filed_from(text: str, sector: str | None) -> None:
    doc = make_doc(Article(id="t", source="t", body=text))
    capital = next(e for e in extract_entities(doc) if e.type == "GPE")
    assert capital.actor is not None and capital.actor.sector == sector


def test_a_title_word_after_a_given_name_is_a_surname_and_and_joins_two_people() -> None:
    """'Kevin King' is a man, not a king; in 'King and Weeks' the king's title is no role of Weeks."""
    found = _entities("American Kevin King and Australian Timothy Weeks were held. King and Weeks were freed in Doha.")
    assert ("Kevin King", "PERSON", "USA") in found
    assert ("Weeks", "PERSON", "AUS") in found and ("Weeks", "PERSON", "USA") not in found


def test_a_school_or_firm_takes_the_country_its_own_words_name_not_the_storys() -> None:
    found = _entities("Syria said the strike killed 20. A researcher at Tufts University said. "
                      "Damascus University said it would close.")
    assert ("Tufts University", "ORG", None) in found
    assert ("Damascus University", "ORG", "SYR") in found


def test_an_old_short_alternate_name_of_a_town_is_no_town() -> None:
    """GeoNames lists 'Tor' for Sloviansk; 'editors at Tor' is a publisher. Own names of 3 letters stay."""
    assert resolve_place("Tor") is None
    place = resolve_place("Ufa")
    assert place is not None and place.country == "RUS"


def test_a_longer_name_ending_in_a_particle_and_a_known_surname_is_someone_else() -> None:
    """'Fritz Eckart von Weizsäcker' is not the Richard von Weizsäcker named before him; 'El Deif' alone is Deif."""
    son = _entities("Former German President Richard von Weizsäcker had a son. His son Fritz Eckart von Weizsäcker "
                    "was stabbed.")
    assert [t for t, _, c in son if c == "DEU"] == ["German", "Richard von Weizsäcker"], son
    assert ("Deif", "PERSON", "PSE") in _entities("Mohammed Deif led the group. He was known as El Deif in Gaza.")


@pytest.mark.parametrize(("text", "name"), [
    ("Analysts at the Institute for the Study of War said the front held.", "Institute for the Study of War"),
    ("The Syrian Observatory for Human Rights said 12 people died.", "Syrian Observatory for Human Rights"),
    ("Medics of the Palestinian Red Crescent reached the site.", "Palestinian Red Crescent"),
    ("According to CPJ, two reporters were killed.", "CPJ"),
])
def test_monitors_and_relief_groups_the_news_cites_are_organisations(text: str, name: str) -> None:
    found = _entities(text)
    assert (name, "ORG", None) in found, found  # a group of no state: no country from its first word
    assert not any(t in ("Syrian", "Palestinian") for t, _, _ in found)


def test_rsf_stays_sudans_rapid_support_forces() -> None:
    found = _entities("The RSF shelled El Fasher in Sudan on Monday.")
    assert ("RSF", "ORG", "SDN") in found, found


def test_of_countries_named_as_often_the_one_named_last_hosts_a_bare_group() -> None:
    """"A UK-based charity ... its office in Afghanistan ... militants": as many mentions of each, and the
    militants are of the country named nearest before them, not of the first named; a country whose places are
    named more often still wins (its people's names do not count: entities.yaml theatre_sectors)."""
    from flashpoint.nlp.actors import group_actor

    tied = "A UK-based charity suspended its work in Afghanistan on Wednesday. "
    assert codes("militants", tied)[:2] == ("AFG", "REB")
    reversed_order = "An Afghan charity suspended its work in Britain on Wednesday. "
    assert codes("militants", reversed_order)[:2] == ("GBR", "REB")
    more = "Britain and London met. A charity suspended its work in Afghanistan. "
    found = group_actor("rebels", more)
    assert found is not None and found.country == "GBR"


def test_a_firm_named_by_its_role_alone_is_of_no_country() -> None:
    """"the company", "several companies" in a story about Washington's sanctions are no American firms: a role
    phrase of business takes no country from the story, while a minister's or a broadcaster's still does."""
    story = "US President Joe Biden announced sanctions on Monday. "
    assert codes("the company", story) == (None, "BUS", None)
    assert codes("the foreign minister", story)[:2] == ("USA", "GOV")


def test_a_regional_office_is_one_countrys_but_regional_leaders_are_of_none() -> None:
    """lang/en/entities.yaml not_national_if_plural: 'regional' makes a role of no one nation only when plural; the
    role words may carry 'head' and 'regional' before a name ('regional military head Ruslan Kravchenko')."""
    story = "Drones attacked Kyiv overnight, officials in Ukraine said. "
    assert codes("regional governor", story)[:2] == ("UKR", "GOV")
    assert codes("regional leaders", story)[:2] == (None, "GOV")
    body = story + "There were no casualties, according to regional military head Ruslan Kravchenko."
    person = next(e for e in extract_entities(make_doc(Article(id="r", source="r", body=body)))
                  if e.text == "Ruslan Kravchenko")
    assert person.actor is not None and (person.actor.country, person.actor.sector) == ("UKR", "MIL")


def test_people_of_no_country_get_no_country_id() -> None:
    """An id names a country and a sector only when both are known: "civilians" of nowhere are no "None-CVL"."""
    from flashpoint.nlp.actors import sector_actor

    assert sector_actor("civilians", None, "CVL").id is None
    assert sector_actor("civilians", "SDN", "CVL").id == "SDN-CVL"


def test_an_office_named_by_its_town_is_of_the_towns_country() -> None:
    """'Slavutych Mayor' in a story that names Russia most is Ukraine's (the town is a GeoNames place, not a KB
    name); a physician of a town keeps no country from it."""
    story = "Russian troops entered the town. Russia said its forces were advancing. "
    assert codes("Slavutych Mayor", story)[:2] == ("UKR", "GOV")
    assert codes("Sacramento family physician", story)[0] != "USA"


def test_a_name_after_a_title_is_the_holders_not_a_town() -> None:
    """'President Bush': a name after a title is a person's (Bush is also a town in Egypt); a short surname links
    to the head of state the KB knows by it only after a title ('the Moon' names no one)."""
    story = "Russia said its forces were advancing. "
    assert codes("President Bush", story)[0] == "USA"
    assert codes("President Ashraf", story)[0] != "IRN"  # Ashraf: a town in Iran
    assert resolve_actor("the Moon") is None
    assert resolve_actor("Bush") is None


def test_an_armed_group_of_no_named_country_is_of_the_theatre_not_the_country_named_most() -> None:
    """entities.yaml theatre_sectors: a story about Wagner's losses in Mali names "Russian" more often than "Mali";
    a group whose own words name a country keeps it, and an office still takes the country named with it."""
    mali = ("Russian mercenaries of the Wagner group and Malian soldiers were ambushed near Kidal in Mali. Russian "
            "bloggers said the Russian losses were heavy. The Russian Defense Ministry said nothing. It was claimed by ")
    assert codes("a Tuareg rebels group", mali)[:2] == ("MLI", "REB")
    assert codes("the jihadis", mali)[:2] == ("MLI", "REB")
    assert codes("Afghan militants", mali)[:2] == ("AFG", "REB")
    assert codes("the defence minister", mali)[0] == "RUS"
    # "Hezbollah, the militant group": a definite group in the singular stands for the group just named, not for the
    # armed men of the place the story is set in
    israel = ("Lebanese officials, Lebanese media and Lebanese fighters spoke after a rocket hit a village in Israel. "
              "The IDF blamed Hezbollah, the ")
    assert codes("militant group", israel)[0] == "LBN"
    assert codes("the militant group", israel)[0] == "LBN"
    assert codes("militants", israel)[0] == "ISR"


def test_a_bare_town_office_is_of_the_country_whose_places_the_story_names() -> None:
    """entities.yaml town_offices: "the mayor" of a town foreign troops entered is of the town's country, not of the
    country the story names most by its people's name; an office that is no town's, or one whose own words name a
    country, keeps the country named most or its own."""
    story = "Russian troops entered Izium and Balakliia on Monday. Russian officers then summoned "
    assert codes("the mayor", story + "the mayor")[:2] == ("UKR", "GOV")
    assert codes("the deputy governor", story + "the deputy governor")[:2] == ("UKR", "GOV")
    assert codes("the defence minister", story + "the defence minister")[0] == "RUS"
    assert codes("the Russian mayor", story + "the Russian mayor")[0] == "RUS"
    assert codes("the central bank governor", story + "the central bank governor")[0] == "RUS"  # no town's office
    # no place named: no town whose office it is, so no country, not the one its people's name gives
    bare = resolve_actor("the mayor", "Russian troops summoned the mayor")
    assert bare is not None and (bare.country, bare.sector) == (None, "GOV")
    # a holder named after the office keeps the country named with that role or most: the rule reads bare offices only
    named = resolve_phrase("Governor", "Floods hit the United States. Governor ", named=True)
    assert named is not None and named.country == "USA"


@pytest.mark.parametrize("mention, expected", [
    ("the British Ambassador to Ukraine", ("GBR", "GOV", None)),  # the post after "to" is not the holder's state
    ("Russia's envoy to the UN", ("RUS", "GOV", None)),
    ("the ambassador to Ukraine", (None, "GOV", None)),  # a post and no state of the holder's: no country
    ("the adviser to Ukraine's president", ("UKR", "GOV", None)),  # no posted role: whom one serves is one's own
])
def test_a_posted_role_is_of_its_holders_state_not_its_post(mention: str, expected: tuple[str | None, ...]) -> None:
    assert codes(mention) == expected


def test_a_person_posted_abroad_keeps_their_own_nationality() -> None:
    text = ("British Ambassador to Ukraine Melinda Simmons said the shelling was a crime, and Ukraine's "
            "ambassador to Britain Vadym Prystaiko agreed.")
    assert span_codes(text, "British Ambassador to Ukraine Melinda Simmons")[0] == "GBR"
    assert span_codes(text, "Ukraine's ambassador to Britain Vadym Prystaiko")[0] == "UKR"


def test_a_seat_of_power_is_named_as_the_kb_spells_it() -> None:
    text = "The Élysée said the talks would go on. Elise Matthesen wrote to Ford. In 1997, Elise wrote, she met him."
    seats = [e.text for e in _doc(text).entities if e.type == "ORG" and e.actor is not None and e.actor.country == "FRA"]
    assert seats == ["Élysée"]  # "Elise" only folds like "Elysee": a given name, no seat


def test_an_actor_is_kept_per_text_and_context() -> None:
    """resolve_actor keeps its answer per mention and context: the same mention in another story is resolved in that
    story, and the first story's answer is unchanged after it."""
    izium = "Russian troops entered Izium on Monday. Russian officers then summoned the mayor"
    no_place = "Russian troops summoned the mayor"
    assert codes("the mayor", izium)[0] == "UKR"
    assert codes("the mayor", no_place)[0] is None
    assert codes("the mayor", izium)[0] == "UKR"
    moscow, paris = "Moscow hosted the talks. The foreign minister", "Paris hosted the talks. The foreign minister"
    assert [codes("the foreign minister", c)[0] for c in (moscow, paris, moscow)] == ["RUS", "FRA", "RUS"]


def test_a_document_gives_the_same_records_before_and_after_another() -> None:
    """The resolver's answers kept across documents (resolve_actor, _person_fuzzy) are never changed by a caller: a
    story analysed again after another, whose actors are of other countries, gives the same records."""
    from flashpoint.nlp.pipeline import analyze

    first = Article(id="a", source="a", body="Russian troops entered Izium on Monday. Russian officers then summoned "
                    "the mayor. The foreign minister of Ukraine condemned the raid, and Kyiv said Moscow shelled Izium.")
    second = Article(id="b", source="b", body="French troops entered Gao on Monday. The mayor met the foreign "
                     "minister. Mali said the French army shelled Gao, and Bamako condemned Paris.")
    before = analyze(first).model_dump()
    assert before["events"]  # the story is coded, its actors resolved
    analyze(second)
    assert analyze(first).model_dump() == before


def test_a_whole_country_is_told_apart_from_a_place_people_or_body_in_it() -> None:
    """Two tellings of one act share words of what was done, but not a country's name, which every act of a war
    between countries shares (events._telling_word)."""
    assert names_a_whole_country("Ukraine") and names_a_whole_country("Qatar")
    assert not any(names_a_whole_country(w) for w in ("Donetsk", "Hamas", "Al-Ghoul", "the UN"))


_NUMBERED_GROUP = language.read_yaml("en", "entities.yaml")["numbered_group_examples"]


def _place_word_actor(text: str, place: str) -> tuple[str | None, str | None]:
    """The country of the actor the sentence's entity covering the place word gives, and of resolve_actor's reading
    of the place word and the word after it ("Bucharest Nine")."""
    doc = make_doc(Article(id="g", source="g", body=text))
    doc.entities = extract_entities(doc)
    at = text.index(place)
    covering = [e for e in doc.entities if e.start <= at < e.end]
    entity = covering[0].actor.country if covering and covering[0].actor else None
    phrase = resolve_actor(" ".join(text[at:].split(" ")[:2]))
    return entity, phrase.country if phrase else None


@pytest.mark.parametrize("example", _NUMBERED_GROUP["pos"], ids=lambda e: e["text"])
def test_a_place_a_capitalised_number_follows_names_a_group_not_the_place(example: dict[str, str]) -> None:
    """'the Bucharest Nine' is a group of nine states: neither the entity nor the phrase is the city's country."""
    assert _place_word_actor(example["text"], example["place"]) == (None, None)


@pytest.mark.parametrize("example", _NUMBERED_GROUP["neg"], ids=lambda e: e["text"])
def test_a_place_with_no_number_name_after_it_keeps_its_country(example: dict[str, str]) -> None:
    entity, _ = _place_word_actor(example["text"], example["place"])
    assert entity is not None


_SURNAME_SIDE = language.read_yaml("en", "entities.yaml")["surname_side_examples"]


def _actor_countries(text: str) -> set[str | None]:
    from flashpoint.nlp.pipeline import analyze

    return {e.actor.country for e in analyze(Article(id="s", source="s", body=text)).events if e.actor is not None}


@pytest.mark.parametrize("example", _SURNAME_SIDE["pos"], ids=lambda e: e["text"][:40])
def test_a_named_persons_surname_is_no_town_of_that_name(example: dict[str, str]) -> None:
    """'Hamilton urged' after Paul Hamilton is said: the person, not the Canadian city."""
    assert example["country"] not in _actor_countries(example["text"])


@pytest.mark.parametrize("example", _SURNAME_SIDE["neg"], ids=lambda e: e["text"][:40])
def test_a_town_no_person_is_named_after_still_acts(example: dict[str, str]) -> None:
    assert example["country"] in _actor_countries(example["text"])
