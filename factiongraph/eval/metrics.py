"""Counting helpers shared by the scorers: P/R/F1, accuracy and B-cubed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


def ratio(numerator: int | float, denominator: int | float) -> float | None:
    """Return ``numerator / denominator``, or None when there is nothing to divide by."""
    return numerator / denominator if denominator else None


def f1_of(precision: float | None, recall: float | None) -> float | None:
    """Return the harmonic mean of precision and recall (0.0 if either is 0 or undefined)."""
    if precision is None and recall is None:
        return None
    p, r = precision or 0.0, recall or 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def prf(true_positive: int, gold: int, predicted: int) -> dict[str, float | int | None]:
    """Return precision, recall, F1 and their supports.

    Nothing on either side gives None for all three; an empty side alone scores 0.0.
    """
    if gold == 0 and predicted == 0:
        precision = recall = None
    else:
        precision = true_positive / predicted if predicted else 0.0
        recall = true_positive / gold if gold else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1_of(precision, recall),
        "gold": gold,
        "predicted": predicted,
        "true_positive": true_positive,
    }


def bcubed(gold: Mapping[K, Hashable], predicted: Mapping[K, Hashable | None]
           ) -> tuple[float | None, float | None, float | None]:
    """Return B-cubed precision, recall and F1 of a clustering of the same items.

    ``gold`` and ``predicted`` map each item to its cluster; a predicted cluster of None puts
    the item in a cluster of its own.
    """
    items = list(gold)
    if not items:
        return None, None, None
    pred_of: dict[K, Hashable] = {}
    for item in items:
        cluster = predicted.get(item)
        pred_of[item] = cluster if cluster is not None else ("solo", item)
    pair_sizes: Counter[tuple[Hashable, Hashable]] = Counter(
        (gold[i], pred_of[i]) for i in items)
    gold_sizes: Counter[Hashable] = Counter(gold[i] for i in items)
    pred_sizes: Counter[Hashable] = Counter(pred_of[i] for i in items)
    precision = sum(pair_sizes[(gold[i], pred_of[i])] / pred_sizes[pred_of[i]] for i in items)
    recall = sum(pair_sizes[(gold[i], pred_of[i])] / gold_sizes[gold[i]] for i in items)
    p, r = precision / len(items), recall / len(items)
    return p, r, f1_of(p, r)
