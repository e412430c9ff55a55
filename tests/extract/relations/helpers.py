"""Shared helpers of the relation tests: run the extractor with its evidence checked."""

from __future__ import annotations

from factiongraph.extract.relations.extractor import RelationExtractor
from factiongraph.model import Relation
from tests.extract.factory import make_context


def run_checked(extractor: RelationExtractor, text: str, published: str | None,
                parsed: bool = False) -> list[Relation]:
    """Extract from ``text``; every evidence span must quote the text and name a versioned rule."""
    ctx = make_context(text, published)
    if parsed:
        assert ctx.syntax().available
    rels = extractor.extract(ctx)
    for rel in rels:
        for ev in rel.evidence:
            assert ev.text == ctx.document.text[ev.start:ev.end]
            assert ev.producer.startswith("rule.rel-") and ev.producer[-3:-1] == ".v"
    return rels


def triples(rels: list[Relation]) -> set[tuple[str, str, str]]:
    return {(r.subject_id, r.predicate.value, r.object_id) for r in rels}


def parsed_triples(extractor: RelationExtractor, text: str, published: str) -> set[tuple[str, str, str]]:
    """Return the (subject, predicate, object) triples of ``text`` read with the parse."""
    return triples(run_checked(extractor, text, published, parsed=True))
