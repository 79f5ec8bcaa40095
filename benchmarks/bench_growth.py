"""How view upkeep and the API's answers grow with the store: 1k, 10k, 100k articles.

Data: real conflict reporting analysed once by the real pipeline (../shared/realnews/articles.jsonl, the
five seeds and the bundled sample corpus), then copied with variations until the store holds N articles:
each copy is published `--per-day` articles per day later than the one before (the store spans N/per-day
days), its event dates move with it, its outlet rotates over 20 outlets, and its title and a closing line
name the copy so every copy is a new article. Copies are written through the real store (`Store.add_many`)
and the real view update (`corpus.update.update_views`), one batch of `--batch` articles at a time.

Reported at each checkpoint: the view update time of the last batches (wall and CPU, mean per batch), and
the response time (first request, then the median of `--repeat`) and size of `/`, `/api/escalation`,
`/api/alerts`, `/api/claims` and `/api/timeline` from a real `flashpoint serve` process on 127.0.0.1.
A store of 100k articles takes a while to fill on a small machine: checkpoints print as they are reached.

    .venv/bin/python benchmarks/bench_growth.py [--sizes 1000,10000,100000] [--pg] [--json out.json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _pg import _free_port, new_database, pg_cluster  # noqa: E402
from flashpoint.corpus.update import update_views  # noqa: E402
from flashpoint.model import AnalyzedArticle  # noqa: E402
from flashpoint.store.store import Store  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ENDPOINTS = ["/", "/api/escalation", "/api/alerts", "/api/claims", "/api/timeline"]
START = dt.date(2022, 1, 1)


def base_articles() -> list[AnalyzedArticle]:
    from flashpoint.ingest.pipeline import load_articles
    from flashpoint.nlp.pipeline import analyze

    sources = [str(SHARED / "realnews" / "articles.jsonl"), str(SHARED / "seeds"), str(ROOT / "src/flashpoint/sample")]
    return [analyze(a) for a in load_articles(sources) if not hasattr(a, "message")]  # type: ignore[arg-type]


def _shift(value: str | None, days: int) -> str | None:
    if not value or len(value) != 10:
        return value
    try:
        return (dt.date.fromisoformat(value) + dt.timedelta(days=days)).isoformat()
    except ValueError:
        return value


def copy_of(art: AnalyzedArticle, k: int, per_day: int) -> AnalyzedArticle:
    """Copy k: published on day k // per_day, event dates moved by as much, its own outlet, title and id."""
    day = START + dt.timedelta(days=k // per_day)
    try:
        moved = (day - dt.date.fromisoformat(art.published or "")).days
    except ValueError:
        moved = 0
    events = [e.model_copy(update={"date": _shift(e.date, moved) if moved else (e.date or day.isoformat())})
              for e in art.events]
    return art.model_copy(update={
        "id": f"g{k:07d}", "source": f"growth:{k}", "url": None, "published": day.isoformat(), "published_from": "given",
        "outlet": f"Outlet {k % 20:02d}", "title": f"{art.title or 'Report'} (copy {k})",
        "body": art.body + f"\n\nCopy {k} of this report.", "events": events})


def _serve(url: str) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    exe = str(Path(sys.executable).parent / "flashpoint")
    proc = subprocess.Popen([exe, "serve", "--db", url, "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if httpx.get(base + "/api/health", timeout=5).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("server did not start")


def measure_api(url: str, repeat: int) -> dict[str, Any]:
    proc, base = _serve(url)
    out: dict[str, Any] = {}
    try:
        with httpx.Client(base_url=base, timeout=600) as client:
            for path in ENDPOINTS:
                times, size, status = [], 0, 0
                for _ in range(repeat + 1):
                    t0 = time.perf_counter()
                    r = client.get(path)
                    times.append(time.perf_counter() - t0)
                    size, status = len(r.content), r.status_code
                out[path] = {"first_ms": round(1000 * times[0], 1),
                             "median_ms": round(1000 * statistics.median(times[1:]), 1),
                             "bytes": size, "status": status}
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--batch", type=int, default=500)
    ap.add_argument("--per-day", type=int, default=150)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--pg", action="store_true", help="a throw-away PostgreSQL cluster instead of a SQLite file")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    t0 = time.process_time()
    base = base_articles()
    print(f"{len(base)} real articles analysed in {time.process_time() - t0:.1f} s CPU; load {os.getloadavg()[0]:.2f}",
          flush=True)
    tmp = Path(tempfile.mkdtemp(prefix="flashpoint-bench-growth-"))
    results: list[dict[str, Any]] = []
    try:
        with pg_cluster() if args.pg else _nothing() as pg_base:
            url = new_database(pg_base, "growth") if pg_base else f"sqlite:///{tmp / 'growth.db'}"
            store = Store(url)
            k = 0
            batch_times: list[tuple[float, float]] = []
            for size in sizes:
                while k < size:
                    arts = [copy_of(base[(k + i) % len(base)], k + i, args.per_day) for i in range(min(args.batch, size - k))]
                    store.add_many(arts)
                    k += len(arts)
                    w0, c0 = time.perf_counter(), time.process_time()
                    update_views(store)
                    batch_times.append((time.perf_counter() - w0, time.process_time() - c0))
                last = batch_times[-3:]
                res = {"articles": store.count(), "days": k // args.per_day + 1,
                       "view_update_wall_s_per_batch": round(statistics.mean(w for w, _ in last), 3),
                       "view_update_cpu_s_per_batch": round(statistics.mean(c for _, c in last), 3),
                       "batch": args.batch, "load": round(os.getloadavg()[0], 2),
                       "api": measure_api(url, args.repeat)}
                results.append(res)
                print(json.dumps(res), flush=True)
            store.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"\n{'articles':>9}  {'view update s/batch (CPU)':>26}  " + "  ".join(f"{p:>16}" for p in ENDPOINTS))
    for r in results:
        cells = "  ".join(f"{r['api'][p]['median_ms']:>8.0f} ms {r['api'][p]['bytes'] // 1024:>4}K" for p in ENDPOINTS)
        print(f"{r['articles']:>9}  {r['view_update_wall_s_per_batch']:>14} ({r['view_update_cpu_s_per_batch']:>6})     {cells}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


class _nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


if __name__ == "__main__":
    main()
