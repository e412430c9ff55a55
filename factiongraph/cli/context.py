"""What every command shares: settings and a lazily opened store."""

from __future__ import annotations

from dataclasses import dataclass

from factiongraph.settings import Settings
from factiongraph.store import SQLiteStore, open_store


@dataclass
class AppContext:
    """Settings plus the store, opened on first use and closed when the command ends."""

    settings: Settings
    debug: bool = False
    _store: SQLiteStore | None = None

    @property
    def store(self) -> SQLiteStore:
        """Return the open store."""
        if self._store is None:
            self._store = open_store(self.settings.db)
        return self._store

    def close(self) -> None:
        """Close the store if it was opened."""
        if self._store is not None:
            self._store.close()
            self._store = None
