"""Outlets named where words are relayed (``rule.outlet-relay.v1``).

"told the Gulf Herald", "in an interview with Ynetnews", "in a statement carried by Sabereen
News", "..., Jerusalem Post reported": the name in such a position is usually the news outlet
or channel that passed the words on. Most outlets are not in the knowledge base, the
statistical model reads them as organisations, places or people, and a KB place inside the name
("Jerusalem" in "Jerusalem Post") hides the rest. A name in a relay position becomes one
``media_outlet`` mention, replacing the spans inside it, when

- its last telling word is an outlet head ("Herald", "Radio", "News Agency", a one-word name
  ending in "news") rather than an organisation cue ("Ministry", "Cell"), or
- a media noun introduces it ("the Lebanese daily X", "X news agency reported"), or
- the cue makes it a recipient or carrier ("told", "in an interview with", "carried by") and the
  statistical model found exactly this name as something other than a person, the name has no
  organisation cue word and no person shape: "Hadi al-Amiri" (a lowercase particle after a
  first name) and a name that a person mention of the document ends with stay people.

A KB record named exactly like the name always wins (the KB knows what it is), and so does a
KB outlet inside the name ("Sabereen News" in "Sabereen News Telegram channel"). "according to"
and "... reported" are weaker cues: only a head word or a media noun makes an outlet there.

Short platform names that are ordinary words elsewhere ("X") become a mention only right after
"on" (and an owner: "on his X account") in a sentence about posting ("in a post on X"); resolution
links them through the KB alias.

Cues and word lists are data: the ``outlet_relay`` section of ``discovery.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass

from factiongraph.model import EntityType, Mention
from factiongraph.nlp.rules import RelayCues

# (start, end) -> (sentence start, sentence end, in content)
SpanContext = Callable[[int, int], tuple[int, int, bool]]
TypeLookup = Callable[[str], EntityType | None]

# One word of a name: capitalised, with inner apostrophes, hyphens, dots ("Mi'raj", "Al-Mayadeen",
# "Amwaj.media"), never a possessive "'s"; later words may be numbers or "al-" particles.
_WORD = r"[A-Z]\w*(?:(?:['\u2019](?!s\b)|[-.&/])\w+)*"
# The first word may open with a lowercase article particle ("al-Ahd", "el-Watan").
_FIRST = rf"(?:(?:al|el)-)?{_WORD}"
_NEXT = rf"(?:{_WORD}|\d+|(?:al|el|ad|ash|an|ar|as|at|az)-\w[\w-]*)"
_NAME = rf"{_FIRST}(?:[ \t]+(?:(?:of|and)[ \t]+)?{_NEXT}){{0,5}}"
_PARTICLE = re.compile(r"(?:(?:al|el|ad|ash|an|ar|as|at|az)-\w|(?:bin|ibn|abu|bint)$)")
_OWNER = r"(?:[A-Z][\w-]*['\u2019]s[ \t]+)?"
_QUALIFIER = (r"(?:(?:semi-official|official|state-run|state-owned|state|independent|"
              r"pro-[\w-]+|[\w-]+-(?:run|owned|affiliated|backed|based|aligned|funded|linked))[ \t]+){0,2}")
_ADVERBS = (r"(?:[ \t]+(?:also|further|later|earlier|previously|recently|first|then|separately|"
            r"has|had|have))*")
_COMPOUND_HEADS = frozenset({"Agency", "Service"})  # "News Agency", "Press Service"


def _alt(phrases: Collection[str]) -> str:
    """Return a regex alternation of phrases, longest first, spaces matching any blank run."""
    return "|".join(re.escape(p).replace(r"\ ", r"[ \t]+")
                     for p in sorted(set(phrases), key=len, reverse=True))


@dataclass(slots=True, frozen=True)
class RelayName:
    """A capitalised name written in a relay position."""

    start: int
    end: int
    strong: bool
    """A recipient or carrier cue ("told", "carried by"), not "according to" or "reported"."""
    introduced: bool
    """A media noun sits next to it ("the daily X", "X news agency reported")."""


class RelayOutlets:
    """The compiled ``outlet_relay`` cues; :meth:`apply` types the relayed outlets of one document."""

    def __init__(self, cues: RelayCues, blocked_words: Collection[str] = (),
                 model_prefix: str = "model.", ignored_names: Collection[str] = ()) -> None:
        """Compile the cues.

        ``blocked_words`` are organisation cue words of other types ("Ministry", "Council"); with
        ``cues.non_outlet_words`` they keep a name from being an outlet. ``model_prefix`` marks
        the producers of statistical mentions. A channel alias standing for one of
        ``ignored_names`` (platforms that are not mentions, ``ignore_names``) is not looked for.
        """
        self.cues = cues
        self.blocked = frozenset(blocked_words) | cues.non_outlet_words
        self.model_prefix = model_prefix
        aliases = [a for a, name in cues.channel_aliases.items() if name not in ignored_names]
        nouns = _alt(cues.media_nouns)
        intro = rf"(?:(?:[\w-]+[ \t]+){{0,2}}?(?P<noun>{nouns})[ \t]+|{_QUALIFIER})"
        self.before = re.compile(
            rf"(?<![\w-])(?i:(?P<strong>{_alt(cues.recipient_cues)})|(?P<weak>{_alt(cues.source_cues)}))"
            rf"\s+(?:[Tt]he[ \t]+)?{_OWNER}{intro}(?P<name>{_NAME})"
            rf"(?:[ \t]+(?:[\w-]+[ \t]+)?(?P<after>{nouns})(?![\w-]))?")  # "the X newspaper"
        # A KB outlet written in lower case after a recipient cue ("told alsumaria").
        self.lower_before = re.compile(
            rf"(?<![\w-])(?i:{_alt(cues.recipient_cues)})\s+(?:the[ \t]+)?"
            rf"(?P<name>[a-z][\w.-]*(?:[ \t]+[a-z][\w.-]*){{0,2}})")
        self.reporter = re.compile(rf"(?<![\w-])(?i:{_alt(cues.reporter_cues)})(?![\w-])")
        self.before_reporter = re.compile(
            rf"(?P<name>{_NAME})(?:[ \t]+(?P<noun>{nouns}))?{_ADVERBS}[ \t]+$")
        self.noun_before = re.compile(rf"(?<![\w-])(?:{nouns})[ \t]+(?:[Tt]he[ \t]+)?$")
        self.channel = re.compile(
            rf"(?<![\w-])on[ \t]+(?:(?:his|her|its|their|the[ \t]+\w+'s)[ \t]+)?(?P<name>{_alt(aliases)})"
            rf"(?![\w-])(?![ \t]+[A-Z])") if aliases else None  # "on X", "on his X account"
        self.channel_cue = re.compile(rf"\b(?i:{_alt(cues.channel_alias_cues)})\b")

    # -- finding names --------------------------------------------------------------------
    def find_names(self, text: str) -> Iterator[RelayName]:
        """Yield every name after a relay cue and before a reporting verb, cut at stop words."""
        for match in self.before.finditer(text):
            span = self._cut_forward(text, match.start("name"), match.end("name"))
            if span is not None:
                introduced = match.group("noun") is not None or \
                    (match.group("after") is not None and span[1] == match.end("name"))
                yield RelayName(span[0], span[1], match.group("strong") is not None, introduced)
        for cue in self.reporter.finditer(text):
            window = max(0, cue.start() - 160)
            found = self.before_reporter.search(text, window, cue.start())
            if found is None:
                continue
            span = self._cut_backward(text, found.start("name"), found.end("name"))
            if span is not None:  # "X news agency reported", "the magazine X reported"
                introduced = found.group("noun") is not None or \
                    self.noun_before.search(text, max(0, span[0] - 40), span[0]) is not None
                yield RelayName(span[0], span[1], False, introduced)

    def _cut_forward(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """Return the name up to its first stop word (None when it starts with one)."""
        pos = start
        for word in re.finditer(r"\S+", text[start:end]):
            if word.group() in self.cues.name_stop_words:
                break
            pos = start + word.end()
        return (start, pos) if pos > start else None

    def _cut_backward(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """Return the name after its last stop word ("On Monday Reuters" -> "Reuters")."""
        words = list(re.finditer(r"\S+", text[start:end]))
        first = len(words)
        while first > 0 and words[first - 1].group() not in self.cues.name_stop_words:
            first -= 1
        if first == len(words):
            return None
        while first < len(words) and words[first].group() in ("of", "and"):
            first += 1
        return (start + words[first].start(), end) if first < len(words) else None

    # -- deciding -------------------------------------------------------------------------
    def last_cue_is_head(self, words: list[str]) -> bool | None:
        """Return True when the name's last telling word is an outlet head, False for an org cue.

        None when it holds neither. "News Agency" and "Press Service" are heads.
        """
        verdict: bool | None = None
        if len(words) == 1 and words[0].lower().endswith(self.cues.head_suffixes) and \
                words[0].lower() not in self.cues.head_suffixes:
            return True  # "Ynetnews"
        for i, word in enumerate(words):
            if word in self.cues.heads or (word in _COMPOUND_HEADS and i and words[i - 1] in self.cues.heads):
                verdict = True
            elif word in self.blocked:
                verdict = False
        return verdict

    def is_person_shaped(self, words: list[str], people: Collection[str]) -> bool:
        """Return True for "Hadi al-Amiri" (a particle after a first name) or a known person's last name."""
        if any(_PARTICLE.match(w) for w in words[1:]):
            return True
        return words[-1] in people

    def is_outlet(self, name: RelayName, text: str, mentions: list[Mention],
                  people: Collection[str]) -> bool:
        """Return True when the name at a relay position is an outlet (see the module docstring)."""
        words = text[name.start:name.end].split()
        head = self.last_cue_is_head(words)
        if head is not None:
            return head
        if name.introduced:
            return True
        if words[0][:1].islower():
            return False  # "al-Amiri": a particle-first name needs a head word or a media noun
        if not name.strong or self.is_person_shaped(words, people):
            return False
        return any(m.start == name.start and m.end == name.end and m.producer.startswith(self.model_prefix)
                   and m.type is not EntityType.PERSON for m in mentions)

    # -- applying -------------------------------------------------------------------------
    def apply(self, mentions: list[Mention], text: str, doc_id: str, context: SpanContext,
              kb_type: TypeLookup) -> list[Mention]:
        """Return ``mentions`` with each relayed outlet as one ``media_outlet`` mention.

        Args:
            mentions: the document's mentions, in text order.
            text: the document text the offsets refer to.
            doc_id: the document id recorded on new mentions.
            context: sentence bounds and content flag of a character span.
            kb_type: the type of a KB record named exactly so, if any (such names are left alone).
        """
        people = {m.text.split()[-1] for m in mentions if m.type is EntityType.PERSON and m.text.split()}
        spans: dict[tuple[int, int], None] = {}
        for name in self.find_names(text):
            if (name.start, name.end) in spans or kb_type(" ".join(text[name.start:name.end].split())):
                continue
            if any(m.type is EntityType.MEDIA_OUTLET and m.start < name.end and name.start < m.end
                   for m in mentions):
                continue  # an outlet is already there ("Sabereen News" from the KB)
            if self.is_outlet(name, text, mentions, people):
                spans[name.start, name.end] = None
        spans.update(dict.fromkeys(self.find_channel_aliases(text, context, mentions)))
        spans.update(dict.fromkeys(self.find_lowercase_outlets(text, mentions, kb_type)))
        if not spans:
            return mentions
        kept = [m for m in mentions if not any(m.start < e and s < m.end for s, e in spans)]
        for start, end in spans:
            s_start, s_end, in_content = context(start, end)
            kept.append(Mention(
                doc_id=doc_id, start=start, end=end, text=text[start:end], type=EntityType.MEDIA_OUTLET,
                producer=self.cues.producer, confidence=self.cues.confidence, entity_id=None,
                sentence_start=s_start, sentence_end=s_end, in_content=in_content))
        return sorted(kept, key=lambda m: (m.start, m.end))

    def find_channel_aliases(self, text: str, context: SpanContext,
                             mentions: list[Mention]) -> Iterator[tuple[int, int]]:
        """Yield "X" in "in a post on X" (a sentence about posting, no mention there yet)."""
        if self.channel is None:
            return
        for match in self.channel.finditer(text):
            start, end = match.start("name"), match.end("name")
            s_start = context(start, end)[0]
            if any(m.start < end and start < m.end for m in mentions):
                continue
            if self.channel_cue.search(text, max(s_start, start - 80), start):
                yield start, end

    def find_lowercase_outlets(self, text: str, mentions: list[Mention],
                               kb_type: TypeLookup) -> Iterator[tuple[int, int]]:
        """Yield a KB outlet written in lower case after a recipient cue ("told alsumaria")."""
        for match in self.lower_before.finditer(text):
            words = list(re.finditer(r"\S+", match.group("name")))
            for n in range(len(words), 0, -1):  # longest first: "alsumaria news", then "alsumaria"
                start, end = match.start("name"), match.start("name") + words[n - 1].end()
                if kb_type(" ".join(w.group() for w in words[:n])) is EntityType.MEDIA_OUTLET:
                    if not any(m.start < end and start < m.end for m in mentions):
                        yield start, end
                    break
