"""The window itself: its size on a small screen, documents replacing each other, closing."""

from __future__ import annotations

import base64

from PySide6.QtCore import QRect

from reader.settings import Settings
from reader.ui import fonts
from reader.ui.main_window import MainWindow
from reader.ui.tasks import TaskManager


def _inside(window: MainWindow) -> bool:
    available = window.screen().availableGeometry()
    return available.contains(QRect(window.pos(), window.size()))


def test_the_window_fits_a_small_screen(qtbot, data_home):
    fonts.register_fonts()
    window = MainWindow(Settings(), tasks=TaskManager(synchronous=True))
    qtbot.addWidget(window)
    window.save_settings_on_close = False
    available = window.screen().availableGeometry()
    assert available.width() < 1280 or available.height() < 820  # offscreen: 800x600
    assert window.width() <= available.width() and window.height() <= available.height()
    assert _inside(window)


def test_a_geometry_saved_on_a_bigger_screen_is_fitted(qtbot, data_home):
    fonts.register_fonts()
    big = MainWindow(Settings(), tasks=TaskManager(synchronous=True))
    qtbot.addWidget(big)
    big.save_settings_on_close = False
    big.move(400, 300)
    big.resize(2400, 1500)
    settings = Settings()
    settings.set("window_geometry", base64.b64encode(bytes(big.saveGeometry())).decode())
    window = MainWindow(settings, tasks=TaskManager(synchronous=True))
    qtbot.addWidget(window)
    window.save_settings_on_close = False
    available = window.screen().availableGeometry()
    assert window.width() <= available.width() and window.height() <= available.height()
    assert _inside(window)
