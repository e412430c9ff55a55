"""Exporters: read through the store and write formats other tools load."""

from factiongraph.export.jsonl import iter_records, write_jsonl

__all__ = ["iter_records", "write_jsonl"]
