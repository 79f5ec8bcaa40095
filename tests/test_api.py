"""The REST API on SQLite and PostgreSQL: every endpoint, its filters and paging, bad parameters, keys."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from flashpoint.api.app import create_app
from flashpoint.api.render import highlight, record_spans, safe_href
from flashpoint.model import Actor, AnalyzedArticle, Entity, Event, Quantity, Quote, Speaker, Timex
from flashpoint.store import queries
from flashpoint.store.store import Store

KEY = "write-key-for-tests"

RUS = Actor(text="Russia", name="Russia", id="RUS", country="RUS", sector="GOV")
UKR = Actor(text="Ukraine", name="Ukraine", id="UKR", country="UKR", sector="GOV")
PESKOV = Actor(text="Dmitry Peskov", name="Dmitry Peskov", id="dmitry-peskov", country="RUS", sector="GOV")


def _span(body: str, text: str, after: int = 0) -> tuple[int, int]:
    start = body.index(text, after)
    return start, start + len(text)


def make_article(aid: str, outlet: str, published: str, killed: int, *, title: str | None = None,
                 url: str | None = None, extra: str = "") -> AnalyzedArticle:
    """A small analysed article whose spans point at the right characters of its body."""
    sentence1 = f"Russian forces shelled Avdiivka on {published}, killing {killed} soldiers."
    quote = "We will respond to any provocation"
    sentence2 = f'"{quote}," Dmitry Peskov said on Friday.'
    sentence3 = "Ukraine accused Russia of breaking the ceasefire."
    body = f"{title or 'Shelling in the east'}\n\n{sentence1}\n\n{sentence2}\n\n{sentence3}{extra}"
    s1, s2, s3 = (_span(body, s) for s in (sentence1, sentence2, sentence3))
    ents = [Entity(text=t, start=a, end=b, type=ty, id=i, name=n, actor=act) for t, ty, i, n, act in [
        ("Russian", "NORP", "RUS", "Russia", RUS), ("Avdiivka", "GPE", "avdiivka", "Avdiivka", None),
        ("Dmitry Peskov", "PERSON", "dmitry-peskov", "Dmitry Peskov", PESKOV),
        ("Ukraine", "GPE", "UKR", "Ukraine", UKR)] for a, b in [_span(body, t, s1[0])]]
    q0 = _span(body, quote)
    n0 = _span(body, f"{killed} soldiers")
    t0 = _span(body, published, s1[0])
    return AnalyzedArticle(
        id=aid, source=f"test:{aid}", url=url, title=title or "Shelling in the east", outlet=outlet,
        published=published, published_from="given", body=body,
        entities=ents,
        quotes=[Quote(text=quote, start=q0[0], end=q0[1], cue="said", direct=True,
                      speaker=Speaker(name="Dmitry Peskov", id="dmitry-peskov", actor=PESKOV))],
        timexes=[Timex(text=published, start=t0[0], end=t0[1], value=published)],
        quantities=[Quantity(text=f"{killed} soldiers", start=n0[0], end=n0[1], value=killed, kind="killed",
                             subject="soldiers")],
        events=[
            Event(type="ASSAULT", actor=RUS, recipient=UKR, date=published, text=sentence1, start=s1[0], end=s1[1],
                  score=-9.0, confidence=0.8),
            Event(type="ACCUSE", actor=UKR, recipient=RUS, date=published, text=sentence3, start=s3[0], end=s3[1],
                  score=-2.0, confidence=0.7),
            Event(type="THREATEN", actor=PESKOV, recipient=UKR, date=published, text=sentence2, start=s2[0],
                  end=s2[1], score=-4.0, hypothetical=True),
        ],
    )


HOSTILE_TITLE = "<script>document.title='pwned'</script> Shelling"

ARTICLES = [
    make_article("art-a", "Northern Courier", "2022-02-20", 3, url="https://north.example/a"),
    make_article("art-b", "Eastern Wire", "2022-02-21", 5, title="Avdiivka shelled again, Kremlin warns"),
    make_article("art-c", "Eastern Wire", "2022-03-02", 7, title=HOSTILE_TITLE, url="javascript:alert(1)",
                 extra="\n\n<img src=x onerror=\"window.__pwned=1\"> Ceasefire monitors counted craters."),
]


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = Store(db_url)
    for art in ARTICLES:
        s.add(art)
    yield s
    s.close()


@pytest.fixture
def client(store: Store) -> TestClient:
    return TestClient(create_app(store=store, api_key=KEY))


def items(resp: Any) -> list[dict[str, Any]]:
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["count"] == len(body["items"])
    return list(body["items"])


# -- reads ---------------------------------------------------------------------------------------

def test_health_names_the_database(client: TestClient, db_url: str) -> None:
    body = client.get("/api/health").json()
    assert body["articles"] == len(ARTICLES)
    assert body["database"] == ("sqlite" if db_url.startswith("sqlite") else "postgresql")


def test_articles_search_by_text_outlet_dates_and_paging(client: TestClient) -> None:
    assert {a["id"] for a in items(client.get("/api/articles"))} == {"art-a", "art-b", "art-c"}
    assert [a["id"] for a in items(client.get("/api/articles", params={"q": "KREMLIN warns"}))] == ["art-b"]
    assert items(client.get("/api/articles", params={"q": "nowhere-to-be-found"})) == []
    east = items(client.get("/api/articles", params={"outlet": "Eastern Wire"}))
    assert {a["id"] for a in east} == {"art-b", "art-c"} and all("body" not in a for a in east)
    assert {a["id"] for a in items(client.get("/api/articles", params={"date_from": "2022-02-21",
                                                                          "date_to": "2022-02"}))} == {"art-b"}
    assert {a["id"] for a in items(client.get("/api/articles", params={"date_from": "2022-03"}))} == {"art-c"}
    page1 = client.get("/api/articles", params={"limit": 2}).json()
    page2 = client.get("/api/articles", params={"limit": 2, "offset": 2}).json()
    assert page1["total"] == 3 and len(page1["items"]) == 2 and len(page2["items"]) == 1
    assert {a["id"] for a in page1["items"] + page2["items"]} == {"art-a", "art-b", "art-c"}
    # newest first
    assert [a["published"] for a in page1["items"]] == sorted((a["published"] for a in page1["items"]), reverse=True)
    # LIKE wildcards in the query are taken literally
    assert items(client.get("/api/articles", params={"q": "%"})) == []


def test_search_shows_each_article_around_its_match(client: TestClient, store: Store) -> None:
    padding = " ".join(["The front line was quiet through the night."] * 20)
    store.add(make_article("art-long", "Southern Post", "2022-03-10", 2, title="A long report",
                           extra=f"\n\n{padding} Later, drones struck a fuel depot near Belgorod."))
    (hit,) = items(client.get("/api/articles", params={"q": "BELGOROD depot"}))
    assert hit["id"] == "art-long" and hit["snippet"].startswith("…") and "fuel depot near Belgorod" in hit["snippet"]
    plain = items(client.get("/api/articles", params={"outlet": "Southern Post"}))[0]
    assert plain["snippet"].startswith("A long report")  # no search: the opening lines
    # on the page the words are marked, and hostile text around them stays text
    page = client.get("/articles", params={"q": "img onerror"}).text
    assert "<mark>img</mark>" in page and "&lt;<mark>img</mark> src=x <mark>onerror</mark>=" in page
    assert "<img" not in page


def test_one_article_with_its_spans(client: TestClient) -> None:
    rec = client.get("/api/articles/art-a").json()
    body = rec["body"]
    for key in ("entities", "quotes", "timexes", "quantities", "events"):
        assert rec[key], key
        for span in rec[key]:
            assert body[span["start"]:span["end"]] == span["text"]
    missing = client.get("/api/articles/no-such-article")
    assert missing.status_code == 404 and "no-such-article" in missing.json()["error"]


def test_events_filters_and_paging(client: TestClient) -> None:
    everything = items(client.get("/api/events", params={"limit": 1000}))
    assert len(everything) == 9
    assault = items(client.get("/api/events", params={"type": "assault"}))
    assert len(assault) == 3 and {e["type"] for e in assault} == {"ASSAULT"}
    by_actor = items(client.get("/api/events", params={"actor": "dmitry-peskov"}))
    assert len(by_actor) == 3 and all(e["hypothetical"] for e in by_actor)
    assert len(items(client.get("/api/events", params={"country": "ukr"}))) == 9
    east = items(client.get("/api/events", params={"outlet": "Eastern Wire", "type": "ACCUSE"}))
    assert {e["article_id"] for e in east} == {"art-b", "art-c"}
    feb = items(client.get("/api/events", params={"date_from": "2022-02-21", "date_to": "2022-02-28"}))
    assert {e["date"] for e in feb} == {"2022-02-21"}
    one = items(client.get("/api/events", params={"limit": 1, "offset": 0}))
    two = items(client.get("/api/events", params={"limit": 1, "offset": 1}))
    assert len(one) == len(two) == 1 and one[0]["pk"] != two[0]["pk"]
    assert items(client.get("/api/events", params={"historical": "true"})) == []
    assert len(items(client.get("/api/events", params={"article_id": "art-b"}))) == 3


def test_quotes_filters(client: TestClient) -> None:
    assert len(items(client.get("/api/quotes"))) == 3
    peskov = items(client.get("/api/quotes", params={"speaker": "Dmitry Peskov", "outlet": "Northern Courier"}))
    assert len(peskov) == 1 and peskov[0]["article_id"] == "art-a"
    assert items(client.get("/api/quotes", params={"country": "UKR"})) == []
    assert len(items(client.get("/api/quotes", params={"date_from": "2022-03-01"}))) == 1


def test_corpus_views_answer_with_filters(client: TestClient) -> None:
    stories = items(client.get("/api/stories"))
    assert stories and {i for s in stories for i in s["article_ids"]} <= {"art-a", "art-b", "art-c"}
    story = client.get(f"/api/stories/{stories[0]['id']}")
    assert story.status_code == 200
    cmp = story.json()["comparison"]
    assert cmp["outlets"] and all(col["articles"] for col in cmp["outlets"])
    assert client.get("/api/stories/999999").status_code == 404

    timeline = items(client.get("/api/timeline"))
    assert timeline and [t["date"] for t in timeline] == sorted(t["date"] for t in timeline)
    only = items(client.get("/api/timeline", params={"type": "ACCUSE"}))
    assert only and {t["type"] for t in only} == {"ACCUSE"} and len(only) < len(timeline)
    march = items(client.get("/api/timeline", params={"date_from": "2022-03-01"}))
    assert march and all(t["date"] >= "2022-03-01" for t in march)
    assert len(items(client.get("/api/timeline", params={"limit": 1}))) == 1

    for name in ("claims", "framing", "escalation", "alerts"):
        assert isinstance(items(client.get(f"/api/{name}")), list)
    framing = items(client.get("/api/framing", params={"outlet": "Eastern Wire"}))
    assert {f["outlet"] for f in framing} <= {"Eastern Wire"}
    escalation = items(client.get("/api/escalation", params={"limit": 1000}))
    assert escalation and all("date" in r for r in escalation)
    assert len(items(client.get("/api/escalation", params={"limit": 2}))) <= 2


def test_timeline_paged_in_sql_matches_the_view(store: Store) -> None:
    """The API pages the timeline in SQL; every filter must give the corpus view's rows, in its order."""
    from flashpoint.api import data
    from flashpoint.corpus import views

    month = make_article("art-m", "Southern Post", "2022-03-20", 9, title="A month of shelling")
    month = month.model_copy(update={"events": [e.model_copy(update={"date": "2022-02"}) for e in month.events]})
    store.add(month)
    cases: list[dict[str, Any]] = [
        {}, {"type": "ACCUSE"}, {"country": "RUS"}, {"actor": "dmitry-peskov"}, {"actor": "Ukraine"},
        {"outlet": "Eastern Wire"}, {"outlet": "Southern Post", "type": "ASSAULT"},
        {"date_from": "2022-02-21"}, {"date_from": "2022-02-10"}, {"date_to": "2022-02-20"}, {"date_to": "2022-02"},
        {"date_from": "2022-02", "date_to": "2022-02-21"}, {"date_from": "2022"}, {"limit": 2, "offset": 1},
        {"limit": 1, "offset": 100},
    ]
    seen_month = False
    for case in cases:
        f = data.Filters(**{"limit": 1000, **case})
        fast = data.run_view(store, "timeline", f)
        slow = data.plain(views.timeline(store, **f.view_kwargs()))
        assert fast == slow, case
        seen_month |= any(r["date"] == "2022-02" for r in fast) and bool(case.get("date_from"))
    assert seen_month  # a month-dated event overlaps a range that starts inside that month


def test_actors_list_and_one_actor(client: TestClient) -> None:
    actors = items(client.get("/api/actors"))
    ids = [a["id"] for a in actors]
    assert "RUS" in ids and "dmitry-peskov" in ids
    assert all(a["country"] == "UKR" for a in items(client.get("/api/actors", params={"country": "UKR"})))
    assert [a["id"] for a in items(client.get("/api/actors", params={"q": "peskov"}))] == ["dmitry-peskov"]
    rus = client.get("/api/actors/RUS").json()
    assert len(rus["events_as_actor"]) == 3 and len(rus["events_as_recipient"]) == 3
    assert {c["counterpart_id"] for c in rus["escalation"]} == {"UKR"}
    peskov = client.get("/api/actors/dmitry-peskov").json()
    assert len(peskov["quotes"]) == 3
    # hypothetical threats do not count toward escalation
    assert peskov["escalation"] == []
    assert client.get("/api/actors/nobody-at-all").status_code == 404
    assert client.get("/api/outlets").json()["items"][0] == {"outlet": "Eastern Wire", "articles": 2}


def test_actor_counts_follow_the_store(client: TestClient, store: Store) -> None:
    """The actor table is computed once per state of the store: adding or re-analysing an article updates it."""
    assert client.get("/api/actors/kharkiv-governor").status_code == 404
    governor = Actor(text="the governor", name="Kharkiv governor", id="kharkiv-governor", country="UKR", sector="GOV")
    art = make_article("art-d", "Northern Courier", "2022-03-05", 11, title="Governor speaks")
    art = art.model_copy(update={"events": [e.model_copy(update={"actor": governor}) for e in art.events]})
    store.add(art)
    row = next(a for a in items(client.get("/api/actors", params={"limit": 1000})) if a["id"] == "kharkiv-governor")
    assert row["as_actor"] == 3 and row["articles"] == 1 and row["country"] == "UKR"
    # the counts merged in for the new article are the ones a full count gives
    full = queries._aggregate_actors(store, queries._actor_mentions(queries._span_bounds(queries._store_state(store))))
    assert sorted(full, key=lambda r: r["id"]) == sorted(queries.actor_table(store), key=lambda r: r["id"])
    assert next(r for r in full if r["id"] == "RUS")["articles"] == len(ARTICLES) + 1
    page = client.get("/api/actors/kharkiv-governor").json()
    dyads = {d["dyad"] for d in page["dyads"]}
    assert len(page["events_as_actor"]) == 3 and "UKR->RUS" in dyads
    assert "UKR->UKR" not in dyads  # Ukraine's governor against Ukraine is no dyad
    store.replace(art.model_copy(update={"events": []}))
    assert client.get("/api/actors/kharkiv-governor").status_code == 404
    assert "kharkiv-governor" not in {a["id"] for a in items(client.get("/api/actors", params={"limit": 1000}))}


def test_actor_name_country_and_sector_are_the_most_common(client: TestClient, store: Store) -> None:
    """One odd mention (a role read as the actor, a wrong country) must not rename the actor everywhere."""
    def rus() -> dict[str, Any]:
        return next(a for a in items(client.get("/api/actors", params={"limit": 1000})) if a["id"] == "RUS")

    assert (rus()["name"], rus()["country"], rus()["sector"]) == ("Russia", "RUS", "GOV")
    odd = Actor(text="a top Russian official", name="top Russian official", id="RUS", country="UKR", sector="REB")
    art = make_article("art-odd", "Northern Courier", "2022-03-06", 2, title="An odd mention")
    art = art.model_copy(update={"events": [art.events[0].model_copy(update={"actor": odd})]})
    store.add(art)  # merged into the cached actor table
    row = rus()
    assert (row["name"], row["country"], row["sector"]) == ("Russia", "RUS", "GOV")
    assert not [k for k in row if k.startswith("_")]
    page = client.get("/api/actors/RUS").json()
    assert (page["name"], page["country"]) == ("Russia", "RUS")
    full = queries._aggregate_actors(store, queries._actor_mentions(queries._span_bounds(queries._store_state(store))))
    assert next(r for r in full if r["id"] == "RUS")["name"] == "Russia"


def test_actor_events_newest_first_undated_last(client: TestClient, store: Store) -> None:
    """The actor page shows the latest events first, and undated ones last on SQLite and PostgreSQL alike."""
    art = make_article("art-u", "Northern Courier", "2022-03-09", 4, title="An undated report")
    store.add(art.model_copy(update={"published": None, "published_from": None,
                                     "events": [e.model_copy(update={"date": None}) for e in art.events]}))
    rus = client.get("/api/actors/RUS").json()
    for role in ("events_as_actor", "events_as_recipient"):
        days = [e["date"] or e["published"] for e in rus[role]]
        assert days[-1] is None and None not in days[:-1], role
        assert days[:-1] == sorted(days[:-1], reverse=True) and len(set(days[:-1])) == 3, role


def test_actor_dyads_match_the_corpus_view(store: Store) -> None:
    """The actor page takes its country's dyads from the escalation view: the same as the corpus actor view's."""
    from flashpoint.api import data
    from flashpoint.corpus import views

    for actor_id in ("RUS", "UKR", "dmitry-peskov"):
        ours = data.actor(store, actor_id)
        assert ours is not None
        theirs = data.plain(views.actor(store, actor_id))["escalation"]
        summary = [(d["dyad"], d["total"], d["days"], d["alerts"], len(d["series"])) for d in ours["dyads"]]
        assert sorted(summary) == sorted((d["dyad"], d["total"], d["days"], d["alerts"], len(d["series"]))
                                         for d in theirs)
        assert summary and [d[1] for d in summary] == sorted((d[1] for d in summary), reverse=True), actor_id


BAD_PARAMETERS = [
    ("/api/events", {"limit": -1}, "limit"),
    ("/api/events", {"limit": 0}, "limit"),
    ("/api/events", {"limit": 100000}, "limit"),
    ("/api/events", {"offset": -5}, "offset"),
    ("/api/events", {"limit": "many"}, "limit"),
    ("/api/events", {"date_from": "2022-13-40"}, "date_from"),
    ("/api/events", {"date_to": "yesterday"}, "date_to"),
    ("/api/events", {"date_from": "2022-03-01", "date_to": "2022-02-01"}, "after"),
    ("/api/events", {"type": "EXPLODE"}, "PLOVER"),
    ("/api/events", {"country": "Ukraine"}, "country"),
    ("/api/timeline", {"date_from": "02/03/2022"}, "date_from"),
    ("/api/stories", {"offset": -1}, "offset"),
    ("/api/articles", {"date_from": "2022-02-30"}, "date_from"),
    ("/api/actors", {"limit": 0}, "limit"),
    ("/api/alerts", {"limit": -1}, "limit"),
    ("/api/events", {"historical": "maybe"}, "historical"),
    ("/api/quotes", {"date_from": "last week"}, "date_from"),
    ("/api/claims", {"limit": 0}, "limit"),
    ("/api/framing", {"country": "12"}, "country"),
    ("/api/escalation", {"date_to": "2022-02-30"}, "date_to"),
    ("/api/actors", {"country": "Russia"}, "country"),
    ("/api/articles", {"offset": "first"}, "offset"),
]


def test_bad_parameters_get_a_clear_json_error(client: TestClient) -> None:
    for path, params, needle in BAD_PARAMETERS:
        resp = client.get(path, params=params)
        assert resp.status_code == 422, (path, params)
        assert resp.headers["content-type"].startswith("application/json")
        assert needle in resp.json()["error"], (path, params)


def test_unknown_route_is_a_json_404(client: TestClient) -> None:
    resp = client.get("/api/nothing-here")
    assert resp.status_code == 404 and resp.json()["error"]


# -- ingest and keys -----------------------------------------------------------------------------

def test_ingest_needs_the_key(client: TestClient, store: Store) -> None:
    doc = {"text": "Ukraine accused Russia of shelling Avdiivka.", "outlet": "Keyless"}
    missing = client.post("/api/ingest", json=doc)
    assert missing.status_code == 401 and "X-API-Key" in missing.json()["error"]
    wrong = client.post("/api/ingest", json=doc, headers={"X-API-Key": "not-the-key"})
    assert wrong.status_code == 403 and wrong.json()["error"]
    no_key_server = TestClient(create_app(store=store))
    assert no_key_server.post("/api/ingest", json=doc, headers={"X-API-Key": "anything"}).status_code == 403
    assert store.count() == len(ARTICLES)


def test_ingest_json_text_then_duplicate(client: TestClient) -> None:
    doc = {"id": "posted-1", "title": "Talks in Geneva", "outlet": "Lakeside Post", "published": "2022-01-10",
           "text": "Talks in Geneva\n\nRussian and American diplomats met in Geneva on Monday to discuss security "
                   "guarantees. The United States rejected Russia's demand to halt NATO expansion."}
    first = client.post("/api/ingest", json=doc, headers={"X-API-Key": KEY})
    assert first.status_code == 201, first.text
    assert first.json()["stored"] == ["posted-1"]
    got = client.get("/api/articles/posted-1").json()
    assert got["outlet"] == "Lakeside Post" and got["published"] == "2022-01-10" and "Geneva" in got["body"]
    again = client.post("/api/ingest", json=doc, headers={"X-API-Key": KEY})
    assert again.status_code == 200 and again.json()["duplicates"] == ["posted-1"]
    found = items(client.get("/api/articles", params={"q": "geneva", "outlet": "Lakeside Post"}))
    assert [a["id"] for a in found] == ["posted-1"]


def test_ingest_uploaded_html_file(client: TestClient) -> None:
    page = ("<!doctype html><html><head><title>Kyiv under curfew</title></head><body><article>"
            "<h1>Kyiv under curfew</h1><p>The mayor of Kyiv announced a curfew on Saturday as fighting "
            "reached the outskirts of the capital, officials said.</p><p>Residents were told to stay home "
            "until Monday morning while troops moved through the city.</p></article></body></html>")
    resp = client.post("/api/ingest", files={"file": ("curfew.html", page.encode(), "text/html")},
                       data={"outlet": "City Desk"}, headers={"X-API-Key": KEY})
    assert resp.status_code == 201, resp.text
    (aid,) = resp.json()["stored"]
    rec = client.get(f"/api/articles/{aid}").json()
    assert "curfew" in rec["body"] and "<p>" not in rec["body"] and rec["outlet"] == "City Desk"


BAD_INGESTS: list[tuple[dict[str, Any], int]] = [
    ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 400),
    ({"json": {}}, 422),
    ({"json": {"text": "   "}}, 422),
    ({"json": {"documents": "nope"}}, 422),
    ({"json": {"url": "file:///etc/passwd"}}, 422),
    ({"json": {"text": "Some text.", "published": "someday"}}, 422),
    ({"content": b"plain words", "headers": {"content-type": "text/plain"}}, 415),
    ({"files": {"other": ("a.txt", b"x", "text/plain")}}, 422),
]


def test_bad_ingest_requests(client: TestClient, store: Store) -> None:
    for case, status in BAD_INGESTS:
        kwargs = dict(case)
        headers = {"X-API-Key": KEY, **kwargs.pop("headers", {})}
        resp = client.post("/api/ingest", headers=headers, **kwargs)
        assert resp.status_code == status, (case, resp.text)
        assert resp.json()["error"]
    assert store.count() == len(ARTICLES)


def test_ingest_by_url_refuses_private_addresses(client: TestClient, store: Store) -> None:
    resp = client.post("/api/ingest", json={"url": "http://127.0.0.1:9/secret"}, headers={"X-API-Key": KEY})
    assert resp.status_code == 422
    body = resp.json()
    assert body["stored"] == [] and body["errors"] and "127.0.0.1" in body["error"]
    assert store.count() == len(ARTICLES)


def test_read_key_guards_reads(store: Store) -> None:
    # served over HTTPS: off loopback the key's cookie is Secure, sent back over HTTPS only
    guarded = TestClient(create_app(store=store, api_key=KEY, read_key="reader"), base_url="https://testserver")
    assert guarded.get("/api/events").status_code == 401
    assert guarded.get("/api/events", headers={"X-API-Key": "nope"}).status_code == 403
    assert guarded.get("/api/events", headers={"X-API-Key": "reader"}).status_code == 200
    assert guarded.get("/api/events", headers={"X-API-Key": KEY}).status_code == 200
    assert guarded.get("/").status_code == 401
    assert guarded.get("/", params={"key": "reader"}).status_code == 200
    assert guarded.get("/timeline").status_code == 200  # the key is kept in a cookie for the next pages


READ_ENDPOINTS = ["/api/health", "/api/articles", "/api/articles/art-a", "/api/events", "/api/quotes",
                  "/api/claims", "/api/stories", "/api/stories/{story}", "/api/timeline", "/api/framing",
                  "/api/escalation", "/api/alerts", "/api/actors", "/api/actors/RUS", "/api/outlets"]
PAGES = ["/", "/stories", "/timeline", "/articles", "/articles/art-a", "/actors", "/actors/RUS", "/docs"]


def _http(method: str, url: str, key: str | None = None, body: dict[str, Any] | None = None,
          cookie: str | None = None) -> tuple[int, str, str]:
    """A real HTTP request: (status, content type, body)."""
    import json
    import urllib.error
    import urllib.request

    headers = {"X-API-Key": key} if key is not None else {}
    if cookie:
        headers["Cookie"] = cookie
    data = None
    if body is not None:
        data, headers["Content-Type"] = json.dumps(body).encode(), "application/json"
    req = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=60) as resp:  # noqa: S310 - our own local server
            return resp.status, resp.headers.get("content-type", ""), resp.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("content-type", ""), exc.read().decode()


@pytest.fixture
def live_keyed(store: Store) -> Iterator[str]:
    """uvicorn on a free port over the store (SQLite or PostgreSQL), a write key and a read key set."""
    import socket
    import threading
    import time

    import uvicorn

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    server = uvicorn.Server(uvicorn.Config(create_app(store=store, api_key=KEY, read_key="reader"),
                                           host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


def test_every_endpoint_refuses_a_missing_or_wrong_key_over_http(live_keyed: str, store: Store) -> None:
    """A real server with a read key: every read endpoint and page says 401 without a key and 403 with a wrong
    one, in JSON under /api; the read key and the write key both open them; only the write key ingests."""
    import json

    status, _, body = _http("GET", live_keyed + "/api/stories", "reader")
    story = json.loads(body)["items"][0]["id"]
    for path in [p.format(story=story) for p in READ_ENDPOINTS]:
        status, ctype, body = _http("GET", live_keyed + path)
        assert status == 401 and ctype.startswith("application/json"), path
        assert "X-API-Key" in json.loads(body)["error"], path
        status, ctype, body = _http("GET", live_keyed + path, "wrong-key")
        assert status == 403 and ctype.startswith("application/json"), path
        assert "not valid" in json.loads(body)["error"], path
        for key in ("reader", KEY):
            status, ctype, body = _http("GET", live_keyed + path, key)
            assert status == 200 and ctype.startswith("application/json"), (path, key, body)
            assert "error" not in json.loads(body), path
    for path in PAGES:
        assert _http("GET", live_keyed + path)[0] == 401, path
        assert _http("GET", live_keyed + path + "?key=wrong-key")[0] == 403, path
        status, ctype, _ = _http("GET", live_keyed + path + "?key=reader")
        assert status == 200 and ctype.startswith("text/html"), path
        assert _http("GET", live_keyed + path, cookie="flashpoint_key=reader")[0] == 200, path
        assert _http("GET", live_keyed + path, cookie="flashpoint_key=wrong-key")[0] == 403, path
    doc = {"id": "over-http", "text": "Ukraine accused Russia of shelling Avdiivka on Monday.", "outlet": "Wire"}
    for key, expected in ((None, 401), ("wrong-key", 403), ("reader", 403)):
        status, ctype, body = _http("POST", live_keyed + "/api/ingest", key, doc)
        assert status == expected and ctype.startswith("application/json") and json.loads(body)["error"], key
    assert store.count() == len(ARTICLES)
    status, _, body = _http("POST", live_keyed + "/api/ingest", KEY, doc)
    assert status == 201 and json.loads(body)["stored"] == ["over-http"]
    status, _, body = _http("GET", live_keyed + "/api/articles/over-http", "reader")
    assert status == 200 and json.loads(body)["outlet"] == "Wire"


def test_bad_parameters_over_http(live_keyed: str) -> None:
    """The same clear JSON errors from a real server, on both databases."""
    import json
    import urllib.parse

    for path, params, needle in BAD_PARAMETERS:
        query = urllib.parse.urlencode(params)
        status, ctype, body = _http("GET", f"{live_keyed}{path}?{query}", "reader")
        assert status == 422 and ctype.startswith("application/json"), (path, params)
        assert needle in json.loads(body)["error"], (path, params)
    for path in ("/api/articles/no-such-article", "/api/stories/999999", "/api/stories/not-a-number",
                 "/api/actors/nobody-at-all", "/api/no-such-endpoint"):
        status, ctype, body = _http("GET", live_keyed + path, "reader")
        assert status == 404 and ctype.startswith("application/json") and json.loads(body)["error"], path


def test_read_key_from_the_environment(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLASHPOINT_READ_KEY", "env-reader")
    guarded = TestClient(create_app(store=store))
    assert guarded.get("/api/stories").status_code == 401
    assert guarded.get("/api/stories", headers={"X-API-Key": "env-reader"}).status_code == 200


# -- pages, docs, safety -------------------------------------------------------------------------

def test_openapi_and_docs(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/articles", "/api/articles/{article_id}", "/api/events", "/api/quotes", "/api/claims",
                 "/api/stories", "/api/stories/{story_id}", "/api/timeline", "/api/framing", "/api/escalation",
                 "/api/alerts", "/api/actors", "/api/actors/{actor_id}", "/api/ingest"):
        assert path in spec["paths"], path
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/timeline" in docs.text
    assert "cdn" not in docs.text.lower()


def test_every_page_renders(client: TestClient) -> None:
    story_id = items(client.get("/api/stories"))[0]["id"]
    for path in ("/", "/stories", f"/stories/{story_id}", "/timeline?type=ASSAULT&country=UKR", "/articles",
                 "/articles?q=kremlin", "/articles/art-a", "/actors", "/actors/RUS", "/actors/dmitry-peskov",
                 "/docs"):
        resp = client.get(path)
        assert resp.status_code == 200, path
        assert resp.headers["content-type"].startswith("text/html")
    assert client.get("/articles/none").status_code == 404
    bad = client.get("/timeline", params={"date_from": "not-a-date"})
    assert bad.status_code == 422 and "date_from" in bad.text


def test_security_headers_and_hostile_text_is_escaped(client: TestClient) -> None:
    for path in ("/", "/articles/art-c", "/api/events", "/static/app.css"):
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp
        assert headers["x-content-type-options"] == "nosniff"
    for path in ("/articles/art-c", "/", "/articles", "/stories"):
        page = client.get(path).text
        assert "<script>document.title" not in page
        assert "<img src=x" not in page
        # the only scripts are our own static file
        assert re.findall(r"<script[^>]*>", page) == ['<script src="/static/app.js" defer>'] or \
            all("src=" in s for s in re.findall(r"<script[^>]*>", page))
    article = client.get("/articles/art-c").text
    assert "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;" in article
    hrefs = re.findall(r'href="([^"]*)"', article)
    assert hrefs and all(h.startswith(("/", "#", "http://", "https://")) for h in hrefs)


def test_highlight_handles_overlapping_spans() -> None:
    body = "Peskov said <b> \"Kyiv will pay\" on Friday."
    rec = {"body": body,
           "entities": [{"text": "Kyiv", "start": 17, "end": 21}, {"text": "Peskov", "start": 0, "end": 6}],
           "quotes": [{"text": "Kyiv will pay", "start": 17, "end": 30}],
           "events": [{"text": body, "start": 0, "end": len(body)}],
           "timexes": [{"text": "Friday", "start": 35, "end": 41}, {"text": "bad", "start": 50, "end": 40}],
           "quantities": []}
    spans = record_spans(rec)
    assert len(spans) == 5  # the span with impossible offsets is dropped
    out = str(highlight(body, spans))
    assert "<b>" not in out and "&lt;b&gt;" in out
    text = re.sub(r"<[^>]+>", "", out).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
    assert text == body
    segments = re.findall(r'<a class="hl ([^"]+)" href="#rec-(\w+)" data-refs="([^"]+)"[^>]*>([^<]*)</a>', out)
    # every character of every span is inside a segment that names it
    for span in spans:
        covered = "".join(seg for _, _, refs, seg in segments if span["ref"] in refs.split())
        assert html_unescape(covered) == body[span["start"]:span["end"]]
    # the overlap of entity, quote and event links to the most specific record: the entity
    kyiv = [s for s in segments if html_unescape(s[3]) == "Kyiv"]
    assert kyiv and kyiv[0][1] == "e0" and {"k-entity", "k-quote", "k-event"} <= set(kyiv[0][0].split())
    for span in spans:
        assert out.count(f'id="at-{span["ref"]}"') == 1


def html_unescape(s: str) -> str:
    import html

    return html.unescape(s)


def test_only_http_links_leave_the_dashboard() -> None:
    assert safe_href("https://example.org/x?a=1") == "https://example.org/x?a=1"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<b>", "//evil.example/x", "",
                None, "http://"):
        assert safe_href(bad) is None
