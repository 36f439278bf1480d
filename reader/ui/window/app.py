"""Start the reader: ``run(path)`` is what ``arabic-reader`` calls for the window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from reader.system import paths
from reader.system.settings import Settings
from reader.text import Document, DocumentError, load_document
from reader.ui.base import dialogs, fonts
from reader.ui.window import geometry
from reader.ui.window.main_window import MainWindow

SELF_TEST_TIMEOUT_MS = 120_000


def app_icon() -> QIcon:
    icon = QIcon()
    icons = paths.resources_dir() / "icons"
    for size in (48, 128, 256):
        png = icons / f"arabic-reader-{size}.png"
        if png.is_file():
            icon.addFile(str(png))
    if icon.isNull():
        icon.addFile(str(icons / "arabic-reader.svg"))
    return icon


def _load_quietly(path: str | Path | None) -> Document | None:
    if not path:
        return None
    try:
        return load_document(path)
    except DocumentError:
        return None  # it moved or changed: start from the default article instead


def open_first_document(window: MainWindow, path: Path | None) -> None:
    """The file asked for; else the last one read (at its place); else the default article.

    Why the settings or the last article could not be read is said in the
    status bar once the window shows a document: never a dialog in the way.
    """
    notes = [window.settings.problem] if window.settings.problem else []
    _show_first_document(window, path, notes)
    if notes:  # after show_document, which clears the status bar
        window.statusBar().showMessage(" ".join(notes), 20000)


def _show_first_document(window: MainWindow, path: Path | None, notes: list[str]) -> None:
    if path is not None and window.open_path(path):
        return
    settings = window.settings
    last = settings.get("last_document")
    try:
        document = load_document(last) if last else None
    except DocumentError as error:  # it moved, changed, or is no longer a file at all
        document = None
        notes.append(f"The last article was not reopened: {error}")
    if document is not None:
        window.show_document(document, position=settings.get("last_position"))
        return
    default = _load_quietly(paths.default_article_path())
    if default is not None:
        window.show_document(default)


def run(path: Path | None, *, self_test: bool = False) -> int:
    """Open the reader window and return its exit code.

    ``self_test``: load everything, answer every question with its safe choice,
    report on stdout and quit; 0 when the dictionary analysed the article.
    """
    if self_test:
        # Headless wherever it runs (a build machine, ssh); an explicit choice wins.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Arabic Reader")
    app.setApplicationDisplayName("Arabic Reader")
    # The desktop entry's id: Wayland's app_id and X11's _GTK_APPLICATION_ID match windows to it.
    app.setDesktopFileName("io.github.arabic_reader.ArabicReader")
    app.setWindowIcon(app_icon())
    fonts.register_fonts()
    if self_test:
        dialogs.NONINTERACTIVE = True

    window = MainWindow(Settings())
    window.setWindowIcon(app.windowIcon())
    open_first_document(window, path)
    geometry.show(window)  # maximised on a small screen's first start
    # After the first paint: the text is on screen before any dictionary work starts.
    QTimer.singleShot(0, window.start_dictionary)
    if self_test:
        window.save_settings_on_close = False
        return _self_test(app, window)
    return app.exec()


def _self_test(app: QApplication, window: MainWindow) -> int:
    """The core's checks (reader.reading.selftest), then the window's; one line each."""
    from reader.reading import selftest

    report = selftest.Report()
    selftest.run_core_checks(report, window.settings.get("morphology_db"))
    answered = []

    def check() -> None:
        if window.analysis is not None:
            known, total = window.analysis.coverage()
            report.record(
                "window",
                True,
                f"{window.windowTitle()}: {known} of {total} words found in the dictionary",
            )
        elif window.dictionary_state != "unavailable":
            QTimer.singleShot(100, check)
            return
        else:
            report.record("window", False, "the window opened, but no dictionary is available")
        answered.append(True)
        window.close()
        app.quit()

    QTimer.singleShot(100, check)
    QTimer.singleShot(SELF_TEST_TIMEOUT_MS, app.quit)
    app.exec()
    if not answered:
        report.record("window", False, f"no answer within {SELF_TEST_TIMEOUT_MS // 1000} s")
    return report.finish()
