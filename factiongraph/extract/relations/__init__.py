"""Relations between entities (leader_of, part_of, backed_by, ...) from argument structure."""

from factiongraph.extract.relations.extractor import RelationExtractor

__all__ = ["RelationExtractor"]
