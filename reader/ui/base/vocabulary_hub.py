"""The window's one door to the learner's vocabulary file, and its one "what changed" signal.

Every view that shows saved words (the article's marks, the gloss pane, the
vocabulary and notes docks, the status bar) reads through the hub, listens to
:attr:`VocabularyHub.changed` and refreshes itself; none of them pokes another
(Anki's ``operations``), and none holds the store.

Writes are Anki's ``CollectionOp``: :meth:`VocabularyHub.apply` runs the store
operation on the hub's own worker, never on the GUI thread (a busy file waits
seconds there, not in the event loop), one at a time and in the order asked;
back on the GUI thread the operation's :class:`Change`, stamped with who asked
(``initiator``), goes out on :attr:`~VocabularyHub.changed`, and then the
caller's ``on_done`` gets the result. The hub has a worker of its own so that a
save never queues behind a long article's analysis.

Quick reads (:meth:`VocabularyHub.read`) stay on the GUI thread.

Every refusal of the store becomes a message instead of an exception: a busy
file or a row gone meanwhile on the status bar; a failed save (full disk,
read-only file, failing disk) also in a dialog the first time it happens, saying
what to do. After a read-only answer the hub stays open for reading (:attr:`read_only`),
as it is from the start for a file the store could open only for reading (a
read-only or full disk), said once when it opens.
"""

from __future__ import annotations

import sqlite3
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

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
from reader.system import paths
from reader.ui.base import dialogs
from reader.ui.base.tasks import Task, TaskManager

if TYPE_CHECKING:
    from reader.store import Store

T = TypeVar("T")

START_FRESH = "Move it aside and start fresh"
QUIT = "Quit"
WITHOUT_SAVING = "Continue without saving words"
SAVING_OFF = "Saving words is off: the vocabulary file could not be opened."
NOT_SAVED = "Not saved"
NOT_READ = "Your saved words could not be read"
READ_ONLY_TITLE = "Your vocabulary is read-only"
# How long closing waits for a write still running (it may itself be waiting
# out SQLite's busy timeout) before the file is closed under it.
CLOSE_WAIT_S = 30.0


def _from_sqlite(error: BaseException) -> bool:
    """An error SQLite raised (bare, or wrapped by SQLAlchemy) that the store did not name."""
    return any(isinstance(e, sqlite3.Error) for e in (error, getattr(error, "orig", None)))


def _raise_here(error: BaseException) -> None:
    """A read's own bug, raised again on the GUI thread, where it is seen."""
    raise error


def _as_store_error(error: BaseException) -> StoreError:
    if isinstance(error, StoreError):
        return error
    detail = getattr(error, "orig", None) or error
    return StoreError(f"The vocabulary file could not be used ({detail}); nothing was changed.")


class VocabularyHub(QObject):
    """Holds the open :class:`Store` (or none) and announces every change made through it.

    ``synchronous``: the hub's worker runs each write at once, in the calling
    thread (the tests' choice, as for the window's :class:`TaskManager`).
    """

    changed = Signal(object)  # a reader.store.Change, its initiator set
    message = Signal(str)  # one sentence for the status bar (busy file, saving off)
    availability_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, synchronous: bool = False) -> None:
        super().__init__(parent)
        self.store: Store | None = None
        self.unavailable_reason = "The vocabulary is still being opened."
        # Why saving fails while reading works (a read-only file, folder or -shm).
        self.read_only: str | None = None
        self._last_failure: str | None = None
        self.tasks = TaskManager(self, synchronous=synchronous)
        # Writes sent to the worker and not yet finished there (closing waits for them).
        self._pending = 0
        self._idle = threading.Condition()

    @property
    def available(self) -> bool:
        return self.store is not None

    def set_store(self, store: Store | None, reason: str = "") -> None:
        if self.store is not None and self.store is not store:
            self.wait_for_writes()
            self.store.close()
        self.store = store
        self.unavailable_reason = reason
        self.read_only = self._last_failure = None
        self.availability_changed.emit(store is not None)
        if store is not None:
            self.changed.emit(Change(vocabulary=True, notes=True, documents=True))
            if store.read_only:  # a read-only or full disk: said once, before any save
                self._save_failed(ReadOnlyStoreError(store.read_only), at_open=True)

    # -- writes ---------------------------------------------------------------------

    def apply(
        self,
        operation: Callable[[Store], tuple[T, Change]],
        *,
        initiator: object | None = None,
        on_done: Callable[[T], None] | None = None,
        on_failed: Callable[[], None] | None = None,
    ) -> Task[tuple[T, Change]] | None:
        """Run a store operation that changes data on the hub's worker; announce what changed.

        On the GUI thread afterwards: the operation's Change (if not empty), as
        asked for by ``initiator``, on :attr:`changed`, then ``on_done(result)``.
        If the store refuses, the learner is told why (on the status bar, and in
        a dialog for a failed save the first time it happens) and ``on_failed()``
        is called. None, and ``on_failed()`` at once, when there is no store;
        else the running :class:`Task` (done on return when synchronous).
        """
        store = self.store
        if store is None:
            self.message.emit(self.unavailable_reason or SAVING_OFF)
            if on_failed is not None:
                on_failed()
            return None

        def work(_task: object) -> tuple[T, Change]:
            try:
                return operation(store)
            finally:
                with self._idle:
                    self._pending -= 1
                    self._idle.notify_all()

        def succeeded(outcome: tuple[T, Change]) -> None:
            result, change = outcome
            self.read_only = self._last_failure = None  # writing works (again)
            if change:
                self.changed.emit(change.by(initiator))
            if on_done is not None:
                on_done(result)

        def failed(error: BaseException) -> None:
            self._refused(error)
            if on_failed is not None:
                on_failed()

        with self._idle:
            self._pending += 1
        return self.tasks.run(work, on_success=succeeded, on_failure=failed)

    def run(
        self,
        work: Callable[[Store], T],
        *,
        on_done: Callable[[T], None],
        on_failed: Callable[[BaseException], None],
    ) -> Task[T] | None:
        """A long operation that only reads the store (an export) on the hub's worker,
        after the writes sent before it; ``on_failed(error)`` says why in the caller's
        words. None when there is no store (the caller says so)."""
        store = self.store
        if store is None:
            return None
        return self.tasks.run(lambda _task: work(store), on_success=on_done, on_failure=on_failed)

    @property
    def writing(self) -> bool:
        """Whether a write is still running on the worker (or waiting its turn)."""
        with self._idle:
            return self._pending > 0

    def wait_for_writes(self, timeout: float = CLOSE_WAIT_S) -> bool:
        """Block until every write sent has finished on the worker; False on timeout.

        For closing: the reading position saved as the window closes must reach
        the file before the file is closed. What the writes deliver afterwards
        still comes through the event loop.
        """
        with self._idle:
            return self._idle.wait_for(lambda: self._pending == 0, timeout)

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, StoreBusyError | NotFoundError):
            self.message.emit(str(error))
            return
        if not isinstance(error, StoreError):
            # Not a refusal the store knows: said to the learner, kept for the developer.
            traceback.print_exception(error, file=sys.stderr)
        self._save_failed(_as_store_error(error))

    def _save_failed(self, error: StoreError, *, at_open: bool = False) -> None:
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
            done = (
                "Your saved words are shown, but new ones cannot be saved."
                if at_open
                else "Nothing was saved."
            )
            body = f"{done}\n\n{text}"
            # After the slot that tried to save has returned: the dialog's own
            # event loop must not run inside a focus change or a key press.
            QTimer.singleShot(0, self, lambda: dialogs.inform(widget, title, body, kind="error"))

    # -- reads ----------------------------------------------------------------------

    def read(self, query: Callable[[Store], T], default: T) -> T:
        """Run a quick read-only query here; ``default`` without a store or when it fails.

        A failure (a busy or damaged file) is said on the status bar, never raised.
        """
        return self._read(self.store, query, default)

    def read_later(
        self, query: Callable[[Store], T], default: T, on_done: Callable[[T], None]
    ) -> Task[T] | None:
        """:meth:`read` on the hub's worker, after the writes sent before it (a long
        listing); ``on_done(result)`` back on the GUI thread, ``default`` when it failed
        (said on the status bar). Cancel the task to drop a stale answer. None, and
        ``on_done(default)`` at once, when there is no store."""
        store = self.store
        if store is None:
            on_done(default)
            return None

        def work(task: Task[T]) -> T:
            return default if task.is_cancelled() else self._read(store, query, default)

        return self.tasks.run(work, on_success=on_done, on_failure=_raise_here)

    def reader(self) -> Callable[[Callable[[Store], T], T], T]:
        """:meth:`read`, bound to the store open now, for a task on another thread
        (the article's saved entries read on the worker with its analysis). A failure
        is said on the status bar all the same (the signal crosses threads)."""
        store = self.store
        return lambda query, default: self._read(store, query, default)

    def _read(self, store: Store | None, query: Callable[[Store], T], default: T) -> T:
        if store is None:
            return default
        try:
            return query(store)
        except Exception as error:  # noqa: BLE001 (only the store's and SQLite's, below)
            if not isinstance(error, StoreError) and not _from_sqlite(error):
                raise
            self.message.emit(f"{NOT_READ}: {_as_store_error(error)}")
            return default

    def close(self) -> None:
        """Let the writes sent finish, then close the file; later deliveries are dropped."""
        self.wait_for_writes()
        self.tasks.shutdown()
        if self.store is not None:
            self.store.close()
            self.store = None


class StoreUndoCommand(QUndoCommand):
    """An undoable store change (a delete) run through the hub, whose undo may fail.

    The store work is done on the hub's worker, so its outcome may arrive after
    QUndoStack has moved on. A change that did not happen (:meth:`do_failed`) or
    may not be redone (:meth:`no_redo`) makes the command obsolete: Qt then
    drops it, at once when it is still running, else on the next step past it,
    which the command takes itself. QUndoStack also steps back when ``undo``
    changed nothing; :meth:`undo_failed` steps it forward again, without
    redoing, so "Undo" stays offered until it works.
    Subclasses write :meth:`do` and :meth:`undo`.
    """

    def __init__(self, text: str, stack: QUndoStack) -> None:
        super().__init__(text)
        self._stack = stack
        self._skip_redo = False
        self._running = False  # inside redo() or undo(): Qt drops an obsolete command itself

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._run(self.do)

    def undo(self) -> None:
        self._run(self.revert)

    def _run(self, step: Callable[[], None]) -> None:
        self._running = True
        try:
            step()
        finally:
            self._running = False

    def do(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def do_failed(self) -> None:
        """Nothing was changed: the command leaves the stack (Undo is not offered)."""
        self._make_obsolete()

    def no_redo(self) -> None:
        """Undone for good (e.g. merged into a newer save): Redo is not offered."""
        self._make_obsolete()

    def undo_failed(self) -> None:
        self._skip_redo = True
        QTimer.singleShot(0, self._stack, self._stack.redo)

    def _make_obsolete(self) -> None:
        self.setObsolete(True)
        if not self._running:
            QTimer.singleShot(0, self._stack, self._drop)

    def _drop(self) -> None:
        # Stepping onto an obsolete command removes it without running it.
        index = self._stack.index()
        if index > 0 and self._stack.command(index - 1) is self:
            self._stack.undo()
        elif index < self._stack.count() and self._stack.command(index) is self:
            self._stack.redo()


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
