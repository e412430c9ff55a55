"""Statements cued by a verb of saying: its speaker in any order ("X said", "said X", "X, who said"), the
reported clause or quotation, asides and bounds of the attribution, who is cited.
"""

from __future__ import annotations

import re
from typing import Any

from factiongraph.extract.quotes.clause_words import CLAUSE_LINKS, ClauseWords, Cue, QUESTION_PUT, Token
from factiongraph.extract.quotes.patterns import Finding, Speaker
from factiongraph.extract.quotes.speaker_descriptions import VOICES
from factiongraph.extract.view.docview import DocView
from factiongraph.extract.view.syntax import Syntax
from factiongraph.model import EntityType


class SayingClauses(ClauseWords):
    """Reads the statements of verbs of saying."""

    # -- verbs of saying --------------------------------------------------------------------
    def _saying(self, view: DocView, syn: Syntax, cue: Cue, content: tuple[int, int] | None, span: Any,
                start: int, end: int, last: Speaker | None, seen: list[Speaker], roles: dict[str, str],
                cue_at: dict[int, Cue], quoted: list[tuple[int, int]],
                speakers: list[Speaker] | None = None, subjects: list[Token] | None = None) -> Finding | None:
        """Return a statement with a verb of saying (``speakers``: already known from the parse;
        ``subjects``: the tokens that name them, the verb's head when not given)."""
        tok = cue.tok
        doc = tok.doc
        text = view.text
        if speakers is not None:
            subjects = [tok.head] if subjects is None else subjects
            cue.speakers = speakers
        else:
            subjects = self._nominal_subjects(syn, tok) or self._purpose_subjects(syn, tok)
            joined = self._joined_speaker(tok, subjects, span)
            if joined is not None and (content is None or content[1] <= joined[1][0]):
                # "A drone struck the base, the directorate said" read as two subjects (and a dateline
                # before them, "ERBIL, Kurdistan Region -", as the reported clause)
                content = joined[1]
                subjects = [joined[0]]
            cue.speakers = self._speakers(view, syn, subjects, tok.idx, last, seen, roles)
        a_start, a_end = self._attribution_bounds(tok, content, subjects, span)
        if not cue.speakers and not subjects:
            after = self._inverted_speaker(view, tok, start, end, roles)
            if after is not None:  # '"...," said Under Secretary X': the parse hung X elsewhere
                cue.speakers, a_end = [after[0]], max(a_end, after[1])
        if not cue.speakers:
            if subjects and all(span.start <= s.i < span.end for s in subjects):
                return None  # a subject we cannot name ("the video", "Renad X"): not a guess by word order
            before, b_start = self.speaker_before(view, self._ms(view, start, end), start, tok.idx, last, seen,
                                                  roles, VOICES)
            if not before:
                return None
            cue.speakers, a_start = before, min(a_start, b_start)
        vs = tok.idx
        if content is not None and tok.i < content[0] < cue.end < content[1]:
            content = (cue.end, content[1])  # "made it clear that ...": the words after the cue's own
        if content is not None:
            later = [t.left_edge.i for t in doc[content[0]:content[1]] if t.i in cue_at and t.i != tok.i
                     and cue_at[t.i].kind.startswith("participle") and self._after_quote(doc, content[0], t, quoted)]
            if later:  # 'He added, "...," stressing that ...': the participle is its own statement
                content = (content[0], max(content[0] + 1, min(later)))
            own = [c.i for t in doc[content[0]:content[1]] if t.i in cue_at and (v := self._own_verb_of(t)) is not None
                   and v.i == tok.i for c in t.head.children if c.dep_ == "cc" and c.i < t.i]
            if own:  # "stressed that A is B and called on C": A is B
                content = (content[0], max(content[0] + 1, max(own)))
            contrast = [t.left_edge.i for t in doc[content[0]:content[1]] if t.i in cue_at and self._contrasted(t)]
            if contrast:  # "X says A, while Y says B": A
                content = (content[0], max(content[0] + 1, min(contrast)))
            absolute = [t.head.i - 1 for t in doc[content[0]:content[1]] if t.i in cue_at and self._with_object(t)
                        and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) and t.head.i > content[0]]
            if absolute:  # "X said A, with a senior aide warning that B": A
                content = (content[0], max(content[0] + 1, min(absolute)))
            cue.content = content
            relay = [t.left_edge.i for r in doc[content[0]:content[1]] if r.lower_ in self.report_verbs
                     for t in self._nominal_subjects(syn, r) if content[0] < t.i < r.i
                     and doc[t.left_edge.i - 1].text == "," and self._names_outlet(view, syn, t)]
            if relay:  # "X said the law must pass, Reuters reported": the outlet's signature ends the words
                content = (content[0], max(content[0] + 1, min(relay)))
            c_start, c_end = self.trim(text, doc[content[0]].idx, self._end_char(doc, content[1] - 1))
            c_start = self._skip_mark(text, c_start, c_end)
            spans = [self._prefer_quotes(text, start, end, c_start, c_end)]
            pronoun = doc[tok.left_edge.i] if tok.dep_ == "relcl" and tok.left_edge.i >= span.start else None
            if pronoun is not None and pronoun.lower_ in ("that", "which", "who") and spans[0][0] == c_start \
                    and pronoun.head.i != tok.i:  # ("a spokesman who told us ...": the pronoun is the speaker)
                spans = [(pronoun.idx, c_end)]  # "a farm that officials said had been used ...": from "that"
        else:
            aside = self._aside_content(view, cue, start, end, a_start, a_end, span)
            quotes = self.long_quotes(text, start, end)
            if aside is not None:
                spans = [aside]
            elif quotes:
                spans = [(quotes[0][0], quotes[-1][1])]
            else:
                spans = []  # "X explained:" -> the quotation that follows is X's
                if not re.match(r"\s*:\s*$", text[a_end:end]) and not text[a_end:end].strip().endswith(":") \
                        and not re.search(r"\bthat\s*:\s*$", text[a_start:end]):  # "said in its statement that:"
                    return None
        skip = self._skip_tokens(cue, subjects)
        via = self.parsed_via(view, syn, tok, skip) or self.subject_channel(view, syn, subjects)
        if via is None:
            found = self.find_via(view, self._ms(view, start, end), start, a_start, vs, a_end, end)
            via = found.via
        if via is None and spans:
            closing = self.trailing_via(view, self._ms(view, start, end), spans[-1][0], end)
            if closing is not None:  # "..., in an interview with Al-Sumaria TV": its via, not its words
                via = closing[0]
                spans = [(s, min(e, closing[1])) for s, e in spans if s < closing[1]]
        if len(cue.speakers) == 1 and self.is_outlet(view, cue.speakers[0].entity_id):
            outlet = cue.speakers[0].entity_id
            cited = self._cited(view, syn, cue, span, last, seen, roles)
            if cited is not None:  # "X reported, citing two security sources, that ...": the sources speak
                cue.speakers, cited_end = cited
                cite_at = next((t.idx for t in span if t.i > tok.i and t.lower_ in self.citing_words), None)
                if cite_at is None:  # "Quoting Y, X reported that ...": the words after the verb stay whole
                    cite_at, cited_end = tok.idx, tok.idx
                # "X reported, citing Y, that ...": the words after the citation; "..., X reported,
                # citing Y": the words before the verb stay whole; "X reported that ..., citing Y":
                # the words before the citation
                spans = [(s, e) if e <= tok.idx else (s, cite_at) if s < cite_at and cited_end >= e - 2
                         else (max(s, cited_end), e) for s, e in spans
                         if e <= tok.idx or e > cited_end or s < cite_at]
                spans = [self.trim(text, *self._skip_that(text, s, e)) for s, e in spans]
            elif outlet == view.ctx.document.outlet_id:
                return None  # "..., the Tigris Dispatch reports" in its own article: its reporting
            via = outlet  # "Jerusalem Post reported": the outlet relays its own words
        elif len(cue.speakers) == 1 and spans:
            quoting = self._cited(view, syn, cue, span, last, seen, roles, words=frozenset({"quoting"}))
            if quoting is not None and all(self._is_person(view, sp) for sp in quoting[0]):
                # '"...," the ministry said in a statement, quoting Minister X': X's words, the ministry relays
                cue.speakers = quoting[0]
                spans = [(s, e) if e <= tok.idx else (max(s, quoting[1]), e) for s, e in spans
                         if e <= tok.idx or e > quoting[1]]
        spans = [(s, e) for s, e in spans if e - s >= 3 and not (a_start <= s and e <= a_end)]
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for s in subjects for c in s.children)
        if len(cue.speakers) == 1 and self.is_bare_plural(cue.speakers[0]) and spans and spans[0][1] <= a_start \
                and not definite \
                and cue.speakers[0].key.split("#")[0].removeprefix("anon:") not in self.witness_singulars:
            spans = []  # "..., officials said(, ...)": a report's sourcing, not a statement ("witnesses said": is)
        return Finding(cue.speakers, "quote-reported", spans, via, vs)

    @staticmethod
    def _joined_speaker(tok: Token, subjects: list[Token], span: Any) -> tuple[Token, tuple[int, int]] | None:
        """Return the speaker of a verb of saying set after its words that the parser joined to the
        words' subject ("A drone struck the airport, the directorate said": "drone" and
        "directorate" read as two subjects of "said"): the last conjunct, set off by a comma right
        before the verb, with no "and" or "or" in the chain, and the token range of the words (what
        comes before it)."""
        if not subjects or tok.i + 1 >= len(tok.doc) or not tok.doc[tok.i + 1].is_punct:
            return None
        last = subjects[-1]
        first = last
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        doc = tok.doc
        if last.dep_ != "conj" or first.dep_ != "nsubj" or first.head.i != tok.i or \
                last.right_edge.i + 1 != tok.i or doc[last.left_edge.i - 1].text != "," or \
                last.left_edge.i - 1 <= first.i:
            return None
        if any(c.dep_ in ("cc", "preconj") for t in (first, *first.conjuncts) for c in t.children):
            return None  # "A and B said": two speakers
        lo, hi = max(span.start, first.left_edge.i), last.left_edge.i - 1
        if not any(t.dep_ in ("acl", "relcl") and t.head.i == first.i for t in doc[lo:hi]) or hi - lo < 4:
            return None  # the first "subject" must carry a verb of its own: the reported words
        return last, (lo, hi)

    def _inverted_speaker(self, view: DocView, tok: Token, start: int, end: int, roles: dict[str, str]
                          ) -> tuple[Speaker, int] | None:
        """Return the speaker named right after a verb of saying set after its words, and where the
        name ends ('"...," said Under Secretary for Intelligence X.'), when the parse gave the verb
        no subject (the name hung on a title word it read as a preposition)."""
        text = view.text
        if not re.search(r"[,\"\u201d]\s*$", text[start:tok.idx]):
            return None
        after = self._end_char(tok.doc, tok.i)
        stop = re.search(r"[,.;:(\"\u201c]|$", text[after:end])
        limit = after + (stop.start() if stop else 0)
        ms = self._ms(view, start, end)
        people = [m for m in ms if after <= m.start and m.end <= limit and m.entity_id
                  and view.type_of(m) is EntityType.PERSON]
        if people:  # a title may hold other names ("Under Secretary for Terrorism ... X"): the person ends it
            eid = str(people[-1].entity_id)
            return Speaker(eid, roles.get(eid), False, eid), people[-1].end
        return self.speaker_after(view, ms, after, end, roles)

    def _attribution_bounds(self, tok: Token, content: tuple[int, int] | None, subjects: list[Token],
                            span: Any) -> tuple[int, int]:
        """Return the characters of the attribution: the verb, its speaker and its own modifiers."""
        doc = tok.doc
        lo, hi = tok.i, tok.i + 1
        for s in subjects:
            if span.start <= s.i < span.end and abs(s.i - tok.i) < 30:
                lo, hi = min(lo, s.left_edge.i), max(hi, s.right_edge.i + 1)
        for child in tok.children:
            if content is not None and content[0] <= child.i < content[1]:
                continue
            if child.dep_ in CLAUSE_LINKS or child.dep_ in ("punct", "cc") or not (span.start <= child.i < span.end):
                continue
            lo, hi = min(lo, child.left_edge.i), max(hi, child.right_edge.i + 1)
        if content is not None:
            if content[0] > tok.i:
                hi = min(hi, content[0])
            else:
                lo = max(lo, content[1])
        lo, hi = max(lo, span.start), min(hi, span.end)
        return doc[lo].idx, self._end_char(doc, hi - 1)

    def _cited(self, view: DocView, syn: Syntax, cue: Cue, span: Any, last: Speaker | None, seen: list[Speaker],
               roles: dict[str, str], words: frozenset[str] | None = None) -> tuple[list[Speaker], int] | None:
        """Return the source an outlet cites for its report ("citing two security sources") and where
        the citation ends (``words``: the citing words looked for, ``citing_words`` by default)."""
        wanted = self.citing_words if words is None else words
        first = next((t.i for t in span if not t.is_punct and not t.is_space), span.start)
        for t in span:
            # "X reported, citing Y, that ...", or the citation opening the sentence: "Quoting Y, X reported ..."
            aside = t.i < cue.tok.i and t.i > 0 and t.doc[t.i - 1].text == "," and (
                t.head.i == cue.tok.i or t.head.head.i == cue.tok.i)  # "X, citing Y, reported that ..."
            if (t.i > cue.tok.i or t.i == first or aside) and t.lower_ in wanted:
                obj = next((c for c in t.children if c.dep_ in ("dobj", "pobj")), None)
                if obj is None:
                    return None
                speakers = self._speakers(view, syn, [obj], t.idx, last, seen, roles)
                if speakers:
                    return speakers, self._end_char(t.doc, t.right_edge.i)
                return None
        return None

    def _aside_content(self, view: DocView, cue: Cue, start: int, end: int, a_start: int, a_end: int,
                       span: Any) -> tuple[int, int] | None:
        """Return the words a verb of saying set in commas reports ("A, witnesses said, B").

        The clause before the attribution when it has three words or more, else the rest after
        it up to a participle that is a statement of its own; its quotation when that holds most.
        """
        text = view.text
        tok = cue.tok
        if not self._is_parenthetical(tok, text, start):
            return None
        if tok.dep_ == "parataxis" and tok.head.i > tok.i:  # "A, X said, B": the clause it interrupts
            clause = tok.head
            s, e = self.trim(text, max(start, clause.left_edge.idx), min(end, self._end_char(tok.doc,
                                                                                             clause.right_edge.i)))
            return self._prefer_quotes(text, start, end, s, e) if e - s >= 3 else None
        s, e = self.trim(text, start, a_start)
        if QUESTION_PUT.match(text, s):
            return None  # "Asked whether ..., X said no": the question put to X, not X's words
        if len(text[s:e].split()) < 3:
            stop = end
            for t in span:
                if t.idx >= a_end and t.lower_ in self.cue_phrases and t.dep_ in ("advcl", "conj", "xcomp") and \
                        self.cue_phrases[t.lower_][0][1].startswith("participle"):
                    stop = t.idx
                    break
            s, e = self.trim(text, a_end, stop)
        if e - s < 3:
            return None
        return self._prefer_quotes(text, start, end, s, e)

    def _content(self, syn: Syntax, tok: Token, span: Any) -> tuple[int, int] | None:
        """Return the token range of the clause a verb of saying reports.

        Its ``ccomp`` (or a clause in brackets of commas before it), else a "that" clause the
        parse hung lower in the attribution ("told X on condition of anonymity that ...", or as
        a relative clause of the addressee: "reminded the factions that ..." with "that" a mark).
        """
        clauses = [c for c in tok.children if c.dep_ in ("ccomp", "parataxis") and span.start <= c.i < span.end
                   and (c.dep_ == "ccomp" or c.i < tok.i)]
        if len(clauses) > 1 and clauses[0].i < clauses[1].i and not any(clauses[0].children):
            # "said on his Telegram account that ...": a lone noun the parser took for a clause
            clauses = clauses[1:]
        if len(clauses) > 1 and any(self._has_subject(c) for c in clauses):
            # "said in a speech broadcast live on television that ...": "live ..." is no clause of its own
            clauses = [c for c in clauses if self._has_subject(c)]
        clause = next(iter(clauses), None)
        if clause is None:
            clause = next((t for t in tok.subtree if t.i > tok.i and span.start <= t.i < span.end
                           and t.dep_ in ("ccomp", "acl", "advcl", "relcl")
                           and (any(c.lower_ == "that" and (c.dep_ == "mark" or (
                               t.dep_ == "ccomp" and c.dep_ == "dobj" and c.i == t.left_edge.i)) for c in t.children)
                                or self._told_that(tok, t))
                           and self._through_attribution(tok, t.head)), None)
        if clause is None:  # "found that Iran-backed factions controlled ...": "that" hung on the object
            clause = next((c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i and span.start <= c.i < span.end
                           and c.left_edge.lower_ == "that" and any(
                               k.lower_ == "that" and k.dep_ == "mark" for k in c.children)
                           and any(k.dep_ in ("acl", "relcl") and k.i > c.i for k in c.children)), None)
        if clause is None and tok.lower_ in self.report_verbs | {"recalled", "recounted", "admitted", "described"}:
            # "residents reported hearing three explosions": a gerund reports what they saw or did
            clause = next((c for c in tok.children if c.dep_ == "xcomp" and c.lower_.endswith("ing")
                           and span.start <= c.i < span.end), None)
        if clause is None:
            return None
        lo = max(clause.left_edge.i, span.start)
        hi = min(clause.right_edge.i + 1, span.end)
        if clause.i > tok.i:
            lo = max(lo, tok.i + 1)
        else:
            hi = min(hi, tok.left_edge.i if tok.left_edge.i > lo else tok.i)
        return lo, hi

    def _subject_speakers(self, view: DocView, syn: Syntax, tok: Token, subjects: list[Token], start: int,
                          end: int, last: Speaker | None, seen: list[Speaker], roles: dict[str, str]
                          ) -> list[Speaker]:
        """Return the speakers of a claim verb's subject (word order when the parse gives it none)."""
        if subjects:
            speakers = self._speakers(view, syn, subjects, tok.idx, last, seen, roles)
        elif tok.dep_ not in ("acl", "relcl", "amod", "compound", "pcomp"):
            speakers = self.subject_list(view, self._ms(view, start, end), start, tok.idx, roles)
        else:
            speakers = []
        if len(speakers) == 1 and speakers[0].entity_id is not None and \
                self.is_outlet(view, speakers[0].entity_id):
            return []  # an outlet reports; it does not condemn or vow
        if len(speakers) == 1 and self.is_bare_plural(speakers[0]) and \
                speakers[0].key.split("#")[0].removeprefix("anon:") in self.organisation_singulars:
            return []  # "Iran-aligned militias have rejected ...": a characterisation, not a statement
        return speakers
