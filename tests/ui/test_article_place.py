"""Keeping the learner's place: zoom, vowels, the first visible word; marks in batches."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor

from reader.text import document_from_text
from reader.ui.article import text_marks
from reader.ui.article.word_marks import mark_format


def _scroll_to_middle(window) -> None:
    bar = window.view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2 + 7)  # a line cut by the top edge


def test_the_first_visible_word_is_on_a_whole_line(window):
    _scroll_to_middle(window)
    view = window.view
    offset = view.first_visible_offset()
    token = window.document.token_at(offset)
    assert token is not None
    assert view.token_rect(token.index).top() >= 0  # not half hidden above the view


def test_zoom_and_vowels_keep_the_place(window):
    _scroll_to_middle(window)
    view = window.view
    first = view.first_visible_offset()
    for step in (2, 2, 2, -2, 0):
        window.zoom(step)
        assert view.first_visible_offset() == first, step
        token = window.document.token_at(first)
        assert 0 <= view.token_rect(token.index).top() < view.viewport().height() // 3
    for on in (True, False, True, False):
        window.set_show_vowels(on)
        assert view.first_visible_offset() == first, on


def test_paragraph_spacing_follows_the_zoom(window):
    view = window.view
    block = view.document().begin().next()
    before = block.blockFormat().bottomMargin()
    window.zoom(4)
    after = view.document().begin().next().blockFormat().bottomMargin()
    assert after == pytest.approx(before * view.font_size / (view.font_size - 4))


def _unmarked_long_article(window, copies: int) -> list[int]:
    """The article ``copies`` times over, shown with no marks: its Arabic words."""
    window.show_document(
        document_from_text("\n".join([window.document.text] * copies), title="long")
    )
    view = window.view
    view.set_marks({})
    view.flush_marks()
    return list(view._arabic)


def _marked(view, index: int, mark) -> bool:
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.token_range(index)[0] + 1)
    return cursor.charFormat().background().color() == mark.background().color()


def test_many_marks_are_written_in_batches_nearest_first(qtbot, window, monkeypatch):
    monkeypatch.setattr(text_marks, "MARK_BATCH", 20)
    view = window.view
    arabic = _unmarked_long_article(window, 3)
    _scroll_to_middle(window)
    top = view.first_visible_offset()
    new = mark_format("new")
    view.set_marks({index: new for index in arabic})
    assert view.marks_pending() > 0  # not all in one go
    first_token = window.document.token_at(top).index
    assert _marked(view, first_token, new)  # the place in view first
    assert not _marked(view, arabic[0], new)
    qtbot.waitUntil(lambda: not view.marks_pending())  # the event loop writes the rest
    assert all(_marked(view, index, new) for index in arabic)


def test_a_batch_of_marks_stops_at_its_time_budget(qtbot, window, monkeypatch):
    """No time at all for a batch: each writes one word (never none), the rest
    follow on later turns of the event loop, and every mark ends up right."""
    monkeypatch.setattr(text_marks, "MARK_BATCH_SECONDS", 0.0)
    view = window.view
    arabic = _unmarked_long_article(window, 2)
    batches = view.mark_batches
    new = mark_format("new")
    view.set_marks({index: new for index in arabic})
    assert len(arabic) > text_marks.MARK_BATCH  # queued, not written at once
    qtbot.waitUntil(lambda: not view.marks_pending(), timeout=60_000)
    assert view.largest_mark_batch == 1
    assert view.mark_batches - batches >= len(arabic) - 1
    assert all(_marked(view, index, new) for index in arabic)
