"""benchmarks/event_sample.py scores whole articles of any of the 181 general-news pages, not only those of
NEWS_BODIES (sample 18 drew among all of them): every news document a sample names must be found to score."""

import json
from pathlib import Path

from conftest import benchmark_module

event_sample = benchmark_module("event_sample")


def test_every_news_document_of_a_sample_is_read() -> None:
    named = {json.loads(line)["doc"] for p in Path("benchmarks").glob("event_sample*.jsonl")
             for line in p.read_text(encoding="utf-8").splitlines() if line.strip()}
    news = {d for d in named if d.startswith("ae-")}
    outside = {d for d in news if d[3:] not in event_sample.NEWS_BODIES}
    assert outside  # the case the reading is for
    docs = event_sample._documents_of(news)
    bodies = event_sample.news_bodies()
    assert all(docs[d] == bodies[d] for d in news)


def test_news_documents_are_only_the_bodies_asked_for_beyond_news_bodies() -> None:
    named = {json.loads(line)["doc"] for line in Path("benchmarks/event_sample18.jsonl").read_text(
        encoding="utf-8").splitlines() if line.strip()}
    one = sorted(d for d in named if d[3:] not in event_sample.NEWS_BODIES)[0]
    docs = event_sample._documents_of({one})
    assert one in docs
    assert not any(d.startswith("ae-") and d[3:] not in event_sample.NEWS_BODIES and d != one for d in docs)
