"""The window's place and layout: remembered between runs, and kept on the screen."""

from __future__ import annotations

import base64

from PySide6.QtCore import QByteArray, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow

from reader.system.settings import Settings

DEFAULT_SCREEN_SHARE = 0.85  # of the screen's free area, with no saved geometry
# A screen this small or smaller (its free area, either side) is all the window's on
# the first start: 85% of 1280x720 left a 1088x612 window with a strip of desktop.
SMALL_SCREEN = (1366, 768)
_MAXIMISED = "readerStartsMaximised"  # set on the window by fit_to_screen, read by show


def restore_layout(window: QMainWindow, settings: Settings, version: int) -> bool:
    """The saved geometry and dock layout; True when a saved geometry was restored.

    A state saved under another ``version`` (an old default layout) is refused:
    the new default stands. A damaged value is ignored.
    """
    geometry = settings.get("window_geometry")
    state = settings.get("window_state")
    restored = False
    try:
        if geometry:
            restored = window.restoreGeometry(QByteArray(base64.b64decode(geometry)))
        if state:
            window.restoreState(QByteArray(base64.b64decode(state)), version)
    except ValueError:
        pass  # a damaged value: the default layout is fine
    return restored


def save_layout(window: QMainWindow, settings: Settings, version: int) -> None:
    """Remember the geometry and dock layout (written by ``settings.save()``)."""
    settings.set("window_geometry", base64.b64encode(bytes(window.saveGeometry())).decode())
    settings.set("window_state", base64.b64encode(bytes(window.saveState(version))).decode())


def fit_to_screen(
    window: QMainWindow, available: QRect | None = None, *, default_size: bool = False
) -> None:
    """Keep the window inside the screen's free area (a small screen, or a saved
    geometry from a bigger one). With ``default_size`` (no saved geometry) the
    window takes DEFAULT_SCREEN_SHARE of that area, centred in it; of a small
    screen's (SMALL_SCREEN) all of it, and :func:`show` shows it maximised."""
    if available is None:
        screen = window.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        available = screen.availableGeometry()
    if available.isEmpty():
        return
    # The frame (title bar, borders) around the client area, where known.
    extra_w = max(0, window.frameGeometry().width() - window.width())
    extra_h = max(0, window.frameGeometry().height() - window.height())
    small = available.width() <= SMALL_SCREEN[0] or available.height() <= SMALL_SCREEN[1]
    window.setProperty(_MAXIMISED, default_size and small)
    if default_size:
        share = 1.0 if small else DEFAULT_SCREEN_SHARE
        width = round(available.width() * share) - extra_w
        height = round(available.height() * share) - extra_h
    else:
        width, height = window.width(), window.height()
    width = min(width, available.width() - extra_w)
    height = min(height, available.height() - extra_h)
    if (width, height) != (window.width(), window.height()):
        window.resize(max(width, window.minimumWidth()), max(height, window.minimumHeight()))
    frame = window.frameGeometry()
    if default_size:
        frame.moveCenter(available.center())
    x = min(max(frame.x(), available.left()), available.right() + 1 - frame.width())
    y = min(max(frame.y(), available.top()), available.bottom() + 1 - frame.height())
    if (x, y) != (window.frameGeometry().x(), window.frameGeometry().y()):
        window.move(max(x, available.left()), max(y, available.top()))


def show(window: QMainWindow) -> None:
    """Show the window: maximised on a small screen's first start (fit_to_screen
    says), else at its own geometry (a restored one wins)."""
    if window.property(_MAXIMISED):
        window.showMaximized()
    else:
        window.show()
