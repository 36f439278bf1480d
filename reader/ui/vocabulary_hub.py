"""The window's one door to the learner's vocabulary file, and its one "what changed" signal.

Every view that shows saved words (the article's marks, the gloss pane, the
vocabulary and notes docks, the status bar) listens to :attr:`VocabularyHub.changed`
and refreshes itself; none of them pokes another (Anki's ``operations``).
A store operation is run through :meth:`VocabularyHub.apply`, which turns every
refusal of the store into a message instead of an exception: a busy file or a
row gone meanwhile on the status bar; a failed save (full disk, read-only file,
failing disk) also in a dialog the first time it happens, saying what to do.
After a read-only answer the hub stays open for reading (:attr:`read_only`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from reader import paths
from reader import store as ops  # its operations import SQLAlchemy when first called
from reader.store import (
    Change,
    CorruptStoreError,
    NewerStoreError,
    NotFoundError,
    StoreBusyError,
    StoreError,
    UnrecognisedStoreError,
)
from reader.store.errors import ReadOnlyStoreError
from reader.ui import dialogs
from reader.ui.tasks import TaskManager

if TYPE_CHECKING:
    from reader.store import Store

T = TypeVar("T")

START_FRESH = "Move it aside and start fresh"
QUIT = "Quit"
WITHOUT_SAVING = "Continue without saving words"
SAVING_OFF = "Saving words is off: the vocabulary file could not be opened."
NOT_SAVED = "Not saved"
READ_ONLY_TITLE = "Your vocabulary is read-only"


class VocabularyHub(QObject):
    """Holds the open :class:`Store` (or none) and announces every change made through it."""

    changed = Signal(object)  # a reader.store.Change
    message = Signal(str)  # one sentence for the status bar (busy file, saving off)
    availability_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store: Store | None = None
        self.unavailable_reason = "The vocabulary is still being opened."
        # Why saving fails while reading works (a read-only file, folder or -shm).
        self.read_only: str | None = None
        self._last_failure: str | None = None

    @property
    def available(self) -> bool:
        return self.store is not None

    def set_store(self, store: Store | None, reason: str = "") -> None:
        if self.store is not None and self.store is not store:
            self.store.close()
        self.store = store
        self.unavailable_reason = reason
        self.read_only = self._last_failure = None
        self.availability_changed.emit(store is not None)
        if store is not None:
            self.changed.emit(Change(vocabulary=True, notes=True, documents=True))

    def apply(self, operation: Callable[[Store], tuple[T, Change]]) -> T | None:
        """Run a store operation that changes data; announce what changed.

        None when there is no store or the store refused; the learner is told
        why: on the status bar, and in a dialog for a failed save the first time
        it happens (the same failure again only on the status bar).
        """
        if self.store is None:
            self.message.emit(self.unavailable_reason or SAVING_OFF)
            return None
        try:
            result, change = operation(self.store)
        except (StoreBusyError, NotFoundError) as error:
            self.message.emit(str(error))
            return None
        except StoreError as error:
            self._save_failed(error)
            return None
        self.read_only = self._last_failure = None  # writing works (again)
        if change:
            self.changed.emit(change)
        return result

    def _save_failed(self, error: StoreError) -> None:
        text = str(error)
        if isinstance(error, ReadOnlyStoreError):
            first, title = self.read_only is None, READ_ONLY_TITLE
            self.read_only = text
        else:
            first, title = text != self._last_failure, NOT_SAVED
        self._last_failure = text
        self.message.emit(f"{NOT_SAVED}: {text}")
        if first:
            parent = self.parent()
            widget = parent if isinstance(parent, QWidget) else None
            body = f"Nothing was saved.\n\n{text}"
            # After the slot that tried to save has returned: the dialog's own
            # event loop must not run inside a focus change or a key press.
            QTimer.singleShot(0, self, lambda: dialogs.inform(widget, title, body, kind="error"))

    def read(self, query: Callable[[Store], T], default: T) -> T:
        """Run a read-only query; ``default`` without a store or when the file is busy."""
        if self.store is None:
            return default
        try:
            return query(self.store)
        except StoreError as error:
            self.message.emit(str(error))
            return default

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None


class StoreUndoCommand(QUndoCommand):
    """An undoable store change (a delete) whose undo may fail, on a full disk say.

    QUndoStack steps back even when ``undo`` changed nothing; this command then
    steps it forward again, without redoing, so "Undo" stays offered until it works.
    Subclasses write :meth:`do` and :meth:`undo`, and call :meth:`undo_failed`.
    """

    def __init__(self, text: str, stack: QUndoStack) -> None:
        super().__init__(text)
        self._stack = stack
        self._skip_redo = False

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self.do()

    def do(self) -> None:
        raise NotImplementedError

    def undo_failed(self) -> None:
        self._skip_redo = True
        QTimer.singleShot(0, self._stack, self._stack.redo)


def _what_happened(error: StoreError) -> str:
    if isinstance(error, NewerStoreError):
        return "Your vocabulary file was written by a newer version of Arabic Reader."
    if isinstance(error, UnrecognisedStoreError):
        return "The vocabulary file is a database, but not one Arabic Reader made."
    if isinstance(error, CorruptStoreError):
        return "Your vocabulary file is damaged or is not a database."
    return "Your vocabulary file could not be opened."


class VocabularyOpener(QObject):
    """Opens the vocabulary file at start, asking before anything is set aside.

    A damaged, newer or foreign file is never deleted: the learner chooses to move
    it aside and start fresh, to quit, or to read on without saving words.
    """

    quit_requested = Signal()

    def __init__(
        self, hub: VocabularyHub, tasks: TaskManager, parent: QWidget, path: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.hub, self.tasks, self.parent_widget = hub, tasks, parent
        self.path = path or paths.vocabulary_db_path()
        # A store opened on the worker but not yet handed to the hub; closed by
        # shutdown() if the window goes away first (its delivery is then dropped).
        self._lock = threading.Lock()
        self._unclaimed: Store | None = None
        self._closing = False

    def start(self) -> None:
        path = self.path

        def work(task: object) -> Store:
            store = ops.open_store(path)
            with self._lock:
                if self._closing:
                    store.close()
                    raise StoreError("the window closed while the vocabulary was being opened")
                self._unclaimed = store
            return store

        self.tasks.run(work, on_success=self._opened, on_failure=self._failed)

    def _opened(self, store: Store) -> None:
        with self._lock:
            self._unclaimed = None
        self.hub.set_store(store)

    def shutdown(self) -> None:
        """The window is closing: a store opened (or opening) meanwhile is closed, not leaked."""
        with self._lock:
            self._closing = True
            store, self._unclaimed = self._unclaimed, None
        if store is not None:
            store.close()

    def _failed(self, error: BaseException) -> None:
        if self._closing:
            return
        if not isinstance(error, StoreError):
            self.hub.set_store(None, f"{SAVING_OFF} ({error})")
            dialogs.inform(self.parent_widget, "Vocabulary unavailable", f"{SAVING_OFF}\n\n{error}")
            return
        fixable = isinstance(error, CorruptStoreError | NewerStoreError | UnrecognisedStoreError)
        # Only a file that is not ours to read can be moved aside: a full disk or
        # a permission problem would follow the fresh file too.
        choices = (
            "You can move it aside untouched and start a fresh vocabulary, quit, "
            "or go on reading without saving words."
            if fixable
            else "Quit, do what is said above and start Arabic Reader again, "
            "or go on reading without saving words."
        )
        text = (
            f"{_what_happened(error)}\n\n{error}\n\n"
            f"The file is kept as it is at {self.path}. {choices}"
        )
        buttons = (START_FRESH, QUIT, WITHOUT_SAVING) if fixable else (QUIT, WITHOUT_SAVING)
        answer = dialogs.ask(
            self.parent_widget,
            "Your vocabulary could not be opened",
            text,
            buttons=buttons,
            default=WITHOUT_SAVING,
        )
        if answer == START_FRESH:
            self._start_fresh()
        elif answer == QUIT:
            self.hub.set_store(None, SAVING_OFF)
            self.quit_requested.emit()
        else:
            self.hub.set_store(None, SAVING_OFF)
            self.hub.message.emit(SAVING_OFF)

    def _start_fresh(self) -> None:
        try:
            aside = ops.set_aside_and_start_fresh(self.path)
            store = ops.open_store(self.path)
        except StoreError as error:
            self.hub.set_store(None, SAVING_OFF)
            dialogs.inform(self.parent_widget, "No fresh vocabulary", str(error))
            return
        self.hub.set_store(store)
        self.hub.message.emit(f"Started a fresh vocabulary; the old file is kept at {aside}.")
