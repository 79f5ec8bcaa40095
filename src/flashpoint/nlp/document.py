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

import spacy
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

    @property
    def body(self) -> str:
        return self.article.body

    def sentences(self) -> list[tuple[int, int]]:
        """Character spans of the sentences of the body."""
        return [(s.start_char, s.end_char) for s in self.tokens.sents]


def make_doc(article: Article) -> NlpDoc:
    published = None
    if article.published:
        try:
            published = dt.date.fromisoformat(article.published[:10])
        except ValueError:
            published = None
    return NlpDoc(article=article, tokens=blank_english()(article.body), published=published)
