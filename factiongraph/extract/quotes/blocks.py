"""Statements set out as paragraphs of their own, with no verb of saying beside them.

Two layouts that newspapers and agencies share:

- an interview or press-conference transcript: "Hadi al-Amiri: The PMF will stay as long as
  Iraq needs it." — a person's name (a title may stand before it) and a colon open the
  paragraph, and the rest of the paragraph is what they said (``quote-transcript``). In a
  transcript (two such paragraphs or more) a paragraph with no name of its own that follows an
  answer continues it, until a question ("Q:", a paragraph ending in "?") or the next name;
- a statement introduced by a clause ending in a colon, set as the next paragraph: "The
  ministry said in a statement:" then "The attack was a criminal act ..." (``quote-block``). The
  speaker and the relaying channel are the introducing clause's;
- a quotation set as the paragraph after a sentence that tells someone spoke with no words of
  its own ("Hadi al-Amiri spoke to reporters in Basra on Sunday." then a paragraph in quotation
  marks): the one who spoke said it (``quote-continuation``, as after an attribution).

Only people open transcript lines: "BAGHDAD:" (a dateline), "Iraq:" (a heading) and an outlet's
own name before its question are not speakers.
"""

from __future__ import annotations

import re

from factiongraph.extract.quotes.clauses import QuoteClauses
from factiongraph.extract.quotes.patterns import Finding, Speaker
from factiongraph.extract.view.docview import DocView
from factiongraph.model import EntityType, Mention

# "Name:" or "Name (title):" opening a paragraph, then the words.
_SPEAKER_LINE = re.compile(r"[ \t]*(?P<name>[^:\n]{2,80}?)[ \t]*(?:\([^()\n]{1,60}\)[ \t]*)?:[ \t]+(?=\S)")
_ANSWER_LINE = re.compile(r"[ \t]*(?:A|Answer)[ \t]*:[ \t]+(?=\S)")
_QUESTION_LINE = re.compile(r"[ \t]*(?:Q|Question|Interviewer)[ \t]*[:.\-\u2013\u2014]", re.IGNORECASE)
_OPENS_QUOTE = re.compile(r"[\"\u201c]")
# A sentence that tells someone spoke, with no words of its own: "X spoke to reporters", "X
# addressed supporters", "X issued a statement", "X gave a televised speech".
_SPOKE_VERBS = frozenset({"spoke", "speaks", "addressed", "addresses", "briefed"})
_DELIVER_VERBS = frozenset({"issued", "released", "gave", "delivered", "held", "published", "posted", "made"})
_SPEECH_NOUNS = frozenset({"statement", "speech", "address", "interview", "conference", "briefing", "remarks",
                           "message", "sermon"})
_HERALDS = frozenset({EntityType.PERSON, EntityType.ARMED_GROUP, EntityType.POLITICAL_ORG, EntityType.STATE_BODY,
                      EntityType.INTL_ORG})
# At most this many words (a title: "Sheikh", "Prime Minister") before the name that opens a line.
_TITLE_WORDS = 3


def paragraph(text: str, pos: int) -> tuple[int, int]:
    """Return the line (paragraph) holding ``pos``: from after the last line break to the next."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, (len(text) if end < 0 else end)


def begins_paragraph(text: str, start: int) -> bool:
    """Return True when only spaces stand between the line's start and ``start``."""
    return not text[text.rfind("\n", 0, start) + 1:start].strip()


class QuoteBlocks(QuoteClauses):
    """Transcript answers and statements set as their own paragraph (see the module doc)."""

    def line_speaker(self, view: DocView, ms: list[Mention], start: int, end: int) -> tuple[Mention, int] | None:
        """Return the person whose "Name:" opens the paragraph at ``start`` and where their words begin."""
        text = view.text
        if not begins_paragraph(text, start):
            return None
        # the paragraph, not the sentence: the splitter may cut "ZAMILI:" off as a sentence of its own
        stop = max(end, paragraph(text, start)[1])
        answer = _ANSWER_LINE.match(text, start, stop)
        if answer is not None:  # "Q: ..." then "A: ...": the one person the interview named before its first question
            guest = self.interviewee(view, start)
            return (guest, answer.end()) if guest is not None else None
        match = _SPEAKER_LINE.match(text, start, stop)
        if match is None:
            return None
        name_start, name_end = match.start("name"), match.end("name")
        for m in ms:
            if m.end == name_end and name_start <= m.start and m.entity_id \
                    and view.type_of(m) is EntityType.PERSON \
                    and len(text[name_start:m.start].split()) <= _TITLE_WORDS:
                return m, match.end()
        person = self.named_person(view, text[name_start:name_end], start)
        return (person, match.end()) if person is not None else None

    @staticmethod
    def interviewee(view: DocView, pos: int) -> Mention | None:
        """Return the one person named before the first question line ("Q:") that comes before
        ``pos``: whom an interview set out as "Q: ... A: ..." questions (None: no question before,
        or no single person named before it)."""
        first_q = next((m.start() for m in re.finditer(r"^[ \t]*(?:Q|Question)[ \t]*:", view.text[:pos], re.MULTILINE)),
                       None)
        if first_q is None:
            return None
        people = {str(m.entity_id): m for m in view.mentions
                  if m.start < first_q and m.entity_id and view.type_of(m) is EntityType.PERSON}
        return next(iter(people.values())) if len(people) == 1 else None

    @staticmethod
    def named_person(view: DocView, name: str, pos: int) -> Mention | None:
        """Return the one person named before ``pos`` whose name ends with ``name`` (a
        transcript's "Amiri:" after "Hadi al-Amiri" was introduced), else whose full name begins
        with a one-word ``name`` ("Hadi:"); None when none or several."""
        words = name.split()
        if not 1 <= len(words) <= 2 or not all(w[:1].isupper() for w in words):
            return None
        last = words[-1].lower()
        found: dict[str, Mention] = {}
        first: dict[str, Mention] = {}
        for m in view.mentions:
            if m.start >= pos:
                break
            if m.entity_id and view.type_of(m) is EntityType.PERSON:
                tail = view.text[m.start:m.end].lower().replace("-", " ").split()
                if tail and (tail[-1] == last or tail[-1] == last.replace("-", " ").split()[-1]):
                    found.setdefault(str(m.entity_id), m)
                elif len(words) == 1 and len(tail) >= 2 and tail[0] == last:
                    first.setdefault(str(m.entity_id), m)
        found = found or first
        return next(iter(found.values())) if len(found) == 1 else None

    def transcript_answer(self, view: DocView, ms: list[Mention], start: int, end: int,
                          roles: dict[str, str]) -> Finding | None:
        """Return 'Name: words' opening a paragraph: the person said the rest of the paragraph."""
        found = self.line_speaker(view, ms, start, end)
        if found is None:
            return None
        speaker, words_at = found
        text = view.text
        if _OPENS_QUOTE.match(text, words_at):
            return None  # 'X: "..."' is a quotation (quote_after_name)
        s, e = self.trim(text, words_at, paragraph(text, start)[1])
        if len(text[s:e].split()) < self.min_words + 2:
            return None
        eid = str(speaker.entity_id)
        return Finding([Speaker(eid, roles.get(eid), False, eid)], "quote-transcript", [(s, e)], None, speaker.start)

    def is_transcript(self, view: DocView) -> bool:
        """Return True when two paragraphs or more open with a person's "Name:"."""
        count = 0
        for line in re.finditer(r"[^\n]+", view.text):
            if _SPEAKER_LINE.match(line.group()) is None:
                continue  # the cheap test first: most paragraphs have no colon near their start
            if self.line_speaker(view, view.in_sentence(line.start(), line.end()), line.start(), line.end()):
                count += 1
                if count >= 2:
                    return True
        return False

    def paragraph_words(self, view: DocView, start: int) -> tuple[int, int] | None:
        """Return the paragraph opening at ``start`` as one statement (None: too short)."""
        text = view.text
        s, e = self.trim(text, start, paragraph(text, start)[1])
        return (s, e) if len(text[s:e].split()) >= self.min_words else None

    @staticmethod
    def is_question(text: str, start: int) -> bool:
        """Return True for an interviewer's paragraph: "Q:" or one that ends with a question mark."""
        s, e = paragraph(text, start)
        return bool(_QUESTION_LINE.match(text, s, e)) or text[s:e].rstrip().endswith("?")

    def herald(self, view: DocView, start: int, end: int, roles: dict[str, str]) -> Speaker | None:
        """Return who a sentence says spoke when it ends its paragraph and gives no words ("Hadi
        al-Amiri spoke to reporters in Basra on Sunday."): a named subject of ``_SPOKE_VERBS``, or
        of ``_DELIVER_VERBS`` with a speech as object."""
        text = view.text
        if text[end:paragraph(text, max(start, end - 1))[1]].strip() or _OPENS_QUOTE.search(text, start, end):
            return None
        syn = view.ctx.syntax()
        if not syn.available:
            return None
        span = view.ctx.spacy_doc.char_span(start, end, alignment_mode="expand")
        for tok in span if span is not None else ():
            if tok.lower_ in _SPOKE_VERBS or tok.lower_ in _DELIVER_VERBS and any(
                    c.dep_ == "dobj" and c.lower_ in _SPEECH_NOUNS for c in tok.children):
                for subject in (c for c in tok.children if c.dep_ == "nsubj"):
                    m = syn.mention_at(subject)
                    if m is not None and m.entity_id and view.type_of(m) in _HERALDS:
                        eid = str(m.entity_id)
                        return Speaker(eid, roles.get(eid), False, eid)
        # a sentence about one person alone ("X, 34, lost his home in the attack.", "X was blunt."):
        # the quoted paragraph after it is that person's; not when someone else takes part ("X met
        # the prime minister": either may speak next)
        for tok in span if span is not None else ():
            if tok.dep_ != "ROOT":
                continue
            for subject in (c for c in tok.children if c.dep_ == "nsubj"):
                m = syn.mention_at(subject)
                if m is None or not m.entity_id or view.type_of(m) is not EntityType.PERSON:
                    continue
                others = [t for t in tok.subtree if t.i not in {s.i for s in subject.subtree} and (
                    t.lower_ in self.role_head_words or t.lower_ in self.source_heads or (
                        (o := syn.mention_at(t)) is not None and view.type_of(o) in _HERALDS))]
                if not others:
                    eid = str(m.entity_id)
                    return Speaker(eid, roles.get(eid), False, eid)
        return None

    @staticmethod
    def introduces_block(text: str, start: int, end: int, found: list[Finding]) -> Finding | None:
        """Return the attribution of "X said in a statement:" when the words follow as the next
        paragraph (the clause ends its line with a colon and attributed nothing yet)."""
        if len(found) != 1 or found[0].spans or not found[0].speakers:
            return None
        if not text[start:end].rstrip().endswith(":"):
            return None
        rest = text[end:paragraph(text, max(start, end - 1))[1]]
        return found[0] if not rest.strip() else None
