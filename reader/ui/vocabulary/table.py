"""The vocabulary as a table model over the store's query: a page of rows at a time.

The rows are read in pages (``canFetchMore``/``fetchMore``), sorted and
filtered in SQL (:func:`reader.store.lookup.entries_page`), on the vocabulary
hub's worker: the window never waits for a long vocabulary, and holds only the
pages the learner scrolled through. A newer query drops the answer of an older
one. An edit made in a cell is a store operation through the hub, and the hub's
change comes back to update the row in place (a new query only when words came
or went).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from reader import store as ops  # its operations import SQLAlchemy when first called
from reader.morphology.citation import known_scheme, romanize_lemma
from reader.morphology.roots.radicals import RootOf, lemma_root
from reader.store import Change, EntryRecord, Status
from reader.store.listing import EntryFilter, EntryPage, EntrySort
from reader.ui.base.tasks import Task
from reader.ui.base.vocabulary_hub import VocabularyHub
from reader.ui.word.entry_editor import split_tags

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Word", "Romanized", "Gloss", "Status", "Root", "Tags", "Notes", "Seen", "Added")
LEMMA, ROMANIZED, GLOSS, STATUS, ROOT, TAGS, NOTES, SEEN, ADDED = range(len(COLUMNS))
EDITABLE = {GLOSS, STATUS, TAGS, NOTES}
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 11
# The Romanized column is computed in the learner's scheme, not stored: it sorts
# as the words do (the romanization follows their letters).
SORTS = {
    LEMMA: EntrySort.LEMMA,
    ROMANIZED: EntrySort.LEMMA,
    GLOSS: EntrySort.GLOSS,
    STATUS: EntrySort.STATUS,
    ROOT: EntrySort.ROOT,
    TAGS: EntrySort.TAGS,
    NOTES: EntrySort.NOTES,
    SEEN: EntrySort.SEEN,
    ADDED: EntrySort.ADDED,
}
PAGE = 200  # rows read at a time: a few screens
# At most this many rows are read again after a change (a word saved meanwhile):
# further down a long list, the learner's place is given up for a quick answer.
KEPT_ROWS = 10 * PAGE


@dataclass(frozen=True)
class EntryQuery:
    """What the table shows: which entries, in which order."""

    filters: EntryFilter = EntryFilter()  # noqa: RUF009 (frozen)
    sort: EntrySort = EntrySort.LEMMA
    descending: bool = False


class VocabularyTableModel(QAbstractTableModel):
    """``scheme``: the romanization setting; ``root_of``: how roots are read
    (``Morphology.roots.root_of`` once the database is loaded: see :meth:`set_shown`)."""

    # The first page of a query is shown: the total (the dock's title) is known.
    answered = Signal()

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
        self.total = 0  # entries matching the query, loaded or not
        self.query = EntryQuery()
        self.scheme = known_scheme(scheme)
        self.root_of = root_of
        # Each query is numbered: an answer to an older one is dropped.
        self._generation = 0
        self._reading: list[Task[Any]] = []  # reads under way for the current query
        self._fetching = False
        self._computed: dict[tuple[int, int], str] = {}  # see _computed_cell

    def set_shown(self, *, scheme: str | None = None, root_of: RootOf | None = None) -> None:
        """A new romanization scheme or root reader: the Romanized and Root cells change."""
        if scheme is not None:
            self.scheme = known_scheme(scheme)
        if root_of is not None:
            self.root_of = root_of
        self._computed.clear()
        if self.entries:
            for column in (ROMANIZED, ROOT):
                top, bottom = self.index(0, column), self.index(len(self.entries) - 1, column)
                self.dataChanged.emit(top, bottom)

    # -- reading the store --------------------------------------------------------------

    def load(self, query: EntryQuery | None = None, *, keep_rows: bool = False) -> None:
        """Ask for the first page of ``query`` (the current one if None); the rows shown
        stay until it is answered. ``keep_rows``: read as many rows as are loaded now,
        up to ``KEPT_ROWS`` (after a change: the learner's place in the list stays)."""
        if query is not None:
            self.query = query
        self._generation += 1
        for task in self._reading:
            task.cancel()
        self._reading.clear()
        self._fetching = False
        generation, wanted = self._generation, self.query
        rows = min(max(PAGE, len(self.entries)), KEPT_ROWS) if keep_rows else PAGE
        self._read(wanted, 0, rows, lambda page: self._first_page(generation, page))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        descending = order == Qt.SortOrder.DescendingOrder
        self.load(replace(self.query, sort=SORTS[column], descending=descending))

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and not self._fetching and len(self.entries) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        generation, offset = self._generation, len(self.entries)
        self._read(self.query, offset, PAGE, lambda page: self._next_page(generation, page))

    def _read(self, query: EntryQuery, offset: int, limit: int, then: Any) -> None:
        def page(store: ops.Store) -> EntryPage:
            from reader.store.lookup import entries_page  # SQLAlchemy: once the store is open

            return entries_page(
                store,
                query.filters,
                sort=query.sort,
                descending=query.descending,
                offset=offset,
                limit=limit,
            )

        empty = EntryPage((), 0, offset)
        task = self.hub.read_later(page, empty, then)
        if task is not None and not task.done:
            self._reading.append(task)

    def _first_page(self, generation: int, page: EntryPage) -> None:
        if generation != self._generation:
            return  # a newer query was asked for meanwhile
        self._reading = [task for task in self._reading if not task.done]
        self.beginResetModel()
        self._computed.clear()
        self.entries = list(page.entries)
        self.total = page.total
        self.endResetModel()
        self.answered.emit()

    def _next_page(self, generation: int, page: EntryPage) -> None:
        self._reading = [task for task in self._reading if not task.done]
        if generation != self._generation or page.offset != len(self.entries):
            return
        self._fetching = False
        self.total = page.total
        if page.entries:
            first = len(self.entries)
            self.beginInsertRows(QModelIndex(), first, first + len(page.entries) - 1)
            self.entries.extend(page.entries)
            self.endInsertRows()
        else:
            self.total = len(self.entries)  # fewer than counted: deleted meanwhile

    @property
    def loading(self) -> bool:
        """Whether a read for the current query is still under way."""
        return any(not task.done for task in self._reading)

    def update_entries(self, change: Change) -> bool:
        """Refresh the changed rows in place; False when a new query is needed."""
        rows = {entry.id: row for row, entry in enumerate(self.entries)}
        if not change.entry_ids <= rows.keys():
            return False
        # A few rows, on the GUI thread; a failing store means a new query, which
        # says what happened in words.
        fresh = self.hub.read(lambda store: ops.entries_by_id(store, change.entry_ids), None)
        if fresh is None or not change.entry_ids <= fresh.keys():
            return False
        for entry_id in change.entry_ids:
            row = rows[entry_id]
            self.entries[row] = fresh[entry_id]
            for column in (ROMANIZED, ROOT):
                self._computed.pop((entry_id, column), None)
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
        if column in (ROMANIZED, ROOT):
            return self._computed_cell(entry, column)
        if column == GLOSS:
            return (entry.user_gloss or "") if editing else entry.gloss
        if column == STATUS:
            return entry.status.value
        if column == TAGS:
            return ", ".join(entry.tags)
        if column == NOTES:
            return entry.notes if editing else entry.notes.replace("\n", " ")
        if column == SEEN:
            return entry.occurrence_count
        return entry.created_at.strftime("%Y-%m-%d")

    def _computed_cell(self, entry: EntryRecord, column: int) -> str:
        # Kept for the rows read: the view asks for a cell many times (painting,
        # fitting the columns), and each answer here is real work.
        key = (entry.id, column)
        cell = self._computed.get(key)
        if cell is None:
            if column == ROMANIZED:
                cell = romanize_lemma(entry.lemma, entry.pos, scheme=self.scheme)
            else:
                cell = self.root_of(entry.root, entry.lex, entry.pos).display
            self._computed[key] = cell
        return cell


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
