"""scripts/records.py, the records-identical check: a dump compared with itself differs nowhere; a changed field of
one document is named, with its document, and a document one dump lacks is named too."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str) -> str:
    env = {"PYTHONPATH": f"{ROOT / 'src'}:{ROOT / 'benchmarks'}", "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "records.py"), *args], capture_output=True,
                          text=True, env=env, cwd=ROOT, check=True)
    return done.stdout


def test_a_dump_differs_from_a_changed_copy_exactly_where_it_was_changed(tmp_path: Path) -> None:
    before = tmp_path / "before.json"
    assert _run("dump", str(before), "--limit", "1").strip() == "2 documents"
    assert _run("diff", str(before), str(before)).strip() == "0 of 2 documents differ"
    records = json.loads(before.read_text(encoding="utf-8"))
    first, second = sorted(records)
    records[first]["events"] = [*(records[first]["events"] or []), {"type": "ASSAULT"}]
    del records[second]
    after = tmp_path / "after.json"
    after.write_text(json.dumps(records), encoding="utf-8")
    lines = _run("diff", str(before), str(after)).splitlines()
    assert lines == ["2 of 2 documents differ", f"  {first}: events", f"  {second}: missing"]


def test_digests_of_held_out_records_are_compared_by_document(tmp_path: Path) -> None:
    """`hashes` writes one digest a held-out document; `diff` names a document whose digest changed, nothing else."""
    before, after = tmp_path / "before.json", tmp_path / "after.json"
    before.write_text(json.dumps({"a": "0" * 64, "b": "1" * 64}), encoding="utf-8")
    after.write_text(json.dumps({"a": "0" * 64, "b": "2" * 64}), encoding="utf-8")
    assert _run("diff", str(before), str(after)).splitlines() == ["1 of 2 documents differ", "  b: records"]
