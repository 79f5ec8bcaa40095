"""Delivering alerts: standard output (JSON lines), a webhook (signed POST) and e-mail over SMTP.

Each delivery is claimed in the store before it is sent ('sending', a conditional UPDATE, so two
processes never both send it) and marked 'sent' after; a kill in between leaves 'sending', which a later
run marks 'unknown' and does not send again: an alert is never delivered twice to a channel. A failed
send is retried with exponential backoff up to the channel's limit. Webhook requests carry the alert id
(`X-Flashpoint-Alert`) and an HMAC-SHA256 of the body under the shared secret (`X-Flashpoint-Signature:
sha256=<hex>`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import smtplib
import sys
from collections.abc import Callable
from email.message import EmailMessage
from typing import Any, TextIO

import httpx
from sqlalchemy import and_, select, update

from flashpoint.store.store import Store
from flashpoint.watch.config import Smtp, WatchConfig, Webhook
from flashpoint.watch.tables import watch_alerts, watch_deliveries

D = watch_deliveries.c
SIGNATURE_HEADER = "X-Flashpoint-Signature"
ALERT_HEADER = "X-Flashpoint-Alert"


class DeliveryError(Exception):
    pass


def iso(ts: float | None) -> str | None:
    return dt.datetime.fromtimestamp(ts, dt.timezone.utc).isoformat(timespec="seconds") if ts is not None else None


def payload(alert: dict[str, Any]) -> dict[str, Any]:
    return {"id": alert["id"], "kind": alert["kind"], "title": alert["title"], "created": iso(alert["created_at"]),
            "detail": alert.get("detail"), "article_ids": alert.get("article_ids") or []}


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def send_stdout(alert: dict[str, Any], out: TextIO | None = None) -> None:
    stream = out or sys.stdout
    stream.write(json.dumps(payload(alert), ensure_ascii=False) + "\n")
    stream.flush()


def send_webhook(alert: dict[str, Any], hook: Webhook) -> None:
    body = json.dumps(payload(alert), ensure_ascii=False).encode()
    headers = {"Content-Type": "application/json", ALERT_HEADER: alert["id"], "User-Agent": "flashpoint-watch"}
    if hook.secret:
        headers[SIGNATURE_HEADER] = sign(hook.secret, body)
    try:
        resp = httpx.post(hook.url, content=body, headers=headers, timeout=hook.timeout_s, follow_redirects=False,
                          trust_env=False)
    except httpx.HTTPError as exc:
        raise DeliveryError(f"webhook {hook.url}: {type(exc).__name__}: {exc}") from exc
    if resp.status_code >= 300:
        raise DeliveryError(f"webhook {hook.url}: HTTP {resp.status_code}")


def send_smtp(alert: dict[str, Any], smtp: Smtp) -> None:
    msg = EmailMessage()
    msg["Subject"] = f"[flashpoint] {alert['title'][:180]}"
    msg["From"] = smtp.sender
    msg["To"] = ", ".join(smtp.to)
    msg["X-Flashpoint-Alert"] = alert["id"]
    msg.set_content(alert["title"] + "\n\n" + json.dumps(payload(alert), ensure_ascii=False, indent=2))
    try:
        with smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout_s) as client:
            if smtp.starttls:
                client.starttls()
            if smtp.username and smtp.password:
                client.login(smtp.username, smtp.password)
            client.send_message(msg)
    except (OSError, smtplib.SMTPException) as exc:
        raise DeliveryError(f"smtp {smtp.host}:{smtp.port}: {type(exc).__name__}: {exc}") from exc


def senders(config: WatchConfig, out: TextIO | None = None) -> dict[str, Callable[[dict[str, Any]], None]]:
    channels: dict[str, Callable[[dict[str, Any]], None]] = {}
    if config.stdout:
        channels["stdout"] = lambda a: send_stdout(a, out)
    if config.webhook:
        hook = config.webhook
        channels["webhook"] = lambda a: send_webhook(a, hook)
    if config.smtp:
        smtp = config.smtp
        channels["smtp"] = lambda a: send_smtp(a, smtp)
    return channels


def _retry_policy(config: WatchConfig, channel: str) -> tuple[int, float]:
    if channel == "webhook" and config.webhook:
        return config.webhook.max_attempts, config.webhook.retry_base_s
    if channel == "smtp" and config.smtp:
        return config.smtp.max_attempts, config.smtp.retry_base_s
    return 3, 1.0


def mark_stale(store: Store, now: float, stale_s: float) -> int:
    """Deliveries left 'sending' by a process that died (or stalled past the lease): maybe sent, so
    'unknown', never sent again."""
    from flashpoint.watch.health import dead_local_owner

    with store.engine.connect() as conn:
        rows = conn.execute(select(D.pk, D.owner, D.updated_at).where(D.state == "sending")).all()
    stale = [pk for pk, owner, at in rows if (at or 0) < now - stale_s or dead_local_owner(owner)]
    if stale:
        with store.engine.begin() as conn:
            conn.execute(update(watch_deliveries).where(D.pk.in_(stale), D.state == "sending").values(
                state="unknown", updated_at=now, last_error="interrupted while sending; not sent again"))
    return len(stale)


def _claim(store: Store, pk: int, owner: str, now: float) -> bool:
    with store.engine.begin() as conn:
        got = conn.execute(update(watch_deliveries).where(
            D.pk == pk, D.state.in_(("pending", "retry")), D.next_attempt <= now,
        ).values(state="sending", owner=owner, attempts=D.attempts + 1, updated_at=now)).rowcount
    return bool(got)


def deliver_pending(store: Store, config: WatchConfig, owner: str, now: float,
                    send: dict[str, Callable[[dict[str, Any]], None]] | None = None,
                    log: Callable[..., None] | None = None, clock: Callable[[], float] | None = None) -> int:
    """Send every due delivery of a configured channel once; returns how many were sent."""
    send = send if send is not None else senders(config)
    if not send:
        return 0
    a = watch_alerts.c
    with store.engine.connect() as conn:
        due = conn.execute(select(D.pk, D.channel, D.attempts, watch_alerts).join(watch_alerts, a.id == D.alert_id)
                           .where(and_(D.state.in_(("pending", "retry")), D.next_attempt <= now,
                                       D.channel.in_(list(send))))
                           .order_by(a.created_at, a.id, D.channel)).all()
    sent = 0
    for row in due:
        m = dict(row._mapping)
        if not _claim(store, m["pk"], owner, now):
            continue  # another process took it
        alert = {k: m[k] for k in ("id", "kind", "title", "detail", "article_ids", "created_at")}
        attempts = m["attempts"] + 1
        try:
            send[m["channel"]](alert)
        except Exception as exc:  # noqa: BLE001 - a failing channel never stops the others
            max_attempts, base = _retry_policy(config, m["channel"])
            later = (clock or (lambda: now))()
            state = "failed" if attempts >= max_attempts else "retry"
            with store.engine.begin() as conn:
                conn.execute(update(watch_deliveries).where(D.pk == m["pk"]).values(
                    state=state, last_error=str(exc)[:2000], updated_at=later,
                    next_attempt=later + base * 2 ** (attempts - 1)))
            if log:
                log("delivery_failed", level="warning", alert=alert["id"], channel=m["channel"], attempt=attempts,
                    state=state, error=str(exc))
            continue
        done = (clock or (lambda: now))()
        with store.engine.begin() as conn:
            conn.execute(update(watch_deliveries).where(D.pk == m["pk"]).values(
                state="sent", sent_at=done, updated_at=done, last_error=None))
        sent += 1
        if log:
            log("delivered", alert=alert["id"], channel=m["channel"], attempt=attempts)
    return sent
