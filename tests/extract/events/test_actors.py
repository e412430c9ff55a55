"""Who acts, read from the sentence's structure where the parser's reading needs help."""

from __future__ import annotations

import pytest

from factiongraph.extract.events.extractor import EventExtractor

from tests.extract.factory import default_kb, make_context

PUB = "2024-03-10"


@pytest.fixture(scope="module")
def extractor() -> EventExtractor:
    return EventExtractor(default_kb())


def actors(extractor: EventExtractor, text: str) -> list[list[str]]:
    return [e.actors for e in extractor.extract(make_context(text, PUB))]


@pytest.mark.parametrize(("text", "want"), [
    # the participle that ties unnamed men to a group, read by the parser as the main verb
    ("Gunmen linked to the Islamic State killed four soldiers near Kirkuk on Tuesday.", [["isis"]]),
    ("According to the Iraqi military, gunmen linked to the Islamic State killed four soldiers near Kirkuk "
     "on Tuesday.", [["isis"]]),
    ("Fighters affiliated with Kataib Hezbollah fired rockets at the base on Monday.", [["kataib-hezbollah"]]),
    # a group's own description in a relative clause does not act
    ("The group, which is part of the Popular Mobilisation Forces, fired rockets at the airport on Sunday.",
     [[]]),
    # "hundreds of members of X": X
    ("Hundreds of members of Asaib Ahl al-Haq paraded through central Baghdad on Saturday.",
     [["asaib-ahl-al-haq"]]),
])
def test_actor_from_structure(extractor: EventExtractor, text: str, want: list[list[str]]) -> None:
    assert actors(extractor, text) == want


def test_a_militia_parade_told_with_the_verb_is_a_development(extractor: EventExtractor) -> None:
    found = extractor.extract(make_context(
        "Hundreds of members of Asaib Ahl al-Haq paraded through central Baghdad on Saturday.", PUB))
    assert [(e.type, e.sub_type, e.attrs["label"]) for e in found] == [("Strategic developments", "Other", "parade")]


@pytest.mark.parametrize("text", [
    "A commander of Kataib Hezbollah was killed in a US drone strike in eastern Baghdad on Wednesday.",
    "A commander in Kataib Hezbollah was killed in a US drone strike in eastern Baghdad on Wednesday.",
    "A US drone strike killed a commander with Kataib Hezbollah in eastern Baghdad on Wednesday.",
])
def test_an_unnamed_commander_of_a_group_makes_the_group_a_target(extractor: EventExtractor, text: str) -> None:
    found = extractor.extract(make_context(text, PUB))
    assert [(e.actors, e.targets) for e in found] == [(["united-states"], ["kataib-hezbollah"])]


@pytest.mark.parametrize("text", [
    "Supporters of Kataib Hezbollah gathered at the scene of the strike in Baghdad on Wednesday, chanting slogans.",
    "Hundreds of supporters of the Popular Mobilisation Forces broke into the compound of the embassy in Baghdad "
    "on Tuesday.",
    "Kataib Hezbollah loyalists rallied in Baghdad on Friday.",
])
def test_a_groups_supporters_are_a_crowd_not_the_group(extractor: EventExtractor, text: str) -> None:
    assert actors(extractor, text) == [[]]


@pytest.mark.parametrize(("text", "target"), [
    ("The coalition was officially formed in 2014 to combat the Islamic State.", "isis"),
    ("Kataib Hezbollah formed a new unit on Monday to confront US forces.", "united-states"),
])
def test_whom_a_group_was_formed_against_is_the_target(extractor: EventExtractor, text: str, target: str) -> None:
    assert [e.targets for e in extractor.extract(make_context(text, PUB))] == [[target]]
