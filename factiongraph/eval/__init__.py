"""Score a run against a gold/1 annotation file (``factiongraph eval``).

``load_gold`` reads and validates the gold, ``score`` compares a run's interchange records with
it (aligning by text, since offsets differ between the original files and the cleaned texts),
and ``format_report`` renders the scores, optionally next to a baseline's. See docs/eval.md.
"""

from factiongraph.eval.gold import Gold
from factiongraph.eval.load import load_gold
from factiongraph.eval.report import format_columns, format_report
from factiongraph.eval.score import score

__all__ = ["Gold", "format_columns", "format_report", "load_gold", "score"]
