"""Session fixtures for nlp tests: the real model, loaded once, with a tiny KB's patterns."""

from __future__ import annotations

from pathlib import Path

import pytest

from factiongraph.kb import KnowledgeBase
from factiongraph.nlp import NlpPipeline
from factiongraph.settings import Settings
from tests.resolve.factory import make_tiny_kb

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def tiny_kb() -> KnowledgeBase:
    """Return the fixture KB (no bundled records)."""
    return make_tiny_kb()


@pytest.fixture(scope="session")
def nlp_pipeline(tiny_kb: KnowledgeBase) -> NlpPipeline:
    """Return the nlp stage over the configured spaCy model (skip if it is not installed)."""
    pytest.importorskip(Settings().spacy_model)
    return NlpPipeline(Settings().spacy_model, tiny_kb, ner_labels=Settings().ner_labels)


@pytest.fixture(scope="session")
def fixture_texts() -> dict[str, str]:
    """Return the hand-written test articles by file stem."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))}
