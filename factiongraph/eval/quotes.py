"""Quote scores: detection by evidence overlap, then speaker, outlet, role and topics."""

from __future__ import annotations

import re
from typing import Any

from factiongraph.eval.align import normalize_field
from factiongraph.eval.context import DocPair
from factiongraph.eval.gold import GoldQuote
from factiongraph.eval.matching import match_by_overlap
from factiongraph.eval.mentions import EntityMap
from factiongraph.eval.metrics import prf, ratio
from factiongraph.eval.records import PredictedQuote, PredictedRun

ATTRIBUTES = ("speaker", "via", "speaker_role")
_QUOTE_MARKS = re.compile("[\"\u201c\u201d\u00ab\u00bb\u2018]")


def quote_forms(gold: GoldQuote, text: str | None, span: tuple[int, int] | None) -> tuple[str, str]:
    """Return the two forms a gold statement is counted under: how it is written and who says it.

    ``direct`` when its words stand in quotation marks (in its evidence, or just before it in
    ``text``, where ``span`` locates it), else ``reported``; ``named`` when its speaker is an
    entity, else ``unnamed`` ("a security source"). Recall per form tells which kind of
    attribution a change helps or hurts without reading the items.
    """
    before = text[max(0, span[0] - 2):span[0]] if text is not None and span is not None else ""
    written = "direct" if _QUOTE_MARKS.search(gold.evidence) or _QUOTE_MARKS.search(before) else "reported"
    return written, "named" if gold.speaker is not None else "unnamed"


def is_role_correct(gold: str | None, predicted: str | None) -> bool:
    """Return True if the roles agree: both absent, or one contains the other (casefolded)."""
    g, p = normalize_field(gold), normalize_field(predicted)
    if g is None or p is None:
        return g is None and p is None
    return g in p or p in g


def check_attributes(gold: GoldQuote, pred: PredictedQuote, entity_map: EntityMap
                     ) -> dict[str, bool]:
    """Return which attributes of a matched quote agree with gold (both null is agreement)."""
    speaker = entity_map.map(pred.speaker_id)
    via = entity_map.map(pred.via_id)
    return {
        "speaker": speaker == gold.speaker and (gold.speaker is not None
                                                or pred.speaker_id is None),
        "via": via == gold.via and (gold.via is not None or pred.via_id is None),
        "speaker_role": is_role_correct(gold.speaker_role, pred.speaker_role),
    }


def score_quotes(pairs: list[DocPair], run: PredictedRun, entity_map: EntityMap
                 ) -> dict[str, Any]:
    """Return the ``quotes`` section."""
    n_gold = n_pred = n_matched = unaligned = 0
    about_hits = about_gold = about_pred = 0
    correct = dict.fromkeys(ATTRIBUTES, 0)
    missed: list[list[Any]] = []
    wrong: list[dict[str, Any]] = []
    forms: dict[str, dict[str, int]] = {f: {"gold": 0, "true_positive": 0}
                                        for f in ("direct", "reported", "named", "unnamed")}
    for pair in pairs:
        n_gold += len(pair.gold.quotes)
        keys = {f"{pair.gold.file}#{i}": q for i, q in enumerate(pair.gold.quotes)}
        if pair.pred is None:
            unaligned += len(keys)
            missed.extend([pair.gold.file, q.evidence] for q in keys.values())
            continue
        spans = {k: pair.locate(q.evidence) for k, q in keys.items()}
        unaligned += sum(1 for s in spans.values() if s is None)
        quotes = {q.quote_id: q for q in run.quotes if pair.pred.doc_id in q.spans}
        n_pred += len(quotes)
        matches = match_by_overlap(spans, {k: q.spans[pair.pred.doc_id]
                                           for k, q in quotes.items()})
        for key, gold_quote in keys.items():
            for form in quote_forms(gold_quote, pair.pred.text, spans[key]):
                forms[form]["gold"] += 1
                forms[form]["true_positive"] += key in matches
            if key not in matches:
                missed.append([pair.gold.file, gold_quote.evidence])
                continue
            n_matched += 1
            pred = quotes[matches[key]]
            outcome = check_attributes(gold_quote, pred, entity_map)
            for name, ok in outcome.items():
                correct[name] += ok
            if not all(outcome.values()):
                wrong.append({"file": pair.gold.file, "evidence": gold_quote.evidence,
                              "predicted": pred.quote_id,
                              "wrong": sorted(n for n, ok in outcome.items() if not ok)})
            about = entity_map.map_set(pred.about)
            about_hits += len(about & set(gold_quote.about))
            about_gold += len(set(gold_quote.about))
            about_pred += len(about)
    scores: dict[str, Any] = prf(n_matched, n_gold, n_pred)
    scores["matched"] = n_matched
    scores["unaligned"] = unaligned
    for name in ATTRIBUTES:
        scores[f"{name}_accuracy"] = ratio(correct[name], n_matched)
    scores["about_precision"] = ratio(about_hits, about_pred)
    scores["about_recall"] = ratio(about_hits, about_gold)
    scores["per_form"] = forms
    scores["detail"] = {"missed": missed, "wrong": wrong}
    return scores
