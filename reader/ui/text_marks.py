"""Vocabulary marks written into the article's character formats, in batches.

A mixin of :class:`reader.ui.article_view.ArticleView`: it needs the view's
QTextDocument and ``_ranges`` (token index -> [start, end) shown).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument, QTextFormat

# Marks are written into the text this many words per turn of the event loop (a
# word costs some 50 µs on a long article): a long article full of marks never stops the window.
MARK_BATCH = 500
MARK_SPAN_CHARS = 6000


class MarkedText:
    """Needs, from the view: ``document()``, ``_ranges`` and ``_token_at_top()``."""

    _ranges: list[tuple[int, int]]
    if TYPE_CHECKING:  # the QTextBrowser's and the view's own; not defined here (MRO)

        def document(self) -> QTextDocument: ...

        def _token_at_top(self) -> int: ...

    def _init_marks(self) -> None:
        self._marks: dict[int, QTextCharFormat] = {}  # token index -> its vocabulary mark
        # Words whose mark is still to be written, the next one last.
        self._mark_queue: list[int] = []
        self._mark_timer = QTimer(self, interval=0)  # type: ignore[call-overload]
        self._mark_timer.timeout.connect(self._apply_mark_batch)

    def set_marks(self, marks: Mapping[int, QTextCharFormat]) -> None:
        """Mark words in the text itself (background, underline); only changed words are touched.

        In the character formats rather than extra selections: a hover then costs
        the same on a long article full of saved words, and hover and pin (extra
        selections) paint over the marks.
        """
        old, new = self._marks, dict(marks)
        self._marks = new
        changed = [
            i
            for i in old.keys() | new.keys()
            if old.get(i) is not new.get(i) and old.get(i) != new.get(i)
        ]
        self._queue_marks(changed)

    def marks(self) -> dict[int, QTextCharFormat]:
        return dict(self._marks)

    def marks_pending(self) -> int:
        """How many words' marks are still to be written into the text."""
        return len(self._mark_queue)

    def flush_marks(self) -> None:
        """Write every pending mark now."""
        queue, self._mark_queue = self._mark_queue, []
        self._mark_timer.stop()
        self._apply_marks(queue)

    def _queue_marks(self, indices: Iterable[int]) -> None:
        """Write the marks of a few words at once, of many in batches, nearest the place first."""
        wanted = set(indices)
        if not self._mark_queue and len(wanted) <= MARK_BATCH:
            self._apply_marks(wanted)
            return
        wanted.update(self._mark_queue)
        first = self._token_at_top()
        # Popped from the end: the words from the top of the view on, then those above.
        self._mark_queue = sorted(wanted, key=lambda i: (i >= first, -i))
        self._apply_mark_batch()
        if self._mark_queue and not self._mark_timer.isActive():
            self._mark_timer.start()

    def _apply_mark_batch(self) -> None:
        # A batch also keeps to a stretch of the text: what costs is laying out
        # again the paragraphs it touches, not the words themselves.
        queue, ranges = self._mark_queue, self._ranges
        first = ranges[queue[-1]][0]
        count = 1
        while (
            count < min(MARK_BATCH, len(queue))
            and abs(ranges[queue[-count - 1]][0] - first) < MARK_SPAN_CHARS
        ):
            count += 1
        batch = queue[-count:]
        del queue[-count:]
        self._apply_marks(batch)
        if not self._mark_queue:
            self._mark_timer.stop()

    def _apply_marks(self, indices: Iterable[int]) -> None:
        if not self._ranges:
            return
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        for index in indices:
            start, end = self._ranges[index]
            if end <= start:
                continue
            cursor.setPosition(start)
            cursor.setPosition(start + 1, QTextCursor.MoveMode.KeepAnchor)
            char_format = cursor.charFormat()
            char_format.clearBackground()
            char_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.NoUnderline)
            char_format.clearProperty(QTextFormat.Property.TextUnderlineColor)
            mark = self._marks.get(index)
            if mark is not None:
                char_format.merge(mark)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(char_format)
        cursor.endEditBlock()
