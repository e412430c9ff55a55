"""Event extraction: rule families from ``rules/events.yaml`` applied sentence by sentence.

The decision is split from the assembly (STYLE section 4): :meth:`EventExtractor.find_candidates`
finds triggers that pass the factuality filters (past or perfect verbs, no modal, infinitive,
negation or condition; nouns only with a concrete anchor); :meth:`EventExtractor.build_event`
turns a candidate into an ``Event`` (roles, counts, date, place, certainty); then
:func:`factiongraph.extract.events.coref.merge_in_document` folds repeated descriptions into one event.
Only body and caption blocks are read: comments and boilerplate never yield events.

Roles: with a dependency parse the subject of the trigger (or of the verb governing a noun
trigger) gives the actors; otherwise position does ("by X" = actor, "on/against/of X" = target,
subject side vs object side of the trigger, flipped for passives).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace
from datetime import date
from collections.abc import Iterator, Sequence
from typing import Any

from factiongraph.extract.view.context import DocContext
from factiongraph.extract.events.bodies import without_bodies_country
from factiongraph.extract.events.casualties import (carry_lead_toll, coordinated_casualties, follow_up_casualties,
                                                     stated_figures, toll_told_first)
from factiongraph.extract.events.counts import NUMBER_WORDS, number_value, sentence_counts, toll_update
from factiongraph.extract.events.count_scope import (in_earlier_happening, in_other_happening, in_referred_happening,
                                                     is_tally)
from factiongraph.extract.events.coref import (exact_day, is_same_family, is_undated, lend_headline_roles,
                                               make_event_id, merge_events, merge_in_document)
from factiongraph.extract.events.typology import (
    PAST_FORMS,
    BE_FORMS,
    DETERMINERS,
    FUNCTION_WORDS,
    HAVE_FORMS,
    VIOLENT_TYPES,
    AnyPattern,
    EventRule,
    RuleSet,
    load_event_rules,
    surface_set,
)
from factiongraph.extract.events.participants import (add_outcome_roles, assign_roles, find_means_actors, find_modifiers,
                                                is_participant, is_speaker, one_state_side)
from factiongraph.extract.view.dateline import dateline_end, dateline_end_in_line, dateline_place
from factiongraph.extract.view.quoting import is_inside_speech
from factiongraph.extract.dates.anchoring import YearGuess, choose_date, infer_year, resolve_event_date, spoken_day_shift
from factiongraph.extract.dates.expressions import (Anchor, DateMatch, RawDate, find_dates, parse_published, scan_dates,
                                                   value_of)
from factiongraph.extract.place.locate import (ADMIN_LEVELS, Location, ancestor_ids, as_entity, find_coordinates,
                                               locate_event, locate_span, place_contains, rank_place, story_country)
from factiongraph.extract.events.titles import title_organisations
from factiongraph.extract.events.deaths import date_by_recorded_death
from factiongraph.extract.events.told_dates import (date_before_by_span, date_told_later, months_after_clause,
                                                    series_period, set_apart_tokens)
from factiongraph.extract.events.told_places import place_told_later, told_place_verb
from factiongraph.extract.events.arguments import ArgumentReader, trigger_head
from factiongraph.extract.events.role_words import ANNOUNCE_VERBS, ATTACK_NOUNS, DONE_BY, SELF_CHANGES
from factiongraph.kb import KnowledgeBase
from factiongraph.extract.events.verb_readings import (ASPECT_PAST, CONTRAST_MARKS, IRREGULAR_PAST, STAGING_VERBS,
                                                        absolute_past, agent_of_conjoined, asked_for, deadline_given,
                                                        reputation_of,
                                                        topic_of, vow_beside_past, warning_as_speech_tag)
from factiongraph.model import Certainty, DatePrecision, EntityType, Event, Evidence, Mention
from factiongraph.model.numeric_dates import choose_order

log = logging.getLogger(__name__)

BLOCKERS = frozenset({"will", "would", "could", "may", "might", "should", "must", "can", "to",
                      "not", "never", "'ll", "wo", "shall"})
PROJECTING = re.compile(r"^(?:threaten\w*|warn\w*|vow\w*|demand\w*|urg\w*|plan\w*|"
                        r"prevent\w*|avoid\w*|risk\w*|fear\w*|prepar\w*|plott\w*)$")
NOUN_MODIFIED = frozenset({"organiser", "organisers", "organizer", "organizers", "leader", "leaders",
                           "movement", "movements", "activist", "activists", "commander", "commanders",
                           "camp", "camps", "site", "sites", "squad", "squads", "unit", "units",
                           # "riot police fired tear gas", "in riot gear": a kind of force or kit
                           "police", "policemen", "gear", "shields", "control"})
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
# "the area", "the same town", "there": a place told before. Not a place the phrase names itself ("the
# province of Nineveh"), nor the "there" of "there is/has been" (existential, no place).
DEICTIC_PLACE = re.compile(r"\b(?:the (?:same )?(?:area|city|town|village|province|district|region|neighbou?rhood)"
                           r"\b(?!\s+of\b)|there\b(?!\s*(?:'s|\u2019s)|\s+(?:is|are|was|were|has|have|had|will|would|"
                           r"may|might|could|can|should|must|seems?|seemed|appears?|appeared|remains?|remained)\b))", re.I)
# A headline opening on a place's name and a colon or bar: "Kirkuk: Two killed in IED blast".
_TITLE_LABEL = re.compile(r"\s*([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2})\s*(?::|\|)\s+")
# "outside his home in the city": the town named before.
_THE_TOWN = re.compile(r"\b(?:in|near|outside|around|across)\s+the\s+(?:city|town)\b(?!\s+of\b)(?!'s)", re.I)
# "gathered at the scene of the strike": where the violent happening told before took place.
SCENE_OF = re.compile(r"\bthe (?:site|scene) of the (?:\w+\s+)?(?:strike|attack|bombing|blast|explosion|"
                      r"shooting|killing|assassination|raid|ambush)\b", re.I)
TARGET_PREP = re.compile(r"\b(?:on|against|targeting)\s+(?:the\s+)?$", re.I)
PERSON_NOUNS = frozenset({"people", "person", "member", "militiaman", "civilian", "soldier", "fighter",
                          "protester", "protestor", "individual", "man", "woman", "child", "suspect",
                          "gunman", "activist", "policeman", "officer", "troop", "journalist",
                          "militant", "worker", "student", "resident", "detainee", "guard",
                          "farmer", "shepherd", "pilgrim", "villager", "employee", "contractor",
                          "relative", "policeman", "commander", "leader", "official"})

# "following the killing", "as a punishment for the assassination": a noun trigger the clause refers to.
REFERENCED_NOUN = re.compile(r"\b(?:following|after|for|over|since|despite|amid|before)\s+(?:the|a|an|this|that|"
                             r"its|his|her|their)\s+(?:[\w'’-]+\s+){0,2}$", re.I)
PASSIVE_LEFT_WINDOW = 20  # tokens searched before a passive trigger for its rule's "near" words
SUPPRESSION_WINDOW = 12  # tokens between two triggers for one rule to suppress the other
# Words that set two happenings of one sentence apart: time ("after a rocket attack") and cause
# ("strikes ... in response to rocket attacks", "in retaliation for").
# A country written as where something is ("in Iraq", "across Syria"), not who acts.
_IN_PLACE = re.compile(r"\b(?:in|inside|across|throughout|within)\s+(?:the\s+)?$", re.IGNORECASE)
# Words that open a clause of its own inside a sentence ("... after the ministry awarded ...").
SUBORDINATORS = frozenset({"after", "before", "when", "while", "because", "since", "until", "as", "although",
                           "though", "whereas"})
# words for a place taken or lost ("seized the town of Hit")
PLACE_WORDS = frozenset({"town", "city", "village", "district", "area", "territory", "province", "region",
                         "neighbourhood", "neighborhood", "airport", "border", "crossing", "highway", "road",
                         "hill", "mountain", "mountains", "oilfield", "refinery", "dam", "bridge"})
# "two days after", "a week before", "hours later": units of time that part two happenings
_TIME_UNITS = frozenset({"minute", "hour", "day", "week", "month", "year", "moment"})
_TIME_PARTING = frozenset({"after", "before", "later", "earlier"})
TEMPORAL_CONNECTORS = frozenset({"after", "before", "following", "since", "when", "while", "until", "amid",
                                 "response", "retaliation", "revenge", "reprisal"})


# A preposition of place before a capital, through a part of the town ("in southern Baghdad", "in
# the centre of Baghdad", "in downtown Baghdad"): the town as a place, not its state acting.
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|inside|outside|to|from)\s+(?:(?:the\s+)?(?:(?:north|south)-?(?:east|west)?"
                           r"(?:ern)?|(?:east|west)(?:ern)?|central|centre|center|heart|outskirts|downtown|greater|old)"
                           r"(?:\s+of)?\s+)?$", re.IGNORECASE)


@dataclass(slots=True)
class Candidate:
    """A trigger that passed the filters: the rule, its token span and its sentence."""

    rule: EventRule
    sent: Any
    start: int
    end: int
    is_verb: bool
    passive: bool
    outcomes: list[Candidate] = field(default_factory=list)
    tag: str = ""  # the trigger's tense as read from its surface form (VBD, VBN, VBG, NOUN ...)


PERSON_SURFACES = surface_set(PERSON_NOUNS)


class _Tokens(Sequence[Any]):
    """A sentence's tokens by position, made on access (``list(span)`` builds every Token)."""

    __slots__ = ("doc", "start", "end")

    def __init__(self, sent: Any) -> None:
        self.doc: Any = sent.doc
        self.start: int = sent.start
        self.end: int = sent.end

    def __len__(self) -> int:
        return self.end - self.start

    def __iter__(self) -> Iterator[Any]:
        return (self.doc[k] for k in range(self.start, self.end))

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            lo, hi, step = i.indices(self.end - self.start)
            return [self.doc[self.start + k] for k in range(lo, hi, step)]
        if i < 0:
            i += self.end - self.start
        if not 0 <= i < self.end - self.start:
            raise IndexError(i)
        return self.doc[self.start + i]


class EventExtractor:
    """Build the rule set once; :meth:`extract` is called per document.

    Works on token text alone (the pipeline may run without tagger, lemmatizer or parser): verb
    and noun forms are expanded from the rules' lemmas, tense comes from the surface form and
    its auxiliaries. A dependency parse, when present, only refines who the subject is.
    """

    NAME = "extract.events"
    VERSION = 9  # 3: no guessed years, weekdays dated only by days the text writes; 4-6, 8: places and counts; 6-8: actors, dates; 8-9: rounds 11-12 (CHANGELOG)
    REQUIRES = ("document", "spacy_doc (sentences; DEP optional)", "mentions with entity_id")
    ASSIGNS = ("Event",)

    def __init__(self, kb: KnowledgeBase, rules: RuleSet | None = None, *, today: date | None = None,
                 numeric_date_order: str = "auto") -> None:
        """Build the rules.

        Args:
            kb: the knowledge base.
            rules: the event rules (default: the packaged ones).
            today: the ingest day; no event of a document without a publication date is dated
                after it (unless the text puts it in the future). None: no such bound.
            numeric_date_order: ``dmy``, ``mdy`` or ``auto`` (the document's own convention).
        """
        self.kb = kb
        self.today = today
        self.numeric_date_order = numeric_date_order
        self._last_reader: tuple[DocContext, ArgumentReader] | None = None  # the current document's
        self.rules = rules or load_event_rules()
        # The words a trigger can start with, per rule: most tokens start none, so the matcher
        # skips them with one set lookup instead of trying every phrase.
        self._starts = {
            rule.id: frozenset().union(*(p.surfaces[0] for p in rule.phrases if p.surfaces), rule.nouns, rule.verbs)
            for rule in self.rules.rules
        }
        # "Israeli" -> israel: a nationality adjective before armed means names their state
        self.demonyms: dict[str, str] = {}
        for record in kb.by_type(EntityType.COUNTRY) if hasattr(kb, "by_type") else []:
            demonym = record.attributes.get("demonym")
            if isinstance(demonym, str) and demonym:
                self.demonyms[demonym] = record.id
        self._sentence_counts: dict[tuple[int, tuple[int, int] | None], dict[str, int]] = {}
        # the certainty and responsibility cues, each list searched in one scan of a sentence
        self._anonymous, self._alleged, self._claimed, self._responsibility = (
            AnyPattern(self.rules.anonymous), AnyPattern(self.rules.alleged), AnyPattern(self.rules.claimed),
            AnyPattern(self.rules.responsibility))
        self._rules_by_start: dict[str, list[int]] = {}
        for n, rule in enumerate(self.rules.rules):
            for word in self._starts[rule.id]:
                self._rules_by_start.setdefault(word, []).append(n)

    # -- decision -----------------------------------------------------------------------------
    def find_candidates(self, sent: Any, blocked: Sequence[tuple[int, int]] = (),
                        words: list[str] | None = None, headline: bool = False) -> list[Candidate]:
        """Return the triggers of one sentence after factuality, context and suppression filters.

        ``blocked`` are character spans (date expressions such as "four days after the raid")
        inside which no trigger is taken. ``words`` are the sentence's lowercase tokens, when
        the caller has them. In a ``headline`` the present tense reports ("Drone hits US base").
        """
        found: list[Candidate] = []
        tokens = _Tokens(sent)
        words = [t.lower_ for t in sent] if words is None else words
        at: dict[int, list[int]] = {}  # rule number -> token positions its triggers may start at
        for i, word in enumerate(words):
            for n in self._rules_by_start.get(word, ()):
                at.setdefault(n, []).append(i)
        for n in sorted(at):
            rule = self.rules.rules[n]
            for i in at[n]:
                tok = tokens[i]
                hit = self._match_at(rule, tokens, words, i)
                if hit is None or tok.ent_type_ == "DATE" or any(a <= tok.idx < b for a, b in blocked):
                    continue
                end, tag = hit
                if tag == "NOUN" and end == i + 1 and _acts_as_verb(sent.doc[tok.i]):
                    tag = "VB"  # "did not arrest anyone", "if gunmen attack": the parse shows a verb
                elif tag == "VBG" and end == i + 1 and _gerund_as_noun(sent.doc[tok.i]):
                    tag = "NOUN"  # "Soleimani's killing in 2020": a possessor makes the gerund a noun
                elif tag in ("VB", "VBZ") and end == i + 1 and words[i] not in rule.nouns \
                        and _noun_by_parse(sent.doc[tok.i]):
                    continue  # "Baghdad used to be the main target of attacks": a noun the rule has no use for
                is_verb = tag != "NOUN"
                passive = is_verb and self._is_passive(words, i, end, tag)
                if is_verb and rule.label == "threat" and warning_as_speech_tag(sent.doc[tok.i]):
                    continue  # "Israel, he warned, seeks to ...": how a view was voiced, no threat made
                if is_verb and rule.label == "threat" and tok.lower_ in ("gave", "given") \
                        and not deadline_given(sent.doc[tok.i]):
                    continue  # "gave a speech hours after the attack": no deadline set
                if passive and rule.active_only:
                    continue
                if not self._context_ok(rule, words, i, end, passive) and not (
                        is_verb and rule.near and not self._far_from(rule, words, i, end)
                        and _means_of(sent.doc[tok.i]) & rule.near):
                    continue  # "attacked an Israeli target in the Golan with a drone": the means, far off
                if is_verb and not self._is_factual_verb(tokens, words, i, tag, headline) \
                        and not (words[i - 1] in BLOCKERS and self._has_precedent(tokens, end)) \
                        and not (rule.label in SELF_CHANGES and _announced_decision(sent.doc[tok.i])):
                    continue
                if is_verb and not_happened(sent.doc[tokens[i].i]) \
                        and not (i > 0 and words[i - 1] in BLOCKERS and self._has_precedent(tokens, end)) \
                        and not (rule.label in SELF_CHANGES and _announced_decision(sent.doc[tok.i])):
                    continue
                if not is_verb and i > 0 and words[i - 1] in ("no", "any", "possible", "potential", "future"):
                    continue
                if not is_verb and _scene_of(words, i):
                    continue  # "gathered at the site of the strike": a place named by a happening told before
                last = tokens[end - 1]
                if not is_verb and last.dep_ == "dobj" and last.head.lower_ in TOPIC_VERBS:
                    continue  # "discussed the rocket attacks": a subject of talks, told elsewhere
                if not is_verb and rule.require_own_anchor and last.dep_ in ("dobj", "pobj") \
                        and _STANCE.match(last.head.lower_ if last.dep_ == "dobj" else last.head.head.lower_):
                    continue  # "endorsed Tuesday's attack", "responsibility for the 7 October attack": told elsewhere
                if not is_verb and topic_of(sent.doc[tokens[end - 1].i]):
                    continue  # "reached an agreement on the deployment of joint forces": what was agreed, no happening
                if not is_verb and _planned_by_light_verb(sent.doc[tokens[end - 1].i]):
                    continue  # "said it would hold a rally next week": not held yet
                if not is_verb and _investigated(words, i):
                    continue  # "ordered an investigation into the shooting": the shooting is told elsewhere
                if not is_verb and any(c.dep_ == "nsubj" for c in sent.doc[tok.i].children) \
                        and not_happened(sent.doc[tok.i]):
                    continue  # "Every time the state arrests a commander": a verb the word list reads as a noun
                if not is_verb and asked_for(sent.doc[tokens[end - 1].i]):
                    continue  # "called for the withdrawal of US forces": asked for, not done
                if not is_verb and self._is_projected(words, i):
                    continue
                if not is_verb and end < len(words) and words[end] in NOUN_MODIFIED:
                    continue  # "a protest organiser", "the raid commander": a modifier, not an event
                if not is_verb and i > 0 and words[i - 1] == "in" and end < len(words) \
                        and words[end] in ("against", "at", "over", "of", "for"):
                    continue  # "in protest against the arrest": why they acted, not a protest
                if is_verb and tok.dep_ == "amod" and tok.head.i >= tokens[end - 1].i + 1 \
                        and (not tok.text[:1].isupper() or tok.i == sent.start):
                    continue  # "kidnapped academic X", "the slain commander", a caption's "Kidnapped academic X in a
                    # video": describes, reports no happening
                if not is_verb and end == i + 1 and tok.dep_ == "amod" and tok.head.i > tok.i:
                    continue  # "the dead man's house": a word describing a thing, no happening
                if reputation_of(sent.doc[tokens[end - 1].i]):
                    continue  # "known for its rocket attacks": what a group is known for, no happening told
                if _charged_with(sent.doc[tok.i]):
                    continue  # "fighters accused of rocket attacks": what someone is held for, no new happening
                if not is_verb and (_described_again(sent.doc[tokens[end - 1].i])
                                    or _ranked_among(sent.doc[tokens[end - 1].i])):
                    continue  # "The attack was the third on the base this year": said of the one told
                if end == i + 1 and tok.dep_ == "compound" and tok.head.i > tok.i and not tok.text[:1].isupper() \
                        and tok.head.lower_ not in rule.nouns:
                    continue  # "an attack drone struck": the word names a kind of thing; the verb reports
                cand = Candidate(rule, sent, tokens[i].i, tokens[end - 1].i + 1, is_verb, passive, tag=tag)
                if any(c.rule is rule for c in found):
                    # one trigger per rule per sentence, unless a clause of its own tells a second one
                    # ("Hundreds demonstrated in Nasiriyah, while in Kut dozens staged a sit-in")
                    if not all(_own_clauses(c, cand) for c in found if c.rule is rule):
                        break
                found.append(cand)
        # A rule suppresses another's trigger in the same mention of one happening ("the drone
        # strike, which fired missiles"), not one a temporal connector sets apart ("..., after a
        # rocket attack on a base killed ...") or one far away in the sentence.
        def same_mention(a: Candidate, b: Candidate) -> bool:
            lo, hi = sorted((a.start - sent.start, b.start - sent.start))
            return hi - lo <= SUPPRESSION_WINDOW and not TEMPORAL_CONNECTORS & set(words[lo:hi]) \
                and not _own_clauses(a, b)
        # A trigger inside a longer one of another rule is part of it ("drone *attack*").
        found = [c for c in found if not any(
            o is not c and o.start <= c.start and c.end <= o.end and (o.end - o.start) > (c.end - c.start)
            for o in found)]
        kept = [c for c in found if not any(
            c.rule.id in o.rule.suppresses and (same_mention(c, o) or _news_of(c, o)) and not _judged(o, c)
            for o in found)]
        kept = [c for c in kept if not (c.rule.label == "statement" and c.is_verb and any(
            _reported_by(o, c) for o in kept if o is not c))]
        kept = [c for c in kept if not any(_setting_of(c, o) for o in kept if o is not c)]
        # "The Security Media Cell announced that an IED exploded ...": the news of the happening,
        # whichever rule told it (not only those whose rule lists the announcement as suppressed)
        kept = [c for c in kept if not any(_news_of(c, o) for o in kept if o is not c)]
        # "X said in a statement on Monday ..., vowing to retaliate": the vow is part of the statement
        kept = [c for c in kept if not (c.is_verb and c.tag == "VBG" and vow_beside_past(sent.doc[c.start]) and any(
            o.is_verb and o.rule.type == "Strategic developments" and o.start == sent.doc[c.start].head.i
            for o in kept))]
        main = [c for c in kept if not c.rule.outcome]
        hosts = [c for c in main if self._can_host_outcome(c)]
        for c in kept:
            if c.rule.outcome and _sets_off(c):
                main.append(c)  # "The assassination of X on Monday sparked protests": a happening of its own
                continue
            if c.rule.outcome:
                near_hosts = [h for h in hosts if not (c.is_verb and (_time_apart(h, c) or _other_doers(h, c))
                                                       or not c.is_verb and _told_as_before(c))]
                if near_hosts:
                    own = next((h for h in near_hosts if _suffered_in(c, h)), near_hosts[0])
                    own.outcomes.append(c)
                elif hosts:
                    main.append(c)  # "killed a lawyer, two days after his brother was arrested": its own event
                elif main:
                    main.append(c)  # "a delegation visited ... over the killing of X": its own event
        return self._one_per_family(_raid_as_fight(_one_doer_one_attack(_means_as_subject(main)))) if main else kept

    @staticmethod
    def _place_object(ctx: Any, reader: Any, verb: Any) -> bool:
        """Return True when the verb's object is a place: a named one or a word for one ("the town of Hit")."""
        for obj in reader.sx.objects(verb):
            if obj.lower_ in PLACE_WORDS:
                return True
            if any(_entity_type(ctx, m) in (EntityType.PLACE, EntityType.COUNTRY)
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
            if held is not None and _own_clauses(held, c):
                # "Hundreds demonstrated in Nasiriyah, while in Kut dozens of graduates staged a sit-in":
                # two crowds, each with its own clause and subject
                key = (*key[:2], f"{key[2]}#{c.start}")
                held = None
            if held is not None and not c.is_verb and not held.is_verb and _set_apart(held, c):
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
        if EventExtractor._far_from(rule, words, i, end):
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
        if i > 0 and words[i - 1] == "to" and _caused(tokens[i]):
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
            return bool(before) and before[-1] in ("was", "were") or _means_of_a_past_act(tokens[i]) \
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

    # -- assembly -----------------------------------------------------------------------------
    def extract(self, ctx: DocContext) -> list[Event]:
        """Return the events of one document, merged within the document, with evidence.

        Args:
            ctx: the document, its spaCy parse and its resolved mentions.

        Returns:
            Events in text order of their first evidence.
        """
        return self.extract_with_year(ctx)[0]

    def infer_year(self, ctx: DocContext, scanned: list[RawDate] | None = None) -> YearGuess | None:
        """Return the inferred publication year when the cleaner found no publication date.

        Only documents without a publication date, or with one the cleaner itself guessed
        (``published_basis`` "inferred: ..."; its year is then a lower bound), are inferred;
        None when the text adds nothing to the cleaner's guess.
        """
        meta = ctx.document.metadata
        if meta.published is not None:
            return None
        text = self._content_text(ctx)
        mentions = ctx.content_mentions()
        if scanned is not None and ctx.document.blocks:  # the whole text's scan, cut to the content
            scanned = [d for d in scanned if (b := ctx.document.block_at(d[0])) is not None
                       and b.is_content and d[1] <= b.end]
        return infer_year(text, mentions, ctx.entities, ctx.kb, find_dates(text, Anchor(None, None), scanned),
                          None, self.today.year if self.today is not None else None)

    @staticmethod
    def _content_text(ctx: DocContext) -> str:
        """Return the document text with everything outside body and caption blocks blanked."""
        text = ctx.document.text
        if not ctx.document.blocks:
            return text
        chars = [" "] * len(text)
        for block in ctx.document.blocks:
            if block.is_content:
                chars[block.start:block.end] = text[block.start:block.end]
        return "".join(chars)

    def extract_with_year(self, ctx: DocContext) -> tuple[list[Event], YearGuess | None]:
        """Return the events (as :meth:`extract`) and the inferred publication year, if any."""
        doc = ctx.spacy_doc
        meta = ctx.document.metadata
        self._sentence_counts = {}  # one reading of a sentence's counts per document
        scanned = scan_dates(ctx.document.text)
        year = self.infer_year(ctx, scanned)
        anchor = replace(parse_published(meta.published, meta.published_precision),
                         numeric_order=choose_order(self.numeric_date_order, ctx.document.text),
                         ceiling=self.today, year_hint=year.year if year is not None else None)
        dates = find_dates(ctx.document.text, anchor, scanned)
        if ctx.document.blocks:  # a page's dateline or a related-links date dates no event
            dates = [d for d in dates if (b := ctx.document.block_at(d.start)) is not None and b.is_content]
        mentions = ctx.content_mentions()
        sents = ctx.sents()
        lowers = ctx.lowers()
        events: list[Event] = []
        triggers: list[int] = []  # trigger offset of each event, for clause evidence
        title = meta.title or ""
        title_at = ctx.document.text.find(title) if title.strip() else -1
        headline_toll: Any = None  # a headline that only raises a toll, no happening of its own
        for k, sent in enumerate(sents):
            block = ctx.document.block_at(sent.start_char)
            if ctx.document.blocks and (block is None or not block.is_content):
                continue
            blocked = [(d.start, d.end) for d in dates if sent.start_char <= d.start < sent.end_char]
            first = len(events)
            made: dict[int, Candidate] = {}  # the trigger of each event this sentence made
            found = self.find_candidates(sent, blocked, lowers[sent.start:sent.end])
            present: set[int] = set()  # triggers a headline's present tense alone makes events
            if title_at >= 0 and title_at <= sent.start_char < title_at + len(title):
                told = {c.start for c in found}
                more = [c for c in self.find_candidates(sent, blocked, lowers[sent.start:sent.end], headline=True)
                        if c.start not in told]
                present = {c.start for c in more}
                found = [*found, *more]
            for cand in found:
                split = _two_days_told(sent, cand, dates)
                if split is not None:
                    # "Drones struck hideouts in Qandil on Monday and a village near Makhmour on Tuesday":
                    # two days, two happenings, each with the places and date of its own part
                    cut, first_day, second_day = split
                    pair = [self.build_event(ctx, cand, sents, k, [m for m in mentions if not cut <= m.start < sent.end_char],
                                             [d for d in dates if d is not second_day], anchor, events, year),
                            self.build_event(ctx, cand, sents, k, [m for m in mentions if not (
                                sent.doc[cand.end - 1].idx <= m.start < cut)], [d for d in dates if d is not first_day],
                                anchor, events, year)]
                    one, two = pair
                    if one is not None and two is not None and not is_undated(one) and not is_undated(two) \
                            and one.date_start != two.date_start:
                        self._relocate(ctx, one, sent, sent.start_char, cut, mentions)
                        self._place_in_part(ctx, two, sent, cut, mentions)
                        _counts_by_part(sent, cut, one, two)
                        for e in (one, two):
                            made[len(events)] = cand
                            events.append(e)
                            triggers.append(sent.doc[cand.start].idx)
                        continue
                event = self.build_event(ctx, cand, sents, k, mentions, dates, anchor, events, year)
                if event is None and cand.outcomes:
                    # "320 people have been killed in the protests": the host ("the protests") is
                    # only referred to; its outcome is the happening the sentence reports
                    cand = cand.outcomes[0]
                    event = self.build_event(ctx, cand, sents, k, mentions, dates, anchor, events, year)
                if event is None:
                    continue
                if cand.is_verb and not cand.rule.outcome and any(
                        c.is_verb and not c.rule.outcome and (c.start, c.end) == (cand.start, cand.end)
                        for c in made.values()):
                    # one verb tells one happening: "militants attacked a police station" is one attack,
                    # not a ground attack and an attack on premises; the rule written first keeps it
                    continue
                if cand.start in present:
                    event.attrs["headline_present"] = True
                twin = next((i for i in range(first, len(events)) if is_same_family(events[i], event)
                             and not (i in made and not cand.is_verb and not made[i].is_verb
                                      and _set_apart(made[i], cand))
                             and not (i in made and _own_clauses(made[i], cand))
                             and not _other_days(events[i], event)), None)
                if twin is None:
                    made[len(events)] = cand
                    events.append(event)
                    triggers.append(sent.doc[cand.start].idx)
                else:  # two triggers of one family in one sentence describe one happening
                    events[twin] = merge_events(events[twin], event)
            if first < len(events) and self._told_again(sent, events, triggers, first):
                # "The ambush took place in the Hamrin basin": the noun named a trigger of its own,
                # but the sentence only places the happening told before
                del events[first:], triggers[first:]
            if first == len(events):
                if not any(e.type in VIOLENT_TYPES for e in events) and title_at >= 0 \
                        and title_at <= sent.start_char < title_at + len(title):
                    headline_toll = sent  # "Death toll from Baghdad bombing rises to 40": the body's
                self._raise_toll(ctx, sent, events)
                date_told_later(self._reader(ctx), sent, events, dates, ctx.document.doc_id, ctx.document.text,
                                VIOLENT_TYPES)
                if self._reader(ctx).available:
                    self._place_told_later(ctx, sent, events, mentions)
                self._later_figures(ctx, sent, _paragraph_floor(ctx.document.text, sents[:k], sent.start_char,
                                                                sents[max(k - 2, 0)].start_char), events, dates)
            else:
                if not any(e.type in VIOLENT_TYPES for e in events[first:]):
                    # "The operation, which began on Friday morning, targeted ..., the cell said in a
                    # statement": a sentence telling only a saying may still date the story's happening
                    date_told_later(self._reader(ctx), sent, events[:first], dates, ctx.document.doc_id,
                                    ctx.document.text, VIOLENT_TYPES)
                    if self._reader(ctx).available:
                        self._place_told_later(ctx, sent, events[:first], mentions)
                # the sentence before, a stray quote mark or blank line split off skipped
                floor = next((s.start_char for s in reversed(sents[:k]) if any(ch.isalnum() for ch in s.text)),
                             sent.start_char)
                floor = _paragraph_floor(ctx.document.text, sents[:k], sent.start_char, floor)
                gone = coordinated_casualties(events, first)
                gone += follow_up_casualties(events, first, triggers, floor, ctx.span_text(sent))
                for i in sorted(set(gone), reverse=True):
                    del events[i], triggers[i]
                # "Four people were killed on Wednesday. A drone struck their car ...": the toll told first
                folded = toll_told_first(events, first, triggers, floor, ctx.span_text(sent),
                                         lambda outer, inner: outer in ancestor_ids(ctx.kb, inner))
                if folded is not None:
                    del events[folded], triggers[folded]
                    first -= 1
            self._split_evidence(ctx, sent, events[first:], triggers[first:], mentions)
            self._inherit_detainees(events, first)
            self._attribute_responsibility(ctx, sent, sents, k, mentions, events)
        # A headline told in the present ("Drone hits US base in Syria") is the story's happening only
        # when the body tells none (it only refers to it: "The attack caused no casualties"); else the
        # body's tellings stand, and the headline's verb may be no happening at all ("protesters
        # disperse after ...").
        body_told = any(not e.attrs.get("headline_present") and e.attrs.get("rule") != "event-attack-noun"
                        for e in events)  # "the attack on Sunday" names no means: it refers, it does not tell
        headlines = [e for e in events if e.attrs.get("headline_present")] if body_told else []
        if body_told:
            _headline_places(events)
        events = [e for e in events if not e.attrs.pop("headline_present", False) or not body_told]
        lead = next((e for e in events if e.type in VIOLENT_TYPES), None)
        if headline_toll is not None and lead is not None:  # the first violent happening the body tells
            self._raise_toll(ctx, headline_toll, [lead])
        events = merge_in_document(events, lambda place_id: ancestor_ids(ctx.kb, place_id),
                                   lambda a, b: one_state_side(ctx.kb, a, b))
        for event in events:  # "on January 3, a strike killed X" in a later year: the day X died
            date_by_recorded_death(event, ctx.entity, VIOLENT_TYPES)
        for headline in headlines:
            lend_headline_roles(headline, events)  # "US strikes KH sites": whose sites the body struck
        for event in events:
            if event.attrs.get("summary") and len(event.evidence) > 1:
                # a headline's state ("Iraq arrests ...") beside the body's own of its bodies
                event.actors = without_bodies_country(ctx.kb, event.actors)
                event.targets = without_bodies_country(ctx.kb, event.targets)
        carry_lead_toll(events)  # "said Monday the toll from the strikes rose to 25 ... the strikes killed 19"
        seen: dict[str, int] = {}
        for event in events:
            base = make_event_id(event)
            n = seen.get(base, 0)
            seen[base] = n + 1
            event.event_id = base if n == 0 else f"{base}-{n}"
        return events, year

    @staticmethod
    def _raise_toll(ctx: DocContext, sent: Any, events: list[Event]) -> None:
        """Give the last violent happening the later figure a sentence reports for it.

        "The death toll from the bombing rose to 31 on Friday": the bombing told before killed 31;
        the sentence becomes evidence of that count.
        """
        update = toll_update(ctx.span_text(sent))
        target = next((e for e in reversed(events) if e.type in VIOLENT_TYPES), None)
        if update is None or target is None:
            return
        key, value = update
        if value <= target.counts.get(key, 0):
            return
        target.counts[key] = value
        target.evidence.append(_toll_evidence(ctx, sent))

    def _later_figures(self, ctx: DocContext, sent: Any, floor: int, events: list[Event],
                       dates: list[DateMatch]) -> None:
        """Give the violent happening just told the toll a following sentence states.

        "Two drones targeted the base. There were no casualties."; "The attack, which the sources
        said did not cause casualties, ..."; "A car bomb went off. Five people died and 20 were
        hurt" (:func:`stated_figures`): for the last violent event whose evidence starts at or
        after ``floor`` (the sentence two before), and only the counts it does not have.
        """
        target = next((e for e in reversed(events) if e.type in VIOLENT_TYPES), None)
        if target is None or not any(ev.start >= floor for ev in target.evidence):
            return
        figures = stated_figures(ctx.span_text(sent), self._counts_of(ctx, sent, dates))
        added = {key: value for key, value in figures.items() if key not in target.counts}
        if not added:
            return
        target.counts.update(added)
        target.evidence.append(_toll_evidence(ctx, sent))

    @staticmethod
    def _inherit_detainees(events: list[Event], first: int) -> None:
        """Give a release with no named detainees the targets of the arrest it follows.

        "... detained members of X, only to release most of them days later" and "Four days
        after the raid, all those in custody were released": those freed are those the arrest or
        raid of the same sentence (or the one the release is dated from) took.
        """
        for event in events[first:]:
            if event.attrs.get("label") != "release" or event.targets:
                continue
            source = next((e for e in events[first:] if e.sub_type == "Arrests" and e.targets), None)
            if source is None and str(event.attrs.get("date_basis", "")).startswith("relative:"):
                source = next((e for e in reversed(events[:first]) if e.sub_type == "Arrests" and e.targets), None)
            if source is not None:
                event.targets = [t for t in source.targets if t not in event.actors]

    def _split_evidence(self, ctx: DocContext, sent: Any, events: list[Event], triggers: list[int],
                        mentions: list[Mention]) -> None:
        """Narrow the evidence of several events of one sentence to their own clauses.

        "Following the attack on the offices, security forces arrested some of the attackers":
        the attack's evidence ends at the comma, the arrest's starts after it. Events whose
        triggers share a clause keep the whole sentence.
        """
        if len(events) < 2:
            return
        text = ctx.document.text
        order = sorted(range(len(events)), key=lambda i: triggers[i])
        cuts = [sent.start_char]
        worded: set[int] = set()  # cuts made at a subordinator, not at punctuation
        for prev, nxt in zip(order, order[1:]):
            cut = max(text.rfind(ch, triggers[prev], triggers[nxt]) for ch in (",", ";", "\u2014", ":"))
            if cut < 0:  # "dismissed US fears after the ministry awarded a contract": a subordinator opens the clause
                # "a funeral for four of its members who were killed in an airstrike": a relative
                # clause tells the other happening
                word = next((t for t in sent if triggers[prev] < t.idx < triggers[nxt]
                             and (t.lower_ in SUBORDINATORS and t.dep_ in ("mark", "prep")
                                  or t.lower_ == "to" and t.dep_ == "aux" and t.head.dep_ == "advcl"
                                  or t.lower_ in RELATIVE_PRONOUNS and t.head.dep_ == "relcl"
                                  and _tells_in_clause(sent, triggers[nxt], t.head))), None)
                if word is not None and word.dep_ == "prep" and any(
                        c.dep_ == "pobj" and c.idx <= triggers[nxt] < c.idx + len(c.text) for c in word.children):
                    # "missiles were fired at the airport days after | Soleimani's killing in January 2020":
                    # the time phrase is the first happening's; the recalled one is its noun phrase
                    cuts.append(word.idx + len(word.text))
                else:
                    cuts.append(word.idx if word is not None else -1)
                if word is not None:
                    worded.add(len(cuts) - 1)
                continue
            cuts.append(cut + 1)
        cuts.append(sent.end_char)
        for n, i in enumerate(order):
            start, end = cuts[n], cuts[n + 1]
            if start < 0 or end < 0:
                continue  # shares a clause with a neighbour: keep the sentence
            start, end = self._trim(text, start, end)
            ev = events[i].evidence[0]
            if ev.start <= start < end <= ev.end:
                events[i].evidence[0] = Evidence(ev.doc_id, start, end, text[start:end], ev.producer, ev.confidence)
                if n not in worded and n + 1 not in worded:
                    # a clause cut at a word keeps the sentence's place: "arrested two in Basra after ..."
                    self._relocate(ctx, events[i], sent, start, end, mentions)

    def _reader(self, ctx: DocContext) -> ArgumentReader:
        """Return an argument reader over the document's parse, one per document (the parse view is
        cached; the reader keeps what it works out once for the story, such as its home country)."""
        if self._last_reader is None or self._last_reader[0] is not ctx:
            self._last_reader = (ctx, ArgumentReader(ctx, self.demonyms))
        return self._last_reader[1]

    def build_event(self, ctx: DocContext, cand: Candidate, sents: list[Any], k: int,
                    mentions: list[Mention], dates: list[DateMatch], anchor: Any,
                    earlier: list[Event], year: YearGuess | None = None) -> Event | None:
        """Return the Event for one candidate, or None when it lacks a concrete anchor."""
        sent, rule = cand.sent, cand.rule
        in_sent = [m for m in mentions if sent.start_char <= m.start and m.end <= sent.end_char]
        reader = self._reader(ctx)
        read = reader.roles(sent.doc, cand.start, cand.end, cand.is_verb, rule.passive_subject_role, rule.label,
                            rule.type in VIOLENT_TYPES)
        unnamed_actor = read.unnamed_actor if read is not None else None
        if read is not None:
            actors, targets = read.actors, read.targets
        else:
            actors, targets = assign_roles(ctx, cand, in_sent)
        actors, targets = self._as_states(ctx, actors), self._as_states(ctx, targets)
        if rule.participants_are_actors:  # host and guest both act
            actors, targets = actors + [t for t in targets if t not in actors], []
        if rule.type in VIOLENT_TYPES or rule.sub_type == "Looting/property destruction":
            if read is not None:
                for outcome in cand.outcomes:
                    if not outcome.is_verb and reader.refers_back(sent.doc, outcome.start, outcome.end):
                        continue  # "fired at the airport days after X's killing": X is not hit here
                    side = reader.roles(sent.doc, outcome.start, outcome.end, outcome.is_verb,
                                        outcome.rule.passive_subject_role, outcome.rule.label, True)
                    if side is None:
                        continue
                    targets.extend(t for t in side.targets if t not in targets and t not in actors)
                    if not actors and unnamed_actor is None:
                        actors.extend(a for a in side.actors if a not in targets)
            else:
                add_outcome_roles(ctx, cand.outcomes, in_sent, actors, targets)
        if rule.type in VIOLENT_TYPES and read is None:
            means = find_means_actors(ctx, in_sent)
            targets[:] = [t for t in targets if t not in means]
            actors.extend(a for a in means if a not in actors)
        # "ERBIL, Iraq (AP) - ...": where the report was filed, not who acted or where
        filed_end = dateline_end(ctx.document.text, sent.start_char, sent.end_char) \
            or dateline_end_in_line(ctx.document.text, sent.start_char, sent.end_char)
        filed = [m for m in in_sent if filed_end is not None and m.end <= filed_end]
        if filed:
            after = {m.entity_id for m in in_sent if m.start >= (filed_end or 0)}
            places = {m.entity_id for m in filed if _entity_type(ctx, m) in (EntityType.PLACE, EntityType.COUNTRY)}
            gone = {m.entity_id for m in filed if m.entity_id not in after} | places
            actors[:] = [a for a in actors if a not in gone]
            targets[:] = [t for t in targets if t not in gone or t in after]
            in_sent = [m for m in in_sent if m not in filed]
        # "Kataib Hezbollah leader Qais al-Khazali threatened ...": the organisation the acting
        # person's title names acts too
        for person in [p for p in in_sent if p.entity_id in actors and _entity_type(ctx, p) is EntityType.PERSON]:
            actors.extend(o for o in title_organisations(ctx, person, in_sent) if o not in actors and o not in targets)
        counts = self._find_counts(ctx, cand, dates)
        for extra in cand.outcomes:
            for key, number in self._find_counts(ctx, extra, dates, (cand.start, cand.end)).items():
                if rule.type in VIOLENT_TYPES or key == rule.count or rule.sub_type in _FORCE_SUB_TYPES \
                        or _done_in_passing(cand, extra):
                    # an arrest does not take a blast's dead; force used on protesters does, and so does
                    # a raid of the dead it made ("raided a house, killing one suspect")
                    counts.setdefault(key, number)
        trigger = sent.doc[cand.start].idx
        in_sentence = [d for d in dates if sent.start_char <= d.start and d.end <= sent.end_char]
        answered = None if cand.is_verb else reader.answered_span(sent.doc, cand.start, cand.end)
        # "carried out the strike in response to ... a drone attack in Jordan last month": a date of
        # the happening answered is not the answering one's
        elsewhere = [] if answered is not None else \
            [span for span in reader.answer_spans(sent) if not span[0] <= trigger < span[1]]
        pool = [d for d in dates if not any(a <= d.start and d.end <= b for a, b in elsewhere)
                and not (reader.available and sent.start_char <= d.start < sent.end_char
                         and series_period(sent.doc, d))]
        in_sentence = [d for d in in_sentence if d in pool]
        usable = in_sentence if answered is None else [d for d in in_sentence
                                                       if answered[0] <= d.start and d.end <= answered[1]]
        if rule.type in VIOLENT_TYPES or rule.type == "Protests" or rule.sub_type == "Arrests":
            # "arrested the suspect in last week's assassination": the week is the assassination's (a
            # statement or claim about "Tuesday's attack" keeps Tuesday: it folds into that attack)
            violent = rule.type in VIOLENT_TYPES
            usable = [d for d in usable if not reader.dates_other_happening(sent.doc, cand.start, cand.end,
                                                                              d.start, d.end, violent)]
        own = [d for d in usable if reader.attaches(sent.doc, cand.start, cand.end, d.start, d.end)]
        stance = _stance_over(trigger_head(sent.doc, cand.start, cand.end)) \
            if not cand.is_verb and reader.available else None
        if stance is not None:
            # "The government on Thursday condemned a drone strike that killed three": Thursday is the
            # condemnation's day; the strike came on it or before, on a day its own phrase may give
            own = [d for d in own if not _dated_verb(sent.doc, d, stance)]
        free = [d for d in usable if not reader.in_other_clause(sent.doc, cand.start, cand.end, d.start, d.end)
                and not (stance is not None and _dated_verb(sent.doc, d, stance))]
        date_match = choose_date(ctx.document.text, sent.start_char, sent.end_char, trigger, own, free,
                                 pool if answered is None else usable)
        value, date_text, basis = resolve_event_date(date_match, earlier, anchor, dates, year, trigger,
                                                     ctx.span_text(sent), answered is not None, sent.start_char,
                                                     reaction=rule.type not in VIOLENT_TYPES,
                                                     paragraph_start=ctx.document.text.rfind("\n", 0, sent.start_char) + 1)
        if date_match is not None and value is not None:
            spoken = spoken_day_shift(date_match, value, dates, anchor, ctx.document.text, sent.start_char,
                                      sent.end_char)
            if spoken is not None:  # ""... yesterday," the commander said on Tuesday": Tuesday's yesterday
                value, basis = spoken, f"{basis}, counted from the day the words were spoken"
        back = months_after_clause(trigger_head(sent.doc, cand.start, cand.end)) if reader.available else None
        if back is not None and not (date_match is not None and back[2].left_edge.idx <= date_match.start
                                     and date_match.end <= _subtree_end(back[2])):
            # "rallied on Friday, two years after a U.S. strike killed X": the strike is dated two years
            # before the rally's day, at year precision; "months after": no day to give
            count, months, _ = back
            base = date_match.value.start if date_match is not None and date_match.value is not None \
                else anchor.published
            period = date_before_by_span(count, months, base) if base is not None else None
            unit = "years" if months >= 12 else "months"
            if period is None:
                value, basis = None, f"relative: some {unit} before the happening it is set before"
            else:
                value, basis = value_of(period[0], period[1]), f"relative: {count} {unit} before '{date_text or 'publication'}'"
            date_text = None
        # A country or place that is a participant ("US strike", "attacks on Israel") is not
        # where the event happened.
        text = ctx.document.text
        # "Iran's Supreme Leader", "Iraqi Foreign Minister": a place that modifies a participant.
        placeable = [self._town_named(ctx, m) for m in self._placeable(ctx, in_sent, actors, targets, reader)]
        if not cand.is_verb and REFERENCED_NOUN.search(text[max(sent.start_char, trigger - 60):trigger]):
            # "Following the assassination of X, the network in Iraq ...": a happening the sentence
            # refers back to is placed only by its own noun phrase, not by the main clause.
            stop = min((p for p in (text.find(ch, trigger, sent.end_char) for ch in (",", ";", "\u2014"))
                        if p >= 0), default=sent.end_char)
            placeable = [m for m in placeable if trigger <= m.start and m.end <= stop]
        recalled = reader.time_clause(sent.doc, cand.start, cand.end)
        if recalled is not None:
            # "the deadliest attack in the capital since January, when 32 people were killed in twin
            # bombings": a happening told in a clause of another time is placed by that clause only
            placeable = [m for m in placeable if recalled[0] <= m.start and m.end <= recalled[1]]
        described = reader.host_clause(sent.doc, cand.start, cand.end) if rule.type in VIOLENT_TYPES else None
        if described is not None:
            # "held a funeral in Najaf for members who were killed in a strike": violence told in a
            # clause on another clause's participant is placed by its own clause (or a place the
            # sentence opens on, "In Basra, three men who were kidnapped ...")
            opening = _OPENING_PLACE.match(text, sent.start_char, trigger)
            placeable = [m for m in placeable if described[0] <= m.start and m.end <= described[1]
                         or (opening is not None and m.end <= opening.end())]
        if rule.type == "Explosions/Remote violence":
            # "a drone launched from Iraq", "rockets fired from Syria": where the attack came from,
            # not where it struck
            placeable = [m for m in placeable if not _LAUNCHED_FROM.search(text, max(0, m.start - 40), m.start)]
        attached = [m for m in reader.place_mentions(sent.doc, cand.start, cand.end)
                    if m not in filed and not self._acting_capital(ctx, reader, m, actors) and (m.entity_id is None or (
                        m.entity_id not in actors and (m.entity_id not in targets or reader.is_facility(m)
                                                       or self._struck_town(ctx, rule, m))))
                    and (rule.type != "Explosions/Remote violence"
                         or not _LAUNCHED_FROM.search(text, max(0, m.start - 40), m.start))]
        inside = reader.written_inside(in_sent)  # "the Abu Ghraib district of Baghdad"
        # "in Albu Kamal, across the border from al-Qaim", "in Zakho, 10 km from the border": a place
        # the happening's place is measured from is no place of its own while another is named
        attached = _beside_reference(text, attached)
        placeable = _beside_reference(text, placeable)
        # "..., the governor said from Mosul": where the speaker was; "on the Kirkuk-Baghdad road near
        # Daquq": the towns a road is named by
        said_from = reader.attribution_spans(sent.doc, cand.start, cand.end)
        # "The announcement in Baghdad came a day after ... strikes": where words were said
        said_at = {id(m) for m in placeable if (rule.type in VIOLENT_TYPES or rule.sub_type == "Arrests")
                   and reader.spoken_at(m, cand.start, cand.end)}
        # "... blamed for a rocket attack that killed a contractor in Iraq": that attack's place
        said_at |= {id(m) for m in placeable if reader.available
                    and (root := sent.doc.char_span(m.start, m.end, alignment_mode="expand")) is not None
                    and in_other_happening(root.root, (cand.start, cand.end))}
        # "arrested three men suspected of last week's bombing in Tikrit": the bombing's place
        # "the deadliest attack since the bombing in Mosul": the bombing's place
        if reader.available:
            own_head = trigger_head(sent.doc, cand.start, cand.end)
            other = in_referred_happening if rule.type not in VIOLENT_TYPES else in_earlier_happening
            said_at |= {id(m) for m in (*attached, *placeable)
                        if (root := sent.doc.char_span(m.start, m.end, alignment_mode="expand")) is not None
                        and other(root.root, own_head)}
        # "taken to a hospital in Dohuk": where the wounded were treated
        said_at |= {id(m) for m in (*attached, *placeable)
                    if _TREATED_IN.search(text, max(sent.start_char, m.start - 90), m.start)}
        attached = _road_ends(text, [m for m in attached if not _inside_any(m, said_from) and id(m) not in said_at])
        placeable = _road_ends(text, [m for m in placeable if not _inside_any(m, said_from) and id(m) not in said_at])
        # "A security official in Sulaimani said two fighters were killed near Kirkuk": where the
        # speaker sits, while the words say another place
        speaker_at = reader.speaker_spans(sent.doc, cand.start, cand.end)
        if speaker_at and any(not _inside_any(m, speaker_at) for m in (*attached, *placeable)):
            attached = [m for m in attached if not _inside_any(m, speaker_at)]
            placeable = [m for m in placeable if not _inside_any(m, speaker_at)]
        location = locate_event(attached, ctx.entities, ctx.kb, inside) if attached else None
        # A political development (a statement, a sanction, a ruling) happens where its own
        # clause puts it; a place elsewhere in its sentence is what it is about.
        loose: Location | None = None  # a place of the sentence that anchors, but does not locate
        if location is None:
            own_noun = trigger_head(sent.doc, cand.start, cand.end).i if reader.available else None
            placeable = [m for m in placeable if not reader.describes_other(m, own_noun)]
            if rule.type == "Strategic developments" and rule.sub_type in _PLACELESS_SUB_TYPES \
                    and not rule.require_place and reader.available:
                stop = min((p for p in (text.find(ch, trigger, sent.end_char) for ch in (",", ";", "\u2014"))
                            if p >= 0), default=sent.end_char)
                opening = _OPENING_PLACE.match(text, sent.start_char, trigger)  # "In Basra on Monday, ..."
                loose = locate_event(placeable, ctx.entities, ctx.kb)
                placeable = [m for m in placeable if (trigger <= m.start and m.end <= stop
                                                      and not reader.is_topic(m))
                             or (opening is not None and m.end <= opening.end())]
            location = locate_event(placeable, ctx.entities, ctx.kb, inside)
        if location is not None and location.basis == "clause" and location.precision != "country":
            location = self._list_holder(ctx, reader, location, attached + placeable) or location
        there = next((t for t in trigger_head(sent.doc, cand.start, cand.end).children if t.lower_ == "there"
                      and t.dep_ == "advmod"), None) if reader.available else None
        if there is not None:
            # "... at the Khor Mor gas field ... since a drone hit a storage tank there": the place
            # written last before "there" in the sentence, not the one the sentence opens with
            before = [m for m in in_sent if m.end <= there.idx and _entity_type(ctx, m) is EntityType.PLACE
                      and m.entity_id not in actors and m.entity_id not in targets]
            here = locate_event(before[-1:], ctx.entities, ctx.kb) if before else None
            location = here or location
        if location is not None and location.basis == "clause" and location.precision == "country" \
                and DEICTIC_PLACE.search(ctx.span_text(sent)):
            location = None
        scene = SCENE_OF.search(ctx.span_text(sent)) is not None
        if (location is None or location.basis != "clause") and (scene or DEICTIC_PLACE.search(ctx.span_text(sent))):
            # "the scene of the strike": the story's own violent happening, told first; "there": the last place
            prior = next((e for e in earlier if e.location_id and e.type in VIOLENT_TYPES), None) if scene else \
                next((e for e in reversed(earlier) if e.location_id), None)
            if prior is not None:
                location = Location(prior.location_id or "", prior.location_name or "", prior.lat, prior.lon,
                                    prior.geo_precision or "", "earlier event in the same area", 0.6)
            elif location is None and not scene:
                location = self._town_named_before(ctx, sent, mentions)
        if location is None and loose is None:
            # "took to the Iraqi streets", "on Syrian territory": the country whose land it names
            land = reader.national_land(sent)
            location = self._country_place(ctx, land) if land else None
        wide = _NATIONWIDE.search(text, sent.start_char, sent.end_char)
        if location is None and wide is not None and self._says_nationwide(reader, sent, cand, wide.span()):
            # "the army lifted a nation-wide curfew", "protests across the country": the story's country
            home = self._home_country(ctx, mentions)
            nation = self._country_place(ctx, home) if home else None
            location = replace(nation, basis="the story's country", confidence=0.6) if nation else None
        if (location is None or location.precision == "country") and _THE_CAPITAL.search(ctx.span_text(sent)):
            # "marched in the capital": the capital of the country named ("In Iraq, ...") or the story's
            location = self._story_capital(ctx, mentions, location.entity_id if location else None) or location
        container: Location | None = None
        if location is not None and location.lat is None and ctx.kb.get(location.entity_id) is None:
            # "the Saadiya neighbourhood of Khaniqeen city, Diyala province": an unknown place keeps
            # its name; the nearest place the KB knows written beside it gives the coordinates
            known = [m for m in in_sent if m.entity_id and m.entity_id != location.entity_id
                     and ctx.kb.get(m.entity_id) is not None]
            container = locate_event(known, ctx.entities, ctx.kb) if known else None
            if container is None and _URBAN_PART.match(text, location_end(in_sent, location.entity_id),
                                                        min(sent.end_char, location_end(in_sent, location.entity_id) + 30)):
                # "was killed outside his home in the al-Shuhada neighbourhood": a part of a town
                # the story is set in, the town of the happening told last before it
                town = next((e for e in reversed(earlier) if e.lat is not None and e.geo_precision == "city"), None)
                if town is not None and town.location_id:
                    container = Location(town.location_id, town.location_name or "", town.lat, town.lon, "city",
                                         "earlier event in the same town", 0.6)
        if location is None and loose is None:
            # "Basra police arrested three men": a town's police act in the town
            police = reader.local_police(in_sent, cand.start, cand.end)
            local = locate_event([police], ctx.entities, ctx.kb) if police is not None else None
            location = replace(local, basis="the acting police's town", confidence=0.6) if local else None
        if location is None and rule.type in VIOLENT_TYPES:
            # "AL-QAIM, Iraq (Wire) - A drone struck a convoy near the border": a violent happening
            # the lead gives no place of its own is placed where the report was filed, as a guess;
            # not a capital, where bureaus report from on the whole country ("WASHINGTON (AP) - ")
            line = text.rfind("\n", 0, sent.start_char) + 1
            lead_end = filed_end if filed else dateline_end(text, line, sent.end_char)
            if lead_end is not None and (filed or not text[lead_end:sent.start_char].strip()):
                location = locate_span([m for m in mentions if line <= m.start and m.end <= lead_end
                                        and _entity_type(ctx, m) is EntityType.PLACE
                                        and not reader.capital_state_of(m)],
                                       ctx.entities, ctx.kb, "dateline", 0.6) \
                    or self._dateline_town(ctx, reader, mentions, line, sent.end_char)
                if location is not None and not self._in_named_country(ctx, location, in_sent):
                    location = None  # "TAMPA, Fla. - ... conducted a strike in Iraq": filed far from it
        if location is None and _in_title(ctx, sent):
            # "Kirkuk: Two killed in IED blast", "Diyala | Gunmen kill farmer": a headline's place label
            line = text.rfind("\n", 0, sent.start_char) + 1
            tag = _TITLE_LABEL.match(text, line, sent.end_char)
            if tag is not None:
                location = locate_span([m for m in mentions if tag.start(1) <= m.start and m.end <= tag.end(1)
                                        and _entity_type(ctx, m) is EntityType.PLACE],
                                       ctx.entities, ctx.kb, "headline label", 0.6)
        has_place = any(p is not None and p.basis == "clause" and p.precision != "country" for p in (location, loose))
        # a date in another clause still anchors; "the 2019 killing" dates only the killing
        has_date = date_match is not None or any(d.scope_end is None for d in in_sentence)
        participants = actors + targets
        # "hours later" dates a call or an announcement, it does not make one concrete
        if rule.require_date and not (has_date and not (date_match is not None
                                                        and date_match.basis.startswith("the same day as"))):
            return None
        if rule.require_place and not has_place:
            return None
        if rule.require_own_anchor and not (cand.is_verb or _own_anchor(trigger_head(sent.doc, cand.start, cand.end))):
            return None
        if (rule.not_object_types or rule.not_object_words) and reader.available:
            objects = reader.sx.objects(sent.doc[cand.start])
            if cand.passive:  # "A drone was shot down near the airport": the passive's subject is what was acted on
                objects = [*objects, *(c for c in sent.doc[cand.start].children if c.dep_ == "nsubjpass")]
            # "they shot it down": the particle says what was done to the object, whatever it is called
            objects = [*objects, *(c for c in sent.doc[cand.start].children if c.dep_ == "prt")]
            named = [m for o in objects for m in reader.names(o, frozenset(EntityType))]
            if any(str(_entity_type(ctx, m)) in rule.not_object_types for m in named) or \
                    any(o.lower_ in rule.not_object_words for o in objects):
                return None  # "captured Tsurkov", "captured the journalist": not territory
        if cand.is_verb and sent.doc[cand.start].lower_ in rule.place_object_verbs and reader.available \
                and not self._place_object(ctx, reader, sent.doc[cand.start]):
            return None  # "seized a weapons cache": no territory taken
        if rule.objectless and cand.is_verb and reader.available and _has_object(sent.doc[cand.start], rule.objectless):
            return None
        if rule.require_participant_types:
            close = self._close_participant_types(ctx, cand, in_sent)
            if read is not None and cand.is_verb:
                # "Masrour Barzani, the Kurdistan Region's prime minister, condemned ...": the verb's
                # own subject, a name, however long the apposition between
                subject_ids = [m.entity_id for s in reader.sx.subjects(sent.doc[cand.start])
                               if (m := reader.sx.mention_at(s)) is not None]
                close |= {str(e.type) for e in map(ctx.entity, subject_ids) if e is not None}
            if read is not None and reader.self_announced(sent.doc, cand.start, cand.end, rule.label, actors):
                # "X said it was suspending attacks": X, however far from the trigger
                close |= {str(e.type) for e in map(ctx.entity, actors) if e is not None}
            near_hit = rule.near_or_participant and self._near_hit(cand)
            if not (close & rule.require_participant_types) and not near_hit:
                return None
        # "were torched by protestors": a passive verb with its agent written is a concrete happening.
        by_agent = cand.passive and (bool(re.match(r"\s+by\s+\w", text[sent.doc[cand.end - 1].idx
                                                                        + len(sent.doc[cand.end - 1].text):][:12]))
                                     or agent_of_conjoined(sent.doc[cand.end - 1]))
        if not counts and is_inside_speech(text, trigger):
            return None  # what a speaker says may happen or happened: the narrative reports what did
        anchored = has_date or has_place or bool(counts) or by_agent \
            or (bool(participants) and (cand.is_verb or self._definite(cand) or _done_by_light_verb(cand))) \
            or (cand.is_verb and _narrated(sent.doc[cand.start], rule, cand.tag, cand.passive)) \
            or (rule.type in VIOLENT_TYPES and _one_told_happening(cand)) \
            or _narrated_deed(cand) \
            or (rule.type in VIOLENT_TYPES and _in_title(ctx, sent) and _does_in_headline(cand))
        if not anchored:
            return None
        head = trigger_head(sent.doc, cand.start, cand.end)
        if rule.type == "Strategic developments" and reader.available and not own and not attached \
                and (head.dep_ == "relcl" or head.dep_ == "acl" and rule.sub_type == "Other") \
                and not any(c.lower_ in SEQUENCE_ADVERBS for c in head.children):
            # "the Shiite alliance that formed the current government", "X, which has been sanctioned by
            # Washington": a description of a participant, no happening of the story ("X, who was later
            # released" goes on with the story); so is a participle set on a name or a thing ("Sudani —
            # nominated by the Coordination Framework", "the first sign of life released by the group"),
            # though a group "formed after the killing" or an outpost "established in 2015" was made
            return None
        etype, sub_type, label = self._apply_variants(ctx, cand, actors, targets)
        if rule.id == "event-killing" and sub_type in ("Attack", "Armed clash"):
            victims = list(targets)
            if not cand.is_verb:  # "the assassination in January of X": whoever its own phrase names
                head = trigger_head(sent.doc, cand.start, cand.end)
                lo, hi = head.left_edge.idx, head.right_edge.idx + len(head.right_edge.text)
                victims += [m.entity_id for m in in_sent if m.entity_id and lo <= m.start and m.end <= hi]
            death = _recorded_death(ctx, victims, value.iso_start[:4] if value is not None and not
                                    basis.startswith("undated") else None, cand.is_verb and not cand.passive)
            if death is not None:  # "the assassination of Soleimani": the KB knows the strike that killed him
                etype, sub_type = "Explosions/Remote violence", death
        if (etype in VIOLENT_TYPES or sub_type in _FORCE_SUB_TYPES) and rule.type not in VIOLENT_TYPES \
                and rule.sub_type not in _FORCE_SUB_TYPES and sent.doc.has_annotation("DEP"):
            # "Gunmen stormed a police station, killing six": the attack on the people takes their toll
            found = self._counts_of(ctx, sent, dates, (cand.start, cand.end))
            counts = {**{k: v for k, v in found.items() if k not in ("arrested", "released")}, **counts}
        if sub_type == "Abduction/forced disappearance" and "arrested" in counts and "abducted" not in counts:
            counts["abducted"] = counts.pop("arrested")  # "gunmen seized three men": taken, not arrested
        start, end = self._trim(ctx.document.text, sent.start_char, sent.end_char)
        evidence = Evidence(ctx.document.doc_id, start, end, ctx.document.text[start:end], rule.producer,
                            rule.confidence * (1.0 if location is None or location.confidence >= 0.9 else 0.9))
        title = ctx.document.metadata.title or ""
        title_at = ctx.document.text.find(title) if title else -1
        summary = title_at >= 0 and title_at <= start < title_at + len(title)  # the headline
        attrs: dict[str, object] = {"label": label, "rule": rule.id, "trigger": ctx.document.text[
            sent.doc[cand.start].idx:sent.doc[cand.end - 1].idx + len(sent.doc[cand.end - 1].text)],
            "anaphoric": self._definite(cand) and not participants and not (
                date_match is not None and not _counted_from(date_match, trigger)
                or any(d.scope_end is None and not _counted_from(d, trigger) for d in in_sentence))}
        if summary:
            attrs["summary"] = True  # the headline: it sums up a happening the body reports
        if counts and cand.is_verb and sent.doc.has_annotation("DEP") and is_tally(sent.doc[cand.start]):
            attrs["tally"] = True  # "Since January, 40 civilians have been killed": many happenings' toll
        if date_text:
            attrs["date_text"], attrs["date_basis"] = date_text, basis
        elif value is not None:
            attrs["date_basis"] = basis
        if location is not None:
            attrs["location_basis"] = location.basis
            if _seen_from(text, in_sent, location.entity_id):
                attrs["location_direction"] = True  # "north of Baghdad": near the place, not in it
        if location is not None and container is not None and container.lat is not None:
            attrs["location_container"] = container.entity_id  # the coordinates are the container's
            location = replace(location, lat=container.lat, lon=container.lon, precision=container.precision)
        event = Event(
            event_id="", type=etype, sub_type=sub_type,
            date_start=value.iso_start if value else None, date_end=value.iso_end if value else None,
            date_precision=value.precision if value else None,
            location_id=location.entity_id if location else None,
            location_name=location.name if location else None,
            lat=location.lat if location else None, lon=location.lon if location else None,
            geo_precision=location.precision if location else None,
            actors=actors, targets=targets, counts=counts,
            certainty=self._certainty(ctx.span_text(sent)), attrs=attrs, evidence=[evidence])
        return event

    def _story_capital(self, ctx: DocContext, mentions: list[Mention], country: str | None = None) -> Location | None:
        """Return the capital of ``country``, else of the country the story is set in
        (:func:`story_country`), as the place "the capital" refers to; None when the KB knows none."""
        country = country or story_country(ctx.kb, mentions, lambda m: _entity_type(ctx, m))
        record = ctx.kb.get(country) if country else None
        capital = str(record.attributes.get("capital") or "") if record is not None else ""
        known = ctx.kb.get(capital) if capital else None
        if known is None:
            return None
        entity = ctx.entity(capital) or known.to_entity()
        found = locate_event([Mention(doc_id=ctx.document.doc_id, start=0, end=0, text=entity.name,
                                      type=EntityType.PLACE, producer="", confidence=1.0, entity_id=capital)],
                             {**ctx.entities, capital: entity}, ctx.kb)
        return replace(found, basis="the story's capital", confidence=0.6) if found is not None else None

    @staticmethod
    def _in_named_country(ctx: DocContext, location: Location, in_sent: list[Mention]) -> bool:
        """Return True unless the sentence says the happening was "in" a country and the place is not
        known to lie in it (a place the gazetteer does not know lies in none)."""
        text = ctx.document.text
        countries = {m.entity_id for m in in_sent if m.entity_id and _entity_type(ctx, m) is EntityType.COUNTRY
                     and re.search(r"\bin\s+(?:the\s+)?$", text[max(0, m.start - 8):m.start])}
        if not countries:
            return True
        return bool(countries & ({location.entity_id} | set(ancestor_ids(ctx.kb, location.entity_id))))

    @staticmethod
    def _says_nationwide(reader: ArgumentReader, sent: Any, cand: Any, span: tuple[int, int]) -> bool:
        """Return True when "nationwide" / "across the country" is said of the trigger's happening:
        on its clause, or on its own noun when that noun sits in a phrase of another clause
        ("Minutes after the speech, the army lifted a nationwide curfew": the curfew's, not the speech's)."""
        if not reader.available:
            return False
        head = trigger_head(sent.doc, cand.start, cand.end)
        phrase = sent.doc.char_span(span[0], span[1], alignment_mode="expand")
        if phrase is None:
            return False
        if head.dep_ == "pobj":
            return phrase.root.i == head.i or head in phrase.root.ancestors
        return reader.attaches(sent.doc, cand.start, cand.end, span[0], span[1])

    @staticmethod
    def _home_country(ctx: DocContext, mentions: list[Mention]) -> str | None:
        """Return the country the story is set in (:func:`story_country`), else the one country
        every place and country the story names lies in or is (a story that names only Baghdad)."""
        home = story_country(ctx.kb, mentions, lambda m: _entity_type(ctx, m))
        if home is not None:
            return home
        countries: set[str] = set()
        for m in mentions:
            kind = _entity_type(ctx, m)
            if m.entity_id and kind is EntityType.COUNTRY:
                countries.add(m.entity_id)
            elif m.entity_id and kind is EntityType.PLACE:
                countries.update(a for a in ancestor_ids(ctx.kb, m.entity_id)
                                 if (r := ctx.kb.get(a)) is not None and r.type is EntityType.COUNTRY)
        return next(iter(countries)) if len(countries) == 1 else None

    @staticmethod
    def _country_place(ctx: DocContext, country: str) -> Location | None:
        """Return the location of a country the text names only by its adjective."""
        record = ctx.kb.get(country)
        if record is None:
            return None
        entity = ctx.entity(country) or record.to_entity()
        return locate_event([Mention(doc_id=ctx.document.doc_id, start=0, end=0, text=entity.name,
                                     type=EntityType.COUNTRY, producer="", confidence=1.0, entity_id=country)],
                            {**ctx.entities, country: entity}, ctx.kb)

    @staticmethod
    def _town_named_before(ctx: DocContext, sent: Any, mentions: list[Mention]) -> Location | None:
        """Return the town "the city" or "the town" stands for when no happening told before has a
        place: the last town or city named before it in its paragraph, even in a name ("a member of
        the Basra provincial council, outside his home in the city": Basra)."""
        text = ctx.document.text
        said = _THE_TOWN.search(text, sent.start_char, sent.end_char)
        if said is None:
            return None
        floor = max(text.rfind("\n", 0, sent.start_char), 0)
        before = [m for m in mentions if floor <= m.start and m.end <= said.start() and m.entity_id
                  and _entity_type(ctx, m) is EntityType.PLACE and ctx.kb.get(m.entity_id) is not None]
        town = next((m for m in reversed(before)
                     if (e := ctx.entity(m.entity_id or "")) is not None and rank_place(e)[1] == "city"), None)
        if town is None:
            return None
        found = locate_span([town], ctx.entities, ctx.kb, "the town named before", 0.6)
        return found

    @staticmethod
    def _dateline_town(ctx: DocContext, reader: ArgumentReader, mentions: list[Mention], line: int,
                       end: int) -> Location | None:
        """Return the place a dateline opens with when no mention covers it: the tagger often
        misses a town written in capitals ("MOSUL, Iraq (AP) - ", "RAMADI - "), which the KB or
        the gazetteer still knows by name; not a capital (bureaus there report on the whole country)."""
        span = dateline_place(ctx.document.text, line, end)
        if span is None or any(m.start < span[1] and span[0] < m.end for m in mentions):
            return None
        record = ctx.kb.lookup_place(ctx.document.text[span[0]:span[1]])
        if record is None or record.type is not EntityType.PLACE:
            return None
        entity = ctx.entity(record.id) or record.to_entity()
        town = Mention(doc_id=ctx.document.doc_id, start=span[0], end=span[1], text=entity.name,
                       type=EntityType.PLACE, producer="", confidence=1.0, entity_id=record.id)
        if reader.capital_state_of(town):
            return None
        return locate_span([town], {**ctx.entities, record.id: entity}, ctx.kb, "dateline", 0.6)

    @staticmethod
    def _struck_town(ctx: DocContext, rule: EventRule, m: Mention) -> bool:
        """Return True for a town or city a remote attack hit ("a drone struck Eilat"): the target
        is also where the happening was."""
        return rule.type == "Explosions/Remote violence" and _entity_type(ctx, m) is EntityType.PLACE

    @staticmethod
    def _acting_capital(ctx: DocContext, reader: ArgumentReader, m: Mention, actors: list[str]) -> bool:
        """Return True for a capital that acted for its state ("Washington imposed sanctions"):
        no place of the event, unless a preposition of place stands before it ("in Washington",
        "in southern Baghdad", "in the centre of Baghdad")."""
        if not m.entity_id or not set(reader.capital_state_of(m)) & set(actors):
            return False
        before = ctx.document.text[max(0, m.start - 40):m.start]
        return _PLACE_BEFORE.search(before) is None

    @staticmethod
    def _placeable(ctx: DocContext, in_sent: list[Mention], actors: list[str], targets: list[str],
                   reader: ArgumentReader) -> list[Mention]:
        """Return the mentions that may give an event's place (not its participants or their modifiers)."""
        text = ctx.document.text
        # "Iran's Supreme Leader", "Iraqi Foreign Minister": a place that modifies a participant.
        ordered = sorted(in_sent, key=lambda m: (m.start, -m.end))
        modifiers = {id(ordered[i]) for i, head in find_modifiers(ctx, text, ordered).items()
                     if is_participant(ctx, ordered[head])}
        facilities = {m.entity_id for m in in_sent if m.entity_id and reader.is_facility(m)}
        acting = {id(m) for m in in_sent if EventExtractor._acting_capital(ctx, reader, m, actors)}
        return [m for m in in_sent if id(m) not in modifiers and id(m) not in acting
                and not OPPOSED.search(text, max(0, m.start - 20), m.start)
                and (m.entity_id is None or m.entity_id in facilities or not (
                    m.entity_id in actors or (m.entity_id in targets and TARGET_PREP.search(text[max(0, m.start - 30):m.start]))))]

    @staticmethod
    def _town_named(ctx: DocContext, m: Mention) -> Mention:
        """Return a place mention for a name the tagger took for a person or group the KB does not
        know, written right after a preposition of place and known to the gazetteer as a town
        ("wounded three people in Penjwen"); else the mention as it is."""
        if m.type not in (EntityType.PERSON, EntityType.ARMED_GROUP, EntityType.POLITICAL_ORG) \
                or (m.entity_id is not None and ctx.kb.get(m.entity_id) is not None) \
                or not _PLACE_PREP_BEFORE.search(ctx.document.text, max(0, m.start - 16), m.start):
            return m
        try:
            found = ctx.kb.lookup_place(m.text)
        except (AttributeError, KeyError):
            return m
        record = as_entity(found[0] if isinstance(found, list) and found else found) if found else None
        if record is None or record.type is not EntityType.PLACE:
            return m
        # a gazetteer knows towns named like people ("Hamid" is a name of Isparta): only a town in a
        # country the story names, by its name or its places
        country = next((a for a in ancestor_ids(ctx.kb, record.entity_id)
                        if (r := ctx.kb.get(a)) is not None and r.type is EntityType.COUNTRY), None)
        named = {i for x in ctx.mentions if x.entity_id and _entity_type(ctx, x) in (EntityType.PLACE, EntityType.COUNTRY)
                 for i in (x.entity_id, *ancestor_ids(ctx.kb, x.entity_id))}
        if country is None or country not in named or ctx.document.text.startswith("'s", m.end):
            return m
        return replace(m, type=EntityType.PLACE, entity_id=None)

    @staticmethod
    def _list_holder(ctx: DocContext, reader: ArgumentReader, location: Location,
                     candidates: list[Mention]) -> Location | None:
        """Return the place that holds a list the chosen place is one item of, else None.

        "Drones attacked the towns of Bartella, Qaraqosh and Bashiqa in the Nineveh Plains": the
        Nineveh Plains; "Rockets hit the downtown area, Erbil airport and a coalition base north of
        Erbil": Erbil (a place of the sentence the KB puts a listed place in). A holder no finer
        than a country says nothing more than the list ("A, B and C in Iraq"): None.
        """
        chosen = next((m for m in candidates if m.entity_id == location.entity_id), None)
        listed = reader.listed_places(chosen) if chosen is not None else None
        if listed is None:
            return None
        items, holders = listed
        ids = {m.entity_id for m in items if m.entity_id}
        holders += [m for m in candidates if m.entity_id and m.entity_id not in ids
                    and any(place_contains(ctx.kb, m.entity_id, i) for i in ids)]
        held = locate_span(holders, ctx.entities, ctx.kb, "clause", 0.9)
        if held is not None and held.precision != "country" and held.entity_id not in ids:
            return held
        # "Rockets struck Baghdad airport and the Green Zone": the town the KB puts them all in
        chains = [ancestor_ids(ctx.kb, i) for i in ids]
        if len(chains) < 2:
            return None
        common = next((a for a in chains[0] if all(a in c for c in chains[1:])), None)
        record = as_entity(ctx.kb.get(common)) if common else None
        if record is None or rank_place(record)[0] > ADMIN_LEVELS["district"][0]:
            return None  # "in Baghdad and Basra": only a country or province holds both
        lat, lon = find_coordinates(ctx.kb, record)
        return Location(record.entity_id, record.name, lat, lon, rank_place(record)[1], "clause", 0.9)

    def _relocate(self, ctx: DocContext, event: Event, sent: Any, start: int, end: int,
                  mentions: list[Mention]) -> None:
        """Re-pick an event's place when it was named only in a later clause of its sentence.

        "X was expected to release them, as happened after the raid in southern Baghdad": Baghdad
        is where the raid was. A place before the event's clause ("In Baghdad, gunmen killed X,
        and police arrested two") still scopes over the whole sentence.
        """
        if event.location_id is None or event.attrs.get("location_basis") != "clause":
            return
        in_sent = [m for m in mentions if sent.start_char <= m.start and m.end <= sent.end_char]
        named = [m for m in in_sent if m.entity_id == event.location_id
                 or (m.entity_id is None and m.text == event.location_name)]
        if not named or any(m.start < end for m in named):
            return
        inside = [m for m in in_sent if start <= m.start and m.end <= end]
        found = locate_event(self._placeable(ctx, inside, event.actors, event.targets, self._reader(ctx)), ctx.entities, ctx.kb)
        event.location_id = found.entity_id if found else None
        event.location_name = found.name if found else None
        event.lat, event.lon = (found.lat, found.lon) if found else (None, None)
        event.geo_precision = found.precision if found else None
        if found is None:
            event.attrs.pop("location_basis", None)

    def _told_again(self, sent: Any, events: list[Event], triggers: list[int], first: int) -> bool:
        """Return True when the events a sentence made from ``first`` on are only the happening told
        before, named again by the subject of a verb that places it ("The ambush took place in the
        Khalis district", "The attack happened near Balad"): one trigger, that noun, and no figure,
        side or day of its own."""
        if not sent.doc.has_annotation("DEP") or not any(e.type in VIOLENT_TYPES for e in events[:first]):
            return False
        found = told_place_verb(sent)
        if found is None:
            return False
        noun = found[1]
        return all(t == noun.idx for t in triggers[first:]) and all(
            not e.counts and not e.actors and not e.targets and e.type in VIOLENT_TYPES for e in events[first:])

    def _place_told_later(self, ctx: DocContext, sent: Any, events: list[Event], mentions: list[Mention]) -> None:
        """Place the story's last violent happening where a later sentence that tells nothing new
        puts it ("The attack happened in a village on the outskirts of Samarra"), when finer."""
        reader = self._reader(ctx)
        text = ctx.document.text
        in_sent = [m for m in mentions if sent.start_char <= m.start and m.end <= sent.end_char]

        def places_of(verb: Any) -> list[Mention]:
            attached = reader.place_mentions(sent.doc, verb.i, verb.i + 1)
            return _road_ends(text, _beside_reference(text, [m for m in attached if not reader.describes_other(m)]))

        def container(found: Location) -> Location | None:
            known = [m for m in in_sent if m.entity_id and m.entity_id != found.entity_id
                     and ctx.kb.get(m.entity_id) is not None]
            return locate_event(known, ctx.entities, ctx.kb) if known else None

        place_told_later(sent, events, VIOLENT_TYPES, ctx.kb, places_of,
                         lambda found: locate_event(found, ctx.entities, ctx.kb, reader.written_inside(in_sent)),
                         container, ctx.document.doc_id, text)

    def _place_in_part(self, ctx: DocContext, event: Event, sent: Any, cut: int, mentions: list[Mention]) -> None:
        """Place the second part of a verb told of two days ("... on Monday and a village near
        Makhmour on Tuesday") by the places of that part, when it names one."""
        if event.attrs.get("location_basis") != "clause":
            return
        in_sent = [m for m in mentions if sent.start_char <= m.start and m.end <= sent.end_char]
        if any(m.start >= cut and (m.entity_id == event.location_id or m.text == event.location_name) for m in in_sent):
            return
        inside = [m for m in in_sent if cut <= m.start]
        found = locate_event(self._placeable(ctx, inside, event.actors, event.targets, self._reader(ctx)), ctx.entities, ctx.kb)
        if found is not None:
            event.location_id, event.location_name = found.entity_id, found.name
            event.lat, event.lon, event.geo_precision = found.lat, found.lon, found.precision

    @staticmethod
    def _trim(text: str, start: int, end: int) -> tuple[int, int]:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return start, end

    @staticmethod
    def _mentions_of(sents: list[Any], k: int, mentions: list[Mention]) -> list[Mention]:
        if k < 0 or k >= len(sents):
            return []
        s = sents[k]
        return [m for m in mentions if s.start_char <= m.start and m.end <= s.end_char]

    @staticmethod
    def _definite(cand: Candidate) -> bool:
        if cand.is_verb:
            return False
        doc = cand.sent.doc
        for j in range(cand.start - 1, max(cand.sent.start, cand.start - 4) - 1, -1):
            if doc[j].lower_ in DETERMINERS:
                return True
            if not (doc[j].is_alpha or doc[j].text == "-"):
                return False
        return False

    @staticmethod
    def _as_states(ctx: DocContext, ids: list[str]) -> list[str]:
        """Return ``ids`` with a state's forces as a whole (KB ``forces_of``: "the US military")
        written as the state, as "US forces" already is."""
        out: list[str] = []
        for eid in ids:
            record = ctx.kb.get(eid)
            state = record.attributes.get("forces_of") if record is not None else None
            eid = str(state) if state else eid
            if eid not in out:
                out.append(eid)
        return out

    @staticmethod
    def _close_participant_types(ctx: DocContext, cand: Candidate, in_sent: list[Mention]) -> set[str]:
        """Return the entity types of mentions within the rule's window of the trigger."""
        doc, window = cand.sent.doc, cand.rule.window
        lo = doc[max(cand.sent.start, cand.start - window)].idx
        last = doc[min(cand.sent.end, cand.end + window) - 1]
        hi = last.idx + len(last.text)
        out: set[str] = set()
        for m in in_sent:
            entity = ctx.entity(m.entity_id)
            if entity is not None and lo <= m.start and m.end <= hi:
                out.add(str(entity.type))
        return out

    def _near_hit(self, cand: Candidate) -> bool:
        doc, rule = cand.sent.doc, cand.rule
        lo, hi = max(cand.sent.start, cand.start - rule.window), min(cand.sent.end, cand.end + rule.window)
        return any(doc[j].lower_ in rule.near for j in range(lo, hi) if not cand.start <= j < cand.end)

    def _counts_of(self, ctx: DocContext, sent: Any, dates: list[DateMatch],
                   trigger: tuple[int, int] | None = None) -> dict[str, int]:
        """Return the counts of one parsed sentence (:func:`sentence_counts`; read once per
        sentence and trigger), the numbers of its dates left out."""
        found = self._sentence_counts.get((sent.start, trigger))
        if found is None:
            doc = sent.doc
            if not doc.has_annotation("DEP"):
                return {}
            spans = [(d.start, d.end) for d in dates if sent.start_char <= d.start < sent.end_char]
            tokens = (t for t in sent if not any(a <= t.idx < b for a, b in spans)) if spans else sent
            found = self._sentence_counts[(sent.start, trigger)] = sentence_counts(tokens, ctx.span_text(sent), trigger)
        return found

    def _find_counts(self, ctx: DocContext, cand: Candidate, dates: list[DateMatch],
                     trigger: tuple[int, int] | None = None) -> dict[str, int]:
        """Return what the trigger's sentence counts for the event (``counts.py``) whose trigger
        spans ``trigger`` (the candidate's own when None).

        A violent event takes every casualty count of its sentence; another event only its own
        key (arrests: ``arrested``). Without a parse, the number nearest the trigger counts under
        the rule's key.
        """
        key = cand.rule.count
        doc, sent, lowers = cand.sent.doc, cand.sent, ctx.lowers()
        if doc.has_annotation("DEP"):
            found = self._counts_of(ctx, sent, dates, trigger or (cand.start, cand.end))
            if cand.rule.type in VIOLENT_TYPES or cand.rule.sub_type in _FORCE_SUB_TYPES:
                # its casualties ("fired tear gas at the crowd, wounding 12"); arrests are events of their own
                return {k: v for k, v in found.items() if k not in ("arrested", "released") or k == key}
            return {key: found[key]} if key is not None and key in found else {}
        if key is None:
            return {}
        best: tuple[int, int] | None = None
        for i in range(sent.start, sent.end):
            if not (lowers[i][:1].isdigit() or lowers[i] in NUMBER_WORDS):
                continue  # _number is None for it
            tok = doc[i]
            value = number_value(tok)
            if value is None or any(d.start <= tok.idx < d.end for d in dates):
                continue
            nxt = lowers[tok.i + 1:min(tok.i + 4, sent.end)]
            if not PERSON_SURFACES & set(nxt) and not {"were", "killed", "injured", "wounded", "arrested",
                                                          "dead", "detained", "abducted"} & set(nxt):
                continue
            dist = min(abs(tok.i - cand.start), abs(tok.i - cand.end))
            if dist <= 10 and (best is None or dist < best[0]):
                best = (dist, value)
        return {key: best[1]} if best else {}

    def _certainty(self, text: str) -> Certainty:
        if self._anonymous.search_any(text):
            return Certainty.ANONYMOUS
        if self._alleged.search_any(text):
            return Certainty.ALLEGED
        if self._claimed.search_any(text):
            return Certainty.CLAIMED
        return Certainty.REPORTED

    def _apply_variants(self, ctx: DocContext, cand: Candidate, actors: list[str],
                        targets: list[str]) -> tuple[str, str, str]:
        rule = cand.rule
        if not rule.variants:
            return rule.type, rule.sub_type, rule.label
        trigger = cand.sent.doc[cand.start]
        apart = set_apart_tokens(cand.sent, trigger) | _grievance_tokens(trigger) | _described_deaths(cand.sent, trigger) \
            if cand.sent.doc.has_annotation("DEP") else set()
        # "rallied on Friday, two years after a strike killed X": "killed" says nothing of the rally;
        # nor does it in "protested over a strike that killed three", what the protest is against
        lemmas = {w for i, w in enumerate(ctx.lowers()[cand.sent.start:cand.sent.end], cand.sent.start)
                  if i not in apart}

        def types_of(ids: list[str]) -> set[str]:
            return {str(ctx.entities[i].type) for i in ids if i in ctx.entities}
        for v in rule.variants:
            if v.if_near and not (v.if_near & lemmas):
                continue
            if v.if_joined and not any(t.lower_ in v.if_joined for t in trigger.conjuncts):
                continue
            if v.if_doer_words and not (v.if_doer_words & _doer_words(cand)):
                continue
            if v.if_target_types and not (v.if_target_types & types_of(targets)):
                continue
            if v.if_actor_types and not (v.if_actor_types & types_of(actors)):
                continue
            return v.type, v.sub_type, v.label
        return rule.type, rule.sub_type, rule.label

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
                  if is_participant(ctx, ordered[head]) and _entity_type(ctx, ordered[head]) is not EntityType.PERSON}
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



# "chanting slogans against the United States", "talks with Washington": what a happening opposes
# or deals with is not where it is.
OPPOSED = re.compile(r"\b(?:against|with)\s+(?:the\s+)?$", re.I)
TOLL_PRODUCER = "rule.event-toll-update.v1"
# "launched from Iraq", "fired from southern Lebanon": the place an attack came from.
_LAUNCHED_FROM = re.compile(r"\b(?:launched|fired|sent|flown|lobbed)\s+(?:\w+\s+){0,2}?from\s+(?:the\s+)?"
                            r"(?:\w+\s+)?$", re.IGNORECASE)
# "taken to hospital in Dohuk", "transferred to a hospital in Baqubah for treatment": where the
# wounded were treated, not where they were hurt.
_TREATED_IN = re.compile(r"\b(?:taken|transferred|rushed|evacuated|brought|admitted|moved|transported|treated|"
                         r"airlifted|flown)\s+(?:\w+\s+){0,3}?(?:to|at|in)\s+(?:a\s+|the\s+)?(?:\w+\s+)?"
                         r"(?:hospital|hospitals|clinic|medical\s+(?:centre|center|facility))\s+(?:in|at)\s+"
                         r"(?:the\s+)?(?:\w+\s+)?$", re.IGNORECASE)
# "marched in the capital": the capital of the country the story is set in (not "the capital of X").
# A happening said to span the whole country the story is set in.
_NATIONWIDE = re.compile(r"\bnation-?wide\b|\b(?:across|throughout|all over|around) the (?:whole |entire )?country\b",
                         re.IGNORECASE)
_THE_CAPITAL = re.compile(r"\b(?:in|across|near|around|outside|inside|into|to) the capital\b(?!\s+(?:of|city of))",
                          re.IGNORECASE)
# Words after an unknown place's name that make it a part of a town ("the al-Shuhada neighbourhood").
_URBAN_PART = re.compile(r"\W{0,2}(?:neighbou?rhood|quarter|street|square)\b", re.IGNORECASE)


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


def _toll_evidence(ctx: DocContext, sent: Any) -> Evidence:
    """Return a sentence that gives a happening told before its toll, as that happening's evidence."""
    start, end = sent.start_char, sent.end_char
    return Evidence(ctx.document.doc_id, start, end, ctx.document.text[start:end], TOLL_PRODUCER, 0.6)


def _means_of(verb: Any) -> set[str]:
    """Return the words naming what a verb was done with: "attacked the base with a drone",
    "using drones", "by drone" (the heads of those phrases, lower-cased; empty without a parse)."""
    if not verb.doc.has_annotation("DEP"):
        return set()
    found: set[str] = set()
    # "targeted a vital target in Eilat with drones": the parser may hang the means on the object
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for child in [*verb.children, *(c for o in objects for c in o.children)]:
        if child.dep_ == "prep" and child.lower_ in ("with", "by", "using") \
                and (child.head is verb or child.lower_ != "by"):
            found.update(o.lower_ for o in child.children if o.dep_ == "pobj")
        elif child.dep_ in ("advcl", "xcomp", "acl") and child.lower_ == "using":
            found.update(o.lower_ for o in child.children if o.dep_ == "dobj")
    return found


def _announced_decision(verb: Any) -> bool:
    """Return True for a change announced as decided: "X announced that it would suspend its
    operations", "said it will withdraw its fighters" (a decision told, not a threat or a plan)."""
    if not any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll") for c in verb.children):
        return False
    if any(c.dep_ == "neg" for c in verb.children):
        return False
    head = verb.head
    return verb.dep_ == "ccomp" and head.i != verb.i and (head.lower_ in ANNOUNCE_VERBS or head.lower_ in (
        "said", "decided", "stated"))


# "north of", "20 km south-west of the": the place written after it is a point of reference.
_DIRECTION_OF = re.compile(r"\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of\s+(?:the\s+)?$",
                           re.IGNORECASE)


# "across the border from (the Iraqi town of) X", "50 km from X", "not far from X": X is where the
# happening's place is measured from.
_MEASURED_FROM = re.compile(r"\b(?:(?:across|over)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:border|frontier|river)\s+from|"
                            r"(?:km|kms|kilometres|kilometers|miles|metres|meters)\s+(?:away\s+)?from|"
                            r"(?:not\s+far|away)\s+from)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?$"
                            # "in Abu Ghraib, west of Baghdad": the town after the comma is where it is measured from
                            r"|,\s+(?:about\s+|some\s+)?(?:\d+\s*(?:km|kms|kilometres|kilometers|miles)\s+)?"
                            r"(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+(?:the\s+)?(?:city\s+of\s+)?$",
                            re.IGNORECASE)


def _beside_reference(text: str, mentions: list[Mention]) -> list[Mention]:
    """Return ``mentions`` without the places written as a reference point ("in Albu Kamal, across
    the border from al-Qaim"), unless only reference points are named."""
    kept = [m for m in mentions if not _MEASURED_FROM.search(text, max(0, m.start - 60), m.start)]
    return kept if kept else mentions


FOLLOW_UP_SENTENCES = 3  # how far back in its paragraph a bare toll looks for the happening it counts


def _paragraph_floor(text: str, before: Sequence[Any], start: int, floor: int) -> int:
    """Return where the happening a bare toll counts may be told: the sentence before (``floor``)
    or, in the same paragraph, up to :data:`FOLLOW_UP_SENTENCES` sentences back ("A car bomb
    exploded ... The blast shattered windows ... "It was huge," said a shopkeeper. Hospital
    officials said nine people were killed")."""
    seen = 0
    for s in reversed(before):  # the last FOLLOW_UP_SENTENCES sentences with words, latest first
        if seen == FOLLOW_UP_SENTENCES:
            break
        if not any(ch.isalnum() for ch in text[s.start_char:s.end_char]):
            continue
        seen += 1
        if "\n" in text[s.end_char:start]:
            break
        floor = min(floor, s.start_char)
    return floor


def _inside_any(m: Mention, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= m.start and m.end <= b for a, b in spans)


_ROAD_NOUN = r"(?:road|highway|motorway|expressway|route|railway)\b"
_ROAD_START = re.compile(r"\s*[-\u2013]\s*[\w' .-]{2,40}?\s+" + _ROAD_NOUN, re.IGNORECASE)
_ROAD_END = re.compile(r"\s+" + _ROAD_NOUN, re.IGNORECASE)


def _road_ends(text: str, mentions: list[Mention]) -> list[Mention]:
    """Return ``mentions`` without the towns a road is named by ("on the Kirkuk-Baghdad road near
    Daquq": the road runs between them), unless only they are named."""
    kept = [m for m in mentions if not (_ROAD_START.match(text, m.end) or (
        re.search(r"[-\u2013]\s*$", text[max(0, m.start - 3):m.start]) and _ROAD_END.match(text, m.end)))]
    return kept if kept else mentions


def _headline_places(events: list[Event]) -> None:
    """Give the body's first telling of a present-tense headline's kind of happening the headline's
    own place when the body writes none ("Gunmen abduct activist in Nasiriyah" / "Unknown gunmen
    abducted a protest activist on Tuesday ..."): the headline is dropped for the body's telling,
    its place is not."""
    body = [e for e in events if not e.attrs.get("headline_present")]
    for head in events:
        if not head.attrs.get("headline_present") or head.location_id is None \
                or head.attrs.get("location_basis") != "clause" or head.geo_precision == "country":
            continue
        lead = next((e for e in body if e.type == head.type), None)
        if lead is not None and lead.location_id is None:
            lead.location_id, lead.location_name = head.location_id, head.location_name
            lead.lat, lead.lon, lead.geo_precision = head.lat, head.lon, head.geo_precision
            lead.attrs["location_basis"] = "headline"


def _seen_from(text: str, mentions: Sequence[Mention], entity_id: str) -> bool:
    """Return True when every mention of the place in ``mentions`` is written after a direction
    ("ambushed their patrol north of Baghdad"): the happening was near it, outside it."""
    named = [m for m in mentions if m.entity_id == entity_id]
    return bool(named) and all(_DIRECTION_OF.search(text, max(0, m.start - 30), m.start) for m in named)


def location_end(mentions: Sequence[Mention], entity_id: str) -> int:
    """Return where the last of ``mentions`` naming ``entity_id`` ends (0 when none does)."""
    return max((m.end for m in mentions if m.entity_id == entity_id), default=0)
_FORCE_SUB_TYPES = frozenset({"Protest with intervention", "Excessive force against protesters"})
SCENE_NOUNS = frozenset({"site", "scene", "aftermath", "wake", "spot", "location"})


# Nouns of looking into or reacting to a happening told elsewhere ("an investigation into the
# shooting", "a denunciation of the rocket attacks").
_INQUIRY_NOUNS = frozenset({"investigation", "investigations", "inquiry", "probe", "inquiries", "condemnation",
                            "condemnations", "denunciation", "denunciations"})


def _investigated(words: list[str], i: int) -> bool:
    """Return True for a happening named as what an inquiry looks into ("an investigation into the
    shooting", "a probe into the attack")."""
    k = i - 1
    while k >= 0 and k >= i - 4 and words[k] not in ("into", "of"):
        if words[k] in (",", ";", ".", "and"):
            return False
        k -= 1
    return k >= 1 and words[k] in ("into", "of") and words[k - 1] in _INQUIRY_NOUNS


def _scene_of(words: list[str], i: int) -> bool:
    """Return True when the noun at ``i`` names a place or time by a known happening: "the site of
    the strike", "the scene of the deadly attack", "in the aftermath of the bombing"."""
    for j in range(i - 1, max(-1, i - 4), -1):
        if words[j] in ("the", "this", "that", "last", "its", "their"):
            return j >= 2 and words[j - 1] == "of" and words[j - 2] in SCENE_NOUNS
    return False


def _entity_type(ctx: DocContext, m: Mention) -> EntityType:
    """Return the type of a mention's entity (the mention's own type when it links to none)."""
    entity = ctx.entity(m.entity_id)
    return entity.type if entity is not None else m.type


# Verbs whose complement has not happened ("threatened to attack", "plans to withdraw").
_PROSPECTIVE = frozenset("""threaten threatened threatens threatening vow vowed vows vowing plan planned plans
    planning intend intended intends intending seek sought seeks seeking promise promised promises warn warned
    warns pledge pledged pledges expect expected hope hoped want wanted wants prepare prepared refuse refused
    decline declined fail failed""".split())
_MODALS = frozenset({"will", "would", "could", "should", "may", "might", "shall", "can", "'ll", "must"})
# "have consistently demanded the expulsion": a position held, no one act
_HABITUAL = frozenset({"repeatedly", "regularly", "frequently", "often", "routinely", "usually",
                       "habitually", "constantly", "continually", "sometimes", "consistently", "persistently"})
_MANY = frozenset({"dozens", "numerous", "hundreds", "countless", "scores"})  # not "hit several times": one attack
_CONDITIONS = frozenset({"if", "unless", "whether", "lest"})


# Political developments (statements, agreements, a group's changes) are placed only by their
# own phrase or an opening "In X, ...": a place elsewhere in the sentence is what they are about.
_PLACELESS_SUB_TYPES = frozenset({"Other", "Agreement", "Change to group/activity"})
# "in Penjwen", "near the Penjwen" ...: a preposition of place right before a name
_PLACE_PREP_BEFORE = re.compile(r"\b(?:in|near|outside|around|inside)\s+(?:the\s+)?(?:town\s+of\s+|village\s+of\s+)?$",
                                re.I)
_OPENING_PLACE = re.compile(r"(?:In|At|From|Inside|Outside|Near)\s+[^,;]{2,60},")
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

# "US forces carried out airstrikes against X": a noun done by a past-tense verb of doing is a
# happening, not the generic plural of "airstrikes are a risk".
_DONE_VERBS = frozenset({"carried", "conducted", "launched", "staged", "mounted", "executed", "unleashed",
                         "waged", "made"})


def _done_by_light_verb(cand: Candidate) -> bool:
    """Return True for a noun trigger that is the object of a past "carried out", "launched"."""
    if cand.is_verb:
        return False
    head = cand.sent.doc[cand.end - 1]
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    verb = head.head
    return head.dep_ in ("dobj", "nsubjpass") and verb.lower_ in _DONE_VERBS and not any(
        c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children)  # "strikes were conducted", not "will be"


def _counts_by_part(sent: Any, cut: int, first: Event, second: Event) -> None:
    """Keep each part's own figures ("arrested two men in Basra on Monday and three others in Amara
    on Wednesday": two, then three): a figure written only in the other part is not this part's,
    and a part that writes one number of its own takes it for the kind of figure the other holds."""
    parts = ((first, [t for t in sent if t.idx < cut]), (second, [t for t in sent if t.idx >= cut]))
    numbers = [[n for t in tokens if (n := number_value(t)) is not None] for _, tokens in parts]
    for key in set(first.counts) | set(second.counts):
        for n, (event, _) in enumerate(parts):
            value = event.counts.get(key)
            if value is not None and value not in numbers[n] and value in numbers[1 - n]:
                del event.counts[key]
        for n, (event, _) in enumerate(parts):
            other = parts[1 - n][0]
            if key not in event.counts and key in other.counts and len(numbers[n]) == 1 \
                    and numbers[n][0] != other.counts[key]:
                event.counts[key] = numbers[n][0]


_SET_OFF_VERBS = frozenset({"sparked", "triggered", "prompted", "provoked", "ignited", "fuelled", "fueled",
                            "unleashed", "set"})


def _noun_by_parse(token: Any) -> bool:
    """Return True when the parse puts a verb's present form in a noun's place ("the main target of
    attacks": "target" and "attacks" are what "be" and "of" take): a noun, not the verb."""
    return token.doc.has_annotation("DEP") and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr") \
        and not any(c.dep_ in ("aux", "neg", "dobj") for c in token.children)


_SUFFERED = frozenset({"killed", "wounded", "injured", "slain", "martyred", "hurt", "died"})


def _described_deaths(sent: Any, trigger: Any) -> set[int]:
    """Return the tokens of participle or relative clauses that describe people by what befell them in
    another happening ("carrying the coffins of fighters killed in US air strikes", "fighters who were
    killed in a strike"), when the trigger is not inside: they say nothing of the trigger's happening."""
    out: set[int] = set()
    for t in sent:
        if t.dep_ in ("acl", "relcl") and t.lower_ in _SUFFERED and any(
                c.dep_ == "prep" and c.lower_ in ("in", "by", "during") and any(g.dep_ == "pobj" for g in c.children)
                for c in t.children):
            span = {x.i for x in t.subtree}
            if trigger.i not in span:
                out |= span
    return out


def _suffered_in(outcome: Candidate, host: Candidate) -> bool:
    """Return True when an outcome verb names its host in its own "in/by/during" phrase ("mourners marched
    carrying the coffins of fighters killed in US air strikes": the strikes killed them, not the march)."""
    if not outcome.is_verb or host.is_verb:
        return False
    verb = outcome.sent.doc[outcome.start]
    head = host.sent.doc[host.end - 1]
    return head.dep_ == "pobj" and head.head.lower_ in ("in", "by", "during") and head.head.head.i == verb.i


def _told_as_before(cand: Candidate) -> bool:
    """Return True for a happening noun a temporal preposition sets before what the sentence tells
    ("missiles were fired at the airport days after Soleimani's killing in January 2020", "protests
    erupted after the assassination of an activist"): a happening of its own, no outcome of the host."""
    head = cand.sent.doc[cand.end - 1]
    return head.dep_ == "pobj" and head.head.lower_ in ("after", "before", "since", "following")


def _sets_off(cand: Candidate) -> bool:
    """Return True for a happening noun that is the subject of a verb of setting something off
    ("The assassination of an activist sparked protests", "the killing triggered clashes"): it came
    first, and is no outcome of what it set off."""
    if cand.is_verb:
        return False
    head = cand.sent.doc[cand.end - 1]
    return head.dep_ == "nsubj" and head.head.lower_ in _SET_OFF_VERBS


def _two_days_told(sent: Any, cand: Candidate, dates: Sequence[DateMatch]) -> tuple[int, DateMatch, DateMatch] | None:
    """Return where the second part starts and the two days of a verb told of two days by one
    clause ("struck two sites in Syria on Sunday and a command post in Iraq on Monday"), else None.

    Both days follow the verb, each is a day (a weekday or a written date), and an "and" that opens
    no clause of its own (no subject after it) stands between the first day and the second part."""
    doc = sent.doc
    verb = doc[cand.end - 1]
    told_by_verb = cand.is_verb or verb.dep_ in ("ROOT", "conj", "ccomp") and any(c.dep_ == "dobj" for c in verb.children)
    if not told_by_verb or cand.rule.type not in VIOLENT_TYPES | {"Strategic developments"}:
        return None  # "drones struck ...": a phrase ending on its verb tells it as a verb does
    after = doc[cand.end - 1].idx + len(doc[cand.end - 1].text)
    days = [d for d in dates if after <= d.start and d.end <= sent.end_char and (
        d.kind == "weekday" or d.value is not None and d.value.precision is DatePrecision.DAY)]
    if len(days) != 2 or days[0].text.lower() == days[1].text.lower():
        return None
    first, second = days
    joints = [t for t in sent if first.end <= t.idx < second.start and t.lower_ == "and" and t.dep_ == "cc"]
    if len(joints) != 1:
        return None
    joint = joints[0]
    between = [t for t in sent if joint.idx < t.idx < second.start]
    if any(t.dep_ in ("nsubj", "nsubjpass") or t.lower_ in (",", ";") for t in between) or not between:
        return None  # "... on Monday and police arrested two on Tuesday": a clause of its own
    if any(t.i != verb.i and t.dep_ in ("ROOT", "conj") and t.head.i == verb.i and t.lower_.endswith("ed")
           and any(c.dep_ in ("dobj", "nsubjpass") for c in t.children) for t in between):
        return None  # "struck X on Monday and bombed Y on Tuesday": another verb, its own trigger
    return joint.idx, first, second


def _narrated_deed(cand: Candidate) -> bool:
    """Return True for a noun trigger that is what a simple-past verb with a subject did ("Police
    fired tear gas at the crowd", "students staged a sit-in", "militants launched a rocket attack"):
    the clause tells one happening of the story, as a narrated verb does. Not for rules that need a
    day or named sides, nor a verb with a clause of what was said or meant."""
    rule = cand.rule
    if cand.is_verb or rule.require_date or rule.require_participant_types or rule.participants_are_actors:
        return False
    if rule.type not in VIOLENT_TYPES and rule.type != "Protests":
        return False
    head = cand.sent.doc[cand.end - 1]
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    verb = head.head
    return head.dep_ == "dobj" and verb.lower_ in _DEED_VERBS and verb.dep_ not in ("relcl", "acl", "amod", "xcomp") \
        and any(c.dep_ == "nsubj" for c in verb.children) \
        and not any(c.dep_ in ("aux", "neg", "ccomp", "xcomp") for c in verb.children)


_DEED_VERBS = _DONE_VERBS | frozenset({"fired", "held", "threw", "hurled", "planted", "detonated"})


def _described_again(noun: Any) -> bool:
    """Return True for a definite happening noun that is the subject of "be" with a description
    ("The attack was the third on the base this year", "This bombing is the deadliest since 2019",
    "Hamdani's killing is the latest in a series of killings"):
    a remark on the happening already told, not a new one (a passive, "The attack was claimed by
    X", is not this)."""
    verb = noun.head
    if noun.dep_ == "attr" and verb.lower_ in _BE_FORMS and any(
            c.dep_ == "nsubj" and c.lower_ in ("it", "this", "that") for c in verb.children):
        # "It was the third such attack on liquor stores this month", "This was the deadliest bombing
        # since 2019": the happening told is ranked among others, no new one
        return any(c.lower_ == "such" or c.lower_ in _RANKS or c.lower_.endswith("est") and c.dep_ == "amod"
                   for c in noun.children)
    return noun.dep_ == "nsubj" and verb.lower_ in _BE_FORMS \
        and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") or c.dep_ == "poss" for c in noun.children) \
        and any(c.dep_ in ("attr", "acomp") for c in verb.children)


_SERIES = frozenset({"wave", "series", "string", "spate", "spree", "campaign", "chain", "succession", "flurry"})


def _ranked_among(noun: Any) -> bool:
    """Return True for the happenings a ranked one is counted among ("The killing is the latest in a
    wave of assassinations since 2019", "the third in a series of attacks"): the class of the one
    told, no happening of its own."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return False
    series = noun.head.head
    if series.lower_ not in _SERIES or series.dep_ != "pobj" or series.head.lower_ != "in":
        return False
    rank = series.head.head
    return rank.lower_ in _RANKS or rank.lower_.endswith("est") or rank.lower_ == "one"


_BE_FORMS = frozenset({"was", "is", "were", "are", "'s"})
_RANKS = frozenset({"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                    "latest", "last", "deadliest", "worst", "biggest", "largest", "another"})


def _news_of(told: Candidate, violent: Candidate) -> bool:
    """Return True when an announcement tells the news of a violent happening of its sentence,
    however far apart ("the army announced the death of two soldiers and injuries to 20 others
    following a drone attack launched from Iraq"): the happening is the event."""
    if told.rule.label != "announcement" or violent.rule.type not in VIOLENT_TYPES:
        return False
    return violent.start > told.start or _reports_clause(told, violent)


def _reports_clause(told: Candidate, violent: Candidate) -> bool:
    """Return True when an announcing verb set after a clause reports that clause ("Iraqi forces
    recaptured the Old City on Sunday, the prime minister announced"): the parse makes the clause
    the verb's complement, and the verb takes no object of its own."""
    doc = told.sent.doc
    if not told.is_verb or not doc.has_annotation("DEP"):
        return False
    verb = doc[told.start]
    if any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.i > verb.i for c in verb.children):
        return False  # "..., and the army announced the end of the operation": its own news
    token = doc[violent.start]
    for _ in range(12):
        if token.head.i == token.i:
            return False
        if token.head.i == verb.i:
            return token.dep_ in ("ccomp", "parataxis") and token.i < verb.i
        token = token.head
    return False


def _reported_by(told: Candidate, saying: Candidate) -> bool:
    """Return True when ``told`` sits in the clause ``saying`` reports ("the ministry said in a
    statement that two civilians were wounded in the attack"): the statement carries the news of
    that happening and is no position of its own; so does a saying set after the clause it reports
    ("Two soldiers were killed when militants ambushed their patrol, the army said in a statement")."""
    doc = saying.sent.doc
    head = trigger_head(doc, saying.start, saying.end)
    if head.lower_ not in ("said", "says", "say", "tweeted", "tweets", "wrote", "writes", "posted", "posts"):
        return False  # "dismissed the fears after the ministry awarded ...": a position, whatever follows
    if told.start < head.i and any(doc[i].text in ('"', "\u201d") and doc[i - 1].text in (",", "\u2019", "'")
                                   for i in range(told.start + 1, head.i)):
        return True  # '"... one contractor was killed," the spokesman tweeted': the quote is what was said
    t = doc[told.start]
    for _ in range(12):
        if t.head.i == t.i:
            return False
        if t.head.i == head.i:
            return bool(t.dep_ == "ccomp")
        t = t.head
    return False


_TOLD_AUXILIARIES = frozenset({"was", "were", "had", "has", "have"})


def _one_told_happening(cand: Candidate) -> bool:
    """Return True for one happening told in the past: "A roadside bomb hit a convoy", "A car bomb
    exploded", "Two gunmen attacked a checkpoint" (one thing or a counted set as the subject, a verb
    in the past, no auxiliary); not "Roadside bombs kill civilians", "a bomb could hit" or "bombs
    have hit convoys for years". The model has no tagger: the past is read from the verb's form
    ("-ed", an irregular past, or a bare form after a singular subject, where the present adds -s)."""
    doc = cand.sent.doc
    head = doc[cand.end - 1]
    if cand.is_verb:
        verb, subjects = head, [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    elif head.dep_ in ("nsubj", "nsubjpass"):
        verb, subjects = head.head, [head]
    else:
        return False
    if verb.dep_ in ("relcl", "acl", "amod", "advcl", "xcomp", "pcomp") or any(
            c.dep_ == "neg" or c.dep_ in ("aux", "auxpass") and c.lower_ not in _TOLD_AUXILIARIES
            for c in verb.children):
        return False
    word = verb.lower_
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        word = "ed"  # "was detonated", "has hit": the auxiliary already places it in the past
    counted = [s for s in subjects if any(c.dep_ == "nummod" for c in s.children)]
    single = [s for s in subjects if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in s.children)
              and not s.lower_.endswith("s")]
    past = word.endswith("ed") or word in PAST_FORMS
    return bool(counted and past or single and (past or (word.isalpha() and not word.endswith("s"))))


def _has_object(verb: Any, objectless: frozenset[str]) -> bool:
    """Return True when one of a rule's object-free verbs has an object, a clause or a passive
    reading ("rallied support", "demonstrated that", "as demonstrated by")."""
    if verb.lower_ not in objectless:
        return False
    if any(c.dep_ in ("dobj", "ccomp", "auxpass", "agent", "nsubjpass") for c in verb.children):
        return True
    return bool(verb.i > 0 and verb.doc[verb.i - 1].lower_ == "as")


# Participles that describe someone by what they are held for ("fighters accused of rocket
# attacks", "a man suspected of planting the bomb", "members wanted for the killing").
# Verbs of a court's judgment: what someone is judged "for" is a charge, told elsewhere.
_JUDGED = frozenset({"sentenced", "convicted", "charged", "indicted", "jailed", "imprisoned", "tried", "executed",
                     "hanged", "prosecuted", "acquitted"})
_CHARGE_WORDS = frozenset({"accused", "suspected", "charged", "wanted", "convicted", "blamed", "sentenced",
                           "arrested", "detained", "jailed", "held"})


def _verb_read_as_clause(token: Any) -> bool:
    """Return True for a participle the parser hung on its subject as a clause although it is the
    sentence's verb: the noun it describes is the subject of a saying that has a subject of its own
    ("Security forces arrested at dawn today a terrorist cell ..., the Security Media Cell said")."""
    noun = token.head
    return token.dep_ == "acl" and noun.dep_ == "nsubj" and token.i > noun.i and any(
        c.dep_ == "nsubj" and c.i != noun.i for c in noun.head.children)


# People held for a happening: "the suspects in the attack".
_SUSPECT_NOUNS = frozenset({"suspect", "suspects"})


def _charged_with(token: Any) -> bool:
    """Return True for a trigger that names a charge: the word itself describes a noun ("fighters
    accused of ...") or it sits in the "of/for/with" phrase of such a participle (at most two
    steps up: "accused of carrying out rocket attacks")."""
    if not token.doc.has_annotation("DEP"):
        return False
    if token.lower_ in _CHARGE_WORDS and token.dep_ in ("acl", "amod") and token.head is not token \
            and not _verb_read_as_clause(token):
        return True
    if token.dep_ == "pobj" and token.head.lower_ in ("for", "over") and token.head.head.lower_ in _JUDGED:
        return True  # "a court sentenced three men to death for the killing of an activist": the charge
    noun = token.head if token.dep_ == "compound" else token  # "the rocket attack": its head noun
    holder = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "in" else None
    suspects = holder is not None and (holder.lower_ in _SUSPECT_NOUNS or any(  # the parser may hang "in" on the verb
        c.dep_ == "dobj" and c.lower_ in _SUSPECT_NOUNS for c in holder.children))
    if suspects and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
        return True  # "arrested three suspects in the rocket attack": the attack told before, held against them
    t = token
    for _ in range(4):
        head = t.head
        if head.i == t.i:
            return False
        if head.lower_ in _CHARGE_WORDS and head.dep_ in ("acl", "amod") and t.dep_ in ("prep", "pcomp", "pobj"):
            return True
        t = head
    return False


# Verbs whose object is a subject of talk, not a happening told ("discussed the rocket attacks").
TOPIC_VERBS = frozenset({"discuss", "discussed", "discusses", "discussing", "review", "reviewed", "reviewing",
                         "debate", "debated", "debating"})
# Adverbs by which a relative clause goes on with the story ("X, who was later released").
SEQUENCE_ADVERBS = frozenset({"later", "then", "subsequently", "afterwards", "afterward", "eventually", "soon",
                              "immediately", "briefly"})


def _means_of_a_past_act(token: Any) -> bool:
    """Return True for a gerund that says how a past act was done: "Iran responded five days later
    by firing ballistic missiles", "... retaliated by striking ..." (the parse's governing verb is
    in the past; without a parse, no)."""
    if not token.doc.has_annotation("DEP"):
        return False
    if token.dep_ == "pcomp" and token.head.lower_ in ("by",):
        verb = token.head.head
    else:
        return False
    if any(c.dep_ == "aux" and c.lower_ in ("will", "would", "could", "might", "may", "should", "to")
           for c in verb.children):
        return False
    return verb.lower_.endswith("ed") or verb.lower_ in IRREGULAR_PAST


def not_happened(token: Any) -> bool:
    """Return True when the parse shows a verb's happening did not take place (or not yet).

    Negated ("did not attack"), under a modal ("could attack", "would strike"), in a condition
    ("if they attack"), habitual ("repeatedly attacked", "attacked ... dozens of times": a generic
    claim, not one happening), or the complement of a verb of intent or threat ("threatened to attack",
    "plans to withdraw"). Without a parse nothing is decided here.
    """
    doc = token.doc
    if not doc.has_annotation("DEP"):
        return False
    for c in token.children:
        if c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in _MODALS):
            return True
        if c.dep_ == "mark" and c.lower_ in _CONDITIONS:
            return True
        if c.dep_ == "advmod" and c.lower_ in _HABITUAL or c.lower_ == "whenever":
            return True  # "repeatedly shelled", "whenever the state arrests ...": no one happening
        if c.lower_ in ("time", "times") and any(g.dep_ == "det" and g.lower_ in ("every", "each", "any")
                                                  for g in c.children):
            return True  # "every time the state arrests a commander"
    for t in token.subtree:  # "has attacked US forces dozens of times": a count of many happenings
        if t.lower_ == "times" and t.i >= 1 and (doc[t.i - 1].lower_ in _MANY or (
                t.i >= 2 and doc[t.i - 1].lower_ == "of" and doc[t.i - 2].lower_ in _MANY)):
            return True
    if token.dep_ in ("xcomp", "ccomp") and token.head is not token and token.head.lower_ in _PROSPECTIVE:
        return True
    if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in token.children):
        return True
    return False


RELATIVE_PRONOUNS = frozenset({"who", "which", "whom", "whose"})


def _tells_in_clause(sent: Any, trigger_at: int, verb: Any) -> bool:
    """Return True when the trigger at character ``trigger_at`` belongs to ``verb``'s own clause
    ("who were killed in an airstrike": the airstrike is the relative clause's), not to a clause of
    its own inside it ("who have camped ... to protest the election")."""
    token = next((t for t in sent if t.idx == trigger_at), None)
    for _ in range(12):
        if token is None or token.i == verb.i:
            return token is not None
        if token.dep_ in ("xcomp", "advcl", "ccomp", "relcl", "acl") or token.head.i == token.i:
            return False
        token = token.head
    return False


_GRIEVANCE_PREPS = frozenset({"over", "against"})


def _grievance_tokens(verb: Any) -> set[int]:
    """Return the token indices of what a verb's happening is over or against, or marks ("protested
    over a drone strike that killed three", "rallied against the killing of X", "rallied to mark two
    years since a strike killed X"): another happening, whose words say nothing of how this one went."""
    out: set[int] = set()
    for child in verb.children:
        if (child.dep_ == "prep" and child.lower_ in _GRIEVANCE_PREPS) \
                or (child.dep_ in ("advcl", "xcomp") and child.lower_ in _MARKING_VERBS):
            out.update(range(child.left_edge.i, child.right_edge.i + 1))
    return out


# "rallied to mark the anniversary of the killing", "gathered to mourn the victims": what a
# gathering marks is another happening.
_MARKING_VERBS = frozenset({"mark", "marking", "commemorate", "commemorating", "mourn", "mourning", "honour",
                            "honouring", "honor", "honoring", "remember", "remembering"})


def _planned_by_light_verb(noun: Any) -> bool:
    """Return True when a noun trigger is the object of a staging verb that did not happen (yet):
    "said it would hold a rally next week", "plans to stage a sit-in", "did not launch an attack"."""
    if not noun.doc.has_annotation("DEP") or noun.dep_ != "dobj":
        return False
    verb = noun.head
    return verb.lower_ in STAGING_VERBS and not_happened(verb)


def _judged(told: Candidate, judging: Candidate) -> bool:
    """Return True when a violent noun trigger is the object of a judging statement verb ("The foreign
    ministry on Tuesday condemned the Turkish bombardment of villages"): the condemnation is a position
    of its own, told beside the happening it judges, not the happening's news."""
    doc = told.sent.doc
    if told.is_verb or not judging.is_verb or judging.rule.label != "statement" or not doc.has_annotation("DEP"):
        return False
    noun = doc[told.end - 1]
    return noun.dep_ == "dobj" and noun.head.i == judging.start and bool(_JUDGING.match(noun.head.lower_))


def _means_as_subject(found: list[Candidate]) -> list[Candidate]:
    """Return the candidates with a verb whose subject is a strike told by another trigger made one.

    "A US air strike hit a base, killing four fighters": the air strike and its hitting are one
    happening; the verb's position gives its roles, the noun's rule its kind (not the armed clash
    the verb's own rule reads from "fighters").
    """
    out = list(found)
    for noun in found:
        if noun.is_verb or noun.rule.type != "Explosions/Remote violence":
            continue
        head = noun.sent.doc[noun.end - 1]
        for i, verb in enumerate(out):
            token = verb.sent.doc[verb.start]
            if verb is noun or not verb.is_verb or verb.end - verb.start != 1 or head.dep_ != "nsubj" \
                    or head.head.i != token.i or verb.rule.type == noun.rule.type and verb.rule.sub_type == noun.rule.sub_type:
                continue
            merged = Candidate(noun.rule, verb.sent, verb.start, verb.end, True, verb.passive,
                               [*verb.outcomes, *noun.outcomes])
            out = [merged if c is verb else c for c in out if c is not noun]
            break
    return out


def _one_doer_one_attack(found: list[Candidate]) -> list[Candidate]:
    """Fold a violent verb coordinated with an earlier violent verb and sharing its subject into it
    ("Gunmen attacked the post with three drones and then opened fire on it, killing two"): one
    doer's one attack, typed by its first telling (as "killed three and abducted two" is one attack);
    a clause with a subject of its own ("..., and a drone struck the airport") stays its own."""
    out = list(found)
    for first in found:
        if not first.is_verb or first.rule.type not in VIOLENT_TYPES or first not in out:
            continue
        doc = first.sent.doc
        if not doc.has_annotation("DEP"):
            return out
        head = doc[first.start]
        for second in list(out):
            if second is first or not second.is_verb or second.rule.type not in VIOLENT_TYPES \
                    or second.start <= first.start:
                continue
            verb = doc[second.start]
            if verb.dep_ != "conj" or verb.head.i != head.i \
                    or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
                continue
            first.outcomes.extend([second, *second.outcomes] if second.rule.outcome else second.outcomes)
            out.remove(second)
    return out


def _raid_as_fight(found: list[Candidate]) -> list[Candidate]:
    """Fold a fight told inside a raid's own clause into the raid, typed as the fight ("Special forces
    raided a hideout, killing three militants in a gunfight", "raided a hideout and killed two militants
    in an exchange of fire": one armed clash, the raiders its actors); a raid that arrests anyone (an
    arrest trigger or an arrest count in the sentence) stays an arrest."""
    raids = [c for c in found if c.is_verb and c.rule.label == "raid" and c.rule.sub_type == "Arrests"]
    if not raids or any(c.rule.label != "raid" and (c.rule.sub_type == "Arrests" or c.rule.count == "arrested")
                        for c in found):
        return found
    out = list(found)
    for raid in raids:
        doc = raid.sent.doc
        if not doc.has_annotation("DEP") or any(o.rule.label != "raid" and (o.rule.sub_type == "Arrests"
                                                                             or o.rule.count == "arrested")
                                                for o in raid.outcomes):
            continue
        inside = {t.i for t in doc[raid.start].subtree}
        fight = next((c for c in out if c is not raid and c.rule.type == "Battles" and c.start in inside), None)
        if fight is None:
            continue
        merged = Candidate(fight.rule, raid.sent, raid.start, raid.end, True, raid.passive,
                           [*raid.outcomes, *fight.outcomes], tag=raid.tag)
        out = [merged if c is raid else c for c in out if c is not fight]
    return out


def _in_title(ctx: DocContext, sent: Any) -> bool:
    """Return True when the sentence is the document's headline."""
    title = (ctx.document.metadata.title or "").strip()
    at = ctx.document.text.find(title) if title else -1
    return at >= 0 and at <= sent.start_char < at + len(title)


def _does_in_headline(cand: Candidate) -> bool:
    """Return True for a violent noun that a headline's verb tells doing something to an object
    ("Drone strike hits militia convoy near Syria border"): the headline's happening, told."""
    if cand.is_verb or not cand.sent.doc.has_annotation("DEP"):
        return False
    noun = cand.sent.doc[cand.end - 1]
    return noun.dep_ == "nsubj" and any(c.dep_ == "dobj" for c in noun.head.children)


def _doer_words(cand: Candidate) -> set[str]:
    """Return the lower-cased words of who did a verb trigger as the parse gives them: its active
    subject ("Security forces killed three demonstrators") or its passive's "by" phrase ("were shot
    dead by security forces"), the head with the words set before it; empty for a noun trigger."""
    doc = cand.sent.doc
    if not cand.is_verb or not doc.has_annotation("DEP"):
        return set()
    verb = doc[cand.start]
    heads = [c for c in verb.children if c.dep_ == "nsubj"] if not cand.passive else \
        [o for c in verb.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
         for o in c.children if o.dep_ == "pobj"]
    if not heads and cand.passive:  # "was killed in an attack by ISIS gunmen": the attack's doer
        told = [verb, *(c for c in verb.children if c.dep_ == "conj")]  # "was killed and two were injured in ..."
        heads = [d for v in told for c in v.children if c.dep_ == "prep" and c.lower_ in ("in", "during")
                 for o in c.children if o.dep_ == "pobj"
                 for b in o.children if b.dep_ == "prep" and b.lower_ == "by"
                 for d in b.children if d.dep_ == "pobj"]
    if not heads and verb.dep_ == "conj":  # "killed three and wounded 40": the first verb's doer
        heads = [c for c in verb.head.children if c.dep_ == "nsubj"]
    if heads and all(h.lower_ in ("they", "it", "we") for h in heads) and verb.dep_ == "ccomp":
        # "Iraqi forces said they had killed two fighters": the pronoun is the sayer
        heads = [c for c in verb.head.children if c.dep_ == "nsubj"] or heads
    return {w.lower_ for h in heads for w in (h, *(k for k in h.children if k.dep_ in ("compound", "amod")))}


SETTING_PREPS = frozenset({"at", "during", "on", "near", "outside", "inside"})


def _setting_of(told: Candidate, violent: Candidate) -> bool:
    """Return True when a non-violent noun trigger is where a violent one happened ("a suicide bomber
    blew himself up at a funeral", "a bomb exploded during a meeting of tribal elders"), or what it
    struck ("a suicide attacker struck a funeral"): the gathering is the scene of the violence, no
    development of its own."""
    if told.is_verb or told.rule.type != "Strategic developments" or violent.rule.type not in VIOLENT_TYPES:
        return False
    noun = told.sent.doc[told.end - 1]
    if noun.dep_ == "dobj":  # "a suicide attacker struck a funeral", "gunmen attacked a wedding": what was hit
        host = noun.head
    elif noun.dep_ != "pobj" or noun.head.lower_ not in SETTING_PREPS:
        return False
    else:
        host = noun.head.head
    return violent.start <= host.i < violent.end or any(
        violent.start <= k.i < violent.end for k in host.children if k.dep_ in ("nsubj", "nsubjpass"))


def _own_clauses(a: Candidate, b: Candidate) -> bool:
    """Return True when two verb triggers head clauses of their own, each with its own subject
    ("Rockets hit the Green Zone, and a drone struck Erbil airport"): two tellings, neither the
    other's means; "drones fired missiles that hit the base" shares one doer and stays one."""
    if not a.sent.doc.has_annotation("DEP"):
        return False
    doc = a.sent.doc
    # the clause verb of each trigger ("a drone struck" matches the phrase "drone strike": its verb;
    # "staged a sit-in": the verb whose object the noun is)
    verbs: list[Any] = [_clause_verb(doc, c) for c in (a, b)]
    if any(v is None for v in verbs):
        return False
    first, second = sorted(verbs, key=lambda t: int(t.i))
    contrasted = second.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in second.children)
    if second.dep_ != "conj" and not contrasted or second.head.i != first.i:
        return False
    subjects = [[c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")] for v in (first, second)]
    return all(subjects) and subjects[0][0].lower_ != subjects[1][0].lower_


def _clause_verb(doc: Any, cand: Candidate) -> Any | None:
    """Return the verb heading a trigger's clause: a word of the trigger with a subject, else, for a
    noun, the verb it is the object of ("dozens staged a sit-in": "staged")."""
    own = next((t for t in doc[cand.start:cand.end] if any(k.dep_ in ("nsubj", "nsubjpass") for k in t.children)), None)
    if own is not None or cand.is_verb:
        return own
    token = doc[cand.start]
    for _ in range(4):  # "staged a sit-in demanding jobs": up through the noun's phrase to its verb
        if token.dep_ in ("relcl", "acl", "pobj") or token.head.i == token.i:
            return None  # a noun in a relative clause or after a preposition belongs to another's clause
        token = token.head
        if any(k.dep_ in ("nsubj", "nsubjpass") for k in token.children):
            return token
    return None


def _time_apart(host: Candidate, outcome: Candidate) -> bool:
    """Return True when an outcome trigger is told before a stretch of time that parts it from its host.

    "killed a lawyer on Monday, two days after his brother was arrested", "a week before":
    a unit of time just before "after"/"before"/"later"/"earlier" parts two happenings; a bare
    "after" ("killed after gunmen opened fire") may join a happening to its outcome. A killing
    told after the parting words ("days after Soleimani's killing") is recalled, not reported;
    so is one told by a noun ("The assassination came two weeks after ...": callers check that).
    """
    lo, hi = sorted((outcome.start, host.start))  # "rallied on Friday, two years after a strike killed X" too
    doc = host.sent.doc
    for i in range(lo + 1, hi):
        if doc[i].lower_ in _TIME_PARTING and i > 0 and doc[i - 1].lower_.rstrip("s") in _TIME_UNITS:
            return True
    return False


# Verbs that judge a happening told as their object: the judging comes after it ("condemned").
_JUDGING = re.compile(r"^(?:condemn|denounc|deplor|welcom|prais|hail|applaud|criticis|criticiz|mourn)\w*$")


def _subtree_end(token: Any) -> int:
    last = token.doc[token.right_edge.i]
    return int(last.idx + len(last.text))


# Verbs that make someone do a thing: "prompting supporters to storm", "forced the troops to withdraw".
_CAUSING = frozenset({"prompting", "prompted", "forcing", "forced", "causing", "caused", "sparking", "sparked",
                      "driving", "drove", "driven", "pushing", "pushed", "leading", "led"})


def _caused(verb: Any) -> bool:
    """Return True for a verb a past or ongoing causing verb governs ("prompting X to storm",
    "which led protesters to torch"): what was caused happened."""
    return verb.dep_ in ("xcomp", "ccomp") and verb.head.lower_ in _CAUSING \
        and not any(c.dep_ in ("neg", "aux") and c.lower_ in ("not", "never", "will", "would", "could", "may",
                                                             "might") for c in verb.head.children)


def _stance_over(noun: Any) -> Any | None:
    """Return the verb a happening's noun is the object of when that verb judges it ("condemned a
    drone strike", "welcomed the strikes") or answers it ("summoned the ambassador over a drone
    strike", "protested over the killing"), else None. A claim of responsibility is not one: its
    day is mostly the happening's own."""
    if noun.dep_ == "dobj" and _JUDGING.match(noun.head.lower_):
        return noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "over" and noun.head.dep_ == "prep":
        # "over" a happening: about it, after it ("summoned the ambassador over a strike": on the verb)
        verb = noun.head.head
        if verb.dep_ == "dobj":
            verb = verb.head
        return verb if verb.dep_ in _STANCE_CLAUSES and verb.i != noun.i else None
    return None


_STANCE_CLAUSES = frozenset({"ROOT", "ccomp", "advcl", "conj", "xcomp", "relcl", "parataxis"})


def _dated_verb(doc: Any, match: DateMatch, verb: Any) -> bool:
    """Return True when a date expression modifies ``verb`` itself, not a phrase inside its object."""
    span = doc.char_span(match.start, match.end, alignment_mode="expand")
    if span is None:
        return False
    t = span.root
    for _ in range(6):
        if t.head.i == verb.i:
            return t.dep_ in ("prep", "npadvmod", "advmod", "tmod") or t.dep_ == "pobj"
        if t.head.i == t.i or t.dep_ in ("dobj", "nsubj", "nsubjpass", "relcl", "acl"):
            return False  # inside the object, or a clause on one of the verb's nouns
        t = t.head
    return False


def _done_in_passing(host: Candidate, outcome: Candidate) -> bool:
    """Return True for an outcome verb the host's own doers did in the same stretch: a participle
    or a coordinated verb with no subject of its own under the host's verb ("Police raided a house,
    killing one suspect and arresting two"; "Troops killed two militants and arrested three"), or the
    verb whose frame the host's noun is ("killed three militants in a raid")."""
    doc = host.sent.doc
    verb, head = doc[outcome.start], doc[host.start]  # "killing" may read as a noun: its parse decides
    if not host.is_verb and not outcome.passive and head.dep_ == "pobj" and head.head.lower_ in ("in", "during") \
            and head.head.head.i == verb.i:
        return True  # "Troops killed three militants in a raid on a hideout": the raid's own dead
    if not host.is_verb or outcome.passive:
        return False
    if head.dep_ == "conj" and head.head.i == verb.i:  # "Troops killed two and arrested three"
        return not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    return verb.head.i == head.i and verb.dep_ in ("advcl", "conj", "xcomp")


def _other_doers(host: Candidate, outcome: Candidate) -> bool:
    """Return True when a non-violent host and an outcome verb each have a subject of their own
    ("Gunmen killed a farmer on Monday and police arrested two suspects on Thursday"): two doers,
    two happenings. "Police raided a house, killing one suspect" and "Troops killed two militants and
    arrested three" (one subject for both verbs) keep the killing as the host's outcome."""
    if host.rule.type in VIOLENT_TYPES or not (host.is_verb and outcome.is_verb) or outcome.passive:
        return False
    doc = host.sent.doc

    def subject(i: int) -> Any | None:
        return next((c for c in doc[i].children if c.dep_ in ("nsubj", "nsubjpass")), None)

    a, b = subject(host.start), subject(outcome.start)
    return a is not None and b is not None and a.i != b.i and a.lower_ != b.lower_


def _other_days(a: Event, b: Event) -> bool:
    """Return True when two events of one sentence are each dated to a day by the text, and to
    different days ("Rockets hit the base on Sunday, and a drone struck the airport on Friday"):
    two happenings, whatever their family."""
    return exact_day(a) is not None and exact_day(b) is not None and exact_day(a) != exact_day(b)


def _set_apart(first: Candidate, second: Candidate) -> bool:
    """Return True when a connector of time or cause stands between two noun triggers of a sentence."""
    lo, hi = sorted((first.start, second.start))
    return any(first.sent.doc[i].lower_ in TEMPORAL_CONNECTORS for i in range(lo + 1, hi))


def _gerund_as_noun(token: Any) -> bool:
    """Return True when an -ing form is a noun ("his killing") that tells a happening of its own.

    It needs a possessor or an article and none of a verb's dependents; and, being a happening
    recalled in passing, a date or a place of its own ("Soleimani's killing in January 2020").
    """
    if not any(c.dep_ in ("poss", "det") and c.i < token.i for c in token.children) \
            or any(c.dep_ in ("dobj", "aux", "auxpass", "nsubj") for c in token.children):
        return False
    return any(t.ent_type_ in ("DATE", "GPE", "LOC", "FAC") for c in token.children if c.dep_ == "prep"
               for t in c.subtree)


def _counted_from(match: DateMatch, trigger: int) -> bool:
    """Return True when a relative date counts from the trigger at character ``trigger`` ("Hours after
    the raid, ..."): it dates what follows, and names the trigger's happening as one told before."""
    return bool(match.reference) and match.end <= trigger <= match.end + 12


def _acts_as_verb(token: Any) -> bool:
    """Return True when the parse gives a noun-or-verb word an auxiliary, a negation or a condition.

    Those make it a verb whose factuality must be checked ("did not arrest", "could attack", "if
    gunmen attack"); a bare present with a subject stays as it was (headlines: "Police raid depot").
    """
    if not token.doc.has_annotation("DEP"):
        return False
    return any(c.dep_ in ("aux", "auxpass", "neg", "mark") for c in token.children)


PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "you", "this", "that", "these", "those", "them"})


def _narrated(verb: Any, rule: EventRule, tag: str, passive: bool) -> bool:
    """Return True for a happening the narrative tells by a simple-past verb with a subject.

    "Some protesters set fire to the walls", "gunmen shot a shop owner", "later he addressed the
    nation": the clause reports one happening of the story (its date and place are the story's),
    though it names no entity. Not for rules that need a day (calls, announcements) or named sides
    (orders, formations, statements), nor a verb with a clause of what was said or meant. A passive
    counts for strategic developments with a subject that is not a pronoun ("most of the embassy
    staff had been evacuated").
    """
    if rule.require_date or rule.require_participant_types or rule.participants_are_actors:
        return False  # calls need their day, orders, formations, meetings and visits their named sides
    if passive:  # "most of the staff had been evacuated"; a violent passive names its agent or place,
        # and a drone "shot down" or "intercepted" is the failure of the attack told beside it
        return rule.type == "Strategic developments" and rule.sub_type != "Disrupted weapons use" \
            and any(c.dep_ == "nsubjpass" and c.lower_ not in PRONOUNS for c in verb.children)
    if tag != "VBD":
        return False
    if any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return False  # "analysts warned that ...", "vowed to take revenge": words about what may be
    return any(c.dep_ == "nsubj" for c in verb.children)


# Verbs of a stance on a happening told elsewhere ("endorsed Tuesday's attack", "condemned the attack").
_STANCE = re.compile(r"^(?:claim|endors|condemn|denounc|den[iy]|welcom|prais|hail|blam|applaud|responsibility)\w*$")
MONTH_WORDS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                         "october", "november", "december"})


def _own_anchor(head: Any) -> bool:
    """Return True when a noun's own phrase dates it or names who did it.

    "the October 7 attacks", "Tuesday's attack", "the January 2024 attack", "the attack on Monday",
    "attacks by Hamas": a happening of its own, not "the attack" recalling one told before.
    """
    for child in head.children:
        if child.i < head.i and child.ent_type_ == "DATE":
            return True
        if child.i < head.i and child.dep_ in ("compound", "poss", "nmod") and child.ent_type_ in ("ORG", "NORP"):
            return True  # "an ISIS attack", "Hamas's attack": who did it, named in the phrase
        if child.dep_ == "prep" and child.lower_ in ("on", "in", "by"):
            for obj in child.children:
                if obj.dep_ != "pobj":
                    continue
                if child.lower_ != "by" and obj.ent_type_ == "DATE" and (
                        child.lower_ == "on" or any(t.like_num or t.lower_ in MONTH_WORDS for t in obj.subtree)):
                    return True  # "the attack in January 2020", not "the deadliest attack in almost a year"
                if child.lower_ == "by" and obj.ent_type_ in ("ORG", "NORP", "GPE", "PERSON"):
                    return True
    return False


def _recorded_death(ctx: DocContext, targets: list[str], year: str | None, told_by_verb: bool) -> str | None:
    """Return how the knowledge base says a person killed in this happening died, if it says so.

    "the assassination of Qasem Soleimani" names no means; ACLED codes the killing by the strike
    that did it, which the person's record gives (``killed_by``), when the happening's year (if
    known) is the year the record says they died, and no active verb tells it with its doer
    ("gunmen assassinated X" says how, whatever the record).
    """
    for target in targets:
        entity = ctx.entity(target)
        if entity is None or entity.type is not EntityType.PERSON:
            continue
        means, died = entity.attributes.get("killed_by"), entity.attributes.get("died")
        if isinstance(means, str) and not told_by_verb and (year is None or str(died) == year):
            return means
    return None
