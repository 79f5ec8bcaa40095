"""A stamp counted back from when the page was fetched ("Updated 3 hours ago") dates it against that moment:
a live fetch from a real HTTP server on 127.0.0.1, a WARC record's WARC-Date; a text dump, with no such moment,
stays undated."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from flashpoint.ingest.meta import fetched_stamp_day
from flashpoint.ingest.pipeline import load_articles
from flashpoint.model import Article

TITLE = "PG&E begins new mass power shutoff"
LEAD = ("Pacific Gas & Electric began shutting off power on Wednesday to some 37,000 customers in northern "
        "California, the utility said, as strong winds raised the risk of wildfires.")
MORE = "Officials said more shutoffs could follow in the coming days if the winds do not ease."
HTML = f"""<!doctype html><html><head><title>{TITLE.replace('&', '&amp;')}</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>{TITLE.replace('&', '&amp;')}</h1><p class="byline">Updated 3 hours ago</p>
<p>{LEAD.replace('&', '&amp;')}</p><p>{MORE}</p></article><footer>Contact us</footer></body></html>"""
TEXT = "\n".join(["Home", "News", TITLE, "Updated 3 hours ago", LEAD, MORE])


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        body, ctype = (HTML, "text/html") if self.path == "/story.html" else (TEXT, "text/plain")
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", f"{ctype}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def _article(sources: list[str]) -> Article:
    [art] = list(load_articles(sources, allow_private=True))
    assert isinstance(art, Article), art
    return art


@pytest.mark.parametrize("path", ["/story.html", "/story.txt"])
def test_a_fetched_page_is_dated_back_from_the_fetch(server: str, path: str) -> None:
    """Three hours before the fetch: the day of the fetch, or the day before it in the first three hours."""
    before = datetime.now(timezone.utc)
    art = _article([server + path])
    after = datetime.now(timezone.utc)
    assert art.published_from == "fetched_relative"
    assert art.published in {(before - timedelta(hours=3)).date().isoformat(),
                             (after - timedelta(hours=3)).date().isoformat()}


def _warc(path: Path, captured: str) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://example.org/story", "response",
                                                      payload=io.BytesIO(HTML.encode()), http_headers=headers,
                                                      warc_headers_dict={"WARC-Date": captured}))


@pytest.mark.parametrize("captured, day", [("2019-11-20T03:15:00Z", "2019-11-20"),
                                           ("2019-11-20T02:00:00Z", "2019-11-19")])
def test_a_warc_record_is_dated_back_from_its_warc_date(tmp_path: Path, captured: str, day: str) -> None:
    _warc(tmp_path / "crawl.warc", captured)
    art = _article([str(tmp_path / "crawl.warc")])
    assert (art.published, art.published_from) == (day, "fetched_relative")


@pytest.mark.parametrize("fetched, day", [("2019-11-20T02:00:00Z", "2019-11-19"),
                                          ("2019-11-20T09:00:00+02:00", "2019-11-20"),
                                          ("not a time", None)])
def test_a_jsonl_record_is_dated_back_from_its_fetched_field(tmp_path: Path, fetched: str, day: str | None) -> None:
    """A scrape kept as JSONL with the moment of its capture: the same stamp as a live fetch's, read back from it;
    a value that is no time anchors nothing."""
    import json

    (tmp_path / "scrape.jsonl").write_text(json.dumps({"text": TEXT, "fetched": fetched}) + "\n", encoding="utf-8")
    art = _article([str(tmp_path / "scrape.jsonl")])
    assert (art.published, art.published_from) == (day, "fetched_relative" if day else None)


def test_a_text_dump_with_the_same_stamp_names_no_day(tmp_path: Path) -> None:
    """No moment of a fetch, no anchor: the stamp is read as before (no day)."""
    (tmp_path / "story.txt").write_text(TEXT, encoding="utf-8")
    art = _article([str(tmp_path / "story.txt")])
    assert (art.published, art.published_from) == (None, None)


@pytest.mark.parametrize("stamp, day", [
    ("Published 22 hours ago", "2026-12-05"),
    ("1 day ago", "2026-12-05"),
    ("Updated 40 minutes ago", "2026-12-06"),
    ("Today 12:01 AM", "2026-12-06"),
    ("yesterday at 5 pm", "2026-12-05"),
    ("Friday 5:30PM", "2026-12-04"),  # the last Friday up to Sunday 6 December 2026
    ("Sunday 9:00", "2026-12-06"),
])
def test_each_kind_of_stamp_counts_back_from_the_fetch(stamp: str, day: str) -> None:
    fetched = datetime(2026, 12, 6, 14, 3, tzinfo=timezone.utc)  # a Sunday
    assert fetched_stamp_day(["Home", TITLE, stamp, LEAD, MORE], LEAD, fetched) == day


def test_a_stamp_far_from_the_story_is_none_of_its_own() -> None:
    """A listing's "2 hours ago" well below the story, past its paragraphs, dates nothing."""
    fetched = datetime(2026, 12, 6, 14, 3, tzinfo=timezone.utc)
    lines = ["Home", TITLE, LEAD, *[MORE] * 15, "Related: storm hits coast", "2 hours ago"]
    assert fetched_stamp_day(lines, LEAD, fetched) is None


@pytest.mark.parametrize("lines, day", [
    (["Today 9:45 PM EST"], "2026-12-06"),  # 03:30 UTC on the 7th is 22:30 on the 6th in New York
    (["Updated 3 hours ago", "Markets close at 4:00 PM EST"], "2026-12-06"),  # the zone the page writes elsewhere
    (["Updated 3 hours ago", "Last trade 18:10 (UTC-05:00)"], "2026-12-06"),
    (["Updated 3 hours ago"], "2026-12-07"),  # no zone written: the day in UTC
    (["Today 9:45 PM Eastern"], None),  # no zone of time_zones.yaml: no stamp
])
def test_a_stamp_counted_back_from_the_fetch_falls_on_the_sites_own_day(lines: list[str], day: str | None) -> None:
    fetched = datetime(2026, 12, 7, 3, 30, tzinfo=timezone.utc)
    assert fetched_stamp_day(["Home", TITLE, lines[0], LEAD, MORE, *lines[1:]], LEAD, fetched) == day


def test_the_sites_zone_is_the_first_a_clock_time_writes() -> None:
    from flashpoint.ingest.meta import site_zone

    assert site_zone(["By Jane Doe 10:31 pm CST", "14:24 GMT+3"]) == timezone(timedelta(hours=-6))
    assert site_zone(["Posted 14:24 GMT+3"]) == timezone(timedelta(hours=3))
    assert site_zone(["Posted 09:15 (UTC-05:30)"]) == timezone(-timedelta(hours=5, minutes=30))
    assert site_zone(["The EST index rose", "10:31 pm ET", "GMT+3"]) is None


def test_every_listed_time_zone_reads_as_its_offset() -> None:
    """resources/time_zones.yaml: each abbreviation, written after a clock time, gives the offset the file lists, one
    a clock can have (UTC-12 to UTC+14)."""
    from flashpoint.ingest.meta import _zone_hours, site_zone

    zones = _zone_hours()
    assert zones and all(-12 <= hours <= 14 for hours in zones.values())
    for zone, hours in zones.items():
        assert site_zone([f"Posted 10:31 pm {zone}"]) == timezone(timedelta(hours=hours)), zone
