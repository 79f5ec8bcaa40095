"""Running the analysis in one process, a local process pool, or on a Dask cluster."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from flashpoint.model import AnalyzedArticle, Article, InputError


def _chunks(items: Iterable[Article | InputError], size: int) -> Iterator[list[Article | InputError]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _analyze_one(item: Article | InputError) -> AnalyzedArticle | InputError:
    from flashpoint.workflow import analyze_safely

    return item if isinstance(item, InputError) else analyze_safely(item)


def analyze_all(items: Iterable[Article | InputError], *, engine: str = "local", workers: int = 1,
                scheduler: str | None = None, chunk: int = 64) -> Iterator[AnalyzedArticle | InputError]:
    if engine == "dask":
        yield from _analyze_dask(items, workers=workers, scheduler=scheduler, chunk=chunk)
    elif engine == "local" and workers > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=workers) as pool:
            for batch in _chunks(items, chunk):
                yield from pool.map(_analyze_one, batch)
    elif engine == "local":
        for item in items:
            yield _analyze_one(item)
    else:
        raise ValueError(f"unknown engine {engine!r}: use local or dask")


def _analyze_dask(items: Iterable[Article | InputError], *, workers: int, scheduler: str | None,
                  chunk: int) -> Iterator[AnalyzedArticle | InputError]:
    from dask.distributed import Client, LocalCluster

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        for batch in _chunks(items, chunk):
            futures = client.map(_analyze_one, batch, pure=False)
            yield from client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
