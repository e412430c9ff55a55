"""Through which outlet or channel a statement reached the reader (a quote's ``via``).

Looked for around one attribution, in this order:

1. the recipient or carrier after the verb: "told AFP", "said in an interview with X",
   "said in a statement carried by X" (only attribution words such as "in a statement on
   Monday" may sit between the verb and the cue, so "he said the video, published by X, ..." is
   not relayed through X);
2. a channel named as the medium after the verb: "wrote on X", "said in a post on X's channel";
3. a cue between the speaker and the verb: "X, speaking to Y, said", "the source, who spoke to
   Y, said";
4. a phrase opening the clause: "Speaking to X, ...", "In a statement carried by X, ...",
   "On X, ...";
5. a closing ", X reported" / ", the X news agency reported".

Only ``media_outlet`` mentions count; the nlp stage types unknown outlets in these positions
(``rule.outlet-relay.v1``). Platforms the nlp stage does not make mentions (its
``ignore_names``) are never a via. A statement with none of these reached the reader through
the publishing outlet (``QuoteExtractor.add_quote``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factiongraph.extract.view.docview import DocView
from factiongraph.extract.quotes.subjects import QuoteSubjects
from factiongraph.model import EntityType, Mention

# Words that never sit between a cue and the outlet it names ("told reporters in X").
_GAP_STOPS = frozenset({"in", "at", "on", "that", "from", "to", "of", "by", "with", "about", "after",
                        "before", "during", "when", "while", "as", "and", "or", "but", "for", "said",
                        "says", "told", "he", "she", "it", "they", "who", "which"})
_GAP_CHARS = re.compile(r"[\w\s'\u2019.-]*")
# Nouns after an outlet's name: "on its Telegram channel", "the IRNA news agency reported".
_OUTLET_TAIL = re.compile(r"(?:\s+(?:official\s+)?(?:news\s+agency|agency|newspaper|daily|channel|"
                          r"account|page|feed|website|site|platform|television|TV|radio|network|"
                          r"broadcaster|outlet))?", re.IGNORECASE)
_CLOSING = re.compile(r",\s*(?P<o>[^,;\"\u201c\u201d]{2,70}?)\s+(?:(?:also|further|later|earlier)\s+)?"
                      r"(?:reported|reports|said|says|wrote|quoted|added)\W*$", re.IGNORECASE)
# ", in an interview with X." / ", as reported by X." closing the sentence after the reported words.
# ", in a statement posted on its Telegram channel." / ", in a post on X." likewise.
_TRAILING = re.compile(r",\s*(?:in\s+(?:an\s+)?(?:exclusive\s+)?(?:interview|remarks|comments|a\s+statement)\s+"
                       r"(?:with|to)|speaking\s+to|talking\s+to|as\s+(?:reported|quoted|cited|carried)\s+by"
                       r"|(?:in|during)\s+(?:a|an|its|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:statement|post|message|video|speech|"
                       r"tweet|address|interview|remarks|comments)\s+(?:(?:posted|published|carried|broadcast|aired|"
                       r"issued|released|shared)\s+)?(?:on|to|by|via|through))\s+(?:the\s+|its\s+|his\s+|her\s+|"
                       r"their\s+)?", re.IGNORECASE)
_MAX_GAP_WORDS = 5
# A day closing such a phrase (", in a statement published by X on Monday.").
_WHEN_TAIL = re.compile(r"(?:(?:on|late|early|last|this)\s+)?(?:\w+day|today|yesterday)"
                        r"(?:\s+(?:night|evening|morning|afternoon))?", re.IGNORECASE)
# A phrase after the verb setting where the words were said ("during a speech broadcast by X").
_SETTING = re.compile(r"\s+(?:in|during|at)\s+(?:a|an|the|his|her|its|their)\s", re.IGNORECASE)


@dataclass(slots=True, frozen=True)
class ViaFound:
    """The relaying outlet (None: none named) and the attribution's bounds once it is included."""

    via: str | None
    a_start: int
    a_end: int


class QuoteVias(QuoteSubjects):
    """Find the outlet or channel that relayed a statement (see the module docstring)."""

    def outlet_after(self, view: DocView, ms: list[Mention], pos: int, limit: int) -> Mention | None:
        """Return the media outlet named at ``pos`` ("the Lebanese daily X", "Israel's X"), or None.

        Between ``pos`` and the outlet may sit an article or possessive, a possessive owner
        ("Israel's") and a few qualifier words, never a preposition, a verb of saying or
        punctuation; the first other mention ends the search.
        """
        text = view.text
        for m in ms:
            if m.start < pos:
                continue
            if m.start > limit or not self._is_outlet_gap(text[pos:m.start]):
                return None
            if re.match(r"['\u2019]s?\s", text[m.end:m.end + 3]):
                if view.type_of(m) is EntityType.MEDIA_OUTLET and not any(
                        n.start >= m.end and view.type_of(n) is EntityType.MEDIA_OUTLET
                        and self._is_outlet_gap(text[m.end + 2:n.start]) for n in ms):
                    return m  # "speaking to the BBC's Arabic service": the outlet's own service
                continue  # a possessive owner: "told Lebanon's X"
            return m if view.type_of(m) is EntityType.MEDIA_OUTLET else None
        return None

    @staticmethod
    def _is_outlet_gap(gap: str) -> bool:
        """Return True for the few qualifier words a cue and its outlet may have between them."""
        words = gap.split()
        return (len(words) <= _MAX_GAP_WORDS and _GAP_CHARS.fullmatch(gap) is not None
                and not any(w.lower() in _GAP_STOPS for w in words))

    def _named_at(self, view: DocView, ms: list[Mention], cue_end: int, limit: int
                  ) -> tuple[str, int] | None:
        """Return the outlet named at a cue's end and the end of its name (with "channel", "agency" ...)."""
        m = self.outlet_after(view, ms, cue_end, limit)
        if m is None or m.entity_id is None:
            return None
        tail = _OUTLET_TAIL.match(view.text, m.end)
        return m.entity_id, tail.end() if tail else m.end

    def find_via(self, view: DocView, ms: list[Mention], start: int, a_start: int, vs: int,
                 a_end: int, end: int) -> ViaFound:
        """Return the outlet that relayed the statement of ``[start, end)`` and the new attribution bounds.

        ``a_start``/``a_end`` bound the attribution (speaker and verb), ``vs`` is the verb's start.
        The attribution grows over an outlet named right after it and over a phrase opening the
        clause that names one, so the evidence leaves them out.
        """
        text = view.text
        masked = self.masked(text, start, end)
        window_end = min(end, max(a_end, vs) + 80)
        verb = re.match(r"[\w'\u2019-]*", text[vs:end])
        verb_end = vs + (verb.end() if verb else 0)
        for cue in self.via.finditer(masked, vs - start, window_end - start):
            c_start = start + cue.start()
            # the gap runs from the attribution's end, or from the verb's when the attribution
            # already holds the cue ("said during a speech broadcast by X")
            g_start = max(a_end, vs)
            if g_start > c_start and _SETTING.match(text, verb_end, c_start):
                g_start = verb_end
            if c_start != vs and not self.attribution_gap.fullmatch(text, g_start, c_start):
                continue
            named = self._named_at(view, ms, start + cue.end(), window_end)
            if named is not None:
                return ViaFound(named[0], a_start, max(a_end, named[1]))
        for cue in self.channel.finditer(masked, max(a_end, vs) - start, window_end - start):
            if not self.attribution_gap.fullmatch(text, max(a_end, vs), start + cue.start()):
                break
            named = self._named_at(view, ms, start + cue.end(), window_end)
            if named is not None:
                return ViaFound(named[0], a_start, max(a_end, named[1]))
        via = self._named_in(view, ms, a_start, vs, masked[a_start - start:vs - start])
        if via is not None:  # "X, speaking to Y, said"
            return ViaFound(via, a_start, a_end)
        lead = self._opening_phrase(masked, start, a_start)
        via = self._named_in(view, ms, start, lead, masked[:lead - start]) if lead is not None else None
        if via is not None:  # "Speaking to Y, X said"
            return ViaFound(via, start, a_end)
        return ViaFound(self._closing_outlet(view, ms, vs, end), a_start, a_end)

    def _opening_phrase(self, masked: str, start: int, a_start: int) -> int | None:
        """Return where a phrase opening the clause ends ("In an interview with X,"), or None.

        It starts with one of ``via_lead_words`` and ends at a comma at most four words before
        the attribution.
        """
        comma = masked.find(",", 0, max(0, a_start - start))
        if self.via_lead.match(masked) is None or comma < 0:
            return None
        rest = masked[comma + 1:a_start - start]
        return start + comma if len(rest.split()) <= 4 and "," not in rest else None

    def _named_in(self, view: DocView, ms: list[Mention], r_start: int, r_end: int, chunk: str) -> str | None:
        """Return the outlet after a via or channel cue inside ``[r_start, r_end)`` (``chunk`` is its masked text)."""
        for cue in (*self.via.finditer(chunk), *self.channel.finditer(chunk)):
            named = self._named_at(view, ms, r_start + cue.end(), r_end)
            if named is not None:
                return named[0]
        return None

    def _closing_outlet(self, view: DocView, ms: list[Mention], vs: int, end: int) -> str | None:
        """Return the outlet of a closing ", X reported" / ", the X news agency said"."""
        closing = _CLOSING.search(view.text, vs, end)
        if closing is None:
            return None
        o_start, o_end = closing.span("o")
        lead = re.match(r"(?:the\s+)?", view.text[o_start:o_end], re.IGNORECASE)
        named = self._named_at(view, ms, o_start + (lead.end() if lead else 0), o_end)
        if named is None or view.text[named[1]:o_end].strip():
            return None
        return named[0]

    def trailing_via(self, view: DocView, ms: list[Mention], after: int, end: int) -> tuple[str, int] | None:
        """Return the outlet a closing phrase names after the reported words and where it starts:
        "X said the factions would not disarm, in an interview with Al-Sumaria TV." """
        for match in _TRAILING.finditer(view.text, after, end):
            named = self._named_at(view, ms, match.end(), end)
            rest = view.text[named[1]:end].strip(" .!?\n\"\u201d") if named is not None else None
            if named is not None and rest is not None and (not rest or _WHEN_TAIL.fullmatch(rest)):
                return named[0], match.start()
        return None

    def is_outlet(self, view: DocView, entity_id: str | None) -> bool:
        """Return True when an entity is a media outlet (one that speaks is its own via)."""
        ent = view.entity(entity_id)
        return ent is not None and ent.type is EntityType.MEDIA_OUTLET
