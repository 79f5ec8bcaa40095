"""How much the dates of an article lean on its publication date: the tune articles of the real-news annotations
scored three times: as given; with the publication date and the URL withheld (the page text alone, as for a record
or a page that states none: the day is inferred from the body); with the publication date withheld but the URL kept
(many sites put the day in the address). Each line also says what the false dates are: dates named with no value
(the text pins no day to resolve them against: no guess, but no date either), a wrong value for a text the gold
dates, or a text the gold does not date. Held-out articles are never read here. The news181 gold set reads its
texts from the article-extraction pages (--gold tests/data/news181_gold --articles
../shared/eval/article-extraction/ground-truth.json). With --ruwa, a judged RUWA dates sample (benchmarks/ruwa_dates.py)
is scored with each row's date withheld instead: the rows are war reporting, whose year-less days ("since the invasion
began on February 24") only the text's own words can date.

    python benchmarks/undated_dates.py [--gold tests/data/realnews] [--articles PATH]
    python benchmarks/undated_dates.py --ruwa benchmarks/ruwa_dates_sample4.jsonl [--ruwa ...]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import Any

from flashpoint.evals import realnews as rn

ROOT = Path(__file__).resolve().parent.parent


def false_dates(extra: list[tuple[str, str | None]], gold_texts: set[str]) -> Counter[str]:
    """The false dates of one article by what went wrong: no value, a wrong value, a text the gold does not date."""
    return Counter("no value" if value is None else "wrong value" if text in gold_texts else "not dated in gold"
                   for text, value in extra)


def scored(withheld: tuple[str, ...], gold_dir: Path,
           articles: Path | None = None) -> tuple[dict[str, Any], int, Counter[str]]:
    """Dates matched by text and value over the tune articles; how many articles found a publication date; the
    false dates by what went wrong."""
    golds, split = rn.load_gold(gold_dir)
    texts = rn.load_texts(articles or rn.default_articles(), golds)
    gold = system = matched = dated = 0
    false: Counter[str] = Counter()
    for g in rn.chosen(golds, split, "tune"):
        text = {k: v for k, v in texts[g["id"]].items() if k not in withheld}
        record = rn.analyse(text)
        dated += bool(record.get("published"))
        d = rn.score_article(g, record)["dates"]["text+value"]
        gold, system, matched = gold + d["gold"], system + d["system"], matched + d["matched"]
        false += false_dates(d["extra_keys"], {t for t, _ in rn.date_keys(g.get("dates", []))})
    return rn.prf(gold, system, matched), dated, false


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=ROOT / "tests" / "data" / "realnews")
    ap.add_argument("--articles", type=Path, default=None,
                    help="the texts (articles.jsonl, or the article-extraction ground-truth.json)")
    ap.add_argument("--ruwa", type=Path, action="append", default=[],
                    help="a judged RUWA dates sample to score with each row's date withheld (repeatable)")
    args = ap.parse_args()
    if args.ruwa:
        import ruwa_dates

        for sample in args.ruwa:
            print(f"{sample.name}, row dates withheld:", end=" ")
            ruwa_dates.score(sample, False, withhold_date=True)
        return
    for label, withheld in (("publication date given", ()), ("date and URL withheld", ("published", "url")),
                            ("date withheld, URL kept", ("published",))):
        s, dated, false = scored(withheld, args.gold, args.articles)
        print(f"{label:27} dates P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f} "
              f"({s['matched']} of {s['gold']}); articles with a publication date found: {dated}; false dates: "
              + (", ".join(f"{n} {why}" for why, n in sorted(false.items())) or "none"))


if __name__ == "__main__":
    main()
