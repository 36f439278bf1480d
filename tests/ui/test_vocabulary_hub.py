"""The one door to the store: writes on the hub's worker, its busy and error paths.

Real SQLite files in a temporary folder; the busy file is a second connection
holding the write lock, the damaged one a copy whose pages are overwritten.
Waits are real waits on the hub's signals, never sleeps.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reader.store import (
    Change,
    Status,
    Store,
    add_note,
    delete_entry,
    find_entry,
    get_entry,
    list_entries,
    notes_for_document,
    open_store,
    remember_document,
    save_word,
    set_reading_position,
    set_status,
)
from reader.store import connection as store_connection
from reader.text import load_document
from reader.ui.base.vocabulary_hub import NOT_READ, NOT_SAVED, VocabularyHub
from reader.ui.vocabulary.dock import VocabularyDock
from reader.ui.vocabulary.notes_dock import NotesDock
from tests.ui.conftest import make_window, word_index
from tests.ui.test_vocabulary_words import PUTIN, press

WAZIR = {"lex": "وَزِير", "pos": "noun", "lemma": "وَزِير", "dictionary_gloss": "minister"}
TEXT = "قال الوزير إن الحكومة ستعمل."
# SQLite's wait for a lock, shortened so a busy test waits a fraction of a second.
SHORT_BUSY_MS = 300


@pytest.fixture
def short_busy_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    # Read by each new connection: set before the store is opened.
    monkeypatch.setattr(store_connection, "BUSY_TIMEOUT_MS", SHORT_BUSY_MS)


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "vocabulary.sqlite3"


@pytest.fixture
def threaded_hub(qtbot, database: Path) -> Iterator[VocabularyHub]:
    hub = VocabularyHub(synchronous=False)
    hub.set_store(open_store(database))
    yield hub
    hub.close()


@pytest.fixture
def messages(threaded_hub: VocabularyHub) -> list[str]:
    said: list[str] = []
    threaded_hub.message.connect(said.append)
    return said


def write_lock(path: Path) -> sqlite3.Connection:
    """Another program's connection holding the file's write lock until it is closed."""
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    return other


def damage(path: Path) -> str:
    """Overwrite every page past the schema with noise; the damaged file's digest."""
    checkpoint = sqlite3.connect(path)
    checkpoint.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    checkpoint.close()
    pages = path.stat().st_size // 4096
    with path.open("r+b") as handle:
        for page in range(2, pages):
            handle.seek(page * 4096)
            handle.write(os.urandom(4096))
    return hashlib.sha256(path.read_bytes()).hexdigest()


def saved_wazir(store: Store) -> int:
    document, _ = remember_document(store, title="خبر", fingerprint="f", text_length=len(TEXT))
    start = TEXT.index("الوزير")
    entry, _ = save_word(
        store,
        **WAZIR,
        surface="الوزير",
        sentence=TEXT,
        document_id=document.id,
        start=start,
        end=start + 6,
    )
    return entry.id


# -- writes leave the GUI thread --------------------------------------------------------


def test_a_write_runs_on_the_worker_and_its_change_comes_back_on_the_gui_thread(
    qtbot, threaded_hub
):
    entry_id = saved_wazir(threaded_hub.store)
    ran_on: list[threading.Thread] = []
    done_on: list[threading.Thread] = []

    def operation(store):
        ran_on.append(threading.current_thread())
        return set_status(store, entry_id, Status.KNOWN)

    with qtbot.waitSignal(threaded_hub.changed, timeout=10_000) as changed:
        task = threaded_hub.apply(
            operation,
            initiator="the test",
            on_done=lambda entry: done_on.append(threading.current_thread()),
        )
        assert task is not None
    assert ran_on and ran_on[0] is not threading.main_thread()
    assert ran_on[0].name.startswith("reader-task")
    assert done_on == [threading.main_thread()]
    (change,) = changed.args
    assert change.initiator == "the test" and change.entry_ids == {entry_id}
    assert get_entry(threaded_hub.store, entry_id).status is Status.KNOWN


def test_closing_waits_for_the_writes_sent(qtbot, database, short_busy_wait):
    hub = VocabularyHub(synchronous=False)
    hub.set_store(open_store(database))
    document, _ = remember_document(hub.store, title="خبر", fingerprint="f", text_length=100)
    other = write_lock(database)
    # The first waits on the lock, the second behind it on the one worker.
    hub.apply(lambda store: set_reading_position(store, document.id, 10))
    hub.apply(lambda store: set_reading_position(store, document.id, 42))
    assert hub.writing
    releaser = threading.Timer(SHORT_BUSY_MS / 3000, other.rollback)
    releaser.start()
    hub.close()  # the window closing: what was sent must land
    releaser.join()
    other.close()
    assert not hub.writing
    with open_store(database) as store:
        assert store_documents(store) == [42]


def store_documents(store: Store) -> list[int]:
    from reader.store import recent_documents

    return [document.reading_position for document in recent_documents(store)]


# -- the busy path ----------------------------------------------------------------------


def test_a_busy_file_refuses_the_write_with_a_message_and_loses_nothing(
    qtbot, database, short_busy_wait, captured_dialogs
):
    hub = VocabularyHub(synchronous=False)
    hub.set_store(open_store(database))
    said: list[str] = []
    hub.message.connect(said.append)
    entry_id = saved_wazir(hub.store)
    failed: list[bool] = []
    other = write_lock(database)
    try:
        with qtbot.waitSignal(hub.message, timeout=10_000):
            hub.apply(
                lambda store: delete_entry(store, entry_id),
                on_done=lambda _deleted: pytest.fail("deleted under a lock"),
                on_failed=lambda: failed.append(True),
            )
        # Meanwhile the GUI thread still reads: a lock on writing blocks no reader.
        assert [entry.id for entry in hub.read(list_entries, [])] == [entry_id]
    finally:
        other.rollback()
        other.close()
    assert failed == [True]
    (text,) = said
    assert "stayed locked by another program" in text and "nothing was changed" in text
    assert captured_dialogs.shown == []  # busy is said on the status bar, not in a dialog
    assert find_entry(hub.store, WAZIR["lex"], "noun").id == entry_id  # nothing lost
    # The lock gone, the same write goes through.
    with qtbot.waitSignal(hub.changed, timeout=10_000):
        hub.apply(lambda store: delete_entry(store, entry_id))
    assert list_entries(hub.store) == []
    hub.close()


def test_a_damaged_file_read_in_a_slot_is_said_and_nothing_escapes(
    qtbot, database, captured_dialogs
):
    hub = VocabularyHub(synchronous=True)
    hub.set_store(open_store(database))
    saved_wazir(hub.store)
    for number in range(200):  # pages enough for the noise to hit the words
        save_word(hub.store, lex=f"كلمة{number}", pos="noun", lemma=f"كلمة{number}")
    said: list[str] = []
    hub.message.connect(said.append)
    dock = VocabularyDock(hub)
    qtbot.addWidget(dock)
    dock.build()
    assert len(dock.lemmas()) == 201
    digest = damage(database)
    dock.search_edit.setText("وزير")  # a Qt slot reloads: the failed read must not escape it
    assert said and said[-1].startswith(NOT_READ) and "is damaged" in said[-1]
    assert dock.lemmas() == []
    assert hashlib.sha256(database.read_bytes()).hexdigest() == digest  # left as it is
    hub.close()


def test_a_read_on_another_thread_goes_through_the_hub_and_a_failure_is_said(
    qtbot, database, captured_dialogs
):
    hub = VocabularyHub(synchronous=True)
    hub.set_store(open_store(database))
    saved_wazir(hub.store)
    for number in range(200):
        save_word(hub.store, lex=f"كلمة{number}", pos="noun", lemma=f"كلمة{number}")
    read = hub.reader()  # bound now, used on a worker as the article's analysis does
    results: list[object] = []

    def on_worker() -> None:
        results.append(read(lambda store: len(list_entries(store)), None))

    thread = threading.Thread(target=on_worker)
    thread.start()
    thread.join()
    assert results == [201]
    digest = damage(database)
    thread = threading.Thread(target=on_worker)
    with qtbot.waitSignal(hub.message, timeout=10_000) as said:  # queued to this thread
        thread.start()
        thread.join()
    assert results[-1] is None  # the default, nothing raised on the worker
    assert said.args[0].startswith(NOT_READ) and "is damaged" in said.args[0]
    assert hashlib.sha256(database.read_bytes()).hexdigest() == digest
    hub.close()


def test_s_on_a_busy_file_says_so_in_the_window_and_saves_once_it_is_free(
    qtbot, data_home, morphology, default_article_path, captured_dialogs, short_busy_wait
):
    window = make_window(qtbot, morphology=morphology)
    window.show_document(load_document(default_article_path))
    window.start_dictionary()
    path = window.vocabulary.store.path
    window.session.pin(word_index(window, "بوتين"))
    save_key = window.actions.save_word  # the S of the Word menu
    other = write_lock(path)
    try:
        save_key.trigger()
    finally:
        other.rollback()
        other.close()
    assert "stayed locked by another program" in window.statusBar().currentMessage()
    assert find_entry(window.vocabulary.store, *PUTIN) is None
    assert window.gloss_pane.editor.entry is None  # not shown as saved
    save_key.trigger()
    assert find_entry(window.vocabulary.store, *PUTIN) is not None
    assert window.gloss_pane.editor.entry is not None
    assert not [shown for shown in captured_dialogs.shown if shown[0] == NOT_SAVED]
    window.close()


# -- the error path: a damaged file -----------------------------------------------------


def test_a_damaged_file_is_said_for_reads_and_writes_and_left_as_it_is(
    qtbot, threaded_hub, messages, database, captured_dialogs
):
    entry_id = saved_wazir(threaded_hub.store)
    for number in range(200):  # pages enough for the noise to hit the words
        save_word(threaded_hub.store, lex=f"كلمة{number}", pos="noun", lemma=f"كلمة{number}")
    digest = damage(database)

    assert threaded_hub.read(list_entries, None) is None
    assert messages[-1].startswith(NOT_READ) and "is damaged" in messages[-1]

    failed: list[bool] = []
    with qtbot.waitSignal(threaded_hub.message, timeout=10_000):
        threaded_hub.apply(
            lambda store: set_status(store, entry_id, Status.KNOWN),
            on_failed=lambda: failed.append(True),
        )
    assert failed == [True]
    assert messages[-1].startswith(f"{NOT_SAVED}: ") and "is damaged" in messages[-1]
    qtbot.waitUntil(lambda: bool(captured_dialogs.shown))
    ((title, text, _buttons),) = captured_dialogs.shown
    assert title == NOT_SAVED and text.startswith("Nothing was saved.")
    assert "left untouched" in text
    assert hashlib.sha256(database.read_bytes()).hexdigest() == digest  # not "repaired", kept


def test_a_note_refused_by_a_damaged_file_stays_in_the_editor(qtbot, database, captured_dialogs):
    hub = VocabularyHub(synchronous=True)
    hub.set_store(open_store(database))
    document, _ = remember_document(hub.store, title="خبر", fingerprint="f", text_length=10)
    for number in range(200):
        add_note(hub.store, document.id, f"ملاحظة {number} " * 20)
    dock = NotesDock(hub, lambda: None)
    qtbot.addWidget(dock)
    dock.set_document(document.id)
    dock.build()
    damage(database)
    dock.editor.setPlainText("A note to keep")
    assert dock.add_from_editor()  # sent: the store refuses it
    assert dock.editor.toPlainText() == "A note to keep"
    qtbot.waitUntil(lambda: bool(captured_dialogs.shown))
    assert captured_dialogs.shown[0][0] == NOT_SAVED
    hub.close()


# -- undo through the worker ------------------------------------------------------------


def test_undoing_a_delete_on_the_worker_keeps_the_newer_status_and_offers_no_redo(
    qtbot, threaded_hub
):
    store = threaded_hub.store
    entry_id = saved_wazir(store)
    dock = VocabularyDock(threaded_hub)
    qtbot.addWidget(dock)
    dock.build()
    dock.select_row(0)
    with qtbot.waitSignal(threaded_hub.changed, timeout=10_000) as deleted:
        dock.delete_selected()
    assert deleted.args[0].initiator is dock.undo_stack.command(0)
    assert dock.lemmas() == []
    # Saved again, as known, before the undo.
    with qtbot.waitSignal(threaded_hub.changed, timeout=10_000):
        threaded_hub.apply(
            lambda store: save_word(store, **WAZIR, status=Status.KNOWN), initiator="pane"
        )
    with qtbot.waitSignal(threaded_hub.changed, timeout=10_000) as restored:
        dock.undo_stack.undo()
    merged = find_entry(store, WAZIR["lex"], "noun")
    assert merged.id != entry_id and merged.status is Status.KNOWN
    assert merged.occurrence_count == 1  # the old place joined the newer save
    assert restored.args[0].entry_ids >= {entry_id, merged.id}
    qtbot.waitUntil(lambda: dock.undo_stack.count() == 0)  # Redo would delete the newer save
    assert not dock.undo_stack.canRedo()
    assert dock.lemmas() == ["وَزِير"]


def test_undo_asked_before_the_delete_is_back_restores_it(qtbot, threaded_hub, database):
    entry_id = saved_wazir(threaded_hub.store)
    dock = VocabularyDock(threaded_hub)
    qtbot.addWidget(dock)
    dock.build()
    dock.select_row(0)
    other = write_lock(database)  # the delete waits on the worker...
    dock.delete_selected()
    dock.undo_stack.undo()  # ...and the undo is asked for meanwhile
    other.rollback()
    other.close()
    qtbot.waitUntil(lambda: not threaded_hub.writing, timeout=20_000)
    qtbot.waitUntil(lambda: dock.lemmas() == ["وَزِير"], timeout=10_000)
    assert get_entry(threaded_hub.store, entry_id).occurrence_count == 1


def test_the_window_says_who_saved(window):
    seen: list[Change] = []
    window.vocabulary.changed.connect(seen.append)
    window.session.pin(word_index(window, "بوتين"))
    press(window, Qt.Key.Key_S)
    assert seen and seen[-1].initiator is window.words
    assert find_entry(window.vocabulary.store, *PUTIN) is not None
    press(window, Qt.Key.Key_3)
    assert seen[-1].initiator is window.words and seen[-1].entry_ids
    assert notes_for_document(window.vocabulary.store, window.words.document_record.id) == []
