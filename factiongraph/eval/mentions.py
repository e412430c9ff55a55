"""Mention detection, entity typing, linking (B-cubed) and the predicted->gold entity map.

Mentions are compared as sets of ``(file, surface key)`` per document (``normalize_surface``),
because gold lists each distinct surface form once per document, not each occurrence.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from factiongraph.eval.align import normalize_surface
from factiongraph.eval.context import DocPair
from factiongraph.eval.gold import Gold
from factiongraph.eval.metrics import bcubed, prf, ratio
from factiongraph.eval.records import PredictedRun

logger = logging.getLogger(__name__)

Item = tuple[str, str]  # (gold file, surface key)


@dataclass(slots=True)
class MentionTable:
    """Gold and predicted mention items and how predicted items are linked."""

    gold: dict[Item, str] = field(default_factory=dict)
    gold_text: dict[Item, str] = field(default_factory=dict)
    predicted: dict[Item, Counter[str]] = field(default_factory=dict)
    predicted_type: dict[Item, Counter[str]] = field(default_factory=dict)

    def matched(self) -> list[Item]:
        """Return the items both sides have, sorted."""
        return sorted(self.gold.keys() & self.predicted.keys())

    def cluster_of(self, item: Item) -> str | None:
        """Return the entity most predicted mentions of ``item`` link to (ties: smallest id)."""
        links = self.predicted.get(item)
        if not links:
            return None
        best = max(links.values())
        return min(e for e, n in links.items() if n == best)


def build_table(gold: Gold, pairs: list[DocPair], run: PredictedRun) -> MentionTable:
    """Collect gold items and the predicted content mentions of the gold documents."""
    table = MentionTable()
    for pair in pairs:
        for mention in pair.gold.mentions:
            item = (pair.gold.file, normalize_surface(mention.text))
            if item in table.gold and table.gold[item] != mention.entity_id:
                logger.warning("%s: surface %r is gold for %s and %s; scoring it as the first",
                               pair.gold.file, mention.text, table.gold[item], mention.entity_id)
                continue
            table.gold[item] = mention.entity_id
            table.gold_text.setdefault(item, mention.text)
    docs = {pair.pred.doc_id: pair for pair in pairs if pair.pred is not None}
    for record in run.mentions:
        owner = docs.get(str(record.get("doc_id")))
        if owner is None or owner.pred is None:
            continue
        start, end = record.get("start"), record.get("end")
        text = record.get("text")
        if isinstance(start, int) and isinstance(end, int):
            if not owner.pred.is_content((start, end)):
                continue
            if not isinstance(text, str):
                text = owner.pred.text[start:end]
        if not isinstance(text, str) or not text.strip():
            continue
        item = (owner.gold.file, normalize_surface(text))
        entity_id = record.get("entity_id")
        links = table.predicted.setdefault(item, Counter())
        if entity_id is not None:
            links[str(entity_id)] += 1
        if record.get("type"):
            table.predicted_type.setdefault(item, Counter())[str(record["type"])] += 1
    return table


@dataclass(slots=True)
class EntityMap:
    """Map predicted entity ids to gold ids.

    Order of evidence: the gold entity sharing most matched mentions (ties: smallest gold id);
    else an identical id; else a unique gold name, alias or mention text equal to the predicted
    entity's name or one of its aliases.
    """

    by_mentions: dict[str, str]
    names: dict[str, str]
    gold_ids: frozenset[str]
    entities: dict[str, dict[str, Any]]

    def map(self, entity_id: str | None) -> str | None:
        """Return the gold id for a predicted entity id, or None."""
        if entity_id is None:
            return None
        if entity_id in self.by_mentions:
            return self.by_mentions[entity_id]
        if entity_id in self.gold_ids:
            return entity_id
        record = self.entities.get(entity_id) or {}
        for name in [record.get("name"), *(record.get("aliases") or [])]:
            if isinstance(name, str) and normalize_surface(name) in self.names:
                return self.names[normalize_surface(name)]
        return None

    def map_name(self, name: str | None) -> str | None:
        """Return the gold id a free-text name unambiguously refers to, or None."""
        return self.names.get(normalize_surface(name)) if name else None

    def map_set(self, entity_ids: list[str]) -> set[str]:
        """Return mapped ids; an unmapped id stays distinct from every gold id."""
        return {self.map(e) or f"?{e}" for e in entity_ids}


def build_entity_map(gold: Gold, table: MentionTable, run: PredictedRun) -> EntityMap:
    """Return the predicted->gold entity map for this run."""
    shared: dict[str, Counter[str]] = defaultdict(Counter)
    for item in table.matched():
        cluster = table.cluster_of(item)
        if cluster is not None:
            shared[cluster][table.gold[item]] += 1
    by_mentions = {}
    for pred_id, counts in shared.items():
        best = max(counts.values())
        by_mentions[pred_id] = min(g for g, n in counts.items() if n == best)
    candidates: dict[str, set[str]] = defaultdict(set)
    for entity in gold.entities.values():
        for name in (entity.name, *entity.aliases):
            candidates[normalize_surface(name)].add(entity.entity_id)
    for doc in gold.documents:
        for mention in doc.mentions:
            candidates[normalize_surface(mention.text)].add(mention.entity_id)
    names = {key: next(iter(ids)) for key, ids in candidates.items() if len(ids) == 1}
    return EntityMap(by_mentions, names, frozenset(gold.entities), run.entities)


def score_mentions(gold: Gold, pairs: list[DocPair], table: MentionTable,
                   run: PredictedRun) -> dict[str, dict[str, Any]]:
    """Return the ``mentions``, ``typing`` and ``linking`` sections."""
    matched = table.matched()
    not_in_text = 0
    by_file = {p.gold.file: p for p in pairs}
    for item, text in sorted(table.gold_text.items()):
        pair = by_file[item[0]]
        if pair.pred is None or not any(pair.pred.is_content(s) for s in pair.find(text)):
            not_in_text += 1
    mentions: dict[str, Any] = prf(len(matched), len(table.gold), len(table.predicted))
    mentions["not_in_text"] = not_in_text
    mentions["detail"] = {
        "missed": [[f, table.gold_text[(f, k)], table.gold[(f, k)]]
                   for f, k in sorted(table.gold.keys() - table.predicted.keys())],
        "spurious": [[f, k, table.cluster_of((f, k))]
                     for f, k in sorted(table.predicted.keys() - table.gold.keys())],
    }
    typed_ok = 0
    mistyped = []
    for item in matched:
        cluster = table.cluster_of(item)
        ptype = (run.entities.get(cluster) or {}).get("type") if cluster is not None else None
        if ptype is None and item in table.predicted_type:
            ptype = table.predicted_type[item].most_common(1)[0][0]
        gtype = gold.entities[table.gold[item]].type
        if ptype == gtype:
            typed_ok += 1
        else:
            mistyped.append([item[0], table.gold_text[item], gtype, ptype])
    typing = {"accuracy": ratio(typed_ok, len(matched)), "support": len(matched),
              "detail": {"mistyped": mistyped}}
    predicted = {item: table.cluster_of(item) for item in matched}
    p, r, f = bcubed({item: table.gold[item] for item in matched}, predicted)
    violations = []
    for a, b in gold.distinct:
        holders_a = {predicted[i] for i in matched if table.gold[i] == a}
        holders_b = {predicted[i] for i in matched if table.gold[i] == b}
        shared = sorted(h for h in holders_a & holders_b if h is not None)
        if shared:
            violations.append([a, b, shared])
    linking = {
        "bcubed_precision": p,
        "bcubed_recall": r,
        "bcubed_f1": f,
        "support": len(matched),
        "must_not_merge_violations": len(violations),
        "must_not_merge_support": len(gold.distinct),
        "detail": {"violations": violations},
    }
    return {"mentions": mentions, "typing": typing, "linking": linking}
