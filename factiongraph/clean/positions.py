"""Chrome told by a line's form and its place on the page, not by its wording.

The passes here run inside :class:`factiongraph.clean.text.LineClassifier`, between and after its
own passes. Each labels lines with a stable rule id:

- ``form.author-box`` / ``zone.author-bio``: an "About the authors" heading and the bios under it;
- ``form.*``: the single-line forms of :data:`factiongraph.clean.forms.FORMS`;
- ``edge.image-label``: short labels printed right under an image file name (map pins);
- ``edge.chrome-cluster``: short labels between two boilerplate lines (or under the title);
- ``form.menu-run``: three or more short capitalised lines after the last paragraph;
- ``edge.teaser``: two or more headline-like lines after the last paragraph;
- ``repeat.label``: a short label printed twice, one copy outside the article;
- ``repeat.chrome``: a copy of a line found to be chrome elsewhere on the page;
- ``repeat.caption-echo``: a later copy of a caption (or of a long line) that only drops or adds
  a credit.
"""

from __future__ import annotations

import re

from factiongraph.clean.forms import (
    is_author_box,
    is_bio_line,
    is_cut_off,
    is_file_name,
    is_headline_like,
    is_menu_entry,
    is_short_label,
    match_form,
)
from factiongraph.clean.lines import Line, TextLayout, ends_sentence, is_paragraph, set_part
from factiongraph.model import BlockPart


def mark_author_boxes(layout: TextLayout) -> None:
    """Label an "About the authors" heading and the bio lines right under it as boilerplate.

    The heading may carry the first bio on its own line ("ABOUT THE AUTHORS Jane Roe is ...");
    the box ends at the first line that is not a name, a name with "is/was/has ...", or a short
    role line.
    """
    in_box = False
    for line in layout.lines:
        if line.role:
            in_box = in_box and line.role == "chrome"
            continue
        if is_author_box(line.text):
            set_part(line, BlockPart.BOILERPLATE, "form.author-box", "author-box")
            in_box = True
        elif in_box and is_bio_line(line.text) and match_form(line.text) is None:
            set_part(line, BlockPart.BOILERPLATE, "zone.author-bio", "author-box")
        else:
            in_box = False


def mark_form_lines(layout: TextLayout) -> None:
    """Label unlabelled lines whose form alone shows they are chrome (see ``forms.FORMS``)."""
    for line in layout.lines:
        if line.role:
            continue
        rule = match_form(line.text)
        if rule is not None:
            set_part(line, BlockPart.BOILERPLATE, rule, "form")


def _article_span(layout: TextLayout) -> tuple[int, int] | None:
    """Return the indexes of the first and the last prose paragraph, or None without any."""
    prose = [i for i, line in enumerate(layout.lines) if line.part is BlockPart.BODY and is_paragraph(line)]
    return (prose[0], prose[-1]) if prose else None


def _last_sentence(layout: TextLayout, last_paragraph: int) -> int:
    """Return the index of the article's last line: its last paragraph, or a short sentence after it.

    ("The Coordination Framework welcomed the deal." closes a page after a list of key points:
    the list is the article's, not a row of links.)
    """
    for i in range(len(layout.lines) - 1, last_paragraph, -1):
        line = layout.lines[i]
        if line.part is BlockPart.BODY and not line.role and line.words >= 4 and ends_sentence(line.text):
            return i
    return last_paragraph


def mark_edges(layout: TextLayout) -> None:
    """Label chrome told by its position: around the article, or under an image file name."""
    _mark_image_labels(layout)
    _mark_chrome_clusters(layout)
    span = _article_span(layout)
    if span is None:
        return
    end = _last_sentence(layout, span[1]) + 1
    _mark_menu_runs(layout, end)
    _mark_teasers(layout, end)


# How many short label lines the page may end on after the article and still be read as its tags.
_MAX_TAIL_LABELS = 6


def mark_tail_labels(layout: TextLayout) -> None:
    """Label the short lines the page ends on after the article's last sentence ("Iraq" / "Islamic
    State group" under "Read more on related topics:", or alone): topic tags and section links.

    Only when every unlabelled line left is such a label, so a closing subhead with its paragraph,
    a signature with a sentence, or a cut-off last line keeps the article's tail as it is. Runs
    last, so the lines other passes name more precisely (a repeat of chrome) keep their rule.
    """
    span = _article_span(layout)
    if span is None:
        return
    start = _last_sentence(layout, span[1]) + 1
    tail = [line for line in layout.lines[start:] if _unlabelled_body(line)]
    if not tail or len(tail) > _MAX_TAIL_LABELS:
        return
    if not all(is_short_label(line.text, 4) and line.words <= 4 and not is_headline_like(line.text)
               and not is_cut_off(line.text) for line in tail):
        return
    for line in tail:
        set_part(line, BlockPart.BOILERPLATE, "edge.tail-labels", "form")


def mark_author_lines(layout: TextLayout) -> None:
    """Label the lines that name the byline's author again: an author box, not the article.

    ("By Omar Hassan" then "Omar Hassan" / "Senior analyst" above the first paragraph; "Omar
    Hassan is a senior analyst at ..." after the last.) Above the first paragraph: the bare name
    and a short role line right under it. After the last paragraph: a line that opens with the
    name and goes on as a bio does ("is", "was", "has", "covers" ... with career words).
    """
    author = collapse_author(layout.author)
    span = _article_span(layout)
    if not author or span is None:
        return
    names = author_names(author)
    first, last = span
    for i, line in enumerate(layout.lines):
        if not _unlabelled_body(line) or line.role == "title":
            continue
        text = collapse_author(line.text)
        if i < first and text == author:
            set_part(line, BlockPart.BOILERPLATE, "byline.repeat", "byline")
            after = layout.lines[i + 1] if i + 1 < first else None
            if after is not None and _unlabelled_body(after) and is_short_label(after.text):
                set_part(after, BlockPart.BOILERPLATE, "byline.role", "byline")
        elif (i >= last or i <= first) and first < last and any(text.startswith(name + " ") for name in names) \
                and is_bio_line(line.text):
            set_part(line, BlockPart.BOILERPLATE, "byline.bio", "byline")


def collapse_author(name: str | None) -> str:
    """Return a name lower-cased with its spaces collapsed ("" for None)."""
    return " ".join((name or "").split()).casefold()


def author_names(author: str) -> list[str]:
    """Return the names in a byline's author ("Ana Ruiz and Sam Lee" -> both, and the whole)."""
    parts = [p.strip() for p in re.split(r"\s*(?:,|&|\band\b)\s*", author) if p.strip()]
    names = [author, *parts] if len(parts) > 1 else [author]
    # a bio may name the author by title and surname: "Mr. Karam is a political scientist at ..."
    surnames = [p.split()[-1] for p in parts if len(p.split()) >= 2]
    return names + [f"{title} {surname}" for surname in surnames for title in _TITLES]


_TITLES = ("mr.", "ms.", "mrs.", "dr.", "prof.", "mr", "ms", "mrs", "dr", "prof")


def _unlabelled_body(line: Line) -> bool:
    return line.part is BlockPart.BODY and line.role in ("", "form")


def _mark_menu_runs(layout: TextLayout, start: int) -> None:
    """Label runs of three or more short capitalised lines ("World", "Iraq", "Opinion") from ``start``.

    Only after the article's last paragraph: lines above the title are labels anyway, and between
    the title and the first paragraph such a run can be a fact box whose entries name actors.
    """
    run: list[Line] = []
    labels = 0  # entries of the run, also those a rule already found ("Topics", "Iraq", "Free Speech")
    for line in [*layout.lines[start:], None]:
        if line is not None and line.role != "title" and _unlabelled_body(line) and is_menu_entry(line.text):
            run.append(line)
            labels += 1
            continue
        if line is not None and line.role in ("chrome", "form", "related", "repeat"):
            labels += is_short_label(line.text, 3)
            continue  # a share button inside a menu does not end it
        if run and labels >= 3:
            for entry in run:
                set_part(entry, BlockPart.BOILERPLATE, "form.menu-run", "form")
        run, labels = [], 0


def _mark_teasers(layout: TextLayout, start: int) -> None:
    """Label two or more headline-like lines after the last paragraph: links to other stories.

    The page's last line is left alone when it looks cut off (the scrape stopped inside a
    paragraph), and one headline-like line alone may be a subhead whose text was cut away.
    """
    tail = [line for line in layout.lines[start:] if line.part is BlockPart.BODY and not line.role]
    if tail and tail[-1] is layout.lines[-1] and is_cut_off(tail[-1].text):
        tail = tail[:-1]
    teasers = [line for line in tail if is_headline_like(line.text)]
    if len(teasers) >= 2:
        for line in teasers:
            set_part(line, BlockPart.BOILERPLATE, "edge.teaser", "teaser")


def _mark_image_labels(layout: TextLayout) -> None:
    """Label the short lines (map pins, "Enlarge") printed right under an image file name."""
    for i, line in enumerate(layout.lines):
        if line.rule != "form.file-name":
            continue
        for after in layout.lines[i + 1 : i + 3]:
            if after.role or not is_short_label(after.text, 3) or is_file_name(after.text):
                break
            set_part(after, BlockPart.BOILERPLATE, "edge.image-label", "form")


def _mark_chrome_clusters(layout: TextLayout) -> None:
    """Label short label lines that sit between two boilerplate lines.

    ("Short Url" / "Iraq" / "Updated 5 January 2031", or menu entries between two section
    names): labels inside a cluster of page furniture are furniture too; the title counts as the
    upper edge of the cluster under it (a section label between headline and byline). A subhead
    is followed by its paragraph, so it never sits between two. Runs of up to six are taken whole.
    """
    lines = layout.lines
    i = 1
    while i < len(lines) - 1:
        j = i
        while j < len(lines) - 1 and not lines[j].role and is_short_label(lines[j].text, 3):
            j += 1
        above = lines[i - 1].part is BlockPart.BOILERPLATE or lines[i - 1].role == "title"
        bounded = above and lines[j].part is BlockPart.BOILERPLATE
        if j > i and j - i <= 6 and bounded:
            for line in lines[i:j]:
                set_part(line, BlockPart.BOILERPLATE, "edge.chrome-cluster", "form")
        i = max(j, i + 1)


def mark_repeated_labels(layout: TextLayout) -> None:
    """Label every copy of a short label printed twice when one copy is outside the article.

    ("Example Times" at the top and the bottom of the page.) Inside the article a short line seen
    twice is left alone: it may be a subhead of a reposted text, handled by the repeat pass.
    """
    span = _article_span(layout)
    if span is None:
        return
    first, last = span
    copies: dict[str, list[int]] = {}
    for i, line in enumerate(layout.lines):
        if line.part is BlockPart.BODY and line.role in ("", "repeat") and is_menu_entry(line.text):
            copies.setdefault(line.key, []).append(i)
    for indexes in copies.values():
        if len(indexes) >= 2 and any(i < first or i > last for i in indexes):
            for i in indexes:
                set_part(layout.lines[i], BlockPart.BOILERPLATE, "repeat.label", "repeat")


def mark_repeated_chrome(layout: TextLayout) -> None:
    """Label body copies of a line that a rule found to be chrome elsewhere on the page.

    The same words printed twice play the same part: a site name taken as a section label above
    the title is chrome again in the footer. Copies of content (``repeat.*``) are no evidence.
    """
    chrome = {
        line.key
        for line in layout.lines
        if line.part is BlockPart.BOILERPLATE and not line.rule.startswith("repeat.")
    }
    for line in layout.lines:
        if line.part is BlockPart.BODY and line.role == "" and line.key in chrome:
            set_part(line, BlockPart.BOILERPLATE, "repeat.chrome", "repeat")


def mark_caption_echoes(layout: TextLayout) -> None:
    """Label a later line that repeats part of an earlier one: a caption or pull quote printed again.

    ("Fighters at the depot. [Photo: X]" then "Fighters at the depot."): the first copy stays.
    A later line wholly inside an earlier one is an echo when it has eight words or more (five
    when a caption is involved). A later line that adds a few words to an earlier one (a credit)
    is an echo only when one of the two is a caption; a paragraph that quotes an earlier pull
    quote and goes on is not.
    """
    seen: list[Line] = []
    for line in layout.lines:
        if line.part not in (BlockPart.BODY, BlockPart.CAPTION) or line.role == "title" or line.words < 5:
            continue
        if any(_is_echo(line, earlier) for earlier in seen):
            set_part(line, BlockPart.BOILERPLATE, "repeat.caption-echo", "repeat")
        else:
            seen.append(line)


def _is_echo(later: Line, earlier: Line) -> bool:
    """Return True when ``later`` repeats ``earlier`` (see :func:`mark_caption_echoes`)."""
    with_caption = BlockPart.CAPTION in (later.part, earlier.part)
    if later.key in earlier.key:
        return with_caption or later.words >= 8
    return with_caption and earlier.key in later.key and later.words - earlier.words <= 12
