"""``factiongraph import``: a JSONL export loaded into a fresh store exports to the same bytes."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factiongraph.export.jsonl import iter_records, write_jsonl
from factiongraph.importer import import_jsonl
from factiongraph.model import BlockPart, Certainty, DatePrecision, EntityType, Predicate
from factiongraph.store import SQLiteStore, open_store

from .export.factory import build_tiny_store


def export(store: SQLiteStore) -> str:
    out = io.StringIO()
    write_jsonl(iter_records(store), out)
    return out.getvalue()


def round_trip(text: str) -> tuple[str, list[str]]:
    store = open_store(":memory:")
    summary = import_jsonl(text.split("\n"), store)
    try:
        return export(store), summary.problems
    finally:
        store.close()


# -- a random store's content, written in the order and form an export has ---------------------
IDS = st.text("abcdefgh-", min_size=1, max_size=6)
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
OPT_TEXT = st.none() | TEXT
DATE = st.none() | st.sampled_from(["2020", "2020-06", "2020-06-25", "2021-01-31"])
CONF = st.floats(0, 1, allow_nan=False).map(lambda x: x + 0.0)  # a store never gives -0.0
JSON = st.recursive(st.none() | st.booleans() | st.integers(-5, 5) | TEXT,
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3), max_leaves=6)


def sort_keys(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: sort_keys(value[k]) for k in sorted(value)}
    if isinstance(value, list):
        return [sort_keys(v) for v in value]
    return value


@st.composite
def contents(draw: st.DrawFn) -> list[dict[str, Any]]:
    docs: list[dict[str, Any]] = []
    for i in range(draw(st.integers(1, 3))):
        text = draw(st.text(min_size=1, max_size=40).filter(lambda t: "\x00" not in t))
        cut = draw(st.integers(0, len(text)))
        docs.append({
            "kind": "document", "doc_id": f"doc{i}", "source": draw(TEXT), "url": draw(OPT_TEXT),
            "title": draw(OPT_TEXT), "author": draw(OPT_TEXT), "outlet": draw(OPT_TEXT), "published": draw(DATE),
            "published_precision": draw(st.none() | st.sampled_from([p.value for p in DatePrecision])),
            "published_basis": draw(OPT_TEXT), "metadata_basis": sort_keys(draw(st.dictionaries(TEXT, TEXT, max_size=2))),
            "outlet_id": draw(st.none() | IDS), "near_duplicate_of": draw(st.none() | st.sampled_from([d["doc_id"] for d in docs]))
            if docs else None, "text": text,
            "blocks": [{"part": draw(st.sampled_from([p.value for p in BlockPart])), "start": 0, "end": cut},
                       {"part": "body", "start": cut, "end": len(text)}],
            "section": draw(OPT_TEXT), "language": draw(OPT_TEXT), "media_type": draw(st.sampled_from(["text/plain", "text/html"])),
            "fetched_at": draw(OPT_TEXT), "producer": draw(TEXT),
        })
    entity_ids = sorted(draw(st.sets(IDS, min_size=1, max_size=4)))
    entities = []
    for entity_id in entity_ids:
        name = draw(TEXT)
        entities.append({"kind": "entity", "entity_id": entity_id, "type": draw(st.sampled_from([t.value for t in EntityType])),
                         "name": name, "aliases": sorted(draw(st.sets(TEXT, max_size=3)) - {name}),
                         "in_kb": draw(st.booleans()), "attributes": sort_keys(draw(st.dictionaries(TEXT, JSON, max_size=3)))})

    def span(doc: dict[str, Any]) -> tuple[int, int]:
        start = draw(st.integers(0, len(doc["text"])))
        return start, draw(st.integers(start, len(doc["text"])))

    def evidence() -> list[dict[str, Any]]:
        found = {}
        for _ in range(draw(st.integers(1, 3))):
            doc = draw(st.sampled_from(docs))
            start, end = span(doc)
            producer = draw(st.sampled_from(["rule.a.v1", "rule.b.v2"]))
            found[(doc["doc_id"], start, end, producer)] = {"doc_id": doc["doc_id"], "start": start, "end": end,
                                                            "text": doc["text"][start:end], "producer": producer,
                                                            "confidence": draw(CONF)}
        return [found[k] for k in sorted(found)]

    mentions = {}
    for _ in range(draw(st.integers(0, 4))):
        doc = draw(st.sampled_from(docs))
        start, end = span(doc)
        s_start = draw(st.integers(0, start))
        mentions[(doc["doc_id"], start, end)] = {
            "kind": "mention", "doc_id": doc["doc_id"], "entity_id": draw(st.none() | st.sampled_from(entity_ids)),
            "text": doc["text"][start:end], "start": start, "end": end, "producer": draw(TEXT), "confidence": draw(CONF),
            "type": draw(st.sampled_from([t.value for t in EntityType])), "in_content": draw(st.booleans()),
            "sentence_start": s_start, "sentence_end": end}
    events = []
    for event_id in sorted(draw(st.sets(IDS, max_size=3))):
        events.append({
            "kind": "event", "event_id": f"event-{event_id}", "type": draw(TEXT), "sub_type": draw(TEXT),
            "date_start": draw(DATE), "date_end": draw(DATE),
            "date_precision": draw(st.none() | st.sampled_from([p.value for p in DatePrecision])),
            "location_id": draw(st.none() | st.sampled_from(entity_ids)), "location_name": draw(OPT_TEXT),
            "lat": draw(st.none() | st.floats(-90, 90).map(lambda x: x + 0.0)),
            "lon": draw(st.none() | st.floats(-180, 180).map(lambda x: x + 0.0)),
            "geo_precision": draw(OPT_TEXT), "actors": sorted(draw(st.sets(st.sampled_from(entity_ids), max_size=2))),
            "targets": sorted(draw(st.sets(st.sampled_from(entity_ids), max_size=2))),
            "counts": sort_keys(draw(st.dictionaries(st.sampled_from(["killed", "injured", "arrested"]),
                                                     st.integers(0, 500)))),
            "certainty": draw(st.sampled_from([c.value for c in Certainty])),
            "attrs": sort_keys(draw(st.dictionaries(TEXT, JSON, max_size=2))), "evidence": evidence()})
    events.sort(key=lambda e: (e["date_start"] is not None, e["date_start"] or "", e["event_id"]))
    relations = []
    for relation_id in draw(st.sets(IDS, max_size=3)):
        relations.append({
            "kind": "relation", "relation_id": f"rel-{relation_id}", "subject_id": draw(st.sampled_from(entity_ids)),
            "predicate": draw(st.sampled_from([p.value for p in Predicate])), "object_id": draw(st.sampled_from(entity_ids)),
            "attrs": sort_keys(draw(st.dictionaries(TEXT, JSON, max_size=2))), "valid_from": draw(DATE),
            "valid_to": draw(DATE), "evidence": evidence()})
    relations.sort(key=lambda r: (r["subject_id"], r["predicate"], r["object_id"], r["relation_id"]))
    quotes = []
    for quote_id in sorted(draw(st.sets(IDS, max_size=3))):
        quotes.append({
            "kind": "quote", "quote_id": f"quote-{quote_id}", "speaker_id": draw(st.none() | st.sampled_from(entity_ids)),
            "speaker_role": draw(OPT_TEXT), "via_id": draw(st.none() | st.sampled_from(entity_ids)),
            "anonymous": draw(st.booleans()), "text": draw(TEXT),
            "about": draw(st.lists(st.sampled_from(entity_ids), max_size=3, unique=True)), "evidence": evidence()})
    return [*docs, *entities, *[mentions[k] for k in sorted(mentions)], *events, *relations, *quotes]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(contents())
def test_import_then_export_gives_the_input_back(records: list[dict[str, Any]]) -> None:
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    exported, problems = round_trip(text)
    assert not problems
    assert exported == text


def test_a_pipeline_store_survives_export_and_import(tmp_path: Path) -> None:
    original = build_tiny_store(tmp_path / "a.db")
    text = export(original)
    again, problems = round_trip(text)
    assert not problems and again == text
    assert '"sentence_end"' in text and '"media_type"' in text  # fields the store needs to be whole again


def test_bad_lines_are_named_and_the_rest_is_loaded(tmp_path: Path) -> None:
    text = export(build_tiny_store(tmp_path / "a.db"))
    lines = text.splitlines()
    broken = [*lines[:2], "{not json", '{"kind": "gossip"}', '{"kind": "event", "event_id": "e9", "type": "T"}',
              '{"kind": "mention", "doc_id": "nowhere", "entity_id": null, "text": "x", "start": 0, "end": 1,'
              ' "producer": "p", "type": "person"}', *lines[2:]]
    store = open_store(":memory:")
    summary = import_jsonl(broken, store)
    assert [p.split(":")[0] for p in summary.problems] == ["line 3", "line 4", "line 5", "mention nowhere[0"]
    assert "sub_type" in summary.problems[2]
    assert export(store) == text


def test_import_merges_into_a_store_with_content(tmp_path: Path) -> None:
    text = export(build_tiny_store(tmp_path / "a.db"))
    store = build_tiny_store(tmp_path / "b.db")
    summary = import_jsonl(text.split("\n"), store)
    assert summary.documents_added == 0 and not summary.problems
    assert export(store) == text  # the same content twice is the same store


def test_evidence_from_an_unknown_document_is_refused(tmp_path: Path) -> None:
    records = [json.loads(line) for line in export(build_tiny_store(tmp_path / "a.db")).splitlines()]
    kept = [r for r in records if r["kind"] != "document" or r["title"] != "Border Guard arrests Lantern members"]
    store = open_store(":memory:")
    summary = import_jsonl([json.dumps(r) for r in kept], store)
    assert any(p.startswith("event event-arrest: evidence cites unknown document") for p in summary.problems)
    assert "event-arrest" not in export(store)
