"""Property-based fuzzing of the analysis stages: clean -> nlp -> resolve -> extract.

Inputs are random texts and sample articles mutated at random (spans cut, repeated, swapped,
overwritten with arbitrary Unicode). For every input: no stage raises; every mention and every
evidence span is exactly the text it claims (``text[start:end] == evidence.text``); event dates are
real calendar dates in order and within their bounds; resolution gives the same answer every time.
The stages are built once for the module (the spaCy model is slow to load).
"""

from __future__ import annotations

import copy
import re
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factiongraph.extract import DocContext, Extraction
from factiongraph.model import DatePrecision, Document, Event, Mention, Quote, RawDocument, Rejection, Relation
from factiongraph.model.ids import hash_bytes
from factiongraph.pipeline import Pipeline
from factiongraph.resolve import Resolution, Resolver
from factiongraph.settings import Settings

from .factory import SAMPLE

pytestmark = pytest.mark.slow

TODAY = date(2026, 12, 6)
ARTICLES = {p.name: p.read_text(encoding="utf-8") for p in sorted(SAMPLE.iterdir()) if p.suffix in (".txt", ".html")}
FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
# Characters that stress offsets: combining marks, astral emoji, RTL letters and bidi controls,
# zero-width joiners, CR/LF mixes, NUL and other controls, curly quotes and dashes the cleaner maps.
TRICKY = st.sampled_from(["\u0301", "\U0001F4A5", "\U0001F468\u200d\U0001F469", "كتائب", "\u202e", "\u200f",
                          "\u200b", "\r\n", "\r", "\x00", "\x0c", "\u2019", "\u201c", "\u2014", "\ufeff", "ß", "İ",
                          "ﬁ", "\u00a0", "  ", "\n\n", "<p>", "&amp;", "</div>", '"', "Kataib Hezbollah",
                          "on June 25", "2019", "Mr.", "told Reuters", "said:"])


@pytest.fixture(scope="module")
def stages() -> Pipeline:
    """Return a pipeline whose stages (cleaner, nlp, resolver, extractor) are built once."""
    pipeline = Pipeline(Settings(), today=TODAY)
    pipeline.nlp, pipeline.resolver, pipeline.extractor  # noqa: B018 - built on access
    return pipeline


@st.composite
def mutated_articles(draw: st.DrawFn) -> tuple[str, str]:
    """Return ``(text, media_type)``: a sample article with a few random mutations."""
    name = draw(st.sampled_from(sorted(ARTICLES)))
    text = ARTICLES[name]
    for _ in range(draw(st.integers(1, 4))):
        n = len(text)
        a = draw(st.integers(0, n))
        b = draw(st.integers(a, min(n, a + 400)))
        how = draw(st.sampled_from(["cut", "repeat", "insert", "overwrite", "swap", "truncate"]))
        if how == "cut":
            text = text[:a] + text[b:]
        elif how == "repeat":
            text = text[:b] + text[a:b] + text[b:]
        elif how == "insert":
            piece = draw(st.one_of(TRICKY, st.text(max_size=30)))
            text = text[:a] + piece + text[a:]
        elif how == "overwrite":
            piece = "".join(draw(st.lists(st.one_of(TRICKY, st.characters()), max_size=20)))
            text = text[:a] + piece + text[b:]
        elif how == "swap":
            c = draw(st.integers(0, n))
            text = text[:a] + text[c:] + text[a:c] if c > a else text
        else:
            text = text[:b]
    return text, "text/html" if name.endswith(".html") else "text/plain"


random_texts = st.tuples(
    st.lists(st.one_of(TRICKY, st.text(max_size=40)), max_size=25).map("".join),
    st.sampled_from(["text/plain", "text/html"]),
)


def analyse(stages: Pipeline, text: str,
            media_type: str) -> tuple[Document, list[Mention], Resolution, Extraction] | None:
    """Run clean -> nlp -> resolve -> extract the way the pipeline does; None when clean rejects."""
    raw = RawDocument("fuzz://doc", text, media_type, hash_bytes(text.encode("utf-8", "surrogatepass")))
    cleaned = stages.cleaner.clean(raw)
    if isinstance(cleaned, Rejection):
        assert cleaned.detail
        return None
    (ann,) = stages.nlp.annotate_many([cleaned])
    resolution = stages.resolver.resolve(ann.document, ann.mentions)
    entities = {e.entity_id: e for e in resolution.entities}
    ctx = DocContext(ann.document, ann.spacy_doc, list(resolution.mentions), entities, stages.kb,
                     _spacy_text=ann.text or None)
    return cleaned, ann.mentions, resolution, stages.extractor.extract(ctx)


def check_spans(doc: Document, mentions: list[Mention], extraction: Extraction) -> None:
    text = doc.text
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text) and text[m.start:m.end] == m.text, m
    claims: list[Event | Relation | Quote] = [*extraction.events, *extraction.relations, *extraction.quotes]
    for claim in claims:
        assert claim.evidence, claim
        for ev in claim.evidence:
            assert ev.doc_id == doc.doc_id
            assert 0 <= ev.start <= ev.end <= len(text) and text[ev.start:ev.end] == ev.text, (claim, ev)


LENGTHS = {DatePrecision.DAY: 10, DatePrecision.MONTH: 7, DatePrecision.YEAR: 4}
PATTERNS = {10: "%Y-%m-%d", 7: "%Y-%m", 4: "%Y"}


def check_dates(doc: Document, events: list[Event]) -> None:
    """Each date is a real date written at its precision; start <= end; none past the latest day allowed.

    The latest day allowed: the end of the year after the latest of the ingest day, the
    publication date and every year written in the text ("a week later" may cross into the next
    year; nothing more may).
    """
    years = [int(y) for y in re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", doc.text)]
    published = doc.metadata.published
    latest_year = max([TODAY.year, *years, *([int(published[:4])] if published else [])]) + 1
    for event in events:
        if event.date_start is None:
            assert event.date_end is None, event
            continue
        assert event.date_precision is not None and len(event.date_start) == LENGTHS[event.date_precision], event
        values = [v for v in (event.date_start, event.date_end) if v]
        parsed = [datetime.strptime(v, PATTERNS[len(v)]).date() for v in values]  # raises if not a real date
        assert parsed == sorted(parsed), event
        assert all(1900 <= d.year <= latest_year for d in parsed), (event, latest_year)


@FUZZ
@given(st.one_of(mutated_articles(), random_texts))
def test_stages_never_raise_and_every_span_is_its_text(stages: Pipeline, case: tuple[str, str]) -> None:
    out = analyse(stages, *case)
    if out is None:
        return
    doc, mentions, resolution, extraction = out
    check_spans(doc, mentions, extraction)
    check_spans(doc, resolution.mentions, extraction)
    check_dates(doc, extraction.events)


@FUZZ
@given(mutated_articles(), mutated_articles())
def test_resolution_is_deterministic_and_keeps_no_state(stages: Pipeline, first: tuple[str, str],
                                                      second: tuple[str, str]) -> None:
    one = analyse(stages, *first)
    if one is None:
        return
    doc, mentions, resolution, _ = one
    analyse(stages, *second)  # another document in between must not change the answer
    again = stages.resolver.resolve(doc, copy.deepcopy(mentions))
    fresh = Resolver(stages.kb).resolve(doc, copy.deepcopy(mentions))
    for other in (again, fresh):
        assert other.mentions == resolution.mentions
        assert other.entities == resolution.entities
        assert other.judgements == resolution.judgements
        assert other.outlet_id == resolution.outlet_id
