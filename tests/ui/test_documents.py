"""Opening files, pasting, dropping: one path (open_path), clear refusals."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent, QFont, QGuiApplication, QTextCursor

from reader.system.settings import Settings
from reader.ui.window.menus import fill_recent_menu

ARTICLE = "زار وزير الخارجية موسكو أمس.\nوالتقى الرئيس الروسي في الكرملين."


def _still_showing_default(window, default_title: str) -> None:
    assert window.document.title == default_title
    assert window.windowTitle().startswith(default_title)


def test_opens_utf8_text(window, tmp_path: Path):
    path = tmp_path / "visit.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert window.open_path(path)
    assert window.document.source_path == path
    assert "موسكو" in window.view.document().toPlainText()
    assert window.windowTitle() == f"{window.document.title} — Arabic Reader"
    assert window.analysis is not None and window.analysis.document is window.document
    assert window.settings.get("recent_files")[0] == str(path.resolve())


def test_opens_windows_arabic_text(window, tmp_path: Path):
    path = tmp_path / "cp1256.txt"
    path.write_bytes(ARTICLE.encode("cp1256"))
    assert window.open_path(path)
    assert "الكرملين" in window.view.document().toPlainText()


def test_opens_a_web_page(window, tmp_path: Path):
    path = tmp_path / "news.html"
    body = "".join(f"<p>{line} {line}</p>" for line in ARTICLE.splitlines() * 4)
    path.write_text(
        f'<html lang="ar"><head><meta charset="utf-8"><title>زيارة إلى موسكو</title></head>'
        f"<body><article><h1>زيارة إلى موسكو</h1>{body}</article></body></html>",
        encoding="utf-8",
    )
    assert window.open_path(path)
    assert window.document.title == "زيارة إلى موسكو"
    assert window.document.has_title_paragraph
    first = window.view.document().begin()
    assert first.text() == "زيارة إلى موسكو"
    assert window.view.token_range(0)[0] == 0
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(1)  # the format of the title's first letter
    assert cursor.charFormat().fontWeight() == QFont.Weight.Bold
    cursor.setPosition(first.next().position() + 1)
    assert cursor.charFormat().fontWeight() != QFont.Weight.Bold


def test_bad_files_are_refused_and_the_article_stays(window, tmp_path: Path, captured_dialogs):
    shown_title, shown = window.document.title, window.document
    shown_text = window.view.document().toPlainText()
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 64)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n\n ")
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)  # sparse: no disk used
    missing = tmp_path / "gone.txt"
    for path in (binary, empty, huge, missing):
        count = len(captured_dialogs.shown)
        assert window.open_path(path) is False, path  # refused at once, none on the worker
        assert len(captured_dialogs.shown) == count + 1, path
        title, text, _ = captured_dialogs.shown[-1]
        assert path.name in title and text
        _still_showing_default(window, shown_title)
        assert window.document is shown
        assert window.view.document().toPlainText() == shown_text
    assert "MB" in captured_dialogs.texts[2]


def test_paste_as_new_document(window, captured_dialogs):
    QGuiApplication.clipboard().setText(ARTICLE)
    window.actions.paste.trigger()
    assert window.document.source_path is None
    assert "الكرملين" in window.view.document().toPlainText()
    QGuiApplication.clipboard().setText("   ")
    assert not window.paste_as_new_document()
    assert "clipboard" in captured_dialogs.texts[-1]
    assert "الكرملين" in window.view.document().toPlainText()


def test_dropping_a_file_opens_it(window, tmp_path: Path):
    path = tmp_path / "dropped.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    assert window.document.source_path == path
    # Opened as File > Open opens it: shown, titled, analysed, remembered.
    assert window.view.document().toPlainText().replace("\u2029", "\n") == window.document.text
    assert "الكرملين" in window.document.text
    assert window.windowTitle() == f"{window.document.title} — Arabic Reader"
    assert window.analysis is not None and window.analysis.document is window.document
    assert window.settings.get("recent_files")[0] == str(path.resolve())


def test_recent_menu_forgets_files_that_went_away(window, tmp_path: Path):
    kept = tmp_path / "kept.txt"
    kept.write_text(ARTICLE, encoding="utf-8")
    gone = tmp_path / "gone.txt"
    gone.write_text(ARTICLE, encoding="utf-8")
    window.open_path(gone)
    window.open_path(kept)
    os.unlink(gone)
    fill_recent_menu(window.settings, window.open_path, window.recent_menu)
    labels = [action.text() for action in window.recent_menu.actions()]
    assert any("kept.txt" in label for label in labels)
    assert not any("gone.txt" in label for label in labels)
    window.recent_menu.actions()[-1].trigger()  # Clear Menu
    assert window.settings.get("recent_files") == []


def test_settings_survive_a_restart(qtbot, window, tmp_path: Path):
    from reader.ui.window.app import open_first_document
    from tests.ui.conftest import make_window

    path = tmp_path / "long.txt"
    path.write_text("\n".join([ARTICLE] * 60), encoding="utf-8")
    window.open_path(path)
    window.actions.zoom_in.trigger()
    window.view.verticalScrollBar().setValue(window.view.verticalScrollBar().maximum() // 2)
    position = window.view.first_visible_offset()
    assert position > 0
    window.close()
    assert Settings().get("font_size") == 26

    again = make_window(qtbot, morphology=window.morphology)
    open_first_document(again, None)
    # The text is back at the place the learner left it (within a line or two).
    qtbot.waitUntil(lambda: abs(again.view.first_visible_offset() - position) < 200)
    assert again.document.source_path == path.resolve()
    assert again.view.font_size == 26


def test_a_failed_settings_save_is_said_in_the_status_bar(window, monkeypatch):
    def refuse() -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(window.settings, "save", refuse)
    assert not window.save_settings()
    assert "Settings could not be saved" in window.statusBar().currentMessage()
