"""Render the store's SQLite-flavoured SQL for PostgreSQL: one migration set, one set of queries.

The migrations in ``store/migrations/`` and the queries of the store's layers (``reads.py``,
``candidates.py``, ``claims.py``, ``writer.py``, ``sqlite.py``) and of ``views.py`` are written
for SQLite. Only a handful of their constructs differ in PostgreSQL, so instead of a second
hand-kept copy this module translates those, and nothing else:

DDL (migrations)
  - column types keep SQLite's meaning: ``TEXT`` compares byte-wise (``COLLATE "C"``, the order
    SQLite's BINARY collation gives), ``INTEGER`` is 64-bit (``BIGINT``), ``REAL`` is a double;
  - a table SQLite gives an implicit ``rowid`` gets an explicit one (an identity column), and
    every plain index on it ends with that ``rowid`` as SQLite's do; ``WITHOUT ROWID`` is dropped;
  - an FTS5 virtual table becomes a table with a generated ``tsv`` column (``tsvector``, unaccented
    like ``remove_diacritics``) and a GIN index over it;
  - a comment line ``-- postgres: STATEMENT`` is a statement for PostgreSQL only (SQLite skips it
    as a comment): extensions, trigram indexes, the ``julianday`` function queries use.

Queries
  - ``?`` placeholders become ``%s`` (and a literal ``%`` is doubled);
  - ``INSERT OR IGNORE`` and ``INSERT OR REPLACE`` become ``ON CONFLICT`` clauses;
  - ``x IS NOT excluded.x`` (SQLite's NULL-safe comparison, in upserts) becomes ``IS DISTINCT FROM``;
  - ``BEGIN IMMEDIATE`` becomes ``BEGIN``; ``LIMIT ?`` with a negative value means no limit;
  - NULLs sort first ascending (last descending), as in SQLite, wherever the sorted value may be NULL.

Anything else passes through unchanged, so a new query works on both stores when it uses only
SQL the two share; the contract tests in ``tests/store/test_contract.py`` run every query on both.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

class SqlConnection(Protocol):
    """What the store's SQL runs through: ``sqlite3.Connection`` or :class:`~factiongraph.store.postgres.PgConnection`."""

    @property
    def in_transaction(self) -> bool: ...
    def execute(self, sql: str, parameters: Any = ..., /) -> Any: ...
    def executemany(self, sql: str, parameters: Iterable[Any], /) -> Any: ...
    def close(self) -> None: ...


PG_ONLY = "-- postgres:"
"""A migration line starting with this is a PostgreSQL statement (a comment to SQLite)."""

FTS_CONFIG = "factiongraph_fts"
"""The text-search configuration FTS5 tables are rendered with: simple words, accents removed."""

FTS_MAX_CHARS = 200_000
"""Characters of a document's content indexed for search (a tsvector holds at most 1 MB)."""

_TYPES = {"TEXT": 'TEXT COLLATE "C"', "INTEGER": "BIGINT", "REAL": "DOUBLE PRECISION"}
_CONSTRAINT_WORDS = ("PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "CONSTRAINT")
_LITERAL = re.compile(r"'(?:[^']|'')*'")


def _mask(sql: str) -> tuple[str, list[str]]:
    """Replace each string literal with a marker; return the masked text and the literals."""
    literals: list[str] = []

    def keep(match: re.Match[str]) -> str:
        literals.append(match.group(0))
        return f"\x00{len(literals) - 1}\x00"

    return _LITERAL.sub(keep, sql), literals


def _unmask(sql: str, literals: list[str], escape_percent: bool = False) -> str:
    def put(match: re.Match[str]) -> str:
        text = literals[int(match.group(1))]
        return text.replace("%", "%%") if escape_percent else text

    return re.sub(r"\x00(\d+)\x00", put, sql)


def split_top_level(text: str, sep: str = ",") -> list[str]:
    """Split ``text`` at ``sep`` outside parentheses (literals must be masked)."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == sep and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def migration_statements(sql: str) -> list[str]:
    """Return a migration's statements for PostgreSQL, before rendering: ``-- postgres:`` lines included."""
    lines = []
    for line in sql.splitlines():
        stripped = line.strip()
        if stripped.startswith(PG_ONLY):
            lines.append(stripped[len(PG_ONLY):])
        elif not stripped.startswith("--"):
            masked, literals = _mask(line)
            lines.append(_unmask(masked.split("--", 1)[0].rstrip(), literals))  # no trailing comment
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


@dataclass
class SchemaRenderer:
    """Renders migrations in order; remembers which tables have a ``rowid`` (indexes need it)."""

    rowid_tables: set[str] = field(default_factory=set)

    def render(self, sql: str) -> list[str]:
        """Return the PostgreSQL statements of one migration file."""
        out: list[str] = []
        for statement in migration_statements(sql):
            out.extend(self.render_statement(statement))
        return out

    def render_statement(self, statement: str) -> list[str]:
        """Return the PostgreSQL statements for one SQLite DDL statement."""
        masked, literals = _mask(statement)
        table = re.match(r"CREATE\s+TABLE\s+(IF\s+NOT\s+EXISTS\s+)?(\w+)\s*\((.*)\)\s*(WITHOUT\s+ROWID)?\s*$",
                         masked, re.S | re.I)
        if table:
            return [_unmask(self._table(table.group(2), table.group(3), bool(table.group(4)), table.group(1)),
                            literals)]
        fts = re.match(r"CREATE\s+VIRTUAL\s+TABLE\s+(\w+)\s+USING\s+fts5\s*\((.*)\)\s*$", masked, re.S | re.I)
        if fts:
            return _fts_table(fts.group(1), fts.group(2))
        index = re.match(r"CREATE\s+INDEX\s+(IF\s+NOT\s+EXISTS\s+)?(\w+)\s+ON\s+(\w+)\s*\((.*)\)\s*$",
                         masked, re.S | re.I)
        if index and index.group(3) in self.rowid_tables:
            cols = index.group(4).strip()
            rendered = f"CREATE INDEX {index.group(1) or ''}{index.group(2)} ON {index.group(3)} ({cols}, rowid)"
            return [_unmask(rendered, literals)]
        column = re.match(r"(ALTER\s+TABLE\s+\w+\s+ADD\s+(?:COLUMN\s+)?)(.*)$", masked, re.S | re.I)
        if column:
            return [_unmask(column.group(1) + _column(column.group(2)), literals)]
        return [statement]

    def _table(self, name: str, body: str, without_rowid: bool, if_not_exists: str | None) -> str:
        items = [_column(item) for item in split_top_level(body)]
        if not without_rowid:
            self.rowid_tables.add(name)
            items.insert(0, "rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE")
        head = f"CREATE TABLE {if_not_exists or ''}{name}"
        return head + " (\n    " + ",\n    ".join(items) + "\n)"


def _column(item: str) -> str:
    """Map the type of one column definition (constraints pass through)."""
    text = item.strip()
    if text.upper().startswith(_CONSTRAINT_WORDS):
        return text
    match = re.match(r'("[^"]+"|\w+)\s+(\w+)(.*)$', text, re.S)
    if not match:
        return text
    name, type_, rest = match.groups()
    return f"{name} {_TYPES.get(type_.upper(), type_)}{rest}"


def _fts_table(name: str, spec: str) -> list[str]:
    """Render an FTS5 table: the same columns, a weighted tsvector over the indexed ones, a GIN index."""
    columns, indexed = [], []
    for item in split_top_level(spec):
        words = item.split()
        if not words or "=" in item:  # tokenize = '…' and other options
            continue
        columns.append(words[0])
        if "UNINDEXED" not in (w.upper() for w in words[1:]):
            indexed.append(words[0])
    weights = "ABCD"
    vector = " || ".join(
        f"setweight(to_tsvector('{FTS_CONFIG}'::regconfig, left(coalesce({col}, ''), {FTS_MAX_CHARS})),"
        f" '{weights[min(i, 3)]}')"
        for i, col in enumerate(indexed)
    )
    defs = [f'{col} TEXT COLLATE "C"' for col in columns]
    defs.append(f"tsv tsvector GENERATED ALWAYS AS ({vector}) STORED")
    return [
        "CREATE EXTENSION IF NOT EXISTS unaccent",
        f"DO $$ BEGIN CREATE TEXT SEARCH CONFIGURATION {FTS_CONFIG} (COPY = simple);"
        f" ALTER TEXT SEARCH CONFIGURATION {FTS_CONFIG} ALTER MAPPING FOR hword, hword_part, word"
        " WITH unaccent, simple; EXCEPTION WHEN unique_violation OR duplicate_object THEN NULL; END $$",
        f"CREATE TABLE {name} (\n    " + ",\n    ".join(defs) + "\n)",
        f"CREATE INDEX {name}_tsv ON {name} USING gin (tsv)",
        f"CREATE INDEX {name}_{columns[0]} ON {name} ({columns[0]})",
    ]


class QueryTranslator:
    """Translate SQLite-flavoured queries for psycopg; each distinct query is translated once.

    Args:
        not_null: column names that are NOT NULL in every table that has them (their sort order
            needs no NULLS clause, which keeps indexes usable for ORDER BY … LIMIT).
    """

    def __init__(self, not_null: Iterable[str] = ()) -> None:
        self.not_null = frozenset(not_null)
        self._cache: dict[str, str] = {}

    def __call__(self, sql: str) -> str:
        """Return ``sql`` for PostgreSQL."""
        done = self._cache.get(sql)
        if done is None:
            done = self._cache[sql] = self._translate(sql)
        return done

    def _translate(self, sql: str) -> str:
        masked, literals = _mask(sql.strip())
        masked = re.sub(r"^BEGIN\s+(IMMEDIATE|DEFERRED|EXCLUSIVE)\b", "BEGIN", masked, flags=re.I)
        masked = _insert_or(masked)
        masked = re.sub(r"\bIS\s+NOT\s+(?=excluded\.)", "IS DISTINCT FROM ", masked, flags=re.I)
        masked = re.sub(r"\bLIMIT\s+\?", "LIMIT NULLIF(GREATEST(?::bigint, -1), -1)", masked, flags=re.I)
        masked = self._null_order(masked)
        masked = masked.replace("%", "%%").replace("?", "%s")
        return _unmask(masked, literals, escape_percent=True)

    def _null_order(self, sql: str) -> str:
        out, pos = [], 0
        for match in re.finditer(r"\bORDER\s+BY\b", sql, re.I):
            start = match.end()
            if start < pos:
                continue
            end, depth = start, 0
            while end < len(sql):
                ch = sql[end]
                if ch == "(":
                    depth += 1
                elif ch == ")":
                    if depth == 0:
                        break
                    depth -= 1
                elif depth == 0 and re.match(r"\s(LIMIT|OFFSET)\b", sql[end:], re.I):
                    break
                end += 1
            terms = [self._null_term(t) for t in split_top_level(sql[start:end])]
            out.append(sql[pos:start] + ",".join(terms))
            pos = end
        out.append(sql[pos:])
        return "".join(out)

    def _null_term(self, term: str) -> str:
        body = term.rstrip()
        tail = term[len(body):]
        if re.search(r"\bNULLS\s+(FIRST|LAST)$", body, re.I):
            return term
        desc = re.search(r"\s(ASC|DESC)$", body, re.I)
        expr = body[:desc.start()] if desc else body
        column = re.fullmatch(r'\s*(?:\w+\.)?("?)(\w+)\1\s*', expr)
        if column and column.group(2) in self.not_null:
            return term
        is_desc = desc is not None and desc.group(1).upper() == "DESC"
        return body + (" NULLS LAST" if is_desc else " NULLS FIRST") + tail


def _insert_or(sql: str) -> str:
    """Turn ``INSERT OR IGNORE``/``OR REPLACE`` into ``INSERT … ON CONFLICT``."""
    match = re.match(r"INSERT\s+OR\s+(IGNORE|REPLACE)\s+INTO\s+(\w+)\s*\(([^)]*)\)(.*)$", sql, re.S | re.I)
    if not match:
        return sql
    how, table, cols, rest = match.groups()
    head = f"INSERT INTO {table} ({cols}){rest.rstrip()}"
    if how.upper() == "IGNORE":
        return head + " ON CONFLICT DO NOTHING"
    sets = ", ".join(f"{c.strip()} = EXCLUDED.{c.strip()}" for c in cols.split(","))
    return head + f" ON CONFLICT ON CONSTRAINT {table}_pkey DO UPDATE SET {sets}"
