"""The base of :class:`~factiongraph.extract.relations.arguments.SentenceArgs`: one parsed
sentence's tokens and mentions, indexed by token (the sentence's vocabulary from ``SyntaxWords``,
its token range in the document's :class:`DocIndex`, and the plain look-ups every reader uses).
"""

from __future__ import annotations

import re

from factiongraph.extract.relations.doc_index import DocIndex, Token
from factiongraph.extract.relations.syntax_words import SyntaxWords
from factiongraph.extract.view.docview import DocView
from factiongraph.model import EntityType, Mention

# An apposition before a name: "the commander of X, A" (the name then closes the phrase).
_APPOS_BEFORE = re.compile(r"(?:,|\u2014|\u2013)\s*$")
# Links through which a name sits inside a larger noun phrase ("Kataib Hezbollah militia").
INNER = frozenset({"compound", "flat", "nmod", "amod", "npadvmod"})


class ArgsCore:
    """One parsed sentence with its mentions indexed by token."""

    def __init__(self, view: DocView, index: DocIndex, ms: list[Mention], start: int, end: int,
                 words: SyntaxWords | None = None, umbrellas: frozenset[str] = frozenset()) -> None:
        self.view = view
        self.umbrellas = umbrellas  # ids the knowledge base knows as umbrellas of other groups
        self.include_verbs = words.include_verbs if words is not None else frozenset()
        self.anaphor_nouns = words.anaphor_nouns if words is not None else frozenset()
        self.named_anaphor_nouns = words.named_anaphor_nouns if words is not None else frozenset()
        self.part_nouns = words.part_nouns if words is not None else frozenset()
        self.affiliate_nouns = words.affiliate_nouns if words is not None else frozenset()
        self.anaphor_dets = words.anaphor_dets if words is not None else frozenset()
        self.plural_nouns = words.plural_anaphor_nouns if words is not None else frozenset()
        self.holder_nouns = words.unit_holder_nouns if words is not None else frozenset()
        self.appos_before = words.appos_before if words is not None else _APPOS_BEFORE
        self.collective_nouns = words.collective_nouns if words is not None else frozenset()
        self.index = index
        self.doc = doc = index.doc
        self.ms = ms
        self.start = start
        self.end = end
        self.text = view.text
        first, last = index.token_range(start, end)
        self.first = first
        self.last = last
        self.lows = index.lows
        self.present = frozenset(self.lows[first:last + 1])
        self._tokens: list[Token] | None = None
        self._apposed: dict[int, tuple[Mention, bool]] | None = None

    @property
    def tokens(self) -> list[Token]:
        """Return the sentence's tokens (built on first use)."""
        if self._tokens is None:
            self._tokens = [self.doc[i] for i in range(self.first, self.last + 1)]
        return self._tokens

    def tokens_in(self, words: frozenset[str] | dict[str, str]) -> list[Token]:
        """Return the sentence's tokens whose lower-case text is one of ``words``.

        The families start here: a sentence without any of a family's words costs one set test.
        """
        if self.present.isdisjoint(words):
            return []
        lows = self.lows
        return [self.doc[i] for i in range(self.first, self.last + 1) if lows[i] in words]

    # -- tokens and mentions --------------------------------------------------------------
    def mention_at(self, tok: Token | None) -> Mention | None:
        """Return the mention covering ``tok``."""
        return None if tok is None else self.index.mention_at(tok.i)

    def head(self, m: Mention) -> Token | None:
        """Return the syntactic head of a mention (its token attached outside the mention)."""
        return self.index.head(m)

    def inside(self, tok: Token) -> bool:
        """Return True when ``tok`` belongs to this sentence."""
        return bool(self.first <= tok.i <= self.last)

    def type_of(self, m: Mention) -> EntityType:
        """Return the resolved type of a mention (cached per document)."""
        return self.index.type_of(m)

    def nominal(self, tok: Token) -> Token:
        """Return the head noun of the phrase ``tok`` sits in as a premodifier.

        "Kataib Hezbollah militia group": from "Hezbollah" to "group". A mention's own head
        stays itself when it is the phrase's head.
        """
        t = tok
        for _ in range(6):
            if t.dep_ not in INNER or t.head.i == t.i or not self.inside(t.head) or t.head.i < t.i:
                return t
            if t.head.dep_ == "ROOT" or any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "aux", "auxpass")
                                            for c in t.head.children):
                return t  # the head is a verb: the phrase ends here
            t = t.head
        return t

    def is_unit_of(self, m: Mention, noun: Token) -> bool:
        """Return True when a name before a part noun is the umbrella the phrase is a part of:
        "a PMF faction" is one of the PMF's factions, not the PMF (a plural, "many PMF factions",
        may stand for the umbrella: "the political front of many PMF factions")."""
        low = noun.lower_  # the model has no tagger: a plural is the singular's form plus "s"
        return m.entity_id in self.umbrellas and low in self.part_nouns and not (
            low.endswith("s") and low[:-1] in self.part_nouns)
