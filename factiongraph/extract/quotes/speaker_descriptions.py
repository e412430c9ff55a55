"""Speakers told by description rather than by name: an office and its owner, an unnamed source and its role
("a security source", "two officials"), someone described before, the subject a description stands
for, listed members, a surname alone.
"""

from __future__ import annotations

import re
from typing import Any

from factiongraph.extract.quotes.patterns import EDGE_TRIM, singular, Speaker, _SPEAKERS
from factiongraph.extract.quotes.spans import QuoteSpans
from factiongraph.extract.view.docview import DocView
from factiongraph.extract.view.syntax import Syntax
from factiongraph.model import EntityType, Mention


Token = Any  # a spaCy Token


VOICES = _SPEAKERS | {EntityType.MEDIA_OUTLET}


# Titles of whoever leads an organisation ("its leader", "the group's secretary-general").
LEADER_WORDS = frozenset({"leader", "head", "chief", "secretary-general", "commander", "chairman", "founder"})


STATE_NOUNS = frozenset({EntityType.STATE_BODY})


GROUP_NOUNS = frozenset({EntityType.ARMED_GROUP, EntityType.POLITICAL_ORG, EntityType.INTL_ORG})


PRONOUNS = frozenset({"he", "she", "they", "it"})


OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}


_RELATIVES = frozenset({"who", "which", "that"})


POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their", "our", "my", "your"})


DEFINITE = frozenset({"the", "this", "that", "these", "those"})


QUANTIFIERS = frozenset({"the", "a", "an", "two", "three", "four", "five", "several", "some", "many", "most",
                          "few", "a few", "both", "these", "those", "dozens", "hundreds", "one"})


# Links inside a noun phrase that the role text keeps ("officials in Basra", "a source and a ...").
_ROLE_LINKS = frozenset({"prep", "compound", "amod", "nummod", "poss", "det", "cc", "conj", "nmod",
                         "case", "quantmod", "advmod", "npadvmod", "punct", "pobj", "acl"})


# Links from a verb that may lead to the outlet that relayed the words ("told X", "in an interview
# with X", "on X's channel", "in a statement carried by X").
VIA_LINKS = frozenset({"prep", "pobj", "agent", "dative", "dobj", "acl", "poss", "compound", "appos",
                        "npadvmod"})


# Prepositions that never lead to the relaying outlet ("told reporters after meeting X's director").
NOT_VIA = frozenset({"after", "before", "during", "about", "against", "over", "regarding", "since", "until",
                      "amid", "despite", "following", "like", "than", "as", "without", "between", "among"})


# What one says on air or in print: "during" one of them may lead to the outlet ("during an appearance on X").
ON_AIR = frozenset({"interview", "appearance", "broadcast", "programme", "program", "show", "episode",
                     "segment", "podcast", "talk", "speech", "sermon", "address", "conversation"})


# Heads of a state body's name that may stand before "statement" ("a ministry statement").
STATE_BODY_NOUNS = frozenset({"ministry", "army", "military", "government"})


# Heads of a body's name no outlet has: an outlet's name before them is a word of the body's name
# ("Türkiye's National Defence Ministry"), never the outlet ("the IRNA news agency" is IRNA).
NO_OUTLET_HEADS = frozenset({"ministry", "army", "military", "government", "police", "command", "council",
                              "embassy", "directorate", "court", "parliament", "committee", "forces"})


# Participles that name a relay ("in a statement carried by X"); other clauses are not searched.
RELAY_PARTICIPLES = frozenset({"carried", "published", "broadcast", "aired", "posted", "quoted", "cited",
                                "reported", "obtained", "seen", "shared", "released", "issued", "run",
                                "received", "followed"})  # "a statement received by INA", "followed by X"


_TRIM = EDGE_TRIM + "(\u2022*"


# Participles by which a statement names who issued it ("a statement issued by X").
ISSUING = frozenset({"issued", "released", "published", "signed", "posted", "put"})


# Determiners that introduce someone new ("a guard at a nearby hotel said").
INDEFINITE = frozenset({"a", "an", "one", "another"})


# Verbs of saying that a thing may be the subject of ("a photo showed", "a search found").
_EVIDENCE_VERBS = frozenset({"showed", "shows", "found", "finds", "documented", "read", "reads", "estimated",
                             "estimates", "indicated", "suggested", "suggests", "predicted", "projected",
                             "forecast", "concluded", "revealed", "reveals", "confirmed", "confirms"})


# Heads of a phrase naming someone's own channel ("the group's Telegram channel", "his X account").
CHANNEL_HEADS = frozenset({"channel", "account", "page", "feed", "website", "site"})


# Titles that name any office's holder ("the Pentagon chief", "the group's leader").
# Lower-case particles of Arabic names written with a hyphen ("al-Sudani", "el-Sisi", "bin-Salman").
_NAME_PARTICLES = frozenset({"al", "el", "ul", "bin", "ibn", "abd", "abu"})


PARTICLE_NAME = re.compile(r"\b(?i:al|el|bin|ibn|abd|abu)-[A-Z]")


GENERIC_TITLES = frozenset({"chief", "head", "leader", "boss"})


_BE_FORMS = frozenset({"is", "are", "was", "were", "remains", "remained", "seemed", "appeared", "looked"})


# Prepositions that set a name beside the speakers, not as one of their titles ("fighters loyal to X",
# "sources close to X", "officials from X"; "leader of X" is a title).
NEAR_PREPS = frozenset({"to", "with", "near", "around", "behind", "against", "from", "by"})


class SpeakerDescriptions(QuoteSpans):
    """Reads speakers described rather than named."""

    def role_text(self, view: DocView, tok: Token) -> str:
        """Return the noun phrase of ``tok`` as written, without relative clauses or appositions.

        "An Iraqi security source, for his part," -> "An Iraqi security source"; "Sources in the
        Popular Mobilization" and "a security source and a government source" are kept whole.
        """
        doc = tok.doc
        left = tok.left_edge.i
        right = tok.i
        glued = False
        for child in tok.rights:
            if child.text == "-" and child.i == right + 1 and not doc[right].whitespace_ and not child.whitespace_:
                glued = True  # "secretary-general", split by the tokenizer and hung as an apposition
                continue
            if glued:
                glued, right = False, child.right_edge.i
                continue
            if child.dep_ not in _ROLE_LINKS or child.text in (",", "(", "\u2014", "--") or \
                    (child.dep_ == "acl" and (child.lower_ in self.say_words or any(
                        kind.startswith("participle") for _, kind in self.cue_phrases.get(child.lower_, ())))) or \
                    child.lower_ in ("including", "like", "such") or (child.lower_ == "as" and child.i > 0
                                                                       and doc[child.i - 1].lower_ == "such"):
                break
            right = child.right_edge.i
        s, e = doc[left].idx, doc[right].idx + len(doc[right])
        text = view.text
        while s < e and text[s] in _TRIM:
            s += 1
        while e > s and text[e - 1] in _TRIM + ".":
            e -= 1
        return re.sub(r"\s+", " ", text[s:e])

    @staticmethod
    def plain_text(text: str) -> str:
        """Return ``text`` without edge punctuation and with single spaces."""
        return re.sub(r"\s+", " ", text).strip(_TRIM + ". ")

    def _name_set_off(self, view: DocView, syn: Syntax, tok: Token) -> Speaker | None:
        """Return the person a title's phrase names in commas with a name no mention covers ("The
        head of the region's Department of Foreign Relations, Safeen Dizayee, said"): someone
        unnamed, keyed by the name (a later "Dizayee" is them), described by the title."""
        for ap in tok.subtree:
            if ap.dep_ != "appos" or ap.i <= tok.i or ap.doc[ap.left_edge.i - 1].text != ",":
                continue
            words = [t for t in ap.subtree if t.text != "-"]
            if len(words) < 2 or any(not (t.is_alpha and t.text[:1].isupper() or t.lower_ in _NAME_PARTICLES)
                                     for t in words) or syn.phrase_mentions(ap, appositions=False):
                continue
            after = ap.doc[ap.right_edge.i + 1] if ap.right_edge.i + 1 < len(ap.doc) else None
            if after is None or after.text != ",":
                continue
            name = " ".join(t.text for t in words)
            start = tok.left_edge.idx
            role = self.plain_text(view.text[start:ap.doc[ap.left_edge.i - 1].idx])
            return Speaker(None, role, False, f"desc-person:{name.lower()}#{ap.left_edge.idx}")
        return None

    @staticmethod
    def _unnamed_by_surname(low: str, seen: list[Speaker]) -> Speaker | None:
        """Return an earlier speaker no entity names whose name as written ends in ``low``."""
        return next((sp for sp in reversed(seen) if sp.entity_id is None and sp.key.startswith("desc-person:")
                     and sp.key.split(":", 1)[1].split("#")[0].split()[-1:] == [low]), None)

    @staticmethod
    def _token_end(t: Token) -> int:
        return int(t.idx + len(t.text))

    def _office_owner(self, view: DocView, tok: Token, pronoun: str, pos: int, last: Speaker | None,
                      seen: list[Speaker], roles: dict[str, str]) -> list[Speaker]:
        """Return the person "his office" / "her spokesman" speaks for: the person "he"/"she" is
        ("Sudani condemned the attack. In a statement, his office said ..."), unless that person is
        named in the same sentence before it ("X ordered an inquiry, his office said": the office
        reports X's act, no statement of X's)."""
        sp = self.resolve_pronoun(view, pronoun, pos, last, seen, roles)
        if sp is None or sp.entity_id is None:
            return []
        sent = tok.sent
        if any(m.entity_id == sp.entity_id and sent.start_char <= m.start < tok.idx for m in view.ctx.mentions):
            return []
        return [sp]

    @staticmethod
    def _affiliation(view: DocView, syn: Syntax, tok: Token) -> set[int]:
        """Return the tokens of an "of/at/from <organisation>" phrase after a name ("Renad Mansour of
        Chatham House"): where the person works, no part of the name."""
        out: set[int] = set()
        for prep in tok.rights:
            if prep.dep_ != "prep" or prep.lower_ not in ("of", "at", "from"):
                continue
            objs = [o for o in prep.children if o.dep_ == "pobj"]
            if objs and any(m.entity_id and view.type_of(m) not in (EntityType.PLACE, EntityType.COUNTRY,
                                                                    EntityType.PERSON)
                            for m in syn.phrase_mentions(objs[0])):
                out |= {t.i for t in prep.subtree}
        return out

    def _unknown_name(self, tok: Token, affiliation: set[int] | None = None) -> str | None:
        """Return the name the phrase of ``tok`` spells when it is a proper name of two capitalised
        words or more that no mention covers ("International Christian Concern"): capitalised words
        and "of", "for", "and", "the" between them, no number, nothing after the name."""
        aside = {t.i for c in tok.rights if c.dep_ == "appos" for t in c.subtree} | (affiliation or set())
        words = [t for t in tok.subtree if not (t.dep_ == "det" and t.i == tok.left_edge.i) and t.i not in aside]
        while aside and words and words[-1].is_punct:
            words.pop()
        if not words or words[-1].i != tok.i or any(t.like_num for t in words):
            return None
        inner = [t for t in words if not t.is_punct]
        if any(not t.text[:1].isupper() and t.lower_ not in ("of", "for", "and", "the", "on", "in") and not (
                t.lower_ in _NAME_PARTICLES and t.i + 1 < len(t.doc) and t.doc[t.i + 1].text == "-") for t in inner):
            return None
        if sum(1 for t in inner if t.text[:1].isupper() and not t.is_stop) < 2 or not tok.text[:1].isupper():
            return None  # "Many Iraqis": a capital that only opens the sentence
        if tok.text in self.lexicon.demonyms or singular(tok.text) in self.lexicon.demonyms:
            return None  # "Shiite Iraqis": people, not a body
        return str(tok.doc[words[0].i:tok.i + 1].text)

    def _unknown_person(self, view: DocView, syn: Syntax, tok: Token) -> Speaker | None:
        """Return a person the mention finder missed, described by the title set off after the name
        ("Belkis Wille, associate director at the group, said"): no entity, the title as the role.

        The subject is a capitalised name of two words or more that no mention covers, with an
        apposition whose head, or a word before it, is a title (``role_heads``).
        """
        if tok.dep_ == "appos":  # the name the parser hung on a dateline (below)
            if not tok.head.text.isupper() or tok.head.dep_ not in ("nsubj", "nsubjpass"):
                return None
        elif tok.dep_ not in ("nsubj", "nsubjpass"):
            return None
        elif tok.text.isupper():  # "BAGHDAD (Reuters) - X, a ...": a dateline the parser made the subject
            return next((sp for c in tok.rights if c.dep_ == "appos" for sp in [self._unknown_person(view, syn, c)]
                         if sp is not None), None)
        if syn.phrase_mentions(tok, appositions=False):
            return None
        first = min((t.i for t in tok.lefts if t.dep_ == "compound"), default=tok.i)
        words = [t for t in tok.doc[first:tok.i + 1] if t.text != "-"]
        if len(words) < 2 or any(t.dep_ != "compound" for t in words[:-1]) or any(
                t.like_num or not (t.text[:1].isupper() and not t.is_stop or t.lower_ in _NAME_PARTICLES
                                   and t.i + 1 < len(t.doc) and t.doc[t.i + 1].text == "-") for t in words):
            return None  # "Karim al-Sudani": capitalised words, "al-" and the like joined by hyphens
        appos = next((c for c in tok.rights if c.dep_ == "appos" and c.text[:1].islower()), None)
        if appos is None or not any(t.lower_ in self.role_head_words for t in appos.subtree if t.i <= appos.i):
            return None
        name = " ".join(t.text for t in words)
        return Speaker(None, self.role_text(view, appos), False, f"desc-person:{name.lower()}#{tok.idx}")

    def _office_holder(self, view: DocView, syn: Syntax, tok: Token) -> Speaker | None:
        """Return the person the knowledge base says held the office a definite title names in the
        year of publication ("Iraq's prime minister": of the country written before it, else of
        the document's main country), when the document names that person (and only one holder)."""
        if view.year is None:
            return None
        words = [c.lower_ for c in tok.lefts if c.dep_ in ("compound", "amod") and c.i == tok.i - 1] + [tok.lower_]
        norm, kind, ended = self.lexicon.normalize_role(" ".join(words))
        if kind != "office" or ended:
            return None
        owners = [str(m.entity_id) for c in tok.lefts if c.dep_ in ("poss", "amod", "compound")
                  for m in [syn.mention_at(c)] if m is not None and m.entity_id
                  and view.type_of(m) is EntityType.COUNTRY]
        country = owners[0] if owners else view.main_country
        if country is None:
            return None
        named = {m.entity_id for m in view.ctx.mentions if m.entity_id}
        holders = [r.id for r in self.kb.role_holders(norm, country, view.year) if r.id in named]
        if len(holders) != 1:
            return None
        return Speaker(holders[0], self.role_text(view, tok), False, holders[0])

    def _described(self, view: DocView, syn: Syntax, tok: Token, seen: list[Speaker],
                   kinds: frozenset[EntityType]) -> Speaker | None:
        """Return an unnamed speaker a description names: "the Kurdish interior minister", "the ministry".

        A person's title (``role_heads``) or an organisation's head noun (``body_nouns``), in the
        singular, made definite by an article, a possessive or a modifier, naming no speaker
        itself and listing no others; no entity of the document fitted it. The same description
        again ("the minister") is the same speaker.
        """
        low = tok.lower_
        person = low in self.role_head_words
        if not (person or low in self.body_nouns):
            return None
        if person and singular(low) != low:
            return None
        if not any(c.dep_ in ("det", "poss", "compound", "amod") for c in tok.children):
            return None  # "officials said": a bare plural is read as a source, elsewhere
        owners = (EntityType.COUNTRY, EntityType.PLACE)  # "Iraq's foreign minister", "Turkey's defence ministry"
        if any(c.dep_ in ("conj", "appos") for c in tok.children) or any(
                view.type_of(m) in kinds and view.type_of(m) not in owners and not (
                    low in NO_OUTLET_HEADS and view.type_of(m) is EntityType.MEDIA_OUTLET and m.end <= tok.idx)
                for m in syn.phrase_mentions(tok)):
            return None  # "the president, prime minister and X", "the militia X": the names speak
        if any(c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for c in tok.children):
            return None  # "his office said": someone's office, not a speaker of its own
        after = syn.mention_at(tok.doc[tok.i + 1]) if tok.i + 1 < len(tok.doc) else None
        if after is not None and view.type_of(after) in kinds:
            return None  # "militia Harakat al-Nujaba" parsed as two subjects
        if any(c.dep_ == "det" and c.lower_ in ("a", "an", "no", "any", "every", "each") for c in tok.children):
            return None  # "a minister said": not one the reader can place (sources are read elsewhere)
        if person:
            holder = self._office_holder(view, syn, tok)
            if holder is not None:  # "BAGHDAD (Reuters) - Iraq's prime minister vowed ...": the holder, named later
                return holder
        if person:
            named = self._name_set_off(view, syn, tok)
            if named is not None:  # "The head of X's Department of Foreign Relations, Safeen Dizayee, said"
                return named
        kind = "desc-person" if person else "desc-body"
        prior = next((sp for sp in reversed(seen) if sp.entity_id is None and sp.key.startswith(f"{kind}:{low}#")),
                     None)
        if prior is not None:
            return prior
        return Speaker(None, self.role_text(view, tok), False, f"{kind}:{low}#{tok.idx}")

    def _set_off_name(self, view: DocView, tok: Token, roles: dict[str, str]) -> Speaker | None:
        """Return the person named in commas right after an indefinite description ("a prominent
        tribal leader in Basra, Sheikh X, told ...": X, described so), wherever the parser hung
        the name; before the verb the phrase is the subject of."""
        verb = tok.head
        text = view.text
        phrase_start = tok.left_edge.idx
        for m in view.in_sentence(phrase_start, verb.idx if verb.i > tok.i else len(text)):
            if m.start <= tok.idx or not m.entity_id or view.type_of(m) is not EntityType.PERSON:
                continue
            if m.end > verb.idx > tok.idx:
                break
            gap = text[phrase_start:m.start]
            if gap.count(",") != 1 or not re.search(r",\s*(?:[A-Z][\w.'-]*\s+){0,3}$", gap) or \
                    not re.match(r"\s*,", text[m.end:]):
                return None
            eid = str(m.entity_id)
            return Speaker(eid, roles.get(eid) or self.role_text(view, tok).split(",")[0].strip(), False, eid)
        return None

    def _anonymous(self, view: DocView, tok: Token, seen: list[Speaker]) -> Speaker:
        """Return an unnamed source: an earlier one for "the source"/"the same sources", else a new one.

        Its key is its singular head and where it was introduced ("anon:source#120"): two
        sources introduced apart are two sources; "the source" refers back to the last one.
        """
        role = self.role_text(view, tok)
        head = f"anon:{singular(tok.lower_)}"
        det = next((c.lower_ for c in tok.children if c.dep_ == "det"), None)
        if det in DEFINITE or any(c.lower_ == "same" for c in tok.children):
            prior = next((s for s in reversed(seen) if s.anonymous and s.key.split("#")[0] == head), None)
            if prior is not None:
                return prior
        return Speaker(None, role, True, f"{head}#{tok.idx}")

    def _someone(self, view: DocView, syn: Syntax, tok: Token, seen: list[Speaker], roles: dict[str, str]
                 ) -> Speaker | None:
        """Return an unnamed speaker an indefinite common noun introduces as the subject of a verb
        of saying ("said a guard at a nearby hotel", "a shopkeeper told reporters", "one
        fighter said"): the phrase as written, anonymous, like a source.

        A lower-case head with "a", "an", "one" or "another" before it and no name in its phrase;
        verbs that evidence rather than say ("a photo showed", "a search found") name no one.
        """
        if tok.text != tok.lower_:
            return None
        verb = tok.head
        if tok.dep_ == "pobj" and verb.lower_ == "to" and verb.i > 0 and tok.doc[verb.i - 1].lower_ == "according":
            pass  # "according to a resident of the village"
        elif tok.dep_ not in ("nsubj", "dobj", "attr") or verb.lower_ not in self.say_words or any(
                c.dep_ in ("agent", "prep") and c.lower_ == "by" for c in verb.children):
            return None  # "an attack also claimed by the same group": what was claimed
        if not any(c.dep_ in ("det", "nummod") and c.lower_ in INDEFINITE and c.i < tok.i for c in tok.children):
            return None
        if tok.lower_ in self.document_nouns or singular(tok.lower_) != tok.lower_:
            return None
        if verb.lower_ in _EVIDENCE_VERBS or any(m.entity_id for m in syn.phrase_mentions(tok, appositions=False)):
            return None
        return self._set_off_name(view, tok, roles) or self._anonymous(view, tok, seen)

    def _is_person_speaker(self, view: DocView, sp: Speaker | None) -> bool:
        """Return True for a named person or a single unnamed source (what "he" may mean)."""
        if sp is None:
            return False
        ent = view.entity(sp.entity_id)
        return (ent is not None and ent.type is EntityType.PERSON) or (sp.anonymous and not self.is_plural_source(sp)) \
            or (sp.entity_id is None and sp.key.startswith("desc-person:"))  # a person we could not name

    def _described_before(self, view: DocView, syn: Syntax, tok: Token, last: Speaker | None,
                          roles: dict[str, str]) -> Speaker | None:
        """Return the person the sentence right before describes, alone, with a form of "be" and an
        adjective or phrase ("Khazali was defiant.", "Amiri was in no mood to compromise."), when
        "he"/"she" speaks first in the next sentence and that person is not the last speaker.

        Not a person something happened to ("X was killed": a passive has no ``nsubj``), nor a
        sentence in which someone else, a title or a source takes part.
        """
        sents = list(tok.doc.sents)
        here = next((k for k, st in enumerate(sents) if st.start <= tok.i < st.end), 0)
        cur = sents[here]
        first = next((t for t in cur if t.is_alpha), None)
        if here == 0 or not (re.match(r"\s*[\"\u201c]", cur.text) or (first is not None and first.i == tok.i)):
            return None  # the pronoun opens its sentence or follows the quotation that opens it
        prev = sents[here - 1]
        root = prev.root
        if root.lower_ not in _BE_FORMS or not any(c.dep_ in ("acomp", "prep") for c in root.children) or \
                "\n\n" in view.text[prev.end_char:sents[here].start_char]:
            return None
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
        m = syn.mention_at(subject) if subject is not None else None
        if subject is None or m is None or not m.entity_id or view.type_of(m) is not EntityType.PERSON or \
                (last is not None and m.entity_id == last.entity_id) or self.cue_first_words & {t.lower_ for t in prev}:
            return None
        if any(t.i not in {s.i for s in subject.subtree} and (
                t.lower_ in self.role_head_words or t.lower_ in self.source_heads or syn.mention_at(t) is not None)
               for t in root.subtree):
            return None
        eid = str(m.entity_id)
        return Speaker(eid, roles.get(eid), False, eid)

    def _subject_before(self, view: DocView, syn: Syntax, tok: Token, last: Speaker | None,
                        roles: dict[str, str]) -> Speaker | None:
        """Return the one person the sentence right before is about, as its main subject, when
        "he"/"she" is the subject of its own sentence's main verb and that person is not the last
        speaker ('"...," Yako said. X did not respond to a request for comment. In the past, he has
        rejected ...': X). Not when the sentence before names another person."""
        if tok.dep_ != "nsubj" or tok.head.dep_ != "ROOT":
            return None
        sents = list(tok.doc.sents)
        here = next((k for k, st in enumerate(sents) if st.start <= tok.i < st.end), 0)
        if here == 0:
            return None
        prev = sents[here - 1]
        subject = next((c for c in prev.root.children if c.dep_ == "nsubj"), None)  # not a passive's
        m = syn.mention_at(subject) if subject is not None else None
        if m is None or not m.entity_id or view.type_of(m) is not EntityType.PERSON or \
                (last is not None and m.entity_id == last.entity_id):
            return None
        if any(n.entity_id != m.entity_id and view.type_of(n) is EntityType.PERSON
               for n in view.in_sentence(prev.start_char, prev.end_char)):
            return None
        eid = str(m.entity_id)
        return Speaker(eid, roles.get(eid), False, eid)

    def _main_subject(self, view: DocView, syn: Syntax, tok: Token, pos: int, roles: dict[str, str]
                      ) -> Speaker | None:
        """Return the person the sentence of ``tok`` is about: its main verb's subject, written before ``pos``."""
        root = tok
        while root.head.i != root.i:
            root = root.head
        for subject in (c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")):
            m = syn.mention_at(subject)
            if m is not None and m.entity_id and m.end <= pos and view.type_of(m) is EntityType.PERSON \
                    and subject.i != tok.i:
                eid = str(m.entity_id)
                return Speaker(eid, roles.get(eid), False, eid)
        return None

    def _governing_body(self, view: DocView, syn: Syntax, tok: Token, kinds: frozenset[EntityType]
                        ) -> Speaker | None:
        """Return the organisation that is the subject of a clause governing ``tok``, written
        before it ("X released a video in which its spokesman threatened ...": X), else None."""
        head = tok.head
        for _ in range(12):
            for subject in (c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i):
                m = syn.mention_at(subject)
                if m is not None and m.entity_id and view.type_of(m) in kinds and \
                        view.type_of(m) not in (EntityType.PERSON, EntityType.MEDIA_OUTLET, EntityType.PLACE):
                    eid = str(m.entity_id)
                    return Speaker(eid, re.sub(r"^its\s+", "", self.role_text(view, tok)), False, eid)
            if head.head.i == head.i:
                break
            head = head.head
        return None

    def _governing_subject(self, view: DocView, syn: Syntax, tok: Token, pos: int, roles: dict[str, str]
                           ) -> Speaker | None:
        """Return the person who is the subject of a clause that governs the pronoun ``tok``, written
        before it ("X received a delegation, during which he affirmed ...": X), else None."""
        head = tok.head
        while True:
            for subject in (c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i):
                m = syn.mention_at(subject)
                if m is not None and m.entity_id and m.end <= pos and view.type_of(m) is EntityType.PERSON:
                    eid = str(m.entity_id)
                    return Speaker(eid, roles.get(eid), False, eid)
            if head.head.i == head.i:
                return None
            head = head.head

    def _listed_members(self, view: DocView, syn: Syntax, tok: Token, kinds: frozenset[EntityType],
                        roles: dict[str, str]) -> list[Speaker]:
        """Return the named members of "several factions, including A, B and C" (each speaks)."""
        out: list[Speaker] = []
        role = self.role_text(view, tok)
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("including", "like", "such", "as"):
                continue
            for m in (n for o in prep.children if o.dep_ == "pobj" for n in syn.phrase_mentions(o)):
                if m.entity_id and view.type_of(m) in kinds and all(s.entity_id != m.entity_id for s in out):
                    eid = str(m.entity_id)
                    out.append(Speaker(eid, roles.get(eid) or role, False, eid))
        return out

    def _by_surname(self, view: DocView, word: str, seen: list[Speaker]) -> Speaker | None:
        """Return an earlier person speaker whose name ends in ``word`` ("Sharifi said"), also one
        we could not name but by the name as written."""
        low = word.lower()
        unnamed = self._unnamed_by_surname(low, seen)
        if unnamed is not None:
            return unnamed
        for sp in reversed(seen):
            ent = view.entity(sp.entity_id)
            if ent is not None and ent.type is EntityType.PERSON and any(
                    n.split()[-1].lower() == low for n in [ent.name, *ent.aliases] if n):
                return sp
        return None

    def _is_people(self, view: DocView, m: Mention) -> bool:
        """Return True for a country's people written as a plural noun ("Many Iraqis"); "the
        Americans" (with the article) is the state."""
        if not (m.text.endswith("s") and m.text[:-1] in self.lexicon.demonyms):
            return False
        return not re.search(r"\bthe\s+$", view.text[max(0, m.start - 4):m.start], re.IGNORECASE)

    def is_bare_plural(self, sp: Speaker) -> bool:
        """Return True for an unnamed plural source written without article or number ("officials",
        "Iraqi officials", "experts"), the way a report names its sourcing."""
        if not sp.anonymous or not sp.role or not self.is_plural_source(sp):
            return False
        first = sp.role.split()[0].lower()
        return first not in QUANTIFIERS and not first.isdigit()

    @staticmethod
    def _is_modifier_place(view: DocView, m: Mention) -> bool:
        """Return True for a place that only qualifies the phrase ("protesters in Baghdad")."""
        return view.type_of(m) is EntityType.PLACE
