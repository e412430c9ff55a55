"""Load and validate the discovery rules (``discovery.yaml``): naming patterns as data."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import yaml

from factiongraph.errors import ConfigError
from factiongraph.model import EntityType

# libyaml's safe loader when PyYAML was built with it (the same documents, some ten times faster).
_YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

DEFAULT_RULES_PATH = Path(__file__).with_name("discovery.yaml")
SCHEMA = "nlp-discovery/1"


class RuleKind(StrEnum):
    """Where the cue sits relative to the name it introduces."""

    PREFIX_NAME = "prefix_name"
    SUFFIX_NAME = "suffix_name"
    BEFORE_CUE = "before_cue"
    AFTER_CUE = "after_cue"
    NUMBERED_UNIT = "numbered_unit"


@dataclass(slots=True, frozen=True)
class DiscoveryRule:
    """One naming pattern. ``producer`` is the versioned name recorded on its mentions."""

    rule_id: str
    version: int
    kind: RuleKind
    type: EntityType
    confidence: float
    cues: tuple[str, ...]
    min_name_tokens: int = 1
    max_name_tokens: int = 5
    case_sensitive: bool = False

    @property
    def producer(self) -> str:
        """Return ``rule.<id>.v<version>``."""
        return f"rule.{self.rule_id}.v{self.version}"


@dataclass(slots=True, frozen=True)
class RelayCues:
    """The ``outlet_relay`` section: where a name reads as the outlet that relayed words.

    ``recipient_cues`` and ``source_cues`` precede the name ("told", "carried by"; "according
    to"), ``reporter_cues`` follow it ("reported"). See :mod:`factiongraph.nlp.relay`.
    """

    rule_id: str
    version: int
    confidence: float
    recipient_cues: tuple[str, ...]
    source_cues: tuple[str, ...]
    reporter_cues: tuple[str, ...]
    heads: frozenset[str]
    head_suffixes: tuple[str, ...]
    media_nouns: tuple[str, ...]
    name_stop_words: frozenset[str]
    non_outlet_words: frozenset[str]
    channel_aliases: dict[str, str]
    channel_alias_cues: tuple[str, ...]

    @property
    def producer(self) -> str:
        """Return ``rule.<id>.v<version>``."""
        return f"rule.{self.rule_id}.v{self.version}"


@dataclass(slots=True, frozen=True)
class DiscoveryRules:
    """Everything ``discovery.yaml`` holds: rules plus the word lists they share."""

    rules: tuple[DiscoveryRule, ...]
    connectors: frozenset[str]
    particles: frozenset[str]
    stop_words: frozenset[str]
    non_person_words: frozenset[str]
    ignore_names: frozenset[str]
    org_cues: dict[EntityType, frozenset[str]]
    place_before: tuple[str, ...]
    place_after: frozenset[str]
    place_after_modifiers: frozenset[str]
    person_appositive_heads: frozenset[str] = frozenset()
    relay: RelayCues | None = None
    armed_after: frozenset[str] = frozenset()
    common_nouns: frozenset[str] = frozenset()


def _words(data: dict[str, Any], key: str, path: Path) -> frozenset[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: {key!r} must be a list of strings")
    return frozenset(value)


def _parse_rule(entry: Any, path: Path) -> DiscoveryRule:
    if not isinstance(entry, dict):
        raise ConfigError(f"{path}: every rule must be a mapping, got {entry!r}")
    rule_id = entry.get("id")
    try:
        cues = entry["cues"]
        if not isinstance(cues, list) or not cues:
            raise ValueError("cues must be a non-empty list")
        return DiscoveryRule(
            rule_id=str(entry["id"]),
            version=int(entry["version"]),
            kind=RuleKind(entry["kind"]),
            type=EntityType(entry["type"]),
            confidence=float(entry.get("confidence", 0.7)),
            cues=tuple(str(c) for c in cues),
            min_name_tokens=int(entry.get("min_name_tokens", 1)),
            max_name_tokens=int(entry.get("max_name_tokens", 5)),
            case_sensitive=bool(entry.get("case_sensitive", False)),
        )
    except (KeyError, ValueError, TypeError) as exc:
        raise ConfigError(f"{path}: rule {rule_id!r} is invalid: {exc}") from exc


def _parse_relay(data: Any, path: Path) -> RelayCues | None:
    """Return the ``outlet_relay`` section, or None when the file has none."""
    if data is None:
        return None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: 'outlet_relay' must be a mapping")
    aliases = data.get("channel_aliases") or {}
    if not isinstance(aliases, dict) or not all(isinstance(k, str) and isinstance(v, str)
                                                for k, v in aliases.items()):
        raise ConfigError(f"{path}: outlet_relay.channel_aliases must map names to KB names")

    def phrases(key: str) -> tuple[str, ...]:
        return tuple(sorted(_words(data, key, path), key=len, reverse=True))

    try:
        return RelayCues(
            rule_id=str(data["id"]), version=int(data["version"]),
            confidence=float(data.get("confidence", 0.7)),
            recipient_cues=phrases("recipient_cues"), source_cues=phrases("source_cues"),
            reporter_cues=phrases("reporter_cues"), heads=_words(data, "heads", path),
            head_suffixes=phrases("head_suffixes"), media_nouns=phrases("media_nouns"),
            name_stop_words=_words(data, "name_stop_words", path),
            non_outlet_words=_words(data, "non_outlet_words", path),
            channel_aliases=dict(aliases), channel_alias_cues=phrases("channel_alias_cues"))
    except (KeyError, ValueError, TypeError) as exc:
        raise ConfigError(f"{path}: outlet_relay is invalid: {exc!r}") from exc


def load_rules(path: str | Path | None = None) -> DiscoveryRules:
    """Read a discovery-rules file (the bundled one by default) and validate it.

    Raises:
        ConfigError: the file is missing, is not ``nlp-discovery/1`` or has an invalid rule.
    """
    rules_path = Path(path) if path is not None else DEFAULT_RULES_PATH
    try:
        data = yaml.load(rules_path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)  # noqa: S506 (safe loader)
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read discovery rules {rules_path}: {exc}") from exc
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise ConfigError(f"{rules_path}: expected 'schema: {SCHEMA}'")
    rules = tuple(_parse_rule(e, rules_path) for e in data.get("rules") or [])
    ids = [r.rule_id for r in rules]
    if len(set(ids)) != len(ids):
        raise ConfigError(f"{rules_path}: duplicate rule ids")
    org_raw = data.get("org_cues") or {}
    if not isinstance(org_raw, dict):
        raise ConfigError(f"{rules_path}: 'org_cues' must map an entity type to words")
    try:
        org_cues = {EntityType(k): _words(org_raw, k, rules_path) for k in org_raw}
    except ValueError as exc:
        raise ConfigError(f"{rules_path}: org_cues: {exc}") from exc
    place = data.get("place_cues") or {}
    return DiscoveryRules(
        rules=rules,
        connectors=_words(data, "connectors", rules_path),
        particles=_words(data, "particles", rules_path),
        stop_words=_words(data, "stop_words", rules_path),
        non_person_words=_words(data, "non_person_words", rules_path),
        ignore_names=_words(data, "ignore_names", rules_path),
        org_cues=org_cues,
        place_before=tuple(sorted(_words(place, "before", rules_path), key=len, reverse=True)),
        place_after=_words(place, "after", rules_path),
        place_after_modifiers=_words(place, "after_modifiers", rules_path),
        person_appositive_heads=_words(data, "person_appositive_heads", rules_path),
        relay=_parse_relay(data.get("outlet_relay"), rules_path),
        armed_after=_words(data, "armed_after", rules_path),
        common_nouns=frozenset(w.lower() for w in _words(data, "common_nouns", rules_path)),
    )
