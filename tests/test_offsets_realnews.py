"""Provenance on real articles: every record of every extractor points at the characters it names in
the cleaned body (the 50 real-news texts in ../shared/realnews, analysed as a user's JSONL would be)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flashpoint.ingest.pipeline import build_article
from flashpoint.ingest.sources import jsonl_record
from flashpoint.model import InputError
from flashpoint.nlp.pipeline import analyze

ARTICLES = Path(__file__).resolve().parents[1].parent / "shared" / "realnews" / "articles.jsonl"
RECORDS = [json.loads(line) for line in ARTICLES.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("given", RECORDS, ids=[r["id"] for r in RECORDS])
def test_every_record_points_at_its_text(given: dict[str, object]) -> None:
    fields = {k: given[k] for k in ("id", "title", "text", "published", "outlet") if given.get(k)}
    raw = jsonl_record(str(given["id"]), json.dumps(fields).encode())
    assert not isinstance(raw, InputError)
    art = analyze(build_article(raw))
    body = art.body
    spans = [*art.entities, *art.quotes, *art.timexes, *art.quantities, *art.events]
    spans += [m for e in art.events for m in e.mentions]
    assert art.events or art.quotes, "a conflict article yields events or quotes"
    for rec in spans:
        assert 0 <= rec.start < rec.end <= len(body)
        assert body[rec.start:rec.end] == rec.text, (type(rec).__name__, rec.text[:60])
