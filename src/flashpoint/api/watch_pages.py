"""What `flashpoint watch` keeps in the store, served: the sources' health and the alerts with their
delivery state (a dashboard page and JSON), and the alerts as an Atom feed at a stable URL."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from flashpoint.api.pages import templates
from flashpoint.api.routes import get_store, require_read
from flashpoint.store.store import Store
from flashpoint.watch import alerts as alerts_mod
from flashpoint.watch import health
from flashpoint.watch.atom import alerts_feed
from flashpoint.watch.deliver import iso

router = APIRouter(dependencies=[Depends(require_read)])
StoreDep = Annotated[Store, Depends(get_store)]
Limit = Annotated[int, Query(ge=1, le=1000)]


def _sources(store: Store) -> list[dict[str, Any]]:
    rows = health.list_sources(store)
    for r in rows:
        for key in ("last_poll", "last_success", "last_error_at", "next_poll", "lease_until"):
            r[key] = iso(r[key]) if r[key] else None
        r.pop("etag", None)
        r.pop("last_modified", None)
    return rows


def _alerts(store: Store, limit: int) -> list[dict[str, Any]]:
    rows = alerts_mod.list_alerts(store, limit)
    for r in rows:
        r["created"] = iso(r.pop("created_at"))
        for d in r["deliveries"]:
            d["sent_at"] = iso(d["sent_at"]) if d["sent_at"] else None
    return rows


@router.get("/api/watch/sources", tags=["watch"])
def api_sources(store: StoreDep) -> JSONResponse:
    """Each watched source: kind, target, state, last success, last error, failures, items seen."""
    return JSONResponse(_sources(store))


@router.get("/api/watch/alerts", tags=["watch"])
def api_alerts(store: StoreDep, limit: Limit = 200) -> JSONResponse:
    """Alerts, newest first, with their delivery state per channel."""
    return JSONResponse(_alerts(store, limit))


@router.get("/alerts.atom", include_in_schema=False)
def atom(request: Request, store: StoreDep) -> Response:
    xml = alerts_feed(alerts_mod.list_alerts(store, 100), str(request.url_for("atom")), str(request.base_url))
    return Response(xml, media_type="application/atom+xml; charset=utf-8")


@router.get("/watch", include_in_schema=False, response_class=HTMLResponse)
def watch_page(request: Request, store: StoreDep) -> Response:
    return templates.TemplateResponse(request, "watch.html", {"title": "Watch", "sources": _sources(store),
                                                              "alerts": _alerts(store, 200)})
