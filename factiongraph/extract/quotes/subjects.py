"""Who is speaking: named subjects, pronouns and back-references, anonymous and plural sources.

Finds the speaker written before a verb of saying (a name or list of names, "he"/"she",
"it"/"the group", "the official", a bare surname, "an official ... "), after it ("said X, a
consultant at Y", "according to officials of X"), and each speaker's description as first
written next to the name.
"""

from __future__ import annotations

import logging
import re

from factiongraph.extract.view.quoting import is_inside_quote
from factiongraph.extract.view.docview import DocView
from factiongraph.extract.quotes.patterns import (
    _ADVERBS, _PAREN, _SPEAKERS, _SUBJECT_GAP, QuotePatterns, Speaker, singular)
from factiongraph.extract.view.roles import find_role_phrase_before
from factiongraph.model import EntityType, Mention

log = logging.getLogger(__name__)

_GROUP_TYPES = frozenset({EntityType.ARMED_GROUP, EntityType.POLITICAL_ORG, EntityType.INTL_ORG})
_STATE_NOUNS = frozenset({EntityType.STATE_BODY, EntityType.COUNTRY})
# Between a subject and its verb when other names sit in between: an appositive (", the leader
# of X,"), a list tail (", among other groups,"), a reduced relative (" led by X", " fighting X").
_MODIFIER_GAP = re.compile(
    _PAREN + r"\s*(?:,\s*(?:(?:among|including|along\s+with|as\s+well\s+as)\b[^;\"\u201c\u201d]{1,160}?"
    r"|[^,;\"\u201c\u201d]{1,140}),|\s+(?:(?:led|headed|backed|founded|run|funded|supported|"
    r"commanded)\s+by|fighting|operating|based\s+in|known\s+as|calling\s+itself)\b"
    r"[^,;\"\u201c\u201d]{1,80}?)\s*" + _ADVERBS)
# Military and police ranks: a title before a name that says nothing of the speaker's post.
_RANKS = frozenset({"colonel", "col", "general", "gen", "lieutenant", "lt", "major", "maj", "brigadier", "brig",
                    "captain", "capt", "sergeant", "sgt", "lieutenant colonel", "lt. col", "major general",
                    "maj. gen", "brigadier general", "brig. gen", "lieutenant general", "lt. gen"})

# A title that is the object of a preposition describes someone else ("a spokesman for the
# prime minister, Basim al-Awadi").
_OBJECT_OF = re.compile(r"\b(?:for|of|to|with|by)\s+(?:the|a|an|its|his|her|their)?\s*$", re.I)

# How many sentences back "he said" after a quote of several sentences looks for its speaker.
_QUOTE_LOOKBACK = 4
# Capitalised words before a capital's name that are no part of a person's name ("Meanwhile Washington said").
_NOT_NAME_WORDS = frozenset({"meanwhile", "but", "and", "then", "now", "today", "yesterday", "also", "so", "yet",
                             "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                             "however", "still", "since", "while", "when", "as", "the", "in", "on", "at"})
# The sentence after '"...," he said.' that names the speaker: "X made the remarks ...".
_NAMED_AFTER = re.compile(r"\b(?:made\s+the\s+(?:remarks|comments|statement)|(?:remarks|comments|statement)"
                          r"\s+(?:came|were\s+made|was\s+made))\b", re.IGNORECASE)


# "X, which/who said": the relative pronoun's antecedent speaks; "X's office said": X speaks.
_RELATIVE_GAP = re.compile(r"\s*,\s*(?:which|who)\s+" + _ADVERBS)
_OFFICE_GAP = re.compile(r"['\u2019]s\s+(?:(?:media|press|political)\s+)?office\s+" + _ADVERBS)
_APPOSED_NAME_GAP = re.compile(r"\s*,\s*" + _ADVERBS)
# "the Lebanese daily X", "Iran's semi-official news agency X": an outlet's kind before its name.
_OUTLET_DESCRIPTOR = re.compile(r"(?:\b(?:the|an?)\s+)?(?:[\w'\u2019-]+\s+){0,3}?(?:news\s+agency|agency|newspaper|"
                                r"daily|channel|broadcaster|television|network|website|magazine|weekly|"
                                r"outlet|station|radio)\s+$")
# "the IRNA news agency reported": an outlet's kind written after its name.
_OUTLET_NOUN_GAP = re.compile(r"\s+(?:news\s+agency|agency|newspaper|daily|channel|TV|television|"
                              r"website|radio|network|broadcaster)\s+" + _ADVERBS, re.IGNORECASE)
# Where a bare plural source speaks with a verb of saying: in a relative clause ("which officials
# said"), or opening its sentence, after at most a short adverbial ("Meanwhile, witnesses told X").
# "..., officials said" closing an event report is not a statement.
_PLURAL_OPENING = re.compile(r"(?s:.*\b(?:which|that)\s+|[\s\"\u201c]*(?:(?:[\w'\u2019-]+\s+){0,3}[\w'\u2019-]+,\s*)?)")


class QuoteSubjects(QuotePatterns):
    """Find and resolve the speakers of statements (see the module docstring)."""

    # -- speakers before the verb ---------------------------------------------------------
    def speaker_before(self, view: DocView, ms: list[Mention], start: int, vs: int,
                       last: Speaker | None, seen: list[Speaker], roles: dict[str, str],
                       kinds: frozenset[EntityType] = _SPEAKERS) -> tuple[list[Speaker], int]:
        """Return the speakers written before a verb of saying and where the attribution starts.

        ``kinds``: the entity types a named speaker may have (outlets speak only with "reported").
        """
        text = view.text
        pre = text[start:vs]
        named = self.subject_list(view, ms, start, vs, roles, kinds)
        if named:
            first = min((m for m in ms if m.entity_id == named[0].entity_id and m.end <= vs),
                        key=lambda m: abs(vs - m.end), default=None)
            a_start = first.start if first is not None else vs
            phrase = find_role_phrase_before(text, a_start, start, self.lexicon, self.role_heads)
            if phrase:
                return named, phrase[1]
            apposed = re.search(r"(?:^|[,;:]\s+)(?P<np>[^,;:\"\u201c\u201d]{3,80}?),\s*$", text[start:a_start])
            if apposed and self.head_word.search(apposed.group("np")) and len(named) == 1:
                if named[0].role is None:
                    named[0].role = apposed.group("np")  # "Iran's foreign minister, X, said"
                return named, start + apposed.start("np")
            described = _OUTLET_DESCRIPTOR.search(text, max(start, a_start - 60), a_start)
            if described:
                return named, described.start()  # "the Lebanese daily X reported"
            det = re.search(r"\b(?:the|an?)\s+$", text[max(start, a_start - 5):a_start], re.IGNORECASE)
            return named, a_start - (len(det.group()) if det else 0)
        pronoun = re.search(r"\b(?P<p>he|she|they|it|the\s+(?:group|militia|faction|movement|organi[sz]ation|"
                            r"party|alliance|coalition|bloc|ministry|army|military|government))"
                            r"\s+(?:(?:also|later|then|further|again)\s+)?$", pre, re.IGNORECASE)
        if pronoun:
            sp = self.resolve_pronoun(view, pronoun.group("p").lower(), vs, last, seen, roles)
            return ([sp] if sp else []), start + pronoun.start()
        ref = self.anon_ref.search(pre)
        if ref:
            key = self.anon_key(ref.group("head"))
            prior = next((s for s in reversed(seen) if s.anonymous and s.key.split("#")[0] == key), None)
            if prior is not None:
                return [prior], start + ref.start()
        anon = self.anon_np.search(pre)
        if anon:
            np = anon.group("np").strip()
            return [Speaker(None, np, True, self.anon_key(np))], start + anon.start("np")
        plural = self.anon_plural.search(pre)
        if plural and _PLURAL_OPENING.fullmatch(pre, 0, plural.start("np")):
            return [self.plural_source(plural.group("np"))], start + plural.start("np")
        surname = re.search(r"\b(?P<n>[A-Z][\w'-]+(?:-[A-Z][\w'-]+)?)\s+$", pre)
        if surname:
            low = surname.group("n").lower()
            for sp in reversed(seen):
                ent = view.entity(sp.entity_id)
                if ent is not None and ent.type is EntityType.PERSON and any(
                        n.split()[-1].lower() == low for n in [ent.name, *ent.aliases] if n):
                    return [sp], start + surname.start()
        return [], vs

    def subject_list(self, view: DocView, ms: list[Mention], start: int, vs: int,
                     roles: dict[str, str], kinds: frozenset[EntityType] = _SPEAKERS) -> list[Speaker]:
        """Return the named speakers ending right before ``vs`` ("A and B both said")."""
        text = view.text
        before = [m for m in ms if m.end <= vs and (view.type_of(m) in kinds
                                                     or self.is_capital_subject(view, m, start, vs))][::-1]
        index = self.find_subject(text, before, start, vs)
        if index is None:
            return []
        tail_and = index == 1 and re.match(r"['\u2019]s\s", text[before[0].end:before[0].end + 3]) is not None
        before = before[index:]
        chosen = [before[0]]
        role_gap = re.compile(r"\s*(?:,|,?\s*and|&)\s*(?:the\s+)?(?:(?:[\w-]+\s+){0,3}?(?:"
                              + self.head_word.pattern + r")\s+)?", re.IGNORECASE)
        for prev in before[1:]:
            gap = text[prev.end:chosen[-1].start]
            if len(chosen) == 1 and not tail_and and not re.match(r"\s*,?\s*(?:and\b|&)", gap):
                break  # a list of speakers ends "B and C"
            if re.fullmatch(r"\s+(?:[\w-]+\s+){0,2}?(?:" + self.head_word.pattern + r")\s+", gap,
                            re.IGNORECASE):
                continue  # "Iraqioun Movement leader X": the org modifies the speaker's title
            if role_gap.fullmatch(gap) and not re.match(r"['\u2019]s?\s", text[prev.end:prev.end + 3]):
                chosen.append(prev)
            else:
                break
        out = []
        for m in chosen[::-1]:
            eid = str(m.entity_id)
            out.append(Speaker(eid, roles.get(eid), False, eid))
        return out

    def is_capital_subject(self, view: DocView, m: Mention, start: int, vs: int) -> bool:
        """Return True for a city standing for its government right before the verb ("Washington blames").

        The place must open its clause (not "protesters in Baghdad said") and touch the verb.
        """
        if view.type_of(m) is not EntityType.PLACE or not _SUBJECT_GAP.fullmatch(view.text, m.end, vs):
            return False
        name = re.search(r"\b([A-Z][\w'\u2019-]+)[ \t]+$", view.text[max(0, m.start - 40):m.start])
        if name is not None and name.group(1).lower() not in _NOT_NAME_WORDS:
            return False  # "Renad Mansour, who heads ..., said": a person whose surname is a place's name
        lead = view.text[start:m.start]
        return bool(re.search(r"(?:^|[,;]\s*|\b(?:which|that|and|but)\s+)$", lead)) and \
            not re.search(r"\b(?:in|at|from|of|near|to|into)\s+(?:the\s+)?$", lead, re.IGNORECASE)

    def find_subject(self, text: str, before: list[Mention], start: int, vs: int) -> int | None:
        """Return the index (in ``before``, nearest first) of the mention that is the verb's subject.

        The nearest name when only adverbs, a parenthesis or an appositive separate it from the
        verb; a name written as an appositive itself ("Iran's foreign minister, X, said"); the
        antecedent of "which"/"who"; the owner of an office ("X's office said"); else an earlier
        name whose modifier holds the nearer names ("X, the spokesman for Y, said").
        """
        if not before:
            return None
        near = before[0]
        possessive = re.match(r"['\u2019]s?\s", text[near.end:near.end + 3])
        if _OFFICE_GAP.fullmatch(text, near.end, vs) or _OUTLET_NOUN_GAP.fullmatch(text, near.end, vs):
            return 0
        if not possessive and (_SUBJECT_GAP.fullmatch(text, near.end, vs)
                               or _RELATIVE_GAP.fullmatch(text, near.end, vs)):
            return 0
        if _APPOSED_NAME_GAP.fullmatch(text, near.end, vs) and re.search(
                r"\w\s*,\s*(?:the\s+)?$", text[max(start, near.start - 80):near.start]) and \
                not re.search(r"\band\s+$", text[max(start, near.start - 8):near.start]):
            return 0
        if possessive and len(before) > 1 and re.fullmatch(r"['\u2019]s\s+(?:[\w-]+\s+){1,2}" + _ADVERBS,
                                                          text[near.end:vs]) and re.fullmatch(
                r"\s*,?\s*and\s+(?:the\s+)?", text[before[1].end:near.start]):
            return 1  # "A, B and Iraq's neighbours condemned": the named members of the list speak
        for i, cand in enumerate(before[1:4], start=1):
            if re.match(r"['\u2019]s?\s", text[cand.end:cand.end + 3]):
                continue
            if _MODIFIER_GAP.fullmatch(text, cand.end, vs):
                return i
        return None

    # -- speakers after the verb, back-references ----------------------------------------
    def speaker_after(self, view: DocView, ms: list[Mention], pos: int, end: int,
                      roles: dict[str, str], according: bool = False,
                      kinds: frozenset[EntityType] = _SPEAKERS) -> tuple[Speaker, int] | None:
        """Return the speaker named right after ``pos`` ("said X, a consultant at Y") and its end.

        After "according to", bare plurals count too: "officials of X" is X (role "officials"),
        "rights groups" an anonymous source.
        """
        text = view.text
        lead = re.match(r"\s+(?:the\s+)?", text[pos:end])
        at = pos + (lead.end() if lead else 0)
        anon = re.match(r"(?P<np>(?:an?|one|two|three|four|several)\s+(?:[\w'-]+\s+){0,4}?(?:" + self.source_word.pattern +
                        r")(?:\s+(?:in|at|with|from|of)\s+(?:the\s+)?[\w'-]+(?:\s+[\w'-]+){0,2})?)",
                        text[at:end], re.IGNORECASE)
        plural = self.plural_after.match(text, at, end) if according else None
        if plural is not None:
            owner = next((m for m in ms if m.start == plural.end() and view.type_of(m) in kinds), None)
            if owner is not None and plural.group("of"):
                eid = str(owner.entity_id)
                return Speaker(eid, plural.group("np"), False, eid), owner.end
            if owner is None and not plural.group("of"):
                return self.plural_source(plural.group("np")), plural.end("np")
        head = re.match(r"(?:[\w-]+\s+){0,5}?", text[at:end])
        for m in ms:
            if at <= m.start <= at + (head.end() if head else 0) + 40 and view.type_of(m) in kinds:
                if anon and m.start < at + anon.end():
                    break  # "a Kataib Hezbollah official": the group names the source's side
                titled = self._title_set_off(text, at, m) if view.type_of(m) is EntityType.PERSON else None
                if m.start > at and titled is None and not find_role_phrase_before(
                        text, m.start, at, self.lexicon, self.role_heads):
                    return None
                eid = str(m.entity_id)
                if titled is not None:  # "quoted the interior minister, X, as saying": X, so described
                    app = self.appositive(text, m.end, end)
                    return Speaker(eid, titled, False, eid), app[1] if app else m.end
                app = self.appositive(text, m.end, end)
                phrase_end = app[1] if app else m.end
                return Speaker(eid, roles.get(eid), False, eid), phrase_end
        if anon:
            np = anon.group("np")
            return Speaker(None, np, True, self.anon_key(np)), at + anon.end()
        return None

    def is_plural_source(self, sp: Speaker) -> bool:
        """Return True for an anonymous source written in the plural ("two officials", "the sources")."""
        heads: list[str] = self.anon_head.findall(sp.role or "")
        if heads:
            return singular(heads[-1].lower()) != heads[-1].lower()
        head = sp.key.split("#")[0].removeprefix("anon:")  # "Other factions": key anon:faction
        return any(w != head and singular(w) == head for w in (sp.role or "").lower().split())

    def plural_source(self, np: str) -> Speaker:
        """Return the anonymous speaker of a bare plural ("US officials", "witnesses")."""
        return Speaker(None, np.strip(), True, self.anon_key(np))

    def resolve_pronoun(self, view: DocView, pronoun: str, pos: int, last: Speaker | None,
                        seen: list[Speaker], roles: dict[str, str]) -> Speaker | None:
        """Return who "he"/"she"/"they" is: the last speaker when it fits, else a recent name."""
        def is_person(sp: Speaker | None) -> bool:  # "he"/"she": one person, never "two officials"
            ent = view.entity(sp.entity_id) if sp is not None else None
            return sp is not None and ((sp.anonymous and not self.is_plural_source(sp))
                                       or (ent is not None and ent.type is EntityType.PERSON)
                                       or sp.key.startswith("desc-person:"))
        pronoun = " ".join(pronoun.split())
        if pronoun in ("he", "she"):
            if is_person(last):
                return last
            recent = [m for m in view.recent_mentions(pos, 1) if view.type_of(m) is EntityType.PERSON
                      and not is_inside_quote(view.text, m.start)]
            if not recent:  # '"... . ...," he said': the quote's first sentences name nobody
                recent = [m for m in view.recent_mentions(pos, _QUOTE_LOOKBACK) if view.type_of(m) is EntityType.PERSON
                          and not is_inside_quote(view.text, m.start)]
            if recent:
                pick = self._subject_first(view, recent, pos)
                eid = str(pick.entity_id)
                return Speaker(eid, roles.get(eid), False, eid)
            earlier = next((s for s in reversed(seen) if is_person(s)), None)
            return earlier if earlier is not None else self.person_named_after(view, pos, roles)
        if pronoun == "they" and last is not None:
            ent = view.entity(last.entity_id)
            if not last.anonymous and ent is not None and ent.type is EntityType.PERSON:
                return None  # one named person is never "they" ("X said ... The factions ... They say")
            return last
        if pronoun != "they" and last is not None and not last.anonymous and not is_person(last):
            return last  # "it said", "the group said": the organisation that spoke last
        lookback = 1
        if re.search(r"[\"\u201d]", view.text[max(0, pos - 40):pos]):
            lookback = _QUOTE_LOOKBACK  # '"... . ...," the statement said': the quote names no one
        groups = [m for m in view.recent_mentions(pos, lookback) if view.type_of(m) in _SPEAKERS
                  and view.type_of(m) is not EntityType.PERSON and not is_inside_quote(view.text, m.start)]
        if pronoun.startswith("the "):
            wanted = _STATE_NOUNS if pronoun.split()[-1] in ("ministry", "army", "military", "government") \
                else _GROUP_TYPES
            groups = [m for m in groups if view.type_of(m) in wanted]
        if groups:
            eid = str(groups[-1].entity_id)
            return Speaker(eid, roles.get(eid), False, eid)
        return None

    @staticmethod
    def _subject_first(view: DocView, recent: list[Mention], pos: int) -> Mention:
        """Return the person "he"/"she" opening a sentence most likely means among ``recent``: the
        subject of the sentence before when the latest name is only its object or complement ("X
        met Y in Najaf. She told reporters ..." -> X), else the latest name."""
        latest = recent[-1]
        syn = view.ctx.syntax()
        idx = view.sentence_index(pos)
        opening = re.sub(r"[\"\u201c][^\"\u201c\u201d]*[\"\u201d]", " ", view.text[view.sentences[idx][0]:pos])
        if not syn.available or idx < 1 or opening.strip(" ,\n").lower() not in ("he", "she"):
            return latest  # (a quotation before the pronoun names no one: '"...," he said')
        before = view.sentences[idx - 1]
        in_before = [m for m in recent if before[0] <= m.start < before[1]]
        if not in_before or latest is not in_before[-1]:
            return latest
        if syn.is_subject(latest):
            return latest
        subject = next((m for m in in_before if syn.is_subject(m)), None)
        return subject if subject is not None else latest

    def person_named_after(self, view: DocView, pos: int, roles: dict[str, str]) -> Speaker | None:
        """Return the person the next sentence says made the remarks ('"...," he said. X made the remarks').

        Only when that sentence says so in words (`_NAMED_AFTER`) and names one person first.
        """
        idx = view.sentence_index(pos)
        if idx < 0 or idx + 1 >= len(view.sentences):
            return None
        start, end = view.sentences[idx + 1]
        if not _NAMED_AFTER.search(view.text, start, end):
            return None
        person = next((m for m in view.in_sentence(start, end) if view.type_of(m) is EntityType.PERSON
                       and m.entity_id and not is_inside_quote(view.text, m.start)), None)
        if person is None:
            return None
        eid = str(person.entity_id)
        return Speaker(eid, roles.get(eid), False, eid)

    # -- descriptions ---------------------------------------------------------------------
    def _title_set_off(self, text: str, at: int, m: Mention) -> str | None:
        """Return the title written before a person's name and set off from it by a comma, when it
        is all there is between ``at`` and the name ("the interior minister, X"), else None."""
        gap = re.fullmatch(r"(?P<title>[^,;\"\u201c\u201d]{2,80}?)\s*,\s*", text[at:m.start])
        if gap is None:
            return None
        found = find_role_phrase_before(text, at + gap.end("title"), at, self.lexicon, self.role_heads)
        if found is None or found[1] != at:
            return None
        return re.sub(r"^(?:the|a|an)\s+", "", found[0], flags=re.IGNORECASE)

    def appositive(self, text: str, pos: int, end: int, person: bool = False) -> tuple[str, int] | None:
        """Return the description after a name (", a consultant at Y,", ", Iraq's national security
        adviser,") and where it ends. After a ``person``'s name any indefinite noun phrase
        describes them (", a farmer from a nearby village,")."""
        match = re.match(
            r",\s+(?:(?:who|which)\s+(?:is|was|are)\s+)?(?P<np>(?:an?|the|one|[A-Z][\w.-]*(?:\s+[\w.-]+){0,3}?['\u2019]s)\s+"
            r"[^,.;:\"\u201c\u201d]{2,110}?)"
            r"(?=\s*(?:,|\.|;|:|$|\s+(?:told|said|says|concluded|added)\b))", text[pos:end])
        if match is None:
            return None
        np = match.group("np")
        if not (self.head_word.search(np) or np.lower().startswith("one of") or (
                person and re.match(r"an?\s+[a-z0-9]", np))):
            return None
        if re.search(r"^(?:(?!\b(?:that|which|who)\b).)*\b(?:was|were|is|are|has|have|had|will|would)\b", np):
            return None  # "According to X, the commander was killed ...": a clause, not a description
        return np, pos + match.end("np")

    def untitled_appositive(self, text: str, pos: int, end: int) -> tuple[str, int] | None:
        """Return a description without an article after a person's name, starting in lower case
        (", director of the Iraqi Observatory for Human Rights, told ..."), and where it ends."""
        match = re.match(
            r",\s+(?P<np>[a-z][^,.;:\"\u201c\u201d]{2,110}?)"
            r"(?=\s*(?:,|\.|;|:|$|\s+(?:told|said|says|concluded|added)\b))", text[pos:end])
        if match is None:
            return None
        np = match.group("np")
        head = self.head_word.search(np)
        if head is None or len(np[:head.start()].split()) > 2 or re.match(r"(?:who|which|and|or|but)\b", np):
            return None  # the title opens the phrase ("deputy head of ..."), no clause, no list
        return np, pos + match.end("np")

    def bare_appositive(self, text: str, pos: int, end: int) -> tuple[str, int] | None:
        """Return a description without an article set off after a name (", Coalition spokesman,")."""
        match = re.match(r",\s+(?P<np>[^,.;:\"\u201c\u201d]{2,60}?)(?=\s*,)", text[pos:end])
        if match is None or not self.head_word.search(match.group("np")):
            return None
        return match.group("np"), pos + match.end("np")

    def describe_speakers(self, view: DocView) -> dict[str, str]:
        """Return each entity's description as first written next to its name in the document."""
        roles: dict[str, str] = {}
        text = view.text
        for start, end in view.sentences:
            for m in view.in_sentence(start, end):
                eid = str(m.entity_id)
                if eid in roles or view.type_of(m) not in _SPEAKERS or m.producer.startswith(
                        "rule.definite-reference"):
                    continue
                phrase = find_role_phrase_before(text, m.start, start, self.lexicon, self.role_heads)
                inner = [o for o in view.in_sentence(phrase[1], m.start) if o.start >= phrase[1]
                         and view.type_of(o) is EntityType.PERSON] if phrase is not None else []
                if phrase is not None and inner:
                    # "Prime Minister X and US President Y": Y's title starts after X
                    rest = re.sub(r"^[\s,]*(?:and\s+)?", "", text[inner[-1].end:m.start]).strip()
                    phrase = (rest, m.start - len(rest) - 1) if rest and self.head_word.search(rest) else None
                if phrase is None and view.type_of(m) is EntityType.PERSON:
                    # "the new prime minister, Mustafa al-Kadhimi", "The interior ministry spokesman,
                    # Brig. Gen. Saad Maan": the title set off by a comma (and a rank)
                    before = self.lexicon.honorific_tail.sub("", text[max(start, m.start - 60):m.start])
                    comma = re.search(r",\s*$", before)
                    if comma is not None:
                        at = m.start - (len(text[max(start, m.start - 60):m.start]) - comma.start())
                        phrase = find_role_phrase_before(text, at, start, self.lexicon, self.role_heads)
                        if phrase is not None and _OBJECT_OF.search(text, max(start, phrase[1] - 30), phrase[1]):
                            phrase = None  # "a spokesman for the prime minister, X": X is the spokesman
                app = self.appositive(text, m.end, end, view.type_of(m) is EntityType.PERSON)
                ranked = phrase is None and self.lexicon.honorific_tail.search(" " + text[max(start, m.start - 30):m.start])
                if app is None and (ranked or phrase is not None and phrase[0].lower().rstrip(".") in _RANKS):
                    app = self.bare_appositive(text, m.end, end)  # "Colonel X, Coalition spokesman,"
                if app is None and phrase is None and view.type_of(m) is EntityType.PERSON:
                    app = self.untitled_appositive(text, m.end, end)  # "X, director of Y, told ..."
                if phrase is not None and view.type_of(m) is EntityType.PERSON and not (
                        app is not None and phrase[0].lower().rstrip(".") in _RANKS):
                    roles[eid] = phrase[0]  # "Colonel X, Coalition spokesman": the rank is not the role
                    continue
                if app is not None:
                    roles[eid] = app[0]
        return roles
