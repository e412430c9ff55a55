"""The SQLite store: migrations, the one write path, transactions, reads."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factiongraph.errors import StoreError
from factiongraph.model import (
    Block,
    BlockPart,
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
from factiongraph.model.result import DocumentResult
from factiongraph.store import open_store
from factiongraph.store.sqlite import list_migrations

TEXT = "Kataib Hezbollah fighters were arrested in al-Dora.\nDo you like this article?\nGreat piece!"


def make_result(doc_id: str = "d1", source: str = "a.txt", text: str = TEXT) -> DocumentResult:
    first = text.index("\n")
    doc = Document(
        doc_id=doc_id, source=source, text=text,
        blocks=[Block(BlockPart.BODY, 0, first), Block(BlockPart.BOILERPLATE, first + 1, first + 25),
                Block(BlockPart.COMMENT, first + 26, len(text))],
        metadata=Metadata(title="Raid", author="A. Writer", outlet="Example News", published="2020-06-26",
                          published_precision=DatePrecision.DAY, published_basis="explicit: dateline",
                          url="https://example.org/2020/06/26/raid", basis={"outlet": "metadata: manifest"}),
        content_hash=doc_id, producer="stage.clean.v1", outlet_id="example-news",
    )
    ev = Evidence(doc_id, 0, first, text[:first], "rule.test.v1", 0.9)
    return DocumentResult(
        document=doc,
        mentions=[Mention(doc_id, 0, 16, text[:16], EntityType.ARMED_GROUP, "rule.kb-alias.v1", 1.0, "kh")],
        entities=[Entity("kh", EntityType.ARMED_GROUP, "Kataib Hezbollah", ["KH"], True, {"umbrella": ["pmf"]})],
        events=[Event("e1", "Strategic developments", "Arrests", "2020-06-25", None, DatePrecision.DAY,
                      targets=["kh"], counts={"arrested": 14}, evidence=[ev])],
        relations=[Relation("r1", "kh", Predicate.PART_OF, "pmf", evidence=[ev])],
        quotes=[Quote("q1", None, "were arrested", evidence=[ev])],
        signature=(1, 2, 3), bands=["b00:x", "b01:y"],
    )


def test_migrations_are_numbered_and_applied_once(tmp_path: Path) -> None:
    versions = [v for v, _, _ in list_migrations()]
    assert versions == sorted(set(versions)) and versions[0] == 1
    path = tmp_path / "s.db"
    store = open_store(path)
    assert store.schema_version() == versions[-1]
    store.close()
    again = open_store(f"sqlite:///{path}")
    assert again.migrate() == []
    again.close()


def test_unknown_scheme_and_missing_folder_raise_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="scheme"):
        open_store("mysql://x/y")
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "nope" / "s.db")


def test_write_then_read_round_trips_every_kind(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.db")
    result = make_result()
    store.write_result(result)
    doc = store.get_document("d1")
    assert doc is not None and doc.text == TEXT and doc.blocks == result.document.blocks
    assert doc.metadata.published_precision is DatePrecision.DAY and doc.metadata.author == "A. Writer"
    assert doc.metadata.url == "https://example.org/2020/06/26/raid" and doc.outlet_id == "example-news"
    assert doc.metadata.basis == {"outlet": "metadata: manifest"}
    assert [e.entity_id for e in store.iter_entities()] == ["kh"]
    assert next(store.iter_entities()).aliases == ["KH"]
    (m,) = store.iter_mentions()
    assert m.text == doc.text[m.start:m.end] == "Kataib Hezbollah"
    (event,) = store.iter_events()
    assert event.counts == {"arrested": 14} and event.targets == ["kh"]
    assert event.evidence[0].text == TEXT[event.evidence[0].start:event.evidence[0].end]
    assert next(store.iter_relations()).predicate is Predicate.PART_OF
    assert next(store.iter_quotes()).evidence
    assert store.near_duplicate_candidates(["b01:y"]) == [("d1", (1, 2, 3))]


def test_write_is_all_or_nothing(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.db")
    bad = make_result()
    bad.mentions.append(Mention("d1", 0, 5, "Katai", EntityType.PERSON, "x", 1.0, "no-such-entity"))
    with pytest.raises(sqlite3.IntegrityError):
        store.write_result(bad)
    assert store.counts()["documents"] == 0 and store.counts()["entities"] == 0
    store.write_result(make_result())
    assert store.counts()["documents"] == 1


def test_a_batch_keeps_the_good_documents_when_one_fails(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.db")
    bad = make_result("d2", "b.txt")
    bad.mentions.append(Mention("d2", 0, 5, "Katai", EntityType.PERSON, "x", 1.0, "no-such-entity"))
    with store.batch():
        store.write_result(make_result("d1", "a.txt"))
        with pytest.raises(sqlite3.IntegrityError):
            store.write_result(bad)
        assert store.has_document("d1") and not store.has_document("d2")  # the batch sees its own writes
        store.write_result(make_result("d3", "c.txt"))
    reopened = open_store(tmp_path / "s.db")  # committed: another connection sees them
    assert reopened.counts()["documents"] == 2
    assert reopened.has_document("d1") and reopened.has_document("d3") and not reopened.has_document("d2")


def test_changed_source_supersedes_earlier_version(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.db")
    store.write_result(make_result("d1", "a.txt"))
    store.write_result(make_result("d2", "a.txt", TEXT.replace("arrested", "detained")))
    assert store.latest_for_source("a.txt") == "d2"
    assert [d.doc_id for d in store.iter_documents()] == ["d2"]
    assert [d.doc_id for d in store.iter_documents(include_superseded=True)] == ["d1", "d2"]
    assert {m.doc_id for m in store.iter_mentions()} == {"d2"}
    assert store.search("arrested") == []


@settings(max_examples=25, deadline=None)
@given(st.text(min_size=1, max_size=200), st.text(max_size=40))
def test_document_text_and_metadata_round_trip(text: str, title: str) -> None:
    store = open_store(":memory:")
    doc = Document("h", "src", text, [Block(BlockPart.BODY, 0, len(text))], Metadata(title=title or None),
                   content_hash="h", producer="p")
    store.write_result(DocumentResult(document=doc))
    back = store.get_document("h")
    assert back is not None and back.text == text and back.metadata.title == (title or None)
    assert back.blocks == doc.blocks


def test_alias_keys_are_rewritten_when_the_key_function_changes(tmp_path: Path) -> None:
    from factiongraph.store.views import find_entities

    def old_key(name: str) -> str:
        return name.casefold()
    old_key.version = 1  # type: ignore[attr-defined]

    def new_key(name: str) -> str:
        return name.casefold().replace(" ", "")
    new_key.version = 2  # type: ignore[attr-defined]

    path = tmp_path / "s.db"
    store = open_store(path, key_fn=old_key)
    store.write_result(make_result())
    store.close()
    again = open_store(path, key_fn=new_key)  # a newer folding: the stored keys are made anew
    assert [e.entity_id for e in find_entities(again, "Kataib  Hezbollah")] == ["kh"]
    assert again.refresh_keys() == 0  # once only
    again.close()


def test_coreference_candidates_are_read_through_indexes(tmp_path: Path) -> None:
    """No candidate query sorts every event of a type: each reads an index in order (migration 0009)."""
    store = open_store(tmp_path / "s.db")
    store.write_result(make_result())
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    for date_start in ("2020-06-25", "2020-06", None):
        store.candidate_events("Strategic developments", "Arrests", date_start)
    store.conn.set_trace_callback(None)
    lookups = [s for s in statements if s.startswith("SELECT e.event_id")]
    assert len(lookups) == 7  # dated: after, before, undated; undated: one
    for sql in lookups:
        plan = " ".join(str(r[3]) for r in store.conn.execute("EXPLAIN QUERY PLAN " + sql))
        assert "USING INDEX events_type_" in plan and "TEMP B-TREE" not in plan, (sql, plan)
    store.close()


def test_superseding_a_version_looks_only_at_the_claims_it_cited(tmp_path: Path) -> None:
    """Retiring an old version deletes its orphaned claims through indexes, not a scan of every claim."""
    store = open_store(tmp_path / "s.db")
    store.write_result(make_result("d1", "a.txt"))
    other = make_result("d0", "b.txt")
    other.events[0].event_id, other.relations[0].relation_id, other.quotes[0].quote_id = "e0", "r0", "q0"
    store.write_result(other)
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    changed = make_result("d2", "a.txt", TEXT.replace("arrested", "detained"))
    changed.events, changed.relations, changed.quotes = [], [], []
    store.write_result(changed)
    store.conn.set_trace_callback(None)
    assert sorted(e.event_id for e in store.iter_events()) == ["e0"]  # e1 lost its only evidence
    assert [r.relation_id for r in store.iter_relations()] == ["r0"] and [q.quote_id for q in store.iter_quotes()] == ["q0"]
    deletes = [s for s in statements if s.startswith(("DELETE FROM events", "DELETE FROM relations", "DELETE FROM quotes"))]
    assert {s.split()[2] for s in deletes} == {"events", "relations", "quotes"}
    for sql in deletes:
        plan = " ".join(str(r[3]) for r in store.conn.execute("EXPLAIN QUERY PLAN " + sql))
        assert "SCAN" not in plan, (sql, plan)
    store.close()
