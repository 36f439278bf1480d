"""The document model shared by the reader, the store and the UI.

Offsets are Python ``str`` indices into ``Document.text`` (code points), which
is what the UI converts to QTextDocument positions.
"""

from __future__ import annotations

import enum
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from reader.text.arabic import strip_tatweel


class TokenKind(enum.StrEnum):
    ARABIC = "arabic"
    NUMBER = "number"
    LATIN = "latin"
    PUNCT = "punct"
    # A run of letters longer than any word (reader.text.tokens.MAX_WORD_LETTERS):
    # shown, never looked up.
    OVERLONG = "overlong"


@dataclass(frozen=True, slots=True)
class Token:
    index: int
    text: str
    start: int
    end: int
    kind: TokenKind
    sentence: int
    paragraph: int

    @property
    def lookup(self) -> str:
        """The form to look up: tatweel removed, diacritics kept (they disambiguate)."""
        return strip_tatweel(self.text)


@dataclass(frozen=True, slots=True)
class Span:
    """A paragraph or a sentence: characters [start, end), tokens [first_token, end_token)."""

    index: int
    start: int
    end: int
    first_token: int
    end_token: int


Paragraph = Span
Sentence = Span


@dataclass(frozen=True)
class Document:
    text: str
    title: str
    has_title_paragraph: bool
    paragraphs: tuple[Span, ...]
    sentences: tuple[Span, ...]
    tokens: tuple[Token, ...]
    source_path: Path | None
    encoding: str | None
    fingerprint: str
    # What the learner should know about how the file was read (damaged bytes
    # replaced...): one sentence each, shown beside the text, never blocking it.
    warnings: tuple[str, ...] = field(default=(), compare=False)
    # Token starts, kept once so hover lookups are a bisect, not a scan.
    _starts: tuple[int, ...] = field(default=(), repr=False, compare=False)
    # The indices of the Arabic tokens, once, where the document is made (on the
    # worker for a long file): the window needs them and must not scan 4M tokens.
    _arabic: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self._starts and self.tokens:
            object.__setattr__(self, "_starts", tuple(t.start for t in self.tokens))
        if not self._arabic and self.tokens:
            arabic = tuple(t.index for t in self.tokens if t.kind is TokenKind.ARABIC)
            object.__setattr__(self, "_arabic", arabic)

    def arabic_indices(self) -> tuple[int, ...]:
        """The indices of the Arabic tokens, in order."""
        return self._arabic

    def token_at(self, offset: int) -> Token | None:
        """The token covering character ``offset``; None between tokens."""
        i = bisect_right(self._starts, offset) - 1
        if i < 0:
            return None
        token = self.tokens[i]
        return token if offset < token.end else None

    def sentence_tokens(self, sentence: int) -> tuple[Token, ...]:
        span = self.sentences[sentence]
        return self.tokens[span.first_token : span.end_token]

    def arabic_tokens(self) -> Iterator[Token]:
        return (t for t in self.tokens if t.kind is TokenKind.ARABIC)
