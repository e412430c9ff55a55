"""The dependency parse of a document, read through its mentions: who did what to whom.

Built once per document (:meth:`Syntax.of`) from the spaCy ``Doc`` the nlp stage parsed and the
document's resolved content mentions. Every question is asked of a token (a trigger, a verb of
saying, a relation cue) and answered with tokens or mentions:

- **arguments**: :meth:`subjects` (through auxiliaries, coordinated verbs, ``xcomp`` chains and
  relative clauses: "the militia, which fired ..." has the militia as subject), :meth:`agents`
  (the ``by`` phrase of a passive), :meth:`objects`, :meth:`prep_objects` ("on X", "in Y");
- **mentions**: :meth:`mention_at` (the mention covering a token), :meth:`mentions_in` (those in
  a token's subtree), :meth:`phrase_mentions` (the mention a noun phrase names, or those of its
  compounds, possessives, appositions and conjuncts);
- **clause facts**: :meth:`is_passive`, :meth:`is_negated`, :meth:`modal_of`, :meth:`clause_verb`.

Offsets stay the document's: tokens are the parsed doc's own, mentions carry character offsets.
When the document was not parsed (setting ``parse`` off) :attr:`available` is False and every
question returns nothing, so callers fall back to word order.

spaCy's English labels (ClearNLP style) are assumed: ``nsubj``, ``nsubjpass``, ``dobj``, ``pobj``,
``agent``, ``prep``, ``appos``, ``compound``, ``poss``, ``conj``, ``relcl``, ``acl``, ``advcl``,
``xcomp``, ``ccomp``, ``neg``, ``aux``, ``auxpass``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from factiongraph.extract.view.dateline import dateline_end_in_line
from factiongraph.model import Mention

Token = Any  # a spaCy Token (spaCy objects are typed Any outside nlp/)

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "oprd", "dative"})
# Dependents that carry a noun phrase's identity: "Iran's IRGC", "IRGC commander X", "X, the leader".
NP_LINKS = frozenset({"compound", "poss", "appos", "nmod", "flat", "amod", "nummod"})
MODALS = frozenset({"will", "would", "could", "should", "may", "might", "must", "shall", "can", "'ll"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})


class Syntax:
    """The parse of one document with its content mentions indexed by token."""

    def __init__(self, doc: Any, mentions: Sequence[Mention], text: str | None = None) -> None:
        self.doc = doc
        self.available = doc is not None and bool(doc.has_annotation("DEP"))
        self._by_token: dict[int, Mention] = {}
        self._text: str | None = text
        self._datelines: dict[int, int] = {}  # sentence start -> where its dateline ends (-1: none)
        if doc is None:
            return
        for m in mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            for i in range(span.start, span.end):
                known = self._by_token.get(i)
                if known is None or (known.end - known.start) < (m.end - m.start):
                    self._by_token[i] = m

    @classmethod
    def of(cls, doc: Any, mentions: Sequence[Mention], text: str | None = None) -> Syntax:
        """Return the syntax view of a parsed doc (``doc`` may be None: nothing is available).

        ``text``, when the caller has it, is ``doc.text`` (spaCy's text is lossless), so the view
        need not join the doc's tokens again.
        """
        return cls(doc, mentions, text)

    def text(self) -> str:
        """Return the parsed doc's text, joined once (``Doc.text`` re-joins every token per call)."""
        if self._text is None:
            self._text = str(self.doc.text) if self.doc is not None else ""
        return self._text

    # -- mentions ---------------------------------------------------------------------------
    def mention_at(self, token: Token) -> Mention | None:
        """Return the (longest) mention covering ``token``, if any."""
        return self._by_token.get(token.i)

    def is_subject(self, m: Mention) -> bool:
        """Return True when mention ``m`` is (in) the subject of its clause: "X said", "X's
        fighters attacked", "X and Y denied", "Y, X's armed wing, said" (not inside a preposition's
        or relative clause's phrase)."""
        if not self.available:
            return False
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return False
        t = span.root
        for _ in range(6):
            if t.dep_ in ("nsubj", "nsubjpass"):
                return True
            if t.dep_ not in ("compound", "appos", "conj", "poss", "amod", "nmod") or t.head.i == t.i:
                return False
            t = t.head
        return False

    def mentions_in(self, token: Token) -> list[Mention]:
        """Return the distinct mentions inside ``token``'s subtree, in text order."""
        seen: dict[int, Mention] = {}
        for t in token.subtree:
            m = self._by_token.get(t.i)
            if m is not None:
                seen.setdefault(m.start, m)
        return [seen[k] for k in sorted(seen)]

    def phrase_mentions(self, token: Token, *, appositions: bool = True, conjuncts: bool = True) -> list[Mention]:
        """Return the mentions a noun phrase headed by ``token`` names.

        The mention covering the head itself when there is one ("the Kataib Hezbollah militia"
        -> Kataib Hezbollah, "Iran-backed Kataib Hezbollah" -> Kataib Hezbollah); else the
        mentions of its compounds and possessives ("IRGC commanders" -> IRGC, "the group's
        fighters" -> the group's mention if any); plus, when asked, appositions ("X, the
        leader of Y" -> X only: the apposition restates X) and coordinated heads ("X and Y").
        Mentions inside prepositional phrases ("members of X") are not the phrase's own.
        """
        if not self.available or token is None:
            return []
        heads = [token, *(self.conjuncts(token) if conjuncts else [])]
        out: list[Mention] = []
        for head in heads:
            found = self.mention_at(head)
            if found is None:
                # "former PMF deputy chief Abu Mahdi al-Muhandis": a title names the person written
                # right after it, not the organisation modifying the title
                found = next((m for c in head.rights if c.dep_ == "appos" and c.left_edge.i == head.i + 1
                              and (m := self.mention_at(c)) is not None), None)
            if found is None:
                # the modifier nearest the head names it: "Yemen's Houthi movement" -> the Houthis
                for child in [*reversed(list(head.lefts)), *head.rights]:
                    if child.dep_ in ("compound", "poss", "nmod", "amod", "flat") or (
                            appositions and child.dep_ == "appos" and not out):
                        found = self.mention_at(child) or next(iter(self.phrase_mentions(
                            child, appositions=False, conjuncts=False)), None)
                        if found is not None:
                            break
            if found is not None and all(found.start != m.start for m in out):
                out.append(found)
            if found is not None and appositions:
                # "A, B, C and D" is sometimes parsed as A with an apposition B and its conjuncts:
                # a named apposition is another item of the list, not a description of A
                for child in head.children:
                    if child.dep_ != "appos" or self.misread_subject(child):
                        continue
                    for item in (child, *self.conjuncts(child)):
                        named = self.mention_at(item)
                        if named is not None and named.start != found.start and all(named.start != m.start for m in out):
                            out.append(named)
        return out

    @staticmethod
    def misread_subject(appos: Token) -> bool:
        """Return True for an apposition (or a conjunct set off by a comma) that is the subject of
        the sentence's main verb, which the parser hung on the last noun of an opening phrase
        ("Speaking at a memorial for X, Y said ...": Y said it, Y does not restate X): the main verb
        follows it and has no subject but, at most, the opening phrase itself."""
        root = appos.sent.root
        if root.i <= appos.right_edge.i or any(c.dep_ in SUBJECT_DEPS and c.i > appos.i for c in root.children):
            return False
        if any(c.dep_ in SUBJECT_DEPS and c.dep_ != "csubj" for c in root.children):
            return False
        if appos.dep_ == "conj" and (appos.left_edge.i == 0 or appos.doc[appos.left_edge.i - 1].text != ","):
            return False  # "X and Y said": both
        between = appos.doc[appos.right_edge.i + 1:root.i]
        return all(t.dep_ in ("advmod", "aux", "neg") and t.head.i == root.i for t in between)

    # -- arguments --------------------------------------------------------------------------
    def clause_verb(self, token: Token) -> Token:
        """Return the head of the clause ``token`` sits in (itself when it heads one).

        The pipeline does not tag parts of speech, so a clause head is told by its dependents
        (a subject, an object or an auxiliary) or by the link that attaches it (``ROOT``,
        ``ccomp``, ``xcomp``, ``advcl``, ``relcl``, ``acl``, ``conj`` of a clause head).
        """
        t = token
        for _ in range(12):
            if self.heads_clause(t):
                return t
            if t.head.i == t.i:
                return t
            t = t.head
        return t

    @staticmethod
    def heads_clause(token: Token) -> bool:
        """Return True when ``token`` heads a clause (verb-like by its dependents or its link)."""
        if token.dep_ in ("ROOT", "ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp", "csubj"):
            return True
        if any(c.dep_ in SUBJECT_DEPS or c.dep_ in ("aux", "auxpass", "dobj", "agent", "xcomp", "ccomp", "neg")
               for c in token.children):
            return True
        # "X rejected the offer and vowed ...": a verb coordinated with a clause head heads one too
        return token.dep_ == "conj" and token.head.i != token.i and Syntax.heads_clause(token.head)

    def _past_dateline(self, subjects: list[Token]) -> list[Token]:
        """Return ``subjects`` with a word of a wire dateline replaced by what the parser hung on it:
        "BAQUBA, Iraq, March 3 (Wire) - Islamic State militants ambushed ..." makes BAQUBA the
        subject and the militants its apposition."""
        if not subjects:
            return subjects
        sent = subjects[0].sent
        cut = self._datelines.get(sent.start_char)
        if cut is None:
            cut = dateline_end_in_line(self.text(), sent.start_char, sent.end_char) or -1
            self._datelines[sent.start_char] = cut
        if cut < 0 or all(s.idx >= cut for s in subjects):
            return subjects
        out: list[Token] = []
        for s in subjects:
            if s.idx >= cut:
                out.append(s)
                continue
            appos = [c for c in s.children if c.dep_ == "appos" and c.idx >= cut]
            if not appos:
                # "ERBIL, Kurdistan Region of Iraq - Iraq's Ministry of X on Friday dismissed ...": the
                # parser ran the dateline on into the subject; the first noun past the dash is it
                appos = [t for t in s.subtree if t.idx >= cut and t.head.idx < cut
                         and t.dep_ not in ("prep", "punct", "cc", "case", "det", "advmod", "npadvmod")][:1]
            out.extend(appos)
        return out

    def subjects(self, verb: Token) -> list[Token]:
        """Return the subject tokens of ``verb`` (coordinated subjects included).

        Climbs the chains that share a subject: auxiliaries and coordinated verbs ("X attacked
        and burned ..."), ``xcomp`` ("X vowed to attack": X attacks), and relative clauses ("the
        militia, which fired rockets": the militia).
        """
        if not self.available:
            return []
        v = verb
        for _ in range(6):
            subj = [c for c in v.children if c.dep_ in SUBJECT_DEPS and c.dep_ != "expl"]
            if not subj:  # "X have been closed" is sometimes parsed with X under the auxiliary
                subj = [c for a in v.children if a.dep_ in ("aux", "auxpass")
                        for c in a.children if c.dep_ in SUBJECT_DEPS and c.dep_ != "expl"]
            if subj:
                out: list[Token] = []
                for s in subj:
                    if s.lower_ in ("which", "who", "that") and v.dep_ == "relcl":
                        out.append(v.head)
                    else:
                        out.extend([s, *self.conjuncts(s)])
                return self._past_dateline(out)
            if v.dep_ in ("relcl", "acl"):  # "the militia, which fired" / "the drone fired by X"
                if v.dep_ == "acl" and v.head.i != v.i and not self.heads_clause(v.head):
                    # "their attempts to infiltrate": the owner of the noun the infinitive completes
                    owner = [c for c in v.head.children if c.dep_ == "poss"]
                    if owner:
                        return owner
                return [v.head] if v.dep_ == "relcl" else []
            if v.dep_ in ("conj", "xcomp") and v.head.i != v.i:
                v = v.head
                continue
            break
        return []

    def agents(self, verb: Token) -> list[Token]:
        """Return the nouns of a passive's ``by`` phrase ("was struck by a drone" -> drone)."""
        if not self.available:
            return []
        out: list[Token] = []
        for child in verb.children:
            if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        out.extend([pobj, *self.conjuncts(pobj)])
        return out

    def objects(self, verb: Token) -> list[Token]:
        """Return the direct objects of ``verb`` (coordinated objects included)."""
        if not self.available:
            return []
        out: list[Token] = []
        for child in verb.children:
            if child.dep_ in OBJECT_DEPS:
                out.extend([child, *self.conjuncts(child)])
                # "detained 14 Kataib Hezbollah fighters" parsed with the number as the object and
                # the counted noun hung on the verb as an unlabelled dependent: the noun is the object
                if child.like_num and not list(child.children):
                    out.extend(d for d in verb.children if d.dep_ == "dep" and d.left_edge.i == child.i + 1)
        return out

    def prep_objects(self, token: Token, words: Iterable[str] | None = None) -> list[tuple[str, Token]]:
        """Return ``(preposition, object)`` for the prepositional phrases attached to ``token``.

        ``words`` limits the prepositions ("on", "against"); multiword ones attach as the first
        word ("outside of" -> "outside"). Coordinated objects are included.
        """
        if not self.available:
            return []
        wanted = None if words is None else {w.lower() for w in words}
        out: list[tuple[str, Token]] = []
        for child in token.children:
            if child.dep_ not in ("prep", "agent") or (wanted is not None and child.lower_ not in wanted):
                continue
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    out.extend((child.lower_, o) for o in [pobj, *self.conjuncts(pobj)])
                elif pobj.dep_ == "prep":  # "outside of X", "because of X"
                    out.extend((child.lower_, o) for o in pobj.children if o.dep_ == "pobj")
        return out

    @staticmethod
    def conjuncts(token: Token) -> list[Token]:
        """Return the tokens coordinated with ``token`` ("X, Y and Z": for X, Y and Z)."""
        return [t for t in token.conjuncts if t.i != token.i
                and not (t.dep_ == "conj" and Syntax.misread_subject(t))]  # "..., Y said": Y is no item

    # -- clause facts -----------------------------------------------------------------------
    def is_passive(self, verb: Token) -> bool:
        """Return True for a passive verb ("was killed", "killed by ...")."""
        return self.available and any(c.dep_ in ("nsubjpass", "auxpass", "agent", "csubjpass") for c in verb.children)

    def is_negated(self, verb: Token) -> bool:
        """Return True when ``verb`` (or the verb it is an xcomp of) is negated ("did not attack")."""
        if not self.available:
            return False
        for v in (verb, verb.head if verb.dep_ == "xcomp" else verb):
            if any(c.dep_ == "neg" or (c.lower_ in NEGATIONS and c.dep_ in ("advmod", "det")) for c in v.children):
                return True
        return False

    def modal_of(self, verb: Token) -> str | None:
        """Return the modal auxiliary of ``verb`` ("will", "could"), or None."""
        if not self.available:
            return None
        for c in verb.children:
            if c.dep_ == "aux" and c.lower_ in MODALS:
                return str(c.lower_)
        return None

