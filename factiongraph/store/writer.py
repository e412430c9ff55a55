"""The one write path: a document and all its claims, all or nothing; records loaded from an export; judgements.

A document is written in a transaction of its own, or in a savepoint of a batch's transaction
(:meth:`DocumentWriter.batch`: one commit per batch, a failing document rolled back alone). A
changed source supersedes its earlier version. Reviewers' judgements are recorded and withdrawn
here and applied by ``decisions.py``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from factiongraph.errors import StoreError
from factiongraph.model import Entity, Event, Mention, Quote, Relation
from factiongraph.model.ids import make_id
from factiongraph.model.judgement import Judgement
from factiongraph.model.result import DocumentResult
from factiongraph.store import columns, decisions
from factiongraph.store.candidates import CandidateCache
from factiongraph.store.claims import ClaimWrites
from factiongraph.store.columns import to_json, val


class DocumentWriter(ClaimWrites, CandidateCache):
    """Writes documents with their claims, and reviewers' judgements."""

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

    def _write(self, result: DocumentResult) -> None:
        doc, now = result.document, columns.now()
        previous = self.latest_for_source(doc.source)
        if previous == doc.doc_id or self.has_document(doc.doc_id):
            return  # these bytes are stored (by another process since the run checked): once is enough
        self._insert_document(result, previous, now)
        self._write_claims(result.entities, result.mentions, result.events, result.relations, result.quotes, now)
        self.conn.executemany(
            "INSERT OR REPLACE INTO judgements (judgement_id, left_id, right_id, verdict, score, producer, reason,"
            " doc_id, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
            [
                (make_id("j", j.left_id, j.right_id, val(j.verdict), j.producer, doc.doc_id),
                 j.left_id, j.right_id, val(j.verdict), j.score, j.producer, j.reason, doc.doc_id, now)
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
                now = columns.now()
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
                val(meta.published_precision), meta.published_basis, meta.section, meta.language,
                doc.media_type, doc.fetched_at, doc.producer, len(doc.text.split()), doc.near_duplicate_of,
                result.near_duplicate_score, previous, now, meta.url, doc.outlet_id, to_json(meta.basis),
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

    # -- reviewers' judgements --------------------------------------------------------------
    def record_judgement(self, judgement: Judgement) -> str:
        """Store a reviewer's judgement (not tied to a document), apply it and return its id.

        A positive judgement on two different ids folds ``right_id`` into ``left_id`` in what the
        store serves (:func:`factiongraph.store.decisions.relink`); every change is logged, and
        ``withdraw_judgement`` puts it back. Other verdicts change no row here (a split moves
        its mentions with ``decisions.relink`` in the same transaction; resolution reads
        negative judgements through :meth:`apart_pairs`).
        """
        now = columns.now()
        judgement_id = make_id("j", judgement.left_id, judgement.right_id, val(judgement.verdict),
                               judgement.producer, now)
        with self.batch():
            self.conn.execute(
                "INSERT OR REPLACE INTO judgements (judgement_id, left_id, right_id, verdict, score, producer, reason,"
                " doc_id, created_at) VALUES (?,?,?,?,?,?,?,NULL,?)",
                (judgement_id, judgement.left_id, judgement.right_id, val(judgement.verdict), judgement.score,
                 judgement.producer, judgement.reason, now),
            )
            if val(judgement.verdict) == "positive":
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
