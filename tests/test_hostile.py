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
