"""`flashpoint demo` on the bundled sample corpus, into a real SQLite file."""

from pathlib import Path

from rich.console import Console
from typer.testing import CliRunner

from flashpoint.cli import app
from flashpoint.demo import run_demo, sample_dir


def test_sample_corpus_is_shipped() -> None:
    files = sorted(p.name for p in sample_dir().iterdir())
    assert len(files) >= 15
    assert any(name.endswith(".jsonl") for name in files)


def test_demo_ingests_summarises_and_is_idempotent(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.db")
    console = Console(record=True, width=120)
    first = run_demo(db, console=console)
    text = console.export_text()
    assert first["articles"] >= 19 and first["outlets"] >= 4
    assert first["quotes"] > 0 and first["events"] > 0 and first["figures"] > 0
    assert f"flashpoint serve --db {db}" in text
    again = run_demo(db, console=Console(record=True, width=120))
    assert again["articles"] == first["articles"]


def test_demo_command_uses_the_default_store(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FLASHPOINT_DB", raising=False)
    result = CliRunner().invoke(app, ["demo"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "flashpoint.db").exists()
    assert "flashpoint serve" in result.output


def test_demo_ends_with_the_serve_command_for_the_store_it_filled(tmp_path: Path, monkeypatch) -> None:
    """With FLASHPOINT_DB set, the last line names that store, so the command works from any shell."""
    url = f"sqlite:///{tmp_path / 'env.db'}"
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FLASHPOINT_DB", url)
    result = CliRunner().invoke(app, ["demo"])
    assert result.exit_code == 0, result.output
    last = [line for line in result.output.splitlines() if line.strip()][-1]
    assert f"flashpoint serve --db {url}" in last and "http://127.0.0.1:8000/" in last
    assert (tmp_path / "env.db").exists() and not (tmp_path / "flashpoint.db").exists()
