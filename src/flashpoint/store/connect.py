"""Opening a store from what a user typed, with one clear sentence when it cannot be done.

Light to import (the CLI catches `StoreError` on every run); SQLAlchemy is loaded when a store is opened.

A typo in `--db` must not create an empty store and show empty tables, and an unknown
scheme, a missing folder or an unreachable PostgreSQL server must not end in a page of
traceback: each becomes a `StoreError` naming the store and what to do.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flashpoint.store.store import Store

CONNECT_TIMEOUT_S = 10  # PostgreSQL: how long to wait for a server that does not answer


class StoreError(Exception):
    """A store that cannot be opened; `usage` when the URL itself is wrong (the CLI exits 2), else 1."""

    def __init__(self, message: str, *, usage: bool = False) -> None:
        super().__init__(message)
        self.usage = usage


def describe(url: str) -> str:
    """The URL as it may be shown: the password hidden."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True).replace("postgresql+psycopg://", "postgresql://")
    except Exception:  # noqa: BLE001 - an unparsable URL is shown as given
        return url


def resolve(db: str | None) -> str:
    """The SQLAlchemy URL for `--db` (a path, a URL, or the default), checked for its form only."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from flashpoint.store.store import default_url, normalise_url

    given = db if db is not None else default_url()
    if not given.strip():
        raise StoreError("--db is empty: give a SQLite file path, sqlite:///file.db or postgresql://user@host/db",
                         usage=True)
    url = normalise_url(given.strip())
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"--db {given!r} is not a database URL ({exc}); give a SQLite file path, "
                         "sqlite:///file.db or postgresql://user@host/db", usage=True) from exc
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise StoreError(f"--db {describe(url)}: unknown database kind {backend!r} "
                         "(flashpoint stores in SQLite, a file path or sqlite:///file.db, or PostgreSQL, "
                         "postgresql://user@host/db)", usage=True)
    if backend == "postgresql" and "connect_timeout" not in parsed.query:
        url = parsed.update_query_dict({"connect_timeout": str(CONNECT_TIMEOUT_S)}).render_as_string(
            hide_password=False)
    return url


def _sqlite_path(url: str) -> Path | None:
    from sqlalchemy.engine import make_url

    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def open_store(db: str | None, *, must_exist: bool) -> Store:
    """The store at `db`; read commands pass must_exist so a typo is an error, not a new empty store."""
    from sqlalchemy import inspect
    from sqlalchemy.exc import DatabaseError, OperationalError

    from flashpoint.store.store import Store

    url = resolve(db)
    shown = describe(url).split("?")[0]
    path = _sqlite_path(url) if url.startswith("sqlite") else None
    if path is not None:
        if path.is_dir():
            raise StoreError(f"--db {path}: is a folder, not a store file")
        if must_exist and not path.exists():
            raise StoreError(f"no store at {path}: nothing has been ingested there; check --db, or run "
                             "'flashpoint ingest SOURCE...' or 'flashpoint demo' first")
        if not path.parent.exists():
            raise StoreError(f"cannot create the store {path}: folder {path.parent} does not exist")
    try:
        if must_exist:
            probe = Store(url, create=False)
            try:
                has_articles = inspect(probe.engine).has_table("articles")
            finally:
                probe.close()
            if not has_articles:
                raise StoreError(f"no flashpoint store in {shown}: nothing has been ingested there; check --db, "
                                 "or run 'flashpoint ingest SOURCE... --db URL' first")
        return Store(url)
    except (OperationalError, DatabaseError) as exc:
        raise StoreError(f"cannot open the store {shown}: {_first_line(exc)}") from exc


def _first_line(exc: BaseException) -> str:
    """The driver's own message, without SQLAlchemy's statement dump and background link."""
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip()
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith(("(Background on this error", "[SQL:")):
            return line.removeprefix("connection failed: ")
    return type(orig).__name__
