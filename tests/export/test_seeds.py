"""The seeds' store (the five real articles in ../shared/seeds): every export loads in its library,
and the JSON Lines round trip reproduces the export byte for byte (slow: real spaCy model)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from factiongraph.export.formats import FORMATS, check_export, write_export
from factiongraph.importer import import_jsonl
from factiongraph.pipeline import Pipeline
from factiongraph.resolve.keys import make_key
from factiongraph.settings import Settings
from factiongraph.store import SQLiteStore, open_store

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seeds_store(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SQLiteStore]:
    store = open_store(tmp_path_factory.mktemp("seeds") / "seeds.db", key_fn=make_key)
    summary = Pipeline(Settings()).run([str(shared_dir / "seeds")], store)
    assert summary.stored == 5 and not summary.rejections
    yield store
    store.close()


def export(store: SQLiteStore, fmt: str) -> str:
    out = io.StringIO()
    write_export(store, fmt, out)
    return out.getvalue()


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_export_of_the_seeds_loads(seeds_store: SQLiteStore, fmt: str) -> None:
    text = export(seeds_store, fmt)
    assert export(seeds_store, fmt) == text, "two exports of one store differ"
    assert check_export(fmt, text)  # raises when the ecosystem library cannot load it


def test_the_seeds_jsonl_round_trip_is_byte_for_byte(seeds_store: SQLiteStore) -> None:
    text = export(seeds_store, "jsonl")
    fresh = open_store(":memory:", key_fn=make_key)
    summary = import_jsonl(io.StringIO(text), fresh)
    assert not summary.problems and summary.documents_added == 5
    assert export(fresh, "jsonl") == text
    for fmt in FORMATS:  # and the imported store exports every other format the same way
        assert export(fresh, fmt) == export(seeds_store, fmt), fmt
