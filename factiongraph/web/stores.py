"""Connections to the served store, lent to one request at a time.

The ASGI server runs a request's dependencies and its handler as separate calls into a pool of
threads, so one request may start in one thread and finish in another. A connection therefore
belongs to a request, not to a thread: each request borrows an idle connection (opened on
demand, as many as requests run at once) and gives it back when it is done. No connection is
ever used by two threads at the same time.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from factiongraph.errors import StoreError
from factiongraph.resolve.keys import make_key
from factiongraph.store import SQLiteStore, open_store


class StoreConnections:
    """A pool of connections to the store at ``path``."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        if self.path.startswith("sqlite:///"):
            self.path = self.path[len("sqlite:///"):]
        if not Path(self.path).is_file():
            raise StoreError(f"no store at {self.path} (ingest some articles first, or run 'make demo')")
        self._lock = threading.Lock()
        self._idle: list[SQLiteStore] = []
        self._opened: list[SQLiteStore] = []
        self.generation = 0  # bumped after a write, so cached analyses are rebuilt

    @contextmanager
    def borrow(self) -> Iterator[SQLiteStore]:
        """Lend an idle connection (opening one when none is idle) for the duration of a request."""
        with self._lock:
            store = self._idle.pop() if self._idle else None
        if store is None:
            store = open_store(self.path, key_fn=make_key, any_thread=True)
            with self._lock:
                self._opened.append(store)
        try:
            yield store
        finally:
            with self._lock:
                self._idle.append(store)

    def changed(self) -> None:
        """Record that the store was written (cached graphs are stale)."""
        with self._lock:
            self.generation += 1

    def close(self) -> None:
        """Close every connection this pool opened."""
        with self._lock:
            for store in self._opened:
                store.close()
            self._opened.clear()
            self._idle.clear()
