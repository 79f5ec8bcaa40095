"""One page of any list the CLI prints and the API serves, with how many rows there are in all.

Both interfaces call `list_page` with the same validated `Filters`, so `flashpoint events
--actor X` and `/api/events?actor=X` return the same rows, and both can say when a page
is not everything (`total`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from flashpoint.options import Filters

if TYPE_CHECKING:
    from flashpoint.store.store import Store

Rows = list[dict[str, Any]]
LISTS = ("events", "quotes", "stories", "claims", "timeline", "framing", "escalation", "articles")


@dataclass
class Page:
    rows: Rows
    total: int
    offset: int
    limit: int | None

    @property
    def cut(self) -> bool:
        """Whether rows beyond this page exist."""
        return self.offset + len(self.rows) < self.total


def _events_kwargs(f: Filters) -> dict[str, Any]:
    return {"type": f.type, "country": f.country, "actor": f.actor, "outlet": f.outlet,
            "date_from": f.date_from, "date_to": f.date_to, **f.extra}


def _quotes_kwargs(f: Filters) -> dict[str, Any]:
    return {"speaker": f.extra.get("speaker") or f.actor, "country": f.country, "outlet": f.outlet,
            "date_from": f.date_from, "date_to": f.date_to}


def escalation_actor(store: Store, actor: str | None) -> str | None:
    """Escalation dyads are countries: `--actor Armenia` stands for ARM."""
    if not actor or (len(actor) == 3 and actor.isalpha()):
        return actor.upper() if actor else None
    from flashpoint.store.actor_match import match_actor

    found = match_actor(store, actor)
    return sorted(found.countries)[0] if found.countries else actor


def list_page(store: Store, name: str, f: Filters) -> Page:
    """Rows `offset` to `offset + limit` (all with limit None) of list `name`, and the total."""
    from flashpoint.store import queries

    if name == "events":
        kw = _events_kwargs(f)
        rows = queries.list_events(store, **kw, limit=f.limit, offset=f.offset)
        return Page(rows, _total(rows, f, lambda: queries.count_events(store, **kw)), f.offset, f.limit)
    if name == "quotes":
        kw = _quotes_kwargs(f)
        rows = queries.list_quotes(store, **kw, limit=f.limit, offset=f.offset)
        return Page(rows, _total(rows, f, lambda: queries.count_quotes(store, **kw)), f.offset, f.limit)
    if name == "timeline":
        kw = {"type": f.type, "country": f.country, "actor": f.actor, "outlet": f.outlet,
              "date_from": f.date_from, "date_to": f.date_to, "uncertain": f.uncertain}
        rows = queries.timeline_page(store, **kw, limit=f.limit, offset=f.offset,
                                     max_mentions=f.extra.get("max_mentions"))
        return Page(rows, _total(rows, f, lambda: queries.count_timeline(store, **kw)), f.offset, f.limit)
    if name == "articles":
        kw = {"q": f.extra.get("q"), "outlet": f.outlet, "date_from": f.date_from, "date_to": f.date_to}
        rows = queries.search_articles(store, **kw, limit=f.limit, offset=f.offset)
        return Page(rows, _total(rows, f, lambda: queries.count_articles(store, **kw)), f.offset, f.limit)
    if name not in LISTS:
        raise ValueError(f"unknown list {name!r}")
    from flashpoint.corpus import views

    kw = {k: v for k, v in f.view_kwargs().items() if k not in ("limit", "offset")}
    if name == "claims":
        kw.pop("type", None)  # a claim has a figure kind, not an event type
    if name == "escalation" and f.actor:
        kw["actor"] = escalation_actor(store, f.actor)
    if name == "escalation":  # paged by the database: the daily rows are stored with their baselines
        rows = views.escalation(store, **kw, limit=f.limit, offset=f.offset)
        return Page(rows, _total(rows, f, lambda: views.escalation_total(store, **kw)), f.offset, f.limit)
    every = list(getattr(views, name)(store, **kw))
    end = None if f.limit is None else f.offset + f.limit
    return Page(every[f.offset:end], len(every), f.offset, f.limit)


def _total(rows: Rows, f: Filters, count: Any) -> int:
    """A page that is not full is the last one: its total needs no count query."""
    if f.limit is None or (len(rows) < f.limit and (rows or f.offset == 0)):
        return f.offset + len(rows)
    return int(count())
