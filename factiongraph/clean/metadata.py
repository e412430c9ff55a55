"""Read article metadata from lines and text: bylines, person names, titles and the outlet.

The outlet of a scraped page is often not written anywhere as site metadata. News copy names it
anyway, in how sources are introduced: "an official told <Outlet>", "a statement received by
<Outlet>", "<Outlet> has learned". The outlet most often addressed that way is the publisher.
"<Other outlet> reported" is a citation of somebody else's reporting and is not counted.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

log = logging.getLogger(__name__)

# Name particles that may be lower case inside a person's name.
_PARTICLES = frozenset(
    "al el bin ibn bint abu abd abdul de da di du del della van von der den la le ul ud ad as ash".split()
)
_NAME_TOKEN = re.compile(r"(?:(?:al|el|ad|as|ash|an|ul|ud)-)?[A-Z][\w'.]*(?:-[A-Za-z][\w']*)*|[A-Z]\.")
_ROLE_WORDS = (
    r"(?:Senior |Staff |Special |Chief |Foreign |Political |Security |Middle East |Baghdad |Iraq |Contributing )?"
    r"(?:Reporter|Correspondent|Writer|Editor|Contributor|Columnist|Journalist|Analyst|Producer)"
)
_BY = re.compile(r"^(?:written |words |reporting |report )?by[:\s]+(?P<rest>.+)$", re.IGNORECASE)
_NAME_ROLE = re.compile(rf"^(?P<name>[^,|]{{3,60}}),\s*(?:an? |the )?{_ROLE_WORDS}\b.*$")
_SEPARATORS = re.compile(r"\s*(?:\||•|·|—|–|\s-\s|,\s*(?=\d)|\bon\b(?=\s+\w+\s+\d))\s*")


def is_person_name(text: str) -> bool:
    """Return True when ``text`` looks like a bare personal name ("Ali Mamouri", "Faris al-Omran")."""
    tokens = text.strip().split()
    if not 2 <= len(tokens) <= 5 or text.strip()[-1:] in ".:;!?,":
        return False
    capitalised = 0
    for token in tokens:
        if token.lower().rstrip(".") in _PARTICLES:
            continue
        if not _NAME_TOKEN.fullmatch(token):
            return False
        capitalised += 1
    return capitalised >= 2 or (capitalised == 1 and len(tokens) >= 2 and "-" in text)


def _is_name_list(text: str) -> bool:
    parts = re.split(r"\s*(?:,|\band\b|&)\s*", text)
    return all(is_person_name(p) for p in parts if p)


@dataclass(slots=True, frozen=True)
class Byline:
    """An author read from a byline line, plus anything written after it (often a date)."""

    author: str
    rest: str


def parse_byline(line: str) -> Byline | None:
    """Return the author of a byline line ("By X", "By X |", "By X and Y", "X, Reporter"), or None."""
    text = line.strip().strip("|•·").strip()
    if len(text.split()) > 16:
        return None
    by = _BY.match(text)
    if by:
        pieces = _SEPARATORS.split(by.group("rest"), maxsplit=1)
        name = pieces[0].strip().rstrip(",|").strip()
        rest = pieces[1].strip() if len(pieces) > 1 else ""
        if name and _is_name_list(name):
            return Byline(name, rest)
        return None
    role = _NAME_ROLE.match(text)
    if role and is_person_name(role.group("name").strip()):
        return Byline(role.group("name").strip(), "")
    return None


_TITLE_SUFFIX = re.compile(r"\s+(?:\||–|—|-|::|»)\s+[^|–—»]{2,60}$")


def strip_title_suffix(title: str, site_name: str | None = None) -> str:
    """Return a page title without a trailing " | Site" part.

    The suffix goes when it names the site, or when it is short and the rest still reads as a title.
    """
    title = title.strip()
    found = _TITLE_SUFFIX.search(title)
    if not found:
        return title
    head, tail = title[: found.start()].strip(), found.group(0).strip(" |–—-:»")
    if site_name and tail.lower() == site_name.strip().lower():
        return head
    if len(tail.split()) <= 4 and len(head.split()) >= 3:
        return head
    return title


# ---------------------------------------------------------------- outlet inference

_GENERIC_OUTLET = r"(?:[Tt]he )?[A-Z][\w'&]*(?:-[A-Za-z][\w']*)*(?: (?:[A-Z][\w'&]*(?:-[A-Za-z][\w']*)*|al-\w+|el-\w+)){0,3}"
# (pattern id, template); {o} is the outlet alternative. Targets: the outlet a source speaks to.
_TARGET_TEMPLATES: tuple[tuple[str, str], ...] = (
    ("told", r"\b(?:told|tells|telling)\s+(?P<o>{o})"),
    ("spoke-to", r"\b(?:speaking|spoke|talking|talked|said|explained|confirmed)\s+to\s+(?P<o>{o})"),
    ("interview", r"\b(?:in\s+an?\s+(?:exclusive\s+)?interview\s+with|interviewed\s+by|contacted\s+by)\s+(?P<o>{o})"),
    ("received-by", r"\b(?:received|obtained|seen|reviewed|verified|acquired)\s+by\s+(?P<o>{o})"),
    ("comments-to", r"\bin\s+(?:comments|remarks|a\s+statement)\s+to\s+(?P<o>{o})"),
    ("has-learned", r"(?P<o>{o})\s+(?:has|have)\s+(?:learned|learnt|confirmed)"),
)
# A template that opens with the outlet name makes the regex try the name at every position;
# it is only run when its fixed words (a necessary part of any match) occur in the text.
_TEMPLATE_CUES: dict[str, re.Pattern[str]] = {
    "has-learned": re.compile(r"(?:has|have)\s+(?:learned|learnt|confirmed)"),
}
# The words one of which every match of a template holds (case as written, like the templates):
# a text without any skips the template's scan.
_TEMPLATE_WORDS: dict[str, tuple[str, ...]] = {
    "told": ("told", "tell"),
    "spoke-to": ("speaking", "spoke", "talking", "talked", "said", "explained", "confirmed"),
    "interview": ("interview", "contacted"),
    "received-by": ("received", "obtained", "seen", "reviewed", "verified", "acquired"),
    "comments-to": ("comments", "remarks", "statement"),
}
_NOT_OUTLET = frozenset(
    "the he she they it we i you reporters journalists him her them us me parliament police".split()
)


_TRAILING_NOISE = re.compile(
    r"(?:\s+(?:on|last|this|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"January|February|March|April|May|June|July|August|September|October|November|December))+$"
)


def _trim_outlet(raw: str) -> str:
    """Return a captured outlet name without a leading "the", a possessive or trailing weekdays."""
    name = re.sub(r"^[Tt]he\s+", "", raw.strip())
    name = re.sub(r"(?:'s|')$", "", name.rstrip(".,;:"))
    return _TRAILING_NOISE.sub("", name).strip()


@dataclass(slots=True, frozen=True)
class OutletGuess:
    """The outlet inferred from the text, how often it was addressed, and why."""

    name: str
    count: int
    basis: str


def _compile_targets(alternative: str, flags: int = 0) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((pid, re.compile(tpl.format(o=alternative), flags)) for pid, tpl in _TARGET_TEMPLATES)


class OutletFinder:
    """Infers the publishing outlet from who the article's sources speak to. Build once."""

    def __init__(self, outlet_names: Sequence[str] = ()) -> None:
        names = sorted({n.strip() for n in outlet_names if n and n.strip()}, key=len, reverse=True)
        self._known = {n.lower(): n for n in names}
        self._known_patterns = (
            _compile_targets(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")
            if names
            else ()
        )
        self._generic_patterns = _compile_targets(_GENERIC_OUTLET)

    def is_known(self, name: str) -> bool:
        """Return True when ``name`` is one of the known outlet names (case-insensitive)."""
        return name.strip().lower() in self._known

    def find_named(self, note: str) -> str | None:
        """Return the outlet named by a short note ("Article source: <name or URL>"), or None."""
        note = note.strip()
        lowered = note.lower()
        for key, name in self._known.items():
            if re.search(rf"(?<![\w-]){re.escape(key)}(?![\w-])", lowered):
                return name
        domain = re.search(r"(?:https?://)?(?:www\.)?([\w-]+)\.[a-z.]{2,10}(?:/|$)", lowered)
        if domain:
            compact = re.sub(r"[\W_]", "", domain.group(1))
            for key, name in self._known.items():
                if re.sub(r"[\W_]", "", key) == compact:
                    return name
            return None
        return note if 0 < len(note.split()) <= 4 and note[0].isupper() else None

    def find_outlet(self, text: str) -> OutletGuess | None:
        """Return the outlet most often addressed by the text's sources, preferring known names."""
        known = self._count(text, self._known_patterns)
        if known:
            return self._best(known, "known outlet")
        generic = self._count(text, self._generic_patterns)
        generic = Counter({k: v for k, v in generic.items() if self._is_plausible(k)})
        if generic:
            return self._best(generic, "unlisted name")
        return None

    @staticmethod
    def _count(text: str, patterns: tuple[tuple[str, re.Pattern[str]], ...]) -> Counter[str]:
        counts: Counter[str] = Counter()
        for pid, pattern in patterns:
            cue = _TEMPLATE_CUES.get(pid)
            if cue is not None and cue.search(text) is None:
                continue
            words = _TEMPLATE_WORDS.get(pid)
            if words is not None and not any(word in text for word in words):
                continue
            for match in pattern.finditer(text):
                name = _trim_outlet(match.group("o"))
                if name:
                    counts[name] += 1
        return counts

    @staticmethod
    def _is_plausible(name: str) -> bool:
        return bool(name) and name.lower() not in _NOT_OUTLET and not name[0].isdigit()

    def _best(self, counts: Counter[str], kind: str) -> OutletGuess:
        name, count = counts.most_common(1)[0]
        surface = name
        basis = f"inferred: sources speak to {surface} ({count}x, {kind})"
        log.debug("outlet %s", basis)
        return OutletGuess(surface, count, basis)


_WIRE_DATELINE = re.compile(
    r"^[A-Z][A-Z .'-]{2,40}(?:,\s*[A-Za-z .]{2,30})?\s*\((?P<o>[A-Z][\w .&-]{1,30})\)\s*[-—–:]"
)


def find_wire_dateline(paragraph: str) -> str | None:
    """Return the agency of a wire dateline ("BAGHDAD (AFP) -- ..."), or None."""
    found = _WIRE_DATELINE.match(paragraph.strip())
    return found.group("o").strip() if found else None


_COPYRIGHT_NOISE = re.compile(
    r"(?i)©|\(c\)|\bcopyright\b|\ball rights reserved\b|\b(?:19|20)\d\d\b|[-–—,.|]"
)


def find_copyright_holder(line: str) -> str | None:
    """Return the holder named by a copyright line ("© 2022 Example Times. All rights reserved.")."""
    name = collapse_spaces(_COPYRIGHT_NOISE.sub(" ", line))
    if name.lower().startswith("the "):
        name = name[4:]
    words = name.split()
    if 1 <= len(words) <= 5 and all(w[0].isupper() or w.lower() in _PARTICLES for w in words):
        return name
    return None


def collapse_spaces(text: str) -> str:
    """Return ``text`` with whitespace runs collapsed to one space and stripped."""
    return " ".join(text.split())
