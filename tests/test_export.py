"""`flashpoint export`: every data set in every format, read back with pandas and pyarrow and compared
with what the CLI lists show."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from flashpoint.cli import app
from flashpoint.export.plover import POLECAT, QUAD_CODES, quads
from flashpoint.store.store import Store

runner = CliRunner()
KINDS = ("events", "quotes", "claims", "timeline", "articles")


def cli(*args: str) -> Any:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result


def listed(db: str, command: str, *extra: str) -> list[dict[str, Any]]:
    out = json.loads(cli(command, "--db", db, "--format", "json", "--limit", "0", *extra).stdout)
    assert isinstance(out, list)
    return out


def expected_keys(db: str, kind: str) -> list[Any]:
    """What each exported row must stand for, from the CLI's own lists."""
    if kind == "events":
        return sorted((e["article_id"], e["idx"]) for e in listed(db, "events"))
    if kind == "quotes":
        return sorted((q["article_id"], q["start"]) for q in listed(db, "quotes"))
    if kind == "claims":
        return sorted((v["article_id"], v["start"]) for c in listed(db, "claims") for v in c["values"])
    if kind == "timeline":
        return sorted(t["id"] for t in listed(db, "timeline"))
    store = Store(db)
    ids = sorted(a.id for _, a in store.iter_articles())
    store.close()
    return ids


def keys_of(kind: str, frame: pd.DataFrame) -> list[Any]:
    if kind == "events":
        return sorted(zip(frame["article_id"], frame["idx"].astype(int), strict=True))
    if kind in ("quotes", "claims"):
        return sorted(zip(frame["article_id"], frame["start"].astype(int), strict=True))
    if kind == "timeline":
        return sorted(int(i) for i in frame["id"])
    return sorted(frame["id"])


@pytest.mark.parametrize("kind", KINDS)
def test_every_format_reads_back_the_same_rows(sample_db: str, tmp_path: Path, kind: str) -> None:
    want = expected_keys(sample_db, kind)
    assert want
    csv_text = cli("export", kind, "--db", sample_db, "--format", "csv").stdout
    jsonl_path = tmp_path / f"{kind}.jsonl"
    parquet_path = tmp_path / f"{kind}.parquet"
    cli("export", kind, "--db", sample_db, "--format", "jsonl", "--out", str(jsonl_path))
    done = cli("export", kind, "--db", sample_db, "--format", "parquet", "--out", str(parquet_path))
    assert f"exported {len(want)} {kind} as parquet" in done.stderr

    from_csv = pd.read_csv(io.StringIO(csv_text), keep_default_na=False, dtype=str)
    from_jsonl = pd.read_json(jsonl_path, lines=True, dtype=False)
    table = pq.read_table(parquet_path)
    from_parquet = table.to_pandas()
    for frame in (from_csv, from_jsonl, from_parquet):
        assert keys_of(kind, frame) == want
    assert list(from_csv.columns) == table.column_names == list(from_jsonl.columns)

    # the same values in each format: text exactly, numbers as numbers, lists as lists
    text_col = {"articles": "body", "timeline": "text"}.get(kind, "text")
    assert sorted(from_parquet[text_col].fillna("")) == sorted(from_jsonl[text_col].fillna("")) == sorted(
        from_csv[text_col])
    if kind == "events":
        assert str(table.schema.field("historical").type) == "bool"
        assert str(table.schema.field("score").type) == "double"
        assert str(table.schema.field("start").type) == "int64"
        events = {(e["article_id"], e["idx"]): e for e in listed(sample_db, "events")}
        for row in from_parquet.itertuples():
            ev = events[(row.article_id, row.idx)]
            assert (row.type, row.text, bool(row.historical), row.start) == (
                ev["type"], ev["text"], bool(ev["historical"]), ev["start"])
    if kind == "timeline":
        assert str(table.schema.field("outlets").type) == "list<element: string>"
        assert all(isinstance(v, list) for v in from_jsonl["outlets"])
    if kind == "claims":
        assert str(table.schema.field("value").type) == "double"
        assert set(from_parquet["status"]) <= {"single", "agree", "disagree", "trend"}


def test_filters_apply_to_exports(sample_db: str) -> None:
    text = cli("export", "events", "--db", sample_db, "--type", "ASSAULT", "--format", "csv").stdout
    frame = pd.read_csv(io.StringIO(text), keep_default_na=False)
    assert len(frame) == len(listed(sample_db, "events", "--type", "ASSAULT")) > 0
    assert set(frame["type"]) == {"ASSAULT"}
    pash = pd.read_csv(io.StringIO(cli("export", "quotes", "--db", sample_db, "--actor", "Pashinyan").stdout))
    assert len(pash) and set(pash["speaker_name"]) == {"Nikol Pashinyan"}


def test_plover_export_has_polecat_columns(sample_db: str) -> None:
    text = cli("export", "events", "--db", sample_db, "--format", "plover").stdout
    frame = pd.read_csv(io.StringIO(text), sep="\t", keep_default_na=False, dtype=str)
    assert list(frame.columns[:len(POLECAT)]) == list(POLECAT)
    assert "Sentence" in frame.columns and "Article ID" in frame.columns
    events = {f"{e['article_id']}-{e['idx']}": e for e in listed(sample_db, "events")}
    assert sorted(frame["Event ID"]) == sorted(events) and frame["Event ID"].is_unique
    for row in frame.itertuples(index=False):
        ev = events[row[0]]
        values = dict(zip(frame.columns, row, strict=True))
        assert values["Event Type"] == ev["type"] and values["Sentence"] == ev["text"]
        assert int(values["Quad Code"]) == QUAD_CODES[quads()[ev["type"]]]
        assert values["Event Date"] == (ev["date"] or ev["published"] or "")
    assert {"1", "4"} <= set(frame["Quad Code"])  # cooperation and conflict both coded


def test_geojson_of_located_events(sample_db: str, tmp_path: Path) -> None:
    out = tmp_path / "events.geojson"
    done = cli("export", "events", "--db", sample_db, "--format", "geojson", "--out", str(out))
    data = json.loads(out.read_text())
    assert data["type"] == "FeatureCollection" and data["features"]
    total = len(listed(sample_db, "events"))
    skipped = total - len(data["features"])
    assert f"{skipped} of {total} events have no located place" in done.stderr
    for feat in data["features"]:
        lon, lat = feat["geometry"]["coordinates"]
        assert feat["geometry"]["type"] == "Point" and -180 <= lon <= 180 and -90 <= lat <= 90
        assert feat["properties"]["location_name"] and feat["properties"]["text"]
    ganja = [f for f in data["features"] if f["properties"]["location_name"] == "Ganja"]
    assert ganja, "events in Ganja are located"
    lon, lat = ganja[0]["geometry"]["coordinates"]
    assert abs(lat - 40.68) < 0.1 and abs(lon - 46.36) < 0.1
    assert ganja[0]["properties"]["precision"] == "town"
    regions = {f["properties"]["location_name"] for f in data["features"] if f["properties"]["precision"] == "region"}
    assert "Nagorno-Karabakh" in regions


def test_export_to_a_missing_folder_is_one_line(sample_db: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "events", "--db", sample_db, "--out", str(tmp_path / "no" / "x.csv")])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "does not exist" in result.stderr


def test_parquet_is_not_written_to_a_terminal(sample_db: str) -> None:
    import os
    import pty
    import subprocess
    import sys

    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-c", "from flashpoint.cli import app; app()", "export", "events",
                             "--db", sample_db, "--format", "parquet"], stdout=follower, stderr=subprocess.PIPE)
    os.close(follower)
    _, err = proc.communicate(timeout=120)
    os.close(leader)
    assert proc.returncode == 2
    assert err.decode().splitlines() == ["error: --format parquet is binary: give --out FILE.parquet "
                                         "(or redirect the output)"]
