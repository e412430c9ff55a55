"""Development-set splits: score the same run on named parts of a gold file (``tune``, ``check``).

A split file is a JSON object whose keys name parts and whose values list corpus file names::

    {"tune": ["a01.txt", "a02.txt"], "check": ["a04.txt"]}

One pipeline run over the whole corpus is scored once per part, on the gold documents of that
part only. ``tune`` is for reading and debugging; ``check`` is scored and never read item by
item (see ``../shared/dev/README.md``), so the item-level ``detail`` of a part listed in
:data:`BLIND_PARTS` is withheld from reports unless asked for.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from factiongraph.errors import GoldFormatError
from factiongraph.eval.gold import Gold

BLIND_PARTS = frozenset({"check"})
"""Parts whose item-level details are withheld by default (scores only)."""

WITHHELD = "withheld: this part is scored, not read (pass --show-check-detail to see it)"


def load_split(path: str | Path) -> dict[str, tuple[str, ...]]:
    """Read a split file into ``{part: (file, ...)}`` in file order.

    Raises:
        GoldFormatError: the file is not a JSON object of string lists, or a file is in two parts.
    """
    p = Path(path)
    try:
        raw = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldFormatError(f"{p}: cannot read the split file ({exc})") from exc
    if not isinstance(raw, dict) or not raw:
        raise GoldFormatError(f"{p}: a split is a JSON object of part name -> list of file names")
    parts: dict[str, tuple[str, ...]] = {}
    owner: dict[str, str] = {}
    for name, files in raw.items():
        if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
            raise GoldFormatError(f"{p}: part {name!r} must be a list of file names")
        for f in files:
            if f in owner:
                raise GoldFormatError(f"{p}: file {f!r} is in both {owner[f]!r} and {name!r}")
            owner[f] = name
        parts[name] = tuple(files)
    return parts


def subset_gold(gold: Gold, files: tuple[str, ...] | list[str]) -> Gold:
    """Return the gold restricted to ``files`` (unknown names are ignored).

    ``same_as`` links to events of documents outside the subset are cut, so cross-document
    coreference is scored within the part only.
    """
    wanted = set(files)
    documents = tuple(d for d in gold.documents if d.file in wanted)
    kept_events = {e.event_id for d in documents for e in d.events}
    trimmed = []
    for doc in documents:
        events = tuple(e if e.same_as is None or e.same_as in kept_events else replace(e, same_as=None)
                       for e in doc.events)
        trimmed.append(replace(doc, events=events))
    return replace(gold, documents=tuple(trimmed))


def strip_details(scores: dict[str, Any]) -> dict[str, Any]:
    """Return a copy of ``scores`` with every ``detail`` entry replaced by :data:`WITHHELD`."""
    out: dict[str, Any] = {}
    for key, value in scores.items():
        if key == "detail":
            out[key] = WITHHELD
        elif isinstance(value, dict):
            out[key] = strip_details(value)
        else:
            out[key] = value
    return out
