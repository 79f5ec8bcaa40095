"""The work a worker does: read, clean, describe, analyse and store its share of the sources.

The coordinator (`scale.runner`) splits the sources into units (one file, URL or feed each; a
directory becomes its files; standard input is read once, there) and hands out tasks of a few
units. A worker runs every per-document stage itself and writes what it analysed to the store in
batches, so only ids, errors and CPU seconds travel back. Storing is idempotent (content hash,
canonical URL, id), so a task redone after its worker died stores nothing twice.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flashpoint.model import AnalyzedArticle, InputError, RawDocument

if TYPE_CHECKING:
    from flashpoint.store.store import Store

STAGES = ("read", "clean", "meta", "analyze", "store")
STORE_BATCH = 64  # analysed documents written per transaction


@dataclass(frozen=True)
class Unit:
    """One source a worker reads on its own: a file path or URL, or a document read by the coordinator."""

    spec: str
    raw: RawDocument | None = None
    given: tuple[tuple[str, str], ...] = ()  # metadata for documents that lack it (`ingest --outlet ...`)


@dataclass
class TaskResult:
    units: int = 0
    documents: int = 0
    stored: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    cpu: dict[str, float] = field(default_factory=dict)  # CPU seconds per stage, in the worker
    worker: int = 0  # the worker's process id
    warnings: list[InputError] = field(default_factory=list)  # documents stored without records, and why

    def merge(self, other: TaskResult) -> None:
        self.units += other.units
        self.documents += other.documents
        self.stored += other.stored
        self.duplicates += other.duplicates
        self.errors += other.errors
        self.warnings += other.warnings
        for stage, seconds in other.cpu.items():
            self.cpu[stage] = self.cpu.get(stage, 0.0) + seconds


def plan_units(sources: Iterable[str], allow_private: bool = False) -> Iterator[Unit | InputError]:
    """Split source specs into units without reading them (directories are listed, stdin is read)."""
    from flashpoint.ingest.sources import NO_FILES, directory_files, is_url, read_stdin

    for spec in sources:
        if spec == "-":
            for item in read_stdin():
                yield item if isinstance(item, InputError) else Unit("-", item)
        elif not is_url(spec) and Path(spec).is_dir():
            found = False
            for path in directory_files(Path(spec)):
                found = True
                yield Unit(str(path))
            if not found:
                yield InputError(source=spec, message=NO_FILES)
        else:
            yield Unit(spec)


_STORES: dict[str, Store] = {}


def worker_store(url: str) -> Store:
    """One store (engine and connection pool) per worker process and URL, opened on first use."""
    from flashpoint.store.store import Store

    store = _STORES.get(url)
    if store is None:
        store = _STORES[url] = Store(url, create=False)
    return store


def _documents(unit: Unit, allow_private: bool) -> Iterator[RawDocument | InputError]:
    for doc in _read(unit, allow_private):
        if unit.given and isinstance(doc, RawDocument):
            doc.given = {**dict(unit.given), **doc.given}  # what the document carries itself wins
        yield doc


def _read(unit: Unit, allow_private: bool) -> Iterator[RawDocument | InputError]:
    from flashpoint.ingest.sources import iter_source

    if unit.raw is not None:
        yield unit.raw
        return
    try:
        yield from iter_source(unit.spec, allow_private=allow_private)
    except Exception as exc:  # noqa: BLE001 - one bad source never stops a batch
        yield InputError(source=unit.spec, message=f"{type(exc).__name__}: {exc}")


def run_task(units: list[Unit], store: Store | str, allow_private: bool = False,
             batch: int = STORE_BATCH) -> TaskResult:
    """Every stage for every document of the units; analysed documents are stored in batches of `batch`.
    `store` is a URL in a worker process (it opens its own), or the caller's Store when run in-process."""
    from flashpoint.ingest.budget import deadline
    from flashpoint.ingest.decode import BadInput
    from flashpoint.ingest.pipeline import build_article
    from flashpoint.workflow import analyze_safely, document_warnings, warm_up

    if isinstance(store, str):
        store = worker_store(store)
    warm_up()
    out = TaskResult(units=len(units), cpu=dict.fromkeys(STAGES, 0.0), worker=os.getpid())
    pending: list[AnalyzedArticle] = []

    def flush() -> None:
        start = time.process_time()
        try:
            for added in store.add_many(pending):
                (out.stored if added.created else out.duplicates).append(added.id)
        except Exception as exc:  # noqa: BLE001 - the batch is reported, the task goes on
            out.errors += [InputError(source=a.source, message=f"could not be stored: {type(exc).__name__}: {exc}")
                           for a in pending]
        pending.clear()
        out.cpu["store"] += time.process_time() - start

    for unit in units:
        docs = _documents(unit, allow_private)
        while True:
            start = time.process_time()
            raw = next(docs, None)
            out.cpu["read"] += time.process_time() - start
            if raw is None:
                break
            if isinstance(raw, InputError):
                out.errors.append(raw)
                continue
            out.documents += 1
            try:
                with deadline():  # a page that would hold the batch becomes one error naming it
                    article = build_article(raw, out.cpu)
                    start = time.process_time()
                    result = analyze_safely(article)
                    out.cpu["analyze"] += time.process_time() - start
            except BadInput as exc:
                out.errors.append(InputError(source=raw.source, message=str(exc)))
                continue
            except Exception as exc:  # noqa: BLE001 - one bad document never stops a batch
                out.errors.append(InputError(source=raw.source, message=f"{type(exc).__name__}: {exc}"))
                continue
            if isinstance(result, InputError):
                out.errors.append(result)
                continue
            out.warnings += document_warnings(result)
            pending.append(result)
            if len(pending) >= batch:
                flush()
    flush()
    return out


def prepare_stored(url: str, pks: list[int]) -> list[tuple[int, AnalyzedArticle, Any]]:
    """A backfill task: stored articles read by this worker, each with the per-article part of the view
    update (`corpus.update.prepare`)."""
    from flashpoint.corpus.update import prepare

    return [(pk, art, prepare(art)) for pk, art in worker_store(url).articles_by_pk(pks)]
