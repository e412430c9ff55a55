"""Event location: most specific place wins, coordinates from the record or an ancestor."""

from __future__ import annotations

from types import MappingProxyType

from factiongraph.extract.events.extractor import EventExtractor
from factiongraph.extract.place.locate import (
    find_coordinates,
    is_demonym,
    locate_event,
    locate_span,
    place_contains,
    rank_place,
)
from factiongraph.kb.base import KnowledgeBase
from factiongraph.kb.record import KBRecord
from factiongraph.model import EntityType, Mention

from tests.extract.factory import default_kb, make_context


def mention(entity_id: str, start: int, etype: EntityType = EntityType.PLACE) -> Mention:
    return Mention(doc_id="d", start=start, end=start + 3, text=entity_id, type=etype,
                   producer="test", entity_id=entity_id)


def test_most_specific_place_wins_whatever_the_order() -> None:
    kb = default_kb()
    entities = {i: kb.get(i).to_entity() for i in ("iraq", "baghdad-governorate", "baghdad", "al-dora")}
    ms = [mention("iraq", 0, EntityType.COUNTRY), mention("baghdad-governorate", 10),
          mention("al-dora", 20), mention("baghdad", 30)]
    loc = locate_span(ms, entities, kb, "clause", 0.9)
    assert loc is not None and loc.entity_id == "al-dora" and loc.precision == "neighbourhood"
    assert loc.lat is not None and loc.lon is not None
    loc = locate_span(ms[:2], entities, kb, "clause", 0.9)
    assert loc is not None and (loc.entity_id, loc.precision) == ("baghdad-governorate", "governorate")
    loc = locate_span(ms[:1], entities, kb, "clause", 0.9)
    assert loc is not None and loc.precision == "country"


def test_rank_of_admin_levels() -> None:
    kb = default_kb()
    assert rank_place(kb.get("al-dora").to_entity())[1] == "neighbourhood"
    assert rank_place(kb.get("balad").to_entity())[1] == "city"
    assert rank_place(kb.get("salahuddin").to_entity())[1] == "governorate"
    assert rank_place(kb.get("iraq").to_entity())[1] == "country"


def test_neighbouring_sentences_are_not_searched() -> None:
    kb = default_kb()
    entities = {i: kb.get(i).to_entity() for i in ("iraq", "basra")}
    assert locate_event([], entities, kb) is None
    loc = locate_event([mention("iraq", 0, EntityType.COUNTRY), mention("basra", 9)], entities, kb)
    assert loc is not None and loc.entity_id == "basra" and loc.basis == "clause"


def test_place_of_previous_sentence_is_not_the_event_place() -> None:
    events = EventExtractor(default_kb()).extract(make_context(
        "Gunmen opened fire on a checkpoint in Basra on Monday. "
        "Police arrested two suspects on Wednesday.", "2021-03-10"))
    arrest = next(e for e in events if e.sub_type == "Arrests")
    assert arrest.location_id is None


def test_coordinates_come_from_nearest_ancestor_when_missing() -> None:
    records = {
        "land": KBRecord("land", EntityType.COUNTRY, "Land",
                         attributes=MappingProxyType({"lat": 1.0, "lon": 2.0})),
        "town": KBRecord("town", EntityType.PLACE, "Town",
                         attributes=MappingProxyType({"admin_level": "city", "parent": "land",
                                                      "lat": 3.0, "lon": 4.0})),
        "quarter": KBRecord("quarter", EntityType.PLACE, "Quarter",
                            attributes=MappingProxyType({"admin_level": "neighbourhood", "parent": "town"})),
    }
    kb = KnowledgeBase(records, version="test")
    quarter = kb.get("quarter")
    assert quarter is not None
    assert find_coordinates(kb, quarter.to_entity()) == (3.0, 4.0)
    assert place_contains(kb, "land", "quarter") and not place_contains(kb, "quarter", "land")


def test_events_geocode_phrases_from_text() -> None:
    extractor = EventExtractor(default_kb())
    near = extractor.extract(make_context(
        "On Monday, gunmen killed three shepherds near Balad, in Salahuddin province.", "2021-04-14"))
    assert [(e.location_id, e.geo_precision) for e in near] == [("balad", "city")]
    area = extractor.extract(make_context(
        "On Monday, Kataib Hezbollah threatened to burn offices in Baghdad's Mansour area.", "2021-04-14"))
    assert [e.location_id for e in area] == ["mansour"]


def test_a_peoples_name_is_not_a_place() -> None:
    assert is_demonym("Iranians", "Iran") and is_demonym("Iraqis", "Iraq") and is_demonym("Americans", "United States")
    assert not is_demonym("Iraq", "Iraq") and not is_demonym("Paris", "Paris")
    assert not is_demonym("United States", "United States") and not is_demonym("Basra", "Basra")


def test_people_named_by_nationality_do_not_place_the_event() -> None:
    found = EventExtractor(default_kb()).extract(make_context(
        "The Iranians welcomed the arrest of two Kataib Hezbollah members on Monday.", "2022-05-02"))
    assert found and all(e.location_id != "iran" for e in found)
