"""Characters above U+FFFF (emoji, flags, 𝑥): one Document offset, two Qt positions.

Every hit-test, mark, selection and offset of the view must land on the word the
core means, however many such characters come before it. The ground truth is
Qt's own: the text a range of the QTextDocument holds, and where Qt itself finds
a word (``QTextDocument.find``), never the view's ranges alone.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from reader.store import Status
from reader.text import Document, TokenKind, document_from_text
from reader.ui.article.view import ArticleView
from reader.ui.article.word_marks import mark_format

# Putin after a smile, a flag, a mathematical letter and a thumb with a skin tone.
WIDE_ARTICLE = (
    "😀 قال 🇸🇦 الوزير 𝑥 إن 👍🏽 الرئيس الروسي فلاديمير بوتين ترك وزير الخارجية ينتظره.\n"
    "وقال 👨‍👩‍👧 الوزير إن الحكومة ستعمل على خفض الأسعار في موسكو.\n"
)


def _shown(view: ArticleView, start: int, end: int) -> str:
    cursor = QTextCursor(view.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


def test_hovering_a_word_after_emoji_shows_that_word_and_s_saves_it(window, tmp_path: Path):
    path = tmp_path / "wide.txt"
    path.write_text(WIDE_ARTICLE, encoding="utf-8")
    assert window.open_path(path)
    view = window.view
    putin = next(t for t in window.document.tokens if t.text == "بوتين")
    # Where Qt itself shows the word: a point in the middle of it.
    found = view.document().find("بوتين")
    assert not found.isNull()
    assert view.token_range(putin.index) == (found.selectionStart(), found.selectionEnd())
    view.ensure_token_visible(putin.index)
    point = view.token_rect(putin.index).center()
    QTest.mouseMove(view.viewport(), point.__class__(1, 1))
    QTest.mouseMove(view.viewport(), point)
    assert window.session.hovered == putin.index
    assert "Putin" in window.gloss_pane.text()
    window.activateWindow()
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_S)
    marks = view.marks()
    assert marks.get(putin.index) is mark_format(Status.LEARNING.value)
    view.flush_marks()
    # The mark is written on the word itself, not on the letters after it.
    start, end = view.token_range(putin.index)
    cursor = QTextCursor(view.document())
    cursor.setPosition(start + 1)
    assert cursor.charFormat().background() == mark_format(Status.LEARNING.value).background()
    cursor.setPosition(start)
    assert cursor.charFormat().background() != mark_format(Status.LEARNING.value).background()


def test_a_selection_after_emoji_is_anchored_on_the_words_selected(window, tmp_path: Path):
    path = tmp_path / "wide.txt"
    path.write_text(WIDE_ARTICLE, encoding="utf-8")
    assert window.open_path(path)
    view, text = window.view, window.document.text
    phrase = "وزير الخارجية"
    found = view.document().find(phrase)  # a learner's selection, in Qt's positions
    view.setTextCursor(found)
    start = text.index(phrase)
    assert view.selected_span() == (start, start + len(phrase))
    view.select_span(start, start + len(phrase))  # a note's anchor shown again
    assert view.textCursor().selectedText() == phrase


def test_the_place_in_a_long_text_with_emoji_is_the_word_at_the_top(window, tmp_path: Path):
    path = tmp_path / "wide.txt"
    path.write_text(WIDE_ARTICLE * 30, encoding="utf-8")
    assert window.open_path(path)
    view = window.view
    view.finish_building()
    moscow = [t for t in window.document.tokens if t.text == "موسكو"][20]
    view.scroll_to_offset(moscow.start)
    assert view.first_visible_offset() == moscow.start
    view._anchor = None  # as after a scroll by the learner: the place from the layout
    top = window.document.tokens[view._token_at_top()]
    assert view.token_rect(top.index).top() == view.token_rect(moscow.index).top()
    assert view.first_visible_offset() == top.start <= moscow.start
    assert _shown(view, *view.token_range(top.index)) == top.text


# -- every word of random text with wide characters, marks and bidi controls -------------

_WORDS = ("قال", "الوزير", "بوتين", "مُوسْكُو", "وَزِيرُ", "ـالحكومةـ", "لا", "في")
_OTHERS = (
    "😀",
    "👍🏽",
    "🇸🇦",
    "👨‍👩‍👧",
    "𝑥",
    "𝔸𝔹",
    "🀄",
    "e\u0301",
    "\u064b",
    "\u200f",
    "\u202b",
    "\u2067",
    "\u061c",
    "Putin",
    "2015",
    "،",
    ".",
    "«",
)
_SEPARATORS = (" ", " ", " ", "", "\n", "\n\n")


@st.composite
def _documents(draw: st.DrawFn) -> Document:
    pieces = draw(
        st.lists(
            st.tuples(st.sampled_from(_WORDS + _OTHERS), st.sampled_from(_SEPARATORS)),
            min_size=1,
            max_size=60,
        )
    )
    text = "قال " + "".join(piece + separator for piece, separator in pieces)
    return document_from_text(text)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(document=_documents(), vowelled=st.booleans())
def test_every_arabic_word_maps_both_ways_and_is_hit_where_qt_shows_it(
    qtbot, document: Document, vowelled: bool
) -> None:
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(500, 700)
    shown = {
        t.index: t.text + "\u064e"
        for t in document.tokens
        if vowelled and t.kind is TokenKind.ARABIC
    }
    view.show_document(document, vowelled=shown)
    view.show()
    view.finish_building()
    for token in document.arabic_tokens():
        start, end = view.token_range(token.index)
        assert _shown(view, start, end) == shown.get(token.index, token.text)
        assert view.shown_position(token.start) == start
        assert view.shown_position(token.end, end=True) == end
        assert view.document_offset(start) == token.start
        assert view.document_offset(end, end=True) == token.end
        view.ensure_token_visible(token.index)
        assert view.token_at(view.token_rect(token.index).center()) == token.index
        view.select_span(token.start, token.end)
        assert view.selected_span() == (token.start, token.end)
        assert view.textCursor().selectedText() == shown.get(token.index, token.text)
