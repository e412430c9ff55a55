"""The store: one schema, SQLite by default, PostgreSQL for a shared one. Depends only on ``factiongraph.model``."""

from factiongraph.store.base import Store
from factiongraph.store.connect import open_store
from factiongraph.store.sqlite import SQLiteStore

__all__ = ["SQLiteStore", "Store", "open_store"]
