"""The extractors' document context (factiongraph.extract.view.context)."""

from __future__ import annotations

import spacy

from factiongraph.extract.view.context import lowercase_tokens


def test_lowercase_tokens_are_each_tokens_lower() -> None:
    doc = spacy.blank("en")("BAGHDAD, Jan 30 - Kata'ib Hezbollah's 3,000 fighters\n\nİstanbul ÉTÉ straße  ok.")
    assert lowercase_tokens(doc) == [t.lower_ for t in doc]


def test_lowercase_tokens_of_an_empty_doc() -> None:
    assert lowercase_tokens(spacy.blank("en")("")) == []
