"""The extract stage as a whole: what every claim it emits must satisfy."""

from __future__ import annotations


def test_evidence_never_runs_past_its_block() -> None:
    from factiongraph.extract import clip_evidence
    from factiongraph.model import Block, BlockPart, Document, Evidence

    text = "Militia raid in Basra\n\nBy A. Writer\n\nPolice raided a depot."
    doc = Document("d", "s", text, [Block(BlockPart.BODY, 0, 21), Block(BlockPart.BOILERPLATE, 23, 35),
                                   Block(BlockPart.BODY, 37, len(text))])
    clipped = clip_evidence(doc, Evidence("d", 0, 37, text[:37], "rule.x.v1"))
    assert (clipped.start, clipped.end, clipped.text) == (0, 21, "Militia raid in Basra")
    inside = Evidence("d", 37, len(text), text[37:], "rule.x.v1")
    assert clip_evidence(doc, inside) is inside
