"""Documents: the list, and one document with its blocks, mentions, events, relations and quotes
(JSON with character spans; the page highlights and links them)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response

from factiongraph.export.jsonl import document_record
from factiongraph.store import SQLiteStore
from factiongraph.store.views import claim_rows, document_claims, document_mentions, entity_names
from factiongraph.web.context import Limit, Offset, Store, render
from factiongraph.web.highlight import build_sections
from factiongraph.web.records import entity_url, event_url, page

api = APIRouter(tags=["documents"])
pages = APIRouter(include_in_schema=False)

Offset0 = Annotated[int | None, Query(ge=0, description="Start of the span to highlight (character offset).")]


def _label(kind: str, row: dict[str, Any] | None, names: dict[str, dict[str, str]]) -> str:
    """Return a one-line description of a claim."""
    if row is None:
        return kind
    def name(i: str | None) -> str:
        return names.get(i, {}).get("name", i or "?") if i else "anonymous source"
    if kind == "relation":
        return f"{name(row['subject_id'])} {row['predicate'].replace('_', ' ')} {name(row['object_id'])}"
    if kind == "quote":
        text = row["text"].strip()
        short = text if len(text) <= 90 else text[:90] + "\u2026"
        return f"{name(row['speaker_id'])}: \u201c{short}\u201d"
    return f"{row.get('sub_type', kind)} {row.get('date_start') or ''} {row.get('location_name') or ''}".strip()


def document_data(store: SQLiteStore, doc_id: str) -> dict[str, Any]:
    """Return a document (text, metadata, blocks) with its mentions and claim spans (404 when unknown)."""
    doc = store.get_document(doc_id)
    if doc is None:
        raise HTTPException(404, f"no document with id {doc_id!r}")
    record = document_record(doc)
    record.pop("kind")
    mentions = document_mentions(store, doc_id)
    for m in mentions:
        m["in_content"] = bool(m["in_content"])
        m["url"] = entity_url(m["entity_id"]) if m["entity_id"] else None
    claims = document_claims(store, doc_id)
    rows: dict[str, dict[str, Any]] = {}
    for kind in ("relation", "quote"):
        rows.update(claim_rows(store, kind, sorted({c["claim_id"] for c in claims if c["claim_kind"] == kind})))
    event_ids = sorted({c["claim_id"] for c in claims if c["claim_kind"] == "event"})
    if event_ids:
        marks = ",".join("?" * len(event_ids))
        for e in store.iter_events(f"e.event_id IN ({marks})", event_ids, with_evidence=False):
            rows[e.event_id] = {"sub_type": e.sub_type, "date_start": e.date_start, "location_name": e.location_name}
    ids = {i for r in rows.values() for i in (r.get("subject_id"), r.get("object_id"), r.get("speaker_id")) if i}
    names = entity_names(store, sorted(ids))
    for c in claims:
        c["label"] = _label(c["claim_kind"], rows.get(c["claim_id"]), names)
        c["url"] = event_url(c["claim_id"]) if c["claim_kind"] == "event" else None
    return {"document": record, "mentions": mentions, "claims": claims}


@api.get("/documents", summary="Stored documents")
def documents_api(store: Store, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    """List current documents in ingest order (id, source, title, outlet, published, words)."""
    return page(store.list_documents(limit=limit + 1, offset=offset), limit, offset)


@api.get("/documents/{doc_id}", summary="One document with its annotations")
def document_api(store: Store, doc_id: str) -> dict[str, Any]:
    """Return the cleaned text, metadata and blocks (body, caption, comment, boilerplate) of one
    document, its mentions and the evidence spans of its events, relations and quotes."""
    return document_data(store, doc_id)


@pages.get("/documents")
def documents_page(request: Request, store: Store, limit: Limit = 100, offset: Offset = 0) -> Response:
    return render(request, "documents.html", title="Documents",
                  listing=page(store.list_documents(limit=limit + 1, offset=offset), limit, offset))


@pages.get("/documents/{doc_id}")
def document_page(request: Request, store: Store, doc_id: str, start: Offset0 = None, end: Offset0 = None,
                  boilerplate: bool = False) -> Response:
    data = document_data(store, doc_id)
    doc = store.get_document(doc_id)
    assert doc is not None
    highlight = (start, end) if start is not None and end is not None and start < end else None
    sections = build_sections(doc, data["mentions"], data["claims"], highlight, boilerplate)
    seen: set[str] = set()
    listed = []
    for c in data["claims"]:  # one line per claim in the side list, linked to its first span
        if c["claim_id"] not in seen:
            seen.add(c["claim_id"])
            listed.append(c)
    title = data["document"]["title"] or data["document"]["source"]
    return render(request, "document.html", title=title, doc=data["document"], sections=sections, claims=listed,
                  highlight=highlight, highlighted_text=doc.text[highlight[0]:highlight[1]] if highlight else None)
