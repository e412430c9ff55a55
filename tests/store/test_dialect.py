"""Rendering SQLite-flavoured SQL for PostgreSQL (no server needed; the contract suite runs it)."""

from __future__ import annotations

from factiongraph.store.dialect import QueryTranslator, SchemaRenderer, migration_statements
from factiongraph.store.postgres import _multirow_parts, redact
from factiongraph.store.sqlite import _split_sql, list_migrations


def test_placeholders_percent_signs_and_literals() -> None:
    translate = QueryTranslator()
    assert translate("SELECT 1 FROM t WHERE a = ? AND b LIKE '50%?'") == \
        "SELECT 1 FROM t WHERE a = %s AND b LIKE '50%%?'"


def test_insert_or_ignore_and_replace_become_on_conflict() -> None:
    translate = QueryTranslator()
    assert translate("INSERT OR IGNORE INTO t (a, b) VALUES (?, ?)") == \
        "INSERT INTO t (a, b) VALUES (%s, %s) ON CONFLICT DO NOTHING"
    assert translate("INSERT OR REPLACE INTO store_meta (name, value) VALUES ('k', ?)") == (
        "INSERT INTO store_meta (name, value) VALUES ('k', %s) ON CONFLICT ON CONSTRAINT store_meta_pkey"
        " DO UPDATE SET name = EXCLUDED.name, value = EXCLUDED.value")
    assert QueryTranslator()("BEGIN IMMEDIATE") == "BEGIN"


def test_nulls_sort_as_in_sqlite_unless_the_column_cannot_be_null() -> None:
    translate = QueryTranslator(not_null={"event_id", "rowid"})
    assert translate("SELECT * FROM events e ORDER BY e.date_start, e.event_id LIMIT ?") == (
        "SELECT * FROM events e ORDER BY e.date_start NULLS FIRST, e.event_id"
        " LIMIT NULLIF(GREATEST(%s::bigint, -1), -1)")
    assert translate("SELECT a FROM m ORDER BY m.rowid DESC") == "SELECT a FROM m ORDER BY m.rowid DESC"
    # Inside a subquery too; a literal LIMIT stays as written.
    assert translate("SELECT (SELECT x FROM y ORDER BY n DESC LIMIT 1) AS z FROM w ORDER BY z") == \
        "SELECT (SELECT x FROM y ORDER BY n DESC NULLS LAST LIMIT 1) AS z FROM w ORDER BY z NULLS FIRST"


def test_migrations_render_types_rowids_fts_and_postgres_only_lines() -> None:
    renderer = SchemaRenderer()
    statements = [s for _, _, sql in list_migrations() for s in renderer.render(sql)]
    documents = next(s for s in statements if s.startswith("CREATE TABLE documents ("))
    assert "rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE" in documents
    assert 'text TEXT COLLATE "C" NOT NULL' in documents and "word_count BIGINT" in documents
    assert "near_duplicate_score DOUBLE PRECISION" in documents and "--" not in documents
    bands = next(s for s in statements if s.startswith("CREATE TABLE doc_bands"))
    assert "rowid" not in bands and "WITHOUT ROWID" not in bands
    assert "CREATE INDEX mentions_entity ON mentions (entity_id, rowid)" in statements
    fts = next(s for s in statements if s.startswith("CREATE TABLE documents_fts"))
    assert "tsv tsvector GENERATED ALWAYS AS" in fts and "to_tsvector('factiongraph_fts'" in fts
    assert any("gin_trgm_ops" in s for s in statements)
    # SQLite reads the same file: the PostgreSQL-only lines are comments to it.
    sql_0007 = next(sql for _, name, sql in list_migrations() if name.startswith("0007"))
    assert _split_sql(sql_0007) == [] and len(migration_statements(sql_0007)) == 3


def test_multirow_inserts_unless_an_upsert_repeats_a_key() -> None:
    plain = "INSERT INTO t (a, b) VALUES (%s, %s) ON CONFLICT DO NOTHING"
    assert _multirow_parts(plain, [(1, 2), (1, 2)]) == ("INSERT INTO t (a, b) VALUES ", "(%s, %s)",
                                                        " ON CONFLICT DO NOTHING")
    upsert = "INSERT INTO t (a, b) VALUES (%s, %s) ON CONFLICT(a) DO UPDATE SET b = excluded.b"
    assert _multirow_parts(upsert, [(1, 2), (2, 2)]) is not None
    assert _multirow_parts(upsert, [(1, 2), (1, 3)]) is None
    assert _multirow_parts("UPDATE t SET a = %s WHERE rowid = %s", [(1, 2)]) is None


def test_passwords_never_reach_messages() -> None:
    assert redact("postgresql://fg:s3cret@db:5432/x") == "postgresql://fg:***@db:5432/x"
    assert redact("postgresql://fg@db/x") == "postgresql://fg@db/x"


def test_inserts_become_one_unnest_statement_with_array_literals() -> None:
    from factiongraph.store.pg_bulk import unnest_insert

    types = {"t": {"a": "text", "b": "bigint", "c": "double precision"}}
    query, arrays = unnest_insert("INSERT INTO t (a, b, c) VALUES ", "(%s, %s, %s)", " ON CONFLICT DO NOTHING",
                                  [('x"y', 1, 0.5), (None, 2, 1), ("a\\b,{c}", None, None)], types)
    assert query == ("INSERT INTO t (a, b, c) SELECT c0, c1, c2 FROM unnest(%s::text::text[], %s::text::bigint[],"
                     " %s::text::double precision[]) WITH ORDINALITY AS u(c0, c1, c2, ord) ORDER BY ord"
                     " ON CONFLICT DO NOTHING")
    assert arrays == ['{"x\\"y",NULL,"a\\\\b,{c}"}', "{1,2,NULL}", "{0.5,1.0,NULL}"]
    assert unnest_insert("INSERT INTO u (a) VALUES ", "(%s)", "", [(1,)], types) is None  # unknown table
    assert unnest_insert("INSERT INTO t (a, b) VALUES ", "(%s, NULL)", "", [(1,)], types) is None
