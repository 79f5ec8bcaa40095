"""Quotations and reported speech with their speakers (built-in rules backend).

Direct quotes are the spans between quote marks (straight, curly, single where a speech
verb sits right next to them), attributed to the speech cue next to them, else to another
cue in the same sentence, else to the quote before them in the paragraph or to a cue in the
next sentence. Reported speech is the clause after a reporting verb ("X said (that) ...",
"X has warned that ...", "X told reporters ..."), before it ("..., Kyiv said Thursday") or
around "according to X". Speakers written as pronouns or descriptions are resolved by
flashpoint.nlp.coref to the person mentioned before.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from flashpoint.model import Actor, Quote, Speaker
from flashpoint.nlp import coref
from flashpoint.nlp.coref import Mention
from flashpoint.nlp.document import NlpDoc
from flashpoint.nlp.regexes import alternation

MASK = "\x00"
OPEN_DOUBLE, CLOSE_DOUBLE = "“„«", "”»"
ABBREVIATIONS = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Sgt|Capt|Rep|Sen|Gov|Jr|Sr|No|vs|etc|Jan|Feb|Mar|Apr|"
                           r"Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z])\.)$")
WEEKDAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
TIME_ADVERBIAL = re.compile(
    rf"^\s*,?\s*(?:(?:late|early)\s+)?(?:on\s+)?(?:{WEEKDAYS}(?:\s+(?:morning|afternoon|evening|night))?"
    r"|(?:last|this|next)\s+(?:week|month|year|night|weekend|morning)|yesterday|today|tonight|overnight|earlier|later"
    r"|(?:in|at|during|on)\s+(?:a|an|the|his|her|its|their)\s+(?:[\w\-]+\s+){0,3}?(?:statement|interview|speech|"
    r"address|briefing|conference|meeting|call|post|message|tweet|video)(?:\s+(?:on|with|to)\s+[A-Z][\w\-]*)?"
    r"|on\s+(?:Facebook|Twitter|Telegram|X|television|TV|state television|state TV))\s*,?",
)
FINITE = re.compile(r"\b(?:would|will|could|can|was|were|is|are|had|has|have|did|does|do|should|might|must|may|"
                    r"shall|\w+ed|wants|needs|remains|plans|intends|seeks|says|knows|sees|believes|supports|"
                    r"opposes|rejects|accepts|continues|expects|hopes|fears|wishes|refuses|means|stands|lies)\b")
CLAUSE_START = re.compile(r"^(?:[A-Z“\"‘']|(?:the|a|an|it|he|she|they|we|i|there|this|these|those|its|his|her|"
                          r"their|our|no|any|all|some|none|both|such|more|most|many|only|if|without|western|"
                          r"ukrainian|russian)\b)")
CONJ_BOUNDARY = re.compile(r"(?:[;:()\[\]—–]|\s-\s|,?\s+\b(?:and|but|while|as|after|before|when|because|since|although|"
                           r"though|whereas|if|with|that|which|where|so|by|amid|despite)\b\s+|" + MASK + ")")


@dataclass
class Cue:
    start: int
    end: int
    text: str
    past: str  # what a Quote's `cue` says: "said", "warned", "according to"
    reported: bool  # takes a reported clause
    base: str


@dataclass
class QSpan:
    open: int  # position of the opening mark
    close: int  # position just after the closing mark (paragraph end when unclosed)
    inner_start: int
    inner_end: int
    single: bool
    para: int
    speaker: Mention | None = None
    cue: str | None = None
    continued: bool = False  # ran to the paragraph end without a closing mark


@lru_cache(maxsize=1)
def _forms() -> dict[str, tuple[str, str, bool, bool]]:
    """Every inflected form of a speech verb -> (past, base, reported, is_base_or_s_form)."""
    lex = coref.speech_lexicon()
    reported = set(lex.get("reported", []))
    out: dict[str, tuple[str, str, bool, bool]] = {}
    for base, past in (lex.get("verbs") or {}).items():
        base, past = str(base), str(past)
        rep = base in reported
        if base.endswith(("s", "sh", "ch", "x", "z")):
            third = base + "es"
        elif base.endswith("y") and base[-2] not in "aeiou":
            third = base[:-1] + "ies"
        else:
            third = base + "s"
        if base.endswith("e") and not base.endswith("ee"):
            ing = base[:-1] + "ing"
        elif past == base + base[-1] + "ed":
            ing = base + base[-1] + "ing"
        else:
            ing = base + "ing"
        out[base] = (past, base, rep, True)
        out[third] = (past, base, rep, True)
        out[past] = (past, base, rep, False)
        out[ing] = (past, base, rep, False)
    for form, base in (lex.get("irregular") or {}).items():
        base = str(base)
        past = str((lex.get("verbs") or {}).get(base, form))
        out[str(form)] = (past, base, base in reported, str(form) in {base, base + "s"})
    return out


@lru_cache(maxsize=1)
def _cue_regex() -> re.Pattern[str]:
    forms = sorted(_forms(), key=len, reverse=True)
    # every form starts with a letter, so "not after a word character" is the leading \b, and
    # the regex engine tests it three times faster
    lead = r"(?<!\w)" if all(re.match(r"\w", f) for f in forms) else r"\b"
    return re.compile(lead + r"(" + alternation(forms) + r"|according to)\b")


@lru_cache(maxsize=1)
def _adverbs() -> frozenset[str]:
    return frozenset(str(a) for a in coref.speech_lexicon().get("adverbs", []))


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
        for qm in _DOUBLE_MARK.finditer(text):  # only the marks change the state
            i, ch = qm.start(), qm.group()
            if ch in OPEN_DOUBLE or (ch == '"' and open_at is None and _is_opening(text, i)):
                if open_at is not None:  # an opening mark inside an open quote: the first one never closed
                    doubles.append(QSpan(ps + open_at, ps + i, ps + open_at + 1, ps + i, False, pi, continued=True))
                open_at = i
            elif ch in CLOSE_DOUBLE or ch == '"':
                if open_at is not None:
                    doubles.append(QSpan(ps + open_at, ps + i + 1, ps + open_at + 1, ps + i, False, pi))
                    open_at = None
        if open_at is not None:
            doubles.append(QSpan(ps + open_at, pe, ps + open_at + 1, pe, False, pi, continued=True))
        spans.extend(doubles)
        # single marks: ‘...’ or '...' not inside a double-quoted span, closing mark not an apostrophe
        inside = [(q.open - ps, q.close - ps) for q in doubles]
        open_at = None
        for qm in _SINGLE_MARK.finditer(text):
            i, ch = qm.start(), qm.group()
            if any(a <= i < b for a, b in inside):
                continue
            nxt = text[i + 1] if i + 1 < len(text) else " "
            prev = text[i - 1] if i > 0 else " "
            if open_at is None and (ch == "‘" or ch == "'") and _is_opening(text, i) and nxt.isalnum():
                open_at = i
            elif open_at is not None and ch in "’'" and not nxt.isalnum() and not prev.isspace():
                if len(text[open_at:i].split()) <= 60:
                    spans.append(QSpan(ps + open_at, ps + i + 1, ps + open_at + 1, ps + i, True, pi))
                open_at = None
    spans.sort(key=lambda q: q.open)
    return spans


def sentence_spans(body: str, quotes: list[QSpan]) -> list[tuple[int, int]]:
    """Sentences of each paragraph, never split inside a quote."""
    out: list[tuple[int, int]] = []
    for ps, pe in paragraphs(body):
        start = ps
        for m in re.finditer(r"[.!?]+[\"”’']*\s+(?=[\"“‘']?[A-Z0-9])", body[ps:pe]):
            cut = ps + m.end()
            if any(q.open < cut - 1 < q.close - 1 for q in quotes):
                continue
            if ABBREVIATIONS.search(body[start:ps + m.start() + 1]):
                continue
            out.append((start, ps + m.start() + len(m.group(0).rstrip())))
            start = cut
        out.append((start, pe))
    return out


def find_cues(body: str, quotes: list[QSpan]) -> list[Cue]:
    """Speech verbs and 'according to' outside quotes, without passives and noun uses."""
    lex = coref.speech_lexicon()
    noun_like = set(lex.get("noun_like", []))
    cues: list[Cue] = []
    for m in _cue_regex().finditer(body):
        if any(q.open <= m.start() < q.close for q in quotes):
            continue
        word = m.group(1)
        if word == "according to":
            cues.append(Cue(m.start(), m.end(), word, "according to", True, "according to"))
            continue
        past, base, reported, plain = _forms()[word]
        before = body[max(0, m.start() - 40):m.start()]
        prev_words = re.findall(r"[\w'’\-]+", before)
        prev = prev_words[-1].lower() if prev_words else ""
        if prev in {"been", "be", "being", "was", "were", "is", "are"} and not word.endswith("ing"):
            continue  # passive: "was told", "has been reported"
        if word.endswith("ing") and prev in {"the", "a", "an", "his", "her", "its", "their", "this", "that", "of"}:
            continue  # a noun: "the warning", "his saying"
        if plain and base in noun_like:
            if not prev_words or not (prev_words[-1][0].isupper() or prev in {"he", "she", "it", "they", "we"}
                                      or prev.endswith(("official", "officials", "ministry", "minister"))):
                continue
        cues.append(Cue(m.start(), m.end(), word, past, reported, base))
    return cues


def _masked(body: str, start: int, end: int, quotes: list[QSpan]) -> str:
    """body[start:end] with quoted spans (marks included) blanked out, offsets kept."""
    chars = list(body[start:end])
    for q in quotes:
        a, b = max(q.open, start), min(q.close, end)
        for i in range(a, b):
            chars[i - start] = MASK
    return "".join(chars)


def _strip_trailing(chunk: str) -> str:
    """Drop auxiliaries, adverbs and time words between a subject and its verb."""
    adverbs = _adverbs()
    while True:
        m = re.search(r"(?:,?\s*\b([\w'’\-]+)\b\s*,?\s*)$", chunk)
        if not m or m.group(1).lower() not in adverbs:
            return chunk
        chunk = chunk[:m.start()]


class Resolver:
    """Finds and resolves speakers, remembering who spoke for later pronouns."""

    def __init__(self, doc: NlpDoc, quotes: list[QSpan], sentences: list[tuple[int, int]]) -> None:
        self.doc = doc
        self.body = doc.body
        self.quotes = quotes
        self.sentences = sentences
        self._ends: list[int] | None = None
        ents = [e for e in doc.entities if not any(q.inner_start <= e.start < q.inner_end for q in quotes)]
        self.mentions: list[Mention] = coref.entity_mentions(self.body, ents)
        taken = [(e.start, e.end) for e in doc.entities]
        masked = _masked(self.body, 0, len(self.body), [q for q in quotes if not q.single])
        fallback = [m for m in coref.fallback_mentions(masked, taken)]
        self.mentions.extend(fallback)
        known = [x for x in self.mentions if x.id is not None and x.person] or [x for x in self.mentions if x.person]
        fulls: dict[str, Mention | None] = {}
        for m in self.mentions:  # short forms take the fullest spelling in the document
            if m.person and m.id is None:
                if m.name not in fulls:
                    fulls[m.name] = coref.canonical(m.name, known)
                full = fulls[m.name]
                if full is not None and len(full.name) >= len(m.name):
                    m.name, m.id, m.actor = full.name, full.id, full.actor or m.actor
                    m.roles = m.roles + full.roles
        self.mentions.sort(key=lambda m: m.start)
        self.resolved: list[tuple[Cue, Mention | None]] = []

    def sentence_of(self, pos: int) -> tuple[int, int]:
        """The first sentence with s <= pos <= e, else (pos, pos). Sentences are in text order and
        do not overlap, so it is the first one ending at or after pos, if it starts by pos."""
        if self._ends is None:
            self._ends = [e for _, e in self.sentences]
        i = bisect_left(self._ends, pos)
        if i < len(self.sentences) and self.sentences[i][0] <= pos:
            return self.sentences[i]
        return pos, pos

    def _mentions_in(self, start: int, end: int, person: bool | None = None) -> list[Mention]:
        return [m for m in self.mentions if start <= m.start and m.end <= end and (person is None or m.person == person)]

    def _remember(self, who: Mention, at: int) -> Mention:
        said = Mention(start=at, end=at + 1, name=who.name, id=who.id, actor=who.actor, person=who.person,
                       roles=list(who.roles), country=who.country, speaker=True)
        for m in self.mentions:
            if m.name == who.name and m.person:
                m.speaker = True
        if who.person:
            self.mentions.append(said)
            self.mentions.sort(key=lambda m: m.start)
        return said

    def resolve_np(self, start: int, end: int) -> Mention | None:
        """Who a noun phrase body[start:end] names: a person, a pronoun, a role description or an actor."""
        text = self.body[start:end]
        stripped = text.strip(" ,\u00a0" + MASK)
        if not stripped:
            return None
        last_comma = stripped.rfind(",")
        seg_off = start + text.find(stripped) + (last_comma + 1 if last_comma >= 0 else 0)
        segment = stripped[last_comma + 1:].strip() if last_comma >= 0 else stripped
        if not segment:
            segment, seg_off = stripped, start
        low = segment.lower()
        if low in coref.PRONOUNS:
            return coref.resolve_pronoun(self.mentions, start)
        if low in {"it", "they", "we", "i"}:
            return None
        people = [m for m in self._mentions_in(start, end, person=True) if not m.speaker or m.end - m.start > 1]
        people = [m for m in people if not _AFTER_PREPOSITION.search(self.body, max(start, m.start - 10), m.start)]
        in_segment = [m for m in people if m.start >= seg_off]
        if in_segment or (people and segment == stripped) or (people and last_comma == len(stripped) - 1):
            return (in_segment or people)[-1]
        if people and re.match(r"(?i)^(?:the|a|an)\b", segment) and coref.role_of(segment)[0]:
            return people[-1]  # "Aleksey Danilov, the secretary of ...,": the appositive names the person
        head, _country = coref.role_of(segment)
        if head is not None:
            if not re.match(r"(?i)^(?:a|an|another|one|two|three|several|some|many|other)\b", segment):
                found = coref.resolve_description(segment, self.mentions, start)
                if found is not None:
                    return found
            return Mention(start=seg_off, end=end, name=_describe(segment), person=False,
                           actor=_actor(segment, self.body[max(0, start - 200):end]))
        others = [m for m in self._mentions_in(start, end, person=False) if m.start >= seg_off
                  and not _AFTER_PREPOSITION.search(self.body, max(start, m.start - 10), m.start)]
        if others and re.match(r"^\s*['’]s?\s+\w", self.body[others[-1].end:end]):
            organ = _actor(segment, self.body[max(0, start - 200):end])
            if organ is not None and organ.sector and organ.country:
                # "Ukraine's air force said": the organ speaks, not the country
                return Mention(start=seg_off, end=end, name=organ.name or _describe(segment), id=organ.id,
                               actor=organ, person=False)
        if others and re.fullmatch(r"(?:-[a-z]+)?(?:\s+[a-z][\w-]*){1,3}\s*", self.body[others[-1].end:end]) and \
                len(segment.split()) <= 5:
            # "Ukrainian emergency services said": the body named, with the country it belongs to
            m = others[-1]
            actor = _actor(segment, self.body[max(0, start - 200):end]) or m.actor
            return Mention(start=seg_off, end=end, name=_describe(segment), id=actor.id if actor else m.id,
                           actor=actor, person=False)
        if others:
            m = others[-1]
            return Mention(start=m.start, end=m.end, name=m.name, id=m.id, person=False,
                           actor=m.actor or _actor(self.body[m.start:m.end], segment))
        actor = _actor(segment, self.body[max(0, start - 200):end])
        words = re.findall(r"[A-Z][\w'’\-]+", segment)
        if actor is not None and (actor.name or actor.country or actor.code):
            return Mention(start=seg_off, end=end, name=actor.name or _describe(segment), id=actor.id,
                           actor=actor, person=False)
        if words:
            name = words[-1].replace("’s", "").replace("'s", "")
            if name.lower() in coref.place_words() or name.lower() in coref.org_words():
                return Mention(start=seg_off, end=end, name=name, person=False)
        return None

    def subject_before(self, cue: Cue) -> Mention | None:
        s, _e = self.sentence_of(cue.start)
        left = _masked(self.body, s, cue.start, self.quotes)
        aside = INSERTION_BEFORE_CUE.search(left)
        if aside and left[:aside.start()].strip():
            left = left[:aside.start()]  # "X, speaking in Jeddah after talks with Y, said": X speaks
        cut, word = 0, ""
        for m in CONJ_BOUNDARY.finditer(left):
            before = left[:m.start()].split()
            after = left[m.end():].split()
            if m.group(0).strip() in {"and", "of"} and before and after and before[-1][:1].isupper() \
                    and after[0][:1].isupper():
                continue  # "Security and Defense Council": part of a name
            cut, word = m.end(), m.group(0).strip(" ,")
        if cue.text.endswith("ing") and word != "with":
            return self.main_subject(cue)
        chunk = _strip_trailing(left[cut:])
        if not chunk.strip(" ,"):
            if word in {"and", "but"}:  # "X dismissed the reports and insisted": X speaks
                return self.main_subject(cue) or self._clause_subject(s, cue.start)
            return None
        return self.resolve_np(s + cut, s + cut + len(chunk))

    def _clause_subject(self, s: int, end: int) -> Mention | None:
        """The actor a sentence opens with, up to its first comma."""
        comma = self.body.find(",", s, end)
        return self.resolve_np(s, comma if comma > 0 else end)

    def main_subject(self, cue: Cue) -> Mention | None:
        """The subject of the clause a participle ("..., adding that") hangs on."""
        s, _e = self.sentence_of(cue.start)
        for c, who in self.resolved:
            if s <= c.start < cue.start and who is not None:
                return who
        left = _masked(self.body, s, cue.start, self.quotes)
        pron = re.search(r"\b(he|she|He|She)\b", left)
        people = self._mentions_in(s, cue.start, person=True)
        if people and (pron is None or people[0].start < s + pron.start()):
            return people[0]
        if pron:
            return coref.resolve_pronoun(self.mentions, s + pron.start())
        return None

    def subject_after(self, cue: Cue) -> Mention | None:
        _s, e = self.sentence_of(cue.start)
        right = _masked(self.body, cue.end, e, self.quotes)
        offset = 0
        while True:
            m = TIME_ADVERBIAL.match(right[offset:]) or re.match(r"^\s*(?:further|also|then|again)\b", right[offset:])
            if not m or not m.group(0).strip():
                break
            offset += m.end()
        stop = re.search(r"[.;" + MASK + r"]|\b(?:who|which|after|while|when|during)\b", right[offset:])
        region_end = cue.end + offset + (stop.start() if stop else len(right) - offset)
        people = self._mentions_in(cue.end + offset, region_end, person=True)
        if people:
            return people[0]
        np_end = re.search(r",|\s(?:at|on|in|during|after|before|as|to)\s", self.body[cue.end + offset:region_end])
        end = cue.end + offset + (np_end.start() if np_end else region_end - cue.end - offset)
        return self.resolve_np(cue.end + offset, end)

    def speaker_of(self, cue: Cue, inverted: bool = False) -> Mention | None:
        if cue.base == "according to":
            _s, e = self.sentence_of(cue.start)
            right = _masked(self.body, cue.end, e, self.quotes)
            stop = re.search(r"[,.;" + MASK + r"]|\s(?:based|citing|who|which)\b", right)
            end = cue.end + (stop.start() if stop else len(right))
            who = self.resolve_np(cue.end, end)
            sources = self._mentions_in(cue.end, end)
            if who is not None and len(sources) > 1 and re.search(r"\s(?:and|&)\s", self.body[cue.end:end]):
                # "according to Washington and Kyiv": both give it; the first acts for the record
                first = sources[0]
                names = " and ".join(dict.fromkeys(m.name for m in sources))
                who = Mention(start=first.start, end=sources[-1].end, name=names, id=first.id,
                              actor=first.actor, person=first.person)
        elif cue.text.endswith("ing"):
            who = self.subject_before(cue)
        elif inverted:
            who = self.subject_after(cue) or self.subject_before(cue)
        else:
            who = self.subject_before(cue)
            if who is None and re.match(r"^\s*[,.!?—–-]*\s*$", _strip_trailing(self._gap_before(cue))):
                who = self.subject_after(cue)
        self.resolved.append((cue, who))
        if who is not None:
            self._remember(who, cue.start)
        return who

    def _gap_before(self, cue: Cue) -> str:
        s, _e = self.sentence_of(cue.start)
        left = self.body[s:cue.start]
        last_close = max((q.close for q in self.quotes if s <= q.close <= cue.start), default=None)
        return left if last_close is None else self.body[last_close:cue.start]


INSERTION_BEFORE_CUE = re.compile(r",\s+(?:[a-z]+ing|who|which|whose|after|while|during|following|the|an?|"
                                  r"[\w-]+['’]s)\s[^,]{0,160},\s*$")  # an aside or an appositive


_AFTER_PREPOSITION = re.compile(r"\b(?:to|of|for|from|against|about|with|on|in)\s+(?:the\s+)?$")


def _describe(text: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.IGNORECASE)


def _actor(text: str, context: str | None) -> Actor | None:
    try:
        from flashpoint.nlp.actors import resolve_actor

        return resolve_actor(text, context)
    except Exception:  # noqa: BLE001 - the actor stage is optional for attribution
        return None


def _speaker(m: Mention | None) -> Speaker | None:
    if m is None:
        return None
    actor = m.actor
    if actor is None and m.person:
        context = " ".join(m.roles) if m.roles else None
        actor = _actor(m.name, context)
    return Speaker(name=m.name, id=m.id, actor=actor)


def _words(text: str) -> int:
    return len(re.findall(r"[\w'’\-]+", text))


def extract_quotes(doc: NlpDoc) -> list[Quote]:
    """Direct quotes and reported speech in the body, each with its speaker and cue."""
    body = doc.body
    qspans = scan_quotes(body)
    sentences = sentence_spans(body, qspans)
    cues = find_cues(body, qspans)
    res = Resolver(doc, qspans, sentences)
    para_spans = paragraphs(body)

    # which cue attributes each direct quote; cues are resolved in text order so pronouns see earlier speakers
    chosen: dict[int, tuple[Cue, bool]] = {}
    for qi, q in enumerate(qspans):
        s, _ = res.sentence_of(q.open)
        _, e = res.sentence_of(max(q.close - 1, q.open))
        frame = [c for c in cues if s <= c.start < e]
        short = _words(body[q.inner_start:q.inner_end]) <= 2
        pick: tuple[Cue, bool] | None = None
        for c in frame:  # adjacent after: “...,” he said / ”, warned X
            if c.start >= q.close:
                gap = _masked(body, q.close, c.start, qspans)
                ends = body[q.inner_start:q.inner_end].rstrip()[-1:] in ",.!?—–-" or gap.lstrip()[:1] in ",.!?—–-"
                if ends and MASK not in gap and _words(gap) <= 8 and not re.search(r"[.!?]\s+[A-Z]", gap):
                    pick = (c, not gap.strip(" ,.!?—–-\u00a0"))
                    break
        if pick is None:
            for c in reversed(frame):  # adjacent before: X said: “...” / X insisted that “...”
                if c.end <= q.open:
                    gap = _masked(body, c.end, q.open, qspans)
                    if MASK not in gap and _words(gap) <= 4 and re.fullmatch(r"[\s,:]*(?:[\w'’\-]+\s+){0,3}?(?:that\s+)?(?:the\s+)?[\s,:]*", gap):
                        pick = (c, False)
                        break
        if pick is None and not short and not q.single:
            near = [c for c in frame if c.reported]
            if near:
                c = min(near, key=lambda c: min(abs(c.start - q.close), abs(q.open - c.end)))
                pick = (c, c.start >= q.close and not _masked(body, q.close, c.start, qspans).strip(" ,.!?—–-"))
        if pick is not None:
            chosen[qi] = pick

    events: list[tuple[int, str, int]] = [(c.start, "cue", i) for i, c in enumerate(cues)]
    events += [(q.open, "quote", i) for i, q in enumerate(qspans)]
    events.sort()
    cue_speaker: dict[int, Mention | None] = {}
    cue_index = {id(c): i for i, c in enumerate(cues)}  # cues start at distinct offsets: list.index, cheaper
    attributed = {cue_index[id(c)] for c, _inv in chosen.values()}
    # resolve cues in order; a cue that attributes a quote is resolved with its inversion flag
    inverted_of = {cue_index[id(c)]: inv for c, inv in chosen.values()}
    for _pos, kind, i in events:
        if kind == "cue" and i not in cue_speaker:
            cue_speaker[i] = res.speaker_of(cues[i], inverted=inverted_of.get(i, False))

    out: list[Quote] = []
    prev_in_para: dict[int, QSpan] = {}
    for qi, q in enumerate(qspans):
        inner = body[q.inner_start:q.inner_end]
        n_words = _words(inner)
        if qi in chosen:
            c, _ = chosen[qi]
            q.speaker, q.cue = cue_speaker.get(cue_index[id(c)]), c.past
        else:
            prev = prev_in_para.get(q.para)
            if prev is None and q.para > 0 and q.open == para_spans[q.para][0]:
                before = [p for p in qspans if p.para == q.para - 1 and p.continued]
                prev = before[-1] if before else None
            if prev is not None and prev.speaker is not None and not q.single and n_words > 2:
                q.speaker, q.cue = prev.speaker, prev.cue
            elif q.open == para_spans[q.para][0] and not q.single and n_words > 2:
                _, e = res.sentence_of(max(q.close - 1, q.open))
                nxt = res.sentence_of(e + 1) if e + 1 < para_spans[q.para][1] else None
                if nxt:
                    later = [i for i, c in enumerate(cues) if nxt[0] <= c.start < nxt[1]]
                    if later:
                        q.speaker, q.cue = cue_speaker.get(later[0]), cues[later[0]].past
        if q.cue is None and (q.single or n_words < 6):
            continue  # scare quotes and unattributed fragments
        prev_in_para[q.para] = q
        text = inner.rstrip()
        if not text.strip():
            continue
        out.append(Quote(text=text, start=q.inner_start, end=q.inner_start + len(text), speaker=_speaker(q.speaker),
                         cue=q.cue, direct=True))

    out.extend(_reported(doc, res, cues, cue_speaker, qspans, attributed, chosen))
    out.sort(key=lambda x: (x.start, x.end))
    return out


def _reported(doc: NlpDoc, res: Resolver, cues: list[Cue], cue_speaker: dict[int, Mention | None],
              qspans: list[QSpan], attributed: set[int], chosen: dict[int, tuple[Cue, bool]]) -> list[Quote]:
    """Reported speech: the clause a reporting verb introduces, or the one it closes."""
    body = doc.body
    obj = {k: [str(v) for v in vs] for k, vs in (coref.speech_lexicon().get("object_verbs") or {}).items()}
    out: list[Quote] = []
    cue_index = {id(c): i for i, c in enumerate(cues)}
    after_quote = {cue_index[id(c)] for c, inv in chosen.values()
                   if any(q.close <= c.start for qi, q in enumerate(qspans) if chosen.get(qi, (None,))[0] is c)}
    for i, c in enumerate(cues):
        who = cue_speaker.get(i)
        if not c.reported or who is None:
            continue
        s, e = res.sentence_of(c.start)
        span: tuple[int, int] | None = None
        if c.base == "according to":
            m = re.match(r"^\s*According to\b", body[s:c.end + 1])
            if m:
                comma = body.find(",", c.end, e)
                if comma > 0:
                    span = (comma + 1, e)
            else:
                lead = body[s:c.start].rstrip(" ,(—–-")
                if _words(lead) >= 4:
                    span = (s, s + len(lead))
        else:
            pos = c.end
            tail = body[pos:e]
            for extra in obj.get(c.base, []):
                m = re.match(rf"^\s+{re.escape(extra)}\b", tail)
                if m:
                    pos += m.end()
                    tail = body[pos:e]
                    break
            while True:
                m = TIME_ADVERBIAL.match(tail)
                if not m or not m.group(0).strip():
                    break
                pos += m.end()
                tail = body[pos:e]
            m_that = re.match(r"^\s*,?\s*that\s+", tail)
            if m_that:
                pos += m_that.end()
                span = (pos, e)
            elif c.base == "accuse" and re.match(r"^\s+\S", tail) and " of " in tail:
                span = (pos + len(tail) - len(tail.lstrip()), e)
            elif i not in after_quote and not c.text.endswith("ing") and re.match(r"^\s+\S", tail):
                skip = len(tail) - len(tail.lstrip())
                clause = tail.lstrip()
                if CLAUSE_START.match(clause) and FINITE.search(" ".join(clause.split()[:12])) \
                        and not re.match(r"^(?:on|in|at|to|of|for|with|without|by|after|before|during|"
                                         r"as|about|from|over|into|against|the\s+\w+\s+(?:of|as)\b)\b", clause):
                    span = (pos + skip, e)
            if span is None and i not in after_quote and not tail.strip(" ,.;") or \
                    span is None and re.match(r"^\s*,", tail):
                gap = body[s:c.start]
                comma = gap.rfind(",")
                if comma > 0 and _words(gap[comma:]) <= 6 and MASK not in _masked(body, s, s + comma, qspans) \
                        and _words(gap[:comma]) >= 4:
                    span = (s, s + comma)
        if span is None:
            continue
        a, b = _trim(body, *span)
        text = body[a:b]
        if _words(text) < 3 or any(q.open <= a < q.close for q in qspans if not q.single):
            continue
        out.append(Quote(text=text, start=a, end=a + len(text), speaker=_speaker(who), cue=c.past, direct=False))
    return out


def _trim(body: str, a: int, b: int) -> tuple[int, int]:
    """Span without surrounding blanks, final punctuation or a lone quote mark at either end."""
    while a < b and body[a] in " \n\u00a0,":
        a += 1
    while b > a and body[b - 1] in " \n\u00a0.,;:":
        b -= 1
    inner = body[a:b]
    if inner[:1] in "“\"‘'" and not any(ch in inner[1:] for ch in "”\"’'"):
        a += 1
    if inner[-1:] in "”\"’'" and not any(ch in inner[:-1] for ch in "“\"‘'"):
        b -= 1
    return a, b
