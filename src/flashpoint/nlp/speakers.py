"""Who speaks: where a speech verb's speaker is written, and whom that token names.

`subject_of` and its neighbours find the token (the verb's subject, a passive agent, the noun
phrase set off before or after the verb); `Speakers.who` turns it into a person or a body: an
entity, a pronoun's antecedent (gender agreement, most recent compatible person), a described
person ("the foreign minister"), an apposed name ("The official, Dmitry Kozak,"), coordinated
speakers, or the issuer of a document ("the statement said"). Names inside quotes are no one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise
from typing import Protocol, TypeVar

from spacy.tokens import Doc, Span, Token

from flashpoint.model import Actor, Entity
from flashpoint.nlp import coref, syntax
from flashpoint.nlp.actors import actor_for_span, resolve_actor
from flashpoint.nlp.document import NlpDoc, doc_text, spaced_words, words_near
from flashpoint.nlp.gazetteer import fold, gazetteer
from flashpoint.nlp.language import Patterns, names, number_words, people, quoting, speech_words
from flashpoint.nlp.language import syntax as syntax_words
from flashpoint.nlp.regexes import longest_first

NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X"})
NAME_POS = ("PROPN", "PRON")
# the head of a noun phrase is reached from its words through these edges ("the envoy of Y": envoy)
PHRASE_UP = frozenset({"flat", "compound", "amod", "det", "appos", "nmod:poss", "nummod", "nmod", "case"})
# a word before its phrase's head hangs on a word after it by these edges ("43-year-old Jana Ortiz": year, old, Ortiz)
_BEFORE_HEAD = frozenset({"flat", "compound", "amod", "nmod:desc", "obl:unmarked"})
_FULL_NAME = re.compile(r"(?<![\w’'])[A-Z][\w’'\-]+(?:[ \u00a0]+[A-Z][\w’'\-]+)+")  # "Jana Ortiz": a name of two words or more
DESCRIBED_REACH = 600  # characters: "A spokesperson … said … Later he said" within this reach is that spokesperson
GROUP_REACH = 400  # characters: "it"/"they" stand for the body that spoke within this reach
DOCUMENT_REACH = 2000  # characters: "the report" is the document last named with its issuer within this reach
QUOTED_SENTENCES = 6  # quoted sentences a pronoun after a quote looks past for the sentence that introduced it
KIND_SENTENCES = 2  # sentences before "the automaker said" (outside quotes) whose subject may be the body it describes
PRONOUN_LOOKBACK = 6  # people named before a pronoun that it may stand for
PERIPHERAL = ("nmod", "obl", "nmod:poss")  # a name here is a possessor or in a prepositional phrase
SUBJECT_SENTENCES = 5  # sentences back a "he"/"she" with no subject near it looks for a person as a subject
DESCRIPTION_CHAIN = 3  # mentions back a chain of "the group" … "the group" is followed to the one a name is set off after
PRONOUN_CHAIN = 3  # sentences back a chain of subject pronoun after subject pronoun is followed ("He … He … he said")
PERSON_RELATIVES = syntax_words().person_relatives  # relative pronouns of a clause about a person (syntax.yaml)
CLOSING_QUOTES = "”\"»"  # marks that close a double quote
CONTEXT_TOKENS = 40  # words after a name read for a pronoun that tells the person's gender
_WORDS = names()
_POSSESSIVE_BEFORE_SPACE = re.compile(_WORDS.possessive + r"?(?=\s)")  # "the Nations' "
_POSSESSIVE_END = re.compile(_WORDS.possessive + r"?\Z")  # "The Wrap’s" as its report's owner
_ONES = frozenset(w for w, v in number_words()["units"].items() if v == 1)  # "one" (lang/en/numbers.yaml units)

_cue = Patterns("quotes.yaml", "speaker_patterns")  # the words around a speaker's name and role
_ARTICLES = longest_first(_WORDS.articles)
_DASH = longest_first(syntax.DASHES)  # any dash the parse reads as one ("-", "–", "—", "--")
_APPOSITIVE_NAME = re.compile(rf"(?:\s+{longest_first(_WORDS.appositive_preps)}\s+[^,.;]{{1,40}})?,\s+")
_AND_BETWEEN_NAMES = _cue("and_between_names")
# "the foreign minister", "Russia's top diplomat": a role made definite by its article or by a name owning it
_DEFINITE = _cue("definite")
_INDEFINITE = _cue("indefinite")  # "a top Russian official", "an aide"
# a name and a comma right before a phrase ("Idan Avshalom, | a senior medic")
_NAME_AND_COMMA = re.compile(r"(?<![\w’'])((?:[A-Z][\w’'\-]+[ \u00a0]+){0,3}[A-Z][\w’'\-]+)(?:[ \u00a0]+\([A-Z]{2,6}\))?,"
                             r"[ \u00a0]+$")  # "Ain o Salish Kendra (ASK), | a legal aid group"
_ARTICLE = re.compile(rf"{_ARTICLES}\s", re.IGNORECASE)
# where the head of an apposition ends: a preposition, a relative pronoun or "and" after it
_PHRASE_TAIL = _cue("phrase_tail")
# "the agency", "the news organization", "the production company": a body described, not named (no capitals)
_DEFINITE_BODY = _cue("definite_body")
# "the German automaker", "the production company": a body described by its kind, a few words before the kind
_KIND_DESCRIPTION = _cue("kind_description")
# a person described by their age alone ("the 56-year-old", "the veteran 48-year-old", "the seventy-year-old")
_AGE_DESCRIPTION = _cue("age_description")
_COMMON_WORD = re.compile(r"-[a-z]")  # a capitalised word with a common word hyphened on ("Sacramento-based")
_WHO_AFTER_NAME = _cue("who_after_name")
_AGE_AFTER_NAME = _cue("age_after_name")  # "Amal Nasser, 34, fled": an age set off after a name marks a person
# a possessive after a date and the noun it owns ("Saturday’s attack"), which the date's phrase keeps
_OWNED_BY_TIME = _cue("owned_by_time")
# the word written right before a name, with nothing but a space between ("coach Bruce Boudreau")
_WORD_BEFORE = re.compile(r"(?<![\w\-])([\w\-]+)[ \u00a0]+$")
# an apposition right after a name, up to its closing comma or the end of the sentence ("X, a trade professor at Cornell,"),
# past an abbreviation's stops ("X, the U.S. attorney for …,")
# up to two lower-case words right after a name (past an acronym in brackets): "Magen David Adom (MDA) emergency service"
_NOUNS_AFTER_NAME = re.compile(r"(?:[ \u00a0]+\([A-Z]{2,6}\))?((?:[ \u00a0]+[a-z][\w\-]*){1,2})")
_ROLE_AFTER_NAME = _cue("role_after_name")
_ALIAS_LEAD = _cue("alias_lead")  # "call-sign ", "nom de guerre ": the words before a person's alias
_CAPITALISED_RUN = re.compile(r"[A-Z][\w’'\-]+(?:[ \u00a0]+[A-Z][\w’'\-]+){0,2}")  # a name of one to three words


@dataclass
class Who:
    """A resolved speaker: a person or actor, where it is named."""

    name: str
    start: int
    id: str | None = None
    actor: Actor | None = None
    person: bool = False
    nameless: bool = False  # "officials said": a plural source noun alone, no one named (quotes.yaml)
    several: bool = False  # "X and Y said": people joined as one speaker, whom "they" may stand for (`group`)


@lru_cache(maxsize=1)
def role_nouns() -> frozenset[str]:
    """Role nouns a tagger may take for adjectives ("a senior official said"), singular and plural."""
    words = {w for r in coref.speech_lexicon().get("person_roles", []) for w in str(r).lower().split()}
    return frozenset(words) | frozenset(w + "s" for w in words)


def describe(text: str) -> str:
    """A source as the text names it, without its article or an "according to" before it."""
    text = _cue("according_to_lead").sub("", text.strip(" ,\u00a0\n“”\"‘’'"))  # no quote mark
    return re.sub(rf"^{_ARTICLES}\s+", "", text, flags=re.IGNORECASE)


def looks_like_full_name(text: str) -> bool:
    """Two to four capitalised words opening with a known given name ("Tahani Mustafa"): a person."""
    words = text.split()
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return False
    return fold(words[0]) in gazetteer().first_names or coref.fold(words[0]) in people().female_given_names


def _agrees(gender: str | None, pronoun_gender: str) -> bool:
    """A person of unknown gender agrees with "he", never with "she": the name lists mark women."""
    return gender == pronoun_gender or gender is None and pronoun_gender == "male"


def _is_subject(tok: Token) -> bool:
    """A clause's subject, or a name apposed to one ("Her son, filmmaker X,"); not a name that
    modifies the subject ("the Biden administration")."""
    for _ in range(3):
        if tok.dep_ in ("nsubj", "nsubj:pass"):
            return True
        if tok.dep_ not in ("appos", "flat") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _clause_of(tok: Token) -> Token:
    """The verb (or other head) whose clause `tok` is the subject of, past apposition."""
    while tok.dep_ in ("appos", "flat") and tok.head.i != tok.i:
        tok = tok.head
    return tok.head


def _reports(verb: Token) -> bool:
    """A verb that reports speech ("says"), or governs one it shares its subject with ("declined to say")."""
    return syntax.is_verb_of(verb, speech_words("reported")) or \
        any(c.dep_ == "xcomp" and syntax.is_verb_of(c, speech_words("reported")) for c in verb.children)


def _said_by_same_kind(word: Token, kind: Token) -> bool:
    """'The group announced that WeWork had reached a deal. … the group said': a word in a clause that a speech verb
    reports whose own subject is the same word for a body ("the group") as `kind`; that word already stands for the
    one who spoke there, so "the group" later is that speaker, not a body named in what it said. The verb `kind` is
    itself the subject of reports no earlier speech ("“…,” the company said": the quote's words are before it)."""
    return word.dep_ in ("nsubj", "nsubj:pass") and any(
        _reports(v) and any(c.dep_ in ("nsubj", "nsubj:pass") and c.lower_ == kind.lower_ and c.i != kind.i
                            for c in v.children)
        for v in _clause_of(word).ancestors)


def _may_be_called(body: Who, word: Token) -> bool:
    """'… the news agency said … the commission said': a body that spoke under common words alone (as written, no
    name) is "the <word>" later only where those words hold it, or where the word is one for any speaker (quotes.yaml
    any_speaker_words: "the source"); a word for a kind of body (quotes.yaml description_name_words: "the commission")
    is no body whose name holds none of that kind's words, named or not."""
    kind = quoting().description_name_words.get(word.lower_)
    if kind is not None and not _holds_word(body, kind):
        return False  # "the commission" is no news agency that spoke before it (description_name_words)
    return any(c.isupper() for c in body.name) or word.lower_ in body.name.lower().split() or \
        word.lower_ in quoting().any_speaker_words  # "An insider told … the source said": any speaker


def _governs_clause(top: Token, tok: Token) -> bool:
    """Is `top` `tok` or one of its heads?"""
    for _ in range(12):
        if tok.i == top.i:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _depth(tok: Token) -> int:
    """How many heads lie above `tok` in its sentence."""
    n = 0
    while tok.head.i != tok.i and n < 40:
        tok = tok.head
        n += 1
    return n


def is_document(tok: Token) -> bool:
    """A noun for what a speaker issues ("the statement", "a resolution"; speech_verbs.yaml document_nouns)."""
    return tok.lemma_.lower() in speech_words("document_nouns") or tok.lower_ in speech_words("document_nouns")


def is_document_word(word: str) -> bool:
    """A word written as a document noun ('-report' glued to its dash, a token of its own nowhere)."""
    return word.lower() in speech_words("document_nouns")


def _is_pronoun_of_no_one(tok: Token) -> bool:
    if _acronym(tok):
        return False  # "The US said": a name, not "us"
    return tok.lower_ in people().other_pronouns or tok.lower_ in syntax_words().relative_pronouns


def _acronym(tok: Token) -> bool:
    """A word of two or more capitals ("US", "CNBC"): a name, never a pronoun or a capitalised sentence opener."""
    return len(tok.text) > 1 and tok.text.isupper() and tok.text.isalpha()


def _conjuncts(tok: Token) -> tuple[list[Token], list[Token]]:
    """Nominals coordinated after `tok` (more speakers) and, among them, those with no "and"/"or":
    appositions the parse took for conjuncts ("the envoy, X,")."""
    name_parts = [tok, *syntax.children(tok, "flat", "compound")]
    conjuncts = [c for t in name_parts for c in syntax.children(t, "conj") if c.i > tok.i and nominal_like(c)]
    appositions = [c for c in conjuncts if not syntax.children(c, "cc")]
    return conjuncts, appositions


def _past_relative(tok: Token, hi: int, body: str) -> int:
    """The first comma of `body` within or right after a relative clause that goes on from `tok`'s phrase at `hi` (the
    parse may hang the name set off after it inside the clause), else `hi`."""
    rel = [c for c in tok.children if c.dep_ == "acl:relcl" and c.idx >= hi]
    if not rel:
        return hi
    end = max(t.idx + len(t) for t in rel[0].subtree)
    comma = body.find(",", hi, end + 1)
    return comma if comma >= 0 else hi


def _phrase_bounds(tok: Token) -> tuple[int, int]:
    """The noun phrase `tok` heads, after its preposition ("according to the watchdog") and, for a
    name, to the end of the run of names however the parse split or tagged it."""
    lo, hi = syntax.phrase_span(tok)
    lead = [c for c in tok.children if c.dep_ in ("case", "mark") and c.i < tok.i]
    if lead:
        last = max(lead, key=lambda c: c.i)
        lo = max(lo, max((t.idx + len(t) for t in last.subtree), default=lo))
    if tok.pos_ in NAME_POS:
        hi = max(hi, name_run(tok)[1])
    elif _misread_name(tok):
        hi = max(hi, _titled_run(tok))  # "Save the Children", tagged as a verb and its object
    return lo, hi


def _misread_name(tok: Token) -> bool:
    """A capitalised word inside its sentence that the tagger read as a verb ("Save the Children"), or as an
    adjective opening a run of capitalised words; not a demonym before a common noun ("the American ambassador")."""
    if not _capitalised(tok) or tok.is_sent_start:
        return False
    if tok.pos_ == "VERB":
        return True
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.pos_ == "ADJ" and nxt is not None and _capitalised(nxt)


def _titled_run(tok: Token) -> int:
    """Where a name of capitalised words and the connectors names use ("the", "of") ends."""
    doc = tok.doc
    end = i = tok.i
    connectors = names().name_connectors
    while i + 1 < len(doc) and doc[i].whitespace_:
        nxt = doc[i + 1]
        if _capitalised(nxt):
            end = i = i + 1
        elif nxt.lower_ in connectors and nxt.is_lower and i + 2 < len(doc):
            i += 1
        else:
            break
    return doc[end].idx + len(doc[end])


def _determiner_before(tok: Token) -> list[Token]:
    """'The research concludes', parsed with "The" on the verb read as a noun: the definite determiner
    written right before the noun and its modifiers, when the parse hung it elsewhere."""
    if any(c.dep_ == "det" for c in tok.children):
        return []
    i = tok.i - 1
    while i >= 0 and tok.doc[i].dep_ in ("compound", "amod") and tok.doc[i].head.i == tok.i:
        i -= 1
    before = tok.doc[i] if i >= 0 else None
    if before is None or before.pos_ not in ("DET", "PRON") or before.lower_ not in quoting().definite_determiners:
        return []
    return [before]


def _body_by_alias(text: str) -> Actor | None:
    """'the United Nations' nuclear watchdog said': a phrase of several words that is, as a whole, a listed
    name of a body (organizations.yaml aliases) is that body, named as the list names it, before any name
    inside it ("United Nations")."""
    clean = _POSSESSIVE_BEFORE_SPACE.sub("", describe(text))
    if len(clean.split()) < 2 or not gazetteer().lookup_as_written(clean):
        return None
    actor = resolve_actor(clean)
    return actor if actor is not None and actor.id is not None and actor.country is None else None


def _nameless(tok: Token, lo: int) -> bool:
    """'officials said', 'according to experts': a plural source noun with no word of its own phrase (no
    modifier, determiner, number or name) names no one (quotes.yaml: nameless_sources); a commentator whose only
    modifiers name no body ('trade experts', 'Middle East observers') names no one either (typed_nameless_sources)."""
    own = [c for c in tok.children if c.dep_ not in ("punct", "cc", "case") and c.idx >= lo]  # within its phrase
    if not own:
        return tok.lower_ in quoting().nameless_sources
    return tok.lower_ in quoting().typed_nameless_sources and all(map(_kind_of_source, own))


def _kind_of_source(mod: Token) -> bool:
    """'trade', 'local', 'regional', 'Middle East': a modifier that says what kind of source, naming no country, body
    or sector ('Israeli', 'Kremlin', 'opposition' and a capitalised group, 'Republican', 'Kurdish', name one)."""
    words = list(mod.subtree)
    if mod.dep_ not in ("amod", "compound") or any(t.pos_ not in ("ADJ", "NOUN", "PROPN") for t in words) or \
            any(t.lower_ in quoting().counting_words for t in words):
        return False  # "many analysts" are some of them, as "some experts" are
    actor = resolve_actor(" ".join(t.text for t in words))
    if actor is None:
        return all(t.is_lower for t in words)  # "Regional" opening a sentence may be a group's name: left as it was
    return actor.country is None and actor.sector is None and (actor.id or "").startswith("place:")


def _sentence_opening_name(tok: Token, has_entity: bool) -> bool:
    """A capitalised word that opens its sentence and no entity covers: a sentence start, no name,
    unless the text writes it capitalised inside a sentence too ("Tottenham said" after "joins Tottenham")."""
    if tok.pos_ != "PROPN" or has_entity or _acronym(tok) or tok.lower_ in speech_words("source_nouns") | role_nouns():
        return False  # "Prosecutors told reporters …", tagged a name: a source noun all the same
    return _capitalised_only_at_openings(tok) and not _name_before_its_speech(tok)


def _name_before_its_speech(tok: Token) -> bool:
    """'Nomura said the yen would weaken': a word tagged a name, set right before the speech verb it is the subject
    of, is a name when it is no common word (a stop word, a calendar word, names' common_words) and the text
    never writes it in lower case; a word the parse hung elsewhere, any common word, or a word tagged a common
    noun ("Correction added Nov. 18: …") stays a sentence start."""
    verb = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if verb is None or tok.head.i != verb.i or tok.dep_ != "nsubj" or not _reports(verb):
        return False
    low = tok.lower_
    if low in _common_words() or not tok.text[1:].islower():
        return False
    return re.search(rf"\b{re.escape(low)}\b", doc_text(tok.doc)) is None


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Words that open a sentence capitalised but are no name (stop words, calendar words, names' common_words)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | names().calendar_words | names().common_words


def _opening_common_noun(tok: Token) -> bool:
    """'Images of bullet casings … indicate': a lower-case noun ("NTV" is no such word) capitalised only where it
    opens a sentence."""
    return tok.pos_ == "NOUN" and tok.text[1:].islower() and _capitalised_only_at_openings(tok) and \
        not (tok.tag_ == "NN" and not list(tok.children) and _name_before_its_speech(tok))  # "Energoatom said"


def _hyphened_on(tok: Token) -> bool:
    """'Iran-backed', 'Saudi-led': a capitalised word with a common word hyphened on, a modifier, no name."""
    doc = tok.doc
    return tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and doc[tok.i + 2].is_lower


def _of_a_kind(tok: Token, text: str) -> bool:
    """'The automaker', 'the brokerage': "the" and a word for a kind of body alone (quotes.yaml body_kinds)."""
    return tok.lower_ in quoting().body_kinds and tok.tag_ != "NNS" and len(text.split()) == 2 and \
        bool(_DEFINITE_BODY.fullmatch(text))


def _seat_of_power(e: Entity) -> bool:
    """'The Pentagon', 'the White House', 'the Kremlin': a seat a state's government or army is named by (countries.yaml
    seats) is a name the text gives its speaker, which the knowledge base files under a description ("American
    military"); the speaker keeps the name as written, the actor the description."""
    return e.type == "ORG" and any(entry.kind == "seat" for entry in gazetteer().lookup_as_written(e.text))


def _as_written(tok: Token, lo: int, text: str, actor: Actor | None) -> Who:
    """The speaker as the text writes it ("the ministry", "witnesses"), with the actor found for it."""
    return Who(name=describe(text), start=lo, id=actor.id if actor else None, actor=actor,
               person=actor is None and looks_like_full_name(text), nameless=_nameless(tok, lo))


def _names_head(actor: Actor, tok: Token) -> bool:
    """Does the actor found for a phrase name its head ("the production company": a sector, no one; "the German
    automaker": Germany, the modifier's)?"""
    return actor.id is not None and tok.text.lower() in (actor.text or "").lower()


def _phrase_head(tok: Token) -> Token:
    """The head of a name's words ("Ilhan" -> "Omar"), past the flat and compound edges that join them."""
    while tok.dep_ in ("flat", "compound") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _holds_word(who: Who, words: frozenset[str]) -> bool:
    """Does the body's name (or its actor's: "ICJ", the International Court of Justice) hold one of `words`?"""
    names = [who.name, who.actor.name if who.actor is not None else None]
    return any(w.lower() in words for name in names if name for w in re.findall(r"[\w\-]+", name))


def _possessor_or_prepositional(tok: Token) -> bool:
    """A name that is a possessor ("Ann's music") or a preposition's object ("with the label"), or is joined or apposed
    to one ("in Greenbelt, Maryland"): a name at the edge of its clause, not one that acts or is acted on there."""
    for _ in range(8):
        if tok.dep_ not in ("flat", "compound", "appos", "conj") or tok.head.i == tok.i:
            break
        tok = tok.head
    return tok.dep_ == "nmod:poss" or tok.dep_ in PERIPHERAL and syntax.case_of(tok) is not None


def _verbs_of_name(span: Span) -> list[Token]:
    """The verb a name is the subject of, with its auxiliaries, and the verb of a "who" clause right after it."""
    after = span.doc[span.end:span.end + 3]
    who = quoting().subject_relatives
    verbs = [t for t in after if t.text != "," and t.lower_ not in who][:1] if any(t.lower_ in who for t in after[:2]) else []
    if _is_subject(span.root) and span.root.head.i != span.root.i:
        verbs += [span.root.head, *(c for c in span.root.head.children if c.dep_ in ("aux", "aux:pass", "cop"))]
    return verbs


def _after_speech_quote(tok: Token) -> bool:
    """Is the word written right after a closing quote mark that follows a "?", "!" or ","?"""
    before = doc_text(tok.doc)[max(0, tok.idx - 4):tok.idx].rstrip()
    return len(before) >= 2 and before[-1] in CLOSING_QUOTES and before[-2] in "?!,"


def _capitalised_only_at_openings(tok: Token) -> bool:
    """A word that opens its sentence and is written capitalised nowhere else in the text; not a word right after a
    quote that closes on a question, an exclamation or a comma ("“… problem?” Schiff asked": the splitter's cut)."""
    if not (tok.i == 0 or bool(tok.is_sent_start)) or _after_speech_quote(tok):
        return False
    text = doc_text(tok.doc)
    return not any(text[:m.start()].rstrip()[-1:] not in ("", ".", "!", "?", "\n", "”", '"', ":")
                   for m in re.finditer(rf"\b{re.escape(tok.text)}\b", text))


class _Spanned(Protocol):
    start: int
    end: int


_S = TypeVar("_S", bound=_Spanned)


def _inside(items: list[_S], starts: list[int], lo: int, hi: int) -> list[_S]:
    """The items (sorted by `start`, `starts` their starts) that lie wholly inside [lo, hi), found by bisection."""
    i = bisect_right(starts, lo - 1)
    out = []
    while i < len(items) and items[i].start < hi:
        if items[i].end <= hi:
            out.append(items[i])
        i += 1
    return out


class Speakers:
    """Who a subject token names: an entity, a pronoun's antecedent, a described person, or a body."""

    def __init__(self, doc: NlpDoc, quoted: list[tuple[int, int]]) -> None:
        self.doc = doc
        self.body = doc.body
        self.quoted = quoted  # interiors of double quotes: no name in them is a speaker or an antecedent
        self.entities = sorted((e for e in doc.entities if not self.in_quote(e.start)), key=lambda e: e.start)
        self.starts = [e.start for e in self.entities]
        self.mentions = coref.entity_mentions(self.body, self.entities, doc.tokens)  # with written roles, for descriptions
        self.said: list[Who] = []  # speakers resolved so far, in text order
        self.spoke_at: list[int] = []  # where each of `said` spoke (its cue), for how far back "it" reaches
        self.times = [(t.start, t.end) for t in doc.timexes]
        self.unlisted_gender: dict[str, str | None] = {}
        self._context_gender: dict[str, str | None] = {}
        self.called_she: set[str] = set()  # people a "she" was resolved to: no later "he" is theirs
        self.unlisted = self._unlisted_people()  # people no entity covers ("Wild coach Bruce Boudreau")
        self.unlisted_starts = [m.start for m in self.unlisted]

    # -- where things are ----------------------------------------------------------------------

    def in_quote(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.quoted)

    def in_time(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.times)

    def _past_time(self, lo: int, limit: int) -> int:
        """'On Monday Safadi told', parsed as one phrase: where the phrase starts past a date before `limit`."""
        for a, b in self.times:
            if a <= lo < b <= limit:
                lo = b
                owned = _OWNED_BY_TIME.match(self.body, lo, limit)
                lo = owned.end() if owned else lo  # "before Saturday’s attack regional leaders": the attack is the day's
        while lo < limit and self.body[lo] in " \u00a0,":
            lo += 1
        return lo

    def entities_in(self, lo: int, hi: int) -> list[Entity]:
        return _inside(self.entities, self.starts, lo, hi)

    def unlisted_in(self, lo: int, hi: int) -> list[coref.Mention]:
        """The people no entity covers (`unlisted`) inside [lo, hi), as `entities_in` gives the entities there."""
        return _inside(self.unlisted, self.unlisted_starts, lo, hi)

    def entity_at(self, pos: int) -> Entity | None:
        i = bisect_right(self.starts, pos) - 1
        for j in range(i, max(-1, i - 4), -1):  # entities barely nest: a few steps back suffice
            if self.entities[j].start <= pos < self.entities[j].end:
                return self.entities[j]
        return None

    # -- people the entities stage did not find ---------------------------------------------------

    def _unlisted_people(self) -> list[coref.Mention]:
        """Capitalised names no entity covers, outside quotes, that the text itself marks as a person:
        a known given name, a noun only a person can be written next to them ("Eswar Prasad, a trade
        professor"), an honorific, or a surname (no common noun) used alone elsewhere as a subject
        ("Bruce Boudreau … Boudreau said"); each mention carries the full name and the person's gender
        (from the name, a title, or a pronoun that refers back within the mention's sentence)."""
        groups, titled_names = self._unlisted_groups()
        people_found: list[coref.Mention] = []
        for name, ms in groups.items():
            if not self._unlisted_is_person(name, ms, name in titled_names):
                continue
            self.unlisted_gender[name] = self._unlisted_gender(name, ms)
            people_found.extend(ms)
        return sorted(people_found, key=lambda m: m.start)

    def _unlisted_groups(self) -> tuple[dict[str, list[coref.Mention]], set[str]]:
        """Capitalised names no entity covers, outside quotes and times, grouped by name with a leading
        person noun taken off ("Superintendent Jennifer McCormick"), and the names that had one."""
        taken = [(e.start, e.end) for e in self.doc.entities]
        groups: dict[str, list[coref.Mention]] = {}
        titled_names: set[str] = set()
        for m in coref.fallback_mentions(self.body, taken, self.doc.tokens):
            if self.in_quote(m.start) or self.in_time(m.start):
                continue
            words = m.name.split()
            while len(words) > 2 and words[0].lower() in quoting().person_nouns:
                words = words[1:]  # "Superintendent Jennifer McCormick": the title marks a person
                titled_names.add(" ".join(words))
            m.name = " ".join(words)
            groups.setdefault(m.name, []).append(m)
        return groups, titled_names

    def _unlisted_is_person(self, name: str, ms: list[coref.Mention], titled: bool) -> bool:
        """Does the text mark the name as a person's: a surname used alone as a subject, a title or
        description, or the shape of a full name; no institution word and no plural ("fellow Republicans")."""
        words = name.split()
        if any(w in coref.INSTITUTION for w in words) or not coref.looks_like_person(name) or \
                any(self._plural_name(m) and not self._singular_name(ms) or self._names_a_body(m.end) for m in ms):
            return False
        return self._surname_reused(words, ms) or titled or \
            any(self._gender_before(m.start) is not None or self.described_as_person(m.start, m.end) for m in ms) or \
            looks_like_full_name(name)

    def _surname_reused(self, words: list[str], ms: list[coref.Mention]) -> bool:
        """'Bruce Boudreau … Boudreau said': the surname alone is a subject elsewhere and no word of the
        name is written in lower case anywhere in the text (a common word)."""
        if len(words) < 2 or not any(self.body[m.start:m.end] == words[-1] and self._acts(m) for m in ms):
            return False
        return not any(re.search(rf"\b{re.escape(w.lower())}\b", self.body) for w in words)

    def _unlisted_gender(self, name: str, ms: list[coref.Mention]) -> str | None:
        """From a gendered word before a mention, else the given name, else a pronoun in the mention's sentence."""
        gender = next((g for m in ms if (g := self._gender_before(m.start)) is not None), None)
        return gender or self._gender_of_name(name) or self._gender_in_context([(m.start, m.end) for m in ms])

    def _names_a_body(self, end: int) -> bool:
        """'Magen David Adom (MDA) emergency service': a name (ending at `end`) before a noun that ends an
        institution's name is that body's name, whatever given name it holds."""
        after = _NOUNS_AFTER_NAME.match(self.body, end)
        return after is not None and after.group(1).split()[-1].capitalize() in coref.INSTITUTION

    def _plural_name(self, m: coref.Mention) -> bool:
        span = self.doc.tokens.char_span(m.start, m.end, alignment_mode="expand")
        return span is not None and len(span) > 0 and span[-1].tag_ in ("NNPS", "NNS")

    def _singular_name(self, ms: list[coref.Mention]) -> bool:
        """'Eyamba Sowers didn't know …, said Sowers, who is also …': a surname the tagger read as a plural
        ("Sowers", "Rogers") is one person's where a verb agrees with one ("who is", "Sowers has"); "Senate
        Democrats, who are" stays a group."""
        spans = [self.doc.tokens.char_span(m.start, m.end, alignment_mode="expand") for m in ms]
        return any(v.tag_ == "VBZ" or v.lower_ in syntax_words().singular_past_forms for span in spans if span for v in _verbs_of_name(span))

    def _acts(self, m: coref.Mention) -> bool:
        """A surname alone that is a clause's subject ("Boudreau said"), not after an article ("the
        Hospital") nor a noun inside a phrase ("Head of Research")."""
        before = _WORD_BEFORE.search(self.body, max(0, m.start - 20), m.start)
        if before is not None and before.group(1).lower() in _WORDS.articles:
            return False
        span = self.doc.tokens.char_span(m.start, m.end, alignment_mode="expand")
        return span is not None and _is_subject(span.root)

    def described_as_person(self, start: int, end: int) -> bool:
        """A noun only a person can be written as the name's title ("Wild coach Bruce Boudreau", "son,
        filmmaker X") or in the apposition right after it ("X, a trade professor at Cornell,"), or a
        relative clause for a person ("X, who had not sung in years,")."""
        nouns = quoting().person_nouns | role_nouns()
        before = _WORD_BEFORE.search(self.body, max(0, start - 40), start)
        if before is not None and before.group(1).lower() in nouns:
            return True
        if _WHO_AFTER_NAME.match(self.body, end) or _AGE_AFTER_NAME.match(self.body, end):
            return True  # "X, who had not sung in years,", "X, 34,"
        m = _ROLE_AFTER_NAME.match(self.body, end)
        if m is None:
            return False
        head = _PHRASE_TAIL.split(m.group(1), maxsplit=1)[0].split()  # "a trade professor | at Cornell"
        if not head:
            return False
        title = head[0][:1].isupper() and head[0].lower() in nouns  # "X, President Ascom North America,"
        return title or head[-1].lower() in nouns

    def _gender_in_context(self, spans: list[tuple[int, int]]) -> str | None:
        """'Buckley, who had not sung in years, worried …, given that she had no background': the
        gender of a "he"/"she" that is the subject of a clause joined to the clause the name is the
        subject of (one governs the other), after the name in its sentence, outside quotes, with no
        other name as a subject between; when the mentions disagree, unknown."""
        votes: set[str] = set()
        for lo, hi in spans:
            vote = self._pronoun_gender_after(lo, hi) or self._predicate_gender(lo, hi)
            if vote is not None:
                votes.add(vote)
        return votes.pop() if len(votes) == 1 else None

    def _predicate_gender(self, lo: int, hi: int) -> str | None:
        """'Omar is one of the first two Muslim women elected', 'X, a mother of three,': the gender of a gendered noun
        (people.yaml gendered_roles) the name is said to be, as a copula's predicate or in an apposition."""
        span = self.doc.tokens.char_span(lo, hi, alignment_mode="expand")
        if span is None or not len(span) or self.in_quote(lo):
            return None
        name = _phrase_head(span[-1])
        said = [name.head] if name.dep_ == "nsubj" and any(c.dep_ == "cop" for c in name.head.children) else []
        said += [c for c in name.children if c.dep_ == "appos"]
        said += [c for t in said for c in t.children if c.dep_ == "nmod" and t.lower_ in _ONES]  # "one of the women"
        roles = people().gendered_roles
        return next((roles[t.lower_] for t in said if t.lower_ in roles), None)

    def _pronoun_gender_after(self, lo: int, hi: int) -> str | None:
        """The gender of the first subject pronoun after the name at [lo, hi) in its sentence, when
        its clause and the name's are joined; None at another name as a subject or the sentence's end."""
        pronouns = people().person_pronouns
        span = self.doc.tokens.char_span(lo, hi, alignment_mode="expand")
        if span is None:
            return None
        # the clause the name is the subject of; a name the parse left apart stands for its clause
        anchors = [_clause_of(t) if _is_subject(t) else t for t in span if _is_subject(t) or t.dep_ == "ROOT"]
        if not anchors:
            return None
        for t in self.doc.tokens[span.end:span.end + CONTEXT_TOKENS]:
            if t.text in ".!?" or "\n" in t.text or self.in_quote(t.idx):
                return None  # the sentence ends (however the parse cut it) or a quote begins
            if self._names_subject(t):
                return None  # another name as a subject: the pronoun may be theirs
            if t.lower_ in pronouns and t.dep_ in ("nsubj", "nsubj:pass"):
                other = t.head
                joined = any(_governs_clause(a, other) or _governs_clause(other, a) for a in anchors)
                return pronouns[t.lower_] if joined else None
        return None

    def _names_subject(self, t: Token) -> bool:
        """A name (a capitalised proper noun or an entity) that is a clause's subject."""
        return (t.text[:1].isupper() and t.pos_ == "PROPN" or self.entity_at(t.idx) is not None) and _is_subject(t)

    def _unlisted_who(self, m: coref.Mention) -> Who:
        return Who(name=m.name, start=m.start, person=True)

    def unlisted_at(self, lo: int, hi: int) -> coref.Mention | None:
        """The unlisted person whose mention lies within [lo, hi), the last one."""
        i = bisect_right(self.unlisted_starts, hi - 1) - 1
        if i >= 0 and lo <= self.unlisted[i].start and self.unlisted[i].end <= hi:
            return self.unlisted[i]
        return None

    def from_entity(self, e: Entity) -> Who:
        longer = self._longer_name(e)
        if longer is not None:
            return longer
        actor = e.actor
        if actor is None and e.type == "PERSON" and len((e.name or e.text).split()) > 1:
            actor = resolve_actor(e.name or e.text)  # a full name only: a surname could be anyone's
        name = e.text if _seat_of_power(e) else e.name or e.text  # "the Pentagon said": not "American military"
        return Who(name=name, start=e.start, id=e.id, actor=actor, person=e.type == "PERSON")

    def _longer_name(self, e: Entity) -> Who | None:
        """'Al Sharif said', linked by its surname to a known person: a proper name written right before a
        one-word name makes a longer name, someone else (the person of that name, unknown to the KB)."""
        if e.type != "PERSON" or e.id is None or len(e.text.split()) != 1:
            return None
        span = self.doc.tokens.char_span(e.start, e.end, alignment_mode="expand")
        if span is None or span.start == 0:
            return None
        before = self.doc.tokens[span.start - 1]
        if not before.whitespace_ or before.pos_ != "PROPN" or not before.text[:1].isupper() or \
                before.text in coref.title_words() or self.entity_at(before.idx) is not None or \
                before.lower_ in coref.place_words() or self.in_time(before.idx):
            return None
        return Who(name=self.body[before.idx:e.end], start=before.idx, person=True)

    def party(self, name: str, start: int) -> Who:
        """A party named by a label ("Victoria Belim-Frolova (VBF)"): its entity where one was found."""
        e = self.entity_at(start)
        if e is not None:
            return self.from_entity(e)
        return Who(name=name, start=start, person=coref.looks_like_person(name))

    def interviewee(self, before: int) -> Who | None:
        """Who answers a "Q: … A: …" interview: the person the text names most often before the first
        question (the nearest of equals); None when it names no one."""
        counts: dict[str, int] = {}
        last: dict[str, Entity] = {}
        for e in self.entities_in(0, before):
            if e.type == "PERSON":
                key = e.id or e.name or e.text
                counts[key] = counts.get(key, 0) + 1
                last[key] = e
        if not counts:
            return None
        best = max(counts, key=lambda k: (counts[k], last[k].start))
        return self.from_entity(last[best])

    # -- pronouns --------------------------------------------------------------------------------

    def gender(self, e: Entity) -> str | None:
        """Male, female or unknown: from an honorific or gendered role before the name, or the given name."""
        marked = self._gender_before(e.start)
        if marked is not None:
            return marked
        return self._gender_of_name(e.name or e.text) or self._entity_gender_in_context(e.id or e.name or e.text)

    def _entity_gender_in_context(self, key: str) -> str | None:
        """The gender the text gives a person entity by a "he"/"she" of a clause joined to one where a
        mention of it is the subject (as for unlisted people), over all its mentions; once per person."""
        if key not in self._context_gender:
            spans = [(e.start, e.end) for e in self.entities if e.type == "PERSON" and (e.id or e.name or e.text) == key]
            self._context_gender[key] = self._gender_in_context(spans)
        return self._context_gender[key]

    def _gender_before(self, start: int) -> str | None:
        ppl = people()
        before = words_near(self.doc.tokens, max(0, start - 25), start, ".-_")  # "Mrs.", not "spokesman" of "spokesman."
        if not before:
            return None
        word = self.body[before[-1][0]:before[-1][1]].lower()
        return ppl.honorifics.get(word) or ppl.gendered_roles.get(word)

    @staticmethod
    def _gender_of_name(name: str) -> str | None:
        ppl = people()
        words = name.split()
        while len(words) > 1 and (words[0] in coref.title_words() or words[0].lower() in quoting().person_nouns):
            words = words[1:]  # "Superintendent Jennifer McCormick": the given name after the title
        first = coref.fold(words[0]) if words else ""
        if first in ppl.female_given_names:
            return "female"
        if first in ppl.either_given_names:
            return None
        if fold(words[0]) in gazetteer().first_names and len(words) > 1:
            return "male"
        return None

    def pronoun(self, pos: int, gender: str, tok: Token | None = None) -> Who | None:
        """The most recent person before `pos`, outside quotes, whose gender agrees. The given-name list
        marks women's names, so for "she" a known woman among the last few named beats a nearer person
        of unknown gender; for "he" an unknown gender agrees. A person the pronoun's own clause names
        after it is not its antecedent ("Figgins, who represents Thomas, said … He said Thomas is a
        father of three": he is Figgins)."""
        named_later = self._named_in_own_clause(tok) if tok is not None else set()
        for find in (self._described_just_before, self._subject_in_sentence, self._earlier_subject, self._agreeing_person):
            who = find(pos, gender)
            if who is not None and (who.name.split() or [""])[-1].lower() not in named_later:
                if gender == "female" and who.person:
                    self.called_she.add(who.name)
                return who
        return None

    def _told(self, who: Who) -> str | None:
        """'“…,” she said' resolved to Jo Walton, whose given name no list knows: the text has told her gender."""
        return "female" if who.name in self.called_she else None

    def _named_in_own_clause(self, tok: Token) -> set[str]:
        """The surnames of the people named after a subject pronoun in its verb's clause, outside quotes."""
        if not tok.dep_.startswith("nsubj") or tok.head.i == tok.i:
            return set()
        end = max(t.idx + len(t) for t in tok.head.subtree)
        return {spaced_words(self.doc.tokens, e.start, e.end)[-1].lower() for e in self.entities_in(tok.idx + len(tok), end)
                if e.type == "PERSON" and e.end <= end}

    def _subject_in_sentence(self, pos: int, gender: str, chain: int = 0) -> Who | None:
        """'Putin hinted …, telling Carlson that a man whom he said …': a person who is the subject of
        a clause earlier in the pronoun's sentence is its antecedent before a nearer object; with none,
        the subject of the sentence before ("X has had it with Putin. … he said"), past sentences that
        lie inside the quote the pronoun closes ("X said Y. “…,” he said, “…”")."""
        span = self.doc.tokens.char_span(pos, pos + 1, alignment_mode="expand")
        if span is None or not len(span):
            return None
        sent = span[0].sent
        found = self._agreeing_subject(sent.start_char, pos, gender) or self._named_in_sentence(sent.start_char, pos, gender)
        before = self._sentence_before(sent.start)
        for _ in range(QUOTED_SENTENCES):  # past the quoted sentences the pronoun closes
            if before is None or not self.in_quote(before[0] + 1) or not self.in_quote(before[1] - 2):
                break
            start = self.doc.tokens.char_span(before[0], before[0] + 1, alignment_mode="expand")
            before = self._sentence_before(start.start) if start is not None else None
        if found is None and before is not None:
            found = self._agreeing_subject(before[0], before[1], gender) or self._speaker_in(before, gender) or \
                self._pronoun_subject_before(before, gender, chain)
        return found

    def _names_in_core(self, sentence: tuple[int, int], gender: str) -> bool:
        """Does the sentence name a person of an agreeing gender other than as a possessor or inside a
        prepositional phrase ("chats with Epstein", "at Epstein's mansion" do not), outside quotes and a relative
        clause about someone else?"""
        for who, g in self._people_before(sentence[1]):
            if who.start < sentence[0]:
                return False
            span = self.doc.tokens.char_span(who.start, who.start + 1, alignment_mode="expand")
            if span is None or not len(span) or self.in_quote(who.start) or not _agrees(g, gender):
                continue
            head = _phrase_head(span[0])
            if head.dep_ not in PERIPHERAL and not self._in_relative_clause(who.start):
                return True
        return False

    def _speaker_in(self, sentence: tuple[int, int], gender: str) -> Who | None:
        """'“…,” the foreign minister said. “…,” he added.': the person who spoke in the sentence before, as
        resolved ("the foreign minister": Lavrov), whose gender agrees, before anyone merely named earlier."""
        for w in reversed(self.said):
            if sentence[0] <= w.start < sentence[1] and w.person and _agrees(self._gender_of_name(w.name) or self._told(w), gender):
                return w
        return None

    def _pronoun_subject_before(self, before: tuple[int, int], gender: str, chain: int) -> Who | None:
        """'Carlineo faces … He was arrested … During the call, he said': the sentence before has a pronoun
        of the same gender for its subject: the pronoun goes on from whom that one stands for (a few
        sentences back at most), not from the nearest person named in between ("the offices of Omar")."""
        span = self.doc.tokens.char_span(*before, alignment_mode="expand")
        if span is None or chain >= PRONOUN_CHAIN:
            return None
        subject = next((t for t in span if t.dep_ in ("nsubj", "nsubj:pass") and people().person_pronouns.get(t.lower_) == gender
                        and t.head.dep_ == "ROOT" and not self.in_quote(t.idx)), None)
        if subject is None:
            return None
        return self._subject_in_sentence(subject.idx, gender, chain + 1) or self._earlier_subject(subject.idx, gender) or \
            self._agreeing_person(subject.idx, gender)

    def _earlier_subject(self, pos: int, gender: str) -> Who | None:
        """'Andrew claims that … This … required the royal spending days at Epstein's mansion. During the visit, he
        was photographed … with Epstein. Was this …? He told the BBC': with no person the subject of the pronoun's
        sentence or of the one before, the person who is the subject of a sentence a little further back (up to
        SUBJECT_SENTENCES, past quoted ones), before anyone merely named in between."""
        span = self.doc.tokens.char_span(pos, pos + 1, alignment_mode="expand")
        before = self._sentence_before(span[0].sent.start) if span is not None and len(span) else None
        for _ in range(SUBJECT_SENTENCES):
            if before is None:
                return None
            if not self.in_quote(before[0] + 1):
                found = self._agreeing_subject(before[0], before[1], gender) or self._speaker_in(before, gender)
                if found is not None or self._names_in_core(before, gender):
                    return found  # a person the parse gave no subject's place ("Buckley, who …, worried") stops it
            first = self.doc.tokens.char_span(before[0], before[0] + 1, alignment_mode="expand")
            before = self._sentence_before(first.start) if first is not None and len(first) else None
        return None

    def _named_in_sentence(self, lo: int, pos: int, gender: str) -> Who | None:
        """With no subject that fits in the pronoun's own sentence, the nearest person named in it before the
        pronoun, outside a relative clause, whose gender agrees ("... as Prime Minister Benjamin Netanyahu is in
        the US for a visit in which he will meet"): nearer than the subject of the sentence before."""
        for who, g in self._people_before(pos):
            if who.start < lo:
                return None
            if not self._in_relative_clause(who.start) and _agrees(g, gender) and not self.in_quote(who.start):
                return who
        return None

    def _sentence_before(self, start: int) -> tuple[int, int] | None:
        """The sentence before token `start` that has words (not the blank line between paragraphs)."""
        i = start - 1
        while i >= 0 and self.doc.tokens[i].is_space:
            i -= 1
        if i < 0:
            return None
        sent = self.doc.tokens[i].sent
        return sent.start_char, sent.end_char

    def _agreeing_subject(self, lo: int, hi: int, gender: str) -> Who | None:
        """The last person in [lo, hi) who is a clause's subject, or apposed to one ("Her son,
        filmmaker X, also remembers"), and whose gender agrees or is unknown (the subject of the sentence
        before is the likeliest antecedent, whatever the name lists know); of several, the one of the main clause."""
        found: list[tuple[int, int, Who, str | None]] = []
        for e in self.entities_in(lo, hi):
            if e.type == "PERSON":
                found.append((e.start, e.end, self.from_entity(e), self.gender(e)))
        found += [(m.start, m.end, self._unlisted_who(m), self.unlisted_gender.get(m.name))
                  for m in self.unlisted_in(lo, hi)]
        found += self._speakers_by_surname(lo, hi)
        subjects: list[tuple[bool, int, int, Who]] = []
        for start, end, who, g in found:
            g = g or self._told(who)
            span = self.doc.tokens.char_span(start, end, alignment_mode="expand")
            if span is not None and _is_subject(span.root) and (g is None or _agrees(g, gender)):
                # a subject this close: any gender the lists do not know otherwise
                subjects.append((not _reports(_clause_of(span.root)), _depth(span.root), -start, who))
        # the subject of a verb that reports speech ("…, which Shevchuck says he cannot rule out"), then
        # of the main clause before that of a clause inside it ("Figgins declined to say whether Thomas
        # slept on the night Epstein died": Figgins), the last among equals
        return min(subjects, key=lambda t: t[:3])[3] if subjects else None

    def _speakers_by_surname(self, lo: int, hi: int) -> list[tuple[int, int, Who, str | None]]:
        """People who spoke before, named in full then, written by surname alone in [lo, hi) where no entity
        covers the word ("Figgins declined to say whether Thomas slept", "Montell Figgins" no entity)."""
        out: list[tuple[int, int, Who, str | None]] = []
        for w in {w.name: w for w in self.said if w.person and len(w.name.split()) > 1 and w.start < lo}.values():
            for m in re.finditer(rf"\b{re.escape(w.name.split()[-1])}\b", self.body[lo:hi]):
                at = lo + m.start()
                if not self.in_quote(at) and self.entity_at(at) is None:
                    out.append((at, at + len(m.group(0)), w, self._gender_of_name(w.name)))
        return out

    def _described_just_before(self, pos: int, _gender: str = "male") -> Who | None:
        """'A spokesperson for the governor said … Later he said': the unnamed person just quoted,
        when no named person came between; never a plural ("experts say … he said")."""
        described = next((w for w in reversed(self.said) if w.start < pos), None)
        if described is None or described.id is not None or described.person or self._plural(described):
            return None
        if not set(described.name.lower().split()) & role_nouns() or pos - described.start >= DESCRIBED_REACH:
            return None
        if any(e.type == "PERSON" and described.start < e.start < pos for e in self.entities):
            return None
        return described

    def _plural(self, who: Who) -> bool:
        """Is the head word of a speaker's phrase a plural noun ("experts", "senior officials")?"""
        span = self.doc.tokens.char_span(who.start, who.start + 1, alignment_mode="expand")
        if span is None or not len(span):
            return False  # a start between tokens (a space) gives an empty span
        last = who.name.split()[-1] if who.name.split() else ""
        head = next((t for t in span[0].doc[span[0].i:span[0].i + 8] if t.text == last), None)
        return head is not None and head.tag_ in ("NNS", "NNPS")

    def _agreeing_person(self, pos: int, gender: str) -> Who | None:
        """The nearest person before whose gender agrees, else (for "she") the nearest of unknown gender;
        one named only inside a relative clause ("X, who represents some of Epstein's accusers, said")
        only when no one else fits: the clause describes the person it hangs on, who is the one
        likelier to speak next."""
        unknown: Who | None = None
        aside: Who | None = None
        for who, g in self._people_before(pos):
            if self._in_relative_clause(who.start):
                aside = aside or (who if _agrees(g, gender) else None)
                continue
            if _agrees(g, gender):
                return who
            if g is None and unknown is None:
                unknown = who
        if unknown is not None and gender == "female":
            return self._gendered_description(unknown.start, pos, gender) or unknown
        return unknown or aside

    def _gendered_description(self, lo: int, pos: int, gender: str) -> Who | None:
        """'WIRED spoke to one mother, who knew … “…,” she said': for a "she" that only a person of unknown gender
        named further back would fit, the last woman described by a gendered noun in between (people.yaml
        gendered_roles), outside quotes, not one owned by a pronoun ("her mother" is someone else's)."""
        span = self.doc.tokens.char_span(lo, pos, alignment_mode="contract")
        roles = people().gendered_roles
        for t in reversed(list(span or ())):
            if t.pos_ == "NOUN" and roles.get(t.lower_) == gender and not self.in_quote(t.idx) and \
                    not any(c.dep_ == "nmod:poss" for c in t.children):
                start = min(c.idx for c in t.children if c.dep_ in ("det", "nummod", "amod") and c.i < t.i) \
                    if any(c.dep_ in ("det", "nummod", "amod") and c.i < t.i for c in t.children) else t.idx
                return Who(name=describe(self.body[start:t.idx + len(t)]), start=start, person=True)
        return None

    def _in_relative_clause(self, start: int) -> bool:
        span = self.doc.tokens.char_span(start, start + 1, alignment_mode="expand")
        if span is None:
            return False
        tok = span[0]
        for _ in range(12):
            if tok.dep_ == "acl:relcl":  # a clause about a person ("X, who represents …"), not "that funds"
                return any(c.lower_ in PERSON_RELATIVES for c in tok.children)
            if tok.head.i == tok.i:
                return False
            tok = tok.head
        return False

    def _people_before(self, pos: int) -> list[tuple[Who, str | None]]:
        """The last few people named before `pos`, nearest first, with their gender: person entities
        and speakers named without one ("Tahani Mustafa, an analyst, said")."""
        found: list[tuple[int, Who, str | None]] = []
        i = bisect_right(self.starts, pos) - 1
        while i >= 0 and len(found) < PRONOUN_LOOKBACK:
            e = self.entities[i]
            i -= 1
            if e.type == "PERSON" and e.end <= pos:
                found.append((e.start, self.from_entity(e), self.gender(e)))
        for w in self.said:
            if w.person and w.id is None and w.start < pos and self.entity_at(w.start) is None \
                    and self.unlisted_at(w.start, w.start + len(w.name)) is None:
                found.append((w.start, w, self._gender_before(w.start) or self._gender_of_name(w.name)))
        k = bisect_right(self.unlisted_starts, pos) - 1
        for m in self.unlisted[max(0, k - PRONOUN_LOOKBACK + 1):k + 1]:
            if m.end <= pos:
                found.append((m.start, self._unlisted_who(m), self.unlisted_gender.get(m.name)))
        found.sort(key=lambda t: -t[0])
        return [(w, g or self._told(w)) for _, w, g in found[:PRONOUN_LOOKBACK]]

    def _body_subject_in_sentence(self, pronoun: Token) -> Who | None:
        """'The CPJ asked Israel to explain …, in what it said': "it" is a body that is the subject of
        a clause earlier in its own sentence, outside quotes, when the numbers agree ("it": one,
        "they": many); a person, a pronoun or a plural noun for "it" is no such body."""
        return self._body_subject_among(list(pronoun.doc[pronoun.sent.start:pronoun.i]), pronoun)

    def _body_subject_among(self, toks: list[Token], pronoun: Token, named_any_number: bool = False) -> Who | None:
        """The last body among `toks` that is a clause's subject and agrees in number with `pronoun` (or, with
        `named_any_number`, is a name: "Hamas … their spokesman")."""
        plural = pronoun.lower_ not in _WORDS.singular_body_pronouns
        for t in reversed(toks):
            if t.dep_ != "nsubj" or self.in_quote(t.idx) or t.pos_ == "PRON":
                continue
            own = self.entity_at(t.idx)
            body = own.type in quoting().body_name_types if own is not None else t.pos_ == "PROPN" or t.lower_ in speech_words("source_nouns")
            if body and ((t.tag_ in ("NNS", "NNPS")) == plural or named_any_number and plural and t.pos_ == "PROPN"):
                found = self.nominal(t)
                return found if found is not None and not found.person else None
        return None

    def _singular_they(self, pronoun: Token) -> Who | None:
        """'The senior administration official defended the deal. “…,” they said': "they" for one person
        whose role the sentence before names as its subject (no name, no body that spoke)."""
        if pronoun.lower_ not in quoting().singular_they_pronouns:
            return None
        before = self._sentence_before(pronoun.sent.start)
        for _ in range(QUOTED_SENTENCES):  # past the quoted sentences the pronoun closes
            if before is None or not self.in_quote(before[0] + 1):
                break
            start = self.doc.tokens.char_span(before[0], before[0] + 1, alignment_mode="expand")
            before = self._sentence_before(start.start) if start is not None else None
        if before is None:
            return None
        span = self.doc.tokens.char_span(before[0], before[1], alignment_mode="expand")
        root = span.root if span is not None else None
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None) if root is not None else None
        if subj is None or subj.tag_ != "NN" or subj.lower_ not in role_nouns() or self.in_quote(subj.idx):
            return None
        lo, hi = _phrase_bounds(subj)
        return self._body_or_source(subj, lo, hi, self.body[lo:hi].strip())  # the role as written: no one's name

    def heard(self, who: Who, at: int) -> None:
        """Note that `who` spoke at `at` (a cue), in text order."""
        self.said.append(who)
        self.spoke_at.append(at)

    def group(self, pos: int, pronoun: bool = False, lasting: bool = False, people: bool = False) -> Who | None:
        """'it'/'they': the last speaker, when it was a body rather than a person and spoke shortly before (for
        a `lasting` pronoun, "it", shortly after it last spoke: "X said … they said … “…,” it says" is X; "they"
        may stand for any plural subject between, so its reach runs from where the body was named);
        for the pronoun, a name taken for a person's only by its form (no given name opening it, no
        entity, no gendered word) is such a body ("Magen David Adom said … It said"); a `people` pronoun ("they",
        syntax.yaml people_pronouns) may stand for people who spoke joined as one ("X and Y", "he and his wife Z")."""
        if not self.said:
            return None
        since = max(self.said[-1].start, self.spoke_at[-1]) if lasting else self.said[-1].start
        if pos - since >= GROUP_REACH and not (lasting and pos - since < 2 * GROUP_REACH and self._nothing_named(since, pos)):
            return None  # "it" reaches twice as far back where nothing was named since ("… the study observes. …
            # (two sentences naming no one) … It also argues")
        last = self.said[-1]
        if last.person and not ((pronoun and self._maybe_body(last)) or (people and last.several)):
            return None  # 'Ford and Fry replied that … However, they volunteered': "they" for people joined as one
        return last

    def _nothing_named(self, lo: int, hi: int) -> bool:
        """No entity and no person the entities missed is named in [lo, hi) outside quotes, but at `lo` (the speaker)."""
        return not any(e.start > lo and not self.in_quote(e.start) for e in self.entities_in(lo, hi)) and \
            not any(m.start > lo for m in self.unlisted_in(lo, hi))

    def _body_across_people(self, tok: Token, text: str) -> Who | None:
        """'X, the group that owns her music, says … She accused them of … But the company says': "the" and a word
        for a body is the last body that spoke, within GROUP_REACH of where it last spoke, though people spoke
        since, when no other body is named as a subject between."""
        if not _body_word(tok) or not _DEFINITE_BODY.fullmatch(text):
            return None
        heard = list(zip(self.said, self.spoke_at, strict=True))
        at = next((i for i in range(len(heard) - 1, -1, -1) if not heard[i][0].person and heard[i][1] < tok.idx), None)
        if at is None or tok.idx - heard[at][1] >= GROUP_REACH:
            return None
        body = heard[at][0]
        since = {word for w, _ in heard[at + 1:] if w.person for word in w.name.split()} | set(body.name.split())
        span = self.doc.tokens.char_span(heard[at][1], tok.idx, alignment_mode="expand")
        return None if any(self._names_another_body(t, since) for t in span or ()) else body

    def _names_another_body(self, t: Token, known: set[str]) -> bool:
        """A named subject outside quotes that is no person entity and none of the `known` names' words."""
        own = self.entity_at(t.idx)
        return t.dep_ in ("nsubj", "nsubj:pass") and t.pos_ == "PROPN" and not self.in_quote(t.idx) and \
            t.text not in known and (own is None or own.type != "PERSON")

    def _maybe_body(self, who: Who) -> bool:
        return who.id is None and len(who.name.split()) >= 2 and not looks_like_full_name(who.name) and \
            self._gender_before(who.start) is None and self._gender_of_name(who.name) is None

    # -- a subject token ---------------------------------------------------------------------------

    def who(self, tok: Token) -> Who | None:
        """The speaker a subject token names, or None (no one, a name inside a quote, a date)."""
        low = "" if _acronym(tok) else tok.lower_  # "The US said": no pronoun
        if low in people().person_pronouns:
            return self._pronoun_and_conjuncts(tok, self.pronoun(tok.idx, people().person_pronouns[low], tok))
        if low in syntax_words().group_pronouns:
            return self._body_subject_in_sentence(tok) or \
                self.group(tok.idx, pronoun=True, lasting=low in syntax_words().lasting_pronouns,
                           people=low in syntax_words().people_pronouns) or self._singular_they(tok)
        if self.in_time(tok.idx) and not self.in_quote(tok.idx):
            named = [c for c in syntax.children(tok, "conj") if c.pos_ == "PROPN" and not self.in_time(c.idx)]
            return self.who(named[-1]) if named else None  # "began on August 10 and South Korea says"
        if not nominal_like(tok) and tok.is_sent_start and not self.in_quote(tok.idx):
            return self.named_before_by_surname(tok.idx, tok.idx + len(tok))  # "Cook said", "Cook"(VB) after "Tim Cook"
        if not self._may_name_speaker(tok):  # "The 56-year-old said", "old" read as an adjective
            return self._aged(self.body[tok.left_edge.idx:tok.idx + len(tok)], tok.left_edge.idx, tok.left_edge.idx)
        return self._with_conjuncts(tok)

    def _pronoun_and_conjuncts(self, tok: Token, found: Who | None) -> Who | None:
        """'he and his wife Kali explained': the person a pronoun stands for and the people joined to it by "and", one
        speaker of several (`_joined`), whom a later "they" may stand for."""
        conjuncts, appositions = _conjuncts(tok)
        others = [w for c in conjuncts if c not in appositions and (w := self._conjunct_named(c)) is not None]
        return self._joined([found, *others]) if found is not None and others else found

    def _conjunct_named(self, tok: Token) -> Who | None:
        """Who a conjunct names: itself, or the name set after a word for a relative ("his wife Kali")."""
        name = next((c for c in tok.children if c.dep_ in ("flat", "appos") and c.pos_ == "PROPN"), None)
        return self.nominal(tok) or (self.nominal(name) if name is not None else None)

    def _may_name_speaker(self, tok: Token) -> bool:
        """Not a pronoun of no one, a name inside a quote or a date ("Friday said")."""
        if _is_pronoun_of_no_one(tok) or not nominal_like(tok):
            return False
        return not self.in_quote(tok.idx) and not self.in_time(tok.idx)

    def _with_conjuncts(self, tok: Token) -> Who | None:
        """Conjuncts joined by "and"/"or" are more speakers; one without is an apposition ("the envoy, X,")."""
        conjuncts, appositions = _conjuncts(tok)
        head = self.nominal(tok)
        if head is not None and head.start < _phrase_bounds(tok)[0] and not appositions:
            return head  # "X, a legal aid and rights group,": the name before the description, whose words it joins
        if appositions and (head is None or not head.person):
            named = self.nominal(appositions[0])
            if named is not None and named.person:
                return named
        if head is not None and head.person:
            first_aside = min((a.i for a in appositions), default=len(tok.doc))
            conjuncts = [c for c in conjuncts if not self._more_title(c, c.i > first_aside)]
        found = [w for w in [head, *(self.nominal(c) for c in conjuncts if c not in appositions)] if w is not None]
        return self._joined(found)

    def _more_title(self, tok: Token, after_aside: bool) -> bool:
        """'Philip Luther, Research and Advocacy Director', 'writer and journalist X': a role noun joined to a
        person's name with no determiner, owner or person of its own is more of that person's title, no
        second speaker ("X and the director", "X and Director Y" stay two); so is any common noun joined
        after the title set off by a comma ("X, division vice president, Nissan Sales & Regional Operations")."""
        own = self.entity_at(tok.idx)
        if own is not None and own.type == "PERSON" or any(c.dep_ in ("det", "nmod:poss") for c in tok.children):
            return False
        if after_aside and tok.pos_ in ("NOUN", "PROPN"):
            return not looks_like_full_name(self.body[slice(*name_run(tok))])  # "…, and Tomas Berg": a person
        return tok.tag_ not in ("NNS", "NNPS") and (tok.lower_ in role_nouns() or tok.lower_ in quoting().person_nouns)

    def _joined(self, found: list[Who]) -> Who | None:
        """One speaker, or several as one "X and Y" (the first one's identity)."""
        if len(found) == 1:
            before = self.coordinated_before(found[0].start, found[0].person)
            found = [before, *found] if before is not None else found
        if len(found) <= 1:
            return found[0] if found else None
        first = found[0]
        names = " and ".join(dict.fromkeys(w.name for w in found))
        return Who(name=names, start=first.start, id=first.id, actor=first.actor, person=first.person, several=True)

    def unlisted_name(self, tok: Token) -> Who | None:
        """Two or more capitalised words no entity covers, right here: a person the KB does not know
        ("Another eyewitness, Taymor Wili, told ...")."""
        lo, hi = name_run(tok)
        lo = self._name_words_before(tok, lo)
        words = spaced_words(self.doc.tokens, lo, hi)
        if len(words) < 2 or self.entities_in(lo, hi) or not all(w[:1].isupper() for w in words) or \
                self._names_a_body(hi):
            return None
        return Who(name=self.body[lo:hi], start=lo, person=True)

    def written_name(self, tok: Token) -> Who | None:
        """'…, said Rebecca Harms, former …' where the parse cut the name into sentences of their own: two
        to four capitalised words from `tok` on, as written, its entity where one covers it."""
        doc = tok.doc
        i = tok.i
        while i + 1 < len(doc) and i - tok.i < 3 and doc[i].whitespace_ and _capitalised(doc[i + 1]) \
                and doc[i + 1].pos_ in ("PROPN", "NOUN"):
            i += 1
        if i == tok.i or not _capitalised(tok):
            return None
        own = self.entity_at(tok.idx)
        if own is not None:
            return self.from_entity(own)
        end = doc[i].idx + len(doc[i])
        return Who(name=self.body[tok.idx:end], start=tok.idx, person=True)

    def _name_words_before(self, tok: Token, lo: int) -> int:
        """'Adeeb Safadi, a resident, told', parsed with "Adeeb" apart: where the run of capitalised
        proper names that ends at `tok` begins (no date, no entity of its own, no sentence mark between)."""
        doc = tok.doc
        i = tok.i
        while i > 0 and doc[i - 1].whitespace_ and doc[i - 1].pos_ == "PROPN" and _capitalised(doc[i - 1]) \
                and not self.in_time(doc[i - 1].idx) and self.entity_at(doc[i - 1].idx) is None \
                and doc[i - 1].text not in coref.title_words() and tok.i - i < 3:
            i -= 1
        return min(lo, doc[i].idx)

    def coordinated_before(self, start: int, person: bool = True) -> Who | None:
        """'Colonel X and Major Y said', 'the army (IDF) and the security agency said': the person, or
        the organisation, joined by "and" right before, however the parse split them."""
        i = bisect_right(self.starts, start - 1) - 1
        while i >= 0 and self.entities[i].start >= start:
            i -= 1
        if i < 0 or self.entities[i].type != ("PERSON" if person else "ORG"):
            return None
        if not person:
            own = self.entity_at(start)
            if own is None or own.type != "ORG":
                return None
        e = self.entities[i]
        if _AND_BETWEEN_NAMES.fullmatch(self.body[e.end:start]):
            return self.from_entity(e)
        return None

    # -- the noun phrase of one speaker ------------------------------------------------------------

    def nominal(self, tok: Token) -> Who | None:
        """Whom the noun phrase `tok` heads names: its own person, an apposed or included name, a
        document's issuer, a described person, or a body or source as the text names it."""
        lo, hi = _phrase_bounds(tok)
        lo = self._past_time(lo, tok.idx)
        own = self.entity_at(tok.idx)
        named = self._person_by_name_word(own) if own is not None and own.type != "PERSON" else None
        if named is not None:
            return named  # "Matt Maley … Maley said", the surname linked to Mali
        if own is not None and own.type == "PERSON":
            return self.from_entity(own)
        found = self._apposed_person(tok) or self._person_in_phrase(tok, lo, hi) or self._document_authors(tok)
        if found is not None:
            return found
        if is_document(tok):
            return self._issuer(tok, lo, hi)
        return self._described(tok, lo, hi, own)

    def _person_by_name_word(self, e: Entity) -> Who | None:
        """A one-word name the entities stage linked to a place or body that is the given name or surname of
        a person named in full before it in this text ("Matt Maley … Maley said", "Elise Matthesen … Elise
        wrote" linked to the Élysée): that person."""
        word = e.text.strip()
        if " " in word:
            return None
        person = next((p for p in reversed(self.entities) if p.type == "PERSON" and p.end <= e.start
                       and len(p.text.split()) > 1 and word in (p.text.split()[0], p.text.split()[-1])), None)
        if person is not None:
            return self.from_entity(person)
        m = next((m for m in reversed(self.unlisted) if m.end <= e.start and len(m.name.split()) > 1
                  and word in (m.name.split()[0], m.name.split()[-1])), None)
        return self._unlisted_who(m) if m is not None else None

    def _document_authors(self, tok: Token) -> Who | None:
        """'The report's authors argue': the authors of a document speak for its issuer, found as for
        "the report" (its "by" phrase, the body that just spoke, the document last named with one)."""
        if tok.lower_ not in quoting().document_authors:
            return None
        doc = next((c for c in tok.children if c.dep_ == "nmod:poss" and is_document(c)), None)
        if doc is None:
            return None
        return self.issued_by(doc) or self.group(doc.idx) or self._issuer_of_document_before(doc.idx)

    def _apposed_person(self, tok: Token) -> Who | None:
        """'The official, Dmitry Kozak, said': the person in the apposition."""
        for a in syntax.children(tok, "appos"):
            found = [e for e in self.entities_in(*syntax.phrase_span(a)) if e.type == "PERSON"]
            if found:
                return self.from_entity(found[-1])
            if tok.pos_ != "PROPN" and self.unlisted_name(a) is not None:
                return self.unlisted_name(a)
        return None

    def _person_in_phrase(self, tok: Token, lo: int, hi: int) -> Who | None:
        """A name at or after the head ("Foreign Minister Sergei Lavrov"), not a possessor before it."""
        persons = [e for e in self.entities_in(lo, hi) if e.type == "PERSON" and e.end > tok.idx]
        if not persons or _of_group(tok, persons[-1].start):
            return self._titled_across_place(tok) or self._titled_across_domain(tok)
        return self.from_entity(persons[-1])

    def _titled_across_place(self, tok: Token) -> Who | None:
        """'China's ambassador to Britain Liu Xiaming said', 'the envoy to the UN Linda Thomas-Greenfield': a
        role whose place or body (a name, its preposition before it; one or more: 'Representative of Ukraine to the UN
        X') runs straight on into a person's name, however the parse hung that name; "the spokesman for President X"
        names the spokesman."""
        if tok.lower_ not in role_nouns():
            return None
        end = tok.right_edge.idx + len(tok.right_edge)
        at = tok.idx + len(tok)  # 'Deputy Permanent Representative of Ukraine to the UN X': places may follow places
        for (start, place_end, place), (person_start, _, person) in pairwise(self._names_in(tok.idx, end)):
            if place is not None or not _ROLE_PLACE.fullmatch(self.body, at, start):
                return None
            if person is not None and not self.body[place_end:person_start].strip():
                # a name no entity covers has no side of its own: the role's ("the head of the Kharkiv … X": UKR)
                return person if person.actor is not None else \
                    replace(person, actor=actor_for_span(self.doc, tok.left_edge.idx, person_start))
            at = place_end
        return None

    def _names_in(self, lo: int, hi: int) -> list[tuple[int, int, Who | None]]:
        """The names in [lo, hi) in text order, each with the person it names or None (a place, a body): entities and
        the people no entity covers ("the head of the Kharkiv Regional Military Administration Oleh Syniehubov",
        a name the entities stage missed after a body's)."""
        found = [(e.start, e.end, self.from_entity(e) if e.type == "PERSON" else None) for e in self.entities_in(lo, hi)]
        found += [(m.start, m.end, self._unlisted_who(m)) for m in self.unlisted_in(lo, hi)]
        return sorted(found, key=lambda t: t[0])

    def _titled_across_domain(self, tok: Token) -> Who | None:
        """'Ukraine's Parliamentarian Commissioner for Human Rights Dmytro Lubinets says': a role whose capitalised
        domain (quotes.yaml role_domain) runs straight on into a person's name is that person's title, however the
        parse hung the name; a domain that holds a title ('the spokesman for Prime Minister X', 'an aide to
        Senator Y', 'the spokesman for the President of Ukraine X') names the one the role serves, not who holds
        it."""
        if tok.lower_ not in role_nouns() | quoting().person_nouns:
            return None
        end = tok.right_edge.idx + len(tok.right_edge)
        person = next((e for e in self.entities_in(tok.idx + len(tok), end) if e.type == "PERSON"), None)
        domain = _ROLE_DOMAIN.fullmatch(self.body, tok.idx + len(tok), person.start) if person is not None else None
        if person is None or domain is None or coref.role_of(domain.group("domain"))[0] is not None or \
                {w.lower() for w in domain.group("domain").split()} & quoting().person_nouns:
            return None
        return self.from_entity(person)

    def _issuer(self, tok: Token, lo: int, hi: int) -> Who | None:
        """'the statement said', 'figures from the UN': whoever issued it, named by its "from"/"by"
        phrase or in its own noun phrase (not in a clause the parse hung on it), or the issuer of the
        document last named ("a report in the Argus Leader … The report says"), or speaking just before
        (a body quoted in between, "billboards in which people say", did not write the report); else the
        source as the text names it ("according to army tallies") when the phrase names a body; a bare "a
        document" or "data from March" names no one."""
        issuer = self.issued_by(tok)
        if issuer is not None:
            return issuer
        named = [e for e in self.entities_in(lo, hi) if e.type != "PERSON" or e.end <= tok.idx]
        if named:
            return self.from_entity(named[-1])
        definite = [c for c in tok.children if c.lower_ in quoting().definite_determiners] or _determiner_before(tok)
        if definite:
            if tok.tag_ in ("NNS", "NNPS") and all(c.lower_ in quoting().generic_articles for c in definite):
                return None  # "the latest reports": reports in general, no one's document
            return self._issuer_of_document_before(tok.idx) or self.group(tok.idx)
        return self._source_as_named(tok, lo, hi)

    def _source_as_named(self, tok: Token, lo: int, hi: int) -> Who | None:
        """"According to army tallies": the source as the phrase names it, where it names a body, has a capital
        after its first letter or a source word on its head; else no one ("data from March")."""
        actor = actor_for_span(self.doc, lo, hi)
        if actor is None and not re.search(r"\b[A-Z]", self.body[lo:hi][1:]) and \
                not any(t.lower_ in speech_words("source_nouns") for t in tok.children):
            return None
        return Who(name=describe(self.body[lo:hi]), start=lo, id=actor.id if actor else None, actor=actor)

    def _issuer_of_document_before(self, pos: int) -> Who | None:
        """'The study by the Geneva Academy … the study, entitled War Watch, … The research concludes':
        "the <document>" with no body speaking just before is the document last named, going back
        past other mentions to where its issuer is named, each within DOCUMENT_REACH of the next (the same
        document named as put out by someone: "X issued a statement", "X denied it in a statement"); a document
        last named without one ("in a statement on Telegram") leaves the speaker unknown."""
        span = self.doc.tokens.char_span(pos, pos + 1, alignment_mode="expand")
        if span is None:
            return None
        reach = pos - DOCUMENT_REACH
        for tok in reversed(self.doc.tokens[:span.start]):
            if tok.idx < reach:
                return None
            if not is_document(tok) or self.in_quote(tok.idx):
                continue
            issuer = self.issued_by(tok) or (self._put_out_by(tok) if tok.lemma_ == span[0].lemma_ else None)
            if issuer is not None:
                return issuer  # "X issued a statement … The statement said": X; "a statement … That report": no one
            if any(c.dep_ == "det" and c.lower_ in _WORDS.indefinite_articles for c in tok.children):
                return None  # "a statement on Telegram": the last document named has no named issuer
            reach = tok.idx - DOCUMENT_REACH  # "the report … the report": each mention reaches back anew
        return None

    def issued_by(self, tok: Token) -> Who | None:
        """'a statement from the military', 'a report by the agency', 'figures released by the
        commission', 'The Wrap's report', 'a report in the Argus Leader': the issuer its phrase names."""
        for c in syntax.children(tok, "nmod"):
            if syntax.case_of(c) in quoting().issuer_preps:
                return self.who(c)
            if self._outlet_of(tok, c):
                return self._outlet_named(c)
        owned = self._owned_by_name(tok)
        if owned is not None:
            return owned
        for c in syntax.children(tok, "acl"):
            by = syntax.agent(c) if c.tag_ == "VBN" else None
            if by is not None:
                return self.who(by)
        by = syntax.agent(tok.head) if tok.dep_ == "nsubj" and tok.head.tag_ in ("VBN", "VBD") else None
        return self.who(by) if by is not None else None  # 'a report published by the UN', parsed as its subject

    def _owned_by_name(self, document: Token) -> Who | None:
        """"The Wrap's report", "Amnesty's letter": the name that owns a document put it out, named without its "'s";
        "Tuesday's report" names no one."""
        owner = next((c for c in syntax.children(document, "nmod:poss") if c.pos_ == "PROPN"), None)
        found = self.who(owner) if owner is not None and not self.in_time(owner.idx) else None
        return replace(found, name=_POSSESSIVE_END.sub("", found.name)) if found is not None else None

    def _outlet_of(self, document: Token, place: Token) -> bool:
        """'a report in the Argus Leader': a document an outlet publishes (quotes.yaml outlet_documents) and, after
        one of outlet_preps, a name no entity holds or one the entity stage took for an organisation; not 'a report
        in March', 'a statement in parliament', 'a report in Kyiv'."""
        if document.lemma_.lower() not in quoting().outlet_documents or place.pos_ != "PROPN" or \
                syntax.case_of(place) not in quoting().outlet_preps or self.in_time(place.idx):
            return False
        own = self.entity_at(place.idx)
        return own is None or own.type == "ORG"

    def _outlet_named(self, head: Token) -> Who:
        """The outlet's name alone, its compound words and head ("the Valley Herald of Springfield, Mayor X": no place
        or person the parse hung on it)."""
        lo, hi = _name_start(head), head.idx + len(head)
        actor = actor_for_span(self.doc, lo, hi)
        return Who(name=describe(self.body[lo:hi]), start=lo, id=actor.id if actor else None, actor=actor)

    def _put_out_by(self, tok: Token) -> Who | None:
        """'Big Machine Records issued a statement', 'The company denied the allegations in a statement': the subject
        of the verb that put the document out (quotes.yaml issuing_verbs, with the document its object) or that said
        what it holds (a speech verb, with the document after one of quotes.yaml document_preps)."""
        verb = tok.head
        put_out = tok.dep_ == "obj" and syntax.is_verb_of(verb, quoting().issuing_verbs)
        said_in = tok.dep_.split(":")[0] == "obl" and syntax.case_of(tok) in quoting().document_preps and _reports(verb)
        subj = subject_of(verb) if put_out or said_in else None
        return self.who(subj) if subj is not None and not self.in_quote(subj.idx) else None

    def _owned_role(self, tok: Token, hi: int) -> Who | None:
        """'The Israeli military struck the camp. Its spokesman said', 'Their press service told': a role whose
        owner is a possessive pronoun speaks for the body the pronoun stands for (a subject of its sentence or of
        the sentence before, not merely the last body that spoke: "separatists reported … the army accused them …
        Its press service"), named with it ("Israeli military spokesman"); "his spokesman", a person's, stays."""
        poss = next((c for c in tok.children if c.dep_ == "nmod:poss" and c.i < tok.i
                     and c.lower_ in syntax_words().group_pronouns), None)
        if poss is None or tok.lower_ not in role_nouns() | speech_words("source_nouns"):
            return None
        owner = self._body_subject_in_sentence(poss)
        before = self._sentence_before(poss.sent.start)
        if owner is None and before is not None:
            span = self.doc.tokens.char_span(*before, alignment_mode="expand")
            owner = self._body_subject_among(list(span or []), poss, named_any_number=True)
        if owner is None:
            return None
        role = self.body[poss.idx + len(poss):hi].strip()
        return Who(name=f"{owner.name} {role}", start=poss.idx, id=owner.id, actor=owner.actor, person=False)

    def _described(self, tok: Token, lo: int, hi: int, own: Entity | None) -> Who | None:
        """A phrase that names no person by itself: a name apposed after it, its own entity, a role
        description resolved to a person, an unlisted name, else a body or source."""
        owned = self._owned_role(tok, hi)
        if owned is not None:
            return owned
        comma = self.body.rfind(",", lo, tok.idx)
        lo = comma + 1 if comma >= 0 else lo  # "..., Hamas representative X": the part by the head
        comma = self.body.find(",", tok.idx, hi)
        hi = comma if comma >= 0 else hi  # "the UN office in Dhaka, unchecked impunity": the parse ran on
        text_to_hi = self.body[lo:hi].lstrip()
        text = text_to_hi.rstrip()
        found = self._named_after(tok, hi)
        if found is None and own is not None and (own.end >= hi or tok.pos_ == "PROPN"):
            found = self.from_entity(own)
        found = found or self._named_before(tok, lo) or self._aged(text, hi - len(text_to_hi), lo) or \
            self._role_description(tok, text, lo) or self._named_later(tok, text, hi)
        return found or self._by_unlisted_name(tok, lo, hi) or self._unnamed(tok, lo, hi, text)

    def _by_unlisted_name(self, tok: Token, lo: int, hi: int) -> Who | None:
        """A head that is a name no entity holds ("Figgins said"): an unlisted name, or a surname of a person named
        before."""
        found = self.unlisted_name(tok) or self._unlisted_by_surname(tok) if tok.pos_ in NAME_POS else None
        if found is None and tok.text[:1].isupper():
            found = self.named_before_by_surname(lo, hi) or self._person_by_surname(tok, lo, hi)
        return found

    def _unnamed(self, tok: Token, lo: int, hi: int, text: str) -> Who | None:
        """A phrase no name is written for: a person whose title closes it, a body or source, or the person just
        quoted that a word for a person stands for."""
        return self._person_closing_title(lo, hi) or self._body_or_source(tok, lo, hi, text) or \
            self._person_by_noun(tok, text)

    def _person_by_noun(self, tok: Token, text: str) -> Who | None:
        """'“…,” X said. “…,” said the actor': "the" and a singular word for a person (quotes.yaml person_nouns) that
        names no one else is the last person who spoke, within DESCRIBED_REACH of where they last spoke, when no
        other person is named between."""
        if tok.tag_ != "NN" or tok.lower_ not in quoting().person_nouns or not _DEFINITE_BODY.fullmatch(text):
            return None
        heard = [(w, at) for w, at in zip(self.said, self.spoke_at, strict=True) if at < tok.idx]
        if not heard or not heard[-1][0].person or tok.idx - heard[-1][1] >= DESCRIBED_REACH:
            return None
        who, at = heard[-1]
        named = [e.text for e in self.entities_in(at, tok.idx) if e.type == "PERSON"] + \
            [m.group(0) for m in _FULL_NAME.finditer(self.body, at, tok.idx) if not self.in_quote(m.start())
             and coref.looks_like_person(m.group(0))]
        return None if any(not coref.same_person(name, who.name) for name in named) else who

    def _aged(self, text: str, at: int, lo: int) -> Who | None:
        """'Jose Mourinho was appointed … The 56-year-old said': a person described by their age alone is the
        person named last before, within DESCRIBED_REACH. `text` is the body's from `at` on; the words after the age
        are the Doc's."""
        m = _AGE_DESCRIPTION.match(text)
        if m is None:
            return None
        rest = spaced_words(self.doc.tokens, at + m.end(), at + len(text))
        if rest and rest[-1].lower() not in quoting().person_nouns | role_nouns():
            return None  # "the 56-year-old coach" is a person; "the 56-year-old club" is none
        near = [w for w, _ in self._people_before(lo) if lo - w.start < DESCRIBED_REACH]
        return near[0] if near else None

    def _person_closing_title(self, lo: int, hi: int) -> Who | None:
        """'SciSpacE Team Leader Jennifer Ngo-Anh', the phrase cut at the hyphen: a run of capitalised title
        words that a person's name closes (the name running on past the phrase) is that person."""
        person = next((e for e in self.entities if e.type == "PERSON" and lo < e.start < hi < e.end), None)
        if person is None or not all(w[:1].isupper() for w in spaced_words(self.doc.tokens, lo, person.start)):
            return None
        return self.from_entity(person)

    def _unlisted_by_surname(self, tok: Token) -> Who | None:
        """'Eyamba Sowers didn't know … “…,” said Sowers': a surname alone that the text names in full as an
        unlisted person is that person, by the full name."""
        m = self.unlisted_at(tok.idx, tok.idx + len(tok))
        if m is None or len(m.name.split()) < 2 or m.name.split()[-1] != tok.text:
            return None
        full = next((f for f in self.unlisted if f.name == m.name and f.end - f.start > len(tok)), m)
        words = m.name.split()
        while words and self._common_word(words[0], full.start):
            words = words[1:]  # "Sacramento-based McClatchy", "Singer-guitarists Tom Johnston", "Recent Samsung"
        if len(words) < 2:
            return None
        return Who(name=" ".join(words), start=tok.idx, person=True)

    def _person_by_surname(self, tok: Token, lo: int, hi: int) -> Who | None:
        """'“…,” Stafford said' where the text names one person of that surname in full ("Tom Stafford", an entity,
        before or after): that person; two of a surname ("Joe Biden", "Hunter Biden") leave it unknown."""
        people_named = {e.name or e.text: e for e in self.entities if e.type == "PERSON" and len(e.text.split()) > 1
                        and e.text.split()[-1] == tok.text}
        if len(people_named) != 1 or spaced_words(self.doc.tokens, lo, hi)[-1:] != [tok.text]:
            return None
        person = next(iter(people_named.values()))
        return replace(self.from_entity(person), name=person.text, start=tok.idx)  # as the text names them, here

    def _common_word(self, word: str, at: int) -> bool:
        """A capitalised word of a name that is no name: a common word hyphened on ("Sacramento-based"), an
        adjective where the name is first written ("Recent"), a word the text writes in lower case elsewhere."""
        first = self.doc.tokens.char_span(at, at + 1, alignment_mode="expand")
        return bool(_COMMON_WORD.search(word)) or first is not None and len(first) > 0 and first[0].pos_ == "ADJ" \
            and first[0].text == word or re.search(rf"\b{re.escape(word.lower())}\b", self.body) is not None

    def named_before_by_surname(self, lo: int, hi: int) -> Who | None:
        """'Badran said' after 'Hossam Badran, a member of …, said': the person already named in full (the phrase from
        lo to hi, its words the Doc's)."""
        words = spaced_words(self.doc.tokens, lo, hi)
        if len(words) != 1 or not words[0][:1].isupper():
            return None
        surname = coref.fold(words[0])
        return next((w for w in reversed(self.said) if len(w.name.split()) > 1
                     and coref.fold(w.name.split()[-1]) == surname
                     and (w.person or w.actor is None and coref.looks_like_person(w.name))), None)

    def _named_after(self, tok: Token, hi: int) -> Who | None:
        """'the ambassador to the UN, Linda X.': the person named right after the phrase (or its relative clause:
        "the group that owns her music, Acme Records, says") and a comma."""
        appositive = _APPOSITIVE_NAME.match(self.body, hi) or _APPOSITIVE_NAME.match(self.body, _past_relative(tok, hi, self.body))
        if not appositive:
            return None
        at = appositive.end()
        named = [e for e in self.entities_in(at, at + 60) if e.type == "PERSON" and e.start == at]
        if named:
            return self.from_entity(named[0]) if self._closes_apposition(tok, named[0].end) else None
        after = tok.doc.char_span(at, at + 1, alignment_mode="expand")
        if after is not None and tok.pos_ != "PROPN":
            found = self._apposed_body(tok, after[0]) or self.unlisted_name(after[0])
            return found if found is not None and self._closes_apposition(tok, found.start + len(found.name)) else None
        return None

    def _apposed_body(self, tok: Token, first: Token) -> Who | None:
        """'The group that owns her catalogue, Acme Records, says': a word for a body (quotes.yaml body_nouns,
        body_kinds) with a run of capitalised words set off after it, however the parse hung them, is that body
        as named; no person's or place's name."""
        if not _body_word(tok) or not _capitalised(first):
            return None
        a, b = name_run(first)
        if any(e.type in quoting().not_body_name_types for e in self.entities_in(a, b)):
            return None
        return Who(name=self.body[a:b], start=a, actor=actor_for_span(self.doc, a, b))

    def _closes_apposition(self, tok: Token, end: int) -> bool:
        """After an apposed name comes a mark or the speech verb ("the envoy, Linda X, said", "…, Linda X
        said"), not a verb of its own ("According to an official, Scholz agreed to …": the clause's subject)."""
        nxt = self.doc.tokens.char_span(end, len(self.body), alignment_mode="expand")
        words = [t for t in nxt or () if not t.is_space][:2]
        if not words or words[0].is_punct:
            return True
        verb = words[1] if words[0].pos_ in ("ADV", "AUX") and len(words) > 1 else words[0]
        return verb.pos_ not in syntax.VERBS or tok.dep_ not in ("obl", "nmod", "obl:agent") \
            and syntax.is_verb_of(verb, speech_words("verbs"))

    def _named_before(self, tok: Token, lo: int) -> Who | None:
        """'Idan Avshalom, a senior medic from MDA, said': a role phrase set off after a person's name
        (however the parse split them) speaks for that person."""
        if tok.pos_ not in ("NOUN", "PROPN"):
            return None
        m = _NAME_AND_COMMA.search(self.body, max(0, lo - 80), lo)
        if m is None or not _ARTICLE.match(self.body, lo) or self._name_in_claim(m.start(1), m.end(1), tok):
            return None
        named = [e for e in self.entities_in(m.start(1), m.end(1)) if e.type == "PERSON" and e.end == m.end(1)]
        if named:
            return self.from_entity(named[-1])  # "Tom Andrews, the UN Special Rapporteur …, told"
        name = m.group(1)
        if tok.pos_ != "NOUN":
            return None  # "Reuters, the Agency": a capitalised role speaks for a known person only
        if len(name.split()) < 2 or not coref.looks_like_person(name):
            return None  # "Ukraine, the ministry", "Reuters, a news agency"
        return Who(name=name, start=m.start(1), person=True)

    def _name_in_claim(self, a: int, b: int, tok: Token) -> bool:
        """'The deal is bad for Trump, a person briefed on the call said': a name governed by a preposition, before
        a description that runs on to its verb (or, with none after it, to the end of its sentence) with no comma
        closing it, ends the claim ('… in China's Inner Mongolia region, the news agency said, citing …'); it is no
        name the description is apposed to ('Maria Lindqvist, a doctor at the hospital, said')."""
        name = self.doc.tokens.char_span(a, b, alignment_mode="expand")
        if name is None or not any(c.idx < a for c in syntax.children(name.root, "case")):
            return False  # no preposition before it ("Ain o Salish Kendra": a word of the name)
        verb = tok.head if tok.head.idx > tok.idx else None  # "…, the news agency said, citing …": up to its verb
        return "," not in self.body[tok.idx:verb.idx if verb is not None else tok.sent.end_char]  # no comma closes it

    def _role_description(self, tok: Token, text: str, lo: int) -> Who | None:
        """'the foreign minister said': the person before whose role fits (coref.resolve_description)."""
        role, _ = coref.role_of(text)
        bare = self._bare_role(tok, text, lo, role)
        if role is None or tok.pos_ != "NOUN" or not (_DEFINITE.match(text) or bare) or tok.tag_ == "NNS":
            return None
        if not _cue("the_lead").match(text) and tok.lower_ != role.split()[-1]:
            return None  # "Russia's top diplomat (to X)" is that role; "New York's chief medical examiner" is no "chief"
        again = self._same_head_speaker(tok, lo) or self._any_role_just_heard(tok, lo)
        if again is not None:
            return again
        found = self._role_fits(text, lo)
        if found is None or bare and tok.sent.start_char <= found.start < tok.sent.end_char:
            return None  # "Zelenskiy asks Israel to mediate, Ukraine envoy says": no headline names its speaker so
        return Who(name=found.name, start=lo, id=found.id, actor=found.actor or resolve_actor(found.name),
                   person=found.person)

    def _any_role_just_heard(self, tok: Token, lo: int) -> Who | None:
        """'…, according to the region’s military head. … three were injured, the official said': a word for any role
        (speech_verbs.yaml role_synonyms "*") is the person who spoke last, where that person spoke in the sentence just
        before and no other person is named since; not whoever of the people named before fits best by their role."""
        if not coref.any_role(tok.lower_) or not self.said or not self.said[-1].person:
            return None
        before = self._sentence_before(tok.sent.start)
        at = self.spoke_at[-1]
        if before is None or not before[0] <= at < lo:
            return None
        last = self.said[-1]
        if any(e.type == "PERSON" and at < e.start < lo for e in self.entities) or self.unlisted_in(at + 1, lo):
            return None
        return last

    def _role_fits(self, text: str, lo: int) -> coref.Mention | None:
        """The person named before `lo` (or, failing that, just after it) whose written or known role fits the
        description `text`."""
        spoke = {w.name for w in self.said if w.person}
        before = sorted((m for m in (*self.mentions, *self.unlisted) if m.end <= lo), key=lambda m: m.start)
        for m in before:
            m.speaker = m.name in spoke
        known = {m.name: [p.role] for m in before if (p := gazetteer().people.get(fold(m.name))) and p.role}
        return coref.resolve_description(text, before, lo, known) or self._described_later(text, lo, known)

    def _bare_role(self, tok: Token, text: str, lo: int, role: str | None) -> bool:
        """'US president says …', 'Kyiv mayor says …': a headline's role with no determiner, opened by the name of
        its place or people (quotes.yaml bare_role_owners), is definite, as 'the US president' is ('some official',
        'one official' are not); a role any person may hold ('Ukraine official') is not (nor, in
        `_role_description`, one whose holder its own sentence names)."""
        if role is None or _DEFINITE.match(text) or coref.any_role(role) or \
                any(c.dep_ in ("det", "nmod:poss") for c in tok.children):
            return False
        first = tok.left_edge
        own = self.entity_at(first.idx)
        return first.i < tok.i and first.idx >= lo and own is not None and own.start == first.idx and \
            own.type in quoting().bare_role_owners

    def _described_later(self, text: str, lo: int, known: dict[str, list[str]]) -> coref.Mention | None:
        """'Moscow will act as a guarantor …, Russia's top diplomat has said. … Sergey Lavrov stressed': a role
        no one before fits is the first person named after it, within quotes.yaml cataphora_reach, whose written or known
        role fits it (and whose country does not conflict)."""
        head, country = coref.role_of(text)
        if head is None:
            return None
        for m in sorted((*self.mentions, *self.unlisted), key=lambda m: m.start):
            if not lo < m.start < lo + quoting().cataphora_reach or not m.person:
                continue
            p = gazetteer().people.get(fold(m.name))
            roles = [*m.roles, *known.get(m.name, []), *([p.role] if p is not None and p.role else [])]
            m_country = m.country or (m.actor.country if m.actor else None)
            if roles and coref.role_matches(head, roles) and not (country and m_country and m_country != country):
                return m
        return None

    def _named_later(self, tok: Token, text: str, hi: int) -> Who | None:
        """'A top Russian official has warned that … The official, Dmitry Kozak, said' (or "The official – Dmitry
        Kozak – said"): an indefinite role that a later "The <role>, <person>," names, within a few sentences, is that
        person."""
        if tok.pos_ != "NOUN" or tok.tag_ == "NNS" or tok.lower_ not in role_nouns() or not _INDEFINITE.match(text):
            return None
        # "the <role>, " or "the <role> – ": the name set off by a comma or a spaced dash, closed by the same mark
        pattern = re.compile(_cue("article_before_role").pattern + re.escape(tok.text) + rf"(,|\s{_DASH})\s+")
        for m in pattern.finditer(self.body, hi, hi + quoting().cataphora_reach):
            person = self.entity_at(m.end())
            if person is not None and person.type == "PERSON" and person.start == m.end() and \
                    self.body[person.end:person.end + len(m.group(1))] == m.group(1):
                return self.from_entity(person)
            alias = self._alias_set_off(m.end(), m.group(1))
            if alias is not None:
                return alias
        return self._titled_in_next_sentence(tok, text)

    def _alias_set_off(self, at: int, mark: str) -> Who | None:
        """'The commander – call-sign Rusich – said': a name that an alias word opens (quotes.yaml alias_lead),
        closed by the mark that opened the aside, is the person's, though no entity holds it."""
        lead = _ALIAS_LEAD.match(self.body, at)
        name = _CAPITALISED_RUN.match(self.body, lead.end()) if lead else None
        if name is None or self.body[name.end():name.end() + len(mark)] != mark:
            return None
        return Who(name=name.group(0), start=name.start(), actor=resolve_actor(name.group(0)), person=True)

    def _titled_in_next_sentence(self, tok: Token, text: str) -> Who | None:
        """'A California transit chief says … . Interim Police Chief Ed Alvarez told reporters …': an indefinite
        role whose very word is the title written right before the first person the next sentence names is that
        person, where no country the role names conflicts with theirs; a person the next sentence names otherwise,
        or after someone else, is not taken (precision first)."""
        i = tok.sent.end
        while i < len(self.doc.tokens) and self.doc.tokens[i].is_space:
            i += 1  # the blank line between paragraphs
        if i >= len(self.doc.tokens):
            return None
        nxt = self.doc.tokens[i].sent
        named = [e for e in self.entities_in(nxt.start_char, nxt.end_char) if e.type == "PERSON"]
        people_there: list[Entity | coref.Mention] = [*named, *self.unlisted_in(nxt.start_char, nxt.end_char)]
        if not people_there:
            return None
        first = min(people_there, key=lambda person: person.start)  # the first named; of two at one place, an entity
        title = _WORD_BEFORE.search(self.body[nxt.start_char:first.start])  # the word written right before the name
        if title is None or title.group(1).lower() != tok.lower_:
            return None
        _, country = coref.role_of(text)
        found = self.from_entity(first) if isinstance(first, Entity) else self._unlisted_who(first)
        their = found.actor.country if found.actor else None
        return None if country and their and their != country else found

    def _same_head_speaker(self, tok: Token, lo: int) -> Who | None:
        """'A U.S. official said … the official said': an unnamed speaker just quoted whose phrase
        ends in the same noun, when no named person came between."""
        last = next((w for w in reversed(self.said) if w.start < lo), None)
        if last is None or last.person or lo - last.start >= DESCRIBED_REACH:
            return None
        if not last.name.lower().split() or last.name.lower().split()[-1] != tok.lower_:
            return None
        if any(e.type == "PERSON" and last.start < e.start < lo for e in self.entities):
            return None
        return last

    def _body_or_source(self, tok: Token, lo: int, hi: int, text: str) -> Who | None:
        """A body ("the ministry"), a known actor, or an unnamed source ("officials"); a number, a
        sentence-opening word or a noun that names no one who speaks ("the crowd") is None."""
        if tok.pos_ == "NUM" or _sentence_opening_name(tok, bool(self.entities_in(lo, hi))):
            return None
        aliased = _body_by_alias(text)
        if aliased is not None:
            return Who(name=aliased.name or aliased.text, start=lo, id=aliased.id, actor=aliased)
        spoken_for = None if self.entities_in(lo, hi) else self._role_for_body(tok, lo)
        if spoken_for is not None:
            return spoken_for  # the body its own phrase names, not the one the article's setting lends
        of_kind = None if self.entities_in(lo, hi) else self._named_body_of_kind(tok, text)
        if of_kind is not None:
            return of_kind  # "the court" after the ICJ spoke: that court, not one the article's setting would lend
        actor = actor_for_span(self.doc, lo, hi) or resolve_actor(text, self.body[max(0, lo - 300):hi])
        if actor is None and _of_a_kind(tok, text):
            return self._body_of_kind(tok, lo, hi)
        if actor is None and not self._may_speak_unnamed(tok, lo, hi):
            return None
        spoke = self._body_spoke_before(tok, lo, hi, text) if actor is None else None
        if spoke is not None:
            return spoke
        return self._kind_named_before(tok, lo, hi, actor) or self._body_across_people(tok, text) or \
            _as_written(tok, lo, text, actor)

    def _named_body_of_kind(self, tok: Token, text: str) -> Who | None:
        """'… the ICJ ran through a list of practices. The court called on Israel to …': "the" and a singular head noun
        for a kind of body (quotes.yaml description_name_words) is the one body whose name holds a word of that kind
        and that spoke within GROUP_REACH before it or is a clause's subject in the clauses before it (_clauses_before;
        a possessor or a preposition's object is none); two different such bodies leave it to the other rules. A name
        that ends in such a word is a body's, though its form alone made it a person's ("Kestrel Appeals Court")."""
        words = quoting().description_name_words.get(tok.lower_)
        if words is None or tok.tag_ != "NN" or not _DEFINITE_BODY.fullmatch(text):
            return None
        found: dict[str, Who] = {}
        for who, at in zip(self.said, self.spoke_at, strict=True):
            body = not who.person or who.id is None and who.name.split()[-1].lower() in words  # "… Appeals Court"
            if body and 0 < tok.idx - at < GROUP_REACH and _holds_word(who, words):
                found.setdefault(who.id or who.name, replace(who, person=False))
        for t in self._clauses_before(tok):
            own = self.entity_at(t.idx) if t.dep_ in ("nsubj", "nsubj:pass") and not self.in_quote(t.idx) else None
            if own is not None and own.type == "ORG":
                who = self.from_entity(own)
                if _holds_word(who, words):
                    found.setdefault(who.id or who.name, who)
        return next(iter(found.values())) if len(found) == 1 else None

    def _role_for_body(self, tok: Token, lo: int) -> Who | None:
        """'a spokesman for the Houthis', 'an official at the defence ministry': a role whose phrase of "for", "at" or
        "from" (quotes.yaml role_body_preps; the noun phrase leaves it out) names a body or a place the entities know
        speaks for it: the role as written with that phrase, that body's actor (its country and sector, not the one the
        article's setting would lend the role); a role whose phrase names no known body stays as it was."""
        if tok.lower_ not in role_nouns():
            return None
        for c in tok.children:
            if c.dep_ != "nmod" or c.i < tok.i or syntax.case_of(c) not in quoting().role_body_preps:
                continue
            a, b = syntax.phrase_span(c)
            if any(e.type == "PERSON" for e in self.entities_in(a, b)):
                return None  # "the spokesman for President X": the one the role serves, no body; the role speaks
            body = actor_for_span(self.doc, a, b)
            if body is not None and body.id is not None:
                return Who(name=describe(self.body[lo:b]), start=lo, id=body.id, actor=body)
        return None

    def _body_spoke_before(self, tok: Token, lo: int, hi: int, text: str) -> Who | None:
        """'the agency said' with no actor found: the body that spoke just before, apart from `_body_or_source` so
        that each stays short ("the physicians": people, no body)."""
        if _DEFINITE_BODY.fullmatch(text) and tok.lower_ in speech_words("source_nouns") and tok.tag_ != "NNS":
            named = self._named_by_same_word_before(tok)
            if named is not None:
                return named  # "The group, X, formed … The group said": X, not a body quoted before it
            body = self.group(tok.idx)
            if body is not None and _may_be_called(body, tok) and (
                    len(spaced_words(self.doc.tokens, lo, hi)) == 2 or tok.lower_ in quoting().body_nouns
                    or tok.lower_ in body.name.lower().split()):
                return body  # "the news organization": a word for any body; "the utilities commission": its own
        return None

    def _named_by_same_word_before(self, tok: Token, chain: int = 0) -> Who | None:
        """'The group, Acme Workers Coalition, formed last month. … The group said': where the last main-clause subject
        of the clauses before `tok` (_clauses_before; _main_subject) is the same word for a body with a name set off
        after it, that body as named is the speaker: the subject's own word, not a body that spoke earlier, is what "the
        group" goes back to. The same word again with no name is the same body, so the chain goes on back from that
        mention (up to DESCRIPTION_CHAIN of them: "The group, X, formed … The group announced … the group said" is X)."""
        for t in reversed(self._clauses_before(tok)):
            if not _main_subject(t) or self.in_quote(t.idx):
                continue
            if t.lower_ != tok.lower_:
                return None  # another subject since: the nearest subject is not this word's
            after = [w for w in t.doc[t.i + 1:t.i + 3] if not w.is_space]
            if len(after) == 2 and after[0].text == "," and _capitalised(after[1]):
                return self._apposed_body(t, after[1])  # "The group, X,", however the parse hung X
            if chain < DESCRIPTION_CHAIN and t.sent.start != tok.sent.start:
                return self._named_by_same_word_before(t, chain + 1)  # that mention's own antecedent
        return None  # "The group said … The group added": back to the one that named it

    def _kind_named_before(self, tok: Token, lo: int, hi: int, actor: Actor | None = None) -> Who | None:
        """'Volkswagen is showing a concept car. The German automaker says …', 'Dick Clark Productions denied it. “…,”
        the production company said': "the" and a word for a body (quotes.yaml body_kinds, body_nouns) with at most two
        lower-case or nationality words between (speaker_patterns kind_description) is the body named as the subject of
        the last clause before it, in its sentence or the KIND_SENTENCES sentences before it outside quotes; with no
        named subject there, the one name those clauses give in any role (_one_name_before). A person or a place as
        that subject, a subject inside what the same word for a body reported ("The group announced that WeWork …":
        _said_by_same_kind), or two names in other roles, leave it as written (as does an actor found for the phrase
        that names its head)."""
        if not self._described_by_kind(tok, lo, hi, actor):
            return None
        for t in reversed(self._clauses_before(tok)):
            if _said_by_same_kind(t, tok):
                return None  # "The group announced that WeWork … the group said": the group, not WeWork
            if t.dep_ not in ("nsubj", "nsubj:pass"):
                continue
            if t.pos_ != "PROPN":
                t = self._body_of_members(t) or t  # "Hamas fighters attacked …": the body they fight for
            if t.pos_ == "PROPN" and not self.in_quote(t.idx):
                return self._body_named(t)
        return self._one_name_before(tok)

    def _one_name_before(self, tok: Token) -> Who | None:
        """'The attorney general is investigating WeWork. The company confirmed …': with no body named as a subject
        before, the one name the same clauses give in any role (an object, a possessor) that is no person's and no
        place's is the body "the company" stands for; of several, the one name in a core role (a subject or an object
        the parse misread, not a possessor nor a preposition's object: "… on the use of Ann's music, X denied …" is X);
        two names or more in the same standing leave it as written (which, the reader could not tell)."""
        words = [t for t in self._clauses_before(tok) if t.pos_ == "PROPN" and not t.is_space and not self.in_quote(t.idx)]
        names: dict[str, Token] = {}
        core: dict[str, Token] = {}
        ends: set[int] = set()
        for t in words:
            own = self.entity_at(t.idx)
            if (own is not None and own.type != "ORG") or self.in_time(t.idx):
                continue  # a person, a place, a nation or a day names no body
            run = name_run(t)
            if own is None and run[1] in ends:
                continue  # "Clark Productions" inside "Dick Clark Productions": the same name, counted once
            ends.add(run[1])
            name = own.text if own is not None else self.body[slice(*run)]
            last = t.doc.char_span(run[0], run[1], alignment_mode="expand")
            head = last[-1] if own is None and last is not None and len(last) else t  # "Productions": the word that ends it
            names.setdefault(name, head)
            if not _possessor_or_prepositional(t):
                core.setdefault(name, head)
        one = names if len(names) == 1 else core
        return self._body_named(next(iter(one.values()))) if len(one) == 1 else None

    def _body_named(self, name: Token) -> Who | None:
        """The body a subject's name names; none where it is a person's or a place's (quotes.yaml
        not_body_name_types), which a word for a body cannot stand for."""
        own = self.entity_at(name.idx)
        if own is not None and own.type in quoting().not_body_name_types:
            return None
        found = self.who(name)  # a name a plural noun ends ("Dick Clark Productions") is no person's
        if found is None or found.person and name.tag_ != "NNPS":
            return None
        return replace(found, person=False) if found.person else found

    def _body_of_members(self, subj: Token) -> Token | None:
        """'Hamas fighters', 'Wagner mercenaries': a common-noun subject whose modifier is a body's name (an
        organisation entity): that name."""
        for c in subj.children:
            own = self.entity_at(c.idx) if c.dep_ == "compound" and c.pos_ == "PROPN" else None
            if own is not None and own.type == "ORG":
                return c
        return None

    def _described_by_kind(self, tok: Token, lo: int, hi: int, actor: Actor | None) -> bool:
        """'the German automaker', 'the production company': a singular word for a body at the end of [lo, hi), after
        "the" and lower-case or nationality words (speaker_patterns kind_description), that no actor found names."""
        if actor is not None and _names_head(actor, tok) and self._nation_named(lo, hi) or tok.tag_ in ("NNS", "NNPS") or \
                tok.lower_ not in quoting().body_kinds | quoting().body_nouns or \
                _KIND_DESCRIPTION.fullmatch(self.body, lo, hi) is None:
            return False
        span = self.doc.tokens.char_span(lo, hi, alignment_mode="expand")
        return span is not None and span[-1].i == tok.i and \
            all(not t.text[:1].isupper() or self._of_nation(t) or _hyphened_on(t) for t in span[1:])

    def _nation_named(self, lo: int, hi: int) -> bool:
        """Does the phrase name a nation or a place of its own ("the German automaker"), not one hyphened onto a common
        word ("the Iran-backed group") nor one the context lent a description ("the militant group")?"""
        return any(e.type in ("NORP", "GPE") and not any(_hyphened_on(t) for t in self.doc.tokens.char_span(
            e.start, e.end, alignment_mode="expand") or ()) for e in self.entities_in(lo, hi))

    def _of_nation(self, tok: Token) -> bool:
        own = self.entity_at(tok.idx)
        return own is not None and own.type == "NORP"

    def _clauses_before(self, tok: Token) -> list[Token]:
        """The words of `tok`'s sentence before it and of the KIND_SENTENCES sentences before it that open outside a
        quote (the quoted sentences between passed over; "… called the ID. Space Concept." is two), within GROUP_REACH."""
        lo, start, found = tok.sent.start_char, tok.sent.start, 0
        for _ in range(QUOTED_SENTENCES + KIND_SENTENCES):
            before = self._sentence_before(start)
            if before is None or before[1] <= tok.idx - GROUP_REACH or found == KIND_SENTENCES:
                break
            lo, found = before[0], found + (not self.in_quote(before[0] + 1))
            span = self.doc.tokens.char_span(before[0], before[0] + 1, alignment_mode="expand")
            start = span.start if span is not None else 0
        lo, first = max(lo, tok.idx - GROUP_REACH), tok.i
        while first > 0 and self.doc.tokens[first - 1].idx >= lo:  # back from `tok`: the words before `lo` untouched
            first -= 1
        return list(self.doc.tokens[first:tok.i])

    def _body_of_kind(self, tok: Token, lo: int, hi: int) -> Who | None:
        """'VW says … The automaker says': a word for a kind of body (quotes.yaml body_kinds) is the body that spoke
        just before (as for "it", a name taken for a person's by its form alone: '…," said Kotak Institutional
        Equities. … the brokerage said'), when no other body is named between (the text may have moved on to it);
        else the body named just before, as a subject or as the one name there (_kind_named_before); else no one,
        since "the automaker" as written names no one the reader could find."""
        body = self.group(tok.idx, pronoun=True)
        if body is None:
            return self._kind_named_before(tok, lo, hi)
        span = self.doc.tokens.char_span(body.start, tok.idx, alignment_mode="expand")
        own = set(body.name.split())
        places = [e for e in self.entities_in(body.start, tok.idx) if e.type in quoting().not_body_name_types]
        named = [t for t in span or () if t.pos_ == "PROPN" and not t.is_space and t.text not in own
                 and t.lower_ not in _common_words() and not any(e.start <= t.idx < e.end for e in places)]
        return self._kind_named_before(tok, lo, hi) if named else body  # "Reuters reported that Toyota …": not Reuters

    def _may_speak_unnamed(self, tok: Token, lo: int, hi: int) -> bool:
        """A name, a capitalised word, a source noun ("witnesses") or a role ("a senior official"); a common noun
        capitalised only where it opens a sentence ("Images of bullet casings … indicate that") is no name."""
        if tok.pos_ in NAME_POS or tok.text[:1].isupper() and not _opening_common_noun(tok):
            return True
        span = tok.doc.char_span(lo, hi, alignment_mode="expand")  # the phrase's tokens, not a scan of the doc
        words = {t.lower_ for t in span or () if lo <= t.idx < hi} | {tok.lemma_.lower()}
        return bool(words & (speech_words("source_nouns") | role_nouns()))


# -- where the speaker is written ------------------------------------------------------------------

def _main_subject(tok: Token) -> bool:
    """The subject of a sentence's main verb, or a noun the parse made the root ("The group, X, formed(acl) …"); not
    the subject of a clause inside another."""
    return tok.dep_ in ("nsubj", "nsubj:pass") and tok.head.dep_ == "ROOT" or \
        tok.dep_ == "ROOT" and tok.pos_ in NOMINAL and not tok.is_space


def _name_start(head: Token) -> int:
    """Where a name starts: its first capitalised word the parse hung before its head ("the Valley Herald", "Free
    Valley")."""
    before = [c for c in head.children if c.dep_ in ("compound", "amod") and c.i < head.i and _capitalised(c)]
    return min([head, *before], key=lambda t: t.i).idx


def name_run(tok: Token) -> tuple[int, int]:
    """Character span of the run of capitalised name words from `tok` on, hyphens included
    ("Stuart Casey-Maslen"), however the tagger labelled them."""
    doc = tok.doc
    i = tok.i
    while i + 1 < len(doc):
        step = _name_step(doc, i)
        if not step:
            break
        i += step
    return tok.idx, doc[i].idx + len(doc[i])


def _name_step(doc: Doc, i: int) -> int:
    """How many tokens the name run goes on by after token i: 2 past a hyphen, 1, or 0 (it ends)."""
    nxt = doc[i + 1]
    if nxt.text in "-‐" and not doc[i].whitespace_ and i + 2 < len(doc) and _capitalised(doc[i + 2]):
        return 2
    if _capitalised(nxt) and nxt.pos_ in ("PROPN", "PRON", "NOUN", "ADJ") and doc[i].whitespace_ == " " \
            and not nxt.is_sent_start:
        return 1
    return 0


def _body_word(tok: Token) -> bool:
    """A singular common noun for a body ("the company", "the label"; quotes.yaml body_nouns, body_kinds): a
    description that may stand for a body named before or after it."""
    return tok.tag_ == "NN" and tok.lower_ in quoting().body_nouns | quoting().body_kinds


def _capitalised(tok: Token) -> bool:
    """A word written with a capital and then small letters, however its inner parts are cased
    ("Kozak", "Za’anoun", "McCarthy"), not an acronym ("CNN")."""
    return tok.text[:1].isupper() and any(ch.islower() for ch in tok.text)


_ROLE_PLACE = _cue("role_place")  # "ambassador| to the |UN"
_ROLE_DOMAIN = _cue("role_domain")  # "Commissioner| for Human Rights |Dmytro Lubinets"


def _of_group(head: Token, at: int) -> bool:
    """'Supporters of Imran Khan', 'militants loyal to X': people a plural common noun names, whose modifier only
    names the person they follow; they speak, not the person."""
    if head.tag_ != "NNS":
        return False
    return any(c.dep_ in GROUP_MODIFIERS and c.left_edge.idx <= at < c.right_edge.idx + len(c.right_edge)
               for c in head.children if c.i > head.i)


GROUP_MODIFIERS = frozenset({"nmod", "amod", "acl", "acl:relcl"})


def nominal_like(tok: Token) -> bool:
    """A noun, a role word the tagger took for an adjective, or a capitalised name it took for anything
    (at a sentence's start only where its tag still says proper noun: "Heyward(NNP, advmod) said that")."""
    return tok.pos_ in NOMINAL or tok.lower_ in role_nouns() or \
        (tok.text[:1].isupper() and tok.pos_ in ("ADJ", "VERB", "ADV", "INTJ")
         and (not tok.is_sent_start or tok.tag_ in ("NNP", "NNPS")))


def subject_of(verb: Token) -> Token | None:
    """The subject of a speech verb; "X was quoted as saying": X; "described by X as": X."""
    relayed = _said_as(verb)
    if relayed is not None:
        return relayed
    if syntax.is_passive(verb) and syntax.agent(verb) is not None:
        return syntax.agent(verb)
    subj = syntax.subject(verb)
    if subj is None and verb.dep_ in ("advcl", "xcomp") and syntax.is_passive(verb.head):
        subj = syntax.patient(verb.head)
    return subj


def _said_as(verb: Token) -> Token | None:
    """"Grossi was quoted by Interfax as saying", "Interfax quoted Grossi as saying": a speech verb with no subject
    of its own that a mark opens (quotes.yaml said_as_marks), adverbial to another verb, is said by that verb's
    passive subject or object, not by its agent or subject, who only passes the words on."""
    if verb.dep_ not in ("advcl", "xcomp") or syntax.children(verb, "nsubj", "nsubj:pass", "csubj"):
        return None
    if not any(c.dep_ == "mark" and c.lower_ in quoting().said_as_marks for c in verb.children):
        return None
    head = verb.head
    if syntax.is_passive(head):
        return syntax.patient(head)
    objects = syntax.children(head, "obj")
    return objects[0] if objects else None


def _filler(tok: Token) -> bool:
    """Words between a speaker and the verb: adverbs, auxiliaries, particles, spaces, punctuation
    other than quote marks and commas."""
    return tok.pos_ in ("ADV", "AUX", "PART") or tok.is_space or tok.is_punct and tok.text not in "“”\","


def _bare_comma(doc: Doc, i: int, verb_i: int) -> bool:
    """A comma with no noun between it and the verb ("X, the envoy, said" past its second comma)."""
    return doc[i].text == "," and not any(t.pos_ in NOMINAL for t in doc[i + 1:verb_i])


def _opens_aside(doc: Doc, opening: int) -> bool:
    """', speaking in Jeddah,' / ', who …,' / 'X, the envoy,': an aside that a comma opens."""
    first = doc[opening + 1]
    if first.tag_ in ("VBG", "VBN") or first.lower_ in syntax_words().relative_pronouns:
        return True
    return bool(first.pos_ == "DET" and _name_word(doc[opening - 1]))


def _name_word(tok: Token) -> bool:
    """A proper name, or a capitalised word inside a sentence that the tagger took for a noun."""
    return tok.pos_ == "PROPN" or tok.is_title and tok.pos_ == "NOUN" and not tok.is_sent_start


def _past_aside(doc: Doc, i: int, floor: int) -> int:
    """From the comma that closes an aside, the comma that opens it (or `i` when there is none)."""
    opening = next((k for k in range(i - 1, max(floor, i - 40) - 1, -1) if doc[k].text == ","), None)
    if opening is not None and opening + 1 < i and _opens_aside(doc, opening):
        return opening
    return i


def _phrase_step(tok: Token, head: Token) -> bool:
    """Is `head` the word of the same noun phrase that `tok` modifies: a noun's modifier, or the object of a
    participle or adjective that modifies a noun ("people familiar with the talks", "a person briefed on
    the call": from "talks" to "familiar" to "people")?"""
    if tok.dep_ in PHRASE_UP and head.pos_ in NOMINAL | {"ADJ"}:
        return True
    if tok.dep_ == "obl" and (head.pos_ == "ADJ" or head.tag_ == "VBN") and head.dep_ in ("amod", "acl"):
        return True
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and head.pos_ in NOMINAL


def _climb_phrase(tok: Token, floor: int, verb_i: int) -> Token:
    """From the last word of a noun phrase to its head, inside [floor, verb_i)."""
    doc = tok.doc
    closed = any(doc[k].text == "," for k in range(tok.i + 1, verb_i))
    for _ in range(8):
        head = tok.head
        if _phrase_step(tok, head) and floor <= head.i < verb_i and head != tok \
                and (closed or not any(doc[k].text == "," for k in range(head.i + 1, tok.i))):
            tok = head  # across a comma only out of an aside closed by a comma ('X, chairman of Y, told'), not
            # from the subject of a fronted claim ('… of the West Bank, military sources said', '… bin Laden, the
            # White House said': the sources, the White House)
        else:
            break
    return tok


def left_nominal(verb: Token, floor: int) -> Token | None:
    """The noun phrase right before a verb when the parse gives it no subject ("X, the envoy, said"),
    past an aside set off by commas ("X, speaking in Jeddah after talks, said")."""
    doc = verb.doc
    i = verb.i - 1
    while i >= floor and (_filler(doc[i]) or _bare_comma(doc, i, verb.i)):
        if doc[i].text == ",":
            i = _past_aside(doc, i, floor)
        i -= 1
    if i < floor or not nominal_like(doc[i]):
        return None
    tok = _climb_phrase(doc[i], floor, verb.i)
    return tok if nominal_like(tok) else None


def right_nominal(verb: Token, limit: int, times: list[tuple[int, int]] | None = None) -> Token | None:
    """'…,” said the envoy': the noun phrase right after an inverted speech verb, past a date."""
    doc = verb.doc
    for i in range(verb.i + 1, min(limit, verb.i + 10)):
        tok = doc[i]
        if any(a <= tok.idx < b for a, b in times or []):
            continue  # "warned Wednesday the ambassador"
        if tok.pos_ in ("PROPN", "NOUN", "PRON") or tok.text[:1].isupper() and nominal_like(tok):  # "says Early(ADV)."
            while tok.dep_ in _BEFORE_HEAD and tok.head.i > tok.i and tok.head.i < limit:
                tok = tok.head  # "said 43-year-old Jana Ortiz": "year" hangs on "old", "old" on the name
            return tok
        if _misread_name(tok):
            return tok  # '…”, stated Save the Children': a name the tagger read as a verb
        if tok.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ") or tok.text in "“\".;":
            return None
    return None
