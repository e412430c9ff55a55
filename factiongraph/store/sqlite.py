"""SQLite store: one file, versioned migrations, FTS5; each document written all or nothing.

All writes go through one connection (the pipeline's single writer); readers open their own.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from factiongraph.errors import StoreError
from factiongraph.model import (
    Block,
    BlockPart,
    Certainty,
    DatePrecision,
    Document,
    Entity,
    EntityType,
    Event,
    Evidence,
    Mention,
    Metadata,
    Predicate,
    Quote,
    Relation,
)
from factiongraph.model.ids import make_id
from factiongraph.model.judgement import Judgement
from factiongraph.model.result import DocumentResult, claim_id
from factiongraph.store import decisions
from factiongraph.store.dialect import SqlConnection

log = logging.getLogger(__name__)


BUSY_TIMEOUT_SECONDS = 60.0
"""How long a write waits for another process holding the store's write lock before failing."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def list_migrations() -> list[tuple[int, str, str]]:
    """Return ``(version, name, sql)`` for every packaged migration, in order."""
    folder = resources.files("factiongraph.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:4].isdigit():
            found.append((int(name[:4]), name, entry.read_text(encoding="utf-8")))
    return sorted(found)


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


class SQLiteStore:
    """The SQLite implementation of :class:`factiongraph.store.base.Store`."""

    conn: SqlConnection

    def __init__(self, path: str, key_fn: Callable[[str], str] | None = None, *, any_thread: bool = False) -> None:
        self.url = path
        self._batch_open = False
        # Coreference candidates as last read (event id -> Event with participants, no evidence).
        # This connection's writes drop what they change; another process's commits drop them all.
        self._candidates: dict[str, Event] = {}
        self._data_version = -1  # PRAGMA data_version when the candidates were last valid
        self.key_fn: Callable[[str], str] = key_fn or str.casefold
        self._alias_keys: dict[str, str] = {}  # alias -> key_fn(alias), see _alias_key
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
        self.conn.execute("BEGIN IMMEDIATE")  # another process opening the store may be rewriting them
        try:
            if self._alias_key_version() == str(version):
                self.conn.execute("COMMIT")
                return 0
            rows = self._rewrite_alias_keys(str(version))
            self.conn.execute("COMMIT")
        except sqlite3.DatabaseError:
            self.conn.execute("ROLLBACK")
            raise
        if rows:
            log.info("alias keys rewritten for key version %s: %d aliases", version, rows)
        return rows

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
                self.conn.execute(
                    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                    " applied_at TEXT NOT NULL)"
                )
                pending = self._pending(migrations)
                if not pending:
                    self.conn.execute("COMMIT")
                    return applied
                version, name, sql = pending[0]
                log.info("applying migration %s", name)
                for statement in _split_sql(sql):
                    self.conn.execute(statement)
                self.conn.execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (version, name, _now()),
                )
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

    def schema_version(self) -> int:
        """Return the highest applied migration version."""
        row = self.conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0)

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- lookups used while writing ---------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        """Return True when a document with these exact bytes is already stored."""
        return self.conn.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone() is not None

    def latest_for_source(self, source: str) -> str | None:
        """Return the current (not superseded) doc_id ingested from ``source``, if any."""
        row = self.conn.execute(
            "SELECT doc_id FROM documents WHERE source = ? AND superseded_by IS NULL ORDER BY ingested_at DESC LIMIT 1",
            (source,),
        ).fetchone()
        return None if row is None else str(row[0])

    def near_duplicate_candidates(self, bands: list[str], limit: int = 20) -> list[tuple[str, tuple[int, ...]]]:
        """Return ``(doc_id, signature)`` of stored documents sharing at least one LSH band."""
        if not bands:
            return []
        marks = ",".join("?" * len(bands))
        rows = self.conn.execute(
            f"SELECT s.doc_id, s.signature, COUNT(*) AS shared FROM doc_bands b JOIN doc_signatures s"
            f" ON s.doc_id = b.doc_id WHERE b.band IN ({marks}) GROUP BY s.doc_id ORDER BY shared DESC LIMIT ?",
            (*bands, limit),
        ).fetchall()
        return [(str(r[0]), tuple(map(int, r[1].split(",")))) for r in rows]

    # -- the one write path -----------------------------------------------------------------
    def write_result(self, result: DocumentResult) -> None:
        """Write a document and all its claims, all or nothing.

        Alone, in a transaction of its own; inside :meth:`batch`, in a savepoint of the batch's
        transaction (a failing document is rolled back alone; the others stay).
        """
        if self._batch_open:
            self.conn.execute("SAVEPOINT document")
            try:
                self._write(result)
            except BaseException:
                self._candidates.clear()
                if self.conn.in_transaction:  # some errors end the whole transaction themselves
                    self.conn.execute("ROLLBACK TO document")
                    self.conn.execute("RELEASE document")
                raise
            self.conn.execute("RELEASE document")
            return
        try:
            self._begin_write()
            self._write(result)
            self.conn.execute("COMMIT")
        except BaseException:
            self._candidates.clear()
            self.conn.execute("ROLLBACK")
            raise

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Commit the documents written inside together (one commit per batch, not per document).

        Each document is still all or nothing (a savepoint); reads inside see the batch's writes.
        If the block raises, the whole batch is rolled back.
        """
        if self._batch_open:
            yield
            return
        self._begin_write()
        self._batch_open = True
        try:
            yield
        except BaseException:
            self._batch_open = False
            self._candidates.clear()
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        self._batch_open = False
        if self.conn.in_transaction:
            self.conn.execute("COMMIT")

    def _begin_write(self) -> None:
        """Take the write lock; forget cached candidates if another process committed meanwhile.

        ``PRAGMA data_version`` changes when any other connection commits to the file, so two
        ingests sharing one store never match a new report against an event as it was before the
        other one added to it.
        """
        self.conn.execute("BEGIN IMMEDIATE")
        self._check_data_version()

    def _check_data_version(self) -> None:
        """Drop the cached candidates when another connection has committed since they were read."""
        version = int(self.conn.execute("PRAGMA data_version").fetchone()[0])
        if version != self._data_version:
            self._candidates.clear()
            self._data_version = version

    def _write(self, result: DocumentResult) -> None:
        doc, now = result.document, _now()
        previous = self.latest_for_source(doc.source)
        if previous == doc.doc_id or self.has_document(doc.doc_id):
            return  # these bytes are stored (by another process since the run checked): once is enough
        self._insert_document(result, previous, now)
        self._write_claims(result.entities, result.mentions, result.events, result.relations, result.quotes, now)
        self.conn.executemany(
            "INSERT OR REPLACE INTO judgements (judgement_id, left_id, right_id, verdict, score, producer, reason,"
            " doc_id, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
            [
                (make_id("j", j.left_id, j.right_id, _val(j.verdict), j.producer, doc.doc_id),
                 j.left_id, j.right_id, _val(j.verdict), j.score, j.producer, j.reason, doc.doc_id, now)
                for j in result.judgements
            ],
        )
        decisions.reapply_merges(self, {e.entity_id for e in result.entities})

    def load(self, documents: Sequence[DocumentResult], entities: Sequence[Entity], mentions: Sequence[Mention],
             events: Sequence[Event], relations: Sequence[Relation], quotes: Sequence[Quote]) -> int:
        """Write records read from an export, all in one transaction; return the documents added.

        ``documents`` carry only the document, its MinHash signature and band keys (their claims
        come in the other arguments, which may cite several documents each). A document already
        stored is kept as it is (its mentions are not written twice); entities and claims are
        upserted by id, evidence added, so loading a second store's export merges the two.
        Raises StoreError (and writes nothing) when the records break the schema.
        """
        try:
            with self.batch():
                added = 0
                now = _now()
                for result in documents:
                    if not self.has_document(result.document.doc_id):
                        self._insert_document(result, None, now)
                        added += 1
                self._write_claims(entities, mentions, events, relations, quotes, now, or_ignore=True)
                decisions.reapply_merges(self, {e.entity_id for e in entities})  # reviewers' merges hold
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot load records into {self.url}: {exc}") from exc
        return added

    def _insert_document(self, result: DocumentResult, previous: str | None, now: str) -> None:
        """Insert one document with its blocks, full-text row and near-duplicate index entries."""
        doc, meta, c = result.document, result.document.metadata, self.conn
        c.execute(
            "INSERT INTO documents (doc_id, source, text, title, author, outlet, published, published_precision,"
            " published_basis, section, language, media_type, fetched_at, producer, word_count, near_duplicate_of,"
            " near_duplicate_score, supersedes, ingested_at, url, outlet_id, metadata_basis)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                doc.doc_id, doc.source, doc.text, meta.title, meta.author, meta.outlet, meta.published,
                _val(meta.published_precision), meta.published_basis, meta.section, meta.language,
                doc.media_type, doc.fetched_at, doc.producer, len(doc.text.split()), doc.near_duplicate_of,
                result.near_duplicate_score, previous, now, meta.url, doc.outlet_id, _json(meta.basis),
            ),
        )
        if previous is not None:
            self._supersede(previous, doc.doc_id)
        c.executemany(
            'INSERT INTO blocks (doc_id, seq, part, start, "end") VALUES (?,?,?,?,?)',
            [(doc.doc_id, i, b.part.value, b.start, b.end) for i, b in enumerate(doc.blocks)],
        )
        content = "\n".join(doc.text[b.start:b.end] for b in doc.blocks if b.is_content)
        c.execute("INSERT INTO documents_fts (doc_id, title, content) VALUES (?,?,?)", (doc.doc_id, meta.title or "", content))
        if result.signature:
            c.execute(
                "INSERT INTO doc_signatures (doc_id, signature) VALUES (?, ?)",
                (doc.doc_id, ",".join(str(x) for x in result.signature)),
            )
            c.executemany("INSERT OR IGNORE INTO doc_bands (band, doc_id) VALUES (?, ?)", [(b, doc.doc_id) for b in result.bands])

    def _write_claims(self, entities: Sequence[Entity], mentions: Sequence[Mention], events: Sequence[Event],
                      relations: Sequence[Relation], quotes: Sequence[Quote], now: str, or_ignore: bool = False) -> None:
        """Upsert entities and claims and insert mentions (``or_ignore``: keep mentions already stored)."""
        self._upsert_entities(entities, now)
        # A mention id is (document, span): new with its document, so a plain INSERT. Two mentions
        # of one span keep the last (as REPLACE would; REPLACE itself is slow with foreign keys on).
        mention_rows = {
            make_id("m", m.doc_id, m.start, m.end): (
                m.doc_id, m.entity_id, m.start, m.end, m.text, m.type.value, m.producer, m.confidence,
                int(m.in_content), m.sentence_start, m.sentence_end)
            for m in mentions
        }
        self.conn.executemany(
            f'INSERT {"OR IGNORE " if or_ignore else ""}INTO mentions (mention_id, doc_id, entity_id, start, "end",'
            " text, type, producer, confidence, in_content, sentence_start, sentence_end)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            [(mention_id, *row) for mention_id, row in mention_rows.items()],
        )
        self._upsert_events(events, now)
        self._upsert_relations(relations, now)
        self._upsert_quotes(quotes, now)

    def _supersede(self, old_id: str, new_id: str) -> None:
        """Retire an earlier version of a changed source: keep its text, drop its claims."""
        self._candidates.clear()
        c = self.conn
        c.execute("UPDATE documents SET superseded_by = ? WHERE doc_id = ?", (new_id, old_id))
        c.execute("DELETE FROM mentions WHERE doc_id = ?", (old_id,))
        # Only the claims the old version gave evidence for can be left without any: look at those
        # (through the evidence indexes), not at every claim in the store.
        cited = c.execute("SELECT DISTINCT claim_kind, claim_id FROM evidence WHERE doc_id = ?", (old_id,)).fetchall()
        c.execute("DELETE FROM evidence WHERE doc_id = ?", (old_id,))
        c.execute("DELETE FROM documents_fts WHERE doc_id = ?", (old_id,))
        c.execute("DELETE FROM doc_bands WHERE doc_id = ?", (old_id,))
        for table, key in (("events", "event_id"), ("relations", "relation_id"), ("quotes", "quote_id")):
            kind = table[:-1]
            c.executemany(
                f"DELETE FROM {table} WHERE {key} = ? AND NOT EXISTS"
                " (SELECT 1 FROM evidence WHERE claim_kind = ? AND claim_id = ?)",
                [(r[1], kind, r[1]) for r in cited if r[0] == kind],
            )

    # Each claim kind is written with one statement per table (executemany), in list order. An
    # upsert leaves a stored row alone when nothing it would set differs (WHERE …): on PostgreSQL
    # every update is a new row version, and the same entities and events, rewritten unchanged by
    # every document of a batch, made each later lookup of them walk hundreds of dead versions.
    def _upsert_entities(self, entities: Sequence[Entity], now: str) -> None:
        self.conn.executemany(
            "INSERT INTO entities (entity_id, type, name, in_kb, attributes, first_seen, last_seen)"
            " VALUES (?,?,?,?,?,?,?) ON CONFLICT(entity_id) DO UPDATE SET type = excluded.type,"
            " name = excluded.name, in_kb = excluded.in_kb, attributes = excluded.attributes,"
            " last_seen = excluded.last_seen WHERE entities.type <> excluded.type OR entities.name <> excluded.name"
            " OR entities.in_kb <> excluded.in_kb OR entities.attributes <> excluded.attributes"
            " OR entities.last_seen <> excluded.last_seen",
            [(e.entity_id, e.type.value, e.name, int(e.in_kb), _json(e.attributes), now, now) for e in entities],
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO aliases (entity_id, alias, key) VALUES (?,?,?)",
            [(e.entity_id, a, self._alias_key(a)) for e in entities for a in {e.name, *e.aliases}],
        )

    def _alias_key(self, alias: str) -> str:
        """Return ``key_fn(alias)``, remembered: every document re-writes its entities' aliases."""
        key = self._alias_keys.get(alias)
        if key is None:
            if len(self._alias_keys) >= _ALIAS_KEY_CACHE_LIMIT:
                self._alias_keys.clear()
            key = self._alias_keys[alias] = self.key_fn(alias)
        return key

    def _evidence(self, kind: str, claims: Sequence[Event | Relation | Quote]) -> None:
        self.conn.executemany(
            'INSERT OR IGNORE INTO evidence (evidence_id, claim_kind, claim_id, doc_id, start, "end", text, producer,'
            " confidence) VALUES (?,?,?,?,?,?,?,?,?)",
            [
                (make_id("ev", kind, claim_id, ev.doc_id, ev.start, ev.end, ev.producer), kind, claim_id,
                 ev.doc_id, ev.start, ev.end, ev.text, ev.producer, ev.confidence)
                for claim, claim_id in ((c, claim_id(c)) for c in claims)
                for ev in claim.evidence
            ],
        )

    def _upsert_events(self, events: Sequence[Event], now: str) -> None:
        for e in events:
            self._candidates.pop(e.event_id, None)
        self.conn.executemany(
            "INSERT INTO events (event_id, type, sub_type, date_start, date_end, date_precision, location_id,"
            " location_name, lat, lon, geo_precision, certainty, counts, attrs, first_seen, last_seen)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(event_id) DO UPDATE SET"
            " date_start = excluded.date_start, date_end = excluded.date_end,"
            " date_precision = excluded.date_precision, location_id = excluded.location_id,"
            " location_name = excluded.location_name, lat = excluded.lat, lon = excluded.lon,"
            " geo_precision = excluded.geo_precision, counts = excluded.counts, attrs = excluded.attrs,"
            " last_seen = excluded.last_seen WHERE events.last_seen <> excluded.last_seen"
            " OR events.counts <> excluded.counts OR events.attrs <> excluded.attrs"
            " OR events.date_start IS NOT excluded.date_start OR events.date_end IS NOT excluded.date_end"
            " OR events.date_precision IS NOT excluded.date_precision"
            " OR events.location_id IS NOT excluded.location_id OR events.location_name IS NOT excluded.location_name"
            " OR events.lat IS NOT excluded.lat OR events.lon IS NOT excluded.lon"
            " OR events.geo_precision IS NOT excluded.geo_precision",
            [
                (e.event_id, e.type, e.sub_type, e.date_start, e.date_end, _val(e.date_precision), e.location_id,
                 e.location_name, e.lat, e.lon, e.geo_precision, _val(e.certainty), _json(e.counts),
                 _json(e.attrs), now, now)
                for e in events
            ],
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO event_participants (event_id, entity_id, role) VALUES (?,?,?)",
            [(e.event_id, entity_id, role) for e in events
             for role, ids in (("actor", e.actors), ("target", e.targets)) for entity_id in ids],
        )
        self._evidence("event", events)

    def candidate_events(self, type_: str, sub_type: str, date_start: str | None, limit: int = 100,
                         keep: Callable[[Event], bool] | None = None) -> list[Event]:
        """Return stored events of the same type that could be the same happening (for coreference).

        Dated events: those within a year either side, nearest date first, then undated ones
        (most recently seen first). Read through the indexes of migration 0009, at most ``limit``
        rows per query, so the cost per new event stays flat as the store grows. Candidates carry participants but no evidence
        (coreference does not read it; the new report's evidence is added to the stored rows).
        Candidates are kept in memory between calls (this store's writes drop the ones they
        change; a commit by another connection drops them all), so callers must not modify them.
        ``keep``, when given, filters the candidates.
        """
        self._check_data_version()
        ids = self._candidate_ids(type_, sub_type, date_start, limit)
        if not ids:
            return []
        missing = [i for i in ids if i not in self._candidates]
        if missing and len(self._candidates) > _CANDIDATE_CACHE_LIMIT:
            self._candidates.clear()
            missing = ids
        if missing:
            rows = self.conn.execute(
                f"SELECT e.* FROM events e WHERE e.event_id IN ({','.join('?' * len(missing))})", missing).fetchall()
            loaded = [_event_from_row(r, json.loads(r["attrs"]), []) for r in rows]
            self._attach_participants(loaded)
            self._candidates.update((e.event_id, e) for e in loaded)
        events = sorted((self._candidates[i] for i in ids), key=lambda e: (e.date_start or "", e.event_id))
        return [e for e in events if keep(e)] if keep is not None else events

    def _candidate_ids(self, type_: str, sub_type: str, date_start: str | None, limit: int) -> list[str]:
        """Return the ids of the ``limit`` candidate events (see :meth:`candidate_events`).

        Each query is an index range read of at most ``limit`` rows (migration 0009): for a dated
        event, the nearest dated events after and before its date within a year either side, then
        the undated ones last seen most recently; for an undated event, those last seen most recently.
        """
        head = "SELECT e.event_id, e.date_start FROM events e WHERE e.type = ? AND e.sub_type = ?"
        if not date_start:
            return [r[0] for r in self.conn.execute(f"{head} ORDER BY e.last_seen DESC LIMIT ?",
                                                    (type_, sub_type, limit))]
        year = int(date_start[:4])
        dated = [*self.conn.execute(
            f"{head} AND e.date_start >= ? AND e.date_start < ? ORDER BY e.date_start NULLS LAST LIMIT ?",
            (type_, sub_type, max(date_start, str(year - 1)), str(year + 2), limit)),
            *self.conn.execute(
            f"{head} AND e.date_start >= ? AND e.date_start < ? ORDER BY e.date_start DESC NULLS FIRST LIMIT ?",
            (type_, sub_type, str(year - 1), date_start, limit))]
        day = _day_number(date_start)
        dated.sort(key=lambda r: -1 if (d := _day_number(r[1])) is None or day is None else abs(d - day))
        ids = [r[0] for r in dated[:limit]]
        if len(ids) < limit:
            ids += [r[0] for r in self.conn.execute(
                f"{head} AND e.date_start IS NULL ORDER BY e.last_seen DESC LIMIT ?",
                (type_, sub_type, limit - len(ids)))]
        return ids

    def _attach_participants(self, events: list[Event]) -> None:
        """Fill ``actors`` and ``targets`` of events read without them (one query)."""
        if not events:
            return
        by_id = {e.event_id: e for e in events}
        for event_id, entity_id, role in self.conn.execute(
            f"SELECT event_id, entity_id, role FROM event_participants WHERE event_id IN ({','.join('?' * len(by_id))})"
            " ORDER BY entity_id", list(by_id),
        ):
            event = by_id[event_id]
            (event.actors if role == "actor" else event.targets).append(entity_id)

    def _upsert_relations(self, relations: Sequence[Relation], now: str) -> None:
        self.conn.executemany(
            "INSERT INTO relations (relation_id, subject_id, predicate, object_id, attrs, valid_from, valid_to,"
            " first_seen, last_seen) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(relation_id) DO UPDATE SET"
            " last_seen = excluded.last_seen WHERE relations.last_seen <> excluded.last_seen",
            [(r.relation_id, r.subject_id, r.predicate.value, r.object_id, _json(r.attrs), r.valid_from,
              r.valid_to, now, now) for r in relations],
        )
        self._evidence("relation", relations)

    def _upsert_quotes(self, quotes: Sequence[Quote], now: str) -> None:
        self.conn.executemany(
            "INSERT INTO quotes (quote_id, speaker_id, speaker_role, via_id, text, anonymous, about, first_seen,"
            " last_seen) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(quote_id) DO UPDATE SET last_seen = excluded.last_seen"
            " WHERE quotes.last_seen <> excluded.last_seen",
            [(q.quote_id, q.speaker_id, q.speaker_role, q.via_id, q.text, int(q.anonymous), _json(q.about), now, now)
             for q in quotes],
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO quote_about (quote_id, entity_id) VALUES (?, ?)",
            [(q.quote_id, a) for q in quotes for a in q.about],
        )
        self._evidence("quote", quotes)

    def record_judgement(self, judgement: Judgement) -> str:
        """Store a reviewer's judgement (not tied to a document), apply it and return its id.

        A positive judgement on two different ids folds ``right_id`` into ``left_id`` in what the
        store serves (:func:`factiongraph.store.decisions.relink`); every change is logged, and
        ``withdraw_judgement`` puts it back. Other verdicts change no row here (a split moves
        its mentions with ``decisions.relink`` in the same transaction; resolution reads
        negative judgements through :meth:`apart_pairs`).
        """
        now = _now()
        judgement_id = make_id("j", judgement.left_id, judgement.right_id, _val(judgement.verdict),
                               judgement.producer, now)
        with self.batch():
            self.conn.execute(
                "INSERT OR REPLACE INTO judgements (judgement_id, left_id, right_id, verdict, score, producer, reason,"
                " doc_id, created_at) VALUES (?,?,?,?,?,?,?,NULL,?)",
                (judgement_id, judgement.left_id, judgement.right_id, _val(judgement.verdict), judgement.score,
                 judgement.producer, judgement.reason, now),
            )
            if _val(judgement.verdict) == "positive":
                decisions.relink(self, judgement_id, judgement.right_id, judgement.left_id)
        return judgement_id

    def withdraw_judgement(self, judgement_id: str) -> bool:
        """Delete a judgement recorded by ``record_judgement`` and undo what it changed; False when there is none.

        Raises ReviewError, changing nothing, when a later judgement changed the same rows.
        """
        with self.batch():
            found = self.conn.execute("SELECT 1 FROM judgements WHERE judgement_id = ? AND doc_id IS NULL",
                                      (judgement_id,)).fetchone()
            if found is None:
                return False
            decisions.undo(self, judgement_id)
            self.conn.execute("DELETE FROM judgements WHERE judgement_id = ? AND doc_id IS NULL", (judgement_id,))
        return True

    def apart_pairs(self) -> frozenset[frozenset[str]]:
        """Return the pairs of entity ids reviewers judged different (resolution never joins them)."""
        return decisions.apart_pairs(self)

    # -- reads ------------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        """Return row counts of the main tables (current documents only)."""
        out = {"documents": int(self.conn.execute("SELECT COUNT(*) FROM documents WHERE superseded_by IS NULL").fetchone()[0])}
        for table in ("blocks", "entities", "mentions", "events", "relations", "quotes", "judgements"):
            out[table] = int(self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
        out["near_duplicates"] = int(
            self.conn.execute(
                "SELECT COUNT(*) FROM documents WHERE near_duplicate_of IS NOT NULL AND superseded_by IS NULL"
            ).fetchone()[0]
        )
        return out

    def find_documents(self, prefix: str) -> list[str]:
        """Return doc_ids starting with ``prefix`` (users type short ids)."""
        rows = self.conn.execute(
            "SELECT doc_id FROM documents WHERE doc_id >= ? AND doc_id < ? LIMIT 5", (prefix, prefix + "\uffff")
        ).fetchall()
        return [str(r[0]) for r in rows]

    def get_document(self, doc_id: str) -> Document | None:
        """Return a stored document with its blocks, or None."""
        row = self.conn.execute("SELECT * FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return None if row is None else self._document(row)

    def _document(self, row: sqlite3.Row) -> Document:
        blocks = [
            Block(BlockPart(b["part"]), b["start"], b["end"])
            for b in self.conn.execute('SELECT part, start, "end" FROM blocks WHERE doc_id = ? ORDER BY seq', (row["doc_id"],))
        ]
        meta = Metadata(
            title=row["title"], author=row["author"], outlet=row["outlet"], published=row["published"],
            published_precision=DatePrecision(row["published_precision"]) if row["published_precision"] else None,
            published_basis=row["published_basis"], section=row["section"], language=row["language"],
            url=row["url"], basis=json.loads(row["metadata_basis"] or "{}"),
        )
        return Document(
            doc_id=row["doc_id"], source=row["source"], text=row["text"], blocks=blocks, metadata=meta,
            content_hash=row["doc_id"], fetched_at=row["fetched_at"], media_type=row["media_type"],
            near_duplicate_of=row["near_duplicate_of"], producer=row["producer"], outlet_id=row["outlet_id"],
        )

    def list_documents(self, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Return summary rows of current documents, newest ingest first."""
        rows = self.conn.execute(
            "SELECT doc_id, source, title, outlet, published, word_count, near_duplicate_of FROM documents"
            " WHERE superseded_by IS NULL ORDER BY ingested_at, rowid LIMIT ? OFFSET ?",
            (limit, offset),
        ).fetchall()
        return [dict(r) for r in rows]

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Full-text search over titles and article content; returns doc_id, title and a snippet.

        ``query`` is FTS5 syntax; a query that is not valid FTS5 is searched as plain words.
        """
        query = query.replace("\x00", " ")  # SQLite reads a NUL as the end of the query string
        if not query.split():
            return []
        try:
            rows = self.conn.execute(
                "SELECT doc_id, title, snippet(documents_fts, 2, '[', ']', ' … ', 12) AS snippet FROM documents_fts"
                " WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?",
                (query, limit),
            ).fetchall()
        except sqlite3.OperationalError:
            quoted = " ".join('"' + w.replace('"', '""') + '"' for w in query.split())
            rows = self.conn.execute(
                "SELECT doc_id, title, snippet(documents_fts, 2, '[', ']', ' … ', 12) AS snippet FROM documents_fts"
                " WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?",
                (quoted, limit),
            ).fetchall()
        return [dict(r) for r in rows]

    def iter_documents(self, include_superseded: bool = False) -> Iterator[Document]:
        """Yield stored documents in ingest order."""
        where = "" if include_superseded else " WHERE superseded_by IS NULL"
        for row in self.conn.execute(f"SELECT * FROM documents{where} ORDER BY ingested_at, rowid").fetchall():
            yield self._document(row)

    def iter_entities(self) -> Iterator[Entity]:
        """Yield every entity with its aliases."""
        aliases: dict[str, list[str]] = {}
        for r in self.conn.execute("SELECT entity_id, alias FROM aliases ORDER BY alias"):
            aliases.setdefault(r[0], []).append(r[1])
        for r in self.conn.execute("SELECT * FROM entities ORDER BY entity_id"):
            yield Entity(
                entity_id=r["entity_id"], type=EntityType(r["type"]), name=r["name"],
                aliases=[a for a in aliases.get(r["entity_id"], []) if a != r["name"]],
                in_kb=bool(r["in_kb"]), attributes=json.loads(r["attributes"]),
            )

    def iter_mentions(self) -> Iterator[Mention]:
        """Yield every mention of a current document."""
        for r in self.conn.execute(
            'SELECT m.* FROM mentions m JOIN documents d ON d.doc_id = m.doc_id WHERE d.superseded_by IS NULL'
            ' ORDER BY m.doc_id, m.start, m."end"'
        ):
            yield Mention(
                doc_id=r["doc_id"], start=r["start"], end=r["end"], text=r["text"], type=EntityType(r["type"]),
                producer=r["producer"], confidence=r["confidence"], entity_id=r["entity_id"],
                in_content=bool(r["in_content"]), sentence_start=r["sentence_start"], sentence_end=r["sentence_end"],
            )

    def evidence_for(self, kind: str, claim_id: str, limit: int | None = None) -> list[Evidence]:
        """Return the evidence rows of one claim (the first ``limit`` when given)."""
        return [
            Evidence(r["doc_id"], r["start"], r["end"], r["text"], r["producer"], r["confidence"])
            for r in self.conn.execute(
                "SELECT * FROM evidence WHERE claim_kind = ? AND claim_id = ? ORDER BY doc_id, start, \"end\", producer,"
                " evidence_id LIMIT ?",
                (kind, claim_id, -1 if limit is None else limit),
            )
        ]

    def iter_events(self, where: str = "", params: Sequence[object] = (), *, with_evidence: bool = True,
                    evidence_limit: int | None = None) -> Iterator[Event]:
        """Yield events (all, or those matching a SQL condition on ``e``) with participants and evidence.

        ``evidence_limit`` caps the evidence rows loaded per event (the first ones by document);
        ``attrs["sources"]`` then still counts every distinct reporting document.
        """
        sql = f"SELECT e.* FROM events e {('WHERE ' + where) if where else ''} ORDER BY e.date_start, e.event_id"
        rows = self.conn.execute(sql, tuple(params)).fetchall()
        for i in range(0, len(rows), 500):  # participants fetched per chunk of events, not per event
            yield from self._events_from_rows(rows[i:i + 500], with_evidence, evidence_limit)

    def _events_from_rows(self, rows: list[sqlite3.Row], with_evidence: bool,
                          evidence_limit: int | None) -> Iterator[Event]:
        events = []
        for r in rows:
            attrs = json.loads(r["attrs"])
            if evidence_limit is not None:
                attrs["sources"] = self.conn.execute(
                    "SELECT COUNT(DISTINCT doc_id) FROM evidence WHERE claim_kind = 'event' AND claim_id = ?",
                    (r["event_id"],),
                ).fetchone()[0]
            evidence = self.evidence_for("event", r["event_id"], evidence_limit) if with_evidence else []
            events.append(_event_from_row(r, attrs, evidence))
        self._attach_participants(events)
        yield from events

    def iter_relations(self, entity_id: str | None = None) -> Iterator[Relation]:
        """Yield every relation (or those touching ``entity_id``) with evidence."""
        sql, params = "SELECT * FROM relations", tuple[str, ...]()
        if entity_id is not None:
            sql, params = sql + " WHERE subject_id = ? OR object_id = ?", (entity_id, entity_id)
        for r in self.conn.execute(sql + " ORDER BY subject_id, predicate, object_id, relation_id", params).fetchall():
            yield Relation(
                relation_id=r["relation_id"], subject_id=r["subject_id"], predicate=Predicate(r["predicate"]),
                object_id=r["object_id"], attrs=json.loads(r["attrs"]), valid_from=r["valid_from"],
                valid_to=r["valid_to"], evidence=self.evidence_for("relation", r["relation_id"]),
            )

    def iter_quotes(self, speaker_id: str | None = None, about_id: str | None = None) -> Iterator[Quote]:
        """Yield quotes (all, by a speaker, and/or about an entity) with evidence."""
        conds, params = [], []
        if speaker_id is not None:
            conds.append("speaker_id = ?")
            params.append(speaker_id)
        if about_id is not None:
            conds.append("quote_id IN (SELECT quote_id FROM quote_about WHERE entity_id = ?)")
            params.append(about_id)
        where = (" WHERE " + " AND ".join(conds)) if conds else ""
        for r in self.conn.execute(f"SELECT * FROM quotes{where} ORDER BY quote_id", params).fetchall():
            yield Quote(
                quote_id=r["quote_id"], speaker_id=r["speaker_id"], text=r["text"], speaker_role=r["speaker_role"],
                via_id=r["via_id"], anonymous=bool(r["anonymous"]), about=json.loads(r["about"]),
                evidence=self.evidence_for("quote", r["quote_id"]),
            )


def _val(value: object) -> Any:
    """Return an enum's value (or the value itself)."""
    return getattr(value, "value", value)


def _plain(value: object) -> object:
    """Turn read-only mappings and sets (as KB attributes use) into JSON-ready values."""
    if isinstance(value, Mapping):
        return dict(value)
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"cannot store {type(value).__name__} as JSON")


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=_plain)


def _split_sql(sql: str) -> list[str]:
    """Split a migration into statements (our migrations contain no semicolons inside strings)."""
    lines = [ln for ln in sql.splitlines() if not ln.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


_ALIAS_KEY_CACHE_LIMIT = 100_000  # aliases whose keys are remembered (a few MB)
_CANDIDATE_CACHE_LIMIT = 50_000  # events kept for coreference between calls (a few tens of MB at most)


def _day_number(value: str) -> int | None:
    """Return the day number of an ISO date at any precision (its first day), None if it is not one."""
    try:
        return date.fromisoformat((value + "-01-01")[:10]).toordinal()
    except ValueError:
        return None


def _event_from_row(r: sqlite3.Row, attrs: dict[str, Any], evidence: list[Evidence]) -> Event:
    """Return the event of an ``events`` row, without participants (see ``_attach_participants``)."""
    return Event(
        event_id=r["event_id"], type=r["type"], sub_type=r["sub_type"], date_start=r["date_start"],
        date_end=r["date_end"], date_precision=DatePrecision(r["date_precision"]) if r["date_precision"] else None,
        location_id=r["location_id"], location_name=r["location_name"], lat=r["lat"], lon=r["lon"],
        geo_precision=r["geo_precision"], actors=[], targets=[], counts=json.loads(r["counts"]),
        certainty=Certainty(r["certainty"]), attrs=attrs, evidence=evidence,
    )


