"""The shared document: tokens and sentences, the sentences as spaCy's own sentencizer cuts them."""

from __future__ import annotations

from importlib import resources

import pytest

from conftest import SEEDS
from flashpoint.model import Article
from flashpoint.nlp.document import blank_english, make_doc


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    sample = resources.files("flashpoint.sample").joinpath("articles")
    texts += [p.read_text(encoding="utf-8") for p in sorted(sample.iterdir()) if p.name.endswith(".txt")]
    return texts


EDGE = ["", "   ", "word", ". Starts with a dot. Then more", "!! Yes. No", "-- dash only", "?", ". .",
        "“A quote.” He said. ... And then?! Yes.\n\nNew paragraph", "Mr. Smith went to Washington. He left."]


@pytest.mark.parametrize("text", EDGE + _texts())
def test_sentences_match_spacy_sentencizer(text: str) -> None:
    ref = blank_english()(text)
    expected = [(s.start_char, s.end_char) for s in ref.sents] if len(ref) else []
    doc = make_doc(Article(id="t", source="t", body=text))
    assert doc.sentences() == expected
    assert [t.is_sent_start for t in doc.tokens] == [t.is_sent_start for t in ref]
    if len(doc.tokens):
        assert [(s.start_char, s.end_char) for s in doc.tokens.sents] == expected
