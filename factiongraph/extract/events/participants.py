"""Event participants: who acted and who was acted on, read from positions around a trigger.

The pipeline runs without a dependency parser, so roles come from where a mention sits relative
to the trigger and which preposition introduces it (a parse, when present, only narrows the
subject). The rules, in order:

- "by X" / "from X" is an actor; "on/against/at/of/targeting/to X" after the trigger is a target;
  "in/near/outside/... X" is a place or background, never a participant.
- A mention that only modifies the next one ("Iran's IRGC", "IRGC commander Qasem Soleimani")
  is not a participant itself; the mention it modifies takes the role of the whole phrase.
- An apposition after a name ("X, the commander of Y, arrived") is skipped when finding the
  trigger's clause, so X is still the subject; countries inside the apposition ("X, one of
  Iraq's experts") are background.
- People quoted as speakers ("X said") are not participants; a left-side mention separated from
  a noun trigger by a subordinator ("X has grown since the protests") belongs to another clause.
- "killed together with X" puts X on the same side as the trigger's subject.
- Outcome triggers ("... killed X", "X was killed in a strike") add their own targets to the
  main event of the sentence (:func:`add_outcome_roles`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Protocol

from factiongraph.extract.view.context import DocContext
from factiongraph.extract.events.typology import VIOLENT_TYPES
from factiongraph.model import Entity, EntityType, Mention

PARTICIPANT_TYPES = frozenset({EntityType.ARMED_GROUP, EntityType.STATE_BODY, EntityType.POLITICAL_ORG,
                               EntityType.INTL_ORG, EntityType.PERSON, EntityType.COUNTRY})
CLAUSE_BREAK = re.compile(r"\b(?:since|when|while|because|although|despite|amid|until)\b", re.I)
# "... as a punishment for the killing", "arrested after the raid": a noun trigger that is the object
# of such a preposition is a happening the clause refers to; the clause's subject did not do it.
REFERENCE_PP = re.compile(r"\b(?:for|over|despite|amid|response\s+to)\s+"
                          r"(?:the|a|an|this|that|its|their|his|her|last\s+\w+'s)?\s*(?:[\w'’-]+\s+){0,2}$", re.I)
ROLE_PREPS = ("by", "from", "on", "against", "at", "of", "targeting", "to", "with")
# A place or circumstance, never a participant ("killed in Iraq", "a protest outside the embassy").
LOCATIVE_PREPS = ("in", "near", "outside", "inside", "across", "throughout", "into", "around",
                  "during", "over", "under", "amid", "within", "beyond", "toward", "towards")
PREPOSITION = re.compile(
    rf"^.*\b({'|'.join(ROLE_PREPS + LOCATIVE_PREPS)})\s+(?:the\s+|an?\s+)?(?:[\w'’.-]+\s+){{0,3}}$", re.I | re.S)
# Words between a modifier and the mention it modifies: a possessive and/or a few title words,
# none of them a function word that would start another phrase.
_FUNCTION_WORDS = ("and", "or", "but", "in", "on", "at", "by", "with", "from", "to", "of", "for",
                   "the", "a", "an", "said", "says", "told", "was", "were", "is", "are", "has",
                   "have", "had", "who", "which", "that", "after", "before", "as", "than", "while")
MODIFIER_GAP = re.compile(
    rf"^(?:['’]s?)?(?:\s+(?!(?:{'|'.join(_FUNCTION_WORDS)})\b)[\w.-]+){{0,4}}\s+$", re.I)
ADJACENT = re.compile(r"^(?:['’]s?)?[\s-]*(?:-?led\s+)?$")
POSSESSIVE_GAP = re.compile(r"^['’]s?\s+$")
# ", the commander of Y," / ", one of Iraq's best-known experts," right after a name.
APPOSITION = re.compile(
    r"^,\s+(?:(?:the|a|an|one|its|his|her|their|who|whose|which)\b"
    r"|(?:(?:deputy|acting|former|senior|top)\s+)?(?:secretary|head|chief|commander|leader|director|chairman|"
    r"president|spokesman|spokesperson|adviser|advisor|founder)\s+(?:general\s+)?of\b)[^,;()]{0,90}(?:,|(?=\.?\s*$))",
    re.I)
SPEAKER_AFTER = re.compile(
    r"^\W{0,3}(?:\w+\s+){0,1}(?:said|says|told|added|noted|stressed|explained|wrote|reported)\b")
# "killed in a US strike", "an Israeli air strike hit": the mention right before the means is its actor.
MEANS_AFTER = re.compile(r"^(?:['’]s)?[\s-]+(?:-?led\s+)?(?:air\s+|drone\s+|missile\s+|rocket\s+)?"
                         r"(?:strikes?|airstrikes?|air\s+raids?|bombings?|bombardments?|shelling)\b", re.I)
# "the PMF deputy chief who was killed": the organisation only describes an unnamed person.
ROLE_AFTER = re.compile(r"^(?:['’]s)?\s+(?:(?:deputy|acting|former|top|senior|local|military)\s+){0,2}"
                        r"(?:chief|commander|leader|head|spokesman|spokesperson|founder|chairman|"
                        r"secretary|official)\b(?!\s+of\b)", re.I)
# "X, who was killed in a strike": the relative pronoun's antecedent is the verb's subject.
# Modifiers that sit between a subject and its verb (see segment_start).
SUBJECT_MODIFIER = re.compile(r"^\s+(?:which|who|whose|one\s+of|known\s+as|also\s+known\s+as|including|"
                              r"among\s+them|such\s+as)\b", re.I)
# A segment that opens with a past-tense verb continues the subject of an earlier segment.
SUBJECTLESS = re.compile(r"^\s+(?:\w+ed|said|met|held|sent|took|made|led|kept|left|struck|shot|fought|began|"
                         r"became|brought|found|went|came|vowed|threw|stormed)\b", re.I)
BY_MODIFIER = re.compile(r"^\s+(?:led|headed|commanded|backed|supported|sponsored)\s+by\b", re.I)
# "the PMF, formed in 2014": a participle right after "X," has X as its (passive) subject.
REDUCED_RELATIVE = re.compile(r"^,\s+(?:(?:reportedly|later|first|originally|allegedly)\s+)?$", re.I)
# "formed to combat ISIS": the object of a purpose infinitive is not the trigger's participant.
PURPOSE = re.compile(r"\bto\s+(?:combat|fight|counter|confront|defend|protect|oppose|resist|defeat|"
                     r"battle|expel|drive\s+out)\b", re.I)
RELATIVE_SUBJECT = re.compile(r"^,\s+(?:who|which)\s+(?:(?:was|were|had|has|have|been|reportedly|later)\s+){0,3}$", re.I)
TOGETHER_WITH = re.compile(r"\b(?:together|along|alongside|killed|wounded|arrested|detained)\s+with\s+"
                           r"(?:[\w'’.-]+\s+){0,3}$|\balongside\s+(?:[\w'’.-]+\s+){0,3}$")


class Trigger(Protocol):
    """What role assignment needs of a candidate trigger (``events.Candidate``)."""

    rule: Any
    sent: Any
    start: int
    end: int
    is_verb: bool
    passive: bool


def is_participant(ctx: DocContext, m: Mention) -> bool:
    """Return True if the mention's entity can act or be acted on (not a place or a thing)."""
    entity = ctx.entity(m.entity_id)
    etype = entity.type if isinstance(entity, Entity) else m.type
    return etype in PARTICIPANT_TYPES


def is_speaker(text: str, m: Mention) -> bool:
    """Return True if the mention is followed by a verb of saying ("X said") in ``text``."""
    return bool(SPEAKER_AFTER.match(text[m.end:m.end + 30]))


def _type_of(ctx: DocContext, m: Mention) -> EntityType | None:
    entity = ctx.entity(m.entity_id)
    return entity.type if isinstance(entity, Entity) else m.type


def find_modifiers(ctx: DocContext, text: str, mentions: Sequence[Mention]) -> dict[int, int]:
    """Return ``{index of a modifier: index of the mention it modifies}`` among sorted mentions.

    "Iran's IRGC" (a possessive before another participant) and "IRGC commander Qasem
    Soleimani" (an organisation or country before a person, with only title words between).
    """
    out: dict[int, int] = {}
    for i in range(len(mentions) - 1):
        m, nxt = mentions[i], mentions[i + 1]
        if nxt.start < m.end or _type_of(ctx, m) is EntityType.PERSON:
            continue
        gap = text[m.end:nxt.start]
        if POSSESSIVE_GAP.match(gap) or gap.isspace() \
                or (_type_of(ctx, nxt) is EntityType.PERSON and MODIFIER_GAP.match(gap)):
            out[i] = i + 1
    return out


def segment_start(text: str, sent_start: int, trig_start: int) -> int:
    """Return where the trigger's clause starts: after the last comma, semicolon or dash.

    When the trigger's segment has no subject of its own (it opens with a verb or a "led by X"
    phrase), the subject's modifiers before it are stepped over: "a delegation from X, which is
    one of ..., led by Y visited", "Other factions, including X, rejected ... and vowed": the
    clause starts at the subject.
    """
    def last_break(pos: int) -> int:
        return max(text.rfind(ch, sent_start, pos) for ch in (",", ";", "\u2014", " - ", ":"))

    cut = last_break(trig_start)
    if cut < 0:
        return sent_start
    segment = text[cut + 1:trig_start]
    if text[cut] != "," or not (BY_MODIFIER.match(segment) or SUBJECTLESS.match(segment)):
        return cut + 1
    stepped = bool(BY_MODIFIER.match(segment))
    while True:
        pos, cut = cut, last_break(cut)
        if cut < 0:
            return sent_start if stepped else pos + 1
        segment = text[cut + 1:pos]
        if text[cut] == "," and (SUBJECT_MODIFIER.match(segment) or BY_MODIFIER.match(segment)):
            stepped = True
            continue
        return cut + 1 if stepped else pos + 1


def _extend_over_list(text: str, seg_start: int, sent_start: int, people: Sequence[Mention]) -> int:
    """Move a clause start back over the earlier items of a list it continues.

    "the offices of A, B, C and D have been closed": the clause after the last comma opens with
    a list item, so B (an item that is just a name) and A (the name ending the first item) belong
    to the same subject.
    """
    starts = {m.start for m in people}
    ends = {m.end: m for m in people}
    first = seg_start + len(text[seg_start:]) - len(text[seg_start:].lstrip())
    if seg_start <= sent_start or text[seg_start - 1] != "," or first not in starts:
        return seg_start
    while seg_start > sent_start and text[seg_start - 1] == ",":
        comma = seg_start - 1
        prev = text.rfind(",", sent_start, comma)
        item_start = prev + 1 if prev >= 0 else sent_start
        item = text[item_start:comma]
        named = ends.get(item_start + len(item.rstrip()))
        if named is None:
            break
        seg_start = named.start
        if text[item_start:named.start].strip():
            break  # "the offices of A": the first item; its name joins, its head does not
        seg_start = item_start
    return seg_start


def _apposition_spans(ctx: DocContext, text: str, people: Sequence[Mention], sent_end: int,
                      trigger: tuple[int, int]) -> list[tuple[Mention, int, int]]:
    """Return (person, start, end) of each comma-enclosed apposition right after a person.

    An apposition never contains the trigger (", the government sent a delegation," is a clause).
    """
    out: list[tuple[Mention, int, int]] = []
    for m in people:
        if _type_of(ctx, m) is not EntityType.PERSON:
            continue
        found = APPOSITION.match(text[m.end:sent_end])
        if found and not (m.end < trigger[1] and trigger[0] < m.end + found.end()):
            out.append((m, m.end, m.end + found.end()))
    return out


def _preposition_before(text: str, pos: int, limit: int) -> str:
    found = PREPOSITION.search(text[max(limit, pos - 40):pos])  # the nearest preposition wins
    return found.group(1).lower() if found else ""


def _parse_subject(cand: Trigger) -> tuple[int, int] | None:
    """Return the character span of the trigger's (or its governing verb's) active subject."""
    tok = cand.sent.doc[cand.start]
    verb = tok if cand.is_verb else tok.head
    for _ in range(3):
        subj = [c for c in verb.children if c.dep_ in ("nsubj",)]
        if subj:
            s = subj[0]
            return s.left_edge.idx, s.right_edge.idx + len(s.right_edge.text)
        if verb.dep_ in ("conj", "xcomp", "advcl", "relcl") and verb.head is not verb:
            verb = verb.head
        else:
            break
    return None


def assign_roles(ctx: DocContext, cand: Trigger, in_sent: list[Mention]) -> tuple[list[str], list[str]]:
    """Return (actors, targets) entity ids for a trigger (parse first, then position).

    Args:
        ctx: the document context (entity records).
        cand: the trigger: its rule, sentence, token span, verb/noun and voice.
        in_sent: the resolved mentions of the trigger's sentence.
    """
    doc = cand.sent.doc
    text = ctx.spacy_text()
    trig_start = doc[cand.start].idx
    trig_end = doc[cand.end - 1].idx + len(doc[cand.end - 1].text)
    ordered = sorted((m for m in in_sent if m.entity_id), key=lambda m: (m.start, -m.end))
    modifiers = find_modifiers(ctx, text, ordered)
    heads = {head: mod for mod, head in modifiers.items()}
    people = [m for i, m in enumerate(ordered) if i not in modifiers and is_participant(ctx, m)
              and (not is_speaker(text, m) or 0 <= trig_start - m.end <= 30)
              and not ROLE_AFTER.match(text[m.end:m.end + 40])]
    left_ids = [m for m in people if m.end <= trig_start]
    subject_span = _parse_subject(cand) if doc.has_annotation("DEP") else None
    seg_start = _extend_over_list(text, segment_start(text, cand.sent.start_char, trig_start),
                                  cand.sent.start_char, people)
    appositions = _apposition_spans(ctx, text, people, cand.sent.end_char, (trig_start, trig_end))
    if not any(seg_start <= m.start and m.end <= trig_start for m in people):
        # "X, the commander of Y, arrived": the clause's subject sits before the apposition.
        for person, a_start, a_end in appositions:
            if a_end <= trig_start and not text[a_end:seg_start].strip(" ,"):
                seg_start = person.start
    actors: list[str] = []
    targets: list[str] = []
    for m in people:
        index = ordered.index(m)
        first = ordered[_chain_start(heads, index)]
        left = m.end <= trig_start
        reduced = left and cand.is_verb and bool(REDUCED_RELATIVE.match(text[m.end:trig_start]))
        if left and m.start < seg_start and not reduced \
                and not (cand.is_verb and RELATIVE_SUBJECT.match(text[m.end:trig_start])):
            continue
        if not left and PURPOSE.search(text[trig_end:first.start]):
            continue
        if any(a <= m.start and m.end <= b and _type_of(ctx, m) is EntityType.COUNTRY
               for _, a, b in appositions):
            continue  # "X, one of Iraq's best-known experts": background, not a participant
        if any(a <= m.start and m.end <= b for _, a, b in appositions) \
                and (left or cand.rule.type not in VIOLENT_TYPES):
            # inside an apposition ("X, secretary of Y"): describes X; a victim's group stays a target
            continue
        if left and not cand.is_verb and trig_start - m.end > 50:
            continue
        if left and re.match(r"^['\u2019]s\b", text[m.end:m.end + 3]) and any(o.start > m.end for o in left_ids):
            continue
        if not left and not cand.is_verb and first.start - trig_end > 60:
            continue
        previous = max((o.end for o in ordered if o.end <= first.start), default=0)
        limit = trig_end if not left else cand.sent.start_char
        prep = _preposition_before(text, first.start, max(limit, previous))
        if left and not cand.is_verb and (CLAUSE_BREAK.search(text[m.end:trig_start])
                                          or (REFERENCE_PP.search(text[m.end:trig_start])
                                              and not ADJACENT.match(text[m.end:trig_start]))):
            continue  # "X has grown since the protests": X belongs to another clause
        role = _role_of(cand, m, first, prep, left, subject_span, text)
        if reduced:  # the participle's subject undergoes it ("X, killed in ...") unless the rule says it acts
            role = "actor" if cand.rule.passive_subject_role == "actor" else "target"
        if role == "actor" and m.entity_id not in actors:
            actors.append(m.entity_id)  # type: ignore[arg-type]
        elif role == "target" and m.entity_id not in targets and m.entity_id not in actors:
            targets.append(m.entity_id)  # type: ignore[arg-type]
    return actors, targets


def _chain_start(heads: dict[int, int], index: int) -> int:
    """Return the index of the first modifier of the chain ending at ``index``."""
    while index in heads:
        index = heads[index]
    return index


def _role_of(cand: Trigger, m: Mention, first: Mention, prep: str, left: bool,
             subject_span: tuple[int, int] | None, text: str) -> str:
    """Return "actor", "target" or "other" for one mention (``first``: start of its phrase)."""
    if left and not cand.is_verb and ADJACENT.match(text[m.end:cand.sent.doc[cand.start].idx]):
        return "actor"  # "a US drone strike", "the militia's raid": the trigger's own modifier
    if prep in LOCATIVE_PREPS:
        return "other"
    if prep in ("by", "from"):
        return "actor"
    if not left and prep == "with" and cand.rule.label in ("meeting", "visit"):
        return "actor"  # "met with X", "to discuss ... with X": both sides take part
    if left and TOGETHER_WITH.search(text[max(0, first.start - 60):first.start]):
        # "X was killed together with Y in a strike": Y shares the subject's side.
        return "target" if cand.passive and cand.rule.passive_subject_role != "actor" else "other"
    if not left:
        return "target" if cand.is_verb or prep in ("on", "against", "at", "of", "targeting", "to") else "other"
    if cand.passive:
        return "actor" if cand.rule.passive_subject_role == "actor" else "target"
    if subject_span is not None and cand.is_verb and not (subject_span[0] <= m.start and m.end <= subject_span[1]):
        return "other"
    return "actor"


def add_outcome_roles(ctx: DocContext, outcomes: Sequence[Trigger], in_sent: list[Mention],
                      actors: list[str], targets: list[str]) -> None:
    """Add the victims of outcome triggers ("... killed X", "X was wounded") to the event's targets.

    An outcome's actors are taken only when the event has none of its own.
    """
    for outcome in outcomes:
        o_actors, o_targets = assign_roles(ctx, outcome, in_sent)
        for t in o_targets:
            if t not in targets and t not in actors:
                targets.append(t)
        if not actors:
            actors.extend(a for a in o_actors if a not in targets)


def find_means_actors(ctx: DocContext, in_sent: Sequence[Mention]) -> list[str]:
    """Return the participants written right before a strike noun ("killed in a US strike").

    The strike is the means of a violent event whose trigger is elsewhere in the sentence
    ("X was killed in a US strike"): its modifier is the event's actor, not its place.
    """
    text = ctx.document.text
    out: list[str] = []
    for m in in_sent:
        if m.entity_id and is_participant(ctx, m) and MEANS_AFTER.match(text[m.end:m.end + 40]) \
                and m.entity_id not in out:
            out.append(m.entity_id)
    return out


def one_state_side(kb: Any, a: str, b: str) -> bool:
    """Return True when two actors are one state's forces: both the KB's state bodies of one
    country ("Iraqi security forces" and the "Counter-Terrorism Service"), a country and one of its
    state bodies ("Iranian missiles" and "Iran's Revolutionary Guards"), or one part of the other
    (its ``part_of`` chain). Armed groups are never one side by country: rival factions share one."""
    first, second = kb.get(a), kb.get(b)
    if first is None or second is None:
        return False
    if _within(kb, first, b) or _within(kb, second, a):
        return True
    for state, body in ((first, second), (second, first)):
        if state.type is EntityType.COUNTRY and body.type is EntityType.STATE_BODY \
                and body.attributes.get("country") == state.id:
            return True  # "Iranian missiles" / "Iran's Revolutionary Guards fired missiles": the state and its forces
    country = first.attributes.get("country")
    return first.type is EntityType.STATE_BODY and second.type is EntityType.STATE_BODY \
        and isinstance(country, str) and country == second.attributes.get("country")


def _within(kb: Any, record: Any, other: str) -> bool:
    """Return True when ``other`` is on ``record``'s ``part_of`` chain (a few levels up)."""
    todo, seen = [record], set()
    for _ in range(6):
        parents = [p for r in todo for p in (r.attributes.get("part_of") or ()) if isinstance(p, str)]
        if other in parents:
            return True
        todo = [r for p in parents if p not in seen and (r := kb.get(p)) is not None]
        seen.update(parents)
        if not todo:
            return False
    return False
