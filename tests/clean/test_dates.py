"""Date parsing and publication-date inference (factiongraph.clean.dates)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factiongraph.clean.dates import date_from_url, find_dates, format_date, parse_date
from factiongraph.model import DatePrecision


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("September 28, 2020", (2020, 9, 28)),
        ("28 September 2020", (2020, 9, 28)),
        ("Sept. 28, 2020", (2020, 9, 28)),
        ("Sep 28 2020", (2020, 9, 28)),
        ("2020-09-28", (2020, 9, 28)),
        ("2021-03-04T10:00:00+03:00", (2021, 3, 4)),
        ("2023-11-02T08:15:00Z", (2023, 11, 2)),
        ("the 5th of May, 2019", (2019, 5, 5)),
        ("since October 2019", (2019, 10, None)),
        ("formed in 2014 to fight", (2014, None, None)),
    ],
)
def test_parse_date_reads_common_forms(text: str, expected: tuple[int, int | None, int | None]) -> None:
    mention = parse_date(text)
    assert mention is not None
    assert (mention.year, mention.month, mention.day) == expected


@pytest.mark.parametrize(
    ("text", "month", "day"),
    [("On Oct. 17, eight people", 10, 17), ("On June 25th, a unit", 6, 25), ("in early March", 3, None),
     ("on 3 July the", 7, 3)],
)  # fmt: skip
def test_find_dates_reads_yearless_mentions(text: str, month: int, day: int | None) -> None:
    (mention,) = find_dates(text)
    assert (mention.year, mention.month, mention.day) == (None, month, day)


@pytest.mark.parametrize(
    "text",
    ["May the peace be upon you", "by 2030 the plan", "5,000 fighters", "a 1500 / 1500 counter", "Feb. 30"],
)
def test_find_dates_ignores_non_dates(text: str) -> None:
    assert [m for m in find_dates(text) if m.month is not None or m.year is not None] == []


def test_full_date_is_one_mention() -> None:
    mentions = find_dates("Troops arrived on Sept. 28, 2020 and left.")
    assert [m.text for m in mentions] == ["Sept. 28, 2020"]
    assert mentions[0].precision is DatePrecision.DAY


def test_format_date_precisions() -> None:
    assert format_date(2020) == "2020"
    assert format_date(2020, 6) == "2020-06"
    assert format_date(2020, 6, 5) == "2020-06-05"


def _every_pattern(text: str) -> list[tuple[int, int, str]]:
    """The reference: every pattern run over the text, more specific ones winning overlaps."""
    from factiongraph.clean.dates import _PATTERNS, _build_mention

    taken: list[tuple[int, int, str]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e, _t in taken) or _build_mention(kind, m, text) is None:
                continue
            taken.append((m.start(), m.end(), m.group(0)))
    return sorted(taken)


@given(st.text(alphabet=st.sampled_from("aA01 9\n-,.ST2JjMmayunoctDecSEPteinbr"), max_size=60))
def test_skipping_patterns_a_text_cannot_match_finds_what_every_pattern_finds(text: str) -> None:
    assert [(m.start, m.end, m.text) for m in find_dates(text)] == _every_pattern(text)


@pytest.mark.parametrize("text", [
    "Fighting resumed on June 25 and again in mid-March 2021.", "The 2014 campaign", "in early MAY",
    "2020-09-28T10:00:00Z", "No date here at all.", "Attacks since Sept. 3, by 2030 they said"])
def test_skipping_patterns_on_written_dates(text: str) -> None:
    assert [(m.start, m.end, m.text) for m in find_dates(text)] == _every_pattern(text)


@pytest.mark.parametrize("text", ["14-Jun-2023", "Date: 14-Jun-2023 10:15", "14 Jun, 2023"])
def test_a_day_month_name_and_year_set_off_by_hyphens(text: str) -> None:
    (mention,) = find_dates(text)
    assert (mention.year, mention.month, mention.day) == (2023, 6, 14)


@pytest.mark.parametrize("text, expected", [
    ("Friday 15/11/2019", (2019, 11, 15)),       # 15 cannot be a month
    ("02/23/2012: a car bomb", (2012, 2, 23)),    # 23 cannot be a month
    ("23.02.2012", (2012, 2, 23)),
    ("2012-02-23", (2012, 2, 23)),
    ("2012/2/3", (2012, 2, 3)),
    ("07/07/2021", (2021, 7, 7)),                 # either order reads the same
])
def test_numeric_dates_in_either_order(text: str, expected: tuple[int, int, int]) -> None:
    mention = parse_date(text)
    assert mention is not None and (mention.year, mention.month, mention.day) == expected
    assert mention.basis.startswith("numeric")


def test_an_ambiguous_numeric_date_keeps_only_its_year_without_a_convention() -> None:
    mention = parse_date("Posted 03/04/2012")
    assert mention is not None and (mention.year, mention.month, mention.day) == (2012, None, None)
    assert "only the year is certain" in mention.basis
    dmy = parse_date("Posted 03/04/2012", "dmy")
    mdy = parse_date("Posted 03/04/2012", "mdy")
    assert dmy is not None and (dmy.month, dmy.day) == (4, 3) and "convention" in dmy.basis
    assert mdy is not None and (mdy.month, mdy.day) == (3, 4)


@pytest.mark.parametrize("text", ["version 1.2.2019", "13/13/2019", "31/02/2020", "3/4/21", "call 07/2020/11"])
def test_impossible_or_short_numeric_forms_are_not_dates(text: str) -> None:
    assert all(m.month is None or m.day is None for m in find_dates(text))


@pytest.mark.parametrize("url, expected", [
    ("https://news.example/2019/12/31/storm-embassy/", ("2019-12-31", "the address's date path")),
    ("https://news.example/amp/news/militia-vows-revenge-today-2019-12-30", ("2019-12-30", "the address's date path")),
    ("https://news.example/en/20211107257614", ("2021-11-07", "the article number in the address opens with a date")),
    ("https://news.example/archives/2024/01/strike-kills-commander", ("2024-01", "the address's date path")),
])
def test_date_from_url(url: str, expected: tuple[str, str]) -> None:
    mention = date_from_url(url)
    assert mention is not None and mention.year is not None
    assert (format_date(mention.year, mention.month, mention.day), mention.basis) == expected


@pytest.mark.parametrize("url", ["https://news.example/en/news/64892", "https://news.example/?p=11470",
                                 "https://news.example/2021/13/40/x", "https://2020-01-03.example/story"])
def test_addresses_without_a_date_path_give_none(url: str) -> None:
    assert date_from_url(url) is None
