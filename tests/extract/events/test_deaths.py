"""Killings of people whose day of death the knowledge base records (events/deaths.py)."""

from __future__ import annotations

import pytest

from factiongraph.extract.events.extractor import EventExtractor
from factiongraph.model import Event

from tests.extract.factory import default_kb, make_context


@pytest.fixture(scope="module")
def extractor() -> EventExtractor:
    return EventExtractor(default_kb())


def killings(extractor: EventExtractor, text: str, published: str) -> list[Event]:
    return [e for e in extractor.extract(make_context(text, published)) if e.counts.get("killed")
            or e.attrs.get("label") == "killing"]


def test_a_yearless_day_of_a_recorded_death_takes_the_death_year(extractor: EventExtractor) -> None:
    text = "On January 3, a US drone strike killed Qassem Soleimani near Baghdad airport."
    (strike,) = killings(extractor, text, "2021-06-11")
    assert strike.date_start == "2020-01-03"  # not 2021-01-03, the publication's year
    assert strike.attrs["date_basis"].startswith("KB: the recorded death of Qasem Soleimani")


def test_a_month_the_text_writes_is_narrowed_to_the_day(extractor: EventExtractor) -> None:
    text = "The killing of Qassem Soleimani near Baghdad airport in January 2020 drew threats of revenge."
    assert [e.date_start for e in killings(extractor, text, "2021-06-11")] == ["2020-01-03"]


def test_an_undated_recollection_stays_undated(extractor: EventExtractor) -> None:
    text = "The killing of Qassem Soleimani near Baghdad airport drew threats of revenge."
    assert [e.date_start for e in killings(extractor, text, "2021-06-11")] != ["2020-01-03"]


def test_a_person_without_a_recorded_day_keeps_the_texts_date(extractor: EventExtractor) -> None:
    text = "On January 3, gunmen killed Qais al-Khazali's bodyguard in Baghdad."
    assert [e.date_start for e in killings(extractor, text, "2021-06-11")] == ["2021-01-03"]
