"""The URL guard and URL/feed sources, against a real HTTP server on 127.0.0.1 in a thread."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from typer.testing import CliRunner

from flashpoint.cli import app
from flashpoint.ingest.fetch import FetchError, check_url, fetch
from flashpoint.ingest.pipeline import load_articles, read_documents
from flashpoint.model import Article, InputError, RawDocument

PAGE = """<!doctype html><html><head><title>{title}</title><meta charset="utf-8"></head><body>
<nav>Home | World | Politics</nav><article><h1>{title}</h1>
<p>{lead} The ministry said the talks would resume next week in Geneva after a pause of several months.</p>
<p>Officials from both delegations described the first round as frank and said a second meeting was planned.</p>
</article><footer>Copyright notice and links</footer></body></html>"""

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Test wire</title><link>{base}/</link><description>d</description>
<item><title>Ministers agree to resume border talks</title><link>{base}/a.html</link>
<pubDate>Tue, 02 Mar 2021 10:00:00 GMT</pubDate></item>
<item><title>Negotiators meet again in Geneva</title><link>{base}/b.html</link>
<pubDate>Wed, 03 Mar 2021 08:30:00 GMT</pubDate></item>
<item><title>A page that is gone</title><link>{base}/missing.html</link></item>
</channel></rss>"""


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def _send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8",
              headers: dict[str, str] | None = None, length: bool = True) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if length:
            self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        port = self.server.server_address[1]
        base = f"http://127.0.0.1:{port}"
        if self.path in ("/a.html", "/b.html"):
            title = "Ministers agree to resume border talks" if self.path == "/a.html" else "Negotiators meet again in Geneva"
            lead = f"{title} on Tuesday, foreign ministers said after the meeting."
            self._send(200, PAGE.format(title=title, lead=lead).encode())
        elif self.path == "/feed.xml":
            self._send(200, FEED.format(base=base).encode(), "application/rss+xml")
        elif self.path == "/to-private":
            self._send(302, b"", headers={"Location": f"http://localhost:{port}/a.html"})
        elif self.path == "/to-metadata":
            self._send(302, b"", headers={"Location": "http://169.254.169.254/latest/meta-data/"})
        elif self.path == "/to-page":
            self._send(301, b"", headers={"Location": "/a.html"})
        elif self.path == "/loop":
            self._send(302, b"", headers={"Location": "/loop"})
        elif self.path == "/slow":
            time.sleep(3)
            self._send(200, b"<html><body><p>late</p></body></html>")
        elif self.path == "/big":
            self._send(200, b"<p>" + b"x" * 300_000 + b"</p>")
        elif self.path == "/big-unsized":
            self.close_connection = True
            self._send(200, b"<p>" + b"x" * 300_000 + b"</p>", length=False)
        elif self.path == "/echo-host":
            self._send(200, (self.headers.get("Host") or "").encode(), "text/plain")
        elif self.path == "/image":
            self._send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "image/png")
        else:
            self._send(404, b"not found")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.mark.parametrize("url, why", [
    ("http://127.0.0.1/", "loopback"),
    ("http://[::1]:8080/", "loopback"),
    ("http://10.1.2.3/", "private"),
    ("http://192.168.0.10/x", "private"),
    ("http://172.16.5.4/", "private"),
    ("http://169.254.169.254/latest/meta-data/", "metadata"),
    ("http://[fd00:ec2::254]/", "metadata"),
    ("http://169.254.10.10/", "link-local"),
    ("http://224.0.0.1/", "multicast"),
    ("http://0.0.0.0/", "unspecified"),
    ("http://[::ffff:10.0.0.1]/", "private"),
    ("http://localhost:9/", "loopback"),
    ("file:///etc/passwd", "scheme"),
    ("ftp://example.org/file", "scheme"),
    ("http://user:pw@example.org/", "credentials"),
])
def test_guard_refuses_non_public_targets(url: str, why: str) -> None:
    with pytest.raises(FetchError, match=why):
        check_url(url)


def test_guard_lets_public_addresses_and_allow_private_through() -> None:
    check_url("http://8.8.8.8/news")  # a literal public address needs no DNS
    check_url("https://[2001:4860:4860::8888]/")
    check_url("http://127.0.0.1:8000/", allow_private=True)
    check_url("http://10.0.0.7/", trusted_hosts=["10.0.0.7"])


def test_local_server_is_refused_without_allow_private(server: str) -> None:
    with pytest.raises(FetchError, match="loopback"):
        fetch(f"{server}/a.html")


def test_allow_private_fetches_a_local_page(server: str) -> None:
    got = fetch(f"{server}/a.html", allow_private=True)
    assert b"Ministers agree" in got.content and got.content_type.startswith("text/html")


def test_each_redirect_hop_is_checked_again(server: str) -> None:
    host = server.split("//")[1].split(":")[0]
    with pytest.raises(FetchError, match="localhost.*loopback"):
        fetch(f"{server}/to-private", trusted_hosts=[host])
    with pytest.raises(FetchError, match="metadata"):
        fetch(f"{server}/to-metadata", trusted_hosts=[host])
    got = fetch(f"{server}/to-page", trusted_hosts=[host])
    assert got.final_url.endswith("/a.html") and b"Ministers" in got.content


def test_redirect_loop_and_size_limits(server: str) -> None:
    with pytest.raises(FetchError, match="too many redirects"):
        fetch(f"{server}/loop", allow_private=True, max_redirects=3)
    with pytest.raises(FetchError, match="larger than the limit"):
        fetch(f"{server}/big", allow_private=True, max_bytes=100_000)
    with pytest.raises(FetchError, match="larger than the limit"):
        fetch(f"{server}/big-unsized", allow_private=True, max_bytes=100_000)
    assert len(fetch(f"{server}/big-unsized", allow_private=True).content) > 300_000


def test_timeout_is_an_error(server: str) -> None:
    with pytest.raises(FetchError, match="timed out"):
        fetch(f"{server}/slow", allow_private=True, timeout=0.5)


def test_http_errors_and_unsupported_content_become_input_errors(server: str) -> None:
    items = list(read_documents([f"{server}/missing", f"{server}/image", f"{server}/a.html"], allow_private=True))
    assert isinstance(items[0], InputError) and "404" in items[0].message and items[0].source.endswith("/missing")
    assert isinstance(items[1], InputError) and "image/png" in items[1].message
    assert isinstance(items[2], RawDocument) and items[2].kind == "html"


def test_url_becomes_an_article(server: str) -> None:
    [art] = list(load_articles([f"{server}/a.html"], allow_private=True))
    assert isinstance(art, Article)
    assert art.url and art.url.endswith("/a.html")
    assert art.title == "Ministers agree to resume border talks"
    assert "Geneva" in art.body


def test_feed_entries_are_fetched_with_their_titles_and_dates(server: str) -> None:
    items = list(load_articles([f"{server}/feed.xml"], allow_private=True))
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [a.title for a in articles] == ["Ministers agree to resume border talks", "Negotiators meet again in Geneva"]
    assert [(a.published, a.published_from) for a in articles] == [("2021-03-02", "given"), ("2021-03-03", "given")]
    assert len(errors) == 1 and errors[0].source.endswith("/missing.html") and "404" in errors[0].message


def test_feed_entries_are_guarded_too(server: str) -> None:
    """A feed fetched from a trusted place still may not lead the fetcher to private addresses."""
    from flashpoint.ingest.sources import read_feed

    port = server.rsplit(":", 1)[1]
    feed = FEED.format(base=f"http://127.0.0.1:{port}").encode()
    items = list(read_feed("feed.xml", feed, allow_private=False))
    assert len(items) == 3 and all(isinstance(i, InputError) and "loopback" in i.message for i in items)


def test_cli_refuses_a_loopback_url_and_exits_1(server: str, tmp_path) -> None:
    result = CliRunner().invoke(app, ["analyze", f"{server}/a.html"])
    assert result.exit_code == 1
    assert "loopback" in result.output and "/a.html" in result.output
    ok = CliRunner().invoke(app, ["analyze", "--allow-private", f"{server}/a.html"])
    assert ok.exit_code == 0, ok.output
    assert "Ministers agree" in ok.stdout


def test_dns_rebinding_cannot_reach_a_private_address(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A name that resolves public when checked and loopback when connecting is refused at connect time.

    DNS cannot be served offline, so the resolver answers in turn: first a public address (the URL check
    passes), then 127.0.0.1, where the test server really listens.
    """
    import flashpoint.ingest.fetch as fetch_mod

    port = int(server.rsplit(":", 1)[1])
    answers = iter([["93.184.216.34"], ["127.0.0.1"], ["127.0.0.1"]])
    asked: list[str] = []

    def rebinding(host: str, _port: int) -> list[str]:
        asked.append(host)
        return next(answers)

    monkeypatch.setattr(fetch_mod, "resolve", rebinding)
    with pytest.raises(FetchError, match="127.0.0.1.*loopback"):
        fetch(f"http://news.example:{port}/a.html")
    assert asked == ["news.example", "news.example"]  # checked before the request and again on connecting


def test_connection_goes_to_the_checked_address_with_the_name_kept(server: str,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The socket opens to the address the guard resolved, and the Host header still names the URL's host."""
    import flashpoint.ingest.fetch as fetch_mod

    port = int(server.rsplit(":", 1)[1])
    monkeypatch.setattr(fetch_mod, "_refusal", lambda addr: None)  # treat loopback as public for this test
    monkeypatch.setattr(fetch_mod, "resolve", lambda host, _port: ["127.0.0.1"])
    got = fetch(f"http://pinned.example:{port}/echo-host")
    assert got.content == f"pinned.example:{port}".encode()
