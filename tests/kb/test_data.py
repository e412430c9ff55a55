"""Quality checks on the bundled KB data files (not on code): conventions the other stages rely on."""

from __future__ import annotations

import pytest

from factiongraph.kb import KnowledgeBase, find_alias_clashes, load_kb, normalize_name
from factiongraph.model import EntityType

T = EntityType

# Ids and types other stages and the gold guidelines rely on.
EXPECTED_TYPES = {
    "pmf": T.ARMED_GROUP, "isis": T.ARMED_GROUP, "kataib-hezbollah": T.ARMED_GROUP,
    "asaib-ahl-al-haq": T.ARMED_GROUP, "harakat-al-nujaba": T.ARMED_GROUP,
    "badr-organisation": T.ARMED_GROUP, "kataib-sayyid-al-shuhada": T.ARMED_GROUP,
    "saraya-al-khurasani": T.ARMED_GROUP, "kataib-jund-al-imam": T.ARMED_GROUP,
    "ashab-al-kahf": T.ARMED_GROUP, "osba-al-thaerin": T.ARMED_GROUP, "rab-allah": T.ARMED_GROUP,
    "abbas-combat-division": T.ARMED_GROUP, "houthis": T.ARMED_GROUP, "hezbollah": T.ARMED_GROUP,
    "irgc": T.STATE_BODY, "quds-force": T.STATE_BODY, "supreme-national-security-council": T.STATE_BODY,
    "counter-terrorism-service": T.STATE_BODY, "iraqi-intelligence-service": T.STATE_BODY,
    "iraqi-government": T.STATE_BODY, "iraqi-army": T.STATE_BODY, "peshmerga": T.STATE_BODY,
    "iraqi-security-forces": T.STATE_BODY, "security-media-cell": T.STATE_BODY,
    "kurdistan-regional-government": T.STATE_BODY, "kdp": T.POLITICAL_ORG, "hikma": T.POLITICAL_ORG,
    "sadrist-movement": T.POLITICAL_ORG, "nasr-coalition": T.POLITICAL_ORG,
    "unami": T.INTL_ORG, "international-coalition": T.INTL_ORG,
    "iraq": T.COUNTRY, "iran": T.COUNTRY, "united-states": T.COUNTRY,
    "tehran": T.PLACE, "baghdad": T.PLACE, "green-zone": T.PLACE, "us-embassy-baghdad": T.PLACE,
    "salahuddin": T.PLACE, "diyaruna": T.MEDIA_OUTLET, "afp": T.MEDIA_OUTLET,
}
GOVERNORATES = 19
GENERIC_ALIASES = {"the government", "government", "the army", "army", "militia", "the militia",
                   "police", "ministry", "forces", "group", "the group", "coalition", "parliament",
                   "the capital", "capital", "iraqi", "iranian", "american"}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def test_expected_ids_have_guideline_types(kb: KnowledgeBase) -> None:
    wrong = {i: (kb.get(i) and kb.get(i).type) for i, t in EXPECTED_TYPES.items()  # type: ignore[union-attr]
             if kb.get(i) is None or kb.get(i).type is not t}  # type: ignore[union-attr]
    assert wrong == {}


def test_no_name_is_claimed_by_two_records(kb: KnowledgeBase) -> None:
    assert find_alias_clashes(kb.records) == {}


def test_no_generic_aliases(kb: KnowledgeBase) -> None:
    offenders = [(r.id, a) for r in kb for a in r.aliases if normalize_name(a) in GENERIC_ALIASES]
    assert offenders == []


def test_all_governorates_present(kb: KnowledgeBase) -> None:
    governorates = [r for r in kb.by_type(T.PLACE) if r.attributes["admin_level"] == "governorate"
                    and kb.ancestors(r.id)[-1].id == "iraq"]
    assert len(governorates) == GOVERNORATES
    assert all(any("province" in a for a in r.aliases) for r in governorates)


def test_every_place_reaches_a_country_with_coordinates(kb: KnowledgeBase) -> None:
    for record in kb.by_type(T.PLACE):
        chain = [record, *kb.ancestors(record.id)]
        assert chain[-1].type is T.COUNTRY, record.id
        assert any("lat" in r.attributes for r in chain), record.id


def test_countries_have_iso_and_existing_capital(kb: KnowledgeBase) -> None:
    for record in kb.by_type(T.COUNTRY):
        assert len(record.attributes["iso"]) == 2
        capital = record.attributes.get("capital")
        if capital is not None:
            assert kb.ancestors(capital)[-1].id == record.id, record.id


def test_sources_are_notes_not_urls(kb: KnowledgeBase) -> None:
    assert [r.id for r in kb if "http" in r.source or len(r.source) < 10] == []
