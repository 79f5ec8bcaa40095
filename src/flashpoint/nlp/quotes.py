"""quotes extractor (built-in rules backend)."""

from __future__ import annotations

from flashpoint.nlp.document import NlpDoc


def extract_quotes(doc: NlpDoc) -> list:
    return []
