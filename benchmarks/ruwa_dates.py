"""An unseen check of dates on war reporting: RUWA headlines with their sub-headings
(../shared/corpora/ruwa), each resolved against the row's own publication date, judged by eye.

Rows that name a date or a day are drawn at random with a seed (censor.net, whose rows repeat their
headline with a time stamp, capped); `draw` writes every date the system gives in them and every
date-like word it gives none for, to be labelled by hand; `score` re-analyses the drawn rows and
checks the current output at each labelled place against the label, so the same sample is judged
before and after a change. It measures precision (dates given) and recall (dates labelled that
the system gave none for at the draw) on text nobody tuned on.

    python benchmarks/ruwa_dates.py draw OUT.jsonl [--rows 120 --seed 7 --censor-cap 25]
    python benchmarks/ruwa_dates.py score benchmarks/ruwa_dates_sample.jsonl [--show]

ruwa_dates_sample.jsonl: 100 rows, seed 7, censor.net capped at 25 (judged before the rules it led to);
ruwa_dates_sample2.jsonl: 100 rows, seed 99, no censor.net (drawn and judged after them);
ruwa_dates_sample3.jsonl: 50 rows, seed 1205, no censor.net (drawn and judged by eye before the rules of issue 13);
ruwa_dates_sample4.jsonl: 40 rows, seed 4242, no censor.net (drawn and judged after its first two rounds);
ruwa_dates_sample5.jsonl: 40 rows, seed 9090, no censor.net (drawn and judged after its third round).
ruwa_dates_sample6.jsonl, ruwa_dates_sample7.jsonl: rows drawn with seeds 1212 and 3434 (no censor.net, none
of an earlier sample), each labelled in full by eye before looking at the output: a `full_page` row marks
a row whose every date is labelled, and the system's dates at no labelled place there count as false hits.
Labels with `cls` "judged after" were added after seeing the output.
ruwa_dates_sample8.jsonl: rows drawn with seed 5656, censor.net capped at 12 (its page stamps left unlabelled, so a
date given there is a false hit), labelled in full the same way.
ruwa_dates_sample9.jsonl: rows drawn with seed 7878 (no censor.net), labelled in full the same way.
ruwa_dates_sample10.jsonl: rows drawn with seed 9191 (no censor.net) after the rules of samples 6-9 were written,
labelled in full the same way: a check of them on fresh text.
ruwa_dates_sample11.jsonl: aljazeera, msnbc, rt and reuters rows (seed 2468, 22 rows with a date cue and 120+
characters), labelled in full after all this session's rules were merged: a check on other outlets' text.
ruwa_dates_sample12.jsonl: 25 rows of no earlier sample (ukrinform, msnbc, aljazeera, rt, tass; seed 2026, a date cue and
120+ characters, at most 5 a site), labelled in full from the text before any output was seen (issue 13, dates).
ruwa_dates_sample13.jsonl: 25 ODD rows (even rows are kept for a blind sample) with a date cue (_CUE), 120+ characters,
named by no file of benchmarks/ (a "row" or a "ruwa-N" id), drawn as sorted(random.Random(37).sample(those, 25)) from
the rows in file order; labelled in full from the bodies alone before any output was seen (censor.net's page stamps
left unlabelled, so a date given there is a false hit).

A label (one JSON line): the row number, the span's offsets in the analysed text and its text, the
publication date, what the system gave when it was judged (`was`, null: nothing), the truth `gold`
(a TIMEX3 value; null: no date to give here, such as a page's time stamp) and `cls`, the class of a
wrong one.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import random
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RUWA = ROOT.parent / "shared" / "corpora" / "ruwa" / "RUWA_01.08.23.csv.zip"
Record = dict[str, Any]

_CUE = re.compile(
    r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|today|yesterday|tonight|tomorrow|weeks?|months?|years?|"
    r"ago|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|"
    r"Apr|Aug|Sept?|Oct|Nov|Dec|spring|summer|autumn|fall|winter|weekend|(?:19|20)\d\d)\b")
_CAP = {"censor.net": 25}


def _rows() -> list[Record]:
    with zipfile.ZipFile(RUWA) as z:
        name = [n for n in z.namelist() if n.endswith(".csv") and "MACOSX" not in n][0]
        return list(csv.DictReader(io.TextIOWrapper(z.open(name), encoding="utf-8")))


def _text(row: Record) -> str:
    return "\n\n".join(p for p in ((row.get("title") or "").strip(), (row.get("desc") or "").strip()) if p)


def _published(row: Record) -> str | None:
    try:
        return dt.datetime.strptime(row["Date"], "%m/%d/%Y").date().isoformat()
    except (KeyError, ValueError):
        return None


def drawn_rows(n: int, seed: int, censor_cap: int = _CAP["censor.net"],
               cue: re.Pattern[str] = _CUE) -> list[tuple[int, Record]]:
    """n dated rows whose text matches `cue`, shuffled with `seed`, at most a site's cap from each site."""
    rows = _rows()
    cued = [(i, r) for i, r in enumerate(rows) if _published(r) and cue.search(_text(r))]
    random.Random(seed).shuffle(cued)
    out: list[tuple[int, Record]] = []
    per_site: dict[str, int] = {}
    for i, r in cued:
        site = r.get("Site") or ""
        if per_site.get(site, 0) >= ({**_CAP, "censor.net": censor_cap}).get(site, n):
            continue
        per_site[site] = per_site.get(site, 0) + 1
        out.append((i, r))
        if len(out) == n:
            break
    return out


def analyse_row(i: int, row: Record, field: str = "timexes", withhold_date: bool = False) -> Record:
    """The row as flashpoint reads it: its body and the records of `field` (timexes, quantities); with
    `withhold_date`, read with no publication date (an undated text simulated, as `eval realnews --ignore-published`)."""
    from flashpoint.evals.realnews import analyse

    published = None if withhold_date else _published(row)
    record = analyse({"id": f"ruwa-{i}", "text": _text(row), "published": published})
    return {"row": i, "published": published, "body": record["body"], field: record[field]}


def draw(out: Path, n: int, seed: int, censor_cap: int = _CAP["censor.net"]) -> None:
    with open(out, "w", encoding="utf-8") as fh:
        for i, row in sorted(drawn_rows(n, seed, censor_cap)):
            try:
                rec = analyse_row(i, row)
            except ValueError:  # a row the cleaner finds no text in (a bare headline of boilerplate)
                continue
            body = rec["body"]
            covered = [(t["start"], t["end"]) for t in rec["timexes"]]
            items = [(t["start"], t["end"], t["value"]) for t in rec["timexes"]]
            items += [(m.start(), m.end(), None) for m in _CUE.finditer(body)
                      if not any(a <= m.start() < b for a, b in covered)]
            for start, end, value in sorted(items):
                fh.write(json.dumps({"row": i, "start": start, "end": end, "text": body[start:end],
                                     "published": rec["published"], "was": value,
                                     "evidence": " ".join(body[max(0, start - 60):end + 40].split())},
                                    ensure_ascii=False) + "\n")


def _at(items: list[Record], label: Record) -> Record | None:
    same = [x for x in items if x["start"] == label["start"]]
    if same:
        return same[0]
    over = [x for x in items if x["start"] < label["end"] and label["start"] < x["end"]]
    return over[0] if over else None


def anchored(label: Record, body: str) -> Record:
    """The label at its text in today's body: where the cleaner now keeps or drops a line before it (a live report's
    label line kept since 70997d8), its offsets are moved to the occurrence of its text with the evidence written
    when it was labelled around it (else after it; else the nearest occurrence); a text no longer in the body stays put."""
    start, end, text = label["start"], label["end"], label["text"]
    if not text or body[start:end] == text:
        return label
    places = [m.start() for m in re.finditer(re.escape(text), body)]
    if not places:
        return label

    evidence = label.get("evidence", "")

    def fit(at: int) -> tuple[bool, bool, int]:
        # the evidence is the text with 60 characters before it and 40 after, spaces folded, as it was labelled
        before = " ".join(body[max(0, at - 60):at + len(text) + 40].split())
        after = " ".join(body[at:at + len(text) + 40].split())
        return (before != evidence, not evidence.endswith(after), abs(at - start))

    at = min(places, key=fit)
    return {**label, "start": at, "end": at + len(text)}


def judge(label: Record, item: Record | None) -> str:
    gold = label["gold"]
    if item is None:
        return "ok (none)" if gold is None else "lost"
    if gold is None:
        return "wrong (no date)"
    return "ok" if item["value"] == gold else "wrong value"


def verdicts(labels_path: Path, field: str, judge_item: Callable[[Record, Record | None], str],
             shown: Callable[[Record], Any], show: bool,
             withhold_date: bool = False) -> tuple[list[Record], dict[str, int]]:
    """The labels of a sample and how many of each verdict today's records (of `field`) get; with `show`, the
    ones that are wrong, with `shown` of today's record; with `withhold_date`, each row read with no date."""
    labels = [json.loads(line) for line in open(labels_path, encoding="utf-8") if line.strip()]
    rows = _rows()
    analysed = {i: analyse_row(i, rows[i], field, withhold_date) for i in sorted({label["row"] for label in labels})}
    labels = [x if x.get("full_page") else anchored(x, analysed[x["row"]]["body"]) for x in labels]
    now: dict[str, int] = {}
    for page in (x for x in labels if x.get("full_page")):
        # a row labelled in full: the system's records at no labelled place are false hits
        placed = [x for x in labels if x["row"] == page["row"] and not x.get("full_page")]
        told = {(x["text"].lower(), x["gold"]) for x in placed if isinstance(x["gold"], str)}  # a date: each (text, value) once
        for item in analysed[page["row"]][field]:
            if (item["text"].lower(), item.get("value")) in told:
                continue
            if not any(x["start"] < item["end"] and item["start"] < x["end"] for x in placed):
                verdict = judge_item({"gold": None}, item)
                now[verdict] = now.get(verdict, 0) + 1
                if show:
                    print(f"{'spurious':17} row {page['row']}@{item['start']} {item['text']!r} now={shown(item)}")
    labels = [x for x in labels if not x.get("full_page")]
    for label in labels:
        item = _at(analysed[label["row"]][field], label)
        verdict = judge_item(label, item)
        now[verdict] = now.get(verdict, 0) + 1
        if show and not verdict.startswith("ok"):
            print(f"{verdict:17} row {label['row']}@{label['start']} {label['text']!r} gold={label['gold']} "
                  f"now={None if item is None else shown(item)} [{label.get('cls', '')}] {label['evidence']}")
    return labels, now


def score(labels_path: Path, show: bool, withhold_date: bool = False) -> Record:
    labels, now = verdicts(labels_path, "timexes", judge, lambda item: item["value"], show, withhold_date)
    dates = [x for x in labels if x["gold"] is not None]
    given_then = [x for x in labels if x["was"] is not None]
    right_then = sum(1 for x in given_then if x["was"] == x["gold"])
    found = sum(v for k, v in now.items() if k in ("ok", "wrong value", "wrong (no date)"))
    right = now.get("ok", 0)
    p, r = right / max(found, 1), right / max(len(dates), 1)
    p0, r0 = right_then / max(len(given_then), 1), right_then / max(len(dates), 1)
    print(f"dates: {len(labels)} places judged, {len(dates)} dates; when labelled P {p0:.3f} R {r0:.3f}; "
          f"now P {p:.3f} R {r:.3f} F1 {2 * p * r / max(p + r, 1e-9):.3f} {dict(sorted(now.items()))}")
    return {"precision": p, "recall": r, "verdicts": now}


def cli(doc: str | None, rows: int, seed: int, draw_rows: Callable[..., None], score_labels: Callable[..., Any]) -> None:
    """`draw OUT` a sample of rows to label, `score LABELS` today's records against the labels."""
    ap = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draw")
    d.add_argument("out", type=Path)
    d.add_argument("--rows", type=int, default=rows)
    d.add_argument("--seed", type=int, default=seed)
    d.add_argument("--censor-cap", type=int, default=_CAP["censor.net"], help="rows of censor.net at most")
    c = sub.add_parser("score")
    c.add_argument("labels", type=Path)
    c.add_argument("--show", action="store_true")
    args = ap.parse_args()
    if args.cmd == "draw":
        draw_rows(args.out, args.rows, args.seed, args.censor_cap)
    else:
        score_labels(args.labels, args.show)


def main() -> None:
    cli(__doc__, 120, 7, draw, score)


if __name__ == "__main__":
    main()
