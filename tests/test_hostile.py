"""Hostile servers and inputs: each gets a clear error, bounded in time, and the rest goes on."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from flashpoint.ingest.fetch import FetchError, fetch

DRIPS = 300


def _dripping_server() -> tuple[str, dict[str, int], threading.Thread]:
    """A server that answers with one header byte every 0.2 s (a minute in all) while the client listens."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    sent = {"bytes": 0}

    def serve() -> None:
        conn, _ = listener.accept()
        with conn:
            conn.recv(65536)
            try:
                conn.sendall(b"HTTP/1.1 200 OK\r\nX-Slow: ")
                for _ in range(DRIPS):
                    conn.sendall(b"a")
                    sent["bytes"] += 1
                    time.sleep(0.2)
            except OSError:
                pass  # the client hung up: what the test wants
        listener.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    return f"http://127.0.0.1:{listener.getsockname()[1]}/slow", sent, thread


def test_a_server_dripping_its_headers_cannot_hold_a_fetch_past_its_deadline() -> None:
    url, sent, thread = _dripping_server()
    with pytest.raises(FetchError, match="timed out after 1 s"):
        fetch(url, allow_private=True, timeout=1)
    thread.join(120)
    assert sent["bytes"] < DRIPS  # the fetch hung up while the server still had headers to send


# -- the smaller items -------------------------------------------------------------------------------

def test_latin1_spanish_is_not_read_as_central_european() -> None:
    from flashpoint.ingest.decode import decode_bytes

    spanish = "El ministro Muñoz dijo que la situación en la región era difícil. Según el portavoz, España enviará ayuda."
    polish = "Minister Kowalski powiedział, że sytuacja w regionie jest trudna. Polska wyśle pomoc żołnierzom."
    czech = "Minister Dvořák řekl, že situace v regionu je složitá. Podle mluvčího pošle Česko pomoc."
    assert decode_bytes(spanish.encode("latin-1")) == spanish
    assert decode_bytes(polish.encode("cp1250")) == polish
    assert decode_bytes(czech.encode("cp1250")) == czech


def test_feed_entries_past_the_limit_are_reported() -> None:
    from flashpoint.ingest.sources import MAX_FEED_ENTRIES, read_feed

    items = "".join(f"<item><title>Entry {i}</title></item>" for i in range(MAX_FEED_ENTRIES + 7))
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{items}</channel></rss>'.encode()
    out = list(read_feed("https://example.org/feed.xml", feed))
    notes = [e for e in out if "only the first" in getattr(e, "message", "")]
    assert len(notes) == 1 and "the other 7 are not" in notes[0].message
    assert sum(1 for e in out if "no link" in getattr(e, "message", "")) == MAX_FEED_ENTRIES


def test_the_6to4_and_teredo_forms_of_loopback_are_refused() -> None:
    from flashpoint.ingest.fetch import check_url

    for url in ("http://[2002:7f00:1::]/", "http://[2002:a9fe:a9fe::]/", "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/"):
        with pytest.raises(FetchError, match="refused"):
            check_url(url)


def test_error_lines_stay_one_printable_line() -> None:
    from flashpoint.model import MAX_ERROR_CHARS, InputError

    err = InputError(source="a\nerror: forged.txt", message="bad \x1b[31m" + "\x00\x9f" * 1000)
    assert "\n" not in err.source and err.source == "a\\nerror: forged.txt"
    assert err.message.isprintable() and len(err.message) <= MAX_ERROR_CHARS + 1


def test_cli_error_lines_for_odd_names_and_random_bytes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import os
    import subprocess
    import sys

    forged = tmp_path / "a\nerror: forged.txt"
    forged.write_text("")
    (tmp_path / "random.warc").write_bytes(os.urandom(4096))
    done = subprocess.run([sys.executable, "-m", "flashpoint.cli", "ingest", str(forged), str(tmp_path / "random.warc"),
                           "--db", f"sqlite:///{tmp_path / 'x.db'}"], capture_output=True, text=True, timeout=300)
    lines = [ln for ln in done.stderr.splitlines() if ln.startswith("error:")]
    assert done.returncode == 1 and len(lines) == 2, done.stderr
    assert "a\\nerror: forged.txt" in lines[0]
    assert "random.warc" in lines[1] and len(lines[1]) < 600 and lines[1].isprintable()


def test_read_keys_are_kept_out_of_the_access_log_and_the_cookie_is_secure() -> None:
    import logging

    from flashpoint.api.app import _HideKeys

    record = logging.LogRecord("uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d',
                               ("127.0.0.1:5", "GET", "/stories?key=s3cret&offset=2", "1.1", 200), None)
    assert _HideKeys().filter(record) and "s3cret" not in record.getMessage()
    assert "/stories?key=***&offset=2" in record.getMessage()


def test_api_answers_422_to_huge_offsets_and_nul_and_opens_ids_with_slashes(db_url: str) -> None:
    from fastapi.testclient import TestClient

    from flashpoint.api.app import create_app
    from flashpoint.store.store import Store

    store = Store(db_url)
    client = TestClient(create_app(store=store, api_key="k", read_key="reader"))
    hdr = {"X-API-Key": "k"}
    # NUL in text and metadata is stored without it (PostgreSQL refuses NUL in text)
    posted = client.post("/api/ingest", headers=hdr, json={
        "id": "wire/2022/03/ab", "title": "Shelling\x00 in Kharkiv", "outlet": "AFP",
        "text": "Russian forces shelled Kharkiv on Tuesday,\x00 killing two people, the governor said."})
    assert posted.status_code == 201, posted.text
    got = client.get("/api/articles/wire/2022/03/ab", headers=hdr)
    assert got.status_code == 200 and "\x00" not in got.json()["body"] and got.json()["title"] == "Shelling in Kharkiv"
    assert client.get("/articles/wire/2022/03/ab", headers=hdr).status_code == 200
    for path in ("/api/events?offset=9223372036854775808", "/api/stories?offset=99999999999999999999",
                 "/api/events?outlet=%00", "/api/articles?q=a%00b", "/api/articles/%00", "/timeline?offset=9223372036854775808",
                 "/timeline?outlet=x%00"):
        r = client.get(path, headers=hdr)
        assert r.status_code == 422, (path, r.status_code, r.text[:200])
    # a read key given in the URL comes back as a cookie sent over HTTPS only (this host is not loopback)
    r = client.get("/?key=reader")
    assert r.status_code == 200 and "secure" in r.headers["set-cookie"].lower()
    store.close()


def test_the_read_cache_keeps_only_the_current_state_of_a_store(sqlite_url: str) -> None:
    from flashpoint.api.cache import ReadCache
    from flashpoint.store.store import Store

    store = Store(sqlite_url)
    cache = ReadCache()
    calls: list[int] = []
    first = cache.get(store, "k", lambda: calls.append(1) or "one")
    assert cache.get(store, "k", lambda: calls.append(1) or "again") == first == "one" and len(calls) == 1
    from flashpoint.model import AnalyzedArticle

    store.add(AnalyzedArticle(id="a", source="a.txt", body="Russian forces shelled Kharkiv, the governor said."))
    assert cache.get(store, "k", lambda: calls.append(1) or "two") == "two" and len(calls) == 2
    assert len(cache._entries) == 1  # the entry of the older state is gone
    store.close()
