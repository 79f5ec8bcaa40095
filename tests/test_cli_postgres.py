"""Every CLI command on PostgreSQL (`--db postgresql://...`), checked against the same run on SQLite."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.error
import urllib.request
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import SEEDS, _free_port
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


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as resp:  # noqa: S310 - our own local server
            return resp.status, resp.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def test_serve_starts_on_postgresql(pg_url: str, seeds: list[str]) -> None:
    """`flashpoint serve --db postgresql://...` in its own process answers the API and the pages."""
    cli("ingest", *seeds, "--db", pg_url)
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-c", "from flashpoint.cli import app; app()", "serve", "--db", pg_url,
                             "--port", str(port), "--api-key", "k"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            assert proc.poll() is None, proc.communicate()[0]
            try:
                status, body = _get(base + "/api/health")
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        assert status == 200 and json.loads(body) == {"ok": True, "database": "postgresql", "articles": 5}
        status, body = _get(base + "/api/events?limit=1000")
        assert status == 200 and len(json.loads(body)["items"]) == len(rows(pg_url, "events"))
        status, body = _get(base + "/api/timeline?limit=1000")
        assert status == 200 and len(json.loads(body)["items"]) == len(rows(pg_url, "timeline"))
        status, body = _get(base + "/api/events?type=NOPE")
        assert status == 422 and "PLOVER" in json.loads(body)["error"]
        first = json.loads(_get(base + "/api/articles?limit=1")[1])["items"][0]
        assert json.loads(_get(f"{base}/api/articles/{first['id']}")[1])["body"]
        for page in ("/", "/timeline", "/stories", "/actors", f"/articles/{first['id']}"):
            status, body = _get(base + page)
            assert status == 200 and "<main>" in body, page
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_demo_runs_on_postgresql(pg_url: str) -> None:
    """`flashpoint demo --db postgresql://...` fills PostgreSQL and ends with the command that serves it."""
    out = cli("demo", "--db", pg_url).output
    last = [line for line in out.splitlines() if line.strip()][-1]
    assert f"flashpoint serve --db {pg_url}" in last
    stored = rows(pg_url, "events")
    assert stored and rows(pg_url, "stories")
    again = cli("demo", "--db", pg_url).output  # idempotent: nothing stored twice
    assert "stored 0 new articles" in again and len(rows(pg_url, "events")) == len(stored)
