"""Statements cued otherwise than by a verb of saying: claims ("X accused Y of"), "according to X", a
participle after an attribution ("..., adding that"), "as X put it", and the outlet that carried them.
"""

from __future__ import annotations

import re
from typing import Any

from factiongraph.extract.quotes.clause_words import Cue, REPUTATION, Token
from factiongraph.extract.quotes.patterns import Finding, Speaker
from factiongraph.extract.quotes.saying_clauses import SayingClauses
from factiongraph.extract.quotes.speaker_descriptions import CHANNEL_HEADS, VOICES
from factiongraph.extract.view.docview import DocView
from factiongraph.extract.view.syntax import Syntax
from factiongraph.model import EntityType, Mention


class ClaimClauses(SayingClauses):
    """Reads claims, "according to" and participle statements."""

    # -- claims, "according to", participles -------------------------------------------------
    def _claim_finding(self, view: DocView, syn: Syntax, cue: Cue, span: Any, start: int, end: int,
                       done: dict[int, Cue], cue_at: dict[int, Cue]) -> Finding:
        """Return a claim: the verb and what it governs ("condemned the attack, calling it ...").

        What the same speaker goes on to say in the sentence joins it: a participle ("...,
        saying it breached ..."), a coordinated verb ("condemned ... and pledged ...", "praised
        ... and said ..."). A statement with its own speaker ("..., with X arguing that ...",
        "welcomed by A, condemned by B") ends it.
        """
        tok = cue.tok
        doc = tok.doc
        hi = tok.i + 1
        for child in tok.rights:
            if child.i >= span.end:
                break
            if any(t.i in cue_at and cue_at[t.i].kind.startswith("participle") and t.i != tok.i
                   and any(s.dep_ in ("nsubj", "nsubjpass") for s in t.children) for t in child.subtree):
                break
            if child.dep_ == "prep" and child.lower_ == "with" and any(
                    t.i in cue_at and (self._with_absolute(t) or self._with_object(t)) for t in child.subtree):
                break  # "..., with a senior aide warning that ...": the aide's own statement
            if child.dep_ == "prep" and child.lower_ == "with" and any(
                    c.i in cue_at and (w := self._with_subject(c)) is not None and w.head.i == child.i
                    for c in tok.rights):
                break  # "..., with X's spokesman, Y, saying ...", the participle hung on the verb
            if child.dep_ == "conj" and child.i in cue_at and any(
                    c.dep_ in ("nsubj", "nsubjpass", "agent") or (c.dep_ == "prep" and c.lower_ == "by")
                    for c in child.children):
                break  # "welcomed by A, condemned by B": two claims
            hi = max(hi, min(child.right_edge.i + 1, span.end))
        for i, other in cue_at.items():  # "blamed A on B, which denied it": B's denial is B's own
            if tok.i < i < hi and self._own_relative(other.tok):
                bare = not any(c.dep_ in ("dobj", "ccomp", "xcomp", "prep") for c in other.tok.children)
                hi = min(hi, other.tok.head.left_edge.i if bare and other.tok.head.i > tok.i else other.tok.left_edge.i)
        while hi - 1 > tok.i and doc[hi - 1].is_punct:
            hi -= 1
        cue.content = (tok.i, hi)
        lo = tok.i
        if tok.dep_ == "relcl" and not any(c.dep_ in ("dobj", "ccomp", "xcomp", "prep") for c in tok.children):
            lo = max(span.start, tok.head.left_edge.i)  # "a charge Iran denies": what is denied is the noun
        s, e = self.trim(view.text, doc[lo].idx, self._end_char(doc, hi - 1))
        subjects = [t for t in syn.subjects(tok) if span.start <= t.i < span.end]
        # What is claimed and who claims it are not searched; "(responsibility) in a statement posted on X" is
        open_to = {t.i for c in [tok, *(o for o in tok.children if o.dep_ == "dobj")] for p in c.children
                   if p.dep_ in ("prep", "agent") for t in p.subtree}
        skip = {t.i for sub in subjects for t in sub.subtree} | (set(range(tok.i + 1, hi)) - open_to)
        via = self.parsed_via(view, syn, tok, skip) or self._object_via(view, syn, tok, skip) or \
            self.subject_channel(view, syn, subjects)
        if via is None:
            first = min((t.left_edge.idx for t in subjects), default=tok.idx)
            via = self.find_via(view, self._ms(view, start, end), start, min(first, tok.idx), tok.idx,
                                self._end_char(doc, tok.i), end).via
        if via is None:
            closing = self.trailing_via(view, self._ms(view, start, end), s, end)
            if closing is not None and s < closing[1]:  # "vowed ..., in a statement on Sabereen News"
                via, e = closing[0], min(e, self.trim(view.text, s, closing[1])[1])
        starts: dict[str, int] = {}
        if len(cue.speakers) > 1:  # "Kadhimi and Halbusi both welcomed ...": each from its own name
            for sp in cue.speakers:
                own = [m.start for m in self._ms(view, start, tok.idx) if m.entity_id == sp.entity_id]
                if own:
                    starts[sp.key] = own[-1]
        return Finding(cue.speakers, "quote-claim", [(s, e)], via, tok.idx, starts)

    def _object_via(self, view: DocView, syn: Syntax, tok: Token, skip: set[int]) -> str | None:
        """Return the outlet named in the claimed object's own phrase ("claimed responsibility in a
        statement on X")."""
        for obj in tok.children:
            if obj.dep_ == "dobj":
                found = self.parsed_via(view, syn, obj, skip)
                if found is not None:
                    return found
        return None

    def _according(self, view: DocView, syn: Syntax, cue: Cue, start: int, end: int, last: Speaker | None,
                   seen: list[Speaker], roles: dict[str, str]) -> Finding | None:
        """Return "according to X": the clause it attaches to, speaker X."""
        tok = cue.tok
        objs = [o for _, o in syn.prep_objects(tok, ("to", "of"))]
        if not objs:
            objs = [o for c in tok.children for o in c.children if o.dep_ == "pobj"]
        if not objs:
            objs = self._what_was_said(syn, tok)
        if not objs:
            return None
        speakers = self._speakers(view, syn, objs[:1], tok.idx, last, seen, roles)
        if not speakers and objs[0].lower_ not in self.observer_heads:
            channels = {str(c.entity_id) for c in self._channels_in(syn, objs[0])}
            people = [m for m in syn.mentions_in(objs[0]) if m.entity_id and view.type_of(m) in VOICES
                      and m.entity_id not in channels]
            if len(people) == 1 or (people and view.type_of(people[-1]) is EntityType.PERSON):
                eid = str(people[-1].entity_id)
                speakers = [Speaker(eid, roles.get(eid), False, eid)]
            elif not people and not channels:
                named = self._unknown_name(objs[0])
                if named is not None:  # "According to International Christian Concern": a name we do not know
                    speakers = [Speaker(None, named, False, f"desc-body:{named.lower()}#{objs[0].idx}")]
        if not speakers:
            return None
        cue.speakers = speakers
        doc = tok.doc
        a_start = tok.idx
        a_end = self._end_char(doc, min(tok.right_edge.i, objs[0].right_edge.i))
        rel = re.search(r",?\s*who\b", view.text[objs[0].idx:a_end])
        if rel is not None and self._relative_says(objs[0], view.text, objs[0].idx + rel.end(), a_end):
            # "according to X, who said ...": the verb of saying attributes; X is met
            return Finding(speakers, "quote-reported", [], None, tok.idx)
        span = self.evidence_span(view, start, end, a_start, a_end)
        if speakers[0].entity_id is not None and speakers[0].entity_id == view.ctx.document.outlet_id:
            return None  # "according to <the publishing outlet>": its own reporting
        outlet = speakers[0].entity_id if len(speakers) == 1 and self.is_outlet(view, speakers[0].entity_id) \
            else self._carrier(view, syn, objs[0])
        if outlet is None:  # "according to officials who spoke to The Washington Post": the outlet they spoke to
            outlet = next((found for rel in objs[0].children if rel.dep_ == "relcl"
                           and (found := self.parsed_via(view, syn, rel, set())) is not None), None)
        return Finding(speakers, "quote-reported", [span], outlet, tok.idx)

    @staticmethod
    def _relative_says(source: Token, text: str, s: int, e: int) -> bool:
        """Return True when the relative clause on an "according to" source carries words of its
        own ("according to X, who said the convoy was hit": its verb attributes them), not when it
        only tells how the source spoke ("according to two sources who spoke on condition of
        anonymity", "a security official who requested anonymity": the clause before is theirs)."""
        if re.search(r"[\"\u201c:]|\bthat\b", text[s:e]):
            return True
        return any(t.dep_ == "relcl" and any(c.dep_ == "ccomp" for c in t.children)
                   for t in source.subtree)

    def _what_was_said(self, syn: Syntax, tok: Token) -> list[Token]:
        """Return who said it in "according to what X said" / "according to what was reported by X":
        the subject or agent of the free relative clause after "to"."""
        for prep in tok.children:
            for clause in prep.children:
                if clause.dep_ != "pcomp" or clause.left_edge.lower_ != "what":
                    continue
                agents = syn.agents(clause)
                if agents:
                    return agents
                return [s for s in self._nominal_subjects(syn, clause) if s.lower_ != "what"]
        return []

    @staticmethod
    def _channels_in(syn: Syntax, phrase: Token) -> list[Mention]:
        """Return the mentions a phrase names as the medium ("a statement posted on the group's
        Telegram channel": Telegram carried it; it did not speak)."""
        out: list[Mention] = []
        for t in phrase.subtree:
            if t.dep_ == "pobj" and t.head.lower_ in ("on", "via", "through"):
                out.extend(syn.mentions_in(t))
        return out

    def _participle(self, view: DocView, syn: Syntax, cue: Cue, span: Any, start: int, end: int,
                    last: Speaker | None, seen: list[Speaker], roles: dict[str, str], done: dict[int, Cue]
                    ) -> Finding | None:
        """Return "..., adding that B" / "..., vowing to ..." as a statement of the governing speaker."""
        tok = cue.tok
        if tok.dep_ == "pcomp" and tok.head.head.lower_ in REPUTATION:
            return None  # "X is known for threatening US forces": what X is known for, no statement
        own = [s for s in self._nominal_subjects(syn, tok) if s.head.i == tok.i
               and not (tok.dep_ == "pcomp" and s.lower_ in CHANNEL_HEADS)]  # "posted on his page urging ..."
        held = self._with_subject(tok)
        if held is not None and not own:  # "..., with X's spokesman, Y, saying that ...": the parser hung it on the verb
            own = [held]
        if tok.i == span.start or (tok.dep_ not in ("advcl", "conj", "xcomp", "pcomp", "acl", "ccomp")
                                   and not (own and self._with_object(tok))):
            return None
        if own:
            speakers = self._speakers(view, syn, own, tok.idx, last, seen, roles)
        elif tok.dep_ == "acl":
            speakers = self._noun_speakers(view, syn, tok, span, start, end, last, seen, roles, done)
        else:
            speakers = self._governing_speakers(view, syn, tok, span, start, end, last, seen, roles, done)
        if not speakers:
            return None
        cue.speakers = speakers
        doc = tok.doc
        hi = min(tok.right_edge.i + 1, span.end)
        lo = cue.end if cue.kind == "participle-say" else tok.i
        if lo >= hi:
            return None
        s, e = self.trim(view.text, doc[lo].idx, self._end_char(doc, hi - 1))
        s = self._skip_mark(view.text, s, e)
        if len(view.text[s:e].split()) < 2:
            return None
        cue.content = (lo, hi)
        # "explained to Shafaq News that ..., pointing out that ...": the governing statement's outlet
        via = next((done[t.i].via for t in tok.ancestors if t.i in done), None)
        if not any(t.i in done for t in tok.ancestors):
            gov = tok.head
            while gov.dep_ in ("prep", "pcomp") and gov.head.i != gov.i:
                gov = gov.head  # "was quoted by X as saying": the verb, not "as"
            via = self.parsed_via(view, syn, gov, {t.i for t in tok.subtree})
        rule = "quote-reported" if cue.kind == "participle-say" else "quote-claim"
        return Finding(speakers, rule, [(s, e)], via, tok.idx)

    def _noun_speakers(self, view: DocView, syn: Syntax, tok: Token, span: Any, start: int, end: int,
                       last: Speaker | None, seen: list[Speaker], roles: dict[str, str], done: dict[int, Cue]
                       ) -> list[Speaker]:
        """Return who speaks in a participle the parse hung on a noun.

        A named speaker ("X, promising ..."); a statement ("issued a statement calling for
        calm"): its issuer; a document ("a resolution calling on ..."): no one; another noun
        ("X visited the area promising ..."): the subject of the verb that noun belongs to.
        """
        head = tok.head
        if head.lower_ in self.document_nouns:
            return []
        if self._with_absolute(tok):  # "..., with one official saying ...": the official, named or not
            return self._speakers(view, syn, [head], tok.idx, last, seen, roles)
        named = [sp for sp in self._speakers(view, syn, [head], tok.idx, last, seen, roles)
                 if sp.entity_id is not None] if head.lower_ not in self.statement_nouns else []
        if named or head.dep_ not in ("dobj", "pobj", "attr") or head.i < span.start:
            return named
        return self._governing_speakers(view, syn, head, span, start, end, last, seen, roles, done)

    def _governing_speakers(self, view: DocView, syn: Syntax, tok: Token, span: Any, start: int, end: int,
                            last: Speaker | None, seen: list[Speaker], roles: dict[str, str],
                            done: dict[int, Cue]) -> list[Speaker]:
        """Return the speakers of the statement or act a participle hangs from.

        Up through the reported clause of a cue ("He added, "...," stressing that ...") or a
        cue set in commas inside the clause ("A, he warned, B, arguing that ..."); else the
        subject of the nearest verb with one, which must be a named speaker ("X visited the
        site, promising ..."), by word order when the parse gave that verb no subject.
        """
        t = tok.head
        for _ in range(6):
            cue = done.get(t.i)
            if cue is not None:
                return cue.speakers
            if t.dep_ in ("ccomp", "parataxis") and t.head.i in done:
                t = t.head
                continue
            aside = next((done[c.i] for c in t.children if c.i in done and c.i != tok.i
                          and c.dep_ in ("parataxis", "advcl", "ccomp", "conj") and c.i < tok.i
                          and done[c.i].kind == "say" and done[c.i].content is None), None)
            if aside is not None:
                return aside.speakers
            if any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in t.children) or t.head.i == t.i:
                break
            t = t.head
        subjects = self._nominal_subjects(syn, t)
        if subjects:
            speakers = self._speakers(view, syn, subjects, tok.idx, last, seen, roles, kinds=VOICES)
        elif t.dep_ == "ROOT" and t.i >= span.start:
            speakers = self.subject_list(view, self._ms(view, start, end), start, t.idx, roles)
        else:
            speakers = []
        # a named speaker, or a body described as written ("Iraq's judiciary issued a warrant, saying ...")
        return [sp for sp in speakers if (sp.entity_id is not None and not self.is_outlet(view, sp.entity_id))
                or sp.key.startswith("desc-body:")]

    def _misread_claim(self, view: DocView, syn: Syntax, cue: Cue) -> bool:
        """Return True for a claim verb in the past the parser hung on the noun set off before it by a
        comma, with the object or complement an active verb takes ("X, called on Friday for calm",
        "X, condemned the attack"); not a reduced passive ("X, blamed for the attack, ...")."""
        tok = cue.tok
        if cue.kind != "claim" or tok.dep_ != "acl" or tok.head.i >= tok.i or tok.i == 0 or \
                tok.doc[tok.i - 1].text != "," or tok.lower_.endswith("ing") or syn.agents(tok) or \
                self._is_passive(view, tok):
            return False
        phrase = cue.end - tok.i > 1
        return (phrase or any(c.dep_ in ("dobj", "ccomp") for c in tok.children)) and \
            self._is_claim(tok, phrase=phrase)

    def _misread_participle(self, tok: Token) -> bool:
        """Return True for a participle of claiming the parser made a finite verb ("..., an attack
        also claimed by the same group": "attack" its subject): no auxiliary, a common noun with an
        article as subject, and a "by" phrase."""
        if tok.lower_ not in self.claim_words or not tok.lower_.endswith("ed") or \
                any(c.dep_ in ("aux", "auxpass", "neg") for c in tok.children):
            return False
        subjects = [c for c in tok.children if c.dep_ == "nsubj"]
        return len(subjects) == 1 and subjects[0].i < tok.i and subjects[0].text == subjects[0].lower_ and \
            any(c.dep_ == "det" for c in subjects[0].children) and \
            any(c.dep_ in ("prep", "agent") and c.lower_ == "by" and c.i > tok.i for c in tok.children)

    def _as_put_it(self, view: DocView, syn: Syntax, cue: Cue, span: Any, start: int, end: int,
                   last: Speaker | None, seen: list[Speaker], roles: dict[str, str]) -> Finding | None:
        """Return "As X put it, ..." / "..., as X put it, ...": the rest of the sentence is X's.

        The aside runs from "as" to "it"; the words are the sentence on the side of the aside
        that holds the clause (the whole sentence when the aside stands inside it).
        """
        tok = cue.tok
        doc = tok.doc
        text = view.text
        lo = next((k for k in range(tok.i - 1, max(span.start, tok.i - 12) - 1, -1) if doc[k].lower_ == "as"), None)
        if lo is None or any(t.text in (",", ";", "\"", "\u201c", "\u201d") for t in doc[lo + 1:tok.i]):
            return None
        subjects = [t for t in self._nominal_subjects(syn, tok) if lo < t.i < tok.i]
        if not subjects:  # the parser may hang the aside on the noun it follows
            subjects = [t for t in doc[lo + 1:tok.i] if t.head.i == tok.i or t.head.i >= tok.i][:1]
        cue.speakers = self._speakers(view, syn, subjects, tok.idx, last, seen, roles)
        if not cue.speakers:
            return None
        last_tok = cue.end - 1
        comma = next((k for k in range(tok.i + 1, span.end) if doc[k].text == ","), span.end)
        if last_tok < tok.right_edge.i < comma:  # "As X told reporters on Sunday, ...": the aside's own words
            last_tok = tok.right_edge.i
        a_start, a_end = doc[lo].idx, self._end_char(doc, last_tok)
        before = self.trim(text, start, a_start)
        after = self.trim(text, a_end, end)
        if before[1] - before[0] < 3:
            s, e = after
        elif after[1] - after[0] < 3:
            s, e = before
        else:
            s, e = self.trim(text, start, end)
        if len(text[s:e].split()) < 3:
            return None
        s, e = self._prefer_quotes(text, start, end, s, e)
        via = self.parsed_via(view, syn, tok, {t.i for sub in subjects for t in sub.subtree})
        return Finding(cue.speakers, "quote-reported", [(s, e)], via, tok.idx)
