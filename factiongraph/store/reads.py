"""Reads: documents, entities, mentions and claims as model records, row counts and full-text search.

Also the lookups the write path makes (is a document stored, the current version of a source,
near-duplicate candidates). Every method reads; the PostgreSQL store overrides the two whose SQL
differs (``near_duplicate_candidates`` and ``search``). The web app's queries are ``views.py``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

from factiongraph.model import (Block, BlockPart, DatePrecision, Document, Entity, EntityType, Event, Evidence,
                                Mention, Metadata, Predicate, Quote, Relation)
from factiongraph.store.columns import event_from_row
from factiongraph.store.schema import StoreSchema

_SEARCH_SQL = (
    "SELECT doc_id, title, snippet(documents_fts, 2, '[', ']', ' … ', 12) AS snippet FROM documents_fts"
    " WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?"
)


class ClaimReads(StoreSchema):
    """What a store reads (see :class:`factiongraph.store.base.Store`)."""

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

    # -- documents, entities, mentions and claims -------------------------------------------
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
            rows = self.conn.execute(_SEARCH_SQL, (query, limit)).fetchall()
        except sqlite3.OperationalError:
            quoted = " ".join('"' + w.replace('"', '""') + '"' for w in query.split())
            rows = self.conn.execute(_SEARCH_SQL, (quoted, limit)).fetchall()
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
            events.append(event_from_row(r, attrs, evidence))
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
