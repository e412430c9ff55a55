"""Proposed splits from a store written by hand: which links are proposed, and with which signal."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from factiongraph import review
from factiongraph.model import Entity, EntityType, Mention
from factiongraph.model.judgement import Judgement, Verdict
from factiongraph.model.result import DocumentResult
from factiongraph.resolve.keys import make_key
from factiongraph.resolve.resolver import PARTIAL_NAME_PRODUCER, SHORT_FORM_PRODUCER, discovered_id
from factiongraph.store import open_store
from tests.store.test_sqlite import make_result


def _person_report(doc_id: str, text: str, linked: dict[str, str], score: float = 0.8) -> DocumentResult:
    """A document whose person mentions are linked as ``linked`` says (surface -> entity id), with
    the judgement resolution records for each mention linked to an id other than its own."""
    base = make_result(doc_id, f"{doc_id}.txt", text + "\nDo you like this article?\nNo.")
    mentions, judgements = [], []
    for surface, entity_id in linked.items():
        start = text.index(surface)
        mentions.append(Mention(doc_id, start, start + len(surface), surface, EntityType.PERSON, "model.ner.v1",
                                0.9, entity_id, sentence_start=0, sentence_end=len(text)))
        own = discovered_id(EntityType.PERSON, make_key(surface))
        if own != entity_id:
            producer = PARTIAL_NAME_PRODUCER if len(surface.split()) > 1 else SHORT_FORM_PRODUCER
            judgements.append(Judgement(entity_id, own, Verdict.POSITIVE, score, producer, "linked by a rule"))
    names = {entity_id: max((s for s, e in linked.items() if e == entity_id), key=len) for entity_id in linked.values()}
    return replace(base, mentions=mentions, events=[], relations=[], quotes=[], judgements=judgements,
                   entities=[Entity(e, EntityType.PERSON, n, [], False, {}) for e, n in names.items()],
                   signature=(hash(doc_id) % 1000,), bands=[f"band-{doc_id}"])


@pytest.mark.parametrize("second", ["Ghazi Hussein", "Hussein"])
def test_conflicting_full_names_come_first_among_proposed_splits(tmp_path: Path, second: str) -> None:
    ghazi = discovered_id(EntityType.PERSON, make_key("Ghazi Faisal Hussein"))
    with open_store(tmp_path / "s.db", key_fn=make_key) as store:
        store.write_result(_person_report("d1", "Ghazi Faisal Hussein spoke. Faisal Hussein added.",
                                          {"Ghazi Faisal Hussein": ghazi, "Faisal Hussein": ghazi}))
        store.write_result(_person_report("d2", f"Ghazi Faisal Hussein spoke. {second} added.",
                                          {"Ghazi Faisal Hussein": ghazi, second: ghazi}))
        candidates = review.split_candidates(store)
        conflicts = [c for c in candidates if c["signal"] == "conflict"]
        if second == "Ghazi Hussein":  # shares "Hussein" with "Faisal Hussein", and each lacks a part
            assert candidates[0]["signal"] == "conflict" and len(conflicts) == 2
            assert {c["split_names"][0] for c in conflicts} == {"Faisal Hussein", "Ghazi Hussein"}
            assert "different full names" in conflicts[0]["reason"]
        else:  # a lone surname is no second full name: only the rule's low confidence is a signal
            assert not conflicts and {c["signal"] for c in candidates} == {"weak"}
            assert {c["split_names"][0] for c in candidates} == {"Faisal Hussein", "Hussein"}


def test_a_sure_link_with_no_signal_is_not_proposed(tmp_path: Path) -> None:
    ghazi = discovered_id(EntityType.PERSON, make_key("Ghazi Faisal Hussein"))
    with open_store(tmp_path / "s.db", key_fn=make_key) as store:
        store.write_result(_person_report("d1", "Ghazi Faisal Hussein spoke. Hussein added.",
                                          {"Ghazi Faisal Hussein": ghazi, "Hussein": ghazi}, score=0.85))
        assert review.split_candidates(store) == []
        store.write_result(_person_report("d2", "Saddam Hussein ruled. Hussein fell.",
                                          {"Saddam Hussein": "saddam", "Hussein": "saddam"}, score=0.85))
        (shared, other) = sorted(review.split_candidates(store), key=lambda c: c["entity_id"])
        assert shared["signal"] == other["signal"] == "shared" and "other documents" in shared["reason"]
