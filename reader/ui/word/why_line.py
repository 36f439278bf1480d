"""The Word pane's "Why this reading" line: folded until asked, then the two or
three pieces of evidence that put the reading shown before the next one."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from reader.morphology.records import Analysis
from reader.ui.word.details import NOTE_STYLE, why_html

_FOLDED = "<a href='why'>Why this reading?</a>"


class WhyLine(QLabel):
    """A link that unfolds into the reasons; it stays unfolded from word to word
    until clicked again (a learner who asks once usually wants to keep seeing)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("whyLine")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.setToolTip("What in the text decided the reading shown")
        self.linkActivated.connect(self._toggle)
        self.unfolded = False
        self._reasons = ""

    def show_reading(self, reading: Analysis | None, readings: Sequence[Analysis], family: str):
        """The reasons for ``reading`` among ``readings`` (hidden without a reading)."""
        self._reasons = why_html(reading, readings, family) if reading is not None else ""
        self.setVisible(bool(self._reasons))
        self._render()

    def _toggle(self, _link: str) -> None:
        self.unfolded = not self.unfolded
        self._render()

    def _render(self) -> None:
        if not self._reasons:
            self.setText("")
        elif self.unfolded:
            self.setText(
                f"<span style='{NOTE_STYLE}'>{self._reasons} · <a href='fold'>hide</a></span>"
            )
        else:
            self.setText(f"<span style='{NOTE_STYLE}'>{_FOLDED}</span>")
