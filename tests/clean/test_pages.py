"""Whole scraped pages written in the styles of many kinds of sites, chrome marked line by line.

Each page under ``fixtures/pages`` is a plain-text scrape written for these tests (wire sites,
regional agencies, think-tank analysis, TV channel sites, newspapers, newsletters, NGO and press
office pages). A line that starts with ``~`` is site chrome and must be boilerplate; every other
line is article text (title, standfirst, paragraphs, subheads, one-sentence quote paragraphs) and
must stay content. The marker is removed before the page is classified.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factiongraph.clean import normalize_text
from factiongraph.clean.chrome import compile_rules
from factiongraph.clean.text import LineClassifier
from factiongraph.model import BlockPart
from tests.clean.factory import FIXTURES

CLASSIFIER = LineClassifier(compile_rules())
PAGES = sorted((FIXTURES / "pages").glob("*.txt"))


def read_page(path: Path) -> tuple[str, list[bool]]:
    """Return the page without markers and, per non-blank line, whether it is marked as chrome."""
    lines, chrome = [], []
    for raw in path.read_text(encoding="utf-8").split("\n"):
        marked = raw.lstrip().startswith("~")
        lines.append(raw.replace("~", "", 1) if marked else raw)
        if raw.strip():
            chrome.append(marked)
    return "\n".join(lines), chrome


@pytest.mark.parametrize("path", PAGES, ids=[p.stem for p in PAGES])
def test_page_chrome_is_boilerplate_and_article_text_stays(path: Path) -> None:
    text, chrome = read_page(path)
    layout = CLASSIFIER.classify(normalize_text(text))
    assert len(layout.lines) == len(chrome)
    leaks = [line.text for line, marked in zip(layout.lines, chrome, strict=True)
             if marked and line.part is not BlockPart.BOILERPLATE]
    eaten = [line.text for line, marked in zip(layout.lines, chrome, strict=True)
             if not marked and line.part is BlockPart.BOILERPLATE]
    assert leaks == [] and eaten == []


def test_pages_are_many_styles() -> None:
    assert len(PAGES) >= 15


@pytest.mark.parametrize(
    ("name", "title", "author"),
    [
        # a site tagline above the section labels is not the headline
        ("wire", "Drone strike on militia convoy kills three near Syrian border, Iraqi officials say",
         "Jonas Keller and Amira Saleh"),
        # an archive notice above the headline; a byline that names where the reporter filed from
        ("newspaper", "Militia leader arrested in Basra after killing of activist", "Martin Crane"),
        # a bare name under the standfirst is the byline
        ("newsletter_post", "The Militia Economy, Part II: Scrap Metal and Checkpoints", "Dana Ruiz"),
        ("author_box", "Why the PMF law matters more than the budget", "Rana Saleh"),
        ("guest_essay", "The Militias Have Already Won Iraq's Next Election", "Youssef Karam"),
        # a "Written by ... on <date>" line is a byline; the bio under the article names the same author
        ("research_blog_donation", "Iraqi militia unveils new attack drone at Baghdad parade", "Caleb Monroe"),
        # a report's headline holds its date and no other line can be the title
        # a bare name under a standfirst that ends with a full stop, the date under it
        ("think_tank_header_twice", "Iraq's Factions Are Learning to Govern", "Karim Saleh"),
        ("situation_report", "Iraq Situation Report: March 3, 2031", "Ana Torres and Ben Hale"),
        # a wire credit line under the headline: the reporter, not the editor
        ("wire_credit_header", "Gunmen kill tribal elder in Kirkuk as feud escalates", "Amira Saleh"),
        ("byline_colon", "Rocket attack on Erbil airport wounds two contractors", "Dana Ruiz"),
    ],
)
def test_page_title_and_author(name: str, title: str, author: str | None) -> None:
    text, _ = read_page(FIXTURES / "pages" / f"{name}.txt")
    layout = CLASSIFIER.classify(normalize_text(text))
    assert (layout.title, layout.author) == (title, author)
