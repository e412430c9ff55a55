"""The review queue: groups and people the KB does not know and proposed merges; accepting or
rejecting one records a reversible judgement (write endpoints need the server's token)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from factiongraph.model.judgement import Judgement, Verdict
from factiongraph.store import SQLiteStore
from factiongraph.store.views import merge_candidates, reviewer_judgements, unknown_entities
from factiongraph.web.context import Limit, Offset, Store, entity_or_404, render
from factiongraph.web.records import entity_url, page
from factiongraph.web.security import require_token

api = APIRouter(tags=["review"])
pages = APIRouter(include_in_schema=False)

class JudgementIn(BaseModel):
    """A reviewer's decision. For a merge, ``left_id`` is the unknown entity and ``right_id`` the
    one it would join; to confirm or reject a new entity on its own, give the same id twice."""

    left_id: str = Field(max_length=200)
    right_id: str = Field(max_length=200)
    verdict: Verdict
    reviewer: str = Field(default="reviewer", min_length=1, max_length=80, pattern=r"^[\w.@ -]+$")
    reason: str = Field(default="", max_length=500)

def review_data(store: SQLiteStore, limit: int, offset: int) -> dict[str, Any]:
    """Return unknown groups and people, proposed merges and the latest reviewer judgements."""
    unknown = unknown_entities(store, limit + 1, offset)
    for u in unknown:
        u["url"] = entity_url(u["entity_id"])
    merges = merge_candidates(store, limit=100)
    for m in merges:
        m["left_url"], m["right_url"] = entity_url(m["left_id"]), entity_url(m["right_id"])
    return {"unknown": page(unknown, limit, offset), "merges": merges, "judgements": reviewer_judgements(store)}

@api.get("/review", summary="The review queue")
def review_api(store: Store, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """List groups and people the knowledge base does not know (most mentioned first), proposed
    merges (name keys that contain one another) and the judgements reviewers recorded."""
    return review_data(store, limit, offset)

@api.post("/review/judgements", summary="Record a judgement (token)", status_code=201,
          dependencies=[Depends(require_token)])
def judge_api(request: Request, store: Store, body: JudgementIn) -> dict[str, Any]:
    """Accept (``positive``) or reject (``negative``) a merge or a new entity. The judgement is a
    layer over the data (no mention is rewritten) and ``DELETE`` on it undoes it."""
    entity_or_404(store, body.left_id)
    entity_or_404(store, body.right_id)
    judgement = Judgement(body.left_id, body.right_id, body.verdict, 1.0, f"user:{body.reviewer}",
                          body.reason or "review queue")
    judgement_id = store.record_judgement(judgement)
    request.app.state.stores.changed()
    return {"judgement_id": judgement_id, "left_id": body.left_id, "right_id": body.right_id,
            "verdict": body.verdict.value, "producer": judgement.producer}

@api.delete("/review/judgements/{judgement_id}", summary="Undo a judgement (token)",
            dependencies=[Depends(require_token)])
def undo_api(request: Request, store: Store, judgement_id: str) -> dict[str, Any]:
    """Withdraw a reviewer's judgement."""
    if not store.withdraw_judgement(judgement_id):
        raise HTTPException(404, f"no reviewer judgement with id {judgement_id!r}")
    request.app.state.stores.changed()
    return {"withdrawn": judgement_id}

@pages.get("/review")
def review_page(request: Request, store: Store, limit: Limit = 50, offset: Offset = 0) -> Response:
    return render(request, "review.html", title="Review queue", **review_data(store, limit, offset))
