"""What every extractor reads: one document, its parse and its resolved mentions."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from factiongraph.kb import KnowledgeBase
from factiongraph.extract.view.syntax import Syntax
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
    _content: tuple[Mention, ...] = ()
    _content_starts: list[int] = field(default_factory=list)
    _sents: list[Any] | None = None
    _lowers: list[str] | None = None
    _syntax: Syntax | None = None

    def __post_init__(self) -> None:
        self.mentions_by_start = {m.start: m for m in self.mentions}
        self._content = tuple(sorted((m for m in self.mentions if m.in_content), key=lambda m: m.start))
        self._content_starts = [m.start for m in self._content]

    def spacy_text(self) -> str:
        """Return the parsed text (boilerplate blanked), built once: ``Doc.text`` re-joins on every call."""
        if self._spacy_text is None:
            self._spacy_text = self.spacy_doc.text if self.spacy_doc is not None else self.document.text
        return self._spacy_text

    def span_text(self, span: Any) -> str:
        """Return a spaCy span's text from the parsed text (``Span.text`` re-joins its tokens)."""
        return self.spacy_text()[span.start_char:span.end_char]

    def syntax(self) -> Syntax:
        """Return the dependency parse read through the content mentions, built once.

        ``syntax().available`` is False when the document was not parsed (setting ``parse``).
        """
        if self._syntax is None:
            self._syntax = Syntax.of(self.spacy_doc, self._content,
                                     self.spacy_text() if self.spacy_doc is not None else None)
        return self._syntax

    def lowers(self) -> list[str]:
        """Return every token's lowercase text, by token index, built once (one pass over the parse)."""
        if self._lowers is None:
            self._lowers = lowercase_tokens(self.spacy_doc) if self.spacy_doc is not None else []
        return self._lowers

    def sents(self) -> list[Any]:
        """Return the parse's sentences, built once (``Doc.sents`` walks every token per call)."""
        if self._sents is None:
            self._sents = list(self.spacy_doc.sents) if self.spacy_doc is not None else []
        return self._sents

    def content_mentions(self) -> list[Mention]:
        """Return mentions in body and caption blocks, in text order (a fresh list)."""
        return list(self._content)

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        """Return content mentions lying inside ``[start, end)``, in text order."""
        i = bisect_left(self._content_starts, start)
        j = bisect_left(self._content_starts, end, lo=i)
        return [m for m in self._content[i:j] if m.end <= end]

    def entity(self, entity_id: str | None) -> Entity | None:
        """Return the entity record for an id, if any."""
        return None if entity_id is None else self.entities.get(entity_id)


def lowercase_tokens(doc: Any) -> list[str]:
    """Return every token's ``lower_`` of a spaCy ``Doc``, by token index.

    Read from the doc's LOWER column and the string store: making a ``Token`` per word to ask
    for its ``lower_`` costs twice as much.
    """
    strings = doc.vocab.strings
    return [strings[key] for key in doc.to_array("LOWER").tolist()]
