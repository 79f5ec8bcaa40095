"""PLOVER event-coding eval: `flashpoint eval plover PATH`.

Each gold record is one sentence with its event type and the actor and recipient country
codes. The sentence is coded as a one-sentence article; a record counts as found when an
event of its type (old 0.5b1 names mapped to current ones) is coded, and as fully matched
when that event's actor and recipient also agree with the gold codes. Compound gold sides
match any member; a gold side that is absent is not checked. Gold IGO/NGO-style codes match
any coded international body.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from flashpoint.model import Actor, Article, Event
from flashpoint.nlp.pipeline import analyze
from flashpoint.nlp.plover import canonical_type

# legacy CAMEO country codes in older gold sets, and their ISO 3166 alpha-3 codes
LEGACY_CODES = {"ITL": "ITA", "JAP": "JPN", "VTN": "VNM", "GMY": "DEU", "UK": "GBR"}
BODY_CODES = {"IGO", "NGO", "IMG", "MNC"}


def _side(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, list):
        return [v for v in value if isinstance(v, dict)]
    if isinstance(value, dict):
        return [value]
    return []


def _gold_code(entry: dict[str, Any]) -> str | None:
    code = entry.get("code") or entry.get("country")
    if not code:
        return None
    code = str(code).upper()
    return LEGACY_CODES.get(code, code)


def side_matches(gold: list[dict[str, Any]], coded: Actor | None) -> bool:
    """True when the coded actor is one of the gold side's members (or the side is unspecified)."""
    codes = [c for c in (_gold_code(g) for g in gold) if c]
    if not codes:
        return True
    if coded is None:
        return False
    for code in codes:
        if code in BODY_CODES and coded.code:
            return True
        if coded.country == code or (coded.code or "").upper() == code:
            return True
    return False


def score_record(gold: dict[str, Any], events: list[Event]) -> tuple[bool, bool]:
    """(type found, type + actor + recipient found) for one gold record."""
    gtype = canonical_type(str(gold.get("event") or gold.get("type") or ""))
    typed = [e for e in events if e.type == gtype]
    source = _side(gold.get("source", gold.get("actor")))
    target = _side(gold.get("target", gold.get("recipient")))
    full = any(side_matches(source, e.actor) and side_matches(target, e.recipient) for e in typed)
    return bool(typed), full


def event_precision(gold: dict[str, Any], events: list[Event]) -> tuple[int, int]:
    """(events of the gold type, events of the gold type with both countries right) among those coded."""
    gtype = canonical_type(str(gold.get("event") or gold.get("type") or ""))
    source = _side(gold.get("source", gold.get("actor")))
    target = _side(gold.get("target", gold.get("recipient")))
    typed = [e for e in events if e.type == gtype]
    full = [e for e in typed if side_matches(source, e.actor) and side_matches(target, e.recipient)]
    return len(typed), len(full)


def code_sentence(text: str, published: str | None) -> list[Event]:
    article = Article(id="gsr", source="plover-gsr", body=text.strip(), published=published)
    return analyze(article).events


def run(path: Path, **_: Any) -> dict[str, Any]:
    """Share of gold records whose type, and whose type with both countries, are coded."""
    records = json.loads(Path(path).read_text(encoding="utf-8"))
    if isinstance(records, dict):
        records = records.get("records") or records.get("data") or list(records.values())
    per_type: dict[str, list[int]] = {}
    typed = full = 0
    halves = [[0, 0, 0], [0, 0, 0]]  # records, typed, full for even and odd positions
    produced = produced_typed = produced_full = 0
    for k, rec in enumerate(records):
        events = code_sentence(str(rec.get("text", "")), rec.get("date"))
        t, f = score_record(rec, events)
        pt, pf = event_precision(rec, events)
        produced += len(events)
        produced_typed += pt
        produced_full += pf
        typed += t
        full += f
        gtype = canonical_type(str(rec.get("event", "")))
        row = per_type.setdefault(gtype, [0, 0, 0])
        row[0] += 1
        row[1] += t
        row[2] += f
        half = halves[k % 2]
        half[0] += 1
        half[1] += t
        half[2] += f
    n = max(1, len(records))
    return {
        "records": len(records),
        "type_recall": round(typed / n, 3),
        "type_actor_recipient": round(full / n, 3),
        # over-coding: events produced per sentence, and the share of them that match the
        # sentence's gold event (type; type and both countries). Each gold sentence lists one
        # event, so real second events in a sentence count as misses: a lower bound.
        "events_per_sentence": round(produced / n, 3),
        "precision_type": round(produced_typed / max(1, produced), 3),
        "precision_full": round(produced_full / max(1, produced), 3),
        "half_even": {"type_recall": round(halves[0][1] / max(1, halves[0][0]), 3),
                      "type_actor_recipient": round(halves[0][2] / max(1, halves[0][0]), 3)},
        "half_odd": {"type_recall": round(halves[1][1] / max(1, halves[1][0]), 3),
                     "type_actor_recipient": round(halves[1][2] / max(1, halves[1][0]), 3)},
        "per_type": {t: {"n": r[0], "type": round(r[1] / r[0], 3), "full": round(r[2] / r[0], 3)}
                     for t, r in sorted(per_type.items())},
    }


def _fold(text: str) -> str:
    return " ".join(text.split())


def _gold_side_ok(gold: dict[str, Any] | None, coded: Actor | None) -> bool:
    if not gold:
        return True
    return side_matches([gold], coded)


def run_seeds(gold_path: Path) -> dict[str, Any]:
    """The events part of the seeds gold: each gold event is found when an event coded in the
    sentence containing its `sentence_contains` has its type, actor and recipient country; and
    background check: events coded in sentences naming a year of a past timeline entry
    (before the article's year) must be marked historical."""
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    folder = Path(gold_path).parent
    found = typed = total = 0
    background = unmarked = 0
    produced = produced_typed = 0
    misses: list[str] = []
    past_years = {str(t["date"])[:4]: t.get("docs", []) for t in gold["cross_document"].get("timeline", [])}
    for doc in gold["documents"]:
        coded = _seed_events(folder, doc)
        if coded is None:
            continue
        article, events = coded
        n_background, n_unmarked = _background_events(events, past_years, doc["file"][:3], article.published)
        background += n_background
        unmarked += n_unmarked
        n_produced, n_typed = _events_in_gold_sentences(doc.get("events", []), events)
        produced += n_produced
        produced_typed += n_typed
        for g in doc.get("events", []):
            total += 1
            ok_type, ok = _gold_event_found(g, events)
            typed += ok_type
            found += ok
            if not ok:
                misses.append(f"{g['type']}: {_fold(g['sentence_contains'])[:60]}")
    n = max(1, total)
    return {"events": total, "type_recall": round(typed / n, 3), "type_actor_recipient": round(found / n, 3),
            "events_in_gold_sentences": produced,
            "precision_type": round(produced_typed / max(1, produced), 3),
            "background_events": background, "background_unmarked": unmarked, "misses": misses}


def _seed_events(folder: Path, doc: dict[str, Any]) -> tuple[Article, list[Event]] | None:
    """A seed document read and coded, with the gold publication date given; None if it cannot be read."""
    from flashpoint.ingest.pipeline import load_articles

    loaded = next(iter(load_articles([str(folder / doc["file"])])))
    if not isinstance(loaded, Article):
        return None
    article = loaded.model_copy(update={"published": doc.get("published") or loaded.published})
    return article, analyze(article).events


def _background_events(events: list[Event], past_years: dict[str, list[str]], prefix: str,
                       published: str | None) -> tuple[int, int]:
    """Events in sentences naming the year of a past timeline entry of this document, before the article's
    year, and how many of them are not marked historical."""
    background = unmarked = 0
    for ev in events:
        year = next((y for y, docs in past_years.items() if prefix in docs and y in ev.text
                     and published and y < published[:4]), None)
        if year is not None:
            background += 1
            unmarked += not ev.historical
    return background, unmarked


def _events_in_gold_sentences(golds: list[dict[str, Any]], events: list[Event]) -> tuple[int, int]:
    """Events coded in the sentences of gold events, and how many of them have a type the gold gives there."""
    gold_types: dict[str, set[str]] = {}
    for g in golds:
        needle = _fold(g["sentence_contains"])
        for e in events:
            if needle in _fold(e.text):
                gold_types.setdefault(e.text, set()).add(canonical_type(g["type"]))
    sentence_events = [e for e in events if e.text in gold_types]
    return len(sentence_events), sum(e.type in gold_types[e.text] for e in sentence_events)


def _gold_event_found(g: dict[str, Any], events: list[Event]) -> tuple[bool, bool]:
    """Whether an event in the gold event's sentence has its type, and whether one also has both its sides."""
    needle = _fold(g["sentence_contains"])
    here = [e for e in events if needle in _fold(e.text)]
    ok_type = [e for e in here if e.type == canonical_type(g["type"])]
    ok = [e for e in ok_type if _gold_side_ok(g.get("actor"), e.actor)
          and _gold_side_ok(g.get("recipient"), e.recipient)]
    return bool(ok_type), bool(ok)
