"""The extract stage: events, relations and quotes from an annotated, resolved document."""

from __future__ import annotations

from dataclasses import dataclass, field

from factiongraph.extract.context import DocContext
from factiongraph.kb import KnowledgeBase
from factiongraph.model import Event, Quote, Relation


@dataclass(slots=True)
class Extraction:
    """What the extract stage found in one document."""

    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


class Extractor:
    """Build the rule sets once; call :meth:`extract` per document."""

    NAME = "stage.extract"
    VERSION = 1

    def __init__(self, kb: KnowledgeBase) -> None:
        from factiongraph.extract.events import EventExtractor
        from factiongraph.extract.quotes import QuoteExtractor
        from factiongraph.extract.relations import RelationExtractor

        self.kb = kb
        self.events = EventExtractor(kb)
        self.relations = RelationExtractor(kb)
        self.quotes = QuoteExtractor(kb)

    def extract(self, ctx: DocContext) -> Extraction:
        """Return the events, relations and quotes of one document."""
        return Extraction(
            events=self.events.extract(ctx),
            relations=self.relations.extract(ctx),
            quotes=self.quotes.extract(ctx),
        )


__all__ = ["DocContext", "Extraction", "Extractor"]
