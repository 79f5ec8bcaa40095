"""`flashpoint watch` polling many local feeds: items per second, and the delay from an item appearing in
a feed to its alert arriving at a webhook (median and 95th percentile).

    .venv/bin/python benchmarks/bench_watch.py [--feeds 200] [--items 50] [--rounds 10] [--baseline-feeds 20]

A ThreadingHTTPServer on 127.0.0.1 serves FEEDS RSS feeds of ITEMS articles each (distinct generated
reports, each feed its own outlet) with ETag/304, and receives the webhook. In the same run:
- baseline: `flashpoint ingest` (workflow.ingest) of the first BASELINE_FEEDS feeds into a fresh store:
  the same fetching, cleaning, analysis and storing, without the watcher's bookkeeping;
- throughput: one `watch --once` pass over all feeds into another fresh store: items/s, and the ratio
  to the baseline's items/s;
- delay: the watcher then runs continuously (every source due every second, alerts on a story reported
  by 2 outlets, a webhook channel); ROUNDS times, one new report appears in two random feeds at once and
  the clock runs until the webhook receives the alert citing it.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

PLACES = ["Alderford", "Brimwick", "Caston", "Dunmere", "Elmbury", "Farrowdale", "Glenhollow", "Hartsea",
          "Ivybridge", "Kettlebrook", "Larkmoor", "Millhaven", "Northwold", "Oakridge", "Pellmouth", "Quarrytown",
          "Ravensholt", "Stonebury", "Thornfield", "Upwell", "Valewood", "Westmarch", "Yarrowby", "Zennor"]
SUBJECTS = ["council", "hospital", "harbour authority", "water board", "university", "rail operator",
            "chamber of commerce", "fire service", "school board", "orchestra", "football club", "museum"]
ACTIONS = ["approves a budget of {n} million", "reports {n} new members", "opens {n} new offices",
           "cuts {n} jobs", "plans {n} new homes", "receives a grant of {n} thousand", "hires {n} staff",
           "closes {n} branches", "repairs {n} bridges", "plants {n} trees"]


def page_text(rng: random.Random, k: int) -> tuple[str, str]:
    place, subject, action = rng.choice(PLACES), rng.choice(SUBJECTS), rng.choice(ACTIONS)
    n = rng.randint(2, 900)
    title = f"{place} {subject} {action.format(n=n)}"
    body = (f"The {subject} in {place} said on Tuesday that it {action.format(n=n).split(' ', 1)[0]} "
            f"{action.format(n=n).split(' ', 1)[1]}, in a statement numbered {k}. Officials in {place} said "
            f"the decision followed {rng.randint(2, 40)} months of talks and a vote of {rng.randint(5, 60)} "
            f"to {rng.randint(0, 4)}. Residents will be consulted on day {rng.randint(1, 28)}.")
    return title, body


SYLLABLES = ["ka", "zu", "mor", "vel", "tri", "dan", "qui", "sor", "bel", "nix", "rho", "tam", "gul", "fer", "wy"]
SCENES = [  # each with words of its own, so no two rounds read as one story
    ("{a} ferry convoy halted off {b} Point", "Harbour pilots turned back {n} ferries bound for {b} Point at dawn."),
    ("{a} dam floods the valley below {b}", "Engineers opened {n} sluices as the reservoir above {b} overflowed."),
    ("{a} mine collapse traps workers at {b}", "Rescuers drilled toward {n} trapped miners deep beneath {b}."),
    ("{a} airline grounds jets at {b} airfield", "Mechanics found cracked turbine blades in {n} jets parked at {b}."),
    ("{a} grain silo fire spreads across {b} docks", "Smoke from {n} burning silos drifted over the {b} wharves."),
    ("{a} avalanche buries the pass above {b}", "Snowploughs cleared {n} metres of packed snow from the {b} pass."),
    ("{a} chemical leak forces evacuation of {b}", "Toxic vapour from {n} ruptured tanks crept into streets of {b}."),
    ("{a} bridge cable snaps over {b} gorge", "Welders inspected {n} steel strands swinging across {b} gorge."),
    ("{a} locust swarm strips orchards near {b}", "Farmers watched {n} hectares of apricot trees stripped near {b}."),
    ("{a} tanker runs aground on {b} reef", "Divers measured a gash of {n} centimetres in the hull off {b}."),
]


def invented(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()


def round_report(rng: random.Random, r: int) -> tuple[str, str]:
    """A report unlike any other in the run: invented names, a scene of its own."""
    a, b = invented(rng), invented(rng)
    head, lead = SCENES[r % len(SCENES)]
    title = head.format(a=a, b=b)
    return title, f"{lead.format(n=rng.randint(3, 90), b=b)} {a} said."


class Site:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.feeds: dict[int, list[str]] = {}
        self.pages: dict[str, tuple[str, str]] = {}
        self.version: dict[int, int] = {}
        self.appeared: dict[str, float] = {}  # page URL path -> when it first appeared in a feed
        self.hook: list[tuple[float, dict[str, Any]]] = []
        self.base = ""

    def add(self, feed: int, slug: str, title: str, body: str, now: float | None = None) -> None:
        with self.lock:
            self.pages[slug] = (title, body)
            self.feeds.setdefault(feed, []).append(slug)
            self.version[feed] = self.version.get(feed, 0) + 1
            self.appeared[f"/page/{slug}.html"] = now if now is not None else time.time()

    def feed_xml(self, feed: int) -> bytes:
        items = "".join(f"<item><title>{self.pages[s][0]}</title><link>{self.base}/page/{s}.html</link>"
                        f"<guid>{s}</guid><pubDate>Tue, 01 Mar 2022 10:00:00 GMT</pubDate></item>"
                        for s in self.feeds[feed][-100:])
        return (f"<?xml version='1.0'?><rss version='2.0'><channel><title>feed {feed}</title><link>{self.base}/"
                f"</link><description>d</description>{items}</channel></rss>").encode()


def handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class H(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *a: object) -> None:
            pass

        def send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8", etag: str = "") -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            if etag:
                self.send_header("ETag", etag)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802
            if self.path.startswith("/feed/"):
                feed = int(self.path[6:].removesuffix(".xml"))
                with site.lock:
                    etag = f'"{feed}-{site.version.get(feed, 0)}"'
                    if self.headers.get("If-None-Match") == etag:
                        return self.send(304, b"", etag=etag)
                    body = site.feed_xml(feed)
                return self.send(200, body, "application/rss+xml", etag)
            slug = self.path[6:].removesuffix(".html")
            title, body = site.pages[slug]
            html = (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{body}</p>"
                    f"</article></body></html>").encode()
            self.send(200, html)

        def do_POST(self) -> None:  # noqa: N802
            data = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)))
            with site.lock:
                site.hook.append((time.time(), data))
            self.send(200, b"{}", "application/json")

    return H


def watch_config(site: Site, feeds: int, interval: float, min_outlets: int) -> Any:
    from flashpoint.watch.config import build_config

    return build_config({
        "interval_s": interval, "timeout_s": 20, "trusted_hosts": ["127.0.0.1"],
        "sources": [{"feed": f"{site.base}/feed/{i}.xml", "outlet": f"Outlet {i}"} for i in range(feeds)],
        "thresholds": {"story_outlets": min_outlets, "escalation": False, "disputed_figures": False},
        "channels": {"stdout": False, "webhook": {"url": f"{site.base}/hook", "retry_base_s": 1}}})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--feeds", type=int, default=200)
    ap.add_argument("--items", type=int, default=50)
    ap.add_argument("--rounds", type=int, default=10, help="at most 10 (one scene each)")
    ap.add_argument("--baseline-feeds", type=int, default=20)
    ap.add_argument("--log", action="store_true", help="the watcher's JSON logs on standard error")
    args = ap.parse_args()

    from flashpoint.store.store import Store
    from flashpoint.watch.logs import json_logger
    from flashpoint.watch.runner import Watch, cycle, run
    from flashpoint.watch.tables import watch_sources
    from flashpoint.workflow import ingest

    rng = random.Random(7)
    site = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler(site))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    k = 0
    for f in range(args.feeds):
        for _ in range(args.items):
            k += 1
            site.add(f, f"f{f}-{k}", *page_text(rng, k))
    tmp = Path(tempfile.mkdtemp(prefix="bench-watch-"))
    quiet = json_logger() if args.log else json_logger(open("/dev/null", "w"))  # noqa: SIM115

    # warm-up (word lists, gazetteers, spaCy), so neither timed part pays for it
    from flashpoint.ingest.pipeline import load_articles
    from flashpoint.workflow import ingest_articles

    ingest_articles(load_articles([f"{site.base}/feed/0.xml"], allow_private=True),
                    Store(f"sqlite:///{tmp / 'warm.db'}"))
    # baseline: the same kind of work through `flashpoint ingest`
    n_base = min(args.baseline_feeds, args.feeds)
    base_store = Store(f"sqlite:///{tmp / 'baseline.db'}")
    t0 = time.perf_counter()
    base = ingest([f"{site.base}/feed/{i}.xml" for i in range(n_base)], base_store, allow_private=True)
    base_s = time.perf_counter() - t0
    base_rate = len(base.stored) / base_s
    print(f"baseline ingest: {len(base.stored)} items in {base_s:.1f} s", file=sys.stderr, flush=True)

    # throughput: one watch pass over every feed
    store = Store(f"sqlite:///{tmp / 'watch.db'}")
    w = Watch(watch_config(site, args.feeds, 1.0, 2), store, log=quiet)
    t0 = time.perf_counter()
    first = run(w, once=True)
    watch_s = time.perf_counter() - t0
    rate = first.stored / watch_s
    print(f"watch --once: {first.stored} items in {watch_s:.1f} s", file=sys.stderr, flush=True)

    # delay: new reports appear while the watcher runs
    w.stop.clear()
    runner = threading.Thread(target=run, args=(w,), daemon=True)
    runner.start()
    delays = []
    for r in range(args.rounds):
        time.sleep(0.5)
        title, body = round_report(rng, r)
        a, b = rng.sample(range(args.feeds), 2)
        appeared = time.time()
        site.add(a, f"r{r}-a", title, body + f" Reporting by Outlet {a}.", appeared)
        site.add(b, f"r{r}-b", title, body + f" Reporting by Outlet {b}.", appeared)
        deadline = time.time() + 300
        got = None
        while got is None and time.time() < deadline:
            with site.lock:
                got = next((t for t, alert in site.hook if title in alert["title"]), None)
            time.sleep(0.01)
        if got is not None:
            delays.append(got - appeared)
        print(f"round {r}: {'%.2f s' % (got - appeared) if got is not None else 'no alert'}", file=sys.stderr,
              flush=True)
    w.stop.set()
    runner.join(60)
    # where the delay goes: a pass with nothing new (every feed answers 304), and finding alerts once
    from flashpoint.watch import alerts as alerts_mod

    w.stop.clear()
    with store.engine.begin() as conn:
        conn.execute(watch_sources.update().values(next_poll=0.0))
    t0 = time.perf_counter()
    idle = cycle(w)
    idle_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    alerts_mod.detect(store, w.config.thresholds)
    detect_s = time.perf_counter() - t0
    server.shutdown()
    delays.sort()
    p95 = delays[min(len(delays) - 1, int(round(0.95 * (len(delays) - 1))))] if delays else float("nan")
    result = {
        "feeds": args.feeds, "items_per_feed": args.items, "items": args.feeds * args.items,
        "baseline_ingest": {"feeds": n_base, "stored": len(base.stored), "seconds": round(base_s, 2),
                            "items_per_s": round(base_rate, 1)},
        "watch_once": {"stored": first.stored, "seconds": round(watch_s, 2), "items_per_s": round(rate, 1),
                       "ratio_to_ingest": round(rate / base_rate, 2) if base_rate else None,
                       "alerts": len(first.new_alerts)},
        "idle_pass": {"feeds_polled": idle.polled, "not_modified": idle.not_modified, "seconds": round(idle_s, 2)},
        "find_alerts_seconds": round(detect_s, 2),
        "delay": {"rounds": args.rounds, "alerts_received": len(delays),
                  "median_s": round(statistics.median(delays), 2) if delays else None,
                  "p95_s": round(p95, 2) if delays else None},
    }
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
