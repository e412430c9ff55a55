"""factiongraph: news about armed groups -> a sourced, time-aware knowledge graph and event dataset.

``factiongraph.open(path)`` opens a store for Python use (see docs/python.md); it is imported on
first use, so ``import factiongraph.model`` stays light.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factiongraph.api import GraphStore
    from factiongraph.settings import Settings

__version__ = "0.1.0"
__all__ = ["__version__"]  # not "open": a star import must not shadow the builtin


def open(path_or_url: str | Path, settings: Settings | None = None) -> GraphStore:  # noqa: A001 - the API's name
    """Open a store (a SQLite path, ``sqlite:///path`` or a ``.jsonl`` export); see :func:`factiongraph.api.open`."""
    from factiongraph.api import open as open_api

    return open_api(path_or_url, settings)
