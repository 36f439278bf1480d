"""Preparing a long text a window of paragraphs at a time.

A 15 MB file prepared as one Document held every token, reading and vowel of it
at once (2.5 GB) and wrote nothing until the end. Here the cleaned paragraphs
are laid out and prepared a window at a time, through the same
:func:`reader.reading.prepare.prepare` as the window's article, and each window
is let go once its caller has written it: memory is bounded by one window, and
the cost of a word is the article's.

A window is whole paragraphs (a paragraph is never cut, so its sentences are
those of the whole text) of about :data:`WINDOW_CHARS` characters. A text of
one window is prepared exactly as :func:`prepare` prepares its Document.
Evidence the pipeline takes from the whole document (a name found elsewhere in
it) reaches only within a window.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.reading.prepare import Prepared, prepare
from reader.text.document import build_document

if TYPE_CHECKING:
    from reader.morphology.analyzer import Morphology
    from reader.text.loading import CleanedText

__all__ = ["WINDOW_CHARS", "Window", "paragraph_windows", "prepare_in_windows"]

# About 300 sentences of news (some 6,000 words): far more than an article, so an
# article is one window, and small enough that a window's analyses stay a few MB.
WINDOW_CHARS = 40_000


@dataclass(frozen=True)
class Window:
    """One window prepared; its Document's offsets are its own, from 0.

    ``start``: where its text begins in the whole text (its paragraphs are joined
    by the same "\\n" there); ``first_token``: the whole text's index of its first
    token.
    """

    prepared: Prepared
    start: int
    first_token: int


def paragraph_windows(paragraphs: list[str], window_chars: int) -> Iterator[range]:
    """The paragraph indices of each window: whole paragraphs, each window at least
    one, a new one begun once ``window_chars`` characters are reached."""
    first, size = 0, 0
    for index, paragraph in enumerate(paragraphs):
        size += len(paragraph) + 1
        if size >= window_chars:
            yield range(first, index + 1)
            first, size = index + 1, 0
    if first < len(paragraphs):
        yield range(first, len(paragraphs))


def prepare_in_windows(
    cleaned: CleanedText,
    morphology: Morphology,
    *,
    window_chars: int | None = None,
    vowels: bool = True,
) -> Iterator[Window]:
    """Each window of ``cleaned`` prepared in turn (analysis, names, vowels), lazily:
    the next is laid out only when asked for. ``window_chars``: by default
    :data:`WINDOW_CHARS`, read at each call."""
    size = WINDOW_CHARS if window_chars is None else window_chars
    start = first_token = 0
    for indices in paragraph_windows(cleaned.paragraphs, size):
        first = indices.start == 0
        paragraphs = cleaned.paragraphs[indices.start : indices.stop]
        document = build_document(
            paragraphs,
            title=cleaned.title,
            # Only the text's first paragraph can be its title.
            has_title_paragraph=cleaned.has_title_paragraph and first,
            source_path=cleaned.source_path,
            encoding=cleaned.encoding,
            warnings=cleaned.warnings if first else (),
        )
        yield Window(prepare(document, morphology, vowels=vowels), start, first_token)
        start += len(document.text) + 1
        first_token += len(document.tokens)
