"""Shared builders for nlp and resolve tests: a tiny KB from a fixture file, documents."""

from __future__ import annotations

from pathlib import Path

from factiongraph.kb import KnowledgeBase, build_kb
from factiongraph.model import Block, BlockPart, Document

FIXTURES = Path(__file__).parent / "fixtures"
TINY_KB = FIXTURES / "tiny_kb.yaml"


def make_tiny_kb(path: Path = TINY_KB) -> KnowledgeBase:
    """Return a KB holding only the records of ``path`` (no bundled files, no gazetteer)."""
    return build_kb([], [path])


def make_document(text: str, doc_id: str = "doc-1", blocks: list[Block] | None = None) -> Document:
    """Return a document whose whole text is one body block unless ``blocks`` are given."""
    return Document(doc_id=doc_id, source=f"test:{doc_id}", text=text,
                    blocks=blocks if blocks is not None else [Block(BlockPart.BODY, 0, len(text))])
