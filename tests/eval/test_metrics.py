"""P/R/F1, B-cubed and the date rule."""

from __future__ import annotations

import pytest

from factiongraph.eval.events import is_date_correct
from factiongraph.eval.metadata import is_same_date, is_same_text
from factiongraph.eval.metrics import bcubed, prf
from factiongraph.eval.quotes import is_role_correct


def test_prf_edges() -> None:
    assert prf(0, 0, 0)["f1"] is None
    assert prf(0, 3, 0) | {} == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "gold": 3,
                                  "predicted": 0, "true_positive": 0}
    assert prf(2, 4, 2)["f1"] == pytest.approx(2 / 3)


def test_bcubed_known_values() -> None:
    gold = {"a": 1, "b": 1, "c": 2}
    assert bcubed(gold, {"a": "x", "b": "x", "c": "y"}) == (1.0, 1.0, 1.0)
    p, r, _ = bcubed(gold, {"a": "x", "b": "x", "c": "x"})
    assert p == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3) and r == 1.0
    p, r, _ = bcubed(gold, {"a": "x", "b": None, "c": None})
    assert p == 1.0 and r == pytest.approx((1 / 2 + 1 / 2 + 1) / 3)
    assert bcubed({}, {}) == (None, None, None)


@pytest.mark.parametrize(("gold", "precision", "predicted", "ok"), [
    ("2020-06-25", "day", "2020-06-25", True),
    ("2020-06-25", "day", "2020-06", False),
    ("2020-06", "month", "2020-06-25", True),
    ("2020", "year", "2020-11", True),
    ("2020", "year", "2019", False),
    ("2019-10/2020-07", "range", "2019-10", True),
    ("2019-10/2020-07", "range", "2020-03-01", True),
    ("2019-10/2020-07", "range", "2020-08", False),
    (None, None, None, True),
    (None, None, "2020", False),
    ("2020", "year", None, False),
])
def test_event_dates(gold: str | None, precision: str | None, predicted: str | None,
                     ok: bool) -> None:
    assert is_date_correct(gold, precision, predicted) is ok


def test_metadata_and_roles() -> None:
    assert is_same_text("Al-Monitor", " al-monitor ")
    assert is_same_text(None, None) and not is_same_text(None, "x")
    assert is_same_date("2020-07", "2020-07-08") and not is_same_date("2020-07", "2020")
    assert is_role_correct("military expert", "Iraqi military expert")
    assert is_role_correct(None, None) and not is_role_correct("expert", None)
