"""Builders for small KB files used by the kb tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


def make_record(record_id: str, record_type: str = "armed_group", **fields: Any) -> dict[str, Any]:
    """Return a minimal valid raw record; ``fields`` override or add keys."""
    record: dict[str, Any] = {"id": record_id, "type": record_type,
                              "name": record_id.replace("-", " ").title(),
                              "source": "test fixture"}
    record.update(fields)
    return record


def write_kb(directory: Path, name: str, records: list[dict[str, Any]],
             schema: str = "kb/1") -> Path:
    """Write ``records`` as a kb/1 YAML file and return its path."""
    path = directory / name
    path.write_text(yaml.safe_dump({"schema": schema, "records": records}, allow_unicode=True),
                    encoding="utf-8")
    return path
