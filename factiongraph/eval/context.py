"""Per-document scoring context: a gold document, its predicted document and their alignment."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from factiongraph.eval.align import NormalText, pick_nearest
from factiongraph.eval.gold import Gold, GoldDocument
from factiongraph.eval.records import PredictedDocument, PredictedRun, Span

logger = logging.getLogger(__name__)


@dataclass(slots=True)
class DocPair:
    """A gold document with its predicted counterpart (None if the run lacks it).

    ``pred_text`` is the predicted text in comparison form; ``corpus_text`` is the original
    file in comparison form (None if the corpus file is absent), used to pick among several
    occurrences of a gold string the one nearest to where the annotator saw it.
    """

    gold: GoldDocument
    pred: PredictedDocument | None
    pred_text: NormalText | None
    corpus_text: NormalText | None

    def find(self, needle: str) -> list[Span]:
        """Return every span of the predicted text that matches ``needle`` (none if no doc)."""
        return self.pred_text.find_all(needle) if self.pred_text is not None else []

    def locate(self, needle: str) -> Span | None:
        """Return the best predicted span for a gold string, or None if it cannot be aligned.

        Occurrences in content blocks are preferred; among those, the one whose relative
        position is nearest to the string's position in the original corpus file.
        """
        if self.pred is None or self.pred_text is None:
            return None
        spans = self.find(needle)
        content = [s for s in spans if self.pred.is_content(s)]
        hint = self.corpus_text.relative_position(needle) if self.corpus_text else None
        return pick_nearest(content or spans, len(self.pred.text), hint)


def pair_documents(gold: Gold, run: PredictedRun, corpus_dir: Path | None) -> list[DocPair]:
    """Return one ``DocPair`` per gold document, in gold order."""
    pairs = []
    for doc in gold.documents:
        pred = run.document_for(doc.file)
        corpus_text = None
        if corpus_dir is not None:
            path = Path(corpus_dir) / doc.file
            try:
                raw = path.read_text(encoding="utf-8", errors="replace")
                corpus_text = NormalText.build(raw.replace("\r\n", "\n"))
            except OSError:
                logger.warning("corpus file %s cannot be read; alignment uses no position hint",
                               path)
        if pred is None:
            logger.warning("no predicted document for gold file %s", doc.file)
        pairs.append(DocPair(doc, pred, NormalText.build(pred.text) if pred else None,
                             corpus_text))
    return pairs
