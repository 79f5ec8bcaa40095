"""The main job: read sources, clean, analyse, store, then bring the corpus views up to date.

The CLI and the API both call `ingest`. Every per-document stage (read, clean, metadata,
analysis, store) runs where the work runs: in-process, in a local process pool, or on a Dask
cluster, the workers writing their own batches to the store (`scale.work`); this process only
hands out the work, collects ids and errors, and then updates the views.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from flashpoint.ingest.budget import SECTION_CHARS, check_time, deadline, sections
from flashpoint.ingest.decode import BadInput
from flashpoint.model import AnalyzedArticle, Article, InputError
from flashpoint.nlp.languages import is_analysed
from flashpoint.nlp.pipeline import analyze

if TYPE_CHECKING:  # `analyze` needs no database: SQLAlchemy is loaded only by those that store
    from flashpoint.store.store import Store


@dataclass
class IngestReport:
    stored: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    cpu: dict[str, float] = field(default_factory=dict)  # CPU seconds per stage, summed over the workers
    warnings: list[InputError] = field(default_factory=list)  # documents stored without records, and why

    @property
    def ok(self) -> bool:
        return not self.errors


def analyze_safely(article: Article) -> AnalyzedArticle | InputError:
    try:
        return analyze_in_sections(article)
    except BadInput as exc:  # out of its budget
        return InputError(source=article.source, message=str(exc))
    except Exception as exc:  # noqa: BLE001 - a failing document never stops a batch
        return InputError(source=article.source, message=f"analysis failed: {type(exc).__name__}: {exc}")


WARM_TEXT = "Russian forces shelled Kharkiv on Monday, killing two people, the regional governor said."
_warm: list[bool] = []


def warm_up() -> None:
    """Load what cleaning and analysis load on first use (gazetteers, trafilatura), once per process and
    before any document's time budget starts: a budget that ran out half-way through loading them would
    leave them half built."""
    if _warm:
        return
    import trafilatura  # noqa: F401

    analyze(Article(id="warm-up", source="warm-up", body=WARM_TEXT))
    _warm.append(True)


def analyze_in_sections(article: Article, size: int = SECTION_CHARS) -> AnalyzedArticle:
    """Analyse a long body section by section (offsets shifted back into the whole body), so the cost stays
    linear in its length; an article of ordinary length is one section, analysed whole."""
    parts = sections(article.body, size)
    check_time()
    if len(parts) == 1 or not is_analysed(article.language):  # a body not analysed gets its warning once
        return analyze(article)
    merged = AnalyzedArticle(**article.model_dump())
    for offset, text in parts:
        check_time()
        part = analyze(article.model_copy(update={"body": text}))
        for name in ("entities", "quotes", "timexes", "quantities", "events"):
            for span in getattr(part, name):
                span.start += offset
                span.end += offset
            getattr(merged, name).extend(getattr(part, name))
    return merged


def document_warnings(article: AnalyzedArticle) -> list[InputError]:
    """The article's warnings as lines naming it (a body in a language flashpoint does not analyse)."""
    return [InputError(source=article.source, message=w) for w in article.warnings]


def store_results(store: Store, results: Iterable[AnalyzedArticle | InputError], report: IngestReport,
                  on_error: Callable[[InputError], None] | None = None,
                  on_progress: Callable[[IngestReport], None] | None = None) -> None:
    for result in results:
        if on_progress:
            on_progress(report)
        if isinstance(result, InputError):
            report.errors.append(result)
            if on_error:
                on_error(result)
            continue
        try:
            added = store.add(result)
        except Exception as exc:  # noqa: BLE001
            err = InputError(source=result.source, message=f"could not be stored: {type(exc).__name__}: {exc}")
            report.errors.append(err)
            if on_error:
                on_error(err)
            continue
        (report.stored if added.created else report.duplicates).append(added.id)
        report.warnings += document_warnings(result)
    if on_progress:
        on_progress(report)


def ingest(sources: Iterable[str], store: Store, *, engine: str = "local", workers: int = 1,
           scheduler: str | None = None, allow_private: bool = False, update_views: bool = True,
           on_error: Callable[[InputError], None] | None = None,
           on_progress: Callable[[IngestReport], None] | None = None,
           given: dict[str, Any] | None = None,
           on_warning: Callable[[InputError], None] | None = None) -> IngestReport:
    """Read, analyse and store; `given` metadata (outlet, published, title) fills what documents lack;
    `on_progress` is called with the report so far as each task of documents is done, `on_warning` with each
    document stored without records (its language is not analysed)."""
    from dataclasses import replace

    from flashpoint.scale.runner import run_tasks
    from flashpoint.scale.work import Unit, plan_units

    report = IngestReport()
    units: list[Unit] = []
    for item in plan_units(sources, allow_private=allow_private):
        if isinstance(item, InputError):
            report.errors.append(item)
            if on_error:
                on_error(item)
        else:
            units.append(replace(item, given=tuple(sorted(given.items()))) if given else item)
    for result in run_tasks(units, store, engine=engine, workers=workers, scheduler=scheduler,
                            allow_private=allow_private):
        report.stored += result.stored
        report.duplicates += result.duplicates
        report.errors += result.errors
        report.warnings += result.warnings
        for stage, seconds in result.cpu.items():
            report.cpu[stage] = report.cpu.get(stage, 0.0) + seconds
        if on_error:
            for err in result.errors:
                on_error(err)
        if on_warning:
            for warning in result.warnings:
                on_warning(warning)
        if on_progress:
            on_progress(report)
    if update_views:
        on_cluster = (workers, scheduler) if engine == "dask" and scheduler else None
        _catch_up(store, len(report.stored), cluster=on_cluster)
    return report


BACKFILL_ON_CLUSTER = 2000  # an ingest on a Dask cluster (--scheduler) storing this many prepares their views there


def _catch_up(store: Store, added: int = 0, cluster: tuple[int, str | None] | None = None) -> None:
    """Bring the views up to date: this run's articles, and any a killed run left waiting. After a large
    ingest on a Dask cluster, the per-article part of the update runs there (`scale.runner.prepare_on_dask`);
    a local cluster is not started again for it (`benchmarks/bench_backfill.py`: not faster on one machine)."""
    from flashpoint.corpus.tables import pending

    if pending(store):
        from flashpoint.corpus.update import update_views as refresh

        if cluster is not None and added >= BACKFILL_ON_CLUSTER:
            from flashpoint.scale.runner import prepare_on_dask

            refresh(store, prepare_map=prepare_on_dask(store.url, workers=cluster[0], scheduler=cluster[1]))
        else:
            refresh(store)


Deferred = tuple[str, Callable[[], Article | InputError]]  # a document's source, and how to build its Article


def build_and_analyze(source: str, build: Callable[[], Article | InputError]) -> AnalyzedArticle | InputError:
    """One document cleaned and analysed within its time budget (`budget.deadline`); out of it, one error
    naming the document."""
    try:
        with deadline():
            article = build()
            return article if isinstance(article, InputError) else analyze_safely(article)
    except BadInput as exc:
        return InputError(source=source, message=str(exc))


def ingest_articles(articles: Iterable[Article | InputError | Deferred], store: Store, *,
                    update_views: bool = True) -> IngestReport:
    """Ingest Articles, or documents still to clean (`Deferred`: API uploads, cleaned here, each within its
    budget); for tests and benchmarks too."""
    report = IngestReport()

    def analysed(item: Article | InputError | Deferred) -> AnalyzedArticle | InputError:
        if isinstance(item, InputError):
            return item
        if isinstance(item, tuple):
            return build_and_analyze(*item)
        return build_and_analyze(item.source, lambda: item)

    store_results(store, (analysed(a) for a in articles), report)
    if update_views:
        _catch_up(store)
    return report
