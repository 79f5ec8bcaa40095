"""A throw-away PostgreSQL cluster (initdb and pg_ctl on a free port of 127.0.0.1, removed afterwards).

For the tests, the benchmarks and trying flashpoint on PostgreSQL without a server to hand. PostgreSQL
refuses to run as root, so its binaries run as the `postgres` user then.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

START_TRIES = 3  # another process can take the free port between choosing it and the server binding it


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_pg_user(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


def pg_bin(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    for candidate in sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), reverse=True):
        return str(candidate)
    raise RuntimeError(f"PostgreSQL binary {name} not found: install postgresql")


def _start(base: Path, data: Path) -> int:
    """Start the server on a free port, choosing another if the one chosen was taken meanwhile."""
    for attempt in range(START_TRIES):
        port = free_port()
        done = subprocess.run(_as_pg_user([
            pg_bin("pg_ctl"), "-D", str(data), "-l", str(base / "log"), "-w", "-o",
            f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off", "start"]), capture_output=True)
        if done.returncode == 0:
            return port
        if attempt == START_TRIES - 1:
            raise RuntimeError(f"PostgreSQL did not start: {(base / 'log').read_text(errors='replace')[-500:]}")
    raise AssertionError("unreachable")


@contextmanager
def temporary_cluster(prefix: str = "flashpoint-pg-") -> Iterator[str]:
    """Yields a base URL with no database (`new_database(base, name)` makes one); stops and removes it after."""
    base = Path(tempfile.mkdtemp(prefix=prefix))
    if os.geteuid() == 0:
        shutil.chown(base, "postgres", "postgres")
    data = base / "data"
    subprocess.run(_as_pg_user([pg_bin("initdb"), "-D", str(data), "-U", "flashpoint", "--auth=trust", "-E", "UTF8",
                                "--locale=C"]), check=True, capture_output=True)
    port = _start(base, data)
    try:
        yield f"postgresql+psycopg://flashpoint@127.0.0.1:{port}"
    finally:
        subprocess.run(_as_pg_user([pg_bin("pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
                       capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


def new_database(base: str, name: str) -> str:
    """A fresh database `name` on the cluster at `base` (dropped first if it exists); its SQLAlchemy URL."""
    import psycopg

    with psycopg.connect(base.replace("postgresql+psycopg://", "postgresql://") + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{base}/{name}"
