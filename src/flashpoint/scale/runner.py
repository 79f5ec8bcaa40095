"""Running the work in one process, a local process pool, or on a Dask cluster.

`run_tasks` is the coordinator of an ingest: it hands out tasks of a few source units
(`scale.work`), each worker reads, cleans, analyses and stores them itself, and it keeps
track of which tasks are done. A task whose worker died is handed out again (a local pool
is restarted; Dask reschedules on its own), and since storing is idempotent nothing is
stored twice; a task that kills its worker MAX_ATTEMPTS times is reported as an error.
`analyze_all` is the older shape (analysis only, results back to the caller), kept for
callers that store nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from typing import TYPE_CHECKING, Any

from flashpoint.model import AnalyzedArticle, Article, InputError
from flashpoint.scale.work import STORE_BATCH, TaskResult, Unit, prepare_stored, run_task

if TYPE_CHECKING:
    from flashpoint.corpus.update import Prepared, PrepareMap
    from flashpoint.store.store import Store

TASK_UNITS = 16  # source units per task: small enough to balance workers, big enough to batch the store
MAX_ATTEMPTS = 3


def _tasks(units: Iterable[Unit], size: int) -> Iterator[list[Unit]]:
    it = iter(units)
    while chunk := list(islice(it, size)):
        yield chunk


def run_tasks(units: Iterable[Unit], store: Store, *, engine: str = "local", workers: int = 1,
              scheduler: str | None = None, allow_private: bool = False,
              task_units: int = TASK_UNITS, batch: int = STORE_BATCH) -> Iterator[TaskResult]:
    """Hand out the units in tasks and yield each task's result as it completes. Worker processes open the
    store by its URL, so it must be one they can reach (a file or a server, not SQLite in memory)."""
    if engine not in ("local", "dask"):
        raise ValueError(f"unknown engine {engine!r}: use local or dask")
    tasks = list(_tasks(units, task_units))
    if engine == "local" and workers <= 1:
        for task in tasks:
            yield run_task(task, store, allow_private, batch)
        return
    if store.url.startswith("sqlite") and store.engine.url.database in (None, "", ":memory:"):
        raise ValueError("a SQLite store in memory cannot be shared with worker processes: use a file or PostgreSQL")
    url = store.engine.url.render_as_string(hide_password=False)
    if engine == "dask":
        yield from _run_dask(tasks, url, workers, scheduler, allow_private, batch)
    else:
        yield from _run_pool(tasks, url, workers, allow_private, batch)


def _given_up(task: list[Unit], why: str) -> TaskResult:
    return TaskResult(units=len(task), errors=[InputError(source=u.spec, message=why) for u in task])


def _run_pool(tasks: list[list[Unit]], store_url: str, workers: int, allow_private: bool,
              batch: int) -> Iterator[TaskResult]:
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    pending = dict(enumerate(tasks))
    attempts = dict.fromkeys(pending, 0)
    while pending:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = {pool.submit(run_task, task, store_url, allow_private, batch): i for i, task in pending.items()}
            try:
                for fut in as_completed(futures):
                    result = fut.result()
                    del pending[futures[fut]]
                    yield result
            except BrokenProcessPool:
                for fut, i in futures.items():  # finished before the pool broke: keep
                    if i in pending and fut.done() and fut.exception() is None:
                        del pending[i]
                        yield fut.result()
                for i in list(pending):
                    attempts[i] += 1
                    if attempts[i] >= MAX_ATTEMPTS:
                        yield _given_up(pending.pop(i), f"a worker process died {MAX_ATTEMPTS} times on this task")


@contextmanager
def dask_client(workers: int, scheduler: str | None) -> Iterator[Any]:
    """A client of the cluster at `scheduler`, or of a local cluster of `workers` one-thread processes
    started for the run (the analysis is pure Python: a process per core is what scales)."""
    from dask.distributed import Client, LocalCluster

    cluster = None if scheduler else LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                                                  dashboard_address=None)
    client = Client(scheduler or cluster)
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _run_dask(tasks: list[list[Unit]], store_url: str, workers: int, scheduler: str | None,
              allow_private: bool, batch: int) -> Iterator[TaskResult]:
    from dask.distributed import as_completed

    with dask_client(workers, scheduler) as client:
        futures = client.map(run_task, tasks, store=store_url, allow_private=allow_private, batch=batch,
                             pure=False)
        index = {fut.key: i for i, fut in enumerate(futures)}
        for fut in as_completed(futures):
            try:
                yield fut.result()
            except Exception as exc:  # noqa: BLE001 - KilledWorker and the like: the rest goes on
                yield _given_up(tasks[index[fut.key]], f"the cluster gave up on this task: {type(exc).__name__}")


AHEAD = 4  # backfill chunks prepared ahead of the updater: the workers stay busy, memory stays bounded


def prepare_on_dask(store_url: str, *, workers: int = 2, scheduler: str | None = None) -> PrepareMap:
    """A `prepare_map` for `corpus.update.update_views`: each chunk of queued articles is read and prepared by a
    Dask worker (`scale.work.prepare_stored`), AHEAD chunks in flight, handed back in queue order."""
    def run(chunks: list[list[int]]) -> Iterator[list[tuple[int, AnalyzedArticle, Prepared]]]:
        from collections import deque

        with dask_client(workers, scheduler) as client:
            flight = deque(client.submit(prepare_stored, store_url, c, pure=False) for c in chunks[:AHEAD])
            for nxt in chunks[AHEAD:] + [None] * min(AHEAD, len(chunks)):
                rows = flight.popleft().result()
                if nxt is not None:
                    flight.append(client.submit(prepare_stored, store_url, nxt, pure=False))
                yield rows

    return run


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
    with dask_client(workers, scheduler) as client:
        for batch in _chunks(items, chunk):
            futures = client.map(_analyze_one, batch, pure=False)
            yield from client.gather(futures)
