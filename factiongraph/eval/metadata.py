"""Metadata accuracy: title, author, outlet and publication date per document."""

from __future__ import annotations

from typing import Any

from factiongraph.eval.align import normalize_field
from factiongraph.eval.context import DocPair
from factiongraph.eval.metrics import ratio

FIELDS = ("title", "author", "outlet", "published")


def is_same_text(gold: str | None, predicted: str | None) -> bool:
    """Return True if two values match ignoring case and spacing (None matches only None)."""
    return normalize_field(gold) == normalize_field(predicted)


def is_same_date(gold: str | None, predicted: str | None) -> bool:
    """Return True if ``predicted`` equals ``gold`` at the gold's precision.

    ``2020-07-08`` is right for a gold ``2020-07``; ``2020`` is wrong for it (less precise).
    """
    if gold is None or predicted is None:
        return gold is None and predicted is None
    return predicted.strip()[: len(gold)] == gold


def score_metadata(pairs: list[DocPair]) -> dict[str, Any]:
    """Return per-field and overall accuracy, with per-document outcomes in the detail.

    Besides accuracy, each field counts its *wrong* values (a value given that disagrees with
    gold) and its *unknown* ones (no value where gold has one) apart: an unknown value is
    honest, a wrong one misleads. ``outlet_or_published_wrong_rate`` is the share of documents
    with a wrong outlet or a wrong publication date.
    """
    correct = dict.fromkeys(FIELDS, 0)
    wrong = dict.fromkeys(FIELDS, 0)
    unknown = dict.fromkeys(FIELDS, 0)
    docs_wrong = 0
    per_document: dict[str, dict[str, Any]] = {}
    for pair in pairs:
        gold, pred = pair.gold, pair.pred
        outcome: dict[str, Any] = {}
        for name in FIELDS:
            gold_value = getattr(gold, name)
            pred_value = getattr(pred, name) if pred is not None else None
            if pred is None:
                ok = False
            elif name == "published":
                ok = is_same_date(gold_value, pred_value)
            else:
                ok = is_same_text(gold_value, pred_value)
            correct[name] += ok
            if not ok and pred_value is None:
                unknown[name] += 1
            elif not ok:
                wrong[name] += 1
            outcome[name] = {"ok": ok, "gold": gold_value, "predicted": pred_value}
        docs_wrong += any(not outcome[n]["ok"] and outcome[n]["predicted"] is not None
                          for n in ("outlet", "published"))
        per_document[gold.file] = outcome
    n = len(pairs)
    scores: dict[str, Any] = {f"{name}_accuracy": ratio(correct[name], n) for name in FIELDS}
    for name in FIELDS:
        scores[f"{name}_wrong"] = wrong[name]
        scores[f"{name}_unknown"] = unknown[name]
    scores["overall_accuracy"] = ratio(sum(correct.values()), n * len(FIELDS))
    scores["outlet_or_published_wrong_rate"] = ratio(docs_wrong, n)
    scores["support"] = n
    scores["detail"] = per_document
    return scores
