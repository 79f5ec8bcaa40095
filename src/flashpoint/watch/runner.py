"""The watch loop: poll each due source under its lease, ingest new items through the same workflow as
`flashpoint ingest`, bring the corpus views up to date, record new alerts and deliver them.

Stopping (SIGTERM, SIGINT) is checked between items: the item in hand is finished and stored, the
source's validators are not saved (so the next run lists the feed again and skips what was handled),
and nothing half-done is left. A SIGKILL at any moment loses nothing stored: items are recorded only
after their article is stored, and storing is idempotent, so an interrupted item is simply redone.
"""

from __future__ import annotations

import os
import signal
import socket
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TextIO

from sqlalchemy.exc import IntegrityError

from flashpoint.store.store import Store
from flashpoint.watch import alerts as alerts_mod
from flashpoint.watch import deliver, health
from flashpoint.watch.config import Source, WatchConfig
from flashpoint.watch.logs import Log, json_logger
from flashpoint.watch.poll import PollError, item_articles, list_items
from flashpoint.workflow import ingest_articles

MAX_SLEEP_S = 5.0


@dataclass
class CycleReport:
    polled: int = 0
    not_modified: int = 0
    failed: int = 0
    items: int = 0
    stored: int = 0
    duplicates: int = 0
    item_errors: int = 0
    new_alerts: list[dict[str, Any]] = field(default_factory=list)
    delivered: int = 0
    stopped: bool = False


@dataclass
class Watch:
    config: WatchConfig
    store: Store
    owner: str = field(default_factory=lambda: f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}")
    clock: Callable[[], float] = time.time
    stop: threading.Event = field(default_factory=threading.Event)
    log: Log = field(default_factory=json_logger)
    out: TextIO | None = None  # where the stdout channel writes (default: sys.stdout)
    detected_at_pk: int = -1

    def __post_init__(self) -> None:
        health.register(self.store, self.config.sources)
        stale = deliver.mark_stale(self.store, self.clock(), self.config.lease_s)
        if stale:
            self.log("deliveries_unknown", level="warning", count=stale,
                     why="left 'sending' by a process that stopped; not sent again")


def refresh_views(store: Store) -> None:
    """The incremental view update `ingest` runs; a batch another process is updating is left to it."""
    from flashpoint.corpus.update import update_views

    try:
        update_views(store)
    except IntegrityError:
        pass


def poll_source(w: Watch, src: Source, report: CycleReport) -> None:
    """One poll of one source, under its lease; health recorded whatever happens."""
    cfg, store = w.config, w.store
    if not health.acquire(store, src.id, w.owner, w.clock(), cfg.lease_s):
        return
    try:
        report.polled += 1
        etag, last_modified = health.validators(store, src.id)
        try:
            listing = list_items(src, cfg, etag, last_modified)
        except PollError as exc:
            _failed(w, src, str(exc), report)
            return
        except Exception as exc:  # noqa: BLE001 - a broken source never stops the watcher
            _failed(w, src, f"{type(exc).__name__}: {exc}", report)
            return
        if listing.not_modified:
            report.not_modified += 1
            health.record_success(store, src, w.owner, w.clock(), etag=etag, last_modified=last_modified, seen=0,
                                  stored=0)
            w.log("not_modified", source=src.name, kind=src.kind)
            return
        handled = health.handled_keys(store, src.id, cfg.max_item_attempts)
        new = [item for item in listing.items if item.key not in handled]
        seen = stored = 0
        item_failed = False
        for item in new:
            if w.stop.is_set():
                health.record_partial(store, src, w.owner, w.clock(), seen, stored)
                report.stopped = True
                w.log("poll_interrupted", source=src.name, done=seen, left=len(new) - seen)
                return
            if not health.renew(store, src.id, w.owner, w.clock(), cfg.lease_s):
                w.log("lease_lost", level="warning", source=src.name)
                return
            result = ingest_articles(item_articles(src, item, cfg), store, update_views=False)
            seen += 1
            report.items += 1
            stored += len(result.stored)
            report.stored += len(result.stored)
            report.duplicates += len(result.duplicates)
            ids = result.stored + result.duplicates
            for err in result.errors:
                report.item_errors += 1
                w.log("item_failed", level="warning", source=src.name, item=err.source, error=err.message)
            for note in result.warnings:  # stored, without records: its language is not one flashpoint analyses
                w.log("item_not_analysed", level="warning", source=src.name, item=note.source, warning=note.message)
            state = "stored" if result.stored else "duplicate" if ids else "failed"
            item_failed = item_failed or state == "failed"
            health.record_item(store, src.id, item.key, item.link, state, w.clock(), article_ids=ids,
                               error="; ".join(e.message for e in result.errors)[:2000] or None)
        # a failed item is retried next poll: do not let a 304 hide the feed until it changes
        health.record_success(store, src, w.owner, w.clock(), etag=None if item_failed else listing.etag,
                              last_modified=None if item_failed else listing.last_modified, seen=seen, stored=stored)
        w.log("polled", source=src.name, kind=src.kind, listed=len(listing.items), new=len(new), stored=stored)
    finally:
        health.release(store, src.id, w.owner)


def _failed(w: Watch, src: Source, error: str, report: CycleReport) -> None:
    report.failed += 1
    delay = health.record_failure(w.store, src, w.owner, w.clock(), error, w.config.max_backoff_s)
    w.log("poll_failed", level="warning", source=src.name, kind=src.kind, error=error, retry_in_s=round(delay, 3))


def cycle(w: Watch) -> CycleReport:
    """Poll every due source once, then update views, record new alerts and deliver what is due."""
    report = CycleReport()
    for src in w.config.sources:
        if w.stop.is_set():
            report.stopped = True
            break
        poll_source(w, src, report)
    if report.stored:
        refresh_views(w.store)
    pk = w.store.max_pk()
    if pk != w.detected_at_pk:
        found = alerts_mod.detect(w.store, w.config.thresholds)
        report.new_alerts = alerts_mod.record_new(w.store, found, w.config.channels, w.clock())
        for alert in report.new_alerts:
            w.log("alert", alert=alert["id"], kind=alert["kind"], title=alert["title"])
        w.detected_at_pk = pk
    report.delivered = deliver.deliver_pending(w.store, w.config, w.owner, w.clock(),
                                               deliver.senders(w.config, w.out), w.log, w.clock)
    return report


def run(w: Watch, once: bool = False) -> CycleReport:
    """Cycle until stopped (or once); sleeps until the next source or delivery is due."""
    w.log("watch_started", owner=w.owner, sources=len(w.config.sources), channels=w.config.channels, once=once)
    total = CycleReport()
    while True:
        report = cycle(w)
        for name in ("polled", "not_modified", "failed", "items", "stored", "duplicates", "item_errors", "delivered"):
            setattr(total, name, getattr(total, name) + getattr(report, name))
        total.new_alerts.extend(report.new_alerts)
        if once or w.stop.is_set():
            break
        due = health.next_due(w.store, [s.id for s in w.config.sources])
        wait = MAX_SLEEP_S if due is None else min(MAX_SLEEP_S, max(0.0, due - w.clock()))
        if w.stop.wait(max(wait, 0.05)):
            break
    total.stopped = w.stop.is_set()
    w.log("watch_stopped", owner=w.owner, polled=total.polled, stored=total.stored, alerts=len(total.new_alerts),
          delivered=total.delivered, interrupted=total.stopped)
    return total


def install_signal_handlers(w: Watch) -> None:
    """SIGTERM and SIGINT ask for a stop between items; a second SIGINT interrupts at once."""

    def handler(signum: int, _frame: Any) -> None:
        if w.stop.is_set() and signum == signal.SIGINT:
            raise KeyboardInterrupt
        w.log("stopping", signal=signal.Signals(signum).name)
        w.stop.set()

    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)
