"""Open a store by its URL: a SQLite file (the default) or a PostgreSQL server."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from factiongraph.errors import StoreError
from factiongraph.store.sqlite import SQLiteStore
from factiongraph.store.sqlite import open_store as open_sqlite


def open_store(url: str | Path, key_fn: Callable[[str], str] | None = None, *,
               any_thread: bool = False) -> SQLiteStore:
    """Open (creating and migrating if needed) the store at ``url``.

    ``url`` is a file path, ``sqlite:///path`` or ``postgresql://user:password@host:port/dbname``
    (``postgres://`` too; needs the ``postgres`` extra). ``key_fn`` turns an alias into its
    lookup key; writers and readers of one store must use the same one. ``any_thread`` lets
    threads take turns with a SQLite connection (one at a time, as the web app's pool hands it out).

    Raises:
        StoreError: an unknown scheme, a missing folder, a server that refuses the connection
            or a migration that fails.
    """
    text = str(url)
    scheme = text.split("://", 1)[0].lower() if "://" in text else ""
    if scheme in ("postgresql", "postgres"):
        from factiongraph.store.postgres import PostgresStore

        return PostgresStore(text, key_fn)
    if scheme not in ("", "sqlite"):
        raise StoreError(f"unsupported store URL scheme {scheme!r}: use a file path, sqlite:///path "
                         "or postgresql://user@host/dbname")
    return open_sqlite(text, key_fn, any_thread=any_thread)
