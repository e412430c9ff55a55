"""Imports point one way (docs/architecture.md): checked on every module's import statements."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "factiongraph"
STAGES = ("ingest", "clean", "nlp", "resolve", "extract")


def imports_of(path: Path) -> set[str]:
    """Return the ``factiongraph.*`` modules a file imports (anywhere in it, lazily too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("factiongraph"):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("factiongraph"))
    return found


def modules_under(*parts: str) -> list[Path]:
    return sorted((PACKAGE.joinpath(*parts)).rglob("*.py"))


def test_model_imports_only_model() -> None:
    for path in modules_under("model"):
        bad = {m for m in imports_of(path) if not m.startswith("factiongraph.model")}
        assert not bad, f"{path.relative_to(PACKAGE)} imports {sorted(bad)}"


@pytest.mark.parametrize("stage", STAGES)
def test_no_stage_imports_a_sibling_stage(stage: str) -> None:
    siblings = tuple(f"factiongraph.{s}" for s in STAGES if s != stage)
    for path in modules_under(stage):
        bad = {m for m in imports_of(path) if m.startswith(siblings)}
        assert not bad, f"{path.relative_to(PACKAGE)} imports {sorted(bad)}"


# extract's subpackages: which others each may import.
EXTRACT_ALLOWED = {
    "view": set(),
    "dates": {"view"},
    "place": {"view"},
    "events": {"view", "dates", "place"},
    "relations": {"view"},
    "quotes": {"view"},
}


@pytest.mark.parametrize("sub", sorted(EXTRACT_ALLOWED))
def test_extract_subpackages_import_one_way(sub: str) -> None:
    others = set(EXTRACT_ALLOWED) - {sub} - EXTRACT_ALLOWED[sub]
    forbidden = tuple(f"factiongraph.extract.{o}" for o in others)
    for path in modules_under("extract", sub):
        bad = {m for m in imports_of(path) if m.startswith(forbidden) or m == "factiongraph.extract"}
        assert not bad, f"{path.relative_to(PACKAGE)} imports {sorted(bad)}"


def test_web_reads_through_store_views() -> None:
    """The web layer runs no SQL of its own: queries belong in store/views.py."""
    for path in modules_under("web"):
        source = path.read_text(encoding="utf-8")
        assert ".execute(" not in source and "import sqlite3" not in source, f"{path.relative_to(PACKAGE)} runs SQL"
    for path in modules_under("store") + modules_under("analyze") + modules_under("model"):
        bad = {m for m in imports_of(path) if m.startswith("factiongraph.web")}
        assert not bad, f"{path.relative_to(PACKAGE)} imports the web layer"


def test_store_imports_only_model_and_itself() -> None:
    """The store depends on ``model`` (and the errors it raises) alone: no stage, settings or pipeline."""
    allowed = ("factiongraph.model", "factiongraph.store", "factiongraph.errors")
    for path in modules_under("store"):
        bad = {m for m in imports_of(path) if not any(m == a or m.startswith(a + ".") for a in allowed)}
        assert not bad, f"{path.relative_to(PACKAGE)} imports {sorted(bad)}"
