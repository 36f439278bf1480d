"""The glance: a small frameless window over the hovered word, shown at once.

Not a QToolTip (it waits before showing and fights over its text); a ToolTip-kind
window we position ourselves, which never takes the focus or the mouse.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from reader.morphology.records import Analysis, readable_gloss
from reader.morphology.vowels import textbook
from reader.ui import fonts

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
        self.form_label = QLabel()
        self.form_label.setFont(fonts.arabic_font(26, arabic_family))
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
        for label in (self.form_label, self.translit_label, self.gloss_label, self.pos_label):
            layout.addWidget(label)

    def show_reading(
        self,
        reading: Analysis,
        word_rect: QRect,
        *,
        user_gloss: str | None = None,
        form: str | None = None,
        romanized: str = "",
    ) -> None:
        """Show one reading next to ``word_rect`` (global coordinates).

        ``user_gloss``: the learner's own gloss for the word, shown instead of the dictionary's.
        ``form``: the word as said in its sentence (as Show Vowels writes it); else
        the reading's own vowels. ``romanized``: that form in Latin letters.
        """
        self.form_label.setText(form or textbook(reading.diac))
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
            said = reading.english or senses
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
        self.form_label.setText(word)
        self.translit_label.hide()
        self.gloss_label.setText(html.escape(message))
        self.pos_label.hide()
        self._place(word_rect)

    def text(self) -> str:
        """What the popup says, for tests and accessibility."""
        labels = (self.form_label, self.translit_label, self.gloss_label, self.pos_label)
        return "\n".join(label.text() for label in labels if not label.isHidden())

    def _place(self, word_rect: QRect) -> None:
        self.adjustSize()
        size = self.sizeHint()
        screen = QGuiApplication.screenAt(word_rect.center()) or QGuiApplication.primaryScreen()
        bounds = screen.availableGeometry()
        x = word_rect.center().x() - size.width() // 2
        x = max(bounds.left(), min(x, bounds.right() - size.width()))
        # Above the word, so the line being read stays visible; below if no room.
        y = word_rect.top() - size.height() - GAP
        if y < bounds.top():
            y = word_rect.bottom() + GAP
        self.move(QPoint(x, y))
        self.show()
        self.raise_()
