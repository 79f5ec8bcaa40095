"""API latency on a big store: the events and timeline endpoints over 1,000,000 events.

Fills a fresh SQLite store by bulk insert (SQLAlchemy core, synthetic rows): articles,
events, and the corpus engine's merged-event tables (so the timeline view has something
to page through without re-analysing anything), then serves the app with uvicorn on
localhost and times real HTTP requests. The baseline, measured in the same run on the
same store, is the bare SQL query each endpoint needs, without HTTP, JSON or the view's
Python: the ratio is what the API adds on top of the database. For the timeline it also
times the corpus view called directly (`views.timeline`, which pages in Python after
loading every merged event): what the API took before it paged the timeline in SQL.

    .venv/bin/python benchmarks/bench_api.py [--events 1000000] [--repeat 30] [--timeline-repeat 10]
                                             [--view-repeat 3 | --no-view]
"""

from __future__ import annotations

import argparse
import random
import shutil
import socket
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from sqlalchemy import insert, or_, select

from flashpoint.api.app import create_app
from flashpoint.corpus import tables as t
from flashpoint.corpus import views
from flashpoint.corpus.update import STATE_KEY
from flashpoint.model import Actor, AnalyzedArticle, Event
from flashpoint.store import schema
from flashpoint.store.store import Store

TYPES = ("ASSAULT", "COERCE", "THREATEN", "ACCUSE", "REJECT", "MOBILIZE", "SANCTION", "CONSULT", "AGREE", "AID",
         "SUPPORT", "REQUEST", "PROTEST", "COOPERATE", "RETREAT", "CONCEDE")
COUNTRIES = ("RUS", "UKR", "USA", "DEU", "FRA", "GBR", "POL", "BLR", "TUR", "CHN")
SECTORS = ("GOV", "MIL", "REB", "PRE", "CVL")
OUTLETS = tuple(f"Outlet {i}" for i in range(40))
DAYS = 730  # two years of news


def day(i: int) -> str:
    import datetime as dt

    return (dt.date(2021, 1, 1) + dt.timedelta(days=i % DAYS)).isoformat()


def fill(store: Store, n_events: int, per_article: int = 100, mentions_per_merged: int = 4) -> dict[str, float]:
    """Bulk-insert synthetic rows; returns seconds per table."""
    rng = random.Random(7)
    n_articles = max(1, n_events // per_article)
    took: dict[str, float] = {}
    t0 = time.perf_counter()
    with store.engine.begin() as conn:
        conn.execute(insert(schema.articles), [
            {"id": f"a{i}", "content_hash": f"h{i}", "source": f"synthetic:{i}", "title": f"Article {i}",
             "outlet": OUTLETS[i % len(OUTLETS)], "published": day(i * DAYS // n_articles), "body": "x",
             "record": {"id": f"a{i}"}} for i in range(n_articles)])
    took["articles"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    chunk = 50_000
    for lo in range(0, n_events, chunk):
        rows = []
        for k in range(lo, min(n_events, lo + chunk)):
            art = k // per_article
            a, r = rng.choice(COUNTRIES), rng.choice(COUNTRIES)
            sa, sr = rng.choice(SECTORS), rng.choice(SECTORS)
            rows.append({"article_id": f"a{art}", "idx": k % per_article, "type": rng.choice(TYPES),
                         "actor_id": f"{a}-{sa}", "actor_name": f"{a} {sa}", "actor_country": a, "actor_sector": sa,
                         "recipient_id": f"{r}-{sr}", "recipient_name": f"{r} {sr}", "recipient_country": r,
                         "recipient_sector": sr, "date": day(art * DAYS // n_articles + rng.randint(-3, 0)),
                         "historical": rng.random() < 0.05, "negated": False, "hypothetical": False,
                         "text": f"Synthetic sentence {k} about {a} and {r}.", "start": 0, "end": 40,
                         "score": -rng.choice((2.0, 3.5, 5.0, 9.0)), "confidence": 0.7,
                         "outlet": OUTLETS[art % len(OUTLETS)], "published": day(art * DAYS // n_articles)})
        with store.engine.begin() as conn:
            conn.execute(insert(schema.events), rows)
    took["events"] = time.perf_counter() - t0

    # the corpus engine's tables: one merged event per `mentions_per_merged` events
    t0 = time.perf_counter()
    n_merged = n_events // mentions_per_merged
    for lo in range(0, n_merged, chunk):
        merged, mentions = [], []
        for m in range(lo, min(n_merged, lo + chunk)):
            a, r, ty = rng.choice(COUNTRIES), rng.choice(COUNTRIES), rng.choice(TYPES)
            art = m * mentions_per_merged // per_article
            merged.append({"id": m + 1, "key": f"{ty}|{a}|{r}|{m}", "type": ty, "actor_key": a.lower(),
                           "actor_name": a, "actor_country": a, "recipient_key": r.lower(), "recipient_name": r,
                           "recipient_country": r, "place": None, "date": day(art * DAYS // n_articles),
                           "day": None, "explicit_date": False, "historical": False, "current": True,
                           "score": -5.0, "weight": 1.0, "text": f"Merged event {m}.",
                           "n_mentions": mentions_per_merged, "n_articles": 2,
                           "outlets": {OUTLETS[art % len(OUTLETS)]: 1}, "first_published": day(art)})
            for j in range(mentions_per_merged):
                mentions.append({"merged_id": m + 1, "article_pk": art + 1, "article_id": f"a{art}", "idx": j,
                                 "outlet": OUTLETS[art % len(OUTLETS)], "published": day(art), "canonical": True,
                                 "text": f"Mention {j} of {m}.", "start": 0, "end": 20, "negated": False,
                                 "hypothetical": False, "reported_by": None})
        with store.engine.begin() as conn:
            conn.execute(insert(t.merged_events), merged)
            conn.execute(insert(t.event_mentions), mentions)
    with store.engine.begin() as conn:
        conn.execute(insert(t.view_state), [{"name": STATE_KEY, "value": n_articles}])
    took["merged_events"] = time.perf_counter() - t0
    return took


def new_article(i: int) -> AnalyzedArticle:
    """A small analysed article, as ingest stores it: two events between known actors."""
    body = f"Russian forces shelled Kharkiv on day {i}. Ukraine accused Russia of the attack."
    rus = Actor(text="Russian forces", name="RUS MIL", id="RUS-MIL", country="RUS", sector="MIL")
    ukr = Actor(text="Ukraine", name="UKR GOV", id="UKR-GOV", country="UKR", sector="GOV")
    cut = body.index(" Ukraine") + 1
    return AnalyzedArticle(
        id=f"new-{i}", source=f"synthetic:new-{i}", title=f"New article {i}", outlet=OUTLETS[0],
        published="2022-12-31", published_from="given", body=body,
        events=[Event(type="ASSAULT", actor=rus, recipient=ukr, text=body[:cut - 1], start=0, end=cut - 1, score=-9.0),
                Event(type="ACCUSE", actor=ukr, recipient=rus, text=body[cut:], start=cut, end=len(body), score=-2.0)])


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def timed(fn: Callable[[], Any], repeat: int, warm: int = 2) -> dict[str, float]:
    for _ in range(warm):
        fn()
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    samples.sort()
    return {"median": statistics.median(samples), "p95": samples[min(len(samples) - 1, int(0.95 * len(samples)))]}


def raw_events(store: Store, params: dict[str, Any]) -> Callable[[], Any]:
    """The bare SQL of /api/events: the same WHERE, ORDER BY and LIMIT, rows fetched, nothing else."""
    e = schema.events
    q = select(e)
    if "type" in params:
        q = q.where(e.c.type == params["type"])
    if "country" in params:
        q = q.where(or_(e.c.actor_country == params["country"], e.c.recipient_country == params["country"]))
    if "actor" in params:
        a = params["actor"]
        q = q.where(or_(e.c.actor_id == a, e.c.recipient_id == a))  # an id: names are tried only when none is
    if "outlet" in params:
        q = q.where(e.c.outlet == params["outlet"])
    if "date_from" in params:
        q = q.where(e.c.date >= params["date_from"])
    if "date_to" in params:
        q = q.where(e.c.date <= params["date_to"] + "\uffff")
    q = q.order_by(e.c.date, e.c.article_id, e.c.idx).limit(params.get("limit", 100)).offset(params.get("offset", 0))

    def run() -> Any:
        with store.engine.connect() as conn:
            return conn.execute(q).all()
    return run


def raw_timeline(store: Store, params: dict[str, Any]) -> Callable[[], Any]:
    """The bare SQL a timeline page needs: one page of merged events plus their mentions."""
    me, em = t.merged_events, t.event_mentions
    q = select(me).where(me.c.date.is_not(None))
    if "type" in params:
        q = q.where(me.c.type == params["type"])
    if "country" in params:
        q = q.where(or_(me.c.actor_country == params["country"], me.c.recipient_country == params["country"]))
    if "date_from" in params:
        q = q.where(me.c.date >= params["date_from"])
    if "date_to" in params:
        q = q.where(me.c.date <= params["date_to"] + "\uffff")
    q = q.order_by(me.c.date, me.c.id).limit(params.get("limit", 100)).offset(params.get("offset", 0))

    def run() -> Any:
        with store.engine.connect() as conn:
            page = conn.execute(q).all()
            ids = [r.id for r in page]
            return page, conn.execute(select(em).where(em.c.merged_id.in_(ids))).all()
    return run


CASES: list[tuple[str, str, dict[str, Any]]] = [
    ("events", "first page", {"limit": 100}),
    ("events", "type", {"type": "ASSAULT", "limit": 100}),
    ("events", "country+month", {"country": "UKR", "date_from": "2022-03-01", "date_to": "2022-03-31", "limit": 50}),
    ("events", "actor, page 50", {"actor": "RUS-MIL", "limit": 100, "offset": 5000}),
    ("events", "outlet+type", {"outlet": "Outlet 7", "type": "THREATEN", "limit": 100}),
    ("events", "deep page", {"limit": 100, "offset": 200_000}),
    ("timeline", "first page", {"limit": 100}),
    ("timeline", "type+range", {"type": "ASSAULT", "date_from": "2022-01-01", "date_to": "2022-06-30", "limit": 50}),
    ("timeline", "country, page 10", {"country": "UKR", "limit": 100, "offset": 1000}),
]


def _getter(client: httpx.Client, path: str, params: dict[str, Any]) -> Callable[[], Any]:
    def run() -> Any:
        return client.get(path, params=params).raise_for_status()
    return run


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--timeline-repeat", type=int, default=10)
    ap.add_argument("--view-repeat", type=int, default=3, help="the corpus view is slow on big stores")
    ap.add_argument("--no-view", action="store_true", help="do not time the corpus view called directly")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="flashpoint-bench-"))
    try:
        store = Store(f"sqlite:///{tmp / 'bench.db'}")
        took = fill(store, args.events)
        print(f"filled {args.events:,} events in {took['events']:.1f}s "
              f"(articles {took['articles']:.1f}s, merged events + mentions {took['merged_events']:.1f}s)", flush=True)
        with store.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
        port = _free_port()
        server = uvicorn.Server(uvicorn.Config(create_app(store=store), host="127.0.0.1", port=port,
                                               log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=600)
        print(f"\n{'endpoint':<10} {'case':<18} {'rows':>5} {'API median':>11} {'API p95':>9} "
              f"{'SQL median':>11} {'SQL p95':>9} {'ratio':>7}   view (Python paging) median, p95, ratio to API")
        for endpoint, name, params in CASES:
            resp = client.get(f"/api/{endpoint}", params=params)
            resp.raise_for_status()
            n = resp.json()["count"]
            repeat = args.repeat if endpoint == "events" else args.timeline_repeat
            api = timed(_getter(client, f"/api/{endpoint}", params), repeat)
            raw = timed(raw_events(store, params) if endpoint == "events" else raw_timeline(store, params), repeat)
            line = (f"{endpoint:<10} {name:<18} {n:>5} {api['median']:>9.1f}ms {api['p95']:>7.1f}ms "
                    f"{raw['median']:>9.1f}ms {raw['p95']:>7.1f}ms {api['median'] / raw['median']:>6.1f}x")
            if endpoint == "timeline" and not args.no_view:
                view = timed(lambda p=params: views.timeline(store, **p), args.view_repeat, warm=1)
                line += (f"   {view['median']:>9.1f}ms {view['p95']:>9.1f}ms "
                         f"{view['median'] / api['median']:>6.1f}x")
            print(line, flush=True)
        # pages and actor endpoints: the first request after an article was added (the actor table merges it
        # in, the corpus views process it) against the same request warm, the baseline
        print(f"\n{'path':<40} {'first':>10} {'median':>9} {'p95':>9} {'first/median':>13}")
        paths = ["/api/actors", "/api/actors/RUS-MIL", "/", "/actors", "/actors/RUS-MIL", "/timeline",
                 "/timeline?type=ASSAULT&country=UKR", "/api/escalation?country=UKR&limit=1000"]
        t0 = time.perf_counter()
        client.get("/api/actors").raise_for_status()
        print(f"{'/api/actors (first count, empty cache)':<40} {(time.perf_counter() - t0) * 1000:>8.1f}ms")
        for i, path in enumerate([*paths, "/api/actors"]):
            if i < len(paths):
                store.add(new_article(i))
                label = path
            else:  # a span of an old article rewritten: the actor table is counted again in full
                with store.engine.begin() as conn:
                    conn.execute(insert(schema.entities), [{"article_id": "a0", "start": 0, "end": 1, "text": "x",
                                                            "type": "GPE", "entity_id": "RUS", "name": "Russia"}])
                label = path + " (full recount)"
            t0 = time.perf_counter()
            client.get(path).raise_for_status()
            first = (time.perf_counter() - t0) * 1000
            warm = timed(_getter(client, path, {}), args.timeline_repeat, warm=0)
            print(f"{label:<40} {first:>8.1f}ms {warm['median']:>7.1f}ms {warm['p95']:>7.1f}ms "
                  f"{first / warm['median']:>12.1f}x", flush=True)
        server.should_exit = True
        thread.join(10)
        store.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
