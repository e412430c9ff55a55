"""Builders shared by the web security tests: the API's routes from its OpenAPI schema, a
fingerprint of a store file, and raw HTTP requests to a live server."""

from __future__ import annotations

import hashlib
import socket
import sqlite3
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from tests.web.conftest import web_settings

WRITE_METHODS = ("post", "put", "patch", "delete")


@cache
def api_schema() -> dict[str, Any]:
    """Return the app's OpenAPI schema (built over an empty store; the schema never reads it)."""
    from factiongraph.resolve.keys import make_key
    from factiongraph.store import open_store
    from factiongraph.web import create_app

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "empty.db"
        open_store(db, key_fn=make_key).close()
        schema: dict[str, Any] = create_app(web_settings(db)).openapi()
    return schema


def operations(methods: tuple[str, ...]) -> list[tuple[str, str, dict[str, Any]]]:
    """Return ``(method, path, operation)`` for every API operation with one of ``methods``."""
    return [(method, path, op) for path, ops in api_schema()["paths"].items()
            for method, op in ops.items() if method in methods]


def fingerprint(db: Path) -> tuple[dict[str, int], str]:
    """Return the row count of every table and a hash of all their rows (read-only connection)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                            " AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        digest = hashlib.sha256()
        counts = {}
        for name in names:
            rows = sorted(repr(r) for r in conn.execute(f'SELECT * FROM "{name}"'))
            counts[name] = len(rows)
            digest.update(name.encode())
            for row in rows:
                digest.update(row.encode())
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    return counts, digest.hexdigest()


def raw_request(port: int, head: bytes, body: bytes = b"", timeout: float = 20.0) -> tuple[int, bytes]:
    """Send ``head`` (request line and headers, as given: no normalising of the path) and ``body``
    to 127.0.0.1:``port``; return the status and the whole answer. The server closes the
    connection (``Connection: close`` is added)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(head.rstrip(b"\r\n") + b"\r\nConnection: close\r\n\r\n" + body)
        chunks = []
        while True:
            try:
                chunk = sock.recv(65536)
            except ConnectionResetError:
                break
            if not chunk:
                break
            chunks.append(chunk)
    answer = b"".join(chunks)
    return int(answer.split(b" ", 2)[1]), answer
