"""One record where gold has two: the misses whose clause holds a system event of their type (any confidence) that
the strict match gave to another gold event, each with that other gold event, so the class can be counted across
every tuning set before a rule is chosen (never the held-out splits, never a blind sample):

  actor-differs / recip-differs / same-countries (the two gold events' countries), then same-evidence (one clause
  the annotator coded twice: a list of places or objects, coordinated actors), overlap-ev or other-clause (a second
  verb or a second sentence the system told as the same happening).

    python benchmarks/event_one_for_two.py [--tune a|b ...] [--sample benchmarks/event_sampleN.jsonl ...] [--details]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from event_sample import _documents_of, analyse
from flashpoint.evals import realnews as rn

ROOT = Path(__file__).resolve().parent.parent
Record = dict[str, Any]
TUNE = {"a": (ROOT / "tests" / "data" / "realnews", None),
        "b": (ROOT / "tests" / "data" / "news181_gold",
              ROOT.parent / "shared" / "eval" / "article-extraction" / "ground-truth.json")}


def _side(gold: Record, key: str) -> str | None:
    return gold.get(key) or None


def pair_class(miss: Record, other: Record) -> str:
    """How the missed gold event differs from the one its record was matched to."""
    parts = [name for name, key in (("actor-differs", "actor_country"), ("recip-differs", "recipient_country"))
             if _side(miss, key) != _side(other, key)] or ["same-countries"]
    if miss.get("evidence") == other.get("evidence"):
        parts.append("same-evidence")
    else:
        parts.append("overlap-ev" if rn.overlaps(miss["span"], other["span"]) else "other-clause")
    return "+".join(parts)


def _dyad(gold: Record) -> str:
    return f"{gold['type']} {rn._dyad(gold.get('actor_country'), gold.get('recipient_country'))}"


def one_for_two(doc_id: str, gold: Record, record: Record) -> list[tuple[str, str]]:
    """(class, line) for each miss of the document whose record of its type went to another gold event."""
    current = rn.counted_gold_events(gold, record.get("body") or "")  # a list, a mirror pair once, as scored
    events = rn.counted_system_events(record["events"], 0.0)
    pairs = rn.match_greedy(current, events, lambda g, s: rn.event_matches(g, s, True))
    gold_of = {s: g for g, s in pairs}
    matched = {g for g, _ in pairs}
    found = []
    for i, g in enumerate(current):
        if i in matched or g["span"] is None:
            continue
        taken = [si for si, e in enumerate(events) if si in gold_of and e["type"] == g["type"]
                 and any(rn.overlaps(s, g["span"]) for s in rn.event_spans(e))]
        if taken:
            other = current[gold_of[taken[0]]]
            found.append((pair_class(g, other), f"{doc_id} | MISS {_dyad(g)}: {rn._clip(g.get('evidence'))} | "
                                                f"ITS RECORD WENT TO {_dyad(other)}: {rn._clip(other.get('evidence'))}"))
    return found


def tune_rows(which: str) -> list[tuple[str, str]]:
    path, articles = TUNE[which]
    golds, split = rn.load_gold(path)
    golds = rn.chosen(golds, split, "tune")  # tune only: never the held-out articles
    texts = rn.load_texts(articles or rn.default_articles(), golds)
    return [row for g in golds for row in one_for_two(g["id"], g, rn.analyse(texts[g["id"]]))]


def sample_rows(path: Path) -> list[tuple[str, str]]:
    judged = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = _documents_of({j["doc"] for j in judged})
    return [row for j in judged for row in one_for_two(j["doc"], j, analyse(j["doc"], docs[j["doc"]]).record())]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tune", nargs="*", choices=sorted(TUNE), default=[])
    ap.add_argument("--sample", nargs="*", type=Path, default=[])
    ap.add_argument("--details", action="store_true", help="print each miss under its class")
    args = ap.parse_args()
    rows = [r for w in args.tune for r in tune_rows(w)] + [r for p in args.sample for r in sample_rows(p)]
    for cls, n in Counter(c for c, _ in rows).most_common():
        print(f"{n:4d}  {cls}")
        if args.details:
            print("".join(f"        {line}\n" for c, line in rows if c == cls), end="")


if __name__ == "__main__":
    main()
