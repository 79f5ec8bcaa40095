"""Merging events across articles: one happening reported by five outlets is one event with five mentions.

Two coded events are the same event when they share the PLOVER type, the actor and the
recipient (by id, else by country and sector, else by name), the place (when both name
one), are both background or both current, and their dates fall within a small window
(days for day-precise dates; equal values for months and years).
"""

from __future__ import annotations

import datetime as dt
import re

from flashpoint.model import Actor, Event

DATE_WINDOW_DAYS = 1

# default PLOVER conflict-cooperation scores, used only when the coder left an event's score at 0
# (negative: conflict; a rough reading of the PLOVER manual's scale, -10 .. +10)
DEFAULT_SCORES: dict[str, float] = {
    "AGREE": 4.0, "CONSULT": 1.0, "SUPPORT": 3.0, "CONCEDE": 5.0, "COOPERATE": 6.0, "AID": 7.0,
    "RETREAT": 5.0, "REQUEST": -1.0, "ACCUSE": -2.0, "REJECT": -3.0, "THREATEN": -5.0, "PROTEST": -4.0,
    "SANCTION": -6.0, "MOBILIZE": -6.0, "COERCE": -7.0, "ASSAULT": -10.0,
}

_CONCRETE = re.compile(r"^\d{4}(?:-(?:\d{2}|W\d{2})(?:-\d{2})?)?$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
EPOCH = dt.date(1970, 1, 1)


def day_number(value: str | None) -> int | None:
    """Days since 1970-01-01 for a full YYYY-MM-DD value; None otherwise."""
    if not value:
        return None
    m = _DAY.match(value[:10])
    if not m:
        return None
    try:
        return (dt.date(int(m[1]), int(m[2]), int(m[3])) - EPOCH).days
    except ValueError:
        return None


def day_string(day: int) -> str:
    return (EPOCH + dt.timedelta(days=day)).isoformat()


def actor_key(actor: Actor | None) -> str:
    if actor is None:
        return "-"
    if actor.id:
        return actor.id.lower()
    if actor.country or actor.code:
        return f"{actor.country or ''}/{actor.sector or actor.code or ''}".lower()
    name = (actor.name or actor.text or "").strip().lower()
    return name or "-"


def actor_label(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    return actor.name or actor.text or actor.id or actor.country


def event_date(event: Event, published: str | None) -> str | None:
    """The event's own date when it is a calendar date, else (for current events) the article's publication date.

    TIMEX3 values that name no calendar time (PAST_REF, XXXX-10) are not dates to put on a timeline.
    """
    if event.date and _CONCRETE.match(event.date):
        if published and not event.hypothetical and event.date[:len(published)] > published[:len(event.date)]:
            return published  # a reported happening is not after its report: the date was misread
        return event.date
    if event.historical:
        return None
    return published


def event_key(event: Event) -> str:
    place = ""
    if event.location is not None:
        place = (event.location.id or event.location.name or event.location.text or "").lower()
    return "|".join((event.type.upper(), actor_key(event.actor), actor_key(event.recipient), place[:100],
                     "H" if event.historical else "C"))[:400]


def event_score(event: Event) -> float:
    if event.score:
        return float(event.score)
    return DEFAULT_SCORES.get(event.type.upper(), 0.0)


def is_current(event: Event) -> bool:
    return not (event.historical or event.negated or event.hypothetical)


def dates_match(a: str | None, a_day: int | None, b: str | None, b_day: int | None, exact: bool = False) -> bool:
    """Same date; day-precise dates taken from publication may be a day apart (reported the next day)."""
    if a_day is not None and b_day is not None and not exact:
        return abs(a_day - b_day) <= DATE_WINDOW_DAYS
    return (a or "") == (b or "")
