"""Runs the extractors over one article.

Extractors are looked up by name so that a model backend can replace one by
configuration (`FLASHPOINT_BACKENDS="entities=mypkg.mod:func"`), the rest staying built in.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from typing import Any

from flashpoint.model import AnalyzedArticle, Article
from flashpoint.nlp.document import NlpDoc, make_doc

Extractor = Callable[[NlpDoc], list[Any]]

# order matters: later extractors read what earlier ones found
STAGES: tuple[str, ...] = ("entities", "timexes", "quotes", "quantities", "events")

BUILTIN: dict[str, str] = {
    "entities": "flashpoint.nlp.entities:extract_entities",
    "timexes": "flashpoint.nlp.timexes:extract_timexes",
    "quotes": "flashpoint.nlp.quotes:extract_quotes",
    "quantities": "flashpoint.nlp.quantities:extract_quantities",
    "events": "flashpoint.nlp.events:extract_events",
}


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
    doc = make_doc(article)
    for stage, path in configured_backends(backends).items():
        setattr(doc, stage, load_extractor(path)(doc))
    return AnalyzedArticle(
        **article.model_dump(),
        entities=doc.entities,
        quotes=doc.quotes,
        timexes=doc.timexes,
        quantities=doc.quantities,
        events=doc.events,
    )
