"""The resolve stage: mentions -> canonical entities, with transliteration keys and judgements."""

from factiongraph.resolve.keys import make_key, name_parts, strip_titles
from factiongraph.resolve.resolver import NAME, PRODUCER, VERSION, Resolution, Resolver, discovered_id

__all__ = ["NAME", "PRODUCER", "VERSION", "Resolution", "Resolver", "discovered_id", "make_key",
           "name_parts", "strip_titles"]
