"""Writing an export: which formats go with which data, and the writers (streamed, a chunk at a time).

csv: flat text, lists joined with '; '. jsonl: one JSON object a line, lists kept.
parquet: typed columns through pyarrow, written in row groups. plover: events as
POLECAT-style tab-separated rows. geojson: events with a located place as Points.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any

from flashpoint.export.tables import COLUMNS, rows
from flashpoint.options import Filters

if TYPE_CHECKING:
    from flashpoint.store.store import Store

EXPORTS = tuple(COLUMNS)
FORMATS = ("csv", "jsonl", "parquet", "plover", "geojson")
EVENT_ONLY = ("plover", "geojson")
BINARY = ("parquet",)
ROW_GROUP = 10_000


class ExportError(ValueError):
    """An export asked for in a way that cannot work (plover of quotes, parquet to a terminal)."""


@dataclass
class ExportReport:
    rows: int = 0
    notes: list[str] = field(default_factory=list)


def check(kind: str, fmt: str) -> None:
    if kind not in EXPORTS:
        raise ExportError(f"nothing called {kind!r} to export: choose one of {', '.join(EXPORTS)}")
    if fmt not in FORMATS:
        raise ExportError(f"--format: {fmt!r} is not one of {', '.join(FORMATS)}")
    if fmt in EVENT_ONLY and kind != "events":
        raise ExportError(f"--format {fmt} holds events: use 'flashpoint export events --format {fmt}'")


def export(store: Store, kind: str, fmt: str, filters: Filters, out: IO[Any]) -> ExportReport:
    """Write `kind` in `fmt` to `out` (text for csv/jsonl/plover/geojson, binary for parquet)."""
    check(kind, fmt)
    report = ExportReport()
    data = _counted(rows(store, kind, filters), report)
    if fmt == "csv":
        _write_csv(data, list(COLUMNS[kind]), out, delimiter=",")
    elif fmt == "jsonl":
        for r in data:
            out.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
    elif fmt == "parquet":
        _write_parquet(data, COLUMNS[kind], out)
    elif fmt == "plover":
        from flashpoint.export.plover import COLUMNS as PLOVER_COLUMNS
        from flashpoint.export.plover import plover_rows

        _write_csv(plover_rows(data), PLOVER_COLUMNS, out, delimiter="\t")
    else:
        from flashpoint.export.geo import features

        skipped = [0]
        _write_geojson(features(data, skipped), out)
        if skipped[0]:
            report.notes.append(f"{skipped[0]} of {report.rows} events have no located place (a town or a "
                                "listed region) and are not in the GeoJSON")
        report.rows -= skipped[0]
    return report


def _counted(data: Iterable[dict[str, Any]], report: ExportReport) -> Iterator[dict[str, Any]]:
    for r in data:
        report.rows += 1
        yield r


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, str):
        return " ".join(value.split("\t")) if "\t" in value else value
    return value


def _write_csv(data: Iterable[dict[str, Any]], columns: list[str], out: IO[Any], *, delimiter: str) -> None:
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", delimiter=delimiter,
                            lineterminator="\n")
    writer.writeheader()
    for r in data:
        writer.writerow({c: _cell(r.get(c)) for c in columns})


def _arrow_schema(columns: dict[str, str]) -> Any:
    import pyarrow as pa

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
             "list": pa.list_(pa.string())}
    return pa.schema([(name, types[kind]) for name, kind in columns.items()])


def _write_parquet(data: Iterable[dict[str, Any]], columns: dict[str, str], out: IO[Any]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _arrow_schema(columns)
    with pq.ParquetWriter(out, schema) as writer:
        batch: list[dict[str, Any]] = []
        for r in data:
            batch.append({c: _typed(r.get(c), kind) for c, kind in columns.items()})
            if len(batch) >= ROW_GROUP:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))


def _typed(value: Any, kind: str) -> Any:
    if value is None:
        return None
    if kind == "str":
        return value if isinstance(value, str) else json.dumps(value) if isinstance(value, (dict, list)) else str(value)
    if kind == "list":
        return [str(v) for v in value] if isinstance(value, (list, tuple)) else [str(value)]
    if kind == "bool":
        return bool(value)
    if kind == "int":
        return int(value)
    return float(value)


def _write_geojson(feats: Iterable[dict[str, Any]], out: IO[Any]) -> None:
    """A FeatureCollection written feature by feature, so a big export never sits whole in memory."""
    out.write('{"type": "FeatureCollection", "features": [')
    for n, feat in enumerate(feats):
        out.write(("," if n else "") + "\n" + json.dumps(feat, ensure_ascii=False, default=str))
    out.write("\n]}\n")
