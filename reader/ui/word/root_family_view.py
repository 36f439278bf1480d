"""The root-family section: the other lemmas of a word's root, each with its gloss and
where the learner stands with it.

The view only draws what it is given: the members come from
``Morphology.root_family`` (reader.morphology.roots.family) and each status from
the ``status_of`` callable the caller passes, so the view never asks the store
itself. The status tags take the article's word-mark colours (word_marks.py),
so "learning" looks the same here as in the text.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from reader.morphology.roots.family import FamilyMember
from reader.store import LemmaKey, Status
from reader.ui.article.word_marks import MARK_COLOURS
from reader.ui.base import fonts

StatusOf = Callable[[LemmaKey], Status | None]
SHOWN = 12  # members listed before "and N more"
TAG_WIDTH = 58  # "learning" in the tag's small type: every row's tag column lines up
_QUIET = "#6b7580"  # part of speech, "not saved": as the pane's secondary text
# Known and ignored words carry no mark in the article: their tag is outlined only.
_PLAIN_TAG = ("transparent", "#b9c1c9")


def tag_colours(status: Status | None) -> tuple[str, str]:
    """(background, border) of a status tag: the article's mark colours where it has one."""
    if status is None:
        return ("transparent", "transparent")
    style = MARK_COLOURS.get(status.value)
    if style is None or style.background is None:
        return _PLAIN_TAG
    return (style.background, style.underline)


def status_tag(status: Status | None) -> QLabel:
    """A small rounded tag naming the status; blank for a word not saved (most of them)."""
    background, border = tag_colours(status)
    tag = QLabel(status.value if status is not None else "")
    tag.setAlignment(Qt.AlignmentFlag.AlignCenter)
    tag.setStyleSheet(
        f"QLabel {{ background: {background}; border: 1px solid {border}; border-radius: 3px;"
        f" padding: 0px 4px; color: #333; font-size: 9pt; }}"
    )
    tag.setToolTip(f"In your vocabulary: {status.value}" if status else "Not in your vocabulary")
    tag.setMinimumWidth(TAG_WIDTH)
    return tag


class RootFamilyView(QWidget):
    """Up to :data:`SHOWN` members, most frequent first, then "and N more" (a link
    that lists the rest). Sized for a ~380 px dock: the gloss wraps, the lemma and
    the tag keep their width."""

    def __init__(self, arabic_family: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.arabic_family = fonts.arabic_family(arabic_family)
        self.members: tuple[FamilyMember, ...] = ()
        self._status_of: StatusOf = lambda key: None
        self._expanded = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.empty_label = QLabel("No other words of this root in the dictionary.")
        self.empty_label.setStyleSheet(f"color: {_QUIET}")
        self.empty_label.setWordWrap(True)
        layout.addWidget(self.empty_label)
        self._rows = QWidget()
        self._grid = QGridLayout(self._rows)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(8)
        self._grid.setVerticalSpacing(2)
        self._grid.setColumnStretch(1, 1)
        layout.addWidget(self._rows)
        self.more_label = QLabel()
        self.more_label.setTextFormat(Qt.TextFormat.RichText)
        self.more_label.linkActivated.connect(self._expand)
        layout.addWidget(self.more_label)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.show_family((), self._status_of)

    def show_family(self, members: Sequence[FamilyMember], status_of: StatusOf) -> None:
        """List ``members``; ``status_of((lex, pos))`` is the learner's status, None if unsaved."""
        self.members = tuple(members)
        self._status_of = status_of
        self._expanded = False
        self._fill()

    def _expand(self, _link: str = "") -> None:
        self._expanded = True
        self._fill()

    @property
    def shown_members(self) -> tuple[FamilyMember, ...]:
        return self.members if self._expanded else self.members[:SHOWN]

    def row_texts(self) -> list[tuple[str, str, str]]:
        """Per listed member: (lemma, part of speech and gloss, status tag text), as drawn."""
        found = []
        for row in range(self._grid.rowCount()):
            cells = [self._grid.itemAtPosition(row, column) for column in (2, 1, 0)]
            if all(cell is not None for cell in cells):
                labels = [cell.widget() for cell in cells]  # type: ignore[union-attr]
                found.append(tuple(_plain(label.text()) for label in labels))  # type: ignore[union-attr]
        return found  # type: ignore[return-value]

    def _fill(self) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # gone now, not at the next turn of the event loop
                widget.deleteLater()
        shown = self.shown_members
        for row, member in enumerate(shown):
            lemma = QLabel(member.lemma)
            lemma.setFont(fonts.arabic_font(15, self.arabic_family))
            lemma.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            lemma.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            meaning = QLabel(
                f'<span style="color:{_QUIET}">{html.escape(_kind(member))}</span> '
                f"{html.escape(member.gloss or '…')}"
            )
            meaning.setTextFormat(Qt.TextFormat.RichText)
            meaning.setWordWrap(True)
            meaning.setMinimumWidth(120)
            meaning.setToolTip(_details(member))
            tag = status_tag(self._status_of(member.key))
            self._grid.addWidget(tag, row, 0, Qt.AlignmentFlag.AlignVCenter)
            self._grid.addWidget(meaning, row, 1)
            self._grid.addWidget(lemma, row, 2)
        hidden = len(self.members) - len(shown)
        self.more_label.setText(f'<a href="more">and {hidden} more…</a>' if hidden else "")
        self.more_label.setVisible(hidden > 0)
        self.empty_label.setVisible(not self.members)
        self._rows.setVisible(bool(self.members))


def _kind(member: FamilyMember) -> str:
    if member.verb_form:
        return f"verb {member.verb_form}"
    return member.pos_label


def _details(member: FamilyMember) -> str:
    parts = [f"{member.lemma} — {_kind(member)}", member.gloss]
    if member.root.radicals:
        parts.append(f"root {member.root.isolated}")
    return "\n".join(part for part in parts if part)


def _plain(text: str) -> str:
    from PySide6.QtGui import QTextDocumentFragment

    return QTextDocumentFragment.fromHtml(text).toPlainText().replace("\xa0", " ").strip()
