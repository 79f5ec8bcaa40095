"""Article-extraction benchmark: how much of each page's article body the cleaner keeps, and nothing else.

The data set (181 news pages) comes as gzipped HTML, the gold article bodies, and the same pages rendered
to plain text with all boilerplate left in. The metric is the benchmark's own: 4-word shingles of
lowercased word tokens, counted with multiplicity; precision and recall are computed per page, averaged
over pages, and F1 is taken from the two averages.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

_TOKEN = re.compile(r"\w+", re.UNICODE)
NGRAM = 4


def shingles(text: str, n: int = NGRAM) -> Counter[str]:
    """Counts of n-word shingles; a text shorter than n words is one shingle (as the benchmark does)."""
    tokens = _TOKEN.findall((text or "").lower())
    return Counter(" ".join(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens)


def match_counts(true: str, pred: str) -> tuple[int, int, int]:
    """True positives, false positives and false negatives of the shingles of one page."""
    t, p = shingles(true), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    if not t and not p:
        tp += 1  # both empty: a correct answer
    return tp, fp, fn


def _precision(tp: int, fp: int, fn: int) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def _recall(tp: int, fp: int, fn: int) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def score(counts: Iterable[tuple[int, int, int]]) -> dict[str, float]:
    """Precision and recall averaged over pages, F1 from the averages."""
    rows = list(counts)
    precisions = [_precision(*c) for c in rows if c[0] + c[1] > 0]
    recalls = [_recall(*c) for c in rows if c[0] + c[2] > 0]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4)}


def _root(path: Path) -> Path:
    """Accept the data set's folder or any file inside it."""
    path = Path(path)
    for candidate in (path, *path.parents):
        if (candidate / "ground-truth.json").exists():
            return candidate
    raise FileNotFoundError(f"{path}: no ground-truth.json here or above: not the article-extraction data set")


def load_truth(root: Path) -> dict[str, str]:
    data = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    return {key: (rec.get("articleBody") or "") for key, rec in data.items()}


def load_urls(root: Path) -> dict[str, str | None]:
    data = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    return {key: rec.get("url") for key, rec in data.items()}


def load_text_dumps(root: Path) -> dict[str, str]:
    data = json.loads((root / "output" / "html-text.json").read_text(encoding="utf-8"))
    pages = data.get("output", data)
    return {key: (rec.get("articleBody") or "") for key, rec in pages.items()}


def load_html(root: Path, key: str) -> str:
    raw = gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes())
    from charset_normalizer import from_bytes

    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        best = from_bytes(raw).best()
        return str(best) if best is not None else raw.decode("utf-8", errors="replace")


def _select(keys: Iterable[str], limit: int | None, offset: int = 0) -> list[str]:
    ordered = sorted(keys)
    return ordered[offset:offset + limit] if limit else ordered[offset:]


def evaluate(truth: dict[str, str], inputs: dict[str, str], extract: Callable[[str, str], str]) -> dict[str, float]:
    """Score `extract(key, page)` over the pages in `inputs`; a crash counts as an empty answer."""
    counts = []
    for key, page in inputs.items():
        try:
            pred = extract(key, page)
        except Exception:  # noqa: BLE001 - one bad page scores zero, the run goes on
            pred = ""
        counts.append(match_counts(truth[key], pred))
    return score(counts)


def _trafilatura_alone(html: str, url: str | None) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url) or ""


def run(path: Path, plain_text: bool = False, limit: int | None = None, offset: int = 0,
        baselines: bool = True, **_: Any) -> dict[str, Any]:
    """Score the cleaner on the benchmark: the HTML pages, or with `plain_text` the text dumps.

    `limit`/`offset` pick a slice of the pages (sorted by key) for a quick run.
    """
    from flashpoint.ingest.clean import clean_html, clean_text

    root = _root(path)
    truth = load_truth(root)
    keys = _select(truth, limit, offset)
    result: dict[str, Any] = {"pages": len(keys), "input": "text" if plain_text else "html"}
    if plain_text:
        dumps = load_text_dumps(root)
        inputs = {k: dumps.get(k, "") for k in keys}
        ours = evaluate(truth, inputs, lambda _k, page: clean_text(page).body)
        if baselines:
            keep = evaluate(truth, inputs, lambda _k, page: page)
            result.update({f"keep_everything_{m}": v for m, v in keep.items()})
    else:
        urls = load_urls(root)
        inputs = {k: load_html(root, k) for k in keys}
        ours = evaluate(truth, inputs, lambda k, page: clean_html(page, urls.get(k)).body)
        if baselines:
            alone = evaluate(truth, inputs, lambda k, page: _trafilatura_alone(page, urls.get(k)))
            result.update({f"trafilatura_{m}": v for m, v in alone.items()})
    result.update(ours)
    return result
