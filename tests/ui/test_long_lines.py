"""A line without a space and a long article in the window: laid out in pieces, all usable.

Real widgets and the real analyzer; no clock: the tests check that the view is
built in batches (what is laid out already answers a hover), that blocks stay
bounded, and that marks and the saved place reach the part laid out later.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor

from reader.text import TokenKind, document_from_text
from reader.ui.article.layout import BLOCK_CHARS, ZERO_WIDTH_SPACE
from reader.ui.article.word_marks import MARK_COLOURS
from tests.core.test_long_lines import run_of
from tests.ui.conftest import hover, word_index


def test_an_unbroken_line_is_laid_out_in_bounded_blocks_and_says_why_it_is_not_glossed(window):
    text = f"قال بوتين في موسكو\n{run_of(200_000)}\nوقال بوتين"
    document = document_from_text(text, title="line")
    window.show_document(document)
    view = window.view
    assert view.building()  # the rest comes in batches: the window goes on answering
    hover(window, word_index(window, "بوتين"))
    assert "Putin" in window.gloss_pane.text()
    view.finish_building()
    block = view.document().begin()
    while block.isValid():
        assert block.length() <= BLOCK_CHARS + 2  # its text, a space, the separator
        block = block.next()
    shown = view.document().toPlainText().replace(ZERO_WIDTH_SPACE, "")  # blocks: "\n"
    assert shown.replace("\n", "") == text.replace("\n", "")
    overlong = next(t.index for t in document.tokens if t.kind is TokenKind.OVERLONG)
    hover(window, overlong)
    assert "200,000 letters without a space" in window.gloss_pane.text()
    assert "not looked up" in window.popup.text()
    hover(window, len(document.tokens) - 1)  # the word after the run
    assert "Putin" in window.gloss_pane.text()


def test_marks_and_a_place_in_the_part_laid_out_later(window):
    window.session.pin(word_index(window, "بوتين"))
    assert window.words.save_focused_word()
    long_text = "\n".join([window.document.text] * 30)
    document = document_from_text(long_text, title="long")
    window.show_document(document)
    view = window.view
    assert view.building()
    last = [t.index for t in document.tokens if t.text == "بوتين"][-1]
    view.scroll_to_offset(document.tokens[last].start)  # not laid out yet: kept for later
    view.finish_building()
    view.flush_marks()
    assert last in view.marks()
    start, _end = view.token_range(last)
    cursor = QTextCursor(view.document())
    cursor.setPosition(start + 1)
    assert cursor.charFormat().background().color().name() == MARK_COLOURS["learning"].background
    assert view.viewport().rect().contains(view.token_rect(last).center())
    hover(window, last)
    assert "Putin" in window.gloss_pane.text()
