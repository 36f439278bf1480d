"""A dock built the first time it is shown (Frescobaldi's ``panel.py`` idea).

Until then it holds no widgets and only remembers what it should show; a
subclass makes its content in ``_build_content`` and fills it in ``_after_build``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget, QWidget


class LazyDock(QDockWidget):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.built = False
        self.visibilityChanged.connect(lambda visible: visible and self.build())

    def build(self) -> None:
        """Make the dock's content now, if it was not made yet."""
        if self.built:
            return
        self.setWidget(self._build_content())
        self.built = True
        self._after_build()

    def _build_content(self) -> QWidget:
        """The dock's widget, made once."""
        raise NotImplementedError

    def _after_build(self) -> None:
        """Show what the dock remembered, once its widgets exist."""
