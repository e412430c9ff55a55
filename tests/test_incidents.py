"""Cross-document event coreference on a generated incident log: one incident is one event.

The test writes many short incident reports of the same few kinds, in the same few Baghdad
neighbourhoods, over one year (the hard case: type, city and year are shared by most of them),
and a second, differently worded report of some incidents, dated in another form. Ingested by
the real pipeline, every planted duplicate must be joined and no event may join two incidents.
"""

from __future__ import annotations

import random
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from factiongraph.pipeline import Pipeline
from factiongraph.resolve.keys import make_key
from factiongraph.settings import Settings
from factiongraph.store import open_store

pytestmark = pytest.mark.slow

PLACES = ["Karrada district", "Sadr City", "Dora district", "Mansour district"]
# (first report, second report) of one kind of incident; {p} place, {k} killed, {w} wounded
KINDS = [
    ("A car bomb exploded near a market in {p}, Baghdad, killing {k} people and wounding {w} others.",
     "Police said a parked car packed with explosives blew up by a market in {p} of Baghdad; {k} people "
     "died and {w} were hurt."),
    ("Gunmen shot dead a police officer at a checkpoint in {p}, Baghdad.",
     "A policeman was killed when unidentified gunmen opened fire on his checkpoint in {p}, Baghdad."),
    ("A roadside bomb struck an army patrol in {p}, Baghdad, wounding {w} soldiers.",
     "{w} soldiers were wounded when an improvised explosive device hit their patrol in {p}, Baghdad."),
]


def write_log(folder: Path, incidents: int, seed: int) -> dict[str, int]:
    """Write the reports; return file name -> incident number (two files share one when reported twice)."""
    rng = random.Random(seed)
    owner: dict[str, int] = {}
    first_day = date(2012, 1, 2)
    for n in range(incidents):
        day = first_day + timedelta(days=rng.randrange(360))
        place = rng.choice(PLACES)
        first, second = rng.choice(KINDS)
        killed, wounded = rng.randint(2, 9), rng.randint(3, 20)
        name = f"report-{n:03}.txt"
        (folder / name).write_text(f"Incident log entry {n}\n\n{day:%m/%d/%Y}: "
                                   + first.format(p=place, k=killed, w=wounded) + "\n", encoding="utf-8")
        owner[name] = n
        if n % 3 == 0:
            again = f"update-{n:03}.txt"
            (folder / again).write_text(f"Follow-up on entry {n}\n\n{day:%B} {day.day}, {day.year}: "
                                        + second.format(p=place, k=killed, w=wounded) + "\n", encoding="utf-8")
            owner[again] = n
    return owner


def test_every_duplicate_joined_and_no_two_incidents_merged(tmp_path: Path) -> None:
    folder = tmp_path / "log"
    folder.mkdir()
    owner = write_log(folder, incidents=45, seed=11)
    db = tmp_path / "s.db"
    store = open_store(db, key_fn=make_key)
    # the log writes month/day/year; a user who knows the source says so (03/04 is ambiguous)
    settings = Settings(db=str(db), numeric_date_order="mdy")
    summary = Pipeline(settings).run(sorted(str(p) for p in folder.iterdir()), store)
    assert summary.stored == len(owner) and not summary.rejections
    sources = {d.doc_id: Path(d.source).name for d in store.iter_documents()}
    events_of: dict[int, set[str]] = {}
    false_merges = []
    for event in store.iter_events():
        incidents = {owner[sources[ev.doc_id]] for ev in event.evidence}
        if len(incidents) > 1:
            false_merges.append((event.sub_type, event.date_start, event.location_id, sorted(incidents)))
        for n in incidents:
            events_of.setdefault(n, set()).add(event.event_id)
    store.close()
    assert false_merges == []
    twice = sorted({n for name, n in owner.items() if name.startswith("update-")})
    assert twice and all(len(events_of.get(n, ())) == 1 for n in twice), \
        {n: sorted(events_of.get(n, ())) for n in twice if len(events_of.get(n, ())) != 1}
    reported = {n for n in owner.values()}
    assert all(events_of.get(n) for n in reported)  # every incident is an event


def test_reports_without_a_day_stay_apart(tmp_path: Path) -> None:
    # two shootings at the same checkpoint area, each dated only by its year: never one event
    (tmp_path / "a.txt").write_text("Log A\n\nIn 2012, gunmen shot dead a police officer at a checkpoint in "
                                    "Sadr City, Baghdad.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Log B\n\nIn 2012, gunmen shot dead another police officer at a checkpoint "
                                    "in Sadr City, Baghdad.\n", encoding="utf-8")
    db = tmp_path / "s.db"
    store = open_store(db, key_fn=make_key)
    Pipeline(Settings(db=str(db))).run([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], store)
    events = list(store.iter_events())
    store.close()
    assert len(events) == 2 and all(len({ev.doc_id for ev in e.evidence}) == 1 for e in events)
    assert all(re.fullmatch(r"2012", e.date_start or "") for e in events)


def _ingest_entries(tmp_path: Path, entries: dict[str, str]) -> tuple[str | None, dict[str, str | None]]:
    """Ingest one incident-log entry per file with default settings; return the run's learned date
    convention and each file's event date."""
    for name, text in entries.items():
        (tmp_path / name).write_text(f"Incident log\n\n{text}\n", encoding="utf-8")
    db = tmp_path / "s.db"
    store = open_store(db, key_fn=make_key)
    summary = Pipeline(Settings(db=str(db))).run(sorted(str(tmp_path / n) for n in entries), store)
    sources = {d.doc_id: Path(d.source).name for d in store.iter_documents()}
    days = {sources[e.evidence[0].doc_id]: e.date_start for e in store.iter_events()}
    store.close()
    return summary.date_convention, days


def test_an_incident_log_read_with_default_settings_learns_its_date_order(tmp_path: Path) -> None:
    # no setting: the log's unambiguous entries ("02/23/2012") fix how "03/04/2012" reads
    convention, days = _ingest_entries(tmp_path, {
        "a.txt": "02/23/2012: A car bomb exploded near a market in Karrada district, Baghdad, killing 4.",
        "b.txt": "07/30/2012: Gunmen shot dead a police officer at a checkpoint in Sadr City, Baghdad.",
        "c.txt": "03/04/2012: A roadside bomb struck an army patrol in Dora district, Baghdad, wounding 3."})
    assert (convention or "").startswith("mdy")
    assert days == {"a.txt": "2012-02-23", "b.txt": "2012-07-30", "c.txt": "2012-03-04"}


def test_a_mixed_collection_teaches_no_date_order(tmp_path: Path) -> None:
    convention, days = _ingest_entries(tmp_path, {
        "a.txt": "02/23/2012: A car bomb exploded near a market in Karrada district, Baghdad, killing 4.",
        "b.txt": "30/07/2012: Gunmen shot dead a police officer at a checkpoint in Sadr City, Baghdad.",
        "c.txt": "03/04/2012: A roadside bomb struck an army patrol in Dora district, Baghdad, wounding 3."})
    assert convention is None
    assert days["c.txt"] == "2012"  # both readings possible and no convention: only the year
