"""Line forms that give chrome away (factiongraph.clean.forms), on invented lines."""

from __future__ import annotations

import pytest

from factiongraph.clean.forms import (
    FORMS,
    is_bio_line,
    is_cut_off,
    is_date_stamp,
    is_headline_like,
    is_language_list,
    is_tag_run,
    match_form,
)


def test_form_ids_are_unique_slugs() -> None:
    ids = [rule_id for rule_id, _predicate in FORMS]
    assert len(ids) == len(set(ids))
    assert all(rule_id.startswith("form.") and rule_id == rule_id.lower() and " " not in rule_id for rule_id in ids)


@pytest.mark.parametrize(
    ("line", "rule_id"),
    [
        ("Iraq location map.svg", "form.file-name"),
        ("Red pog.svg", "form.file-name"),
        ("File:Harbor workshop 2031.JPG", "form.file-name"),
        ("Posted , updated", "form.date-stamp"),
        ("Published: Updated:", "form.date-stamp"),
        ("Last updated", "form.date-stamp"),
        ("Updated 3 hours ago", "form.date-stamp"),
        ("Riverside Daily - Iraq News - Riverside", "form.site-name"),
        ("Home • Iraq • Kurdistan • Diaspora", "form.site-name"),
        ("English | العربية | Kurdî", "form.language-list"),
        ("العربية", "form.language-list"),
        ("News", "form.section-words"),
        ("Middle East", "form.section-words"),
        ("Brief Analysis", "form.section-words"),
        ("Home News Kurdistan World Business Sports Opinion", "form.section-words"),
        ("Home Baghdad Basra Mosul Erbil Kirkuk Najaf Karbala", "form.section-words"),
        ("iraq, militias, drones", "form.tag-list"),
        ("Tags drones; basra; harbor lions brigade", "form.tag-list"),
        ("#iraq #militias #drones", "form.tag-list"),
        ("iraq militias drones", "form.tag-list"),
        ("newsIraq News", "form.glued-labels"),
        ("HomeOpinion", "form.glued-labels"),
        ("Research   Experts   Fellows   Donors", "form.cell-run"),
    ],
)
def test_chrome_forms_match(line: str, rule_id: str) -> None:
    assert match_form(line) == rule_id


@pytest.mark.parametrize(
    "line",
    [
        # titles, subheads, captions and one-line paragraphs keep their place in the article
        "Rockets strike fuel depot near Tal Afar, officials say",
        "Gunmen Attack Checkpoint Amid Talks With Tribal Leaders",
        "Harbor Lions Brigade Expands Drone Workshops Near Basra",
        "US Strikes Valley Brigade Sites Across Iraq Syria Border",
        "Reinforcements sent",
        "Capabilities",
        "Background",
        "A brigade spokesman denied running any workshops.",
        "Firefighters work at the depot in Tal Afar on Tuesday. [Photo: Riverside Daily]",
        "Iraq, Syria and Jordan",
        "Tanks, rockets and drones were seen, officials said.",
        "Part of the conflict in northern Iraq",
        "Date3 March 2029",
        "Valley Lions Brigade",
        "Iraq - Syria border talks resume",
        "Iraq/Syria - border talks resume next week",
        "On Monday",
        "and the brigade said it would not withdraw",
        "RiverNow",
        "CommanderValley Lions Brigade",
        "2031",
    ],
)
def test_content_lines_have_no_chrome_form(line: str) -> None:
    assert match_form(line) is None


def test_date_stamp_needs_a_label_or_figures() -> None:
    assert is_date_stamp("2 min read")
    assert not is_date_stamp("Monday")
    assert not is_date_stamp("Updated 31 October 2031")  # a whole date: the dateline rule reads it


def test_tag_run_wants_lowercase_keywords() -> None:
    assert is_tag_run("middle east   oriental churches", min_items=2)
    assert not is_tag_run("Kirkuk, Erbil, Sulaimaniyah")  # names in the article are capitalised
    assert not is_tag_run("guns, money and power.")


def test_bio_line() -> None:
    assert is_bio_line("Mara Delgado")
    assert is_bio_line("Sami Haddad is a research assistant at the Forum.")
    assert is_bio_line("Senior Fellow, Iraq Programme")
    assert not is_bio_line("Kataib Hezbollah has claimed the attack on the base, officials said.")
    assert not is_bio_line("Militias regroup in Basra")


def test_headline_and_cut_off_shapes() -> None:
    assert is_headline_like("Teachers in Baquba demand unpaid wages")
    assert not is_headline_like("Teachers in Baquba demand unpaid wages.")
    assert is_headline_like("2 Teachers in Baquba demand unpaid wages")  # a numbered "most read" entry
    assert is_headline_like("3. Teachers in Baquba demand unpaid wages")
    assert not is_headline_like("25 teachers in Baquba demanded unpaid wages")
    assert is_cut_off("The ministry said the brigade had no permission to operate in the")
    assert is_cut_off("Elders said the truce was agreed late on Friday after a meeting held by t")
    assert not is_cut_off("Teachers in Baquba demand unpaid wages")


def test_a_link_to_the_page_in_another_language_is_chrome() -> None:
    assert is_language_list("Leer en español") and is_language_list("Read in Arabic")
    assert not is_language_list("Speaking Kurdish") and not is_language_list("Arabic speakers fled the town")


def test_a_stamp_relative_to_the_scrape_in_words() -> None:
    assert is_date_stamp("an hour ago") and is_date_stamp("Updated: 3 min ago")
