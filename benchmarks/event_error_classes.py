"""Classifies every strict false positive and miss of the event coder on the TUNE split of the real-news
annotations (never the held-out ones), so the largest classes can be attacked first:

  false positives: no gold event in the sentence / gold event not current (history, denial) / wrong type /
                   same type with a side missing, extra or wrong (actor, recipient)
  misses:          same type found with a side missing or wrong / wrong type / the system event was marked
                   historical or hypothetical / a pattern lemma of the gold type is in the clause but fired
                   nothing (parse, constraints, sides) / only lemmas of other types / no trigger in the patterns

    python benchmarks/event_error_classes.py [--gold tests/data/realnews] [--articles FILE] [--details FILE]
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from flashpoint.evals import realnews as rn
from flashpoint.nlp import pipeline
from flashpoint.nlp.event_patterns import by_lemma

ROOT = Path(__file__).resolve().parent.parent
Record = dict[str, Any]


def side_diff(gold: Record, event: Record) -> list[str]:
    """How the event's sides differ from a gold event of its type."""
    out = []
    for side, key in (("actor", "actor_country"), ("recip", "recipient_country")):
        want, got = gold.get(key) or None, rn.side_country(event.get("actor" if side == "actor" else "recipient"))
        if got != want:
            out.append(f"{side}_missing" if got is None else f"{side}_extra" if want is None else f"{side}_wrong")
    return out


def false_positive_class(event: Record, golds: list[Record]) -> str:
    near = [g for g in golds if g["span"] and any(rn.overlaps(s, g["span"]) for s in rn.event_spans(event))]
    current = [g for g in near if rn.gold_event_counts(g)]
    same = [g for g in current if g["type"] == event["type"]]
    if not near:
        return "no gold event in the sentence"
    if not current or (not same and any(g["type"] == event["type"] for g in near)):
        return "gold event not current (history, denial, hypothetical)"
    if not same:
        return "wrong type"
    diffs = min((side_diff(g, event) for g in same), key=len)
    return "same type: " + "+".join(diffs) if diffs else "a second copy of a matched event"


def miss_class(gold: Record, events: list[Record], all_events: list[Record], tokens: list[Any],
               lemmas: dict[str, set[tuple[str, str]]]) -> str:
    if gold["span"] is None:
        return "evidence not in the cleaned body"
    near = [e for e in events if any(rn.overlaps(s, gold["span"]) for s in rn.event_spans(e))]
    same = [e for e in near if e["type"] == gold["type"]]
    if same:
        diffs = min((side_diff(gold, e) for e in same), key=len)
        return "same type: " + "+".join(diffs) if diffs else "its event matched another gold event"
    if near:
        return "wrong type"
    marked = [e for e in all_events if e["type"] == gold["type"] and not rn.system_event_counts(e, 0.0)
              and any(rn.overlaps(s, gold["span"]) for s in rn.event_spans(e))]
    if marked:
        return "coded but marked " + ",".join(k for k in ("historical", "negated", "hypothetical") if marked[0].get(k))
    lo, hi = gold["span"]
    keys = {(w, kind) for t in tokens if lo <= t.idx < hi for w in (t.lemma_.lower(), t.lower_) for kind in ("VERB", "NOUN")}
    if keys & lemmas[gold["type"]]:
        return "a pattern lemma of its type is there, nothing fired (parse, constraints, sides)"
    if any(k in by_lemma() for k in keys):
        return "only lemmas of other types"
    return "no trigger in the patterns"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", type=Path, default=ROOT / "tests" / "data" / "realnews")
    ap.add_argument("--articles", type=Path, help="the texts: articles.jsonl or the article-extraction ground-truth.json")
    ap.add_argument("--details", type=Path, help="write one line per mistake, grouped by class")
    args = ap.parse_args()
    golds, split = rn.load_gold(args.gold)
    golds = rn.chosen(golds, split, "tune")  # tune only: never the held-out articles
    texts = rn.load_texts(args.articles or rn.default_articles(), golds)
    lemmas: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for key, found in by_lemma().items():
        for p in found:
            lemmas[p.type].add(key)
    docs: list[Any] = []
    make_doc = pipeline.make_doc

    def keep(*a: Any, **kw: Any) -> Any:  # the parsed doc of the article analysed, for the lemmas of a miss
        docs.append(make_doc(*a, **kw))
        return docs[-1]

    pipeline.make_doc = keep  # type: ignore[assignment]
    counts: dict[str, Counter[str]] = {"false positives": Counter(), "misses": Counter()}
    details: dict[str, list[str]] = defaultdict(list)
    for gold in golds:
        record = rn.analyse(texts[gold["id"]])
        body = record.get("body") or ""
        every = rn._with_spans(gold.get("events", []), body)
        current = rn.counted_gold_events(gold, body)  # as `eval realnews` counts them: a list, a mirror pair once
        events = rn.counted_system_events(record["events"], 0.0)
        pairs = rn.match_greedy(current, events, lambda g, s: rn.event_matches(g, s, True))
        matched_gold, matched_sys = {g for g, _ in pairs}, {s for _, s in pairs}
        for i, e in enumerate(events):
            if i not in matched_sys:
                cls = false_positive_class(e, every)
                counts["false positives"][cls] += 1
                details[f"FP {cls}"].append(f"{gold['id']} | {e['type']} {rn._dyad(rn.side_country(e.get('actor')), rn.side_country(e.get('recipient')))} "
                                            f"{e.get('pattern')} | {rn._clip(e.get('text'))}")
        for i, g in enumerate(current):
            if i not in matched_gold:
                cls = miss_class(g, events, record["events"], list(docs[-1].tokens), lemmas)
                counts["misses"][cls] += 1
                details[f"MISS {cls}"].append(f"{gold['id']} | {g['type']} {rn._dyad(g.get('actor_country'), g.get('recipient_country'))} "
                                              f"| {rn._clip(g.get('evidence'))}")
    for kind, counter in counts.items():
        print(f"{kind}: {sum(counter.values())}")
        for cls, n in counter.most_common():
            print(f"  {n:4d}  {cls}")
    if args.details:
        write_details(args.details, details)


def write_details(path: Path, details: dict[str, list[str]]) -> None:
    """One block per class, its lines under it, for reading the mistakes of a class together."""
    path.write_text("".join(f"\n== {k} ({len(v)})\n" + "".join(line + "\n" for line in v)
                            for k, v in sorted(details.items())), encoding="utf-8")


if __name__ == "__main__":
    main()
