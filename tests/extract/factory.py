"""Shared builder for extract tests: a real DocContext from a short text.

``make_context(text, published=None, kb=None)`` runs the real spaCy model through the nlp stage
and links mentions through the resolve stage, exactly as the pipeline does, then wraps the result
in a ``DocContext``. The NLP pipeline and the KB are built once per test session.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from factiongraph.model import Block, BlockPart, DatePrecision, Document, Metadata
from factiongraph.model.ids import hash_bytes

__all__ = ["default_kb", "make_context", "make_document"]


@lru_cache(maxsize=1)
def default_kb() -> Any:
    """Return the bundled knowledge base (loaded once)."""
    from factiongraph.kb import load_kb

    return load_kb()


@lru_cache(maxsize=2)
def _pipeline(kb_key: int) -> Any:
    from factiongraph.nlp import NlpPipeline
    from factiongraph.settings import Settings

    return NlpPipeline(Settings().spacy_model, _KBS[kb_key], ner_labels=Settings().ner_labels)


_KBS: dict[int, Any] = {}


def _precision_of(published: str | None) -> DatePrecision | None:
    if published is None:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
        return DatePrecision.DAY
    if re.fullmatch(r"\d{4}-\d{2}", published):
        return DatePrecision.MONTH
    return DatePrecision.YEAR


def make_document(text: str, published: str | None = None,
                  blocks: list[Block] | None = None) -> Document:
    """Return a Document whose whole text is one body block (unless ``blocks`` are given)."""
    return Document(
        doc_id=hash_bytes(text.encode("utf-8"))[:16], source="test:" + text[:30], text=text,
        blocks=blocks if blocks is not None else [Block(BlockPart.BODY, 0, len(text))],
        metadata=Metadata(published=published, published_precision=_precision_of(published),
                          published_basis="explicit: test" if published else None))


def make_context(text: str, published: str | None = None, kb: Any = None,
                 blocks: list[Block] | None = None) -> Any:
    """Return a DocContext for ``text``: real spaCy model, real mention finding and resolution.

    Args:
        text: the document text (one body block unless ``blocks`` says otherwise).
        published: ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or None.
        kb: a KnowledgeBase; the bundled one when None.
        blocks: optional explicit blocks (e.g. to mark a comment).
    """
    from factiongraph.extract.view.context import DocContext
    from factiongraph.resolve import Resolver

    kb = kb if kb is not None else default_kb()
    _KBS.setdefault(id(kb), kb)
    document = make_document(text, published, blocks)
    annotated = _pipeline(id(kb)).annotate(document)
    resolution = Resolver(kb).resolve(document, annotated.mentions)
    entities = {e.entity_id: e for e in resolution.entities}
    return DocContext(document=document, spacy_doc=annotated.spacy_doc, mentions=resolution.mentions,
                      entities=entities, kb=kb)
