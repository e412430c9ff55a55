"""``factiongraph export`` in every format and ``factiongraph import``, on the hand-built tiny store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from factiongraph.cli import cli
from factiongraph.cli.ingest import EXIT_REJECTED
from factiongraph.export.formats import FORMATS

from ..export.factory import GOLDEN, SUFFIX, build_tiny_store


def run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-export") / "tiny.db"
    build_tiny_store(path).close()
    return path


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_each_format_to_a_file_and_check_it(db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out.{SUFFIX[fmt]}"
    result = run(db, "export", "--format", fmt, "--out", str(out), "--check")
    assert result.exit_code == 0, result.output
    assert "check: " in result.stderr
    if fmt != "acled-csv":  # the CLI's ACLED admin columns come from the knowledge base
        assert out.read_bytes() == (GOLDEN / f"tiny.{SUFFIX[fmt]}").read_bytes()


def test_export_to_stdout_by_default_with_filters(db: Path) -> None:
    result = run(db, "export", "--format", "stix", "--around", "LB", "--since", "2021-05")
    assert result.exit_code == 0
    names = {o.get("name") for o in json.loads(result.stdout)["objects"]}
    assert "Lantern Brigades" in names and "Salim Haddad" in names
    unknown = CliRunner().invoke(cli, ["--db", str(db), "export", "--around", "Nobody At All"])
    assert unknown.exit_code != 0


def test_import_into_a_fresh_store_reproduces_the_export(db: Path, tmp_path: Path) -> None:
    exported = tmp_path / "all.jsonl"
    assert run(db, "export", "--out", str(exported)).exit_code == 0
    fresh = tmp_path / "fresh.db"
    loaded = run(fresh, "import", str(exported))
    assert loaded.exit_code == 0, loaded.output
    assert "documents added 2" in loaded.stdout
    assert run(fresh, "export").stdout == exported.read_text(encoding="utf-8")


def test_import_names_bad_lines_and_exits_5(db: Path, tmp_path: Path) -> None:
    exported = tmp_path / "bad.jsonl"
    exported.write_text(run(db, "export").stdout + "{oops\n", encoding="utf-8")
    result = run(tmp_path / "fresh.db", "import", str(exported))
    assert result.exit_code == EXIT_REJECTED
    assert "not JSON" in result.stderr
    missing = CliRunner().invoke(cli, ["--db", str(tmp_path / "x.db"), "import", str(tmp_path / "none.jsonl")])
    assert missing.exit_code != 0
