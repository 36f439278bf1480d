"""The window facing hostile files: a FIFO to open or restore, damaged bytes, a pipe as export.

FIFOs are made in ``tmp_path`` with ``os.mkfifo`` and have no writer: a window
that read one the ordinary way would never get past it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from reader.store import Status
from reader.system.settings import Settings
from reader.ui.window.app import open_first_document
from reader.ui.window.export_dialog import ExportChoice, back_up_vocabulary, export_vocabulary
from tests.ui.conftest import make_window
from tests.ui.test_vocabulary_files import save_two_words

ARTICLE = "أفادت تقارير أن الرئيس الروسي فلاديمير بوتين ترك كيري ينتظره.\n"


def test_file_open_on_a_fifo_says_why_and_keeps_the_article(
    window, tmp_path: Path, captured_dialogs
):
    before = window.document
    fifo = tmp_path / "news.txt"
    os.mkfifo(fifo)
    assert not window.open_path(fifo)
    title, text, _ = captured_dialogs.shown[-1]
    assert "news.txt" in title and "named pipe" in text
    assert window.document is before


def test_a_fifo_as_last_document_still_opens_the_window(
    qtbot, data_home: Path, tmp_path: Path, default_article_path: Path, captured_dialogs
):
    fifo = tmp_path / "last.txt"
    os.mkfifo(fifo)
    settings = Settings()
    settings.set("last_document", str(fifo))
    settings.save()
    window = make_window(qtbot)
    open_first_document(window, None)
    assert window.isVisible()
    assert window.document is not None and window.document.source_path == default_article_path
    message = window.statusBar().currentMessage()
    assert "last article was not reopened" in message and "named pipe" in message
    assert captured_dialogs.shown == []  # said, never in the way


def test_damaged_bytes_are_said_in_the_status_bar(window, tmp_path: Path, captured_dialogs):
    path = tmp_path / "damaged.txt"
    path.write_bytes(ARTICLE.encode("utf-8").replace(b" ", b" \xff ", 1))
    assert window.open_path(path)
    assert "\ufffd" in window.document.text and "بوتين" in window.document.text
    assert "1 damaged character" in window.statusBar().currentMessage()
    assert captured_dialogs.shown == []


def test_a_file_name_with_an_override_is_escaped_in_the_title(window, tmp_path: Path):
    path = tmp_path / "news\u202eexe.txt"
    path.write_text("بوتين في موسكو", encoding="utf-8")
    assert window.open_path(path)
    assert "\u202e" not in window.windowTitle() and "\\u202e" in window.windowTitle()


def test_export_and_backup_onto_a_fifo_show_the_refusal(window, tmp_path: Path, captured_dialogs):
    save_two_words(window)
    fifo = tmp_path / "words.csv"
    os.mkfifo(fifo)
    choice = ExportChoice("csv", (Status.LEARNING, Status.KNOWN), fifo)
    export_vocabulary(window, window.vocabulary, choice, window.statusBar())
    title, text, _ = captured_dialogs.shown[-1]
    assert title == "Export failed" and "named pipe" in text
    written: list[Path | None] = []
    back_up_vocabulary(window, window.vocabulary, window.statusBar(), fifo, written.append)
    assert window.vocabulary.tasks.wait_idle() and written == [None]
    title, text, _ = captured_dialogs.shown[-1]
    assert title == "Backup failed" and "named pipe" in text
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_settings_set_aside_are_said_at_start_up(
    qtbot, data_home: Path, default_article_path: Path, captured_dialogs
):
    (data_home / "settings.json").write_bytes(b"[" * 100_000 + b"]" * 100_000)
    window = make_window(qtbot)
    open_first_document(window, None)
    assert window.document is not None and window.document.source_path == default_article_path
    message = window.statusBar().currentMessage()
    assert "settings file was unusable (nested too deeply)" in message
    assert list(data_home.glob("settings.json.broken-*"))
    assert captured_dialogs.shown == []


# -- small files that cost more to read than their size says ----------------------------


def test_a_small_page_of_nothing_but_tags_is_read_on_the_worker(window, tmp_path: Path):
    # 24 KB of <p>: the GUI thread once read it (and 512 KB of it, 8 s) itself.
    page = tmp_path / "tags.html"
    page.write_text("<html><body><p>" + ARTICLE + "</p>" + "<p>" * 8_000, encoding="utf-8")
    assert 16 * 1024 < page.stat().st_size < 512 * 1024
    shown = window.document
    with window.tasks.hold():
        assert window.open_path(page)
        assert window.document is shown and window.opener.busy  # nothing read here
        assert "tags.html" in window.statusBar().currentMessage()
    assert window.document.source_path == page and "بوتين" in window.document.text


def test_a_dropped_file_refused_on_the_worker_is_said(window, tmp_path: Path, captured_dialogs):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 2_600)  # 650 KB
    shown = window.document
    with window.tasks.hold():
        assert window.opener.open_dropped([binary])  # being opened
        assert not captured_dialogs.shown
    assert window.document is shown
    assert len(captured_dialogs.shown) == 1 and "photo.txt" in captured_dialogs.shown[0][0]
