"""The vocabulary window: every saved word, searchable, filterable, editable in place.

A dock built the first time it is shown (Frescobaldi's ``panel.py``). Deleting
is undoable (Ctrl+Z in the dock, or "Undo Delete"), through ``restore_entry``.
The table reads its rows a page at a time on the hub's worker (see
:mod:`reader.ui.vocabulary.table`); a search waits for a pause in the typing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFontMetrics, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QStyledItemDelegate,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader import store as ops
from reader.morphology.roots.radicals import (
    RootOf,  # its operations import SQLAlchemy when first called
)
from reader.store import Change, DeletedEntry, EntryRecord, OccurrenceRecord, Status
from reader.store.listing import EntryFilter
from reader.ui.base import fonts
from reader.ui.base.lazy_dock import LazyDock
from reader.ui.base.vocabulary_hub import StoreUndoCommand, VocabularyHub
from reader.ui.vocabulary.table import (
    ENTRY_ROLE,
    GLOSS,
    LEMMA,
    NOTES,
    ROOT,
    STATUS,
    EntryQuery,
    StatusDelegate,
    VocabularyTableModel,
)

if TYPE_CHECKING:
    from reader.store import Store

ALL = "All"
# S: the Word menu's Save Word, for the word under the mouse or the pinned one.
EMPTY_HINT = "No saved words yet — hover a word in the article and press S to save it."
NO_MATCH_HINT = "No saved word matches these filters."
# A search is asked for once the typing pauses this long: one query per word
# typed, not one per key.
SEARCH_PAUSE_MS = 150
FIT_ROWS = 50
# The table shows at least MIN_ROWS rows (one row told nothing), DEFAULT_ROWS when the
# window has the room.
MIN_ROWS = 2
DEFAULT_ROWS = 6


class DeleteEntry(StoreUndoCommand):
    """Delete a saved word; undoing brings it back with its occurrences, tags and notes.

    Both run on the hub's worker, one after the other: what the delete removed
    is kept there, so an undo asked for before the delete's outcome reached the
    window still restores it.
    """

    def __init__(self, hub: VocabularyHub, entry: EntryRecord, stack: QUndoStack) -> None:
        super().__init__(f"Delete {entry.lemma}", stack)
        self.hub, self.entry_id = hub, entry.id
        self._deleted: DeletedEntry | None = None  # written and read on the worker only

    def do(self) -> None:
        entry_id = self.entry_id

        def delete(store: Store) -> tuple[DeletedEntry, Change]:
            deleted, change = ops.delete_entry(store, entry_id)
            self._deleted = deleted
            return deleted, change

        self.hub.apply(delete, initiator=self, on_failed=self.do_failed)

    def revert(self) -> None:
        def restore(store: Store) -> tuple[tuple[DeletedEntry, EntryRecord] | None, Change]:
            deleted = self._deleted
            if deleted is None:
                return None, Change()  # the delete failed: nothing to bring back
            restored, change = ops.restore_entry(store, deleted)
            return (deleted, restored), change

        self.hub.apply(restore, initiator=self, on_done=self._restored, on_failed=self.undo_failed)

    def _restored(self, outcome: tuple[DeletedEntry, EntryRecord] | None) -> None:
        if outcome is None:
            return
        deleted, restored = outcome
        self.entry_id = restored.id
        if restored.id != deleted.entry.id:
            # Saved again since the delete: the old places, tags, gloss and notes
            # joined the newer entry, which kept its status (the store's rule);
            # Redo must not delete that newer save.
            self.no_redo()


class VocabularyDock(LazyDock):
    show_in_context = Signal(object)  # an OccurrenceRecord

    def __init__(self, hub: VocabularyHub, parent: QWidget | None = None) -> None:
        super().__init__("Vocabulary", parent)
        self.setObjectName("vocabularyDock")
        self.hub = hub
        self.current_document_id: int | None = None
        self.undo_stack = QUndoStack(self)
        self._shown: dict[str, Any] = {}  # VocabularyTableModel's scheme and root_of
        hub.changed.connect(self._on_changed)
        hub.availability_changed.connect(lambda _available: self.reload())

    def set_shown(self, *, scheme: str | None = None, root_of: RootOf | None = None) -> None:
        """The romanization scheme and the root reader of the table (kept until built)."""
        if scheme is not None:
            self._shown["scheme"] = scheme
        if root_of is not None:
            self._shown["root_of"] = root_of
        if self.built:
            self.model.set_shown(scheme=scheme, root_of=root_of)

    # -- building -------------------------------------------------------------------

    def _build_content(self) -> QWidget:
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        filters = QHBoxLayout()
        self.search_edit = QLineEdit(
            placeholderText="Search: Arabic (with or without vowels) or English"
        )
        self.search_edit.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.status_filter.addItems([ALL, *(status.value for status in Status)])
        self.tag_filter = QComboBox()
        self.document_filter = QComboBox()
        self.root_edit = QLineEdit(placeholderText="Root, e.g. ك ت ب")
        self.root_edit.setMinimumWidth(70)
        for combo in (self.status_filter, self.tag_filter, self.document_filter):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(6)
        self.search_edit.setMinimumWidth(160)
        # The search alone on its row, stretching; the filters below: the dock then
        # fits a narrow column beside the article.
        layout.addWidget(self.search_edit)
        for widget in (self.status_filter, self.tag_filter, self.document_filter):
            filters.addWidget(widget, 1)
        filters.addWidget(self.root_edit, 1)
        layout.addLayout(filters)

        self.model = VocabularyTableModel(self.hub, self, **self._shown)
        self.model.answered.connect(self._answered)
        self.table = QTableView()
        self.table.setModel(self.model)
        # The header's click sorts in SQL (the model's sort()); the first query
        # is asked for once the filters are filled (_after_build).
        self.table.horizontalHeader().setSortIndicator(LEMMA, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self.model.sort)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.horizontalHeader().setSectionsClickable(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setItemDelegateForColumn(STATUS, StatusDelegate(self.table))
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # Each column as wide as its header and cells; the gloss takes the rest.
        # The notes stay the learner's to widen: a long note would crowd the rest.
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Fitted to the rows on screen and a few dozen more, not to every row read:
        # fitting asks each cell for its size, many times a row.
        header.setResizeContentsPrecision(FIT_ROWS)
        header.setSectionResizeMode(GLOSS, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(NOTES, QHeaderView.ResizeMode.Interactive)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        arabic = _ArabicDelegate(self.table)
        self.table.setItemDelegateForColumn(LEMMA, arabic)
        self.table.setItemDelegateForColumn(ROOT, arabic)
        # Rows as tall as the Arabic face needs, vowels above and below included.
        rows = self.table.verticalHeader()
        rows.setDefaultSectionSize(max(rows.defaultSectionSize(), arabic.row_height()))
        self.table.setMinimumHeight(self._table_height(MIN_ROWS))
        layout.addWidget(self.table, 1)
        self.empty_hint = QLabel(EMPTY_HINT, wordWrap=True)
        self.empty_hint.setStyleSheet("color:#7a705f")
        self.empty_hint.hide()
        layout.addWidget(self.empty_hint)

        buttons = QHBoxLayout()
        self.context_button = QToolButton(text="Show in Context")
        self.context_button.clicked.connect(self.show_selected_in_context)
        self.delete_button = QToolButton(text="Delete")
        self.delete_button.clicked.connect(self.delete_selected)
        # Qt writes "<prefix> <command text>": the command already says "Delete …".
        self.undo_action = self.undo_stack.createUndoAction(self, "Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.undo_action)
        undo_button = QToolButton()
        undo_button.setDefaultAction(self.undo_action)
        delete_key = QAction(self)
        delete_key.setShortcut(QKeySequence.StandardKey.Delete)
        delete_key.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        delete_key.triggered.connect(self.delete_selected)
        self.table.addAction(delete_key)
        for button in (self.context_button, self.delete_button, undo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self._search_pause = QTimer(self, singleShot=True, interval=SEARCH_PAUSE_MS)
        self._search_pause.timeout.connect(self.reload)
        self.search_edit.textChanged.connect(self._typed)
        self.root_edit.textChanged.connect(self._typed)
        for combo in (self.status_filter, self.tag_filter, self.document_filter):
            combo.currentIndexChanged.connect(self.reload)
        self.table.doubleClicked.connect(self._double_clicked)
        return body

    def _after_build(self) -> None:
        self._fill_filters()
        self.reload()

    def _table_height(self, rows: int) -> int:
        header = self.table.horizontalHeader().sizeHint().height()
        row = self.table.verticalHeader().defaultSectionSize()
        return header + rows * row + 2 * self.table.frameWidth()

    def wanted_height(self) -> int:
        """The dock's height with DEFAULT_ROWS rows of the table in view (built, shown)."""
        return self.height() - self.table.height() + self._table_height(DEFAULT_ROWS)

    def _fill_filters(self) -> None:
        tags = self.hub.read(lambda store: ops.all_tags(store), [])
        documents = self.hub.read(lambda store: ops.recent_documents(store, 50), [])
        for combo, items in (
            (self.tag_filter, [(f"#{tag}", tag) for tag in tags]),
            (self.document_filter, [(d.title[:40], d.id) for d in documents]),
        ):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem("All tags" if combo is self.tag_filter else "All documents", None)
            for label, value in items:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)

    # -- showing --------------------------------------------------------------------

    def _typed(self) -> None:
        if self.hub.tasks.synchronous:
            self.reload()  # nothing runs behind the typing to wait for (tests)
        else:
            self._search_pause.start()  # restarted by each key

    def reload(self, *, keep_rows: bool = False) -> None:
        """Ask for the rows the filters choose; shown when the hub's worker answers."""
        if not self.built:
            return
        self._search_pause.stop()
        status = self.status_filter.currentText()
        filters = EntryFilter(
            search=self.search_edit.text() or None,
            status=None if status == ALL else status,
            tag=self.tag_filter.currentData(),
            document_id=self.document_filter.currentData(),
            root=self.root_edit.text() or None,
        )
        query = EntryQuery(filters, self.model.query.sort, self.model.query.descending)
        self.model.load(query, keep_rows=keep_rows)

    def _answered(self) -> None:
        # The other columns fit themselves (ResizeToContents); the notes, the learner's
        # to widen, start fitted.
        self.table.resizeColumnToContents(NOTES)
        self._show_hint()
        where = "" if self.hub.available else f" — {self.hub.unavailable_reason}"
        self.setWindowTitle(f"Vocabulary ({self.model.total}){where}")

    def _show_hint(self) -> None:
        empty = self.model.rowCount() == 0 and self.hub.available
        filtered = bool(self.search_edit.text() or self.root_edit.text()) or any(
            combo.currentIndex() > 0
            for combo in (self.status_filter, self.tag_filter, self.document_filter)
        )
        self.empty_hint.setText(NO_MATCH_HINT if filtered else EMPTY_HINT)
        self.empty_hint.setVisible(empty)

    def _on_changed(self, change: Change) -> None:
        if not self.built:
            return
        if change.vocabulary and not self.model.update_entries(change):
            self._fill_filters()
            self.reload(keep_rows=True)
        elif change.documents:
            self._fill_filters()

    def caught_up(self) -> None:
        """Ask at once for the search typed, and wait for the answer (for tests)."""
        if self._search_pause.isActive():
            self.reload()
        if self.model.loading:
            self.hub.tasks.wait_idle()  # ours among them; nothing once the hub is closed

    def lemmas(self) -> list[str]:
        """Every word the filters choose, in the table's order, once answered (for tests
        and accessibility: it reads the whole listing, as the window itself never does)."""
        self.caught_up()
        while self.model.canFetchMore() and not self.model.loading:
            self.model.fetchMore()
            self.caught_up()
        return [self.model.index(row, LEMMA).data() for row in range(self.model.rowCount())]

    def select_row(self, row: int) -> None:
        """Select a row of the listing once it is answered."""
        self.caught_up()
        self.table.selectRow(row)
        self.table.setCurrentIndex(self.model.index(row, LEMMA))

    def selected_entry(self) -> EntryRecord | None:
        index = self.table.currentIndex()
        return self.model.data(index, ENTRY_ROLE) if index.isValid() else None

    # -- actions --------------------------------------------------------------------

    def delete_selected(self) -> None:
        entry = self.selected_entry()
        if entry is not None:
            self.undo_stack.push(DeleteEntry(self.hub, entry, self.undo_stack))

    def show_selected_in_context(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        seen = self.hub.read(lambda store: ops.occurrences(store, entry.id), [])
        if not seen:
            self.hub.message.emit(f"{entry.lemma} was saved without a place in a text.")
            return
        here = [o for o in seen if o.document_id == self.current_document_id]
        self.show_in_context.emit((here or seen)[-1])

    def _double_clicked(self, index: QModelIndex) -> None:
        if not index.flags() & Qt.ItemFlag.ItemIsEditable:
            self.show_selected_in_context()

    def _context_menu(self, point: QPoint) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        menu = QMenu(self)
        seen: list[OccurrenceRecord] = self.hub.read(
            lambda store: ops.occurrences(store, entry.id), []
        )
        for occurrence in seen:
            action = menu.addAction(
                f"Show in “{occurrence.document_title[:40]}”: {occurrence.surface}"
            )
            action.triggered.connect(lambda _=False, o=occurrence: self.show_in_context.emit(o))
        menu.addSeparator()
        menu.addAction("Delete", self.delete_selected)
        menu.exec(self.table.viewport().mapToGlobal(point))


class _ArabicDelegate(QStyledItemDelegate):
    """Draws Arabic columns (word, root) in the Arabic face, a little larger than the table's.

    Sized with that face's metrics, not the table's: its marks above and below
    the letters reach further than a Latin line.
    """

    FONT_SIZE = 15
    PADDING = 10

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Once: looking the face up goes over every installed family, and a cell's
        # size is asked for hundreds of times whenever the columns are fitted.
        self._font = fonts.arabic_font(self.FONT_SIZE)
        self._metrics = QFontMetrics(self._font)

    def initStyleOption(self, option, index) -> None:  # noqa: N802 (Qt override)
        super().initStyleOption(option, index)
        option.font = self._font

    def row_height(self) -> int:
        return self._metrics.height() + self.PADDING

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 (Qt override)
        hint = super().sizeHint(option, index)
        text = str(index.data() or "")
        width = self._metrics.horizontalAdvance(text) + 2 * self.PADDING
        return QSize(max(hint.width(), width), max(hint.height(), self.row_height()))
