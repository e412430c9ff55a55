"""Quotes and reported claims."""

from __future__ import annotations

from dataclasses import dataclass, field

from factiongraph.model.evidence import Evidence


@dataclass(slots=True)
class Quote:
    """What a speaker said, through which outlet, about which entities."""

    quote_id: str
    speaker_id: str | None
    text: str
    speaker_role: str | None = None
    via_id: str | None = None
    anonymous: bool = False
    about: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
