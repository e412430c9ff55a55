"""Cleaning scores: chrome and comments leaking into content, captions lost or repeated."""

from __future__ import annotations

from typing import Any

from factiongraph.eval.align import is_word_bounded, normalize_string
from factiongraph.eval.context import DocPair
from factiongraph.eval.records import Span

# A gold chrome string this long (in words) counts wherever it occurs as a whole-word run;
# shorter ones ("Terrorism", "Iraq News") only when they fill a line, so that the same words
# used inside a sentence of the article are not taken for leaked chrome.
_LONG_WORDS = 3


def is_leak(pair: DocPair, needle: str, span: Span) -> bool:
    """Return True if this occurrence of a chrome string sits inside article content."""
    assert pair.pred is not None
    if not pair.pred.is_content(span):
        return False
    if pair.pred.is_line_bounded(span):
        return True
    long = len(normalize_string(needle).split(" ")) >= _LONG_WORDS
    return long and is_word_bounded(pair.pred.text, *span)


def count_leaks(pair: DocPair, strings: tuple[str, ...], kind: str,
                detail: list[dict[str, Any]]) -> int:
    """Return how many of ``strings`` occur inside content blocks, noting each in ``detail``."""
    leaks = 0
    for needle in strings:
        hits = [s for s in pair.find(needle) if is_leak(pair, needle, s)]
        if hits:
            leaks += 1
            detail.append({"file": pair.gold.file, "kind": kind, "text": needle,
                           "occurrences": len(hits)})
    return leaks


def score_cleaning(pairs: list[DocPair]) -> dict[str, Any]:
    """Return boilerplate and comment leaks and caption losses/duplicates over all documents."""
    detail: list[dict[str, Any]] = []
    boilerplate = comments = missing = duplicated = 0
    supports = {"boilerplate": 0, "comments": 0, "captions": 0}
    for pair in pairs:
        gold = pair.gold
        supports["boilerplate"] += len(gold.boilerplate)
        supports["comments"] += len(gold.comments)
        supports["captions"] += len(gold.captions)
        if pair.pred is None:
            missing += len(gold.captions)
            continue
        boilerplate += count_leaks(pair, gold.boilerplate, "boilerplate", detail)
        comments += count_leaks(pair, gold.comments, "comment", detail)
        for caption in gold.captions:
            found = [s for s in pair.find(caption) if pair.pred.is_content(s)]
            if not found:
                missing += 1
                detail.append({"file": gold.file, "kind": "caption-missing", "text": caption})
            elif len(found) > 1:
                duplicated += 1
                detail.append({"file": gold.file, "kind": "caption-duplicated", "text": caption,
                               "occurrences": len(found)})
    return {
        "boilerplate_leaks": boilerplate,
        "comment_leaks": comments,
        "captions_missing": missing,
        "captions_duplicated": duplicated,
        "boilerplate_support": supports["boilerplate"],
        "comment_support": supports["comments"],
        "caption_support": supports["captions"],
        "detail": detail,
    }
