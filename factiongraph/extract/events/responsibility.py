"""Who claimed, was blamed for or was said to be behind a happening, and the certainty its report gives it
("claimed responsibility", "accused X of", "blamed the attack on X", "an anonymous source said").
"""

from __future__ import annotations

import re

from collections.abc import Sequence
from typing import Any

from factiongraph.extract.events.event_counts import EventCounts
from factiongraph.extract.events.event_places import entity_type
from factiongraph.extract.events.participants import find_modifiers, is_participant, is_speaker
from factiongraph.extract.events.role_words import ATTACK_NOUNS, DONE_BY
from factiongraph.extract.events.typology import AnyPattern, VIOLENT_TYPES
from factiongraph.extract.view.context import DocContext
from factiongraph.model import Certainty, EntityType, Event, Evidence, Mention


# Words that set two happenings of one sentence apart: time ("after a rocket attack") and cause
# ("strikes ... in response to rocket attacks", "in retaliation for").
# A country written as where something is ("in Iraq", "across Syria"), not who acts.
_IN_PLACE = re.compile(r"\b(?:in|inside|across|throughout|within)\s+(?:the\s+)?$", re.IGNORECASE)


# Verbs of accusing, and the preposition that names the act ("blamed X for", "accused X of").
_ACCUSING = {"blame": "for", "blames": "for", "blamed": "for", "blaming": "for", "accuse": "of", "accuses": "of",
             "accused": "of", "accusing": "of", "hold": "", "holds": "", "held": "", "holding": "",
             "attribute": "to", "attributes": "to", "attributed": "to", "attributing": "to", "suspected": "of",
             "point": "at", "points": "at", "pointed": "at", "pointing": "at"}


# The preposition naming the accused after the act ("blamed the attack on X", "attributed the attack to X",
# "pointed the finger at X").
_ACCUSED_PREP = {"attribute": "to", "attributes": "to", "attributed": "to", "attributing": "to",
                 "point": "at", "points": "at", "pointed": "at", "pointing": "at"}


def _accused_spans(sent: Any) -> list[tuple[int, int]]:
    """Return the character spans of whom a sentence's verb of accusing accuses.

    "US officials blamed X for the attack", "accused X of launching", "held X responsible": the
    object; "the attack was blamed on X", "blamed the attack on X": the object of "on"; "X was
    accused of": the passive subject. The accuser is no actor of the attack.
    """
    spans: list[tuple[int, int]] = []
    for tok in sent:
        if tok.dep_ == "agent" and tok.head.lower_ in DONE_BY and tok.head.i != tok.i:
            # "the attack carried out by Daesh terrorists against Iraqi forces": the agent, not whom
            # the deed was done against
            for obj in (c for c in tok.children if c.dep_ == "pobj"):
                said = {d.i for c in obj.children if c.dep_ in ("appos", "relcl", "acl")
                        or c.dep_ == "prep" and c.lower_ in ("against", "on", "in", "near", "at") for d in c.subtree}
                sub = [d for d in obj.subtree if d.i not in said]
                spans.append((sub[0].idx, sub[-1].idx + len(sub[-1].text)))
            continue
        if tok.lower_ not in _ACCUSING or tok.pos_ == "NOUN":
            continue
        if not _ACCUSING[tok.lower_] and not any(c.lower_ == "responsible" for c in tok.subtree):
            continue  # "held talks": holding is an accusation only with "responsible"
        if tok.lower_.startswith("point") and not any(c.dep_ == "dobj" and c.lower_ == "finger" for c in tok.children):
            continue  # "pointed to the need": pointing accuses only with "the finger"
        # "blamed the strike on X": the parser may hang "on X" on the verb or on the act blamed
        hosts = [tok, *(c for c in tok.children if c.dep_ == "dobj")]
        on = [o for h in hosts for c in h.children if c.dep_ == "prep" and c.lower_ == _ACCUSED_PREP.get(tok.lower_, "on")
              for o in c.children if o.dep_ == "pobj"]
        named = on or [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        for t in named:
            # the accused's own phrase, not what describes it ("militias backed by Iran", "X, an
            # umbrella for factions in which Y plays a role": neither Iran nor Y is accused)
            said = {d.i for c in t.children if c.dep_ in ("appos", "relcl", "acl") for d in c.subtree}
            sub = [d for d in t.subtree if d.i not in said]
            spans.append((sub[0].idx, sub[-1].idx + len(sub[-1].text)))
    return spans


_CLAIMED_BY = re.compile(r"\b(?:an?|the)\s+(?:\w+\s+)?(?:attacks?|strikes?|bombings?|assaults?)\s+"
                         r"(?:(?:was|were|has\s+been|have\s+been|had\s+been)\s+)?"
                         r"(?:later\s+|also\s+|quickly\s+|swiftly\s+|subsequently\s+)?claimed\s+by\b", re.IGNORECASE)


_CLAIM_VERBS = frozenset({"claim", "claims", "claimed", "claiming", "took", "take", "takes", "taking"})


# "accused X of being behind the group", "is behind the little-known faction": a backer, no doer.
_BEHIND_GROUP = re.compile(r"\bbehind\s+(?:(?:the|this|that|a)\s+)?(?:[\w-]+\s+)?(?:groups?|factions?|militias?|"
                           r"outfits?|organi[sz]ations?|movements?|fronts?)\b", re.IGNORECASE)


def _behind_groups(ctx: DocContext, sent: Any, mentions: Sequence[Mention]) -> str:
    """Return the sentence's text with "behind" blanked where a group, not a deed, follows it: "Kurdish
    officials accused X of being behind the group" (or "... behind Saraya Awliya al-Dam") says who
    backs a group, not who carried out the attack."""
    text = ctx.span_text(sent)
    base = sent.start_char
    groups = [m.start - base for m in mentions if base <= m.start < sent.end_char and m.entity_id
              and (e := ctx.entity(m.entity_id)) is not None and e.type is EntityType.ARMED_GROUP]
    for found in reversed(list(re.finditer(r"\bbehind\s+(?:the\s+)?", text, re.IGNORECASE))):
        if _BEHIND_GROUP.match(text, found.start()) or found.end() in groups:
            text = text[:found.start()] + " " * len("behind") + text[found.start() + len("behind"):]
    return text


_SAID_RESPONSIBLE = re.compile(r"\b(?:said|says|stated|announced|admitted|acknowledged)\s+(?:that\s+)?(?:it|they)\s+"
                               r"(?:(?:was|were|is|are|had\s+been)\s+(?:responsible|behind)\b|(?:had\s+)?(?:carried\s+out|"
                               r"conducted|staged|launched)\s+(?:the|this|that|both|these|those)\s+(?:\w+\s+)?(?:attacks?|"
                               r"strikes?|bombings?|assaults?|operations?|killings?)\b)", re.IGNORECASE)


# A claim or a responsibility that is denied or that nobody made.
_DISCLAIMED = re.compile(r"\b(?:no\s+(?:\w+\s+)?(?:group|one|faction|party|organi[sz]ation)|nobody|none)\s+(?:\w+\s+){0,2}?"
                         r"(?:claimed|claims|took|takes|accepted|has\s+claimed|had\s+claimed|has\s+taken|had\s+taken)\b"
                         r"|\b(?:did\s+not|didn't|has\s+not|have\s+not|had\s+not|hasn't|haven't|denied|denies|deny|"
                         r"denying|rejected)\s+(?:\w+\s+){0,4}?(?:claim|claimed|responsib\w*|behind|involvement)\b", re.I)


# "X is behind such attacks", "similar attacks are usually blamed on X": a kind of happening, not
# the one told.
# "Diyala has seen a wave of sectarian killings blamed on X": a run of happenings, none told here
_RUN_BLAME = re.compile(r"\b(?:wave|spate|series|string|campaign|rash)\s+of\s+(?:\w+\s+){0,2}?(?:attacks|strikes|"
                        r"bombings|assaults|killings|assassinations|abductions|kidnappings|shootings)\b", re.I)


_GENERIC_BLAME = re.compile(r"\b(?:such|similar)\s+(?:\w+\s+)?(?:attacks?|strikes?|bombings?|assaults?|killings?|"
                            r"incidents?|operations?)\b|\b(?:attacks?|strikes?|bombings?)\s+(?:like|of\s+this\s+kind)\b"
                            r"|\b(?:usually|often|typically|frequently|routinely|generally|commonly)\b", re.I)


_SAME_GROUP = re.compile(r"\s*(?:the|this|that)\s+(?:same\s+)?(?:group|militia|faction|organi[sz]ation|movement)\b",
                         re.I)


class Responsibility(EventCounts):
    """The responsibility and certainty readings of :class:`EventExtractor`."""

    _anonymous: AnyPattern
    _alleged: AnyPattern
    _claimed: AnyPattern
    _responsibility: AnyPattern

    def _claimers(self, ctx: DocContext, sent: Any) -> list[str]:
        """Return who the parse makes the subject of "claimed responsibility" ("credit") in ``sent``."""
        reader = self._reader(ctx)
        if not reader.available:
            return []
        out: list[str] = []
        for tok in sent:
            # "... claimed responsibility", "X claimed the attack" ("An offshoot of Y called X claimed
            # the attack": X, the subject the parse gives the claim, not Y)
            if tok.lower_ in _CLAIM_VERBS and any(c.dep_ == "dobj" and (c.lower_ in ("responsibility", "credit")
                                                                        or c.lower_ in ATTACK_NOUNS)
                                                  for c in tok.children):
                out.extend(i for i in reader.ids(reader.sx.subjects(tok)) if i not in out)
        return out

    def _without_descriptions(self, ctx: DocContext, sent: Any) -> str:
        """Return the sentence's text without the relative clauses that describe a named group ("the
        attack bore the hallmarks of ISIS, which has carried out similar bombings": the clause tells
        what the group is, not of what kind the attack is)."""
        reader = self._reader(ctx)
        text = ctx.span_text(sent)
        if not reader.available:
            return text
        base = sent.start_char
        cuts = [(t.left_edge.idx - base, t.right_edge.idx + len(t.right_edge.text) - base) for t in sent
                if t.dep_ == "relcl" and reader.sx.mention_at(t.head) is not None]
        for start, end in sorted(cuts, reverse=True):
            text = text[:start] + " " * (end - start) + text[end:]
        return text

    def _attribute_responsibility(self, ctx: DocContext, sent: Any, sents: list[Any], k: int,
                                  mentions: list[Mention], events: list[Event]) -> None:
        """Give "X was responsible for the killings" to the latest violent event nearby."""
        sent_text = ctx.span_text(sent)
        if not self._responsibility.search_any(_behind_groups(ctx, sent, mentions)) and not _CLAIMED_BY.search(sent_text):
            return
        accused = _accused_spans(sent)  # "US officials blamed X for the attack": only X is accused
        if _DISCLAIMED.search(sent_text) and not accused:
            return  # "No group claimed responsibility", "X denied it was behind the attack"
        if _GENERIC_BLAME.search(self._without_descriptions(ctx, sent)) \
                or _RUN_BLAME.search(sent_text) and not self._claimed.search_any(sent_text) \
                and not re.search(r"\blatest\b", sent_text, re.I):
            return  # "Washington has said X is behind such attacks": a kind of happening, not this one
        text = ctx.document.text
        own_claim = _SAID_RESPONSIBLE.search(sent_text) is not None  # "X said it was responsible": the speaker
        # "Iran's Revolutionary Guards were behind the strike": the body named, not the state owning it
        ordered = sorted(self._mentions_of(sents, k, mentions), key=lambda m: (m.start, -m.end))
        owners = {id(ordered[i]) for i, head in find_modifiers(ctx, text, ordered).items()
                  if is_participant(ctx, ordered[head]) and entity_type(ctx, ordered[head]) is not EntityType.PERSON}
        groups = [m.entity_id for m in ordered
                  if m.entity_id and is_participant(ctx, m) and (own_claim or not is_speaker(ctx.spacy_text(), m))
                  and id(m) not in owners
                  and (not accused or any(a <= m.start < b for a, b in accused))
                  and ctx.entity(m.entity_id) is not None
                  and ctx.entities[m.entity_id].type in (EntityType.ARMED_GROUP, EntityType.STATE_BODY,
                                                          EntityType.COUNTRY, EntityType.POLITICAL_ORG)
                  # "... the attack, that targeted 'American occupation' in Iraq": a country as a place
                  and not (ctx.entities[m.entity_id].type is EntityType.COUNTRY
                           and _IN_PLACE.search(text, max(0, m.start - 12), m.start))]
        claimers = self._claimers(ctx, sent)
        if claimers:
            # "This admission from Israel follows a statement from X, which claimed responsibility
            # for ...": the claim's own subject, not every group of the sentence
            groups = [g for g in groups if g in claimers] or groups
        by = _CLAIMED_BY.search(sent_text)
        same_group: list[str] = []
        if by is not None and _SAME_GROUP.match(sent_text, by.end()):
            # "an attack also claimed by the same group": the armed group named last before
            same_group = [m.entity_id for m in mentions if m.end <= sent.start_char and m.entity_id
                          and ctx.entity(m.entity_id) is not None
                          and ctx.entities[m.entity_id].type is EntityType.ARMED_GROUP
                          and m.start >= sents[max(0, k - 3)].start_char][-1:]
            groups = same_group
        if not groups:
            return
        window_start = sents[max(0, k - 2)].start_char
        violent = VIOLENT_TYPES
        if by is not None:  # "rockets were fired at X, an attack claimed by Y": the sentence's own event
            after = sent.start_char + by.end()
            named = same_group or [m.entity_id for m in self._mentions_of(sents, k, mentions)
                                   if m.start >= after and m.entity_id in groups]
            own = [e for e in events if e.evidence[0].start >= sent.start_char and not e.actors
                   and e.type in violent]
            for event in own[-1:]:
                event.actors.extend(g for g in dict.fromkeys(named) if g not in event.targets)
                event.certainty = Certainty.CLAIMED
            if own and named:
                return
        if by is None:  # "X said it was responsible for the rocket fire on the embassy": its own event
            own = [e for e in events if e.evidence[0].start >= sent.start_char and not e.actors
                   and e.type in violent]
            claimed = own_claim or self._claimed.search_any(sent_text)
            for event in own[:1]:
                event.actors.extend(g for g in dict.fromkeys(groups) if g not in event.targets)
                if claimed:
                    event.certainty = Certainty.CLAIMED
                elif event.certainty is Certainty.REPORTED:
                    event.certainty = Certainty.ALLEGED  # "officials said X was behind the attack"
            if own:
                return
        # "X has endorsed Tuesday's attack": the dated reference names the event, however far back
        dated = {e.date_start for e in events if e.evidence[0].start >= sent.start_char and e.date_start
                 and e.attrs.get("date_text") and e.attrs.get("date_basis", "") != "undated: publication period"}
        for event in reversed(events):
            if event.evidence[0].start >= sent.start_char:
                continue  # the sentence's own (anaphoric) mention; merged later
            if dated and event.date_start not in dated:
                continue
            if event.evidence[0].start < window_start and not dated:
                break
            if event.type in violent or event.sub_type == "Looting/property destruction":
                for g in groups:
                    if g not in event.actors and g not in event.targets:
                        event.actors.append(g)
                follow = ctx.span_text(sents[k + 1]) if k + 1 < len(sents) else ""
                claimed = own_claim or self._claimed.search_any(ctx.span_text(sent))
                if own_claim or claimed and "responsib" in ctx.span_text(sent).lower():
                    event.certainty = Certainty.CLAIMED
                elif self._certainty(ctx.span_text(sent) + " " + follow) is Certainty.ANONYMOUS:
                    event.certainty = Certainty.ANONYMOUS
                elif event.certainty is Certainty.REPORTED:
                    event.certainty = Certainty.ALLEGED
                start, end = self._trim(ctx.document.text, sent.start_char, sent.end_char)
                event.evidence.append(Evidence(ctx.document.doc_id, start, end, ctx.document.text[start:end],
                                               "rule.event-responsibility.v6", 0.6))
                return

    def _certainty(self, text: str) -> Certainty:
        if self._anonymous.search_any(text):
            return Certainty.ANONYMOUS
        if self._alleged.search_any(text):
            return Certainty.ALLEGED
        if self._claimed.search_any(text):
            return Certainty.CLAIMED
        return Certainty.REPORTED
