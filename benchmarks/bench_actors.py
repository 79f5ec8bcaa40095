"""Actor coding accuracy on the PLOVER gold set, and entity-extraction throughput.

Data: ../shared/eval/plover-gsr/plover_gsr_dev.json (161 sentences; every source and target
actor text with its gold country and sector). Each actor text is resolved with
`resolve_actor(text, context=sentence)` and scored on country (IGO codes match any coded
international body) and on sector where the gold gives a standard PLOVER sector.

Baseline measured in the same run: a plain country dictionary (country names and demonyms
found anywhere in the actor text, no sectors), the simplest coder an analyst could write.

Throughput: extract_entities on the seeds and the article-extraction page dumps, against
spaCy's blank English tokenizer over the same texts (the floor every extractor pays).

    .venv/bin/python benchmarks/bench_actors.py [--limit N]
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path
from typing import Any

from flashpoint.model import Actor, Article
from flashpoint.nlp.actors import resolve_actor
from flashpoint.nlp.document import make_doc
from flashpoint.nlp.entities import extract_entities
from flashpoint.nlp.gazetteer import gazetteer
from flashpoint.nlp.parser import load_parser

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
LEGACY = {"ITL": "ITA", "JAP": "JPN", "VTN": "VNM", "GMY": "DEU", "UK": "GBR"}
BODIES = {"IGO", "NGO", "IMG", "MNC"}
SECTORS = {"GOV", "MIL", "REB", "OPP", "LEG", "JUD", "COP", "MED", "CVL", "REF", "BUS", "SPY", "ELI", "LAB",
           "EDU", "HLH", "REL", "NGO", "PRE"}


def gold_actors() -> list[tuple[str, str, str | None, str | None]]:
    """(actor text, sentence, gold country or body code, gold sector) for every coded side."""
    data = json.loads((SHARED / "eval" / "plover-gsr" / "plover_gsr_dev.json").read_text(encoding="utf-8"))
    out: list[tuple[str, str, str | None, str | None]] = []
    for rec in data:
        for side in ("source", "target"):
            value = rec.get(side)
            for a in value if isinstance(value, list) else [value] if isinstance(value, dict) else []:
                if not isinstance(a, dict) or not a.get("actorText") or not a.get("code"):
                    continue
                code = LEGACY.get(str(a["code"]).upper(), str(a["code"]).upper())
                sector = a.get("sector")
                out.append((" ".join(str(a["actorText"]).split()), rec["text"], code,
                            sector if sector in SECTORS else None))
    return out


def baseline(text: str, context: str) -> Actor | None:
    """A country dictionary: the first country name or demonym in the text."""
    g = gazetteer()
    for word in re.findall(r"[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*", text):
        for cand in (word, *word.split()):
            for e in g.lookup(cand):
                if e.kind in ("country", "demonym"):
                    return Actor(text=text, country=e.country)
    return None


def score(coder: Any, items: list[tuple[str, str, str | None, str | None]]) -> dict[str, float]:
    country_ok = sector_ok = sector_n = 0
    for text, sentence, code, sector in items:
        actor = coder(text, sentence)
        if actor is not None and (actor.country == code or (code in BODIES and actor.code)):
            country_ok += 1
        if sector is not None:
            sector_n += 1
            sector_ok += bool(actor is not None and actor.sector == sector)
    return {"country_acc": country_ok / len(items), "sector_acc": sector_ok / max(sector_n, 1),
            "n": len(items), "n_sector": sector_n}


def texts(limit: int | None) -> list[str]:
    out = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "seeds").glob("*.txt"))]
    dumps = json.loads((SHARED / "eval" / "article-extraction" / "output" / "html-text.json").read_text())
    for v in list(dumps["output"].values())[:limit]:
        out.append(str(v.get("articleBody") or ""))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=None, help="page dumps to time (default all)")
    args = parser.parse_args()
    items = gold_actors()
    ours, base = score(resolve_actor, items), score(baseline, items)
    print(f"PLOVER gold actors: n={ours['n']} (with a standard sector: {ours['n_sector']})")
    print(f"  country accuracy  flashpoint {ours['country_acc']:.3f}  baseline {base['country_acc']:.3f}  "
          f"ratio {ours['country_acc'] / max(base['country_acc'], 1e-9):.2f}")
    print(f"  sector accuracy   flashpoint {ours['sector_acc']:.3f}  baseline {base['sector_acc']:.3f}")

    bodies = texts(args.limit)
    nlp = load_parser()
    extract_entities(make_doc(Article(id="w", source="w", body=bodies[0])))  # load resources once
    t0 = time.perf_counter()
    for b in bodies:
        nlp.make_doc(b)
    tok = time.perf_counter() - t0
    docs = [make_doc(Article(id=str(i), source="b", body=b)) for i, b in enumerate(bodies)]
    t0 = time.perf_counter()
    n_ents = sum(len(extract_entities(d)) for d in docs)
    ent = time.perf_counter() - t0
    chars = sum(map(len, bodies))
    print(f"Entities: {len(bodies)} docs, {chars / len(bodies):.0f} chars avg, {n_ents} entities")
    print(f"  extract_entities {len(bodies) / ent:.1f} docs/s   spaCy tokenizer {len(bodies) / tok:.1f} docs/s   "
          f"time ratio {ent / tok:.2f}x the tokenizer")


if __name__ == "__main__":
    main()
