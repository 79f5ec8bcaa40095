"""Stories: articles about the same happening, across outlets.

An article's features are the stemmed content words of its title and lead plus the
ids of the actors and places it names. Two articles belong to the same story when
their IDF-weighted Jaccard similarity is high enough and they were published within
a few days of each other. New articles are looked up through MinHash LSH bands over
the features (so an update compares against a handful of candidates, not the whole
corpus) and join the story of their most similar candidate, or open a new story.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping

from spacy.lang.en.stop_words import STOP_WORDS

from flashpoint.model import AnalyzedArticle

NUM_PERM = 64
BANDS = 32  # 32 bands of 2 rows: candidates from about 0.2 Jaccard up
THRESHOLD = 0.15  # IDF-weighted Jaccard to join a story (headline pairs about one happening share few words)
WINDOW_DAYS = 4  # how far apart in publication two articles of one story may be
MAX_SPAN_DAYS = 10  # how long after a story's first article another may still join it
LEAD_WORDS = 80
COMMON_SHARE = 0.05  # features in more than this share of documents are left out of the LSH bands

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]+|\d{2,}")
_SUFFIXES = ("ings", "ing", "ies", "ied", "es", "ed", "s")
_STOP = {w.lower() for w in STOP_WORDS} | {"said", "says", "say", "told", "new", "news", "also", "would", "could",
                                            "according", "reported", "report", "reports", "view", "photo", "video"}


def stem(word: str) -> str:
    """A crude suffix stripper: enough to fold plural and tense for similarity, no data needed."""
    w = word.lower().strip("'-")
    for suf in _SUFFIXES:
        if len(w) > len(suf) + 3 and w.endswith(suf):
            w = w[: -len(suf)]
            if suf == "ies" or suf == "ied":
                w += "y"
            break
    return w


def features(article: AnalyzedArticle) -> list[str]:
    """Content-word stems of title and lead, and '@'-prefixed actor/place ids."""
    lead = " ".join(article.body.split()[:LEAD_WORDS])
    text = f"{article.title or ''} {lead}"
    feats = {stem(w) for w in _WORD.findall(text) if w.lower() not in _STOP and len(w) > 2}
    for ent in article.entities:
        if ent.type in ("PERSON", "ORG", "GPE", "LOC", "EVENT"):
            feats.add("@" + (ent.id or ent.name or ent.text).lower()[:100])
    return sorted(f for f in feats if f)


def idf(term: str, df: Mapping[str, int], n_docs: int) -> float:
    return math.log((n_docs + 1) / (df.get(term, 0) + 1)) + 1.0


def weighted_jaccard(a: Iterable[str], b: Iterable[str], df: Mapping[str, int], n_docs: int) -> float:
    """Jaccard similarity with each shared or unshared feature weighted by its IDF."""
    sa, sb = set(a), set(b)
    union = sa | sb
    if not union:
        return 0.0
    inter = sum(idf(t, df, n_docs) for t in sa & sb)
    total = sum(idf(t, df, n_docs) for t in union)
    return inter / total if total else 0.0


def band_features(feats: Iterable[str], df: Mapping[str, int], n_docs: int) -> set[str]:
    """The features used for LSH lookups: leave out the ones most documents share."""
    if n_docs < 200:
        return set(feats)
    limit = COMMON_SHARE * n_docs
    kept = {f for f in feats if df.get(f, 0) <= limit}
    return kept or set(feats)
