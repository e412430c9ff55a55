"""Quotes and reported claims: speaker, role, the outlet or channel that relayed them, what about."""

from factiongraph.extract.quotes.extractor import QuoteExtractor

__all__ = ["QuoteExtractor"]
