"""Which factor put each marked event (confidence below 0.5) below the line, and how often the events each factor
marks are right, on every tuning set: the tune splits of the two real-news gold sets and the released whole-document
event samples (benchmarks/event_sample.py). A diagnostic for raising the confidence of one narrow class of right
events without refitting the whole model (benchmarks/fit_event_confidence.py): a class whose marked events are right
in most cases, in several documents of several sets, is a candidate for a rule; one whose events are mostly wrong is
marked for a reason.

An event's factor is read from the telling that gave its confidence (an event told again is as sure as its surest
telling): `ceiling:NAME` where the fitted model put it at or above 0.5 and a rule's ceiling (event_confidence
_CEILINGS) capped it; else the model's own reason: `one side unknown` (both_known off: which side is missing or
has no country), or, with both sides known, the negative features that took it below 0.5. Right is strict, as
`eval realnews` counts at any confidence (type and both sides' countries, each gold event matched once).

    python benchmarks/event_unsure_factors.py --sets tune_a tune_b sample5 ... [--out ROWS.json] [--rows ROWS.json]
        [--show] [--by pattern|type]

Never give it a held-out split or a blind sample: it refuses `heldout`, news181_gold2 and the samples named BLIND.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

# blind this stop, or this task's unread check: never listed record by record
BLIND = frozenset({"sample37", "sample39"})
TUNE = {"tune_a": "realnews", "tune_b": "news181"}


def _sample_path(name: str) -> Path:
    return ROOT / "benchmarks" / f"event_{name}.jsonl"


def _documents(name: str) -> list[tuple[dict[str, Any], str, list[Any]]]:
    """(gold, body, coded events with their features) of each document of a set."""
    from fit_event_confidence import _analysed

    if name in TUNE:
        analysed = _analysed(TUNE[name], "tune")
    else:
        path = _sample_path(name)
        judged = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        if not judged or "events" not in judged[0]:
            return []  # a sample of judged events, not of whole documents
        from event_sample import _documents_of
        from fit_event_confidence import sample_events

        docs = _documents_of({j["doc"] for j in judged})
        analysed = [(j, sample_events(j["doc"], docs[j["doc"]])) for j in judged]
    return [(gold, body, coded) for gold, (body, coded) in analysed]


def factor(x: dict[str, float]) -> str:
    """The reason the telling's confidence is below 0.5: a rule's ceiling over a fitted confidence at or above it,
    or the model's own features."""
    from flashpoint.nlp.event_confidence import _CEILINGS, weights

    w = weights()
    z = float(w["bias"]) + sum(float(w["coef"].get(k, 0.0)) * v for k, v in x.items())
    caps = [feature for feature, _ in _CEILINGS if x.get(feature)]
    if 1.0 / (1.0 + math.exp(-z)) >= 0.5:
        return "ceiling:" + "+".join(caps)
    if not x.get("both_known"):
        missing = [side for side, off, known in (("actor", "no_actor", "actor_known"),
                                                 ("recipient", "no_recipient", "recipient_known"))
                   if x.get(off) or not x.get(known)]
        why = "+".join(f"{'no' if x.get('no_' + s) else 'countryless'} {s}" for s in missing)
        reason = f"one side unknown ({why})"
    else:
        negative = sorted(k for k, c in w["coef"].items() if float(c) < 0 and x.get(k))
        reason = "known, less " + "+".join(negative)
    return reason + ("; capped " + "+".join(caps) if caps else "")


def _side(side: dict[str, Any] | None) -> str:
    return "-" if not side else f"{side.get('text')}/{side.get('country')}"


def rows_of(name: str) -> tuple[list[dict[str, Any]], dict[str, list[int]]]:
    """Each current affirmed event of the set below 0.5: its factor, whether it is right, its document; and the
    set's strict counts (matched, system) shown and at any confidence, as `eval realnews` counts them."""
    from flashpoint.evals.realnews import score_article
    from flashpoint.nlp.event_confidence import CONFIDENT, confidence

    out = []
    counts = {"shown": [0, 0], "any": [0, 0]}
    for gold, body, coded in _documents(name):
        events = [{**ev, "_i": i} for i, (ev, _, _) in enumerate(coded)]
        both = score_article(gold, {"body": body, "events": events})
        for band, key in (("shown", "events"), ("any", "events@0")):
            counts[band][0] += both[key]["strict"]["matched"]
            counts[band][1] += both[key]["strict"]["system"]
        scored = both["events@0"]
        extra = set(scored["strict"]["extra"])
        for k, ev in enumerate(scored["system_items"]):
            if ev["confidence"] >= CONFIDENT:
                continue
            _, x, tellings = coded[ev["_i"]]
            surest = max(tellings, key=confidence)
            out.append({"set": name, "doc": gold.get("id") or gold.get("doc"), "right": k not in extra,
                        "factor": factor(surest), "type": ev["type"], "pattern": ev.get("pattern"),
                        "confidence": ev["confidence"], "trigger": ev.get("trigger"),
                        "actor": _side(ev.get("actor")), "recipient": _side(ev.get("recipient")),
                        "text": ev.get("text", "")[:160],
                        "features": sorted(k2 for k2, v in surest.items() if v)})
    return out, counts


def table(rows: list[dict[str, Any]], by: str) -> list[str]:
    """factor (and `by`, where asked) x right x wrong x documents x sets, most marked first."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        groups[r["factor"] + (f" | {r[by]}" if by else "")].append(r)
    lines = [f"{'right':>5} {'wrong':>5} {'share':>5} {'docs':>4} {'sets':>4}  factor"]
    for key, rs in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        right = sum(r["right"] for r in rs)
        docs = {(r["set"], r["doc"]) for r in rs if r["right"]}
        sets = {r["set"] for r in rs if r["right"]}
        lines.append(f"{right:>5} {len(rs) - right:>5} {right / len(rs):>5.2f} {len(docs):>4} {len(sets):>4}  {key}")
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", nargs="*", default=[], help="tune_a, tune_b, sampleN (released whole-document samples)")
    ap.add_argument("--rows", type=Path, help="tabulate rows written before by --out instead of analysing")
    ap.add_argument("--out", type=Path, help="write the rows (json) here")
    ap.add_argument("--by", choices=("pattern", "type"), help="split each factor by the event's pattern or type")
    ap.add_argument("--show", action="store_true", help="list each marked event (never of a blind sample)")
    args = ap.parse_args()
    refused = [s for s in args.sets if s in BLIND or "heldout" in s or "gold2" in s]
    if refused:
        sys.exit(f"refused (held out or blind): {refused}")
    rows = json.loads(args.rows.read_text(encoding="utf-8")) if args.rows else []
    for name in args.sets:
        found, counts = rows_of(name)
        rows += found
        print(f"{name}: shown {counts['shown'][0]} of {counts['shown'][1]}, any {counts['any'][0]} of {counts['any'][1]}")
    if args.out:
        args.out.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    print("\n".join(table(rows, args.by or "")))
    if args.show:
        for r in sorted(rows, key=lambda r: (r["factor"], r["set"], r["doc"])):
            print(("RIGHT" if r["right"] else "WRONG"), r["set"], r["doc"], r["factor"], r["type"], r["pattern"],
                  r["confidence"], r["actor"], "->", r["recipient"], "|", " ".join(r["text"].split()))


if __name__ == "__main__":
    main()
