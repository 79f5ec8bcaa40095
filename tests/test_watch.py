"""`flashpoint watch` against real HTTP servers on 127.0.0.1: feeds that change between polls, 304s,
a failing, a hanging and a redirecting feed, a webhook receiver, an SMTP server, a SIGKILL mid-poll, and
two watch processes sharing one PostgreSQL store."""

from __future__ import annotations

import asyncio
import io
import json
import os
import signal
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import func, select
from typer.testing import CliRunner

from flashpoint.cli import app
from flashpoint.store import schema
from flashpoint.store.store import Store
from flashpoint.watch import alerts as alerts_mod
from flashpoint.watch import health
from flashpoint.watch.config import ConfigError, build_config, load_watch_file
from flashpoint.watch.deliver import sign
from flashpoint.watch.logs import json_logger
from flashpoint.watch.runner import Watch, cycle, install_signal_handlers, run
from flashpoint.watch.tables import watch_deliveries, watch_items
from flashpoint.workflow import ingest_articles
from watch_site import MARKET_EAST, MARKET_NORTH, Site, filler, report_page, running_site

ROOT = Path(__file__).resolve().parents[1]
FLASHPOINT = [sys.executable, "-m", "flashpoint.cli"]


class Clock:
    """Time the test moves by hand: backoff and retry schedules are checked without waiting."""

    def __init__(self, now: float = 1_700_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def _config(site: Site, feeds: dict[str, str], **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "interval_s": 10, "timeout_s": 30, "trusted_hosts": ["127.0.0.1"],
        "sources": [{"feed": f"{site.base}/feed/{name}.xml", **({"outlet": outlet} if outlet else {}),
                     **({"timeout_s": 1.0} if name == "hang" else {})}  # the hanging feed fails fast
                    for name, outlet in feeds.items()],
        "thresholds": {"story_outlets": 2, "escalation": True, "disputed_figures": True},
        "channels": {"stdout": True, "webhook": {"url": f"{site.base}/hook", "secret": site.secret,
                                                 "retry_base_s": 10}},
    }
    data.update(extra)
    return data


def _sources(store: Store) -> dict[str, dict[str, Any]]:
    return {r["target"].rsplit("/", 1)[-1].removesuffix(".xml"): r for r in health.list_sources(store)}


def _articles(store: Store) -> int:
    return store.count()


def test_watch_polls_changing_feeds_backs_off_and_delivers_alerts_once(tmp_path: Path) -> None:
    with running_site() as site:
        site.set_feed("north", ["f1", "north"], {"f1": filler(1), "north": report_page(MARKET_NORTH)})
        site.set_feed("east", ["f2"], {"f2": filler(2)})
        site.modes.update({"flaky": "500", "hang": "hang", "sneaky": "to-private"})
        config = build_config(_config(site, {"north": "Northern Courier", "east": "Eastern Wire", "flaky": "",
                                             "hang": "", "sneaky": ""}))
        store, clock, out, logs = Store(f"sqlite:///{tmp_path / 'w.db'}"), Clock(), io.StringIO(), io.StringIO()
        w = Watch(config, store, clock=clock, out=out, log=json_logger(logs))

        first = cycle(w)
        assert (first.stored, first.failed) == (3, 3)
        src = _sources(store)
        assert src["north"]["state"] == src["east"]["state"] == "ok"
        assert src["flaky"]["state"] == "failing" and "HTTP 500" in src["flaky"]["last_error"]
        assert "timed out" in src["hang"]["last_error"]
        assert "refused" in src["sneaky"]["last_error"] and "loopback" in src["sneaky"]["last_error"]
        assert src["flaky"]["failures"] == 1 and src["flaky"]["next_poll"] > clock.now + 10
        assert not site.delivered(), site.hook_calls  # one outlet per story so far, no disputed figure

        clock.now += 10  # the healthy feeds are due again; the failing ones are backing off
        second = cycle(w)
        assert site.not_modified["north"] == site.not_modified["east"] == 1  # conditional GET: 304
        assert second.stored == 0 and second.polled == 2
        assert site.hits["/feed/flaky.xml"] == 1

        site.set_feed("east", ["f2", "east"], {"east": report_page(MARKET_EAST)})
        site.modes["flaky"] = "ok"
        site.set_feed("flaky", ["f3"], {"f3": filler(3)})
        clock.now += 11  # past the flaky feed's backoff (10 * 2^1 s after its failure)
        third = cycle(w)
        assert third.stored == 2
        src = _sources(store)
        assert src["flaky"]["state"] == "ok" and src["flaky"]["failures"] == 0
        assert src["hang"]["failures"] == 2 or src["hang"]["state"] == "failing"
        kinds = Counter(a["kind"] for a in third.new_alerts)
        assert kinds["story_outlets"] == 1 and kinds["disputed_figure"] >= 1
        ids = [a["id"] for a in third.new_alerts]
        assert sorted(site.delivered()) == sorted(ids)
        assert all(c["signed"] for c in site.hook_calls)
        printed = [json.loads(line)["id"] for line in out.getvalue().splitlines()]
        assert sorted(printed) == sorted(ids)
        killed = next(a for a in site.hook_calls if a["body"]["kind"] == "disputed_figure")["body"]
        assert {v["outlet"] for v in killed["detail"]["values"]} == {"Northern Courier", "Eastern Wire"}

        clock.now += 100
        cycle(w)
        cycle(w)
        assert sorted(site.delivered()) == sorted(ids)  # nothing delivered twice
        assert len(out.getvalue().splitlines()) == len(ids)
        for slug in ("f1", "north", "f2", "east", "f3"):
            assert site.hits[f"/page/{slug}.html"] == 1  # each item fetched and stored once
        assert _articles(store) == 5
        events = [json.loads(line) for line in logs.getvalue().splitlines()]
        assert {"polled", "poll_failed", "not_modified", "alert", "delivered"} <= {e["event"] for e in events}

        # the same store served: the sources page data, and the alerts as an Atom feed with stable ids
        from fastapi.testclient import TestClient

        from flashpoint.api.app import create_app

        client = TestClient(create_app(store=store))
        feed = client.get("/alerts.atom")
        assert feed.status_code == 200 and feed.headers["content-type"].startswith("application/atom+xml")
        import feedparser

        entries = feedparser.parse(feed.content).entries
        assert sorted(e.id for e in entries) == sorted(f"urn:flashpoint:alert:{i}" for i in ids)
        rows = {r["target"].rsplit("/", 1)[-1]: r for r in client.get("/api/watch/sources").json()}
        assert rows["sneaky.xml"]["state"] == "failing"
        states = {d["state"] for a in client.get("/api/watch/alerts").json() for d in a["deliveries"]}
        assert states == {"sent"}


def _seeded_store(path: Path) -> Store:
    store = Store(f"sqlite:///{path}")
    ingest_articles([MARKET_NORTH, MARKET_EAST], store)
    return store


def test_webhook_retries_with_backoff_until_it_is_accepted(tmp_path: Path) -> None:
    with running_site() as site:
        site.hook_fail_first = 2
        config = build_config(_config(site, {}, channels={
            "stdout": False, "webhook": {"url": f"{site.base}/hook", "secret": site.secret, "retry_base_s": 10}}))
        clock = Clock()
        w = Watch(config, _seeded_store(tmp_path / "w.db"), clock=clock)
        new = cycle(w).new_alerts
        assert new and len(site.hook_calls) == len(new)  # first attempt each, all refused
        clock.now += 5
        cycle(w)
        assert len(site.hook_calls) == len(new)  # not due yet (10 s after the first attempt)
        clock.now += 5
        cycle(w)
        clock.now += 20
        cycle(w)
        clock.now += 40
        cycle(w)
        assert sorted(site.delivered()) == sorted(a["id"] for a in new)
        assert Counter(site.delivered()).most_common(1)[0][1] == 1
        with w.store.engine.connect() as conn:
            rows = conn.execute(select(watch_deliveries.c.state, watch_deliveries.c.attempts)).all()
        assert {r[0] for r in rows} == {"sent"} and max(r[1] for r in rows) >= 2


class SmtpSink:
    """A tiny SMTP server (RFC 5321 subset) on 127.0.0.1 that keeps the messages it is given."""

    def __init__(self) -> None:
        self.messages: list[str] = []
        self.loop = asyncio.new_event_loop()
        self.ready = threading.Event()
        self.port = 0
        self.thread = threading.Thread(target=self._run, daemon=True)

    async def _session(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(b"220 sink ESMTP\r\n")
        while line := await reader.readline():
            cmd = line.decode().strip().upper()
            if cmd.startswith(("EHLO", "HELO")):
                writer.write(b"250 sink\r\n")
            elif cmd == "DATA":
                writer.write(b"354 end with .\r\n")
                await writer.drain()
                lines = []
                while (data := await reader.readline()) not in (b".\r\n", b""):
                    lines.append(data.decode())
                self.messages.append("".join(lines))
                writer.write(b"250 queued\r\n")
            elif cmd == "QUIT":
                writer.write(b"221 bye\r\n")
                await writer.drain()
                break
            else:
                writer.write(b"250 ok\r\n")
            await writer.drain()
        writer.close()

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        server = self.loop.run_until_complete(asyncio.start_server(self._session, "127.0.0.1", 0))
        self.port = server.sockets[0].getsockname()[1]
        self.ready.set()
        self.loop.run_forever()

    def __enter__(self) -> SmtpSink:
        self.thread.start()
        self.ready.wait(10)
        return self

    def __exit__(self, *exc: object) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)


def test_alerts_are_mailed_once_over_smtp(tmp_path: Path) -> None:
    with SmtpSink() as sink:
        config = build_config({"thresholds": {"story_outlets": 2}, "channels": {
            "stdout": False, "smtp": {"host": "127.0.0.1", "port": sink.port, "from": "watch@example.org",
                                      "to": ["desk@example.org"]}}})
        w = Watch(config, _seeded_store(tmp_path / "w.db"))
        new = cycle(w).new_alerts
        cycle(w)
        assert len(sink.messages) == len(new) >= 2
        story = next(a for a in new if a["kind"] == "story_outlets")
        mail = next(m for m in sink.messages if story["id"] in m)
        assert "Subject: [flashpoint] Story reported by 2 outlets" in mail and "To: desk@example.org" in mail


def _write_config(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def _run_watch(config: Path, db: str, **kw: Any) -> subprocess.Popen[str]:
    return subprocess.Popen([*FLASHPOINT, "watch", "-c", str(config), "--db", db, "--once"], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def _alert_ids(stdout: str) -> list[str]:
    return [json.loads(line)["id"] for line in stdout.splitlines() if line.startswith("{")]


def test_sigkill_mid_poll_then_restart_neither_loses_nor_repeats(tmp_path: Path) -> None:
    with running_site() as site:
        site.set_feed("north", ["f1", "f2", "f3", "north"],
                      {"f1": filler(1), "f2": filler(2), "f3": filler(3), "north": report_page(MARKET_NORTH)})
        site.set_feed("east", ["east"], {"east": report_page(MARKET_EAST)})
        site.hold["f3"], site.reached["f3"] = threading.Event(), threading.Event()
        config = _write_config(tmp_path / "watch.yaml", _config(site, {"north": "Northern Courier",
                                                                       "east": "Eastern Wire"}, interval_s=0))
        db = f"sqlite:///{tmp_path / 'w.db'}"
        proc = _run_watch(config, db)
        assert site.reached["f3"].wait(300), proc.communicate(timeout=5)
        proc.send_signal(signal.SIGKILL)
        killed_out, _ = proc.communicate(timeout=30)
        store = Store(db)
        assert store.count() == 2  # f1 and f2 were stored before the kill
        site.hold["f3"].set()

        # the restart (here in this process: the store holds all the state a restart has)
        out2 = io.StringIO()
        second = run(Watch(load_watch_file(config), store, out=out2), once=True)
        assert second.failed == 0
        assert store.count() == 5
        with store.engine.connect() as conn:
            items = conn.execute(select(watch_items.c.state, func.count()).group_by(watch_items.c.state)).all()
        assert dict(items) == {"stored": 5}
        assert site.hits["/page/f1.html"] == site.hits["/page/f2.html"] == 1
        assert site.hits["/page/f3.html"] == 2  # the page in flight when killed was fetched again, stored once

        site.set_feed("east", ["east", "f4"], {"f4": filler(4)})
        out3, logs3 = io.StringIO(), io.StringIO()
        third = run(Watch(load_watch_file(config), store, out=out3, log=json_logger(logs3)), once=True)
        assert (third.stored, third.new_alerts) == (1, [])
        assert store.count() == 6
        delivered = _alert_ids(killed_out) + _alert_ids(out2.getvalue()) + _alert_ids(out3.getvalue())
        assert delivered and len(delivered) == len(set(delivered))
        assert sorted(site.delivered()) == sorted(delivered)
        logs = [json.loads(line) for line in logs3.getvalue().splitlines()]
        assert any(e["event"] == "polled" and e.get("stored") == 1 for e in logs)


def test_two_watch_processes_on_one_postgresql_store_ingest_each_item_once(tmp_path: Path, pg_url: str) -> None:
    with running_site() as site:
        site.page_delay = 0.05  # both processes are busy at the same time
        feeds: dict[str, str] = {}
        for n in range(4):
            slugs = [f"p{n}-{k}" for k in range(3)]
            site.set_feed(f"feed{n}", slugs, {s: filler(n * 3 + k) for k, s in enumerate(slugs)})
            feeds[f"feed{n}"] = f"Outlet {n}"
        site.set_feed("feed0", [*site.feeds["feed0"], "north"], {"north": report_page(MARKET_NORTH)})
        site.set_feed("feed1", [*site.feeds["feed1"], "east"], {"east": report_page(MARKET_EAST)})
        config = _write_config(tmp_path / "watch.yaml", _config(site, feeds))
        Store(pg_url).close()  # tables created once, before both start
        procs = [_run_watch(config, pg_url) for _ in range(2)]
        outs = [p.communicate(timeout=300) for p in procs]
        assert [p.returncode for p in procs] == [0, 0], [e for _, e in outs]
        store = Store(pg_url)
        assert store.count() == 14
        pages = {path: n for path, n in site.hits.items() if path.startswith("/page/")}
        assert len(pages) == 14 and set(pages.values()) == {1}
        assert all(site.hits[f"/feed/feed{n}.xml"] == 1 for n in range(4))
        with store.engine.connect() as conn:
            assert conn.execute(select(func.count()).select_from(watch_items)).scalar_one() == 14
        delivered = _alert_ids(outs[0][0]) + _alert_ids(outs[1][0])
        assert len(delivered) == len(set(delivered)) >= 2
        assert sorted(site.delivered()) == sorted(delivered)
        assert {a["id"] for a in alerts_mod.list_alerts(store)} == set(delivered)


def test_folder_source_picks_up_new_and_changed_files(tmp_path: Path) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    (drop / "a.html").write_text(filler(1).html(), encoding="utf-8")
    config = build_config({"sources": [{"folder": str(drop), "outlet": "Local Desk", "interval_s": 0}],
                           "channels": {"stdout": False}})
    w = Watch(config, Store(f"sqlite:///{tmp_path / 'w.db'}"))
    assert cycle(w).stored == 1
    (drop / "b.txt").write_text(filler(2).title + "\n\n" + filler(2).body, encoding="utf-8")
    (drop / "ignored.bin").write_bytes(b"\x00\x01")
    again = cycle(w)
    assert (again.items, again.stored) == (1, 1)
    assert {a["outlet"] for a in _outlets(w.store)} == {"Local Desk"}


def test_sitemap_index_source_takes_titles_and_dates_from_the_sitemap(tmp_path: Path) -> None:
    with running_site() as site:
        site.pages.update({"s1": filler(5), "s2": filler(6)})
        site.sitemap = ["s1"]
        config = build_config(_config(site, {}, sources=[{"sitemap": f"{site.base}/sitemap-index.xml",
                                                          "outlet": "Sitemap Times", "interval_s": 0}],
                                      channels={"stdout": False}))
        w = Watch(config, Store(f"sqlite:///{tmp_path / 'w.db'}"))
        assert cycle(w).stored == 1
        site.sitemap = ["s1", "s2"]
        assert cycle(w).stored == 1 and w.store.count() == 2
        with w.store.engine.connect() as conn:
            rows = conn.execute(select(schema.articles.c.title, schema.articles.c.published,
                                       schema.articles.c.outlet)).all()
        assert {r.title for r in rows} == {filler(5).title, filler(6).title}
        assert {(r.published, r.outlet) for r in rows} == {("2022-03-02", "Sitemap Times")}


def test_escalation_breaks_are_alerts_with_stable_ids_recent_ones_only(tmp_path: Path) -> None:
    import datetime as dt

    from flashpoint.corpus import tables as corpus_tables

    store = Store(f"sqlite:///{tmp_path / 'w.db'}")
    start = dt.date(2022, 1, 1)
    rows = []
    for i in range(70):  # a quiet dyad with two breaks: day 30 and day 69 (the latest day)
        value = 60.0 if i in (30, 69) else 1.0
        rows.append({"actor_country": "RUS", "recipient_country": "UKR", "date": (start + dt.timedelta(days=i)).isoformat(),
                     "value": value, "cooperation": 0.0, "events": int(value)})
    with store.engine.begin() as conn:
        conn.execute(corpus_tables.escalation_daily.insert(), rows)
    recent = alerts_mod.detect(store, build_config({"thresholds": {"story_outlets": 0}}).thresholds)
    assert [(a["kind"], a["detail"]["date"]) for a in recent] == [("escalation", "2022-03-11")]
    every = alerts_mod.detect(store, build_config({"thresholds": {"escalation_recent_days": 0}}).thresholds)
    assert sorted(a["detail"]["date"] for a in every) == ["2022-01-31", "2022-03-11"]
    assert recent[0]["id"] in {a["id"] for a in every}  # the same break, the same id
    assert len(alerts_mod.record_new(store, every, ["stdout"], 1.0)) == 2
    assert alerts_mod.record_new(store, alerts_mod.detect(store, build_config({}).thresholds), ["stdout"], 2.0) == []


def _outlets(store: Store) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(select(schema.articles.c.outlet))]


def test_bad_watch_files_get_one_clear_line(tmp_path: Path) -> None:
    bad = {"nope.yaml": None, "broken.yaml": "sources: [unclosed", "kind.yaml": "sources:\n  - rss: http://x/\n",
           "scheme.yaml": "sources:\n  - feed: file:///etc/passwd\n",
           "interval.yaml": "sources:\n  - feed: http://example.org/\n    interval_s: -5\n"}
    expected = {"nope.yaml": "cannot read", "broken.yaml": "not valid YAML", "kind.yaml": "exactly one of feed",
                "scheme.yaml": "http(s) URL", "interval.yaml": "interval_s"}
    runner = CliRunner()
    for name, text in bad.items():
        path = tmp_path / name
        if text is not None:
            path.write_text(text, encoding="utf-8")
        with pytest.raises(ConfigError, match=expected[name].replace("(", r"\(").replace(")", r"\)")):
            load_watch_file(path)
        result = runner.invoke(app, ["watch", "-c", str(path), "--db", f"sqlite:///{tmp_path / 'x.db'}", "--once"])
        assert result.exit_code == 2 and str(path) in result.output
    result = runner.invoke(app, ["watch", "--db", f"sqlite:///{tmp_path / 'x.db'}", "--once"])
    assert result.exit_code == 2 and "nothing to watch" in result.output


def test_signature_is_hmac_sha256_of_the_body() -> None:
    import hashlib
    import hmac

    body = b'{"id": "x"}'
    assert sign("k", body) == "sha256=" + hmac.new(b"k", body, hashlib.sha256).hexdigest()
    assert sign("k", body) != sign("other", body)


def test_sigterm_stops_between_items_and_keeps_what_was_stored(tmp_path: Path) -> None:
    with running_site() as site:
        slugs = [f"t{k}" for k in range(4)]
        site.set_feed("north", slugs, {s: filler(10 + k) for k, s in enumerate(slugs)})
        site.hold["t1"], site.reached["t1"] = threading.Event(), threading.Event()
        config = build_config(_config(site, {"north": "Northern Courier"}))
        store, logs = Store(f"sqlite:///{tmp_path / 'w.db'}"), io.StringIO()
        w = Watch(config, store, out=io.StringIO(), log=json_logger(logs))

        def terminate_while_t1_is_fetched() -> None:
            site.reached["t1"].wait(60)
            os.kill(os.getpid(), signal.SIGTERM)  # handled in the main thread, which runs the watcher
            site.hold["t1"].set()  # the item in hand is finished, then the watcher stops

        saved = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGINT)}
        install_signal_handlers(w)
        helper = threading.Thread(target=terminate_while_t1_is_fetched)
        helper.start()
        try:
            report = run(w)  # not --once: only the signal ends it
        finally:
            helper.join()
            for sig, handler in saved.items():
                signal.signal(sig, handler)
        assert report.stopped
        events = [json.loads(line) for line in logs.getvalue().splitlines()]
        assert any(e["event"] == "stopping" and e["signal"] == "SIGTERM" for e in events)
        assert any(e["event"] == "poll_interrupted" for e in events)
        assert store.count() == 2 and site.hits["/page/t2.html"] == 0
        src = next(iter(_sources(store).values()))
        assert src["etag"] is None and src["items_stored"] == 2  # the next run lists the feed again
        again = cycle(Watch(config, store, out=io.StringIO()))
        assert again.stored == 2 and store.count() == 4
