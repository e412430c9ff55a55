"""The shared base of the relation pattern families: compiled patterns and list walkers.

:class:`PatternBase` compiles every family's regular expressions from ``rules/relations.yaml``
and provides the walkers they share (the mention at a position, a list "A, B and C" forward,
the subject list of a predicate backward). The families themselves live in
``role_families.py`` (people and their titles) and ``group_families.py`` (groups, backers,
umbrellas, places); the parse-based ones in ``syntax_roles.py`` and ``syntax_groups.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from factiongraph.errors import ConfigError
from factiongraph.extract.view.cues import cue_words
from factiongraph.extract.view.docview import DocView
from factiongraph.extract.view.roles import RoleLexicon
from factiongraph.model import EntityType, Mention, Predicate

if TYPE_CHECKING:
    from factiongraph.extract.relations.extractor import RelationExtractor


@dataclass(slots=True)
class Candidate:
    """A relation found by one pattern, before merging."""

    subject_id: str
    predicate: Predicate
    object_id: str
    start: int
    end: int
    rule: str
    attrs: dict[str, object] = field(default_factory=dict)
    ended: bool = False


_POSS = r"(?:'s|\u2019s|'|\u2019)"
_LIST_SEP = re.compile(r"\s*(?:,|,?\s*and|,?\s*or|&|,?\s*as well as)\s*(?:the\s+)?", re.IGNORECASE)
_LIST_SEP_WIDE = re.compile(r"\s*(?:,|,?\s*and|,?\s*or|&|,?\s*as well as|,?\s*in addition to|,?\s*along"
                            r"\s+with)\s*(?:the\s+)?", re.IGNORECASE)
_COPULA_GAP = re.compile(
    r"[\s,\u2014\u2013-]*(?:(?:which|that|who)\s+)?(?:(?:is|are|was|were|has|have|had|been|be|being|"
    r"remain|remains|all|both|also|now|still|widely|believed|said|thought|seen|reported|known|"
    r"considered|regarded|viewed|described|as|a|an|to|\w+ly)\s+)*[\s,\u2014\u2013-]*", re.IGNORECASE)
_PARENS = re.compile(r"\([^()]*\)|\"[^\"]*\"|\u201c[^\u201d]*\u201d")
_PARTICIPLE = re.compile(r",\s*(?:formed|founded|created|established|set up|based|known|launched|"
                         r"headquartered)\b.*?(?=\s+(?:is|are|was|were|has|have)\b|,|$)", re.IGNORECASE)


def _words(items: list[str]) -> str:
    """Return a word-bounded alternation of phrases (longest first)."""
    ordered = sorted(set(items), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


class PatternBase:
    """Compiled patterns and shared walkers; the family methods live in the subclasses."""

    def __init__(self, rules: dict[str, Any], lexicon: RoleLexicon, owner: RelationExtractor) -> None:
        self.lex = lexicon
        self.owner = owner
        try:
            vocab = {k: [str(w) for w in rules[k]] for k in (
                "backing_words", "group_nouns", "list_openers", "affiliation_triggers",
                "front_triggers", "same_group_phrases", "umbrella_triggers", "membership_nouns",
                "led_by_verbs", "commands_triggers", "commands_verbs", "opposes_verbs", "place_nouns")}
        except (KeyError, TypeError) as exc:
            raise ConfigError(f"relations.yaml: missing vocabulary ({exc!r})") from exc
        self.legislature_words = [str(w) for w in rules.get("legislature_words") or []]
        self.context_posts = {str(w).casefold() for w in rules.get("context_posts") or []}
        flags = re.IGNORECASE
        self.affiliation = re.compile(rf"\b(?:{_words(vocab['affiliation_triggers'])})\b", flags)
        self.front = re.compile(rf"\b(?:{_words(vocab['front_triggers'])})\b", flags)
        self.same_group = re.compile(rf"\s*(?:{_words(vocab['same_group_phrases'])})\b", flags)
        self.umbrella = re.compile(rf"\b(?:{_words(vocab['umbrella_triggers'])})\s+(?:the\s+)?", flags)
        self.one_of = re.compile(
            rf"\bone\s+of\s+the\s+(?:[\w-]+\s+){{0,3}}?(?:{_words(vocab['membership_nouns'])})\b"
            rf"(?:\s+(?:of|in|within|under)\s+(?:the\s+)?)?", flags)
        title = lexicon.title_core
        self.backed = re.compile(
            rf"(?<![\w-])(?:(?P<b1>[A-Z][\w.]*)[-\s](?:{_words(vocab['backing_words'])})|"
            rf"pro-(?P<b2>[A-Z]\w*))\b(?P<np>(?:\s+[\w-]+){{0,3}}?\s+(?:{_words(vocab['group_nouns'])})\b)?"
            rf"(?:\s+in\s+[A-Z][\w-]*)?\s*,?\s*(?:(?:{_words(vocab['list_openers'])})\s+)?(?:the\s+)?")
        # "factions within the Hashd, in particular X": the set before a known umbrella, the names after
        self.parts_in = re.compile(
            rf"\b(?:{_words(vocab['membership_nouns'])})\s+(?:within|inside|in|of)\s+(?:the\s+)?$", flags)
        self.parts_listed = re.compile(
            rf"\s*(?:\([^)]*\)\s*)?,\s*(?:{_words(vocab['list_openers'])})\s+(?:the\s+)?", flags)
        self.backed_by = re.compile(
            rf"\b(?:{_words(vocab['backing_words'])})\s+by\s+(?:the\s+)?", flags)
        self.led_by = re.compile(
            r"\s*(?:\([^)]*\)\s*)?(?:,\s*(?:which|who)\s+[^,]{1,90},)?\s*,?\s*(?:(?:which|that|who)\s+)?"
            r"(?:(?:is|are|was|were|has been|had been|have been)\s+)?(?:currently\s+|now\s+|also\s+|"
            rf"reportedly\s+)?(?P<verb>{_words(vocab['led_by_verbs'])})\s+by\s+"
            rf"(?:(?P<the>the\s+)?(?P<title>{title})\b\s*)?(?:(?:{lexicon.honorific_alt})\s+)*", flags)
        self.led_by_ref = re.compile(rf"(?P<title>{title})\b", flags)
        self.whose = re.compile(rf"\s*,?\s*whose\s+(?P<title>{title})\s*,?\s*", flags)
        self.delegation = re.compile(
            r"\b(?:delegation|team|convoy|committee|group|unit)\s+(?:from|of)\s+(?:the\s+)?$", flags)
        self.apposition = re.compile(
            rf",\s+(?:who\s+(?:is|was)\s+)?(?P<det>(?:the|a|an|one)\s+)?(?P<role>(?:[a-z][\w-]*\s+)"
            rf"{{0,3}}?{title}(?:\s+{title})*)(?:\s+(?P<prep>of|at|in|for|with|to|within)\s+(?:the\s+)?)?", flags)
        self.apposition_org = re.compile(rf",\s+(?P<det>(?:the|a|an)\s+)?$", flags)
        self.commands_by = re.compile(rf"\b(?:{_words(vocab['commands_triggers'])})\s+(?:the\s+)?", flags)
        self.commands_verb = re.compile(rf"\b(?:{_words(vocab['commands_verbs'])})\s+(?:the\s+)?", flags)
        self.opposes = re.compile(rf"\b(?:{_words(vocab['opposes_verbs'])})\s+(?:the\s+)?", flags)
        places = _words(vocab["place_nouns"])
        facilities = _words([str(w) for w in rules.get("facility_nouns") or []]) or "(?!)"
        directions = _words([str(w) for w in rules.get("direction_words") or []]) or "(?!)"
        areas = _words([str(w) for w in rules.get("area_nouns") or []]) or "(?!)"
        cities = _words([*vocab["place_nouns"], *[str(w) for w in rules.get("city_nouns") or []]])
        # "Balad, in Salahuddin", "the Tower 9 outpost in north-eastern Syria", "the Al-Qaim area
        # in Anbar", "the Green Zone in the centre of Baghdad"
        # (also "the Al-Omar oil field and its surroundings in the countryside of Deir ez-Zor")
        self.place_in = re.compile(rf"(?:\s+(?:{facilities}|{places}))?(?:\s+and\s+its\s+(?:surroundings|outskirts"
                                   r"|environs|vicinity|suburbs|surrounding\s+areas?))?,?\s+in\s+(?:the\s+)?"
                                   rf"(?:[a-z]+(?:-[a-z]+)*\s+)?(?:(?:{areas})\s+of\s+(?:the\s+)?"
                                   r"(?:[a-z]+(?:-[a-z]+)*\s+)?)?", flags)
        # "the Ain al-Asad air base in the west of the country": the document's main country
        self.place_in_country = re.compile(self.place_in.pattern + r"(?:the\s+)?country\b", flags)
        # "Baghdad, Iraq", "Rukban, northeast Jordan", "ERBIL, Kurdistan Region"
        self.place_comma = re.compile(rf",\s+(?:(?:{directions})\s+)?", flags)
        self.place_list_after = re.compile(r"\s*(?:,|and\b|or\b|&)", flags)
        # "the southern Iraqi city of X", "the Iraqi Kurdish capital of X"
        self.demonym_place = re.compile(
            rf"(?<![\w-])(?P<dem>{_words(list(lexicon.demonyms))})"
            rf"\s+(?:[A-Za-z][\w-]*\s+){{0,2}}?(?:{cities})\s+of\s+(?:the\s+)?$")
        # "Iraq's central holy shrine city of X"
        self.owned_place = re.compile(rf"{_POSS}\s+(?:[a-z][\w-]*\s+){{0,4}}?(?:{cities})\s+of\s+(?:the\s+)?",
                                      flags)
        # "the Karrada district of (central) Baghdad"
        self.place_of = re.compile(rf"\s+(?:{places})\s+of\s+(?:the\s+)?(?:[a-z]+(?:-[a-z]+)*\s+)?$",
                                   flags)
        self.founded = re.compile(r"\b(?:who\s+)?(?:co-)?(?:founded|established|set\s+up|created)\s+"
                                  r"(?:the\s+)?", flags)
        self.unit_of = re.compile(rf"\s+of\s+(?:the\s+)?(?:[A-Z][\w-]*{_POSS}\s+)?")
        # "Brigade 14 in the PMF", "KH within the PMF", "X (Brigades 45 and 46 of the PMF)": only
        # before a known umbrella
        self.unit_in = re.compile(
            r"\s+(?:in|within|inside)\s+(?:the\s+)?|\s*\(\s*(?:the\s+)?(?:brigades?|battalions?|units?|divisions?|"
            r"liwa)\s+(?:[\w-]+,?\s+){1,6}?(?:of|in|within)\s+(?:the\s+)?", re.IGNORECASE)
        # "the PMF faction Kataib Hezbollah": a member noun between an umbrella and its member
        member_nouns = [str(w) for key in ("part_nouns", "group_part_nouns") for w in rules["syntax"][key]]
        self.member_gap = re.compile(rf"{_POSS}?\s+(?:[a-z][\w-]*\s+)?(?:{_words(member_nouns)})\s+", flags)
        self.place_noun_after = re.compile(rf"\s+(?:{places})\b", flags)
        # Word gates (``extract.cues``): a family whose trigger regexes need one of these words
        # skips a sentence that holds none of them.
        self.affiliation_words = cue_words([*vocab["affiliation_triggers"], *vocab["front_triggers"]])
        self.backed_words = (*cue_words(vocab["backing_words"]), "pro-")
        self.umbrella_words = cue_words([*vocab["umbrella_triggers"], *vocab["membership_nouns"]])
        self.commands_words = cue_words([*vocab["commands_triggers"], *vocab["commands_verbs"],
                                         *vocab["opposes_verbs"]])
        self.founded_words = cue_words(["founded", "established", "set up", "created"])

    def mention_at(self, ms: list[Mention], pos: int, types: frozenset[EntityType] | None,
                   view: DocView) -> Mention | None:
        """Return the mention starting exactly at ``pos`` (optionally of the given types)."""
        for m in ms:
            if m.start == pos and (types is None or view.type_of(m) in types):
                return m
        return None

    def list_forward(self, view: DocView, ms: list[Mention], first: Mention,
                     types: frozenset[EntityType], sep: re.Pattern[str] = _LIST_SEP) -> list[Mention]:
        """Return ``first`` and the mentions listed after it ("A, B and C")."""
        out = [first]
        for m in ms:
            if m.start < out[-1].end:
                continue
            if sep.fullmatch(view.text, out[-1].end, m.start) and view.type_of(m) in types:
                out.append(m)
            elif m.start > out[-1].end:
                break
        return out

    def subjects_before(self, view: DocView, ms: list[Mention], pos: int,
                        types: frozenset[EntityType]) -> list[Mention]:
        """Return the subject list of a predicate starting at ``pos`` ("A and B are ...")."""
        before = [m for m in ms if m.end <= pos][::-1][:8]
        for i, m in enumerate(before):
            gap = _PARTICIPLE.sub("", _PARENS.sub("", view.text[m.end:pos]))
            if not _COPULA_GAP.fullmatch(gap):
                continue
            if view.type_of(m) not in types or re.match(r"\s*" + _POSS + r"\s", view.text[m.end:]):
                return []
            found = [m]
            for prev in before[i + 1:]:
                if _LIST_SEP_WIDE.fullmatch(view.text, prev.end, found[-1].start) and \
                        view.type_of(prev) in types:
                    found.append(prev)
                elif prev.entity_id == found[-1].entity_id:
                    continue
                else:
                    break
            return found[::-1]
        return []

    def place_owner(self, view: DocView, place: Mention) -> str | None:
        """Return what a place owning an office stands for: a capital's country, a region's own
        government when one is known by that name ("Kurdistan Region Interior Minister" ->
        "Kurdistan Region Government"), else the place."""
        name = self.lex.demonyms.get(place.text)
        found = view.lookup_name(name) if name else None
        for suffix in (" Government", " Regional Government"):
            found = found or view.lookup_name(place.text + suffix)
        return found or place.entity_id

    def cand(self, s: Mention | str, p: Predicate, o: Mention | str, span: tuple[int, int],
             rule: str, **attrs: object) -> Candidate:
        """Return a candidate between mentions or ids over ``span``."""
        sid = s if isinstance(s, str) else str(s.entity_id)
        oid = o if isinstance(o, str) else str(o.entity_id)
        ended = bool(attrs.pop("ended", False))
        return Candidate(sid, p, oid, span[0], span[1], rule,
                         {k: v for k, v in attrs.items() if v is not None}, ended)
