"""What every reader of event arguments shares: the roles record, the trigger head, the document.

The reading itself is split by what it reads: :mod:`syntax_names` (which entities a phrase names),
:mod:`state_forces` (state forces and bodies a phrase stands for), :mod:`target_roles`, :mod:`noun_roles`
and :mod:`verb_roles` (actors and targets of a trigger), :mod:`clause_places` (which places and clauses
belong to a trigger); :mod:`arguments` joins them into one reader.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from factiongraph.extract.events.role_words import PARTICIPANT_TYPES
from factiongraph.extract.view.context import DocContext
from factiongraph.extract.view.syntax import Syntax
from factiongraph.model import Entity, EntityType, Mention


Token = Any


@dataclass(slots=True)
class Arguments:
    """The roles read for one trigger, and the words that named a role without an entity."""

    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    unnamed_actor: str | None = None
    """The words of an actor that names no entity ("unidentified gunmen"), if any."""

    def add(self, role: str, ids: Iterable[str]) -> None:
        """Add entity ids to a role (an actor is never also a target)."""
        for eid in ids:
            if role == "actor" and eid not in self.actors:
                self.actors.append(eid)
                if eid in self.targets:
                    self.targets.remove(eid)
            elif role == "target" and eid not in self.targets and eid not in self.actors:
                self.targets.append(eid)


def entity_type_of(ctx: DocContext, m: Mention) -> EntityType | None:
    """Return the type of the entity a mention names, or the mention's own type when it names none."""
    entity = ctx.entity(m.entity_id)
    return entity.type if isinstance(entity, Entity) else m.type


def trigger_head(doc: Any, start: int, end: int) -> Token:
    """Return the syntactic head of a trigger span (the token whose head lies outside it)."""
    for i in range(start, end):
        tok = doc[i]
        if not start <= tok.head.i < end or tok.head.i == tok.i:
            return tok
    return doc[end - 1]


def phrase_root(doc: Any, char_start: int, char_end: int) -> Token | None:
    """Return the head token of the phrase at ``[char_start, char_end)``, or None off token bounds."""
    span = doc.char_span(char_start, char_end, alignment_mode="expand")
    return span.root if span is not None else None


def phrase_text(token: Token) -> str:
    """Return the words of the noun phrase headed by ``token`` (its subtree, without clauses)."""
    words = [t for t in token.subtree if t.dep_ not in ("relcl", "acl", "punct") or t.i == token.i]
    left = min(w.i for w in words)
    right = max(w.i for w in words)
    return str(token.doc[left:right + 1].text)


def participant_mentions(ctx: DocContext, mentions: Sequence[Mention]) -> list[Mention]:
    """Return the mentions whose entities can act or be acted on."""
    return [m for m in mentions if entity_type_of(ctx, m) in PARTICIPANT_TYPES]


class ReaderBase:
    """The document a reader works on: its context, its parse and its content mentions.

    ``demonyms``: nationality adjective -> country id ("Israeli" -> israel), from the KB.
    """

    def __init__(self, ctx: DocContext, demonyms: dict[str, str] | None = None) -> None:
        self.ctx = ctx
        self.sx: Syntax = ctx.syntax()
        self._mentions = ctx.content_mentions()
        self._home: str | None = None
        self._home_known = False
        self.demonyms = demonyms or {}

    @property
    def available(self) -> bool:
        """Return True when the document was parsed."""
        return self.sx.available
