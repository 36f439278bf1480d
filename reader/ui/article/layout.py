"""The article cut into display blocks of bounded size, and where each token lands.

Qt lays a QTextDocument out block by block, and a block all at once: one
paragraph of 5 MB without a space took over a minute and froze the window. So
a long paragraph is shown as several blocks of at most :data:`BLOCK_CHARS`
characters (cut after the space that follows a word, or inside a run longer
than that), and a run
longer than any word gets a zero-width space every :data:`SOFT_BREAK_EVERY`
characters, a place to wrap that costs nothing to find. Both are in the
QTextDocument only: ``Document.text`` and every token offset are unchanged, and
:class:`TokenRanges` says where each token is shown.

Positions in a QTextDocument count UTF-16 units, where ``Document`` offsets count
code points: a character above U+FFFF (an emoji, a flag's letters, 𝑥) is one
offset and two positions. :func:`qt_length` is where the two meet; every range
here is in positions, and ``reader.ui.article.hit_testing`` maps offsets to them.

No Qt here: the view inserts the blocks (``reader.ui.article.view``).
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from reader.text import Document, Span

BLOCK_CHARS = 1000
SOFT_BREAK_AFTER = 64  # a run longer than this is no word: it gets soft breaks
SOFT_BREAK_EVERY = 32
ZERO_WIDTH_SPACE = "\u200b"
_ABOVE_BMP_RE = re.compile("[\U00010000-\U0010ffff]")


def qt_length(text: str) -> int:
    """How many positions ``text`` takes in a QTextDocument: its UTF-16 units."""
    return len(text.encode("utf-16-le")) // 2


def characters_in(text: str, start: int, units: int) -> int:
    """How many characters of ``text`` from ``start`` on take ``units`` UTF-16 units:
    the inverse of :func:`qt_length` (a position inside a pair counts its character)."""
    if not has_wide_characters(text, start, start + units):
        return units
    at = start
    while units > 0 and at < len(text):
        units -= 2 if text[at] > "\uffff" else 1
        at += 1
    return at - start + max(0, units)


def has_wide_characters(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether ``text[start:end]`` holds a character above U+FFFF (two UTF-16 units)."""
    return _ABOVE_BMP_RE.search(text, start, len(text) if end is None else end) is not None


class TokenRanges:
    """Token index -> ``(start, end)`` in the QTextDocument, two machine words per token.

    A list of tuples would cost some 100 bytes a token: 400 MB on a 20 MB article.
    """

    def __init__(self, count: int) -> None:
        self.starts = array("q", bytes(8 * count))
        self.ends = array("q", bytes(8 * count))

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, index: int) -> tuple[int, int]:
        return self.starts[index], self.ends[index]


@dataclass(frozen=True, slots=True)
class DisplayBlock:
    text: str
    paragraph: int
    is_title: bool
    continued: bool  # the paragraph goes on in the next block
    tokens_done: int  # the ranges of every token before this index are known


def _soft_broken(shown: str) -> Iterator[str]:
    """``shown`` in pieces, each but the last ending with a zero-width space."""
    if len(shown) <= SOFT_BREAK_AFTER:
        yield shown
        return
    last = len(shown) - SOFT_BREAK_EVERY
    for at in range(0, len(shown), SOFT_BREAK_EVERY):
        piece = shown[at : at + SOFT_BREAK_EVERY]
        yield piece if at >= last else piece + ZERO_WIDTH_SPACE


def _wide_tokens(model: Document, paragraph: Span) -> frozenset[int]:
    """The tokens of ``paragraph`` with a character above U+FFFF in them or in the space
    before them (``paragraph.end_token``: in the space after its last token)."""
    text = model.text
    if not has_wide_characters(text, paragraph.start, paragraph.end):
        return frozenset()
    wide = set()
    tokens = model.tokens
    for found in _ABOVE_BMP_RE.finditer(text, paragraph.start, paragraph.end):
        # The first token ending after the character: it or the space before it holds it.
        index = bisect_right(model._starts, found.start(), paragraph.first_token) - 1
        if index < paragraph.first_token or found.start() >= tokens[index].end:
            index += 1
        wide.add(index)
    return frozenset(wide)


def display_blocks(
    model: Document, vowelled: Mapping[int, str], ranges: TokenRanges
) -> Iterator[DisplayBlock]:
    """The blocks to insert, in order, filling ``ranges`` as tokens are placed.

    Positions count as a QTextDocument does: one per UTF-16 unit, one per block
    separator (the first block needs none).
    """
    text, tokens = model.text, model.tokens
    starts, ends = ranges.starts, ranges.ends
    position = 0
    for paragraph in model.paragraphs:
        if paragraph.index:
            position += 1
        is_title = model.has_title_paragraph and paragraph.index == 0
        wide = _wide_tokens(model, paragraph)
        parts: list[str] = []
        size = 0
        at = paragraph.start
        for index in range(paragraph.first_token, paragraph.end_token):
            token = tokens[index]
            # Most tokens hold no character above U+FFFF: their lengths need no encoding.
            length = qt_length if index in wide else len
            gap = text[at : token.start]
            parts.append(gap)
            size += len(gap)
            position += length(gap)
            shown = vowelled.get(index, token.text)
            if size and size + min(len(shown), BLOCK_CHARS) > BLOCK_CHARS:
                yield DisplayBlock("".join(parts), paragraph.index, is_title, True, index)
                parts, size = [], 0
                position += 1
            starts[index] = position
            for piece in _soft_broken(shown):
                if size and size + len(piece) > BLOCK_CHARS:
                    yield DisplayBlock("".join(parts), paragraph.index, is_title, True, index)
                    parts, size = [], 0
                    position += 1
                parts.append(piece)
                size += len(piece)
                position += length(piece)
            ends[index] = position
            at = token.end
        tail = text[at : paragraph.end]
        parts.append(tail)
        position += qt_length(tail) if paragraph.end_token in wide else len(tail)
        yield DisplayBlock("".join(parts), paragraph.index, is_title, False, paragraph.end_token)
