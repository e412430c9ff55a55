"""Reviewers' judgements applied to the claim tables and undone, on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest

from factiongraph.errors import ReviewError
from factiongraph.model import Entity, EntityType, Event, Evidence, Mention, Predicate, Quote, Relation
from factiongraph.model.ids import make_id
from factiongraph.model.judgement import Judgement, Verdict
from factiongraph.model.result import DocumentResult
from factiongraph.store import SQLiteStore, decisions, proposals
from factiongraph.store.views import entity_mentions, find_entities, get_entity
from tests.store.test_sqlite import TEXT, make_result

Opener = Callable[..., SQLiteStore]


def second_report(doc_id: str = "d2", source: str = "b.txt") -> DocumentResult:
    """Another article naming the group by a spelling the KB lacks: its own (unknown) entity."""
    text = "Kata'ib Hizbollah members were detained in Dora.\nDo you like this article?\nNo comment."
    base = make_result(doc_id, source, text)
    first = text.index("\n")
    ev = Evidence(doc_id, 0, first, text[:first], "rule.test.v1", 0.8)
    return replace(
        base,
        mentions=[Mention(doc_id, 0, 17, text[:17], EntityType.ARMED_GROUP, "model.ner.v1", 0.8, "kh-var")],
        entities=[Entity("kh-var", EntityType.ARMED_GROUP, "Kata'ib Hizbollah", [], False, {})],
        events=[Event(f"e-{doc_id}", "Strategic developments", "Arrests", "2020-06-25", None, None,
                      actors=["kh"], targets=["kh-var"], evidence=[ev])],
        relations=[Relation(f"r-{doc_id}", "kh-var", Predicate.PART_OF, "pmf", evidence=[ev])],
        quotes=[Quote(f"q-{doc_id}", "kh-var", "were detained", about=["kh-var", "kh"], evidence=[ev])],
        signature=(7, 8, 9), bands=[f"b00:{doc_id}"],
    )


def state(store: SQLiteStore) -> dict[str, Any]:
    """Return everything a judgement may change, as comparable data."""
    return {
        "entities": sorted((e.entity_id, e.name, sorted(e.aliases)) for e in store.iter_entities()),
        "mentions": sorted((m.doc_id, m.start, m.entity_id) for m in store.iter_mentions()),
        "events": sorted((e.event_id, sorted(e.actors), sorted(e.targets)) for e in store.iter_events()),
        "relations": sorted((r.relation_id, r.subject_id, r.object_id) for r in store.iter_relations()),
        "quotes": sorted((q.quote_id, q.speaker_id, sorted(q.about)) for q in store.iter_quotes()),
        "outlets": sorted((d.doc_id, d.outlet_id or "") for d in store.iter_documents()),
    }


def test_positive_judgement_merges_every_link_and_withdrawing_restores(opener: Opener) -> None:
    store = opener()
    store.write_result(make_result())
    store.write_result(second_report())
    before = state(store)
    judgement_id = store.record_judgement(Judgement("kh", "kh-var", Verdict.POSITIVE, 1.0, "user:ana"))
    after = state(store)
    assert get_entity(store, "kh-var") is None
    assert [e.entity_id for e in find_entities(store, "Kata'ib Hizbollah")] == ["kh"]
    assert {m[2] for m in after["mentions"]} == {"kh"}
    assert ("e-d2", ["kh"], ["kh"]) in after["events"]
    assert ("r-d2", "kh", "pmf") in after["relations"]
    assert ("q-d2", "kh", ["kh"]) in after["quotes"]
    assert decisions.merged_into(store, "kh-var") == "kh"
    assert proposals.move_count(store, judgement_id) > 0

    assert store.withdraw_judgement(judgement_id)
    assert state(store) == before
    assert proposals.move_count(store, judgement_id) == 0
    assert decisions.merged_into(store, "kh-var") is None


def test_documents_written_after_a_merge_are_folded_in_and_undone_with_it(opener: Opener) -> None:
    store = opener()
    store.write_result(make_result())
    judgement_id = store.record_judgement(Judgement("kh", "kh-var", Verdict.POSITIVE, 1.0, "user:ana"))
    store.write_result(second_report("d3", "c.txt"))
    assert get_entity(store, "kh-var") is None
    assert {m.text for m in entity_mentions(store, "kh")} == {"Kataib Hezbollah", "Kata'ib Hizbollah"}
    assert store.withdraw_judgement(judgement_id)
    assert [m.text for m in entity_mentions(store, "kh-var")] == ["Kata'ib Hizbollah"]
    assert get_entity(store, "kh-var") is not None


def test_split_moves_chosen_mentions_and_their_claims(opener: Opener) -> None:
    store = opener()
    store.write_result(make_result())
    report = second_report()
    report.mentions[0] = replace(report.mentions[0], entity_id="kh")  # linked by a rule that was wrong
    report.entities = []
    report.relations[0] = replace(report.relations[0], subject_id="kh")
    store.write_result(report)
    before = state(store)
    moving = [m for m in store.iter_mentions() if m.doc_id == "d2"]
    with store.batch():
        judgement_id = store.record_judgement(Judgement("kh", "kh-var", Verdict.NEGATIVE, 1.0, "user:ana"))
        changes = decisions.relink(store, judgement_id, "kh", "kh-var",
                                   mention_ids=[make_id("m", m.doc_id, m.start, m.end) for m in moving],
                                   new_entity=Entity("kh-var", EntityType.ARMED_GROUP, "Kata'ib Hizbollah"))
    assert changes > 0
    assert [m.text for m in entity_mentions(store, "kh")] == ["Kataib Hezbollah"]
    assert get_entity(store, "kh-var") is not None
    after = state(store)
    assert ("r-d2", "kh-var", "pmf") in after["relations"] and ("r1", "kh", "pmf") in after["relations"]
    assert store.apart_pairs() == frozenset({frozenset({"kh", "kh-var"})})
    assert store.withdraw_judgement(judgement_id)
    assert state(store) == before
    assert store.apart_pairs() == frozenset()


def test_an_earlier_judgement_waits_for_a_later_one_on_the_same_rows(opener: Opener) -> None:
    store = opener()
    store.write_result(make_result())
    store.write_result(second_report())
    third = second_report("d3", "c.txt")
    third.mentions[0] = replace(third.mentions[0], entity_id="hezb")
    third.entities = [Entity("hezb", EntityType.ARMED_GROUP, "Hizbollah Brigades", [], False, {})]
    store.write_result(third)
    before = state(store)
    first = store.record_judgement(Judgement("kh", "kh-var", Verdict.POSITIVE, 1.0, "user:ana"))
    second = store.record_judgement(Judgement("hezb", "kh", Verdict.POSITIVE, 1.0, "user:ben"))
    assert {m[2] for m in state(store)["mentions"]} == {"hezb"}
    assert decisions.merged_into(store, "kh-var") == "hezb"  # through the chain
    with pytest.raises(ReviewError) as refused:
        store.withdraw_judgement(first)
    assert refused.value.blocked_by == [second]
    assert {m[2] for m in state(store)["mentions"]} == {"hezb"}  # nothing changed
    assert store.withdraw_judgement(second) and store.withdraw_judgement(first)
    assert state(store) == before


def test_proposed_split_found_applied_and_withdrawn(opener: Opener) -> None:
    """factiongraph.review over either backend: the queries behind a proposed split."""
    from factiongraph import review
    from factiongraph.resolve.keys import make_key
    from factiongraph.resolve.resolver import SHORT_FORM_PRODUCER, discovered_id

    store = opener()
    store.write_result(make_result())
    report = second_report()
    own = discovered_id(EntityType.ARMED_GROUP, make_key("Kata'ib Hizbollah"))
    report.mentions[0] = replace(report.mentions[0], entity_id="kh", sentence_start=0, sentence_end=49)
    report.entities = []
    report.judgements = [Judgement("kh", own, Verdict.POSITIVE, 0.6, SHORT_FORM_PRODUCER, "a guess")]
    store.write_result(report)
    before = state(store)
    (candidate,) = review.split_candidates(store)
    assert (candidate["entity_id"], candidate["split_id"], candidate["signal"]) == ("kh", own, "weak")
    # both spellings have one key: every mention of the KB group would go (a KB entity may lose all)
    assert (candidate["mentions"], candidate["documents"], candidate["staying"]) == (2, 2, 0)
    sentences = {e["sentence"] for e in candidate["examples"]}
    assert "Kata'ib Hizbollah members were detained in Dora." in sentences
    decision = review.decide(store, "kh", own, Verdict.NEGATIVE, "ana", "another group")
    assert decision.kind == "split" and get_entity(store, own) is not None
    assert review.split_candidates(store) == []
    assert review.withdraw(store, decision.judgement_id)
    assert state(store) == before


def test_records_loaded_from_an_export_after_a_merge_are_folded_in(opener: Opener) -> None:
    store = opener()
    store.write_result(make_result())
    store.write_result(second_report())
    store.record_judgement(Judgement("kh", "kh-var", Verdict.POSITIVE, 1.0, "user:ana"))
    other = second_report("d4", "d.txt")
    added = store.load([replace(other, mentions=[], entities=[], events=[], relations=[], quotes=[])],
                       other.entities, other.mentions, other.events, other.relations, other.quotes)
    assert added == 1
    assert get_entity(store, "kh-var") is None
    assert {m.doc_id for m in store.iter_mentions() if m.entity_id == "kh"} == {"d1", "d2", "d4"}
