"""A throw-away PostgreSQL cluster for the benchmarks (initdb/pg_ctl on a free port, removed afterwards)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from flashpoint.store.pgtemp import free_port, new_database, temporary_cluster

__all__ = ["free_port", "new_database", "pg_cluster", "relation_bytes"]


_free_port = free_port


@contextmanager
def pg_cluster() -> Iterator[str]:
    """Yields a base URL (no database); `new_database(base, name)` makes one."""
    with temporary_cluster("flashpoint-bench-pg-") as base:
        yield base


def relation_bytes(url: str, tables: list[str]) -> dict[str, int]:
    """On-disk bytes of each table with its indexes and TOAST (pg_total_relation_size)."""
    import psycopg

    with psycopg.connect(url.replace("postgresql+psycopg", "postgresql")) as conn:
        return {t: int(conn.execute("SELECT pg_total_relation_size(%s)", (t,)).fetchone()[0])  # type: ignore[index]
                for t in tables}
