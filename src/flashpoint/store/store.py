"""Storing analysed articles: SQLite by default, any SQLAlchemy URL (PostgreSQL) on request.

Each document is written in its own transaction, so a failure on one never loses
what is already stored, and the same document ingested twice is stored once
(same cleaned-text hash, or same canonical URL).
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from sqlalchemy import Engine, create_engine, delete, event, func, insert, select
from sqlalchemy.engine import Connection

from flashpoint.model import Actor, AnalyzedArticle
from flashpoint.store import schema

DEFAULT_DB = "sqlite:///flashpoint.db"


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


def content_hash(body: str, title: str | None = None) -> str:
    folded = re.sub(r"\s+", " ", f"{title or ''}\n{body}").strip().lower()
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
        self.engine: Engine = create_engine(self.url, future=True, pool_pre_ping=True)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        if create:
            schema.metadata.create_all(self.engine)

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
        """Store one analysed article in its own transaction; a duplicate is not stored again."""
        digest = content_hash(article.body, article.title)
        canon = canonical_url(article.url)
        with self.engine.begin() as conn:
            existing = self.find_existing(conn, digest, canon, article.id)
            if existing is not None:
                return AddResult(existing, False)
            conn.execute(
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
                    record=article.record(),
                )
            )
            self._insert_spans(conn, article)
        return AddResult(article.id, True)

    def replace(self, article: AnalyzedArticle) -> None:
        """Re-store an article after re-analysis (same id), keeping its place in the store."""
        with self.engine.begin() as conn:
            for table in schema.SPAN_TABLES:
                conn.execute(delete(table).where(table.c.article_id == article.id))
            conn.execute(
                schema.articles.update()
                .where(schema.articles.c.id == article.id)
                .values(record=article.record(), body=article.body, title=article.title,
                        outlet=article.outlet, published=article.published)
            )
            self._insert_spans(conn, article)

    def _insert_spans(self, conn: Connection, article: AnalyzedArticle) -> None:
        aid = article.id
        if article.entities:
            conn.execute(insert(schema.entities), [
                {"article_id": aid, "start": e.start, "end": e.end, "text": e.text, "type": e.type,
                 "entity_id": e.id, "name": e.name,
                 "country": e.actor.country if e.actor else None, "sector": e.actor.sector if e.actor else None}
                for e in article.entities
            ])
        if article.quotes:
            conn.execute(insert(schema.quotes), [
                {"article_id": aid, "start": q.start, "end": q.end, "text": q.text, "cue": q.cue, "direct": q.direct,
                 **_actor_values("speaker", q.speaker.actor if q.speaker else None),
                 **({"speaker_name": q.speaker.name, "speaker_id": q.speaker.id or (q.speaker.actor.id if q.speaker.actor else None)}
                    if q.speaker else {})}
                for q in article.quotes
            ])
        if article.timexes:
            conn.execute(insert(schema.timexes), [
                {"article_id": aid, "start": t.start, "end": t.end, "text": t.text, "value": t.value}
                for t in article.timexes
            ])
        if article.quantities:
            conn.execute(insert(schema.quantities), [
                {"article_id": aid, "start": q.start, "end": q.end, "text": q.text, "value": q.value, "unit": q.unit,
                 "kind": q.kind, "subject": q.subject, "approx": q.approx, "claimed_by": q.claimed_by}
                for q in article.quantities
            ])
        if article.events:
            conn.execute(insert(schema.events), [
                {"article_id": aid, "idx": i, "type": ev.type, "mode": ev.mode,
                 **_actor_values("actor", ev.actor), **_actor_values("recipient", ev.recipient),
                 "location_name": ev.location.name or ev.location.text if ev.location else None,
                 "location_country": ev.location.country if ev.location else None,
                 "date": ev.date, "historical": ev.historical, "negated": ev.negated,
                 "hypothetical": ev.hypothetical, "text": ev.text, "start": ev.start, "end": ev.end,
                 "score": ev.score, "confidence": ev.confidence, "outlet": article.outlet,
                 "published": article.published}
                for i, ev in enumerate(article.events)
            ])

    # -- reading ---------------------------------------------------------------------------

    def count(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(schema.articles)).scalar_one())

    def get(self, article_id: str) -> AnalyzedArticle | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(schema.articles.c.record).where(schema.articles.c.id == article_id)).first()
        return AnalyzedArticle.model_validate(row[0]) if row else None

    def iter_articles(self, after_pk: int = 0, batch: int = 500) -> Iterator[tuple[int, AnalyzedArticle]]:
        """Articles in ingest order, with their sequence number, for incremental views."""
        a = schema.articles
        last = after_pk
        while True:
            with self.engine.connect() as conn:
                rows = conn.execute(
                    select(a.c.pk, a.c.record).where(a.c.pk > last).order_by(a.c.pk).limit(batch)
                ).all()
            if not rows:
                return
            for pk, record in rows:
                yield pk, AnalyzedArticle.model_validate(record)
            last = rows[-1][0]

    def max_pk(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.coalesce(func.max(schema.articles.c.pk), 0))).scalar_one())


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()
