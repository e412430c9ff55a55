"""The review queue: groups and people the KB does not know, proposed merges and proposed
splits; accepting or rejecting one records a reversible judgement that changes what the store
serves (write endpoints need the server's token). See ``factiongraph/review.py``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from factiongraph import review
from factiongraph.errors import ReviewError
from factiongraph.model.judgement import Verdict
from factiongraph.store import SQLiteStore
from factiongraph.store.proposals import archived_names, move_count
from factiongraph.store.views import entity_names, merge_candidates, reviewer_judgements, unknown_entities
from factiongraph.web.context import Limit, Offset, Store, render
from factiongraph.web.records import entity_url, evidence_url, page
from factiongraph.web.security import require_token

api = APIRouter(tags=["review"])
pages = APIRouter(include_in_schema=False)


class JudgementIn(BaseModel):
    """A reviewer's decision. ``left_id`` is the canonical side: a positive judgement merges
    ``right_id`` into it. For a proposed split, ``left_id`` is the entity and ``right_id`` the
    split id: ``negative`` splits, ``positive`` keeps the link. To confirm or reject a new entity
    on its own, give the same id twice."""

    left_id: str = Field(max_length=200)
    right_id: str = Field(max_length=200)
    verdict: Verdict
    reviewer: str = Field(default="reviewer", min_length=1, max_length=80, pattern=r"^[\w.@ -]+$")
    reason: str = Field(default="", max_length=500)


def describe(j: dict[str, Any], names: dict[str, dict[str, str]], gone: dict[str, str]) -> dict[str, Any]:
    """Return a reviewer judgement with the names of its sides and what it did, in words
    (``gone``: names of entities a merge removed)."""
    left = names.get(j["left_id"], {}).get("name") or gone.get(j["left_id"], j["left_id"])
    right = names.get(j["right_id"], {}).get("name") or gone.get(j["right_id"], j["right_id"])
    if j["left_id"] == j["right_id"]:
        alone = {"positive": "a real entity", "negative": "not an entity"}.get(j["verdict"], "unsure")
        effect = f"{left}: {alone}"
    elif j["verdict"] == "positive":
        effect = f"{right} merged into {left}"
    elif j["verdict"] == "negative" and j.get("moves"):
        effect = f"{right} split off {left} (kept apart from now on)"
    elif j["verdict"] == "negative":
        effect = f"{left} and {right} are different (kept apart)"
    else:
        effect = f"unsure whether {left} and {right} are one"
    return {**j, "left_name": left, "right_name": right, "effect": effect,
            "left_url": entity_url(j["left_id"]) if j["left_id"] in names else None,
            "right_url": entity_url(j["right_id"]) if j["right_id"] in names else None}


def judgements_data(store: SQLiteStore, entity_id: str | None = None) -> list[dict[str, Any]]:
    """Return reviewers' judgements (newest first) with names and effects."""
    rows = reviewer_judgements(store, entity_id)
    ids = sorted({i for j in rows for i in (j["left_id"], j["right_id"])})
    names = entity_names(store, ids)
    gone = archived_names(store, [i for i in ids if i not in names])
    return [describe({**j, "moves": move_count(store, j["judgement_id"])}, names, gone) for j in rows]


def review_data(store: SQLiteStore, limit: int, offset: int) -> dict[str, Any]:
    """Return unknown groups and people, proposed merges and splits, and reviewers' judgements."""
    unknown = unknown_entities(store, limit + 1, offset)
    for u in unknown:
        u["url"] = entity_url(u["entity_id"])
    judgements = judgements_data(store)
    judged = {frozenset((j["left_id"], j["right_id"])) for j in judgements}
    merges = []
    for m in merge_candidates(store, limit=100):
        pair = frozenset((m["left_id"], m["right_id"]))
        if pair in judged:
            continue
        judged.add(pair)  # each pair once (the query finds it from either side)
        m["left_url"], m["right_url"] = entity_url(m["left_id"]), entity_url(m["right_id"])
        m["keep_id"], m["merge_id"] = review.merge_sides(store, m["left_id"], m["right_id"])
        merges.append(m)
    splits = review.split_candidates(store, limit=100)
    for s in splits:
        s["url"] = entity_url(s["entity_id"])
        for ex in s["examples"]:
            ex["url"] = evidence_url(ex["doc_id"], ex["start"], ex["end"])
    return {"unknown": page(unknown, limit, offset), "merges": merges, "splits": splits, "judgements": judgements}


@api.get("/review", summary="The review queue")
def review_api(store: Store, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """List groups and people the knowledge base does not know (most mentioned first), proposed
    merges (name keys that contain one another; ``keep_id`` is the side a merge keeps), proposed
    splits (mentions a resolution rule linked to an entity although they may name someone else;
    ``signal`` says why: ``conflict``, ``shared`` or ``weak``; ``examples`` are sentences with
    links to the document view that highlights the mention) and the judgements reviewers
    recorded, each with what it did."""
    return review_data(store, limit, offset)


@api.post("/review/judgements", summary="Record a judgement (token)", status_code=201,
          dependencies=[Depends(require_token)])
def judge_api(request: Request, store: Store, body: JudgementIn) -> dict[str, Any]:
    """Accept or reject a merge, a split or a new entity. ``positive`` on two ids merges
    ``right_id`` into ``left_id`` in profiles, search, the graph and exports; ``negative`` keeps
    them apart in later ingests and, when mentions of ``left_id`` would on their own be
    ``right_id``, splits them off. ``DELETE`` on the judgement undoes all of it. A verdict
    contrary to a judgement still in force on the pair answers 409 (withdraw that one first)."""
    try:
        decision = review.decide(store, body.left_id, body.right_id, body.verdict, body.reviewer, body.reason)
    except ReviewError as exc:  # an unknown id (404), or a contrary judgement still in force (409)
        raise HTTPException(409 if exc.blocked_by else 404, str(exc)) from exc
    request.app.state.stores.changed()
    return {"judgement_id": decision.judgement_id, "left_id": body.left_id, "right_id": body.right_id,
            "verdict": body.verdict.value, "producer": decision.judgement.producer, "kind": decision.kind,
            "changes": decision.changes}


@api.delete("/review/judgements/{judgement_id}", summary="Undo a judgement (token)",
            dependencies=[Depends(require_token)])
def undo_api(request: Request, store: Store, judgement_id: str) -> dict[str, Any]:
    """Withdraw a reviewer's judgement and put back every row it changed. Answers 409 when a
    later judgement changed the same rows (withdraw that one first)."""
    try:
        withdrawn = review.withdraw(store, judgement_id)
    except ReviewError as exc:
        raise HTTPException(409, str(exc)) from exc
    if not withdrawn:
        raise HTTPException(404, f"no reviewer judgement with id {judgement_id!r}")
    request.app.state.stores.changed()
    return {"withdrawn": judgement_id}


@pages.get("/review")
def review_page(request: Request, store: Store, limit: Limit = 50, offset: Offset = 0) -> Response:
    return render(request, "review.html", title="Review queue", **review_data(store, limit, offset))
