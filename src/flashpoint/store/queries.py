"""Read queries over the span tables: events, quotes, articles, actors, with filters and paging.

The API and the dashboard page through these; every filter is pushed into SQL so a
large store is answered from its indexes rather than loaded into Python.
"""

from __future__ import annotations

import re
import threading
import weakref
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, case, event, func, literal, or_, select, union_all

from flashpoint.store import schema
from flashpoint.store.store import Store

Rows = list[dict[str, Any]]

_DATE_END = "\uffff"  # so that date_to 2022-02 also covers 2022-02-24 and 2022-02-24T10:00


def _actor_match(store: Store, id_col: Any, name_col: Any, actor: str) -> Any:
    """The actor's ids, names, aliases and (for a person) surname: `flashpoint.store.actor_match`."""
    from flashpoint.store.actor_match import match_actor

    found = match_actor(store, actor)
    if found.stored_ids:  # ids are indexed; names are only looked at when no stored actor matches
        return id_col.in_(sorted(found.stored_ids))
    return name_col.in_(sorted(found.names))


def filter_events(store: Store, q: Any, *, type: str | None = None, country: str | None = None,
                  actor: str | None = None, outlet: str | None = None, date_from: str | None = None,
                  date_to: str | None = None, historical: bool | None = None, article_id: str | None = None) -> Any:
    """The select `q` narrowed to the events the filters choose. Public: the export (export/tables.py) streams its
    own columns under the same filters as `list_events`."""
    e = schema.events
    if type:
        q = q.where(e.c.type == type.upper())
    if country:
        q = q.where(or_(e.c.actor_country == country.upper(), e.c.recipient_country == country.upper()))
    if actor:
        q = q.where(or_(_actor_match(store, e.c.actor_id, e.c.actor_name, actor),
                        _actor_match(store, e.c.recipient_id, e.c.recipient_name, actor)))
    if outlet:
        q = q.where(e.c.outlet == outlet)
    if date_from:
        q = q.where(e.c.date >= date_from)
    if date_to:
        q = q.where(e.c.date <= date_to + _DATE_END)
    if historical is not None:
        q = q.where(e.c.historical == historical)
    if article_id:
        q = q.where(e.c.article_id == article_id)
    return q


def list_events(store: Store, *, limit: int | None = 100, offset: int = 0, **filters: Any) -> Rows:
    """Stored events (one per mention) in date order; filters as `count_events`; limit None for all."""
    e = schema.events
    q = filter_events(store, select(e), **filters)
    q = q.order_by(e.c.date, e.c.article_id, e.c.idx).limit(limit).offset(offset)
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(q)]


def count_events(store: Store, **filters: Any) -> int:
    """How many events the filters (type, country, actor, outlet, date_from, date_to, historical,
    article_id) select."""
    q = filter_events(store, select(func.count()).select_from(schema.events), **filters)
    with store.engine.connect() as conn:
        return int(conn.execute(q).scalar_one())


def filter_quotes(store: Store, q: Any, *, speaker: str | None = None, country: str | None = None,
                  outlet: str | None = None, date_from: str | None = None, date_to: str | None = None) -> Any:
    """The select `q` (quotes joined to articles) narrowed to the quotes the filters choose. Public: the export
    streams its own columns under the same filters as `list_quotes`."""
    qt, a = schema.quotes, schema.articles
    if speaker:
        q = q.where(_actor_match(store, qt.c.speaker_id, qt.c.speaker_name, speaker))
    if country:
        q = q.where(qt.c.speaker_country == country.upper())
    if outlet:
        q = q.where(a.c.outlet == outlet)
    if date_from:
        q = q.where(a.c.published >= date_from)
    if date_to:
        q = q.where(a.c.published <= date_to + _DATE_END)
    return q


def list_quotes(store: Store, *, limit: int | None = 100, offset: int = 0, **filters: Any) -> Rows:
    """Quotes with their article's outlet, date and title; filters as `count_quotes`; limit None for all."""
    qt, a = schema.quotes, schema.articles
    q = filter_quotes(store, select(qt, a.c.outlet, a.c.published, a.c.title).join(a, a.c.id == qt.c.article_id),
                      **filters)
    q = q.order_by(a.c.published, qt.c.article_id, qt.c.start).limit(limit).offset(offset)
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(q)]


def count_quotes(store: Store, **filters: Any) -> int:
    """How many quotes the filters (speaker, country, outlet, date_from, date_to) select."""
    qt, a = schema.quotes, schema.articles
    q = filter_quotes(store, select(func.count()).select_from(qt.join(a, a.c.id == qt.c.article_id)), **filters)
    with store.engine.connect() as conn:
        return int(conn.execute(q).scalar_one())


def filter_articles(q: Any, *, text: str | None, outlet: str | None, date_from: str | None,
                    date_to: str | None, ids: list[str] | None = None) -> Any:
    """The select `q` narrowed to the articles the filters choose. Public: the export streams whole articles under
    the same filters as `search_articles`."""
    a = schema.articles
    if text:
        # every word must appear in the title or the body; case-insensitive on both databases
        for word in text.split()[:8]:
            pattern = f"%{_escape_like(word.lower())}%"
            q = q.where(or_(func.lower(a.c.title).like(pattern, escape="\\"),
                            func.lower(a.c.body).like(pattern, escape="\\")))
    if outlet:
        q = q.where(a.c.outlet == outlet)
    if date_from:
        q = q.where(a.c.published >= date_from)
    if date_to:
        q = q.where(a.c.published <= date_to + _DATE_END)
    if ids is not None:
        q = q.where(a.c.id.in_(ids))
    return q


def _escape_like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_articles(store: Store, *, q: str | None = None, outlet: str | None = None, date_from: str | None = None,
                    date_to: str | None = None, ids: list[str] | None = None, limit: int | None = 50,
                    offset: int = 0) -> Rows:
    """Articles newest first, without their bodies (a snippet instead), for lists and search."""
    a = schema.articles
    cols = [a.c.id, a.c.title, a.c.outlet, a.c.published, a.c.url, a.c.source,
            func.substr(a.c.body, 1, 280).label("snippet")]
    query = filter_articles(select(*cols), text=q, outlet=outlet, date_from=date_from, date_to=date_to, ids=ids)
    query = query.order_by(a.c.published.desc().nulls_last(), a.c.pk.desc()).limit(limit).offset(offset)
    with store.engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(query)]
        words = [w.lower() for w in (q or "").split()[:8]]
        if words and rows:  # a search shows each article around its first match, not its opening lines
            bodies = dict(conn.execute(select(a.c.id, a.c.body).where(a.c.id.in_([r["id"] for r in rows]))).all())
            for r in rows:
                r["snippet"] = _match_snippet(bodies.get(r["id"]) or "", words) or r["snippet"]
    return rows


def _match_snippet(body: str, words: list[str], width: int = 280) -> str | None:
    """About `width` characters of the body around the first place a searched word occurs in it."""
    low = body.lower()
    hits = [i for i in (low.find(w) for w in words) if i >= 0]
    if not hits:
        return None  # the words are in the title only
    first = min(hits)
    start = max(0, first - width // 3)
    if start:
        space = body.find(" ", start, first)
        start = space + 1 if space >= 0 else start
    text = " ".join(body[start:start + width].split())
    return ("…" if start else "") + text


def count_articles(store: Store, *, q: str | None = None, outlet: str | None = None, date_from: str | None = None,
                   date_to: str | None = None) -> int:
    a = schema.articles
    query = filter_articles(select(func.count()).select_from(a), text=q, outlet=outlet, date_from=date_from,
                            date_to=date_to)
    with store.engine.connect() as conn:
        return int(conn.execute(query).scalar_one())


def list_outlets(store: Store) -> Rows:
    a = schema.articles
    q = (select(a.c.outlet, func.count().label("articles")).where(a.c.outlet.is_not(None))
         .group_by(a.c.outlet).order_by(func.count().desc(), a.c.outlet))
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(q)]


def quantities_for(store: Store, article_ids: list[str]) -> Rows:
    if not article_ids:
        return []
    qt = schema.quantities
    q = select(qt).where(qt.c.article_id.in_(article_ids)).order_by(qt.c.article_id, qt.c.start)
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(q)]


def quotes_for(store: Store, article_ids: list[str]) -> Rows:
    if not article_ids:
        return []
    qt = schema.quotes
    q = select(qt).where(qt.c.article_id.in_(article_ids)).order_by(qt.c.article_id, qt.c.start)
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(q)]


def _actor_mentions(upto: Sequence[int], after: Sequence[int] = (0, 0, 0)) -> Any:
    """Every place an actor turns up: entities, event actors and recipients, quote speakers.

    Only entity, event and quote rows after `after` and up to `upto` (their pk) count, so
    rows written while this runs are left for the next count rather than counted twice.
    """
    en, ev, qt = schema.entities, schema.events, schema.quotes
    parts = [
        select(en.c.entity_id.label("id"), en.c.name.label("name"), en.c.country.label("country"),
               en.c.sector.label("sector"), en.c.article_id.label("article_id"), literal("mention").label("role"))
        .where(en.c.entity_id.is_not(None), en.c.type.in_(["PERSON", "ORG", "GPE", "NORP"]), en.c.pk > after[0], en.c.pk <= upto[0]),
        select(ev.c.actor_id, ev.c.actor_name, ev.c.actor_country, ev.c.actor_sector, ev.c.article_id,
               literal("actor")).where(ev.c.actor_id.is_not(None), ev.c.pk > after[1], ev.c.pk <= upto[1]),
        select(ev.c.recipient_id, ev.c.recipient_name, ev.c.recipient_country, ev.c.recipient_sector,
               ev.c.article_id, literal("recipient")).where(ev.c.recipient_id.is_not(None), ev.c.pk > after[1],
                                                         ev.c.pk <= upto[1]),
        select(qt.c.speaker_id, qt.c.speaker_name, qt.c.speaker_country, qt.c.speaker_sector, qt.c.article_id,
               literal("speaker")).where(qt.c.speaker_id.is_not(None), qt.c.pk > after[2], qt.c.pk <= upto[2]),
    ]
    return union_all(*parts).subquery("mentions")


_ACTORS_CACHE: dict[tuple[int, str], tuple[tuple[Any, ...], Rows]] = {}  # by engine: (store state, actor table)
_ACTORS_LOCK = threading.Lock()
_REWRITES: weakref.WeakKeyDictionary[Any, list[int]] = weakref.WeakKeyDictionary()  # by engine: rewrites seen
_REWRITE = re.compile(r'^\s*(?:DELETE\s+FROM|UPDATE)\s+"?(?:articles|entities|events|quotes)"?\s', re.I)


def _watch_rewrites(store: Store) -> None:
    """Count this engine's deletions and updates: SQLite reuses freed row ids, so the state alone can miss them."""
    if store.engine in _REWRITES:
        return
    counter = _REWRITES[store.engine] = [0]

    def seen(conn: Any, cursor: Any, statement: str, *_: Any) -> None:
        if _REWRITE.match(statement):
            counter[0] += 1

    event.listen(store.engine, "after_cursor_execute", seen)


def store_state(store: Store) -> tuple[Any, ...]:
    """A key that changes whenever an article or a span is added, replaced or deleted (caches use it)."""
    _watch_rewrites(store)
    return _store_state(store)


def _store_state(store: Store) -> tuple[Any, ...]:
    """Changes whenever an article or a span is added, replaced or deleted: a few index look-ups."""
    a, en, ev, qt = schema.articles, schema.entities, schema.events, schema.quotes
    with store.engine.connect() as conn:
        return (_REWRITES.get(store.engine, [0])[0], *conn.execute(select(
            select(func.max(a.c.pk)).scalar_subquery(), select(func.count()).select_from(a).scalar_subquery(),
            *(select(func.max(t.c.pk)).scalar_subquery() for t in (en, ev, qt)))).one())


def actor_table(store: Store) -> Rows:
    """Every actor with its mention counts, most-mentioned first; kept until the store changes.

    Counting distinct articles per actor over every entity, event and quote is a
    whole-table aggregate (seconds on a million events), so it is done once, and after
    that only the spans of newly added articles are counted and merged in; a deletion
    or a re-analysed article makes it count everything again.
    """
    _watch_rewrites(store)
    state = _store_state(store)
    cached = _ACTORS_CACHE.get((id(store.engine), store.url))
    if cached is not None and cached[0] == state:
        return cached[1]
    with _ACTORS_LOCK:  # counted once: a reader arriving while `serve` counts them waits for that count
        state = _store_state(store)
        cached = _ACTORS_CACHE.get((id(store.engine), store.url))
        if cached is not None and cached[0] == state:
            return cached[1]
        rows = _appended(store, cached, state) if cached is not None else None
        if rows is None:
            rows = _aggregate_actors(store, _actor_mentions(_span_bounds(state)))
        _ACTORS_CACHE[(id(store.engine), store.url)] = (state, rows)
    return rows


def _aggregate_actors(store: Store, m: Any) -> Rows:
    """Counts per actor id; its name, country and sector are the ones its mentions give most often.

    (The greatest string would let one odd mention rename an actor: "top Russian official"
    for Russia, country UKR for RUS.) The tallies are kept in `_votes` so that counts
    merged in later for new articles pick the same winners a full count would.
    """
    query = select(
        m.c.id,
        func.count(func.distinct(m.c.article_id)).label("articles"),
        func.sum(case((m.c.role == "actor", 1), else_=0)).label("as_actor"),
        func.sum(case((m.c.role == "recipient", 1), else_=0)).label("as_recipient"),
        func.sum(case((m.c.role == "speaker", 1), else_=0)).label("quotes"),
    ).group_by(m.c.id).order_by(func.count(func.distinct(m.c.article_id)).desc(), m.c.id)
    votes_query = select(m.c.id, m.c.name, m.c.country, m.c.sector, func.count().label("n")).group_by(
        m.c.id, m.c.name, m.c.country, m.c.sector)
    votes: dict[Any, dict[str, dict[str, int]]] = defaultdict(lambda: {k: {} for k in _ATTRS})
    with store.engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(query)]
        for aid, name, country, sector, n in conn.execute(votes_query):
            tally = votes[aid]
            for k, v in zip(_ATTRS, (name, country, sector), strict=True):
                if v is not None:
                    tally[k][v] = tally[k].get(v, 0) + int(n)
    for r in rows:
        for k in ("articles", "as_actor", "as_recipient", "quotes"):
            r[k] = int(r[k] or 0)
        r["_votes"] = votes[r["id"]]
        r.update(_winners(r["_votes"]))
    return rows


_ATTRS = ("name", "country", "sector")


def _winners(votes: dict[str, dict[str, int]]) -> dict[str, Any]:
    """The most frequent value of each attribute; ties go to the first in alphabetical order."""
    return {k: min(tally, key=lambda v: (-tally[v], v)) if tally else None
            for k, tally in ((k, votes.get(k) or {}) for k in _ATTRS)}


def _public(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if not k.startswith("_")}


def _span_bounds(state: tuple[Any, ...]) -> list[int]:
    return [int(x or 0) for x in state[3:]]


def _appended(store: Store, cached: tuple[tuple[Any, ...], Rows], state: tuple[Any, ...]) -> Rows | None:
    """The cached table plus the spans of articles added since, or None when anything else changed."""
    if cached[0][0] != state[0] or any(new < old for new, old in zip(_span_bounds(state), _span_bounds(cached[0]),
                                                                    strict=True)):
        return None  # rows were deleted or rewritten
    old_pk, old_n, new_n = cached[0][1] or 0, cached[0][2] or 0, state[2] or 0
    after = _span_bounds(cached[0])
    a = schema.articles
    with store.engine.connect() as conn:
        added = int(conn.execute(select(func.count()).select_from(a).where(a.c.pk > old_pk)).scalar_one())
        if old_n + added != new_n:
            return None  # an article was deleted
        for table, last in zip((schema.entities, schema.events, schema.quotes), after, strict=True):
            touched_old = conn.execute(
                select(table.c.pk).join(a, a.c.id == table.c.article_id)
                .where(table.c.pk > last, a.c.pk <= old_pk).limit(1)).first()
            if touched_old is not None:
                return None  # an older article was re-analysed
    merged = {r["id"]: dict(r) for r in cached[1]}
    for r in _aggregate_actors(store, _actor_mentions(_span_bounds(state), after)):
        old = merged.get(r["id"])
        if old is None:
            merged[r["id"]] = r
            continue
        votes = {k: dict(old["_votes"].get(k) or {}) for k in _ATTRS}
        for k in _ATTRS:
            for v, n in (r["_votes"].get(k) or {}).items():
                votes[k][v] = votes[k].get(v, 0) + n
        old["_votes"] = votes
        old.update(_winners(votes))
        for k in ("articles", "as_actor", "as_recipient", "quotes"):
            old[k] += r[k]  # new articles are distinct from the ones already counted
    return sorted(merged.values(), key=lambda r: (-r["articles"], str(r["id"])))


def list_actors(store: Store, *, country: str | None = None, q: str | None = None, limit: int = 50,
                offset: int = 0) -> Rows:
    """Actors by how many articles mention them, with their role counts."""
    rows = actor_table(store)
    if country:
        rows = [r for r in rows if r["country"] == country.upper()]
    if q:
        needle = q.lower()
        rows = [r for r in rows if needle in (r["name"] or "").lower() or needle in str(r["id"]).lower()]
    return [_public(r) for r in rows[offset:offset + limit]]


def get_actor(store: Store, actor_id: str, *, limit: int = 200) -> dict[str, Any] | None:
    """One actor: its events as actor and as recipient, its quotes, and escalation per counterpart.

    The escalation here is the score-weighted daily sum of the actor's current (not
    historical, not negated, not hypothetical) events with each counterpart.
    """
    head = next((r for r in actor_table(store) if r["id"] == actor_id), None)
    if head is None or not head["articles"]:
        return None
    e = schema.events
    day = func.coalesce(e.c.date, e.c.published)
    # newest first, undated last, on every database (SQLite and PostgreSQL put NULLs at opposite ends)
    newest = (day.is_(None), day.desc(), e.c.article_id, e.c.idx)

    def latest(conn: Any, col: Any) -> Rows:
        # the sort runs over narrow keys; only the page's rows are read whole
        pks = select(e.c.pk).where(col == actor_id).order_by(*newest).limit(limit).scalar_subquery()
        return [dict(r._mapping) for r in conn.execute(select(e).where(e.c.pk.in_(pks)).order_by(*newest))]

    with store.engine.connect() as conn:
        as_actor, as_recipient = latest(conn, e.c.actor_id), latest(conn, e.c.recipient_id)
        dyads = conn.execute(  # summed per counterpart and day by the database: a busy actor has thousands
            select(e.c.actor_id, e.c.actor_name, e.c.recipient_id, e.c.recipient_name, day.label("day"),
                   func.count().label("n"), func.sum(e.c.score).label("score"))
            .where(or_(e.c.actor_id == actor_id, e.c.recipient_id == actor_id),
                   and_(e.c.historical.is_not(True), e.c.negated.is_not(True), e.c.hypothetical.is_not(True)))
            .group_by(e.c.actor_id, e.c.actor_name, e.c.recipient_id, e.c.recipient_name, day)
        ).all()
    quotes = list_quotes(store, speaker=actor_id, limit=limit)
    return {
        "id": actor_id, "name": head["name"], "country": head["country"], "sector": head["sector"],
        "articles": head["articles"],
        "events_as_actor": as_actor, "events_as_recipient": as_recipient, "quotes": quotes,
        "escalation": _counterpart_escalation(actor_id, dyads),
    }


def _counterpart_escalation(actor_id: str, dyads: Sequence[Any]) -> Rows:
    """Rows (actor, recipient, day, events, score sum) folded into one series per counterpart."""
    series: dict[str, dict[str, Any]] = {}
    days: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(lambda: [0, 0.0]))
    for a_id, a_name, r_id, r_name, day, n, score in dyads:
        other_id, other_name = (r_id, r_name) if a_id == actor_id else (a_id, a_name)
        key = other_id or other_name or "(unknown)"
        series.setdefault(key, {"counterpart_id": other_id, "counterpart": other_name or other_id or "(unknown)"})
        point = days[key][(day or "")[:10] or "undated"]
        point[0] += int(n)
        point[1] += float(score or 0.0)
    out = []
    for key, info in series.items():
        points: Rows = [{"date": d, "events": int(p[0]), "score": round(p[1], 2)}
                        for d, p in sorted(days[key].items())]
        out.append({**info, "events": sum(int(p[0]) for p in days[key].values()),
                    "score": round(sum(p[1] for p in days[key].values()), 2), "days": points})
    out.sort(key=lambda r: (-r["events"], r["counterpart"]))
    return out


# -- timeline, paged in SQL ---------------------------------------------------------------------

def _date_prefixes(value: str) -> list[str]:
    """Coarser dates that overlap `value`: a month-dated event falls inside a range starting mid-month.

    Event dates always start with a four-digit year, so shorter prefixes cannot match.
    """
    return sorted({value[:k] for k in range(4, len(value))})


def timeline_page(store: Store, *, type: str | None = None, country: str | None = None, actor: str | None = None,
                  outlet: str | None = None, date_from: str | None = None, date_to: str | None = None,
                  uncertain: bool | None = None, limit: int | None = 100, offset: int = 0,
                  max_mentions: int | None = None) -> Rows:
    """One page of the timeline view (`flashpoint.corpus.views.timeline`), filtered and paged by the database.

    The view itself loads every merged event into Python before paging, which takes
    seconds on a store of a million events; this asks for the page only, from the
    date index, and builds the same rows. With `max_mentions`, each event lists its first
    `max_mentions` mentions (an event told by every outlet for a year has thousands); its
    marks (denied, contested, ...), `articles` and `n_mentions` still count every mention.
    """
    from flashpoint.corpus import tables as t

    _fresh_views(store)
    me, em = t.merged_events, t.event_mentions
    q = _timeline_query(store, select(me), type=type, country=country, actor=actor, outlet=outlet,
                        date_from=date_from, date_to=date_to, uncertain=uncertain)
    q = q.order_by(me.c.date, me.c.id).limit(limit).offset(offset)
    mentions: dict[int, Rows] = defaultdict(list)
    tallies: dict[int, dict[str, int]] = {}
    with store.engine.connect() as conn:
        page = [dict(r._mapping) for r in conn.execute(q)]
        ids = [r["id"] for r in page]
        if ids:
            if max_mentions is None:
                found = list(conn.execute(select(em).where(em.c.merged_id.in_(ids)).order_by(em.c.article_pk,
                                                                                          em.c.start)))
            else:  # each event's first mentions, read from the (merged_id, article_pk, start) index
                tallies = {r["id"]: {"n": r["n_mentions"], "negated": r["n_negated"],
                                     "hypothetical": r["n_hypothetical"], "asserted": r["n_asserted"],
                                     "articles": r["n_originals"]} for r in page}
                firsts = [select(em).where(em.c.merged_id == mid).order_by(em.c.article_pk, em.c.start)
                          .limit(max_mentions).subquery() for mid in ids]
                found = sorted(conn.execute(union_all(*(select(f) for f in firsts))),
                               key=lambda m: (m.article_pk, -1 if m.start is None else m.start))
            for m in found:
                mentions[m.merged_id].append({
                    "article_id": m.article_id, "outlet": m.outlet, "published": m.published,
                    "duplicate": not m.canonical, "text": m.text, "start": m.start, "end": m.end,
                    "negated": m.negated, "hypothetical": m.hypothetical, "reported_by": m.reported_by})
    from flashpoint.corpus.views import timeline_row

    return [timeline_row(r, mentions.get(r["id"], []), tallies.get(r["id"]) if tallies else None) for r in page]


def _fresh_views(store: Store) -> None:
    from flashpoint.corpus.tables import pending

    if pending(store):
        from flashpoint.corpus.update import update_views

        update_views(store, wait=False)  # another process updating the views right now: it catches up


def _timeline_query(store: Store, q: Any, *, type: str | None = None, country: str | None = None,
                    actor: str | None = None, outlet: str | None = None, date_from: str | None = None,
                    date_to: str | None = None, uncertain: bool | None = None) -> Any:
    from flashpoint.corpus import tables as t
    from flashpoint.corpus.views import certain_events

    me, em = t.merged_events, t.event_mentions
    q = q.where(me.c.date.is_not(None))
    if not uncertain:
        q = q.where(certain_events())
    if type:
        q = q.where(me.c.type == type.upper())
    if country:
        cc = country.upper()
        q = q.where(or_(me.c.actor_country == cc, me.c.recipient_country == cc))
    if actor:
        from flashpoint.store.actor_match import match_actor

        found = match_actor(store, actor)
        keys, names = sorted(found.keys), sorted(found.names)
        q = q.where(or_(me.c.actor_key.in_(keys), me.c.recipient_key.in_(keys),
                        me.c.actor_name.in_(names), me.c.recipient_name.in_(names)))
    if outlet:
        q = q.where(select(em.c.pk).where(em.c.merged_id == me.c.id, em.c.outlet == outlet).exists())
    return q.where(*_timeline_dates(me.c.date, date_from, date_to))


def _timeline_dates(column: Any, date_from: str | None, date_to: str | None) -> list[Any]:
    """A timeline date range over a TIMEX3 date column: dates from `date_from` on, with the month and year values
    that overlap it, up to the end of `date_to`."""
    conds = []
    if date_from:
        coarser = _date_prefixes(date_from)
        # the first bound alone is what the date index can seek to; the OR keeps coarser dates that overlap
        conds += [column >= date_from[:4],
                  or_(column >= date_from, column.in_(coarser)) if coarser else column >= date_from]
    if date_to:
        conds.append(column <= date_to + _DATE_END)
    return conds


def count_timeline(store: Store, **filters: Any) -> int:
    """How many timeline entries the filters of `timeline_page` select.

    With no filter but dates (and `uncertain`), a sum over the per-date counts the view update keeps
    (`timeline_days`): what it costs follows the days of the range, not the events of the store."""
    from flashpoint.corpus import tables as t

    _fresh_views(store)
    if not any(filters.get(k) for k in ("type", "country", "actor", "outlet")):
        td = t.timeline_days
        q = select(func.coalesce(func.sum(td.c.every if filters.get("uncertain") else td.c.certain), 0)).where(
            *_timeline_dates(td.c.date, filters.get("date_from"), filters.get("date_to")))
    else:
        q = _timeline_query(store, select(func.count()).select_from(t.merged_events), **filters)
    with store.engine.connect() as conn:
        return int(conn.execute(q).scalar_one())


def _snippet(text: str, n: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rsplit(" ", 1)[0] + "…"
