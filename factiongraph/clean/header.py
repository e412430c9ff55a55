"""The page's header: the title among the lines above the article, and the labels and byline around it.

A scrape opens with the site's furniture, then the headline, a standfirst, the byline and the
page's stamp. :func:`mark_header` picks the headline among the unlabelled lines before the first
paragraph (see docs/stages/clean.md, "Header"), labels the lines above it as section labels, and
reads a byline or a lone label printed between it and the article.
"""

from __future__ import annotations

import re

from factiongraph.clean.chrome import collapse_line
from factiongraph.clean.forms import is_bio_line, is_headline_like, is_menu_entry
from factiongraph.clean.lines import FUNCTION_WORDS, Line, TextLayout, ends_sentence, is_paragraph, set_part
from factiongraph.clean.metadata import FILED_FROM, is_institution_name, is_person_name
from factiongraph.model import BlockPart

# What a page title adds to the headline: a site name set off by a bar, dash, colon or arrow.
_SITE_SUFFIX = re.compile(r"\s*(?:\||::|:|»|›|–|—|-)\s*[^|»›]{1,60}")
_SITE_PREFIX = re.compile(r"[^|»›]{1,60}?\s*(?:\||::|:|»|›|–|—|-)\s*")

# Chrome rules whose lines are shaped like a headline ("In Photos: Protesters leave the Green Zone"): above
# the article such a line may be the page's own headline, so the header pass decides.
HEADLINE_SHAPED = frozenset({"related.media-teaser"})


def mark_header(layout: TextLayout) -> None:
    """Pick the title among the unlabelled lines before the first paragraph, then the labels and byline around it."""
    candidates: list[Line] = []
    for line in layout.lines:
        if line.role:
            continue
        if is_paragraph(line) and not _is_question_headline(line, candidates):
            break
        candidates.append(line)
    candidates = _without_bylines(layout, candidates)
    if not any(c.words >= 4 and not c.text.endswith(".") for c in candidates):
        candidates = _with_dated_headline(layout, candidates)
        candidates = _without_mastheads(candidates)
    if not candidates:
        return
    title = _pick_title(layout, candidates)
    title.role, title.rule = "title", "header.title"
    layout.title = collapse_line(title.text)
    index = candidates.index(title)
    for before in candidates[:index]:
        set_part(before, BlockPart.BOILERPLATE, "header.section-label", "section")
    for line in layout.lines:
        if line.rule in HEADLINE_SHAPED and not line.role and line is not title:
            set_part(line, BlockPart.BOILERPLATE, line.rule, "chrome")
    for copy in _page_title_copies(layout, title):
        set_part(copy, BlockPart.BOILERPLATE, "repeat.page-title", "repeat")
    layout.section = _nearest_section(layout, title)
    if layout.author is None:
        _mark_header_byline(layout, title, candidates[index + 1 : index + 3])
    if layout.author is None:
        _mark_byline_under_standfirst(layout, title)
    _mark_label_under_title(layout, title, [c for c in candidates[index + 1 :] if not c.role])


def _without_bylines(layout: TextLayout, candidates: list[Line]) -> list[Line]:
    """Return the header candidates less the bylines among them, which are labelled as such.

    A page with no headline in its text ("Wednesday, 14 June, 2023" / "Baghdad - Ana Ruiz" / the
    first paragraph) would else make its byline the title. A headline is never a name with the
    one place it was filed from (a bare name may be: a profile page's title).
    """
    kept: list[Line] = []
    for line in candidates:
        name = _filed_from_place(collapse_line(line.text)) if line.words <= 8 else None
        if name is None:
            kept.append(line)
            continue
        set_part(line, BlockPart.BOILERPLATE, "byline.bare-name", "byline")
        layout.author = layout.author or name
    return kept


def _without_mastheads(candidates: list[Line]) -> list[Line]:
    """Return the short header candidates less an outlet's masthead ("NRT Digital Media", "Example
    News Agency"), labelled as such: with no line long enough to be a headline, the longest short
    line would else make the site's name the title."""
    kept: list[Line] = []
    for line in candidates:
        if 2 <= line.words <= 5 and all(w[:1].isupper() for w in line.text.split()) \
                and is_institution_name(line.text):
            set_part(line, BlockPart.BOILERPLATE, "header.label", "section")
        else:
            kept.append(line)
    return kept


def _headline_with_stop(candidates: list[Line]) -> Line | None:
    """Return a headline written with a final full stop over a longer standfirst, if the header starts so.

    ("Iraq's PM visits Tehran." / "The visit comes amid rising tension between ..."): the first line
    of four to fourteen words ends with a full stop and the next, longer, reads as a headline.
    """
    first = next((c for c in candidates if c.words >= 4), None)
    if first is None or not first.text.endswith(".") or first.words > 14 or first.text.endswith(".."):
        return None
    after = candidates[candidates.index(first) + 1 :]
    if after and after[0].words > first.words and is_headline_like(after[0].text):
        return first
    return None


def _with_dated_headline(layout: TextLayout, candidates: list[Line]) -> list[Line]:
    """Return the header candidates plus a headline that holds its own date, when no other line can be the title.

    ("Iraq Situation Report: March 3, 2031" reads as a stamp with labels; a report page has no
    other headline.) The line keeps its stamp: the report's date is the page's.
    """
    first = next((i for i, line in enumerate(layout.lines) if line.part is BlockPart.BODY and is_paragraph(line)),
                 len(layout.lines))
    for line in layout.lines[:first]:
        if line.rule == "dateline.labels" and is_headline_like(line.text):
            set_part(line, BlockPart.BODY, "", "")
            return sorted([*candidates, line], key=lambda c: c.start)
    return candidates


def _pick_title(layout: TextLayout, candidates: list[Line]) -> Line:
    """Return the title among the header candidates.

    A headline printed twice (page title and article heading) is the title; otherwise the first
    line of 4+ words that does not end with a period, unless it is a short kicker over a longer
    headline; otherwise the longest line.
    """
    long_enough = [c for c in candidates if c.words >= 4 and not c.text.endswith(".")]
    keys = [line.key for line in layout.lines]
    repeated = [c for c in long_enough if keys.count(c.key) >= 2 or _page_title_copies(layout, c)]
    opening = [line.text for line in layout.lines if line.part is BlockPart.BODY and is_paragraph(line)][:3]
    body_words = _content_words(" ".join(opening))
    if repeated and _is_headline_over_repeat(layout, long_enough[0], repeated[0], body_words):
        return long_enough[0]
    if repeated:
        return repeated[0]
    stopped = _headline_with_stop(candidates)
    if stopped is not None:
        return stopped
    while len(long_enough) >= 2 and _is_tagline(layout, long_enough[0], long_enough[1]):
        long_enough = long_enough[1:]
    while len(long_enough) >= 2 and _is_unrelated_line(long_enough[0], long_enough[1], body_words):
        long_enough = long_enough[1:]
    if len(long_enough) >= 2 and _is_kicker(long_enough[0], long_enough[1]):
        return long_enough[1]
    return long_enough[0] if long_enough else max(candidates, key=lambda c: c.words)


def _is_headline_over_repeat(layout: TextLayout, first: Line, repeated: Line, body_words: set[str]) -> bool:
    """Return True when ``first``, not the line printed twice, is the headline.

    A live blog lists its entries' headings ("Key events") and prints them again over each entry:
    the heading printed twice is an entry's; the page's own headline comes first, is at least as
    long and is about the opening paragraphs (three shared words, half of its own). A page title
    ("Headline | Site") above the headline is a copy, not another headline.
    """
    if first is repeated or first in _page_title_copies(layout, repeated) or first.words < repeated.words:
        return False
    mine = _content_words(first.text)
    shared = mine & body_words
    return is_headline_like(first.text) and len(shared) >= 3 and len(shared) * 2 >= len(mine)


# Chrome that sits between a site's header (name, tagline) and the article's headline.
_SECTION_RULES = ("form.section-words", "form.site-name", "form.cell-run", "form.glued-labels", "chrome.breadcrumb")


def _is_tagline(layout: TextLayout, first: Line, second: Line) -> bool:
    """Return True when ``first`` is a site's tagline: section labels or a menu stand between it and ``second``.

    ("Exclusive news and analysis for professionals" / "World" / "Middle East" / the headline): a
    page prints its section labels right above the headline, so a headline-like line above them
    belongs to the site's header.
    """
    lines = layout.lines
    between = lines[lines.index(first) + 1 : lines.index(second)]
    return is_headline_like(second.text) and any(line.rule in _SECTION_RULES for line in between)




_HANDLE = re.compile(r"\s+@\w{2,30}$")
_PLACE_SEPARATOR = re.compile(r"\s*(?:\||,|:|\s-|–|—)\s+")
_ONE_PLACE = re.compile(r"[A-Z][a-z'-]{2,20}")


def _mark_header_byline(layout: TextLayout, title: Line, after: list[Line]) -> None:
    """Label a bare author name under the title (right under it, or under a standfirst) as the byline.

    Also a name with the place the reporter filed from ("Martin Crane in Beirut").
    """
    for position, line in enumerate(after):
        if position == 1 and not (after[0].words >= 6 and _follows(layout, after[0], line)):
            return  # only a standfirst may stand between the title and the byline
        if position == 0 and not _follows(layout, title, line):
            return
        name = _header_author(line.text)
        if name is None and is_person_name(line.text) and is_institution_name(line.text):
            set_part(line, BlockPart.BOILERPLATE, "header.label", "section")  # "IRAQ NEWS" under the title
            return
        if name is not None:
            set_part(line, BlockPart.BOILERPLATE, "byline.bare-name", "byline")
            layout.author = name
            _mark_role_line(layout, line)
            return


def _mark_byline_under_standfirst(layout: TextLayout, title: Line) -> None:
    """Label a bare name under a standfirst that ends with a full stop, with the page's stamp right under it.

    ("Headline" / "Armed groups that once rejected the state now run parts of it." / "Karim Saleh" /
    "March 3, 2031"): the standfirst reads as the first paragraph, so the header pass stops before
    the name; the date under the name shows it is the byline, not a caption or a subhead.
    """
    lines = layout.lines
    i = lines.index(title) + 1
    while i < len(lines) and lines[i].role:
        i += 1
    if i + 2 >= len(lines) or not is_paragraph(lines[i]) or lines[i].words > 45:
        return
    name, below = lines[i + 1], lines[i + 2]
    author = _header_author(name.text)
    if not name.role and author is not None and below.role == "dateline":
        set_part(name, BlockPart.BOILERPLATE, "byline.bare-name", "byline")
        layout.author = author


def _mark_role_line(layout: TextLayout, byline: Line) -> None:
    """Label the author's job printed under a bare-name byline ("Senior Fellow, Middle East Program")."""
    index = layout.lines.index(byline) + 1
    role = layout.lines[index] if index < len(layout.lines) else None
    if role is not None and not role.role and role.words <= 8 and not is_person_name(role.text) \
            and is_bio_line(role.text) and not is_paragraph(role):
        set_part(role, BlockPart.BOILERPLATE, "byline.role", "byline")


def _mark_label_under_title(layout: TextLayout, title: Line, after: list[Line]) -> None:
    """Label a lone category or place label between the title and the first paragraph ("Iraq", "Armed Groups").

    Only one line of one to three capitalised words with no digit or punctuation, with only labelled
    lines between it and the title and the article's first sentence right under it: a fact box or a
    list has more lines, a standfirst is longer, an upper-case place ("BAGHDAD") is the dateline.
    """
    if len(after) != 1:
        return
    label = after[0]
    lines = layout.lines
    i = lines.index(label)
    following = lines[i + 1] if i + 1 < len(lines) else None
    if following is None or following.role or not (is_paragraph(following) or ends_sentence(following.text)):
        return  # a label above a byline or a stamp is left to the chrome-cluster rule
    if not _follows(layout, title, label) or not is_menu_entry(label.text) or label.text.isupper() \
            or re.search(r"[-–—|/:]", label.text) or is_institution_name(label.text):
        return  # "Example News – Baghdad" is the outlet's dateline
    set_part(label, BlockPart.BOILERPLATE, "header.label", "section")


def _header_author(text: str) -> str | None:
    """Return the author a header line names: a bare name, or names with the places they filed from."""
    text = _HANDLE.sub("", collapse_line(text))  # "Ana Ruiz @anaruiz"
    if is_person_name(text):
        return None if is_institution_name(text) else text
    names = [n for n in re.split(r"\s*(?:,|\band\b|&)\s*", text) if n]
    if len(names) >= 2 and all(is_person_name(n) and not is_institution_name(n) for n in names):
        return text  # "Ana Ruiz and Sam Lee", "Ana Ruiz, Sam Lee"
    named = _filed_from_place(text)
    if named is not None:
        return named
    parts = re.split(r"\s+(?:and|&)\s+", text)
    filed = [FILED_FROM.fullmatch(part) for part in parts]  # "Martin Crane in Beirut"
    if all(found is not None and is_person_name(found.group("name")) for found in filed):
        return " and ".join(found.group("name") for found in filed if found is not None)
    return None


def _filed_from_place(text: str) -> str | None:
    """Return the name of a "Ana Ruiz | Baghdad" or "Baghdad - Ana Ruiz" line: a name and the
    one-word place it was filed from."""
    pieces = _PLACE_SEPARATOR.split(text)
    if len(pieces) == 2:
        named = [p for p in pieces if is_person_name(p) and not is_institution_name(p)]
        place = [p for p in pieces if _ONE_PLACE.fullmatch(p)]
        if len(named) == 1 and len(place) == 1:
            return named[0]
    return None


_WORD = re.compile(r"[^\W\d_]{3,}")


def _content_words(text: str) -> set[str]:
    """Return the words of three letters or more in ``text``, lower-cased (a crude stem: no final s)."""
    return {w.lower().rstrip("s") for w in _WORD.findall(text)} - FUNCTION_WORDS


def _is_unrelated_line(first: Line, second: Line, body_words: set[str]) -> bool:
    """Return True when ``first`` shares no word with the article and ``second``, a headline, does.

    A site's slogan above the headline ("Independent journalism from the heart of the country")
    speaks of the site, not of the story; a headline names what the opening paragraphs go on about.
    """
    mine, theirs = _content_words(first.text), _content_words(second.text)
    shared = theirs & body_words
    return (not mine & body_words and is_headline_like(second.text)
            and len(shared) >= 2 and len(shared) * 5 >= len(theirs) * 2)


def _is_question_headline(line: Line, candidates: list[Line]) -> bool:
    """Return True for a headline that asks or exclaims ("Who fires the rockets at the base?").

    Such a line ends like a sentence but is the title when no headline-like line came before it.
    """
    if line.words > 20 or not line.text.rstrip("\"')").endswith(("?", "!")):
        return False
    return not any(c.words >= 4 and is_headline_like(c.text) for c in candidates)


def _page_title_copies(layout: TextLayout, headline: Line) -> list[Line]:
    """Return the lines that print ``headline`` with the site's name added ("Headline | Site").

    A scrape often starts with the page's ``<title>`` (headline plus site name) before the
    article's own headline; the bare headline is the title, the other copy is chrome.
    """
    copies = []
    for line in layout.lines:
        at = line.key.find(headline.key)
        if line is headline or at < 0 or line.key == headline.key:
            continue
        before, after = line.key[:at], line.key[at + len(headline.key) :]
        added = after if not before else before if not after else ""
        shape = _SITE_SUFFIX if after else _SITE_PREFIX
        if added and len(added.split()) <= 6 and shape.fullmatch(added):
            copies.append(line)
    return copies


def _is_kicker(first: Line, second: Line) -> bool:
    """Return True when ``first`` reads as a series or section kicker above the headline ``second``.

    A kicker is short (at most six words); the headline under it is longer and reads as one.
    A short headline over a longer standfirst without a final stop loses its place to the
    standfirst (a known limit, see docs/stages/clean.md).
    """
    return first.words <= 6 and second.words > first.words and is_headline_like(second.text)


def _nearest_section(layout: TextLayout, title: Line) -> str | None:
    """Return the section label nearest above the title (an unnamed label or a section name)."""
    above = layout.lines[: layout.lines.index(title)]
    for line in reversed(above):
        if line.rule == "header.section-label" or (line.rule == "form.section-words" and line.words <= 4):
            return collapse_line(line.text)
    return None


def _follows(layout: TextLayout, first: Line, second: Line) -> bool:
    """Return True when ``second`` comes right after ``first`` (only labelled lines between)."""
    i, j = layout.lines.index(first), layout.lines.index(second)
    return all(line.role in ("chrome", "form", "caption", "dateline") for line in layout.lines[i + 1 : j])
