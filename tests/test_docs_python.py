"""docs/python.md: its examples run, in order, and the worked example returns KH's events as a DataFrame."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pandas
import pytest

REPO = Path(__file__).resolve().parents[1]
PAGE = REPO / "docs" / "python.md"
pytestmark = pytest.mark.slow  # ingests the sample corpus with the spaCy model


def python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", PAGE.read_text(encoding="utf-8"), flags=re.S)


def test_the_page_has_examples() -> None:
    blocks = python_blocks()
    assert len(blocks) >= 2 and 'actor="Kata\'ib Hezbollah"' in blocks[0]


def test_the_examples_run_and_return_kh_events_as_a_dataframe(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "factiongraph" / "data").mkdir(parents=True)
    os.symlink(REPO / "factiongraph" / "data" / "sample", tmp_path / "factiongraph" / "data" / "sample")
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {}
    for block in python_blocks():
        exec(compile(block, str(PAGE), "exec"), namespace)  # noqa: S102 - the documented example itself
    kh = namespace["kh"]
    assert isinstance(kh, pandas.DataFrame) and len(kh) > 0
    import factiongraph

    with factiongraph.open(tmp_path / "notebook.db") as fg:
        kh_id = fg.entity_id("KH")
        assert fg.entity_id("Kataib Hizbullah") == kh_id
        expected = [e["event_id"] for e in fg.events(actor="KH")]
    assert list(kh["event_id"]) == expected
    assert all(kh_id in row.actors or kh_id in row.targets for row in kh.itertuples())
    assert (tmp_path / "kh.stix.json").is_file() and (tmp_path / "notebook.jsonl").is_file()
