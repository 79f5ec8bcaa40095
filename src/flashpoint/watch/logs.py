"""Structured logs: one JSON object per line on standard error, so a service manager or a log shipper
can read every poll, failure, alert and delivery without parsing prose."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable
from typing import Any, TextIO

Log = Callable[..., None]


def json_logger(stream: TextIO | None = None, **context: Any) -> Log:
    """A `log(event, level='info', **fields)` function writing JSON lines."""

    def log(event: str, level: str = "info", **fields: Any) -> None:
        record = {"ts": dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds"), "level": level,
                  "event": event, **context, **fields}
        out = stream or sys.stderr
        try:
            out.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
            out.flush()
        except (OSError, ValueError):
            pass  # a closed log stream never stops the watcher

    return log
