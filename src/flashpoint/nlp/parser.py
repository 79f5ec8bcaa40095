"""flashpoint's own English pipeline: tagger, morphologizer, dependency parser and lemmatizer,
trained here on the UD English Web Treebank (`training/train_parser.sh`) and shipped as package data.

Loaded once per process from the package, offline. The rule sentencizer's boundaries (and every line
break) are set before the parser runs, so a headline or a caption never runs into the next paragraph;
the parser may still split further inside them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import cast

import spacy
from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc, Token
from thinc.api import NumpyOps
from threadpoolctl import ThreadpoolController

MODEL_DIR = Path(__file__).resolve().parent.parent / "resources" / "models" / "en_flashpoint_ewt"


@lru_cache(maxsize=1)
def load_parser() -> Language:
    """The shipped pipeline; a clear error if a checkout lacks it (it is built by training/train_parser.sh).

    Its layers multiply matrices through numpy's BLAS, not thinc's default BLIS: on the CPUs measured
    here BLIS ran the parse's products about three times slower, for the same annotations on every token
    (benchmarks/bench_parser.py reports the speed; tests/test_document.py checks the annotations)."""
    if not (MODEL_DIR / "config.cfg").exists():
        raise RuntimeError(f"the parser model is missing at {MODEL_DIR}: run `bash training/train_parser.sh`")
    nlp = spacy.load(MODEL_DIR)
    ops = NumpyOps(use_blis=False)
    for _, pipe in nlp.pipeline:
        for node in cast(TrainablePipe, pipe).model.walk():  # every component of this pipeline is trained
            node.ops = ops
    return nlp


@lru_cache(maxsize=1)
def _blas() -> ThreadpoolController:
    return ThreadpoolController()


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """numpy's BLAS on one thread while a parse runs: its threads would spin on cores that other
    articles' workers use, costing more CPU than the small products of one article save."""
    with _blas().limit(limits=1, user_api="blas"):
        yield


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


NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})


def _glued_subject(verb: Token, noun: Token) -> Token | None:
    """The nominal the parser hung on the object before the verb ("Niger cut ties": Niger)."""
    left = [c for c in noun.children if c.i < verb.i and c.pos_ in NOMINAL
            and c.dep_ in ("compound", "nmod", "nsubj", "det")]
    return left[-1] if left else None


def repair_clauses(doc: Doc) -> None:
    """A verb the parser took for a modifier of its own object ("The EU imposed(amod) sanctions(ROOT)",
    "forces have(ROOT) tortured(amod) refugees") heads its clause again: it has a subject or an auxiliary,
    or a nominal glued before it, or a perfect "have" above it; its noun becomes its object. News sentences
    of this shape are rare in the web treebank the parser learned from, and the error would hide who did
    what to whom."""
    for verb in doc:
        found = _misread_clause(verb)
        if found is None:
            continue
        perfect, glued = found
        noun = verb.head
        have = noun.head
        _lift_over(verb, noun)
        noun.dep_ = "obj"
        if perfect:
            _lift_over(verb, have)
        if glued is not None:
            glued.dep_ = "nsubj"
        if verb.tag_ == "VBN" and not any(c.dep_ == "aux" for c in verb.children):
            verb.tag_ = "VBD"


def _misread_clause(verb: Token) -> tuple[bool, Token | None] | None:
    """(after a perfect "have", the glued subject) when `verb` is a clause read as its object's modifier."""
    noun = verb.head
    if verb.dep_ != "amod" or noun.i < verb.i or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    perfect = noun.dep_ == "obj" and noun.head.lemma_ == "have" and noun.head.i < verb.i and _past_form(verb)
    if verb.pos_ != "VERB" and not perfect:
        return None
    marked = any(c.dep_ in ("nsubj", "aux", "nsubj:pass") for c in verb.children)
    glued = _glued_subject(verb, noun) if noun.dep_ == "ROOT" else None
    return (perfect, glued) if perfect or marked or glued is not None else None


def _lift_over(verb: Token, above: Token) -> None:
    """Put `verb` where `above` stood in the tree and hang `above` (and what precedes the verb) under it."""
    root = above.dep_ == "ROOT"
    old_head = above.head
    verb.head = verb
    verb.dep_ = above.dep_
    if not root:
        verb.head = old_head
    for c in [c for c in above.children if c.i < verb.i and c.dep_ not in ("det", "amod", "nummod")]:
        c.head = verb
    for c in [c for c in above.children if c.dep_ == "punct" and c.i == c.sent.end - 1]:
        c.head = verb
    above.head = verb
    if above.pos_ == "AUX":
        above.dep_ = "aux"
        verb.pos_ = "VERB"


def _past_form(tok: Token) -> bool:
    return (tok.pos_ == "VERB" and tok.tag_ in ("VBD", "VBN")) or (tok.pos_ == "ADJ" and tok.lower_.endswith("ed"))


def repair_passives(doc: Doc) -> None:
    """A passive subject with no passive auxiliary is an active subject: English passives need "be" or
    "get" ("Armenian forces fired at Ganja")."""
    for tok in doc:
        if tok.dep_ == "nsubj:pass" and not any(c.dep_ == "aux:pass" for c in tok.head.children):
            tok.dep_ = "nsubj"


def repair_main_verbs(doc: Doc) -> None:
    """"Armenian forces fired at Ganja." read as a noun with a reduced relative: in a sentence that ends
    with a full stop and has no verb at its root, a past-tense clause on the root noun is the main verb."""
    for sent in doc.sents:
        root = sent.root
        if root.pos_ not in ("NOUN", "PROPN") or sent[-1].text not in SENTENCE_FINAL:
            continue
        verbs = [c for c in root.children if c.dep_ == "acl" and _past_form(c) and c.i > root.i
                 and not any(g.dep_ in ("nsubj", "mark") for g in c.children)]
        if not verbs:
            continue
        verb = verbs[0]
        verb.head = verb
        verb.dep_ = "ROOT"
        verb.pos_ = "VERB"
        root.head = verb
        root.dep_ = "nsubj"
        for c in list(root.children):
            if c.i > verb.i:
                c.head = verb
        if verb.tag_ == "VBN" and not any(c.dep_ == "aux" for c in verb.children):
            verb.tag_ = "VBD"


def parse(text: str) -> Doc:
    """Tokens, tags, morphology, lemmas, dependencies and sentences of one body, in one spaCy Doc."""
    nlp = load_parser()
    doc = nlp.make_doc(text)
    preset_sentence_starts(doc)
    with one_blas_thread():
        for _, proc in nlp.pipeline:
            doc = proc(doc)
    repair_clauses(doc)
    repair_main_verbs(doc)
    repair_passives(doc)
    return doc
