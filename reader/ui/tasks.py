"""One background worker for the whole window, like Anki's ``taskman``.

Work functions run on a single-worker executor and never touch a widget: they
get a :class:`Task` to report progress and to ask whether they were cancelled.
Results, errors and progress come back to the GUI thread through one Qt signal
carrying a callable. Tests can make the manager synchronous (Picard's
``FakeThreadPool``): the work then runs at once, in the calling thread.

Progress is coalesced: at most one report is on its way to the GUI thread, and at
most one is shown per ``PROGRESS_INTERVAL_MS``; a report made meanwhile replaces
the waiting one, so the latest is always shown. Every event the worker posts makes
the GUI thread take the GIL back from it (a wait of up to the switch interval,
5 ms); a report per few hundred words of a long text used to pile up faster than
the event loop could take them, and it then ran them all in one go, not painting
for half a second.

For the same reason the interpreter's switch interval is lowered to 1 ms once a
worker exists: the GUI thread needs the GIL several times per turn of the event
loop (every slot, timer and return from Qt), and with the default 5 ms each of
those waits on a busy worker added up to 50 ms without a paint. Nothing is paid
for it while only one thread runs Python.
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Qt, QTimer, Signal

T = TypeVar("T")
PROGRESS_INTERVAL_MS = 100
SWITCH_INTERVAL_S = 0.001


@contextmanager
def collector_paused() -> Iterator[None]:
    """For work that makes millions of objects (a long article's analysis, its vowels).

    The cyclic garbage collector would otherwise go over all of them again and
    again while they are made, and once they are kept, holding the GIL a second
    or more each time: the GUI thread waits just as long. It is paused while
    the work runs, and what the work made is then frozen (as the dictionary is:
    never scanned, still freed when no longer referenced).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


class Task(Generic[T]):
    """A handle shared by the work function (worker side) and the window (GUI side)."""

    def __init__(self, manager: TaskManager, on_progress: Callable[..., None] | None) -> None:
        self._manager = manager
        self._on_progress = on_progress
        self._cancel = threading.Event()
        self.done = False
        self._progress_lock = threading.Lock()
        self._latest: tuple[Any, ...] | None = None  # the report waiting to be shown
        self._progress_busy = False  # a report is on its way, or was shown < interval ago

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def report(self, *args: Any) -> None:
        """Progress from the work function; the latest is shown on the GUI thread."""
        if self._on_progress is None or self._cancel.is_set():
            return
        if self._manager.synchronous:
            callback = self._on_progress
            self._manager.deliver(lambda: callback(*args))
            return
        with self._progress_lock:
            self._latest = args
            if self._progress_busy:
                return
            self._progress_busy = True
        self._manager.deliver(self._show_progress)

    def _show_progress(self) -> None:
        """On the GUI thread: show the latest report, then let none through for a while."""
        with self._progress_lock:
            args, self._latest = self._latest, None
            if args is None:
                self._progress_busy = False
                return
        if self.done or self._cancel.is_set() or self._manager.closed:
            return  # the outcome (or nothing, if cancelled) follows
        assert self._on_progress is not None
        self._on_progress(*args)
        self._manager.hold_progress(self)


class TaskManager(QObject):
    """Runs work off the GUI thread and calls back on it."""

    _deliver = Signal(object)

    def __init__(self, parent: QObject | None = None, *, synchronous: bool = False) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self._executor: ThreadPoolExecutor | None = None
        self._closed = False
        # Queued when emitted from the worker, direct when emitted on the GUI thread.
        self._deliver.connect(self._call, Qt.ConnectionType.AutoConnection)
        # Tasks whose last progress was shown less than an interval ago.
        self._holding: list[Task[Any]] = []
        self._hold_timer = QTimer(self, singleShot=True, interval=PROGRESS_INTERVAL_MS)
        self._hold_timer.timeout.connect(self._release_progress)

    def run(
        self,
        work: Callable[[Task[T]], T],
        *,
        on_success: Callable[[T], None],
        on_failure: Callable[[BaseException], None] | None = None,
        on_progress: Callable[..., None] | None = None,
    ) -> Task[T]:
        """Start ``work(task)``; ``on_success(result)`` or ``on_failure(error)`` follows.

        A cancelled task delivers nothing: whoever cancelled it has moved on.
        """
        task: Task[T] = Task(self, on_progress)

        def finish(outcome: Callable[[], None]) -> None:
            task.done = True
            if not task.is_cancelled():
                outcome()

        def body() -> None:
            try:
                result = work(task)
            except BaseException as error:  # delivered to the GUI, never lost in a thread
                if on_failure is None:
                    raise
                failure = error  # `error` itself is unbound when the except block ends
                self.deliver(lambda: finish(lambda: on_failure(failure)))
            else:
                self.deliver(lambda: finish(lambda: on_success(result)))

        if self.synchronous:
            body()
        else:
            if self._executor is None:
                if sys.getswitchinterval() > SWITCH_INTERVAL_S:
                    sys.setswitchinterval(SWITCH_INTERVAL_S)
                self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="reader-task")
            self._executor.submit(body)
        return task

    def hold_progress(self, task: Task[Any]) -> None:
        """GUI thread: ``task`` showed progress; its next report waits for the interval."""
        self._holding.append(task)
        if not self._hold_timer.isActive():
            self._hold_timer.start()

    def _release_progress(self) -> None:
        held, self._holding = self._holding, []
        for task in held:
            task._show_progress()  # the latest report meanwhile, if any

    @property
    def closed(self) -> bool:
        return self._closed

    def deliver(self, callback: Callable[[], None]) -> None:
        if not self._closed:
            self._deliver.emit(callback)

    def _call(self, callback: Callable[[], None]) -> None:
        if not self._closed:
            callback()

    def shutdown(self) -> None:
        """Drop pending work and every later delivery (the window is going away)."""
        self._closed = True
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None
