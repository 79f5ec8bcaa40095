"""The command line shared by the judged samples (entity_sample, event_sample, quote_sample): `dump` the records
of the unseen texts, `draw` a seeded sample to judge by eye, `score` today's records against the judgements."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def sample_cli(doc: str | None, name: str, n: int, seed: int, sample: Path, dump: Callable[[Path], Any],
               draw: Callable[..., Any], score: Callable[[Path, bool], dict[str, Any]],
               min_confidence: float | None = None, sources: tuple[str, ...] = ()) -> None:
    """Parse the command line and run `dump`, `draw` or `score` of the sample called `name` (`sources`: the
    texts `dump` can read, the first by default)."""
    ap = argparse.ArgumentParser(description=(doc or "").split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("--out", type=Path, default=ROOT / "test-output" / f"{name}_dump.jsonl")
    if sources:
        d.add_argument("--source", choices=sources, default=sources[0])
    r = sub.add_parser("draw")
    r.add_argument("--dump", type=Path, default=ROOT / "test-output" / f"{name}_dump.jsonl")
    r.add_argument("--n", type=int, default=n)
    r.add_argument("--seed", type=int, default=seed)
    if min_confidence is not None:
        r.add_argument("--min-confidence", type=float, default=min_confidence)
    s = sub.add_parser("score")
    s.add_argument("--sample", type=Path, default=sample)
    s.add_argument("--show", action="store_true", help=f"list each {name} that is wrong today")
    args = ap.parse_args()
    if args.cmd == "dump":
        dump(args.out, *([args.source] if sources else []))
    elif args.cmd == "draw":
        extra = [args.min_confidence] if min_confidence is not None else []
        draw(args.dump, args.n, args.seed, *extra)
    else:
        print(json.dumps(score(args.sample, args.show), indent=1))


def same_figure_value(got: Any, gold: Any) -> bool:
    """A figure's value as judged: equal within half a percent (1.2 million read as 1,200,000 or 1,199,999)."""
    return abs(float(got) - float(gold)) <= 0.005 * max(abs(float(gold)), 1e-9)
