"""The relation extractor every relations test runs: the real model's parse and the bundled KB."""

from __future__ import annotations

import pytest

from factiongraph.extract.relations.extractor import RelationExtractor
from tests.extract.factory import default_kb


@pytest.fixture(scope="module")
def extractor() -> RelationExtractor:
    return RelationExtractor(default_kb())
