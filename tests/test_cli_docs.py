"""The README's Commands and REST API sections against the real command line and routes: every option and
endpoint documented, nothing documented that does not exist (the CLI is a thin skin: its docs must be whole)."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from flashpoint.api import routes, watch_pages
from flashpoint.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start:end if end > 0 else None]


def commands() -> dict[str, set[str]]:
    group = typer.main.get_command(app)
    return {name: {o for p in cmd.params for o in p.opts if o.startswith("--") and o != "--help"}
            for name, cmd in group.commands.items()}  # type: ignore[attr-defined]


def usage_lines() -> dict[str, str]:
    """The Commands block, per command: its `flashpoint NAME ...` line with the lines that continue it."""
    block = section("Commands").split("```")[1]
    found: dict[str, str] = {}
    names: list[str] = []
    for line in block.splitlines():
        if line.startswith("flashpoint "):
            names = line.split()[1].split("|")
        for name in names if line.strip() else []:
            found[name] = found.get(name, "") + " " + line
    return found


def test_every_command_and_option_is_in_the_commands_section() -> None:
    usage, text = usage_lines(), section("Commands")
    for name, options in commands().items():
        assert name in usage, f"{name}: no usage line in README's Commands"
        missing = [o for o in options if o not in usage[name] and f"`{o}`" not in text]
        assert not missing, f"{name}: options not in README's Commands: {missing}"


def test_no_documented_option_is_missing_from_the_command() -> None:
    real = commands()
    for name, line in usage_lines().items():
        if name not in real:  # `eval realnews` sits on its own line, its name is eval's argument
            continue
        extra = set(re.findall(r"--[a-z][a-z-]*", line)) - real[name]
        assert not extra, f"{name}: README documents options it does not have: {sorted(extra)}"


def test_every_endpoint_and_parameter_is_in_the_rest_section() -> None:
    text = section("REST API and dashboard") + section("Commands") + section("Watching a crisis")
    for router in (routes.router, watch_pages.router):
        for route in router.routes:
            path = re.sub(r"\{[^}]*\}", "{id}", route.path)  # type: ignore[attr-defined]
            assert f"`{path}`" in text or f"`POST {path}`" in text, f"{path}: not in README's REST API"
            dependant = getattr(route, "dependant", None)
            names = {q.alias for d in [dependant, *(dependant.dependencies if dependant else [])] if d
                     for q in d.query_params}
            missing = sorted(n for n in names if f"`{n}`" not in text and f"`{n}=" not in text)
            assert not missing, f"{path}: query parameters not in README: {missing}"


def test_every_command_is_run_by_a_test() -> None:
    """A command with no test that runs it (CliRunner or a subprocess) is a command nobody checks."""
    here = Path(__file__).resolve()
    text = "\n".join(p.read_text(encoding="utf-8") for p in here.parent.glob("test_*.py") if p != here)
    for name in commands():
        assert re.search(rf'(\[|"flashpoint(\.cli)?", |\b(cli|run|ok)\(|rows\(\w+, |FLASHPOINT, )"{name}"', text), \
            f"flashpoint {name}: no test runs it"
