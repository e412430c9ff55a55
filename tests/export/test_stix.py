"""The STIX 2.1 bundle, parsed back by the stix2 library (strict: no custom content allowed)."""

from __future__ import annotations

import json
from typing import Any

import pytest
import stix2

from factiongraph.export.stix import stix_id
from factiongraph.store import SQLiteStore

from .factory import export_text


@pytest.fixture(scope="module")
def bundle(tiny_store: SQLiteStore) -> Any:
    return stix2.parse(export_text(tiny_store, "stix"), allow_custom=False)


def by_type(bundle: Any, kind: str) -> list[Any]:
    return [o for o in bundle.objects if o.type == kind]


def test_entities_map_to_threat_actors_identities_and_locations(bundle: Any) -> None:
    actors = by_type(bundle, "threat-actor")
    assert [a.name for a in actors] == ["Lantern Brigades"] and set(actors[0].aliases) == {"LB", "Lantern Brigade"}
    identities = {i.name: i for i in by_type(bundle, "identity")}
    assert identities["Salim Haddad"].identity_class == "individual"
    assert identities["Border Guard"].sectors == ["government"]
    locations = {loc.name: loc for loc in by_type(bundle, "location")}
    assert locations["Qasr"].country == "NL" and locations["Qasr"].latitude == 51.5  # country from the parent chain
    assert "Wadi Sabr" not in locations, "a place with neither coordinates nor country is not a valid location"


def test_relations_keep_their_validity_and_evidence(bundle: Any) -> None:
    rel = next(r for r in by_type(bundle, "relationship") if r.id == stix_id("relationship", "rel-leads"))
    assert rel.relationship_type == "leader-of"
    assert str(rel.start_time).startswith("2021-05-04 00:00:00") and str(rel.stop_time).startswith("2021-05-04 23:59:59")
    ref = rel.external_references[0]
    assert ref.hashes["SHA-256"] == ref.external_id and "Commander Salim Haddad leads" in ref.description
    assert rel.confidence == 90


def test_events_are_incidents_with_participants_and_a_sighting(bundle: Any) -> None:
    incident = next(o for o in bundle.objects if o.id == stix_id("incident", "event-raid"))
    assert "Battles" in incident.labels and "2 killed" in incident.description
    links = {(r.relationship_type, r.target_ref) for r in by_type(bundle, "relationship") if r.source_ref == incident.id}
    assert ("attributed-to", stix_id("threat-actor", "lantern-brigades")) in links
    assert ("targets", stix_id("identity", "border-guard")) in links
    assert ("located-at", stix_id("location", "qasr")) in links
    sighting = next(s for s in by_type(bundle, "sighting") if s.sighting_of_ref == incident.id)
    assert sighting.count == 1 and sighting.where_sighted_refs == [stix_id("identity", "ent-delta-courier")]


def test_quotes_are_notes_and_documents_are_reports(bundle: Any) -> None:
    note = next(o for o in bundle.objects if o.id == stix_id("note", "quote-haddad"))
    assert note.content == "We will not stop," and note.authors == ["Salim Haddad"]
    assert stix_id("threat-actor", "lantern-brigades") in note.object_refs
    reports = {r.name: r for r in by_type(bundle, "report")}
    raid = reports["Lantern Brigades raid in Qasr"]
    assert str(raid.published).startswith("2021-05-04")
    assert stix_id("incident", "event-raid") in raid.object_refs and note.id in raid.object_refs


def test_ids_are_stable_uuid5_of_factiongraph_ids(tiny_store: SQLiteStore) -> None:
    data = json.loads(export_text(tiny_store, "stix"))
    ids = [o["id"] for o in data["objects"]]
    assert len(ids) == len(set(ids))
    assert stix_id("threat-actor", "lantern-brigades") in ids
    assert stix_id("threat-actor", "lantern-brigades") == stix_id("threat-actor", "lantern-brigades")
    assert stix_id("threat-actor", "lantern-brigades") != stix_id("identity", "lantern-brigades")
