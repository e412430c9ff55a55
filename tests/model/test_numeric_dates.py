"""Day/month order of numeric dates: a document's own convention, else its collection's."""

from __future__ import annotations

from datetime import date

from factiongraph.model.numeric_dates import NUMERIC_DATE, choose_order, collection_order, document_order, read_numeric

MDY = "02/23/2012: A car bomb exploded near a checkpoint."
DMY = "23/02/2012: A car bomb exploded near a checkpoint."
AMBIGUOUS = "03/04/2012: Gunmen attacked a patrol."


def test_a_collection_order_needs_two_documents_and_no_dissent() -> None:
    assert collection_order([MDY, "07/30/2013: a bomb", AMBIGUOUS]) == ("mdy", 2)
    assert collection_order([MDY, AMBIGUOUS])[0] is None  # one document is no convention
    assert collection_order([MDY, "07/30/2013: a bomb", DMY])[0] is None  # a mixed collection has none
    assert collection_order([AMBIGUOUS, "no dates at all"]) == (None, 0)


def test_the_documents_own_order_beats_the_collections() -> None:
    assert document_order(AMBIGUOUS) is None
    assert choose_order("auto/mdy", AMBIGUOUS) == "mdy"
    assert choose_order("auto/mdy", DMY) == "dmy"  # its own 23/02 says day-month
    assert choose_order("auto", AMBIGUOUS) is None
    assert choose_order("dmy", MDY) == "dmy"  # an explicit setting is the user's word


def test_a_weekday_written_with_an_ambiguous_date_fixes_its_order() -> None:
    def read(text: str):  # type: ignore[no-untyped-def]
        match = NUMERIC_DATE.search(text)
        assert match is not None
        return read_numeric(match)
    assert (read("Thursday, 11/03/2021").month, read("Thursday, 11/03/2021").day) == (3, 11)  # 11 March
    assert (read("Wed 11.03.2021").month, read("Wed 11.03.2021").day) == (11, 3)  # 3 November
    assert read("Friday 11/03/2021").month is None  # neither reading is a Friday: only the year
    assert read("Sunni 11/03/2021").month is None  # not a weekday


def test_a_reading_after_the_latest_possible_day_is_dropped() -> None:
    match = NUMERIC_DATE.search("The convoy was hit on 03/08/2021.")
    assert match is not None
    read = read_numeric(match, latest=date(2021, 3, 10))
    assert read is not None and (read.month, read.day) == (3, 8)  # 3 August had not yet come
    assert "falls after 2021-03-10" in read.basis
    assert read_numeric(match, latest=date(2021, 9, 1)).month is None  # both readings past: year only
    assert read_numeric(match, latest=date(2021, 3, 1)).month is None  # neither reading past: year only
    assert read_numeric(match, order="dmy", latest=date(2021, 3, 10)).month == 8  # a convention comes first
