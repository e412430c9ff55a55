"""The gold/1 annotation format as plain, frozen records.

A gold file describes one corpus: the entities that occur in it, pairs of entities that must
never be merged, and per document the metadata, the chrome (boilerplate, captions, comments),
the mentions, events, relations and quotes an annotator found. Every string in it is an exact
substring of the original corpus file. ``load.py`` reads and validates a file into these records.
"""

from __future__ import annotations

from dataclasses import dataclass

SCHEMA = "gold/1"

ENTITY_TYPES = frozenset(
    {"armed_group", "state_body", "political_org", "intl_org", "person", "country", "place",
     "media_outlet"}
)
EVENT_TYPES = frozenset(
    {"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
     "Strategic developments"}
)
SUB_EVENT_TYPES = frozenset(
    {"Armed clash", "Government regains territory", "Non-state actor overtakes territory",
     "Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
     "Suicide bomb", "Grenade", "Chemical weapon", "Attack", "Sexual violence",
     "Abduction/forced disappearance", "Peaceful protest", "Protest with intervention",
     "Excessive force against protesters", "Violent demonstration", "Mob violence", "Agreement",
     "Arrests", "Change to group/activity", "Disrupted weapons use",
     "Headquarters or base established", "Looting/property destruction",
     "Non-violent transfer of territory", "Other"}
)
DATE_PRECISIONS = frozenset({"day", "month", "year", "range"})
CERTAINTIES = frozenset({"reported", "alleged", "claimed", "claimed-by-anonymous-source"})
PREDICATES = frozenset(
    {"leader_of", "holds_role", "member_of", "part_of", "affiliated_with", "possibly_same_as",
     "backed_by", "commands", "opposes", "located_in"}
)
# Predicates whose direction carries no meaning; scoring puts their ends in a fixed order.
SYMMETRIC_PREDICATES = frozenset({"affiliated_with", "possibly_same_as"})


@dataclass(slots=True, frozen=True)
class GoldEntity:
    """An entity of the corpus with its type and the names it goes by."""

    entity_id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(slots=True, frozen=True)
class GoldMention:
    """One distinct surface form of an entity in a document's content."""

    entity_id: str
    text: str


@dataclass(slots=True, frozen=True)
class GoldEvent:
    """An ACLED-typed happening with its evidence clause.

    ``date`` is ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or, for precision ``range``, ``start/end``.
    """

    event_id: str
    type: str
    sub_type: str
    date: str | None
    date_precision: str | None
    location: str | None
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    certainty: str
    evidence: str
    same_as: str | None = None
    counts: tuple[tuple[str, int], ...] = ()
    """What the text counts for the event, as (key, number) pairs ("killed", 3)."""


@dataclass(slots=True, frozen=True)
class GoldRelation:
    """A (subject, predicate, object) claim stated in a document."""

    subject: str
    predicate: str
    object: str
    evidence: str


@dataclass(slots=True, frozen=True)
class GoldQuote:
    """Quoted or reported speech with its speaker, role as written and relaying outlet."""

    speaker: str | None
    speaker_role: str | None
    via: str | None
    evidence: str
    about: tuple[str, ...] = ()


@dataclass(slots=True, frozen=True)
class GoldDocument:
    """Everything annotated for one corpus file (``file`` is its name inside the corpus dir)."""

    file: str
    title: str | None
    author: str | None
    outlet: str | None
    published: str | None
    boilerplate: tuple[str, ...]
    captions: tuple[str, ...]
    comments: tuple[str, ...]
    mentions: tuple[GoldMention, ...]
    events: tuple[GoldEvent, ...]
    relations: tuple[GoldRelation, ...]
    quotes: tuple[GoldQuote, ...]


@dataclass(slots=True, frozen=True)
class Gold:
    """A validated gold file."""

    path: str
    entities: dict[str, GoldEntity]
    distinct: tuple[tuple[str, str], ...]
    documents: tuple[GoldDocument, ...]

    def events_by_id(self) -> dict[str, GoldEvent]:
        """Return every gold event keyed by its id."""
        return {e.event_id: e for d in self.documents for e in d.events}
