"""The one document object the extractors share, spaCy-style.

`tokens` is one spaCy Doc per article from flashpoint's own trained pipeline (`parser.py`): tokens,
sentences, parts of speech, morphology, lemmas and dependencies, with character offsets into the
body. Each extractor is a plain function `(NlpDoc) -> list[Record]`; the pipeline runs them in order
and stores each result on the doc, so later extractors read earlier ones (quotes read entities and
timexes, events read entities, quotes and timexes).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any

from spacy.attrs import IDX, IS_SPACE, LENGTH
from spacy.tokens import Doc, Span

from flashpoint.model import Article, Entity, Event, Quantity, Quote, Timex
from flashpoint.nlp.parser import TEXT_KEY, Scope, parse


@dataclass
class NlpDoc:
    article: Article
    tokens: Doc
    published: dt.date | None = None
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    extras: dict[str, Any] = field(default_factory=dict)
    sentence_spans: list[tuple[int, int]] | None = field(default=None, repr=False)
    furniture_starts: frozenset[int] | None = field(default=None, repr=False)
    word_edges: tuple[list[int], list[int]] | None = field(default=None, repr=False)

    @property
    def body(self) -> str:
        return self.article.body

    def sentences(self) -> list[tuple[int, int]]:
        """Character spans of the sentences of the body, without the line breaks after them (computed
        once, several extractors ask)."""
        if self.sentence_spans is None:
            spans = (trimmed(s, self.body) for s in self.tokens.sents)
            self.sentence_spans = [span for span in spans if span[0] < span[1]]
        return self.sentence_spans

    def words_between(self, start: int, end: int) -> int:
        """How many written words (`written_words`) the characters from `start` to `end` touch (computed once per
        document, then two bisections a question)."""
        if end <= start:
            return 0
        if self.word_edges is None:
            spans = written_words(self.tokens)
            self.word_edges = [s for s, _ in spans], [e for _, e in spans]
        starts, ends = self.word_edges
        return bisect_left(starts, end) - bisect_right(ends, start)

    def furniture(self) -> frozenset[int]:
        """Start offsets of sentences that are page furniture (a photo credit, "Terms of Use"), which
        no extractor reads as news: the cleaner's own boilerplate markers, applied to each line."""
        if self.furniture_starts is None:
            from flashpoint.ingest.clean_lines import markers

            starts = markers().starts
            lines, pos = [], 0
            for line in self.body.split("\n"):
                if starts.match(" ".join(line.split())):
                    lines.append((pos, pos + len(line)))
                pos += len(line) + 1
            self.furniture_starts = frozenset(  # most bodies have no furniture line: no sentence walked then
                s.start_char for s in self.tokens.sents if any(a <= s.start_char < b for a, b in lines)
            ) if lines else frozenset()
        return self.furniture_starts


def doc_text(doc: Doc) -> str:
    """The Doc's text, kept in its user_data (parser.parse keeps the text it was given; another Doc's is joined once):
    spaCy's Doc.text joins every token's text again on each read (a Token object a token), and the extractors read
    the body hundreds of times a document."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


WORD_MARKS = "'’-_"  # what a written word holds besides letters and digits ("Al-Qaeda", "O’Brien", "Kyiv’s")


def written_words(doc: Doc) -> list[tuple[int, int]]:
    """The body's words as written, from the Doc's tokens (issue 11): a run of tokens written together, of letters
    or digits and the hyphens and apostrophes between them ("Al", "-", "Qaeda"; "Kyiv", "’s"; "Nov."; a link); a
    token of other marks alone (a comma, a bracket, a line break) is no word and parts two. Read from the doc's
    arrays once per Doc (kept in its user_data; coref and the word counts each ask): callers read it, never change
    it."""
    words: list[tuple[int, int]] | None = doc.user_data.get(_WORDS_KEY)
    if words is not None:
        return words
    words = doc.user_data[_WORDS_KEY] = words_near(doc, 0, len(doc_text(doc)), WORD_MARKS, any_alnum=True)
    return words


_WORDS_KEY = "flashpoint.written_words"


def words_near(doc: Doc, lo: int, hi: int, marks: str, any_alnum: bool = False) -> list[tuple[int, int]]:
    """The words between two offsets, from the Doc's tokens (issue 11): a word is a run of tokens written together
    ("Ukraine", "'s"; "vice", "-", "president"; "Mr."), each of letters, digits and `marks` (with `any_alnum`, as
    written_words reads them: each holding a letter or digit, or of `marks` alone); a token of another mark (a
    comma, a bracket, a quote, a line break) is none and parts two words. A word the offsets cut is cut too."""
    text, (starts, ends, _space) = doc_text(doc), token_offsets(doc)
    words: list[tuple[int, int]] = []
    for i in token_range(doc, lo, hi):
        s, e = starts[i], ends[i]
        if s < lo or e > hi:  # only the first and last token may be cut: no max and min a token
            s, e = max(s, lo), min(e, hi)
        if s >= e:
            continue
        piece = text[s:e]
        if not piece.isalnum():  # most tokens are letters and digits alone: str.isalnum answers for them at C speed
            if any_alnum:
                word = any(c.isalnum() for c in piece) or all(c in marks for c in piece)
            else:
                word = all(c.isalnum() or c in marks for c in piece)
            if not word:
                continue
        if words and words[-1][1] == s:
            words[-1] = (words[-1][0], e)
        else:
            words.append((s, e))
    return words


def spaced_words(doc: Doc, lo: int, hi: int) -> list[str]:
    """The words between two offsets as spaces part them, from the Doc's tokens (issue 11): a run of tokens with no
    space between ("Ministry", ","; "Kyiv", "’s"), marks and all; a space token (a line break, a no-break space) parts
    two. What `str.split` gives of the text between the offsets: a word the offsets cut is cut too."""
    text, (starts, ends, space) = doc_text(doc), token_offsets(doc)
    words: list[str] = []
    end = -1
    for i in token_range(doc, lo, hi):
        s, e = starts[i], ends[i]
        if s < lo or e > hi:  # only the first and last token may be cut
            s, e = max(s, lo), min(e, hi)
        if s >= e or space[i]:
            continue
        if words and end == s:
            words[-1] += text[s:e]
        else:
            words.append(text[s:e])
        end = e
    return words


def token_offsets(doc: Doc) -> tuple[list[int], list[int], list[bool]]:
    """Each token's start and end offsets and whether it is a space token, read from the Doc's arrays once per Doc
    (kept in its user_data): words_near and spaced_words run thousands of times a document, and a Token object
    for each token they walk cost more than the walk."""
    offsets = doc.user_data.get(_OFFSETS_KEY)
    if offsets is None:
        starts = doc.to_array(IDX).tolist()
        ends = [i + n for i, n in zip(starts, doc.to_array(LENGTH).tolist(), strict=True)]
        offsets = doc.user_data[_OFFSETS_KEY] = starts, ends, [bool(x) for x in doc.to_array(IS_SPACE).tolist()]
    return offsets


_OFFSETS_KEY = "flashpoint.offsets"


def token_range(doc: Doc, lo: int, hi: int) -> range:
    """The token indexes of doc.char_span(lo, hi, alignment_mode="expand"), none where it gives None: the token
    holding `lo` (the next one where `lo` is the space after a token) to the token holding `hi - 1`."""
    starts, ends, _space = token_offsets(doc)
    size = len(doc_text(doc))
    if not (0 <= lo < size and 0 <= hi - 1 < size):
        return range(0)
    start, end = bisect_right(starts, lo) - 1, bisect_right(starts, hi - 1)
    if lo == ends[start]:
        start += 1
    if start > end:  # as Span refuses it
        raise IndexError(f"no span from character {lo} to {hi}")
    return range(start, end)


def trimmed(sentence: Span, text: str) -> tuple[int, int]:
    """A sentence's character span in `text` (its doc's text) without the whitespace (line breaks) the
    parser left at its end."""
    end = sentence.end_char
    while end > sentence.start_char and text[end - 1].isspace():
        end -= 1
    return sentence.start_char, end


def publication_day(article: Article) -> dt.date | None:
    if not article.published:
        return None
    try:
        return dt.date.fromisoformat(article.published[:10])
    except ValueError:
        return None


def publication_window(article: Article) -> tuple[dt.date, dt.date] | None:
    """The first and last day an undated article was published between, where its address names the
    month (/2019/11/story): its dates are resolved against both (timexes.record_timexes)."""
    from flashpoint.ingest.meta import url_month

    month = None if article.published else url_month(article.url)
    if month is None:
        return None
    first = dt.date.fromisoformat(month + "-01")
    return first, (first + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(days=1)


def make_doc(article: Article, scope: Scope | None = None) -> NlpDoc:
    """The article's document, parsed whole or (with `scope`) where the extractors read the parse."""
    return NlpDoc(article=article, tokens=parse(article.body, scope), published=publication_day(article))
