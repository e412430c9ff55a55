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

from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from factiongraph.extract.dates.anchoring import (
    choose_date, counted_from_dated_reference, infer_year, resolve_event_date, spoken_day_shift, YearGuess)
from factiongraph.extract.dates.expressions import (
    Anchor, DateMatch, find_dates, parse_published, RawDate, scan_dates, value_of)
from factiongraph.extract.events.arguments import ArgumentReader, trigger_head
from factiongraph.extract.events.bodies import without_bodies_country
from factiongraph.extract.events.candidate import Candidate
from factiongraph.extract.events.casualties import (
    carry_lead_toll, coordinated_casualties, follow_up_casualties, toll_told_first)
from factiongraph.extract.events.coref import (
    is_same_family, is_undated, lend_headline_roles, make_event_id, merge_events, merge_in_document)
from factiongraph.extract.events.count_scope import (
    in_earlier_happening, in_other_happening, in_referred_happening, is_tally)
from factiongraph.extract.events.deaths import date_by_recorded_death
from factiongraph.extract.events.event_counts import counts_by_part, FORCE_SUB_TYPES
from factiongraph.extract.events.event_places import (
    beside_reference, entity_type, headline_places, inside_any, location_end, road_ends, seen_from)
from factiongraph.extract.events.happening_filters import (
    acts_as_verb, announced_decision, charged_with, described_again, gerund_as_noun, investigated, judged,
    means_as_subject, means_of, news_of, not_happened, noun_by_parse, one_doer_one_attack, other_doers,
    planned_by_light_verb, raid_as_fight, ranked_among, reported_by, scene_of, set_apart, sets_off, setting_of,
    STANCE, suffered_in, TEMPORAL_CONNECTORS, time_apart, told_as_before, TOPIC_VERBS)
from factiongraph.extract.events.happening_readings import (
    counted_from, dated_verb, described_deaths, doer_words, does_in_headline, done_by_light_verb, done_in_passing,
    grievance_tokens, has_object, in_title, narrated, narrated_deed, one_told_happening, other_days, own_anchor,
    own_clauses, paragraph_floor, recorded_death, RELATIVE_PRONOUNS, SEQUENCE_ADVERBS, stance_over, subtree_end,
    tells_in_clause, two_days_told)
from factiongraph.extract.events.participants import (
    add_outcome_roles, assign_roles, find_means_actors, one_state_side)
from factiongraph.extract.events.role_words import SELF_CHANGES
from factiongraph.extract.events.titles import title_organisations
from factiongraph.extract.events.told_dates import (
    date_before_by_span, date_told_later, months_after_clause, series_period, set_apart_tokens)
from factiongraph.extract.events.told_places import told_place_verb
from factiongraph.extract.events.trigger_checks import BLOCKERS, TriggerChecks
from factiongraph.extract.events.typology import AnyPattern, load_event_rules, RuleSet, VIOLENT_TYPES
from factiongraph.extract.events.verb_readings import (
    agent_of_conjoined, asked_for, deadline_given, reputation_of, topic_of, vow_beside_past, warning_as_speech_tag)
from factiongraph.extract.place.locate import ancestor_ids, locate_event, locate_span, Location
from factiongraph.extract.view.context import DocContext
from factiongraph.extract.view.dateline import dateline_end, dateline_end_in_line
from factiongraph.extract.view.quoting import is_inside_speech
from factiongraph.kb import KnowledgeBase
from factiongraph.model import EntityType, Event, Evidence, Mention
from factiongraph.model.numeric_dates import choose_order

log = logging.getLogger(__name__)

NOUN_MODIFIED = frozenset({"organiser", "organisers", "organizer", "organizers", "leader", "leaders",
                           "movement", "movements", "activist", "activists", "commander", "commanders",
                           "camp", "camps", "site", "sites", "squad", "squads", "unit", "units",
                           # "riot police fired tear gas", "in riot gear": a kind of force or kit
                           "police", "policemen", "gear", "shields", "control"})
# "the area", "the same town", "there": a place told before. Not a place the phrase names itself ("the
# province of Nineveh"), nor the "there" of "there is/has been" (existential, no place).
DEICTIC_PLACE = re.compile(r"\b(?:the (?:same )?(?:area|city|town|village|province|district|region|neighbou?rhood)"
                           r"\b(?!\s+of\b)|there\b(?!\s*(?:'s|\u2019s)|\s+(?:is|are|was|were|has|have|had|will|would|"
                           r"may|might|could|can|should|must|seems?|seemed|appears?|appeared|remains?|remained)\b))", re.I)
# A headline opening on a place's name and a colon or bar: "Kirkuk: Two killed in IED blast".
_TITLE_LABEL = re.compile(r"\s*([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2})\s*(?::|\|)\s+")
# "gathered at the scene of the strike": where the violent happening told before took place.
SCENE_OF = re.compile(r"\bthe (?:site|scene) of the (?:\w+\s+)?(?:strike|attack|bombing|blast|explosion|"
                      r"shooting|killing|assassination|raid|ambush)\b", re.I)

# "following the killing", "as a punishment for the assassination": a noun trigger the clause refers to.
REFERENCED_NOUN = re.compile(r"\b(?:following|after|for|over|since|despite|amid|before)\s+(?:the|a|an|this|that|"
                             r"its|his|her|their)\s+(?:[\w'’-]+\s+){0,2}$", re.I)
SUPPRESSION_WINDOW = 12  # tokens between two triggers for one rule to suppress the other
# Words that open a clause of its own inside a sentence ("... after the ministry awarded ...").
SUBORDINATORS = frozenset({"after", "before", "when", "while", "because", "since", "until", "as", "although",
                           "though", "whereas"})


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


class EventExtractor(TriggerChecks):
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
                if tag == "NOUN" and end == i + 1 and acts_as_verb(sent.doc[tok.i]):
                    tag = "VB"  # "did not arrest anyone", "if gunmen attack": the parse shows a verb
                elif tag == "VBG" and end == i + 1 and gerund_as_noun(sent.doc[tok.i]):
                    tag = "NOUN"  # "Soleimani's killing in 2020": a possessor makes the gerund a noun
                elif tag in ("VB", "VBZ") and end == i + 1 and words[i] not in rule.nouns \
                        and noun_by_parse(sent.doc[tok.i]):
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
                        and means_of(sent.doc[tok.i]) & rule.near):
                    continue  # "attacked an Israeli target in the Golan with a drone": the means, far off
                if is_verb and not self._is_factual_verb(tokens, words, i, tag, headline) \
                        and not (words[i - 1] in BLOCKERS and self._has_precedent(tokens, end)) \
                        and not (rule.label in SELF_CHANGES and announced_decision(sent.doc[tok.i])):
                    continue
                if is_verb and not_happened(sent.doc[tokens[i].i]) \
                        and not (i > 0 and words[i - 1] in BLOCKERS and self._has_precedent(tokens, end)) \
                        and not (rule.label in SELF_CHANGES and announced_decision(sent.doc[tok.i])):
                    continue
                if not is_verb and i > 0 and words[i - 1] in ("no", "any", "possible", "potential", "future"):
                    continue
                if not is_verb and scene_of(words, i):
                    continue  # "gathered at the site of the strike": a place named by a happening told before
                last = tokens[end - 1]
                if not is_verb and last.dep_ == "dobj" and last.head.lower_ in TOPIC_VERBS:
                    continue  # "discussed the rocket attacks": a subject of talks, told elsewhere
                if not is_verb and rule.require_own_anchor and last.dep_ in ("dobj", "pobj") \
                        and STANCE.match(last.head.lower_ if last.dep_ == "dobj" else last.head.head.lower_):
                    continue  # "endorsed Tuesday's attack", "responsibility for the 7 October attack": told elsewhere
                if not is_verb and topic_of(sent.doc[tokens[end - 1].i]):
                    continue  # "reached an agreement on the deployment of joint forces": what was agreed, no happening
                if not is_verb and planned_by_light_verb(sent.doc[tokens[end - 1].i]):
                    continue  # "said it would hold a rally next week": not held yet
                if not is_verb and investigated(words, i):
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
                if charged_with(sent.doc[tok.i]):
                    continue  # "fighters accused of rocket attacks": what someone is held for, no new happening
                if not is_verb and (described_again(sent.doc[tokens[end - 1].i])
                                    or ranked_among(sent.doc[tokens[end - 1].i])):
                    continue  # "The attack was the third on the base this year": said of the one told
                if end == i + 1 and tok.dep_ == "compound" and tok.head.i > tok.i and not tok.text[:1].isupper() \
                        and tok.head.lower_ not in rule.nouns:
                    continue  # "an attack drone struck": the word names a kind of thing; the verb reports
                cand = Candidate(rule, sent, tokens[i].i, tokens[end - 1].i + 1, is_verb, passive, tag=tag)
                if any(c.rule is rule for c in found):
                    # one trigger per rule per sentence, unless a clause of its own tells a second one
                    # ("Hundreds demonstrated in Nasiriyah, while in Kut dozens staged a sit-in")
                    if not all(own_clauses(c, cand) for c in found if c.rule is rule):
                        break
                found.append(cand)
        # A rule suppresses another's trigger in the same mention of one happening ("the drone
        # strike, which fired missiles"), not one a temporal connector sets apart ("..., after a
        # rocket attack on a base killed ...") or one far away in the sentence.
        def same_mention(a: Candidate, b: Candidate) -> bool:
            lo, hi = sorted((a.start - sent.start, b.start - sent.start))
            return hi - lo <= SUPPRESSION_WINDOW and not TEMPORAL_CONNECTORS & set(words[lo:hi]) \
                and not own_clauses(a, b)
        # A trigger inside a longer one of another rule is part of it ("drone *attack*").
        found = [c for c in found if not any(
            o is not c and o.start <= c.start and c.end <= o.end and (o.end - o.start) > (c.end - c.start)
            for o in found)]
        kept = [c for c in found if not any(
            c.rule.id in o.rule.suppresses and (same_mention(c, o) or news_of(c, o)) and not judged(o, c)
            for o in found)]
        kept = [c for c in kept if not (c.rule.label == "statement" and c.is_verb and any(
            reported_by(o, c) for o in kept if o is not c))]
        kept = [c for c in kept if not any(setting_of(c, o) for o in kept if o is not c)]
        # "The Security Media Cell announced that an IED exploded ...": the news of the happening,
        # whichever rule told it (not only those whose rule lists the announcement as suppressed)
        kept = [c for c in kept if not any(news_of(c, o) for o in kept if o is not c)]
        # "X said in a statement on Monday ..., vowing to retaliate": the vow is part of the statement
        kept = [c for c in kept if not (c.is_verb and c.tag == "VBG" and vow_beside_past(sent.doc[c.start]) and any(
            o.is_verb and o.rule.type == "Strategic developments" and o.start == sent.doc[c.start].head.i
            for o in kept))]
        main = [c for c in kept if not c.rule.outcome]
        hosts = [c for c in main if self._can_host_outcome(c)]
        for c in kept:
            if c.rule.outcome and sets_off(c):
                main.append(c)  # "The assassination of X on Monday sparked protests": a happening of its own
                continue
            if c.rule.outcome:
                near_hosts = [h for h in hosts if not (c.is_verb and (time_apart(h, c) or other_doers(h, c))
                                                       or not c.is_verb and told_as_before(c))]
                if near_hosts:
                    own = next((h for h in near_hosts if suffered_in(c, h)), near_hosts[0])
                    own.outcomes.append(c)
                elif hosts:
                    main.append(c)  # "killed a lawyer, two days after his brother was arrested": its own event
                elif main:
                    main.append(c)  # "a delegation visited ... over the killing of X": its own event
        return self._one_per_family(raid_as_fight(one_doer_one_attack(means_as_subject(main)))) if main else kept

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
                split = two_days_told(sent, cand, dates)
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
                        counts_by_part(sent, cut, one, two)
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
                                      and set_apart(made[i], cand))
                             and not (i in made and own_clauses(made[i], cand))
                             and not other_days(events[i], event)), None)
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
                self._later_figures(ctx, sent, paragraph_floor(ctx.document.text, sents[:k], sent.start_char,
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
                floor = paragraph_floor(ctx.document.text, sents[:k], sent.start_char, floor)
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
            headline_places(events)
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
                                  and tells_in_clause(sent, triggers[nxt], t.head))), None)
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
            places = {m.entity_id for m in filed if entity_type(ctx, m) in (EntityType.PLACE, EntityType.COUNTRY)}
            gone = {m.entity_id for m in filed if m.entity_id not in after} | places
            actors[:] = [a for a in actors if a not in gone]
            targets[:] = [t for t in targets if t not in gone or t in after]
            in_sent = [m for m in in_sent if m not in filed]
        # "Kataib Hezbollah leader Qais al-Khazali threatened ...": the organisation the acting
        # person's title names acts too
        for person in [p for p in in_sent if p.entity_id in actors and entity_type(ctx, p) is EntityType.PERSON]:
            actors.extend(o for o in title_organisations(ctx, person, in_sent) if o not in actors and o not in targets)
        counts = self._find_counts(ctx, cand, dates)
        for extra in cand.outcomes:
            for key, number in self._find_counts(ctx, extra, dates, (cand.start, cand.end)).items():
                if rule.type in VIOLENT_TYPES or key == rule.count or rule.sub_type in FORCE_SUB_TYPES \
                        or done_in_passing(cand, extra):
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
        stance = stance_over(trigger_head(sent.doc, cand.start, cand.end)) \
            if not cand.is_verb and reader.available else None
        if stance is not None:
            # "The government on Thursday condemned a drone strike that killed three": Thursday is the
            # condemnation's day; the strike came on it or before, on a day its own phrase may give
            own = [d for d in own if not dated_verb(sent.doc, d, stance)]
        free = [d for d in usable if not reader.in_other_clause(sent.doc, cand.start, cand.end, d.start, d.end)
                and not (stance is not None and dated_verb(sent.doc, d, stance))]
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
            counted = counted_from_dated_reference(date_match, value, in_sentence, ctx.document.text, trigger)
            if counted is not None:  # "The strike came a week after the killing of X on February 15"
                value, basis, date_text = counted[0], counted[1], counted[2]
        back = months_after_clause(trigger_head(sent.doc, cand.start, cand.end)) if reader.available else None
        if back is not None and not (date_match is not None and back[2].left_edge.idx <= date_match.start
                                     and date_match.end <= subtree_end(back[2])):
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
        attached = beside_reference(text, attached)
        placeable = beside_reference(text, placeable)
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
        attached = road_ends(text, [m for m in attached if not inside_any(m, said_from) and id(m) not in said_at])
        placeable = road_ends(text, [m for m in placeable if not inside_any(m, said_from) and id(m) not in said_at])
        # "A security official in Sulaimani said two fighters were killed near Kirkuk": where the
        # speaker sits, while the words say another place
        speaker_at = reader.speaker_spans(sent.doc, cand.start, cand.end)
        if speaker_at and any(not inside_any(m, speaker_at) for m in (*attached, *placeable)):
            attached = [m for m in attached if not inside_any(m, speaker_at)]
            placeable = [m for m in placeable if not inside_any(m, speaker_at)]
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
            before = [m for m in in_sent if m.end <= there.idx and entity_type(ctx, m) is EntityType.PLACE
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
                                        and entity_type(ctx, m) is EntityType.PLACE
                                        and not reader.capital_state_of(m)],
                                       ctx.entities, ctx.kb, "dateline", 0.6) \
                    or self._dateline_town(ctx, reader, mentions, line, sent.end_char)
                if location is not None and not self._in_named_country(ctx, location, in_sent):
                    location = None  # "TAMPA, Fla. - ... conducted a strike in Iraq": filed far from it
        if location is None and in_title(ctx, sent):
            # "Kirkuk: Two killed in IED blast", "Diyala | Gunmen kill farmer": a headline's place label
            line = text.rfind("\n", 0, sent.start_char) + 1
            tag = _TITLE_LABEL.match(text, line, sent.end_char)
            if tag is not None:
                location = locate_span([m for m in mentions if tag.start(1) <= m.start and m.end <= tag.end(1)
                                        and entity_type(ctx, m) is EntityType.PLACE],
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
        if rule.require_own_anchor and not (cand.is_verb or own_anchor(trigger_head(sent.doc, cand.start, cand.end))):
            return None
        if (rule.not_object_types or rule.not_object_words) and reader.available:
            objects = reader.sx.objects(sent.doc[cand.start])
            if cand.passive:  # "A drone was shot down near the airport": the passive's subject is what was acted on
                objects = [*objects, *(c for c in sent.doc[cand.start].children if c.dep_ == "nsubjpass")]
            # "they shot it down": the particle says what was done to the object, whatever it is called
            objects = [*objects, *(c for c in sent.doc[cand.start].children if c.dep_ == "prt")]
            named = [m for o in objects for m in reader.names(o, frozenset(EntityType))]
            if any(str(entity_type(ctx, m)) in rule.not_object_types for m in named) or \
                    any(o.lower_ in rule.not_object_words for o in objects):
                return None  # "captured Tsurkov", "captured the journalist": not territory
        if cand.is_verb and sent.doc[cand.start].lower_ in rule.place_object_verbs and reader.available \
                and not self._place_object(ctx, reader, sent.doc[cand.start]):
            return None  # "seized a weapons cache": no territory taken
        if rule.objectless and cand.is_verb and reader.available and has_object(sent.doc[cand.start], rule.objectless):
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
            or (bool(participants) and (cand.is_verb or self._definite(cand) or done_by_light_verb(cand))) \
            or (cand.is_verb and narrated(sent.doc[cand.start], rule, cand.tag, cand.passive)) \
            or (rule.type in VIOLENT_TYPES and one_told_happening(cand)) \
            or narrated_deed(cand) \
            or (rule.type in VIOLENT_TYPES and in_title(ctx, sent) and does_in_headline(cand))
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
            death = recorded_death(ctx, victims, value.iso_start[:4] if value is not None and not
                                    basis.startswith("undated") else None, cand.is_verb and not cand.passive)
            if death is not None:  # "the assassination of Soleimani": the KB knows the strike that killed him
                etype, sub_type = "Explosions/Remote violence", death
        if (etype in VIOLENT_TYPES or sub_type in FORCE_SUB_TYPES) and rule.type not in VIOLENT_TYPES \
                and rule.sub_type not in FORCE_SUB_TYPES and sent.doc.has_annotation("DEP"):
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
                date_match is not None and not counted_from(date_match, trigger)
                or any(d.scope_end is None and not counted_from(d, trigger) for d in in_sentence))}
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
            if seen_from(text, in_sent, location.entity_id):
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

    def _apply_variants(self, ctx: DocContext, cand: Candidate, actors: list[str],
                        targets: list[str]) -> tuple[str, str, str]:
        rule = cand.rule
        if not rule.variants:
            return rule.type, rule.sub_type, rule.label
        trigger = cand.sent.doc[cand.start]
        apart = set_apart_tokens(cand.sent, trigger) | grievance_tokens(trigger) | described_deaths(cand.sent, trigger) \
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
            if v.if_doer_words and not (v.if_doer_words & doer_words(cand)):
                continue
            if v.if_target_types and not (v.if_target_types & types_of(targets)):
                continue
            if v.if_actor_types and not (v.if_actor_types & types_of(actors)):
                continue
            return v.type, v.sub_type, v.label
        return rule.type, rule.sub_type, rule.label


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


# Political developments (statements, agreements, a group's changes) are placed only by their
# own phrase or an opening "In X, ...": a place elsewhere in the sentence is what they are about.
_PLACELESS_SUB_TYPES = frozenset({"Other", "Agreement", "Change to group/activity"})
_OPENING_PLACE = re.compile(r"(?:In|At|From|Inside|Outside|Near)\s+[^,;]{2,60},")


