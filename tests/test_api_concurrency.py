"""A slow ingest beside reads: a real `flashpoint serve` keeps answering reads while it cleans a costly page."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from conftest import SEEDS, _free_port
from flashpoint.store.store import Store
from flashpoint.workflow import ingest

KEY = "write-key"


def _get(url: str) -> dict:  # type: ignore[type-arg]
    with urllib.request.urlopen(url, timeout=120) as resp:
        return json.loads(resp.read())  # type: ignore[no-any-return]


def _wait_up(base: str, server: subprocess.Popen[bytes]) -> None:
    for _ in range(600):
        assert server.poll() is None, "the server exited"
        try:
            _get(base + "/api/health")
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("the server did not start")


def test_reads_are_answered_while_a_costly_page_is_being_cleaned(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'api.db'}"
    store = Store(db)
    ingest([str(sorted(SEEDS.glob("*.txt"))[0])], store)
    store.close()
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "flashpoint.cli", "serve", "--db", db, "--port", str(port),
                               "--api-key", KEY], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env={**os.environ, "FLASHPOINT_DOC_SECONDS": "0"})
    try:
        _wait_up(base, server)
        # a page of thousands of navigation links: costly to clean, with little article in it
        links = "".join(f'<li><a href="/s/{i}">Section {i}</a></li>' for i in range(4_000))
        page = (f"<html><body><nav><ul>{links}</ul></nav><article><h1>Shelling in Kharkiv</h1>"
                "<p>Russian forces shelled Kharkiv on Tuesday, the governor said.</p></article></body></html>")
        done = threading.Event()
        answer: dict = {}  # type: ignore[type-arg]

        def post() -> None:
            req = urllib.request.Request(base + "/api/ingest", data=json.dumps({"html": page}).encode(),
                                         headers={"Content-Type": "application/json", "X-API-Key": KEY})
            with urllib.request.urlopen(req, timeout=600) as resp:
                answer.update(json.loads(resp.read()))
            done.set()

        writer = threading.Thread(target=post)
        writer.start()
        time.sleep(0.5)  # let the upload reach the server (no timing is asserted)
        answered_during = 0
        for _ in range(5):
            events = _get(base + "/api/events?limit=5")
            assert events["count"] >= 1
            answered_during += not done.is_set()
        assert answered_during == 5, "reads waited for the ingest"
        writer.join(600)
        assert done.is_set() and len(answer["stored"]) == 1
    finally:
        server.terminate()
        server.wait(30)


def test_serve_catches_up_views_a_killed_ingest_left_behind(tmp_path: Path) -> None:
    """Articles stored by an ingest killed before its view update are in the views soon after `serve`
    starts, without a read having to wait for them."""
    from flashpoint.corpus.update import pending
    from flashpoint.workflow import ingest as run_ingest

    db = f"sqlite:///{tmp_path / 'killed.db'}"
    store = Store(db)
    run_ingest([str(p) for p in sorted(SEEDS.glob("*.txt"))[:3]], store, update_views=False)  # as if killed
    assert pending(store)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "flashpoint.cli", "serve", "--db", db, "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_up(base, server)
        for _ in range(1200):
            if not pending(store):
                break
            time.sleep(0.1)
        assert not pending(store)
        stories = _get(base + "/api/stories")
        assert sum(len(s["article_ids"]) for s in stories["items"]) == 3
    finally:
        server.terminate()
        server.wait(30)
        store.close()
