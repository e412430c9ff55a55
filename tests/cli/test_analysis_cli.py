"""The analysis commands on the sample corpus, ingested once with every stage (slow: real model)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factiongraph.cli import cli
from factiongraph.export.acled_csv import COLUMNS

SAMPLE = Path(__file__).resolve().parents[2] / "factiongraph" / "data" / "sample"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "sample.db"
    result = CliRunner().invoke(cli, ["--db", str(path), "ingest", str(SAMPLE)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return path


def run(db: Path, *args: str) -> object:
    result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def test_entities_ranked_and_filtered(db: Path) -> None:
    listing = run(db, "entities", "--type", "armed_group").stdout
    assert "Kataib Hezbollah" in listing
    assert all("armed_group" in line for line in listing.strip().splitlines())


def test_show_finds_any_spelling_with_relations_events_and_sources(db: Path) -> None:
    by_variant = run(db, "show", "Kataib Hizbullah", "--json").stdout
    by_acronym = run(db, "show", "KH", "--json").stdout
    profile = json.loads(by_variant)
    assert json.loads(by_acronym)["entity"]["entity_id"] == profile["entity"]["entity_id"]
    assert profile["entity"]["type"] == "armed_group"
    assert profile["relations"] and profile["events"] and profile["mentions"]
    for relation in profile["relations"]:
        assert relation["evidence"], "every relation shown has its evidence sentence"
    text = run(db, "show", "kataib hezbollah").stdout
    assert "Relations" in text and "Events (timeline)" in text and "Mentioned in" in text


def test_events_filters_and_formats(db: Path) -> None:
    everything = [json.loads(x) for x in run(db, "events", "--format", "json").stdout.splitlines()]
    assert everything
    arrests = [json.loads(x) for x in run(db, "events", "--type", "Arrests", "--format", "json").stdout.splitlines()]
    assert arrests and all(e["sub_type"] == "Arrests" or e["type"] == "Arrests" for e in arrests)
    dated = [e for e in everything if e["date_start"]]
    pivot = sorted(e["date_start"] for e in dated)[len(dated) // 2]
    later = [json.loads(x) for x in run(db, "events", "--since", pivot, "--format", "json").stdout.splitlines()]
    assert later and all(e["date_start"] >= pivot for e in later) and len(later) < len(everything)
    acled = list(csv.DictReader(io.StringIO(run(db, "events", "--format", "acled-csv").stdout)))
    assert acled and list(acled[0]) == COLUMNS
    assert all(row["notes"].endswith(".") and row["event_type"] for row in acled)


def test_quotes_and_graph(db: Path) -> None:
    quotes = [json.loads(x) for x in run(db, "quotes", "--format", "json").stdout.splitlines()]
    assert quotes and all(q["evidence"] for q in quotes)
    graph = json.loads(run(db, "graph", "--around", "Kataib Hezbollah", "--metrics", "--format", "json").stdout)
    assert graph["edges"] and graph["centrality"][0]["name"]


def test_graph_writes_graphml(db: Path) -> None:
    import xml.etree.ElementTree as ET

    text = run(db, "graph", "--around", "Kataib Hezbollah", "--format", "graphml").stdout
    root = ET.fromstring(text)
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    assert root.findall(f".//{ns}node") and root.findall(f".//{ns}edge")
