"""Notes on the open document: free-standing, or anchored to a span of its text.

A dock built the first time it is shown. Clicking an anchored note selects its
span in the article (``span_clicked``); deleting is undoable (Ctrl+Z in the dock).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader import store as ops  # its operations import SQLAlchemy when first called
from reader.store import Change, NoteRecord
from reader.ui.base.lazy_dock import LazyDock
from reader.ui.base.vocabulary_hub import StoreUndoCommand, VocabularyHub

NOTE_ROLE = Qt.ItemDataRole.UserRole + 1
EMPTY_HINT = "No notes for this article yet — write one below and choose Add Note."
# The text selected in the article, as Document offsets and their text; None: no selection.
SelectionSource = Callable[[], tuple[int, int, str] | None]


class DeleteNote(StoreUndoCommand):
    def __init__(self, hub: VocabularyHub, note: NoteRecord, stack: QUndoStack) -> None:
        super().__init__("Delete note", stack)
        self.hub, self.note = hub, note

    def do(self) -> None:
        note_id = self.note.id
        self.hub.apply(
            lambda store: ops.delete_note(store, note_id), initiator=self, on_failed=self.do_failed
        )

    def revert(self) -> None:
        note = self.note
        self.hub.apply(
            lambda store: ops.restore_note(store, note),
            initiator=self,
            on_done=self._restored,
            on_failed=self.undo_failed,  # the note stays deleted, and Undo stays offered
        )

    def _restored(self, note: NoteRecord) -> None:
        self.note = note


def note_label(note: NoteRecord) -> str:
    if note.anchored:
        return f"«{note.anchor_text or ''}»  {note.text}"
    return note.text


class NotesDock(LazyDock):
    span_clicked = Signal(int, int)  # Document offsets of an anchored note

    def __init__(
        self, hub: VocabularyHub, selection: SelectionSource, parent: QWidget | None = None
    ) -> None:
        super().__init__("Notes", parent)
        self.setObjectName("notesDock")
        self.hub = hub
        self.selection = selection
        self.document_id: int | None = None
        self.notes: list[NoteRecord] = []
        self.undo_stack = QUndoStack(self)
        hub.changed.connect(self._on_changed)

    def set_document(self, document_id: int | None) -> None:
        if self.built and document_id != self.document_id:
            self.editor.clear()  # a note begun on the article left is not this one's
        self.document_id = document_id
        self.undo_stack.clear()  # undoing must never reach into another document
        self.reload()

    def _build_content(self) -> QWidget:
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.itemClicked.connect(self._clicked)
        self.list.currentItemChanged.connect(lambda *_: self._show_selected())
        self.editor = QPlainTextEdit(placeholderText="Write a note on this article…")
        self.editor.setFixedHeight(80)
        self.hint = QLabel(
            "Select words in the article first to attach the note to them.", wordWrap=True
        )
        self.hint.setStyleSheet("color:#7a705f")
        buttons = QHBoxLayout()
        self.add_button = QPushButton("Add Note")
        self.add_button.clicked.connect(self.add_from_editor)
        self.save_button = QPushButton("Save Changes")
        self.save_button.clicked.connect(self.save_selected)
        self.delete_button = QPushButton("Delete")
        self.delete_button.clicked.connect(self.delete_selected)
        undo = self.undo_stack.createUndoAction(self, "Undo")  # + "Delete note"
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        undo.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(undo)
        self.undo_action = undo
        undo_button = QToolButton()
        undo_button.setDefaultAction(undo)
        for button in (self.add_button, self.save_button, self.delete_button, undo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.empty_hint = QLabel(EMPTY_HINT, wordWrap=True)
        self.empty_hint.setStyleSheet("color:#7a705f")
        self.empty_hint.hide()
        layout.addWidget(self.empty_hint)
        for part in (self.list, self.editor, self.hint):
            layout.addWidget(part, 1 if part is self.list else 0)
        layout.addLayout(buttons)
        return body

    def _after_build(self) -> None:
        self.reload()

    # -- showing --------------------------------------------------------------------

    def reload(self) -> None:
        document_id = self.document_id
        self.notes = (
            self.hub.read(lambda store: ops.notes_for_document(store, document_id), [])
            if document_id is not None
            else []
        )
        if not self.built:
            return
        selected = self.selected_note()
        self.list.clear()
        for note in self.notes:
            item = QListWidgetItem(note_label(note))
            item.setData(NOTE_ROLE, note.id)
            item.setToolTip("Click to select its words in the article" if note.anchored else "")
            self.list.addItem(item)
            if selected is not None and note.id == selected.id:
                self.list.setCurrentItem(item)
        enabled = document_id is not None and self.hub.available
        for widget in (self.editor, self.add_button):
            widget.setEnabled(enabled)
        self.setWindowTitle(f"Notes ({len(self.notes)})" if self.notes else "Notes")
        self.empty_hint.setVisible(not self.notes and enabled)

    def _on_changed(self, change: Change) -> None:
        if change.notes and (self.document_id in change.document_ids or not change.document_ids):
            self.reload()

    def selected_note(self) -> NoteRecord | None:
        if not self.built or self.list.currentItem() is None:
            return None
        note_id = self.list.currentItem().data(NOTE_ROLE)
        return next((note for note in self.notes if note.id == note_id), None)

    def _show_selected(self) -> None:
        note = self.selected_note()
        self.save_button.setEnabled(note is not None)
        self.delete_button.setEnabled(note is not None)
        if note is not None:
            self.editor.setPlainText(note.text)

    def _clicked(self, item: QListWidgetItem) -> None:
        note = self.selected_note()
        if note is not None and note.start is not None and note.end is not None:
            self.span_clicked.emit(note.start, note.end)

    # -- actions --------------------------------------------------------------------

    def add_from_editor(self) -> bool:
        """A new note with the editor's text, anchored to the article's selection if any.

        True when the note was sent to the store; once saved, the editor is
        cleared (unless the learner has typed on meanwhile) and the note selected.
        A note the store refused stays in the editor, to try again.
        """
        text = self.editor.toPlainText().strip()
        document_id = self.document_id
        if not text or document_id is None:
            return False
        span = self.selection()
        start, end, anchor = span if span is not None else (None, None, None)

        def added(note: NoteRecord) -> None:
            if self.editor.toPlainText().strip() == text:
                self.editor.clear()
            for row in range(self.list.count()):
                if self.list.item(row).data(NOTE_ROLE) == note.id:
                    self.list.setCurrentRow(row)

        task = self.hub.apply(
            lambda store: ops.add_note(
                store, document_id, text, start=start, end=end, anchor_text=anchor
            ),
            initiator=self,
            on_done=added,
        )
        return task is not None

    def save_selected(self) -> None:
        note = self.selected_note()
        text = self.editor.toPlainText().strip()
        if note is not None and text and text != note.text:
            note_id = note.id
            self.hub.apply(lambda store: ops.update_note(store, note_id, text), initiator=self)

    def delete_selected(self) -> None:
        note = self.selected_note()
        if note is not None:
            self.undo_stack.push(DeleteNote(self.hub, note, self.undo_stack))
            self.editor.clear()
