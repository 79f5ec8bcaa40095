"""The FastAPI app: REST API and dashboard pages."""

from __future__ import annotations

from fastapi import FastAPI


def create_app(db: str | None = None, api_key: str | None = None) -> FastAPI:
    return FastAPI(title="flashpoint")
