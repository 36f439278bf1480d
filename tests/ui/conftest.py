"""UI fixtures: a reader window on the real analyzer, and captured dialogs."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from reader.system.settings import Settings
from reader.text import load_document
from reader.ui.base import dialogs, fonts
from reader.ui.base.tasks import TaskManager
from reader.ui.window.main_window import MainWindow


@dataclass
class Dialogs:
    """Every message the window showed, answered with ``answer`` (else the last button)."""

    shown: list[tuple[str, str, tuple[str, ...]]] = field(default_factory=list)
    answers: list[str] = field(default_factory=list)

    def ask(self, parent, title, text, *, kind="warning", buttons=("OK",), default=None):
        self.shown.append((title, text, tuple(buttons)))
        return self.answers.pop(0) if self.answers else buttons[-1]

    @property
    def texts(self) -> list[str]:
        return [text for _, text, _ in self.shown]


@pytest.fixture
def captured_dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    captured = Dialogs()
    monkeypatch.setattr(dialogs, "ask", captured.ask)
    monkeypatch.setattr(dialogs, "choose_file", lambda *args: None)
    return captured


def make_window(qtbot, *, morphology=None, synchronous: bool = True) -> MainWindow:
    fonts.register_fonts()
    window = MainWindow(
        Settings(), tasks=TaskManager(synchronous=synchronous), morphology=morphology
    )
    qtbot.addWidget(window)
    window.resize(1100, 760)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(qtbot, data_home: Path, morphology, default_article_path: Path, captured_dialogs):
    """The default article in a window whose dictionary is ready and analysis done."""
    reader = make_window(qtbot, morphology=morphology)
    reader.show_document(load_document(default_article_path))
    reader.start_dictionary()
    assert reader.analysis is not None
    return reader


def token_index(window: MainWindow, text: str, *, after: str | None = None) -> int:
    tokens = window.document.tokens
    for token in tokens:
        if token.text == text and (after is None or tokens[token.index - 1].text == after):
            return token.index
    raise AssertionError(f"{text} not in the document")


def word_index(window: MainWindow, text: str) -> int:
    """The first ``text`` that is a word alone, not a word of a name of several words:
    saving it saves its lemma (the article's first بوتين is in فلاديمير بوتين, a name)."""
    for token in window.document.tokens:
        if token.text == text and window.session.name_at(token.index) is None:
            return token.index
    raise AssertionError(f"{text} is not a word alone in the document")


def hover(window: MainWindow, index: int) -> None:
    """Move the mouse to the middle of a token, as a learner would."""
    window.view.ensure_token_visible(index)
    point = window.view.token_rect(index).center()
    # Qt drops a move to where the mouse already is: come from the margin.
    QTest.mouseMove(window.view.viewport(), QPoint(1, 1))
    QTest.mouseMove(window.view.viewport(), point)
    assert window.view.token_at(point) == index


def hover_point(window: MainWindow, point: QPoint) -> None:
    QTest.mouseMove(window.view.viewport(), point)


def click(window: MainWindow, index: int) -> None:
    point = window.view.token_rect(index).center()
    QTest.mouseMove(window.view.viewport(), point)
    QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
