"""View > Show Vowels: the article written with every word's vowels, as said here.

The forms come from the session (the worker's forms, the learner's choices over
them); they are written again when the readings shown change or the case
endings are switched, not when only the Latin scheme changes (the Arabic is
the same, and a long article is laid out again).
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QStatusBar

from reader.reading.session import Aspect, ReadingSession, SessionChange
from reader.system.settings import Settings
from reader.ui.article.view import ArticleView


class ShowVowels:
    def __init__(
        self,
        session: ReadingSession,
        view: ArticleView,
        action: QAction,
        settings: Settings,
        status_bar: QStatusBar,
    ) -> None:
        self.session, self.view, self.action = session, view, action
        self.settings, self.status_bar = settings, status_bar
        self._endings = session.case_endings  # of the vowelled forms shown
        action.setChecked(bool(settings.get("show_vowels")))
        session.subscribe(self._on_changed)

    def set_shown(self, on: bool) -> None:
        self.action.setChecked(on)
        self.settings.set("show_vowels", bool(on))
        if self.session.document is None:
            return
        if not on:
            self.view.set_vowelled(None)
        elif self.session.analysis is not None:
            self._write()
        else:
            self.status_bar.showMessage("Vowels will show once the article is analysed.", 4000)

    def _on_changed(self, change: SessionChange) -> None:
        if Aspect.DOCUMENT in change:
            return  # the view was given the new document bare
        endings = Aspect.DISPLAY in change and self._endings != self.session.case_endings
        if (change.readings or endings) and self.action.isChecked():
            if self.session.analysis is not None:
                self._write()

    def _write(self) -> None:
        self._endings = self.session.case_endings
        self.view.set_vowelled(self.session.vowelled_forms())
