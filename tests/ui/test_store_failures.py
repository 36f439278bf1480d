"""Failed saves in the window are never silent: a full disk, a read-only vocabulary.

Real widgets, real SQLite; the disk is a small tmpfs filled to the last byte,
the read-only file is made immutable (the tests run as root).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reader.store import Status, find_entry, list_entries, notes_for_document, open_store
from reader.system import paths
from reader.text import load_document
from reader.ui.base.vocabulary_hub import NOT_SAVED, READ_ONLY_TITLE, START_FRESH
from tests.failing_disks import fill, free, immutable, remounted_read_only, small_disk
from tests.ui.conftest import make_window, word_index
from tests.ui.test_vocabulary_dock import open_dock
from tests.ui.test_vocabulary_notes import open_notes
from tests.ui.test_vocabulary_words import PUTIN, press


@pytest.fixture
def disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data_home: Path):
    """The vocabulary on a small disk of its own (settings stay in the data folder)."""
    with small_disk(tmp_path / "disk") as mounted:
        database = mounted / "reader.sqlite3"
        monkeypatch.setattr(paths, "vocabulary_db_path", lambda: database)
        yield mounted


@pytest.fixture
def reader_window(qtbot, disk, morphology, default_article_path, captured_dialogs):
    window = make_window(qtbot, morphology=morphology)
    window.show_document(load_document(default_article_path))
    window.start_dictionary()
    assert window.vocabulary.available and window.words.document_record is not None
    yield window
    free(disk)
    window.close()


def pin_and_press(window, text: str, key: Qt.Key) -> None:
    window.session.pin(word_index(window, text))
    press(window, key)


def failures(captured_dialogs) -> list[tuple[str, str, tuple[str, ...]]]:
    return [shown for shown in captured_dialogs.shown if shown[0] in (NOT_SAVED, READ_ONLY_TITLE)]


def test_s_on_a_full_disk_says_so_and_the_word_is_not_shown_saved(
    qtbot, reader_window, disk, captured_dialogs
):
    window = reader_window
    fill(disk)
    pin_and_press(window, "بوتين", Qt.Key.Key_S)
    qtbot.waitUntil(lambda: bool(failures(captured_dialogs)))
    title, text, _buttons = failures(captured_dialogs)[0]
    assert title == NOT_SAVED and "is full" in text and "free some space" in text
    assert "full" in window.statusBar().currentMessage()
    editor = window.gloss_pane.editor
    assert editor.entry is None and editor.save_button.text().startswith("Save word")
    # Status 2 on the unsaved word: its button does not stay checked.
    editor.status_buttons[Status.LEARNING.value].click()
    assert not any(button.isChecked() for button in editor.status_buttons.values())
    # The same failure again: the status bar says it, no second dialog.
    pin_and_press(window, "بوتين", Qt.Key.Key_S)
    qtbot.wait(10)
    assert len(failures(captured_dialogs)) == 1
    assert window.statusBar().currentMessage().startswith(NOT_SAVED)
    # Space freed: the app kept running, and the same key saves.
    free(disk)
    pin_and_press(window, "بوتين", Qt.Key.Key_S)
    assert find_entry(window.vocabulary.store, *PUTIN) is not None
    assert editor.entry is not None


def test_status_gloss_and_notes_of_a_saved_word_on_a_full_disk(
    qtbot, reader_window, disk, captured_dialogs
):
    window = reader_window
    pin_and_press(window, "بوتين", Qt.Key.Key_S)
    editor = window.gloss_pane.editor
    assert editor.status_buttons[Status.LEARNING.value].isChecked()
    fill(disk)
    pin_and_press(window, "بوتين", Qt.Key.Key_3)  # known
    qtbot.waitUntil(lambda: bool(failures(captured_dialogs)))
    assert editor.status_buttons[Status.LEARNING.value].isChecked()
    editor.status_buttons[Status.KNOWN.value].click()
    assert editor.status_buttons[Status.LEARNING.value].isChecked()
    assert not editor.status_buttons[Status.KNOWN.value].isChecked()
    editor.gloss_edit.setText("the president")
    editor.gloss_edit.returnPressed.emit()
    editor.notes_edit.setPlainText("seen in Moscow")
    editor.notes_button.click()
    assert editor.notes_edit.toPlainText() == "seen in Moscow"  # kept, to try again
    free(disk)
    entry = find_entry(window.vocabulary.store, *PUTIN)
    assert entry.status is Status.LEARNING and entry.user_gloss is None and entry.notes == ""
    assert window.statusBar().currentMessage().startswith(NOT_SAVED)


def test_a_note_on_a_full_disk_stays_in_the_editor(qtbot, reader_window, disk, captured_dialogs):
    window = reader_window
    notes = open_notes(qtbot, window)
    fill(disk)
    notes.editor.setPlainText("A cool welcome in Moscow")
    notes.add_button.click()
    qtbot.waitUntil(lambda: bool(failures(captured_dialogs)))
    assert notes.editor.toPlainText() == "A cool welcome in Moscow"
    assert notes.list.count() == 0
    free(disk)
    notes.add_button.click()
    assert notes.list.count() == 1
    record = window.words.document_record
    assert [n.text for n in notes_for_document(window.vocabulary.store, record.id)] == [
        "A cool welcome in Moscow"
    ]


def test_delete_and_undo_on_a_full_disk_lose_nothing(qtbot, reader_window, disk, captured_dialogs):
    window = reader_window
    pin_and_press(window, "بوتين", Qt.Key.Key_S)
    dock = open_dock(qtbot, window)
    dock.select_row(0)
    fill(disk)
    dock.delete_button.click()
    qtbot.waitUntil(lambda: bool(failures(captured_dialogs)))
    assert dock.lemmas() == ["بُوتِين"]  # not deleted, still listed
    free(disk)
    dock.select_row(0)
    dock.delete_button.click()
    assert dock.lemmas() == [] and list_entries(window.vocabulary.store) == []
    fill(disk)
    dock.undo_action.trigger()
    assert dock.lemmas() == []
    # The failed undo is still offered, and works once there is room.
    qtbot.waitUntil(lambda: dock.undo_action.isEnabled())
    free(disk)
    dock.undo_action.trigger()
    assert dock.lemmas() == ["بُوتِين"]
    assert find_entry(window.vocabulary.store, *PUTIN).occurrence_count == 1


def save_putin_and_close(qtbot, morphology, article: Path) -> None:
    window = make_window(qtbot, morphology=morphology)
    window.show_document(load_document(article))
    window.start_dictionary()
    window.session.pin(word_index(window, "بوتين"))
    window.words.save_focused_word()
    assert find_entry(window.vocabulary.store, *PUTIN) is not None
    window.close()


def reopen_read_only(qtbot, morphology, article: Path, captured_dialogs):
    """The window on the article again; it says once that the vocabulary is read-only."""
    window = make_window(qtbot, morphology=morphology)
    window.show_document(load_document(article))
    window.start_dictionary()
    qtbot.waitUntil(lambda: bool(failures(captured_dialogs)))
    ((title, text, _),) = failures(captured_dialogs)
    return window, title, text


def test_a_read_only_vocabulary_is_read_with_one_message(
    qtbot, data_home, morphology, default_article_path, captured_dialogs, tmp_path: Path
):
    path = paths.vocabulary_db_path()
    save_putin_and_close(qtbot, morphology, default_article_path)
    with immutable(path):
        window, title, text = reopen_read_only(
            qtbot, morphology, default_article_path, captured_dialogs
        )
        assert title == READ_ONLY_TITLE and "read-only" in text and "permissions" in text
        assert window.vocabulary.read_only
        # Still read: the saved word is marked, the document's record found.
        assert window.words.document_record is not None
        assert window.view.marks().get(word_index(window, "بوتين")) is not None
        # Other documents: no exception, no new dialog.
        other = tmp_path / "other.txt"
        other.write_text("ذهب الرئيس إلى موسكو.", encoding="utf-8")
        window.open_path(other)
        window.open_path(default_article_path)
        pin_and_press(window, "موسكو", Qt.Key.Key_S)
        qtbot.wait(10)
        assert len(failures(captured_dialogs)) == 1
        assert window.statusBar().currentMessage().startswith(NOT_SAVED)
        assert window.gloss_pane.editor.entry is None
        window.close()
    with open_store(path) as store:
        assert [entry.key for entry in list_entries(store)] == [PUTIN]


def test_a_vocabulary_on_a_read_only_disk_is_shown_with_its_marks(
    qtbot, disk, morphology, default_article_path, captured_dialogs
):
    save_putin_and_close(qtbot, morphology, default_article_path)
    # A write-protected stick, or a file system remounted read-only after errors:
    # SQLite cannot even make its -shm there.
    with remounted_read_only(disk):
        window, title, text = reopen_read_only(
            qtbot, morphology, default_article_path, captured_dialogs
        )
        assert title == READ_ONLY_TITLE and "is read-only" in text
        # Said as the vocabulary opens, not as if a save had failed.
        assert "Your saved words are shown" in text and "Nothing was saved" not in text
        assert window.vocabulary.available and window.vocabulary.read_only
        assert window.words.document_record is not None
        assert window.view.marks().get(word_index(window, "بوتين")) is not None
        dock = open_dock(qtbot, window)
        assert dock.windowTitle().startswith("Vocabulary (1)")
        pin_and_press(window, "موسكو", Qt.Key.Key_S)
        qtbot.wait(10)
        assert len(failures(captured_dialogs)) == 1
        window.close()


def test_the_open_dialog_offers_moving_aside_only_with_the_button(
    qtbot, disk, morphology, captured_dialogs
):
    path = disk / "reader.sqlite3"
    # A full disk with no vocabulary yet: none can be made (one already there
    # would be opened for reading only).
    fill(disk)
    window = make_window(qtbot, morphology=morphology)
    title, text, buttons = captured_dialogs.shown[-1]
    assert "is full" in text
    assert START_FRESH not in buttons and "move it aside" not in text
    assert not window.vocabulary.available
    free(disk)
    window.close()
    # A damaged file: the text offers to move it aside, and the button does it.
    path.write_bytes(b"not a database" * 100)
    window = make_window(qtbot, morphology=morphology)
    title, text, buttons = captured_dialogs.shown[-1]
    assert "move it aside" in text and START_FRESH in buttons
    window.close()
