"""The extract stage: events, relations and quotes from an annotated, resolved document."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from factiongraph.extract.view.context import DocContext
from factiongraph.extract.view.docview import DocView
from factiongraph.kb import KnowledgeBase
from factiongraph.model import Document, Event, Evidence, Quote, Relation


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

    def __init__(self, kb: KnowledgeBase, *, today: date | None = None, numeric_date_order: str = "auto") -> None:
        from factiongraph.extract.events.extractor import EventExtractor
        from factiongraph.extract.quotes.extractor import QuoteExtractor
        from factiongraph.extract.relations.extractor import RelationExtractor

        self.kb = kb
        self.events = EventExtractor(kb, today=today, numeric_date_order=numeric_date_order)
        self.relations = RelationExtractor(kb)
        self.quotes = QuoteExtractor(kb)

    def extract(self, ctx: DocContext) -> Extraction:
        """Return the events, relations and quotes of one document."""
        events, _year = self.events.extract_with_year(ctx)
        view = DocView.build(ctx, self.relations.names, self.relations.lexicon)  # shared: built once
        extraction = Extraction(
            events=events,
            relations=self.relations.extract(ctx, view),
            quotes=self.quotes.extract(ctx, view),
        )
        claims: list[Event | Relation | Quote] = [*extraction.events, *extraction.relations, *extraction.quotes]
        for claim in claims:
            claim.evidence = [clip_evidence(ctx.document, ev) for ev in claim.evidence]
        return extraction


def clip_evidence(document: Document, evidence: Evidence) -> Evidence:
    """Return evidence cut back to the block it starts in, without edge whitespace.

    Extractors work on sentences of the whole text; a headline or caption has no final period,
    so a sentence can run on into the byline or page chrome after it. Evidence never should.
    """
    block = document.block_at(evidence.start)
    end = min(evidence.end, block.end) if block is not None else evidence.end
    start = evidence.start
    text = document.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if (start, end) == (evidence.start, evidence.end) or start >= end:
        return evidence
    return replace(evidence, start=start, end=end, text=text[start:end])

__all__ = ["DocContext", "Extraction", "Extractor"]
