"""What an anaphor of one parsed sentence stands for: "the group", "this faction", "it", "we",
"these groups" (:func:`~factiongraph.extract.relations.anaphora.plural_antecedent`), and the
umbrella a part noun names ("the PMF faction"). A base of
:class:`~factiongraph.extract.relations.arguments.SentenceArgs`, which supplies :meth:`named`.
"""

from __future__ import annotations

from factiongraph.extract.relations.anaphora import plural_antecedent, plural_count
from factiongraph.extract.relations.args_core import ArgsCore
from factiongraph.extract.relations.doc_index import Token
from factiongraph.extract.view.docview import kb_get
from factiongraph.model import EntityType, Mention


class Antecedents(ArgsCore):
    """The anaphor readers of a sentence (the phrase readers are ``SentenceArgs``)."""

    def named(self, tok: Token | None) -> list[Mention]:
        """Return the mention a noun phrase is (``SentenceArgs.named``)."""
        raise NotImplementedError

    def antecedent(self, tok: Token, exclude: frozenset[str] = frozenset()) -> list[Mention]:
        """Return the group "the group", "this faction" or "it" stands for (or the groups a
        plural phrase restates: :func:`plural_antecedent`).

        The last group named before it in the sentence; for "it" with none there, the first
        group of the previous sentence (its subject, usually). Only a bare, singular phrase with
        a definite or demonstrative determiner counts ("the Iran-backed group", not "a group" or
        "other groups").
        """
        if plural_count(tok, self.plural_nouns) is not None:  # most tokens: no list to look for
            plural = plural_antecedent(tok, self.plural_nouns, self.text,
                                       [m for m in self.ms if m.end <= tok.idx],
                                       self.view.recent_mentions(self.start, 1), self.type_of,
                                       self.view.recent_mentions(self.start, 2))
            if plural:
                return plural  # "these groups", "both factions", "all three" (see anaphora.py)
        low = tok.lower_
        if low == "we":
            return self._speaking_group(tok, exclude)
        if low in ("he", "she"):
            return self._person_pronoun(tok)
        umbrellas = self.phrase_umbrellas(tok)
        if low == "it" and (tok.dep_ in ("nsubj", "nsubjpass") or exclude):
            pronoun = True
            # "Y, of which it is part", "Y, which includes it": "it" is not the clause's own head
            clause = next((t for t in tok.ancestors if t.dep_ == "relcl"), None)
            if clause is not None and not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("which", "that", "who")
                                              for c in clause.children):  # "X, which says it ...": X
                exclude = exclude | {str(m.entity_id) for m in self.named(clause.head)}
        elif (low in self.anaphor_nouns or low in self.named_anaphor_nouns) and any(
                c.dep_ == "det" and c.lower_ in self.anaphor_dets for c in tok.children) and not any(
                c.dep_ == "poss" or (c.dep_ in ("compound", "nmod", "amod") and self.mention_at(c) is not None
                                     and c.i not in umbrellas)
                or (c.dep_ in ("prep", "acl", "relcl") and c.i > tok.i and not self._set_off(c))
                for c in tok.children):
            pronoun = False
        else:
            return []
        groups = (EntityType.ARMED_GROUP, EntityType.POLITICAL_ORG)
        own = {m.entity_id for m in umbrellas.values()} | exclude  # the phrase's own umbrella, the caller's

        def fits(m: Mention) -> bool:
            """A group other than the phrase's own umbrella; for "the brigade", one so named."""
            if self.type_of(m) not in groups or m.entity_id in own:
                return False
            if low in self.part_nouns and m.entity_id in self.umbrellas:
                return False  # "the faction" is one of an umbrella's parts, never the umbrella
            # "the Hashd unit": the umbrella written before the noun already says what kind of body
            return low not in self.named_anaphor_nouns or bool(own - exclude) or any(
                low in name for name in self.names_of(m))

        if pronoun and tok.head.dep_ in ("advcl", "conj", "ccomp") and tok.head.head.i != tok.head.i:
            # "The NPU receives salaries from the PMF, though it is affiliated with Y": "it" in a
            # clause joined to another is that clause's subject, not the last group named
            subject = [m for c in tok.head.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i
                       for m in self.named(c) if m.end <= tok.idx and fits(m)]
            if subject:
                return subject[:1]
        before = [m for m in self.ms if m.end <= tok.left_edge.idx and fits(m)
                  and not (pronoun and self._qualifies_parts(m))]
        if before:
            return [before[-1]]
        earlier = [m for m in self.view.recent_mentions(self.start, 1) if fits(m)]
        if not earlier and not pronoun:
            # "the group" after a sentence or heading that names no group at all: the group named
            # last within three sentences ("... KH fighters circled the capital. Flags burned. ...
            # the umbrella under which the group operates")
            earlier = [m for m in self.view.recent_mentions(self.start, 3)
                       if fits(m) and m.start < self.start][-1:]
        if not earlier:
            return []
        if not pronoun and len({m.entity_id for m in earlier}) > 1:
            # "X, one of the factions in Y, denied it. The group, ...": the sentence's subject is
            # what it goes on about, before a name in its modifiers
            subject = [m for m in earlier if self._is_main_subject(m)]
            if subject:
                return subject[-1:]
        return [earlier[0] if pronoun else earlier[-1]]

    def _person_pronoun(self, tok: Token) -> list[Mention]:
        """Return the person "he"/"she" opening a sentence stands for: the one person the sentence
        before names, else that sentence's main subject ("The strike killed X. He was a senior
        commander in Y"); nothing inside quotation marks, after a person in its own sentence, or
        when the sentence before names several people and none is its subject."""
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.dep_ != "ROOT" or self._quoted(tok.idx):
            return []
        if any(self.type_of(m) is EntityType.PERSON for m in self.ms if m.end <= tok.idx):
            return []
        earlier = [m for m in self.view.recent_mentions(self.start, 1)
                   if m.start < self.start and self.type_of(m) is EntityType.PERSON]
        if len({m.entity_id for m in earlier}) == 1:
            return earlier[-1:]
        return [m for m in earlier if self._is_main_subject(m)][:1]

    def _quoted(self, pos: int) -> bool:
        """Return True when character ``pos`` of the sentence lies inside quotation marks."""
        before = self.text[self.start:pos]
        return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")

    def _speaking_group(self, tok: Token, exclude: frozenset[str]) -> list[Mention]:
        """Return the group "we" stands for in a quotation: the one group its sentence names
        outside the quotation marks ('"We are part of the PMF," a Kataib Hezbollah spokesman
        said'); nothing when "we" is not quoted or the sentence names several groups."""
        if tok.dep_ not in ("nsubj", "nsubjpass") or not self._quoted(tok.idx):
            return []
        groups = {str(m.entity_id): m for m in self.ms
                  if self.type_of(m) in (EntityType.ARMED_GROUP, EntityType.POLITICAL_ORG)
                  and not self._quoted(m.start) and str(m.entity_id) not in exclude}
        return list(groups.values()) if len(groups) == 1 else []

    def _qualifies_parts(self, m: Mention) -> bool:
        """Return True for an umbrella written before its parts ("one of the smaller PMF groups;
        it ...": the PMF only says what kind of groups, "it" is not the PMF)."""
        head = self.index.head(m)
        if m.entity_id not in self.umbrellas or head is None or head.dep_ not in ("compound", "nmod", "amod"):
            return False
        noun = head.head
        return noun.i > head.i and self.mention_at(noun) is None and (
            noun.lower_ in self.part_nouns or noun.lower_ in self.plural_nouns)

    def _is_main_subject(self, m: Mention) -> bool:
        """Return True when a mention is the subject of its sentence's main verb, or owns it
        ("Asaib Ahl al-Haq's fighters are enrolled in the PMF": its own people stand for it)."""
        head = self.index.head(m)
        if head is None:
            return False
        head = self.nominal(head)
        if head.dep_ == "poss" and head.head.lower_ in self.holder_nouns:
            head = head.head
        if head.dep_ == "appos" and head.head.i != head.i:
            dateline = self.index.mention_at(head.head.i)  # "BAGHDAD - X denied ...": hung on the dateline
            if dateline is None or self.type_of(dateline) not in (EntityType.PLACE, EntityType.COUNTRY):
                return False
            head = head.head
        return head.dep_ in ("nsubj", "nsubjpass") and head.head.dep_ == "ROOT"

    def names_of(self, m: Mention) -> list[str]:
        """Return a mention's text and its entity's names, lower case ("Kataib Hezbollah" is
        also "Hezbollah Brigades")."""
        out = [self.text[m.start:m.end].lower()]
        ent = self.view.ctx.entity(m.entity_id) or kb_get(self.view.ctx.kb, str(m.entity_id))
        if ent is not None:
            out.extend(n.lower() for n in (ent.name, *ent.aliases))
        return out

    def phrase_umbrellas(self, tok: Token) -> dict[int, Mention]:
        """Return the umbrellas written before a part noun, by token: "the PMF faction" -> PMF."""
        if tok.lower_ not in self.part_nouns or not self.umbrellas:
            return {}
        out: dict[int, Mention] = {}
        for c in tok.lefts:
            m = self.mention_at(c) if c.dep_ in ("compound", "nmod", "amod") else None
            if m is not None and self.is_unit_of(m, tok):
                out[c.i] = m
        return out

    @staticmethod
    def _set_off(clause: Token) -> bool:
        """Return True for a relative clause or participle in commas ("the militia, which ...",
        "the faction, formally integrated into Y in 2016, ..."): it describes, where "the group
        that attacked X" or "the group based in Y" picks one out."""
        first = clause.left_edge.i
        return bool(clause.dep_ in ("relcl", "acl") and first > 0 and clause.doc[first - 1].text == ",")

