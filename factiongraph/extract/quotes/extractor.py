"""Quotes and reported claims: who said what, in which role, through which outlet, about whom.

Works sentence by sentence (sentences inside one open quotation are joined) over resolved
mentions, with no dependency parse needed. Vocabularies are data in ``rules/quotes.yaml``.
A statement is attributed once: to a name next to a verb of saying, to "he"/"she" or a bare
surname (the last named speaker), or to an anonymous source ("an official ... on condition of
anonymity"); a quoted paragraph that follows an attribution continues that speaker.

Modules: :mod:`quote_patterns` (compiled rules, :class:`Speaker`, :class:`Finding`),
:mod:`quote_subjects` (who speaks), :mod:`quote_spans` (where the statements are, clause
splitting, evidence spans); this module walks the document and records the quotes.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from factiongraph.extract.view.docview import DocView
from factiongraph.extract.quotes.blocks import QuoteBlocks, begins_paragraph
from factiongraph.extract.quotes.patterns import _QUOTE, Finding, Speaker
from factiongraph.extract.quotes.clauses import TokenIndex
from factiongraph.model import EntityType, Evidence, Quote
from factiongraph.model.ids import make_id

if TYPE_CHECKING:
    from factiongraph.extract.view.context import DocContext

log = logging.getLogger(__name__)


@dataclass(slots=True)
class _Statement:
    """One attributed span before it becomes a :class:`Quote` (``via`` None: no outlet named)."""

    speaker: Speaker
    via: str | None
    start: int
    end: int
    rule: str
    others: frozenset[str] = frozenset()  # the speakers it shares its claim with (not what it is about)


def relayed_sources(statements: list[_Statement]) -> dict[str, str]:
    """Return the outlet each anonymous source first spoke to ("the source told X": key -> X).

    An unnamed source speaks to the reporter of one outlet, so its other statements in the
    document ("an official said ...") reached the reader through that outlet too.
    """
    out: dict[str, str] = {}
    for st in statements:
        if st.speaker.anonymous and st.via is not None:
            out.setdefault(st.speaker.key, st.via)
    return out


class QuoteExtractor(QuoteBlocks):
    """Find quotes and reported claims: build once with the KB, call :meth:`extract` per document.

    Reads ``DocContext`` (text, sentences, content mentions with ``entity_id``); writes one
    :class:`Quote` per attributed statement, with evidence over the quoted or reported words.
    """

    NAME = "stage.extract.quotes"
    VERSION = 5

    # -- document walk --------------------------------------------------------------------
    def extract(self, ctx: DocContext, view: DocView | None = None) -> list[Quote]:
        """Return the quotes and reported claims of one document, in text order.

        ``view``: the document's :meth:`DocView.build` when the caller already has it.
        """
        view = view if view is not None else DocView.build(ctx, self.names, self.lexicon)
        roles = self.describe_speakers(view)
        statements: list[_Statement] = []
        last: Speaker | None = None
        last_unit = -10
        vias: dict[str, str | None] = {}
        speakers_seen: list[Speaker] = []
        tokens = TokenIndex.of(ctx.spacy_doc, ctx.lowers()) if ctx.syntax().available else None
        headlines = self.headline_spans(view.text, ctx.document.metadata.title)
        transcript = self.is_transcript(view)
        covered = -1  # the end of a paragraph already read as one statement
        intro: Finding | None = None  # "X said in a statement:" waiting for its paragraph
        answer: Speaker | None = None  # the transcript speaker a plain paragraph continues
        herald: tuple[Speaker, int] | None = None  # "X spoke to reporters." before a quoted paragraph
        for index, (start, end) in enumerate(self.join_open_quotes(view)):
            if start < covered:
                continue
            if any(s < end and start < e for s, e in headlines):
                continue  # the headline sums up what the body reports: its statements are the body's
            if _LINK_LABEL.match(view.text, view.text.rfind("\n", 0, start) + 1):
                continue  # "Read more: Sadr says ...": the headline of another story the page links to
            ms = [m for m in view.in_sentence(start, end) if not self.is_quoted(view.text, m, start)]
            opening = begins_paragraph(view.text, start)
            pending, intro = intro, None
            block = self.transcript_answer(view, ms, start, end, roles) if opening else None
            if block is not None:
                found = [block]
            elif tokens is not None:
                found = self.attribute_parsed(view, tokens, ms, start, end, last, speakers_seen, roles)
                if not found:
                    after = self.quote_after_clause(view, tokens, start, end, last, speakers_seen, roles) \
                        or self.quote_after_name(view, ms, start, end, roles) \
                        or self.quote_before_dash(view, ms, start, end, roles) \
                        or self.in_view_of(view, ms, start, end, last, speakers_seen, roles)
                    found = [after] if after is not None else []
                if not found:
                    found = self.checked_fallback(view, tokens, self.attribute(
                        view, ms, start, end, last, speakers_seen, roles), speakers_seen)
            else:
                found = self.attribute(view, ms, start, end, last, speakers_seen, roles)
            found = [f for f in found if not self.interviewer_asks(view, f)]
            if opening and not found:
                found = self.paragraph_statement(view, start, pending, answer if transcript else None)
            if opening:
                answer = found[0].speakers[0] if len(found) == 1 and found[0].rule == "quote-transcript" else None
            intro = self.introduces_block(view.text, start, end, found)
            covered = max((e for f in found for _, e in f.spans if e > end), default=covered)
            for finding in found:
                speakers, rule, via = finding.speakers, finding.rule, finding.via
                elsewhere = via is None and self.own_setting(view.text, start, end, finding.spans)
                for sp in speakers:
                    via_id = via if via is not None or elsewhere else (
                        vias.get(sp.key) if rule == "quote-reported" and sp.key in vias else None)
                    if via is not None or sp.key not in vias or elsewhere:
                        vias[sp.key] = via
                    others = frozenset(str(o.entity_id) for o in speakers if o.entity_id and o is not sp)
                    statements.extend(_Statement(sp, via_id, finding.starts.get(sp.key, s) if n == 0 else s, e, rule,
                                                 others) for n, (s, e) in enumerate(finding.spans))
                    speakers_seen.append(sp)
                if len(speakers) == 1:
                    last, last_unit = speakers[0], index
            if found:
                continue
            spans = self.long_quotes(view.text, start, end) or self.open_quote(view.text, start, end)
            opens = bool(re.match(r"[\"\u201c]", view.text[start:end]))
            if spans and opens and opening and herald is not None and herald[1] == index - 1:
                last, last_unit = herald[0], index  # "X spoke to reporters." then "..." as a paragraph
                statements.append(_Statement(last, None, spans[0][0], spans[-1][1], "quote-continuation"))
                speakers_seen.append(last)
            elif spans and opens and last is not None and index - last_unit <= 3:
                speaker = self.first_person(view, spans, last, speakers_seen)
                statements.append(_Statement(speaker, vias.get(speaker.key), spans[0][0], spans[-1][1],
                                             "quote-continuation"))
                last_unit = index
            elif tokens is not None:
                spoke = self.herald(view, start, end, roles)
                herald = (spoke, index) if spoke is not None else None
        relayed = relayed_sources(statements)
        statements = self.named_after_lead(view, statements)
        described = self.described_people(view, statements, roles)
        quotes: dict[str, Quote] = {}
        for st in statements:
            via = st.via if st.via is not None or not st.speaker.anonymous else relayed.get(st.speaker.key)
            speaker = st.speaker
            if speaker.role is None and speaker.entity_id in described:
                speaker = replace(speaker, role=described[speaker.entity_id])
            self.add_quote(view, quotes, speaker, via, st.start, st.end, st.rule, st.others)
        return list(quotes.values())

    def interviewer_asks(self, view: DocView, finding: Finding) -> bool:
        """Return True for a question an outlet put ("The National asked X whether ..."): the
        interviewer's words are no statement of the story."""
        verb = re.match(r"[a-z]+", view.text[finding.verb:finding.verb + 8])
        return verb is not None and verb.group() in ("asked", "asks", "ask", "asking") and bool(finding.speakers) \
            and all(self.is_outlet(view, sp.entity_id) for sp in finding.speakers)

    @staticmethod
    def own_setting(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> bool:
        """Return True when the attribution of a sentence (its words outside the statement's spans)
        names an occasion of its own ("in a speech in Baghdad", "At a meeting with ...", "in a
        separate statement"): the words did not reach the reader through the outlet the speaker
        spoke to before."""
        pieces, at = [], start
        for s, e in sorted(spans):
            pieces.append(text[at:max(at, s)])
            at = max(at, e)
        pieces.append(text[at:end])
        return _SETTING.search(" ".join(pieces)) is not None

    def named_after_lead(self, view: DocView, statements: list[_Statement]) -> list[_Statement]:
        """Return the statements with a description that no person named before stands for given to
        the person the next statement names for the first time ("The leader of an Iran-backed
        militia warned ..." then "X, secretary general of Y, said ...": a wire lead describes
        first and names after). Only a described person (not a source) and only when the next
        statement, in a later sentence, is that person's."""
        out = list(statements)
        moved: dict[str, Speaker] = {}
        for n, st in enumerate(out):
            sp = st.speaker
            if sp.key in moved:
                out[n] = replace(st, speaker=moved[sp.key])
                continue
            head = sp.key.split("#")[0].split(":")[-1]
            if sp.anonymous and sp.key.startswith("anon:") and head in _LEAD_GROUPS and \
                    re.match(r"(?:an?|one)\s", sp.role or "", re.IGNORECASE):
                group = self._group_named_after(view, out, n)
                if group is not None:  # "An Iran-backed militia said ..." then "Kataib Hezbollah said ..."
                    moved[sp.key] = group
                    out[n] = replace(st, speaker=group)
                continue
            definite = sp.role is not None and sp.role.lower().startswith("the ") and \
                head in _LEAD_TITLES  # "The leader of an Iran-backed militia warned ..."
            if sp.entity_id is not None or not (sp.key.startswith("desc-person:") and not sp.anonymous or definite):
                continue
            at = sp.key.rsplit("#", 1)[-1]
            if at.isdigit() and view.text[int(at):int(at) + 1].isupper():
                continue  # a person named by a name we do not know ("Renad Mansour"), not described
            if any(view.type_of(m) is EntityType.PERSON for m in view.mentions if m.start < st.end):
                continue  # someone was named before: the description may be theirs, or another's
            nxt = next((o for o in out[n + 1:] if o.start >= st.end), None)
            if nxt is None or nxt.speaker.entity_id is None or not self._is_person_speaker(view, nxt.speaker) \
                    or view.sentence_index(nxt.start) <= view.sentence_index(st.end - 1):
                continue
            named = replace(nxt.speaker, role=sp.role if nxt.speaker.role is None else nxt.speaker.role)
            moved[sp.key] = named
            out[n] = replace(st, speaker=named)
        return out

    @staticmethod
    def _group_named_after(view: DocView, statements: list[_Statement], n: int) -> Speaker | None:
        """Return the armed group an indefinite description in the lead stands for ("An Iran-backed
        militia said ..." then, in a later sentence, "Kataib Hezbollah said in a statement ..."): the
        group of the first later statement an armed group makes, when no armed group was named
        before the description's statement (a wire lead describes first and names after)."""
        st = statements[n]
        if any(view.type_of(m) is EntityType.ARMED_GROUP for m in view.mentions if m.start < st.end):
            return None
        sentence = view.sentence_index(st.end - 1)
        for other in statements[n + 1:]:
            ent = view.entity(other.speaker.entity_id)
            if ent is None or ent.type is not EntityType.ARMED_GROUP or other.start < st.end:
                continue
            return other.speaker if view.sentence_index(other.start) > sentence else None
        return None

    def described_people(self, view: DocView, statements: list[_Statement], roles: dict[str, str]
                         ) -> dict[str, str]:
        """Return the description each person who speaks carries through the document: the role
        read with one of their statements, else the one written next to their name first ("The
        governor, X, said ... He added ..." and "X ... Later, X told reporters ...": the governor)."""
        out: dict[str, str] = {}
        for st in statements:
            eid = st.speaker.entity_id
            if eid is None or eid in out or not self._is_person_speaker(view, st.speaker):
                continue
            role = st.speaker.role or roles.get(eid)
            if role is not None:
                out[eid] = role
        return out

    def paragraph_statement(self, view: DocView, start: int, intro: Finding | None,
                            answer: Speaker | None) -> list[Finding]:
        """Return the paragraph opening at ``start`` as the statement an introducing clause
        announced ("X said:"), or as the continuation of a transcript answer."""
        words = self.paragraph_words(view, start)
        if words is None:
            return []
        if intro is not None and not re.match(r"\s*[\"\u201c]", view.text[start:start + 3]):
            # (a quoted paragraph is the quotation's own: quote-continuation reads it)
            return [Finding(intro.speakers, "quote-block", [words], intro.via, intro.verb)]
        if answer is not None and not self.is_question(view.text, start):
            return [Finding([answer], "quote-transcript", [words], None, start)]
        return []

    def first_person(self, view: DocView, spans: list[tuple[int, int]], last: Speaker, seen: list[Speaker]
                     ) -> Speaker:
        """Return who a quoted paragraph that continues ``last`` is: ``last``, unless it speaks in
        the first person singular ("I", "my", "me") and ``last`` is no single person (an
        organisation, a country, a plural source): then the last single person who spoke."""
        words = " ".join(view.text[s:e] for s, e in spans)
        if not re.search(r"\b(?:I|my|me|I'm|I\u2019m|I've|I\u2019ve)\b", words) or self._is_person_speaker(view, last):
            return last
        return next((sp for sp in reversed(seen) if self._is_person_speaker(view, sp)), last)

    @staticmethod
    def headline_spans(text: str, title: str | None) -> list[tuple[int, int]]:
        """Return where the document's headline (of three words or more) is written in its text."""
        if not title or len(title.split()) < 3:
            return []
        return [(m.start(), m.end()) for m in re.finditer(re.escape(title.strip()), text)]

    def open_quote(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Return a quotation that opens the unit and is not closed in it (it runs on into the next
        paragraph, or the page was cut), when it has ``min_quote_words`` words."""
        chunk = text[start:end]
        if not re.match(r"[\"\u201c]", chunk) or _QUOTE.search(chunk):
            return []
        s, e = self.trim(text, start + 1, end)
        return [(s, e)] if len(text[s:e].split()) >= self.min_words else []

    # -- records --------------------------------------------------------------------------
    def add_quote(self, view: DocView, quotes: dict[str, Quote], speaker: Speaker, via: str | None,
                  start: int, end: int, rule: str, others: frozenset[str] = frozenset()) -> None:
        """Record one attributed statement (the same span and speaker twice is one quote)."""
        if end - start < 3:
            return
        text = view.text
        if via is None:  # words with no relaying outlet named reached the reader through the publisher
            via = view.ctx.document.outlet_id
        producer, confidence = self.producer(rule)
        anonymous = speaker.anonymous or bool(self.anonymity.search(text, max(0, start - 200),
                                                                     min(len(text), end + 120))
                                              and speaker.entity_id is None)
        if speaker.anonymous:
            confidence = round(confidence * 0.9, 3)
        skip = {speaker.entity_id, via, *others}
        about: list[str] = []
        for m in view.in_sentence(start, end):
            if m.entity_id not in skip and m.entity_id not in about and \
                    view.type_of(m) is not EntityType.MEDIA_OUTLET:
                about.append(str(m.entity_id))
        doc_id = view.ctx.document.doc_id
        quote_id = make_id("quote", doc_id, speaker.entity_id or speaker.role or speaker.key, start, end)
        if quote_id in quotes:
            return
        quotes[quote_id] = Quote(
            quote_id=quote_id, speaker_id=speaker.entity_id, text=text[start:end],
            speaker_role=plain_role(speaker.role), via_id=via, anonymous=anonymous, about=about,
            evidence=[Evidence(doc_id, start, end, text[start:end], producer, confidence)])


# Titles a wire lead gives a person it names only in the next paragraph.
_LEAD_TITLES = frozenset({"leader", "head", "chief", "commander", "secretary-general", "chairman", "founder",
                          "minister", "governor", "president", "spokesman", "spokeswoman", "spokesperson"})
# A line that links to another story ("Read more: ...", "Related: ...", "WATCH: ...").
_LINK_LABEL = re.compile(r"[ \t]*(?:read\s+more|read\s+also|also\s+read|related(?:\s+(?:news|stories|articles?))?|"
                         r"see\s+also|watch|listen|recommended|more\s+on\s+this)\s*[:|\u2013\u2014-]", re.IGNORECASE)
# An occasion an attribution names ("in a speech", "at a meeting with", "during a visit to").
_SETTING = re.compile(r"\b(?:in|at|during)\s+(?:a|an|the|his|her|its|their)\s+(?:[\w-]+\s+){0,2}?(?:speech|statement|"
                      r"meeting|conference|sermon|address|rally|ceremony|session|gathering|visit|briefing|"
                      r"post|tweet|video|message|letter|communique|forum|summit)s?\b", re.IGNORECASE)
# Group nouns a wire lead describes an armed group by before naming it ("An Iran-backed militia said").
_LEAD_GROUPS = frozenset({"militia", "group", "faction", "organisation", "organization", "movement"})
# An outlet's signature opening its first paragraph ("Shafaq News/ ..."), never "RFE/RL".
_SIGNATURE = re.compile(r"^(?:[A-Z][\w.'\u2019-]*[ \t]+){0,4}[A-Z][\w.'\u2019-]*[ \t]*/[ \t]+")
_ASIDE = re.compile(r",\s*(?:who|which|whom|speaking|declining|requesting|asking)\b", re.IGNORECASE)


def plain_role(role: str | None) -> str | None:
    """Return a speaker's description without its article ("An Iraqi security source" ->
    "Iraqi security source"): the article belongs to the sentence, not to the description."""
    if role is None:
        return None
    bare = _SIGNATURE.sub("", role.strip())  # "Shafaq News/ A source in ...": the outlet's signature
    bare = re.sub(r"^(?:yet|but|and|however|meanwhile|still)\s+,?\s*", "", bare, flags=re.IGNORECASE)  # "Yet some analysts"
    bare = re.sub(r"^(?:an?|the)\s+", "", bare, flags=re.IGNORECASE)
    # a relative clause set off by a comma tells why they speak, not who they are ("Officials at
    # the ministry, who spoke on condition of anonymity because ...")
    bare = _ASIDE.split(bare, maxsplit=1)[0].rstrip(" ,")
    return bare or role


__all__ = ["Finding", "QuoteExtractor", "Speaker", "plain_role"]
