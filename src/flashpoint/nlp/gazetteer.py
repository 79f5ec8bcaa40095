"""Gazetteers and the people KB, loaded once, indexed by a transliteration-folded key.

Outlets spell the same name differently (Sergei/Sergey, Dmytro/Dmitry, Zelensky/Zelenskiy,
Luhansk/Lugansk, Odesa/Odessa). Folding every name the same way before lookup makes most
variants collide without listing them; the resources list the rest as aliases.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from flashpoint.nlp.language import given_names, lexicon, names
from flashpoint.yamlio import load_yaml


@lru_cache(maxsize=1)
def sector_labels() -> dict[str, str]:
    """A sector code -> the words an actor's name gives it after the country's demonym ("REB" -> "rebels":
    "Ukrainian rebels"; lang/en/roles.yaml sector_labels)."""
    return {str(k): str(v or "") for k, v in lexicon("roles.yaml")["sector_labels"].items()}


@dataclass(frozen=True)
class Entry:
    """One gazetteer name: what it is, and the actor it stands for."""

    id: str
    name: str
    type: str  # PERSON, ORG, GPE, LOC, NORP
    kind: str  # country, capital, seat, place, igo, group, agency, media, person, demonym
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    role: str | None = None
    by_surname: bool = False  # a person a surname alone names ("Putin"): heads of state and government
    shared: bool = False  # a seat many states call by that name (countries.yaml shared_seats: "the Senate")


@dataclass
class Gazetteer:
    index: dict[str, list[Entry]] = field(default_factory=dict)
    countries: dict[str, dict[str, Any]] = field(default_factory=dict)  # iso3 -> record
    demonym: dict[str, str] = field(default_factory=dict)  # iso3 -> adjective
    people: dict[str, Entry] = field(default_factory=dict)  # folded full name -> person
    surnames: dict[str, list[Entry]] = field(default_factory=dict)  # folded surname -> people
    roles: list[tuple[str, str]] = field(default_factory=list)  # (lowercase phrase, sector), longest first
    role_sectors: dict[str, str] = field(default_factory=dict)  # lowercase phrase -> sector
    role_re: re.Pattern[str] = re.compile(r"(?!x)x")
    title_words: frozenset[str] = frozenset()
    honorifics: frozenset[str] = frozenset()
    org_keywords: frozenset[str] = frozenset()
    first_names: frozenset[str] = frozenset()
    proxy_conflicts: dict[str, list[str]] = field(default_factory=dict)
    acronyms: set[str] = field(default_factory=set)  # keys only ever written in capitals (EU, WHO, UN)
    _mixed: set[str] = field(default_factory=set)
    # key -> its short names (entities.yaml abbreviation_letters or fewer) in capitals, dots dropped ("TTP", "CHP", "CHAD"): an
    # abbreviation matches letter for letter, not by its fold
    _capitals: dict[str, set[str]] = field(default_factory=dict)
    # key -> the seats of power written so (plain): a seat matches as the KB spells it, for the KB lists its spellings
    # ("Elysee", "Élysée"), and no name that only folds like it ("Elise") is one
    _seat_spellings: dict[str, set[str]] = field(default_factory=dict)
    max_words: int = 1

    _heads: frozenset[str] = frozenset()
    _heads_n: int = -1
    _head_words: dict[str, int] = field(default_factory=dict)
    _head_words_n: int = -1
    _near: dict[int, list[str]] = field(default_factory=dict)
    _near_n: int = -1

    def lookup(self, text: str) -> list[Entry]:
        return self.index.get(fold(text), [])

    def lookup_as_written(self, text: str) -> list[Entry]:
        """lookup, except that a name the KB only ever writes in capitals is not found written
        otherwise: "who" and "Who" are no WHO, "us" is no US, "Eu" no EU."""
        key = fold(text)
        written = text.replace(".", "")
        if key in self.acronyms and not written.isupper():
            return []
        if _abbreviation(written) and written not in self._capitals.get(key, ()):
            return []  # "TPP" (a thermal power plant) is no TTP, "CHPP" no CHP, "USS" no US: the fold joins them
        hits = self.index.get(key, [])
        if any(e.kind == "seat" for e in hits) and _plain_name(text) not in self._seat_spellings.get(key, ()):
            return [e for e in hits if e.kind != "seat"]
        return hits

    def add_seat(self, seat: str, entry: Entry) -> None:
        """A seat of power, kept with its spelling (`lookup_as_written`)."""
        self.add(seat, entry)
        self._seat_spellings.setdefault(fold(seat), set()).add(_plain_name(seat))

    def heads(self) -> frozenset[str]:
        """The first words of the index keys: a name whose folded first word is not one of them
        is not in the index, which spares folding every longer window of words."""
        if self._heads_n != len(self.index):  # keys are only ever added
            self._heads = frozenset(k.split(" ", 1)[0] for k in self.index)
            self._heads_n = len(self.index)
        return self._heads

    def head_words(self) -> dict[str, int]:
        """Each first word of the index keys -> the most words a key it heads has ("united" -> 9: "united nations high
        commissioner for refugees ..."; most heads head only keys of one or two words): a window of more words from
        such a first word is in no key, and needs no folding."""
        if self._head_words_n != len(self.index):  # keys are only ever added
            most: dict[str, int] = {}
            for key in self.index:
                head, *rest = key.split(" ")
                most[head] = max(most.get(head, 0), len(rest) + 1)
            self._head_words, self._head_words_n = most, len(self.index)
        return self._head_words

    def people_near(self, n: int) -> list[str]:
        """The people's keys a name of length n may be a misspelling of (near_in_length)."""
        if self._near_n != len(self.people):  # people are only ever added
            self._near, self._near_n = {}, len(self.people)
        near = self._near.get(n)
        if near is None:
            near = self._near[n] = near_in_length(self.people, n)
        return near

    def add(self, key: str, entry: Entry) -> None:
        k = fold(key)
        if not k:
            return
        if key.replace(".", "").isupper() and k not in self._mixed:
            self.acronyms.add(k)
        elif not key.replace(".", "").isupper():
            self._mixed.add(k)
            self.acronyms.discard(k)
        if _abbreviation(key.replace(".", "").upper()):
            self._capitals.setdefault(k, set()).add(key.replace(".", "").upper())
        bucket = self.index.setdefault(k, [])
        if entry not in bucket:
            bucket.append(entry)
        self.max_words = max(self.max_words, k.count(" ") + 1)


def _abbreviation(written: str) -> bool:
    """A short word written in capitals (dots dropped; entities.yaml abbreviation_letters or fewer: "NATO", "OHCHR"):
    an abbreviation, which only its own letters spell."""
    return written.isupper() and written.isalnum() and len(written) <= names().abbreviation_letters


def near_in_length(keys: Iterable[str], n: int) -> list[str]:
    """The keys, in order, that a string of length n can match with a fuzz.ratio of 90 or more.
    The ratio is 2 * common / (n + len(key)), so such a key's length lies within n * 9 / 11 and
    n * 11 / 9 (kept wider here): the others cannot reach the cutoff, and extractOne's answer
    over the rest is the same."""
    return [k for k in keys if 4 * len(k) >= 3 * n and 3 * len(k) <= 4 * n]


_WORD_SPLIT = re.compile(r"[\s\-‐–]+")
_DROP = re.compile(r"[’'`´.\u0301]")


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """One word, folded so that common transliterations of it collide."""
    w = _DROP.sub("", _strip_accents(word).lower())
    if not w:
        return w
    w = w.replace("x", "ks").replace("kh", "x").replace("zh", "j").replace("sh", "$").replace("ch", "c")
    w = w.replace("h", "g").replace("w", "v").replace("y", "i")
    if w.startswith("ie") or w.startswith("ye"):
        w = w[1:]
    for pattern, replacement in _SPELLINGS:
        w = pattern.sub(replacement, w)
    return w


_SPELLINGS = tuple((re.compile(p), r) for p, r in (
    (r"(.)\1+", r"\1"),  # double letters: Odessa/Odesa, Zelenskyy/Zelensky
    (r"(?<=.)(ei|ii|ij)$", "i"),  # Sergei/Sergey/Serhiy, Zelenskiy
    (r"^dmitr[oi]$", "dmitri"),  # Dmytro/Dmitry
    (r"^olek", "alek"),  # Oleksiy/Aleksey, Oleksandr/Aleksandr
    (r"ander$", "andr"),  # Alexander/Aleksandr
))


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """A name folded word by word: case, accents, punctuation and transliteration variants."""
    return " ".join(filter(None, (fold_word(w) for w in _WORD_SPLIT.split(text.strip()))))


def fold_head(text: str) -> str:
    """The first word of fold(text), folding only that word."""
    for w in _WORD_SPLIT.split(text.strip()):
        head = fold_word(w)
        if head:
            return head
    return ""


def _plain_name(text: str) -> str:
    """A name as written: folded as `fold` does (case, accents, marks, spaces and hyphens), but no transliteration."""
    return " ".join(filter(None, (_DROP.sub("", plain(w)) for w in _WORD_SPLIT.split(text.strip()))))


def plain(word: str) -> str:
    """Lower case without accents: how a name is compared letter by letter."""
    return _strip_accents(word).lower()


def spelled_like(word: str, full_name: str) -> bool:
    """The surname as written is a spelling of the name's last word ("Zelenskyy" ~ "Zelensky"), not
    merely the same after folding ("Channel" is no "Diaz-Canel")."""
    from rapidfuzz import fuzz

    last = re.split(r"[\s\-‐–]+", full_name)[-1]
    return fuzz.ratio(plain(word), plain(last)) >= 85


def fold_id(name: str) -> str:
    """A readable id part for a name not in the KB, the same for its transliteration variants."""
    return slug(fold(name).replace("$", "sh"))


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", _strip_accents(text).lower()).strip("-")


def _load_yaml(name: str) -> Any:
    with resources.files("flashpoint.resources").joinpath(name).open(encoding="utf-8") as fh:
        return load_yaml(fh)


@lru_cache(maxsize=1)
def place_regions() -> dict[str, str]:
    """Place name -> the name of the place whose region holds it (places.yaml `region`: Lysychansk -> Luhansk)."""
    return {str(rec["name"]): str(rec["region"]) for rec in _load_yaml("places.yaml") if rec.get("region")}


def _extra_kb_files() -> list[Path]:
    spec = os.environ.get("FLASHPOINT_KB", "")
    return [Path(p) for p in spec.split(os.pathsep) if p.strip()]


def _read_extra(path: Path) -> dict[str, Any]:
    """A user KB file: a list of people, or a mapping with people, places, igos, armed_groups, agencies, media."""
    with path.open(encoding="utf-8") as fh:
        data = load_yaml(fh) or []
    return {"people": data} if isinstance(data, list) else dict(data)


def sector_name(iso3: str | None, sector: str | None, gaz: Gazetteer | None = None) -> str:
    g = gaz or gazetteer()
    adj = g.demonym.get(iso3 or "", iso3 or "")
    label = sector_labels().get(sector or "", (sector or "").lower())
    return f"{adj} {label}".strip()


def _person_entry(rec: dict[str, Any]) -> Entry:
    return Entry(id="person:" + slug(rec["name"]), name=rec["name"], type="PERSON", kind="person",
                 country=rec.get("country"), sector=rec.get("sector") or ("IGO" if rec.get("code") else "GOV"),
                 code=rec.get("code"), role=rec.get("role"), by_surname=bool(rec.get("known_by_surname")))


def _add_person(g: Gazetteer, rec: dict[str, Any]) -> None:
    entry = _person_entry(rec)
    suffixes = names().name_suffixes
    for alias in [rec["name"], *(rec.get("aliases") or [])]:
        g.add(alias, entry)
        key = fold(alias)
        if " " in key:
            g.people[key] = entry
            words = [w for w in key.split() if w not in suffixes]
            surname = words[-1]
            if len(words) < 2 or surname in g.first_names or surname in g.index:
                continue  # "Austin", "Georgia": a surname alone that is also a first name or a place
            bucket = g.surnames.setdefault(surname, [])
            if entry not in bucket:
                bucket.append(entry)


def _add_names(g: Gazetteer, rec: dict[str, Any], entry: Entry, name_key: str = "name",
               alias_key: str = "aliases") -> None:
    for alias in [rec[name_key], *(rec.get(alias_key) or [])]:
        g.add(alias, entry)


def _add_country(g: Gazetteer, rec: dict[str, Any]) -> None:
    """A country: its names, demonyms, capital (not for a historical state) and seats of power."""
    iso = rec["iso3"]
    g.countries[iso] = rec
    demonyms = rec.get("demonyms") or []
    g.demonym[iso] = demonyms[0] if demonyms else rec["name"]
    _add_names(g, rec, Entry(id=iso, name=rec["name"], type="GPE", kind="country", country=iso))
    for dem in demonyms:
        g.add(dem, Entry(id="norp:" + iso, name=g.demonym[iso], type="NORP", kind="demonym", country=iso))
    if rec.get("capital") and not rec.get("historical"):
        cap = Entry(id="place:" + slug(rec["capital"]), name=rec["capital"], type="GPE", kind="capital",
                    country=iso, sector="GOV", code=rec.get("capital_acts_as"))
        _add_names(g, rec, cap, "capital", "capital_aliases")
    for shared, seats in ((False, rec.get("seats")), (True, rec.get("shared_seats"))):
        for seat, sector in (seats or {}).items():
            g.add_seat(seat, Entry(id=f"{iso}-{sector}", name=sector_name(iso, sector, g), type="ORG", kind="seat",
                                   country=iso, sector=sector, shared=shared))


def _add_places(g: Gazetteer, extras: list[dict[str, Any]]) -> None:
    for rec in list(_load_yaml("places.yaml")) + [r for x in extras for r in x.get("places") or []]:
        _add_names(g, rec, Entry(id="place:" + slug(rec["name"]), name=rec["name"], type=rec.get("type") or "GPE",
                                 kind="place", country=rec.get("country")))


_ORG_SECTIONS = (("armed_groups", "group"), ("agencies", "agency"), ("media", "media"), ("parties", "party"))


def _add_organisations(g: Gazetteer, extras: list[dict[str, Any]]) -> None:
    """International bodies, armed groups, state agencies, media and parties, and the conflicts proxies fight in."""
    orgs = _load_yaml("organizations.yaml")
    for x in extras:
        for section in ("igos", *(name for name, _ in _ORG_SECTIONS)):
            orgs[section] = list(orgs.get(section) or []) + list(x.get(section) or [])
    for rec in orgs.get("igos") or []:
        _add_names(g, rec, Entry(id=rec["code"], name=rec["name"], type="ORG", kind="igo", country=None,
                                 sector=rec.get("sector") or "IGO", code=rec["code"]))
    for section, kind in _ORG_SECTIONS:
        for rec in orgs.get(section) or []:
            _add_names(g, rec, Entry(id="org:" + slug(rec["name"]), name=rec["name"], type="ORG", kind=kind,
                                     country=rec.get("country"), sector=rec.get("sector")))
    g.proxy_conflicts = {k: list(v) for k, v in (orgs.get("proxy_conflicts") or {}).items()}


def _add_roles(g: Gazetteer) -> None:
    """Role phrases by sector (longest first), title words, honorifics and organisation keywords."""
    roles = lexicon("roles.yaml")
    g.roles = sorted(((str(p).lower(), sector) for sector, phrases in roles["sectors"].items() for p in phrases),
                     key=lambda ps: -len(ps[0]))
    g.role_sectors = {p: sec for p, sec in reversed(g.roles)}
    alternation = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p, _ in g.roles)
    g.role_re = re.compile(r"(?<![\w-])(?:" + alternation + r")(?![\w-])")
    g.title_words = frozenset(str(w) for w in roles["title_words"])
    g.honorifics = frozenset(str(w).rstrip(".") for w in roles["honorifics"])
    g.org_keywords = frozenset(str(w) for w in roles["org_keywords"])


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Everything the resolver knows, built once per process (FLASHPOINT_KB files merged in)."""
    g = Gazetteer()
    for rec in _load_yaml("countries.yaml"):
        _add_country(g, rec)
    extras = [_read_extra(path) for path in _extra_kb_files()]
    _add_places(g, extras)
    _add_organisations(g, extras)
    g.first_names = frozenset(fold(n) for n in given_names())
    for rec in list(_load_yaml("actors.yaml") or []) + [r for x in extras for r in x.get("people") or []]:
        _add_person(g, rec)
    _add_roles(g)
    return g
