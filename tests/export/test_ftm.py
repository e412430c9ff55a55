"""FollowTheMoney entities, validated by the followthemoney library."""

from __future__ import annotations

import json
from typing import Any

import pytest
from followthemoney import model

from factiongraph.errors import FactiongraphError
from factiongraph.export.ftm import check_ftm, ftm_id
from factiongraph.store import SQLiteStore

from .factory import export_text


@pytest.fixture(scope="module")
def entities(tiny_store: SQLiteStore) -> dict[str, Any]:
    lines = export_text(tiny_store, "ftm").splitlines()
    assert check_ftm(lines) == len(lines)
    return {e.id: e for e in (model.get_proxy(json.loads(line), cleaned=False) for line in lines)}


def test_schemas_follow_the_mapping(entities: dict[str, Any]) -> None:
    schemas = {i: e.schema.name for i, e in entities.items()}
    assert schemas["lantern-brigades"] == "Organization" and schemas["border-guard"] == "PublicBody"
    assert schemas["salim-haddad"] == "Person" and schemas["qasr"] == "Address"
    assert schemas["rel-leads"] == "Directorship" and schemas["rel-backed"] == "UnknownLink"
    assert schemas["event-raid"] == "Event" and schemas["quote-haddad"] == "Note"
    assert sorted(s for s in schemas.values() if s == "Article") == ["Article", "Article"]
    assert "Mention" in schemas.values()


def test_links_events_and_notes_point_at_their_entities_and_documents(entities: dict[str, Any]) -> None:
    leads = entities["rel-leads"]
    assert leads.get("director") == ["salim-haddad"] and leads.get("organization") == ["lantern-brigades"]
    assert leads.get("role") == ["commander"] and leads.get("startDate") == ["2021-05-04"]
    raid = entities["event-raid"]
    assert set(raid.get("involved")) == {"lantern-brigades", "border-guard"}
    assert raid.get("organizer") == ["lantern-brigades"] and raid.get("addressEntity") == ["qasr"]
    assert raid.get("country") == ["nl"] and raid.get("startDate") == ["2021-05-03"]
    article = raid.get("proof")[0]
    assert entities[article].schema.name == "Article" and entities[article].get("publishedAt") == ["2021-05-04"]
    assert "We will not stop," in entities["quote-haddad"].get("description")


def test_check_refuses_invalid_entities() -> None:
    good = {"id": "x1", "schema": "Person", "properties": {"name": ["A"]}}
    assert check_ftm([json.dumps(good)]) == 1
    for bad in (
        {"id": "x1", "schema": "Person", "properties": {"name": ["A"], "colour": ["red"]}},  # unknown property
        {"id": "x1", "schema": "Person", "properties": {"birthDate": ["1990"]}},  # no name
        {"id": "x1", "schema": "Person", "properties": {"name": ["A"], "birthDate": ["not a date"]}},
        {"id": "x1", "schema": "Membership", "properties": {"member": ["x1"], "organization": ["nowhere"]}},
    ):
        with pytest.raises(FactiongraphError):
            check_ftm([json.dumps(bad)])


def test_ids_that_ftm_refuses_are_hashed() -> None:
    assert ftm_id("kataib-hezbollah") == "kataib-hezbollah"
    assert ftm_id("a_b:c").startswith("fg-") and ftm_id("a_b:c") == ftm_id("a_b:c")
