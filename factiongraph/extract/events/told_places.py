"""Places a story gives its happening after telling it.

A report often leads with the happening and a coarse place or none ("A roadside bomb killed three
members of a family in Salahuddin on Sunday"), then says where it was in a sentence that tells
nothing new: "The bomb struck their car near Balad", "The attack happened in a village on the
outskirts of Samarra", "The fighting took place near the village of Albu Khudair". That sentence's
place is the happening's when it is finer than the one told: the happening had none, only a
country, or a place that holds the new one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from factiongraph.extract.events.count_scope import HAPPENING_NOUNS
from factiongraph.extract.events.told_dates import happening_told_again, placing_verb, referring_subject
from factiongraph.extract.place.locate import Location, place_contains
from factiongraph.model import Event, Evidence, Mention

PRODUCER = "rule.event-place-told-later.v2"  # 2: "It happened ...", "erupted", "broke out"

# What a happening is done with, named again as the subject of a striking verb ("The bomb struck
# their car near Balad", "The rockets landed in a field outside the town").
_MEANS = frozenset({"bomb", "device", "rocket", "rockets", "missile", "missiles", "drone", "shell", "shells",
                    "mortar", "mortars", "projectile", "projectiles", "ied", "grenade", "bullet", "bullets"})
_LANDING = frozenset({"landed", "fell", "exploded", "detonated", "went"})


def told_place_verb(sent: Any) -> tuple[Any, Any] | None:
    """Return (verb, subject noun) of a sentence that only places a happening told before: a
    placing verb ("happened", "took place", "struck") whose subject refers back to it ("the
    attack", "the fighting", "the bomb"), else None."""
    for verb in sent:
        noun = referring_subject(verb) if placing_verb(verb) else None
        if noun is None and (placing_verb(verb) or verb.lower_ in _LANDING):
            noun = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _MEANS
                         and any(d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in c.children)
                         and not any(d.dep_ in ("relcl", "acl", "prep") for d in c.children)), None)
        if noun is None and placing_verb(verb):
            noun = _relative_antecedent(verb)
        if noun is not None:
            return verb, noun
    return None


def _relative_antecedent(verb: Any) -> Any | None:
    """Return the happening a relative clause's placing verb refers to ("No one was hurt in the
    attack, which targeted Ain al-Asad": the attack), when that noun names one told before."""
    noun = verb.head
    if verb.dep_ != "relcl" or not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("which", "that")
                                       for c in verb.children):
        return None
    if noun.lower_ not in HAPPENING_NOUNS or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that")
                                                     for c in noun.children):
        return None
    if any(c.dep_ in ("amod", "compound", "prep", "acl") for c in noun.children):
        return None  # "the attack on the embassy, which ...": a happening of its own description
    return noun


def is_finer(kb: Any, event: Event, found: Location) -> bool:
    """Return True when ``found`` says more of where ``event`` happened than its own place: it had
    none or only a country, or its place holds ``found`` (a known place inside a known one, or a place
    the gazetteer does not know after a province)."""
    if event.location_id is None or event.geo_precision == "country":
        return found.precision != "country" or event.location_id is None
    if found.entity_id == event.location_id:
        return False
    if kb.get(found.entity_id) is None:
        # a place the gazetteer does not know: a village or area told after a province is in it
        # ("Gunmen killed two shepherds in Diyala province ... The attack happened near the village of
        # Sheikh Baba"); after a town it may lie anywhere around
        return event.geo_precision == "governorate" and found.precision != "country"
    return place_contains(kb, event.location_id, found.entity_id)


def place_told_later(sent: Any, events: list[Event], violent: frozenset[str], kb: Any,
                     places_of: Callable[[Any], Sequence[Mention]],
                     locate: Callable[[Sequence[Mention]], Location | None],
                     container: Callable[[Location], Location | None], doc_id: str, text: str) -> bool:
    """Give the story's last violent happening the place a later sentence that tells nothing new
    puts it in, when that place is finer than its own; the sentence becomes the place's evidence.
    ``places_of(verb)`` returns the place mentions the verb's phrase attaches, ``locate`` picks
    one; ``container(found)`` the known place the sentence writes beside an unknown one. Return
    True when a place was set."""
    found_verb = told_place_verb(sent)
    if found_verb is None:
        return False
    verb, noun = found_verb
    target = happening_told_again(noun.lower_, events, violent)
    if target is None:
        return False
    found = locate(places_of(verb))
    if found is None or not is_finer(kb, target, found):
        return False
    held_by = container(found) if found.lat is None else None
    if held_by is None and found.lat is None and target.location_id is not None and target.lat is not None:
        held_by = Location(target.location_id, target.location_name or "", target.lat, target.lon,
                           target.geo_precision or "", "clause", 0.6)  # the place told first holds it
    target.location_id, target.location_name = found.entity_id, found.name
    target.lat, target.lon, target.geo_precision = found.lat, found.lon, found.precision
    target.attrs["location_basis"] = "clause"
    target.attrs["location_told_later"] = True
    target.attrs.pop("location_container", None)
    target.attrs.pop("location_direction", None)
    if held_by is not None and held_by.lat is not None:
        # "near the village of Albu Khudair, northeast of Tikrit": an unknown place takes the
        # coordinates of the known one written beside it
        target.lat, target.lon, target.geo_precision = held_by.lat, held_by.lon, held_by.precision
        target.attrs["location_container"] = held_by.entity_id
    start, end = sent.start_char, sent.end_char
    while end > start and text[end - 1].isspace():
        end -= 1
    target.evidence.append(Evidence(doc_id, start, end, text[start:end], PRODUCER, 0.6))
    return True
