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
