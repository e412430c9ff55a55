"""Entities: the canonical things mentions refer to."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class EntityType(StrEnum):
    """Closed vocabulary of entity types (values as in the interchange format)."""

    ARMED_GROUP = "armed_group"
    STATE_BODY = "state_body"
    POLITICAL_ORG = "political_org"
    INTL_ORG = "intl_org"
    PERSON = "person"
    COUNTRY = "country"
    PLACE = "place"
    MEDIA_OUTLET = "media_outlet"


@dataclass(slots=True)
class Entity:
    """A canonical entity. ``in_kb`` is False for entities discovered in text."""

    entity_id: str
    type: EntityType
    name: str
    aliases: list[str] = field(default_factory=list)
    in_kb: bool = True
    attributes: dict[str, object] = field(default_factory=dict)
