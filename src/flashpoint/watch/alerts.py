"""Alerts found in the corpus views, each with a stable id so the same condition is one alert forever.

Three kinds: an escalation break (a dyad's day above its baseline, `corpus/escalation.py`), a figure
newly disputed between outlets (a claim group whose status turns 'disagree' with two or more outlets),
and a story newly reported by N outlets. A new alert is stored with one pending delivery per
configured channel in the same transaction, so it is delivered once to each, whichever process found it.
"""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from flashpoint.corpus import views
from flashpoint.store.store import Store
from flashpoint.watch.config import Thresholds
from flashpoint.watch.tables import watch_alerts, watch_deliveries


def alert_id(kind: str, *key: object) -> str:
    return hashlib.sha256("\n".join([kind, *(str(k) for k in key)]).encode()).hexdigest()[:24]


def escalation_alerts(store: Store, recent_days: int = 0) -> list[dict[str, Any]]:
    """Breaks within `recent_days` of the latest day the index counts (0: all): a watcher started on a
    corpus with months of history raises today's breaks, not every break it ever had."""
    rows = views.alerts(store)
    if recent_days and rows:
        import datetime as dt

        latest = max(dt.date.fromisoformat(r["date"]) for r in views.escalation(store))
        since = (latest - dt.timedelta(days=recent_days)).isoformat()
        rows = [r for r in rows if r["date"] >= since]
    out = []
    for r in rows:
        out.append({"id": alert_id("escalation", r["dyad"], r["date"]), "kind": "escalation",
                    "title": f"Escalation {r['dyad']} on {r['date']}: {r['value']:g} against a baseline of "
                             f"{r['baseline']:g} (threshold {r['threshold']:g})",
                    "detail": {k: r.get(k) for k in ("dyad", "actor", "recipient", "date", "value", "baseline",
                                                     "threshold", "events")},
                    "article_ids": []})
    return out


def disputed_alerts(store: Store) -> list[dict[str, Any]]:
    out, seen = [], set()
    for g in views.claims(store, status="disagree"):
        outlets = {v.get("outlet") for v in g["values"] if v.get("outlet")}
        if len(outlets) < 2:
            continue
        aid = alert_id("disputed_figure", g["kind"], g["subject"], g.get("period"))
        if aid in seen:
            continue
        seen.add(aid)
        figures = "; ".join(f"{v['value']:,.0f} ({v.get('outlet') or '?'})" for v in g["values"])
        out.append({"id": aid, "kind": "disputed_figure",
                    "title": f"Disputed figure: {g['kind']} of {g['subject']}"
                             f"{' (' + g['period'] + ')' if g.get('period') else ''}: {figures}",
                    "detail": {"kind": g["kind"], "subject": g["subject"], "period": g.get("period"),
                               "outlets": sorted(outlets),
                               "values": [{"value": v["value"], "outlet": v.get("outlet"), "date": v.get("date"),
                                           "claimed_by": v.get("claimed_by"), "article_id": v["article_id"]}
                                          for v in g["values"]]},
                    "article_ids": sorted({v["article_id"] for v in g["values"]})})
    return out


def story_alerts(store: Store, min_outlets: int) -> list[dict[str, Any]]:
    out = []
    for s in views.stories(store):
        if s["n_outlets"] < min_outlets:
            continue
        out.append({"id": alert_id("story_outlets", s["id"], min_outlets), "kind": "story_outlets",
                    "title": f"Story reported by {s['n_outlets']} outlets: {s['title']}",
                    "detail": {"story_id": s["id"], "title": s["title"], "outlets": s["outlets"],
                               "first_date": s["first_date"], "last_date": s["last_date"]},
                    "article_ids": s["article_ids"]})
    return out


def detect(store: Store, thresholds: Thresholds) -> list[dict[str, Any]]:
    """Every alert condition true now (new or not)."""
    found: list[dict[str, Any]] = []
    if thresholds.escalation:
        found.extend(escalation_alerts(store, thresholds.escalation_recent_days))
    if thresholds.disputed_figures:
        found.extend(disputed_alerts(store))
    if thresholds.story_outlets > 0:
        found.extend(story_alerts(store, thresholds.story_outlets))
    return found


def record_new(store: Store, found: list[dict[str, Any]], channels: list[str], now: float) -> list[dict[str, Any]]:
    """Store the alerts not stored before, each with a pending delivery per channel; returns them."""
    if not found:
        return []
    with store.engine.connect() as conn:
        known = {r[0] for r in conn.execute(select(watch_alerts.c.id))}
    new = []
    for alert in found:
        if alert["id"] in known:
            continue
        try:
            with store.engine.begin() as conn:
                conn.execute(insert(watch_alerts).values(id=alert["id"], kind=alert["kind"], title=alert["title"],
                                                         detail=alert["detail"], article_ids=alert["article_ids"],
                                                         created_at=now))
                if channels:
                    conn.execute(insert(watch_deliveries), [
                        {"alert_id": alert["id"], "channel": ch, "state": "pending", "attempts": 0,
                         "next_attempt": now, "updated_at": now} for ch in channels])
        except IntegrityError:
            continue  # another watch process recorded it first
        known.add(alert["id"])
        new.append({**alert, "created_at": now})
    return new


def list_alerts(store: Store, limit: int = 200) -> list[dict[str, Any]]:
    """Newest alerts first, each with its delivery state per channel."""
    a, d = watch_alerts.c, watch_deliveries.c
    with store.engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(select(watch_alerts).order_by(a.created_at.desc(), a.id)
                                                       .limit(limit))]
        ids = [r["id"] for r in rows]
        deliveries: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
        if ids:
            for dr in conn.execute(select(watch_deliveries).where(d.alert_id.in_(ids)).order_by(d.channel)):
                deliveries[dr.alert_id].append({"channel": dr.channel, "state": dr.state, "attempts": dr.attempts,
                                                "sent_at": dr.sent_at, "last_error": dr.last_error})
    for r in rows:
        r["deliveries"] = deliveries.get(r["id"], [])
    return rows
