"""Hostile HTML at the clean stage: nothing but article text reaches the canonical text, and a page
the parser cannot read whole is refused with a reason instead of being stored cut short."""

from __future__ import annotations

from pathlib import Path

import pytest

from factiongraph.clean import Cleaner
from factiongraph.model import BlockPart, Document, Rejection, RejectionReason

from ..factory import LEAD, SECRET, active_html, deep_html
from .factory import make_raw


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner()


@pytest.mark.parametrize("depth", [300, 10_000])
def test_html_nested_past_the_parsers_limit_is_malformed(cleaner: Cleaner, depth: int) -> None:
    got = cleaner.clean(make_raw(deep_html(depth), "text/html"))
    assert isinstance(got, Rejection) and got.reason is RejectionReason.MALFORMED
    assert "Excessive depth" in got.detail


def test_html_nested_within_the_limit_is_read_whole(cleaner: Cleaner) -> None:
    got = cleaner.clean(make_raw(deep_html(200), "text/html"))
    assert isinstance(got, Document) and LEAD in got.text and "investigation" in got.text


MARKERS = ("SCRIPT-TEXT", "STYLE-TEXT", "IFRAME-TEXT", "FORM-VALUE", "FORM-BUTTON", "HANDLER", "WRITTEN-BY-SCRIPT",
           "NOSCRIPT-TEXT", "SVG-TEXT", "TEMPLATE-TEXT", "JS-LINK", "javascript:")


def test_scripts_frames_forms_and_handlers_never_reach_the_text(cleaner: Cleaner) -> None:
    got = cleaner.clean(make_raw(active_html(), "text/html"))
    assert isinstance(got, Document)
    assert [m for m in MARKERS if m in got.text] == []
    assert got.metadata.title == "Raid in Baghdad & arrests"


def test_entities_are_decoded_once_and_markup_in_text_stays_text(cleaner: Cleaner) -> None:
    got = cleaner.clean(make_raw(active_html(), "text/html"))
    assert isinstance(got, Document)
    assert "Kata'ib Hizballah in al-Dora on June 25, 2020 — officials said <script>alert(1)</script>." in got.text
    assert 'called the raid "illegal"' in got.text
    assert "\x00" not in got.text  # &#0; and the other invalid references become U+FFFD
    assert all(0 <= b.start <= b.end <= len(got.text) for b in got.blocks)


def test_feed_summary_without_paragraph_markup_is_one_paragraph(cleaner: Cleaner) -> None:
    got = cleaner.clean(make_raw(f"<b>Report 7:</b> {LEAD}", "text/html"))
    assert isinstance(got, Document)
    assert [got.text[b.start:b.end] for b in got.blocks if b.part is BlockPart.BODY] == [f"Report 7: {LEAD}"]


def test_xhtml_external_entities_are_not_resolved(cleaner: Cleaner, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    page = (f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY file SYSTEM "file://{secret}">]>'
            f'<html xmlns="http://www.w3.org/1999/xhtml"><body><p>{LEAD} &file;</p></body></html>')
    got = cleaner.clean(make_raw(page, "text/html"))
    assert isinstance(got, Document) and LEAD in got.text and SECRET not in got.text
