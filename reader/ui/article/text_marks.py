"""Vocabulary marks written into the article's character formats, in batches.

A mixin of :class:`reader.ui.article.view.ArticleView`: it needs the view's
QTextDocument and ``_ranges`` (token index -> [start, end) shown). A long
article's marks come as a :class:`reader.ui.article.word_marks.TokenMarks` (arrays);
the words to write are then queued with array operations, and written from a
timer, a batch per turn of the event loop.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping, Sequence, Sized
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument, QTextFormat

from reader.ui.article.word_marks import TokenMarks

if TYPE_CHECKING:
    from reader.ui.article.layout import TokenRanges

# Marks are written into the text this many words per turn of the event loop (a
# word costs some 50 µs on a long article): a long article full of marks never stops the window.
MARK_BATCH = 500
# ... and to this many characters of text: what costs is laying out again the
# paragraphs a batch touches (bench_ui, 100k tokens: 6,000 characters stalled
# the window 64 ms a batch, 1,500 48 ms, 1,000 40 ms).
MARK_SPAN_CHARS = 1000
# ... and to this much time: while the worker runs Python too, the GIL is handed
# back and forth every switch interval and a batch takes twice as long or more
# (bench_ui, 100k tokens: batches of 5-27 ms); a batch that has spent this long
# leaves the rest of its words to the next turn of the event loop.
MARK_BATCH_SECONDS = 0.008


class MarkedText:
    """Needs, from the view: ``document()``, ``_ranges``, ``_built`` and ``_token_at_top()``."""

    _ranges: TokenRanges
    _built: int
    if TYPE_CHECKING:  # the QTextBrowser's and the view's own; not defined here (MRO)

        def document(self) -> QTextDocument: ...

        def _token_at_top(self) -> int: ...

    def _init_marks(self) -> None:
        # Token index -> its vocabulary mark: a dict, or (a long article's) TokenMarks.
        self._marks: Mapping[int, QTextCharFormat] = {}
        # Words whose mark is still to be written, in the order they are written,
        # from _mark_next on: a list, or (many words) an array, never sorted in Python.
        self._mark_queue: Sequence[int] = []
        self._mark_next = 0
        # A few words queued while many are pending (those just laid out): written
        # first, without merging them into the queue (an array operation per batch).
        self._mark_front: list[int] = []
        self._mark_timer = QTimer(self, interval=0)  # type: ignore[call-overload]
        self._mark_timer.timeout.connect(self._apply_mark_batch)
        self.mark_batches = 0  # batches written from the timer, for tests
        self.largest_mark_batch = 0

    def set_marks(self, marks: Mapping[int, QTextCharFormat]) -> None:
        """Mark words in the text itself (background, underline); only changed words are touched.

        In the character formats rather than extra selections: a hover then costs
        the same on a long article full of saved words, and hover and pin (extra
        selections) paint over the marks.
        """
        old, new = self._marks, dict(marks)
        self._marks = new
        if isinstance(old, TokenMarks):  # a long article's: compared as arrays
            self._queue_marks(old.changed_since(new))
            return
        changed = [
            i
            for i in old.keys() | new.keys()
            if old.get(i) is not new.get(i) and old.get(i) != new.get(i)
        ]
        self._queue_marks(changed)

    def replace_marks(self, marks: TokenMarks) -> None:
        """Show ``marks`` (a whole long article's), comparing them with the shown ones as arrays."""
        changed = marks.changed_since(self._marks)
        self._marks = marks
        self._queue_marks(changed)

    def marks(self) -> Mapping[int, QTextCharFormat]:
        """The marks shown (a copy, or an immutable TokenMarks)."""
        return self._marks if isinstance(self._marks, TokenMarks) else dict(self._marks)

    def marks_pending(self) -> int:
        """How many words' marks are still to be written into the text."""
        return len(self._mark_front) + len(self._mark_queue) - self._mark_next

    def flush_marks(self) -> None:
        """Write every pending mark now."""
        front, queue, at = self._mark_front, self._mark_queue, self._mark_next
        self._drop_pending_marks()
        self._apply_marks(front + _as_list(queue[at:]))

    def _drop_pending_marks(self) -> None:
        self._mark_queue, self._mark_next, self._mark_front = [], 0, []
        self._mark_timer.stop()

    def _queue_marks(self, indices: Iterable[int]) -> None:
        """Write the marks of a few words at once, of many in batches, nearest the place first."""
        if not isinstance(indices, Sized):
            indices = list(indices)
        if len(indices) <= MARK_BATCH:
            if not self.marks_pending():
                self._apply_marks(_as_list(indices))
            else:
                self._mark_front.extend(_as_list(indices))
            return
        import numpy as np  # loaded by then: the analysis imported it on the worker

        # Every word laid out and to be written, once, in order: a bitmap, not a sort.
        built = self._built
        ordered = np.asarray(indices, dtype=np.int64)
        if self.marks_pending() or np.any(ordered[1:] <= ordered[:-1]):
            wanted = np.zeros(built, dtype=bool)
            front, self._mark_front = self._mark_front, []
            for part in (ordered, front, self._mark_queue[self._mark_next :]):
                part = np.asarray(part, dtype=np.int64)
                wanted[part[part < built]] = True
            ordered = np.flatnonzero(wanted)
        else:  # in order already (a TokenMarks comparison), nothing else pending
            ordered = ordered[: np.searchsorted(ordered, built)]
        # The words from the top of the view on, then those above it.
        first = np.searchsorted(ordered, self._token_at_top())
        self._mark_queue = np.concatenate((ordered[first:], ordered[:first]))
        self._mark_next = 0
        if not len(self._mark_queue):
            self._drop_pending_marks()
            return
        self._apply_mark_batch()
        if self.marks_pending() and not self._mark_timer.isActive():
            self._mark_timer.start()

    def _apply_mark_batch(self) -> None:
        # A batch also keeps to a stretch of the text: what costs is laying out
        # again the paragraphs it touches, not the words themselves.
        if self._mark_front:
            done = self._apply_marks(self._mark_front[:MARK_BATCH], MARK_BATCH_SECONDS)
            del self._mark_front[:done]
            self._count_batch(done)
            if not self.marks_pending():
                self._drop_pending_marks()
            return
        queue, at, starts = self._mark_queue, self._mark_next, self._ranges.starts
        left = len(queue) - at
        if left <= 0:
            self._drop_pending_marks()
            return
        first = starts[queue[at]]
        count = 1
        while (
            count < min(MARK_BATCH, left)
            and abs(starts[queue[at + count]] - first) < MARK_SPAN_CHARS
        ):
            count += 1
        done = self._apply_marks(_as_list(queue[at : at + count]), MARK_BATCH_SECONDS)
        self._mark_next += done
        self._count_batch(done)
        if not self.marks_pending():
            self._drop_pending_marks()

    def _count_batch(self, size: int) -> None:
        self.mark_batches += 1
        self.largest_mark_batch = max(self.largest_mark_batch, size)

    def _apply_marks(self, indices: Sequence[int], seconds: float | None = None) -> int:
        """Write the marks of ``indices`` in order; with ``seconds``, stop once that
        long has passed (after one word at least). Returns how many were written."""
        if not self._ranges:
            return len(indices)
        deadline = None if seconds is None else time.perf_counter() + seconds
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        done = 0
        for index in indices:
            if deadline is not None and done and time.perf_counter() > deadline:
                break
            done += 1
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
        return done


def _as_list(indices: Iterable[int]) -> list[int]:
    """Plain ints (an array's ``tolist``): Qt takes no numpy integers."""
    tolist = getattr(indices, "tolist", None)
    return tolist() if tolist is not None else list(indices)
