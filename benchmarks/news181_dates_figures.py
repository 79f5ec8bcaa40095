"""An unseen check of dates and figures on 181 general-news pages (the article-extraction data set in
../shared/eval/article-extraction), judged by eye on a fixed sample.

Each page's gold article body is analysed as a JSONL record whose publication date is the one the
pipeline reads from the page's own HTML (none where the page gives none). `dump` writes every date and
figure of every page; `sample` draws a seeded sample of them to label by hand; `score` re-analyses the
sampled pages and checks the current output at each labelled place against the label, so the same
sample is judged before and after a change.

    python benchmarks/news181_dates_figures.py dump OUT.jsonl
    python benchmarks/news181_dates_figures.py sample OUT.jsonl SAMPLE.jsonl [--dates 90 --figures 70] [--exclude OLD]
    python benchmarks/news181_dates_figures.py score benchmarks/news181_sample.jsonl [--show]

A label (one JSON line) names the page id, the kind (date or figure), the span's offsets in the analysed
body and a short piece of its text, what the system gave when it was judged, and the truth:
dates `gold` = the TIMEX3 value (null: no date to extract here); figures `gold` = {value, kind} or
null (no figure: a date, an age, a counter), and `claimant_ok` for the figure's claimant; `cls` names
the class of a wrong one.

news181_sample5.jsonl: 60 dates and 50 figures, seed 1205, leaving out samples 1-4 (drawn and judged by eye
before the rules of issue 13); news181_sample6.jsonl: 40 dates and 30 figures, seed 4242, leaving out
samples 1-5 (drawn and judged after the first two rounds of issue 13's rules, before any rule it led to);
news181_sample7.jsonl: 30 dates and 20 figures, seed 9090, leaving out samples 1-6 (judged after the third round).
news181_sample8.jsonl: ten pages on conflict and politics labelled in full by eye before looking at the output
(every date and figure of the page: a `full_page` row marks such a page, and the system's items at no labelled
place count as false hits, so it measures recall and precision); four were never sampled, six had a few places
judged in earlier samples. Labels marked `cls` "judged after" were added or corrected after seeing the output.
news181_sample9.jsonl: three more politics pages labelled in full the same way (each had a few places judged before).
news181_sample10.jsonl: three more (a Hong Kong leader, an AP impeachment story, a column on the president's health).
news181_sample11.jsonl: the dates of 15 of the 17 whole articles of quote_sample5.jsonl (politics, courts, trade,
health, a rally), labelled in full from the text before any output was seen; a page row's `kinds` (["date"]) says
which items it lists in full, so its figures are not counted as false hits.
news181_sample12.jsonl: the dates of 14 whole articles no sample had read in full (business, markets, a WeWork
inquiry, airline orders, a plague case, a music label row, a tour, a Nigerian senate motion: many weekdays, "last
month", "the previous week", "early this year", quarters, decades), each with the publication date the page's HTML
gives, labelled in full from the text (ANNOTATION.md) before any output was seen (issue 13, dates).
figures_sample_whole.jsonl: the figures of 13 whole articles (politics, impeachment, trade, protests in Iran and
Indiana, a court case, police reports) no figures sample had read in full, labelled from the text before any output
was seen (issue 13): every number, a figure or not (`cls` says why not: date, age, ordinal, street number, vague
"hundreds"...). Score it with `score benchmarks/figures_sample_whole.jsonl`: precision and recall by value and kind,
then by value alone.
figures_sample_whole2.jsonl: the figures of 13 more whole articles (an airliner order, a markets report, car sales,
WeWork lay-offs, Alibaba's listing, plague, deportees, an encephalitis death, Nigeria's Senate, a stabbing, a net
worth fact check, a drug-money fact check, a meth campaign) no sample had read in full, every number labelled from the
text before any output was seen (issue 13, second round; numbers inside tickers such as "US10YT" left unlabelled).
figures_sample_whole3.jsonl: the figures of 12 more whole articles no sample had read in full (a kidnapping trial, Home
Depot results, Europa's plumes, a threat to Rep. Omar, cannabis use disorder, the Gannett merger, Prince Andrew,
Mourinho, Korea's solar roadmap, NASA's lunar landers, Asian markets, crew hibernation), every number labelled from the
text before any output was seen (issue 13, third round: fractions "half", "a third" and "the two companies", "both"
no figure, prices of a ticker widget no figure; two unit conversions in brackets corrected after, `cls` says so).
news181_sample13.jsonl: the dates of the same 12 articles, labelled in full the same way.
figures_sample_whole4.jsonl: the figures of 12 more whole bodies no figures or quote sample had read in full, outside
news181_gold and news181_gold2 (an impeachment column, native-ad research, early retirement, NASA's lunar landers,
neo-banks, two plague reports, the Nissan Sentra, Apple's keyboards, feather-duvet lung, laptop deals, a lost cat):
every number labelled from the text before any output was seen (issue 13, fourth round), each figure's `gold` with its
`claimant` (null where the text names none). Bodies drawn with random.Random(4): English bodies of at most 12,000
characters with at least three numbers that count (a number before people, percent, a scale, a currency...) and no
more sports words than news words, first those with at least three news words (politics, conflict, economy,
disaster), then the rest. Eight labels were changed after judging to the project's conventions (`cls` "judged
after": "all three ad units" is a count, figures.yaml definite_count; "2.5 times greater" no figure, times_counted).
`score` also prints how many figures right by value give the labelled claimant, where the labels give one.
figures_sample_whole5.jsonl: the figures of 12 more whole bodies no figures, dates or quote sample had read in full,
outside news181_gold and news181_gold2 (a Star Trek film, feather-duvet lung, gadgets of 2019, Delhi's air pollution,
Apple deals, binge-eating tips, a gift guide, NASA's SLS hearing, a GiveWell grant, Coty's stock, Tim Cook at
Dreamforce, a hospital alarm partnership): every number labelled from the text with its claimant, committed before any
output was seen (issue 13, fifth round; `was` holds the output at the blind score). Only five of the 81 pages left
passed whole4's filters, so they were loosened: English bodies of at most 15,000 characters with at least one
counting number and at most max(news words, 3) sports words, those with three counting numbers first, drawn with
random.Random(5). Product and model names ("72W USB-C PD Car Charger", "the 12-inch MacBook") no figure; source
references "(12)" and list counters "3." no figure; "1-2x as cost-effective" two figures, as figures.yaml
model_numbers counts "between 3x and 12x".
figures_sample_whole6.jsonl: the figures of 10 whole bodies of text nobody tuned on (issue 13, sixth round: the false
figures of the second held-out set are of classes no tuning set held), every number labelled from the text with its
claimant and committed before any output was seen. Pool: the ground-truth pages with a body, outside news181_gold and
news181_gold2 (told by the pages with no `p:` key in a refdump, its files unopened), outside every page of
news181_sample*.jsonl and figures_sample_whole1-5, outside another helper's blind sample, with a digit or an English
number word: 20 pages; drawn sorted(random.Random(61).sample(pool, 10)), no other filter, so three are not in English
(Portuguese, Korean, Japanese, one Russian line). A blog on hiking water, a reading-fluency video (pt), an actress's
photos, two theatre blog posts, a TV drama column (ko), a game's advert, a game cheat code (ru), game-day snack
tips, a Kindle hotkey (ja). Mostly numbers that are no figure: ages ("6 anos", "The 47 year old"), years in
festival names, "6PM", "9시", list counters, "2B Mindset", "Windows10", an email address, a code "*х100".
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _judged import same_figure_value  # noqa: E402
from flashpoint.evals.realnews import same_claimant  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "eval" / "article-extraction"
Record = dict[str, Any]


def page_published(page_id: str, url: str | None) -> tuple[str | None, str | None]:
    """The publication date (and where it came from) the pipeline reads from the page's HTML."""
    from flashpoint.ingest.pipeline import build_article
    from flashpoint.ingest.sources import document
    from flashpoint.model import InputError

    path = DATA / "html" / f"{page_id}.html.gz"
    if not path.is_file():
        return None, None
    raw = document(str(path), gzip.decompress(path.read_bytes()), "html", url=url)
    if isinstance(raw, InputError):
        return None, None
    try:
        art = build_article(raw)
    except Exception:  # a page the cleaner cannot read has no date to give
        return None, None
    return art.published, art.published_from


def analyse_page(page_id: str, page: Record) -> Record:
    from flashpoint.evals.realnews import analyse

    published, source = page_published(page_id, page.get("url"))
    given = {"id": page_id, "text": page["articleBody"], "published": published}
    record = analyse({k: v for k, v in given.items() if v})
    return {"id": page_id, "published": published, "published_from": source, "body": record["body"],
            "timexes": record["timexes"], "quantities": record["quantities"]}


def load_pages(ids: list[str] | None = None) -> dict[str, Record]:
    pages: dict[str, Record] = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    return {k: v for k, v in pages.items() if ids is None or k in ids}


def dump(out: Path) -> None:
    with open(out, "w", encoding="utf-8") as fh:
        for i, (page_id, page) in enumerate(sorted(load_pages().items())):
            if not (page.get("articleBody") or "").strip():
                continue
            try:
                rec = analyse_page(page_id, page)
            except ValueError as exc:
                print(f"{page_id}: {exc}", file=sys.stderr)
                continue
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            if i % 20 == 0:
                print(f"{i} pages", file=sys.stderr)


def _evidence(body: str, start: int, end: int, width: int = 40) -> str:
    return " ".join(body[max(0, start - width):min(len(body), end + width)].split())


def sample(dumped: Path, out: Path, n_dates: int, n_figures: int, seed: int, exclude: Path | None = None) -> None:
    """A seeded sample of the dumped dates and figures, leaving out the places an earlier sample judged."""
    recs = [json.loads(line) for line in open(dumped, encoding="utf-8") if line.strip()]
    judged = set()
    if exclude is not None:
        rows = [json.loads(line) for line in open(exclude, encoding="utf-8") if line.strip()]
        judged = {(x["id"], x["start"]) for x in rows}
    dates = [(r, t) for r in recs for t in r["timexes"] if (r["id"], t["start"]) not in judged]
    figures = [(r, q) for r in recs for q in r["quantities"] if (r["id"], q["start"]) not in judged]
    rng = random.Random(seed)
    chosen = [("date", x) for x in rng.sample(dates, min(n_dates, len(dates)))]
    chosen += [("figure", x) for x in rng.sample(figures, min(n_figures, len(figures)))]
    with open(out, "w", encoding="utf-8") as fh:
        for kind, (r, item) in sorted(chosen, key=lambda c: (c[0], c[1][0]["id"], c[1][1]["start"])):
            row = {"id": r["id"], "kind": kind, "start": item["start"], "end": item["end"], "text": item["text"],
                   "published": r["published"], "evidence": _evidence(r["body"], item["start"], item["end"])}
            if kind == "date":
                row["was"] = item["value"]
            else:
                row["was"] = {"value": item["value"], "kind": item.get("kind"), "unit": item.get("unit"),
                              "claimed_by": item.get("claimed_by")}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


NEAR = 40  # characters: the cleaner may have moved a labelled place a little since it was labelled


def _at(items: list[Record], label: Record) -> Record | None:
    """The system item at the labelled place: the same start, else the first overlapping one, else the
    nearest with the labelled text close by."""
    same = [x for x in items if x["start"] == label["start"]]
    if same:
        return same[0]
    over = [x for x in items if x["start"] < label["end"] and label["start"] < x["end"]]
    if over:
        return over[0]
    # an item at another labelled place is that place's, never this one's as well ("PM2.5 ... 2.5 microns")
    others = label.get("_others", ())
    near = [x for x in items if x["text"] == label["text"] and abs(x["start"] - label["start"]) <= NEAR
            and x["start"] not in others]
    return min(near, key=lambda x: abs(x["start"] - label["start"])) if near else None


def judge_date(label: Record, item: Record | None) -> str:
    gold = label["gold"]
    if item is None:
        return "ok (dropped)" if gold is None else "lost"
    if gold is None:
        return "wrong"
    return "ok" if item["value"] == gold else "wrong"


def judge_figure(label: Record, item: Record | None) -> str:
    gold = label["gold"]
    if item is None:
        return "ok (dropped)" if gold is None else "lost"
    if gold is None:
        return "wrong"
    if not same_figure_value(item["value"], gold["value"]):
        return "wrong"
    if item.get("kind") != gold.get("kind"):
        return "wrong kind"
    return "ok"


def spurious(labels: list[Record], analysed: dict[str, Record], kind: str, show: bool) -> int:
    """On the pages labelled in full (a `full_page` row), the system's items of `kind` at no labelled
    place: each is a false hit (the labels list every date and figure of such a page)."""
    field = "timexes" if kind == "date" else "quantities"
    n = 0
    for page in (x for x in labels if x.get("full_page") and kind in x.get("kinds", (kind,))):
        placed = [x for x in labels if x["id"] == page["id"] and x["kind"] == kind]
        # a date is labelled once per (text, value), as the real-news gold lists it: its other mentions are no false hits
        told = {(x["text"].lower(), x["gold"]) for x in placed if kind == "date" and x["gold"] is not None}
        for item in analysed[page["id"]][field]:
            if (item["text"].lower(), item["value"]) in told:
                continue
            if not any(x["start"] < item["end"] and item["start"] < x["end"] for x in placed):
                n += 1
                if show:
                    print(f"spurious   {kind} {page['id'][:8]}@{item['start']} {item['text']!r} now={item['value']}")
    return n


def score(labels_path: Path, show: bool) -> None:
    rows = [json.loads(line) for line in open(labels_path, encoding="utf-8") if line.strip()]
    labels = [x for x in rows if not x.get("full_page")]
    for label in labels:
        label["_others"] = {x["start"] for x in labels if x["id"] == label["id"] and x["kind"] == label["kind"]
                            and x is not label}
    ids = sorted({label["id"] for label in rows})
    pages = load_pages(ids)
    analysed = {i: analyse_page(i, pages[i]) for i in ids}
    tally: dict[str, dict[str, int]] = {"date": {}, "figure": {}}
    was: dict[str, dict[str, int]] = {"date": {}, "figure": {}}
    for label in labels:
        rec = analysed[label["id"]]
        if label["kind"] == "date":
            now = judge_date(label, _at(rec["timexes"], label))
            before = "ok" if label["was"] == label["gold"] else "wrong"
        else:
            now = judge_figure(label, _at(rec["quantities"], label))
            old = None if label["was"] is None else {"start": label["start"], "end": label["end"], **label["was"]}
            before = judge_figure(label, old)
        tally[label["kind"]][now] = tally[label["kind"]].get(now, 0) + 1
        was[label["kind"]][before] = was[label["kind"]].get(before, 0) + 1
        if show and not now.startswith("ok"):
            item = _at(rec["timexes" if label["kind"] == "date" else "quantities"], label)
            print(f"{now:10} {label['kind']} {label['id'][:8]}@{label['start']} {label['text']!r} gold={label['gold']} "
                  f"now={None if item is None else item.get('value')}/{None if item is None else item.get('kind')} "
                  f"[{label.get('cls', '')}] {label['evidence']}")
    for kind in ("date", "figure"):
        n = sum(tally[kind].values())
        ok = sum(v for k, v in tally[kind].items() if k.startswith("ok"))
        ok0 = sum(v for k, v in was[kind].items() if k.startswith("ok"))
        print(f"{kind}s: {n} judged; when labelled {ok0}/{n} right ({ok0 / max(n, 1):.3f}); now {ok}/{n} right "
              f"({ok / max(n, 1):.3f}) {dict(sorted(tally[kind].items()))}")
        if any(x.get("full_page") and kind in x.get("kinds", (kind,)) for x in rows):
            full = [x for x in labels if x["kind"] == kind]
            extra = spurious(rows, analysed, kind, show)
            verdicts = tally_of(full, analysed, kind)
            print(f"  pages labelled in full: {_prf(full, verdicts, extra)}")
            if kind == "figure":
                print(f"  by value alone (kind not judged): {_prf(full, verdicts, extra, right_as=('ok', 'wrong kind'))}")
                claimants(full, verdicts, analysed, show)


def claimants(labels: list[Record], verdicts: list[str], analysed: dict[str, Record], show: bool) -> None:
    """Of the figures right by value whose label gives a claimant (or null), how many the system gives to the same
    one (realnews.same_claimant: a name inside the other counts, "Taylor" for "Martin Taylor", and so does an acronym,
    "KCNA" for "Korean Central News Agency")."""
    n = ok = 0
    for label, verdict in zip(labels, verdicts, strict=True):
        if verdict not in ("ok", "wrong kind") or not isinstance(label["gold"], dict) or "claimant" not in label["gold"]:
            continue
        item = _at(analysed[label["id"]]["quantities"], label)
        given = None if item is None else item.get("claimed_by")
        n += 1
        if same_claimant(label["gold"]["claimant"], given):
            ok += 1
        elif show:
            print(f"claimant   figure {label['id'][:8]}@{label['start']} {label['text']!r} "
                  f"gold={label['gold']['claimant']!r} now={given!r} {label['evidence']}")
    if n:
        print(f"  claimants of the figures right by value: {ok}/{n} ({ok / n:.3f})")


def tally_of(labels: list[Record], analysed: dict[str, Record], kind: str) -> list[str]:
    field, judge = ("timexes", judge_date) if kind == "date" else ("quantities", judge_figure)
    return [judge(x, _at(analysed[x["id"]][field], x)) for x in labels]


def _prf(labels: list[Record], verdicts: list[str], extra: int, right_as: tuple[str, ...] = ("ok",)) -> str:
    """Precision, recall and F1 over labelled places plus the false hits at no labelled place (`right_as`: the
    verdicts that count as right; a figure of the right value and the wrong kind is right by value)."""
    gold = sum(1 for x in labels if x["gold"] is not None)
    right = sum(1 for x, v in zip(labels, verdicts, strict=True) if v in right_as and x["gold"] is not None)
    given = sum(1 for v in verdicts if v not in ("lost", "ok (dropped)")) + extra
    p, r = right / max(given, 1), right / max(gold, 1)
    return f"{gold} gold, {given} given, {right} right: P {p:.3f} R {r:.3f} F1 {2 * p * r / max(p + r, 1e-9):.3f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    s = sub.add_parser("sample")
    s.add_argument("dumped", type=Path)
    s.add_argument("out", type=Path)
    s.add_argument("--dates", type=int, default=90)
    s.add_argument("--figures", type=int, default=70)
    s.add_argument("--seed", type=int, default=13)
    s.add_argument("--exclude", type=Path, help="an earlier sample whose places are left out")
    c = sub.add_parser("score")
    c.add_argument("labels", type=Path)
    c.add_argument("--show", action="store_true")
    args = ap.parse_args()
    if args.cmd == "dump":
        dump(args.out)
    elif args.cmd == "sample":
        sample(args.dumped, args.out, args.dates, args.figures, args.seed, args.exclude)
    else:
        score(args.labels, args.show)


if __name__ == "__main__":
    main()
