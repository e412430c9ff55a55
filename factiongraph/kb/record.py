"""The knowledge-base record: one curated entity, immutable once loaded."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from factiongraph.model import Entity, EntityType


@dataclass(frozen=True, slots=True)
class KBRecord:
    """One knowledge-base entity.

    ``attributes`` is read-only: nested mappings are ``MappingProxyType`` and lists are tuples.
    Its shape per type is documented in ``docs/kb.md`` and enforced by ``kb.schema``.
    """

    id: str
    type: EntityType
    name: str
    aliases: tuple[str, ...] = ()
    arabic: str | None = None
    attributes: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}), hash=False)
    source: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        """Return the canonical name followed by the aliases, without repeats."""
        seen: dict[str, None] = {self.name: None}
        for alias in self.aliases:
            seen.setdefault(alias, None)
        return tuple(seen)

    def to_entity(self) -> Entity:
        """Return a plain, mutable ``model.Entity`` (``in_kb`` True) for this record."""
        attributes: dict[str, object] = thaw_value(self.attributes)
        if self.arabic:
            attributes["arabic"] = self.arabic
        attributes["source"] = self.source
        return Entity(entity_id=self.id, type=self.type, name=self.name,
                      aliases=list(self.aliases), in_kb=True, attributes=attributes)


def freeze_value(value: Any) -> Any:
    """Return a read-only deep copy: dicts become mapping proxies, lists become tuples."""
    if isinstance(value, Mapping):
        return MappingProxyType({str(k): freeze_value(v) for k, v in value.items()})
    if isinstance(value, (list, tuple)):
        return tuple(freeze_value(v) for v in value)
    return value


def thaw_value(value: Any) -> Any:
    """Return a plain deep copy of a frozen value: mappings become dicts, tuples become lists."""
    if isinstance(value, Mapping):
        return {k: thaw_value(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [thaw_value(v) for v in value]
    return value
