"""One background worker for the whole window, like Anki's ``taskman``.

Work functions run on a single-worker executor and never touch a widget: they
get a :class:`Task` to report progress and to ask whether they were cancelled.
Results, errors and progress come back to the GUI thread through one Qt signal
carrying a callable. Tests can make the manager synchronous (Picard's
``FakeThreadPool``): the work then runs at once, in the calling thread.

Three ways to wait, for tests and for whoever must know the work is over, each
keeping the manager's own rules (one worker, in order, cancelled tasks deliver
nothing, nothing after :meth:`TaskManager.shutdown`):

- :meth:`TaskManager.hold`: tasks started inside the block wait, unstarted, until
  it ends, as behind a slow worker; the order of outcomes is then the caller's.
- :meth:`TaskManager.wait_worker`: block until the worker has finished what it
  was given, without running the event loop (outcomes stay queued).
- :meth:`TaskManager.wait_idle`: run the event loop until every task started has
  delivered its outcome.

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
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Signal

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
    # Every task started has delivered its outcome (or was dropped): nothing is under way.
    idle = Signal()

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
        # Tasks started and not yet finished on the GUI thread; see wait_idle().
        self._unfinished = 0
        # While hold() is in force: the tasks started meanwhile, not yet begun.
        self._holds = 0
        self._waiting: list[tuple[Task[Any], Callable[[], None]]] = []
        self._held_views: list[list[Task[Any]]] = []

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
        A task started after :meth:`shutdown` is cancelled and never runs.
        """
        task: Task[T] = Task(self, on_progress)

        def finish(outcome: Callable[[], None]) -> None:
            task.done = True
            self._finished()
            if not task.is_cancelled():
                outcome()

        def body() -> None:
            try:
                result = work(task)
            except BaseException as error:  # delivered to the GUI, never lost in a thread
                if on_failure is None:
                    self.deliver(lambda: finish(lambda: None))
                    raise
                failure = error  # `error` itself is unbound when the except block ends
                self.deliver(lambda: finish(lambda: on_failure(failure)))
            else:
                self.deliver(lambda: finish(lambda: on_success(result)))

        if self._closed:
            task.cancel()
            task.done = True
        elif self._holds:
            self._unfinished += 1
            self._waiting.append((task, body))
            for held in self._held_views:
                held.append(task)
        else:
            self._unfinished += 1
            self._start(body)
        return task

    def _start(self, body: Callable[[], None]) -> None:
        if self.synchronous:
            body()
            return
        if self._executor is None:
            if sys.getswitchinterval() > SWITCH_INTERVAL_S:
                sys.setswitchinterval(SWITCH_INTERVAL_S)
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="reader-task")
        self._executor.submit(body)

    def _finished(self) -> None:
        self._unfinished -= 1
        if self._unfinished == 0:
            self.idle.emit()

    # -- waiting --------------------------------------------------------------------

    @contextmanager
    def hold(self) -> Iterator[list[Task[Any]]]:
        """Tasks started inside the block wait, unstarted, until it ends; then they start
        in the order they were started, as they would have behind a slow worker.

        Yields the list of the tasks held (filled as they are started), so the caller
        can see them or cancel one. A held task cancelled meanwhile still runs when
        released, as it would on the worker; its outcome is dropped. If the block
        raises, or the manager is shut down meanwhile, the held tasks are dropped.
        Holds nest: the tasks start when the outermost block ends.
        """
        held: list[Task[Any]] = []
        self._held_views.append(held)
        self._holds += 1
        try:
            yield held
        except BaseException:
            self._drop_waiting()
            raise
        finally:
            self._holds -= 1
            self._held_views.remove(held)
        if self._holds == 0:
            self._release_waiting()

    def _release_waiting(self) -> None:
        waiting, self._waiting = self._waiting, []
        for task, body in waiting:
            if self._closed:
                task.cancel()
                task.done = True
                continue
            self._start(body)

    def _drop_waiting(self) -> None:
        waiting, self._waiting = self._waiting, []
        for task, _body in waiting:
            task.cancel()
            task.done = True
            self._finished()

    def wait_worker(self, timeout: float | None = None) -> bool:
        """Block until the worker has finished every task started so far.

        The event loop does not run meanwhile: the outcomes stay queued for it, as
        they would while the GUI thread is busy. True unless ``timeout`` (seconds)
        passed first. Nothing to wait for when the manager is synchronous.
        """
        if self._executor is None:
            return True
        marker = self._executor.submit(lambda: None)  # one worker, in order: after them all
        try:
            marker.result(timeout)
        except FutureTimeout:
            return False
        return True

    def wait_idle(self, timeout_ms: int = 30_000) -> bool:
        """Run the event loop until every task started has delivered its outcome.

        True when nothing is under way any more, False if ``timeout_ms`` passed
        first. Held tasks are under way: wait after the :meth:`hold` block.
        """
        if self._unfinished <= 0:
            return True
        loop = QEventLoop()
        self.idle.connect(loop.quit)
        timer = QTimer(singleShot=True, interval=timeout_ms)
        timer.timeout.connect(loop.quit)
        timer.start()
        try:
            if self._unfinished > 0:
                loop.exec()
        finally:
            timer.stop()
            self.idle.disconnect(loop.quit)
        return self._unfinished <= 0

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
        self._drop_waiting()
        self._unfinished = 0  # their deliveries are dropped
        # No progress is shown any more; and a held task refers back to this
        # manager, a cycle that the garbage collector could break on the worker
        # thread, destroying the timer there while the GUI thread's timer list
        # still holds it (a crash on the next timer event).
        self._hold_timer.stop()
        self._holding.clear()
        self.idle.emit()
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None
