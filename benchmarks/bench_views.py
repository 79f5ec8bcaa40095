"""Time to build the corpus views for 1,000, 10,000 and all RUWA records, against reading them back.

    .venv/bin/python benchmarks/bench_views.py --source sqlite:///ruwa.db [--sizes 1000,10000,0]

The source store is one `benchmarks/ruwa.py` filled (the analysis itself is not timed here).
For each size N (0 = all) the first N analysed articles are copied into a fresh SQLite store,
then, in the same run:
- baseline: reading the N records back from the store (`Store.iter_articles`);
- views: building every view table from scratch (`update_views` on an unprocessed store);
- incremental: adding 10 more articles and bringing the views up to date (for "all", the
  last 10 are held back from the build and added then).
It prints seconds and the ratio views / baseline for each size; near-linear growth shows as
a steady ratio and a steady time per article as N grows.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path


def _copy(source, n: int | None, url: str):  # type: ignore[no-untyped-def]
    from flashpoint.store.store import Store

    dest = Store(url)
    extra = []
    for i, (_pk, art) in enumerate(source.iter_articles()):
        if n is not None and i >= n:
            if len(extra) < 10:
                extra.append(art)
                continue
            break
        dest.add(art)
    return dest, extra


def main(argv: list[str] | None = None) -> list[dict]:
    from flashpoint.corpus.update import update_views
    from flashpoint.store.store import Store

    ap = argparse.ArgumentParser()
    ap.add_argument("--source", default="sqlite:///ruwa.db")
    ap.add_argument("--sizes", default="1000,10000,0")
    args = ap.parse_args(argv)
    source = Store(args.source, create=False)
    total = source.count()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in [int(s) for s in args.sizes.split(",")]:
            n = total - 10 if size == 0 or size >= total else size  # keep 10 back for the incremental step
            dest, extra = _copy(source, n, f"sqlite:///{Path(tmp) / f'b{size}.db'}")
            count = dest.count()
            t0 = time.perf_counter()
            read = sum(1 for _ in dest.iter_articles())
            baseline = time.perf_counter() - t0
            t0 = time.perf_counter()
            update_views(dest)
            build = time.perf_counter() - t0
            row = {"articles": count, "read_seconds": round(baseline, 2), "views_seconds": round(build, 2),
                   "ratio_views_to_read": round(build / baseline, 2) if baseline else None,
                   "ms_per_article": round(1000 * build / max(read, 1), 2)}
            if extra:
                for art in extra:
                    dest.add(art)
                t0 = time.perf_counter()
                update_views(dest)
                row["add_10_seconds"] = round(time.perf_counter() - t0, 3)
            results.append(row)
            dest.close()
            print(json.dumps(row), file=sys.stderr)
    source.close()
    json.dump(results, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return results


if __name__ == "__main__":
    main()
