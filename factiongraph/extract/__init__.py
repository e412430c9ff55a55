"""The extract stage: events, relations and quotes from an annotated, resolved document."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from factiongraph.extract.context import DocContext
from factiongraph.extract.docview import DocView
from factiongraph.kb import KnowledgeBase
from factiongraph.model import Document, Event, Evidence, Quote, Relation
from factiongraph.model.document import DatePrecision


@dataclass(slots=True)
class Extraction:
    """What the extract stage found in one document.

    ``inferred_published`` is ``(ISO value, precision, basis)`` when the document had no
    publication date (or only the cleaner's guess) and the text narrowed its year (basis
    ``inferred: <reasons>``). The extractor has already written it to the document's metadata,
    so relations and quotes are dated by it too. None otherwise.
    """

    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    inferred_published: tuple[str, DatePrecision, str] | None = None


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
        events, year = self.events.extract_with_year(ctx)
        inferred = year.published() if year is not None else None
        apply_inferred_published(ctx.document, inferred)
        view = DocView.build(ctx, self.relations.names, self.relations.lexicon)  # shared: built once
        extraction = Extraction(
            events=events,
            relations=self.relations.extract(ctx, view),
            quotes=self.quotes.extract(ctx, view),
            inferred_published=inferred,
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

def apply_inferred_published(document: Document, inferred: tuple[str, DatePrecision, str] | None) -> None:
    """Write an inferred publication date when the cleaner found none (or only guessed one).

    A date the cleaner read (dateline, page metadata, feed) is never replaced; its own guess
    (basis ``inferred: ...``) is, because the year inference used that guess as a lower bound.
    """
    meta = document.metadata
    if inferred is None or (meta.published is not None and not (meta.published_basis or "").startswith("inferred")):
        return
    meta.published, meta.published_precision, meta.published_basis = inferred


__all__ = ["DocContext", "Extraction", "Extractor", "apply_inferred_published"]
