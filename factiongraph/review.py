"""Reviewers' decisions: proposed splits, and judgements applied to the store and undone.

A *proposed split* is an entity some of whose mentions were joined to it by a resolution rule
that can be wrong, and which on their own would be another entity: a lone surname linked to the
only person the knowledge base knows by it (``rule.kb-surname``), a short form linked to the
nearest full name that contains it (``rule.short-form``), a partial name linked to a longer one
(``rule.partial-name``). The resolver records each such link as a judgement with its document;
this module finds those whose mentions are still linked that way and no reviewer has judged.
Candidates where a split-off name and a staying name are both full names that share a part but
neither contains the other (two different people, "Faisal Hussein" and "Fuad Hussein") come
first; the others follow by the rule's confidence, least sure first.

Accepting a split records a negative judgement ``(entity, split id)`` and moves those mentions,
and the claims whose evidence names only them, to the split id (created as a new, unverified
entity when none exists); rejecting it records a positive judgement, which keeps the link and
takes the candidate off the queue. A merge is a positive judgement ``(kept, merged)``. Every
decision is undone by withdrawing its judgement (:func:`withdraw`). This module wires the store
to resolution's name keys; the store itself knows nothing of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from factiongraph.errors import ReviewError
from factiongraph.model import Entity, EntityType
from factiongraph.model.judgement import Judgement, Verdict
from factiongraph.resolve.keys import make_key, name_parts, strip_titles
from factiongraph.resolve.resolver import (
    KB_SURNAME_PRODUCER,
    PARTIAL_NAME_PRODUCER,
    SHORT_FORM_PRODUCER,
    discovered_id,
)
from factiongraph.store import SQLiteStore, decisions, proposals
from factiongraph.store.views import entity_names

SPLIT_PRODUCERS = (KB_SURNAME_PRODUCER, SHORT_FORM_PRODUCER, PARTIAL_NAME_PRODUCER)
"""The resolution rules whose links a reviewer may undo by a split."""


@dataclass(slots=True, frozen=True)
class Decision:
    """What recording one judgement did."""

    judgement_id: str
    judgement: Judgement
    changes: int
    """Rows the judgement moved (mentions, claims, names); 0 for a decision kept for later runs."""
    kind: str
    """``merge``, ``split``, ``keep-apart``, ``keep-together`` or ``entity`` (one id judged on its own)."""


@lru_cache(maxsize=65536)
def own_ids(text: str, type_: str) -> frozenset[str]:
    """Return the ids a mention with this text would have on its own (as the resolver makes them)."""
    key = make_key(strip_titles(text)) or text.lower()
    ids = {discovered_id(EntityType(type_), key), discovered_id(EntityType.PERSON, key)}
    parts = name_parts(text)
    if len(parts) == 1:
        ids.add(discovered_id(EntityType.PERSON, parts[0]))
    return frozenset(ids)


def split_mentions(store: SQLiteStore, entity_id: str, split_id: str) -> list[dict[str, Any]]:
    """Return the mentions of ``entity_id`` that on their own would be ``split_id``."""
    return [m for m in proposals.entity_surfaces(store, entity_id) if split_id in own_ids(m["text"], m["type"])]


def _conflict(moving: set[str], staying: set[str]) -> tuple[str, str] | None:
    """Return two full names, one of each side, that share a part and differ in another."""
    for a in sorted(moving):
        pa = set(name_parts(a))
        for b in sorted(staying):
            pb = set(name_parts(b))
            if len(pa) >= 2 and len(pb) >= 2 and pa & pb and not (pa <= pb or pb <= pa):
                return a, b
    return None


WEAK_LINK = 0.85
"""Rule links below this confidence are proposed for a split on their own (a lone surname of a KB
person, 0.7; a short form when other full names in the document share it, 0.6)."""


def split_candidates(store: SQLiteStore, limit: int = 50) -> list[dict[str, Any]]:
    """Return proposed splits, strongest signal first (see the module docstring and docs/web.md).

    Signals, strongest first: ``conflict`` (a split-off name and a staying name are different
    full names sharing a part), ``shared`` (the same name on its own is linked to other entities
    in other documents), ``weak`` (the rule's confidence is below :data:`WEAK_LINK`). A rule link
    with none of them is not proposed.
    """
    links = proposals.rule_links(store, SPLIT_PRODUCERS, limit=max(500, 10 * limit))
    facts = proposals.entity_facts(store, sorted({link["left_id"] for link in links}))
    targets: dict[str, set[str]] = {}
    for link in links:
        targets.setdefault(link["right_id"], set()).add(link["left_id"])
    surfaces: dict[str, list[dict[str, Any]]] = {}
    found = []
    for link in links:
        entity_id, split_id = link["left_id"], link["right_id"]
        if entity_id not in surfaces:  # (text, type, mentions) of the entity: one row per spelling
            surfaces[entity_id] = proposals.entity_spellings(store, entity_id)
        moving_rows = [m for m in surfaces[entity_id] if split_id in own_ids(m["text"], m["type"])]
        moving_count = sum(m["mentions"] for m in moving_rows)
        total = sum(m["mentions"] for m in surfaces[entity_id])
        fact = facts.get(entity_id)
        if fact is None or not moving_rows or (moving_count == total and not fact["in_kb"]):
            continue  # nothing links that way now, or every mention would go (a rename, not a split)
        moving_names = {m["text"] for m in moving_rows}
        staying_names = {m["text"] for m in surfaces[entity_id]} - moving_names
        conflict = _conflict(moving_names, staying_names)
        others = sorted(targets[split_id] - {entity_id})
        if conflict:
            signal, reason = "conflict", f"{conflict[0]!r} and {conflict[1]!r} are different full names sharing a part"
        elif others:
            other_names = proposals.entity_facts(store, others)
            named = ", ".join(repr(other_names[o]["name"]) for o in others if o in other_names) or "another entity"
            signal, reason = "shared", f"{sorted(moving_names)[0]!r} is also linked to {named} in other documents"
        elif link["score"] < WEAK_LINK:
            signal, reason = "weak", str(link["reason"])
        else:
            continue
        found.append({
            "entity_id": entity_id, "name": fact["name"], "type": fact["type"], "in_kb": fact["in_kb"],
            "split_id": split_id, "split_names": sorted(moving_names), "mentions": moving_count,
            "documents": proposals.documents_naming(store, entity_id, sorted(moving_names)),
            "staying": total - moving_count,
            "producer": link["producer"], "score": link["score"], "signal": signal, "reason": reason,
            "examples": proposals.mention_examples(store, entity_id, sorted(moving_names)),
        })
    strength = {"conflict": 0, "shared": 1, "weak": 2}
    found.sort(key=lambda c: (strength[c["signal"]], c["score"], -c["mentions"], c["name"], c["split_id"]))
    return found[:limit]


def merge_sides(store: SQLiteStore, left_id: str, right_id: str) -> tuple[str, str]:
    """Return ``(kept, merged)`` for a proposed merge: the KB's entity, else the fuller name (more
    name parts), else the more mentioned."""
    facts = proposals.entity_facts(store, [left_id, right_id])

    def weight(entity_id: str) -> tuple[int, int, int, str]:
        fact = facts.get(entity_id, {})
        return (int(fact.get("in_kb", 0)), len(name_parts(str(fact.get("name", "")))),
                int(fact.get("mentions", 0)), entity_id)
    return (left_id, right_id) if weight(left_id) >= weight(right_id) else (right_id, left_id)


def decide(store: SQLiteStore, left_id: str, right_id: str, verdict: Verdict, reviewer: str,
           reason: str = "") -> Decision:
    """Record a reviewer's judgement on ``(left_id, right_id)`` and apply it.

    Positive on two ids: ``right_id`` is merged into ``left_id`` (the canonical side). Negative
    where mentions of ``left_id`` would on their own be ``right_id``: a split. Any other
    negative only keeps the two apart in later runs; ``unsure`` and judgements of one id on its
    own change nothing. Raises ReviewError for an id that is neither an entity nor a split, and
    for a verdict that contradicts a reviewer's judgement on the same pair still in force.
    """
    opposite = {Verdict.POSITIVE: "negative", Verdict.NEGATIVE: "positive"}.get(verdict)
    contrary = [j["judgement_id"] for j in proposals.pair_judgements(store, left_id, right_id)
                if j["verdict"] == opposite]
    if contrary:
        raise ReviewError(f"a reviewer already judged {left_id!r} and {right_id!r} {opposite}: withdraw "
                          f"{', '.join(contrary)} first", blocked_by=contrary)
    known = entity_names(store, [left_id, right_id])
    if left_id not in known:
        raise ReviewError(f"no entity with id {left_id!r}")
    moving = split_mentions(store, left_id, right_id) if right_id not in known or verdict is Verdict.NEGATIVE else []
    if right_id not in known and not moving:
        raise ReviewError(f"no entity with id {right_id!r}, and no mention of {left_id!r} would be it on its own")
    judgement = Judgement(left_id, right_id, verdict, 1.0, f"user:{reviewer}", reason or "review queue")
    if left_id == right_id:
        return Decision(store.record_judgement(judgement), judgement, 0, "entity")
    if verdict is Verdict.NEGATIVE and moving:
        with store.batch():
            judgement_id = store.record_judgement(judgement)
            texts = sorted({strip_titles(m["text"]) for m in moving}, key=lambda t: (-len(t), t))
            types = {m["type"] for m in moving}
            etype = EntityType.PERSON if EntityType.PERSON.value in types else EntityType(sorted(types)[0])
            entity = Entity(right_id, etype, texts[0], texts[1:], False,
                            {"discovered_by": judgement.producer, "split_from": left_id})
            changes = decisions.relink(store, judgement_id, left_id, right_id,
                                       mention_ids=[m["mention_id"] for m in moving], new_entity=entity)
        return Decision(judgement_id, judgement, changes, "split")
    judgement_id = store.record_judgement(judgement)
    changes = proposals.move_count(store, judgement_id)
    kind = {Verdict.POSITIVE: "merge" if right_id in known else "keep-together",
            Verdict.NEGATIVE: "keep-apart", Verdict.UNSURE: "unsure"}[verdict]
    return Decision(judgement_id, judgement, changes, kind)


def withdraw(store: SQLiteStore, judgement_id: str) -> bool:
    """Withdraw a reviewer's judgement and undo what it changed; False when there is none.

    Raises ReviewError (``blocked_by``) when a later judgement changed rows this one changed:
    that one is withdrawn first, so every row goes back to what it was."""
    return store.withdraw_judgement(judgement_id)
