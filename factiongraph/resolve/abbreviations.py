"""Short forms a document defines in brackets: "the Counter-Terrorism Directorate (CTD)".

Reporting introduces a body by its full name with its short form in brackets and then uses the
short form alone. The statistical model reads "CTD" or "HaN" as a new organisation of its own,
so the document would show two bodies where the text names one. :func:`link_defined_short_forms`
gives every mention of a bracketed short form the entity of the name it follows. When the
knowledge base knows the short form but not the long name ("the Counter Terrorism Service
(CTS)" spelled another way), the long name takes the known entity instead: the text says both
are one. A short form that names another known entity than a known long name is left alone
(the brackets may hold anything: "Kataib Hezbollah (Iran's ally)" is no definition). A
group's name given again in other words in brackets ("Saraya Awliyaa al-Dam (Blood
Guardians)") is the same group, when the knowledge base does not know the bracketed name; so
is the numbered unit a group is registered as ("Kataib Sayyid al-Shuhada (PMF Brigade 14)",
"..., which operates as the 14th Brigade of the PMF").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from factiongraph.model import EntityType, Mention

_OPEN = re.compile(r"\s*\(\s*")
_CLOSE = re.compile(r"\s*\)")
# A short form: one word of 2 to 8 letters (digits and hyphens allowed), at least two capitals,
# starting with one ("CTD", "HaN", "IRGC-QF", "KSS").
# Before a translated name in brackets: "X (Y)", "X, or (Y)", "X or (Y)", "X (meaning Y)".
_TRANSLATION_OPEN = re.compile(r"\s*(?:,\s*)?(?:or\s+)?\(\s*(?:or\s+|meaning\s+|literally\s+|lit\.\s+)?",
                               re.IGNORECASE)
_SHORT = re.compile(r"(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z0-9-]{1,7}")
_TYPES = frozenset({EntityType.ARMED_GROUP, EntityType.POLITICAL_ORG, EntityType.STATE_BODY,
                    EntityType.INTL_ORG, EntityType.MEDIA_OUTLET})


def defined_short_forms(text: str, mentions: list[Mention]) -> dict[str, Mention]:
    """Return ``{short form: the long-name mention it abbreviates}`` for "Long Name (SF)"."""
    out: dict[str, Mention] = {}
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    for long, short in zip(ordered, ordered[1:]):
        if long.type not in _TYPES or not long.entity_id or not short.entity_id:
            continue
        if not _SHORT.fullmatch(short.text) or len(long.text.split()) < 2:
            continue
        if _OPEN.fullmatch(text, long.end, short.start) and _CLOSE.match(text, short.end):
            out.setdefault(short.text, long)
    return out


def bracketed_translations(text: str, mentions: list[Mention],
                           is_known: Callable[[str], bool]) -> list[tuple[Mention, Mention]]:
    """Return ``(name in brackets, group it follows)`` for a group's name given again in other
    words in brackets: "Saraya Awliyaa al-Dam (Blood Guardians)", "... or (Blood Guardians)".
    Only a name the knowledge base does not know, of two words or more, is taken as the other."""
    out: list[tuple[Mention, Mention]] = []
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    for long, other in zip(ordered, ordered[1:]):
        if long.type not in _TYPES or other.type not in _TYPES or not long.entity_id or not other.entity_id:
            continue
        if other.entity_id == long.entity_id or is_known(str(other.entity_id)) or len(other.text.split()) < 2:
            continue
        if _TRANSLATION_OPEN.fullmatch(text, long.end, other.start) and _CLOSE.match(text, other.end):
            out.append((other, long))
    return out


# Between a group and the numbered unit it is registered as: "X (PMF Brigade 14)", "X, which
# operates as the 14th Brigade", "X, officially the 50th Brigade", "X, also known as Brigade 30".
_DESIGNATION = re.compile(
    r"\s*(?:\(|,\s*(?:(?:which|that)\s+(?:(?:officially|formally|also)\s+)?"
    r"(?:operates|operated|serves|served|functions|is|was|are|were)\s+(?:(?:officially|formally)\s+)?"
    r"(?:(?:known|registered|listed|designated)\s+)?as|(?:officially|formally)(?:\s+known\s+as)?|"
    r"(?:also\s+)?(?:known|registered|listed|designated)\s+as|also\s+called|or))\s*(?:the\s+)?",
    re.IGNORECASE)
_UNIT_WORD = re.compile(r"\b(?:Brigades?|Battalions?|Divisions?|Regiments?|Liwa)\b")
_GROUPS = frozenset({EntityType.ARMED_GROUP, EntityType.POLITICAL_ORG})


def designated_units(text: str, mentions: list[Mention],
                     is_known: Callable[[str], bool]) -> list[tuple[Mention, Mention]]:
    """Return ``(numbered unit, group it follows)`` for a group given with the unit it is
    registered as: "Kataib Sayyid al-Shuhada (PMF Brigade 14)", "..., which operates as the 14th
    Brigade of the PMF". A unit the knowledge base knows keeps its own entity."""
    out: list[tuple[Mention, Mention]] = []
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    for group, unit in zip(ordered, ordered[1:]):
        if group.type not in _GROUPS or unit.type is not EntityType.ARMED_GROUP or not group.entity_id \
                or not unit.entity_id or unit.entity_id == group.entity_id or is_known(str(unit.entity_id)):
            continue
        if _UNIT_WORD.search(unit.text) and _DESIGNATION.fullmatch(text, group.end, unit.start):
            out.append((unit, group))
    return out


def link_defined_short_forms(text: str, mentions: list[Mention],
                             is_known: Callable[[str], bool]) -> list[Mention]:
    """Return ``mentions`` with each defined short form and its long name on one entity.

    ``is_known``: True for a knowledge-base entity id.
    """
    defined = defined_short_forms(text, mentions)
    translated = bracketed_translations(text, mentions, is_known) + designated_units(text, mentions, is_known)
    if not defined and not translated:
        return mentions
    moves: dict[str, tuple[str, EntityType]] = {}  # entity id -> (entity id, type) it becomes
    for other, long in translated:
        moves.setdefault(str(other.entity_id), (str(long.entity_id), long.type))
    for short_text, long in defined.items():
        short_ids = {str(m.entity_id) for m in mentions if m.text == short_text and m.entity_id}
        long_id = str(long.entity_id)
        for sid in short_ids - {long_id}:
            if is_known(sid) and is_known(long_id):
                continue  # two bodies the knowledge base keeps apart
            if is_known(sid):
                short_type = next(m.type for m in mentions if m.entity_id == sid)
                moves[long_id] = (sid, short_type)
            else:
                moves[sid] = (long_id, long.type)
    if not moves:
        return mentions
    return [replace(m, entity_id=moves[m.entity_id][0], type=moves[m.entity_id][1])
            if m.entity_id in moves else m for m in mentions]
