"""Time windows and entity neighbourhoods: what an export keeps, closed under reference."""

from __future__ import annotations

from factiongraph.export.periods import first_day, in_window, last_day
from factiongraph.export.selection import Selection, Snapshot, take
from factiongraph.store import SQLiteStore


def referenced(snapshot: Snapshot) -> tuple[set[str], set[str]]:
    """Return the entity ids and document ids the snapshot's records point at."""
    entities: set[str] = set()
    docs: set[str] = set()
    for e in snapshot.events:
        entities.update(e.actors, e.targets, [e.location_id] if e.location_id else [])
    for r in snapshot.relations:
        entities.update((r.subject_id, r.object_id))
    for q in snapshot.quotes:
        entities.update(x for x in (q.speaker_id, q.via_id, *q.about) if x)
    for claim in (*snapshot.events, *snapshot.relations, *snapshot.quotes):
        docs.update(ev.doc_id for ev in claim.evidence)
    for m in snapshot.mentions:
        docs.add(m.doc_id)
        entities.update([m.entity_id] if m.entity_id else [])
    return entities, docs


def assert_closed(snapshot: Snapshot) -> None:
    entities, docs = referenced(snapshot)
    assert entities <= {e.entity_id for e in snapshot.entities}
    assert docs <= {d.doc_id for d in snapshot.documents}


def test_everything_by_default(tiny_store: SQLiteStore) -> None:
    snap = take(tiny_store)
    assert (len(snap.documents), len(snap.events), len(snap.relations), len(snap.quotes)) == (2, 2, 3, 2)
    assert snap.as_of() == "2021-06-01"


def test_a_window_keeps_claims_dated_inside_it(tiny_store: SQLiteStore) -> None:
    may = take(tiny_store, Selection(since="2021-05-01", until="2021-05"))
    assert [e.event_id for e in may.events] == ["event-raid"]
    # 'located in' is valid from 2021 (a year): its first day falls outside May, so only 'leads' and
    # 'backed by' (undated: its source was published in May) remain
    assert sorted(r.relation_id for r in may.relations) == ["rel-backed", "rel-leads"]
    assert [q.quote_id for q in may.quotes] == ["quote-haddad"]
    assert len(may.documents) == 1
    assert_closed(may)
    june = take(tiny_store, Selection(since="2021-06"))
    assert [e.event_id for e in june.events] == ["event-arrest"] and not june.relations
    assert_closed(june)


def test_around_keeps_one_entity_s_claims_and_what_they_name(tiny_store: SQLiteStore) -> None:
    snap = take(tiny_store, Selection(around="salim-haddad"))
    assert [r.relation_id for r in snap.relations] == ["rel-leads"]
    assert [q.quote_id for q in snap.quotes] == ["quote-haddad"] and not snap.events
    assert {e.entity_id for e in snap.entities} >= {"salim-haddad", "lantern-brigades", "ent-delta-courier"}
    assert "border-guard" not in {e.entity_id for e in snap.entities}
    assert_closed(snap)


def test_periods() -> None:
    assert (first_day("2020"), last_day("2020")) == ("2020-01-01", "2020-12-31")
    assert (first_day("2024-02"), last_day("2024-02")) == ("2024-02-01", "2024-02-29")
    assert first_day("2020-13") is None and last_day(None) is None
    assert in_window("2020-07-31", None, "2020-07") and not in_window("2020-08-01", None, "2020-07")
    assert not in_window(None, "2020", None) and in_window(None, None, None)
