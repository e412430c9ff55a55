"""Chrome phrase rules (factiongraph.clean.chrome)."""

from __future__ import annotations

import pytest

from factiongraph.clean.chrome import COMMENTS, RELATED, RULES, compile_rules, match_chrome

RULE_SET = compile_rules()


def test_rule_ids_are_unique_slugs() -> None:
    ids = [rid for rid, _kind, _pattern in RULES]
    assert len(ids) == len(set(ids))
    assert all(rid == rid.lower() and " " not in rid for rid in ids)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Do you like this article?", "chrome"),
        ("0 Comment(s)", COMMENTS),
        ("12 Comments", COMMENTS),
        ("Comment Policy * Denotes Required Field 1500 / 1500", COMMENTS),
        ("Captcha *", COMMENTS),
        ("No comments:", COMMENTS),
        ("Post a Comment", COMMENTS),
        ("Leave a Reply", COMMENTS),
        ("Related News", RELATED),
        ("You may also like", RELATED),
        ("Article source:", "source"),
        ("Domain Registration", "chrome"),
        ("Share this article", "chrome"),
        ("Facebook Twitter WhatsApp Email", "chrome"),
        ("Subscribe to our newsletter", "chrome"),
        ("Log in", "chrome"),
        ("Home > World > Middle East", "chrome"),
        ("© 2021 Example News. All rights reserved.", "chrome"),
        ("We use cookies to give you the best experience on our site.", "chrome"),
        ("  •  Print  ", "chrome"),
    ],
)
def test_chrome_lines_match(line: str, kind: str) -> None:
    found = match_chrome(line, RULE_SET)
    assert found is not None, line
    assert found.kind == kind


@pytest.mark.parametrize(
    "line",
    [
        "Share prices in Baghdad fell sharply on Monday after the militia announced a boycott of the vote.",
        "Comments by the minister drew anger from the factions, who called for protests in Basra.",
        "Iraq steps up pressure on outlawed militias",
        "Printing presses were seized during the raid, police said.",
    ],
)
def test_article_lines_do_not_match(line: str) -> None:
    assert match_chrome(line, RULE_SET) is None
