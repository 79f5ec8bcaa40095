"""Ingest the same N HTML articles with 1 worker, 2 local workers and a Dask cluster, on PostgreSQL.

Data: the 181 HTML pages of ../shared/eval/article-extraction, repeated with variations until there are N
(each copy gets one extra paragraph naming its number, so every copy is a new article), written as
.html.gz files. Each configuration ingests them into a fresh database of a throw-away PostgreSQL cluster
through `flashpoint.workflow.ingest`, the function behind `flashpoint ingest`: the workers read, clean,
describe, analyse and store; this process plans the work and collects ids. The view update runs after,
in this process, and is timed on its own. Nothing is warmed up beforehand: each run is a first pass.

Reported per configuration: wall seconds and articles/s; CPU seconds of this process (the coordinator),
of the workers, and each stage's CPU seconds summed over the workers (read, clean, metadata, analyse,
store); the coordinator's share of all CPU; peak resident memory (getrusage / VmHWM) of the coordinator
and of the largest worker; the machine's load average before and after. Then bytes per article stored.

The Dask cluster is a real one: `dask scheduler` and two `dask worker --nthreads 1` processes on
127.0.0.1. On a machine shared with other work the wall-clock speed-up of two workers measures the
neighbours too: read it beside the CPU figures and the load average.

    .venv/bin/python benchmarks/bench_scale.py --n 10000 [--configs 1,2,dask] [--json out.json]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _pg import new_database, pg_cluster, relation_bytes  # noqa: E402
from flashpoint.store.store import Store  # noqa: E402
from flashpoint.workflow import ingest  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT.parent / "shared" / "eval" / "article-extraction" / "html"
TABLES = ["articles", "entities", "quotes", "timexes", "quantities", "events"]
_URL_TAG = re.compile(r"<(?:link|meta)\b[^>]*(?:canonical|og:url|twitter:url)[^>]*>", re.I)  # its own URL
_URL_ATTR = re.compile(r"((?:href|content)=)([\"'])(https?://[^\"']+)\2", re.I)
_LONG_TEXT = re.compile(r"<(?!script|style)[a-zA-Z][a-zA-Z0-9]*\b[^>]*>([^<]{80,})<")


def variant(page: str, i: int) -> str:
    """Copy i of a page: a sentence naming the copy added to each long run of text and its title, and its own
    URL (canonical, og:url) given an `edition` query, so every copy is a new article."""
    if i < 181:
        return page
    extra = f" This is edition {i} of the report."
    out = _LONG_TEXT.sub(lambda m: m.group(0)[:-1] + extra + "<", page)
    out = _URL_TAG.sub(lambda m: _URL_ATTR.sub(lambda a: f"{a.group(1)}{a.group(2)}{a.group(3)}"
                                               f"{'&' if '?' in a.group(3) else '?'}edition={i}{a.group(2)}", m.group(0)), out)
    return re.sub(r"(<title[^>]*>)", rf"\g<1>Edition {i}: ", out, count=1)


def write_corpus(folder: Path, n: int) -> int:
    pages = [gzip.decompress(p.read_bytes()).decode("utf-8", errors="replace") for p in sorted(PAGES.glob("*.html.gz"))]
    for i in range(n):
        sub = folder / f"{i // 500:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{i:06d}.html.gz").write_bytes(gzip.compress(variant(pages[i % len(pages)], i).encode(), 1))
    return n


def _cpu_self() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _cpu_children() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _proc_cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _proc_peak_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


class DaskCluster:
    """`dask scheduler` and two single-threaded `dask worker` processes on 127.0.0.1."""

    def __init__(self, workers: int = 2) -> None:
        from _pg import _free_port

        dask = str(Path(sys.executable).parent / "dask")
        port = _free_port()
        self.address = f"tcp://127.0.0.1:{port}"
        self.log = tempfile.TemporaryFile()
        self.scheduler = subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                           "--no-dashboard"], stdout=self.log, stderr=self.log)
        self.workers = [subprocess.Popen([dask, "worker", self.address, "--nthreads", "1", "--no-nanny",
                                          "--no-dashboard", "--host", "127.0.0.1"], stdout=self.log, stderr=self.log)
                        for _ in range(workers)]
        from dask.distributed import Client

        with Client(self.address, timeout=60) as client:
            client.wait_for_workers(workers, timeout=120)

    def cpu(self) -> float:
        return sum(_proc_cpu(p.pid) for p in self.workers)

    def peak_mib(self) -> float:
        return max(_proc_peak_mib(p.pid) for p in self.workers)

    def close(self) -> None:
        for p in [*self.workers, self.scheduler]:
            p.terminate()
        for p in [*self.workers, self.scheduler]:
            try:
                p.wait(timeout=60)
            except subprocess.TimeoutExpired:  # a loaded machine: stop it the hard way
                p.kill()
                p.wait()


def run(config: str, folder: Path, base_url: str) -> dict[str, Any]:
    url = new_database(base_url, f"bench_{config}")
    store = Store(url)
    cluster = DaskCluster(2) if config == "dask" else None
    engine, workers = ("dask", 2) if config == "dask" else ("local", int(config))
    load_before = os.getloadavg()[0]
    try:
        worker_cpu0 = cluster.cpu() if cluster else _cpu_children()
        main0, wall0 = _cpu_self(), time.perf_counter()
        report = ingest([str(folder)], store, engine=engine, workers=workers,
                        scheduler=cluster.address if cluster else None, update_views=False)
        wall = time.perf_counter() - wall0
        main_cpu = _cpu_self() - main0
        worker_cpu = (cluster.cpu() if cluster else _cpu_children()) - worker_cpu0
        worker_peak = (cluster.peak_mib() if cluster else
                       resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
    finally:
        if cluster:
            cluster.close()
    from flashpoint.corpus.update import update_views

    v_main0, v_wall0 = _cpu_self(), time.perf_counter()
    update_views(store)
    views_wall, views_cpu = time.perf_counter() - v_wall0, _cpu_self() - v_main0
    n = len(report.stored)
    sizes = relation_bytes(url, TABLES)
    store.close()
    if workers == 1 and engine == "local":  # everything ran in this process
        worker_cpu, main_cpu = main_cpu, 0.0
    total_cpu = main_cpu + worker_cpu
    return {"config": config, "stored": n, "already_present": len(report.duplicates), "failed": len(report.errors),
            "wall_s": round(wall, 1), "articles_per_s": round(n / wall, 2),
            "cpu_coordinator_s": round(main_cpu, 1), "cpu_workers_s": round(worker_cpu, 1),
            "coordinator_share": round(main_cpu / total_cpu, 4) if total_cpu else None,
            "cpu_per_stage_s": {k: round(v, 1) for k, v in report.cpu.items()},
            "cpu_ms_per_article": round(1000 * total_cpu / max(n, 1), 1),
            "peak_coordinator_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "peak_worker_mib": round(worker_peak, 1),
            "views_wall_s": round(views_wall, 1), "views_cpu_s": round(views_cpu, 1),
            "bytes_per_article": round(sum(sizes.values()) / max(n, 1)),
            "bytes_per_article_by_table": {k: round(v / max(n, 1)) for k, v in sizes.items()},
            "load_before": round(load_before, 2), "load_after": round(os.getloadavg()[0], 2)}


def record_sizes(url: str, sample: int = 200) -> dict[str, float]:
    """Stored (compact) record bytes against the full record's, on a sample of stored articles."""
    store = Store(url)
    stored, full = 0, 0
    from sqlalchemy import select

    from flashpoint.store import schema

    with store.engine.connect() as conn:
        rows = conn.execute(select(schema.articles.c.id, schema.articles.c.record).limit(sample)).all()
    for aid, record in rows:
        stored += len(json.dumps(record, ensure_ascii=False).encode())
        got = store.get(aid)
        full += len(json.dumps(got.record() if got else {}, ensure_ascii=False).encode())
    store.close()
    return {"record_stored_bytes": round(stored / max(len(rows), 1)), "record_full_bytes": round(full / max(len(rows), 1))}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--configs", default="1,2,dask", help="comma-separated: 1, 2 (local workers), dask")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="flashpoint-bench-scale-"))
    try:
        t0 = time.perf_counter()
        write_corpus(folder, args.n)
        print(f"{args.n} HTML articles written in {time.perf_counter() - t0:.0f} s; cores: {os.cpu_count()}", flush=True)
        results = []
        with pg_cluster() as base:
            for config in args.configs.split(","):
                res = run(config, folder, base)
                if not results:
                    res.update(record_sizes(f"{base}/bench_{config}"))
                results.append(res)
                print(json.dumps(res), flush=True)
        one = next((r for r in results if r["config"] == "1"), None)
        print("\nconfig  stored  wall s  art/s  speed-up  coordinator CPU share  CPU ms/article  "
              "views s  load before/after")
        for r in results:
            speed = f"{r['articles_per_s'] / one['articles_per_s']:.2f}x" if one else "-"
            print(f"{r['config']:>6}  {r['stored']:>6}  {r['wall_s']:>6}  {r['articles_per_s']:>5}  {speed:>8}  "
                  f"{100 * (r['coordinator_share'] or 0):>20.1f}%  {r['cpu_ms_per_article']:>14}  "
                  f"{r['views_wall_s']:>7}  {r['load_before']}/{r['load_after']}")
        stage = results[0]["cpu_per_stage_s"]
        total = sum(stage.values()) or 1
        print("CPU per stage (first config): " + ", ".join(f"{k} {v} s ({100 * v / total:.0f}%)" for k, v in stage.items()))
        print(f"bytes per article stored: {results[0]['bytes_per_article']:,} "
              f"(record JSON {results[0].get('record_stored_bytes')} B stored, {results[0].get('record_full_bytes')} B whole)")
        if args.json:
            args.json.write_text(json.dumps(results, indent=2))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
