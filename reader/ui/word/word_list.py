"""Lists of words drawn as an Arabic form over a short English gloss.

Used for the sentence, word by word (wrapping right to left like the text), and
for the readings of a word (one per row). Painting both lines ourselves keeps
each script in its own face and costs far less than a grid of labels.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from reader.ui.base import fonts

TOKEN_ROLE = Qt.ItemDataRole.UserRole + 1
GLOSS_ROLE = Qt.ItemDataRole.UserRole + 2
PAD = 6
SELECTED = QColor("#c9ddf5")
HOVERED = QColor("#f6e7b4")


class WordDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget, arabic: QFont, gloss_width: int) -> None:
        super().__init__(parent)
        self.arabic = arabic
        self.gloss_font = QFont(parent.font())
        self.gloss_font.setPointSizeF(max(8.0, parent.font().pointSizeF() - 1))
        self.gloss_width = gloss_width
        self._arabic_metrics = QFontMetrics(arabic)
        self._gloss_metrics = QFontMetrics(self.gloss_font)

    def _gloss(self, index: QModelIndex | QPersistentModelIndex) -> str:
        gloss = index.data(GLOSS_ROLE) or ""
        return self._gloss_metrics.elidedText(gloss, Qt.TextElideMode.ElideRight, self.gloss_width)

    def sizeHint(  # noqa: N802 (Qt override)
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        word = index.data(Qt.ItemDataRole.DisplayRole) or ""
        width = max(
            self._arabic_metrics.horizontalAdvance(word),
            self._gloss_metrics.horizontalAdvance(self._gloss(index)),
        )
        height = self._arabic_metrics.height() + self._gloss_metrics.height()
        return QSize(width + 2 * PAD, height + PAD)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        rect: QRect = option.rect  # type: ignore[attr-defined]
        state = option.state  # type: ignore[attr-defined]
        painter.save()
        if state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, SELECTED)
        elif state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(rect, HOVERED)
        painter.setPen(QColor("#1f1b16"))
        painter.setFont(self.arabic)
        word_height = self._arabic_metrics.height()
        word_rect = QRect(rect.left(), rect.top(), rect.width(), word_height)
        painter.drawText(word_rect, Qt.AlignmentFlag.AlignCenter, index.data() or "")
        painter.setPen(QColor("#5a5247"))
        painter.setFont(self.gloss_font)
        gloss_rect = QRect(rect.left(), rect.top() + word_height, rect.width(), rect.height())
        painter.drawText(
            gloss_rect,
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            self._gloss(index),
        )
        painter.restore()


class WordList(QListWidget):
    """A list of (Arabic form, gloss) items; ``flowing`` wraps them right to left."""

    def __init__(
        self, parent: QWidget | None = None, *, arabic_family: str = "", flowing: bool
    ) -> None:
        super().__init__(parent)
        arabic = fonts.arabic_font(17 if flowing else 19, arabic_family)
        self.setItemDelegate(WordDelegate(self, arabic, 120 if flowing else 320))
        self.setMouseTracking(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        if flowing:
            self.setViewMode(QListView.ViewMode.IconMode)
            self.setFlow(QListView.Flow.LeftToRight)
            self.setWrapping(True)
            self.setResizeMode(QListView.ResizeMode.Adjust)
            self.setMovement(QListView.Movement.Static)
            # Right to left: the sentence's first word sits at the right, as in the text.
            self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
            self.setSpacing(2)
        self._rows: dict[int, int] = {}

    def set_words(self, words: list[tuple[int, str, str]]) -> None:
        """``words``: (token index, Arabic form, gloss) in reading order."""
        self.setUpdatesEnabled(False)
        self.clear()
        self._rows = {}
        for row, (token_index, form, gloss) in enumerate(words):
            item = QListWidgetItem(form)
            item.setData(TOKEN_ROLE, token_index)
            item.setData(GLOSS_ROLE, gloss)
            self.addItem(item)
            self._rows[token_index] = row
        self.setUpdatesEnabled(True)

    def words(self) -> list[tuple[int, str, str]]:
        return [
            (item.data(TOKEN_ROLE), item.text(), item.data(GLOSS_ROLE))
            for item in (self.item(row) for row in range(self.count()))
        ]

    def select_token(self, token_index: int | None) -> None:
        row = self._rows.get(token_index, -1) if token_index is not None else -1
        if row < 0:
            self.clearSelection()
            return
        self.setCurrentRow(row)
        self.scrollToItem(self.item(row))

    def selected_token(self) -> int | None:
        items = self.selectedItems()
        return items[0].data(TOKEN_ROLE) if items else None
