"""The main job: read sources, clean, analyse, store, then bring the corpus views up to date.

The CLI and the API both call `ingest`; analysis runs in-process, in a local process
pool, or on a Dask cluster, and storing always happens here, one transaction per document.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from flashpoint.ingest.pipeline import load_articles
from flashpoint.model import AnalyzedArticle, Article, InputError
from flashpoint.nlp.pipeline import analyze
from flashpoint.store.store import Store


@dataclass
class IngestReport:
    stored: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def analyze_safely(article: Article) -> AnalyzedArticle | InputError:
    try:
        return analyze(article)
    except Exception as exc:  # noqa: BLE001 - a failing document never stops a batch
        return InputError(source=article.source, message=f"analysis failed: {type(exc).__name__}: {exc}")


def store_results(store: Store, results: Iterable[AnalyzedArticle | InputError], report: IngestReport,
                  on_error: Callable[[InputError], None] | None = None) -> None:
    for result in results:
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


def ingest(sources: Iterable[str], store: Store, *, engine: str = "local", workers: int = 1,
           scheduler: str | None = None, allow_private: bool = False, update_views: bool = True,
           on_error: Callable[[InputError], None] | None = None) -> IngestReport:
    from flashpoint.scale.runner import analyze_all

    report = IngestReport()
    articles = load_articles(sources, allow_private=allow_private)
    store_results(store, analyze_all(articles, engine=engine, workers=workers, scheduler=scheduler),
                  report, on_error)
    if update_views and report.stored:
        from flashpoint.corpus.update import update_views as refresh

        refresh(store)
    return report


def ingest_articles(articles: Iterable[Article | InputError], store: Store, *, update_views: bool = True) -> IngestReport:
    """Ingest already-built Articles (API uploads, tests, benchmarks)."""
    report = IngestReport()
    store_results(store, (a if isinstance(a, InputError) else analyze_safely(a) for a in articles), report)
    if update_views and report.stored:
        from flashpoint.corpus.update import update_views as refresh

        refresh(store)
    return report
