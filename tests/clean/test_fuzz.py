"""Property-based fuzzing of the clean stage: random pages and scrapes never make it raise.

A cleaned document's blocks are ordered, disjoint spans of its text; a plain-text scrape keeps
every character in place (only line endings change), so later offsets can point into it.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from factiongraph.clean import Cleaner
from factiongraph.model import Document, Rejection

from .factory import make_raw

TAGS = ["p", "div", "span", "b", "i", "a", "h1", "h2", "figure", "figcaption", "blockquote", "ul", "li", "table",
        "td", "script", "style", "noscript", "iframe", "form", "input", "nav", "footer", "article", "section",
        "time", "meta", "br", "img", "svg", "template", "title", "head", "body", "html"]
ATTRS = st.sampled_from(['', ' class="comments"', ' id="comment-list"', ' class="comment-content"',
                         ' onclick="x()"', ' href="javascript:1"', ' datetime="2020-06-25"',
                         ' property="og:site_name" content="Tigris Dispatch"', ' lang="ar"', ' class="byline"'])
WORDS = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["Kataib Hezbollah fighters were arrested in Baghdad on June 25, officials said.",
                     "By Jane Roe", "Do you like this article?", "Related News", "Photo: AFP", "&amp;", "&#0;",
                     "&lt;script&gt;", "\u202eكتائب\u202c", "\U0001F4A5", "\r\n", "Article source: Shafaq News"]),
)


def _wrap(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(lambda tag, attrs, inner, close: f"<{tag}{attrs}>{''.join(inner)}" + (f"</{tag}>" if close else ""),
                     st.sampled_from(TAGS), ATTRS, st.lists(children, max_size=4), st.booleans())


html_pages = st.recursive(WORDS, _wrap, max_leaves=30)


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner(outlet_names=["Tigris Dispatch", "Shafaq News", "AFP"])


def check_blocks(doc: Document) -> None:
    previous_end = 0
    for block in doc.blocks:
        assert previous_end <= block.start <= block.end <= len(doc.text), doc.blocks
        previous_end = block.end


@settings(max_examples=150, deadline=None)
@given(html_pages)
@example("<SVG><P><P>")  # the date finder inside trafilatura asserted on this one
def test_random_html_never_raises(cleaner: Cleaner, page: str) -> None:
    out = cleaner.clean(make_raw(page, "text/html"))
    if isinstance(out, Rejection):
        assert out.reason.value and out.detail
        return
    check_blocks(out)


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, max_size=20).map("\n".join))
def test_plain_scrapes_keep_every_character_in_place(cleaner: Cleaner, text: str) -> None:
    out = cleaner.clean(make_raw(text, "text/plain"))
    if isinstance(out, Rejection):
        assert out.reason.value and out.detail
        return
    check_blocks(out)
    assert len(out.text) == len(text.replace("\r\n", "\n").replace("\r", "\n"))
