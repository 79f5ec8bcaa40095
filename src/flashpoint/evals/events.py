"""Event-coding eval that counts false events too: `flashpoint eval events PATH`.

The PLOVER gold set lists one event per sentence, so it cannot say whether a second coded
event is right. This suite's sentences list every event they hold (none for a sentence that
reports nothing), so precision is measured as well as recall. A gold type may name
alternatives ("AGREE|AID"); a null side is not checked; the coder sees each sentence alone.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from flashpoint.evals.plover import code_sentence, side_matches
from flashpoint.model import Event
from flashpoint.nlp.plover import canonical_type


def _types(gold: dict[str, Any]) -> set[str]:
    return {canonical_type(t) for t in str(gold.get("type", "")).split("|") if t}


def _side(code: str | None) -> list[dict[str, Any]]:
    return [{"code": code}] if code else []


def matches(gold: dict[str, Any], event: Event, sides: bool) -> bool:
    if event.type not in _types(gold):
        return False
    if not sides:
        return True
    return side_matches(_side(gold.get("actor")), event.actor) and \
        side_matches(_side(gold.get("recipient")), event.recipient)


def score_sentence(golds: list[dict[str, Any]], events: list[Event]) -> dict[str, int]:
    """Counts for one sentence: gold events found (type; type and sides) and coded events right.
    A negated event no gold event asks for says that nothing happened: it is not counted."""
    events = [e for e in events if not e.negated or any(matches(g, e, False) for g in golds)]
    return {
        "gold": len(golds),
        "found_type": sum(any(matches(g, e, False) for e in events) for g in golds),
        "found_full": sum(any(matches(g, e, True) for e in events) for g in golds),
        "coded": len(events),
        "right_type": sum(any(matches(g, e, False) for g in golds) for e in events),
        "right_full": sum(any(matches(g, e, True) for g in golds) for e in events),
    }


def run(path: Path, **_: Any) -> dict[str, Any]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    totals = dict.fromkeys(("gold", "found_type", "found_full", "coded", "right_type", "right_full"), 0)
    misses: list[str] = []
    extras: list[str] = []
    for rec in data["sentences"]:
        events = code_sentence(rec["text"], rec.get("date"))
        counts = score_sentence(rec["events"], events)
        for k, v in counts.items():
            totals[k] += v
        for g in rec["events"]:
            if not any(matches(g, e, True) for e in events):
                misses.append(f"{g['type']} {g.get('actor')}->{g.get('recipient')}: {rec['text'][:70]}")
        for e in events:
            if not e.negated and not any(matches(g, e, False) for g in rec["events"]):
                extras.append(f"{e.type} ({e.trigger}): {rec['text'][:70]}")
    return {
        "sentences": len(data["sentences"]),
        "gold_events": totals["gold"],
        "coded_events": totals["coded"],
        "recall_type": round(totals["found_type"] / max(1, totals["gold"]), 3),
        "recall_full": round(totals["found_full"] / max(1, totals["gold"]), 3),
        "precision_type": round(totals["right_type"] / max(1, totals["coded"]), 3),
        "precision_full": round(totals["right_full"] / max(1, totals["coded"]), 3),
        "misses": misses,
        "false_events": extras,
    }
