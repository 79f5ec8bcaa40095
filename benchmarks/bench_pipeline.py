"""Throughput and peak memory of the whole document pipeline (build_article + analyze), one core.

Data: the five seeds (../shared/seeds/*.txt) and the 181 plain-text page dumps of the
article-extraction set (../shared/eval/article-extraction/output/html-text.json).
Baselines measured in the same run on the same texts: the cleaner alone (build_article),
and trafilatura.extract on the same pages' HTML (html/*.html.gz) as an outside reference.
"analyze only" runs the NLP stages on articles cleaned beforehand: the part the 50 articles/s
aim of the issue "Reading an article" is about.
Prints articles/s, peak traced memory and the ratios; `--profile` adds a cProfile top list.
Times are this process's CPU time (time.process_time): on a machine shared with other work,
wall-clock time measures the neighbours as much as the code.

    .venv/bin/python benchmarks/bench_pipeline.py [--repeat 3] [--limit N] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import io
import json
import pstats
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from flashpoint.ingest.pipeline import build_article
from flashpoint.model import RawDocument
from flashpoint.nlp.pipeline import analyze

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def seed_docs() -> list[RawDocument]:
    return [RawDocument(source=str(p), content=p.read_bytes()) for p in sorted((SHARED / "seeds").glob("*.txt"))]


def dump_docs(limit: int | None) -> tuple[list[RawDocument], list[str]]:
    """The plain-text dumps, and the HTML of the same pages for the trafilatura baseline."""
    base = SHARED / "eval" / "article-extraction"
    data = json.loads((base / "output" / "html-text.json").read_text(encoding="utf-8"))["output"]
    keys = sorted(data)[:limit]
    docs = [RawDocument(source=k, content=data[k]["articleBody"], kind="text") for k in keys]
    pages: list[str] = []
    for k in keys:
        page = base / "html" / f"{k}.html.gz"
        if page.exists():
            pages.append(gzip.decompress(page.read_bytes()).decode("utf-8", errors="replace"))
    return docs, pages


def full(raw: RawDocument) -> Any:
    return analyze(build_article(raw))


def measure(func: Callable[[Any], Any], items: list[Any], repeat: int) -> dict[str, float]:
    """Best-of-`repeat` articles/s (errors count as processed) and peak traced memory of one pass."""
    func(items[0])  # warm caches (spaCy, lexicons) outside the timing
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        for item in items:
            try:
                func(item)
            except Exception:  # noqa: BLE001 - a page without article text still costs its time
                pass
        best = min(best, time.process_time() - t0)
    tracemalloc.start()
    for item in items:
        try:
            func(item)
        except Exception:  # noqa: BLE001
            pass
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"n": len(items), "seconds": round(best, 3), "per_s": round(len(items) / best, 1),
            "peak_mib": round(peak / 2**20, 1)}


def profile(items: list[RawDocument], top: int = 25) -> str:
    prof = cProfile.Profile()
    prof.enable()
    for raw in items:
        try:
            full(raw)
        except Exception:  # noqa: BLE001
            pass
    prof.disable()
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def stage_times(items: list[RawDocument]) -> dict[str, float]:
    """Seconds per extractor stage over the items (which stage to speed up)."""
    from flashpoint.nlp.document import make_doc
    from flashpoint.nlp.pipeline import configured_backends, load_extractor

    totals: dict[str, float] = {"make_doc": 0.0}
    for raw in items:
        try:
            art = build_article(raw)
        except Exception:  # noqa: BLE001
            continue
        t0 = time.process_time()
        doc = make_doc(art)
        totals["make_doc"] += time.process_time() - t0
        for stage, path in configured_backends().items():
            t0 = time.process_time()
            setattr(doc, stage, load_extractor(path)(doc))
            totals[stage] = totals.get(stage, 0.0) + time.process_time() - t0
    return {k: round(v, 3) for k, v in totals.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--limit", type=int, default=None, help="only the first N dumps")
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--no-trafilatura", action="store_true", help="skip the trafilatura reference row")
    args = ap.parse_args()

    seeds = seed_docs()
    dumps, pages = dump_docs(args.limit)
    cleaned = []
    for raw in dumps:
        try:
            cleaned.append(build_article(raw))
        except Exception:  # noqa: BLE001 - a page without article text
            pass
    rows: dict[str, dict[str, float]] = {
        "seeds: pipeline": measure(full, seeds, args.repeat),
        "seeds: cleaner only": measure(build_article, seeds, args.repeat),
        "dumps: pipeline": measure(full, dumps, args.repeat),
        "dumps: cleaner only": measure(build_article, dumps, args.repeat),
        "dumps: analyze only (cleaned)": measure(analyze, cleaned, args.repeat),
    }
    if args.no_trafilatura:
        pages = []
    if pages:
        import trafilatura

        rows["pages: trafilatura.extract"] = measure(trafilatura.extract, pages, args.repeat)
    for name, row in rows.items():
        print(f"{name:32s} {row['n']:4d} docs  {row['seconds']:7.3f} s  {row['per_s']:7.1f} articles/s  "
              f"peak {row['peak_mib']:6.1f} MiB")
    for part in ("seeds", "dumps"):
        pipe, clean = rows[f"{part}: pipeline"], rows[f"{part}: cleaner only"]
        print(f"{part}: pipeline / cleaner speed ratio {pipe['per_s'] / clean['per_s']:.3f}")
    print(f"dumps: analyze only / cleaner speed ratio "
          f"{rows['dumps: analyze only (cleaned)']['per_s'] / rows['dumps: cleaner only']['per_s']:.3f}")
    if pages:
        traf = rows["pages: trafilatura.extract"]
        print(f"dumps: pipeline / trafilatura.extract speed ratio {rows['dumps: pipeline']['per_s'] / traf['per_s']:.3f}")
    print("stage seconds over the dumps:", json.dumps(stage_times(dumps)))
    if args.profile:
        print(profile(dumps))


if __name__ == "__main__":
    main()
