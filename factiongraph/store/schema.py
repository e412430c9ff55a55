"""What every store is built on: its connection and caches, the packaged migrations, the alias-key version.

The store classes are layers, each one module and one topic, each using only the ones below it::

    schema.StoreSchema          connection, caches, migrations list, schema and alias-key versions
    reads.ClaimReads            documents, entities, mentions and claims read back; full-text search
    candidates.CandidateCache   coreference candidates, kept in memory between calls
    claims.ClaimWrites          entities, aliases, mentions, events, relations, quotes, evidence upserted
    writer.DocumentWriter       the one write path: a document and its claims all or nothing; judgements
    sqlite.SQLiteStore          a SQLite file: connecting, WAL, migrating and rewriting keys under its lock
    postgres.PostgresStore      the same on a PostgreSQL server (its own connecting, locking and search)
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from typing import Self

from factiongraph.model import Event
from factiongraph.store.dialect import SqlConnection

CREATE_MIGRATIONS_TABLE = (
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
    " applied_at TEXT NOT NULL)"
)
RECORD_MIGRATION = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"


def list_migrations() -> list[tuple[int, str, str]]:
    """Return ``(version, name, sql)`` for every packaged migration, in order."""
    folder = resources.files("factiongraph.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:4].isdigit():
            found.append((int(name[:4]), name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def split_sql(sql: str) -> list[str]:
    """Split a migration into statements (our migrations contain no semicolons inside strings)."""
    lines = [ln for ln in sql.splitlines() if not ln.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


class StoreSchema:
    """The state every store holds, and what it reads of its own schema."""

    url: str
    conn: SqlConnection
    key_fn: Callable[[str], str]
    _batch_open: bool
    _candidates: dict[str, Event]
    _data_version: int
    _alias_keys: dict[str, str]

    def _init_state(self, url: str, key_fn: Callable[[str], str] | None) -> None:
        """Set what a store holds before it connects (every store's ``__init__`` calls this first)."""
        self.url = url
        self._batch_open = False
        # Coreference candidates as last read (event id -> Event with participants, no evidence).
        # This connection's writes drop what they change; another process's commits drop them all.
        self._candidates = {}
        self._data_version = -1  # PRAGMA data_version when the candidates were last valid
        self.key_fn = key_fn or str.casefold
        self._alias_keys = {}  # alias -> key_fn(alias), see ClaimWrites._alias_key

    def schema_version(self) -> int:
        """Return the highest applied migration version."""
        row = self.conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0)

    def _rewrite_alias_keys(self, version: str) -> int:
        """Rewrite every alias key with this store's key function and record ``version`` (inside
        the caller's transaction); return the rows rewritten."""
        rows = self.conn.execute("SELECT rowid, alias FROM aliases").fetchall()
        self.conn.executemany("UPDATE aliases SET key = ? WHERE rowid = ?", [(self.key_fn(r[1]), r[0]) for r in rows])
        self.conn.execute("INSERT OR REPLACE INTO store_meta (name, value) VALUES ('alias_key_version', ?)",
                          (version,))
        return len(rows)

    def _alias_key_version(self) -> str | None:
        row = self.conn.execute("SELECT value FROM store_meta WHERE name = 'alias_key_version'").fetchone()
        return None if row is None else str(row[0])

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
