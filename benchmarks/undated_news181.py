"""How well an undated page's day is inferred from its words alone, on text nobody tuned on: the 181 general-news
pages of ../shared/eval/article-extraction. For each page, the publication date the pipeline reads from the page's
HTML (its metadata, URL, dateline or stamp) is the reference; the same page's gold article body, given alone as a
JSONL text with no date, URL or title, gets the day the body infers (published_from "inferred"). Scored over the
pages whose HTML gives a date: how often the body infers one, and how far it is from the reference (same day,
within 1 day, within 7 days, within the year, further), and how often it infers one where the HTML gives none.

With --sample (a judged sample of whole pages, e.g. benchmarks/news181_sample12.jsonl), it also scores the dates
of the pages labelled in full as the body alone gives them (its day inferred or none) beside the same pages
read with the day from their HTML: how much of the dates' worth the inference keeps.

With --dumps, each page's plain-text dump (output/html-text.json: its menus, headline, byline, stamp, sidebars
and body, as a page copied by hand or by a crawler reads) stands in for the gold body, still with no URL: how
well a dump's own stamp lines, datelines and words date it.

    python benchmarks/undated_news181.py [--show] [--dumps] [--sample benchmarks/news181_sample12.jsonl ...]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from flashpoint.ingest.meta import url_date  # noqa: E402
from news181_dates_figures import DATA, _prf, analyse_page, load_pages, page_published, spurious, tally_of  # noqa: E402

BANDS = ("same day", "within 1 day", "within 7 days", "within 365 days", "further")


def body_date(page_id: str, body: str) -> tuple[str | None, str | None]:
    """The day (and where it came from) the pipeline finds for the body alone, read as an undated text record."""
    from flashpoint.ingest.pipeline import build_article
    from flashpoint.ingest.sources import jsonl_record
    from flashpoint.model import InputError

    raw = jsonl_record(page_id, json.dumps({"id": page_id, "text": body}).encode())
    if isinstance(raw, InputError):
        return None, None
    try:
        art = build_article(raw)
    except ValueError:  # a body the cleaner keeps nothing of
        return None, None
    return art.published, art.published_from


def band(found: str, ref: str) -> str:
    gap = abs((date.fromisoformat(found) - date.fromisoformat(ref)).days)
    return BANDS[0] if gap == 0 else BANDS[1] if gap <= 1 else BANDS[2] if gap <= 7 else \
        BANDS[3] if gap <= 365 else BANDS[4]


def withheld_dates(sample: Path) -> None:
    """The sample's pages labelled in full, their dates scored with the day from the HTML and with the body alone."""
    from flashpoint.evals.realnews import analyse

    rows = [json.loads(line) for line in open(sample, encoding="utf-8") if line.strip()]
    full = {x["id"] for x in rows if x.get("full_page") and "date" in x.get("kinds", ("date",))}
    labels = [x for x in rows if not x.get("full_page") and x["kind"] == "date" and x["id"] in full]
    pages = load_pages(sorted(full))
    for how in ("day from the HTML", "body alone"):
        analysed = {i: analyse_page(i, p) if how == "day from the HTML" else
                    analyse({"id": i, "text": p["articleBody"]}) for i, p in pages.items()}
        kept = [x for x in rows if x.get("full_page") and x["id"] in full] + labels
        dated = sum(bool(a.get("published")) for a in analysed.values())
        print(f"{sample.name}: {len(full)} pages, dates, {how:17}: "
              f"{_prf(labels, tally_of(labels, analysed, 'date'), spurious(kept, analysed, 'date', False))}"
              f" ({dated} pages dated)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="store_true", help="print each page's reference and inferred day")
    ap.add_argument("--sample", type=Path, action="append", default=[],
                    help="a judged sample of whole pages whose dates to score with the day withheld")
    ap.add_argument("--dumps", action="store_true", help="date each page's plain-text dump, not its gold body")
    args = ap.parse_args()
    for sample in args.sample:
        withheld_dates(sample)
    dumps = json.loads((DATA / "output" / "html-text.json").read_text(encoding="utf-8"))["output"] if args.dumps else {}
    what = "page dump" if args.dumps else "body alone"
    tally: Counter[str] = Counter()
    for page_id, page in sorted(load_pages().items()):
        body = (dumps.get(page_id) or {}).get("articleBody") or "" if args.dumps else page.get("articleBody") or ""
        if not body.strip():
            continue
        ref, ref_from = page_published(page_id, page.get("url"))
        if ref_from == "inferred" and ref != url_date(page.get("url")):
            ref = None  # the HTML's own day came from its words too: no reference
        found, origin = body_date(page_id, body)
        key = ("dated" if ref else "undated") + ": " + ("none" if not found else band(found, ref) if ref else "inferred")
        tally[key] += 1
        tally["dated" if ref else "undated"] += 1
        if args.show:
            print(f"{page_id[:10]} ref={ref} ({ref_from}) {what}={found} ({origin}) {key}")
    dated = tally["dated"]
    print(f"pages with a date from the HTML: {dated}; without: {tally['undated']}")
    for b in ("none", *BANDS):
        n = tally["dated: " + b]
        print(f"  {what}: {b:16} {n:3} ({n / max(dated, 1):.0%})")
    n = tally["undated: inferred"]
    print(f"pages without a date from the HTML where the {what} infers one: {n} of {tally['undated']}")


if __name__ == "__main__":
    main()
