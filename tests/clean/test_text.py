"""The plain-text line classifier (factiongraph.clean.text) on hand-written scrapes."""

from __future__ import annotations

from factiongraph.clean import normalize_text
from factiongraph.clean.chrome import compile_rules
from factiongraph.clean.text import LineClassifier, TextLayout, is_caption, parse_dateline, split_lines
from factiongraph.model import BlockPart
from tests.clean.factory import FIXTURES

CLASSIFIER = LineClassifier(compile_rules())


def classify_fixture(name: str) -> TextLayout:
    return CLASSIFIER.classify(normalize_text((FIXTURES / name).read_text(encoding="utf-8")))


def parts_of(layout: TextLayout) -> dict[str, list[BlockPart]]:
    found: dict[str, list[BlockPart]] = {}
    for line in layout.lines:
        found.setdefault(line.text, []).append(line.part)
    return found


def test_split_lines_gives_trimmed_spans() -> None:
    text = "  Title here  \n\nBody line.\n"
    lines = split_lines(text)
    assert [text[line.start : line.end] for line in lines] == ["Title here", "Body line."]


def test_portal_scrape_chrome_captions_comments() -> None:
    layout = classify_fixture("scrape_portal.txt")
    parts = parts_of(layout)
    assert parts["Regional Security"] == [BlockPart.BOILERPLATE]
    assert parts["Tribal fighters seize checkpoint near Kirkuk, officials say"] == [BlockPart.BODY]
    assert parts["By Layla Hassan"] == [BlockPart.BOILERPLATE]
    caption = "Fighters stand near a burned vehicle outside Kirkuk on Saturday. [Photo shared online]"
    assert parts[caption] == [BlockPart.CAPTION, BlockPart.BOILERPLATE]  # printed twice, kept once
    for chrome in ("Share this article", "Do you like this article?", "2 Comment(s)",
                   "Comment Policy * Denotes Required Field 1500 / 1500"):  # fmt: skip
        assert parts[chrome] == [BlockPart.BOILERPLATE], chrome
    assert parts["These tribes have been armed for years and nobody stops them."] == [BlockPart.COMMENT]
    assert parts["Thank you for the report, please keep us informed."] == [BlockPart.COMMENT]
    assert parts["Police reinforcements arrived hours later"] == [BlockPart.BODY]  # a subhead is content
    assert layout.title == "Tribal fighters seize checkpoint near Kirkuk, officials say"
    assert layout.author == "Layla Hassan"
    assert layout.section == "Regional Security"


def test_blog_repost_repeat_is_boilerplate() -> None:
    layout = classify_fixture("scrape_blog_repost.txt")
    title = "Drone strike hits warehouse in Anbar desert"
    parts = parts_of(layout)
    assert parts[title] == [BlockPart.BODY, BlockPart.BOILERPLATE]
    assert parts["Omar Kareem"] == [BlockPart.BOILERPLATE, BlockPart.BOILERPLATE]
    assert parts["Smoke rises over the desert west of Ramadi. (Photo: Desert Courier)"] == [
        BlockPart.CAPTION, BlockPart.BOILERPLATE]  # fmt: skip
    second_half = layout.lines[[line.text for line in layout.lines].index(title, 1) :]
    assert all(line.part is BlockPart.BOILERPLATE for line in second_half)
    assert layout.author == "Omar Kareem"
    # "Related News" is followed by other headlines: boilerplate, not comments
    assert parts["Ten arrested after clashes in Basra"] == [BlockPart.BOILERPLATE]


def test_dateline_and_registrar_chrome() -> None:
    layout = classify_fixture("scrape_dateline.txt")
    parts = parts_of(layout)
    assert parts["Web Hosting"] == [BlockPart.BOILERPLATE]
    assert parts["Domain Registration"] == [BlockPart.BOILERPLATE]
    assert parts["• March 3, 2022"] == [BlockPart.BOILERPLATE]
    assert parts["Photo: Border guards at a crossing near Qaim in February."] == [BlockPart.CAPTION]
    assert layout.published is not None and (layout.published.year, layout.published.month) == (2022, 3)
    assert layout.dateline == "March 3, 2022"
    assert layout.title == "Ministry announces new border force"
    assert layout.section is None  # registrar lines are chrome, not a section label


def test_comment_marker_at_the_top_does_not_swallow_the_article() -> None:
    text = (
        "Militia leader arrested in Basra\n3 Comments\n"
        "Security forces arrested a senior commander of an armed faction in Basra on Monday, officials said.\n"
        "He is accused of ordering attacks on activists during last year's protests, a judge said.\n"
    )
    layout = CLASSIFIER.classify(text)
    assert [line.part for line in layout.lines] == [
        BlockPart.BODY, BlockPart.BOILERPLATE, BlockPart.BODY, BlockPart.BODY]  # fmt: skip


def test_short_repeated_lines_are_kept() -> None:
    text = (
        "Clashes in Sinjar\n"
        "Fighting broke out between two armed groups in Sinjar on Tuesday, residents said, and lasted hours.\n"
        "He said.\n"
        "A local official said the clashes stopped by the evening after elders intervened between them.\n"
        "He said.\n"
    )
    layout = CLASSIFIER.classify(text)
    assert all(line.part is BlockPart.BODY for line in layout.lines)


def test_is_caption() -> None:
    assert is_caption("Men march in Baghdad in January. [Photo circulated online]")
    assert is_caption("A rally on October 8, 2023. [Ahmad al-Rubaye/AFP]")
    assert is_caption("Smoke over Ramadi. (Photo: Desert Courier)")
    assert is_caption("File photo: the Green Zone gate")
    assert not is_caption("He said the group had [sic] refused.")
    assert not is_caption("Officials met on Monday to discuss the plan [1]")


def test_parse_dateline() -> None:
    assert parse_dateline("  • September 28, 2020") is not None
    assert parse_dateline("Published: Monday, 28 September 2020 10:32 GMT") is not None
    assert parse_dateline("Updated 2020-09-28") is not None
    assert parse_dateline("On September 28, 2020 the militia attacked") is None
    # a time written with a dot (British papers) and who posted the page are part of the stamp
    found = parse_dateline("Mon 11 Mar 2024 14.30 GMT")
    assert found is not None and (found.year, found.month, found.day) == (2024, 3, 11)
    found = parse_dateline("Posted on 12 March, 2024 by admin")
    assert found is not None and (found.year, found.month, found.day) == (2024, 3, 12)
    assert parse_dateline("The talks ended on 12 March 2024 by agreement") is None


def test_inline_related_box_does_not_end_the_article() -> None:
    text = (
        "Rockets hit base near Baghdad airport\n"
        "Three rockets struck a base near Baghdad airport late on Tuesday, causing no casualties, the army said.\n"
        "The army said the launch pad was found in a farm north of the city, with two more rockets ready to fire.\n"
        "Related Articles\n"
        "Militia denies role in airport attack\n"
        "Police said an investigation was under way and that suspects had been identified by their vehicle.\n"
    )
    parts = [line.part for line in CLASSIFIER.classify(text).lines]
    assert parts == [BlockPart.BODY, BlockPart.BODY, BlockPart.BODY, BlockPart.BOILERPLATE,
                     BlockPart.BOILERPLATE, BlockPart.BODY]  # fmt: skip


def test_image_caption_lines() -> None:
    text = (
        "Crowds gather for funeral in Najaf\n"
        "Image source, Example Agency\n"
        "Image caption, Mourners carry coffins through the streets of Najaf\n"
        "Thousands of mourners gathered in Najaf on Friday for the funeral of two commanders, witnesses said.\n"
    )
    parts = [line.part for line in CLASSIFIER.classify(text).lines]
    assert parts == [BlockPart.BODY, BlockPart.BOILERPLATE, BlockPart.CAPTION, BlockPart.BODY]


def rules_of(layout: TextLayout) -> dict[str, str]:
    return {line.text: line.rule for line in layout.lines}


def test_policy_brief_header_forms_and_author_box() -> None:
    layout = classify_fixture("scrape_policy_brief.txt")
    parts, rules = parts_of(layout), rules_of(layout)
    for chrome, rule in [
        ("Home   Research   Experts   Events   Podcasts   About", "form.section-words"),
        ("Also available in", "chrome.languages"),
        ("العربية", "form.language-list"),
        ("Brief Analysis", "form.section-words"),
        ("Part of a series: Iraq's Armed Factions", "chrome.series"),
        ("Posted , updated", "form.date-stamp"),
        ("3 min read", "chrome.read-time"),
        ("ABOUT THE AUTHORS", "form.author-box"),
        ("Mara Delgado is a senior fellow at the Gulf Policy Forum, where she studies armed groups in southern Iraq.",
         "zone.author-bio"),
        ("Sami Haddad is a research assistant at the Forum.", "zone.author-bio"),
        ("iraq, militias, drones, basra", "form.tag-list"),
    ]:
        assert parts[chrome] == [BlockPart.BOILERPLATE], chrome
        assert rules[chrome] == rule, chrome
    # the title, a short subhead, a one-line paragraph and a caption stay content
    assert layout.title == "Harbor Lions Brigade expands its drone workshops near Basra"
    assert parts["Capabilities"] == [BlockPart.BODY]
    assert parts["A brigade spokesman denied running any workshops."] == [BlockPart.BODY]
    assert parts["Engineers assemble a drone in a workshop in Basra in May. [Photo circulated online]"] == [
        BlockPart.CAPTION]  # fmt: skip
    assert layout.section == "Brief Analysis"


def test_news_portal_menu_site_name_and_empty_stamps() -> None:
    layout = classify_fixture("scrape_news_portal.txt")
    parts, rules = parts_of(layout), rules_of(layout)
    assert rules["Riverside Daily - Iraq News - Riverside"] == "form.site-name"
    assert rules["Tuesday, 14 January 2031"] == "dateline.date"  # the site's date header
    for label in ("Home", "World", "Middle East", "Opinion", "Video", "Published: Updated:", "Follow", "depot.jpg"):
        assert parts[label] == [BlockPart.BOILERPLATE], label
    assert layout.title == "Rockets strike fuel depot near Tal Afar, officials say"
    assert parts["Reinforcements sent"] == [BlockPart.BODY]
    assert parts["The governor said he had asked Baghdad to send more troops to the district."] == [BlockPart.BODY]


def test_wiki_mirror_keeps_the_fact_box_and_drops_the_map_widget() -> None:
    layout = classify_fixture("scrape_wiki_mirror.txt")
    parts, rules = parts_of(layout), rules_of(layout)
    assert rules["Last updated"] == "form.date-stamp"
    assert rules["Contents"] == "chrome.contents"
    assert rules["Iraq location map.svg"] == "form.file-name"
    assert rules["Old Bridge"] == "edge.image-label"
    assert layout.title == "Siege of the Old Bridge"
    for content in ("Part of the conflict in northern Iraq", "Belligerents", "Valley Lions Brigade", "Iraqi Army",
                    "The Old Bridge in northern Iraq", "Background"):  # fmt: skip
        assert parts[content] == [BlockPart.BODY], content


def test_labels_around_the_article_and_tail_teasers() -> None:
    layout = classify_fixture("scrape_council_tail.txt")
    parts, rules = parts_of(layout), rules_of(layout)
    assert layout.title == "Council members trade blame over stalled militia law"
    assert layout.section == "Politics"
    assert rules["Diyala"] == "edge.chrome-cluster"  # between the headline and the byline
    assert rules["Wednesday, 15 January 2031 | 25 Rajab 1452 AH"] == "dateline.date"
    assert layout.published is not None and (layout.published.year, layout.published.day) == (2031, 15)
    assert rules["Flood defences to be rebuilt before spring rains"] == "edge.teaser"
    assert rules["Teachers in Baquba demand unpaid wages"] == "edge.teaser"
    assert parts["Riverside Daily"] == [BlockPart.BOILERPLATE, BlockPart.BOILERPLATE]
    assert rules["Riverside Daily"] == "repeat.chrome"  # the footer copy of the label above the title


def test_subhead_and_cut_paragraph_at_the_end_stay_content() -> None:
    text = (
        "Brigade accused of running checkpoints in Diyala\n"
        "Fighters of a local brigade have set up checkpoints on the road to Baquba, drivers said on Sunday.\n"
        "The drivers said they were asked for money at each of the three checkpoints, and some were turned back.\n"
        "Ministry rejects the claims\n"
        "The ministry said in a statement that the brigade had no permission to operate in the\n"
    )
    assert all(line.part is BlockPart.BODY for line in CLASSIFIER.classify(text).lines)


def test_tail_menu_run_and_repeated_label() -> None:
    text = (
        "Diyala\n"
        "Tribal elders broker truce between rival brigades\n"
        "Elders from three tribes brokered a truce on Friday between two brigades that had clashed near Khalis.\n"
        "The truce holds for now, one elder said, but both sides have kept their fighters on the road.\n"
        "Khalis\n"
        "Security\n"
        "Tribes\n"
        "Diyala\n"
    )
    layout = CLASSIFIER.classify(text)
    rules = [line.rule for line in layout.lines]
    assert rules[0] == "header.section-label" and layout.title == "Tribal elders broker truce between rival brigades"
    assert [line.part for line in layout.lines[4:]] == [BlockPart.BOILERPLATE] * 4
    assert rules[4] == "form.menu-run" and rules[5] == "form.section-words"


def test_date_with_trailing_tags_is_a_dateline() -> None:
    text = (
        "Brigade leader sanctioned\n"
        "Thursday, 3 July 2031   security   armed groups   sanctions\n"
        "The treasury sanctioned the leader of a brigade on Thursday, accusing him of seizing land in the plain.\n"
    )
    layout = CLASSIFIER.classify(text)
    assert layout.lines[1].rule == "dateline.tags"
    assert layout.dateline == "Thursday, 3 July 2031"
    assert layout.published is not None and layout.published.month == 7


def test_a_short_kicker_gives_way_to_the_headline() -> None:
    text = (
        "The Militia Files\n"
        "How a river brigade built a toll empire on the Tigris\n"
        "For three years a brigade based on the river has charged every boat that passes its jetty, boatmen said.\n"
    )
    layout = CLASSIFIER.classify(text)
    assert layout.title == "How a river brigade built a toll empire on the Tigris"
    assert layout.lines[0].rule == "header.section-label"


def test_question_headline_is_the_title() -> None:
    text = (
        "Analysis\n"
        "Who is firing the rockets at the river base, and why now?\n"
        "Three rocket attacks in a week have hit the base on the river, and no group has claimed any of them.\n"
    )
    layout = CLASSIFIER.classify(text)
    assert layout.title == "Who is firing the rockets at the river base, and why now?"
    assert [line.part for line in layout.lines] == [BlockPart.BOILERPLATE, BlockPart.BODY, BlockPart.BODY]


def test_place_before_the_date_is_still_a_dateline() -> None:
    assert parse_dateline("Basra, Tuesday 4 March 2031") is not None
    # an outlet line with its section is a stamp too; the headline above it stays the title
    layout = CLASSIFIER.classify("Militias parade in Basra\nValley Media March 4, 2031 News\n"
                                 "Thousands of fighters paraded through Basra on Monday to mark the anniversary.\n")
    assert layout.published is not None and layout.published.day == 4
    assert layout.title == "Militias parade in Basra"
    assert layout.lines[1].rule == "dateline.labels"
    assert parse_dateline("Basra, March 4, 2031, fighters clashed") is None


def test_caption_printed_again_without_its_credit() -> None:
    text = (
        "Brigade parades in Basra\n"
        "Fighters of the Harbor Lions Brigade march along the corniche in Basra. STRINGER / EXAMPLE AGENCY\n"
        "The Harbor Lions Brigade held a parade in Basra on Friday, the first since the end of the fighting.\n"
        "Fighters of the Harbor Lions Brigade march along the corniche in Basra.\n"
        "Officials did not attend the parade, which lasted about two hours, witnesses said.\n"
    )
    parts = [line.part for line in CLASSIFIER.classify(text.replace("EXAMPLE AGENCY", "AFP")).lines]
    assert parts == [BlockPart.BODY, BlockPart.CAPTION, BlockPart.BODY, BlockPart.BOILERPLATE, BlockPart.BODY]


def test_paragraph_that_goes_on_from_a_pull_quote_stays() -> None:
    text = (
        "Brigade denies any role in the attack on the depot\n"
        "We were not there that night and we have witnesses\n"
        "A commander said: We were not there that night and we have witnesses, adding that the brigade would sue.\n"
        "Police said the investigation was continuing and that two suspects had been questioned.\n"
    )
    assert all(line.part is BlockPart.BODY for line in CLASSIFIER.classify(text).lines)


def test_page_title_with_site_name_gives_way_to_the_bare_headline() -> None:
    text = (
        "Rockets hit depot near Tal Afar | Riverside Daily\n"
        "World\n"
        "Rockets hit depot near Tal Afar\n"
        "Three rockets struck a fuel depot on the edge of Tal Afar late on Monday, the police said in a statement.\n"
        "Rockets hit depot near Tal Afar: what the police know so far about who fired them\n"
    )
    layout = CLASSIFIER.classify(text)
    assert layout.title == "Rockets hit depot near Tal Afar"
    assert [line.rule for line in layout.lines] == [
        "repeat.page-title", "form.section-words", "header.title", "", ""]  # fmt: skip
    assert layout.lines[-1].part is BlockPart.BODY  # a longer headline is not the site's page title


def test_a_caption_credited_agency_first() -> None:
    assert is_caption("Fighters attend a funeral in Baghdad, Iraq, March 11, 2023. REUTERS/Karim Hadi")
    assert is_caption("Smoke rises over the base. AP Photo/Ali Jaafar, File")
    assert not is_caption("The statement was carried by Reuters and AFP on Monday.")


def test_the_bylines_author_named_again_is_an_author_box() -> None:
    text = (
        "Why the factions went quiet\n"
        "By Rana Saleh\n"
        "Rana Saleh\n"
        "Security editor\n"
        "The armed factions have halted their attacks on foreign troops since spring, officials say.\n"
        "Rana Saleh met the commander of one of them in Baghdad last week.\n"
        "The pause followed months of pressure from the government, two officials said.\n"
        "Rana Saleh is a senior editor who has covered Iraq's security forces since 2015.\n"
    )
    rules = rules_of(CLASSIFIER.classify(text))
    assert rules["Rana Saleh"] == "byline.repeat" and rules["Security editor"] == "byline.role"
    assert rules["Rana Saleh is a senior editor who has covered Iraq's security forces since 2015."] == "byline.bio"
    assert rules["Rana Saleh met the commander of one of them in Baghdad last week."] == ""  # reporting


def test_a_posted_by_line_with_counters_and_a_views_count_are_chrome() -> None:
    text = (
        "Drone hits a truck near the border\n"
        "Posted by editor on 3 May 2031 | 4 Comments\n"
        "Views: 2,310\n"
        "A drone hit a truck near the border crossing on Saturday, local officials said.\n"
        "Posted by the group on its channel, the video showed the truck burning.\n"
    )
    rules = rules_of(CLASSIFIER.classify(text))
    assert rules["Posted by editor on 3 May 2031 | 4 Comments"] == "chrome.posted-by"
    assert rules["Views: 2,310"] == "chrome.share-counts"
    assert rules["Posted by the group on its channel, the video showed the truck burning."] == ""


def test_stamps_with_a_time_zone_offset_or_a_second_numeric_date() -> None:
    for line in ("March 3, 2031 4:12 PM GMT+3 Updated 2 hours ago", "Updated 3:14 PM GMT+3, March 3, 2031",
                 "03.03.2031 - Update : 03.03.2031"):
        assert parse_dateline(line) is not None, line
    assert parse_dateline("Clashes on 03.03.2031 in Basra killed four people") is None


def test_a_short_page_keeps_its_related_list_out_and_its_short_sentences_in() -> None:
    text = ("Gunmen burn party office in Kirkuk\n"
            "Gunmen set fire to the office of a political party in Kirkuk on Monday night, police said, "
            "and fled before security forces arrived.\n"
            "Read also:\nCouncil delays vote on Kirkuk governor\nPolice chief replaced in Hawija\n"
            "Nobody was hurt.\n")
    parts = parts_of(CLASSIFIER.classify(text))
    assert parts["Council delays vote on Kirkuk governor"] == [BlockPart.BOILERPLATE]
    assert parts["Police chief replaced in Hawija"] == [BlockPart.BOILERPLATE]
    assert parts["Nobody was hurt."] == [BlockPart.BODY]


def test_the_credit_before_a_date_stamp_is_the_author() -> None:
    text = ("Gunmen burn party office in Kirkuk\nNPA , Tuesday 4 March 2031\n"
            "Gunmen set fire to the office of a political party in Kirkuk on Monday night, police said.\n")
    assert CLASSIFIER.classify(text).author == "NPA"
    text = text.replace("NPA , Tuesday", "Ana Ruiz | Published on")
    assert CLASSIFIER.classify(text).author == "Ana Ruiz"
    text = text.replace("Ana Ruiz | Published on", "KIRKUK, Tuesday")
    assert CLASSIFIER.classify(text).author is None  # an upper-case place, not a credit


def test_a_photo_story_headline_is_the_title_and_a_video_teaser_under_it_is_chrome() -> None:
    text = ("In Pictures: Fighters leave the old bridge after the truce\n"
            "Watch: How the truce was agreed\n"
            "Fighters of two rival brigades left their positions on the old bridge in Mosul on Monday, "
            "residents said.\n")
    layout = CLASSIFIER.classify(text)
    parts = parts_of(layout)
    assert layout.title == "In Pictures: Fighters leave the old bridge after the truce"
    assert parts["In Pictures: Fighters leave the old bridge after the truce"] == [BlockPart.BODY]
    assert parts["Watch: How the truce was agreed"] == [BlockPart.BOILERPLATE]


def test_header_bylines_under_the_title() -> None:
    paragraph = ("Gunmen set fire to the office of a political party in Kirkuk on Monday night, police said, "
                 "and fled before security forces arrived.\n")
    for line, author in [("Jane Roe and Ali Omar", "Jane Roe and Ali Omar"), ("Jane Roe @janeroe", "Jane Roe"),
                         ("Jane Roe | Kirkuk", "Jane Roe"), ("Kirkuk - Jane Roe", "Jane Roe"), ("By NPA", "NPA")]:
        layout = CLASSIFIER.classify(f"Gunmen burn party office in Kirkuk\n{line}\n{paragraph}")
        assert layout.author == author, line
        assert layout.lines[1].part is BlockPart.BOILERPLATE
    # an outlet's dateline line is content, and no author
    layout = CLASSIFIER.classify(f"Gunmen burn party office in Kirkuk\nExample News - Kirkuk\n{paragraph}")
    assert layout.author is None and layout.lines[1].part is BlockPart.BODY


def test_staff_and_widget_labels_between_title_and_article() -> None:
    paragraph = ("Gunmen set fire to the office of a political party in Kirkuk on Monday night, police said, "
                 "and fled before security forces arrived.\n")
    for line in ("logo", "By our correspondent", "Reporting from Kirkuk", "View image", "Updated 2d ago",
                 "Read in 2 minutes", "Hits: 1234"):
        layout = CLASSIFIER.classify(f"Gunmen burn party office in Kirkuk\n{line}\n{paragraph}")
        assert layout.lines[1].part is BlockPart.BOILERPLATE, line


def test_a_site_slogan_above_the_headline_is_not_the_title() -> None:
    text = ("Independent journalism from the heart of the two rivers\n"
            "Gunmen burn party office in Kirkuk\n"
            "Gunmen set fire to the office of a political party in Kirkuk on Monday night, police said, "
            "and fled before security forces arrived.\n")
    layout = CLASSIFIER.classify(text)
    assert layout.title == "Gunmen burn party office in Kirkuk"
    assert layout.lines[0].part is BlockPart.BOILERPLATE
    # a headline that shares no word with the opening stays the title over a role line under it
    text = ("Why the river matters more than the budget\nSenior Fellow, Water Programme\n"
            "The fight over the dams of the upper Tigris is not about money, officials in Mosul say.\n")
    assert CLASSIFIER.classify(text).title == "Why the river matters more than the budget"


def test_authors_in_stamps_and_bylines_that_other_rules_also_match() -> None:
    paragraph = ("Gunmen set fire to the office of a political party in Kirkuk on Monday night, police said, "
                 "and fled before security forces arrived.\n")
    for line, author in [("By Jane Roe | 3 March 2031 | 4:05 pm", "Jane Roe"), ("Jane Roe — 3 March 2031", "Jane Roe"),
                         ("3 March 2031 by Jane Roe", "Jane Roe"), ("Posted on March 3, 2031 by admin", None),
                         ("KIRKUK NEWS", None), ("Example News Agency", None)]:
        layout = CLASSIFIER.classify(f"Gunmen burn party office in Kirkuk\n{line}\n{paragraph}")
        assert layout.author == author, line
        assert layout.lines[1].part is BlockPart.BOILERPLATE, line


def test_page_counters_and_section_fields_are_chrome() -> None:
    for line in ("Politics | Iraq", "Section: Politics", "In: Security", "Total Views: 123", "Word count: 800",
                 "Estimated read: 3 min", "Print Friendly, PDF & Email", "Comments Off on Gunmen burn party office"):
        layout = CLASSIFIER.classify(f"Gunmen burn party office in Kirkuk\n{line}\nGunmen set fire to the office "
                                     "of a political party in Kirkuk on Monday night, police said.\n")
        assert layout.lines[1].part is BlockPart.BOILERPLATE, line


def test_a_lone_label_between_title_and_article_is_chrome() -> None:
    paragraph = ("Gunmen set fire to the office of a political party in Kirkuk on Monday night, police said, "
                 "and fled before security forces arrived.\n")
    for line in ("Iraq", "Kurdistan Region", "Kirkuk News"):
        layout = CLASSIFIER.classify(f"Gunmen burn party office in Kirkuk\n{line}\n{paragraph}")
        assert layout.lines[1].part is BlockPart.BOILERPLATE, line
    for line in ("KIRKUK", "Example News – Kirkuk"):  # a dateline, an outlet's dateline
        layout = CLASSIFIER.classify(f"Gunmen burn party office in Kirkuk\n{line}\n{paragraph}")
        assert layout.lines[1].part is BlockPart.BODY, line


def test_a_byline_with_its_agency_in_brackets_is_no_caption_and_a_name_after_the_date_is_the_author() -> None:
    paragraph = "Gunmen set fire to the office of a political party in Kirkuk on Monday night, police said.\n"
    layout = CLASSIFIER.classify(f"Gunmen burn party office in Kirkuk\nBy Jane Roe (NPA)\n{paragraph}")
    assert layout.author == "Jane Roe" and layout.lines[1].part is BlockPart.BOILERPLATE
    layout = CLASSIFIER.classify(f"Gunmen burn party office in Kirkuk\nMar 3, 2031 | Jane Roe\n{paragraph}")
    assert layout.author == "Jane Roe"
    layout = CLASSIFIER.classify(f"Gunmen burn party office in Kirkuk\nMoqtada al-Sadr (AFP)\n{paragraph}")
    assert layout.author is None and layout.lines[1].part is BlockPart.CAPTION  # a photo of him


def test_a_headline_with_a_full_stop_over_a_longer_standfirst_is_the_title() -> None:
    text = ("Kirkuk council delays vote again.\n"
            "The delay comes amid rising tension between the council's blocs and the armed factions\n"
            "The provincial council in Kirkuk delayed its vote on a new governor for the third time on Monday, "
            "council members said.\n")
    layout = CLASSIFIER.classify(text)
    assert layout.title == "Kirkuk council delays vote again."
    assert [line.part for line in layout.lines[:2]] == [BlockPart.BODY, BlockPart.BODY]


def test_a_live_blogs_headline_is_not_eaten_by_an_entry_heading_printed_twice() -> None:
    text = ("Kirkuk latest: rockets hit airport; council vote delayed again\n"
            "Key events\nRockets hit near Kirkuk airport\nCouncil vote delayed\n"
            "14:02\nRockets hit near Kirkuk airport\n"
            "At least two rockets hit near Kirkuk airport on Wednesday afternoon, security forces said, "
            "and the council vote was delayed again.\n")
    layout = CLASSIFIER.classify(text)
    assert layout.title == "Kirkuk latest: rockets hit airport; council vote delayed again"
    assert layout.lines[0].part is BlockPart.BODY
    # a page title with the site's name above the bare headline is still a copy
    text = ("Rockets hit near Kirkuk airport | Example News\nRockets hit near Kirkuk airport\n"
            "At least two rockets hit near Kirkuk airport on Wednesday afternoon, security forces said.\n")
    assert CLASSIFIER.classify(text).title == "Rockets hit near Kirkuk airport"


def test_the_dates_of_a_timeline_are_the_articles_and_do_not_date_the_page() -> None:
    text = ("Timeline: attacks on the Kirkuk base\n"
            "Armed factions have claimed several attacks on the Kirkuk base this year, and here is a list of them.\n"
            "January 5, 2031\nThree rockets hit the base.\nFebruary 12, 2031\nA drone struck near the gate.\n")
    layout = CLASSIFIER.classify(text)
    assert parts_of(layout)["January 5, 2031"] == [BlockPart.BODY]
    assert layout.published is None
    # one stamp after the article is the page's
    text = ("Rockets hit the Kirkuk base\nThree rockets hit the Kirkuk base on Monday night, "
            "the security forces said in a statement.\nUpdated: January 6, 2031\n")
    assert CLASSIFIER.classify(text).published is not None


def test_more_stamp_labels() -> None:
    for line in ("Date of publication: 3 March 2031", "Hits: 1234 | Tuesday, 03 March 2031",
                 "Tuesday 3 March 2031 14:05 Baghdad time"):
        assert parse_dateline(line) is not None, line
