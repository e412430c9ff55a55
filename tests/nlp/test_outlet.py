"""Mentions of the document's own outlet (rule.doc-outlet.v1): pure functions and the real pipeline."""

from __future__ import annotations

import pytest

from factiongraph.model import Block, BlockPart, Document, EntityType, Mention, Metadata
from factiongraph.nlp import NlpPipeline
from factiongraph.nlp.outlet import (DOC_OUTLET_PRODUCER, add_outlet_mentions, find_outlet_spans,
                                     is_usable_outlet_name)


def _context(start: int, end: int) -> tuple[int, int, bool]:
    return 0, 1000, True


def _mention(text: str, start: int, etype: EntityType, entity_id: str | None = None) -> Mention:
    return Mention("d", start, start + len(text), text, etype, "model.x", 0.6, entity_id, 0, 1000, True)


def test_usable_outlet_names() -> None:
    assert is_usable_outlet_name("Euphrates Courier")
    assert not is_usable_outlet_name(None)
    assert not is_usable_outlet_name("www.example.com")
    assert not is_usable_outlet_name("the paper")
    assert not is_usable_outlet_name("A B C D E F G")


def test_spans_are_whole_words_and_case_sensitive() -> None:
    text = ("She told the Euphrates Courier.  Euphrates\nCourier staff and euphrates courier "
            "and XEuphrates Courier")
    spans = find_outlet_spans(text, "Euphrates Courier")
    assert [text[s:e] for s, e in spans] == ["Euphrates Courier", "Euphrates\nCourier"]


def test_outlet_replaces_a_place_inside_it_and_a_mistyped_span() -> None:
    text = "An official told the Basra Herald. The Basra Herald reported it."
    place = _mention("Basra", 21, EntityType.PLACE, "basra")
    person = _mention("Basra Herald", 39, EntityType.PERSON)
    out = add_outlet_mentions([place, person], text, "d", "Basra Herald", _context, lambda _: None)
    assert [(m.text, m.type, m.producer, m.entity_id) for m in out] == [
        ("Basra Herald", EntityType.MEDIA_OUTLET, DOC_OUTLET_PRODUCER, None)] * 2
    assert all(m.text == text[m.start:m.end] for m in out)


def test_kb_outlet_mention_is_kept_and_other_kb_types_win() -> None:
    text = "He told Reuters."
    kb = _mention("Reuters", 8, EntityType.MEDIA_OUTLET, "reuters")
    assert add_outlet_mentions([kb], text, "d", "Reuters", _context, lambda _: None) == [kb]
    text = "He told Hadi Amiri."
    assert add_outlet_mentions([], text, "d", "Hadi Amiri", _context,
                               lambda _: EntityType.PERSON) == []


def test_no_outlet_no_change() -> None:
    m = _mention("Basra", 0, EntityType.PLACE, "basra")
    assert add_outlet_mentions([m], "Basra", "d", None, _context, lambda _: None) == [m]


@pytest.mark.slow
def test_pipeline_types_the_document_outlet(nlp_pipeline: NlpPipeline) -> None:
    text = ("Militia leaders met in Baghdad on Monday.\n\n"
            "\"We will not disarm,\" a commander told the Baghdad Sentinel.")
    doc = Document(doc_id="doc-outlet", source="test:outlet", text=text,
                   blocks=[Block(BlockPart.BODY, 0, len(text))],
                   metadata=Metadata(outlet="Baghdad Sentinel"))
    found = {m.text: m for m in nlp_pipeline.annotate(doc).mentions}
    assert found["Baghdad Sentinel"].type is EntityType.MEDIA_OUTLET
    assert found["Baghdad Sentinel"].producer == DOC_OUTLET_PRODUCER
    assert found["Baghdad"].entity_id == "baghdad"
    assert sum(m.text == "Baghdad" for m in found.values()) == 1
