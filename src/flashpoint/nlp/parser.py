"""flashpoint's own English pipeline: tagger, morphologizer, dependency parser and lemmatizer,
trained here on the UD English Web Treebank (`training/train_parser.sh`) and shipped as package data.

Loaded once per process from the package, offline. The rule sentencizer's boundaries (and every line
break) are set before the parser runs, so a headline or a caption never runs into the next paragraph;
the parser builds one tree for each of them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, cast

import numpy as np
import spacy
from numpy.typing import NDArray
from spacy.attrs import (
    DEP,
    HEAD,
    IDX,
    IS_PUNCT,
    IS_SPACE,
    LEMMA,
    LENGTH,
    LOWER,
    MORPH,
    NORM,
    ORTH,
    POS,
    SENT_START,
    SPACY,
    TAG,
)
from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.strings import get_string_id
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Token
from thinc.api import NumpyOps
from threadpoolctl import ThreadpoolController

from flashpoint.nlp.arrays import listed, sorted_hashes
from flashpoint.nlp.inflect import shaped
from flashpoint.nlp.language import dateline, names, quoting, speech_words, syntax
from flashpoint.nlp.languages import parser_dir

MODEL_DIR = parser_dir()  # resources/models/<settings/languages.yaml `parser`>: its language is the one analysed


@lru_cache(maxsize=1)
def load_parser() -> Language:
    """The shipped pipeline; a clear error if a checkout lacks it (it is built by training/train_parser.sh).

    Its layers multiply matrices through numpy's BLAS, not thinc's default BLIS: on the CPUs measured
    here BLIS ran the parse's products about three times slower, for the same annotations on every token
    (benchmarks/bench_parser.py reports the speed; tests/test_document.py checks the annotations)."""
    if not (MODEL_DIR / "config.cfg").exists():
        raise RuntimeError(f"the parser model is missing at {MODEL_DIR}: run `bash training/train_parser.sh`")
    nlp = spacy.load(MODEL_DIR)
    add_special_cases(nlp)
    ops = NumpyOps(use_blis=False)
    for _, pipe in nlp.pipeline:
        for node in cast(TrainablePipe, pipe).model.walk():  # every component of this pipeline is trained
            node.ops = ops
            if node.name == "maxout" and not node.layers and node.get_dim("nP") > 1:
                fast = _pieces_major_maxout(node)
                if _exact_on_probes(node, node._func, fast):
                    node._func = fast  # its forward, swapped for prediction where it rounds as thinc's
                elif _exact_on_probes(node, node._func, own_product := _numpy_max_maxout(node)):
                    node._func = own_product  # else thinc's own product, its pieces' best taken by numpy
    _embed_distinct_rows(nlp)
    return nlp


def _embed_distinct_rows(nlp: Language) -> None:
    """The token encoder's embedding (each token's hashed NORM, PREFIX, SUFFIX and SHAPE, their mixing layer and its
    norm: a vector from the token's own features alone) computed once per distinct row of features in a batch, not
    once per token: the 181 dump bodies' batches hold 146,442 tokens and 58,508 distinct rows, and the mixing layer's
    product was a quarter of the encoder's time (tok2vec 2.33-2.40 s -> 2.03-2.07 s CPU on those bodies). The window
    layers after it read each token's neighbours and run on every token. numpy's BLAS rounds a row's product by the
    number of rows multiplied with it (a token's vector already differs in its last bits between one text and a batch
    of texts), so the vectors differ from thinc's forward in their last bits (2e-6 at most on the probe texts of
    tests/test_document.py), never in a tag, lemma or tree there, nor in a record of the 210 development documents
    (scripts/records.py diff)."""
    if "tok2vec" not in nlp.pipe_names:
        return
    for node in cast(TrainablePipe, nlp.get_pipe("tok2vec")).model.walk():
        if [layer.name for layer in node.layers][:2] == ["extract_features", "list2ragged"] and len(node.layers) == 5 \
                and node.layers[-1].name == "ragged2list":
            node._func = _distinct_rows_forward(node)
            return


def _distinct_rows_forward(node: Any) -> Callable[[Any, Any, bool], Any]:
    """The embedding chain's forward for prediction on its distinct feature rows (`_embed_distinct_rows`); training
    runs thinc's own."""
    own = node._func
    extract, _, embed, mix, _ = node.layers

    def forward(model: Any, docs: Any, is_train: bool) -> Any:
        if is_train:
            return own(model, docs, is_train)
        features = extract.predict(docs)
        if not features:
            return [], lambda d_vectors: []
        rows = np.concatenate(features)
        distinct, where = np.unique(rows, axis=0, return_inverse=True)
        vectors = mix.predict(embed.predict(distinct))[where.reshape(-1)]
        return np.split(vectors, np.cumsum([len(f) for f in features])[:-1]), lambda d_vectors: []
    return forward


def _pieces_major_maxout(node: Any) -> Callable[[Any, Any, bool], Any]:
    """A maxout layer's forward for prediction, its weights' rows reordered piece-major once at load: the product's
    columns then hold each piece's outputs side by side, and the best of them is an element-wise maximum of
    contiguous blocks instead of thinc's per-unit scan over a (tokens, units, pieces) array. The same values (each
    column's product and sum unchanged, the maximum exact): the token vectors on the 40 pages' sentences are equal
    bit for bit, in 0.42 s CPU instead of 0.50 s. The weights reach BLAS transposed, as thinc passes them: a
    contiguous copy is rounded otherwise on one-token batches. Training (is_train) runs thinc's own forward.
    Whether the reordered product rounds alike depends on the BLAS kernel of the machine (on an AMD EPYC under
    OpenBLAS's Haswell kernel it does not, from 37 rows on): the swap is kept only where it gives thinc's own
    values, bit for bit, on probe batches of several sizes (`_exact_on_probes`, in load_parser), else thinc's
    forward stays."""
    own = node._func
    n_out, pieces, n_in = node.get_dim("nO"), node.get_dim("nP"), node.get_dim("nI")
    order = np.arange(n_out * pieces).reshape(n_out, pieces).T.ravel()  # new row piece * n_out + unit: W's row unit * pieces + piece
    weights = node.get_param("W").reshape(n_out * pieces, n_in)[order].T  # transposed, as thinc passes it to BLAS
    bias = node.get_param("b").reshape(n_out * pieces)[order].copy()

    def forward(model: Any, X: Any, is_train: bool) -> Any:
        if is_train:
            return own(model, X, is_train)
        scores = np.dot(X, weights)  # thinc's gemm of X and W transposed, then += b
        scores += bias
        best = np.maximum(scores[:, :n_out], scores[:, n_out:2 * n_out])
        for piece in range(2, pieces):
            np.maximum(best, scores[:, piece * n_out:(piece + 1) * n_out], out=best)
        return best, lambda d_best: None
    return forward


def _numpy_max_maxout(node: Any) -> Callable[[Any, Any, bool], Any]:
    """A maxout layer's forward for prediction where the piece-major one rounds otherwise: thinc's own product and
    sum, the same call on the same weights, and the best of each unit's pieces as the element-wise maximum of the
    pieces' strided views, instead of thinc's maxout op, which also writes which piece won (for a backprop that
    prediction never runs). The same values: a maximum is exact. On the 181 dump bodies' batches (five layers,
    146,442 tokens) the op took 0.29 s CPU, the maximum 0.07 s. Training (is_train) runs thinc's own forward."""
    own = node._func
    n_out, pieces, n_in = node.get_dim("nO"), node.get_dim("nP"), node.get_dim("nI")

    def forward(model: Any, X: Any, is_train: bool) -> Any:
        if is_train:
            return own(model, X, is_train)
        scores = model.ops.gemm(X, model.get_param("W").reshape(n_out * pieces, n_in), trans2=True)
        scores += model.get_param("b").reshape(n_out * pieces)
        units = scores.reshape(scores.shape[0], n_out, pieces)
        best = np.maximum(units[:, :, 0], units[:, :, 1])
        for piece in range(2, pieces):
            np.maximum(best, units[:, :, piece], out=best)
        return best, lambda d_best: None
    return forward


PROBE_ROWS = (1, 7, 64, 512)  # token batches of one, a short sentence, a paragraph, a page


def _exact_on_probes(node: Any, own: Callable[[Any, Any, bool], Any], fast: Callable[[Any, Any, bool], Any]) -> bool:
    """Does the fast forward give thinc's own outputs bit for bit on random batches of PROBE_ROWS rows?"""
    rng = np.random.default_rng(0)
    for rows in PROBE_ROWS:
        X = rng.standard_normal((rows, node.get_dim("nI")), dtype=np.float32)
        if not np.array_equal(fast(node, X, False)[0], own(node, X, False)[0]):
            return False
    return True


def add_special_cases(nlp: Language) -> None:
    """The tokenizer's cases of this pipeline: "Lt. Col. Ahmed", a title's dot ends no sentence; "[sic]", an editor's
    insertion (syntax.yaml editorial_insertions) is one token, which the tagger and the parser read as blank.

    spaCy's own cases of a bare space, tab or line break are dropped: each gives the one token the tokenizer gives
    anyway, but a case found in a text stops the tokenizer's cache for the rest of that text (a flag per text, not
    per word), so the first line break of a body kept every later word from the cache (the 181 dump bodies tokenise
    to the same tokens, norms and offsets without them, in 0.36 s CPU instead of 0.58 s once the cache is warm)."""
    tokenizer = cast(Tokenizer, nlp.tokenizer)
    tokenizer.rules = {key: case for key, case in tokenizer.rules.items() if not _bare_space(key, case)}
    for word in names().abbreviations:
        tokenizer.add_special_case(f"{word}.", [{ORTH: f"{word}."}])
    for form in _insertion_forms():
        tokenizer.add_special_case(form, [{ORTH: form}])


def _bare_space(key: str, case: list[dict[int, str]]) -> bool:
    """A special case that is only a whitespace token with no attribute of its own (not the no-break space, whose
    norm the case sets): the token the tokenizer makes of it without the case."""
    return key.isspace() and case == [{ORTH: key}]


@lru_cache(maxsize=1)
def _insertion_forms() -> tuple[str, ...]:
    """"[sic]", "(Sic)", "[SIC!]": the bracketed forms of syntax.yaml editorial_insertions."""
    return tuple(sorted(f"{a}{form}{b}" for word in syntax().editorial_insertions
                        for form in {word, word.title(), word.upper()} for a, b in ("[]", "()")))


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
STRAIGHT = frozenset("\"'")
MID_SENTENCE = frozenset(",;")  # after a closing mark, these go on with the sentence the mark seemed to end
ELLIPSIS = frozenset({"…", "..."})


def preset_sentence_starts(doc: Doc, words: list[str] | None = None, text: str | None = None) -> list[int]:
    """Mark where a sentence must start: after sentence-final punctuation (and the closing marks after it), after
    a line break and after a wire dateline; return those token indexes (the first token always starts one).

    Other tokens stay unset, so the parser decides there. Read from the doc's arrays, not its Token objects:
    this runs on every token of every article. `text` is the doc's text where the caller has it (Doc.text joins
    every token's text again).
    """
    text = doc.text if text is None else text
    words = _words(text, doc) if words is None else words
    punct, space = doc.to_array(IS_PUNCT).tolist(), doc.to_array(IS_SPACE).tolist()
    glued = [False, *(not s for s in doc.to_array(SPACY).tolist()[:-1])]  # no space before the token
    marks = [0] * len(words)
    starts: list[int] = []
    ended = "\n"  # what ended the sentence before: a line break, a sentence-final mark; "" while one runs
    after_dateline = _after_datelines(text, doc.to_array(IDX).tolist())
    for i, word in enumerate(words):
        if i in after_dateline:
            ended = ended or "—"
        if ended and ended != "\n" and _goes_on(word, ended):
            ended = ""
        elif ended and not space[i] and not (punct[i] and ended != "\n" and _closing(word, glued[i])):
            marks[i] = 1
            starts.append(i)
            ended = ""
        if "\n" in word:
            ended = "\n"
        elif word in SENTENCE_FINAL or word == "...":
            ended = word
    if len(words):
        doc.from_array([SENT_START], cast(Any, np.array(marks, dtype=np.uint64)))
    return starts if starts[:1] == [0] else [0, *starts]


def _after_datelines(text: str, starts: list[int]) -> set[int]:
    """The tokens right after a wire dateline that opens a line ("KYIV, Ukraine (AP) — Russian forces ...":
    "Russian"), where a sentence starts (lang/en/sentences.yaml `dateline`)."""
    pattern = dateline().pattern
    found = (pattern.match(text, line.end()) for line in _LINE_START.finditer(text))
    return {bisect_left(starts, m.end()) for m in found if m is not None}


_LINE_START = re.compile(r"^[ \t\u00a0]*", re.MULTILINE)


def _closing(mark: str, glued: bool) -> bool:
    """A mark that closes what a sentence-final mark ended: a closing quote or bracket, a straight quote glued to
    the word before it ('"They lied." Reuters'), any other punctuation."""
    return mark[0] not in OPENING or (mark[0] in STRAIGHT and glued)


def _goes_on(word: str, ended: str) -> bool:
    """'"... be happy!", said one activist', 'for a while ... nothing like this': a mid-sentence mark after the
    closing one, or a small letter after an ellipsis, goes on with the sentence the mark seemed to end."""
    return word in MID_SENTENCE or (ended in ELLIPSIS and word[:1].islower())


def _words(text: str, doc: Doc) -> list[str]:
    """The text of every token, sliced from the doc's text (no Token objects made, no text joined again)."""
    return [text[i:i + n] for i, n in zip(doc.to_array(IDX).tolist(), doc.to_array(LENGTH).tolist(), strict=True)]


NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})


def _glued_subject(verb: Token, noun: Token) -> Token | None:
    """The nominal the parser hung on the object before the verb ("Niger cut ties": Niger)."""
    left = [c for c in noun.children if c.i < verb.i and c.pos_ in NOMINAL
            and (c.dep_ in ("compound", "nmod", "nsubj", "det") or _bare_name_modifier(c))]
    return left[-1] if left else None


def _bare_name_modifier(tok: Token) -> bool:
    """A name the parser hung on the noun as a possessor or an adjective with no possessive mark ("Mr(nmod:poss)
    Putin accused(amod) Ukraine(ROOT)"): the subject of the verb it stands before, not a possessor."""
    return (tok.dep_ in ("nmod:poss", "amod") and tok.pos_ == "PROPN"
            and not any(c.dep_ == "case" for c in tok.children))


def repair_clauses(doc: Doc) -> None:
    """A verb the parser took for a modifier of its own object ("The EU imposed(amod) sanctions(ROOT)",
    "forces have(ROOT) tortured(amod) refugees") heads its clause again: it has a subject or an auxiliary,
    or a nominal glued before it, or a perfect "have" above it; its noun becomes its object. News sentences
    of this shape are rare in the web treebank the parser learned from, and the error would hide who did
    what to whom."""
    for verb in _labelled(doc, "amod"):  # the candidates, found in the doc's arrays; each checked as it comes
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
            glued.head = verb
            glued.dep_ = "nsubj"
        if verb.tag_ == "VBN" and not any(c.dep_ == "aux" for c in verb.children):
            verb.tag_ = "VBD"


def _misread_clause(verb: Token) -> tuple[bool, Token | None] | None:
    """(after a perfect "have", the glued subject) when `verb` is a clause read as its object's modifier."""
    noun = verb.head
    if verb.dep_ != "amod" or noun.i < verb.i or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    perfect = noun.dep_ == "obj" and noun.head.lemma_ in syntax().perfect_lemmas and noun.head.i < verb.i and _past_form(verb)
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
    return (tok.pos_ == "VERB" and tok.tag_ in ("VBD", "VBN")) or (tok.pos_ == "ADJ" and shaped("past", tok.lower_))


def _labelled(doc: Doc, label: str) -> Iterator[Token]:
    """The tokens whose dependency label is `label` when called, in order, without making a Token of every
    other one."""
    for i in np.flatnonzero(doc.to_array(DEP) == doc.vocab.strings.add(label)).tolist():
        yield doc[i]


def repair_passives(doc: Doc) -> None:
    """A passive subject with no passive auxiliary is an active subject: English passives need "be" or
    "get" ("Armenian forces fired at Ganja")."""
    for tok in _labelled(doc, "nsubj:pass"):
        if tok.dep_ == "nsubj:pass" and not any(c.dep_ == "aux:pass" for c in tok.head.children):
            tok.dep_ = "nsubj"


def repair_root_subjects(doc: Doc) -> None:
    """"Russia(ROOT) accused(amod) Ukraine(nmod) of shelling": a past verb the parser took for a modifier of the noun
    after it, right after a name or noun at the root of a verbless sentence, is the sentence's verb, that root its
    subject and the noun its object."""
    for verb in list(_labelled(doc, "amod")):
        noun, root = verb.head, verb.head.head
        if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBN") or noun.i < verb.i or root.dep_ != "ROOT" \
                or root.pos_ not in NOMINAL or root.i != verb.i - 1 or noun.pos_ not in NOMINAL:
            continue
        verb.head, verb.dep_, verb.tag_ = verb, "ROOT", "VBD"
        root.head, root.dep_ = verb, "nsubj"
        for c in [c for c in root.children if c.i > verb.i]:
            c.head = verb
        noun.dep_ = "obj"


def repair_interrupted_subjects(doc: Doc) -> None:
    """"Moscow(ROOT) for its part promised(acl) a response", "Kyiv for its part accused(amod) Moscow": a phrase set
    between a name and its verb makes the parser read the name as a verbless root and the past verb as a modifier of
    the phrase or of the noun after it. In a sentence that ends with a full stop, a nominal root, then only a
    prepositional phrase hung on it (commas around it allowed), then a past verb with no subject of its own: the verb
    is the sentence's verb, the root its subject, the phrase its oblique (an "of" phrase the subject's own) and a noun it
    modified its object."""
    for root in list(_labelled(doc, "ROOT")):
        found = _interrupted_verb(root)
        if found is None:
            continue
        verb, phrase = found
        modified = verb.head if verb.dep_ == "amod" and verb.head.i > verb.i else None
        verb.head, verb.dep_, verb.pos_ = verb, "ROOT", "VERB"
        root.head, root.dep_ = verb, "nsubj"
        # "The Armed Forces of the Russian Federation intensified ...": an "of" phrase stays the subject's own
        genitive = any(c.dep_ == "case" and c.lower_ in names().genitive_prepositions for c in phrase.children)
        phrase.head, phrase.dep_ = (root, "nmod") if genitive else (verb, "obl")
        verb.tag_ = "VBD"
        if modified is not None:
            modified.head, modified.dep_ = verb, "obj"
        for c in [c for c in root.children if c.i > verb.i]:
            c.head = verb


def _interrupted_verb(root: Token) -> tuple[Token, Token] | None:
    """(the past verb, the head of the phrase before it) where a nominal root is followed only by a prepositional
    phrase on it and then that verb, with no subject of its own."""
    doc, sent = root.doc, root.sent
    if root.dep_ != "ROOT" or root.pos_ not in NOMINAL or doc[sent.end - 1].text not in SENTENCE_FINAL:
        return None
    phrase = _phrase_after(root, sent.end)
    if phrase is None:
        return None
    j = _past_comma(phrase, sent.end)
    verb = doc[j] if j < sent.end else None
    # the phrase hung on the root, or already on the verb ("Moscow, for its part, promised(conj)")
    if verb is None or phrase.head.i not in (root.i, verb.i) or not _bare_past_verb(verb):
        return None
    return verb, phrase


def _past_comma(tok: Token, end: int) -> int:
    """The index of the token after `tok`, past a comma there (`end`: the end of its sentence)."""
    i = tok.i + 1
    return i + (i < end and tok.doc[i].text == ",")


def _phrase_after(root: Token, end: int) -> Token | None:
    """The head of the prepositional phrase right after `root` (a comma allowed between), all its words before it
    (`end`: the end of its sentence)."""
    doc = root.doc
    k = _past_comma(root, end)
    if k >= end - 1 or doc[k].dep_ != "case":
        return None
    phrase = doc[k].head
    return phrase if phrase.i > k and all(t.head.i == phrase.i for t in doc[k:phrase.i]) else None


def _bare_past_verb(verb: Token) -> bool:
    """A past verb read as a modifier or a conjunct, with no subject, mark or auxiliary of its own; a participle only
    with an object ("Thousands of people killed in the strike" is a passive told short, no clause)."""
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBN") or verb.dep_ not in ("amod", "acl", "conj") \
            or any(c.dep_ in ("nsubj", "nsubj:pass", "mark", "aux", "aux:pass") for c in verb.children):
        return False
    objected = any(c.dep_ == "obj" for c in verb.children) or (verb.dep_ == "amod" and verb.head.i > verb.i)
    return verb.tag_ == "VBD" or objected


def repair_object_roots(doc: Doc) -> None:
    """"Kyiv(nsubj) blamed(amod) Moscow(ROOT) for the attack": a past verb the parser took for a modifier of the root
    noun right after it, with the root's subject before it, is the sentence's verb, that subject its own and the root
    noun its object; what followed the noun with a preposition hangs on the verb."""
    for verb in list(_labelled(doc, "amod")):
        noun = verb.head
        if not _past_verb_on_root(verb):
            continue
        subjects = [c for h in (verb, noun) for c in h.children if c.dep_ == "nsubj" and c.i < verb.i
                    and c.pos_ in NOMINAL]
        if not subjects:
            continue
        after = [c for c in noun.children if c.i > noun.i and c.dep_ in ("nmod", "punct")]
        verb.head, verb.dep_, verb.tag_, verb.pos_ = verb, "ROOT", "VBD", "VERB"
        noun.head, noun.dep_ = verb, "obj"
        subjects[0].head = verb
        for c in after:
            c.head, c.dep_ = verb, ("obl" if c.dep_ == "nmod" else c.dep_)


def _past_verb_on_root(verb: Token) -> bool:
    """A past form read as a modifier of the root noun right after it ("Kyiv blamed(amod) Moscow(ROOT)")."""
    noun = verb.head
    return verb.pos_ in ("VERB", "ADJ") and verb.tag_ in ("VBD", "VBN") and noun.dep_ == "ROOT" \
        and noun.i == verb.i + 1 and noun.pos_ in NOMINAL


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


def repair_relative_main_verbs(doc: Doc) -> None:
    """"A spokesperson who did not wish to be named because of agency policy said(acl) in a statement that …": in a
    sentence that ends with a full stop and has a noun at its root, a past-tense verb the parser hung inside a relative
    clause on that root (as a modifier of the clause's last noun), with no subject or mark of its own, is the main
    verb: the relative clause has its own verb, and a past form after it goes on the sentence; the root its subject."""
    for rel in list(_labelled(doc, "acl:relcl")):  # only sentences with a relative clause, not every root
        root = rel.head
        if rel.dep_ != "acl:relcl" or root.head.i != root.i or rel.i < root.i or root.pos_ not in NOMINAL \
                or root.right_edge.text not in SENTENCE_FINAL:
            continue
        verb = next((t for t in rel.subtree if t.i > rel.i and _main_verb_in_relative(t)), None) \
            or _main_verb_after_relative(rel)
        if verb is None:
            continue
        verb.head, verb.dep_, verb.pos_ = verb, "ROOT", "VERB"
        root.head, root.dep_ = verb, "nsubj"
        for c in [c for c in root.children if c.i > verb.i]:
            c.head = verb


def _main_verb_after_relative(rel: Token) -> Token | None:
    """"Montell Figgins, who represents Thomas, said(ccomp) his client ...", "Putin, who sets the tempo, on Monday
    recognized(ccomp) ...": a clause the parser hung on a relative clause set off by commas, with the relative verb's
    object read as its subject before the closing comma, is the main verb; that subject goes back to the relative verb
    as its object, and what it took after the comma goes to the verb."""
    if not any(t.text == "," for t in rel.doc[rel.head.i + 1:rel.i]):
        return None
    for verb in rel.children:
        found = _misread_subject(verb)
        if found is None:
            continue
        subject, comma = found
        subject.head, subject.dep_ = rel, "obj"
        for c in [c for c in subject.children if c.i > comma]:  # "the tempo, on Monday recognized"
            c.head, c.dep_ = verb, ("obl" if c.dep_ == "nmod" else c.dep_)
        verb.tag_ = "VBD" if verb.tag_ == "VBN" else verb.tag_
        return verb
    return None


def _misread_subject(verb: Token) -> tuple[Token, int] | None:
    """(the subject, the index of the comma after it) of a finite clause with no mark or auxiliary hung as a complement
    with its subject before a comma ("represents Thomas, said")."""
    if verb.dep_ != "ccomp" or not (verb.tag_ in ("VBD", "VBZ", "VBP") or _past_form(verb)) or \
            any(c.dep_ in ("mark", "aux", "aux:pass") for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    comma = next((t.i for t in verb.doc[subject.i + 1:verb.i] if t.text == ","), None)
    return None if comma is None else (subject, comma)


def _main_verb_in_relative(tok: Token) -> bool:
    """A finite past verb read as a reduced relative on a noun ("policy said"): no subject, mark or auxiliary."""
    return tok.dep_ == "acl" and tok.tag_ == "VBD" and tok.head.pos_ in NOMINAL and \
        not any(c.dep_ in ("nsubj", "nsubj:pass", "mark", "aux", "aux:pass") for c in tok.children)


def repair_set_off_participles(doc: Doc) -> None:
    """"Doctors protested the rule, warning(NN) that children would suffer": an -ing form the tagger read as a noun,
    set off by a comma as an adverbial clause with a clause of its own under it, is a participle (VBG)."""
    for tok in _labelled(doc, "advcl"):
        if tok.tag_ == "NN" and shaped("gerund", tok.lower_) and tok.i > 0 and doc[tok.i - 1].text == "," \
                and any(c.dep_ == "ccomp" for c in tok.children):
            tok.tag_, tok.pos_ = "VBG", "VERB"


def repair_absolute_participles(doc: Doc) -> None:
    """"…, with Israel's prime minister vowing(NN) Hezbollah will “pay a heavy price”", "with Minister Ayman Safadi
    warning(NN) that …": after an absolute phrase's mark, a speech -ing form the tagger read as a noun, with only a name
    (and a trailing time phrase, "on Saturday") between, and a clause opening right after it, is a participle whose
    subject is that name and whose clause is what it reports (syntax.yaml absolute_marks, absolute_speech_participles).
    Without a clause ("warning of “dangerous consequences”") the phrase is left as it was read."""
    words = syntax()
    forms = sorted_hashes(words.absolute_speech_participles)
    for i in np.flatnonzero(listed(doc.to_array(LOWER), forms)).tolist():  # the listed words only, from the arrays
        tok = doc[i]
        if tok.tag_ != "NN":
            continue
        tops = _absolute_name(doc, tok, words.absolute_marks)
        clause = next((t for t in doc[tok.i + 1:tok.sent.end] if t.pos_ in ("VERB", "AUX") and t.dep_ != "aux"), None)
        if not tops or clause is None or clause.left_edge.i != tok.i + 1 or clause.is_ancestor(tok):
            continue
        subject = tops[-1]
        anchor = subject.head if subject.head != tok else tok.head
        if anchor == tok or tok.is_ancestor(anchor):
            continue
        tok.head, tok.dep_, tok.tag_, tok.pos_ = anchor, "advcl", "VBG", "VERB"
        for t in tops[:-1]:
            t.head = subject  # "Jordanian | Foreign Minister Ayman | Safadi", split by the parse: one name
        subject.head, subject.dep_ = tok, "nsubj"
        clause.head, clause.dep_ = tok, "ccomp"


def repair_fronted_subjects(doc: Doc) -> None:
    """"In a sign of the row, the harbour board, which runs the docks, issued a statement": a noun phrase set off by
    commas right after a fronted prepositional phrase and right before a verb with no subject of its own, read as an
    apposition inside that phrase, is the verb's subject; a verb with a subject of its own ("In Kherson, the regional
    capital, the shelling went on") keeps it."""
    for noun in list(_labelled(doc, "appos")):
        verb = _verb_after_commas(noun) if noun.pos_ in NOMINAL and noun.head.i <= noun.i else None
        if verb is not None and _fronted_phrase(noun, verb) is not None:
            noun.head, noun.dep_ = verb, "nsubj"


def _verb_after_commas(noun: Token) -> Token | None:
    """The verb with no subject of its own right after the noun's phrase, where a comma sets that phrase off on either
    side (a comma hung on the phrase is part of it); the verb's part of speech read before its children, which a
    sentence outside the parse scope has none of."""
    doc = noun.doc
    first, last = noun.left_edge.i, noun.right_edge.i
    first += doc[first].text == ","  # the comma that sets it off, hung on it
    last -= doc[last].text == "," and last > noun.i
    if first == 0 or last + 2 >= len(doc) or doc[first - 1].text != "," or doc[last + 1].text != ",":
        return None
    verb = doc[last + 2]
    if verb.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubj:pass", "csubj") for c in verb.children):
        return None
    return verb


def _document_and_clause(tok: Token, documents: frozenset[str]) -> tuple[Token, Token] | None:
    """(the document noun, the clause) of an -ing form read as a noun ("a statement warning(NN) that …"): the document
    right before it, hung on it as a compound, and the clause that opens right after it, hung on it as a relative."""
    i = tok.i
    if tok.tag_ != "NN" or i == 0 or tok.head == tok:
        return None
    document = tok.doc[i - 1]
    clause = next((c for c in tok.children if c.dep_ in ("acl:relcl", "acl") and c.left_edge.i == i + 1), None)
    if clause is None or document.head != tok or document.dep_ != "compound" or document.lower_ not in documents:
        return None
    return document, clause


def _fronted_phrase(noun: Token, verb: Token) -> Token | None:
    """The prepositional phrase hung on `verb` before it (an oblique with its preposition) that `noun` lies inside,
    if any."""
    top = noun.head
    while top.head != verb and top.head != top and top.i < verb.i:
        top = top.head
    fronted = top.head == verb and top.dep_ == "obl" and top.i < noun.i and \
        any(c.dep_ == "case" and c.i == top.left_edge.i for c in top.children)
    return top if fronted else None


@lru_cache(maxsize=1)
def _speech_participles_and_documents() -> tuple[NDArray[np.uint64], frozenset[str]]:
    """The hashes of the speech -ing forms and the document nouns `repair_document_participles` reads, once a
    process, not once an article."""
    return sorted_hashes(syntax().absolute_speech_participles), speech_words("document_nouns")


def repair_document_participles(doc: Doc) -> None:
    """"The commission issued a statement warning(NN) that voters are owed honesty", parsed with "statement" a compound
    of "warning" and the clause a relative one on it: a speech -ing form the tagger read as a noun (syntax.yaml
    absolute_speech_participles), right after a document noun hung on it as a compound (speech_verbs.yaml
    document_nouns), with a clause opening right after it, is a participle describing the document; the document
    takes its place in the sentence, the clause is what it reports (its "that", quotes.yaml complementizers, the
    clause's mark). "A warning that …" with no document before it, and a document with no clause after the -ing form,
    are left as they were read."""
    forms, documents = _speech_participles_and_documents()
    for i in np.flatnonzero(listed(doc.to_array(LOWER), forms)).tolist():
        tok = doc[i]
        found = _document_and_clause(tok, documents)
        if found is None:
            continue
        document, clause = found
        document.head, document.dep_ = tok.head, tok.dep_
        for c in [c for c in tok.children if c.i < i]:
            c.head = document  # "a statement": its determiner and modifiers are the document's
        tok.head, tok.dep_, tok.tag_, tok.pos_ = document, "acl", "VBG", "VERB"
        clause.dep_ = "ccomp"
        opener = doc[i + 1]
        if opener.lower_ in quoting().complementizers and opener.head == clause and opener.dep_ != "nsubj":
            opener.dep_, opener.pos_, opener.tag_ = "mark", "SCONJ", "IN"


def _absolute_name(doc: Doc, tok: Token, marks: frozenset[str]) -> list[Token]:
    """The heads of the name between an absolute phrase's mark and `tok` (before a time phrase), its head last; none
    where a verb or a comma comes between or the phrase ends in no noun."""
    mark = next((t for t in reversed(doc[max(tok.sent.start, tok.i - 12):tok.i]) if t.lower_ in marks), None)
    if mark is None or any(t.pos_ in ("VERB", "AUX") or t.text in (",", ";") for t in doc[mark.i + 1:tok.i]):
        return []
    return _name_heads(doc, mark.i, tok)


def _name_heads(doc: Doc, mark: int, tok: Token) -> list[Token]:
    """The heads of the words between the mark at `mark` and `tok`, up to a preposition, that hang on nothing inside;
    ending in a noun, a name or a capitalised adjective; those `tok` governs and the last."""
    cut = next((t.i for t in doc[mark + 2:tok.i] if t.pos_ == "ADP"), tok.i)
    tops = [t for t in doc[mark + 1:cut] if not mark < t.head.i < cut]
    while tops and not (tops[-1].pos_ in ("NOUN", "PROPN") or tops[-1].pos_ == "ADJ" and tops[-1].text.istitle()):
        tops.pop()
    return [t for t in tops if t.head == tok or t == tops[-1]] if tops else []


def repair_labelled_subjects(doc: Doc) -> None:
    """"Shelling of Zaporizhzhia: Rashists struck another blow", "Chernihiv mayor: Russians intentionally target
    hospitals": a topic label or a source and its colon before a clause are no subject; the noun after the colon, read
    as the label's apposition (or a bare modifier of it), is the verb's subject, with only the verb's adverbs or
    auxiliaries between them."""
    for noun in [*_labelled(doc, "appos"), *_labelled(doc, "nmod")]:
        label = noun.head
        verb = label.head
        if label.dep_ != "nsubj" or not label.i < noun.i < verb.i or _cased(noun) or \
                any(t.head.i != verb.i or t.dep_ not in ("advmod", "aux") for t in doc[noun.right_edge.i + 1:verb.i]):
            continue
        if not any(t.text == ":" for t in doc[label.i + 1:noun.i]):
            continue
        noun.head, noun.dep_ = verb, "nsubj"
        label.dep_ = "dislocated"


def repair_double_subjects(doc: Doc) -> None:
    """'Zaporizhzhia NPP: Erdogan said that …': a verb the parse gave two subjects, the first a topic label its colon
    closes before the second, has the second as subject; the label is dislocated."""
    for first in list(_labelled(doc, "nsubj")):
        verb = first.head
        second = next((c for c in verb.children if c.dep_ == "nsubj" and first.i < c.i < verb.i), None)
        if second is not None and any(t.text == ":" for t in doc[first.right_edge.i:second.left_edge.i]):
            first.dep_ = "dislocated"


def repair_possessor_subjects(doc: Doc) -> None:
    """"Israel’s Magen David Adom (MDA) emergency service reported …": a verb whose first subject before it carries a
    possessive marker ('s), with further subjects written right after it up to the verb's last one, has that last one
    (the phrase's head) as its subject: the first owns it (nmod:poss) and a name between is its modifier (compound),
    so that the owner and the name are in the subject's phrase, not the subject themselves."""
    verbs = {subject.head.i: subject.head for subject in _labelled(doc, "nsubj")}  # parsed tokens only
    for verb in verbs.values():
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
        if len(subjects) < 2 or not any(c.dep_ == "case" and c.tag_ == "POS" for c in subjects[0].children):
            continue
        if any(a.right_edge.i + 1 != b.left_edge.i for a, b in zip(subjects, subjects[1:], strict=False)):
            continue  # words between that are no subject's: not one phrase
        head = subjects[-1]
        subjects[0].head, subjects[0].dep_ = head, "nmod:poss"
        for name in subjects[1:-1]:
            name.head, name.dep_ = head, "compound"


def _cased(noun: Token) -> bool:
    """A noun with its own preposition ("of the Donetsk region") modifies the label; it is not the clause's subject."""
    return any(c.dep_ == "case" for c in noun.children)


def repair_infinitive_conjuncts(doc: Doc) -> None:
    """"called on Albania to ban Russian ships and impose restrictions": a bare infinitive with no subject or auxiliary
    of its own, read as joined to a finite verb, is joined to the "to"-infinitive of that verb between them."""
    marks = syntax().purpose_marks  # the infinitive's marker
    for verb in list(_labelled(doc, "conj")):
        head = verb.head
        if verb.tag_ != "VB" or head.tag_ not in ("VBD", "VBN", "VBZ", "VBP") or \
                any(c.dep_.startswith(("nsubj", "aux", "mark")) for c in verb.children):
            continue
        between = [t for t in doc[head.i + 1:verb.i] if t.tag_ == "VB" and head in t.ancestors
                   and any(c.dep_ == "mark" and c.lower_ in marks for c in t.children)]
        if between:
            verb.head = between[-1]


def repair_stranded_conjuncts(doc: Doc) -> None:
    """"Austin has warned Shoigu against escalating(advcl) tensions and called(conj) on him to ...", "The ministry has
    expressed solidarity against remarks made(acl) by Lavrov and called(conj) on ...": a past verb with no subject,
    auxiliary or mark of its own, joined by "and" (syntax.yaml additive_conjunctions) to a bare gerund or participle
    that modifies, is joined to the finite past verb above it: the gerund's or the remark's doer did nothing of it, the
    clause's subject did. A participle's own conjunct with its own agent ("written by experts and published by the
    ministry") or a gerund's of the same form ("of shelling the plant and killing civilians") stays."""
    joins = syntax().additive_conjunctions
    for verb in list(_labelled(doc, "conj")):
        head = verb.head
        if not _stranded(verb, head, joins):
            continue
        main = next((t for t in head.ancestors if t.pos_ in ("VERB", "AUX")), None)
        if main is not None and _finite_past(main):
            verb.head = main


_OWN_CLAUSE = ("nsubj", "nsubj:pass", "aux", "aux:pass")  # a verb with one of these is a clause of its own
_OWN_WORDS = (*_OWN_CLAUSE, "mark", "obl:agent")  # or a conjunct with a mark or an agent of its own


def _stranded(verb: Token, head: Token, joins: frozenset[str]) -> bool:
    """A bare past conjunct (no subject, auxiliary, mark or agent; "and" before it) of a bare modifying gerund or
    participle of another form or a passive one."""
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBN") or head.dep_ not in ("advcl", "acl") \
            or head.tag_ not in ("VBG", "VBN") or not any(c.dep_ == "cc" and c.lower_ in joins for c in verb.children):
        return False
    if any(c.dep_ in _OWN_WORDS for c in verb.children) or any(c.dep_ in _OWN_CLAUSE for c in head.children):
        return False
    return head.tag_ == "VBG" or any(c.dep_ == "obl:agent" for c in head.children)


def _finite_past(verb: Token) -> bool:
    """A past verb with a subject of its own: a simple past, or a perfect ("has warned")."""
    if not any(c.dep_ == "nsubj" for c in verb.children):
        return False
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_ in syntax().perfect_lemmas for c in verb.children))


Scope = Callable[[str, Doc, list[tuple[int, int]]], list[bool]]
TAGGING = [TAG, POS, MORPH, LEMMA]
TREE = [HEAD, DEP]


TEXT_KEY = "flashpoint.text"  # where a Doc keeps its text (document.doc_text)


def parse(text: str, scope: Scope | None = None) -> Doc:
    """Tokens, tags, morphology, lemmas, dependencies and sentences of one body, in one spaCy Doc.

    With `scope` (`parse_scope.wanted_sentences`: which of the sentences split at the preset starts to parse),
    only those are tagged and parsed; the others keep their tokens and sentence boundaries and no annotation."""
    nlp = load_parser()
    doc = nlp.make_doc(text)
    doc.user_data[TEXT_KEY] = text  # the tokenizer keeps every character (doc.text == text): no join to read it
    words = _words(text, doc)
    starts = preset_sentence_starts(doc, words, text)
    sentences = [(a, b) for a, b in zip(starts, [*starts[1:], len(doc)], strict=True) if b > a]
    if scope is not None:
        sentences = [s for s, wanted in zip(sentences, scope(text, doc, sentences), strict=True) if wanted]
    with one_blas_thread():
        annotate(nlp, doc, sentences, words)
    if len(doc) > 1 and not doc.has_annotation("SENT_START"):
        doc[1].is_sent_start = False  # one sentence, not parsed: its bounds are the preset ones, say so
    repair_clauses(doc)
    repair_main_verbs(doc)
    repair_relative_main_verbs(doc)
    repair_set_off_participles(doc)
    repair_root_subjects(doc)
    repair_interrupted_subjects(doc)
    repair_object_roots(doc)
    repair_passives(doc)
    repair_infinitive_conjuncts(doc)
    repair_labelled_subjects(doc)
    repair_double_subjects(doc)
    repair_possessor_subjects(doc)
    repair_absolute_participles(doc)
    repair_fronted_subjects(doc)
    repair_document_participles(doc)
    repair_stranded_conjuncts(doc)
    return doc


def _inserted(doc: Doc) -> frozenset[int]:
    """The tokens that are an editor's bracketed insertion ("[sic]", syntax.yaml editorial_insertions; one token each,
    `add_special_cases`): no word of the sentence, so the tagger and the parser read each as a blank ("troops has
    [sic] entered" as "troops has entered"); the doc keeps its text."""
    forms = sorted_hashes(_insertion_forms())
    return frozenset(np.flatnonzero(listed(doc.to_array(ORTH), forms)).tolist())


def annotate(nlp: Language, doc: Doc, sentences: list[tuple[int, int]], words: list[str] | None = None) -> None:
    """Tag the runs of consecutive `sentences` (token ranges) and parse each sentence, all the sentences of the
    body as one batch: the parser then advances every sentence's state in one matrix product per step
    instead of one sentence after another, for the same model and the same scores on the treebank."""
    if not sentences:
        return
    words = _words(doc.text, doc) if words is None else words
    blank = _inserted(doc)
    words = ["  " if i in blank else w for i, w in enumerate(words)] if blank else words
    runs = _runs(sentences)
    spaces = [bool(s) for s in doc.to_array(SPACY).tolist()]
    tagged = _tag_runs(nlp, doc, words, spaces, runs, blank)
    space = doc.to_array(IS_SPACE).tolist()
    clauses = _clauses(space, sentences)
    trees = np.zeros((len(doc), len(TREE)), dtype=np.uint64)
    parts = []
    k = 0  # the run holding the clause: both lists run in text order
    for a, b in clauses:
        if b == a + 1 and space[a]:
            trees[a] = LONE_TREE  # a line break alone: the one parse it has, without a Doc and a parser state of its own
            continue
        while runs[k][1] <= a:
            k += 1
        tensor, lo = tagged[k]
        part = _piece(doc, words, spaces, a, b, sentence=True)
        part.tensor = tensor[a - lo:b - lo]
        parts.append((a, b, part))
    parsed = greedy_parse(nlp.get_pipe("parser"), [p for _, _, p in parts])
    for (a, b, _), part in zip(parts, parsed, strict=True):
        trees[a:b] = part.to_array(TREE)
    _write_back(doc, runs, trees)


def greedy_parse(parser: Any, docs: list[Doc], most_tokens: int = 6000) -> list[Doc]:
    """`docs` parsed by the parser's model, each sentence's transitions chosen greedily as its own `pipe` chooses
    them, but through the model's numpy step and in as few batches as `most_tokens` allows (the parser's precomputed
    products of a batch take 12 KB a token), instead of its compiled loop over four sub-batches: the same trees on
    the 181 dump bodies, and the parse's CPU on the 40 pages' sentences 1.09 s -> 0.64 s. The compiled loop pays, at
    every step of every sentence, for single-vector BLIS calls and checks of Python's error state; the numpy step
    pays once per step for all the sentences of the batch, so fewer, fuller steps cost less. A beam parser runs its
    own `pipe`."""
    if parser.cfg.get("beam_width", 1) != 1:
        return list(parser.pipe(docs, batch_size=max(len(docs), 1)))
    batch: list[Doc] = []
    size = 0
    for doc in [*sorted(docs, key=len), None]:  # shortest first, as `pipe` orders them; None ends the last batch
        if batch and (doc is None or size + len(doc) > most_tokens):
            _parse_batch(parser, batch)
            batch, size = [], 0
        if doc is not None:
            batch.append(doc)
            size += len(doc)
    return docs


def _parse_batch(parser: Any, batch: list[Doc]) -> None:
    """One batch of docs parsed greedily, a step of the model's for all the sentences not yet parsed at a time."""
    states = parser.moves.init_batch(batch)
    if any(len(doc) for doc in batch):
        step = parser.model.predict(batch)
        scores = _step_scores(parser.model, step)
        unfinished = [s for s in states if not s.is_final()]
        while unfinished:
            unfinished = parser.transition_states(unfinished, scores(unfinished))
        step.clear_memory()
    parser.set_annotations(batch, states)


def _step_scores(model: Any, step: Any) -> Callable[[list[Any]], Any]:
    """The scores of the transitions of unfinished states, as the step model's own `predict` gives them (the
    state's features summed, through the hidden layer, times the output layer), without two of its per-step costs
    that change nothing here: thinc's call of the output layer (its numpy product and sum, done here directly) and
    the scan for the lowest score, given to the classes training never saw (none in this parser)."""
    upper = step.vec2scores if model.attrs.get("has_upper") else None
    if upper is None or model.attrs.get("unseen_classes") or getattr(upper.ops, "use_blis", False):
        return cast(Callable[[list[Any]], Any], step.predict)  # its own path: thinc's BLIS product, or masked classes
    weights, bias = upper.get_param("W").T, upper.get_param("b")

    def scores(states: list[Any]) -> Any:
        found = np.dot(step.state2vec.predict(step.get_token_ids(states)), weights)  # thinc's Linear: gemm, then += b
        found += bias
        return found
    return scores


# A lone token has one parse whatever the parser's scores: it heads itself, the sentence's root (the parser gave all
# 3,091 line breaks read alone on the 181 dump bodies this; tests/test_document.py asks the parser for random vectors).
LONE_TREE = (0, get_string_id("ROOT"))


def _tag_runs(nlp: Language, doc: Doc, words: list[str], spaces: list[bool], runs: list[tuple[int, int]],
              blank: frozenset[int] = frozenset()) -> list[tuple[Any, int]]:
    """Token vectors, tags, morphology and lemmas of each run, written onto `doc`; per run its vectors and the
    token they start at. Each run is read with the tokens around it that its vectors see, so that its tags
    and vectors are those the whole body gives. The `blank` tokens (an editor's insertions) are read as spaces."""
    if runs == [(0, len(doc))] and not blank:
        for name, proc in nlp.pipeline:
            if name == "trainable_lemmatizer":
                lemmatize(proc, [doc], [words])
            elif name != "parser":
                doc = proc(doc)
        return [(doc.tensor, 0)]
    reach = context(nlp)
    spans = [(max(a - reach, 0), min(b + reach, len(doc))) for a, b in runs]
    norms = doc.to_array([NORM])  # the tokenizer's own norms ("’d": "would"), which the vectors read
    for i in blank:
        norms[i] = doc.vocab.strings.add(" ")
    pieces = [_piece(doc, words, spaces, a, b).from_array([NORM], cast(Any, norms[a:b])) for a, b in spans]
    for name, proc in nlp.pipeline:
        if name == "trainable_lemmatizer":
            lemmatize(proc, pieces, [words[a:b] for a, b in spans])
        elif name != "parser":
            pieces = list(cast(TrainablePipe, proc).pipe(pieces, batch_size=len(pieces)))
    values: Any = np.zeros((len(doc), len(TAGGING)), dtype=np.uint64)
    for (a, b), (lo, _), piece in zip(runs, spans, pieces, strict=True):
        values[a:b] = piece.to_array(TAGGING)[a - lo:b - lo]
    doc.from_array(TAGGING, values)
    return [(piece.tensor, lo) for (lo, _), piece in zip(spans, pieces, strict=True)]


def lemmatize(proc: Any, docs: list[Doc], texts: list[list[str]]) -> None:
    """The edit-tree lemmatizer's lemmas on `docs` (`texts`: each doc's token texts), as its own pipe sets them (the
    best-scoring edit tree if it applies to the word, else the word itself; a lemma already set is kept), with each
    (tree, word) pair applied once: spaCy's component makes three or four Token objects a word and applies the tree
    twice. Another lemmatizer setting runs the component itself."""
    if proc.top_k != 1 or proc.backoff != "orth" or proc.overwrite or not any(len(doc) for doc in docs):
        list(proc.pipe(docs, batch_size=max(len(docs), 1)))
        return
    labels, trees, strings = proc.cfg["labels"], proc.trees, proc.vocab.strings
    found: dict[tuple[int, str], int] = {}
    for doc, scores, words in zip(docs, proc.model.predict(docs), texts, strict=True):
        lemmas = doc.to_array(LEMMA)
        for j, (label, word) in enumerate(zip(scores.argmax(axis=1).tolist(), words, strict=True)):
            if lemmas[j]:
                continue
            lemma = found.get((label, word))
            if lemma is None:
                applied = trees.apply(labels[label], word)
                lemma = found[label, word] = strings.add(word if applied is None else applied)
            lemmas[j] = lemma
        doc.from_array([LEMMA], cast(Any, lemmas))


def _clauses(space: list[int], sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """What the parser reads as one doc each: a sentence, and apart from it the line breaks that end it (a
    sentence ending in a line break is read as if the text stopped there: "Russia strikes Kharkiv" split
    before its last word); `space` is the doc's IS_SPACE array."""
    out: list[tuple[int, int]] = []
    for a, b in sentences:
        end = b
        while end > a and space[end - 1]:
            end -= 1
        out.extend(r for r in ((a, end), (end, b)) if r[1] > r[0])
    return out


@lru_cache(maxsize=1)
def context(nlp: Language) -> int:
    """How many tokens each side a token's vector reads: the encoder's window times its depth."""
    encode = nlp.config["components"]["tok2vec"]["model"]["encode"]
    return int(encode["window_size"]) * int(encode["depth"])


def _runs(sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for a, b in sentences:
        if runs and runs[-1][1] == a:
            runs[-1] = (runs[-1][0], b)
        else:
            runs.append((a, b))
    return runs


def _piece(doc: Doc, words: list[str], spaces: list[bool], a: int, b: int, sentence: bool = False) -> Doc:
    """Tokens a..b of `doc` as a Doc of their own, a sentence start preset at its first token. A `sentence`
    may be split further by the parser, but not before its last token: read alone, without the text that
    followed it, a line with no full stop ("Russia strikes Kharkiv") would lose its last word to a sentence
    of its own."""
    inside: bool | None = False if sentence else None
    starts: list[bool | int | None] = [True, *[inside] * (b - a - 1)]
    return Doc(doc.vocab, words=words[a:b], spaces=spaces[a:b], sent_starts=starts)


def _write_back(doc: Doc, runs: list[tuple[int, int]], trees: Any) -> None:
    """The sentences' trees onto `doc`; a sentence left unparsed keeps its preset start."""
    preset: Any = doc.to_array(SENT_START)
    doc.from_array(TREE, trees)
    if runs != [(0, len(doc))]:
        starts = doc.to_array(SENT_START)  # the parsed sentences' boundaries, as their trees set them
        for a, b in runs:
            preset[a:b] = starts[a:b]
        doc.from_array([SENT_START], preset)
