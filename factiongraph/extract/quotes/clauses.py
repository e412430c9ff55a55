"""Statements read from the dependency parse: a cue, who it belongs to, and the words it reports.

A sentence that holds a cue word (the word gate of :mod:`factiongraph.extract.view.cues`) has
its tokens walked once. Each cue outside quotation marks gives at most one :class:`Finding`:

- a verb of saying (``say_verbs``) with its reported clause (``ccomp``) or a quotation, in any
  order: "X said (that) ...", "... , X said", "..., said X", "X told Y (that) ...", "X said in a
  statement ...", "X wrote on Telegram ..."; or standing in brackets of commas after the words
  it reports ("A, witnesses said, B"). The speaker is the verb's subject, found through
  auxiliaries, coordinated verbs and relative clauses ("the militia, which said ...");
- a verb of claiming (``claim_verbs``): "X accused Y of ...", "X blamed Y for ...", "X denied
  ...", "X condemned ...", and the passive with its agent ("an attack claimed by X");
- "according to X": the clause it attaches to, without the phrase;
- a participle after an attribution (``continuation_say``/``continuation_other``): "...,
  adding that B", "..., vowing to ...": a second statement of the same speaker (or of its own
  subject: "with X arguing that ...").

A verb of saying without reported words but with a speaker ("X explained:") is returned with no
span, so the quotation that follows continues that speaker. Evidence spans are the reported
words: the quotation when one covers most of them, else the reported clause, else the sentence
around the attribution (:meth:`QuoteSpans.evidence_span`). The outlet that relayed them is read
from the attribution's own words, then by word order (:mod:`quote_vias`).

The reading is split over :mod:`clause_words`, :mod:`saying_clauses` and :mod:`claim_clauses`;
:class:`QuoteClauses` joins them.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from factiongraph.extract.quotes.claim_clauses import ClaimClauses
from factiongraph.extract.quotes.clause_words import (
    Cue, IN_VIEW, MESSAGE_FROM, QUESTION_PUT, REPUTATION, time_gap, Token, TokenIndex)
from factiongraph.extract.quotes.patterns import Finding, singular, Speaker
from factiongraph.extract.quotes.speaker_descriptions import VOICES
from factiongraph.extract.view.dateline import dateline_end, dateline_end_in_line
from factiongraph.extract.view.docview import DocView
from factiongraph.extract.view.syntax import Syntax
from factiongraph.model import EntityType, Mention

__all__ = ["QuoteClauses", "TokenIndex"]


class QuoteClauses(ClaimClauses):
    """Find statements through the parse (see the module docstring)."""

    def attribute_parsed(self, view: DocView, index: TokenIndex, ms: list[Mention], start: int, end: int,
                         last: Speaker | None, seen: list[Speaker], roles: dict[str, str]) -> list[Finding]:
        """Return the statements of the sentence (or quotation unit) ``[start, end)``, in text order.

        ``index``: the document's :class:`TokenIndex` (built once per document).
        """
        i, j = index.token_range(start, end)
        if i >= j or self.cue_first_words.isdisjoint(index.lowers[i:j]):
            return []  # the word gate: no cue word among the sentence's tokens
        syn = view.ctx.syntax()
        span = index.doc[i:j]
        if "quoted" in index.lowers[i:j] or "cited" in index.lowers[i:j]:
            masked = self.masked(view.text, start, end)
            quoted_as = self.quoted_as_saying(view, ms, start, end, masked, roles) or \
                self.quoted_passive(view, ms, start, end, masked, roles)
            if quoted_as is not None:
                return [quoted_as]
        quoted = self._quoted_ranges(view.text, start, end)
        cues = self._find_cues(index, i, j, quoted)
        if not cues:
            return []
        if self._is_torn(index, i, j):  # the parser read this line as part of another: word order reads it better
            return self.attribute(view, ms, start, end, last, seen, roles)
        cue_at = {c.tok.i: c for c in cues}
        findings: list[Finding] = []
        done: dict[int, Cue] = {}
        taken: list[tuple[int, int, str]] = []  # reported words already attributed: tokens, kind
        relays: list[tuple[Cue, Finding, list[int]]] = []  # outlets that may relay someone's words
        for cue in cues:
            if self._is_reported(cue, taken, quoted, span) and not self._outlet_source(view, syn, cue):
                continue  # "X said Y told him ...": the inner verb is part of what X said
            if self.anonymity.match(view.text, cue.tok.idx):
                continue  # "who asked not to be named"
            found = self._finding(view, syn, cue, span, start, end, last, seen, roles, done, cue_at, quoted)
            if found is None:
                continue
            done[cue.tok.i] = cue
            cue.via = found.via
            inner = self._relayed_heads(view, syn, cue, cue_at)
            if inner:
                relays.append((cue, found, inner))
                continue  # decided below, once the words it reports are read
            if cue.content is not None and found.spans:  # "A condemned B, officials said": A's claim stands
                taken.append((*cue.content, "claim" if found.rule == "quote-claim" else "say"))
            findings.append(found)
            if len(found.speakers) == 1:
                last = found.speakers[0]  # "A said ..., and it vowed ...": the same sentence's speaker
        for cue, found, heads in relays:
            relayed = [f for f in findings if any(f.verb == span.doc[i].idx for i in heads)]
            described = self._outlet_subject(view, syn, cue) is not None
            if not relayed:  # "X reported that an investigation revealed ...": X's report
                findings.append(found)
            for f in relayed:  # "Y said ..., the IRNA news agency reported": IRNA relays Y's words
                f.via = f.via if f.via is not None else found.via if not described else self._outlet_before(
                    view, syn, cue)
                if cue.kind == "according":  # the words end before ", according to Reuters"
                    cut = cue.tok.idx
                    f.spans = [self.trim(view.text, a, cut) if a < cut < b else (a, b) for a, b in f.spans]
        findings = [f for f in findings if not self._sources_a_claim(f, done, span)]
        findings.sort(key=lambda f: f.verb)
        findings = self._outside_dateline(view, ms, start, end, findings)
        return [f for n, f in enumerate(findings) if f.spans or n == 0]

    def checked_fallback(self, view: DocView, index: TokenIndex, findings: list[Finding], seen: list[Speaker]
                         ) -> list[Finding]:
        """Return the word-order statements of a sentence the parse attributed nothing in, unless
        the parse's own vocabulary rules reject their verb or speaker.

        Word order reads sentences the small parser misreads, but it does not know what the parse
        path knows: a claim verb without the words it needs ("claimed two attacks", "held a
        funeral"), "read" without a statement reading, a verb of saying with an object and no
        clause ("forces found a rocket"), a country's people ("Many Iraqis blame"), and a name
        that only qualifies the subject ("armed groups aligned with Iran threatened ...": the
        groups speak, unnamed; "the tempo of attacks in Iraq continued": no one).
        """
        syn = view.ctx.syntax()
        out: list[Finding] = []
        for f in findings:
            at = f.verb + len(view.text[f.verb:f.verb + 3]) - len(view.text[f.verb:f.verb + 3].lstrip())
            i, j = index.token_range(at, at + 1)  # (a participle's position may hold the space before it)
            tok = index.doc[i] if i < j else None
            if tok is not None and self._contradicted(view, syn, tok):
                continue
            outlet = view.ctx.document.outlet_id
            if outlet is not None and all(sp.entity_id == outlet for sp in f.speakers):
                continue  # "The Tigris Dispatch reported last month that ..." in its own pages: its reporting
            if any(QUESTION_PUT.match(view.text, a) and b <= f.verb for a, b in f.spans):
                continue  # "Asked whether ..., X said no": the question put to X, not X's words
            if tok is not None:
                speakers = self._subject_instead(view, syn, tok, f, seen)
                if speakers is not None and not speakers:
                    continue
                f.speakers = speakers if speakers is not None else f.speakers
            out.append(f)
        return out

    def _contradicted(self, view: DocView, syn: Syntax, tok: Token) -> bool:
        """Return True when the parse path's vocabulary rejects a word-order statement's verb or subject."""
        low = tok.lower_
        if low in ("read", "reads", "put", "puts"):
            return True  # the parse path alone reads these ('"...," read a statement', "as X put it")
        if tok.dep_ == "pcomp" and tok.head.head.lower_ in REPUTATION:
            return True  # "X is known for threatening ...": a reputation
        doc = tok.doc
        phrases = self.cue_phrases.get(low, ())
        phrase = any(len(words) > 1 and tuple(t.lower_ for t in doc[tok.i:tok.i + len(words)]) == words
                     for words, _ in phrases)  # "called on", "called for"
        claims = any(kind == "claim" for _, kind in phrases)
        if claims and not self._is_claim(tok, passive=self._is_passive(view, tok), phrase=phrase):
            return True  # "claimed two attacks", "held a funeral", "hails from Diyala"
        kinds = {kind for words, kind in self.cue_phrases.get(low, ()) if len(words) == 1}
        if kinds == {"say"} and self._says_nothing(view, tok):
            return True  # "Kataib Hezbollah responded within hours.": a reaction told, no words
        if kinds == {"say"} and any(c.dep_ == "dobj" and not self._addressee(syn, tok, c) for c in tok.children) \
                and not any(c.dep_ in ("ccomp", "parataxis") for c in tok.children):
            return True
        for s_ in self._nominal_subjects(syn, tok):
            m = syn.mention_at(s_)
            if s_.i < tok.i and m is not None and view.type_of(m) is EntityType.COUNTRY and self._is_people(view, m):
                return True
        return False

    def _subject_instead(self, view: DocView, syn: Syntax, tok: Token, f: Finding, seen: list[Speaker]
                         ) -> list[Speaker] | None:
        """Return who speaks when word order took a name inside a preposition of the verb's subject
        (None: word order's speakers stand; empty: no one speaks).

        The subject itself when its head is a noun that speaks (a collective, a source, a body:
        "Iraqi armed groups aligned with Iran", unnamed), else no one.
        """
        named = {sp.entity_id for sp in f.speakers if sp.entity_id is not None}
        subjects = [t for t in self._nominal_subjects(syn, tok) if t.i < tok.i]
        within = {str(m.entity_id) for s_ in subjects for t in s_.subtree if (m := syn.mention_at(t)) is not None}
        if subjects and named and not named & within:
            return []  # the parse's subject is a phrase word order could not name: no guess elsewhere
        for s_ in subjects:
            inner = [t for t in s_.subtree if t.dep_ == "pobj" and t.i != s_.i
                     and (m := syn.mention_at(t)) is not None and m.entity_id in named]
            if not inner:
                continue
            low = s_.lower_
            if low in self.collective_heads or low in self.source_heads or low in self.body_nouns:
                source = self._anonymous(view, s_, seen)
                if self.is_bare_plural(source) and singular(low) in self.organisation_singulars:
                    return []  # "militias such as X threaten ...": a characterisation, as in the parse path
                return [source]
            if low in self.statement_nouns or low in self.spokes_nouns:
                return None  # "a statement from X", "the office of X": X speaks through them
            if singular(low) in self.role_head_words:  # "the head of X's media office": described, unnamed
                return [Speaker(None, self.role_text(view, s_), False, f"desc-person:{low}#{s_.idx}")]
            return []
        return None

    @staticmethod
    def _outside_dateline(view: DocView, ms: list[Mention], start: int, end: int,
                          findings: list[Finding]) -> list[Finding]:
        """Drop what a wire dateline says as if it spoke ("BAGHDAD (Reuters) - X denied ...": the
        place and the agency are not speakers) and start the reported words after it."""
        cut = dateline_end(view.text, start, end) or dateline_end_in_line(view.text, start, end)
        if cut is None:
            return findings
        later = {m.entity_id for m in ms if m.start >= cut}
        dated = {m.entity_id for m in ms if m.start < cut} - later  # the place and the agency
        out: list[Finding] = []
        for f in findings:
            # (a title after the dateline may stand for someone named elsewhere: "Iraq's prime minister")
            speakers = [sp for sp in f.speakers if sp.entity_id is None or sp.entity_id not in dated]
            if not speakers:
                continue
            f.speakers = speakers
            f.spans = [(max(a, cut), b) for a, b in f.spans if b > cut]
            out.append(f)
        return out

    def _outlet_source(self, view: DocView, syn: Syntax, cue: Cue) -> bool:
        """Return True for ", according to <outlet>" closing a clause: the source of the whole
        report ("X said the group would not disarm, according to Reuters"), not part of X's words."""
        doc = cue.tok.doc
        if cue.kind != "according" or cue.tok.i == 0 or doc[cue.tok.i - 1].text != ",":
            return False
        objs = [o for _, o in syn.prep_objects(cue.tok, ("to",))]
        if any(m.entity_id and view.type_of(m) is EntityType.MEDIA_OUTLET for o in objs for m in syn.phrase_mentions(o)):
            return True
        # "..., according to a statement carried (published) by INA": the outlet that carried it
        return any(self._carrier(view, syn, o) is not None for o in objs)

    def _outlet_subject(self, view: DocView, syn: Syntax, cue: Cue) -> Token | None:
        """Return the subject of a verb of saying that describes an outlet without naming it ("...,
        the official news agency reported"), or None."""
        if cue.kind != "say" or len(cue.speakers) != 1 or cue.speakers[0].entity_id is not None:
            return None
        return next((s for s in self._nominal_subjects(syn, cue.tok) if s.lower_ in self.outlet_nouns
                     and self._names_outlet(view, syn, s)), None)

    def _outlet_before(self, view: DocView, syn: Syntax, cue: Cue) -> str | None:
        """Return the outlet a definite description of one means ("the agency reported" after INA was
        named): the last media outlet named before it, or None."""
        subject = self._outlet_subject(view, syn, cue)
        if subject is None or not any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children):
            return None
        return next((str(m.entity_id) for m in reversed(view.mentions) if m.end <= subject.idx and m.entity_id
                     and view.type_of(m) is EntityType.MEDIA_OUTLET), None)

    def _relayed_heads(self, view: DocView, syn: Syntax, cue: Cue, cue_at: dict[int, Cue]) -> list[int]:
        """Return the cue tokens whose words an outlet's report may only relay.

        "The IRNA news agency reported that X said ...": the reported clause's own verb; "X said
        ..., the IRNA news agency reported": the verb of the clause the report is set in.
        """
        if len(cue.speakers) != 1 or not (self.is_outlet(view, cue.speakers[0].entity_id) or self._cites_statement(cue)
                                          or self._outlet_subject(view, syn, cue) is not None):
            return []
        if cue.kind == "according":  # "X said ..., according to Rudaw": Rudaw relays X's words
            head = cue.tok.head
            # the phrase may hang on the reported clause ("X said [the group would not disarm],
            # according to Reuters") or on a clause whose speaker stands in brackets ("..., X said,")
            heads = [head, *([head.head] if head.dep_ == "ccomp" else []),
                     *(c for c in head.children if c.dep_ == "parataxis")]
        elif cue.content is not None:
            heads = [c for c in cue.tok.children if c.dep_ in ("ccomp", "parataxis")]
            if not self.is_outlet(view, cue.speakers[0].entity_id):  # a statement: "X received Y, during
                # which he affirmed that ..., said a statement from his office": any verb of saying in its words
                heads += [t for t in cue.tok.doc[cue.content[0]:cue.content[1]] if t.i in cue_at]
        else:
            heads = [cue.tok.head]
        heads = [h for t in heads for h in (t, *t.conjuncts)]
        return [h.i for h in heads if h.i in cue_at and h.i != cue.tok.i
                and not cue_at[h.i].kind.startswith("participle")]

    def quote_after_clause(self, view: DocView, index: TokenIndex, start: int, end: int, last: Speaker | None,
                           seen: list[Speaker], roles: dict[str, str]) -> Finding | None:
        """Return a quotation set after a clause whose subject is its speaker, with no verb of saying.

        "The prime minister was quick to respond on Twitter: "..."": the quotation (of at least
        ``min_quote_words`` + 2 words) follows a comma or colon after the main verb, and the main
        verb's subject is a named speaker (or a pronoun or title meaning one).
        """
        text = view.text
        quotes = [(s, e) for s, e in self.long_quotes(text, start, end) if len(text[s:e].split()) >= self.min_words + 2]
        if not quotes or not re.search(r"[,:]\s*[\"\u201c]$", text[start:quotes[0][0]]):
            return None
        i, j = index.token_range(start, end)
        root = next((index.doc[k] for k in range(i, j) if index.heads[k] == k and not index.bare[k]), None)
        if root is not None and root.idx >= quotes[0][0]:
            # the parser made the quotation the sentence's root ("X's message was blunt: "Leave ...""):
            # the clause before it is the verb whose subject heads the words left of the quotation
            root = next((index.doc[k] for k in range(i, j) if index.starts[k] < quotes[0][0] and not index.bare[k]
                         and index.starts[index.heads[k]] >= quotes[0][0]), None)
        if root is None or root.idx >= quotes[0][0]:
            return None
        syn = view.ctx.syntax()
        subjects = [t for t in self._nominal_subjects(syn, root) if t.idx < quotes[0][0]]
        speakers = [sp for sp in self._speakers(view, syn, subjects, root.idx, last, seen, roles)
                    if sp.entity_id is not None and not self.is_outlet(view, sp.entity_id)]
        if len(speakers) != 1:
            return None
        via = self.parsed_via(view, syn, root, {t.i for s_ in subjects for t in s_.subtree})
        return Finding(speakers, "quote-reported", [(quotes[0][0], quotes[-1][1])], via, root.idx)

    def quote_after_name(self, view: DocView, ms: list[Mention], start: int, end: int,
                         roles: dict[str, str]) -> Finding | None:
        """Return 'X: "..."': a quotation after a speaker's name and a colon, the name all there is
        before it (a headline's or a live blog's way of quoting)."""
        text = view.text
        match = re.match(r"\s*(?P<name>[^:\n]{2,80}?)\s*:\s*[\"\u201c]", text[start:end]) or \
            re.match(r"\s*For\s+(?P<name>[^,\n\"\u201c]{2,80}?)\s*,\s*[\"\u201c]", text[start:end])  # 'For X, "..."'
        quotes = self.long_quotes(text, start, end)
        if match is None or not quotes:
            return None
        name_start, name_end = start + match.start("name"), start + match.end("name")
        speaker = next((m for m in ms if m.start == name_start and m.end == name_end and m.entity_id
                        and view.type_of(m) in VOICES and not self.is_outlet(view, m.entity_id)), None)
        if speaker is None:
            return None
        eid = str(speaker.entity_id)
        return Finding([Speaker(eid, roles.get(eid), False, eid)], "quote-reported",
                       [(quotes[0][0], quotes[-1][1])], None, name_start)

    def in_view_of(self, view: DocView, ms: list[Mention], start: int, end: int, last: Speaker | None,
                   seen: list[Speaker], roles: dict[str, str]) -> Finding | None:
        """Return "In his view, ...", "In X's view, ...", "In the view of X, ..." opening a sentence:
        the rest of the sentence is the view's holder's ("his": who "he" is)."""
        text = view.text
        match = IN_VIEW.match(text, start, end)
        if match is None:
            return None
        words = self.trim(text, match.end(), end)
        if len(text[words[0]:words[1]].split()) < 3:
            return None
        if match.group("pronoun") is not None:
            pronoun = {"his": "he", "her": "she", "their": "they"}[match.group("pronoun").lower()]
            sp = self.resolve_pronoun(view, pronoun, start, last, seen, roles)
            speakers = [sp] if sp is not None else []
        else:
            a, b = match.span("owner") if match.group("owner") is not None else match.span("holder")
            if text[a:b].startswith("the "):
                a += 4  # the whole phrase is one name ("the Pentagon"), not "many Iraqis"
            speakers = [Speaker(str(m.entity_id), roles.get(str(m.entity_id)), False, str(m.entity_id))
                        for m in ms if m.start == a and m.end == b and m.entity_id
                        and view.type_of(m) in VOICES and not self.is_outlet(view, m.entity_id)]
        return Finding(speakers, "quote-reported", [words], None, start) if speakers else None

    def quote_before_dash(self, view: DocView, ms: list[Mention], start: int, end: int,
                          roles: dict[str, str]) -> Finding | None:
        """Return '"..." - Foreign Minister X.': a quotation signed after a dash with the speaker's
        name (and title), the name all there is after it (a live blog's or a pull quote's way)."""
        text = view.text
        quotes = self.long_quotes(text, start, end)
        if not quotes:
            return None
        tail = re.match(r"[\s\"\u201d,.]*[\u2013\u2014-]{1,2}\s*(?P<sig>[^\"\u201c\u201d]{2,120}?)[\s.]*$",
                        text[quotes[-1][1]:end])
        if tail is None or not re.match(r"\s*[\"\u201c]", text[start:quotes[0][0] + 1]):
            return None
        sig_end = quotes[-1][1] + tail.end("sig")
        message = MESSAGE_FROM.match(tail.group("sig"))
        sig_start = quotes[-1][1] + tail.start("sig") + (message.end() if message else 0)
        speaker = next((m for m in ms if (m.start == sig_start if message else m.end == sig_end) and m.entity_id
                        and view.type_of(m) in VOICES and not self.is_outlet(view, m.entity_id)), None)
        if speaker is None:
            return None
        eid = str(speaker.entity_id)
        return Finding([Speaker(eid, roles.get(eid), False, eid)], "quote-reported",
                       [(quotes[0][0], quotes[-1][1])], None, speaker.start)

    # -- cues -----------------------------------------------------------------------------
    def _find_cues(self, index: TokenIndex, i: int, j: int, quoted: list[tuple[int, int]]) -> list[Cue]:
        """Return the cues of the tokens ``[i, j)`` outside quotation marks, in text order."""
        out: list[Cue] = []
        lowers = index.lowers
        for k in range(i, j):
            phrases = self.cue_phrases.get(lowers[k])
            if not phrases or any(a <= index.starts[k] < b for a, b in quoted):
                continue
            gap = time_gap(lowers, k + 1, j)  # "called on Friday for calm": the day parts the cue
            for words, kind in phrases:
                skip = next((g for g in (0, gap) if (g == 0 or len(words) > 1) and
                             tuple(lowers[k + 1 + g:min(j, k + len(words) + g)]) == words[1:]), None)
                if skip is not None:
                    if (kind == "say" and self._unsaid(index.doc[k])) or (
                            kind == "claim" and self._is_prospective(index.doc[k])):
                        break
                    out.append(Cue(index.doc[k], kind, k + len(words) + skip))
                    break
        return out

    # -- one cue --------------------------------------------------------------------------
    def _finding(self, view: DocView, syn: Syntax, cue: Cue, span: Any, start: int, end: int,
                 last: Speaker | None, seen: list[Speaker], roles: dict[str, str],
                 done: dict[int, Cue], cue_at: dict[int, Cue], quoted: list[tuple[int, int]]) -> Finding | None:
        tok = cue.tok
        if tok.lower_ in ("put", "puts"):
            aside = self._as_put_it(view, syn, cue, span, start, end, last, seen, roles)
            if aside is not None or not self.long_quotes(view.text, tok.idx, end):
                return aside  # else 'X put it bluntly: "..."', a verb of saying before its quotation
        if cue.kind == "say" and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children) and not any(
                c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "dobj" and not self._addressee(syn, tok, c))
                for c in tok.children):
            aside = self._as_put_it(view, syn, cue, span, start, end, last, seen, roles)
            if aside is not None:  # "As X of Chatham House notes, the factions ...": the rest is X's
                return aside
        if tok.lower_ in ("read", "reads"):
            # '"...," read a statement from X' (the parse may make the statement an object): a text
            # speaks; "he read the names" does not
            texts = [c for c in tok.children if c.dep_ in ("nsubj", "dobj") and c.lower_ in self.statement_nouns]
            speakers = self._speakers(view, syn, texts, tok.idx, last, seen, roles) if texts else []
            if texts and not speakers and syn.agents(tok):  # "read a statement by X": the parse hung "by X" on "read"
                speakers = [sp for sp in self._speakers(view, syn, syn.agents(tok), tok.idx, last, seen, roles)
                            if sp.entity_id is not None]
            if not speakers:
                return None
            return self._saying(view, syn, cue, self._content(syn, tok, span), span, start, end, last, seen,
                                roles, cue_at, quoted, speakers)
        if cue.kind == "according":
            return self._according(view, syn, cue, start, end, last, seen, roles)
        if cue.kind.startswith("participle") and self._progressive(tok):
            # "X is demanding a withdrawal", "X has been insisting that ...": the verb of its subject
            cue.kind = "say" if cue.kind == "participle-say" else "claim"
        if cue.kind.startswith("participle"):
            return self._participle(view, syn, cue, span, start, end, last, seen, roles, done)
        noun = self._rooted_subject(tok) if not syn.agents(tok) and not self._is_passive(view, tok) else None
        if noun is not None and (cue.kind == "say" or self._is_claim(tok, phrase=cue.end - tok.i > 1)):
            # "A lawmaker from the Sadrist bloc called on Sunday on the government to ...": the parser made
            # the subject the root and hung the verb on a noun inside it; the whole phrase speaks
            before = self.trim(view.text, noun.left_edge.idx, tok.idx)
            cue.speakers = [replace(sp, role=view.text[before[0]:before[1]])
                            if sp.entity_id is None and sp.role and len(sp.role) > before[1] - before[0] else sp
                            for sp in self.speakers_of(view, syn, noun, tok.idx, last, seen, roles)]
            if cue.speakers and cue.kind == "claim":
                found = self._claim_finding(view, syn, cue, span, start, end, done, cue_at)
                # the words the parser hung on the root after the verb are the claim's too
                found.spans = [self.trim(view.text, a, max(b, self._end_char(tok.doc, min(noun.right_edge.i,
                                                                                           span.end - 1))))
                               for a, b in found.spans]
                return found
            if cue.speakers:
                return self._saying(view, syn, cue, self._content(syn, tok, span), span, start, end, last, seen,
                                    roles, cue_at, quoted, cue.speakers)
        if tok.dep_ == "acl" and (cue.kind == "say" or (cue.kind == "claim" and tok.lower_ in self.say_words
                                                       and self._content(syn, tok, span) is not None)) \
                and not syn.agents(tok) and tok.head.i < tok.i and not self._is_passive(view, tok):
            # a noun made the root of a sentence with no other verb ("A source revealed to X that ..."):
            # the verb's subject, whoever it is
            rooted = tok.head.dep_ == "ROOT" and self._content(syn, tok, span) is not None
            named = [sp for sp in self.speakers_of(view, syn, tok.head, tok.idx, last, seen, roles)
                     if sp.entity_id is not None or rooted]
            if named:  # '"...," Colonel X, Coalition spokesman, tweeted': the parse hung the verb on X
                return self._saying(view, syn, cue, self._content(syn, tok, span), span, start, end, last, seen,
                                    roles, cue_at, quoted, named)
        if self._misread_claim(view, syn, cue):
            # "Iraq's top cleric, Grand Ayatollah X, called on Friday for calm and urged ...": the parser
            # hung the finite verb on the name before it; that name claims
            cue.speakers = [sp for sp in self.speakers_of(view, syn, tok.head, tok.idx, last, seen, roles)
                            if sp.entity_id is not None]
            if cue.speakers:
                return self._claim_finding(view, syn, cue, span, start, end, done, cue_at)
        if tok.dep_ in ("amod", "compound", "nmod") or self._is_passive(view, tok) or tok.dep_ == "acl" \
                or self._misread_participle(tok):
            agents = syn.agents(tok) if cue.kind == "claim" and self._is_claim(tok, passive=True,
                                                                                  phrase=cue.end - tok.i > 1) else []
            if not agents:
                return None  # "the reported attack", "was said to be", "the militia blamed for"
            cue.speakers = self._speakers(view, syn, agents, tok.idx, last, seen, roles)
            if not cue.speakers:
                return None
            return self._claim_finding(view, syn, cue, span, start, end, done, cue_at)
        content = self._content(syn, tok, span)
        if cue.kind == "claim" and tok.lower_ in self.say_words and (
                content is not None or self._is_parenthetical(tok, view.text, start)):
            cue.kind = "say"  # "X warned that ...", "A, he warned, B"
        own_verb = self._own_verb_of(tok)
        outer = done.get(own_verb.i) if own_verb is not None else None
        if outer is not None and outer.kind == "say" and outer.speakers:
            # "X stressed that A is B and called on C": the parse joined X's second verb to A's clause
            cue.speakers = list(outer.speakers)
            if cue.kind == "claim":
                if not self._is_claim(tok, phrase=cue.end - tok.i > 1):
                    return None
                return self._claim_finding(view, syn, cue, span, start, end, done, cue_at)
            return self._saying(view, syn, cue, content, span, start, end, last, seen, roles, cue_at, quoted,
                                cue.speakers, subjects=[])
        if tok.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            first = tok.head
            while first.dep_ == "conj" and first.head.i != first.i:
                first = first.head
            if first.dep_ == "relcl" and first.i not in cue_at:
                return None  # "X, who took office in May and has pledged to ...": a description of X
            if cue.kind == "say" and first.i in done and done[first.i].kind == "say":
                return None  # "wrote that ... and said ...": one statement
        if cue.kind == "claim":
            own = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "agent")
                   or (c.dep_ == "prep" and c.lower_ == "by")]
            if tok.dep_ == "conj" and tok.head.i in done and done[tok.head.i].kind == "claim" and not own:
                return None  # "condemned the attack and pledged ...": one claim
            subjects = self._nominal_subjects(syn, tok)
            cue.speakers = self._subject_speakers(view, syn, tok, subjects, start, end, last, seen, roles)
            if not cue.speakers and syn.agents(tok):
                # "an attack also claimed by the same group": the subject is what was claimed
                cue.speakers = self._speakers(view, syn, syn.agents(tok), tok.idx, last, seen, roles)
            elif not self._is_claim(tok, phrase=cue.end - tok.i > 1):
                return None
            if not cue.speakers:
                return None
            return self._claim_finding(view, syn, cue, span, start, end, done, cue_at)
        return self._saying(view, syn, cue, content, span, start, end, last, seen, roles, cue_at, quoted)
