"""The discovery rules file: bundled rules load; broken files are refused with a clear error."""

from __future__ import annotations

from pathlib import Path

import pytest

from factiongraph.errors import ConfigError
from factiongraph.model import EntityType
from factiongraph.nlp.rules import RuleKind, load_rules


def test_bundled_rules_load_with_versioned_producers() -> None:
    rules = load_rules()
    producers = [r.producer for r in rules.rules]
    assert "rule.faction-prefix.v1" in producers
    assert len(set(producers)) == len(producers)
    prefix = next(r for r in rules.rules if r.rule_id == "faction-prefix")
    assert prefix.kind is RuleKind.PREFIX_NAME and prefix.type is EntityType.ARMED_GROUP
    assert {"Kataib", "Saraya", "Asaib", "Harakat", "Liwa", "Usbat", "Ashab"} <= set(prefix.cues)
    assert "On" in rules.stop_words  # YAML 1.1 would read a bare On as a boolean
    assert rules.relay is not None and rules.relay.producer == "rule.outlet-relay.v1"
    assert "On" in rules.relay.name_stop_words and "told" in rules.relay.recipient_cues


@pytest.mark.parametrize("body", [
    "schema: other/1\nrules: []\n",
    "schema: nlp-discovery/1\nrules: [{id: x, version: 1, kind: sideways, type: person, cues: [a]}]\n",
    "schema: nlp-discovery/1\nrules: [{id: x, version: 1, kind: after_cue, type: person, cues: []}]\n",
    "schema: nlp-discovery/1\nstop_words: [yes]\nrules: []\n",
    "schema: nlp-discovery/1\nrules: []\noutlet_relay: [told]\n",
    "schema: nlp-discovery/1\nrules: []\noutlet_relay: {version: 1}\n",
    "schema: nlp-discovery/1\nrules: []\noutlet_relay: {id: r, version: 1, channel_aliases: {X: [1]}}\n",
])
def test_invalid_rules_raise_config_error(tmp_path: Path, body: str) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError):
        load_rules(path)


def test_missing_file_raises_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_rules(tmp_path / "absent.yaml")
