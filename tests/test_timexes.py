"""Dates found in text and resolved against a publication day, news-style."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from conftest import SEEDS
from flashpoint.model import Article
from flashpoint.nlp.document import make_doc
from flashpoint.nlp.parser import parse
from flashpoint.nlp.timexes import (
    _rule_matches,
    date_rules,
    extract_timexes,
    find_expressions,
    interval_of,
    record_timexes,
    resolve_timex,
)

# a Friday
PUB = dt.date(2023, 6, 16)


def timexes(text: str, published: str | None = "2023-06-16") -> list[tuple[str, str | None]]:
    doc = make_doc(Article(id="t", source="t", body=text, published=published))
    return [(t.text, t.value) for t in extract_timexes(doc)]


def values(text: str, published: str | None = "2023-06-16") -> list[str | None]:
    return [v for _, v in timexes(text, published)]


@pytest.mark.parametrize("text,expected", [
    ("The envoy arrived on Tuesday for talks.", "2023-06-13"),
    ("The envoy arrived on Friday for talks.", "2023-06-16"),  # the publication day itself
    ("Shelling resumed late on Sunday near the river.", "2023-06-11TNI"),  # dates.yaml: late_and_early_day
    ("The ministers will meet on Thursday in Geneva.", "2023-06-22"),  # future tense
    ("Delegations meet again next Monday.", "2023-06-19"),
    ("The ceasefire collapsed last August.", "2022-08"),
    ("Output fell this year.", "2023"),
    ("Output fell last year.", "2022"),
    ("The offensive began in late April.", "2023-04"),
    ("The dispute has simmered since 2016.", "2016"),
    ("The region was annexed in April 2016.", "2016-04"),
    ("The vote was held on May 21.", "2023-05-21"),
    ("The accord was signed on 3 March 2019.", "2019-03-03"),
    ("The accord was signed on March 3, 2019.", "2019-03-03"),
    ("The filing is dated 2020-11-05.", "2020-11-05"),
    ("Two drones were downed yesterday.", "2023-06-15"),
    ("The council meets today.", "2023-06-16"),
    ("A curfew starts tonight.", "2023-06-16TNI"),
    ("Explosions were heard on Wednesday evening.", "2023-06-14TEV"),
    ("Aid deliveries slowed last week.", "2023-W23"),
    ("Prices doubled in the 1980s.", "198"),  # TIMEX3 writes a decade with three digits
    ("A strike hit the depot the day before.", "2023-06-15"),
    ("The claim comes a day after the leader was killed.", "2023-06-15"),  # today's news set against yesterday's
    ("Shelling went on on Wednesday, a day after the truce.", "2023-06-14"),  # the adjunct names Wednesday
    ("Two months ago the border was quiet.", "2023-04"),  # said to the month, kept to the month
    ("Three years ago the border was quiet.", "2020"),
    ("Ten days ago the border was quiet.", "2023-06-06"),
    ("Troops withdrew in the second quarter of 2021.", "2021-Q2"),
    ("The blockade lasted through the winter of 2015.", "2015-WI"),
])
def test_resolves_news_forms(text: str, expected: str) -> None:
    assert expected in values(text)


def test_that_is_to_say_is_not_future() -> None:
    assert values("The decree is dated 14 June, that is to say Wednesday.") == ["2023-06-14", "2023-06-14"]


def test_spelled_and_invalid_dates() -> None:
    assert resolve_timex("in nineteen ninety six", PUB) == "1996"
    assert resolve_timex("February 30", PUB) == "XXXX-02-30"


@pytest.mark.parametrize("text", [
    "Tension has grown in recent months.",
    "The town is now under curfew.",
    "Shelling has recently intensified.",
])
def test_fuzzy_references_are_no_dates(text: str) -> None:
    assert values(text) == []


def test_night_of_takes_first_night() -> None:
    assert values("Blasts shook the city the night of Saturday to Sunday.") == ["2023-06-10TNI"]


def test_offsets_point_into_the_body() -> None:
    text = "Rockets hit the port on Monday, officials said, after a lull since 2019."
    for surface, _ in timexes(text):
        assert surface in text
    doc = make_doc(Article(id="t", source="t", body=text, published="2023-06-16"))
    for t in extract_timexes(doc):
        assert text[t.start:t.end] == t.text


@pytest.mark.parametrize("text", [
    "The war has killed 14,000 people.",
    "Some 25 soldiers were wounded.",
    "Reservists aged 18 to 60 were called up.",
    "The fund holds 2500 tonnes of grain.",
])
def test_numbers_that_are_not_dates(text: str) -> None:
    assert timexes(text) == []


def test_may_the_verb_is_not_a_month() -> None:
    assert timexes("Officials may resign, the minister warned.") == []


def test_without_publication_date_relative_values_stay_unknown() -> None:
    found = dict(timexes("The talks of Monday followed the March 2014 annexation and last week's raid.",
                         published=None))
    assert found["Monday"] is None
    assert found["March 2014"] == "2014-03"
    assert [v for k, v in found.items() if k.startswith("last week")] == [None]


def test_resolve_timex_for_other_extractors() -> None:
    assert resolve_timex("last July", PUB) == "2022-07"
    assert resolve_timex("on Thursday", PUB) == "2023-06-15"
    assert resolve_timex("on Thursday", PUB, tense_future=True) == "2023-06-22"
    assert resolve_timex("on Thursday", None) is None
    assert resolve_timex("22 February 2022", None) == "2022-02-22"
    assert resolve_timex("no date here", PUB) is None


def test_ranges_are_joined_for_evaluation_only() -> None:
    text = "The mission ran from May to September 2019."
    merged = find_expressions(text, PUB, merge_ranges=True)
    assert len(merged) == 1
    assert (merged[0].start, merged[0].end) == (dt.date(2019, 5, 1), dt.date(2019, 9, 1))
    # said in one breath, the pipeline keeps one timex valued at the range's start
    assert [r.value for r in find_expressions(text, PUB)] == ["2019-05"]
    two = "The mission ran from 3 March 2019 to 5 April 2020."
    assert [r.value for r in find_expressions(two, PUB)] == ["2019-03-03", "2020-04-05"]
    assert len(find_expressions(two, PUB, merge_ranges=True)) == 1


def test_interval_of_keeps_granularity() -> None:
    assert interval_of("2021-W14") == (dt.date(2021, 4, 5), dt.date(2021, 4, 12))
    assert interval_of("2020-07") == (dt.date(2020, 7, 1), dt.date(2020, 8, 1))
    assert interval_of("PAST_REF") is None


def _fold(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("\u00a0", " "))


def test_seed_gold_timexes() -> None:
    gold = json.loads((SEEDS / "gold.json").read_text(encoding="utf-8"))
    right = total = 0
    for d in gold["documents"]:
        body = (SEEDS / d["file"]).read_text(encoding="utf-8")
        doc = make_doc(Article(id=d["file"], source=d["file"], body=body, published=d["published"]))
        found = extract_timexes(doc)
        sentences = doc.sentences()
        for g in d["timexes"]:
            total += 1
            for t in found:
                sent = next((body[s:e] for s, e in sentences if s <= t.start < e), "")
                if _fold(g["text"]) in _fold(sent) and t.value == g["value"]:
                    right += 1
                    break
    assert total > 0
    assert right / total >= 0.9


def _gating_texts() -> list[str]:
    from importlib import resources

    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    sample = resources.files("flashpoint.sample").joinpath("articles")
    texts += [p.read_text(encoding="utf-8") for p in sorted(sample.iterdir()) if p.name.endswith(".txt")]
    texts += ["Q1 2021 and 2020-H2, the 1990s, the nineties, w/c 3 May, ytd, eoy, St. Patrick's Day",
              "nowadays, at present, three weeks ago, the twenty-first of May, Thurs. 5/6, 12.03.2019",
              "Ramadan, Christmas Eve 2019, the night of Monday to Tuesday, mid-2010s, two thousand and five"]
    return texts


def test_rule_gating_skips_only_lines_where_a_rule_cannot_match() -> None:
    """Each rule runs only on lines holding one of its anchor words; that must never lose a match."""
    from flashpoint.nlp import timexes as tx

    checked = 0
    for text in _gating_texts():
        lines = tx._paragraphs(text)
        for (pattern, _), needs in zip(tx.RULES, tx.NEEDS, strict=True):
            full = [m.span() for m in pattern.finditer(text) if "\n" not in m.group(0)]
            gated = [m.span() for s, e, tokens in lines if all(tokens & n for n in needs)
                     for m in pattern.finditer(text, s, e)]
            assert full == gated, (pattern.pattern[:80], text[:80])
            checked += len(full)
    assert checked > 50


def test_month_and_year_shifts_count_from_the_last_date_said() -> None:
    from flashpoint.model import Article
    from flashpoint.nlp.pipeline import analyze

    body = ("The conflict began in March 2014 when troops seized the peninsula. A month later, rebels took "
            "the city hall. On Wednesday the envoy arrived. The following day talks began.")
    values = {t.text: t.value for t in analyze(Article(id="x", source="x", body=body, published="2021-04-09")).timexes}
    assert "A month later" not in values  # dates its clause (2014-04) but is no date of the record
    assert values["The following day"] == "2021-04-08"
    unshown: set[tuple[int, int]] = set()
    counted = {t.text: t.value for t in record_timexes(body, dt.date(2021, 4, 9), parse(body), unshown=unshown)}
    assert counted["A month later"] == "2014-04" and len(unshown) == 1


@pytest.mark.parametrize("text,published,value", [
    ("A humanitarian pause ahead of Orthodox Easter fell on deaf ears.", "2022-04-23", "2022-04-24"),
    ("Churches were full on Orthodox Easter.", "2024-05-10", "2024-05-05"),
    ("Churches were full on Easter.", "2024-05-10", "2024-03-31"),  # the Western one
])
def test_orthodox_easter_is_its_own_day(text: str, published: str, value: str) -> None:
    assert value in values(text, published)


def test_counts_too_far_for_the_calendar_are_no_dates() -> None:
    """A page of ancient history or a far future ('2,800 years ago', 'in 9000 years') goes on: no crash,
    and no date cut out of the middle of a number."""
    found = timexes("Rome was founded 2,800 years ago, Carthage 2100 years ago; the vault will last 9000 years "
                    "from now, in 9000 years.")
    assert all(not text.startswith("800") for text, _ in found)
    assert all(value is None or not value.startswith("-") for _, value in found)


def test_a_sentence_left_unparsed_reads_the_future_from_its_words() -> None:
    # parse_scope leaves sentences no extractor reads bare: their tense comes from the words, as with no parse
    text = "Officials said a strike killed five. Her daughter, who is celebrating her 13th birthday on Friday, joined them."
    bare = parse(text, scope=lambda _t, _d, sentences: [True] + [False] * (len(sentences) - 1))
    assert not any(t.dep_ for t in bare if t.idx > text.index("Her"))
    assert [t.value for t in record_timexes(text, dt.date(2024, 8, 1), bare)] == ["2024-08-02"]
    # parsed, an ongoing progressive is no plan: the attack was on the Tuesday just gone
    text = "Officials are investigating an attack on Tuesday."
    assert [t.value for t in record_timexes(text, dt.date(2024, 8, 1), parse(text))] == ["2024-07-30"]


@pytest.mark.parametrize("first_quote", [True, False])
def test_a_run_of_quotes_keeps_the_day_they_were_said(first_quote: bool) -> None:
    # dates.yaml quote_of_an_earlier_day: a quote found of an earlier day passes its day on to the quotes after it,
    # further from the day told than characters_back; with no quote between, the far one is of the report's day
    reach = int(str(date_rules()["quote_of_an_earlier_day"]["characters_back"]))
    filler = "The committee met in a large room with many seats and long tables. " * (reach // 120)
    first = "“Today was a long day for all of us,” the spokeswoman said." if first_quote else "The room was quiet."
    text = (f"The White House on Tuesday condemned the hearing.\n\n{filler}\n\n{first}\n\n{filler}\n\n"
            "“Today's hearing exposed nothing new,” she added.")
    assert text.rindex("Today") - text.index("Tuesday") > reach
    found = [(t.text, t.value) for t in record_timexes(text, dt.date(2024, 8, 1), parse(text))]
    assert ("Today", "2024-08-01") not in found if first_quote else ("Today", "2024-08-01") in found
    assert ("Tuesday", "2024-07-30") in found


def test_an_undated_body_is_scanned_once_for_its_trial_days_and_read_as_a_fresh_scan_reads_it() -> None:
    text = "Talks resume on Monday.\nThe strike came on March 3, two days after the vote last week."
    doc = parse(text)
    scanned = _rule_matches(text, doc)
    assert scanned and _rule_matches(text, doc) is scanned  # the trial days' reads share the body's one scan
    other = "The ceasefire began on 4 April 2024."  # another text read with the same Doc is scanned, not given the body's
    assert [(k, m.span()) for k, m in _rule_matches(other, doc)] == [(k, m.span()) for k, m in _rule_matches(other, None)]
    kept = [(t.text, t.value, t.start) for t in record_timexes(text, None, doc)]
    doc.user_data.clear()  # the same body read again with nothing kept: the same dates
    assert kept == [(t.text, t.value, t.start) for t in record_timexes(text, None, parse(text))]
    assert len(kept) >= 2
