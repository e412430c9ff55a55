"""Phrase patterns for the KB ruler: every name and alias of every KB record, with its id.

A pattern's ``id`` is ``kb:<record id>``; spaCy copies it to the matched span's ``id_``, so a
mention always knows which KB record matched it and that the producer is ``rule.kb-alias.v1``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from factiongraph.model.text import normalize_chars

if TYPE_CHECKING:
    from factiongraph.kb import KBRecord, KnowledgeBase

KB_ALIAS_PRODUCER = "rule.kb-alias.v1"
KB_ID_PREFIX = "kb:"
_PARTICLES = ("al-", "el-", "Al-", "El-")


def is_acronym(text: str) -> bool:
    """Return True for all-capital short forms (``PMF``, ``KH``, ``IRGC-QF``)."""
    letters = [c for c in text if c.isalpha()]
    return 1 <= len(letters) <= 8 and all(c.isupper() for c in letters)


def surface_variants(alias: str) -> set[str]:
    """Return the case variants of an alias that news text writes.

    Acronyms and single words match only as written (plus a capitalised first letter), so
    "US" never matches the pronoun "us". Multi-word names also match with their later words
    in lower case ("US embassy" for "US Embassy"; acronyms keep their case) and in title
    case ("Iraqi Government"), and without a leading "the".
    """
    alias = " ".join(normalize_chars(alias).split())
    if len(alias) < 2 or not any(c.isalpha() for c in alias):
        return set()
    forms = {alias}
    if alias.lower().startswith("the ") and len(alias) > 4:
        forms.add(alias[4:])
    forms |= {variant for form in forms for variant in particle_variants(form)}
    out: set[str] = set()
    for form in forms:
        out.add(form)
        if is_acronym(form):
            continue
        out.add(form[0].upper() + form[1:])
        words = form.split(" ")
        if len(words) > 1:
            rest = [w if is_acronym(w) else w.lower() for w in words[1:]]
            out.add(" ".join([words[0], *rest]))
            out.add(" ".join([words[0][0].upper() + words[0][1:], *rest]))
            out.add(" ".join(w if w.startswith(_PARTICLES) or is_acronym(w)
                             else w[0].upper() + w[1:] for w in words))
            out.add(generic_tail_lowered(form))
    return out


# Common nouns that end a facility's or an area's name and that news writes in lower case after
# the proper part ("Ain Al-Asad air base", "Erbil International airport", "the Kurdistan region").
GENERIC_TAIL_WORDS = frozenset({
    "forces", "force", "units", "air", "base", "airbase", "airport", "field", "oil", "gas", "garrison", "camp", "dam", "prison",
    "refinery", "crossing", "border", "bridge", "square", "district", "province", "governorate", "region",
    "neighbourhood", "neighborhood", "headquarters", "palace", "embassy", "consulate", "hospital", "mosque",
    "shrine", "military",
})


def generic_tail_lowered(form: str) -> str:
    """Return ``form`` with its trailing generic nouns in lower case and the rest as written
    ("Ain Al-Asad Air Base" -> "Ain Al-Asad air base"); the form itself when it has none."""
    words = form.split(" ")
    cut = len(words)
    while cut > 1 and words[cut - 1].lower() in GENERIC_TAIL_WORDS:
        cut -= 1
    return " ".join([*words[:cut], *(w.lower() for w in words[cut:])])


_PARTICLE = re.compile(r"(?<![\w'])(?:al|el|Al|El)-(?=\w)")


def particle_variants(form: str) -> set[str]:
    """Return the spellings news uses for the Arabic article inside a multi-word name.

    "Hashd al-Shaabi" is also written "Hashd Al-Shaabi" and "Hashd al Shaabi"; the article is
    given the same case in every position, and written with a hyphen or a space. A form whose
    first word is the article keeps it capitalised there ("Al-Monitor").
    """
    if " " not in form or not _PARTICLE.search(form):
        return set()
    out: set[str] = set()
    for particle in ("al-", "Al-", "al ", "Al ", "el-", "El-"):
        if particle[0].lower() == "e" and not re.search(r"(?<![\w'])[eE]l-", form):
            continue
        if particle[0].lower() == "a" and not re.search(r"(?<![\w'])[aA]l-", form):
            continue
        variant = _PARTICLE.sub(particle, form)
        if variant[:1].islower() and form[:1].isupper():
            variant = variant[0].upper() + variant[1:]
        out.add(variant)
    out.discard(form)
    return out


def is_descriptive_alias(alias: str, others: set[str]) -> bool:
    """Return True if ``alias`` is another alias plus lowercase description words.

    "Salahuddin province", "fortified Green Zone" and "US embassy in Baghdad" are aliases that
    news writes, but the mention is the name inside them; leaving the longer form out of the
    ruler lets the shorter alias match. A facility's own name is kept whole ("al-Tanf garrison",
    "Ain al-Asad air base": :data:`FACILITY_WORDS`).
    """
    words = alias.split(" ")
    for i in range(len(words)):
        for j in range(i + 1, len(words) + 1):
            if (i, j) == (0, len(words)) or " ".join(words[i:j]) not in others:
                continue
            head, tail = words[:i], words[j:]
            if tail and tail[0] == "in":
                tail = []  # a location qualifier: "... in Baghdad"
            if not head and tail and all(w in FACILITY_WORDS for w in tail):
                continue  # "al-Tanf garrison", "Ain al-Asad air base": the facility's own name
            if all(w.islower() for w in head + tail):
                return True
    return False


# Nouns that name a facility with the place before them ("Baghdad airport", "Ain al-Asad air base",
# "al-Tanf garrison", "the al-Omar oil field"): news and the guidelines count them in the name.
FACILITY_WORDS = frozenset({"airport", "air", "base", "airbase", "garrison", "oil", "gas", "field", "camp",
                            "dam", "refinery", "prison"})


def record_surfaces(record: KBRecord) -> set[str]:
    """Return all the surface forms of one KB record (name and aliases, with case variants)."""
    names = {" ".join(normalize_chars(a).split()) for a in (record.name, *record.aliases)}
    surfaces: set[str] = set()
    for alias in names:
        if not is_descriptive_alias(alias, names - {alias}):
            surfaces |= surface_variants(alias)
    return surfaces


def place_cased_variants(surfaces: set[str], places: frozenset[str]) -> set[str]:
    """Return "Islamic resistance in Iraq" for "Islamic Resistance in Iraq": a name of three or more
    words written with its later words in lower case except the place names it holds."""
    out: set[str] = set()
    for surface in surfaces:
        words = surface.split(" ")
        if len(words) < 3 or not any(w in places for w in words[1:]):
            continue
        out.add(" ".join([words[0], *(w if w in places or is_acronym(w) else w.lower() for w in words[1:])]))
    return out - surfaces


def dateline_variants(record: KBRecord) -> set[str]:
    """Return the capitals-only forms of a country's, place's or outlet's one-word names ("ERBIL",
    "IRAQ", "REUTERS"), as wire datelines and photo credits write them ("ERBIL, Kurdistan Region -",
    "STRINGER / REUTERS"); not short words, which capitals make into other words or acronyms ("HIT")."""
    if str(record.type) not in ("country", "place", "media_outlet"):
        return set()
    names = {" ".join(normalize_chars(a).split()) for a in (record.name, *record.aliases)}
    return {n.upper() for n in names if " " not in n and len(n) >= 4 and n.replace("-", "").isalpha()
            and not n.isupper()}


def is_compound_alias(surface: str, record_id: str, owners: dict[str, set[str]],
                      countries: frozenset[str] = frozenset(), within: frozenset[str] | None = None) -> bool:
    """Return True if ``surface`` is another record's name followed by one of this record's.

    "Islamic Revolutionary Guard Corps Quds Force" is an alias of the Quds Force, but text that
    writes it names two entities; leaving the compound out of the ruler yields both mentions. A
    country before an institution's name is part of the name ("US Treasury Department"): the
    annotation guidelines count one mention there. With ``within`` (the records this one is part
    of), only one of those makes a compound: "Hezbollah al-Nujaba" is one group's name, not
    Hezbollah's unit.
    """
    words = surface.split(" ")
    for cut in range(1, len(words)):
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        head_owners = owners.get(head, set())
        if head_owners and head_owners <= countries:
            continue
        if within is not None and not head_owners & within:
            continue
        if head_owners and record_id not in head_owners and record_id in owners.get(tail, set()):
            return True
    return False


_POSSESSIVE = re.compile(r"^(?P<owner>.+?)['\u2019]s (?P<rest>.+)$")


def is_possessive_alias(surface: str, record_id: str, owners: dict[str, set[str]]) -> bool:
    """Return True if ``surface`` is "<another record's name>'s ..." ("Iran's Revolutionary Guards").

    Text that writes it names the owner as its own entity (the possessive is cut from a mention),
    and the rest, when it is a name, is matched by this record's shorter alias. Keeping the
    long form in the ruler would leave only "Iran" linked to the Guards.
    """
    match = _POSSESSIVE.match(surface)
    if match is None:
        return False
    head_owners = owners.get(match.group("owner"), set())
    return bool(head_owners) and record_id not in head_owners


def possessive_aliases(kb: KnowledgeBase) -> dict[tuple[str, str], tuple[str, str]]:
    """Return the possessive aliases the ruler leaves out, as (owner, rest) -> (record id, type).

    "Iraq's Foreign Ministry" is an alias of the ministry; text that writes it names Iraq (the
    owner, its own mention) and the ministry, written "Foreign Ministry" after the possessive.
    Keys are casefolded.
    """
    owners: dict[str, set[str]] = {}
    for record_id, record in kb.records.items():
        for alias in (record.name, *record.aliases):
            owners.setdefault(" ".join(normalize_chars(alias).split()), set()).add(record_id)
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for record_id in sorted(kb.records):
        record = kb.records[record_id]
        for surface in sorted(record_surfaces(record)):
            if is_possessive_alias(surface, record_id, owners):
                match = _POSSESSIVE.match(surface)
                assert match is not None
                key = (match.group("owner").casefold(), match.group("rest").casefold())
                out.setdefault(key, (record_id, str(record.type)))
    return out


def _ids(value: object) -> set[str]:
    """Return the record ids an attribute holds (one id or a list of them)."""
    if isinstance(value, str):
        return {value}
    return {str(v) for v in value} if isinstance(value, (list, tuple, set, frozenset)) else set()


def build_kb_patterns(kb: KnowledgeBase) -> Iterator[dict[str, str]]:
    """Yield span-ruler phrase patterns (label = entity type, id = ``kb:<id>``) for every record.

    A surface form claimed by two records goes to the first record in id order only, so the
    ruler is deterministic; the resolver can still see both through the KB.
    """
    seen: dict[str, str] = {}
    owners: dict[str, set[str]] = {}
    for record_id, record in kb.records.items():
        for alias in (record.name, *record.aliases):
            owners.setdefault(" ".join(normalize_chars(alias).split()), set()).add(record_id)
    countries = frozenset(rid for rid, r in kb.records.items() if str(r.type) == "country")
    places = frozenset(w for r in kb.records.values() if str(r.type) in ("country", "place")
                       for a in (r.name, *r.aliases) for w in [" ".join(a.split())] if " " not in w)
    for record_id in sorted(kb.records):
        record = kb.records[record_id]
        within = frozenset(_ids(record.attributes.get("part_of")) | _ids(record.attributes.get("parent")))
        for surface in sorted(record_surfaces(record) | place_cased_variants(record_surfaces(record), places)
                              | dateline_variants(record)):
            if (surface in seen or is_compound_alias(surface, record_id, owners, countries, within)
                    or is_possessive_alias(surface, record_id, owners)):
                continue
            seen[surface] = record_id
            yield {"label": str(record.type), "pattern": surface, "id": KB_ID_PREFIX + record_id}
