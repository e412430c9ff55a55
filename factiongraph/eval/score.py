"""Score a run's records against a gold file: the entry point behind ``factiongraph eval``."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from factiongraph.eval.cleaning import score_cleaning
from factiongraph.eval.context import DocPair, pair_documents
from factiongraph.eval.events import score_events
from factiongraph.eval.gold import Gold, GoldDocument
from factiongraph.eval.mentions import build_entity_map, build_table, score_mentions
from factiongraph.eval.metadata import score_metadata
from factiongraph.eval.quotes import score_quotes
from factiongraph.eval.records import read_records
from factiongraph.eval.relations import score_relations

logger = logging.getLogger(__name__)

SCORES_SCHEMA = "eval/1"


def list_gold_strings(doc: GoldDocument) -> list[str]:
    """Return every string of a gold document that must occur in its corpus file."""
    strings = [doc.title] if doc.title else []
    strings += [*doc.boilerplate, *doc.captions, *doc.comments]
    strings += [m.text for m in doc.mentions]
    strings += [e.evidence for e in doc.events]
    strings += [r.evidence for r in doc.relations]
    strings += [q.evidence for q in doc.quotes]
    return strings


def check_corpus(pairs: list[DocPair]) -> dict[str, Any]:
    """Return how many gold strings are absent from their original corpus file (gold errors)."""
    absent: list[list[str]] = []
    files_missing = []
    for pair in pairs:
        if pair.corpus_text is None:
            files_missing.append(pair.gold.file)
            continue
        for text in list_gold_strings(pair.gold):
            if not pair.corpus_text.find_all(text):
                absent.append([pair.gold.file, text])
    return {"gold_strings_not_in_corpus": len(absent), "corpus_files_missing": files_missing,
            "not_in_corpus": absent}


def score(gold: Gold, records: Iterable[dict[str, Any]], corpus_dir: Path | None) -> dict[str, Any]:
    """Score predicted interchange records against gold.

    Args:
        gold: a loaded gold file (``load_gold``).
        records: the run's JSON Lines records (dicts of kind document, entity, mention, event,
            relation, quote); only documents named in the gold are scored.
        corpus_dir: the directory holding the original files the gold was written against; used
            to check the gold strings and to choose between repeated occurrences. May be None.

    Returns:
        A nested, JSON-serialisable dict: one section per aspect (``alignment``, ``cleaning``,
        ``metadata``, ``mentions``, ``typing``, ``linking``, ``events``, ``relations``,
        ``quotes``). Undefined ratios (nothing to count) are None. Each section's ``detail``
        lists the individual misses and errors.
    """
    run = read_records(records)
    pairs = pair_documents(gold, run, corpus_dir)
    table = build_table(gold, pairs, run)
    entity_map = build_entity_map(gold, table, run)
    mention_sections = score_mentions(gold, pairs, table, run)
    events = score_events(gold, pairs, run, entity_map)
    quotes = score_quotes(pairs, run, entity_map)
    cleaning = score_cleaning(pairs)
    corpus = check_corpus(pairs) if corpus_dir is not None else {
        "gold_strings_not_in_corpus": None, "corpus_files_missing": [], "not_in_corpus": []}
    alignment = {
        "documents_gold": len(pairs),
        "documents_matched": sum(1 for p in pairs if p.pred is not None),
        "documents_missing": [p.gold.file for p in pairs if p.pred is None],
        "mentions_not_in_text": mention_sections["mentions"]["not_in_text"],
        "events_unaligned": events["unaligned"],
        "quotes_unaligned": quotes["unaligned"],
        "captions_missing": cleaning["captions_missing"],
        "gold_strings_not_in_corpus": corpus["gold_strings_not_in_corpus"],
        "detail": {"corpus_files_missing": corpus["corpus_files_missing"],
                   "not_in_corpus": corpus["not_in_corpus"],
                   "skipped_record_kinds": dict(run.skipped)},
    }
    return {
        "schema": SCORES_SCHEMA,
        "gold": gold.path,
        "alignment": alignment,
        "cleaning": cleaning,
        "metadata": score_metadata(pairs),
        **mention_sections,
        "events": events,
        "relations": score_relations(pairs, run, entity_map),
        "quotes": quotes,
    }
