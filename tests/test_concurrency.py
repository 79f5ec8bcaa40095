"""Several writers and readers on one store, SQLite and PostgreSQL: nothing lost, nothing left out, no false errors.

Real `flashpoint ingest` processes run side by side on a fresh store while another process reads the views;
afterwards every stored article is in the corpus views exactly once.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
from pathlib import Path

from sqlalchemy import func, select

from flashpoint.corpus import tables as t
from flashpoint.corpus.update import pending, update_views
from flashpoint.model import AnalyzedArticle
from flashpoint.store import schema
from flashpoint.store.store import Store

PLACES = ["Kharkiv", "Donetsk", "Mariupol", "Odesa", "Kherson", "Sumy", "Lviv", "Dnipro", "Mykolaiv", "Bakhmut"]
N = 16

READER = """
import sys, time
from pathlib import Path
from flashpoint.corpus import views
from flashpoint.store.store import Store
store = Store(sys.argv[1])  # a third process creating the schema of a fresh store at the same moment
stop = Path(sys.argv[2])
reads = 0
while not stop.exists():
    views.stories(store)
    views.timeline(store)
    reads += 1
    time.sleep(0.1)
print(reads)
"""


def _corpus(tmp_path: Path) -> tuple[Path, Path, Path]:
    """Short distinct articles, in two disjoint halves and whole."""
    lines = []
    for i in range(N):
        place = PLACES[i % len(PLACES)]
        lines.append(json.dumps({
            "id": f"c{i}", "title": f"Shelling near {place}, report {i}", "outlet": ["Reuters", "AFP", "BBC"][i % 3],
            "published": f"2022-05-{1 + i % 28:02d}",
            "text": f"Russian forces shelled {place} on Tuesday, killing {i + 2} civilians, the regional governor "
                    f"said. Ukraine's army said it repelled {i + 3} attacks near {place} in report {i}."}))
    whole, first, second = tmp_path / "all.jsonl", tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    whole.write_text("\n".join(lines) + "\n")
    first.write_text("\n".join(lines[0::2]) + "\n")
    second.write_text("\n".join(lines[1::2]) + "\n")
    return whole, first, second


def _ingest(path: Path, db: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "flashpoint.cli", "ingest", str(path), "--db", db],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _counts(db: str) -> tuple[int, int, int, int]:
    store = Store(db)
    with store.engine.connect() as conn:
        n_articles = conn.execute(select(func.count()).select_from(schema.articles)).scalar_one()
        n_docs = conn.execute(select(func.count()).select_from(t.corpus_docs)).scalar_one()
        distinct = conn.execute(select(func.count(func.distinct(t.corpus_docs.c.article_pk)))).scalar_one()
        queued = conn.execute(select(func.count()).select_from(schema.view_queue)).scalar_one()
    store.close()
    return n_articles, n_docs, distinct, queued


def _run_side_by_side(paths: list[Path], db: str, tmp_path: Path) -> list[tuple[int, str, str]]:
    stop = tmp_path / "stop"
    reader = subprocess.Popen([sys.executable, "-c", READER, db, str(stop)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    writers = [_ingest(p, db) for p in paths]
    results = []
    for w in writers:
        out, err = w.communicate(timeout=300)
        results.append((w.returncode, out, err))
    stop.write_text("")
    out, err = reader.communicate(timeout=120)
    assert reader.returncode == 0, err
    return results


def test_disjoint_writers_and_a_reader_leave_nothing_out(db_url: str, tmp_path: Path) -> None:
    _whole, first, second = _corpus(tmp_path)
    results = _run_side_by_side([first, second], db_url, tmp_path)
    for code, out, err in results:
        assert code == 0, err  # a fresh store: neither fails on "table already exists"
        assert "Traceback" not in err and "could not be stored" not in out + err
    assert _counts(db_url) == (N, N, N, 0)


def test_the_same_corpus_twice_at_once_is_stored_once_without_false_errors(db_url: str, tmp_path: Path) -> None:
    whole, _first, _second = _corpus(tmp_path)
    results = _run_side_by_side([whole, whole], db_url, tmp_path)
    stored = present = 0
    for code, out, err in results:
        assert code == 0, out + err
        assert "Traceback" not in err and "could not be stored" not in out + err
        m = re.search(r"stored (\d+), already present (\d+), failed (\d+)", out + err)
        assert m is not None, out + err
        stored, present = stored + int(m[1]), present + int(m[2])
        assert m[3] == "0"
    assert (stored, present) == (N, N)
    assert _counts(db_url) == (N, N, N, 0)


def _analysed(i: int) -> AnalyzedArticle:
    body = f"Russian forces shelled {PLACES[i]} overnight, the governor said, in report number {i}."
    return AnalyzedArticle(id=f"late{i}", source=f"late{i}.txt", title=f"Report {i}", outlet="AFP",
                           published="2022-05-03", body=body)


def test_a_lower_number_committed_after_a_higher_one_still_enters_the_views(pg_url: str) -> None:
    """PostgreSQL hands out article numbers at insert: a writer can commit number 1 after number 2 was
    stored and processed. The views go by what is queued, not by the largest number seen."""
    inserted, release = threading.Event(), threading.Event()

    class SlowStore(Store):
        def _insert_spans(self, conn, articles):  # type: ignore[no-untyped-def]
            if any(a.id == "late0" for a in articles):  # holds its transaction open after taking its number
                inserted.set()
                release.wait(60)
            super()._insert_spans(conn, articles)

    store = SlowStore(pg_url)
    slow = threading.Thread(target=store.add, args=(_analysed(0),))
    slow.start()
    assert inserted.wait(60)
    store.add(_analysed(1))
    update_views(store)  # processes number 2 while number 1 is not yet committed
    release.set()
    slow.join(60)
    assert pending(store)
    update_views(store)
    with store.engine.connect() as conn:
        docs = sorted(conn.execute(select(t.corpus_docs.c.article_id)).scalars())
    assert docs == ["late0", "late1"] and not pending(store)
    store.close()


def test_a_read_answers_from_the_views_as_they_are_while_another_process_writes(sqlite_url: str) -> None:
    """A reader finding articles waiting does not queue behind a writer holding SQLite's write lock (an ingest's
    view batch): it answers from the views as they are, and the writer catches up."""
    from flashpoint.corpus import views

    store = Store(sqlite_url)
    store.add(_analysed(0))
    update_views(store)
    store.add(_analysed(1))
    writer = Store(sqlite_url)
    done = threading.Event()
    seen: list[int] = []

    def read() -> None:
        seen.append(sum(len(s["article_ids"]) for s in views.stories(store)))
        done.set()

    with writer.write():  # another process's write transaction, held
        reader = threading.Thread(target=read)
        reader.start()
        answered_while_held = done.wait(120)
    reader.join(120)
    assert answered_while_held and seen == [1]
    update_views(store)
    assert sum(len(s["article_ids"]) for s in views.stories(store)) == 2
    store.close()
    writer.close()
