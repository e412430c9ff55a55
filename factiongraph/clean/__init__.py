"""The clean stage: RawDocument -> Document (canonical text, classified blocks, metadata).

Reads: ``RawDocument.text``, ``media_type``, ``hints``. Writes: ``Document.text`` (canonical,
stored verbatim; every later offset refers to it), ``blocks`` and ``metadata``.

Plain-text scrapes keep the whole page text (line endings normalised, characters mapped 1:1 by
:func:`factiongraph.model.text.normalize_chars`) and classify every non-blank line. HTML pages are
rebuilt from their parts (title, body and captions in page order, then comments), one block each.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Collection, Mapping, Sequence

from factiongraph.clean.chrome import compile_rules
from factiongraph.clean.dates import date_from_url, format_date, parse_date
from factiongraph.clean.html import HtmlPage, extract_html
from factiongraph.clean.metadata import OutletFinder, find_copyright_holder, find_wire_dateline, outlet_before_date
from factiongraph.clean.unwrap import unwrap
from factiongraph.clean.text import LineClassifier, TextLayout
from factiongraph.model import Block, BlockPart, DatePrecision, Document, Metadata, RawDocument, Rejection, RejectionReason
from factiongraph.model.text import normalize_chars

__all__ = ["Cleaner", "NAME", "PRODUCER", "VERSION", "normalize_text"]

log = logging.getLogger(__name__)

NAME = "clean"
VERSION = 6  # 3: hard-wrapped paragraphs joined (unwrap.py); 4: noscript text dropped, bare fragments read, deep HTML refused; 5: tail tags, source-line stamps, place-name bylines; 6: a one-line report is its body (CHANGELOG)
PRODUCER = f"stage.{NAME}.v{VERSION}"


# How many lines from the top of a page a masthead (the outlet's name on a line of its own) may stand.
MASTHEAD_LINES = 8


def normalize_text(text: str) -> str:
    """Return ``text`` with CRLF/CR line endings as LF, then characters mapped 1:1 to ASCII forms."""
    return normalize_chars(text.replace("\r\n", "\n").replace("\r", "\n"))



# A sentence's end: a headline seldom closes with a full stop, a report's sentence does.
_SENTENCE_END = re.compile(r"[.!?][\"\u201d\u2019')]*$")


def _reads_as_report(line: str | None) -> bool:
    """Return True for a lone line that is a report's sentence, not a headline: it closes with
    sentence punctuation and has at least six words."""
    return line is not None and _SENTENCE_END.search(line.strip()) is not None and len(line.split()) >= 6

class Cleaner:
    """Separates article content from chrome, captions and comments, and reads metadata.

    Build once (compiles the chrome rules and the outlet patterns), then call :meth:`clean` per
    document. ``outlet_names`` are known media outlet names and aliases from the knowledge base;
    an empty list works too (outlets are then inferred from the text's own wording).
    ``numeric_date_order`` (``auto``, ``dmy``, ``mdy``) reads date stamps such as "03/04/2021".

    The publication date is only ever one the page states (a date stamp, page metadata, the
    address's date path) or the container gives (manifest, feed, JSON field): it is never guessed
    from the dates the article reports.
    """

    requires = ("RawDocument.text", "RawDocument.media_type", "RawDocument.hints")
    assigns = ("Document.text", "Document.blocks", "Document.metadata")

    def __init__(self, outlet_names: Sequence[str] = (), numeric_date_order: str = "auto", *,
                 canonical_outlets: Mapping[str, str] | None = None, wire_agencies: Collection[str] = ()) -> None:
        self._rules = compile_rules()
        self._lines = LineClassifier(self._rules, numeric_date_order)
        self._outlets = OutletFinder(outlet_names, canonical_outlets, wire_agencies)

    def clean(self, raw: RawDocument) -> Document | Rejection:
        """Clean one document.

        Args:
            raw: the decoded document from ingest.

        Returns:
            A :class:`Document` whose ``doc_id`` is ``raw.content_hash``, or a ``no-content``
            :class:`Rejection` when no body text remains (``malformed`` when the HTML parser
            gave up part-way, e.g. on elements nested thousands deep).
        """
        if "html" in raw.media_type.lower():
            cleaned = self._clean_html(raw)
            if isinstance(cleaned, Rejection):
                return cleaned
            text, blocks, metadata = cleaned
        else:
            text, blocks, metadata = self._clean_plain(raw)
        if not any(b.part is BlockPart.BODY and text[b.start : b.end] != metadata.title for b in blocks):
            if not _reads_as_report(metadata.title):
                return Rejection(raw.source, RejectionReason.NO_CONTENT, "no body text left after removing chrome")
            # a one-line report ("03/14/2013: Gunmen killed two brothers in Yusufiyah.") is its own
            # body, not a headline over nothing
            metadata.title = None
        self._apply_hints(metadata, raw.hints)
        if metadata.published is None and metadata.url:
            self._fill_published_from_url(metadata, metadata.url)
        return Document(
            doc_id=raw.content_hash,
            source=raw.source,
            text=text,
            blocks=blocks,
            metadata=metadata,
            content_hash=raw.content_hash,
            fetched_at=raw.fetched_at,
            media_type=raw.media_type,
            producer=PRODUCER,
        )

    # ------------------------------------------------------------------ plain text

    def _clean_plain(self, raw: RawDocument) -> tuple[str, list[Block], Metadata]:
        text = unwrap(normalize_text(raw.text))  # hard-wrapped paragraphs: one line each
        layout = self._lines.classify(text)
        blocks = [Block(line.part, line.start, line.end) for line in layout.lines]
        metadata = Metadata(title=layout.title, author=layout.author, section=layout.section, language=None)
        self._fill_published_from_layout(metadata, layout)
        content = [(text[b.start : b.end], b.part is BlockPart.CAPTION) for b in blocks if b.is_content]
        self._fill_outlet(metadata, content, layout.source_note)
        if metadata.outlet is None:
            self._fill_outlet_from_header(metadata, layout)
        if metadata.outlet is None and layout.copyright_note:
            holder = find_copyright_holder(layout.copyright_note)
            metadata.outlet = self._outlets.find_named(holder) if holder else None
            if metadata.outlet:
                metadata.basis["outlet"] = f"explicit: copyright line '{layout.copyright_note}'"
        return text, blocks, metadata

    def _fill_outlet_from_header(self, metadata: Metadata, layout: TextLayout) -> None:
        """Name the publisher from the page's own header: a line near the top that is only a known
        outlet's name (a masthead, "KirkukNow"), or the name a dateline line opens with before its
        date ("Gulan Media June 28, 2021 News"). A wire agency's name is a credit, not the page's."""
        for line in layout.lines[:MASTHEAD_LINES]:
            name = line.text.strip()
            if self._outlets.is_known(name) and not self._outlets.is_wire(name):
                metadata.outlet = self._outlets.canonical(name)
                metadata.basis["outlet"] = f"explicit: masthead line '{name}'"
                return
        named = outlet_before_date(layout.dateline) if layout.dateline else None
        if named and not self._outlets.is_wire(named):
            metadata.outlet = self._outlets.canonical(named)
            metadata.basis["outlet"] = f"explicit: dateline line '{layout.dateline}'"

    @staticmethod
    def _fill_published_from_layout(metadata: Metadata, layout: TextLayout) -> None:
        when = layout.published
        if when is None or when.year is None:
            return
        metadata.published = format_date(when.year, when.month, when.day)
        metadata.published_precision = when.precision
        how = f"; {when.basis}" if when.basis else ""
        metadata.published_basis = f"explicit: dateline '{layout.dateline}'{how}"

    @staticmethod
    def _fill_published_from_url(metadata: Metadata, url: str) -> None:
        when = date_from_url(url)
        if when is None or when.year is None:
            return
        metadata.published = format_date(when.year, when.month, when.day)
        metadata.published_precision = when.precision
        metadata.published_basis = f"explicit: {when.basis} '{when.text}'"

    # ------------------------------------------------------------------ html

    def _clean_html(self, raw: RawDocument) -> tuple[str, list[Block], Metadata] | Rejection:
        page = extract_html(normalize_text(raw.text), self._rules)
        if page.unreadable is not None:
            return Rejection(raw.source, RejectionReason.MALFORMED, page.unreadable)
        text, blocks = _assemble(page)
        text = normalize_chars(text)
        metadata = Metadata(
            title=normalize_chars(page.title) if page.title else None,
            author=page.author,
            outlet=self._outlets.canonical(page.outlet) if page.outlet else None,
            section=page.section,
            language=page.language,
        )
        if page.outlet:
            metadata.basis["outlet"] = f"metadata: {page.outlet_field}"
        if page.published:
            mention = parse_date(page.published)
            if mention is not None and mention.year is not None:
                metadata.published = format_date(mention.year, mention.month, mention.day)
                metadata.published_precision = mention.precision
                metadata.published_basis = f"metadata: {page.published_field}"
        content = [(text[b.start : b.end], b.part is BlockPart.CAPTION) for b in blocks if b.is_content]
        if metadata.outlet is None:
            self._fill_outlet(metadata, content, None)
        return text, blocks, metadata

    # ------------------------------------------------------------------ shared

    def _fill_outlet(self, metadata: Metadata, content: list[tuple[str, bool]], source_note: str | None) -> None:
        """Name the publisher only from what the page says of itself; a wire credit is not it.

        In order: an "Article source:" note; a dateline credit ("Mosul (Agenzia Fides) -") or an
        opening signature ("Shafaq News/ ...") that is not a wire agency's; the outlet the
        article's sources speak to ("told X"), unless the text also cites X as reporting.
        """
        if source_note:
            named = self._outlets.find_named(source_note)
            if named:
                metadata.outlet = self._outlets.canonical(named)
                metadata.basis["outlet"] = f"explicit: source note '{source_note}'"
                return
        for paragraph, is_caption in content[:3]:
            if is_caption:
                continue
            credit = find_wire_dateline(paragraph)
            if credit and not self._outlets.is_wire(credit):
                metadata.outlet = self._outlets.canonical(credit)
                metadata.basis["outlet"] = f"explicit: dateline credit '({credit})'"
                return
            opener = self._outlets.find_opener(paragraph)
            if opener:
                metadata.outlet = opener
                metadata.basis["outlet"] = "explicit: the article opens with the outlet's name"
                return
            if credit:
                break  # a wire agency's copy: who published this page is not written here
        else:
            guess = self._outlets.find_outlet("\n".join(t for t, _ in content))
            if guess is not None:
                metadata.outlet = guess.name
                metadata.basis["outlet"] = guess.basis
                log.debug("%s", guess.basis)

    @staticmethod
    def _apply_hints(metadata: Metadata, hints: Metadata) -> None:
        """Let explicit container metadata (feed item, JSON fields) win over what was read."""
        metadata.take_text_fields(hints)
        if hints.published:
            mention = parse_date(hints.published)
            metadata.published = (
                format_date(mention.year, mention.month, mention.day)
                if mention is not None and mention.year is not None
                else hints.published
            )
            metadata.published_precision = (
                hints.published_precision or (mention.precision if mention is not None else None) or DatePrecision.DAY
            )
            metadata.published_basis = hints.published_basis or "metadata: source hint 'published'"


def _assemble(page: HtmlPage) -> tuple[str, list[Block]]:
    """Join the page's parts with blank lines and return the text with one block per part."""
    pieces: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for part in page.parts:
        if pieces:
            pieces.append("\n\n")
            offset += 2
        pieces.append(part.text)
        blocks.append(Block(part.part, offset, offset + len(part.text)))
        offset += len(part.text)
    return "".join(pieces), blocks
