"""Escalation rules on plain series: two different parties make a dyad; an alert needs 14 days of data."""

from __future__ import annotations

import datetime as dt

from flashpoint.corpus import escalation as esc
from flashpoint.corpus.claims import status


def _days(start: str, n: int) -> list[str]:
    d = dt.date.fromisoformat(start)
    return [(d + dt.timedelta(days=i)).isoformat() for i in range(n)]


def test_a_dyad_is_two_different_parties() -> None:
    assert esc.party("AZE", "MIL") == esc.party("AZE", None) == "AZE"
    assert esc.party("AZE", "CVL") == "AZE/CVL" and esc.party("UKR", "PRE") == "UKR/REB"
    assert esc.party(None, "GOV") is None
    assert not esc.is_dyad("AZE", "AZE")  # Azerbaijan against itself
    assert esc.is_dyad("AZE", "AZE/CVL") and esc.party_label("AZE/CVL") == "AZE civilians"
    assert not esc.is_dyad("AZE", None)


def test_no_alert_without_fourteen_days_of_data() -> None:
    quiet = dict.fromkeys(_days("2020-09-01", 13), 1.0)
    spike = {**quiet, "2020-09-14": 50.0}
    rows = {r["date"]: r for r in esc.with_baseline(spike, "day", covered=set(spike))}
    assert rows["2020-09-14"]["baseline_days"] == 13 and not rows["2020-09-14"]["alert"]
    longer = {**dict.fromkeys(_days("2020-09-01", 14), 1.0), "2020-09-15": 50.0}
    rows = {r["date"]: r for r in esc.with_baseline(longer, "day", covered=set(longer))}
    assert rows["2020-09-15"]["alert"]


def test_days_without_articles_are_gaps_not_calm() -> None:
    # one event a month apart: the calendar between them is 30 days, but only 2 of them had any article
    series = {"2020-09-01": 10.0, "2020-10-01": 40.0}
    covered = {"2020-09-01", "2020-09-15", "2020-10-01"}
    rows = {r["date"]: r for r in esc.with_baseline(series, "day", covered=covered)}
    assert rows["2020-10-01"]["baseline_days"] == 1 and not rows["2020-10-01"]["alert"]
    # without coverage given, every calendar day since the first event counts (the old reading)
    rows = {r["date"]: r for r in esc.with_baseline(series, "day")}
    assert rows["2020-10-01"]["baseline_days"] == esc.WINDOW_DAYS and rows["2020-10-01"]["alert"]


def _value(aid: str, value: float, published: str, period: str | None = None) -> dict:
    return {"article_id": aid, "value": value, "published": published, "as_of": None, "claimed_by": None,
            "period": period}


def test_a_count_reported_on_different_days_is_a_trend_and_a_disagreement_needs_the_same_time() -> None:
    toll = [_value("a", 60, "2020-10-18"), _value("b", 63, "2020-10-23"), _value("c", 65, "2020-10-24")]
    assert status("killed", toll)[0] == "trend"
    same_day = [_value("a", 60, "2020-10-18"), _value("b", 63, "2020-10-18")]
    assert status("killed", same_day)[0] == "disagree"
    incident = [_value("a", 21, "2022-03-03"), _value("b", 34, "2022-03-04")]
    assert status("killed", incident, "on 2022-03-03")[0] == "disagree"  # one strike, two counts
    falling = [_value("a", 14000, "2021-04-09"), _value("b", 13000, "2021-12-02")]
    assert status("killed", falling)[0] == "disagree"  # a toll does not fall
