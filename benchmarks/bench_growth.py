"""How view upkeep and the API's answers grow with the store: 1k, 10k, 100k articles.

What is real and what is synthetic. Real: about 75 conflict reports (../shared/realnews/articles.jsonl,
the five seeds and the bundled sample corpus) analysed once by the real pipeline (cached per state of
src/flashpoint, so a rerun skips it); the store (`Store.add_many`), the view update
(`corpus.update.update_views`, one batch of `--batch` articles at a time) and a `flashpoint serve` process
on 127.0.0.1. Synthetic: the stored articles are splices of two real analysed reports: the first part of
report A (cut at a paragraph boundary) and the last part of report B, with A's and B's spans kept where
they fall and B's moved to their new offsets, a title from both, a new id and outlet (20 rotating), and a
publication day: `--per-day` articles a day, so the store spans N / per-day days (667 days at 100k), with
every event date and day-valued timex moved by as much as its report's publication. Splices of different
pairs and cut points share too few word shingles to be near-copies of each other; `--copy-share` of the
articles (default 10%) are deliberate near-copies: an article of the last two days republished by
another outlet, as syndication does.

Reported at each checkpoint: the view update time per batch (wall and CPU, mean of the last 3 batches),
and for `/`, `/api/escalation`, `/api/alerts`, `/api/claims` and `/api/timeline` the response time of
the first request after each of the last 3 view updates (nothing cached for that state: the median of
the 3 is the figure, wall and the server process's CPU, which a loaded machine does not inflate), the median
of `--repeat` requests after that (served from the read cache), and the response size. The server runs through the whole fill, as a dashboard would.

    nice -n 10 .venv/bin/python benchmarks/bench_growth.py [--sizes 1000,10000,100000] [--pg] [--json out.json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, TypeVar

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
OUTLETS = 20
S = TypeVar("S")


def _source_state() -> str:
    """The git tree of src/flashpoint (plus uncommitted changes): the analysed base is cached per state."""
    try:
        tree = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD:src/flashpoint"], capture_output=True,
                              text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "src/flashpoint/nlp",
                                "src/flashpoint/ingest", "src/flashpoint/resources"],
                               capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return tree[:12] + ("-dirty" if dirty.strip() else "")


def base_articles(cache_dir: Path) -> list[AnalyzedArticle]:
    """The real reports, analysed once by the real pipeline (cached in cache_dir per source state)."""
    state = _source_state()
    cache = cache_dir / f"flashpoint-growth-base-{state}.jsonl"
    if state != "unknown" and not state.endswith("-dirty") and cache.exists():
        return [AnalyzedArticle.model_validate_json(line) for line in cache.read_text().splitlines() if line]
    from flashpoint.ingest.pipeline import load_articles
    from flashpoint.nlp.pipeline import analyze

    sources = [str(SHARED / "realnews" / "articles.jsonl"), str(SHARED / "seeds"), str(ROOT / "src/flashpoint/sample")]
    arts = [analyze(a) for a in load_articles(sources) if not hasattr(a, "message")]  # type: ignore[arg-type]
    arts = [a for a in arts if len(a.body) > 400]
    if state != "unknown":
        cache.write_text("".join(a.model_dump_json() + "\n" for a in arts))
    return arts


def _shift(value: str | None, days: int) -> str | None:
    if not value or len(value) != 10 or not days:
        return value
    try:
        return (dt.date.fromisoformat(value) + dt.timedelta(days=days)).isoformat()
    except ValueError:
        return value


def _moved(art: AnalyzedArticle, day: dt.date) -> int:
    try:
        return (day - dt.date.fromisoformat(art.published or "")).days
    except ValueError:
        return 0


def _cut(body: str, rng: random.Random) -> int:
    """A paragraph boundary (else a sentence end) between 30% and 70% of the body."""
    lo, hi = int(len(body) * 0.3), int(len(body) * 0.7)
    marks = [i + 1 for i in range(lo, hi) if body[i] == "\n"] or \
        [i + 2 for i in range(lo, hi) if body[i] == "." and body[i + 1:i + 2] == " "]
    return rng.choice(marks) if marks else len(body) // 2


def _part(items: list[S], lo: int, hi: int, shift: int, days: int) -> list[S]:
    """The spans lying in [lo, hi), moved by `shift` characters and their day values by `days`."""
    out = []
    for s in items:
        start, end = s.start, s.end  # type: ignore[attr-defined]
        if start < lo or end > hi:
            continue
        update: dict[str, Any] = {"start": start + shift, "end": end + shift}
        if hasattr(s, "value") and isinstance(s.value, str):
            update["value"] = _shift(s.value, days)
        if hasattr(s, "date"):
            update["date"] = _shift(s.date, days)
        if getattr(s, "mentions", None):
            update["mentions"] = [m.model_copy(update={"start": m.start + shift, "end": m.end + shift})
                                  for m in s.mentions if lo <= m.start and m.end <= hi]  # type: ignore[attr-defined]
        out.append(s.model_copy(update=update))  # type: ignore[attr-defined]
    return out


def splice(base: list[AnalyzedArticle], k: int, per_day: int) -> AnalyzedArticle:
    """Synthetic article k: the head of one real report and the tail of another, published on day k // per_day."""
    rng = random.Random(k)
    day = START + dt.timedelta(days=k // per_day)
    a = base[k % len(base)]
    b = base[(k % len(base) + 1 + rng.randrange(len(base) - 1)) % len(base)]
    ca, cb = _cut(a.body, rng), _cut(b.body, rng)
    head = a.body[:ca].rstrip()
    rest = b.body[cb:]
    tail = rest.lstrip()
    cb += len(rest) - len(tail)
    body = f"{head}\n\n{tail}"
    shift = len(head) + 2 - cb
    da, db = _moved(a, day), _moved(b, day)
    spans: dict[str, Any] = {}
    for name in ("entities", "quotes", "timexes", "quantities", "events"):
        spans[name] = _part(getattr(a, name), 0, len(head), 0, da) + _part(getattr(b, name), cb, len(b.body), shift, db)
    title_b = " ".join((b.title or "").split()[:5])
    return a.model_copy(update={
        "id": f"g{k:07d}", "source": f"growth:{k}", "url": None, "published": day.isoformat(),
        "published_from": "given", "outlet": f"Outlet {k % OUTLETS:02d}",
        "title": f"{a.title or 'Report'}: {title_b}" if title_b else a.title, "body": body, **spans})


def synthetic(base: list[AnalyzedArticle], k: int, per_day: int, copy_share: float) -> AnalyzedArticle:
    """Article k: a splice, or (a `copy_share` of them) a near-copy of a splice of the last two days."""
    rng = random.Random(-k - 1)
    if k >= 2 * per_day and rng.random() < copy_share:
        original = splice(base, k - 1 - rng.randrange(2 * per_day), per_day)
        day = START + dt.timedelta(days=k // per_day)
        return original.model_copy(update={
            "id": f"g{k:07d}", "source": f"growth:{k}", "published": day.isoformat(),
            "outlet": f"Outlet {k % OUTLETS:02d}", "body": original.body + f"\n\nRepublished by Outlet {k % OUTLETS:02d}."})
    return splice(base, k, per_day)


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


def _cpu_s(pid: int) -> float:
    """User and system CPU of a process so far (Linux /proc), so a request's cost is read apart from the load."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _get(client: httpx.Client, path: str, pid: int) -> tuple[float, int, int, float]:
    """Wall time, size and status of one request, and the server's CPU for it (10 ms ticks)."""
    c0, t0 = _cpu_s(pid), time.perf_counter()
    r = client.get(path)
    return time.perf_counter() - t0, len(r.content), r.status_code, _cpu_s(pid) - c0


def _next_index(store: Store) -> int:
    """The synthetic article number after the last one stored (0 for a new store)."""
    from sqlalchemy import func, select

    from flashpoint.store import schema

    with store.engine.connect() as conn:
        last = conn.execute(select(func.max(schema.articles.c.id)).where(schema.articles.c.id.like("g%"))).scalar()
    return int(last[1:]) + 1 if last else 0


def overview_parts(store: Store) -> dict[str, float]:
    """CPU milliseconds of each read the overview page makes, in this process (its caches warm like a server's)."""
    from flashpoint.api import data, pages
    from flashpoint.corpus import views
    from flashpoint.store import queries

    since = pages.overview_since(store)
    parts: dict[str, Any] = {
        "since": lambda: pages.overview_since(store),
        "escalation": lambda: data.plain(views.escalation(store, date_from=since)),
        "covered_days": lambda: views.covered_days(store, since),
        "latest_stories": lambda: data.latest_stories(store, 12),
        "event_map": lambda: views.event_map(store, date_from=since),
        "attention": lambda: views.attention(store, date_from=since),
        "top_actors": lambda: pages.top_actors(store, 15),
        "articles": lambda: queries.search_articles(store, limit=10),
        "count": store.count,
        "outlets": lambda: queries.list_outlets(store),
    }
    out = {}
    for name, fn in parts.items():
        c0 = time.process_time()
        fn()
        out[name] = round(1000 * (time.process_time() - c0), 1)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--batch", type=int, default=500)
    ap.add_argument("--per-day", type=int, default=150)
    ap.add_argument("--copy-share", type=float, default=0.1)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--cache-dir", type=Path, default=Path(tempfile.gettempdir()),
                    help="where the analysed real reports are kept between runs")
    ap.add_argument("--pg", action="store_true", help="a throw-away PostgreSQL cluster instead of a SQLite file")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--keep", type=Path, help="keep the SQLite store at this path; given again, it grows on from its "
                                              "size (e.g. --sizes 101500 after a 100k run: three more batches measured)")
    args = ap.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    t0 = time.process_time()
    base = base_articles(args.cache_dir)
    print(f"{len(base)} real articles analysed (or read from the cache) in {time.process_time() - t0:.1f} s CPU; "
          f"load {os.getloadavg()[0]:.2f}", flush=True)
    tmp = Path(tempfile.mkdtemp(prefix="flashpoint-bench-growth-"))
    results: list[dict[str, Any]] = []
    proc = None
    started = time.perf_counter()
    try:
        with pg_cluster() if args.pg else _nothing() as pg_base:
            url = new_database(pg_base, "growth") if pg_base else f"sqlite:///{args.keep or tmp / 'growth.db'}"
            store = Store(url)
            update_views(store)
            proc, server = _serve(url)
            client = httpx.Client(base_url=server, timeout=600)
            k = _next_index(store)  # a kept store (--keep) grows on from where it stopped
            batch_times: list[tuple[float, float]] = []
            for size in sizes:
                first: dict[str, list[tuple[float, int, int, float]]] = {p: [] for p in ENDPOINTS}
                n_batches = -(-(size - k) // args.batch)
                for i in range(n_batches):
                    arts = [synthetic(base, k + j, args.per_day, args.copy_share)
                            for j in range(min(args.batch, size - k))]
                    store.add_many(arts)
                    k += len(arts)
                    w0, c0 = time.perf_counter(), time.process_time()
                    update_views(store)
                    batch_times.append((time.perf_counter() - w0, time.process_time() - c0))
                    if i >= n_batches - 3:  # the first request for each of the last 3 states: nothing cached
                        for p in ENDPOINTS:
                            first[p].append(_get(client, p, proc.pid))
                last = batch_times[-3:]
                api: dict[str, Any] = {}
                for p in ENDPOINTS:
                    again = [_get(client, p, proc.pid) for _ in range(args.repeat)]
                    api[p] = {"after_update_ms": round(1000 * statistics.median(x[0] for x in first[p]), 1),
                              "after_update_cpu_ms": round(1000 * statistics.median(x[3] for x in first[p])),
                              "after_update_all_ms": [round(1000 * x[0], 1) for x in first[p]],
                              "cached_ms": round(1000 * statistics.median(x[0] for x in again), 1),
                              "bytes": again[-1][1], "status": again[-1][2]}
                res = {"articles": store.count(), "days": -(-k // args.per_day),
                       "view_update_wall_s_per_batch": round(statistics.mean(w for w, _ in last), 3),
                       "view_update_cpu_s_per_batch": round(statistics.mean(c for _, c in last), 3),
                       "batch": args.batch, "load": round(os.getloadavg()[0], 2),
                       "elapsed_s": round(time.perf_counter() - started), "api": api,
                       "overview_parts_cpu_ms": overview_parts(store)}
                results.append(res)
                print(json.dumps(res), flush=True)
            client.close()
            store.close()
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=30)
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"\n{'articles':>9}  {'view update s/batch (CPU)':>26}  " + "  ".join(f"{p:>34}" for p in ENDPOINTS))
    for r in results:
        cells = "  ".join(f"{r['api'][p]['after_update_ms']:>6.0f} ms, CPU {r['api'][p]['after_update_cpu_ms']:>5} "
                          f"({r['api'][p]['cached_ms']:>4.0f}) {r['api'][p]['bytes'] // 1024:>4}K" for p in ENDPOINTS)
        print(f"{r['articles']:>9}  {r['view_update_wall_s_per_batch']:>14} ({r['view_update_cpu_s_per_batch']:>6})     {cells}")
    print("ms: first request after a view update, median of the last 3 updates, wall and the server's CPU "
          "(cached repeats in brackets)")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


class _nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


if __name__ == "__main__":
    main()
