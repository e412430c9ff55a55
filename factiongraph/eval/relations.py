"""Relation scores: sets of (document, subject, predicate, object) with mapped entity ids."""

from __future__ import annotations

from collections import Counter
from typing import Any

from factiongraph.eval.context import DocPair
from factiongraph.eval.gold import SYMMETRIC_PREDICATES
from factiongraph.eval.mentions import EntityMap
from factiongraph.eval.metrics import prf
from factiongraph.eval.records import PredictedRun

Triple = tuple[str, str, str, str]


def make_triple(file: str, subject: str, predicate: str, obj: str) -> Triple:
    """Return the comparison key of a relation; symmetric predicates get sorted ends."""
    if predicate in SYMMETRIC_PREDICATES and obj < subject:
        subject, obj = obj, subject
    return (file, subject, predicate, obj)


def score_relations(pairs: list[DocPair], run: PredictedRun, entity_map: EntityMap
                    ) -> dict[str, Any]:
    """Return the ``relations`` section, with per-predicate supports."""
    gold: set[Triple] = set()
    for pair in pairs:
        for rel in pair.gold.relations:
            gold.add(make_triple(pair.gold.file, rel.subject, rel.predicate, rel.object))
    files = {pair.pred.doc_id: pair.gold.file for pair in pairs if pair.pred is not None}
    predicted: set[Triple] = set()
    for claim in run.relations:
        subject = entity_map.map(claim.subject_id) or f"?{claim.subject_id}"
        obj = entity_map.map(claim.object_id) or f"?{claim.object_id}"
        for doc_id in claim.doc_ids:
            if doc_id in files:
                predicted.add(make_triple(files[doc_id], subject, claim.predicate, obj))
    hits = gold & predicted
    scores: dict[str, Any] = prf(len(hits), len(gold), len(predicted))
    gold_by, pred_by, hit_by = (Counter(t[2] for t in s) for s in (gold, predicted, hits))
    scores["per_predicate"] = {
        name: {"gold": gold_by[name], "predicted": pred_by[name], "true_positive": hit_by[name]}
        for name in sorted(gold_by.keys() | pred_by.keys())
    }
    scores["detail"] = {
        "missed": [list(t) for t in sorted(gold - predicted)],
        "spurious": [list(t) for t in sorted(predicted - gold)],
    }
    return scores
