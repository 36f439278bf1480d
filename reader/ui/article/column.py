"""The article's text column: a comfortable measure, centred in a wide window.

A line of 20 words is hard to follow back to its start (1920 px wide, the
article took all of it). Reading apps cap the line's length and centre the
column; so does the view, with the width a setting (``text_width``). The
column is the view's viewport narrowed by equal margins at its sides: every
position in the viewport is still a position in the text, so hit testing,
the hover and pin drawing and scrolling are the same with or without it, and
right-to-left lines still end at the column's right edge.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QFontInfo, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QApplication

from reader.ui.base import fonts

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTextBrowser

    _Base = QTextBrowser
else:
    _Base = object

# The text's measure in ems of the article's font (at the default 24 pt, an em is
# 32 px and an Arabic word with its space about 2.2 em); None: the whole view.
TEXT_WIDTHS: dict[str, float | None] = {"narrow": 20.0, "medium": 27.0, "wide": 34.0, "full": None}
TEXT_WIDTH_TITLES = {
    "narrow": "&Narrow (about 9 words a line)",
    "medium": "&Medium (about 12 words a line)",
    "wide": "&Wide (about 15 words a line)",
    "full": "&Full Width",
}
DEFAULT_TEXT_WIDTH = "medium"


class TextColumn(_Base):
    """Needs, from the view: ``font_family``, ``font_size`` and the QTextDocument's
    margin (``document().documentMargin()``), both sides of the measure."""

    font_family: str
    font_size: int
    _text_width = DEFAULT_TEXT_WIDTH

    @property
    def text_width(self) -> str:
        """The column's width by name (a key of TEXT_WIDTHS)."""
        return self._text_width

    def set_text_width(self, name: str) -> None:
        """Narrow, medium, wide or full; an unknown name is the default."""
        self._text_width = name if name in TEXT_WIDTHS else DEFAULT_TEXT_WIDTH
        self.place_column()

    def column_measure(self) -> int | None:
        """The column's width in pixels, its margins included; None: the whole view."""
        ems = TEXT_WIDTHS[self._text_width]
        if ems is None:
            return None
        em = QFontInfo(fonts.arabic_font(self.font_size, self.font_family)).pixelSize()
        return round(ems * em + 2 * self.document().documentMargin())

    def place_column(self) -> None:
        """Centre the column in the view's width (the scroll bar's excluded)."""
        margins = self.viewportMargins()
        available = self.viewport().width() + margins.left() + margins.right()
        measure = self.column_measure()
        side = 0 if measure is None else max(0, (available - measure) // 2)
        if (margins.left(), margins.right()) != (side, side):
            self.setViewportMargins(side, 0, side, 0)
        self._follow_viewport()

    def _follow_viewport(self) -> None:
        """Lay the text out at the viewport's width, if it is not already.

        Margins set while the window was hidden reach the viewport as one resize at
        show time, which QTextEdit takes for no change of width: the text kept its
        old, wider layout, cut at the column's edge. Its own resize handling is
        asked again, with a size it cannot take for the same.
        """
        viewport = self.viewport()
        if self.isVisible() and self.document().textWidth() != viewport.width():
            QApplication.sendEvent(viewport, QResizeEvent(viewport.size(), QSize(-1, -1)))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.place_column()

    def event(self, event: QEvent) -> bool:
        # A wheel over the margins comes to the view itself, which a scroll area leaves
        # to its viewport: the text scrolls there as it does over the text.
        if isinstance(event, QWheelEvent):
            self.wheelEvent(event)
            return True
        return super().event(event)
