"""Fixtures for the scorer tests: the tiny hand-written corpus and, when present, the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from factiongraph.eval import Gold, load_gold

from .factory import Record, build_perfect_records

TINY = Path(__file__).resolve().parent / "fixtures" / "tiny"
SHARED = Path(__file__).resolve().parents[2].parent / "shared"


@pytest.fixture(scope="session")
def tiny_gold() -> Gold:
    """Return the tiny gold file (two articles written for these tests)."""
    return load_gold(TINY / "gold.json")


@pytest.fixture(scope="session")
def tiny_corpus() -> Path:
    """Return the tiny corpus directory."""
    return TINY / "corpus"


@pytest.fixture()
def tiny_records(tiny_gold: Gold, tiny_corpus: Path) -> list[Record]:
    """Return a fresh perfect prediction for the tiny corpus (tests may mutate it)."""
    return build_perfect_records(tiny_gold, tiny_corpus)


@pytest.fixture(scope="session")
def seeds() -> tuple[Gold, Path]:
    """Return the seeds' gold and corpus dir, skipping when ../shared is not beside the repo."""
    gold_path = SHARED / "gold" / "seeds.gold.json"
    if not gold_path.is_file() or not (SHARED / "seeds").is_dir():
        pytest.skip(f"seeds gold not available: {SHARED} is absent (it sits beside the repo "
                    "in dev checkouts)")
    return load_gold(gold_path), SHARED / "seeds"
