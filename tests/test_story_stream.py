"""Stories built incrementally through the real pipeline and store: join, open, merge; a copy from a second
outlet is linked as a copy and counts as that outlet's coverage."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from flashpoint import workflow
from flashpoint.corpus import stories, views
from flashpoint.model import Article
from flashpoint.store.store import Store

FLOOD = "floodwater reservoir embankment breach turbines spillway"
FIRE = "wildfire orchards vineyards smoke firefighters helicopters"


def _art(aid: str, outlet: str, day: str, words: str, title: str) -> Article:
    body = f"{title}\n\n" + " ".join(f"{w.capitalize()} {w}." for w in words.split())  # no word shared by accident
    return Article(id=aid, source=f"test:{aid}", outlet=outlet, published=day, published_from="given", title=title,
                   body=body)


@pytest.fixture()
def store() -> Iterator[Store]:
    with tempfile.TemporaryDirectory() as tmp:
        st = Store(f"sqlite:///{Path(tmp) / 's.db'}")
        yield st
        st.close()


def _story_ids(store: Store) -> dict[str, int]:
    return {aid: s["id"] for s in views.stories(store) for aid in s["article_ids"]}


def test_choose_joins_the_best_story_and_merges_the_strongly_linked() -> None:
    assert stories.choose([]) == (None, 0.0, [])
    assert stories.choose([(1, stories.JOIN_THRESHOLD - 0.01)])[0] is None
    story, sim, merge = stories.choose([(1, 0.5), (2, 0.4), (3, stories.MERGE_THRESHOLD - 0.01), (1, 0.3)])
    assert story == 1 and sim == 0.5 and merge == [2]


def test_stories_open_join_and_merge_as_articles_arrive(store: Store) -> None:
    workflow.ingest_articles([_art("flood", "Wire A", "2023-05-01", FLOOD, "Reservoir embankment breach"),
                              _art("fire", "Paper B", "2023-05-01", FIRE, "Wildfire reaches orchards")], store)
    first = _story_ids(store)
    assert first["flood"] != first["fire"]  # nothing in common: two stories
    workflow.ingest_articles([_art("flood-2", "Paper C", "2023-05-02", FLOOD, "Reservoir embankment breach")], store)
    assert _story_ids(store)["flood-2"] == _story_ids(store)["flood"]  # another outlet joins the story
    workflow.ingest_articles([_art("both", "Wire D", "2023-05-02", f"{FLOOD} {FIRE}",
                                   "Reservoir breach and wildfire")], store)
    after = _story_ids(store)
    assert after["both"] == after["flood"] == after["fire"]  # the bridging report made them one story
    merged = next(s for s in views.stories(store) if s["id"] == after["flood"])
    assert set(merged["outlets"]) == {"Wire A", "Paper B", "Paper C", "Wire D"} and merged["articles"] == 4
    assert len(views.stories(store)) == 1


def test_a_republished_copy_counts_for_its_outlet(store: Store) -> None:
    wire = _art("wire", "Wire A", "2023-05-01", FLOOD, "Reservoir embankment breach")
    copy = wire.model_copy(update={"id": "copy", "source": "test:copy", "outlet": "Daily Echo"})
    report = workflow.ingest_articles([wire, copy], store)
    assert report.stored == ["wire", "copy"] and not report.duplicates  # not dropped as "already present"
    again = workflow.ingest_articles([copy.model_copy(update={"id": "copy-again"})], store)
    assert again.duplicates == ["copy"]  # the same text from the same outlet is one article
    [story] = views.stories(store)
    assert story["articles"] == 2 and story["distinct"] == 1 and set(story["outlets"]) == {"Wire A", "Daily Echo"}
    found = views.story(store, story["id"])
    assert found is not None
    assert {a["article_id"]: a["duplicate_of"] for a in found["articles"]} == {"wire": None, "copy": "wire"}


def test_views_built_by_another_version_are_built_again(store: Store) -> None:
    from sqlalchemy import update

    from flashpoint.corpus import tables as t

    workflow.ingest_articles([_art("flood", "Wire A", "2023-05-01", FLOOD, "Reservoir embankment breach")], store)
    before = views.stories(store)
    with store.engine.begin() as conn:  # as if an older flashpoint had built them
        conn.execute(update(t.view_state).where(t.view_state.c.name == t.SCHEMA_KEY).values(value=t.VIEWS_SCHEMA - 1))
        conn.execute(update(t.stories).values(title="stale"))
    assert t.pending(store)
    after = views.stories(store)
    assert [s["title"] for s in after] == [s["title"] for s in before] != ["stale"]
    assert not t.pending(store)
