"""The docs exist and match the code: CLI reference, settings, architecture, stage pages."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from factiongraph.cli import cli
from factiongraph.cli.reference import render_reference
from factiongraph.model import EntityType, Predicate
from factiongraph.settings import SETTING_HELP, Settings

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_cli_reference_is_up_to_date() -> None:
    assert (DOCS / "cli.md").read_text(encoding="utf-8") == render_reference(), (
        "docs/cli.md is stale: run `python -m factiongraph.cli.reference > docs/cli.md`"
    )


def test_every_command_has_help() -> None:
    for name, command in cli.commands.items():
        assert command.help and len(command.help.strip()) > 20, f"command {name} has no help text"


def test_every_setting_is_documented() -> None:
    assert set(SETTING_HELP) == {f.name for f in fields(Settings)}


def test_architecture_names_every_package() -> None:
    text = (DOCS / "architecture.md").read_text(encoding="utf-8")
    package = Path(__file__).resolve().parents[1] / "factiongraph"
    for sub in sorted(p.name for p in package.iterdir() if (p / "__init__.py").exists()):
        assert f"factiongraph/{sub}/" in text, f"docs/architecture.md does not describe factiongraph/{sub}/"


def test_every_stage_has_a_page() -> None:
    for stage in ("ingest", "clean", "nlp", "resolve"):
        assert (DOCS / "stages" / f"{stage}.md").is_file(), f"docs/stages/{stage}.md is missing"


def test_vocabularies_are_documented() -> None:
    text = (DOCS / "provenance.md").read_text(encoding="utf-8")
    for value in [*(t.value for t in EntityType), *(p.value for p in Predicate)]:
        assert f"`{value}`" in text, f"docs/provenance.md does not document {value}"
