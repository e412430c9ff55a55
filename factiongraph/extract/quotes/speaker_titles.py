"""Speakers told by a title: a named head with its title, the person an office's title points to in the
document or the KB ("the Asaib leader", "the former premier"), a title varied later, a definite
organisation ("the ministry"), a named spokesperson.
"""

from __future__ import annotations

import re

from factiongraph.extract.quotes.patterns import singular, Speaker
from factiongraph.extract.quotes.speaker_descriptions import (
    DEFINITE, GENERIC_TITLES, GROUP_NOUNS, LEADER_WORDS, NEAR_PREPS, SpeakerDescriptions, STATE_NOUNS, Token)
from factiongraph.extract.view.docview import DocView
from factiongraph.extract.view.quoting import is_inside_quote
from factiongraph.extract.view.syntax import Syntax
from factiongraph.model import Entity, EntityType, Mention


class SpeakerTitles(SpeakerDescriptions):
    """Reads speakers told by their titles."""

    @staticmethod
    def _title_owners(view: DocView, syn: Syntax, tok: Token) -> list[str]:
        """Return the organisations a title's own words name ("the Asaib leader", "the PMF chief")."""
        return [str(m.entity_id) for m in syn.phrase_mentions(tok, appositions=False)
                if m.entity_id and m.end <= tok.idx and view.type_of(m) in GROUP_NOUNS | STATE_NOUNS]

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

    def _serves_a_group(self, eid: str) -> bool:
        """Return True when the knowledge base gives a person a role in an armed group, party or
        international body."""
        record = self.kb.get(eid)
        return record is not None and any((of := self.kb.get(str(r.get("of")))) is not None and of.type in GROUP_NOUNS
                                          for r in record.attributes.get("roles", ()))

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
                tok.lower_ in self.role_head_words or tok.lower_ in self.spokes_nouns or tok.lower_ in GENERIC_TITLES):
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
            if t.dep_ == "prep" and t.lower_ in NEAR_PREPS:
                return None
            t = t.head
        eid = str(m.entity_id)
        return Speaker(eid, roles.get(eid), False, eid)

    def _same_office(self, title: str, described: str) -> bool:
        """Return True when ``described`` holds a title of the same office as ``title`` (``office_synonyms``:
        "the MP" for "Lawmaker X", "the deputy" for "MP X")."""
        return any(re.search(rf"\b{re.escape(w)}\b", described) for w in self.office_synonyms.get(title, ()))

    def _title_holder(self, view: DocView, tok: Token, pos: int, seen: list[Speaker], roles: dict[str, str]
                      ) -> Speaker | None:
        """Return the person a definite title means ("the prime minister said", "the cleric").

        The latest person speaker, else person named in the eight sentences before, whose
        description in this document holds the title ("Prime Minister Mustafa al-Kadhimi").
        """
        if not any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE) for c in tok.children):
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

    def _org_leader(self, view: DocView, syn: Syntax, tok: Token, pos: int, last: Speaker | None,
                    seen: list[Speaker], roles: dict[str, str]) -> Speaker | None:
        """Return the person "its leader" / "the group's leader" / "X's chief" is: the one person named
        before whose description holds a leading title and the organisation's name ("The leader of
        Asaib Ahl al-Haq, Qais al-Khazali, said ... The group's leader also dismissed ...")."""
        if tok.lower_ not in LEADER_WORDS:
            return None
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if owner is None:
            return None
        m = syn.mention_at(owner)
        org: str | None = None
        if m is not None and m.entity_id and view.type_of(m) in GROUP_NOUNS | STATE_NOUNS:
            org = str(m.entity_id)
        elif owner.lower_ == "its" or owner.lower_ in self.group_nouns:
            sp = self.resolve_pronoun(view, "it" if owner.lower_ == "its" else f"the {owner.lower_}", pos, last,
                                      seen, roles)
            ent = view.entity(sp.entity_id) if sp is not None else None
            org = ent.entity_id if ent is not None and ent.type in GROUP_NOUNS | STATE_NOUNS else None
        else:
            return None
        described = {**roles, **{str(sp.entity_id): sp.role for sp in seen if sp.entity_id and sp.role}}
        found: dict[str, str] = {}
        for pm in view.mentions:
            eid = str(pm.entity_id)
            if pm.start >= pos or not pm.entity_id or view.type_of(pm) is not EntityType.PERSON or eid in found:
                continue
            role = (described.get(eid) or "").lower()
            if not any(w in role.replace("-", " ").split() or w in role for w in LEADER_WORDS):
                continue
            owned = [om for om in view.mentions if om.entity_id and om.entity_id != pm.entity_id
                     and view.type_of(om) in GROUP_NOUNS | STATE_NOUNS
                     and view.text[om.start:om.end].lower() in role]
            if any(str(om.entity_id) == org for om in owned) or (org is None and owned):
                found[eid] = described[eid]
        if len(found) != 1:
            return None
        eid, role = next(iter(found.items()))
        return Speaker(eid, role, False, eid)

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
            if any((e := view.entity(o)) is not None and e.type in GROUP_NOUNS for o in owners) and \
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
        if role and not titled and low not in heads and low not in GENERIC_TITLES:
            return None  # described as another office ("prime minister" is not "the president")
        if low in heads and " ".join(words) not in role and not titled:
            return None  # the same head, another office ("foreign minister" is not "the prime minister")
        return next((sp for sp in reversed(seen) if sp.entity_id == eid),
                    Speaker(eid, roles.get(eid) or self.role_text(view, tok), False, eid))

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
        wanted = STATE_NOUNS if noun in ("ministry", "army", "military", "government") else GROUP_NOUNS
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
