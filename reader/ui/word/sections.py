"""What the Word pane's conjugation and root-family tabs show, once the dictionary can say.

The root index (~2 s) and the dictionary's present-vowel tags are read on the
worker as soon as the dictionary is ready; only then do the two tabs appear, so
opening one never stops the window. Each tab then asks for one word at a time:
its conjugation (mazini, cached per lemma) or its root's other lemmas with the
learner's status of each (one store query per word shown).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from reader.morphology.analyzer import Morphology
from reader.morphology.records import Analysis
from reader.morphology.roots.radicals import Root, RootOf, lemma_root
from reader.reading.session import Aspect, ReadingSession, SessionChange
from reader.store import Status
from reader.ui.base.tasks import Task, TaskManager
from reader.ui.word.pane import GlossPane

# (lex, pos) -> the learner's saved status, for the lemmas asked about.
Statuses = Callable[[list[tuple[str, str]]], dict[tuple[str, str], Status]]


class WordSections(QObject):
    """Gives ``pane`` its conjugation, family and root sources when the dictionary is ready."""

    # The root reader of the whole dictionary (RootOf), for the vocabulary and exports.
    roots_ready = Signal(object)
    failed = Signal(str)  # a message for the status bar

    def __init__(
        self,
        session: ReadingSession,
        pane: GlossPane,
        tasks: TaskManager,
        statuses: Statuses,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.pane, self.tasks, self.statuses = session, pane, tasks, statuses
        self.ready_for: Morphology | None = None  # the dictionary whose sources are given
        # Roots read off the lemma alone until the dictionary's index is built.
        self.root_of: RootOf = lemma_root
        self._task: Task[Any] | None = None
        session.subscribe(self._on_change)

    def _on_change(self, change: SessionChange) -> None:
        morphology = self.session.morphology
        if morphology is None or self._task is not None:
            return
        # After the article's analysis (which the hover and the marks wait for) when
        # there is an article: the worker takes tasks in turn.
        waiting = self.session.document is not None and self.session.analysis is None
        if (Aspect.DICTIONARY in change or Aspect.ANALYSIS in change) and not waiting:
            self._prepare(morphology)

    def _prepare(self, morphology: Morphology) -> None:
        def work(_task: Task[Any]) -> Morphology:
            from reader.morphology.verbs.conjugation import lex_vowels

            morphology.roots  # noqa: B018 - built now, on the worker
            lex_vowels(morphology)
            return morphology

        self._task = self.tasks.run(work, on_success=self._ready, on_failure=self._failed)

    def _ready(self, morphology: Morphology) -> None:
        from reader.morphology.verbs.conjugation import conjugate, why_not

        self.ready_for = morphology

        def conjugation(reading: Analysis) -> tuple[Any, str]:
            return conjugate(reading, morphology), why_not(reading, morphology)

        def family(reading: Analysis) -> tuple[Any, Callable[[tuple[str, str]], Status | None]]:
            members = morphology.root_family(reading.root, reading.lex, reading.pos)
            found = self.statuses([member.key for member in members]) if members else {}
            return members, found.get

        def root_of(reading: Analysis) -> Root:
            return morphology.roots.root_of(reading.root, reading.lex, reading.pos)

        self.pane.set_sources(conjugation=conjugation, family=family, root_of=root_of)
        self.root_of = morphology.roots.root_of
        self.roots_ready.emit(self.root_of)

    def _failed(self, error: BaseException) -> None:
        # The two tabs stay hidden and roots are read off the lemma alone; say why.
        self.failed.emit(f"Conjugations and root families are unavailable: {error}")
