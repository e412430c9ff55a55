"""Compiled quote rules: speaker types, subject gaps, and the vocabulary of ``rules/quotes.yaml``.

:class:`QuotePatterns` loads and compiles the rule file once; :mod:`quote_subjects`,
:mod:`quote_spans` and :mod:`quotes` build on it. :class:`Speaker` and :class:`Finding` are
the records passed between them.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any

from factiongraph.errors import ConfigError
from factiongraph.extract.view.cues import cue_words
from factiongraph.extract.view.docview import build_name_index
from factiongraph.extract.view.roles import RoleLexicon
from factiongraph.extract.view.sentences import load_rule_file
from factiongraph.model import EntityType

log = logging.getLogger(__name__)

_SPEAKERS = frozenset({EntityType.PERSON, EntityType.ARMED_GROUP, EntityType.POLITICAL_ORG,
                       EntityType.STATE_BODY, EntityType.INTL_ORG, EntityType.COUNTRY})
_ADVERBS = (r"(?:(?:also|later|then|both|has|have|had|previously|recently|further|separately|again|"
            r"earlier|publicly|reportedly|once|repeatedly|quickly|swiftly|immediately|promptly|"
            r"(?:on|last|this|early|late)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
            r"week|month|year|night|morning|evening))\s+)*")
_PAREN = r"(?:\s*\([^()]{1,80}\))?"
# Punctuation, dashes and quotation marks (straight, double and single curly) trimmed off the
# edges of a statement or a speaker phrase.
EDGE_TRIM = " ,;:\u2014\u2013-\"\u201c\u201d'\u2018\u2019"
_QUOTE = re.compile(r"[\"\u201c]([^\"\u201c\u201d]+)[\"\u201d]")
_SUBJECT_GAP = re.compile(_PAREN + r"\s*(?:,[^,\"\u201c\u201d]{1,140},\s*)?" + _ADVERBS)


def _alt(words: list[str]) -> str:
    """Return a regex alternation of phrases, longest first."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


def singular(word: str) -> str:
    """Return the singular of a plural head noun ("sources", "witnesses"; others unchanged)."""
    if word.endswith(("sses", "shes", "ches")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def cue_phrases(words: dict[str, list[str]]) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Return the parse's cues by first word: ``word -> [(phrase words, kind), ...]``, longest first.

    Kinds: ``say`` (verbs of saying), ``claim`` (verbs of claiming, also those that are verbs of
    saying: they report a clause when they have one), ``according``, ``participle-say`` and
    ``participle-other``. Phrases opening with an auxiliary ("had asked") are read from their verb.
    """
    kinds: dict[tuple[str, ...], str] = {}
    for key, kind in (("continuation_other", "participle-other"), ("continuation_say", "participle-say"),
                      ("say_verbs", "say"), ("claim_verbs", "claim"), ("according", "according")):
        for phrase in words[key]:
            parts = tuple(phrase.lower().split())
            if parts and parts[0] in ("had", "has", "have"):
                parts = parts[1:]
            if not parts or (kind == "according" and parts[0] != "according"):
                continue
            kinds[parts] = kind
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for parts, kind in sorted(kinds.items(), key=lambda kv: -len(kv[0])):
        out.setdefault(parts[0], []).append((parts, kind))
    return out


@dataclass(slots=True)
class Finding:
    """One attribution in a sentence: who, by which rule, the evidence spans, the outlet, the verb."""

    speakers: list[Speaker]
    rule: str
    spans: list[tuple[int, int]]
    via: str | None
    verb: int
    starts: dict[str, int] = field(default_factory=dict)
    """Where a speaker's evidence starts when several claim one thing ("A and B condemned ..."):
    at its own name, so each statement names its author."""


@dataclass(slots=True)
class Speaker:
    """Who a statement is attributed to (an entity, or an anonymous source described as written)."""

    entity_id: str | None
    role: str | None
    anonymous: bool = False
    key: str = ""


class QuotePatterns:
    """The compiled vocabulary of ``rules/quotes.yaml`` and the KB name index (built once)."""

    def __init__(self, kb: Any) -> None:
        self.kb = kb
        rules = load_rule_file("quotes")
        self.lexicon = RoleLexicon(load_rule_file("relations"))
        self.names = build_name_index(kb)
        try:
            self.patterns = {str(p["id"]): (int(p["version"]), float(p["confidence"]))
                             for p in rules["patterns"]}
            words = {k: [str(w) for w in rules[k]] for k in (
                "say_verbs", "claim_verbs", "according", "anonymous_heads", "anonymity_cues",
                "via_cues", "role_heads", "anonymous_plural_heads", "continuation_say",
                "continuation_other", "report_verbs", "channel_cues", "attribution_words",
                "via_lead_words", "statement_nouns", "finding_nouns", "spokes_nouns", "collective_heads", "group_nouns", "body_nouns",
                "observer_heads", "outlet_nouns", "document_nouns", "citing_words", "witness_heads",
                "organisation_collectives")}
            self.min_words = int(rules["min_quote_words"])
            self.claim_complements = {str(k).lower(): frozenset(str(w).lower() for w in v)
                                      for k, v in rules["claim_complements"].items()}
            self.claim_not_before = {str(k).lower(): frozenset(str(w).lower() for w in v)
                                     for k, v in (rules.get("claim_not_before") or {}).items()}
            self.office_synonyms = {str(w).lower(): frozenset(str(v).lower() for v in group)
                                    for group in rules.get("office_synonyms") or [] for w in group}
            odd = [f"{k}: {w!r}" for k in words for w in rules[k] if not isinstance(w, str)]
            if odd:  # YAML 1.1 reads a bare on/off/yes/no as a boolean: quote such words
                raise ValueError(f"not a string: {', '.join(odd)}")
        except (KeyError, TypeError, ValueError) as exc:
            raise ConfigError(f"quotes.yaml: bad or missing entry ({exc!r})") from exc
        flags = re.IGNORECASE
        self.say = re.compile(rf"\b(?:{_alt(words['say_verbs'])})\b", flags)
        self.claim = re.compile(rf"\b(?:{_alt(words['claim_verbs'])})\b", flags)
        self.according = re.compile(rf"\b(?:{_alt(words['according'])})\s+", flags)
        heads = _alt(words["anonymous_heads"])
        self.anon_np = re.compile(
            rf"(?P<np>\b(?:an?|one|two|three|several|some)\s+(?:[\w-]+\s+){{0,4}}?(?:{heads})\b"
            rf"(?:\s+(?:in|at|with|from|of|close\s+to|within)\s+(?:the\s+)?(?:[\w'-]+\s+){{0,3}}?"
            rf"[\w'-]+)??)" + _SUBJECT_GAP.pattern + "$", flags)
        plural = _alt(words["anonymous_plural_heads"])
        self.anon_plural = re.compile(
            rf"(?:^|(?<=[,;]\s)|(?<=\bwhich\s)|(?<=\bthat\s)|(?<=\band\s)|(?<=\bbut\s))"
            rf"(?P<np>(?:(?:[Tt]he|many|other|most|several|some|government|[A-Z][\w.'-]*|[a-z]+(?:al|ary|"
            rf"ian|ish|ern|ior|ty))\s+){{0,3}}?(?i:{plural}))" + _SUBJECT_GAP.pattern + "$")
        self.plural_after = re.compile(
            rf"(?P<np>(?:[\w-]+\s+){{0,2}}?(?:{plural}))\b(?P<of>\s+(?:of|from|in|at)\s+(?:the\s+)?)?",
            flags)
        self.continuation = re.compile(
            rf"\s*,?\s*(?:and\s+)?(?<![\w-])(?:(?P<say>{_alt(words['continuation_say'])})\b\s*(?:that\s+)?(?:[:,]\s*)?"
            rf"|(?=(?:{_alt(words['continuation_other'])})\b))", flags)
        # Every attribution holds a verb of saying or claiming, "according to" or a participle cue,
        # so one of these words: a sentence without any has no attribution (``extract.cues``).
        self.cue_words = cue_words(phrase for key in (
            "say_verbs", "claim_verbs", "according", "continuation_say", "continuation_other")
            for phrase in words[key])
        # "the official", "the same sources", "The source, who asked not to be named," before the verb
        self.anon_ref = re.compile(rf"\bthe\s+(?:[\w-]+\s+){{0,2}}?(?P<head>{heads})\b" + _SUBJECT_GAP.pattern
                                   + "$", flags)
        self.anonymity = re.compile(rf"\b(?:{_alt(words['anonymity_cues'])})\b", flags)
        self.via = re.compile(rf"\b(?:{_alt(words['via_cues'])})\s+", flags)
        self.channel = re.compile(rf"\b(?:{_alt(words['channel_cues'])})\s+", flags)
        self.attribution_gap = re.compile(
            rf"(?:\s*,?\s*(?:{_alt(words['attribution_words'])})\b)*\s*"
            rf"(?:,\s*(?:a\s+copy\s+of\s+)?which\s+(?:was|were|has\s+been|had\s+been)\s+)?|\s*,\s*", flags)
        self.via_lead = re.compile(rf"[\s\"\u201c]*(?:{_alt(words['via_lead_words'])})\b", flags)
        self.report_verbs = frozenset(w.lower() for w in words["report_verbs"])
        self.anon_head = re.compile(
            rf"\b(?:{_alt(words['anonymous_heads'] + words['anonymous_plural_heads'])})\b", flags)
        self.role_heads = re.compile(rf"(?:{_alt([w.lower() for w in words['role_heads']])})s?")
        self.head_word = re.compile(rf"\b(?:{_alt(words['role_heads'])})s?\b", flags)
        # a role or an anonymous source's head ("a security source", "two officials")
        self.source_word = re.compile(rf"\b(?:{_alt(words['role_heads'])}|{heads})s?\b", flags)
        # -- the parse's vocabulary (single lowercase words; ``cue_phrases`` by first word)
        self.say_words = frozenset(w.lower() for w in words["say_verbs"] if " " not in w)
        self.claim_words = frozenset(w.lower() for w in words["claim_verbs"] if " " not in w)
        self.statement_nouns = frozenset(w.lower() for w in words["statement_nouns"])
        self.finding_nouns = frozenset(w.lower() for w in words["finding_nouns"])
        self.spokes_nouns = frozenset(w.lower() for w in words["spokes_nouns"])
        self.collective_heads = frozenset(w.lower() for w in words["collective_heads"])
        self.organisation_singulars = frozenset(singular(w.lower()) for w in words["organisation_collectives"])
        self.group_nouns = frozenset(w.lower() for w in words["group_nouns"])
        self.body_nouns = frozenset(w.lower() for w in words["body_nouns"])
        self.observer_heads = frozenset(w.lower() for w in words["observer_heads"])
        self.outlet_nouns = frozenset(w.lower() for w in words["outlet_nouns"])
        self.document_nouns = frozenset(w.lower() for w in words["document_nouns"])
        self.citing_words = frozenset(w.lower() for w in words["citing_words"])
        self.witness_singulars = frozenset(singular(w.lower()) for w in words["witness_heads"])
        self.source_heads = frozenset(w.lower().split()[-1] for w in
                                      words["anonymous_heads"] + words["anonymous_plural_heads"])
        self.cue_phrases = cue_phrases(words)
        self.cue_first_words = frozenset(self.cue_phrases)
        self.role_head_words = frozenset(w.lower() for w in words["role_heads"] if " " not in w)

    @staticmethod
    def masked(text: str, start: int, end: int) -> str:
        """Return ``text[start:end]`` with quoted words blanked (verbs inside quotes do not attribute)."""
        return _QUOTE.sub(lambda m: m.group()[0] + "_" * (len(m.group()) - 2) + m.group()[-1], text[start:end])

    def anon_key(self, np: str) -> str:
        """Return the key that ties an anonymous source to its later references ("anon:source").

        The last anonymous head of the phrase, singular ("a security source", "the sources"
        -> "anon:source"), else its last role head, else "anon:source".
        """
        heads = self.anon_head.findall(np) or self.head_word.findall(np)
        return f"anon:{singular(heads[-1].lower())}" if heads else "anon:source"

    def producer(self, rule: str) -> tuple[str, float]:
        """Return the versioned producer name and confidence of a pattern."""
        version, confidence = self.patterns.get(rule, (1, 0.5))
        return f"rule.{rule}.v{version}", confidence
