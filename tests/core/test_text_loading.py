"""Loading files: the Document API on the real article, and every refusal."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest

import reader.system.files as files
from reader.text import (
    MAX_FILE_BYTES,
    SUPPORTED_SUFFIXES,
    BinaryFileError,
    DocumentError,
    EmptyDocumentError,
    TokenKind,
    TooLargeError,
    UnreadableFileError,
    UnsupportedFormatError,
    document_from_text,
    load_document,
)

ARTICLE = Path(__file__).parents[2] / "resources" / "articles" / "kerry-moscow.txt"


@pytest.fixture(scope="module")
def article():
    return load_document(ARTICLE)


def test_article_document(article):
    assert article.source_path == ARTICLE
    assert article.encoding == "utf-8"
    assert article.title == "kerry-moscow"  # first line is a sentence, so the file name
    assert not article.has_title_paragraph
    assert len(article.fingerprint) == 64
    assert "\n\n" not in article.text
    assert len(article.paragraphs) == article.text.count("\n") + 1
    assert 450 < len(article.tokens) < 520
    assert sum(1 for _ in article.arabic_tokens()) > 400


def test_paragraph_and_token_offsets(article):
    text = article.text
    for i, paragraph in enumerate(article.paragraphs):
        assert paragraph.index == i
        body = text[paragraph.start : paragraph.end]
        assert body == body.strip() and "\n" not in body and body
        for token in article.tokens[paragraph.first_token : paragraph.end_token]:
            assert token.paragraph == i
            assert paragraph.start <= token.start < token.end <= paragraph.end
    for i, token in enumerate(article.tokens):
        assert token.index == i
        assert text[token.start : token.end] == token.text


def test_token_at(article):
    first = article.tokens[0]
    assert article.token_at(0) is first
    assert article.token_at(first.end - 1) is first
    assert article.token_at(first.end) is None  # the space after it
    assert article.token_at(-1) is None
    assert article.token_at(len(article.text)) is None
    comma = next(t for t in article.tokens if t.text == "،")
    assert article.token_at(comma.start) is comma
    assert comma.kind is TokenKind.PUNCT


def test_sentences_of_the_article(article):
    sentences = article.sentences
    # 11 body paragraphs, one holding two sentences, plus two subheadings.
    assert len(sentences) == 14
    covered = []
    for i, sentence in enumerate(sentences):
        assert sentence.index == i
        tokens = article.sentence_tokens(i)
        assert tokens and all(t.sentence == i for t in tokens)
        paragraph = article.paragraphs[tokens[0].paragraph]
        assert paragraph.start <= sentence.start < sentence.end <= paragraph.end
        assert all(t.paragraph == tokens[0].paragraph for t in tokens)
        assert (
            article.text[sentence.start : sentence.end]
            == article.text[tokens[0].start : tokens[-1].end]
        )
        covered.extend(t.index for t in tokens)
    assert covered == list(range(len(article.tokens)))
    # The quotation's closing mark stays with its sentence, before the full stop.
    quoted = next(s for s in sentences if "«" in article.text[s.start : s.end])
    assert article.text[quoted.start : quoted.end].endswith("وغيرها».")
    # A subheading without final punctuation is a sentence by itself.
    assert any(article.text[s.start : s.end] == "غيّب الصراع" for s in sentences)


def test_sentence_splitting_rules():
    doc = document_from_text("بلغ النمو 3.5 في المئة. هل انتهى؟! نعم… قال: «انتهى.» ثم غادر")
    assert [doc.text[s.start : s.end] for s in doc.sentences] == [
        "بلغ النمو 3.5 في المئة.",
        "هل انتهى؟!",
        "نعم…",
        "قال: «انتهى.»",
        "ثم غادر",
    ]
    # Arabic typed without a space after the full stop still splits; U.S. does not.
    doc = document_from_text("انتهت الجولة.وقال كيري إن U.S. officials agree.")
    assert [doc.text[s.start : s.end] for s in doc.sentences] == [
        "انتهت الجولة.",
        "وقال كيري إن U.S. officials agree.",
    ]


def test_paste_gives_the_same_fingerprint(article):
    pasted = document_from_text(ARTICLE.read_text(encoding="utf-8"))
    assert pasted.fingerprint == article.fingerprint
    assert pasted.source_path is None
    # Windows line endings and stray spaces from the clipboard change nothing.
    messy = ARTICLE.read_text(encoding="utf-8").replace("\n", "  \r\n")
    assert document_from_text(messy).fingerprint == article.fingerprint
    # Nor does pasting the shown text itself, or giving a title.
    again = document_from_text(article.text, title="كيري في موسكو")
    assert again.fingerprint == article.fingerprint
    assert again.title == "كيري في موسكو"


def test_supported_suffixes_are_those_announced():
    assert SUPPORTED_SUFFIXES == (".txt", ".text", ".html", ".htm")
    assert MAX_FILE_BYTES == 20 * 1024 * 1024


def _png_bytes() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\x00"))
        + chunk(b"IEND", b"")
    )


def _assert_refused(path: Path, error_class: type[DocumentError], *words: str) -> None:
    with pytest.raises(error_class) as caught:
        load_document(path)
    message = str(caught.value)
    assert message.endswith(".") and "\n" not in message
    for word in words:
        assert word in message


def test_png_renamed_txt_is_binary(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(_png_bytes())
    _assert_refused(path, BinaryFileError, "PNG image", ".txt")


def test_zip_renamed_txt_is_binary(tmp_path):
    path = tmp_path / "archive.txt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("article.txt", "مرحبا")
    _assert_refused(path, BinaryFileError, "ZIP")


def test_nul_bytes_without_signature_are_binary(tmp_path):
    path = tmp_path / "data.txt"
    path.write_bytes(b"\x00\x01\x02\x03binary\x00\xff\xfe\x00" * 50)
    _assert_refused(path, BinaryFileError, "binary")


def test_unsupported_extension(tmp_path):
    path = tmp_path / "article.pdf"
    path.write_bytes(b"%PDF-1.4\n")
    _assert_refused(path, UnsupportedFormatError, "article.pdf", "PDF", ".txt")


def test_unknown_extension_with_binary_content_is_unsupported(tmp_path):
    path = tmp_path / "thing.dat"
    path.write_bytes(_png_bytes())
    _assert_refused(path, UnsupportedFormatError, "thing.dat")


def test_unknown_or_missing_extension_with_text_is_read(tmp_path):
    for name in ("article", "article.md"):
        path = tmp_path / name
        path.write_text(ARTICLE.read_text(encoding="utf-8"), encoding="cp1256")
        doc = load_document(path)
        assert doc.encoding == "cp1256"
        assert doc.title == "article"
        assert doc.fingerprint == load_document(ARTICLE).fingerprint


@pytest.mark.parametrize("content", [b"", b"   \n\r\n\t  \n", "\u00a0\u200b\n".encode()])
def test_empty_or_whitespace_only(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    _assert_refused(path, EmptyDocumentError, "empty.txt", "no readable text")


def test_empty_paste():
    with pytest.raises(EmptyDocumentError):
        document_from_text(" \n\u200f\n")


def test_too_large_is_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: no 20 MB written to disk
        handle.truncate(MAX_FILE_BYTES + 1)

    def no_reading(*args, **kwargs):
        raise AssertionError("the file was opened although stat() said it is too large")

    monkeypatch.setattr(Path, "open", no_reading)
    _assert_refused(path, TooLargeError, "huge.txt", "20 MB")


@pytest.mark.parametrize(
    ("size", "shown"),
    [
        (21_000_000, "20.1 MB"),  # 20.03 MB of 1024×1024 bytes, rounded up
        (MAX_FILE_BYTES + 1, "20.1 MB"),  # just over: never "20 MB, larger than 20 MB"
        (21 * 1024 * 1024, "21.0 MB"),
        (150 * 1024 * 1024 + 1, "150.1 MB"),
    ],
)
def test_too_large_message_gives_a_size_above_the_limit(tmp_path, size, shown):
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:  # sparse
        handle.truncate(size)
    with pytest.raises(TooLargeError) as caught:
        load_document(path)
    message = str(caught.value)
    assert f"is {shown}, larger than the 20 MB an article can be" in message
    assert "is 20 MB" not in message and "is 20.0 MB" not in message


def test_missing_file(tmp_path):
    _assert_refused(tmp_path / "gone.txt", UnreadableFileError, "gone.txt")


def test_directory(tmp_path):
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    _assert_refused(folder, UnreadableFileError, "folder")


def test_permission_denied(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text("سر", encoding="utf-8")
    if os.geteuid() != 0:
        path.chmod(0)
    else:  # root reads everything: simulate what the OS would say
        real_open = os.open

        def denied(name, *args, **kwargs):
            if Path(name) == path:
                raise PermissionError(13, "Permission denied")
            return real_open(name, *args, **kwargs)

        monkeypatch.setattr(files.os, "open", denied)
    try:
        _assert_refused(path, UnreadableFileError, "secret.txt", "permission")
    finally:
        path.chmod(0o644)


def test_text_package_needs_neither_qt_nor_camel_tools():
    code = (
        "import sys, reader.text\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'camel_tools')]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
