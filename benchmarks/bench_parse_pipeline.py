"""Articles per second of the whole document pipeline with the parser, beside trafilatura alone, like for like.

Dumps: the HTML pages of ../shared/eval/article-extraction (html/*.html.gz). flashpoint reads each page
(cleaning with trafilatura inside, metadata) and analyses it (parse, entities, dates, quotes, figures,
events); the baseline is trafilatura.extract alone on the same HTML, timed in the same run. Real news:
the 50 texts of ../shared/realnews through the same path as a JSONL record, beside the same baseline rate.
Every pass counts (the first one included); times are this process's CPU time (one core), and the parse's
own share is reported.

    python benchmarks/bench_parse_pipeline.py [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import time
from pathlib import Path

import trafilatura

from flashpoint.ingest.pipeline import build_article
from flashpoint.ingest.sources import jsonl_record
from flashpoint.model import InputError, RawDocument
from flashpoint.nlp.parse_scope import wanted_sentences
from flashpoint.nlp.parser import load_parser, parse
from flashpoint.nlp.pipeline import analyze

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def pages(limit: int | None) -> list[tuple[str, bytes]]:
    files = sorted((SHARED / "eval" / "article-extraction" / "html").glob("*.html.gz"))[:limit]
    return [(p.name, gzip.decompress(p.read_bytes())) for p in files]


def realnews() -> list[RawDocument]:
    out = []
    for line in (SHARED / "realnews" / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        given = {k: rec[k] for k in ("id", "title", "text", "published", "outlet") if rec.get(k)}
        raw = jsonl_record(rec["id"], json.dumps(given).encode())
        if not isinstance(raw, InputError):
            out.append(raw)
    return out


def timed(fn, items) -> tuple[float, list]:  # type: ignore[no-untyped-def]
    t0 = time.process_time()
    out = [fn(x) for x in items]
    return time.process_time() - t0, out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=None, help="HTML pages to time (default all 181)")
    args = ap.parse_args()
    load_parser()
    html = pages(args.limit)
    t_traf, _ = timed(lambda p: trafilatura.extract(p[1].decode("utf-8", "replace")), html)
    t_fp, arts = timed(lambda p: analyze(build_article(RawDocument(source=p[0], content=p[1], kind="html"))), html)
    bodies = [a.body for a in arts]
    t_parse, _ = timed(lambda b: parse(b, wanted_sentences), bodies)  # as analyze parses: its scope only
    traf_rate = len(html) / t_traf
    fp_rate = len(html) / t_fp
    print(f"dumps (HTML, {len(html)} pages): trafilatura.extract {traf_rate:.1f}/s, flashpoint read+clean+analyse "
          f"{fp_rate:.1f}/s = {fp_rate / traf_rate:.2f}x trafilatura; the parse alone {t_parse / t_fp:.0%} of it")
    docs = realnews()
    t_rn, rn = timed(lambda d: analyze(build_article(d)), docs)
    words = sum(len(a.body.split()) for a in rn)
    rn_rate = len(docs) / t_rn
    print(f"realnews ({len(docs)} texts, {words / len(docs):.0f} words each): flashpoint {rn_rate:.1f}/s = "
          f"{rn_rate / traf_rate:.2f}x trafilatura's rate on the dumps' HTML")
    print(f"peak memory of this process {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
