"""The shared document: one parsed spaCy Doc per article, offsets into the body, sentences that never
run across a line break or a sentence-final mark."""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING

import pytest

from conftest import SEEDS
from flashpoint.model import Article
from flashpoint.nlp.document import make_doc
from flashpoint.nlp.language import dateline, names

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    sample = resources.files("flashpoint.sample").joinpath("articles")
    texts += [p.read_text(encoding="utf-8") for p in sorted(sample.iterdir()) if p.name.endswith(".txt")]
    return texts


EDGE = ["", "   ", "word", ". Starts with a dot. Then more", "!! Yes. No", "-- dash only", "?", ". .",
        "“A quote.” He said. ... And then?! Yes.\n\nNew paragraph", "Mr. Smith went to Washington. He left."]


@pytest.mark.parametrize("text", EDGE + _texts())
def test_sentences_cover_the_body_and_respect_breaks(text: str) -> None:
    doc = make_doc(Article(id="t", source="t", body=text))
    assert "".join(t.text_with_ws for t in doc.tokens) == text
    spans = doc.sentences()
    for (a, b), (c, _) in zip(spans, spans[1:], strict=False):
        assert a < b <= c
    for lo, hi in spans:
        inner = text[lo:hi].rstrip()
        # no sentence holds a paragraph break in its middle
        assert "\n\n" not in inner.strip()
    for tok in doc.tokens:
        assert text[tok.idx:tok.idx + len(tok)] == tok.text


def test_the_parse_gives_tags_lemmas_and_dependencies() -> None:
    doc = make_doc(Article(id="p", source="p", body="Hamas launched 100 rockets into Israel on Friday."))
    launched = doc.tokens[1]
    assert launched.pos_ == "VERB" and launched.lemma_ == "launch"
    assert doc.tokens[0].head.i == launched.i and doc.tokens[0].dep_ == "nsubj"
    assert doc.tokens[3].dep_ == "obj" and doc.tokens[3].lemma_ == "rocket"


def test_the_shipped_parser_labels_an_object_obj_never_dobj() -> None:
    """The readers name the labels of Universal Dependencies only: the shipped parser, trained on the UD English Web
    Treebank, gives an object "obj" and never the older "dobj", nor the other labels of older schemes the readers no
    longer name (their time and measure obliques are "obl:unmarked")."""
    from flashpoint.nlp.parser import load_parser

    labels = set(load_parser().get_pipe("parser").labels)
    assert {"obj", "iobj", "nsubj", "obl"} <= labels and not labels & {
        "dobj", "pobj", "nsubjpass", "auxpass", "neg", "npadvmod", "oprd", "obl:tmod", "obl:npmod", "csubj:pass"}


def test_a_name_before_a_verb_read_as_an_adjective_is_its_subject() -> None:
    """"Mr Erdogan accused(amod) Greece(ROOT)": the treebank writes "Mr." with a stop, so the parser reads a
    British "Mr" and its name as a possessor of the object; the verb heads the clause again, the name is its
    subject and the phrase keeps the whole name. A real possessor ("Turkey's") stays one."""
    doc = make_doc(Article(id="m", source="m", body="Mr Erdogan accused Greece of provoking tensions in the Aegean."))
    accused = doc.tokens[2]
    assert accused.dep_ == "ROOT" and doc.tokens[3].dep_ == "obj" and doc.tokens[3].head.i == accused.i
    subject = [t for t in accused.children if t.dep_ == "nsubj"]
    assert [t.text for t in subject] == ["Mr"] and [t.text for t in subject[0].subtree] == ["Mr", "Erdogan"]
    owned = make_doc(Article(id="o", source="o", body="Turkey's accused officers were freed on Friday."))
    assert not any(t.dep_ == "nsubj" and t.text == "Turkey" for t in owned.tokens)


def test_a_headline_line_is_its_own_sentence() -> None:
    body = "Russia strikes Kharkiv\n\nRussian missiles hit the city overnight, officials said."
    doc = make_doc(Article(id="h", source="h", body=body))
    assert doc.sentences()[0] == (0, len("Russia strikes Kharkiv"))


def test_the_parse_through_numpy_blas_annotates_as_the_default_blis_does() -> None:
    """The parser multiplies through numpy's BLAS for speed; every token of real articles keeps the
    tags, morphology, lemma, head and label the pipeline loaded with thinc's defaults gives it."""
    import spacy
    from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

    from flashpoint.nlp import parser

    assert all(not getattr(node.ops, "use_blis", True) for _, pipe in parser.load_parser().pipeline
               for node in pipe.model.walk())
    default = spacy.load(parser.MODEL_DIR)
    parser.add_special_cases(default)  # the same tokens: the comparison is of the products, not of the tokenizer
    attrs = [TAG, POS, MORPH, LEMMA, HEAD, DEP, SENT_START]
    for text in _texts()[:6]:
        reference = default.make_doc(text)
        starts = parser.preset_sentence_starts(reference)
        parser.annotate(default, reference, list(zip(starts, [*starts[1:], len(reference)], strict=True)))
        for repair in (parser.repair_clauses, parser.repair_main_verbs, parser.repair_relative_main_verbs,
                       parser.repair_interrupted_subjects, parser.repair_passives, parser.repair_double_subjects):
            repair(reference)
        assert (parser.parse(text).to_array(attrs) == reference.to_array(attrs)).all()


def _sentence_texts(text: str) -> list[str]:
    doc = make_doc(Article(id="t", source="t", body=text))
    return [text[a:b] for a, b in doc.sentences()]


@pytest.mark.parametrize(("text", "first"), [
    ('He said: "They lied." Reuters could not verify it.', 'He said: "They lied."'),
    ('A spokesman called it "a war crime." Officials disagreed.', 'A spokesman called it "a war crime."'),
    # an opening straight quote after a space starts the next sentence, as before
    ('The army left. "We are ready," she said.', "The army left."),
])
def test_a_straight_quote_mark_glued_to_a_full_stop_closes_its_sentence(text: str, first: str) -> None:
    sentences = _sentence_texts(text)
    assert sentences[0] == first
    assert len(sentences) == 2


@pytest.mark.parametrize("title", sorted(names().abbreviations))
def test_the_dot_of_a_title_abbreviation_ends_no_sentence(title: str) -> None:
    # language data: entities.yaml `abbreviations`; the tokenizer keeps each with its dot
    assert len(_sentence_texts(f"{title}. Kovalenko arrived in the capital. He left on Monday.")) == 2
    # a full stop after any other word still ends one
    assert len(_sentence_texts("The troops arrived in the capital. Kovalenko left on Monday.")) == 2


@pytest.mark.parametrize(("text", "count"), [
    ("“Nobody will be happy!”, said one activist. He left.", 2),  # a comma after the closing mark goes on
    ("“Why?” she asked. He left.", 3),  # without one the mark ends its sentence, as before
    ("It went on for a while… nothing like this ever happened. He left.", 2),  # an ellipsis before a small letter
    ("He waited... Then he left.", 2),  # before a capital it ends one
])
def test_a_mid_sentence_mark_or_small_letter_after_an_ellipsis_goes_on_with_the_sentence(text: str, count: int) -> None:
    assert len(_sentence_texts(text)) == count


@pytest.mark.parametrize(("line", "cut"), dateline().pos)
def test_a_wire_dateline_is_no_part_of_the_sentence_after_it(line: str, cut: str) -> None:
    assert dateline().pattern.match(line).group() == cut  # type: ignore[union-attr]
    sentences = _sentence_texts(f"Headline of the story\n{line} It rained.")
    assert line[len(cut):] in sentences
    assert cut.rstrip() in sentences


@pytest.mark.parametrize("line", dateline().neg)
def test_a_dash_inside_a_sentence_starts_no_sentence(line: str) -> None:
    assert dateline().pattern.match(line) is None
    assert _sentence_texts(line) == [line]


def test_a_clause_hung_on_a_relative_clause_set_off_by_commas_is_the_main_verb() -> None:
    """parser._main_verb_after_relative: "X, who represents Thomas, said ..." read as said(ccomp) of "represents" with
    "Thomas" its subject: "said" heads the sentence with X its subject, "Thomas" the relative verb's object. A clause
    with no comma after its subject ("which showed the economy grew") stays the relative verb's complement."""
    from flashpoint.nlp.parser import parse

    doc = parse("Montell Figgins, who represents Thomas, said his client chose not to accept a plea agreement.")
    said = next(t for t in doc if t.text == "said")
    assert said.dep_ == "ROOT" and [c.text for c in said.children if c.dep_ == "nsubj"] == ["Figgins"]
    assert next(t for t in doc if t.text == "Thomas").head.text == "represents"
    kept = parse("The report, which showed the economy grew, was published on Monday.")
    assert next(t for t in kept if t.text == "grew").head.text == "showed"


def test_written_words_and_words_between_read_the_docs_tokens() -> None:
    """A written word is the tokens written together (issue 11): "Kyiv’s" and "Al-Qaeda" one each, "U.S." one, a
    comma or a dash none; words_between counts the words a character range touches."""
    from flashpoint.nlp.document import make_doc, written_words

    text = "Kyiv’s envoy, Al-Qaeda — the U.S. said."
    doc = make_doc(Article(id="w", source="t", body=text))
    assert [text[s:e] for s, e in written_words(doc.tokens)] == ["Kyiv’s", "envoy", "Al-Qaeda", "the", "U.S.", "said"]
    assert doc.words_between(0, len(text)) == 6
    assert doc.words_between(text.index("envoy"), text.index("the")) == 2
    assert doc.words_between(3, 3) == 0


def test_words_near_joins_tokens_written_together_of_the_marks_given() -> None:
    """words_near reads the Doc's words between two offsets: tokens written together join when each holds only
    letters, digits and the marks given ("spokesman." with a dot; "don't" with an apostrophe); a token with another
    mark is no word ("Mrs." without the dot)."""
    from flashpoint.nlp.document import words_near
    from flashpoint.nlp.parser import parse

    text = "Mrs. Lee, a spokesman. They don't (know)."
    doc = parse(text)
    assert [text[s:e] for s, e in words_near(doc, 0, len(text), ".-_")] == ["Mrs.", "Lee", "a", "spokesman.", "They",
                                                                            "do", "know", "."]
    assert [text[s:e] for s, e in words_near(doc, 0, len(text), "'’_")] == ["Lee", "a", "spokesman", "They", "don't",
                                                                            "know"]


@pytest.mark.parametrize("lo,hi", [(0, None), (3, 40), (9, 10), (17, 31), (0, 0)])
def test_spaced_words_are_the_split_of_the_text_read_from_the_tokens(lo: int, hi: int | None) -> None:
    """spaced_words gives the words of a range as spaces part them, from the Doc's tokens (issue 11): a comma or an
    apostrophe stays on its word, a line break or a no-break space parts two, a word the range cuts is cut."""
    from flashpoint.nlp.document import spaced_words
    from flashpoint.nlp.parser import parse

    text = "Kyiv’s envoy, Al-Qaeda\n\n the U.S.\u00a0said (14 of 20)."
    end = len(text) if hi is None else hi
    words = spaced_words(parse(text), lo, end)
    assert words == text[lo:end].split()
    if hi is None:
        assert words[:3] == ["Kyiv’s", "envoy,", "Al-Qaeda"] and "U.S." in words


def test_a_line_break_read_alone_has_the_one_parse_the_parser_gives_it() -> None:
    """parser.annotate writes LONE_TREE for a line break read alone instead of asking the parser: the parser gives it
    whatever the vectors it reads."""
    import numpy as np
    from spacy.tokens import Doc

    from flashpoint.nlp import parser

    nlp = parser.load_parser()
    rng = np.random.default_rng(3)
    width = nlp.get_pipe("tok2vec").model.get_dim("nO")
    pieces = []
    for word in ("\n", "\n\n", " \n"):
        for _ in range(4):
            piece = Doc(nlp.vocab, words=[word], spaces=[False], sent_starts=[True])
            piece.tensor = rng.normal(0, 3, (1, width)).astype("float32")
            pieces.append(piece)
    for piece in nlp.get_pipe("parser").pipe(pieces, batch_size=len(pieces)):
        assert tuple(piece.to_array(parser.TREE)[0].tolist()) == parser.LONE_TREE


def test_lemmatize_sets_the_lemmas_the_lemmatizer_component_sets() -> None:
    """parser.lemmatize applies each edit tree once per word; the lemmas are those of spaCy's own component."""
    from flashpoint.nlp import parser

    nlp = parser.load_parser()
    texts = [*(_texts()[:6]), "Troops were shelling the villages; he said they'd fled. [sic]\n\nNo. 10 Downing St."]
    ours, theirs = [nlp.make_doc(t) for t in texts], [nlp.make_doc(t) for t in texts]
    for name, proc in nlp.pipeline:
        if name not in ("parser", "trainable_lemmatizer"):
            ours, theirs = list(proc.pipe(ours)), list(proc.pipe(theirs))
    lemmatizer = nlp.get_pipe("trainable_lemmatizer")
    parser.lemmatize(lemmatizer, ours, [[t.text for t in doc] for doc in ours])
    theirs = list(lemmatizer.pipe(theirs))
    assert sum(len(d) for d in ours) > 500
    assert [[t.lemma_ for t in d] for d in ours] == [[t.lemma_ for t in d] for d in theirs]


def _tagged_sentences(nlp: Language, texts: list[str]) -> list[Doc]:
    """Each sentence of `texts` as a doc of its own, with the token vectors the parser reads."""
    from spacy.tokens import Doc

    from flashpoint.nlp import parser

    out = []
    for text in texts:
        doc = nlp.make_doc(text)
        starts = parser.preset_sentence_starts(doc)
        nlp.get_pipe("tok2vec")(doc)
        for a, b in zip(starts, [*starts[1:], len(doc)], strict=True):
            if b > a:
                piece = Doc(nlp.vocab, words=[t.text for t in doc[a:b]], spaces=[bool(t.whitespace_) for t in doc[a:b]],
                            sent_starts=[True] + [False] * (b - a - 1))
                piece.tensor = doc.tensor[a:b]
                out.append(piece)
    return out


@pytest.mark.parametrize("most_tokens", [100_000, 300])
def test_greedy_parse_gives_the_trees_of_the_parsers_own_pipe(most_tokens: int) -> None:
    """parser.greedy_parse steps the model in numpy over fuller batches; every sentence gets the tree spaCy's compiled
    loop gives it (one batch or several)."""
    from flashpoint.nlp import parser

    nlp = parser.load_parser()
    texts = [*_texts()[:8], *EDGE]
    ours, theirs = _tagged_sentences(nlp, texts), _tagged_sentences(nlp, texts)
    assert sum(len(d) for d in ours) > 3000  # one batch, or a dozen
    parser.greedy_parse(nlp.get_pipe("parser"), ours, most_tokens)
    theirs = list(nlp.get_pipe("parser").pipe(theirs, batch_size=len(theirs)))
    assert [d.to_array(parser.TREE).tolist() for d in ours] == [d.to_array(parser.TREE).tolist() for d in theirs]


def test_pieces_major_maxout_gives_the_vectors_and_annotations_of_thincs_own() -> None:
    """load_parser swaps the token vectors' maxout layers for a forward over piece-major weights where this machine's
    BLAS rounds it as thinc's own forward (its probe batches), else for thinc's own product with numpy's maximum;
    either way spaCy's own pipeline on the same ops (numpy's BLAS) gives the same vectors, bit for bit, and the same
    tags, morphology, lemmas and trees, batched and one text at a time; training still runs thinc's own forward."""
    import numpy as np
    import spacy
    from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
    from thinc.api import NumpyOps

    from flashpoint.nlp import parser

    nlp = parser.load_parser()
    own = spacy.load(parser.MODEL_DIR)
    for _, pipe in own.pipeline:
        for node in pipe.model.walk():
            node.ops = NumpyOps(use_blis=False)
    parser._embed_distinct_rows(own)  # the same embedding products on both sides: only the maxout forward compared
    swapped = [n for n in nlp.get_pipe("tok2vec").model.walk() if n.name == "maxout"]
    theirs_maxout = [m for m in own.get_pipe("tok2vec").model.walk() if m.name == "maxout"]
    assert swapped and len(swapped) == len(theirs_maxout)
    for n, m in zip(swapped, theirs_maxout, strict=True):  # a fast forward is in use where the probes allow it
        piece_major = parser._exact_on_probes(m, m._func, parser._pieces_major_maxout(m))
        numpy_max = parser._exact_on_probes(m, m._func, parser._numpy_max_maxout(m))
        assert (n._func is not m._func) == (piece_major or numpy_max)
        assert numpy_max  # thinc's own product, its best piece by numpy: exact on every machine
    attrs = [TAG, POS, MORPH, LEMMA, HEAD, DEP]
    texts = [*_texts()[:6], *EDGE]
    for batch in (len(texts), 1):
        ours = list(nlp.pipe([nlp.make_doc(t) for t in texts], batch_size=batch))
        theirs = list(own.pipe([nlp.make_doc(t) for t in texts], batch_size=batch))
        for a, b in zip(ours, theirs, strict=True):
            assert np.array_equal(a.tensor, b.tensor)
            assert a.to_array(attrs).tolist() == b.to_array(attrs).tolist()
    inputs = np.random.default_rng(0).standard_normal((5, swapped[0].get_dim("nI")), dtype=np.float32)
    trained, backprop = swapped[0].begin_update(inputs)  # training's path: thinc's forward, with its backprop
    assert np.array_equal(trained, swapped[0].predict(inputs)) and backprop(trained).shape == inputs.shape


def test_the_embedding_of_distinct_feature_rows_annotates_as_thincs_own_forward() -> None:
    """load_parser embeds each distinct row of token features once per batch: the vectors differ from thinc's forward
    over every token only in their last bits (numpy's BLAS rounds a row by the rows multiplied with it), and every
    token of real articles keeps its tags, morphology, lemma and tree, batched and one text at a time; tokens with the
    same features get the same embedding; training still runs thinc's own forward."""
    import numpy as np
    import spacy
    from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
    from thinc.api import NumpyOps

    from flashpoint.nlp import parser

    nlp = parser.load_parser()
    own = spacy.load(parser.MODEL_DIR)
    for _, pipe in own.pipeline:
        for node in pipe.model.walk():
            node.ops = NumpyOps(use_blis=False)
    embedding = nlp.get_pipe("tok2vec").model.layers[0]
    assert embedding._func is not own.get_pipe("tok2vec").model.layers[0]._func  # the distinct rows' forward is in use
    attrs = [TAG, POS, MORPH, LEMMA, HEAD, DEP]
    texts = [*_texts()[:6], *EDGE, ""]
    for batch in (len(texts), 1):
        ours = list(nlp.pipe([nlp.make_doc(t) for t in texts], batch_size=batch))
        theirs = list(own.pipe([nlp.make_doc(t) for t in texts], batch_size=batch))
        for a, b in zip(ours, theirs, strict=True):
            assert a.tensor.shape == b.tensor.shape and np.allclose(a.tensor, b.tensor, rtol=0, atol=1e-4)
            assert a.to_array(attrs).tolist() == b.to_array(attrs).tolist()
    docs = [nlp.make_doc("Kyiv said Kyiv would respond."), nlp.make_doc("Kyiv")]
    vectors = embedding.predict(docs)
    assert [len(v) for v in vectors] == [6, 1]
    assert np.array_equal(vectors[0][0], vectors[0][2]) and np.array_equal(vectors[0][0], vectors[1][0])
    trained, backprop = embedding.begin_update(docs)  # training's path: thinc's forward (dropout and all), its backprop
    assert [t.shape for t in trained] == [v.shape for v in vectors] and backprop(trained) == []


def test_the_tokenizer_without_spacys_bare_space_cases_gives_the_same_tokens() -> None:
    """add_special_cases drops spaCy's cases of a bare space, tab or line break (they stop the tokenizer's cache for the
    rest of a text); the tokens, offsets and norms are those the pipeline with them gives."""
    import spacy
    from spacy.attrs import IDX, NORM, ORTH, SPACY

    from flashpoint.nlp import parser

    nlp = parser.load_parser()
    assert not any(key.isspace() and key != "\u00a0" for key in nlp.tokenizer.rules)
    default = spacy.load(parser.MODEL_DIR)
    for key, case in nlp.tokenizer.rules.items():  # flashpoint's own cases, which the comparison is not about
        if key not in default.tokenizer.rules:
            default.tokenizer.add_special_case(key, case)
    assert any(key.isspace() for key in default.tokenizer.rules)
    texts = [*_texts(), *EDGE, "a \n b\t\tc  d \u00a0e\n\n\n— f — g\n", " \n", "\t", "x  \n  y"]
    for text in texts * 2:  # the second time through the cache
        ours, theirs = nlp.make_doc(text), default.make_doc(text)
        assert ours.to_array([ORTH, IDX, SPACY, NORM]).tolist() == theirs.to_array([ORTH, IDX, SPACY, NORM]).tolist()
