"""Cut a document's blocks into segments for the document view.

Each segment is a run of text under the same mention, claims and highlight, so the page can
link a name to its entity, mark the sentences that are evidence for an event, relation or quote,
and highlight the span a link asked for (``?start=..&end=..``). Text is never turned into HTML
here: the template escapes every segment.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from factiongraph.model import BlockPart, Document


@dataclass(slots=True)
class Segment:
    """``text[start:end]`` with what covers it."""

    start: int
    end: int
    text: str
    mention: dict[str, Any] | None = None
    kinds: list[str] = field(default_factory=list)
    claims: list[str] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)
    highlighted: bool = False


@dataclass(slots=True)
class Section:
    """One block of the document (body, caption, comment or boilerplate) as segments."""

    part: str
    start: int
    end: int
    segments: list[Segment]


def _covering(spans: list[dict[str, Any]], start: int, end: int) -> list[dict[str, Any]]:
    return [s for s in spans if s["start"] <= start and end <= s["end"]]


def build_sections(doc: Document, mentions: list[dict[str, Any]], claims: list[dict[str, Any]],
                   highlight: tuple[int, int] | None = None, boilerplate: bool = False) -> list[Section]:
    """Return the document's blocks cut at every mention, claim and highlight boundary.

    Args:
        doc: the stored document.
        mentions: rows with ``start``, ``end``, ``entity_id`` (``store.views.document_mentions``).
        claims: evidence rows with ``start``, ``end``, ``claim_kind``, ``claim_id``, ``evidence_id``.
        highlight: the span to highlight; the segment where it starts gets the anchor ``hl``.
        boilerplate: keep boilerplate blocks (menus, notices), which are dropped by default.
    """
    sections = []
    anchored: set[str] = set()
    hl_spans = [{"start": highlight[0], "end": highlight[1]}] if highlight else []
    for block in doc.blocks:
        if block.part == BlockPart.BOILERPLATE and not boilerplate:
            continue
        block_mentions = [m for m in mentions if m["start"] < block.end and m["end"] > block.start]
        block_claims = [c for c in claims if c["start"] < block.end and c["end"] > block.start]
        cuts = {block.start, block.end}
        for s in (*block_mentions, *block_claims, *hl_spans):
            cuts.update(c for c in (s["start"], s["end"]) if block.start < c < block.end)
        points = sorted(cuts)
        segments = []
        for a, b in zip(points, points[1:], strict=False):
            seg = Segment(a, b, doc.text[a:b])
            covering = _covering(block_mentions, a, b)
            seg.mention = covering[0] if covering else None
            for c in _covering(block_claims, a, b):
                seg.kinds.append(c["claim_kind"])
                seg.claims.append(c["claim_id"])
                anchor = f"ev-{c['evidence_id']}"
                if anchor not in anchored:
                    anchored.add(anchor)
                    seg.anchors.append(anchor)
            seg.kinds = sorted(set(seg.kinds))
            if highlight and highlight[0] <= a and b <= highlight[1] and a < b:
                seg.highlighted = True
                if "hl" not in anchored:
                    anchored.add("hl")
                    seg.anchors.append("hl")
            segments.append(seg)
        sections.append(Section(block.part.value, block.start, block.end, segments))
    return sections
