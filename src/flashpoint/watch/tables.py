"""The watcher's tables: source health and leases, items seen, alerts and their delivery per channel.

They live on the store's metadata so `Store(...)` creates them with the rest; times are epoch seconds
(floats) so SQLite and PostgreSQL compare them the same way.
"""

from __future__ import annotations

from sqlalchemy import JSON, Column, Float, Index, Integer, String, Table, Text

from flashpoint.store.schema import metadata

# one row per watched source: its schedule, conditional-request validators, health and lease
watch_sources = Table(
    "watch_sources",
    metadata,
    Column("id", String(32), primary_key=True),  # hash of kind and target
    Column("kind", String(16), nullable=False),  # feed, sitemap or folder
    Column("target", Text, nullable=False),  # URL or folder path
    Column("outlet", String(200)),
    Column("interval_s", Float, nullable=False),
    Column("state", String(16), nullable=False, default="new"),  # new, ok, failing
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_poll", Float),
    Column("last_success", Float),
    Column("last_error", Text),
    Column("last_error_at", Float),
    Column("failures", Integer, nullable=False, default=0),  # consecutive
    Column("next_poll", Float, nullable=False, default=0.0),
    Column("items_seen", Integer, nullable=False, default=0),
    Column("items_stored", Integer, nullable=False, default=0),
    Column("lease_owner", String(120)),
    Column("lease_until", Float),
)

# one row per item a source listed and the watcher handled (stored, duplicate or failed)
watch_items = Table(
    "watch_items",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("source_id", String(32), nullable=False),
    Column("key", String(64), nullable=False),  # hash of the entry id, link or file identity
    Column("link", Text),
    Column("state", String(16), nullable=False),  # stored, duplicate, failed
    Column("attempts", Integer, nullable=False, default=1),
    Column("article_ids", JSON),
    Column("error", Text),
    Column("seen_at", Float, nullable=False),
)
Index("ix_watch_items_source_key", watch_items.c.source_id, watch_items.c.key, unique=True)

# alerts with a stable id: the same condition found again (or by another process) is the same alert
watch_alerts = Table(
    "watch_alerts",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("kind", String(32), nullable=False),  # escalation, disputed_figure, story_outlets
    Column("title", Text, nullable=False),
    Column("detail", JSON),
    Column("article_ids", JSON),
    Column("created_at", Float, nullable=False, index=True),
)

# per alert and channel: pending -> sending -> sent | retry -> ... | failed; 'sending' found stale is 'unknown'
watch_deliveries = Table(
    "watch_deliveries",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("alert_id", String(32), nullable=False),
    Column("channel", String(32), nullable=False),
    Column("state", String(16), nullable=False, default="pending"),
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt", Float, nullable=False, default=0.0),
    Column("owner", String(120)),
    Column("updated_at", Float),
    Column("sent_at", Float),
    Column("last_error", Text),
)
Index("ix_watch_deliveries_alert_channel", watch_deliveries.c.alert_id, watch_deliveries.c.channel, unique=True)
Index("ix_watch_deliveries_state", watch_deliveries.c.state, watch_deliveries.c.next_attempt)

ALL = (watch_sources, watch_items, watch_alerts, watch_deliveries)
