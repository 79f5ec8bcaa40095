"""The JSON API under /api: the same records and views the CLI prints, with filters and paging."""

from __future__ import annotations

import json
from functools import partial
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from starlette.datastructures import UploadFile

from flashpoint.api import data
from flashpoint.api.data import BadParameter, Filters
from flashpoint.model import Article, InputError, RawDocument
from flashpoint.options import API_MAX_LIMIT, API_TIMELINE_MENTIONS, API_WINDOW_DAYS, OPTIONS, check_text
from flashpoint.store import queries
from flashpoint.store.store import Store

if TYPE_CHECKING:
    from flashpoint.workflow import Deferred

MAX_UPLOAD = 10 * 1024 * 1024
INGEST_THREADS = 2  # ingests cleaned and analysed at once, each in a worker thread: reads keep the rest


def _presented_key(request: Request) -> str | None:
    return request.headers.get("x-api-key")


def require_read(request: Request) -> None:
    """Reads are open unless a read key is set; the write key also opens them."""
    from flashpoint.api.app import check_key

    read_key, api_key = request.app.state.read_key, request.app.state.api_key
    if not read_key:
        return
    given = _presented_key(request) or request.cookies.get("flashpoint_key") or request.query_params.get("key")
    if given is None:
        raise HTTPException(401, "this server needs an API key to read: send it in the X-API-Key header",
                            headers={"WWW-Authenticate": "X-API-Key"})
    if not (check_key(given, read_key) or (api_key and check_key(given, api_key))):
        raise HTTPException(403, "the API key is not valid")


def require_write(request: Request) -> None:
    from flashpoint.api.app import check_key

    api_key = request.app.state.api_key
    if not api_key:
        raise HTTPException(403, "ingest is disabled: start the server with an API key (--api-key or FLASHPOINT_API_KEY)")
    given = _presented_key(request)
    if given is None:
        raise HTTPException(401, "ingest needs an API key: send it in the X-API-Key header",
                            headers={"WWW-Authenticate": "X-API-Key"})
    if not check_key(given, api_key):
        raise HTTPException(403, "the API key is not valid")


router = APIRouter(prefix="/api", dependencies=[Depends(require_read)])


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


StoreDep = Annotated[Store, Depends(get_store)]
OPT = OPTIONS  # names, help and checks shared with the command line (flashpoint.options)
Limit = Annotated[int, Query(ge=1, le=API_MAX_LIMIT, description=f"rows per page (1 to {API_MAX_LIMIT})")]
MAX_OFFSET = 1_000_000_000  # beyond any store, and far below what a database integer holds
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="rows to skip")]
DateFrom = Annotated[str | None, Query(description=OPT["date_from"].help)]
DateTo = Annotated[str | None, Query(description=OPT["date_to"].help)]


def view_filters(
    outlet: Annotated[str | None, Query(description=OPT["outlet"].help)] = None,
    country: Annotated[str | None, Query(description=OPT["country"].help)] = None,
    actor: Annotated[str | None, Query(description=OPT["actor"].help)] = None,
    type: Annotated[str | None, Query(description=OPT["type"].help)] = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Filters:
    return Filters(outlet=outlet, country=country, actor=actor, type=type, date_from=date_from, date_to=date_to,
                   limit=limit, offset=offset)


FiltersDep = Annotated[Filters, Depends(view_filters)]


def page(items: list[Any], f: Filters | None = None, *, limit: int | None = None, offset: int | None = None,
         **extra: Any) -> JSONResponse:
    """One page of rows: `{items, count, total, limit, offset}`; `total` counts every row the filters select."""
    return JSONResponse({"items": data.plain(items), "count": len(items),
                         "limit": f.limit if f else limit, "offset": f.offset if f else offset, **extra})


def listed(store: Store, name: str, f: Filters, **extra: Any) -> JSONResponse:
    """A list as the command line prints it (`flashpoint.listing`), with its total."""
    got = data.view_page(store, name, f)
    return page(got.rows, f, total=got.total, **extra)


def recent_window(store: Store, f: Filters, what: str, since: Any = None) -> dict[str, Any]:
    """No date range asked: read the API_WINDOW_DAYS days up to the newest (as the overview does), and say so.

    A list's page and its total then cost what those days hold, however long the store's history; older
    rows stay one parameter (date_from, date_to) away."""
    if f.date_from or f.date_to:
        return {}
    from flashpoint.corpus import views

    f.date_from = (since or views.recent_since)(store, API_WINDOW_DAYS)
    if f.date_from is None:
        return {}
    return {"date_from": f.date_from, "window": f"{what} of the {API_WINDOW_DAYS} days up to the newest; "
                                                "give date_from (and date_to) for others"}


@router.get("/health", summary="Is the store reachable, and how much does it hold")
def health(store: StoreDep) -> dict[str, Any]:
    return {"ok": True, "database": store.dialect, "articles": store.count()}


@router.get("/articles", summary="Search articles by text, outlet and date range")
def articles(store: StoreDep, q: Annotated[str | None, Query(description="words that must all appear")] = None,
             outlet: Annotated[str | None, Query(description=OPT["outlet"].help)] = None, date_from: DateFrom = None,
             date_to: DateTo = None, limit: Limit = 50, offset: Offset = 0) -> JSONResponse:
    f = Filters(outlet=outlet, date_from=date_from, date_to=date_to, limit=limit, offset=offset,
                extra={"q": check_text("q", q)})
    return listed(store, "articles", f)


@router.get("/articles/{article_id:path}", summary="One article: its clean text and every span with offsets")
def article(store: StoreDep, article_id: str) -> dict[str, Any]:
    found = store.get(article_id)
    if found is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return found.record()


@router.get("/events", summary="Coded PLOVER events with the sentence each came from")
def events(store: StoreDep, f: FiltersDep,
           historical: Annotated[bool | None, Query(description="only background (true) or current (false)")] = None,
           article_id: str | None = None) -> JSONResponse:
    f.extra = {k: v for k, v in (("historical", historical), ("article_id", article_id)) if v is not None}
    return listed(store, "events", f)


@router.get("/quotes", summary="Quotations with their speakers")
def quotes(store: StoreDep, f: FiltersDep,
           speaker: Annotated[str | None, Query(description="speaker: " + OPT["actor"].help)] = None) -> JSONResponse:
    if speaker:
        f.actor = OPT["actor"].check("speaker", speaker)
    return listed(store, "quotes", f)


def _view_route(name: str, summary: str) -> None:
    def endpoint(store: StoreDep, f: FiltersDep) -> JSONResponse:
        return listed(store, name, f)

    endpoint.__name__ = name
    router.get(f"/{name}", summary=summary)(endpoint)


_view_route("stories", "Articles about the same happening, across outlets")


@router.get("/timeline", summary="Merged events in date order, each with its first mentions")
def timeline(store: StoreDep, f: FiltersDep, uncertain: Annotated[bool, Query(
        description="also events coded with low confidence or with no actor country (hidden by default)")] = False,
             mentions: Annotated[int, Query(ge=0, le=API_MAX_LIMIT, description=(
                 "mentions listed per event (n_mentions counts them all; the marks and articles count every one)"))]
             = API_TIMELINE_MENTIONS) -> JSONResponse:
    f.uncertain = uncertain or None
    f.extra = {"max_mentions": mentions}
    return listed(store, "timeline", f)


_view_route("framing", "Per outlet: competing terms, voices quoted, who is cast as aggressor")


@router.get("/claims", summary="Figures of the same kind side by side, disagreements flagged (the last "
            f"{API_WINDOW_DAYS} days of figures unless a date range is given)")
def claims(store: StoreDep, f: FiltersDep,
           kind: Annotated[str | None, Query(description=OPT["kind"].help)] = None,
           status: Annotated[str | None, Query(description=OPT["status"].help)] = None) -> JSONResponse:
    f.kind, f.status = OPT["kind"].check("kind", kind), OPT["status"].check("status", status)
    from flashpoint.corpus.views import claims_since  # grouping reads every figure of the range

    return listed(store, "claims", f, **recent_window(store, f, "figures published in", claims_since))


@router.get("/escalation", summary="Score-weighted daily (weekly, monthly) counts of current events per dyad")
def escalation(store: StoreDep, f: FiltersDep,
               period: Annotated[str | None, Query(description=OPT["period"].help)] = None) -> JSONResponse:
    f.period = OPT["period"].check("period", period)
    return listed(store, "escalation", f)


@router.get("/stories/{story_id}", summary="One story with its outlets side by side")
def story(store: StoreDep, story_id: str) -> JSONResponse:
    found = data.story(store, story_id)
    if found is None:
        raise HTTPException(404, f"no story with id {story_id!r}")
    return JSONResponse(data.plain({**found, "comparison": data.story_comparison(store, found)}))


@router.get("/alerts", summary="Days where a dyad's escalation breaks from its baseline")
def alerts(store: StoreDep, limit: Limit = 100, offset: Offset = 0) -> JSONResponse:
    """The stored alert days, paged and counted by the database (as `/api/escalation?alert`)."""
    return listed(store, "escalation", Filters(limit=limit, offset=offset, extra={"alert": True}))


@router.get("/actors", summary="Actors by the number of articles that mention them")
def actors(store: StoreDep, q: Annotated[str | None, Query(description="part of a name or id")] = None,
           country: str | None = None, limit: Limit = 50, offset: Offset = 0) -> JSONResponse:
    f = Filters(country=country, limit=limit, offset=offset)
    every = queries.list_actors(store, country=f.country, q=q, limit=2**62, offset=0)
    return page(every[offset:offset + limit], f, total=len(every))


@router.get("/actors/{actor_id:path}", summary="One actor: events as actor and recipient, quotes, escalation")
def actor(store: StoreDep, actor_id: str) -> JSONResponse:
    found = data.actor(store, actor_id)
    if found is None:
        raise HTTPException(404, f"no actor with id {actor_id!r}")
    return JSONResponse(data.plain(found))


@router.get("/outlets", summary="Outlets and how many articles each has in the store")
def outlets(store: StoreDep) -> JSONResponse:
    rows = queries.list_outlets(store)
    return page(rows, limit=len(rows), offset=0, total=len(rows))


# -- ingest ---------------------------------------------------------------------------------------

GIVEN = ("id", "title", "outlet", "published")

INGEST_BODY = {
    "requestBody": {
        "description": "A JSON document `{text | html | url, title?, outlet?, published?, id?}` (or "
                       "`{documents: [...]}`), or a multipart upload with one or more `file` parts.",
        "content": {
            "application/json": {"schema": {"type": "object", "properties": {
                "text": {"type": "string"}, "html": {"type": "string"}, "url": {"type": "string"},
                "title": {"type": "string"}, "outlet": {"type": "string"}, "published": {"type": "string"},
                "id": {"type": "string"}, "documents": {"type": "array", "items": {"type": "object"}}}}},
            "multipart/form-data": {"schema": {"type": "object", "properties": {
                "file": {"type": "string", "format": "binary"}, "url": {"type": "string"},
                "title": {"type": "string"}, "outlet": {"type": "string"}, "published": {"type": "string"}}}},
        },
    }
}


def _article_from(content: str, *, source: str, html: bool, given: dict[str, Any]) -> Article | InputError:
    from flashpoint.ingest.decode import BadInput
    from flashpoint.ingest.pipeline import build_article

    url = given.get("url")
    raw = RawDocument(source=source, content=content, kind="html" if html else "text", url=url,
                      given={k: v for k, v in given.items() if k in GIVEN and v})
    try:
        art = build_article(raw)
    except BadInput as exc:  # no article in it, or out of its budget
        return InputError(source=source, message=str(exc))
    except Exception as exc:  # noqa: BLE001 - a bad upload gets its error, not a 500
        return InputError(source=source, message=f"{type(exc).__name__}: {exc}")
    update: dict[str, Any] = {k: given[k] for k in GIVEN if given.get(k)}
    if url and not art.url:
        update["url"] = url
    if given.get("published"):
        update["published_from"] = "given"
    return art.model_copy(update=update) if update else art


def _looks_html(name: str, content_type: str | None, text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return (name.lower().endswith((".html", ".htm")) or (content_type or "").startswith("text/html")
            or head.startswith(("<!doctype html", "<html")))


def _check_given(doc: dict[str, Any]) -> dict[str, Any]:
    given = {k: doc.get(k) for k in (*GIVEN, "url")}
    for k, v in given.items():
        if v is not None and not isinstance(v, str):
            raise BadParameter(f"{k}: must be a string")
        if v:
            given[k] = v.replace("\x00", "")  # no NUL reaches the store (PostgreSQL refuses it in text)
    if given.get("published"):
        data.check_date("published", given["published"])
    url = given.get("url")
    if url and not url.lower().startswith(("http://", "https://")):
        raise BadParameter(f"url: {url!r} is not an http(s) URL")
    return given


async def _upload_text(up: UploadFile) -> str:
    """An uploaded file's text, refused past MAX_UPLOAD (read one byte more to know)."""
    raw = await up.read(MAX_UPLOAD + 1)
    if len(raw) > MAX_UPLOAD:
        raise HTTPException(413, f"{up.filename}: larger than {MAX_UPLOAD // (1024 * 1024)} MB")
    return raw.decode("utf-8", errors="replace")


async def _uploaded(request: Request) -> list[Deferred]:
    """Articles to build from a multipart upload; the form's fields describe the file, and with several
    files only those that can be shared (not id or title)."""
    form = await request.form()
    files = [v for v in form.getlist("file") + form.getlist("files") if isinstance(v, UploadFile)]
    given = _check_given({k: v for k, v in form.items() if isinstance(v, str)})
    if not files:
        raise BadParameter("the upload has no file part (name it 'file')")
    built: list[Deferred] = []
    for up in files:
        text = await _upload_text(up)
        name = up.filename or "upload"
        built.append((f"upload:{name}", partial(_article_from, text, source=f"upload:{name}",
                                                html=_looks_html(name, up.content_type, text),
                                                given=given if len(files) == 1 else {**given, "id": None, "title": None})))
    return built


async def _json_documents(request: Request) -> list[Any]:
    """The documents of a JSON body: one object, or the list under `documents`."""
    body = await request.body()
    if len(body) > MAX_UPLOAD:
        raise HTTPException(413, f"body larger than {MAX_UPLOAD // (1024 * 1024)} MB")
    try:
        payload = json.loads(body or b"null")
    except ValueError as exc:
        raise HTTPException(400, f"the body is not valid JSON: {exc}") from exc
    docs = payload.get("documents") if isinstance(payload, dict) and "documents" in payload else [payload]
    if not isinstance(docs, list) or not docs or not all(isinstance(d, dict) for d in docs):
        raise BadParameter("send an object {text|html|url, ...} or {documents: [objects]}")
    return docs


def _posted(docs: list[dict[str, Any]]) -> tuple[list[Deferred], list[str]]:
    """Per JSON document an article to build from its text or html, or else its URL to fetch."""
    built: list[Deferred] = []
    urls: list[str] = []
    for i, doc in enumerate(docs):
        given = _check_given(doc)
        text, html = doc.get("text"), doc.get("html")
        if text is None and html is None:
            if not given.get("url"):
                raise BadParameter(f"document {i}: give text, html or url")
            urls.append(given["url"])
            continue
        content = html if html is not None else text
        if not isinstance(content, str) or not content.strip():
            raise BadParameter(f"document {i}: text/html must be a non-empty string")
        source = given.get("url") or f"api:{given.get('id') or i}"
        built.append((source, partial(_article_from, content, source=source, html=html is not None, given=given)))
    return built, urls


async def _documents(request: Request) -> tuple[list[Deferred], list[str]]:
    """Articles to build (cleaning is left to a worker thread, off the event loop), and URLs to fetch,
    from a JSON body or a multipart upload."""
    ctype = request.headers.get("content-type", "")
    if ctype.startswith("multipart/form-data"):
        return await _uploaded(request), []
    if not ctype.startswith("application/json"):
        raise HTTPException(415, "send JSON (application/json) or a multipart/form-data upload")
    return _posted(await _json_documents(request))


@router.post("/ingest", summary="Ingest documents: JSON text/html/url or a file upload (needs X-API-Key)",
             dependencies=[Depends(require_write)], status_code=201, openapi_extra=INGEST_BODY)
async def ingest(request: Request, store: StoreDep) -> JSONResponse:
    import anyio

    from flashpoint import workflow

    built, urls = await _documents(request)

    def work() -> dict[str, Any]:
        stored: list[str] = []
        dups: list[str] = []
        errors: list[dict[str, str]] = []
        warnings: list[dict[str, str]] = []  # documents stored without records (language not analysed)
        reports = ([workflow.ingest_articles(built, store)] if built else []) + (  # each within its budget
            [workflow.ingest(urls, store, allow_private=False)] if urls else [])
        for rep in reports:
            stored += rep.stored
            dups += rep.duplicates
            errors += [{"source": e.source, "message": e.message} for e in rep.errors]
            warnings += [{"source": w.source, "message": w.message} for w in rep.warnings]
        return {"stored": stored, "duplicates": dups, "errors": errors, **({"warnings": warnings} if warnings else {})}

    slots = getattr(request.app.state, "ingest_slots", None)
    if slots is None:
        slots = request.app.state.ingest_slots = anyio.CapacityLimiter(INGEST_THREADS)
    result = await anyio.to_thread.run_sync(work, limiter=slots)
    if result["errors"] and not result["stored"] and not result["duplicates"]:
        first = result["errors"][0]
        return JSONResponse({"error": f"{first['source']}: {first['message']}", **result}, status_code=422)
    return JSONResponse(result, status_code=201 if result["stored"] else 200)
