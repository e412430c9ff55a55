"""Quality gate: `factiongraph eval` scores must stay at or above the floors in baseline.json.

The floors are raised as the stages improve and never lowered silently. Each corpus records the
sha256 of its gold file, so a changed gold is a deliberate change of this file too. An entry may
name a metadata ``manifest``, a ``split`` file and the ``part`` of it that is gated: the real-text
development set is gated on its ``check`` half (scored, never read), with and without its manifest.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from factiongraph.evaluation import run_eval
from factiongraph.settings import Settings

REPO = Path(__file__).resolve().parents[2]
BASELINE = json.loads((Path(__file__).with_name("baseline.json")).read_text(encoding="utf-8"))


def _path(text: str) -> Path:
    return (REPO / text).resolve()


@cache
def _scores(name: str) -> dict[str, Any]:
    spec = BASELINE[name]
    manifest = _path(spec["manifest"]) if spec.get("manifest") else None
    split = _path(spec["split"]) if spec.get("split") else None
    result = run_eval(_path(spec["gold"]), _path(spec["corpus"]), Settings(), manifest=manifest, split=split)
    part = spec.get("part")
    return result["parts"][part]["factiongraph"] if part else result["factiongraph"]


def _lookup(scores: dict[str, Any], dotted: str) -> Any:
    value: Any = scores
    for part in dotted.split("."):
        value = value[part]
    return value


def _corpus(name: str) -> dict[str, Any]:
    spec = BASELINE[name]
    gold = _path(spec["gold"])
    needed = [gold, *(_path(spec[k]) for k in ("manifest", "split") if spec.get(k))]
    if not all(p.is_file() for p in needed) or not _path(spec["corpus"]).is_dir():
        pytest.skip(f"{name}: {gold.parent} is absent (put ../shared beside the checkout to score it)")
    digest = hashlib.sha256(gold.read_bytes()).hexdigest()
    assert digest == spec["gold_sha256"], (
        f"{gold} changed: review the change and update gold_sha256 (and the floors) in tests/quality/baseline.json"
    )
    return spec


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(BASELINE))
def test_scores_meet_floors(name: str) -> None:
    spec = _corpus(name)
    scores = _scores(name)
    failures = []
    for key, floor in spec["floors"].items():
        value = _lookup(scores, key)
        if value is None or value < floor:
            failures.append(f"{key} = {value} < floor {floor}")
    for key, ceiling in spec.get("ceilings", {}).items():
        value = _lookup(scores, key)
        if value is None or value > ceiling:
            failures.append(f"{key} = {value} > ceiling {ceiling}")
    assert not failures, f"{name}: " + "; ".join(failures)
