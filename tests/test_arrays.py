"""The array lookup the Doc readers share answers as np.isin does."""

from __future__ import annotations

import numpy as np

from flashpoint.nlp.arrays import listed


def test_listed_answers_as_isin() -> None:
    rng = np.random.default_rng(7)
    hashes = np.unique(rng.integers(0, 2**63, 300, dtype=np.uint64))
    for shape in [(0,), (1,), (500,), (200, 2)]:
        values = rng.integers(0, 2**63, shape, dtype=np.uint64)
        if values.size:
            values.flat[::3] = rng.choice(hashes, values.flat[::3].size)  # a third are listed
        assert (listed(values, hashes) == np.isin(values, hashes)).all()
        assert listed(values, hashes).shape == values.shape
    top = np.array([hashes[-1], hashes[-1] + np.uint64(1), hashes[0] - np.uint64(1)], dtype=np.uint64)
    assert listed(top, hashes).tolist() == [True, False, False]  # past either end of the sorted hashes
    assert listed(top, np.array([], dtype=np.uint64)).tolist() == [False, False, False]


def test_word_tokens_are_the_tokens_whose_form_or_lemma_is_listed_on_each_doc() -> None:
    from flashpoint.nlp.parser import parse
    from flashpoint.nlp.syntax import word_tokens

    words = frozenset({"shell", "warn"})
    for text in ["Artillery shelled the village and officials warned residents.",
                 "The shells fell near Warner Street; a warning followed.",  # "Warner", "warning": no lemma listed
                 "Nothing listed here."]:
        doc = parse(text)
        expected = {t.i for t in doc if t.lower_ in words or t.lemma_.lower() in words}
        assert word_tokens(doc, words) == expected
        assert word_tokens(doc, words) == expected  # the second time from the answers kept for the list
    assert word_tokens(parse("They shelled it."), words) == {1}
