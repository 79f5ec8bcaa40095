"""Claims built from figures the real pipeline extracts from invented reports: one kind, one subject, one period."""

from __future__ import annotations

from flashpoint.corpus.claims import claim_rows, group_claims, subject_head
from flashpoint.model import Article
from flashpoint.nlp.pipeline import analyze


def _rows(body: str, outlet: str, published: str, i: int = 0) -> list[dict]:
    art = analyze(Article(id=f"c{i}", source=f"test:{i}", outlet=outlet, published=published, body=body))
    return [{**r, "article_id": art.id, "outlet": outlet, "published": published} for r in claim_rows(art)]


def _by_value(rows: list[dict]) -> dict[float, dict]:
    return {r["value"]: r for r in rows}


def test_killed_and_wounded_in_one_sentence_are_two_kinds() -> None:
    rows = _by_value(_rows("Officials in the province said at least 16 of their soldiers had been killed and more "
                           "than 100 wounded in the fighting.", "Wire A", "2023-03-01"))
    assert rows[16]["kind"] == "killed"
    assert rows[100]["kind"] == "wounded"
    assert rows[100]["subject"] == rows[16]["subject"]  # the elliptical "100 wounded" counts the same soldiers
    rows = _by_value(_rows("The ministry said one civilian was killed and 32 wounded in the city.", "Wire A",
                           "2023-03-01"))
    assert rows[1]["kind"] == "killed" and rows[32]["kind"] == "wounded"


def test_a_day_of_the_month_is_not_a_figure() -> None:
    rows = _rows("More than 60 civilians have been killed in Moldova since 27 September, prosecutors said.",
                 "Wire A", "2023-10-18")
    assert {r["value"] for r in rows} == {60}
    assert rows[0]["subject"] == "Moldovan people"  # the country the count is placed in
    assert rows[0]["as_of"] is None  # "since 27 September" is when the count starts


def test_an_incident_count_is_kept_apart_from_the_running_toll() -> None:
    strike = _rows("Officials said a missile strike on the town killed 21 civilians.", "Paper B", "2023-10-29", 1)
    toll = _rows("The death toll among civilians has risen to 95 since the war began, officials said.",
                 "Paper C", "2023-10-29", 2)
    assert strike[0]["period"] and strike[0]["period"] == "on 2023-10-29"
    assert toll[0]["period"] is None
    groups = group_claims(strike + toll)
    assert len(groups) == 2 and all(g["status"] == "single" for g in groups)


def test_disagreement_trend_and_wire_copies() -> None:
    sentence = "Regional officials said 40 people had been killed since the fighting began."
    same_day = (_rows(sentence, "Wire A", "2023-05-02", 1) + _rows(sentence, "Paper B", "2023-05-02", 2)
                + _rows("Regional officials said 55 people had been killed since the fighting began, a local "
                        "monitor said.", "Paper C", "2023-05-02", 3))
    [group] = [g for g in group_claims(same_day) if g["kind"] == "killed"]
    assert group["status"] == "disagree"
    assert group["n_articles"] == 2  # the copied sentence counts once
    copied = next(v for v in group["values"] if v["value"] == 40)
    assert [c["outlet"] for c in copied["copies"]] == ["Paper B"]
    later = (_rows(sentence, "Wire A", "2023-05-02", 1)
             + _rows("Regional officials said 70 people had been killed since the fighting began.", "Paper C",
                     "2023-05-20", 4))
    [group] = [g for g in group_claims(later) if g["kind"] == "killed"]
    assert group["status"] == "trend"


def test_a_per_side_figure_is_not_the_total() -> None:
    rows = _by_value(_rows("Nearly 5,000 people have been killed in the fighting, the president said. There are more "
                           "than 2,000 dead on each side, he added.", "Paper D", "2023-10-23"))
    assert rows[5000]["kind"] == rows[2000]["kind"] == "killed"
    assert rows[2000]["subject"] != rows[5000]["subject"] and rows[2000]["subject"].endswith("per side")


def test_a_local_count_is_kept_apart_from_the_national_toll() -> None:
    local = _rows("Regional officials said 34 people had been killed in the Kharkiv region since the war began.",
                  "Paper E", "2023-03-03", 5)
    national = _rows("Officials said 352 people had been killed in Ukraine since the war began.", "Paper F",
                     "2023-03-03", 6)
    assert local[0]["subject"].endswith("in Kharkiv") and " in " not in national[0]["subject"]
    assert len(group_claims(local + national)) == 2
    # a capital speaking for its government is not where the count is
    said = _rows("Kyiv said 40 people had been killed since the war began.", "Paper G", "2023-03-03", 7)
    assert " in " not in said[0]["subject"]


def test_a_day_count_and_its_sub_count_keep_their_scope() -> None:
    day = _rows("Over the past day, the invaders killed four civilians in the Donetsk region, including two "
                "children.", "Paper H", "2023-04-25", 8)
    by_value = _by_value(day)
    assert by_value[4]["period"] == by_value[2]["period"] == "on 2023-04-25"
    assert "Donetsk" in by_value[2]["subject"] and subject_head(by_value[2]["subject"]) == "children"
    running = _rows("As of the morning of April 6, more than 446 children were injured in Ukraine.", "Paper H",
                    "2023-04-06", 9)
    assert running[0]["period"] is None


def test_a_year_named_relative_to_the_report_is_the_period() -> None:
    late = _rows("The ministry said its toll in the war rose to 61 Ukrainian soldiers since the start of the year, "
                 "against 50 in all of 2020.", "Wire A", "2021-12-02", 1)
    early = _rows("Fifty Ukrainian soldiers died in the whole of last year, the ministry said.", "Paper B",
                  "2021-04-09", 2)
    assert _by_value(late)[61]["period"] == "2021" and _by_value(late)[50]["period"] == "2020"
    assert _by_value(early)[50]["period"] == "2020"
    groups = group_claims(late + early)
    assert not any({50, 61} <= {v["value"] for v in g["values"]} for g in groups)  # two years, two counts
    assert any(g["period"] == "2020" and g["status"] == "agree" and g["n_articles"] == 2 for g in groups)
    # without a publication date the years stay unresolved, and a this-year count never meets a last-year one
    undated = _rows("The ministry said its toll in the war rose to 61 Ukrainian soldiers since the start of the "
                    "year.", "Wire A", None, 3) + _rows("Fifty Ukrainian soldiers died in the whole of last year, "
                                                         "the ministry said.", "Paper B", None, 4)
    assert sorted(r["period"] for r in undated) == ["last year", "this year"]
    assert all(g["status"] == "single" for g in group_claims(undated))


def test_a_headline_ends_its_figure_sentence_and_a_place_is_said_once() -> None:
    from flashpoint.corpus.claims import claim_rows
    from flashpoint.model import Article
    from flashpoint.nlp.pipeline import analyze

    body = ("Shelling of Kherson market kills 21, officials say\n\nRussian forces shelled a market in Kherson on "
            "Thursday, killing 21 civilians and wounding 112, the regional governor said.")
    rows = claim_rows(analyze(Article(id="h", source="t", body=body, published="2022-11-20")))
    # the headline's figure does not borrow "Russian forces" from the next paragraph
    assert all("russian" not in r["subject"].lower() for r in rows), rows
    wounded = [r for r in rows if r["kind"] == "wounded"]
    assert wounded and wounded[0]["subject"].count("in Kherson") == 1, wounded


def test_a_duration_is_a_figure_but_no_claim() -> None:
    body = ("Fighting in the region has killed 40 civilians over nine months, officials said. "
            "Seven days later 12 soldiers were wounded.")
    art = analyze(Article(id="d", source="t", body=body, published="2023-05-01"))
    durations = {q.value for q in art.quantities if q.kind == "other" and q.unit in ("months", "days")}
    assert durations == {9, 7}  # the annotation guide counts durations as figures
    assert {r["value"] for r in claim_rows(art)} == {40, 12}  # but they count no one


def test_counts_of_nobody_in_particular_compare_only_within_a_story() -> None:
    """'40 people killed' at a protest in Kenya and '55 people killed' in a Gaza strike the same day are two
    happenings: a count of nobody in particular compares only within the country its story is about."""
    protest = [{**r, "scope": "KEN"} for r in _rows("Police said 40 people were killed in the protests on Tuesday.",
                                                   "Wire A", "2023-05-02", 1)]
    strike = [{**r, "scope": "PSE"} for r in _rows("Medics said 55 people were killed in the strike on Tuesday.",
                                                  "Paper B", "2023-05-02", 2)]
    retold = [{**r, "scope": "PSE"} for r in _rows("Officials said 70 people were killed in the strike on Tuesday.",
                                                  "Paper C", "2023-05-02", 3)]
    assert protest[0]["subject"] == strike[0]["subject"] == "people"
    groups = [g for g in group_claims(protest + strike + retold) if g["kind"] == "killed"]
    by_size = sorted((g["n_articles"], g["status"]) for g in groups)
    assert by_size == [(1, "single"), (2, "disagree")]
    # a side makes counts comparable whatever the stories are about: the same army's dead, one day
    sided = [{**r, "scope": code} for code, r in zip(("UKR", "RUS"),
        _rows("Ukrainian officials said 30 Russian soldiers were killed on Tuesday.", "Wire A", "2023-05-02", 4)
        + _rows("Ukrainian officials said 45 Russian soldiers were killed on Tuesday.", "Paper B", "2023-05-02", 5),
        strict=True)]
    assert len([g for g in group_claims(sided) if g["kind"] == "killed"]) == 1


def test_a_figure_the_extractor_reads_as_no_casualty_is_no_casualty_claim() -> None:
    """'At least 1,200 people were killed and more than 250 others abducted': the extractor reads 250 as a count of
    the abducted (kind other); the claim table does not make it a second death toll from the sentence's verb."""
    rows = _rows("At least 1,200 people were killed and more than 250 others abducted, according to Israeli "
                 "authorities.", "Wire A", "2024-07-23", 1)
    assert {(r["kind"], r["value"]) for r in rows} == {("killed", 1200)}


def test_a_year_after_since_starts_the_count_and_is_not_its_period() -> None:
    """claims.yaml count_start_year: "since 2014" is where a toll starts; "in 2014" is the year it counts."""
    since = _rows("Officials said 14,000 people have been killed in the region since 2014.", "Wire A", "2022-03-01")
    year = _rows("Officials said 300 people were killed in the fighting in 2014.", "Wire A", "2022-03-01", 1)
    assert [(r["value"], r["period"]) for r in since] == [(14000, None)]
    assert [(r["value"], r["period"]) for r in year] == [(300, "2014")]
