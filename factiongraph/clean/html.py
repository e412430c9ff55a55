"""Split an HTML news page into title, body paragraphs, captions and reader comments.

trafilatura (a maintained extraction library) finds the main text, the comments it recognises and
the page metadata. Our own rules add what it drops or mixes in: ``<figcaption>`` captions (kept
once, even when the page repeats them as a paragraph), comment-list markup, chrome paragraphs
("Do you like this article?"), bylines and datelines inside the body. Each part keeps its place
in the page so the canonical text reads in document order.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import lxml.html
import trafilatura
from lxml import etree

from factiongraph.clean.chrome import ChromeRule, collapse_line, match_chrome
from factiongraph.clean.metadata import parse_byline, strip_title_suffix
from factiongraph.clean.text import is_caption, parse_dateline
from factiongraph.model import BlockPart

log = logging.getLogger(__name__)

_COMMENT_CONTAINER = re.compile(r"(?i)(?:^|[\s_-])(?:comments?|commentlist|comment-list|disqus|replies)(?:$|[\s_-])")
_COMMENT_TEXT_CLASS = re.compile(r"(?i)comment[-_]?(?:content|body|text)")
_TEXT_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "figcaption", "blockquote", "td", "div")
# Meta fields that state a publication date, in order of trust.
_DATE_FIELDS = (
    "article:published_time", "og:article:published_time", "datepublished", "publishdate",
    "pubdate", "dc.date.issued", "dcterms.created", "date", "sailthru.date", "parsely-pub-date",
)  # fmt: skip


@dataclass(slots=True)
class HtmlPart:
    """One part of the page: its kind, its text (one paragraph) and its position in the page."""

    part: BlockPart
    text: str
    position: float


@dataclass(slots=True)
class HtmlPage:
    """What the HTML extraction found: ordered parts plus metadata candidates."""

    parts: list[HtmlPart] = field(default_factory=list)
    title: str | None = None
    author: str | None = None
    author_field: str | None = None
    outlet: str | None = None
    outlet_field: str | None = None
    published: str | None = None
    published_field: str | None = None
    section: str | None = None
    language: str | None = None
    unreadable: str | None = None
    """Why the page could not be read whole (the parser stopped part-way), when it could not."""


def _key(text: str) -> str:
    return collapse_line(text).lower()


def _element_text(element: Any) -> str:
    return collapse_line(" ".join(t for t in element.itertext() if t))


def _read_meta(tree: Any) -> dict[str, str]:
    meta: dict[str, str] = {}
    for element in tree.iter("meta"):
        name = (element.get("property") or element.get("name") or element.get("itemprop") or "").strip().lower()
        content = (element.get("content") or "").strip()
        if name and content and name not in meta:
            meta[name] = content
    for element in tree.iter("script"):
        if (element.get("type") or "").lower() == "application/ld+json" and element.text:
            for obj in _walk_json_ld(element.text):
                _merge_json_ld(meta, obj)
    for element in tree.iter("time"):
        if element.get("datetime") and "time:datetime" not in meta:
            meta["time:datetime"] = element.get("datetime").strip()
    return meta


def _walk_json_ld(raw: str) -> Iterator[dict[str, Any]]:
    try:
        data = json.loads(raw)
    except ValueError:
        return
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            yield item
            if "@graph" in item:
                stack.append(item["@graph"])


def _merge_json_ld(meta: dict[str, str], obj: dict[str, Any]) -> None:
    def name_of(value: Any) -> str | None:
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, dict):
            value = value.get("name")
        return value.strip() if isinstance(value, str) and value.strip() else None

    for source, target in (("datePublished", "datepublished"), ("headline", "ld:headline")):
        if isinstance(obj.get(source), str):
            meta.setdefault(target, obj[source].strip())
    for source, target in (("author", "ld:author"), ("publisher", "ld:publisher")):
        found = name_of(obj.get(source))
        if found:
            meta.setdefault(target, found)


def _collect_comments(tree: Any) -> list[str]:
    """Return reader-comment paragraphs found in comment-list markup, in page order."""
    texts: list[str] = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        marker = f"{element.get('class') or ''} {element.get('id') or ''}"
        if not _COMMENT_CONTAINER.search(marker):
            continue
        if any(_COMMENT_CONTAINER.search(f"{a.get('class') or ''} {a.get('id') or ''}") for a in element.iterancestors()):
            continue  # only the outermost comment container
        bodies = [e for e in element.iter() if isinstance(e.tag, str) and _COMMENT_TEXT_CLASS.search(e.get("class") or "")]
        for body in bodies or [element]:
            paragraphs = [p for p in body.iter("p") if not any(a.tag == "form" for a in p.iterancestors())]
            if not paragraphs and bodies:
                paragraphs = [body]  # a comment-content element without <p> is one comment
            texts.extend(t for t in (_element_text(p) for p in paragraphs) if t)
    return texts


def _dom_positions(tree: Any) -> dict[str, int]:
    positions: dict[str, int] = {}
    for index, element in enumerate(tree.iter(*_TEXT_TAGS)):
        positions.setdefault(_key(_element_text(element)), index)
    return positions


def _position_of(key: str, positions: dict[str, int], previous: float) -> float:
    if key in positions:
        return float(positions[key])
    prefix = key[:60]
    for dom_key, index in positions.items():
        if dom_key.startswith(prefix) and index > previous:
            return float(index)
    return previous + 0.001


def _trafilatura_parts(html: str) -> tuple[Any, list[str], list[str]]:
    document = None
    # The extraction library and its date finder fail on some malformed pages (an assertion in
    # lxml's drop_tree for "<SVG><P><P>"): read them without metadata, then with our own
    # paragraph fallback, rather than let one page stop the run.
    for with_metadata in (True, False):
        try:
            document = trafilatura.bare_extraction(html, include_comments=True, with_metadata=with_metadata,
                                                   include_tables=False)
            break
        except Exception as exc:  # noqa: BLE001 - any failure inside the library means "not read"
            log.debug("trafilatura failed (metadata=%s): %r", with_metadata, exc)
    if document is None or isinstance(document, dict):
        return None, [], []
    body: list[str] = []
    if document.body is not None:
        for element in document.body:
            if element.tag in ("p", "head", "quote", "list", "item"):
                items = list(element.iter("item")) if element.tag == "list" else [element]
                body.extend(t for t in (_element_text(e) for e in items) if t)
    comments: list[str] = []
    if document.commentsbody is not None:
        comments = [t for t in (_element_text(e) for e in document.commentsbody) if t]
    return document, body, comments


def extract_html(html: str, rules: tuple[ChromeRule, ...]) -> HtmlPage:
    """Return the ordered parts and metadata candidates of an HTML page (empty when unparseable)."""
    page = HtmlPage()
    parser = lxml.html.HTMLParser()
    try:
        tree = lxml.html.fromstring(html, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        log.debug("unparseable html: %s", exc)
        return page
    # libxml2 stops at a resource limit (elements nested more than 256 deep): everything after
    # that point is silently lost, so the page is refused rather than stored cut short.
    limit = next((e.message for e in parser.error_log if e.type_name == "ERR_RESOURCE_LIMIT"), None)
    if limit is not None:
        page.unreadable = f"the HTML parser stopped part-way ({limit.split(',')[0]})"
        return page
    meta = _read_meta(tree)
    document, body, tf_comments = _trafilatura_parts(html)
    sitename = meta.get("og:site_name") or (document.sitename if document is not None else None)
    page.outlet, page.outlet_field = (sitename, "og:site_name") if sitename else (meta.get("ld:publisher"), "publisher")
    page.section = meta.get("article:section")
    page.language = (tree.get("lang") or meta.get("og:locale") or "").split("-")[0].split("_")[0] or None
    h1 = next((t for t in (_element_text(e) for e in tree.iter("h1")) if t), None)
    head_title = next((t for t in (_element_text(e) for e in tree.iter("title")) if t), None)
    raw_title = h1 or meta.get("og:title") or meta.get("ld:headline") or head_title
    page.title = strip_title_suffix(raw_title, sitename) if raw_title else None
    for name in _DATE_FIELDS + ("time:datetime",):
        if meta.get(name):
            page.published, page.published_field = meta[name], name
            break
    if page.published is None and document is not None and document.date:
        page.published, page.published_field = document.date, "trafilatura date"
    meta_author = meta.get("author") or meta.get("ld:author") or (document.author if document is not None else None)
    if meta_author and not meta_author.startswith("http"):
        page.author, page.author_field = meta_author, "meta author"

    if not body:
        body = _fallback_paragraphs(tree)
    if not body and tree.tag != "html" and tree.tag not in _OUTSIDE_ARTICLE:
        # a fragment (a feed item's summary) with no <p>: its text is the one paragraph
        body = [t for t in (_element_text(tree),) if t]
    hidden = {_key(_element_text(e)) for e in tree.iter("noscript", "template")}  # never shown as the page
    positions = _dom_positions(tree)
    captions = [t for t in (_element_text(e) for e in tree.iter("figcaption")) if t]
    comment_texts = _unique(_collect_comments(tree) + tf_comments)
    comment_keys = {_key(c) for c in comment_texts}
    caption_keys = {_key(c) for c in captions}
    title_key = _key(page.title or "")
    seen: set[str] = set()
    previous = -1.0
    for text in body:
        key = _key(text)
        previous = _position_of(key, positions, previous)
        if key in seen or key in comment_keys or key in caption_keys or key == title_key or key in hidden:
            continue  # repeats, comments mixed into the body, captions printed as paragraphs, noscript
        seen.add(key)
        if match_chrome(text, rules) is not None:
            continue
        byline = parse_byline(text) if len(text.split()) <= 16 else None
        if byline is not None:
            page.author, page.author_field = byline.author, "byline"
            continue
        if parse_dateline(text) is not None:
            continue
        part = BlockPart.CAPTION if is_caption(text) else BlockPart.BODY
        page.parts.append(HtmlPart(part, text, previous))
    for caption in _unique(captions):
        if _key(caption) not in seen:
            seen.add(_key(caption))
            page.parts.append(HtmlPart(BlockPart.CAPTION, caption, _position_of(_key(caption), positions, -1.0)))
    page.parts.sort(key=lambda p: p.position)
    if page.title:
        page.parts.insert(0, HtmlPart(BlockPart.BODY, page.title, -1.0))
    for comment in comment_texts:
        if match_chrome(comment, rules) is None and _key(comment) not in seen:
            seen.add(_key(comment))
            page.parts.append(HtmlPart(BlockPart.COMMENT, comment, float("inf")))
    return page


def _unique(texts: list[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for text in texts:
        key = _key(text)
        if key not in seen:
            seen.add(key)
            out.append(text)
    return out


_OUTSIDE_ARTICLE = frozenset(("nav", "header", "footer", "aside", "form", "script", "style", "noscript"))


def _fallback_paragraphs(tree: Any) -> list[str]:
    """Return the page's <p> texts outside navigation and comment markup (when extraction found none)."""
    texts: list[str] = []
    for element in tree.iter("p"):
        ancestors = list(element.iterancestors())
        if any(a.tag in _OUTSIDE_ARTICLE for a in ancestors):
            continue
        if any(_COMMENT_CONTAINER.search(f"{a.get('class') or ''} {a.get('id') or ''}") for a in ancestors):
            continue
        text = _element_text(element)
        if text:
            texts.append(text)
    return texts
