"""Discovery end to end: factions and people no knowledge base holds are found, typed, kept apart.

The articles in tests/fixtures/invented/ name invented groups and people (expected.json lists
them). They run through ingest, clean, nlp and resolve exactly as a user's articles would.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from factiongraph.model import Entity, EntityType
from factiongraph.pipeline import Pipeline
from factiongraph.resolve.keys import make_key
from factiongraph.settings import Settings
from factiongraph.store import open_store

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "invented"
EXPECTED: dict[str, list[dict[str, object]]] = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Entity]]:
    """Return, per fixture file, the entity each mention text resolved to."""
    db = tmp_path_factory.mktemp("invented") / "s.db"
    store = open_store(db, key_fn=make_key)
    summary = Pipeline(Settings(db=str(db))).run([str(FIXTURES / name) for name in EXPECTED], store)
    assert summary.stored == len(EXPECTED) and not summary.rejections
    entities = {e.entity_id: e for e in store.iter_entities()}
    sources = {d.doc_id: Path(d.source).name for d in store.iter_documents()}
    by_file: dict[str, dict[str, Entity]] = defaultdict(dict)
    for m in store.iter_mentions():
        if m.entity_id in entities:
            by_file[sources[m.doc_id]][m.text] = entities[m.entity_id]
    store.close()
    return by_file


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_invented_entities_are_found_typed_and_new(found: dict[str, dict[str, Entity]], name: str) -> None:
    for item in EXPECTED[name]:
        entity = found[name].get(str(item["name"]))
        assert entity is not None, f"{item['name']} not found in {name}"
        assert entity.type == EntityType(str(item["type"])), f"{item['name']} typed {entity.type}"
        assert not entity.in_kb, f"{item['name']} should be a new, unverified entity"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_invented_groups_in_one_article_stay_apart(found: dict[str, dict[str, Entity]], name: str) -> None:
    groups = [str(i["name"]) for i in EXPECTED[name] if i["type"] == "armed_group"]
    ids = [found[name][g].entity_id for g in groups if g in found[name]]
    assert len(ids) == len(set(ids)), f"distinct invented groups merged in {name}: {groups}"
