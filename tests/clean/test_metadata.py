"""Bylines, names, titles and outlet inference (factiongraph.clean.metadata)."""

from __future__ import annotations

import pytest

from factiongraph.clean.metadata import (
    OutletFinder,
    find_copyright_holder,
    find_wire_dateline,
    is_person_name,
    parse_byline,
    strip_title_suffix,
)


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By Faris al-Omran", "Faris al-Omran"),
        ("By Anas al-Bar |", "Anas al-Bar"),
        ("BY Jane Roe | March 3, 2021", "Jane Roe"),
        ("By Jane Roe and Sami Daoud", "Jane Roe and Sami Daoud"),
        ("Layla Hassan, Baghdad Correspondent", "Layla Hassan"),
        ("Written by Omar Kareem", "Omar Kareem"),
        # bylines with a job title, set off by a comma, a bar or a dash
        ("By Jane Roe, Senior Correspondent", "Jane Roe"),
        ("Jane Roe | Senior Reporter", "Jane Roe"),
        ("Jane Roe, Middle East correspondent", "Jane Roe"),
        ("Jane Roe - Staff Writer", "Jane Roe"),
        ("Jane Roe, correspondent at The Daily Star", "Jane Roe"),
        ("By Jane Roe and Ali Omar, Newswire", "Jane Roe and Ali Omar"),
        ("By Jane Roe (NPA)", "Jane Roe"),
        ("Jane Roe | NPA", "Jane Roe"),
        ("Story by Jane Roe", "Jane Roe"),
        ("Posted by Jane Roe on March 3, 2031", "Jane Roe"),
        ("Author: Jane Roe", "Jane Roe"),
        ("Reporter: Jane Roe", "Jane Roe"),
        ("By The Kirkuk Post", "The Kirkuk Post"),
        ("By Channel24", "Channel24"),
        ("Jane Roe, Senior Correspondent, Kirkuk", "Jane Roe"),
        ("By Jane Roe, Middle East Correspondent, in Kirkuk", "Jane Roe"),
        # an agency's full name after the comma is its credit, not a second author
        ("By JANE ROE, Associated Press", "JANE ROE"),
        ("By Jane Roe, Example News", "Jane Roe"),
        ("Reporting by Jane Roe; Editing by Ali Omar", "Jane Roe"),
        ("Written by: Jane Roe", "Jane Roe"),
        ("By Jane Roe in Basra and Ali Omar in Baghdad", "Jane Roe and Ali Omar"),
    ],
)
def test_parse_byline(line: str, author: str) -> None:
    byline = parse_byline(line)
    assert byline is not None and byline.author == author


@pytest.mark.parametrize(
    "line",
    ["By contrast, the militia kept its offices.", "By Monday the offices had closed", "By the end of the year",
     "Jane Roe, a journalist who was kidnapped in 2029, was released on Monday",
     "Hadi Amiri, leader of the Badr Organization", "By Monday", "Editor: Jane Roe",
     "Reporters Without Borders condemned the arrest", "Posted by admin on March 3, 2031",
     "Published by the Middle East Center"],
)
def test_parse_byline_rejects_sentences(line: str) -> None:
    assert parse_byline(line) is None


def test_is_person_name() -> None:
    assert is_person_name("Ali Mamouri")
    assert is_person_name("Faris al-Omran")
    assert is_person_name("Abu Mahdi al-Muhandis")
    assert not is_person_name("Friction among militias")
    assert not is_person_name("Iraq.")
    assert not is_person_name("Militias")
    assert not is_person_name("The Daily Star")
    assert not is_person_name("Iraq PMF Militias")  # an acronym among capitalised words: a label
    assert is_person_name("JANE ROE")


def test_strip_title_suffix() -> None:
    assert strip_title_suffix("Rocket attack hits base | The Example Gazette", "The Example Gazette") == "Rocket attack hits base"
    assert strip_title_suffix("Parliament votes to extend powers - Example Post") == "Parliament votes to extend powers"
    assert strip_title_suffix("Iraq steps up pressure on militias") == "Iraq steps up pressure on militias"


def test_outlet_is_the_most_addressed_target_not_a_cited_one() -> None:
    text = (
        "The minister confirmed the talks, Other Daily reported. "
        "'They are armed groups,' an analyst told Example Herald. "
        "A second expert told Example Herald that the factions refuse. "
        "A statement received by Example Herald said so."
    )
    guess = OutletFinder().find_outlet(text)
    assert guess is not None and guess.name == "Example Herald" and guess.count == 3


def test_outlet_prefers_known_names() -> None:
    text = "An official told Kadhimi's envoy nothing. A general told Desert Courier the plan. Desert Courier has learned more."
    finder = OutletFinder(["Desert Courier", "Example Herald"])
    guess = finder.find_outlet(text)
    assert guess is not None and guess.name == "Desert Courier"
    assert finder.is_known("desert courier")


def test_outlet_none_without_targets() -> None:
    assert OutletFinder().find_outlet("The militia closed its offices, officials said.") is None


def test_find_named_reads_names_and_domains() -> None:
    finder = OutletFinder(["Example Herald"])
    assert finder.find_named("https://www.exampleherald.com/iraq/2020/story") == "Example Herald"
    assert finder.find_named("Example Herald") == "Example Herald"
    assert finder.find_named("Other Paper") == "Other Paper"


def test_wire_dateline_and_copyright() -> None:
    assert find_wire_dateline("BAGHDAD (AFP) - Rockets struck the Green Zone late on Monday.") == "AFP"
    assert find_wire_dateline("Rockets struck (again) - officials said.") is None
    assert find_copyright_holder("© 2022 Example Times. All rights reserved.") == "Example Times"


_ADDRESSED = [
    "an official told Example Herald", "a commander tells Example Herald", "speaking to Example Herald",
    "he talked to Example Herald", "she explained to Example Herald", "in an exclusive interview with Example Herald",
    "when contacted by Example Herald", "a letter seen by Example Herald", "documents obtained by Example Herald",
    "in comments to Example Herald", "in a statement to Example Herald", "Example Herald has learned",
]


@pytest.mark.parametrize("sentence", _ADDRESSED)
def test_outlet_word_gate_keeps_every_template(sentence: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import factiongraph.clean.metadata as metadata

    text = f"The talks stalled, {sentence}, and the factions refused."
    for finder in (OutletFinder(), OutletFinder(["Example Herald"])):
        gated = finder.find_outlet(text)
        assert gated is not None and gated.name == "Example Herald", sentence
        with monkeypatch.context() as patch:
            patch.setattr(metadata, "_TEMPLATE_WORDS", {})  # every template scans the whole text
            assert finder.find_outlet(text) == gated


def test_an_outlet_the_text_cites_as_reporting_is_not_its_publisher() -> None:
    text = ("Three people were hurt, a police source told Example Herald. "
            "According to an Example Herald correspondent at the scene, shops were closed.")
    assert OutletFinder().find_outlet(text) is None


def test_a_wire_agency_addressed_by_sources_is_not_the_publisher() -> None:
    finder = OutletFinder(["Wire One", "Example Herald"], wires=["Wire One"])
    assert finder.find_outlet("An official told Wire One the base was hit. Another told Wire One more.") is None
    guess = finder.find_outlet("An official told Example Herald the base was hit.")
    assert guess is not None and guess.name == "Example Herald"


def test_owned_or_cut_off_names_are_not_publishers() -> None:
    assert OutletFinder().find_outlet("The family told Israel's Daily Mirror that she was alive. More text.") is None
    assert OutletFinder().find_outlet("The pastor told International Chri") is None


def test_known_aliases_become_the_outlets_own_name() -> None:
    finder = OutletFinder(["Example Herald", "Herald Agency"], canonical={"Herald Agency": "Example Herald"})
    guess = finder.find_outlet("An official told Herald Agency the talks failed.")
    assert guess is not None and guess.name == "Example Herald"
    assert finder.find_opener("Herald Agency/ Police said on Monday ...") == "Example Herald"
    assert finder.find_opener("Herald Agency said on Monday ...") is None


def test_dateline_credits() -> None:
    assert find_wire_dateline("BAGHDAD (AFP) - Rockets struck") == "AFP"
    assert find_wire_dateline("Mosul (Example News Agency) - The council met") == "Example News Agency"
    assert find_wire_dateline("The Popular Mobilization Forces (PMF) - the umbrella of factions") is None


def test_a_body_addressed_by_sources_is_no_outlet() -> None:
    finder = OutletFinder()
    assert finder.find_outlet("The envoy told the Security Council that talks failed. She told the Security "
                              "Council more on Monday.") is None
    assert finder.find_outlet("A medic told the Desert Observatory the toll had risen.") is None
    guess = finder.find_outlet("An official told Desert Courier the plan.")
    assert guess is not None and guess.name == "Desert Courier"
