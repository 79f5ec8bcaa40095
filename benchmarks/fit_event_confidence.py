"""Fits the event confidence model (resources/event_confidence.json) on the TUNE part of the real-news
annotations: a logistic regression from how an event was coded to whether it is right as the evaluation
counts it (strict: a gold event whose evidence its sentence holds has its type and both its sides' countries,
an empty side matching an empty one), so that an event at or above 0.5 is right at least half the time.
Only the features of MODEL are fitted (chosen by leave-one-article-out cross-validation on the tune
articles: the larger set overfitted 134 events; `--cv` prints it). `--report heldout`
prints, once, how often events at or above 0.5 are right on the held-out part (stated and strict); it
fits nothing.

    python benchmarks/fit_event_confidence.py [--gold tests/data/realnews] [--write] [--cv] [--report heldout]
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
MODEL = ("both_known", "in_quote", "inherited", "no_actor", "headline")


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


Rows = tuple[list[list[float]], list[int], list[int], list[str]]


def rows(gold_dir: Path, which: str = "tune") -> Rows:
    """Features (all of FEATURES), 'stated' labels, strict labels and article ids of the current, affirmed events
    of a split."""
    golds, split = load_gold(gold_dir)
    texts = load_texts(default_articles())
    X: list[list[float]] = []
    y: list[int] = []
    strict: list[int] = []
    groups: list[str] = []
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
            groups.append(gold["id"])
    return X, y, strict, groups


def columns(X: list[list[float]], names: tuple[str, ...]) -> list[list[float]]:
    at = [FEATURES.index(n) for n in names]
    return [[x[i] for i in at] for x in X]


def report(gold_dir: Path, which: str) -> None:
    """Precision of the events at or above 0.5 under the shipped weights (no fitting)."""
    X, y, strict, _ = rows(gold_dir, which)
    sure = [i for i, x in enumerate(X) if confidence(dict(zip(FEATURES, x, strict=True))) >= CONFIDENT]
    n = len(sure)
    print(f"{which}: {len(X)} current affirmed events, {n} at or above {CONFIDENT}; right as stated "
          f"{sum(y[i] for i in sure)}/{n}, strict {sum(strict[i] for i in sure)}/{n}; all events right as stated "
          f"{sum(y)}/{len(y)}, strict {sum(strict)}/{len(strict)}")


def cross_validate(data: Rows) -> None:
    """Leave one tune article out: the strict precision at or above 0.5 of each feature set and label."""
    X, y, strict, groups = data
    for names in (MODEL, FEATURES):
        for label, target in (("stated", y), ("strict", strict)):
            sure = right = 0
            for held in sorted(set(groups)):
                train = [i for i, g in enumerate(groups) if g != held]
                test = [i for i, g in enumerate(groups) if g == held]
                model = LogisticRegression(C=1.0, max_iter=1000).fit(
                    columns([X[i] for i in train], names), [target[i] for i in train])
                probs = model.predict_proba(columns([X[i] for i in test], names))[:, 1]
                hits = [i for i, p in zip(test, probs, strict=True) if p >= CONFIDENT]
                sure += len(hits)
                right += sum(strict[i] for i in hits)
            print(f"{len(names)} features, {label} labels: {sure} events at or above {CONFIDENT}, {right} right "
                  f"(strict), precision {right / max(1, sure):.3f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", type=Path, default=ROOT / "tests" / "data" / "realnews")
    ap.add_argument("--write", action="store_true", help="write the weights to resources/event_confidence.json")
    ap.add_argument("--cv", action="store_true", help="leave-one-article-out precision of the model choices")
    ap.add_argument("--report", choices=("tune", "heldout", "heldout2"), help="report precision above 0.5; fits nothing")
    args = ap.parse_args()
    if args.report:
        report(args.gold, args.report)
        return
    data = rows(args.gold)
    if args.cv:
        cross_validate(data)
        return
    X, _, strict, _ = data
    model = LogisticRegression(C=1.0, max_iter=1000).fit(columns(X, MODEL), strict)
    coef = {k: round(float(c), 4) for k, c in zip(MODEL, model.coef_[0], strict=True)}
    result = {"note": "fitted by benchmarks/fit_event_confidence.py on the tune split of tests/data/realnews "
                      f"({len(strict)} current affirmed events, {sum(strict)} right: type and both sides' countries)",
              "bias": round(float(model.intercept_[0]), 4), "coef": coef}
    print(json.dumps(result, indent=1))
    if args.write:
        OUT.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
