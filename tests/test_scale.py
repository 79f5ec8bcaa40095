"""The same analysis in-process, in a local process pool and on a real (local) Dask cluster."""

from pathlib import Path

import pytest

from flashpoint.model import Article, InputError
from flashpoint.scale.runner import analyze_all, run_tasks
from flashpoint.scale.work import Unit
from flashpoint.store.store import Store
from flashpoint.workflow import ingest

TEXTS = [
    "Russia accused Ukraine of shelling Donetsk on Monday. \"We will respond,\" the Kremlin said.",
    "NATO foreign ministers met in Brussels on Tuesday and urged Moscow to pull back its troops.",
    "Ukrainian officials said 12 soldiers were killed and 30 wounded in fighting near Kharkiv.",
]


def _items() -> list[Article | InputError]:
    items: list[Article | InputError] = [
        Article(id=f"s{i}", source=f"mem:{i}", body=t, published="2022-02-23") for i, t in enumerate(TEXTS)
    ]
    items.append(InputError(source="bad.bin", message="binary input"))
    return items


def _records(results: list) -> list:
    return [r.model_dump() for r in results]


def test_pool_and_dask_match_in_process() -> None:
    serial = list(analyze_all(_items(), engine="local", workers=1))
    pooled = list(analyze_all(_items(), engine="local", workers=2, chunk=2))
    dasked = list(analyze_all(_items(), engine="dask", workers=1, chunk=2))
    assert [type(r).__name__ for r in serial] == ["AnalyzedArticle"] * 3 + ["InputError"]
    assert _records(pooled) == _records(serial)
    assert _records(dasked) == _records(serial)


def test_unknown_engine_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown engine"):
        list(analyze_all(_items(), engine="spark"))


# -- the whole ingest in the workers -------------------------------------------------------

REPORT = ("{place} officials said Russian forces shelled the town of {place} on 3 May 2022, killing {n} "
          "civilians. \"We will respond,\" the Ukrainian defence ministry said.")
PLACES = ["Kharkiv", "Izium", "Sumy", "Bakhmut", "Lysychansk", "Kramatorsk", "Mykolaiv", "Odesa"]


def _write_reports(folder: Path, marker_at: int | None = None) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, place in enumerate(PLACES):
        text = REPORT.format(place=place, n=10 + i)
        if i == marker_at:
            text += " KILL-THE-WORKER"
        path = folder / f"{i:02d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _stored(url: str) -> dict[str, dict]:
    store = Store(url)
    try:
        return {a.id: a.record() for _, a in store.iter_articles()}
    finally:
        store.close()


@pytest.mark.parametrize("engine,workers", [("local", 2), ("dask", 2)])
def test_workers_read_analyse_and_store_what_one_process_does(tmp_path: Path, pg_url: str, engine: str,
                                                            workers: int) -> None:
    folder = tmp_path / "in"
    _write_reports(folder)
    (folder / "copy.txt").write_text((folder / "00.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    serial_url = f"sqlite:///{tmp_path / 'serial.db'}"
    serial = ingest([str(folder)], Store(serial_url), update_views=False)
    spread = ingest([str(folder)], Store(pg_url), engine=engine, workers=workers, update_views=False)
    assert len(spread.stored) == len(serial.stored) == len(PLACES)
    assert len(spread.duplicates) == 1 and [e.source for e in spread.errors] == [str(folder / "empty.txt")]
    assert spread.cpu["analyze"] > 0 and spread.cpu["clean"] > 0 and spread.cpu["store"] > 0
    assert _stored(pg_url) == _stored(serial_url)


def test_a_killed_worker_has_its_task_redone_and_nothing_stored_twice(tmp_path: Path, sqlite_url: str,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The 4th document of the first task kills its worker process after the task stored two documents:
    the task is handed out again, the two already stored are recognised, every document is stored once."""
    (tmp_path / "killer.py").write_text(
        "import os\nfrom pathlib import Path\nfrom flashpoint.nlp.entities import extract_entities as builtin\n"
        "def extract_entities(doc):\n"
        "    mark = Path(os.environ['KILL_MARK'])\n"
        "    if 'KILL-THE-WORKER' in doc.body and not mark.exists():\n"
        "        mark.write_text('killed')\n"
        "        os._exit(1)\n"
        "    return builtin(doc)\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setenv("FLASHPOINT_BACKENDS", "entities=killer:extract_entities")
    monkeypatch.setenv("KILL_MARK", str(tmp_path / "killed"))
    paths = _write_reports(tmp_path / "in", marker_at=3)
    store = Store(sqlite_url)
    results = list(run_tasks([Unit(str(p)) for p in paths], store, workers=2, task_units=4, batch=2))
    assert (tmp_path / "killed").exists()  # the worker did die
    stored = [i for r in results for i in r.stored]
    redone = [i for r in results for i in r.duplicates]  # stored by the attempt that died
    assert not [e for r in results for e in r.errors]
    assert len(redone) >= 2 and len(stored) == len(set(stored))
    assert store.count() == len(PLACES) == len(set(stored) | set(redone))
    assert len(_stored(sqlite_url)) == len(PLACES)


def test_a_store_in_memory_is_not_handed_to_worker_processes() -> None:
    with pytest.raises(ValueError, match="in memory"):
        list(run_tasks([Unit("x.txt")], Store("sqlite://"), workers=2))


# -- the view update's per-article part on the cluster (a backfill) ------------------------

def _views_of(url: str) -> dict[str, list]:
    from sqlalchemy import select

    from flashpoint.corpus import tables as t

    store = Store(url)
    out = {}
    with store.engine.connect() as conn:
        for table, cols in ((t.corpus_docs, ("article_pk", "canonical_id", "story_id", "story_similarity", "features")),
                            (t.merged_events, ("key", "date", "n_mentions", "confidence", "counted")),
                            (t.claim_values, ("article_pk", "kind", "subject", "value", "canonical")),
                            (t.framing_terms, ("article_pk", "pair", "side", "term", "count")),
                            (t.timeline_days, ("date", "certain", "every"))):
            out[table.name] = sorted(tuple(str(r[c]) for c in cols) for r in conn.execute(select(table)).mappings())
    store.close()
    return out


def test_a_backfill_prepared_on_dask_builds_the_views_a_local_update_builds(tmp_path: Path, monkeypatch) -> None:
    """The sample corpus stored once and copied: one copy's views updated in this process, the other's with
    each chunk of queued articles read and prepared by a Dask worker (chunks of 6, several in flight):
    the same stories, near-copies, merged events, claims, framing terms and timeline counts."""
    import shutil

    from flashpoint.corpus import update
    from flashpoint.demo import sample_dir
    from flashpoint.scale.runner import prepare_on_dask

    local, dasked = tmp_path / "local.db", tmp_path / "dask.db"
    store = Store(f"sqlite:///{local}")
    assert ingest([str(sample_dir())], store, update_views=False).stored
    store.close()
    shutil.copy(local, dasked)
    monkeypatch.setattr(update, "BATCH", 6)
    store = Store(f"sqlite:///{local}")
    update.update_views(store)
    store.close()
    on_dask = prepare_on_dask(f"sqlite:///{dasked}", workers=2)
    prepared_there: list[int] = []

    def counted(chunks: list[list[int]]):  # type: ignore[no-untyped-def]
        for rows in on_dask(chunks):
            prepared_there.extend(pk for pk, _art, _prepared in rows)
            yield rows

    store = Store(f"sqlite:///{dasked}")
    n = store.count()
    update.update_views(store, prepare_map=counted)
    store.close()
    assert sorted(prepared_there) == list(range(1, n + 1))  # every article was prepared by a worker
    built, backfilled = _views_of(f"sqlite:///{local}"), _views_of(f"sqlite:///{dasked}")
    assert all(built[name] for name in ("corpus_docs", "merged_events", "claim_values", "framing_terms"))
    assert backfilled == built
