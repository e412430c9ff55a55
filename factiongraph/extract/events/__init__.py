"""Events in the ACLED typology: rule families, participants, in- and cross-document coreference."""

from factiongraph.extract.events.extractor import EventExtractor

__all__ = ["EventExtractor"]
