"""Tests for factiongraph.kb.base: look-ups by id, name, place, ancestry and role."""

from __future__ import annotations

import pytest

from factiongraph.kb import KnowledgeBase, load_kb
from factiongraph.model import EntityType


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def test_get_and_by_type(kb: KnowledgeBase) -> None:
    record = kb.get("pmf")
    assert record is not None and record.type is EntityType.ARMED_GROUP
    assert {"PMF", "PMU", "Popular Mobilization Forces", "al-Hashd al-Shaabi"} <= set(record.aliases)
    assert kb.get("no-such-id") is None
    assert all(r.type is EntityType.PERSON for r in kb.by_type(EntityType.PERSON))


@pytest.mark.parametrize("name, expected", [
    ("Kataib Hizbullah", "kataib-hezbollah"),
    ("KATA'IB HIZBALLAH", "kataib-hezbollah"),
    ("Hezbollah", "hezbollah"),
    ("Popular Mobilisation Forces", "pmf"),
    ("U.S.", "united-states"),
    ("IRGC-QF", "quds-force"),
    ("Daesh", "isis"),
])
def test_lookup_by_alias(kb: KnowledgeBase, name: str, expected: str) -> None:
    assert [r.id for r in kb.lookup(name)] == [expected]


def test_lookup_filters_by_type(kb: KnowledgeBase) -> None:
    assert kb.lookup("Iraq", types=(EntityType.PERSON,)) == []


def test_ancestors_chain_ends_at_country(kb: KnowledgeBase) -> None:
    assert [r.id for r in kb.ancestors("al-dora")] == ["baghdad", "baghdad-governorate", "iraq"]
    assert [r.id for r in kb.ancestors("erbil")] == ["erbil-governorate", "kurdistan-region", "iraq"]
    assert [r.id for r in kb.ancestors("tehran")] == ["iran"]
    assert kb.ancestors("iraq") == [] and kb.ancestors("no-such-place") == []


@pytest.mark.parametrize("year, expected", [
    (2016, ["haidar-al-abadi"]),
    (2019, ["adil-abdul-mahdi"]),
    (2021, ["mustafa-al-kadhimi"]),
    (2022, ["mustafa-al-kadhimi", "mohammed-shia-al-sudani"]),
    (2025, ["mohammed-shia-al-sudani"]),
])
def test_prime_ministers_of_iraq(kb: KnowledgeBase, year: int, expected: list[str]) -> None:
    assert [r.id for r in kb.role_holders("Prime Minister", "iraq", year)] == expected


def test_role_holders_reads_org_leaders_and_ignores_case(kb: KnowledgeBase) -> None:
    assert [r.id for r in kb.role_holders("commander", "quds-force", 2019)] == ["qasem-soleimani"]
    assert [r.id for r in kb.role_holders("Commander", "quds-force", 2023)] == ["esmail-qaani"]
    assert [r.id for r in kb.role_holders("Chief of Staff", "pmf", 2024)] == ["abu-fadak-al-mohammadawi"]
    assert kb.role_holders("Prime Minister", "iraq", 1990) == []
    assert kb.role_holders("Emperor", "iraq", 2021) == []


@pytest.mark.parametrize("name, expected", [
    ("Salah al-Din", "salahuddin"),
    ("Saladin province", "salahuddin"),
    ("Dora", "al-dora"),
    ("al-Mansour", "mansour"),
    ("International Zone", "green-zone"),
    ("Basra", "basra"),
    ("Basra province", "basra-governorate"),
    ("Iraq", "iraq"),
    ("Kataib Hezbollah", None),
])
def test_lookup_place_in_kb(kb: KnowledgeBase, name: str, expected: str | None) -> None:
    record = kb.lookup_place(name)
    assert (record.id if record else None) == expected


def test_to_entity_is_plain_and_mutable(kb: KnowledgeBase) -> None:
    record = kb.get("kataib-hezbollah")
    assert record is not None
    entity = record.to_entity()
    assert entity.entity_id == "kataib-hezbollah" and entity.in_kb
    assert entity.attributes["pmf_brigades"] == [45, 46, 47]
    assert entity.attributes["arabic"] == record.arabic
    entity.aliases.append("x")
    assert "x" not in record.aliases
