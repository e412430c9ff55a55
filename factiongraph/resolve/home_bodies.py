"""A state body named without its country ("the Interior Ministry said") is the story's country's.

News from one country writes its own ministries and forces without the country's name: an Iraqi
outlet's "the Interior Ministry" is Iraq's. The KB holds those bodies under names that carry the
country ("Iraqi Interior Ministry", "Iraq's Ministry of Interior"). This module indexes the rest
of each such name (the body's name without its country) and links a mention written that way to
the body of the country the story is about: the country its KB-linked mentions name most
(countries themselves and the countries places lie in), when one clearly leads. A mention whose
rest of name fits no body of that country, or a story with no leading country, stays as it was.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from factiongraph.kb import KnowledgeBase
from factiongraph.model import EntityType, Mention
from factiongraph.resolve.keys import make_key

HOME_BODY_PRODUCER = "rule.home-country-body.v1"


def body_tails(kb: KnowledgeBase) -> dict[str, dict[str, str]]:
    """Return name key -> {country id: state body id} for the KB's state bodies' names without
    their country ("Iraqi Interior Ministry" -> "interior ministry"); a key two bodies of one
    country share is left out (it names neither)."""
    words = country_words(kb)
    found: dict[str, dict[str, set[str]]] = {}
    for record in kb.records.values():
        country = record.attributes.get("country")
        if record.type is not EntityType.STATE_BODY or not isinstance(country, str):
            continue
        for name in (record.name, *record.aliases):
            rest = _without_country(name, words)
            key = make_key(rest) if rest else ""
            if key and " " in rest:
                found.setdefault(key, {}).setdefault(country, set()).add(record.id)
    return {key: {c: next(iter(ids)) for c, ids in by_country.items() if len(ids) == 1}
            for key, by_country in found.items()}


def country_words(kb: KnowledgeBase) -> frozenset[str]:
    """Return the one-word names and demonyms of the KB's countries ("Iraq", "Iraqi", "US")."""
    out: set[str] = set()
    for record in kb.records.values():
        if record.type is not EntityType.COUNTRY:
            continue
        demonym = record.attributes.get("demonym")
        for name in (record.name, *record.aliases, *([demonym] if isinstance(demonym, str) else [])):
            if " " not in name.strip():
                out.add(name.strip())
    return frozenset(out)


def _without_country(name: str, countries: frozenset[str]) -> str:
    """Return a body's name without the country written first or last ("Iraqi Interior Ministry",
    "Iraq's Ministry of Interior", "Ministry of Interior of Iraq" -> the rest), or "" when the name
    carries no country word there."""
    words = name.split()
    if len(words) < 3:
        return ""
    if words[-2] == "of" and words[-1] in countries:
        return " ".join(words[:-2])
    first = words[0].removesuffix("'s").removesuffix("\u2019s")
    return " ".join(words[1:]) if first in countries else ""


def story_country(kb: KnowledgeBase, mentions: Iterable[Mention]) -> str | None:
    """Return the country the story's KB-linked mentions name most (places count for the country
    they lie in), when it has more than any other; else None."""
    counts: Counter[str] = Counter()
    for m in mentions:
        record = kb.records.get(m.entity_id) if m.entity_id else None
        if record is None:
            continue
        if record.type is EntityType.COUNTRY:
            counts[record.id] += 1
        elif record.type is EntityType.PLACE:
            country = next((r.id for r in kb.ancestors(record.id) if r.type is EntityType.COUNTRY), None)
            if country is not None:
                counts[country] += 1
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def home_body(tails: dict[str, dict[str, str]], country: str | None, m: Mention) -> str | None:
    """Return the KB id of the story country's body ``m`` names without its country, or None."""
    if country is None or m.type is not EntityType.STATE_BODY:
        return None
    words = m.text.split()
    if len(words) < 2:
        return None
    return tails.get(make_key(m.text), {}).get(country)
