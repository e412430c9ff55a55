"""SQLite store: one file, versioned migrations, FTS5; each document written all or nothing.

All writes go through one connection (the pipeline's single writer); readers open their own.
This module is what is SQLite's own: opening the file (write-ahead log, busy timeout), applying
migrations and rewriting alias keys under its write lock. What the store writes and reads is in
the layers :class:`SQLiteStore` is built from (see :mod:`factiongraph.store.schema`), which the
PostgreSQL store shares.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from factiongraph.errors import StoreError
from factiongraph.store import columns
from factiongraph.store.schema import CREATE_MIGRATIONS_TABLE, RECORD_MIGRATION, list_migrations, split_sql
from factiongraph.store.writer import DocumentWriter

__all__ = ["BUSY_TIMEOUT_SECONDS", "SQLiteStore", "list_migrations", "open_store"]

log = logging.getLogger(__name__)


BUSY_TIMEOUT_SECONDS = 60.0
"""How long a write waits for another process holding the store's write lock before failing."""

# Names this module held before it was split, still imported from here (tests, other branches).
_now = columns.now
_split_sql = split_sql


def open_store(url: str | Path, key_fn: Callable[[str], str] | None = None, *,
               any_thread: bool = False) -> SQLiteStore:
    """Open (creating and migrating if needed) the store at ``url``.

    ``url`` is a file path or ``sqlite:///path``. Raises StoreError for anything else.
    ``key_fn`` turns an alias into its lookup key (resolution's transliteration-insensitive key;
    plain casefolding when omitted). Writers and readers of one store must use the same one.
    ``any_thread`` lets threads take turns with the connection (never two at once: the caller
    hands it to one thread at a time, as the web app's pool does).
    """
    text = str(url)
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///"):]
    elif "://" in text:
        scheme = text.split("://", 1)[0]
        raise StoreError(f"unsupported store URL scheme {scheme!r}: use a file path or sqlite:///path")
    return SQLiteStore(text, key_fn, any_thread=any_thread)


class SQLiteStore(DocumentWriter):
    """The SQLite implementation of :class:`factiongraph.store.base.Store`."""

    def __init__(self, path: str, key_fn: Callable[[str], str] | None = None, *, any_thread: bool = False) -> None:
        self._init_state(path, key_fn)
        if path != ":memory:":
            parent = Path(path).expanduser().resolve().parent
            if not parent.is_dir():
                raise StoreError(f"cannot open store {path}: folder {parent} does not exist")
        try:
            # timeout: how long a statement waits for another process's write lock (busy_timeout)
            conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_SECONDS,
                                   check_same_thread=not any_thread)
            conn.row_factory = sqlite3.Row
            self.conn = conn
            self.conn.execute("PRAGMA foreign_keys = ON")
            self._enable_wal()
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.migrate()
            self.refresh_keys()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open store {path}: {exc}") from exc

    def _enable_wal(self) -> None:
        """Switch the file to write-ahead logging, waiting while another process holds it.

        Entering WAL mode needs the file to itself, and SQLite answers "database is locked" at once
        (without its busy handler) when a second process is opening a new store at the same time;
        so the switch is retried here, within ``BUSY_TIMEOUT_SECONDS``. WAL mode is kept in the
        file, so a store opened before is already in it.
        """
        deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
        while True:
            try:
                self.conn.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
            time.sleep(0.02)

    def refresh_keys(self) -> int:
        """Recompute every alias key when the key function changed since the keys were written.

        A key function may carry a ``version`` (resolution's transliteration keys do); the store
        records the version its keys were made with, and rewrites them in one transaction when a
        newer one opens it, so a name keyed the old way is still found. Returns the rows rewritten.
        """
        version = getattr(self.key_fn, "version", None)
        if version is None:
            return 0
        if self._alias_key_version() == str(version):
            return 0
        rows = self._rewrite_keys_locked(str(version))
        if rows:
            log.info("alias keys rewritten for key version %s: %d aliases", version, rows)
        return rows

    def _rewrite_keys_locked(self, version: str) -> int:
        """Rewrite the alias keys in a transaction holding the write lock; return the rows rewritten.

        Another process opening the store may be rewriting them: the version is read again once
        the lock is held.
        """
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            if self._alias_key_version() == version:
                self.conn.execute("COMMIT")
                return 0
            rows = self._rewrite_alias_keys(version)
            self.conn.execute("COMMIT")
        except sqlite3.DatabaseError:
            self.conn.execute("ROLLBACK")
            raise
        return rows

    # -- schema -----------------------------------------------------------------------------
    def migrate(self) -> list[int]:
        """Apply every packaged migration not yet applied; return the versions applied.

        Safe when several processes open a new store at once: each migration is applied inside
        ``BEGIN IMMEDIATE`` (the write lock; the others wait up to ``BUSY_TIMEOUT_SECONDS``), and
        what is applied is read again inside that transaction, so a migration another process
        committed meanwhile is skipped, not run twice. A store already up to date takes no lock.
        """
        migrations = list_migrations()
        if not self._pending(migrations):
            return []
        applied: list[int] = []
        while True:
            name = "(schema_migrations)"
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                self.conn.execute(CREATE_MIGRATIONS_TABLE)
                pending = self._pending(migrations)
                if not pending:
                    self.conn.execute("COMMIT")
                    return applied
                version, name, sql = pending[0]
                log.info("applying migration %s", name)
                for statement in split_sql(sql):
                    self.conn.execute(statement)
                self.conn.execute(RECORD_MIGRATION, (version, name, columns.now()))
                self.conn.execute("COMMIT")
            except sqlite3.DatabaseError as exc:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise StoreError(f"migration {name} failed: {exc}") from exc
            applied.append(version)

    def _pending(self, migrations: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
        """Return the migrations not recorded in ``schema_migrations`` (all of them on a new file)."""
        try:
            done = {r[0] for r in self.conn.execute("SELECT version FROM schema_migrations")}
        except sqlite3.OperationalError:  # no such table yet
            return migrations
        return [m for m in migrations if m[0] not in done]
