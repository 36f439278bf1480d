"""The article, right to left, built token by token so every word knows its index.

Each token's index is stored in its character format (``TOKEN_PROPERTY``); a
hover is hit-tested with the document layout and reported only when the word
under the mouse changes (Frescobaldi's ``view.py``). What is shown may differ from
``Document.text`` ("Show vowels"), so the view keeps, per token, the range it
occupies in the QTextDocument; offsets given out always refer to the Document.
"""

from __future__ import annotations

import time
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextOption,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from reader.text import Document, TokenKind
from reader.ui.article.column import TextColumn
from reader.ui.article.hit_testing import HitTesting, token_before
from reader.ui.article.layout import DisplayBlock, TokenRanges, display_blocks
from reader.ui.article.text_marks import MarkedText
from reader.ui.base import fonts

# A block that is not the end of its paragraph (a long paragraph cut for layout).
CONTINUED_PROPERTY = QTextFormat.Property.UserProperty + 2
# An article up to this long is built whole before it is shown; a longer one is
# laid out in batches of BUILD_BATCH_SECONDS from a timer.
WHOLE_BUILD_CHARS = 60_000
FIRST_BUILD_CHARS = 4_000
BUILD_BATCH_SECONDS = 0.004
_PLAIN = QTextCharFormat()
LINE_HEIGHT_PERCENT = 125  # room for vowels above a line without touching the one before
PAPER = "#fbf8f1"
INK = "#1f1b16"
# Hover: lilac with a violet line under the word; pinned: green with a firmer
# line. Hues no status mark uses (new is blue, learning amber).
HOVER_BACKGROUND = QColor("#e4d9f3")
HOVER_UNDERLINE = QColor("#6a4c9c")
PINNED_BACKGROUND = QColor("#c6e6d6")
PINNED_UNDERLINE = QColor("#2f7d5b")
SENTENCE_BACKGROUND = QColor("#f3eee2")
# Lines flush with the column's right edge. Absolute: in a right-to-left block Qt
# reads a plain AlignRight as "trailing", the left edge, and the text stood ragged
# at the right where Arabic starts each line.
FLUSH_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute


class ArticleView(MarkedText, HitTesting, TextColumn, QTextBrowser):
    """Read-only article view. It reports what the learner does to the words (the word
    under the mouse, a click, Esc, ← and →) and draws the hover and the pin it is
    told to: the reading session holds both (:meth:`show_focus`)."""

    token_hovered = Signal(int)  # token index, -1 when the mouse leaves words
    token_clicked = Signal(int)  # an Arabic word clicked (to pin it, or unpin it)
    escape_pressed = Signal()
    step_requested = Signal(int)  # ← (+1: the next word, to the left) or → (-1)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)
        self.setAcceptDrops(False)  # the main window opens dropped files
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.viewport().setMouseTracking(True)
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.setStyleSheet(f"QTextBrowser {{ background: {PAPER}; color: {INK}; }}")
        self.document_model: Document | None = None
        # The hover and the pin drawn: the session's, as last shown (show_focus).
        self._drawn: tuple[int | None, int | None] = (None, None)
        self._mouse_over: int | None = None  # the word last reported under the mouse
        self.font_family = ""
        self.font_size = 24
        self._vowelled: Mapping[int, str] = {}
        self._ranges = TokenRanges(0)  # token index -> [start, end) shown
        self._starts = self._ranges.starts
        self._arabic: Sequence[int] = ()  # indices of Arabic tokens, in reading order
        self._pending_scroll: int | None = None
        # (Document offset, scroll value) of the last scroll_to_offset.
        self._anchor: tuple[int, int] | None = None
        self._placed_at = 0  # the scroll value the program last put the view at
        self._touched = False  # a word hovered or pinned since the document was shown
        self._built = 0  # tokens before this index are laid out
        self._deferred_scroll: int | None = None  # an offset not laid out yet
        self._deferred_scroll_token = 0
        self._build_timer = QTimer(self, interval=0)
        self._build_timer.timeout.connect(self._build_batch)
        self._title_format = QTextCharFormat()
        self._title_format.setFontWeight(700)
        # Relative to the default font, so zooming needs no rebuild.
        self._title_format.setProperty(QTextFormat.Property.FontSizeAdjustment, 2)
        # The phrase a highlighted token is part of (set_span_of); None: the word alone.
        self._span_of: Callable[[int], tuple[int, int] | None] | None = None
        self._init_marks()
        self.verticalScrollBar().rangeChanged.connect(self._apply_pending_scroll)

    # -- building ---------------------------------------------------------------

    def show_document(
        self, document: Document, *, vowelled: Mapping[int, str] | None = None
    ) -> None:
        """Lay out ``document``; ``vowelled`` maps token index -> the form to show."""
        self.document_model = document
        self._vowelled = vowelled or {}
        self._drawn, self._mouse_over = (None, None), None
        self._pending_scroll = self._anchor = self._deferred_scroll = None
        self._placed_at, self._touched = 0, False
        self._marks = {}
        self._drop_pending_marks()
        self._arabic = document.arabic_indices()
        self._build()
        # The hover and pin highlights of the document left outlive its QTextDocument.
        self.setExtraSelections([])

    def set_vowelled(self, vowelled: Mapping[int, str] | None) -> None:
        """Show (or stop showing) vowelled forms, keeping the place in the text."""
        if self.document_model is None:
            self._vowelled = vowelled or {}
            return
        offset = self.first_visible_offset()
        self._vowelled = vowelled or {}
        self._build()
        self.scroll_to_offset(offset)
        self._refresh_highlights()

    def set_font(self, family: str, size: int) -> None:
        self.font_family, self.font_size = family, fonts.clamp_size(size)
        document = self.document()
        offset = self.first_visible_offset() if self.document_model else 0
        if self.document_model is not None and len(self.document_model.text) > WHOLE_BUILD_CHARS:
            # Laying a long article out again at once would stall the window:
            # it is built anew, in batches, at the new size.
            self._build()
            self.place_column()
            self.scroll_to_offset(offset)
            return
        document.setDefaultFont(fonts.arabic_font(self.font_size, self.font_family))
        self.place_column()  # a measure in ems: as wide in words at any size
        if self.document_model is not None:
            self._scale_paragraph_spacing()
            self.scroll_to_offset(offset)

    def _paragraph_spacing(self, is_title: bool) -> float:
        return self.font_size * (1.0 if is_title else 0.6)

    def _scale_paragraph_spacing(self) -> None:
        """The gaps between paragraphs follow the font size, as when the text was built."""
        model = self.document_model
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        block = self.document().begin()
        first = True
        while block.isValid():
            is_title = first and model is not None and model.has_title_paragraph
            block_format = block.blockFormat()
            continued = block_format.property(CONTINUED_PROPERTY) is True
            block_format.setBottomMargin(0.0 if continued else self._paragraph_spacing(is_title))
            cursor.setPosition(block.position())
            cursor.setBlockFormat(block_format)
            block, first = block.next(), False
        cursor.endEditBlock()

    def _build(self) -> None:
        """A new QTextDocument for the article: built at once if short, else in batches.

        A long article is laid out top-down from a timer, a few milliseconds of
        blocks at a time, the document already on screen: the window never stalls
        and what is laid out can be read, hovered and saved from meanwhile.
        """
        model = self.document_model
        assert model is not None
        self._build_timer.stop()
        text_document = QTextDocument(self)
        text_document.setUndoRedoEnabled(False)
        text_document.setDocumentMargin(32)
        text_document.setDefaultFont(fonts.arabic_font(self.font_size, self.font_family))
        option = QTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setAlignment(FLUSH_RIGHT)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        text_document.setDefaultTextOption(option)

        self._ranges = TokenRanges(len(model.tokens))
        self._starts = self._ranges.starts
        self._built = 0
        self._blocks = display_blocks(model, self._vowelled, self._ranges)
        self._cursor = QTextCursor(text_document)
        self._first_block = True
        self._drop_pending_marks()  # a new QTextDocument: every mark is to be written again
        # A short article is built whole before it is shown (one layout, no flicker);
        # of a long one only a screenful: the rest is laid out as it is inserted.
        whole = len(model.text) <= WHOLE_BUILD_CHARS
        self._cursor.beginEditBlock()
        done = self._build_some(budget_chars=WHOLE_BUILD_CHARS if whole else FIRST_BUILD_CHARS)
        self._cursor.endEditBlock()
        self.setDocument(text_document)
        # Not over every mark: a long article's may be millions, and few are laid out yet.
        self._queue_marks(index for index in range(self._built) if index in self._marks)
        if not done:
            self._build_timer.start()

    def building(self) -> bool:
        """Whether part of the article is still to be laid out."""
        return self._build_timer.isActive()

    def finish_building(self) -> None:
        """Lay out the rest of the article now (tests, and before printing)."""
        while self._build_timer.isActive():
            self._build_batch()

    def _build_batch(self) -> None:
        before = self._built
        deadline = time.perf_counter() + BUILD_BATCH_SECONDS
        done = self._build_some(deadline=deadline)
        if done:
            self._build_timer.stop()
        self._queue_marks(index for index in range(before, self._built) if index in self._marks)
        if self._deferred_scroll is not None and (
            done or self._deferred_scroll_token < self._built
        ):
            offset, self._deferred_scroll = self._deferred_scroll, None
            self.scroll_to_offset(offset)

    def _build_some(self, *, budget_chars: int = 0, deadline: float = 0.0) -> bool:
        """Insert blocks until ``budget_chars`` characters or ``deadline``; True when all are in."""
        cursor = self._cursor
        inserted = 0
        for block in self._blocks:
            block_format = self._block_format(block)
            if self._first_block:
                cursor.setBlockFormat(block_format)
                self._first_block = False
            else:
                cursor.insertBlock(block_format)
            if block.text:
                cursor.insertText(block.text, self._title_format if block.is_title else _PLAIN)
            self._built = block.tokens_done
            inserted += len(block.text) + 1
            if budget_chars and inserted >= budget_chars:
                return False
            if deadline and time.perf_counter() >= deadline:
                return False
        self._built = len(self._ranges)
        return True

    def _block_format(self, block: DisplayBlock) -> QTextBlockFormat:
        block_format = QTextBlockFormat()
        block_format.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        block_format.setAlignment(FLUSH_RIGHT)
        block_format.setLineHeight(
            LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
        )
        # A long paragraph shown as several blocks: a gap after its last one only.
        spacing = 0.0 if block.continued else self._paragraph_spacing(block.is_title)
        block_format.setBottomMargin(spacing)
        block_format.setProperty(CONTINUED_PROPERTY, block.continued)
        return block_format

    def scroll_to_offset(self, offset: int) -> None:
        if self.document_model is None or not self._ranges or offset <= 0:
            return
        token = self.document_model.token_at(offset)
        if token is None:
            token = self.document_model.tokens[max(0, token_before(self.document_model, offset))]
        if token.index >= self._built:
            # Not laid out yet: there as soon as it is.
            self._deferred_scroll, self._deferred_scroll_token = offset, token.index
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._ranges[token.index][0])
        block_top = self.document().documentLayout().blockBoundingRect(cursor.block()).top()
        line = cursor.block().layout().lineForTextPosition(cursor.positionInBlock())
        target = int(block_top + (line.y() if line.isValid() else 0))
        self._anchor = (offset, target)
        # The scroll range follows the layout a moment later; keep the target until then.
        self._pending_scroll = target
        self._apply_pending_scroll()

    def _apply_pending_scroll(self) -> None:
        if self._pending_scroll is None:
            return
        bar = self.verticalScrollBar()
        bar.setValue(self._pending_scroll)
        self._placed_at = bar.value()
        if bar.value() == self._pending_scroll:
            self._pending_scroll = None

    def learner_moved(self) -> bool:
        """Whether the learner scrolled, hovered or pinned since the program placed the view."""
        return self._touched or self.verticalScrollBar().value() != self._placed_at

    def ensure_token_visible(self, index: int) -> None:
        rect = self.token_rect(index)
        viewport = self.viewport().rect()
        bar = self.verticalScrollBar()
        margin = rect.height()
        if rect.top() - margin < viewport.top():
            bar.setValue(bar.value() + rect.top() - margin)
        elif rect.bottom() + margin > viewport.bottom():
            bar.setValue(bar.value() + rect.bottom() + margin - viewport.bottom())

    # -- hover, pin, keyboard -----------------------------------------------------

    def show_focus(self, hovered: int | None, pinned: int | None) -> None:
        """Draw the session's hover and pin (a word newly pinned is scrolled into view)."""
        if (hovered, pinned) == self._drawn:
            return
        newly_pinned = pinned is not None and pinned != self._drawn[1]
        self._drawn = (hovered, pinned)
        self._touched = self._touched or hovered is not None or pinned is not None
        self._refresh_highlights()
        if newly_pinned:
            self.ensure_token_visible(pinned)

    @property
    def drawn_focus(self) -> tuple[int | None, int | None]:
        """The hover and the pin drawn now (for tests)."""
        return self._drawn

    def word_after(self, current: int | None, step: int) -> int | None:
        """The Arabic word ``step`` words on from ``current`` in reading order (None:
        the article has none); from no word, the first word on screen."""
        if not self._arabic:
            return None
        if current is None:
            position = self.cursorForPosition(QPoint(self.viewport().width() - 40, 8)).position()
            return self._arabic[min(len(self._arabic) - 1, self._arabic_after(position))]
        where = bisect_right(self._arabic, current) - 1
        if self._arabic[where] != current and step > 0:
            where -= 1  # current was not an Arabic word: its successor is where+1
        return self._arabic[max(0, min(len(self._arabic) - 1, where + step))]

    def _arabic_after(self, position: int) -> int:
        index = max(0, self._token_shown_before(position))
        return bisect_right(self._arabic, index - 1)

    def _refresh_highlights(self) -> None:
        selections = []
        hovered, pinned = self._drawn
        for index, colour, line in (
            (hovered, HOVER_BACKGROUND, HOVER_UNDERLINE),
            (pinned, PINNED_BACKGROUND, PINNED_UNDERLINE),
        ):
            if index is None or index >= self._built:
                continue
            first, last = self._span(index)
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(self._ranges[first][0])
            cursor.setPosition(self._ranges[last][1], QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = QTextCharFormat()
            selection.format.setBackground(colour)
            selection.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            selection.format.setUnderlineColor(line)
            selections.append(selection)
        self.setExtraSelections(selections)

    def set_span_of(self, span_of: Callable[[int], tuple[int, int] | None]) -> None:
        """How a token's highlight extends: ``span_of(index)`` gives the first and the
        last token of the phrase it is part of (a name of several words), or None."""
        self._span_of = span_of
        self._refresh_highlights()

    def refresh_highlights(self) -> None:
        """Draw the hover and pin highlights again (the phrases they cover changed)."""
        self._refresh_highlights()

    def _span(self, index: int) -> tuple[int, int]:
        span = self._span_of(index) if self._span_of is not None else None
        if span is None or span[1] >= self._built:
            return index, index
        return span

    def _hover_at(self, viewport_pos: QPoint) -> None:
        index = self.token_at(viewport_pos)
        if index is not None and self.document_model is not None:
            # An overlong run is hovered too: the learner is told why it has no reading.
            if self.document_model.tokens[index].kind not in _HOVERED:
                index = None
        self._report_hover(index)

    def _report_hover(self, index: int | None) -> None:
        if index == self._mouse_over:
            return
        self._mouse_over = index
        self._touched = self._touched or index is not None
        self.token_hovered.emit(-1 if index is None else index)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if not event.buttons():
            self._hover_at(event.position().toPoint())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            index = self.token_at(event.position().toPoint())
            if index is not None and self.document_model is not None:
                if self.document_model.tokens[index].kind is TokenKind.ARABIC:
                    self._touched = True
                    self.token_clicked.emit(index)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Leave:
            self._report_hover(None)
        return super().viewportEvent(event)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        # The word under a still mouse changed; say so rather than leave a stale popup.
        self._hover_at(self.viewport().mapFromGlobal(self.cursor().pos()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.escape_pressed.emit()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and not event.modifiers():
            # Arabic runs right to left: the next word is to the left.
            self.step_requested.emit(1 if key == Qt.Key.Key_Left else -1)
        else:
            super().keyPressEvent(event)

    def loadResource(self, kind: int, name: QUrl) -> object:  # noqa: N802 (Qt override)
        # Articles are text: never fetch anything, least of all from the network.
        return None


_HOVERED = frozenset({TokenKind.ARABIC, TokenKind.OVERLONG})
