"""Who "he", "the official" or "the Russian president" is: pronoun and description resolution.

Quotes (and anyone else) resolve a speaker written as a pronoun or a role description to
the person it stands for. Candidates are the people mentioned before, in the order they
appear: entity mentions when the entities stage found them, otherwise capitalised names
found here, each with the titles written next to it ("Russian Foreign Minister Sergei
Lavrov", "Aleksey Danilov, the secretary of ...") so that a role noun can be matched.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from itertools import accumulate
from typing import TYPE_CHECKING, Any

import yaml
from spacy.attrs import SENT_START

from flashpoint.model import Actor, Entity
from flashpoint.nlp.document import WORD_MARKS, doc_text, token_offsets, token_range, written_words
from flashpoint.nlp.inflect import shaped
from flashpoint.nlp.language import Patterns, lexicon, names
from flashpoint.yamlio import load_yaml

if TYPE_CHECKING:
    from spacy.tokens import Doc

_NAMES = names()  # resources/lang/en/entities.yaml
_POSSESSIVE = re.compile(_NAMES.possessive)  # "'s", "’s" (entities.yaml possessive_*)
_POSSESSIVE_AT_END = re.compile(_NAMES.possessive + "?$")  # "al-Qaeda's", "rebels'"
_CONNECTORS = frozenset(_NAMES.name_run_connectors)  # "Charles de Gaulle": a lower-case word inside a name run
_NAME_MARKS = WORD_MARKS
_SPACES = " \u00a0"
INSTITUTION = _NAMES.institution_words  # "... Security Policy Josep Borrell": never a first name
_NOT_NAMES = _NAMES.capitalised_non_names  # capitalised at the start of a clause without being names
_LOCATIVE = re.compile(r"\b(?:" + "|".join(sorted(_NAMES.place_preps_before_name)) + r")[ \u00a0]+$")


@dataclass
class Mention:
    """A person (or actor) mentioned at `start`, with what the text says about their role."""

    start: int
    end: int
    name: str
    id: str | None = None
    actor: Actor | None = None
    person: bool = True
    roles: list[str] = field(default_factory=list)  # lower-case role phrases written next to the name
    country: str | None = None
    speaker: bool = False  # the subject of a speech cue: the likeliest antecedent of "he said"


@lru_cache(maxsize=16)
def _yaml(name: str) -> Any:
    path = resources.files("flashpoint.resources").joinpath(name)
    try:
        return load_yaml(path.read_text(encoding="utf-8")) or {}
    except (FileNotFoundError, OSError, yaml.YAMLError):
        return {}


@lru_cache(maxsize=1)
def speech_lexicon() -> dict[str, Any]:
    return lexicon("speech_verbs.yaml")


@lru_cache(maxsize=1)
def person_roles() -> frozenset[str]:
    """speech_verbs.yaml person_roles ("official", "spokesman"), read once: the words a person is named by."""
    return frozenset(str(r) for r in speech_lexicon().get("person_roles", []))


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Capitalised words that open a title before a name, from roles.yaml plus our own role nouns."""
    words = {str(w) for w in (lexicon("roles.yaml").get("title_words") or [])}
    for role in speech_lexicon().get("person_roles", []):
        words.update(w.capitalize() for w in str(role).split())
    words.update(str(w) for w in lexicon("roles.yaml")["title_inner_words"])  # "Secretary of State"
    words.update(w for a in names().abbreviations for w in (a, f"{a}."))  # "Mr", "Lt.", "Cmdr."
    return frozenset(words)


@lru_cache(maxsize=1)
def place_words() -> dict[str, str]:
    """Country names, aliases, capitals, demonyms and known places (lower case) -> ISO alpha-3: never person names."""
    out: dict[str, str] = {}
    _add_places(out)
    _add_countries(out)
    return out


def _add_places(out: dict[str, str]) -> None:
    """Known places and their aliases (places.yaml) into `out`, before the countries so that theirs win."""
    places = _yaml("places.yaml")
    for row in places if isinstance(places, list) else []:
        if isinstance(row, dict) and row.get("name"):
            for key in [row["name"], *(row.get("aliases") or [])]:
                out[str(key).lower()] = str(row.get("country") or "")


def _add_countries(out: dict[str, str]) -> None:
    """Country names, capitals, aliases, demonyms and seats (countries.yaml) into `out`, over any place's."""
    data = _yaml("countries.yaml")
    rows = data if isinstance(data, list) else data.get("countries", []) if isinstance(data, dict) else []
    for row in rows:
        if not isinstance(row, dict) or not row.get("iso3"):
            continue
        iso = str(row["iso3"])
        keys = [row.get("name"), row.get("capital"), *(row.get("aliases") or []), *(row.get("demonyms") or []),
                *(row.get("capital_aliases") or []), *((row.get("seats") or {}).keys())]
        for key in keys:
            if key:
                out[str(key).lower()] = iso


@lru_cache(maxsize=1)
def org_words() -> frozenset[str]:
    """Names and aliases of known organisations (lower case): never person names."""
    out: set[str] = set(_NAMES.body_names)
    data = _yaml("organizations.yaml")
    if isinstance(data, dict):
        for rows in data.values():
            for row in rows if isinstance(rows, list) else []:
                if isinstance(row, dict):
                    for key in [row.get("name"), row.get("code"), *(row.get("aliases") or [])]:
                        if key:
                            out.add(str(key).lower())
    return frozenset(out)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without accents, for comparing spellings ("Oleksiï" ~ "Oleksii")."""
    norm = unicodedata.normalize("NFKD", text)
    return "".join(c for c in norm if not unicodedata.combining(c)).lower()


def strip_title(name: str) -> str:
    """'US Secretary of State Antony Blinken' -> 'Antony Blinken'; 'Mr Kozak' -> 'Kozak'."""
    tokens = _POSSESSIVE.sub("", name).split()
    titles = title_words()
    places = place_words()
    keep: list[str] = []
    for tok in reversed(tokens):
        if tok in INSTITUTION:
            break
        if tok in titles or tok.lower() in places or tok.lower() in org_words() or tok.isupper() and len(tok) <= 4:
            if keep:
                break
            continue
        keep.append(tok)
    return " ".join(reversed(keep))


def looks_like_person(name: str) -> bool:
    """A capitalised run that is not a place, demonym, organisation or a clause-opening word."""
    if not name or name.lower() in place_words() or name.lower() in org_words():
        return False
    toks = name.split()
    if all(t in _NOT_NAMES or t in title_words() or t.lower() in place_words() for t in toks):
        return False
    return not (len(toks) == 1 and (toks[0].isupper() or toks[0] in _NOT_NAMES))


_CAPITAL = re.compile("[A-Z]")


def _name_word(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The capitalised part of a written word of letters, digits, hyphens and apostrophes: from its first capital to
    its last letter or digit ("al-Qaeda": "Qaeda"; "Jones'": "Jones"), or None. A word with another mark is no name
    ("Nov.", "Inc.", "U.S.", "Disney+", "@handle", a link)."""
    word = text[start:end]  # str.isalnum and a capital first answer for most words at C speed
    if not word.isalnum() and not all(c.isalnum() or c in _NAME_MARKS for c in word):
        return None
    capital = _CAPITAL.search(text, start, end)
    if capital is None:
        return None
    k = capital.start()
    while not text[end - 1].isalnum():
        end -= 1  # a closing quote or a bare possessive mark
    return k, end


def _joins_names(gap: str) -> bool:
    """Two capitalised words are one name run across spaces, or across one lower-case name connector ("Charles de
    Gaulle")."""
    inner = gap.strip(_SPACES)
    return bool(gap) and gap[0] in _SPACES and gap[-1] in _SPACES and (
        not inner or inner in _CONNECTORS and not any(c in _SPACES for c in inner))


def name_runs(doc: Doc) -> list[tuple[int, int]]:
    """Runs of capitalised written words (`written_words`) that spaces or name connectors join."""
    text = doc_text(doc)
    runs: list[tuple[int, int]] = []
    for start, end in written_words(doc):
        word = _name_word(text, start, end)
        if word is None:
            continue
        if runs and _joins_names(text[runs[-1][1]:word[0]]):
            runs[-1] = (runs[-1][0], word[1])
        else:
            runs.append(word)
    return runs


def _headline_lines(text: str, words: list[tuple[int, int]]) -> set[int]:
    """Start offsets of the title-case lines: four written words with a letter or more, more than 60% of them
    capitalised (a word's first letter read, "al-Qaeda" lower case)."""
    counts: dict[int, list[int]] = {}
    line, last = 0, 0  # the line holding the last word, and where that word starts (words run in text order)
    for start, end in words:
        line, last = text.rfind("\n", last, start) + 1 or line, start  # no search back to the body's start a word
        opening = text[start]  # most words open with their first letter
        first = opening if opening.isascii() and opening.isalpha() else next(
            (text[j] for j in range(start, end) if text[j].isascii() and text[j].isalpha()), None)
        if first is not None:
            tally = counts.setdefault(line, [0, 0])
            tally[0] += 1
            tally[1] += first.isupper()
    return {line for line, (n, caps) in counts.items() if n >= 4 and caps > 0.6 * n}


def names_in(doc: Doc) -> list[tuple[int, int, str]]:
    """Person-like capitalised names in the parsed body (titles stripped), as spans. Read from the text and the tokens'
    offsets alone (no parse, which later repairs may change), once per Doc (kept in its user_data): a document whose
    events resolve a pronoun asks again. Callers read it, never change it."""
    found: list[tuple[int, int, str]] | None = doc.user_data.get(_NAMES_KEY)
    if found is None:
        found = doc.user_data[_NAMES_KEY] = _names_in(doc)
    return found


_NAMES_KEY = "flashpoint.names_in"


def _names_in(doc: Doc) -> list[tuple[int, int, str]]:
    text = doc_text(doc)
    out: list[tuple[int, int, str]] = []
    headlines = _headline_lines(text, written_words(doc))
    for m_start, m_end in name_runs(doc):
        raw = text[m_start:m_end]
        if text.rfind("\n", 0, m_start) + 1 in headlines:
            continue  # a title-case headline: every word is capitalised
        if " " not in raw and shaped("gerund", raw):
            continue  # "Announcing the move, ..."
        if " " not in raw and _LOCATIVE.search(text, max(0, m_start - 8), m_start):
            continue  # "talks in Jeddah", "at Mosul": a place the gazetteer does not know
        prefix = text[max(0, m_start - 3):m_start]
        if prefix.lower() in _NAMES.name_article_prefixes and \
                _POSSESSIVE_AT_END.sub("", prefix + raw.split()[0]).lower() in org_words():
            continue  # "al-Qaeda's affiliate": an organisation, not a Mr Qaeda
        name = strip_title(raw)
        while name and name.split()[0] in _NOT_NAMES:
            name = " ".join(name.split()[1:])
        if not name or not looks_like_person(name):
            continue
        pos = raw.rfind(name.split()[0])
        start = m_start + max(pos, 0)
        out.append((start, start + len(name), name))
    return out


@lru_cache(maxsize=65536)
def same_person(a: str, b: str) -> bool:
    """Two spellings of one name: same surname (fuzzy), compatible first names."""
    from rapidfuzz import fuzz

    ta, tb = fold(a).replace("-", " ").split(), fold(b).replace("-", " ").split()
    if not ta or not tb:
        return False
    if fuzz.ratio(" ".join(ta), " ".join(tb)) >= 85:
        return True
    if fuzz.ratio(ta[-1], tb[-1]) < 85 or min(len(ta[-1]), len(tb[-1])) < 3:
        return False
    if len(ta) == 1 or len(tb) == 1:
        return True
    return fuzz.ratio(ta[0], tb[0]) >= 60


def canonical(name: str, mentions: list[Mention]) -> Mention | None:
    """The fullest mention of the same person ("Mr Kozak" -> "Dmitry Kozak"), if any."""
    best: Mention | None = None
    initial = _surname_initial(name)
    for m in mentions:
        if _surname_initial(m.name) != initial:
            continue  # surnames that differ from the first letter are not transliterations
        if m.person and same_person(name, m.name) and (best is None or len(m.name.split()) > len(best.name.split())):
            best = m
    return best


@lru_cache(maxsize=65536)
def _surname_initial(name: str) -> str:
    words = fold(name).split()
    return words[-1][:1] if words else ""


def _trailing_words(tokens: Doc, start: int, reach: int = 80) -> list[str]:
    """The last one to seven words in the `reach` characters before `start`, each followed by space, from the Doc's
    tokens (issue 11): a word is its tokens written together, of letters, digits, hyphens and apostrophes ("Kremlin",
    "vice-president", "China's"), or an abbreviated title ("Gov."); any other word ends them ("minister," "U.S.")."""
    text = doc_text(tokens)
    lo = max(0, start - reach)
    words: list[tuple[int, int]] = []
    starts, ends, _space = token_offsets(tokens)
    for i in token_range(tokens, lo, start):  # the tokens of char_span(lo, start, 'expand'), no Token object made
        s, e = starts[i], ends[i]
        if s < lo or e > start:  # only the first and last token may be cut
            s, e = max(s, lo), min(e, start)
        if s >= e or text[s:e].isspace():
            continue
        if words and words[-1][1] == s and _word_piece(text[s:e]) and _word_piece(text[words[-1][0]:s]):
            words[-1] = (words[-1][0], e)
        else:
            words.append((s, e))  # a mark ("(", a quote, a comma) is a word of its own, which ends the title
    out: list[str] = []
    end = start
    for s, e in reversed(words):
        word = text[s:e]
        if len(out) == 7 or not text[e:end].isspace() or not _title_unit(word):
            break
        out.append(word)
        end = s
    return out[::-1]


def _word_piece(text: str) -> bool:
    """Tokens that join the word they are written against: not a token of other marks alone ("(", "“", ",")."""
    return text.isalnum() or any(c.isalnum() for c in text) or all(c in _NAME_MARKS for c in text)


def _title_unit(word: str) -> bool:
    """A word of letters, digits, hyphens and apostrophes, or an abbreviated title ("Gov.", "Sen.")."""
    if word.isalnum() or all(c.isalnum() or c in _NAME_MARKS for c in word):
        return True
    return 3 <= len(word) <= 6 and word[0].isascii() and word[0].isupper() and word[-1] == "." \
        and all("a" <= c <= "z" for c in word[1:-1])


@lru_cache(maxsize=1)
def title_abbreviations() -> dict[str, str]:
    """Abbreviated titles and the role each stands for ("Gov" -> "governor"; roles.yaml)."""
    return {str(k): str(v) for k, v in (lexicon("roles.yaml").get("title_abbreviations") or {}).items()}


def _title_word(word: str) -> str | None:
    """A word of a title written before a name, as a role reads it ("Gov." -> "governor"), or None."""
    full = title_abbreviations().get(word.rstrip("."))
    if full is not None:
        return full
    low = word.lower()
    if word in title_words() or low in place_words() or low in org_words() or low in _role_words() \
            or word.endswith(_NAMES.possessive_marks):
        return word
    return None


@lru_cache(maxsize=1)
def title_joiners() -> frozenset[str]:
    """Words inside a title that join a role to its place ("ambassador | to | Britain"; roles.yaml)."""
    return frozenset(str(w) for w in lexicon("roles.yaml").get("title_joiners") or [])


def _title_before(tail: list[str]) -> str | None:
    """The title words that end `tail` (right before a name), lower case: a run of title words, which a joiner
    continues past a place or body only where a role word comes before it ("China's ambassador to Britain", not
    "talks in Moscow"; "the spokesman for President X" is no title of X's)."""
    kept: list[str] = []
    for w in reversed(tail):
        word = None if w.endswith(",") else _title_word(w)
        if word is None and kept and w in title_joiners() and all(_place_or_body(k) for k in kept):
            word = w
        if word is None:
            break
        kept.append(word)
    while kept and kept[-1] in title_joiners():
        kept.pop()  # the run stops at a joiner no role word opens
    return " ".join(reversed(kept)).lower() or None


def _place_or_body(word: str) -> bool:
    low = word.lower()
    return low in title_joiners() or low in place_words() or low in org_words()


_ROLE_PATTERNS = Patterns("roles.yaml", "role_patterns")  # the words beside a name (lang/en/roles.yaml)
_ROLE_AFTER = _ROLE_PATTERNS("role_after")
# "The suspect, Michael Webb, was convicted": a definite role set off by a comma right before the name, opening
# its sentence (the parse's: _role_before)
_ROLE_AT_START = _ROLE_PATTERNS("role_at_start")


def _role_before(body: str, start: int, tokens: Doc) -> str | None:
    """"The suspect, Michael Webb": the role that opens the sentence of a name set off by a comma. The sentence
    is the parse's (`tokens`, issue 11: one Doc)."""
    lo = max(0, start - 80)
    before = body[lo:start]
    m = _ROLE_AT_START.search(before)
    if m is None:
        return None
    span = tokens.char_span(lo + m.start(), lo + m.start() + 1, alignment_mode="expand")
    return m.group(1) if span is not None and len(span) and span[0].is_sent_start else None


def roles_near(body: str, start: int, end: int, tokens: Doc) -> tuple[list[str], str | None]:
    """Role phrases written next to a name: title before it, appositive after it, a role opening its
    sentence before it (read in `tokens`, the parse of `body`: its words and sentences); and their country."""
    roles: list[str] = []
    title = _title_before(_trailing_words(tokens, start))
    if title:
        roles.append(title)
    role = _role_before(body, start, tokens)
    if role and any(r in role.lower().split() for r in _role_words()):
        roles.append(role.lower())
    after = body[end:end + 120]
    m2 = _ROLE_AFTER.match(after)
    if m2 and any(r in m2.group(1).lower() for r in _role_words()):
        roles.append(m2.group(1).lower())
    country = None
    for role in roles:
        country = country or affiliation(role)
    roles = [r for r in roles if _role_word_re().search(r)]
    return roles, country


def affiliation(text: str) -> str | None:
    """The country (ISO alpha-3) or organisation (lower-case name) a role phrase names."""
    low = _POSSESSIVE.sub("", fold(text))
    words = re.findall(r"[a-z][\w\-]*", low)
    for i in range(len(words)):
        for n in (3, 2, 1):
            cand = " ".join(words[i:i + n])
            if len(words[i:i + n]) == n:
                if cand in place_words() and place_words()[cand]:
                    return place_words()[cand]
                if cand in org_words():
                    return cand
    return None


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    words: set[str] = set()
    for role in speech_lexicon().get("person_roles", []):
        words.update(str(role).lower().split())
    return frozenset(words)


@lru_cache(maxsize=1)
def _role_word_re() -> re.Pattern[str]:
    """Any role word as a whole word: one pattern instead of a search per word."""
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(_role_words(), key=len, reverse=True))
                      + r")\b")


def role_of(description: str) -> tuple[str | None, str | None]:
    """'the Russian president' -> ('president', 'RUS'); the longest role phrase and the country named."""
    low = fold(description)
    head = next((role for role, pattern in _role_patterns() if pattern.search(low)), None)
    return head, affiliation(description)


@lru_cache(maxsize=1)
def _role_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The person roles, longest first, each as a whole-word pattern (compiled once)."""
    roles = sorted(speech_lexicon().get("person_roles", []), key=lambda r: -len(str(r)))
    return tuple((str(role), re.compile(rf"\b{re.escape(str(role))}\b")) for role in roles)


def any_role(head: str) -> bool:
    """A description's head noun that stands for any role ("the official": speech_verbs.yaml role_synonyms "*"), so
    it may be a person with no role written."""
    return "*" in speech_lexicon().get("role_synonyms", {}).get(head, [])


def role_matches(head: str, roles: list[str]) -> bool:
    """Does a description's head noun fit any of a person's written or known roles?"""
    synonyms = speech_lexicon().get("role_synonyms", {}).get(head, [head])
    if "*" in synonyms:
        return True
    return any(s in r for r in roles for s in synonyms)


def resolve_description(description: str, mentions: list[Mention], pos: int,
                        known_roles: dict[str, list[str]] | None = None) -> Mention | None:
    """'the foreign minister' -> the last person before `pos` whose role fits, else the last speaker.

    A person whose written role conflicts (a president for "the foreign minister") is passed
    over; with no role written anywhere, the most recent speaker is the likeliest referent.
    """
    head, country = role_of(description)
    if head is None:
        return None
    roles = dict(known_roles or {})
    for m in mentions:  # a role written at one mention is the person's at every mention ("Bosma said" after
        if m.person and m.end <= pos and m.roles:  # "House Speaker Brian Bosma")
            roles[m.name] = [*roles.get(m.name, []), *m.roles]
    scored: list[tuple[int, int, Mention]] = []
    for m in mentions:
        score = _description_fit(m, head, country, roles) if m.person and m.end <= pos else None
        if score is not None and (score > 0 or any_role(head)):
            scored.append((score, m.start, m))
    if not scored:
        return None
    return max(scored, key=lambda t: (t[0], t[1]))[2]


def _country_conflicts(m: Mention, m_country: str | None, country: str | None) -> bool:
    """The person is of another country than the description names (an IGO's code aside)."""
    if not country or not m_country or m_country == country:
        return False
    return m.actor is None or m.actor.code != country.upper()


def _description_fit(m: Mention, head: str, country: str | None, known_roles: dict[str, list[str]]) -> int | None:
    """How well a person fits a description: 2 for the same country, 2 for a fitting role, 1 for having
    spoken; None when the country or a written role says it is someone else."""
    roles = list(m.roles) + list(known_roles.get(m.name, []))
    m_country = m.country or (m.actor.country if m.actor else None)
    if _country_conflicts(m, m_country, country):
        return None
    same = bool(country and m_country == country)
    fits = bool(roles) and role_matches(head, roles)
    if roles and not fits and not same:
        return None  # a written role that is not this one
    return 2 * same + 2 * fits + m.speaker


def entity_mentions(body: str, entities: list[Entity], tokens: Doc) -> list[Mention]:
    """Mentions of the entities the entities stage found, people with their written roles (read in `tokens`,
    the parse of `body`)."""
    out: list[Mention] = []
    for e in entities:
        roles, country = roles_near(body, e.start, e.end, tokens) if e.type == "PERSON" else ([], None)
        out.append(Mention(start=e.start, end=e.end, name=e.name or e.text, id=e.id, actor=e.actor,
                           person=e.type == "PERSON", roles=roles,
                           country=country or (e.actor.country if e.actor else None)))
    return out


def fallback_mentions(body: str, taken: list[tuple[int, int]], tokens: Doc) -> list[Mention]:
    """Capitalised person-like names not covered by an entity (used until/unless entities find them); their
    written roles are read in `tokens`, the parse of `body`. Kept per Doc (its user_data) with what they were read
    from: the taken spans and the sentence starts, all of the parse `roles_near` reads, which the events' repairs
    may change (the events' pronoun resolver asks again after them); each caller gets its own copies to change."""
    key = (body, tuple(sorted(taken)), tokens.to_array(SENT_START).tobytes())
    kept: tuple[object, list[Mention]] | None = tokens.user_data.get(_FALLBACK_KEY)
    if kept is None or kept[0] != key:
        kept = tokens.user_data[_FALLBACK_KEY] = (key, _fallback_mentions(body, taken, tokens))
    return [replace(m) for m in kept[1]]


_FALLBACK_KEY = "flashpoint.fallback_mentions"


def _fallback_mentions(body: str, taken: list[tuple[int, int]], tokens: Doc) -> list[Mention]:
    out: list[Mention] = []
    # overlap test against the taken spans: the furthest end among those starting before `end`
    spans = sorted(taken)
    starts = [s for s, _ in spans]
    reach = list(accumulate((e for _, e in spans), max))
    for start, end, name in names_in(tokens):
        k = bisect_left(starts, end)
        if k and reach[k - 1] > start:
            continue
        roles, country = roles_near(body, start, end, tokens)
        out.append(Mention(start=start, end=end, name=name, roles=roles, country=country))
    # chain short forms to the fullest spelling ("Kozak" -> "Dmitry Kozak"); canonical() only
    # considers mentions with the same surname initial, which a chained name keeps
    by_initial: dict[str, list[Mention]] = {}
    for m in out:
        by_initial.setdefault(_surname_initial(m.name), []).append(m)
    for m in out:
        full = canonical(m.name, by_initial[_surname_initial(m.name)])
        if full is not None and full is not m and len(full.name) > len(m.name):
            m.roles = m.roles + full.roles
            m.country = m.country or full.country
            m.name = full.name
    return out
