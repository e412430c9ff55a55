"""Key indexes over the knowledge base, built once per resolver."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from factiongraph.model import EntityType
from factiongraph.resolve.keys import make_key, name_parts, strip_titles

if TYPE_CHECKING:
    from factiongraph.kb import KBRecord, KnowledgeBase


@dataclass(slots=True)
class KBIndex:
    """``by_key``: full-name key -> KB ids; ``by_surname``: a person's last name part -> KB ids."""

    by_key: dict[str, list[str]] = field(default_factory=dict)
    by_surname: dict[str, list[str]] = field(default_factory=dict)
    types: dict[str, EntityType] = field(default_factory=dict)

    def candidates(self, key: str, etype: EntityType | None = None) -> list[str]:
        """Return the KB ids whose names have ``key``; those of type ``etype`` first."""
        ids = self.by_key.get(key, [])
        if etype is None:
            return list(ids)
        same = [i for i in ids if self.types[i] is etype]
        return same + [i for i in ids if self.types[i] is not etype]

    def surname_candidates(self, part: str) -> list[str]:
        """Return the KB persons whose last name part has key ``part``."""
        return list(self.by_surname.get(part, []))


def _surfaces(record: KBRecord) -> list[str]:
    return [record.name, *record.aliases]


def build_index(kb: KnowledgeBase) -> KBIndex:
    """Index every KB name and alias by :func:`make_key` (titles stripped)."""
    by_key: dict[str, list[str]] = defaultdict(list)
    by_surname: dict[str, list[str]] = defaultdict(list)
    types: dict[str, EntityType] = {}
    for record_id in sorted(kb.records):
        record = kb.records[record_id]
        types[record_id] = EntityType(record.type)
        for surface in _surfaces(record):
            key = make_key(strip_titles(surface))
            if key and record_id not in by_key[key]:
                by_key[key].append(record_id)
            if types[record_id] is EntityType.PERSON:
                parts = name_parts(surface)
                if len(parts) >= 2 and record_id not in by_surname[parts[-1]]:
                    by_surname[parts[-1]].append(record_id)
    return KBIndex(dict(by_key), dict(by_surname), types)
