"""Fit the text-dump cleaner's line model offline and report a held-out score.

Reads the article-extraction benchmark at ../shared/eval/article-extraction, labels every line of
each text dump by how many of its 4-word shingles occur in that page's gold body, fits a logistic
model on the line features (flashpoint.ingest.clean_lines.FEATURES), and:
  * fits on the even-numbered pages and scores the cleaner on the odd ones, and the other way round
    (the held-out score: nothing of a scored page was seen when fitting);
  * with --write, fits on all pages and writes only the weights to resources/boilerplate_model.json.

    .venv/bin/python benchmarks/fit_clean_model.py [--write]
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from flashpoint.evals.article_extraction import (
    load_text_dumps,
    load_truth,
    match_counts,
    score,
    shingles,
)
from flashpoint.ingest.clean import clean_lines
from flashpoint.ingest.clean_lines import (
    FEATURES,
    STAGE2,
    Line,
    LineModel,
    page_features,
    split_lines,
    stage1,
    stage2_features,
)

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "article-extraction"
MODEL = ROOT / "src" / "flashpoint" / "resources" / "boilerplate_model.json"


def page_rows(dump: str, truth: str) -> tuple[list[Line], list[int], list[float]]:
    """Lines, labels (1: mostly gold shingles) and weights (square root of word counts) of one page."""
    lines = split_lines(dump)
    gold = set(shingles(truth))
    gold_text = " ".join(truth.lower().split())
    labels, weights = [], []
    for ln in lines:
        sh = shingles(ln.text)
        total = sum(sh.values())
        if ln.words < 4:
            hit = bool(ln.text) and ln.text.lower() in gold_text
        else:
            hit = total > 0 and sum(v for s, v in sh.items() if s in gold) / total >= 0.5
        labels.append(1 if hit else 0)
        weights.append(float(max(1, ln.words)) ** 0.5)
    return lines, labels, weights


Pages = dict[str, tuple[list[Line], list[int], list[float]]]


def _logreg(xs: list[list[float]], ys: list[int], ws: list[float], c: float) -> tuple[tuple[float, ...], float]:
    clf = LogisticRegression(C=c, max_iter=5000)
    clf.fit(np.array(xs), np.array(ys), sample_weight=np.array(ws))
    return tuple(float(v) for v in clf.coef_[0]), float(clf.intercept_[0])


def _fit_stage1(keys: list[str], pages: Pages, c: float) -> LineModel:
    xs, ys, ws = [], [], []
    for k in keys:
        lines, y, w = pages[k]
        xs.extend(page_features(lines))
        ys.extend(y)
        ws.extend(w)
    weights, bias = _logreg(xs, ys, ws, c)
    return LineModel(weights, bias, 0.5)


def fit(keys: list[str], pages: Pages, c: float = 1.0) -> LineModel:
    """Stage one on all `keys`; stage two on stage-one answers cross-fitted over two halves of `keys`."""
    one = _fit_stage1(keys, pages, c)
    halves = (keys[0::2], keys[1::2])
    xs, ys, ws = [], [], []
    for own, other in (halves, halves[::-1]):
        model = _fit_stage1(other, pages, c)
        for k in own:
            lines, y, w = pages[k]
            xs.extend(stage2_features(lines, stage1(lines, model), model.threshold))
            ys.extend(y)
            ws.extend(w)
    weights2, bias2 = _logreg(xs, ys, ws, c)
    model = LineModel(one.weights, one.bias, 0.5, weights2, bias2)
    best = max(THRESHOLDS, key=lambda t: evaluate(keys, pages, replace(model, threshold=t))["f1"])
    return replace(model, threshold=best)


THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55)


def evaluate(keys: list[str], pages: Pages, model: LineModel) -> dict[str, float]:
    counts = []
    for k in keys:
        lines = pages[k][0]
        kept, _ = clean_lines(lines, model)
        counts.append(match_counts(TRUTH[k], "\n\n".join(lines[i].text for i in kept)))
    return score(counts)


TRUTH: dict[str, str] = {}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write", action="store_true", help="fit on all pages and write the weights")
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    truth = load_truth(args.data)
    TRUTH.update(truth)
    dumps = load_text_dumps(args.data)
    keys = sorted(truth)
    pages = {k: page_rows(dumps[k], truth[k]) for k in keys}
    even, odd = keys[0::2], keys[1::2]
    held = []
    for train, test, name in ((even, odd, "fit even, score odd"), (odd, even, "fit odd, score even")):
        model = fit(train, pages)
        s = evaluate(test, pages, model)
        held.append(s)
        print(f"{name}: held-out {s}  (training pages {evaluate(train, pages, model)}, "
              f"threshold {model.threshold})")
    mean_f1 = round(sum(s["f1"] for s in held) / len(held), 4)
    print(f"held-out F1, mean of the two halves: {mean_f1}")
    if args.write:
        model = fit(keys, pages)
        print(f"all pages: {evaluate(keys, pages, model)}")
        MODEL.write_text(json.dumps({
            "about": "Logistic line model of the text-dump cleaner (flashpoint.ingest.clean_lines), fitted "
                     "offline by benchmarks/fit_clean_model.py on the article-extraction benchmark's text "
                     "dumps: only these numbers ship.",
            "features": list(FEATURES),
            "weights": [round(w, 5) for w in model.weights],
            "bias": round(model.bias, 5),
            "stage2": {"features": list(STAGE2), "weights": [round(w, 5) for w in model.weights2],
                       "bias": round(model.bias2, 5)},
            "threshold": model.threshold,
            "heldout_f1": mean_f1,
        }, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {MODEL}")


if __name__ == "__main__":
    main()
