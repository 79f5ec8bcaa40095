"""`flashpoint ingest` and `analyze` end to end: idempotent re-ingest, bad files in a batch, stdin."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from conftest import SEEDS
from flashpoint.cli import app
from flashpoint.store.store import Store


def _counts(output: str) -> tuple[int, int, int]:
    m = re.search(r"stored (\d+), already present (\d+), failed (\d+)", output)
    assert m, output
    return int(m.group(1)), int(m.group(2)), int(m.group(3))


def test_ingesting_the_seeds_twice_stores_them_once(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'seeds.db'}"
    seeds = sorted(str(p) for p in SEEDS.glob("*.txt"))
    first = CliRunner().invoke(app, ["ingest", "--db", db, *seeds])
    assert first.exit_code == 0, first.output
    assert _counts(first.output) == (5, 0, 0)
    again = CliRunner().invoke(app, ["ingest", "--db", db, str(SEEDS)])  # the directory this time
    assert again.exit_code == 0, again.output
    assert _counts(again.output) == (0, 5, 0)
    store = Store(db)
    try:
        articles = [a for _, a in store.iter_articles()]
    finally:
        store.close()
    assert len(articles) == 5
    assert {a.outlet for a in articles} >= {"Press TV", "France 24"}


def test_a_batch_with_bad_files_stores_the_good_ones_and_exits_1(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'mixed.db'}"
    bad_bin = tmp_path / "photo.txt"
    bad_bin.write_bytes(b"\x00\x01\x02binary\x00" * 50)
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    lines = tmp_path / "lines.jsonl"
    lines.write_text("not json at all\n", encoding="utf-8")
    seeds = sorted(str(p) for p in SEEDS.glob("*.txt"))[:2]
    result = CliRunner().invoke(app, ["ingest", "--db", db, str(bad_bin), seeds[0], str(empty), str(lines),
                                      "http://127.0.0.1:9/page", seeds[1]])
    assert result.exit_code == 1
    assert _counts(result.output) == (2, 0, 4)
    for name in ("photo.txt", "empty.html", "lines.jsonl:1", "http://127.0.0.1:9/page"):
        assert name in result.output
    assert "binary" in result.output and "empty" in result.output and "loopback" in result.output


def test_a_failing_batch_loses_nothing_already_stored(tmp_path: Path) -> None:
    """A later batch of only bad inputs exits 1 and leaves the articles stored before it intact."""
    db = f"sqlite:///{tmp_path / 'kept.db'}"
    seeds = sorted(str(p) for p in SEEDS.glob("*.txt"))[:2]
    first = CliRunner().invoke(app, ["ingest", "--db", db, *seeds])
    assert first.exit_code == 0 and _counts(first.output) == (2, 0, 0), first.output
    cut = tmp_path / "cut.html.gz"
    cut.write_bytes(b"\x1f\x8b\x08\x00" + b"\x00" * 20)
    bad = CliRunner().invoke(app, ["ingest", "--db", db, str(cut), str(tmp_path / "gone.txt")])
    assert bad.exit_code == 1 and _counts(bad.output) == (0, 0, 2), bad.output
    store = Store(db)
    try:
        bodies = [a.body for _, a in store.iter_articles()]
    finally:
        store.close()
    assert len(bodies) == 2 and all(len(b) > 200 for b in bodies)


def test_analyze_reads_stdin_with_dash() -> None:
    text = (SEEDS / "002_b749cc014fc2cccc.txt").read_bytes()
    run = CliRunner().invoke(app, ["analyze", "-"], input=text)
    assert run.exit_code == 0, run.output
    [record] = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
    assert record["source"] == "-"
    assert record["title"] == "Kremlin warns of escalation if more NATO troops deployed to Ukraine"
    assert record["published"] == "2021-04-02" and record["published_from"] == "text"


def test_flashpoint_command_reads_stdin_in_a_real_process(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("flashpoint")
    text = (SEEDS / "004_d2a50121188e28d1.txt").read_bytes()
    proc = subprocess.run([str(exe), "analyze", "-"], input=text, capture_output=True, cwd=tmp_path, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode()
    record = json.loads(proc.stdout.decode().strip().splitlines()[0])
    assert record["outlet"] == "France 24" and record["agency"] == ["AFP", "Reuters"]
    bad = subprocess.run([str(exe), "analyze", "-"], input=b"", capture_output=True, cwd=tmp_path, timeout=300)
    assert bad.returncode == 1 and b"empty" in bad.stderr
