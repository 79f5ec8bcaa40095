"""Entity links judged by eye on text nobody tuned on: the 181 general-news bodies and five seeds of
benchmarks/quote_sample.py, and 600 headlines with their sub-headings from the RUWA corpus of war
reporting (../shared/corpora/ruwa, rows drawn with seed 3).

    python benchmarks/entity_sample.py dump  [--out test-output/entity_dump.jsonl]
        run the pipeline over every document and write each entity with its link and context (to read)
    python benchmarks/entity_sample.py draw  --n 120 [--seed 5]
        draw a random sample of entities from the dump, as judgement lines to fill in
    python benchmarks/entity_sample.py score [--sample benchmarks/entity_sample.jsonl] [--show]
        rerun the pipeline on the sampled documents and score the sample against its judgements

A judgement line names the document (`doc`), the entity's offsets as found when judged (`start`, `end`),
what the pipeline said then (`found`: text, type, linked name, country), the judge's reading (`label`: ok,
or the class of the mistake) and the right reading (`right`: its type and country, or null where the
words name no entity). Scoring finds today's entity overlapping those offsets most and counts it right
when its type and country are the judged ones (and, for a judged `span` mistake, its offsets changed);
a judged non-entity no longer found counts as removed (right). Precision = right / found among the
sampled places.
"""

from __future__ import annotations

import csv
import io
import json
import random
import sys
import zipfile
from pathlib import Path
from typing import Any

from _judged import sample_cli
from quote_sample import ROOT, _overlap, analyse
from quote_sample import bodies as quote_bodies

RUWA = ROOT.parent / "shared" / "corpora" / "ruwa" / "RUWA_01.08.23.csv.zip"
SAMPLE = ROOT / "benchmarks" / "entity_sample.jsonl"
CONTEXT = 70


def ruwa_documents(n: int = 600, seed: int = 3) -> dict[str, str]:
    """RUWA rows as short documents (headline, blank line, sub-heading), a fixed random draw."""
    with zipfile.ZipFile(RUWA) as z:
        rows = list(csv.DictReader(io.TextIOWrapper(z.open(z.namelist()[0]), encoding="utf-8")))
    order = list(range(len(rows)))
    random.Random(seed).shuffle(order)
    docs: dict[str, str] = {}
    for i in order[:n]:
        text = "\n\n".join(p for p in (rows[i]["title"].strip(), rows[i]["desc"].strip()) if p)
        if text:
            docs[f"ruwa-{i}"] = text
    return docs


def bodies() -> dict[str, str]:
    return {**quote_bodies(), **ruwa_documents()}


def _reading(e: Any) -> dict[str, Any]:
    country = e.actor.country if e.actor else None
    return {"text": e.text, "type": e.type, "name": e.name, "country": country}


def dump(out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for doc_id, body in bodies().items():
            for e in analyse(doc_id, body).entities:
                a, b = max(0, e.start - CONTEXT), min(len(body), e.end + CONTEXT)
                context = body[a:e.start] + "[[" + body[e.start:e.end] + "]]" + body[e.end:b]
                fh.write(json.dumps({"doc": doc_id, "start": e.start, "end": e.end, "found": _reading(e),
                                     "context": context.replace("\n", " ")}, ensure_ascii=False) + "\n")


def draw(dump_path: Path, n: int, seed: int) -> None:
    rows = [json.loads(line) for line in dump_path.read_text(encoding="utf-8").splitlines()]
    random.Random(seed).shuffle(rows)
    for r in sorted(rows[:n], key=lambda r: (r["doc"], r["start"])):
        right = {"type": r["found"]["type"], "country": r["found"]["country"]}
        print(json.dumps({"doc": r["doc"], "start": r["start"], "end": r["end"], "found": r["found"],
                          "label": "?", "right": right, "evidence": ""}, ensure_ascii=False))


def _judge(j: dict[str, Any], best: Any) -> bool:
    right = j["right"]
    if right is None:
        return False
    span_ok = j["label"] != "span" or (best.start, best.end) != (j["start"], j["end"])
    return span_ok and best.type == right["type"] and (best.actor.country if best.actor else None) == right["country"]


def score(sample_path: Path, show: bool) -> dict[str, Any]:
    judged = [json.loads(line) for line in sample_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = bodies()
    found = {doc_id: analyse(doc_id, docs[doc_id]).entities for doc_id in sorted({j["doc"] for j in judged})}
    right = linked = removed_right = removed_lost = 0
    classes: dict[str, int] = {}
    for j in judged:
        span = (j["start"], j["end"])
        best = max(found[j["doc"]], key=lambda e: _overlap(span, (e.start, e.end)), default=None)
        if best is None or _overlap(span, (best.start, best.end)) == 0:
            removed_right += j["right"] is None
            removed_lost += j["right"] is not None
            if show and j["right"] is not None:
                print("LOST", j["doc"], span, j["found"]["text"], file=sys.stderr)
            continue
        linked += 1
        ok = _judge(j, best)
        right += ok
        if not ok:
            why = j["label"] if j["label"] != "ok" else "changed"
            classes[why] = classes.get(why, 0) + 1
            if show:
                print("WRONG", why, j["doc"], span, _reading(best), "| judged:", j["right"], file=sys.stderr)
    return {"judged": len(judged), "found": linked, "right": right,
            "precision": round(right / linked, 3) if linked else None,
            "wrong_by_class": dict(sorted(classes.items(), key=lambda kv: -kv[1])),
            "non_entities_now_gone": removed_right, "right_entities_lost": removed_lost}


def main() -> None:
    sample_cli(__doc__, "entity", 120, 5, SAMPLE, dump, draw, score)


if __name__ == "__main__":
    main()
