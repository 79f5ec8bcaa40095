"""Quotations and reported speech with their speakers, read from the parse (`doc.tokens`).

A direct quote is the text between quote marks. It is attributed to the speech verb right after it
("…,” he said), right before it (X said: “…”) or linked to it by the parse, else it continues the
quote before it in the paragraph, else a paragraph-opening quote takes the cue of the next sentence.
Reported speech is the clausal complement of a speech verb ("X said (that) …", "…, officials said")
or the clause that "according to X" modifies. The speaker is the subject of the speech verb
(`speakers.subject_of`) or the object of "according to", followed through apposition, coordination and
pronouns (`speakers.Speakers`); a quote whose speaker cannot be resolved keeps `speaker: null`.
Page furniture holds no quotes.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import accumulate

from spacy.tokens import Doc, Span, Token

from flashpoint.model import Entity, Quote, Speaker
from flashpoint.nlp import coref, syntax
from flashpoint.nlp.actors import resolve_actor, surname_person
from flashpoint.nlp.document import NlpDoc, doc_text, token_offsets, words_near
from flashpoint.nlp.event_patterns import by_lemma
from flashpoint.nlp.inflect import inflect
from flashpoint.nlp.interviews import interview_turns
from flashpoint.nlp.language import Patterns, calendar_words, names, people, quoting, speech_words
from flashpoint.nlp.language import syntax as syntax_words
from flashpoint.nlp.speakers import (
    Speakers,
    Who,
    describe,
    is_document,
    is_document_word,
    left_nominal,
    looks_like_full_name,
    nominal_like,
    right_nominal,
    role_nouns,
    subject_of,
)

OPEN_DOUBLE, CLOSE_DOUBLE = "“„«", "”»"
CLOSING_NAME_WORDS = 5  # words of a speaker's name after a verb that closes its line ("…, says the defence ministry")
CLOSING_SUBJECT_WORDS = 4  # words between the comma and a verb that closes its line after its speaker ("…, U.S. says")
SIGNED_WORDS = 60  # words a signed claim may have ('… - Yermak'): a headline's, not a paragraph's
SHORT = 6  # fewer words than this between marks, with no cue, is a scare quote or a title
_ACCORDING_HEAD, _ACCORDING_PREP = quoting().according_to  # "according", "to" (quotes.yaml according_to)
ACCORDING = f"{_ACCORDING_HEAD} {_ACCORDING_PREP}"  # the cue's name in a record
ENDING_PUNCT = ",.!?—–-"
FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")
HEADLINE_CLAUSE = ("ccomp", "xcomp", "nsubj", "nsubj:pass", "obj", "iobj")  # what a headline's "says" reports
HEADLINE_VERB_TAGS = (*FINITE_TAGS, "VBN", "VBG")  # a headline drops "is" and "has": "Hundreds buried", "X trying"
# edges from a participle up to the speech verb it hangs on ("said, according to a translation provided
# by Y, adding"); a reported clause (ccomp) is another speaker's
DASHES = frozenset({"-", "–", "—"})  # hyphen-minus, en and em dash: a writer's dash is any of them, spaced
SETTING_OFF = frozenset({",", *DASHES, ";", ":"})  # marks that set a participle off its clause
CLAUSE_VERB_WITHIN = 16  # words from a clause's start to its finite verb ("only the group's wing, the X Brigades, is")
SETTING_WORDS = 20  # "said during a news conference with <title> <name> in Kyiv on Wednesday that": words to the "that"
OPENING_SUBJECT_WORDS = 8  # words before the speech verb that opens a clause "according to" reports
_NO_CLAIM_OPENERS = ("WDT", "WP", "WRB", "CC")  # tags of a word that opens no claim after a comma ("which lies …")
_SETTING_POS = ("ADP", "ADV", "SCONJ")  # the first word of a setting of the claim ("shortly before X's death, …")
CLOSING_PHRASE_WORDS = 8  # words of the phrase before a verb that closes its sentence ("a law enforcement official
# familiar with the matter has told Reuters")
SOURCE_ASIDE_WORDS = 8  # words of an aside that sets off a fronted "according to" source ("…, Acting Commander of Y, …")
ACT_OBJECT_WORDS = 8  # words of the object an act phrase's "*" stands for ("urged Vietnam and others in the region to")
JOINED_WORDS = 12  # words from a joining "and"/"while" to the speech verb it joins ("while the city's police deny")
NAMING_WORDS = 4  # words a naming verb gives its object, unquoted, to make a claim ("called it a nightmare scenario …")
NAMED_OBJECTS = syntax_words().named_objects  # "called it …": the object before the name (lang/en/syntax.yaml)
LEAD_IN_WORDS = 5  # words of reported speech before a direct quote that make a quote of their own
LEAD_INTO_QUOTE = ("CC", "DT", "IN", "TO", "WDT", "WP", "PRP$", "POS", "``")  # "and the “…”", "a region that “…”"
GOVERNED_BY = frozenset({"advcl", "acl", "obl", "nmod", "obl:agent", "conj", "appos"})

_COMPLEMENTIZERS = quoting().complementizers  # "that" (quotes.yaml)


def _is_that(tok: Token, or_comma: bool = False) -> bool:
    """Is the token the word that opens a reported clause ("said that …"; quotes.yaml complementizers), or, with
    `or_comma`, a comma?"""
    return tok.lower_ in _COMPLEMENTIZERS or or_comma and tok.text == ","


_cue = Patterns("quotes.yaml", "quote_patterns")  # the words that frame a quote ("that", "according to")
_NOTHING_BUT_THAT = _cue("nothing_but_that")  # X said: “…” / X said that “…”
_SHORT_LEAD_IN = _cue("short_lead_in")  # X insisted that the “…”
_ABBREVIATION_CUT = re.compile(r"(?<![\w.])[A-Z][a-z]{0,2}\.$")  # "an estimated Sh. | 10 trillion": a unit before a number
_AND_THAT = _cue("and_that")  # 'said A and that B': a second reported clause
# "said it would be provided next year, but he gave no details", "says his approach has created leverage — and in
# some cases, he is right": a clause about the speaker, set off by a comma or dash and "but"/"and", is the writer's
_WRITER_GOES_ON = _cue("writer_goes_on")
# the name alone before a colon that opens a quote, matched at the start of its line or of the parse's sentence
# ("Zelensky: “…”"; Extraction._name_colon)
_NAME_COLON = _cue("name_colon")
_QUOTE_BEFORE_ACTOR = _cue("quote_before_actor")  # '‘Nobody surrenders Donbas’: Haidai assures …' (_headline_actor)
_LINE_BREAK = re.compile(r"\n")
_WORD = re.compile(r"\w+")
_SIGNED_CLAIM = _cue("signed_claim")  # 'G7 should strengthen sanctions - Yermak' (Extraction._signed_claims)
_CLAIM_LABEL = _cue("claim_label")  # 'War with Russia: …' before a signed claim on its line
_CLOSING_SUBJECT_LEAD = _cue("closing_subject_lead")  # '…, the ministry says': the words before the speaker
_HEADLINE_END = _cue("headline_end")  # a stop closing a line, past its quote marks: none ends a headline
_ROLE_THEN_NAME = _cue("role_then_name")  # 'The Ambassador of X to Y, Bridget Brink, says' (Extraction._name_closing_role)
_PAGE_STAMP = _cue("page_stamp")  # '(19.08.22 12:59) « World | Censor.NET' after a headline: no claim runs on
_REPEATED_HEADLINE = _cue("repeated_headline")  # a page that repeats its stamped headline (Extraction._repeated_headline)
_LABELLED_CLAIM = _cue("labelled_claim")  # 'Danilov: Western weapons changing course of the war'
_LINE_LABEL = _cue("line_label")  # 'Ukraine news from April 2: ' opening a line of headline style (Extraction._headline_verb)
_SPEAKER_AFTER_QUOTE = _cue("speaker_after_quote")  # '“…,” IAEA Director General Rafael Mariano Grossi' ending its line
_BYLINE = re.compile(r"[ \u00a0]*[—–][ \u00a0]*(?P<name>[A-Z][\w.'’\-]+(?:[ \u00a0]+[A-Z][\w.'’\-]+){1,3})[ \u00a0.]*")
_RELATIVE_ASIDE = _cue("relative_aside")  # "X, who represents Y, said"
_NAME_GAP = re.compile(r"[\s\u00a0]*(?:[A-Z][\w.'’\-]*[\s\u00a0]+){1,3}")  # '?” Schiff asked': a name alone before a cue
_NEW_SENTENCE = re.compile(r"[.!?]\s+[A-Z]")
_COMMA = re.compile(r",(?=\s)")
_NOUN_PHRASE_DEPS = ("det", "amod", "compound", "nmod:poss", "nummod", "flat", "case")
_THAT_OPENER = _cue("that_opener")  # "that to achieve …", "that while …": the word after "that"
_AFTER_THAT = _cue("after_that")  # a span right after "that"
_CLOSING_COMMA = re.compile(r"[\s”\"’]*,")  # the comma that closes a setting, past a closing quote mark
_TITLE_WORD = re.compile(r"[^\W\d_][\w’'\-]*")  # a word of letters, as a title writes it ("Takin’")
_OPENS_WITH_ACCORDING = _cue("opens_with_according")
_CLAUSE_WORD = _cue("clause_word")  # "that", "which", "who" right before a quote: it opens a clause of its own
# a name of one to four capitalised words that opens a clause, then asides set off by commas up to the
# verb ("Dylan Nelson, a postdoctoral fellow at X in Munich, Germany, and co-author of the study, said")
# ("study lead author Lucas Paganini, a scientist at X in Greenbelt, Maryland, said": a few lower-case role
# words may come before the name; an abbreviation's stops ("the U.S. attorney") are no sentence end; the
# comma that closes the aside may be missing before the verb ("…, a research analyst at the X think tank told")
_NAME_ASIDE = re.compile(r"[\s,]*(?:[a-z][\w\-]*[ \u00a0]+){0,4}(?P<name>[A-Z][\w’'.\-]+(?:[ \u00a0]+[A-Z][\w’'.\-]+){0,3}),"
                         r"[ \u00a0]+(?P<aside>(?:[^.;:!?“”\"\n]|(?<=\b[A-Z])\.){3,200}?)(?:,[ \u00a0]+(?:\w+[ \u00a0]+)?|[ \u00a0]+)")


@dataclass(frozen=True)
class QSpan:
    open: int  # position of the opening mark
    close: int  # position just after the closing mark (paragraph end when unclosed)
    inner_start: int
    inner_end: int
    single: bool
    para: int
    continued: bool = False  # ran to the paragraph end without a closing mark


@dataclass
class Cue:
    tok: Token  # the speech verb, or "according" of "according to"
    start: int
    end: int
    past: str  # what a Quote's `cue` says: "said", "warned", "according to"
    reported: bool  # takes a reported clause
    who: Who | None = None
    quotes: list[int] = field(default_factory=list)  # the direct quotes it attributes


def _aside(c: Cue) -> bool:
    """"As Reuters reported, ...": a speech verb in a clause an aside mark opens (quotes.yaml aside_marks)."""
    marks = quoting().aside_marks
    return any(m.dep_ == "mark" and m.lower_ in marks for m in c.tok.children)


Pick = tuple[Cue, bool]  # a quote's cue, and whether the cue follows the quote ("…,” said X)


# -- the speech-verb lexicon -------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _verbs() -> dict[str, tuple[str, bool]]:
    """Speech verb lemma -> (past form, takes a reported clause)."""
    lex = coref.speech_lexicon()
    reported = {str(v) for v in lex.get("reported", [])}
    out = {str(base): (str(past), str(base) in reported) for base, past in (lex.get("verbs") or {}).items()}
    return out


def _gerund(base: str, past: str) -> str:
    """The -ing form, its stem's last letter doubled where the verb's listed past doubles it ("quipped": "quipping";
    the doubling rule of inflection.yaml takes the "u" of "qu" for a vowel)."""
    doubled = base + base[-1]
    return inflect("gerund", doubled if past == inflect("past", doubled) else base)


@lru_cache(maxsize=1)
def speech_verb_forms() -> dict[str, str]:
    """Every inflected form of a speech verb -> its base (the shipped lemmatizer misses some: "denounc")."""
    lex = coref.speech_lexicon()
    out: dict[str, str] = {}
    for base, past in (lex.get("verbs") or {}).items():
        base, past = str(base), str(past)
        for form in (base, inflect("third_person", base), past, _gerund(base, past)):
            out[form] = base
    out.update({str(k).lower(): str(v) for k, v in (lex.get("irregular") or {}).items()})
    return out


@lru_cache(maxsize=1)
def _cue_words() -> frozenset[str]:
    """The words a cue is read from (`find_cues`): "according", a speech verb's forms and lemmas, a phrase verb's
    lemmas and forms (its lemma may be misread: `syntax.listed_verb`)."""
    return frozenset({_ACCORDING_HEAD, *speech_verb_forms(), *_verbs(), *_phrase_verbs(), *phrase_verb_forms()})


@lru_cache(maxsize=1)
def phrase_verb_forms() -> frozenset[str]:
    """Every inflected form of a phrase verb ("made", "raises", "considered"): their sentences are read parsed."""
    lex = coref.speech_lexicon()
    rows = (lex.get("phrase_verbs") or {}).items()
    return frozenset(f for base, row in rows for f in (str(base), inflect("third_person", str(base)), str(row["past"]),
                                                       _gerund(str(base), str(row["past"]))))


@lru_cache(maxsize=1)
def _phrase_verbs() -> dict[str, tuple[str, re.Pattern[str]]]:
    """Verb lemma -> (past form, the object words that make it report a "that" clause)."""
    out: dict[str, tuple[str, re.Pattern[str]]] = {}
    for base, row in (coref.speech_lexicon().get("phrase_verbs") or {}).items():
        objects = sorted((str(w) for w in row.get("objects") or [] if w), key=len, reverse=True)
        alternation = "|".join(re.escape(w).replace("\\ ", r"\s+") for w in objects)
        optional = "?" if "" in (row.get("objects") or []) or not objects else ""  # "considered that": no object
        out[str(base)] = (str(row["past"]), re.compile(rf"(?:\s+(?:{alternation})){optional}(?={_cue('that_follows').pattern})",
                                                  re.IGNORECASE))
    return out


def _phrase_object(verb: Token, text: str) -> re.Match[str] | None:
    """'made it clear that', 'raised the alarm that': the object words after a phrase verb, before "that" (`text`:
    the verb's doc's text, which the doc would join again at each call)."""
    row = _phrase_verbs().get(syntax.listed_verb(verb, speech_words("phrase_verbs")) or "")
    if row is None or not verb.tag_.startswith("VB"):
        return None
    m = row[1].match(text, verb.idx + len(verb))
    if m is not None and not m.group(0) and not syntax.children(verb, "nsubj", "nsubj:pass"):
        return None  # "which made Vaughan believe that": a view with no subject of its own states nothing
    return m


def _phrase_cue(verb: Token, text: str) -> str | None:
    """The cue a phrase verb gives its quotes ("made it clear"), or None."""
    m = _phrase_object(verb, text)
    base = syntax.listed_verb(verb, speech_words("phrase_verbs"))
    return " ".join([_phrase_verbs()[base][0], *m.group(0).split()]) if m and base else None


@lru_cache(maxsize=1)
def _act_phrases() -> dict[str, list[tuple[re.Pattern[str], bool]]]:
    """Verb lemma -> the words after it that make its own phrase a report (speech_verbs.yaml act_phrases), each
    with whether it is the object alone; "*" stands for the verb's object, one to ACT_OBJECT_WORDS words without
    punctuation."""
    word = r"[^\s,;:!?()]+"  # a quoted word or an abbreviation is one: 'accused the “rebel” U.S. forces of'
    obj = rf"{word}(?:\s+{word}){{0,{ACT_OBJECT_WORDS - 1}}}?"
    return {str(base): [(re.compile(r"\s+" + r"\s+".join(obj if w == "*" else re.escape(w) for w in str(p).split())
                                    + r"\b", re.IGNORECASE), str(p) == "*") for p in patterns]
            for base, patterns in (coref.speech_lexicon().get("act_phrases") or {}).items()}


def _act_kind(tok: Token, text: str, end: int) -> str | None:
    """Whether the speech verb's own words make an act phrase (_act_phrases): "object" where its object alone
    does (a clause after the verb comes first: "reported 5,000 people entered"), "phrase" where more words do;
    None for a verb not active, negated, a noun ("the accused") or in a relative clause (whose speaker the
    noun before it gives), and for an object alone that is not the verb's parsed object ("reported on Monday")."""
    found = [bare for pattern, bare in _act_phrases().get(_base(tok), []) if pattern.match(text, end)]
    if not found or _no_act_of_its_own(tok):
        return None
    if not all(found):
        return "phrase"
    return "object" if _object_right_after(tok) else None


def _pointer(verb: Token) -> Token | None:
    """The word pointing back that a speech verb has for its object, its passive subject or the object of its "about"
    (quotes.yaml pointing_back, pointing_verbs, pointing_preps: "This was stated by X", "X stated this", "X wrote about
    this"), when it reports no clause of its own; else None."""
    words = quoting()
    if _base(verb) not in words.pointing_verbs or syntax.children(verb, "ccomp", "parataxis"):
        return None
    if verb.dep_ == "acl:relcl" or any(c.pos_ in syntax.VERBS and c.i > verb.i for c in verb.children):
        return None  # "a finding that she reported"; "said that at first its fighters had inflicted …"
    return next((c for c in verb.children if _points_back(c, verb)), None)


def _points_back(c: Token, verb: Token) -> bool:
    """The speech verb's object, passive subject or object of "about" is a word pointing back alone: "this", not
    "this week" or "this decision" (_pointer)."""
    words = quoting()
    pointed = c.dep_ in ("obj", "nsubj:pass") or c.dep_ == "obl" and syntax.case_of(c) in words.pointing_preps
    return pointed and c.lower_ in words.pointing_back and c.tag_ == "DT" and \
        all(k.dep_ == "case" for k in c.children) and (c.i < verb.i or _ends_phrase(c))


def _clause_root(tok: Token) -> bool:
    """The finite verb its sentence hangs on."""
    return tok.head.i == tok.i and _finite_verb(tok)


def _main_clause_verb(tok: Token) -> bool:
    """The finite verb its sentence hangs on, or a finite verb joined to that one ("X said …, and Y had …")."""
    return _clause_root(tok) or tok.dep_ == "conj" and _clause_root(tok.head) and _finite_verb(tok)


def _own_clause_verb(tok: Token) -> bool:
    """A finite verb with a subject of its own: the verb of a clause of its own."""
    return _finite_verb(tok) and bool(syntax.children(tok, "nsubj", "nsubj:pass"))


def _joined_after_comma(opener: Token) -> bool:
    """The word opens a clause right after a comma as one of quotes.yaml other_act_joiners (', while', ', but')."""
    return opener.lower_ in quoting().other_act_joiners and opener.i > 0 and opener.doc[opener.i - 1].text == ","


def _finite_verb(tok: Token) -> bool:
    """A finite verb, or one with a finite auxiliary ("says", "has said"), not a participle of another's clause."""
    return tok.tag_ in FINITE_TAGS or any(c.dep_ == "aux" and c.tag_ in FINITE_TAGS for c in tok.children)


def _ends_phrase(tok: Token) -> bool:
    """Nothing of a clause follows the word: a mark, a preposition, an adverb or the end of the text."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is None or nxt.pos_ in ("PUNCT", "ADP", "ADV", "SPACE")


def _no_act_of_its_own(tok: Token) -> bool:
    """A speech verb whose words state no act of a speaker of its own, whatever follows it: negated, read as a noun,
    in a relative clause, passive, or in a condition."""
    if any(c.dep_ == "advmod" and c.lower_ in syntax_words().negators for c in tok.children):
        return True  # "did not accuse": nothing stated
    if tok.dep_ in ("amod", "compound") and not _misread_past_verb(tok) or tok.dep_ == "acl:relcl" or \
            syntax.children(tok, "det") or syntax.is_passive(tok):
        return True  # "the named accused included …": a noun; "is accused by critics of …": no speaker's act
    # "if the person reports no birds": a condition, no act
    return any(c.dep_ == "mark" and c.lower_ in syntax_words().conditional_marks for c in tok.children)


def _object_right_after(tok: Token) -> bool:
    """The verb's parsed object (or clause) starts on the word right after it: an act phrase of the object alone
    must be that object, not any words ("reported on Monday")."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else tok
    return any(c.dep_ in ("obj", "xcomp") and c.left_edge.i == nxt.i for c in tok.children)


@lru_cache(maxsize=1)
def _joiners() -> dict[str, frozenset[str]]:
    """speech_verbs.yaml joiners: those that go on with the same speaker or another, and those that bring in a new
    subject ("while the police deny …")."""
    return _word_table("joiners")


@lru_cache(maxsize=1)
def _request_acts() -> dict[str, frozenset[str]]:
    """speech_verbs.yaml request_acts: verb base -> the words that may follow it ("*": its object)."""
    return _word_table("request_acts")


def _word_table(key: str) -> dict[str, frozenset[str]]:
    """A speech_verbs.yaml mapping of a word to its list of words, as sets."""
    rows = coref.speech_lexicon().get(key) or {}
    return {str(k): frozenset(str(w) for w in v or []) for k, v in rows.items()}


def _joined_request(tok: Token) -> Token | None:
    """The joiner before a request that goes on from a reported clause ("… and called on the government to"): a
    finite verb of speech_verbs.yaml request_acts with its word after it (a participle only with a word it names: the
    parse may join "called on" to a passive before it, not "asked" in "were detained and asked to leave"), "and"/"but"
    right before it and no subject of its own; else None."""
    after = _request_acts().get(_base(tok))
    finite = tok.tag_ in ("VBD", "VBZ", "VBP") or tok.tag_ == "VBN" and "*" not in (after or ())  # "… and called on"
    if after is None or not finite or tok.i == 0 or tok.i + 1 >= len(tok.doc) or \
            syntax.children(tok, "nsubj", "nsubj:pass"):
        return None
    joiner = tok.doc[tok.i - 1]
    nxt = tok.doc[tok.i + 1]
    fits = nxt.lower_ in after or "*" in after and nxt.tag_ != "TO"  # an object first: not "were detained and asked to"
    return joiner if fits and joiner.lower_ in _joiners()["any_speaker"] else None


def _farthest_joiner(verb: Token, start: int) -> Token | None:
    """The joining word farthest before the speech verb, within JOINED_WORDS and after `start`, with no finite verb
    between them."""
    words = _joiners()["any_speaker"] | _joiners()["new_speaker"]
    found = None
    for t in reversed(verb.doc[max(verb.i - JOINED_WORDS, 0):verb.i]):
        if t.idx <= start or t.tag_ in FINITE_TAGS:
            break
        if t.lower_ in words:
            found = t
    return found


def _speaker_after_comma(c: Cue, cue: Cue, start: int) -> int | None:
    """'Although X suggested the man was murdered, Y told lawmakers …': where a speech verb inside the clause `cue`
    reports has a subject of its own, written right after a comma, naming another speaker, the comma before that
    subject (the clause of `cue` ends there). After a semicolon the subject may name no one ('Colombia says its soldiers
    neutralised rebels; rights groups say civilians were killed'): a semicolon closes the clause before it."""
    subj = next((t for t in c.tok.children if t.dep_ == "nsubj" and t.i < c.tok.i), None)
    if subj is None or _same_speaker(c, cue) or subj.left_edge.i == 0:
        return None
    before = c.tok.doc[subj.left_edge.i - 1]
    closes = before.text == ";" or before.text == "," and c.who is not None
    return before.idx if closes and before.idx > start else None


def _same_speaker(c: Cue, other: Cue) -> bool:
    return c.who is not None and other.who is not None and c.who.name == other.who.name


@lru_cache(maxsize=1)
def _listener() -> re.Pattern[str]:
    """Whom a speaker tells ("reporters", "the audience"), as written right after the verb."""
    objects = {str(w) for ws in (coref.speech_lexicon().get("object_verbs") or {}).values() for w in ws}
    alternation = "|".join(re.escape(w) for w in sorted(objects, key=len, reverse=True))
    return re.compile(rf"\s+(?:{alternation})\b", re.IGNORECASE)


# -- quote marks ----------------------------------------------------------------------------------

def paragraphs(body: str) -> list[tuple[int, int]]:
    """Character spans of the non-empty lines (a text dump's paragraphs)."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", body) if m.group(0).strip()]


def _before(text: str, i: int) -> str:
    return text[i - 1] if i > 0 else " "


def _after(text: str, i: int) -> str:
    return text[i + 1] if i + 1 < len(text) else " "


def _is_opening(text: str, i: int) -> bool:
    prev = _before(text, i)
    return (prev.isspace() or prev in "([{—–-/:" or prev in OPEN_DOUBLE) and (not _after(text, i).isspace()
                                                                          or _opens_sentence_spaced(text, i))


def _opens_sentence_spaced(text: str, i: int) -> bool:
    """'… Taylor wrote. " The course of steroids …': a straight mark set apart by spaces after a sentence's end,
    before a capital, opens a quote."""
    return text[i] == '"' and text[i + 1:i + 2] == " " and text[i + 2:i + 3].isupper() and \
        text[:i].rstrip()[-1:] in ".!?"


# two single marks written for a double one, as wire copy does ("‘‘We will stay,’’ he said"; ASCII ``…''): one mark
OPEN_DOUBLED, CLOSE_DOUBLED = ("‘‘", "``"), ("’’", "''")
_DOUBLE_MARK = re.compile("|".join(map(re.escape, OPEN_DOUBLED + CLOSE_DOUBLED)) + "|["
                          + re.escape(OPEN_DOUBLE + CLOSE_DOUBLE) + '"]')
OPEN_SINGLE, CLOSE_SINGLE = "‘'", "’'"
_SINGLE_MARK = re.compile(f"[{OPEN_SINGLE}{CLOSE_SINGLE}]")
# every mark that opens or closes a quote, guillemets included ('„' closes with '“': left out of the openings)
_OPENING_MARKS = OPEN_DOUBLE.replace("„", "") + '"' + OPEN_SINGLE
_CLOSING_MARKS = CLOSE_DOUBLE + '"' + CLOSE_SINGLE
_DOUBLE_MARKS = frozenset(OPEN_DOUBLE + CLOSE_DOUBLE + '"')  # marks a repeated headline may drop ('OC "South"', 'OC South')


def _inner_start(text: str, open_at: int) -> int:
    """Where the quoted words start after the opening mark at `open_at`: two characters on for a doubled single,
    past the spaces some texts set after it ('" The course …')."""
    start = open_at + (2 if text[open_at:open_at + 2] in OPEN_DOUBLED else 1)
    while text[start:start + 1] in (" ", "\u00a0"):
        start += 1
    return start


def _opens_double(text: str, i: int, none_open: bool) -> bool:
    """A typographic opening mark, or a straight one where none is open and it opens a word."""
    ch = text[i]
    return ch in OPEN_DOUBLE or text[i:i + 2] in OPEN_DOUBLED or ch == '"' and none_open and _is_opening(text, i)


def _opens_single(text: str, i: int) -> bool:
    return text[i] in OPEN_SINGLE and _is_opening(text, i) and _after(text, i).isalnum()


def _closes_single(text: str, i: int) -> bool:
    """A closing single mark ends a word and is no apostrophe inside one ("Kyiv's")."""
    return text[i] in CLOSE_SINGLE and not _after(text, i).isalnum() and not _before(text, i).isspace()


def _double_spans(text: str, ps: int, pe: int, pi: int) -> list[QSpan]:
    """Double-quoted spans of one paragraph; an opening mark inside an open quote, or the paragraph
    end, closes the one before (`continued`)."""
    spans: list[QSpan] = []
    open_at: int | None = None
    for qm in _DOUBLE_MARK.finditer(text):
        i = qm.start()
        if _opens_double(text, i, open_at is None):
            if open_at is not None:  # the first one never closed
                inner = _inner_start(text, open_at)
                spans.append(QSpan(ps + open_at, ps + i, ps + inner, ps + i, False, pi, continued=True))
            open_at = i
        elif open_at is not None and (len(qm.group(0)) == 1 or qm.group(0) in CLOSE_DOUBLED):
            inner = _inner_start(text, open_at)
            spans.append(QSpan(ps + open_at, ps + qm.end(), ps + inner, ps + i, False, pi))
            open_at = None
    if open_at is not None:
        inner = _inner_start(text, open_at)
        spans.append(QSpan(ps + open_at, pe, ps + inner, pe, False, pi, continued=True))
    return spans


def _single_spans(text: str, ps: int, pi: int, inside: list[tuple[int, int]]) -> list[QSpan]:
    """Single-quoted spans of one paragraph, outside its double quotes."""
    spans: list[QSpan] = []
    open_at: int | None = None
    for qm in _SINGLE_MARK.finditer(text):
        i = qm.start()
        if any(a <= i < b for a, b in inside):
            continue
        if open_at is None and _opens_single(text, i):
            open_at = i
        elif open_at is not None and _closes_single(text, i):
            spans.append(QSpan(ps + open_at, ps + i + 1, ps + open_at + 1, ps + i, True, pi))
            open_at = None
    return spans


def signed_lines(body: str) -> list[tuple[int, int]]:
    """Each claim a dash and a name sign ('… - Yermak'; quotes.yaml signed_claim), from its line's start to the
    name's end: the parse is read there (parse_scope), the signed claim being the quote finder's own cue."""
    return [(body.rfind("\n", 0, m.start()) + 1, m.end("name")) for m in _signed_matches(body)]


@lru_cache(maxsize=2)
def _signed_matches(body: str) -> tuple[re.Match[str], ...]:
    """The signed claims' matches in a body, scanned once: the parse's scope and the quote finder each read them."""
    return tuple(_SIGNED_CLAIM.finditer(body))


def labelled_lines(body: str) -> list[tuple[int, int]]:
    """Each headline a name and a colon open ('Danilov: …'; quotes.yaml labelled_claim), label and claim: the parse
    is read there (parse_scope), the label being the quote finder's own cue."""
    return [m.span() for m in _LABELLED_CLAIM.finditer(body)]


def _name_words(text: str) -> set[str]:
    """The words of `text` that may name someone, in lower case: not a title's small words ("the", "of")."""
    return {w for w in _WORD.findall(text.lower()) if w not in quoting().title_small_words}


def scan_quotes(body: str) -> list[QSpan]:
    """Quote spans of every paragraph: double marks first, single marks outside them."""
    spans: list[QSpan] = []
    for pi, (ps, pe) in enumerate(paragraphs(body)):
        text = body[ps:pe]
        doubles = _double_spans(text, ps, pe, pi)
        spans.extend(doubles)
        spans.extend(_single_spans(text, ps, pi, [(q.open - ps, q.close - ps) for q in doubles]))
    spans.sort(key=lambda q: q.open)
    return spans


_MARKS_KEY = "flashpoint.quote_marks"


def quote_marks(tokens: Doc) -> list[QSpan]:
    """The quote spans of the Doc's text (`scan_quotes`), scanned once per Doc and kept in its user_data: the parse
    scope, the quote finder and the dates of quoted speech read the same quotes. Callers read them, never change them."""
    marks: list[QSpan] | None = tokens.user_data.get(_MARKS_KEY)
    if marks is None:
        marks = tokens.user_data[_MARKS_KEY] = scan_quotes(doc_text(tokens))
    return marks


def _whole_sentences(body: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parser's sentences, rejoined where it split one inside a line without a sentence-final mark
    ("President Ana Vlad, speaking in Chisinau, | said ...")."""
    out: list[tuple[int, int]] = []
    for s, e in sentences:
        if out:
            ps, pe = out[-1]
            gap = body[pe:s]
            last = body[ps:pe].rstrip(" \u00a0\"”’'»)]")[-1:]
            if "\n" not in gap and body[s:e].strip() and (last and last not in ".!?…:" or _ABBREVIATION_CUT.search(
                    body, max(ps, pe - 6), pe) and body[s:s + 1].isdigit()):
                out[-1] = (ps, e)
                continue
        out.append((s, e))
    return out


def _base(tok: Token) -> str:
    return speech_verb_forms().get(tok.lower_) or tok.lemma_.lower()


def _is_cue_verb(tok: Token) -> bool:
    """A verb (not one modifying a noun) that speech verbs list, active or with its agent."""
    if not tok.tag_.startswith("VB") or tok.dep_ in ("amod", "compound") and not _misread_past_verb(tok):
        return False
    if tok.text.isupper() and len(tok.text) > 1:
        return False  # "Ain o Salish Kendra (ASK)": an acronym the tagger read as a verb
    base = _base(tok)
    active = _misread_past_verb(tok) or _reporting_after_apposition(tok) or _past_after_quote(tok)
    return base in _verbs() and (active or not syntax.is_passive(tok)
                                 or (syntax.agent(tok) is not None and not _names_what_was_told(tok)))


def _observed(verb: Token, who: Who) -> bool:
    """'When he looked closer, Nora Lind found that …': a verb of quotes.yaml observing_verbs whose subject is a person
    (a pronoun, as observer_subjects lists, a person the gazetteer knows or a full name opening with a given name; not
    'the Northern Water Board', which the speaker finder may also take for a person) tells what the person saw."""
    subjects = syntax.children(verb, "nsubj")
    if not (who.person and subjects and _base(verb) in quoting().observing_verbs):
        return False
    return subjects[0].pos_ in quoting().observer_subjects or (who.id or "").startswith("person:") or \
        looks_like_full_name(who.name)


def _names_what_was_told(verb: Token) -> bool:
    """'The column is written by Ned Harlow, also known as …', 'The story is told by their children': a passive speech
    verb whose subject is a noun (no word pointing back: 'This was stated by X', 'It was reported by X that …') names
    the work told or the one told, not words the agent said; no cue (quotes.yaml passive_statement_subjects)."""
    subjects = syntax.children(verb, "nsubj:pass")
    return bool(subjects) and subjects[0].pos_ not in quoting().passive_statement_subjects


def _reporting_after_apposition(tok: Token) -> bool:
    """'X (ASK), a legal aid organization, reported in its monthly report that …', parsed as a participle
    modifying the apposition: a past form right after the comma that closes it, reporting a "that" clause."""
    return tok.tag_ == "VBN" and tok.dep_ == "acl" and tok.i > 0 and tok.doc[tok.i - 1].text == "," and \
        any(_is_that(t) and t.dep_ == "mark" for t in tok.subtree if t.i > tok.i)


def _past_after_quote(tok: Token) -> bool:
    """'“…,” the patient described in the report', parsed as a participle modifying "patient": a past form with no
    object right after a noun phrase that opens just after a quote's closing mark is that phrase's speech verb, where
    the phrase is no other verb's subject ('“…,” the engineer described in the report said')."""
    if tok.dep_ != "acl" or tok.tag_ not in ("VBN", "VBD") or tok.head.i != tok.i - 1 or syntax.children(tok, "obj") \
            or tok.head.dep_ in ("nsubj", "nsubj:pass"):
        return False
    opening = tok.head.left_edge.i
    return opening > 0 and tok.doc[opening - 1].text in CLOSE_DOUBLE + '"'


def _misread_past_verb(tok: Token) -> bool:
    """'the militant group denied involvement', parsed as "the group-denied involvement": a past verb the
    tagger read as a participle modifying the noun after it, its subject noun hung on it right before."""
    if tok.dep_ != "amod" or tok.tag_ not in ("VBN", "VBD") or tok.head.i < tok.i or tok.i == 0:
        return False
    prev = tok.doc[tok.i - 1]  # 'Esper on Wednesday accused China of …', parsed as "the accused China"
    return prev.pos_ in ("NOUN", "PROPN") and prev.lower_ in _time_words() and prev.head.i < prev.i or \
        any(c.i == tok.i - 1 and c.dep_ in ("compound", "nsubj") and c.pos_ in ("NOUN", "PROPN") for c in tok.children)


@lru_cache(maxsize=1)
def _time_words() -> frozenset[str]:
    """Day and time words of speech_verbs.yaml adverbs ("on Wednesday", "yesterday", "tonight") that sit between a
    speaker and the verb: those calendar.yaml names (weekdays, days, parts of a day)."""
    cal = calendar_words()
    days = {*cal.weekdays, *cal.day_words, *cal.parts_of_day, *cal.part_of_day_words}
    return frozenset(str(w) for w in coref.speech_lexicon().get("adverbs") or [] if str(w) in days)


def _past_read_as_participle(tok: Token) -> bool:
    """'Officials said the attack killed five people', tagged "killed" VBN: a participle with an active
    subject, an object and no auxiliary is the clause's past verb ("was killed" stays a participle); so is
    one with an object that the parse hung on the noun before it ('said the strike targeted a commander',
    "targeted" a modifier of "strike": a passive participle takes no object)."""
    if _subject_glued_on_object(tok):
        return True
    kids = {c.dep_ for c in tok.children}
    if tok.tag_ != "VBN" or "obj" not in kids or kids & {"aux", "aux:pass", "cop"}:
        return False
    return "nsubj" in kids or _object_after_noun(tok)


def _subject_glued_on_object(tok: Token) -> bool:
    """'Prosecutors said that Epstein abused girls', parsed as "Epstein abused girls" a noun phrase: a past form
    read as a modifier of the noun after it (its object), with the name or noun right before it hung on that same
    noun (its subject): the clause's past verb ("the abused girls" has no such subject before it)."""
    if tok.dep_ != "amod" or tok.tag_ not in ("VBN", "VBD") or tok.i == 0 or tok.head.i <= tok.i:
        return False
    before = tok.doc[tok.i - 1]
    return before.dep_ in ("compound", "amod") and before.head.i == tok.head.i and before.pos_ in ("PROPN", "NOUN") and \
        not before.is_lower


def _object_after_noun(tok: Token) -> bool:
    """A past form with an object, hung as a modifier on the noun right before it ("the strike targeted a
    commander"), with no relative word or subject of its own; a naming participle ("a receptor called Olfr78")
    names the noun and is none."""
    return tok.dep_ == "acl" and tok.head.i == tok.i - 1 and tok.head.pos_ in ("NOUN", "PROPN") and \
        not syntax.is_verb_of(tok, _naming_verbs()) and \
        bool(syntax.children(tok, "obj")) and not any(c.tag_ in ("WDT", "WP") for c in tok.children)


def _misread_speech_verb(tok: Token) -> bool:
    """'The research concludes:', 'the report notes', 'It also argues for': the -s form of a speech verb
    that the tagger read as a plural noun, right after a singular subject (past adverbs) and before a
    clause or punctuation; "reports say", "rejects claims" and "its claims" stay nouns."""
    base = speech_verb_forms().get(tok.lower_)
    if tok.tag_ not in ("NNS", "NNPS") or base is None or tok.lower_ != inflect("third_person", base) or tok.i == 0:
        return False
    if tok.text[:1].isupper() and tok.doc[tok.i - 1].text[:1].isupper():
        return False  # "the United States's space agency": a word of a name
    return not _noun_goes_on(tok) and _singular_subject_before(tok)


def _noun_goes_on(tok: Token) -> bool:
    """'reports say', 'claims of', 'notes and', 'reports also documented': what follows makes the word a noun."""
    doc = tok.doc
    j = tok.i + 1
    while j < len(doc) and doc[j].pos_ == "ADV":
        j += 1
    if j >= len(doc):
        return False
    nxt = doc[j]
    return nxt.tag_.startswith("VB") or nxt.tag_ == "MD" or nxt.pos_ in ("NOUN", "ADP", "CCONJ") and \
        nxt.lower_ not in syntax_words().verb_preps


def _singular_subject_before(tok: Token) -> bool:
    """A singular noun or pronoun right before the word (past adverbs, or past an aside set off by commas)."""
    doc = tok.doc
    i = tok.i - 1
    while i > 0 and doc[i].pos_ == "ADV":
        i -= 1
    prev = doc[i]
    if prev.text == ",":
        near = left_nominal(tok, tok.sent.start)
        return near is not None and near.tag_ in ("NN", "NNP")
    if prev.tag_ == "PRP":
        return prev.lower_ in people().person_pronouns or prev.lower_ in syntax_words().group_pronouns
    return prev.tag_ in ("NN", "NNP") and prev.dep_ != "nmod:poss"


def _is_according(tok: Token) -> bool:
    return tok.lower_ == _ACCORDING_HEAD and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == _ACCORDING_PREP


def _hangs_on_clause(tok: Token) -> bool:
    """"…, adding that", "X decried it and vowed": a verb whose speaker is the clause's before it."""
    return tok.tag_ == "VBG" or any(c.dep_ == "cc" for c in tok.children)


def _second_verb(tok: Token) -> bool:
    """The second of coordinated verbs ("X decried the attack and vowed …"); not an inverted verb after a
    comma with no "and" ("X happened, said executive chair Y", parsed as a conjunct)."""
    if tok.dep_ != "conj" or tok.head.pos_ not in syntax.VERBS:
        return False
    return any(c.dep_ == "cc" for c in tok.children) or not _after_clause_comma(tok)


_SPEAKER_DEPS = frozenset({"nsubj", "obj", "iobj", "xcomp", "appos"})  # what the parse may make of an inverted speaker
_BESIDE = frozenset({"ccomp", "conj", "parataxis"})  # a clause the parse set beside a verb (not one adverbial to it)


class Extraction:
    """One document's quote marks, cues, speakers and quotes."""

    def __init__(self, doc: NlpDoc) -> None:
        self.doc = doc
        self.body = doc.body
        furniture = doc.furniture()
        # a furniture sentence ("Photo caption: ...", "Read more: ...") takes the rest of its line with it
        self.furniture = [(s, self._line_end(s, e)) for s, e in doc.sentences() if s in furniture]
        self.sentences = _whole_sentences(self.body, doc.sentences())
        self.sent_starts = [s for s, _ in self.sentences]
        self.marks = [q for q in quote_marks(doc.tokens) if not self.is_furniture(q.open)]
        self.doubles = [q for q in self.marks if not q.single]
        spans = sorted((q.open, q.close) for q in self.doubles)
        self._opens = [a for a, _ in spans]
        self._reach = list(accumulate((b for _, b in spans), max))
        self.speakers = Speakers(doc, [(q.inner_start, q.inner_end) for q in self.doubles])
        self.paras = paragraphs(self.body)
        self.times = [(t.start, t.end) for t in doc.timexes]
        self.cues = self.find_cues()

    def _line_end(self, s: int, e: int) -> int:
        return max(e, self.body.find("\n", s) if "\n" in self.body[s:] else len(self.body))

    def is_furniture(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.furniture)

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self.sent_starts, pos) - 1
        return self.sentences[i] if i >= 0 else (pos, pos)

    def quoted(self, pos: int) -> bool:
        """Inside a double quote: some quote opened at or before `pos` closes after it (the latest close of the
        quotes opened so far, by bisection; quotes may nest)."""
        i = bisect_right(self._opens, pos)
        return i > 0 and self._reach[i - 1] > pos

    def find_cues(self) -> list[Cue]:
        """Speech verbs and "according to" outside quotes and page furniture, in text order."""
        cues: list[Cue] = []
        tokens = self.doc.tokens
        for tok in (tokens[i] for i in sorted(syntax.word_tokens(tokens, _cue_words()))):
            if self.quoted(tok.idx) or self.is_furniture(tok.idx):
                continue
            if _is_according(tok):
                cues.append(Cue(tok, tok.idx, tok.nbor().idx + 2, ACCORDING, True))
            elif _is_cue_verb(tok) or _misread_speech_verb(tok) or self._closing_phrase(tok) is not None:
                past, reported = _verbs()[_base(tok)]
                if not reported and _phrase_cue(tok, self.body) is not None:
                    reported = True  # "replied that …": a verb that frames direct quotes reports what "that" opens
                cues.append(Cue(tok, tok.idx, tok.idx + len(tok), past, reported))
            elif (phrase := _phrase_cue(tok, self.body)) is not None:
                cues.append(Cue(tok, tok.idx, tok.idx + len(tok), phrase, True))
        return cues

    def cue_at(self, i: int) -> Cue | None:
        return next((c for c in self.cues if c.tok.i == i), None)

    # -- speakers --------------------------------------------------------------------------------

    def resolve(self, cue: Cue, inverted: bool) -> Who | None:
        """The speaker of a cue: the subject of the verb (or of the verb it is coordinated with), the
        noun phrase next to it, or the speaker of the clause it hangs on."""
        if cue.past == ACCORDING:
            return self.source_of_according(cue)
        if cue.tok.dep_ == "acl" and is_document(cue.tok.head):
            return self._document_speaker(cue.tok.head)
        return self._closing_speaker(cue.tok, self._verb_speaker(cue, inverted))

    def _closing_phrase(self, verb: Token) -> Span | None:
        """The phrase right before a speech verb that closes its sentence after its claim (`_closing_subject`)."""
        if verb.tag_ in ("VBG", "VB") or not (verb.tag_.startswith("VB") or _misread_speech_verb(verb)) or \
                _base(verb) not in _verbs() or self.quoted(verb.idx):
            return None  # "the report notes": the noun "report" closes nothing
        s, e = self.sentence(verb.idx)
        if any(s <= q.open < verb.idx and self.doc.words_between(q.open, q.close) >= SHORT for q in self.doubles):
            return None  # a quote before the verb (not a quoted term): the quote's own attribution reads it
        return _closing_subject(verb, s, e)

    def _closing_speaker(self, verb: Token, who: Who | None) -> Who | None:
        """'…, an official familiar with the matter has told X': the head of the phrase that closes the sentence before
        its speech verb is the speaker, where the parse gave the verb no subject or one outside that phrase (the claim's
        own subject); else `who`."""
        phrase = self._closing_phrase(verb)
        head = _phrase_head(phrase) if phrase is not None else None
        if phrase is None or head is None:
            return who
        a = phrase[0].idx
        if who is not None and a <= who.start < phrase[-1].idx + len(phrase[-1]):
            return who  # the parse's speaker is in the phrase ("head of the board X Y said": the name, not the role)
        own = self.speakers.who(head)
        if own is not None or head.lower_ not in role_nouns():
            return own or who
        return Who(name=describe(self.body[a:head.idx + len(head)]), start=a, person=True)  # a role read as a modifier

    def _verb_speaker(self, cue: Cue, inverted: bool) -> Who | None:
        """The speaker of a speech verb: its subject, however the parse gave it, else the name by it or the
        speaker of the clause it hangs on."""
        tok = cue.tok
        s, e = self.sentence(cue.start)
        first = self._speaker_before_subject(cue, s, e, inverted)
        if first is not None:
            return first
        subj = self._written_subject(tok, s, e)
        if subj is None:
            found, subj, tok = self._without_subject(cue, s, inverted)
            if found is not None:
                return found
        if subj is None:
            subj = self._adjacent_subject(tok, s, e, inverted)
        return self._aside_name_or(self._speaker_of_subject(subj, tok, cue, s), tok, s)

    def _speaker_before_subject(self, cue: Cue, s: int, e: int, inverted: bool) -> Who | None:
        """A speaker that overrides the verb's own subject: the speaker a subjectless participle or a verb that goes
        on with the same speaker continues, or the name before a closing aside, for the parse's subject is wrong
        there."""
        tok = cue.tok
        if tok.tag_ == "VBG" and not inverted and not syntax.children(tok, "nsubj", "nsubj:pass"):
            governing = self._governing_speaker(tok)
            if governing is not None:
                return governing  # "X said, according to a translation by Y, adding": X's
        going_on = self._clause_speaker(tok, cue, s) if _speaker_goes_on(tok) else None
        if going_on is not None:
            return going_on  # "X said Y had been injured, but added": X, not Y
        # "Z happened, the Observatory, a war monitor, said": not Z's subject
        return self._speaker_before_closing_aside(tok, s, e)

    def _speaker_of_subject(self, subj: Token | None, tok: Token, cue: Cue, s: int) -> Who | None:
        """Who the subject found for the verb `tok` names, else, where it names no one, the name after a verb the
        parse made a conjunct, the speaker of the clause the verb hangs on, or the host clause's subject of a
        participle set off by commas."""
        who = self.speakers.who(subj) if subj is not None else None
        if who is None and subj is not None and subj.i < tok.i and _after_clause_comma(tok):
            who = self._name_after_verb(tok)  # 'Job cuts will come, said chair X', the verb parsed as a conjunct
        if who is None and _hangs_on_clause(tok):
            who = self._clause_speaker(tok, cue, s)
        if who is None and _set_off_participle(tok):
            who = self._host_subject(tok)
        return who

    def _speaker_before_closing_aside(self, verb: Token, s: int, e: int) -> Who | None:
        """'Twelve people were killed, the Syrian Observatory for Human Rights, a Britain-based war monitor, said', '…,
        Jane Smith, who heads the UN mission, told Reuters': a speech verb that closes its sentence right after an aside
        set off by commas (quotes.yaml closing_aside_openers, an age, a name after a role) speaks for the short noun
        phrase between the comma that ends the fronted claim and the aside, whatever subject the parse gave it."""
        if not _closes_sentence(verb, e) or any(s <= q.open < verb.idx for q in self.doubles):
            return None  # the verb goes on with its own words, or a quote says itself whose it is
        commas = [t.i for t in _tokens_from(verb.doc, s, verb.idx) if t.text == ","]
        found = _phrase_and_aside(verb, commas, s)
        if found is None:
            return None
        inside = {t.i for t in found}
        root = next((t for t in found if t.head.i not in inside and nominal_like(t)), None)
        return self.speakers.who(root) if root is not None else None

    def _document_speaker(self, document: Token) -> Who | None:
        """'The ministry issued a statement saying that …', 'a letter from X warning that …': a speech verb that
        describes a document (speech_verbs.yaml document_nouns) speaks for whoever issued it: the body its phrase names,
        else the subject of the verb that put it out (quotes.yaml issuing_verbs); else no one, not whoever spoke before."""
        issuer = self.speakers.issued_by(document)
        if issuer is not None or document.dep_ != "obj" or \
                not syntax.is_verb_of(document.head, quoting().issuing_verbs):
            return issuer
        subj = subject_of(document.head)
        return self.speakers.who(subj) if subj is not None and not self.quoted(subj.idx) else None

    def _aside_name_or(self, who: Who | None, tok: Token, s: int) -> Who | None:
        """The name before an aside, where the subject found is no person, only a role as written (its holder's name
        may be set off after it: `_name_closing_role`), or lies inside that aside ('Montell Figgins, who represents
        Thomas, said', parsed with Thomas the subject); else `who`."""
        named = self._name_before_aside(tok, s)
        role = who is not None and who.person and who.id is None and coref.role_of(who.name)[0] is not None
        if who is None or not who.person or role:
            return named or self._name_closing_role(tok, s) or who
        inside = named is not None and named.start < who.start < tok.idx and \
            _RELATIVE_ASIDE.search(self.body, named.start, who.start) is not None
        return named if inside else who

    def _name_closing_role(self, verb: Token, s: int) -> Who | None:
        """'The Ambassador of the United States to Ukraine, Bridget Brink, says': a role that opens the clause, then a
        person's name set off by commas right before the verb: that person speaks, however the parse hung the name."""
        m = _ROLE_THEN_NAME.fullmatch(self.body, s, verb.idx)
        if m is None or coref.role_of(m.group("role"))[0] is None:
            return None
        a, b = m.span("name")
        person = next((e for e in self.speakers.entities_in(a, b) if e.type == "PERSON"), None)
        if person is not None:
            return self.speakers.from_entity(person) if (person.start, person.end) == (a, b) else None
        unlisted = not self.speakers.entities_in(a, b) and looks_like_full_name(m.group("name"))  # of a known given name
        return Who(name=m.group("name"), start=a, person=True) if unlisted else None

    def _name_before_aside(self, verb: Token, s: int) -> Who | None:
        """'Dylan Nelson, a fellow at X, and co-author of the study, said', '“…,” Jessica Caldwell,
        Edmunds' executive director, said': a person's name opens the clause and every word between
        it and the verb is set off by commas, whatever subject the parse chose inside that aside
        (a role, a company, a place). The name is a person the text marks (an entity, an unlisted
        person, or two or more capitalised words before an aside that a person noun heads)."""
        start = max([s] + [q.close for q in self.doubles if s <= q.close <= verb.idx])
        m = _NAME_ASIDE.fullmatch(self.body, start, verb.idx)
        if m is None:
            return None
        aside = self.doc.tokens.char_span(m.start("aside"), m.end("aside"), alignment_mode="expand")
        relative = aside is not None and aside[0].lower_ in syntax_words().person_relatives  # "X, who represents Y,"
        if aside is None or not relative and any(t.tag_ in FINITE_TAGS for t in aside) or self.quoted(m.start("aside")) \
                or relative and (len(aside) < 2 or _base(aside[1]) in _verbs()):
            return None  # "X, who said …," / "X, the army says, …": a clause of its own, not an aside
        return self._person_of_name(m)

    def _person_of_name(self, m: re.Match[str]) -> Who | None:
        """The name that opens an aside as a person: an entity, an unlisted person, or two or more capitalised words
        before an aside that a person noun heads."""
        a, b = m.span("name")
        named = self.speakers.entities_in(a, b)
        if named:
            return self._person_in_name(named, a, b, m.group("name"))
        listed = self.speakers.unlisted_at(a, b)
        if listed is not None:
            return Who(name=listed.name, start=a, person=True)
        name = m.group("name")
        if len(name.split()) >= 2 and coref.looks_like_person(name) and self.speakers.described_as_person(a, b):
            return Who(name=name, start=a, person=True)
        return None

    def _person_in_name(self, named: list[Entity], a: int, b: int, name: str) -> Who | None:
        """The person the name at [a, b) holds: its one person entity ("NASA's Steve Clarke": the
        last, ending the name), or the name as written where the entities cut it in parts
        ("Patrick Nielsen | Hayden"); None when a body or place holds it."""
        persons = [e for e in named if e.type == "PERSON"]
        if not persons or persons[-1].end != b or named[-1] is not persons[-1]:
            return None
        if len(persons) > 1 and persons[0].start == a:
            return Who(name=name, start=a, person=True)
        return self.speakers.from_entity(persons[-1])

    def _without_subject(self, cue: Cue, s: int, inverted: bool) -> tuple[Who | None, Token | None, Token]:
        """A cue the parse gives no subject: the speaker of the first of coordinated verbs, of the clause a
        participle goes on from, or the name right after an inverted verb; else the subject to look for
        (of the first verb) and the verb to look from."""
        tok = cue.tok
        subj = None
        if _second_verb(tok) and not self.quoted(tok.head.idx):
            first = self.cue_at(tok.head.i)
            if first is not None:
                return first.who, None, tok  # the first verb's speaker, as resolved
            subj, tok = self._first_verb_subject(tok)
        if subj is None and tok.tag_ == "VBG" and not inverted:
            found = self._clause_speaker(tok, cue, s)  # "…, warning it “…”": the one who spoke before
            if found is not None:
                return found, None, tok
        if subj is None and (shared := self._shared_subject(tok)) is not None:
            return None, shared, tok
        if subj is None and _after_clause_comma(tok):
            return self._name_after_verb(tok), None, tok
        return None, subj, tok

    def _shared_subject(self, tok: Token) -> Token | None:
        """'Bolsonaro won't condemn Putin, says Brazil will remain neutral': a speech verb with no subject, between the
        comma that closes a clause and a clause of its own, shares the subject of the clause before the comma (no
        inverted verb: its speaker would follow it, not a clause)."""
        doc = tok.doc
        if tok.i == 0 or doc[tok.i - 1].text != "," or not any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children):
            return None
        first = doc[tok.i - 1].head  # the comma hangs on the verb of the clause it closes, a clause beside this verb's
        beside = first.head.i == tok.i and first.dep_ in _BESIDE or tok.head.i == first.i and tok.dep_ in _BESIDE
        subj = subject_of(first) if beside and first.pos_ in syntax.VERBS and first.i < tok.i else None
        return subj if subj is not None and subj.i < first.i and not self.quoted(subj.idx) else None

    def _name_after_verb(self, tok: Token) -> Who | None:
        """'…, said Rebecca Harms, former …', however the parse split the sentence; '…, said executive chair
        Marcelo Claure': the name the title words go on to."""
        after = tok.doc[tok.i + 1]
        modifier = after.dep_ in ("compound", "amod") and after.head.pos_ == "NOUN"  # "…, says U.S. official"
        head = right_nominal(tok, tok.sent.end, self.times) if after.is_lower or modifier else None
        if head is not None and head.pos_ == "PROPN":
            after = head
        elif head is not None and (apposed := self.speakers.who(head)) is not None:
            return apposed  # '…, said another witness, former adviser Fiona Hill': the apposed name
        return self.speakers.who(after) or self.speakers.written_name(after)

    def _host_subject(self, tok: Token) -> Who | None:
        """'Putin on Thursday scrapped plans …, saying …': a set-off participle speaks for the subject of the
        clause it is set off from; where the parse made that clause a noun phrase, for the name heading it."""
        head = tok.head
        for _ in range(4):
            if head.dep_ not in ("advcl", "conj", "xcomp") or head.head == head:
                break
            head = head.head
        if head == tok:
            return None
        if head.pos_ in syntax.VERBS:
            subj = subject_of(head)
            return self.speakers.who(subj) if subj is not None and not self.quoted(subj.idx) else None
        return self.speakers.who(head) if head.dep_ == "ROOT" and head.pos_ == "PROPN" else None

    def _governing_speaker(self, tok: Token) -> Who | None:
        """The speaker of a participle cue with no subject of its own ("…, adding that"): the speech
        verb it hangs on, however many phrases the parse put between them (across a reported clause
        only when punctuation sets the participle off); with none, the source of an "according to"
        on the way ("…, according to the ISW, continuing")."""
        by_token = {c.tok.i: c for c in self.cues}
        according: Cue | None = None
        node = tok
        set_off = _set_off_participle(tok)  # "X said Y did Z, adding that": X adds, however the parse hung it
        for _ in range(8):
            if not (node.dep_ in GOVERNED_BY or set_off and node.dep_ == "ccomp") or node.head == node:
                break
            node = node.head
            found = by_token.get(node.i)
            if found is not None and found.past != ACCORDING:
                return (_reporter_above(found, by_token) if set_off else found).who
            if according is None:
                according = next((by_token[c.i] for c in node.children if c.i in by_token
                                  and by_token[c.i].past == ACCORDING), None)
        return according.who if according is not None else None

    def _written_subject(self, tok: Token, s: int, e: int) -> Token | None:
        """The verb's subject; of several ("The negotiator, Petra Novak, said"), the name among them;
        none when it is quoted or far outside the sentence."""
        subjects = [t for t in syntax.children(tok, "nsubj") if not self.in_time(t.idx)]  # not "said Tuesday"
        if not tok.tag_.startswith("VB"):  # a speech verb read as a noun: its subject is written before it
            return subjects[0] if subjects else left_nominal(tok, tok.sent.start)
        if _reporting_after_apposition(tok):
            return tok.head  # "X (ASK), a rights group, reported … that": the apposition, standing for X
        if all(t.i < tok.i for t in subjects) and _described_closing(tok):
            return None  # "Russia shelled the town, says the governor.": the phrase after the verb, not the clause's
        subj = self._parsed_subject(tok, subjects)
        if subj is None or self.quoted(subj.idx):
            return None
        subj = _subject_of_apposition(subj) or subj
        if subj.i < tok.i:
            subj = self._subject_after_comma(tok, subj, e) or subj
        return None if not s <= subj.idx < e and subj.i > tok.i + 12 else subj

    def _parsed_subject(self, tok: Token, subjects: list[Token]) -> Token | None:
        """The subject the parse gives the verb: not a date ("said Tuesday"), of several the name, and for
        an opening participle clause ("Speaking to reporters, X said", a csubj) the noun phrase before the verb."""
        subj = subject_of(tok)
        if subj is not None and self.in_time(subj.idx):
            subj = subjects[0] if subjects else None
        if len(subjects) > 1:
            subj = subjects[-1] if subjects[-1].i > tok.i and _described_closing(tok) else \
                next((t for t in subjects if t.pos_ == "PROPN" or self.speakers.entity_at(t.idx)), subj)
        if subj is not None and subj.dep_ == "csubj" and subj.i < tok.i:
            subj = left_nominal(tok, subj.i + 1)
        return subj

    def _subject_after_comma(self, tok: Token, subj: Token, e: int) -> Token | None:
        """'X became president on Monday, state media reported': a verb that closes its sentence after
        a comma speaks for the noun phrase between that comma and it, whatever the parse made the
        subject before the comma."""
        doc = tok.doc
        if any(t.pos_ in syntax.VERBS or _is_that(t) for t in _up_to_comma(_tokens_before(doc, tok.i + 1, e))):
            return None
        comma = next((k for k in range(tok.i - 1, subj.i, -1) if doc[k].text == ","), None)
        if comma is None and syntax.children(subj, "case"):
            return self._head_after_comma(subj)  # "…, a person familiar with the matter said", "matter" the subject
        if comma is None or self.quoted(doc[comma].idx):
            return None
        near = left_nominal(tok, comma + 1)
        if near is not None and syntax.children(near, "case"):
            return self._head_after_comma(near) or near
        return near if near is not None and near.i > comma else None

    def _head_after_comma(self, noun: Token) -> Token | None:
        """'…, a person familiar with the matter said': a noun the parse made the subject though a preposition of
        its own puts it in a modifier stands for the noun that modifier follows, in the phrase after the comma
        before it (quotes.yaml: a subject phrase set off after its claim)."""
        doc = noun.doc
        comma = next((k for k in range(noun.i - 1, noun.sent.start - 1, -1) if doc[k].text == ","), None)
        if comma is None or self.quoted(doc[comma].idx):
            return None
        return _head_before_modifier(doc[comma + 1:noun.i + 1])

    def _first_verb_subject(self, tok: Token) -> tuple[Token | None, Token]:
        """'X decried the attack and vowed …': the first verb's subject as written; with no subject, the first verb
        stands for this one, its speaker looked for by it ('In his post, Van Der Beek even touched on it and noted …',
        the name parsed as a conjunct of "post")."""
        subj = subject_of(tok.head)
        if subj is not None and (self.quoted(subj.idx) or subj.i > tok.i):
            subj = None
        return (None, tok.head) if subj is None else (subj, tok)

    def _adjacent_subject(self, tok: Token, s: int, e: int, inverted: bool) -> Token | None:
        """With no subject in the parse: the noun phrase after an inverted verb ("…,” said X), else the
        one before the verb, else (after nothing but a quote) the one after it."""
        span = tok.doc.char_span(s, e, alignment_mode="expand")
        start_i = span.start if span is not None else 0
        end_i = span.end if span is not None else len(tok.doc)
        if inverted:
            return right_nominal(tok, end_i, self.times)
        subj = left_nominal(tok, start_i)
        if subj is not None and syntax.children(subj, "case"):
            subj = self._head_after_comma(subj) or subj  # "…, a second person briefed on the call said"
        if subj is None and self._only_quote_before(tok, s):
            subj = right_nominal(tok, end_i, self.times)
        return subj

    def _clause_speaker(self, tok: Token, cue: Cue, s: int) -> Who | None:
        """'…, adding that', 'X decried it and vowed': the speaker of an earlier cue in the sentence;
        for a second verb, the person who opens the sentence."""
        earlier = [c for c in self.cues if s <= c.start < cue.start and c.who is not None and c.past != ACCORDING]
        if earlier:
            return earlier[-1].who  # "X said, according to a translation by Y, adding": X adds, not Y
        if tok.dep_ != "conj":
            return None
        span = tok.doc.char_span(s, cue.start, alignment_mode="expand")
        opening = [t for t in span if not t.is_space][:6] if span is not None else []
        if not opening:
            return None
        named = [e for e in self.speakers.entities_in(s, cue.start)
                 if e.type == "PERSON" and e.start <= opening[-1].idx]
        return self.speakers.from_entity(named[0]) if named else None

    def _only_quote_before(self, tok: Token, s: int) -> bool:
        last_close = max((q.close for q in self.doubles if s <= q.close <= tok.idx), default=None)
        if last_close is None:
            return False
        span = tok.doc.char_span(last_close, tok.idx, alignment_mode="expand")
        return span is None or all(t.is_punct or t.is_space or t.pos_ == "ADV" for t in span)

    def source_of_according(self, cue: Cue) -> Who | None:
        """'according to X': X is the noun after 'to' (its first nominal token's phrase head), or the
        person whose name closes the phrase ("according to the UN Special Rapporteur on … Irene Khan")."""
        named = self._name_closing_according(cue)
        if named is not None:
            return named
        doc = cue.tok.doc
        for i in range(cue.tok.i + 2, min(len(doc), cue.tok.i + 12)):
            tok = doc[i]
            if _hyphen_joined(tok):
                continue  # "according to Saudi-backed broadcaster X": a modifier, whatever its tag
            if tok.pos_ in ("PROPN", "NOUN", "PRON", "X"):
                named = self._person_before_role(tok)
                if named is not None:
                    return named
                head = _modified_head(tok)
                if not nominal_like(head):
                    head = _last_of_noun_run(tok)  # "a source familiar with the matter", parsed under "familiar"
                if head.lower_ in quoting().no_source_nouns or head.lemma_.lower() in quoting().no_source_nouns:
                    return None  # "according to US requirements": a rule, no one who speaks
                own = self.speakers.who(head)
                return (self._source_apposition(head, named=own is not None) if head.pos_ != "PROPN" else None) or \
                    own or self._described_document(head, cue.tok.i + 2)
            if tok.pos_ in syntax.VERBS or tok.text in ",.;":
                return None
        return None

    def _source_apposition(self, head: Token, named: bool) -> Who | None:
        """'according to its anti-graft body, the Inspectorate of Government', 'according to its trade watchdog, the
        Export Council': a source its own words only describe (a common noun; not a document, whose apposition is its
        title) is the body or person its apposition names, set off by a comma after it; where the description names a
        speaker of its own (`named`), only an apposition that is a name ("the Export Council") goes before it."""
        if is_document(head):
            return None
        for c in _apposed(head):
            first = next(t for t in c.subtree if not t.is_punct)
            if c.i > head.i and first.i > 0 and first.doc[first.i - 1].text == "," and (c.pos_ == "PROPN" or not named):
                who = self.speakers.who(c)
                if who is not None:
                    return who
        return None

    def _person_before_role(self, tok: Token) -> Who | None:
        """'according to Ruslan Demchenko, First Deputy Secretary of …': a person's name that opens the source and a
        comma sets off from the role after it is the source, however the parse hung the name on that role."""
        own = self.speakers.entity_at(tok.idx)
        if own is None or own.type != "PERSON" or own.start != tok.idx or self.body[own.end:own.end + 1] != ",":
            return None
        return self.speakers.from_entity(own)

    def _described_document(self, head: Token, first: int) -> Who | None:
        """'according to federal prison records', 'according to a new case report': a document (from the word
        `first`) that no issuer is named for but that words before it describe is the source as the text names it;
        "according to a study", "according to reports" name no one."""
        words = [t for t in head.doc[first:head.i + 1] if t.pos_ in ("NOUN", "PROPN", "ADJ", "NUM")]
        if not is_document(head) or len(words) < 3 or head.i - first > 5:
            return None
        lo = head.doc[first].idx
        return Who(name=self.body[lo:head.idx + len(head)], start=lo)

    def _name_closing_according(self, cue: Cue) -> Who | None:
        """The person named last in an "according to" phrase, when the phrase ends with that name; a dash set off by
        spaces ends the phrase ('not going according to plan - Stoltenberg': a signature, not the plan's author)."""
        doc = cue.tok.doc
        end = cue.tok.i + 2
        while end < min(len(doc), cue.tok.i + 30) and doc[end].text not in ",.;:" and \
                doc[end].tag_ not in FINITE_TAGS and not doc[end].is_space and not _spaced_dash(doc[end]):
            end += 1
        if end - (cue.tok.i + 2) < 3 or doc[end - 1].pos_ != "PROPN":
            return None  # "according to Irene Khan" alone is read as any source is
        last = doc[end - 1]
        own = self.speakers.entity_at(last.idx)
        if own is not None:
            return self.speakers.from_entity(own) if own.type == "PERSON" and own.end == last.idx + len(last) else None
        first = end - 1
        while first - 1 > cue.tok.i + 1 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].is_title:
            first -= 1
        name = self.body[doc[first].idx:last.idx + len(last)]
        return Who(name=name, start=doc[first].idx, person=True) if looks_like_full_name(name) else None

    # -- direct quotes ---------------------------------------------------------------------------

    def attribute(self, q: QSpan) -> Pick | None:
        """The cue of a direct quote and whether it follows the quote (an inverted "said X"), tried
        from the surest place to the loosest."""
        ps, _ = self.paras[q.para]
        before = [c for c in self.cues if ps <= c.start and c.end <= q.open]
        return (self._cue_right_before(before, q) or self._cue_holding(q) or self._cue_after(before, q)
                or self._cue_just_before(before, q) or self._cue_by_parse(q) or self._cue_nearest_reported(q))

    def _cue_right_before(self, before: list[Cue], q: QSpan) -> Pick | None:
        """X said: “…” / X said that “…”."""
        if before and _NOTHING_BUT_THAT.fullmatch(self.body[before[-1].end:q.open]):
            return before[-1], False
        return None

    def _cue_holding(self, q: QSpan) -> Pick | None:
        """'X said that it condemned “…”, Y reported': the verb whose complement holds the quote."""
        s0, _ = self.sentence(q.open)
        holding = [c for c in self.cues if s0 <= c.start and c.end <= q.open and self._holds(c, q)]
        return (holding[-1], False) if holding else None

    def _cue_after(self, before: list[Cue], q: QSpan) -> Pick | None:
        """“…,” he said / ”, warned X: the first cue after the quote in its paragraph, close by."""
        para_end = self.paras[q.para][1]
        c = next((c for c in self.cues if q.close <= c.start < para_end), None)
        if c is None:
            return None
        s0, _ = self.sentence(q.open)
        if c.tok.tag_ == "VBG" and any(b.start >= s0 for b in before):
            return None  # 'X described it as “…,” adding that': X's, by the verb before it
        gap = self.body[q.close:c.start]
        if not self._quote_ends(q, gap) or self.quoted(c.start) or not self._plain_gap(q.close, c.start):
            return None
        if self.body[q.inner_start:q.inner_end].rstrip()[-1:] in ".!?" and gap.strip()[:1].isupper() and \
                not self._name_after_question(q, gap):
            return None  # '“… Malofeyev.” In its release, the Treasury said': a new sentence, another cue
        return c, not gap.strip(ENDING_PUNCT + " \u00a0")

    def _name_after_question(self, q: QSpan, gap: str) -> bool:
        """'“… the problem?” Schiff asked': a question or exclamation closes the quote and only a name (capitalised
        words, no comma) stands before the cue: that name asks, however the sentence splitter cut there."""
        return self.body[q.inner_start:q.inner_end].rstrip()[-1:] in "?!" and _NAME_GAP.fullmatch(gap) is not None

    def _quote_ends(self, q: QSpan, gap: str) -> bool:
        """The quote ends its sentence or clause (a final mark inside or after it), or says enough."""
        inner = self.body[q.inner_start:q.inner_end].rstrip()
        return inner[-1:] in ENDING_PUNCT or gap.lstrip()[:1] in ENDING_PUNCT or self.doc.words_between(q.inner_start, q.inner_end) >= 3

    def _plain_gap(self, a: int, b: int) -> bool:
        """A few words between quote and cue: no new sentence, no other quote.

        The new sentence is read from the text (a final mark, spaces, a capital), not from the parse's sentences
        (issue 11): over /work/refdump.py's 224 documents the two answers differ on 58 of 1,045 gaps, 17 of them
        where the parser opens a sentence after a quote that ends in "?" or "!" ("“What do they want?” he asked"),
        whose cue is the quote's own: no drop-in swap."""
        gap = self.body[a:b]
        if self.doc.words_between(a, b) > 8 or _NEW_SENTENCE.search(gap):
            return False
        return not any(a <= o.open < b for o in self.doubles)

    def _cue_just_before(self, before: list[Cue], q: QSpan) -> Pick | None:
        """X said: “…” / X insisted that “…”: the last cue before the quote, a few words away."""
        if not before:
            return None
        c = before[-1]
        gap = self.body[c.end:q.open]
        if self.doc.words_between(c.end, q.open) <= 4 and not any(c.end <= o.open < q.open for o in self.doubles) and \
                _SHORT_LEAD_IN.fullmatch(gap):
            return c, False
        return None

    def _frame(self, q: QSpan) -> list[Cue]:
        """The cues of the sentences the quote spans."""
        s, _ = self.sentence(q.open)
        _, e = self.sentence(max(q.close - 1, q.open))
        return [c for c in self.cues if s <= c.start < e]

    def _cue_by_parse(self, q: QSpan) -> Pick | None:
        """Linked by the parse: the quote is the verb's complement, or the verb hangs on it."""
        span = self.doc.tokens.char_span(q.inner_start, q.inner_end, alignment_mode="expand")
        inside = {t.i for t in span} if span is not None else set()
        for c in self._frame(q):
            if c.tok.head.i in inside or _governs(c.tok, span):
                return c, c.start >= q.close
        return None

    def _cue_nearest_reported(self, q: QSpan) -> Pick | None:
        """A quote of a few words or more in a sentence with a reporting verb: the nearest such verb."""
        if self.doc.words_between(q.inner_start, q.inner_end) <= 2:
            return None
        near = [c for c in self._frame(q) if c.reported]
        if not near:
            return None
        c = min(near, key=lambda c: min(abs(c.start - q.close), abs(q.open - c.end)))
        return c, c.start >= q.close and not self.body[q.close:c.start].strip(ENDING_PUNCT + " ")

    def _holds(self, cue: Cue, q: QSpan) -> bool:
        """Does the parse put the quote inside the verb's complement clause?"""
        for child in cue.tok.children:
            if child.dep_ in ("ccomp", "xcomp", "obj", "parataxis") and child.i > cue.tok.i:
                sub = list(child.subtree)
                if sub[0].idx <= q.open and q.inner_end <= sub[-1].idx + len(sub[-1]) + 1:
                    return True
        return False

    def _carried(self, span: tuple[int, int] | None, q: QSpan) -> bool:
        """A short phrase quoted inside a reported clause that says more ("said it was ready to “repel”
        any incursion"), or phrases with no finite verb that make a third of a long clause or less ("argue that
        while every country is bound “to respect and to ensure respect” for the law “in all circumstances”, in
        practice …"), belong to the clause; a quote that is most of the clause, or a statement of its own, stands
        alone."""
        if span is None or not (span[0] <= q.open and q.close <= span[1] + 1):
            return False
        quoted = sum(self.doc.words_between(o.inner_start, o.inner_end) for o in self.doubles
                     if span[0] <= o.open and o.close <= span[1] + 1)
        total = self.doc.words_between(span[0], span[1])
        loose = 3 * quoted <= total and not self._finite((q.inner_start, q.inner_end))
        return (quoted < 8 or loose) and total - quoted >= 4

    def outer(self, cue: Cue) -> Cue:
        """The speech verb whose reported clause holds this one ("X said the US would announce …")."""
        by_token = {c.tok.i: c for c in self.cues}
        tok = cue.tok
        for _ in range(6):
            if tok.dep_ not in ("ccomp", "conj", "xcomp", "advcl") or tok.head == tok:
                return cue
            tok = tok.head
            found = by_token.get(tok.i)
            if found is not None and found.reported and found.past != ACCORDING:
                return found
        return cue

    # -- the whole document ------------------------------------------------------------------------

    def run(self) -> list[Quote]:
        chosen = self._attribute_all()
        self._resolve_speakers(chosen)
        reported = {id(c): self.reported_span(c) for c in self.cues}
        out = self._closed_by_attribution(self._direct_quotes(chosen, reported) + self._reported_quotes(reported))
        out += self._signed_claims(out)
        out += self._labelled_claims(out)
        out += self._interview_answers(out)
        out += self._repeated_headline(out)
        out.sort(key=lambda x: (x.start, x.end))
        return out

    def _repeated_headline(self, found: list[Quote]) -> list[Quote]:
        """'Label: claim, - OC "South" (29.08.22 21:31) « … | Censor.NET / 29.08.22 21:31 - Label: claim, - OC South.
        …': a page that repeats its headline after the headline's stamp says the same words twice: a quote found in
        one copy and not in the other is found there too, with its speaker (as reported speech where the repetition
        drops the marks), matched word for word with quote marks aside."""
        m = _REPEATED_HEADLINE.match(self.body)
        if m is None:
            return []
        head = _unmarked(self.body, *m.span("headline"))
        rest = _unmarked(self.body, m.end(), len(self.body))
        at = "".join(c for _, c in rest).find("".join(c for _, c in head))
        if at < 0:
            return []
        pairs = [(h, r) for (h, _), (r, _) in zip(head, rest[at:at + len(head)], strict=True)]
        out: list[Quote] = []
        for q in (q for q in found if q.speaker is not None):
            for src in (pairs, [(r, h) for h, r in pairs]):
                copy = _moved(q, src, self.body)
                if copy is not None and not any(o.start < copy.end and copy.start < o.end for o in found + out):
                    out.append(copy)
        return out

    def _closed_by_attribution(self, found: list[Quote]) -> list[Quote]:
        """'Putin suggests “doubling down” could help - CIA director', 'Russia adds 7,000 troops to the border, U.S.
        says': a reported quote whose words run over the attribution that closes its line (a signature, quotes.yaml
        signed_claim, or a comma, a short subject and a present speech verb, `_closing_cue`) read that attribution as a
        clause of the verb inside: the whole claim, from its line's start to the attribution, is the closing speaker's,
        the verb inside being part of what they say."""
        closings: list[tuple[int, int, Who, str | None]] = [
            (start, m.start(), who, None) for m in _signed_matches(self.body)
            if (start := self._signed_start(m)) is not None and (who := self._signer(m, found)) is not None]
        closings += [(self.body.rfind("\n", 0, comma) + 1, comma, c.who, c.past) for c in self.cues
                     if (comma := self._closing_cue(c)) is not None and c.who is not None]
        out = list(found)
        for start, at, who, cue in closings:
            if not _speaks_for_itself(who):
                continue  # '… says defendant a victim — agency': a credit that passes the words on, no speaker
            running_over = [k for k, q in enumerate(out) if not q.direct and start <= q.start < at < q.end]
            claim = self._claim((start, at), verb_tags=None) if running_over else None
            if claim is None:
                continue  # the claim is read once for the attribution, not again for each quote it closes
            for k in running_over:
                out[k] = Quote(text=self.body[claim[0]:claim[1]], start=claim[0], end=claim[1],
                               speaker=_speaker(who), cue=cue, direct=False)
        return out

    def _closing_cue(self, c: Cue) -> int | None:
        """'…, U.S. says', '…, says the ministry': a present speech verb (a headline's) whose speaker stands between it
        and the comma before it or right after it, with nothing but its speaker's words and closing marks after it on its
        line: the comma that sets the attribution off."""
        line_end = self.body.find("\n", c.end)
        line_end = len(self.body) if line_end < 0 else line_end
        who = c.who
        if c.past == ACCORDING or who is None or c.tok.tag_.lower() not in syntax_words().present_tags \
                or self.quoted(c.start):
            return None
        comma = self.body.rfind(",", 0, min(c.start, who.start))
        if comma < 0 or self.body.rfind("\n", 0, c.start) > comma \
                or self.doc.words_between(comma, c.start) > CLOSING_SUBJECT_WORDS:
            return None
        if who.start > c.start:  # "…, says the ministry": its speaker's few words end the line, no stop
            closes = who.start < line_end and self.doc.words_between(c.end, line_end) <= CLOSING_NAME_WORDS
            return comma if closes and not _HEADLINE_END.search(self.body, c.end, line_end) and \
                "," not in self.body[c.end:line_end] else None
        if not _CLOSING_SUBJECT_LEAD.fullmatch(self.body, comma + 1, who.start):
            return None  # "…, a claim Moscow denies": the subject is no phrase of its own after the comma
        return comma if not self.body[c.end:line_end].strip(quoting().headline_closing_marks) else None  # a headline

    def _signed_claims(self, found: list[Quote]) -> list[Quote]:
        """'G7 should strengthen sanctions after missile strikes - Yermak', 'War with Russia: S1. S2, - JFO press center':
        a claim with no stop of its own that a dash and a speaker's name close (quotes.yaml signed_claim), as headlines
        attribute, is the speaker's: each sentence of it from past its line's label to the dash, where no quote is yet."""
        out: list[Quote] = []
        for m in _signed_matches(self.body):
            start = self._signed_start(m)
            who = self._signer(m, found) if start is not None else None
            if start is None or who is None or who.nameless:
                continue
            first = max(bisect_right(self.sent_starts, start) - 1, 0)  # the sentences follow one another, none overlaps
            for s, e in self.sentences[first:bisect_left(self.sent_starts, m.start())]:
                claim = self._claim((max(s, start), min(e, m.start())), verb_tags=None) if e > start else None
                if claim is not None and self._headline_predicate(claim) and \
                        not any(q.start < claim[1] and claim[0] < q.end for q in found + out):
                    out.append(Quote(text=self.body[claim[0]:claim[1]], start=claim[0], end=claim[1],
                                     speaker=_speaker(who), cue=None, direct=False))
        return out

    def _headline_predicate(self, span: tuple[int, int]) -> bool:
        """A headline's claim: a verb that states, finite, a participle ("Hundreds buried", "Russia trying to") or
        an infinitive that tells what will be ("Ukraine not to give up its land"), and no title's capitals ("Beats
        Solo3 Wireless On-Ear Headphones - Matte Black")."""
        toks = self.doc.tokens.char_span(*span, alignment_mode="expand")
        return toks is not None and any(t.tag_ in HEADLINE_VERB_TAGS or _headline_infinitive(t, toks) or
                                        _predicate_adjective(t, toks) or _headline_base_verb(t, toks) or
                                        _misread_headline_verb(t, toks) for t in toks) \
            and not _title_case(self.body[span[0]:span[1]])

    def _signed_start(self, m: re.Match[str]) -> int | None:
        """Where a signed claim starts: its line's start, or past its line's label ('War with Russia: '), which a
        signature the line goes on after needs, with a comma before its dash ('…, - JFO press center. As of 21:00, …';
        not '… signed by the governor - Vyacheslav Gladkov. A ban …'); None for no claim (one quoted, on page
        furniture, of no headline's length, opening in lower case)."""
        line = self.body.rfind("\n", 0, m.start()) + 1
        label = _CLAIM_LABEL.match(self.body, line, m.start())
        start = label.end() if label else line
        goes_on_unlabelled = bool(m.group("goes_on")) and not (label and m.group("dash").startswith(","))
        opening = self.body[start:start + 1]
        if goes_on_unlabelled or not self._colon_signs(m) or self.quoted(m.start()) or self.is_furniture(m.start()) or \
                self.doc.words_between(start, m.start()) > SIGNED_WORDS or not (opening.isupper() or opening.isdigit()):
            return None
        return start

    def _colon_signs(self, m: re.Match[str]) -> bool:
        """A colon signs a claim ('… in Bucha, near Kyiv: Mayor', '…: IAEA chief', '…: Kyiv') only with a name or a role
        alone that ends its line, not before a page's stamp, where a topic closes the claim ('3 mines were flooded:
        Luhansk region (01.04.22 18:42)'), nor words of their own ('G20 summit opens in Bali: Ukraine tops agenda')."""
        if not m.group("dash").startswith(":"):
            return True
        a, b = m.span("name")
        line_end = self.body.find("\n", b)
        if self.body[b:len(self.body) if line_end < 0 else line_end].strip(" \u00a0."):
            return False
        return coref.role_of(self.body[a:b])[0] is not None or self._entity_exactly(a, b) is not None

    def _entity_exactly(self, a: int, b: int) -> Entity | None:
        """The entity that spans [a, b) and no more, if any."""
        return next((e for e in self.speakers.entities_in(a, b) if (e.start, e.end) == (a, b)), None)

    def _signer(self, m: re.Match[str], found: list[Quote]) -> Who | None:
        """The speaker a signed claim's name names, read from its head as a subject's: a name or a noun with its
        modifiers alone ("local imam", "UK intelligence"; no "- not just on Diwali"), no document ("- statement": the
        issuer is the claim's own subject), not the page's own outlet ("… - AOL" closing a page's title). Found on its
        line, it keeps the words the signature writes ("Zaporizhzhia RMA"), not a phrase the parse ran over the dash.
        A role written alone in lower case ("- mayor", "- advisor to army chief") or ending in a role ("- German govt
        spokesperson") is the person the text goes on to name in it, where it does (`_role_holder`)."""
        a, b = m.span("name")
        span = self.doc.tokens.char_span(a, b, alignment_mode="expand")
        if span is None or is_document(span.root) or is_document_word(self.body[a:b]) or \
                bool(set(_WORD.findall(span.text)) & set(_WORD.findall(self.doc.article.outlet or ""))):
            return None
        holder = self._role_holder(span.text, b, found) \
            if span[0].text[:1].islower() or span[-1].lower_ in role_nouns() else None
        if holder is not None:
            return holder
        if any(t.pos_ not in ("NOUN", "PROPN", "ADJ") and t.tag_ != "POS" and t.text not in _DOUBLE_MARKS for t in span):
            return None  # "Ukraine’s defense ministry", 'OC "South"' (a call name in marks)
        return self._signature_name(span, a, b)

    def _signature_name(self, span: Span, a: int, b: int) -> Who | None:
        """Who a signature's noun phrase [a, b) names, as the signature writes it (its call name's marks dropped: 'OC
        "South"' is OC South): its head's speaker, or the body its abbreviation opens ('OC', 'JFO')."""
        who = self.speakers.who(span.root) or (self.speakers.who(span[0]) if _capitals(span[0]) else None)
        written = describe("".join(c for c in self.body[a:b] if c not in _DOUBLE_MARKS))
        if who is not None and self.body.rfind("\n", 0, a) < who.start < b and \
                (who.start < a or _part_of_name(who.name, written)):
            who = replace(who, name=written, start=a)
        return who

    def _labelled_claims(self, found: list[Quote]) -> list[Quote]:
        """'Danilov: Western weapons changing course of the war', 'White House: US ready to provide any assistance': a
        headline (one sentence, no stop of its own) that a person or a body named alone and a colon open
        (quotes.yaml labelled_claim; `_named_alone`) is that speaker's claim, when it states something; a claim that
        names the speaker again, by name or pronoun, is about them, the label a topic ('Olaf Scholz: Scholz explained why
        …', 'Pedro Sanchez: He is preparing a visit to Kyiv'); one that holds a speech verb reports another's words. A
        role alone ('President: …') is the person the text goes on to name in it (`_role_holder`); a name may come
        before what it spoke on or to whom ('Zelensky on the strike in Dnipro: …', 'Zelensky to Orban: …'; not an
        infinitive: 'Zelensky to visit Washington: …' tells what the name will do, `_label_acts`), a role so placed is
        left as it is. A claim in lower case ('Kuleba on Ukraine's path to NATO: “indecently long” process') is the
        speaker's only after a name, and not when it opens with a verb, whose subject the label is ('Charles Michel:
        visited Borodyanka'). Words with no verb ('Borrell: No decisions about Ukraine without Ukraine') are a claim
        only after a person or a body named by name (the entity recogniser's or the KB's), never a role or a country
        at a forum, and only when they tell no topic or happening (`_verbless_label_claim`)."""
        out: list[Quote] = []
        for m in _LABELLED_CLAIM.finditer(self.body):
            said = _name_words(m.group("claim"))
            if _name_words(m.group("name")) & said or said & set(people().person_pronouns) or self._label_acts(m):
                continue
            named = self._named_alone(*m.span("name")) or \
                _known_surname(m.group("name"), m.start("name"), m.group("claim"))
            if self._lower_case_claim(m.start("claim"), m.end("claim")) and (named is None or self._opens_with_verb(m)):
                continue
            claim = self._lone_headline(*m.span("claim"), found, verbless=named is not None)
            if claim is None:
                continue
            who = named or \
                (self._role_holder(m.group("name"), m.end("name"), found) if not m.group("about") else None) or \
                (self._country_named(*m.span("name")) if m.group("venue") else None) or \
                (self._role_as_written(*m.span("name")) if not m.group("venue") else None)
            if who is not None:
                out.append(Quote(text=self.body[claim[0]:claim[1]], start=claim[0], end=claim[1],
                                 speaker=_speaker(who), cue=None, direct=False))
        return out

    def _role_as_written(self, a: int, b: int) -> Who | None:
        """'U.S. ambassador on the strike: …', 'Senate committee chief: …': a role (speech_verbs.yaml person_roles) that
        labels a headline with the country or body it serves, whose holder the text does not name in the role's own
        words (`_role_holder`), is the speaker as the label writes it, not no one."""
        span = self.doc.tokens.char_span(a, b, alignment_mode="expand")
        if span is None or len(span) < 2 or coref.role_of(span.text)[0] is None or span[-1].lower_ not in role_nouns():
            return None  # a role alone ('President: …') names no one the text does not go on to name
        who = self.speakers.who(span.root)
        return replace(who, name=describe(span.text), start=a, id=None if who.person else who.id, person=False) \
            if who is not None else None

    def _country_named(self, a: int, b: int) -> Who | None:
        """'Ukraine at OSCE: …', 'US at UN: …': a country named alone, as the label of a claim made at a forum, is its
        delegation speaking there; a country alone ('Ukraine: …') or a city at a forum ('Kharkiv at …') is a topic."""
        own = self._entity_exactly(a, b)
        if own is None or own.type != "GPE" or own.actor is None or own.id != own.actor.country:
            return None
        return self.speakers.from_entity(own)

    def _role_holder(self, role: str, after: int, found: list[Quote]) -> Who | None:
        """'… - advisor to CinC Zaluzhnyi', 'President: …': a role alone that signs or labels a headline is the person
        who speaks first in the paragraph after it, where their sentence writes that role outside what they say
        ('…, says Dan Rice, Special Advisor to …', 'President Volodymyr Zelensky has stated that …'), or writes no role
        of a person the KB does not know (the sub-heading names whom the headline gave a role: '…: Mayor' over 'Anatoly
        Fedoruk says …'); else no one."""
        head, _ = coref.role_of(role)
        para = next(((s, e) for s, e in self.paras if s >= after), None)
        if head is None or para is None:
            return None
        cue = next((c for c in self.cues if para[0] <= c.start < para[1] and c.who is not None), None)
        who = cue.who if cue is not None else None
        if cue is None or who is None or not who.person or who.nameless:
            return None
        unsaid = self._unsaid(self.sentence(cue.start), found)
        return who if _writes_role(head, unsaid) or who.actor is None and not _describes_person(unsaid) else None

    def _unsaid(self, span: tuple[int, int], found: list[Quote]) -> str:
        """The words of `span` outside every quote found: the speaker's own words about themselves."""
        s, e = span
        outside, at = [], s
        for qa, qb in sorted((max(q.start, s), min(q.end, e)) for q in found if q.start < e and s < q.end):
            outside.append(self.body[at:qa])
            at = max(at, qb)
        outside.append(self.body[at:e])
        return " ".join(outside)

    def _lone_headline(self, a: int, b: int, found: list[Quote], verbless: bool = False) -> tuple[int, int] | None:
        """[a, b) as a claim, trimmed, if it is one headline's (one sentence, no stop of its own, a verb that states, or
        with `verbless` words that tell no topic: `_verbless_label_claim`) and no quote holds it (a quoted term that
        opens it and leaves words after is no quote: 'Malyar: "Good Russians" are a propaganda tool'), speech verb
        reports in it ('Pope: Orban said …' is Orban's words) or signature closes it ('Kuleba: It is still dangerous
        in the region, - the head of administration': the signer's)."""
        claim = self._claim((a, b), verb_tags=None if verbless else ())
        if claim is None or self.quoted(a) and not self._term_opens(a, b) or self.is_furniture(a) or \
                _NEW_SENTENCE.search(self.body, a, b) or self._signed_inside(a, b, found) or \
                _HEADLINE_END.match(self.body, b - 1, b) or \
                not (self._headline_predicate(claim) or verbless and self._verbless_label_claim(claim)):
            return None
        if any(q.start < claim[1] and claim[0] < q.end for q in found) or any(a <= c.start < b for c in self.cues):
            return None
        return claim

    def _label_acts(self, m: re.Match[str]) -> bool:
        """'Zelensky to visit Washington: …': a label whose name an infinitive follows is a headline of what the
        name will do, not a speaker's label (as 'Zelensky to Orban: …' is): a verb right after its "to" (quotes.yaml
        label_infinitive_marks)."""
        if not m.group("about"):
            return False
        words = list(_WORD.finditer(self.body, *m.span("about")))
        if len(words) < 2 or words[0].group() not in quoting().label_infinitive_marks:
            return False
        toks = self.doc.tokens.char_span(*words[1].span(), alignment_mode="expand")
        return toks is not None and (toks[0].tag_ == "VB" or toks[0].pos_ in syntax.VERBS)

    def _lower_case_claim(self, a: int, b: int) -> bool:
        """Does the claim [a, b) open, past a quote mark, with a word in lower case?"""
        first = _WORD.search(self.body, a, b)
        return first is not None and first.group()[:1].islower()

    def _opens_with_verb(self, m: re.Match[str]) -> bool:
        """Does the labelled claim of `m` open with a verb, past a quote mark: the label is then its subject
        ('Charles Michel: visited Borodyanka'), not its speaker?"""
        toks = self.doc.tokens.char_span(*m.span("claim"), alignment_mode="expand")
        first = next((t for t in toks or () if not t.is_punct), None)
        return first is not None and (first.pos_ in syntax.VERBS or first.tag_ in HEADLINE_VERB_TAGS)

    def _term_opens(self, a: int, b: int) -> bool:
        """Does a double quote open at `a` and close before `b` with words after it: a quoted term that is the
        claim's subject ('"Good Russians" are a propaganda tool', '“Korean” scenario for Ukraine')?"""
        q = next((q for q in self.doubles if q.open == a), None)
        return q is not None and q.close < b and bool(_WORD.search(self.body, q.close, b))

    def _verbless_label_claim(self, span: tuple[int, int]) -> bool:
        """Words with no verb after a speaker's label ('Borrell: No decisions about Ukraine without Ukraine', 'Macron:
        Against the humiliation of Russia') are what the speaker said, unless they tell what the speaker spoke of
        ('Venediktova: About the liberated territory'; quotes.yaml topic_openers) or did or issued ('Macron: Visit to
        Kyiv', 'Zelensky: Address to the nation'; their head one of quotes.yaml happening_heads or a document noun),
        or are a title's capitals (fewer words in lower case than quotes.yaml verbless_lower_words: 'Khamenei: Haram
        Menghina Istri Nabi dan Simbol Ahlusunah', another page's headline)."""
        toks = self.doc.tokens.char_span(*span, alignment_mode="expand")
        words = quoting()
        text = self.body[span[0]:span[1]]
        if toks is None or _title_case(text) or \
                sum(w[0].islower() for w in _TITLE_WORD.findall(text)) < words.verbless_lower_words:
            return False
        first = next((t for t in toks if not t.is_punct), None)
        return first is not None and first.lower_ not in words.topic_openers and not is_document(toks.root) and \
            toks.root.lemma_.lower() not in words.happening_heads and toks.root.lower_ not in words.happening_heads

    def _signed_inside(self, a: int, b: int, found: list[Quote]) -> bool:
        """Does a signature close [a, b): a comma and a dash before it ('…, - the head of administration'), or a name
        that signs ('… - Governor Ivan Horak'), not a dash before more of the claim ('… – energy facilities and people')?"""
        sign = _SIGNED_CLAIM.search(self.body, a, b)
        return sign is not None and (sign.group("dash").startswith(",") or self._signer(sign, found) is not None)

    def _interview_answers(self, found: list[Quote]) -> list[Quote]:
        """The answers of an interview transcript, each a direct quote of its party, where no quote
        was found in them already."""
        out: list[Quote] = []
        for turn in interview_turns(self.body, self.paras):
            if self.is_furniture(turn.start) or any(q.start < turn.end and turn.start < q.end for q in found):
                continue
            party = self.speakers.party(turn.name, turn.label_start) if turn.name else \
                self.speakers.interviewee(turn.label_start)
            out.append(Quote(text=self.body[turn.start:turn.end], start=turn.start, end=turn.end,
                             speaker=_speaker(party), cue=None, direct=True))
        return out

    def _attribute_all(self) -> dict[int, Pick]:
        """Each quote's cue; a cue before its quote hands it to the verb that reports its clause."""
        chosen: dict[int, Pick] = {}
        for qi, q in enumerate(self.marks):
            pick = self.attribute(q)
            if pick is None:
                continue
            if not pick[1]:
                pick = (self.outer(pick[0]), False)
            chosen[qi] = pick
            pick[0].quotes.append(qi)
        return chosen

    def _resolve_speakers(self, chosen: dict[int, Pick]) -> None:
        """Every cue's speaker, in text order, so that "it" and "they" see the speakers before them."""
        inverted = {id(c): inv for c, inv in chosen.values()}
        for cue in self.cues:
            cue.who = self.resolve(cue, inverted.get(id(cue), False))
            if cue.who is not None and not self._nested_speech(cue):
                self.speakers.heard(cue.who, cue.start)

    def _nested_speech(self, cue: Cue) -> bool:
        """'The group said that employees were told by WeWork to sign': a speech verb inside the clause another
        speaker's verb reports is speech that speaker passes on, so its speaker is no voice of the text that a
        later "it" or "the group" could stand for. The reporting verb may come after ("Drivers were told by WeWork to
        sign, the group said") and its speaker is then not resolved yet: any other cue's verb counts."""
        verbs = {c.tok.i for c in self.cues if c is not cue}
        return any(t.i in verbs for t in cue.tok.ancestors)

    def _direct_quotes(self, chosen: dict[int, Pick], reported: dict[int, tuple[int, int] | None]) -> list[Quote]:
        out: list[Quote] = []
        prev_in_para: dict[int, tuple[Who | None, str | None]] = {}
        for qi, q in enumerate(self.marks):
            words = self.doc.words_between(q.inner_start, q.inner_end)
            said = self._direct_speaker(qi, q, words, chosen, reported, prev_in_para)
            if said is None or self._not_a_quote(q, words, *said):
                continue
            who, cue_word = said
            prev_in_para[q.para] = said
            text = self.body[q.inner_start:q.inner_end].rstrip()
            if text.strip() and not (who is not None and who.nameless):
                out.append(Quote(text=text, start=q.inner_start, end=q.inner_start + len(text),
                                 speaker=_speaker(who), cue=cue_word, direct=True))
        return out

    def _direct_speaker(self, qi: int, q: QSpan, words: int, chosen: dict[int, Pick],
                        reported: dict[int, tuple[int, int] | None],
                        prev_in_para: dict[int, tuple[Who | None, str | None]]) -> tuple[Who | None, str | None] | None:
        """Who says the quoted words and by which cue: a name signing them, the cue chosen for them, a name before a
        colon, else the speaker of the quote before in the paragraph; none (no quote of its own) for a phrase quoted
        inside reported speech, which the reported clause carries."""
        byline = self._byline(q) or self._speaker_closing_line(q)
        if byline is not None:
            return byline, None  # '“…” — Neil Gaiman': the name that signs a quote
        if qi in chosen:
            c, _ = chosen[qi]
            if self._carried(reported[id(c)], q):
                return None
            introduced = self._colon_clause_subject(q) if c.start < q.open else None
            if introduced is not None and introduced.start > c.end:
                return introduced, None  # 'Y said the song moved him, and X had a similar experience: “…”': X's
            return c.who, c.past
        named = self._colon_speaker(q) or self._colon_clause_subject(q)
        if named is not None:
            return named, None  # 'Zelensky: “We will not give up our land.”'
        return self._headline_actor(q) or self._continued_speaker(q, words, prev_in_para)

    def _headline_actor(self, q: QSpan) -> tuple[Who, str] | None:
        """'‘Nobody surrenders Donbas’: Haidai assures that …', '‘Impossible to proceed’: Red Cross halts evacuation': a
        quote that opens its line and a colon, then a person or body named alone (its entity, as `_named_alone` reads
        one) and a verb right after it (quotes.yaml quote_before_actor): that speaker's words, the verb its cue (a
        headline's single marks quote as double ones do). A verb the parse reads as a noun counts (headlines are
        misparsed), a preposition or a name's own word does not ('‘X’: Zelensky on …')."""
        m = self._actor_after_headline_quote(q)
        if m is None:
            return None
        verb = self.doc.tokens.char_span(*m.span("verb"))
        if verb is None or verb[0].tag_ not in (*FINITE_TAGS, "NNS"):
            return None
        who = self._named_alone(*m.span("name"))
        return (who, m.group("verb")) if who is not None and not who.nameless else None

    def _actor_after_headline_quote(self, q: QSpan) -> re.Match[str] | None:
        """The colon and name after a quote that opens its line (quotes.yaml quote_before_actor), or None; none after
        a topic the quote names (`_topic_label`)."""
        line = self.body.rfind("\n", 0, q.open) + 1
        m = _QUOTE_BEFORE_ACTOR.match(self.body, q.close)
        if m is None or self.body[line:q.open].strip() or self.is_furniture(q.open):
            return None
        return None if self._topic_label(q) else m

    def _topic_label(self, q: QSpan) -> bool:
        """'“Grain corridor”: Kuleba says …', '“War in orbit”: Musk orders …': quoted words that make a noun phrase
        (no verb of any form, no subject of one of their words among them, headed by a noun: quotes.yaml
        topic_label_heads) name what the headline is about, not what its actor said; an adjective ('‘Too
        dangerous to go on’') or a clause, its verb read as a noun or not ('‘Nobody abandons Kherson’'), is said."""
        span = self.doc.tokens.char_span(q.inner_start, q.inner_end, alignment_mode="expand")
        if span is None or any(t.pos_ in syntax.VERBS for t in span) or span.root.pos_ not in quoting().topic_label_heads:
            return False
        return not any(t.dep_ in syntax.SUBJECT_OR_EXPLETIVE and span.start <= t.head.i < span.end for t in span)

    def _colon_clause_subject(self, q: QSpan) -> Who | None:
        """'Buckley, who phoned in from the set, had a similar experience: “It was just …”': a clause with no speech
        verb that ends on a colon right before the quote introduces it; its subject, a person named there outside quotes,
        says it (a body's or a document's words may be what the quote answers: "X's remarks drew a reply: “…”"). The
        clause is the last main clause before the colon: 'Y said the song moved him, and Buckley had a similar
        experience: “…”' is Buckley's, over the speech verb of the clause before."""
        colon = self._colon_before(q)
        if colon is None:
            return None
        clause = [t for t in colon.sent if t.i < colon.i]
        subj = self._unquoted_subject(clause, colon)
        if subj is None or any(self.cue_at(t.i) is not None for t in clause if t.i >= subj.i):
            return None  # a speech verb of its own there: the cues read it
        who = self.speakers.who(subj)
        return who if who is not None and who.person and not who.nameless else None

    def _unquoted_subject(self, clause: list[Token], colon: Token) -> Token | None:
        """The subject, outside quotes, of the last main clause before the colon: of the finite verb its sentence hangs
        on or of one joined to that verb ("…, and X had")."""
        return next((t for t in reversed(clause) if t.dep_ == "nsubj" and t.head.i < colon.i and
                     _main_clause_verb(t.head) and not self.quoted(t.idx)), None)

    def _colon_before(self, q: QSpan) -> Token | None:
        """The colon right before the quote's opening mark (spaces between), or None."""
        colon = len(self.body[:q.open].rstrip(" \u00a0")) - 1
        span = self.doc.tokens.char_span(colon, colon + 1, alignment_mode="expand") if colon >= 0 else None
        return span[0] if span is not None and span[0].text == ":" else None

    def _not_a_quote(self, q: QSpan, words: int, who: Who | None, cue_word: str | None) -> bool:
        """Scare quotes, titles, quoted terms and unattributed fragments: marks with no cue around a single-quoted,
        short, heading or name-only span, or a fragment that is no utterance."""
        return cue_word is None and (q.single or words < SHORT or self._heading(q) or who is None and self._quoted_name(q)) \
            or self._is_fragment(q) and not self._utterance(q) and not self._said_by_headline_actor(q, who)

    def _said_by_headline_actor(self, q: QSpan, who: Who | None) -> bool:
        """'‘Impossible to proceed’: Red Cross halts …': a headline's quote that the name after its colon says is
        something said, however short (not '"dirty bomb": X called defence ministers', said by no one named there)."""
        m = self._actor_after_headline_quote(q) if who is not None else None
        return m is not None and who is not None and m.start("name") <= who.start < m.end("name")

    def _colon_speaker(self, q: QSpan) -> Who | None:
        """'Zelensky: “We will not give up our land.”', 'Deputy Chairman Anthony Hooper: “…”', 'The Kremlin: “…”' (a
        headline, a transcript): a person (after their title) or a body named alone before a colon right before the
        quote, at the start of its line or sentence, says it; so does one named before what they spoke on ('Zelensky on
        Russian atrocities: “…”'; quotes.yaml name_colon)."""
        m = self._name_colon(self.paras[q.para][0], q.open)
        return None if m is None else self._named_alone(*m.span("name"))

    def _named_alone(self, a: int, b: int) -> Who | None:
        """The speaker [a, b) names alone: a person (after their title) or a body whose name it is ('British
        intelligence', its people's adjective read as that body), else none."""
        own = next((e for e in self.speakers.entities_in(a, b) if e.end == b), None)  # a title may come before a person
        if own is not None and (own.type == "PERSON" or own.type == "ORG" and own.start == a):
            return self.speakers.from_entity(own)
        organ = next((e.actor for e in self.speakers.entities_in(a, b) if e.start == a and e.type == "NORP"), None)
        if organ is not None and organ.sector is not None and coref.fold(organ.name) == coref.fold(self.body[a:b]):
            return Who(name=organ.name or organ.text, start=a, id=organ.id, actor=organ)
        unlisted = self.speakers.unlisted_at(a, b)
        return Who(name=unlisted.name, start=a, person=True) if unlisted is not None and \
            (unlisted.start, unlisted.end) == (a, b) and unlisted.person else None

    def _name_colon(self, a: int, b: int) -> re.Match[str] | None:
        """The first name alone before a colon that ends at `b`, starting a line or a sentence of the parse
        (issue 11: one Doc, not a final mark and a space) between `a` and `b`."""
        starts = {s for s, _ in self.doc.sentences() if a <= s < b}
        starts.update(m.end() for m in _LINE_BREAK.finditer(self.body, max(0, a - 1), b - 1))
        if a == 0:
            starts.add(0)
        for s in sorted(starts):
            m = _NAME_COLON.match(self.body, s, b)
            if m is not None:
                return m
        return None

    def _byline(self, q: QSpan) -> Who | None:
        """'“Had he taken …, he would’ve been George R.R. Martin.” — Neil Gaiman': a dash and a name of two
        to four capitalised words that close the quote's paragraph sign it."""
        m = _BYLINE.fullmatch(self.body, q.close, self.paras[q.para][1])
        if m is None:
            return None
        own = self.speakers.entity_at(m.start("name"))
        if own is not None and own.type == "PERSON":
            return self.speakers.from_entity(own)
        name = m.group("name")
        return Who(name=name, start=m.start("name"), person=coref.looks_like_person(name)) if own is None else None

    def _speaker_closing_line(self, q: QSpan) -> Who | None:
        """'“Demining activities are ongoing,” IAEA Director General Rafael Mariano Grossi', a headline's '"…,"
        Commander of Marine Corps Volinsky (21.04.22 15:36)', '“…” – Kherson region head': a quote that ends on a comma
        or a dash after it, then a speaker's phrase with no verb that ends the line (quotes.yaml
        speaker_after_quote): the person the phrase names last, else the phrase's own speaker."""
        m = _SPEAKER_AFTER_QUOTE.match(self.body, q.close)
        if m is None or not (m.group("dash") or self.body[q.inner_start:q.inner_end].rstrip().endswith(",")):
            return None
        a, b = m.span("phrase")
        span = self.doc.tokens.char_span(a, b, alignment_mode="expand")
        if span is None or any(t.pos_ in syntax.VERBS or t.tag_ in FINITE_TAGS for t in span):
            return None
        persons = [e for e in self.speakers.entities_in(a, b) if e.type == "PERSON"]
        if persons:
            return self.speakers.from_entity(persons[-1])
        who = self.speakers.who(span.root)  # as the line writes it: 'Commander of Marine Corps … Volinsky'
        return replace(who, name=describe(self.body[a:b]), start=a) if who is not None and a <= who.start < b else who

    def _continued_speaker(self, q: QSpan, n: int, prev_in_para: dict[int, tuple[Who | None, str | None]]
                           ) -> tuple[Who | None, str | None]:
        """A quote with no cue of its own: the speaker of the quote before it in the paragraph (or
        of a quote that ran on from the paragraph before), else the speaker the paragraph has been
        quoting, else, for a paragraph-opening quote, the cue of the next sentence."""
        if q.single or n <= 2 and not self._utterance(q) or self._heading(q):
            return None, None
        prev = self._previous_quote_speaker(q, prev_in_para)
        if prev is not None and prev[0] is not None:
            return prev
        lead = self._leading_cues(q)
        if lead:
            return lead[-1].who, lead[-1].past
        if q.open == self.paras[q.para][0]:
            later = self._next_sentence_cues(q)
            if later:
                return later[0].who, later[0].past
            return self._quote_paragraph_before(q, prev_in_para)
        return None, None

    def _quote_paragraph_before(self, q: QSpan, prev_in_para: dict[int, tuple[Who | None, str | None]]
                                ) -> tuple[Who | None, str | None]:
        """A paragraph that opens with a quote after a paragraph that ended with one: the same speaker
        goes on ("X said that “… .”" / "“If their claim were true …”")."""
        before = [p for p in self.marks if p.para == q.para - 1 and not p.single]
        prev = prev_in_para.get(q.para - 1)
        if not before or prev is None or prev[0] is None:
            return None, None
        tail = self.body[before[-1].close:self.paras[q.para - 1][1]]
        return prev if not tail.strip(" \u00a0.,”\"") else (None, None)

    def _utterance(self, q: QSpan) -> bool:
        """'… he said later. “Please.”', '“Oh, actually? Yes,” he assures himself': a quote that opens its sentence
        and ends as one (or at the comma before its cue) is something said, however short, not a quoted term."""
        inner = self.body[q.inner_start:q.inner_end].rstrip()
        before = self.body[self.paras[q.para][0]:q.open].rstrip()
        return inner[-1:] in quoting().utterance_ends and (not before or before[-1] in ".!?")

    def _heading(self, q: QSpan) -> bool:
        """'“… prevent the evacuation of the civilians”' alone on its line, no stop or comma in it: a heading
        that quotes someone, not more of what the speaker before was saying."""
        a, b = self.paras[q.para]
        inner = self.body[q.inner_start:q.inner_end].rstrip()
        return not self.body[a:q.open].strip() and not self.body[q.close + 1:b].strip() and \
            inner[-1:] not in quoting().utterance_ends

    def _quoted_name(self, q: QSpan) -> bool:
        """'voted down draft resolution No. 5380 "On the Appeal of the Verkhovna Rada …"', 'a decision of the NSDC
        "Regarding Ukraine's actions in response to …"': quoted words no one is found to say, right after a noun they
        name (or its preposition: 'the principle of "no decisions about Ukraine without Ukraine"'), inside a sentence
        (not one of their own), with no finite verb, are a name or a title, however long, not speech (nor is the
        quoted object of a verb: 'were asked to consider “the legal consequences arising from …”')."""
        k = bisect_left(token_offsets(self.doc.tokens)[0], q.open) - 1
        while k > 0 and (self.doc.tokens[k].text in "()" or self.doc.tokens[k].pos_ == "ADP"):
            k -= 1  # '… Council (NSDC) "Regarding …"', 'the principle of "no decisions …"'
        if self._utterance(q) or k < 0 or self.doc.tokens[k].pos_ not in ("NOUN", "PROPN", "NUM", "ADJ"):
            return False
        return self._verbless(q)

    def _is_fragment(self, q: QSpan) -> bool:
        """A quoted term of a few words with no finite verb ("called it “iron-clad”", "as “painstaking”",
        "to “crush the will”"): no statement."""
        if _title_case(self.body[q.inner_start:q.inner_end]):
            return True  # 'including “Takin’ It To The Streets,”': a title
        if self.doc.words_between(q.inner_start, q.inner_end) > quoting().fragment_words:
            return False
        return self._verbless(q)

    def _verbless(self, q: QSpan) -> bool:
        """No finite verb and no auxiliary inside the marks: words that state nothing (a term, a name, a title)."""
        span = self.doc.tokens.char_span(q.inner_start, q.inner_end, alignment_mode="expand")
        return span is not None and not any(t.tag_ in FINITE_TAGS or t.pos_ == "AUX" for t in span)

    def _previous_quote_speaker(self, q: QSpan, prev_in_para: dict[int, tuple[Who | None, str | None]]
                                ) -> tuple[Who | None, str | None] | None:
        prev = prev_in_para.get(q.para)
        if prev is None and q.para > 0 and q.open == self.paras[q.para][0] and \
                any(p.para == q.para - 1 and p.continued for p in self.doubles):
            prev = prev_in_para.get(q.para - 1)
        return prev

    def _leading_cues(self, q: QSpan) -> list[Cue]:
        """Resolved cues before the quote in its paragraph; for a quote paragraph, those of the last
        sentence of the paragraph before ("X said:")."""
        ps, _ = self.paras[q.para]
        lead = [c for c in self.cues if ps <= c.start < q.open and c.who is not None]
        if q.para > 0 and not lead and q.open == ps:
            last = self.sentence(self.paras[q.para - 1][1] - 1)
            lead = [c for c in self.cues if last[0] <= c.start < last[1] and c.who is not None]
        return lead

    def _next_sentence_cues(self, q: QSpan) -> list[Cue]:
        """Cues of the sentence after the quote, in its paragraph, that attribute no quote yet."""
        k = bisect_right(self.sent_starts, max(q.close - 1, q.open))
        nxt_s, nxt_e = self.sentences[k] if k < len(self.sentences) else (q.close, q.close)
        nxt_e = min(nxt_e, self.paras[q.para][1])
        return [c for c in self.cues if nxt_s <= c.start < nxt_e and not c.quotes]

    def _reported_quotes(self, reported: dict[int, tuple[int, int] | None]) -> list[Quote]:
        out: list[Quote] = []
        cues: list[Cue] = []
        outer = [(id(c), span) for c in self.cues if c.past != ACCORDING and c.who is not None and not _aside(c)
                 and (span := reported[id(c)]) is not None]
        for c in self.cues:
            span, who = self._reported_by(c, reported[id(c)])
            if span is None or who is None or who.nameless or _observed(c.tok, who):
                continue  # 'officials said': no one named (quotes.yaml: nameless_sources); 'Reed found that': seen
            if not _set_off_participle(c.tok) and any(a <= c.start < b for owner, (a, b) in outer if owner != id(c)):
                continue  # 'X said his services told him that …', 'X said Y lied when denying …': X's
                # report carries it ("…, adding" is X's own)
            clauses = self._coordinated_clauses(span) if c.end <= span[0] else [span]
            for a, b in clauses + self._that_conjuncts(c, span):
                out.append(Quote(text=self.body[a:b], start=a, end=b, speaker=_speaker(who), cue=c.past, direct=False))
                cues.append(c)
        return self._reports_of_reports(out, cues)

    @staticmethod
    def _asides_of_reports(quotes: list[Quote], cues: list[Cue]) -> set[int]:
        """"As Reuters reported, the ministry said that ...": the asides whose quote holds another cue's report (the
        ministry's own), dropped for it."""
        return {k for k, (qa, ca) in enumerate(zip(quotes, cues, strict=True)) if _aside(ca) and any(
            c.past != ACCORDING and not _aside(c) and qa.start <= c.start < qa.end for c in cues)}

    def _reports_of_reports(self, quotes: list[Quote], cues: list[Cue]) -> list[Quote]:
        """'X said Y, according to Z': the "according to" whose claim holds a speech verb that reports a clause of
        its own names who passed X's words on; Y is X's quote alone, cut before the "according to". So does an aside
        ("As Z reported, X said Y")."""
        drop = self._asides_of_reports(quotes, cues)
        for k, (qa, ca) in enumerate(zip(quotes, cues, strict=True)):
            inner = [j for j, c in enumerate(cues) if c.past != ACCORDING and qa.start <= c.start < qa.end <= ca.start]
            # "..., when rebels attacked the capital, killing about 600 people, according to army tallies": the
            # "according to" gives the clause before it, which holds no speech verb; only X's own "said" clause is X's
            last = self.body.rfind(",", qa.start, self.body.rfind(",", qa.start, ca.start))
            if ca.past != ACCORDING or not any(cues[j].start > last for j in inner):
                continue
            drop.add(k)
            self._cut_before(quotes, inner, ca.start)
        return [q for k, q in enumerate(quotes) if k not in drop]

    def _cut_before(self, quotes: list[Quote], inner: list[int], at: int) -> None:
        """The quotes `inner` that run over `at` (an "according to") end before it, at the last comma before it."""
        for j in inner:
            q = quotes[j]
            if q.start < at < q.end:
                comma = self.body.rfind(",", q.start, at)
                a, b = _trim(self.body, q.start, comma if comma > q.start else at)
                quotes[j] = Quote(text=self.body[a:b], start=a, end=b, speaker=q.speaker, cue=q.cue, direct=False)

    def _that_conjuncts(self, c: Cue, span: tuple[int, int]) -> list[tuple[int, int]]:
        """'told AFP the soldier was killed and that it had lost six others', parsed with the second clause joined
        to the speech verb itself: a conjunct of the verb that opens with "that", after the clause it reports,
        is a second claim of the same speaker ("said A and added that B" is the second verb's own)."""
        out = []
        for conj in syntax.children(c.tok, "conj"):
            mark = next((m for m in conj.children if m.dep_ == "mark" and _is_that(m) and m.i < conj.i), None)
            if mark is None or mark.idx < span[1] or self.quoted(mark.idx) or self.cue_at(conj.i) is not None:
                continue
            end = conj.right_edge.idx + len(conj.right_edge)
            claim = self._claim((mark.idx + len(mark), end))
            if claim is not None:
                out.append(claim)
        return out

    def _reported_by(self, c: Cue, span: tuple[int, int] | None) -> tuple[tuple[int, int] | None, Who | None]:
        """The clause a cue reports and its speaker: for "according to", the speaker of a speech verb
        that opens the clause; a clause holding a direct quote keeps only its own words before it."""
        who = c.who
        if span is not None and c.past == ACCORDING:
            opening = self._opening_speech(c, span)
            claim = self._claim((opening.end, span[1])) if opening is not None else None
            if opening is not None and claim is not None:
                span, who = claim, opening.who  # else "JNIM claimed five attacks, according to Y": Y's
        if span is not None and self._holds_direct_quote(span):
            span = self._lead_in(span)  # 'said that X and the “…”': X, the quote being its own
        return span, who

    def _coordinated_clauses(self, span: tuple[int, int]) -> list[tuple[int, int]]:
        """'said A and that B': A and B, two claims (each a clause of its own, "that" marking the
        second); else the whole span ("land that is occupied and that Putin wants to keep": relatives)."""
        a, b = span
        for m in _AND_THAT.finditer(self.body, a, b):
            after = self.doc.tokens.char_span(m.end() - 4, b, alignment_mode="contract")
            if self.quoted(m.start()) or after is None or len(after) < 2 or after[0].dep_ != "mark" or \
                    after[1].pos_ in syntax.VERBS or after[0].head.head.dep_ in ("acl:relcl", "acl"):
                continue  # "and that is why": a pronoun; "the land that X holds and that Y wants": relatives
            first, second = self._claim((a, m.start())), self._claim((m.end(), b))
            if first is not None and second is not None:
                return [first, *self._coordinated_clauses(second)]
        return [span]

    def _opening_speech(self, according: Cue, span: tuple[int, int]) -> Cue | None:
        """'One eyewitness said the attackers used grenades, according to the BBC': the speech verb with
        a resolved speaker, and no reported clause of its own, that opens the clause an "according to"
        reports; the clause is that speaker's words, the source only passing them on."""
        a, b = span
        inside = [c for c in self.cues if c is not according and c.past != ACCORDING and c.reported
                  and a <= c.start < b and c.who is not None]
        if not inside or self.doc.words_between(a, inside[0].start) > OPENING_SUBJECT_WORDS:
            return None
        # a verb whose own clause the parse found keeps it, and the source still reports the whole
        # ("The ministry says …, killing 600, according to army tallies": the figures' nearest report)
        return inside[0] if self.reported_span(inside[0]) is None else None

    def _lead_in(self, span: tuple[int, int]) -> tuple[int, int] | None:
        """'said that about 120,000 people remain trapped and the “crimes … are far more scary”': the
        reported words before a direct quote that stands alone, when they make a clause of their own
        (a finite verb before their last word, LEAD_IN_WORDS words or more), without the words that
        lead into the quote ("and the", "in a region that"), which show that the quote opens a conjunct or
        a relative clause ('said the rocket was “…”' keeps nothing)."""
        a, b = span
        q = next((q for q in self.doubles if a < q.open < b and not self._is_fragment(q)), None)
        if q is None or self.quoted(a):
            return None
        toks = self.doc.tokens.char_span(a, q.open, alignment_mode="contract")
        if toks is None:
            return None
        words = [t for t in toks if not t.is_space]
        joins = False  # the quote opens a conjunct or a relative clause: the words before it are whole
        while words and (words[-1].is_punct or words[-1].tag_ in LEAD_INTO_QUOTE):
            last = words.pop()
            joins = joins or last.tag_ in ("CC", "WDT", "WP") or bool(_CLAUSE_WORD.fullmatch(last.lower_))
        if not joins or len(words) < LEAD_IN_WORDS or not any(t.tag_ in FINITE_TAGS for t in words[:-1]):
            return None
        return self._claim((a, words[-1].idx + len(words[-1])))

    def _holds_direct_quote(self, span: tuple[int, int]) -> bool:
        """The reported clause starts inside a direct quote, or holds one that stands alone: the
        direct quote carries it. A quoted term ("is “indispensable”") is the clause's own."""
        a, b = span
        return any(q.inner_start <= a < q.inner_end or a <= q.open < b and not self._carried(span, q)
                   for q in self.doubles if not self._is_fragment(q))

    # -- reported speech -------------------------------------------------------------------------

    def reported_span(self, cue: Cue) -> tuple[int, int] | None:
        """The clause a reporting verb reports, as a trimmed character span, if it states something; the verb's
        own phrase where it is a speech act that states its content ("accused China of …", "reported 69
        incidents"), before any clause unless the phrase is its object alone."""
        span = self._own_span(cue)
        if span is None or cue.past == ACCORDING:
            return span  # "A and X said B, according to Y": _reports_of_reports reads the speech verbs inside
        return self._before_joined_speech(cue, span)

    def _own_span(self, cue: Cue) -> tuple[int, int] | None:
        """The verb's act phrase or its clause, as `reported_span` weighs them, before any cut; for a verb whose object
        points back ("stated this"), the words it points to or none (`_pointed_claim`)."""
        if cue.past != ACCORDING and _pointer(cue.tok) is not None:
            return self._pointed_claim(cue)
        act = _act_kind(cue.tok, self.body, cue.end) if cue.past != ACCORDING else None
        clause = self._reported_clause(cue) if act != "phrase" else None
        if clause is not None and _in_setting(cue.tok):
            clause = self._setting_report(cue, clause)
        return clause if clause is not None or act is None else self._act_span(cue)

    def _setting_report(self, cue: Cue, clause: tuple[int, int]) -> tuple[int, int] | None:
        """What a speech verb inside a setting (`_in_setting`) reports: its clause up to the comma that closes the
        setting, before a new subject ('If the minister confirmed the talks had failed, the markets would fall': "the
        talks had failed"); none where its clause starts past a comma ('Even if Ford had found a larger audience, though,
        his health …')."""
        if _COMMA.search(self.body, cue.end, clause[0]):
            return None
        comma = next((m.start() for m in _COMMA.finditer(self.body, clause[0], clause[1])
                      if _subject_after(cue.tok.doc, m.end())), None)
        return clause if comma is None else self._claim((clause[0], comma))

    def _pointed_claim(self, cue: Cue) -> tuple[int, int] | None:
        """'Russia shelled Kharkiv overnight. This was stated by the governor', '…, the EU said this in a statement': the
        words a pointing-back object stands for: the clause before the comma that sets off the verb's subject in its
        own sentence, else the sentence before, outside quotes and page furniture, with no speech verb of its own
        (that one's report is the speaker's already: "X said that Y. He stated this at a briefing")."""
        s, _ = self.sentence(cue.start)
        subj = subject_of(cue.tok)
        if subj is not None and subj.i < cue.tok.i:
            comma = self.body.rfind(",", s, subj.left_edge.idx)
            claim = self._said_alone((s, comma)) if comma > s and not self.quoted(comma) else None
            if claim is not None:
                return claim
        i = bisect_right(self.sent_starts, s - 1) - 1
        return self._said_alone(self.sentences[i]) if i >= 0 and self.sentences[i][0] < s else None

    def _said_alone(self, span: tuple[int, int]) -> tuple[int, int] | None:
        """The span as a claim when it is a finite clause outside quotes and page furniture with no speech verb of its
        own (whose report it is already: "According to the review, X. Google confirmed this")."""
        a, b = span
        if self.quoted(a + 1) or self.is_furniture(a) or any(a <= c.start < b for c in self.cues):
            return None
        claim = self._claim(span)
        return claim if claim is not None and self._finite(claim) else None

    def _before_joined_speech(self, cue: Cue, span: tuple[int, int]) -> tuple[int, int]:
        """'said it viewed the move as a breach and said it would heighten tensions', 'said it is committed to the
        formula, while the city's police deny accusations and say …': the span ends before a word that joins
        another finite speech verb to it (speech_verbs.yaml joiners; the farthest within JOINED_WORDS), with no
        finite verb between the two, when that verb reports words of its own (a clause, a direct quote)."""
        a, b = span
        cuts = []
        for c in self.cues:
            if c is cue or not a < c.start < b or c.tok.tag_ not in ("VBD", "VBZ", "VBP") or self.quoted(c.start) or \
                    c.tok.dep_ in ("acl", "acl:relcl") or not (c.quotes or self._own_span(c)):
                continue  # "the letter Mike wrote was kind", "and found a man bleeding": no speech of its own
            joiner = _farthest_joiner(c.tok, a)
            if joiner is not None and not (joiner.lower_ in _joiners()["new_speaker"] and _same_speaker(c, cue)):
                cuts.append(joiner.idx)  # "while the police deny … and say" given the first speaker: misread
            elif joiner is None and (comma := _speaker_after_comma(c, cue, a)) is not None:
                cuts.append(comma)  # "Although X suggested the man was murdered, Y told lawmakers no evidence …"
        cuts += self._joined_requests(a, b)
        cut = self._claim((a, min(cuts))) if cuts else None
        return cut if cut is not None else span

    def _joined_requests(self, a: int, b: int) -> list[int]:
        """'said the deaths were caused by gunshot wounds and called on the government to withdraw …': where a request
        joined to the clause [a, b) goes on with its speaker (`_joined_request`), the joiner before it."""
        span = self.doc.tokens.char_span(a, b, alignment_mode="expand")
        joiners = (_joined_request(t) for t in span or () if not self.quoted(t.idx))
        return [j.idx for j in joiners if j is not None and j.idx > a]

    def _act_span(self, cue: Cue) -> tuple[int, int] | None:
        """'Esper accused China of using coercion …', 'He urged Vietnam to push back', 'The Taliban claimed
        responsibility for shooting down the helicopter': a speech act whose own phrase (speech_verbs.yaml
        act_phrases) holds what was said, no clause after it. The phrase runs from the verb to the end of its
        words, short of a verb joined to it ("… and warned that …": that verb's own) and of a comma."""
        tok = cue.tok
        end = self.sentence(cue.start)[1]
        joined = [c.left_edge.idx for c in tok.children if c.dep_ in ("conj", "cc", "parataxis") and c.i > tok.i]
        comma = _COMMA.search(self.body, cue.end, end)  # not the comma of "5,000"
        end = min([end, *joined, *([comma.start()] if comma else [])])
        return self._claim((cue.start, end))

    def _reported_clause(self, cue: Cue) -> tuple[int, int] | None:
        """The clause a reporting verb reports, as a trimmed character span, if it states something."""
        s, e = self.sentence(cue.start)
        if not cue.reported:
            return self._naming(cue, e) if _base(cue.tok) in _naming_verbs() else None
        if cue.past == ACCORDING:
            return self._claim(self._according_span(cue, s, e))
        if any(c.dep_ == "advmod" and c.lower_ in syntax_words().negators for c in cue.tok.children) or \
                self._sets_the_scene(cue.tok):
            return None  # 'X did not allege that …': nothing is reported
        return self._verb_reports(cue, s, e)

    def _verb_reports(self, cue: Cue, s: int, e: int) -> tuple[int, int] | None:
        """The clause a reporting verb that is not negated reports in its sentence [s, e): its complement after it,
        the headline's claim or the clause after it where the words come after the verb; else the claim fronted
        before it or the parenthetical it is in."""
        tok = cue.tok
        if not self._said_before(cue, e) and not self._speaker_follows(cue):
            comps = [c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i]
            headline = self._headline_claim(cue, s, e)
            if headline is not None:
                return headline
            found = self._claim(self._before_participle(self._run_on(self._past_setting(
                self._complements_span(tok, comps), e), e)), comps[0]) if comps else None
            if found is not None:
                return found if self._finite(found) else None
            after = self._clause_after(tok, e)
            if after is not None:
                return self._claim(self._before_participle(after))
        if _parenthetical_speech(tok) and _predicate_after(tok):
            return self._claim((s, e))  # 'Finding water on Europa, he said, is …': the verb interrupts its clause
        return self._fronted_claimed(cue, s, e) or self._claim(self._parenthetical(cue, s, e)) or \
            self._closing_claim(cue, s)

    def _closing_claim(self, cue: Cue, s: int) -> tuple[int, int] | None:
        """'X happened, a senior official told reporters': the clause before the comma that opens the phrase that
        closes the sentence before its speech verb (`_closing_subject`), however the parse hung the verb, where it holds
        no speech verb of its own ('X told Y that Z, the office said': X's words, passed on)."""
        phrase = self._closing_phrase(cue.tok)
        return self._said_alone((s, phrase.doc[phrase.start - 1].idx)) if phrase is not None else None

    def _fronted_claimed(self, cue: Cue, s: int, e: int) -> tuple[int, int] | None:
        """The fronted claim (`_fronted_claim`) if it states something; a headline's ('Everything in place for an attack
        on Ukraine, France says') may have no verb at all."""
        claim = self._claim(self._fronted_claim(cue, s, e), verb_tags=None if self._headline_verb(cue, s, e) else ())
        return None if claim is not None and self._reported_already(cue, claim) else claim

    def _reported_already(self, cue: Cue, claim: tuple[int, int]) -> bool:
        """'Moscow says Ukraine killed 40 prisoners …, a claim Kyiv denies': a fronted claim that opens with a speech
        verb reporting a clause of its own is that verb's speaker's words; the verb after it reports nothing."""
        a, b = claim
        opening = next((c for c in self.cues if c is not cue and c.past != ACCORDING and c.reported and a <= c.start < b
                        and _finite_verb(c.tok)), None)  # "X was known for telling others …": no report
        return opening is not None and self.doc.words_between(a, opening.start) <= OPENING_SUBJECT_WORDS and \
            self._own_span(opening) is not None

    def _headline_claim(self, cue: Cue, s: int, e: int) -> tuple[int, int] | None:
        """'India says trying to stabilise transactions', 'US says no evidence Russia pulling back', 'Kremlin says
        separatists called on Russia for ‘help’', 'Ukraine says Russian forces fighting' ("say" has no object of its
        own: quotes.yaml clause_verbs): a headline's speech verb (`_headline_verb`) with a clause, a second subject or
        such an object after it reports all the words after it, which may lack an "is", a "there is" or a subject,
        or any verb after "says" ('Zelensky says authorities in contact with defenders', `_verbless_claim`);
        not an order ('tells Y to control …')."""
        tok = cue.tok
        clause_verb = _base(tok) in quoting().clause_verbs
        words = [c for c in tok.children if c.i > tok.i and c.dep_ not in ("punct", "mark")
                 and (c.dep_ not in ("obj", "iobj") or clause_verb)]
        if not any(c.dep_ in HEADLINE_CLAUSE for c in words) or not self._headline_verb(cue, s, e):
            return None
        first = min(words, key=lambda c: c.left_edge.i).left_edge
        if first.tag_ == "TO":
            return None
        verbless = clause_verb and _verbless_claim(self.body[first.idx:e])
        end = _next_act_after_comma(first, e) if verbless else e
        return self._claim(self._before_participle((first.idx, end)), verb_tags=None if verbless else HEADLINE_VERB_TAGS)

    def _headline_verb(self, cue: Cue, s: int, e: int) -> bool:
        """A present speech verb after its subject, in a sentence that ends its line with no stop (a headline;
        quotes.yaml headline_end), or with one where a label and its colon open the line right before the subject
        ('Ukraine news from April 2: Kyiv says Russian forces laying mines.', a live page's headline-style summary;
        quotes.yaml line_label)."""
        tok = cue.tok
        line_end = self.body.find("\n", e)
        subject = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
        if tok.tag_ not in ("VBZ", "VBP") or subject is None or \
                self.body[e:len(self.body) if line_end < 0 else line_end].strip():
            return False
        return not _HEADLINE_END.search(self.body, s, e) or self._labelled_line(subject.left_edge.idx)

    def _labelled_line(self, opening: int) -> bool:
        """Does a label and its colon with no verb of its own (quotes.yaml line_label: 'Ukraine news from April 2: ', not
        'He put it plainly: ') open the line right before `opening`?"""
        line = self.body.rfind("\n", 0, opening) + 1
        if _LINE_LABEL.fullmatch(self.body, line, opening) is None:
            return False
        label = self.doc.tokens.char_span(line, opening, alignment_mode="expand")
        return label is not None and not any(t.pos_ in syntax.VERBS for t in label)

    def _sets_the_scene(self, tok: Token) -> bool:
        """'Announcing the move in a televised address, X said that …': a participle that opens the sentence of
        the speech verb it hangs on, with no clause of its own, reports nothing: the verb after it does."""
        return tok.dep_ in ("csubj", "advcl") and tok.tag_ == "VBG" and tok.i < tok.head.i and \
            self.cue_at(tok.head.i) is not None and not syntax.children(tok, "ccomp")

    def _naming(self, cue: Cue, end: int) -> tuple[int, int] | None:
        """'She called it a nightmare scenario in which every plant can be used like a bomb', 'in what
        Semenov called the worst situation he has seen': the words a naming verb (speech_verbs.yaml
        naming_verbs) gives its object, unquoted, up to a comma, NAMING_WORDS words or more ("called for",
        "called on" name nothing; a quoted name is a direct quote)."""
        if not (syntax.children(cue.tok, "nsubj") or cue.tok.tag_ == "VBG"):
            return None  # "a group called the resistance by its supporters": a name given, no one naming it
        toks = [t for t in cue.tok.doc[cue.tok.i + 1:cue.tok.i + 40] if t.idx < end]
        k = 1 if toks and toks[0].lower_ in NAMED_OBJECTS else 0
        if k >= len(toks) or toks[k].pos_ in ("ADP", "PART", "PUNCT") or toks[k].tag_.startswith("VB"):
            return None
        stop = next((t.idx for t in toks[k:] if t.text in ",;:()"), end)
        a, b = _trim(self.body, toks[k].idx, stop)
        if self.doc.words_between(a, b) < NAMING_WORDS or any(ch in self.body[a:b] for ch in "“”\""):
            return None
        return a, b

    def _run_on(self, span: tuple[int, int], end: int) -> tuple[int, int]:
        """'told him that discussing a trade that included Krasikov would be an item …', the parse ending
        the complement at "included": a clause cut right before a noun phrase that goes on with no mark
        between runs on to the end of its sentence (the parse hung the rest elsewhere)."""
        nxt = self.doc.tokens.char_span(span[1], end, alignment_mode="contract")
        if nxt is None or not len(nxt) or nxt[0].idx != span[1] + 1 or self.quoted(nxt[0].idx):
            return span
        first = nxt[0]
        goes_on = first.pos_ in ("PROPN", "NOUN", "DET", "NUM") or first.tag_ == "MD"  # "until next of kin | could be told"
        return (span[0], end) if goes_on else span

    def _past_setting(self, span: tuple[int, int], end: int) -> tuple[int, int]:
        """'said that to achieve the purchases, he would have to …', 'argue that while every country is bound …, in
        practice there is a gap': a complement that opens, right after "that", with a setting (quotes.yaml
        setting_openers) and that the parse ends at the setting's comma runs on to the end of its sentence, where a
        subject and a finite verb make the clause the setting belongs to."""
        a, b = span
        opener = _THAT_OPENER.match(self.body, a, b)
        comma = _CLOSING_COMMA.match(self.body, b, end)
        if opener is None or opener.group(1).lower() not in quoting().setting_openers or comma is None:
            return span
        rest = self.doc.tokens.char_span(comma.end(), end, alignment_mode="contract")
        if rest is None or not any(t.dep_ in ("nsubj", "nsubj:pass", "expl") for t in rest) or \
                not any(t.tag_ in FINITE_TAGS for t in rest):
            return span
        return a, end

    def _speaker_follows(self, cue: Cue) -> bool:
        """'…, said Ross Burkhart, a scientist who studies trade': a verb after the comma that closes a clause,
        its speaker within a few words after it, reports the clause before it, not the words after it."""
        verb, who = cue.tok, cue.who
        if who is None or not _after_clause_comma(verb):
            return False
        return any(t.idx == who.start for t in verb.doc[verb.i + 1:verb.i + 5])

    def _said_before(self, cue: Cue, end: int) -> bool:
        """'“…,” Blinken said on a day he was to meet Lavrov': a verb after the direct quote it
        attributes reports nothing after it, but a clause after "that" ("…,” he said, and that …")."""
        verb = cue.tok
        return any(self.marks[qi].close <= cue.start and self._plain_gap(self.marks[qi].close, cue.start)
                   and self.doc.words_between(self.marks[qi].close, cue.start) <= 4 for qi in cue.quotes) and \
            not any(_is_that(t) for t in verb.doc[verb.i + 1:verb.i + SETTING_WORDS] if t.idx < end)

    def _finite(self, span: tuple[int, int]) -> bool:
        toks = self.doc.tokens.char_span(*span, alignment_mode="expand")
        return toks is not None and any(t.tag_ in FINITE_TAGS or _past_read_as_participle(t) or _present_read_as_base(t)
                                        for t in toks)

    def _before_participle(self, span: tuple[int, int]) -> tuple[int, int]:
        """'X said Y, adding that Z', 'X said Y, but added Z': the reported clause ends where a set-off
        speech participle or a speech verb joined to the speaker's own begins (Z is that verb's own
        quote), however the parse hung the verb inside the clause."""
        a, b = span
        aside = _WRITER_GOES_ON.search(self.body, a, b)  # '…, but he gave no details': the writer's
        if aside is not None and self.doc.words_between(a, aside.start()) >= 3:
            b = aside.start()
        cut = next((c.tok for c in self.cues if a < c.start < b and c.past != ACCORDING
                    and (_set_off_participle(c.tok) or _speaker_goes_on(c.tok))), None)
        for act in (self._speaker_act(a, b), self._other_act(a, b)):
            if act is not None and (cut is None or act.i < cut.i):
                cut = act
        if cut is None:
            return a, b
        doc = cut.doc
        i = cut.i - 1
        while i > 0 and (doc[i].text in "”\"’'" + "".join(SETTING_OFF) or doc[i].lower_ in quoting().clause_joiners) and doc[i].idx > a:
            i -= 1
        return a, doc[i].idx + len(doc[i])

    def _speaker_act(self, a: int, b: int) -> Token | None:
        """', citing a spike in hostilities', ', blasting the reports as “hysteria”': the first participle in the
        clause, right after a comma, of a verb that is the speaker's own act (quotes.yaml speaker_acts)."""
        toks = self.doc.tokens.char_span(a, b, alignment_mode="contract")
        return next((t for t in toks or [] if t.tag_ == "VBG" and t.i > 0 and t.doc[t.i - 1].text == ","
                     and syntax.is_verb_of(t, quoting().speaker_acts) and not self.quoted(t.idx)), None)

    def _other_act(self, a: int, b: int) -> Token | None:
        """'said it is committed to the formula, while the city's police deny …': the word that opens, right after a
        comma, a clause with its own subject and finite speech verb (quotes.yaml other_act_joiners): another act of
        saying the writer reports, which ends the clause before it."""
        for c in self.cues:
            if not a < c.start < b or c.past == ACCORDING or self.quoted(c.start) or not _own_clause_verb(c.tok):
                continue
            opener = min((k.left_edge for k in c.tok.children if k.dep_ in ("mark", "cc", "nsubj", "nsubj:pass")),
                         key=lambda t: t.i)
            if _joined_after_comma(opener) and opener.idx > a:
                return opener
        return None

    def _according_span(self, cue: Cue, s: int, e: int) -> tuple[int, int] | None:
        """'According to X, …': what follows the comma; '…, according to X': what comes before."""
        if _OPENS_WITH_ACCORDING.match(self.body[s:cue.end + 1]):
            comma = self._source_end(cue, self.body.find(",", cue.end, e), e)
            return (comma + 1, e) if comma > 0 else None
        verb = self._verb_after_source(cue.tok)
        if verb is None:
            return s, cue.start
        first = verb.left_edge
        if first.tag_ in ("WDT", "WP") and first.i > 0 and first.doc[first.i - 1].pos_ in ("NOUN", "PROPN"):
            first = first.doc[first.i - 1].left_edge  # "an incident which, according to X, saw": from the incident
        return max(s, first.idx), verb.right_edge.idx + len(verb.right_edge)

    def _source_end(self, cue: Cue, comma: int, e: int) -> int:
        """The comma that closes a fronted "according to" source: the first after it (`comma`), or the next where the
        words between the two are an aside of the source ('According to a statement by X, Acting Commander of Y, the
        fighters …', 'According to the police and the MSS, a Kenyan-led force, the shots were …'): a few words with no
        finite verb, each hung on the source phrase or on another of them, with the claim's finite verb after them;
        not the claim's own subject ('According to the army, the village, which lies …, was shelled') nor its setting
        ('According to X, shortly before the talks, Y …': a preposition or adverb opens it)."""
        after = self.body.find(",", comma + 1, e) if comma > 0 else -1
        if after < 0 or self.quoted(comma + 1):
            return comma
        aside = self.doc.tokens.char_span(comma + 1, after, alignment_mode="contract")
        rest = self.doc.tokens.char_span(after + 1, e, alignment_mode="contract")
        if aside is None or rest is None or not len(rest) or not 0 < len(aside) <= SOURCE_ASIDE_WORDS or \
                rest[0].tag_ in _NO_CLAIM_OPENERS or aside[0].pos_ in _SETTING_POS or \
                any(t.tag_ in FINITE_TAGS for t in aside) or \
                not any(t.tag_ in FINITE_TAGS for t in rest):
            return comma  # '…, the village, which lies …, was shelled': the aside is the claim's own
        return after if all(cue.tok.i <= t.head.i < aside.end for t in aside) else comma

    @staticmethod
    def _verb_after_source(according: Token) -> Token | None:
        """'a further incident which, according to Russian authorities, saw five troops cross the border', 'The
        army, according to local officials, shelled the village': "according to X" set inside the clause it
        reports, whose verb comes after the source: that verb (its clause is the claim)."""
        source = according.head
        if according.dep_ != "case" or source == according:
            return None
        verb = source.head
        for _ in range(3):
            if verb.pos_ in syntax.VERBS or verb.head == verb:
                break
            verb = verb.head
        return verb if verb.pos_ in syntax.VERBS and verb.i > source.i else None

    def _complements_span(self, verb: Token, comps: list[Token]) -> tuple[int, int]:
        """The verb's clausal complement; 'said the most likely reason residents are refusing to leave is fear',
        parsed as two complements with nothing between them: both, as one clause."""
        a, b = self._complement_span(verb, comps[0])
        for c in comps[1:]:
            c_a, c_b = self._complement_span(verb, c)
            if self.body[b:c_a].strip(" \u00a0") or self.body[a:b].rstrip().endswith(",") or \
                    self.body[c_a:c_a + 1] in (",", ";"):
                break  # "said A, and B", "said A, which is required for B": a clause of its own
            b = c_b
        return a, b

    @staticmethod
    def _complement_span(verb: Token, clause: Token) -> tuple[int, int]:
        """The verb's clausal complement; "told the audience that …": from after "that", the listener
        being no part of it."""
        toks = list(clause.subtree)
        a = toks[0].idx
        that = next((t for t in toks if _is_that(t) and t.i > toks[0].i), None)
        listener = syntax.is_verb_of(verb, speech_words("object_verbs"))
        if that is not None and (toks[0].pos_ == "ADP" or listener) and \
                (not any(t.pos_ in syntax.VERBS for t in toks if t.i < that.i) or listener and that.dep_ == "mark"):
            # 'said during a news conference in Kyiv that …': the setting is no part; 'told a few thousand
            # teachers who covered the lawn that …': nor the listener, whatever clause describes them
            a = that.idx + len(that)
        return a, toks[-1].idx + len(toks[-1])

    def _fronted_claim(self, cue: Cue, s: int, e: int) -> tuple[int, int] | None:
        """'X happened, officials said (on Monday)': the verb closes its sentence and a comma sets off
        the short subject before it, whatever the parse made of the pair; 'X happened, said Maksym
        Shevchuck, the deputy head of …': the rest of the sentence names the speaker."""
        if cue.tok.dep_ == "acl" or _adverbial_opening(cue.tok, s):
            return None  # 'with nine witnesses testifying', 'When the shelling started, the mayor said': no claim
        return self._claim_before(cue, s, e)

    def _claim_before(self, cue: Cue, s: int, e: int) -> tuple[int, int] | None:
        """The clause before the comma that sets off the verb and its short subject (`_fronted_claim`)."""
        tok = cue.tok
        subject = _subject_words(tok)
        rest = _up_to_comma([t for t in _tokens_before(tok.doc, tok.i + 1, e) if t.i not in subject])
        speaker = _speaker_phrase(tok, rest, cue.who)
        if speaker is not None and _after_clause_comma(tok):
            rest = []  # the speaker (with their title) comes right after the verb: what follows describes them
        if any(t.pos_ in syntax.VERBS or _is_that(t) for t in rest):
            return None
        objects = [o for o in syntax.children(tok, "obj") if not self.in_time(o.idx)]  # not "announced Monday"
        if speaker is None and (objects or _misread_past_verb(tok)) and _base(tok) not in _object_verbs() and \
                not _inverted_after_comma(tok):
            return None  # 'X happened, and the government has promised tougher action': the verb has its object
        comma = self._claim_comma(cue, s)
        if comma is None:
            return None
        closing = next((q.close for q in self.doubles if q.open <= comma < q.close), comma)
        return s, closing  # with the mark that closes a quoted term

    def _claim_comma(self, cue: Cue, s: int) -> int | None:
        """The comma that ends the fronted claim: the last before the verb, with a short subject after
        it, or the last before the speaker when an aside follows them ('“…,” X, a fellow at Y, said')."""
        comma = self.body.rfind(",", s, cue.tok.idx)
        if comma <= s or self.doc.words_between(comma, cue.tok.idx) > 8 and not _only_subject(cue.tok, comma) and \
                not _titled_name_only(cue, comma) or \
                self._quoted_inside(comma) or \
                self.first_word(comma + 1, cue.tok.idx, spaces=True) in quoting().clause_joiners:
            return None  # 'X took over, and Vindman reported to him': a clause of its own, no subject of X
        who = cue.who
        if who is not None and s < who.start < comma:
            comma = self.body.rfind(",", s, who.start)  # not the speaker's aside
            if comma <= s or self._quoted_inside(comma):
                return None
        quote = max((q for q in self.doubles if s < q.close <= comma), key=lambda q: q.close, default=None)
        if who is None and quote is not None and self.body[quote.close:comma].strip():
            return quote.close - 1  # '“…,” Kiruna Robotics, a maker of rockets, said': the quote, whoever said it
        return comma

    def _parenthetical(self, cue: Cue, s: int, e: int) -> tuple[int, int] | None:
        """'The war in Gaza, he told CNN, has prodded the factions to unite': a speech verb set off by commas
        inside the clause it reports, between its subject and its verb; the whole sentence is the claim."""
        tok = cue.tok
        opening = self.body.rfind(",", s, tok.idx)
        if opening <= s or self.doc.words_between(opening, tok.idx) > 4 or self.quoted(opening):
            return None
        subject = self.doc.tokens.char_span(s, opening, alignment_mode="expand")
        if subject is None or self.doc.words_between(s, opening) < 2 or any(t.tag_ in FINITE_TAGS for t in subject):
            return None
        after = [t for t in tok.doc[tok.i + 1:tok.i + 8] if t.idx < e]
        closing = next((j for j, t in enumerate(after) if t.text == ","), None)
        if closing is None or closing + 1 >= len(after) or after[closing + 1].tag_ not in FINITE_TAGS:
            return None
        return s, e

    def _quoted_inside(self, pos: int) -> bool:
        """Inside a double quote, other than the comma that closes a quoted term ('is “indispensable,” X
        said', '“terrorist infrastructure,” the statement said')."""
        q = next((q for q in self.doubles if q.open <= pos < q.close), None)
        return q is not None and not (self.body[pos] == "," and not self.body[pos + 1:q.inner_end].strip())

    def _clause_after(self, verb: Token, end: int) -> tuple[int, int] | None:
        """'said its fighters had killed ...', 'told reporters the delegation had left': a finite clause
        right after the verb (past a "that" or the listener), however the parse attached it."""
        # "told reporters", "told the audience"; "made it clear", "raised the alarm"
        listener = _listener().match(self.body, verb.idx + len(verb), end) or _phrase_object(verb, self.body)
        skip_to = listener.end() if listener else verb.idx + len(verb)
        toks = self._past_listener_and_time(verb, [t for t in verb.doc[verb.i + 1:verb.i + 40] if skip_to <= t.idx < end])
        if _hung_on_clause_after(verb, toks):
            toks = toks[1:]  # 'At current rates, X said, there will be …': the clause past the comma
        k = _past_setting(toks)
        if k is None:
            return None
        while k < len(toks) and (toks[k].pos_ in ("ADV", "PART") and toks[k].head.i == verb.i or _is_that(toks[k])):
            k += 1
        return self._clause_from(verb, toks, k, end)

    def _clause_from(self, verb: Token, toks: list[Token], k: int, end: int) -> tuple[int, int] | None:
        """The clause the words `toks[k:]` after a speech verb open, up to `end`: none where they are quoted, open
        no content or name the speaker."""
        rest = toks[k:]
        if not rest or self.quoted(rest[0].idx):
            return None
        after_that = k > 0 and _is_that(toks[k - 1])  # 'said that at first its fighters had …'
        if not after_that and _opens_no_content(verb, rest[0]) and not _opens_number(rest):
            return None
        if self._speaker_words(verb, rest[0]):
            return None  # '…,” said Safadi, who lives …': the speaker, not what was said
        return (rest[0].idx, end) if _opens_clause(verb, rest, after_that) else None

    def _speaker_words(self, verb: Token, first: Token) -> bool:
        """Do the words after the verb (from `first`) name its speaker ('…,” said Safadi, who lives …')? A second
        subject the parse gave a verb that has its own before it ('Biden says threat of invasion is high') opens the
        clause reported."""
        if first.i in _subject_words(verb):
            return not any(c.dep_ in ("nsubj", "nsubj:pass") and c.i < verb.i for c in verb.children)
        return self._speaker_at(verb, first.idx)

    def _speaker_at(self, verb: Token, pos: int) -> bool:
        """Does the resolved speaker of this verb start at `pos`?"""
        cue = self.cue_at(verb.i)
        if cue is None or cue.who is None:
            return False
        surname = cue.who.name.split()[-1] if cue.who.name.split() else ""
        return cue.who.start == pos or bool(surname) and self.body.startswith(surname, pos)  # "said Safadi, who"

    def _past_listener_and_time(self, verb: Token, toks: list[Token]) -> list[Token]:
        """The words after a speech verb without the listener it names ("told CNN", "warned citizens")
        and a date ("said Monday"), when a "that" or a comma follows them."""
        opening = _clause_on_listener(verb)
        k = self._listener_end(verb, toks, opening)
        if opening is not None and 0 < k < len(toks) and toks[k].i == opening.i:
            return toks[k:]  # 'told doctors he ate the meat': the listener, then the clause
        if 0 < k < len(toks) and _is_that(toks[k], or_comma=True):
            return toks[k + 1:] if toks[k].text == "," else toks[k:]
        if len(toks) > 1 and toks[0].text == "," and _is_that(toks[1]):
            return toks[1:]  # '…, a message to that country, Psaki said, that it cannot continue'
        if k and all(t.is_punct for t in toks[k:]) and _base(verb) in _object_verbs():
            # 'told a few thousand teachers who covered the lawn that …': the listener's phrase holds the clause
            mark = next((j for j, t in enumerate(toks) if _is_that(t) and t.dep_ == "mark"), None)
            return toks[mark:] if mark is not None else toks
        return toks

    def _listener_end(self, verb: Token, toks: list[Token], opening: Token | None) -> int:
        """How many of `toks` the verb's listener (its object, up to a clause `opening` on it) and dates take."""
        skip = {t.i for c in syntax.children(verb, "obj", "iobj") for t in c.subtree if opening is None or t.i < opening.i}
        k = 0
        while k < len(toks) and (toks[k].i in skip or self.in_time(toks[k].idx)):
            k += 1
        return k

    def in_time(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.times)

    def first_word(self, a: int, b: int, spaces: bool = False) -> str:
        """The word that opens the text from `a` to `b` (after its spaces, with `spaces`), lower case, from the
        Doc's tokens (document.words_near: "don't" one word), or "" where a mark opens it."""
        words = words_near(self.doc.tokens, a, b, "'’_")
        if not words:
            return ""
        (start, end), opening = words[0], self.body[a:words[0][0]]
        return "" if opening and not (spaces and opening.isspace()) else self.body[start:end].lower()

    def _opens_condition(self, a: int, b: int) -> bool:
        """'said if Patrick can get his message out, he's someone voters could see winning', 'said whether Trump
        agrees depends on …': the question word opens a clause that a verb later in the span governs (a condition,
        a subject), so the span states that verb's claim; "asked whether …" reports the question itself; right
        after "that", an "if" opens a setting (quotes.yaml setting_openers), never a question."""
        if self.first_word(a, b) in quoting().setting_openers and \
                _AFTER_THAT.search(self.body, max(0, a - 12), a):
            return True  # 'said that if the talks fail, the army would …': a setting (no question) follows "that"
        span = self.doc.tokens.char_span(a, b, alignment_mode="expand")
        if span is None or not len(span) or span[0].dep_ != "mark":
            return False
        clause = span[0].head
        return clause.dep_ in ("advcl", "csubj") and a <= clause.head.idx < b and \
            clause.head.i > clause.i

    def _claim(self, span: tuple[int, int] | None, clause: Token | None = None,
               verb_tags: tuple[str, ...] | None = ()) -> tuple[int, int] | None:
        """The trimmed span, if it states something: three words or more (a headline's subject and verb may be two), no
        question, a verb in it (or a word of `verb_tags`: a headline's participle the parse read as an adjective, "959
        fighters surrendered"; None: no verb needed, as a headline's claim before ", X says" needs none)."""
        if span is None:
            return None
        a, b = _short_of_page_stamp(self.body, *_trim(self.body, *span))
        if self.doc.words_between(a, b) < 3 and not (verb_tags and self._bare_clause(a, b)) or self._asks(a, b):
            return None
        if clause is not None and not _states(clause):
            return None
        span_toks = self.doc.tokens.char_span(a, b, alignment_mode="expand")
        if span_toks is None or verb_tags is not None and not any(
                t.pos_ in syntax.VERBS or t.tag_ in verb_tags or _root_read_as_plural(t) for t in span_toks):
            return None
        return a, b

    def _asks(self, a: int, b: int) -> bool:
        """"explained why …", "asked whether …": a question, not a claim; a question word that opens a condition or a
        subject a later verb governs asks none (`_opens_condition`)."""
        return self.body[a:b].rstrip().endswith("?") or \
            self.first_word(a, b) in quoting().question_words and not self._opens_condition(a, b)

    def _bare_clause(self, a: int, b: int) -> bool:
        """'Zelenskyy says Russia ‘panicking’': two words that are a subject and its verb (a headline's participle with
        its "is" dropped) state something, as a longer claim does ("says so" does not)."""
        toks = [t for t in self.doc.tokens.char_span(a, b, alignment_mode="expand") or () if not t.is_punct]
        if len(toks) != 2 or toks[0].pos_ not in ("NOUN", "PROPN", "PRON") or toks[1].pos_ not in syntax.VERBS:
            return False
        subject, verb = toks  # the parse may hang both on the speech verb, as its object and a complement
        return subject.head.i == verb.i and subject.dep_ in ("nsubj", "nsubj:pass") or subject.head.i == verb.head.i


def _speaks_for_itself(who: Who) -> bool:
    """A closing attribution that says the claim: one named (a person, an actor the entities know) or a person's role
    ("- CIA director"), not a credit of a source that passes words on ("— agency") nor a nameless one."""
    words = who.name.lower().split()
    return not who.nameless and (who.person or who.id is not None or who.actor is not None
                                 or (bool(words) and words[-1] in role_nouns()))


def _short_of_page_stamp(body: str, a: int, b: int) -> tuple[int, int]:
    """The trimmed span [a, b) up to a page's stamp or an outlet's credit in it (quotes.yaml page_stamp: '… with Putin
    (19.08.22 12:59) « World | Censor.NET'), furniture no claim runs over."""
    stamp = _PAGE_STAMP.search(body, a, b)
    return (a, b) if stamp is None else _trim(body, a, stamp.start())


def _speaker_phrase(verb: Token, rest: list[Token], who: Who | None) -> Token | None:
    """'…, said The We Company's recently named executive chair Marcelo Claure in an email': the phrase of the
    verb that opens what follows it and holds the speaker's name (the name itself or the head of its title
    words); None when the words right after the verb are no speaker's."""
    if who is None or not rest or not rest[0].idx <= who.start <= rest[-1].idx:
        return None
    tok = next((t for t in rest if t.idx >= who.start), rest[0])
    while tok.head.i not in (verb.i, tok.i):
        tok = tok.head
    return tok if tok.head.i == verb.i and tok.left_edge.i == rest[0].i else None


def _inverted_after_comma(verb: Token) -> bool:
    """'…, underlined the French presidency.': a verb right after a comma, with no subject, whose object closes
    the sentence is inverted: the "object" is the speaker ("…, and the government promised action" has one)."""
    objects = syntax.children(verb, "obj")
    if verb.i == 0 or verb.doc[verb.i - 1].text != "," or syntax.children(verb, "nsubj", "nsubj:pass") or not objects:
        return False
    end = objects[-1].right_edge.i + 1
    return end >= verb.sent.end or all(t.is_punct or t.is_space for t in verb.doc[end:verb.sent.end])


def _opens_clause(verb: Token, rest: list[Token], after_that: bool) -> bool:
    """Do the words after the verb open a clause it reports: a finite verb within CLAUSE_VERB_WITHIN
    words, and (with no "that" before them) not only the verb's noun object ('claimed victory as the
    House concluded', 'maintain a stance and avoid criticism that he is caving')?"""
    finite = next((t for t in rest[1:CLAUSE_VERB_WITHIN] if t.tag_ in FINITE_TAGS or _past_read_as_participle(t)
                   or _past_read_as_reduced_relative(verb, t) or _plural_read_for_verb(t) or _present_read_as_base(t)),
                  None)
    return finite is not None and (after_that or _plural_read_for_verb(finite) or
                                   not _object_not_clause(verb, rest, finite))


def _present_read_as_base(tok: Token) -> bool:
    """'said that Russian troops now control almost 20%', "control" tagged a base form: a base-form verb with a subject
    of its own and no auxiliary or "to" before it is a present verb."""
    return tok.tag_ == "VB" and any(c.dep_ in ("nsubj", "nsubj:pass") and c.i < tok.i for c in tok.children) and \
        not any(c.dep_ in ("aux", "aux:pass", "mark") and c.i < tok.i and c.tag_ in ("MD", "TO", "VB", "VBD", "VBZ", "VBP")
                for c in tok.children)


def _plural_read_for_verb(tok: Token) -> bool:
    """'said the case highlights that rights carry duties', "highlights" tagged a plural noun: an -s word right after a
    singular noun its determiner opens and right before a "that" no verb follows (not "the company reports that were
    published") is the clause's verb in the present."""
    doc, i = tok.doc, tok.i
    if tok.tag_ != "NNS" or not tok.is_lower or i < 2 or i + 2 >= len(doc) or not _is_that(doc[i + 1]):
        return False
    return doc[i - 1].tag_ == "NN" and doc[i - 2].tag_ in ("DT", "PRP$") and \
        not (doc[i + 2].tag_.startswith("VB") or doc[i + 2].tag_ == "MD")


def _root_read_as_plural(tok: Token) -> bool:
    """'According to the Pentagon, the base serves as an outpost', "serves" tagged a plural noun and made the root:
    an -s word after a singular noun its determiner opens and before a preposition, the sentence having no verb,
    is the clause's verb in the present."""
    doc, i = tok.doc, tok.i
    if tok.tag_ != "NNS" or tok.dep_ != "ROOT" or not tok.is_lower or i < 2 or i + 1 >= len(doc):
        return False
    return doc[i - 1].tag_ == "NN" and doc[i - 2].tag_ in ("DT", "PRP$") and doc[i + 1].pos_ == "ADP" and \
        not any(t.pos_ in syntax.VERBS and t.dep_ != "case" for t in tok.sent)  # "according" is no verb


def _past_read_as_reduced_relative(verb: Token, tok: Token) -> bool:
    """'The spokesman said the rebels fired on the town', parsed as "the rebels (who were) fired on": after a verb
    that reports only clauses (quotes.yaml clause_verbs), a past form hung on the noun right before it, with no
    auxiliary, agent ("by …"), subject or marker of its own, is that noun's past verb."""
    if _base(verb) not in quoting().clause_verbs or tok.dep_ != "acl" or tok.tag_ not in ("VBN", "VBD") or \
            tok.head.i != tok.i - 1 or not tok.is_lower:
        return False
    return not any(c.dep_ in ("aux", "aux:pass", "obl:agent", "nsubj", "nsubj:pass", "mark") or
                   syntax.case_of(c) in syntax_words().agent_preps for c in tok.children)


def _object_not_clause(verb: Token, rest: list[Token], finite: Token) -> bool:
    """The words after the verb open its noun object, and their first finite verb lies inside that
    object, in a clause of a noun, in a clause the verb does not govern as its complement (joined to
    it, adverbial, or under another verb), or opens an adverbial clause; "alleged Al-Ghoul was a
    member", read with the name as the object, keeps its clause, and so do verbs whose object is what
    they report ("reported an increasing tendency …", speech_verbs.yaml content_objects)."""
    objects = [{t.i for t in c.subtree} for c in syntax.children(verb, "obj")
               if not syntax.children(c, "nsubj", "cop")]  # 'alleged Al-Ghoul was a member': a clause
    inside = next((o for o in objects if rest[0].i in o), None)
    if inside is None or _base(verb) in _object_verbs() or _base(verb) in _content_objects():
        return False
    if finite.i == max(inside) + 1:
        return False  # 'suggested the rebels could hold', 'insist his tactics will be': the object is its subject
    first = next((t for t in rest[1:CLAUSE_VERB_WITHIN] if t.tag_.startswith("VB")), None)
    if first is not None and _predicate_read_as_modifier(first):
        return False  # 'added the circumstances of the deaths remained unclear', 'said the talks stalled'
    head = finite if finite.pos_ == "VERB" else finite.head
    return _not_complement(verb, head)


def _not_complement(verb: Token, head: Token) -> bool:
    """A clause (its verb `head`) that is no complement of the speech verb."""
    top = _branch_under(verb, head)
    if top is None:
        return _branch_under(head, verb) is None  # 'the army alleged Holm was a member', rooted at "member": a clause
    return top.dep_ in ("obj", "conj", "advcl", "obl") or head.dep_ in ("acl", "acl:relcl") \
        or any(c.dep_ == "mark" and not _is_that(c) for c in head.children)


def _predicate_read_as_modifier(tok: Token) -> bool:
    """'the circumstances of the deaths remained unclear', 'the talks stalled over …': a past or present
    verb the parse hung on the noun before it as a modifier, with no subject, object or relative word of
    its own: the predicate whose subject that noun is ("the soldiers checking": a participle, no clause)."""
    if tok.dep_ not in ("acl", "acl:relcl") or tok.tag_ not in ("VBD", "VBN", "VBZ", "VBP"):
        return False
    if _object_after_noun(tok) and not any(c.dep_ in ("aux", "aux:pass", "cop") for c in tok.children):
        return True  # 'said the strike targeted a commander'
    return not any(c.dep_ in ("nsubj", "nsubj:pass", "mark", "obj") or c.tag_ in ("WDT", "WP") for c in tok.children)


def _branch_under(verb: Token, tok: Token) -> Token | None:
    """The child of `verb` whose subtree holds `tok`, or None when the verb does not govern it."""
    for _ in range(20):
        if tok.head.i == verb.i and tok.i != verb.i:
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


@lru_cache(maxsize=1)
def _naming_verbs() -> frozenset[str]:
    return frozenset(str(v) for v in coref.speech_lexicon().get("naming_verbs") or [])


@lru_cache(maxsize=1)
def _content_objects() -> frozenset[str]:
    return frozenset(str(v) for v in coref.speech_lexicon().get("content_objects") or [])


def _subject_of_apposition(subj: Token) -> Token | None:
    """'Channels associated with the Wagner group, a private military contractor …, said', parsed as
    "Channels [are] a contractor": the noun phrase before the comma, whose apposition the parse made
    a predicate with its own subject."""
    det = next((c for c in subj.children if c.dep_ == "det" and c.lower_ in names().indefinite_articles), None)
    inner = next((c for c in subj.children if c.dep_ == "nsubj" and c.i < subj.i), None)
    if det is None or inner is None:
        return None
    comma = subj.doc[det.i - 1]  # the parse may hang the comma on either side
    return inner if comma.text == "," and inner.right_edge.i in (comma.i - 1, comma.i) else None


def _after_clause_comma(verb: Token) -> bool:
    """'It was dangerous, said Maksym Shevchuck': a subjectless speech verb between a comma and a name
    (a quote whose marks the copy lost), or after the comma and mark that close a quote ('…,” said Will
    Tjernlund', the given name read as a modal)."""
    if not _set_off_by_comma(verb) or verb.tag_ == "VBG":
        return False  # "…, accusing the company of …": a participle has its object after it, never its speaker
    name = _name_right_after(verb)
    if not (name.pos_ == "PROPN" or name.tag_ == "NNP" or _described_closing(verb)) or \
            _base(verb) in (coref.speech_lexicon().get("object_verbs") or {}):
        return False  # "…, told CNN": the listener
    while name.dep_ in ("flat", "compound") and name.head.i > name.i:
        name = name.head
    return not (name.dep_.startswith("nsubj") and name.head.i != verb.i) or _apposed_description(name)


def _set_off_by_comma(verb: Token) -> bool:
    """A verb right after a comma, or after the comma and the marks that close a quote ('…,” said'), with a word after
    it: where an inverted verb's speaker may follow (`_after_clause_comma`, `_described_closing`)."""
    i = verb.i - 1
    while i > 0 and verb.doc[i].text in _CLOSING_MARKS:
        i -= 1
    return 0 < verb.i < len(verb.doc) - 1 and verb.doc[i].text.endswith(",")


def _name_right_after(verb: Token) -> Token:
    """The word after the verb, or the name its title words or article lead to: '…, said executive chair Marcelo
    Claure', '…, says the World Health Organization', '…, said another witness, Fiona Hill' (the apposed name)."""
    name = verb.doc[verb.i + 1]
    if name.is_lower and name.dep_ in ("nmod:desc", "compound", "amod"):
        return right_nominal(verb, verb.sent.end) or name
    if name.dep_ != "det":
        return name
    described = right_nominal(verb, verb.sent.end) or name
    if described.pos_ == "PROPN":
        return described
    return next((a for a in described.children if a.dep_ == "appos" and a.pos_ == "PROPN"), name)


def _described_closing(verb: Token) -> bool:
    """'…, said a presidential spokesman.', '…, said the minister.', '…, says U.S. official': a noun phrase right after
    the verb that closes the sentence is the one who speaks, whether the parse made it the verb's object, a complement
    or a second subject beside the clause before the comma."""
    if not _set_off_by_comma(verb):
        return False
    first = verb.doc[verb.i + 1]
    head = first.head if first.head.i > first.i else first  # "the minister", "U.S. official" (no article)
    if head.head.i != verb.i or head.pos_ != "NOUN" or head.left_edge.i != first.i or head.dep_ not in _SPEAKER_DEPS:
        return False  # not "…, said last week." (a time, no speaker)
    return all(t.is_punct or t.is_space for t in verb.doc[head.right_edge.i + 1:verb.sent.end])


def _apposed_description(name: Token) -> bool:
    """"…, said Moldova was ready" has the name subject of a clause; "…, said Ross Burkhart, a political scientist
    who studies trade", however the parse read "trade", has a description apposed after the name: the speaker."""
    doc = name.doc
    return name.i + 2 < len(doc) and doc[name.i + 1].text == "," and doc[name.i + 2].lower_ in names().articles


def _set_off_participle(verb: Token) -> bool:
    """'…, adding that', '… – adding', '…,” claiming': a participle that punctuation sets off, which goes
    on with the speaker's own words ("when denying" is part of the clause before)."""
    if verb.tag_ != "VBG":
        return False
    i = verb.i - 1
    while i >= 0 and verb.doc[i].text in "”\"’'":
        i -= 1
    return i >= 0 and (verb.doc[i].text in SETTING_OFF or verb.doc[i].text.endswith(","))


def _speaker_goes_on(verb: Token) -> bool:
    """'…, but added', '…, and warned': a finite speech verb with no subject of its own after "but" or a
    comma and "and": the speaker of the verb before goes on."""
    if verb.tag_ not in ("VBD", "VBZ") or syntax.children(verb, "nsubj", "nsubj:pass") or verb.i < 2:
        return False
    cc, before = verb.doc[verb.i - 1], verb.doc[verb.i - 2]
    joiners = quoting()
    return cc.lower_ in joiners.contrast_joiners or cc.lower_ in joiners.clause_joiners and before.text == ","


_RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})  # "who", "which", "whose": a relative clause of the listener's own


def _clause_on_listener(verb: Token) -> Token | None:
    """'told doctors he ate the meat', 'told the court the car had left': a verb that names its listener
    (speech_verbs.yaml object_verbs) whose reported clause the parse hung on the listener as a relative clause with no
    relative word, its subject right after the listener's noun: the first word of that clause ("he", "the")."""
    if _base(verb) not in _object_verbs():
        return None
    for listener in syntax.children(verb, "obj", "iobj"):
        for clause in (c for c in listener.children if c.dep_ == "acl:relcl" and c.i > listener.i):
            subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubj:pass", "expl")), None)
            if subject is not None and subject.left_edge.i == listener.i + 1 and \
                    not {subject.left_edge.tag_, subject.tag_} & _RELATIVE_TAGS:
                return subject.left_edge
    return None


def _head_before_modifier(phrase: Span) -> Token | None:
    """'…, a person familiar with the matter said', '…, a second person briefed on the call said': in a subject
    phrase whose last noun sits in a prepositional phrase, the noun the modifier follows (the parse may make
    "matter" the subject); None when the phrase has no preposition ("state media", "one Washington-based expert")."""
    if not any(t.pos_ == "ADP" for t in phrase):
        return None
    head = None
    for t in phrase:
        if t.pos_ in ("NOUN", "PROPN") or t.tag_ == "POS":
            head = t if t.tag_ != "POS" else None
        elif head is not None or t.pos_ not in ("DET", "ADJ", "NUM"):
            break
    return head


def _up_to_comma(toks: list[Token]) -> list[Token]:
    """The words after a verb that closes its clause, up to a comma that sets off what follows
    ("…, officials said, in an attack that …", "…, officials said, adding that …")."""
    k = next((j for j, t in enumerate(toks) if t.text == ","), None)
    if k is None or any(t.text in ":“\"" for t in toks[:k]):
        return toks  # 'X said: “…, …”': the verb goes on with its words
    return toks[:k]


@lru_cache(maxsize=1)
def _object_verbs() -> frozenset[str]:
    """Speech verbs whose object is the listener ("told CNN"), not what was said."""
    return frozenset(str(v) for v in (coref.speech_lexicon().get("object_verbs") or {}))


def _tokens_from(doc: Doc, start_char: int, end_char: int) -> list[Token]:
    """The tokens that begin at or after character `start_char` and before `end_char`, found by their offsets (issue 11):
    a walk from the body's first token made a Token of every word before the sentence, each time a speech verb asked."""
    return _tokens_before(doc, bisect_left(token_offsets(doc)[0], start_char), end_char)


def _tokens_before(doc: Doc, start: int, end_char: int) -> list[Token]:
    """The tokens from index `start` on that begin before character `end_char` (read no further than that), the last
    one found by bisection of the tokens' starts (no Token made of the one past it)."""
    return [doc[i] for i in range(start, bisect_left(token_offsets(doc)[0], end_char, start))]


def _reporter_above(cue: Cue, by_token: dict[int, Cue]) -> Cue:
    """'The minister said the army had reported heavy losses, saying the front would hold': a set-off participle the
    parse hung on a speech verb inside another's reported clause goes on from the outer speaker, who reports the
    inner one (the minister says the front would hold, not the army)."""
    node = cue.tok
    for _ in range(4):
        if node.dep_ not in ("ccomp", "conj") or node.head == node:
            break
        node = node.head
        outer = by_token.get(node.i)
        if outer is not None and outer.past != ACCORDING and outer.who is not None:
            return outer
    return cue


def _hung_on_clause_after(verb: Token, toks: list[Token]) -> bool:
    """'At current rates, Bridenstine said, there will be three rockets', 'On Monday, the minister said, the army shelled
    the town': a speech verb set off by a comma after it (the words `toks` after the verb open with that comma), with
    its subject before it, which the parse hung as an adverbial or a side clause on the finite verb after the comma:
    the verb interrupts the clause it reports, as "…, he said, is …" does after a subject. Not a setting's verb that a
    mark opens ('Before the minister spoke, …')."""
    if len(toks) < 2 or toks[0].text != "," or not _parenthetical_speech(verb):
        return False
    head = verb.head
    return head.i > toks[0].i and _finite_verb(head) and \
        bool(syntax.children(head, "nsubj", "nsubj:pass"))


def _parenthetical_speech(verb: Token) -> bool:
    """A speech verb with its subject before it and no mark of a setting ('Before X said …'), hung by the parse as an
    adverbial or a side clause on a word after it: a verb set off inside the clause it reports."""
    return verb.dep_ in ("advcl", "parataxis") and verb.head.i > verb.i and \
        bool(syntax.children(verb, "nsubj", "nsubj:pass")) and not any(c.dep_ == "mark" for c in verb.children)


def _predicate_after(verb: Token) -> bool:
    """'Finding water vapor on Europa, he said, is the “next best thing”': the word the parenthetical speech verb hangs
    on opens, right after the verb's closing comma, a finite predicate (a finite verb, or a finite copula or auxiliary
    first) with no subject of its own: its subject is the words before the verb."""
    head = verb.head
    comma = verb.i + 1
    if comma >= len(verb.doc) or verb.doc[comma].text != "," or syntax.children(head, "nsubj", "nsubj:pass", "expl"):
        return False
    first = next((t for t in verb.doc[comma + 1:head.i + 1] if not t.is_punct), None)
    return first is not None and first.tag_ in FINITE_TAGS and (first.i == head.i or first.head.i == head.i)


def _opens_no_content(verb: Token, first: Token) -> bool:
    """With no "that" after the verb: 'what he declared when Russia invaded' (an adverbial clause, not what was
    said); 'the third witness testifying Tuesday who listened in' (a participle describing a noun, not a document,
    reports a clause only after "that")."""
    return first.pos_ not in ("DET", "PRON", "PROPN", "NOUN", "NUM", "ADJ", "ADV") or first.tag_ == "WRB" or \
        verb.dep_ == "acl" and verb.tag_ == "VBG" and not is_document(verb.head)


def _in_setting(verb: Token) -> bool:
    """'before George R.R. Martin wrote A Song of Ice and Fire, Ford created …', 'Even if Ford had found a larger
    audience, …': a speech verb that a setting's word opens (quotes.yaml setting_openers; not an aside's "as", which
    reports: "As Reuters reported, …") is the setting's verb: the clause past the comma that closes the setting is the
    sentence's own, not what the verb reports, however the parse hung the two."""
    words = quoting().setting_openers - quoting().aside_marks
    return any(c.dep_ == "mark" and c.i < verb.i and c.lower_ in words for c in verb.children)


def _spaced_dash(tok: Token) -> bool:
    """A dash with a space before it ('plan - Stoltenberg', 'plan — Stoltenberg'), not a hyphen inside a word."""
    return tok.text in DASHES and tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_)


def _subject_after(doc: Doc, pos: int) -> bool:
    """Does a subject open right after `pos` (past adverbs and commas: ', though, his health problems would …'), not a
    relative pronoun ('the attack, which killed 12 people, was …')?"""
    tok = next((t for t in doc if t.idx >= pos and not (t.is_punct or t.pos_ == "ADV")), None)
    while tok is not None and tok.dep_ in _NOUN_PHRASE_DEPS and tok.head.i > tok.i:
        tok = tok.head
    return tok is not None and tok.dep_ in ("nsubj", "nsubj:pass") and not tok.tag_.startswith("W")


def _adverbial_opening(verb: Token, s: int) -> bool:
    """'When the shelling started, the mayor said', 'As the charges were unsealed, X testified before the Senate': the
    sentence opens with a subordinating word whose clause the parse hangs on the verb as an adverbial and which runs up
    to the verb's subject: a setting in time or cause, not what was said."""
    first = next((t for t in verb.sent if t.idx >= s and not t.is_punct and not t.is_space), None)
    if first is None or first.dep_ != "mark" or first.head.dep_ != "advcl" or first.head.head.i != verb.i:
        return False
    clause = first.head
    comma = next((t.i for t in verb.doc[clause.left_edge.i:clause.right_edge.i] if t.text == ","), None)
    if comma is not None and any(t.dep_.startswith("nsubj") for t in verb.doc[comma:clause.right_edge.i + 1]):
        return False  # 'While X, the greenback may be weak, said Y': the parse hung the claim inside the setting
    after = next((t for t in verb.doc[clause.right_edge.i + 1:verb.i + 1] if not t.is_punct), verb)
    return after.i == verb.i or after.i in _subject_words(verb)


def _only_subject(verb: Token, comma: int) -> bool:
    """'X happened, the U.S. Attorney's Office for the Western District of New York said': every word between
    the comma and the verb is the verb's subject (its phrase, however long, up to SETTING_WORDS words)."""
    subject = _subject_words(verb)
    between = [t for t in _tokens_from(verb.doc, comma + 1, verb.idx) if not t.is_punct]
    return bool(subject) and len(between) <= SETTING_WORDS and all(t.i in subject or t.dep_ == "advmod"
                                                                    for t in between)


def _titled_name_only(cue: Cue, comma: int) -> bool:
    """'…, EU High Representative for Foreign Affairs and Security Policy Josep Borrell has said': the words between the
    comma and the verb are a title closed by the name of the person who speaks, however the parse hung them (no verb
    among them; up to SETTING_WORDS words)."""
    verb, who = cue.tok, cue.who
    between = [t for t in _tokens_from(verb.doc, comma + 1, verb.idx) if not t.is_punct]
    named = [t for t in between if not (t.head.i == verb.i and t.dep_ in ("aux", "advmod"))]
    if who is None or not who.person or not named or len(between) > SETTING_WORDS:
        return False
    return all(t.pos_ not in ("VERB", "AUX", "PRON", "SCONJ") for t in named) and named[-1].text in who.name.split()


def _subject_words(verb: Token) -> set[int]:
    return {t.i for c in syntax.children(verb, "nsubj", "nsubj:pass") for t in c.subtree}


def _past_setting(toks: list[Token]) -> int | None:
    """'said in a statement(,) (that) ...': where the clause may start past the setting; None when
    the setting runs on with no "that" or comma ("said at least 12 were killed" opens a number: no setting)."""
    if not toks or toks[0].pos_ != "ADP" or _opens_number(toks):
        return 0
    stop = next((j for j, t in enumerate(toks[:SETTING_WORDS]) if _is_that(t, or_comma=True)), None)
    return None if stop is None else stop + 1


def _closes_sentence(verb: Token, e: int) -> bool:
    """A finite speech verb with nothing of its own after it up to its sentence's end or a comma (a listener, a
    setting, a date: "said.", "told Reuters.", "said in a statement on Monday.")."""
    after = _up_to_comma(_tokens_before(verb.doc, verb.i + 1, e))
    return verb.tag_ in ("VBD", "VBZ", "VBP") and not any(
        t.pos_ in syntax.VERBS or _is_that(t) or t.text in ":“\"" for t in after)


def _closing_subject(verb: Token, s: int, e: int) -> Span | None:
    """'…, a senior official told reporters.', '…, French opposition figure said', '…, a law enforcement official familiar
    with the matter has told Ukrinform': a speech verb that closes its sentence [s, e) (no verb, "that", comma or quote
    mark after it: a listener, a setting, a date) right after a short noun phrase that a comma opens, with a clause
    with a finite verb before that comma, whatever the parse made of the verb (a noun's modifier, a conjunct of the
    claim): that phrase, its subject. Adverbs and a perfect's auxiliary (syntax.yaml perfect_auxiliaries) may stand
    between; a passive ("was told"), a pronoun ("…, he said") or a clause word ("…, which X said") makes none."""
    doc = verb.doc
    if not _says_nothing_after(verb, _tokens_before(doc, verb.i + 1, e)):
        return None
    phrase = _phrase_after_comma(verb, s)
    if phrase is None or phrase[0].tag_ in _NO_CLAIM_OPENERS or phrase[0].pos_ in (*_SETTING_POS, "PRON") or \
            any(t.pos_ in (*syntax.VERBS, "AUX", "CCONJ") or t.tag_ in FINITE_TAGS or t.is_punct for t in phrase):
        return None  # "…, an analyst at the Council on Energy, Environment and Water told": no phrase of its own
    comma = doc[phrase.start - 1]
    before = [t for t in _tokens_before(doc, comma.sent.start, comma.idx) if t.idx >= s]
    if not before or before[0].dep_ == "mark" or before[0].tag_ == "WRB":
        return None  # 'As the charges were unsealed, X testified before the committee': a setting, no claim
    return phrase if any(t.tag_ in FINITE_TAGS for t in before) else None


def _says_nothing_after(verb: Token, after: list[Token]) -> bool:
    """Nothing the verb says follows it to its sentence's end: no verb, "that", comma or quote mark, and no object
    but a listener ("told reporters"; speech_verbs.yaml object_verbs), only a setting or a date ("said on Monday",
    "said in a statement"); "denied involvement" has its object."""
    if any(t.pos_ in (*syntax.VERBS, "AUX") or _is_that(t) or t.text in ",;:“”\"" for t in after):
        return False
    first = next((t for t in after if not t.is_punct), None)
    return first is None or first.pos_ in ("ADV", "ADP") or first.lower_ in _time_words() or \
        _base(verb) in _object_verbs() and first.pos_ in ("PROPN", "NOUN", "PRON", "DET")


def _phrase_after_comma(verb: Token, s: int) -> Span | None:
    """The words from the last comma before the verb (past adverbs and a perfect's auxiliary right before it) to the
    verb, CLOSING_PHRASE_WORDS at most, where that comma lies in the sentence from `s`."""
    doc = verb.doc
    end = verb.i
    while end > 0 and (doc[end - 1].pos_ == "ADV" or doc[end - 1].lower_ in syntax_words().perfect_auxiliaries):
        end -= 1
    comma = next((i for i in range(end - 1, max(end - CLOSING_PHRASE_WORDS - 2, 0), -1) if doc[i].text == ","), None)
    if comma is None or doc[comma].idx < s or comma + 1 >= end:
        return None
    return doc[comma + 1:end]


def _phrase_head(phrase: Span) -> Token | None:
    """The noun a closing phrase names its speaker by: its last noun before the words that describe it ("an official
    familiar with the matter": official)."""
    head = None
    for t in phrase:
        if t.pos_ in ("NOUN", "PROPN") or t.lower_ in role_nouns():  # "an official", tagged an adjective
            head = t
        elif head is not None and t.pos_ in ("ADP", "ADJ"):
            break
    return head


def _phrase_and_aside(verb: Token, commas: list[int], s: int) -> Span | None:
    """The noun phrase between the last three commas before the verb (the third right before it, past adverbs),
    when an aside that describes it follows (`_closing_aside`) and a clause with a finite verb comes before it."""
    doc = verb.doc
    if len(commas) < 3 or any(t.pos_ != "ADV" for t in doc[commas[-1] + 1:verb.i]):
        return None
    c0, c1, c2 = commas[-3:]
    phrase, aside = doc[c0 + 1:c1], doc[c1 + 1:c2]
    if not _closing_aside(phrase, aside) or not any(t.tag_ in FINITE_TAGS for t in doc[:c0] if t.idx >= s):
        return None  # no clause before the phrase: no fronted claim
    return phrase


def _closing_aside(phrase: Span, aside: Span) -> bool:
    """A short noun phrase (no verb, opening with a determiner or a capital) and the aside after it that describes
    it: the aside opens with an article, a relative word or a counting word (quotes.yaml closing_aside_openers), an
    age, or, after a role, the capitalised name of whoever holds it ("the group's spokesman, Abu Obeida,")."""
    if not 0 < len(phrase) <= OPENING_SUBJECT_WORDS or not 0 < len(aside) <= 25 or \
            any(t.tag_ in FINITE_TAGS for t in phrase) or not (phrase[0].tag_ in ("DT", "PRP$") or phrase[0].is_title):
        return False
    first = aside[0]
    named = first.pos_ == "PROPN" and first.is_title and phrase[-1].lower_ in role_nouns() | quoting().person_nouns
    return first.lower_ in quoting().closing_aside_openers or first.like_num or named


_QUANTITY_OPENERS = tuple(tuple(o.split()) for o in quoting().quantity_openers)  # ("at", "least"), split once


def _opens_number(toks: list[Token]) -> bool:
    """'at least 12 civilians', 'up to 50 people', 'about 300 homes': the words open a number (quotes.yaml
    quantity_openers, then a numeral or a number word), the subject of a clause, whatever the parse made of "at"."""
    return any(len(toks) > len(opener) and tuple(t.lower_ for t in toks[:len(opener)]) == opener
               and toks[len(opener)].like_num for opener in _QUANTITY_OPENERS)


def _states(clause: Token) -> bool:
    """A clause that states (no "if"/"whether" question) and has a verb, a predicate or a subject."""
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    if marks & quoting().question_words:
        return False  # a question, not a claim
    return clause.pos_ in ("VERB", "AUX", "ADJ") or any(
        c.dep_ in ("nsubj", "nsubj:pass", "cop", "aux") for c in clause.children)


def _apposed(noun: Token) -> list[Token]:
    """The noun's appositions: its "appos" children and, the parse reading "its operator, the Port Authority" as two
    nouns joined, a conjunct with no "and" or "or" where no conjunct of the noun has one (not "the police, the army and
    the governor", a list)."""
    conjuncts = syntax.children(noun, "conj")
    listed = any(syntax.children(c, "cc") for c in conjuncts)
    return [c for c in noun.children if c.dep_ == "appos" or c.dep_ == "conj" and not listed]


def _modified_head(tok: Token) -> Token:
    """From a modifier to the noun it modifies ("the [UN] nuclear watchdog": watchdog)."""
    for _ in range(6):
        if tok.dep_ in ("flat", "compound", "amod", "nmod:poss", "det") and tok.head.i > tok.i:
            tok = tok.head
        else:
            break
    return tok


def _part_of_name(found: str, written: str) -> bool:
    """A name found that is only part of the name written ("Zaporizhzhia" of "Zaporizhzhia RMA") or runs past it
    ("Klitschko (07.05.22 17:18)"), not the same name in full ("Vitali Klitschko" for "Klitschko")."""
    return found != written and (found in written or written in found and not found.endswith(written))


def _title_case(text: str) -> bool:
    """Two to `title_words` words, each capitalised but for the short words a title keeps in lower case between
    its first and last (quotes.yaml title_small_words): a title, not a statement."""
    words = _TITLE_WORD.findall(text)
    small = quoting().title_small_words
    return 2 <= len(words) <= quoting().title_words and words[0][0].isupper() and words[-1][0].isupper() and \
        all(w[0].isupper() or w in small for w in words)


def _hyphen_joined(tok: Token) -> bool:
    """Either half of a hyphenated modifier ("Saudi-backed", "UN-run", "US-brokered"): the second, or a first
    joined to a lower-case second (not a name's "Al-" before "Shabaab")."""
    doc = tok.doc
    if tok.i + 2 < len(doc) and doc[tok.i + 1].text in "-‐" and not tok.whitespace_ \
            and not doc[tok.i + 1].whitespace_ and doc[tok.i + 2].is_lower:
        return True
    return tok.i >= 2 and doc[tok.i - 1].text in "-‐" and not doc[tok.i - 1].whitespace_ \
        and not doc[tok.i - 2].whitespace_


def _last_of_noun_run(tok: Token) -> Token:
    """The last noun of the run of nouns that starts at `tok` ("a separate source familiar ...": source)."""
    doc = tok.doc
    i = tok.i
    while i + 1 < len(doc) and (doc[i + 1].pos_ in ("NOUN", "PROPN") or nominal_like(doc[i + 1])) \
            and doc[i + 1].pos_ not in ("PRON", "NUM") and doc[i].whitespace_:
        i += 1
    return doc[i]


def _governs(verb: Token, span: Span | None) -> bool:
    """A word of the quote hangs on the verb."""
    return any(t.head.i == verb.i and not t.is_punct for t in (span or []))


def _unmarked(body: str, a: int, b: int) -> list[tuple[int, str]]:
    """The characters of body[a:b] with their offsets, quote marks left out."""
    return [(i, body[i]) for i in range(a, b) if body[i] not in _DOUBLE_MARKS]


def _moved(q: Quote, pairs: list[tuple[int, int]], body: str) -> Quote | None:
    """The quote `q` moved along `pairs` (an offset in one copy, the same character's in the other), if it lies in the
    copy they start from; reported speech where the other copy has no mark around it."""
    where = dict(pairs)
    inside = [where[i] for i in range(q.start, q.end) if i in where]
    if not inside or q.start < pairs[0][0] or q.end > pairs[-1][0] + 1:
        return None
    start, end = inside[0], inside[-1] + 1
    return q.model_copy(update={"start": start, "end": end, "text": body[start:end],
                                "direct": q.direct and body[start - 1:start] == body[q.start - 1:q.start]})


def _predicate_adjective(tok: Token, claim: Span) -> bool:
    """'Ukrainian nuclear facilities open to IAEA today': a headline drops the "are" before an adjective that heads the
    claim with a subject of its own, a predicate that states (not an adjective modifying a noun)."""
    return tok.pos_ == "ADJ" and (tok.head.i == tok.i or not claim.start <= tok.head.i < claim.end) and \
        any(c.dep_ == "nsubj" and claim.start <= c.i < claim.end for c in tok.children)


def _headline_base_verb(tok: Token, claim: Span) -> bool:
    """'U.S., EU stand united in support for Ukraine - Blinken': a headline's present verb the parse read as a base
    form, the claim's root with a subject of its own in the claim (a base verb hung on another word states nothing
    of its own: "help", "to win")."""
    return tok.tag_ == "VB" and tok.head.i == tok.i and claim.start <= tok.i < claim.end and \
        any(c.dep_ == "nsubj" and claim.start <= c.i < claim.end for c in tok.children)


def _verbless_claim(words: str) -> bool:
    """'Zelensky says authorities in contact with defenders', 'NATO says no sign of de-escalation': after a headline's
    "says", words that are no object of saying (quotes.yaml said_things: "says thanks to", "says no to") state a
    claim with its verb dropped, when three words or more."""
    text = " ".join(_WORD.findall(words.lower()))
    return len(text.split()) >= 3 and not any(text == w or text.startswith(w + " ") for w in quoting().said_things)


def _next_act_after_comma(first: Token, end: int) -> int:
    """'NATO says no sign of de-escalation, considers reinforcing its flank': in a claim that dropped its verb, a finite
    verb with no subject of its own right after a comma (or its base form: the -s the tagger missed, "weighs"), and no
    verb before it, is the speaker's next act, not more of the claim: the claim ends at that comma (else at `end`)."""
    doc = first.doc
    for t in doc[first.i:]:
        if t.idx >= end:
            break
        if t.pos_ not in syntax.VERBS:
            continue
        after_comma = t.i > first.i and doc[t.i - 1].text == ","
        if after_comma and t.tag_ in (*FINITE_TAGS, "VB") and not syntax.children(t, "nsubj", "nsubj:pass"):
            return doc[t.i - 1].idx
        break  # the claim's own first verb: no next act cut off
    return end


def _misread_headline_verb(tok: Token, claim: Span) -> bool:
    """'Russian bots boost efforts to sow panic', 'Russia prevents access to prisoners': a headline verb that the tagger
    read as a noun (quotes.yaml headline_noun_verbs), inside the claim with words after it, agreeing with the noun
    right before it, its subject: the base form after a plural, the -s form after a singular ("Army boost plan" and
    "the boost" stay nouns). So is the -s form of any verb an event pattern names right after the name that opens the
    claim ('EU denounces Russia's referenda'; `_verb_after_opening_name`)."""
    if tok.tag_ not in ("NN", "NNS", "NNP", "NNPS") or not claim.start < tok.i < claim.end - 1:
        return False
    verbs = quoting().headline_noun_verbs
    before = tok.doc[tok.i - 1].tag_
    if tok.lower_ in verbs:
        return before in ("NNS", "NNPS")
    return before in ("NN", "NNP") and any(tok.lower_ == inflect("third_person", v) for v in verbs) or \
        _verb_after_opening_name(tok, claim)


def _verb_after_opening_name(tok: Token, claim: Span) -> bool:
    """'EU denounces Russia's illegal referenda', 'Kremlin rejects calls for a truce': a lower-case -s form of a verb an
    event pattern names (as the event stage's repairs read a headline's verbs), right after the run of proper names
    that opens the claim, its singular subject; a common noun before it ("peace talks in Geneva") or a plural name
    ("Ukrainians") makes a noun phrase."""
    if not tok.is_lower or tok.tag_ != "NNS" or tok.lower_ not in _pattern_verbs_third_person():
        return False
    opening = tok.doc[claim.start:tok.i]  # the words before it: proper names only
    return len(opening) > 0 and all(t.tag_ == "NNP" for t in opening)


@lru_cache(maxsize=1)
def _pattern_verbs_third_person() -> frozenset[str]:
    """The -s forms of the verbs event patterns name ("denounces", "condemns"), made by inflection.yaml's rules: the
    trained lemmatizer leaves "condemns" as it is, so the written form is read."""
    return frozenset(inflect("third_person", lemma) for lemma, kind in by_lemma() if kind == "VERB")


def _headline_infinitive(tok: Token, claim: Span) -> bool:
    """'Ukraine not to give up its land', 'Format of the talks to depend on the front', 'Macron to talk to Zelensky': a
    headline's "to" and a base verb for what will be, hung on a word of the claim or right after the name the claim
    hangs on, not a noun's purpose ("Things to know") nor an adverbial ("in order to win") nor a verb before the claim
    ("… taking control of the road and attempts to seize")."""
    if tok.tag_ != "VB" or not claim.start <= tok.head.i < claim.end or \
            not any(c.dep_ == "mark" and c.tag_ == "TO" for c in tok.children):
        return False
    if tok.dep_ == "acl":  # 'Macron to talk to Zelensky': the name the claim hangs on, its "to" right after it
        return tok.head.pos_ == "PROPN" and tok.head.head.i == tok.head.i and tok.i == tok.head.i + 2
    return tok.dep_ != "advcl" and tok.head.pos_ not in ("NOUN", "PROPN")


def _capitals(tok: Token) -> bool:
    """A word of two or more capitals ('OC "East"', "JFO press center"): the abbreviated name of the body a signature
    names, whatever the parse made of the words after it."""
    return len(tok.text) > 1 and tok.text.isupper() and tok.text.isalpha()


def _known_surname(label: str, start: int, claim: str) -> Who | None:
    """'Kuleba: Lavrov was not authorized …': a label that is the surname of one KB person, of any role, names them,
    however the entity stage read the word (a label names a speaker, where a surname alone elsewhere may not); not
    where the claim names that person's role, a claim about them ('Burns: CIA director quietly visits Ukraine')."""
    entry = surname_person(label, any_person=True)
    head = coref.role_of(entry.role or "")[0] if entry is not None else None
    if entry is None or head is not None and _writes_role(head, claim):
        return None
    actor = resolve_actor(entry.name)
    return Who(name=entry.name, start=start, id=actor.id if actor else None, actor=actor, person=True)


def _describes_person(text: str) -> bool:
    """Does `text` write a role or a noun only a person can be ('a member of parliament'; quotes.yaml person_nouns)?"""
    return coref.role_of(text)[0] is not None or bool(_name_words(text) & set(quoting().person_nouns))


def _writes_role(head: str, text: str) -> bool:
    """Does `text` write the role `head` or a role it stands for ("leader" for a president; speech_verbs.yaml
    role_synonyms), as a word of its own? A head for any role ("official") takes only itself."""
    words = [str(w) for w in coref.speech_lexicon().get("role_synonyms", {}).get(head, [head]) if w != "*"] or [head]
    low = text.casefold()
    return any(re.search(rf"\b{re.escape(w)}\b", low) for w in words)


def _speaker(who: Who | None) -> Speaker | None:
    if who is None:
        return None
    return Speaker(name=who.name, id=who.id, actor=who.actor)


def _trim(body: str, a: int, b: int) -> tuple[int, int]:
    """Span without surrounding blanks, a leading "that", final punctuation or a lone quote mark."""
    while a < b and body[a] in " \n\u00a0,":
        a += 1
    m = _cue("that_lead").match(body[a:b])
    if m:
        a += m.end()
    while b > a and body[b - 1] in " \n\u00a0.,;:—–(":
        b -= 1
    inner = body[a:b]
    if inner[:1] in _OPENING_MARKS and not any(ch in inner[1:] for ch in _CLOSING_MARKS):
        a += 1
    if inner[-1:] in _CLOSING_MARKS and not any(ch in inner[:-1] for ch in _OPENING_MARKS):
        b -= 1
    return a, b


def extract_quotes(doc: NlpDoc) -> list[Quote]:
    """Direct quotes and reported speech in the body, each with its speaker (or null) and cue."""
    return Extraction(doc).run()
