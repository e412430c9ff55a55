"""Bytes -> text: refuse binary data, honour byte-order marks and declared charsets, sniff types.

Decoding order: a byte-order mark wins; then strict UTF-8 (valid multi-byte UTF-8 is almost never
an accident in legacy-encoded text, and servers often declare ISO-8859-1 for UTF-8 pages); then
the charset the container declared (HTTP header, then ``<meta charset>`` for HTML). If nothing
works the input is ``undecodable``: latin-1 is never used as a silent catch-all.
"""

from __future__ import annotations

import codecs
import re

from factiongraph.model.rejection import Rejection, RejectionReason

SNIFF_BYTES = 8192
"""How much of an input the binary and type sniffers look at."""

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"PK\x07\x08", "ZIP archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\x1f\x8b", "gzip data"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2 (legacy Office) document"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x00\x00\x01\x00", "ICO image"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"\xca\xfe\xba\xbe", "Java class / Mach-O binary"),
    (b"\xcf\xfa\xed\xfe", "Mach-O binary"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control bytes that plain text never contains (tab, LF, VT, FF, CR and ESC are allowed).
_CONTROL = frozenset(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B} | {0x7F}
_CONTROL_RATIO = 0.10
# The same set, for counting in C: bytes.translate deletes them, the regex finds them in text.
_CONTROL_BYTES = bytes(sorted(_CONTROL))
_CONTROL_CHARS = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_CONTROL)) + "]")
# Labels that browsers decode as windows-1252 (WHATWG Encoding Standard).
_LATIN1_LABELS = frozenset({"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii",
                            "ascii", "cp819", "iso_8859-1", "windows-1252", "cp1252"})
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)
_HTML_START = re.compile(r"^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I)
_HTML_TAG = re.compile(r"<(p|div|br|span|article|section|h[1-6]|a\s|table|ul|li|img|title)[\s>/]", re.I)
_FEED_ROOT = re.compile(r"<(rss|feed|rdf:RDF)[\s>]", re.I)


def bom_encoding(data: bytes) -> str | None:
    """Return the codec named by a leading byte-order mark, if there is one."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def sniff_binary(data: bytes) -> str | None:
    """Return why ``data`` looks binary (a known signature, NUL bytes, control bytes), or None."""
    for magic, label in _MAGIC:
        if data.startswith(magic):
            return f"{label} signature"
    if data[8:12] in (b"WEBP", b"WAVE", b"AVI ") and data.startswith(b"RIFF"):
        return "RIFF media signature"
    if bom_encoding(data) in ("utf-16", "utf-32"):
        return None  # NUL bytes are normal there; the decoded text is checked instead
    head = data[:SNIFF_BYTES]
    if b"\x00" in head:
        return "contains NUL bytes"
    control = count_control(head)
    if head and control / len(head) > _CONTROL_RATIO:
        return f"{control / len(head):.0%} control bytes"
    return None


def count_control(data: bytes | str) -> int:
    """Return how many control bytes (or characters) ``data`` holds (tab, newlines, ESC excluded)."""
    if isinstance(data, bytes):
        return len(data) - len(data.translate(None, _CONTROL_BYTES))
    return len(_CONTROL_CHARS.findall(data))


def normalize_charset(label: str) -> str | None:
    """Return a Python codec name for a declared charset label, or None if it is unknown."""
    name = label.strip().strip("\"'").lower()
    if name in _LATIN1_LABELS:
        return "cp1252"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def declared_html_charset(data: bytes) -> str | None:
    """Return the charset label declared by ``<meta charset>`` / ``http-equiv`` near the top."""
    match = _META_CHARSET.search(data[:SNIFF_BYTES])
    if match is None:
        return None
    label = match.group(1).decode("ascii", "replace")
    # A <meta> cannot truthfully declare UTF-16 (it would not be readable as ASCII): WHATWG -> UTF-8.
    return "utf-8" if label.lower().startswith("utf-16") else label


def decode_bytes(data: bytes, source: str, *, charset: str | None = None,
                 html: bool = False) -> str | Rejection:
    """Decode ``data`` to text, or return an ``undecodable``/``binary``/``empty`` Rejection.

    Args:
        data: the exact bytes of one document.
        source: where they came from (for the Rejection).
        charset: a charset declared by the container (HTTP ``Content-Type``), if any.
        html: also honour a ``<meta charset>`` declaration.

    Returns:
        The decoded text (BOM removed), or a Rejection.
    """
    if not data:
        return Rejection(source, RejectionReason.EMPTY, "0 bytes")
    why = sniff_binary(data)
    if why is not None:
        return Rejection(source, RejectionReason.BINARY, why)
    text = _decode(data, source, charset, html)
    if isinstance(text, Rejection):
        return text
    control = count_control(text[:SNIFF_BYTES])
    if control and control / min(len(text), SNIFF_BYTES) > _CONTROL_RATIO:
        return Rejection(source, RejectionReason.BINARY, "decoded text is mostly control characters")
    if not text.strip():
        return Rejection(source, RejectionReason.EMPTY, "whitespace only")
    return text


def _decode(data: bytes, source: str, charset: str | None, html: bool) -> str | Rejection:
    """Try the BOM, UTF-8 and the declared charsets in turn."""
    bom = bom_encoding(data)
    if bom is not None:
        try:
            return data.decode(bom)
        except UnicodeDecodeError as exc:
            return Rejection(source, RejectionReason.UNDECODABLE, f"invalid {bom} after BOM at byte {exc.start}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    declared = [c for c in (charset, declared_html_charset(data) if html else None) if c]
    for label in declared:
        codec = normalize_charset(label)
        if codec is None or codec == "utf-8":
            continue
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            if codec == "cp1252":  # five bytes are undefined in cp1252 but valid ISO-8859-1
                try:
                    return data.decode("latin-1")
                except UnicodeDecodeError:
                    pass
            continue
    tried = ", ".join(["utf-8", *declared])
    return Rejection(source, RejectionReason.UNDECODABLE,
                     f"not valid {tried} (first bad byte at offset {utf8_error.start})")


def looks_like_html(text: str) -> bool:
    """Return True if ``text`` starts like an HTML document or is dense with common tags."""
    head = text[:SNIFF_BYTES].lstrip("\ufeff")
    if _HTML_START.match(head):
        return True
    return len(_HTML_TAG.findall(head)) >= 2


def looks_like_feed(data: bytes) -> bool:
    """Return True if the first element of ``data`` is an RSS, Atom or RDF feed root."""
    head = data[:SNIFF_BYTES]
    encoding = bom_encoding(head)
    text = head.decode(encoding or "utf-8", "ignore") if encoding != "utf-32" else ""
    text = re.sub(r"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", "", text, flags=re.S | re.I).lstrip("\ufeff \t\r\n")
    return _FEED_ROOT.match(text) is not None
