"""The plain-spaCy baseline records used by ``factiongraph eval``."""

from __future__ import annotations

import pytest

from factiongraph.nlp.baseline import baseline_records
from factiongraph.settings import Settings
from tests.resolve.factory import make_document

pytestmark = pytest.mark.slow


def test_baseline_emits_interchange_records() -> None:
    pytest.importorskip(Settings().spacy_model)
    text = "Prime Minister Mustafa al-Kadhimi visited Baghdad. Mustafa al-Kadhimi left for Iraq's south."
    records = list(baseline_records([make_document(text, "d1")], Settings().spacy_model))
    mentions = [r for r in records if r["kind"] == "mention"]
    entities = {r["entity_id"]: r for r in records if r["kind"] == "entity"}
    assert mentions and entities
    for m in mentions:
        assert text[m["start"]:m["end"]] == m["text"]  # type: ignore[misc]
        assert m["entity_id"] in entities
        assert m["doc_id"] == "d1"
    kadhimi = [m for m in mentions if m["text"] == "Mustafa al-Kadhimi"]
    if len(kadhimi) == 2:
        assert kadhimi[0]["entity_id"] == kadhimi[1]["entity_id"]
    assert all(e["in_kb"] is False and e["type"] in {"person", "political_org", "country", "place"}
               for e in entities.values())
