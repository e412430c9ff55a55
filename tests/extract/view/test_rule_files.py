"""Rule files are read with libyaml's safe loader when PyYAML has it: the same data as the pure one."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from factiongraph.extract.view import sentences
from factiongraph.extract.view.sentences import RULES_DIR, load_rule_file
from factiongraph.nlp.rules import DEFAULT_RULES_PATH

RULE_FILES = sorted([*RULES_DIR.glob("*.yaml"), DEFAULT_RULES_PATH])


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: p.name)
def test_fast_loader_reads_what_the_pure_loader_reads(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert yaml.load(text, Loader=sentences._YAML_LOADER) == yaml.safe_load(text)  # noqa: S506


def test_the_fast_loader_is_safe() -> None:
    # only a SafeLoader (C or Python) may read rule files: user-supplied YAML builds no objects
    assert issubclass(sentences._YAML_LOADER, (yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    with pytest.raises(yaml.YAMLError):
        yaml.load("!!python/object/apply:os.getcwd []", Loader=sentences._YAML_LOADER)  # noqa: S506


def test_rule_files_still_load() -> None:
    assert load_rule_file("quotes")["schema"] == "rules/1"
