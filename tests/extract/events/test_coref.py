"""Event coreference: merge the same happening, never merge different ones."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from factiongraph.extract.events.coref import make_event_id, match_event, merge_events, merge_in_document
from factiongraph.model import DatePrecision, Event, Evidence

from tests.extract.factory import default_kb

ANCESTORS = {"al-dora": ["baghdad", "baghdad-governorate", "iraq"], "baghdad": ["baghdad-governorate", "iraq"],
             "basra": ["basra-governorate", "iraq"]}


def ancestors(place_id: str) -> list[str]:
    return ANCESTORS.get(place_id, [])


def raid(doc: str = "a", date: str = "2020-06-25", precision: DatePrecision = DatePrecision.DAY,
         place: str | None = "al-dora", actors: tuple[str, ...] = ("cts",),
         targets: tuple[str, ...] = ("kh",), start: int = 0) -> Event:
    level = {"al-dora": "neighbourhood", "baghdad": "city", "basra": "city"}.get(place or "")
    event = Event(event_id="", type="Strategic developments", sub_type="Arrests", date_start=date,
                  date_end=date, date_precision=precision, location_id=place, geo_precision=level,
                  actors=list(actors),
                  targets=list(targets), attrs={"label": "raid", "date_basis": "publication year"},
                  evidence=[Evidence(doc, start, start + 10, "x" * 10, "rule.event-raid.v1", 0.8)])
    event.event_id = make_event_id(event)
    return event


def test_same_raid_from_three_outlets_is_one_event() -> None:
    first = raid("a")
    # a month-dated report at the same neighbourhood naming the same target: specific and equal
    month = raid("b", date="2020-06", precision=DatePrecision.MONTH, actors=())
    found = match_event(month, [first], ancestors)
    assert found is first
    merged = merge_events(first, month)
    third = raid("c", place=None, actors=("cts",), targets=())  # the same day, the same actor
    assert match_event(third, [merged], ancestors) is merged
    merged = merge_events(merged, third)
    assert [e.doc_id for e in merged.evidence] == ["a", "b", "c"]
    assert merged.event_id == first.event_id
    assert merged.date_start == "2020-06-25" and merged.location_id == "al-dora"


def test_type_city_and_a_coarse_date_are_never_enough() -> None:
    # a month-dated report placed only in the city, with no name in common with the day's raid
    city = raid("b", date="2020-06", precision=DatePrecision.MONTH, place="baghdad", actors=(), targets=())
    assert match_event(city, [raid("a")], ancestors) is None
    # a year-dated report in the city naming the same group: still no particular happening
    year = raid("b", date="2020", precision=DatePrecision.YEAR, place="baghdad", actors=())
    assert match_event(year, [raid("a")], ancestors) is None
    # a month the text writes, a group in common and places that nest: "the June raid on X in Baghdad"
    month = raid("b", date="2020-06", precision=DatePrecision.MONTH, place="baghdad", actors=())
    assert match_event(month, [raid("a")], ancestors) is not None
    # two reports, neither dated to a day, stay apart even at one neighbourhood
    a = raid("a", date="2020-06", precision=DatePrecision.MONTH)
    b = raid("b", date="2020-06", precision=DatePrecision.MONTH)
    assert match_event(b, [a], ancestors) is None


def test_counts_that_cannot_be_one_toll_are_two_events() -> None:
    a = replace(raid("a"), counts={"arrested": 3})
    assert match_event(replace(raid("b"), counts={"arrested": 4}), [a], ancestors) is a
    assert match_event(replace(raid("b"), counts={"arrested": 40}), [a], ancestors) is None


def test_the_real_kb_ancestors_nest_places() -> None:
    kb = default_kb()
    chain = lambda pid: [r.id for r in kb.ancestors(pid)]  # noqa: E731
    assert match_event(raid("b", place="baghdad"), [raid("a")], chain) is not None


def test_different_days_are_never_merged() -> None:
    assert match_event(raid("b", date="2020-06-26"), [raid("a")], ancestors) is None


def test_disjoint_places_are_never_merged() -> None:
    assert match_event(raid("b", place="basra"), [raid("a")], ancestors) is None


def test_incompatible_sub_types_are_never_merged() -> None:
    other = replace(raid("b"), type="Explosions/Remote violence", sub_type="Air/drone strike")
    assert match_event(other, [raid("a")], ancestors) is None
    visit = replace(raid("b"), sub_type="Other", attrs={"label": "visit"})
    threat = replace(raid("a"), sub_type="Other", attrs={"label": "threat"})
    assert match_event(visit, [threat], ancestors) is None


def test_no_shared_participants_needs_same_day_and_place() -> None:
    stranger = raid("b", actors=("army",), targets=("aah",))
    assert match_event(stranger, [raid("a")], ancestors) is None
    anonymous = raid("b", actors=(), targets=())
    assert match_event(anonymous, [raid("a")], ancestors) is not None
    vague = raid("b", date="2020-06", precision=DatePrecision.MONTH, actors=(), targets=())
    assert match_event(vague, [raid("a")], ancestors) is None


def test_in_document_repeat_merges_but_distinct_days_do_not() -> None:
    first = raid("a", start=0)
    again = replace(raid("a", start=200, actors=(), targets=()), attrs={"label": "raid", "anaphoric": True,
                                                                       "date_basis": "undated: publication period"})
    other_day = raid("a", date="2020-07-02", start=400)
    merged = merge_in_document([first, again, other_day], ancestors)
    assert len(merged) == 2 and len(merged[0].evidence) == 2


def test_a_later_sentence_opening_on_the_means_again_is_the_same_happening() -> None:
    def strike(start: int, text: str, date: str, precision: DatePrecision, basis: str) -> Event:
        event = replace(raid("a", start=start, date=date, precision=precision, actors=(), targets=()),
                        type="Explosions/Remote violence", sub_type="Shelling/artillery/missile attack",
                        attrs={"label": "rocket attack", "date_basis": basis})
        return replace(event, evidence=[replace(event.evidence[0], end=start + len(text), text=text)])
    first = strike(0, "Several rockets hit a base near the airport on Monday, officials said.",
                   "2020-06-25", DatePrecision.DAY, "weekday")
    # told again far down the story, with no date of its own: "The rockets ..." names what was told
    again = strike(900, "The rockets, fired from a truck parked south of the city, hit the base at 9 pm.",
                   "2020-06", DatePrecision.MONTH, "undated: publication period")
    assert len(merge_in_document([first, again], ancestors)) == 1
    # an indefinite opening tells another volley
    other = strike(900, "Two rockets, fired from a truck parked south of the city, hit the base at 9 pm.",
                   "2020-06", DatePrecision.MONTH, "undated: publication period")
    assert len(merge_in_document([first, other], ancestors)) == 2


def test_in_document_repeat_keeps_the_larger_figure_but_another_report_keeps_the_first() -> None:
    undated = {"label": "raid", "anaphoric": True, "date_basis": "undated: publication period"}
    first = replace(raid("a", start=0), counts={"killed": 20, "injured": 9})  # "more than 20"
    again = replace(raid("a", start=200, actors=(), targets=()), attrs=undated, counts={"killed": 24, "injured": 3})
    merged = merge_in_document([first, again], ancestors)
    assert len(merged) == 1 and merged[0].counts == {"killed": 24, "injured": 9}
    assert merge_events(first, replace(raid("b"), counts={"killed": 24})).counts["killed"] == 20
    bound = replace(again, counts={"killed": 24},
                    evidence=[replace(again.evidence[0], text="at least 24 were killed, a monitor said")])
    assert merge_in_document([first, bound], ancestors)[0].counts["killed"] == 20


@given(st.dates(), st.dates())
def test_day_precision_events_merge_only_on_the_same_day(d1, d2) -> None:  # type: ignore[no-untyped-def]
    a, b = raid("a", date=d1.isoformat()), raid("b", date=d2.isoformat())
    assert (match_event(b, [a], ancestors) is a) == (d1 == d2)


def test_ids_are_deterministic_and_never_shared_by_two_reports() -> None:
    assert raid("a").event_id == raid("a").event_id
    assert raid("a").event_id != raid("a", date="2020-06-26").event_id
    assert raid("a").event_id != raid("b").event_id  # joined only by coreference, never by an id collision
    assert raid("a").event_id != raid("a", start=200).event_id


def test_undated_report_matches_an_earlier_dated_report_of_the_same_arrest() -> None:
    dated = raid("a", date="2021-05-26")
    undated = replace(raid("b", date="2021-06", precision=DatePrecision.MONTH, actors=()),
                      attrs={"label": "raid", "date_basis": "undated: publication period"})
    assert match_event(undated, [dated], ancestors) is dated
    assert merge_events(dated, undated).date_start == "2021-05-26"
    unplaced = replace(undated, location_id=None, geo_precision=None)
    assert match_event(unplaced, [dated], ancestors) is None  # nothing specific to go by
    too_old = raid("c", date="2019-03-01", actors=())
    assert match_event(undated, [too_old], ancestors) is None
    later = raid("d", date="2021-07-02", actors=())
    assert match_event(undated, [later], ancestors) is None


def test_release_and_raid_are_never_merged() -> None:
    release = replace(raid("b", date="2020-06-29"), sub_type="Other",
                      attrs={"label": "release", "date_basis": "publication year"})
    assert match_event(release, [raid("a", date="2020-06-29")], ancestors) is None


def test_background_report_naming_a_person_matches_the_precise_day_either_order() -> None:
    def is_person(entity_id: str) -> bool:
        return entity_id == "muslih"
    precise = raid("a", targets=("muslih",))
    background = raid("b", date="2020", precision=DatePrecision.YEAR, place="baghdad", actors=(),
                      targets=("muslih",))
    assert match_event(background, [precise], ancestors, is_person) is precise
    assert match_event(precise, [background], ancestors, is_person) is background
    assert match_event(background, [precise], ancestors) is None  # without knowing it names a person
    merged = merge_events(background, precise)
    assert (merged.event_id, merged.date_start, merged.location_id) == (background.event_id, "2020-06-25", "al-dora")


def test_an_undated_recall_of_a_killing_joins_it_only_by_the_same_named_dead() -> None:
    def is_person(entity_id: str) -> bool:
        return entity_id in ("muslih", "saadi")
    dated = replace(raid("a", targets=("muslih",)), counts={"killed": 1})
    recalled = replace(raid("b", place=None, actors=()), date_start=None, date_end=None, date_precision=None,
                       targets=["muslih"], counts={"killed": 1})
    assert match_event(recalled, [dated], ancestors, is_person) is dated
    assert match_event(dated, [recalled], ancestors, is_person) is recalled
    # another person's death, a different toll, or no death told: apart
    assert match_event(replace(recalled, targets=["saadi"]), [dated], ancestors, is_person) is None
    assert match_event(replace(recalled, counts={"killed": 3}), [dated], ancestors, is_person) is None
    assert match_event(replace(recalled, counts={}), [dated], ancestors, is_person) is None
    # an undated raid on a group (no named dead) never joins by guess
    undated = replace(raid("c"), date_start=None, date_end=None, date_precision=None)
    assert match_event(undated, [raid("a")], ancestors, is_person) is None


def test_a_span_of_days_holding_the_others_day_joins_with_the_same_sides_and_toll() -> None:
    day = replace(raid("a", place="baghdad"), counts={"killed": 25})
    weekend = replace(raid("b", date="2020-06-24", place=None), date_end="2020-06-25", counts={"killed": 25},
                      attrs={"label": "raid", "date_basis": "publication: latest weekend"})
    assert match_event(weekend, [day], ancestors) is day
    assert match_event(day, [weekend], ancestors) is weekend
    assert match_event(replace(weekend, counts={"killed": 24}), [day], ancestors) is None  # another toll
    assert match_event(replace(weekend, targets=["aah"]), [day], ancestors) is None  # another target
    week = replace(weekend, date_start="2020-06-19")  # a week holds many happenings
    assert match_event(week, [day], ancestors) is None


def test_month_report_with_other_targets_is_not_merged() -> None:
    other = raid("b", date="2020-06", precision=DatePrecision.MONTH, place="baghdad", actors=(), targets=("aah",))
    assert match_event(other, [raid("a")], ancestors) is None


ARTICLES = {
    "a_strike.txt": ("US drone strike kills Kataib Hezbollah commander\n\nBy Test Writer\nPublished 14 April 2021\n\n"
                     "A US drone strike killed Abu Baqir al-Saadi, a senior Kataib Hezbollah commander, in "
                     "Baghdad's Mashtal district on Wednesday night, two security officials said.\n"),
    "b_background.txt": ("Factions mourn commander\n\nBy Test Writer\nPublished 20 May 2021\n\n"
                         "Portraits of Abu Baqir al-Saadi, who was killed in a US strike in April, were carried "
                         "by his supporters on Friday.\n"),
    "c_other_strike.txt": ("Second strike hits Baghdad\n\nBy Test Writer\nPublished 17 April 2021\n\n"
                           "A US drone strike killed Qasem Soleimani near Baghdad airport on Friday, officials "
                           "said.\n"),
}


def test_reports_in_several_articles_become_one_event_and_different_ones_stay_apart(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from factiongraph.pipeline import Pipeline
    from factiongraph.resolve.keys import make_key
    from factiongraph.settings import Settings
    from factiongraph.store import open_store

    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = tmp_path / "s.db"
    store = open_store(db, key_fn=make_key)
    # The background report is ingested first: the precise report must still join it.
    order = ["b_background.txt", "a_strike.txt", "c_other_strike.txt"]
    Pipeline(Settings(db=str(db))).run([str(tmp_path / n) for n in order], store)
    strikes = [e for e in store.iter_events() if e.sub_type == "Air/drone strike"]
    store.close()
    saadi = [e for e in strikes if "abu-baqir-al-saadi" in e.targets]
    assert len(saadi) == 1, [(e.date_start, e.targets) for e in strikes]
    assert len({ev.doc_id for ev in saadi[0].evidence}) == 2
    assert saadi[0].date_start == "2021-04-14" and saadi[0].date_precision == "day"
    other = [e for e in strikes if "qasem-soleimani" in e.targets]
    assert len(other) == 1 and other[0].event_id != saadi[0].event_id
    assert len({ev.doc_id for ev in other[0].evidence}) == 1


def test_catch_all_sub_types_need_the_same_label() -> None:
    from factiongraph.extract.events.coref import is_same_family
    from factiongraph.model import Event

    def ev(label: str) -> Event:
        return Event(event_id=label, type="Strategic developments", sub_type="Change to group/activity",
                     date_start="2020-01", date_end=None, date_precision=None, location_id=None,
                     location_name=None, lat=None, lon=None, geo_precision=None, actors=["x"], targets=[],
                     counts={}, certainty=None, attrs={"label": label}, evidence=[])  # type: ignore[arg-type]
    assert not is_same_family(ev("closure"), ev("formation"))
    assert is_same_family(ev("closure"), ev("closure"))


def test_a_campaign_told_in_summary_is_not_one_of_its_strikes() -> None:
    one = replace(raid("a", start=0), attrs={"label": "raid", "trigger": "raid", "anaphoric": True,
                                           "date_basis": "publication year"})
    text = "Security forces have carried out hundreds of raids on the group since April"
    many = replace(raid("a", start=200), attrs={"label": "raid", "trigger": "raids", "anaphoric": True,
                                              "date_basis": "publication year"},
                   evidence=[Evidence("a", 200, 200 + len(text), text, "rule.event-raid.v1", 0.8)])
    assert len(merge_in_document([one, many], ancestors)) == 2
    again = replace(many, evidence=[Evidence("a", 200, 230, "The raid was over by noon on Thursday"[:30],
                                             "rule.event-raid.v1", 0.8)], attrs={**many.attrs, "trigger": "raid"})
    assert len(merge_in_document([one, again], ancestors)) == 1  # the same raid told again


def test_remembered_pattern_search_answers_per_pattern_and_text() -> None:
    """The memo behind the sentence tests is keyed by pattern and text, never one for the other."""
    from factiongraph.extract.events.coref import ANOTHER_ONE, TALLY, _occurs

    for text in ("In another attack, gunmen killed two.", "320 people have been killed since the protests began.",
                 "Gunmen killed two."):
        for pattern in (ANOTHER_ONE, TALLY):
            assert _occurs(pattern, text) is (pattern.search(text) is not None)
            assert _occurs(pattern, text) is (pattern.search(text) is not None)  # remembered: the same


def test_campaign_pattern_is_the_triggers_own() -> None:
    from factiongraph.extract.events.coref import _many_of

    assert _many_of("strikes").search("hundreds of air strikes since April")
    assert not _many_of("raids").search("hundreds of air strikes since April")
    assert _many_of("strikes") is _many_of("strikes")
