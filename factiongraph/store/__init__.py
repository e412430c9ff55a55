"""The store: one schema, SQLite by default. Depends only on ``factiongraph.model``."""

from factiongraph.store.base import Store
from factiongraph.store.sqlite import SQLiteStore, open_store

__all__ = ["SQLiteStore", "Store", "open_store"]
