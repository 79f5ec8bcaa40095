"""Where the document pipeline's CPU goes, by sampling: the stack every `--interval` seconds of this process's CPU
time (SIGPROF), counted per function, on the HTML pages bench_parse_pipeline times.

Why not cProfile: spaCy and thinc are compiled with profiling hooks, so cProfile charges every Token made
(`Doc.__getitem__`, 2.3 million on the 181 pages) and every component's set_annotations at many times their cost
(the whole pipeline 80 s under cProfile against 15 s; the tagger's and morphologizer's set_annotations 1.2 s there,
7 and 16 ms timed alone on 53,000 tokens). Sampling costs about 1% and charges each function what it takes. Time in
compiled code is charged to the Python frame running when the signal is handled: the tokenizer's to spaCy's
`lex_attrs.lower` (called back for each new word), lxml's parsing and tree walks to its `lookup`.

    python benchmarks/profile_pipeline.py [--limit N] [--top 40] [--interval 0.002]
"""

from __future__ import annotations

import argparse
import signal
import time
from collections import Counter
from types import FrameType

from bench_parse_pipeline import pages
from flashpoint.ingest.pipeline import build_article
from flashpoint.model import RawDocument
from flashpoint.nlp.parser import load_parser
from flashpoint.nlp.pipeline import analyze


class Samples:
    """Counts of the functions on the stack at each sample: `own` the innermost one, `within` every one."""

    def __init__(self) -> None:
        self.own: Counter[str] = Counter()
        self.within: Counter[str] = Counter()
        self.taken = 0

    def take(self, _signum: int, frame: FrameType | None) -> None:
        self.taken += 1
        seen: set[str] = set()
        while frame is not None:
            code = frame.f_code
            name = f"{code.co_filename.rsplit('/', 1)[-1]}:{code.co_firstlineno}({code.co_name})"
            if not seen:
                self.own[name] += 1
            if name not in seen:  # a recursive function counts once a sample
                self.within[name] += 1
                seen.add(name)
            frame = frame.f_back


def profile(limit: int | None, interval: float) -> tuple[Samples, float, int]:
    """The samples of reading and analysing the pages (after one page read and analysed untimed, as a warm start),
    the CPU seconds that took, and how many pages."""
    load_parser()
    html = pages(limit)
    analyze(build_article(RawDocument(source=html[0][0], content=html[0][1], kind="html")))
    samples = Samples()
    handler = signal.signal(signal.SIGPROF, samples.take)
    signal.setitimer(signal.ITIMER_PROF, interval, interval)
    started = time.process_time()
    try:
        for name, content in html:
            analyze(build_article(RawDocument(source=name, content=content, kind="html")))
    finally:  # a page that fails leaves no timer running and no handler of ours behind
        spent = time.process_time() - started
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
        signal.signal(signal.SIGPROF, handler)
    return samples, spent, len(html)


def report(title: str, counts: Counter[str], samples: Samples, spent: float, top: int) -> None:
    print(f"-- {title}")
    if not samples.taken:
        return  # a run shorter than one interval of CPU: nothing sampled
    for name, n in counts.most_common(top):
        print(f"{n / samples.taken * spent:7.2f} s {n / samples.taken:6.1%}  {name}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=None, help="HTML pages (default all 181)")
    ap.add_argument("--top", type=int, default=40, help="functions listed in each table")
    ap.add_argument("--interval", type=float, default=0.002, help="CPU seconds between samples")
    args = ap.parse_args()
    samples, spent, n = profile(args.limit, args.interval)
    print(f"{n} pages, {spent:.2f} s CPU, {samples.taken} samples")
    report("CPU in the function itself", samples.own, samples, spent, args.top)
    report("CPU in the function and what it calls", samples.within, samples, spent, args.top)


if __name__ == "__main__":
    main()
