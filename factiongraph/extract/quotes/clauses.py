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
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from typing import Any

import numpy

from factiongraph.extract.quotes.patterns import _QUOTE, EDGE_TRIM, Finding, Speaker, singular
from factiongraph.extract.quotes.speakers import _CHANNEL_HEADS, _VOICES, SyntaxSpeakers
from factiongraph.extract.view.dateline import dateline_end, dateline_end_in_line
from factiongraph.extract.view.docview import DocView
from factiongraph.extract.view.syntax import Syntax
from factiongraph.model import EntityType, Mention

Token = Any  # a spaCy Token

# An aside on how a statement reached the outlet, before the reported words ("said in a statement,
# a copy of which was obtained by X, that ..."): never part of the words.
_RELAY_ASIDE = re.compile(r"(?:a\s+copy\s+of\s+)?which\s+(?:was|were|has\s+been|had\s+been)\s+\w+\s+by\s+"
                          r"[^,;\"\u201c]{1,60},\s*", re.IGNORECASE)
_CLAUSE_LINKS = frozenset({"ccomp", "parataxis", "advcl", "conj", "relcl", "xcomp", "acl", "pcomp"})
_PASSIVE_BE = frozenset({"was", "were", "been", "be", "being", "is", "are"})
_ADDRESS_VERBS = frozenset({"told", "tells", "tell", "telling"})
# Who may be told something besides a name: pronouns and audiences ("told him", "told journalists").
_AUDIENCE = frozenset({"him", "her", "them", "us", "me", "you", "journalists", "newsmen", "media",
                       "press", "reporter", "audience", "crowd", "supporters", "parliament", "lawmakers"})
_TRIM = EDGE_TRIM


# Verbs of greeting that claim nothing when someone is greeted ("welcomed the delegation").
_GREETINGS = frozenset({"welcomed", "welcomes", "welcome", "welcoming", "hailed", "received"})
_VISITORS = frozenset({"delegation", "delegations", "visitor", "visitors", "guest", "guests", "envoy",
                       "counterpart", "ambassador", "team", "pilgrims", "returnees"})
# Verbs whose "to say" clause reports words not said ("declined to say who was behind it").
_REFUSALS = frozenset({"declined", "declines", "decline", "refused", "refuses", "refuse", "failed",
                       "fails", "would", "could", "wouldn't", "couldn't"})
# "In his view, ...", "In X's opinion, ...", "In the view of X, ..." opening a sentence.
_IN_VIEW = re.compile(r"\s*In\s+(?:(?P<pronoun>his|her|their)|(?P<owner>[^,\n]{2,60}?)(?:'s|\u2019s))\s+"
                      r"(?:view|opinion|assessment|estimation|words)\s*,\s*"
                      r"|\s*In\s+the\s+(?:view|opinion|assessment|words)\s+of\s+(?P<holder>[^,\n]{2,80}?)\s*,\s*")
_CARRIERS = frozenset({"carried", "published", "broadcast", "aired", "posted", "run", "circulated", "received"})
_REPUTATION = frozenset({"known", "notorious", "famous", "renowned", "infamous", "remembered", "noted"})
_OPEN_QUESTIONS = frozenset({"whether", "if", "who", "whom", "what", "which", "how", "when", "where", "why"})
# Verbs and adjectives whose infinitive of saying tells of words still to come ("is expected to say
# that ...", "plans to announce ..."): nothing has been said yet.
_PROSPECTIVE = frozenset({"expected", "expects", "expect", "plans", "planned", "planning", "plan", "intends",
                          "intended", "intend", "likely", "due", "scheduled", "set", "going", "preparing",
                          "prepares", "about", "unlikely", "poised"})


@dataclass(slots=True)
class TokenIndex:
    """Per-token facts of a parsed document as plain lists, read once (spaCy tokens are costly to make).

    The word gate and the cue search run over these lists; spaCy tokens are made only for cues.
    """

    doc: Any
    starts: list[int]
    lowers: list[str]
    heads: list[int]
    bare: list[bool]  # punctuation or white space

    @classmethod
    def of(cls, doc: Any, lowers: list[str]) -> TokenIndex:
        """Return the index of a parsed ``doc`` (``lowers``: its tokens lowercased, by index)."""
        # column by column in numpy: HEAD is relative (uint64 there, negative once cast to int64)
        columns = doc.to_array(["IDX", "HEAD", "IS_PUNCT", "IS_SPACE"]).astype("int64").reshape(-1, 4)
        heads = numpy.arange(len(columns), dtype="int64") + columns[:, 1]
        bare = (columns[:, 2] != 0) | (columns[:, 3] != 0)
        return cls(doc, columns[:, 0].tolist(), lowers, heads.tolist(), bare.tolist())

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Return the tokens ``[i, j)`` that start inside the characters ``[start, end)``."""
        return bisect_left(self.starts, start), bisect_left(self.starts, end)


@dataclass(slots=True)
class _Cue:
    """One cue found in a sentence and what is known about it so far."""

    tok: Token
    kind: str  # say | claim | according | participle-say | participle-other
    end: int  # token index after the cue phrase
    speakers: list[Speaker] = field(default_factory=list)
    content: tuple[int, int] | None = None  # token range of the reported words
    via: str | None = None  # the outlet its statement reached the reader through, once read


# '"..." - that was the message from X': the signature names the speaker after these words.
_MESSAGE_FROM = re.compile(r"(?:that|this|such)\s+(?:was|is)\s+the\s+(?:\w+\s+)?(?:message|verdict|warning|"
                           r"view|response|reply|word)\s+(?:from|of)\s+(?:the\s+)?", re.IGNORECASE)


# A question put to the speaker, opening the sentence ("Asked whether ...", "When questioned about ...").
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_DAY_WORDS = _WEEKDAYS | {"yesterday", "today", "tonight"}
_DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night"})


def _time_gap(lowers: list[str], k: int, j: int) -> int:
    """Return how many tokens from ``k`` a day phrase takes ("on Friday", "late Tuesday", "on Monday
    evening", "yesterday"): it may part a cue of several words ("called on Friday for calm")."""
    n = k
    if n < j and lowers[n] in ("on", "late", "early"):
        n += 1
    if n >= j or lowers[n] not in _DAY_WORDS:
        return 0
    n += 1
    if n < j and lowers[n] in _DAY_PARTS:
        n += 1
    return n - k


_QUESTION_PUT = re.compile(r"(?:when\s+|if\s+)?(?:asked|questioned|pressed)\b", re.IGNORECASE)
_BE_FORMS = frozenset({"is", "are", "was", "were", "been", "be", "'s", "'re", "am"})
_MODALS = frozenset({"would", "will", "can", "could", "must", "should", "may", "might", "shall", "wo", "ca"})
_PRESENT_FORMS = frozenset({"is", "are", "has", "have", "does", "do", "'s", "'re", "remains", "remain"})
_PAST_IRREGULAR = frozenset({"said", "told", "wrote", "swore", "spoke", "made", "gave"})
# Verbs of saying that set one source's account against another's ("X says A, while Y says B").
_CONTRAST_VERBS = frozenset({"said", "says", "say", "claimed", "claims", "insisted", "insists", "argued", "argues",
                             "maintained", "maintains", "contended", "contends", "countered", "counters",
                             "told", "tells", "reported", "reports", "stated", "states"})


def _is_past(tok: Token) -> bool:
    """Return True for a verb written in the simple past ("warned", "said"): read off the word."""
    return tok.lower_ in _PAST_IRREGULAR or (tok.lower_.endswith("ed") and len(tok.lower_) > 3)


def _is_present(tok: Token) -> bool:
    """Return True for a verb written in the present ("is", "are", "remains")."""
    return tok.lower_ in _PRESENT_FORMS


class QuoteClauses(SyntaxSpeakers):
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
        done: dict[int, _Cue] = {}
        taken: list[tuple[int, int, str]] = []  # reported words already attributed: tokens, kind
        relays: list[tuple[_Cue, Finding, list[int]]] = []  # outlets that may relay someone's words
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

    @staticmethod
    def _sources_a_claim(f: Finding, done: dict[int, _Cue], span: Any) -> bool:
        """Return True for an unnamed source set after a named speaker's claim ("X vowed to retaliate,
        a senior official in the group said"): the source of the report of X's claim, one statement."""
        if f.rule != "quote-reported" or any(sp.entity_id is not None for sp in f.speakers):
            return False
        verb = next((c for c in done.values() if c.tok.idx == f.verb and c.kind == "say"), None)
        if verb is None or not any(c.dep_ == "ccomp" and c.i < verb.tok.i for c in verb.tok.children):
            return False
        return any(c.dep_ == "ccomp" and c.i < verb.tok.i and c.i in done and done[c.i].kind == "claim"
                   and any(sp.entity_id is not None for sp in done[c.i].speakers) for c in verb.tok.children)

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
            if any(_QUESTION_PUT.match(view.text, a) and b <= f.verb for a, b in f.spans):
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
        if tok.dep_ == "pcomp" and tok.head.head.lower_ in _REPUTATION:
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

    @staticmethod
    def _says_nothing(view: DocView, tok: Token) -> bool:
        """Return True for a verb of saying that opens its sentence's predicate after its subject
        and has nothing after it but a time, place or manner ("X responded within hours", "the
        ministry replied on Monday"), in a sentence with no quotation: no words are reported."""
        sent = tok.sent
        if tok.dep_ != "ROOT" or re.search(r"[\"\u201c\u201d]", view.text[sent.start_char:sent.end_char]):
            return False
        left = [c for c in tok.children if c.i < tok.i]
        right = [c for c in tok.children if c.i > tok.i]
        return any(c.dep_ == "nsubj" for c in left) and \
            all(c.dep_ in ("nsubj", "aux", "advmod", "neg", "punct", "npadvmod") for c in left) and \
            all(c.dep_ in ("prep", "advmod", "npadvmod", "punct") for c in right)

    def _addressee(self, syn: Syntax, verb: Token, obj: Token) -> bool:
        """Return True when the object of "told" is who was told ("..., a source told Xinhua on
        condition of anonymity"): a name, a pronoun or people ("reporters"), not "told the truth"."""
        if verb.lower_ not in _ADDRESS_VERBS:
            return False
        return syn.mention_at(obj) is not None or obj.lower_ in _AUDIENCE or \
            obj.lower_ in self.source_heads or obj.lower_ in self.observer_heads

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

    def _outlet_source(self, view: DocView, syn: Syntax, cue: _Cue) -> bool:
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

    def _names_outlet(self, view: DocView, syn: Syntax, tok: Token) -> bool:
        """Return True when the phrase of ``tok`` names a media outlet ("the IRNA news agency") or
        describes one without a name ("the official news agency", "state media")."""
        found = syn.phrase_mentions(tok)
        if any(m.entity_id and view.type_of(m) is EntityType.MEDIA_OUTLET for m in found):
            return True
        return tok.lower_ in self.outlet_nouns and all(
            view.type_of(m) in (EntityType.PLACE, EntityType.COUNTRY) for m in found)

    def _outlet_subject(self, view: DocView, syn: Syntax, cue: _Cue) -> Token | None:
        """Return the subject of a verb of saying that describes an outlet without naming it ("...,
        the official news agency reported"), or None."""
        if cue.kind != "say" or len(cue.speakers) != 1 or cue.speakers[0].entity_id is not None:
            return None
        return next((s for s in self._nominal_subjects(syn, cue.tok) if s.lower_ in self.outlet_nouns
                     and self._names_outlet(view, syn, s)), None)

    def _outlet_before(self, view: DocView, syn: Syntax, cue: _Cue) -> str | None:
        """Return the outlet a definite description of one means ("the agency reported" after INA was
        named): the last media outlet named before it, or None."""
        subject = self._outlet_subject(view, syn, cue)
        if subject is None or not any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children):
            return None
        return next((str(m.entity_id) for m in reversed(view.mentions) if m.end <= subject.idx and m.entity_id
                     and view.type_of(m) is EntityType.MEDIA_OUTLET), None)

    def _relayed_heads(self, view: DocView, syn: Syntax, cue: _Cue, cue_at: dict[int, _Cue]) -> list[int]:
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

    def _cites_statement(self, cue: _Cue) -> bool:
        """Return True for "according to X" (a source, which relays the words of a speaker the clause
        names: '"...," Y said, according to a statement from X', "According to X, Y told Z that ..."),
        and for a statement that says (a statement noun its verb's subject: "Blinken reaffirmed ...,
        the statement added", "he affirmed that ..., said a statement from his office")."""
        return cue.kind == "according" or (cue.kind == "say" and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in self.statement_nouns for c in cue.tok.children))

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
                        and view.type_of(m) in _VOICES and not self.is_outlet(view, m.entity_id)), None)
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
        match = _IN_VIEW.match(text, start, end)
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
                        and view.type_of(m) in _VOICES and not self.is_outlet(view, m.entity_id)]
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
        message = _MESSAGE_FROM.match(tail.group("sig"))
        sig_start = quotes[-1][1] + tail.start("sig") + (message.end() if message else 0)
        speaker = next((m for m in ms if (m.start == sig_start if message else m.end == sig_end) and m.entity_id
                        and view.type_of(m) in _VOICES and not self.is_outlet(view, m.entity_id)), None)
        if speaker is None:
            return None
        eid = str(speaker.entity_id)
        return Finding([Speaker(eid, roles.get(eid), False, eid)], "quote-reported",
                       [(quotes[0][0], quotes[-1][1])], None, speaker.start)

    @staticmethod
    def _is_torn(index: TokenIndex, i: int, j: int) -> bool:
        """Return True when the parser cut the sentence other than we did.

        Words hang from words outside it (a parse across a line break), or one of its parsed
        sentences stops without closing punctuation ("Kadhimi | and Halbusi both welcomed ...").
        """
        words = [k for k in range(i, j) if not index.bare[k]]
        if any(not i <= index.heads[k] < j for k in words):
            return True
        roots = [k for k in words if index.heads[k] == k]
        if len(roots) < 2:
            return False
        ends: dict[int, int] = {}  # each parsed sentence's last token, through its root
        for k in range(i, j):
            root = k
            while index.heads[root] != root:
                root = index.heads[root]
            ends[root] = k
        return any(not index.bare[ends[r]] and ends[r] + 1 < j for r in roots[:-1])

    @staticmethod
    def _is_reported(cue: _Cue, taken: list[tuple[int, int, str]], quoted: list[tuple[int, int]], span: Any
                     ) -> bool:
        """Return True when a cue lies in words another cue reports or claims (no statement of its own).

        A relative clause keeps its own statement ("..., a claim the ministry denied"); so does a
        participle after the quotation a verb of saying reports ("He added, "...," stressing
        that ..."). What follows a claim in its sentence is part of that claim.
        """
        for a, b, kind in taken:
            if not a <= cue.tok.i < b or QuoteClauses._own_relative(cue.tok):
                continue
            if kind == "say" and QuoteClauses._speakers_own_verb(cue.tok):
                continue  # "X stressed that A is B and called on C": X's second statement
            if QuoteClauses._contrasted(cue.tok):
                continue  # "X says A, while Y says B": Y's statement, set against X's
            if cue.kind.startswith("participle") and QuoteClauses._with_object(cue.tok) and any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in cue.tok.children):
                continue  # "X said A, with a senior aide warning that B": the aide's own statement
            if kind == "claim" or not cue.kind.startswith("participle"):
                return True
            return not QuoteClauses._after_quote(cue.tok.doc, a, cue.tok, quoted)
        return False

    @staticmethod
    def _rooted_subject(tok: Token) -> Token | None:
        """Return the noun the parser made the root of a sentence whose verb ``tok`` it hung as a
        clause on a word inside that noun's phrase ("A lawmaker from the bloc called on ...": the
        root "lawmaker", the verb on "bloc"), else None.

        The root comes before the verb, has no subject, auxiliary or other clause of its own (a
        noun, not a verb), and the way up from the verb runs through the phrase's prepositions.
        """
        if tok.dep_ != "acl" or tok.head.i > tok.i or tok.head.i == tok.head.head.i:
            return None  # a verb hung on the root itself: the rule for a root noun reads it
        t = tok.head
        for _ in range(6):
            if t.dep_ not in ("pobj", "prep", "compound", "amod", "poss"):
                break
            t = t.head
        if t.dep_ != "ROOT" or t.i > tok.i or any(
                c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "ccomp", "xcomp", "cop") for c in t.children):
            return None
        return t

    @staticmethod
    def _contrasted(tok: Token) -> bool:
        """Return True for a verb set against another's words with "while"/"whereas" and its own
        subject ("X says A, while the US military says B"): a statement of its own."""
        if tok.dep_ != "advcl" or tok.lower_ not in _CONTRAST_VERBS or not any(
                c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in tok.children):
            return False
        # its own subject and no auxiliary: "while others had rejected ..." is part of the words reported
        return any(c.dep_ == "nsubj" for c in tok.children) and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)

    @staticmethod
    def _speakers_own_verb(tok: Token) -> bool:
        """Return True for a verb the parser joined to the reported clause that belongs to the
        speaker (see :meth:`_own_verb_of`)."""
        return QuoteClauses._own_verb_of(tok) is not None

    @staticmethod
    def _own_verb_of(tok: Token) -> Token | None:
        """Return the verb of saying whose speaker a verb the parser joined to the reported clause
        belongs to: "X stressed that security is the state's job and called on ...", "X said the
        factions would stay and warned ...", "X stressed that it is the duty of the forces that
        answer to the state and called on ..." (joined to a relative clause inside the words).

        The verb has no subject or auxiliary of its own and is in the past, as the verb of saying
        is, while the clause it was joined to is in the present or has a modal ("would stay and
        warned" cannot share "would"); a relative clause it was joined to is not in the past
        either. The pipeline keeps no tagger: the forms are read off the words.
        """
        if tok.dep_ != "conj" or not _is_past(tok) or any(
                c.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "auxpass") for c in tok.children):
            return None
        joined = tok.head
        if joined.i > tok.i or not any(c.dep_ == "cc" and joined.i < c.i < tok.i for c in joined.children):
            return None
        clause = joined
        if joined.dep_ in ("relcl", "acl"):  # "... the forces that answer to it and called on ..."
            if _is_past(joined) or any(c.dep_ in ("aux", "auxpass") for c in joined.children):
                return None
            for _ in range(6):
                if clause.dep_ == "ccomp" or clause.head.i == clause.i:
                    break
                clause = clause.head
        verb = clause.head
        if clause.dep_ != "ccomp" or verb.i == clause.i or not _is_past(verb) or clause.i > tok.i:
            return None
        if not any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in clause.children):
            return None
        if not (_is_present(clause) or any(c.dep_ == "aux" and c.lower_ in _MODALS for c in clause.children)):
            return None
        return verb

    @staticmethod
    def _after_quote(doc: Any, first: int, tok: Token, quoted: list[tuple[int, int]]) -> bool:
        """Return True when a quotation closes between token ``first`` and ``tok``."""
        c_start = doc[first].idx
        return any(c_start < qe <= tok.idx for _, qe in quoted)

    @staticmethod
    def _own_relative(tok: Token) -> bool:
        """Return True for a relative clause with a statement of its own: ", which denied it",
        "a claim the ministry denied" (not "militias that threaten the state": a description)."""
        if tok.dep_ != "relcl" or QuoteClauses._told_that(QuoteClauses._addressee_verb(tok), tok):
            return False  # "told a briefing that the US held Iran responsible": what was told
        subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.lower_ not in ("which", "who", "that"):
            return True
        first = tok.left_edge
        return first.i > 0 and tok.doc[first.i - 1].text in (",", "—", "(")

    # -- cues -----------------------------------------------------------------------------
    def _find_cues(self, index: TokenIndex, i: int, j: int, quoted: list[tuple[int, int]]) -> list[_Cue]:
        """Return the cues of the tokens ``[i, j)`` outside quotation marks, in text order."""
        out: list[_Cue] = []
        lowers = index.lowers
        for k in range(i, j):
            phrases = self.cue_phrases.get(lowers[k])
            if not phrases or any(a <= index.starts[k] < b for a, b in quoted):
                continue
            gap = _time_gap(lowers, k + 1, j)  # "called on Friday for calm": the day parts the cue
            for words, kind in phrases:
                skip = next((g for g in (0, gap) if (g == 0 or len(words) > 1) and
                             tuple(lowers[k + 1 + g:min(j, k + len(words) + g)]) == words[1:]), None)
                if skip is not None:
                    if (kind == "say" and self._unsaid(index.doc[k])) or (
                            kind == "claim" and self._is_prospective(index.doc[k])):
                        break
                    out.append(_Cue(index.doc[k], kind, k + len(words) + skip))
                    break
        return out

    @staticmethod
    def _unsaid(tok: Token) -> bool:
        """Return True for a verb of saying that says nothing: "did not say whether", "declined
        to say who", "would not say how many" (its words are what was not said), "is expected to
        say that ..." (words not yet said)."""
        head = tok.head
        if QuoteClauses._is_prospective(tok):
            return True
        refused = any(c.dep_ == "neg" for c in tok.children) or (
            tok.dep_ == "xcomp" and head is not tok and head.lower_ in _REFUSALS)
        # only an open question follows: "whether ...", "who ...", "how many ..."
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        return refused and nxt is not None and nxt.lower_ in _OPEN_QUESTIONS

    @staticmethod
    def _is_prospective(tok: Token) -> bool:
        """Return True for an infinitive of saying or claiming still to come ("is expected to say
        that ...", "plans to announce ...")."""
        head = tok.head
        return tok.dep_ in ("xcomp", "advcl", "acl") and head is not tok and head.lower_ in _PROSPECTIVE and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)

    @staticmethod
    def _quoted_ranges(text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Return the character ranges inside quotation marks (an unclosed one runs to the end)."""
        out = [(m.start(), m.end()) for m in _QUOTE.finditer(text, start, end)]
        tail = out[-1][1] if out else start
        opener = re.search(r"[\"\u201c]", text[tail:end])
        if opener is not None:
            out.append((tail + opener.start(), end))
        return out

    # -- one cue --------------------------------------------------------------------------
    def _finding(self, view: DocView, syn: Syntax, cue: _Cue, span: Any, start: int, end: int,
                 last: Speaker | None, seen: list[Speaker], roles: dict[str, str],
                 done: dict[int, _Cue], cue_at: dict[int, _Cue], quoted: list[tuple[int, int]]) -> Finding | None:
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

    def _misread_claim(self, view: DocView, syn: Syntax, cue: _Cue) -> bool:
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

    def _as_put_it(self, view: DocView, syn: Syntax, cue: _Cue, span: Any, start: int, end: int,
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

    def _is_passive(self, view: DocView, tok: Token) -> bool:
        """Return True for "was reported", "were accused" (by the parse or the word before)."""
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
            return True
        return tok.i > 0 and tok.doc[tok.i - 1].lower_ in _PASSIVE_BE and tok.dep_ != "ROOT" and \
            not any(c.dep_ == "nsubj" for c in tok.children)

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

    def _is_claim(self, tok: Token, passive: bool = False, phrase: bool = False) -> bool:
        """Return False for "claimed two bombings", "held talks", "described the scene": no claim.

        A verb listed in ``claim_complements`` claims only with one of its words after it
        ("claimed responsibility", "held X responsible", "described X as Y") or a clause; in
        the passive the claimed act is its subject ("an attack claimed by X").
        """
        after = tok.doc[tok.i + 1].lower_ if tok.i + 1 < len(tok.doc) else ""
        if after in self.claim_not_before.get(tok.lower_, ()):
            return False  # "X hails from Diyala"
        if tok.lower_ in _GREETINGS and any(
                c.dep_ == "dobj" and (c.text[:1].isupper() or c.lower_ in self.role_head_words or c.lower_ in _VISITORS)
                for c in tok.children):
            return False  # "X welcomed the US delegation": a meeting, not a claim
        wanted = None if phrase else self.claim_complements.get(tok.lower_)  # "called for": a cue of its own
        if wanted is not None and not wanted and any(c.lower_ == "what" for c in tok.children):
            return False  # "in what the military called a failed attempt": the report's wording of it
        if wanted is None or (passive and "responsibility" in wanted):
            return True
        if any(c.dep_ in ("ccomp", "xcomp", "oprd") or c.lower_ in wanted or
               any(g.lower_ in wanted and g.dep_ in ("acomp", "oprd", "amod", "prep") for g in c.children)
               for c in tok.children):
            return True
        # "framed the push to limit arms to the state as a step ...": the parser hung "as" lower in the object
        return "as" in wanted and any(t.lower_ == "as" and t.dep_ == "prep" and t.i > c.i
                                      and any(o.dep_ == "pobj" for o in t.children)
                                      for c in tok.children if c.dep_ == "dobj" for t in c.subtree)

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

    @staticmethod
    def _told_that(verb: Token, t: Token) -> bool:
        """Return True for a "that" clause the parser hung on the addressee of "told" as a relative
        clause ("told a briefing that the strikes would continue"): it opens right after the
        addressee with "that" and has a subject of its own, so "that" relates nothing."""
        return verb.lower_ in ("told", "tell", "tells", "telling") and t.dep_ == "relcl" \
            and QuoteClauses._addressee_verb(t).i == verb.i and t.left_edge.lower_ == "that" \
            and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "that" for c in t.children)

    @staticmethod
    def _addressee_verb(t: Token) -> Token:
        """Return the verb a relative clause's noun hangs on as its object or through prepositions
        ("told worshippers at Friday prayers that ...": "told"); the noun itself when it is neither."""
        head = t.head
        if head.dep_ in ("dobj", "dative"):
            return head.head
        while head.dep_ == "pobj" and head.head.dep_ == "prep":
            head = head.head.head
            if head.dep_ in ("dobj", "dative") and head.head.i != head.i:
                return head.head
        return head

    @staticmethod
    def _progressive(tok: Token) -> bool:
        """Return True for a participle that is its clause's verb in a progressive tense ("X is
        demanding ...", "X has been insisting that ..."): a form of "be" before it and a subject."""
        return tok.dep_ in ("ROOT", "ccomp", "conj") and \
            any(c.dep_ == "aux" and c.lower_ in _BE_FORMS and c.i < tok.i for c in tok.children) and \
            any(c.dep_ == "nsubj" for c in tok.children)

    @staticmethod
    def _has_subject(verb: Token) -> bool:
        """Return True for a clause with a subject of its own ("the resistance had won")."""
        return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children)

    @staticmethod
    def _nominal_subjects(syn: Syntax, verb: Token) -> list[Token]:
        """Return the noun-phrase subjects of a verb: not "there", not a clause ("Addressing the crowd,
        X ..."), not a dateline the parser took for one ("ERBIL, Kurdistan Region - X dismissed ...")."""
        sent = verb.sent
        cut = dateline_end_in_line(syn.text(), sent.start_char, sent.end_char) or -1
        out: list[Token] = []
        for s in syn.subjects(verb):
            if s.dep_ in ("expl", "csubj", "csubjpass"):
                continue
            if s.idx < cut:
                # "BAGHDAD, Jan 30 (Reuters) - Kataib Hezbollah, one of ..., said": the parser hung the
                # subject on a word of the dateline as an apposition; the dateline itself says nothing
                out.extend(c for c in s.children if c.dep_ == "appos" and c.idx >= cut)
                continue
            if s.is_upper and len(s.text) > 2 and s.i + 1 < len(s.doc) and s.doc[s.i + 1].text in ",-\u2014:":
                continue
            out.append(s)
        if not out:
            out = QuoteClauses._subject_set_off(verb)
        if len(out) > 1 and all(s.i < verb.i and s.dep_ in ("nsubj", "conj") for s in out) and not any(
                c.dep_ in ("cc", "preconj") for s in out for c in s.children):
            # two bare subjects before one verb is a misparse of a phrase set off by commas ("In a
            # post on X, formerly Twitter, Khazali said"): the subject is the one next to the verb
            out = [max(out, key=lambda s: s.i)]
        return out

    @staticmethod
    def _subject_set_off(verb: Token) -> list[Token]:
        """Return the noun phrase right before a main verb the parse gave no subject, when the
        parser hung it on an opening phrase as an apposition after a comma ("In a statement on its
        Telegram channel, the group's security official X mocked ... and said ...": the official)."""
        main = verb
        while main.dep_ == "conj" and main.head.i < main.i:
            main = main.head
        sent = main.sent
        if main.dep_ != "ROOT" or main.i <= sent.start:
            return []
        t, top = main.doc[main.i - 1], None
        while t.head.i != t.i and t.i < main.i:
            if t.dep_ == "appos" and t.left_edge.i > sent.start and main.doc[t.left_edge.i - 1].text == ",":
                top = t
            t = t.head
        return [top] if top is not None and top.right_edge.i == main.i - 1 else []

    @classmethod
    def _purpose_subjects(cls, syn: Syntax, tok: Token) -> list[Token]:
        """Return the subjects of the verb an infinitive of saying completes as an adverbial clause
        ("X went on to say that ...", "X took to Telegram to warn that ..."): X says it."""
        if tok.dep_ != "advcl" or tok.head.i == tok.i or not any(
                c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            return []
        return [s for s in cls._nominal_subjects(syn, tok.head) if s.i < tok.i]

    @staticmethod
    def _through_attribution(verb: Token, t: Token) -> bool:
        """Return True when ``t`` hangs from ``verb`` through its addressee and modifiers only
        (a participle among them: "said in a statement published on the group's website that")."""
        for _ in range(8):
            if t.i == verb.i:
                return True
            if t.dep_ not in ("prep", "pobj", "dobj", "dative", "npadvmod", "advmod", "compound", "acl"):
                return False
            t = t.head
        return False

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

    def _speakers(self, view: DocView, syn: Syntax, tokens: list[Token], pos: int, last: Speaker | None,
                  seen: list[Speaker], roles: dict[str, str], kinds: frozenset[EntityType] = _VOICES
                  ) -> list[Speaker]:
        out: list[Speaker] = []
        for t in tokens:
            found = self.speakers_of(view, syn, t, pos, last, seen, roles, kinds=kinds)
            if not found:  # "The president, prime minister, Sadrist leader X and Y condemned"
                for other in self._coordinated(t):
                    found.extend(sp for sp in self.speakers_of(view, syn, other, pos, last, seen, roles, kinds=kinds)
                                 if sp.entity_id is not None)
            for sp in found:
                if all(sp.key != o.key for o in out):
                    if sp.anonymous and out and out[-1].anonymous:
                        continue  # "a security source and a government source": one role for both
                    out.append(sp)
        if any(sp.entity_id is not None for sp in out):
            out = [sp for sp in out if not sp.key.startswith("desc-")]  # "the militia X": X
        if any(not sp.anonymous for sp in out):
            out = [sp for sp in out if not sp.anonymous]  # "Kataib Hezbollah and other militias": the name
        return out

    @staticmethod
    def _coordinated(tok: Token) -> list[Token]:
        """Return the heads listed with ``tok`` through appositions and coordination, in text order."""
        out: list[Token] = []
        stack = [c for c in tok.children if c.dep_ in ("appos", "conj")]
        while stack and len(out) < 12:
            t = stack.pop(0)
            out.append(t)
            stack.extend(c for c in t.children if c.dep_ in ("appos", "conj"))
        return sorted(out, key=lambda t: t.i)

    # -- verbs of saying --------------------------------------------------------------------
    def _saying(self, view: DocView, syn: Syntax, cue: _Cue, content: tuple[int, int] | None, span: Any,
                start: int, end: int, last: Speaker | None, seen: list[Speaker], roles: dict[str, str],
                cue_at: dict[int, _Cue], quoted: list[tuple[int, int]],
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
                                                  roles, _VOICES)
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
            if child.dep_ in _CLAUSE_LINKS or child.dep_ in ("punct", "cc") or not (span.start <= child.i < span.end):
                continue
            lo, hi = min(lo, child.left_edge.i), max(hi, child.right_edge.i + 1)
        if content is not None:
            if content[0] > tok.i:
                hi = min(hi, content[0])
            else:
                lo = max(lo, content[1])
        lo, hi = max(lo, span.start), min(hi, span.end)
        return doc[lo].idx, self._end_char(doc, hi - 1)

    def _cited(self, view: DocView, syn: Syntax, cue: _Cue, span: Any, last: Speaker | None, seen: list[Speaker],
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

    @staticmethod
    def _is_person(view: DocView, sp: Speaker) -> bool:
        """Return True for a speaker that is a person entity."""
        ent = view.entity(sp.entity_id)
        return ent is not None and ent.type is EntityType.PERSON

    @staticmethod
    def _skip_that(text: str, s: int, e: int) -> tuple[int, int]:
        """Return ``[s, e)`` without a leading comma and "that"."""
        lead = re.match(r"[\s,]*(?:that\s+)?", text[s:e])
        return (s + lead.end() if lead else s), e

    @staticmethod
    def _end_char(doc: Any, i: int) -> int:
        return int(doc[i].idx + len(doc[i]))

    @staticmethod
    def _skip_mark(text: str, s: int, e: int) -> int:
        """Return where the reported words start after a leading "that"."""
        relay = _RELAY_ASIDE.match(text, s, e)  # "in a statement, a copy of which was obtained by X, that ..."
        if relay is not None:
            s = relay.end()
        mark = re.match(r"that\s+", text[s:e])
        return s + mark.end() if mark else s

    def _prefer_quotes(self, text: str, start: int, end: int, c_start: int, c_end: int) -> tuple[int, int]:
        """Return the quotation inside the reported words when it holds most of them, else the words."""
        quotes = [(s, e) for s, e in self.long_quotes(text, start, end) if s < c_end and c_start < e]
        if quotes and (quotes[-1][1] - quotes[0][0]) * 2 >= c_end - c_start:
            return quotes[0][0], quotes[-1][1]
        return c_start, c_end

    def _aside_content(self, view: DocView, cue: _Cue, start: int, end: int, a_start: int, a_end: int,
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
        if _QUESTION_PUT.match(text, s):
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

    @staticmethod
    def _is_parenthetical(tok: Token, text: str, start: int) -> bool:
        """Return True for a verb of saying set after the words it reports ("A, witnesses said, B")."""
        first = next((t for t in tok.subtree if not t.is_punct), tok)
        before = text[start:first.idx]
        set_off = bool(re.search(r"[,\"\u201d\u2014]\s*$", before))
        if tok.dep_ in ("parataxis", "advcl", "conj", "ccomp") and tok.head.i < tok.i:
            if tok.dep_ == "conj" and first.i > 0 and first.doc[first.i - 1].dep_ == "cc":
                return False  # "X appeared on television and urged calm": a second verb of X's, not an aside
            subjectless = not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
            return set_off or subjectless  # "A, X told Reuters" misread: X was hung elsewhere
        if tok.dep_ == "parataxis" and set_off:
            return True  # "The bridge, X said, would stay closed"
        return tok.dep_ == "ROOT" and len(before.split()) >= 3 and set_off

    @staticmethod
    def _skip_tokens(cue: _Cue, subjects: list[Token]) -> set[int]:
        skip: set[int] = set()
        if cue.content is not None:
            skip.update(range(*cue.content))
        verb = cue.tok
        for s in subjects:  # (a subject the parse hung the verb on keeps the verb's own words searchable)
            own = {t.i for t in verb.subtree} if any(a.i == s.i for a in verb.ancestors) else set()
            skip.update(t.i for t in s.subtree if t.i not in own)
        return skip

    @staticmethod
    def _ms(view: DocView, start: int, end: int) -> list[Mention]:
        return view.in_sentence(start, end)

    # -- claims, "according to", participles -------------------------------------------------
    def _claim_finding(self, view: DocView, syn: Syntax, cue: _Cue, span: Any, start: int, end: int,
                       done: dict[int, _Cue], cue_at: dict[int, _Cue]) -> Finding:
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

    def _according(self, view: DocView, syn: Syntax, cue: _Cue, start: int, end: int, last: Speaker | None,
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
            people = [m for m in syn.mentions_in(objs[0]) if m.entity_id and view.type_of(m) in _VOICES
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

    def _carrier(self, view: DocView, syn: Syntax, statement: Token) -> str | None:
        """Return the outlet that carried a statement ("a statement carried (published) by INA")."""
        if statement.lower_ not in self.statement_nouns:
            return None
        return next((str(m.entity_id) for t in statement.children if t.dep_ == "acl" and t.lower_ in _CARRIERS
                     for a in syn.agents(t) for m in syn.phrase_mentions(a)
                     if m.entity_id and view.type_of(m) is EntityType.MEDIA_OUTLET), None)

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

    def _participle(self, view: DocView, syn: Syntax, cue: _Cue, span: Any, start: int, end: int,
                    last: Speaker | None, seen: list[Speaker], roles: dict[str, str], done: dict[int, _Cue]
                    ) -> Finding | None:
        """Return "..., adding that B" / "..., vowing to ..." as a statement of the governing speaker."""
        tok = cue.tok
        if tok.dep_ == "pcomp" and tok.head.head.lower_ in _REPUTATION:
            return None  # "X is known for threatening US forces": what X is known for, no statement
        own = [s for s in self._nominal_subjects(syn, tok) if s.head.i == tok.i
               and not (tok.dep_ == "pcomp" and s.lower_ in _CHANNEL_HEADS)]  # "posted on his page urging ..."
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
                       last: Speaker | None, seen: list[Speaker], roles: dict[str, str], done: dict[int, _Cue]
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

    @staticmethod
    def _with_absolute(tok: Token) -> bool:
        """Return True for a participle on the object of "with" set off by a comma: its own speaker
        ("..., with one official saying ...", "..., with a senior aide warning that ...")."""
        head = tok.head
        return bool(tok.dep_ == "acl" and head.dep_ == "pobj" and head.head.lower_ == "with" and
                    head.head.i > 0 and tok.doc[head.head.i - 1].text == ",")

    @staticmethod
    def _with_subject(tok: Token) -> Token | None:
        """Return the noun of ", with <noun> <participle>" when the parser hung the participle on the
        verb beside the "with" phrase ("condemned the strikes, with the prime minister's spokesman,
        Y, saying that ..."): the "with" phrase, set off by a comma, ends right before it."""
        if tok.dep_ not in ("advcl", "conj") or not tok.lower_.endswith("ing") or tok.head.i >= tok.i:
            return None
        doc = tok.doc
        for prep in tok.head.children:
            if prep.dep_ != "prep" or prep.lower_ != "with" or prep.i >= tok.i or prep.i == 0 or \
                    not doc[prep.i - 1].is_punct:
                continue
            objs = [o for o in prep.children if o.dep_ == "pobj"]
            if objs and all(doc[k].is_punct for k in range(prep.right_edge.i + 1, tok.i)):
                return objs[0]
        return None

    @staticmethod
    def _with_object(tok: Token) -> bool:
        """Return True for a participle the parser made the object of "with" after a comma, its
        speaker its subject ("..., with a senior aide warning that ...")."""
        head = tok.head
        return bool(tok.dep_ in ("pobj", "pcomp") and head.lower_ == "with" and head.i > 0
                    and tok.doc[head.i - 1].text == ",")

    def _governing_speakers(self, view: DocView, syn: Syntax, tok: Token, span: Any, start: int, end: int,
                            last: Speaker | None, seen: list[Speaker], roles: dict[str, str],
                            done: dict[int, _Cue]) -> list[Speaker]:
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
            speakers = self._speakers(view, syn, subjects, tok.idx, last, seen, roles, kinds=_VOICES)
        elif t.dep_ == "ROOT" and t.i >= span.start:
            speakers = self.subject_list(view, self._ms(view, start, end), start, t.idx, roles)
        else:
            speakers = []
        # a named speaker, or a body described as written ("Iraq's judiciary issued a warrant, saying ...")
        return [sp for sp in speakers if (sp.entity_id is not None and not self.is_outlet(view, sp.entity_id))
                or sp.key.startswith("desc-body:")]
