"""Every loader reads hostile text in time linear in its size.

A regular expression that backtracks, or a pass that looks back over what it
has read, turns a small file into minutes on the GUI thread (files up to
512 KB are read there). Each loader is timed on text built from adversarial
pieces (unclosed and nested comments, unclosed scripts and styles, runs of
``<``, ``&``, spaces, Arabic and its marks) at a size n and at 2n: the ratio
of the CPU times, never a limit in seconds (``tests/core/linear_time.py``).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from reader.text import DocumentError, load_document
from reader.text.cleaning import clean_paragraphs
from reader.text.encoding import decode_text
from reader.text.loading import _looks_like_html
from reader.text.tokens import tokenize
from reader.text.webpage import _page_words, decode_html_bytes
from tests.core.linear_time import LINEAR_RATIO, growth

PIECES = (
    "<!--",
    "-->",
    "<!-- c -->",
    "<!-- <!-- -->",
    "<script>",
    "</script",
    "<style x>",
    "<",
    ">",
    "&",
    "&amp",
    "&#",
    "quot;",
    " ",
    "\n",
    "\u00a0",
    "بوتين",
    "\u064e\u064b",
    "\u0651",
    "ـ",
    "\u200c",
    "1,",
    "<p>",
    "<html>",
    "<!doctype html>",
    "<?xml",
    '<meta charset="windows-1252">',
    "x",
)
# Characters of text at the smaller size: enough that a linear loader takes milliseconds.
SIZE = 16_000


def _repeated(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


def _file_loader(suffix: str) -> Callable[[str], object]:
    folder = Path(tempfile.mkdtemp(prefix="linear-time-"))

    def load(text: str) -> object:
        path = folder / f"article-{len(text)}{suffix}"
        if not path.exists():
            path.write_text(text, encoding="utf-8")
        try:
            return load_document(path)
        except DocumentError:
            return None  # refusing is an answer too: only its time counts here

    return load


def _misdeclared_page(text: str) -> object:
    return decode_html_bytes(
        ('<meta charset="windows-1252">' + text).encode("cp1256", errors="ignore")
    )


LOADERS: dict[str, Callable[[str], object]] = {
    "decode_text": lambda text: _decoded(text.encode("utf-8")),
    "misdeclared page": _misdeclared_page,
    "page words": _page_words,
    "page start": _looks_like_html,
    "clean_paragraphs": clean_paragraphs,
    "tokenize": tokenize,
    "a .txt file": _file_loader(".txt"),
    "a file without a suffix": _file_loader(""),
    "a .html file": _file_loader(".html"),
}


def _decoded(data: bytes) -> object:
    try:
        return decode_text(data)
    except DocumentError:
        return None


@pytest.mark.parametrize("loader", LOADERS)
@settings(max_examples=4, deadline=None, derandomize=True, database=None)
@given(unit=st.lists(st.sampled_from(PIECES), min_size=1, max_size=6).map("".join))
@example(unit="<!-- c -->\n")
@example(unit="<script>")
@example(unit="<")
@example(unit="&")
@example(unit="\u064e\u064b")
@example(unit="<!-- <style>")
def test_each_loader_reads_adversarial_text_in_linear_time(loader: str, unit: str) -> None:
    operation = LOADERS[loader]
    small, large = _repeated(unit, SIZE), _repeated(unit, 2 * SIZE)
    ratio = growth(operation, small, large, runs=3)
    assert ratio < LINEAR_RATIO, f"{loader} on {unit!r}: x{ratio:.1f} for twice the text"
