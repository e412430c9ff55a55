"""The Cleaner contract (factiongraph/clean/__init__.py): documents, blocks, metadata, rejections."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factiongraph.clean import PRODUCER, Cleaner, normalize_text
from factiongraph.clean.unwrap import unwrap
from factiongraph.model import BlockPart, DatePrecision, Document, Metadata, RawDocument, Rejection, RejectionReason
from tests.clean.factory import make_raw, read_fixture

CLEANER = Cleaner(["Example Herald", "Desert Courier"])


def clean_ok(raw_text: str, media_type: str = "text/plain") -> Document:
    result = CLEANER.clean(make_raw(raw_text, media_type))
    assert isinstance(result, Document), result
    return result


def test_document_fields_from_raw() -> None:
    raw = read_fixture("scrape_portal.txt")
    doc = CLEANER.clean(raw)
    assert isinstance(doc, Document)
    assert doc.doc_id == raw.content_hash == doc.content_hash
    assert doc.source == raw.source
    assert doc.producer == PRODUCER == "stage.clean.v6"
    assert doc.metadata.title == "Tribal fighters seize checkpoint near Kirkuk, officials say"
    assert doc.metadata.author == "Layla Hassan"
    assert doc.metadata.outlet == "Example Herald"  # told Example Herald x3; "Reuters reported" is a citation
    assert doc.metadata.section == "Regional Security"


def test_plain_text_canonical_text_is_the_normalised_page() -> None:
    raw = "Title of the story here\r\n\r\nThe \u201cmilitia\u201d closed\u00a0its office, officials said on Monday.\rEnd line of the story, he added today.\n"
    doc = clean_ok(raw)
    assert doc.text == normalize_text(raw)
    assert "\r" not in doc.text and "\u201c" not in doc.text and "\u00a0" not in doc.text
    assert len(doc.text) == len(raw.replace("\r\n", "\n"))


def test_every_non_blank_line_has_a_block() -> None:
    doc = CLEANER.clean(read_fixture("scrape_blog_repost.txt"))
    assert isinstance(doc, Document)
    lines = [line for line in doc.text.split("\n") if line.strip()]
    assert [doc.text[b.start : b.end] for b in doc.blocks] == [line.strip() for line in lines]


def test_explicit_dateline_metadata() -> None:
    doc = CLEANER.clean(read_fixture("scrape_dateline.txt"))
    assert isinstance(doc, Document)
    meta = doc.metadata
    assert (meta.published, meta.published_precision) == ("2022-03-03", DatePrecision.DAY)
    assert meta.published_basis == "explicit: dateline 'March 3, 2022'"
    assert meta.outlet == "Example Times"  # from the copyright line, nothing else names an outlet


def test_dates_the_article_reports_are_not_its_publication_date() -> None:
    doc = clean_ok(
        "Factions hold rally in Baghdad\n"
        "Protests against the factions began in October 2019 and continued for months, activists said.\n"
        "On Oct. 17, thousands of supporters of the factions marched through central Baghdad, police said.\n"
    )
    assert (doc.metadata.published, doc.metadata.published_basis) == (None, None)


def test_the_address_gives_the_date_when_the_page_states_none() -> None:
    raw = RawDocument(source="x.txt", text="Factions hold rally in Baghdad\n\nThousands marched, police said.\n",
                      media_type="text/plain", content_hash="h",
                      hints=Metadata(url="https://news.example/world/2021/03/09/factions-rally/"))
    doc = CLEANER.clean(raw)
    assert isinstance(doc, Document)
    assert (doc.metadata.published, doc.metadata.published_precision) == ("2021-03-09", DatePrecision.DAY)
    assert doc.metadata.published_basis == "explicit: the address's date path '2021/03/09'"


def test_html_document_text_and_blocks() -> None:
    doc = CLEANER.clean(read_fixture("page_article.html"))
    assert isinstance(doc, Document)
    assert doc.text.startswith("Rocket attack targets airport base\n\n")
    parts = [b.part for b in doc.blocks]
    assert parts.count(BlockPart.CAPTION) == 1 and parts.count(BlockPart.COMMENT) == 2
    assert parts[-2:] == [BlockPart.COMMENT, BlockPart.COMMENT]
    assert doc.metadata.published_basis == "metadata: article:published_time"
    assert doc.metadata.published == "2023-11-02"
    assert "Do you like this article?" not in doc.text


def test_hints_win_over_what_was_read() -> None:
    raw = make_raw((read_fixture("scrape_portal.txt")).text)
    raw.hints = Metadata(outlet="Feed Outlet", published="2021-05-06T09:00:00Z")
    doc = CLEANER.clean(raw)
    assert isinstance(doc, Document)
    assert doc.metadata.outlet == "Feed Outlet"
    assert doc.metadata.published == "2021-05-06"
    assert doc.metadata.published_basis is not None and doc.metadata.published_basis.startswith("metadata: ")


def test_works_without_outlet_names() -> None:
    doc = Cleaner().clean(read_fixture("scrape_blog_repost.txt"))
    assert isinstance(doc, Document)
    assert doc.metadata.outlet == "Desert Courier"


def test_no_content_is_rejected() -> None:
    for text in ("", "\n\n  \n", "Do you like this article?\n0 Comment(s)\nShare\n"):
        result = CLEANER.clean(make_raw(text))
        assert isinstance(result, Rejection)
        assert result.reason is RejectionReason.NO_CONTENT
    html = "<html><body><nav>Home</nav></body></html>"
    assert isinstance(CLEANER.clean(make_raw(html, "text/html")), Rejection)


def test_a_one_line_report_is_its_own_body() -> None:
    # an incident log's entry: one sentence, no headline above it
    doc = CLEANER.clean(make_raw("07/08/2013: Gunmen killed two brothers in Yusufiyah, Baghdad province.\n"))
    assert isinstance(doc, Document)
    assert doc.metadata.title is None
    assert [doc.text[b.start:b.end] for b in doc.blocks if b.part is BlockPart.BODY] == \
        ["07/08/2013: Gunmen killed two brothers in Yusufiyah, Baghdad province."]
    # a lone headline is still no content
    result = CLEANER.clean(make_raw("Gunmen kill two brothers near Tarmiyah\n"))
    assert isinstance(result, Rejection) and result.reason is RejectionReason.NO_CONTENT


_LINE = st.one_of(
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60),
    st.sampled_from(["Do you like this article?", "3 Comment(s)", "By Jane Roe", "Related News",
                     "A caption here. [Photo: Name/AFP]", "September 28, 2020", "",
                     "The militia closed its offices in Basra on Monday, officials told Example Herald."]),
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(_LINE, max_size=25), st.sampled_from(["\n", "\r\n", "\r"]))
def test_blocks_are_ordered_disjoint_and_inside_the_text(lines: list[str], newline: str) -> None:
    raw_text = newline.join(lines)
    result = CLEANER.clean(make_raw(raw_text))
    if isinstance(result, Rejection):
        assert result.reason is RejectionReason.NO_CONTENT
        return
    text = result.text
    assert text == unwrap(normalize_text(raw_text))  # hard-wrapped lines joined in place
    assert len(text) == len(raw_text.replace("\r\n", "\n"))  # only CRLF -> LF changes the length
    previous_end = 0
    for block in result.blocks:
        assert previous_end <= block.start < block.end <= len(text)
        assert "\n" not in text[block.start : block.end]
        assert text[block.start : block.end] == text[block.start : block.end].strip()
        previous_end = block.end
    covered = "".join(text[b.start : b.end] for b in result.blocks)
    assert "".join(text.split()) == "".join(covered.split())  # every non-blank character is in a block


def _parts(doc: Document) -> dict[str, BlockPart]:
    return {doc.text[b.start:b.end]: b.part for b in doc.blocks}


def test_page_furniture_a_scraper_keeps_is_boilerplate() -> None:
    page = ("Drone attack targets US base in western Iraq\n"
            "Image caption,\n"
            "US troops at Ain al-Asad air base in 2020\n"
            "Two drones targeted Ain al-Asad air base in western Iraq on Tuesday, security sources said.\n"
            "Please enable JavaScript to view this content.\n"
            "One drone was shot down and the other crashed near the base perimeter, the sources said.\n"
            "Our Standards: The Thomson Reuters Trust Principles.\n"
            "Download our app\n"
            "Recommended\n"
            "Iraq's parliament votes on budget\n"
            "Tags\n"
            "Iraq drones\n")
    parts = _parts(clean_ok(page))
    assert parts["US troops at Ain al-Asad air base in 2020"] is BlockPart.CAPTION
    assert parts["Image caption,"] is BlockPart.BOILERPLATE
    for line in ("Please enable JavaScript to view this content.", "Our Standards: The Thomson Reuters Trust Principles.",
                 "Download our app", "Recommended", "Iraq's parliament votes on budget", "Tags", "Iraq drones"):
        assert parts[line] is BlockPart.BOILERPLATE, line
    assert parts["One drone was shot down and the other crashed near the base perimeter, the sources said."] \
        is BlockPart.BODY


def test_a_masthead_line_names_the_publisher_but_a_wire_credit_does_not() -> None:
    body = ("Rockets hit the airport in Erbil on Monday, killing a contractor, officials said.\n"
            "The attack was the first in months.\n")
    cleaner = Cleaner(["Desert Courier", "Reuters"], wire_agencies=["Reuters"])
    doc = cleaner.clean(make_raw("Rockets hit Erbil airport\nDesert Courier\n" + body))
    assert doc.metadata.outlet == "Desert Courier"
    assert "masthead" in doc.metadata.basis["outlet"]
    assert cleaner.clean(make_raw("Rockets hit Erbil airport\nReuters\n" + body)).metadata.outlet is None


def test_an_outlet_name_opening_the_dateline_line_is_the_publisher() -> None:
    text = ("Rockets hit Erbil airport\nKirkuk Courier Media June 28, 2021 News\n"
            "Rockets hit the airport in Erbil on Monday, killing a contractor, officials said.\n"
            "The attack was the first in months.\n")
    doc = Cleaner().clean(make_raw(text))
    assert doc.metadata.outlet == "Kirkuk Courier Media"
    assert doc.metadata.published == "2021-06-28"
    byline = Cleaner().clean(make_raw(text.replace("Kirkuk Courier Media", "Sami Daoud")))
    assert byline.metadata.outlet is None


def test_an_outlet_telling_its_own_reporting_is_the_publisher() -> None:
    text = ("Militia video shows captive\n"
            "The group released a video of the captive on Monday.\n"
            "Desert Courier could not independently verify the footage. Desert Courier has decided not to "
            "publish the video.\n")
    assert CLEANER.clean(make_raw(text)).metadata.outlet == "Desert Courier"
