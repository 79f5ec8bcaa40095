"""Every figure flashpoint reports on data that is NOT held out, in one table, each with the command that prints it.

Run it before and after a change to see what moved; the held-out sets are left out on purpose (they are run once per
stop, by hand: `flashpoint eval realnews tests/data/realnews --split heldout`). Each row runs one of the project's own
commands with `--json` (or the benchmark's JSON output) and reads one number from it, so the figures are exactly those
the README's Measured table quotes.

    python benchmarks/dev_figures.py [--only realnews,seeds,...] [--json OUT.json] [--compare EARLIER.json]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GT = "../shared/eval/article-extraction/ground-truth.json"
CLI = [sys.executable, "-m", "flashpoint.cli"]
BENCH = [sys.executable]

# (group, label, command, path into its output: JSON keys, or one `re:` pattern over the plain text)
Row = tuple[str, str, list[str], list[str]]


def _realnews(label: str, gold: str, extra: list[str]) -> list[Row]:
    cmd = [*CLI, "eval", "realnews", gold, "--split", "tune", "--json", *extra]
    rows: list[Row] = []
    for conf in ("0", "0.5"):
        c = [*cmd, "--min-confidence", conf]
        key = f"events strict (conf>={0 if conf == '0' else conf})"
        rows += [("realnews", f"{label} events strict P (conf>={conf})", c, ["scores", key, "precision"]),
                 ("realnews", f"{label} events strict matched/system (conf>={conf})", c, ["scores", key, "matched/system"])]
    c = [*cmd, "--min-confidence", "0"]
    for key, name in (("quotes (span+speaker)", "quotes"), ("figures (value)", "figures"), ("dates (text+value)", "dates")):
        rows += [("realnews", f"{label} {name} P", c, ["scores", key, "precision"]),
                 ("realnews", f"{label} {name} R", c, ["scores", key, "recall"])]
    # the same texts with their publication date withheld: the day read from the page's words alone
    c = [*cmd, "--min-confidence", "0", "--ignore-published"]
    rows += [("realnews", f"{label} dates P (publication date withheld)", c, ["scores", "dates (text+value)", "precision"]),
             ("realnews", f"{label} dates R (publication date withheld)", c, ["scores", "dates (text+value)", "recall"])]
    return rows


def rows() -> list[Row]:
    out: list[Row] = []
    out += _realnews("tune (a)", "tests/data/realnews", [])
    out += _realnews("tune (b)", "tests/data/news181_gold", ["--articles", GT])
    seeds = [*CLI, "eval", "seeds", "../shared/seeds", "--json"]
    out += [("seeds", "seeds events (type and both countries)", seeds, ["events"]),
            ("seeds", "seeds dates from the raw dumps", seeds, ["timexes"]),
            ("seeds", "seeds publication dates", seeds, ["published"])]
    plover = [*CLI, "eval", "plover", "../shared/eval/plover-gsr/plover_gsr_dev.json", "--json"]
    out += [("plover", "PLOVER dev type found", plover, ["type_recall"]),
            ("plover", "PLOVER dev type and both countries", plover, ["type_actor_recipient"]),
            ("plover", "PLOVER dev events per sentence", plover, ["events_per_sentence"])]
    # the day of an undated page read from its words alone: the 181 pages' plain-text dumps, no URL, against the
    # day their HTML gives (benchmarks/undated_news181.py --dumps)
    und = [*BENCH, "benchmarks/undated_news181.py", "--dumps"]
    out += [("undated", "181 page dumps, no URL: same day as the HTML's", und, [r"re:page dump: same day\s+(\d+)"]),
            ("undated", "181 page dumps, no URL: no day", und, [r"re:page dump: none\s+(\d+)"]),
            ("undated", "181 page dumps, no URL: a day over a week off", und,
             [r"re:page dump: within 365 days\s+(\d+)"]),
            ("undated", "181 page dumps, no URL: a day over a year off", und, [r"re:page dump: further\s+(\d+)"])]
    dt = [*CLI, "eval", "datetime", "../shared/eval/datetime/DateTimeModel.json", "--json"]
    out += [("datetime", "DateTimeModel dates and ranges", dt, ["accuracy_date_daterange"])]
    # the whole-document samples (5 and up; the earlier ones judge single places)
    # quote samples N of the 181 pages, Nr of RUWA war headlines (conflict reporting)
    quote_names = [f"{n}{r}" for n in range(5, 100) for r in ("", "r")
                   if (ROOT / f"benchmarks/quote_sample{n}{r}.jsonl").is_file()]
    for n in quote_names:
        q = [*BENCH, "benchmarks/quote_sample.py", "score", "--sample", f"benchmarks/quote_sample{n}.jsonl"]
        out += [("samples", f"quote sample {n} whole articles P", q, ["whole_articles", "span+speaker", "precision"]),
                ("samples", f"quote sample {n} whole articles R", q, ["whole_articles", "span+speaker", "recall"])]
    # every event sample there is: a number may be missing (sample 12 is blind, outside the repository, while 13 is in)
    for n in [n for n in range(5, 100) if (ROOT / f"benchmarks/event_sample{n}.jsonl").is_file()]:
        e = [*BENCH, "benchmarks/event_sample.py", "score", "--sample", f"benchmarks/event_sample{n}.jsonl"]
        out += [("samples", f"event sample {n} strict shown matched/system", e, ["strict shown (>= 0.5)", "matched/system"]),
                ("samples", f"event sample {n} strict any matched/system", e, ["strict any confidence", "matched/system"])]
    for name in ("figures_sample_whole", "figures_sample_whole2", "figures_sample_whole3", "figures_sample_whole4",
                 "figures_sample_whole5", "figures_sample_whole6", "news181_sample13"):
        f = [*BENCH, "benchmarks/news181_dates_figures.py", "score", f"benchmarks/{name}.jsonl"]
        what = "dates" if "sample13" in name else "figures"
        out += [("samples", f"{name} ({what} in whole articles) P", f, [r"re:labelled in full: .*? P ([0-9.]+)"]),
                ("samples", f"{name} ({what} in whole articles) R", f, [r"re:labelled in full: .*? R ([0-9.]+)"])]
    return out


def _output_of(cmd: list[str], cache: dict[str, str]) -> str:
    key = json.dumps(cmd)
    if key not in cache:
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=_env(), check=False)
        cache[key] = done.stdout
        if done.returncode:
            print(f"dev_figures: {' '.join(cmd[1:])} exited {done.returncode}: {done.stderr.strip()[-300:]}",
                  file=sys.stderr)
    return cache[key]


def _json_of(text: str) -> Any:
    start = min((i for i in (text.find("{"), text.find("[")) if i >= 0), default=-1)
    try:
        return json.loads(text[start:]) if start >= 0 else None
    except json.JSONDecodeError:
        return None


def _env() -> dict[str, str]:
    import os

    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def pick(text: str, path: list[str]) -> Any:
    """The value at `path` in the command's JSON output; a last step `a/b` is the two values `a` and `b` as
    'a of b'; a step `re:PATTERN` is the first group of the pattern's first match in the plain output."""
    if path and path[0].startswith("re:"):
        found = re.search(path[0][3:], text)
        return found.group(1) if found else None
    data = _json_of(text)
    for i, step in enumerate(path):
        if not isinstance(data, dict):
            return None
        if "/" in step and i == len(path) - 1:
            a, b = step.split("/")
            return f"{data.get(a)} of {data.get(b)}"
        data = data.get(step)
    return data


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", help="comma-separated groups: realnews, seeds, plover, undated, datetime, samples")
    ap.add_argument("--json", dest="json_out", help="also write the figures to this JSON file")
    ap.add_argument("--compare", help="a JSON file an earlier run wrote: show each figure as before -> now")
    args = ap.parse_args(argv)
    groups = set(args.only.split(",")) if args.only else None
    cache: dict[str, str] = {}
    figures: dict[str, Any] = {}
    before = json.loads(Path(args.compare).read_text(encoding="utf-8")) if args.compare else None
    for group, label, cmd, path in rows():
        if groups and group not in groups:
            continue
        value = pick(_output_of(cmd, cache), path)
        figures[label] = value
        shown = " ".join(c for c in cmd[1:] if c != "--json").replace("-m flashpoint.cli", "flashpoint")
        if before is not None:
            old = before.get(label)
            print(f"{label:58} {old!s:>12} -> {value!s:<12}{'' if old == value else ' *'}")
        else:
            print(f"{label:58} {value!s:>12}   {shown}")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
