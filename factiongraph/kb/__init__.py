"""The knowledge base: curated YAML records of known groups, people, bodies, places and outlets.

Public API::

    from factiongraph.kb import KBRecord, KnowledgeBase, load_kb
    kb = load_kb(settings.kb_paths)
    kb.get("kataib-hezbollah"); kb.by_type(EntityType.PERSON); kb.lookup("Kataib Hizbullah")
    kb.ancestors("al-dora"); kb.role_holders("Prime Minister", "iraq", 2021)
    kb.lookup_place("Zakho")

File format, attributes per type and the override rule: ``docs/kb.md``.
"""

from factiongraph.kb.base import KnowledgeBase
from factiongraph.kb.gazetteer import Gazetteer
from factiongraph.kb.load import build_kb, list_bundled_files, load_kb
from factiongraph.kb.names import normalize_name
from factiongraph.kb.record import KBRecord
from factiongraph.kb.schema import SCHEMA_VERSION, find_alias_clashes

__all__ = [
    "Gazetteer",
    "KBRecord",
    "KnowledgeBase",
    "SCHEMA_VERSION",
    "build_kb",
    "find_alias_clashes",
    "list_bundled_files",
    "load_kb",
    "normalize_name",
]
