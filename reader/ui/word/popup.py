"""The glance: a small frameless window over the hovered word, shown at once.

Not a QToolTip (it waits before showing and fights over its text); a ToolTip-kind
window we position ourselves, which never takes the focus or the mouse.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from reader.morphology.records import Analysis, readable_gloss
from reader.morphology.vowels.reconcile import reading_form
from reader.ui.base import fonts
from reader.ui.word.details import name_html

if TYPE_CHECKING:
    from reader.morphology.names.spans import NameSpan

GAP = 6


class HoverPopup(QFrame):
    def __init__(self, parent: QWidget | None = None, *, arabic_family: str = "") -> None:
        super().__init__(parent, Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setObjectName("hoverPopup")
        self.setStyleSheet(
            "#hoverPopup { background: #fffdf7; border: 1px solid #c8bda3; border-radius: 6px; }"
            "QLabel { color: #2b251c; background: transparent; }"
            "#translit { color: #6b6357; } #pos { color: #6b6357; font-style: italic; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 8)
        layout.setSpacing(2)
        # A name of several words (الولايات المتحدة): the whole name first.
        self.name_label = QLabel(objectName="name", textFormat=Qt.TextFormat.RichText)
        self.name_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.name_label.hide()
        self.form_label = QLabel()
        self.form_label.setFont(fonts.vocalised_font(26, arabic_family))
        self.form_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.translit_label = QLabel(objectName="translit")
        self.gloss_label = QLabel()
        self.gloss_label.setTextFormat(Qt.TextFormat.RichText)
        self.gloss_label.setWordWrap(True)
        self.gloss_label.setMinimumWidth(200)
        self.gloss_label.setMaximumWidth(420)
        self.pos_label = QLabel(objectName="pos", textFormat=Qt.TextFormat.RichText)
        for label in (self.translit_label, self.gloss_label, self.pos_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._arabic_family = fonts.arabic_family(arabic_family)
        self._area: Callable[[], QRect | None] | None = None
        for label in (
            self.name_label,
            self.form_label,
            self.translit_label,
            self.gloss_label,
            self.pos_label,
        ):
            layout.addWidget(label)

    def show_reading(
        self,
        reading: Analysis,
        word_rect: QRect,
        *,
        user_gloss: str | None = None,
        form: str | None = None,
        romanized: str = "",
        name: NameSpan | None = None,
        english: str = "",
    ) -> None:
        """Show one reading next to ``word_rect`` (global coordinates).

        ``name``: the name of several words the word is part of, shown whole above
        it (unless the learner gave the word a gloss of their own: theirs wins).

        ``user_gloss``: the learner's own gloss for the word, shown instead of the dictionary's.
        ``form``: the word as said in its sentence (as Show Vowels writes it); else
        the reading's own vowels. ``romanized``: that form in Latin letters.
        ``english``: the word's English in its sentence (else the reading's own).
        """
        self.name_label.setVisible(name is not None and not user_gloss)
        if name is not None and not user_gloss:
            self.name_label.setText(name_html(name, self._arabic_family))
        self.form_label.setText(form or reading_form(reading))
        self.form_label.show()
        self.translit_label.setText(romanized)
        self.translit_label.setVisible(bool(self.translit_label.text()))
        if user_gloss:
            self.gloss_label.setText(f"<b>{html.escape(user_gloss)}</b>")
        elif reading.is_guess:
            name = readable_gloss(reading.lemma_gloss)
            shown = f"<b>{html.escape(name)}</b><br>" if name else ""
            self.gloss_label.setText(
                f"{shown}<small>Not in the dictionary — probably a name</small>"
            )
        else:
            # This word in this form ("their meeting"), then the lemma's senses.
            senses = readable_gloss(reading.lemma_gloss)
            said = english or reading.english or senses
            more = f"<br><small>{html.escape(senses)}</small>" if senses and senses != said else ""
            self.gloss_label.setText(f"<b>{html.escape(said)}</b>{more}")
        if reading.is_guess and not user_gloss:
            self.pos_label.hide()
        else:
            # Part of speech, then the dictionary form the word comes from.
            lemma = ""
            if reading.lemma != reading.diac:
                lemma = (
                    f" · <span style=\"font-family:'{self._arabic_family}'; font-size:15pt;"
                    f' font-style:normal">{html.escape(reading.lemma)}</span>'
                )
            self.pos_label.setText(f"{html.escape(reading.pos_label)}{lemma}")
            self.pos_label.show()
        self._place(word_rect)

    def show_message(self, word: str, message: str, word_rect: QRect) -> None:
        """A word and a short state ("loading…", "no dictionary")."""
        self.name_label.hide()
        self.form_label.setText(word)
        self.translit_label.hide()
        self.gloss_label.setText(html.escape(message))
        self.pos_label.hide()
        self._place(word_rect)

    def text(self) -> str:
        """What the popup says, for tests and accessibility."""
        from PySide6.QtGui import QTextDocument

        labels = (self.form_label, self.translit_label, self.gloss_label, self.pos_label)
        parts = [label.text() for label in labels if not label.isHidden()]
        if not self.name_label.isHidden():
            plain = QTextDocument()
            plain.setHtml(self.name_label.text())
            parts.insert(0, plain.toPlainText())
        return "\n".join(parts)

    def keep_within(self, area: Callable[[], QRect | None]) -> None:
        """Where the popup may go (global coordinates), asked at each placement:
        the article's viewport, so it never covers the Word pane or a dock."""
        self._area = area

    def _place(self, word_rect: QRect) -> None:
        self.adjustSize()
        screen = QGuiApplication.screenAt(word_rect.center()) or QGuiApplication.primaryScreen()
        bounds = screen.availableGeometry()
        area = self._area() if self._area is not None else None
        self.move(place(self.sizeHint(), word_rect, bounds, area))
        self.show()
        self.raise_()


def place(size: QSize, word_rect: QRect, bounds: QRect, area: QRect | None = None) -> QPoint:
    """Where the popup's top-left goes for a word at ``word_rect`` (all global).

    Never over the line being read nor the next one: above the word (over lines
    already read), else below the next line, else beside the word. Inside
    ``area`` (the article) where it fits, so the pane and the docks stay clear,
    and always inside the screen's ``bounds``.
    """
    inside = area.intersected(bounds) if area is not None else bounds
    if inside.width() < size.width() or inside.height() < size.height():
        inside = bounds  # an article narrower than the popup: the screen, at least
    line = word_rect.height()
    x = word_rect.center().x() - size.width() // 2
    x = max(inside.left(), min(x, inside.right() + 1 - size.width()))
    above = word_rect.top() - GAP - size.height()
    if above >= inside.top():
        return QPoint(x, above)
    below = word_rect.bottom() + 1 + line + GAP  # past the next line
    if below + size.height() <= inside.bottom() + 1:
        return QPoint(x, below)
    # No room above or below: at the side with more room, level with the word.
    y = max(inside.top(), min(word_rect.top(), inside.bottom() + 1 - size.height()))
    left_room = word_rect.left() - inside.left()
    right_room = inside.right() - word_rect.right()
    if right_room >= left_room:
        x = min(word_rect.right() + 1 + GAP, inside.right() + 1 - size.width())
    else:
        x = max(word_rect.left() - GAP - size.width(), inside.left())
    return QPoint(x, y)
