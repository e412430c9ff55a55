"""``factiongraph import``: load a JSON Lines export into a store (wires the reader, dedupe and the store).

Loading an export into a fresh store and exporting it again gives the same bytes. Loading it into
a store that already has content merges the two: documents already stored are kept, entities and
claims are upserted by id and gain the imported evidence. Each imported document gets its MinHash
signature, so later ingests still find reposts of it. What an export does not carry is not
restored: resolution judgements, MinHash scores of near-duplicates, and ingest times (imported
documents are stamped with the time of the import, in file order).

Lines that cannot be read, and records that name a document or entity the file and the store do
not have, are skipped with a one-line reason; the rest is written in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from factiongraph.export.jsonl_read import Records, read_records
from factiongraph.ingest.dedupe import lsh_bands, minhash_signature
from factiongraph.model import Event, Quote, Relation
from factiongraph.model.result import DocumentResult, claim_id
from factiongraph.store.base import RecordLoader


@dataclass(slots=True)
class ImportSummary:
    """What an import read, wrote and skipped (with one line per skipped record)."""

    lines: int = 0
    read: dict[str, int] = field(default_factory=dict)
    documents_added: int = 0
    problems: list[str] = field(default_factory=list)


def _check_references(records: Records, store: RecordLoader) -> None:
    """Drop records that point at documents or entities neither the file nor the store has."""
    docs = {d.doc_id for d in records.documents}
    entities = {e.entity_id for e in records.entities} | {e.entity_id for e in store.iter_entities()}

    def known_doc(doc_id: str) -> bool:
        return doc_id in docs or store.has_document(doc_id)

    for doc in records.documents:
        if doc.near_duplicate_of is not None and not known_doc(doc.near_duplicate_of):
            records.problems.append(f"document {doc.doc_id}: original {doc.near_duplicate_of} is not in the file"
                                    " or the store; imported without the link")
            doc.near_duplicate_of = None
    kept_mentions = []
    for m in records.mentions:
        if not known_doc(m.doc_id):
            records.problems.append(f"mention {m.doc_id}[{m.start}:{m.end}]: unknown document")
        elif m.entity_id is not None and m.entity_id not in entities:
            records.problems.append(f"mention {m.doc_id}[{m.start}:{m.end}]: unknown entity {m.entity_id}")
        else:
            kept_mentions.append(m)
    records.mentions = kept_mentions

    records.events = _cited(records.events, "event", known_doc, records.problems)
    records.relations = _cited(records.relations, "relation", known_doc, records.problems)
    records.quotes = _cited(records.quotes, "quote", known_doc, records.problems)


C = TypeVar("C", Event, Relation, Quote)


def _cited(claims: list[C], kind: str, known_doc: Callable[[str], bool], problems: list[str]) -> list[C]:
    """Return the claims whose evidence cites only known documents (the others become problems)."""
    kept = []
    for claim in claims:
        missing = sorted({ev.doc_id for ev in claim.evidence if not known_doc(ev.doc_id)})
        if missing:
            problems.append(f"{kind} {claim_id(claim)}: evidence cites unknown document {missing[0]}")
        else:
            kept.append(claim)
    return kept


def import_jsonl(lines: Iterable[str], store: RecordLoader) -> ImportSummary:
    """Load interchange lines into ``store``; return what was read, added and skipped.

    Args:
        lines: the lines of a ``factiongraph export --format jsonl`` file.
        store: the store to load into (fresh, or one to merge into).

    Raises:
        StoreError: the store refused the records (nothing was written).
    """
    records = read_records(lines)
    _check_references(records, store)
    results = []
    for doc in records.documents:
        content = " ".join(doc.text[b.start:b.end] for b in doc.content_spans())
        signature = minhash_signature(content)
        results.append(DocumentResult(document=doc, signature=signature, bands=lsh_bands(signature)))
    added = store.load(results, records.entities, records.mentions, records.events, records.relations,
                       records.quotes)
    return ImportSummary(records.lines, records.counts(), added, records.problems)
