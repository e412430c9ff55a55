"""Shared helper of the quote tests: run the extractor with its evidence checked."""

from __future__ import annotations

from factiongraph.extract.quotes.extractor import QuoteExtractor
from factiongraph.model import Quote
from tests.extract.factory import make_context


def run_checked(extractor: QuoteExtractor, text: str, published: str) -> list[Quote]:
    """Extract from ``text``; every evidence span must quote the text and name a quote rule."""
    ctx = make_context(text, published)
    quotes = extractor.extract(ctx)
    for q in quotes:
        ev = q.evidence[0]
        assert ev.text == ctx.document.text[ev.start:ev.end] == q.text
        assert ev.producer.startswith("rule.quote-")
    return quotes
