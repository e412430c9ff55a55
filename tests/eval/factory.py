"""Build a perfect prediction (interchange records) from a gold file and its corpus.

Deliberately independent of the scorer's alignment code: it locates gold strings with a plain
``str.find`` on the file text after CRLF->LF and ``normalize_chars`` (which keeps lengths),
so a bug in the scorer's alignment cannot hide itself. Predicted ids are prefixed (``E:``,
``D:``) so the scorer has to map them to gold ids rather than compare them as given.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from factiongraph.eval.gold import Gold, GoldDocument
from factiongraph.model.text import normalize_chars

Record = dict[str, Any]


def canonical_text(raw: str) -> str:
    """Return the cleaned text a pipeline keeps for a plain-text file."""
    return normalize_chars(raw.replace("\r\n", "\n"))


def find_all(text: str, needle: str) -> list[int]:
    """Return every start offset of ``needle`` in ``text``."""
    needle = canonical_text(needle)
    out, pos = [], text.find(needle)
    while pos >= 0:
        out.append(pos)
        pos = text.find(needle, pos + 1)
    return out


def is_whole_line(text: str, start: int, end: int) -> bool:
    """Return True if ``text[start:end]`` fills its line."""
    return (start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end] == "\n")


def build_blocks(text: str, doc: GoldDocument) -> list[Record]:
    """Classify the gold's chrome, captions (first occurrence; repeats are chrome) and comments."""
    special: list[tuple[int, int, str]] = []
    for part, strings in (("boilerplate", doc.boilerplate), ("comment", doc.comments)):
        for needle in strings:
            length = len(canonical_text(needle))
            starts = find_all(text, needle)
            lines = [s for s in starts if is_whole_line(text, s, s + length)]
            special += [(s, s + length, part) for s in (lines or starts[:1])]
    for needle in doc.captions:
        length = len(canonical_text(needle))
        for i, start in enumerate(find_all(text, needle)):
            special.append((start, start + length, "caption" if i == 0 else "boilerplate"))
    blocks: list[Record] = []
    cursor = 0
    for start, end, part in sorted(special):
        if start < cursor:
            continue  # overlaps a block already placed
        if text[cursor:start].strip():
            blocks.append({"part": "body", "start": cursor, "end": start})
        blocks.append({"part": part, "start": start, "end": end})
        cursor = end
    if text[cursor:].strip():
        blocks.append({"part": "body", "start": cursor, "end": len(text)})
    return blocks


def is_content(blocks: list[Record], start: int, end: int) -> bool:
    """Return True if ``[start, end)`` lies inside one body or caption block."""
    return any(b["start"] <= start and end <= b["end"] and b["part"] in ("body", "caption")
               for b in blocks)


def locate(text: str, blocks: list[Record], needle: str) -> tuple[int, int]:
    """Return the span of the first content occurrence of ``needle`` (else the first at all)."""
    length = len(canonical_text(needle))
    starts = find_all(text, needle)
    assert starts, f"gold string not in text: {needle!r}"
    inside = [s for s in starts if is_content(blocks, s, s + length)]
    start = (inside or starts)[0]
    return start, start + length


def evidence(doc_id: str, text: str, span: tuple[int, int]) -> Record:
    """Return an interchange evidence dict."""
    return {"doc_id": doc_id, "start": span[0], "end": span[1], "text": text[span[0]:span[1]],
            "producer": "test.factory.v1", "confidence": 1.0}


def event_ids_along_same_as(gold: Gold) -> dict[str, str]:
    """Return one shared predicted id per chain of gold events linked by ``same_as``."""
    parent = {e: e for e in gold.events_by_id()}

    def root(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    for event in gold.events_by_id().values():
        if event.same_as:
            parent[root(event.event_id)] = root(event.same_as)
    return {e: f"EV:{root(e)}" for e in parent}


_RANK = {"day": 0, "month": 1, "year": 2, "range": 3, None: 4}


def most_precise_dates(gold: Gold, event_ids: dict[str, str]) -> dict[str, tuple[str | None,
                                                                              str | None]]:
    """Return, per predicted event, the most precise date any gold event of its chain gives."""
    best: dict[str, tuple[str | None, str | None]] = {}
    for event in gold.events_by_id().values():
        pred_id = event_ids[event.event_id]
        date = event.date.split("/")[0] if event.date else None
        current = best.get(pred_id)
        if current is None or _RANK[event.date_precision] < _RANK[current[1]]:
            best[pred_id] = (date, event.date_precision)
    return best


def build_perfect_records(gold: Gold, corpus_dir: Path,
                          reflow: Callable[[str], str] | None = None) -> list[Record]:
    """Return interchange records that reproduce the gold exactly.

    ``reflow`` rewrites each canonical text before anything is located in it (as a cleaner
    that re-joins paragraphs would), so offsets differ from the original file's.
    """
    records: list[Record] = [
        {"kind": "entity", "entity_id": f"E:{e.entity_id}", "type": e.type, "name": e.name,
         "aliases": list(e.aliases), "in_kb": True, "attributes": {}}
        for e in gold.entities.values()
    ]
    event_ids = event_ids_along_same_as(gold)
    dated = most_precise_dates(gold, event_ids)
    events: dict[str, Record] = {}
    for doc in gold.documents:
        raw = (Path(corpus_dir) / doc.file).read_text(encoding="utf-8")
        text = canonical_text(raw)
        if reflow is not None:
            text = reflow(text)
        doc_id = f"D:{doc.file}"
        blocks = build_blocks(text, doc)
        records.append({
            "kind": "document", "doc_id": doc_id, "source": str(Path(corpus_dir) / doc.file),
            "title": doc.title, "author": doc.author, "outlet": doc.outlet,
            "published": doc.published, "published_precision": None, "published_basis": None,
            "text": text, "blocks": blocks,
        })
        for mention in doc.mentions:
            length = len(canonical_text(mention.text))
            for start in find_all(text, mention.text):
                end = start + length
                if not is_content(blocks, start, end) or not is_word_bounded(text, start, end):
                    continue
                records.append({"kind": "mention", "doc_id": doc_id,
                                "entity_id": f"E:{mention.entity_id}", "text": text[start:end],
                                "start": start, "end": end, "producer": "test.factory.v1",
                                "confidence": 1.0})
        for event in doc.events:
            pred_id = event_ids[event.event_id]
            record = events.get(pred_id)
            if record is None:
                record = events[pred_id] = {
                    "kind": "event", "event_id": pred_id, "type": event.type,
                    "sub_type": event.sub_type,
                    "date_start": dated[pred_id][0],
                    "date_end": None,
                    "date_precision": dated[pred_id][1],
                    "location_id": f"E:{event.location}" if event.location else None,
                    "actors": [f"E:{a}" for a in event.actors],
                    "targets": [f"E:{t}" for t in event.targets],
                    "counts": dict(event.counts), "certainty": event.certainty, "evidence": [],
                }
            for key, value in event.counts:
                record["counts"].setdefault(key, value)
            record["evidence"].append(evidence(doc_id, text, locate(text, blocks, event.evidence)))
        for i, rel in enumerate(doc.relations):
            records.append({
                "kind": "relation", "relation_id": f"R:{doc.file}:{i}",
                "subject_id": f"E:{rel.subject}", "predicate": rel.predicate,
                "object_id": f"E:{rel.object}", "attrs": {}, "valid_from": None,
                "valid_to": None,
                "evidence": [evidence(doc_id, text, locate(text, blocks, rel.evidence))],
            })
        for i, quote in enumerate(doc.quotes):
            span = locate(text, blocks, quote.evidence)
            records.append({
                "kind": "quote", "quote_id": f"Q:{doc.file}:{i}",
                "speaker_id": f"E:{quote.speaker}" if quote.speaker else None,
                "speaker_role": quote.speaker_role,
                "via_id": f"E:{quote.via}" if quote.via else None,
                "text": text[span[0]:span[1]], "about": [f"E:{a}" for a in quote.about],
                "evidence": [evidence(doc_id, text, span)],
            })
    records.extend(events.values())
    return records


def is_word_bounded(text: str, start: int, end: int) -> bool:
    """Return True unless the span starts or ends in the middle of a word."""
    return not (start > 0 and re.match(r"\w", text[start - 1]) and re.match(r"\w", text[start])
                ) and not (end < len(text) and re.match(r"\w", text[end])
                           and re.match(r"\w", text[end - 1]))


def clone(records: list[Record]) -> list[Record]:
    """Return a deep copy, so a perturbation never leaks into another test."""
    return copy.deepcopy(records)
