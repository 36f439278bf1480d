"""The article's text column: capped to a reading measure and centred in a wide window,
the width a remembered setting; hovering, pinning and scrolling work inside it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from reader.system.settings import Settings
from reader.text import load_document
from reader.ui.article.column import TEXT_WIDTHS
from reader.ui.base import fonts
from reader.ui.base.tasks import TaskManager
from reader.ui.window.main_window import MainWindow
from tests.ui.conftest import click, hover, token_index


def _at(qtbot, window: MainWindow, width: int, height: int) -> None:
    window.resize(width, height)
    qtbot.wait(30)


def _column_room(window: MainWindow) -> int:
    """The view's width the column can take: all of it but the scroll bar."""
    margins = window.view.viewportMargins()
    return window.view.viewport().width() + margins.left() + margins.right()


def _words_on_first_line(window: MainWindow) -> int:
    view = window.view
    first = view.token_rect(0)
    return sum(
        1
        for token in window.document.tokens
        if token.index < 60 and view.token_rect(token.index).top() == first.top()
    )


def test_at_1920_the_column_is_capped_and_centred(qtbot, window):
    _at(qtbot, window, 1920, 1080)
    view = window.view
    assert view.text_width == "medium"
    room = _column_room(window)
    measure = view.column_measure()
    assert measure is not None and measure < room - 200
    assert abs(view.viewport().width() - measure) <= 1
    margins = view.viewportMargins()
    assert margins.left() == margins.right() > 100
    # Right to left: a paragraph's first word starts at the column's right edge.
    first = view.token_rect(0)
    text_right = view.viewport().width() - view.document().documentMargin()
    assert abs(first.right() - text_right) <= 4
    assert _words_on_first_line(window) <= 14  # 20 across the whole window


def test_hover_pin_and_scroll_work_in_the_centred_column(qtbot, window):
    _at(qtbot, window, 1920, 1080)
    index = token_index(window, "كانت")
    hover(window, index)  # hit-tested in the column: the hover is that word
    assert window.session.hovered == index and window.popup.isVisible()
    click(window, index)
    assert window.session.pinned == index
    assert window.view.drawn_focus[1] == index
    # A wheel turned over the margin scrolls the text, as over the text itself.
    view = window.view
    bar = view.verticalScrollBar()
    bar.setValue(0)
    margin = QPoint(view.viewportMargins().left() // 2, view.height() // 2)
    wheel = QWheelEvent(
        QPointF(margin),
        QPointF(view.mapToGlobal(margin)),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view, wheel)
    assert bar.value() > 0
    # Scrolling to a place and reading it back, as a restart does.
    late = window.document.tokens[token_index(window, "الحاصلة")]
    view.scroll_to_offset(late.start)
    assert view.first_visible_offset() == late.start


def test_the_width_is_a_setting_of_the_view_menu(qtbot, window, data_home):
    _at(qtbot, window, 1920, 1080)
    view = window.view
    medium = view.viewport().width()
    actions = window.actions.text_widths
    assert set(actions) == set(TEXT_WIDTHS) and actions["medium"].isChecked()
    actions["narrow"].trigger()
    qtbot.wait(30)
    assert view.viewport().width() < medium and actions["narrow"].isChecked()
    assert window.settings.get("text_width") == "narrow"
    actions["full"].trigger()
    qtbot.wait(30)
    assert view.viewportMargins().left() == view.viewportMargins().right() == 0
    assert view.viewport().width() == _column_room(window)
    # Remembered: a new window opens at the width chosen.
    window.set_text_width("wide")
    window.save_settings()
    again = MainWindow(Settings(), tasks=TaskManager(synchronous=True))
    qtbot.addWidget(again)
    again.save_settings_on_close = False
    assert again.view.text_width == "wide" and again.actions.text_widths["wide"].isChecked()


def test_at_1280_medium_leaves_the_text_the_whole_view(qtbot, window):
    _at(qtbot, window, 1280, 720)
    margins = window.view.viewportMargins()
    assert margins.left() == margins.right() == 0


def test_the_measure_follows_the_zoom(qtbot, window):
    _at(qtbot, window, 1920, 1080)
    before = window.view.column_measure()
    window.zoom(+4)
    qtbot.wait(30)
    after = window.view.column_measure()
    assert before is not None and after is not None and after > before
    assert abs(window.view.viewport().width() - min(after, _column_room(window))) <= 1


def test_a_document_shown_before_the_window_is_laid_out_in_the_column(
    qtbot, data_home, default_article_path
):
    # As the app starts: the article is in before the window first shows.
    fonts.register_fonts()
    window = MainWindow(Settings(), tasks=TaskManager(synchronous=True))
    qtbot.addWidget(window)
    window.save_settings_on_close = False
    window.resize(1632, 918)
    window.show_document(load_document(default_article_path))
    window.show()
    qtbot.waitExposed(window)
    view = window.view
    assert view.viewportMargins().left() > 0
    assert view.document().textWidth() == view.viewport().width()
    assert view.horizontalScrollBar().maximum() == 0  # no line runs past the column
