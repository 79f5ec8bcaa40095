"""Array helpers the readers of a Doc's arrays share."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
from numpy.typing import NDArray
from spacy.strings import get_string_id


def sorted_hashes(strings: Iterable[str]) -> NDArray[np.uint64]:
    """The string hashes of `strings` in ascending order, as `listed` reads them."""
    return np.array(sorted(get_string_id(s) for s in strings), dtype=np.uint64)


def listed(values: NDArray[Any], hashes: NDArray[np.uint64]) -> NDArray[np.bool_]:
    """Which of `values` (a Doc's attribute array: string hashes, any shape) are among `hashes` (sorted ascending):
    np.isin's answer by binary search. np.isin sorts or hashes both arrays on every call, 0.2-1 ms each on an
    article's tokens, where the lookup is tens of microseconds; the pipeline asks a dozen times an article."""
    if not len(hashes):
        return np.zeros(np.shape(values), dtype=bool)
    at = np.searchsorted(hashes, values)
    np.minimum(at, len(hashes) - 1, out=at)
    found: NDArray[np.bool_] = hashes[at] == values
    return found
