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


def _boilerplate(doc: Document) -> list[str]:
    return [doc.text[b.start:b.end] for b in doc.blocks if b.part.value == "boilerplate"]


BODY = ("Gunmen killed two shepherds near a village south of Kirkuk on Tuesday, a local police officer said.\n\n"
        "The attackers fled toward the desert, the officer added.\n")


def test_an_issued_stamp_is_no_headline() -> None:
    doc = clean("Issued on: 14/06/2033 - 10:15\nModified: 14/06/2033 - 12:40\n" + BODY)
    assert doc.metadata.title is None and doc.metadata.published == "2033-06-14"
    assert "Issued on: 14/06/2033 - 10:15" in _boilerplate(doc)


def test_a_bare_numeric_date_line_dates_the_page() -> None:
    doc = clean("14.06.2033\nKIRKUK\nGunmen kill two shepherds near Kirkuk\n" + BODY)
    assert doc.metadata.published == "2033-06-14"


def test_a_source_lines_date_field_dates_the_page() -> None:
    doc = clean("Source: Example Herald | 2033-06-14 20:15:45 | Editor: desk\n" + BODY + "Web Editor: Sara Lin\n")
    assert doc.metadata.published == "2033-06-14"
    assert "Web Editor: Sara Lin" in _boilerplate(doc)


def test_a_place_and_name_line_with_no_headline_is_the_byline() -> None:
    doc = clean("Wednesday, 14 June, 2033 - 10:15\nKirkuk - Omar Saleh\n" + BODY)
    assert doc.metadata.title is None and doc.metadata.author == "Omar Saleh"
    assert "Kirkuk - Omar Saleh" in _boilerplate(doc)


def test_a_generic_source_credit_names_no_outlet() -> None:
    doc = clean("Gunmen kill two shepherds near Kirkuk\n" + BODY + "Source: News Agencies\n")
    assert doc.metadata.outlet is None


@pytest.mark.parametrize("tail", ["Iraq\n", "Read more on related topics:\nIraq\nIslamic State group\n"])
def test_short_labels_the_page_ends_on_are_tags(tail: str) -> None:
    doc = clean("Gunmen kill two shepherds near Kirkuk\n" + BODY + tail)
    assert "Iraq" in _boilerplate(doc)


def test_a_closing_subhead_with_its_paragraph_stays() -> None:
    doc = clean("Gunmen kill two shepherds near Kirkuk\n" + BODY + "Background\nThe area has seen attacks for years.\n")
    assert "Background" not in _boilerplate(doc)


def test_a_masthead_is_no_headline_when_nothing_longer_is() -> None:
    doc = clean("Example Digital Media\nHome\nWorld\nBASRA — " + BODY)
    assert doc.metadata.title is None
    assert "Example Digital Media" in _boilerplate(doc)
