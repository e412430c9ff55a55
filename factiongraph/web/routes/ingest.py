"""Upload to ingest (token): run the pipeline on one posted article (its text, as read from a
.txt or .html file, or a URL the server fetches) and show what was extracted from it."""

from __future__ import annotations

import re
import threading
from collections import defaultdict
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field, model_validator

from factiongraph.model import RawDocument
from factiongraph.model.ids import hash_bytes
from factiongraph.store import SQLiteStore
from factiongraph.store.proposals import entity_facts
from factiongraph.web.context import Store, render
from factiongraph.web.records import entity_url, evidence_url
from factiongraph.web.routes.documents import document_data
from factiongraph.web.security import require_token

api = APIRouter(tags=["ingest"])
pages = APIRouter(include_in_schema=False)
_WRITE_LOCK = threading.Lock()  # one writer at a time, as everywhere in factiongraph
_HTML_NAME = re.compile(r"\.html?$", re.IGNORECASE)


class ArticleIn(BaseModel):
    """An article to ingest: its text (plain or HTML, e.g. read from a file) or a URL to fetch."""

    text: str | None = Field(default=None, min_length=1, max_length=5_000_000)
    url: str | None = Field(default=None, max_length=2000, pattern=r"^https?://[^\s]+$",
                            description="http(s) only; the server's fetch limits and private-address guard apply.")
    media_type: str | None = Field(default=None, pattern=r"^text/(plain|html)$",
                                   description="Default: text/html for a .html/.htm filename, else text/plain.")
    filename: str = Field(default="upload.txt", min_length=1, max_length=200,
                          pattern=r"^[\w .,()'-]*\.(?:[tT][xX][tT]|[hH][tT][mM][lL]?)$",
                          description="The uploaded file's name (.txt, .html or .htm), kept in the source.")

    @model_validator(mode="after")
    def one_input(self) -> ArticleIn:
        if (self.text is None) == (self.url is None):
            raise ValueError("give either 'text' or 'url'")
        return self


def result_url(doc_id: str) -> str:
    """Return the page that shows what was extracted from a document."""
    return f"/upload/{quote(doc_id, safe='')}"


def _spec(body: ArticleIn, max_bytes: int) -> tuple[str | RawDocument, str]:
    """Return what the pipeline reads and the source the document will be stored under."""
    if body.url is not None:
        return body.url, body.url
    assert body.text is not None
    data = body.text.encode("utf-8")
    if len(data) > max_bytes:
        raise HTTPException(413, f"the article has {len(data)} bytes > limit {max_bytes} (max_document_bytes)")
    media_type = body.media_type or ("text/html" if _HTML_NAME.search(body.filename) else "text/plain")
    digest = hash_bytes(data)
    source = f"upload:{digest[:16]}/{body.filename}"  # the same bytes are one document, whatever their name
    return RawDocument(source=source, text=body.text, media_type=media_type, content_hash=digest), source


@api.post("/documents", summary="Ingest one article (token)", status_code=201,
          dependencies=[Depends(require_token)])
def ingest_api(request: Request, store: Store, body: ArticleIn) -> dict[str, Any]:
    """Clean, analyse and store one article (the same pipeline as ``factiongraph ingest``), sent
    as text or as an http(s) URL the server fetches. Returns the run summary, the stored
    document's ``doc_id`` and ``result_url``, the page listing what was extracted; a rejected
    article is reported with its reason (``rejections``), not stored."""
    from factiongraph.pipeline import Pipeline  # spaCy loads on the first upload only

    settings = request.app.state.settings
    spec, source = _spec(body, settings.max_document_bytes)
    with _WRITE_LOCK:
        pipeline = getattr(request.app.state, "pipeline", None)
        if pipeline is None:
            pipeline = request.app.state.pipeline = Pipeline(settings)
        summary = pipeline.run([spec], store)
    request.app.state.stores.changed()
    doc_id = store.latest_for_source(source)
    if doc_id is None and isinstance(spec, RawDocument) and store.has_document(spec.content_hash):
        doc_id = spec.content_hash  # the same bytes were stored before, from another source
    return {**summary.to_dict(), "doc_id": doc_id, "result_url": result_url(doc_id) if doc_id else None}


def extracted_data(store: SQLiteStore, doc_id: str) -> dict[str, Any]:
    """Return a document's metadata with the entities it names and the claims it supports."""
    data = document_data(store, doc_id)
    by_entity: dict[str, list[str]] = defaultdict(list)
    for m in data["mentions"]:
        if m["entity_id"]:
            by_entity[m["entity_id"]].append(m["text"])
    facts = entity_facts(store, sorted(by_entity))
    entities = sorted(
        ({"entity_id": i, "name": facts[i]["name"], "type": facts[i]["type"], "in_kb": facts[i]["in_kb"],
          "mentions": len(texts), "as_written": sorted(set(texts)), "url": entity_url(i)}
         for i, texts in by_entity.items() if i in facts),
        key=lambda e: (-e["mentions"], e["name"]))
    claims: dict[str, list[dict[str, Any]]] = {"event": [], "relation": [], "quote": []}
    seen: set[str] = set()
    for c in data["claims"]:
        if c["claim_id"] not in seen:
            seen.add(c["claim_id"])
            claims[c["claim_kind"]].append({
                "claim_id": c["claim_id"], "label": c["label"], "url": c["url"],
                "evidence_url": evidence_url(doc_id, c["start"], c["end"])})
    document = data["document"]
    document.pop("text", None)
    document.pop("blocks", None)
    return {"document": {**document, "url_view": f"/documents/{quote(doc_id, safe='')}"}, "entities": entities,
            "events": claims["event"], "relations": claims["relation"], "quotes": claims["quote"]}


@api.get("/documents/{doc_id}/extracted", summary="What was extracted from one document")
def extracted_api(store: Store, doc_id: str) -> dict[str, Any]:
    """Return the entities a document names (new ones marked ``in_kb: false``) and the events,
    relations and quotes it supports, each with a link (what the upload's result page shows)."""
    return extracted_data(store, doc_id)


@pages.get("/upload")
def upload_page(request: Request) -> Response:
    return render(request, "upload.html", title="Upload an article",
                  max_bytes=request.app.state.settings.max_document_bytes)


@pages.get("/upload/{doc_id}")
def result_page(request: Request, store: Store, doc_id: str, already: bool = False) -> Response:
    data = extracted_data(store, doc_id)
    return render(request, "upload_result.html", title="Extracted: " + (data["document"]["title"] or doc_id),
                  already=already, **data)
