"""Set-based inserts for PostgreSQL: many rows in one statement whose text never changes.

The SQLite store writes each claim kind with ``executemany`` (one statement, many rows). On
PostgreSQL that is rendered as ``INSERT … SELECT … FROM unnest(%s::text::type[], …)``: one array
parameter per column, whatever the number of rows. So a document's mentions, blocks, evidence,
aliases and the like each take one statement, and its text is the same for every document:
psycopg parses it once and the server keeps it prepared. (A multi-row ``VALUES`` list has a
different text for every row count; parsing and planning those each time cost more than the
rows themselves.) The arrays are sent as array literals built here (see ``_array_literal``).

``WITH ORDINALITY … ORDER BY`` keeps the rows in the caller's order, so identity columns
(``rowid``) are given out in the same order as SQLite would.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

ColumnTypes = dict[str, dict[str, str]]
"""Table name -> column name -> PostgreSQL type name (as ``information_schema`` spells it)."""

COLUMN_TYPES_SQL = (
    "SELECT table_name, column_name, data_type FROM information_schema.columns"
    " WHERE table_schema = current_schema() AND is_generated = 'NEVER'"
)
"""The query whose rows (table, column, type) make a :data:`ColumnTypes`."""

_ARRAY_TYPES = {"text": "text", "bigint": "bigint", "integer": "integer", "smallint": "smallint",
                "double precision": "double precision", "real": "real", "boolean": "boolean"}

_HEAD = re.compile(r"^INSERT\s+INTO\s+(\w+)\s*\(([^)]*)\)\s*VALUES\s*$", re.I)


def read_column_types(rows: Sequence[Sequence[Any]]) -> ColumnTypes:
    """Return :data:`ColumnTypes` from the rows of :data:`COLUMN_TYPES_SQL`."""
    types: ColumnTypes = {}
    for table, column, data_type in rows:
        types.setdefault(str(table), {})[str(column)] = str(data_type)
    return types


def unnest_insert(head: str, group: str, tail: str, rows: Sequence[Sequence[Any]],
                  types: ColumnTypes) -> tuple[str, list[str]] | None:
    """Return ``(query, one array literal per column)`` inserting ``rows`` in one statement, or None.

    ``head``, ``group`` and ``tail`` are the parts of a rendered ``INSERT … VALUES (%s, …) …``
    (see ``postgres._multirow_parts``). None when the statement is not one the arrays can carry:
    a table or column whose type is not known, or a ``VALUES`` group that is not all placeholders.
    """
    match = _HEAD.match(head.strip())
    if match is None:
        return None
    table, column_list = match.group(1), match.group(2)
    columns = [c.strip() for c in column_list.split(",")]
    slots = [s.strip() for s in group.strip()[1:-1].split(",")]
    known = types.get(table)
    if known is None or len(slots) != len(columns) or any(s != "%s" for s in slots):
        return None
    casts: list[str] = []
    converters: list[Callable[[Any], str]] = []
    for column in columns:
        array_type = _ARRAY_TYPES.get(known.get(column.strip('"'), ""))
        if array_type is None:
            return None
        casts.append(array_type)
        converters.append(_converter(array_type))
    names = [f"c{i}" for i in range(len(columns))]
    query = (
        f"INSERT INTO {table} ({column_list}) SELECT {', '.join(names)} FROM unnest("
        + ", ".join(f"%s::text::{cast}[]" for cast in casts)
        + f") WITH ORDINALITY AS u({', '.join(names)}, ord) ORDER BY ord{tail}"
    )
    arrays = [_array_literal([row[i] for row in rows], converters[i]) for i in range(len(columns))]
    return query, arrays


def _array_literal(values: list[Any], convert: Callable[[Any], str]) -> str:
    """Return one column's values as a PostgreSQL array literal (``{"a","b",NULL}``).

    Built here, a few string operations per value, because psycopg adapts a Python list one
    element at a time in Python, which cost more than the whole statement on the server.
    """
    return "{" + ",".join("NULL" if v is None else convert(v) for v in values) + "}"


def _quoted(value: Any) -> str:
    """Return a text element: double-quoted, with backslashes and double quotes escaped."""
    text = value if isinstance(value, str) else str(value)
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _converter(array_type: str) -> Callable[[Any], str]:
    """Return what writes one value of a column as an array element."""
    if array_type in ("double precision", "real"):
        return lambda v: repr(float(v))
    if array_type in ("bigint", "integer", "smallint"):
        return lambda v: str(int(v))
    if array_type == "boolean":
        return lambda v: "true" if v else "false"
    return _quoted
