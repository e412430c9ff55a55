"""Date parsing and publication-date inference (factiongraph.clean.dates)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factiongraph.clean.dates import find_dates, format_date, infer_published, parse_date
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


def test_infer_yearless_dates_fall_in_the_year_after_a_written_year() -> None:
    guess = infer_published(
        [("Protests began in October 2019.", False), ("The killing in January shook them.", False),
         ("On Oct. 17, eight people were killed. On Oct. 18, he visited.", False)]
    )  # fmt: skip
    assert guess is not None
    assert (guess.value, guess.precision) == ("2020-10", DatePrecision.MONTH)
    assert guess.basis.startswith("inferred: ") and "October 2019" in guess.basis


def test_infer_yearless_dates_right_after_a_full_date_stay_in_its_year() -> None:
    guess = infer_published([("On Sept. 13, 2020, the cleric spoke. On Sept. 25, the leader wrote.", False)])
    assert guess is not None
    assert guess.value == "2020-09"


def test_infer_caption_date_is_weaker_evidence() -> None:
    guess = infer_published([("A rally on October 8, 2023. [Name/AFP]", True), ("In early March he spoke.", False)])
    assert guess is not None
    assert guess.precision is DatePrecision.YEAR
    assert guess.value == "2024"
    assert "caption" in guess.basis


def test_infer_latest_year_is_a_lower_bound_without_yearless_dates() -> None:
    guess = infer_published([("Formed in 2014, it fought until 2017.", False)])
    assert guess is not None
    assert (guess.value, guess.precision) == ("2017", DatePrecision.YEAR)
    assert "not before" in guess.basis


def test_infer_never_picks_a_date_contradicted_by_a_later_reference() -> None:
    guess = infer_published([("On May 2, 2021 a raid. The group was formed in 2014.", False),
                             ("A second raid followed on June 4, 2022.", False)])  # fmt: skip
    assert guess is not None
    assert guess.value == "2022"


def test_infer_nothing_without_a_year() -> None:
    assert infer_published([("On March 14 a drone struck.", False)]) is None
    assert infer_published([]) is None


def test_infer_december_before_january() -> None:
    guess = infer_published([("The talks of 2019 failed.", False),
                             ("On Dec. 29 strikes hit the group; on Jan. 3 it answered.", False)])  # fmt: skip
    assert guess is not None
    assert guess.value == "2020-01"


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
