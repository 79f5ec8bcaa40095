"""A view backfill in one process against one prepared on a Dask cluster (a scheduler and 2 workers on 127.0.0.1).

The store: N synthetic articles (splices of real analysed reports, `bench_growth.synthetic`) stored with no
views, then copied, so both runs start from the same queue. Run 1: `update_views` in this process. Run 2:
the same with `prepare_map=prepare_on_dask(...)`: the workers read and prepare chunks of the queue (dedup
signatures, story terms, claim rows, framing terms) while this process links them in order. Reported: wall
seconds, this process's CPU (in run 2 the sequential part left to the updater), the workers' CPU, and
whether both runs built the same views.

    nice -n 10 .venv/bin/python benchmarks/bench_backfill.py [--n 4000]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_growth import base_articles, synthetic  # noqa: E402
from flashpoint.corpus.update import update_views  # noqa: E402
from flashpoint.scale.runner import prepare_on_dask  # noqa: E402
from flashpoint.store.store import Store  # noqa: E402


def _views(url: str) -> list[tuple[str, int]]:
    from sqlalchemy import func, select

    from flashpoint.corpus import tables as t

    store = Store(url)
    with store.engine.connect() as conn:
        got = [(tb.name, int(conn.execute(select(func.count()).select_from(tb)).scalar_one()))
               for tb in (t.corpus_docs, t.stories, t.merged_events, t.claim_values, t.framing_terms)]
    store.close()
    return got


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=4000)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="flashpoint-bench-backfill-"))
    try:
        base = base_articles(Path(tempfile.gettempdir()))
        local, dasked = tmp / "local.db", tmp / "dask.db"
        store = Store(f"sqlite:///{local}")
        for k in range(0, args.n, 500):
            store.add_many([synthetic(base, j, 150, 0.1) for j in range(k, min(k + 500, args.n))])
        store.close()
        shutil.copy(local, dasked)
        results = {}
        for name, path in (("one process", local), ("dask", dasked)):
            url = f"sqlite:///{path}"
            store = Store(url)
            prepare = prepare_on_dask(url, workers=args.workers) if name == "dask" else None
            c0, w0 = time.process_time(), time.perf_counter()
            update_views(store, prepare_map=prepare)
            results[name] = {"wall_s": round(time.perf_counter() - w0, 1),
                             "updater_cpu_s": round(time.process_time() - c0, 1)}
            store.close()
        same = _views(f"sqlite:///{local}") == _views(f"sqlite:///{dasked}")
        print(json.dumps({"articles": args.n, **results, "same_views": same}))
        one, on = results["one process"], results["dask"]
        print(f"{args.n} articles: one process {one['wall_s']} s wall ({one['updater_cpu_s']} s CPU); Dask "
              f"{on['wall_s']} s wall, updater {on['updater_cpu_s']} s CPU "
              f"({100 * on['updater_cpu_s'] / max(one['updater_cpu_s'], 1e-9):.0f}% of the one-process CPU left to it); "
              f"same views: {same}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
