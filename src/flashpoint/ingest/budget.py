"""What one document may cost: wall-clock time to clean and analyse it, and its size at each step.

A hostile or broken page must not hold a batch. Each document gets a wall-clock budget: when it runs
out the document becomes one error naming it and the batch goes on. The steps whose cost grows with a
page's shape rather than its bytes are bounded before they run (HTML tags before trafilatura, lines
before the line cleaner), and a long body is analysed in sections of bounded size, so the work, and the
memory it takes, stay linear in the document's length. Each limit can be set from the environment.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from flashpoint.ingest.decode import BadInput


def _env_number(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name, default))
    except ValueError:
        return default


DOC_SECONDS = _env_number("FLASHPOINT_DOC_SECONDS", 300)  # cleaning and analysing one document; 0: no limit
MAX_HTML_TAGS = int(_env_number("FLASHPOINT_MAX_HTML_TAGS", 40_000))  # a long news page has about 10,000
MAX_TEXT_LINES = int(_env_number("FLASHPOINT_MAX_TEXT_LINES", 100_000))
SECTION_CHARS = 20_000  # analysis cost grows faster than length past a few pages: long bodies go in sections


class OverBudget(BadInput):
    """A document that ran out of its time budget, or is shaped to be costly beyond its limits."""


def check_html(html: str) -> None:
    """Refuse a page with more tags than any article page has, before trafilatura (whose cost grows with
    every element) sees it: a million tiny paragraphs would take it hours."""
    tags = html.count("<") - html.count("</")
    if tags > MAX_HTML_TAGS:
        raise OverBudget(f"{tags:,} HTML tags, more than the limit of {MAX_HTML_TAGS:,} for one page "
                         "(FLASHPOINT_MAX_HTML_TAGS): not cleaned")


def check_text(text: str) -> None:
    lines = text.count("\n") + 1
    if lines > MAX_TEXT_LINES:
        raise OverBudget(f"{lines:,} lines, more than the limit of {MAX_TEXT_LINES:,} for one page "
                         "(FLASHPOINT_MAX_TEXT_LINES): not cleaned")


def sections(body: str, size: int = SECTION_CHARS) -> list[tuple[int, str]]:
    """The body cut into pieces of at most about `size` characters, at paragraph ends where there are some,
    else at sentence ends or spaces; each with its offset in the body."""
    out: list[tuple[int, str]] = []
    start = 0
    while len(body) - start > size:
        end = start + size
        cut = body.rfind("\n", start + size // 2, end)
        if cut < 0:
            cut = body.rfind(". ", start + size // 2, end)
            cut = cut + 1 if cut >= 0 else body.rfind(" ", start + size // 2, end)
        if cut <= start:
            cut = end
        out.append((start, body[start:cut]))
        start = cut
    out.append((start, body[start:]))
    return out


_thread_budget = threading.local()


def _out_of_time(seconds: float) -> OverBudget:
    return OverBudget(f"took longer than {seconds:g} s to clean and analyse (FLASHPOINT_DOC_SECONDS): stopped")


def check_time() -> None:
    """Stop a document whose budget ran out, where the work checks: between cleaning and metadata and between
    analysis sections. On a worker thread (the API's ingests) this is how the budget applies: a thread takes
    no signal, and each step between two checks is bounded by the limits above."""
    until = getattr(_thread_budget, "until", None)
    if until is not None and time.monotonic() > until:
        raise _out_of_time(_thread_budget.seconds)


@contextmanager
def deadline(seconds: float = DOC_SECONDS) -> Iterator[None]:
    """Stop the work inside after `seconds` of wall-clock time with OverBudget. On a process's main thread
    (the CLI, local pool workers) a timer signal stops it wherever it is; on another thread (the API's
    ingest threads, a Dask worker's task threads) `check_time` stops it at the next check. On the main thread
    `check_time` is the backstop too: the signal's OverBudget is a ValueError, and a library that catches
    those where the signal lands (a date parser, say) would otherwise let the document run on unbounded."""
    if seconds <= 0:
        yield
        return
    outer = getattr(_thread_budget, "until", None), getattr(_thread_budget, "seconds", None)
    _thread_budget.until, _thread_budget.seconds = time.monotonic() + seconds, seconds
    try:
        if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
            yield
        else:
            with _timer_signal(seconds):
                yield
    finally:
        _thread_budget.until, _thread_budget.seconds = outer


@contextmanager
def _timer_signal(seconds: float) -> Iterator[None]:
    """OverBudget raised by SIGALRM wherever the main thread is after `seconds`."""

    def stop(_signum: int, _frame: FrameType | None) -> None:
        raise _out_of_time(seconds)

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
