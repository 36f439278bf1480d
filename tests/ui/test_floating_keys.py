"""The word keys reach the word in focus when a dock floats as its own window.

A floating dock is a window of its own, the active one once the learner clicks
in it: the keys must still act on the word in focus, as they do docked.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from reader.store import Status, find_entry
from tests.ui.conftest import click, word_index

PUTIN = ("بُوتِين", "noun_prop")


def _float(qtbot, dock) -> None:
    dock.show()
    dock.setFloating(True)
    dock.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dock, timeout=5000)
    assert dock.isWindow()


@pytest.mark.parametrize("which", ["gloss_pane", "vocabulary", "notes"])
def test_word_keys_from_a_floating_dock(window, qtbot, which):
    dock = window.gloss_pane if which == "gloss_pane" else getattr(window.docks, which)
    putin = word_index(window, "بوتين")
    click(window, putin)
    _float(qtbot, dock)
    inside = dock.widget()
    inside.setFocus()
    assert QApplication.focusWidget() is not None
    assert QApplication.focusWidget().window() is dock  # the keys go to the floating window
    target = QApplication.focusWidget()

    QTest.keyClick(target, Qt.Key.Key_S)  # save the pinned word
    saved = find_entry(window.vocabulary.store, *PUTIN)
    assert saved is not None
    QTest.keyClick(target, Qt.Key.Key_3)  # mark it Known
    assert find_entry(window.vocabulary.store, *PUTIN).status == Status.KNOWN
    QTest.keyClick(target, Qt.Key.Key_Left)  # the next word, to the left
    arabic = [t.index for t in window.document.arabic_tokens()]
    assert window.session.pinned == arabic[arabic.index(putin) + 1]
    QTest.keyClick(target, Qt.Key.Key_Escape)
    assert window.session.pinned is None
