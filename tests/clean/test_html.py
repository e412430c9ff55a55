"""HTML extraction (factiongraph.clean.html) on hand-written pages."""

from __future__ import annotations

import lxml.html

from factiongraph.clean.chrome import compile_rules
from factiongraph.clean.html import _fallback_paragraphs, extract_html
from factiongraph.model import BlockPart
from tests.clean.factory import FIXTURES

RULES = compile_rules()


def test_article_page_parts_in_order() -> None:
    page = extract_html((FIXTURES / "page_article.html").read_text(encoding="utf-8"), RULES)
    kinds = [(p.part, p.text[:30]) for p in page.parts]
    assert kinds[0] == (BlockPart.BODY, "Rocket attack targets airport ")
    caption = "Security forces inspect a launch site outside the city on November 1. [Security Media Office]"
    captions = [p.text for p in page.parts if p.part is BlockPart.CAPTION]
    assert captions == [caption]  # figcaption repeated as a paragraph is kept once
    texts = [p.text for p in page.parts]
    first_body = next(i for i, t in enumerate(texts) if t.startswith("Three rockets"))
    assert first_body < texts.index(caption) < next(i for i, t in enumerate(texts) if t.startswith("Investigators"))
    comments = [p.text for p in page.parts if p.part is BlockPart.COMMENT]
    assert comments == [
        "Every week the same story and nobody is ever arrested for these attacks.",
        "Thank God nobody was hurt this time.",
    ]
    joined = "\n".join(texts)
    for chrome in ("Do you like this article?", "Home", "Log in", "Reply", "All rights reserved", "Name *", "By Sami"):
        assert chrome not in joined, chrome
    assert all(p.part is not BlockPart.BOILERPLATE for p in page.parts)


def test_article_page_metadata() -> None:
    page = extract_html((FIXTURES / "page_article.html").read_text(encoding="utf-8"), RULES)
    assert page.title == "Rocket attack targets airport base"
    assert page.author == "Sami Daoud"
    assert page.outlet == "The Example Gazette"
    assert page.published is not None and page.published.startswith("2023-11-02")
    assert page.published_field == "article:published_time"
    assert page.section == "Security"
    assert page.language == "en"


def test_json_ld_page_metadata_and_title_suffix() -> None:
    page = extract_html((FIXTURES / "page_jsonld.html").read_text(encoding="utf-8"), RULES)
    assert page.title == "Parliament votes to extend emergency powers"
    assert page.author == "Dana Yousif"
    assert page.outlet == "Example Post"
    assert page.published == "2024-05-19"
    assert sum(p.part is BlockPart.BODY for p in page.parts) == 4  # title + 3 paragraphs


def test_unparseable_html_gives_no_parts() -> None:
    assert extract_html("", RULES).parts == []


def test_fallback_paragraphs_skip_navigation_and_comments() -> None:
    html = (
        "<html><body><nav><p>Home | World</p></nav><div><p>Short note on the militia.</p></div>"
        "<div class='comments'><p>A reader wrote this.</p></div>"
        "<footer><p>Copyright 2024 Example</p></footer></body></html>"
    )
    assert _fallback_paragraphs(lxml.html.fromstring(html)) == ["Short note on the militia."]
