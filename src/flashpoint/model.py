"""The records every stage passes on.

Field names are an interface (see DESIGN.md): `flashpoint analyze` prints them as
they are, the store keeps them, the API serves them. All `start`/`end` offsets are
character offsets into `Article.body`.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field, field_validator

EntityType = Literal["PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT"]
QuantityKind = Literal["killed", "wounded", "troops", "displaced", "money", "munitions", "other"]
PublishedFrom = Literal["meta", "text", "given", "fetched_relative", "inferred"]

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


class Span(BaseModel):
    text: str
    start: int
    end: int


class Actor(BaseModel):
    """A political actor: who acts or is acted on, coded PLOVER-style."""

    text: str = ""
    name: str | None = None
    id: str | None = None
    country: str | None = None  # ISO 3166 alpha-3
    sector: str | None = None  # PLOVER sector: GOV, MIL, REB, PRE, ...
    code: str | None = None  # for IGOs: NATO, EU, UN, OSCE, ...


class Entity(Span):
    type: EntityType
    id: str
    name: str
    actor: Actor | None = None


class Speaker(BaseModel):
    name: str | None = None
    id: str | None = None
    actor: Actor | None = None


class Quote(Span):
    speaker: Speaker | None = None
    cue: str | None = None
    direct: bool = True


class Timex(Span):
    value: str | None  # TIMEX3 value, None when it cannot be resolved without a publication date


class Quantity(Span):
    value: float
    unit: str | None = None
    kind: QuantityKind = "other"
    subject: str | None = None
    approx: str | None = None
    claimed_by: str | None = None


class Place(BaseModel):
    text: str
    name: str | None = None
    id: str | None = None
    country: str | None = None


class Event(BaseModel):
    type: str  # PLOVER type
    mode: str | None = None
    actor: Actor | None = None
    recipient: Actor | None = None
    location: Place | None = None
    date: str | None = None  # TIMEX3 value
    historical: bool = False
    negated: bool = False
    hypothetical: bool = False
    text: str  # the sentence
    start: int
    end: int
    trigger: str | None = None
    reported_by: Actor | None = None  # the source of the information when the event is a claim
    score: float = 0.0
    confidence: float = 0.5
    pattern: str | None = None  # the id of the rule in resources/lang/<code>/events.yaml that coded it
    mentions: list[Span] = Field(default_factory=list)  # the same happening told again in the article


class Article(BaseModel):
    """A cleaned document with its metadata, before any language analysis."""

    id: str
    source: str
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    agency: list[str] = Field(default_factory=list)
    republisher: str | None = None
    author: str | None = None
    published: str | None = None  # YYYY-MM-DD
    published_from: PublishedFrom | None = None
    language: str | None = None
    body: str = ""
    removed: list[str] = Field(default_factory=list)


class AnalyzedArticle(Article):
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    timexes: list[Timex] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    # why records are missing, one line each ("not analysed: the body is in Portuguese (pt), ..."); in the record
    # only when there is one, so the DESIGN.md record of an analysed document is unchanged
    warnings: list[str] = Field(default_factory=list)

    def record(self) -> dict[str, Any]:
        """The DESIGN.md JSON record, with `warnings` where the document has any."""
        return self.model_dump(mode="json", exclude=None if self.warnings else {"warnings"})


class RawDocument(BaseModel):
    """What a source yields: bytes or text plus whatever metadata came with it."""

    source: str
    content: bytes | str
    kind: Literal["html", "text", "auto"] = "auto"
    url: str | None = None
    given: dict[str, Any] = Field(default_factory=dict)  # id, title, outlet, published from JSONL/feeds


MAX_ERROR_CHARS = 300


def printable(text: str, limit: int | None = None) -> str:
    """One printable line: control and other unprintable characters escaped (a file name with a newline
    cannot forge a second error line), and with `limit`, cut there (a parser quoting binary is not printed)."""
    out = "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)
    return out if limit is None or len(out) <= limit else out[:limit] + "…"


class InputError(BaseModel):
    """A document that could not be read or cleaned; the batch goes on."""

    source: str
    message: str

    @field_validator("source")
    @classmethod
    def _one_line_source(cls, value: str) -> str:
        return printable(value)

    @field_validator("message")
    @classmethod
    def _one_line_message(cls, value: str) -> str:
        return printable(value, MAX_ERROR_CHARS)

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


class Story(BaseModel):
    id: str
    title: str
    article_ids: list[str]
    outlets: list[str]
    first_date: str | None = None
    last_date: str | None = None
    actors: list[str] = Field(default_factory=list)


class ClaimValue(BaseModel):
    value: float
    article_id: str
    outlet: str | None = None
    date: str | None = None
    claimed_by: str | None = None
    text: str = ""
    approx: str | None = None


class Claim(BaseModel):
    kind: str
    subject: str
    period: str | None = None
    values: list[ClaimValue]
    status: Literal["agree", "disagree", "trend", "single"] = "single"
