"""The relational schema: one row per article plus one table per extracted record kind.

The full DESIGN.md record is kept as JSON on the article row (so nothing is lost
and `get` returns exactly what was analysed); the span tables repeat the fields
that views and API filters query on, so they can be indexed.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    func,
)

metadata = MetaData()

articles = Table(
    "articles",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("id", String(64), nullable=False, unique=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("canonical_url", String(2048), nullable=True, index=True),
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("outlet", String(200), index=True),
    Column("agency", JSON),
    Column("republisher", String(200)),
    Column("published", String(10), index=True),
    Column("published_from", String(16)),
    Column("language", String(16)),
    Column("body", Text, nullable=False),
    Column("record", JSON, nullable=False),
    Column("ingested_at", DateTime, server_default=func.now()),
)


def _article_fk() -> Column:
    return Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True)


def _actor_columns(prefix: str) -> list[Column]:
    return [
        Column(f"{prefix}_id", String(200), index=True),
        Column(f"{prefix}_name", String(300)),
        Column(f"{prefix}_country", String(8), index=True),
        Column(f"{prefix}_sector", String(16)),
    ]


entities = Table(
    "entities",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("type", String(16), index=True),
    Column("entity_id", String(200), index=True),
    Column("name", String(300)),
    Column("country", String(8)),
    Column("sector", String(16)),
)

quotes = Table(
    "quotes",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    *_actor_columns("speaker"),
    Column("cue", String(64)),
    Column("direct", Boolean),
)

timexes = Table(
    "timexes",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("value", String(32)),
)

quantities = Table(
    "quantities",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("value", Float),
    Column("unit", String(64)),
    Column("kind", String(16), index=True),
    Column("subject", Text),
    Column("approx", String(32)),
    Column("claimed_by", String(300)),
)

events = Table(
    "events",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    Column("idx", Integer, nullable=False),
    Column("type", String(16), index=True),
    Column("mode", String(64)),
    *_actor_columns("actor"),
    *_actor_columns("recipient"),
    Column("location_name", String(300)),
    Column("location_country", String(8)),
    Column("date", String(32), index=True),
    Column("historical", Boolean, index=True),
    Column("negated", Boolean),
    Column("hypothetical", Boolean),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("score", Float),
    Column("confidence", Float),
    Column("outlet", String(200), index=True),
    Column("published", String(10), index=True),
)

Index("ix_events_dyad_date", events.c.actor_country, events.c.recipient_country, events.c.date)
# paging in the API's order (date, article, position), whole or by type, without sorting the table
Index("ix_events_order", events.c.date, events.c.article_id, events.c.idx)
Index("ix_events_type_order", events.c.type, events.c.date, events.c.article_id, events.c.idx)

SPAN_TABLES = (entities, quotes, timexes, quantities, events)

# articles stored but not yet in the corpus views: written in the article's own transaction and taken off by
# the view update that processes it, so a writer that commits a lower `pk` after a higher one is never skipped
view_queue = Table(
    "view_queue",
    metadata,
    Column("article_pk", Integer, primary_key=True, autoincrement=False),
)

from flashpoint.corpus import tables as _corpus_tables  # noqa: E402,F401  (corpus-view tables on this metadata)
from flashpoint.watch import tables as _watch_tables  # noqa: E402,F401  (watcher tables on this metadata)
