"""The FastAPI app: the REST API under /api and the dashboard pages, from one store.

Security is set here once for every response: a strict Content-Security-Policy (no
inline script, nothing from elsewhere), no sniffing, no framing; errors are JSON with
an `error` message on /api and a plain page elsewhere.
"""

from __future__ import annotations

import logging
import os
import re
import secrets
from pathlib import Path
from typing import Any
from urllib.parse import unquote_plus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from flashpoint.api.data import BadParameter
from flashpoint.store.store import Store

HERE = Path(__file__).parent
log = logging.getLogger("flashpoint.api")

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")

SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def create_app(db: str | None = None, api_key: str | None = None, *, read_key: str | None = None,
               store: Store | None = None) -> FastAPI:
    """The app over the store at `db`; writes need `api_key`, reads need `read_key` when one is set."""
    from flashpoint.api import pages, routes, watch_pages

    app = FastAPI(title="flashpoint", version="0.1.0", docs_url=None, redoc_url=None,
                  description="Events, quotes, figures, stories, timeline, framing and escalation from the news. "
                              "Write endpoints need the X-API-Key header.")
    app.state.store = store or Store(db)
    app.state.api_key = api_key or os.environ.get("FLASHPOINT_API_KEY") or None
    app.state.read_key = read_key or os.environ.get("FLASHPOINT_READ_KEY") or None

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        if "\x00" in request.url.path or "\x00" in unquote_plus(request.url.query):
            # no database takes a NUL in a query: a clear 422 rather than a 500 and a reset connection
            response = (JSONResponse({"error": "the request holds a NUL character"}, status_code=422)
                        if request.url.path.startswith("/api") else
                        pages.error_page(request, 422, "the request holds a NUL character"))
            for name, value in SECURITY_HEADERS.items():
                response.headers.setdefault(name, value)
            return response
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        key = request.query_params.get("key")
        if key and response.status_code < 400 and not request.url.path.startswith("/api"):
            # a page opened with ?key= keeps the read key for the links that follow
            # Secure (sent over HTTPS only) unless served on this machine's loopback, where there is no TLS
            secure = request.url.scheme == "https" or request.url.hostname not in LOOPBACK_HOSTS
            response.set_cookie("flashpoint_key", key, httponly=True, samesite="strict", secure=secure)
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if request.url.path.startswith("/api") or request.url.path == "/openapi.json":
            return JSONResponse({"error": message}, status_code=exc.status_code, headers=exc.headers)
        return pages.error_page(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        problems = []
        for e in exc.errors():
            where = ".".join(str(p) for p in e.get("loc", ()) if p not in ("query", "body", "path"))
            problems.append(f"{where or 'request'}: {e.get('msg', 'invalid')}")
        message = "; ".join(problems) or "invalid request"
        if request.url.path.startswith("/api"):
            return JSONResponse({"error": message, "detail": jsonable(exc.errors())}, status_code=422)
        return pages.error_page(request, 422, message)

    @app.exception_handler(BadParameter)
    async def bad_parameter(request: Request, exc: BadParameter) -> Response:
        if request.url.path.startswith("/api"):
            return JSONResponse({"error": str(exc)}, status_code=422)
        return pages.error_page(request, 422, str(exc))

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        log.exception("%s %s failed", request.method, request.url.path)
        message = f"internal error: {type(exc).__name__}"
        if request.url.path.startswith("/api"):
            return JSONResponse({"error": message}, status_code=500)
        return pages.error_page(request, 500, message)

    hide_keys_in_access_log()
    app.include_router(routes.router)
    app.include_router(pages.router)
    app.include_router(watch_pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    return app


LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
_KEY_IN_QUERY = re.compile(r"([?&]key=)[^&#\s]*", re.IGNORECASE)


class _HideKeys(logging.Filter):
    """The access log shows `?key=***`, never a read key given in a URL."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and len(record.args) >= 3 and isinstance(record.args[2], str):
            args = list(record.args)
            args[2] = _KEY_IN_QUERY.sub(r"\1***", str(args[2]))
            record.args = tuple(args)
        return True


def hide_keys_in_access_log() -> None:
    access = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, _HideKeys) for f in access.filters):
        access.addFilter(_HideKeys())


def jsonable(errors: Any) -> Any:
    from fastapi.encoders import jsonable_encoder

    return jsonable_encoder(errors, custom_encoder={Exception: str})


def check_key(given: str | None, expected: str) -> bool:
    return given is not None and secrets.compare_digest(given.encode(), expected.encode())
