"""Where the statements are: quotations, verbs of saying and claims, several statements per sentence.

Joins sentences inside one open quotation, finds the attribution of a sentence (a verb of
saying, "according to", a claim verb, a participle after the subject's verb), splits a sentence
into clauses that each hold their own attribution, and cuts the evidence span of the quoted or
reported words (the outlet a statement was relayed through: :mod:`quote_vias`).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from factiongraph.extract.view.docview import DocView
from factiongraph.extract.quotes.patterns import _QUOTE, _SPEAKERS, EDGE_TRIM, Finding, Speaker
from factiongraph.extract.quotes.vias import QuoteVias
from factiongraph.model import EntityType, Mention

log = logging.getLogger(__name__)

# Who may speak with a verb of saying or "according to": the speaker types, and outlets ("X reported").
_VOICES = _SPEAKERS | {EntityType.MEDIA_OUTLET}
# Verbs whose object is the addressee, never the speaker ("X told the council").
_ADDRESS_VERBS = frozenset({"told", "tells"})
_CLAUSE = re.compile(r",\s*(?:and|but|while|whereas)\s+|;\s+|,\s*(?=(?:which|who)\s)")
_TRIM = EDGE_TRIM


class QuoteSpans(QuoteVias):
    """Locate quoted and reported speech in sentences and cut its evidence spans."""

    # -- quotations -----------------------------------------------------------------------
    def join_open_quotes(self, view: DocView) -> list[tuple[int, int]]:
        """Return sentences, joining those that sit inside one open quotation on one line.

        A sentence the splitter cut off before its end ("Kadhimi | and Halbusi both welcomed
        ...": no closing punctuation, the next piece on the same line) is joined too.
        """
        out: list[tuple[int, int]] = []
        for start, end in view.sentences:
            if out:
                prev = view.text[out[-1][0]:out[-1][1]]
                opened = prev.count('"') % 2 == 1 or prev.count("\u201c") > prev.count("\u201d")
                cut = not re.search(r"[.!?:;\"'\u201d\u2019)\]]\s*$", prev) and \
                    re.match(r"\s*(?:and|or|but|nor)\b", view.text[start:end]) is not None
                # '"Who will protect us?" | he asked.': a question or exclamation quoted, then its attribution
                asked = re.search(r"[?!][\"\u201d\u2019]\s*$", prev) is not None and \
                    re.match(r"\s*[a-z]", view.text[start:end]) is not None
                if (opened or cut or asked) and "\n" not in view.text[out[-1][1]:start]:
                    out[-1] = (out[-1][0], end)
                    continue
            out.append((start, end))
        return out

    def long_quotes(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Return inner spans of quotations with at least ``min_quote_words`` words."""
        spans = []
        for m in _QUOTE.finditer(text, start, end):
            if len(m.group(1).split()) >= self.min_words:
                s, e = m.start(1), m.end(1)
                while e > s and text[e - 1] in " ,":
                    e -= 1
                spans.append((s, e))
        return spans

    def is_quoted(self, text: str, m: Mention, start: int) -> bool:
        """Return True when a mention lies inside quotation marks of its sentence."""
        before = text[start:m.start]
        return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")

    # -- attribution ----------------------------------------------------------------------
    def attribute(self, view: DocView, ms: list[Mention], start: int, end: int,
                  last: Speaker | None, seen: list[Speaker], roles: dict[str, str]) -> list[Finding]:
        """Return the attributed statements of one sentence, one per clause with its own speaker.

        "X said A, and officials said B" and "Y blamed A on B, which denied it" are split at the
        clause boundary when both sides hold an attribution; otherwise the sentence is one unit.
        Each span's answer is computed once (the split tries the rest of the sentence from every
        boundary, and those rests nest).
        """
        if not view.holds_any(self.cue_words, start, end):
            return []
        units: dict[tuple[int, int], list[Finding]] = {}
        clauses: dict[tuple[int, int], Finding | None] = {}

        def clause(s: int, e: int) -> Finding | None:
            if (s, e) not in clauses:
                clauses[s, e] = self.attribute_clause(view, ms, s, e, last, seen, roles)
            return clauses[s, e]

        def unit(s: int, e: int) -> list[Finding]:
            if (s, e) not in units:
                units[s, e] = self._attribute_unit(view, ms, s, e, roles, unit, clause)
            return units[s, e]

        return list(unit(start, end))

    def _attribute_unit(self, view: DocView, ms: list[Mention], start: int, end: int, roles: dict[str, str],
                        unit: Callable[[int, int], list[Finding]],
                        clause: Callable[[int, int], Finding | None]) -> list[Finding]:
        masked = self.masked(view.text, start, end)
        for boundary in _CLAUSE.finditer(masked):
            b_start, b_end = start + boundary.start(), start + boundary.end()
            second = unit(b_end, end)
            if not second or second[0].verb < b_end:
                continue
            first = clause(start, b_start)
            if first is None:
                whole = clause(start, end)
                return [whole] if whole is not None else second
            if first.speakers[0].key != second[0].speakers[0].key:
                return [first, *second]
        found = clause(start, end)
        if found is None:
            found = self.participle_claim(view, ms, start, end, roles)
        return [found] if found is not None else []

    def attribute_clause(self, view: DocView, ms: list[Mention], start: int, end: int,
                         last: Speaker | None, seen: list[Speaker], roles: dict[str, str]
                         ) -> Finding | None:
        """Return the first attribution of ``[start, end)`` (a verb of saying, "according to", a claim)."""
        text = view.text
        masked = self.masked(text, start, end)
        quoted = self.quoted_as_saying(view, ms, start, end, masked, roles)
        if quoted is not None:
            return quoted
        for verb in self.say.finditer(masked):
            vs, ve = start + verb.start(), start + verb.end()
            if not self.is_statement_verb(text, start, vs, ve, end, verb.group().lower()):
                continue
            speakers, a_start = self.speaker_before(view, ms, start, vs, last, seen, roles, _VOICES)
            a_end = ve
            addressed = verb.group().lower() in _ADDRESS_VERBS
            if not speakers:
                after = None if addressed else self.speaker_after(view, ms, ve, end, roles)
                if after is None:
                    continue  # "X told the council": the name after "told" is not the speaker
                speakers, a_end = [after[0]], after[1]
                a_start = vs
            found = self.find_via(view, ms, start, a_start, vs, a_end, end)
            via, a_end = found.via, found.a_end
            a_start = min(a_start, found.a_start)
            if len(speakers) == 1 and self.is_outlet(view, speakers[0].entity_id):
                via = speakers[0].entity_id  # "Jerusalem Post reported": the outlet relays its own words
            if addressed and via is None:
                a_end += self.addressee_length(text, a_end, end)
            a_end += self.attribution_tail(text, a_end, end)
            return Finding(speakers, "quote-reported", self.evidence_spans(view, start, end, a_start, a_end),
                           via, vs)
        for match in self.according.finditer(masked):
            pos = start + match.end()
            after = self.speaker_after(view, ms, pos - 1, end, roles, according=True, kinds=_VOICES)
            if after is not None:
                outlet = after[0].entity_id if self.is_outlet(view, after[0].entity_id) else None
                return Finding([after[0]], "quote-reported",
                               [self.evidence_span(view, start, end, start + match.start(), after[1])],
                               outlet, start + match.start())
        for verb in self.claim.finditer(masked):
            vs = start + verb.start()
            if re.search(r"\b(?:was|were|been|be|being|is|are)\s+$", text[start:vs], re.IGNORECASE):
                continue
            speakers = self.subject_list(view, ms, start, vs, roles)
            if not speakers:
                plural = self.anon_plural.search(text[start:vs])
                speakers = [self.plural_source(plural.group("np"))] if plural else []
            if speakers:
                first = min((m.start for m in ms if m.entity_id == speakers[0].entity_id and m.end <= vs),
                            default=vs)
                via = self.find_via(view, ms, start, first, vs, start + verb.end(), end).via
                starts = {sp.key: max(m.start for m in ms if m.entity_id == sp.entity_id and m.end <= vs)
                          for sp in speakers if len(speakers) > 1
                          and any(m.entity_id == sp.entity_id and m.end <= vs for m in ms)}
                return Finding(speakers, "quote-claim", [self.trim(text, vs, end)], via, vs, starts)
        return None

    def is_statement_verb(self, text: str, start: int, vs: int, ve: int, end: int, verb: str) -> bool:
        """Return False for "claimed an attack", "was reported", "the reported attack", "reported 5 cases"."""
        if verb == "claimed":
            return re.match(r"\s*(?:that\b|responsibility\b|to\b|[,.:;\"\u201c]|$)", text[ve:end]) is not None
        if verb in self.report_verbs:
            if re.search(r"\b(?:was|were|been|be|being|is|are|the|a|an|its|his|her|their)\s+$",
                         text[start:vs], re.IGNORECASE):
                return False
            return re.match(r"\s*(?:that\b|on\b|in\b|late\b|earlier\b|last\b|citing\b|[,.:;\"\u201c]|$)",
                            text[ve:end]) is not None
        return True

    @staticmethod
    def attribution_tail(text: str, a_end: int, end: int) -> int:
        """Return the length of what still belongs to the attribution after ``a_end``.

        A date, a channel ("on Monday", "on Twitter"), "on condition of anonymity", "in a statement ...",
        a comma, "that" or a colon.
        """
        tail = re.match(r"(?:\s*(?:on|late|early|last)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
                        r"Saturday|Sunday|Twitter|X|Telegram|Facebook|television|night|week)\b)*"
                       r"(?:\s*,?\s*(?:speaking\s+)?on\s+(?:the\s+)?condition\s+of\s+anonymity\b)?"
                        r"\s*(?:in\s+a\s+(?:statement|tweet|post|speech|interview)\b"
                        r"(?:[^,:\"\u201c]{0,60}?(?=\s*(?:,|:|\bthat\b)))?)?"
                        r"\s*(?:,\s*)?(?:that\s+|:\s*)?", text[a_end:end])
        return tail.end() if tail else 0

    @staticmethod
    def addressee_length(text: str, a_end: int, end: int) -> int:
        """Return the length of the addressee after "told" ("reporters in Baghdad that"), 0 if unclear."""
        told = re.match(r"\s+(?:[\w'\u2019-]+\s+){1,6}?(?=that\b)", text[a_end:end])
        return told.end() if told else 0

    def quoted_as_saying(self, view: DocView, ms: list[Mention], start: int, end: int, masked: str,
                         roles: dict[str, str]) -> Finding | None:
        """Return "X quoted (cited) Y as saying ..." (speaker Y, via the outlet X when X is one)."""
        match = re.search(r"\b(?P<verb>quoted|cited)\s+(?P<who>.{2,120}?)\s+as\s+say(?:ing|s)\b\s*(?:that\s+|:\s*)?",
                          masked, re.IGNORECASE)
        if match is None:
            return None
        q_start = start + match.start()
        after = self.speaker_after(view, ms, start + match.end("verb"), start + match.end("who"), roles)
        if after is None and match.group("who").lower() in ("him", "her"):
            # '"...," his office quoted him as saying': the person named last
            pronoun = self.resolve_pronoun(view, "he", q_start, None, [], roles)
            after = (pronoun, start + match.end("who")) if pronoun is not None else None
        if after is None:
            return None
        # "X quoted", "the X news agency quoted", "X, which is close to Y, quoted": the outlet relays
        outlet = next((m.entity_id for m in reversed(ms) if m.end <= q_start and self.is_outlet(view, m.entity_id)
                       and re.fullmatch(r"(?:\s+(?:news\s+agency|agency|newspaper|daily|channel|TV|website))?"
                                        r"(?:\s*,\s*(?:which|that|a|an|the)\b[^,;]*,)?"
                                        r"(?:\s+(?:also|later|earlier))?\s+", view.text[m.end:q_start])), None)
        quotes = self.long_quotes(view.text, start + match.end(), end)
        if not quotes and len(re.findall(r"\w+", view.text[start + match.end():end])) < 3:
            quotes = self.long_quotes(view.text, start, q_start)  # '"...," his office quoted him as saying'
            if not quotes:
                return None
        span = (quotes[0][0], quotes[-1][1]) if quotes else self.trim(view.text, start + match.end(), end)
        return Finding([after[0]], "quote-reported", [span], outlet, q_start)

    def quoted_passive(self, view: DocView, ms: list[Mention], start: int, end: int, masked: str,
                       roles: dict[str, str]) -> Finding | None:
        """Return "..., Y was quoted as saying by X" and "Y was quoted by X as saying ..." (speaker
        Y, via the outlet X when X is one)."""
        match = re.search(r"\s+(?:was|were|is|has\s+been|had\s+been)\s+(?:quoted|cited)\s+(?:by\s+(?P<by1>[^,;]{2,80}?)\s+)?"
                          r"as\s+say(?:ing|s)\b(?:\s+by\s+(?P<by2>[^,;]{2,80}?)(?=[\s,.;]*$|,))?\s*(?:that\s+|:\s*)?",
                          masked, re.IGNORECASE)
        if match is None:
            return None
        q_start = start + match.start()
        who = next((m for m in reversed(ms) if m.end == q_start and view.type_of(m) in _SPEAKERS), None)
        speaker: Speaker | None = None
        if who is None or who.entity_id is None:
            # "A senior Badr commander was cited as saying ...": an unnamed source described
            unnamed, u_start = self.speaker_before(view, [], start, q_start, None, [], roles)
            if len(unnamed) != 1 or not unnamed[0].anonymous:
                return None
            speaker, who_start = unnamed[0], u_start
        else:
            eid = str(who.entity_id)
            speaker, who_start = Speaker(eid, roles.get(eid), False, eid), who.start
        by = "by1" if match.group("by1") else "by2"
        via = None
        if match.group(by):
            lo, hi = start + match.start(by), start + match.end(by)
            via = next((m.entity_id for m in ms if lo <= m.start and m.end <= hi and self.is_outlet(view, m.entity_id)),
                       None)
        rest = view.text[start + match.end():end]
        if len(re.findall(r"\w+", rest)) >= 3:  # "Y was quoted as saying that ..."
            quotes = self.long_quotes(view.text, start + match.end(), end)
            span = (quotes[0][0], quotes[-1][1]) if quotes else self.trim(view.text, start + match.end(), end)
            return Finding([speaker], "quote-reported", [span], via, q_start)
        lead = view.text[start:who_start]  # "The group had no role, Y was quoted as saying"
        cut = lead.rstrip().rstrip(",").rstrip()
        if len(re.findall(r"\w+", cut)) < 3:
            return None
        quotes = self.long_quotes(view.text, start, start + len(cut))
        span = (quotes[0][0], quotes[-1][1]) if quotes else self.trim(view.text, start, start + len(cut))
        return Finding([speaker], "quote-reported", [span], via, q_start)

    def participle_claim(self, view: DocView, ms: list[Mention], start: int, end: int,
                         roles: dict[str, str]) -> Finding | None:
        """Return "X visited the site, promising ..." (a claim in a participle after the subject's verb)."""
        text = view.text
        subject = ms[0] if ms else None
        if subject is None or view.type_of(subject) not in _SPEAKERS or not re.fullmatch(
                r"(?:[^,\"\u201c]{0,50},\s*)?", text[start:subject.start]):
            return None  # the subject opens the sentence, after at most a short adverbial
        masked = self.masked(text, start, end)
        for cue in self.continuation.finditer(masked, subject.end - start):
            pos = start + cue.end()
            if cue.group() and re.match(r"\s*(?:,|\w+\s+\w+)", text[subject.end:start + cue.start()]) \
                    and not re.match(r"['\u2019]s?\s", text[subject.end:subject.end + 3]):
                eid = str(subject.entity_id)
                if cue.group("say"):
                    return Finding([Speaker(eid, roles.get(eid), False, eid)], "quote-reported",
                                   [self.trim(text, pos, end)], None, start + cue.start())
                return Finding([Speaker(eid, roles.get(eid), False, eid)], "quote-claim",
                               [self.trim(text, pos, end)], None, start + cue.start())
        return None

    # -- evidence spans -------------------------------------------------------------------
    def evidence_span(self, view: DocView, start: int, end: int, a_start: int, a_end: int
                      ) -> tuple[int, int]:
        """Return the quoted or reported words of a sentence, without the attribution."""
        text = view.text
        spans = self.long_quotes(text, start, end)
        if spans:
            return spans[0][0], spans[-1][1]
        before = text[start:a_start].strip(_TRIM)
        after = text[a_end:end].strip(_TRIM + ".")
        if len(before.split()) >= 3:
            if len(after.split()) >= 3:
                return self.trim(text, start, end)
            return self.trim(text, start, a_start)
        return self.trim(text, a_end, end)

    def evidence_spans(self, view: DocView, start: int, end: int, a_start: int, a_end: int
                       ) -> list[tuple[int, int]]:
        """Return the statement(s) around an attribution.

        "A, he said, adding that B" and "A, he said, pointing to B" are two statements, as is
        "A, he said, as ... "B"" (a quotation after the attribution); "which officials said B"
        is the relative clause; otherwise one span (see :meth:`evidence_span`).
        """
        text = view.text
        relative = re.search(r"\b(?:which|that)\s+$", text[max(start, a_start - 8):a_start], re.IGNORECASE)
        if relative:
            return [self.trim(text, a_start - len(relative.group()), end)]
        before = text[start:a_start].strip(_TRIM)
        if len(before.split()) >= 3 and a_end < end:
            cue = self.continuation.match(self.masked(text, a_end, end))
            if cue and cue.group():
                s, e = self.trim(text, a_end + cue.end(), end)
                if len(text[s:e].split()) >= 2:
                    return [self.trim(text, start, a_start), (s, e)]
            later = self.long_quotes(text, a_end, end)
            if later and re.match(r"\s*,", text[a_end:end]):
                return [self.trim(text, start, a_start), (later[0][0], later[-1][1])]
        return [self.evidence_span(view, start, end, a_start, a_end)]

    def trim(self, text: str, start: int, end: int) -> tuple[int, int]:
        """Return ``[start, end)`` without surrounding punctuation, quotes and spaces."""
        while start < end and (text[start].isspace() or text[start] in _TRIM):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in _TRIM + "."):
            end -= 1
        return start, end
