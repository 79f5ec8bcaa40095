"""Entities (built-in rules backend): gazetteer names, titled people, organisations, with actors.

Capitalised runs of words are matched against the gazetteers (longest first); what is left is
a PERSON when a title, honorific, role word or known first name introduces it, an ORG when it
carries an organisation keyword, and is dropped otherwise (precision over recall). Each entity
gets a canonical id so spelling variants are one entity, and the actor it stands for.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import NamedTuple

from spacy.attrs import IDX, LENGTH
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from flashpoint.model import Actor, Entity
from flashpoint.nlp import world_places
from flashpoint.nlp.actors import (
    STATELESS_SECTORS,
    before_post,
    country_counts,
    entry_actor,
    host_country,
    numbered_group,
    resolve_phrase,
    role_sector,
    sector_actor,
)
from flashpoint.nlp.document import NlpDoc, doc_text, words_near
from flashpoint.nlp.gazetteer import Entry, fold, fold_head, fold_id, gazetteer, plain, slug, spelled_like
from flashpoint.nlp.inflect import shaped
from flashpoint.nlp.language import name_patterns, names, people
from flashpoint.nlp.regexes import longest_first

_NAMES = names()  # resources/lang/en/entities.yaml
_CONNECTORS = _NAMES.name_connectors
_PARTICLES = _NAMES.surname_particles
_COORDINATORS = _NAMES.name_coordinators
_COORDINATED = re.compile(rf"\b{longest_first(_COORDINATORS)}\b")
_OF = _NAMES.genitive_prepositions
_NUMBER_AFTER = re.compile(rf"\s+(?:\d|{longest_first(_NAMES.number_names)}\b)")
# the title word right before a name must be one of these heads ("Foreign Minister X", not "Security X")
_TITLE_HEADS = _NAMES.title_heads
# role nouns that, right before a capitalised name, say it is a person ("spokesman Dmitry Peskov")
_PERSON_HEADS = frozenset({w.lower() for w in _TITLE_HEADS} | _NAMES.person_role_words)
_EVENT_WORDS = _NAMES.event_words
_NAME_PATTERNS = name_patterns()  # the words around a name (lang/en/entities.yaml)
_APPOSITIVE = _NAME_PATTERNS("appositive")  # "X, the foreign minister, said"
_NATIONALITY_AFTER = _NAME_PATTERNS("nationality_after")  # "Julian Assange, an Australian,"
_NATIONALITY_EPITHET = _NAME_PATTERNS("nationality_epithet")  # "... The 48-year-old | Australian was evicted"
_ABBREVIATED = _NAMES.abbreviations
_ROLE_MODIFIERS = _NAMES.role_modifiers
_NP_MODIFIERS = _NAMES.noun_phrase_modifiers
_LOCATIVE = _NAMES.locative_words
_PLACE_AFTER = _NAMES.place_nouns_after
_GROUP_AFFIX = re.compile(rf"^[-\s]{longest_first(names().backer_affixes)}\b")
_COMMON = frozenset(STOP_WORDS) | _NAMES.calendar_words | _NAMES.common_words


class _Tok(NamedTuple):
    """A word of the body. A tuple of plain values: the collector stops tracking it, so a long
    document's thousands of tokens cost no garbage-collection passes."""

    start: int
    end: int  # without a possessive 's
    text: str
    cap: bool
    poss: bool


_APOSTROPHES = "'’"
_APOSTROPHE_SET = frozenset(_APOSTROPHES)
_POSSESSIVE_MARKS = frozenset({*_NAMES.possessive_marks, *_NAMES.possessive_apostrophes})  # "'s", "’"


def _tokens(doc: Doc) -> list[_Tok]:
    """The body's words as the name finder reads them, from the Doc's tokens (issue 11: one tokenisation).

    Four small differences from the tokens, all general: a possessive mark glued to its word ("Kyiv’s",
    "Jones'") is a flag of that word, not a word; another clitic glued to its word ("don't", "they're") is part
    of it, and so is a token the tokenizer split off with no mark between ("512GB", "cannot"); and a token with
    inner marks ("U.S.", "COVID-19", "U.S.-led", "Lt.") is read as its letter runs
    (`_letter_runs`), since the name rules join "U" "S" over a dot and a hyphen's two sides as words. Read
    from the doc's arrays: no Token object is made of each word."""
    text = doc_text(doc)
    out: list[_Tok] = []
    last_end = -1  # where the last word's token ended (a possessive mark shortens the word, not this)
    for i, n in zip(doc.to_array(IDX).tolist(), doc.to_array(LENGTH).tolist(), strict=True):
        word = text[i:i + n]
        if i == last_end and out and not _APOSTROPHE_SET.isdisjoint(word):  # a test at C speed, most tokens fail
            prev = out[-1]
            if word in _POSSESSIVE_MARKS:
                out[-1] = prev._replace(poss=True)
            elif not prev.poss:
                out[-1] = prev._replace(end=i + n, text=text[prev.start:i + n])
            last_end = i + n
            continue
        for s, e in [(0, n)] if word.isalnum() else _letter_runs(word):  # most tokens are one run: no call for them
            if s == 0 and out and out[-1].end == i and not out[-1].poss:  # "512GB", "cannot": split, no mark between
                out[-1] = out[-1]._replace(end=i + e, text=text[out[-1].start:i + e])
            else:
                out.append(_Tok(i + s, i + e, word[s:e], word[s].isupper(), False))
            last_end = i + n
    return out


def _letter_runs(word: str) -> list[tuple[int, int]]:
    """The runs of letters and digits of one token, an apostrophe between two letters kept ("O’Brien"):
    "U.S." -> "U", "S"; "COVID-19" -> "COVID", "19"; most tokens are one run."""
    if word.isalnum():
        return [(0, len(word))]  # most tokens: one run, told at C speed
    runs: list[tuple[int, int]] = []
    start = -1
    for k, c in enumerate(word):
        inner = c in _APOSTROPHES and 0 < k < len(word) - 1 and start >= 0 and word[k + 1].isalnum()
        if c.isalnum() or inner:
            start = k if start < 0 else start
        elif start >= 0:
            runs.append((start, k))
            start = -1
    if start >= 0:
        runs.append((start, len(word)))
    return runs


def _joinable(body: str, a: _Tok, b: _Tok) -> bool:
    """Two tokens belong to one name when only a space, hyphen or an initial's dot separates them."""
    gap = body[a.end:b.start]
    if a.poss:
        # "Ukraine's President" is two names; "People's Liberation Army" one
        return a.text in _NAMES.possessive_name_heads and gap in ("'s ", "’s ")
    if gap in (" ", "-", "\u00a0"):
        return True
    return (len(a.text) == 1 and a.text.isupper() or a.text in _ABBREVIATED) and gap in (".", ". ")


def _hyphen_tail(body: str, toks: list[_Tok], j: int) -> bool:
    """A short or hyphen-joined lower-case tail of a capitalised word: 'Kim Jong-un', 'Rostov-on-Don'."""
    n = len(toks)
    if body[toks[j - 1].end:toks[j].start] != "-" or not toks[j - 1].cap:
        return False
    if len(toks[j].text) <= 3 or body[toks[j].end:toks[j].end + 1] == "-" or _given_name_syllable(body, toks, j):
        return True
    return j + 1 < n and _joinable(body, toks[j], toks[j + 1]) and (
        toks[j + 1].cap or toks[j + 1].text.lower() in _CONNECTORS)


def _given_name_syllable(body: str, toks: list[_Tok], j: int) -> bool:
    """'Kim Yo-jong', 'Yoon Suk-yeol', 'Lee Jae-myung': a tail of four or five letters after a short capitalised
    syllable that a capitalised surname comes right before ("the UK-based group", "Kremlin-linked", "a U-turn" are
    none)."""
    tail, head = toks[j].text, toks[j - 1]
    return len(tail) <= 5 and tail.isalpha() and not (shaped("past", tail) or shaped("gerund", tail)) and 2 <= len(head.text) <= 4 and \
        head.text[1:].islower() and j >= 2 and toks[j - 2].cap and body[toks[j - 2].end:head.start] == " "


def _connector_bridge(body: str, toks: list[_Tok], j: int) -> int | None:
    """The capitalised word that lower-case connectors from j lead to ('Secretary of State',
    'Organization for Security and Co-operation'), or None."""
    n = len(toks)
    k = j
    while k < n and not toks[k].cap and toks[k].text.lower() in _CONNECTORS and _joinable(body, toks[k - 1], toks[k]):
        k += 1
    if k > j and k < n and toks[k].cap and _joinable(body, toks[k - 1], toks[k]):
        return k
    return None


def _run_from(body: str, toks: list[_Tok], i: int) -> list[int]:
    """The run of name words starting at the capitalised token i."""
    run = [i]
    j = i + 1
    while j < len(toks) and _joinable(body, toks[j - 1], toks[j]):
        if toks[j].cap or _hyphen_tail(body, toks, j):
            run.append(j)
            j += 1
            continue
        k = _connector_bridge(body, toks, j)
        if k is None:
            break
        run.extend(range(j, k + 1))
        j = k + 1
    return run


def _particle_start(body: str, toks: list[_Tok], i: int) -> bool:
    """'al-Qaeda', 'el-Sisi': a lower-case name particle hyphened to a capitalised word starts a name."""
    return toks[i].text in _PARTICLES and i + 1 < len(toks) and toks[i + 1].cap and \
        body[toks[i].end:toks[i + 1].start] == "-"


def _runs(body: str, toks: list[_Tok]) -> list[list[int]]:
    """Maximal runs of capitalised tokens, lowercase connectors allowed inside."""
    runs: list[list[int]] = []
    i = 0
    while i < len(toks):
        if not (toks[i].cap or _particle_start(body, toks, i)):
            i += 1
            continue
        run = _run_from(body, toks, i)
        runs.append(run)
        i = run[-1] + 1
    return runs


@dataclass
class _Found:
    start: int
    end: int
    type: str
    id: str
    name: str
    entry: Entry | None = None
    actor: Actor | None = None
    role_phrase: str = ""


_POSSESSIVE_END = re.compile(_NAMES.possessive + "$")  # "Ukraine's"
_INNER_MARKS = "’'-._"  # what a word written before a name holds besides letters and digits ("Ukraine's", "vice-")


def _words_before(doc: Doc, pos: int, reach: int = _NAMES.title_reach) -> list[tuple[int, int]]:
    """The words of the `reach` characters before `pos` (`document.words_near`), by default as far back as a name's
    title may start (entities.yaml title_reach)."""
    return words_near(doc, max(0, pos - reach), pos, _INNER_MARKS)


def _last_word(doc: Doc, lo: int, hi: int) -> str:
    """The last word with a letter or digit between two offsets (`document.words_near`), lower case, without the dots and
    hyphens at its ends ("spokesman", not "spokesman."), or ""."""
    words = [doc_text(doc)[s:e] for s, e in words_near(doc, lo, hi, _INNER_MARKS)]
    return next((w.strip(".-").lower() for w in reversed(words) if any(c.isalnum() for c in w)), "")


def _first_word(doc: Doc, lo: int, hi: int) -> str:
    """The first word with a letter or digit between two offsets, as `_last_word` reads it."""
    words = [doc_text(doc)[s:e] for s, e in words_near(doc, lo, hi, _INNER_MARKS)]
    return next((w.strip(".-").lower() for w in words if any(c.isalnum() for c in w)), "")


def _preceding_role(doc: Doc, pos: int) -> str:
    """The role words just before a name: 'Kremlin spokesman ', 'Ukraine's foreign minister '. Read first from the
    words of the 24 characters before it, and from all a title may hold (entities.yaml title_reach) only where that
    reads its first word (which the shorter window may cut) or finds none: most names have no role and stop at the
    word before them."""
    start, lowest = _role_start(doc_text(doc), _words_before(doc, pos, _SHORT_REACH), pos)
    if lowest <= 0 and pos > _SHORT_REACH:
        start, _ = _role_start(doc_text(doc), _words_before(doc, pos), pos)
    return doc_text(doc)[start:pos]


_SHORT_REACH = 24


def _role_start(body: str, words: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    """Where the role words before `pos` start, and the lowest index of `words` read to tell (-1: none there)."""
    g = gazetteer()
    start = pos
    i = len(words)
    lowest = i - 1
    while i > 0:
        i -= 1
        lowest = min(lowest, i)
        ws, we = words[i]
        gap = body[we:start]
        if gap.strip() not in ("",) or "\n" in gap:
            break
        word = body[ws:we]
        if word.endswith(".") and len(word) > 4:
            break  # the previous sentence ended there
        w = word.strip(".")
        low = w.lower()
        if start == pos and low in _COORDINATORS:
            break  # "King and Weeks": a second name, not a role ending in "and"
        bare = _POSSESSIVE_END.sub("", w)
        first = _listed_name_ending(body, words, i) if bare[:1].isupper() else None
        lowest = min(lowest, i - 4) if bare[:1].isupper() else lowest  # the words _listed_name_ending may read
        if first is not None:  # "United Nations spokesman", "Save the Children spokesman": the whole listed name
            i, start = first, words[first][0]
            continue
        if (role_sector(low)[0] is not None or low in _CONNECTORS or w in g.title_words
                or (bare[:1].isupper() and g.lookup(bare)) or low in _ROLE_MODIFIERS
                or _posting_of(body, words, i)):
            start = ws
            continue
        break
    return start, lowest


def _posting_of(body: str, words: list[tuple[int, int]], i: int) -> bool:
    """Word `i` is the preposition of a posted role's post ('British Ambassador to | Ukraine', roles.yaml
    posted_roles): the role goes on before it, so the holder's own nationality is read with it."""
    return i > 0 and before_post(body[words[i - 1][0]:words[i][1]]) < words[i][1] - words[i - 1][0]


def _listed_name_ending(body: str, words: list[tuple[int, int]], i: int) -> int | None:
    """The first word of a listed name of two to four words that ends with word `i` ("United Nations",
    "International Committee of the Red Cross"), or None."""
    g = gazetteer()
    end = words[i][1]
    for j in range(i - 1, max(-1, i - 5), -1):
        name = _POSSESSIVE_END.sub("", body[words[j][0]:end])
        if "\n" in name:
            return None
        if body[words[j][0]:words[j][0] + 1].isupper() and g.lookup(name):
            return j
    return None


def _is_common(tok: _Tok) -> bool:
    return tok.text.lower() in _COMMON


@lru_cache(maxsize=4096)
def _first_name(word: str) -> bool:
    return fold(word) in gazetteer().first_names


_LOCATIVE_BEFORE = _NAME_PATTERNS("locative_before")  # "fighting in the", "the town of"


def _unlisted_town(body: str, toks: list[_Tok], idx: list[int]) -> _Found | None:
    """'in Barda', 'near Kiryat Shmona', 'the town of Tartar': a capitalised
    name after a place word that GeoNames knows is a town the gazetteer does not list."""
    s, e = toks[idx[0]].start, toks[idx[-1]].end
    if len(idx) > 3 or not _LOCATIVE_BEFORE.search(body, max(0, s - 24), s):
        return None
    place = world_places.lookup(body[s:e])
    if place is None or not place.id:
        return None
    entry = Entry(id=place.id, name=place.name or body[s:e], type="GPE", kind="place", country=place.country)
    return _Found(s, e, "GPE", place.id, entry.name, entry)


def _trimmed(toks: list[_Tok], idx: list[int]) -> list[int]:
    """The run's words without leading common words or connectors and trailing connectors."""
    g = gazetteer()
    while idx and (_is_common(toks[idx[0]]) and toks[idx[0]].text not in g.title_words or
                   toks[idx[0]].text.lower() in _CONNECTORS and not _opens_name(toks, idx)):
        idx = idx[1:]
    while idx and toks[idx[-1]].text.lower() in _CONNECTORS:
        idx = idx[:-1]
    return idx


def _opens_name(toks: list[_Tok], idx: list[int]) -> bool:
    """'Al Sharif', 'De Gaulle': a capitalised particle before more name is part of it."""
    return len(idx) > 1 and toks[idx[0]].cap and toks[idx[0]].text.lower() in _PARTICLES


def _is_title(tok: _Tok) -> bool:
    g = gazetteer()
    return tok.text in g.title_words or tok.text.rstrip(".") in g.honorifics


def _title_and_name(toks: list[_Tok], idx: list[int]) -> tuple[list[int], list[int]]:
    """The title words up to the last one, and the words after them that may be a name. A title that
    does not end in a head word ('Security') names no one unless a head came earlier and a full or
    first name follows."""
    last_title = max((k for k, i in enumerate(idx) if _is_title(toks[i])
                      and not (k > 0 and _first_name(toks[idx[k - 1]].text))), default=-1)  # "Kevin King"
    title_idx, name_idx = idx[:last_title + 1], idx[last_title + 1:]
    if title_idx and toks[title_idx[-1]].text.rstrip(".") not in _TITLE_HEADS:
        has_head = any(toks[i].text.rstrip(".") in _TITLE_HEADS for i in title_idx)
        if not (has_head and name_idx and (len(name_idx) >= 2 or _first_name(toks[name_idx[0]].text))):
            name_idx = []
    return title_idx, name_idx


def _event_name(body: str, toks: list[_Tok], idx: list[int]) -> _Found | None:
    """'Munich Security Conference', 'Orange Revolution', 'Operation Inherent Resolve'."""
    if len(idx) < 2 or (toks[idx[-1]].text not in _EVENT_WORDS and toks[idx[0]].text not in _NAMES.event_name_openers):
        return None
    s, e = toks[idx[0]].start, toks[idx[-1]].end
    name = body[s:e]
    return _Found(s, e, "EVENT", "event:" + slug(name), name)


def _person_of(toks: list[_Tok], idx: list[int], org_at: int) -> tuple[int, int] | None:
    """'Dr. Joneigh Khaldun of the Michigan Department of Health', 'John Smith of the Interior Ministry': a title
    or a known first name, two to four name words, then "of" and the body: where the name starts and "of" is."""
    first = next((k for k, i in enumerate(idx) if not _is_title(toks[i])), len(idx))
    k_of = next((k for k in range(first + 2, org_at) if toks[idx[k]].text in _OF), None)
    if k_of is None:
        return None
    words = [toks[i] for i in idx[first:k_of]]
    named = first > 0 or _first_name(words[0].text)
    return (first, k_of) if len(words) <= 4 and named and all(t.cap and not _is_common(t) for t in words) else None


def _org_ending_at(body: str, toks: list[_Tok], idx: list[int], org_at: int) -> list[_Found]:
    """'Security Council', 'Defence Ministry', 'Azov Battalion': the ORG ends at its keyword; a person's
    title before it ('Secretary of the Security Council') is not part of it."""
    start_k = 0
    for k in range(org_at - 1, 0, -1):
        if toks[idx[k]].text in _OF and toks[idx[k - 1]].text.rstrip(".") in _TITLE_HEADS:
            start_k = k + 1
            break
    while start_k < org_at and (toks[idx[start_k]].text.lower() in _CONNECTORS
                                or toks[idx[start_k]].text.rstrip(".") in _TITLE_HEADS):
        start_k += 1
    if org_at <= start_k or all(_is_common(toks[i]) for i in idx[start_k:org_at + 1]):
        return []
    s, e = toks[idx[start_k]].start, toks[idx[org_at]].end
    name = body[s:e]
    return [_Found(s, e, "ORG", "org:" + slug(name), name)]


def _name_words(toks: list[_Tok], idx: list[int], title_idx: list[int], name_idx: list[int]) -> list[int]:
    """The words that can be a person's name, or none: at most four, before any connector ('Ann Lee of
    Sioux Falls'), no 'and' ('Kate and Caitlyn'), not all common words, not after a connector."""
    cut = next((k for k, i in enumerate(name_idx) if toks[i].text.lower() in _CONNECTORS
                and not _particle_inside(toks, name_idx, k)), None)
    if cut is not None:
        name_idx = name_idx[:cut]
    if not name_idx or sum(toks[i].text.lower() not in _PARTICLES for i in name_idx) > 4:
        return []
    if title_idx and toks[title_idx[-1]].text.lower() in _CONNECTORS:
        return []
    if any(toks[i].text.lower() in _COORDINATORS for i in name_idx):
        return []
    k0 = idx.index(name_idx[0])
    if k0 > 0 and toks[idx[k0 - 1]].text.lower() in _CONNECTORS:
        return []
    if all(_is_common(toks[i]) for i in name_idx) and not _addressed(toks, title_idx):
        return []  # "Security", "Will"; but "Mrs May", "Mr Brown" are people
    return name_idx


def _particle_inside(toks: list[_Tok], name_idx: list[int], k: int) -> bool:
    """'Charles de Gaulle', 'Anas Al Sharif': a name particle with more name after it."""
    return toks[name_idx[k]].text.lower() in _PARTICLES and k + 1 < len(name_idx) and toks[name_idx[k + 1]].cap


def _addressed(toks: list[_Tok], title_idx: list[int]) -> bool:
    """The name follows a form of address (Mr, Mrs, Ms, Dr, Sir ...): it names a person even when it
    is also a common word."""
    return bool(title_idx) and toks[title_idx[-1]].text.lower() in people().honorifics


@dataclass
class _Name:
    """A candidate person's name and what introduces it."""

    start: int
    end: int
    text: str
    key: str  # folded
    title: str  # the last title word, lower case ("" when none)
    titled: bool  # a title or a person role word before it
    honorific: bool  # Mr, Mrs, Dr ...
    role_phrase: str


def _name_of(body: str, toks: list[_Tok], idx: list[int], title_idx: list[int], name_idx: list[int],
             before: str, role_head: bool) -> _Name:
    """The candidate name; `role_head`: the last word of the role words `before` it is a person's role noun."""
    s, e = toks[name_idx[0]].start, toks[name_idx[-1]].end
    title_tok = toks[title_idx[-1]] if title_idx else None
    return _Name(start=s, end=e, text=body[s:e], key=fold(body[s:e]),
                 title=title_tok.text.lower() if title_tok else "",
                 titled=bool(title_idx) or role_head
                 or _role_across_place(body, toks, name_idx),
                 honorific=title_tok is not None and title_tok.text.rstrip(".") in gazetteer().honorifics,
                 role_phrase=(before + body[toks[idx[0]].start:s]) if title_idx else before)


# a role word, then the place or body it serves, right before a name ("special envoy to Ukraine | Kurt Volker")
_ROLE_ACROSS_PLACE = _NAME_PATTERNS("role_across_place")
_OF_AFTER_NAME = _NAME_PATTERNS("of_after_name")  # "New York University | of Law": a body's name goes on


def _role_across_place(body: str, toks: list[_Tok], name_idx: list[int]) -> bool:
    """'former special envoy to Ukraine Kurt Volker', 'ambassador to the United Nations Linda X': a person's role
    word runs across the place or body it serves straight into a name of two words or more, which it makes a
    person's; not a body's name ('professor at New York University's Stern School of Business')."""
    s, e = toks[name_idx[0]].start, toks[name_idx[-1]].end
    if len(name_idx) < 2 or any(toks[i].text in gazetteer().org_keywords for i in name_idx) or \
            _OF_AFTER_NAME.match(body[e:e + 6]):
        return False
    m = _ROLE_ACROSS_PLACE.search(body, max(0, s - _NAMES.title_reach), s)
    return m is not None and m.group(1).lower() in _PERSON_HEADS


def _person_found(name: _Name, entry: Entry) -> _Found:
    return _Found(name.start, name.end, "PERSON", entry.id, entry.name, entry, None, name.role_phrase)


def _surname_person(body: str, word: str, name: _Name, local: dict[str, _Found]) -> _Found | None:
    """The person a surname alone names: one named earlier in this article, else a KB person whose
    full name the article writes (or whom the KB marks as known by surname, 'Putin'), spelled alike,
    of the honorific's gender, and not one word of a longer proper name."""
    known = local.get(name.key)
    if known is not None:
        return _Found(name.start, name.end, "PERSON", known.id, known.name, known.entry, known.actor,
                      known.role_phrase)
    # "Sharif" in a place name or "Safadi" a villager is no minister
    bucket = gazetteer().surnames.get(name.key, [])
    named = [p for p in bucket if fold(p.name) in fold(body)]
    candidates = named or (bucket if len(bucket) == 1 and bucket[0].by_surname else [])
    candidates = [p for p in candidates if spelled_like(word, p.name) and _same_gender(name.title, p.name)
                  and not _inside_longer_name(body, name.start, name.end)]
    if len(candidates) == 1 and (name.titled or name.honorific or len(name.key) >= 4):
        return _person_found(name, candidates[0])
    return None


def _person(doc: Doc, toks: list[_Tok], name_idx: list[int], name: _Name, local: dict[str, _Found]) -> _Found | None:
    """A PERSON: a surname of someone known, or a name a title, honorific, role word, known first name
    or appositive role introduces; never an acronym."""
    body = doc_text(doc)
    introduced = name.titled or name.honorific
    if len(name_idx) == 1:
        known = _surname_person(body, toks[name_idx[0]].text, name, local)
        if known is not None:
            return known
        if not introduced:
            return None
    elif not (introduced or _first_name(toks[name_idx[0]].text) or _appositive_person(doc, name.end)):
        return None
    if any(toks[i].text.isupper() and len(toks[i].text) > 1 for i in name_idx):
        return None  # acronyms are not names
    person = gazetteer().people.get(name.key)
    if person is not None:
        return _person_found(name, person)
    return _Found(name.start, name.end, "PERSON", "person:" + fold_id(name.text), name.text, None, None,
                  name.role_phrase)


def _gap_entities(doc: Doc, toks: list[_Tok], idx: list[int], before: str, local: dict[str, _Found]) -> list[_Found]:
    """Classify the unmatched words of a run: a titled or first-named PERSON, an ORG, or nothing. `before`: the
    role words right before the run."""
    body = doc_text(doc)
    at = toks[idx[0]].start
    role_head = _last_word(doc, at - len(before), at) in _PERSON_HEADS
    idx = _trimmed(toks, idx)
    if not idx:
        return []
    town = _unlisted_town(body, toks, idx)
    if town is not None:
        return [town]
    title_idx, name_idx = _title_and_name(toks, idx)
    event = _event_name(body, toks, idx)
    if event is not None:
        return [event]
    last_title = len(title_idx) - 1
    out: list[_Found] = []
    org_at = max((k for k, i in enumerate(idx) if toks[i].text in gazetteer().org_keywords), default=-1)
    if org_at >= 0 and (not name_idx or org_at > last_title):
        person_of = _person_of(toks, idx, org_at)
        if person_of is not None:  # the person before "of" is named below, the body after it here
            first, k_of = person_of
            out = _org_ending_at(body, toks, idx[k_of + 1:], org_at - k_of - 1)
            title_idx, name_idx = idx[:first], idx[first:k_of]
        else:
            out = _org_ending_at(body, toks, idx, org_at)
            if org_at > last_title:
                return out
    name_idx = _name_words(toks, idx, title_idx, name_idx)
    if not name_idx:
        return out
    person = _person(doc, toks, name_idx, _name_of(body, toks, idx, title_idx, name_idx, before, role_head), local)
    return [*out, person] if person is not None else out


def _same_gender(title: str, full_name: str) -> bool:
    """'Mrs Clinton' is not a man of that surname: an honorific's gender against the given name's."""
    ppl = people()
    want = ppl.honorifics.get(title) or ppl.honorifics.get(title + ".")
    first = plain(full_name.split()[0])
    if not want or first in ppl.either_given_names:
        return True
    # a woman's honorific needs a woman's given name; a man's is refused only a woman's
    return first in ppl.female_given_names if want == "female" else first not in ppl.female_given_names


def _inside_longer_name(body: str, start: int, end: int) -> bool:
    """'Mazar-i-Sharif', 'Channel 14', 'Air Force One': the word is one part of a longer proper name."""
    before, after = body[max(0, start - 2):start], body[end:end + 12]
    if re.search(r"\w[-‐–]$", before) or re.match(r"[-‐–]\w", after):
        return True
    return bool(_NUMBER_AFTER.match(after))


def _appositive_person(doc: Doc, end: int) -> bool:
    """'Shushan Stepanyan, the defence ministry spokeswoman,': a person role right after the name."""
    m = _APPOSITIVE.match(doc_text(doc), end)
    return m is not None and _last_word(doc, m.start(1), m.end(1)) in _PERSON_HEADS


def _words_after(doc: Doc, end: int, reach: int = 40) -> list[str]:
    """The first three words in the `reach` characters after `end` that only spaces part, past a possessive mark at
    `end`, from the Doc's tokens: a word is its tokens of letters, digits and hyphens written together ("vice",
    "-", "president"); another mark ends the words ("minister's", "forces.": "minister", "forces")."""
    text = doc_text(doc)
    hi = min(len(text), end + reach)
    words: list[tuple[int, int]] = []
    after = end  # where the words may start: past the possessive mark
    for t in doc.char_span(end, hi, alignment_mode="expand") or ():
        s, e = max(t.idx, end), min(t.idx + len(t), hi)
        piece = text[s:e]
        if s == end and piece in _POSSESSIVE_MARKS:
            after = e
        elif piece.isspace():
            continue
        elif not all(c.isalnum() or c in "-_" for c in piece):
            break
        elif words and words[-1][1] == s:
            words[-1] = (words[-1][0], e)
        elif len(words) < 3 and (text[words[-1][1] if words else after:s].isspace() or not words and s == after):
            words.append((s, e))
        else:
            break
    return [text[s:e] for s, e in words]


def _sector_after(doc: Doc, end: int) -> str | None:
    """A role noun right after a demonym or possessive: 'Russian forces' -> MIL, 'Ukraine's foreign minister' -> GOV."""
    # extend the noun phrase while words are role words or modifiers; the head noun decides
    parts: list[str] = []
    found: str | None = None
    for w in _words_after(doc, end):
        parts.append(w)
        phrase = " ".join(parts)
        sector, role_end = role_sector(phrase)
        if sector is not None and role_end == len(phrase):
            found = sector
            continue
        if w.lower() in _NP_MODIFIERS:
            continue
        break
    return found


class _Known:
    """The people named so far in this document, by folded full name and surname, with the first
    words of those keys (the dictionary only ever gains keys)."""

    def __init__(self) -> None:
        self.people: dict[str, _Found] = {}
        self._heads: set[str] = set()
        self._heads_n = 0

    def heads(self) -> set[str]:
        if self._heads_n != len(self.people):
            self._heads, self._heads_n = {k.split(" ", 1)[0] for k in self.people}, len(self.people)
        return self._heads


def _may_start_name(piece: str, known: _Known) -> bool:
    """A window whose first word starts no known name cannot match: it is not folded whole."""
    head = fold_head(piece)
    return head in gazetteer().heads() or head in known.heads()


def _known_person(body: str, toks: list[_Tok], run: list[int], i: int, j: int, piece: str,
                  known: _Known) -> _Found | None:
    """The person this window names who was named earlier in the document; a country of that name wins
    ('Michael Jordan ... visited Jordan'), and a word followed by more name is not them ('Tucker
    Carlson' after 'Emma Tucker')."""
    found = known.people.get(fold(piece))
    if found is None or found.type != "PERSON":
        return None
    if j == i and any(h.kind == "country" for h in gazetteer().lookup(piece)):
        return None
    if j == i and j + 1 < len(run) and toks[run[j + 1]].text.lower() not in _CONNECTORS and \
            body[toks[run[j]].end:toks[run[j + 1]].start] == " ":
        return None
    return found


def _listed(piece: str, toks: list[_Tok], run: list[int], i: int, j: int) -> Entry | None:
    """The gazetteer entry the window names; 'Eu', 'Who' are not the EU or the WHO, and a common word
    alone is no KB person."""
    hits = gazetteer().lookup_as_written(piece)
    if hits and not (j == i and hits[0].kind == "person" and _is_common(toks[run[i]])) and \
            not _given_name_folded_to(piece, hits[0]):
        return hits[0]
    return None


def _given_name_folded_to(word: str, entry: Entry) -> bool:
    """'Hanna Malyar': a given name (first_names.yaml) that only folds like a listed place ("Hanna" and "Ghana" fold
    alike), written unlike its name, is the given name, not the place ("Jordan", "Georgia" are written as theirs)."""
    return entry.kind != "person" and " " not in word and _first_name(word) and not spelled_like(word, entry.name)


def _window_match(body: str, toks: list[_Tok], run: list[int], i: int, known: _Known) -> tuple[int, _Found] | None:
    """The longest window of the run from word i that names someone known or a gazetteer entry."""
    g = gazetteer()
    # after a particle the words are the tail of a longer name ("Anas Al Sharif", "Yousef Al Saudi"): only
    # someone this article named can be meant ("El Deif" after Mohammed Deif)
    tail = i > 0 and toks[run[i - 1]].text.lower() in _PARTICLES
    if tail and i > 1:
        return None  # "Fritz Eckart von Weizsäcker" is not the Richard von Weizsäcker named before him
    for j in range(min(len(run), i + g.max_words + 2) - 1, i - 1, -1):
        if toks[run[j]].text.lower() in _CONNECTORS or not _may_open_window(body, toks, run, i, j):
            continue
        s, e = toks[run[i]].start, toks[run[j]].end
        piece = body[s:e]
        if j == i and len(piece) < 2:
            continue
        if j > i and not _may_start_name(piece, known):
            continue
        person = _known_person(body, toks, run, i, j, piece, known)
        if person is not None:
            return j, _Found(s, e, "PERSON", person.id, person.name, person.entry, person.actor, person.role_phrase)
        entry = None if tail else _listed(piece, toks, run, i, j)
        if entry is not None and not _head_of_longer_place(toks, run, j, entry):
            return j, _found_from(piece, s, e, entry)
    return None


def _may_open_window(body: str, toks: list[_Tok], run: list[int], i: int, j: int) -> bool:
    """A connector opens a window only as a name's own first word: 'Al Jazeera', 'The Hague', 'al-Qaeda'
    (not 'the Netherlands', whose name starts after 'the')."""
    first = toks[run[i]]
    if first.text.lower() not in _CONNECTORS:
        return True
    return j > i and (first.cap or body[first.end:first.end + 1] == "-")


def _head_of_longer_place(toks: list[_Tok], run: list[int], j: int, entry: Entry) -> bool:
    """'Gulf of Aden', 'Gulf of Mexico': a listed place that 'of' and a name continue is the head of
    another place's name, not itself ('the Gulf' alone is the Persian Gulf)."""
    return entry.kind == "place" and j + 2 < len(run) and toks[run[j + 1]].text in _OF and toks[run[j + 2]].cap


def _place_as_surname(body: str, toks: list[_Tok], gap: list[int], tok: _Tok, found: _Found) -> bool:
    """'Michael Jordan', 'Paris Hilton', 'Mr Sudan': a first name or honorific makes a one-word place a surname."""
    if found.type not in ("GPE", "LOC", "NORP") or not gap:
        return False
    prev = toks[gap[-1]]
    if prev.text.lower() in _NAMES.articles:
        return False  # "An Israeli strike": an article, though "An" is also a given name
    return (_first_name(prev.text) or prev.text.rstrip(".").lower() in people().honorifics) and \
        body[prev.end:tok.start] in (" ", ". ")


def _numbered_place(body: str, f: _Found, nxt: _Tok) -> bool:
    """'the Bucharest Nine': a one-word place the next word of its run numbers is a group's name
    (actors.numbered_group)."""
    return f.type in ("GPE", "LOC", "NORP") and nxt.start == f.end + 1 and numbered_group(body, f.end)


def _run_entities(doc: Doc, toks: list[_Tok], run: list[int], known: _Known) -> list[_Found]:
    """The entities of one run: gazetteer and known names, longest first; the words between them
    classified by the rules."""
    body = doc_text(doc)
    local = known.people
    i = 0
    gap: list[int] = []
    run_found: list[_Found] = []
    while i < len(run):
        match = _window_match(body, toks, run, i, known)
        if match is not None and match[0] == i and _place_as_surname(body, toks, gap, toks[run[i]], match[1]):
            match = None
        if match is None:
            gap.append(run[i])
            i += 1
            continue
        _flush(doc, toks, gap, local, run_found)
        gap = []
        j, f = match
        if j + 1 < len(run) and _numbered_place(body, f, toks[run[j + 1]]):
            j += 1
            name = body[f.start:toks[run[j]].end]
            f = _Found(f.start, toks[run[j]].end, "ORG", f"org:{slug(name)}", name,
                       actor=sector_actor(name, None, "IGO"))  # states grouped: no country
        if f.type == "PERSON":
            title_start = run_found[-1].end if run_found else toks[run[0]].start
            inner = body[title_start:f.start]
            # "King and Weeks": the words before "and" are another name, not this one's title
            f.role_phrase = "" if _COORDINATED.search(inner) else _preceding_role(doc, toks[run[0]].start) + inner
        f = _facility_named(doc, f)
        if _seat_of_another(body, run_found, f):  # "the Canadian Senate": Canada's, not the US Senate
            prev = run_found.pop()
            f = _Found(prev.start, f.end, "ORG", "", body[prev.start:f.end])
            f.id = f"org:{slug(f.name)}"
        run_found.append(f)
        _remember(f, local)
        i = j + 1
    _flush(doc, toks, gap, local, run_found)
    return run_found


def extract_entities(doc: NlpDoc) -> list[Entity]:
    """PERSON, ORG, GPE, LOC, NORP entities with canonical ids, names and actors."""
    body = doc.body
    toks = _tokens(doc.tokens)
    known = _Known()  # surname (and full name) -> the person named earlier in this document
    found = [f for run in _runs(body, toks) for f in _run_entities(doc.tokens, toks, run, known)]
    found.sort(key=lambda f: f.start)
    _unshare_seats(body, found)
    _assign_actors(doc.tokens, found)
    _relink_surnames(doc.tokens, found)
    _nationalities(doc.tokens, found)
    return [Entity(text=body[f.start:f.end], start=f.start, end=f.end, type=f.type,  # type: ignore[arg-type]
                   id=f.id, name=f.name, actor=f.actor) for f in found]


def _and_cut(toks: list[_Tok], gap: list[int]) -> int | None:
    """Where 'and' joins two names ('Kozak and Mrs Petrova'), not one ('Security and Defense Council')."""
    for k, i in enumerate(gap):
        if toks[i].text in _COORDINATORS and k + 1 < len(gap):
            nxt = toks[gap[k + 1]].text
            if nxt.rstrip(".") in _TITLE_HEADS or _first_name(nxt):
                return k
    return None


def _gap_found(doc: Doc, toks: list[_Tok], gap: list[int], local: dict[str, _Found]) -> list[_Found]:
    word = toks[gap[0]].text
    if len(gap) == 1 and (word in _EVENT_WORDS or word in gazetteer().org_keywords):
        return [_Found(toks[gap[0]].start, toks[gap[0]].end, "EVENT" if word in _EVENT_WORDS else "ORG", "", word)]
    # "opened out to New Delhi and Prime Minister Wen Jiabao": a gap that opens with "and" starts a phrase of its own;
    # the words before the "and" are no role of the name after it (no Indian premier)
    before = "" if word.lower() in _COORDINATORS else _preceding_role(doc, toks[gap[0]].start)
    return _gap_entities(doc, toks, gap, before, local)


def _takes_place_before(body: str, first: _Found, at: int, out: list[_Found]) -> bool:
    """'Minsk Agreements', 'Munich Security Conference', 'Moscow Times', 'Russian Navy': an event or
    organisation right after a place takes the place into its name."""
    return first.type in ("EVENT", "ORG") and first.start == at and bool(out) \
        and out[-1].type in ("GPE", "LOC", "NORP") and body[out[-1].end:first.start] == " "


def _flush(doc: Doc, toks: list[_Tok], gap: list[int], local: dict[str, _Found], out: list[_Found]) -> None:
    body = doc_text(doc)
    if not gap:
        return
    cut = _and_cut(toks, gap)
    if cut is not None:
        _flush(doc, toks, gap[:cut], local, out)
        _flush(doc, toks, gap[cut + 1:], local, out)
        return
    found = _gap_found(doc, toks, gap, local)
    if found and _takes_place_before(body, found[0], toks[gap[0]].start, out):
        prev = out.pop()
        found[0] = _Found(prev.start, found[0].end, found[0].type, "", body[prev.start:found[0].end])
    for f in found:
        if f.type in ("EVENT", "ORG") and " " not in f.name:
            if f.id:
                out.append(f)  # a one-word name the rules found ("Gazprom"-like ORG ids come set)
            continue  # a bare "Summit", "War" or "Council" names nothing
        if f.type == "EVENT" or (f.type == "ORG" and not f.id):
            f.id = f"{f.type.lower()}:{slug(f.name)}"
        f = _facility_named(doc, f)
        out.append(f)
        _remember(f, local)


def _facility_named(doc: Doc, f: _Found) -> _Found:
    """'Kamal Adwan hospital', 'Nasser Hospital', 'Walter Reed hospital': a person's name that a facility
    noun ends or follows names that place (entities.yaml facility_words), not the person."""
    if f.type != "PERSON":
        return f
    body = doc_text(doc)
    end = f.end
    if _last_word(doc, f.start, f.end) not in _NAMES.facility_words:
        nxt = _token_after(doc, f.end)
        if nxt is None or nxt.lower_ not in _NAMES.facility_words:
            return f
        end = nxt.idx + len(nxt)
    name = body[f.start:end]
    return _Found(f.start, end, "LOC", "place:" + slug(name), name)


def _token_after(doc: Doc, end: int) -> Token | None:
    """The word token that only spaces part from `end` ("Nasser | hospital"), or None."""
    text = doc_text(doc)
    span = doc.char_span(end, min(len(text), end + 40), alignment_mode="expand")
    for t in span or ():
        if t.idx < end or t.is_space and not t.text.strip(" \u00a0"):
            continue  # the name's own token, a run of spaces
        return t if t.is_alpha and t.is_ascii and text[end:t.idx] and not text[end:t.idx].strip(" \u00a0") else None
    return None


def _seat_of_another(body: str, before: list[_Found], f: _Found) -> bool:
    """'the Canadian Senate', 'the British Parliament': an institution the gazetteer lists as one country's seat,
    right after another country's name or demonym, is that other country's own."""
    if f.entry is None or f.entry.kind != "seat" or not before:
        return False
    prev = before[-1]
    return prev.type in ("NORP", "GPE") and prev.entry is not None and prev.entry.country is not None \
        and prev.entry.country != f.entry.country and body[prev.end:f.start] == " "


def _unshare_seats(body: str, found: list[_Found]) -> None:
    """"President of the Senate, Bukola Saraki" in a story about Nigeria: a seat many states call by that name
    (countries.yaml shared_seats) is its country's only where the text names that country otherwise; else a body of
    no listed country, whose country the story tells."""
    named = {f.entry.country for f in found if f.entry is not None and f.entry.country and not f.entry.shared}
    for f in found:
        if f.entry is not None and f.entry.shared and f.entry.country not in named:
            name = body[f.start:f.end]
            f.entry = replace(f.entry, id=f"org:{slug(name)}", name=name, country=None)
            f.id, f.name = f.entry.id, name


def _found_from(piece: str, s: int, e: int, entry: Entry) -> _Found:
    return _Found(s, e, entry.type, entry.id, entry.name, entry)


def _remember(f: _Found, local: dict[str, _Found]) -> None:
    if f.type != "PERSON":
        return
    key = fold(f.name)
    words = key.split()
    local.setdefault(key, f)
    if len(words) >= 2:
        local[words[-1]] = f
        if len(words) >= 3 and words[-2] in names().surname_particles:
            local[" ".join(words[-2:])] = f


def _place_counts(found: list[_Found]) -> Counter[str]:
    """How often each country's places are named (a town twice a country or capital): the host of a
    proxy force."""
    counts: Counter[str] = Counter()
    for f in found:
        if f.entry is not None and f.entry.country and f.entry.kind in ("country", "capital", "place", "seat"):
            counts[f.entry.country] += 2 if f.entry.kind == "place" else 1
    return counts


def _role_actor(body: str, f: _Found, phrase: str) -> Actor | None:
    """The person as the actor their role phrase names ('Kremlin spokesman', 'the Kremlin's deputy chief
    of staff'), when it has a country or code."""
    base = resolve_phrase(phrase, body[:f.start], named=True)
    if base is None or not (base.country or base.code):
        return None
    return Actor(text=body[f.start:f.end], name=f.name, id=f.id, country=base.country, sector=base.sector,
                 code=base.code)


def _appositive_actor(body: str, f: _Found) -> Actor | None:
    """'Dmitry Kozak, the Kremlin's deputy chief of staff, said': the role after the name."""
    m = _APPOSITIVE.match(body, f.end)
    if m and role_sector(m.group(1))[0] is not None:
        return _role_actor(body, f, m.group(1))
    return None


def _titled_in_office(body: str, f: _Found) -> Actor | None:
    """'Dutch Prime Minister Mark Rutte', 'The Prime Minister of Portugal Antonio Costa': a person the KB keeps at an
    international body, with no country (the post held now), whom the text titles with a country's office, its title's
    own words naming the country, acts for that country in this text (Rutte led the Netherlands until 2024); a past
    office ('former', entities.yaml name_patterns past_office) leaves the KB's post."""
    if f.entry is None or f.entry.country:
        return None
    title = _CLAUSE_MARK.split(body[max(0, f.start - _NAMES.title_reach):f.start])[-1]  # its clause's words
    across = _ROLE_ACROSS_PLACE.search(title)  # "Prime Minister of the Netherlands | Mark Rutte"
    phrase = title[across.start():] if across is not None and across.group(1).lower() in _PERSON_HEADS \
        else _capitalised_run(title)  # "Dutch Prime Minister | Mark Rutte"
    if not country_counts(phrase) or _PAST_OFFICE.search(title):  # the title's own words name the country
        return None
    titled = _role_actor(body, f, phrase.strip())
    return titled if titled is not None and titled.country else None


_PAST_OFFICE = _NAME_PATTERNS("past_office")
_CLAUSE_MARK = re.compile(r"[.,;:!?\n\"“”]")  # a mark that ends the clause before a name: its title is read after it


def _capitalised_run(text: str) -> str:
    """The words in capitals that end the text ("met Dutch Prime Minister " -> "Dutch Prime Minister")."""
    words = text.split()
    n = len(words)
    while n > 0 and words[n - 1][:1].isupper():
        n -= 1
    return " ".join(words[n:])


def _person_actor(body: str, f: _Found, remembered: dict[str, Actor]) -> None:
    """A person's actor: the KB's, else their role before or after the name, else the one this
    person had earlier in the article."""
    text = body[f.start:f.end]
    if f.entry is not None:
        f.actor = _titled_in_office(body, f) or entry_actor(text, f.entry)
    elif f.actor is None and f.role_phrase.strip():
        f.actor = _role_actor(body, f, f.role_phrase.strip())
    if f.actor is None:
        f.actor = _appositive_actor(body, f)
    if f.actor is None and f.id in remembered:
        f.actor = remembered[f.id].model_copy(update={"text": text})
    if f.actor is not None:
        f.actor = f.actor.model_copy(update={"text": text})
        remembered.setdefault(f.id, f.actor)


def _unlisted_actor(doc: Doc, f: _Found) -> Actor | None:
    """An organisation the rules found: the actor its role words and the words before it name (a place they
    found, 'Nasser Hospital', stands for no one)."""
    body = doc_text(doc)
    if f.type == "LOC":
        return None
    text = body[f.start:f.end]
    sector, _ = role_sector(text)
    if sector is None:
        return None
    phrase = _preceding_role(doc, f.start) + text
    base = resolve_phrase(phrase, body[:f.start])
    if base is None or not (base.country or base.code):
        return None
    if base.sector in STATELESS_SECTORS and not country_counts(phrase):
        # "Tufts University" in a story about Syria is no Syrian body: a school, firm, outlet or charity
        # has the country its own words name, not the one the story is about
        return Actor(text=text, name=text, sector=base.sector)
    return base.model_copy(update={"text": text})


_PROXY_FORCE = re.compile(longest_first(_NAMES.proxy_force_stems))
_PROXY_AUTHORITY = re.compile(rf"^\W*\w*\W*{longest_first(_NAMES.proxy_authority_nouns)}")


def _backed_group_actor(body: str, f: _Found, entry: Entry, counts: Counter[str]) -> Actor | None:
    """'pro-Russian separatists', 'Iran-backed militias': the rebels (or separatist authorities) of the
    country where the article's places are, not the backer."""
    if entry.kind not in ("country", "demonym"):
        return None
    pre = body[max(0, f.start - 4):f.start].lower()
    if not (pre.endswith("pro-") or pre.endswith("pro ") or _GROUP_AFFIX.match(body[f.end:f.end + 14])):
        return None
    tail = body[f.end:f.end + 60].lower()
    if not _PROXY_FORCE.search(tail):
        return None
    sector = "PRE" if _PROXY_AUTHORITY.search(tail) else "REB"
    return sector_actor(body[f.start:f.end], host_country(entry.country, counts), sector)


def _possessive_after(body: str, end: int) -> bool:
    return body[end:end + 2] in _NAMES.possessive_marks


def _dateline(body: str, start: int, end: int) -> bool:
    """'WASHINGTON (Reuters) -', 'MOSCOW, Feb 10': a place written in capitals opening a line is where
    the story was filed, not the government acting."""
    return body[start:end].isupper() and (start == 0 or body[start - 1] == "\n") and body[end:end + 2] in (" (", ", ")


def _capital_actor(doc: Doc, f: _Found, entry: Entry) -> Actor:
    """A capital as a place ('in Moscow', 'Moscow residents'), else the government it stands for
    (Moscow acting is the Russian government), or the force its possessive names ('Moscow's troops')."""
    body = doc_text(doc)
    text = body[f.start:f.end]
    prev_word = _last_word(doc, max(0, f.start - 25), f.start)
    next_word = _first_word(doc, f.end, min(len(body), f.end + 20))
    if prev_word in _LOCATIVE or next_word in _PLACE_AFTER or _dateline(body, f.start, f.end):
        return Actor(text=text, name=entry.name, id=entry.id, country=entry.country)
    sector = _sector_after(doc, f.end) if _possessive_after(body, f.end) else None
    return entry_actor(text, entry, sector if sector in ("MIL", "LEG", "JUD", "COP", "SPY") else None)


def _listed_actor(doc: Doc, f: _Found, entry: Entry, counts: Counter[str]) -> Actor:
    """The actor a gazetteer entity stands for, read with the words around it."""
    body = doc_text(doc)
    text = body[f.start:f.end]
    group = _backed_group_actor(body, f, entry, counts)
    if group is not None:
        return group
    if entry.kind == "capital":
        return _capital_actor(doc, f, entry)
    if entry.kind in ("demonym", "country"):
        sector = _sector_after(doc, f.end) if (entry.kind == "demonym" or _possessive_after(body, f.end)) else None
        return entry_actor(text, entry, sector)
    if entry.kind == "place":
        return Actor(text=text, name=entry.name, id=entry.id, country=entry.country)
    return entry_actor(text, entry)


def _assign_actors(doc: Doc, found: list[_Found]) -> None:
    """Give each entity the actor it stands for, using the words around it."""
    body = doc_text(doc)
    counts = _place_counts(found)
    remembered: dict[str, Actor] = {}
    for f in found:
        if f.type == "PERSON":
            _person_actor(body, f, remembered)
        elif f.entry is None:
            actor = _unlisted_actor(doc, f)
            if actor is not None:
                f.actor = actor
        else:
            f.actor = _listed_actor(doc, f, f.entry, counts)


def _nationalities(doc: Doc, found: list[_Found]) -> None:
    """A person of no country known is of the one nationality the text gives them anywhere: a demonym in their name's
    own phrase ("convicted Russian assassin Vadim Krasikov"), set off after a mention ("Assange, an Australian,"), or
    standing alone for the person just named ("... in London. The 48-year-old Australian was evicted"); every mention
    of theirs (the surname alone too) takes it. Two nationalities told ("Russian-American journalist") give none."""
    body = doc_text(doc)
    people = [f for f in found if f.type == "PERSON"]
    told: dict[str, set[str]] = {}
    for f in found:
        country = f.entry.country if f.type == "NORP" and f.entry is not None and f.entry.kind == "demonym" else None
        person = _described_person(doc, f, people) if country else None
        if person is not None and country:
            told.setdefault(person.id, set()).add(country)
    for f in people:
        countries = told.get(f.id, set())
        if f.actor is None and len(countries) == 1:
            f.actor = Actor(text=body[f.start:f.end], name=f.name, id=f.id, country=next(iter(countries)))


def _described_person(doc: Doc, norp: _Found, people: list[_Found]) -> _Found | None:
    """The person a demonym describes: the name whose phrase holds it, the name it is set off after, or the one
    person named in its sentence or the one before where it stands alone as a definite description."""
    body = doc_text(doc)
    span = doc.char_span(norp.start, norp.end, alignment_mode="expand")
    if span is None or not len(span) or span[-1].tag_ in ("NNS", "NNPS"):
        return None  # "the Russians detained Gershkovich": a people, no one person's nationality
    owner = _phrase_owner(span[-1], people)
    if owner is not None:
        return owner
    before = next((p for p in reversed(people) if p.end <= norp.start), None)
    if before is not None and (m := _NATIONALITY_AFTER.match(body, before.end)) and m.start(1) == norp.start:
        return before
    return _epithet_of(doc, norp, span, people)


def _phrase_owner(tok: Token, people: list[_Found]) -> _Found | None:
    """The person whose name's own phrase a modifier is in ("Russian(amod) assassin(nmod:desc) Vadim Krasikov")."""
    for _ in range(3):
        if tok.dep_ not in ("amod", "compound", "nmod:desc", "flat") or tok.head.i == tok.i:
            return None
        tok = tok.head
        owner = next((p for p in people if p.start <= tok.idx < p.end), None)
        if owner is not None:
            return owner
    return None


def _epithet_of(doc: Doc, norp: _Found, span: Span, people: list[_Found]) -> _Found | None:
    """"The 48-year-old Australian was evicted": a demonym after "the" that a verb follows (or "national" or
    "citizen" and a verb) stands for the one person its sentence or the one before named."""
    body = doc_text(doc)
    if not _NATIONALITY_EPITHET.search(body, max(0, norp.start - _NAMES.epithet_reach), norp.start):
        return None
    after = [t for t in doc[span.end:span.end + 2] if not t.is_space]
    if after and after[0].lower_ in _NAMES.nationality_nouns:
        after = after[1:]
    if not after or after[0].pos_ not in ("VERB", "AUX"):
        return None
    sentence = span.sent
    lo = doc[sentence.start - 1].sent.start_char if sentence.start > 0 else sentence.start_char
    named = {p.id: p for p in people if lo <= p.start and p.end <= norp.start}
    return next(iter(named.values())) if len(named) == 1 else None


def _surname_of_named_person(doc: Doc, f: _Found, person: _Found | None) -> bool:
    """A demonym, or a country or place named by one word, that is the surname of a person the article has named
    in full before it, and is not where something is or whose it is ("from Jordan", "King Abdullah of Jordan":
    entities.yaml locative_words) nor a word of a longer name."""
    body = doc_text(doc)
    if person is None or f.type not in ("NORP", "GPE") or " " in body[f.start:f.end]:
        return False
    if f.type == "GPE" and (person.start > f.start or _last_word(doc, max(0, f.start - 25), f.start) in _LOCATIVE):
        return False
    return not _inside_longer_name(body, f.start, f.end)


def _relink_surnames(doc: Doc, found: list[_Found]) -> None:
    """A surname met before the full name ('Kozak ... Dmitry Kozak') joins the full name's entity."""
    body = doc_text(doc)
    full: dict[str, _Found] = {}
    for f in found:
        if f.type == "PERSON" and " " in fold(f.name):
            full.setdefault(fold(f.name).split()[-1], f)
    for f in found:
        text = body[f.start:f.end]
        if _surname_of_named_person(doc, f, full.get(fold(text))):
            # "Turk's office" where the article names Volker Turk: his, not Turkey's; "Jordan said" after
            # "Rachel Jordan, a UN official,": hers, not Jordan's
            f.type, f.entry, f.actor, f.name = "PERSON", None, None, text
        if f.type == "PERSON" and " " not in fold(f.name):
            target = full.get(fold(f.name))
            if target is not None and target.id != f.id:
                f.id, f.name = target.id, target.name
                if f.actor is None and target.actor is not None:
                    f.actor = target.actor
