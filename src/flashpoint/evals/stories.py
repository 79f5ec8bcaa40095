"""`flashpoint eval stories PATH [--labels FILE]`: story clustering scored against labelled happenings.

With `--labels` (a JSON file `{"labels": {article key: happening}}`, the key being the article's id or its
source file's name), PATH is any source `flashpoint ingest` reads (the realnews JSONL, the demo folder); it is
ingested into a throw-away SQLite store and the stories found are scored: purity, adjusted Rand index and
B-cubed precision, recall and F1, and how many happenings reported by two or more outlets sit whole in one story.
Without it, PATH is RUWA, scored against its event labels, plus the labels' own noise:

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
            **bcubed(labels, clusters),
            "homogeneity": round(h, 4), "completeness": round(c, 4), "v_measure": round(v, 4),
            "stories": len(set(clusters)),
            "stories_with_2plus": sum(1 for n in Counter(clusters).values() if n > 1)}


def bcubed(labels: list[str], clusters: list[int]) -> dict[str, float]:
    """B-cubed precision and recall (Bagga and Baldwin 1998; Amigo et al. 2009): per article, the share of its
    story that shares its happening, and the share of its happening that shares its story."""
    pair: Counter[tuple[int, str]] = Counter(zip(clusters, labels, strict=True))
    size_c, size_l = Counter(clusters), Counter(labels)
    n = max(len(labels), 1)
    p = sum(pair[(c, lab)] / size_c[c] for c, lab in zip(clusters, labels, strict=True)) / n
    r = sum(pair[(c, lab)] / size_l[lab] for c, lab in zip(clusters, labels, strict=True)) / n
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"bcubed_precision": round(p, 4), "bcubed_recall": round(r, 4), "bcubed_f1": round(f, 4)}


def label_key(article_id: str, source: str, labels: dict[str, str]) -> str | None:
    """An article's key in a labels file: its id, else its source file's name (a JSONL line's source is 'path:N')."""
    if article_id in labels:
        return article_id
    name = source.replace("\\", "/").rsplit("/", 1)[-1]
    return name if name in labels else None


def run_labelled(path: Path, labels_path: Path, db: str | None = None) -> dict[str, Any]:
    """Ingest PATH into a throw-away store and score its stories against the labelled happenings."""
    import json

    from sqlalchemy import select

    from flashpoint.corpus import tables as t
    from flashpoint.store import schema
    from flashpoint.store.store import Store
    from flashpoint.workflow import ingest as ingest_sources

    labels: dict[str, str] = json.loads(Path(labels_path).read_text(encoding="utf-8"))["labels"]
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(db or f"sqlite:///{Path(tmp) / 'stories.db'}")
        t0 = time.perf_counter()
        report = ingest_sources([str(path)], store)
        seconds = time.perf_counter() - t0
        with store.engine.connect() as conn:
            a, cd = schema.articles, t.corpus_docs
            rows = conn.execute(select(a.c.id, a.c.source, cd.c.story_id, cd.c.outlet)
                                .join(cd, cd.c.article_id == a.c.id)).all()
        store.close()
    keyed = [(label_key(aid, src, labels), int(sid), outlet) for aid, src, sid, outlet in rows]
    scored = [(labels[k], sid, outlet) for k, sid, outlet in keyed if k is not None]
    gold, found = [g for g, _s, _o in scored], [s for _g, s, _o in scored]
    outlets_of: dict[str, set[str]] = defaultdict(set)
    stories_of: dict[str, set[int]] = defaultdict(set)
    for g, s, o in scored:
        outlets_of[g].add(o or "")
        stories_of[g].add(s)
    multi = [g for g, os in outlets_of.items() if len(os) > 1]
    result: dict[str, Any] = {"articles": len(rows), "articles_labelled": len(scored),
                              "unlabelled": len(rows) - len(scored), "errors": len(report.errors),
                              "happenings": len(set(gold)), "ingest_seconds": round(seconds, 1)}
    result.update(score(gold, found))
    result.update(bcubed(gold, found))
    result["multi_outlet_happenings"] = len(multi)
    result["multi_outlet_happenings_in_one_story"] = sum(1 for g in multi if len(stories_of[g]) == 1)
    return result


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


def run(path: Path, limit: int | None = None, db: str | None = None, workers: int = 1, labels: Path | None = None,
        **_: Any) -> dict[str, Any]:
    if labels is not None:
        return run_labelled(path, labels, db)
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
