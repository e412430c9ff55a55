"""The ACLED event typology and the event rule families that map text onto it.

Both are data: ``rules/typology.yaml`` lists ACLED's event types and sub-event types;
``rules/events.yaml`` holds the rule families. This module loads and validates them and expands
the rules' lemmas into surface forms (the pipeline may run without a lemmatizer or tagger, so
"arrested", "kidnapped" and "taken" are generated here rather than read from spaCy).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from factiongraph.errors import ConfigError

# libyaml's safe loader when PyYAML was built with it (the same documents, some ten times faster).
_YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

log = logging.getLogger(__name__)

TYPOLOGY_PATH = Path(__file__).parents[1] / "rules" / "typology.yaml"
RULES_PATH = Path(__file__).parents[1] / "rules" / "events.yaml"
OTHER_TYPE = "Strategic developments"
OTHER_SUB_TYPE = "Other"


# ACLED event types whose targets suffer violence (their victims' affiliations are targets too).
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"})

@dataclass(frozen=True, slots=True)
class Typology:
    """Event types mapped to their allowed sub-event types."""

    types: dict[str, tuple[str, ...]]

    def is_valid(self, event_type: str, sub_type: str) -> bool:
        """Return True if ``sub_type`` is one of ``event_type``'s sub-event types."""
        return sub_type in self.types.get(event_type, ())

    def type_of(self, sub_type: str) -> str | None:
        """Return the event type a sub-event type belongs to (sub-types are unique in ACLED)."""
        for event_type, subs in self.types.items():
            if sub_type in subs:
                return event_type
        return None

    def check(self, event_type: str, sub_type: str, where: str) -> None:
        """Raise ConfigError naming ``where`` if the pair is not in the typology."""
        if not self.is_valid(event_type, sub_type):
            raise ConfigError(
                f"{where}: {event_type!r}/{sub_type!r} is not an ACLED type/sub-type pair; "
                f"see {TYPOLOGY_PATH.name}")


def parse_typology(raw: object, where: str) -> Typology:
    """Return the typology in ``raw`` (the parsed YAML), validating its shape."""
    if not isinstance(raw, dict) or not isinstance(raw.get("types"), dict):
        raise ConfigError(f"{where}: expected a mapping with a 'types' mapping")
    types: dict[str, tuple[str, ...]] = {}
    for name, subs in raw["types"].items():
        if not isinstance(subs, list) or not all(isinstance(s, str) for s in subs):
            raise ConfigError(f"{where}: type {name!r} needs a list of sub-type names")
        types[str(name)] = tuple(subs)
    return Typology(types=types)


@lru_cache(maxsize=4)
def load_typology(path: Path = TYPOLOGY_PATH) -> Typology:
    """Load and cache the typology file.

    Raises:
        ConfigError: the file is missing or malformed.
    """
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)  # noqa: S506 (safe loader)
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"event typology {path}: {exc}") from exc
    return parse_typology(raw, str(path))


IRREGULAR = {
    "find": ("found", "found"), "shoot": ("shot", "shot"), "hold": ("held", "held"), "meet": ("met", "met"),
    "send": ("sent", "sent"), "take": ("took", "taken"), "set": ("set", "set"), "blow": ("blew", "blown"),
    "fight": ("fought", "fought"), "lead": ("led", "led"), "burn": ("burnt", "burned"),
    "build": ("built", "built"), "strike": ("struck", "struck"), "hit": ("hit", "hit"),
    "shut": ("shut", "shut"), "put": ("put", "put"), "write": ("wrote", "written"),
    "throw": ("threw", "thrown"), "slay": ("slew", "slain"), "overrun": ("overran", "overrun"),
    "retake": ("retook", "retaken"), "freeze": ("froze", "frozen"), "beat": ("beat", "beaten"),
    "pay": ("paid", "paid"), "lay": ("laid", "laid"), "bring": ("brought", "brought"),
    "catch": ("caught", "caught"), "undertake": ("undertook", "undertaken"), "say": ("said", "said"),
    "tell": ("told", "told"), "be": ("was", "been"), "have": ("had", "had"), "go": ("went", "gone"),
    "fall": ("fell", "fallen"), "withdraw": ("withdrew", "withdrawn"), "give": ("gave", "given"),
    "draw": ("drew", "drawn"), "break": ("broke", "broken"), "begin": ("began", "begun"),
    "seek": ("sought", "sought"), "win": ("won", "won"), "lose": ("lost", "lost"),
    "flee": ("fled", "fled"), "spread": ("spread", "spread"), "shed": ("shed", "shed"),
    "stand": ("stood", "stood"), "make": ("made", "made"), "bear": ("bore", "borne"),
    "forbid": ("forbade", "forbidden"), "deal": ("dealt", "dealt"), "speak": ("spoke", "spoken"),
    "come": ("came", "come"), "swear": ("swore", "sworn"),
}
IRREGULAR_PLURALS = {"militiaman": "militiamen", "man": "men", "woman": "women", "child": "children",
                     "person": "people", "policeman": "policemen", "gunman": "gunmen"}
BE_FORMS = frozenset({"is", "are", "was", "were", "be", "been", "being", "'s", "'re"})
HAVE_FORMS = frozenset({"has", "have", "had", "'ve"})
DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
# the simple past of the irregular verbs above ("hit", "shot", "blew"), for reading tense without a tagger
PAST_FORMS = frozenset(past for past, _ in IRREGULAR.values())


def _stem_forms(base: str) -> tuple[str, str, str]:
    """Return the regular (-s, -ed, -ing) forms of a verb or the plural of a noun (first item)."""
    if base.endswith("y") and len(base) > 2 and base[-2] not in "aeiou":
        return base[:-1] + "ies", base[:-1] + "ied", base + "ing"
    if base.endswith("e"):
        return base + "s", base + "d", base[:-1] + "ing"
    if base.endswith(("s", "sh", "ch", "x", "z")):
        return base + "es", base + "ed", base + "ing"
    if len(base) <= 4 and re.fullmatch(r"[^aeiou]*[aeiou][bdgmnprt]", base):
        return base + "s", base + base[-1] + "ed", base + base[-1] + "ing"
    return base + "s", base + "ed", base + "ing"


def verb_forms(base: str) -> dict[str, str]:
    """Return surface form -> tense tag (VB, VBZ, VBD, VBN, VBG) for a verb lemma."""
    third, past, ing = _stem_forms(base)
    past_simple, participle = IRREGULAR.get(base, (past, past))
    forms = {base: "VB", third: "VBZ", ing: "VBG", past_simple: "VBD"}
    if re.search(r"[^aeiou][aeiou][bdgmnptl]$", base):  # both spellings: "kidnapped", "targeted"
        forms.setdefault(base + base[-1] + "ed", "VBD")
        forms.setdefault(base + base[-1] + "ing", "VBG")
        forms.setdefault(base + "ed", "VBD")
        forms.setdefault(base + "ing", "VBG")
    forms[participle] = "VBN" if participle != past_simple else "VBD"
    if base == "burn":
        forms["burned"] = "VBD"
    return forms


def noun_forms(base: str) -> set[str]:
    """Return the singular and plural surface forms of a noun lemma."""
    return {base, IRREGULAR_PLURALS.get(base, _stem_forms(base)[0])}


def surface_set(words: frozenset[str]) -> frozenset[str]:
    """Return every inflected surface form of a set of lemmas (nouns and verbs alike)."""
    out: set[str] = set()
    for w in words:
        out |= noun_forms(w) | set(verb_forms(w))
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class Phrase:
    """A multi-word trigger: its lemmas, the surface forms each position accepts, verb or noun."""

    bases: tuple[str, ...]
    surfaces: tuple[frozenset[str], ...]
    verbal: bool

    def tag_of(self, words: list[str]) -> str:
        """Return NOUN for a noun phrase, else the tense tag of its first inflected verb."""
        if not self.verbal:
            return "NOUN"
        for base, word in zip(self.bases, words):
            tag = verb_forms(base).get(word)
            if tag is not None:
                return tag
        return "VBD"


FUNCTION_WORDS = frozenset({"a", "an", "the", "on", "of", "to", "x", "in", "into", "up", "down", "for",
                            "upon", "himself", "herself", "themselves", "forward", "free", "ablaze"})


# "open an investigation" is also "open a full investigation": the indefinite article either way.
_ARTICLES = frozenset({"a", "an"})


def _compile_phrase(text: str, verbal: bool) -> Phrase:
    # a hyphen is a token of its own, as the tokenizer splits "sit-in" into "sit", "-", "in"
    bases = tuple(text.lower().replace("-", " - ").split())
    surfaces = tuple(_ARTICLES if w in _ARTICLES else frozenset({w}) if w in FUNCTION_WORDS
                     else surface_set(frozenset({w})) for w in bases)
    return Phrase(bases, surfaces, verbal)


@dataclass(frozen=True, slots=True)
class Variant:
    """A conditional override of a rule's type, sub-type and label (``if_near`` holds surfaces)."""

    type: str
    sub_type: str
    label: str
    if_near: frozenset[str] = frozenset()
    if_target_types: frozenset[str] = frozenset()
    if_actor_types: frozenset[str] = frozenset()
    # surfaces of a verb coordinated with the trigger ("killed three and abducted two")
    if_joined: frozenset[str] = frozenset()
    # surfaces of the trigger's doer as the parse gives it: the active subject or the passive's "by"
    # phrase, with the words set before its head ("security forces", "riot police")
    if_doer_words: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class EventRule:
    """One rule family (see the header of ``rules/events.yaml``); word lists hold surface forms."""

    id: str
    version: int
    type: str
    sub_type: str
    label: str
    verbs: dict[str, str] = field(default_factory=dict)
    nouns: frozenset[str] = frozenset()
    phrases: tuple[Phrase, ...] = ()
    near: frozenset[str] = frozenset()
    not_near: frozenset[str] = frozenset()
    window: int = 6
    count: str | None = None
    outcome: bool = False
    suppresses: frozenset[str] = frozenset()
    passive_subject_role: str = "target"
    require_date: bool = False
    require_place: bool = False
    require_participant_types: frozenset[str] = frozenset()
    not_object_types: frozenset[str] = frozenset()
    not_object_words: frozenset[str] = frozenset()  # object heads that make it another happening
    # Verbs of the rule that count only with a place as their object: "ISIS seized Mosul", "seized
    # the town of Hit", not "seized a weapons cache" or "seized the houses of".
    place_object_verbs: frozenset[str] = frozenset()
    # Verbs of the rule that name the happening only without an object or a clause: "protesters
    # rallied", not "rallied support"; "crowds demonstrated", not "the strike demonstrated that".
    objectless: frozenset[str] = frozenset()
    active_only: bool = False
    # A noun trigger counts only with an anchor in its own phrase: a date ("the October 7 attacks",
    # "Tuesday's attack", "the attack on Monday") or a named agent ("attacks by Hamas").
    require_own_anchor: bool = False
    near_or_participant: bool = False
    participants_are_actors: bool = False
    variants: tuple[Variant, ...] = ()
    confidence: float = 0.7

    @property
    def producer(self) -> str:
        """Return the versioned producer name written on evidence."""
        return f"rule.{self.id}.v{self.version}"


class AnyPattern:
    """Patterns asked together whether any of them occurs in a text, in one scan of it.

    ``any(p.search(text) for p in patterns)`` scans the text once per pattern. The alternation of
    patterns compiled with the same flags and without groups matches exactly where one of them
    does, so one search answers the same question. Patterns that cannot be joined that way are
    searched one by one.
    """

    __slots__ = ("_joined", "_patterns")

    def __init__(self, patterns: tuple[re.Pattern[str], ...]) -> None:
        self._patterns = patterns
        self._joined: re.Pattern[str] | None = None
        flags = {p.flags for p in patterns}
        if len(flags) == 1 and not any(p.groups for p in patterns):
            try:
                self._joined = re.compile("|".join(f"(?:{p.pattern})" for p in patterns), flags.pop())
            except re.error:  # e.g. a pattern with global inline flags, allowed only at the start
                self._joined = None

    def search_any(self, text: str) -> bool:
        """Return True when any of the patterns occurs in ``text``."""
        if self._joined is not None:
            return self._joined.search(text) is not None
        return any(p.search(text) for p in self._patterns)


@dataclass(frozen=True, slots=True)
class RuleSet:
    """All event rules plus the certainty and responsibility cues."""

    rules: tuple[EventRule, ...]
    anonymous: tuple[re.Pattern[str], ...]
    alleged: tuple[re.Pattern[str], ...]
    claimed: tuple[re.Pattern[str], ...]
    responsibility: tuple[re.Pattern[str], ...]


def _words(raw: Any) -> frozenset[str]:
    return frozenset(str(w).lower() for w in (raw or []))


def _compile_rule(item: dict[str, Any]) -> EventRule:
    """Return one rule with its lemma lists expanded to surface forms."""
    verbs: dict[str, str] = {}
    for lemma in _words(item.get("verbs")):
        verbs.update(verb_forms(lemma))
    nouns: set[str] = set()
    for lemma in _words(item.get("nouns")):
        nouns |= noun_forms(lemma)
    phrases = tuple([_compile_phrase(p, False) for p in item.get("phrases") or []]
                    + [_compile_phrase(p, True) for p in item.get("verb_phrases") or []])
    variants = tuple(
        Variant(v["type"], v["sub_type"], v.get("label", item["label"]), surface_set(_words(v.get("if_near"))),
                _words(v.get("if_target_types")), _words(v.get("if_actor_types")),
                frozenset(form for lemma in _words(v.get("if_joined")) for form in verb_forms(lemma)),
                surface_set(_words(v.get("if_doer_words"))))
        for v in item.get("variants") or [])
    return EventRule(
        id=item["id"], version=int(item["version"]), type=item["type"], sub_type=item["sub_type"],
        label=item["label"], verbs=verbs, nouns=frozenset(nouns), phrases=phrases,
        near=surface_set(_words(item.get("near"))), not_near=surface_set(_words(item.get("not_near"))),
        window=int(item.get("window", 6)), count=item.get("count"), outcome=bool(item.get("outcome")),
        suppresses=_words(item.get("suppresses")),
        passive_subject_role=item.get("passive_subject_role", "target"),
        require_date=bool(item.get("require_date")), require_place=bool(item.get("require_place")),
        require_participant_types=_words(item.get("require_participant_types")),
        not_object_types=_words(item.get("not_object_types")),
        not_object_words=surface_set(_words(item.get("not_object_words"))),
        place_object_verbs=frozenset(form for lemma in _words(item.get("place_object_verbs"))
                                     for form in verb_forms(lemma)),
        objectless=frozenset(form for lemma in _words(item.get("objectless_verbs")) for form in verb_forms(lemma)),
        active_only=bool(item.get("active_only")),
        require_own_anchor=bool(item.get("require_own_anchor")),
        near_or_participant=bool(item.get("near_or_participant")), variants=variants,
        participants_are_actors=bool(item.get("participants_are_actors")),
        confidence=float(item.get("confidence", 0.7)))


def load_event_rules(path: Path = RULES_PATH) -> RuleSet:
    """Load and validate the event rules.

    Raises:
        ConfigError: the file is unreadable, a rule lacks a field or names a non-ACLED type.
    """
    typology = load_typology()
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)  # noqa: S506 (safe loader)
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"event rules {path}: {exc}") from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("rules"), list):
        raise ConfigError(f"event rules {path}: expected a mapping with a 'rules' list")
    rules: list[EventRule] = []
    for i, item in enumerate(raw["rules"]):
        where = f"{path.name} rules[{i}]"
        try:
            rule = _compile_rule(item)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ConfigError(f"{where}: bad or missing field: {exc}") from exc
        typology.check(rule.type, rule.sub_type, where)
        for v in rule.variants:
            typology.check(v.type, v.sub_type, f"{where} variant")
        rules.append(rule)
    cues = raw.get("certainty") or {}

    def compile_all(items: Any) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, re.I) for p in items or [])

    return RuleSet(tuple(rules), compile_all(cues.get("anonymous")), compile_all(cues.get("alleged")),
                   compile_all(cues.get("claimed")), compile_all(raw.get("responsibility")))
