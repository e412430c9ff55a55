"""Relations between entities."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from factiongraph.model.evidence import Evidence


class Predicate(StrEnum):
    """Closed vocabulary of relation predicates."""

    LEADER_OF = "leader_of"
    HOLDS_ROLE = "holds_role"
    MEMBER_OF = "member_of"
    PART_OF = "part_of"
    AFFILIATED_WITH = "affiliated_with"
    POSSIBLY_SAME_AS = "possibly_same_as"
    BACKED_BY = "backed_by"
    COMMANDS = "commands"
    OPPOSES = "opposes"
    LOCATED_IN = "located_in"


@dataclass(slots=True)
class Relation:
    """A (subject, predicate, object) claim with the time it was reported valid."""

    relation_id: str
    subject_id: str
    predicate: Predicate
    object_id: str
    attrs: dict[str, object] = field(default_factory=dict)
    valid_from: str | None = None
    valid_to: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
