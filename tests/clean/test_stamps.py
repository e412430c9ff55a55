"""Date stamps of plain-text scrapes (factiongraph.clean.text): which lines they are, which one is the date."""

from __future__ import annotations

import pytest

from factiongraph.clean import Cleaner
from factiongraph.clean.text import parse_dateline
from factiongraph.model import Document
from tests.clean.factory import make_raw

CLEANER = Cleaner(["Example Herald"])


@pytest.mark.parametrize("line, iso", [
    ("Friday 15/11/2019", (2019, 11, 15)),
    ("Friday 14/11/2031", (2031, 11, 14)),
    ("Oct. 31, 2025 • 2 min read", (2025, 10, 31)),
    ("Updated 31 October 2023", (2023, 10, 31)),
    ("Saturday, 20 July 2019 middle east   oriental churches   minorities", (2019, 7, 20)),
    ("Example Herald June 28, 2021 News", (2021, 6, 28)),
    ("2021-06-29T07:35:13+00:00", (2021, 6, 29)),
    ("WIRE , Tuesday 30 Aug 2022", (2022, 8, 30)),
])
def test_stamp_lines(line: str, iso: tuple[int, int, int]) -> None:
    mention = parse_dateline(line)
    assert mention is not None and (mention.year, mention.month, mention.day) == iso


@pytest.mark.parametrize("line", [
    "Protests resumed on June 28, 2021 in Basra.",
    "Date28 January 2024",
    "Gunmen killed two men in Basra on 3 March 2021 and fled",
    "The council met on June 28, 2021 to discuss the budget",
])
def test_sentences_and_fields_are_not_stamps(line: str) -> None:
    assert parse_dateline(line) is None


def clean(text: str) -> Document:
    doc = CLEANER.clean(make_raw(text))
    assert isinstance(doc, Document)
    return doc


def test_a_stamp_under_the_title_beats_the_sites_date_above_it() -> None:
    doc = clean("• Monday, 22 July 2024\n\nFactions parade in Basra\n\nExample Herald June 28, 2021 News\n\n"
                "Thousands of fighters paraded through Basra on Monday to mark the anniversary, officials said.\n")
    assert doc.metadata.published == "2021-06-28"
    assert doc.metadata.published_basis == "explicit: dateline 'Example Herald June 28, 2021 News'"


def test_a_stamp_with_a_reading_time_dates_the_page() -> None:
    doc = clean("News\n\nFactions parade in Basra\n\nOct. 31, 2031 • 2 min read\n\n"
                "Thousands of fighters paraded through Basra on Friday to mark the anniversary, officials said.\n")
    assert doc.metadata.published == "2031-10-31"


def test_published_beats_updated() -> None:
    doc = clean("Factions parade in Basra\n\nUpdated 3 March 2022\nPublished 1 March 2022\n\n"
                "Thousands of fighters paraded through Basra on Monday to mark the anniversary, officials said.\n")
    assert doc.metadata.published == "2022-03-01"


def test_numeric_stamps_follow_the_documents_own_convention() -> None:
    doc = clean("Factions parade in Basra\n\n03/04/2022\n\n"
                "Thousands of fighters paraded through Basra on 25/03/2022 to mark the anniversary, officials said.\n")
    assert doc.metadata.published == "2022-04-03"  # the page writes day-month elsewhere
    alone = clean("Factions parade in Basra\n\n03/04/2022\n\n"
                  "Thousands of fighters paraded through Basra on Monday to mark the anniversary, officials said.\n")
    assert alone.metadata.published == "2022"  # either order is possible: only the year is certain
    assert "only the year is certain" in (alone.metadata.published_basis or "")
    mdy = Cleaner(numeric_date_order="mdy").clean(make_raw("Factions parade in Basra\n\n03/04/2022\n\n"
                  "Thousands of fighters paraded through Basra on Monday to mark the anniversary, officials said.\n"))
    assert isinstance(mdy, Document) and mdy.metadata.published == "2022-03-04"
