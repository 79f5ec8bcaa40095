"""The shared document: one parsed spaCy Doc per article, offsets into the body, sentences that never
run across a line break or a sentence-final mark."""

from __future__ import annotations

from importlib import resources

import pytest

from conftest import SEEDS
from flashpoint.model import Article
from flashpoint.nlp.document import make_doc


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


def test_a_headline_line_is_its_own_sentence() -> None:
    body = "Russia strikes Kharkiv\n\nRussian missiles hit the city overnight, officials said."
    doc = make_doc(Article(id="h", source="h", body=body))
    assert doc.sentences()[0] == (0, len("Russia strikes Kharkiv"))
