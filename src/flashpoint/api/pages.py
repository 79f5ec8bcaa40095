"""The dashboard: server-rendered pages over the same data as the API.

Templates autoescape everything; the only raw HTML comes from `render.py`, which
escapes the text itself. Scripts live in /static (the CSP forbids inline ones).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from flashpoint.api import charts, data, render
from flashpoint.api.cache import cached
from flashpoint.api.data import Filters
from flashpoint.api.routes import MAX_OFFSET, get_store, require_read
from flashpoint.corpus.views import is_uncertain
from flashpoint.model import PLOVER_TYPES
from flashpoint.store import queries
from flashpoint.store.store import Store

# A page of the timeline is bounded whatever the store holds: events per page, and reporting articles linked
# per event (an event reported by a hundred articles says so in one count, /api/timeline lists them all).
TIMELINE_PAGE = 100
TIMELINE_ARTICLES_SHOWN = 12

templates = Jinja2Templates(directory=Path(__file__).parent / "templates")
templates.env.filters["urlq"] = render.urlq
templates.env.filters["safe_href"] = render.safe_href
templates.env.globals["actor_name"] = render.actor_name
templates.env.globals["dyad"] = render.series_key
templates.env.globals["uncertain"] = is_uncertain
templates.env.filters["num"] = render.num
templates.env.filters["marked"] = render.marked
templates.env.filters["unknown_outlet"] = render.unknown_outlet
templates.env.filters["outlet_text"] = render.outlet_text

router = APIRouter(dependencies=[Depends(require_read)], include_in_schema=False,
                   default_response_class=HTMLResponse)
StoreDep = Annotated[Store, Depends(get_store)]
Opt = Annotated[str | None, Query()]


def _page(request: Request, name: str, status: int = 200, **context: Any) -> Response:
    return templates.TemplateResponse(request, name, context, status_code=status)


def _cached_page(request: Request, store: Store, name: str, context: Any) -> Response:
    """A read page rendered once per state of the store and the views (and per query): the templates
    read nothing of the request but its query, and rendering a long page costs more than its data."""
    def render_page() -> str:
        ctx = context() if callable(context) else context
        return templates.get_template(name).render(request=request, **ctx)

    key = ("page", name, request.url.path, tuple(sorted(request.query_params.multi_items())))
    return HTMLResponse(cached(store, key, render_page))


def error_page(request: Request, status: int, message: str) -> Response:
    return _page(request, "error.html", status=status, status_code=status, message=message, title="Error")


DEFAULT_DYADS = 3
OVERVIEW_DAYS = 90  # the overview's chart, alerts, map and attention cover this many days up to the newest


def dyad_choices(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Dyads by their total index, largest first, each with its label."""
    totals: dict[str, float] = {}
    labels: dict[str, str] = {}
    for r in rows:
        key = str(r.get("dyad"))
        totals[key] = totals.get(key, 0.0) + float(r.get("value") or 0.0)
        labels[key] = str(r.get("label") or key)
    return [{"dyad": k, "label": labels[k], "total": round(v, 1)}
            for k, v in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))]


@router.get("/")
def overview(request: Request, store: StoreDep,
             dyad: Annotated[list[str] | None, Query(description="dyads to draw, e.g. ARM->AZE")] = None) -> Response:
    return _cached_page(request, store, "overview.html",
                        lambda: {"title": "Overview", **_overview(store, dyad or [])})


def _overview(store: Store, dyad: list[str]) -> dict[str, Any]:
    """What the overview shows: computed once per state of the store and the views (and dyads asked for).

    Everything is read from the stored views for the last OVERVIEW_DAYS before the newest scored day (the
    escalation chart, its dyads and alerts, the map, attention) or from indexes (latest stories and articles),
    so the page costs the same on a store of a year as on one of a week."""
    from flashpoint.corpus import escalation as esc
    from flashpoint.corpus import views

    since = overview_since(store)
    escalation = data.plain(views.escalation(store, date_from=since)) if since else []
    choices = dyad_choices(escalation)
    chosen = [d for d in dyad if any(c["dyad"] == d for c in choices)] or \
        [c["dyad"] for c in choices[:DEFAULT_DYADS]]
    label_of = {c["dyad"]: c["label"] for c in choices}
    series = [{"name": label_of[d], "points": [(r["date"], r["value"]) for r in escalation if r["dyad"] == d]}
              for d in chosen]
    alerts = [r for r in escalation if r.get("alert")]
    covered = views.covered_days(store, since) if since else set()
    return dict(
        stories=data.latest_stories(store, 12),
        chart=charts.time_chart(series, [a for a in alerts if a.get("dyad") in chosen], covered),
        dyads=choices[:12], chosen=chosen,
        settings={"window": esc.WINDOW_DAYS, "k": esc.K, "min_value": esc.MIN_ALERT_VALUE,
                  "min_days": esc.MIN_BASELINE_DAYS, "min_confidence": esc.MIN_CONFIDENCE},
        since=since, overview_days=OVERVIEW_DAYS,
        map=charts.world_map(views.event_map(store, date_from=since) if since else views.event_map(store)),
        attention=charts.attention_chart(views.attention(store, date_from=since) if since else []),
        alerts=alerts[-12:],
        actors=top_actors(store, 15),
        articles=queries.search_articles(store, limit=10),
        total=store.count(),
        outlets=queries.list_outlets(store),
    )


def overview_since(store: Store) -> str | None:
    """The first day the overview shows: OVERVIEW_DAYS before the newest day with articles (None: no dated one)."""
    from flashpoint.corpus import views

    return views.recent_since(store, OVERVIEW_DAYS)


def top_actors(store: Store, n: int) -> list[dict[str, Any]]:
    """The actors most involved: events as actor or recipient plus quotes, then articles.

    Ranking by articles alone puts demonyms and places ("Russian", "Donetsk") that never act on top.
    """
    rows = queries.list_actors(store, limit=1_000_000)
    rows.sort(key=lambda a: (-(a["as_actor"] + a["as_recipient"] + a["quotes"]), -a["articles"], str(a["id"])))
    return rows[:n]


@router.get("/articles")
def articles(request: Request, store: StoreDep, q: Opt = None, outlet: Opt = None, date_from: Opt = None,
             date_to: Opt = None, offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0) -> Response:
    f = Filters(outlet=outlet, date_from=date_from, date_to=date_to, limit=25, offset=offset)
    kw: dict[str, Any] = {"q": q, "outlet": f.outlet, "date_from": f.date_from, "date_to": f.date_to}
    rows = queries.search_articles(store, **kw, limit=f.limit, offset=f.offset)
    return _page(request, "articles.html", title="Articles", rows=rows, total=queries.count_articles(store, **kw),
                 f=f, q=q or "", outlets=queries.list_outlets(store))


@router.get("/articles/{article_id:path}")
def article(request: Request, store: StoreDep, article_id: str) -> Response:
    found = store.get(article_id)
    if found is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    record = found.record()
    spans = render.record_spans(record)
    groups: dict[str, list[dict[str, Any]]] = {k: [] for k in render.KINDS}
    for s in spans:
        groups[s["kind"]].append(s)
    return _page(request, "article.html", title=record.get("title") or record["id"], a=record,
                 body=render.highlight(record.get("body") or "", spans), groups=groups,
                 entity_groups=render.entity_groups(groups["entity"]))


@router.get("/stories")
def stories(request: Request, store: StoreDep, offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0) -> Response:
    f = Filters(limit=50, offset=offset)
    def context() -> dict[str, Any]:
        rows = data.run_view(store, "stories", f)
        leans = data.outlet_leans(store)
        bars = {r["id"]: charts.coverage_bar(data.coverage(r.get("outlet_articles") or {}, leans), width=220,
                                             height=14) for r in rows}
        return {"title": "Stories", "stories": rows, "f": f, "bars": bars}

    return _cached_page(request, store, "stories.html", context)


@router.get("/stories/{story_id}")
def story(request: Request, store: StoreDep, story_id: str) -> Response:
    found = data.story(store, story_id)
    if found is None:
        raise HTTPException(404, f"no story with id {story_id!r}")
    cmp = data.story_comparison(store, found)
    counts = {str(o["outlet"]): len(o.get("articles") or []) for o in cmp["outlets"]}
    segments = data.coverage(counts, data.outlet_leans(store), data.story_reports(cmp))
    return _page(request, "story.html", title=found.get("title") or "Story", s=found, cmp=cmp,
                 coverage=segments, coverage_bar=charts.coverage_bar(segments))


@router.get("/timeline")
def timeline(request: Request, store: StoreDep, date_from: Opt = None, date_to: Opt = None, country: Opt = None,
             type: Opt = None, outlet: Opt = None, actor: Opt = None, uncertain: bool = False,
             offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0) -> Response:
    f = Filters(date_from=date_from, date_to=date_to, country=country or None, type=type or None,
                outlet=outlet or None, actor=actor or None, uncertain=uncertain or None, limit=TIMELINE_PAGE,
                offset=offset)
    return _cached_page(request, store, "timeline.html", lambda: {
        "title": "Timeline", "rows": data.run_view(store, "timeline", f), "f": f, "types": PLOVER_TYPES,
        "outlets": queries.list_outlets(store), "shown_articles": TIMELINE_ARTICLES_SHOWN})


@router.get("/actors")
def actors(request: Request, store: StoreDep, q: Opt = None, offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0) -> Response:
    rows = queries.list_actors(store, q=q, limit=50, offset=offset)
    return _page(request, "actors.html", title="Actors", rows=rows, q=q or "", offset=offset)


@router.get("/actors/{actor_id:path}")
def actor(request: Request, store: StoreDep, actor_id: str) -> Response:
    found = data.actor(store, actor_id)
    if found is None:
        raise HTTPException(404, f"no actor with id {actor_id!r}")
    dyads = [d for d in found.get("dyads") or [] if isinstance(d, dict) and d.get("series")]
    if dyads:
        series = [{"name": str(d.get("dyad")), "points": [(r["date"], r["value"]) for r in d["series"]]}
                  for d in dyads[:5]]
        alerts = [{"date": day} for d in dyads[:5] for day in d.get("alerts") or []]
    else:
        series = [{"name": c["counterpart"], "points": [(p["date"], p["score"]) for p in c["days"]
                                                         if p["date"] != "undated"]}
                  for c in (found.get("escalation") or [])[:5]]
        alerts = []
    return _page(request, "actor.html", title=found.get("name") or actor_id, a=found, dyads=dyads,
                 chart=charts.time_chart([s for s in series if s["points"]], alerts, _covered(store), width=1180,
                                         height=300, label="escalation per counterpart",
                                         y_label="escalation index" if dyads else "sum of PLOVER scores"))


def _covered(store: Store) -> set[str]:
    from flashpoint.corpus import views

    return views.covered_days(store)


@router.get("/docs")
def docs(request: Request) -> Response:
    """The OpenAPI description as a page of its own (Swagger UI would need assets from a CDN)."""
    spec = request.app.openapi()
    ops = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [{"name": p.get("name"), "in": p.get("in"), "required": p.get("required", False),
                       "description": p.get("description") or p.get("schema", {}).get("description", "")}
                      for p in op.get("parameters", [])]
            ops.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""), "params": params,
                        "body": bool(op.get("requestBody"))})
    return _page(request, "docs.html", title="API", ops=ops, version=spec.get("info", {}).get("version"))
