"""The command line as a user meets it: one-line errors with exit statuses, options checked as the API
checks them, lists that say when they are cut, tables that fit, given metadata, actor filters."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from flashpoint.api.app import create_app
from flashpoint.cli import app
from flashpoint.ingest.pipeline import InputFailed, load_articles
from flashpoint.store.store import Store

runner = CliRunner(env={"COLUMNS": "80"})


@pytest.fixture
def db(sample_db: str) -> str:
    return sample_db


def run(*args: str) -> Any:
    return runner.invoke(app, list(args))


def ok(*args: str) -> Any:
    result = run(*args)
    assert result.exit_code == 0, result.output
    return result


def rows(db: str, command: str, *extra: str) -> list[dict[str, Any]]:
    out = json.loads(ok(command, "--db", db, "--format", "json", "--limit", "0", *extra).stdout)
    assert isinstance(out, list)
    return out


def one_error_line(result: Any, code: int) -> str:
    assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.output
    return str(lines[0])


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# -- errors ------------------------------------------------------------------------------------

@pytest.mark.parametrize("args, says", [
    (["events", "--since", "yesterday"], "--since: 'yesterday' is not a date"),
    (["events", "--until", "2021-02-30"], "--until: '2021-02-30' is not a date"),
    (["events", "--type", "BOGUS"], "--type: 'BOGUS' is not a PLOVER event type"),
    (["events", "--limit", "-5"], "--limit: -5 must be 0 (every row) or more"),
    (["events", "--offset", "-1"], "--offset: -1 must not be negative"),
    (["events", "--country", "Ukraine"], "--country: 'Ukraine' is not an ISO 3166 alpha-3 code"),
    (["events", "--since", "2022-03", "--until", "2022-01"], "--since 2022-03 is after --until 2022-01"),
    (["events", "--format", "xml"], "--format: 'xml' is not one of table, json, jsonl, csv"),
    (["events", "--columns", "nope"], "--columns: no column 'nope'"),
    (["events", "--bogus"], "No such option: --bogus"),
    (["escalation", "--period", "year"], "--period: 'year' is not one of day, week, month"),
    (["claims", "--kind", "deaths"], "--kind: 'deaths' is not one of killed"),
    (["export", "events", "--format", "xml"], "--format: 'xml' is not one of csv, jsonl, parquet"),
    (["export", "quotes", "--format", "plover"], "--format plover holds events"),
    (["export", "stories"], "nothing called 'stories' to export"),
    (["export", "articles", "--type", "ASSAULT"], "--type: not a filter of articles"),
    (["ingest"], "Missing argument"),
    (["ingest", "a.txt", "--published", "2021-13-01"], "--published: '2021-13-01' is not a date"),
    (["ingest", "a.txt", "--published", "2021-04"], "--published: '2021-04' is not a full date"),
    (["ingest", "a.txt", "b.txt", "--title", "One headline"], "--title names one document"),
    (["ingest", "a.txt", "--workers", "0"], "--workers: 0 must be 1 or more"),
    (["frobnicate"], "No such command 'frobnicate'"),
    (["events", "--since", ""], "--since is empty"),
    (["export", "events", "--outlet", " "], "--outlet is empty"),
    (["quotes", "--limit", "99999999999999999999"], "--limit: 99999999999999999999 is too large"),
    (["serve", "--port", "0"], "--port: 0 is not a port"),
    (["analyze", "x.txt", "--format", "xml"], "--format: 'xml' is not one of json, jsonl"),
    (["watch", "some-folder", "--once", "--min-outlets", "-1"], "--min-outlets: -1 must be 0 (never) or more"),
    (["watch", "some-folder", "--once", "--interval", "-3"], "--interval: -3.0 must be 0 seconds or more"),
])
def test_usage_errors_are_one_line_and_exit_2(db: str, args: list[str], says: str) -> None:
    cmd, *rest = args
    line = one_error_line(run(cmd, "--db", db, *rest) if cmd not in ("frobnicate", "analyze") else run(*args), 2)
    assert says in line


@pytest.mark.parametrize("db_arg, says", [
    ("foo://bar", "unknown database kind 'foo'"),
    ("mysql://u@localhost/x", "unknown database kind 'mysql'"),
    ("://nothing", "is not a database URL"),
])
def test_a_db_url_of_the_wrong_kind_is_a_usage_error(db_arg: str, says: str) -> None:
    assert says in one_error_line(run("events", "--db", db_arg), 2)


def test_the_api_rejects_the_same_values_with_the_same_words(db: str) -> None:
    client = TestClient(create_app(db))
    for cli_args, api_params in [
        (["--since", "yesterday"], {"date_from": "yesterday"}),
        (["--type", "BOGUS"], {"type": "BOGUS"}),
        (["--country", "Ukraine"], {"country": "Ukraine"}),
    ]:
        cli_line = one_error_line(run("events", "--db", db, *cli_args), 2)
        api = client.get("/api/events", params=api_params)
        assert api.status_code == 422
        api_msg = api.json()["error"]
        # the same check, named after the option as each interface spells it
        assert cli_line.split(": ", 2)[2] == api_msg.split(": ", 1)[1]
    for path, params, cli_args in [("/api/escalation", {"period": "year"}, ["escalation", "--period", "year"]),
                                   ("/api/claims", {"kind": "deaths"}, ["claims", "--kind", "deaths"])]:
        api = client.get(path, params=params)
        assert api.status_code == 422
        cli_line = one_error_line(run(cli_args[0], "--db", db, *cli_args[1:]), 2)
        assert cli_line.split(": ", 2)[2] == api.json()["error"].split(": ", 1)[1]


def test_read_commands_refuse_a_store_that_does_not_exist(tmp_path: Path) -> None:
    typo = tmp_path / "typo_seeds.db"
    for command in ("events", "quotes", "stories", "claims", "timeline", "framing", "escalation"):
        line = one_error_line(run(command, "--db", str(typo)), 1)
        assert f"no store at {typo}" in line
    assert "no store at" in one_error_line(run("export", "events", "--db", str(typo)), 1)
    assert "no store at" in one_error_line(run("serve", "--db", str(typo)), 1)
    assert not typo.exists()  # nothing created by looking


def test_an_unreachable_postgresql_is_one_line(tmp_path: Path) -> None:
    line = one_error_line(run("events", "--db", f"postgresql://nobody@127.0.0.1:{_closed_port()}/x"), 1)
    assert "cannot open the store postgresql://nobody@127.0.0.1" in line


def test_postgresql_without_a_store_is_refused(pg_url: str) -> None:
    line = one_error_line(run("events", "--db", pg_url), 1)
    assert "no flashpoint store in" in line


def test_a_file_that_is_not_a_store_is_one_line(tmp_path: Path) -> None:
    junk = tmp_path / "notes.db"
    junk.write_text("these are my notes, not a database " * 200)
    assert "cannot open the store" in one_error_line(run("events", "--db", str(junk)), 1)


def test_ingest_into_a_missing_folder_and_of_a_missing_file(tmp_path: Path) -> None:
    line = one_error_line(run("ingest", "x.txt", "--db", str(tmp_path / "no" / "such" / "x.db")), 1)
    assert "folder" in line and "does not exist" in line
    result = run("ingest", str(tmp_path / "missing.txt"), "--db", str(tmp_path / "new.db"))
    assert result.exit_code == 1
    assert "missing.txt: no such file or directory" in result.stderr
    assert "stored 0, already present 0, failed 1" in result.stderr


def test_serve_where_it_cannot_listen_is_one_line(db: str) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        line = one_error_line(run("serve", "--db", db, "--port", port), 1)
    assert f"--port {port}: cannot listen there" in line and "in use" in line
    # an address this machine does not have (TEST-NET-1, never assigned)
    assert "cannot listen there" in one_error_line(run("serve", "--db", db, "--host", "192.0.2.1", "--port", port), 1)


def test_eval_on_the_wrong_files_is_one_line(tmp_path: Path) -> None:
    not_json = tmp_path / "gold.json"
    not_json.write_text("these are notes")
    for suite in ("seeds", "datetime", "plover", "events"):
        line = one_error_line(run("eval", suite, str(not_json)), 2)
        assert f"{not_json}: not the {suite} data set: a file there is not JSON" in line
    folder = tmp_path / "empty"
    folder.mkdir()
    assert f"{folder}: Is a directory" in one_error_line(run("eval", "datetime", str(folder)), 2)
    assert f"{folder / 'gold.json'}: No such file" in one_error_line(run("eval", "seeds", str(folder)), 2)
    line = one_error_line(run("eval", "stories", str(folder), "--labels", str(not_json)), 2)
    assert f"--labels {not_json}: not the stories data set" in line


# -- lists -------------------------------------------------------------------------------------

def test_a_cut_list_says_so_and_limit_0_shows_all(db: str) -> None:
    every = rows(db, "events")
    assert len(every) > 5
    cut = ok("events", "--db", db, "--format", "json", "--limit", "2")
    assert len(json.loads(cut.stdout)) == 2
    assert f"showing events 1-2 of {len(every)}" in cut.stderr
    nxt = ok("events", "--db", db, "--format", "json", "--limit", "2", "--offset", "2")
    assert json.loads(nxt.stdout) == every[2:4]
    assert "showing" not in ok("events", "--db", db, "--format", "json", "--limit", "0").stderr
    csv_lines = ok("events", "--db", db, "--format", "csv", "--limit", "0", "--columns", "type,date").stdout.splitlines()
    assert csv_lines[0] == "type,date" and len(csv_lines) == len(every) + 1


def test_the_api_gives_totals(db: str) -> None:
    client = TestClient(create_app(db))
    n_events = len(rows(db, "events"))
    body = client.get("/api/events", params={"limit": 3}).json()
    assert body["count"] == 3 and body["total"] == n_events
    for name in ("quotes", "stories", "claims", "timeline", "framing", "escalation"):
        body = client.get(f"/api/{name}", params={"limit": 1}).json()
        assert body["total"] == len(rows(db, name)), name
    assert client.get("/api/articles", params={"limit": 1}).json()["total"] == 20  # the demo corpus: 19 pages plus the wire story Meridian Daily republished


def test_tables_fit_the_terminal(db: str) -> None:
    for width in (80, 120):
        result = CliRunner(env={"COLUMNS": str(width)}).invoke(app, ["events", "--db", db, "--limit", "5"])
        assert result.exit_code == 0
        lines = result.stdout.splitlines()
        assert lines and max(len(line) for line in lines) <= width
        header = next(line for line in lines if "type" in line)
        assert "text" in header and "date" in header  # the sentence is kept, and wraps
    narrow = CliRunner(env={"COLUMNS": "80"}).invoke(app, ["events", "--db", db, "--limit", "5"])
    assert "left out for the terminal's width" in narrow.stderr
    chosen = CliRunner(env={"COLUMNS": "80"}).invoke(app, ["events", "--db", db, "--limit", "3", "--columns",
                                                           "outlet,type"])
    header = next(line for line in chosen.stdout.splitlines() if "type" in line)
    assert header.index("outlet") < header.index("type") and "text" not in header


def test_framing_by_outlet_as_the_api_gives_it(db: str) -> None:
    every = rows(db, "framing")
    outlets = [r["outlet"] for r in every]
    assert len(outlets) == len(set(outlets)) > 1  # one row per outlet
    one = rows(db, "framing", "--outlet", outlets[-1])
    assert [r["outlet"] for r in one] == [outlets[-1]]
    api = TestClient(create_app(db)).get("/api/framing", params={"outlet": outlets[-1]}).json()["items"]
    assert json.loads(json.dumps(api)) == one
    table = ok("framing", "--db", db, "--columns", "outlet,articles").stdout
    assert all(o in table for o in outlets)


def test_escalation_by_week_and_month(db: str) -> None:
    daily = rows(db, "escalation")
    assert daily
    for period, pattern in (("week", r"^\d{4}-W\d{2}$"), ("month", r"^\d{4}-\d{2}$")):
        import re

        got = rows(db, "escalation", "--period", period)
        assert got and all(re.match(pattern, r["date"]) for r in got), period
        assert all(isinstance(r["events"], int) and r["events"] > 0 for r in got)
        for dyad in {r["dyad"] for r in daily}:  # every bucket is the sum of its days
            assert sum(r["value"] for r in got if r["dyad"] == dyad) == pytest.approx(
                sum(r["value"] for r in daily if r["dyad"] == dyad))
            assert sum(r["events"] for r in got if r["dyad"] == dyad) == sum(
                r["events"] for r in daily if r["dyad"] == dyad)
    months = {r["date"] for r in rows(db, "escalation", "--period", "month")}
    assert months <= {"2020-09", "2020-10", "2020-11"} and len(months) >= 2


# -- actors ------------------------------------------------------------------------------------

def test_actor_filters_match_names_aliases_and_surnames(db: str) -> None:
    by_id = {(e["article_id"], e["idx"]) for e in rows(db, "events", "--actor", "person:nikol-pashinyan")}
    assert by_id
    client = TestClient(create_app(db))
    for spelling in ("Nikol Pashinyan", "Pashinyan", "pashinyan", "Pashinian", "Nikol Pashinian"):
        got = {(e["article_id"], e["idx"]) for e in rows(db, "events", "--actor", spelling)}
        assert got == by_id, spelling
        api = client.get("/api/events", params={"actor": spelling, "limit": 1000}).json()
        assert {(e["article_id"], e["idx"]) for e in api["items"]} == by_id, spelling
    quotes = rows(db, "quotes", "--actor", "Pashinyan")
    assert quotes and {q["speaker_name"] for q in quotes} == {"Nikol Pashinyan"}
    timeline = rows(db, "timeline", "--actor", "Pashinyan")
    assert timeline and all("Pashinyan" in f"{t['actor']} {t['recipient']}" for t in timeline)
    assert rows(db, "events", "--actor", "Nobody Atall") == []
    stories = {s["id"] for s in rows(db, "stories", "--actor", "person:nikol-pashinyan")}
    assert stories
    for spelling in ("Pashinian", "Nikol Pashinyan"):
        assert {s["id"] for s in rows(db, "stories", "--actor", spelling)} == stories, spelling
        api = client.get("/api/stories", params={"actor": spelling, "limit": 1000}).json()
        assert {s["id"] for s in api["items"]} == stories
    # escalation dyads are countries: a country's name stands for its code
    assert rows(db, "escalation", "--actor", "Armenia") == rows(db, "escalation", "--actor", "ARM")


# -- ingest with given metadata ----------------------------------------------------------------

DUMP = """Shelling hits border villages

Artillery fire struck three villages near the border overnight, local officials said on Tuesday.
Two people were wounded and several houses were damaged, the regional governor said.
"""


def test_ingest_with_outlet_date_and_title(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(DUMP)
    url = f"sqlite:///{tmp_path / 'given.db'}"
    result = ok("ingest", str(page), "--db", url, "--outlet", "Field Notes", "--published", "2021-04-08",
                "--title", "Villages shelled overnight")
    assert "stored 1" in result.stderr
    store = Store(url)
    [(_, art)] = list(store.iter_articles())
    assert (art.outlet, art.published, art.published_from, art.title) == (
        "Field Notes", "2021-04-08", "given", "Villages shelled overnight")
    store.close()


def test_ingest_is_quiet_when_piped_and_shows_progress_on_a_terminal(tmp_path: Path) -> None:
    import os
    import pty
    import subprocess
    import sys

    for n in range(3):
        (tmp_path / f"page{n}.txt").write_text(DUMP.replace("Two", str(n + 2)))
    piped = ok("ingest", str(tmp_path), "--db", str(tmp_path / "piped.db"))
    assert piped.stderr == "stored 3, already present 0, failed 0\n" and piped.stdout == ""

    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-c", "from flashpoint.cli import app; app()", "ingest", str(tmp_path),
                             str(tmp_path / "missing.txt"), "--db", str(tmp_path / "tty.db")],
                            stdin=follower, stdout=follower, stderr=follower, env={**os.environ, "COLUMNS": "100"})
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break  # the terminal closed: the process ended
        if not chunk:
            break
        seen += chunk
    assert proc.wait(120) == 1
    os.close(leader)
    text = seen.decode(errors="replace")
    assert "documents" in text and "/s" in text and "errors" in text  # the progress line
    assert "missing.txt: no such file or directory" in text
    assert "stored 3, already present 0, failed 1" in text


def test_jsonl_fields_win_over_the_command_line(tmp_path: Path) -> None:
    records = tmp_path / "docs.jsonl"
    records.write_text("\n".join(json.dumps(r) for r in [
        {"id": "a1", "text": DUMP, "outlet": "Own Outlet", "published": "2021-05-01"},
        {"id": "a2", "text": DUMP.replace("Two", "Three"), "title": "Second"},
    ]) + "\n")
    url = f"sqlite:///{tmp_path / 'jsonl.db'}"
    ok("ingest", str(records), "--db", url, "--outlet", "Fallback", "--published", "2021-06-01")
    store = Store(url)
    got = {a.id: (a.outlet, a.published, a.title) for _, a in store.iter_articles()}
    store.close()
    assert got["a1"][:2] == ("Own Outlet", "2021-05-01")
    assert got["a2"] == ("Fallback", "2021-06-01", "Second")


def test_load_articles_can_raise(tmp_path: Path) -> None:
    missing = tmp_path / "page.html"
    with pytest.raises(InputFailed) as caught:
        next(load_articles([str(missing)], errors="raise"))
    assert caught.value.source == str(missing) and "no such file" in caught.value.message
    [err] = list(load_articles([str(missing)]))  # the batch form yields the error in its place
    assert err.source == str(missing)
    missing.write_text("<html><body><article><h1>Talks resume</h1><p>" + DUMP + "</p></article></body></html>")
    article = next(load_articles([str(missing)], errors="raise"))
    assert "Artillery fire" in article.body


def test_timeline_hides_uncertain_events_unless_asked_on_cli_and_api(db: str) -> None:
    from flashpoint.corpus.escalation import MIN_CONFIDENCE

    shown = rows(db, "timeline")
    every = rows(db, "timeline", "--uncertain")
    assert {e["id"] for e in shown} < {e["id"] for e in every}  # the flag brings hidden ones back
    assert all(e["confidence"] >= MIN_CONFIDENCE and e["actor_country"] for e in shown)
    client = TestClient(create_app(db))
    api_shown = client.get("/api/timeline", params={"limit": 1000}).json()["items"]
    api_every = client.get("/api/timeline", params={"limit": 1000, "uncertain": "true"}).json()["items"]
    assert [e["id"] for e in api_shown] == [e["id"] for e in shown]
    assert [e["id"] for e in api_every] == [e["id"] for e in every]
    page = client.get("/timeline", params={"uncertain": "true"}).text
    assert 'id="f-uncertain"' in page and "checked" in page.split('id="f-uncertain"')[1].split(">")[0]
    assert page.count('class="tl-item') == min(len(every), 200)
    hidden = [e for e in every[:200] if e["id"] not in {s["id"] for s in shown}]
    assert hidden and page.count('class="flag uncertain"') == len(hidden)  # the uncertain ones are marked
    default_page = client.get("/timeline").text
    assert 'class="flag uncertain"' not in default_page
