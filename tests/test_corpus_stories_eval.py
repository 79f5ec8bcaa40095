"""The RUWA loader and the stories scores on a slice of the real data set."""

from __future__ import annotations

import re

from conftest import SHARED
from flashpoint.evals import stories as ev

RUWA = SHARED / "corpora" / "ruwa"


def test_loader_cleans_site_furniture_and_keeps_given_metadata() -> None:
    records = ev.read_records(RUWA)
    assert len(records) == 16545
    arts = [a for a, _label in ev.articles(records)]
    assert all(a.published and len(a.published) == 10 for a in arts[:2000])
    assert not any((a.title or "").endswith("| Censor.NET") or "«" in (a.title or "") for a in arts)
    assert not any(re.search(r"\(\d{2}\.\d{2}\.\d{2} \d{1,2}:\d{2}\)", a.title or "") for a in arts)
    assert not any(a.body.rstrip().endswith("View news.") for a in arts)
    labels = {label for _a, label in ev.articles(records)}
    assert len(labels) == 9


def test_scores_behave_like_their_definitions() -> None:
    labels = ["a", "a", "b", "b"]
    assert ev.score(labels, [1, 1, 2, 2])["purity"] == 1.0 and ev.score(labels, [1, 1, 2, 2])["ari"] == 1.0
    assert ev.score(labels, [1, 1, 1, 1])["purity"] == 0.5
    assert ev.score(labels, [1, 2, 3, 4])["ari"] <= 0.0


def test_context_scores_discount_singletons_and_give_a_day_baseline() -> None:
    labels = ["a", "b", "a", "a", "b"]
    clusters = [1, 1, 2, 3, 4]  # one mixed pair, three singletons
    dates = ["2022-01-01", "2022-01-01", "2022-01-01", "2022-01-02", "2022-01-02"]
    ctx = ev.context_scores(labels, clusters, dates)
    assert ev.score(labels, clusters)["purity"] == 0.8  # singletons count as pure
    assert ctx["purity_in_multi_article_stories"] == 0.5 and ctx["share_in_multi_article_stories"] == 0.4
    assert ctx["baseline_one_story_per_day_purity"] == round(3 / 5, 4)  # day 1: a,b,a -> 2; day 2: a,b -> 1


def test_stories_on_a_ruwa_slice(tmp_path) -> None:  # type: ignore[no-untyped-def]
    records = ev.read_records(RUWA)[:400]
    url = f"sqlite:///{tmp_path / 'ruwa.db'}"
    gold, _seconds = ev.ingest(records, url)
    assigned = ev.story_assignments(url)
    ids = [a for a in gold if a in assigned]
    scores = ev.score([gold[a] for a in ids], [assigned[a] for a in ids])
    assert len(ids) > 250  # the store keeps one copy of rows with the same text
    assert scores["purity"] >= 0.9  # a story rarely mixes RUWA events
    assert scores["stories_with_2plus"] >= 10  # and stories do gather several headlines
    noise = ev.label_noise(records)
    assert 0.0 <= noise["share_labelled_event_named_in_text"] <= 1.0
