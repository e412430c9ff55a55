"""Session-wide test helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """Return ../shared (seeds and their gold), skipping when this checkout has none beside it."""
    if not (SHARED / "seeds").is_dir() or not (SHARED / "gold" / "seeds.gold.json").is_file():
        pytest.skip(f"no seeds: {SHARED} is absent (it sits beside the repo in CI and dev checkouts)")
    return SHARED
