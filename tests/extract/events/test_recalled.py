"""Happenings a sentence recalls with a noun ("his killing in 2020") rather than a verb."""

from __future__ import annotations

import pytest

from factiongraph.extract.events.extractor import EventExtractor

from tests.extract.factory import default_kb, make_context

PUB = "2024-03-05"


@pytest.fixture(scope="module")
def extractor() -> EventExtractor:
    return EventExtractor(default_kb())


def test_a_possessed_killing_with_its_own_date_is_an_event_that_befell_the_possessor(
        extractor: EventExtractor) -> None:
    found = extractor.extract(make_context(
        "Soleimani's killing in January 2020 hardened the factions' stance.", PUB))
    assert [(e.sub_type, e.actors, e.targets) for e in found] == [("Attack", [], ["qasem-soleimani"])]
    assert (found[0].date_start or "").startswith("2020-01")


def test_with_an_of_object_the_possessor_acts(extractor: EventExtractor) -> None:
    found = extractor.extract(make_context(
        "Kataib Hezbollah's abduction of two activists in Basra in May drew wide condemnation.", PUB))
    assert [(e.sub_type, e.actors) for e in found] == [("Abduction/forced disappearance", ["kataib-hezbollah"])]


@pytest.mark.parametrize("text", [
    "The factions swore to avenge Soleimani's killing.",
    "His killing shocked the movement.",
])
def test_a_recalled_killing_with_no_date_or_place_of_its_own_is_no_event(
        extractor: EventExtractor, text: str) -> None:
    assert extractor.extract(make_context(text, PUB)) == []
