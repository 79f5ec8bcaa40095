"""Choose the story settings on labelled happenings: ingest each labelled corpus once, then rebuild the views
under each setting of a small grid and score it (B-cubed F1, ARI, purity).

    .venv/bin/python benchmarks/tune_stories.py [--ruwa N]

The corpora: the realnews happenings (tests/data/stories_realnews.json), the demo corpus
(tests/data/stories_demo.json) and, with --ruwa N, the first N RUWA headlines against their event labels
(purity and B-cubed precision only: RUWA's labels are topics of months, stories are happenings of days).
Prints one JSON line per setting; the package's settings (corpus/stories.py) are the ones chosen here.
"""

from __future__ import annotations

import argparse
import itertools
import json
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def labelled_store(source: str, labels_file: Path, url: str) -> tuple[object, dict[str, str]]:
    from flashpoint.evals.stories import label_key
    from flashpoint.store.store import Store
    from flashpoint.workflow import ingest

    store = Store(url)
    ingest([source], store)
    labels = json.loads(labels_file.read_text())["labels"]
    gold = {}
    for _pk, art in store.iter_articles():
        key = label_key(art.id, art.source, labels)
        if key:
            gold[art.id] = labels[key]
    return store, gold


def score(store: object, gold: dict[str, str]) -> dict[str, float]:
    from sqlalchemy import select

    from flashpoint.corpus import tables as t
    from flashpoint.evals import stories as ev

    with store.engine.connect() as conn:  # type: ignore[attr-defined]
        found = dict(conn.execute(select(t.corpus_docs.c.article_id, t.corpus_docs.c.story_id)).all())
    ids = [a for a in gold if a in found]
    labels, clusters = [gold[a] for a in ids], [int(found[a]) for a in ids]
    s = ev.score(labels, clusters)
    return {"f1": s["bcubed_f1"], "p": s["bcubed_precision"], "r": s["bcubed_recall"], "ari": s["ari"],
            "purity": s["purity"], "stories": s["stories"]}


def main() -> None:
    from flashpoint.corpus import stories as st
    from flashpoint.corpus.update import rebuild
    from flashpoint.evals import stories as ev

    ap = argparse.ArgumentParser()
    ap.add_argument("--ruwa", type=int, default=0)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp())
    corpora = {
        "realnews": labelled_store(str(SHARED / "realnews" / "articles.jsonl"),
                                   ROOT / "tests" / "data" / "stories_realnews.json", f"sqlite:///{tmp / 'r.db'}"),
        "demo": labelled_store(str(ROOT / "src" / "flashpoint" / "sample" / "articles"),
                               ROOT / "tests" / "data" / "stories_demo.json", f"sqlite:///{tmp / 'd.db'}"),
    }
    if args.ruwa:
        from flashpoint.store.store import Store

        records = ev.read_records(SHARED / "corpora" / "ruwa")
        gold, _s = ev.ingest(records, f"sqlite:///{tmp / 'w.db'}", limit=args.ruwa)
        corpora["ruwa"] = (Store(f"sqlite:///{tmp / 'w.db'}"), gold)
    grid = itertools.product([0.2, 0.22, 0.25, 0.28, 0.3], [0.1], [1.0, 2.0], [1.0], [0.0, 0.1, 0.15])
    for join, merge_gap, title_w, ent_w, decay in grid:
        st.JOIN_THRESHOLD, st.MERGE_THRESHOLD, st.TITLE_WEIGHT, st.ENTITY_WEIGHT = join, join + merge_gap, title_w, ent_w
        st.DECAY_PER_DAY = decay
        out = {"join": join, "merge": round(join + merge_gap, 2), "title": title_w, "entity": ent_w, "decay": decay}
        for name, (store, gold) in corpora.items():
            rebuild(store)  # type: ignore[arg-type]
            out[name] = score(store, gold)
        print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
