"""Entities from an installed or saved spaCy pipeline (FLASHPOINT_SPACY_MODEL: a path or package name).

Select it with FLASHPOINT_BACKENDS="entities=flashpoint.nlp.backends.spacy_model:extract_entities".
Nothing is downloaded: the pipeline must already be on disk. Its entity spans are mapped to
flashpoint's types, and each gets the same canonical id and actor as the rules backend gives.
"""

from __future__ import annotations

import os
from functools import lru_cache

import spacy
from spacy.language import Language

from flashpoint.model import Entity
from flashpoint.nlp.actors import resolve_actor
from flashpoint.nlp.document import NlpDoc
from flashpoint.nlp.gazetteer import fold, fold_id, gazetteer, slug

# OntoNotes labels (en_core_web_*) and common alternatives to flashpoint's six types
LABELS = {"PERSON": "PERSON", "PER": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "LOC",
          "NORP": "NORP", "EVENT": "EVENT", "MISC": "NORP"}


@lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """The configured pipeline; a clear error when it is missing rather than a download."""
    try:
        return spacy.load(name)
    except OSError as exc:
        raise RuntimeError(f"spaCy pipeline {name!r} (FLASHPOINT_SPACY_MODEL) is not installed or saved there; "
                           "flashpoint never downloads models") from exc


def _model_name() -> str:
    name = os.environ.get("FLASHPOINT_SPACY_MODEL", "").strip()
    if not name:
        raise RuntimeError("FLASHPOINT_SPACY_MODEL is not set: give a spaCy pipeline path or package name")
    return name


def extract_entities(doc: NlpDoc) -> list[Entity]:
    """The pipeline's entities with flashpoint ids and actors."""
    nlp = load_model(_model_name())
    body = doc.body
    out: list[Entity] = []
    seen: dict[str, tuple[str, str]] = {}  # surname -> (id, name) of a person named in full earlier
    g = gazetteer()
    for ent in nlp(body).ents:
        etype = LABELS.get(ent.label_)
        if etype is None:
            continue
        text = ent.text
        hits = g.lookup(text)
        actor = resolve_actor(text, body[:ent.start_char]) if etype in ("PERSON", "ORG", "GPE", "NORP") else None
        if hits:
            ident, name = hits[0].id, hits[0].name
        elif etype == "PERSON" and fold(text) in seen:
            ident, name = seen[fold(text)]
        else:
            ident = f"person:{fold_id(text)}" if etype == "PERSON" else f"{etype.lower()}:{slug(text)}"
            name = text
        if etype == "PERSON" and " " in fold(text):
            seen.setdefault(fold(text).split()[-1], (ident, name))
        if actor is not None and etype == "PERSON":
            actor = actor.model_copy(update={"id": actor.id if hits else ident, "name": name})
        out.append(Entity(text=text, start=ent.start_char, end=ent.end_char, type=etype,  # type: ignore[arg-type]
                          id=ident, name=name, actor=actor))
    return out
