"""The vocabulary as a table model: one row per saved word, edits go to the store.

Rows are :class:`EntryRecord` snapshots from ``list_entries``; an edit made in a
cell is a store operation through the hub, and the hub's change comes back to
update the row in place (a reload only when words came or went).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from reader import store as ops  # its operations import SQLAlchemy when first called
from reader.morphology.citation import known_scheme, romanize_lemma
from reader.morphology.roots.radicals import RootOf, lemma_root
from reader.store import Change, EntryRecord, Status, strip_diacritics
from reader.ui.base.vocabulary_hub import VocabularyHub
from reader.ui.word.entry_editor import split_tags

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Word", "Romanized", "Gloss", "Status", "Root", "Tags", "Notes", "Seen", "Added")
LEMMA, ROMANIZED, GLOSS, STATUS, ROOT, TAGS, NOTES, SEEN, ADDED = range(len(COLUMNS))
EDITABLE = {GLOSS, STATUS, TAGS, NOTES}
SORT_ROLE = Qt.ItemDataRole.UserRole + 10
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 11


class VocabularyTableModel(QAbstractTableModel):
    """``scheme``: the romanization setting; ``root_of``: how roots are read
    (``Morphology.roots.root_of`` once the database is loaded: see :meth:`set_shown`)."""

    def __init__(
        self,
        hub: VocabularyHub,
        parent: QWidget | None = None,
        *,
        scheme: str = "din",
        root_of: RootOf = lemma_root,
    ) -> None:
        super().__init__(parent)
        self.hub = hub
        self.entries: list[EntryRecord] = []
        self.scheme = known_scheme(scheme)
        self.root_of = root_of

    def set_shown(self, *, scheme: str | None = None, root_of: RootOf | None = None) -> None:
        """A new romanization scheme or root reader: the Romanized and Root cells change."""
        if scheme is not None:
            self.scheme = known_scheme(scheme)
        if root_of is not None:
            self.root_of = root_of
        if self.entries:
            for column in (ROMANIZED, ROOT):
                top, bottom = self.index(0, column), self.index(len(self.entries) - 1, column)
                self.dataChanged.emit(top, bottom)

    def set_entries(self, entries: list[EntryRecord]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def update_entries(self, change: Change) -> bool:
        """Refresh the changed rows in place; False when a full reload is needed."""
        rows = {entry.id: row for row, entry in enumerate(self.entries)}
        if not change.entry_ids <= rows.keys():
            return False
        # Through the hub, in one query; a failing store means a full reload, which
        # says what happened in words.
        fresh = self.hub.read(lambda store: ops.entries_by_id(store, change.entry_ids), None)
        if fresh is None or not change.entry_ids <= fresh.keys():
            return False
        for entry_id in change.entry_ids:
            row = rows[entry_id]
            self.entries[row] = fresh[entry_id]
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        return True

    # -- Qt's model interface --------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802 (Qt override)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.column() in EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        column = index.column()
        if role == ENTRY_ROLE:
            return entry
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._cell(entry, column, editing=role == Qt.ItemDataRole.EditRole)
        if role == SORT_ROLE:
            if column == LEMMA:
                return strip_diacritics(entry.lemma)
            if column == SEEN:
                return entry.occurrence_count
            if column == ADDED:
                return entry.created_at.isoformat()
            if column == STATUS:
                return list(Status).index(entry.status)
            return self._cell(entry, column, editing=False)
        if role == Qt.ItemDataRole.ToolTipRole and column == GLOSS and entry.user_gloss:
            return f"Your gloss; the dictionary says “{entry.dictionary_gloss}”"
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (LEMMA, ROOT):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or index.column() not in EDITABLE:
            return False
        entry = self.entries[index.row()]
        text = str(value)
        column = index.column()
        if column == GLOSS:
            result = self.hub.apply(lambda store: ops.set_user_gloss(store, entry.id, text))
        elif column == STATUS:
            if text not in {s.value for s in Status}:
                return False
            result = self.hub.apply(lambda store: ops.set_status(store, entry.id, text))
        elif column == TAGS:
            result = self.hub.apply(lambda store: ops.set_tags(store, entry.id, split_tags(text)))
        else:
            result = self.hub.apply(lambda store: ops.set_notes(store, entry.id, text))
        return result is not None

    def _cell(self, entry: EntryRecord, column: int, *, editing: bool) -> Any:
        if column == LEMMA:
            return entry.lemma
        if column == ROMANIZED:
            return romanize_lemma(entry.lemma, entry.pos, scheme=self.scheme)
        if column == GLOSS:
            return (entry.user_gloss or "") if editing else entry.gloss
        if column == STATUS:
            return entry.status.value
        if column == ROOT:
            return self.root_of(entry.root, entry.lex, entry.pos).display
        if column == TAGS:
            return ", ".join(entry.tags)
        if column == NOTES:
            return entry.notes if editing else entry.notes.replace("\n", " ")
        if column == SEEN:
            return entry.occurrence_count
        return entry.created_at.strftime("%Y-%m-%d")


class StatusDelegate(QStyledItemDelegate):
    """Edits the Status column with a list of the four statuses."""

    def createEditor(  # noqa: N802 (Qt override)
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QWidget:
        editor = QComboBox(parent)
        editor.addItems([status.value for status in Status])
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        editor.setCurrentText(index.data(Qt.ItemDataRole.EditRole))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
