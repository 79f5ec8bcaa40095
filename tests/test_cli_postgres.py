"""Every CLI command on PostgreSQL (`--db postgresql://...`), checked against the same run on SQLite."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from conftest import SEEDS
from flashpoint.api.app import create_app
from flashpoint.cli import app

runner = CliRunner()
VIEWS = ("events", "quotes", "stories", "claims", "timeline", "framing", "escalation")


def cli(*args: str) -> Any:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def rows(db: str, command: str, *extra: str) -> list[dict[str, Any]]:
    out = json.loads(cli(command, "--db", db, "--format", "json", "--limit", "1000", *extra).stdout)
    assert isinstance(out, list)
    return out


@pytest.fixture(scope="module")
def seeds() -> list[str]:
    files = sorted(str(p) for p in SEEDS.glob("*.txt"))
    assert len(files) == 5
    return files


def _comparable(name: str, data: list[dict[str, Any]]) -> list[Any]:
    """What must not depend on the database: ids and timestamps may."""
    if name == "events":
        return sorted((r["article_id"], r["idx"], r["type"], r["start"], r["end"]) for r in data)
    if name == "quotes":
        return sorted((r["article_id"], r["start"], r["end"], r["speaker_name"] or "") for r in data)
    if name == "stories":
        return sorted(sorted(r["article_ids"]) for r in data)
    if name == "timeline":
        return sorted((r["date"], r["type"], len(r["mentions"])) for r in data)
    if name == "escalation":
        return sorted((r["dyad"], r["date"], r["value"]) for r in data)
    if name == "claims":
        return sorted((r["kind"], r["subject"], len(r["values"])) for r in data)
    return sorted(r["outlet"] for r in data)


def test_every_command_runs_on_postgresql(pg_url: str, sqlite_url: str, seeds: list[str]) -> None:
    assert pg_url.startswith("postgresql")
    first = cli("ingest", *seeds, "--db", pg_url)
    assert "stored 5" in first.output
    again = cli("ingest", *seeds, "--db", pg_url)
    assert "stored 0, already present 5" in again.output
    cli("ingest", *seeds, "--db", sqlite_url)

    results: dict[str, list[dict[str, Any]]] = {}
    for name in VIEWS:
        pg, lite = rows(pg_url, name), rows(sqlite_url, name)
        assert _comparable(name, pg) == _comparable(name, lite), name
        results[name] = pg
    assert results["events"] and results["quotes"] and results["stories"] and results["timeline"]

    # filters reach PostgreSQL too
    kind = results["events"][0]["type"]
    typed = rows(pg_url, "events", "--type", kind)
    assert typed and {e["type"] for e in typed} == {kind}
    table = cli("events", "--db", pg_url, "--limit", "3").stdout
    assert "events" in table and len(table.splitlines()) > 5
    csv_out = cli("events", "--db", pg_url, "--format", "csv", "--limit", "3").stdout.splitlines()
    assert len(csv_out) == 4 and "type" in csv_out[0]

    # `analyze` is stateless, and the records it prints are the ones stored
    analyzed = [json.loads(line) for line in cli("analyze", seeds[0]).stdout.splitlines() if line.strip()]
    assert len(analyzed) == 1 and analyzed[0]["body"]
    stored_ids = {e["article_id"] for e in results["events"]}
    assert analyzed[0]["id"] in stored_ids or not analyzed[0]["events"]


def test_serve_app_reads_postgresql(pg_url: str, seeds: list[str]) -> None:
    """`flashpoint serve --db postgresql://...` builds its app with create_app(db): the same URL here."""
    cli("ingest", *seeds, "--db", pg_url)
    client = TestClient(create_app(pg_url, api_key="k"))
    health = client.get("/api/health").json()
    assert health == {"ok": True, "database": "postgresql", "articles": 5}
    events = client.get("/api/events", params={"limit": 1000}).json()["items"]
    assert len(events) == len(rows(pg_url, "events"))
    first = client.get("/api/articles", params={"limit": 1}).json()["items"][0]
    assert client.get(f"/api/articles/{first['id']}").json()["body"]
    for page in ("/", "/timeline", "/stories", "/actors"):
        assert client.get(page).status_code == 200, page
