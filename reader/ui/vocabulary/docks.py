"""The vocabulary and notes docks of the reader window, and going to a saved word's place."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QStatusBar, QWidget

from reader import store as ops  # its operations import SQLAlchemy when first called
from reader.reading.session import Aspect, ReadingSession, SessionChange
from reader.store import DocumentRecord, OccurrenceRecord
from reader.system.filenames import shown_name
from reader.ui.article.opening import DocumentOpener
from reader.ui.article.view import ArticleView
from reader.ui.base import dialogs
from reader.ui.base.vocabulary_hub import VocabularyHub
from reader.ui.vocabulary.dock import VocabularyDock
from reader.ui.vocabulary.notes_dock import NotesDock

# The docks below the article take at most this share of the window's height.
BOTTOM_SHARE = 0.45


class VocabularyDocks:
    """The Vocabulary and Notes docks; the window places them (``all``)."""

    def __init__(
        self,
        hub: VocabularyHub,
        session: ReadingSession,
        view: ArticleView,
        opener: DocumentOpener,
        status_bar: QStatusBar,
        parent: QWidget,
    ) -> None:
        self.hub, self.session, self.view, self.opener = hub, session, view, opener
        self.status_bar, self.dialog_parent = status_bar, parent
        self.vocabulary = VocabularyDock(hub, parent)
        self.notes = NotesDock(hub, self.article_selection, parent)
        self.all: tuple[QDockWidget, ...] = (self.vocabulary, self.notes)
        self._given_room: set[QDockWidget] = set()  # the docks _room has sized
        for dock in self.all:
            # Shown from the menu or its key: bring its tab to the front.
            dock.toggleViewAction().triggered.connect(
                lambda checked, d=dock: d.raise_() if checked else None
            )
        self.vocabulary.toggleViewAction().setShortcut("Ctrl+Shift+L")
        self.notes.toggleViewAction().setShortcut("Ctrl+Shift+N")
        for dock in self.all:
            # After the dock is laid out, at whatever height the window first gave it.
            dock.visibilityChanged.connect(
                lambda visible, d=dock: visible and QTimer.singleShot(0, lambda: self._room(d))
            )
        self.vocabulary.show_in_context.connect(self.show_occurrence)
        self.notes.span_clicked.connect(view.select_span)
        self._pending: OccurrenceRecord | None = None
        session.subscribe(self._on_session_changed)

    def _room(self, dock: QDockWidget) -> None:
        """A dock first shown below the article gets several rows of the table (the
        window gave it its minimum: one row), within BOTTOM_SHARE of the window's
        height. Once: after that its height is the learner's."""
        window = self.dialog_parent
        if dock in self._given_room or not isinstance(window, QMainWindow):
            return
        if dock.isFloating() or not dock.isVisible():
            return
        self._given_room.add(dock)
        if window.dockWidgetArea(dock) != Qt.DockWidgetArea.BottomDockWidgetArea:
            return
        height = round(window.height() * BOTTOM_SHARE)
        if dock is self.vocabulary:
            height = min(height, self.vocabulary.wanted_height())
        if dock.height() < height:
            window.resizeDocks([dock], [height], Qt.Orientation.Vertical)

    def _on_session_changed(self, change: SessionChange) -> None:
        if Aspect.DOCUMENT in change:
            # Until the store knows the new document: nothing of the one left
            # (its notes, a note being written) may be shown or attached to it.
            self.vocabulary.current_document_id = None
            self.notes.set_document(None)

    def document_shown(self, record: DocumentRecord | None) -> None:
        """The store knows the document shown (None: it cannot)."""
        document_id = record.id if record is not None else None
        self.vocabulary.current_document_id = document_id
        self.notes.set_document(document_id)
        pending, self._pending = self._pending, None
        if pending is not None and pending.document_id == document_id:
            document = self.session.document
            # After the first layout pass, so the word's line is known; not if
            # another document was shown meanwhile.
            QTimer.singleShot(
                0, lambda: self._focus(pending) if self.session.document is document else None
            )

    def article_selection(self) -> tuple[int, int, str] | None:
        document = self.session.document
        span = self.view.selected_span()
        if span is None or document is None or span[1] <= span[0]:
            return None
        start, end = span
        return start, end, document.text[start:end]

    def show_occurrence(self, occurrence: OccurrenceRecord) -> bool:
        """Open the occurrence's document (unless it is open) and pin the word there."""
        if (
            self.session.document is not None
            and self.vocabulary.current_document_id == occurrence.document_id
        ):
            self._focus(occurrence)
            return True
        hub = self.hub
        document = hub.read(lambda store: ops.get_document(store, occurrence.document_id), None)
        path = Path(document.path) if document is not None and document.path else None
        title = occurrence.document_title
        if path is None or not path.is_file():
            dialogs.inform(
                self.dialog_parent,
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
        if not self.opener.open_path(path):
            self._pending = None
            return False
        if self._pending is not None and not self.opener.busy:
            # Opened, yet another text: the file changed since the word was saved.
            self._pending = None
            self.status_bar.showMessage(
                f"{shown_name(path.name)} has changed since {occurrence.surface} "
                "was saved from it.",
                8000,
            )
        return True

    def _focus(self, occurrence: OccurrenceRecord) -> None:
        document = self.session.document
        if document is None:
            return
        token = document.token_at(occurrence.start)
        if token is None:
            return
        self.session.pin(token.index)
