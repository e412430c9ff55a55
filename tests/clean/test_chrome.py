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
        ("Purchase Licensing Rights", "chrome"),
        ("Acquire Licensing Rights, opens new tab", "chrome"),
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
        ("Follow", "chrome"),
        ("Follow us on Telegram", "chrome"),
        ("Short Url", "chrome"),
        ("Copy Link copied", "chrome"),
        ("Share this article: Facebook Twitter Email", "chrome"),
        ("Get the day's top stories delivered to your inbox", "chrome"),
        ("2 min read", "chrome"),
        ("Reading time: 4 minutes", "chrome"),
        ("Also available in", "chrome"),
        ("This report is also available in Arabic", "chrome"),
        ("Contents", "chrome"),
        ("From Wikipedia, the free encyclopedia", "chrome"),
        ("Part of a series on Iraq's armed factions", "chrome"),
        ("Second in a three-part series", "chrome"),
        ("Related: Border guards seize weapons shipment in Sinjar", "chrome"),
        ("ALSO READ: Parliament delays vote on security law", "chrome"),
        ("More from Iraq", RELATED),
        ("Related", RELATED),
        ("Advertisement - Scroll to continue", "chrome"),
        ("Reporting by Hana Yusuf; Editing by Omar Kareem", "chrome"),
        ("The Riverside Daily Staff & Agencies", "chrome"),
        ("Download PDF", "chrome"),
        ("A+ A-", "chrome"),
        ("Follow us:", "chrome"),
        ("Listen to article", "chrome"),
        ("Save article", "chrome"),
        ("Disclaimer: The views expressed are the author's own.", "chrome"),
        ("The views expressed in this piece do not necessarily reflect those of the Forum.", "chrome"),
        ("Support our journalism: become a member today", "chrome"),
        ("Posted in Iraq, Security", "chrome"),
        ("From our series on the river brigades", "chrome"),
        ("Share via Email", "chrome"),
        ("Photo: Riverside Daily", "chrome"),
        ("Image credit: Example Agency/Hana Yusuf", "chrome"),
        ("Iraq News | 3 Min Read", "chrome"),
        ("Share 12 Tweet 5", "chrome"),
        ("1.2k shares", "chrome"),
        ("Photo Gallery 1 of 8", "chrome"),
        ("Watch: Inside a training camp of the river brigades", "chrome"),
        ("Stay informed", "chrome"),
        ("Views: 2,310", "chrome"),
        ("Posted by editor on 3 May 2031 | 4 Comments", "chrome"),
        # widgets set off by bullets on one line, and bracketed notices
        ("Advertisement · Scroll to continue", "chrome"),
        ("(Story continues below)", "chrome"),
        ("[Advertisement]", "chrome"),
        # separators and bare counters beside share buttons
        ("***", "chrome"),
        ("___", "chrome"),
        ("·", "chrome"),
        ("12", "chrome"),
        ("$50", "chrome"),
        ("3 Restacks", "chrome"),
        ("∙ Paid", "chrome"),
        # staff credits, print notes, contact blocks, sign-up prompts
        ("Editor: M. Jabbar", "chrome"),
        ("Translated by: Sara Kamal", "chrome"),
        ("Newswire writer Sam Field in Erbil, Iraq, contributed to this report.", "chrome"),
        ("A version of this article appears in print on March 4, 2031, Section A, Page 8.", "chrome"),
        ("This article is more than 3 years old", "chrome"),
        ("Reuse this content", "chrome"),
        ("For more information, please contact:", "chrome"),
        ("Jane Poole, Spokesperson, poole@example.org", "chrome"),
        ("Thanks for reading The River Letter! Subscribe for free to receive new posts.", "chrome"),
        ("Type your email...", "chrome"),
        ("Like this:", "chrome"),
        ("Like Loading...", "chrome"),
        ("Donate Now", "chrome"),
        ("Video Ad Feedback", "chrome"),
        ("Explore more on these topics", RELATED),
        ("Keywords:", RELATED),
        ("You must be logged in to post a comment.", COMMENTS),
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
        "Following the attack, the brigade withdrew from the town.",
        "Follow the money: how a brigade taxes the river",
        "Chief of Staff",
        "Languages spoken in the camp include Arabic and Kurdish.",
        "More than 300 fighters joined the brigade last year, a commander said.",
        "Related groups deny any role in the attack on the depot, their spokesmen said.",
        "Saved by a neighbour, the boy was taken to hospital in Baquba.",
        "Supporters of the brigade marched through the city centre on Friday.",
        "The views of the tribal elders were not heard, one resident said.",
        "Photo: Fighters in Basra",
        "The latest in a series of rocket attacks on the base killed two contractors.",
        "In the series of raids that followed, three depots were seized.",
        "Produced by the brigade's media wing, the video shows fighters at a checkpoint.",
        "The casualty figures do not necessarily reflect the full toll, officials said.",
        "The brigade's medical staff",
        "Filed in court on Monday, the complaint names two commanders.",
        "Follow on raids were planned for the next week.",
        "Two of eight rockets hit the base",
        "One of 32 coordinated attacks",
        "Views differ on the 12 brigades",
        "Watch: the video shows fighters firing at the checkpoint.",
        "Stay-at-home orders were lifted in Basra on Monday.",
        "Posted by the group on its Telegram channel, the video showed the strike.",
        "Calm returned.",
        "Editor of the brigade's newspaper, he was arrested in 2029.",
        "The donation was sent to the brigade's account, officials said.",
        "Reporters who contributed to the coverage were threatened by the faction.",
        "12 killed in Diyala attack",
    ],
)
def test_article_lines_do_not_match(line: str) -> None:
    assert match_chrome(line, RULE_SET) is None
