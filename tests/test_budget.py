"""A document's budget: hostile shapes refused before cleaning, long bodies analysed in sections, and a
wall-clock limit that turns a slow document into one error while the rest of the batch is stored."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from flashpoint.ingest import budget
from flashpoint.ingest.pipeline import build_article
from flashpoint.model import Article, RawDocument
from flashpoint.store.store import Store
from flashpoint.workflow import analyze_in_sections

PARAGRAPH = ("Russian forces shelled Kharkiv on Tuesday, killing {n} civilians, the regional governor said. "
             "Ukraine's army said it repelled {m} attacks near Bakhmut in district {n}.")


def _long_text(kb: int) -> str:
    lines, size, n = [], 0, 0
    while size < kb * 1024:
        line = PARAGRAPH.format(n=n + 2, m=n + 3)
        lines.append(line)
        size += len(line) + 1
        n += 1
    return "\n".join(lines)


def test_a_page_of_a_million_tiny_paragraphs_is_refused_before_cleaning() -> None:
    html = "<html><body><article>" + "<p>a.</p>" * (budget.MAX_HTML_TAGS + 1) + "</article></body></html>"
    with pytest.raises(budget.OverBudget, match="HTML tags, more than the limit"):
        build_article(RawDocument(source="hostile.html", content=html, kind="html"))
    text = "a.\n" * (budget.MAX_TEXT_LINES + 1)
    with pytest.raises(budget.OverBudget, match="lines, more than the limit"):
        build_article(RawDocument(source="hostile.txt", content=text, kind="text"))


def test_sections_cover_the_body_exactly_at_paragraph_ends() -> None:
    body = _long_text(70)
    parts = budget.sections(body, 20_000)
    assert len(parts) >= 4 and "".join(p for _, p in parts) == body
    assert all(len(p) <= 20_000 for _, p in parts)
    assert all(body[off:off + len(p)] == p for off, p in parts)
    assert all(p.startswith("\n") for _, p in parts[1:])  # cut where a paragraph ends
    one_line = "word " * 10_000
    assert "".join(p for _, p in budget.sections(one_line, 20_000)) == one_line


def test_a_long_body_is_analysed_in_sections_with_offsets_into_the_whole_body() -> None:
    body = _long_text(8)
    assert len(budget.sections(body, 3000)) >= 3
    analysed = analyze_in_sections(Article(id="long", source="long.txt", body=body), 3000)
    assert analysed.body == body
    for name in ("entities", "quotes", "timexes", "quantities", "events"):
        for span in getattr(analysed, name):
            assert 0 <= span.start < span.end <= len(body)
    for ent in analysed.entities:
        assert body[ent.start:ent.end] == ent.text
    # the last section's figures are found, at their place in the whole body
    last = max(analysed.quantities, key=lambda q: q.start)
    assert last.start > len(body) - 1000 and body[last.start:last.end] == last.text


def test_a_slow_and_a_hostile_document_fail_alone_and_the_batch_is_stored(tmp_path: Path) -> None:
    """A real `flashpoint ingest` with a 2-second budget: a 400 KB plain text takes far longer than that on
    any machine (its analysis alone costs about a second per 10 KB), a page of a million tiny paragraphs is
    refused, and the short article after them is stored."""
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a-slow.txt").write_text(_long_text(400))
    # the page of the issue: a million tiny paragraphs, 9 MB, under the size limits
    (folder / "b-hostile.html").write_text("<html><body>" + "<p>a.</p>" * 1_000_000 + "</body></html>")
    (folder / "c-good.txt").write_text("Shelling in Kharkiv\n\n" + PARAGRAPH.format(n=2, m=3))
    db = f"sqlite:///{tmp_path / 'b.db'}"
    env = {**os.environ, "FLASHPOINT_DOC_SECONDS": "2"}
    done = subprocess.run([sys.executable, "-m", "flashpoint.cli", "ingest", str(folder), "--db", db],
                          capture_output=True, text=True, env=env, timeout=600)
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    assert "a-slow.txt" in out and "took longer than 2 s" in out
    assert "b-hostile.html" in out and "HTML tags" in out
    assert "Traceback" not in out
    store = Store(db)
    assert [a.source for _, a in store.iter_articles()] == [str(folder / "c-good.txt")]
    store.close()


def test_on_a_worker_thread_the_budget_stops_the_document_at_its_next_check() -> None:
    import threading
    import time

    caught: list[BaseException] = []

    def work() -> None:
        try:
            with budget.deadline(0.01):
                budget.check_time()  # within the budget
                time.sleep(0.05)
                budget.check_time()
        except budget.OverBudget as exc:
            caught.append(exc)
        budget.check_time()  # the budget ends with its block

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(30)
    assert len(caught) == 1 and "took longer than 0.01 s" in str(caught[0])


def test_the_api_stops_a_slow_upload_and_stores_the_rest_of_the_request(tmp_path: Path) -> None:
    """A real `flashpoint serve` (ingests on worker threads) with a 2-second budget: one request with a slow
    400 KB text, a page of tiny paragraphs and a short article; the first two are errors naming them, the
    third is stored, and the server answers reads after it."""
    import json
    import urllib.request

    from conftest import _free_port

    db = f"sqlite:///{tmp_path / 'api.db'}"
    Store(db).close()
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "flashpoint.cli", "serve", "--db", db, "--port", str(port),
                               "--api-key", "k"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env={**os.environ, "FLASHPOINT_DOC_SECONDS": "2"})
    try:
        for _ in range(600):
            assert server.poll() is None, "the server exited"
            try:
                urllib.request.urlopen(base + "/api/health", timeout=30).close()
                break
            except OSError:
                import time

                time.sleep(0.1)
        docs = [{"id": "slow", "text": _long_text(400)},
                {"id": "hostile", "html": "<html><body>" + "<p>a.</p>" * 100_000 + "</body></html>"},
                {"id": "good", "title": "Shelling in Kharkiv", "text": PARAGRAPH.format(n=2, m=3)}]
        req = urllib.request.Request(base + "/api/ingest", data=json.dumps({"documents": docs}).encode(),
                                     headers={"Content-Type": "application/json", "X-API-Key": "k"})
        with urllib.request.urlopen(req, timeout=600) as resp:
            answer = json.loads(resp.read())
        errors = {e["source"]: e["message"] for e in answer["errors"]}
        assert set(errors) == {"api:slow", "api:hostile"}, answer
        assert "took longer than 2 s" in errors["api:slow"] and "HTML tags" in errors["api:hostile"]
        assert answer["stored"] == ["good"]
        with urllib.request.urlopen(base + "/api/articles", timeout=60) as resp:
            assert [a["id"] for a in json.loads(resp.read())["items"]] == ["good"]
    finally:
        server.terminate()
        server.wait(30)


def test_a_budget_signal_a_library_swallows_still_stops_the_document_at_the_next_check() -> None:
    """OverBudget is a ValueError: a library that catches ValueError where the timer signal lands would let the
    document run on; the next check between sections must stop it on the main thread too."""
    import time

    with pytest.raises(budget.OverBudget, match="took longer than"):
        with budget.deadline(0.05):
            try:
                time.sleep(0.5)  # the signal lands here
            except ValueError:
                pass  # and a library swallows it
            budget.check_time()
    budget.check_time()  # outside the budget nothing is checked
