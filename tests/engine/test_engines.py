"""Choosing an engine: settings, the RAY_ADDRESS convention, splitting batches over workers."""

from __future__ import annotations

import pytest

from factiongraph.engine import split
from factiongraph.errors import ConfigError
from factiongraph.model import Block, BlockPart, Document, Metadata
from factiongraph.settings import load_settings


def test_engine_is_local_or_ray() -> None:
    assert load_settings().engine == "local"
    assert load_settings(environ={"FACTIONGRAPH_ENGINE": "ray"}).engine == "ray"
    with pytest.raises(ConfigError, match="engine"):
        load_settings(overrides={"engine": "spark"})


def test_ray_address_comes_from_ray_address_unless_factiongraph_names_one() -> None:
    assert load_settings().ray_address == ""
    assert load_settings(environ={"RAY_ADDRESS": "10.0.0.5:6379"}).ray_address == "10.0.0.5:6379"
    both = {"RAY_ADDRESS": "10.0.0.5:6379", "FACTIONGRAPH_RAY_ADDRESS": "auto"}
    assert load_settings(environ=both).ray_address == "auto"
    assert load_settings(environ={"RAY_ADDRESS": "x:1"}, overrides={"ray_address": "y:2"}).ray_address == "y:2"


def test_a_batch_is_split_in_order_over_the_workers() -> None:
    docs = [Document(str(i), "s", "t", [Block(BlockPart.BODY, 0, 1)], Metadata(), content_hash=str(i), producer="p")
            for i in range(5)]
    chunks = split(docs, 2)
    assert [[d.doc_id for d in c] for c in chunks] == [["0", "1", "2"], ["3", "4"]]
    assert [d for c in split(docs, 8) for d in c] == docs and len(split(docs, 8)) == 5
    assert split([], 2) == []
