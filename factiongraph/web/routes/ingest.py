"""Upload to ingest (token): run the pipeline on one posted article and store it."""

from __future__ import annotations

import tempfile
import threading
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field

from factiongraph.web.context import Store
from factiongraph.web.security import require_token

api = APIRouter(tags=["ingest"])
pages = APIRouter(include_in_schema=False)
_WRITE_LOCK = threading.Lock()  # one writer at a time, as everywhere in factiongraph


class ArticleIn(BaseModel):
    """An article to ingest: plain text or HTML."""

    text: str = Field(min_length=1, max_length=5_000_000)
    media_type: str = Field(default="text/plain", pattern=r"^text/(plain|html)$")


@api.post("/documents", summary="Ingest one article (token)", status_code=201,
          dependencies=[Depends(require_token)])
def ingest_api(request: Request, store: Store, body: ArticleIn) -> dict[str, Any]:
    """Clean, analyse and store one article (the same pipeline as ``factiongraph ingest``).
    Returns the run summary; a rejected article is reported with its reason, not stored."""
    from factiongraph.pipeline import Pipeline  # spaCy loads on the first upload only

    suffix = ".html" if body.media_type == "text/html" else ".txt"
    with _WRITE_LOCK:
        pipeline = getattr(request.app.state, "pipeline", None)
        if pipeline is None:
            pipeline = request.app.state.pipeline = Pipeline(request.app.state.settings)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"upload{suffix}"
            path.write_text(body.text, encoding="utf-8")
            summary = pipeline.run([str(path)], store)
    request.app.state.stores.changed()
    return summary.to_dict()
