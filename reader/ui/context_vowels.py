"""Vowels in context in the window: the second pass on the worker, and the form per word.

The article is analysed first, without the vowel model, so that the text,
the first hover and the marks never wait for it. Then one more task loads the
model (never before: it takes a second and 70 MB) and vocalises the article
sentence by sentence (:func:`reader.morphology.analyzer.vocalize_document`);
its analysis replaces the window's. Until it arrives, each word shows its
reading's own vowels.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from reader.morphology.analyzer import DocumentAnalysis, vocalize_document
from reader.morphology.diacritizer import Diacritizer, DiacritizerUnavailable
from reader.morphology.reconcile import Vocalization, vocalize
from reader.morphology.records import Analysis
from reader.morphology.vowels import pausal
from reader.text import Document, TokenKind
from reader.ui.tasks import Task, TaskManager, collector_paused
from reader.ui.word_marks import ArticleKeys

PENDING, READY, UNAVAILABLE = "pending", "ready", "unavailable"


@dataclass(frozen=True)
class ShownForms:
    """Per token, the form shown for its best reading: with its ending, and pausal."""

    full: tuple[str, ...] = ()
    pausal: tuple[str, ...] = ()

    @classmethod
    def of(cls, analysis: DocumentAnalysis) -> ShownForms:
        """A pass over every word: for the worker."""
        full = analysis.vocalized
        without: dict[str, str] = {}  # news repeats its words: each form once
        for form in full:
            if form not in without:
                without[form] = pausal(form) if form else ""
        return cls(full, tuple(without[form] for form in full))

    def shown(self, token_index: int, case_endings: bool) -> str:
        forms = self.full if case_endings else self.pausal
        return forms[token_index] if forms else ""


class VowelledForms(Mapping[int, str]):
    """Token index -> the form Show Vowels writes, for the view's layout.

    The worker's forms (one per token) read as they are asked for, with the
    words whose reading the learner chose over them: no dict of every word
    made on the GUI thread.
    """

    def __init__(self, forms: Sequence[str], chosen: Mapping[int, str]) -> None:
        self._forms = forms
        self._chosen = chosen

    def get(self, index: int, default: str | None = None) -> str | None:  # type: ignore[override]
        form = self._chosen.get(index)
        if form is None:
            form = self._forms[index] if 0 <= index < len(self._forms) else ""
        return form or default

    def __getitem__(self, index: int) -> str:
        form = self.get(index)
        if form is None:
            raise KeyError(index)
        return form

    def __contains__(self, index: object) -> bool:
        return isinstance(index, int) and self.get(index) is not None

    def __iter__(self) -> Iterator[int]:
        size = max(len(self._forms), max(self._chosen, default=-1) + 1)
        return (index for index in range(size) if index in self)

    def __len__(self) -> int:  # a pass over every word: never on the way of the layout
        return sum(1 for _ in self)

    def __bool__(self) -> bool:
        return bool(self._forms or self._chosen)


def vocalization_of(
    document: Document,
    analysis: DocumentAnalysis | None,
    token_index: int,
    chosen: Analysis | None,
) -> Vocalization | None:
    """How the word is said here in the reading shown (None: no reading, no vowels).

    The stored vocalisation when the reading shown is the best one; for a
    reading the learner chose, its own vowels reconciled with the sentence's.
    """
    token = document.tokens[token_index]
    if token.kind is not TokenKind.ARABIC:
        return None
    if analysis is not None and analysis.document is not document:
        analysis = None
    stored = analysis.vocalization(token_index) if analysis is not None else None
    if stored is not None and analysis is not None and chosen is analysis.best(token_index):
        return stored
    if chosen is None:
        return stored
    return vocalize(token.lookup, chosen, stored.context_form if stored is not None else "")


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
