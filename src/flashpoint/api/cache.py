"""Read pages and view rows computed once per state of the store, not once per request.

A state is the store's own (newest article and span numbers, re-analyses) and the views' version (bumped
by every view update): what a read shows changes only when one of them does. Entries are kept in a small
LRU that drops a store's entries as soon as its state moves on, and a value being computed is computed once
however many readers ask for it at the same moment.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from flashpoint.store.store import Store

T = TypeVar("T")
MAX_ENTRIES = 128  # a rendered timeline page can be megabytes


def store_state(store: Store) -> tuple[Any, ...]:
    from flashpoint.corpus.tables import version
    from flashpoint.store import queries

    return (*queries.store_state(store), version(store))


class ReadCache:
    def __init__(self, size: int = MAX_ENTRIES) -> None:
        self.size = size
        self._lock = threading.Lock()
        self._entries: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self._computing: dict[tuple[Any, ...], threading.Lock] = {}

    def get(self, store: Store, key: Hashable, compute: Callable[[], T]) -> T:
        """The value of `compute()` for this state of the store; callers must not change it."""
        full = (store.url, id(store.engine), store_state(store), key)
        with self._lock:
            if full in self._entries:
                self._entries.move_to_end(full)
                return self._entries[full]  # type: ignore[no-any-return]
            gate = self._computing.setdefault(full, threading.Lock())
        with gate:
            with self._lock:
                if full in self._entries:
                    return self._entries[full]  # type: ignore[no-any-return]
            value = compute()
            with self._lock:
                for old in [k for k in self._entries if k[:2] == full[:2] and k[2] != full[2]]:
                    del self._entries[old]  # computed for an older state of this store: never asked for again
                self._entries[full] = value
                self._computing.pop(full, None)
                while len(self._entries) > self.size:
                    self._entries.popitem(last=False)
        return value


READS = ReadCache()


def cached(store: Store, key: Hashable, compute: Callable[[], T]) -> T:
    return READS.get(store, key, compute)
