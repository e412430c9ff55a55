"""The store contract: every test runs on a real SQLite file and on a real PostgreSQL server.

What the pipeline, the CLI and the exporters rely on: migrations, all-or-nothing writes,
batches, reads, counts, full-text search, coreference and near-duplicate candidates, the read
views, and (slow) the same corpus giving a byte-identical ``factiongraph export`` on both.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from factiongraph.cli import cli
from factiongraph.model import DatePrecision, Entity, EntityType, Event, Mention, Predicate
from factiongraph.store import SQLiteStore, open_store
from factiongraph.store.sqlite import list_migrations
from factiongraph.store.views import entity_mentions, events_for, find_entities, get_entity, rank_entities
from tests.store.test_sqlite import TEXT, make_result

Opener = Callable[..., SQLiteStore]
SAMPLE = Path(__file__).resolve().parents[2] / "factiongraph" / "data" / "sample"


def integrity_errors() -> tuple[type[Exception], ...]:
    """Return the exception types a broken foreign key raises on either backend."""
    try:
        import psycopg
    except ImportError:
        return (sqlite3.IntegrityError,)
    return (sqlite3.IntegrityError, psycopg.IntegrityError)


def test_migrations_are_applied_once(opener: Opener) -> None:
    store = opener()
    assert store.schema_version() == list_migrations()[-1][0]
    assert opener().migrate() == []


def test_write_then_read_round_trips_every_kind(opener: Opener) -> None:
    store = opener()
    result = make_result()
    store.write_result(result)
    doc = store.get_document("d1")
    assert doc is not None and doc.text == TEXT and doc.blocks == result.document.blocks
    assert doc.metadata.published_precision is DatePrecision.DAY and doc.metadata.author == "A. Writer"
    assert doc.metadata.url == "https://example.org/2020/06/26/raid" and doc.outlet_id == "example-news"
    assert doc.metadata.basis == {"outlet": "metadata: manifest"}
    assert store.get_document("nope") is None
    (entity,) = store.iter_entities()
    assert entity.entity_id == "kh" and entity.aliases == ["KH"] and entity.attributes == {"umbrella": ["pmf"]}
    (m,) = store.iter_mentions()
    assert m.text == doc.text[m.start:m.end] == "Kataib Hezbollah" and m.confidence == 1.0
    (event,) = store.iter_events()
    assert event.counts == {"arrested": 14} and event.targets == ["kh"]
    assert event.evidence[0].text == TEXT[event.evidence[0].start:event.evidence[0].end]
    assert event.evidence[0].confidence == 0.9
    assert next(store.iter_relations()).predicate is Predicate.PART_OF
    assert [r.relation_id for r in store.iter_relations("pmf")] == ["r1"]
    assert next(store.iter_quotes()).evidence
    assert store.has_document("d1") and not store.has_document("d2")
    assert store.latest_for_source("a.txt") == "d1" and store.latest_for_source("b.txt") is None
    assert store.find_documents("d") == ["d1"]
    assert [r["doc_id"] for r in store.list_documents()] == ["d1"]


def test_counts(opener: Opener) -> None:
    store = opener()
    assert set(store.counts().values()) == {0}
    store.write_result(make_result("d1", "a.txt"))
    store.write_result(make_result("d2", "b.txt"))
    assert store.counts() == {"documents": 2, "blocks": 6, "entities": 1, "mentions": 2, "events": 1,
                              "relations": 1, "quotes": 1, "judgements": 0, "near_duplicates": 0}


def test_search_reads_content_not_comments_or_chrome(opener: Opener) -> None:
    store = opener()
    store.write_result(make_result())
    assert [r["doc_id"] for r in store.search("arrested")] == ["d1"]
    assert "arrested" in store.search("arrested")[0]["snippet"]
    assert [r["doc_id"] for r in store.search("arrésted")] == ["d1"]  # accents are folded
    assert [r["doc_id"] for r in store.search("Raid")] == ["d1"]  # the title is searched too
    assert store.search("Great") == []
    assert store.search("article") == []
    assert store.search('unbalanced "quote') == []


def test_write_is_all_or_nothing(opener: Opener) -> None:
    store = opener()
    bad = make_result()
    bad.mentions.append(Mention("d1", 0, 5, "Katai", EntityType.PERSON, "x", 1.0, "no-such-entity"))
    with pytest.raises(integrity_errors()):
        store.write_result(bad)
    assert store.counts()["documents"] == 0 and store.counts()["entities"] == 0
    assert store.search("arrested") == []
    store.write_result(make_result())
    assert store.counts()["documents"] == 1


def test_a_batch_keeps_the_good_documents_when_one_fails(opener: Opener) -> None:
    store = opener()
    bad = make_result("d2", "b.txt")
    bad.mentions.append(Mention("d2", 0, 5, "Katai", EntityType.PERSON, "x", 1.0, "no-such-entity"))
    with store.batch():
        store.write_result(make_result("d1", "a.txt"))
        with pytest.raises(integrity_errors()):
            store.write_result(bad)
        assert store.has_document("d1") and not store.has_document("d2")  # the batch sees its own writes
        assert not opener().has_document("d1")  # another connection does not, before the commit
        store.write_result(make_result("d3", "c.txt"))
    other = opener()
    assert other.counts()["documents"] == 2
    assert other.has_document("d1") and other.has_document("d3") and not other.has_document("d2")


def test_a_batch_that_is_interrupted_writes_nothing(opener: Opener) -> None:
    store = opener()
    with pytest.raises(KeyboardInterrupt), store.batch():
        store.write_result(make_result("d1", "a.txt"))
        raise KeyboardInterrupt
    assert store.counts()["documents"] == 0
    store.write_result(make_result("d1", "a.txt"))  # and the store is usable afterwards
    assert opener().counts()["documents"] == 1


def test_coreference_candidates_follow_every_write_and_rollback(opener: Opener) -> None:
    store = opener()
    store.write_result(make_result("d1", "a.txt"))

    def candidate() -> Event:
        (found,) = store.candidate_events("Strategic developments", "Arrests", "2020-06-25")
        return found

    assert candidate().targets == ["kh"] and candidate().date_start == "2020-06-25"
    richer = make_result("d2", "b.txt")
    richer.entities.append(Entity("pmf", EntityType.ARMED_GROUP, "PMF", [], True, {}))
    richer.events[0].actors, richer.events[0].date_end = ["pmf"], "2020-06-26"
    store.write_result(richer)
    assert candidate().actors == ["pmf"] and candidate().date_end == "2020-06-26"
    with pytest.raises(KeyboardInterrupt), store.batch():
        changed = make_result("d3", "c.txt")
        changed.events[0].date_start = "2020-06-24"
        store.write_result(changed)
        assert candidate().date_start == "2020-06-24"
        raise KeyboardInterrupt
    assert candidate().date_start == "2020-06-25" and candidate().actors == ["pmf"]
    assert store.candidate_events("Strategic developments", "Arrests", "2020-06-25", keep=lambda e: False) == []
    assert store.candidate_events("Strategic developments", "Arrests", "2024-06-25") == []  # years away
    assert store.candidate_events("Battles", "Armed clash", "2020-06-25") == []


def test_candidates_are_nearest_date_first_then_undated(opener: Opener) -> None:
    store = opener()
    for i, date in enumerate(("2020-01-10", None, "2020-06-20", "2020-06-27", "2019-12-31")):
        result = make_result(f"d{i}", f"{i}.txt")
        result.events[0].event_id, result.events[0].date_start = f"e{i}", date
        store.write_result(result)
    found = store.candidate_events("Strategic developments", "Arrests", "2020-06-25", limit=3)
    assert [e.event_id for e in found] == ["e0", "e2", "e3"]  # the three nearest (not e4), by date
    assert [e.event_id for e in store.candidate_events("Strategic developments", "Arrests", None)][:1]
    # Undated events sort first in listings, as SQLite orders NULLs.
    assert [e.event_id for e in store.iter_events()] == ["e1", "e4", "e0", "e2", "e3"]


def test_near_duplicate_candidates_share_a_band(opener: Opener) -> None:
    store = opener()
    store.write_result(make_result("d1", "a.txt"))
    other = make_result("d2", "b.txt")
    other.signature, other.bands = (4, 5, 6), ["b00:z"]
    store.write_result(other)
    assert store.near_duplicate_candidates(["b01:y"]) == [("d1", (1, 2, 3))]
    assert sorted(store.near_duplicate_candidates(["b00:x", "b00:z"])) == [("d1", (1, 2, 3)), ("d2", (4, 5, 6))]
    assert store.near_duplicate_candidates(["b09:none"]) == [] and store.near_duplicate_candidates([]) == []


def test_same_claims_twice_are_upserted_across_documents(opener: Opener) -> None:
    store = opener()
    store.write_result(make_result("d1", "a.txt"))
    store.write_result(make_result("d2", "b.txt"))
    counts = store.counts()
    assert counts["documents"] == 2 and counts["events"] == 1 and counts["entities"] == 1
    (event,) = store.iter_events()
    assert {ev.doc_id for ev in event.evidence} == {"d1", "d2"}


def test_changed_source_supersedes_earlier_version(opener: Opener) -> None:
    store = opener()
    store.write_result(make_result("d1", "a.txt"))
    store.write_result(make_result("d2", "a.txt", TEXT.replace("arrested", "detained")))
    assert store.latest_for_source("a.txt") == "d2"
    assert [d.doc_id for d in store.iter_documents()] == ["d2"]
    assert [d.doc_id for d in store.iter_documents(include_superseded=True)] == ["d1", "d2"]
    assert {m.doc_id for m in store.iter_mentions()} == {"d2"}
    assert store.search("arrested") == [] and [r["doc_id"] for r in store.search("detained")] == ["d2"]


def test_text_round_trips_exactly(opener: Opener) -> None:
    store = opener()
    text = "Ḥarakat al-Nujabāʾ 🙂 «quoted» — 100% ‘sure’?\n\tend"
    result = make_result("d1", "a.txt", text + "\nx\ny")
    store.write_result(result)
    doc = store.get_document("d1")
    assert doc is not None and doc.text == text + "\nx\ny"


def test_views_read_the_same_on_both(opener: Opener) -> None:
    store = opener(key_fn=str.casefold)
    store.write_result(make_result("d1", "a.txt"))
    store.write_result(make_result("d2", "b.txt"))
    assert [e.entity_id for e in find_entities(store, "KATAIB HEZBOLLAH")] == ["kh"]
    assert [e.entity_id for e in find_entities(store, "Kataib")] == ["kh"]  # key prefix
    assert find_entities(store, "100%") == []
    entity = get_entity(store, "kh")
    assert entity is not None and entity.aliases == ["KH"]
    (ranked,) = rank_entities(store)
    assert (ranked["entity_id"], ranked["mentions"], ranked["documents"]) == ("kh", 2, 2)
    rows = entity_mentions(store, "kh")
    assert [r.doc_id for r in rows] == ["d2", "d1"]  # most recently stored first
    (event,) = events_for(store, "kh")
    assert event.attrs["sources"] == 2


def test_alias_keys_are_rewritten_when_the_key_function_changes(opener: Opener) -> None:
    def old_key(name: str) -> str:
        return name.casefold()
    old_key.version = 1  # type: ignore[attr-defined]

    def new_key(name: str) -> str:
        return name.casefold().replace(" ", "")
    new_key.version = 2  # type: ignore[attr-defined]

    store = opener(key_fn=old_key)
    store.write_result(make_result())
    store.close()
    again = opener(key_fn=new_key)
    assert [e.entity_id for e in find_entities(again, "Kataib  Hezbollah")] == ["kh"]
    assert again.refresh_keys() == 0


@pytest.mark.slow
@pytest.mark.postgres
def test_the_sample_corpus_exports_byte_identical_from_both(tmp_path: Path, pg_server: object) -> None:
    """The same corpus ingested into SQLite and into PostgreSQL gives the same ``factiongraph export``."""
    urls = [str(tmp_path / "s.db"), pg_server.create_database()]  # type: ignore[attr-defined]
    exports = []
    for url in urls:
        runner = CliRunner()
        ingested = runner.invoke(cli, ["--db", url, "ingest", str(SAMPLE)], catch_exceptions=False)
        assert ingested.exit_code == 0, ingested.output
        exported = runner.invoke(cli, ["--db", url, "export", "--format", "jsonl"], catch_exceptions=False)
        assert exported.exit_code == 0
        exports.append(exported.stdout_bytes)
    assert exports[0].count(b"\n") > 100 and b'"event"' in exports[0] and b'"quote"' in exports[0]
    assert exports[0] == exports[1]


@pytest.mark.postgres
def test_both_stores_have_the_same_tables_and_columns(tmp_path: Path, pg_server: object) -> None:
    """The PostgreSQL schema is rendered from the SQLite migrations: same tables, same columns."""
    lite = open_store(tmp_path / "s.db")
    sqlite_tables = {
        name: [r[1] for r in lite.conn.execute(f"PRAGMA table_info({name})")]
        for (name,) in lite.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'documents_fts_%'")
    }
    pg = open_store(pg_server.create_database())  # type: ignore[attr-defined]
    pg_tables: dict[str, list[str]] = {}
    for r in pg.conn.execute(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()"
        " ORDER BY table_name, ordinal_position"
    ):
        if r[1] not in ("rowid", "tsv"):  # SQLite's implicit rowid made explicit; the search vector
            pg_tables.setdefault(r[0], []).append(r[1])
    assert pg_tables == sqlite_tables
    lite.close()
    pg.close()


@pytest.mark.postgres
def test_a_server_that_drops_the_connection_is_a_store_error(pg_server: object) -> None:
    import psycopg

    from factiongraph.errors import StoreError

    url = pg_server.create_database()  # type: ignore[attr-defined]
    store = open_store(url)
    store.write_result(make_result())
    pid = store.conn.execute("SELECT pg_backend_pid()").fetchone()[0]
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
    with pytest.raises(StoreError, match="lost the connection"):
        store.counts()
    with pytest.raises(StoreError, match="cannot open store"):
        open_store(url.rsplit("/", 1)[0] + "/no_such_database")


def test_awkward_text_round_trips_through_multi_row_writes(opener: Opener) -> None:
    """Quotes, backslashes, braces, commas, the word NULL and non-ASCII survive the set-based inserts."""
    store = opener()
    result = make_result()
    awkward = ['say "hi"', "back\\slash", "{braces}, commas", "NULL", "Ḥizb ʾallāh", " ", "\\\"{,}\\"]
    result.entities[0].aliases = awkward
    result.mentions.append(Mention("d1", 17, 20, result.document.text[17:20], EntityType.ARMED_GROUP,
                                   'rule."odd"\\v1', 0.5, None))
    store.write_result(result)
    (entity,) = store.iter_entities()
    assert sorted(entity.aliases) == sorted(awkward)
    mentions = sorted(store.iter_mentions(), key=lambda m: m.start)
    assert [(m.producer, m.confidence, m.entity_id) for m in mentions] == [
        ("rule.kb-alias.v1", 1.0, "kh"), ('rule."odd"\\v1', 0.5, None)]


@pytest.mark.postgres
def test_an_unchanged_upsert_leaves_the_stored_row_alone(pg_server: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """Re-writing the same entity, event, relation and quote in the same second makes no new row version.

    (Every PostgreSQL update is a new version of the row; rewritten by each document of a batch,
    the rows every document shares made each later lookup walk the dead ones.)
    """
    from factiongraph.store import columns

    monkeypatch.setattr(columns, "now", lambda: "2026-01-01T00:00:00+00:00")
    store = open_store(pg_server.create_database())  # type: ignore[attr-defined]
    store.write_result(make_result("d1", "a.txt"))

    def versions() -> list[str]:
        return [str(store.conn.execute(f"SELECT xmin FROM {table}").fetchone()[0])
                for table in ("entities", "events", "relations", "quotes")]

    before = versions()
    store.write_result(make_result("d2", "b.txt"))
    assert versions() == before
    changed = make_result("d3", "c.txt")
    changed.events[0].counts = {"arrested": 15}
    store.write_result(changed)
    assert versions()[1] != before[1] and versions()[0] == before[0]
    (event,) = store.iter_events()
    assert event.counts == {"arrested": 15} and len(event.evidence) == 3
    store.close()


@pytest.mark.postgres
def test_the_planner_statistics_are_refreshed_as_the_store_grows(pg_server: object) -> None:
    """After enough documents, PostgreSQL is told the store's new size (ANALYZE), then after twice as many."""
    store = open_store(pg_server.create_database())  # type: ignore[attr-defined]
    store.ANALYZE_FIRST_AFTER = store._analyze_after = 2  # type: ignore[attr-defined]

    def analyses() -> int:
        row = store.conn.execute("SELECT analyze_count FROM pg_stat_user_tables WHERE relname = 'mentions'")
        return int(row.fetchone()[0])

    with store.batch():
        store.write_result(make_result("d1", "a.txt"))
    assert analyses() == 0  # one document: not yet
    with store.batch():
        store.write_result(make_result("d2", "b.txt"))
    assert analyses() == 1
    store.write_result(make_result("d3", "c.txt"))  # alone, outside a batch: the gap is now four
    assert analyses() == 1
    store.close()
