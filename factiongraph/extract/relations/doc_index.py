"""A parsed document's tokens by character offset and its mentions by token, built once.

Character offsets map to tokens by bisection over the tokens' start offsets (read in one call,
``Doc.to_array``), so no span is built per mention or per sentence; a token's mention is found
by bisection over the mentions' starts; types and heads are looked up once per mention.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any

from factiongraph.extract.view.docview import DocView
from factiongraph.model import EntityType, Mention

Token = Any  # a spaCy Token (spaCy objects are typed Any outside nlp/)


class DocIndex:
    """One parsed document's tokens by offset and its mentions by token, built once per document.

    Character offsets are mapped to tokens by bisection over the tokens' start offsets, so no
    span is built per mention or per sentence.
    """

    def __init__(self, view: DocView, doc: Any, lows: list[str]) -> None:
        self.doc = doc
        self.lows = lows
        if len(doc):
            spans = doc.to_array(["IDX", "LENGTH"])
            self.starts: list[int] = spans[:, 0].tolist()
            self.ends: list[int] = (spans[:, 0] + spans[:, 1]).tolist()
        else:
            self.starts, self.ends = [], []
        self.view = view
        self.mentions = view.mentions  # sorted by start
        self.mention_starts = [m.start for m in self.mentions]
        self._heads: dict[int, Token | None] = {}
        self._types: dict[tuple[int, int], EntityType] = {}

    def type_of(self, m: Mention) -> EntityType:
        """Return the resolved type of a mention, looked up once per document."""
        key = (m.start, m.end)
        found = self._types.get(key)
        if found is None:
            found = self._types[key] = self.view.type_of(m)
        return found

    def mention_at(self, i: int) -> Mention | None:
        """Return the (longest) mention overlapping token ``i``."""
        if i < 0 or i >= len(self.starts):
            return None
        start, end = self.starts[i], self.ends[i]
        j = bisect_left(self.mention_starts, end) - 1
        best: Mention | None = None
        while j >= 0:
            m = self.mentions[j]
            if m.end > start and (best is None or m.end - m.start > best.end - best.start):
                best = m
            if start - m.start > 200:
                break
            j -= 1
        return best

    def head(self, m: Mention) -> Token | None:
        """Return the syntactic head of a mention: its rightmost token attached outside it."""
        if m.start in self._heads:
            return self._heads[m.start]
        first, last = self.token_range(m.start, m.end)
        head = None
        for i in range(last, first - 1, -1):
            h = self.doc[i].head.i
            if h < first or h > last or h == i:
                head = self.doc[i]
                break
        if head is None and first <= last:
            head = self.doc[last]
        self._heads[m.start] = head
        return head

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Return the first and last token index overlapping ``[start, end)`` (first > last: none)."""
        first = max(0, bisect_right(self.starts, start) - 1)
        if first < len(self.ends) and self.ends[first] <= start:
            first += 1
        last = bisect_left(self.starts, end) - 1
        return first, last
