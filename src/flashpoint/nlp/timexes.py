"""timexes extractor (built-in rules backend)."""

from __future__ import annotations

from flashpoint.nlp.document import NlpDoc


def extract_timexes(doc: NlpDoc) -> list:
    return []
