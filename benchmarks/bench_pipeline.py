"""Throughput and peak memory of the whole document pipeline (build_article + analyze), one core.

Like for like: flashpoint on the 181 HTML pages of ../shared/eval/article-extraction (html/*.html.gz)
against trafilatura.extract on the same HTML; also flashpoint on the plain-text dumps of the same pages
(output/html-text.json) and on the five seeds, and the analysis alone on articles cleaned beforehand.
Each row runs in a fresh process and its first pass is counted (nothing warmed up: lexicons, spaCy and
caches load inside the timing, as they do for `flashpoint analyze`); with --repeat N the mean of N passes
is printed beside it. Wall-clock and CPU time (time.process_time) both; peak memory is the row process's
peak resident set (resource.getrusage ru_maxrss), the whole process, not traced allocations.

    .venv/bin/python benchmarks/bench_pipeline.py [--repeat 1] [--limit N] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import io
import json
import pstats
import resource
import subprocess
import sys
import time
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
    """The first pass (cold) and the mean of `repeat` passes: CPU and wall seconds, articles/s by CPU."""
    runs = []
    for _ in range(max(1, repeat)):
        w0, c0 = time.perf_counter(), time.process_time()
        for item in items:
            try:
                func(item)
            except Exception:  # noqa: BLE001 - a page without article text still costs its time
                pass
        runs.append((time.perf_counter() - w0, time.process_time() - c0))
    mean_cpu = sum(c for _, c in runs) / len(runs)
    return {"n": len(items), "cpu_s": round(runs[0][1], 3), "wall_s": round(runs[0][0], 3),
            "per_s": round(len(items) / runs[0][1], 1), "mean_per_s": round(len(items) / mean_cpu, 1),
            "peak_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def html_docs(pages: list[str]) -> list[RawDocument]:
    return [RawDocument(source=f"page{i}", content=page, kind="html") for i, page in enumerate(pages)]


def run_row(name: str, limit: int | None, repeat: int) -> dict[str, float]:
    """One row, in this (fresh) process."""
    dumps, pages = dump_docs(limit)
    if name == "pages: trafilatura.extract":
        import trafilatura

        return measure(trafilatura.extract, pages, repeat)
    if name == "pages: pipeline (HTML)":
        return measure(full, html_docs(pages), repeat)
    if name == "dumps: pipeline":
        return measure(full, dumps, repeat)
    if name == "seeds: pipeline":
        return measure(full, seed_docs(), repeat)
    if name == "dumps: analyze only (cleaned)":
        cleaned = []
        for raw in dumps:
            try:
                cleaned.append(build_article(raw))
            except Exception:  # noqa: BLE001 - a page without article text
                pass
        return measure(analyze, cleaned, repeat)
    raise SystemExit(f"unknown row {name!r}")


ROWS = ["pages: pipeline (HTML)", "pages: trafilatura.extract", "dumps: pipeline", "seeds: pipeline",
        "dumps: analyze only (cleaned)"]


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
    from flashpoint.nlp.parse_scope import wanted_sentences
    from flashpoint.nlp.pipeline import configured_backends, load_extractor

    totals: dict[str, float] = {"make_doc": 0.0}
    for raw in items:
        try:
            art = build_article(raw)
        except Exception:  # noqa: BLE001
            continue
        t0 = time.process_time()
        doc = make_doc(art, scope=wanted_sentences)  # as analyze makes it: parsed where the extractors read
        totals["make_doc"] += time.process_time() - t0
        for stage, path in configured_backends().items():
            t0 = time.process_time()
            setattr(doc, stage, load_extractor(path)(doc))
            totals[stage] = totals.get(stage, 0.0) + time.process_time() - t0
    return {k: round(v, 3) for k, v in totals.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=1, help="passes per row (the first is always shown)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages")
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--row", help=argparse.SUPPRESS)  # run one row here and print it as JSON
    args = ap.parse_args()
    if args.row:
        print(json.dumps(run_row(args.row, args.limit, args.repeat)))
        return
    rows: dict[str, dict[str, float]] = {}
    for name in ROWS:
        cmd = [sys.executable, __file__, "--row", name, "--repeat", str(args.repeat)]
        if args.limit:
            cmd += ["--limit", str(args.limit)]
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        rows[name] = json.loads(out.strip().splitlines()[-1])
        row = rows[name]
        print(f"{name:32s} {row['n']:4d} docs  first pass {row['cpu_s']:7.2f} s CPU {row['wall_s']:7.2f} s wall  "
              f"{row['per_s']:6.1f} articles/s (CPU; mean of {args.repeat}: {row['mean_per_s']:6.1f})  "
              f"peak {row['peak_mib']:6.1f} MiB", flush=True)
    ours, traf = rows["pages: pipeline (HTML)"], rows["pages: trafilatura.extract"]
    print(f"pages: flashpoint pipeline / trafilatura.extract on the same HTML, speed ratio (CPU) "
          f"{ours['per_s'] / traf['per_s']:.3f}")
    dumps, _pages = dump_docs(args.limit)
    print("stage seconds over the dumps:", json.dumps(stage_times(dumps)))
    if args.profile:
        print(profile(dumps))


if __name__ == "__main__":
    main()
