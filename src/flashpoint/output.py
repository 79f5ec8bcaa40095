"""Rendering rows for the terminal: a Rich table that fits the screen, JSON, JSON lines or CSV.

A table keeps the columns that matter most for the terminal's width (the rest are
named in a note; `--columns` picks them by hand) and wraps the long text column
instead of squeezing every column to a few characters.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

FORMATS = ("table", "json", "jsonl", "csv")
CELL_CHARS = 600  # a table cell shows this much (figures side by side, term choices); JSON and CSV keep all
NARROW_MAX = 28  # a column that does not wrap is cut (with …) at this width
WRAP_MIN = 24  # the wrapping column gets at least this much room
PAD = 3  # Rich's padding and rule per column


def _flat(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, list):
        return ", ".join(_flat(v) if not isinstance(v, (dict, list)) else json.dumps(v, ensure_ascii=False)
                         for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def fit_columns(rows: Sequence[dict[str, Any]], columns: Sequence[str], width: int,
                priority: Sequence[str] | None = None, wrap: str | None = None) -> list[str]:
    """The columns, in their order, that fit `width`: the most important first (`priority`), the wrap
    column counted at its minimum."""
    def natural(c: str) -> int:
        longest = max((len(_flat(r.get(c))) for r in rows), default=0)
        return max(len(c), min(longest, CELL_CHARS if c == wrap else NARROW_MAX))

    order = [c for c in (priority or columns) if c in columns] + [c for c in columns if c not in (priority or ())]
    chosen: set[str] = set()
    used = 1
    for c in order:
        need = (min(natural(c), WRAP_MIN) if c == wrap else natural(c)) + PAD
        if used + need <= width or not chosen:
            chosen.add(c)
            used += need
    return [c for c in columns if c in chosen]


def render_table(rows: Sequence[dict[str, Any]], columns: Sequence[str], *, title: str | None = None,
                 wrap: str | None = None, console: Console | None = None) -> None:
    from rich.console import Console
    from rich.table import Table

    console = console or Console()
    table = Table(title=title, show_lines=False, title_justify="left")
    for c in columns:
        if c == wrap:
            table.add_column(c, overflow="fold", ratio=1, min_width=min(WRAP_MIN, console.width // 2))
        else:
            table.add_column(c, no_wrap=True, overflow="ellipsis", max_width=NARROW_MAX)
    for row in rows:
        table.add_row(*(_cell(_flat(row.get(c))) for c in columns), )
    console.print(table)


def render(rows: Sequence[dict[str, Any]], fmt: str = "table", columns: Sequence[str] | None = None,
           title: str | None = None, console: Console | None = None) -> str | None:
    """JSON, JSON lines and CSV come back as text to print; a table is printed to the console."""
    cols = list(columns or (rows[0].keys() if rows else []))
    if fmt == "json":
        return json.dumps(list(rows), ensure_ascii=False, indent=2, default=str)
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in rows)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=cols, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({c: "" if row.get(c) is None else _csv_cell(row.get(c)) for c in cols})
        return buf.getvalue()
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r}: use {', '.join(FORMATS)}")
    render_table(rows, cols, title=title, console=console)
    return None


def _csv_cell(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _cell(text: str) -> str:
    return text if len(text) <= CELL_CHARS else text[: CELL_CHARS - 1] + "…"
