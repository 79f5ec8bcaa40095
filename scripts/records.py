"""Every record flashpoint gives on the development documents, dumped to one file, and two dumps compared: the check
that a change meant to keep the output (speed work, a refactor, a review) is records-identical.

The documents: the bodies of the 181 general-news pages and the five seeds (benchmarks/quote_sample.py `bodies`) and
the tune articles of tests/data/realnews (their held-out articles are left out). The comparison prints document ids
and the names of the fields that differ, never text.

    PYTHONPATH=src:benchmarks python scripts/records.py dump OUT.json [--limit N]
    PYTHONPATH=src python scripts/records.py hashes OUT.json
    python scripts/records.py diff BEFORE.json AFTER.json

`hashes` keeps only a digest of each HELD-OUT document's records (the heldout and heldout2 articles of
tests/data/realnews, the bodies of tests/data/news181_gold2): after the held-out run of a stop, a records-identical
change can be shown to leave the held-out figures as they were without scoring or reading those documents again.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FIELDS = ("entities", "quotes", "quantities", "timexes", "events")


def _kept(record: dict[str, Any]) -> dict[str, Any]:
    return {k: record.get(k) for k in FIELDS}


def dump(out: Path, limit: int | None = None) -> int:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from flashpoint.evals import realnews
    from quote_sample import analyse, bodies

    records: dict[str, Any] = {}
    for doc_id, body in sorted(bodies().items())[:limit]:
        records[doc_id] = _kept(analyse(doc_id, body).record())
    golds, split = realnews.load_gold(ROOT / "tests" / "data" / "realnews")
    tune = realnews.chosen(golds, split, "tune")[:limit]
    texts = realnews.load_texts(realnews.default_articles(), tune)
    for gold in tune:
        records["rn-" + gold["id"]] = _kept(realnews.analyse(texts[gold["id"]]))
    out.write_text(json.dumps(records, sort_keys=True, default=str), encoding="utf-8")
    return len(records)


def _digest(record: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(_kept(record), sort_keys=True, default=str).encode()).hexdigest()


def hashes(out: Path) -> int:
    """A digest of the records of every held-out document, by id; no record or text is written."""
    from flashpoint.evals import realnews

    digests: dict[str, str] = {}
    golds, split = realnews.load_gold(ROOT / "tests" / "data" / "realnews")
    for which in ("heldout", "heldout2"):
        chosen = realnews.chosen(golds, split, which)
        texts = realnews.load_texts(realnews.default_articles(), chosen)
        digests.update({g["id"]: _digest(realnews.analyse(texts[g["id"]])) for g in chosen})
    blind, _ = realnews.load_gold(ROOT / "tests" / "data" / "news181_gold2")
    pages = realnews.load_texts(ROOT.parent / "shared" / "eval" / "article-extraction" / "ground-truth.json", blind)
    digests.update({"news181_gold2-" + k: _digest(realnews.analyse(text)) for k, text in sorted(pages.items())})
    out.write_text(json.dumps(digests, sort_keys=True), encoding="utf-8")
    return len(digests)


def diff(before: Path, after: Path) -> list[tuple[str, list[str]]]:
    """(document id, fields that differ) for every document whose records differ or that one dump lacks."""
    a = json.loads(before.read_text(encoding="utf-8"))
    b = json.loads(after.read_text(encoding="utf-8"))
    return [(k, _fields_differing(a[k], b[k]) if k in a and k in b else ["missing"])
            for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]


def _fields_differing(before: Any, after: Any) -> list[str]:
    """The fields of two dumps' records that differ; of two digests (`hashes`), "records"."""
    if not isinstance(before, dict) or not isinstance(after, dict):
        return ["records"]
    return [f for f in FIELDS if before.get(f) != after.get(f)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--limit", type=int, default=None, help="the first N documents of each source")
    h = sub.add_parser("hashes")
    h.add_argument("out", type=Path)
    c = sub.add_parser("diff")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = ap.parse_args()
    if args.command == "dump":
        print(f"{dump(args.out, args.limit)} documents")
        return
    if args.command == "hashes":
        print(f"{hashes(args.out)} held-out documents")
        return
    found = diff(args.before, args.after)
    total = len(set(json.loads(args.before.read_text(encoding="utf-8"))))
    print(f"{len(found)} of {total} documents differ")
    for doc_id, fields in found:
        print(f"  {doc_id}: {', '.join(fields)}")


if __name__ == "__main__":
    main()
