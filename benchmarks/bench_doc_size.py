"""Cost per KB of one document as it grows: cleaning (plain text and HTML) and analysis, 10 KB to 2 MB.

Each document is made of distinct news paragraphs (the seed articles' sentences, each with its own
figures and place), as a plain-text dump and as an HTML page. For each size it times `build_article`
(decode, clean, metadata) on both, and the analysis of the cleaned body (`analyze_in_sections`, what
ingest runs), and prints seconds per KB and the peak resident memory each step took above what the process
held before it (Linux: the peak is reset before each step). The baseline is the same figure at the smallest size, timed in
the same run: a ratio near 1 means the cost per KB stays flat, i.e. linear in the document's length.

    .venv/bin/python benchmarks/bench_doc_size.py [--sizes 10,100,1000,2000] [--no-analysis]
"""

from __future__ import annotations

import argparse
import gc
import html
import re
import time
from pathlib import Path

from flashpoint.ingest.pipeline import build_article
from flashpoint.model import RawDocument
from flashpoint.workflow import analyze_in_sections, warm_up

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
PLACES = ("Kharkiv", "Donetsk", "Mariupol", "Odesa", "Kherson", "Sumy", "Dnipro", "Mykolaiv")


def paragraphs() -> list[str]:
    lines = [ln.strip() for p in sorted(SEEDS.glob("*.txt")) for ln in p.read_text().splitlines()]
    out = [ln for ln in lines if len(ln.split()) >= 15 and ln.endswith((".", '"', "”"))]
    if not out:
        out = ["Russian forces shelled Kharkiv on Tuesday, killing two civilians, the regional governor said."]
    return out


def document(kb: int, paras: list[str]) -> list[str]:
    out, size, i = [], 0, 0
    while size < kb * 1024:
        line = f"{paras[i % len(paras)]} Officials in {PLACES[i % len(PLACES)]} counted {i * 3 + 7} cases by day {i}."
        out.append(line)
        size += len(line) + 1
        i += 1
    return out


def _status_kb(field: str) -> int:
    """A field of /proc/self/status in KB (Linux; 0 elsewhere)."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return 0
    found = re.search(rf"^{field}:\s+(\d+) kB", status, re.M)
    return int(found.group(1)) if found else 0


def _reset_peak() -> None:
    """Start a new peak of resident memory (writing 5 to clear_refs resets VmHWM, Linux 4.0 and later)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def timed(fn, *args):  # type: ignore[no-untyped-def]
    """The value, the wall-clock seconds and the MB of resident memory the call took above what the process
    held before it (its peak)."""
    gc.collect()
    _reset_peak()
    before = _status_kb("VmRSS")
    t0 = time.perf_counter()
    value = fn(*args)
    seconds = time.perf_counter() - t0
    return value, seconds, max(0, _status_kb("VmHWM") - before) / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="10,100,1000,2000", help="document sizes in KB")
    ap.add_argument("--no-analysis", action="store_true", help="time cleaning only")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    paras = paragraphs()
    warm_up()
    small = "\n".join(document(2, paras))  # the line model and trafilatura loaded before any timing
    build_article(RawDocument(source="warm.txt", content=small, kind="text"))
    build_article(RawDocument(source="warm.html", content=f"<html><body><p>{small}</p></body></html>", kind="html"))
    print(f"{'KB':>6} {'text clean s/KB':>16} {'ratio':>6} {'html clean s/KB':>16} {'ratio':>6} "
          f"{'analysis s/KB':>14} {'ratio':>6} {'body chars':>11}   peak MB above the process: text html analysis")
    base: dict[str, float] = {}
    for kb in sizes:
        lines = document(kb, paras)
        text = "Shelling across the front\n" + "\n".join(lines)
        page = ("<html><head><title>Shelling across the front</title></head><body><article><h1>Shelling across "
                "the front</h1>" + "".join(f"<p>{html.escape(ln)}</p>" for ln in lines) + "</article></body></html>")
        art, t_text, m_text = timed(build_article, RawDocument(source=f"{kb}.txt", content=text, kind="text"))
        _, t_html, m_html = timed(build_article, RawDocument(source=f"{kb}.html", content=page, kind="html"))
        _, t_nlp, m_nlp = timed(analyze_in_sections, art) if not args.no_analysis else (None, float("nan"), 0.0)
        row = {"text": t_text / kb, "html": t_html / kb, "nlp": t_nlp / kb}
        for k, v in row.items():
            base.setdefault(k, v)
        print(f"{kb:>6} {row['text']:>16.5f} {row['text'] / base['text']:>6.2f} {row['html']:>16.5f} "
              f"{row['html'] / base['html']:>6.2f} {row['nlp']:>14.4f} {row['nlp'] / base['nlp']:>6.2f} "
              f"{len(art.body):>11,}   {m_text:>6.0f} {m_html:>6.0f} {m_nlp:>6.0f}", flush=True)


if __name__ == "__main__":
    main()
