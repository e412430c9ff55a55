"""What a trigger word's surroundings say before it is taken: its tense and auxiliaries, a blocker or
condition before it, a projection ("threatened to attack"), the words a rule needs near it, one trigger per
rule family, a place word after it, whether it can host an outcome.
"""

from __future__ import annotations

import re

from collections.abc import Sequence
from typing import Any

from factiongraph.extract.events.candidate import Candidate
from factiongraph.extract.events.event_places import entity_type
from factiongraph.extract.events.happening_filters import caused, means_of_a_past_act, set_apart
from factiongraph.extract.events.happening_readings import own_clauses
from factiongraph.extract.events.responsibility import Responsibility
from factiongraph.extract.events.typology import (
    BE_FORMS, DETERMINERS, EventRule, FUNCTION_WORDS, HAVE_FORMS, VIOLENT_TYPES)
from factiongraph.extract.events.verb_readings import absolute_past, ASPECT_PAST, vow_beside_past
from factiongraph.model import EntityType


BLOCKERS = frozenset({"will", "would", "could", "may", "might", "should", "must", "can", "to",
                      "not", "never", "'ll", "wo", "shall"})


PROJECTING = re.compile(r"^(?:threaten\w*|warn\w*|vow\w*|demand\w*|urg\w*|plan\w*|"
                        r"prevent\w*|avoid\w*|risk\w*|fear\w*|prepar\w*|plott\w*)$")


OUTCOME_HOST_SUB_TYPES = frozenset({"Arrests", "Looting/property destruction", "Disrupted weapons use",
                                    "Excessive force against protesters"})


PRECEDENT = re.compile(r"^[^.;]{0,120}?,?\s+as\s+(?:it\s+|they\s+|was\s+)?(?:happened|did|occurred|"
                       r"was\s+the\s+case)\s+(?:after|following|when|in|with|during)\b", re.I)


# "revenge for the killing", "anger over the arrests": what a demand or threat answers happened.
CAUSE_PREPS = frozenset({"for", "over", "after", "following"})


# "demanded the expulsion of US forces during a rally": the frame the demand was made in happened
FRAME_PREPS = frozenset({"during", "at", "amid"})


REFERENCE_WORDS = frozenset({"a", "an", "its", "their", "his", "her", "recent", "last", "latest"})


CONDITIONS = frozenset({"if", "unless", "whether", "lest"})


PASSIVE_LEFT_WINDOW = 20  # tokens searched before a passive trigger for its rule's "near" words


# words for a place taken or lost ("seized the town of Hit")
PLACE_WORDS = frozenset({"town", "city", "village", "district", "area", "territory", "province", "region",
                         "neighbourhood", "neighborhood", "airport", "border", "crossing", "highway", "road",
                         "hill", "mountain", "mountains", "oilfield", "refinery", "dam", "bridge"})


class TriggerChecks(Responsibility):
    """The checks :class:`EventExtractor` runs on a trigger word and its surroundings."""

    @staticmethod
    def _place_object(ctx: Any, reader: Any, verb: Any) -> bool:
        """Return True when the verb's object is a place: a named one or a word for one ("the town of Hit")."""
        for obj in reader.sx.objects(verb):
            if obj.lower_ in PLACE_WORDS:
                return True
            if any(entity_type(ctx, m) in (EntityType.PLACE, EntityType.COUNTRY)
                   for m in reader.names(obj, frozenset(EntityType))):
                return True
        return False

    @staticmethod
    def _can_host_outcome(cand: Candidate) -> bool:
        """Return True if killings or injuries in the sentence can be this event's outcome.

        Violent events, raids, arrests and seizures can kill or wound; a visit, meeting,
        announcement or release cannot, so a killing next to one is a happening of its own.
        """
        rule = cand.rule
        return rule.type in VIOLENT_TYPES or rule.type == "Protests" or rule.sub_type in OUTCOME_HOST_SUB_TYPES

    @staticmethod
    def _is_projected(words: list[str], i: int) -> bool:
        """Return True if a noun trigger is what someone threatens, demands or warns of.

        "threatened Kadhimi with the burning of ...", "called for the arrest of ...": the
        happening is projected, not reported.
        """
        k = i - 1
        while k > 0 and k >= i - 3 and words[k] in DETERMINERS | REFERENCE_WORDS:
            k -= 1
        if k >= 0 and words[k] in CAUSE_PREPS | FRAME_PREPS and k < i - 1:
            return False  # "demanded revenge for the killing": the killing happened
        j = i - 1
        while j >= max(0, i - 8) and words[j] not in (",", ";", ":", "."):
            if PROJECTING.match(words[j]):
                return True
            j -= 1
        return False

    @staticmethod
    def _one_per_family(found: list[Candidate]) -> list[Candidate]:
        """Keep one trigger per event family in a sentence ("detained ... in a raid" is one arrest).

        Verbs beat nouns (their roles are clearer); the other trigger's outcomes are kept.
        """
        best: dict[tuple[str, str, str], Candidate] = {}
        order: list[tuple[str, str, str]] = []
        riot = next((c for c in found if c.rule.type == "Riots"), None)
        if riot is not None:  # "protesters blocked roads and burned tyres": one demonstration, a violent one
            for c in found:
                if c.rule.sub_type == "Peaceful protest":
                    riot.outcomes.extend(c.outcomes)
            found = [c for c in found if c.rule.sub_type != "Peaceful protest"]
        for c in found:
            key = (c.rule.type, c.rule.sub_type, c.rule.label if c.rule.sub_type == "Other" else "")
            held = best.get(key)
            if held is not None and own_clauses(held, c):
                # "Hundreds demonstrated in Nasiriyah, while in Kut dozens of graduates staged a sit-in":
                # two crowds, each with its own clause and subject
                key = (*key[:2], f"{key[2]}#{c.start}")
                held = None
            if held is not None and not c.is_verb and not held.is_verb and set_apart(held, c):
                # "carried out the strike in response to attacks, including a drone attack on a base
                # in Jordan": two happenings of one kind, the second told as the first's cause
                key = (*key[:2], f"{key[2]}#{c.start}")
                held = None
            if held is None:
                best[key] = c
                order.append(key)
            elif c.is_verb and not held.is_verb:
                c.outcomes.extend(held.outcomes)
                best[key] = c
            else:
                held.outcomes.extend(c.outcomes)
        return [best[k] for k in order]

    @staticmethod
    def _match_at(rule: EventRule, tokens: Sequence[Any], words: list[str], i: int) -> tuple[int, str] | None:
        """Return (end index, tag) of a trigger starting at token ``i``; tag NOUN or a VB* tag."""
        for phrase in rule.phrases:
            n = len(phrase.surfaces)
            if i + n <= len(words) and all(words[i + j] in phrase.surfaces[j] for j in range(n)):
                return i + n, phrase.tag_of(words[i:i + n])
            # "have taken to the Iraqi streets": a verb's phrase with a word before its last noun
            if phrase.verbal and n >= 3 and i + n < len(words) and words[i + n - 1].isalpha() \
                    and words[i + n - 1] not in FUNCTION_WORDS and words[i + n] in phrase.surfaces[n - 1] \
                    and all(words[i + j] in phrase.surfaces[j] for j in range(n - 1)):
                return i + n + 1, phrase.tag_of(words[i:i + n - 1] + [words[i + n]])
        tok = tokens[i]
        if words[i] in rule.nouns and (words[i] not in rule.verbs or rule.verbs[words[i]] in ("VB", "VBZ", "VBG")):
            if tok.text[:1].isupper() and tok.i > tokens[0].i and tok.ent_type_ not in ("",):
                return None
            if words[i] not in rule.verbs or not (i > 0 and words[i - 1] in BE_FORMS | HAVE_FORMS):
                return i + 1, "NOUN"
        if words[i] in rule.verbs:
            return i + 1, rule.verbs[words[i]]
        return None

    @staticmethod
    def _context_ok(rule: EventRule, words: list[str], i: int, end: int, passive: bool = False) -> bool:
        # A passive verb's subject comes before it and may be long ("the offices of A, B, C and D
        # have been closed"): its left context reaches back to the clause start (at most 20 tokens).
        left = rule.window if not passive else PASSIVE_LEFT_WINDOW
        if passive:
            stop = max((k for k in range(max(0, i - left), i) if words[k] in (";", ":")), default=-1)
            left = min(left, i - stop - 1)
        lo, hi = max(0, i - max(left, rule.window)), min(len(words), end + rule.window)
        around = set(words[lo:hi])
        if TriggerChecks._far_from(rule, words, i, end):
            return False  # "the photo released by", "released a statement"
        if rule.near and not rule.near_or_participant and not (around & rule.near):
            return False
        return True

    @staticmethod
    def _far_from(rule: EventRule, words: list[str], i: int, end: int) -> bool:
        """Return True when a word the rule must not have near its trigger is within its window."""
        return bool(rule.not_near) and bool((set(words[max(0, i - rule.window):i])
                                             | set(words[end:min(len(words), end + rule.window)])) & rule.not_near)

    @staticmethod
    def _is_passive(words: list[str], i: int, end: int, tag: str) -> bool:
        if tag not in ("VBN", "VBD"):
            return False
        before = words[max(0, i - 3):i]
        # "'s" is "is" only right before the verb or its "been" ("it's been hit"); "Iraq's government
        # condemned", "Iran's Revolutionary Guards fired": a possessive, the verb is active
        own = len(before) - 1 - before[::-1].index("'s") if "'s" in before else -1
        if own >= 0 and not (own == len(before) - 1 or before[own + 1:] in (["been"], ["being"])):
            before = before[own + 1:]
        if HAVE_FORMS & set(before) and not BE_FORMS & set(before[-2:]):
            return False
        if BE_FORMS & set(before):
            return True
        return end < len(words) and words[end] == "by"

    @staticmethod
    def _has_precedent(tokens: Sequence[Any], end: int) -> bool:
        """Return True if an expected happening is said to have happened before.

        "X is expected to release them, as happened after the raid in June": the release is
        projected now but reported for the earlier occasion the clause names.
        """
        if end >= len(tokens):
            return False
        rest = "".join(t.text_with_ws for t in tokens[end:])
        return bool(PRECEDENT.search(rest))

    @staticmethod
    def _is_factual_verb(tokens: Sequence[Any], words: list[str], i: int, tag: str, headline: bool = False) -> bool:
        before = words[max(0, i - 3):i]
        if i > 0 and words[i - 1] == "to" and caused(tokens[i]):
            return True  # "prompting hundreds of his supporters to storm the palace": they stormed it
        if BLOCKERS & set(before) or "n't" in before:
            return False
        j = i - 1
        while j >= 0 and words[j] not in (",", ";", ":"):
            if words[j] in CONDITIONS:
                return False
            j -= 1
        if tag in ("VBD", "VBN"):
            return True
        if tag == "VBG":
            return bool(before) and before[-1] in ("was", "were") or means_of_a_past_act(tokens[i]) \
                or bool(before) and before[-1] in ASPECT_PAST or absolute_past(tokens[i]) \
                or vow_beside_past(tokens[i])
        if headline and tag in ("VBZ", "VB"):
            return True  # a headline's present tense tells what happened: "Gunmen kill activist in Basra"
        # Historical present (captions, other headlines) only with an explicit year in the sentence.
        sentence = "".join(t.text_with_ws for t in tokens)
        if tag in ("VBZ", "VB") and tokens[i].doc.has_annotation("DEP") \
                and tokens[i].dep_ in ("advmod", "prt", "prep", "npadvmod"):
            return False  # "deaths ..., down from 3,000 the year before": the word is no verb with a doer
        return tag in ("VBZ", "VB") and bool(re.search(r"\b(?:19|20)\d\d\b", sentence))
