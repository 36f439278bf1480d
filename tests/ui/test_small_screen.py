"""The window on a 1280x720 screen (and at 1920x1080): the Word pane whole after every
tab, the tab bar where it was, the vocabulary's rows, the window's minimum height and
the first start's size. Real widgets offscreen, on the real analyzer."""

from __future__ import annotations

import base64

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QWidget

from reader.system.settings import Settings
from reader.ui.base.tasks import TaskManager
from reader.ui.window import geometry
from reader.ui.window.main_window import MainWindow
from reader.ui.word.pane import SECTIONS
from tests.ui.conftest import click, make_window, token_index

# Under a 720-pixel screen's title bar and panel, the window has about this much.
SCREEN_720_ROOM = 640


def _at(qtbot, window: MainWindow, width: int, height: int) -> None:
    window.resize(width, height)
    qtbot.wait(30)  # the pane sets its split once its new size is in


def _whole(widget: QWidget) -> bool:
    """On screen, uncovered by its scroll area's edges, its text not cut short."""
    return (
        widget.isVisible()
        and widget.visibleRegion().boundingRect() == widget.rect()
        and widget.width() >= widget.sizeHint().width()
    )


def _pane_buttons(window: MainWindow) -> list[QWidget]:
    editor = window.gloss_pane.editor
    return [editor.save_button, *editor.status_buttons.values(), editor.more_button]


def _bare_window(qtbot, settings: Settings | None = None) -> MainWindow:
    """A window not shown yet, with no document, that saves nothing when it closes."""
    window = MainWindow(settings or Settings(), tasks=TaskManager(synchronous=True))
    qtbot.addWidget(window)
    window.save_settings_on_close = False
    return window


def _tab_bar_y(window: MainWindow) -> int:
    return window.gloss_pane.tabs.tabBar().mapTo(window, QPoint(0, 0)).y()


def test_every_button_of_the_pane_is_whole_at_720p_after_every_tab(qtbot, window):
    _at(qtbot, window, 1280, 720)
    click(window, token_index(window, "كانت"))  # a verb: every tab has something to show
    pane = window.gloss_pane
    places = set()
    for name in (*SECTIONS, *reversed(SECTIONS)):
        pane.show_section(name)
        qtbot.wait(30)
        places.add(_tab_bar_y(window))
        clipped = [b.text() for b in _pane_buttons(window) if not _whole(b)]
        assert not clipped, f"after {name}: {clipped}"
    assert len(places) == 1, f"the tab bar moved: {sorted(places)}"
    # The learner's own fields, opened on a saved word: whole too, the tab bar unmoved.
    window.words.save_focused_word()
    pane.editor.more_button.click()
    qtbot.wait(30)
    editor = pane.editor
    fields = [editor.gloss_edit, editor.tags_edit, editor.notes_edit, editor.notes_button]
    assert all(_whole(widget) for widget in [*_pane_buttons(window), *fields])
    assert {_tab_bar_y(window)} == places


def test_the_conjugation_shows_rows_at_720p(qtbot, window):
    _at(qtbot, window, 1280, 720)
    click(window, token_index(window, "كانت"))
    window.gloss_pane.show_section("conjugation")
    qtbot.wait(30)
    view = window.gloss_pane.conjugation_view
    table = view.tab_label("Past")
    assert table is not None and table.isVisible()
    # The past's table: a head row, three group titles, thirteen persons.
    row = table.height() / 17
    assert view.tabs.currentWidget().viewport().height() >= 5 * row


def test_the_sentence_shows_several_rows_on_first_start_at_720p(qtbot, window):
    _at(qtbot, window, 1280, 720)
    click(window, token_index(window, "كانت"))
    qtbot.wait(30)
    words = window.gloss_pane.sentence_list
    shown = words.viewport().rect()
    tops = {
        words.visualItemRect(words.item(row)).top()
        for row in range(words.count())
        if shown.contains(words.visualItemRect(words.item(row)))
    }
    assert len(tops) >= 4, f"{len(tops)} rows of the sentence in view"


@pytest.mark.parametrize(("width", "height", "rows"), [(1280, 720, 3), (1920, 1080, 5)])
def test_the_vocabulary_opens_several_rows_tall_below_the_article(
    qtbot, data_home, captured_dialogs, width, height, rows
):
    window = make_window(qtbot)
    _at(qtbot, window, width, height)
    window.gloss_pane.show_section("sentence")
    before = _tab_bar_y(window)
    dock = window.docks.vocabulary
    dock.toggleViewAction().trigger()
    qtbot.waitUntil(lambda: dock.built and dock.isVisible())
    qtbot.wait(30)
    table = dock.table
    row = table.verticalHeader().defaultSectionSize()
    assert table.viewport().height() >= rows * row
    # Below the article, not over the Word pane's tabs, which did not move.
    assert not dock.geometry().intersects(window.gloss_pane.geometry())
    assert _tab_bar_y(window) == before
    assert window.minimumSizeHint().height() <= SCREEN_720_ROOM


def test_everything_open_the_window_still_fits_a_720p_screen(qtbot, window):
    _at(qtbot, window, 1280, 720)
    click(window, token_index(window, "كانت"))
    for name in SECTIONS:
        window.gloss_pane.show_section(name)
    window.words.save_focused_word()
    window.gloss_pane.editor.more_button.click()
    for dock in window.docks.all:
        dock.toggleViewAction().trigger()
    qtbot.waitUntil(lambda: all(dock.built for dock in window.docks.all))
    qtbot.wait(30)
    assert window.minimumSizeHint().height() <= SCREEN_720_ROOM
    assert window.height() <= 720


def test_first_start_fills_a_small_screen_and_shows_maximised(qtbot, data_home):
    window = _bare_window(qtbot)
    available = QRect(0, 30, 1280, 690)  # a 720p screen under a panel
    window.fit_to_screen(available, default_size=True)
    assert window.frameGeometry() == available
    geometry.show(window)
    assert window.isMaximized()
    # A large screen keeps a generous share, in a window of its own.
    large = _bare_window(qtbot)
    large.fit_to_screen(QRect(0, 0, 2560, 1400), default_size=True)
    assert abs(large.width() - 2176) <= 2 and abs(large.height() - 1190) <= 2
    geometry.show(large)
    assert not large.isMaximized()


def test_a_restored_geometry_wins_over_the_small_screen_default(qtbot, data_home):
    saved = _bare_window(qtbot)
    saved.resize(700, 500)
    saved.move(20, 40)
    settings = Settings()
    settings.set("window_geometry", base64.b64encode(bytes(saved.saveGeometry())).decode())
    window = _bare_window(qtbot, settings)
    available = window.screen().availableGeometry()
    assert available.width() <= geometry.SMALL_SCREEN[0]  # offscreen: a small screen
    geometry.show(window)
    assert not window.isMaximized()
    assert (window.width(), window.height()) == (700, 500)
