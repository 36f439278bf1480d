"""One background worker for the whole window, like Anki's ``taskman``.

Work functions run on a single-worker executor and never touch a widget: they
get a :class:`Task` to report progress and to ask whether they were cancelled.
Results, errors and progress come back to the GUI thread through one Qt signal
carrying a callable. Tests can make the manager synchronous (Picard's
``FakeThreadPool``): the work then runs at once, in the calling thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Qt, Signal

T = TypeVar("T")


class Task(Generic[T]):
    """A handle shared by the work function (worker side) and the window (GUI side)."""

    def __init__(self, manager: TaskManager, on_progress: Callable[..., None] | None) -> None:
        self._manager = manager
        self._on_progress = on_progress
        self._cancel = threading.Event()
        self.done = False

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def report(self, *args: Any) -> None:
        """Progress from the work function; delivered on the GUI thread."""
        if self._on_progress is not None and not self._cancel.is_set():
            callback = self._on_progress
            self._manager.deliver(lambda: callback(*args))


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
                self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="reader-task")
            self._executor.submit(body)
        return task

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
