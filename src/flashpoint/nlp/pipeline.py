"""Runs the extractors over one article, in the order their needs allow.

Each extractor is a component that states what it reads from the shared document and what it
adds, as spaCy's registered components do; the pipeline checks the order once. A model backend can
replace one by configuration (`FLASHPOINT_BACKENDS="entities=mypkg.mod:func"`), the rest staying built in.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flashpoint.model import AnalyzedArticle, Article
from flashpoint.nlp.document import NlpDoc, make_doc
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
    Component("quotes", "flashpoint.nlp.quotes:extract_quotes", ("tokens", "entities")),
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


def analyze(article: Article, backends: dict[str, str] | None = None) -> AnalyzedArticle:
    stages = configured_backends(backends)
    # a model backend may read any sentence's parse; the built-in extractors read only their scope's
    doc = make_doc(article, scope=wanted_sentences if stages == BUILTIN else None)
    for stage, path in stages.items():
        setattr(doc, stage, load_extractor(path)(doc))
    return AnalyzedArticle(
        **article.model_dump(),
        entities=doc.entities,
        quotes=doc.quotes,
        timexes=doc.timexes,
        quantities=doc.quantities,
        events=doc.events,
    )


check_order()
