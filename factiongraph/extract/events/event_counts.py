"""The counts of a built event: casualty and detention figures of its sentence tied to its trigger, tolls
raised by later sentences, detainees inherited by a follow-up, and the evidence spans they cite.
"""

from __future__ import annotations

from typing import Any

from factiongraph.extract.dates.expressions import DateMatch
from factiongraph.extract.events.candidate import Candidate
from factiongraph.extract.events.casualties import stated_figures
from factiongraph.extract.events.counts import number_value, NUMBER_WORDS, sentence_counts, toll_update
from factiongraph.extract.events.event_places import EventPlaces
from factiongraph.extract.events.typology import DETERMINERS, surface_set, VIOLENT_TYPES
from factiongraph.extract.view.context import DocContext
from factiongraph.model import Event, Evidence, Mention


PERSON_NOUNS = frozenset({"people", "person", "member", "militiaman", "civilian", "soldier", "fighter",
                          "protester", "protestor", "individual", "man", "woman", "child", "suspect",
                          "gunman", "activist", "policeman", "officer", "troop", "journalist",
                          "militant", "worker", "student", "resident", "detainee", "guard",
                          "farmer", "shepherd", "pilgrim", "villager", "employee", "contractor",
                          "relative", "policeman", "commander", "leader", "official"})


PERSON_SURFACES = surface_set(PERSON_NOUNS)


TOLL_PRODUCER = "rule.event-toll-update.v1"


def _people_acted_on(cand: Candidate) -> int | None:
    """Return the number of people a verb trigger that names no casualty word acted on ("seized 16
    hunters", "snatched three engineers": 16, 3), from its object or passive subject; None when
    it has no such number or the counted are not people."""
    if not cand.is_verb:
        return None
    verb = cand.sent.doc[cand.start]
    for noun in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
        people = noun.lower_ in PERSON_SURFACES or noun.lower_.rstrip("s") in cand.rule.near
        number = next((number_value(c) for c in noun.children if c.dep_ == "nummod"), None)
        if people and number is not None:
            return number
    return None


def _toll_evidence(ctx: DocContext, sent: Any) -> Evidence:
    """Return a sentence that gives a happening told before its toll, as that happening's evidence."""
    start, end = sent.start_char, sent.end_char
    return Evidence(ctx.document.doc_id, start, end, ctx.document.text[start:end], TOLL_PRODUCER, 0.6)


FORCE_SUB_TYPES = frozenset({"Protest with intervention", "Excessive force against protesters"})


def counts_by_part(sent: Any, cut: int, first: Event, second: Event) -> None:
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


class EventCounts(EventPlaces):
    """The count readings of :class:`EventExtractor`."""

    _sentence_counts: dict[tuple[int, tuple[int, int] | None], dict[str, int]]

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
            if key is not None and key not in found and trigger is None:
                seized = _people_acted_on(cand)  # "Kidnappers seized 16 hunters": no word of the key, the verb's
                if seized is not None:
                    found = {**found, key: seized}
            if cand.rule.type in VIOLENT_TYPES or cand.rule.sub_type in FORCE_SUB_TYPES:
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

    def _near_hit(self, cand: Candidate) -> bool:
        doc, rule = cand.sent.doc, cand.rule
        lo, hi = max(cand.sent.start, cand.start - rule.window), min(cand.sent.end, cand.end + rule.window)
        return any(doc[j].lower_ in rule.near for j in range(lo, hi) if not cand.start <= j < cand.end)

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
    def _mentions_of(sents: list[Any], k: int, mentions: list[Mention]) -> list[Mention]:
        if k < 0 or k >= len(sents):
            return []
        s = sents[k]
        return [m for m in mentions if s.start_char <= m.start and m.end <= s.end_char]

    @staticmethod
    def _trim(text: str, start: int, end: int) -> tuple[int, int]:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return start, end
