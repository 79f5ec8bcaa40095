"""The seeds suite: the whole document pipeline scored against an analyst's reading (gold.json).

Each seed file goes through ingest (build_article) and analysis (analyze) twice: once with
what the pipeline finds itself, once with the gold publication date given (as a JSONL
`published` would be), so that date-relative scores can be told apart from date finding.
A quote, figure or event matches when the sentence it sits in contains the gold text
after folding white space (gold.json's "about" rule; an event, when one of its mentions'
sentences does: one happening told twice is one event); then its speaker, value, type or
countries are checked. Scores are shares of the gold items got right; `details` lists
the misses.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from flashpoint.model import AnalyzedArticle, Entity, Event, Quote, RawDocument


def fold(text: str) -> str:
    """Every run of white space (no-break spaces included) as one space, ends trimmed."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def _plain(text: str) -> str:
    norm = unicodedata.normalize("NFKD", text)
    return "".join(c for c in norm if not unicodedata.combining(c)).lower()


def same_name(gold: str, found: str | None) -> bool:
    """Names match allowing transliteration: fuzzy >= 85, or same surname with close first names."""
    from rapidfuzz import fuzz

    if not found:
        return False
    a, b = _plain(gold).replace("-", " ").split(), _plain(found).replace("-", " ").split()
    if not a or not b:
        return False
    if fuzz.ratio(" ".join(a), " ".join(b)) >= 85:
        return True
    return fuzz.ratio(a[-1], b[-1]) >= 85 and (len(a) == 1 or len(b) == 1 or fuzz.ratio(a[0], b[0]) >= 60)


class _Doc:
    """An analysed seed with its sentences, for the gold 'sentence contains' rule."""

    def __init__(self, art: AnalyzedArticle) -> None:
        self.art = art
        from flashpoint.nlp.parser import parse

        self.sents = [(s.start_char, s.end_char) for s in parse(art.body).sents]

    def context(self, start: int, end: int) -> str:
        """The sentences a span touches, folded."""
        a = min((s for s, e in self.sents if s <= start < e), default=start)
        b = max((e for s, e in self.sents if s < end <= e), default=end)
        return fold(self.art.body[min(a, start):max(b, end)])

    def entity_ids(self, name: str) -> set[str]:
        return {e.id for e in self.art.entities if same_name(name, e.name) or same_name(name, e.text)}


def _analyse(path: Path, given: dict[str, Any]) -> AnalyzedArticle:
    from flashpoint.ingest.pipeline import build_article
    from flashpoint.nlp.pipeline import analyze

    art = build_article(RawDocument(source=str(path), content=path.read_bytes(), given=given))
    if given.get("published") and art.published != given["published"]:
        art = art.model_copy(update={"published": given["published"], "published_from": "given"})
    return analyze(art)


def _share(hits: int, total: int) -> float | None:
    return round(hits / total, 4) if total else None


CHECKS = ("boilerplate_removed", "must_keep", "headings", "captions_removed", "title", "outlet", "agency", "published",
          "quotes", "quotes_found", "quote_speaker", "figures", "figures_found", "timexes", "events", "events_found",
          "events_type", "events_sector", "events_date", "events_not_historical")

Check = Callable[[str, bool, Any], None]


def score_document(gold: dict[str, Any], art: AnalyzedArticle, miss: list[dict[str, Any]]) -> dict[str, list[bool]]:
    """Per-check hit lists for one document; misses appended to `miss`."""
    doc = _Doc(art)
    name = gold["file"]
    r: dict[str, list[bool]] = {k: [] for k in CHECKS}

    def check(key: str, ok: bool, what: Any) -> None:
        r[key].append(ok)
        if not ok:
            miss.append({"file": name, "check": key, "gold": what})

    _score_body(gold, art, check)
    _score_metadata(gold, art, check)
    _score_quotes(gold.get("quotes", []), doc, r, check)
    _score_figures(gold.get("quantities", []), doc, r, check)
    _score_timexes(gold.get("timexes", []), art, check)
    _score_events(gold.get("events", []), doc, r, check)
    return r


def _score_body(gold: dict[str, Any], art: AnalyzedArticle, check: Check) -> None:
    """Cleaning: boilerplate and captions gone (as whole lines), the article's text and headings kept."""
    body_lines = {fold(ln) for ln in art.body.splitlines() if ln.strip()}
    body = fold(art.body)
    for line in gold.get("boilerplate", []):
        check("boilerplate_removed", fold(line) not in body_lines, line)
    for text in gold.get("must_keep", []):
        check("must_keep", fold(text) in body, text)
    for text in gold.get("headings", []):
        check("headings", fold(text) in body, text)
    for text in gold.get("captions", []):
        check("captions_removed", fold(text) not in body_lines, text)


def _score_metadata(gold: dict[str, Any], art: AnalyzedArticle, check: Check) -> None:
    """Title, outlet, wire agency and publication date as the analyst reads them."""
    check("title", fold(art.title or "") == fold(gold.get("title") or ""), {"gold": gold.get("title"), "found": art.title})
    check("outlet", (art.outlet or None) == gold.get("outlet"), {"gold": gold.get("outlet"), "found": art.outlet})
    if gold.get("agency"):
        check("agency", gold["agency"] in art.agency, {"gold": gold["agency"], "found": art.agency})
    check("published", art.published == gold.get("published"),
          {"gold": gold.get("published"), "found": art.published, "from": art.published_from})


def _score_quotes(golds: list[dict[str, Any]], doc: _Doc, r: dict[str, list[bool]], check: Check) -> None:
    """Each gold quote: found in its sentence, with its speaker, and direct or not as the gold says."""
    for g in golds:
        want = fold(g["contains"])
        cands = [q for q in doc.art.quotes if want in doc.context(q.start, q.end) or want in fold(q.text)]
        speaker_ok = [q for q in cands if _speaker_matches(g["speaker"], q, doc)]
        right = [q for q in speaker_ok if q.direct == g["direct"]]
        r["quotes_found"].append(bool(cands))
        r["quote_speaker"].append(bool(speaker_ok))
        check("quotes", bool(right), {**g, "found": [(q.text[:60], q.speaker.name if q.speaker else None, q.direct)
                                                     for q in cands]})


def _speaker_matches(gold_speaker: str, quote: Quote, doc: _Doc) -> bool:
    """The quote's speaker is the gold one by name, or by the entity id a name of the gold speaker resolves to."""
    speaker = quote.speaker
    return bool(speaker and (same_name(gold_speaker, speaker.name)
                             or (speaker.id and speaker.id in doc.entity_ids(gold_speaker))))


def _score_figures(golds: list[dict[str, Any]], doc: _Doc, r: dict[str, list[bool]], check: Check) -> None:
    """Each gold figure: found in its sentence, with its value and kind."""
    for g in golds:
        want = fold(g["contains"])
        figs = [x for x in doc.art.quantities if want in doc.context(x.start, x.end)]
        good = [x for x in figs if float(x.value) == float(g["value"]) and x.kind == g["kind"]]
        r["figures_found"].append(bool(figs))
        check("figures", bool(good), {**g, "found": [(x.text, x.value, x.kind) for x in figs]})


def _score_timexes(golds: list[dict[str, Any]], art: AnalyzedArticle, check: Check) -> None:
    """Each gold date: an overlapping expression (either text inside the other) with its value."""
    for g in golds:
        want = fold(g["text"]).lower()
        tims = [t for t in art.timexes if fold(t.text).lower() and (fold(t.text).lower() in want
                                                                    or want in fold(t.text).lower())]
        check("timexes", any(t.value == g["value"] for t in tims), {**g, "found": [(t.text, t.value) for t in tims]})


def _score_events(golds: list[dict[str, Any]], doc: _Doc, r: dict[str, list[bool]], check: Check) -> None:
    """Each gold event: found in its sentence, with its type and both countries; then the sector, date and
    present-day reading of the events that match."""
    for g in golds:
        want = fold(g["sentence_contains"])
        evs = [e for e in doc.art.events if _told_in(e, want, doc)]
        typed = [e for e in evs if e.type == g["type"]]
        hit = [e for e in typed if _party(g.get("actor"), e.actor) and _party(g.get("recipient"), e.recipient)]
        r["events_found"].append(bool(evs))
        r["events_type"].append(bool(typed))
        check("events", bool(hit), {**g, "found": [(e.type, _code(e.actor), _code(e.recipient)) for e in evs]})
        if hit:
            _score_event_details(g, hit, r)


def _told_in(event: Event, want: str, doc: _Doc) -> bool:
    """A happening told again is one event with several mentions: any of its tellings matches."""
    return any(want in fold(text) or want in doc.context(start, end) for text, start, end in _tellings(event))


def _score_event_details(g: dict[str, Any], hit: list[Event], r: dict[str, list[bool]]) -> None:
    """Of the events that match a gold one: the actor's sector, the date, and not historical."""
    if (g.get("actor") or {}).get("sector"):
        r["events_sector"].append(any((e.actor.sector if e.actor else None) == g["actor"]["sector"] for e in hit))
    if g.get("date"):
        r["events_date"].append(any(e.date == g["date"] for e in hit))
    r["events_not_historical"].append(any(not e.historical for e in hit))


def _tellings(event: Event) -> list[tuple[str, int, int]]:
    """The event's sentence and those of its mentions, as (text, start, end)."""
    return [(event.text, event.start, event.end), *((m.text, m.start, m.end) for m in event.mentions)]


def _code(actor: Any) -> str | None:
    if actor is None:
        return None
    return "-".join(str(x) for x in (actor.country or actor.code, actor.sector) if x)


def _party(gold: dict[str, Any] | None, found: Any) -> bool:
    """Country (or IGO code) as gold gives it; a gold null recipient accepts anything."""
    if not gold:
        return True
    if found is None:
        return False
    if gold.get("code"):
        return bool(found.code == gold["code"] or found.country == gold["code"])
    return bool(found.country == gold.get("country"))


def _spelling_groups(groups: list[list[str]], arts: list[AnalyzedArticle],
                     miss: list[dict[str, Any]]) -> list[bool]:
    """Each group of spellings resolves to one id across all documents (the actor id for '(as the ...)')."""
    out: list[bool] = []
    for group in groups:
        as_actor = any("(" in spelling for spelling in group)  # "Moscow (as the Russian government)"
        sets: list[set[str]] = []
        missing: list[str] = []
        for spelling in group:
            text = spelling.split("(")[0].strip()
            found: set[str] = set()
            for art in arts:
                for e in art.entities:
                    if fold(e.text) == text or (" " not in text and fold(e.text).split()[-1:] == [text]
                                                and e.type == "PERSON"):
                        found.add(_entity_key(e, as_actor))
            found.discard("")
            if found:
                sets.append(found)
            elif any(re.search(rf"\b{re.escape(text)}\b", a.body) for a in arts):
                missing.append(spelling)  # written in a document, but no entity carries it
        # one id for every spelling; a city named as a government may also be a place elsewhere
        common = set.intersection(*sets) if sets else set()
        ok = not missing and bool(common) and (as_actor or all(len(x) == 1 for x in sets))
        out.append(ok)
        if not ok:
            miss.append({"check": "same_entity_spellings", "gold": group, "ids": [sorted(x) for x in sets],
                         "missing": missing})
    return out


def _entity_key(e: Entity, as_actor: bool) -> str:
    if as_actor:
        return (e.actor.id or "") if e.actor else ""
    return e.id


def run(path: Path, **_: Any) -> dict[str, Any]:
    """Score the pipeline on the seeds folder (gold.json inside); flat scores plus `details`."""
    path = Path(path)
    gold_file = path / "gold.json" if path.is_dir() else path
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    folder = gold_file.parent
    details: list[dict[str, Any]] = []
    totals: dict[str, list[bool]] = {}
    given_totals: dict[str, list[bool]] = {}
    arts: list[AnalyzedArticle] = []
    for g in gold["documents"]:
        file = folder / g["file"]
        try:
            art = _analyse(file, {})
        except Exception as exc:  # noqa: BLE001 - a failing document is a miss, the suite goes on
            details.append({"file": g["file"], "check": "pipeline", "error": f"{type(exc).__name__}: {exc}"})
            continue
        arts.append(art)
        for k, v in score_document(g, art, details).items():
            totals.setdefault(k, []).extend(v)
        if g.get("published"):
            given = _analyse(file, {"published": g["published"]})
            for k, v in score_document(g, given, []).items():
                given_totals.setdefault(k, []).extend(v)
    scores: dict[str, Any] = {"documents": len(arts)}
    for k, v in totals.items():
        scores[k] = _share(sum(v), len(v))
    for k in ("quotes", "figures", "timexes", "events", "events_date", "events_not_historical"):
        v = given_totals.get(k, [])
        scores[f"{k}_given_date"] = _share(sum(v), len(v))
    groups = _spelling_groups(gold.get("cross_document", {}).get("same_entity_spellings", []), arts, details)
    scores["spelling_groups_one_id"] = _share(sum(groups), len(groups))
    scores["details"] = details
    return scores
