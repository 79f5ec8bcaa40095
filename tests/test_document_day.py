"""The day an undated page was written, inferred from its words (lang/en/document_day.yaml): every example
there runs through the whole ingest of an undated text record, and the record marks the day "inferred"."""

from __future__ import annotations

import json
from datetime import date

import pytest

from flashpoint.ingest import meta
from flashpoint.ingest.pipeline import build_article
from flashpoint.ingest.sources import jsonl_record
from flashpoint.model import RawDocument

DATA = meta.document_day_cues("en") or {}
TODAY = date.fromisoformat(str(DATA["examples_today"]))
EXAMPLES = [pytest.param(ex, id=f"{kind}-{i}") for kind in ("positive", "negative")
            for i, ex in enumerate(DATA["examples"][kind])]


def _record(text: str, **given: str) -> dict[str, object]:
    raw = jsonl_record("ex", json.dumps({"id": "ex", "text": text, **given}).encode())
    assert isinstance(raw, RawDocument)
    return build_article(raw).model_dump()


@pytest.mark.parametrize("example", EXAMPLES)
def test_example_infers_its_day(example: dict[str, object]) -> None:
    text = str(example["text"])
    want = example["published"]
    assert meta.body_day(text.splitlines(), TODAY) == (str(want) if want else None)


def test_an_undated_record_carries_the_inferred_day() -> None:
    """The whole ingest of an undated text record: the day its words give, marked "inferred" (the examples
    pin none that a later year's weekdays could move before 2033)."""
    for example in DATA["examples"]["positive"] + DATA["examples"]["negative"]:
        record = _record(str(example["text"]))
        want = example["published"]
        assert (record["published"], record["published_from"]) == ((str(want), "inferred") if want else (None, None))


def test_an_inferred_day_never_overrides_a_given_one() -> None:
    text = str(DATA["examples"]["positive"][0]["text"])
    record = _record(text, published="2023-03-09")
    assert (record["published"], record["published_from"]) == ("2023-03-09", "given")
    record = _record(text, url="https://example.org/world/2023/03/08/envoy")
    assert (record["published"], record["published_from"]) == ("2023-03-08", "inferred")  # the URL's day


def test_the_future_cues_are_words() -> None:
    assert all(isinstance(w, str) and w.split() and all(p.isalpha() for p in w.split()) for w in DATA["future_cues"])


def test_an_undated_page_is_read_with_its_own_languages_cue_words(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The cue words (document_day.yaml) are the page language's, not always English's: here a made-up
    language 'xx' whose past word is 'hosts' and whose word of what will happen is 'soon'."""
    english = meta.document_day_cues("en")
    assert english is not None
    xx = {**english, "past_words": ["hosts"], "future_cues": ["soon"]}
    monkeypatch.setattr(meta, "document_day_cues", lambda language: xx if language == "xx" else english)
    meta._future_cue.cache_clear()
    meta._weekday_said.cache_clear()
    try:
        text = "Manchester hosts Liverpool on Saturday, Dec. 7, at Old Trafford. The season began in August 2024."
        assert meta.pinned_date(text, TODAY, language="xx") == "2024-12-07"
        assert meta.pinned_date(text, TODAY) is None  # 'hosts' tells no past in English
        ahead = ["The talks will resume on 3 March 2024.", "The talks soon resume on 5 March 2024."]
        assert meta.latest_text_date(ahead) == "2024-03-05"
        assert meta.latest_text_date(ahead, "xx") == "2024-03-03"
    finally:
        meta._future_cue.cache_clear()
        meta._weekday_said.cache_clear()


def test_a_count_of_years_in_any_case_counts() -> None:
    """'Six years after', 'ſix years after' (a long s, which lower case keeps): the count word is found in any case
    and read as the same number, never a word the count list lacks."""
    said = "Troops remain, {} years after the September 11, 2001 attacks."
    six = meta._past_years(said.format("six"))
    assert six == meta._past_years(said.format("Six")) == meta._past_years(said.format("ſix"))
    assert six[0] == 2001 and six[1] > 2001
