"""A trigger that passed the factuality filters: what every stage after the decision reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from factiongraph.extract.events.typology import EventRule


@dataclass(slots=True)
class Candidate:
    """A trigger that passed the filters: the rule, its token span and its sentence."""

    rule: EventRule
    sent: Any
    start: int
    end: int
    is_verb: bool
    passive: bool
    outcomes: list[Candidate] = field(default_factory=list)
    tag: str = ""  # the trigger's tense as read from its surface form (VBD, VBN, VBG, NOUN ...)
