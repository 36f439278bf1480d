"""Help > Keyboard Shortcuts: every key the window answers to.

The menus' keys are read from their actions (so the list cannot drift from
them); the word-in-focus keys, window-wide shortcuts of ``reader.ui.window.word_keys``
rather than actions, and the docks' keys are listed here.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QMenuBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

# (where, what, keys): reader.ui.window.word_keys' window-wide shortcuts, not actions. They
# act on the word in focus wherever the keyboard focus is, except in a text field.
ARTICLE_KEYS: tuple[tuple[str, str, str], ...] = (
    ("Anywhere", "Leave a text field; then unpin the pinned word", "Esc"),
    ("Anywhere", "Next word (to the left)", "←"),
    ("Anywhere", "Previous word (to the right)", "→"),
)


def _native(key: QKeySequence.StandardKey) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


def dock_keys() -> list[tuple[str, str, str]]:
    """The docks' own keys (actions made when a dock is first shown, not in a menu)."""
    return [
        ("Vocabulary", "Delete the selected word", _native(QKeySequence.StandardKey.Delete)),
        ("Vocabulary, Notes", "Undo the last delete", _native(QKeySequence.StandardKey.Undo)),
    ]


def _plain(text: str) -> str:
    """A menu text without its mnemonic ("&Open…" → "Open…"; "&&" stays "&")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def keys_of(action: QAction) -> str:
    return ", ".join(
        shortcut.toString(QKeySequence.SequenceFormat.NativeText)
        for shortcut in action.shortcuts()
        if not shortcut.isEmpty()
    )


def menu_shortcuts(bar: QMenuBar) -> list[tuple[str, str, str]]:
    """(menu, action, keys) for every action with a key in the menu bar's menus."""
    rows: list[tuple[str, str, str]] = []

    def walk(menu: QMenu, where: str) -> None:
        for action in menu.actions():
            if action.isSeparator():
                continue
            if action.menu() is not None:
                walk(action.menu(), f"{where} › {_plain(action.text())}")
            elif keys := keys_of(action):
                rows.append((where, _plain(action.text()), keys))

    for action in bar.actions():
        if action.menu() is not None:
            walk(action.menu(), _plain(action.text()))
    return rows


def all_shortcuts(bar: QMenuBar) -> list[tuple[str, str, str]]:
    return [*menu_shortcuts(bar), *ARTICLE_KEYS, *dock_keys()]


class ShortcutsDialog(QDialog):
    def __init__(self, menus: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts")
        self.rows = all_shortcuts(menus)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(len(self.rows), 3)
        self.table.setHorizontalHeaderLabels(["Where", "Action", "Keys"])
        for row, values in enumerate(self.rows):
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 520)

    def texts(self) -> list[tuple[str, str, str]]:
        """What the table shows, row by row (for tests)."""
        return [
            tuple(self.table.item(row, column).text() for column in range(3))  # type: ignore[misc]
            for row in range(self.table.rowCount())
        ]
