"""Merging events across articles: one happening reported by five outlets is one event with five mentions.

Two coded events are the same event when they share the PLOVER type, the actor and the
recipient (by id, else by country and sector, else by name), the place (when both name
one), are both background or both current, and their dates fall within a small window
(days for day-precise dates; equal values for months and years). An event is background when
the coder marked it historical or when its own date ended more than a month before the report
(it is then shown on its own date, marked, and left out of escalation).
"""

from __future__ import annotations

import datetime as dt
import re

from flashpoint.model import Actor, Event

DATE_WINDOW_DAYS = 1
BACKGROUND_DAYS = 31  # an event whose time ended more than this before its report is background to it

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


def period_end(value: str | None) -> int | None:
    """The last day (days since 1970-01-01) of a calendar TIMEX3 value: a day, an ISO week, a month or a year."""
    if not value or not _CONCRETE.match(value):
        return None
    try:
        if len(value) == 4:
            return (dt.date(int(value), 12, 31) - EPOCH).days
        if value[5] == "W":
            return (dt.date.fromisocalendar(int(value[:4]), int(value[6:8]), 7) - EPOCH).days
        if len(value) == 7:
            year, month = int(value[:4]), int(value[5:7])
            first_next = dt.date(year + month // 12, month % 12 + 1, 1)
            return (first_next - EPOCH).days - 1
    except ValueError:
        return None
    return day_number(value)


def is_background(event: Event, date: str | None, published: str | None) -> bool:
    """Background to the report: marked historical by the coder, or dated to a time that ended more than
    BACKGROUND_DAYS before the article was published ("a ceasefire was signed last July" in an April report)."""
    if event.historical:
        return True
    end, pub = period_end(date), day_number(published)
    return end is not None and pub is not None and pub - end > BACKGROUND_DAYS


def event_key(event: Event, background: bool | None = None) -> str:
    """Type, actor, recipient, place and background/current: what two mentions of one event share."""
    place = ""
    if event.location is not None:
        place = (event.location.id or event.location.name or event.location.text or "").lower()
    hist = event.historical if background is None else background
    return "|".join((event.type.upper(), actor_key(event.actor), actor_key(event.recipient), place[:100],
                     "H" if hist else "C"))[:400]


def event_score(event: Event) -> float:
    if event.score:
        return float(event.score)
    return DEFAULT_SCORES.get(event.type.upper(), 0.0)


def is_current(event: Event, background: bool | None = None) -> bool:
    """Counts toward today's escalation: neither background (see `is_background`), negated nor hypothetical."""
    hist = event.historical if background is None else background
    return not (hist or event.negated or event.hypothetical)


def dates_match(a: str | None, a_day: int | None, b: str | None, b_day: int | None, exact: bool = False) -> bool:
    """Same date; day-precise dates taken from publication may be a day apart (reported the next day)."""
    if a_day is not None and b_day is not None and not exact:
        return abs(a_day - b_day) <= DATE_WINDOW_DAYS
    return (a or "") == (b or "")
