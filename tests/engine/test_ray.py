"""The Ray engine: the seeds ingested by Ray actors give the same store as a local ingest."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from factiongraph.cli import cli

pytestmark = [pytest.mark.slow, pytest.mark.ray]


def _ingest_and_export(db: Path, seeds: Path, *flags: str) -> bytes:
    runner = CliRunner()
    ingested = runner.invoke(cli, ["--db", str(db), "ingest", *flags, str(seeds)], catch_exceptions=False)
    assert ingested.exit_code == 0, ingested.output
    exported = runner.invoke(cli, ["--db", str(db), "export", "--format", "jsonl"], catch_exceptions=False)
    assert exported.exit_code == 0
    return exported.stdout_bytes


def test_a_ray_ingest_of_the_seeds_exports_the_same_as_a_local_one(
        tmp_path: Path, shared_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("ray")
    monkeypatch.delenv("RAY_ADDRESS", raising=False)  # a local Ray instance, started and stopped here
    seeds = shared_dir / "seeds"
    local = _ingest_and_export(tmp_path / "local.db", seeds)
    # batch size 1 x 2 actors: the five seeds go out in three batches, the first two split over both actors.
    monkeypatch.setenv("FACTIONGRAPH_BATCH_SIZE", "1")
    distributed = _ingest_and_export(tmp_path / "ray.db", seeds, "--engine", "ray", "--workers", "2")
    assert local.count(b'"kind": "document"') + local.count(b'"kind":"document"') == 5
    assert b'"event"' in local and b'"quote"' in local
    assert distributed == local
