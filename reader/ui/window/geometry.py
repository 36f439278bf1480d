"""The window's place and layout: remembered between runs, and kept on the screen."""

from __future__ import annotations

import base64

from PySide6.QtCore import QByteArray, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow

from reader.system.settings import Settings

DEFAULT_SCREEN_SHARE = 0.85  # of the screen's free area, with no saved geometry


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
    window takes DEFAULT_SCREEN_SHARE of that area, centred in it."""
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
    if default_size:
        width = round(available.width() * DEFAULT_SCREEN_SHARE) - extra_w
        height = round(available.height() * DEFAULT_SCREEN_SHARE) - extra_h
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
