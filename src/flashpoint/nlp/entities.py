"""Entities (built-in rules backend): gazetteer names, titled people, organisations, with actors.

Capitalised runs of words are matched against the gazetteers (longest first); what is left is
a PERSON when a title, honorific, role word or known first name introduces it, an ORG when it
carries an organisation keyword, and is dropped otherwise (precision over recall). Each entity
gets a canonical id so spelling variants are one entity, and the actor it stands for.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from spacy.lang.en.stop_words import STOP_WORDS

from flashpoint.model import Actor, Entity
from flashpoint.nlp import world_places
from flashpoint.nlp.actors import _actor, _host_country, resolve_phrase, role_sector, sector_actor
from flashpoint.nlp.document import NlpDoc
from flashpoint.nlp.gazetteer import Entry, fold, fold_head, fold_id, gazetteer, slug
from flashpoint.nlp.language import people

_TOKEN = re.compile(r"[^\W_]+(?:[’'][^\W_]+)*(?:['’]s?)?")
_CONNECTORS = frozenset({"of", "the", "for", "and", "de", "du", "des", "la", "le", "von", "van", "der", "den",
                         "al", "bin", "ibn", "da", "di", "del", "y", "in"})
# the title word right before a name must be one of these heads ("Foreign Minister X", not "Security X")
_TITLE_HEADS = frozenset({
    "President", "Minister", "Secretary", "Secretary-General", "Chancellor", "Premier", "Spokesman", "Spokeswoman",
    "Spokesperson", "Ambassador", "Envoy", "King", "Queen", "Prince", "Princess", "Emir", "Sheikh", "Sultan", "Pope",
    "Patriarch", "Senator", "Sen", "Rep", "Representative", "Congressman", "Congresswoman", "Governor", "Mayor",
    "Commander", "Commander-in-Chief", "Colonel", "Col", "Major", "Maj", "Captain", "Capt", "Lieutenant", "Lt",
    "Admiral", "Adm", "Marshal", "Gen", "General", "Sergeant", "Sgt", "Brigadier", "Chairman", "Chairwoman", "Chair",
    "Speaker", "Director", "Leader", "Chief", "Commissioner", "Judge", "Prosecutor", "Ayatollah", "Imam", "Mullah",
    "Archbishop", "Father", "Rev", "Reverend", "Prof", "Professor", "Dr", "Mr", "Mrs", "Ms", "Miss", "Sir", "Dame",
    "Lord", "Lady", "Attorney", "Head", "Deputy", "Mufti"})
# role nouns that, right before a capitalised name, say it is a person ("spokesman Dmitry Peskov")
_PERSON_HEADS = frozenset({w.lower() for w in _TITLE_HEADS} | {
    "official", "spokesperson", "adviser", "advisor", "aide", "negotiator", "analyst", "journalist", "correspondent",
    "reporter", "lawmaker", "mp", "diplomat", "coordinator", "researcher", "expert", "economist", "activist",
    "monitor", "commander-in-chief", "counterpart", "colleague", "premier", "minister", "president", "envoy",
    "ambassador", "secretary", "spokesman", "spokeswoman", "chancellor", "leader", "chief", "head", "governor",
    "mayor", "general", "commander", "chairman", "chairwoman", "senator", "congressman", "deputy", "attorney"})
_EVENT_WORDS = frozenset({"War", "Summit", "Conference", "Olympics", "Games", "Revolution", "Agreement",
                          "Agreements", "Accords", "Accord", "Protocol", "Talks", "Uprising", "Offensive",
                          "Crisis", "Massacre", "Referendum", "Treaty", "Ceasefire", "Genocide", "Intifada",
                          "Maidan", "Euromaidan", "Invasion", "Siege", "Blockade", "Airlift", "Pact"})
_APPOSITIVE = re.compile(r",\s+(?:the\s+|a\s+|an\s+)?([^,.;:()\n\"“”]{3,70}?)(?=,|\.|;|\s+(?:said|says|told|added))")
_ABBREVIATED = frozenset({"Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Adm", "Rev", "Sen",
                          "Rep", "Gov", "Prof", "St", "Cmdr", "Brig"})
_NP_MODIFIERS = frozenset({"state", "government", "foreign", "armed", "defence", "defense", "special", "security",
                           "military", "naval", "air", "border", "senior", "top", "news", "national", "federal",
                           "regional", "local", "interior", "former", "deputy", "chief", "press", "intelligence",
                           "pro-government", "opposition", "riot", "elite", "ground", "allied", "coalition"})
_LOCATIVE = frozenset({"in", "at", "near", "outside", "around", "across", "within", "from", "to", "into",
                       "towards", "toward", "of", "via", "through", "inside", "over", "left", "reached",
                       "entered", "visited", "visit", "visiting", "flew", "arrived", "streets", "outskirts"})
_PLACE_AFTER = frozenset({"region", "oblast", "city", "residents", "metro", "airport", "mayor", "suburbs", "area",
                          "province", "district", "outskirts", "streets", "time"})
_GROUP_AFFIX = re.compile(r"^[-\s](?:backed|supported|sponsored|allied|aligned|controlled|armed|funded|installed)\b")
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_COMMON = frozenset(STOP_WORDS) | _MONTHS | {
    "read", "image", "photo", "caption", "video", "share", "related", "updated", "published", "comment", "post",
    "follow", "subscribe", "advertisement", "media", "copyright", "getty", "images", "reuters", "afp", "also",
    "but", "meanwhile", "however", "overnight", "earlier", "later", "today", "yesterday", "tomorrow", "speaking",
    "asked", "according", "despite", "during", "after", "before", "while", "since", "although", "because",
    "will", "grant", "price", "young", "long", "power", "rice", "brown", "green", "black", "white", "gray",
    "king", "hope", "chance", "little", "rich", "strong", "bush", "english", "french", "news", "world", "live",
    "breaking", "analysis", "opinion", "home", "top", "stories", "more", "map", "why", "what", "where", "who",
    "how", "when", "this", "that", "these", "those", "there", "here", "it", "its", "he", "she", "they", "we",
    "i", "you", "his", "her", "their", "our", "my", "your", "a", "an", "the", "in", "on", "at", "by", "for",
    "with", "as", "if", "so", "no", "yes", "not", "all", "any", "some", "many", "most", "several", "both",
    "each", "every", "other", "another", "such", "only", "just", "still", "even", "already", "now", "then",
    "thus", "western", "eastern", "northern", "southern", "central", "east", "west", "north", "south",
    "sunday", "saturday", "ceasefire", "war", "state", "government", "army", "republic", "people", "union",
    "secretary", "minister", "president", "official", "officials", "spokesman", "general", "mr", "mrs", "ms"}


class _Tok(NamedTuple):
    """A word of the body. A tuple of plain values: the collector stops tracking it, so a long
    document's thousands of tokens cost no garbage-collection passes."""

    start: int
    end: int  # without a possessive 's
    text: str
    cap: bool
    poss: bool


def _tokens(body: str) -> list[_Tok]:
    out = []
    for m in _TOKEN.finditer(body):
        s, e = m.span()
        text = m.group()
        poss = False
        if text[-1] in "s'’":  # only then can a possessive end it
            if len(text) > 2 and text[-2:] in ("'s", "’s"):
                e -= 2
                poss = True
                text = text[:-2]
            elif text[-1] in "'’":
                e -= 1
                poss = True
                text = text[:-1]
        cap = text[:1].isupper() or (text[:3] in ("al-", "el-") and text[3:4].isupper())
        out.append(_Tok(s, e, text, cap, poss))
    return out


def _joinable(body: str, a: _Tok, b: _Tok) -> bool:
    """Two tokens belong to one name when only a space, hyphen or an initial's dot separates them."""
    gap = body[a.end:b.start]
    if a.poss:
        # "Ukraine's President" is two names; "People's Liberation Army" one
        return a.text in ("People", "Peoples", "Workers", "Women", "Children") and gap in ("'s ", "’s ")
    if gap in (" ", "-", "\u00a0"):
        return True
    return (len(a.text) == 1 and a.text.isupper() or a.text in _ABBREVIATED) and gap in (".", ". ")


def _runs(body: str, toks: list[_Tok]) -> list[list[int]]:
    """Maximal runs of capitalised tokens, lowercase connectors allowed inside."""
    runs: list[list[int]] = []
    i = 0
    n = len(toks)
    while i < n:
        if not toks[i].cap:
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < n and _joinable(body, toks[j - 1], toks[j]):
            hyphen_tail = (body[toks[j - 1].end:toks[j].start] == "-" and toks[j - 1].cap
                           and (len(toks[j].text) <= 3 or body[toks[j].end:toks[j].end + 1] == "-"
                                or (j + 1 < n and _joinable(body, toks[j], toks[j + 1])
                                    and (toks[j + 1].cap or toks[j + 1].text.lower() in _CONNECTORS))))
            if toks[j].cap or hyphen_tail:  # "Kim Jong-un", "Rostov-on-Don"
                run.append(j)
                j += 1
                continue
            # connectors: "Secretary of State", "Organization for Security and Co-operation"
            k = j
            while k < n and not toks[k].cap and toks[k].text.lower() in _CONNECTORS and _joinable(body, toks[k - 1], toks[k]):
                k += 1
            if k > j and k < n and toks[k].cap and _joinable(body, toks[k - 1], toks[k]):
                run.extend(range(j, k + 1))
                j = k + 1
                continue
            break
        runs.append(run)
        i = j
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


_ROLE_WORD = re.compile(r"[\w’'\-.]+")
_POSSESSIVE_END = re.compile(r"['’]s$")


def _preceding_role(body: str, pos: int) -> str:
    """The role words just before a name: 'Kremlin spokesman ', 'Ukraine's foreign minister '."""
    g = gazetteer()
    start = pos
    words = list(_ROLE_WORD.finditer(body[max(0, pos - 80):pos]))
    base = max(0, pos - 80)
    for m in reversed(words):
        gap = body[base + m.end():start]
        if gap.strip() not in ("",) or "\n" in gap:
            break
        if m.group().endswith(".") and len(m.group()) > 4:
            break  # the previous sentence ended there
        w = m.group().strip(".")
        low = w.lower()
        bare = _POSSESSIVE_END.sub("", w)
        if (role_sector(low)[0] is not None or low in _CONNECTORS or w in g.title_words
                or (bare[:1].isupper() and g.lookup(bare)) or low in ("senior", "top", "deputy", "chief", "former",
                                                                       "state", "foreign", "defence", "defense", "press",
                                                                       "acting", "interim", "then")):
            start = base + m.start()
            continue
        break
    return body[start:pos]


def _is_common(tok: _Tok) -> bool:
    return tok.text.lower() in _COMMON


@lru_cache(maxsize=4096)
def _first_name(word: str) -> bool:
    return fold(word) in gazetteer().first_names


_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near|outside|from|into|towards?|(?:town|city|village|port|district)"
                              r" of)\s+(?:the\s+)?$")


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


def _gap_entities(body: str, toks: list[_Tok], idx: list[int], before: str, local: dict[str, _Found]) -> list[_Found]:
    """Classify the unmatched words of a run: a titled or first-named PERSON, an ORG, or nothing."""
    g = gazetteer()
    while idx and (_is_common(toks[idx[0]]) and toks[idx[0]].text not in g.title_words or
                   toks[idx[0]].text.lower() in _CONNECTORS):
        idx = idx[1:]
    while idx and toks[idx[-1]].text.lower() in _CONNECTORS:
        idx = idx[:-1]
    if not idx:
        return []
    town = _unlisted_town(body, toks, idx)
    if town is not None:
        return [town]
    last_title = -1
    for k, i in enumerate(idx):
        if toks[i].text in g.title_words or toks[i].text.rstrip(".") in g.honorifics:
            last_title = k
    name_idx = idx[last_title + 1:]
    title_idx = idx[:last_title + 1]
    if title_idx and toks[title_idx[-1]].text.rstrip(".") not in _TITLE_HEADS:
        has_head = any(toks[i].text.rstrip(".") in _TITLE_HEADS for i in title_idx)
        if not (has_head and name_idx and (len(name_idx) >= 2 or _first_name(toks[name_idx[0]].text))):
            name_idx = []
    out: list[_Found] = []
    last, first = toks[idx[-1]].text, toks[idx[0]].text
    if (last in _EVENT_WORDS and len(idx) >= 2) or (first == "Operation" and len(idx) >= 2):
        # "Munich Security Conference", "Orange Revolution", "Operation Inherent Resolve"
        s, e = toks[idx[0]].start, toks[idx[-1]].end
        name = body[s:e]
        return [_Found(s, e, "EVENT", "event:" + slug(name), name)]
    org_at = max((k for k, i in enumerate(idx) if toks[i].text in g.org_keywords), default=-1)
    if org_at >= 0 and (not name_idx or org_at > last_title):
        # "Security Council", "Defence Ministry", "Azov Battalion": the ORG ends at its keyword
        end_k = org_at if org_at > last_title or not name_idx else org_at
        start_k = 0
        for k in range(end_k - 1, 0, -1):
            # "Secretary of the Security Council": the person's title is not part of the ORG
            if toks[idx[k]].text == "of" and toks[idx[k - 1]].text.rstrip(".") in _TITLE_HEADS:
                start_k = k + 1
                break
        while start_k < end_k and (toks[idx[start_k]].text.lower() in _CONNECTORS
                                   or toks[idx[start_k]].text.rstrip(".") in _TITLE_HEADS):
            start_k += 1
        s, e = toks[idx[start_k]].start, toks[idx[end_k]].end
        if end_k > start_k and not all(_is_common(toks[i]) for i in idx[start_k:end_k + 1]):
            name = body[s:e]
            out.append(_Found(s, e, "ORG", "org:" + slug(name), name))
        if org_at > last_title:
            return out
    cut = next((k for k, i in enumerate(name_idx) if toks[i].text.lower() in _CONNECTORS), None)
    if cut is not None:
        name_idx = name_idx[:cut]  # "Ann Lee of Sioux Falls"
        if not name_idx:
            return out
    if not name_idx or len(name_idx) > 4:
        return out
    if title_idx and toks[title_idx[-1]].text.lower() in _CONNECTORS:
        return out
    if any(toks[i].text.lower() == "and" for i in name_idx):
        return out  # "Kate and Caitlyn": not one person's name
    k0 = idx.index(name_idx[0])
    if k0 > 0 and toks[idx[k0 - 1]].text.lower() in _CONNECTORS:
        return out
    if all(_is_common(toks[i]) for i in name_idx):
        return out
    s, e = toks[name_idx[0]].start, toks[name_idx[-1]].end
    name = body[s:e]
    key = fold(name)
    role_phrase = (before + body[toks[idx[0]].start:s]) if title_idx else before
    before_words = re.findall(r"[\w’'-]+", before.lower())
    titled = bool(title_idx) or bool(before_words and before_words[-1] in _PERSON_HEADS)
    honorific = bool(title_idx) and toks[title_idx[-1]].text.rstrip(".") in g.honorifics
    if len(name_idx) == 1:
        known = local.get(key)
        if known is not None:
            return [*out, _Found(s, e, "PERSON", known.id, known.name, known.entry, known.actor, known.role_phrase)]
        # a surname alone names a KB person only if the article writes the full name or the KB says
        # the surname suffices ("Putin"): "Sharif" in a place name or "Safadi" a villager is no minister
        bucket = g.surnames.get(key, [])
        named = [p for p in bucket if fold(p.name) in fold(body)]
        people = named or (bucket if len(bucket) == 1 and bucket[0].by_surname else [])
        word = toks[name_idx[0]].text
        title = toks[title_idx[-1]].text.lower() if title_idx else ""
        people = [p for p in people if _spelled_like(word, p.name) and _same_gender(title, p.name)
                  and not _inside_longer_name(body, s, e)]
        if len(people) == 1 and (titled or honorific or len(key) >= 4):
            p = people[0]
            return [*out, _Found(s, e, "PERSON", p.id, p.name, p, None, role_phrase)]
        if not (titled or honorific):
            return out
    elif not (titled or honorific or _first_name(toks[name_idx[0]].text) or _appositive_person(body, e)):
        return out
    if any(toks[i].text.isupper() and len(toks[i].text) > 1 for i in name_idx):
        return out  # acronyms are not names
    person = g.people.get(key)
    if person is not None:
        return [*out, _Found(s, e, "PERSON", person.id, person.name, person, None, role_phrase)]
    return [*out, _Found(s, e, "PERSON", "person:" + fold_id(name), name, None, None, role_phrase)]


def _spelled_like(word: str, full_name: str) -> bool:
    """The surname as written is a spelling of the KB name's last word ("Zelenskyy" ~ "Zelensky"), not
    merely the same after folding ("Channel" is no "Diaz-Canel")."""
    from rapidfuzz import fuzz

    last = re.split(r"[\s\-‐–]+", full_name)[-1]
    return fuzz.ratio(_plain(word), _plain(last)) >= 85


def _plain(word: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).lower()


def _same_gender(title: str, full_name: str) -> bool:
    """'Mrs Clinton' is not a man of that surname: an honorific's gender against the given name's."""
    ppl = people()
    want = ppl.honorifics.get(title) or ppl.honorifics.get(title + ".")
    first = _plain(full_name.split()[0])
    if not want or first in ppl.either_given_names:
        return True
    # a woman's honorific needs a woman's given name; a man's is refused only a woman's
    return first in ppl.female_given_names if want == "female" else first not in ppl.female_given_names


def _inside_longer_name(body: str, start: int, end: int) -> bool:
    """'Mazar-i-Sharif', 'Channel 14', 'Air Force One': the word is one part of a longer proper name."""
    before, after = body[max(0, start - 2):start], body[end:end + 12]
    if re.search(r"\w[-‐–]$", before) or re.match(r"[-‐–]\w", after):
        return True
    return bool(re.match(r"\s+(?:\d|(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)\b)", after))


def _appositive_person(body: str, end: int) -> bool:
    """'Shushan Stepanyan, the defence ministry spokeswoman,': a person role right after the name."""
    m = _APPOSITIVE.match(body, end)
    if not m:
        return False
    words = re.findall(r"[\w’'-]+", m.group(1).lower())
    return bool(words) and words[-1] in _PERSON_HEADS


def _sector_after(body: str, end: int) -> str | None:
    """A role noun right after a demonym or possessive: 'Russian forces' -> MIL, 'Ukraine's foreign minister' -> GOV."""
    window = body[end:end + 40]
    m = re.match(r"(?:['’]s)?\s*((?:[\w-]+\s+){0,2}[\w-]+)", window)
    if not m:
        return None
    # extend the noun phrase while words are role words or modifiers; the head noun decides
    parts: list[str] = []
    found: str | None = None
    for w in m.group(1).split():
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


def extract_entities(doc: NlpDoc) -> list[Entity]:
    """PERSON, ORG, GPE, LOC, NORP entities with canonical ids, names and actors."""
    g = gazetteer()
    body = doc.body
    toks = _tokens(body)
    found: list[_Found] = []
    local: dict[str, _Found] = {}  # surname (and full name) -> the person named earlier in this document
    g_heads = g.heads()
    local_heads: set[str] = set()  # first words of the keys of `local` (which only ever gains keys)
    local_n = 0
    for run in _runs(body, toks):
        i = 0
        gap: list[int] = []
        run_found: list[_Found] = []


        while i < len(run):
            match = None
            for j in range(min(len(run), i + g.max_words + 2) - 1, i - 1, -1):
                if toks[run[j]].text.lower() in _CONNECTORS or toks[run[i]].text.lower() in _CONNECTORS:
                    continue
                s, e = toks[run[i]].start, toks[run[j]].end
                piece = body[s:e]
                if j == i and len(piece) < 2:
                    continue
                if j > i:  # a window whose first word starts no known name cannot match: skip folding it
                    if local_n != len(local):
                        local_heads, local_n = {k.split(" ", 1)[0] for k in local}, len(local)
                    head = fold_head(piece)
                    if head not in g_heads and head not in local_heads:
                        continue
                known = local.get(fold(piece))
                if known is not None and j == i and any(h.kind == "country" for h in g.lookup(piece)):
                    known = None  # "Michael Jordan ... visited Jordan": the country wins
                if known is not None and j == i and j + 1 < len(run) and \
                        toks[run[j + 1]].text.lower() not in _CONNECTORS and \
                        body[toks[run[j]].end:toks[run[j + 1]].start] == " ":
                    known = None  # "Tucker Carlson" after "Emma Tucker": one word of a longer name
                if known is not None and known.type == "PERSON":
                    match = (j, _Found(s, e, "PERSON", known.id, known.name, known.entry, known.actor,
                                       known.role_phrase))
                    break
                hits = g.lookup(piece)
                if hits and fold(piece) in g.acronyms and not piece.replace(".", "").isupper():
                    hits = []  # "Eu", "Who" are not the EU or the WHO
                if hits and not (j == i and hits[0].kind == "person" and _is_common(toks[run[i]])):
                    match = (j, _found_from(piece, s, e, hits[0]))
                    break
            if (match is not None and match[0] == i and match[1].type in ("GPE", "LOC", "NORP") and gap
                    and (_first_name(toks[gap[-1]].text) or toks[gap[-1]].text.rstrip(".") in ("Mr", "Mrs", "Ms", "Dr"))
                    and body[toks[gap[-1]].end:toks[run[i]].start] in (" ", ". ")):
                match = None  # "Michael Jordan", "Paris Hilton": a first name makes the place a surname
            if match is None:
                gap.append(run[i])
                i += 1
                continue
            _flush(body, toks, gap, local, run_found)
            gap = []
            j, f = match
            if f.type == "PERSON":
                title_start = run_found[-1].end if run_found else toks[run[0]].start
                f.role_phrase = _preceding_role(body, toks[run[0]].start) + body[title_start:f.start]
            run_found.append(f)
            _remember(f, local)
            i = j + 1
        _flush(body, toks, gap, local, run_found)
        found.extend(run_found)
    found.sort(key=lambda f: f.start)
    _assign_actors(body, found)
    _relink_surnames(body, found)
    return [Entity(text=body[f.start:f.end], start=f.start, end=f.end, type=f.type,  # type: ignore[arg-type]
                   id=f.id, name=f.name, actor=f.actor) for f in found]


def _flush(body: str, toks: list[_Tok], gap: list[int], local: dict[str, _Found], out: list[_Found]) -> None:
    if not gap:
        return
    cut = next((k for k, i in enumerate(gap) if toks[i].text == "and" and k + 1 < len(gap)
                and (toks[gap[k + 1]].text.rstrip(".") in _TITLE_HEADS or _first_name(toks[gap[k + 1]].text))), None)
    if cut is not None:  # "Kozak and Mrs Petrova": two names; "Security and Defense Council" one
        _flush(body, toks, gap[:cut], local, out)
        _flush(body, toks, gap[cut + 1:], local, out)
        return
    word = toks[gap[0]].text
    if len(gap) == 1 and (word in _EVENT_WORDS or word in gazetteer().org_keywords):
        found = [_Found(toks[gap[0]].start, toks[gap[0]].end, "EVENT" if word in _EVENT_WORDS else "ORG", "", word)]
    else:
        found = _gap_entities(body, toks, gap, _preceding_role(body, toks[gap[0]].start), local)
    if found and found[0].type in ("EVENT", "ORG") and found[0].start == toks[gap[0]].start and out \
            and out[-1].type in ("GPE", "LOC", "NORP") and body[out[-1].end:found[0].start] == " ":
        # "Minsk Agreements", "Munich Security Conference", "Moscow Times", "Russian Navy"
        prev = out.pop()
        found[0] = _Found(prev.start, found[0].end, found[0].type, "", body[prev.start:found[0].end])
    for f in found:
        if f.type in ("EVENT", "ORG") and " " not in f.name:
            if f.id:
                out.append(f)  # a one-word name the rules found ("Gazprom"-like ORG ids come set)
            continue  # a bare "Summit", "War" or "Council" names nothing
        if f.type == "EVENT" or (f.type == "ORG" and not f.id):
            f.id = f"{f.type.lower()}:{slug(f.name)}"
        out.append(f)
        _remember(f, local)


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
        if len(words) >= 3 and words[-2] in ("le", "la", "de", "van", "von", "al", "der"):
            local[" ".join(words[-2:])] = f


def _assign_actors(body: str, found: list[_Found]) -> None:
    """Give each entity the actor it stands for, using the words around it."""
    counts: Counter[str] = Counter()
    for f in found:
        if f.entry is not None and f.entry.country and f.entry.kind in ("country", "capital", "place", "seat"):
            counts[f.entry.country] += 2 if f.entry.kind == "place" else 1
    remembered: dict[str, Actor] = {}
    for f in found:
        text = body[f.start:f.end]
        entry = f.entry
        if f.type == "PERSON":
            if entry is not None:
                f.actor = _actor(text, entry)
            elif f.actor is None and f.role_phrase.strip():
                base = resolve_phrase(f.role_phrase.strip(), body[:f.start])
                if base is not None and (base.country or base.code):
                    f.actor = Actor(text=text, name=f.name, id=f.id, country=base.country,
                                    sector=base.sector, code=base.code)
            if f.actor is None:
                # an appositive: "Dmitry Kozak, the Kremlin's deputy chief of staff, said"
                m = _APPOSITIVE.match(body, f.end)
                if m and role_sector(m.group(1))[0] is not None:
                    base = resolve_phrase(m.group(1), body[:f.start])
                    if base is not None and (base.country or base.code):
                        f.actor = Actor(text=text, name=f.name, id=f.id, country=base.country,
                                        sector=base.sector, code=base.code)
            if f.actor is None and f.id in remembered:
                f.actor = remembered[f.id].model_copy(update={"text": text})
            if f.actor is not None:
                f.actor = f.actor.model_copy(update={"text": text})
                remembered.setdefault(f.id, f.actor)
            continue
        if entry is None:
            sector, _ = role_sector(text)
            if sector is not None:
                base = resolve_phrase(_preceding_role(body, f.start) + text, body[:f.start])
                if base is not None and (base.country or base.code):
                    f.actor = base.model_copy(update={"text": text})
            continue
        pre = body[max(0, f.start - 4):f.start].lower()
        post = body[f.end:f.end + 14]
        if entry.kind in ("country", "demonym") and (pre.endswith("pro-") or pre.endswith("pro ")
                                                       or _GROUP_AFFIX.match(post)):
            tail = body[f.end:f.end + 60].lower()
            if re.search(r"separatist|rebel|militant|militia|insurgent|fighters|republic", tail):
                host = _host_country(entry.country, counts)
                sector = "PRE" if re.search(r"^\W*\w*\W*(?:republics?|authorities|leaders?)", tail) else "REB"
                f.actor = sector_actor(text, host, sector)
                continue
        if entry.kind == "capital":
            prev = re.findall(r"[\w’']+", body[max(0, f.start - 25):f.start])
            prev_word = prev[-1].lower() if prev else ""
            nxt = re.match(r"\W*([\w’']+)", body[f.end:f.end + 20])
            next_word = nxt.group(1).lower() if nxt else ""
            if prev_word in _LOCATIVE or next_word in _PLACE_AFTER:
                f.actor = Actor(text=text, name=entry.name, id=entry.id, country=entry.country)
                continue
            sector = _sector_after(body, f.end) if body[f.end:f.end + 2] in ("'s", "’s") else None
            # Moscow acting is the Russian government (the Kremlin's actor); the entity stays the city
            f.actor = _actor(text, entry, sector if sector in ("MIL", "LEG", "JUD", "COP", "SPY") else None)
            continue
        if entry.kind in ("demonym", "country"):
            possessive = body[f.end:f.end + 2] in ("'s", "’s")
            sector = _sector_after(body, f.end) if (entry.kind == "demonym" or possessive) else None
            f.actor = _actor(text, entry, sector)
            continue
        if entry.kind == "place":
            f.actor = Actor(text=text, name=entry.name, id=entry.id, country=entry.country)
            continue
        f.actor = _actor(text, entry)


def _relink_surnames(body: str, found: list[_Found]) -> None:
    """A surname met before the full name ('Kozak ... Dmitry Kozak') joins the full name's entity."""
    full: dict[str, _Found] = {}
    for f in found:
        if f.type == "PERSON" and " " in fold(f.name):
            full.setdefault(fold(f.name).split()[-1], f)
    for f in found:
        text = body[f.start:f.end]
        if f.type == "NORP" and " " not in text and fold(text) in full:
            # "Turk's office" where the article names Volker Turk: his, not Turkey's
            f.type, f.entry, f.actor, f.name = "PERSON", None, None, text
        if f.type == "PERSON" and " " not in fold(f.name):
            target = full.get(fold(f.name))
            if target is not None and target.id != f.id:
                f.id, f.name = target.id, target.name
                if f.actor is None and target.actor is not None:
                    f.actor = target.actor
