"""The popup never covers the line being read, the next line, nor the pane."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize

from reader.ui.word.popup import place

SCREEN = QRect(0, 0, 1280, 720)
ARTICLE = QRect(420, 60, 800, 600)  # the article's viewport; the pane is at its left
POPUP = QSize(220, 150)
LINE = 60  # one line of the article: the word's rect is as tall as its line


def word(x: int, y: int, width: int = 80) -> QRect:
    return QRect(x, y, width, LINE)


def popup_rect(word_rect: QRect, area: QRect | None = ARTICLE) -> QRect:
    return QRect(place(POPUP, word_rect, SCREEN, area), POPUP)


def next_line(word_rect: QRect) -> QRect:
    return QRect(ARTICLE.left(), word_rect.bottom() + 1, ARTICLE.width(), LINE)


def this_line(word_rect: QRect) -> QRect:
    return QRect(ARTICLE.left(), word_rect.top(), ARTICLE.width(), LINE)


@pytest.mark.parametrize("y", [ARTICLE.top(), ARTICLE.top() + 100, 300, 450, 600 - LINE])
@pytest.mark.parametrize("x", [ARTICLE.left(), 700, ARTICLE.right() - 80])
def test_never_over_the_line_read_nor_the_next_nor_outside_the_article(x, y):
    hovered = word(x, y)
    shown = popup_rect(hovered)
    assert not shown.intersects(this_line(hovered))
    assert not shown.intersects(next_line(hovered))
    assert ARTICLE.contains(shown), (shown, ARTICLE)  # so never over the pane at its left


def test_above_the_word_when_there_is_room():
    hovered = word(700, 400)
    shown = popup_rect(hovered)
    assert shown.bottom() < hovered.top()
    assert abs(shown.center().x() - hovered.center().x()) <= 1


def test_on_the_first_line_it_goes_below_the_next_one():
    hovered = word(700, ARTICLE.top())
    shown = popup_rect(hovered)
    assert shown.top() > hovered.bottom() + LINE


def test_near_the_left_margin_it_stays_off_the_pane():
    hovered = word(ARTICLE.left() + 2, 400, width=40)
    shown = popup_rect(hovered)
    assert shown.left() >= ARTICLE.left()


def test_a_window_too_short_for_above_or_below_puts_it_beside_the_word():
    short = QRect(420, 60, 800, 200)
    hovered = QRect(700, 120, 80, LINE)
    shown = QRect(place(POPUP, hovered, SCREEN, short), POPUP)
    assert not shown.intersects(hovered)
    assert SCREEN.contains(shown)


def test_an_article_narrower_than_the_popup_falls_back_to_the_screen():
    narrow = QRect(420, 60, 150, 600)
    hovered = QRect(440, 400, 80, LINE)
    shown = QRect(place(POPUP, hovered, SCREEN, narrow), POPUP)
    assert SCREEN.contains(shown)
    assert not shown.intersects(QRect(0, hovered.top(), 1280, 2 * LINE))


def test_in_the_window_the_popup_keeps_off_the_pane_and_the_lines_read(window):
    """Every word of the first screenful: the popup inside the article, never over
    the hovered word's line or the next, never over the Word pane."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QGuiApplication

    from tests.ui.conftest import hover

    # The window inside the screen (offscreen, 800×600), as a real one would be.
    screen = QGuiApplication.primaryScreen().availableGeometry()
    window.move(screen.topLeft())
    window.resize(screen.width() - 10, screen.height() - 40)
    QGuiApplication.processEvents()
    view = window.view
    viewport = view.viewport()
    article = QRect(viewport.mapToGlobal(QPoint(0, 0)), viewport.size())
    pane = window.gloss_pane
    pane_rect = QRect(pane.mapToGlobal(QPoint(0, 0)), pane.size())
    checked = 0
    for token in window.document.arabic_tokens():
        rect = view.token_rect(token.index)
        if not viewport.rect().contains(rect):
            break
        hover(window, token.index)
        assert window.popup.isVisible()
        shown = window.popup.frameGeometry()
        top_left = viewport.mapToGlobal(rect.topLeft())
        line = QRect(article.left(), top_left.y(), article.width(), rect.height())
        below = line.translated(0, rect.height())
        assert not shown.intersects(line), token.text
        assert not shown.intersects(below), token.text
        assert not shown.intersects(pane_rect), token.text
        assert article.contains(shown), token.text
        checked += 1
    assert checked > 20
