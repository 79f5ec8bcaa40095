"""Wall time of the command line as a user feels it, against starting Python itself, in the same run.

    .venv/bin/python benchmarks/bench_cli_startup.py [--repeat 7] [--db sqlite:///demo.db]

Each command runs as its own process, as typed in a shell: `python -c pass` (the floor no
Python command can beat), `flashpoint events --help`, and `flashpoint events`,
`flashpoint timeline` and `flashpoint stories` on the demo store (the bundled sample corpus,
ingested into a temporary SQLite file first unless --db names one; its views are brought up to
date before timing, as `demo` leaves them). The runs are interleaved, so load on the machine
falls on every command alike; it prints the median and fastest wall time of each, and each
median as a multiple of `python -c pass`'s, and the median CPU seconds (user + system) each
process used (on a busy machine, what an idle one would take).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def flashpoint_cmd() -> list[str]:
    script = Path(sys.executable).parent / "flashpoint"
    return [str(script)] if script.exists() else [sys.executable, "-m", "flashpoint.cli"]


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds, and CPU seconds (user + system) of the child: on a shared machine the CPU time is
    what an idle one would show as wall time."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, "COLUMNS": "120"})
    took = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {done.stderr.decode(errors='replace').strip()}")
    return took, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def demo_store(folder: Path) -> str:
    from flashpoint.corpus.update import update_views
    from flashpoint.demo import sample_dir
    from flashpoint.store.store import Store
    from flashpoint.workflow import ingest

    url = f"sqlite:///{folder / 'demo.db'}"
    store = Store(url)
    ingest([str(sample_dir())], store)
    update_views(store)
    store.close()
    return url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--db", help="a store to read (default: the demo corpus in a temporary file)")
    args = parser.parse_args()
    fp = flashpoint_cmd()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or demo_store(Path(tmp))
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "flashpoint events --help": [*fp, "events", "--help"],
            "flashpoint events": [*fp, "events", "--db", db],
            "flashpoint timeline": [*fp, "timeline", "--db", db],
            "flashpoint stories": [*fp, "stories", "--db", db],
        }
        for cmd in commands.values():  # warm the file cache once, untimed
            timed(cmd)
        times: dict[str, list[float]] = {name: [] for name in commands}
        cpu: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.repeat):
            for name, cmd in commands.items():
                w, c = timed(cmd)
                times[name].append(w)
                cpu[name].append(c)
    base = statistics.median(times["python -c pass"])
    print(f"{'command':<28} {'median s':>9} {'fastest s':>10} {'x python -c pass':>17} {'CPU s':>7}")
    for name, got in times.items():
        med = statistics.median(got)
        print(f"{name:<28} {med:>9.3f} {min(got):>10.3f} {med / base:>17.1f} {statistics.median(cpu[name]):>7.3f}")


if __name__ == "__main__":
    main()
