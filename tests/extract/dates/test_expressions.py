"""Date anchoring: expressions, precision, year inference and the never-after-publication rule."""

from __future__ import annotations

from dataclasses import replace

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from factiongraph.extract.dates.expressions import (
    Anchor,
    DateValue,
    find_dates,
    parse_published,
    scan_dates,
    shift_date,
    value_of,
)
from factiongraph.model.document import DatePrecision

PUB = parse_published("2021-04-14", "day")  # a Wednesday


def one(text: str, anchor=PUB):  # type: ignore[no-untyped-def]
    found = find_dates(text, anchor)
    assert len(found) == 1, found
    return found[0]


def test_month_day_takes_publication_year() -> None:
    m = one("Gunmen struck on March 3rd near the market.")
    assert m.text == "March 3rd"
    assert m.value == value_of(date(2021, 3, 3), DatePrecision.DAY)
    assert m.basis == "publication year"


def test_month_day_after_publication_moves_to_previous_year() -> None:
    m = one("The convoy was hit on Dec. 30.")
    assert m.value is not None and m.value.iso_start == "2020-12-30"


def test_abbreviated_months() -> None:
    assert one("on Sept. 9 they met").value.iso_start == "2020-09-09"  # type: ignore[union-attr]
    assert one("on Feb. 2 they met").value.iso_start == "2021-02-02"  # type: ignore[union-attr]


def test_explicit_full_date_is_kept_even_after_publication() -> None:
    m = one("the agreement of 12 May 2019 was cited")
    assert m.value is not None and m.value.iso_start == "2019-05-12" and m.basis == "explicit"


def test_weekday_is_most_recent_on_or_before_publication() -> None:
    assert one("on Monday a bomb went off").value.iso_start == "2021-04-12"  # type: ignore[union-attr]
    assert one("just before midnight Thursday").value.iso_start == "2021-04-08"  # type: ignore[union-attr]


def test_weekday_written_with_its_date_is_one_expression() -> None:
    for text in ("on Friday (April 9th) the office closed", "on Friday, April 9, the office closed",
                 "on Friday 9 April the office closed"):
        found = find_dates(text, PUB)
        assert len(found) == 1 and found[0].text.startswith("Friday"), text
        assert found[0].value is not None and found[0].value.iso_start == "2021-04-09"


def test_a_month_and_day_labelling_a_paragraph_is_a_date() -> None:
    (label,) = find_dates("June 11: Militants fired two rockets at the base.", parse_published("2033-06-17"))
    assert label.value is not None and label.value.iso_start == "2033-06-11"
    assert [d.text for d in find_dates("The meeting began at June 11:30 sharp.", parse_published("2033-06-17"))] \
        != ["June 11"]  # a time, not a day


def test_numeric_event_dates() -> None:
    found = find_dates("02/23/2012: A car bomb exploded near a checkpoint.", parse_published("2012-02-24"))
    assert found[0].value is not None and found[0].value.iso_start == "2012-02-23"
    assert found[0].basis.startswith("explicit: numeric month-day-year")
    ambiguous = find_dates("03/04/2012: A car bomb exploded.", parse_published("2012-05-01"))
    assert ambiguous[0].value is not None and ambiguous[0].value.precision is DatePrecision.YEAR
    read = find_dates("03/04/2012: A car bomb exploded.", replace(parse_published("2012-05-01"), numeric_order="dmy"))
    assert read[0].value is not None and read[0].value.iso_start == "2012-04-03"
    # reported on 10 March: "03/08/2021" cannot be 3 August, so it is 8 March
    (past,) = find_dates("A bomb killed three people on 03/08/2021.", parse_published("2021-03-10"))
    assert past.value is not None and past.value.iso_start == "2021-03-08" and "falls after" in past.basis


def test_nothing_after_the_ingest_day_when_publication_is_unknown() -> None:
    anchor = Anchor(None, None, year_hint=2027, ceiling=date(2026, 12, 6))
    (oct21,) = find_dates("On October 21st, gunmen attacked a checkpoint.", anchor)
    assert oct21.value is None and "after the ingest day" in oct21.basis


def test_month_only_expressions() -> None:
    m = one("in early February the group regrouped")
    assert m.value is not None and (m.value.iso_start, m.value.precision) == ("2021-02", DatePrecision.MONTH)
    assert one("in November the talks failed").value.iso_start == "2020-11"  # type: ignore[union-attr]


def test_year_and_month_year() -> None:
    assert one("the brigade was founded in 2016").value.iso_start == "2016"  # type: ignore[union-attr]
    assert one("unrest of November 2019 spread").value.iso_start == "2019-11"  # type: ignore[union-attr]


def test_relative_to_publication() -> None:
    week = one("last week the militia paraded").value
    assert week == DateValue(date(2021, 4, 5), date(2021, 4, 11), DatePrecision.DAY)
    yday = one("Yesterday, two rockets fell").value
    assert yday is not None and yday.iso_start == "2021-04-13"
    since = one("since January the offices stayed shut").value
    # with the publication day known, the days from the 1st of the month to it
    assert since is not None and since.iso_start == "2021-01-01" and since.end == date(2021, 4, 14)


def test_the_weekend_is_the_latest_saturday_and_sunday() -> None:
    # publication: Wednesday 14 April 2021
    weekend = DateValue(date(2021, 4, 10), date(2021, 4, 11), DatePrecision.DAY)
    for text in ("over the weekend two rockets fell", "last weekend two rockets fell",
                 "weekend strikes hit the base", "At the weekend, rockets fell"):
        assert one(text).value == weekend, text
    assert one("last week the militia paraded").value != weekend


def test_consecutive_weekdays_are_one_span_of_days() -> None:
    # publication: Wednesday 14 April 2021
    for text, first, last in (("clashes on Monday and Tuesday killed six", 12, 13),
                              ("jets struck from Saturday to Monday", 10, 12),
                              ("between Sunday and Tuesday rockets fell", 11, 13),
                              ("protests on Sunday night and Monday", 11, 12)):
        assert one(text).value == DateValue(date(2021, 4, first), date(2021, 4, last), DatePrecision.DAY), text
    # "Monday and Thursday" are two days, not a span: the first keeps its own day
    assert one("a bomb on Monday and Thursday saw another").value == value_of(date(2021, 4, 12), DatePrecision.DAY)


def test_a_weekday_of_last_week_and_weeks_ago() -> None:
    # publication: Wednesday 14 April 2021
    for text in ("on Tuesday last week rockets fell", "last week on Tuesday rockets fell", "Tuesday of last week"):
        assert one(text).value == DateValue(date(2021, 4, 6), date(2021, 4, 6), DatePrecision.DAY), text
    assert one("a week ago rockets fell").value == DateValue(date(2021, 4, 7), date(2021, 4, 7), DatePrecision.DAY)


def test_overnight_and_this_morning() -> None:
    assert one("Rockets fell overnight.").value == DateValue(date(2021, 4, 13), date(2021, 4, 14), DatePrecision.DAY)
    assert one("this morning two rockets fell").value == DateValue(date(2021, 4, 14), date(2021, 4, 14),
                                                                    DatePrecision.DAY)
    assert [m.text for m in find_dates("Rockets fell overnight on Monday", PUB)] == ["Monday"]


def test_relative_to_another_event_is_left_for_the_caller() -> None:
    m = one("Three days after the ambush, the men were freed.")
    assert m.value is None and m.offset_days == 3 and m.reference == "ambush"
    prior = one("A day prior, shots were fired.")
    assert prior.offset_days == -1 and prior.reference is None
    base = value_of(date(2021, 3, 31), DatePrecision.DAY)
    assert shift_date(base, 3).iso_start == "2021-04-03"


def test_unknown_publication_takes_no_year_from_other_dates() -> None:
    found = find_dates("The 2019 protests began in October 2019. On Nov. 4 offices burned.",
                       parse_published(None))
    last = found[-1]
    assert last.text == "Nov. 4" and last.value is None


def test_a_year_the_text_fixes_is_used() -> None:
    (nov4,) = find_dates("On Nov. 4 offices burned.", Anchor(None, None, year_hint=2020))
    assert nov4.value is not None and nov4.value.iso_start == "2020-11-04" and nov4.basis.startswith("text-year")


def test_unknown_publication_and_no_year_gives_no_value() -> None:
    assert one("On Nov. 4 offices burned.", parse_published(None)).value is None


def test_year_precision_publication() -> None:
    anchor = parse_published("2020", "year")
    assert one("in January the parade", anchor).value.iso_start == "2020-01"  # type: ignore[union-attr]


def test_stated_future_may_follow_publication() -> None:
    m = one("Delegates will meet next week in Erbil.")
    assert m.value is not None and m.value.start > date(2021, 4, 14) and m.basis.startswith("future")
    monday = one("the minister will visit on Monday")
    assert monday.value is not None and monday.value.iso_start == "2021-04-19"


def test_numbers_and_page_chrome_are_not_dates() -> None:
    assert find_dates("14 militiamen and 1500 / 1500 characters", PUB) == []


PAST_PHRASES = ["on {md}", "{md}", "in {month}", "in early {month}", "on {weekday}", "last week",
                "last month", "since {month}", "yesterday", "over the past few weeks",
                "in recent months", "two days ago", "{weekday} night", "this year"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@settings(max_examples=300, deadline=None)
@given(
    pub=st.dates(min_value=date(1995, 1, 1), max_value=date(2035, 12, 31)),
    precision=st.sampled_from(list(DatePrecision)),
    template=st.sampled_from(PAST_PHRASES),
    month=st.integers(min_value=0, max_value=11),
    day=st.integers(min_value=1, max_value=28),
    weekday=st.sampled_from(WEEKDAYS),
)
def test_never_after_publication_unless_stated(pub: date, precision: DatePrecision, template: str,
                                               month: int, day: int, weekday: str) -> None:
    iso = {DatePrecision.DAY: pub.isoformat(), DatePrecision.MONTH: pub.isoformat()[:7],
           DatePrecision.YEAR: pub.isoformat()[:4]}[precision]
    anchor = parse_published(iso, precision)
    latest = anchor.latest
    assert latest is not None
    text = "Reports said that " + template.format(md=f"{MONTHS[month]} {day}", month=MONTHS[month],
                                                  weekday=weekday) + " the militia struck."
    for match in find_dates(text, anchor):
        if match.value is None:  # "last month" in a text dated only by its year: no month to count from
            assert precision is DatePrecision.YEAR and "month unknown" in match.basis, match
            continue
        assert match.value.end <= latest, (text, iso, match)
        assert match.value.start <= match.value.end


@settings(max_examples=100, deadline=None)
@given(pub=st.dates(min_value=date(1995, 1, 1), max_value=date(2035, 12, 31)),
       days=st.integers(min_value=-40, max_value=40))
def test_shift_keeps_day_precision(pub: date, days: int) -> None:
    shifted = shift_date(value_of(pub, DatePrecision.DAY), days)
    assert shifted.start == pub + timedelta(days=days) and shifted.precision is DatePrecision.DAY


def test_one_scan_serves_several_anchors() -> None:
    text = ("On June 25th, police raided a base. Four days after the raid, the men were released. "
            "Last week, on Monday, a rally was held; since October 8, 2023 the group has grown.")
    scanned = scan_dates(text)
    for anchor in (Anchor(None, None), parse_published("2024-07-03", None), Anchor(None, None, year_hint=2021)):
        assert find_dates(text, anchor, scanned) == find_dates(text, anchor)
    assert [text[s:e] for s, e, _, _ in scanned][:2] == ["June 25th", "Four days after the raid"]


_DATE_PHRASES = ("two days ago", "later this week", "last year", "March of last year", "since March",
                 "since 2019", "since early June, 2023", "the following day", "three days after the raid",
                 "that night", "the same morning", "the past three months", "in recent weeks", "last night",
                 "Friday morning", "Tomorrow", "in the coming days", "next Monday", "last week",
                 "earlier this month", "Oct. 17", "on June 25th", "in 2023", "yesterday", "today", "last June",
                 "in early March", "mid-March 2020", "during late 2019", "over the past few weeks",
                 "4 weeks later", "the day before", "an week earlier", "2021-04-14", "14 of June, 2021",
                 "Sept. 28, 2020", "since mid-October", "throughout 2022", "later that evening",
                 "hours later", "minutes after that", "moments after Sadr's speech", "the day before yesterday",
                 "last Tuesday", "this past Sunday", "the 2019 killing", "its 2014 offensive")
_FILLER = ("the", "militia", "said", "on", "in", "of", ",", "day", "Last", "SINCE", "Ago")


def _full_scan(text: str) -> list[tuple[int, int, str]]:
    """The reference: every pattern tried at every character, earlier patterns winning overlaps."""
    from factiongraph.extract.dates.expressions import _PATTERNS

    taken: list[tuple[int, int, str]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if not any(m.start() < e and s < m.end() for s, e, _k in taken):
                taken.append((m.start(), m.end(), kind))
    return sorted(taken)


@settings(max_examples=500, deadline=None)
@given(parts=st.lists(st.one_of(st.sampled_from(_DATE_PHRASES), st.sampled_from(_FILLER)), min_size=1, max_size=8),
       gap=st.sampled_from((" ", "  ", "\n", " \t", "-", ", ", ".")))
def test_trying_patterns_only_where_their_words_start_finds_what_a_full_scan_finds(parts: list[str],
                                                                                   gap: str) -> None:
    text = " ".join(p.replace(" ", gap) for p in parts)
    assert [(s, e, kind) for s, e, kind, _m in scan_dates(text)] == _full_scan(text)


@given(st.text(alphabet=st.sampled_from("aA01 \n-,.SsiNnceMarchMonday2ago"), max_size=60))
def test_trying_patterns_only_where_their_words_start_on_any_text(text: str) -> None:
    assert [(s, e, kind) for s, e, kind, _m in scan_dates(text)] == _full_scan(text)


def test_date_scan_on_the_sample_articles_matches_a_full_scan() -> None:
    from pathlib import Path

    sample = Path(__file__).resolve().parents[3] / "factiongraph" / "data" / "sample"
    texts = [p.read_text(encoding="utf-8") for p in sorted(sample.glob("*.txt"))]
    assert texts
    for text in texts:
        assert [(s, e, kind) for s, e, kind, _m in scan_dates(text)] == _full_scan(text)


def test_that_year_is_the_year_written_before_it() -> None:
    text = "The office was opened in 2017. It was burned in October of that year, and closed later that year."
    found = {m.text: m.value for m in find_dates(text, PUB)}
    assert found["in October of that year"] == value_of(date(2017, 10, 1), DatePrecision.MONTH)
    assert found["later that year"] == value_of(date(2017, 1, 1), DatePrecision.YEAR)


def test_that_year_with_no_year_before_it_has_no_value() -> None:
    m = one("The office was burned in October of that year.")
    assert m.text == "in October of that year" and m.value is None


def test_last_weekday_written_on_that_weekday_is_the_week_before() -> None:
    # PUB is a Wednesday: "on Wednesday" is that day, "last Wednesday" the one a week earlier
    assert one("Gunmen struck on Wednesday.").value == value_of(date(2021, 4, 14), DatePrecision.DAY)
    assert one("Gunmen struck last Wednesday.").value == value_of(date(2021, 4, 7), DatePrecision.DAY)
    assert one("Gunmen struck last Monday.").value == value_of(date(2021, 4, 12), DatePrecision.DAY)


def test_the_day_before_yesterday_is_two_days_back() -> None:
    m = one("A bomb went off in a market the day before yesterday.")
    assert m.text == "the day before yesterday"
    assert m.value == value_of(date(2021, 4, 12), DatePrecision.DAY)


def test_hours_and_minutes_count_from_another_event_on_the_same_day() -> None:
    m = one("Hours earlier, a convoy was hit.")
    assert m.is_relative_to_event and m.offset_days == 0 and m.reference is None
    m = one("Minutes after the blast, police sealed off the road.")
    assert m.offset_days == 0 and m.reference == "blast"


def test_a_year_before_a_noun_dates_only_that_noun() -> None:
    text = "Crowds recalled the 2019 killing of protesters."
    m = one(text)
    assert m.value == value_of(date(2019, 1, 1), DatePrecision.YEAR)
    assert m.scope_end is not None and m.end < text.index("killing") < m.scope_end < text.index("protesters")
    assert find_dates("The group had 2000 fighters.", PUB) == []


def test_a_wire_datelines_date_is_the_filing_day() -> None:
    text = "BAGHDAD, April 13 (Wire) - Gunmen killed a guard on Monday."
    dateline, weekday = find_dates(text, PUB)
    assert dateline.filing and not weekday.filing
    assert not find_dates("02/23/2012: A car bomb went off.", PUB)[0].filing  # a paragraph label


def test_a_datelines_day_stands_in_for_an_unknown_publication_day() -> None:
    month_only = parse_published("2021-04", "month")
    text = "BASRA, Iraq, April 13 (Agency) \u2013 Police said they arrested two men yesterday and a third on Sunday."
    found = {d.text: d for d in find_dates(text, month_only)}
    assert found["yesterday"].value == value_of(date(2021, 4, 12), DatePrecision.DAY)
    assert found["Sunday"].value == value_of(date(2021, 4, 11), DatePrecision.DAY)
    # a dateline day outside the known publication month is ignored
    other = find_dates(text.replace("April 13", "May 13"), month_only)
    assert "day unknown" in next(d for d in other if d.text == "yesterday").basis


def test_the_past_24_hours_and_earlier_in_the_week() -> None:
    m = one("Two rockets fell on the base in the past 24 hours.")
    assert (m.value.start, m.value.end) == (date(2021, 4, 13), date(2021, 4, 14))  # type: ignore[union-attr]
    m = one("Police made the arrests earlier in the week.")
    assert (m.value.start, m.value.end) == (date(2021, 4, 12), date(2021, 4, 14))  # type: ignore[union-attr]


def test_last_night_is_the_night_before_publication_as_overnight() -> None:
    m = one("Rockets hit the airport last night.")
    assert m.value == DateValue(date(2021, 4, 13), date(2021, 4, 14), DatePrecision.DAY)


def test_a_preposition_opening_the_line_is_no_datelines_place() -> None:
    assert not find_dates("On Tuesday, April 13 \u2014 gunmen struck a convoy.", PUB)[0].filing


def test_since_a_month_with_the_publication_day_known_is_a_span_of_days() -> None:
    m = one("Since early March, the militia has held the road.")
    assert m.value == DateValue(date(2021, 3, 1), date(2021, 4, 14), DatePrecision.DAY)
    month_only = parse_published("2021-04", "month")
    assert one("Since early March, the militia has held the road.", month_only).value.precision \
        is DatePrecision.MONTH  # type: ignore[union-attr]


def test_within_hours_of_names_its_reference_without_swallowing_it() -> None:
    m = one("Within hours of the arrests, fighters surrounded the compound.")
    assert m.text == "Within hours of" and m.offset_days == 0 and m.reference == "arrests"


def test_month_relative_words_in_a_text_dated_only_by_its_year() -> None:
    year_only = parse_published("2021", "year")
    found = {d.text: d for d in find_dates(
        "It began last month, grew earlier this month, peaked two months ago, started last June, then spread.",
        year_only)}
    assert found["last month"].value is None  # January's "last month" is in the year before
    assert found["two months ago"].value is None and found["last June"].value is None
    assert found["earlier this month"].value == value_of(date(2021, 1, 1), DatePrecision.YEAR)


def test_a_span_of_days_in_one_month() -> None:
    for text, first, last in (("clashes on 26-27 March", "2021-03-26", "2021-03-27"),
                              ("strikes from 3 to 5 April", "2021-04-03", "2021-04-05"),
                              ("raids between March 1 and 4, 2020", "2020-03-01", "2020-03-04")):
        found = one(text)
        assert found.value is not None
        assert (found.value.start.isoformat(), found.value.end.isoformat()) == (first, last), text


def test_and_after_a_day_is_no_span_without_between() -> None:
    found = one("a bomb exploded on April 3 and 12 people died")
    assert found.value is not None and found.value.start == found.value.end == date(2021, 4, 3)


def test_a_bare_ordinal_day_is_in_the_latest_month_it_fits() -> None:
    assert one("attacked the post on the 7th, killing").value == value_of(date(2021, 4, 7), DatePrecision.DAY)
    assert one("attacked the post on the 27th, killing").value == value_of(date(2021, 3, 27), DatePrecision.DAY)
    assert not find_dates("the attack on the 5th Brigade", PUB)
    assert one("on the 7th", parse_published("2021-04", "month")).value is None


def test_a_sentence_opening_on_later_is_the_day_just_reported() -> None:
    for text in ("A drone hit the base. Later, he addressed the nation.", "A drone hit the base. Later he spoke.",
                 "A drone hit the base later in the day."):
        found = [d for d in find_dates(text, PUB) if d.kind == "same_day"]
        assert len(found) == 1 and found[0].offset_days == 0, text
    for text in ("A drone hit the base. Later this week the council meets.", "The council will meet later.",
                 "Later years saw more attacks."):
        assert not [d for d in find_dates(text, PUB) if d.kind == "same_day"], text
