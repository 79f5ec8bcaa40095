"""Actor resolution: names, demonyms, capitals as metonyms, roles, IGOs and armed groups to PLOVER codes.

An actor is coded as a country (ISO 3166 alpha-3) plus a sector (GOV, MIL, REB, PRE, ...), or
as an international body (`code`). Ids are stable so that different mentions of one actor
collide: "RUS" (the state), "RUS-GOV" (the Kremlin, or Moscow acting), "UKR-REB", "NATO",
"person:sergei-lavrov".
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process
from spacy.lang.en.stop_words import STOP_WORDS

from flashpoint.corpus import conflicts
from flashpoint.model import Actor, Entity, Place
from flashpoint.nlp import world_places
from flashpoint.nlp.gazetteer import (
    Entry,
    Gazetteer,
    fold,
    fold_head,
    fold_id,
    gazetteer,
    near_in_length,
    sector_name,
    slug,
    spelled_like,
)
from flashpoint.nlp.language import lexicon, name_patterns, names, syntax
from flashpoint.nlp.regexes import longest_first

if TYPE_CHECKING:
    from flashpoint.nlp.document import NlpDoc

_WORDS = names()


_LEAD = re.compile(rf"^{longest_first(_WORDS.actor_lead_words)}\s+", re.I)
_APOSTROPHE, _POSSESSIVE = _WORDS.apostrophe, _WORDS.possessive  # entities.yaml
_POSS = re.compile(rf"(?:{_POSSESSIVE}|{_APOSTROPHE})$")  # "Russia's", "the rebels'"
_GROUP = re.compile(
    r"(?:\b" + longest_first(_WORDS.backer_prefixes) + r"[-\s](?P<pro>[A-Z][\w.'’-]*?)|(?P<back>[A-Z][\w.'’]*?)[-\s]"
    + longest_first(_WORDS.backer_affixes) + r")\b[\s-]+(?:[a-z][\w-]*\s+){0,2}?"
    r"(?P<noun>" + longest_first(_WORDS.proxy_group_nouns) + r")\b")
_BACKER_AFTER = re.compile(rf"[-\s]{longest_first(_WORDS.backer_affixes)}\b")
_BARE_GROUP = re.compile(rf"\b{longest_first(_WORDS.armed_group_nouns)}\b", re.I)
_BREAKAWAY = re.compile(longest_first(_WORDS.breakaway_words), re.I)
_REPUBLICS = re.compile(rf"\b{longest_first(_WORDS.republic_nouns)}\b", re.I)  # "the Donetsk People's Republic"
# The words of a phrase handed over as a plain string (resolve_phrase's role phrase, country_counts' context: a body
# cut at a mention, cached across prefixes; a KB name), not read from the Doc (issue 11): these carry no offsets into
# a Doc, so every caller (entities, quotes, speakers, store queries) would first have to pass a span; and the
# gazetteer windows read 'Al-Qaeda' as two words here and 'U.S.' as two, where the Doc's written words are one each.
_WORD = re.compile(r"[^\W_]+(?:[’'][^\W_]+)*")
_SPLIT_CHARS = "-‐–"  # split words as spaces do when names are folded (gazetteer._WORD_SPLIT)


def entry_actor(text: str, entry: Entry, sector: str | None = None) -> Actor:
    """The actor a gazetteer entry stands for when it acts. Public: the entity backend (entities.py) gives a listed
    name found in a Doc the same actor as a phrase resolved here."""
    g = gazetteer()
    if entry.kind == "capital":
        if entry.code:  # Brussels acting is the EU
            return sector_actor(text, None, "IGO", entry.code)
        sec = sector or "GOV"
        return Actor(text=text, name=sector_name(entry.country, sec, g), id=f"{entry.country}-{sec}",
                     country=entry.country, sector=sec)
    if entry.kind in ("country", "demonym", "place"):
        if sector and entry.country:
            return Actor(text=text, name=sector_name(entry.country, sector, g), id=f"{entry.country}-{sector}",
                         country=entry.country, sector=sector)
        name = g.countries.get(entry.country or "", {}).get("name", entry.name)
        return Actor(text=text, name=name, id=entry.country or entry.id, country=entry.country)
    if entry.kind == "agency" and entry.country and entry.sector:
        # state organs act as their country's sector: the Ukrainian army is UKR-MIL however it is named
        return Actor(text=text, name=sector_name(entry.country, entry.sector, g), id=f"{entry.country}-{entry.sector}",
                     country=entry.country, sector=entry.sector)
    return Actor(text=text, name=entry.name, id=entry.id, country=entry.country,
                 sector=entry.sector, code=entry.code)


def sector_actor(text: str, country: str | None, sector: str | None, code: str | None = None) -> Actor:
    g = gazetteer()
    if code:
        return Actor(text=text, name=code, id=code, country=country, sector=sector or "IGO", code=code)
    ident = f"{country}-{sector}" if sector and country else country  # no "None-CVL" for people of no country
    return Actor(text=text, name=sector_name(country, sector, g) if sector else country, id=ident,
                 country=country, sector=sector)


def role_sector(phrase: str) -> tuple[str | None, int]:
    """The PLOVER sector of the role words in a phrase ("Kremlin spokesman" -> GOV) and where they end.

    The head noun is the last role word: "government forces" are MIL, "army spokesman" GOV.
    """
    g = gazetteer()
    last = None
    for m in g.role_re.finditer(phrase.lower()):
        last = m
    if last is None:
        return None, -1
    return g.role_sectors.get(" ".join(last.group().split())), last.end()


def surname_person(word: str, titled: bool = False, any_person: bool = False) -> Entry | None:
    """The one KB person with this surname ("Putin", "Obama"), when the KB marks them as known by it
    (heads of state and government), unless it is a common word, shared, or only folds like it; a short
    surname only after a title ("President Bush", not "the Moon"). `any_person`: a KB person of any role, for a
    place where a surname alone names a speaker ('Kuleba: …', a headline's label)."""
    key = fold(word)
    if len(key) < (3 if titled else 4) or " " in key or word.lower() in STOP_WORDS or not word[:1].isupper():
        return None
    people = gazetteer().surnames.get(key, [])
    if len(people) != 1 or not (people[0].by_surname or any_person) or not spelled_like(word, people[0].name):
        return None  # "Channel" folds like Diaz-Canel's surname but is not written like it
    return people[0]


def _may_open_name(text: str, start: int, end: int) -> bool:
    """Most words are lower case: no name starts there ('al-' and 'el-' do)."""
    return text[start].isupper() or (text[start:end] in _WORDS.surname_particles and text[end:end + 1] == "-")


def _opens_no_key(text: str, word: tuple[int, int], heads: frozenset[str]) -> bool:
    """When the word is a whole folded word (a space or hyphen follows it, not '.' as in 'U.S.'), every
    window's folded first word is its own (possessive cut when it stands alone): one that starts no
    index key spares folding up to max_words windows."""
    s0, e0 = word
    w0 = text[s0:e0]
    after = text[e0:e0 + 1]
    h0, h1 = fold_head(w0), fold_head(_POSS.sub("", w0))
    whole = not after or after.isspace() or after in _SPLIT_CHARS
    return bool(whole and h0 and h1 and h0 not in heads and h1 not in heads)


def _listed_window(text: str, words: list[tuple[int, int]], i: int, g: Gazetteer) -> tuple[int, int, int, Entry] | None:
    """The longest window of words from word i that the gazetteer lists: (last word, start, end, entry)."""
    for j in range(_last_window_word(text, words, i, g), i - 1, -1):
        s, e = words[i][0], words[j][1]
        piece = _POSS.sub("", text[s:e])
        hits = [h for h in g.lookup_as_written(piece) if not h.shared]  # "the Senate": the text says whose
        if hits:
            return j, s, s + len(piece), hits[0]
    return None


def _last_window_word(text: str, words: list[tuple[int, int]], i: int, g: Gazetteer) -> int:
    """The last word a listed window from word i may end at. No key has more than max_words words; and where a space
    or hyphen follows word i before the next word, a longer window's key starts with the fold of what comes before it
    ("Ukraine," in "Ukraine, Russia": no key's first word) and has at most `head_words` words. Each space or hyphen
    between two of the window's words but its last one parts two of its folded words (a possessive mark cut at the
    window's end reaches no further back than its last word): the windows with more such gaps are in no key, and
    only the others are looked up."""
    last = min(len(words), i + g.max_words) - 1
    if last <= i:
        return last
    cut = _first_split(text, words[i][1], words[i + 1][0])
    if cut < 0:
        return last  # word i runs on into the next one ("U.S."): the window's first folded word is theirs
    most = g.head_words().get(fold_head(text[words[i][0]:cut]), 0)
    if most < 1:
        return i
    parts = 1  # the folded words of a window to word j + 1 at least: one, and one more for each gap up to word j
    for j in range(i + 1, last):
        if _first_split(text, words[j - 1][1], words[j][0]) >= 0:
            parts += 1
            if parts > most:
                return j
    return last


def _first_split(text: str, start: int, end: int) -> int:
    """Where the first space or hyphen between two offsets is (names are folded word by word across them), or -1."""
    for k in range(start, end):
        if text[k].isspace() or text[k] in _SPLIT_CHARS:
            return k
    return -1


def _surname_mention(text: str, words: list[tuple[int, int]], i: int) -> tuple[int, int, int, Entry] | None:
    """Word i as the surname the KB knows a person by ('Putin'), unless it is one word of a longer
    name ('Mazar-i-Sharif', 'Putin Street')."""
    s0, e0 = words[i]
    nxt = text[e0:e0 + 2]
    prev = text[max(0, s0 - 2):s0]
    in_name = (prev[-1:] in _SPLIT_CHARS and prev[:1].isalnum()) or (nxt[:1] in _SPLIT_CHARS and nxt[1:2].isalnum())
    if in_name or (nxt[:1] == " " and nxt[1:2].isupper()):
        return None
    word = _POSS.sub("", text[s0:e0])
    titled = i > 0 and text[words[i - 1][0]:words[i - 1][1]] in gazetteer().title_words
    person = surname_person(word, titled)
    return (i, s0, s0 + len(word), person) if person is not None else None


_PLACE_KINDS = frozenset({"country", "capital", "place", "demonym"})
_NUMBERED = re.compile(rf" (?:{longest_first(_WORDS.number_names)})(?![\w-])(?! [A-Z])")


def numbered_group(text: str, end: int) -> bool:
    """'the Bucharest Nine', 'the Visegrad Four': a place's name that a capitalised number name (entities.yaml
    number_names) follows names a group of that many, not the place; a headline's title case ('Kyiv Two Times')
    goes on with another capitalised word and is left as it is."""
    return bool(_NUMBERED.match(text, end))


def _mentions(text: str, g: Gazetteer) -> list[tuple[int, int, Entry]]:
    """Gazetteer names in a short text, longest first, left to right (capitalised words only)."""
    words = [m.span() for m in _WORD.finditer(text)]
    out: list[tuple[int, int, Entry]] = []
    heads = g.heads()
    i = 0
    while i < len(words):
        if not (text[words[i][0]].isupper() or _may_open_name(text, *words[i])):  # most words: lower case, no call
            i += 1
            continue
        found = None if _opens_no_key(text, words[i], heads) else _listed_window(text, words, i, g)
        if found is None:
            found = _surname_mention(text, words, i)
        if found is None:
            i += 1
            continue
        j, s, e, entry = found
        if entry.kind in _PLACE_KINDS and numbered_group(text, e):
            i = j + 2  # the place and the number: one group's name, no place
            continue
        out.append((s, e, entry))
        i = j + 1
    return out


class _Counted:
    """The country hits of the last (longest) text asked about, as (start, end, country, weight, place): `place` where
    the name is of the country or a place in it (not a demonym or a body's seat)."""

    text = ""
    hits: list[tuple[int, int, str, int, bool]] = []
    starts: list[int] = []
    ends: list[int] = []


def _country_hits(text: str, since: int = 0) -> list[tuple[int, str, int]]:
    """(end, country, weight) of the country-bearing names in text[since:].

    Extractors ask about growing prefixes of one body (the context before a mention), and
    about their last few hundred characters: the hits of the longest text are kept, its
    prefixes and windows read them by position, an extension scans only its new part.
    """
    c = _Counted
    if not (c.text and c.text.startswith(text)):
        offset = 0
        hits: list[tuple[int, int, str, int, bool]] = []
        if c.text and text.startswith(c.text):
            cut = max(c.text.rfind(" ", 0, max(0, len(c.text) - 80)), 0)
            hits, offset = [h for h in c.hits if h[1] <= cut], cut
        for s, e, entry in _mentions(text[offset:], gazetteer()):
            if entry.country and entry.kind in ("country", "capital", "place", "demonym", "seat"):
                hits.append((offset + s, offset + e, entry.country, 2 if entry.kind == "place" else 1,
                             entry.kind in ("country", "capital", "place")))
        c.text, c.hits = text, hits
        c.starts, c.ends = [h[0] for h in hits], [h[1] for h in hits]
    lo = bisect_left(c.starts, since) if since else 0
    return [(e, iso, w) for _s, e, iso, w, _p in c.hits[lo:bisect_right(c.ends, len(text))]]


def most_named_place(text: str) -> str | None:
    """The country whose own name and places `text` names most (not its people's or bodies' names: a story about
    Wagner's losses in Mali says "Russian" more often than "Mali"); of those named as often, the one named last."""
    _country_hits(text)
    hits = _Counted.hits[:bisect_right(_Counted.ends, len(text))]
    counts: Counter[str] = Counter()
    last: dict[str, int] = {}
    for _s, end, iso, weight, place in hits:
        if place:
            counts[iso] += weight
            last[iso] = end
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], -last[kv[0]]))
    return ranked[0][0] if ranked else None


def country_counts(text: str, since: int = 0) -> Counter[str]:
    """How often each country is named in text[since:], places inside it counting double."""
    counts: Counter[str] = Counter()
    for _e, iso, weight in _country_hits(text, since):
        counts[iso] += weight
    return counts


def most_named(text: str, since: int = 0) -> list[tuple[str, int]]:
    """The countries text[since:] names, most named first; of countries named as often, the one named last
    first, the nearest to what follows ("a UK-based charity ... in Afghanistan ... militants attacked": the
    militants are Afghanistan's)."""
    counts: Counter[str] = Counter()
    last: dict[str, int] = {}
    for end, iso, weight in _country_hits(text, since):
        counts[iso] += weight
        last[iso] = end
    return sorted(counts.items(), key=lambda kv: (-kv[1], -last[kv[0]]))


def host_country(backer: str | None, context: str | Counter[str] | None, placed: bool = False) -> str | None:
    """Where a proxy group fights: the theatre the context names most, or the backer's best-known one; `placed`, a
    group with no backer ("rebels"), where the context's own places are (entities.yaml theatre_sectors: "a Tuareg
    rebels group" in a story about Wagner in Mali, which says "Russian" more often than "Mali"). Public: the entity
    backend places a backed group it finds in a Doc the same way, from the document's country counts."""
    g = gazetteer()
    if placed and isinstance(context, str) and (theatre := most_named_place(context)) is not None:
        return theatre
    if isinstance(context, Counter):
        ranked_all = context.most_common()
    else:
        ranked_all = most_named(context) if context else []
    counts = dict(ranked_all)
    theatres = g.proxy_conflicts.get(backer or "", [])
    ranked = sorted(theatres, key=lambda c: -counts.get(c, 0))
    if ranked and counts.get(ranked[0], 0) > 0:
        return ranked[0]
    for iso, _ in ranked_all:
        if iso != backer:
            return iso
    return theatres[0] if theatres else None


def _backed_group(text: str, m: re.Match[str]) -> tuple[str, str] | None:
    """The backer and sector of 'pro-Russia separatists', 'Iran-backed militias', 'Russian-installed
    authorities' (PRE); 'pro-Russian forces' without 'separatist' are no proxy group."""
    name = m.group("pro") or m.group("back") or ""
    hits = gazetteer().lookup(name)
    backer = hits[0].country if hits else None
    if backer is None:
        return None
    noun = m.group("noun").lower()
    if noun not in _WORDS.wide_group_nouns or _BARE_GROUP.search(text):
        return backer, "PRE" if noun in _WORDS.republic_nouns else "REB"
    if noun in _WORDS.authority_group_nouns:
        return backer, "PRE"
    if noun in _WORDS.armed_force_nouns and not any(w in text.lower() for w in _WORDS.separatist_words):
        return None
    return backer, "REB"


def _is_bare_group(text: str) -> bool:
    """'separatists', 'rebels', 'the self-proclaimed republics'."""
    return bool(_BARE_GROUP.search(text)) or bool(
        _REPUBLICS.search(text) and _BREAKAWAY.search(text))


def _named_group(text: str, sector: str, context: str | None) -> Actor | None:
    """A group named by its place ('Donetsk separatists', 'Syrian rebels'), else the last qualified
    group of its kind in the context ('pro-Russia separatists' before a bare 'separatists')."""
    # a backer is no home: "Iran-backed Houthi rebels" are Houthis, "Russian-backed Donetsk separatists" of Donetsk
    inner = [e for _, end, e in _mentions(text, gazetteer()) if e.country and not _BACKER_AFTER.match(text, end)]
    if inner and inner[0].kind in ("place", "country", "demonym"):
        return sector_actor(text, inner[0].country, sector)
    if inner and inner[0].kind == "group":
        return entry_actor(text, inner[0])
    if not isinstance(context, str):
        return None
    noun_at = _BARE_GROUP.search(text)
    stem = noun_at.group(0).lower()[:6] if noun_at else ""
    earlier = [g for g in _GROUP.finditer(context) if stem and g.group("noun").lower().startswith(stem)]
    if not earlier:
        return None
    found = group_actor(earlier[-1].group(0), context)
    return found.model_copy(update={"text": text}) if found is not None else None


def historical_country(country: str) -> bool:
    """A state of the past (countries.yaml `historical`: the Soviet Union, Yugoslavia)."""
    return bool((gazetteer().countries.get(country) or {}).get("historical"))


def opponent(country: str) -> str | None:
    """The other side's country in the one conflict (resources/conflicts) whose two sides include `country`."""
    found = _opponents().get(country, set())
    return next(iter(found)) if len(found) == 1 else None


@lru_cache(maxsize=1)
def _opponents() -> dict[str, set[str]]:
    """Country -> the countries it faces as the other side of a conflict file, read once."""
    out: dict[str, set[str]] = {}
    for conflict in conflicts.load():
        sides = [str(side.get("country")) for side in (conflict.get("sides") or {}).values() if side.get("country")]
        if len(sides) == 2:
            out.setdefault(sides[0], set()).add(sides[1])
            out.setdefault(sides[1], set()).add(sides[0])
    return out


def _of_the_theatre(text: str, context: str | None, sector: str) -> bool:
    """An armed group or gang (entities.yaml theatre_sectors) that stands for no group the story named
    (`_points_back`): of where the story is set, not of the country named most."""
    return sector in _WORDS.theatre_sectors and not _points_back(text, context)


def _points_back(text: str, context: str | None) -> bool:
    """"The militant group denied involvement" after Hezbollah: a definite group named in the singular ("the rebel
    group", entities.yaml country_pointers) stands for one the story named, of the country it names most, not for the
    armed men of where the story is set ("the rebels", "a Tuareg rebels group")."""
    words = _WORD.findall(text)
    # "Hezbollah, the | militant group": a phrase read without its article (the context may run to its end)
    before = _WORD.findall(context.removesuffix(text)[-12:]) if context else []
    pointers = _WORDS.country_pointers
    pointed = words[0].lower() in pointers if len(words) > 1 else False
    return bool(words) and (pointed or bool(before) and before[-1].lower() in pointers) \
        and not _named_in_plural(words[-1].lower())


def _named_in_plural(word: str) -> bool:
    """A people or group named in the plural ("Peruvians", "rebels", "leaders"), by the ending of its last word as
    written (entities.yaml plural_people_endings): not one named in the singular ("Peruvian", "group", "governor")."""
    return word.endswith(_WORDS.plural_endings)


def names_a_country(text: str) -> bool:
    """Whether a phrase's own words name a country, place or people ("Kurdish militants"; "the hospital": no); an
    outlet, firm, school or charity is no people's ("Al Jazeera correspondents" are of where they report)."""
    return any(e.country and e.sector not in STATELESS_SECTORS for _, _, e in _mentions(text, gazetteer()))


def names_a_whole_country(text: str) -> bool:
    """Whether a phrase's words name a country itself ("Ukraine"), not a place, people or body in one ("Donetsk",
    "Hamas"): a name every act of a war between countries shares."""
    return any(e.country and e.id == e.country for _, _, e in _mentions(text, gazetteer()))


def group_actor(text: str, context: str | None = None) -> Actor | None:
    """'pro-Russia separatists', 'Russian-backed rebels', 'the separatist republics' -> REB/PRE of the theatre."""
    m = _GROUP.search(text)
    backer: str | None = None
    if m:
        backed = _backed_group(text, m)
        if backed is None:
            return None
        backer, sector = backed
    elif _is_bare_group(text):
        sector = "PRE" if _REPUBLICS.search(text) else "REB"
        named = _named_group(text, sector, context)
        if named is not None:
            return named
    else:
        return None
    placed = backer is None and _of_the_theatre(text, context, sector)
    host = host_country(backer, context, placed=placed)
    if host is None:
        return None
    return sector_actor(text, host, sector)


_NO_NATION = re.compile(rf"\b(?:{longest_first(_WORDS.foreign_words)}(?!\s+{longest_first(_WORDS.foreign_office_nouns)})|"
                        rf"{longest_first(_WORDS.not_national_adjectives)})\b", re.I)


def _owns_role(gap: str, holder: bool = False) -> bool:
    """Whether a country named right before a role is its owner: no word between them ends the role's noun phrase
    ("Russia's foreign minister", but "New Delhi and Prime Minister Wen Jiabao"; entities.yaml role_owner_breaks), nor,
    before the role of a person named after it (`holder`), does an auxiliary, whose clause has the country for its
    subject, unless an owning pronoun follows it ("the US has avoided criticising President ..." names no American
    president; "Kyiv has said its commander" does; "the Sri Lankan army has been holding Tamil refugees" is no role of
    a person)."""
    words = [w.lower() for w in _WORD.findall(gap)]
    if any(w in _WORDS.role_owner_breaks for w in words):
        return False
    clause = [i for i, w in enumerate(words) if w in _WORDS.role_owner_clause_words] if holder else []
    return not clause or any(w in _WORDS.role_owner_pronouns for w in words[clause[-1]:])


def _possessive_list(gap: str) -> bool:
    """A state's possessive opening a list whose last item is the role: only commas between, the last one followed by
    a coordinator (entities.yaml name_coordinators) before the role ("'s tanks, trucks and 41 ")."""
    if not gap.startswith(_WORDS.possessive_marks) or any(m in gap for m in _WORDS.role_owner_marks - {","}):
        return False
    return any(w in _WORDS.name_coordinators for w in gap.rsplit(",", 1)[-1].split())


def _state_of_another_clause(name: str, owner: Entry, gap: str) -> bool:
    """A state ("Peru") or a nation's adjective ("Peruvian") named before a clause mark (entities.yaml role_owner_marks)
    before a role: the state of that clause, not the role's owner. A town, capital or body there is where the office
    serves or the body a definite role points back to ("in Lviv, the education minister"; "Hezbollah, the militant
    group"), and a people named in the plural ("killed 40 Peruvians, according to the health ministry there") those
    the figure counts, where the body stands: these still lend their country. A state in the possessive opens the
    role's own phrase and still owns it where the marks after it are a list's commas ("Russia's tanks, trucks and 41
    troops")."""
    if not any(mark in gap for mark in _WORDS.role_owner_marks) or _possessive_list(gap):
        return False
    return owner.kind == "country" or (owner.kind == "demonym" and not _named_in_plural(name))


def context_country(context: str | None, role: str | None = None, since: int = 0, named: bool = False,
                    holder: bool = False) -> str | None:
    """The country a bare role ("the foreign minister") belongs to: the one last named with that
    role, else the most named (in context[since:]). A state named last before the role in another clause of its
    sentence owns none, and the role has no country then rather than a guess (entities.yaml role_owner_marks: "Sales
    to Peru doubled, the trade minister said" names no Peruvian minister). A `named` role (its holder's or owner's name
    known) whose sentence names a country only in another phrase before it has none (_owns_role; `holder`: a person is
    named after it).

    The role's own sentence is cut at a final mark and a space in the 60 characters before it: `context` is a
    plain string (resolve_actor and resolve_phrase are given a slice of the body, by the entity backend while
    the Doc is being built, by speakers and entities), with no parse at hand to read sentences from (issue 11)."""
    if not context or since >= len(context):
        return None
    g = gazetteer()
    if role:
        for m in reversed(list(re.finditer(re.escape(role), context[since:], re.I))):
            window = context[max(since, since + m.start() - 60):since + m.start()]
            window = re.split(r"[.!?]\s", window)[-1]  # the role's own sentence: "Russia's foreign minister"
            # an outlet lends its country only to its own staff: "CNN had been interviewing interim Prime
            # Minister Garry Conille" names no American minister
            hits = [(start, end, e) for start, end, e in _mentions(window, g)
                    if e.country and (e.kind != "media" or role_sector(role)[0] == "MED")]
            if hits:
                start, end, owner = hits[-1]
                if _state_of_another_clause(window[start:end], owner, window[end:]):
                    return None  # "Sales to Peru doubled, the trade minister": no Peruvian minister, none guessed
                return owner.country if not named or _owns_role(window[end:], holder) else None
    return _most_named_country(context, since)


def _most_named_country(context: str, since: int) -> str | None:
    """The country `context_country` falls back to when no country is named with the role, apart from it so that
    each stays short: the most named in context[since:], else the whole text's when those lines name none twice."""
    top = most_named(context, since)[:2]
    if since > 0 and top and (top[0][1] == 1 or (len(top) == 2 and top[0][1] == top[1][1])):
        # the last lines name no country twice: the one the whole text is about, when it names it more
        whole = country_counts(context, 0).most_common(1)
        if whole and whole[0][1] > top[0][1]:
            return whole[0][0]
    return top[0][0] if top else None


@lru_cache(maxsize=4096)
def _person_fuzzy(text: str) -> Entry | None:
    """A close misspelling of a KB person's full name, or of a country's name ("Ethopia"). Kept per text: the resolver
    asks about a document's names again and again (4,326 asks, 1,583 texts on the 181 dump pages), and each ask
    scores the text against every KB name of about its length."""
    g = gazetteer()
    key = fold(text)
    if " " not in key:
        if len(key) < 5 or not text[:1].isupper():
            return None
        hit = process.extractOne(key, _countries_near(len(key)), scorer=fuzz.ratio, score_cutoff=90)
        return _country_keys()[hit[0]] if hit else None
    if not g.people:
        return None
    hit = process.extractOne(key, g.people_near(len(key)), scorer=fuzz.ratio, score_cutoff=90)
    return g.people[hit[0]] if hit else None


@lru_cache(maxsize=256)
def _countries_near(n: int) -> list[str]:
    """The country keys a word of length n may be a misspelling of (gazetteer.near_in_length)."""
    return near_in_length(_country_keys(), n)


@lru_cache(maxsize=1)
def _country_keys() -> dict[str, Entry]:
    return {k: e for k, entries in gazetteer().index.items() for e in entries[:1]
            if e.kind == "country" and " " not in k and len(k) >= 5}


_THE_COUNTRY = re.compile(rf"(?:\b{longest_first(_WORDS.country_pointers)}\s+|^)"
                          rf"{longest_first(_WORDS.country_nouns)}(?:{_POSSESSIVE}|{_APOSTROPHE}|\b)", re.I)
_STATE_KINDS = ("country", "capital", "demonym", "seat")


def _last_state(context: str) -> str | None:
    """The country a pronoun-like "the country" points back to: the last state (not a place
    inside one) named in the few hundred characters before its phrase."""
    starts = [m.start() for m in _THE_COUNTRY.finditer(context)]
    cut = starts[-1] if starts else len(context)
    states = states_before(context[:cut])
    return states[-1] if states else None


def states_before(context: str) -> list[str]:
    """The states (not places inside one) named in the few hundred characters at the end of `context`, in order."""
    window = context[max(0, len(context) - 400):]
    return [e.country for _, _, e in _mentions(window, gazetteer()) if e.country and e.kind in _STATE_KINDS]


def state_pointer(text: str) -> bool:
    """"the country", "this nation" (entities.yaml country_pointers, country_nouns) and nothing else."""
    return _THE_COUNTRY.fullmatch(text.strip()) is not None


def pointed_state(text: str, context: str, skip: frozenset[str] = frozenset()) -> Actor | None:
    """"the country", "this nation" standing alone as a side: the state named last before it (`context`, the text up to
    the phrase), as a role phrase on it ("the country's foreign minister") is that state's, passing over the states of
    `skip` (the subject of its own clause: "after Russia attacked the country" is not Russia); none named, None."""
    states = [c for c in states_before(context) if c not in skip] if state_pointer(text) else []
    return Actor(text=text, name=text, country=states[-1]) if states else None


def _unroled_actor(text: str, anchors: list[tuple[int, int, Entry]], org: Entry | None, code: str | None) -> Actor:
    """A phrase with names but no role words: its organisation, its international body, else its first name."""
    if org is not None:
        return entry_actor(text, org)
    if code:
        return sector_actor(text, None, "IGO", code)
    return entry_actor(text, anchors[0][2])


# a school, firm, outlet or charity has the country its own words name, never the one the story is about
STATELESS_SECTORS = frozenset({"EDU", "BUS", "MED", "NGO"})
# ... and a firm named by a role phrase alone ("the company", "several companies") is of no country: the
# journalist or the broadcaster of a role phrase stays the country the text last named with that role
STATELESS_ROLE_SECTORS = frozenset({"BUS"})
# public offices: one named by its town ("Slavutych Mayor", "Kharkiv police chief") is of the town's country
OFFICE_SECTORS = frozenset({"GOV", "COP", "JUD", "LEG", "MIL"})


def of_no_nation(text: str) -> bool:
    """A phrase its own words make no one country's ("Western officials"; entities.yaml not_national_adjectives)."""
    return _of_no_nation(text, len(text))


def _of_no_nation(text: str, role_end: int) -> bool:
    """'Western diplomats', 'international monitors', 'regional leaders' (but 'the regional governor')."""
    found = _NO_NATION.search(text)
    if found is None:
        return False
    if found.group(0).lower() not in _WORDS.not_national_if_plural:
        return True
    head = text[:role_end].split()[-1].lower() if role_end > 0 else ""
    return _named_in_plural(head)


def _role_country(text: str, context: str | None, sector: str, role_end: int,
                  named: bool = False) -> str | Actor | None:
    """The country of a role phrase that names none, or the actor it is when it can have none:
    'the country's foreign minister' is the state named last before it; 'Western diplomats' are of
    no one country; a bare role ('the foreign minister') is the context's, a titled stranger the
    sentence's."""
    if _THE_COUNTRY.search(text):
        country = _last_state(context) if context else None
        return country if country is not None else Actor(text=text, sector=sector)
    if _of_no_nation(text, role_end):
        return Actor(text=text, name=text, sector=sector)
    if not context:
        return None
    g = gazetteer()
    names = [w for w in _WORD.findall(text) if w[:1].isupper() and w not in g.title_words
             and role_sector(w)[0] is None]
    # "Slavutych Mayor": the town comes before the office; after a title a name is the holder's ("President Bush")
    before = [w for w in _WORD.findall(text[:role_end]) if w in names]
    place = resolve_place(" ".join(before)) if before and sector in OFFICE_SECTORS else None
    if place is not None and place.country:  # "Slavutych Mayor": a town's office is of the town's country
        return place.country
    return _story_country(text, context, sector, role_end, names, named)


def _story_country(text: str, context: str, sector: str, role_end: int, names: list[str],
                   named: bool) -> str | Actor | None:
    """A role phrase's country from the story before it: an armed group's or gang's, where the story is set
    (entities.yaml theatre_sectors: "a Tuareg rebels group" in a story about Wagner in Mali), and so a bare town's
    office's, or none where no place is named (`_of_the_town`: "the mayor" of a town Russian troops entered is no
    Russian mayor); another role's, or a
    group's in a story that names no place yet, the country last named with that role, else the one named most; else
    the owner its name after it names."""
    if not (names or named) and _of_the_town(text, role_end):  # "Gov. John Bel Edwards": the holder's own
        return most_named_place(context)  # no place named, no town whose office it is: of no country named otherwise
    country = most_named_place(context) if _of_the_theatre(text, context, sector) else None
    if country is None:
        role = _role_head(text, role_end)
        country = context_country(context, role, max(0, len(context) - 300) if names else 0, named or bool(names),
                                  holder=named)
    return country if country is not None else _named_owner(text, sector, role_end, names)


def _of_the_town(text: str, role_end: int) -> bool:
    """A town's or province's office ("the mayor", "the deputy governor"; entities.yaml town_offices) heads the role
    phrase, with none but a town office's words before it (town_office_modifiers: not "the central bank governor")."""
    words = _role_words(text, role_end)
    return bool(words) and words[-1].lower() in _WORDS.town_offices and \
        all(w.lower() in _WORDS.town_office_modifiers for w in words[:-1])


def _role_head(text: str, role_end: int) -> str | None:
    """The last word of the role phrase, its head ("mayor" of "the deputy mayor"), as written; None where it has none."""
    words = _role_words(text, role_end)
    return words[-1] if words else None


def _role_words(text: str, role_end: int) -> list[str]:
    """The words of the role phrase, as written."""
    return text[:role_end].split() if role_end > 0 else []


def _named_owner(text: str, sector: str, role_end: int, names: list[str]) -> Actor | None:
    """A role of a name after it, of no country known, is that name's side, not a state organ of the place the text
    last named: "the representatives of the Raoul Wallenberg Centre" (syntax.yaml owner_preps), a body that is no organ
    ("of the Interior Ministry" is one), of no sector a place lends a country to; "Prime Minister Wen Jiabao" the
    person named (events place no person named)."""
    rest = text[role_end:]
    after = [w for w in _WORD.findall(rest) if w in names]
    if not after:
        return None
    first = rest.split()[0].lower() if rest.split() else ""
    if first not in syntax().owner_preps:
        return Actor(text=text, name=text, id=person_id(" ".join(after)), sector=sector)
    if role_sector(rest)[0] is not None:
        return None
    return Actor(text=text, name=text, id="org:" + slug(" ".join(after)))


def _role_actor(text: str, context: str | None, sector: str, role_end: int, country: str | None,
                named: bool = False) -> Actor:
    """The actor a role phrase with no body of its own names: its country's sector, or the role alone ("the
    company" in a story about Washington's sanctions is no American firm)."""
    if country is None and sector in STATELESS_ROLE_SECTORS:
        return Actor(text=text, name=text, sector=sector)
    if country is None:
        found = _role_country(text, context, sector, role_end, named)
        if isinstance(found, Actor):
            return found
        country = found
    if country is None and sector not in ("CVL", "REF"):
        return Actor(text=text, name=text, sector=sector)
    return sector_actor(text, country, sector)


_BODY_KINDS = ("seat", "agency", "group", "media")


@lru_cache(maxsize=1)
def _posting() -> re.Pattern[str]:
    """A posted role and the preposition that names its post ('ambassador to', roles.yaml posted_roles)."""
    roles = lexicon("roles.yaml")
    words = "|".join(r"\s+".join(map(re.escape, w.split()))
                     for w in sorted(map(str, roles["posted_roles"]), key=lambda w: (-len(w), w)))
    return re.compile(rf"\b(?:{words})\s+({re.escape(roles['posting_prep'])})\b", re.IGNORECASE)


def before_post(text: str) -> int:
    """Where the post of a posted role starts ('British Ambassador | to Ukraine'), else the phrase's end: the country
    or body named there is where the holder serves, not theirs."""
    m = _posting().search(text)
    return m.start(1) if m else len(text)


def resolve_phrase(text: str, context: str | None = None, named: bool = False) -> Actor | None:
    """A noun phrase with role words: 'Kremlin spokesman', 'Ukraine's commander-in-chief', 'the foreign minister'
    (`named`: the role phrase of a person named after it, 'Prime Minister' of 'Prime Minister Wen Jiabao'); the post
    of a posted role is none of its own ('British Ambassador to Ukraine' is British; 'Ambassador to Ukraine' of no
    country the phrase names)."""
    post = before_post(text)
    mentions = [m for m in _mentions(text, gazetteer()) if m[0] < post]
    sector, role_end = role_sector(text)
    if post < len(text) and not mentions and sector is not None:
        return Actor(text=text, name=text, sector=sector)  # 'the ambassador to Ukraine': no state of the holder's
    return _named_in_phrase(text, context, named, mentions, (sector, role_end))


def _named_in_phrase(text: str, context: str | None, named: bool, mentions: list[tuple[int, int, Entry]],
                     role: tuple[str | None, int]) -> Actor | None:
    """The actor of the names a phrase holds and its role word, apart from `resolve_phrase` so that each stays short:
    the last person named, else a body or a country with or without a role."""
    sector, role_end = role
    people = [e for _, _, e in mentions if e.kind == "person"]
    if people:
        return entry_actor(text, people[-1])
    anchors = [(s, e, entry) for s, e, entry in mentions if entry.kind != "person"]
    if not anchors and sector is None:
        return None
    code = next((entry.code for _, _, entry in anchors if entry.code), None)
    org = next((entry for _, _, entry in anchors if entry.kind in _BODY_KINDS), None)
    if sector is None:
        return _unroled_actor(text, anchors, org, code)
    return _roled_actor(text, context, named, anchors, (org, code), (sector, role_end))


def _roled_actor(text: str, context: str | None, named: bool, anchors: list[tuple[int, int, Entry]],
                 found: tuple[Entry | None, str | None], role: tuple[str, int]) -> Actor:
    """The actor of a phrase with a role word, apart from `resolve_phrase` so that each stays short: a body's own
    sector over the role's, a coded body's code, else the country the phrase names."""
    (org, code), (sector, role_end) = found, role
    if org is not None and org.sector and sector == "GOV" and org.sector != "GOV":
        sector = org.sector  # "Pentagon spokesman", "Defence Ministry official"
    if code:
        return _coded_body(text, anchors, code)
    country = next((entry.country for _, _, entry in anchors if entry.country), None)
    return _role_actor(text, context, sector, role_end, country, named)


def _coded_body(text: str, anchors: list[tuple[int, int, Entry]], code: str) -> Actor:
    """"ICRC spokesman": the body's own sector (a charity is NGO), else an international body's."""
    sector = next((entry.sector for _, _, entry in anchors if entry.code == code and entry.sector), "IGO")
    return sector_actor(text, None, sector, code)


@lru_cache(maxsize=4096)
def resolve_actor(text: str, context: str | None = None) -> Actor | None:
    """The actor a mention refers to ("the Kremlin", "Kyiv", "pro-Russia separatists"), or None. Kept per text and
    context (the extractors ask about a document's mentions again and again: 4,366 asks, 1,814 of them different, on
    the 181 dump pages); callers copy the actor to change it, never change it."""
    raw = text.strip()
    if not raw:
        return None
    clean = _POSS.sub("", _LEAD.sub("", raw)).strip(" ,.;:\"'“”")
    hits = [h for h in gazetteer().lookup_as_written(clean) if not h.shared]
    if hits:
        return entry_actor(raw, hits[0])
    group = group_actor(raw, context)
    if group is not None:
        return group
    actor = resolve_phrase(clean, context)
    if actor is not None:
        return actor
    person = _person_fuzzy(clean)
    if person is not None:
        return entry_actor(raw, person)
    return None


def resolve_place(text: str) -> Place | None:
    """A gazetteer place with its country, or None."""
    clean = _POSS.sub("", _LEAD.sub("", text.strip())).strip(" ,.;:")
    for entry in gazetteer().lookup_as_written(clean):
        if entry.kind in ("country", "capital", "place"):
            return Place(text=text, name=entry.name, id=entry.id, country=entry.country)
    region = _region_place(text, clean)
    if region is not None:
        return region
    if clean[:1].isupper():
        found = world_places.lookup(clean)
        if found is not None:
            return found.model_copy(update={"text": text})
    return None


def _region_place(text: str, clean: str) -> Place | None:
    """"Kharkiv region", "the Kherson oblast": a town or capital of the gazetteer followed by a region word (entities.yaml
    region_words) names that place's region, its text kept whole, so that the region holds the towns places.yaml
    puts in it where the same name alone ("in Kharkiv") is the city and holds none."""
    name, _, last = clean.rpartition(" ")
    if not name or last.lower() not in _WORDS.region_words:
        return None
    entry = next((e for e in gazetteer().lookup_as_written(name) if e.kind in ("capital", "place")), None)
    return None if entry is None else Place(text=text, name=entry.name, id=entry.id, country=entry.country)


def country_of(text: str) -> str | None:
    """The ISO alpha-3 country a name, demonym, capital, place or known person belongs to."""
    actor = resolve_actor(text)
    if actor is not None and actor.country:
        return actor.country
    place = resolve_place(text)
    return place.country if place else None


_GAP_OK = re.compile(rf"^[\s\-,]*(?:{_POSSESSIVE})?[\s\-]*$")


def _first_phrase(body: str, inside: list[Entity]) -> list[Entity]:
    """The entities of the first noun phrase: joined only by role words, or a person set off after their own
    nationality ("A third Palestinian, 16-year-old Khaled Al-Shawa")."""
    first = [inside[0]]
    for ent in inside[1:]:
        gap = body[first[-1].end:ent.start]
        if not (_GAP_OK.match(gap) or role_sector(gap)[0] is not None and len(gap) < 60 and "," not in gap
                or _apposed_person(first[-1], ent, gap)):
            break
        first.append(ent)
    return first


_NAME_PATTERNS = name_patterns()  # shared with entities.py


def _apposed_person(people: Entity, person: Entity, gap: str) -> bool:
    """A person named after a comma right after a nationality of theirs (entities.yaml apposed_person)."""
    return people.type == "NORP" and person.type == "PERSON" and people.actor is not None and person.actor is not None \
        and people.actor.country == person.actor.country and bool(_NAME_PATTERNS("apposed_person").match(gap))


def _phrase_actor(body: str, first: list[Entity], end: int) -> Actor | None:
    """A person of the phrase, else the role the phrase's last name heads ('Russia's defence
    ministry'), else its first name's actor."""
    person = next((e for e in first if e.type == "PERSON"), None)
    if person is not None:
        return person.actor
    phrase = body[first[0].start:min(end, first[-1].end + 40)]
    sector, _ = role_sector(body[first[-1].end:min(end, first[-1].end + 40)])
    head = first[-1].actor
    if sector is not None and head is not None and head.country and not head.code:
        return resolve_phrase(phrase, body[:end]) or head
    return first[0].actor


_PROXY_WORDS = re.compile(rf"\b{longest_first(_WORDS.backer_prefixes)}[-\s]|-{longest_first(_WORDS.proxy_affixes)}\b|"
                          rf"{longest_first(_WORDS.proxy_stems)}", re.I)


def actor_for_span(doc: NlpDoc, start: int, end: int) -> Actor | None:
    """The actor of the entities inside or overlapping a span (a clause's subject or object).

    A person wins over the organisation or country in the same noun phrase ("Kremlin spokesman
    Dmitry Peskov"); a proxy-group phrase wins over the backer it names ("pro-Russia separatists").
    """
    body = doc.body
    text = body[start:end]
    group = group_actor(text, body)
    if group is not None and _PROXY_WORDS.search(text):
        return group
    post = start + before_post(text)  # "the envoy to Ukraine": the post's country is not the envoy's
    inside: list[Entity] = [e for e in doc.entities if e.start < min(end, post) and e.end > start and e.actor is not None]
    inside.sort(key=lambda e: e.start)
    if inside:
        return _phrase_actor(body, _first_phrase(body, inside), end)
    return resolve_phrase(text, body[:end]) if role_sector(text)[0] is not None else None


_ONE_NAME_WORD = re.compile(r"[A-Z][\w’'-]+")
_FULL_NAME = re.compile(r"[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)+")


def named_persons_surname(doc: NlpDoc, start: int, end: int) -> bool:
    """'Hamilton urged' where the article names Ian Hamilton: one capitalised word that ends the full name of a person
    the article names (a PERSON entity, or a quote's speaker the speaker rules resolved to a full name, 'Hamilton
    said' -> Ian Hamilton) is that person's surname, not a town or country of that name."""
    word = doc.body[start:end].strip()
    if not _ONE_NAME_WORD.fullmatch(word):
        return False
    names = [e.name for e in doc.entities if e.type == "PERSON" and e.name]
    names += [q.speaker.name for q in doc.quotes if q.speaker is not None and q.speaker.name]
    key = fold(word)
    return any(_FULL_NAME.fullmatch(n) and fold(n.split()[-1]) == key for n in names)


_NAME_WORD = r"(?:[A-Z][\w'’.-]*|" + longest_first(_WORDS.acronym_name_words) + ")"  # "of", "for" (entities.yaml)
_DEFINED_ACRONYM = re.compile(rf"({_NAME_WORD}(?:\s+{_NAME_WORD}){{1,8}})\s*\(([A-Z]{{2,6}})\)")
_CAPITALISED = re.compile(r"[A-Z][\w'’.-]*")


def defined_acronyms(body: str) -> dict[str, Actor]:
    """"The Palestinian Authority (PA) welcomed ... The PA also urged": an acronym a text defines in brackets after a
    name stands for that name's actor in that text, where the initials of the name's last capitalised words spell it
    ("Israel Defense Forces (IDF)"; "the National Electoral Council (CNE)" is spelt in another language: none)."""
    out: dict[str, Actor] = {}
    for m in _DEFINED_ACRONYM.finditer(body):
        words = list(_CAPITALISED.finditer(m.group(1)))
        acronym = m.group(2)
        starts = [w.start() for k, w in enumerate(words) if "".join(x.group(0)[0] for x in words[k:]) == acronym]
        if not starts or acronym in out:
            continue
        actor = resolve_actor(m.group(1)[starts[-1]:])
        if actor is not None and (actor.country or actor.code) and actor.sector not in ("CVL", "BUS"):
            out[acronym] = actor
    return out


def person_id(name: str) -> str:
    """A canonical id for a person not in the KB, the same for transliteration variants."""
    return "person:" + fold_id(name)
