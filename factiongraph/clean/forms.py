"""Line forms that give site chrome away without naming any site.

The phrase table in :mod:`factiongraph.clean.chrome` knows the wording of common widgets. A page
from an outlet never seen before words its chrome in its own way, but the *form* of a chrome line
is much the same everywhere: a file name, a stamp that holds nothing but a date and labels, a list
of lowercase keywords, a run of section names with no sentence in it, a site name cut into
" - " segments. This module holds those forms as small predicates on one line of text, plus the
few closed word lists they need (kept here as data, not spread through the code).

Every form has a stable rule id (``form.*``); :func:`match_form` returns the id of the first form
a line has, in the order of :data:`FORMS`. Forms that also depend on where a line sits (runs of
menu lines and teasers after the article, author boxes, labels under an image) are decided in
:mod:`factiongraph.clean.positions`, which uses the shape helpers here.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from factiongraph.clean.dates import parse_date
from factiongraph.clean.metadata import is_person_name

# ---------------------------------------------------------------- word lists (data)

# Generic names of site sections and navigation entries, the same across outlets. A line made
# only of these is a section label or a menu, never a sentence of reporting.
SECTION_WORDS: frozenset[str] = frozenset(
    """
    home news latest breaking world local national international regional region politics
    business economy markets finance money sport sports opinion opinions op-ed oped editorial
    editorials columns columnists column blogs blog analysis features feature culture arts
    lifestyle life style entertainment health science tech technology environment climate travel
    food education society media video videos photos photo pictures gallery galleries multimedia
    podcasts podcast audio live tv radio newsletters newsletter about contact advertise careers
    search menu more topics sections section reports investigations interviews interview
    in-depth explainers explainer fact-check weather obituaries jobs events archive archives
    subscriptions subscription account donate support shop store middle east africa asia europe
    americas gulf security defense defence military diplomacy energy conflict terrorism
    counterterrorism special report reports series exclusive insight dispatch briefing brief briefs
    commentary perspective perspectives spotlight focus desk tags tag & and
    """.split()
)

# Language names as a language switcher writes them (in English and in their own script).
LANGUAGE_NAMES: frozenset[str] = frozenset(
    """
    english arabic french français francais kurdish kurdî kurdi sorani kurmanji badini bahdini
    persian farsi turkish türkçe turkce spanish español espanol german deutsch russian русский
    hebrew עברית chinese 中文 urdu اردو italian italiano portuguese português العربية عربي
    کوردی كوردی فارسی
    """.split()
)

# Words a link to the same page in another language is written with, besides the language's
# name, which comes last ("Read in Arabic", "Leer en español", "Lire en français").
LANGUAGE_LINK_WORDS: frozenset[str] = frozenset(
    "read leer lire lesen ler leggi in en auf em this article story page version edition also view switch to".split()
)

# Words of a career, as author bios use them ("a senior fellow at", "editor of").
BIO_WORDS: frozenset[str] = frozenset(
    """
    fellow fellows director professor lecturer researcher research researchers analyst analysts
    editor editors journalist journalists correspondent reporter author authors writer scholar
    expert scientist chair chairman president founder co-founder associate nonresident visiting
    senior programme program institute university center centre ph.d. phd doctorate degree
    book books studies previously formerly served contributor contributors columnist commentator
    consultant adviser advisor specialist former ambassador diplomat graduate fellowship
    chief bureau
    """.split()
)

# Words a date stamp is written with ("Posted , updated", "Last updated", "3 hours ago",
# "Jan. 5, 2031 • 4 min read"), besides numbers.
DATE_WORDS: frozenset[str] = frozenset(
    """
    published publish posted updated update last modified created first date dated time on at
    issued edited revised
    am pm a an p m d w gmt utc ast est edt cet cest bst ist ago hours hour hrs hr minutes minute mins min
    seconds secs days day weeks week months month years year read reading today yesterday just
    now st nd rd th t z ah h
    muharram safar rabi al awwal thani jumada ula akhira rajab shaban sha'ban ramadan shawwal dhu
    qadah qa'dah hijjah
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri
    sat sun january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    """.split()
)
# A date stamp names what the date is about; one of these must be there.
DATE_LABELS: frozenset[str] = frozenset(
    "published posted updated modified created dated date ago read today yesterday issued edited revised".split()
)
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b|\b\d{1,2}:\d{2}\b")

_WORD_OR_NUMBER = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?|\d+")
_SENTENCE_MARK = re.compile(r"[.!?;:\"]")
_FILE_NAME = re.compile(
    r"(?:(?:file|image|media)\s*:\s*)?[^\s/\\][^/\\]{0,80}\.(?:svg|png|jpe?g|gif|webp|bmp|tiff?|avif|heic)",
    re.IGNORECASE,
)
_CELL_GAP = re.compile(r"\s{2,}|\t")
_LIST_SEPARATOR = re.compile(r"\s{2,}|\t|\s*[,;|•·]\s*")
_SITE_SEPARATOR = re.compile(r"\s+(?:-|–|—|\||::|/|•|·|»|›|>)\s+")
_TOKEN_SEPARATOR = re.compile(r"[\s|•·/,]+")
_AUTHOR_BOX = re.compile(
    r"(?:about|meet) (?:the |this |our )?(?:authors?|writers?|contributors?|reporters?|experts?|editors?)\b",
    re.IGNORECASE,
)
_BIO_VERB = re.compile(
    r"\s*(?:,|is|was|has|serves|served|works|worked|writes|wrote|covers|covered|teaches|leads|led|"
    r"holds|heads|directs|received|joined|specializes|specialises|focuses|researches)\b"
)
_TERMINAL = re.compile(r"[.!?:;,…][\"')\]]*$")
_FUNCTION_WORDS = frozenset("a an the of to in on at by for from with and or but as that".split())
# Words a headline of eight words or more nearly always holds one of; a menu holds none.
_HEADLINE_GLUE = _FUNCTION_WORDS | frozenset(
    "after amid over against into before about under near off across through toward towards during within "
    "without between since until via upon onto despite is are was were be has have".split()
)
_TAG_LABEL = re.compile(r"^(?:tags|tagged|topics|keywords|related topics|filed under)\s*[:\-–]?\s+", re.IGNORECASE)
_HASHTAG = re.compile(r"#[^\W_][\w-]*")
# Section words that make a label of the name before them ("Iraq News", "Lebanon Updates").
_LABEL_HEADS = frozenset("news updates headlines videos".split())
_CAMEL_SPLIT = re.compile(r"(?<=[a-z]{3})(?=[A-Z])")


# ---------------------------------------------------------------- single-line forms


def is_file_name(text: str) -> bool:
    """Return True for a line that is only an image file name ("Iraq location map.svg")."""
    return len(text.split()) <= 10 and _FILE_NAME.fullmatch(text.strip()) is not None


def is_date_stamp(text: str) -> bool:
    """Return True for a line of date labels, numbers and times only ("Posted , updated", "3 hours ago").

    The line must name what its date is about (published, updated, ago, read, ...) or hold a
    date or a time in figures ("Friday 14/11/2031", "10:32 AM"), so a bare number or weekday is
    not taken for a stamp. A line with a whole date in it is left to the dateline rule, which
    also reads the date ("Date3 March 2029" in a fact box is not chrome).
    """
    tokens = _WORD_OR_NUMBER.findall(text.lower())
    if not tokens or len(tokens) > 16:
        return False
    found = parse_date(text)
    if found is not None and found.month is not None:
        return False
    if not all(t.isdigit() or t in DATE_WORDS for t in tokens):
        return False
    return any(t in DATE_LABELS for t in tokens) or _NUMERIC_DATE.search(text) is not None


def _segments(text: str, separator: re.Pattern[str]) -> list[str]:
    return [s.strip() for s in separator.split(text.strip()) if s.strip()]


def is_short_label(segment: str, max_words: int = 4) -> bool:
    """Return True for a short segment with letters and no sentence punctuation."""
    return (
        0 < len(segment.split()) <= max_words
        and not _SENTENCE_MARK.search(segment)
        and any(ch.isalpha() for ch in segment)
    )


def is_tag_run(text: str, min_items: int = 3) -> bool:
    """Return True for a list of lowercase keywords ("iraq, militias, drones", "security   armed groups").

    Items are split by commas, semicolons, bars, bullets or runs of spaces; each is at most three
    words without sentence punctuation or digits, and most start in lower case (a tag list is
    written the way tags are stored; a list of names in the article is capitalised).
    """
    text = _TAG_LABEL.sub("", text.strip())
    if _TERMINAL.search(text):
        return False
    if _HASHTAG.sub("", text).strip(" ,|•·") == "" and len(_HASHTAG.findall(text)) >= 2:
        return True  # "#iraq #militias #drones"
    if _is_bare_keywords(text):
        return True
    items = _segments(text, _LIST_SEPARATOR)
    if len(items) < min_items or not all(is_short_label(i, 3) and not any(c.isdigit() for c in i) for i in items):
        return False
    lower = sum(1 for i in items if i[0].islower())
    return items[0][0].islower() and lower * 2 > len(items)


def _is_bare_keywords(text: str) -> bool:
    """Return True for two to eight lowercase words with no function word ("iraq militias drones").

    Prose that starts in lower case (a hard-wrapped paragraph going on) is glued by "the", "of",
    "said" ...; a row of stored tags is not.
    """
    words = text.split()
    return (
        2 <= len(words) <= 8
        and text == text.lower()
        and all(w.isalpha() or "-" in w for w in words)
        and not any(w in _HEADLINE_GLUE for w in words)
    )


def is_cell_run(text: str) -> bool:
    """Return True for three or more short labels set apart by runs of spaces (a menu or tag bar)."""
    if not _CELL_GAP.search(text.strip()):
        return False
    cells = _segments(text, _CELL_GAP)
    return len(cells) >= 3 and all(is_short_label(c) and not c.endswith(",") for c in cells)


def is_site_name(text: str) -> bool:
    """Return True for a site name or menu cut into capitalised segments ("X News - Local News - Site").

    Segments are set off by spaced dashes, bars, slashes, bullets or arrows; three or more, each
    of at most four words without sentence punctuation or commas.
    """
    parts = _segments(text, _SITE_SEPARATOR)
    if len(parts) == 2 and any(_tokens(p) and all(t in SECTION_WORDS for t in _tokens(p)) for p in parts):
        parts = [*parts, parts[-1]]  # two labels, one a section name: "Politics | Iraq"
    return (
        len(parts) >= 3
        and len(text.split()) <= 14
        and all(is_short_label(p) and "," not in p and (p[0].isupper() or p[0].isdigit()) for p in parts)
    )


def _tokens(text: str) -> list[str]:
    return [t for t in _TOKEN_SEPARATOR.split(text.strip().lower()) if t]


def is_section_words(text: str) -> bool:
    """Return True for a line made of section names only: one label ("Opinion") or a whole menu.

    Short lines must be all section words; a menu of four or more entries may hold a few other
    names ("Home News Kurdistan World Business Sports") when two thirds are section words and
    every entry is capitalised. A long capitalised run with a section word, no word that glues a
    headline together ("of", "in", "after", "is", ...) and no possessive is a menu whatever its
    other entries ("Home Baghdad Basra Mosul Erbil Kirkuk Najaf Karbala").
    """
    if _SENTENCE_MARK.search(text):
        return False
    tokens = _tokens(text)
    if not tokens or len(tokens) > 40:
        return False
    known = sum(1 for t in tokens if t in SECTION_WORDS)
    if known == len(tokens):
        return any(t not in ("&", "and") for t in tokens)
    if len(tokens) <= 3 and tokens[-1] in _LABEL_HEADS and all(w[:1].isupper() for w in text.split()):
        return True  # a place's section: "Iraq News", "Kurdistan Updates"
    words = [t for t in _TOKEN_SEPARATOR.split(text.strip()) if t]
    capitalised = all(t in ("&", "and") or t[:1].isupper() or t[:1].isdigit() for t in words)
    if not capitalised or len(tokens) < 4:
        return False
    if known * 3 >= len(tokens) * 2:
        return True
    glued = any(t in _HEADLINE_GLUE for t in tokens) or "'" in text
    return len(tokens) >= 8 and known >= 1 and not glued


def is_glued_labels(text: str) -> bool:
    """Return True for section names a scraper glued together ("newsIsrael News", "HomeIraq").

    A word that changes from lower to upper case inside itself is split there; the line is chrome
    when one of the pieces is a section word and the line is short. A brand written that way
    ("KirkukNow") has no section word in it.
    """
    words = text.split()
    if not words or len(words) > 6 or _SENTENCE_MARK.search(text):
        return False
    pieces = [p.lower() for w in words for p in _CAMEL_SPLIT.split(w) if p]
    glued = any(_CAMEL_SPLIT.search(w) for w in words)
    return glued and any(p in SECTION_WORDS and p not in ("&", "and") for p in pieces)


def is_language_list(text: str) -> bool:
    """Return True for a language switcher: language names only ("English | العربية"), or a link
    to the page in another language ("Read in Arabic", "Leer en español")."""
    tokens = _tokens(text)
    if not tokens or len(tokens) > 12:
        return False
    if all(t in LANGUAGE_NAMES for t in tokens):
        return True
    # a link to the page in another language: "Read in Arabic", "Leer en español"
    return len(tokens) <= 4 and tokens[-1] in LANGUAGE_NAMES and all(
        t in LANGUAGE_LINK_WORDS or t in LANGUAGE_NAMES for t in tokens) and not _SENTENCE_MARK.search(text)


def is_author_box(text: str) -> bool:
    """Return True for the heading of an author box ("ABOUT THE AUTHORS ...", "About the author")."""
    return _AUTHOR_BOX.match(text.strip(" •·|*-–—")) is not None


def is_bio_line(text: str) -> bool:
    """Return True for a line of an author box.

    A bare name; a name followed by "is", "was", "has" ... in a line that speaks of a career
    ("fellow", "editor", "university", ...); a short role line ("Senior Fellow, Iraq Programme");
    a social handle. A sentence of reporting about a named person has no career words.
    """
    stripped = text.strip()
    if is_person_name(stripped) or re.fullmatch(r"@\w{2,30}", stripped):
        return True
    has_career = any(w.strip(",.;:()").lower() in BIO_WORDS for w in stripped.split())
    tokens = stripped.split()
    if has_career and len(tokens) <= 8 and not _TERMINAL.search(stripped):
        return True
    for size in range(min(5, len(tokens) - 1), 1, -1):
        head = " ".join(tokens[:size]).rstrip(",")
        if is_person_name(head) and _BIO_VERB.match(stripped[len(head) :]):
            return has_career
    return False


# ---------------------------------------------------------------- shapes used by position rules


def is_menu_entry(text: str) -> bool:
    """Return True for a short capitalised line without sentence punctuation or digits ("World News")."""
    words = text.split()
    return (
        0 < len(words) <= 3
        and not _SENTENCE_MARK.search(text)
        and not any(ch.isdigit() for ch in text)
        and "," not in text
        and all(w[0].isupper() or w in ("&", "and") for w in words)
    )


_LIST_NUMBER = re.compile(r"^\s*\d{1,2}[.)]?\s+(?=\S)")


def is_headline_like(text: str) -> bool:
    """Return True for a line that reads as a headline: 4-20 words, capital start, no final stop.

    A list's number before it is not counted ("2 Heavy rain floods streets in Erbil" in a "Most
    read" list)."""
    text = _LIST_NUMBER.sub("", text, count=1)
    words = text.split()
    return 4 <= len(words) <= 20 and text[:1].isupper() and not _TERMINAL.search(text.strip())


def is_cut_off(text: str) -> bool:
    """Return True for a line that ends where a scraper stopped: mid-word or after a function word.

    ("... carried out by t", "... in the"): such a last line is a paragraph cut short, not a
    headline, whatever its length.
    """
    words = text.split()
    if not words or _TERMINAL.search(text.strip()):
        return False
    last = words[-1]
    return last.lower() in _FUNCTION_WORDS or (len(last) <= 2 and last.islower())


# ---------------------------------------------------------------- the table

# (rule id, predicate), tried in this order on lines no earlier pass has labelled.
FORMS: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("form.file-name", is_file_name),
    ("form.date-stamp", is_date_stamp),
    ("form.site-name", is_site_name),
    ("form.language-list", is_language_list),
    ("form.section-words", is_section_words),
    ("form.glued-labels", is_glued_labels),
    ("form.tag-list", is_tag_run),
    ("form.cell-run", is_cell_run),
)


def match_form(text: str) -> str | None:
    """Return the id of the first chrome form ``text`` has, or None."""
    for rule_id, predicate in FORMS:
        if predicate(text):
            return rule_id
    return None
