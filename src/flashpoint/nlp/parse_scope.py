"""Which sentences of an article the extractors read the parse of.

The parse (tags, lemmas, dependencies) is most of what analysing an article costs, and the extractors read it
only where their own lexicons point: an event trigger, a speech verb or a document noun that speaks, a quote,
a figure. Entities read the text, dates the words where no parse is given. A sentence with none of these is
tokenised and split into sentences but not parsed (`parser.parse(text, scope=wanted_sentences)`); its tokens
carry no tag, lemma or dependency, which every rule reads as "no match". Each test below is the extractor's
own: the event patterns' inflected forms, the speech verbs' forms, the quote marks' scan, the figure pattern.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from numpy.typing import NDArray
from spacy.attrs import IDX, LOWER
from spacy.tokens import Doc

from flashpoint.nlp.arrays import listed, sorted_hashes
from flashpoint.nlp.event_patterns import by_lemma
from flashpoint.nlp.inflect import noun_forms
from flashpoint.nlp.language import people, quoting, speech_words


@lru_cache(maxsize=1)
def cue_words() -> frozenset[str]:
    """Lower-cased forms whose sentence an extractor parses: event triggers, speech and phrase verbs, "according",
    document and source nouns that speak for someone ("the statement said")."""
    from flashpoint.nlp.quotes import phrase_verb_forms, speech_verb_forms

    nouns = {f for key in ("document_nouns", "source_nouns") for w in speech_words(key) for f in noun_forms(w)}
    return frozenset({form for form, _ in by_lemma()} | set(speech_verb_forms()) | phrase_verb_forms()
                     | {quoting().according_to[0]} | nouns)


@lru_cache(maxsize=1)
def _cue_hashes() -> NDArray[np.uint64]:
    return sorted_hashes(cue_words())


@lru_cache(maxsize=1)
def _pronoun_hashes() -> NDArray[np.uint64]:
    return sorted_hashes(people().person_pronouns)


@lru_cache(maxsize=1)
def _speech_hashes() -> NDArray[np.uint64]:
    from flashpoint.nlp.quotes import speech_verb_forms

    return sorted_hashes(speech_verb_forms())


def _char_spans(text: str, doc: Doc) -> list[tuple[int, int]]:
    """Quotes (mark to mark; the scan the quote finder reads, kept on the Doc), claims a dash and a name sign or a
    name and a colon open, and figures: their sentences are read parsed."""
    from flashpoint.nlp.quantities import figure_matches
    from flashpoint.nlp.quotes import labelled_lines, quote_marks, signed_lines

    spans = [(q.open, q.close) for q in quote_marks(doc)] + signed_lines(text) + labelled_lines(text)
    spans.extend(m.span() for m in figure_matches(text))
    return spans


def wanted_sentences(text: str, doc: Doc, sentences: list[tuple[int, int]]) -> list[bool]:
    """Which sentences (token ranges of `doc`, the tokens of `text`) some extractor reads parsed: those holding
    a cue word, a quote or a figure, and the sentence before a speech verb with a personal pronoun ("… he
    said": the speaker may be the subject of the sentence before)."""
    lower = doc.to_array(LOWER)
    cue = listed(lower, _cue_hashes())
    starts = doc.to_array(IDX).astype(np.int64)
    for lo, hi in _char_spans(text, doc):
        a = max(int(np.searchsorted(starts, lo, side="right")) - 1, 0)
        b = int(np.searchsorted(starts, hi, side="left"))
        cue[a:max(b, a + 1)] = True
    bounds = np.array(sentences, dtype=np.int64).reshape(-1, 2)
    wanted = _any_in(cue, bounds)
    told = _any_in(listed(lower, _speech_hashes()), bounds[1:]) & _any_in(listed(lower, _pronoun_hashes()), bounds[1:])
    wanted[:-1] |= told
    found: list[bool] = wanted.tolist()
    return found


def _any_in(flags: NDArray[np.bool_], bounds: NDArray[np.int64]) -> NDArray[np.bool_]:
    """Whether each token range (rows of `bounds`: start, end) holds a set flag: a count of flags before each token,
    read at both ends of every range, instead of a slice and a test per sentence."""
    before = np.concatenate(([0], np.cumsum(flags, dtype=np.int64)))
    found: NDArray[np.bool_] = before[bounds[:, 1]] > before[bounds[:, 0]]
    return found
