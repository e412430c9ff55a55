"""Bodies a noun phrase names without a mention of its own: a country's state body, the coalition.

- "Iraq's parliament voted", "Iraq's interior ministry said its forces arrested ...": a country
  written before a word for one of its institutions names the institution, when the knowledge
  base holds a state body of that country under that name ("Iraq's parliament" is an alias of
  the Council of Representatives); without such a body the country stays the participant.
- "coalition forces conducted an airstrike", "rockets targeted coalition troops", "a base used by
  the coalition": in a story about the war on ISIS the coalition is the international coalition
  (the gold names it so). Not where another coalition is at stake: one modified by words other
  than its own ("the Saudi-led coalition", "the ruling coalition"), a story that names Yemen, the
  Houthis or Saudi Arabia (the Saudi-led coalition's war), or a bare "coalition" in a sentence
  with no force, attack or arms in it ("the coalition won 70 seats" is an electoral list).

Read from the words of the phrase and the knowledge base, so it holds whatever the mention finder
made of lower-case institution names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from factiongraph.extract.view.context import DocContext
from factiongraph.model import EntityType

__all__ = ["COALITION_ID", "body_named", "coalition", "country_body", "service_forces", "theatre_coalition",
           "without_bodies_country"]

Token = Any

COALITION_ID = "international-coalition"
# Words for a state's institutions a country's name can own ("Iraq's parliament").
INSTITUTION_WORDS = frozenset("""parliament ministry government army military police forces court council
    legislature cabinet presidency intelligence""".split())
# Words the international coalition's own description is made of ("the US-led coalition").
COALITION_WORDS = frozenset("""the a international global us u.s. american western multinational anti isis is
    daesh - led military""".split())
# Stories about the other coalition at war in the region (the Saudi-led one in Yemen).
OTHER_COALITION_THEATRE = frozenset({"yemen", "houthis", "saudi-arabia"})
# Nouns of forces, arms and attacks: "coalition" before one of them is a military coalition, and a
# sentence holding one is about fighting.
MILITARY_WORDS = frozenset("""force forces troops soldier soldiers personnel servicemen military aircraft
    warplane warplanes jet jets drone drones helicopter helicopters base bases convoy convoys patrol
    patrols position positions advisers advisors outpost outposts camp strike strikes airstrike
    airstrikes raid raids attack attacks rocket rockets missile missiles operation operations
    bombardment barrage""".split())


def country_body(ctx: DocContext, token: Token, country_id: str) -> list[str]:
    """Return the state body of ``country_id`` that the phrase headed by ``token`` names.

    The phrase is read from its first word to ``token`` ("Iraq's interior ministry", "the Iraqi
    foreign ministry"); it names the body whose name or alias it equals, ignoring case and a
    leading "the". Empty when ``token`` is no institution word or no body fits.
    """
    if token.lower_ not in INSTITUTION_WORDS:
        return []
    words = token.doc[token.left_edge.i:token.i + 1].text
    phrase = _norm(re.sub(r"^(?:the|a|an)\s+", "", words, flags=re.IGNORECASE))
    for record in ctx.kb.records.values():
        if record.type is not EntityType.STATE_BODY or record.attributes.get("country") != country_id:
            continue
        if any(_norm(n) == phrase for n in (record.name, *record.aliases)):
            return [record.id]
    return []


def body_named(ctx: DocContext, phrase: str) -> list[str]:
    """Return the state body whose name or alias is ``phrase`` (any case): "Iraqi forces"."""
    wanted = _norm(phrase)
    return [r.id for r in ctx.kb.records.values() if r.type is EntityType.STATE_BODY
            and any(_norm(n) == wanted for n in (r.name, *r.aliases))][:1]


# The word a force-holding body's name may end in after the words its forces are named by
# ("Counter-Terrorism Service"; not "Security Media Cell", which holds no forces).
SERVICE_WORDS = frozenset("service services forces force command guard guards police army agency".split())
# Nouns of a body's men ("counter-terrorism forces", "federal police units").
FORCE_NOUNS = frozenset("force forces troops units unit personnel".split())
# Nouns of a body's posts, vehicles and men that its name's words can modify and that an attack
# hits or that act ("an army patrol", "a federal police checkpoint", "a police officer").
UNIT_NOUNS = frozenset("""patrol patrols checkpoint checkpoints convoy convoys post posts position positions
    outpost outposts station stations vehicle vehicles officer officers soldier soldiers policeman policemen
    member members""".split())
# Words too general to name one body before a unit noun ("a security checkpoint": whose, untold).
UNNAMING_WORDS = frozenset({"security", "military", "government", "state"})


def service_forces(ctx: DocContext, token: Token, country_id: str | None, demonym: str | None,
                   home_demonyms: Sequence[str] = ()) -> list[str]:
    """Return the state body whose forces ``token`` names by the body's own words ("Iraqi
    counter-terrorism forces": the Counter-Terrorism Service; "federal police units": the Federal
    Police), or whose post, vehicle or man it names ("an army patrol": the army; "a federal police
    checkpoint"; "a police officer"; not "a security checkpoint"). The words before the noun, without the nationality, must begin the name of exactly
    one state body of ``country_id`` (its nationality word dropped from the name), followed at most
    by one word of :data:`SERVICE_WORDS`. With no nationality written, ``home_demonyms`` (the
    story's home country's) drop from the names instead."""
    if token.lower_ not in FORCE_NOUNS | UNIT_NOUNS or country_id is None:
        return []
    words = [c for c in token.children if c.dep_ in ("compound", "amod", "nmod") and c.i < token.i]
    if not words:
        return []
    start = min(w.left_edge.i for w in words)
    tokens = [t for t in token.doc[start:token.i] if t.text != demonym and t.lower_ not in ("the", "a", "an")]
    said = _norm(" ".join(t.text for t in tokens)).replace(" - ", "-")
    if not said or not any(c.isalpha() for c in said):
        return []
    if said in UNNAMING_WORDS and (token.lower_ in UNIT_NOUNS or not demonym):
        return []  # "a security checkpoint", "a military convoy", bare "security forces": no body named
    found: set[str] = set()
    for record in ctx.kb.records.values():
        if record.type is not EntityType.STATE_BODY or record.attributes.get("country") != country_id:
            continue
        for name in (record.name, *record.aliases):
            bare = _norm(name)
            for word in [demonym] if demonym else home_demonyms:
                if bare.startswith(word.lower() + " "):
                    bare = bare[len(word) + 1:]
                    break
            rest = bare[len(said):].strip() if bare.startswith(said + " ") or bare == said else None
            if rest is not None and (not rest or rest in SERVICE_WORDS):
                found.add(record.id)
    return sorted(found) if len(found) == 1 else []


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2019", "'")).strip().lower()


def theatre_coalition(ctx: DocContext) -> list[str]:
    """Return the international coalition, unless the story is about another coalition's war or the
    knowledge base lacks it."""
    if COALITION_ID not in ctx.kb.records or any(m.entity_id in OTHER_COALITION_THEATRE
                                                 for m in ctx.content_mentions()):
        return []
    return [COALITION_ID]


def coalition(ctx: DocContext, token: Token, named_elsewhere: bool) -> list[str]:
    """Return the international coalition when ``token`` heads "coalition forces" or "the coalition".

    Args:
        ctx: the document.
        token: the head of the phrase ("forces" of "coalition forces", or "coalition").
        named_elsewhere: True when a group whose name holds "coalition" was named before, which
            "the coalition" then stands for.
    """
    if not theatre_coalition(ctx):
        return []
    if token.lower_ == "coalition":
        head, bare = token, True
    elif token.lower_ in MILITARY_WORDS:
        found = [c for c in token.children if c.dep_ in ("compound", "nmod", "amod") and c.lower_ == "coalition"]
        if not found:
            return []
        head, bare = found[0], False
    else:
        return []
    if named_elsewhere and bare:
        return []
    if ctx.syntax().mention_at(head) is not None:
        return []
    if any(t.lower_ not in COALITION_WORDS for t in token.doc[head.left_edge.i:head.i]):
        return []  # "the Saudi-led coalition", "the ruling coalition"
    if bare and not any(t.lower_ in MILITARY_WORDS for t in head.sent):
        return []  # "the coalition won 70 seats": an electoral list
    return [COALITION_ID]


def without_bodies_country(kb: Any, ids: list[str]) -> list[str]:
    """Return ``ids`` less each country one of whose state bodies is among them: a headline's
    "Iraq arrests militia commander" over the body's "Iraqi security forces arrested ..." names
    the security forces, not the state beside them."""
    countries = {str(r.attributes.get("country")) for i in ids if (r := kb.records.get(i)) is not None
                 and r.type is EntityType.STATE_BODY and r.attributes.get("country")}
    return [i for i in ids if i not in countries]
