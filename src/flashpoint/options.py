"""The options the command line and the API share, defined once: names, help and validation.

`flashpoint events --since X` and `/api/events?date_from=X` go through the same check
and fail with the same message (named after the option as the caller wrote it), so the
two interfaces cannot drift apart. Kept free of heavy imports: every CLI command reads it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import InitVar, dataclass, field
from datetime import date
from typing import Any

PERIODS = ("day", "week", "month")
FIGURE_KINDS = ("killed", "wounded", "troops", "displaced", "money", "munitions", "other")
CLAIM_STATUSES = ("single", "agree", "disagree", "trend")
API_MAX_LIMIT = 1000
API_TIMELINE_MENTIONS = 20  # mentions listed per timeline event by the API (`n_mentions` counts them all)
API_WINDOW_DAYS = 90  # /api/claims without a date range reads the figures of this many days up to the newest

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class BadParameter(ValueError):
    """An option value the user can fix: the CLI exits 2 with its message, the API answers 422."""


def plover_types() -> tuple[str, ...]:
    from flashpoint.model import PLOVER_TYPES

    return PLOVER_TYPES


def check_date(name: str, value: str | None) -> str | None:
    """YYYY-MM-DD, YYYY-MM or YYYY, a real calendar date."""
    if value is None or value == "":
        return None
    m = _DATE.match(value.strip())
    if not m:
        raise BadParameter(f"{name}: {value!r} is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)")
    y, mo, d = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    try:
        date(y, mo, d)
    except ValueError as exc:
        raise BadParameter(f"{name}: {value!r} is not a date ({exc})") from exc
    return value.strip()


def check_day(name: str, value: str | None) -> str | None:
    """A full date, YYYY-MM-DD: what a publication date is stored as."""
    checked = check_date(name, value)
    if checked is not None and len(checked) != 10:
        raise BadParameter(f"{name}: {value!r} is not a full date (use YYYY-MM-DD)")
    return checked


def check_type(name: str, value: str | None) -> str | None:
    if not value:
        return None
    upper = value.strip().upper()
    if upper not in plover_types():
        raise BadParameter(f"{name}: {value!r} is not a PLOVER event type ({', '.join(plover_types())})")
    return upper


def check_country(name: str, value: str | None) -> str | None:
    if not value:
        return None
    upper = value.strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", upper):
        raise BadParameter(f"{name}: {value!r} is not an ISO 3166 alpha-3 code (e.g. UKR)")
    return upper


def _one_of(choices: tuple[str, ...]) -> Callable[[str, str | None], str | None]:
    def check(name: str, value: str | None) -> str | None:
        if not value:
            return None
        low = value.strip().lower()
        if low not in choices:
            raise BadParameter(f"{name}: {value!r} is not one of {', '.join(choices)}")
        return low
    return check


check_period = _one_of(PERIODS)
check_kind = _one_of(FIGURE_KINDS)
check_status = _one_of(CLAIM_STATUSES)


def check_text(name: str, value: str | None) -> str | None:
    """Free text (an outlet, an actor): blank means no filter; a NUL byte is refused."""
    if value is None or not value.strip():
        return None
    if "\x00" in value:
        raise BadParameter(f"{name}: contains a NUL character")
    return value.strip()


def check_limit(name: str, value: int | None, *, maximum: int | None = API_MAX_LIMIT,
                zero_means_all: bool = False) -> int | None:
    """Rows per page; on the command line 0 means every row (None here)."""
    if value is None:
        return None
    if zero_means_all and value == 0:
        return None
    if zero_means_all and value < 0:
        raise BadParameter(f"{name}: {value} must be 0 (every row) or more")
    if zero_means_all and value >= 2**62:  # beyond what a database integer holds: an overflow, not a page
        raise BadParameter(f"{name}: {value} is too large (0 shows every row)")
    if value < 1 or (maximum is not None and value > maximum):
        raise BadParameter(f"{name}: {value} is out of range (1 to {maximum})")
    return value


def check_offset(name: str, value: int) -> int:
    if value < 0:
        raise BadParameter(f"{name}: {value} must not be negative")
    if value >= 2**62:
        raise BadParameter(f"{name}: {value} is too large")
    return value


@dataclass(frozen=True)
class Option:
    """One filter: its API query name, its command-line flag, its help, and its check."""

    api: str
    cli: str
    help: str
    check: Callable[[str, Any], Any]


OPTIONS: dict[str, Option] = {o.api: o for o in (
    Option("outlet", "--outlet", "outlet name, as stored (e.g. 'BBC News')", check_text),
    Option("country", "--country", "actor or recipient country, ISO 3166 alpha-3 (e.g. UKR)", check_country),
    Option("actor", "--actor", "actor: id, name, alias or surname (e.g. Pashinyan)", check_text),
    Option("type", "--type", "PLOVER event type (e.g. ASSAULT, ACCUSE)", check_type),
    Option("kind", "--kind", "figure kind: " + ", ".join(FIGURE_KINDS), check_kind),
    Option("status", "--status", "claim status: " + ", ".join(CLAIM_STATUSES), check_status),
    Option("date_from", "--since", "from date: YYYY-MM-DD, YYYY-MM or YYYY", check_date),
    Option("date_to", "--until", "to date (inclusive): YYYY-MM-DD, YYYY-MM or YYYY", check_date),
    Option("period", "--period", "escalation buckets: " + ", ".join(PERIODS), check_period),
)}

# which filters each list honours (the CLI offers exactly these; the API accepts them)
VIEW_FILTERS: dict[str, tuple[str, ...]] = {
    "events": ("type", "country", "actor", "outlet", "date_from", "date_to"),
    "quotes": ("actor", "country", "outlet", "date_from", "date_to"),
    "stories": ("outlet", "country", "actor", "date_from", "date_to"),
    "claims": ("kind", "status", "outlet", "actor", "date_from", "date_to"),
    "timeline": ("type", "country", "actor", "outlet", "date_from", "date_to"),
    "framing": ("outlet",),
    "escalation": ("country", "actor", "date_from", "date_to", "period"),
    "articles": ("outlet", "date_from", "date_to"),
}


@dataclass
class Filters:
    """Validated filters and paging for any list; `labels="cli"` names options as the CLI spells them.

    `limit=None` means every row (the CLI's `--limit 0`); the API caps a page at 1000 rows.
    """

    outlet: str | None = None
    country: str | None = None
    actor: str | None = None
    type: str | None = None
    kind: str | None = None
    status: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    period: str | None = None
    uncertain: bool | None = None  # timeline and map: also events below the confidence threshold or with no actor country
    limit: int | None = 100
    offset: int = 0
    labels: InitVar[str] = "api"
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self, labels: str) -> None:
        def label(name: str) -> str:
            opt = OPTIONS.get(name)
            return (opt.cli if labels == "cli" else opt.api) if opt else (f"--{name}" if labels == "cli" else name)

        for name, opt in OPTIONS.items():
            setattr(self, name, opt.check(label(name), getattr(self, name)))
        if self.date_from and self.date_to and self.date_from[:len(self.date_to)] > self.date_to:
            raise BadParameter(f"{label('date_from')} {self.date_from} is after {label('date_to')} {self.date_to}")
        cli = labels == "cli"
        self.limit = check_limit(label("limit"), self.limit, maximum=None if cli else API_MAX_LIMIT,
                                 zero_means_all=cli)
        self.offset = check_offset(label("offset"), self.offset)

    def view_kwargs(self) -> dict[str, Any]:
        """The filters a corpus view takes, without the unset ones."""
        out = {k: v for k, v in self.__dict__.items() if v is not None and k != "extra"}
        return {**out, **self.extra}
