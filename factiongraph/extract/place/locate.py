"""Event location: the most specific place named around an event, geocoded through the KB.

A place's precision comes from its record's ``admin_level`` (neighbourhoods, landmarks and bases
are finer than cities, cities finer than governorates, countries coarsest). Coordinates come from
the record or, failing that, from its nearest ancestor that has them. Only the event's own
sentence is searched.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from factiongraph.model import Entity, EntityType, Mention

log = logging.getLogger(__name__)

# admin_level (as written in KB records) -> (rank, geo_precision); lower rank = more specific.
ADMIN_LEVELS: dict[str, tuple[int, str]] = {
    "neighbourhood": (0, "neighbourhood"), "neighborhood": (0, "neighbourhood"),
    "landmark": (0, "neighbourhood"), "base": (0, "neighbourhood"), "zone": (0, "neighbourhood"),
    "site": (0, "neighbourhood"), "village": (1, "city"), "town": (1, "city"),
    "city": (1, "city"), "district": (2, "city"), "governorate": (3, "governorate"),
    "province": (3, "governorate"), "region": (4, "governorate"), "country": (5, "country"),
}
COUNTRY_RANK = ADMIN_LEVELS["country"][0]
DEMONYM_END = re.compile(r"(?:ans|is|ese)$")


@dataclass(frozen=True, slots=True)
class Location:
    """A geocoded event location and how it was found."""

    entity_id: str
    name: str
    lat: float | None
    lon: float | None
    precision: str
    basis: str
    confidence: float


def rank_place(entity: Entity) -> tuple[int, str]:
    """Return (rank, geo_precision) of a place or country record (unknown levels count as city)."""
    if entity.type is EntityType.COUNTRY:
        return ADMIN_LEVELS["country"]
    level = str(entity.attributes.get("admin_level") or "city").lower()
    return ADMIN_LEVELS.get(level, ADMIN_LEVELS["city"])


def _as_float(value: object) -> float | None:
    try:
        return None if value is None else float(str(value))
    except ValueError:
        return None


def as_entity(record: Any) -> Entity | None:
    """Return a ``model.Entity`` for an Entity or a KB record (anything with ``to_entity``)."""
    if isinstance(record, Entity):
        return record
    to_entity = getattr(record, "to_entity", None)
    return to_entity() if callable(to_entity) else None


def _ancestor_records(kb: Any, entity_id: str) -> list[Any]:
    """Return the KB ancestors of a place, nearest first, as the KB holds them (Entity or record).

    Not converted to ``Entity``: callers read ids and coordinates, and a conversion copies all
    attributes.
    """
    try:
        chain: Iterable[Any] = kb.ancestors(entity_id) or []
    except (AttributeError, KeyError):
        return []
    out: list[Any] = []
    for item in chain:
        record = kb.get(item) if isinstance(item, str) else item
        if isinstance(record, Entity) or callable(getattr(record, "to_entity", None)):
            out.append(record)
    return out


def _record_id(record: Any) -> str:
    if isinstance(record, Entity):
        return record.entity_id
    ident = getattr(record, "id", None)
    return str(ident) if ident is not None else record.to_entity().entity_id


def ancestor_ids(kb: Any, entity_id: str) -> list[str]:
    """Return the ids of a place's ancestors (parent first), empty when unknown."""
    return [_record_id(r) for r in _ancestor_records(kb, entity_id)]


def find_coordinates(kb: Any, entity: Entity) -> tuple[float | None, float | None]:
    """Return the record's lat/lon, else those of its nearest ancestor that has them."""
    for record in [entity, *_ancestor_records(kb, entity.entity_id)]:
        lat, lon = _as_float(record.attributes.get("lat")), _as_float(record.attributes.get("lon"))
        if lat is not None and lon is not None:
            return lat, lon
    return None, None


def is_demonym(text: str, name: str) -> bool:
    """Return True if a mention names a country's people ("Iranians", "Iraqis"), not the place.

    A single word in a plural people-form ("-ans", "-is", "-ese") that is not the place's own
    name: the people acted, nothing says where.
    """
    return " " not in text.strip() and text.casefold() != name.casefold() \
        and bool(DEMONYM_END.search(text)) and text[:1].isupper()


def _place_of(mention: Mention, entities: dict[str, Entity], kb: Any) -> Entity | None:
    """Return the place/country record a mention names, through resolution or the gazetteer."""
    if mention.entity_id is not None:
        entity = entities.get(mention.entity_id) or as_entity(kb.get(mention.entity_id))
        if entity is not None and entity.type in (EntityType.PLACE, EntityType.COUNTRY):
            return None if is_demonym(mention.text, entity.name) else entity
        if entity is not None or mention.type not in (EntityType.PLACE, EntityType.COUNTRY):
            return None
    elif mention.type not in (EntityType.PLACE, EntityType.COUNTRY):
        return None
    try:
        found = kb.lookup_place(mention.text)
        if found is None and hasattr(kb, "place_by_letters"):
            found = kb.place_by_letters(mention.text)  # "Khaniqeen": Khanaqin spelt otherwise
    except (AttributeError, KeyError):
        return None
    if isinstance(found, list):
        found = found[0] if found else None
    return as_entity(found)


def _country_of(kb: Any, entity_id: str) -> str | None:
    """Return the id of the country the KB puts a place in, else None."""
    for record in _ancestor_records(kb, entity_id):
        entity = as_entity(record)
        if entity is not None and entity.type is EntityType.COUNTRY:
            return entity.entity_id
    return None


def pick_place(candidates: Sequence[tuple[Mention, Entity]], kb: Any,
               inside: Mapping[str, Collection[str]] | None = None) -> Entity | None:
    """Return the most specific place; ties go to a place nested in another candidate, then the first.

    Only countries, and more than one: none (the happening spans them, no single place holds it).
    ``inside`` maps a place to the places the text puts it in ("the Abu Ghraib district of
    Baghdad"): such a container is never chosen over the place it holds.
    """
    if not candidates:
        return None
    ids = {e.entity_id for _, e in candidates}
    below = {_country_of(kb, e.entity_id) for _, e in candidates if rank_place(e)[0] != COUNTRY_RANK}
    if len(below - {None}) > 1:
        return None  # "strikes on al-Qaim and Albu Kamal": places in two countries, no one place holds them
    # "the Qadisiya neighbourhood of Samarra" read as Qadisiyah governorate: the text puts a province
    # (or a place the gazetteer has holding it) inside a town, so the name is another place's
    ranks = {e.entity_id: rank_place(e)[0] for _, e in candidates}
    province = ADMIN_LEVELS["governorate"][0]
    misread = {inner for inner, outers in (inside or {}).items() if inner in ids
               and any(inner in ancestor_ids(kb, outer)
                       or (ranks[inner] >= province and ranks.get(outer, province) < province) for outer in outers)}
    if misread and any(e.entity_id not in misread for _, e in candidates):
        candidates = [(m, e) for m, e in candidates if e.entity_id not in misread]
        ids -= misread
    held_by = {outer for inner, outers in (inside or {}).items() if inner in ids for outer in outers}
    if held_by and any(e.entity_id not in held_by for _, e in candidates):
        candidates = [(m, e) for m, e in candidates if e.entity_id not in held_by]
    if all(rank_place(e)[0] == COUNTRY_RANK for _, e in candidates) and len(ids) > 1:
        return None  # "strikes in Iraq and Syria": no one place (ACLED would count an event per country)
    best: tuple[int, int, int] | None = None
    chosen: Entity | None = None
    for order, (_, entity) in enumerate(candidates):
        rank, _ = rank_place(entity)
        nested = 0 if ids & set(ancestor_ids(kb, entity.entity_id)) else 1
        key = (rank, nested, order)
        if best is None or key < best:
            best, chosen = key, entity
    return chosen


def locate_span(mentions: Sequence[Mention], entities: dict[str, Entity], kb: Any,
                basis: str, confidence: float, *, max_rank: int = COUNTRY_RANK,
                inside: Mapping[str, Collection[str]] | None = None) -> Location | None:
    """Return the most specific place among ``mentions`` (ranks above ``max_rank`` ignored;
    ``inside``: the text's nesting, as for :func:`pick_place`)."""
    candidates: list[tuple[Mention, Entity]] = []
    for mention in mentions:
        entity = _place_of(mention, entities, kb)
        if entity is not None and rank_place(entity)[0] <= max_rank:
            candidates.append((mention, entity))
    chosen = pick_place(candidates, kb, inside)
    if chosen is None:
        return None
    lat, lon = find_coordinates(kb, chosen)
    return Location(chosen.entity_id, chosen.name, lat, lon, rank_place(chosen)[1], basis, confidence)


def locate_event(clause: Sequence[Mention], entities: dict[str, Entity], kb: Any,
                 inside: Mapping[str, Collection[str]] | None = None) -> Location | None:
    """Return the event location: the most specific place written in the event's sentence.

    Neighbouring sentences are not searched: a report that does not say where an event happened
    leaves its place unknown (a place from the sentence before usually belongs to another event).
    "The area" is resolved by the caller to an earlier event's place.

    Args:
        clause: content mentions inside the event's clause or sentence.
        entities: resolved entity records by id.
        kb: the knowledge base (``get``, ``ancestors``, ``lookup_place``).
        inside: places the text puts inside others ("X district of Y"), see :func:`pick_place`.
    """
    return locate_span(clause, entities, kb, "clause", 0.9, inside=inside)


def place_contains(kb: Any, outer_id: str, inner_id: str) -> bool:
    """Return True if ``inner_id`` is ``outer_id`` or lies inside it in the KB's place tree."""
    return outer_id == inner_id or outer_id in ancestor_ids(kb, inner_id)


def story_country(kb: Any, mentions: Sequence[Mention], types: Callable[[Mention], EntityType | None]) -> str | None:
    """Return the country a story is set in: the one its places and countries name most often.

    Each country mention counts for itself, each place mention for the country the knowledge
    base puts it in. None unless one country is named at least twice and more often than any other.
    """
    votes: dict[str, int] = {}
    for m in mentions:
        if not m.entity_id:
            continue
        kind = types(m)
        if kind is EntityType.COUNTRY:
            country: str | None = m.entity_id
        elif kind is EntityType.PLACE:
            country = next((a for a in ancestor_ids(kb, m.entity_id)
                            if (r := kb.get(a)) is not None and r.type is EntityType.COUNTRY), None)
        else:
            country = None
        if country is not None:
            votes[country] = votes.get(country, 0) + 1
    ranked = sorted(votes.values(), reverse=True)
    if not ranked or ranked[0] < 2 or (len(ranked) > 1 and ranked[1] == ranked[0]):
        return None
    return next(c for c in votes if votes[c] == ranked[0])
