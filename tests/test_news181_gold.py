"""The news181 gold set (tests/data/news181_gold): real-news gold for pages of the article-extraction data,
read by `flashpoint eval realnews` from ../shared/eval/article-extraction/ground-truth.json."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import ROOT, SHARED
from flashpoint.cli import app
from flashpoint.evals.realnews import load_gold, load_texts, locate, page_texts

GOLD = ROOT / "tests" / "data" / "news181_gold"
PAGES = SHARED / "eval" / "article-extraction" / "ground-truth.json"
TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
KINDS = {"killed", "wounded", "troops", "displaced", "money", "munitions", "other"}
DATE_VALUE = re.compile(r"^\d{4}(-(\d\d(-\d\d(T(MO|AF|EV|NI))?)?|W\d\d(-WE)?))?$")


def golds() -> list[dict[str, Any]]:
    return load_gold(GOLD)[0]


def pages() -> dict[str, Any]:
    return json.loads(PAGES.read_text(encoding="utf-8"))


def cleaned_body(text: dict[str, Any]) -> str:
    """The body as the eval's ingest path cleans it (no analysis)."""
    from flashpoint.ingest.pipeline import build_article
    from flashpoint.ingest.sources import jsonl_record

    given = {k: v for k, v in text.items() if v}
    raw = jsonl_record(str(text["id"]), json.dumps(given).encode())
    return build_article(raw).body  # type: ignore[arg-type]


def test_gold_files_are_well_formed() -> None:
    """Named by id, one page each, a publication date, known types and kinds, TIMEX3-shaped date values."""
    found = golds()
    assert len(found) >= 10
    split = json.loads((GOLD / "split.json").read_text(encoding="utf-8"))
    assert sorted(split["tune"]) == sorted(g["id"] for g in found) and not split["heldout"] + split["heldout2"]
    assert len({g["page"] for g in found}) == len(found)
    for g in found:
        assert (GOLD / f"{g['id']}.json").is_file()
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", g["published"]), g["id"]
        assert {e["type"] for e in g["events"]} <= TYPES
        assert {f["kind"] for f in g["figures"]} <= KINDS
        assert all(isinstance(f["value"], int | float) for f in g["figures"])
        assert all(DATE_VALUE.match(d["value"]) for d in g["dates"]), g["id"]
        keys = [(d["text"].lower(), d["value"]) for d in g["dates"]]
        assert len(keys) == len(set(keys)), g["id"]


@pytest.mark.skipif(not PAGES.is_file(), reason="needs ../shared/eval/article-extraction")
def test_every_evidence_is_in_its_page_body_as_the_eval_cleans_it() -> None:
    texts = page_texts(pages(), golds())
    assert set(texts) == {g["id"] for g in golds()}
    for g in golds():
        text = texts[g["id"]]
        assert text["published"] == g["published"] and text["url"].startswith("http")
        raw, body = text["text"], cleaned_body(text)
        for section in ("events", "quotes", "figures"):
            for item in g[section]:
                assert item["evidence"] in raw, (g["id"], item["evidence"])
                assert locate(body, item["evidence"]) is not None, (g["id"], item["evidence"])
        for d in g["dates"]:
            assert d["text"] in raw, (g["id"], d["text"])


@pytest.mark.skipif(not PAGES.is_file(), reason="needs ../shared/eval/article-extraction")
def test_load_texts_reads_the_page_set_only_for_gold_that_names_a_page(tmp_path: Path) -> None:
    one = golds()[0]
    texts = load_texts(PAGES, [one, {"id": "no-page"}, {"id": "unknown", "page": "0" * 64}])
    assert list(texts) == [one["id"]]
    assert texts[one["id"]]["text"] == pages()[one["page"]]["articleBody"]


@pytest.mark.skipif(not PAGES.is_file(), reason="needs ../shared/eval/article-extraction")
def test_command_scores_a_news181_article(tmp_path: Path) -> None:
    name = "rt-2019-11-20-bolivia-morales-supporters-killed"
    (tmp_path / f"{name}.json").write_text((GOLD / f"{name}.json").read_text(encoding="utf-8"), encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "realnews", str(tmp_path), "--articles", str(PAGES),
                                      "--split", "all", "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["articles"] == 1 and scores["evidence_not_in_body"] == 0 and not scores["problems"]
    assert scores["scores"]["figures (value)"]["gold"] == 4
    refused = CliRunner().invoke(app, ["eval", "realnews", str(tmp_path), "--articles", str(PAGES), "--errors"])
    assert refused.exit_code == 2  # no split.json beside the gold files: mistakes are not listed
