"""Every source kind and every kind of bad input, from small files made in a temporary directory."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from flashpoint.ingest.decode import MAX_DOCUMENT_BYTES
from flashpoint.ingest.pipeline import load_articles, read_documents
from flashpoint.ingest.sources import read_stdin
from flashpoint.model import Article, InputError, RawDocument

LEAD = ("Foreign ministers of both countries met in Vienna on Monday and agreed to restore the ceasefire "
        "along the line of contact, the mediators said in a joint statement.")
HTML = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Ministers agree to restore the ceasefire</title>
<meta property="og:site_name" content="Example Herald"></head><body>
<header><a href="/">Home</a> | <a href="/world">World</a></header>
<article><h1>Ministers agree to restore the ceasefire</h1><p>{LEAD}</p>
<p>The agreement followed three days of talks and comes after weeks of shelling near the border villages, officials said.</p>
<p>Observers from the monitoring mission will return to the area next week, according to the statement.</p></article>
<footer>Subscribe to our newsletter</footer></body></html>"""
MORE = ("The agreement followed three days of talks in the Austrian capital and comes after weeks of shelling "
        "near the border villages, local officials said on Tuesday.",
        "Observers from the monitoring mission will return to the area next week, according to the statement, "
        "and both sides promised to give them access to the front line.",
        "\"We have agreed to stop the fighting and to exchange prisoners before the end of the month,\" one of "
        "the ministers told reporters after the meeting.",
        "Previous truces in the region have collapsed within days, and residents said they doubted this one "
        "would last longer than the others.")
TEXT = "Ministers agree to restore the ceasefire\n\n" + "\n\n".join((LEAD, *MORE)) + "\n"


def _articles(items: list) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def _errors(items: list) -> list[InputError]:
    return [i for i in items if isinstance(i, InputError)]


def test_txt_file(tmp_path: Path) -> None:
    p = tmp_path / "page.txt"
    p.write_text(TEXT, encoding="utf-8")
    [art] = list(load_articles([str(p)]))
    assert isinstance(art, Article) and art.source == str(p)
    assert "Vienna" in art.body and art.title == "Ministers agree to restore the ceasefire"
    assert len(art.id) == 16 and art.language == "en"


@pytest.mark.parametrize("name", ["page.html", "page.htm", "page.html.gz"])
def test_html_files(tmp_path: Path, name: str) -> None:
    p = tmp_path / name
    data = HTML.encode()
    p.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    [raw] = list(read_documents([str(p)]))
    assert isinstance(raw, RawDocument) and raw.kind == "html"
    [art] = list(load_articles([str(p)]))
    assert isinstance(art, Article)
    assert "Vienna" in art.body and "Subscribe" not in art.body
    assert art.title == "Ministers agree to restore the ceasefire"


def test_jsonl_given_fields_win_and_a_bad_line_names_file_and_line(tmp_path: Path) -> None:
    p = tmp_path / "wires.jsonl"
    recs = [
        json.dumps({"id": "w1", "text": TEXT, "url": "https://www.bbc.co.uk/news/world-1", "published": "2021-03-04",
                    "outlet": "Some Gazette", "title": "Given title"}),
        "{this is not json",
        json.dumps({"id": "w2", "html": HTML}),
        json.dumps({"id": "w3"}),
        "",
        json.dumps({"id": 4, "text": TEXT.replace("Vienna", "Geneva")}),
    ]
    p.write_text("\n".join(recs) + "\n", encoding="utf-8")
    items = list(load_articles([str(p)]))
    arts, errs = _articles(items), _errors(items)
    assert [a.id for a in arts] == ["w1", "w2", "4"]
    first = arts[0]
    assert (first.outlet, first.title, first.published, first.published_from) == \
        ("Some Gazette", "Given title", "2021-03-04", "given")
    assert first.url == "https://www.bbc.co.uk/news/world-1"
    assert "Vienna" in arts[1].body  # the html record was cleaned as HTML
    assert [e.source for e in errs] == [f"{p}:2", f"{p}:4"]
    assert "not valid JSON" in errs[0].message and "text" in errs[1].message


def test_warc_gz_response_records(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    p = tmp_path / "crawl.warc.gz"
    with open(p, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for uri, body, ctype in [("https://www.france24.com/en/a", HTML.encode(), "text/html; charset=utf-8"),
                                 ("https://example.org/logo.png", b"\x89PNG\r\n", "image/png"),
                                 ("https://example.org/b", HTML.replace("Vienna", "Minsk").encode(), "text/html")]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
    items = list(load_articles([str(p)]))
    arts = _articles(items)
    assert not _errors(items)
    assert [a.url for a in arts] == ["https://www.france24.com/en/a", "https://example.org/b"]
    assert arts[0].outlet == "France 24"  # from the record's domain
    assert "Minsk" in arts[1].body


def test_truncated_warc_is_one_error_after_the_good_records(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for n in range(2):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        page = HTML.replace("Vienna", f"City{n}") + "<!--" + "padding " * 2000 + "-->"
        writer.write_record(writer.create_warc_record(f"https://example.org/{n}", "response",
                                                      payload=io.BytesIO(page.encode()), http_headers=headers))
    data = buf.getvalue()
    p = tmp_path / "cut.warc.gz"
    p.write_bytes(data[: len(data) - 300])
    items = list(read_documents([str(p)]))
    assert isinstance(items[0], RawDocument) and "City0" in str(items[0].content)
    assert len(items) == 2  # the cut record is reported, not analysed half-read
    assert isinstance(items[-1], InputError) and items[-1].source == str(p) and "truncated WARC" in items[-1].message


def test_directory_is_read_recursively_and_skips_other_files(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "sub" / "b.html").write_text(HTML.replace("Vienna", "Baku"))
    (tmp_path / "sub" / "deeper" / "c.txt").write_text(TEXT.replace("Vienna", "Yerevan"))
    (tmp_path / "sub" / "notes.md").write_text("# not an article")
    (tmp_path / ".hidden.txt").write_text(TEXT)
    items = list(load_articles([str(tmp_path)]))
    assert [Path(a.source).name for a in _articles(items)] == ["a.txt", "b.html", "c.txt"]
    assert not _errors(items)
    empty = tmp_path / "empty-dir"
    empty.mkdir()
    [err] = list(read_documents([str(empty)]))
    assert isinstance(err, InputError) and "no supported files" in err.message


def test_stdin_reader() -> None:
    [raw] = list(read_stdin(io.BytesIO(HTML.encode())))
    assert isinstance(raw, RawDocument) and raw.source == "-"
    [raw2] = list(read_stdin(io.BytesIO(gzip.compress(TEXT.encode()))))
    assert isinstance(raw2, RawDocument) and "Vienna" in str(raw2.content)


def test_local_feed_file_with_unfetchable_entries(tmp_path: Path) -> None:
    p = tmp_path / "wire.rss"
    p.write_text("""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>One</title><link>http://127.0.0.1:9/one</link></item>
<item><title>Two</title><link>http://10.0.0.5/two</link></item></channel></rss>""")
    items = list(read_documents([str(p)]))
    assert [e.source for e in _errors(items)] == ["http://127.0.0.1:9/one", "http://10.0.0.5/two"]
    not_feed = tmp_path / "data.rss"
    not_feed.write_text("just words, not a feed")
    [err] = list(read_documents([str(not_feed)]))
    assert isinstance(err, InputError) and "not an RSS or Atom feed" in err.message


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize("name, data, message", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\n \t\n", "empty"),
    ("nul.txt", b"Some text\x00\x00\x00 with NUL bytes " * 10, "binary"),
    ("image.html", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary"),
    ("random.txt", bytes((i * 73 + 11) % 256 for i in range(5000)), "binary"),
    ("cut.html.gz", gzip.compress(HTML.encode() * 20)[:200], "truncated gzip"),
    ("notgzip.html.gz", b"this is not gzip data at all", "gzip"),
    ("nothing.html", b"<html><head><script>var x = 1;</script></head><body></body></html>", "no article text"),
])
def test_bad_files_give_one_error_naming_the_file(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    p = tmp_path / name
    p.write_bytes(data)
    items = list(load_articles([str(p), str(tmp_path / "missing.txt")]))
    assert len(items) == 2 and all(isinstance(i, InputError) for i in items)
    assert items[0].source == str(p) and message in items[0].message
    assert items[1].source.endswith("missing.txt") and "no such file" in items[1].message


def test_oversized_file_is_refused_without_reading(tmp_path: Path) -> None:
    p = tmp_path / "huge.txt"
    with open(p, "wb") as fh:  # a sparse 200 MB file: refused from its size alone
        fh.truncate(200 * 1024 * 1024)
    assert p.stat().st_size > MAX_DOCUMENT_BYTES
    good = tmp_path / "good.txt"
    good.write_text(TEXT)
    items = list(load_articles([str(p), str(good)]))
    assert isinstance(items[0], InputError) and "larger than the limit" in items[0].message
    assert isinstance(items[1], Article)


def test_legacy_encodings_are_detected(tmp_path: Path) -> None:
    ru = ("Министр иностранных дел России Сергей Лавров заявил в среду, что Москва готова к диалогу. "
          "По его словам, войска останутся на своих позициях, пока не будут получены гарантии безопасности.")
    fr = ("Le ministre des Affaires étrangères a déclaré mercredi que la sécurité européenne était en jeu. "
          "Les négociations reprendront à Genève après une pause de plusieurs mois, selon le ministère.")
    ru_page = "Лавров о переговорах\n\n" + "\n\n".join([ru] * 4) + "\n"
    fr_page = "Reprise des négociations\n\n" + "\n\n".join([fr] * 4) + "\n"
    (tmp_path / "ru.txt").write_bytes(ru_page.encode("cp1251"))
    (tmp_path / "fr.txt").write_bytes(fr_page.encode("latin-1"))
    (tmp_path / "decl.html").write_bytes(
        f'<html><head><meta charset="windows-1251"><title>Лавров</title></head><body><article><p>{ru}</p>'
        f"<p>{ru}</p></article></body></html>".encode("cp1251"))
    arts = {Path(a.source).name: a for a in _articles(list(load_articles([str(tmp_path)])))}
    assert ru in arts["ru.txt"].body + "\n".join(arts["ru.txt"].removed) and arts["ru.txt"].language == "ru"
    assert fr in arts["fr.txt"].body + "\n".join(arts["fr.txt"].removed) and arts["fr.txt"].language == "fr"
    assert "Лавров" in arts["decl.html"].body


def test_broken_html_is_still_cleaned(tmp_path: Path) -> None:
    p = tmp_path / "broken.html"
    p.write_text(f"<html><body><div><p>{LEAD}<p>The agreement followed three days of talks and weeks of "
                 f"shelling near the border villages, officials said.<div><b>unclosed <i>tags", encoding="utf-8")
    [art] = list(load_articles([str(p)]))
    assert isinstance(art, Article) and "Vienna" in art.body
