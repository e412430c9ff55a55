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
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

log = logging.getLogger(__name__)

# Name particles that may be lower case inside a person's name.
_PARTICLES = frozenset(
    "al el bin ibn bint abu abd abdul de da di du del della van von der den la le ul ud ad as ash".split()
)
_NAME_TOKEN = re.compile(r"(?:(?:al|el|ad|as|ash|an|ul|ud)-)?[A-Z][\w'.]*(?:-[A-Za-z][\w']*)*|[A-Z]\.")
# A reporter's job as a byline gives it: "Staff Writer", "Middle East correspondent", "Bureau Chief".
_ROLE_WORDS = (
    r"(?:(?-i:[A-Z])[\w'&-]* ){0,3}(?i:reporter|correspondent|writer|editor|contributor|columnist|journalist|analyst|"
    r"producer|bureau chief|staff)s?"
)
_BY = re.compile(r"^(?:(?:written |posted |words |reporting |report |story |article |text )?by[:\s]+|(?:authors?|writer|reporter)\s*:\s*)"
                 r"(?P<rest>.+)$", re.IGNORECASE)
_ROLE = (rf"(?:an? |the )?(?:(?i:senior|chief|special|foreign|political|security|contributing|staff|our) )*{_ROLE_WORDS}"
         r"(?:\s+(?:at|for|with|of|in)\s+(?:the\s+)?(?-i:[A-Z])[\w'&.-]*(?:\s+(?-i:[A-Z])[\w'&.-]*){0,4})?"
         r"(?:,?\s+in\s+(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?|,\s*(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?)?")
_NAME_ROLE = re.compile(rf"^(?P<name>[^,|–—]{{3,60}}?)\s*(?:,|\||\s-|–|—)\s*{_ROLE}\s*$")
# Who the reporter wrote for, after the name: "Reuters", "The Daily Star" (capitalised, no sentence).
_AGENCY_CREDIT = re.compile(r"(?:The )?[A-Z][\w'&.-]*(?: (?:[A-Z][\w'&.-]*|\d{1,3})){0,3}")
# An agency's upper-case code or one-word name as a byline: "By AFP", "By INA".
_AGENCY_CODE = re.compile(r"[A-Z]{2,6}")
# A byline's agency in brackets after the name ("By Jane Doe (AFP)"), or after a bar ("Jane Doe | AFP").
_CREDIT_AFTER = re.compile(r"(?P<name>.{3,60}?)\s*\((?:[A-Z]{2,6}|Reuters|Xinhua|Anadolu)\)")
_NAME_BAR_AGENCY = re.compile(r"(?P<name>[^|]{3,60}?)\s*\|\s*(?:[A-Z]{2,6}|Reuters|Xinhua|Anadolu)")
_CALENDAR_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight then now january february march "
    "april may june july august september october november december".split()
)
_SEPARATORS = re.compile(r"\s*(?:\||•|·|—|–|;|\s-\s|,\s*(?=\d)|\bon\b(?=\s+\w+\s+\d))\s*")


def is_person_name(text: str) -> bool:
    """Return True when ``text`` looks like a bare personal name ("Ali Mamouri", "Faris al-Omran")."""
    tokens = text.strip().split()
    if not 2 <= len(tokens) <= 5 or text.strip()[-1:] in ".:;!?," or tokens[0] in ("The", "By", "BY"):
        return False
    shouted = [t for t in tokens if len(t) >= 2 and t.isupper()]
    if shouted and len(shouted) < len(tokens):
        return False  # an acronym among capitalised words is a label ("Iraq PMF Militias"), not a name
    capitalised = 0
    for token in tokens:
        if token.lower().rstrip(".") in _PARTICLES:
            continue
        if not _NAME_TOKEN.fullmatch(token):
            return False
        capitalised += 1
    return capitalised >= 2 or (capitalised == 1 and len(tokens) >= 2 and "-" in text)


# Words of an outlet's or an office's name, never of a person's: "Example News - Baghdad" is the outlet's dateline.
_INSTITUTION = re.compile(r"(?i)\b(?:news|agency|media|times|post|daily|press|network|channel|tv|radio|bureau|desk|staff|"
                          r"region|ministry|office|online|today|herald|tribune|journal|gazette|digital)\b")


def is_institution_name(text: str) -> bool:
    """Return True when a capitalised name holds a word of an outlet's or an office's name ("Example News")."""
    return _INSTITUTION.search(text) is not None


def _is_name_list(text: str) -> bool:
    parts = re.split(r"\s*(?:,|\band\b|&)\s*", text)
    # "Associated Press", "Example News": an outlet's words are never a person's name
    return all(is_person_name(p) and not is_institution_name(p) for p in parts if p)


# Words of a source credit that names no outlet ("News Agencies", "Wires", "Agencies and staff").
_GENERIC_CREDIT_WORDS = frozenset("news agencies agency wires wire services staff and websites media reports "
                                  "international local various other".split())

# A byline's name with the place the reporter filed from: "Jane Roe in Basra" ("Ana Ruiz in Erbil and
# Sam Lee in Kirkuk" is two of them).

FILED_FROM = re.compile(r"(?P<name>.{3,40}?) in [A-Z][\w'-]+(?: [A-Z][\w'-]+){0,2}")


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
        role = _NAME_ROLE.match(name)
        if role and is_person_name(role.group("name").strip()):
            name = role.group("name").strip()  # "By Jane Doe, Senior Correspondent"
        if name and _is_name_list(name):
            return Byline(name, rest)
        filed = [FILED_FROM.fullmatch(part) for part in re.split(r"\s+(?:and|&)\s+", name)]
        if filed and all(f is not None and is_person_name(f.group("name")) and not is_institution_name(f.group("name"))
                         for f in filed):
            # "By Jane Roe in Basra and Ali Omar in Baghdad": the places they filed from
            return Byline(" and ".join(f.group("name") for f in filed if f is not None), rest)
        credited = _CREDIT_AFTER.fullmatch(name)
        if credited and _is_name_list(credited.group("name")):
            return Byline(credited.group("name"), rest)  # "By Jane Doe (AFP)"
        if _AGENCY_CODE.fullmatch(name) or (_AGENCY_CREDIT.fullmatch(name) and not _is_calendar_word(name)):
            return Byline(name, rest)  # "By AFP", "By The Baghdad Post", "By Kurdistan24"
        head, _, credit = name.rpartition(",")
        if head and _is_name_list(head.strip()) and _AGENCY_CREDIT.fullmatch(credit.strip()):
            return Byline(head.strip(), rest)  # "By Jane Doe and Ali Omar, Reuters"
        return None
    role = _NAME_ROLE.match(text)
    if role and is_person_name(role.group("name").strip()):
        return Byline(role.group("name").strip(), "")
    barred = _NAME_BAR_AGENCY.fullmatch(text)
    if barred and is_person_name(barred.group("name")):
        return Byline(barred.group("name"), "")  # "Jane Doe | AFP"
    return None


def _is_calendar_word(name: str) -> bool:
    return name.lower().rstrip(".") in _CALENDAR_WORDS


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
    # the outlet telling its own reporting: "X could not independently verify", "X has reached out to"
    ("own-reporting", r"(?P<o>{o})\s+(?:could\s+not|cannot|was\s+unable\s+to|has\s+not\s+been\s+able\s+to)\s+"
                      r"(?:independently\s+)?(?:verify|confirm)"),
    ("own-contact", r"(?P<o>{o})\s+(?:has|have)\s+(?:reached\s+out|contacted|decided\s+not\s+to\s+"
                    r"(?:publish|air|broadcast|show))"),
)
# A template that opens with the outlet name makes the regex try the name at every position;
# it is only run when its fixed words (a necessary part of any match) occur in the text.
_TEMPLATE_CUES: dict[str, re.Pattern[str]] = {
    "has-learned": re.compile(r"(?:has|have)\s+(?:learned|learnt|confirmed)"),
    "own-reporting": re.compile(r"\b(?:could\s+not|cannot|unable\s+to|been\s+able\s+to)\s+(?:independently\s+)?"
                                r"(?:verify|confirm)"),
    "own-contact": re.compile(r"\b(?:has|have)\s+(?:reached\s+out|contacted|decided\s+not\s+to)"),
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
# Words of a state's, an international or a civic body's name: "told the Security Council", "told the
# Observatory" address a body, not a newsroom (an unlisted name only; known outlets are listed).
_BODY_WORD = re.compile(r"(?i)\b(?:council|committee|ministry|observatory|commission|parliament|court|assembly|"
                        r"government|department|mission|organi[sz]ation|union|nations|police|army|forces|command|"
                        r"embassy|consulate|institute|university|foundation|watch|senate|congress|cabinet|"
                        r"presidency|authority|directorate)\b")
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
    """Infers the publishing outlet from who the article's sources speak to. Build once.

    ``canonical`` maps a known name or alias to the outlet's own name ("Shafaq News Agency" ->
    "Shafaq News"); ``wires`` are the names and aliases of wire agencies, whose credit on a
    dateline or byline says who wrote the copy, not who published the page.
    """

    def __init__(self, outlet_names: Sequence[str] = (), canonical: Mapping[str, str] | None = None,
                 wires: Collection[str] = ()) -> None:
        names = sorted({n.strip() for n in outlet_names if n and n.strip()}, key=len, reverse=True)
        self._canonical = {k.strip().lower(): v for k, v in (canonical or {}).items()}
        self._wires = {w.strip().lower() for w in wires}
        self._known = {n.lower(): self._canonical.get(n.lower(), n) for n in names}
        self._known_patterns = (
            _compile_targets(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")
            if names
            else ()
        )
        self._generic_patterns = _compile_targets(_GENERIC_OUTLET)

    def is_known(self, name: str) -> bool:
        """Return True when ``name`` is one of the known outlet names (case-insensitive)."""
        return name.strip().lower() in self._known

    def is_wire(self, name: str) -> bool:
        """Return True when ``name`` is a wire agency (its credit is not the publisher)."""
        return name.strip().lower() in self._wires or self.canonical(name).lower() in self._wires

    def canonical(self, name: str) -> str:
        """Return the KB's own name for a known outlet name or alias, else ``name`` unchanged."""
        return self._known.get(name.strip().lower(), name.strip())

    def find_opener(self, paragraph: str) -> str | None:
        """Return the known outlet a paragraph opens with as its signature ("Shafaq News/ The ...")."""
        head = paragraph.lstrip()[:60]
        lowered = head.lower()
        for key, name in self._known.items():
            if lowered.startswith(key) and re.match(r"\s*(?:/|\||[-–—]\s|:\s)", head[len(key):]):
                return None if self.is_wire(name) else name
        return None
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
        if set(re.findall(r"[a-z]+", lowered)) <= _GENERIC_CREDIT_WORDS:
            return None  # "Source: News Agencies", "Agencies and staff": no one outlet
        return note if 0 < len(note.split()) <= 4 and note[0].isupper() else None

    def find_outlet(self, text: str) -> OutletGuess | None:
        """Return the outlet most often addressed by the text's sources, preferring known names.

        An outlet the text also cites as reporting ("X reported", "according to X", "an X
        correspondent") is a source the article relays, not its publisher: then the publisher is
        unknown (None), since the text does not say who it is.
        """
        known = self._count(text, self._known_patterns)
        if known:
            guess = self._best(known, "known outlet")
        else:
            generic = self._count(text, self._generic_patterns)
            generic = Counter({k: v for k, v in generic.items() if self._is_plausible(k)})
            if not generic:
                return None
            guess = self._best(generic, "unlisted name")
        if is_cited_as_reporting(text, guess.name):
            log.debug("outlet %s is cited as reporting: a relayed source, not the publisher", guess.name)
            return None
        if self.is_wire(guess.name):
            log.debug("sources speak to the wire agency %s: wire copy, publisher not stated", guess.name)
            return None
        return OutletGuess(self.canonical(guess.name), guess.count, guess.basis)

    @staticmethod
    def _count(text: str, patterns: tuple[tuple[str, re.Pattern[str]], ...]) -> Counter[str]:
        """Count the names the patterns capture; a name cut off by the end of the text, or owned
        by someone ("Israel's Ynetnews": another country's outlet), is not a publisher's name."""
        counts: Counter[str] = Counter()
        for pid, pattern in patterns:
            cue = _TEMPLATE_CUES.get(pid)
            if cue is not None and cue.search(text) is None:
                continue
            words = _TEMPLATE_WORDS.get(pid)
            if words is not None and not any(word in text for word in words):
                continue
            for match in pattern.finditer(text):
                if match.end("o") >= len(text.rstrip()):
                    continue  # the excerpt stops inside the name
                raw = match.group("o")
                if re.search(r"\w['’]s\s", raw):
                    continue
                name = _trim_outlet(raw)
                if name:
                    counts[name] += 1
        return counts

    @staticmethod
    def _is_plausible(name: str) -> bool:
        return bool(name) and name.lower() not in _NOT_OUTLET and not name[0].isdigit() \
            and not _BODY_WORD.search(name)

    def _best(self, counts: Counter[str], kind: str) -> OutletGuess:
        name, count = counts.most_common(1)[0]
        surface = name
        basis = f"inferred: sources speak to {surface} ({count}x, {kind})"
        log.debug("outlet %s", basis)
        return OutletGuess(surface, count, basis)


_WIRE_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .'-]{2,40}(?:,\s*[A-Za-z .]{2,30})?\s*\((?P<o>[A-Z][\w .&'-]{1,40})\)\s*[-—–:]"
)


_MEDIA_WORD = re.compile(
    r"(?i)\b(?:news|agency|agenzia|agence|agencia|press|presse|tv|radio|times|post|media|network|herald|"
    r"journal|observer|daily|gazette|tribune|wire|channel|television)\b")


_NAME_BEFORE_DATE = re.compile(
    r"^(?P<o>[A-Z][\w'&.-]*(?:\s+[A-Z][\w'&.-]*){0,4})\s*[,|\u2022-]?\s+"
    r"(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d|\d{1,4}[\s/.-])")


def outlet_before_date(dateline: str) -> str | None:
    """Return the outlet's name a page's dateline line opens with ("Gulan Media June 28, 2021 News",
    "Example Times | 12.03.2022"), when it reads as an outlet's name (a media word: News, Media,
    Agency, Times ...: never a person's); else None."""
    m = _NAME_BEFORE_DATE.match(dateline.strip())
    if m is None:
        return None
    name = m.group("o").strip()
    if not _MEDIA_WORD.search(name) or name.split()[0].lower() in ("published", "updated", "posted", "last", "modified", "date"):
        return None
    return name


def find_wire_dateline(paragraph: str) -> str | None:
    """Return the credit of a dateline ("BAGHDAD (AFP) -- ...", "Mosul (Agenzia Fides) - ..."), or None.

    A place written in capitals may carry any credit; a place in title case only one that reads
    as an outlet's name, so "The Popular Mobilization Forces (PMF) - ..." is no dateline.
    """
    found = _WIRE_DATELINE.match(paragraph.strip())
    if not found:
        return None
    credit = found.group("o").strip()
    place = paragraph.strip()[: found.start("o")].rstrip(" (")
    if place.split(",")[0].isupper() or _MEDIA_WORD.search(credit):
        return credit
    return None


_CITED_AFTER = r"\s+(?:news\s+agency\s+|agency\s+)?(?:reports?|reported|reporting|said|says|quoted|cited|published|carried|correspondent)\b"
_CITED_BEFORE = r"\b(?:according\s+to|reported\s+by|published\s+by|carried\s+by|cited\s+by|quoted\s+by)\s+(?:an?\s+|the\s+)?"


def is_cited_as_reporting(text: str, name: str) -> bool:
    """Return True when ``text`` cites ``name`` as a source of reporting ("X reported", "according to X")."""
    words = r"\s+".join(re.escape(w) for w in name.split())
    pattern = rf"(?:{_CITED_BEFORE}(?:the\s+)?{words}\b|(?<!\bby )(?<!\bto )(?<!\bwith )\b{words}(?:'s)?{_CITED_AFTER})"
    return re.search(pattern, text, re.IGNORECASE) is not None


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
