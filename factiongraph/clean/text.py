"""Classify every non-blank line of a plain-text page scrape as body, caption, comment or boilerplate.

Passes, each a small named step so "why is this line boilerplate?" can be answered from ``rule``:

1. chrome: whole-line phrase rules from :mod:`factiongraph.clean.chrome`;
2. zones: a comment-section marker turns the following lines into reader comments, a
   "Related News"-style marker turns them into boilerplate (only once the article has started);
3. roles: captions (bracketed photo credits, "Photo:" lines), bylines, datelines;
4. header: the title line, section labels above it, a bare author name under it;
5. repeats: captions printed twice and articles reposted twice in the same scrape keep only their
   first copy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from factiongraph.clean.chrome import COMMENT_META, COMMENTS, RELATED, SOURCE, ChromeRule, collapse_line, match_chrome
from factiongraph.clean.dates import DateMention, parse_date
from factiongraph.clean.metadata import is_person_name, parse_byline
from factiongraph.model import BlockPart
from factiongraph.model.numeric_dates import choose_order

_CREDIT_BRACKET = re.compile(r"\[(?P<credit>[^\[\]]{3,120})\]\s*$")
_CREDIT_PAREN = re.compile(
    r"\((?:photo|photograph|image|picture|pic|file photo|credit|courtesy)\b[^()]{0,120}\)\s*$", re.IGNORECASE
)
_CAPTION_START = re.compile(
    r"^(?:photo|photograph|image|picture|file photo|file picture|caption|image caption|pictured)\s*(?::|,|-|–|—|\(|\[)",
    re.IGNORECASE,
)
_AGENCY_TAIL = re.compile(
    r"(?:/|\()\s*(?:AFP|Reuters|AP|EPA|Getty Images|Anadolu(?: Agency)?|Xinhua|AA)\s*\)?\s*$"
)
_NOT_A_CREDIT = re.compile(r"^(?:sic|\.\.\.|…|\d+|citation needed|emphasis added|laughs?|applause)$", re.IGNORECASE)
_DATELINE_NOISE = re.compile(
    r"(?i)\b(?:published|posted|updated|last updated|modified|date|on|at|am|pm|a\.m\.|p\.m\.|gmt|utc|ast|est|edt|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\b"
    r"|\b\d+\s*(?:-\s*)?min(?:ute)?s?\s+read\b|\breading time\b|\b\d+\s+views?\b"
    r"|\d{1,2}:\d{2}(?::\d{2})?|[•·|*,:()\-–—/]"
)
# Words that make a run of words a sentence rather than a list of labels ("Gulan Media ... News",
# "middle east  oriental churches" are labels; "protests continue in Baghdad on ..." is not).
_FUNCTION_WORDS = frozenset(
    "the a an of to in at for with by from and or but is are was were be been being has have had "
    "said says say will would could should may might that this these those which who whom what as "
    "after before than it its he she they we his her their our".split()
)
_MAX_DATELINE_LABELS = 10
_UPDATED = re.compile(r"(?i)\b(?:updated|last updated|modified)\b")
_PARAGRAPH_END = re.compile(r"[.!?…][\"')\]]*$")


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


def is_caption(text: str) -> bool:
    """Return True for a photo caption line: a trailing credit, or a "Photo:" style lead."""
    if _CAPTION_START.match(text) or _CREDIT_PAREN.search(text) or _AGENCY_TAIL.search(text):
        return len(text.split()) <= 90
    found = _CREDIT_BRACKET.search(text)
    if not found or _NOT_A_CREDIT.match(found.group("credit").strip()):
        return False
    credit = found.group("credit")
    return any(ch.isalpha() for ch in credit) and len(text.split()) <= 90 and len(credit.split()) <= 12


def parse_dateline(text: str, order: str | None = None) -> DateMention | None:
    """Return the date of a date stamp: a line that holds a date and otherwise only labels.

    Labels are times, bullets, "Published"/"Updated", "2 min read", upper-case place tags, and
    short runs of words with no sentence in them (a site or section name, a list of tags:
    "Gulan Media June 28, 2021 News", "Saturday, 20 July 2019 middle east  oriental churches").
    A line that reads as a sentence ("Protests resumed on June 28, 2021 in Basra.") is not one.
    ``order`` reads ambiguous numeric dates (see :mod:`factiongraph.model.numeric_dates`).
    """
    mention = parse_date(text, order)
    if mention is None or (mention.month is None and not mention.basis.startswith("numeric")):
        return None  # a bare year is no stamp; an ambiguous "03/04/2022" is one (its year is certain)
    remainder = (text[: mention.start] + " " + text[mention.end :]).strip()
    remainder = _DATELINE_NOISE.sub(" ", remainder)
    leftover = [w for w in remainder.split() if not w.isupper()]  # "BAGHDAD" place tags may stay
    if not leftover:
        return mention
    if len(leftover) > _MAX_DATELINE_LABELS or _PARAGRAPH_END.search(text.strip()):
        return None
    if any(w.lower().strip(".,;:!?'\"") in _FUNCTION_WORDS or any(ch.isdigit() for ch in w) for w in leftover) \
            or re.search(r"[.!?;\"“”]", remainder):
        return None  # a sentence, or a field glued to other numbers ("Date28 January 2024")
    return mention


def is_update_stamp(text: str) -> bool:
    """Return True for a date stamp that gives the last change ("Updated ..."), not the publication."""
    return bool(_UPDATED.search(text))


class LineClassifier:
    """Classifies the lines of a plain-text scrape. Build once with compiled chrome rules.

    ``numeric_date_order`` (``dmy``, ``mdy`` or ``auto``) reads date stamps like "03/04/2021";
    with ``auto`` the document's own unambiguous numeric dates decide, else only the year is read.
    """

    def __init__(self, rules: tuple[ChromeRule, ...], numeric_date_order: str = "auto") -> None:
        self._rules = rules
        self._order_setting = numeric_date_order
        self._order: str | None = None

    def classify(self, text: str) -> TextLayout:
        """Return the classified non-blank lines of ``text`` (the canonical text) and header info."""
        layout = TextLayout(split_lines(text))
        self._order = choose_order(self._order_setting, text)
        self._mark_chrome_and_zones(layout)
        self._mark_roles(layout)
        self._mark_header(layout)
        self._mark_repeats(layout)
        self._choose_published(layout)
        return layout

    @staticmethod
    def _choose_published(layout: TextLayout) -> None:
        """Pick the publication date among the date stamps.

        Stamps under the title beat stamps above it (a page's header often shows today's date
        above the headline); a "Published" stamp beats an "Updated" one; then the first wins.
        """
        if not layout.stamps:
            return
        title = next((i for i, line in enumerate(layout.lines) if line.role == "title"), -1)

        def rank(stamp: tuple[int, DateMention, str]) -> tuple[bool, bool, int]:
            index, _, written = stamp
            return (0 <= title and index < title, is_update_stamp(written), index)

        _, layout.published, layout.dateline = min(layout.stamps, key=rank)

    def _mark_chrome_and_zones(self, layout: TextLayout) -> None:
        zone = ""
        paragraphs_seen = 0
        for line in layout.lines:
            found = match_chrome(line.text, self._rules)
            if found is not None:
                _set(line, BlockPart.BOILERPLATE, found.rule_id, "chrome")
                if found.kind == SOURCE and found.rest:
                    layout.source_note = found.rest
                if found.rule_id == "chrome.copyright" and layout.copyright_note is None:
                    layout.copyright_note = collapse_line(line.text)
                # A marker opens a zone only once the article has started: "3 Comments" beside
                # the byline at the top of a blog post must not swallow the article.
                if found.kind in (COMMENTS, RELATED) and paragraphs_seen >= 2:
                    zone = found.kind
                continue
            if zone == COMMENTS:
                _set(line, BlockPart.COMMENT, "zone.comments", "comment")
            elif zone == RELATED and not is_paragraph(line):
                _set(line, BlockPart.BOILERPLATE, "zone.related", "related")
            elif is_paragraph(line):
                zone = ""  # prose after a related-links box: the article goes on
                paragraphs_seen += 1

    def _mark_roles(self, layout: TextLayout) -> None:
        for index, line in enumerate(layout.lines):
            if line.role:
                if line.role == "comment" and _is_comment_meta(line.text):
                    _set(line, BlockPart.BOILERPLATE, "comment.meta", COMMENT_META)
                continue
            if is_caption(line.text):
                _set(line, BlockPart.CAPTION, "caption.credit", "caption")
                continue
            byline = parse_byline(line.text) if line.words <= 16 else None
            if byline is not None:
                _set(line, BlockPart.BOILERPLATE, "byline.by", "byline")
                layout.author = layout.author or byline.author
                when = parse_dateline(byline.rest, self._order) if byline.rest else None
                if when is not None:
                    layout.stamps.append((index, when, line.text))
                continue
            when = parse_dateline(line.text, self._order) if line.words <= 14 else None
            if when is not None:
                _set(line, BlockPart.BOILERPLATE, "dateline.date", "dateline")
                layout.stamps.append((index, when, collapse_line(line.text).strip(" •·|-")))

    def _mark_header(self, layout: TextLayout) -> None:
        """Pick the title among the unlabelled lines before the first paragraph."""
        candidates: list[Line] = []
        for line in layout.lines:
            if line.role:
                continue
            if is_paragraph(line):
                break
            candidates.append(line)
        if not candidates:
            return
        long_enough = [c for c in candidates if c.words >= 4 and not c.text.endswith(".")]
        title = long_enough[0] if long_enough else max(candidates, key=lambda c: c.words)
        title.role, title.rule = "title", "header.title"
        layout.title = collapse_line(title.text)
        index = candidates.index(title)
        for before in candidates[:index]:
            _set(before, BlockPart.BOILERPLATE, "header.section-label", "section")
        if index > 0:
            layout.section = collapse_line(candidates[index - 1].text)
        after = candidates[index + 1] if index + 1 < len(candidates) else None
        if after is not None and layout.author is None and is_person_name(after.text) and _follows(layout, title, after):
            _set(after, BlockPart.BOILERPLATE, "byline.bare-name", "byline")
            layout.author = collapse_line(after.text)

    def _mark_repeats(self, layout: TextLayout) -> None:
        """Keep the first copy of a caption or article line; later copies become boilerplate."""
        seen: set[str] = set()
        repeats: list[bool] = []
        for line in layout.lines:
            is_content = line.part in (BlockPart.BODY, BlockPart.CAPTION)
            repeated = line.key in seen and (is_content or line.role == "comment")
            if repeated and (line.words >= 4 or line.part is BlockPart.CAPTION):
                _set(line, BlockPart.BOILERPLATE, "repeat.caption" if line.role == "caption" else "repeat.line", "repeat")
            repeats.append(line.role == "repeat")
            if is_content:
                seen.add(line.key)
        # Short lines (subheads) inside a repeated run are part of the repost too.
        changed = True
        while changed:
            changed = False
            for i, line in enumerate(layout.lines):
                if repeats[i] or line.part is not BlockPart.BODY or line.role == "title":
                    continue
                neighbours = [repeats[j] for j in (i - 1, i + 1) if 0 <= j < len(repeats)]
                if any(neighbours) and _appears_before(layout.lines, i):
                    _set(line, BlockPart.BOILERPLATE, "repeat.run", "repeat")
                    repeats[i] = changed = True


def _set(line: Line, part: BlockPart, rule: str, role: str) -> None:
    line.part, line.rule, line.role = part, rule, role


def _appears_before(lines: list[Line], index: int) -> bool:
    key = lines[index].key
    return any(other.key == key for other in lines[:index])


def _follows(layout: TextLayout, first: Line, second: Line) -> bool:
    """Return True when ``second`` comes right after ``first`` (only labelled lines between)."""
    i, j = layout.lines.index(first), layout.lines.index(second)
    return all(line.role in ("chrome", "caption", "dateline") for line in layout.lines[i + 1 : j])


_COMMENT_META = re.compile(
    r"(?i)^(?:reply|report(?: abuse)?|like|dislike|share|flag|\d+\s+(?:likes?|replies|points?)|"
    r"(?:load|show|view) more(?: comments| replies)?|anonymous said\.*|.{1,40} said\.{3}|.{1,40} says:)$"
)


def _is_comment_meta(text: str) -> bool:
    return bool(_COMMENT_META.match(collapse_line(text))) or parse_dateline(text) is not None
