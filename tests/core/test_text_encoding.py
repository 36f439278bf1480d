"""Every supported encoding of the bundled article gives the same document."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from reader.text import (
    BinaryFileError,
    decode_text_bytes,
    document_from_text,
    load_document,
)

ARTICLE = Path(__file__).parents[2] / "resources" / "articles" / "kerry-moscow.txt"
ARTICLE_TEXT = ARTICLE.read_text(encoding="utf-8")


def iso8859_6_subset(text: str) -> str:
    """The text limited to characters ISO-8859-6 has.

    ISO-8859-6 lacks much of Unicode Arabic (Arabic-Indic digits, ی, curly
    quotes...). The bundled article happens to use only characters it has, so
    nothing is dropped today; the helper keeps the test honest if it changes.
    """
    return "".join(c for c in text if c.encode("iso8859_6", errors="ignore"))


def signature(doc):
    return [(t.text, t.kind) for t in doc.tokens]


@pytest.fixture(scope="module")
def reference():
    return load_document(ARTICLE)


@pytest.mark.parametrize(
    ("codec", "expected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8"),  # with BOM
        ("utf-16", "utf-16"),  # BOM, native order (little endian)
        ("utf-16-le-bom", "utf-16"),
        ("utf-16-be-bom", "utf-16"),
        ("cp1256", "cp1256"),
    ],
)
def test_encodings_round_trip_to_the_same_tokens(tmp_path, reference, codec, expected):
    if codec.endswith("-bom"):
        base = codec.removesuffix("-bom")
        bom = codecs.BOM_UTF16_LE if base.endswith("le") else codecs.BOM_UTF16_BE
        data = bom + ARTICLE_TEXT.encode(base)
    else:
        data = ARTICLE_TEXT.encode(codec)
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    doc = load_document(path)
    assert doc.encoding == expected
    assert signature(doc) == signature(reference)
    assert doc.fingerprint == reference.fingerprint
    assert doc.text == reference.text
    assert "\ufeff" not in doc.text


def test_iso8859_6_round_trips_the_encodable_article(tmp_path):
    text = iso8859_6_subset(ARTICLE_TEXT)
    assert text == ARTICLE_TEXT  # see iso8859_6_subset: nothing had to go
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode("iso8859_6"))
    doc = load_document(path)
    assert doc.encoding == "iso8859_6"
    expected = document_from_text(text)
    assert signature(doc) == signature(expected)
    assert doc.fingerprint == expected.fingerprint


@pytest.mark.parametrize("codec", ["cp1256", "iso8859_6"])
def test_arabic_code_pages_are_told_apart_on_short_text(codec):
    # One sentence: short enough that generic detectors guess wrong.
    sentence = "وقالت صحيفة الدايلي ميل البريطانية إن كيري أخبر بوتين."
    assert decode_text_bytes(sentence.encode(codec)) == (sentence, codec)


def test_every_paragraph_of_the_article_decodes_in_both_code_pages():
    for paragraph in filter(None, ARTICLE_TEXT.split("\n")):
        for codec in ("cp1256", "iso8859_6"):
            assert decode_text_bytes(paragraph.encode(codec)) == (paragraph, codec)


def test_utf16_without_bom_is_recognised():
    text, name = decode_text_bytes(ARTICLE_TEXT.encode("utf-16-le"))
    assert (text, name) == (ARTICLE_TEXT, "utf-16")


def test_latin_text_in_a_western_code_page_is_not_forced_into_arabic():
    # Not an Arabic code page: the detector's guess is used. It may pick a
    # sibling Latin code page for accented letters (charset-normalizer does),
    # but the text must never come out as Arabic mojibake.
    french = "Le ministre a déclaré mercredi à la presse que la réunion était très importante."
    text, _name = decode_text_bytes(french.encode("cp1252"))
    assert not any("\u0600" <= c <= "\u06ff" for c in text)
    assert text.startswith("Le ministre a d")


def test_binary_bytes_are_refused():
    with pytest.raises(BinaryFileError):
        decode_text_bytes(bytes(range(256)) * 4)
