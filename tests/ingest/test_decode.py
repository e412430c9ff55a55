"""Binary sniffing, charset handling and type sniffing."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factiongraph.ingest.decode import (
    count_control,
    declared_html_charset,
    decode_bytes,
    looks_like_feed,
    looks_like_html,
    normalize_charset,
    sniff_binary,
)
from factiongraph.model.rejection import Rejection, RejectionReason

from .factory import ARABIC, PNG_BYTES


@pytest.mark.parametrize(("data", "label"), [
    (PNG_BYTES, "PNG"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"PK\x03\x04\x14\x00\x00\x00", "ZIP"),
    (b"\x7fELF\x02\x01\x01\x00", "ELF"),
    (b"GIF89a\x01\x00", "GIF"),
])
def test_known_signatures_are_binary(data: bytes, label: str) -> None:
    why = sniff_binary(data)
    assert why is not None and label in why


def test_nul_bytes_and_control_bytes_are_binary() -> None:
    assert sniff_binary(b"hello\x00world") == "contains NUL bytes"
    assert sniff_binary(b"\x01\x02\x03\x04abc\x05\x06") is not None
    assert sniff_binary(b"ordinary text, with tabs\tand\r\nnewlines") is None


def test_utf16_text_is_not_mistaken_for_binary() -> None:
    data = codecs.BOM_UTF16_LE + "Militia statement".encode("utf-16-le")
    assert sniff_binary(data) is None
    assert decode_bytes(data, "x") == "Militia statement"


@pytest.mark.parametrize("data", [
    "plain \u00e9t\u00e9 text".encode(),
    codecs.BOM_UTF8 + "plain \u00e9t\u00e9 text".encode(),
    "plain \u00e9t\u00e9 text".encode("utf-16"),
    codecs.BOM_UTF16_BE + "plain \u00e9t\u00e9 text".encode("utf-16-be"),
])
def test_utf8_and_bom_encodings_decode(data: bytes) -> None:
    assert decode_bytes(data, "x") == "plain \u00e9t\u00e9 text"


def test_undeclared_latin1_is_undecodable_not_guessed() -> None:
    result = decode_bytes("caf\xe9 cr\xe8me".encode("latin-1"), "notes.txt")
    assert isinstance(result, Rejection)
    assert result.reason is RejectionReason.UNDECODABLE
    assert result.source == "notes.txt"
    assert "\n" not in result.detail


def test_declared_header_charset_is_honoured() -> None:
    assert decode_bytes(ARABIC.encode("cp1256"), "x", charset="windows-1256") == ARABIC


def test_meta_charset_is_honoured_for_html_only() -> None:
    data = b"<html><head><meta charset='iso-8859-1'></head><body>caf\xe9</body></html>"
    assert "caf\u00e9" in str(decode_bytes(data, "x", html=True))
    rejected = decode_bytes(data, "x", html=False)
    assert isinstance(rejected, Rejection) and rejected.reason is RejectionReason.UNDECODABLE


def test_valid_utf8_wins_over_a_wrong_declaration() -> None:
    data = "<html><body>r\u00e9sum\u00e9</body></html>".encode()
    assert decode_bytes(data, "x", charset="iso-8859-1", html=True) == data.decode("utf-8")


def test_unknown_declared_charset_is_undecodable() -> None:
    result = decode_bytes(b"caf\xe9", "x", charset="x-no-such-charset")
    assert isinstance(result, Rejection) and result.reason is RejectionReason.UNDECODABLE


@pytest.mark.parametrize(("data", "reason"), [
    (b"", RejectionReason.EMPTY),
    (b" \n\t\r\n ", RejectionReason.EMPTY),
    (codecs.BOM_UTF8 + b"  \n", RejectionReason.EMPTY),
    (PNG_BYTES, RejectionReason.BINARY),
])
def test_empty_and_binary_are_rejected(data: bytes, reason: RejectionReason) -> None:
    result = decode_bytes(data, "x")
    assert isinstance(result, Rejection) and result.reason is reason


def test_charset_labels() -> None:
    assert normalize_charset("ISO-8859-1") == "cp1252"
    assert normalize_charset("UTF8") == "utf-8"
    assert normalize_charset("bogus-charset") is None
    legacy = b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'
    assert declared_html_charset(legacy) == "windows-1256"
    assert declared_html_charset(b"<meta charset=utf-16>") == "utf-8"
    assert declared_html_charset(b"<p>no declaration</p>") is None


def test_html_sniffing() -> None:
    assert looks_like_html("<!DOCTYPE html><html><body>x</body></html>")
    assert looks_like_html("\n  <html lang='en'>")
    assert looks_like_html("<div><p>one</p><p>two</p></div>")
    assert not looks_like_html("Plain text that mentions a <tag> once.")
    assert not looks_like_html("No markup at all.")


def test_feed_sniffing() -> None:
    assert looks_like_feed(b'<?xml version="1.0"?>\n<!-- generator --><rss version="2.0"><channel/></rss>')
    assert looks_like_feed(b'<feed xmlns="http://www.w3.org/2005/Atom"></feed>')
    assert looks_like_feed(b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="x"></rdf:RDF>')
    assert not looks_like_feed(b"<html><body><rss>quoted</rss></body></html>")
    assert not looks_like_feed(b"<?xml version='1.0'?><inventory/>")


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), min_size=1)
       .filter(lambda t: bool(t.strip()) and not t.startswith("\ufeff")))
def test_utf8_text_round_trips(text: str) -> None:
    assert decode_bytes(text.encode("utf-8"), "x") == text


_CONTROL_BY_DEFINITION = {c for c in range(0x20) if c not in (0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B)} | {0x7F}


@given(st.binary(max_size=200))
def test_control_bytes_are_counted_as_defined(data: bytes) -> None:
    assert count_control(data) == sum(1 for b in data if b in _CONTROL_BY_DEFINITION)


@given(st.text(alphabet=st.characters(max_codepoint=0x24F), max_size=200))
def test_control_characters_are_counted_as_defined(text: str) -> None:
    assert count_control(text) == sum(1 for ch in text if ord(ch) in _CONTROL_BY_DEFINITION)
