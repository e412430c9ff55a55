"""The organisation a person's title names, when the person acts.

"Kataib Hezbollah leader Qais al-Khazali threatened ...", "Quds Force commander Esmail Qaani
visited ...", "Interior Ministry spokesman Saad Maan said ...": the title written right before
the name makes the person act for the organisation it names, so the organisation acts too (the
gold convention: both are actors). Only the organisation written right before the title counts
("IRGC's Quds Force commander X": the Quds Force), never a country ("Iran's Supreme Leader X",
"US Secretary of State X") and never an apposition after the name ("X, the leader of Y, met":
that describes X). A victim is only the person ("former PMF deputy chief X was killed": not the
PMF), so this reads actors only.

Read from the text between the two mentions, so it holds whatever the parser made of the
compound title.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factiongraph.extract.view.context import DocContext
from factiongraph.model import EntityType, Mention

__all__ = ["TITLE_ORG_TYPES", "title_organisations"]

TITLE_ORG_TYPES = frozenset({EntityType.ARMED_GROUP, EntityType.STATE_BODY, EntityType.POLITICAL_ORG,
                             EntityType.INTL_ORG})
# Words naming a post, one of which the title must hold.
POST_WORDS = frozenset("""chief commander head leader deputy spokesman spokeswoman spokesperson official
    minister envoy ambassador director secretary-general chairman founder adviser advisor aide
    president emir secretary general representative coordinator""".split())
# Words that may stand in a title beside its post ("senior military commander", "Gen.").
TITLE_WORDS = POST_WORDS | frozenset("""senior top former acting military political security media
    field local regional provincial operations operational deputy-chief vice assistant interim
    gen. gen brig. brig lt. lt col. col maj. maj sheikh shaikh sayyed sayyid ayatollah dr. dr""".split())
_GAP = re.compile(r"^(?:['\u2019]s?)?((?:\s+[\w.-]+){1,5})\s+$")


def title_organisations(ctx: DocContext, person: Mention, mentions: Sequence[Mention]) -> list[str]:
    """Return the organisation a title right before ``person`` names ("X leader <person>").

    ``mentions`` are the sentence's mentions; the organisation is the one that ends right before
    the title words.
    """
    text = ctx.document.text
    before = [m for m in mentions if m.end <= person.start and person.start - m.end <= 60 and m.entity_id]
    if not before:
        return []
    org = max(before, key=lambda m: m.end)
    entity = ctx.entity(org.entity_id) if org.entity_id else None
    if entity is None or entity.type not in TITLE_ORG_TYPES:
        return []
    gap = _GAP.match(text[org.end:person.start])
    if gap is None:
        return []
    words = [w.lower() for w in gap.group(1).split()]
    if not all(w in TITLE_WORDS for w in words) or not any(w in POST_WORDS for w in words):
        return []
    return [str(org.entity_id)]
