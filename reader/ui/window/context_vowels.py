"""Vowels in context in the window: the second pass on the worker, and the form per word.

The article is analysed first, without the vowel model, so that the text,
the first hover and the marks never wait for it. Then one more task loads the
model (never before: it takes a second and 70 MB) and vocalises the article
sentence by sentence (:func:`reader.morphology.analyzer.vocalize_document`);
its analysis replaces the window's. Until it arrives, each word shows its
reading's own vowels.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from reader.morphology.analyzer import DocumentAnalysis, vocalize_document
from reader.morphology.vowels.diacritizer import Diacritizer, DiacritizerUnavailable
from reader.reading.article_keys import ArticleKeys
from reader.reading.shown_forms import ShownForms, VowelledForms, vocalization_of
from reader.ui.base.tasks import Task, TaskManager, collector_paused

__all__ = ["ContextVowels", "ShownForms", "VowelledForms", "vocalization_of"]
PENDING, READY, UNAVAILABLE = "pending", "ready", "unavailable"


class ContextVowels(QObject):
    """The vocalisation task of the document shown; at most one at a time."""

    # The vocalised DocumentAnalysis, its ShownForms and ArticleKeys (re-ranked readings).
    vocalised = Signal(object, object, object)
    progress = Signal(int)  # percent
    failed = Signal(str)  # a sentence for the status bar

    def __init__(self, tasks: TaskManager, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.state = PENDING
        self.task: Task[tuple[DocumentAnalysis, ShownForms, ArticleKeys]] | None = None

    @property
    def running(self) -> bool:
        return self.task is not None and not self.task.done

    def start(self, analysis: DocumentAnalysis, diacritizer: Diacritizer | None) -> None:
        self.cancel()
        if diacritizer is None or self.state == UNAVAILABLE:
            return
        self.state = PENDING

        def work(task: Task[tuple[DocumentAnalysis, ShownForms, ArticleKeys]]):
            diacritizer.load()  # here, on the worker, never before
            with collector_paused():
                vocalised = vocalize_document(
                    analysis, diacritizer, progress=task.report, cancelled=task.is_cancelled
                )
                # Passes over every word: here, not on the GUI thread when it arrives.
                return vocalised, ShownForms.of(vocalised), ArticleKeys.of(vocalised)

        self.task = self.tasks.run(
            work,
            on_success=lambda outcome: self._done(*outcome),
            on_failure=self._failed,
            on_progress=lambda done, total: self.progress.emit(done * 100 // max(total, 1)),
        )

    def cancel(self) -> None:
        """Another document is shown (or the window closes): its vowels are not wanted."""
        task, self.task = self.task, None
        if task is not None and not task.done:
            task.cancel()
        if self.state != UNAVAILABLE:
            self.state = PENDING

    def _done(self, analysis: DocumentAnalysis, forms: ShownForms, keys: ArticleKeys) -> None:
        self.task, self.state = None, READY
        self.vocalised.emit(analysis, forms, keys)

    def _failed(self, error: BaseException) -> None:
        self.task = None
        if isinstance(error, DiacritizerUnavailable):
            self.state = UNAVAILABLE  # not tried again for every document
            self.failed.emit(
                f"Vowels in context are unavailable; the dictionary's vowels are shown ({error})."
            )
        else:
            self.failed.emit(
                "The article could not be vocalised in context; the dictionary's vowels "
                f"are shown ({error})."
            )
