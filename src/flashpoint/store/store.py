"""Storing analysed articles: SQLite by default, any SQLAlchemy URL (PostgreSQL) on request.

`add` writes one document in its own transaction; `add_many` writes a batch in one (workers
store their own batches), falling back to one transaction per document when the batch meets a
row another writer committed meanwhile, so a failure never loses what is already stored and the
same document ingested twice is stored once (same cleaned-text hash, or same canonical URL).

The JSON record kept on the article row is compact: the body lives only in its own column and a
span's `text` is left out wherever it is the body's characters at its offsets; `get` and
`iter_articles` put both back, so readers see the full DESIGN.md record.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from sqlalchemy import Engine, create_engine, delete, event, func, insert, inspect, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from flashpoint.model import Actor, AnalyzedArticle
from flashpoint.store import schema

DEFAULT_DB = "sqlite:///flashpoint.db"
SQLITE_BUSY_S = 300  # how long a SQLite writer waits for another process's write (a view batch) to commit
SCHEMA_LOCK = 0x666C7370  # PostgreSQL advisory lock key held while creating the schema ("flsp")


def default_url() -> str:
    return os.environ.get("FLASHPOINT_DB", DEFAULT_DB)


def normalise_url(url: str) -> str:
    """Accept a bare path as a SQLite file, and the common postgres:// spelling."""
    if "://" not in url:
        return f"sqlite:///{url}"
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


def content_hash(body: str, title: str | None = None, outlet: str | None = None) -> str:
    """Same text from the same outlet is one article; the same wire text from another outlet is that outlet's
    coverage (the corpus views link it as a copy)."""
    head = f"{outlet.strip()}\n" if outlet and outlet.strip() else ""
    folded = re.sub(r"\s+", " ", f"{head}{title or ''}\n{body}").strip().lower()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def canonical_url(url: str | None) -> str | None:
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https"):
        return None
    host = (parts.hostname or "").lower().removeprefix("www.")
    path = parts.path.rstrip("/") or "/"
    query = "&".join(q for q in parts.query.split("&") if q and not q.lower().startswith(("utm_", "fbclid", "gclid")))
    return urlunsplit(("https", host, path, query, ""))


@dataclass
class AddResult:
    id: str
    created: bool


SPAN_LISTS = ("entities", "quotes", "timexes", "quantities", "events")


def compact_record(article: AnalyzedArticle) -> dict[str, Any]:
    """The record to store: no body (it has its own column), no span text the offsets already give."""
    record = article.record()
    body = record.pop("body", "")
    for name in SPAN_LISTS:
        for span in record.get(name) or ():
            if span.get("text") == body[span["start"]:span["end"]]:
                del span["text"]
    return record


def full_record(record: dict[str, Any], body: str) -> dict[str, Any]:
    """The stored record with its body and span texts put back (records stored whole pass unchanged)."""
    if "body" in record:
        return record
    record = {**record, "body": body}
    for name in SPAN_LISTS:
        for span in record.get(name) or ():
            if "text" not in span:
                span["text"] = body[span["start"]:span["end"]]
    return record


def _actor_values(prefix: str, actor: Actor | None) -> dict[str, Any]:
    if actor is None:
        return {f"{prefix}_id": None, f"{prefix}_name": None, f"{prefix}_country": None, f"{prefix}_sector": None}
    return {
        f"{prefix}_id": actor.id,
        f"{prefix}_name": actor.name or actor.text,
        f"{prefix}_country": actor.country,
        f"{prefix}_sector": actor.sector or actor.code,
    }


class Store:
    def __init__(self, url: str | None = None, *, create: bool = True) -> None:
        self.url = normalise_url(url or default_url())
        sqlite = self.url.startswith("sqlite")
        self.engine: Engine = create_engine(self.url, future=True, pool_pre_ping=True,
                                            connect_args={"timeout": SQLITE_BUSY_S} if sqlite else {})
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
            event.listen(self.engine, "begin", _sqlite_begin)
        if create:
            self.create_schema()

    def create_schema(self) -> None:
        """Create the tables that are missing; safe when several processes start on a fresh store at once
        (SQLite: under the write lock; PostgreSQL: under an advisory lock), so none fails on "already exists"."""
        if set(schema.metadata.tables) <= set(inspect(self.engine).get_table_names()):
            return  # all there: no lock taken, so opening a store never waits for a writer
        with self.write() as conn:
            if self.dialect == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": SCHEMA_LOCK})
            schema.metadata.create_all(conn)

    @contextmanager
    def write(self, *, nowait: bool = False) -> Iterator[Connection]:
        """A write transaction; on SQLite it takes the write lock first (BEGIN IMMEDIATE), so what it reads
        before writing is still true when it writes, whatever other processes do meanwhile. With `nowait`,
        SQLite raises OperationalError at once when another process holds the lock, instead of waiting."""
        with self.engine.connect() as conn:
            conn = conn.execution_options(flashpoint_write=True, flashpoint_nowait=nowait)
            with conn.begin():
                yield conn

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    # -- writing ---------------------------------------------------------------------------

    def find_existing(self, conn: Connection, digest: str, canon: str | None, article_id: str) -> str | None:
        a = schema.articles
        row = conn.execute(select(a.c.id).where(a.c.content_hash == digest)).first()
        if row is None and canon:
            row = conn.execute(select(a.c.id).where(a.c.canonical_url == canon)).first()
        if row is None:
            row = conn.execute(select(a.c.id).where(a.c.id == article_id)).first()
        return row[0] if row else None

    def add(self, article: AnalyzedArticle) -> AddResult:
        """Store one analysed article in its own transaction; a duplicate is not stored again, also when
        another process stores the same article at the same moment (it is then "already present")."""
        digest = content_hash(article.body, article.title, article.outlet)
        canon = canonical_url(article.url)
        try:
            return self._add(article, digest, canon)
        except IntegrityError:
            with self.engine.connect() as conn:
                existing = self.find_existing(conn, digest, canon, article.id)
            if existing is None:
                raise
            return AddResult(existing, False)

    def _add(self, article: AnalyzedArticle, digest: str, canon: str | None) -> AddResult:
        with self.write() as conn:
            existing = self.find_existing(conn, digest, canon, article.id)
            if existing is not None:
                return AddResult(existing, False)
            done = conn.execute(
                insert(schema.articles).values(
                    id=article.id,
                    content_hash=digest,
                    canonical_url=canon,
                    source=article.source,
                    url=article.url,
                    title=article.title,
                    outlet=article.outlet,
                    agency=article.agency,
                    republisher=article.republisher,
                    published=article.published,
                    published_from=article.published_from,
                    language=article.language,
                    body=article.body,
                    record=compact_record(article),
                )
            )
            new_pk = done.inserted_primary_key
            if new_pk is not None:
                conn.execute(insert(schema.view_queue).values(article_pk=new_pk[0]))
            self._insert_spans(conn, [article])
        return AddResult(article.id, True)

    def add_many(self, articles: list[AnalyzedArticle]) -> list[AddResult]:
        """Store a batch in one transaction (what workers do); duplicates, within the batch or of stored
        articles, are not stored again. If another writer commits one of the same documents meanwhile,
        the batch is redone one document per transaction, so nothing is stored twice or lost."""
        if not articles:
            return []
        try:
            return self._add_batch(articles)
        except IntegrityError:
            results = []
            for article in articles:
                try:
                    results.append(self.add(article))
                except IntegrityError:  # stored by another writer between the look-up and the insert
                    with self.engine.connect() as conn:
                        found = self.find_existing(conn, content_hash(article.body, article.title, article.outlet),
                                                   canonical_url(article.url), article.id)
                    if found is None:
                        raise
                    results.append(AddResult(found, False))
            return results

    def _add_batch(self, articles: list[AnalyzedArticle]) -> list[AddResult]:
        a = schema.articles
        keys = [(content_hash(x.body, x.title, x.outlet), canonical_url(x.url), x.id) for x in articles]
        with self.write() as conn:
            by_hash = dict(conn.execute(select(a.c.content_hash, a.c.id)
                                        .where(a.c.content_hash.in_({k[0] for k in keys}))).all())
            canons = {k[1] for k in keys if k[1]}
            by_canon = dict(conn.execute(select(a.c.canonical_url, a.c.id)
                                         .where(a.c.canonical_url.in_(canons))).all()) if canons else {}
            by_id = {r[0]: r[0] for r in conn.execute(select(a.c.id).where(a.c.id.in_({k[2] for k in keys})))}
            results: list[AddResult] = []
            new: list[AnalyzedArticle] = []
            rows = []
            for article, (digest, canon, aid) in zip(articles, keys, strict=True):
                existing = by_hash.get(digest) or (by_canon.get(canon) if canon else None) or by_id.get(aid)
                if existing is not None:
                    results.append(AddResult(existing, False))
                    continue
                by_hash[digest] = by_id[aid] = aid
                if canon:
                    by_canon[canon] = aid
                results.append(AddResult(aid, True))
                new.append(article)
                rows.append({"id": aid, "content_hash": digest, "canonical_url": canon, "source": article.source,
                             "url": article.url, "title": article.title, "outlet": article.outlet,
                             "agency": article.agency, "republisher": article.republisher,
                             "published": article.published, "published_from": article.published_from,
                             "language": article.language, "body": article.body,
                             "record": compact_record(article)})
            if rows:
                conn.execute(insert(a), rows)
                pks = conn.execute(select(a.c.pk).where(a.c.id.in_([r["id"] for r in rows]))).scalars().all()
                conn.execute(insert(schema.view_queue), [{"article_pk": pk} for pk in pks])
                self._insert_spans(conn, new)
        return results

    def replace(self, article: AnalyzedArticle) -> None:
        """Re-store an article after re-analysis (same id), keeping its place in the store."""
        with self.write() as conn:
            for table in schema.SPAN_TABLES:
                conn.execute(delete(table).where(table.c.article_id == article.id))
            conn.execute(
                schema.articles.update()
                .where(schema.articles.c.id == article.id)
                .values(record=compact_record(article), body=article.body, title=article.title,
                        outlet=article.outlet, published=article.published)
            )
            self._insert_spans(conn, [article])

    def _insert_spans(self, conn: Connection, articles: list[AnalyzedArticle]) -> None:
        """One multi-row insert per span table for the whole batch."""
        ents, quotes, timexes, quantities, events = [], [], [], [], []
        for article in articles:
            aid = article.id
            ents += [
                {"article_id": aid, "start": e.start, "end": e.end, "text": e.text, "type": e.type,
                 "entity_id": e.id, "name": e.name,
                 "country": e.actor.country if e.actor else None, "sector": e.actor.sector if e.actor else None}
                for e in article.entities
            ]
            quotes += [
                {"article_id": aid, "start": q.start, "end": q.end, "text": q.text, "cue": q.cue, "direct": q.direct,
                 **_actor_values("speaker", q.speaker.actor if q.speaker else None),
                 **({"speaker_name": q.speaker.name, "speaker_id": q.speaker.id or (q.speaker.actor.id if q.speaker.actor else None)}
                    if q.speaker else {})}
                for q in article.quotes
            ]
            timexes += [
                {"article_id": aid, "start": t.start, "end": t.end, "text": t.text, "value": t.value}
                for t in article.timexes
            ]
            quantities += [
                {"article_id": aid, "start": q.start, "end": q.end, "text": q.text, "value": q.value, "unit": q.unit,
                 "kind": q.kind, "subject": q.subject, "approx": q.approx, "claimed_by": q.claimed_by}
                for q in article.quantities
            ]
            events += [
                {"article_id": aid, "idx": i, "type": ev.type, "mode": ev.mode,
                 **_actor_values("actor", ev.actor), **_actor_values("recipient", ev.recipient),
                 "location_name": ev.location.name or ev.location.text if ev.location else None,
                 "location_country": ev.location.country if ev.location else None,
                 "date": ev.date, "historical": ev.historical, "negated": ev.negated,
                 "hypothetical": ev.hypothetical, "text": ev.text, "start": ev.start, "end": ev.end,
                 "score": ev.score, "confidence": ev.confidence, "outlet": article.outlet,
                 "published": article.published}
                for i, ev in enumerate(article.events)
            ]
        for table, rows in ((schema.entities, ents), (schema.quotes, quotes), (schema.timexes, timexes),
                            (schema.quantities, quantities), (schema.events, events)):
            if rows:
                conn.execute(insert(table), rows)

    # -- reading ---------------------------------------------------------------------------

    def count(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(schema.articles)).scalar_one())

    def get(self, article_id: str) -> AnalyzedArticle | None:
        with self.engine.connect() as conn:
            a = schema.articles
            row = conn.execute(select(a.c.record, a.c.body).where(a.c.id == article_id)).first()
        return AnalyzedArticle.model_validate(full_record(row[0], row[1])) if row else None

    def iter_articles(self, after_pk: int = 0, batch: int = 500) -> Iterator[tuple[int, AnalyzedArticle]]:
        """Articles in ingest order, with their sequence number, for incremental views."""
        a = schema.articles
        last = after_pk
        while True:
            with self.engine.connect() as conn:
                rows = conn.execute(
                    select(a.c.pk, a.c.record, a.c.body).where(a.c.pk > last).order_by(a.c.pk).limit(batch)
                ).all()
            if not rows:
                return
            for pk, record, body in rows:
                yield pk, AnalyzedArticle.model_validate(full_record(record, body))
            last = rows[-1][0]

    def articles_by_pk(self, pks: list[int]) -> list[tuple[int, AnalyzedArticle]]:
        """The articles with these sequence numbers, in order (those the view queue names)."""
        a = schema.articles
        with self.engine.connect() as conn:
            rows = conn.execute(select(a.c.pk, a.c.record, a.c.body).where(a.c.pk.in_(pks)).order_by(a.c.pk)).all()
        return [(pk, AnalyzedArticle.model_validate(full_record(record, body))) for pk, record, body in rows]

    def max_pk(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.coalesce(func.max(schema.articles.c.pk), 0))).scalar_one())


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # transactions are begun by _sqlite_begin, not by the driver
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    _write_ahead_log(cur)
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _write_ahead_log(cur: Any) -> None:
    """Switch the file to write-ahead logging (kept in the file, so once is enough). SQLite may refuse the switch at
    once with "database is locked", without waiting out the busy timeout, while another process opening a fresh
    store holds a lock on it; a reader and two writers starting together saw it: try again until the busy time."""
    deadline = time.monotonic() + SQLITE_BUSY_S
    while True:
        try:
            cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _sqlite_begin(conn: Connection) -> None:
    """Begin every transaction ourselves: a write (`Store.write`) takes the write lock at once, so two
    processes never both read "absent" and then both write; reads stay deferred and never wait for writers."""
    options = conn.get_execution_options()
    if not options.get("flashpoint_write"):
        conn.exec_driver_sql("BEGIN")
    elif options.get("flashpoint_nowait"):
        conn.exec_driver_sql("PRAGMA busy_timeout = 0")
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        finally:
            conn.exec_driver_sql(f"PRAGMA busy_timeout = {SQLITE_BUSY_S * 1000}")
    else:
        conn.exec_driver_sql("BEGIN IMMEDIATE")
