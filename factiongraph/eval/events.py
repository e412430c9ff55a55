"""Event scores: detection, typing, attributes of matched events and cross-document coreference.

Gold and predicted events are aligned per document by evidence overlap. A predicted event
with evidence in several documents is one predicted item per document (that is how one
cross-document event with three sources can match three gold events, one per report).

The attributes of a matched event are checked against its gold event and against every gold
event linked with it by ``same_as``: one merged record stands for the real happening, and
different reports of it may state its date, place or actors with different detail. The one
exception is the date: when the gold event has a date, the prediction must meet it at that
event's own precision (another report's date counts only when this one gives none).
"""

from __future__ import annotations

from typing import Any

from factiongraph.eval.context import DocPair
from factiongraph.eval.gold import Gold, GoldEvent
from factiongraph.eval.matching import match_by_overlap
from factiongraph.eval.mentions import EntityMap
from factiongraph.eval.metrics import prf, ratio
from factiongraph.eval.records import PredictedEvent, PredictedRun

ATTRIBUTES = ("sub_type", "date", "location", "actors", "targets", "certainty")


def is_date_correct(gold_date: str | None, precision: str | None, predicted: str | None) -> bool:
    """Return True if a predicted start date fits the gold date at the gold's precision.

    Exact precisions compare the prefix (``2020-06`` accepts ``2020-06-25``, not ``2020``); a
    ``range`` ``start/end`` accepts a date equal to its start or lying within it. A null gold
    date accepts only a null prediction.
    """
    if gold_date is None or predicted is None:
        return gold_date is None and predicted is None
    predicted = predicted.strip()
    if precision == "range":
        start, _, end = gold_date.partition("/")
        if predicted == start:
            return True
        return predicted[: len(start)] >= start and predicted[: len(end)] <= end
    return predicted[: len(gold_date)] == gold_date


def is_date_coarser(gold_date: str | None, precision: str | None, predicted: str | None) -> bool:
    """Return True if a predicted date agrees with gold as far as it goes but is less precise.

    ``2020-06`` for a gold ``2020-06-25``; ``2019`` for a gold range inside 2019. Such a date is
    not accepted by :func:`is_date_correct` (it is counted among the wrong ones), but it is
    reported apart because it does not contradict the gold.
    """
    if gold_date is None or predicted is None:
        return False
    predicted = predicted.strip()
    if precision == "range":
        start, _, end = gold_date.partition("/")
        return len(predicted) < len(start) and start[: len(predicted)] <= predicted <= end[: len(predicted)]
    return len(predicted) < len(gold_date) and gold_date.startswith(predicted)


def date_outcome(chain: list[GoldEvent], pred: PredictedEvent, date_ok: bool) -> str:
    """Return ``correct``, ``missing`` (no date given where gold has one) or ``wrong``.

    A date given where the gold has none, or one that does not meet the gold date at its
    precision, is wrong: a wrong date is worse than a missing one.
    """
    if date_ok:
        return "correct"
    gold = chain[0] if chain[0].date is not None else next((g for g in chain if g.date is not None), chain[0])
    if pred.date_start is None:
        return "missing" if gold.date is not None else "correct"
    return "coarse" if is_date_coarser(gold.date, gold.date_precision, pred.date_start) else "wrong"


def group_same_as(gold: Gold) -> dict[str, list[GoldEvent]]:
    """Return, for every gold event, all gold events of its ``same_as`` chain (itself first)."""
    events = gold.events_by_id()
    parent = {event_id: event_id for event_id in events}

    def root(event_id: str) -> str:
        while parent[event_id] != event_id:
            event_id = parent[event_id]
        return event_id

    for event in events.values():
        if event.same_as:
            parent[root(event.event_id)] = root(event.same_as)
    chains: dict[str, list[GoldEvent]] = {}
    for event in events.values():
        chains.setdefault(root(event.event_id), []).append(event)
    return {event_id: [event, *(e for e in chains[root(event_id)] if e is not event)]
            for event_id, event in events.items()}


# The casualty and detention keys scored (a text's other counts, "rockets", "attacks", are not);
# the guidelines' "kidnapped" and the gold's "abducted" are one key.
COUNT_KEYS = ("killed", "injured", "arrested", "abducted")
_COUNT_ALIASES = {"kidnapped": "abducted", "wounded": "injured", "dead": "killed", "detained": "arrested"}


def core_counts(counts: Any) -> dict[str, int]:
    """Return the scored counts of a gold or predicted event, keys normalised."""
    items = counts.items() if isinstance(counts, dict) else counts
    out: dict[str, int] = {}
    for key, value in items:
        key = _COUNT_ALIASES.get(key, key)
        if key in COUNT_KEYS:
            out[key] = value
    return out


def false_merges(chains: dict[str, list[GoldEvent]], matched_to: dict[str, str], file_of: dict[str, str]
                 ) -> dict[str, bool]:
    """Return the predicted events that join gold events of different ``same_as`` chains.

    Value: True when the joined happenings come from different documents (a false
    cross-document merge), False when one document's two happenings were folded together.
    """
    by_pred: dict[str, list[str]] = {}
    for gold_id, pred_id in matched_to.items():
        by_pred.setdefault(pred_id, []).append(gold_id)
    out: dict[str, bool] = {}
    for pred_id, gold_ids in by_pred.items():
        roots: dict[str, set[str]] = {}
        for gold_id in gold_ids:
            root = min(e.event_id for e in chains[gold_id])
            roots.setdefault(root, set()).add(file_of.get(gold_id, ""))
        if len(roots) > 1:
            out[pred_id] = len(set().union(*roots.values())) > 1
    return out


def check_chain(chain: list[GoldEvent], pred: PredictedEvent, entity_map: EntityMap
                ) -> dict[str, bool]:
    """Return, per attribute, whether the prediction agrees with any event of the chain."""
    outcomes = [check_attributes(gold, pred, entity_map) for gold in chain]
    merged = {name: any(o[name] for o in outcomes) for name in ATTRIBUTES}
    if chain[0].date is not None:
        # A date the gold event states must be met at its own precision: a merged event
        # should carry the most precise date any report gives, not the vaguest.
        merged["date"] = outcomes[0]["date"]
    return merged


def check_attributes(gold: GoldEvent, pred: PredictedEvent, entity_map: EntityMap
                     ) -> dict[str, bool]:
    """Return which scored attributes of a matched predicted event agree with gold."""
    location = entity_map.map(pred.location_id)
    if location is None and pred.location_id is None:
        location = entity_map.map_name(pred.location_name)
    return {
        "sub_type": pred.sub_type.casefold() == gold.sub_type.casefold(),
        "date": is_date_correct(gold.date, gold.date_precision, pred.date_start),
        "location": location == gold.location and (gold.location is not None
                                                   or pred.location_id is None),
        "actors": entity_map.map_set(pred.actors) == set(gold.actors),
        "targets": entity_map.map_set(pred.targets) == set(gold.targets),
        "certainty": (pred.certainty or "").casefold() == gold.certainty.casefold(),
    }


def score_events(gold: Gold, pairs: list[DocPair], run: PredictedRun,
                 entity_map: EntityMap) -> dict[str, Any]:
    """Return the ``events`` section."""
    chains = group_same_as(gold)
    matched_to: dict[str, str] = {}
    n_gold = n_pred = typed = unaligned = 0
    correct = dict.fromkeys(ATTRIBUTES, 0)
    dates = {"correct": 0, "missing": 0, "wrong": 0, "coarse": 0}
    counted = {"support": 0, "correct": 0, "extra": 0}
    wrong: list[dict[str, Any]] = []
    for pair in pairs:
        n_gold += len(pair.gold.events)
        if pair.pred is None:
            unaligned += len(pair.gold.events)
            continue
        spans = {e.event_id: pair.locate(e.evidence) for e in pair.gold.events}
        unaligned += sum(1 for s in spans.values() if s is None)
        events = {e.event_id: e for e in run.events if pair.pred.doc_id in e.spans}
        n_pred += len(events)
        matches = match_by_overlap(spans, {k: e.spans[pair.pred.doc_id]
                                           for k, e in events.items()})
        for gold_event in pair.gold.events:
            pred_id = matches.get(gold_event.event_id)
            if pred_id is None:
                continue
            pred = events[pred_id]
            matched_to[gold_event.event_id] = pred_id
            typed += pred.type.casefold() == gold_event.type.casefold()
            outcome = check_chain(chains[gold_event.event_id], pred, entity_map)
            for name, ok in outcome.items():
                correct[name] += ok
            dates[date_outcome(chains[gold_event.event_id], pred, outcome["date"])] += 1
            # a merged event answers for its chain: a figure any report of it gives is right
            chain_counts = [core_counts(e.counts) for e in chains[gold_event.event_id]]
            pred_counts = core_counts(pred.counts)
            for key in chain_counts[0]:
                counted["support"] += 1
                counted["correct"] += pred_counts.get(key) in {c[key] for c in chain_counts if key in c}
            counted["extra"] += sum(1 for key in pred_counts if not any(key in c for c in chain_counts))
            bad = sorted(name for name, ok in outcome.items() if not ok)
            if bad or pred.type.casefold() != gold_event.type.casefold():
                wrong.append({"gold": gold_event.event_id, "predicted": pred_id,
                              "wrong": bad, "type": [gold_event.type, pred.type]})
    n_matched = len(matched_to)
    same_as = [(e.event_id, e.same_as) for e in gold.events_by_id().values() if e.same_as]
    linked = [pair for pair in same_as if pair[0] in matched_to and pair[1] in matched_to
              and matched_to[pair[0]] == matched_to[pair[1]]]
    scores: dict[str, Any] = {
        "detection": prf(n_matched, n_gold, n_pred),
        "typed": prf(typed, n_gold, n_pred),
        "matched": n_matched,
        "unaligned": unaligned,
    }
    for name in ATTRIBUTES:
        scores[f"{name}_accuracy"] = ratio(correct[name], n_matched)
        if name == "date":
            # Every date that is not right is wrong or missing; "coarse" ones (right as far as
            # they go, less precise than gold) are counted among the wrong and shown apart.
            scores["date_wrong_rate"] = ratio(dates["wrong"] + dates["coarse"], n_matched)
            scores["date_missing_rate"] = ratio(dates["missing"], n_matched)
            scores["date_coarse"] = dates["coarse"]
    scores["counts_accuracy"] = ratio(counted["correct"], counted["support"])
    scores["counts_support"] = counted["support"]
    scores["counts_extra"] = counted["extra"]
    scores["cross_doc"] = ratio(len(linked), len(same_as))
    scores["cross_doc_support"] = len(same_as)
    merges = false_merges(chains, matched_to, {e.event_id: p.gold.file for p in pairs for e in p.gold.events})
    scores["false_merges"] = len(merges)
    scores["false_merges_cross_doc"] = sum(1 for cross in merges.values() if cross)
    scores["detail"] = {
        "false_merges": sorted(merges),
        "missed": sorted(e.event_id for d in pairs for e in d.gold.events
                         if e.event_id not in matched_to),
        "matched": dict(sorted(matched_to.items())),
        "wrong": wrong,
        "cross_doc_missed": [list(p) for p in same_as if p not in linked],
    }
    return scores
