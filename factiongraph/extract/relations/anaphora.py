"""Plural anaphors that stand for a list of groups: "these groups", "both factions", "all three".

A report often names its groups once, as a list, and states what they are in the next
sentence: "A, B and C claimed the attacks. These groups are part of Y." The facts belong to
every group of the list. :func:`plural_antecedent` finds that list for a plural phrase that
restates it: a plural group noun with a demonstrative ("these militias", "those factions"),
"both" ("both groups", "both"), a count ("the two groups", "all three"), or "they", "these"
or "all/each/both of these (groups)" / "of them" as a subject. The list is the last one of two or more groups written before the phrase in its own
sentence, else in the sentence before; a count must equal the list's length, so "the two
groups" after a list of three stands for nothing. A phrase that picks some out ("these
groups in Basra", "groups that ...") is not a restatement and gets nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from factiongraph.extract.relations.doc_index import Token
from factiongraph.model import EntityType, Mention

_GROUPS = (EntityType.ARMED_GROUP, EntityType.POLITICAL_ORG)
# What joins two names of one written list: "A, B and C", "A and B", "A as well as B".
# A bracketed short form may follow a name: "A (KH), B (HaN) and C".
LIST_JOIN = re.compile(r"(?:\s*\([^()]{1,40}\))?\s*(?:,|,?\s*and|,?\s*as\s+well\s+as|&)\s*(?:the\s+)?",
                       re.IGNORECASE)
_BRACKET = re.compile(r"\s*\(\s*")
# Items described and set apart by semicolons: "A, the most powerful faction; B, led by X; and C".
_DESCRIBED_JOIN = re.compile(r",[^;.()]{1,120};\s*(?:and\s+)?(?:the\s+)?", re.IGNORECASE)
_COUNTS = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_DEMONSTRATIVES = frozenset({"these", "those"})
# Quantifiers that take the whole list: "all of these groups", "each of them", "both of them".
_WHOLE = frozenset({"all", "each", "both"})
# Children that pick some members out instead of restating the whole list.
_PICKING = frozenset({"prep", "acl", "relcl", "poss"})


def group_lists(text: str, mentions: Sequence[Mention],
                type_of: Callable[[Mention], EntityType]) -> list[list[Mention]]:
    """Return the written lists of two or more distinct groups among ``mentions`` (in order)."""
    out: list[list[Mention]] = []
    run: list[Mention] = []
    for m in mentions:
        if type_of(m) not in _GROUPS:
            continue  # a name inside a group's ("the Basra Brigade") or in a description: the gap decides
        if run and _BRACKET.fullmatch(text, run[-1].end, m.start):
            continue  # "Kataib Hezbollah (KH)": a short form in brackets after the name listed
        if run and (LIST_JOIN.fullmatch(text, run[-1].end, m.start)
                    or _DESCRIBED_JOIN.fullmatch(text, run[-1].end, m.start)):
            run.append(m)
        else:
            run = _close(run, out)
            run = [m]
    _close(run, out)
    return out


def _close(run: list[Mention], out: list[list[Mention]]) -> list[Mention]:
    if len({m.entity_id for m in run}) >= 2:
        out.append(run)
    return []


def plural_count(tok: Token, plural_nouns: frozenset[str]) -> int | None:
    """Return how many groups a plural restating phrase stands for (0: as many as listed),
    or None when ``tok`` is not such a phrase."""
    low = tok.lower_
    children = list(tok.children)
    if low == "they":
        return 0 if tok.dep_ in ("nsubj", "nsubjpass") else None
    if low in _DEMONSTRATIVES and tok.dep_ == "nsubj" and tok.head.lower_ in ("are", "were"):
        return 0  # "These are all part of the PMF": the pronoun alone, with a copula ("these include X" lists)
    if low in _WHOLE and tok.dep_ in ("nsubj", "nsubjpass"):
        # "All of these groups operate under ...", "each of them is part of ...", not "many of these"
        for prep in (c for c in children if c.dep_ == "prep" and c.lower_ == "of"):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                if obj.lower_ in ("them", "these", "those"):
                    return 0
                inner = plural_count(obj, plural_nouns) if obj.lower_ != "they" else None
                if inner is not None:
                    return inner
        if low != "both":
            return None  # "Both are ...": a bare count, read below
    if low in _COUNTS and tok.dep_ in ("nsubj", "nsubjpass"):
        # "Both are ...", "All three are ...": a bare count as the subject
        if low == "both" or any(c.lower_ == "all" for c in children):
            return _COUNTS[low]
        return None
    if low not in plural_nouns or any(c.dep_ == "poss" or (c.dep_ in _PICKING and c.i > tok.i
                                                          and not _set_off(c)) for c in children):
        return None
    dets = {c.lower_ for c in children if c.dep_ in ("det", "predet", "nummod", "quantmod")}
    counts = [_COUNTS[d] for d in dets if d in _COUNTS]
    if counts:
        return counts[0] if "the" in dets or "all" in dets or "both" in dets or "these" in dets \
            or "those" in dets else None
    return 0 if dets & _DEMONSTRATIVES else None


def _set_off(clause: Token) -> bool:
    """A relative clause in commas describes ("these groups, which ..."); one without picks out."""
    first = clause.left_edge.i
    return bool(clause.dep_ == "relcl" and first > 0 and clause.doc[first - 1].text == ",")


def plural_antecedent(tok: Token, plural_nouns: frozenset[str], text: str,
                      here: Sequence[Mention], before: Sequence[Mention],
                      type_of: Callable[[Mention], EntityType], earlier: Sequence[Mention] = ()) -> list[Mention]:
    """Return the groups a plural phrase restates (see the module doc), or nothing.

    ``here``: the mentions of the phrase's sentence before it; ``before``: those of the
    sentence before that; ``earlier``: those of the two sentences before it (a list may stand
    one sentence further back).
    """
    count = plural_count(tok, plural_nouns)
    if count is None:
        return []
    for pool in (here, before, earlier):
        lists = group_lists(text, pool, type_of)
        if lists:
            chosen = lists[-1]
            if count and len({m.entity_id for m in chosen}) != count:
                return []
            return chosen
    return []
