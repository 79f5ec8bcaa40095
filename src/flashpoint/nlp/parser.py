"""flashpoint's own English pipeline: tagger, morphologizer, dependency parser and lemmatizer,
trained here on the UD English Web Treebank (`training/train_parser.sh`) and shipped as package data.

Loaded once per process from the package, offline. The rule sentencizer's boundaries (and every line
break) are set before the parser runs, so a headline or a caption never runs into the next paragraph;
the parser may still split further inside them.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL_DIR = Path(__file__).resolve().parent.parent / "resources" / "models" / "en_flashpoint_ewt"


@lru_cache(maxsize=1)
def load_parser() -> Language:
    """The shipped pipeline; a clear error if a checkout lacks it (it is built by training/train_parser.sh)."""
    if not (MODEL_DIR / "config.cfg").exists():
        raise RuntimeError(f"the parser model is missing at {MODEL_DIR}: run `bash training/train_parser.sh`")
    return spacy.load(MODEL_DIR)


SENTENCE_FINAL = frozenset(".!?…")
OPENING = frozenset("“‘\"'([")


def preset_sentence_starts(doc: Doc) -> None:
    """Mark where a sentence must start: after sentence-final punctuation and after a line break.

    Other tokens stay unset, so the parser decides there.
    """
    pending, after_break = True, True
    for tok in doc:
        closing = tok.is_punct and tok.text[0] not in OPENING and not after_break
        if pending and not tok.is_space and not closing:
            tok.is_sent_start = True
            pending = after_break = False
        if "\n" in tok.text or "\n" in tok.whitespace_:
            pending = after_break = True
        elif tok.text in SENTENCE_FINAL or tok.text == "...":
            pending = True


def parse(text: str) -> Doc:
    """Tokens, tags, morphology, lemmas, dependencies and sentences of one body, in one spaCy Doc."""
    nlp = load_parser()
    doc = nlp.make_doc(text)
    preset_sentence_starts(doc)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc
