"""The vocabulary dock over a long vocabulary: pages, SQL sorting, paused and superseded
searches; a real store filled in bulk, the hub's real worker thread, real widgets."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from reader.store import EntryOrder, delete_entry, list_entries, open_store, strip_diacritics
from reader.ui.base.vocabulary_hub import VocabularyHub
from reader.ui.vocabulary.dock import VocabularyDock
from reader.ui.vocabulary.table import ADDED, PAGE
from tests.core.bulk_vocabulary import fill, lemma_of

COUNT = 1000


@pytest.fixture
def hub(qtbot, tmp_path: Path) -> Iterator[VocabularyHub]:
    threaded = VocabularyHub(synchronous=False)
    store = open_store(tmp_path / "vocabulary.sqlite3")
    fill(store, COUNT)
    threaded.set_store(store)
    yield threaded
    threaded.close()


@pytest.fixture
def dock(qtbot, hub: VocabularyHub) -> VocabularyDock:
    opened = VocabularyDock(hub)
    qtbot.addWidget(opened)
    opened.resize(600, 400)
    opened.show()
    with qtbot.waitSignal(opened.windowTitleChanged, timeout=10_000):
        opened.build()
    return opened


def _ids(dock: VocabularyDock) -> list[int]:
    return [entry.id for entry in dock.model.entries]


def test_the_dock_opens_on_one_page_and_scrolling_reads_the_next(qtbot, dock, hub):
    assert dock.windowTitle() == f"Vocabulary ({COUNT})"
    assert dock.model.rowCount() == PAGE  # not the whole vocabulary
    assert _ids(dock) == [entry.id for entry in list_entries(hub.store, limit=PAGE)]
    dock.table.scrollToBottom()  # the view asks for more, as the learner's scrolling does
    qtbot.waitUntil(lambda: dock.model.rowCount() == 2 * PAGE, timeout=10_000)
    assert _ids(dock) == [entry.id for entry in list_entries(hub.store, limit=2 * PAGE)]


def test_a_sort_is_made_in_sql_and_the_next_page_continues_it(qtbot, dock, hub):
    header = dock.table.horizontalHeader()
    with qtbot.waitSignal(dock.model.answered, timeout=10_000):
        header.setSortIndicator(ADDED, Qt.SortOrder.DescendingOrder)  # what a click does
    newest = list_entries(hub.store, order_by=EntryOrder.RECENTLY_ADDED)
    assert _ids(dock) == [entry.id for entry in newest[:PAGE]]
    assert dock.lemmas() == [entry.lemma for entry in newest]  # every page, in order


def test_typing_sends_one_search_after_the_pause(qtbot, dock, hub, monkeypatch):
    asked: list[str] = []
    read_later = hub.read_later
    monkeypatch.setattr(
        hub,
        "read_later",
        lambda *args: asked.append(dock.search_edit.text()) or read_later(*args),
    )
    word = strip_diacritics(lemma_of(567))
    for length in range(1, len(word) + 1):  # a key at a time
        dock.search_edit.setText(word[:length])
    assert asked == []  # not yet: the learner may still be typing
    with qtbot.waitSignal(dock.model.answered, timeout=10_000):
        pass
    assert asked == [word]
    assert [entry.lemma for entry in dock.model.entries] == [lemma_of(567)]
    assert dock.windowTitle() == "Vocabulary (1)"


def test_an_older_search_never_shows_over_a_newer_one(qtbot, dock, hub):
    shown: list[list[int]] = []
    dock.model.modelReset.connect(lambda: shown.append(_ids(dock)))
    older, newer = lemma_of(10), lemma_of(20)
    with hub.tasks.hold():  # both wait behind a busy worker, the older first
        dock.search_edit.setText(strip_diacritics(older))
        dock.reload()
        dock.search_edit.setText(strip_diacritics(newer))
        dock.reload()
    assert dock.lemmas() == [newer]
    hub.tasks.wait_idle()
    assert shown == [[21]]  # the older answer was dropped, never shown for a moment


def test_a_delete_in_a_long_list_keeps_the_rows_read(qtbot, dock, hub):
    dock.table.scrollToBottom()
    qtbot.waitUntil(lambda: dock.model.rowCount() == 2 * PAGE, timeout=10_000)
    gone = dock.model.entries[3].id
    with qtbot.waitSignal(dock.model.answered, timeout=10_000):
        hub.apply(lambda store: delete_entry(store, gone))
    assert dock.model.rowCount() == 2 * PAGE and gone not in _ids(dock)
    assert dock.windowTitle() == f"Vocabulary ({COUNT - 1})"


def test_a_click_on_a_header_sorts_by_that_column_and_again_reverses(qtbot, dock, hub):
    header = dock.table.horizontalHeader()
    where = QPoint(header.sectionViewportPosition(ADDED) + header.sectionSize(ADDED) // 2, 5)
    clicks = []
    for _ in range(2):
        with qtbot.waitSignal(dock.model.answered, timeout=10_000):
            qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)
        clicks.append(_ids(dock)[:3])
    oldest = list_entries(hub.store, order_by=EntryOrder.RECENTLY_ADDED)[::-1]
    orders = {
        tuple(entry.id for entry in oldest[:3]),
        tuple(entry.id for entry in oldest[::-1][:3]),
    }
    assert {tuple(ids) for ids in clicks} == orders  # one way, then the other
