"""Who speaks, read from the dependency parse: the subject, agent or "according to" object of a cue.

One noun phrase (its head token) becomes zero or more :class:`Speaker` records:

- a name ("Kataib Hezbollah said", "said Hadi al-Amiri"), or several ("A and B condemned");
- a pronoun or a definite description ("he", "it", "the group", "the ministry"): the last
  speaker it can mean (:meth:`QuoteSubjects.resolve_pronoun`);
- an office speaking for its organisation ("a Pentagon spokesman", "the ministry's statement"):
  the organisation; "the statement" alone: the last organisation that spoke;
- an unnamed source ("a security source", "two Iraqi officials", "witnesses", "Sources in the
  Popular Mobilization"): no entity, the phrase as written as ``speaker_role``, anonymous; "the
  source"/"the same sources" later in the document is the same source;
- a collective with its members listed ("several factions, including A and B"): each member.

Vias read from the parse live here too (:meth:`parsed_via`): an outlet reached from the verb
through the attribution's own words ("told X", "in an interview with X", "on X", "in a
statement carried by X"), never through the reported words.
"""

from __future__ import annotations

import re
from typing import Any

from factiongraph.extract.quotes.patterns import _SPEAKERS, EDGE_TRIM, Speaker, singular
from factiongraph.extract.quotes.spans import QuoteSpans
from factiongraph.extract.view.docview import DocView
from factiongraph.extract.view.quoting import is_inside_quote
from factiongraph.extract.view.syntax import Syntax
from factiongraph.model import Entity, EntityType, Mention

Token = Any  # a spaCy Token

_VOICES = _SPEAKERS | {EntityType.MEDIA_OUTLET}
# Titles of whoever leads an organisation ("its leader", "the group's secretary-general").
_LEADER_WORDS = frozenset({"leader", "head", "chief", "secretary-general", "commander", "chairman", "founder"})
_STATE_NOUNS = frozenset({EntityType.STATE_BODY})
_GROUP_NOUNS = frozenset({EntityType.ARMED_GROUP, EntityType.POLITICAL_ORG, EntityType.INTL_ORG})
_PRONOUNS = frozenset({"he", "she", "they", "it"})
_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}
_RELATIVES = frozenset({"who", "which", "that"})
_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their", "our", "my", "your"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_QUANTIFIERS = frozenset({"the", "a", "an", "two", "three", "four", "five", "several", "some", "many", "most",
                          "few", "a few", "both", "these", "those", "dozens", "hundreds", "one"})
# Links inside a noun phrase that the role text keeps ("officials in Basra", "a source and a ...").
_ROLE_LINKS = frozenset({"prep", "compound", "amod", "nummod", "poss", "det", "cc", "conj", "nmod",
                         "case", "quantmod", "advmod", "npadvmod", "punct", "pobj", "acl"})
# Links from a verb that may lead to the outlet that relayed the words ("told X", "in an interview
# with X", "on X's channel", "in a statement carried by X").
_VIA_LINKS = frozenset({"prep", "pobj", "agent", "dative", "dobj", "acl", "poss", "compound", "appos",
                        "npadvmod"})
# Prepositions that never lead to the relaying outlet ("told reporters after meeting X's director").
_NOT_VIA = frozenset({"after", "before", "during", "about", "against", "over", "regarding", "since", "until",
                      "amid", "despite", "following", "like", "than", "as", "without", "between", "among"})
# What one says on air or in print: "during" one of them may lead to the outlet ("during an appearance on X").
_ON_AIR = frozenset({"interview", "appearance", "broadcast", "programme", "program", "show", "episode",
                     "segment", "podcast", "talk", "speech", "sermon", "address", "conversation"})
# Heads of a state body's name that may stand before "statement" ("a ministry statement").
_STATE_BODY_NOUNS = frozenset({"ministry", "army", "military", "government"})
# Heads of a body's name no outlet has: an outlet's name before them is a word of the body's name
# ("Türkiye's National Defence Ministry"), never the outlet ("the IRNA news agency" is IRNA).
_NO_OUTLET_HEADS = frozenset({"ministry", "army", "military", "government", "police", "command", "council",
                              "embassy", "directorate", "court", "parliament", "committee", "forces"})
# Participles that name a relay ("in a statement carried by X"); other clauses are not searched.
_RELAY_PARTICIPLES = frozenset({"carried", "published", "broadcast", "aired", "posted", "quoted", "cited",
                                "reported", "obtained", "seen", "shared", "released", "issued", "run",
                                "received", "followed"})  # "a statement received by INA", "followed by X"
_TRIM = EDGE_TRIM + "(\u2022*"
# Participles by which a statement names who issued it ("a statement issued by X").
_ISSUING = frozenset({"issued", "released", "published", "signed", "posted", "put"})
# Determiners that introduce someone new ("a guard at a nearby hotel said").
_INDEFINITE = frozenset({"a", "an", "one", "another"})
# Verbs of saying that a thing may be the subject of ("a photo showed", "a search found").
_EVIDENCE_VERBS = frozenset({"showed", "shows", "found", "finds", "documented", "read", "reads", "estimated",
                             "estimates", "indicated", "suggested", "suggests", "predicted", "projected",
                             "forecast", "concluded", "revealed", "reveals", "confirmed", "confirms"})
# Heads of a phrase naming someone's own channel ("the group's Telegram channel", "his X account").
_CHANNEL_HEADS = frozenset({"channel", "account", "page", "feed", "website", "site"})
# Titles that name any office's holder ("the Pentagon chief", "the group's leader").
# Lower-case particles of Arabic names written with a hyphen ("al-Sudani", "el-Sisi", "bin-Salman").
_NAME_PARTICLES = frozenset({"al", "el", "ul", "bin", "ibn", "abd", "abu"})
_PARTICLE_NAME = re.compile(r"\b(?i:al|el|bin|ibn|abd|abu)-[A-Z]")
_GENERIC_TITLES = frozenset({"chief", "head", "leader", "boss"})
_BE_FORMS = frozenset({"is", "are", "was", "were", "remains", "remained", "seemed", "appeared", "looked"})
# Prepositions that set a name beside the speakers, not as one of their titles ("fighters loyal to X",
# "sources close to X", "officials from X"; "leader of X" is a title).
_NEAR_PREPS = frozenset({"to", "with", "near", "around", "behind", "against", "from", "by"})


class SyntaxSpeakers(QuoteSpans):
    """Resolve the noun phrases a parse gives as subjects of saying into speakers."""

    # -- one noun phrase ------------------------------------------------------------------
    def speakers_of(self, view: DocView, syn: Syntax, tok: Token, pos: int, last: Speaker | None,
                    seen: list[Speaker], roles: dict[str, str], *, kinds: frozenset[EntityType] = _VOICES,
                    according: bool = False) -> list[Speaker]:
        """Return who the noun phrase headed by ``tok`` is as a speaker (empty: no one we can name).

        ``pos`` is where the statement is (pronouns look back from there); ``kinds`` the entity
        types a named speaker may have; ``according``: the phrase follows "according to".
        """
        low = _OBJECT_PRONOUNS.get(tok.lower_, tok.lower_)  # "according to him"
        if low in _PRONOUNS:
            if low == "it" and last is not None and last.anonymous and \
                    last.key.split("#")[0].removeprefix("anon:") in self.group_nouns:
                return [last]  # "a militia said ... it vowed"
            if low in ("he", "she") and self._is_person_speaker(view, last):
                main = self._governing_subject(view, syn, tok, pos, roles)
                if main is not None and last is not None and main.entity_id != last.entity_id:
                    return [main]  # "X received a delegation, during which he affirmed ...": X, not the last speaker
                lead = self._described_before(view, syn, tok, last, roles) or \
                    self._subject_before(view, syn, tok, last, roles)
                if lead is not None:  # 'X was defiant. "...," he said': X, not the last speaker
                    return [lead]
            if low in ("he", "she") and not self._is_person_speaker(view, last):
                main = self._main_subject(view, syn, tok, pos, roles)
                if main is not None:  # "X, who ..., gave them an hour, after which he would ...": X
                    return [main]
            sp = self.resolve_pronoun(view, low, pos, last, seen, roles)
            if sp is None and low in ("he", "she") and tok.dep_ in ("nsubj", "nsubjpass"):
                # '"...," he said' with no person we can name (the mention finder missed "Sudani"):
                # someone said it; an unnamed person "he" may go on speaking as
                sp = Speaker(None, None, False, f"desc-person:{low}#{tok.idx}")
            return [sp] if sp is not None else []
        if low in self.observer_heads:
            return []  # "according to a correspondent at the scene": the outlet's own reporting
        if low in ("one", "some", "both", "all", "each", "none"):
            group = next((o for _, o in syn.prep_objects(tok, ("of",))), None)
            if group is not None:  # "one of them said", "one of the sources said": that source
                found = self.speakers_of(view, syn, group, pos, last, seen, roles, kinds=kinds)
                if not found and group.lower_ in self.collective_heads | self.source_heads:
                    # "one of the protesters shouted": one of a crowd no one introduced as a source
                    return [Speaker(None, self.role_text(view, tok), True, f"anon:{singular(group.lower_)}#{tok.idx}")]
                return found
        if low in _CHANNEL_HEADS:  # "Kataib Hezbollah's Telegram channel said": its owner speaks, on Telegram
            owner = next((m for c in tok.children if c.dep_ == "poss" for m in [syn.mention_at(c)]
                          if m is not None and m.entity_id and view.type_of(m) in kinds
                          and view.type_of(m) is not EntityType.MEDIA_OUTLET), None)
            if owner is not None:
                eid = str(owner.entity_id)
                return [Speaker(eid, roles.get(eid), False, eid)]
            group = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in self.group_nouns), None)
            if group is not None:  # "the group's Telegram channel said": the group last named
                sp = self.resolve_pronoun(view, f"the {group.lower_}", pos, last, seen, roles)
                return [sp] if sp is not None else []
        place = syn.mention_at(tok)
        if tok.text[:1].isupper() and place is not None and view.type_of(place) is EntityType.PLACE:
            unnamed = self._unnamed_by_surname(tok.lower_, seen)
            if unnamed is not None:  # "Renad Mansour, who ..., said ... Mansour said": not the district
                return [unnamed]
        named = self._named_head(view, syn, tok, kinds, roles)
        if named is not None:
            return [named]
        if low in self.statement_nouns or low in self.finding_nouns:
            return self._statement_owner(view, syn, tok, pos, last, seen, roles, kinds,
                                         look_back=low not in self.finding_nouns)
        if low in self.spokes_nouns:
            named = self._named_spokesperson(view, syn, tok)
            if named is not None:
                return [named]
            owner = self._owner(view, syn, tok, kinds)
            if owner is not None:
                eid = str(owner.entity_id)
                return [Speaker(eid, self.role_text(view, tok), False, eid)]
            holder = next((h for c in [*(c for c in tok.children if c.dep_ == "poss"),
                                       *(o for _, o in syn.prep_objects(tok, ("of",)))]
                           for h in [self._title_holder(view, c, pos, seen, roles)] if h is not None), None)
            if holder is not None:  # "the prime minister's office said": the prime minister
                return [holder]
            mine = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in ("his", "her")), None)
            if mine is not None:
                return self._office_owner(view, tok, "he" if mine.lower_ == "his" else "she", pos, last, seen, roles)
            if any(c.dep_ == "poss" and c.lower_ == "its" for c in tok.children):
                owner_org = self._governing_body(view, syn, tok, kinds)
                if owner_org is not None:  # "X released a video in which its spokesman threatened ...": X
                    return [owner_org]
        titled = self._titled_person(view, syn, tok, roles) or self._title_holder(view, tok, pos, seen, roles) \
            or self._varied_title(view, syn, tok, pos, seen, roles) or self._org_leader(view, syn, tok, pos, last,
                                                                                         seen, roles)
        if titled is not None:
            return [titled]
        if low in self.source_heads or low in self.collective_heads:
            det = next((c.lower_ for c in tok.children if c.dep_ in ("det", "nummod", "amod")
                        and c.lower_ in _QUANTIFIERS), None)
            members = self._listed_members(view, syn, tok, kinds, roles) if det is not None else []
            if members:  # "several factions, including A and B, said": A and B
                return members
            owner = next((m for _, o in syn.prep_objects(tok, ("of",)) for m in syn.phrase_mentions(o)
                          if m.entity_id and view.type_of(m) in kinds - {EntityType.PERSON}), None)
            if owner is not None and singular(low) != low:  # "officials of the KRG": the KRG speaks
                eid = str(owner.entity_id)
                return [Speaker(eid, tok.text, False, eid)]
            named = self._set_off_name(view, tok, roles) if det in _INDEFINITE else None
            if named is not None:  # "A tribal leader in Basra, Sheikh X, told ...": X
                return [named]
            source = self._anonymous(view, tok, seen)
            if det in _DEFINITE and low in self.collective_heads and source.key.split("#")[-1] == str(tok.idx):
                return []  # "the militias said" with no militias introduced: no one in particular
            return [source]
        det = next((c.lower_ for c in tok.children if c.dep_ == "det"), None)
        if low in self.body_nouns and low not in self.group_nouns and det in _DEFINITE \
                and not syn.phrase_mentions(tok, appositions=False):
            sp = self._definite_org(view, tok, pos, seen, roles, named_only=True)
            if sp is not None:  # "The Security Media Cell said ... The cell added": the body named so
                return [sp]
        if low in self.group_nouns:
            if det in _DEFINITE and not syn.phrase_mentions(tok, appositions=False):
                sp = self._definite_org(view, tok, pos, seen, roles)
                if sp is not None:
                    return [sp]
            elif det in ("a", "an") and not syn.phrase_mentions(tok, appositions=False):
                return [self._anonymous(view, tok, seen)]
        plural = singular(low) != low
        for m in syn.phrase_mentions(tok):
            if plural and any(c.dep_ == "poss" and syn.mention_at(c) is m for c in tok.children):
                continue  # "Iraq's allies", "Iran's proxies": others than the possessor
            if (low in self.body_nouns or low in self.role_head_words) and \
                    view.type_of(m) in (EntityType.COUNTRY, EntityType.PLACE) and any(
                    c.dep_ in ("poss", "compound", "amod") and syn.mention_at(c) is m for c in tok.lefts):
                continue  # "Turkey's defence ministry said": the ministry speaks, not Turkey
            if low in _NO_OUTLET_HEADS and view.type_of(m) is EntityType.MEDIA_OUTLET and m.end <= tok.idx:
                continue  # "Türkiye's National Defence Ministry": a word of its name, not the outlet
            if low in self.role_head_words and low not in self.spokes_nouns and not plural and m.entity_id and \
                    view.type_of(m) in _GROUP_NOUNS | _STATE_NOUNS and any(
                    c.dep_ in ("poss", "compound", "amod") and syn.mention_at(c) is m for c in tok.lefts):
                return [self._org_title_holder(view, tok, str(m.entity_id))]  # "the PMF chairman": a person
            if m.entity_id and view.type_of(m) in kinds and not self._is_modifier_place(view, m) and \
                    not (view.type_of(m) is EntityType.COUNTRY and self._is_people(view, m)):
                eid = str(m.entity_id)
                return [Speaker(eid, roles.get(eid), False, eid)]
        if low in self.body_nouns and not plural:
            owner = next((m for c in tok.children if c.dep_ == "poss" for m in [syn.mention_at(c)]
                          if m is not None and m.entity_id and view.type_of(m) in kinds and view.type_of(m) not in (
                              EntityType.PERSON, EntityType.PLACE, EntityType.COUNTRY, EntityType.MEDIA_OUTLET)), None)
            if owner is not None:  # "the PMF's Dhi Qar directorate rejected ...": a body of the PMF speaks for it
                eid = str(owner.entity_id)
                return [Speaker(eid, self.role_text(view, tok), False, eid)]
        if tok.text[:1].isupper() and tok.i > 0:
            sp = self._by_surname(view, tok.text, seen)
            if sp is not None:
                return [sp]
        described = self._described(view, syn, tok, seen, kinds) or self._someone(view, syn, tok, seen, roles)
        first = next(t for t in tok.subtree if t.dep_ != "det")
        affiliation = self._affiliation(view, syn, tok)  # "X of Chatham House": where X works
        # "Renad Mansour, who heads ...": a relative clause tells about the name, it is no part of it
        who = [c for c in tok.rights if c.dep_ == "relcl" and c.left_edge.lower_ in ("who", "whose")
               and tok.doc[c.left_edge.i - 1].text == ","]
        aside = affiliation | {t.i for c in who for t in c.subtree}
        if described is None and tok.dep_ in ("nsubj", "pobj") and all(
                view.type_of(m) in (EntityType.PLACE, EntityType.COUNTRY) and m.start > first.idx
                for m in syn.phrase_mentions(tok) if not any(m.start <= tok.doc[k].idx < m.end for k in aside)
        ):  # "Renad Mansour", "Anbar Provincial Council": no place speaks
            name = self._unknown_name(tok, aside)
            if name is not None:  # "International Christian Concern said": a name we do not know, as written
                kind = "desc-person" if _PARTICLE_NAME.search(name) or who else "desc-body"  # "Mahdi Taqi al-Amirli"
                title = next((c for c in tok.rights if c.dep_ == "appos" and c.text[:1].islower()), None)
                role = self.role_text(view, title) if title is not None else name  # "X, commander of Y, said"
                if title is None and affiliation:  # "Renad Mansour of Chatham House"
                    role = view.text[tok.doc[tok.left_edge.i].idx:self._token_end(tok.doc[max(affiliation)])]
                described = Speaker(None, role, False, f"{kind}:{name.lower()}#{tok.idx}")
        if described is None:
            described = self._unknown_person(view, syn, tok)
        return [described] if described is not None else []

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
    def _token_end(t: Token) -> int:
        return int(t.idx + len(t.text))

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
                    low in _NO_OUTLET_HEADS and view.type_of(m) is EntityType.MEDIA_OUTLET and m.end <= tok.idx)
                for m in syn.phrase_mentions(tok)):
            return None  # "the president, prime minister and X", "the militia X": the names speak
        if any(c.dep_ == "poss" and c.lower_ in _POSSESSIVE_PRONOUNS for c in tok.children):
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
        if not any(c.dep_ in ("det", "nummod") and c.lower_ in _INDEFINITE and c.i < tok.i for c in tok.children):
            return None
        if tok.lower_ in self.document_nouns or singular(tok.lower_) != tok.lower_:
            return None
        if verb.lower_ in _EVIDENCE_VERBS or any(m.entity_id for m in syn.phrase_mentions(tok, appositions=False)):
            return None
        return self._set_off_name(view, tok, roles) or self._anonymous(view, tok, seen)

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

    def _named_head(self, view: DocView, syn: Syntax, tok: Token, kinds: frozenset[EntityType],
                    roles: dict[str, str]) -> Speaker | None:
        """Return the speaker the head token itself names.

        A mention at the head ("Kataib Hezbollah said"), a name the phrase gives itself ("a
        group calling itself X", "a group called X"), a named apposition ("the spokesman, X,"),
        a knowledge-base name the phrase spells without being a mention ("Iraq's Foreign
        Ministry", "the Israeli army"); a place only when it is the whole phrase ("Tehran denies").
        """
        m = syn.mention_at(tok)
        if m is None or not m.entity_id:
            for child in tok.children:
                if child.dep_ == "appos":
                    ap = syn.mention_at(child)
                    if ap is not None and ap.entity_id and view.type_of(ap) is EntityType.PERSON:
                        eid = str(ap.entity_id)
                        return Speaker(eid, roles.get(eid) or self.role_text(view, tok), False, eid)
                named = self._title_of_named(view, syn, tok, child, roles)
                if named is not None:
                    return named
                if child.dep_ == "acl" and child.lower_ in ("calling", "called", "named", "known"):
                    names = [n for c in child.children if c.dep_ in ("oprd", "dobj", "attr", "xcomp")
                             for n in syn.phrase_mentions(c, appositions=False)]
                    names += [n for _, o in syn.prep_objects(child, ("as",)) for n in syn.phrase_mentions(o)]
                    for cm in names:
                        if cm.entity_id and view.type_of(cm) in kinds and view.type_of(cm) is not EntityType.COUNTRY:
                            eid = str(cm.entity_id)
                            return Speaker(eid, roles.get(eid) or self.role_text(view, tok), False, eid)
            return self._spelled_name(view, tok, kinds, roles)
        etype = view.type_of(m)
        if etype is EntityType.COUNTRY and self._is_people(view, m):
            return None  # "Many Iraqis blame ...": people, not the state
        if etype in kinds:
            holder = self._possessed_title(view, syn, tok, m, roles) if etype is not EntityType.PERSON else None
            if holder is not None:
                return holder
            eid = str(m.entity_id)
            return Speaker(eid, roles.get(eid), False, eid)
        first = next(t for t in tok.subtree if t.dep_ != "det")
        if etype is EntityType.PLACE and first.idx >= m.start and \
                tok.right_edge.idx + len(tok.right_edge) <= m.end:
            eid = str(m.entity_id)  # "Washington blames", "Tehran denies": the capital's government
            return Speaker(eid, roles.get(eid), False, eid)
        return None

    def _title_of_named(self, view: DocView, syn: Syntax, tok: Token, prep: Token, roles: dict[str, str]
                        ) -> Speaker | None:
        """Return the person named in commas after "the head of X" when the parser hung the name
        inside X ("The head of the Azm alliance, Y, accused ...", "The Secretary-General of A, Y,
        said": Y, described as the title).

        ``tok`` is a title (``role_heads``, a spokesperson, "head"), ``prep`` one of its
        prepositions; the name is a person set off by a comma, an apposition after the
        preposition and another entity than the one it hangs on ("The wife of X, Y, said": Y).
        """
        if prep.dep_ != "prep" or prep.lower_ not in ("of", "for", "at", "in") or not (
                tok.lower_ in self.role_head_words or tok.lower_ in self.spokes_nouns or tok.lower_ in _GENERIC_TITLES):
            return None
        doc = tok.doc
        for ap in tok.subtree:  # the parser may hang a piece of the name after "of" on the title
            if ap.dep_ != "appos" or ap.i <= prep.i:
                continue
            person = syn.mention_at(ap)
            if person is None or not person.entity_id or view.type_of(person) is not EntityType.PERSON:
                continue
            host = syn.mention_at(ap.head)
            first = ap.left_edge
            if (host is not None and host.entity_id == person.entity_id) or first.i == 0 or \
                    doc[first.i - 1].text != ",":
                continue
            lo = tok.left_edge.i
            while lo < tok.i and doc[lo].lower_ in ("the", "a", "an"):
                lo += 1
            eid = str(person.entity_id)
            return Speaker(eid, roles.get(eid) or view.text[doc[lo].idx:doc[first.i - 1].idx].strip(), False, eid)
        return None

    def _possessed_title(self, view: DocView, syn: Syntax, tok: Token, m: Mention, roles: dict[str, str]
                         ) -> Speaker | None:
        """Return the person an organisation's title names in commas ("X's leader, Y, pledged ...":
        Y), which the parser may hang on the organisation's name as appositions."""
        if not re.match(r"\s*['\u2019]s\b", view.text[m.end:m.end + 4]):
            return None
        for title in (c for c in tok.children if c.dep_ == "appos"):
            if title.lower_ not in self.role_head_words:
                continue
            for c in title.children:
                person = syn.mention_at(c) if c.dep_ == "appos" else None
                if person is not None and person.entity_id and view.type_of(person) is EntityType.PERSON:
                    eid = str(person.entity_id)
                    return Speaker(eid, roles.get(eid) or self.role_text(view, title), False, eid)
        return None

    def _spelled_name(self, view: DocView, tok: Token, kinds: frozenset[EntityType], roles: dict[str, str]
                      ) -> Speaker | None:
        """Return the organisation a phrase names in words the mention finder did not take.

        Looked up in the knowledge base: the phrase without its article ("Iraq's Foreign
        Ministry"), and a demonym with the head alone ("the Israeli occupation army" -> "Israeli army").
        """
        if not tok.text[:1].isalpha():
            return None
        lefts = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "poss", "case", "nmod", "punct")]
        if not lefts:
            return None
        doc = tok.doc
        first = min(c.left_edge.i for c in lefts)
        words = [t.text for t in doc[first:tok.i + 1]]
        phrases = [" ".join(words).replace(" 's", "'s").replace(" ’s", "'s").replace("’", "'")]
        demonym = next((c.text for c in lefts if c.dep_ == "amod" and c.text in self.lexicon.demonyms), None)
        if demonym is not None:
            phrases.append(f"{demonym} {tok.text}")
        for phrase in phrases:
            found = view.lookup_name(phrase)
            ent = view.ctx.entity(found)  # only an entity of this document: the store holds no others
            if ent is not None and ent.type in kinds and ent.type is not EntityType.PERSON:
                return Speaker(ent.entity_id, roles.get(ent.entity_id), False, ent.entity_id)
        return None

    def _titled_person(self, view: DocView, syn: Syntax, tok: Token, roles: dict[str, str]) -> Speaker | None:
        """Return the person a long title ends with ("former MP and leader of the X bloc Y Z")."""
        last_tok = tok.right_edge
        m = syn.mention_at(last_tok)
        if m is None or not m.entity_id or view.type_of(m) is not EntityType.PERSON or last_tok.i == tok.i:
            return None
        if any(t.text in (",", "(", ";") for t in tok.doc[tok.i:last_tok.i]):
            return None
        doc = tok.doc
        first = doc.char_span(m.start, m.end, alignment_mode="expand")
        if first is not None and first.start > 0 and doc[first.start - 1].lower_ in ("to", "with", "near", "around"):
            return None  # "a person close to X", "sources familiar with X": someone near X, not X
        t = last_tok
        for _ in range(8):  # "Fighters loyal to Sheikh X": the name sits in a phrase about the speakers
            if t.i == tok.i or t.head.i == t.i:
                break
            if t.dep_ == "prep" and t.lower_ in _NEAR_PREPS:
                return None
            t = t.head
        eid = str(m.entity_id)
        return Speaker(eid, roles.get(eid), False, eid)

    def _title_holder(self, view: DocView, tok: Token, pos: int, seen: list[Speaker], roles: dict[str, str]
                      ) -> Speaker | None:
        """Return the person a definite title means ("the prime minister said", "the cleric").

        The latest person speaker, else person named in the eight sentences before, whose
        description in this document holds the title ("Prime Minister Mustafa al-Kadhimi").
        """
        if not any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DEFINITE) for c in tok.children):
            return None
        head = f"anon:{singular(tok.lower_)}"
        if any(sp.anonymous and sp.key.split("#")[0] == head for sp in seen):
            return None  # "the official": the unnamed official met before
        words = [c.lower_ for c in tok.lefts if c.dep_ in ("compound", "amod") and c.i == tok.i - 1] + [tok.lower_]
        title = " ".join(words)
        if title not in self.lexicon.canonical and tok.lower_ not in self.role_head_words:
            return None
        canonical = self.lexicon.canonical.get(title, (title, ""))[0].lower()
        # "the PMF chief of staff" for "X, the chief of staff of the PMF": the title and its owner's name
        owners = [c.lower_ for c in tok.lefts if c.dep_ in ("compound", "poss") and c.text[:1].isupper()
                  and c.lower_ not in ("the", "'s")]
        people = [sp.entity_id for sp in reversed(seen) if sp.entity_id is not None]
        people += [m.entity_id for m in reversed(view.recent_mentions(pos, 8)) if m.entity_id]
        for eid in people:
            ent = view.entity(eid)
            described = (roles.get(str(eid)) or "").lower()
            if ent is not None and ent.type is EntityType.PERSON and described and (
                    title in described or canonical in described or self._same_office(title, described)
                    or (owners and tok.lower_ in re.findall(r"[\w-]+", described)
                        and all(w in re.findall(r"[\w-]+", described) for w in owners))):
                return Speaker(ent.entity_id, roles.get(ent.entity_id), False, ent.entity_id)
        return None

    def _same_office(self, title: str, described: str) -> bool:
        """Return True when ``described`` holds a title of the same office as ``title`` (``office_synonyms``:
        "the MP" for "Lawmaker X", "the deputy" for "MP X")."""
        return any(re.search(rf"\b{re.escape(w)}\b", described) for w in self.office_synonyms.get(title, ()))

    def _org_leader(self, view: DocView, syn: Syntax, tok: Token, pos: int, last: Speaker | None,
                    seen: list[Speaker], roles: dict[str, str]) -> Speaker | None:
        """Return the person "its leader" / "the group's leader" / "X's chief" is: the one person named
        before whose description holds a leading title and the organisation's name ("The leader of
        Asaib Ahl al-Haq, Qais al-Khazali, said ... The group's leader also dismissed ...")."""
        if tok.lower_ not in _LEADER_WORDS:
            return None
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if owner is None:
            return None
        m = syn.mention_at(owner)
        org: str | None = None
        if m is not None and m.entity_id and view.type_of(m) in _GROUP_NOUNS | _STATE_NOUNS:
            org = str(m.entity_id)
        elif owner.lower_ == "its" or owner.lower_ in self.group_nouns:
            sp = self.resolve_pronoun(view, "it" if owner.lower_ == "its" else f"the {owner.lower_}", pos, last,
                                      seen, roles)
            ent = view.entity(sp.entity_id) if sp is not None else None
            org = ent.entity_id if ent is not None and ent.type in _GROUP_NOUNS | _STATE_NOUNS else None
        else:
            return None
        described = {**roles, **{str(sp.entity_id): sp.role for sp in seen if sp.entity_id and sp.role}}
        found: dict[str, str] = {}
        for pm in view.mentions:
            eid = str(pm.entity_id)
            if pm.start >= pos or not pm.entity_id or view.type_of(pm) is not EntityType.PERSON or eid in found:
                continue
            role = (described.get(eid) or "").lower()
            if not any(w in role.replace("-", " ").split() or w in role for w in _LEADER_WORDS):
                continue
            owned = [om for om in view.mentions if om.entity_id and om.entity_id != pm.entity_id
                     and view.type_of(om) in _GROUP_NOUNS | _STATE_NOUNS
                     and view.text[om.start:om.end].lower() in role]
            if any(str(om.entity_id) == org for om in owned) or (org is None and owned):
                found[eid] = described[eid]
        if len(found) != 1:
            return None
        eid, role = next(iter(found.items()))
        return Speaker(eid, role, False, eid)

    def _varied_title(self, view: DocView, syn: Syntax, tok: Token, pos: int, seen: list[Speaker],
                      roles: dict[str, str]) -> Speaker | None:
        """Return the person a definite title names for variety ("Masrour Barzani condemned the
        attack. "...," the Kurdistan Region prime minister said"; "the Pentagon chief").

        The person named last before the phrase (in its sentence and the two before, outside
        quotations), when no other title stands between that name and the phrase ("met the French
        ambassador. The envoy said": the envoy is the ambassador) and the person's own description
        in the document is not another office with the same head word ("foreign minister" is not
        "the prime minister"). Unnamed sources' heads ("the official") are left to the sources.
        """
        low = tok.lower_
        if low not in self.role_head_words or singular(low) != low:
            return None
        if low in self.source_heads and any(sp.anonymous and sp.key.split("#")[0] == f"anon:{low}" for sp in seen):
            return None  # "the official": the unnamed official met before
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return None
        if any(c.dep_ in ("conj", "appos") for c in tok.children) or any(
                view.type_of(m) is EntityType.PERSON for m in syn.phrase_mentions(tok)):
            return None  # "The president, prime minister, ... and X condemned": a list
        until = tok.left_edge.idx
        named = [m for m in view.recent_mentions(until, 2) if view.type_of(m) is EntityType.PERSON
                 and not is_inside_quote(view.text, m.start)]
        if not named:
            return None
        demonyms = [c.lower_ for c in tok.lefts if c.dep_ in ("amod", "compound") and c.text in self.lexicon.demonyms]
        if demonyms:  # "the Iraqi leader": a person whose description is Iraqi, not the US president named last
            fitting = [m for m in named if all(d in (roles.get(str(m.entity_id)) or "").lower().split() for d in demonyms)]
            if fitting:
                eid = str(fitting[-1].entity_id)
                return next((sp for sp in reversed(seen) if sp.entity_id == eid),
                            Speaker(eid, roles.get(eid), False, eid))
            if roles.get(str(named[-1].entity_id)):
                return None  # described, and not so
        core = " ".join([c.lower_ for c in tok.lefts if c.dep_ == "compound" and c.i == tok.i - 1] + [low])
        fits = [m for m in named if self._holds_title(str(m.entity_id), core, roles)]
        if fits and len({m.entity_id for m in fits}) == 1 and fits[-1].entity_id != named[-1].entity_id:
            # "Former prime minister Nouri al-Maliki and Hadi al-Amiri ... The former premier warned": the one
            # person named before whom the document or the knowledge base gives that office, not the last
            eid = str(fits[-1].entity_id)
            return next((sp for sp in reversed(seen) if sp.entity_id == eid), Speaker(eid, roles.get(eid), False, eid))
        eid = str(named[-1].entity_id)
        role = (roles.get(eid) or "").lower()
        owners = self._title_owners(view, syn, tok)
        if owners:  # "the Asaib leader": someone tied to Asaib Ahl al-Haq, named in the two sentences before
            tied = next((str(m.entity_id) for m in reversed(named)
                         if any(self._tied_to(view, str(m.entity_id), o, roles) for o in owners)), None)
            if tied is not None:
                return next((sp for sp in reversed(seen) if sp.entity_id == tied),
                            Speaker(tied, roles.get(tied), False, tied))
            if any((e := view.entity(o)) is not None and e.type in _GROUP_NOUNS for o in owners) and \
                    self._serves_a_group(eid):
                return None  # "Hadi al-Amiri ... The Asaib leader said": Amiri leads another group
        if self._kb_holds(eid, core):  # "the Kurdish prime minister" after Masrour Barzani
            return next((sp for sp in reversed(seen) if sp.entity_id == eid),
                        Speaker(eid, roles.get(eid) or self.role_text(view, tok), False, eid))
        if self._other_title(view, [m for m in named if m.entity_id == eid], role, until):
            return None  # "... told the French ambassador ... The envoy said": someone else was described
        words = [c.lower_ for c in tok.lefts if c.dep_ in ("compound", "amod") and c.i == tok.i - 1] + [low]
        heads = {h.lower() for h in self.head_word.findall(role)}
        # "Brigadier General X ... The general said": the phrase's own words written right before the name
        said = r"\s+".join(re.escape(w) for w in words)
        titled = not any(c.dep_ in ("compound", "amod") for c in tok.lefts if c.i != tok.i - 1) and any(
            re.search(rf"\b{said}\.?\s+$", view.text[max(0, m.start - 40):m.start], re.IGNORECASE)
            for m in named if m.entity_id == eid)
        if role and not titled and low not in heads and low not in _GENERIC_TITLES:
            return None  # described as another office ("prime minister" is not "the president")
        if low in heads and " ".join(words) not in role and not titled:
            return None  # the same head, another office ("foreign minister" is not "the prime minister")
        return next((sp for sp in reversed(seen) if sp.entity_id == eid),
                    Speaker(eid, roles.get(eid) or self.role_text(view, tok), False, eid))

    def _org_title_holder(self, view: DocView, tok: Token, org: str) -> Speaker:
        """Return who a title an organisation's name qualifies is ("the PMF chairman said"): the one
        person the document names whom the knowledge base gives that title in it that year, else
        someone unnamed described by the title."""
        role = self.role_text(view, tok)
        holders = [r.id for r in self.kb.role_holders(tok.text, org, view.year) if view.ctx.entity(r.id) is not None]
        if len(holders) == 1:
            return Speaker(holders[0], role, False, holders[0])
        return Speaker(None, role, False, f"desc-person:{tok.lower_}#{tok.idx}")

    @staticmethod
    def _title_owners(view: DocView, syn: Syntax, tok: Token) -> list[str]:
        """Return the organisations a title's own words name ("the Asaib leader", "the PMF chief")."""
        return [str(m.entity_id) for m in syn.phrase_mentions(tok, appositions=False)
                if m.entity_id and m.end <= tok.idx and view.type_of(m) in _GROUP_NOUNS | _STATE_NOUNS]

    def _tied_to(self, view: DocView, eid: str, org: str, roles: dict[str, str]) -> bool:
        """Return True when a person is tied to an organisation: their description in the document
        names it, or the knowledge base gives them a role in it or lists them among its leaders."""
        ent = view.entity(org)
        described = (roles.get(eid) or "").lower()
        if ent is not None and described and any(n.lower() in described for n in [ent.name, *ent.aliases] if n):
            return True
        record = self.kb.get(eid)
        if record is not None and any(r.get("of") == org for r in record.attributes.get("roles", ())):
            return True
        group = self.kb.get(org)
        return group is not None and any(r.get("person") == eid for r in group.attributes.get("leaders", ()))

    def _serves_a_group(self, eid: str) -> bool:
        """Return True when the knowledge base gives a person a role in an armed group, party or
        international body."""
        record = self.kb.get(eid)
        return record is not None and any((of := self.kb.get(str(r.get("of")))) is not None and of.type in _GROUP_NOUNS
                                          for r in record.attributes.get("roles", ()))

    def _kb_holds(self, eid: str, title: str) -> bool:
        """Return True when the knowledge base gives a person a role named by ``title`` ("prime minister",
        or an office synonym of it: "premier"), a title of more than one word."""
        record = self.kb.get(eid)
        titles = [t for t in {title, *self.office_synonyms.get(title, ())} if len(t.split()) > 1]
        return record is not None and any(t in str(r.get("role", "")).lower() for t in titles
                                          for r in record.attributes.get("roles", ()))

    def _holds_title(self, eid: str, title: str, roles: dict[str, str]) -> bool:
        """Return True when a person's description in the document, or the knowledge base, gives them
        the office ``title`` names (one of several words, or a synonym: "premier", "prime minister")."""
        described = (roles.get(eid) or "").lower()
        if described and (len(title.split()) > 1 or title in self.office_synonyms) and (
                title in described or self._same_office(title, described)):
            return True
        return self._kb_holds(eid, title)

    def _other_title(self, view: DocView, named: list[Mention], role: str, until: int) -> bool:
        """Return True when a title word outside quotations, names and the person's own
        description stands between the first of ``named`` and ``until``: someone else described."""
        text = view.text
        window = text[named[0].start:until]
        for m in named:  # the names and their own titles ("Secretary of Defense X") are not others
            window = window.replace(text[m.start:m.end], " ")
        if role:
            window = re.sub(re.escape(role), " ", window, flags=re.IGNORECASE)
        window = re.sub(r"[\"\u201c][^\"\u201c\u201d]*[\"\u201d]", " ", window)
        # a plural title ("withdrew his ministers") describes no one person the singular title could be
        return any(not (w.group().lower() not in self.role_head_words and w.group().lower()[:-1] in self.role_head_words)
                   for w in self.head_word.finditer(window))

    def _definite_org(self, view: DocView, tok: Token, pos: int, seen: list[Speaker], roles: dict[str, str],
                      named_only: bool = False) -> Speaker | None:
        """Return what "the ministry", "the group" means.

        The latest speaker, else organisation named in this or the two sentences before, whose
        name holds the noun ("the ministry" -> the Ministry of Communications); else the latest
        of the noun's kind (a state body for "the army"; a group, party or international body for
        "the group", "the coalition"). A ministry is only one whose name says so, and a modifier
        must be in the name too: "the interior ministry" is not the Central Command that spoke
        before it, nor the Ministry of Defence. ``named_only``: only an organisation whose name holds
        the noun ("the cell" -> the Security Media Cell).
        """
        noun = tok.lower_
        wanted = _STATE_NOUNS if noun in ("ministry", "army", "military", "government") else _GROUP_NOUNS
        if noun == "government":
            wanted = wanted | {EntityType.COUNTRY}
        pattern = re.compile(rf"\b{re.escape(noun)}\b", re.IGNORECASE)
        qualifiers = [c.lower_ for c in tok.children if c.dep_ in ("compound", "amod") and c.is_alpha
                      and c.text not in self.lexicon.demonyms and c.i < tok.i
                      and c.lower_ not in ("same", "very", "latter", "aforementioned")]  # "the same group": the one before

        def names(e: Entity) -> bool:
            return any(pattern.search(n) and all(re.search(rf"\b{re.escape(q)}", n, re.IGNORECASE)
                                                 for q in qualifiers) for n in (e.name, *e.aliases))

        said = [sp.entity_id for sp in reversed(seen) if sp.entity_id is not None]
        near = said + [m.entity_id for m in reversed(view.recent_mentions(pos, 2)) if m.entity_id]
        far = said + [m.entity_id for m in reversed(view.recent_mentions(pos, 12)) if m.entity_id]
        kinds = wanted | {EntityType.STATE_BODY, EntityType.INTL_ORG}
        written = next((m for m in reversed(view.recent_mentions(pos, 12)) if m.entity_id and pattern.search(m.text)
                        and view.type_of(m) in kinds and not qualifiers), None)  # "the brigade": "the 30th Brigade"
        named = view.entity(written.entity_id) if written is not None else None
        named = named or next((e for e in (view.entity(eid) for eid in far) if e is not None and e.type in kinds
                               and names(e)), None)
        if named is None and (qualifiers or noun == "ministry" or named_only):
            return None  # no entity says what the description says: it is described, not named
        fitting = named or next((e for e in (view.entity(eid) for eid in near) if e is not None and e.type in wanted),
                                None)
        if fitting is None:
            return None
        return Speaker(fitting.entity_id, roles.get(fitting.entity_id), False, fitting.entity_id)

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
        return first not in _QUANTIFIERS and not first.isdigit()

    @staticmethod
    def _is_modifier_place(view: DocView, m: Mention) -> bool:
        """Return True for a place that only qualifies the phrase ("protesters in Baghdad")."""
        return view.type_of(m) is EntityType.PLACE

    def _owner(self, view: DocView, syn: Syntax, tok: Token, kinds: frozenset[EntityType]) -> Mention | None:
        """Return the organisation an office or statement belongs to ("a Pentagon spokesman",
        "the ministry's statement", "a statement by X", "the spokesman of X")."""
        for m in syn.phrase_mentions(tok, appositions=False, conjuncts=False):
            if m.entity_id and view.type_of(m) in kinds and view.type_of(m) is not EntityType.PERSON:
                return m
        objects = [obj for _, obj in syn.prep_objects(tok, ("of", "for", "by", "from"))]
        relayed = {a.i for a in self._relay_agents(view, syn, tok)}
        objects += [a for c in tok.children if c.dep_ == "acl" for a in syn.agents(c)
                    if a.i not in relayed]  # "a statement issued by X"
        objects += [o for c in tok.children if c.dep_ == "acl" and c.lower_ == "attributed"
                    for _, o in syn.prep_objects(c, ("to",))]  # "a statement attributed to X"
        for obj in objects:
            for m in syn.phrase_mentions(obj, appositions=False, conjuncts=False):
                if m.entity_id and view.type_of(m) in kinds:
                    return m
        return None

    @staticmethod
    def _relay_agents(view: DocView, syn: Syntax, tok: Token) -> list[Token]:
        """Return the outlets that only carried the statement ``tok`` heads ("a statement carried by
        INA", "a statement published by Sabereen News"): its via, never its author."""
        found = []
        for c in tok.children:
            if c.dep_ != "acl" or c.lower_ not in _RELAY_PARTICIPLES:
                continue
            for a in syn.agents(c):
                m = syn.mention_at(a) or next(iter(syn.phrase_mentions(a, appositions=False, conjuncts=False)), None)
                if m is not None and view.type_of(m) is EntityType.MEDIA_OUTLET:
                    found.append(a)
        return found

    def _statement_owner(self, view: DocView, syn: Syntax, tok: Token, pos: int, last: Speaker | None,
                         seen: list[Speaker], roles: dict[str, str], kinds: frozenset[EntityType],
                         look_back: bool = True) -> list[Speaker]:
        """Return who a statement that "said" something is from.

        Its owner when written ("a ministry statement" after the ministry was named, "the
        group's statement", "a statement by X"), else (``look_back``) the organisation that
        spoke last.
        """
        owner = self._owner(view, syn, tok, kinds)
        if owner is None or view.type_of(owner) is EntityType.MEDIA_OUTLET:
            # "Khazali's message", "Sadr's tweet": a person's own statement; "X's Telegram post": X's,
            # on Telegram
            owner = next((m for c in tok.children if c.dep_ == "poss" for m in [syn.mention_at(c)]
                          if m is not None and m.entity_id and view.type_of(m) is EntityType.PERSON), owner)
        if owner is not None:
            eid = str(owner.entity_id)
            return [Speaker(eid, roles.get(eid), False, eid)]
        for child in tok.children:
            if child.dep_ == "compound" and child.lower_ in _STATE_BODY_NOUNS:
                # "a ministry statement": the ministry named last
                sp = self._definite_org(view, child, pos, seen, roles, named_only=True)
                if sp is not None:
                    return [sp]
            if child.dep_ in ("compound", "poss") and child.lower_ in self.group_nouns:
                sp = self.resolve_pronoun(view, f"the {child.lower_}", pos, last, seen, roles)
                return [sp] if sp is not None else []
        issuers = [issuer for _prep, issuer in syn.prep_objects(tok, ("from", "by"))]
        # "a statement issued by X", "a statement signed by X": the participle's agent issued it
        relayed = {a.i for a in self._relay_agents(view, syn, tok)}
        issuers += [a for c in tok.children if c.dep_ == "acl" and c.lower_ in _ISSUING for a in syn.agents(c)
                    if a.i not in relayed]
        for issuer in issuers:
            found = self.speakers_of(view, syn, issuer, pos, last, seen, roles, kinds=kinds)
            named = [sp for sp in found if sp.entity_id is not None]
            if named and (issuer not in [i for _, i in syn.prep_objects(tok, ("from", "by"))]
                          or issuer.lower_ in self.spokes_nouns):  # "a statement from the office of X": X
                return named[:1]
            if not named and found and issuer.lower_ in self.collective_heads | self.source_heads:
                return found[:1]  # "statements issued by several groups": those groups, unnamed
            owned = any(c.dep_ == "poss" and c.lower_ in _POSSESSIVE_PRONOUNS for c in issuer.children)
            if (issuer.text[:1].isupper() or issuer.lower_ in self.body_nouns) and issuer.is_alpha and not owned and \
                    not any(view.type_of(m) in kinds for m in syn.phrase_mentions(issuer)):
                # "a statement from the Nineveh Operations Command", "a statement from the region's interior
                # ministry": a body no entity names, described
                text = self.role_text(view, issuer)
                text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)
                return [Speaker(None, text, False, f"desc-body:{text.lower()}#{issuer.idx}")]
        if not look_back:
            return []
        if seen and self._person_issued(view, tok, seen[-1]):
            return [seen[-1]]  # "X said in a statement that ... The statement added": X's statement
        for sp in reversed(seen):
            ent = view.entity(sp.entity_id)
            if ent is not None and ent.type is not EntityType.PERSON:
                return [sp]
            if sp.entity_id is None and not sp.anonymous and sp.role:
                return [sp]  # "the office of the governor said in a statement ... The statement added"
        # "X issued a statement on Monday. '...,' the statement said": the organisation just named, when
        # the sentence or the two before speak of such a text ("Forces found a launcher. The report
        # showed ...": no report of theirs)
        sp = self.resolve_pronoun(view, "it", pos, None, seen, roles) if self._noun_before(tok) else None
        if sp is None and relayed:  # "A statement carried by INA said": an unnamed author, never INA
            sp = Speaker(None, tok.lower_, True, f"anon:{tok.lower_}#{tok.idx}")
        return [sp] if sp is not None else []

    @staticmethod
    def _noun_before(tok: Token) -> bool:
        """Return True when the noun ``tok`` is also written before it, in its sentence or the two before
        (a quotation of two sentences may stand between: 'X released a statement. "A. B," the statement said')."""
        sents = list(tok.doc.sents)
        here = next((k for k, st in enumerate(sents) if st.start <= tok.i < st.end), 0)
        lo = sents[max(0, here - 2)].start
        return any(t.lower_ in (tok.lower_, singular(tok.lower_)) or singular(t.lower_) == singular(tok.lower_)
                   for t in tok.doc[lo:tok.i])

    @staticmethod
    def _person_issued(view: DocView, tok: Token, sp: Speaker) -> bool:
        """Return True when the person ``sp`` (the latest speaker) issued the statement ``tok``
        names again: one of the two sentences before holds the same noun ("statement") and the
        person, by name or as "he"/"she"/"his" ("X said in a statement ...", "In a statement, his office
        said")."""
        ent = view.entity(sp.entity_id)
        if ent is None or ent.type is not EntityType.PERSON:
            return False
        sents = list(tok.doc.sents)
        here = next((k for k, st in enumerate(sents) if st.start <= tok.i < st.end), 0)
        for st in sents[max(0, here - 2):here]:
            if not any(t.lower_ == tok.lower_ for t in st):
                continue
            if any(t.lower_ in ("he", "she", "his", "her") for t in st) or any(
                    m.entity_id == sp.entity_id and st.start_char <= m.start < st.end_char for m in view.ctx.mentions):
                return True
        return False

    def _named_spokesperson(self, view: DocView, syn: Syntax, tok: Token) -> Speaker | None:
        """Return the person named after "a spokesman for X, NAME," (the parser may hang NAME on X).

        The role is the phrase up to the comma before the name: "spokesman for Kataib Hezbollah".
        """
        owners = [o for _, o in syn.prep_objects(tok, ("for", "of"))]
        # "the spokesman of the Commander-in-Chief of the Armed Forces, X": two owners deep
        owners += [o2 for o in owners for _, o2 in syn.prep_objects(o, ("of",))]
        for app in [c for t in (tok, *owners) for c in t.children if c.dep_ == "appos" and c.i > tok.i]:
            comma = app.left_edge.i - 1
            if comma <= tok.i or tok.doc[comma].text != ",":
                continue
            person = next((m for m in syn.phrase_mentions(app, appositions=False)
                           if m.entity_id and view.type_of(m) is EntityType.PERSON), None)
            if person is None or any(m.entity_id == person.entity_id for o in owners
                                     for m in syn.phrase_mentions(o, appositions=False)):
                continue
            doc = tok.doc
            left = tok.left_edge.i
            while left < tok.i and doc[left].dep_ == "det":
                left += 1
            role = view.text[doc[left].idx:doc[comma].idx].strip()
            eid = str(person.entity_id)
            return Speaker(eid, role or None, False, eid)
        return None

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

    def _anonymous(self, view: DocView, tok: Token, seen: list[Speaker]) -> Speaker:
        """Return an unnamed source: an earlier one for "the source"/"the same sources", else a new one.

        Its key is its singular head and where it was introduced ("anon:source#120"): two
        sources introduced apart are two sources; "the source" refers back to the last one.
        """
        role = self.role_text(view, tok)
        head = f"anon:{singular(tok.lower_)}"
        det = next((c.lower_ for c in tok.children if c.dep_ == "det"), None)
        if det in _DEFINITE or any(c.lower_ == "same" for c in tok.children):
            prior = next((s for s in reversed(seen) if s.anonymous and s.key.split("#")[0] == head), None)
            if prior is not None:
                return prior
        return Speaker(None, role, True, f"{head}#{tok.idx}")

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
    def plain_text(text: str) -> str:
        """Return ``text`` without edge punctuation and with single spaces."""
        return re.sub(r"\s+", " ", text).strip(_TRIM + ". ")

    @staticmethod
    def _unnamed_by_surname(low: str, seen: list[Speaker]) -> Speaker | None:
        """Return an earlier speaker no entity names whose name as written ends in ``low``."""
        return next((sp for sp in reversed(seen) if sp.entity_id is None and sp.key.startswith("desc-person:")
                     and sp.key.split(":", 1)[1].split("#")[0].split()[-1:] == [low]), None)

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

    # -- the outlet that relayed the words -----------------------------------------------
    def subject_channel(self, view: DocView, syn: Syntax, subjects: list[Token]) -> str | None:
        """Return the platform of a subject that is someone's own channel or post ("Kataib
        Hezbollah's Telegram channel said", "X's Telegram post accused ...": Telegram), or None."""
        for s in subjects:
            if (s.lower_ not in _CHANNEL_HEADS and s.lower_ not in self.statement_nouns) or \
                    not any(c.dep_ == "poss" for c in s.children):
                continue
            for c in s.children:
                m = syn.mention_at(c) if c.dep_ in ("compound", "nmod", "amod") else None
                if m is not None and m.entity_id and view.type_of(m) is EntityType.MEDIA_OUTLET:
                    return str(m.entity_id)
        return None

    def parsed_via(self, view: DocView, syn: Syntax, verb: Token, skip: set[int]) -> str | None:
        """Return the outlet the attribution around ``verb`` names, reached through its own words.

        ``skip``: token indices of the reported words and the speaker, never searched.
        """
        def follows(c: Token) -> bool:
            if c.i in skip or c.dep_ not in _VIA_LINKS:
                return False
            if c.dep_ == "prep" and c.lower_ in _NOT_VIA and not any(
                    o.dep_ == "pobj" and o.lower_ in _ON_AIR for o in c.children):
                return False  # "during an interview with X", "during an appearance on X" lead on
            return c.dep_ != "acl" or c.lower_ in _RELAY_PARTICIPLES

        stack = [c for c in verb.children if follows(c)]
        steps = 0
        while stack and steps < 40:
            t = stack.pop(0)
            steps += 1
            m = syn.mention_at(t)
            if m is not None and m.entity_id and view.type_of(m) is EntityType.MEDIA_OUTLET:
                return str(m.entity_id)
            stack.extend(c for c in t.children if follows(c))
        return None
