"""The plain-text report, alone and beside a baseline."""

from __future__ import annotations

from pathlib import Path

from factiongraph.eval import Gold, format_report, score

from .factory import Record


def test_report_with_and_without_baseline(tiny_gold: Gold, tiny_corpus: Path,
                                          tiny_records: list[Record]) -> None:
    ours = score(tiny_gold, tiny_records, tiny_corpus)
    worse = score(tiny_gold, [r for r in tiny_records if r["kind"] != "mention"], tiny_corpus)
    alone = format_report(ours)
    assert "[mentions]" in alone and "spacy baseline" not in alone
    assert "detail" not in alone
    side = format_report(ours, worse)
    assert "factiongraph" in side.splitlines()[1] and "spacy baseline" in side.splitlines()[1]
    recall = next(line for line in side.splitlines() if line.strip().startswith("recall"))
    assert recall.split()[1:] == ["1.000", "0.000", "+1.000"]
    assert "n/a" in side  # typing accuracy has no support in the baseline
