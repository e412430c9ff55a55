"""Integration: the clean stage against the seed articles and their gold annotation."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from factiongraph.clean import Cleaner
from factiongraph.model import BlockPart, Document
from factiongraph.model.text import normalize_chars
from tests.clean.factory import read_raw

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold" / "seeds.gold.json"


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", normalize_chars(text)).strip()


@pytest.fixture(scope="module")
def cleaned() -> list[tuple[dict[str, Any], Document]]:
    if not GOLD.is_file() or not SEEDS.is_dir():
        pytest.skip(f"seed corpus not found beside the repo at {SHARED}")
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    outlets = sorted({d["outlet"] for d in gold["documents"] if d.get("outlet")})
    cleaner = Cleaner(outlets)
    out = []
    for entry in gold["documents"]:
        result = cleaner.clean(read_raw(SEEDS / entry["file"]))
        assert isinstance(result, Document), result
        out.append((entry, result))
    return out


def content_blocks(doc: Document) -> list[str]:
    return [squash(doc.text[b.start : b.end]) for b in doc.blocks if b.is_content]


def test_no_boilerplate_or_comment_in_content(cleaned: list[tuple[dict[str, Any], Document]]) -> None:
    for entry, doc in cleaned:
        content = content_blocks(doc)
        for line in entry["boilerplate"] + entry["comments"]:
            leaked = [c for c in content if squash(line) in c]
            assert not leaked, f"{entry['file']}: {line!r} inside content"


def test_comments_are_comment_blocks(cleaned: list[tuple[dict[str, Any], Document]]) -> None:
    for entry, doc in cleaned:
        comments = [squash(doc.text[b.start : b.end]) for b in doc.blocks if b.part is BlockPart.COMMENT]
        for comment in entry["comments"]:
            assert any(squash(comment) in c for c in comments), f"{entry['file']}: {comment!r}"


def test_each_caption_appears_once_in_content(cleaned: list[tuple[dict[str, Any], Document]]) -> None:
    for entry, doc in cleaned:
        content = content_blocks(doc)
        for caption in entry["captions"]:
            assert sum(squash(caption) in c for c in content) == 1, f"{entry['file']}: {caption!r}"


def test_title_author_outlet_match_gold(cleaned: list[tuple[dict[str, Any], Document]]) -> None:
    misses = []
    for entry, doc in cleaned:
        meta = doc.metadata
        got = (meta.title, meta.author, meta.outlet)
        want = (entry["title"], entry["author"], entry["outlet"])
        if tuple(squash(v) if v else None for v in got) != tuple(squash(v) if v else None for v in want):
            misses.append((entry["file"], got, want))
    assert len(misses) <= 1, misses


def test_published_basis_is_stated(cleaned: list[tuple[dict[str, Any], Document]]) -> None:
    for _entry, doc in cleaned:
        meta = doc.metadata
        if meta.published is not None:
            assert meta.published_precision is not None
            assert meta.published_basis and meta.published_basis.split(":")[0] in ("explicit", "metadata", "inferred")
