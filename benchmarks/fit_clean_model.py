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
from flashpoint.ingest.clean_lines import FEATURES, LineModel, page_features, split_lines

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "article-extraction"
MODEL = ROOT / "src" / "flashpoint" / "resources" / "boilerplate_model.json"


def page_rows(dump: str, truth: str) -> tuple[list[list[float]], list[int], list[float]]:
    """Features, labels (1: mostly gold shingles) and weights (word counts) of one page's lines."""
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
    return page_features(lines), labels, weights


def fit(keys: list[str], dumps: dict[str, str], truth: dict[str, str], c: float = 1.0) -> LineModel:
    xs, ys, ws = [], [], []
    for k in keys:
        x, y, w = page_rows(dumps[k], truth[k])
        xs.extend(x)
        ys.extend(y)
        ws.extend(w)
    clf = LogisticRegression(C=c, max_iter=2000)
    clf.fit(np.array(xs), np.array(ys), sample_weight=np.array(ws))
    return LineModel(tuple(float(v) for v in clf.coef_[0]), float(clf.intercept_[0]), 0.5,
                     {"pages": len(keys), "lines": len(ys)})


def evaluate(keys: list[str], dumps: dict[str, str], truth: dict[str, str], model: LineModel) -> dict[str, float]:
    counts = []
    for k in keys:
        lines = split_lines(dumps[k])
        kept, _ = clean_lines(lines, model)
        counts.append(match_counts(truth[k], "\n\n".join(lines[i].text for i in kept)))
    return score(counts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write", action="store_true", help="fit on all pages and write the weights")
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    truth = load_truth(args.data)
    dumps = load_text_dumps(args.data)
    keys = sorted(truth)
    even, odd = keys[0::2], keys[1::2]
    held = []
    for train, test, name in ((even, odd, "fit even, score odd"), (odd, even, "fit odd, score even")):
        model = fit(train, dumps, truth)
        s = evaluate(test, dumps, truth, model)
        held.append(s)
        print(f"{name}: held-out {s}  (training pages {evaluate(train, dumps, truth, model)})")
    mean_f1 = round(sum(s["f1"] for s in held) / len(held), 4)
    print(f"held-out F1, mean of the two halves: {mean_f1}")
    if args.write:
        model = fit(keys, dumps, truth)
        print(f"all pages: {evaluate(keys, dumps, truth, model)}")
        MODEL.write_text(json.dumps({
            "about": "Logistic line model of the text-dump cleaner (flashpoint.ingest.clean_lines), fitted "
                     "offline by benchmarks/fit_clean_model.py on the article-extraction benchmark's text "
                     "dumps: only these numbers ship.",
            "features": list(FEATURES),
            "weights": [round(w, 5) for w in model.weights],
            "bias": round(model.bias, 5),
            "threshold": model.threshold,
            "heldout_f1": mean_f1,
        }, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {MODEL}")


if __name__ == "__main__":
    main()
