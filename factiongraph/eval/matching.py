"""One-to-one alignment of gold and predicted items by evidence overlap within a document."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from factiongraph.eval.align import overlap
from factiongraph.eval.records import Span


def match_by_overlap(gold: Mapping[str, Span | None], predicted: Mapping[str, Sequence[Span]]
                     ) -> dict[str, str]:
    """Return ``{gold key: predicted key}`` pairing items whose evidence spans overlap.

    Greedy: the pair sharing most characters is taken first (ties: gold key, then predicted
    key); each gold and each predicted item is used at most once. A predicted item with several
    spans overlaps by its best span. Unaligned gold items (span None) never match.
    """
    candidates = []
    for gold_key, gold_span in gold.items():
        if gold_span is None:
            continue
        for pred_key, spans in predicted.items():
            shared = max((overlap(gold_span, s) for s in spans), default=0)
            if shared > 0:
                candidates.append((-shared, gold_key, pred_key))
    candidates.sort()
    matches: dict[str, str] = {}
    used: set[str] = set()
    for _, gold_key, pred_key in candidates:
        if gold_key in matches or pred_key in used:
            continue
        matches[gold_key] = pred_key
        used.add(pred_key)
    return matches
