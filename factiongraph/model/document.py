"""Documents, their blocks and their metadata."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class BlockPart(StrEnum):
    """What a span of the canonical text is."""

    BODY = "body"
    CAPTION = "caption"
    COMMENT = "comment"
    BOILERPLATE = "boilerplate"


class DatePrecision(StrEnum):
    """How precise a date is."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


@dataclass(slots=True, frozen=True)
class Block:
    """A span ``[start, end)`` of the canonical text, classified by ``part``."""

    part: BlockPart
    start: int
    end: int

    @property
    def is_content(self) -> bool:
        """Return True for article content (body and captions), False for chrome and comments."""
        return self.part in (BlockPart.BODY, BlockPart.CAPTION)


@dataclass(slots=True)
class Metadata:
    """What the cleaner read about a document.

    ``published`` is ISO 8601 at ``published_precision`` (``2020-06-25``, ``2020-06``, ``2020``).
    ``published_basis`` is ``explicit: ...``, ``metadata: ...`` or ``inferred: <reason>``.
    ``url`` is the page's address when known (a manifest, a feed item's link, the fetched URL).
    ``basis`` says, for the other fields that were set from somewhere other than the page text,
    where they came from (``{"outlet": "metadata: manifest"}``); a field read from the text has
    no entry unless the reader recorded one (``inferred: ...``).
    """

    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: str | None = None
    published_precision: DatePrecision | None = None
    published_basis: str | None = None
    section: str | None = None
    language: str | None = None
    url: str | None = None
    basis: dict[str, str] = field(default_factory=dict)

    def take_text_fields(self, other: Metadata) -> None:
        """Set every text field ``other`` gives (title, author, outlet, section, language, url) here,
        with its basis (a value without a basis drops the old one)."""
        for name in TEXT_FIELDS:
            value = getattr(other, name)
            if value:
                setattr(self, name, value)
                if name in other.basis:
                    self.basis[name] = other.basis[name]
                else:
                    self.basis.pop(name, None)


TEXT_FIELDS = ("title", "author", "outlet", "section", "language", "url")
"""The metadata fields that hold a name or a value as text (not the publication date)."""


@dataclass(slots=True)
class Document:
    """An ingested, cleaned document. ``text`` is canonical: every offset refers to it."""

    doc_id: str
    source: str
    text: str
    blocks: list[Block] = field(default_factory=list)
    metadata: Metadata = field(default_factory=Metadata)
    content_hash: str = ""
    fetched_at: str | None = None
    media_type: str = "text/plain"
    near_duplicate_of: str | None = None
    producer: str = ""
    outlet_id: str | None = None
    """The ``media_outlet`` entity that published the document (set by resolve), if known."""

    def content_spans(self) -> list[Block]:
        """Return the body and caption blocks, in text order."""
        return [b for b in self.blocks if b.is_content]

    def block_at(self, offset: int) -> Block | None:
        """Return the block that contains character ``offset``, if any."""
        for block in self.blocks:
            if block.start <= offset < block.end:
                return block
        return None


@dataclass(slots=True)
class RawDocument:
    """What ``ingest`` hands to ``clean``: decoded text plus what the container said about it.

    ``content_hash`` is the SHA-256 of the exact bytes read and becomes the document's ``doc_id``.
    ``media_type`` is ``text/plain`` or ``text/html``. ``hints`` holds metadata given by the
    container (feed item, JSON fields, HTTP headers); the cleaner prefers explicit hints.
    """

    source: str
    text: str
    media_type: str
    content_hash: str
    fetched_at: str | None = None
    hints: Metadata = field(default_factory=Metadata)
