"""View updates that touch only the days they change: merged-event look-ups bounded by date, escalation
baselines and alerts stored per day and rescored incrementally, the same rows as a full recomputation."""

from __future__ import annotations

import datetime as dt
import random
import re

from sqlalchemy import select

from flashpoint.corpus import escalation as esc
from flashpoint.corpus import tables as t
from flashpoint.corpus import views
from flashpoint.corpus.update import update_views
from flashpoint.model import Actor, AnalyzedArticle, Event
from flashpoint.store.store import Store

START = dt.date(2022, 1, 1)


def _report(i: int, day: str, n: int, dyad: tuple[str, str] = ("RUS", "UKR")) -> AnalyzedArticle:
    body = f"Report {i} of {day}. " + " ".join(f"Strike {k} hit village {k} in report {i}." for k in range(n))
    evs = [Event(type="ASSAULT", actor=Actor(text=dyad[0], country=dyad[0]),
                 recipient=Actor(text=f"village {k}", country=dyad[1]), location={"text": f"v{i}-{k}", "name": f"v{i}-{k}"},
                 text=body, start=0, end=len(body), score=-10.0, date=day) for k in range(n)]
    return AnalyzedArticle(id=f"r{i}", source=f"test:{i}", outlet="A", published=day, body=body,
                           title=f"Report {i}", events=evs)


def _full_recompute(store: Store) -> list[tuple]:
    with store.engine.connect() as conn:
        daily = [dict(r._mapping) for r in conn.execute(select(t.escalation_daily))]
    covered = views.covered_days(store)  # the baselines read the days the store has articles for
    out = []
    for (ac, rc), series in esc.series_by_dyad(daily).items():
        out += [(ac, rc, r["date"], r["value"], r["baseline"], r["threshold"], r["alert"])
                for r in esc.with_baseline(series, covered=covered)]
    return sorted(out)


def _stored(store: Store) -> list[tuple]:
    rows = views.escalation(store)
    return sorted((r["actor"], r["recipient"], r["date"], r["value"], r["baseline"], r["threshold"], r["alert"])
                  for r in rows)


def test_incremental_scores_equal_a_full_recomputation(db_url: str) -> None:
    """Reports arrive out of date order in batches (late ones change the baselines of the days after them);
    after every batch the stored rows equal the whole series scored from scratch."""
    rng = random.Random(7)
    days = list(range(90))
    rng.shuffle(days)
    store = Store(db_url)
    for b in range(0, 90, 15):
        for i in days[b:b + 15]:
            day = (START + dt.timedelta(days=i)).isoformat()
            n = 6 if i in (50, 51, 80) else 1 + i % 2
            store.add(_report(i, day, n, ("RUS", "UKR") if i % 3 else ("BLR", "UKR")))
        update_views(store)
        assert _stored(store) == _full_recompute(store)
    alerts = views.alerts(store)
    assert alerts and all(a["alert"] for a in alerts)
    assert {a["date"] for a in alerts} <= {"2022-02-20", "2022-02-21", "2022-03-22"}
    store.close()


def test_escalation_is_paged_and_filtered_by_the_database(sqlite_url: str) -> None:
    store = Store(sqlite_url)
    for i in range(30):
        store.add(_report(i, (START + dt.timedelta(days=i)).isoformat(), 1, ("RUS", "UKR") if i % 2 else ("BLR", "UKR")))
    every = views.escalation(store)
    assert len(every) == 30
    assert views.escalation(store, limit=5, offset=10) == every[10:15]
    feb = views.escalation(store, date_from="2022-01-10", date_to="2022-01-19", actor="BLR")
    assert [r["date"] for r in feb] == [(START + dt.timedelta(days=i)).isoformat() for i in range(10, 20, 2)]
    assert views.escalation(store, date_to="2022-01") == every  # a month includes its days
    from flashpoint.listing import list_page
    from flashpoint.options import Filters

    page = list_page(store, "escalation", Filters(limit=5, offset=10))  # what the API and the CLI print
    assert page.rows == every[10:15] and page.total == 30 and page.cut
    store.close()


def test_merging_reads_only_the_days_a_batch_can_match(sqlite_url: str) -> None:
    """The same event key on many days: a new report merges with its own day's event, and the look-up
    statement the update runs is bounded by day (no full read of the key)."""
    store = Store(sqlite_url)
    for i in range(20):
        day = (START + dt.timedelta(days=i)).isoformat()
        body = f"Russian forces shelled Kharkiv on day {i}, officials said in report {i}."
        store.add(AnalyzedArticle(id=f"k{i}", source=f"k:{i}", outlet="A", published=day, body=body, title=body,
                                  events=[Event(type="ASSAULT", actor=Actor(text="Russia", country="RUS"),
                                                recipient=Actor(text="Kharkiv", country="UKR"), text=body, start=0,
                                                end=len(body), score=-10.0, date=day)]))
    update_views(store)
    seen: list[str] = []
    from sqlalchemy import event

    def capture(conn, cursor, statement, params, context, many):  # type: ignore[no-untyped-def]
        if re.search(r"FROM merged_events\s+WHERE merged_events.\"?key\"? IN", statement):
            seen.append(statement)

    event.listen(store.engine, "before_cursor_execute", capture)
    day = (START + dt.timedelta(days=7)).isoformat()
    body = "Another outlet: Russian forces shelled Kharkiv, the mayor said."
    store.add(AnalyzedArticle(id="late", source="late", outlet="B", published=day, body=body, title=body,
                              events=[Event(type="ASSAULT", actor=Actor(text="Russia", country="RUS"),
                                            recipient=Actor(text="Kharkiv", country="UKR"), text=body, start=0,
                                            end=len(body), score=-10.0, date=day)]))
    update_views(store)
    event.remove(store.engine, "before_cursor_execute", capture)
    assert seen and all("merged_events.day IN" in s for s in seen)
    timeline = {r["date"]: r for r in views.timeline(store)}
    assert len(timeline) == 20 and timeline[day]["outlets"] == ["A", "B"]
    store.close()


def test_a_claim_group_lists_a_bounded_number_of_values_and_says_how_many(sqlite_url: str) -> None:
    from flashpoint.model import Quantity

    store = Store(sqlite_url)
    for i in range(12):
        value = 1000 + 10 * i
        body = f"More than {value:,} people have been killed in the conflict since 2014, the UN says."
        q = Quantity(text=f"{value:,}", start=10, end=10 + len(f"{value:,}"), value=value, kind="killed",
                     subject="people", approx="more than")
        day = (START + dt.timedelta(days=3 * i)).isoformat()
        store.add(AnalyzedArticle(id=f"c{i}", source=f"c:{i}", outlet=f"O{i}", published=day, body=body,
                                  title=body, quantities=[q]))
    [whole] = views.claims(store, max_values=100)
    [capped] = views.claims(store, max_values=5)
    assert whole["n_values"] == capped["n_values"] == 12 and len(whole["values"]) == 12
    assert capped["values"] == whole["values"][:5] and capped["figures"].endswith("; ... 7 more")
    march = views.claims(store, date_from="2022-01-10", date_to="2022-01-20")
    assert sorted(v["date"] for v in march[0]["values"]) == ["2022-01-10", "2022-01-13", "2022-01-16", "2022-01-19"]
    store.close()


def _wire(aid: str, day: str | None, outlet: str, body: str) -> AnalyzedArticle:
    return AnalyzedArticle(id=aid, source=f"w:{aid}", outlet=outlet, published=day, body=body, title="Wire report")


def test_near_copies_are_looked_up_within_their_days(sqlite_url: str) -> None:
    """A copy three days after its original is linked; the same text 60 days later is news again (the look-up
    reads the band rows of the days around the article, by the (kind, band, day) index); an undated copy
    still finds its original on any day."""
    from sqlalchemy import event

    from flashpoint.corpus import dedup

    text = ("Shelling hit the eastern districts of the city overnight, damaging a school and two apartment "
            "blocks, the regional governor said on Tuesday, adding that rescue crews were still at work. ") * 3
    store = Store(sqlite_url)
    store.add(_wire("orig", START.isoformat(), "Wire", text))
    update_views(store)
    seen: list[str] = []

    def capture(conn, cursor, statement, params, context, many):  # type: ignore[no-untyped-def]
        if re.search(r"FROM lsh_bands\s+WHERE", statement):
            seen.append(statement)

    event.listen(store.engine, "before_cursor_execute", capture)
    store.add(_wire("soon", (START + dt.timedelta(days=3)).isoformat(), "Paper A", text + " Copyright Paper A."))
    store.add(_wire("late", (START + dt.timedelta(days=dedup.COPY_WINDOW_DAYS + 30)).isoformat(), "Paper B",
                    text + " Copyright Paper B."))
    update_views(store)
    event.remove(store.engine, "before_cursor_execute", capture)
    assert seen and all("lsh_bands.day BETWEEN" in s for s in seen)
    store.add(_wire("undated", None, "Paper C", text + " Copyright Paper C."))
    update_views(store)
    with store.engine.connect() as conn:
        canon = dict(conn.execute(select(t.corpus_docs.c.article_id, t.corpus_docs.c.canonical_id)).all())
    assert canon["soon"] == "orig" and canon["late"] == "late" and canon["undated"] in ("orig", "late")
    store.close()


def test_timeline_lists_first_mentions_and_counts_every_one(sqlite_url: str) -> None:
    """One happening told by 30 outlets, one of them denying it: the API lists 5 mentions when asked (20 by
    default) while its marks, articles and n_mentions count all 30, exactly as the full list does."""
    from fastapi.testclient import TestClient

    from flashpoint.api.app import create_app
    from flashpoint.listing import list_page
    from flashpoint.options import Filters

    store = Store(sqlite_url)
    day = START.isoformat()
    for i in range(30):
        body = f"Outlet {i} reports in its own words number {i}: Russian forces shelled Kharkiv" + " again" * i + "."
        store.add(AnalyzedArticle(id=f"m{i:02d}", source=f"m:{i}", outlet=f"Outlet {i:02d}", published=day, body=body,
                                  title=f"Kharkiv report {i}", events=[Event(
                                      type="ASSAULT", actor=Actor(text="Russia", country="RUS"),
                                      recipient=Actor(text="Kharkiv", country="UKR"), text=body, start=0,
                                      end=len(body), score=-10.0, date=day, negated=i == 7)]))
    [full] = list_page(store, "timeline", Filters()).rows
    [capped] = list_page(store, "timeline", Filters(extra={"max_mentions": 5})).rows
    assert len(full["mentions"]) == 30 and full["n_mentions"] == 30 and full["articles"] == 30
    assert full["denied"] and full["contested"] and not full["negated"]
    assert capped["mentions"] == full["mentions"][:5]
    assert {k: v for k, v in capped.items() if k != "mentions"} == {k: v for k, v in full.items() if k != "mentions"}
    with TestClient(create_app(store=store)) as client:
        [row] = client.get("/api/timeline").json()["items"]
        assert len(row["mentions"]) == 20 and row["n_mentions"] == 30 and row["denied"]
        assert len(client.get("/api/timeline", params={"mentions": 3}).json()["items"][0]["mentions"]) == 3
    store.close()


def test_overview_reads_its_window_and_the_newest_stories(sqlite_url: str) -> None:
    """On a store longer than the overview's window, the overview's escalation, alerts and attention start at
    its first day, and its latest stories are the stories with the newest last dates (what ranking every
    stored story would give)."""
    from flashpoint.api import pages

    store = Store(sqlite_url)
    n_days = pages.OVERVIEW_DAYS + 60
    for i in range(0, n_days, 3):
        store.add(_report(i, (START + dt.timedelta(days=i)).isoformat(), 1 + i % 2))
    update_views(store)
    since = pages.overview_since(store)
    assert since == (START + dt.timedelta(days=n_days - 3 - pages.OVERVIEW_DAYS + 1)).isoformat()
    got = pages._overview(store, [])
    assert got["chosen"] == ["RUS->UKR"] and all(a["date"] >= since for a in got["alerts"])
    window = sum(r["value"] for r in views.escalation(store, date_from=since))
    assert got["dyads"][0]["total"] == round(window, 1) < sum(r["value"] for r in views.escalation(store))
    every = views.stories(store)
    every.sort(key=lambda r: (-len(r["outlets"]), -int(r["distinct"])))
    every.sort(key=lambda r: r["last_date"] or "", reverse=True)
    assert [s["id"] for s in views.latest_stories(store, 12)] == [s["id"] for s in every[:12]]
    assert views.latest_stories(store, 12)[0]["last_date"] == (START + dt.timedelta(days=n_days - 3)).isoformat()
    assert min(r["date"] for r in views.attention(store, date_from=since)) >= since
    store.close()


def test_api_claims_read_the_last_days_unless_given_a_range(sqlite_url: str) -> None:
    """/api/claims without dates groups the figures of the API_WINDOW_DAYS days up to the newest (and says
    so); a date range reads exactly that range, so older figures stay one parameter away."""
    from fastapi.testclient import TestClient

    from flashpoint.api.app import create_app
    from flashpoint.model import Quantity
    from flashpoint.options import API_WINDOW_DAYS

    store = Store(sqlite_url)
    for i in range(0, 200, 10):
        body = f"At least {100 + i} civilians have been killed in Region {i} since the spring, officials said."
        text = f"{100 + i}"
        q = Quantity(text=text, start=9, end=9 + len(text), value=100 + i, kind="killed", subject=f"civilians in Region {i}")
        store.add(AnalyzedArticle(id=f"q{i}", source=f"q:{i}", outlet="A", body=body, title=body,
                                  published=(START + dt.timedelta(days=i)).isoformat(), quantities=[q]))
    since = (START + dt.timedelta(days=190 - API_WINDOW_DAYS + 1)).isoformat()
    with TestClient(create_app(store=store)) as client:
        recent = client.get("/api/claims", params={"limit": 1000}).json()
        assert recent["date_from"] == since and "window" in recent
        dates = [v["date"] for g in recent["items"] for v in g["values"]]
        assert dates and min(dates) >= since and max(dates) == (START + dt.timedelta(days=190)).isoformat()
        every = client.get("/api/claims", params={"limit": 1000, "date_from": "2022"}).json()
        assert sum(g["n_values"] for g in every["items"]) == 20
        assert len(dates) == sum(g["n_values"] for g in recent["items"]) == len(range(110, 200, 10))
        assert "window" not in every
    store.close()


def test_the_map_counted_by_the_database_equals_counting_every_event(sqlite_url: str) -> None:
    """Events dated by day, month or year, some denied or hypothetical: the map's counts from the database
    (any date range) equal the per-event count over the same rows (what the outlet-filtered path still does)."""
    from flashpoint.model import Place

    store = Store(sqlite_url)
    dates = ["2022-03-10", "2022-03", "2022", "2022-04-01", "2021-12-30", "2022-03-20", "2022-W11"]
    for i, date in enumerate(dates * 3):
        body = f"Report {i}: forces of side {i % 4} struck depot {i} near town {i}, the governor said."
        store.add(AnalyzedArticle(id=f"e{i}", source=f"e:{i}", outlet="A", published="2022-04-02", body=body,
                                  title=body, events=[Event(
                                      type="ASSAULT", actor=Actor(text="Russia", country="RUS"),
                                      recipient=Actor(text=f"depot {i}", country="UKR"),
                                      location=Place(text=f"town {i}", name=f"town {i}", country=["UKR", "SYR", "ARM"][i % 3]),
                                      text=body, start=0, end=len(body), score=-10.0, date=date, confidence=0.9,
                                      negated=i % 5 == 0, hypothetical=i % 7 == 0, historical=i % 6 == 0)]))
    for f in ({}, {"date_from": "2022-03-15"}, {"date_to": "2022-03"}, {"date_from": "2022-03", "date_to": "2022-03-15"},
              {"date_from": "2022"}):
        by_db = views.event_map(store, **f)
        assert by_db == views.event_map(store, outlet="A", **f), f
        assert sum(r["events"] for r in by_db) == sum(1 for r in views.timeline(store, uncertain=True)
                                                      if r["place"] and views._in_dates(r["date"], f)), f
    assert any(r["denied"] for r in views.event_map(store)) and any(r["hypothetical"] for r in views.event_map(store))
    store.close()


def test_the_timeline_total_kept_per_date_equals_counting_the_events(db_url: str) -> None:
    """Events dated by day, month or year, confident or not, with and without an actor country, arriving in
    batches (a later report raises an earlier event's confidence): the timeline's total read from the per-date
    counts equals the number of rows the timeline lists, for every date range and with uncertain ones shown."""
    from flashpoint.store import queries

    rng = random.Random(11)
    store = Store(db_url)
    dates = [(START + dt.timedelta(days=d)).isoformat() for d in range(0, 40, 3)] + ["2022-01", "2022-02", "2022"]
    for batch in range(3):
        for i in range(batch * 12, batch * 12 + 12):
            day = (START + dt.timedelta(days=rng.randrange(40))).isoformat()
            evs = []
            for k in range(3):
                date = rng.choice(dates)
                country = None if k == 2 and i % 4 == 0 else "RUS"
                confidence = 0.9 if batch == 2 and k == 0 else rng.choice([0.05, 0.15, 0.6])
                body = f"Report {i}. Strike {k % 2} on village {date}."
                evs.append(Event(type="ASSAULT", actor=Actor(text="Russia", country=country),
                                 recipient=Actor(text=f"village {date}", country="UKR"), text=body, start=0,
                                 end=len(body), score=-10.0, date=date, confidence=confidence))
            store.add(AnalyzedArticle(id=f"t{i}", source=f"t:{i}", outlet="A", published=day, body=f"Report {i}.",
                                      title=f"Report {i}", events=evs))
        update_views(store)
        for kw in ({}, {"date_from": "2022-01-10"}, {"date_to": "2022-01-20"}, {"date_from": "2022-02"},
                   {"date_from": "2022-01-05", "date_to": "2022-02-03"}):
            for uncertain in (None, True):
                listed = queries.timeline_page(store, **kw, uncertain=uncertain, limit=None)
                assert queries.count_timeline(store, **kw, uncertain=uncertain) == len(listed), (batch, kw, uncertain)
    every = queries.count_timeline(store, uncertain=True)
    assert queries.count_timeline(store) < every  # the per-date counts tell the uncertain ones apart
    assert queries.count_timeline(store, type="ASSAULT", uncertain=True) == every  # other filters count the rows
    store.close()
