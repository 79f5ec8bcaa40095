"""The real-news eval: its matching rules on hand-made records, and one run of the command."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from conftest import ROOT, SHARED
from flashpoint.cli import app
from flashpoint.evals.realnews import (
    article_errors,
    load_gold,
    load_texts,
    locate,
    match_greedy,
    prf,
    same_claimant,
    same_speaker,
    score_article,
    symmetric_types,
)
from flashpoint.nlp.plover import ontology

GOLD = ROOT / "tests" / "data" / "realnews"
ARTICLES = SHARED / "realnews" / "articles.jsonl"
TWO_TUNE = ["GUM_news_korea", "cnn-2024-07-22-myanmar-min-aung-hlaing"]
HELDOUT = "GUM_news_asylum"

BODY = ("Russian forces shelled Kharkiv on Monday, killing 12 people. "
        "NATO condemned the attack. "
        "\"We will not give up,\" said Mayor Ihor Terekhov. "
        "Ukraine said it shot down 30 drones.")


def at(text: str) -> tuple[int, int]:
    start = BODY.index(text)
    return start, start + len(text)


def gold_event(evidence: str, type_: str = "ASSAULT", actor: str | None = "RUS", recipient: str | None = "UKR",
               **flags: bool) -> dict[str, Any]:
    return {"type": type_, "actor_country": actor, "recipient_country": recipient, "evidence": evidence,
            "current": flags.get("current", True), "negated": flags.get("negated", False),
            "hypothetical": flags.get("hypothetical", False)}


def sys_event(sentence: str, type_: str = "ASSAULT", actor: dict[str, Any] | None = None,
              recipient: dict[str, Any] | None = None, confidence: float = 0.8, **flags: bool) -> dict[str, Any]:
    start, end = at(sentence)
    return {"type": type_, "actor": actor, "recipient": recipient, "text": sentence, "start": start, "end": end,
            "confidence": confidence, "historical": flags.get("historical", False),
            "negated": flags.get("negated", False), "hypothetical": flags.get("hypothetical", False)}


RUS = {"country": "RUS", "code": None}
UKR = {"country": "UKR", "code": None}
S1 = "Russian forces shelled Kharkiv on Monday, killing 12 people."
S2 = "NATO condemned the attack."


def score(gold: dict[str, Any], system: dict[str, Any], min_confidence: float = 0.5) -> dict[str, Any]:
    record = {"body": BODY, "events": [], "quotes": [], "quantities": [], "timexes": [], **system}
    return score_article({"events": [], "quotes": [], "figures": [], "dates": [], **gold}, record, min_confidence)


def counts(part: dict[str, Any]) -> tuple[int, int, int]:
    return part["gold"], part["system"], part["matched"]


def test_locate_finds_exact_and_whitespace_changed_evidence() -> None:
    assert locate(BODY, "shelled Kharkiv") == at("shelled Kharkiv")
    assert locate(BODY, "NATO\n\ncondemned  the\u00a0attack") == at("NATO condemned the attack")
    assert locate(BODY, "shelled\u200b Kharkiv") == at("shelled Kharkiv")
    assert locate(BODY, "shelled Kyiv") is None
    assert locate(BODY, "") is None


def test_event_strict_and_by_type() -> None:
    gold = {"events": [gold_event("shelled Kharkiv")]}
    right = score(gold, {"events": [sys_event(S1, actor=RUS, recipient=UKR)]})
    assert counts(right["events"]["strict"]) == (1, 1, 1)
    wrong_side = score(gold, {"events": [sys_event(S1, actor=UKR, recipient=UKR)]})
    assert counts(wrong_side["events"]["strict"]) == (1, 1, 0)
    assert counts(wrong_side["events"]["type"]) == (1, 1, 1)
    wrong_type = score(gold, {"events": [sys_event(S1, "COERCE", actor=RUS, recipient=UKR)]})
    assert counts(wrong_type["events"]["type"]) == (1, 1, 0)
    elsewhere = score(gold, {"events": [sys_event(S2, actor=RUS, recipient=UKR)]})
    assert counts(elsewhere["events"]["type"]) == (1, 1, 0)


def test_event_mentions_extend_the_span() -> None:
    event = sys_event(S2, actor=RUS, recipient=UKR)
    event["mentions"] = [{"start": at(S1)[0], "end": at(S1)[1]}]
    scored = score({"events": [gold_event("shelled Kharkiv")]}, {"events": [event]})
    assert counts(scored["events"]["strict"]) == (1, 1, 1)


def test_null_countries_and_the_igo_rule() -> None:
    gold = {"events": [gold_event("NATO condemned the attack", "ACCUSE", actor=None, recipient=None)]}
    igo = score(gold, {"events": [sys_event(S2, "ACCUSE", actor={"country": None, "code": "NATO"})]})
    assert counts(igo["events"]["strict"]) == (1, 1, 1)
    with_country = score(gold, {"events": [sys_event(S2, "ACCUSE", actor={"country": "BEL", "code": "NATO"})]})
    assert counts(with_country["events"]["strict"]) == (1, 1, 0)
    given_recipient = score(gold, {"events": [sys_event(S2, "ACCUSE", actor=None, recipient=RUS)]})
    assert counts(given_recipient["events"]["strict"]) == (1, 1, 0)


def test_only_current_real_events_are_targets_or_counted() -> None:
    gold = {"events": [gold_event("shelled Kharkiv"), gold_event("NATO condemned", "ACCUSE", None, None, current=False)]}
    scored = score(gold, {"events": [sys_event(S1, actor=RUS, recipient=UKR),
                                     sys_event(S1, actor=RUS, recipient=UKR, negated=True),
                                     sys_event(S1, actor=RUS, recipient=UKR, historical=True),
                                     sys_event(S2, "ACCUSE", hypothetical=True)]})
    assert counts(scored["events"]["strict"]) == (1, 1, 1)


def test_confidence_threshold() -> None:
    gold = {"events": [gold_event("shelled Kharkiv")]}
    system = {"events": [sys_event(S1, actor=RUS, recipient=UKR, confidence=0.3)]}
    assert counts(score(gold, system)["events"]["strict"]) == (1, 0, 0)
    assert counts(score(gold, system)["events@0"]["strict"]) == (1, 1, 1)
    assert counts(score(gold, system, min_confidence=0.2)["events"]["strict"]) == (1, 1, 1)


def test_matching_is_one_to_one() -> None:
    two_gold = {"events": [gold_event("shelled Kharkiv"), gold_event("killing 12 people")]}
    one_system = score(two_gold, {"events": [sys_event(S1, actor=RUS, recipient=UKR)]})
    assert counts(one_system["events"]["strict"]) == (2, 1, 1)
    two_system = score({"events": [gold_event("shelled Kharkiv")]},
                       {"events": [sys_event(S1, actor=RUS, recipient=UKR)] * 2})
    assert counts(two_system["events"]["strict"]) == (1, 2, 1)
    assert match_greedy([{"n": 1}, {"n": 1}], [{"n": 1}], lambda g, s: g["n"] == s["n"]) == [(0, 0)]


def test_quotes_need_the_span_and_the_speaker() -> None:
    gold = {"quotes": [{"speaker": "Ihor Terekhov", "speaker_country": "UKR", "evidence": "We will not give up"}]}
    start, end = at("\"We will not give up,\"")
    by_name = {"start": start, "end": end, "speaker": {"name": "Terekhov", "actor": None}}
    by_country = {"start": start, "end": end, "speaker": {"name": "the mayor", "actor": UKR}}
    other = {"start": start, "end": end, "speaker": {"name": "Vladimir Putin", "actor": RUS}}
    nobody = {"start": start, "end": end, "speaker": None}
    for quote, expected in ((by_name, 1), (by_country, 1), (other, 0), (nobody, 0)):
        scored = score(gold, {"quotes": [quote]})
        assert scored["quotes"]["speaker"]["matched"] == expected, quote
        assert scored["quotes"]["span"]["matched"] == 1
        # the attributed figure counts only quotes that name a speaker: a null speaker is no system item there
        assert counts(scored["quotes"]["attributed"]) == (1, 0 if quote is nobody else 1, expected)
    elsewhere = {"start": at(S2)[0], "end": at(S2)[1], "speaker": {"name": "Terekhov"}}
    assert score(gold, {"quotes": [elsewhere]})["quotes"]["span"]["matched"] == 0


def test_same_speaker_needs_a_gold_country_for_the_country_rule() -> None:
    assert not same_speaker({"speaker": "UN spokesman", "speaker_country": None},
                            {"speaker": {"name": "Antonio Guterres", "actor": {"country": None, "code": "UN"}}})
    assert same_speaker({"speaker": "Jama’at Nusrat al-Islam wal-Muslimin (JNIM)", "speaker_country": None},
                        {"speaker": {"name": "JNIM"}})


def test_same_speaker_reads_an_acronym_as_the_name_it_abbreviates() -> None:
    assert same_speaker({"speaker": "The IAEA"}, {"speaker": {"name": "International Atomic Energy Agency"}})
    assert same_speaker({"speaker": "International Atomic Energy Agency"}, {"speaker": {"name": "the IAEA"}})
    assert same_speaker({"speaker": "the UN"}, {"speaker": {"name": "United Nations"}})
    assert not same_speaker({"speaker": "the UN"}, {"speaker": {"name": "United States"}})
    assert not same_speaker({"speaker": "US officials"}, {"speaker": {"name": "United States"}})  # the head is no acronym


def test_figures_value_and_kind() -> None:
    gold = {"figures": [{"value": 12, "kind": "killed", "evidence": "killing 12 people"},
                        {"value": 30, "kind": "munitions", "evidence": "it shot down 30 drones"}]}
    twelve, thirty = at("12"), at("30")
    system = {"quantities": [{"start": twelve[0], "end": twelve[1], "value": 12.0, "kind": "killed"},
                             {"start": thirty[0], "end": thirty[1], "value": 30.1, "kind": "other"}]}
    scored = score(gold, system)
    assert counts(scored["figures"]["value"]) == (2, 2, 2)
    assert counts(scored["figures"]["value+kind"]) == (2, 2, 1)
    off = {"quantities": [{"start": thirty[0], "end": thirty[1], "value": 31.0, "kind": "munitions"},
                          {"start": thirty[0], "end": thirty[1], "value": 12.0, "kind": "killed"}]}
    assert counts(score(gold, off)["figures"]["value"]) == (2, 2, 0)


def test_same_claimant_reads_an_acronym_and_a_name_inside_another() -> None:
    assert same_claimant("KCNA", "Korean Central News Agency")
    assert same_claimant("the UN", "United Nations")
    assert same_claimant("the Ministry of Health", "Ministry of Health")
    assert same_claimant("Transparency International Bangladesh (TIB)", "TIB")
    assert same_claimant(None, None) and same_claimant(None, "")
    assert not same_claimant("the UN", "United States")
    assert not same_claimant("Magen David Adom", "Israel")
    assert not same_claimant(None, "Museveni") and not same_claimant("Reuters", None)
    assert not same_claimant("Kyivstar", "Kyiv")  # a word inside another word is no name inside a name


def test_figures_value_and_claimant_and_the_errors_that_name_a_wrong_kind_or_claimant() -> None:
    gold = {"figures": [{"value": 12, "kind": "killed", "claimant": None, "evidence": "killing 12 people"},
                        {"value": 30, "kind": "munitions", "claimant": "Ukraine", "evidence": "it shot down 30 drones"}]}
    twelve, thirty = at("12"), at("30")
    system = {"quantities": [{"start": twelve[0], "end": twelve[1], "value": 12.0, "kind": "wounded",
                              "claimed_by": "Russian forces"},
                             {"start": thirty[0], "end": thirty[1], "value": 30.0, "kind": "munitions",
                              "claimed_by": "Ukraine"}]}
    scored = score(gold, system)
    assert counts(scored["figures"]["value+claimant"]) == (2, 2, 1)
    record = {"body": BODY, **system}
    lines = article_errors("a", {"figures": gold["figures"]}, record, {**scored, "not_in_body": []})
    assert lines == ["a KIND figure 12 'killed', given 'wounded': killing 12 people",
                     "a CLAIMANT figure 12 None, given 'Russian forces': killing 12 people"]


def test_dates_are_distinct_text_value_pairs() -> None:
    gold = {"dates": [{"text": "Monday", "value": "2024-07-29"}, {"text": "last week", "value": "2024-W30"}]}
    system = {"timexes": [{"text": "Monday ", "value": "2024-07-29"}, {"text": "monday", "value": "2024-07-29"},
                          {"text": "last week", "value": "2024-W29"}]}
    assert counts(score(gold, system)["dates"]["text+value"]) == (2, 2, 1)


def test_dates_named_with_no_value_are_left_out_of_the_resolved_count() -> None:
    gold = {"dates": [{"text": "Monday", "value": "2024-07-29"}, {"text": "last week", "value": "2024-W30"}]}
    system = {"timexes": [{"text": "Monday", "value": "2024-07-29"}, {"text": "last week", "value": None}]}
    dates = score(gold, system)["dates"]
    assert counts(dates["text+value"]) == (2, 2, 1)
    assert counts(dates["resolved"]) == (2, 1, 1)


def test_prf() -> None:
    assert prf(4, 2, 2) == {"precision": 1.0, "recall": 0.5, "f1": 0.667, "gold": 4, "system": 2, "matched": 2}
    assert prf(0, 0, 0)["f1"] == 0.0


def two_tune_articles(tmp_path: Path) -> Path:
    for name in TWO_TUNE:
        shutil.copy(GOLD / f"{name}.json", tmp_path / f"{name}.json")
    shutil.copy(GOLD / f"{HELDOUT}.json", tmp_path / f"{HELDOUT}.json")
    (tmp_path / "split.json").write_text(json.dumps({"tune": TWO_TUNE, "heldout": [HELDOUT]}))
    return tmp_path


def test_command_scores_articles_and_lists_tune_errors_only(tmp_path: Path) -> None:
    gold = two_tune_articles(tmp_path)
    result = CliRunner().invoke(app, ["eval", "realnews", str(gold), "--articles", str(ARTICLES), "--split", "all",
                                      "--json", "--errors"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["articles"] == 3 and scores["split"] == "all"
    assert {k.split(" (")[0] for k in scores["scores"]} == {"events strict", "events by-type", "quotes", "figures", "dates"}
    for row in scores["scores"].values():
        assert all(0.0 <= row[k] <= 1.0 for k in ("precision", "recall", "f1")), row
        assert row["matched"] <= min(row["gold"], row["system"])
    assert scores["errors"] and all(line.split()[0] in TWO_TUNE for line in scores["errors"])  # none held out
    table = CliRunner().invoke(app, ["eval", "realnews", str(gold), "--articles", str(ARTICLES)])
    assert table.exit_code == 0 and "tune: 2 articles" in table.stdout and "events strict" in table.stdout


def test_dates_of_texts_with_a_publication_date_are_scored_apart_too(tmp_path: Path) -> None:
    """A text that states no publication date resolves few dates; its share of the date figure is shown apart."""
    gold = two_tune_articles(tmp_path)
    texts = [json.loads(line) for line in ARTICLES.read_text(encoding="utf-8").splitlines() if line.strip()]
    undated = [{**t, "published": None} if t["id"] == TWO_TUNE[0] else t for t in texts if t["id"] in TWO_TUNE]
    articles = tmp_path / "articles.jsonl"
    articles.write_text("".join(json.dumps(t) + "\n" for t in undated), encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "realnews", str(gold), "--articles", str(articles), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)["scores"]
    dated_gold = len({(d["text"].lower(), d["value"])
                      for d in json.loads((GOLD / f"{TWO_TUNE[1]}.json").read_text(encoding="utf-8"))["dates"]})
    assert scores["dates (dated texts)"]["gold"] == dated_gold < scores["dates (text+value)"]["gold"]


def test_only_the_texts_of_the_chosen_golds_are_read() -> None:
    """A scan over the tune split holds no text of another split, even from articles.jsonl, which has them all."""
    texts = load_texts(ARTICLES, [{"id": TWO_TUNE[0]}, {"id": "no-such-article"}])
    assert list(texts) == [TWO_TUNE[0]] and texts[TWO_TUNE[0]]["text"]


def test_errors_are_refused_for_heldout(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "realnews", str(GOLD), "--articles", str(ARTICLES),
                                      "--split", "heldout", "--errors"])
    assert result.exit_code == 2 and "held-out" in result.output
    missing = CliRunner().invoke(app, ["eval", "realnews", str(GOLD), "--articles", str(tmp_path / "none.jsonl")])
    assert missing.exit_code == 2 and "no articles file" in missing.output


def test_gold_files_are_well_formed() -> None:
    """Every gold file is named by its id and listed in exactly one split."""
    split = json.loads((GOLD / "split.json").read_text())
    names = ("tune", "heldout", "heldout2")
    listed = [i for name in names for i in split.get(name, [])]
    assert len(listed) == len(set(listed))
    for path in GOLD.glob("*.json"):
        if path.name != "split.json":
            gold = json.loads(path.read_text())
            assert gold["id"] == path.stem and gold["id"] in set(listed)


def test_gold_written_without_the_default_flags_or_with_a_numeric_string_scores_the_same() -> None:
    """An event with no `current` flag is current; a figure's value may be a numeric string; neither raises."""
    bare = {k: v for k, v in gold_event("shelled Kharkiv").items() if k not in ("current", "negated", "hypothetical")}
    scored = score({"events": [bare]}, {"events": [sys_event(S1, actor=RUS, recipient=UKR)]})
    assert counts(scored["events"]["strict"]) == (1, 1, 1)
    twelve = at("12")
    system = {"quantities": [{"start": twelve[0], "end": twelve[1], "value": 12.0, "kind": "killed"}]}
    for value, matched in (("12", 1), ("1,2", 0), ("dozens", 0), (None, 0)):
        gold = {"figures": [{"value": value, "kind": "killed", "evidence": "killing 12 people"}]}
        assert counts(score(gold, system)["figures"]["value"]) == (1, 1, matched), value


def test_a_gold_file_may_hold_a_list_or_one_object_a_line(tmp_path: Path) -> None:
    objects = [{"id": "a", "events": []}, {"id": "b", "events": []}]
    (tmp_path / "many.json").write_text(json.dumps(objects), encoding="utf-8")
    (tmp_path / "lines.jsonl").write_text("".join(json.dumps({**o, "id": o["id"] + "2"}) + "\n" for o in objects),
                                          encoding="utf-8")
    golds, split = load_gold(tmp_path)
    assert sorted(g["id"] for g in golds) == ["a", "a2", "b", "b2"] and split is None
    (tmp_path / "bad.json").write_text("[{\"events\": []}]", encoding="utf-8")
    try:
        load_gold(tmp_path)
    except ValueError as exc:
        assert "bad.json" in str(exc) and "id" in str(exc)
    else:
        raise AssertionError("a gold object with no id was read")


def test_ignore_published_withholds_the_publication_date(tmp_path: Path) -> None:
    """--ignore-published analyses each text without its publication date (an undated page simulated): a
    tune article that states no day of its own resolves fewer of its dates than with the date given."""
    gold = two_tune_articles(tmp_path)
    runs = {flag: CliRunner().invoke(app, ["eval", "realnews", str(gold), "--articles", str(ARTICLES), "--json",
                                           *([flag] if flag else [])]) for flag in ("", "--ignore-published")}
    assert all(r.exit_code == 0 for r in runs.values()), [r.output for r in runs.values()]
    given, withheld = (json.loads(runs[f].stdout) for f in ("", "--ignore-published"))
    assert withheld["ignore_published"] and not given["ignore_published"]
    dates = "dates (text+value)"
    assert withheld["scores"][dates]["gold"] == given["scores"][dates]["gold"]
    assert withheld["scores"][dates]["matched"] < given["scores"][dates]["matched"]


SYMMETRIC_EXAMPLES = ontology()["symmetric_examples"]


def _sided(sentence: str, body: str, type_: str, actor: str, recipient: str) -> dict[str, Any]:
    start = body.index(sentence)
    return {"type": type_, "actor": {"country": actor, "code": None}, "recipient": {"country": recipient, "code": None},
            "text": sentence, "start": start, "end": start + len(sentence), "confidence": 0.8}


def _strict(example: dict[str, Any], sentence: str, type_: str, gold: list[tuple[str, str]],
            system: list[tuple[str, str]]) -> tuple[int, int, int]:
    """Strict (gold, system, matched) of gold and system events of one type, each given as its (actor, recipient)."""
    body = f"{example['pos']} {example['neg']}"
    golds = [{"type": type_, "actor_country": a, "recipient_country": r, "evidence": sentence} for a, r in gold]
    record = {"body": body, "events": [_sided(sentence, body, type_, a, r) for a, r in system],
              "quotes": [], "quantities": [], "timexes": []}
    return counts(score_article({"events": golds}, record)["events"]["strict"])


def test_symmetric_types_are_plover_types_and_their_examples_name_a_directed_type_beside() -> None:
    assert symmetric_types() == {e["type"] for e in SYMMETRIC_EXAMPLES} and symmetric_types() <= set(ontology()["types"])
    assert all(e["neg_type"] in ontology()["types"] and e["neg_type"] not in symmetric_types()
               for e in SYMMETRIC_EXAMPLES)


def test_a_symmetric_act_matches_in_either_order_and_a_mirror_pair_counts_once() -> None:
    for ex in SYMMETRIC_EXAMPLES:
        x, y = ex["sides"]
        pos, t = ex["pos"], ex["type"]
        assert _strict(ex, pos, t, [(x, y)], [(y, x)]) == (1, 1, 0), ex  # a lone record names its direction
        assert _strict(ex, pos, t, [(x, y), (y, x)], [(y, x)]) == (1, 1, 1), ex  # mirror pair in gold only
        assert _strict(ex, pos, t, [(x, y)], [(x, y), (y, x)]) == (1, 1, 1), ex  # mirror pair in system only
        assert _strict(ex, pos, t, [(y, x), (x, y)], [(x, y), (y, x)]) == (1, 1, 1), ex  # both
        # pairs are made one to one: a third record of the pair is a second event; a third country is no mirror
        assert _strict(ex, pos, t, [(x, y)], [(x, y), (y, x), (y, x)]) == (1, 2, 1), ex
        assert _strict(ex, pos, t, [(x, y)], [(x, y), (y, "DEU")]) == (1, 2, 1), ex
        assert _strict(ex, pos, t, [(x, y)], [(x, "DEU")]) == (1, 1, 0), ex


def test_a_directed_act_keeps_its_direction_and_both_orders_stay_two_events() -> None:
    for ex in SYMMETRIC_EXAMPLES:
        x, y = ex["sides"]
        neg, t = ex["neg"], ex["neg_type"]
        assert _strict(ex, neg, t, [(y, x)], [(y, x)]) == (1, 1, 1), ex
        assert _strict(ex, neg, t, [(y, x)], [(x, y)]) == (1, 1, 0), ex
        assert _strict(ex, neg, t, [(y, x)], [(y, x), (x, y)]) == (1, 2, 1), ex
        assert _strict(ex, neg, t, [(y, x), (x, y)], [(y, x)]) == (2, 1, 1), ex


def test_a_mirror_pair_at_two_clauses_is_two_events() -> None:
    ex = SYMMETRIC_EXAMPLES[0]
    x, y = ex["sides"]
    body = f"{ex['pos']} {ex['neg']}"
    record = {"body": body, "events": [_sided(ex["pos"], body, ex["type"], x, y),
                                       _sided(ex["neg"], body, ex["type"], y, x)],
              "quotes": [], "quantities": [], "timexes": []}
    assert counts(score_article({"events": []}, record)["events"]["strict"]) == (0, 2, 0)


def test_two_acts_of_other_sides_of_the_same_countries_in_one_sentence_are_no_mirror_pair() -> None:
    ex = SYMMETRIC_EXAMPLES[0]
    x, y = ex["sides"]
    body = f"{ex['pos']} {ex['neg']}"
    one, other = _sided(ex["pos"], body, ex["type"], x, y), _sided(ex["pos"], body, ex["type"], y, x)
    other["actor"] = {**other["actor"], "name": "an envoy"}
    record = {"body": body, "events": [one, other], "quotes": [], "quantities": [], "timexes": []}
    assert counts(score_article({"events": []}, record)["events"]["strict"]) == (0, 2, 0)


def test_symmetric_examples_coded_by_the_pipeline_score_as_one_event_in_the_gold_order() -> None:
    """The coder reads each `pos` sentence as the type both ways and each `neg` one as a directed act: scored against
    gold that names one order, the pair is one right event and the directed act's reverse is no match."""
    from flashpoint.model import Article
    from flashpoint.nlp.pipeline import analyze

    for ex in SYMMETRIC_EXAMPLES:
        x, y = ex["sides"]
        for sentence, type_, gold_order, expected in ((ex["pos"], ex["type"], (x, y), (1, 1, 1)),
                                                       (ex["neg"], ex["neg_type"], (x, y), (1, 1, 0))):
            record = analyze(Article(id="ex", source="example", body=sentence, published="2024-07-19")).record()
            gold = {"events": [{"type": type_, "actor_country": gold_order[0], "recipient_country": gold_order[1],
                                "evidence": sentence}]}
            assert counts(score_article(gold, record)["events"]["strict"]) == expected, (sentence, record["events"])


# -- a list at one clause is one target (one_per_list) -----------------------------------------------------------

LISTS = ("Russian forces shelled Bakhmut, Soledar and Vuhledar on Monday. "
         "Islamist fighters attacked army posts in Mali, Niger and Burkina Faso. "
         "Russian troops abducted and tortured villagers near Izium. "
         "Zelensky met Macron and Barrot in Paris.")
SHELLED = "Russian forces shelled Bakhmut, Soledar and Vuhledar on Monday."
SAHEL = "Islamist fighters attacked army posts in Mali, Niger and Burkina Faso."
IZIUM = "Russian troops abducted and tortured villagers near Izium."
PARIS = "Zelensky met Macron and Barrot in Paris."


def _party(country: str | None, name: str | None) -> dict[str, Any]:
    return {"country": country, "code": None, "name": name, "id": None}


def _coded(sentence: str, actor: tuple[str | None, str], recipient: tuple[str | None, str], type_: str = "ASSAULT",
           trigger: str = "shelled", confidence: float = 0.8) -> dict[str, Any]:
    start = LISTS.index(sentence)
    return {"type": type_, "actor": _party(*actor), "recipient": _party(*recipient), "text": sentence,
            "start": start, "end": start + len(sentence), "trigger": trigger, "confidence": confidence}


def _told(evidence: str, actor: tuple[str | None, str | None], recipient: tuple[str | None, str | None],
          type_: str = "ASSAULT") -> dict[str, Any]:
    return {"type": type_, "actor": actor[1], "actor_country": actor[0], "recipient": recipient[1],
            "recipient_country": recipient[0], "evidence": evidence}


def _scored(golds: list[dict[str, Any]], coded: list[dict[str, Any]]) -> dict[str, Any]:
    record = {"body": LISTS, "events": coded, "quotes": [], "quantities": [], "timexes": []}
    return score_article({"events": golds}, record)


def _both(golds: list[dict[str, Any]], coded: list[dict[str, Any]]) -> tuple[tuple[int, int, int], ...]:
    scored = _scored(golds, coded)
    return counts(scored["events"]["strict"]), counts(scored["events@0"]["strict"])


RUSSIANS = ("RUS", "Russian forces")
PLACES = ("Bakhmut", "Soledar", "Vuhledar")


def test_gold_told_once_per_place_scores_as_one_list_against_one_coded_record() -> None:
    per_place = [_told(SHELLED, RUSSIANS, ("UKR", p)) for p in PLACES]
    # or an evidence per place, each overlapping the others: one clause all the same
    per_place_clause = [_told(f"shelled {p}", RUSSIANS, ("UKR", p)) for p in PLACES[:1]] + \
        [_told("Bakhmut, Soledar and Vuhledar", RUSSIANS, ("UKR", p)) for p in PLACES[1:]]
    one = [_coded(SHELLED, RUSSIANS, ("UKR", "Bakhmut"))]
    assert _both(per_place, one) == ((1, 1, 1), (1, 1, 1))
    assert _both(per_place_clause, one) == ((1, 1, 1), (1, 1, 1))
    assert _scored(per_place, one)["events"]["gold_items"][0]["_merged_list"] == 3


def test_records_coded_once_per_conjunct_score_as_one_list_against_gold_told_once() -> None:
    per_list = [_told(SHELLED, RUSSIANS, ("UKR", "Bakhmut, Soledar and Vuhledar"))]
    # the coder's later conjuncts are less sure: shown, only the first counts; at any confidence the three are one
    sureness = (0.67, 0.45, 0.45)
    coded = [_coded(SHELLED, RUSSIANS, ("UKR", p), confidence=c) for p, c in zip(PLACES, sureness, strict=True)]
    assert _both(per_list, coded) == ((1, 1, 1), (1, 1, 1))
    assert _both([_told(SHELLED, RUSSIANS, ("UKR", p)) for p in PLACES], coded) == ((1, 1, 1), (1, 1, 1))


def test_a_list_of_different_countries_stays_one_record_per_country() -> None:
    fighters = ("MLI", "Islamist fighters")
    golds = [_told(SAHEL, fighters, (c, f"army posts in {c}")) for c in ("MLI", "NER", "BFA")]
    first_only = [_coded(SAHEL, fighters, ("MLI", "army posts"), trigger="attacked")]
    every = [_coded(SAHEL, fighters, (c, f"army posts in {c}"), trigger="attacked") for c in ("MLI", "NER", "BFA")]
    assert _both(golds, first_only) == ((3, 1, 1), (3, 1, 1))
    assert _both(golds, every) == ((3, 3, 3), (3, 3, 3))


def test_a_record_with_no_country_on_a_side_is_never_merged() -> None:
    fighters = (None, "Islamist fighters")
    golds = [_told(SAHEL, fighters, ("MLI", "army posts")), _told(SAHEL, fighters, ("MLI", "a base"))]
    coded = [_coded(SAHEL, fighters, ("MLI", "army posts"), trigger="attacked"),
             _coded(SAHEL, fighters, ("MLI", "a base"), trigger="attacked")]
    assert _both(golds, coded[:1]) == ((2, 1, 1), (2, 1, 1))
    assert _both(golds[:1], coded) == ((1, 2, 1), (1, 2, 1))


def test_two_records_naming_the_same_parties_are_two_acts_not_a_list() -> None:
    """"abducted and tortured villagers": two verbs of one clause, told by the gold with one evidence and the same
    parties; the coder's two triggers stay two records too, and one act coded twice is a second record."""
    troops, villagers = ("RUS", "Russian troops"), ("UKR", "villagers")
    golds = [_told(IZIUM, troops, villagers), _told(IZIUM, troops, villagers)]
    coded = [_coded(IZIUM, troops, villagers, trigger="abducted"), _coded(IZIUM, troops, villagers, trigger="tortured")]
    assert _both(golds, coded) == ((2, 2, 2), (2, 2, 2))
    assert _both(golds[:1], [coded[0], coded[0]]) == ((1, 2, 1), (1, 2, 1))


def test_two_verbs_of_one_sentence_are_no_list_on_the_coded_side() -> None:
    troops = ("RUS", "Russian troops")
    coded = [_coded(IZIUM, troops, ("UKR", "villagers"), trigger="abducted"),
             _coded(IZIUM, troops, ("UKR", "Izium"), trigger="tortured")]
    assert _both([_told(IZIUM, troops, ("UKR", "villagers"))], coded) == ((1, 2, 1), (1, 2, 1))


def test_a_list_of_one_symmetric_act_is_one_event_told_both_ways() -> None:
    """"Zelensky met Macron and Barrot": the coder writes each pair both ways (four records), the annotator one
    record per person met or one for the list, in either order: one meeting of UKR and FRA; a third country met is a
    second meeting."""
    zelensky, macron, barrot = ("UKR", "Zelensky"), ("FRA", "Macron"), ("FRA", "Barrot")
    coded = [_coded(PARIS, zelensky, macron, "CONSULT", "met"), _coded(PARIS, macron, zelensky, "CONSULT", "met"),
             _coded(PARIS, zelensky, barrot, "CONSULT", "met"), _coded(PARIS, barrot, zelensky, "CONSULT", "met")]
    for golds in ([_told(PARIS, zelensky, macron, "CONSULT"), _told(PARIS, zelensky, barrot, "CONSULT")],
                  [_told(PARIS, macron, zelensky, "CONSULT")],
                  [_told(PARIS, barrot, zelensky, "CONSULT"), _told(PARIS, zelensky, macron, "CONSULT")]):
        assert _both(golds, coded) == ((1, 1, 1), (1, 1, 1)), golds
    kept = _scored([], coded)["events"]["system_items"]
    assert len(kept) == 1 and kept[0]["_merged_list"] == 2 and kept[0]["_mirrored"]
    scholz = ("DEU", "Scholz")
    coded += [_coded(PARIS, zelensky, scholz, "CONSULT", "met"), _coded(PARIS, scholz, zelensky, "CONSULT", "met")]
    golds = [_told(PARIS, zelensky, macron, "CONSULT"), _told(PARIS, scholz, zelensky, "CONSULT")]
    assert _both(golds, coded) == ((2, 2, 2), (2, 2, 2))


def test_errors_show_each_list_counted_once_matched_or_not() -> None:
    golds = [_told(SHELLED, RUSSIANS, ("UKR", p)) for p in PLACES]
    coded = [_coded(SHELLED, ("UKR", "Ukraine"), ("RUS", p)) for p in ("Belgorod", "Kursk")]
    record = {"body": LISTS, "events": coded}
    lines = article_errors("a", {"events": golds}, record, _scored(golds, coded))
    assert lines == ["a MISS event ASSAULT RUS->UKR (a list of 3): " + SHELLED,
                     "a FP event ASSAULT UKR->RUS (a list of 2): " + SHELLED,
                     "a LIST event ASSAULT RUS->UKR: 3 gold records, counted once: " + SHELLED,
                     "a LIST event ASSAULT UKR->RUS: 2 coded records, counted once: " + SHELLED]


def test_a_list_coded_by_the_pipeline_scores_alike_told_once_or_once_per_place() -> None:
    """The coder writes an object list one record per conjunct ("shelled Kharkiv and Zaporizhzhia"): gold that tells
    the list once and gold that tells each place both score it as one right event."""
    from flashpoint.model import Article
    from flashpoint.nlp.pipeline import analyze

    sentence = "Russian forces shelled Kharkiv and Zaporizhzhia overnight."
    record = analyze(Article(id="ex", source="example", body=sentence, published="2024-07-19")).record()
    coded = [e for e in record["events"] if e["type"] == "ASSAULT"]
    assert len(coded) == 2, record["events"]  # one per place: what the merge is for
    once = {"events": [{"type": "ASSAULT", "actor": "Russian forces", "actor_country": "RUS",
                        "recipient": "Kharkiv and Zaporizhzhia", "recipient_country": "UKR", "evidence": sentence}]}
    per_place = {"events": [{**once["events"][0], "recipient": place} for place in ("Kharkiv", "Zaporizhzhia")]}
    for gold in (once, per_place):
        assert counts(score_article(gold, record)["events@0"]["strict"]) == (1, 1, 1), gold
