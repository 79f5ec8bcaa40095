"""Stories: articles about the same happening, across outlets, found incrementally.

An article is a TF-IDF vector over its whole text (title words count TITLE_WEIGHT times,
the body's content words once, crude stems so plural and tense fold together) plus the
actors and places it names ('@' features from the entity records, ENTITY_WEIGHT each).
As in news stream clustering, each new article is compared with the recent articles that
share one of its key terms (an inverted index, so an update looks at a handful of
candidates, not the whole store); a story's similarity is its best-linked member's cosine,
lowered for a member published more than a day apart (DECAY_PER_DAY);
the article joins the most similar story at or above JOIN_THRESHOLD (within WINDOW_DAYS of
that member and MAX_SPAN_DAYS of the story's first day), else opens a new story. When it is
also at or above MERGE_THRESHOLD with other stories, those stories are merged into the one
it joins: two stories opened separately for one happening become one as the bridging
reports arrive. The settings were chosen on the labelled happenings in tests/data/ (the
realnews and demo corpora) and RUWA: `flashpoint eval stories` prints the scores.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping

from spacy.lang.en.stop_words import STOP_WORDS

from flashpoint.model import AnalyzedArticle
from flashpoint.nlp.language import DEFAULT_LANGUAGE, stem_suffixes, word_list

JOIN_THRESHOLD = 0.22  # cosine at which an article joins a story
MERGE_THRESHOLD = 0.32  # cosine at which the stories an article links become one
WINDOW_DAYS = 4  # how far apart in publication an article and the story member it links may be
MAX_SPAN_DAYS = 10  # how long after a story's first article another may still join it
TITLE_WEIGHT = 2.0
ENTITY_WEIGHT = 1.0
BODY_WORDS = 1000  # the body words read (long reports repeat their lead's happening well before this)
MAX_TERMS = 120  # terms kept per article (the highest counts)
KEY_TERMS = 12  # terms per article in the candidate index (the highest TF-IDF)
COMMON_SHARE = 0.1  # with 50 documents or more, terms in more than this share of them are not index keys
DECAY_PER_DAY = 0.1  # a member published d > 1 days away links with its cosine times 1 - DECAY_PER_DAY * (d - 1)
ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "EVENT")

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]+|\d{2,}")
_SUFFIXES: dict[str, str] = stem_suffixes()  # "ings", ..., "ies" -> "y": lang/en/stories.yaml, tried in order
_STOP = {w.lower() for w in STOP_WORDS} | word_list(DEFAULT_LANGUAGE, "stories.yaml", "topic_stopwords")


def stem(word: str) -> str:
    """A crude suffix stripper: enough to fold plural and tense for similarity (the endings: stories.yaml)."""
    w = word.lower().strip("'-")
    for suf, replacement in _SUFFIXES.items():
        if len(w) > len(suf) + 3 and w.endswith(suf):
            w = w[: -len(suf)] + replacement
            break
    return w


def _words(text: str) -> list[str]:
    return [stem(w) for w in _WORD.findall(text) if len(w) > 2 and w.lower() not in _STOP]


def term_counts(article: AnalyzedArticle) -> dict[str, float]:
    """Weighted counts of the article's content-word stems (title counted TITLE_WEIGHT times) and
    '@'-prefixed actor and place ids (ENTITY_WEIGHT per mention); the MAX_TERMS highest."""
    counts: dict[str, float] = defaultdict(float)
    for w in _words(article.title or ""):
        counts[w] += TITLE_WEIGHT
    for w in _words(" ".join(article.body.split()[:BODY_WORDS])):
        counts[w] += 1.0
    for ent in article.entities:
        if ent.type in ENTITY_TYPES:
            counts["@" + (ent.id or ent.name or ent.text).lower()[:100]] += ENTITY_WEIGHT
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TERMS]
    return {t: round(c, 2) for t, c in top if t}


def idf(term: str, df: Mapping[str, int], n_docs: int) -> float:
    return math.log((n_docs + 1) / (df.get(term, 0) + 1)) + 1.0


def vector(counts: Mapping[str, float], df: Mapping[str, int], n_docs: int) -> dict[str, float]:
    """Unit-length TF-IDF vector: (1 + log tf) * idf, so a word said ten times is not ten times the evidence."""
    vec = {t: (1.0 + math.log(c)) * idf(t, df, n_docs) for t, c in counts.items() if c > 0}
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {t: v / norm for t, v in vec.items()} if norm else {}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def decay(sim: float, gap_days: int | None) -> float:
    """Reports of one happening come within a day or two of each other; a week-later report on the same
    places and people is more often the next happening."""
    if gap_days is None or gap_days <= 1:
        return sim
    return sim * max(0.0, 1.0 - DECAY_PER_DAY * (gap_days - 1))


def key_terms(counts: Mapping[str, float], df: Mapping[str, int], n_docs: int) -> list[str]:
    """The terms an article is indexed under: its KEY_TERMS highest TF-IDF terms, common ones left out."""
    limit = COMMON_SHARE * n_docs if n_docs >= 50 else None
    scored = sorted(((1.0 + math.log(c)) * idf(t, df, n_docs), t) for t, c in counts.items() if c > 0)
    keys = [t for _s, t in reversed(scored) if limit is None or df.get(t, 0) <= limit]
    return [t[:48] for t in keys[:KEY_TERMS]]


def choose(links: Iterable[tuple[int, float]]) -> tuple[int | None, float, list[int]]:
    """(story to join, its similarity, stories to merge into it) from (story, member cosine) links."""
    best: dict[int, float] = {}
    for story, sim in links:
        if sim > best.get(story, -1.0):
            best[story] = sim
    if not best:
        return None, 0.0, []
    story, sim = max(best.items(), key=lambda kv: (kv[1], -kv[0]))
    if sim < JOIN_THRESHOLD:
        return None, sim, []
    merge = sorted(s for s, v in best.items() if s != story and v >= MERGE_THRESHOLD and sim >= MERGE_THRESHOLD)
    return story, sim, merge
