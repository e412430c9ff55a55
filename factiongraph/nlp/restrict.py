"""Cut spaCy's NER down to the entity labels factiongraph reads.

A transition-based NER scores every move (B-, I-, L-, U- of each label, and O) at every step;
the layer that scores them is the largest per-step cost of the small English models. Moves of
labels nothing downstream reads (MONEY, PERCENT, QUANTITY, ORDINAL, TIME, LAW by default) are
removed from that layer and from the transition system, so the model chooses among the moves
that are left. Its scores for those moves are unchanged: entities of the kept labels come out
the same except where a removed label would have won (a TIME "Tuesday night" is then a DATE
"Tuesday"). The labels whose removal turns their entities into names (WORK_OF_ART, EVENT,
PRODUCT, LANGUAGE become ORG or GPE) and CARDINAL (whose numbers otherwise join the next name)
are kept by default.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from typing import cast

import numpy
from spacy.language import Language
from thinc.api import Linear
from thinc.types import Floats1d, Floats2d

log = logging.getLogger(__name__)

ALL_LABELS = "all"


@dataclass(frozen=True, slots=True)
class Restriction:
    """What :func:`restrict_ner` did: moves before and after, and the labels removed."""

    moves_before: int
    moves_after: int
    removed: tuple[str, ...]


def restrict_ner(nlp: Language, labels: Collection[str], required: Collection[str] = ()) -> Restriction:
    """Keep only the moves of ``labels`` (plus ``required``) in the pipeline's ``ner``.

    ``labels`` containing ``"all"`` keeps the model as it is. Labels the model does not have
    are ignored. A model whose NER is not a transition-based parser with a separate output
    layer is left as it is (logged).
    """
    ner = nlp.get_pipe("ner")
    moves = getattr(ner, "moves", None)
    model = getattr(ner, "model", None)
    known = tuple(getattr(ner, "labels", ()))
    before = int(getattr(moves, "n_moves", 0))
    unchanged = Restriction(before, before, ())
    if ALL_LABELS in labels or not known:
        return unchanged
    unknown = sorted(set(labels) - set(known))
    if unknown:
        log.warning("ner_labels: model has no label %s (it has %s); ignored", ", ".join(unknown), ", ".join(known))
    keep = (set(labels) | set(required)) & set(known)
    removed = tuple(label for label in known if label not in keep)
    if not removed:
        return unchanged
    if model is None or moves is None or not model.attrs.get("has_upper") or "upper" not in model.ref_names:
        log.info("ner: cannot restrict labels of this model's NER; it keeps all %d labels", len(known))
        return unchanged
    upper = model.get_ref("upper")
    if not upper.has_param("W") or upper not in model.layers:
        log.info("ner: cannot restrict labels of this model's NER; it keeps all %d labels", len(known))
        return unchanged
    old_names = {moves.get_class_name(i): i for i in range(before)}
    moves.initialize_actions({action: Counter({label: freq for label, freq in by_label.items()
                                               if not label or label in keep})
                              for action, by_label in moves.labels.items()})
    rows = [old_names[moves.get_class_name(i)] for i in range(moves.n_moves)]
    smaller = Linear(nO=len(rows), nI=upper.get_dim("nI"))
    smaller.set_param("W", cast(Floats2d, numpy.ascontiguousarray(upper.get_param("W")[rows])))
    smaller.set_param("b", cast(Floats1d, numpy.ascontiguousarray(upper.get_param("b")[rows])))
    position = {old: new for new, old in enumerate(rows)}
    model.attrs["unseen_classes"] = {position[c] for c in model.attrs.get("unseen_classes", ()) if c in position}
    model.layers[model.layers.index(upper)] = smaller
    model.set_ref("upper", smaller)
    log.info("ner: %d moves -> %d (labels removed: %s)", before, moves.n_moves, ", ".join(removed))
    return Restriction(before, int(moves.n_moves), removed)
