"""What every extractor reads: one document, its parse and its resolved mentions."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from factiongraph.kb import KnowledgeBase
from factiongraph.model import Document, Entity, Mention


@dataclass(slots=True)
class DocContext:
    """The input of the extract stage for one document.

    ``spacy_doc`` is the spaCy ``Doc`` over ``document.text`` (offsets are exact; boilerplate may
    have been blanked to spaces). ``mentions`` carry ``entity_id`` from resolution; ``entities``
    maps those ids to records. Only mentions with ``in_content`` True are reporting.
    """

    document: Document
    spacy_doc: Any
    mentions: list[Mention]
    entities: dict[str, Entity]
    kb: KnowledgeBase
    mentions_by_start: dict[int, Mention] = field(default_factory=dict)
    _spacy_text: str | None = None

    def __post_init__(self) -> None:
        self.mentions_by_start = {m.start: m for m in self.mentions}

    def spacy_text(self) -> str:
        """Return the parsed text (boilerplate blanked), built once: ``Doc.text`` re-joins on every call."""
        if self._spacy_text is None:
            self._spacy_text = self.spacy_doc.text if self.spacy_doc is not None else self.document.text
        return self._spacy_text

    def content_mentions(self) -> list[Mention]:
        """Return mentions in body and caption blocks, in text order."""
        return sorted((m for m in self.mentions if m.in_content), key=lambda m: m.start)

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        """Return content mentions lying inside ``[start, end)``, in text order."""
        return [m for m in self.content_mentions() if m.start >= start and m.end <= end]

    def entity(self, entity_id: str | None) -> Entity | None:
        """Return the entity record for an id, if any."""
        return None if entity_id is None else self.entities.get(entity_id)
