"""The window itself: its size on a small screen, documents replacing each other, closing."""

from __future__ import annotations

import base64
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, QRect, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication

from reader.system.settings import Settings
from reader.ui.article.opening import BACKGROUND_LOAD_BYTES, BACKGROUND_PASTE_CHARS
from reader.ui.base import fonts
from reader.ui.base.tasks import Task, TaskManager
from reader.ui.window.main_window import MainWindow

ARTICLE = "زار وزير الخارجية موسكو أمس.\nوالتقى الرئيس الروسي في الكرملين."


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


def _big_article(tmp_path: Path, title: str) -> Path:
    path = tmp_path / f"{title}.txt"
    line = "زار وزير الخارجية الأمريكي موسكو أمس والتقى الرئيس الروسي في الكرملين.\n"
    path.write_text(
        f"{title}\n" + line * (BACKGROUND_LOAD_BYTES // len(line.encode()) + 10), encoding="utf-8"
    )
    assert path.stat().st_size > BACKGROUND_LOAD_BYTES
    return path


def test_an_older_background_open_never_replaces_a_newer_document(window, tmp_path: Path):
    big = _big_article(tmp_path, "كبير")
    small = tmp_path / "small.txt"
    small.write_text(ARTICLE, encoding="utf-8")
    with window.tasks.hold() as held:
        assert window.open_path(big)
        assert window.opener.busy and held
        assert window.open_path(small)  # read at once, shown at once
        assert window.document.source_path == small
        assert not window.opener.busy
    assert window.document.source_path == small
    assert window.windowTitle().startswith(window.document.title)
    # The small document's own analysis (held too) did arrive and was kept.
    assert window.analysis is not None and window.analysis.document is window.document


def test_pasting_cancels_a_background_open(window, tmp_path: Path):
    with window.tasks.hold():
        assert window.open_path(_big_article(tmp_path, "كبير"))
        QGuiApplication.clipboard().setText(ARTICLE)
        assert window.paste_as_new_document()
    assert window.document.source_path is None
    assert "الكرملين" in window.document.text


def test_an_older_analysis_is_ignored(window, tmp_path: Path):
    first = tmp_path / "first.txt"
    first.write_text(ARTICLE, encoding="utf-8")
    second = tmp_path / "second.txt"
    second.write_text("ذهب الولد إلى المدرسة.", encoding="utf-8")
    with window.tasks.hold() as held:
        window.open_path(first)
        first_task = held[-1]  # the first document's analysis
        window.open_path(second)
        assert first_task.is_cancelled()
    assert window.analysis is not None and window.analysis.document is window.document
    assert window.document.source_path == second


def test_a_large_paste_is_read_on_the_worker(window):
    line = "زار وزير الخارجية الأمريكي موسكو أمس.\n"
    QGuiApplication.clipboard().setText(line * (BACKGROUND_PASTE_CHARS // len(line) + 10))
    shown = window.document
    with window.tasks.hold():
        assert window.paste_as_new_document()
        assert window.document is shown  # nothing built on the GUI thread yet
        assert window.opener.busy and "pasted" in window.statusBar().currentMessage()
    assert window.document is not shown and "موسكو" in window.document.text


def test_pasting_text_without_arabic_is_refused(window, captured_dialogs):
    shown = window.document
    QGuiApplication.clipboard().setText("Hello world, no Arabic here. 12345")
    assert not window.paste_as_new_document()
    assert captured_dialogs.texts[-1] == "The clipboard holds no Arabic text."
    assert window.document is shown


def _drop(window, paths) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)


def test_dropping_several_files_opens_the_first_readable_one(
    window, tmp_path: Path, captured_dialogs
):
    bad = tmp_path / "photo.txt"
    bad.write_bytes(bytes(range(256)) * 64)
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text(ARTICLE, encoding="utf-8")
    _drop(window, [bad, good, other])
    assert window.document.source_path == good
    assert not captured_dialogs.shown
    message = window.statusBar().currentMessage()
    assert "good.txt" in message and "2 other dropped files" in message


def test_dropping_only_unreadable_files_says_why(window, tmp_path: Path, captured_dialogs):
    shown = window.document
    bad = tmp_path / "photo.txt"
    bad.write_bytes(bytes(range(256)) * 64)
    _drop(window, [bad, tmp_path / "gone.txt"])
    assert window.document is shown
    assert len(captured_dialogs.shown) == 1
    assert "photo.txt" in captured_dialogs.texts[0] and "gone.txt" in captured_dialogs.texts[0]


def _long_article(window, tmp_path: Path) -> Path:
    path = tmp_path / "long.txt"
    path.write_text("\n".join([ARTICLE] * 80), encoding="utf-8")
    assert window.open_path(path)
    return path


def _store_arrives_late_with_a_saved_place(window) -> int:
    """The learner's place saved last time, and the vocabulary opening only now."""
    from reader import store as ops

    record = window.words.document_record
    assert record is not None
    place = window.document.tokens[len(window.document.tokens) // 2].start
    window.vocabulary.apply(lambda store: ops.set_reading_position(store, record.id, place))
    window.words.document_record = None
    return place


def test_a_late_vocabulary_brings_back_the_saved_place(window, tmp_path: Path):
    _long_article(window, tmp_path)
    place = _store_arrives_late_with_a_saved_place(window)
    window.vocabulary.availability_changed.emit(True)
    assert window.view.verticalScrollBar().value() > 0
    assert window.view.first_visible_offset() == place


def test_a_late_vocabulary_leaves_the_learner_where_they_are(window, tmp_path: Path):
    _long_article(window, tmp_path)
    _store_arrives_late_with_a_saved_place(window)
    bar = window.view.verticalScrollBar()
    bar.setValue(bar.maximum() // 5)  # the learner scrolled meanwhile
    where = bar.value()
    window.vocabulary.availability_changed.emit(True)
    assert bar.value() == where


def test_a_late_vocabulary_leaves_a_pinned_word_in_view(window, tmp_path: Path):
    _long_article(window, tmp_path)
    _store_arrives_late_with_a_saved_place(window)
    window.session.pin(window.view._arabic[3])
    window.view.verticalScrollBar().setValue(0)
    window.vocabulary.availability_changed.emit(True)
    assert window.view.verticalScrollBar().value() == 0


def test_a_failed_settings_save_on_close_is_told(window, captured_dialogs, monkeypatch):
    def full_disk() -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(window.settings, "save", full_disk)
    window.close()
    titles = [title for title, _, _ in captured_dialogs.shown]
    assert "Settings not saved" in titles
    assert "No space left" in captured_dialogs.texts[-1]


class _FakeStore:
    closed = False

    def close(self) -> None:
        self.closed = True


def test_a_store_opened_while_the_window_closes_is_closed(qtbot, window, monkeypatch):
    import threading

    from reader import store as ops

    opened, opening, go_on = _FakeStore(), threading.Event(), threading.Event()

    def open_store(path):
        opening.set()
        assert go_on.wait(10)
        return opened

    monkeypatch.setattr(ops, "open_store", open_store)
    opener = window.vocabulary_opener
    opener.tasks = worker = TaskManager()
    opener.start()
    assert opening.wait(10)
    window.close()  # while the worker is opening the file
    go_on.set()
    assert worker.wait_worker(10)
    assert opened.closed
    assert window.vocabulary.store is not opened
    worker.shutdown()


def test_a_store_whose_delivery_was_dropped_is_closed(qtbot, window, monkeypatch):
    from reader import store as ops

    opened = _FakeStore()
    monkeypatch.setattr(ops, "open_store", lambda path: opened)
    opener = window.vocabulary_opener
    opener.tasks = worker = TaskManager()
    opener.start()
    assert worker.wait_worker(10)  # no Qt events meanwhile: the delivery stays queued
    assert opener._unclaimed is opened and not opened.closed
    worker.shutdown()  # as the window's close does: the delivery is dropped
    opener.shutdown()
    assert opened.closed


def test_closing_cancels_a_dictionary_install(window):
    install = Task(window.tasks, None)
    window.dictionary._install_task = install
    window.close()
    assert install.is_cancelled()


def test_vocabulary_and_notes_open_beside_the_article_not_behind_the_gloss_pane(qtbot, window):
    docks = window.docks
    window.resize(1024, 700)
    docks.vocabulary.toggleViewAction().trigger()
    docks.notes.toggleViewAction().trigger()
    qtbot.waitUntil(lambda: docks.vocabulary.built)
    for dock in (docks.vocabulary, docks.notes):
        assert window.dockWidgetArea(dock) != window.dockWidgetArea(window.gloss_pane)
        assert window.gloss_pane not in window.tabifiedDockWidgets(dock)
    assert window.view.width() >= window.view.minimumWidth() >= 360
    assert window.view.width() > window.width() // 2
