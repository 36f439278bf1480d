"""The window as a view of its session: saved entries read on the worker, used only when current."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from reader.reading.article_keys import ArticleKeys
from reader.store import Status, entries_for_lemmas
from reader.ui.article.word_marks import mark_format
from tests.ui.conftest import hover, word_index


def _putin_saved(window) -> int:
    putin = word_index(window, "بوتين")
    hover(window, putin)
    window.activateWindow()
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_S)
    assert window.view.marks().get(putin) is mark_format(Status.LEARNING.value)
    return putin


def test_entries_read_on_the_worker_mark_the_article(window):
    putin = _putin_saved(window)
    analysis, forms = window.analysis, window._forms
    keys = ArticleKeys.of(analysis)
    # As the analysis task does: one query for the article's lemmas, then the outcome.
    found = entries_for_lemmas(window.vocabulary.store, keys.keys)
    window.words.prefetched(keys, window.words.generation, found)
    window.session.analysed(analysis, forms, keys)
    window.view.flush_marks()
    assert window.view.marks().get(putin) is mark_format(Status.LEARNING.value)
    assert window.session.entry_at(putin).status is Status.LEARNING


def test_entries_read_before_a_change_are_not_used(window):
    analysis, forms = window.analysis, window._forms
    keys = ArticleKeys.of(analysis)
    before = entries_for_lemmas(window.vocabulary.store, keys.keys)  # nothing saved yet
    generation = window.words.generation
    putin = _putin_saved(window)  # saved while the "worker" held the old answer
    window.words.prefetched(keys, generation, before)
    window.session.analysed(analysis, forms, keys)
    window.view.flush_marks()
    # The store was asked again on arrival: the word saved meanwhile stays marked.
    assert window.view.marks().get(putin) is mark_format(Status.LEARNING.value)
    assert window.session.entry_at(putin) is not None
