"""Stores for the contract suite: a real SQLite file and a real PostgreSQL server on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from factiongraph.store import SQLiteStore, open_store

BACKENDS = ("sqlite", pytest.param("postgres", marks=pytest.mark.postgres))


@pytest.fixture(scope="session")
def pg_server() -> Iterator[object]:
    """Start one throwaway PostgreSQL server for the session (each test gets its own database)."""
    pytest.importorskip("psycopg")
    from tests.store.pgserver import TempPostgres

    server = TempPostgres()
    try:
        server.start()
    except RuntimeError as exc:  # a broken install fails loudly: make test installs PostgreSQL
        server.stop()
        pytest.fail(f"cannot start a PostgreSQL server: {exc}")
    yield server
    server.stop()


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Return the URL of a new, empty store of each kind."""
    if request.param == "sqlite":
        return str(tmp_path / "s.db")
    server = request.getfixturevalue("pg_server")
    return str(server.create_database())


@pytest.fixture()
def opener(store_url: str) -> Iterator[Callable[..., SQLiteStore]]:
    """Open the test's store (again, for another connection); closes every connection it opened."""
    opened: list[SQLiteStore] = []

    def open_(**kwargs: object) -> SQLiteStore:
        store = open_store(store_url, **kwargs)  # type: ignore[arg-type]
        opened.append(store)
        return store

    yield open_
    for store in opened:
        try:
            store.close()
        except Exception:
            pass
