"""A real HTTP server on 127.0.0.1 for the watch tests: feeds that change between polls (with ETag and
Last-Modified, answering 304), a feed that fails, hangs or redirects to a private address, article pages
that can be held mid-request, and a webhook receiver that checks the signature and can fail on purpose."""

from __future__ import annotations

import hashlib
import hmac
import html
import json
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from test_dashboard import REPORTS

MARKET_NORTH, MARKET_EAST = REPORTS[0], REPORTS[1]  # one happening, two outlets, 21 vs 34 killed
TOWNS = ["Alderford", "Brimwick", "Caston", "Dunmere", "Elmbury", "Farrowdale", "Glenhollow", "Hartsea",
         "Ivybridge", "Juniper Bay", "Kettlebrook", "Larkmoor", "Millhaven", "Northwold", "Oakridge", "Pellmouth",
         "Quarrytown", "Ravensholt", "Stonebury", "Thornfield", "Upwell", "Valewood", "Westmarch", "Yarrowby"]


@dataclass
class Page:
    title: str
    body: str
    date: str = "2022-03-03"

    def html(self) -> str:
        paras = "".join(f"<p>{html.escape(p)}</p>" for p in self.body.split("\n\n")[1:] or [self.body])
        return (f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(self.title)}</title></head>"
                f"<body><nav>Home | World</nav><article><h1>{html.escape(self.title)}</h1>{paras}</article>"
                f"<footer>All rights reserved</footer></body></html>")


TOPICS = [
    ("{town} council approves a budget of {n} million for schools",
     "The council of {town} voted on Wednesday to spend {n} million on repairing classrooms, the mayor said."),
    ("Floods close the main bridge in {town} after {n} mm of rain",
     "Engineers in {town} shut the old stone bridge after rivers rose overnight, the water board said."),
    ("{town} orchestra opens its season with a sold-out concert",
     "The orchestra played to {n} listeners in the restored hall of {town}, its conductor said."),
    ("Rail workers in {town} strike over pay for {n} hours",
     "Trains through {town} stopped on Monday as drivers walked out in a dispute over wages, the union said."),
    ("{town} hospital opens a new children's wing with {n} beds",
     "Doctors in {town} welcomed the first young patients to the wing, the health board said."),
    ("Farmers near {town} report a record apple harvest of {n} tonnes",
     "Orchards around {town} picked more fruit than in any year since records began, growers said."),
    ("{town} library lends {n} e-books in its first digital month",
     "Readers in {town} borrowed novels and cookbooks online, the librarians said."),
    ("Wildfire near {town} burns {n} hectares of pine forest",
     "Firefighters from {town} fought the blaze through the night, the forestry service said."),
]


def filler(i: int) -> Page:
    town = TOWNS[i % len(TOWNS)]
    title_t, lead_t = TOPICS[i % len(TOPICS)]
    title = title_t.format(town=town, n=120 + i)
    return Page(title, f"{title}\n\n{lead_t.format(town=town, n=120 + i)}\n\nOfficials in {town} said more "
                       f"details would follow on day {3 + i}.", "2022-03-02")


def report_page(article: Any) -> Page:
    return Page(article.title, article.body, article.published)


@dataclass
class Site:
    secret: str = "s3cret"
    feeds: dict[str, list[str]] = field(default_factory=dict)  # feed name -> page slugs, newest last
    modes: dict[str, str] = field(default_factory=dict)  # feed name -> ok | 500 | hang | to-private
    pages: dict[str, Page] = field(default_factory=dict)
    versions: Counter[str] = field(default_factory=Counter)
    hits: Counter[str] = field(default_factory=Counter)
    not_modified: Counter[str] = field(default_factory=Counter)
    sitemap: list[str] = field(default_factory=list)  # page slugs the sitemap lists
    hold: dict[str, threading.Event] = field(default_factory=dict)  # page slug -> released when set
    reached: dict[str, threading.Event] = field(default_factory=dict)
    release: threading.Event = field(default_factory=threading.Event)
    hook_fail_first: int = 0
    hook_calls: list[dict[str, Any]] = field(default_factory=list)
    page_delay: float = 0.0
    base: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def set_feed(self, name: str, slugs: list[str], pages: dict[str, Page] | None = None) -> None:
        with self.lock:
            self.pages.update(pages or {})
            self.feeds[name] = list(slugs)
            self.versions[name] += 1

    def feed_xml(self, name: str) -> bytes:
        items = "".join(
            f"<item><title>{html.escape(self.pages[s].title)}</title><link>{self.base}/page/{s}.html</link>"
            f"<guid>{self.base}/page/{s}.html</guid><pubDate>{_rfc822(self.pages[s].date)}</pubDate></item>"
            for s in self.feeds[name])
        return (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>{name}</title>"
                f"<link>{self.base}/</link><description>test</description>{items}</channel></rss>").encode()

    def delivered(self) -> list[str]:
        return [c["id"] for c in self.hook_calls if c["accepted"]]


def _rfc822(day: str) -> str:
    import datetime as dt

    d = dt.date.fromisoformat(day)
    return d.strftime("%a, %d %b %Y 10:00:00 GMT")


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def _send(self, status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8",
                  headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            if body:
                self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802
            path = self.path.split("?")[0]
            with site.lock:
                site.hits[path] += 1
            if path.startswith("/feed/"):
                name = path[len("/feed/"):].removesuffix(".xml")
                mode = site.modes.get(name, "ok")
                if mode == "500":
                    return self._send(500, b"internal error")
                if mode == "hang":
                    site.release.wait(30)
                    return self._send(200, b"late")
                if mode == "to-private":
                    port = self.server.server_address[1]
                    return self._send(302, headers={"Location": f"http://localhost:{port}/feed/a.xml"})
                if name not in site.feeds:
                    return self._send(404, b"no such feed")
                etag = f'"{name}-{site.versions[name]}"'
                modified = f"Wed, 0{min(site.versions[name], 9)} Mar 2022 10:00:00 GMT"
                if self.headers.get("If-None-Match") == etag:
                    with site.lock:
                        site.not_modified[name] += 1
                    return self._send(304, headers={"ETag": etag})
                return self._send(200, site.feed_xml(name), "application/rss+xml",
                                  {"ETag": etag, "Last-Modified": modified})
            if path == "/sitemap-index.xml":
                return self._send(200, (f"<?xml version='1.0'?><sitemapindex xmlns='http://www.sitemaps.org/"
                                        f"schemas/sitemap/0.9'><sitemap><loc>{site.base}/sitemap.xml</loc>"
                                        f"</sitemap></sitemapindex>").encode(), "application/xml")
            if path == "/sitemap.xml":
                urls = "".join(
                    f"<url><loc>{site.base}/page/{s}.html</loc><news:news><news:publication_date>"
                    f"{site.pages[s].date}T09:00:00Z</news:publication_date><news:title>"
                    f"{html.escape(site.pages[s].title)}</news:title></news:news></url>" for s in site.sitemap)
                return self._send(200, ("<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/"
                                        "sitemap/0.9' xmlns:news='http://www.google.com/schemas/sitemap-news/0.9'>"
                                        f"{urls}</urlset>").encode(), "application/xml")
            if path.startswith("/page/"):
                slug = path[len("/page/"):].removesuffix(".html")
                if slug in site.reached:
                    site.reached[slug].set()
                if slug in site.hold:
                    site.hold[slug].wait(30)
                if site.page_delay:
                    site.release.wait(site.page_delay)
                page = site.pages.get(slug)
                return self._send(200, page.html().encode()) if page else self._send(404, b"gone")
            self._send(404, b"not found")

        def do_POST(self) -> None:  # noqa: N802
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            signature = self.headers.get("X-Flashpoint-Signature", "")
            expected = "sha256=" + hmac.new(site.secret.encode(), body, hashlib.sha256).hexdigest()
            with site.lock:
                accepted = len(site.hook_calls) >= site.hook_fail_first
                site.hook_calls.append({"id": self.headers.get("X-Flashpoint-Alert"), "body": json.loads(body),
                                        "signed": hmac.compare_digest(signature, expected), "accepted": accepted})
            self._send(200 if accepted else 500, b"{}", "application/json")

    return Handler


@contextmanager
def running_site(site: Site | None = None) -> Iterator[Site]:
    site = site or Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    server.block_on_close = False
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        site.release.set()
        for ev in site.hold.values():
            ev.set()
        server.shutdown()
        server.server_close()
