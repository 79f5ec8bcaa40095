"""Read latency under load: p50/p95 of `/`, `/timeline`, `/api/events` and `/api/stories` at 20 concurrent readers.

The store: the bundled sample articles, the seeds and the real-news set, cleaned and analysed by the real
pipeline, then varied (new id, title, publication date and a closing line; the analysis of the base
article is kept) up to `--articles`, stored with `Store.add_many` and run through the real view update.
`flashpoint serve` runs as a process of its own on 127.0.0.1; 20 client threads send `--requests` requests
per endpoint, spread over a few pages of each (`offset`), so the first request of each page is computed
and the rest come from the read cache. The baseline, in the same run, is `/api/health` under the same
load (HTTP, routing and two index look-ups, no view work): the ratio is what each page adds to it.

    .venv/bin/python benchmarks/bench_load.py [--articles 10000] [--requests 200] [--concurrency 20] [--db URL]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

import httpx

from flashpoint.api.pages import TIMELINE_PAGE
from flashpoint.corpus.update import update_views
from flashpoint.ingest.pipeline import build_article
from flashpoint.model import AnalyzedArticle, RawDocument
from flashpoint.store.store import Store
from flashpoint.workflow import analyze_safely

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ENDPOINTS = {
    "/": [""],
    "/timeline": [f"?offset={TIMELINE_PAGE * k}" for k in range(3)],
    "/api/events": [f"?limit=100&offset={100 * k}" for k in range(5)],
    "/api/stories": [f"?limit=50&offset={50 * k}" for k in range(5)],
}


def base_articles() -> list[AnalyzedArticle]:
    """The real articles at hand, analysed by the real pipeline."""
    raws: list[RawDocument] = []
    for path in sorted((ROOT / "src/flashpoint/sample/articles").glob("*")) + sorted((SHARED / "seeds").glob("*.txt")):
        raws.append(RawDocument(source=str(path), content=path.read_bytes()))
    news = SHARED / "realnews" / "articles.jsonl"
    if news.exists():
        for line in news.read_text().splitlines():
            rec = json.loads(line)
            raws.append(RawDocument(source=rec["id"], content=rec["text"], kind="text",
                                    given={k: rec[k] for k in ("id", "title", "outlet", "published") if rec.get(k)}))
    out = []
    for raw in raws:
        try:
            result = analyze_safely(build_article(raw))
        except Exception:  # noqa: BLE001 - a sample that does not clean is left out
            continue
        if isinstance(result, AnalyzedArticle):
            out.append(result)
    return out


def variant(art: AnalyzedArticle, i: int, k: int) -> AnalyzedArticle:
    """Copy number `i` (round `k`) of an analysed article: its own id, title, day and closing line (spans keep
    their offsets), so the store keeps every copy as an article of its own."""
    day = date.fromisoformat(art.published) if art.published else date(2022, 3, 1)
    return art.model_copy(update={
        "id": f"load-{i:06d}", "source": f"{art.source}#v{i}", "url": None,
        "title": f"{art.title or 'Report'} (update {k})",
        "published": (day + timedelta(days=k % 240)).isoformat(),
        "body": f"{art.body}\n\nUpdate {i}: this report was revised by the desk.",
    })


def fill(store: Store, n: int) -> tuple[int, float, float]:
    """Copies of the real articles until the store holds at least `n` (a copy the store finds a duplicate
    of another is not counted), then one view update over all of them."""
    t0 = time.perf_counter()
    bases = base_articles()
    t1 = time.perf_counter()
    i = 0
    while (have := store.count()) < n:
        batch = [variant(bases[j % len(bases)], j, j // len(bases)) for j in range(i, i + min(500, n - have))]
        i += len(batch)
        store.add_many(batch)
    update_views(store)
    return len(bases), t1 - t0, time.perf_counter() - t1


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def hammer(base: str, paths: list[str], n: int, concurrency: int) -> tuple[list[float], int]:
    """`n` GETs over `paths` from `concurrency` threads; latencies in seconds and the number of errors."""
    def one(i: int) -> tuple[float, bool]:
        t0 = time.perf_counter()
        try:
            r = client.get(base + paths[i % len(paths)])
            ok = r.status_code == 200
        except httpx.HTTPError:
            ok = False
        return time.perf_counter() - t0, ok

    with httpx.Client(timeout=120, limits=httpx.Limits(max_connections=concurrency)) as client, \
            ThreadPoolExecutor(concurrency) as pool:
        results = list(pool.map(one, range(n)))
    return [r[0] for r in results], sum(1 for r in results if not r[1])


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1] if len(values) > 1 else values[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--requests", type=int, default=200, help="per endpoint")
    ap.add_argument("--concurrency", type=int, default=20)
    ap.add_argument("--db", help="a store to fill, or to use as it is when it holds articles "
                                 "(default: a SQLite file in a temporary folder)")
    args = ap.parse_args()
    tmp = None if args.db else tempfile.mkdtemp(prefix="flashpoint-load-")
    url = args.db or f"sqlite:///{tmp}/load.db"
    store = Store(url)
    if store.count() == 0:
        n_bases, t_analyse, t_store = fill(store, args.articles)
        print(f"store: {store.count():,} articles ({n_bases} real articles analysed in {t_analyse:.0f} s, varied, "
              f"stored and run through the views in {t_store:.0f} s), {store.dialect}", flush=True)
    else:
        print(f"store: {store.count():,} articles already in {url} ({store.dialect})", flush=True)
    store.close()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "flashpoint.cli", "serve", "--db", url, "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ})
    try:
        for _ in range(600):
            try:
                if httpx.get(base + "/api/health", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        health, herr = hammer(base, ["/api/health"], args.requests, args.concurrency)
        h95 = pct(health, 95)
        print(f"{'endpoint':<14} {'cold s':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7} {'p95/health':>11}")
        print(f"{'/api/health':<14} {'':>8} {pct(health, 50) * 1000:>8.1f} {h95 * 1000:>8.1f} {herr:>7} {1.0:>11.1f}")
        for path, queries in ENDPOINTS.items():
            t0 = time.perf_counter()
            first = httpx.get(base + path + queries[0], timeout=600)
            cold = time.perf_counter() - t0
            assert first.status_code == 200, (path, first.status_code)
            lat, errors = hammer(base, [path + q for q in queries], args.requests, args.concurrency)
            p95 = pct(lat, 95)
            print(f"{path:<14} {cold:>8.2f} {pct(lat, 50) * 1000:>8.1f} {p95 * 1000:>8.1f} {errors:>7} {p95 / h95:>11.1f}")
    finally:
        server.terminate()
        server.wait(30)
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
