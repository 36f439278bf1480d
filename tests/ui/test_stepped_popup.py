"""← and → bring the word's popup, as the mouse does, and it goes as the mouse's would.

Real widgets offscreen, the real analyzer, the default article.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractSlider

from tests.ui.conftest import click, hover, token_index


def _next_arabic(window, index: int, step: int = 1) -> int:
    arabic = [t.index for t in window.document.arabic_tokens()]
    return arabic[arabic.index(index) + step]


def _word_on_screen(window, index: int) -> QRect:
    rect = window.view.token_rect(index)
    return QRect(window.view.viewport().mapToGlobal(rect.topLeft()), rect.size())


def _shows(window, index: int) -> None:
    """The popup is up, says what the mouse's would for ``index``, and sits at the word."""
    assert window.popup.isVisible()
    text = window.popup.text()
    assert window.session.shown_form(index) in text
    assert window.session.english(index) in text
    word, popup = _word_on_screen(window, index), window.popup.frameGeometry()
    assert window.view.viewport().rect().contains(window.view.token_rect(index))
    assert not popup.intersects(word)  # never over the word read
    assert popup.left() <= word.center().x() <= popup.right()
    assert min(abs(popup.bottom() - word.top()), abs(popup.top() - word.bottom())) < 3 * (
        word.height()
    )


def test_an_arrow_key_brings_the_popup_of_the_word_it_reaches(window):
    putin = token_index(window, "بوتين")
    click(window, putin)
    QTest.mouseMove(window.view.viewport(), QPoint(1, 1))  # the mouse off the words
    window.focus._hide_timer.timeout.emit()
    assert not window.popup.isVisible()
    window.view.setFocus()

    QTest.keyClick(window.view, Qt.Key.Key_Left)
    after = _next_arabic(window, putin)
    assert window.session.pinned == after
    _shows(window, after)
    QTest.keyClick(window.view, Qt.Key.Key_Right)
    _shows(window, putin)
    assert "Putin" in window.popup.text()

    # Esc unpins, and the popup goes with the pin.
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    assert window.session.pinned is None and not window.popup.isVisible()


def test_the_keys_popup_outlasts_the_scroll_it_makes_and_goes_at_the_learners(window, qtbot):
    view = window.view
    first = window.document.arabic_indices()[0]
    click(window, first)
    QTest.mouseMove(view.viewport(), QPoint(1, 1))
    # Far down the article: the view scrolls to the word, the popup follows it there.
    target = window.document.arabic_indices()[300]
    window.session.pin(_next_arabic(window, target, -1))
    view.verticalScrollBar().setValue(0)  # the learner read on from the top meanwhile
    top = view.verticalScrollBar().value()
    QTest.keyClick(view, Qt.Key.Key_Left)
    assert window.session.pinned == target and view.verticalScrollBar().value() != top
    _shows(window, target)
    qtbot.wait(250)  # longer than the mouse's hide delay: a key's popup stays
    assert window.popup.isVisible()

    # The learner scrolls: the popup goes, as the mouse's would.
    view.verticalScrollBar().triggerAction(QAbstractSlider.SliderAction.SliderSingleStepAdd)
    assert not window.popup.isVisible()
    assert window.session.pinned == target  # the pin stays

    # A click elsewhere (the status bar) puts a key's popup away too.
    QTest.keyClick(view, Qt.Key.Key_Left)
    _shows(window, _next_arabic(window, target))
    QTest.mouseClick(window.statusBar(), Qt.MouseButton.LeftButton)
    assert not window.popup.isVisible()


def test_the_key_wins_over_a_still_mouse_and_the_mouse_takes_over_again(window):
    putin = token_index(window, "بوتين")
    other = token_index(window, "الكريملن")
    hover(window, other)  # the mouse rests on a word, the learner uses the keys
    window.session.pin(putin)
    QTest.keyClick(window.view, Qt.Key.Key_Left)
    after = _next_arabic(window, putin)
    _shows(window, after)
    assert window.focus.stepped_to == after
    # The mouse brings a word: the popup is the mouse's again, and goes with it.
    hover(window, putin)
    assert window.focus.stepped_to is None
    _shows(window, putin)
