"""Quotations and reported speech with their speakers, read from the parse (`doc.tokens`).

A direct quote is the text between quote marks. It is attributed to the speech verb right after it
("…,” he said), right before it (X said: “…”) or linked to it by the parse, else it continues the
quote before it in the paragraph, else a paragraph-opening quote takes the cue of the next sentence.
Reported speech is the clausal complement of a speech verb ("X said (that) …", "…, officials said")
or the clause that "according to X" modifies. The speaker is the subject of the speech verb
(`syntax.subject`) or the object of "according to", followed through apposition, coordination and
pronouns; a quote whose speaker cannot be resolved keeps `speaker: null`. Page furniture holds no quotes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Token

from flashpoint.model import Actor, Entity, Quote, Speaker
from flashpoint.nlp import coref, syntax
from flashpoint.nlp.actors import actor_for_span, resolve_actor
from flashpoint.nlp.document import NlpDoc
from flashpoint.nlp.gazetteer import fold, gazetteer
from flashpoint.nlp.language import people
from flashpoint.nlp.language import syntax as syntax_words

OPEN_DOUBLE, CLOSE_DOUBLE = "“„«", "”»"
NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X"})
SHORT = 6  # fewer words than this between marks, with no cue, is a scare quote or a title


@dataclass
class QSpan:
    open: int  # position of the opening mark
    close: int  # position just after the closing mark (paragraph end when unclosed)
    inner_start: int
    inner_end: int
    single: bool
    para: int
    continued: bool = False  # ran to the paragraph end without a closing mark


@dataclass
class Who:
    """A resolved speaker: a person or actor, where it is named."""

    name: str
    start: int
    id: str | None = None
    actor: Actor | None = None
    person: bool = False


@dataclass
class Cue:
    tok: Token  # the speech verb, or "according" of "according to"
    start: int
    end: int
    past: str  # what a Quote's `cue` says: "said", "warned", "according to"
    reported: bool  # takes a reported clause
    who: Who | None = None
    quotes: list[int] = field(default_factory=list)  # the direct quotes it attributes


@lru_cache(maxsize=1)
def _verbs() -> dict[str, tuple[str, bool]]:
    """Speech verb lemma -> (past form, takes a reported clause)."""
    lex = coref.speech_lexicon()
    reported = {str(v) for v in lex.get("reported", [])}
    out = {str(base): (str(past), str(base) in reported) for base, past in (lex.get("verbs") or {}).items()}
    return out


@lru_cache(maxsize=1)
def _forms() -> dict[str, str]:
    """Every inflected form of a speech verb -> its base (the shipped lemmatizer misses some: "denounc")."""
    lex = coref.speech_lexicon()
    out: dict[str, str] = {}
    for base, past in (lex.get("verbs") or {}).items():
        base, past = str(base), str(past)
        if base.endswith(("s", "sh", "ch", "x", "z")):
            third = base + "es"
        elif base.endswith("y") and base[-2] not in "aeiou":
            third = base[:-1] + "ies"
        else:
            third = base + "s"
        stem = base[:-1] if base.endswith("e") and not base.endswith("ee") else base
        ing = base + base[-1] + "ing" if past == base + base[-1] + "ed" else stem + "ing"
        for form in (base, third, past, ing):
            out[form] = base
    out.update({str(k).lower(): str(v) for k, v in (coref.speech_lexicon().get("irregular") or {}).items()})
    return out


@lru_cache(maxsize=1)
def _documents() -> frozenset[str]:
    """Nouns for what a speaker issues ("the statement said"): they speak for their issuer."""
    return frozenset(str(w).lower() for w in coref.speech_lexicon().get("document_nouns", []))


@lru_cache(maxsize=1)
def _listener() -> re.Pattern[str]:
    """Whom a speaker tells ("reporters", "the audience"), as written right after the verb."""
    objects = {str(w) for ws in (coref.speech_lexicon().get("object_verbs") or {}).values() for w in ws}
    alternation = "|".join(re.escape(w) for w in sorted(objects, key=len, reverse=True))
    return re.compile(rf"\s+(?:{alternation})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _sources() -> frozenset[str]:
    """Nouns for those who speak without a name ("sources", "witnesses", "the military")."""
    return frozenset(str(w).lower() for w in coref.speech_lexicon().get("source_nouns", []))


@lru_cache(maxsize=1)
def _role_nouns() -> frozenset[str]:
    """Role nouns a tagger may take for adjectives ("a senior official said")."""
    return frozenset(w for r in coref.speech_lexicon().get("person_roles", []) for w in str(r).lower().split()) | \
        frozenset(w + "s" for r in coref.speech_lexicon().get("person_roles", []) for w in str(r).lower().split())


def paragraphs(body: str) -> list[tuple[int, int]]:
    """Character spans of the non-empty lines (a text dump's paragraphs)."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", body) if m.group(0).strip()]


def _is_opening(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev.isspace() or prev in "([{—–-/:" or prev in OPEN_DOUBLE) and not nxt.isspace()


_DOUBLE_MARK = re.compile("[" + re.escape(OPEN_DOUBLE + CLOSE_DOUBLE) + '"]')
_SINGLE_MARK = re.compile("[‘’']")


def scan_quotes(body: str) -> list[QSpan]:
    """Quote spans of every paragraph: double marks first, single marks outside them."""
    spans: list[QSpan] = []
    for pi, (ps, pe) in enumerate(paragraphs(body)):
        text = body[ps:pe]
        doubles: list[QSpan] = []
        open_at: int | None = None
        for qm in _DOUBLE_MARK.finditer(text):
            i, ch = qm.start(), qm.group()
            if ch in OPEN_DOUBLE or (ch == '"' and open_at is None and _is_opening(text, i)):
                if open_at is not None:  # an opening mark inside an open quote: the first one never closed
                    doubles.append(QSpan(ps + open_at, ps + i, ps + open_at + 1, ps + i, False, pi, continued=True))
                open_at = i
            elif (ch in CLOSE_DOUBLE or ch == '"') and open_at is not None:
                doubles.append(QSpan(ps + open_at, ps + i + 1, ps + open_at + 1, ps + i, False, pi))
                open_at = None
        if open_at is not None:
            doubles.append(QSpan(ps + open_at, pe, ps + open_at + 1, pe, False, pi, continued=True))
        spans.extend(doubles)
        inside = [(q.open - ps, q.close - ps) for q in doubles]
        open_at = None
        for qm in _SINGLE_MARK.finditer(text):
            i, ch = qm.start(), qm.group()
            if any(a <= i < b for a, b in inside):
                continue
            nxt = text[i + 1] if i + 1 < len(text) else " "
            prev = text[i - 1] if i > 0 else " "
            if open_at is None and ch in "‘'" and _is_opening(text, i) and nxt.isalnum():
                open_at = i
            elif open_at is not None and ch in "’'" and not nxt.isalnum() and not prev.isspace():
                spans.append(QSpan(ps + open_at, ps + i + 1, ps + open_at + 1, ps + i, True, pi))
                open_at = None
    spans.sort(key=lambda q: q.open)
    return spans


def _words(text: str) -> int:
    return len(re.findall(r"[\w'’\-]+", text))


def _describe(text: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", text.strip(" ,"), flags=re.IGNORECASE)


class Speakers:
    """Who a subject token names: an entity, a pronoun's antecedent, a described person, or a body."""

    def __init__(self, doc: NlpDoc, quoted: list[tuple[int, int]]) -> None:
        self.doc = doc
        self.body = doc.body
        self.quoted = quoted  # interiors of double quotes: no name in them is a speaker or an antecedent
        self.entities = sorted((e for e in doc.entities if not self.in_quote(e.start)), key=lambda e: e.start)
        self.starts = [e.start for e in self.entities]
        self.mentions = coref.entity_mentions(self.body, self.entities)  # with written roles, for descriptions
        self.said: list[Who] = []  # speakers resolved so far, in text order
        self.times = [(t.start, t.end) for t in doc.timexes]

    def in_quote(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.quoted)

    def entities_in(self, lo: int, hi: int) -> list[Entity]:
        i = bisect_right(self.starts, lo - 1)
        out = []
        while i < len(self.entities) and self.entities[i].start < hi:
            if self.entities[i].end <= hi:
                out.append(self.entities[i])
            i += 1
        return out

    def entity_at(self, pos: int) -> Entity | None:
        i = bisect_right(self.starts, pos) - 1
        for j in range(i, max(-1, i - 4), -1):  # entities barely nest: a few steps back suffice
            if self.entities[j].start <= pos < self.entities[j].end:
                return self.entities[j]
        return None

    def from_entity(self, e: Entity) -> Who:
        actor = e.actor
        if actor is None and e.type == "PERSON" and len((e.name or e.text).split()) > 1:
            actor = resolve_actor(e.name or e.text)  # a full name only: a surname could be anyone's
        return Who(name=e.name or e.text, start=e.start, id=e.id, actor=actor, person=e.type == "PERSON")

    def gender(self, e: Entity) -> str | None:
        """Male, female or unknown: from an honorific or gendered role before the name, or the given name."""
        ppl = people()
        before = re.findall(r"[\w.\-]+", self.body[max(0, e.start - 25):e.start])
        if before:
            word = before[-1].lower()
            if word in ppl.honorifics and ppl.honorifics[word]:
                return ppl.honorifics[word]
            if word in ppl.gendered_roles:
                return ppl.gendered_roles[word]
        words = (e.name or e.text).split()
        first = coref.fold(words[0]) if words else ""
        if first in ppl.female_given_names:
            return "female"
        if first in ppl.either_given_names:
            return None
        if fold(words[0]) in gazetteer().first_names and len(words) > 1:
            return "male"
        return None

    def pronoun(self, pos: int, gender: str) -> Who | None:
        """The most recent person before `pos`, outside quotes, whose gender agrees. The given-name list
        marks women's names, so for "she" a known woman among the last few named beats a nearer person
        of unknown gender; for "he" an unknown gender agrees."""
        described = next((w for w in reversed(self.said) if w.start < pos), None)
        if described is not None and described.id is None and not described.person and \
                set(described.name.lower().split()) & _role_nouns() and pos - described.start < 600 and \
                not any(e.type == "PERSON" and described.start < e.start < pos for e in self.entities):
            return described  # "A spokesperson for the governor said … Later he said": the one just quoted
        i = bisect_right(self.starts, pos) - 1
        unknown: Entity | None = None
        seen = 0
        while i >= 0 and seen < 6:
            e = self.entities[i]
            i -= 1
            if e.type != "PERSON" or e.end > pos:
                continue
            seen += 1
            g = self.gender(e)
            if g == gender or g is None and gender == "male":
                return self.from_entity(e)
            if g is None and unknown is None:
                unknown = e
        return self.from_entity(unknown) if unknown is not None else None

    def group(self, pos: int) -> Who | None:
        """'it'/'they': the last speaker, when it was a body rather than a person and spoke shortly before."""
        if self.said and not self.said[-1].person and pos - self.said[-1].start < 400:
            return self.said[-1]
        return None

    def who(self, tok: Token) -> Who | None:
        low = tok.lower_
        ppl = people()
        if low in ppl.person_pronouns:
            return self.pronoun(tok.idx, ppl.person_pronouns[low])
        if low in syntax_words().group_pronouns:
            return self.group(tok.idx)
        pronoun = low in ppl.other_pronouns or low in syntax_words().relative_pronouns
        if not _nominal_like(tok) or pronoun or self.in_quote(tok.idx) or \
                any(a <= tok.idx < b for a, b in self.times):
            return None  # no one, a name inside a quote, or a date ("Friday said"): no speaker
        # conjuncts joined by "and"/"or" are more speakers; one without is an apposition ("the envoy, X,")
        name_parts = [tok, *syntax.children(tok, "flat", "compound")]
        conjuncts = [c for t in name_parts for c in syntax.children(t, "conj") if c.i > tok.i and _nominal_like(c)]
        appositions = [c for c in conjuncts if not syntax.children(c, "cc")]
        head = self.nominal(tok)
        if appositions and (head is None or not head.person):
            named = self.nominal(appositions[0])
            if named is not None and named.person:
                return named
        found = [w for w in [head, *(self.nominal(c) for c in conjuncts if c not in appositions)] if w is not None]
        if len(found) == 1 and found[0].person:
            before = self.coordinated_before(found[0].start)
            found = [before, *found] if before is not None else found
        if len(found) <= 1:
            return found[0] if found else None
        first = found[0]
        names = " and ".join(dict.fromkeys(w.name for w in found))
        return Who(name=names, start=first.start, id=first.id, actor=first.actor, person=first.person)

    def unlisted_name(self, tok: Token) -> Who | None:
        """Two or more capitalised words no entity covers, right here: a person the KB does not know
        ("Another eyewitness, Taymor Wili, told ...")."""
        lo, hi = _name_run(tok)
        words = self.body[lo:hi].split()
        if len(words) < 2 or self.entities_in(lo, hi) or not all(w[:1].isupper() for w in words):
            return None
        return Who(name=self.body[lo:hi], start=lo, person=True)

    def coordinated_before(self, start: int) -> Who | None:
        """'Colonel X and Major Y said': the person joined by "and" right before, however the parse split them."""
        i = bisect_right(self.starts, start - 1) - 1
        while i >= 0 and self.entities[i].start >= start:
            i -= 1
        if i < 0 or self.entities[i].type != "PERSON":
            return None
        e = self.entities[i]
        if re.fullmatch(r"\s+and\s+(?:[A-Z][\w.\-]*\s+){0,3}", self.body[e.end:start]):
            return self.from_entity(e)
        return None

    def nominal(self, tok: Token) -> Who | None:
        lo, hi = syntax.phrase_span(tok)
        lead = [c for c in tok.children if c.dep_ in ("case", "mark") and c.i < tok.i]
        if lead:  # "according to the watchdog": the phrase starts after its preposition
            last = max(lead, key=lambda c: c.i)
            lo = max(lo, max((t.idx + len(t) for t in last.subtree), default=lo))
        if tok.pos_ in ("PROPN", "PRON"):  # the whole run of names, however the parse split or tagged it
            hi = max(hi, _name_run(tok)[1])
        own = self.entity_at(tok.idx)
        if own is not None and own.type == "PERSON":
            return self.from_entity(own)
        for a in syntax.children(tok, "appos"):  # "The official, Dmitry Kozak, said"
            found = [e for e in self.entities_in(*syntax.phrase_span(a)) if e.type == "PERSON"]
            if found:
                return self.from_entity(found[-1])
            if tok.pos_ != "PROPN" and self.unlisted_name(a) is not None:
                return self.unlisted_name(a)
        # a name at or after the head ("Foreign Minister Sergei Lavrov"), not a possessor before it
        persons = [e for e in self.entities_in(lo, hi) if e.type == "PERSON" and e.end > tok.idx]
        if persons:
            return self.from_entity(persons[-1])
        if tok.lemma_.lower() in _documents() or tok.lower_ in _documents():
            # "the statement said", "figures from the UN": whoever issued it, named in the phrase or
            # speaking just before
            sub = list(tok.subtree)
            named = [e for e in self.entities_in(sub[0].idx, sub[-1].idx + len(sub[-1]))
                     if e.type != "PERSON" or e.end <= tok.idx]
            if named:
                return self.from_entity(named[-1])
            definite = any(c.lower_ in ("the", "this", "that", "its", "their") for c in tok.children)
            issuer = self.group(tok.idx) if definite else None  # "the statement": the body that just spoke
            if issuer is not None:
                return issuer
            text = _describe(self.body[lo:hi])  # "according to army tallies": the source as the text names it
            actor = actor_for_span(self.doc, lo, hi)
            return Who(name=text, start=lo, id=actor.id if actor else None, actor=actor)
        comma = self.body.rfind(",", lo, tok.idx)
        lo = comma + 1 if comma >= 0 else lo  # "..., Hamas representative X": the part by the head
        text = self.body[lo:hi].strip()
        context = self.body[max(0, lo - 300):hi]
        appositive = _APPOSITIVE_NAME.match(self.body, hi)
        if appositive and (own is None or own.type != "PERSON"):  # "the ambassador to the UN, Linda X."
            named = [e for e in self.entities_in(appositive.end(), appositive.end() + 60)
                     if e.type == "PERSON" and e.start == appositive.end()]
            if named:
                return self.from_entity(named[0])
            after = tok.doc.char_span(appositive.end(), appositive.end() + 1, alignment_mode="expand")
            if after is not None and tok.pos_ != "PROPN" and self.unlisted_name(after[0]) is not None:
                return self.unlisted_name(after[0])
        if own is not None and (own.end >= hi or tok.pos_ == "PROPN"):
            return self.from_entity(own)
        role, _ = coref.role_of(text)
        if role is not None and tok.pos_ == "NOUN" and re.match(r"(?i)the\b", text) and tok.tag_ != "NNS":
            spoke = {w.name for w in self.said if w.person}
            before = [m for m in self.mentions if m.end <= lo]
            for m in before:
                m.speaker = m.name in spoke
            known = {m.name: [p.role] for m in before if (p := gazetteer().people.get(fold(m.name))) and p.role}
            found_m = coref.resolve_description(text, before, lo, known)
            if found_m is not None:
                return Who(name=found_m.name, start=lo, id=found_m.id, actor=found_m.actor or
                           resolve_actor(found_m.name), person=found_m.person)
        unlisted = self.unlisted_name(tok) if tok.pos_ in ("PROPN", "PRON") else None
        if unlisted is not None:
            return unlisted  # "Jeffrey Edmonds, a former analyst, said": a person the KB does not know
        if tok.pos_ == "NUM" or (tok.pos_ == "PROPN" and not self.entities_in(lo, hi) and
                                 (tok.i == 0 or tok.is_sent_start)):
            return None
        actor = actor_for_span(self.doc, lo, hi) or resolve_actor(text, context)
        words = {t.lower_ for t in tok.doc if lo <= t.idx < hi} | {tok.lemma_.lower()}
        if actor is None and tok.pos_ not in ("PROPN", "PRON") and not tok.text[:1].isupper() and \
                not words & (_sources() | _role_nouns()):
            return None  # "the crowd", "confidence": no one who speaks
        return Who(name=_describe(text), start=lo, id=actor.id if actor else None, actor=actor, person=False)


def _name_run(tok: Token) -> tuple[int, int]:
    """Character span of the run of capitalised name words from `tok` on, hyphens included
    ("Stuart Casey-Maslen"), however the tagger labelled them."""
    doc = tok.doc
    i = tok.i
    while i + 1 < len(doc):
        nxt = doc[i + 1]
        if nxt.text in "-‐" and not doc[i].whitespace_ and i + 2 < len(doc) and doc[i + 2].is_title:
            i += 2
        elif nxt.is_title and nxt.pos_ in ("PROPN", "PRON", "NOUN", "ADJ") and doc[i].whitespace_ == " " \
                and not nxt.is_sent_start:
            i += 1
        else:
            break
    return tok.idx, doc[i].idx + len(doc[i])


_APPOSITIVE_NAME = re.compile(r"(?:\s+(?:to|of|for|at|in)\s+[^,.;]{1,40})?,\s+")


def _nominal_like(tok: Token) -> bool:
    """A noun, a role word the tagger took for an adjective, or a capitalised name it took for anything."""
    return tok.pos_ in NOMINAL or tok.lower_ in _role_nouns() or \
        (tok.text[:1].isupper() and tok.pos_ in ("ADJ", "VERB", "ADV", "INTJ") and not tok.is_sent_start)


def _whole_sentences(body: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parser's sentences, rejoined where it split one inside a line without a sentence-final mark
    ("President Ana Vlad, speaking in Chisinau, | said ...")."""
    out: list[tuple[int, int]] = []
    for s, e in sentences:
        if out:
            ps, pe = out[-1]
            gap = body[pe:s]
            last = body[ps:pe].rstrip(" \u00a0\"”’'»)]")[-1:]
            if "\n" not in gap and last and last not in ".!?…:" and body[s:e].strip():
                out[-1] = (ps, e)
                continue
        out.append((s, e))
    return out


def _subject(verb: Token) -> Token | None:
    """The subject of a speech verb; "X was quoted as saying": X; "described by X as": X."""
    if syntax.is_passive(verb) and syntax.agent(verb) is not None:
        return syntax.agent(verb)
    subj = syntax.subject(verb)
    if subj is None and verb.dep_ in ("advcl", "xcomp") and syntax.is_passive(verb.head):
        subj = syntax.patient(verb.head)
    return subj


PHRASE_UP = frozenset({"flat", "compound", "amod", "det", "appos", "nmod:poss", "nummod", "nmod", "case"})


def _left_nominal(verb: Token, floor: int) -> Token | None:
    """The noun phrase right before a verb when the parse gives it no subject ("X, the envoy, said"),
    past an aside set off by commas ("X, speaking in Jeddah after talks, said")."""
    doc = verb.doc
    i = verb.i - 1
    while i >= floor and (doc[i].pos_ in ("ADV", "AUX", "PART") or doc[i].is_space or
                          doc[i].is_punct and doc[i].text not in "“”\"," or
                          doc[i].text == "," and not any(t.pos_ in NOMINAL for t in doc[i + 1:verb.i])):
        if doc[i].text == ",":
            opening = next((k for k in range(i - 1, max(floor, i - 40) - 1, -1) if doc[k].text == ","), None)
            if opening is not None and opening + 1 < i and (
                    doc[opening + 1].tag_ in ("VBG", "VBN") or doc[opening + 1].lower_ in syntax_words().relative_pronouns
                    or doc[opening + 1].pos_ == "DET" and doc[opening - 1].pos_ == "PROPN"):
                i = opening  # skip the aside
        i -= 1
    if i < floor or not _nominal_like(doc[i]):
        return None
    tok = doc[i]
    for _ in range(8):  # climb to the head of the phrase it ends ("the envoy of Y": envoy)
        if tok.dep_ in PHRASE_UP and floor <= tok.head.i < verb.i and tok.head is not tok and \
                tok.head.pos_ in NOMINAL | {"ADJ"}:
            tok = tok.head
        else:
            break
    return tok if _nominal_like(tok) else None


def _right_nominal(verb: Token, limit: int, times: list[tuple[int, int]] | None = None) -> Token | None:
    """'…,” said the envoy': the noun phrase right after an inverted speech verb, past a date."""
    doc = verb.doc
    for i in range(verb.i + 1, min(limit, verb.i + 10)):
        tok = doc[i]
        if any(a <= tok.idx < b for a, b in times or []):
            continue  # "warned Wednesday the ambassador"
        if tok.pos_ in ("PROPN", "NOUN", "PRON"):
            while tok.dep_ in ("flat", "compound", "amod") and tok.head.i > tok.i and tok.head.i < limit:
                tok = tok.head
            return tok
        if tok.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ") or tok.text in "“\".;":
            return None
    return None


class Extraction:
    """One document's quote marks, cues, speakers and quotes."""

    def __init__(self, doc: NlpDoc) -> None:
        self.doc = doc
        self.body = doc.body
        furniture = doc.furniture()
        # a furniture sentence ("Photo caption: ...", "Read more: ...") takes the rest of its line with it
        self.furniture = [(s, max(e, self.body.find("\n", s) if "\n" in self.body[s:] else len(self.body)))
                          for s, e in doc.sentences() if s in furniture]
        self.sentences = _whole_sentences(self.body, doc.sentences())
        self.sent_starts = [s for s, _ in self.sentences]
        self.marks = [q for q in scan_quotes(self.body) if not self.is_furniture(q.open)]
        self.doubles = [q for q in self.marks if not q.single]
        self.speakers = Speakers(doc, [(q.inner_start, q.inner_end) for q in self.doubles])
        self.paras = paragraphs(self.body)
        self.times = [(t.start, t.end) for t in doc.timexes]
        self.cues = self.find_cues()

    def is_furniture(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.furniture)

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self.sent_starts, pos) - 1
        return self.sentences[i] if i >= 0 else (pos, pos)

    def quoted(self, pos: int) -> bool:
        return any(q.open <= pos < q.close for q in self.doubles)

    def find_cues(self) -> list[Cue]:
        verbs, forms = _verbs(), _forms()
        cues: list[Cue] = []
        for tok in self.doc.tokens:
            if self.quoted(tok.idx) or self.is_furniture(tok.idx):
                continue
            if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
                cues.append(Cue(tok, tok.idx, tok.nbor().idx + 2, "according to", True))
                continue
            if not tok.tag_.startswith("VB"):
                continue
            base = forms.get(tok.lower_) or tok.lemma_.lower()
            if base is None or base not in verbs or syntax.is_passive(tok) and syntax.agent(tok) is None:
                continue
            if tok.dep_ in ("amod", "compound"):
                continue
            past, reported = verbs[base]
            cues.append(Cue(tok, tok.idx, tok.idx + len(tok), past, reported))
        return cues

    # -- speakers --------------------------------------------------------------------------------

    def resolve(self, cue: Cue, inverted: bool) -> Who | None:
        tok = cue.tok
        s, e = self.sentence(cue.start)
        if cue.past == "according to":
            return self.source_of_according(cue)
        subj = _subject(tok)
        subjects = syntax.children(tok, "nsubj")
        if len(subjects) > 1:  # "The negotiator, Petra Novak, said": the name among them
            subj = next((t for t in subjects if t.pos_ == "PROPN" or self.speakers.entity_at(t.idx)), subj)
        if subj is not None and (self.quoted(subj.idx) or not s <= subj.idx < e and subj.i > tok.i + 12):
            subj = None
        if subj is None and tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX") and not self.quoted(tok.head.idx):
            # "X decried the attack and vowed ...": the first verb's subject, as resolved or as written
            first = next((c for c in self.cues if c.tok.i == tok.head.i), None)
            if first is not None:
                return first.who
            subj = _subject(tok.head)
            if subj is not None and (self.quoted(subj.idx) or subj.i > tok.i):
                subj = None
            tok = tok.head if subj is None and not any(c.dep_ == "cc" for c in tok.children) else tok
        if subj is None:
            floor = tok.doc.char_span(s, e, alignment_mode="expand")
            start_i = floor.start if floor is not None else 0
            end_i = floor.end if floor is not None else len(tok.doc)
            subj = _right_nominal(tok, end_i, self.times) if inverted else _left_nominal(tok, start_i)
            if subj is None and not inverted:
                subj = _right_nominal(tok, end_i, self.times) if self._only_quote_before(tok, s) else None
        who = self.speakers.who(subj) if subj is not None else None
        if who is None and (tok.tag_ == "VBG" or any(c.dep_ == "cc" for c in tok.children)):
            # "…, adding that", "X decried it and vowed": the speaker of the clause it hangs on
            earlier = [c for c in self.cues if s <= c.start < cue.start and c.who is not None]
            who = earlier[-1].who if earlier else None
            if who is None and tok.dep_ == "conj":  # the sentence opens with the one who does both
                span = tok.doc.char_span(s, cue.start, alignment_mode="expand")
                opening = [t for t in span if not t.is_space][:6] if span is not None else []
                named = [e for e in self.speakers.entities_in(s, cue.start)
                         if e.type == "PERSON" and opening and e.start <= opening[-1].idx]
                who = self.speakers.from_entity(named[0]) if named else None
        return who

    def _only_quote_before(self, tok: Token, s: int) -> bool:
        last_close = max((q.close for q in self.doubles if s <= q.close <= tok.idx), default=None)
        if last_close is None:
            return False
        span = tok.doc.char_span(last_close, tok.idx, alignment_mode="expand")
        return span is None or all(t.is_punct or t.is_space or t.pos_ == "ADV" for t in span)

    def source_of_according(self, cue: Cue) -> Who | None:
        """'according to X': X is the noun after 'to' (its first nominal token's phrase head)."""
        doc = cue.tok.doc
        for i in range(cue.tok.i + 2, min(len(doc), cue.tok.i + 12)):
            tok = doc[i]
            if tok.pos_ in ("PROPN", "NOUN", "PRON", "X"):
                for _ in range(6):
                    if tok.dep_ in ("flat", "compound", "amod", "nmod:poss", "det") and tok.head.i > tok.i:
                        tok = tok.head
                    else:
                        break
                return self.speakers.who(tok)
            if tok.pos_ in ("VERB", "AUX") or tok.text in ",.;":
                return None
        return None

    # -- direct quotes ---------------------------------------------------------------------------

    def _gap(self, a: int, b: int) -> str:
        return self.body[a:b]

    def attribute(self, qi: int, q: QSpan) -> tuple[Cue, bool] | None:
        """The cue of a direct quote and whether it follows the quote (an inverted "said X")."""
        para_start, para_end = self.paras[q.para]
        s0, e0 = self.sentence(q.open)
        right_before = [c for c in self.cues if para_start <= c.start and c.end <= q.open][-1:]
        if right_before and re.fullmatch(r"[\s,:]*(?:that\s+)?[\s,:]*", self._gap(right_before[0].end, q.open)):
            return right_before[0], False  # X said: “…” / X said that “…”
        holding = [c for c in self.cues if s0 <= c.start and c.end <= q.open and self._holds(c, q)]
        if holding:  # 'X said that it condemned “…”, Y reported': the verb whose complement holds the quote
            return holding[-1], False
        after = [c for c in self.cues if q.close <= c.start < para_end]
        before = [c for c in self.cues if para_start <= c.start and c.end <= q.open]
        if after and after[0].tok.tag_ == "VBG" and any(c.start >= s0 for c in before):
            after = []  # 'X described it as “…,” adding that': X's, by the verb before it
        for c in after[:1]:  # “…,” he said / ”, warned X
            gap = self._gap(q.close, c.start)
            inner = self.body[q.inner_start:q.inner_end].rstrip()
            ends = inner[-1:] in ",.!?—–-" or gap.lstrip()[:1] in ",.!?—–-" or _words(inner) >= 3
            if ends and not self.quoted(c.start) and _words(gap) <= 8 and not re.search(r"[.!?]\s+[A-Z]", gap) \
                    and not any(q.close <= o.open < c.start for o in self.doubles):
                return c, not gap.strip(" ,.!?—–-\u00a0")
        for c in before[-1:]:  # X said: “…” / X insisted that “…”
            gap = self._gap(c.end, q.open)
            if _words(gap) <= 4 and not any(c.end <= o.open < q.open for o in self.doubles) and \
                    re.fullmatch(r"[\s,:]*(?:[\w'’\-]+\s+){0,3}?(?:that\s+)?(?:the\s+)?[\s,:]*", gap):
                return c, False
        s, _ = self.sentence(q.open)
        _, e = self.sentence(max(q.close - 1, q.open))
        frame = [c for c in self.cues if s <= c.start < e]
        span = self.doc.tokens.char_span(q.inner_start, q.inner_end, alignment_mode="expand")
        inside = {t.i for t in span} if span is not None else set()
        for c in frame:  # linked by the parse: the quote is the verb's complement, or the verb hangs on it
            if c.tok.head.i in inside or any(t.head.i == c.tok.i and not t.is_punct for t in (span or [])):
                return c, c.start >= q.close
        if _words(self.body[q.inner_start:q.inner_end]) > 2:
            near = [c for c in frame if c.reported]
            if near:
                c = min(near, key=lambda c: min(abs(c.start - q.close), abs(q.open - c.end)))
                return c, c.start >= q.close and not self._gap(q.close, c.start).strip(" ,.!?—–-")
        return None

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
        any incursion") belongs to the clause; a quote that is most of the clause stands alone."""
        if span is None or not (span[0] <= q.open and q.close <= span[1] + 1):
            return False
        quoted = sum(_words(self.body[o.inner_start:o.inner_end]) for o in self.doubles
                     if span[0] <= o.open and o.close <= span[1] + 1)
        return quoted < 8 and _words(self.body[span[0]:span[1]]) - quoted >= 4

    def outer(self, cue: Cue) -> Cue:
        """The speech verb whose reported clause holds this one ("X said the US would announce …")."""
        by_token = {c.tok.i: c for c in self.cues}
        tok = cue.tok
        for _ in range(6):
            if tok.dep_ not in ("ccomp", "conj", "xcomp", "advcl") or tok.head is tok:
                return cue
            tok = tok.head
            if tok.i in by_token and by_token[tok.i].reported and by_token[tok.i].past != "according to":
                return by_token[tok.i]
        return cue

    def run(self) -> list[Quote]:
        chosen: dict[int, tuple[Cue, bool]] = {}
        for qi, q in enumerate(self.marks):
            pick = self.attribute(qi, q)
            if pick is not None and not pick[1]:
                pick = (self.outer(pick[0]), False)
            if pick is not None:
                chosen[qi] = pick
                pick[0].quotes.append(qi)
        inverted = {id(c): inv for c, inv in chosen.values()}
        for cue in self.cues:  # in text order, so "it" and "they" see the speakers before them
            cue.who = self.resolve(cue, inverted.get(id(cue), False))
            if cue.who is not None:
                self.speakers.said.append(cue.who)

        reported = {id(c): self.reported_span(c) for c in self.cues}
        out: list[Quote] = []
        prev_in_para: dict[int, tuple[Who | None, str | None]] = {}
        for qi, q in enumerate(self.marks):
            inner = self.body[q.inner_start:q.inner_end]
            n = _words(inner)
            who: Who | None = None
            cue_word: str | None = None
            if qi in chosen:
                c, _ = chosen[qi]
                if self._carried(reported[id(c)], q):
                    continue  # a phrase quoted inside reported speech: the reported clause carries it
                who, cue_word = c.who, c.past
            else:
                prev = prev_in_para.get(q.para)
                if prev is None and q.para > 0 and q.open == self.paras[q.para][0]:
                    cont = [p for p in self.doubles if p.para == q.para - 1 and p.continued]
                    if cont:
                        prev = prev_in_para.get(q.para - 1)
                ps, pe = self.paras[q.para]
                lead = [c for c in self.cues if ps <= c.start < q.open and c.who is not None]
                if q.para > 0 and not lead and q.open == ps:  # a quote paragraph after "X said:"
                    last = self.sentence(self.paras[q.para - 1][1] - 1)
                    lead = [c for c in self.cues if last[0] <= c.start < last[1] and c.who is not None]
                if prev is not None and prev[0] is not None and not q.single and n > 2:
                    who, cue_word = prev
                elif lead and not q.single and n > 2:  # the speaker the paragraph has been quoting
                    who, cue_word = lead[-1].who, lead[-1].past
                elif q.open == self.paras[q.para][0] and not q.single and n > 2:
                    k = bisect_right(self.sent_starts, max(q.close - 1, q.open))
                    nxt_s, nxt_e = self.sentences[k] if k < len(self.sentences) else (q.close, q.close)
                    nxt_e = min(nxt_e, self.paras[q.para][1])
                    later = [c for c in self.cues if nxt_s <= c.start < nxt_e and not c.quotes]
                    if later:
                        who, cue_word = later[0].who, later[0].past
            if cue_word is None and (q.single or n < SHORT):
                continue  # scare quotes, titles and unattributed fragments
            prev_in_para[q.para] = (who, cue_word)
            text = inner.rstrip()
            if not text.strip():
                continue
            out.append(Quote(text=text, start=q.inner_start, end=q.inner_start + len(text),
                             speaker=_speaker(who), cue=cue_word, direct=True))
        for c in self.cues:
            span = reported[id(c)]
            if span is None or c.who is None:
                continue
            a, b = span
            if any(q.inner_start <= a < q.inner_end or a <= q.open < b and not self._carried(span, q)
                   for q in self.doubles):
                continue  # the direct quote in it carries it
            out.append(Quote(text=self.body[a:b], start=a, end=b, speaker=_speaker(c.who), cue=c.past, direct=False))
        out.sort(key=lambda x: (x.start, x.end))
        return out

    # -- reported speech -------------------------------------------------------------------------

    def reported_span(self, cue: Cue) -> tuple[int, int] | None:
        """The clause a reporting verb reports, as a trimmed character span, if it states something."""
        if not cue.reported:
            return None
        s, e = self.sentence(cue.start)
        tok = cue.tok
        if cue.past == "according to":
            if re.match(r"\s*according to\b", self.body[s:cue.end + 1], re.I):
                comma = self.body.find(",", cue.end, e)
                span = (comma + 1, e) if comma > 0 else None
            else:
                span = (s, cue.start)
            return self._claim(span)
        comps = [c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i]
        if comps:
            clause = comps[0]
            toks = list(clause.subtree)
            a = toks[0].idx
            that = next((t for t in toks if t.lower_ == "that" and t.i > toks[0].i), None)
            if that is not None and tok.lemma_.lower() in (coref.speech_lexicon().get("object_verbs") or {}) and \
                    not any(t.pos_ in ("VERB", "AUX") for t in toks if t.i < that.i):
                a = that.idx + len(that)  # "told the audience that …": the listener is no part of it
            return self._claim((a, toks[-1].idx + len(toks[-1])), clause)
        after = self._clause_after(tok, e)
        if after is not None:
            return self._claim(after)
        # "X happened, officials said (on Monday)": the verb closes its sentence and a comma sets off
        # the short subject before it, whatever the parse made of the pair
        rest = [t for t in tok.doc[tok.i + 1:] if t.idx < e]
        if any(t.pos_ in ("VERB", "AUX") or t.lower_ == "that" for t in rest):
            return None
        comma = self.body.rfind(",", s, tok.idx)
        if comma > s and _words(self.body[comma:tok.idx]) <= 8 and not self.quoted(comma):
            return self._claim((s, comma))
        return None

    def _clause_after(self, verb: Token, end: int) -> tuple[int, int] | None:
        """'said its fighters had killed ...', 'told reporters the delegation had left': a finite clause
        right after the verb (past a "that" or the listener), however the parse attached it."""
        listener = _listener().match(self.body, verb.idx + len(verb), end)  # "told reporters", "told the audience"
        skip_to = listener.end() if listener else verb.idx + len(verb)
        toks = [t for t in verb.doc[verb.i + 1:verb.i + 40] if skip_to <= t.idx < end]
        k = 0
        if toks and toks[0].pos_ == "ADP":  # "said in a statement(,) (that) ...": past the setting
            stop = next((j for j, t in enumerate(toks[:14]) if t.lower_ == "that" or t.text == ","), None)
            if stop is None:
                return None
            k = stop + 1
        while k < len(toks) and (toks[k].pos_ in ("ADV", "PART") and toks[k].head.i == verb.i or toks[k].lower_ == "that"):
            k += 1
        rest = toks[k:]
        if not rest or rest[0].pos_ not in ("DET", "PRON", "PROPN", "NOUN", "NUM", "ADJ", "ADV") or self.quoted(rest[0].idx):
            return None
        if not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in rest[1:12]):
            return None
        return rest[0].idx, end

    def _claim(self, span: tuple[int, int] | None, clause: Token | None = None) -> tuple[int, int] | None:
        if span is None:
            return None
        a, b = _trim(self.body, *span)
        text = self.body[a:b]
        if _words(text) < 3 or text.rstrip().endswith("?"):
            return None
        if clause is not None:
            marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
            if marks & {"if", "whether"}:
                return None  # a question, not a claim
            if clause.pos_ not in ("VERB", "AUX", "ADJ") and not any(
                    c.dep_ in ("nsubj", "nsubj:pass", "cop", "aux") for c in clause.children):
                return None
        span_toks = self.doc.tokens.char_span(a, b, alignment_mode="expand")
        if span_toks is None or not any(t.pos_ in ("VERB", "AUX") for t in span_toks):
            return None
        return a, b


def _speaker(who: Who | None) -> Speaker | None:
    if who is None:
        return None
    return Speaker(name=who.name, id=who.id, actor=who.actor)


def _trim(body: str, a: int, b: int) -> tuple[int, int]:
    """Span without surrounding blanks, a leading "that", final punctuation or a lone quote mark."""
    while a < b and body[a] in " \n\u00a0,":
        a += 1
    m = re.match(r"that\s+", body[a:b])
    if m:
        a += m.end()
    while b > a and body[b - 1] in " \n\u00a0.,;:—–(":
        b -= 1
    inner = body[a:b]
    if inner[:1] in "“\"‘'" and not any(ch in inner[1:] for ch in "”\"’'"):
        a += 1
    if inner[-1:] in "”\"’'" and not any(ch in inner[:-1] for ch in "“\"‘'"):
        b -= 1
    return a, b


def extract_quotes(doc: NlpDoc) -> list[Quote]:
    """Direct quotes and reported speech in the body, each with its speaker (or null) and cue."""
    return Extraction(doc).run()
