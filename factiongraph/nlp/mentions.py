"""Turn the entities on an annotated spaCy ``Doc`` into :class:`Mention` records.

Three sources reach ``doc.ents``: the KB ruler (``span.id_`` = ``kb:<id>``), the discovery
rules (``span.id_`` = their producer), both with their entity type in ``span.kb_id_``, and the
statistical NER (no id). This module is the
"decide" step after spaCy's "match" step: it trims spans (leading "the", quotes, possessive
"'s", titles), drops what is not a mention (adjectival "Iran-" in "Iran-backed", NORP,
platforms), types NER labels with cues and the KB, repairs names the model truncated and
places it mistook for people, and records sentence bounds and whether the span is content.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from factiongraph.model import Document, EntityType, Mention
from factiongraph.nlp.outlet import add_outlet_mentions
from factiongraph.nlp.patterns import KB_ALIAS_PRODUCER, KB_ID_PREFIX, is_acronym
from factiongraph.nlp.relay import RelayOutlets
from factiongraph.nlp.repeats import add_group_repeats, add_name_repeats
from factiongraph.nlp.rules import DiscoveryRules

PLACE_CONTEXT_PRODUCER = "rule.ner-place-context.v1"
NAME_EXTEND_PRODUCER = "rule.ner-name-extend.v1"
NER_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
POSSESSIVE_PRODUCER = "rule.kb-possessive.v1"
_DIRECTIONS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                         "north-east", "north-west", "south-east", "south-west"})
_POSSESSIVES = frozenset({"'s", "\u2019s", "'", "\u2019", "'S"})
_CUT_TOKENS = frozenset({"/", "|", "\u2014", "\u2013", "(", ")", "[", "]", ";", ":"})
_EDGE_PUNCT = frozenset({'"', "'", "\u201c", "\u201d", "\u2018", "\u2019", ",", ".", "-", "(", ")"})
_TAIL_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "at"})
_PLACE_SUFFIXES = frozenset({"province", "governorate", "district", "neighbourhood", "neighborhood"})
# Capitalised words that lead a place's own name ("East Mosul", "Camp Taji", "Abu Ghraib").
_PLACE_LEADS = frozenset("""north south east west northern southern eastern western central old new greater upper
    lower camp fort port mount lake abu al el tal tel jabal jebel wadi ras bab sheikh umm ain bir""".split())
_ADJECTIVAL_TYPES = frozenset({EntityType.COUNTRY, EntityType.PLACE})
# Capitalised words after a country's or city's name that make the two a street or square's name.
_STREET_WORDS = frozenset({"Street", "St.", "Square", "Road", "Avenue", "Highway", "Bridge"})
# Organisation types whose cue words keep a relayed name from being an outlet ("Security Media Cell").
_NON_OUTLET_ORGS = (EntityType.STATE_BODY, EntityType.ARMED_GROUP, EntityType.POLITICAL_ORG)

PlaceLookup = Callable[[str], EntityType | None]


# Heads of a state body's name made of title words: "the Interior Ministry", "the Defence Ministry".
_BODY_HEADS = frozenset({"Ministry", "Ministries", "Council", "Court"})
# Plain nouns for a force that a capitalised first word of a sentence may describe ("Riot police",
# "Border guards"): the model reads that word as a name.
_FORCE_NOUNS = frozenset({"police", "policemen", "forces", "troops", "guards", "units"})


@dataclass(slots=True)
class _Candidate:
    start: int  # token index
    end: int
    type: EntityType
    producer: str
    confidence: float
    entity_id: str | None


class MentionBuilder:
    """Build mentions from annotated docs. Built once per pipeline; cheap to call."""

    def __init__(self, rules: DiscoveryRules, ner_producer: str, lookup_place: PlaceLookup,
                 country_names: frozenset[str], lookup_name: PlaceLookup | None = None,
                 possessives: dict[tuple[str, str], tuple[str, str]] | None = None,
                 demonyms: frozenset[str] = frozenset()) -> None:
        self.rules = rules
        self.demonyms = demonyms  # "Iraqi": never a person's last name met again
        # "Iraq's Foreign Ministry": the name after an owner's possessive (patterns.possessive_aliases)
        self.possessives = possessives or {}
        self._possessive_re = re.compile(
            r"\b(?P<owner>{})['\u2019]s\s+(?P<rest>{})\b".format(
                "|".join(sorted({re.escape(o) for o, _ in self.possessives}, key=len, reverse=True)),
                "|".join(sorted({re.escape(r) for _, r in self.possessives}, key=len, reverse=True))),
            re.IGNORECASE) if self.possessives else None
        self.lookup_name: PlaceLookup = lookup_name if lookup_name is not None else _no_type
        self.ner_producer = ner_producer
        self.lookup_place = lookup_place
        self.country_names = country_names
        self.confidence = {r.producer: r.confidence for r in rules.rules}
        self.title_words = frozenset(
            w.lower().rstrip(".") for r in rules.rules if r.type is EntityType.PERSON
            for cue in r.cues for w in cue.split()
        ) | {"grand", "supreme"}
        self.place_before = [tuple(p.split()) for p in rules.place_before]
        # The same phrases by length: one look at the n words before a span per length.
        self._place_before_by_len: dict[int, frozenset[tuple[str, ...]]] = {
            n: frozenset(p for p in self.place_before if len(p) == n) for n in {len(p) for p in self.place_before}}
        self.relay = RelayOutlets(rules.relay, frozenset().union(
            *(rules.org_cues.get(t, frozenset()) for t in _NON_OUTLET_ORGS)),
            ner_producer, rules.ignore_names) if rules.relay is not None else None

    def build(self, document: Document, sdoc: Doc) -> list[Mention]:
        """Return the mentions of one document, in text order, offsets into ``document.text``.

        Outlets named where words are relayed ("told the Gulf Herald", ``rule.outlet-relay.v1``)
        and occurrences of the document's outlet (``metadata.outlet``, ``rule.doc-outlet.v1``)
        become ``media_outlet`` mentions, replacing the spans the model put there; later
        last-name references to a person named in full are added (``rule.doc-name-repeat.v1``).
        """
        sent_starts, sent_ends = _sentence_bounds(sdoc)
        blocks = sorted(document.blocks, key=lambda b: b.start)
        block_starts = [b.start for b in blocks]

        def context(start: int, end: int) -> tuple[int, int, bool]:
            i = bisect.bisect_right(sent_starts, start) - 1
            s_start, s_end = (sent_starts[i], sent_ends[i]) if i >= 0 else (start, end)
            j = bisect.bisect_right(block_starts, start) - 1
            in_content = True
            if j >= 0 and blocks[j].start <= start < blocks[j].end:
                in_content = blocks[j].is_content
            return s_start, max(s_end, end), in_content

        mentions: list[Mention] = []
        for ent in sdoc.ents:
            cand = self._candidate(sdoc, ent)
            if cand is None:
                continue
            span = sdoc[cand.start:cand.end]
            start, end = span.start_char, span.end_char
            s_start, s_end, in_content = context(start, end)
            mentions.append(Mention(
                doc_id=document.doc_id, start=start, end=end, text=document.text[start:end],
                type=cand.type, producer=cand.producer, confidence=cand.confidence,
                entity_id=cand.entity_id, sentence_start=s_start, sentence_end=s_end,
                in_content=in_content,
            ))
        mentions = drop_headline_words(mentions, document.text, self.ner_producer)
        if self._possessive_re is not None:
            mentions = self._add_possessed(mentions, document, context)
        if self.relay is not None:
            mentions = self.relay.apply(mentions, document.text, document.doc_id, context,
                                        self.lookup_name)
        mentions = add_outlet_mentions(mentions, document.text, document.doc_id,
                                       document.metadata.outlet, context, self.lookup_name)
        mentions = add_group_repeats(self._agree_types(mentions), document.text, document.doc_id, context)
        return add_name_repeats(mentions, document.text, document.doc_id, context,
                                self.lookup_name, self.lookup_place, self.demonyms)

    def _agree_types(self, mentions: list[Mention]) -> list[Mention]:
        """Return ``mentions`` with the model's guess of a name's type replaced by the type the
        same name has elsewhere in the document from the knowledge base or a rule ("the village of
        al-Rashad" ... "Residents of al-Rashad": a place both times, not a place and a party)."""
        typed: dict[str, EntityType] = {}
        for m in mentions:
            if m.producer != self.ner_producer:
                typed.setdefault(m.text.casefold(), m.type)
        if not typed:
            return mentions
        return [replace(m, type=typed[m.text.casefold()])
                if m.producer == self.ner_producer and m.entity_id is None and m.text.casefold() in typed
                and typed[m.text.casefold()] is not m.type else m for m in mentions]

    def _add_possessed(self, mentions: list[Mention], document: Document,
                       context: Callable[[int, int], tuple[int, int, bool]]) -> list[Mention]:
        """Add "Foreign Ministry" in "Iraq's Foreign Ministry" as a mention of the KB record whose
        alias the whole phrase is (``rule.kb-possessive.v1``), unless a mention covers it already."""
        assert self._possessive_re is not None
        added: list[Mention] = []
        replaced: set[int] = set()  # ids of the model's own unlinked spans the KB name takes over
        for match in self._possessive_re.finditer(document.text):
            found = self.possessives.get((match.group("owner").casefold(), match.group("rest").casefold()))
            start, end = match.span("rest")
            if found is None or not document.text[start].isupper():
                continue  # "Iraq's government": a common noun, not the name
            covering = [m for m in mentions if m.start < end and start < m.end]
            if any(m.entity_id is not None or m.producer != self.ner_producer or m.start < start or m.end > end
                   for m in covering):
                continue
            replaced |= {id(m) for m in covering}  # "Ministry of Interior" the model found, unnamed
            record_id, etype = found
            s_start, s_end, in_content = context(start, end)
            added.append(Mention(doc_id=document.doc_id, start=start, end=end, text=document.text[start:end],
                                 type=EntityType(etype), producer=POSSESSIVE_PRODUCER, confidence=0.9,
                                 entity_id=record_id, sentence_start=s_start, sentence_end=s_end,
                                 in_content=in_content))
        if not added:
            return mentions
        return sorted([*(m for m in mentions if id(m) not in replaced), *added], key=lambda m: (m.start, m.end))

    def _candidate(self, doc: Doc, ent: Span) -> _Candidate | None:
        span_id = ent.id_
        if span_id.startswith(KB_ID_PREFIX):
            cand = _Candidate(ent.start, ent.end, EntityType(ent.kb_id_), KB_ALIAS_PRODUCER,
                              0.9 if is_acronym(ent.text) else 0.95, span_id[len(KB_ID_PREFIX):])
        elif span_id.startswith("rule."):
            cand = _Candidate(ent.start, ent.end, EntityType(ent.kb_id_), span_id,
                              self.confidence.get(span_id, 0.7), None)
        elif ent.label_ in NER_LABELS:
            ner = self._ner_candidate(doc, ent)
            if ner is None:
                return None
            cand = ner
        else:
            return None
        self._trim(doc, cand)
        if cand.type is EntityType.PLACE and cand.producer == KB_ALIAS_PRODUCER and self._is_surname(doc, cand):
            # "said Renad Mansour, a senior research fellow": a first name before a place name
            # that a person's description follows is a person's name, not the Baghdad district
            cand = _Candidate(cand.start - 1, cand.end, EntityType.PERSON, NAME_EXTEND_PRODUCER, 0.7, None)
        if cand.type is EntityType.PERSON:
            self._strip_titles(doc, cand)
            if _is_byline(doc, cand.start):
                return None
        if cand.end <= cand.start:
            return None
        text = doc[cand.start:cand.end].text
        if text in self.rules.ignore_names:
            return None
        if cand.producer != KB_ALIAS_PRODUCER and not any(c.isupper() for c in text):
            return None
        if cand.type in _ADJECTIVAL_TYPES and _is_adjectival(doc, cand.end):
            return None
        if cand.type in _ADJECTIVAL_TYPES and cand.end < len(doc) and doc[cand.end].text in _STREET_WORDS:
            # "Palestine Street", "Lebanon Square": a street named after a country is a place of its own
            return _Candidate(cand.start, cand.end + 1, EntityType.PLACE, PLACE_CONTEXT_PRODUCER, 0.6, None)
        return cand

    def _ner_candidate(self, doc: Doc, ent: Span) -> _Candidate | None:
        label = ent.label_
        cand = _Candidate(ent.start, ent.end, EntityType.PERSON, self.ner_producer, 0.6, None)
        self._trim(doc, cand)
        if cand.end <= cand.start:
            return None
        text = doc[cand.start:cand.end].text
        if all(t.lower_.rstrip(".") in self.title_words or t.text in self.rules.non_person_words
               for t in doc[cand.start:cand.end]) and not (
                cand.end - cand.start > 1 and doc[cand.end - 1].text in _BODY_HEADS and label == "ORG"):
            return None  # "Supreme", "Militias": a capitalised common word, not a name ("the Interior Ministry" is)
        if all(t.lower_ in self.rules.common_nouns for t in doc[cand.start:cand.end]):
            return None  # "Gunmen believed to ...", "Security forces": people described, not named
        if cand.end - cand.start == 1 and doc[cand.start].is_sent_start and cand.end < len(doc) \
                and doc[cand.end].lower_ in _FORCE_NOUNS:
            return None  # "Riot police fired tear gas": a sentence's first word before a force described
        if label == "ORG" and cand.end - cand.start == 1 and _plural_opening_a_sentence(doc, cand.start):
            return None  # "Warplanes struck the village", "Groups of fighters fled": a plural noun, capitalised only there
        if label == "ORG" and cand.end - cand.start == 1 and cand.start >= 2 and doc[cand.start - 1].lower_ == "of" \
                and doc[cand.start - 2].lower_.rstrip(".") in self.title_words:
            return None  # "Secretary of State": the end of a title, no organisation
        if doc[cand.start].text in ("Operation", "Operations") and cand.end - cand.start > 1:
            return None  # "Operation Claw-Lock": a military campaign's name, neither place nor body
        if self._in_place_context(doc, cand.start, cand.end):
            cand.type, cand.producer, cand.confidence = EntityType.PLACE, PLACE_CONTEXT_PRODUCER, 0.6
            return cand
        kb_type = self.lookup_place(text)
        if kb_type is not None:
            cand.type = kb_type
        elif label == "PERSON":
            self._strip_titles(doc, cand)
            if self._extend_name(doc, cand):
                cand.producer = NAME_EXTEND_PRODUCER
        elif label == "GPE":
            cand.type = EntityType.COUNTRY if text in self.country_names else EntityType.PLACE
        elif label in ("LOC", "FAC"):
            cand.type = EntityType.PLACE
        elif self._has_person_appositive(doc, cand.end):
            cand.type = EntityType.PERSON  # "X, a security analyst": the model's ORG is a name
        else:
            cand.type = self._org_type(doc[cand.start:cand.end])
        return cand

    def _is_surname(self, doc: Doc, cand: _Candidate) -> bool:
        """Return True for a one-word place name after a capitalised first name and before a
        person's description or a verb of saying ("Renad Mansour, a senior fellow", "... Mansour said")."""
        if cand.end - cand.start != 1 or cand.start == 0:
            return False
        first = doc[cand.start - 1]
        if not (first.is_alpha and first.text[:1].isupper() and not first.is_upper) or first.is_stop \
                or first.ent_type_ or first.lower_ in self.title_words or first.text in self.rules.non_person_words \
                or first.lower_ in _PLACE_LEADS:
            return False
        after = doc[cand.end].lower_ if cand.end < len(doc) else ""
        if after in ("said", "says", "told", "added") or self._has_person_appositive(doc, cand.end):
            return True
        before = doc[cand.start - 2].lower_ if cand.start >= 2 else ""
        if after == "," and cand.end + 1 < len(doc) and doc[cand.end + 1].lower_ == "who" \
                and before in ("said", "says", "told", "added", "according", "explained", "noted"):
            return True  # '"...," said Renad Mansour, who directs ...': a person described
        # ", director of ...", ", senior fellow at ...": a bare description
        return after == "," and any(t.lower_ in self.rules.person_appositive_heads
                                    for t in doc[cand.end + 1:min(len(doc), cand.end + 4)])

    def _has_person_appositive(self, doc: Doc, end: int) -> bool:
        """Return True if ", a/an ... <person role>" follows the span ending at token ``end``."""
        if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in ("a", "an"):
            return False
        for tok in doc[end + 2:min(len(doc), end + 8)]:
            if tok.text in (",", ".", ";", ":") or tok.lower_ in ("of", "for", "at", "with", "in"):
                return False
            if tok.lower_ in self.rules.person_appositive_heads:
                return True
        return False

    def _trim(self, doc: Doc, cand: _Candidate) -> None:
        """Drop leading "the"/quotes, cut at a possessive or slash, drop trailing punctuation."""
        while cand.start < cand.end and (doc[cand.start].lower_ == "the" or doc[cand.start].is_space
                                         or doc[cand.start].text in _EDGE_PUNCT):
            cand.start += 1
        kb_name = cand.producer == KB_ALIAS_PRODUCER  # the ruler matched a whole KB name: its
        # apostrophe is the name's own ("Kurdistan Workers' Party"; owners' possessives are not KB names)
        for i in range(cand.start + 1, cand.end):
            if (doc[i].text in _POSSESSIVES and not kb_name) or doc[i].text in _CUT_TOKENS:
                cand.end = i
                break
        while cand.end > cand.start and (doc[cand.end - 1].text in _EDGE_PUNCT
                                         or doc[cand.end - 1].is_space or doc[cand.end - 1].text in _TAIL_WORDS):
            cand.end -= 1  # the model sometimes runs a name on over blank lines, or up to a KB name
            # ("the 9th Division of the Iraqi Army": "9th Division of the" before the ruler's span)
        if (cand.end - cand.start > 1 and doc[cand.end - 1].lower_ in _PLACE_SUFFIXES
                and cand.producer == self.ner_producer):
            cand.end -= 1

    def _strip_titles(self, doc: Doc, cand: _Candidate) -> None:
        while cand.end - cand.start > 1 and doc[cand.start].lower_.rstrip(".") in self.title_words:
            cand.start += 1

    def _extend_name(self, doc: Doc, cand: _Candidate) -> bool:
        """Extend a person name the model truncated ("Faisal Hussein" after "Ghazi")."""
        extended = False
        for _ in range(2):
            i = cand.start - 1
            if i < 0 or cand.end - cand.start >= 4:
                break
            tok = doc[i]
            if (tok.is_alpha and tok.text[0].isupper() and not tok.is_upper and len(tok) > 1
                    and not tok.ent_type_ and tok.text not in self.rules.stop_words
                    and tok.text not in self.rules.non_person_words
                    and tok.lower_ not in self.title_words):
                cand.start = i
                extended = True
            else:
                break
        # particle tail the model left out: "Abu Mahdi" + "al-Muhandis"
        j = cand.end
        if (j + 2 < len(doc) and doc[j].lower_ in ("al", "el")
                and doc[j + 1].text == "-" and doc[j + 2].text[:1].isupper()
                and not doc[j + 2].ent_type_ and not doc[j].whitespace_):
            cand.end = j + 3
            extended = True
        return extended

    def _in_place_context(self, doc: Doc, start: int, end: int) -> bool:
        for n, phrases in self._place_before_by_len.items():
            if start - n >= 0 and tuple(t.lower_ for t in doc[start - n:start]) in phrases:
                return True
        if end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in _DIRECTIONS \
                and doc[end + 2].lower_ == "of":
            return True  # "in Khan Bani Saad, north of Baghdad": a place set beside another
        if end < len(doc):
            nxt = doc[end].lower_
            if nxt in self.rules.place_after:
                return True
            if (nxt in self.rules.place_after_modifiers and end + 1 < len(doc)
                    and doc[end + 1].lower_ in self.rules.place_after):
                return True
        return False

    def _org_type(self, span: Span) -> EntityType:
        words = {t.text for t in span}
        for etype in (EntityType.MEDIA_OUTLET, EntityType.INTL_ORG, EntityType.ARMED_GROUP,
                      EntityType.STATE_BODY, EntityType.POLITICAL_ORG):
            if words & self.rules.org_cues.get(etype, frozenset()):
                return etype
        doc = span.doc
        if span.end < len(doc) and doc[span.end].lower_ in self.rules.armed_after:
            return EntityType.ARMED_GROUP  # "Al-Shabaab militants attacked ..."
        return EntityType.POLITICAL_ORG


def _no_type(_name: str) -> EntityType | None:
    return None


_WORD = re.compile(r"[A-Za-z][\w'\u2019-]*")


def is_title_case_line(text: str, pos: int) -> bool:
    """Return True when the line around ``pos`` capitalises most of its longer words, as
    headlines in title case do ("Israel Announce Death of Two Soldiers following Drone Attack")."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    words = [w for w in _WORD.findall(text[start:end if end >= 0 else len(text)]) if len(w) >= 4]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def drop_headline_words(mentions: list[Mention], text: str, ner_producer: str) -> list[Mention]:
    """Drop the model's names in a title-case line that the text writes in lower case elsewhere.

    A headline capitalises common words ("... following Drone Attack from Iraq"), and the model
    takes them for a name; the body then says "a drone attack". A name keeps its capitals.
    """
    out: list[Mention] = []
    for m in mentions:
        lower = m.text.lower()
        if m.producer == ner_producer and m.entity_id is None and lower != m.text \
                and is_title_case_line(text, m.start) \
                and re.search(r"(?<![\w-])" + re.escape(lower) + r"(?![\w-])", text):
            continue
        out.append(m)
    return out


def _is_adjectival(doc: Doc, end: int) -> bool:
    """Return True if the span ending at token ``end`` is the first half of "Iran-backed"."""
    if end + 1 >= len(doc):
        return False
    hyphen, word = doc[end], doc[end + 1]
    return (hyphen.text == "-" and not doc[end - 1].whitespace_ and not hyphen.whitespace_
            and word.is_alpha and word.is_lower)


def _is_byline(doc: Doc, start: int) -> bool:
    """Return True if the name at ``start`` follows "By" at the start of a line (a byline)."""
    if start < 1 or doc[start - 1].lower_ != "by":
        return False
    return start == 1 or "\n" in doc[start - 2].text or "\n" in doc[start - 2].whitespace_


def _sentence_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    starts: list[int] = []
    ends: list[int] = []
    for sent in doc.sents:
        starts.append(sent.start_char)
        ends.append(sent.end_char)
    return starts, ends


def _plural_opening_a_sentence(doc: Doc, i: int) -> bool:
    """Return True for a plural-looking word that opens its sentence and is written capitalised
    nowhere else in the document ("Warplanes struck ...", "Groups of fighters ..."): a common noun
    the model took for a name, not a name."""
    tok = doc[i]
    word = tok.text
    if not (tok.is_sent_start or i == 0 or "\n" in doc[i - 1].text_with_ws) or len(word) < 4 \
            or not word.endswith("s") or word.endswith("ss") or not word[1:].islower():
        return False
    if tok.dep_ == "nsubj" and tok.head.lower_ in _SAYING:
        return False  # "Friends said he had received threats": the people who speak, kept for the quote
    return not any(t.text == word and not t.is_sent_start for t in doc if t.i != i)


_SAYING = frozenset({"said", "say", "says", "told", "tell", "added", "recalled", "described"})
