"""Source health and leases in the store: who polls a source now, when it is due, how it has fared.

A lease is a conditional UPDATE (owner and expiry set only where no live lease is held), so on
PostgreSQL two watch processes never poll the same source at once; the holder renews it per item.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterable
from typing import Any

from sqlalchemy import and_, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from flashpoint.store.store import Store
from flashpoint.watch.config import Source
from flashpoint.watch.tables import watch_items, watch_sources

S = watch_sources.c


def register(store: Store, sources: Iterable[Source]) -> None:
    """Make sure every source has a row; a changed interval or outlet is taken over, health is kept."""
    for src in sources:
        with store.engine.begin() as conn:
            row = conn.execute(select(S.id).where(S.id == src.id)).first()
            if row is not None:
                conn.execute(update(watch_sources).where(S.id == src.id)
                             .values(interval_s=src.interval_s, outlet=src.outlet))
                continue
        try:
            with store.engine.begin() as conn:
                conn.execute(insert(watch_sources).values(
                    id=src.id, kind=src.kind, target=src.target, outlet=src.outlet, interval_s=src.interval_s,
                    state="new", failures=0, next_poll=0.0, items_seen=0, items_stored=0))
        except IntegrityError:
            pass  # another watch process registered it at the same moment


def dead_local_owner(owner: str | None) -> bool:
    """Whether a lease belongs to a process on this host that no longer runs (killed, crashed)."""
    if not owner:
        return False
    host, _, rest = owner.partition(":")
    pid = rest.partition(":")[0]
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


def acquire(store: Store, source_id: str, owner: str, now: float, lease_s: float) -> bool:
    """Take the source's lease if it is due and nobody else holds a live lease on it (a lease left by a
    dead process on this host is taken over at once rather than waiting for it to expire)."""
    with store.engine.begin() as conn:
        held = conn.execute(select(S.lease_owner, S.lease_until).where(S.id == source_id)).first()
        free = or_(S.lease_owner.is_(None), S.lease_until < now, S.lease_owner == owner)
        if held is not None and held[0] and held[0] != owner and (held[1] or 0) >= now and dead_local_owner(held[0]):
            free = or_(free, S.lease_owner == held[0])
        got = conn.execute(update(watch_sources).where(S.id == source_id, S.next_poll <= now, free)
                           .values(lease_owner=owner, lease_until=now + lease_s)).rowcount
    return bool(got)


def renew(store: Store, source_id: str, owner: str, now: float, lease_s: float) -> bool:
    """Extend a held lease; False when it was lost (expired and taken by another process)."""
    with store.engine.begin() as conn:
        got = conn.execute(update(watch_sources).where(S.id == source_id, S.lease_owner == owner)
                           .values(lease_until=now + lease_s)).rowcount
    return bool(got)


def release(store: Store, source_id: str, owner: str) -> None:
    with store.engine.begin() as conn:
        conn.execute(update(watch_sources).where(S.id == source_id, S.lease_owner == owner)
                     .values(lease_owner=None, lease_until=None))


def validators(store: Store, source_id: str) -> tuple[str | None, str | None]:
    with store.engine.connect() as conn:
        row = conn.execute(select(S.etag, S.last_modified).where(S.id == source_id)).first()
    return (row[0], row[1]) if row else (None, None)


def record_success(store: Store, src: Source, owner: str, now: float, *, etag: str | None,
                   last_modified: str | None, seen: int, stored: int, keep_validators: bool = True) -> None:
    """A poll that finished: health ok, next poll one interval on, validators kept for the next one."""
    values: dict[str, Any] = {"state": "ok", "last_poll": now, "last_success": now, "failures": 0,
                              "next_poll": now + src.interval_s, "items_seen": S.items_seen + seen,
                              "items_stored": S.items_stored + stored}
    if keep_validators:
        values.update(etag=etag, last_modified=last_modified)
    with store.engine.begin() as conn:
        conn.execute(update(watch_sources).where(S.id == src.id, S.lease_owner == owner).values(**values))


def record_partial(store: Store, src: Source, owner: str, now: float, seen: int, stored: int) -> None:
    """A poll stopped between items: count what was done, poll again at once next time."""
    with store.engine.begin() as conn:
        conn.execute(update(watch_sources).where(S.id == src.id, S.lease_owner == owner).values(
            items_seen=S.items_seen + seen, items_stored=S.items_stored + stored, next_poll=now))


def backoff_s(interval_s: float, failures: int, max_backoff_s: float) -> float:
    """Wait interval * 2^failures (at least 1 s a step), at most max_backoff_s."""
    return float(min(max(interval_s, 1.0) * 2 ** failures, max_backoff_s))


def record_failure(store: Store, src: Source, owner: str, now: float, error: str, max_backoff_s: float) -> float:
    """A poll that failed: note the error and back off exponentially; returns the delay chosen."""
    with store.engine.begin() as conn:
        failures = int(conn.execute(select(S.failures).where(S.id == src.id)).scalar() or 0) + 1
        delay = backoff_s(src.interval_s, failures, max_backoff_s)
        conn.execute(update(watch_sources).where(S.id == src.id, S.lease_owner == owner).values(
            state="failing", last_poll=now, last_error=error[:2000], last_error_at=now, failures=failures,
            next_poll=now + delay))
    return delay


def next_due(store: Store, source_ids: list[str]) -> float | None:
    """When the earliest of these sources is next due."""
    if not source_ids:
        return None
    with store.engine.connect() as conn:
        value = conn.execute(select(func.min(S.next_poll)).where(S.id.in_(source_ids))).scalar()
    return float(value) if value is not None else None


# -- items ---------------------------------------------------------------------------------------

def handled_keys(store: Store, source_id: str, max_attempts: int) -> set[str]:
    """Items not to fetch again: stored, duplicates, and failures that used up their attempts."""
    i = watch_items.c
    with store.engine.connect() as conn:
        rows = conn.execute(select(i.key).where(i.source_id == source_id, or_(
            i.state != "failed", and_(i.state == "failed", i.attempts >= max_attempts))))
        return {r[0] for r in rows}


def record_item(store: Store, source_id: str, key: str, link: str | None, state: str, now: float,
                article_ids: list[str] | None = None, error: str | None = None) -> None:
    """Note an item as handled (stored, duplicate) or failed (counting its attempts)."""
    i = watch_items.c
    with store.engine.begin() as conn:
        row = conn.execute(select(i.pk, i.attempts).where(i.source_id == source_id, i.key == key)).first()
        if row is None:
            conn.execute(insert(watch_items).values(source_id=source_id, key=key, link=link, state=state,
                                                    attempts=1, article_ids=article_ids, error=error, seen_at=now))
        else:
            conn.execute(update(watch_items).where(i.pk == row[0]).values(
                state=state, attempts=row[1] + 1, article_ids=article_ids, error=error, seen_at=now))


def list_sources(store: Store) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(select(watch_sources).order_by(S.kind, S.target))]
