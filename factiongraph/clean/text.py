"""Classify every non-blank line of a plain-text page scrape as body, caption, comment or boilerplate.

Passes, each a small named step so "why is this line boilerplate?" can be answered from ``rule``:

1. chrome: whole-line phrase rules from :mod:`factiongraph.clean.chrome`;
2. zones: a comment-section marker turns the following lines into reader comments, a
   "Related News"-style marker turns them into boilerplate (only once the article has started);
3. author boxes: an "About the authors" heading and the bio lines under it;
4. roles: captions (bracketed photo credits, "Photo:" lines), bylines, datelines (a date alone,
   with labels, a reading time or a trailing tag list);
5. forms: chrome told by its form alone (:mod:`factiongraph.clean.forms`): file names, date
   stamps whose date the scraper dropped, site-name lines, language switchers, section names and
   menus, tag lists;
6. header (:mod:`factiongraph.clean.header`): the title line (a headline printed twice, else the first long line that is not a
   short kicker over a longer headline), section labels above it, a bare author name under it;
7. edges (:mod:`factiongraph.clean.positions`): labels under an image file name, short labels
   inside a cluster of chrome, menu runs and teaser headlines after the last paragraph;
8. repeats: captions printed twice and articles reposted twice in the same scrape keep only their
   first copy; a short label printed twice with one copy outside the article, and any copy of a
   line found to be chrome elsewhere, are chrome.
"""

from __future__ import annotations

import re

from factiongraph.clean.chrome import COMMENT_META, COMMENTS, RELATED, SOURCE, ChromeRule, collapse_line, match_chrome
from factiongraph.clean.dates import DateMention, parse_date
from factiongraph.clean.forms import DATE_WORDS, is_tag_run
from factiongraph.clean.header import HEADLINE_SHAPED, mark_header
from factiongraph.clean.lines import FUNCTION_WORDS, Line, TextLayout, ends_sentence, is_paragraph, set_part, split_lines
from factiongraph.clean.metadata import is_institution_name, is_person_name, parse_byline
from factiongraph.clean.positions import (
    mark_author_boxes,
    mark_author_lines,
    mark_caption_echoes,
    mark_edges,
    mark_form_lines,
    mark_repeated_chrome,
    mark_repeated_labels,
    mark_tail_labels,
)
from factiongraph.model import BlockPart
from factiongraph.model.numeric_dates import choose_order

__all__ = [
    "Line",
    "LineClassifier",
    "TextLayout",
    "is_caption",
    "is_paragraph",
    "parse_dateline",
    "split_dateline",
    "split_lines",
]

_CREDIT_BRACKET = re.compile(r"\[(?P<credit>[^\[\]]{3,120})\]\s*$")
_CREDIT_PAREN = re.compile(
    r"\((?:photo|photograph|image|picture|pic|file photo|credit|courtesy)\b[^()]{0,120}\)\s*$", re.IGNORECASE
)
_CAPTION_LABEL = re.compile(r"^\s*(?:image|photo|picture|video|media)?\s*caption\s*[,:]?\s*$", re.IGNORECASE)
_CAPTION_START = re.compile(
    r"^(?:photo|photograph|image|picture|file photo|file picture|caption|image caption|pictured)\s*(?::|,|-|–|—|\(|\[)",
    re.IGNORECASE,
)
_AGENCY_TAIL = re.compile(
    r"(?:/|\()\s*(?:AFP|Reuters|AP|EPA|Getty Images|Anadolu(?: Agency)?|Xinhua|AA)\s*\)?\s*$", re.IGNORECASE
)
# The agency first, then the photographer, closing a caption: "... March 11, 2023. REUTERS/Thaier al-Sudani",
# "AP Photo/Hadi Mizban", "AFP via Getty Images".
_AGENCY_CREDIT = re.compile(
    r"(?:\.|\s)\s*(?:REUTERS|Reuters|AFP|AP Photo|AP|EPA(?:-EFE)?|ANADOLU|Anadolu|XINHUA|Xinhua)\s*/\s*"
    r"[A-Z][\w'.-]*(?:\s+[\w'.-]+){0,4}\s*(?:(?:/|,)\s*File(?:\s+Photo)?)?\s*$|\bAFP via Getty Images\s*$")
_NOT_A_CREDIT = re.compile(r"^(?:sic|\.\.\.|…|\d+|citation needed|emphasis added|laughs?|applause)$", re.IGNORECASE)
_DATELINE_NOISE = re.compile(
    r"(?i)\b(?:date of publication|publication date|publish(?:ed)? date|release date|local time|time|"
    r"published|posted|updated|update|last updated|modified|date|on|at|am|pm|a\.m\.|p\.m\.|"
    r"(?:gmt|utc)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?|ast|est|edt|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\b"
    r"|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b|\d{1,2}:\d{2}(?::\d{2})?|\b\d{1,2}\.\d{2}\b|\b\d{1,3}\s*-?\s*min(?:ute)?s?\.?\s+read\b|\breading time\b"
    r"|\b\d+\s+views?\b|\bhits\s*:?\s*\d[\d,]*"
    r"|[•·|*,:()\-–—/]"
)
_MAX_DATELINE_LABELS = 10
_UPDATED = re.compile(r"(?i)\b(?:updated|last updated|modified)\b")
_PARAGRAPH_END = re.compile(r"[.!?…][\"')\]]*$")

# Who posted the page, after its date ("Posted on 12 March, 2024 by admin"): part of the stamp.
_POSTER = re.compile(r"\s+by\s+[\w.'-]+(?:\s+[\w.'-]+){0,3}\s*$", re.IGNORECASE)
# A place name set off before the date of a dateline ("Basra, Tuesday 4 March 2031").
_PLACE_LEAD = re.compile(r"^\s*[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2}\s*(?:,|-|–|—)\s*")


def is_caption(text: str) -> bool:
    """Return True for a photo caption line: a trailing credit, or a "Photo:" style lead."""
    if _CAPTION_START.match(text) or _CREDIT_PAREN.search(text) or _AGENCY_TAIL.search(text) \
            or _AGENCY_CREDIT.search(text):
        return len(text.split()) <= 90
    found = _CREDIT_BRACKET.search(text)
    if not found or _NOT_A_CREDIT.match(found.group("credit").strip()):
        return False
    credit = found.group("credit")
    return any(ch.isalpha() for ch in credit) and len(text.split()) <= 90 and len(credit.split()) <= 12


def parse_dateline(text: str, order: str | None = None) -> DateMention | None:
    """Return the date of a date stamp: a line that holds a date and otherwise only labels.

    Labels are times, bullets, "Published"/"Updated", "2 min read", a second calendar's date,
    upper-case place tags or a place set off before the date, a trailing run of lowercase tags,
    and short runs of words with no sentence in them (a site or section name: "Gulan Media June
    28, 2021 News"). A line that reads as a sentence ("Protests resumed on June 28, 2021 in
    Basra.") is not one. ``order`` reads ambiguous numeric dates (see
    :mod:`factiongraph.model.numeric_dates`).
    """
    found = split_dateline(text, order)
    return found[0] if found is not None else None


def split_dateline(text: str, order: str | None = None) -> tuple[DateMention, str] | None:
    """Return the date of a date stamp and its kind, or None for other lines.

    Kinds: ``date`` (nothing but date labels), ``tags`` (a lowercase tag list trails the date),
    ``labels`` (a few capitalised labels beside it: "Gulan Media June 28, 2021 News").
    """
    mention = parse_date(text, order)
    if mention is None or (mention.month is None and not mention.basis.startswith("numeric")):
        return None  # a bare year is no stamp; an ambiguous "03/04/2022" is one (its year is certain)
    before, after = _PLACE_LEAD.sub("", text[: mention.start]), _POSTER.sub("", text[mention.end :])
    if _is_date_noise(before + " " + after):
        return mention, "date"
    if _is_date_noise(before) and is_tag_run(after, min_items=2) and after == after.lower():
        return mention, "tags"
    return (mention, "labels") if _is_label_run(text, before + " " + after) else None


def _is_date_noise(text: str) -> bool:
    """Return True when ``text`` holds only date labels, times, bullets and upper-case place tags."""
    remainder = _DATELINE_NOISE.sub(" ", text)
    # "BAGHDAD" place tags may stay, and a second calendar's date ("23 Rajab 1447 AH").
    return all(w.isupper() or w.isdigit() or w.lower().strip(".") in DATE_WORDS for w in remainder.split())


def _is_label_run(line: str, rest: str) -> bool:
    """Return True when the words beside a date are a few labels, not a sentence or other fields."""
    leftover = [w for w in _DATELINE_NOISE.sub(" ", rest).split() if not w.isupper()]
    if not leftover or len(leftover) > _MAX_DATELINE_LABELS or _PARAGRAPH_END.search(line.strip()):
        return False
    if re.search(r"[.!?;\"“”]", _DATELINE_NOISE.sub(" ", rest)):
        return False
    # labels are capitalised names ("Gulan Media", "News"); a function word or a lowercase word
    # makes it a sentence; digits glued to words make it another field ("Date28 ...")
    return all(w[:1].isupper() and w.lower().strip(".,;:!?'\"") not in FUNCTION_WORDS
               and not any(ch.isdigit() for ch in w) for w in leftover)


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
        mark_author_boxes(layout)
        self._mark_roles(layout)
        _keep_timeline_dates(layout)
        mark_form_lines(layout)
        mark_header(layout)
        mark_edges(layout)
        mark_author_lines(layout)
        self._mark_repeats(layout)
        mark_caption_echoes(layout)
        mark_repeated_labels(layout)
        mark_repeated_chrome(layout)
        mark_tail_labels(layout)
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
            if found is not None and found.rule_id in ("chrome.label-read-time", "chrome.bare-number") \
                    and split_dateline(line.text, self._order) is not None:
                continue  # "Oct. 31, 2025 • 2 min read", "14.06.2023": a date stamp, which the stamps step reads
            if found is not None and found.rule_id in HEADLINE_SHAPED and paragraphs_seen == 0:
                line.rule = found.rule_id  # "In Pictures: ..." may be the page's headline: the header decides
                continue
            if found is not None:
                set_part(line, BlockPart.BOILERPLATE, found.rule_id, "chrome")
                if found.kind == SOURCE and found.rest:
                    layout.source_note = found.rest
                    _read_source_stamp(layout, line)
                if found.rule_id == "chrome.copyright" and layout.copyright_note is None:
                    layout.copyright_note = collapse_line(line.text)
                # A marker opens a zone only once the article has started: "3 Comments" beside
                # the byline at the top of a blog post must not swallow the article.
                # A list of links needs the article to have started; comments need two paragraphs.
                if (found.kind == COMMENTS and paragraphs_seen >= 2) or (found.kind == RELATED and paragraphs_seen >= 1):
                    zone = found.kind
                continue
            if zone == COMMENTS:
                set_part(line, BlockPart.COMMENT, "zone.comments", "comment")
            elif zone == RELATED and not is_paragraph(line) and not ends_sentence(line.text):
                set_part(line, BlockPart.BOILERPLATE, "zone.related", "related")
            elif is_paragraph(line) or zone == RELATED:
                zone = ""  # prose after a related-links box: the article goes on
                paragraphs_seen += is_paragraph(line)

    def _mark_roles(self, layout: TextLayout) -> None:
        label_before = False
        for index, line in enumerate(layout.lines):
            after_label, label_before = label_before, False
            if line.role == "chrome" and _BYLINE_LEAD.match(line.text):  # "Written by Ana Ruiz on March 3, 2031"
                self._read_byline(layout, line, index)
            if line.role:
                if line.role == "comment" and _is_comment_meta(line.text):
                    set_part(line, BlockPart.BOILERPLATE, "comment.meta", COMMENT_META)
                continue
            if _CAPTION_LABEL.match(line.text):  # "Image caption," alone: the caption is the next line
                set_part(line, BlockPart.BOILERPLATE, "caption.label", "caption-label")
                label_before = True
                continue
            if after_label and line.words <= 60:
                set_part(line, BlockPart.CAPTION, "caption.after-label", "caption")
                continue
            if _BYLINE_LEAD.match(line.text) and self._read_byline(layout, line, index):
                set_part(line, BlockPart.BOILERPLATE, "byline.by", "byline")  # "By Jane Doe (AFP)" is no caption
                continue
            if is_caption(line.text):
                set_part(line, BlockPart.CAPTION, "caption.credit", "caption")
                continue
            if self._read_byline(layout, line, index):
                set_part(line, BlockPart.BOILERPLATE, "byline.by", "byline")
                continue
            if _mark_dateline(layout, line, index, self._order) and layout.author is None and not any(
                    is_paragraph(other) for other in layout.lines[:index] if other.part is BlockPart.BODY):
                layout.author = _stamp_credit(line.text, layout.stamps[-1][1])

    def _read_byline(self, layout: TextLayout, line: Line, index: int) -> bool:
        """Read the author (and a date after it) from a byline line; return False for other lines."""
        byline = parse_byline(line.text) if line.words <= 16 else None
        if byline is None:
            return False
        layout.author = layout.author or byline.author
        when = parse_dateline(byline.rest, self._order) if byline.rest else None
        if when is not None:
            layout.stamps.append((index, when, line.text))
        return True

    def _mark_repeats(self, layout: TextLayout) -> None:
        """Keep the first copy of a caption or article line; later copies become boilerplate."""
        seen: set[str] = set()
        repeats: list[bool] = []
        for line in layout.lines:
            is_content = line.part in (BlockPart.BODY, BlockPart.CAPTION)
            repeated = line.key in seen and (is_content or line.role == "comment")
            if repeated and (line.words >= 4 or line.part is BlockPart.CAPTION):
                rule = "repeat.caption" if line.role == "caption" else "repeat.line"
                set_part(line, BlockPart.BOILERPLATE, rule, "repeat")
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
                    set_part(line, BlockPart.BOILERPLATE, "repeat.run", "repeat")
                    repeats[i] = changed = True


_FIELD_SEPARATOR = re.compile(r"\s*[|•·]\s*")


def _read_source_stamp(layout: TextLayout, line: Line) -> None:
    """Keep the date of a source line's own field as a stamp ("Source: Xinhua | 2023-06-14 20:15:45 |
    Editor: huaxia"): the page states when it was published there."""
    for field in _FIELD_SEPARATOR.split(line.text)[1:]:
        found = split_dateline(field, None)
        if found is not None and found[1] == "date" and found[0].day is not None:
            layout.stamps.append((layout.lines.index(line), found[0], collapse_line(field)))
            return


def _mark_dateline(layout: TextLayout, line: Line, index: int, order: str | None) -> bool:
    """Keep a line holding a date and only labels (or trailing tags) as a stamp; it is page chrome.

    Returns True when the line is a stamp.
    """
    found = split_dateline(line.text, order) if line.words <= 24 else None
    if found is None or (line.words > 14 and found[1] != "tags"):
        return False
    when, kind = found
    set_part(line, BlockPart.BOILERPLATE, f"dateline.{kind}", "dateline")
    shown = line.text[: line.text.find(when.text) + len(when.text)] if kind == "tags" else line.text
    layout.stamps.append((index, when, collapse_line(shown).strip(" •·|-")))
    return True


_BYLINE_LEAD = re.compile(r"(?i)\s*(?:(?:written |posted |published |reporting |report |story |words |text )?by(?::\s*|\s)|(?:authors?|writer|reporter)\s*:)")
_NAME_AFTER = re.compile(r"\s*[|•·–—-]\s*[A-Z][\w.'-]+(?:\s+[\w.'-]+){1,3}\s*")
_CREDIT_SEPARATOR = re.compile(r"\s*(?:,|\||•|·|–|—|\s-)\s*$")
_AGENCY_CODE = re.compile(r"[A-Z]{2,4}")
# Labels and a weekday between a stamp's credit and its date: "AFP , Tuesday 30 Aug 2022".
_STAMP_LABELS = re.compile(
    r"(?i)(?:\b(?:published|posted|updated|on|date|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"mon|tue|wed|thu|fri|sat|sun)\b[.:,]?\s*)+$")


def _stamp_credit(text: str, when: DateMention) -> str | None:
    """Return who a date stamp credits before its date: "AFP , Tuesday 30 Aug 2022", "Ana Ruiz | 03.03.2031".

    The credit is a person's name or an agency's upper-case code set off from the date by a
    comma, a bar, a bullet or a dash; an upper-case place ("BAGHDAD, 3 March") is longer than
    a code.
    """
    poster = _POSTER.search(text[when.end :]) or _NAME_AFTER.fullmatch(text[when.end :])
    if poster is not None:  # "3 March 2031 by Ana Ruiz", "Mar 3, 2031 | Ana Ruiz"
        name = collapse_line(re.sub(r"(?i)^\s*(?:by\s+|[|•·–—-]\s*)", "", poster.group()))
        return name if is_person_name(name) and not is_institution_name(name) else None
    before = _STAMP_LABELS.sub("", text[: when.start])
    if not _CREDIT_SEPARATOR.search(before):
        return None
    credit = _DATELINE_NOISE.sub(" ", _CREDIT_SEPARATOR.sub("", before))
    credit = collapse_line(credit)
    if is_person_name(credit) or _AGENCY_CODE.fullmatch(credit):
        return credit
    return None


def _keep_timeline_dates(layout: TextLayout) -> None:
    """Give back to the article the date lines of a timeline: two or more, each heading a sentence after the first paragraph.

    ("January 5, 2031" / "Three rockets hit the base." / "February 12, 2031" / ...): a page prints
    its stamp once, around the headline or at the end; dates that head the article's own entries
    date its events and do not date the page.
    """
    lines = layout.lines
    first = next((i for i, line in enumerate(lines) if line.part is BlockPart.BODY and is_paragraph(line)), None)
    if first is None:
        return
    heads = [i for i in range(first + 1, len(lines) - 1)
             if lines[i].rule == "dateline.date" and not lines[i + 1].role
             and (is_paragraph(lines[i + 1]) or ends_sentence(lines[i + 1].text))]
    if len(heads) < 2:
        return
    for i in heads:
        set_part(lines[i], BlockPart.BODY, "", "")
    layout.stamps = [stamp for stamp in layout.stamps if stamp[0] not in heads]


def _appears_before(lines: list[Line], index: int) -> bool:
    key = lines[index].key
    return any(other.key == key for other in lines[:index])


_COMMENT_META = re.compile(
    r"(?i)^(?:reply|report(?: abuse)?|like|dislike|share|flag|\d+\s+(?:likes?|replies|points?)|"
    r"(?:load|show|view) more(?: comments| replies)?|anonymous said\.*|.{1,40} said\.{3}|.{1,40} says:)$"
)


def _is_comment_meta(text: str) -> bool:
    return bool(_COMMENT_META.match(collapse_line(text))) or parse_dateline(text) is not None
