"""One entry point for every export format: select, write, and optionally check with the ecosystem library.

``FORMATS`` is the registry the CLI and the Python API offer. Every writer takes a
:class:`~factiongraph.export.selection.Snapshot` and a text stream and is deterministic: the same
store and selection give the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import IO

from factiongraph.errors import FactiongraphError
from factiongraph.export.acled_csv import COLUMNS, PlaceChain, write_acled_csv
from factiongraph.export.ftm import check_ftm, write_ftm
from factiongraph.export.graph_formats import write_gexf, write_graphml
from factiongraph.export.jsonl import KINDS, iter_records, snapshot_records, write_jsonl
from factiongraph.export.jsonl_read import read_records
from factiongraph.export.selection import Selection, Snapshot, take
from factiongraph.export.stix import check_stix, write_stix
from factiongraph.store.base import Store

FORMATS = ("jsonl", "stix", "ftm", "graphml", "gexf", "acled-csv")
"""The formats ``factiongraph export --format`` writes."""


def _acled(snapshot: Snapshot, out: IO[str], place_chain: PlaceChain | None) -> int:
    outlets = {d.doc_id: d.metadata.outlet for d in snapshot.documents}
    day = datetime.strptime(snapshot.as_of(), "%Y-%m-%d").replace(tzinfo=UTC)
    return write_acled_csv(snapshot.events, snapshot.entity_map(), outlets.get, out, place_chain,
                           timestamp=int(day.timestamp()))


def write_export(store: Store, fmt: str, out: IO[str], selection: Selection = Selection(),
                 kinds: Iterable[str] = KINDS, place_chain: PlaceChain | None = None) -> int:
    """Write the selected part of ``store`` in ``fmt`` to ``out``; return the number of items written.

    Args:
        store: the store to read.
        fmt: one of :data:`FORMATS`.
        out: a text stream (open CSV files with ``newline=""``).
        selection: time window and/or entity neighbourhood (everything by default).
        kinds: record kinds for ``jsonl``.
        place_chain: place id -> (name, admin level, iso) chain, for ACLED's admin columns.

    Raises:
        FactiongraphError: ``fmt`` is not a known format.
    """
    if fmt == "jsonl" and selection.everything:  # streamed: the whole store is never held in memory
        return write_jsonl(iter_records(store, kinds), out)
    snapshot = take(store, selection)
    writers: dict[str, Callable[[], int]] = {
        "jsonl": lambda: write_jsonl(snapshot_records(snapshot, kinds), out),
        "stix": lambda: write_stix(snapshot, out),
        "ftm": lambda: write_ftm(snapshot, out),
        "graphml": lambda: write_graphml(snapshot, out),
        "gexf": lambda: write_gexf(snapshot, out),
        "acled-csv": lambda: _acled(snapshot, out, place_chain),
    }
    if fmt not in writers:
        raise FactiongraphError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    return writers[fmt]()


def check_export(fmt: str, text: str) -> str:
    """Load an export with the library its users load it with; return a one-line report.

    STIX with ``stix2``, FtM with ``followthemoney`` (both in the ``export`` extra), GraphML and
    GEXF with networkx, ACLED CSV with the csv module, JSON Lines with factiongraph's own reader.

    Raises:
        ConfigError: the library is not installed.
        FactiongraphError: the export does not load.
    """
    if fmt == "stix":
        return f"stix2 parsed {check_stix(text)} objects"
    if fmt == "ftm":
        lines = text.split("\n")  # not splitlines(): U+2028 and friends may sit inside JSON strings
        return f"followthemoney validated {check_ftm(lines)} entities"
    if fmt in ("graphml", "gexf"):
        import networkx as nx

        reader = nx.read_graphml if fmt == "graphml" else nx.read_gexf
        try:
            graph = reader(io.BytesIO(text.encode("utf-8")))
        except Exception as exc:  # networkx raises several parser errors
            raise FactiongraphError(f"networkx cannot read the {fmt}: {exc}") from exc
        return f"networkx read {graph.number_of_nodes()} nodes and {graph.number_of_edges()} edges"
    if fmt == "acled-csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        if rows and list(rows[0]) != COLUMNS:
            raise FactiongraphError("the ACLED CSV does not have ACLED's columns")
        return f"csv read {len(rows)} rows"
    records = read_records(text.split("\n"))
    if records.problems:
        raise FactiongraphError(f"the JSON Lines do not read back: {records.problems[0]}")
    return f"read back {json.dumps(records.counts())}"
