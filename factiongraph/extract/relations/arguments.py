"""Who a noun phrase is about: one sentence's dependency parse read through its mentions.

The parse-based relation families (``syntax_roles.py``, ``syntax_groups.py``,
``syntax_umbrellas.py``, ``syntax_places.py``) ask three questions of a token, all answered with
the sentence's resolved mentions:

- :meth:`SentenceArgs.named`: the mention a noun phrase is ("the Kataib Hezbollah group" ->
  Kataib Hezbollah; possessors and prepositional phrases are not the phrase's own name);
- :meth:`SentenceArgs.members`: the names listed under it ("militias such as A, B and C",
  "factions, including A and B", "A, B and C" as coordinated heads);
- :meth:`SentenceArgs.described`: the name a descriptive phrase restates: an apposition ("A, an
  Iran-backed militia"), a copula's subject ("A is part of Y"), a relative clause's antecedent
  ("A, which is ..."), "one of the factions" standing for the name it follows.

:meth:`SentenceArgs.referents` puts the three together, with :meth:`SentenceArgs.antecedent`
("the group", "this faction", "it": ``antecedents.py``, on the token look-ups of ``args_core.py``)
as the last resort. spaCy's small model parses long
transliterated names poorly (a list "A, B and C" of multiword names often comes out as loose
fragments), so lists found through the parse are completed by word order: mentions joined by
list separators ("," "and" "or") next to a member are members too.

Appositions set off by commas are also read off the commas (:meth:`SentenceArgs.apposed`): a
long name often derails the parser. The object is built per sentence, over the document's
:class:`DocIndex`, only when the document was parsed and the sentence holds a mention; tokens
are the spaCy doc's own and offsets the document's.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from factiongraph.extract.relations.antecedents import Antecedents
from factiongraph.extract.relations.args_core import INNER
from factiongraph.extract.relations.doc_index import Token
from factiongraph.model import EntityType, Mention

_LIST_GAP = re.compile(r"(?:\s*\([^()]{1,40}\))?\s*(?:,|,?\s*and|,?\s*or|&|,?\s*as\s+well\s+as|,?\s*in\s+addition\s+to|,?\s*along"
                       r"\s+with|,?\s*together\s+with)\s*(?:the\s+)?", re.IGNORECASE)
# Words that introduce the members of a plural noun phrase ("militias such as A", "groups like A").
_LIST_PREPS = frozenset({"including", "like", "as", "among", "namely", "notably", "especially"})
# "one of the factions", "two of the groups": the quantifier stands for the phrase's members.
_QUANTIFIERS = frozenset({"one", "two", "three", "four", "five", "some", "several", "many", "most",
                          "each", "any", "all", "both", "among"})
# "the largest of the factions", "the most powerful of the militias": a superlative picks one member
# out as "one of" does. Words in "-est" that are no superlatives:
_NOT_SUPERLATIVE = frozenset({"interest", "protest", "west", "arrest", "request", "contest", "forest",
                              "harvest", "guest", "quest", "test", "rest", "unrest", "conquest", "inquest",
                              "manifest", "suggest", "invest", "behest"})
_OTHER = frozenset({"other", "fellow"})
# Verbs whose clause is not asserted: "X denied that it had ever been part of Y".
_DENIALS = frozenset({"denied", "denies", "deny", "denying", "rejected", "rejects", "dismissed", "dismisses",
                      "refuted", "refutes", "disputed", "disputes"})
# Between a list's last name and a relative clause on the whole list: "A, B and other militias that".
_LIST_END = re.compile(r"(?:\s*\([^()]{1,40}\))?\s*(?:,?\s*and\s+(?:other|several|many|smaller)\s+[\w-]+"
                       r"(?:\s+[\w-]+)?)?\s*,?\s*")
_LIST_LEAD = re.compile(r"\s*[,\u2014\u2013]\s*(?:most\s+)?(?:in\s+particular|especially|notably|including|such\s+as|"
                        r"like|among\s+them|namely|chiefly|mainly|primarily|principally|particularly)\s+(?:the\s+)?",
                        re.IGNORECASE)
_QUANTITIES = frozenset({"dozens", "dozen", "scores", "number", "handful", "hundreds", "series", "set",
                         "array", "range", "host"}) | _QUANTIFIERS
_FORMING = frozenset({"forms", "form", "formed", "forming", "constitutes", "constitute", "constituted",
                      "became", "become", "becomes"})
_COPULAS = frozenset({"is", "are", "was", "were", "be", "been", "being", "remains", "remain",
                      "remained", "became", "become", "becomes", "'s", "seems", "appears"})
# "X, which experts consider a front for Y": a verb of judging whose object clause is X.
_JUDGING = frozenset({"consider", "considers", "considered", "regard", "regards", "regarded", "deem", "deems",
                      "deemed", "call", "calls", "called", "describe", "describes", "described"})
# "militias known as the PMF", "a group calling itself X": a phrase named by a participle.
_NAMING = frozenset({"known", "called", "named", "dubbed", "labelled", "labeled", "calling"})
# Links that keep a token inside its noun phrase, for reading appositions off the commas.
_NP_LINKS = frozenset({"det", "amod", "compound", "flat", "nmod", "poss", "case", "nummod", "prep",
                       "pobj", "advmod", "npadvmod", "punct", "quantmod", "appos", "acl", "agent",
                       "predet", "cc", "conj"})
# A name followed by an apposition: ", the ...", " (alias), a ...", " — an ...".
_APPOS_AFTER = re.compile(r"(?:\s*\([^()]{0,60}\))?\s*(?:,|\u2014|\u2013|--)\s*")
_APPOS_CLOSE = re.compile(r"\s*(?:\([^()]{0,60}\)\s*)?(?:,|\u2014|\u2013|\.|;|:|$)")


class SentenceArgs(Antecedents):
    """One parsed sentence with its mentions indexed by token: who its noun phrases are about."""

    # -- what a phrase names ----------------------------------------------------------------
    def named(self, tok: Token | None) -> list[Mention]:
        """Return the mention a noun phrase headed by ``tok`` is (at most one).

        The mention covering the head, else a name written inside the phrase as a premodifier
        ("the Kataib Hezbollah group"). Possessors ("Iran's militias") and prepositional
        phrases ("members of X") are not the phrase's name.
        """
        if tok is None:
            return []
        found = self.mention_at(tok)
        if found is not None:
            return [found]
        if tok.lower_ in self.affiliate_nouns:
            return []  # "a KH splinter", "an IRGC proxy": the name before the noun is its owner
        if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children):
            return []  # "a Yazidi militia", "a Kataib Hezbollah unit": one of a kind, not the body named
        alias = self._bracketed_alias(tok)
        if alias is not None:
            return [alias]  # "the Nineveh Plain Guards (NPG), which ...": a name the finder missed
        # "... Hadi al-Amiri and PMF commanders headed by X": the parser hung the name written
        # right before the noun on another word of the phrase; word order still puts it there
        prev = self.doc[tok.i - 1] if tok.i - 1 >= max(self.first, tok.left_edge.i) else None
        if prev is not None and prev.dep_ == "conj" and prev.head.i in {t.i for t in tok.lefts}:
            inner = self.mention_at(prev)
            if inner is not None and self.index.ends[prev.i] == inner.end and not self.is_unit_of(inner, tok) \
                    and self.type_of(inner) not in (EntityType.COUNTRY, EntityType.PERSON):
                return [inner]
        for child in tok.lefts:
            if child.dep_ in ("compound", "flat", "nmod", "amod"):
                inner = self.mention_at(child)
                if inner is not None and self.type_of(inner) is not EntityType.COUNTRY \
                        and not self.is_unit_of(inner, tok):
                    return [inner]
        return []

    def _bracketed_alias(self, tok: Token) -> Mention | None:
        """Return the short form in brackets after a capitalised name no mention covers ("the
        Nineveh Plain Guards (NPG)"): the body the whole name is."""
        if not tok.text[:1].isupper():
            return None
        for child in tok.rights:
            if child.dep_ != "appos" or child.i < 1 or child.i + 1 >= len(self.doc):
                continue
            if self.doc[child.i - 1].text == "(" and self.doc[child.i + 1].text == ")" and child.i - 1 == tok.i + 1:
                return self.mention_at(child)
        return None

    def members(self, tok: Token | None, own_name: bool = True) -> list[Mention]:
        """Return the names listed under a phrase: coordinated heads, "such as" and appositions.

        "A, B and C" (from A), "militias such as A and B", "factions, including A, B and C",
        "three groups: A, B and C". Word order completes what the parse split apart.
        """
        if tok is None:
            return []
        out: list[Mention] = []
        siblings = [c for c in tok.conjuncts if c.i != tok.i]
        # coordinated names ("A, B and C"), or "A and other Iran-backed groups"; the parser often
        # hangs "including ..." on the first of two coordinated phrases, so siblings' lists count
        named_siblings = self.mention_at(tok) is not None or any(
            c.dep_ == "amod" and c.lower_ in _OTHER for c in tok.children)
        siblings = [c for c in siblings if not _excluded(c)]  # "A, but not B"
        for head in [tok, *siblings]:
            if (head is tok and own_name) or (head is not tok and named_siblings):
                out.extend(self.named(head))
            if head.lower_ in _QUANTITIES and self.mention_at(head) is None:
                for child in head.children:  # "dozens of factions, including A"
                    if child.dep_ == "prep" and child.lower_ == "of":
                        # "one of the PMF factions": the umbrella before the part noun is none of them
                        out.extend(m for p in child.children if p.dep_ == "pobj" for m in self.members(p)
                                   if not (m.entity_id in self.umbrellas and p.lower_ in self.part_nouns
                                           and self.mention_at(p) is None))
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in _LIST_PREPS:
                    out.extend(self._pobj_names(child) or self.name_after(child))
                elif child.dep_ == "appos" and self.mention_at(child) is not None:
                    out.extend(self.named(child))
                    for c in child.conjuncts:
                        out.extend(self.named(c))
                elif child.dep_ == "relcl" and child.lower_ in self.include_verbs:
                    for obj in child.children:  # "militias, which include A, B and C"
                        if obj.dep_ in ("dobj", "attr"):
                            out.extend(self.members(obj))
        if not out and tok.i + 1 <= self.last:
            # ", in particular A" / ", including A" hung on the verb: read after the phrase
            edge = tok.right_edge
            # the parser may hang the comma itself on the phrase: read from the comma then
            lead = _LIST_LEAD.match(self.text, edge.idx if edge.text == "," else edge.idx + len(edge.text), self.end)
            if lead is not None and self.mention_at(tok) is None:
                nxt = self._token_at(lead.end())
                out.extend(self.name_after(self.doc[nxt.i - 1]) if nxt is not None else [])
        return self.complete_list(_unique(out))

    def name_after(self, tok: Token) -> list[Mention]:
        """Return the name written right after ``tok`` ("the"/quotes skipped), by word order.

        For phrases the parser left unattached: "militia Harakat al-Nujaba", "such as A".
        """
        doc = self.doc
        i = tok.i + 1
        while i <= self.last and doc[i].lower_ in ("the", '"', "\u201c", "'"):
            i += 1
        if i > self.last:
            return []
        m = self.mention_at(doc[i])
        if m is None or m.start != doc[i].idx:
            return []
        return [m]

    def _pobj_names(self, prep: Token) -> list[Mention]:
        """Return the names under a preposition: its object and the object's conjuncts."""
        out: list[Mention] = []
        for pobj in prep.children:
            if pobj.dep_ in ("pobj", "dobj", "appos"):
                out.extend(self.named(pobj))
                for c in pobj.conjuncts:
                    out.extend(self.named(c))
        return out

    def complete_list(self, found: list[Mention], forward: bool = True) -> list[Mention]:
        """Add the mentions a written list joins to ``found`` ("A, B and C": from A, B and C).

        ``forward`` False: only the names listed before (the list ends at ``found``).
        """
        if not found:
            return found
        kinds = {self.type_of(m) for m in found}
        out = list(found)
        ordered = self.ms
        for m in found:
            idx = next((i for i, x in enumerate(ordered) if x.start == m.start), None)
            if idx is None:
                continue
            j = idx + 1  # forward
            prev = m
            while forward and j < len(ordered) and _LIST_GAP.fullmatch(self.text, prev.end, ordered[j].start) \
                    and self.type_of(ordered[j]) in kinds:
                out.append(ordered[j])
                prev = ordered[j]
                j += 1
            j = idx - 1  # backward, only across a comma list that reaches this member
            nxt = m
            while j >= 0 and _LIST_GAP.fullmatch(self.text, ordered[j].end, nxt.start) \
                    and self.type_of(ordered[j]) in kinds and not self._is_possessor(ordered[j]):
                out.append(ordered[j])
                nxt = ordered[j]
                j -= 1
        return sorted(_unique(out), key=lambda x: x.start)

    def _set_off_subject(self, prep: Token, verb: Token) -> list[Mention]:
        """Return the subject a phrase set off by commas right after it describes, when the parser
        hung the phrase on the verb ("A, among the PMF factions, denied it")."""
        doc = prep.doc
        if prep.i < 2 or doc[prep.i - 1].text != "," or prep.head.i != verb.i:
            return []
        subjects = [m for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < prep.i
                    for m in self.named(c)]
        return [m for m in subjects if m.end == doc[prep.i - 2].idx + len(doc[prep.i - 2].text)]

    def _comma_subject(self, verb: Token) -> list[Mention]:
        """Return the name a judging participle set off by a comma right after it describes, when
        the parser made the name the participle's subject ("X, considered a PMF faction, ...")."""
        doc = verb.doc
        if verb.i < 2 or doc[verb.i - 1].text != "," or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
            return []
        subjects = [m for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i for m in self.named(c)]
        return [m for m in subjects if m.end == doc[verb.i - 2].idx + len(doc[verb.i - 2].text)]

    def _is_possessor(self, m: Mention) -> bool:
        """Return True for a mention followed by a possessive marker ("Iran's")."""
        return bool(re.match(r"\s*['\u2019]s?\s", self.text[m.end:m.end + 4]))

    def described(self, tok: Token | None, depth: int = 0) -> list[Mention]:
        """Return the names a descriptive phrase headed by ``tok`` restates.

        "A, an Iran-backed militia" (apposition, either way round), "A is part of Y" (a copula's
        subject, through relative clauses: "A, which is part of Y"), "A, one of the factions"
        ("one of" stands for the phrase), "A served as the head of Y".
        """
        if tok is None or depth > 3:
            return []
        out: list[Mention] = []
        dep = tok.dep_
        written = self.apposed().get(tok.i)
        if written is not None:
            name, after_name = written
            # "A and B, both part of Y": the list ends at the phrase; "the head of Y, A, and B":
            # B is not the head; "two factions of Y, A and B, ...": a list closed by the comma
            if after_name:
                return self.complete_list([name], forward=False)
            if _APPOS_CLOSE.match(self.text, name.end, self.end):
                return [name]  # the name closes the phrase itself
            return self.closed_list(name) or [name]
        if dep == "pobj" and tok.head.lower_ == "of" and self.picks_one(tok.head.head):
            found = self.described(tok.head.head, depth + 1)
            return found or (self.restated_antecedent(tok) if depth == 0 else [])
        if dep == "pobj" and tok.head.lower_ == "among":
            # "A is among the factions of Y", "A, among the factions of Y"
            holder = tok.head.head
            if holder.lower_ in _COPULAS:
                return self._subject_names(holder)
            return self.named(holder) or self._set_off_subject(tok.head, holder)
        if dep == "appos" and _apposed_far(tok):
            return []  # "the army released the names of two soldiers ..., both members of X": misparsed
        if dep == "appos":
            head = tok.head
            out.extend(self.named(head) or self.described(head, depth + 1))
        elif dep in ("attr", "acomp", "oprd") and tok.head.lower_ in _COPULAS:
            out.extend(self._subject_names(tok.head))
        elif dep == "nsubj" and tok.head.lower_ in _COPULAS:  # "Y's leader is A": the title is the subject
            out.extend(m for c in tok.head.children if c.dep_ == "attr" for m in self.named(c))
        elif dep == "dobj" and tok.head.lower_ in _FORMING:  # "X forms part of Y", "X became a member of Y"
            out.extend(self._subject_names(tok.head))
        elif dep in ("dobj", "oprd") and self._judged_relative(tok.head):
            out.extend(self.named(tok.head.head))  # "X, which experts consider a front for Y"
        elif dep in ("dobj", "oprd") and tok.head.lower_ in _JUDGING and tok.head.lower_.endswith("ed") \
                and self._comma_subject(tok.head):
            out.extend(self._comma_subject(tok.head))  # "X, considered a PMF faction, ...": a participle
        elif dep == "oprd":  # "A was appointed chief of Y", "Y named A its head"
            out.extend(self._object_names(tok.head) or self._subject_names(tok.head))
        elif dep == "pobj" and tok.head.lower_ == "as" and tok.head.head is not tok.head:
            verb = tok.head.head  # "A served as ...", "A, seen as Y's political front", "Y appointed A as"
            if self._judged_relative(verb):  # "X, which analysts regard as a splinter of Y"
                out.extend(self.named(verb.head))
            elif verb.lower_ not in _NAMING:
                out.extend(self.named(verb.head) if verb.dep_ == "acl" else
                           self._object_names(verb) or self._subject_names(verb))
        elif dep == "conj" and tok.head.i != tok.i:
            out.extend(self.described(tok.head, depth + 1))
        for child in tok.children:  # "the commander of X, Qassim Musleh"
            if child.dep_ == "appos":
                out.extend(self.named(child))
        kept = [m for m in out if self.inside_sentence(m)]
        if not kept and depth == 0:
            return self.restated_antecedent(tok)
        return self.complete_list(_unique(kept))

    def restated_antecedent(self, tok: Token) -> list[Mention]:
        """Return the group an anaphor that a description restates stands for.

        "The group is part of Y", "The militia, which is part of Y", "The Iran-backed group, part
        of Y", "It is one of the factions in Y": the group named before (see :meth:`antecedent`).
        """
        head: Token | None = None
        if tok.dep_ in ("attr", "acomp", "oprd") and tok.head.lower_ in _COPULAS:
            head = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if head is not None and head.lower_ in ("which", "who", "that") and tok.head.dep_ == "relcl":
                head = tok.head.head
        elif tok.dep_ == "appos":
            head = tok.head
        elif tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.head is not tok.head:
            head = next((c for c in tok.head.head.children if c.dep_ == "nsubj"), None)  # "The group
            # operates as part of Y"
        elif tok.dep_ == "pobj" and tok.head.lower_ == "of" and self.picks_one(tok.head.head):
            return self.restated_antecedent(tok.head.head)  # "It is one of the factions in Y"
        return self.antecedent(head) or self.possessor(head) if head is not None else []

    def possessor(self, tok: Token) -> list[Mention]:
        """Return the group whose own people or units a phrase names: "Kataib Hezbollah's
        fighters", "X, whose units ..." (the fact is the group's)."""
        if tok.lower_ not in self.holder_nouns:
            return []
        for child in tok.children:
            if child.dep_ != "poss":
                continue
            if child.lower_ == "whose" and tok.head.dep_ == "relcl":
                return self.named(tok.head.head)
            found = self.complete_list(self.named(child)) or self.antecedent(child)  # "the group's fighters"
            return [m for m in found if self.type_of(m) in (EntityType.ARMED_GROUP, EntityType.POLITICAL_ORG)]
        return []

    @staticmethod
    def negated(tok: Token) -> bool:
        """Return True when a predicate word or a description's copula is negated ("is not part of")
        or denied ("X denied that it had ever been part of Y")."""
        t = tok
        for _ in range(4):
            if any(c.dep_ == "neg" for c in t.children):
                return True
            if t.dep_ in ("attr", "acomp", "oprd", "xcomp", "prep", "pobj") and t.head.i != t.i:
                t = t.head
                continue
            break
        return SentenceArgs.denied(tok)

    @staticmethod
    def denied(tok: Token) -> bool:
        """Return True when ``tok`` stands in the clause a verb of denial governs."""
        t = tok
        for _ in range(8):
            if t.head.i == t.i:
                return False
            if t.dep_ in ("ccomp", "dobj") and t.head.lower_ in _DENIALS:
                return True  # "X denied that it had joined Y", "X denied its ties to Y"
            t = t.head
        return False

    @staticmethod
    def picks_one(tok: Token) -> bool:
        """Return True for a word that stands for members of the phrase after "of": "one of the
        factions", "several of the groups", "the largest of the PMF factions"."""
        low = tok.lower_
        if low in _QUANTIFIERS:
            return True
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return False
        return (low.endswith("est") and len(low) > 4 and low not in _NOT_SUPERLATIVE) or any(
            c.dep_ in ("advmod", "amod") and c.lower_ in ("most", "least") for c in tok.children)

    def description_rule(self, tok: Token) -> str:
        """Return the producer of a fact read from a descriptive phrase: a copula ("X is a
        faction within Y", "X served as ...") or an apposition ("X, a faction within Y")."""
        t = tok
        if t.dep_ == "pobj" and t.head.lower_ == "of" and self.picks_one(t.head.head):
            t = t.head.head
        if (t.dep_ in ("attr", "acomp") and t.head.lower_ in _COPULAS) or t.dep_ == "oprd" or (
                t.dep_ == "pobj" and t.head.lower_ == "as"):
            return "rel-syn-copula"
        if t.dep_ == "dobj" and t.head.lower_ in _FORMING:
            return "rel-syn-clause"  # "X forms part of Y"
        return "rel-syn-apposition"

    def apposed(self) -> dict[int, tuple[Mention, bool]]:
        """Return the appositions set off by commas in word order: phrase head -> its name.

        "A (B), the military wing affiliated with C," and "the commander of X of Y (Y), A,":
        the parser often attaches such phrases elsewhere (a long transliterated name confuses
        it), so the phrase is read from the commas: its head is the highest token reached from
        its edge through noun-phrase links only.
        """
        if self._apposed is not None:
            return self._apposed
        found: dict[int, tuple[Mention, bool]] = {}
        text = self.text
        for m in self.ms:
            after = _APPOS_AFTER.match(text, m.end, self.end)
            if after is not None:
                tok = self._token_at(after.end())
                if tok is not None and tok.lower_ in ("which", "who", "whom", "whose", "that"):
                    tok = None  # "the PMF, which Kataib Hezbollah is part of": a clause, no apposition
                head = self._phrase_head(tok, forward=True) if tok is not None else None
                if head is not None and self.mention_at(head) is None:
                    found.setdefault(head.i, (self._qualified_owner(m, head) or m, True))
            before = self.appos_before.search(text[max(self.start, m.start - 40):m.start])
            if before is not None and (_APPOS_CLOSE.match(text, m.end, self.end) or self.closed_list(m)):
                tok = self._token_before(m.start - len(before.group()))
                # "the former governor of the province of Nineveh, A": every noun on the way up
                # from the comma may be the one A is (the parse cannot tell where the phrase began)
                for noun in (self._phrase_path(tok) if tok is not None else []):
                    if self.mention_at(noun) is None:
                        found.setdefault(noun.i, (m, False))
        self._apposed = found
        return found

    def closed_list(self, m: Mention) -> list[Mention]:
        """Return the list of two names or more that ``m`` opens when the list is closed like an
        apposition ("two factions of Y, A and B, refused": A, B), else nothing."""
        listed = [x for x in self.complete_list([m]) if x.start >= m.start]
        if len(listed) < 2 or not _APPOS_CLOSE.match(self.text, listed[-1].end, self.end):
            return []
        return listed

    def _qualified_owner(self, m: Mention, phrase: Token) -> Mention | None:
        """Return the name a phrase after "A in B," restates when the parse hangs it on A: "the
        Tribal Mobilization Forces in Anbar, part of the PMF" (B only qualifies A)."""
        owner = self.mention_at(phrase.head) if phrase.dep_ == "appos" else None
        inner = self.head(m)
        if owner is None or owner == m or inner is None or inner.dep_ != "pobj":
            return None
        prep = inner.head
        return owner if prep.dep_ == "prep" and prep.head.i == phrase.head.i else None

    def _token_at(self, pos: int) -> Token | None:
        """Return the sentence token starting at character ``pos``."""
        i = bisect_left(self.index.starts, pos)
        if self.first <= i <= self.last and self.index.starts[i] == pos:
            return self.doc[i]
        return None

    def _token_before(self, pos: int) -> Token | None:
        """Return the last word token ending at or before ``pos`` (closing brackets skipped)."""
        i = bisect_right(self.index.starts, pos) - 1
        while i >= self.first:
            if self.index.ends[i] <= pos and self.lows[i] not in (")", "]", '"', "\u201d", "'"):
                return self.doc[i]
            i -= 1
        return None

    def _phrase_path(self, tok: Token) -> list[Token]:
        """Return the nouns from the last token of a phrase up to its head (backwards)."""
        out: list[Token] = []
        t = tok
        for _ in range(10):
            if t.dep_ not in ("prep", "det", "punct", "case", "cc", "amod", "advmod"):
                out.append(t)
            if t.dep_ not in _NP_LINKS or t.head.i == t.i or not self.inside(t.head) or t.head.i > tok.i:
                break
            t = t.head
        return out

    def _phrase_head(self, tok: Token, forward: bool) -> Token | None:
        """Return the head of the noun phrase ``tok`` starts (``forward``) or ends."""
        t = tok
        for _ in range(10):
            if t.dep_ not in _NP_LINKS or t.head.i == t.i or not self.inside(t.head):
                break
            if forward and t.head.i < tok.i:
                break
            if not forward and t.head.i > tok.i:
                break
            t = t.head
        return t

    @staticmethod
    def _judged_relative(verb: Token) -> bool:
        """Return True for a relative clause whose verb of judging has the relative pronoun as
        its object and a subject of its own: "X, which experts consider ...", "X, which analysts
        regard as ..." (the judgement is about X)."""
        return verb.lower_ in _JUDGING and verb.dep_ == "relcl" and any(
            c.lower_ in ("which", "that", "whom") and c.i < verb.i for c in verb.children) and any(
            c.dep_ == "nsubj" and c.lower_ not in ("which", "that", "who") for c in verb.children)

    def _fronted_participle(self, v: Token) -> bool:
        """Return True for a participle opening its sentence (or a part set off by a dash or
        colon) as an adverbial clause of the verb after it, with no subject, subordinator or
        auxiliary of its own: "Led by X, Y has fought in Syria" ("When led by ..." is not)."""
        if v.dep_ != "advcl" or v.head.i <= v.i or v.left_edge.i != v.i or not v.lower_.endswith(("ed", "en")):
            return False
        if any(c.dep_ in ("mark", "nsubj", "nsubjpass", "aux", "auxpass", "csubj") for c in v.children):
            return False
        before = v.i - 1
        return before < self.first or self.doc[before].text in ("\u2014", "\u2013", "-", "--", ":", '"', "\u201c")

    def _apposed_subject(self, subj: Token) -> list[Mention]:
        """Return the name an indefinite subject set off after it restates when the parser made
        the apposition a clause of its own ("... claimed by X, a group believed to be a front for
        Y": "a group" the subject of "believed")."""
        written = self.apposed().get(subj.i)
        if written is None or not written[1] or not any(
                c.dep_ == "det" and c.lower_ in ("a", "an") for c in subj.children):
            return []
        return [written[0]]

    def _object_names(self, verb: Token) -> list[Mention]:
        """Return the names of a verb's direct objects ("appointed A as ..." -> A)."""
        return [m for c in verb.children if c.dep_ == "dobj" for m in self.named(c)]

    def _subject_names(self, verb: Token) -> list[Mention]:
        """Return the names of a verb's subjects, through relative clauses and lists."""
        out: list[Mention] = []
        v = verb
        for _ in range(4):
            subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj:
                for s in subj:
                    # "A, B and C, all of which enjoy ties with Y": the pronoun a quantifier picks from
                    s = next((p for c in s.children if s.lower_ in ("all", "both", "each") and c.dep_ == "prep"
                              and c.lower_ == "of" for p in c.children
                              if p.dep_ == "pobj" and p.lower_ in ("which", "whom")), s)
                    if s.lower_ in ("which", "who", "that") and v.dep_ == "relcl" and self.part_clause(v, s):
                        # "A, a faction of the PMF that is aligned with Iran", "A is one of the PMF
                        # factions that are aligned with Iran": the clause is said of the parts
                        noun = self.part_clause(v, s)
                        out.extend(m for m in self.members(noun, own_name=False) + self.described(noun, 1)
                                   if m.entity_id not in self.umbrellas)
                    elif s.lower_ in ("which", "who", "that") and v.dep_ == "relcl" and self._owner_of_people(v):
                        # "two members of the brigade, which belongs to Y": a singular verb hung on
                        # the plural people is said of the body they belong to
                        owner = self._owner_of_people(v)
                        out.extend(self.named(owner) or self.antecedent(owner) if owner is not None else [])
                    elif s.lower_ == "who" and v.dep_ == "relcl" and self._person_described(v.head):
                        # "X, a former Sadrist who now leads Y": "who" is the person the noun describes
                        out.extend(self._person_described(v.head))
                    elif s.lower_ in ("which", "who", "that") and v.dep_ == "relcl":
                        # "A and B, which are backed by Iran": the list before the clause
                        out.extend(self.clause_list(v) or self.described(v.head, 1) or self.antecedent(v.head))
                    elif s.lower_ in ("which", "who", "that") and v.dep_ == "ccomp" and v.head.dep_ == "relcl" \
                            and s.i < v.head.i:
                        # "groups that experts believe are fronts for Y": the phrase the outer clause hangs on
                        holder = v.head.head
                        out.extend(self.members(holder) or self.described(holder, 1) or self.antecedent(holder))
                    else:
                        out.extend(self.members(self.nominal(s)) or self.named(s) or self.named_as(s)
                                   or self.antecedent(s) or self.possessor(s) or self._apposed_subject(s))
                return out
            if v.dep_ == "relcl":
                if any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
                    # "X was one of the first groups to join Y": the phrase the infinitive picks out
                    return self.named(v.head) or self.described(v.head, 1)
                return self.named(v.head)
            if v.dep_ == "acl" and v.i != verb.i and v.head.i != v.i:
                # "X, a group believed to be a front for Y": a raised participle's phrase
                return self.named(v.head) or self.described(v.head, 1)
            if v.dep_ in ("conj", "xcomp", "ccomp", "acomp") and v.head.i != v.i:
                v = v.head  # "A was armed and financed by B": through the coordination and copula
                continue
            if v.dep_ == "advcl" and v.head.i != v.i and any(c.dep_ == "mark" and c.lower_ == "as"
                                                             for c in v.children):
                v = v.head  # "A is widely seen as affiliated with B"
                continue
            if self._fronted_participle(v):
                v = v.head  # "Founded by X in 2003, Y is ...": said of the clause's subject
                continue
            break
        return out

    def _person_described(self, noun: Token) -> list[Mention]:
        """Return the person a name-bearing apposition describes when "who" hangs on it ("X, a
        former Sadrist who ...": the parser took the party's name for the clause's head)."""
        m = self.mention_at(noun)
        if m is None or self.type_of(m) is EntityType.PERSON or noun.dep_ != "appos":
            return []
        person = self.mention_at(noun.head)
        return [person] if person is not None and self.type_of(person) is EntityType.PERSON else []

    def _owner_of_people(self, clause: Token) -> Token | None:
        """Return the singular body a relative clause with a singular verb is about when the parser
        hung it on the plural people "of" it ("members of the brigade, which belongs to Y")."""
        people = clause.head
        if people.lower_ not in self.holder_nouns or not _singular_verb(clause):
            return None
        for prep in people.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and not pobj.lower_.endswith("s") and pobj.i < clause.i:
                        return pobj
        return None

    def part_clause(self, clause: Token, pronoun: Token) -> Token | None:
        """Return the part noun a relative clause is said of when it follows an umbrella's parts:
        "a faction of the PMF that ..." (restrictive: "that", or no comma), "the PMF factions
        that ..." (the factions, never the umbrella written before them)."""
        noun = clause.head
        if self.mention_at(noun) is not None:
            if noun.dep_ != "pobj" or noun.head.lower_ != "of" or (pronoun.lower_ != "that" and self._set_off(clause)):
                return None
            noun = noun.head.head  # "a faction of the PMF that ..."
            if noun.lower_ not in self.part_nouns or self.mention_at(noun) is not None:
                return None
            return noun
        if noun.lower_ in self.part_nouns and any(
                c.dep_ in ("compound", "nmod", "amod") and (m := self.mention_at(c)) is not None
                and m.entity_id in self.umbrellas for c in noun.lefts):
            return noun  # "the PMF factions that ..."
        return None

    def clause_list(self, clause: Token) -> list[Mention]:
        """Return the names a relative clause describes: the name it hangs on and the list that
        name ends ("A and B, which are backed by Iran"), or opens when the parser hung the clause
        on a list's first name ("A, B and other militias that make up Y": the names before it)."""
        named = self.named(clause.head)
        if not named:
            return []
        if _singular_verb(clause):
            return named  # "A, and B, who leads Y": the clause is B's alone
        found = self.complete_list(named, forward=False)
        edge = clause.left_edge.idx
        listed = [m for m in self.complete_list(named) if m.end <= edge]
        if len(listed) > 1 and _LIST_END.fullmatch(self.text, listed[-1].end, edge):
            found = listed  # the clause follows the list's last name (or "and other militias")
        return found

    def referents(self, tok: Token | None) -> list[Mention]:
        """Return who a noun phrase is about: its name, the names listed under it, or the name
        it restates (in that order of preference)."""
        if tok is None:
            return []
        found = self.members(tok)
        if not found:
            found = self.named_as(tok)
        if not found:
            found = self.described(tok)
        if not found and self.mention_at(tok) is None:
            found = self.complete_list(self.name_after(tok))  # "the militia Harakat al-Nujaba"
        if not found:
            found = self.kindred(tok)
        if not found:
            found = self.antecedent(tok)
        return found

    def kindred(self, tok: Token) -> list[Mention]:
        """Return the names a phrase of "other" ones counts in: "Like other Iran-backed groups, X
        vowed revenge", "X, along with other PMF factions, denied it", "X, alongside other factions of
        Y, ..." (X is one of a kind)."""
        if not any(c.dep_ == "amod" and c.lower_ in _OTHER for c in tok.children) or tok.dep_ != "pobj":
            return []
        prep = tok.head
        if prep.lower_ == "with" and prep.head.lower_ in ("along", "together") and prep.head.i != prep.i:
            prep = prep.head
        elif prep.lower_ not in ("like", "alongside"):
            return []
        holder = prep.head
        if holder.i == prep.i or not self.inside(holder):
            return []
        found = self.named(holder)
        if not found and holder.pos_ in ("VERB", "AUX", ""):
            found = [m for c in holder.children if c.dep_ in ("nsubj", "nsubjpass") for m in
                     self.members(c) or self.named(c)]
        return self.complete_list(found)

    def named_as(self, tok: Token) -> list[Mention]:
        """Return the name given to a phrase by "known as X", "called X" ("the militias known
        collectively as the PMF"). In "a coalition of Iran-backed militias known as Y" the name is
        the coalition's (the parser hangs it on the militias)."""
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in self.collective_nouns:
            return []
        if tok.lower_ in self.collective_nouns:
            for of in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
                for pobj in (p for p in of.children if p.dep_ == "pobj"):
                    found = self._given_name(pobj)
                    if found:
                        return found
        return self._given_name(tok)

    def _given_name(self, tok: Token) -> list[Mention]:
        """Return the name a naming participle on ``tok`` gives ("known as X", "called X")."""
        for child in tok.children:
            if child.dep_ in ("acl", "relcl") and child.lower_ in _NAMING:
                for grand in child.children:
                    if grand.dep_ == "prep" and grand.lower_ == "as":
                        return self._pobj_names(grand)
                    if grand.dep_ in ("oprd", "dobj", "attr"):
                        return self.named(grand)
        return []

    def _participle_list(self, part: Token) -> list[Mention]:
        """Return the names listed after a participle on an unnamed plural noun when the parser
        hung the list on the participle or on the name it governs: "Factions affiliated with the
        PMF, including A, ..." and "Groups aligned with X, such as A, ..." (a name has no
        instances to list, so the list is the groups')."""
        noun = part.head
        if self.mention_at(noun) is not None or noun.lower_ not in self.plural_nouns:
            return []
        holders = [part] + [p for c in part.children if c.dep_ == "prep" for p in c.children
                            if p.dep_ == "pobj" and self.mention_at(p) is not None]
        out: list[Mention] = []
        for holder in holders:
            for c in holder.children:
                if c.dep_ == "prep" and c.lower_ in _LIST_PREPS and c.i > part.i and (c.lower_ != "as" or any(
                        a.lower_ == "such" for a in c.children)) and self.text[max(self.start, c.left_edge.idx - 4):c.left_edge.idx].rstrip().endswith(","):
                    out.extend(self._pobj_names(c))
        return self.complete_list(_unique(out))

    def subjects(self, verb: Token) -> list[Mention]:
        """Return the names a verb (or participle) is said of.

        A participle's or relative clause's antecedent ("A, backed by Iran", "A, which falls
        under Y"), else the clause's subject (with a list: "A and B are backed by Iran").
        """
        raised = verb
        while raised.dep_ == "xcomp" and raised.head.i != raised.i and raised.head.dep_ in ("acl", "xcomp"):
            raised = raised.head  # "a group believed to be linked to Y": the phrase the participle hangs on
        if raised.dep_ == "acl":
            if self.mention_at(raised.head) is not None and self._set_off(raised):
                # "A (AAH), led by X, and B (KH), led by Y": a participle set off after a name is
                # said of it and the list it ends, not of names joined after it
                return self.clause_list(raised)
            return self._participle_list(raised) or self.referents(raised.head)
        if verb.dep_ in ("amod",):
            return self.referents(verb.head)
        if verb.dep_ == "pobj" and verb.head.lower_ in ("among", "of") and verb.head.head.i != verb.head.i \
                and any(c.lower_ in ("the", "most") for c in verb.children):
            # "X is among the most loyal to Y", "X, one of the closest to Y": a superlative with no noun
            holder = verb.head.head
            if verb.head.lower_ == "among" and holder.pos_ in ("VERB", "AUX", ""):
                return self._subject_names(holder) if self.mention_at(holder) is None else []
            if holder.lower_ in _QUANTIFIERS and self.mention_at(holder) is None:
                return self.described(holder, 1) or (
                    self._subject_names(holder.head) if holder.dep_ in ("attr", "oprd") else [])
            return []
        if verb.dep_ in ("acomp", "attr", "oprd") and verb.head.i != verb.i:
            return self._subject_names(verb.head)  # "A, which is loyal to Y"
        return self._subject_names(verb)

    def inside_sentence(self, m: Mention) -> bool:
        """Return True when a mention lies in this sentence."""
        return self.start <= m.start and m.end <= self.end

    def span_of(self, *parts: Mention | Token | None) -> tuple[int, int]:
        """Return the character span covering mentions and tokens, clipped to the sentence."""
        starts: list[int] = []
        ends: list[int] = []
        for p in parts:
            if p is None:
                continue
            if isinstance(p, Mention):
                starts.append(p.start)
                ends.append(p.end)
            else:
                starts.append(p.idx)
                ends.append(p.idx + len(p.text))
        if not starts:
            return self.start, self.end
        return max(self.start, min(starts)), min(self.end, max(ends))


def _singular_verb(verb: Token) -> bool:
    """Return True when a clause's verb is written in the third person singular ("who leads",
    "which is", "which has been"): the model has no tagger, so the form is read off the word."""
    words = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")] + [verb.lower_]
    first = words[0]
    if first in ("is", "was", "has", "does"):
        return True
    return first.endswith("s") and not first.endswith("ss") and len(first) > 3 and first == verb.lower_


def _excluded(conj: Token) -> bool:
    """Return True for a coordinated phrase set apart by "not" ("A, but not B", "A and not B")."""
    first = conj.left_edge.i
    return any(conj.doc[i].lower_ in ("not", "except") for i in range(max(0, first - 2), first)) or any(
        c.dep_ in ("neg", "preconj") and c.lower_ == "not" for c in conj.children)


def _apposed_far(appos: Token) -> bool:
    """Return True when an apposition stands far from the phrase it restates (more than a comma
    and a few words after it): the parser's attachment, not the writer's."""
    head = appos.head
    last = max((t.i for c in head.children if c.i != appos.i and c.i < appos.i for t in c.subtree),
               default=head.i)
    last = max(last, head.i)
    return bool(appos.left_edge.i - last > 3)


def _unique(ms: Iterable[Mention]) -> list[Mention]:
    """Return mentions without repeats (by start), first occurrence kept."""
    seen: set[int] = set()
    out: list[Mention] = []
    for m in ms:
        if m.start not in seen:
            seen.add(m.start)
            out.append(m)
    return out
