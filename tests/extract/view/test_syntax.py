"""The parse view (factiongraph.extract.view.syntax): the document text it hands out is joined once."""

from __future__ import annotations

import spacy

from factiongraph.extract.view.syntax import Syntax


def test_text_is_the_docs_text_joined_once() -> None:
    doc = spacy.blank("en")("BAGHDAD, Jan 30 - Kataib Hezbollah said on Tuesday it had left.\nA second line.")
    syn = Syntax.of(doc, [])
    assert syn.text() == doc.text
    # the same string object on every call: spaCy's Doc.text joins every token again per call,
    # which the quote clauses once did for every verb of saying
    assert syn.text() is syn.text()


def test_text_without_a_doc_is_empty() -> None:
    syn = Syntax.of(None, [])
    assert syn.text() == "" and not syn.available


def test_context_hands_its_text_to_the_syntax_view() -> None:
    """The document's syntax view takes the text the context already holds, the doc's own text."""
    from tests.extract.factory import make_context

    ctx = make_context("Kataib Hezbollah said on Tuesday it had left Jurf al-Sakhar.", "2021-05-10")
    assert ctx.syntax().text() == ctx.spacy_doc.text
    assert ctx.syntax().text() is ctx.spacy_text()
