"""Dates and names from containers (JSON fields, feeds)."""

from __future__ import annotations

import pytest

from factiongraph.ingest.hints import clean_name, merge_hints, parse_published, record_hints
from factiongraph.model.document import DatePrecision, Metadata


@pytest.mark.parametrize(("value", "expected"), [
    ("2020", ("2020", DatePrecision.YEAR)),
    ("2020-06", ("2020-06", DatePrecision.MONTH)),
    ("2020-06-25", ("2020-06-25", DatePrecision.DAY)),
    ("2020-06-25T23:30:00-05:00", ("2020-06-25", DatePrecision.DAY)),
    ("Thu, 25 Jun 2020 01:00:00 +0300", ("2020-06-25", DatePrecision.DAY)),
    (2023, ("2023", DatePrecision.YEAR)),
    (1593043200, ("2020-06-25", DatePrecision.DAY)),
    (1593043200000, ("2020-06-25", DatePrecision.DAY)),
])
def test_parse_published_reads_common_forms(value: object, expected: tuple[str, DatePrecision]) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["yesterday", "2020-13", "2020-02-30", "", None, True, [2020], "0999"])
def test_parse_published_refuses_nonsense(value: object) -> None:
    assert parse_published(value) is None


def test_clean_name() -> None:
    assert clean_name("  Hana \n Aziz ") == "Hana Aziz"
    assert clean_name(["Hana Aziz", "", "Karim Mahdi"]) == "Hana Aziz, Karim Mahdi"
    assert clean_name(42) is None
    assert clean_name("   ") is None


def test_record_hints_prefers_published_and_falls_back_to_date() -> None:
    hints = record_hints({"published": "not a date", "date": "2021-01-02"})
    assert hints.published is None  # the first present field decides; a bad one is not replaced
    hints = record_hints({"date": "2021-01-02", "source_name": "Example", "lang": "ar"})
    assert (hints.published, hints.published_basis, hints.outlet, hints.language) == (
        "2021-01-02", "metadata: json date", "Example", "ar")


def test_merge_hints_fills_gaps_and_moves_dates_together() -> None:
    page = Metadata(title="Page title", language="en", published="2020", published_precision=DatePrecision.YEAR,
                    published_basis="x")
    feed = Metadata(title="Feed title", published="2020-05-01", published_precision=DatePrecision.DAY,
                    published_basis="metadata: feed pubDate")
    merged = merge_hints(feed, page)
    assert merged.title == "Feed title" and merged.language == "en"
    assert (merged.published, merged.published_precision, merged.published_basis) == (
        "2020-05-01", DatePrecision.DAY, "metadata: feed pubDate")
