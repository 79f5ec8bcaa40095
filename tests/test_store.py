import sqlite3
import threading
from pathlib import Path

from flashpoint.model import Actor, AnalyzedArticle, Event, Quote, Speaker
from flashpoint.store.queries import list_events, list_quotes
from flashpoint.store.store import Store, canonical_url


def _article(i: int, body: str | None = None, url: str | None = None) -> AnalyzedArticle:
    body = body or f"Article number {i}. Russia accused Ukraine of shelling."
    return AnalyzedArticle(
        id=f"a{i}", source=f"mem:{i}", url=url, title=f"Title {i}", outlet="Outlet", published=f"2022-02-2{i}",
        body=body,
        quotes=[Quote(text="x", start=0, end=1, speaker=Speaker(name="Someone", actor=Actor(country="RUS")))],
        events=[Event(type="ACCUSE", text=body, start=0, end=len(body),
                      actor=Actor(text="Russia", country="RUS", sector="GOV"), recipient=Actor(text="Ukraine", country="UKR"))],
    )


def test_add_is_idempotent_and_round_trips(db_url: str) -> None:
    store = Store(db_url)
    first = store.add(_article(1))
    again = store.add(_article(1))
    assert first.created and not again.created and again.id == first.id
    assert store.count() == 1
    got = store.get("a1")
    assert got is not None and got.events[0].actor and got.events[0].actor.country == "RUS"
    rows = list_events(store, country="UKR")
    assert len(rows) == 1 and rows[0]["type"] == "ACCUSE"
    assert list_quotes(store)[0]["speaker_name"] == "Someone"
    store.close()


def test_same_canonical_url_is_stored_once(db_url: str) -> None:
    store = Store(db_url)
    assert store.add(_article(1, url="https://www.example.org/a/?utm_source=x")).created
    assert not store.add(_article(2, body="Changed text.", url="https://example.org/a")).created
    assert store.count() == 1
    store.close()


def test_canonical_url_drops_tracking() -> None:
    assert canonical_url("http://www.Example.org/x/?utm_medium=a&id=3") == "https://example.org/x?id=3"
    assert canonical_url("file:///etc/passwd") is None


def test_a_store_opens_while_another_process_holds_the_write_lock_of_a_fresh_file(tmp_path: Path) -> None:
    """SQLite refuses the switch to write-ahead logging at once (no busy wait) while another connection holds the
    write lock of a file still in rollback mode; the store waits for it instead of failing ("database is locked")."""
    path = tmp_path / "flashpoint.db"
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("CREATE TABLE other (i INTEGER)")
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO other VALUES (1)")
    release = threading.Timer(0.5, holder.execute, args=("COMMIT",))
    release.start()
    try:
        store = Store(f"sqlite:///{path}")
        with store.engine.connect() as conn:
            mode = conn.exec_driver_sql("PRAGMA journal_mode").scalar_one()
        store.close()
    finally:
        release.join()
        holder.close()
    assert mode == "wal"
