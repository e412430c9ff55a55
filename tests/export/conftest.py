"""Fixtures for the exporter tests: the hand-built tiny store (fast, no spaCy)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from factiongraph.store import SQLiteStore

from .factory import build_tiny_store


@pytest.fixture(scope="module")
def tiny_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SQLiteStore]:
    """Return a SQLite file store holding the tiny corpus (read-only for the tests)."""
    store = build_tiny_store(tmp_path_factory.mktemp("tiny") / "tiny.db")
    yield store
    store.close()
