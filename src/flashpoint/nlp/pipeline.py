"""Runs the extractors over one article, in the order their needs allow.

Each extractor is a component that states what it reads from the shared document and what it
adds, as spaCy's registered components do; the pipeline checks the order once. A model backend can
replace one by configuration (`FLASHPOINT_BACKENDS="entities=mypkg.mod:func"`), the rest staying built in.
"""

from __future__ import annotations

import atexit
import gc
import importlib
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from flashpoint.model import AnalyzedArticle, Article
from flashpoint.nlp.document import NlpDoc, make_doc
from flashpoint.nlp.languages import is_analysed, not_analysed_warning
from flashpoint.nlp.parse_scope import wanted_sentences

Extractor = Callable[[NlpDoc], list[Any]]


@dataclass(frozen=True)
class Component:
    name: str  # also the NlpDoc field it fills
    function: str  # module:function
    reads: tuple[str, ...]  # NlpDoc fields it needs ("tokens" is the parsed Doc)


COMPONENTS: tuple[Component, ...] = (
    Component("entities", "flashpoint.nlp.entities:extract_entities", ("tokens",)),
    Component("timexes", "flashpoint.nlp.timexes:extract_timexes", ("tokens",)),
    # quotes read the dates (a date after a speech verb is no speaker: 'said Tuesday'), so they run after them; the
    # dates read the quote marks the quote finder reads from the Doc (quotes.quote_marks), not its quotes
    Component("quotes", "flashpoint.nlp.quotes:extract_quotes", ("tokens", "entities", "timexes")),
    Component("quantities", "flashpoint.nlp.quantities:extract_quantities", ("tokens", "entities", "quotes")),
    Component("events", "flashpoint.nlp.events:extract_events", ("tokens", "entities", "quotes", "timexes")),
)
STAGES: tuple[str, ...] = tuple(c.name for c in COMPONENTS)
BUILTIN: dict[str, str] = {c.name: c.function for c in COMPONENTS}


def check_order(components: tuple[Component, ...] = COMPONENTS) -> None:
    """Every component reads only what the document has, or an earlier component added."""
    available = {"tokens"}
    for c in components:
        missing = set(c.reads) - available
        if missing:
            raise ValueError(f"component {c.name} reads {sorted(missing)} before any component adds it")
        available.add(c.name)


def load_extractor(path: str) -> Extractor:
    module_name, _, attr = path.partition(":")
    module = importlib.import_module(module_name)
    func: Extractor = getattr(module, attr)
    return func


def configured_backends(overrides: dict[str, str] | None = None) -> dict[str, str]:
    backends = dict(BUILTIN)
    spec = os.environ.get("FLASHPOINT_BACKENDS", "")
    for part in filter(None, (p.strip() for p in spec.split(","))):
        stage, _, path = part.partition("=")
        if stage not in BUILTIN:
            raise ValueError(f"unknown pipeline stage {stage!r} in FLASHPOINT_BACKENDS")
        backends[stage] = path
    backends.update(overrides or {})
    return backends


_LOADED: list[bool] = []  # set once the first analysis of this process has loaded the lexicons


@contextmanager
def _loading_once() -> Iterator[None]:
    """The first analysis in a process loads the parser and the extractors' lexicons: a hundred thousand
    objects that live as long as the process. The collector is held off while they load and then told to
    leave them be (gc.freeze), so no later collection walks them again: the first pass over 40 pages spent
    0.33 s CPU in collections, 0.12 s with this. At exit they are handed back (gc.unfreeze), so that the
    interpreter's last collection still finalises what they hold (a file left open is still flushed)."""
    if _LOADED:
        yield
        return
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
        gc.freeze()
        atexit.register(gc.unfreeze)  # at exit the collector sees them again, to finalise what they hold
        _LOADED.append(True)


def analyze(article: Article, backends: dict[str, str] | None = None) -> AnalyzedArticle:
    """The article's records; a body in a language flashpoint has no rules for (as ingest told it) gets none, and a
    warning naming the language, rather than what the English rules and parser make of its words."""
    if not is_analysed(article.language):
        return AnalyzedArticle(**article.model_dump(), warnings=[not_analysed_warning(str(article.language))])
    with _loading_once():
        return _analyze(article, backends)


def _analyze(article: Article, backends: dict[str, str] | None) -> AnalyzedArticle:
    stages = configured_backends(backends)
    # a model backend may read any sentence's parse; the built-in extractors read only their scope's
    doc = make_doc(article, scope=wanted_sentences if stages == BUILTIN else None)
    for stage, path in stages.items():
        setattr(doc, stage, load_extractor(path)(doc))
    return AnalyzedArticle(
        **article.model_dump(),
        entities=doc.entities,
        quotes=doc.quotes,
        # a count from the date told ('seven days later') dates its clause's events, shows no date of its own
        timexes=[t for t in doc.timexes if (t.start, t.end) not in doc.extras.get("unshown_timexes", ())],
        quantities=doc.quantities,
        events=doc.events,
    )


check_order()
