"""The parse facts every statement reader asks: subjects and speakers of a verb, its own verb, the marks
and tokens to skip, passives, claims, asides, the quoted ranges and the cues of a sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

import numpy

from factiongraph.extract.quotes.patterns import EDGE_TRIM, Finding, _QUOTE, Speaker
from factiongraph.extract.quotes.speakers import SyntaxSpeakers
from factiongraph.extract.quotes.speaker_descriptions import VOICES
from factiongraph.extract.view.dateline import dateline_end_in_line
from factiongraph.extract.view.docview import DocView
from factiongraph.extract.view.syntax import Syntax
from factiongraph.model import EntityType, Mention


Token = Any  # a spaCy Token


# An aside on how a statement reached the outlet, before the reported words ("said in a statement,
# a copy of which was obtained by X, that ..."): never part of the words.
_RELAY_ASIDE = re.compile(r"(?:a\s+copy\s+of\s+)?which\s+(?:was|were|has\s+been|had\s+been)\s+\w+\s+by\s+"
                          r"[^,;\"\u201c]{1,60},\s*", re.IGNORECASE)


CLAUSE_LINKS = frozenset({"ccomp", "parataxis", "advcl", "conj", "relcl", "xcomp", "acl", "pcomp"})


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
IN_VIEW = re.compile(r"\s*In\s+(?:(?P<pronoun>his|her|their)|(?P<owner>[^,\n]{2,60}?)(?:'s|\u2019s))\s+"
                      r"(?:view|opinion|assessment|estimation|words)\s*,\s*"
                      r"|\s*In\s+the\s+(?:view|opinion|assessment|words)\s+of\s+(?P<holder>[^,\n]{2,80}?)\s*,\s*")


_CARRIERS = frozenset({"carried", "published", "broadcast", "aired", "posted", "run", "circulated", "received"})


REPUTATION = frozenset({"known", "notorious", "famous", "renowned", "infamous", "remembered", "noted"})


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
class Cue:
    """One cue found in a sentence and what is known about it so far."""

    tok: Token
    kind: str  # say | claim | according | participle-say | participle-other
    end: int  # token index after the cue phrase
    speakers: list[Speaker] = field(default_factory=list)
    content: tuple[int, int] | None = None  # token range of the reported words
    via: str | None = None  # the outlet its statement reached the reader through, once read


# '"..." - that was the message from X': the signature names the speaker after these words.
MESSAGE_FROM = re.compile(r"(?:that|this|such)\s+(?:was|is)\s+the\s+(?:\w+\s+)?(?:message|verdict|warning|"
                           r"view|response|reply|word)\s+(?:from|of)\s+(?:the\s+)?", re.IGNORECASE)


# A question put to the speaker, opening the sentence ("Asked whether ...", "When questioned about ...").
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})


_DAY_WORDS = _WEEKDAYS | {"yesterday", "today", "tonight"}


_DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night"})


def time_gap(lowers: list[str], k: int, j: int) -> int:
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


QUESTION_PUT = re.compile(r"(?:when\s+|if\s+)?(?:asked|questioned|pressed)\b", re.IGNORECASE)


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


class ClauseWords(SyntaxSpeakers):
    """Small readings of the parse shared by the statement readers of :class:`QuoteClauses`."""

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
    def _end_char(doc: Any, i: int) -> int:
        return int(doc[i].idx + len(doc[i]))

    @staticmethod
    def _ms(view: DocView, start: int, end: int) -> list[Mention]:
        return view.in_sentence(start, end)

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
    def _skip_tokens(cue: Cue, subjects: list[Token]) -> set[int]:
        skip: set[int] = set()
        if cue.content is not None:
            skip.update(range(*cue.content))
        verb = cue.tok
        for s in subjects:  # (a subject the parse hung the verb on keeps the verb's own words searchable)
            own = {t.i for t in verb.subtree} if any(a.i == s.i for a in verb.ancestors) else set()
            skip.update(t.i for t in s.subtree if t.i not in own)
        return skip

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
            out = ClauseWords._subject_set_off(verb)
        if len(out) > 1 and all(s.i < verb.i and s.dep_ in ("nsubj", "conj") for s in out) and not any(
                c.dep_ in ("cc", "preconj") for s in out for c in s.children):
            # two bare subjects before one verb is a misparse of a phrase set off by commas ("In a
            # post on X, formerly Twitter, Khazali said"): the subject is the one next to the verb
            out = [max(out, key=lambda s: s.i)]
        return out

    def _speakers(self, view: DocView, syn: Syntax, tokens: list[Token], pos: int, last: Speaker | None,
                  seen: list[Speaker], roles: dict[str, str], kinds: frozenset[EntityType] = VOICES
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

    def _is_passive(self, view: DocView, tok: Token) -> bool:
        """Return True for "was reported", "were accused" (by the parse or the word before)."""
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
            return True
        return tok.i > 0 and tok.doc[tok.i - 1].lower_ in _PASSIVE_BE and tok.dep_ != "ROOT" and \
            not any(c.dep_ == "nsubj" for c in tok.children)

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

    @staticmethod
    def _has_subject(verb: Token) -> bool:
        """Return True for a clause with a subject of its own ("the resistance had won")."""
        return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children)

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
    def _progressive(tok: Token) -> bool:
        """Return True for a participle that is its clause's verb in a progressive tense ("X is
        demanding ...", "X has been insisting that ..."): a form of "be" before it and a subject."""
        return tok.dep_ in ("ROOT", "ccomp", "conj") and \
            any(c.dep_ == "aux" and c.lower_ in _BE_FORMS and c.i < tok.i for c in tok.children) and \
            any(c.dep_ == "nsubj" for c in tok.children)

    @staticmethod
    def _told_that(verb: Token, t: Token) -> bool:
        """Return True for a "that" clause the parser hung on the addressee of "told" as a relative
        clause ("told a briefing that the strikes would continue"): it opens right after the
        addressee with "that" and has a subject of its own, so "that" relates nothing."""
        return verb.lower_ in ("told", "tell", "tells", "telling") and t.dep_ == "relcl" \
            and ClauseWords._addressee_verb(t).i == verb.i and t.left_edge.lower_ == "that" \
            and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "that" for c in t.children)

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
        return ClauseWords._own_verb_of(tok) is not None

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
        if tok.dep_ != "relcl" or ClauseWords._told_that(ClauseWords._addressee_verb(tok), tok):
            return False  # "told a briefing that the US held Iran responsible": what was told
        subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.lower_ not in ("which", "who", "that"):
            return True
        first = tok.left_edge
        return first.i > 0 and tok.doc[first.i - 1].text in (",", "—", "(")

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
    def _is_reported(cue: Cue, taken: list[tuple[int, int, str]], quoted: list[tuple[int, int]], span: Any
                     ) -> bool:
        """Return True when a cue lies in words another cue reports or claims (no statement of its own).

        A relative clause keeps its own statement ("..., a claim the ministry denied"); so does a
        participle after the quotation a verb of saying reports ("He added, "...," stressing
        that ..."). What follows a claim in its sentence is part of that claim.
        """
        for a, b, kind in taken:
            if not a <= cue.tok.i < b or ClauseWords._own_relative(cue.tok):
                continue
            if kind == "say" and ClauseWords._speakers_own_verb(cue.tok):
                continue  # "X stressed that A is B and called on C": X's second statement
            if ClauseWords._contrasted(cue.tok):
                continue  # "X says A, while Y says B": Y's statement, set against X's
            if cue.kind.startswith("participle") and ClauseWords._with_object(cue.tok) and any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in cue.tok.children):
                continue  # "X said A, with a senior aide warning that B": the aide's own statement
            if kind == "claim" or not cue.kind.startswith("participle"):
                return True
            return not ClauseWords._after_quote(cue.tok.doc, a, cue.tok, quoted)
        return False

    @staticmethod
    def _unsaid(tok: Token) -> bool:
        """Return True for a verb of saying that says nothing: "did not say whether", "declined
        to say who", "would not say how many" (its words are what was not said), "is expected to
        say that ..." (words not yet said)."""
        head = tok.head
        if ClauseWords._is_prospective(tok):
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

    @staticmethod
    def _sources_a_claim(f: Finding, done: dict[int, Cue], span: Any) -> bool:
        """Return True for an unnamed source set after a named speaker's claim ("X vowed to retaliate,
        a senior official in the group said"): the source of the report of X's claim, one statement."""
        if f.rule != "quote-reported" or any(sp.entity_id is not None for sp in f.speakers):
            return False
        verb = next((c for c in done.values() if c.tok.idx == f.verb and c.kind == "say"), None)
        if verb is None or not any(c.dep_ == "ccomp" and c.i < verb.tok.i for c in verb.tok.children):
            return False
        return any(c.dep_ == "ccomp" and c.i < verb.tok.i and c.i in done and done[c.i].kind == "claim"
                   and any(sp.entity_id is not None for sp in done[c.i].speakers) for c in verb.tok.children)

    def _names_outlet(self, view: DocView, syn: Syntax, tok: Token) -> bool:
        """Return True when the phrase of ``tok`` names a media outlet ("the IRNA news agency") or
        describes one without a name ("the official news agency", "state media")."""
        found = syn.phrase_mentions(tok)
        if any(m.entity_id and view.type_of(m) is EntityType.MEDIA_OUTLET for m in found):
            return True
        return tok.lower_ in self.outlet_nouns and all(
            view.type_of(m) in (EntityType.PLACE, EntityType.COUNTRY) for m in found)

    def _carrier(self, view: DocView, syn: Syntax, statement: Token) -> str | None:
        """Return the outlet that carried a statement ("a statement carried (published) by INA")."""
        if statement.lower_ not in self.statement_nouns:
            return None
        return next((str(m.entity_id) for t in statement.children if t.dep_ == "acl" and t.lower_ in _CARRIERS
                     for a in syn.agents(t) for m in syn.phrase_mentions(a)
                     if m.entity_id and view.type_of(m) is EntityType.MEDIA_OUTLET), None)

    def _cites_statement(self, cue: Cue) -> bool:
        """Return True for "according to X" (a source, which relays the words of a speaker the clause
        names: '"...," Y said, according to a statement from X', "According to X, Y told Z that ..."),
        and for a statement that says (a statement noun its verb's subject: "Blinken reaffirmed ...,
        the statement added", "he affirmed that ..., said a statement from his office")."""
        return cue.kind == "according" or (cue.kind == "say" and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in self.statement_nouns for c in cue.tok.children))
