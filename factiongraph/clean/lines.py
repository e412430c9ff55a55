"""The lines of a plain-text scrape and what the classifier decides about each.

Shared by the passes of :mod:`factiongraph.clean.text` and :mod:`factiongraph.clean.positions`:
a pass reads a line's text and its neighbours' labels, and labels it with :func:`set_part`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from factiongraph.clean.chrome import collapse_line
from factiongraph.clean.dates import DateMention
from factiongraph.model import BlockPart

_PARAGRAPH_END = re.compile(r"[.!?…][\"')\]]*$")
_SENTENCE_END = re.compile(r"[.…][\"')\]]*$")

# Words that make a run of words a sentence rather than a list of labels ("Gulan Media ... News",
# "middle east  oriental churches" are labels; "protests continue in Baghdad on ..." is not).
FUNCTION_WORDS = frozenset(
    "the a an of to in at for with by from and or but is are was were be been being has have had "
    "said says say will would could should may might that this these those which who whom what as "
    "after before than it its he she they we his her their our".split()
)


@dataclass(slots=True)
class Line:
    """One non-blank line of the canonical text and what the classifier decided about it."""

    start: int
    end: int
    text: str
    key: str
    part: BlockPart = BlockPart.BODY
    rule: str = ""
    role: str = ""

    @property
    def words(self) -> int:
        """Return the number of whitespace-separated words."""
        return len(self.text.split())


@dataclass(slots=True)
class TextLayout:
    """The classified lines plus what the header told about the article."""

    lines: list[Line]
    title: str | None = None
    author: str | None = None
    dateline: str | None = None
    published: DateMention | None = None
    section: str | None = None
    source_note: str | None = None
    copyright_note: str | None = None
    notes: list[str] = field(default_factory=list)
    stamps: list[tuple[int, DateMention, str]] = field(default_factory=list)
    """Every date stamp found: (line index, date, the stamp as written); ``published`` is chosen from them."""


def split_lines(text: str) -> list[Line]:
    """Return the non-blank lines of ``text`` with spans trimmed of surrounding whitespace."""
    lines: list[Line] = []
    offset = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = offset + (len(raw) - len(raw.lstrip()))
            end = start + len(stripped)
            lines.append(Line(start, end, stripped, collapse_line(stripped).lower()))
        offset += len(raw) + 1
    return lines


def is_paragraph(line: Line) -> bool:
    """Return True for a line that reads as running prose rather than a label or headline."""
    return line.words >= 25 or (line.words >= 10 and bool(_PARAGRAPH_END.search(line.text)))


def ends_sentence(text: str) -> bool:
    """Return True for a line that ends as a sentence does, with a full stop ("Calm returned.")."""
    return _SENTENCE_END.search(text) is not None


def set_part(line: Line, part: BlockPart, rule: str, role: str) -> None:
    """Label ``line``: its block part, the id of the rule that decided it, and its role."""
    line.part, line.rule, line.role = part, rule, role
