"""PostgreSQL store: the SQLite store's schema, write path and reads, on a shared server.

A team shares one store by pointing ``--db`` (or ``FACTIONGRAPH_DB``) at
``postgresql://user:password@host:5432/dbname``. :class:`PostgresStore` deliberately reuses
:class:`~factiongraph.store.sqlite.SQLiteStore`'s code for writing and reading claims (one
implementation of upserts, supersession, coreference candidates and the interchange reads)
through a connection that renders its SQL for PostgreSQL (:mod:`factiongraph.store.dialect`).
It overrides only what differs: connecting, applying the (rendered) migrations under an
advisory lock, rewriting alias keys, and full-text search (``tsvector``; alias lookups are
served by a ``pg_trgm`` index, migration 0007).

psycopg (3) is an optional dependency: ``pip install 'factiongraph[postgres]'``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from factiongraph.errors import StoreError
from factiongraph.model.result import DocumentResult
from factiongraph.store import columns
from factiongraph.store.dialect import FTS_CONFIG, QueryTranslator, SchemaRenderer
from factiongraph.store.pg_bulk import COLUMN_TYPES_SQL, ColumnTypes, read_column_types, unnest_insert
from factiongraph.store.schema import CREATE_MIGRATIONS_TABLE, RECORD_MIGRATION, list_migrations
from factiongraph.store.sqlite import SQLiteStore

if TYPE_CHECKING:
    import psycopg

log = logging.getLogger(__name__)

SCHEMES = ("postgresql", "postgres")
_MIGRATION_LOCK = 0x6667_7374  # advisory lock key: one migrating process per database at a time


class Row:
    """A result row read by position or by column name, like ``sqlite3.Row``."""

    __slots__ = ("_names", "_values")

    def __init__(self, names: dict[str, int], values: Sequence[Any]) -> None:
        self._names = names
        self._values = values

    def __getitem__(self, key: int | str) -> Any:
        return self._values[key if isinstance(key, int) else self._names[key]]

    def keys(self) -> list[str]:
        """Return the column names in order."""
        return list(self._names)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)


def _row_factory(cursor: Any) -> Callable[[Sequence[Any]], Row]:
    names = {column.name: i for i, column in enumerate(cursor.description or ())}
    return lambda values: Row(names, values)


class PgConnection:
    """A psycopg connection that takes the SQLite store's SQL (see :mod:`factiongraph.store.dialect`)."""

    def __init__(self, raw: psycopg.Connection[Any], translate: QueryTranslator) -> None:
        self.raw = raw
        self.translate = translate
        self.column_types: ColumnTypes = {}  # filled once the schema is migrated (set-based inserts)

    @property
    def in_transaction(self) -> bool:
        """Return True inside a transaction (also one an error has aborted)."""
        from psycopg.pq import TransactionStatus

        return self.raw.info.transaction_status in (TransactionStatus.INTRANS, TransactionStatus.INERROR)

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> Any:
        """Run one statement; return its cursor."""
        with self._lost_connection():
            return self.raw.execute(self.translate(sql), tuple(parameters))

    @contextmanager
    def _lost_connection(self) -> Iterator[None]:
        """Turn a connection the server dropped into a StoreError (a bad statement stays what it is)."""
        import psycopg

        try:
            yield
        except psycopg.OperationalError as exc:
            if self.raw.broken or self.raw.closed:
                raise StoreError(f"lost the connection to the store: {str(exc).strip()}") from exc
            raise

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> Any:
        """Run one statement for each parameter row.

        An INSERT is sent as one statement whatever the number of rows: ``unnest`` over one array
        per column (:mod:`factiongraph.store.pg_bulk`: a fixed text, prepared once), else a
        multi-row ``VALUES`` list per thousand-odd rows. An upsert whose rows repeat a key runs
        row by row instead (pipelined: one round trip), as SQLite would (one statement may not
        update a row twice).
        """
        rows = [tuple(p) for p in parameters]
        cursor = self.raw.cursor()
        if not rows:
            return cursor
        query = self.translate(sql)
        parts = _multirow_parts(query, rows)
        with self._lost_connection():
            if parts is None:
                cursor.executemany(query, rows)
                return cursor
            head, group, tail = parts
            bulk = unnest_insert(head, group, tail, rows, self.column_types)
            if bulk is not None:
                cursor.execute(bulk[0], bulk[1])
                return cursor
            step = max(1, _MAX_PARAMS // max(1, len(rows[0])))
            for i in range(0, len(rows), step):
                chunk = rows[i:i + step]
                cursor.execute(head + ",".join([group] * len(chunk)) + tail, [v for row in chunk for v in row])
        return cursor

    def close(self) -> None:
        """Close the connection."""
        self.raw.close()


_MAX_PARAMS = 30_000  # PostgreSQL takes at most 65,535 parameters per statement
_MULTIROW = re.compile(r"^(INSERT\s+INTO\s+\w+\s*\(([^)]*)\)\s*VALUES\s*)(\([^()]*\))(.*)$", re.S | re.I)


def _multirow_parts(query: str, rows: list[tuple[Any, ...]]) -> tuple[str, str, str] | None:
    """Split an INSERT into (head, one row's VALUES group, tail) when its rows can go in one statement."""
    match = _MULTIROW.match(query)
    if match is None:
        return None
    head, columns, group, tail = match.groups()
    if re.search(r"\bDO\s+UPDATE\b", tail, re.I):
        target = re.search(r"ON\s+CONFLICT\s*\(([^)]*)\)", tail, re.I)
        if target is None:
            return None
        names = [c.strip() for c in columns.split(",")]
        try:
            at = [names.index(c.strip()) for c in target.group(1).split(",")]
        except ValueError:
            return None
        if len({tuple(row[i] for i in at) for row in rows}) < len(rows):
            return None
    return head, group, tail


def redact(url: str) -> str:
    """Return a connection URL without its password (for messages and ``store.url``)."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


class PostgresStore(SQLiteStore):
    """The PostgreSQL implementation of :class:`factiongraph.store.base.Store`."""

    def __init__(self, url: str, key_fn: Callable[[str], str] | None = None) -> None:  # noqa: D107
        try:
            import psycopg
        except ImportError as exc:
            raise StoreError("a postgresql:// store needs psycopg: pip install 'factiongraph[postgres]'") from exc
        self._init_state(redact(url), key_fn)
        self._written_since_analyze = 0
        self._analyze_after = self.ANALYZE_FIRST_AFTER
        try:
            raw = psycopg.connect(url, autocommit=True, row_factory=_row_factory)
        except psycopg.Error as exc:
            raise StoreError(f"cannot open store {self.url}: {str(exc).strip()}") from exc
        # psycopg prepares a statement run often; PostgreSQL would then plan it once for any
        # parameters, and a plan made while the store was small (a scan) stays. Plan each run.
        raw.execute("SET plan_cache_mode = force_custom_plan")
        self.pg = PgConnection(raw, QueryTranslator())
        self.conn = self.pg
        try:
            self.migrate()
            self.pg.translate = QueryTranslator(self._not_null_columns())
            self.pg.column_types = read_column_types(self.conn.execute(COLUMN_TYPES_SQL).fetchall())
            self.refresh_keys()
        except psycopg.Error as exc:
            raw.close()
            raise StoreError(f"cannot open store {self.url}: {str(exc).strip()}") from exc

    def _not_null_columns(self) -> list[str]:
        rows = self.conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
            " GROUP BY column_name HAVING bool_and(is_nullable = 'NO')"
        ).fetchall()
        return [str(r[0]) for r in rows]

    # -- schema -----------------------------------------------------------------------------
    def migrate(self) -> list[int]:
        """Apply every packaged migration not yet applied (rendered for PostgreSQL); return their versions.

        Holds an advisory lock meanwhile, so processes opening the same new database migrate it once.
        """
        import psycopg

        c = self.pg
        c.execute("SELECT pg_advisory_lock(?)", (_MIGRATION_LOCK,))
        try:
            c.execute(CREATE_MIGRATIONS_TABLE)
            done = {r[0] for r in c.execute("SELECT version FROM schema_migrations")}
            renderer, applied = SchemaRenderer(), []
            for version, name, sql in list_migrations():
                statements = renderer.render(sql)  # every file, in order: later ones need the earlier tables
                if version in done:
                    continue
                log.info("applying migration %s (postgresql)", name)
                try:
                    c.execute("BEGIN")
                    for statement in statements:
                        c.raw.execute(statement)  # already PostgreSQL: not translated again
                    c.execute(RECORD_MIGRATION, (version, name, columns.now()))
                    c.execute("COMMIT")
                except psycopg.Error as exc:
                    c.execute("ROLLBACK")
                    raise StoreError(f"migration {name} failed on {self.url}: {str(exc).strip()}") from exc
                applied.append(version)
            return applied
        finally:
            c.execute("SELECT pg_advisory_unlock(?)", (_MIGRATION_LOCK,))

    def _rewrite_keys_locked(self, version: str) -> int:
        """Rewrite the alias keys (see :meth:`SQLiteStore.refresh_keys`) in one transaction that other writers wait for."""
        self.conn.execute("BEGIN")
        try:
            self.conn.execute("LOCK TABLE aliases IN SHARE ROW EXCLUSIVE MODE")
            rows = self._rewrite_alias_keys(version)
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        return rows

    # Documents written before the planner's statistics are refreshed; the gap doubles each time.
    ANALYZE_FIRST_AFTER = 500

    @contextmanager
    def batch(self) -> Iterator[None]:
        """As :meth:`SQLiteStore.batch`; coreference candidates are read afresh for each batch.

        Other processes may write the same server, so events read in an earlier batch may have
        changed since; within a batch this connection's transaction sees its own writes. After
        the batch commits, the planner's statistics are refreshed once enough documents were
        written (:meth:`_refresh_statistics`).
        """
        outermost = not self._batch_open
        if outermost:
            self._candidates.clear()
        with super().batch():
            yield
        if outermost and self._written_since_analyze >= self._analyze_after:
            self._refresh_statistics()

    def write_result(self, result: DocumentResult) -> None:
        """As :meth:`SQLiteStore.write_result`; alone (outside a batch), statistics as after a batch."""
        super().write_result(result)
        if not self._batch_open and self._written_since_analyze >= self._analyze_after:
            self._refresh_statistics()

    def _refresh_statistics(self) -> None:
        """Run ANALYZE, so queries are planned for the store as it now is.

        PostgreSQL plans with the row counts it last sampled. Right after a bulk ingest they are
        those of a small store (autovacuum samples again only later), and a profile read then
        sorted every mention of an entity: 200 ms instead of 2.5 ms on 3,000 documents (bench).
        The next refresh waits for twice as many documents, so a long run analyses O(log n) times.
        """
        self.conn.execute("ANALYZE")
        self._written_since_analyze = 0
        self._analyze_after *= 2

    def _write(self, result: DocumentResult) -> None:
        """Write one document's rows in psycopg's pipeline mode: sent without waiting for each answer.

        The statements still run in order, in the caller's savepoint; leaving the pipeline waits
        for all of them and raises the first error, so a failing document is rolled back alone.
        """
        with self.pg.raw.pipeline():
            super()._write(result)
        self._written_since_analyze += 1

    def _check_data_version(self) -> None:
        """PostgreSQL has no ``PRAGMA data_version``: :meth:`batch` reads candidates afresh instead."""

    # -- reads that differ --------------------------------------------------------------------
    def near_duplicate_candidates(self, bands: list[str], limit: int = 20) -> list[tuple[str, tuple[int, ...]]]:
        """Return ``(doc_id, signature)`` of stored documents sharing at least one LSH band.

        The same answer as SQLite's query, shaped so PostgreSQL's planner cannot pick a scan of
        every signature (which it does while its statistics lag a fast-growing store): the
        bands are counted first, and only the ``limit`` best documents are joined.
        """
        if not bands:
            return []
        marks = ",".join("?" * len(bands))
        rows = self.conn.execute(
            f"SELECT s.doc_id, s.signature FROM (SELECT doc_id, COUNT(*) AS shared FROM doc_bands"
            f" WHERE band IN ({marks}) GROUP BY doc_id ORDER BY shared DESC LIMIT ?) m"
            " JOIN doc_signatures s ON s.doc_id = m.doc_id ORDER BY m.shared DESC",
            (*bands, limit),
        ).fetchall()
        return [(str(r[0]), tuple(map(int, r[1].split(",")))) for r in rows]

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Full-text search over titles and article content; returns doc_id, title and a snippet.

        The query is read as a web search (words, "quoted phrases", -exclusions, or); it never fails.
        """
        rows = self.conn.execute(
            f"SELECT f.doc_id, f.title, ts_headline('{FTS_CONFIG}', f.content, q.query,"
            " 'StartSel=[, StopSel=], MaxWords=24, MinWords=8, MaxFragments=1, FragmentDelimiter=\" … \"')"
            f" AS snippet FROM documents_fts f, websearch_to_tsquery('{FTS_CONFIG}', ?) AS q(query)"
            " WHERE f.tsv @@ q.query ORDER BY ts_rank(f.tsv, q.query) DESC, f.doc_id LIMIT ?",
            (query, limit),
        ).fetchall()
        return [{"doc_id": r["doc_id"], "title": r["title"], "snippet": r["snippet"]} for r in rows]

    def size_bytes(self) -> int:
        """Return the database's size on disk in bytes."""
        return int(self.conn.execute("SELECT pg_database_size(current_database())").fetchone()[0])
