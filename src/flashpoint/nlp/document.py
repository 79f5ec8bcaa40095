"""The one document object the extractors share, spaCy-style.

Each extractor is a plain function `(NlpDoc) -> list[Record]`; the pipeline runs them
in order and stores each result on the doc so later extractors can use earlier ones
(quotes use entities, events use entities, quotes and timexes).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
import spacy
from spacy.attrs import IDX, IS_PUNCT, LENGTH, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from flashpoint.model import Article, Entity, Event, Quantity, Quote, Timex


@lru_cache(maxsize=1)
def blank_english() -> Language:
    """spaCy's blank English pipeline with a rule-based sentencizer: no model download."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


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

    @property
    def body(self) -> str:
        return self.article.body

    def sentences(self) -> list[tuple[int, int]]:
        """Character spans of the sentences of the body (computed once, several extractors ask)."""
        if self.sentence_spans is None:
            self.sentence_spans = [(s.start_char, s.end_char) for s in self.tokens.sents]
        return self.sentence_spans


@lru_cache(maxsize=1)
def _sentence_punct() -> frozenset[int]:
    nlp = blank_english()
    chars = nlp.get_pipe("sentencizer").punct_chars  # type: ignore[attr-defined]
    return frozenset(nlp.vocab.strings.add(c) for c in chars)


def sentencize(tokens: Doc) -> list[tuple[int, int]]:
    """spaCy's rule sentencizer, same boundaries, computed over the token arrays: its per-token
    Python objects cost more than the rule. Sets the sentence starts on `tokens`, returns the spans.

    The rule: a token that is not punctuation starts a sentence when a sentence-final character
    stands between it and the previous such token.
    """
    n = len(tokens)
    if not n:
        return []
    arr = tokens.to_array([ORTH, IS_PUNCT, IDX, LENGTH]).astype(np.int64)
    in_punct = np.isin(tokens.to_array(ORTH), np.fromiter(_sentence_punct(), dtype=np.uint64, count=-1))
    plain = np.flatnonzero(~in_punct & (arr[:, 1] == 0))
    seen = np.cumsum(in_punct)
    prev_seen = np.concatenate(([0], seen[plain[:-1]]))  # before the first plain token: none seen
    starts = plain[seen[plain - 1] > prev_seen] if plain.size else plain
    starts = np.concatenate(([0], starts[starts > 0]))
    flags = np.full(n, -1, dtype=np.int64)
    flags[starts] = 1
    tokens.from_array([SENT_START], flags.astype(np.uint64))  # type: ignore[arg-type]
    ends = np.append(starts[1:], n) - 1
    return list(zip(arr[starts, 2].tolist(), (arr[ends, 2] + arr[ends, 3]).tolist(), strict=True))


def make_doc(article: Article) -> NlpDoc:
    published = None
    if article.published:
        try:
            published = dt.date.fromisoformat(article.published[:10])
        except ValueError:
            published = None
    tokens = blank_english().tokenizer(article.body)
    return NlpDoc(article=article, tokens=tokens, published=published, sentence_spans=sentencize(tokens))
