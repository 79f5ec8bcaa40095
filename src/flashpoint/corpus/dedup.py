"""Near-duplicate detection: MinHash over word shingles, banded for LSH lookups in the store.

A syndicated wire story on five sites, or a page republished with other boilerplate,
shares most of its word shingles with the original; MinHash estimates that Jaccard
similarity from a short signature, and LSH bands (stored as rows, so an incremental
update looks a new article up with one indexed query) find the candidates without
comparing against every stored article.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
from datasketch import MinHash

NUM_PERM = 128
BANDS = 16  # 16 bands of 8 rows: candidates from about 0.7 Jaccard up
ROWS = NUM_PERM // BANDS
THRESHOLD = 0.75  # estimated Jaccard at which two texts count as copies
SHINGLE = 5
# a near-copy is looked for among the articles published within this many days of it (and undated ones): a
# syndicated or republished page appears within days, and the look-up then reads the days around the article,
# not every copy the store ever held (a text reprinted a year later is linked to nothing older than this)
COPY_WINDOW_DAYS = 30

_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    """Word k-shingles; short texts (headlines) fall back to shorter shingles so they still compare."""
    toks = words(text)
    if len(toks) < 4 * k:
        k = max(1, min(k, len(toks) // 4 or 1, 2))
    if len(toks) <= k:
        return {" ".join(toks)} if toks else set()
    return {" ".join(toks[i:i + k]) for i in range(len(toks) - k + 1)}


@lru_cache(maxsize=4)
def _template(num_perm: int) -> MinHash:
    return MinHash(num_perm=num_perm, seed=7)


def signature(features: set[str], num_perm: int = NUM_PERM) -> list[int]:
    """MinHash values of a feature set (empty set: an empty list, which matches nothing)."""
    if not features:
        return []
    tpl = _template(num_perm)
    m = MinHash(num_perm=num_perm, seed=7, permutations=tpl.permutations, scheme=tpl.scheme)
    m.update_batch([f.encode("utf-8") for f in sorted(features)])
    return [int(v) for v in m.hashvalues]


def band_keys(sig: Sequence[int], bands: int = BANDS) -> list[str]:
    """One key per band: the band number and a digest of its rows."""
    if not sig:
        return []
    rows = len(sig) // bands
    arr = np.asarray(sig, dtype=np.uint32)
    return [f"{b}:{hashlib.blake2b(arr[b * rows:(b + 1) * rows].tobytes(), digest_size=10).hexdigest()}"
            for b in range(bands)]


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity of two signatures."""
    if not a or not b or len(a) != len(b):
        return 0.0
    return float(np.mean(np.asarray(a, dtype=np.uint32) == np.asarray(b, dtype=np.uint32)))


def text_for(title: str | None, body: str) -> str:
    return f"{title or ''}\n{body}"
