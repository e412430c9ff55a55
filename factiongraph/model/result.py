"""What processing one document produced: the unit the store writes in one transaction."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from factiongraph.model.document import Document
from factiongraph.model.entity import Entity
from factiongraph.model.event import Event
from factiongraph.model.mention import Mention
from factiongraph.model.quote import Quote
from factiongraph.model.relation import Relation

if TYPE_CHECKING:
    from factiongraph.model.judgement import Judgement


@dataclass(slots=True)
class DocumentResult:
    """A cleaned document with every claim extracted from it.

    ``signature`` and ``bands`` are its MinHash signature and LSH band keys (near-duplicate index).
    ``near_duplicate_score`` is the estimated similarity to ``document.near_duplicate_of``.
    """

    document: Document
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    judgements: list[Judgement] = field(default_factory=list)
    signature: tuple[int, ...] = ()
    bands: list[str] = field(default_factory=list)
    near_duplicate_score: float | None = None


def claim_id(claim: Event | Relation | Quote) -> str:
    """Return the id of an event, relation or quote (the claim its evidence rows belong to)."""
    if isinstance(claim, Event):
        return claim.event_id
    if isinstance(claim, Relation):
        return claim.relation_id
    return claim.quote_id
