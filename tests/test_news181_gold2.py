"""The second news181 gold set (tests/data/news181_gold2): blind real-news gold for more pages of the
article-extraction data. These tests check the files' format only; they never run the extractors on the set
(it is blind: measured once by the lead, never tuned on)."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from conftest import ROOT, SHARED
from flashpoint.evals.realnews import load_gold, locate, page_texts

GOLD = ROOT / "tests" / "data" / "news181_gold2"
FIRST = ROOT / "tests" / "data" / "news181_gold"
PAGES = SHARED / "eval" / "article-extraction" / "ground-truth.json"
TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
SECTORS = {"GOV", "MIL", "REB", "OPP", "PRE", "CVL", "MED", "BUS", "NGO", "IGO", "POL", "JUD", "CRM", "INS", "REF"}
KINDS = {"killed", "wounded", "troops", "displaced", "money", "munitions", "other"}
DATE_VALUE = re.compile(r"^\d{4}(-(\d\d(-\d\d(T(MO|AF|EV|NI))?)?|W\d\d(-WE)?|SP|SU|FA|WI))?$")
KEYS = ["id", "page", "url", "published", "outlet", "title", "events", "quotes", "figures", "dates", "notes"]
EVENT_KEYS = {"type", "mode", "actor", "actor_country", "actor_sector", "recipient", "recipient_country",
              "recipient_sector", "evidence", "current", "negated", "hypothetical"}


def golds() -> list[dict[str, Any]]:
    return load_gold(GOLD)[0]


def cleaned_body(text: dict[str, Any]) -> str:
    """The body as the eval's ingest path cleans it (no analysis)."""
    from flashpoint.ingest.pipeline import build_article
    from flashpoint.ingest.sources import jsonl_record

    given = {k: v for k, v in text.items() if v}
    raw = jsonl_record(str(text["id"]), json.dumps(given).encode())
    return build_article(raw).body  # type: ignore[arg-type]


def test_gold_files_are_well_formed() -> None:
    """Named by id, one page each and none of the first set's, a publication date, known types, sectors and
    kinds, ISO3-shaped countries, TIMEX3-shaped date values, each (text, value) date once."""
    found = golds()
    assert found
    first_pages = {g["page"] for g in load_gold(FIRST)[0]}
    assert len({g["page"] for g in found}) == len(found)
    for g in found:
        assert list(g) == KEYS, g["id"]
        assert (GOLD / f"{g['id']}.json").is_file()
        assert re.fullmatch(r"[0-9a-f]{64}", g["page"]) and g["page"] not in first_pages
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", g["published"]), g["id"]
        assert g["url"].startswith("http") and g["title"] and g["notes"]
        for e in g["events"]:
            assert set(e) == EVENT_KEYS and e["type"] in TYPES, (g["id"], e)
            for side in ("actor", "recipient"):
                assert e[f"{side}_country"] is None or re.fullmatch(r"[A-Z]{3}", e[f"{side}_country"]), e
                assert e[f"{side}_sector"] is None or e[f"{side}_sector"] in SECTORS, e
            assert all(isinstance(e[k], bool) for k in ("current", "negated", "hypothetical"))
        for q in g["quotes"]:
            assert q["speaker"] and isinstance(q["direct"], bool), (g["id"], q)
            assert q["speaker_country"] is None or re.fullmatch(r"[A-Z]{3}", q["speaker_country"])
        assert {f["kind"] for f in g["figures"]} <= KINDS
        assert all(isinstance(f["value"], int | float) and not isinstance(f["value"], bool) for f in g["figures"])
        assert all(DATE_VALUE.match(d["value"]) for d in g["dates"]), g["id"]
        keys = [(d["text"].lower(), d["value"]) for d in g["dates"]]
        assert len(keys) == len(set(keys)), g["id"]


def test_the_set_is_blind_so_it_has_no_split() -> None:
    """No split.json: `flashpoint eval realnews ... --errors` refuses to list mistakes on this set."""
    assert not (GOLD / "split.json").exists()
    assert (GOLD / "README.md").is_file()


@pytest.mark.skipif(not PAGES.is_file(), reason="needs ../shared/eval/article-extraction")
def test_every_evidence_is_a_short_clause_of_its_page_body_as_the_eval_cleans_it() -> None:
    pages = json.loads(PAGES.read_text(encoding="utf-8"))
    texts = page_texts(pages, golds())
    assert set(texts) == {g["id"] for g in golds()}
    for g in golds():
        text = texts[g["id"]]
        assert text["url"] == pages[g["page"]]["url"]
        raw, body = text["text"], cleaned_body(text)
        for section in ("events", "quotes", "figures"):
            for item in g[section]:
                assert item["evidence"] in raw, (g["id"], item["evidence"])
                assert locate(body, item["evidence"]) is not None, (g["id"], item["evidence"])
                assert len(item["evidence"]) < len(raw) // 2 and len(item["evidence"].split()) <= 30, item
        for d in g["dates"]:
            assert d["text"] in raw, (g["id"], d["text"])
