"""The vocabulary and notes docks of the reader window, and going to a saved word's place."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer

from reader import store as ops  # its operations import SQLAlchemy when first called
from reader.filenames import shown_name
from reader.store import OccurrenceRecord
from reader.ui import dialogs
from reader.ui.notes_dock import NotesDock
from reader.ui.vocabulary_dock import VocabularyDock

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


class VocabularyDocks:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.vocabulary = VocabularyDock(window.vocabulary, window)
        self.notes = NotesDock(window.vocabulary, self.article_selection, window)
        # Below the article and the Word pane, not a tab behind the Word pane (where
        # the two could never be seen together) nor another column (on a small
        # screen three columns left the article a strip a few words wide). The
        # notes share the bottom with the vocabulary, as a tab.
        for dock in (self.vocabulary, self.notes):
            window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        window.tabifyDockWidget(self.vocabulary, self.notes)
        for dock in (self.vocabulary, self.notes):
            dock.hide()
            # Shown from the menu or its key: bring its tab to the front.
            dock.toggleViewAction().triggered.connect(
                lambda checked, d=dock: d.raise_() if checked else None
            )
        self.vocabulary.toggleViewAction().setShortcut("Ctrl+Shift+L")
        self.notes.toggleViewAction().setShortcut("Ctrl+Shift+N")
        self.vocabulary.show_in_context.connect(self.show_occurrence)
        self.notes.span_clicked.connect(window.view.select_span)
        self._pending: OccurrenceRecord | None = None

    def document_shown(self, document_id: int | None) -> None:
        self.vocabulary.current_document_id = document_id
        self.notes.set_document(document_id)
        pending, self._pending = self._pending, None
        if pending is not None and pending.document_id == document_id:
            # After the first layout pass, so the word's line is known.
            QTimer.singleShot(0, lambda: self._focus(pending))

    def article_selection(self) -> tuple[int, int, str] | None:
        view, document = self.window.view, self.window.document
        span = view.selected_span()
        if span is None or document is None or span[1] <= span[0]:
            return None
        start, end = span
        return start, end, document.text[start:end]

    def show_occurrence(self, occurrence: OccurrenceRecord) -> bool:
        """Open the occurrence's document (unless it is open) and pin the word there."""
        window = self.window
        record = window.words.document_record
        if record is not None and record.id == occurrence.document_id:
            self._focus(occurrence)
            return True
        hub = window.vocabulary
        document = hub.read(lambda store: ops.get_document(store, occurrence.document_id), None)
        path = Path(document.path) if document is not None and document.path else None
        title = occurrence.document_title
        if path is None or not path.is_file():
            dialogs.inform(
                window,
                "The article is not on disk",
                f"“{title}” is no longer at {shown_name(path)}; "
                f"the word was saved from it with its sentence:\n\n{occurrence.sentence}"
                if path is not None
                else f"“{title}” was pasted, not opened from a file, so it cannot be reopened. "
                f"The word was saved with its sentence:\n\n{occurrence.sentence}",
                kind="information",
            )
            return False
        self._pending = occurrence
        if not window.open_path(path):
            self._pending = None
            return False
        if self._pending is not None and not window.opener.busy:
            # Opened, yet another text: the file changed since the word was saved.
            self._pending = None
            window.statusBar().showMessage(
                f"{shown_name(path.name)} has changed since {occurrence.surface} "
                "was saved from it.",
                8000,
            )
        return True

    def _focus(self, occurrence: OccurrenceRecord) -> None:
        window = self.window
        document = window.document
        if document is None:
            return
        token = document.token_at(occurrence.start)
        if token is None:
            return
        window.view.pin(token.index)
