"""Fits the event confidence model (resources/event_confidence.json) on the TUNE part of the real-news
annotations: a logistic regression from how an event was coded to whether what it states is right: a gold
event whose evidence its sentence holds has its type, and each side the event names (its actor's and its
recipient's country) is that gold event's; a side it leaves empty states nothing. `--report heldout`
prints, once, how often events at or above 0.5 are right on the held-out part (stated and strict); it
fits nothing.

    python benchmarks/fit_event_confidence.py [--gold tests/data/realnews] [--write] [--report heldout]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from sklearn.linear_model import LogisticRegression

from flashpoint.evals.realnews import (
    chosen,
    default_articles,
    event_matches,
    gold_event_counts,
    load_gold,
    load_texts,
    locate,
    side_country,
)
from flashpoint.ingest.pipeline import build_article
from flashpoint.ingest.sources import jsonl_record
from flashpoint.model import InputError
from flashpoint.nlp.document import make_doc
from flashpoint.nlp.event_confidence import CONFIDENT, FEATURES, confidence
from flashpoint.nlp.pipeline import configured_backends, load_extractor

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "flashpoint" / "resources" / "event_confidence.json"


def coded_events(text: dict[str, Any]) -> tuple[str, list[tuple[dict[str, Any], dict[str, float]]]]:
    """The article's body and its events (as records) with the features each was coded with."""
    given = {k: text[k] for k in ("id", "title", "text", "published", "outlet") if text.get(k)}
    raw = jsonl_record(str(given["id"]), json.dumps(given).encode())
    if isinstance(raw, InputError):
        raise ValueError(str(raw))
    article = build_article(raw)
    doc = make_doc(article)
    for stage, path in configured_backends().items():
        setattr(doc, stage, load_extractor(path)(doc))
    feats = doc.extras.get("event_features", {})
    return article.body, [(e.model_dump(), feats[id(e)]) for e in doc.events if id(e) in feats]


def stated_right(gold: dict[str, Any], ev: dict[str, Any]) -> bool:
    """The type is the gold event's, and so is every side the event names."""
    if not event_matches(gold, ev, strict=False):
        return False
    for side in ("actor", "recipient"):
        named = side_country(ev.get(side))
        if named is not None and named != (gold.get(f"{side}_country") or None):
            return False
    return True


def rows(gold_dir: Path, which: str = "tune") -> tuple[list[list[float]], list[int], list[int]]:
    """Features, 'stated' labels and strict labels of the current, affirmed events of a split."""
    golds, split = load_gold(gold_dir)
    texts = load_texts(default_articles())
    X: list[list[float]] = []
    y: list[int] = []
    strict: list[int] = []
    for gold in chosen(golds, split, which):
        body, events = coded_events(texts[gold["id"]])
        targets = []
        for g in gold.get("events") or []:
            span = locate(body, g.get("evidence"))
            if span is not None and gold_event_counts(g):
                targets.append({**g, "span": span})
        for ev, x in events:
            if ev["negated"] or ev["hypothetical"] or ev["historical"]:
                continue
            X.append([x[k] for k in FEATURES])
            y.append(int(any(stated_right(g, ev) for g in targets)))
            strict.append(int(any(event_matches(g, ev, strict=True) for g in targets)))
    return X, y, strict


def report(gold_dir: Path, which: str) -> None:
    """Precision of the events at or above 0.5 under the shipped weights (no fitting)."""
    X, y, strict = rows(gold_dir, which)
    sure = [i for i, x in enumerate(X) if confidence(dict(zip(FEATURES, x, strict=True))) >= CONFIDENT]
    n = len(sure)
    print(f"{which}: {len(X)} current affirmed events, {n} at or above {CONFIDENT}; right as stated "
          f"{sum(y[i] for i in sure)}/{n}, strict {sum(strict[i] for i in sure)}/{n}; all events right as stated "
          f"{sum(y)}/{len(y)}, strict {sum(strict)}/{len(strict)}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", type=Path, default=ROOT / "tests" / "data" / "realnews")
    ap.add_argument("--write", action="store_true", help="write the weights to resources/event_confidence.json")
    ap.add_argument("--report", choices=("tune", "heldout", "heldout2"), help="report precision above 0.5; fits nothing")
    args = ap.parse_args()
    if args.report:
        report(args.gold, args.report)
        return
    X, y, _ = rows(args.gold)
    model = LogisticRegression(C=1.0, max_iter=1000).fit(X, y)
    coef = {k: round(float(c), 4) for k, c in zip(FEATURES, model.coef_[0], strict=True)}
    result = {"note": "fitted by benchmarks/fit_event_confidence.py on the tune split of tests/data/realnews "
                      f"({len(y)} current affirmed events, {sum(y)} right as stated: type, and every side named)",
              "bias": round(float(model.intercept_[0]), 4), "coef": coef}
    print(json.dumps(result, indent=1))
    if args.write:
        OUT.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
