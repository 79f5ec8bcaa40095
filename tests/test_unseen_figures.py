"""Dates and figures on short articles written for these tests (not from the seeds): wire copy,
casualty updates, attributions, ranges, money, relative days. Each assertion is what an analyst
would read out of the sentence; offsets must point at the text."""

from __future__ import annotations

import pytest

from flashpoint.model import Article, Quantity, Timex
from flashpoint.nlp.document import make_doc
from flashpoint.nlp.quantities import extract_quantities
from flashpoint.nlp.timexes import extract_timexes

WIRE = ("2024-03-14", """KHARTOUM, March 14 (Reuters) - Fighting between the army and a paramilitary group killed \
at least 1,200 people in the city last month, the United Nations said on Thursday.

Between 30 and 40 civilians were killed overnight when shells hit a market in the east of the city, medics said. \
Another 85 were wounded.

The World Food Programme said 3 million people had been displaced since the war began in April 2023, and it \
needed $1.5bn to feed them until the end of the year.

Talks in Jeddah collapsed last Tuesday. Mediators hope to resume them on 3 March next year.""")

CASUALTY = ("2023-11-20", """Health ministry raises death toll

The death toll from strikes on the territory has risen to 13,000, including more than 5,500 children, the \
health ministry said on Sunday.

According to the ministry, dozens of people were killed in a strike on a school on March 3rd, and a further 200 \
were injured.

Two weeks ago, the United Nations said some 1.5 million people had fled their homes. Earlier this month, aid \
agencies reported that 70 trucks a day were entering the territory, down from 500 before the war.""")

BORDER = ("2022-08-05", """Clashes erupt on disputed border

At least 12 soldiers died and 15 were wounded in clashes on the border on Wednesday, according to the defence \
ministry.

The ministry said the other side had fired 300 artillery shells and deployed some 2,000 troops to the area. The \
following day, both sides agreed a ceasefire.

In 2020, a six-week war killed about 6,500 people. The government has since spent 2 billion dollars on arms.""")

SAHEL = ("2021-06-10", """Attacks displace thousands

Gunmen killed 160 villagers in an overnight raid on the town last Friday, officials said.

About 7,000 families fled to nearby towns, the regional governor said. Some 70,000 people, half the population \
of the district, have fled since January, an official said.""")

MARKETS = ("2022-04-02", """Sanctions bite as currency falls

Governments have frozen about $300bn of central bank reserves since 24 February, the finance minister said on \
Friday.

The currency lost 30% of its value in two weeks before recovering. Imports fell by between 40 and 50 percent \
in March, a survey showed.""")

STRIKES = ("2019-09-30", """A weekend of strikes

Coalition aircraft carried out 25 air strikes over the weekend, rebel-run media reported. The group said 9 \
fighters were killed and 31 people injured.

On 27 September, 14 civilians died in a strike on a mosque. A day earlier, rebels claimed to have captured 2,000 \
soldiers.

Since 2015, the war has killed tens of thousands of people and pushed 10 million to the brink of famine.""")

TOLL = ("2020-10-05", """Both sides trade accusations

The defence ministry said on Sunday that 200 of its soldiers had been killed since fighting began on 27 \
September. On 28 September, 24 civilians were killed and 121 wounded by shelling, officials said.

The city was shelled two weeks ago and again overnight, residents said. Three days later the road was cut.""")


def analyse(article: tuple[str, str]) -> tuple[str, list[Timex], list[Quantity]]:
    published, body = article
    doc = make_doc(Article(id="u", source="u", body=body, published=published))
    doc.timexes = extract_timexes(doc)
    found = extract_quantities(doc)
    for span in [*doc.timexes, *found]:
        assert body[span.start:span.end] == span.text
    return body, doc.timexes, found


def dates(article: tuple[str, str]) -> dict[str, str | None]:
    return {t.text: t.value for t in analyse(article)[1]}


def figure(article: tuple[str, str], text: str) -> Quantity:
    body, _, found = analyse(article)
    hits = [q for q in found if q.text == text]
    assert len(hits) == 1, [q.text for q in found]
    assert text in body
    return hits[0]


@pytest.mark.parametrize("article,text,value", [
    (WIRE, "March 14", "2024-03-14"),
    (WIRE, "last month", "2024-02"),
    (WIRE, "Thursday", "2024-03-14"),
    (WIRE, "April 2023", "2023-04"),
    (WIRE, "last Tuesday", "2024-03-05"),
    (WIRE, "3 March next year", "2025-03-03"),
    (CASUALTY, "March 3rd", "2023-03-03"),
    (CASUALTY, "Two weeks ago", "2023-W45"),
    (CASUALTY, "Earlier this month", "2023-11"),
    (BORDER, "Wednesday", "2022-08-03"),
    (BORDER, "following day", None),  # checked below: counted from Wednesday
    (STRIKES, "27 September", "2019-09-27"),
    (TOLL, "28 September", "2020-09-28"),
    (TOLL, "two weeks ago", "2020-W39"),
    (MARKETS, "24 February", "2022-02-24"),
])
def test_dates(article: tuple[str, str], text: str, value: str | None) -> None:
    found = dates(article)
    if value is None:
        assert any(text in k for k in found)
    else:
        assert found.get(text) == value, found


def test_day_before_a_month_is_not_taken_by_the_next_number() -> None:
    found = dates(TOLL)
    assert not any(v and v.endswith("-24") for v in found.values()), found
    assert "September, 24" not in " ".join(found)
    assert not any(k.startswith("September") for k in dates(STRIKES))


def test_anaphoric_days_count_from_the_last_day_said() -> None:
    assert dates(BORDER)["The\nfollowing day".replace("\n", " ")] == "2022-08-04"  # Wednesday + 1
    assert dates(STRIKES)["A day earlier"] == "2019-09-26"  # 27 September - 1
    assert dates(TOLL)["Three days later"] == "2020-10-07"  # the overnight of 4 October + 3


def test_a_duration_told_in_the_past_is_no_date() -> None:
    assert "in two weeks" not in dates(MARKETS)


def test_overnight_names_no_date_but_later_days_count_from_its_night() -> None:
    # dates.yaml overnight_is_no_date: the night ending on the publication day is no date of the record
    assert "overnight" not in dates(WIRE) and "overnight" not in dates(TOLL)
    assert dates(TOLL)["Three days later"] == "2020-10-07"


def test_an_overnight_raid_on_a_said_day_is_not_its_own_date() -> None:
    assert "overnight" not in dates(SAHEL)
    assert dates(SAHEL)["last Friday"] == "2021-06-04"


def test_a_weekend_of_names_no_weekend() -> None:
    found = dates(STRIKES)
    assert "weekend" not in found
    assert found["the weekend"] == "2019-W39-WE"


@pytest.mark.parametrize("article,text,value,kind,subject,approx", [
    (WIRE, "at least 1,200", 1200, "killed", "people", "more than"),
    (WIRE, "Between 30", 30, "killed", "civilians", "more than"),  # a range is its two bounds
    (WIRE, "40", 40, "killed", "civilians", "up to"),
    (WIRE, "85", 85, "wounded", None, None),
    (WIRE, "3 million", 3e6, "displaced", "people", None),
    (WIRE, "$1.5bn", 1.5e9, "money", None, None),
    (CASUALTY, "13,000", 13000, "killed", None, None),
    (CASUALTY, "more than 5,500", 5500, "killed", "children", "more than"),
    (CASUALTY, "200", 200, "wounded", None, None),
    (CASUALTY, "some 1.5 million", 1.5e6, "displaced", "people", "about"),
    (CASUALTY, "500", 500, "other", "trucks", None),
    (BORDER, "At least 12", 12, "killed", "soldiers", "more than"),
    (BORDER, "15", 15, "wounded", "soldiers", None),  # "12 soldiers died and 15 were wounded"
    (BORDER, "300", 300, "munitions", "artillery shells", None),
    (BORDER, "some 2,000", 2000, "troops", "troops", "about"),
    (BORDER, "about 6,500", 6500, "killed", "people", "about"),
    (BORDER, "2 billion dollars", 2e9, "money", None, None),
    (SAHEL, "160", 160, "killed", "villagers", None),
    (SAHEL, "About 7,000", 7000, "displaced", "families", "about"),
    (SAHEL, "Some 70,000", 70000, "displaced", "people", "about"),
    (MARKETS, "about $300bn", 3e11, "money", "central bank reserves", "about"),
    (MARKETS, "30%", 30, "other", "value", None),
    (MARKETS, "between 40", 40, "other", None, "more than"),
    (MARKETS, "50 percent", 50, "other", None, "up to"),
    (BORDER, "six", 6, "other", "weeks", None),  # "a six-week war": a duration (annotation guide)
    (TOLL, "Three", 3, "other", "days", None),  # "Three days later"
    (STRIKES, "25", 25, "other", "air strikes", None),  # attacks counted (figures.yaml strikes_are_attacks)
    (STRIKES, "9", 9, "killed", "fighters", None),
    (STRIKES, "31", 31, "wounded", "people", None),
    (STRIKES, "14", 14, "killed", "civilians", None),
    (STRIKES, "2,000", 2000, "other", "soldiers", None),  # captured: held, not deployed
    (STRIKES, "10 million", 1e7, "other", None, None),
    (TOLL, "24", 24, "killed", "civilians", None),
    (TOLL, "121", 121, "wounded", "civilians", None),
])
def test_figures(article: tuple[str, str], text: str, value: float, kind: str, subject: str | None,
                 approx: str | None) -> None:
    q = figure(article, text)
    assert (q.value, q.kind, q.subject, q.approx) == (value, kind, subject, approx)


def test_units_and_attribution() -> None:
    assert figure(WIRE, "$1.5bn").unit == "USD"
    assert figure(MARKETS, "30%").unit == "percent"
    assert figure(TOLL, "121").unit == "people"
    assert figure(WIRE, "Between 30").claimed_by == "medics"
    assert figure(BORDER, "At least 12").claimed_by == "defence ministry"
    assert figure(STRIKES, "9").claimed_by == "group"
    assert figure(TOLL, "24").claimed_by == "officials"


@pytest.mark.parametrize("article,text", [
    (CASUALTY, "dozens"),  # a vague count has no value
    (STRIKES, "tens of thousands"),
])
def test_not_figures(article: tuple[str, str], text: str) -> None:
    assert text not in [q.text for q in analyse(article)[2]]


def test_each_number_counts_once() -> None:
    for article in (WIRE, CASUALTY, BORDER, SAHEL, MARKETS, STRIKES, TOLL):
        _, timexes, found = analyse(article)
        spans = sorted((q.start, q.end) for q in found)
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
        # a number inside a date is no figure, unless it counts units of time ("Three days later")
        assert not any(q.start < t.end and t.start < q.end for q in found for t in timexes
                       if q.subject not in ("days", "weeks", "months", "years"))


@pytest.mark.parametrize("text,figures", [
    ("Officials said 30 to 40 people were killed.", [(30, "more than"), (40, "up to")]),
    ("Officials said 30-40 people were killed.", [(30, "more than"), (40, "up to")]),
    ("The toll rose from 20 to 35 people.", [(35, None)]),
])
def test_ranges_and_changes(text: str, figures: list[tuple[float, str | None]]) -> None:
    doc = make_doc(Article(id="r", source="r", body=text, published="2023-06-16"))
    doc.timexes = extract_timexes(doc)
    found = extract_quantities(doc)
    assert [(q.value, q.approx) for q in found[-len(figures):]] == figures
    assert all(q.kind == "killed" and text[q.start:q.end] == q.text for q in found[-len(figures):])


def test_a_score_is_no_figure() -> None:
    doc = make_doc(Article(id="s", source="s", body="The council voted 2-1 against the motion.", published=None))
    assert [q.value for q in extract_quantities(doc)] == []
