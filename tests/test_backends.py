"""The spaCy model backend: a pipeline saved to disk, selected through FLASHPOINT_BACKENDS."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from flashpoint.model import Article
from flashpoint.nlp import pipeline
from flashpoint.nlp.backends import spacy_model

BACKEND = "entities=flashpoint.nlp.backends.spacy_model:extract_entities"


@pytest.fixture
def saved_pipeline(tmp_path: Path) -> Path:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([  # type: ignore[attr-defined]
        {"label": "PERSON", "pattern": "Sergey Lavrov"},
        {"label": "PERSON", "pattern": "Lavrov"},
        {"label": "GPE", "pattern": "Kiev"},
        {"label": "GPE", "pattern": "Moscow"},
        {"label": "ORG", "pattern": "Kremlin"},
        {"label": "ORG", "pattern": "Blue Lantern Society"},
        {"label": "DATE", "pattern": "Monday"},
    ])
    path = tmp_path / "ner-model"
    nlp.to_disk(path)
    return path


def test_saved_pipeline_runs_through_the_backend_override(saved_pipeline: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLASHPOINT_SPACY_MODEL", str(saved_pipeline))
    monkeypatch.setenv("FLASHPOINT_BACKENDS", BACKEND)
    spacy_model.load_model.cache_clear()
    body = ("On Monday Sergey Lavrov said Moscow would talk to Kiev. The Kremlin agreed. "
            "The Blue Lantern Society objected, and Lavrov left.")
    result = pipeline.analyze(Article(id="b", source="b", body=body))
    ents = result.entities
    texts = [e.text for e in ents]
    assert texts == ["Sergey Lavrov", "Moscow", "Kiev", "Kremlin", "Blue Lantern Society", "Lavrov"]  # DATE dropped
    for e in ents:
        assert body[e.start:e.end] == e.text
    by_text = {e.text: e for e in ents}
    # ids and actors come from flashpoint's resolver, not the model
    assert by_text["Sergey Lavrov"].id == by_text["Lavrov"].id
    assert by_text["Kiev"].name == "Kyiv" and by_text["Kiev"].actor.country == "UKR"  # type: ignore[union-attr]
    assert by_text["Kremlin"].actor.id == by_text["Moscow"].actor.id  # type: ignore[union-attr]
    assert by_text["Sergey Lavrov"].actor.sector == "GOV"  # type: ignore[union-attr]
    assert by_text["Blue Lantern Society"].type == "ORG"


def test_missing_model_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLASHPOINT_SPACY_MODEL", str(tmp_path / "not-there"))
    spacy_model.load_model.cache_clear()
    with pytest.raises(RuntimeError, match="never downloads"):
        spacy_model.extract_entities(pipeline.make_doc(Article(id="x", source="x", body="Kiev")))


def test_builtin_backend_is_used_without_configuration(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FLASHPOINT_BACKENDS", raising=False)
    assert pipeline.configured_backends()["entities"] == "flashpoint.nlp.entities:extract_entities"
