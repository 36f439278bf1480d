"""Every message box and file chooser goes through here, so tests can answer them."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

# Self-test and scripted runs: print the question, take the last (safe) answer.
NONINTERACTIVE = False

ICONS = {
    "information": QMessageBox.Icon.Information,
    "warning": QMessageBox.Icon.Warning,
    "error": QMessageBox.Icon.Critical,
}


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    *,
    kind: str = "warning",
    buttons: Sequence[str] = ("OK",),
    default: str | None = None,
) -> str:
    """Show a modal message and return the label of the button pressed.

    Closing the box with Esc or the window's close button counts as the last
    button, which callers make the safe choice.
    """
    if NONINTERACTIVE:
        print(f"{title}: {text} -> {buttons[-1]}", file=sys.stderr)
        return buttons[-1]
    box = QMessageBox(parent)
    box.setIcon(ICONS.get(kind, QMessageBox.Icon.NoIcon))
    box.setWindowTitle(title)
    box.setText(text)
    pressed = {}
    for label in buttons:
        button = box.addButton(label, QMessageBox.ButtonRole.ActionRole)
        pressed[button] = label
        if label == (default or buttons[0]):
            box.setDefaultButton(button)
    box.setEscapeButton(list(pressed)[-1])
    box.exec()
    return pressed.get(box.clickedButton(), buttons[-1])


def inform(parent: QWidget | None, title: str, text: str, *, kind: str = "warning") -> None:
    ask(parent, title, text, kind=kind)


def choose_file(parent: QWidget | None, caption: str, file_filter: str) -> Path | None:
    """Ask for a file to open; None when the learner cancels."""
    if NONINTERACTIVE:
        return None
    name, _ = QFileDialog.getOpenFileName(parent, caption, str(Path.home()), file_filter)
    return Path(name) if name else None


def choose_save_file(
    parent: QWidget | None, caption: str, file_filter: str, suggested: Path
) -> Path | None:
    """Ask where to write a file; None when the learner cancels."""
    if NONINTERACTIVE:
        return None
    name, _ = QFileDialog.getSaveFileName(parent, caption, str(suggested), file_filter)
    return Path(name) if name else None
