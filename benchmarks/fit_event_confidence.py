"""Fits the event confidence model (resources/event_confidence.json) on the TUNE parts of two real-news gold
sets of different outlets (tests/data/realnews, 24 articles, and tests/data/news181_gold, 12): a logistic
regression from how an event was coded to whether it is right as `eval realnews` counts it (strict: a gold
event whose evidence its sentence holds has its type and both its sides' countries, each gold event matched
once), so that an event at or above 0.5 is right at least half the time on text of other outlets.

The features are chosen across the sets, not in sample: forward selection by the log loss of fitting on one
set and scoring on the other, a feature added only where it lowers that loss both ways and weighs the same way
fitted on either set alone; the weights are then fitted on both, each set weighing the same. It prints, each way, how many events of the other set are at or
above 0.5 and how many of those are right (`--cv` adds the model chosen on realnews alone and
leave-one-article-out figures). `--report heldout` prints, once, the same on the held-out parts under the
shipped weights; it fits nothing.

    python benchmarks/fit_event_confidence.py [--write] [--cv] [--report heldout]
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path
from typing import Any

from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss

from flashpoint.evals.realnews import (
    chosen,
    event_matches,
    gold_event_counts,
    load_gold,
    load_texts,
    locate,
    match_greedy,
    system_event_counts,
)
from flashpoint.ingest.pipeline import build_article
from flashpoint.ingest.sources import jsonl_record
from flashpoint.model import InputError
from flashpoint.nlp.document import make_doc
from flashpoint.nlp.event_confidence import CONFIDENT, FEATURES, confidence
from flashpoint.nlp.pipeline import configured_backends, load_extractor

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "flashpoint" / "resources" / "event_confidence.json"
SHARED = ROOT.parent / "shared"
SETS = {"realnews": (ROOT / "tests" / "data" / "realnews", SHARED / "realnews" / "articles.jsonl"),
        "news181": (ROOT / "tests" / "data" / "news181_gold", SHARED / "eval" / "article-extraction" / "ground-truth.json")}
OLD = ("both_known", "in_quote", "inherited", "no_actor", "headline")  # chosen on realnews tune alone (9bb10b0)
C = 1.0


def coded_events(text: dict[str, Any]) -> tuple[str, list[tuple[dict[str, Any], dict[str, float]]]]:
    """The article's body and its events (as records) with the features each was coded with."""
    given = {k: text[k] for k in ("id", "title", "text", "published", "outlet", "url") if text.get(k)}
    raw = jsonl_record(str(given["id"]), json.dumps(given).encode())
    if isinstance(raw, InputError):
        raise ValueError(str(raw))
    article = build_article(raw)
    doc = make_doc(article)
    for stage, path in configured_backends().items():
        setattr(doc, stage, load_extractor(path)(doc))
    feats = doc.extras.get("event_features", {})
    return article.body, [(e.model_dump(), feats[id(e)]) for e in doc.events if id(e) in feats]


Rows = tuple[list[dict[str, float]], list[int], list[str]]


def rows(which: str = "tune", sets: tuple[str, ...] = tuple(SETS)) -> dict[str, Rows]:
    """Per gold set: the features of its current, affirmed events, whether each is right as the evaluation counts
    it (strict, each gold event matched once, as `eval realnews` does at confidence 0) and its article's id."""
    out: dict[str, Rows] = {}
    for name in sets:
        gold_dir, articles = SETS[name]
        golds, split = load_gold(gold_dir)
        golds = chosen(golds, split, which)
        texts = load_texts(articles, golds)
        X: list[dict[str, float]] = []
        strict: list[int] = []
        groups: list[str] = []
        for gold in golds:
            body, events = coded_events(texts[gold["id"]])
            targets = [{**g, "span": locate(body, g.get("evidence"))} for g in gold.get("events") or []
                       if gold_event_counts(g)]
            counted = [(ev, x) for ev, x in events if system_event_counts(ev, 0.0)]
            right = {s for _, s in match_greedy(targets, [ev for ev, _ in counted],
                                                lambda g, s: event_matches(g, s, strict=True))}
            X += [x for _, x in counted]
            strict += [int(i in right) for i in range(len(counted))]
            groups += [gold["id"]] * len(counted)
        out[name] = (X, strict, groups)
    return out


def matrix(X: list[dict[str, float]], names: tuple[str, ...]) -> list[list[float]]:
    return [[x.get(n, 0.0) for n in names] for x in X]


def fit(X: list[dict[str, float]], y: list[int], names: tuple[str, ...],
        weight: list[float] | None = None) -> LogisticRegression:
    return LogisticRegression(C=C, max_iter=1000).fit(matrix(X, names), y, sample_weight=weight)


def scored(model: LogisticRegression, X: list[dict[str, float]], y: list[int], names: tuple[str, ...]) -> dict[str, float]:
    """Log loss, and how many events are at or above 0.5 and how many of those are right."""
    probs = model.predict_proba(matrix(X, names))[:, 1]
    sure = [i for i, p in enumerate(probs) if p >= CONFIDENT]
    return {"loss": float(log_loss(y, probs, labels=[0, 1])), "sure": len(sure), "right": sum(y[i] for i in sure)}


def across(data: dict[str, Rows], names: tuple[str, ...]) -> dict[str, dict[str, float]]:
    """Fit on one set, score on the other, both ways."""
    a, b = list(data)
    return {f"{train}->{test}": scored(fit(data[train][0], data[train][1], names), data[test][0], data[test][1], names)
            for train, test in ((a, b), (b, a))}


def agree(data: dict[str, Rows], names: tuple[str, ...]) -> bool:
    """Each feature weighs the same way (sign) fitted on either set alone: a feature that helps on one outlet mix
    and hurts on the other has learnt the set, not the coding."""
    signs = [[c > 0 for c in fit(X, y, names).coef_[0]] for X, y, _ in data.values()]
    return all(s == signs[0] for s in signs)


def select(data: dict[str, Rows], candidates: tuple[str, ...]) -> tuple[str, ...]:
    """Forward selection: of the features that weigh the same way fitted on either set alone and lower the log loss
    of fitting on one set and scoring on the other BOTH ways (by 0.001 or more each), add the one that lowers their
    sum most, while one does."""
    chosen_: tuple[str, ...] = ()
    best: dict[str, float] = {}
    while True:
        trials = {f: {way: r["loss"] for way, r in across(data, (*chosen_, f)).items()}
                  for f in candidates if f not in chosen_ and agree(data, (*chosen_, f))}
        better = {f: t for f, t in trials.items() if all(t[w] < best.get(w, math.inf) - 0.001 for w in t)}
        f = min(better, key=lambda k: sum(better[k].values()), default=None)
        if f is None:
            return chosen_
        best = better[f]
        chosen_ = (*chosen_, f)
        print(f"+ {f}: cross-set log loss " + ", ".join(f"{w} {v:.4f}" for w, v in best.items()))


def show(data: dict[str, Rows], names: tuple[str, ...], label: str) -> None:
    for way, r in across(data, names).items():
        print(f"{label} {way}: log loss {r['loss']:.3f}, {int(r['sure'])} events at or above {CONFIDENT}, "
              f"{int(r['right'])} right strict ({r['right'] / max(1, r['sure']):.3f})")
    X = [x for d in data.values() for x in d[0]]
    y = [v for d in data.values() for v in d[1]]
    groups = [g for d in data.values() for g in d[2]]
    sure = right = 0
    for held in sorted(set(groups)):
        train = [i for i, g in enumerate(groups) if g != held]
        test = [i for i, g in enumerate(groups) if g == held]
        r = scored(fit([X[i] for i in train], [y[i] for i in train], names), [X[i] for i in test], [y[i] for i in test],
                   names)
        sure += int(r["sure"])
        right += int(r["right"])
    print(f"{label} leave one article out of {len(set(groups))}: {sure} at or above {CONFIDENT}, {right} right "
          f"({right / max(1, sure):.3f})")


def report(which: str) -> None:
    """Precision of the events at or above 0.5 under the shipped weights (no fitting)."""
    for name, (X, strict, _) in rows(which).items():
        sure = [i for i, x in enumerate(X) if confidence(x) >= CONFIDENT]
        print(f"{name} {which}: {len(X)} current affirmed events, {sum(strict)} right strict; {len(sure)} at or above "
              f"{CONFIDENT}, {sum(strict[i] for i in sure)} right strict")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--write", action="store_true", help="write the weights to resources/event_confidence.json")
    ap.add_argument("--cv", action="store_true", help="cross-set and leave-one-article-out figures of the choices")
    ap.add_argument("--report", choices=("tune", "heldout", "heldout2"), help="report precision above 0.5; fits nothing")
    args = ap.parse_args()
    if args.report:
        report(args.report)
        return
    data = rows()
    for name, (X, y, groups) in data.items():
        print(f"{name}: {len(set(groups))} articles, {len(X)} current affirmed events, {sum(y)} right strict")
    if args.cv:
        show(data, OLD, "old model")
    names = select(data, FEATURES)
    show(data, names, "selected")
    X = [x for d in data.values() for x in d[0]]
    y = [v for d in data.values() for v in d[1]]
    # each set weighs the same in the fit, however many events it has: the larger set, mostly of one outlet and
    # right more often (0.63 against 0.37), would otherwise set the base rate for text of every outlet
    weight = [len(X) / (len(data) * len(d[0])) for d in data.values() for _ in d[0]]
    model = fit(X, y, names, weight)
    for name, (Xs, ys, _) in data.items():
        sure = [i for i, p in enumerate(model.predict_proba(matrix(Xs, names))[:, 1]) if p >= CONFIDENT]
        print(f"fitted on both, {name} (in sample): {len(sure)} at or above {CONFIDENT}, "
              f"{sum(ys[i] for i in sure)} right strict")
    coef = {k: round(float(c), 4) for k, c in zip(names, model.coef_[0], strict=True)}
    result = {"note": "fitted by benchmarks/fit_event_confidence.py on the tune splits of "
                      + " and ".join(str(SETS[n][0].relative_to(ROOT)) for n in data)
                      + f" ({len(y)} current affirmed events, {sum(y)} right strict: type and both sides' countries); "
                      "features chosen by fitting on one set and scoring on the other; each set weighs the same",
              "bias": round(float(model.intercept_[0]), 4), "coef": coef}
    print(json.dumps(result, indent=1))
    if args.write:
        OUT.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
