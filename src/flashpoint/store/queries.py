"""Read queries over the span tables: events, quotes, articles, with filters and paging."""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select

from flashpoint.store import schema
from flashpoint.store.store import Store

Rows = list[dict[str, Any]]


def list_events(store: Store, *, type: str | None = None, country: str | None = None, actor: str | None = None,
                outlet: str | None = None, date_from: str | None = None, date_to: str | None = None,
                historical: bool | None = None, limit: int = 100, offset: int = 0) -> Rows:
    e = schema.events
    q = select(e)
    if type:
        q = q.where(e.c.type == type.upper())
    if country:
        q = q.where(or_(e.c.actor_country == country.upper(), e.c.recipient_country == country.upper()))
    if actor:
        q = q.where(or_(e.c.actor_id == actor, e.c.recipient_id == actor, e.c.actor_name == actor,
                        e.c.recipient_name == actor))
    if outlet:
        q = q.where(e.c.outlet == outlet)
    if date_from:
        q = q.where(e.c.date >= date_from)
    if date_to:
        q = q.where(e.c.date <= date_to + "\uffff")
    if historical is not None:
        q = q.where(e.c.historical == historical)
    q = q.order_by(e.c.date, e.c.article_id, e.c.idx).limit(limit).offset(offset)
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(q)]


def list_quotes(store: Store, *, speaker: str | None = None, country: str | None = None, outlet: str | None = None,
                limit: int = 100, offset: int = 0) -> Rows:
    qt, a = schema.quotes, schema.articles
    q = select(qt, a.c.outlet, a.c.published).join(a, a.c.id == qt.c.article_id)
    if speaker:
        q = q.where(or_(qt.c.speaker_id == speaker, qt.c.speaker_name == speaker))
    if country:
        q = q.where(qt.c.speaker_country == country.upper())
    if outlet:
        q = q.where(a.c.outlet == outlet)
    q = q.order_by(a.c.published, qt.c.article_id, qt.c.start).limit(limit).offset(offset)
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(q)]
