"""Events as PLOVER/POLECAT event data: POLECAT's column names, one event a row, with its sentence and article.

The columns are those of the POLECAT weekly files for the fields flashpoint codes (tab
separated, as POLECAT ships them), then flashpoint's own: the auxiliary PLOVER modes
(historical, negated, hypothetical) and the source offsets. The quad class of each type
comes from the PLOVER manual, as `resources/plover.yaml` states it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

# POLECAT column -> the flashpoint event field it is filled from (None: computed below)
POLECAT: dict[str, str | None] = {
    "Event ID": "event_id",
    "Event Date": None,
    "Event Type": "type",
    "Event Mode": "mode",
    "Event Intensity": "score",
    "Quad Code": None,
    "Actor Name": "actor_name",
    "Actor Country": "actor_country",
    "Primary Actor Sector": "actor_sector",
    "Recipient Name": "recipient_name",
    "Recipient Country": "recipient_country",
    "Primary Recipient Sector": "recipient_sector",
    "Placename": "location_name",
    "Country": "location_country",
    "Latitude": None,
    "Longitude": None,
    "GeoNames ID": None,
    "Source": "outlet",
    "Publication Date": "published",
    "Language": None,
}
EXTRA = {"Actor ID": "actor_id", "Recipient ID": "recipient_id", "Historical": "historical",
         "Negated": "negated", "Hypothetical": "hypothetical", "Confidence": "confidence", "Headline": "title",
         "URL": "url", "Article ID": "article_id", "Start": "start", "End": "end", "Sentence": "text"}
COLUMNS = [*POLECAT, *EXTRA]
QUAD_CODES = {"verbal cooperation": 1, "material cooperation": 2, "verbal conflict": 3, "material conflict": 4}


@lru_cache(maxsize=1)
def quads() -> dict[str, str]:
    """PLOVER type -> its quad class (verbal/material cooperation/conflict), from resources/plover.yaml."""
    from importlib.resources import files

    import yaml

    data = yaml.safe_load((files("flashpoint") / "resources" / "plover.yaml").read_text(encoding="utf-8"))
    return {t: str(v.get("quad") or "") for t, v in (data.get("types") or {}).items()}


def plover_rows(events: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """One POLECAT-style row per stored event."""
    from flashpoint.export.geo import locate

    for ev in events:
        row: dict[str, Any] = {col: ev.get(src) if src else None for col, src in POLECAT.items()}
        row.update({col: ev.get(src) for col, src in EXTRA.items()})
        row["Event Date"] = ev.get("date") or ev.get("published")
        quad = quads().get(str(ev.get("type") or ""), "")
        row["Quad Code"] = QUAD_CODES.get(quad)
        row["Language"] = ev.get("language")
        where = locate(ev.get("location_name"), ev.get("location_country"))
        if where is not None:
            row["Latitude"], row["Longitude"], row["GeoNames ID"] = where.lat, where.lon, where.geonames_id
        yield row
