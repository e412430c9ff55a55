"""``SQLiteStore.load``: records read from an export are written all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from factiongraph.errors import StoreError
from factiongraph.model import EntityType, Mention
from factiongraph.model.result import DocumentResult
from factiongraph.store import open_store

from ..export.factory import tiny_results


def test_load_writes_everything_in_one_transaction(tmp_path: Path) -> None:
    results = tiny_results()
    store = open_store(tmp_path / "s.db")
    added = store.load([DocumentResult(r.document) for r in results], [e for r in results for e in r.entities],
                       [m for r in results for m in r.mentions], [e for r in results for e in r.events],
                       [x for r in results for x in r.relations], [q for r in results for q in r.quotes])
    counts = store.counts()
    assert added == 2 and counts["documents"] == 2 and counts["events"] == 2 and counts["mentions"] == 9
    again = store.load([DocumentResult(r.document) for r in results], [], [], [], [], [])
    assert again == 0 and store.counts() == counts  # a document already stored is kept as it is


def test_a_record_the_schema_refuses_rolls_the_whole_load_back(tmp_path: Path) -> None:
    results = tiny_results()
    store = open_store(tmp_path / "s.db")
    orphan = Mention("no-such-document", 0, 1, "x", EntityType.PERSON, "p")
    with pytest.raises(StoreError, match="cannot load records"):
        store.load([DocumentResult(r.document) for r in results], [e for r in results for e in r.entities],
                   [orphan], [], [], [])
    assert store.counts()["documents"] == 0 and store.counts()["entities"] == 0


def test_reads_do_not_depend_on_write_order(tmp_path: Path) -> None:
    """Claims written in a different order read back in the same order (so exports are reproducible)."""
    from dataclasses import replace

    from factiongraph.model import Evidence

    results = tiny_results()
    doc = results[0].document
    long_span, short_span = Evidence(doc.doc_id, 30, 60, doc.text[30:60], "rule.b.v1"), \
        Evidence(doc.doc_id, 30, 40, doc.text[30:40], "rule.a.v1")
    relation = replace(results[0].relations[0], evidence=[long_span, short_span])
    mention = results[0].mentions[0]
    wide = replace(mention, end=mention.end + 5, text=doc.text[mention.start:mention.end + 5])
    reads = []
    for name, evidence, mentions in (("a", [long_span, short_span], [wide, mention]),
                                     ("b", [short_span, long_span], [mention, wide])):
        store = open_store(tmp_path / f"{name}.db")
        store.load([DocumentResult(doc)], results[0].entities, mentions, [], [replace(relation, evidence=evidence)], [])
        reads.append(([r.evidence for r in store.iter_relations()], [(m.start, m.end) for m in store.iter_mentions()]))
    assert reads[0] == reads[1]
