"""Real-news eval: `flashpoint eval realnews GOLD` scores whole articles against hand annotations.

The gold files (tests/data/realnews, format in ../shared/realnews/ANNOTATION.md) hold every event,
quote, figure and date of real articles, so precision is measured as well as recall. The article
texts are not in the repository: they are read from ../shared/realnews/articles.jsonl and go
through the same ingest path as a user's JSONL record, so cleaning runs as it does for users.
Each gold item is located by its evidence clause in the analysed body; system records are
matched one-to-one, greedily, by overlapping spans. An act two sides do together (a type of plover.yaml
symmetric_types: CONSULT, AGREE, COOPERATE) told both ways has no direction: a mirror pair (X->Y and Y->X of one
such type at one clause) is one event on the gold side and on the system side, matched in either order, since the
coder writes both orders of "X and Y met" and the annotators wrote one (the event samples) or both (some tune
articles); every other type is matched in its direction. `split.json` names the tune and held-out
articles; mistakes are listed for tune articles only, never for held-out ones.
A list at one clause is one target (the convention of 2026-12-08; `one_per_list`): records of one type with the same
actor country and the same recipient country that name different parties of one clause ("repelled attacks near A, B
and C", "shelled A and B", "sanctions X, Y and Z") count once on the gold side and once on the system side, since
the strict match tells sides by their countries alone and the labelled sets disagree on lists (event samples 6-15
label one record per list of places, 16-29 one per place; the coder writes one record for a list in a locative, one
per conjunct of an object). A gold list is records whose evidence overlaps; a coded one, records of one sentence and
trigger. A record with no country on a side is never merged, lists of different countries stay one record per
country ("attacks in Mali, Niger and Burkina Faso": three), and two records naming the same parties are no list (two
verbs of one clause, "abducts, tortures people", or one act coded twice). `--errors` shows each list counted once
(LIST lines), matched or not.
`--ignore-published` withholds each text's publication date from the pipeline (its address is still
read), so the tune articles, which all carry one, show how dates fare on a page with no date metadata,
where the tool must read the day from the text as the annotator did.
A second gold set in the same format, tests/data/news181_gold, annotates pages of the
article-extraction data (all of it tune since 2026-12-06):
`--articles ../shared/eval/article-extraction/ground-truth.json --split tune`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from flashpoint.nlp.language import names
from flashpoint.nlp.plover import ontology

ARTICLES_FROM_ROOT = Path("..") / "shared" / "realnews" / "articles.jsonl"
MIN_CONFIDENCE = 0.5
SPLITS = ("tune", "heldout", "heldout2", "all")  # heldout2: annotated later, first scored at the stop after
CLIP = 120
Span = tuple[int, int]
Record = dict[str, Any]


# -- locating gold evidence ---------------------------------------------------------------------

ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")


def _squeeze(text: str) -> tuple[str, list[int]]:
    """The text with every whitespace run as one space and zero-width characters dropped, and each
    kept character's original offset."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if ch in ZERO_WIDTH:
            continue
        if ch.isspace():
            if out and out[-1] == " ":
                continue
            ch = " "
        out.append(ch)
        where.append(i)
    return "".join(out), where


def locate(body: str, evidence: str | None) -> Span | None:
    """Where the evidence clause is in the body: an exact find, else one that ignores how whitespace
    was written (the cleaner may have joined lines, changed no-break spaces or dropped zero-width
    ones); None when the cleaner dropped it."""
    if not evidence:
        return None
    at = body.find(evidence)
    if at >= 0:
        return at, at + len(evidence)
    squeezed, where = _squeeze(body)
    needle = _squeeze(evidence.strip())[0]
    at = squeezed.find(needle)
    if at < 0 or not needle:
        return None
    return where[at], where[at + len(needle) - 1] + 1


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# -- one-to-one greedy matching -----------------------------------------------------------------

def match_greedy(golds: list[Record], systems: list[Record], same: Callable[[Record, Record], bool]) -> list[tuple[int, int]]:
    """Pairs (gold index, system index): each gold item, in order, takes the first free system item
    that matches it; each system item is used at most once."""
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for gi, g in enumerate(golds):
        for si, s in enumerate(systems):
            if si not in used and same(g, s):
                used.add(si)
                pairs.append((gi, si))
                break
    return pairs


def prf(gold: int, system: int, matched: int) -> dict[str, Any]:
    p = matched / system if system else 0.0
    r = matched / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
            "gold": gold, "system": system, "matched": matched}


# -- events ------------------------------------------------------------------------------------

def gold_event_counts(event: Record) -> bool:
    """Only current, affirmed, real happenings are targets; an event the annotator did not mark is current,
    affirmed and real (the guide asks for the flags only where they say otherwise)."""
    return event.get("current", True) is not False and not event.get("negated") and not event.get("hypothetical")


def system_event_counts(event: Record, min_confidence: float) -> bool:
    return not (event.get("historical") or event.get("negated") or event.get("hypothetical")) \
        and float(event.get("confidence") or 0.0) >= min_confidence


def side_country(actor: Record | None) -> str | None:
    """The actor's country; an IGO (a code, no country) and an unknown side are both null."""
    if not actor:
        return None
    return actor.get("country") or None


def event_spans(event: Record) -> list[Span]:
    spans = [(int(event["start"]), int(event["end"]))]
    spans += [(int(m["start"]), int(m["end"])) for m in event.get("mentions") or []]
    return spans


MIRRORED = "_mirrored"  # the mark one_of_each_mirror_pair puts on the event it keeps of a pair told both ways


@lru_cache(maxsize=1)
def symmetric_types() -> frozenset[str]:
    """Types of act two sides do together, with no direction (resources/plover.yaml symmetric_types: CONSULT, ...)."""
    return frozenset(ontology().get("symmetric_types") or ())


def event_matches(gold: Record, event: Record, strict: bool) -> bool:
    """Gold records carry their located `span`; strict also asks for both sides' countries, in either order for a
    symmetric type where one of the two was told both ways (a mirror pair, one_of_each_mirror_pair): "Zelensky and
    Macron met", coded UKR->FRA and FRA->UKR, is the gold's FRA->UKR; a lone record names a direction ("Netanyahu
    visits Washington") and must have the gold's."""
    if gold.get("span") is None or event.get("type") != gold.get("type"):
        return False
    if not any(overlaps(s, gold["span"]) for s in event_spans(event)):
        return False
    if not strict:
        return True
    sides = _gold_countries(gold)
    given = _system_countries(event)
    undirected = gold.get(MIRRORED) or event.get(MIRRORED)
    return given == sides or (bool(undirected) and gold["type"] in symmetric_types() and given == sides[::-1])


def one_of_each_mirror_pair(events: list[Record], sides: Callable[[Record], tuple[Any, Any]],
                            clause: Callable[[Record], Any]) -> list[Record]:
    """The events with one of each mirror pair of a symmetric type dropped: X->Y and Y->X of one type at one clause
    are one act between two sides, whether the annotator or the coder wrote both orders or one; so neither
    convention is counted as a second event or a second miss. The one kept is marked MIRRORED (it then matches in
    either order). Pairs are made one to one (X->Y, Y->X, Y->X keeps the last); a gold side is its country, a coded
    one its country and who it is."""
    unpaired: dict[tuple[Any, ...], list[int]] = {}
    kept: list[Record] = []
    for e in events:
        actor, recipient = sides(e)
        mirror = (e.get("type"), clause(e), recipient, actor)
        if e.get("type") in symmetric_types() and unpaired.get(mirror):
            at = unpaired[mirror].pop(0)
            kept[at] = {**kept[at], MIRRORED: True}  # told both ways: the act has no direction
            continue
        unpaired.setdefault((e.get("type"), clause(e), actor, recipient), []).append(len(kept))
        kept.append(e)
    return kept


MERGED_LIST = "_merged_list"  # the mark one_per_list puts on the event it keeps of a list: how many records it stands for
Side = tuple[Any, Any]  # a side as the merges read it: its country and who it is


def one_per_list(events: list[Record], sides: Callable[[Record], tuple[Side, Side]],
                 same_clause: Callable[[Record, Record], bool]) -> list[Record]:
    """The events with every member of a list at one clause but the first dropped: records of one type with the same
    actor country and the same recipient country, told at one clause, that name different parties ("repelled attacks
    near A, B and C", "shelled A and B", "sanctions X, Y and Z") are one target, since the strict match tells sides
    by their countries alone and cannot tell one place or person of a country from another; so one record per list
    and one per member score alike, on either side. The one kept is marked MERGED_LIST with the number of records it
    stands for. Never merged: a record with no country on a side (nothing tells it apart from another act); records
    of different countries (Mali, Niger and Burkina Faso stay three); two naming the same parties, which are no list
    but two acts of one clause ("abducts, tortures people") or one act coded twice."""
    kept: list[Record] = []
    for e in events:
        (actor, who_acts), (recipient, who_suffers) = sides(e)
        at = next((i for i, k in enumerate(kept) if actor and recipient and k.get("type") == e.get("type")
                   and _list_member(sides(k), (actor, recipient), (who_acts, who_suffers)) and same_clause(k, e)), None)
        if at is None:
            kept.append(e)
        else:
            kept[at] = {**kept[at], MERGED_LIST: int(kept[at].get(MERGED_LIST) or 1) + 1}
    return kept


def _list_member(kept: tuple[Side, Side], countries: tuple[Any, Any], parties: tuple[Any, Any]) -> bool:
    """A record with the kept one's two countries and another party on a side: another member of its list."""
    (actor, who_acts), (recipient, who_suffers) = kept
    return (actor, recipient) == countries and (who_acts, who_suffers) != parties


def same_gold_clause(a: Record, b: Record) -> bool:
    """Two gold events told at one clause: their located evidence overlaps (the annotator wrote one clause for the
    list, or one per member inside it), or, not found in the body, their evidence is the same text."""
    if a.get("span") is None or b.get("span") is None:
        return a.get("span") is None and b.get("span") is None and a.get("evidence") == b.get("evidence")
    return overlaps(a["span"], b["span"])


def same_system_clause(a: Record, b: Record) -> bool:
    """Two coded events told at one clause: the same sentence and the same trigger word (the coder writes one record
    per conjunct of an object list, "shelled A, B and C", all of one trigger; two verbs of one sentence are two acts,
    as their gold records, naming the same parties, are)."""
    return _system_clause(a) == _system_clause(b)


def _system_clause(event: Record) -> tuple[Any, Any, Any]:
    return event.get("start"), event.get("end"), event.get("trigger")


def counted_gold_events(gold: Record, body: str) -> list[Record]:
    """The gold events an article is scored on, each with its located `span`: current, affirmed and real, one per
    list at one clause (one_per_list), one of each mirror pair (one_of_each_mirror_pair)."""
    located = _with_spans([e for e in gold.get("events") or [] if gold_event_counts(e)], body)
    return one_of_each_mirror_pair(one_per_list(located, _gold_parties, same_gold_clause),
                                   _gold_countries, lambda g: g.get("evidence"))


def counted_system_events(events: list[Record], min_confidence: float) -> list[Record]:
    """The coded events an article is scored on at `min_confidence`: current, affirmed and real, one per list at one
    clause, one of each mirror pair; as counted_gold_events counts the gold."""
    counted = [e for e in events if system_event_counts(e, min_confidence)]
    return one_of_each_mirror_pair(one_per_list(counted, _system_parties, same_system_clause), _system_parties,
                                   _system_clause)


def _gold_countries(gold: Record) -> tuple[str | None, str | None]:
    return gold.get("actor_country") or None, gold.get("recipient_country") or None


def _gold_parties(gold: Record) -> tuple[Side, Side]:
    """Each gold side's country and who it is (its text as written, case and spacing aside)."""
    def side(key: str) -> Side:
        return gold.get(f"{key}_country") or None, " ".join(str(gold.get(key) or "").lower().split())

    return side("actor"), side("recipient")


def _system_side(actor: Record | None) -> tuple[str | None, str | None]:
    """A coded side as a mirror pair swaps it: its country and who it is (two meetings told in one sentence,
    "Petersen met Kumaratunga, and Balasingham and Solheim held talks", are no mirror pair of NOR and LKA)."""
    return side_country(actor), (actor or {}).get("id") or (actor or {}).get("name")


def _system_parties(event: Record) -> tuple[Any, Any]:
    return _system_side(event.get("actor")), _system_side(event.get("recipient"))


def _system_countries(event: Record) -> tuple[str | None, str | None]:
    return side_country(event.get("actor")), side_country(event.get("recipient"))


# -- quotes ------------------------------------------------------------------------------------

def _words(name: str | None) -> list[str]:
    return re.findall(r"\w+(?:['’-]\w+)*", (name or "").replace("’", "'").lower())


def _initials(name: str | None) -> str:
    """'International Atomic Energy Agency' -> 'iaea': the capitalised words' first letters."""
    return "".join(w[0] for w in re.findall(r"[A-Z][\w'’-]*", name or "")).lower()


def same_speaker(gold: Record, quote: Record) -> bool:
    """Same country (when gold gives one), the two names share a surname (last word), or one ends in
    the other's initials ("the IAEA" and "International Atomic Energy Agency")."""
    speaker = quote.get("speaker") or {}
    country = gold.get("speaker_country")
    if country and side_country(speaker.get("actor")) == country:
        return True
    gw, sw = _words(gold.get("speaker")), _words(speaker.get("name"))
    if not gw or not sw:
        return False
    gi, si = _initials(gold.get("speaker")), _initials(speaker.get("name"))
    return gw[-1] == sw[-1] or sw[-1] in gw or gw[-1] in sw or \
        len(si) > 1 and gw[-1] == si or len(gi) > 1 and sw[-1] == gi


def quote_matches(gold: Record, quote: Record, speaker: bool) -> bool:
    if gold.get("span") is None or not overlaps((int(quote["start"]), int(quote["end"])), gold["span"]):
        return False
    return not speaker or same_speaker(gold, quote)


# -- figures -----------------------------------------------------------------------------------

def same_value(a: float, b: float) -> bool:
    return abs(a - b) <= 0.005 * max(abs(a), abs(b))


def gold_number(value: Any) -> float | None:
    """A gold figure's value as a number: 12, 12.5, "1,200" or "12"; None for anything else ("dozens")."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    text = str(value).strip()
    return float(text.replace(",", "")) if NUMBER.fullmatch(text) else None


NUMBER = re.compile(r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")


def figure_matches(gold: Record, quantity: Record, kind: bool) -> bool:
    if gold.get("span") is None or not overlaps((int(quantity["start"]), int(quantity["end"])), gold["span"]):
        return False
    value = gold_number(gold.get("value"))
    if value is None or not same_value(value, float(quantity["value"])):
        return False
    return not kind or gold.get("kind") == quantity.get("kind")


def same_claimant(gold: str | None, given: str | None) -> bool:
    """Who gives a figure, by the gold and by the system: both no one; the words of one inside the other's ('Ministry
    of Health' for 'the Ministry of Health', 'TIB' for 'Transparency International Bangladesh (TIB)'); or one the
    acronym of the other ('KCNA' for 'Korean Central News Agency', 'the UN' for 'United Nations')."""
    if not gold or not given:
        return not gold and not given
    gw, sw = f" {' '.join(_words(gold))} ", f" {' '.join(_words(given))} "
    if gw.strip() and sw.strip() and (sw in gw or gw in sw):
        return True
    return _acronym_of(gold, given) or _acronym_of(given, gold)


def _acronym_of(short: str, name: str) -> bool:
    """'KCNA' (or 'the KCNA': entities.yaml acronym_determiners) is the acronym of 'Korean Central News Agency': one
    word of its capitalised initials."""
    words = [w for w in _words(short) if w not in names().acronym_determiners]
    return len(words) == 1 and len(words[0]) > 1 and words[0] == _initials(name)


def figure_claimed_alike(gold: Record, quantity: Record) -> bool:
    """The same figure by value, given by the same claimant (`same_claimant`; a gold figure with none names no one)."""
    return figure_matches(gold, quantity, False) and same_claimant(gold.get("claimant"), quantity.get("claimed_by"))


# -- dates -------------------------------------------------------------------------------------

def date_keys(items: Iterable[Record]) -> set[tuple[str, str | None]]:
    """Each (text, value) once: a date named three times is one date."""
    return {(str(d.get("text") or "").strip().lower(), d.get("value")) for d in items}


# -- one article -------------------------------------------------------------------------------

def _counts(golds: list[Record], systems: list[Record], same: Callable[[Record, Record], bool]) -> dict[str, Any]:
    pairs = match_greedy(golds, systems, same)
    return {"gold": len(golds), "system": len(systems), "matched": len(pairs),
            "missed": sorted(set(range(len(golds))) - {g for g, _ in pairs}),
            "extra": sorted(set(range(len(systems))) - {s for _, s in pairs})}


def _with_spans(items: list[Record], body: str) -> list[Record]:
    return [{**g, "span": locate(body, g.get("evidence"))} for g in items]


def score_article(gold: Record, record: Record, min_confidence: float = MIN_CONFIDENCE) -> dict[str, Any]:
    """Counts per extractor for one analysed article (a DESIGN.md record) against its gold object;
    events are scored at `min_confidence` and at 0. An act of a symmetric type between two sides (plover.yaml
    symmetric_types: a meeting, talks, an accord, a joint action) is one event however many orders name it: a
    mirror pair (X->Y and Y->X at one evidence clause, or at one system event span) counts once on the gold side and
    on the system side, and matches the other side's event in either order; a lone record of such a type, and every
    other type, keeps its direction. A list of different parties of the same two countries at one clause counts once
    on each side too (`one_per_list`, before the mirror pairs are made): counted_gold_events, counted_system_events."""
    body = record.get("body") or ""
    events = counted_gold_events(gold, body)
    quotes = _with_spans(gold.get("quotes", []), body)
    figures = _with_spans(gold.get("figures", []), body)
    out: dict[str, Any] = {"not_in_body": [(sec, g.get("evidence")) for sec, items in
                                           (("events", events), ("quotes", quotes), ("figures", figures))
                                           for g in items if g["span"] is None]}
    for name, threshold in (("events", min_confidence), ("events@0", 0.0)):
        system = counted_system_events(record.get("events") or [], threshold)
        out[name] = {"strict": _counts(events, system, lambda g, s: event_matches(g, s, True)),
                     "type": _counts(events, system, lambda g, s: event_matches(g, s, False)),
                     "gold_items": events, "system_items": system}
    named = [q for q in record.get("quotes", []) if (q.get("speaker") or {}).get("name")]
    out["quotes"] = {"speaker": _counts(quotes, record.get("quotes", []), lambda g, s: quote_matches(g, s, True)),
                     "span": _counts(quotes, record.get("quotes", []), lambda g, s: quote_matches(g, s, False)),
                     "attributed": _counts(quotes, named, lambda g, s: quote_matches(g, s, True))}
    qs = record.get("quantities", [])
    out["figures"] = {"value": _counts(figures, qs, lambda g, s: figure_matches(g, s, False)),
                      "value+kind": _counts(figures, qs, lambda g, s: figure_matches(g, s, True)),
                      "value+claimant": _counts(figures, qs, figure_claimed_alike)}
    gd, sd = date_keys(gold.get("dates", [])), date_keys(record.get("timexes", []))
    resolved = {key for key in sd if key[1] is not None}  # a date named with no value claims no day
    out["dates"] = {"text+value": {"gold": len(gd), "system": len(sd), "matched": len(gd & sd),
                                   "missed_keys": sorted(gd - sd, key=str), "extra_keys": sorted(sd - gd, key=str)},
                    "resolved": {"gold": len(gd), "system": len(resolved), "matched": len(gd & resolved)}}
    return out


# -- mistakes (tune articles only) -------------------------------------------------------------

def _clip(text: str | None) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= CLIP else text[:CLIP - 1] + "…"


def _dyad(actor: str | None, recipient: str | None) -> str:
    return f"{actor or '-'}->{recipient or '-'}"


def article_errors(article_id: str, gold: Record, record: Record, scored: dict[str, Any]) -> list[str]:
    """One line per miss and false positive (strict events, quotes with speaker, figures by value, dates)."""
    lines: list[str] = [f"{article_id} MISS {sec}: evidence not in body: {_clip(ev)}" for sec, ev in scored["not_in_body"]]
    lines += _event_errors(article_id, scored["events"])
    quotes = gold.get("quotes", [])
    for i in scored["quotes"]["speaker"]["missed"]:
        if locate(record.get("body") or "", quotes[i].get("evidence")) is not None:
            lines.append(f"{article_id} MISS quote {quotes[i].get('speaker')} ({quotes[i].get('speaker_country') or '-'}): "
                         f"{_clip(quotes[i].get('evidence'))}")
    for i in scored["quotes"]["speaker"]["extra"]:
        q = record["quotes"][i]
        who = (q.get("speaker") or {}).get("name")
        lines.append(f"{article_id} FP quote {who} ({side_country((q.get('speaker') or {}).get('actor')) or '-'}): "
                     f"{_clip(q.get('text'))}")
    figures = gold.get("figures", [])
    for i in scored["figures"]["value"]["missed"]:
        if locate(record.get("body") or "", figures[i].get("evidence")) is not None:
            lines.append(f"{article_id} MISS figure {figures[i]['value']:g} {figures[i].get('kind')}: "
                         f"{_clip(figures[i].get('evidence'))}")
    for i in scored["figures"]["value"]["extra"]:
        q = record["quantities"][i]
        lines.append(f"{article_id} FP figure {q['value']:g} {q.get('kind')}: {_clip(q.get('text'))}")
    lines += _figure_mismatches(article_id, figures, record, scored["figures"])
    dates = scored["dates"]["text+value"]
    lines += [f"{article_id} MISS date {t!r} = {v}" for t, v in dates["missed_keys"]]
    lines += [f"{article_id} FP date {t!r} = {v}" for t, v in dates["extra_keys"]]
    return lines


def _event_errors(article_id: str, ev: dict[str, Any]) -> list[str]:
    """One line per strict miss and false positive, and one per list counted once (one_per_list), matched or not, so
    what the merge took is seen: 'LIST event ASSAULT RUS->UKR: 3 gold records, counted once: ...'."""
    lines: list[str] = []
    for i in ev["strict"]["missed"]:
        g = ev["gold_items"][i]
        if g["span"] is not None:
            lines.append(f"{article_id} MISS event {g['type']} {_dyad(*_gold_countries(g))}{_marks(g)}: "
                         f"{_clip(g.get('evidence'))}")
    for i in ev["strict"]["extra"]:
        s = ev["system_items"][i]
        lines.append(f"{article_id} FP event {s['type']} {_dyad(*_system_countries(s))}{_marks(s)}: {_clip(s.get('text'))}")
    for side, items, dyad, text in (("gold", ev["gold_items"], _gold_countries, "evidence"),
                                    ("coded", ev["system_items"], _system_countries, "text")):
        lines += [f"{article_id} LIST event {e['type']} {_dyad(*dyad(e))}: {e[MERGED_LIST]} {side} records, counted "
                  f"once: {_clip(e.get(text))}" for e in items if e.get(MERGED_LIST)]
    return lines


def _marks(event: Record) -> str:
    """What a counted event stands for: ' (a list of 3)', ' (told both ways)', or nothing."""
    marks = ([f"a list of {event[MERGED_LIST]}"] if event.get(MERGED_LIST) else []) + \
        (["told both ways"] if event.get(MIRRORED) else [])
    return f" ({', '.join(marks)})" if marks else ""


def _figure_mismatches(article_id: str, figures: list[Record], record: Record, scored: dict[str, Any]) -> list[str]:
    """One line per figure right by value whose kind or claimant differs ('KIND figure 40 displaced, given other')."""
    body = record.get("body") or ""
    lines: list[str] = []
    for what, how, field, given_field in (("KIND", "value+kind", "kind", "kind"),
                                          ("CLAIMANT", "value+claimant", "claimant", "claimed_by")):
        for i in sorted(set(scored[how]["missed"]) - set(scored["value"]["missed"])):
            gold = {**figures[i], "span": locate(body, figures[i].get("evidence"))}
            given: Record = next((q for q in record.get("quantities", []) if figure_matches(gold, q, False)), {})
            lines.append(f"{article_id} {what} figure {figures[i]['value']:g} {figures[i].get(field)!r}, given "
                         f"{given.get(given_field)!r}: {_clip(figures[i].get('evidence'))}")
    return lines


# -- the run -----------------------------------------------------------------------------------

def load_gold(path: Path) -> tuple[list[Record], dict[str, list[str]] | None]:
    """The gold objects in a folder (every *.json and *.jsonl but split.json) or one file, and the split if found."""
    path = Path(path)
    found = [*path.glob("*.json"), *path.glob("*.jsonl")]
    files = [path] if path.is_file() else sorted(p for p in found if p.name != "split.json")
    split_file = (path.parent if path.is_file() else path) / "split.json"
    split = json.loads(split_file.read_text(encoding="utf-8")) if split_file.is_file() else None
    golds = []
    for f in files:
        for g in _gold_objects(f):
            if not isinstance(g, dict) or not g.get("id"):
                raise ValueError(f"{f}: a gold object needs an \"id\"")
            golds.append(g)
    return golds, split


def _gold_objects(path: Path) -> list[Any]:
    """One gold object, a JSON list of them, or one a line (JSONL)."""
    try:
        text = path.read_text(encoding="utf-8")
        try:
            data = json.loads(text)
        except json.JSONDecodeError:
            return [json.loads(line) for line in text.splitlines() if line.strip()]
    except (OSError, json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: not a readable gold file: {exc}") from exc
    return data if isinstance(data, list) else [data]


def default_articles() -> Path:
    """../shared/realnews/articles.jsonl beside the repository (a source checkout), else from the cwd."""
    beside_repo = Path(__file__).resolve().parents[3] / ARTICLES_FROM_ROOT
    return beside_repo if beside_repo.is_file() else ARTICLES_FROM_ROOT


def page_texts(pages: dict[str, Record], golds: list[Record]) -> dict[str, Record]:
    """The article-extraction ground truth (page id -> articleBody and url) as text records, one per gold
    object that names its `page`: the page's body and address, with the publication date, headline and
    outlet the annotator read from the page (articles.jsonl carries the same for the real-news texts)."""
    out: dict[str, Record] = {}
    for gold in golds:
        page = pages.get(str(gold.get("page")))
        if isinstance(page, dict) and page.get("articleBody"):
            out[str(gold["id"])] = {"id": gold["id"], "text": page["articleBody"], "url": page.get("url"),
                                    **{k: gold.get(k) for k in ("published", "title", "outlet")}}
    return out


def load_texts(path: Path, golds: list[Record] | None = None) -> dict[str, Record]:
    """articles.jsonl (one text record a line), or the article-extraction ground-truth.json (a JSON
    object of pages) for gold objects that name a `page`. Given gold objects, only their texts are kept,
    so a scan over a chosen split never reads the texts of another (the held-out ones)."""
    if not Path(path).is_file():
        raise FileNotFoundError(f"{path}: no articles file (give --articles PATH to articles.jsonl)")
    if Path(path).suffix == ".json":
        return page_texts(json.loads(Path(path).read_text(encoding="utf-8")), golds or [])
    wanted = None if golds is None else {str(gold.get("id")) for gold in golds}
    out: dict[str, Record] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                if wanted is None or str(rec.get("id")) in wanted:
                    out[str(rec.get("id"))] = rec
    return out


def analyse(text_record: Record, withhold: Collection[str] = ()) -> Record:
    """The article as `flashpoint ingest` reads a JSONL record with id, title, text, published, outlet
    and url (a page with no date may carry it in its address, as the annotators read it), then `analyze`;
    its DESIGN.md record. Fields in `withhold` are not passed (an undated page simulated)."""
    from flashpoint.ingest.pipeline import build_article
    from flashpoint.ingest.sources import jsonl_record
    from flashpoint.model import InputError
    from flashpoint.nlp.pipeline import analyze

    given = {k: text_record[k] for k in ("id", "title", "text", "published", "outlet", "url")
             if text_record.get(k) and k not in withhold}
    raw = jsonl_record(str(given.get("id")), json.dumps(given).encode())
    if isinstance(raw, InputError):
        raise ValueError(str(raw))
    return analyze(build_article(raw)).record()


def _add(total: dict[str, dict[str, int]], part: dict[str, Any]) -> None:
    for key, counts in part.items():
        if isinstance(counts, dict) and "matched" in counts:
            t = total.setdefault(key, {"gold": 0, "system": 0, "matched": 0})
            for k in t:
                t[k] += counts[k]


def _per_type(scored: dict[str, Any], totals: dict[str, dict[str, int]]) -> None:
    """Gold, system and matched counts per PLOVER type (events at the chosen threshold)."""
    ev = scored["events"]
    fresh = dict.fromkeys(("gold", "system", "matched_type", "matched_strict"), 0)
    for i, g in enumerate(ev["gold_items"]):
        t = totals.setdefault(g["type"], dict(fresh))
        t["gold"] += 1
        t["matched_type"] += i not in ev["type"]["missed"]
        t["matched_strict"] += i not in ev["strict"]["missed"]
    for s in ev["system_items"]:
        totals.setdefault(s["type"], dict(fresh))["system"] += 1


def chosen(golds: list[Record], split: dict[str, list[str]] | None, which: str) -> list[Record]:
    if which not in SPLITS:
        raise ValueError(f"unknown split {which!r}: use tune, heldout, heldout2 or all")
    if which == "all":
        return golds
    if split is None:
        raise ValueError(f"--split {which} needs a split.json beside the gold files")
    ids = set(split.get(which, []))
    return [g for g in golds if g["id"] in ids]


def run(path: Path, articles: Path | None = None, split: str = "tune", min_confidence: float = MIN_CONFIDENCE,
        errors: bool = False, ignore_published: bool = False, **_: Any) -> dict[str, Any]:
    """Scores per extractor over the chosen articles (micro-averaged), events also per type; with
    `ignore_published` each text is analysed without its publication date."""
    if errors and split.startswith("heldout"):
        raise ValueError("--errors is refused for the held-out split: tuning on held-out articles is not allowed")
    golds, split_ids = load_gold(path)
    if errors and split_ids is None:
        raise ValueError("--errors needs a split.json beside the gold files to keep held-out articles out")
    golds = chosen(golds, split_ids, split)
    texts = load_texts(articles or default_articles(), golds)
    tune = set((split_ids or {}).get("tune", []))
    totals: dict[str, dict[str, dict[str, int]]] = {}
    per_type: dict[str, dict[str, int]] = {}
    problems: list[str] = []
    mistakes: list[str] = []
    not_in_body = 0
    scored_ids: list[str] = []
    for gold in golds:
        text = texts.get(gold["id"])
        if text is None:
            problems.append(f"{gold['id']}: not in the articles file")
            continue
        record = analyse(text, ("published",) if ignore_published else ())
        scored = score_article(gold, record, min_confidence)
        scored_ids.append(gold["id"])
        not_in_body += len(scored["not_in_body"])
        for name in ("events", "events@0", "quotes", "figures", "dates"):
            _add(totals.setdefault(name, {}), scored[name])
        if text.get("published"):  # a text with no publication date resolves few dates: scored apart too
            _add(totals.setdefault("dated", {}), scored["dates"])
        _per_type(scored, per_type)
        if errors and gold["id"] in tune:
            mistakes += article_errors(gold["id"], gold, record, scored)
    names = {("events", "strict"): f"events strict (conf>={min_confidence:g})",
             ("events", "type"): f"events by-type (conf>={min_confidence:g})",
             ("events@0", "strict"): "events strict (conf>=0)", ("events@0", "type"): "events by-type (conf>=0)",
             ("quotes", "speaker"): "quotes (span+speaker)", ("quotes", "span"): "quotes (span only)",
             ("quotes", "attributed"): "quotes (span+speaker, of quotes naming a speaker)",
             ("figures", "value"): "figures (value)", ("figures", "value+kind"): "figures (value+kind)",
             ("figures", "value+claimant"): "figures (value+claimant)",
             ("dates", "text+value"): "dates (text+value)",
             ("dates", "resolved"): "dates (text+value, of dates given a value)",
             ("dated", "text+value"): "dates (dated texts)"}
    scores = {label: prf(**totals[ext][how]) for (ext, how), label in names.items() if how in totals.get(ext, {})}
    out: dict[str, Any] = {
        "split": split, "articles": len(scored_ids), "min_confidence": min_confidence,
        "ignore_published": ignore_published,
        "evidence_not_in_body": not_in_body, "scores": scores,
        "event_types": {t: per_type[t] for t in sorted(per_type)},
        "problems": problems,
    }
    if errors:
        out["errors"] = mistakes
    return out


def table_rows(scores: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The compact tables `flashpoint eval realnews` prints."""
    main = [{"extractor": k, "P": v["precision"], "R": v["recall"], "F1": v["f1"], "gold": v["gold"],
             "system": v["system"], "matched": v["matched"]} for k, v in scores["scores"].items()]
    types = [{"type": t, **c} for t, c in scores["event_types"].items()]
    return {f"realnews {scores['split']}: {scores['articles']} articles, "
            f"{scores['evidence_not_in_body']} gold evidence not in body": main,
            f"event types (conf>={scores['min_confidence']:g})": types}
