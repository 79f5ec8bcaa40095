"""`flashpoint eval stories PATH`: story clustering scored against RUWA's event labels, plus the labels' own noise.

RUWA (Khairova et al., LDK 2023; CC BY-NC-SA 4.0) gives, per record, a headline, a
sub-heading, a date, a site and one of nine war-event labels. The records go through
the normal pipeline (Article records with their given outlet and date -> analyse ->
store -> corpus views); the stories found are then compared with the labels:
purity (share of articles in the majority label of their story) and the adjusted Rand
index (scikit-learn). Stories are finer than RUWA's nine labels (one label, "beginning",
covers 6,490 records over nine months), so purity is the meaningful figure and ARI is low
by construction. Homogeneity/completeness/V-measure are given alongside, and, since a
singleton story is pure by definition, purity over the articles in stories of two or more
and a one-story-per-publication-day baseline (`context_scores`).
"""

from __future__ import annotations

import csv
import io
import re
import tempfile
import time
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from flashpoint.model import Article

_STAMP = re.compile(r"\s*\(\d{2}\.\d{2}\.\d{2}\s+\d{1,2}:\d{2}\)")
_LEAD_STAMP = re.compile(r"^\s*\d{2}\.\d{2}\.\d{2}\s+\d{1,2}:\d{2}\s*-\s*")
_TAIL = re.compile(r"\s*(?:View (?:photo |video )?news\.?)\s*$", re.I)
_SITE_SUFFIX = re.compile(r"\s+(?:«|\||::)\s+[^«|]*$")

# words a reader would look for to confirm each label (evaluation only: never used by the package's logic)
LABEL_CUES = {
    "azovstal": r"azovstal|mariupol",
    "bucha": r"bucha|irpin|hostomel",
    "nuclear": r"nuclear|zaporizhzhia|zaporizhia|zaporozhye|npp|power plant|iaea|energoatom|enerhodar",
    "prisoners": r"olenivka|olenovka|prisoner|pows?\b|captiv",
    "railway": r"kramatorsk|railway|train|station",
    "sinking": r"moskva|warship|cruiser|flagship|black sea fleet",
    "supermarket": r"kremenchuk|kremenchug|shopping|mall|supermarket",
    "theatre": r"theat(?:re|er)|drama",
}


def clean_title(title: str) -> str:
    title = _STAMP.sub("", title or "")
    for _ in range(3):  # "Headline « Section | Site": peel one separator at a time
        title = _SITE_SUFFIX.sub("", title)
    return title.strip()


def clean_desc(desc: str) -> str:
    return _TAIL.sub("", _LEAD_STAMP.sub("", desc or "")).strip()


def iso_date(value: str) -> str | None:
    m = re.match(r"^(\d{2})/(\d{2})/(\d{4})$", (value or "").strip())
    return f"{m[3]}-{m[1]}-{m[2]}" if m else None


def read_records(path: Path) -> list[dict[str, str]]:
    """The RUWA rows from the folder's zip (or a CSV), in file order."""
    path = Path(path)
    if path.is_dir():
        zips = sorted(path.glob("*.zip")) or sorted(path.glob("*.csv"))
        if not zips:
            raise FileNotFoundError(f"{path}: no RUWA zip or CSV")
        path = zips[0]
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as zf:
            name = next(n for n in zf.namelist() if n.endswith(".csv") and not n.startswith("__MACOSX"))
            text = zf.read(name).decode("utf-8", errors="replace")
    else:
        text = path.read_text(encoding="utf-8", errors="replace")
    return list(csv.DictReader(io.StringIO(text)))


def articles(records: list[dict[str, str]], limit: int | None = None) -> Iterator[tuple[Article, str]]:
    """Article records (title + sub-heading as the body, given outlet and date) with their gold label."""
    for i, r in enumerate(records[:limit] if limit else records):
        title, desc = clean_title(r.get("title", "")), clean_desc(r.get("desc", ""))
        body = desc if desc else title
        if not body:
            continue
        yield (Article(id=f"ruwa-{i}", source=r.get("src") or f"ruwa:{i}", url=r.get("src") or None,
                       title=title or None, outlet=(r.get("Site") or "").removeprefix("www.") or None,
                       published=iso_date(r.get("Date", "")), published_from="given", language="en", body=body),
               (r.get("Event") or "").strip())


def label_noise(records: list[dict[str, str]]) -> dict[str, Any]:
    """How far the labels themselves can be trusted, measured on the records."""
    n = len(records)
    no_kw = sum(1 for r in records if (r.get("KW") or "").strip() in ("['*']", "", "[]"))
    by_text: dict[str, set[str]] = defaultdict(set)
    for r in records:
        key = re.sub(r"\W+", " ", clean_title(r.get("title", "")).lower()).strip()
        if key:
            by_text[key].add(r.get("Event", ""))
    dup_texts = [k for k, labels in by_text.items() if len(labels) > 1]
    cues = {k: re.compile(v, re.I) for k, v in LABEL_CUES.items()}
    other_cue_only = 0
    own_cue = 0
    for r in records:
        text = f"{r.get('title', '')} {r.get('desc', '')}"
        label = r.get("Event", "")
        hits = {k for k, rx in cues.items() if rx.search(text)}
        if label in hits:
            own_cue += 1
        elif hits:
            other_cue_only += 1
    return {
        "records": n,
        "share_no_keyword_match": round(no_kw / n, 4) if n else 0.0,
        "texts_with_conflicting_labels": len(dup_texts),
        "share_labelled_event_named_in_text": round(own_cue / n, 4) if n else 0.0,
        "share_naming_only_another_labels_event": round(other_cue_only / n, 4) if n else 0.0,
    }


def purity(labels: list[str], clusters: list[int]) -> float:
    groups: dict[int, Counter[str]] = defaultdict(Counter)
    for lab, c in zip(labels, clusters, strict=True):
        groups[c][lab] += 1
    return sum(cnt.most_common(1)[0][1] for cnt in groups.values()) / max(len(labels), 1)


def score(labels: list[str], clusters: list[int]) -> dict[str, float]:
    from sklearn.metrics import adjusted_rand_score, homogeneity_completeness_v_measure

    h, c, v = homogeneity_completeness_v_measure(labels, clusters)
    return {"purity": round(purity(labels, clusters), 4), "ari": round(adjusted_rand_score(labels, clusters), 4),
            "homogeneity": round(h, 4), "completeness": round(c, 4), "v_measure": round(v, 4),
            "stories": len(set(clusters)),
            "stories_with_2plus": sum(1 for n in Counter(clusters).values() if n > 1)}


def context_scores(labels: list[str], clusters: list[int], dates: list[str | None]) -> dict[str, float]:
    """What purity means here: singletons are pure by definition, so give purity over the articles in
    stories of two or more, and a baseline that puts each publication day in one story."""
    size = Counter(clusters)
    multi = [i for i, c in enumerate(clusters) if size[c] > 1]
    day_ids = {d: i for i, d in enumerate(sorted({d or "" for d in dates}))}
    day_clusters = [day_ids[d or ""] for d in dates]
    return {
        "share_in_multi_article_stories": round(len(multi) / max(len(clusters), 1), 4),
        "purity_in_multi_article_stories": round(purity([labels[i] for i in multi], [clusters[i] for i in multi]), 4),
        "baseline_one_story_per_day_purity": round(purity(labels, day_clusters), 4),
        "baseline_one_story_per_day_ari": round(score(labels, day_clusters)["ari"], 4),
    }


def ingest(records: list[dict[str, str]], db_url: str, limit: int | None = None, workers: int = 1,
           update_views: bool = True) -> tuple[dict[str, str], float]:
    """Analyse and store the records; returns {article id: label} and the seconds it took."""
    from flashpoint.scale.runner import analyze_all
    from flashpoint.store.store import Store
    from flashpoint.workflow import IngestReport, store_results

    gold: dict[str, str] = {}
    arts: list[Article] = []
    for art, label in articles(records, limit):
        gold[art.id] = label
        arts.append(art)
    store = Store(db_url)
    t0 = time.perf_counter()
    report = IngestReport()
    store_results(store, analyze_all(arts, engine="local", workers=workers), report)
    if update_views:
        from flashpoint.corpus.update import update_views as refresh

        refresh(store)
    store.close()
    return gold, time.perf_counter() - t0


def story_assignments(db_url: str) -> dict[str, int]:
    from sqlalchemy import select

    from flashpoint.corpus import tables as t
    from flashpoint.store.store import Store

    store = Store(db_url)
    with store.engine.connect() as conn:
        out = {aid: int(sid) for aid, sid in conn.execute(select(t.corpus_docs.c.article_id, t.corpus_docs.c.story_id))}
    store.close()
    return out


def run(path: Path, limit: int | None = None, db: str | None = None, workers: int = 1, **_: Any) -> dict[str, Any]:
    records = read_records(path)
    with tempfile.TemporaryDirectory() as tmp:
        url = db or f"sqlite:///{Path(tmp) / 'ruwa.db'}"
        gold, seconds = ingest(records, url, limit=limit, workers=workers)
        assigned = story_assignments(url)
    ids = [a for a in gold if a in assigned]
    result: dict[str, Any] = {"records": len(records), "articles_scored": len(ids), "ingest_seconds": round(seconds, 1)}
    result.update(score([gold[a] for a in ids], [assigned[a] for a in ids]))
    dates = {a.id: a.published for a, _label in articles(records, limit)}
    result.update(context_scores([gold[a] for a in ids], [assigned[a] for a in ids], [dates[a] for a in ids]))
    noise = label_noise(records[:limit] if limit else records)
    result.update({f"labels_{k}": v for k, v in noise.items() if k != "records"})
    return result
