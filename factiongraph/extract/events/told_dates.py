"""Dates a story gives its happening after telling it, and days that are only the report's.

Wire copy often leads with the happening and the day its source spoke ("Two fighters were killed
when a drone struck their car, the group said on Thursday") and gives the happening's own day a
paragraph later, in a sentence that tells nothing new ("The attack took place late on
Wednesday"). The lead's day is the report's: the happening came on it or shortly before. The later
sentence's day is the happening's own and replaces the report's (or a month or publication
period that holds it).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from factiongraph.extract.dates.expressions import DateMatch
from factiongraph.extract.events.arguments import ArgumentReader
from factiongraph.extract.events.coref import dated_by_report, within_report_lag
from factiongraph.model import DatePrecision, Event, Evidence

PRODUCER = "rule.event-date-told-later.v3"  # 3: "erupted", "broke out"

# Nouns a sentence refers to the story's happening by ("The attack took place ...").
_HAPPENING_NOUNS = frozenset({
    "attack", "strike", "airstrike", "bombing", "blast", "explosion", "incident", "shooting", "killing",
    "assassination", "ambush", "assault", "raid", "clash", "clashes", "fighting", "kidnapping", "abduction",
    "shelling", "bombardment", "operation", "offensive"})
# A noun that names no means refers to whatever violent happening the story told last.
_ANY_HAPPENING = frozenset({"attack", "incident", "assault"})
_DEMONSTRATIVES = frozenset({"the", "this", "that"})
# Verbs that only place a happening in time: "took place", "happened", "occurred", "was carried
# out" (word forms: the pipeline has a parser but no lemmatizer).
_PLACING_VERBS = frozenset({"happened", "happens", "occurred", "occurs", "unfolded", "began", "begun", "begins",
                            "started", "starts", "erupted"})
# "broke out": the particle makes the verb one of these
_BROKE = frozenset({"broke", "broken"})
# Verbs "it" may place the story's happening with ("It happened near the village of Abu Karma"): not
# "began"/"started", whose "it" is as often a war or a crisis.
_IT_PLACING = frozenset({"happened", "occurred", "took"})
_TAKE = frozenset({"took", "take", "takes", "taken"})
_CARRIED = frozenset({"carried", "conducted"})
# A sentence with no happening of its own that still tells the story's one again, by its means
# ("The strike hit the car late on Wednesday": a bare "strike" is no trigger by itself).
_STRIKING_VERBS = frozenset({"hit", "hits", "struck", "strikes", "targeted", "targets"})
_VERB_WORDS = _PLACING_VERBS | _BROKE | _TAKE | _CARRIED | _STRIKING_VERBS
# "the third such killing this month", "the second attack in a week": a rank in a series; its
# period is the series', not the happening's day.
_RANKS = frozenset({"second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                    "latest"})


def placing_verb(verb: Any) -> bool:
    """Return True for a verb that only places a happening ("happened", "took place", "was
    carried out") or tells it again by its striking ("hit", "struck")."""
    word = verb.lower_
    if word in _PLACING_VERBS:
        return True
    if word in _BROKE:  # "The clashes broke out in the Wadi al-Shay area"
        return any(c.lower_ == "out" and c.dep_ == "prt" for c in verb.children)
    if word in _TAKE:  # "took place"
        return any(c.lower_ == "place" and c.dep_ in ("dobj", "prt", "npadvmod") for c in verb.children)
    if word in _STRIKING_VERBS:
        return True
    if word in _CARRIED:  # "was carried out", "was conducted", "The raid, carried out on Tuesday, ..."
        # (the parser may read the last as "The attack carried out": a happening carries out nothing)
        return (verb.dep_ == "acl" or any(c.dep_ == "auxpass" or (c.dep_ == "nsubj" and c.lower_ in _HAPPENING_NOUNS)
                                          for c in verb.children)) \
            and (word == "conducted" or any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children))
    return False


def referring_subject(verb: Any) -> Any | None:
    """Return the noun naming a happening told before that ``verb`` places: its subject ("The
    attack took place ...", "this strike"; no modifier of its own), or the noun its relative or
    participle clause hangs on ("The operation, which began on Friday, ...", "The raid, carried
    out on Tuesday night, ...")."""
    if verb.dep_ in ("relcl", "acl"):
        nouns = [verb.head] if verb.dep_ == "acl" or any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("which", "that") for c in verb.children) else []
    else:
        nouns = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    for noun in nouns:
        if noun.lower_ == "it" and noun.dep_ == "nsubj" and verb.lower_ in _IT_PLACING and verb.dep_ == "ROOT":
            return noun  # "It happened near the village of Abu Karma": the happening just told
        if noun.lower_ not in _HAPPENING_NOUNS:
            continue
        if any(c.dep_ == "det" and c.lower_ in _DEMONSTRATIVES for c in noun.children) \
                and not any(c.dep_ in ("amod", "compound", "prep", "acl", "relcl") and c.lower_ not in ("deadly",)
                            and c.i != verb.i for c in noun.children):
            return noun
    return None


def _told_day(reader: ArgumentReader, sent: Any, verb: Any, dates: list[DateMatch]) -> DateMatch | None:
    doc = sent.doc
    own = [d for d in dates if sent.start_char <= d.start and d.end <= sent.end_char and d.value is not None
           and not d.is_relative_to_event and not d.filing and d.value.precision is DatePrecision.DAY
           and d.value.start == d.value.end and reader.attaches(doc, verb.i, verb.i + 1, d.start, d.end)]
    return own[0] if len(own) == 1 else None


def happening_told_again(noun: str, events: list[Event], violent: frozenset[str]) -> Event | None:
    """Return the violent happening told before that ``noun`` refers to: the last one its trigger
    or label names ("the bombing"), else the last one."""
    last = next((e for e in reversed(events) if e.type in violent), None)
    if noun in _ANY_HAPPENING or last is None:
        return last
    word = noun.rstrip("s")
    named = next((e for e in reversed(events) if e.type in violent and (
        word in str(e.attrs.get("trigger", "")).lower() or word == e.attrs.get("label"))), None)
    return named or last


def _fits(event: Event, day: date) -> bool:
    if not event.date_start:
        return True
    basis = str(event.attrs.get("date_basis", ""))
    start = date.fromisoformat(event.date_start + "-01" * (2 - event.date_start.count("-")))
    if event.date_precision == DatePrecision.DAY:
        return dated_by_report(event) and within_report_lag(day, start)
    if event.date_precision in (DatePrecision.MONTH, DatePrecision.YEAR) and not basis.startswith("relative"):
        if event.date_precision == DatePrecision.MONTH:
            return (day.year, day.month) == (start.year, start.month)
        return day.year == start.year
    return False


def date_told_later(reader: ArgumentReader, sent: Any, events: list[Event], dates: list[DateMatch],
                    doc_id: str, text: str, violent: frozenset[str]) -> bool:
    """Give the story's happening the day a later sentence places it on, when that sentence tells
    nothing else ("The attack took place late on Wednesday", "The bombing happened at 9 p.m. on
    Sunday"). Only a report's day (a source's saying), a month or a publication period that holds
    the day gives way; the sentence becomes the date's evidence. Return True when a date was set."""
    if not reader.available or not events:
        return False
    if not _VERB_WORDS & {t.lower_ for t in sent}:
        return False  # no placing or striking verb: nothing to do (most sentences)
    for verb in sent:
        if not placing_verb(verb):
            continue
        noun = referring_subject(verb)
        if noun is None:
            continue
        told = _told_day(reader, sent, verb, dates)
        target = happening_told_again(noun.lower_, events, violent)
        if told is None or told.value is None or target is None or not _fits(target, told.value.start):
            return False
        target.date_start = target.date_end = told.value.start.isoformat()
        target.date_precision = DatePrecision.DAY
        target.attrs["date_text"] = told.text
        target.attrs["date_basis"] = f"told later: '{told.text}' ({told.basis})"
        start, end = sent.start_char, sent.end_char
        while end > start and text[end - 1].isspace():
            end -= 1
        target.evidence.append(Evidence(doc_id, start, end, text[start:end], PRODUCER, 0.6))
        return True
    return False


def series_period(doc: Any, match: DateMatch) -> bool:
    """Return True for a date that times a series the happening ranks in ("..., the third such
    killing this month", "the second attack on the base this week"), not the happening itself."""
    span = doc.char_span(match.start, match.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root.head
    if head.dep_ == "prep":
        head = head.head
    # a rank word other than "such" on the noun the date hangs on ("the third such killing")
    return head.i != span.root.i and head.dep_ not in ("nsubj", "nsubjpass", "dobj") \
        and any(c.dep_ == "amod" and c.lower_ in _RANKS for c in head.children)


_SPAN_UNITS = {"year": 12, "years": 12, "month": 1, "months": 1, "decade": 120, "decades": 120}
_SPAN_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18}
_CLAUSE_DEPS = frozenset({"ROOT", "advcl", "ccomp", "conj", "relcl", "xcomp", "acl", "parataxis"})


def span_of(token: Any) -> tuple[int | None, int] | None:
    """Return (how many, months per unit) of a "two years", "six months", "months" among ``token``'s
    children, else None."""
    for child in token.children:
        months = _SPAN_UNITS.get(child.lower_)
        if months is None or child.dep_ not in ("npadvmod", "advmod", "nmod", "pobj", "dobj"):
            continue
        count: int | None = None
        for c in child.children:
            if c.dep_ in ("nummod", "det", "quantmod"):
                count = int(c.text) if c.text.isdigit() else _SPAN_NUMBERS.get(c.lower_, count)
        if count is None and child.lower_ in ("year", "month", "decade"):
            count = 1
        return count, months
    return None


def months_after_clause(head: Any) -> tuple[int | None, int, Any] | None:
    """Return (count, months per unit, the head of the "after" clause or phrase) when the happening whose head is ``head``
    is told in a clause or phrase set a span of months or years before another ("rallied on Friday,
    two years after a U.S. strike killed X", "six months after the killing of X"), else None."""
    t = head
    for _ in range(8):
        if t.lower_ in ("after", "since") and t.dep_ == "prep":
            span = span_of(t) or span_of(t.head)
            return (*span, t) if span is not None else None
        marks = [c for c in t.children if c.dep_ == "mark" and c.lower_ in ("after", "since")]
        if marks:
            span = span_of(t) or span_of(marks[0])
            return (*span, t) if span is not None else None
        if t.dep_ in _CLAUSE_DEPS or t.head.i == t.i:
            return None  # the clause the happening is told in is set before no other
        t = t.head
    return None


def date_before_by_span(count: int | None, months: int, base: date) -> tuple[date, DatePrecision] | None:
    """Return the period ``count`` spans of ``months`` before ``base`` (a year for years, a month for
    months), or None when the count is not written ("months after")."""
    if count is None:
        return None
    index = base.year * 12 + base.month - 1 - count * months
    day = date(index // 12, index % 12 + 1, 1)
    return (date(day.year, 1, 1), DatePrecision.YEAR) if months >= 12 else (day, DatePrecision.MONTH)


_PARTING = frozenset({"after", "before", "since"})
# Units that set a clause apart in time ("two days after", "years before").
_PARTING_UNITS = frozenset({"minutes", "hours", "day", "days", "week", "weeks", *_SPAN_UNITS})


def set_apart_tokens(sent: Any, trigger: Any) -> set[int]:
    """Return the token indices of the clauses and phrases of ``sent`` set apart in time from the
    one ``trigger`` is told in ("rallied on Friday, two years after a strike killed X": the
    after-clause): their words say nothing of the trigger's happening."""
    out: set[int] = set()
    for t in sent:
        parting = t.lower_ in _PARTING and t.dep_ == "prep"
        marked = any(c.dep_ == "mark" and c.lower_ in _PARTING for c in t.children)
        if not (parting or marked):
            continue
        units = [c for c in (*t.children, *(t.head.children if parting else ())) if c.lower_ in _PARTING_UNITS]
        if not units:
            continue
        sub = range(t.left_edge.i, t.right_edge.i + 1)
        if trigger.i not in sub:
            out.update(sub)
    return out
