"""Every date a record shows is a valid TIMEX3 calendar value or None: no internal code
(PRESENT_REF, TNI, XXXX-10, a duration) ever reaches a record, on any text we have."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from conftest import SEEDS, SHARED
from flashpoint.model import Timex
from flashpoint.nlp.parser import parse
from flashpoint.nlp.timexes import is_timex3_value, record_timexes

REALNEWS = SHARED / "realnews" / "articles.jsonl"


def _texts() -> list[tuple[str, str, dt.date | None]]:
    out = [(p.name, p.read_text(encoding="utf-8"), None) for p in sorted(SEEDS.glob("*.txt"))]
    with REALNEWS.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            published = dt.date.fromisoformat(rec["published"]) if rec.get("published") else None
            out.append((rec["id"], rec["text"], published))
    return out


TEXTS = _texts()


def _records(text: str, published: dt.date | None, unshown: set[tuple[int, int]] | None = None) -> list[Timex]:
    """The records of a text, read with its parse as the pipeline reads them (the Doc is required)."""
    return record_timexes(text, published, parse(text), unshown)


def test_there_are_texts_to_check() -> None:
    assert len(TEXTS) >= 50


@pytest.mark.parametrize("name,text,published", TEXTS, ids=[t[0] for t in TEXTS])
def test_every_value_is_timex3_or_none(name: str, text: str, published: dt.date | None) -> None:
    tokens = parse(text)
    for when in {published, dt.date(2023, 6, 16), None}:
        for t in record_timexes(text, when, tokens):
            assert t.value is None or is_timex3_value(t.value), (name, t)
            assert text[t.start:t.end] == t.text and t.text.strip() == t.text


@pytest.mark.parametrize("value", ["2021", "2021-04", "2021-04-08", "2021-04-08TEV", "2021-W14", "2021-W14-WE",
                                   "2021-SU", "2021-Q2", "2021-H1", "198", "19"])
def test_valid_values(value: str) -> None:
    assert is_timex3_value(value)


@pytest.mark.parametrize("value", ["PRESENT_REF", "PAST_REF", "FUTURE_REF", "TNI", "XXXX-10", "XXXX-02-10",
                                   "P3Y", "2023-02-30", "2021-13", "2021-W60", "", None])
def test_invalid_values(value: str | None) -> None:
    assert not is_timex3_value(value)


@pytest.mark.parametrize("text,shown", [
    ("Fighting has gone on since 1994.", ("1994", "1994")),
    ("Prices were set as of 2012 by decree.", ("2012", "2012")),
    ("Aid arrived earlier this month.", ("earlier this month", "2023-06")),
    ("The talks were held in mid-2019.", ("mid-2019", "2019")),
    ("The uprising was sparked by the 2011 elections.", ("2011", "2011")),
    ("The fund ran from 2014 to 2016.", ("2016", "2016")),
    ("Crops failed in early summer.", ("early summer", "2023-SU")),
    ("The talks collapsed in late March.", ("late March", "2023-03")),
])
def test_text_is_what_an_analyst_writes(text: str, shown: tuple[str, str]) -> None:
    # a count from the date told ("Three days later") dates its clause, the record does not show it
    assert shown in [(t.text, t.value) for t in _records(text, dt.date(2023, 6, 16), unshown=set())]


def test_unresolvable_keeps_its_text_with_no_value() -> None:
    found = _records("The envoy returned on Thursday and again on February 22.", None)
    assert [(t.text, t.value) for t in found] == [("Thursday", None), ("February 22", None)]


@pytest.mark.parametrize("text,shown", [
    # the day the text last established, not the publication day
    ("Gunmen raided the camp on March 12. The following day, at least 15 guards were found dead.",
     ("The following day", "2023-03-13")),
    # a reporting day ("said on Monday") is not a day the story tells of
    ("Gunmen raided the camp on March 12, the army said on Monday. The next day, 15 guards were found dead.",
     ("The next day", "2023-03-13")),
    ("The siege began on 2 May 2021. Three days later, the garrison surrendered.", ("Three days later", "2021-05-05")),
])
def test_relative_days_count_from_the_last_date_told(text: str, shown: tuple[str, str]) -> None:
    # a count from the date told ("Three days later") dates its clause, the record does not show it
    assert shown in [(t.text, t.value) for t in _records(text, dt.date(2023, 6, 16), unshown=set())]


@pytest.mark.parametrize("text,published,shown", [
    # a year-less day a few days after publication is the coming one
    ("The deadline for bids falls on July 2.", dt.date(2023, 6, 16), ("July 2", "2023-07-02")),
    ("The deadline for bids fell on May 2.", dt.date(2023, 6, 16), ("May 2", "2023-05-02")),
    # a day said with its year earlier keeps that year when said again without it
    ("The uprising of August 5, 2021 toppled the regime. Since August 5, mobs have attacked shrines.",
     dt.date(2023, 6, 16), ("August 5", "2021-08-05")),
])
def test_year_of_a_year_less_day(text: str, published: dt.date, shown: tuple[str, str]) -> None:
    assert shown in [(t.text, t.value) for t in _records(text, published)]


@pytest.mark.parametrize("text", [
    "Refugees fled after the fall of Mosul.",
    "It was the first such attack in several years.",
])
def test_not_dates(text: str) -> None:
    assert [t.value for t in _records(text, dt.date(2023, 6, 16)) if t.value] == []


def test_a_qualified_ago_keeps_its_qualifier() -> None:
    found = _records("The truce collapsed about three weeks ago.", dt.date(2023, 6, 16))
    assert [(t.text, t.value) for t in found] == [("about three weeks ago", "2023-W21")]


def test_decades_ago_is_a_decade() -> None:
    """'two decades ago' is said at the grain of a decade, as 'the 1980s' is ('198'), not left unresolved."""
    found = [(t.text, t.value) for t in _records("The foundations were laid two decades ago.", dt.date(2022, 7, 11))]
    assert found == [("two decades ago", "200")]
