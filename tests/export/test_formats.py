"""Every format of the tiny store: equal to its golden file, reproducible, and loaded by its library."""

from __future__ import annotations

import sys

import pytest

from factiongraph.errors import ConfigError, FactiongraphError
from factiongraph.export.formats import FORMATS, check_export
from factiongraph.store import SQLiteStore

from .factory import GOLDEN, SUFFIX, build_tiny_store, export_text


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_equals_its_golden_file(tiny_store: SQLiteStore, fmt: str) -> None:
    golden = (GOLDEN / f"tiny.{SUFFIX[fmt]}").read_bytes().decode("utf-8")
    assert export_text(tiny_store, fmt) == golden, f"{fmt} changed: run `make golden` and review the diff"


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_second_store_with_the_same_content_gives_the_same_bytes(tiny_store: SQLiteStore, fmt: str) -> None:
    other = build_tiny_store(":memory:")  # written at another time: ingest times must not leak out
    assert export_text(other, fmt) == export_text(tiny_store, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_export_loads_in_its_ecosystem_library(tiny_store: SQLiteStore, fmt: str) -> None:
    report = check_export(fmt, export_text(tiny_store, fmt))
    assert report and not report.startswith("0 ")


def test_a_broken_export_does_not_pass_the_check(tiny_store: SQLiteStore) -> None:
    stix = export_text(tiny_store, "stix").replace('"relationship_type": "leader-of",', "", 1)
    with pytest.raises(FactiongraphError):
        check_export("stix", stix)
    with pytest.raises(FactiongraphError):
        check_export("gexf", export_text(tiny_store, "gexf").replace("</gexf>", ""))
    with pytest.raises(FactiongraphError):
        check_export("jsonl", '{"kind": "event", "event_id": "e"}\n')


def test_unknown_format_is_refused(tiny_store: SQLiteStore) -> None:
    with pytest.raises(FactiongraphError, match="unknown export format"):
        export_text(tiny_store, "xlsx")


@pytest.mark.parametrize(("fmt", "library"), [("stix", "stix2"), ("ftm", "followthemoney")])
def test_check_without_the_library_names_the_extra(tiny_store: SQLiteStore, monkeypatch: pytest.MonkeyPatch,
                                                   fmt: str, library: str) -> None:
    text = export_text(tiny_store, fmt)  # writing needs no ecosystem library
    monkeypatch.setitem(sys.modules, library, None)  # as if it were not installed
    with pytest.raises(ConfigError, match=r"factiongraph\[export\]"):
        check_export(fmt, text)
