"""One read connection per server thread.

SQLite connections belong to the thread that opened them, and the ASGI server calls handlers
from a pool of threads; each thread opens its own connection to the same file on first use.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from factiongraph.errors import StoreError
from factiongraph.resolve.keys import make_key
from factiongraph.store import SQLiteStore, open_store


class StoreConnections:
    """Open the store at ``path`` once per thread and hand back that thread's connection."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        if self.path.startswith("sqlite:///"):
            self.path = self.path[len("sqlite:///"):]
        if not Path(self.path).is_file():
            raise StoreError(f"no store at {self.path} (ingest some articles first, or run 'make demo')")
        self._local = threading.local()
        self._lock = threading.Lock()
        self._opened: list[SQLiteStore] = []
        self.generation = 0  # bumped after a write, so cached analyses are rebuilt

    def get(self) -> SQLiteStore:
        """Return this thread's store."""
        store: SQLiteStore | None = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.path, key_fn=make_key)
            self._local.store = store
            with self._lock:
                self._opened.append(store)
        return store

    def changed(self) -> None:
        """Record that the store was written (cached graphs are stale)."""
        with self._lock:
            self.generation += 1

    def close(self) -> None:
        """Close every connection this object opened (threads that still run reopen on next use)."""
        with self._lock:
            for store in self._opened:
                store.close()
            self._opened.clear()
        self._local = threading.local()


class ThreadStore:
    """A stand-in for the store that reaches the calling thread's connection on every use.

    FastAPI runs a plain dependency and the plain handler that receives it in separate calls to
    its thread pool, so they may run on different threads: the handler must not keep a
    connection the dependency's thread opened. Every attribute is looked up on the connection of
    the thread that uses it.
    """

    def __init__(self, connections: StoreConnections) -> None:
        self._connections = connections

    def __getattr__(self, name: str) -> Any:
        return getattr(self._connections.get(), name)
