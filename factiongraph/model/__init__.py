"""Plain-data records shared by every stage. No I/O, no spaCy, no imports from other packages."""

from factiongraph.model.document import Block, BlockPart, DatePrecision, Document, Metadata, RawDocument
from factiongraph.model.entity import Entity, EntityType
from factiongraph.model.event import Certainty, Event
from factiongraph.model.evidence import Evidence
from factiongraph.model.mention import Mention
from factiongraph.model.quote import Quote
from factiongraph.model.rejection import Rejection, RejectionReason
from factiongraph.model.relation import Predicate, Relation

__all__ = [
    "Block",
    "BlockPart",
    "Certainty",
    "DatePrecision",
    "Document",
    "Entity",
    "EntityType",
    "Event",
    "Evidence",
    "Mention",
    "Metadata",
    "Predicate",
    "Quote",
    "RawDocument",
    "Rejection",
    "RejectionReason",
    "Relation",
]
