"""Start-up work that waits until the article is on screen.

Opening the vocabulary file and loading the dictionary run on the worker, but
they still share the GIL with the GUI thread (importing SQLAlchemy and
camel-tools is a second of Python); started while the window is being built and
laid out, they delay the first paint by as much. So they are queued here and let
go once the article view has painted, or after ``FALLBACK_MS`` should the window
never be shown.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

FALLBACK_MS = 2000


class AfterFirstPaint(QObject):
    """Runs actions, in the order given, once ``viewport`` has painted."""

    def __init__(self, viewport: QWidget, *, immediate: bool = False) -> None:
        super().__init__(viewport)
        self._viewport = viewport
        self._waiting: list[Callable[[], None]] | None = None if immediate else []
        if self._waiting is not None:
            viewport.installEventFilter(self)
            QTimer.singleShot(FALLBACK_MS, self, self._release)

    @property
    def painted(self) -> bool:
        return self._waiting is None

    def run(self, action: Callable[[], None]) -> None:
        if self._waiting is None:
            action()
        else:
            self._waiting.append(action)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint and self._waiting is not None:
            # After this paint reaches the screen: the next turn of the event loop.
            QTimer.singleShot(0, self, self._release)
        return False

    def _release(self) -> None:
        waiting, self._waiting = self._waiting, None
        if waiting is None:
            return
        self._viewport.removeEventFilter(self)
        for action in waiting:
            action()
