"""An unseen check of figures on war reporting: RUWA headlines with their sub-headings
(../shared/corpora/ruwa), judged by eye by the real-news annotation guide (value and kind).

Rows that hold a number are drawn at random with a seed (censor.net capped, as in ruwa_dates.py);
`draw` writes every figure the system gives in them and every number it gives none for, to be
labelled by hand; `score` re-analyses the drawn rows and checks the current output at each labelled
place, so the same sample is judged before and after a change (precision by value and kind, and
recall of the figures labelled).

    python benchmarks/ruwa_figures.py draw OUT.jsonl [--rows 80 --seed 11]
    python benchmarks/ruwa_figures.py score benchmarks/ruwa_figures_sample.jsonl [--show]

ruwa_figures_sample.jsonl: 60 rows, seed 11 (judged before the kind rules it led to);
ruwa_figures_sample2.jsonl: 40 rows, seed 23, no censor.net (drawn and judged after them);
ruwa_figures_sample3.jsonl: 40 rows, seed 1205, no censor.net (drawn and judged before the rules of issue 13);
ruwa_figures_sample4.jsonl: 30 rows, seed 4242, no censor.net (drawn and judged after its first two rounds);
ruwa_figures_sample5.jsonl: 30 rows, seed 9090, no censor.net (drawn and judged after its third round).
ruwa_figures_sample6.jsonl: the rows of ruwa_dates_sample6 and 7 that hold a number, every figure labelled by eye
before looking at the figures the system gives (a `full_page` row: figures at no labelled place are false hits).
ruwa_figures_sample7.jsonl: the rows of ruwa_dates_sample9 (seed 7878), every figure labelled the same way.
ruwa_figures_sample8.jsonl: the rows of ruwa_dates_sample10 (seed 9191), drawn after this round's rules, the same way.
ruwa_figures_sample9.jsonl: the rows of ruwa_dates_sample11 (seed 2468), the same way.

A label: the row, the span's offsets and text, what the system gave when judged (`was`: value,
kind; null: nothing), the truth `gold` ({value, kind}; null: no figure here, such as a date, an
age, a time stamp) and `cls`, the class of a wrong one.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import ruwa_dates  # noqa: E402
from _judged import same_figure_value  # noqa: E402
from ruwa_dates import _CAP  # noqa: E402

Record = dict[str, Any]
_NUMBER = re.compile(r"\b\d[\d,.]*\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                     r"fifteen|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|dozens?)\b", re.I)


def drawn_rows(n: int, seed: int, censor_cap: int = _CAP["censor.net"]) -> list[tuple[int, Record]]:
    return ruwa_dates.drawn_rows(n, seed, censor_cap, cue=_NUMBER)


def analyse_row(i: int, row: Record) -> Record:
    return ruwa_dates.analyse_row(i, row, field="quantities")


def draw(out: Path, n: int, seed: int, censor_cap: int = _CAP["censor.net"]) -> None:
    with open(out, "w", encoding="utf-8") as fh:
        for i, row in sorted(drawn_rows(n, seed, censor_cap)):
            try:
                rec = analyse_row(i, row)
            except ValueError:  # a row the cleaner finds no text in
                continue
            body = rec["body"]
            covered = [(q["start"], q["end"]) for q in rec["quantities"]]
            items: list[tuple[int, int, Any]] = [(q["start"], q["end"], {"value": q["value"], "kind": q["kind"]})
                                                 for q in rec["quantities"]]
            items += [(m.start(), m.end(), None) for m in _NUMBER.finditer(body)
                      if not any(a <= m.start() < b for a, b in covered)]
            for start, end, was in sorted(items, key=lambda x: (x[0], x[1])):
                fh.write(json.dumps({"row": i, "start": start, "end": end, "text": body[start:end],
                                     "published": rec["published"], "was": was,
                                     "evidence": " ".join(body[max(0, start - 70):end + 50].split())},
                                    ensure_ascii=False) + "\n")


def judge(label: Record, item: Record | None) -> str:
    gold = label["gold"]
    if item is None:
        return "ok (none)" if gold is None else "lost"
    if gold is None:
        return "wrong (no figure)"
    if not same_figure_value(item["value"], gold["value"]):
        return "wrong value"
    return "ok" if item["kind"] == gold["kind"] else "wrong kind"


def score(labels_path: Path, show: bool) -> Record:
    labels, now = ruwa_dates.verdicts(labels_path, "quantities", judge, lambda item: (item["value"], item["kind"]), show)
    figures = [x for x in labels if x["gold"] is not None]
    given_then = [x for x in labels if x["was"] is not None]
    right_then = [x for x in given_then if x["gold"] is not None and judge(x, x["was"]) == "ok"]
    value_then = [x for x in given_then if x["gold"] is not None and judge(x, x["was"]) in ("ok", "wrong kind")]
    found = sum(v for k, v in now.items() if not k.startswith("ok (") and k != "lost")
    right, by_value = now.get("ok", 0), now.get("ok", 0) + now.get("wrong kind", 0)
    print(f"figures: {len(labels)} places judged, {len(figures)} figures; when labelled P {len(value_then) / max(len(given_then), 1):.3f} "
          f"by value, {len(right_then) / max(len(given_then), 1):.3f} with kind, R {len(value_then) / max(len(figures), 1):.3f}; "
          f"now P {by_value / max(found, 1):.3f} by value, {right / max(found, 1):.3f} with kind, "
          f"R {by_value / max(len(figures), 1):.3f} {dict(sorted(now.items()))}")
    return {"precision": by_value / max(found, 1), "verdicts": now}


def main() -> None:
    ruwa_dates.cli(__doc__, 80, 11, draw, score)


if __name__ == "__main__":
    main()
