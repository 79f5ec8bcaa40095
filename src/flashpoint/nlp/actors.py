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
)

if TYPE_CHECKING:
    from flashpoint.nlp.document import NlpDoc

_LEAD = re.compile(r"^(?:the|a|an|some|several|many|other|its|their|his|her)\s+", re.I)
_POSS = re.compile(r"(?:['’]s|['’])$")
_GROUP = re.compile(
    r"(?:\bpro[-\s](?P<pro>[A-Z][\w.'’-]*?)|(?P<back>[A-Z][\w.'’]*?)[-\s](?:backed|supported|sponsored|allied|aligned"
    r"|controlled|armed|funded|installed))\b[\s-]+(?:[a-z][\w-]*\s+){0,2}?"
    r"(?P<noun>separatists?|rebels?|militants?|militias?|fighters|insurgents?|forces|authorities|republics?|"
    r"paramilitar(?:y|ies)|gunmen|groups?|leaders?|troops)\b")
_BARE_GROUP = re.compile(r"\b(?:separatists?|rebels?|insurgents?|militants?|militias?|guerrillas?)\b", re.I)
_REPUBLICS = re.compile(r"\b(?:people['’]s\s+)?republics?\b", re.I)
_WORD = re.compile(r"[^\W_]+(?:[’'][^\W_]+)*")
_WORD_AT_END = re.compile(r"[^\W_]+$")
_SPLIT_CHARS = "-‐–"  # split words as spaces do when names are folded (gazetteer._WORD_SPLIT)


def _actor(text: str, entry: Entry, sector: str | None = None) -> Actor:
    """The actor a gazetteer entry stands for when it acts."""
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
    ident = f"{country}-{sector}" if sector else country
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


def surname_person(word: str) -> Entry | None:
    """The one KB person with this surname ("Putin", "Obama"), when the KB marks them as known by it
    (heads of state and government), unless it is a common word or shared."""
    key = fold(word)
    if len(key) < 4 or " " in key or word.lower() in STOP_WORDS or not word[:1].isupper():
        return None
    people = gazetteer().surnames.get(key, [])
    return people[0] if len(people) == 1 and people[0].by_surname else None


def _mentions(text: str, g: Gazetteer) -> list[tuple[int, int, Entry]]:
    """Gazetteer names in a short text, longest first, left to right (capitalised words only)."""
    words = [m.span() for m in _WORD.finditer(text)]
    out: list[tuple[int, int, Entry]] = []
    heads = g.heads()
    i = 0
    while i < len(words):
        found = None
        s0, e0 = words[i]
        if not text[s0].isupper() and not (e0 - s0 == 2 and text[s0:e0] in ("al", "el") and text[e0:e0 + 1] == "-"):
            i += 1  # most words are lower case: no name starts there
            continue
        w0 = text[s0:e0]
        # when w0 is a whole folded word (a space or hyphen follows it, not "." as in "U.S."),
        # every window's folded first word is w0's (possessive cut when it stands alone): one
        # that starts no index key spares folding up to max_words windows
        after = text[words[i][1]:words[i][1] + 1]
        h0, h1 = fold_head(w0), fold_head(_POSS.sub("", w0))
        skip = (not after or after.isspace() or after in _SPLIT_CHARS) and h0 and h1 \
            and h0 not in heads and h1 not in heads
        windows = range(0) if skip else range(min(len(words), i + g.max_words) - 1, i - 1, -1)
        for j in windows:
            s, e = words[i][0], words[j][1]
            piece = _POSS.sub("", text[s:e])
            hits = g.lookup(piece)
            if hits:
                found = (j, s, s + len(piece), hits[0])
                break
        nxt = text[words[i][1]:words[i][1] + 2]
        prev = text[max(0, s0 - 2):s0]
        in_name = (prev[-1:] in _SPLIT_CHARS and prev[:1].isalnum()) or (nxt[:1] in _SPLIT_CHARS and nxt[1:2].isalnum())
        if found is None and not in_name and not (nxt[:1] == " " and nxt[1:2].isupper()):
            person = surname_person(_POSS.sub("", w0))
            if person is not None:
                found = (i, words[i][0], words[i][0] + len(_POSS.sub("", w0)), person)
        if found:
            j, s, e, entry = found
            out.append((s, e, entry))
            i = j + 1
        else:
            i += 1
    return out


class _Counted:
    """The country hits of the last (longest) text asked about, as (start, end, country, weight)."""

    text = ""
    hits: list[tuple[int, int, str, int]] = []
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
        hits: list[tuple[int, int, str, int]] = []
        if c.text and text.startswith(c.text):
            cut = max(c.text.rfind(" ", 0, max(0, len(c.text) - 80)), 0)
            hits, offset = [h for h in c.hits if h[1] <= cut], cut
        for s, e, entry in _mentions(text[offset:], gazetteer()):
            if entry.country and entry.kind in ("country", "capital", "place", "demonym", "seat"):
                hits.append((offset + s, offset + e, entry.country, 2 if entry.kind == "place" else 1))
        c.text, c.hits = text, hits
        c.starts, c.ends = [h[0] for h in hits], [h[1] for h in hits]
    lo = bisect_left(c.starts, since) if since else 0
    return [(e, iso, w) for _s, e, iso, w in c.hits[lo:bisect_right(c.ends, len(text))]]


def country_counts(text: str, since: int = 0) -> Counter[str]:
    """How often each country is named in text[since:], places inside it counting double."""
    counts: Counter[str] = Counter()
    for _e, iso, weight in _country_hits(text, since):
        counts[iso] += weight
    return counts


def _host_country(backer: str | None, context: str | Counter[str] | None) -> str | None:
    """Where a proxy group fights: the theatre the context names most, or the backer's best-known one."""
    g = gazetteer()
    if isinstance(context, Counter):
        counts = context
    else:
        counts = country_counts(context) if context else Counter()
    theatres = g.proxy_conflicts.get(backer or "", [])
    ranked = sorted(theatres, key=lambda c: -counts.get(c, 0))
    if ranked and counts.get(ranked[0], 0) > 0:
        return ranked[0]
    for iso, _ in counts.most_common():
        if iso != backer:
            return iso
    return theatres[0] if theatres else None


def group_actor(text: str, context: str | None = None) -> Actor | None:
    """'pro-Russia separatists', 'Russian-backed rebels', 'the separatist republics' -> REB/PRE of the theatre."""
    m = _GROUP.search(text)
    backer: str | None = None
    noun = ""
    if m:
        name = m.group("pro") or m.group("back") or ""
        hits = gazetteer().lookup(name)
        backer = hits[0].country if hits else None
        noun = m.group("noun").lower()
        if backer is None:
            return None
        if noun in ("forces", "troops", "authorities", "leaders", "groups", "group") and not _BARE_GROUP.search(text):
            if noun in ("authorities", "leaders"):
                sector = "PRE"
            elif noun in ("forces", "troops") and "separatist" not in text.lower():
                return None
            else:
                sector = "REB"
        else:
            sector = "PRE" if noun.startswith("republic") else "REB"
    elif _BARE_GROUP.search(text) or (_REPUBLICS.search(text) and re.search(r"separatist|self-proclaimed|breakaway",
                                                                                text, re.I)):
        sector = "PRE" if _REPUBLICS.search(text) else "REB"
        inner = [e for _, _, e in _mentions(text, gazetteer()) if e.country]
        if inner and inner[0].kind in ("place", "country", "demonym") and not m:
            # "Donetsk separatists", "Syrian rebels": the place names the theatre
            return sector_actor(text, inner[0].country, sector)
        if isinstance(context, str) and not m:
            # a bare "separatists" refers back to the last qualified one ("pro-Russia separatists")
            noun_at = _BARE_GROUP.search(text)
            stem = noun_at.group(0).lower()[:6] if noun_at else ""
            earlier = [g for g in _GROUP.finditer(context) if stem and g.group("noun").lower().startswith(stem)]
            if earlier:
                found = group_actor(earlier[-1].group(0), context)
                if found is not None:
                    return found.model_copy(update={"text": text})
    else:
        return None
    host = _host_country(backer, context)
    if host is None:
        return None
    return sector_actor(text, host, sector)


_NO_NATION = re.compile(r"\b(?:Western|foreign(?!\s+(?:minister|ministry|secretary|affairs|office|policy|service))|"
                        r"international|regional|independent|humanitarian|multinational|allied|coalition)\b", re.I)


def context_country(context: str | None, role: str | None = None, since: int = 0) -> str | None:
    """The country a bare role ("the foreign minister") belongs to: the one last named with that
    role, else the most named (in context[since:])."""
    if not context or since >= len(context):
        return None
    g = gazetteer()
    if role:
        for m in reversed(list(re.finditer(re.escape(role), context[since:], re.I))):
            window = context[max(since, since + m.start() - 60):since + m.start()]
            window = re.split(r"[.!?]\s", window)[-1]  # the role's own sentence: "Russia's foreign minister"
            hits = [e for _, _, e in _mentions(window, g) if e.country]
            if hits:
                return hits[-1].country
    counts = country_counts(context, since)
    top = counts.most_common(2)
    if since > 0 and top and (top[0][1] == 1 or (len(top) == 2 and top[0][1] == top[1][1])):
        # the last lines name no country twice: the one the whole text is about, when it names it more
        whole = country_counts(context, 0).most_common(1)
        if whole and whole[0][1] > top[0][1]:
            return whole[0][0]
    return top[0][0] if top else None


def _person_fuzzy(text: str) -> Entry | None:
    """A close misspelling of a KB person's full name, or of a country's name ("Ethopia")."""
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


_THE_COUNTRY = re.compile(r"(?:\b(?:the|this|that)\s+|^)(?:country|nation)(?:['’]s|['’]|\b)", re.I)
_STATE_KINDS = ("country", "capital", "demonym", "seat")


def _last_state(context: str) -> str | None:
    """The country a pronoun-like "the country" points back to: the last state (not a place
    inside one) named in the few hundred characters before its phrase."""
    starts = [m.start() for m in _THE_COUNTRY.finditer(context)]
    cut = starts[-1] if starts else len(context)
    window = context[max(0, cut - 400):cut]
    states = [e.country for _, _, e in _mentions(window, gazetteer()) if e.country and e.kind in _STATE_KINDS]
    return states[-1] if states else None


def resolve_phrase(text: str, context: str | None = None) -> Actor | None:
    """A noun phrase with role words: 'Kremlin spokesman', 'Ukraine's commander-in-chief', 'the foreign minister'."""
    g = gazetteer()
    mentions = _mentions(text, g)
    sector, role_end = role_sector(text)
    people = [e for _, _, e in mentions if e.kind == "person"]
    if people:
        return _actor(text, people[-1])
    anchors = [(s, e, entry) for s, e, entry in mentions if entry.kind != "person"]
    if not anchors and sector is None:
        return None
    code = next((entry.code for _, _, entry in anchors if entry.code), None)
    country = next((entry.country for _, _, entry in anchors if entry.country), None)
    org = next((entry for _, _, entry in anchors if entry.kind in ("seat", "agency", "group", "media")), None)
    if sector is None:
        if org is not None:
            return _actor(text, org)
        if code:
            return sector_actor(text, None, "IGO", code)
        entry = anchors[0][2]
        return _actor(text, entry)
    if org is not None and org.sector and sector in ("GOV",) and org.sector != "GOV":
        sector = org.sector  # "Pentagon spokesman", "Defence Ministry official"
    if code:
        return sector_actor(text, None, "IGO", code)
    names = [w for w in _WORD.findall(text) if w[:1].isupper() and w not in g.title_words
             and role_sector(w)[0] is None]
    if country is None and _THE_COUNTRY.search(text):
        # "the country's foreign minister": the state named last before the phrase; else unnamed,
        # never an actor called "country's foreign minister"
        country = _last_state(context) if context else None
        if country is None:
            return Actor(text=text, sector=sector)
    if country is None and _NO_NATION.search(text):
        return Actor(text=text, name=text, sector=sector)  # "Western diplomats": of no one country
    if country is None and context:
        # a bare role ("the foreign minister") is the context's; a titled stranger the sentence's
        role = text[:role_end].split()[-1] if role_end > 0 else None
        country = context_country(context, role, max(0, len(context) - 300) if names else 0)
    if country is None and sector not in ("CVL", "REF"):
        return Actor(text=text, name=text, sector=sector)
    return sector_actor(text, country, sector)


def resolve_actor(text: str, context: str | None = None) -> Actor | None:
    """The actor a mention refers to ("the Kremlin", "Kyiv", "pro-Russia separatists"), or None."""
    raw = text.strip()
    if not raw:
        return None
    clean = _POSS.sub("", _LEAD.sub("", raw)).strip(" ,.;:\"'“”")
    g = gazetteer()
    hits = g.lookup(clean)
    if hits:
        return _actor(raw, hits[0])
    group = group_actor(raw, context)
    if group is not None:
        return group
    actor = resolve_phrase(clean, context)
    if actor is not None:
        return actor
    person = _person_fuzzy(clean)
    if person is not None:
        return _actor(raw, person)
    return None


def resolve_place(text: str) -> Place | None:
    """A gazetteer place with its country, or None."""
    clean = _POSS.sub("", _LEAD.sub("", text.strip())).strip(" ,.;:")
    for entry in gazetteer().lookup(clean):
        if entry.kind in ("country", "capital", "place"):
            return Place(text=text, name=entry.name, id=entry.id, country=entry.country)
    if clean[:1].isupper():
        found = world_places.lookup(clean)
        if found is not None:
            return found.model_copy(update={"text": text})
    return None


def country_of(text: str) -> str | None:
    """The ISO alpha-3 country a name, demonym, capital, place or known person belongs to."""
    actor = resolve_actor(text)
    if actor is not None and actor.country:
        return actor.country
    place = resolve_place(text)
    return place.country if place else None


_GAP_OK = re.compile(r"^[\s\-,]*(?:['’]s)?[\s\-]*$")


def actor_for_span(doc: NlpDoc, start: int, end: int) -> Actor | None:
    """The actor of the entities inside or overlapping a span (a clause's subject or object).

    A person wins over the organisation or country in the same noun phrase ("Kremlin spokesman
    Dmitry Peskov"); a proxy-group phrase wins over the backer it names ("pro-Russia separatists").
    """
    body = doc.body
    text = body[start:end]
    context = body[:end]
    group = group_actor(text, body)
    if group is not None and re.search(r"\bpro[-\s]|-(?:backed|supported|sponsored|allied|aligned)\b|separatist|rebel",
                                       text, re.I):
        return group
    inside: list[Entity] = [e for e in doc.entities if e.start < end and e.end > start and e.actor is not None]
    inside.sort(key=lambda e: e.start)
    if inside:
        # the first noun phrase: entities joined only by role words
        first = [inside[0]]
        for ent in inside[1:]:
            gap = body[first[-1].end:ent.start]
            if _GAP_OK.match(gap) or role_sector(gap)[0] is not None and len(gap) < 60 and "," not in gap:
                first.append(ent)
            else:
                break
        person = next((e for e in first if e.type == "PERSON"), None)
        if person is not None:
            return person.actor
        phrase = body[first[0].start:min(end, first[-1].end + 40)]
        sector, _ = role_sector(body[first[-1].end:min(end, first[-1].end + 40)])
        if sector is not None:
            head = first[-1].actor
            if head is not None and head.country and not head.code:
                return resolve_phrase(phrase, context) or head
        return first[0].actor
    return resolve_phrase(text, context) if role_sector(text)[0] is not None else None


def person_id(name: str) -> str:
    """A canonical id for a person not in the KB, the same for transliteration variants."""
    return "person:" + fold_id(name)
