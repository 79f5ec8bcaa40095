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
