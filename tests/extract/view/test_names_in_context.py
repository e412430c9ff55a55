"""Names as the document context holds them after nlp and resolution (real model, bundled KB)."""

from __future__ import annotations

import pytest

from tests.extract.factory import make_context

pytestmark = pytest.mark.slow


def named(text: str) -> list[tuple[str, str | None]]:
    ctx = make_context(text, "2024-01-10")
    return [(text[m.start:m.end], m.entity_id) for m in ctx.mentions]


def test_an_apostrophe_inside_a_kb_name_is_the_names_own() -> None:
    found = named("The three were members of the Kurdistan Workers' Party (PKK), Ankara said.")
    assert ("Kurdistan Workers' Party", "pkk") in found


def test_a_short_form_defined_in_brackets_is_the_same_body() -> None:
    found = named("Harakat al-Nujaba (HaN) fired rockets at the base. HaN said it would continue.")
    assert [eid for text, eid in found if text == "HaN"] == ["harakat-al-nujaba", "harakat-al-nujaba"]


def test_a_military_operations_name_is_no_place() -> None:
    found = named("Turkey has carried out strikes in the Kurdistan Region since launching Operation Claw-Lock "
                  "in April 2022.")
    assert not any(text.startswith("Operation") for text, _ in found)


def test_an_unknown_organisation_its_fighters_follow_is_an_armed_group() -> None:
    ctx = make_context("Al-Shabaab militants attacked a hotel in Mogadishu on Friday.", "2024-01-10")
    [group] = [m for m in ctx.mentions if m.text == "Al-Shabaab"]
    assert str(group.type) == "armed_group"
