"""The article's keys (Esc, ← and →) wherever the keyboard focus is in the window.

They act on the session's word in focus, whether the focus is in the article,
the Word pane (after clicking Save note, say) or a dock: window-wide shortcuts,
not the article's own key handler, which only saw them while it had the focus.
While the learner types in a field, the field keeps ← and → (Qt gives a text
field the keys it edits with first), and Esc first leaves the field, back to
the article; pressed again it unpins as anywhere else. S and 1–4 are the Word
menu's actions (:mod:`reader.ui.window.menus`): window-wide already, and a field keeps
the letters and digits typed into it the same way.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from reader.reading.session import ReadingSession
from reader.ui.article.view import ArticleView


def typing_in_field(widget: QWidget | None) -> bool:
    """Whether ``widget`` (the keyboard focus) is a field the learner types into."""
    if isinstance(widget, QLineEdit | QAbstractSpinBox):
        return not widget.isReadOnly() if isinstance(widget, QLineEdit) else True
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        return not widget.isReadOnly()
    return isinstance(widget, QComboBox) and widget.isEditable()


class WordKeys(QObject):
    """Esc (leave the field, else unpin), ← (next word), → (previous word), window-wide."""

    # A word reached by ← or → (pinned): it gets the popup the mouse would give it.
    stepped = Signal(int)

    def __init__(self, session: ReadingSession, view: ArticleView, window: QWidget) -> None:
        super().__init__(window)
        self.session, self.view = session, view
        self.shortcuts: list[QShortcut] = []
        for key, slot in (
            (Qt.Key.Key_Escape, self.escape),
            # Arabic runs right to left: the next word is to the left.
            (Qt.Key.Key_Left, lambda: self.step(1)),
            (Qt.Key.Key_Right, lambda: self.step(-1)),
        ):
            shortcut = QShortcut(QKeySequence(key), window)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
            self.shortcuts.append(shortcut)
        # The same keys pressed in the article itself (it takes arrows as its own).
        view.escape_pressed.connect(self.escape)
        view.step_requested.connect(self.step)

    def escape(self) -> None:
        if typing_in_field(QApplication.focusWidget()):
            self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif self.session.pinned is not None:
            self.session.pin(None)

    def step(self, step: int) -> None:
        if typing_in_field(QApplication.focusWidget()):
            return  # a field that let its arrow through (at its end): not a word step
        index = self.view.word_after(self.session.focus, step)
        if index is not None:
            self.session.pin(index)
            self.stepped.emit(index)
