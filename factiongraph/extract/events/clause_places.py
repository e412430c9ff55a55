"""Which places and clauses belong to a trigger: the places its phrase attaches, places written inside
others, the clause of a time, where words were spoken, attribution and answer clauses.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from factiongraph.extract.events.reader_base import ReaderBase, Token, entity_type_of, phrase_root, trigger_head
from factiongraph.extract.events.role_words import (
    BACKING_WORDS, HOST_NOUNS, LAND_NOUNS, OUTCOME_PARTICIPLES, PLACE_NOUNS, PLACE_PREPS, PLACE_TYPES,
    REFERENCE_PREPS, REPORT_VERBS, SITE_NOUNS)
from factiongraph.model import EntityType, Mention


# Words of speaking a place may be said of: where the words were said ("the announcement in Baghdad").
_SPEECH_WORDS = frozenset("""announcement announcements statement statements conference conferences briefing
    briefings speech speeches remarks interview interviews speaking addressing""".split())


# Happening nouns beside HOST_NOUNS and _HAPPENING_HOSTS a possessive date may date ("last week's murder").
_OTHER_HAPPENINGS = frozenset("""murder murders kidnapping kidnappings abduction abductions massacre bombing
    assassinations shootings""".split())
# Prepositions that set a happening apart from the one they hang on ("killed in revenge for Sunday's strike").
_SETTING_APART = frozenset("over for after following since about before".split())


# What a happening is done with: a clause on it tells that happening ("a drone launched from Iraq struck Erbil").
_MEANS_HOSTS = frozenset("""drone drones rocket rockets missile missiles bomb bombs shell shells mortar mortars
    device devices ied ieds grenade grenades projectile projectiles explosive explosives munition munitions
    katyusha katyushas""".split())


# A local force a town's name is put on ("Basra police").
_POLICE_WORDS = frozenset("police policemen".split())


# Happening nouns beside HOST_NOUNS: a clause on one of them tells that happening itself.
_HAPPENING_HOSTS = frozenset("""bombings blasts explosions raids ambushes assaults operation operations fighting
    violence incident incidents killing killings assassination shooting""".split())


# Sites a country's name before them says the owner of ("a US base", "the Turkish airport"), as
# :data:`SITE_NOUNS` do.
_OWNED_SITES = frozenset("base bases airport".split())


def _backer(root: Token) -> bool:
    """Return True for the object of "by"/"to"/"with" after a word of :data:`BACKING_WORDS` that
    describes a noun ("factions backed by Iran", "gunmen loyal to Iran"): a backer, not a place."""
    prep = root.head
    if root.dep_ != "pobj" or prep.dep_ not in ("prep", "agent") or prep.lower_ not in ("by", "to", "with"):
        return False
    word = prep.head
    return word.lower_ in BACKING_WORDS and word.dep_ in ("acl", "amod", "relcl", "appos") and word.head.i != word.i


def _is_place_noun(tok: Token) -> bool:
    """Return True for a noun of a kind of place or site, also one the tokenizer split at its hyphen
    ("the Sidakan sub-district": "sub", "-", "district")."""
    if tok.lower_ in PLACE_NOUNS | SITE_NOUNS:
        return True
    doc = tok.doc
    return tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and doc[tok.i + 2].lower_ in PLACE_NOUNS


def _on_date_by_misparse(clause: Token) -> bool:
    """Return True for a relative clause the parser hung on a date that its relative pronoun cannot
    stand for ("The attack on Wednesday, which killed five fighters": the attack killed, not the
    Wednesday); "since 2016, when a truck bomb killed 300" is a clause of that time."""
    return clause.dep_ == "relcl" and clause.head.ent_type_ in ("DATE", "TIME") \
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("which", "that", "who") for c in clause.children)


# "in retaliation for", "in response to", "in revenge for": what the clause answers came before it
_ANSWER_NOUNS = ("retaliation", "response", "revenge", "reprisal", "reaction")


def _tells_the_happening(noun: Token, verb: Token) -> bool:
    """Return True when ``noun`` is the subject of the trigger's clause ``verb`` and names a
    happening ("The bombing, which took place on 2 March, killed 11 people"): a clause that
    describes it tells the trigger's own happening, not a participant's history."""
    return noun.dep_ in ("nsubj", "nsubjpass") and noun.head.i == verb.i and noun.lower_ in HOST_NOUNS


def _answered_phrase(token: Token) -> tuple[int, int] | None:
    """Return the characters of the phrase ``token`` heads when a clause answers it ("in response to
    *rocket attacks*", "in retaliation for *the killing* of X"), else None."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in ("for", "to") or prep.head.lower_ not in _ANSWER_NOUNS:
        return None
    last = token.doc[token.right_edge.i]
    return token.doc[token.left_edge.i].idx, last.idx + len(last.text)


class ClauseReader(ReaderBase):
    """Reads which places and clauses belong to a trigger."""

    # -- place --------------------------------------------------------------------------------
    def place_mentions(self, doc: Any, start: int, end: int) -> list[Mention]:
        """Return the place and country mentions the trigger's phrase attaches, in text order.

        Walks from the trigger, its clause's verb and their subjects and objects through
        prepositional phrases ("in", "near", "outside", ... and "of": "members of a family near
        Balad, in Salahuddin"), appositions, coordinations and the modifiers of place nouns
        ("Baghdad's Mashtal district"); places that only describe something else
        (:meth:`describes_other`) are left out. Clauses of their own (relative clauses, other
        verbs) are not entered.
        """
        if not self.available:
            return []
        head = trigger_head(doc, start, end)
        anchors = [head]
        verb = self.sx.clause_verb(head)
        # a happening named inside a prepositional phrase ("following the killing of X, ...") is
        # placed by its own phrase only, not by the clause it is mentioned in
        if verb.i != head.i and head.dep_ != "pobj":
            anchors.append(verb)
        # "struck targets in Duhok province, killing two civilians in the village of Kani Masi": the
        # outcome's participle clause tells where the happening's dead were
        anchors += [c for a in list(anchors) for c in a.children
                    if c.dep_ == "advcl" and c.i > a.i and c.lower_ in OUTCOME_PARTICIPLES]
        for anchor in list(anchors):
            anchors.extend(self.sx.objects(anchor))
            anchors.extend(s for s in self.sx.subjects(anchor) if s.i != head.i)
        found: dict[int, Mention] = {}
        seen: set[int] = set()
        frontier = list(anchors)
        for _ in range(6):
            nxt: list[Token] = []
            for tok in frontier:
                if tok.i in seen:
                    continue
                seen.add(tok.i)
                m = self.sx.mention_at(tok)
                if m is not None and entity_type_of(self.ctx, m) in PLACE_TYPES and not self.describes_other(m, head.i):
                    found.setdefault(m.start, m)
                for child in tok.children:
                    # appositions restate ("Muslih, the commander of the PMU in Anbar"): their
                    # places describe a person, not where the event was
                    if child.dep_ == "prep" and child.lower_ in PLACE_PREPS + ("of",):
                        nxt.extend(c for c in child.children if c.dep_ in ("pobj", "prep"))
                    elif child.dep_ in ("pobj", "conj", "compound", "poss", "nmod") or (
                            child.dep_ == "amod" and _is_place_noun(tok)):
                        nxt.append(child)  # "the Yarmouk neighbourhood", the name parsed as an adjective
            frontier = nxt
        places = [found[k] for k in sorted(found)]
        countries = [m for m in places if entity_type_of(self.ctx, m) is EntityType.COUNTRY]
        if len({m.entity_id for m in countries}) > 1 and len(countries) == len(places):
            return []  # "in western Iraq and eastern Syria": no one place
        return places

    def written_inside(self, mentions: Sequence[Mention]) -> dict[str, set[str]]:
        """Return, for each place of ``mentions`` the text puts inside another, the ids of the
        places it is put in: "the Abu Ghraib district of Baghdad", "Basra's Hayaniya district",
        "the Jadriya area in Baghdad" (a possessive, or "of"/"in" on the place or on the place
        noun it names). The text's own nesting says which is finer, whatever level the KB
        gives each ("district" is coarser than "city" in the KB, not in "X district of Y")."""
        out: dict[str, set[str]] = {}
        if not self.available:
            return out
        for m in mentions:
            if m.entity_id is None or entity_type_of(self.ctx, m) is not EntityType.PLACE:
                continue
            span = self.sx.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            noun = span.root
            if noun.dep_ in ("compound", "nmod", "amod") and noun.head.i > noun.i \
                    and _is_place_noun(noun.head) and noun.lower_ not in PLACE_NOUNS:
                # "the Abu Ghraib district of ...": the district's phrase; a name with a place noun of
                # its own names what holds the next noun ("the Maysan governorate town of Amarah")
                noun = noun.head
            outer: list[Token] = [c for c in noun.children if c.dep_ == "poss"]
            outer += [o for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "in")
                      for o in c.children if o.dep_ == "pobj"]
            for tok in outer:
                held = self.sx.mention_at(tok)
                if held is not None and held.entity_id not in (None, m.entity_id) \
                        and entity_type_of(self.ctx, held) in PLACE_TYPES:
                    out.setdefault(m.entity_id, set()).add(held.entity_id)
        return out

    def listed_places(self, m: Mention) -> tuple[list[Mention], list[Mention]] | None:
        """Return the places of a list a place is written in, and the places written around that
        list as what holds it, when the place is one of two or more coordinated places or sites
        ("the towns of Bartella, Qaraqosh and Bashiqa in the Nineveh Plains", "its Nineveh Plain
        bases in A, B and C", "hit the downtown area, Erbil airport and a coalition base"); else
        None. Holders: a place modifying or "in"/"of" on the noun the list hangs from, or on the
        list's first or last item."""
        root = phrase_root(self.sx.doc, m.start, m.end) if self.available else None
        if root is None:
            return None
        if root.dep_ in ("compound", "nmod") and root.head.i > root.i and root.head.lower_ in PLACE_NOUNS | SITE_NOUNS:
            root = root.head  # "the Abu Ghraib district": the district's phrase
        first = root
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        items, frontier = [first], [first]
        while frontier:
            nxt = [c for t in frontier for c in t.children if c.dep_ == "conj"]
            items += nxt
            frontier = nxt
        places = [p for t in items if (p := self.sx.mention_at(t)) is not None and entity_type_of(self.ctx, p) in PLACE_TYPES]
        # another item that is a place, a site, or a name the tagger left unmarked ("A, Batnaya and
        # Tel Kepe": a capitalised word listed with a place is one too)
        spots = [t for t in items if t.i != root.i and (t.lower_ in PLACE_NOUNS | SITE_NOUNS or t.text[:1].isupper()
                                                         or any(p.start <= t.idx < p.end for p in places))]
        if not spots:
            return None
        host = first.head.head if first.dep_ == "pobj" and first.head.lower_ in ("of", "in") else None
        listed = {t.i for t in items}
        around: list[Token] = []
        for noun in (host, first, items[-1]):
            if noun is None:
                continue
            around += [c for c in noun.children if c.dep_ in ("compound", "nmod", "poss") and c.i not in listed]
            around += [o for c in noun.children if c.dep_ == "prep" and c.lower_ in ("in", "of")
                       for o in c.children if o.dep_ == "pobj" and o.i not in listed]
        holders = [h for t in around if (h := self.sx.mention_at(t)) is not None
                   and entity_type_of(self.ctx, h) in PLACE_TYPES and all(h.start != p.start for p in places)]
        return places, holders

    def time_clause(self, doc: Any, start: int, end: int) -> tuple[int, int] | None:
        """Return the character span of the relative clause of a time the trigger is told in
        ("since January, when 32 people were killed in twin bombings"), else None."""
        if not self.available:
            return None
        t = trigger_head(doc, start, end)
        while t.head.i != t.i:
            if t.dep_ == "relcl" and t.head.ent_type_ in ("DATE", "TIME") and not _on_date_by_misparse(t):
                return t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text)
            t = t.head
        return None

    def spoken_at(self, m: Mention, start: int, end: int) -> bool:
        """Return True for a place written in a phrase on a word of speaking other than the
        trigger (token span ``start``-``end``): "The announcement in Baghdad came a day after ...
        strikes", "Speaking at a news conference in Erbil, the governor said ...", "In a statement
        issued in Baghdad, ...": where the words were said, not where the happening was."""
        root = phrase_root(self.sx.doc, m.start, m.end) if self.available else None
        t = root
        for _ in range(6):
            if t is None or t.head.i == t.i:
                return False
            t = t.head
            if start <= t.i < end:
                return False
            if t.lower_ in _SPEECH_WORDS:
                return True
            if t.dep_ not in ("prep", "pobj", "acl", "compound") and self.sx.heads_clause(t):
                return False
        return False

    def local_police(self, mentions: Sequence[Mention], start: int, end: int) -> Mention | None:
        """Return the town or province naming the police that carry out the trigger's happening
        ("Basra police arrested three men", "Diyala police foiled an attack"): a town's police act
        in it. Not police that only report it ("Kirkuk police said gunmen killed ..."), whose
        clause is another."""
        if not self.available:
            return None
        head = trigger_head(self.sx.doc, start, end)
        verb = self.sx.clause_verb(head)
        for m in mentions:
            if entity_type_of(self.ctx, m) is not EntityType.PLACE:
                continue
            root = phrase_root(self.sx.doc, m.start, m.end)
            if root is None or root.dep_ not in ("compound", "nmod", "poss") or root.head.lower_ not in _POLICE_WORDS:
                continue
            force = root.head
            if force.dep_ in ("nsubj", "nsubjpass", "agent", "pobj") and force.head.i in (verb.i, head.i) \
                    or (force.dep_ == "pobj" and force.head.head.i in (verb.i, head.i)):
                return m
        return None

    def host_clause(self, doc: Any, start: int, end: int) -> tuple[int, int] | None:
        """Return the character span of the relative or participial clause the trigger is told in
        when that clause describes a person or thing of another clause ("held a funeral in Najaf for
        members *who were killed in a strike*", "gathered in Karbala to bury commanders *killed in a
        strike*"): the other clause's places are where that clause's happening was, not this one's.
        None when the trigger is in no such clause, when the clause describes a happening ("an
        attack in Kirkuk that killed three") or what it was done with ("a drone launched from Iraq
        struck Erbil"), or a place ("the region that fell to ISIS in 2014"), or
        when the other clause only reports it ("police said three men who were kidnapped ...")."""
        if not self.available:
            return None
        t = trigger_head(doc, start, end)
        while t.head.i != t.i:
            host = t.head
            if t.dep_ in ("relcl", "acl") and t.i > host.i:  # a clause on a noun (spaCy's acl, relcl)
                if _on_date_by_misparse(t):
                    return None  # "The attack near Balad on Wednesday, which killed five": the attack's clause
                if host.lower_ in HOST_NOUNS | _HAPPENING_HOSTS | _MEANS_HOSTS | PLACE_NOUNS | SITE_NOUNS \
                        or ((owned := self.sx.mention_at(host)) is not None
                            and entity_type_of(self.ctx, owned) in PLACE_TYPES):
                    return None  # "the region that fell to ISIS", "the outpost, established as ...": there
                outer = self.sx.clause_verb(host)
                if outer.lower_ in REPORT_VERBS:
                    return None
                last = doc[t.right_edge.i]
                return doc[t.left_edge.i].idx, last.idx + len(last.text)
            t = host
        return None

    def _sayers(self, doc: Any, start: int, end: int) -> tuple[Token, list[Token]]:
        """Return the trigger's head and the verbs of saying whose reported clause holds it."""
        head = trigger_head(doc, start, end)
        clause = self.sx.clause_verb(head)
        sayers: list[Token] = []
        t = head
        while t.head.i != t.i:  # "X said [that gunmen attacked ...]"
            if t.dep_ in ("ccomp", "parataxis") and t.head.lower_ in REPORT_VERBS:
                sayers.append(t.head)
            t = t.head
        # "Gunmen attacked ..., X said": the parser may hang the saying on the happening's verb
        sayers += [c for c in clause.children if c.dep_ in ("ccomp", "parataxis") and c.lower_ in REPORT_VERBS
                   and c.i > clause.i]
        return head, sayers

    def attribution_spans(self, doc: Any, start: int, end: int) -> list[tuple[int, int]]:
        """Return the character spans of the prepositional phrases of a verb of saying whose
        reported clause holds the trigger ("..., the governor said from Mosul", "officials said in
        Baghdad that ..."): where the speaker was, not where the happening was."""
        if not self.available:
            return []
        head, sayers = self._sayers(doc, start, end)
        out: list[tuple[int, int]] = []
        for verb in sayers:
            for c in verb.children:
                if c.dep_ in ("prep", "agent") and not (c.left_edge.i <= head.i <= c.right_edge.i):
                    out.append((c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)))
        return out

    def speaker_spans(self, doc: Any, start: int, end: int) -> list[tuple[int, int]]:
        """Return the character spans of the phrases on the speaker of a verb of saying whose
        reported clause holds the trigger ("A security official in Sulaimani said two fighters were
        killed near Kirkuk", "Police in Najaf said ..."): where the speaker sits, which says where the
        happening was only when the sentence names no other place."""
        if not self.available:
            return []
        head, sayers = self._sayers(doc, start, end)
        out: list[tuple[int, int]] = []
        for verb in sayers:
            for subject in (c for c in verb.children if c.dep_ == "nsubj"):
                for c in subject.children:
                    if c.dep_ in ("prep", "acl", "relcl") and c.i > subject.i \
                            and not (c.left_edge.i <= head.i <= c.right_edge.i):
                        out.append((c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)))
        return out

    def is_topic(self, m: Mention) -> bool:
        """Return True for a place a development is about, not where it happened: inside a phrase
        of a reason or a topic ("sanctioned X for abuses in Nineveh", "talks over Kirkuk") or the
        "of" object of a word that is no place ("fears of Iran being able to ...", not "the city of
        Basra")."""
        t = phrase_root(self.sx.doc, m.start, m.end) if self.available else None
        if t is None:
            return False
        while t.dep_ in ("compound", "poss", "nmod", "amod") and t.head.i != t.i:
            t = t.head
        if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.i != t.head.i \
                and t.head.head.lower_ not in PLACE_NOUNS | SITE_NOUNS and self.sx.mention_at(t.head.head) is None:
            return True
        while t.head.i != t.i:
            t = t.head
            if t.dep_ == "prep" and t.lower_ in ("for", "over", "about"):
                return True
        return False

    def national_land(self, sent: Any) -> str | None:
        """Return the country a nationality adjective on a word of land names ("took to the Iraqi
        streets", "struck a depot on Syrian territory", "in Iraqi airspace") after a preposition
        of place, when the sentence names one such country; else None."""
        if not self.available:
            return None
        found = {self.demonyms[t.text] for t in sent if t.dep_ == "amod" and t.text in self.demonyms
                 and t.head.lower_ in LAND_NOUNS and t.head.dep_ == "pobj"
                 and t.head.head.lower_ in PLACE_PREPS + ("to",)}
        return found.pop() if len(found) == 1 else None

    def describes_other(self, m: Mention, trigger: int | None = None) -> bool:
        """Return True for a place or country that only describes something else in its sentence.

        A town written before the happening's own noun (``trigger``, a token index: "five killed in
        Diyala attack") names where it was, as it does before a site ("a Kirkuk checkpoint").

        "Iran's Supreme Leader", "US operations in Yemen", "the Iraqi capital's streets": a
        possessive or compound modifier of a noun that is not itself a place (a district, a
        province ...), and a country that is the subject or object of a clause (a participant
        written as a place). Such a mention is not where an event happened.
        """
        root = phrase_root(self.sx.doc, m.start, m.end) if self.available else None
        if root is None:
            return False
        if root.dep_ in ("poss", "compound", "amod", "nmod", "npadvmod") and root.head is not root:
            head = root.head
            owned = self.sx.mention_at(head)
            if owned is not None and owned.start != m.start:
                # "Iran's IRGC", "Iran's Supreme Leader Khamenei": describes a participant; "Iraq's
                # Kurdistan region" (a place in a place) still locates
                return entity_type_of(self.ctx, owned) not in PLACE_TYPES
            # the happening's noun, or the one it happened "in" ("five killed in Diyala attack")
            own = head.lower_ in HOST_NOUNS and trigger is not None and (head.i == trigger or (
                head.dep_ == "pobj" and head.head.lower_ == "in" and head.head.head.i == trigger))
            if owned is None and head.lower_ not in PLACE_NOUNS and not _is_place_noun(head) and not (
                    (head.lower_ in SITE_NOUNS or own) and entity_type_of(self.ctx, m) is EntityType.PLACE):
                return True
            if owned is None and head.lower_ in SITE_NOUNS | _OWNED_SITES \
                    and entity_type_of(self.ctx, m) is EntityType.COUNTRY:
                return True  # "a US base", "the US compound": whose the site is, not where
        if entity_type_of(self.ctx, m) is EntityType.COUNTRY and root.dep_ in ("nsubj", "nsubjpass", "dobj"):
            return True
        return _backer(root)

    # -- time ---------------------------------------------------------------------------------
    def attaches(self, doc: Any, trig_start: int, trig_end: int, char_start: int, char_end: int) -> bool:
        """Return True when the phrase at ``[char_start, char_end)`` modifies the trigger's clause.

        Climbs from the phrase's head to the first clause head: it must be the trigger's own
        clause (or the trigger itself, for a noun trigger: "the March 3 raid").
        """
        root = phrase_root(doc, char_start, char_end) if self.available else None
        if root is None:
            return False
        head = trigger_head(doc, trig_start, trig_end)
        clause = self.sx.clause_verb(head)
        t = root
        for _ in range(10):
            if t.i in (head.i, clause.i):
                return True
            if t.head.i == t.i or (self.sx.heads_clause(t) and t.i != root.i):
                return False
            t = t.head
        return False

    def refers_back(self, doc: Any, trig_start: int, trig_end: int) -> bool:
        """Return True for a noun trigger that names another happening the clause is dated by
        ("rockets were fired at the airport days after *the killing* of X"): its victims are not
        the clause's."""
        if not self.available:
            return False
        head = trigger_head(doc, trig_start, trig_end)
        if _answered_phrase(head) is not None:
            return True  # "fired missiles ..., in revenge for the killing of X"
        prep = head.head
        if head.dep_ == "pobj" and prep.lower_ in ("for", "to") and any(
                c.dep_ in ("oprd", "attr", "dobj") and c.lower_ in _ANSWER_NOUNS for c in prep.head.children):
            return True  # "in what it called revenge for the killing of X"
        return head.dep_ == "pobj" and head.head.lower_ in REFERENCE_PREPS and head.head.i != head.i

    def answered_span(self, doc: Any, trig_start: int, trig_end: int) -> tuple[int, int] | None:
        """Return the characters of a noun trigger's phrase when its clause answers it ("ordered
        strikes in February in response to *rocket attacks*", "in retaliation for *the killing* of
        X"): it happened before the clause's happening, so the clause's date is not its date; only
        a date inside its own phrase is ("in response to Sunday's attack"). None otherwise."""
        if not self.available:
            return None
        return _answered_phrase(trigger_head(doc, trig_start, trig_end))

    def answer_spans(self, sent: Any) -> list[tuple[int, int]]:
        """Return the characters of every phrase a sentence's clause answers ("in response to attacks
        on US troops, including a drone attack on a base in Jordan last month"): what they hold is
        the earlier happening's, not the answering one's."""
        if not self.available:
            return []
        return [span for tok in sent if (span := _answered_phrase(tok)) is not None]

    def in_other_clause(self, doc: Any, trig_start: int, trig_end: int, char_start: int, char_end: int) -> bool:
        """Return True when the phrase at ``[char_start, char_end)`` sits in a relative clause
        that describes a participant of the trigger's main clause ("the militia, which was formed
        in 2014, attacked ...", "a group founded in 2007 claimed ..."): it dates that clause's
        happening, not the trigger's. Only for a trigger of the sentence's main clause; a clause
        that describes the trigger noun itself ("the violence that erupted on Monday") dates it."""
        root = phrase_root(doc, char_start, char_end) if self.available else None
        if root is None:
            return False
        head = trigger_head(doc, trig_start, trig_end)
        verb = self.sx.clause_verb(head)
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head  # "X, founded in 2007, has targeted ... and has threatened ...": the main clause
        if verb.dep_ != "ROOT":
            return False
        t = root
        for _ in range(12):
            if t.dep_ in ("relcl", "acl", "appos") and t.head.i != head.i \
                    and not (t.left_edge.i <= head.i <= t.right_edge.i) \
                    and (t.dep_ != "appos" or any(c.dep_ in ("relcl", "acl") for c in t.children)) \
                    and t.left_edge.i > 0 and doc[t.left_edge.i - 1].text == "," \
                    and not _tells_the_happening(t.head, verb):
                # set off by commas: a description ("X, which was formed in 2014,", "X, a group
                # founded in 2007,"), not the report
                return True
            if t.head.i == t.i:
                return False
            t = t.head
        return False

    def dates_other_happening(self, doc: Any, trig_start: int, trig_end: int, char_start: int, char_end: int,
                              violent: bool) -> bool:
        """Return True when the date at ``[char_start, char_end)`` is the possessor of a happening
        noun other than the trigger ("arrested the main suspect in *last week's* assassination",
        "protested over *Sunday's* killing"): it dates that happening. For a ``violent``
        trigger the happening is its own unless a preposition of cause or sequence sets it apart
        ("three soldiers were killed in Sunday's attack" is Sunday's; "killed in revenge for
        Sunday's strike" is not)."""
        root = phrase_root(doc, char_start, char_end) if self.available else None
        if root is None or root.dep_ != "poss":
            return False
        noun = root.head
        head = trigger_head(doc, trig_start, trig_end)
        if noun.i == head.i or trig_start <= noun.i < trig_end \
                or noun.lower_ not in HOST_NOUNS | _HAPPENING_HOSTS | _OTHER_HAPPENINGS:
            return False
        if not violent:
            return True
        prep = noun.head
        return noun.dep_ == "pobj" and prep.lower_ in _SETTING_APART
