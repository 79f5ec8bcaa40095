"""What each export holds: its columns (with their Parquet types) and its rows, streamed from the store.

Events, quotes and articles are read in chunks straight from their tables (a big store is
never loaded whole); claims and the timeline come from the corpus views. Every row keeps
what points back to its source: the article id, and the sentence or character offsets.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from flashpoint.options import Filters

if TYPE_CHECKING:
    from flashpoint.store.store import Store

Row = dict[str, Any]
CHUNK = 2000

# column -> type: str, int, float, bool, list (a list of strings)
COLUMNS: dict[str, dict[str, str]] = {
    "events": {
        "event_id": "str", "article_id": "str", "idx": "int", "date": "str", "type": "str", "mode": "str",
        "actor_id": "str", "actor_name": "str", "actor_country": "str", "actor_sector": "str",
        "recipient_id": "str", "recipient_name": "str", "recipient_country": "str", "recipient_sector": "str",
        "location_name": "str", "location_country": "str", "historical": "bool", "negated": "bool",
        "hypothetical": "bool", "score": "float", "confidence": "float", "outlet": "str", "published": "str",
        "title": "str", "url": "str", "language": "str", "start": "int", "end": "int", "text": "str",
    },
    "quotes": {
        "article_id": "str", "start": "int", "end": "int", "speaker_id": "str", "speaker_name": "str",
        "speaker_country": "str", "speaker_sector": "str", "cue": "str", "direct": "bool", "outlet": "str",
        "published": "str", "title": "str", "text": "str",
    },
    "claims": {
        "claim": "int", "kind": "str", "subject": "str", "period": "str", "status": "str", "value": "float",
        "approx": "str", "claimed_by": "str", "outlet": "str", "date": "str", "article_id": "str",
        "start": "int", "end": "int", "text": "str",
    },
    "timeline": {
        "id": "int", "date": "str", "type": "str", "actor": "str", "actor_country": "str", "recipient": "str",
        "recipient_country": "str", "place": "str", "historical": "bool", "current": "bool", "score": "float",
        "articles": "int", "mentions": "int", "outlets": "list", "article_ids": "list", "text": "str",
    },
    "articles": {
        "id": "str", "title": "str", "outlet": "str", "agency": "list", "published": "str",
        "published_from": "str", "language": "str", "url": "str", "source": "str", "body": "str",
    },
}


def _events(store: Store, f: Filters) -> Iterator[Row]:
    from sqlalchemy import select

    from flashpoint.store import queries, schema

    e, a = schema.events, schema.articles
    q = select(e, a.c.title, a.c.url, a.c.language).join(a, a.c.id == e.c.article_id)
    q = queries.filter_events(store, q, type=f.type, country=f.country, actor=f.actor, outlet=f.outlet,
                              date_from=f.date_from, date_to=f.date_to)
    q = q.order_by(e.c.date, e.c.article_id, e.c.idx).offset(f.offset).limit(f.limit)
    for r in _stream(store, q):
        yield {**{k: r.get(k) for k in COLUMNS["events"]}, "event_id": f"{r['article_id']}-{r['idx']}"}


def _quotes(store: Store, f: Filters) -> Iterator[Row]:
    from sqlalchemy import select

    from flashpoint.store import queries, schema

    qt, a = schema.quotes, schema.articles
    q = select(qt, a.c.outlet, a.c.published, a.c.title).join(a, a.c.id == qt.c.article_id)
    q = queries.filter_quotes(store, q, speaker=f.actor, country=f.country, outlet=f.outlet,
                              date_from=f.date_from, date_to=f.date_to)
    q = q.order_by(a.c.published, qt.c.article_id, qt.c.start).offset(f.offset).limit(f.limit)
    for r in _stream(store, q):
        yield {k: r.get(k) for k in COLUMNS["quotes"]}


def _articles(store: Store, f: Filters) -> Iterator[Row]:
    from sqlalchemy import select

    from flashpoint.store import queries, schema

    a = schema.articles
    q = queries.filter_articles(select(a.c.id, a.c.title, a.c.outlet, a.c.agency, a.c.published,
                                       a.c.published_from, a.c.language, a.c.url, a.c.source, a.c.body),
                                text=None, outlet=f.outlet, date_from=f.date_from, date_to=f.date_to)
    q = q.order_by(a.c.pk).offset(f.offset).limit(f.limit)
    for r in _stream(store, q):
        agency = r.get("agency")
        yield {**r, "agency": agency if isinstance(agency, list) else [agency] if agency else []}


def _claims(store: Store, f: Filters) -> Iterator[Row]:
    from flashpoint.listing import list_page

    for n, group in enumerate(list_page(store, "claims", f).rows, f.offset + 1):
        for v in group.get("values") or []:
            yield {"claim": n, "kind": group.get("kind"), "subject": group.get("subject"),
                   "period": group.get("period"), "status": group.get("status"),
                   **{k: v.get(k) for k in ("value", "approx", "claimed_by", "outlet", "date", "article_id",
                                            "start", "end", "text")}}


def _timeline(store: Store, f: Filters) -> Iterator[Row]:
    from flashpoint.listing import list_page

    for r in list_page(store, "timeline", f).rows:
        mentions = r.get("mentions") or []
        yield {**{k: r.get(k) for k in COLUMNS["timeline"]}, "mentions": r.get("n_mentions", len(mentions)),
               "article_ids": sorted({m["article_id"] for m in mentions})}


def _stream(store: Store, query: Any) -> Iterator[Row]:
    """Rows of a query a chunk at a time, so an export of a big store stays small in memory."""
    with store.engine.connect() as conn:
        result = conn.execution_options(yield_per=CHUNK).execute(query)
        for part in result.mappings().partitions(CHUNK):
            for r in part:
                yield dict(r)


ROWS = {"events": _events, "quotes": _quotes, "claims": _claims, "timeline": _timeline, "articles": _articles}


def rows(store: Store, kind: str, f: Filters) -> Iterator[Row]:
    return ROWS[kind](store, f)
