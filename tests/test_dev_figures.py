"""benchmarks/dev_figures.py reads each figure from a command's output: JSON keys, 'a of b' pairs, or a pattern."""

from pathlib import Path

from conftest import benchmark_module

dev_figures = benchmark_module("dev_figures")


def test_pick_reads_json_after_log_lines() -> None:
    out = 'loading...\n{"scores": {"quotes": {"precision": 0.9, "matched": 9, "system": 10}}}'
    assert dev_figures.pick(out, ["scores", "quotes", "precision"]) == 0.9
    assert dev_figures.pick(out, ["scores", "quotes", "matched/system"]) == "9 of 10"
    assert dev_figures.pick(out, ["scores", "missing", "precision"]) is None


def test_pick_reads_a_pattern_from_plain_output() -> None:
    out = "figures: 3 judged\n  pages labelled in full: 66 gold, 64 given, 64 right: P 1.000 R 0.970 F1 0.985\n"
    assert dev_figures.pick(out, [r"re:labelled in full: .*? R ([0-9.]+)"]) == "0.970"
    assert dev_figures.pick("nothing here", [r"re:P ([0-9.]+)"]) is None


def test_every_row_names_a_command_that_exists() -> None:
    root = Path(dev_figures.ROOT)
    for _group, _label, cmd, path in dev_figures.rows():
        assert path, cmd
        scripts = [c for c in cmd if c.endswith(".py")]
        assert all((root / s).is_file() for s in scripts), scripts
        assert "heldout" not in " ".join(cmd)
