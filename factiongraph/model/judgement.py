"""Judgements: recorded, reversible decisions that two entity ids are (or are not) the same thing."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Verdict(StrEnum):
    """What a judgement decided about a pair of ids."""

    POSITIVE = "positive"
    NEGATIVE = "negative"
    UNSURE = "unsure"


@dataclass(slots=True, frozen=True)
class Judgement:
    """A decision about the pair ``(left_id, right_id)``, made by ``producer`` with ``score``.

    A positive judgement merges ``right_id`` into ``left_id`` (``left_id`` is the canonical side);
    a negative one says the two must never be merged. Undoing a judgement restores the ids it
    joined, because resolution never rewrites a mention's text or offsets.
    """

    left_id: str
    right_id: str
    verdict: Verdict
    score: float
    producer: str
    reason: str = ""
