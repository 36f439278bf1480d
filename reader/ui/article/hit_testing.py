"""Where things are in the article view: screen points, QTextDocument positions, tokens.

A mixin of :class:`reader.ui.article.view.ArticleView`, and the one place where
the core's offsets (``Document`` offsets: code points of ``Document.text``) and
Qt's positions (UTF-16 units, vowels as shown, blocks cut for layout) are
converted: every hit-test, selection, scroll to an offset and note anchor goes
through these methods and the view's ``_ranges`` (token index -> [start, end)
shown, in positions; :func:`reader.ui.article.layout.display_blocks`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QTextCursor

from reader.text import Document
from reader.ui.article.layout import characters_in, qt_length

if TYPE_CHECKING:
    from array import array

    from PySide6.QtWidgets import QTextBrowser

    from reader.ui.article.layout import TokenRanges

    _Base = QTextBrowser
else:
    _Base = object


class HitTesting(_Base):
    """Needs, from the view: ``document_model``, ``_ranges``, ``_starts``, ``_built``
    and ``_anchor``."""

    document_model: Document | None
    _ranges: TokenRanges
    _starts: array[int]
    _built: int
    _anchor: tuple[int, int] | None

    def token_at(self, viewport_pos: QPoint) -> int | None:
        """The token under a viewport point, or None (space, punctuation, margin)."""
        if self.document_model is None:
            return None
        point = QPointF(
            viewport_pos.x() + self.horizontalScrollBar().value(),
            viewport_pos.y() + self.verticalScrollBar().value(),
        )
        document = self.document()
        hit = document.documentLayout().hitTest(point, Qt.HitTestAccuracy.ExactHit)
        if hit < 0:
            return None
        # A hit is a cursor position between two characters: check which word the
        # point is really over, with the line's own geometry. Whole words, not
        # characters, because ligatures (لم, لا) give no x inside themselves.
        for char in (hit, hit - 1):
            if char < 0:
                continue
            index = self._token_of_char(char)
            if index is None:
                continue
            block = document.findBlock(char)
            layout = block.layout()
            start, end = (p - block.position() for p in self._ranges[index])
            line = layout.lineForTextPosition(char - block.position())
            if not line.isValid():
                continue
            # An overlong run spans lines and blocks: its part on this line.
            start = max(start, line.textStart())
            end = min(end, line.textStart() + line.textLength())
            local = point - layout.position()
            if not line.y() <= local.y() < line.y() + line.height():
                continue
            left, right = sorted((line.cursorToX(start)[0], line.cursorToX(end)[0]))
            if left <= local.x() <= right:
                return index
        return None

    def _token_of_char(self, position: int) -> int | None:
        """The token shown at QTextDocument ``position``, from the ranges (no per-word format:
        one format per token cost gigabytes on a 20 MB article)."""
        index = self._token_shown_before(position)
        if index < 0 or position >= self._ranges.ends[index]:
            return None
        return index

    def token_range(self, index: int) -> tuple[int, int]:
        """Where a token is shown in the QTextDocument."""
        return self._ranges[index]

    def token_rect(self, index: int) -> QRect:
        """The token's box in viewport coordinates (its first line's part, if it wraps).

        From the line's own geometry, as :meth:`token_at` hit-tests: a cursor
        rectangle at the end of a line's last word lies on the next line.
        """
        if index >= self._built:
            return QRect()  # not laid out yet
        start, end = self._ranges[index]
        block = self.document().findBlock(start)
        layout = block.layout()
        line = layout.lineForTextPosition(start - block.position())
        if not line.isValid():  # not laid out yet
            cursor = QTextCursor(self.document())
            cursor.setPosition(start)
            return self.cursorRect(cursor)
        line_end = line.textStart() + line.textLength()
        first = line.cursorToX(start - block.position())[0]
        last = line.cursorToX(min(end - block.position(), line_end))[0]
        origin = layout.position()
        left = origin.x() + min(first, last) - self.horizontalScrollBar().value()
        top = origin.y() + line.y() - self.verticalScrollBar().value()
        return QRect(int(left), int(top), max(1, round(abs(last - first))), round(line.height()))

    def shown_text(self, index: int) -> str:
        if index >= self._built:
            return ""
        start, end = self._ranges[index]
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        return cursor.selectedText()

    def shown_position(self, offset: int, *, end: bool = False) -> int:
        """Where a Document offset is in the QTextDocument: the token's range, and the
        space after it in UTF-16 units (what Qt counts; vowels shown change the rest)."""
        model = self.document_model
        if not self._ranges or model is None:
            return offset
        index = token_before(model, offset)
        if index < 0:
            return qt_length(model.text[:offset])
        if index >= self._built:  # not laid out yet: the end of what is
            return max(0, self.document().characterCount() - 1)
        token = model.tokens[index]
        shown_start, shown_end = self._ranges[index]
        if offset < token.end:  # inside the word: whole words only
            return shown_end if end and offset > token.start else shown_start
        return shown_end + qt_length(model.text[token.end : offset])

    def document_offset(self, position: int, *, end: bool = False) -> int:
        """The Document offset of a QTextDocument position: the inverse of shown_position."""
        model = self.document_model
        if not self._ranges or model is None:
            return position
        index = self._token_shown_before(position)
        if index < 0:
            return characters_in(model.text, 0, position)
        token = model.tokens[index]
        shown_start, shown_end = self._ranges[index]
        if position < shown_end:
            return token.end if end and position > shown_start else token.start
        return token.end + characters_in(model.text, token.end, position - shown_end)

    def _token_shown_before(self, position: int) -> int:
        """The last token laid out that starts at or before ``position`` (-1: none)."""
        return bisect_right(self._starts, position, 0, self._built) - 1

    def selected_span(self) -> tuple[int, int] | None:
        """The selection as Document offsets (start, end), or None."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return (
            self.document_offset(cursor.selectionStart()),
            self.document_offset(cursor.selectionEnd(), end=True),
        )

    def select_span(self, start: int, end: int) -> None:
        """Select a span given in Document offsets and bring it into view."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.shown_position(start))
        cursor.setPosition(self.shown_position(end, end=True), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def first_visible_offset(self) -> int:
        """The Document offset of the first word shown at the top of the view."""
        if self.document_model is None or not self._ranges:
            return 0
        anchor = self._anchor
        if anchor is not None and anchor[1] == self.verticalScrollBar().value():
            # Not scrolled since the view was brought to this word: the place is the
            # word itself, not the start of its line (a zoom reflows the lines).
            return anchor[0]
        return self.document_model.tokens[self._token_at_top()].start

    def _token_at_top(self) -> int:
        """The first token on the first line whose top is at or below the view's top.

        Not the line cut by the top edge: going back to it (after a zoom, or with
        vowels shown) would bring a line more into view each time.
        """
        if not self._ranges:
            return 0
        top = self.verticalScrollBar().value()
        layout = self.document().documentLayout()
        block = self.document().findBlock(
            self.cursorForPosition(QPoint(self.viewport().width() // 2, 0)).position()
        )
        while block.isValid():
            block_top = layout.blockBoundingRect(block).top()
            lines = block.layout()
            for number in range(lines.lineCount()):
                line = lines.lineAt(number)
                if block_top + line.y() >= top - 0.5:
                    position = block.position() + line.textStart()
                    return min(
                        max(0, self._built - 1), bisect_left(self._starts, position, 0, self._built)
                    )
            block = block.next()
        return max(0, self._built - 1)


def token_before(model: Document, offset: int) -> int:
    """The index of the last token starting at or before ``offset`` (-1 if none)."""
    return bisect_right(model._starts, offset) - 1  # a bisect on the Document's own index
