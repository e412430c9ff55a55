"""Where an event happened, as the extractor works it out beside the trigger's own phrase: the story's
capital and home country, a town named before or in the dateline, a place told later, a part of a town,
a road's ends, the place seen from, a place written beside a reference point.
"""

from __future__ import annotations

import re

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from factiongraph.extract.events.arguments import ArgumentReader, trigger_head
from factiongraph.extract.events.participants import find_modifiers, is_participant
from factiongraph.extract.events.told_places import place_told_later
from factiongraph.extract.events.typology import EventRule, VIOLENT_TYPES
from factiongraph.extract.place.locate import (
    ADMIN_LEVELS, ancestor_ids, as_entity, find_coordinates, locate_event, locate_span, Location, place_contains,
    rank_place, story_country)
from factiongraph.extract.view.context import DocContext
from factiongraph.extract.view.dateline import dateline_place
from factiongraph.model import EntityType, Event, Mention


# "outside his home in the city": the town named before.
_THE_TOWN = re.compile(r"\b(?:in|near|outside|around|across)\s+the\s+(?:city|town)\b(?!\s+of\b)(?!'s)", re.I)


TARGET_PREP = re.compile(r"\b(?:on|against|targeting)\s+(?:the\s+)?$", re.I)


# A preposition of place before a capital, through a part of the town ("in southern Baghdad", "in
# the centre of Baghdad", "in downtown Baghdad"): the town as a place, not its state acting.
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|inside|outside|to|from)\s+(?:(?:the\s+)?(?:(?:north|south)-?(?:east|west)?"
                           r"(?:ern)?|(?:east|west)(?:ern)?|central|centre|center|heart|outskirts|downtown|greater|old)"
                           r"(?:\s+of)?\s+)?$", re.IGNORECASE)


# "chanting slogans against the United States", "talks with Washington": what a happening opposes
# or deals with is not where it is.
OPPOSED = re.compile(r"\b(?:against|with)\s+(?:the\s+)?$", re.I)


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


def beside_reference(text: str, mentions: list[Mention]) -> list[Mention]:
    """Return ``mentions`` without the places written as a reference point ("in Albu Kamal, across
    the border from al-Qaim"), unless only reference points are named."""
    kept = [m for m in mentions if not _MEASURED_FROM.search(text, max(0, m.start - 60), m.start)]
    return kept if kept else mentions


def inside_any(m: Mention, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= m.start and m.end <= b for a, b in spans)


_ROAD_NOUN = r"(?:road|highway|motorway|expressway|route|railway)\b"


_ROAD_START = re.compile(r"\s*[-\u2013]\s*[\w' .-]{2,40}?\s+" + _ROAD_NOUN, re.IGNORECASE)


_ROAD_END = re.compile(r"\s+" + _ROAD_NOUN, re.IGNORECASE)


def road_ends(text: str, mentions: list[Mention]) -> list[Mention]:
    """Return ``mentions`` without the towns a road is named by ("on the Kirkuk-Baghdad road near
    Daquq": the road runs between them), unless only they are named."""
    kept = [m for m in mentions if not (_ROAD_START.match(text, m.end) or (
        re.search(r"[-\u2013]\s*$", text[max(0, m.start - 3):m.start]) and _ROAD_END.match(text, m.end)))]
    return kept if kept else mentions


def headline_places(events: list[Event]) -> None:
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


def seen_from(text: str, mentions: Sequence[Mention], entity_id: str) -> bool:
    """Return True when every mention of the place in ``mentions`` is written after a direction
    ("ambushed their patrol north of Baghdad"): the happening was near it, outside it."""
    named = [m for m in mentions if m.entity_id == entity_id]
    return bool(named) and all(_DIRECTION_OF.search(text, max(0, m.start - 30), m.start) for m in named)


def location_end(mentions: Sequence[Mention], entity_id: str) -> int:
    """Return where the last of ``mentions`` naming ``entity_id`` ends (0 when none does)."""
    return max((m.end for m in mentions if m.entity_id == entity_id), default=0)


def entity_type(ctx: DocContext, m: Mention) -> EntityType:
    """Return the type of a mention's entity (the mention's own type when it links to none)."""
    entity = ctx.entity(m.entity_id)
    return entity.type if entity is not None else m.type


# "in Penjwen", "near the Penjwen" ...: a preposition of place right before a name
_PLACE_PREP_BEFORE = re.compile(r"\b(?:in|near|outside|around|inside)\s+(?:the\s+)?(?:town\s+of\s+|village\s+of\s+)?$",
                                re.I)


class EventPlaces:
    """The place choices of :class:`EventExtractor` and the per-document argument reader they use."""

    demonyms: dict[str, str]
    _last_reader: tuple[DocContext, ArgumentReader] | None

    def _reader(self, ctx: DocContext) -> ArgumentReader:
        """Return an argument reader over the document's parse, one per document (the parse view is
        cached; the reader keeps what it works out once for the story, such as its home country)."""
        if self._last_reader is None or self._last_reader[0] is not ctx:
            self._last_reader = (ctx, ArgumentReader(ctx, self.demonyms))
        return self._last_reader[1]

    def _story_capital(self, ctx: DocContext, mentions: list[Mention], country: str | None = None) -> Location | None:
        """Return the capital of ``country``, else of the country the story is set in
        (:func:`story_country`), as the place "the capital" refers to; None when the KB knows none."""
        country = country or story_country(ctx.kb, mentions, lambda m: entity_type(ctx, m))
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
        countries = {m.entity_id for m in in_sent if m.entity_id and entity_type(ctx, m) is EntityType.COUNTRY
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
        home = story_country(ctx.kb, mentions, lambda m: entity_type(ctx, m))
        if home is not None:
            return home
        countries: set[str] = set()
        for m in mentions:
            kind = entity_type(ctx, m)
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
                  and entity_type(ctx, m) is EntityType.PLACE and ctx.kb.get(m.entity_id) is not None]
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
        return rule.type == "Explosions/Remote violence" and entity_type(ctx, m) is EntityType.PLACE

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
        acting = {id(m) for m in in_sent if EventPlaces._acting_capital(ctx, reader, m, actors)}
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
        named = {i for x in ctx.mentions if x.entity_id and entity_type(ctx, x) in (EntityType.PLACE, EntityType.COUNTRY)
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

    def _place_told_later(self, ctx: DocContext, sent: Any, events: list[Event], mentions: list[Mention]) -> None:
        """Place the story's last violent happening where a later sentence that tells nothing new
        puts it ("The attack happened in a village on the outskirts of Samarra"), when finer."""
        reader = self._reader(ctx)
        text = ctx.document.text
        in_sent = [m for m in mentions if sent.start_char <= m.start and m.end <= sent.end_char]

        def places_of(verb: Any) -> list[Mention]:
            attached = reader.place_mentions(sent.doc, verb.i, verb.i + 1)
            return road_ends(text, beside_reference(text, [m for m in attached if not reader.describes_other(m)]))

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
