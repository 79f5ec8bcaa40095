"""Rendering rows for the terminal: a Rich table, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table


def _flat(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def render(rows: Sequence[dict[str, Any]], fmt: str = "table", columns: Sequence[str] | None = None,
           title: str | None = None, console: Console | None = None) -> str | None:
    """JSON and CSV come back as text to print; a table is printed to the console."""
    cols = list(columns or (rows[0].keys() if rows else []))
    if fmt == "json":
        return json.dumps(list(rows), ensure_ascii=False, indent=2, default=str)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=cols, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({c: _flat(row.get(c)) for c in cols})
        return buf.getvalue()
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r}: use table, json or csv")
    table = Table(title=title, show_lines=False)
    for c in cols:
        table.add_column(c, overflow="fold")
    for row in rows:
        table.add_row(*(_cell(_flat(row.get(c))) for c in cols))
    (console or Console()).print(table)
    return None


CELL_CHARS = 600  # a table cell shows this much (figures side by side, an outlet's term choices); JSON and CSV keep all


def _cell(text: str) -> str:
    return text if len(text) <= CELL_CHARS else text[: CELL_CHARS - 1] + "…"
