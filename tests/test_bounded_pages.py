"""A dashboard page stays bounded whatever the store holds: the timeline shows a page of events, and an event
reported by many articles links a few of them and counts the rest."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from flashpoint import workflow
from flashpoint.api.app import create_app
from flashpoint.api.pages import TIMELINE_ARTICLES_SHOWN
from flashpoint.model import Article
from flashpoint.store.store import Store

REPORT = "Russian forces shelled Kharkiv on Tuesday, killing two civilians, the regional governor said."


def test_an_event_reported_by_many_articles_links_a_few_and_counts_the_rest(sqlite_url: str) -> None:
    store = Store(sqlite_url)
    n = TIMELINE_ARTICLES_SHOWN + 3
    articles = [Article(id=f"report-{i}", source=f"report-{i}.txt", title=f"Shelling in Kharkiv ({i})",
                        outlet=f"Outlet {i}", published="2022-03-01", body=f"Shelling in Kharkiv\n\n{REPORT}")
                for i in range(n)]
    report = workflow.ingest_articles(articles, store)
    assert len(report.stored) == n, report.errors
    client = TestClient(create_app(store=store))
    api = client.get("/api/timeline").json()["items"]
    widest = max(api, key=lambda r: len({m["article_id"] for m in r["mentions"]}))
    reporting = len({m["article_id"] for m in widest["mentions"]})
    assert reporting == n  # the API lists every reporting article
    page = client.get("/timeline").text
    items = re.findall(r'<li class="tl-item.*?</li>', page, re.S)
    assert len(items) == len(api)
    shown = max(items, key=lambda it: it.count('class="outlet'))
    assert shown.count('class="outlet') == TIMELINE_ARTICLES_SHOWN
    assert f"and {n - TIMELINE_ARTICLES_SHOWN} more articles" in shown
    assert f"in {n} articles" in shown
    store.close()
