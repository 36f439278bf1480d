"""The document shown, prepared on the worker: one task through the reading core's stages.

The window never orchestrates analysis itself: this runs
:func:`reader.reading.prepare.stages` in one task and hands each stage's
:class:`~reader.reading.prepare.Prepared` to the GUI thread as it is done (the
analysis first, so the text, the first hover and the marks never wait for the
vowel model; then the words vocalised in context). The saved entries of the
document's lemmas are read with each stage, on the same worker; they are used
only if the vocabulary did not change meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from reader.reading.prepare import Prepared, Stage, stages
from reader.ui.base.tasks import Task, TaskManager, collector_paused

if TYPE_CHECKING:
    from reader.morphology.analyzer import Morphology
    from reader.store import EntryRecord, LemmaKey
    from reader.text import Document

__all__ = ["PENDING", "READY", "UNAVAILABLE", "Preparation"]
PENDING, READY, UNAVAILABLE = "pending", "ready", "unavailable"  # the vowels in context
# The vocabulary's reader (reader.ui.base.vocabulary_hub.VocabularyHub.reader): runs a
# read on the calling thread, with a default when the vocabulary cannot be read.
StoreReader = Callable[[Callable[[Any], Any], Any], Any]


class Preparation(QObject):
    """The preparation of the document shown; at most one at a time."""

    # A stage's Prepared, and whether its saved entries are current.
    prepared = Signal(object, bool)
    # A stage's progress: done, total, the Stage.
    progress = Signal(int, int, object)
    failed = Signal(str)  # a sentence for the status bar

    def __init__(
        self,
        tasks: TaskManager,
        store_reader: Callable[[], StoreReader],
        generation: Callable[[], int],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self._store_reader, self._generation = store_reader, generation
        self.vowels = PENDING
        self.task: Task[None] | None = None
        self._run: object | None = None  # the run whose stages are wanted
        self.last: Prepared | None = None  # the latest stage delivered

    @property
    def running(self) -> bool:
        return self.task is not None and not self.task.done

    def start(self, document: Document, morphology: Morphology, *, resume: bool = False) -> None:
        """Prepare ``document`` (``resume``: go on from the stage already delivered)."""
        self.cancel()
        after = self.last if resume and self.last is not None else None
        if after is not None and after.document is not document:
            after = None
        if after is None:
            self.last = None
        if self.vowels == READY and after is None:
            self.vowels = PENDING  # this document's vowels are still to come
        read, generation = self._store_reader(), self._generation()
        # This run's mark: with synchronous tasks its stages arrive before run() returns.
        run = self._run = object()

        def entries(keys: tuple[LemmaKey, ...]) -> Mapping[LemmaKey, EntryRecord] | None:
            from reader.store import entries_for_lemmas

            return read(lambda store: entries_for_lemmas(store, keys), None)

        def work(task: Task[None]) -> None:
            with collector_paused():
                for prepared in stages(
                    document,
                    morphology,
                    vowels=self.vowels != UNAVAILABLE,
                    after=after,
                    progress=task.report,
                    cancelled=task.is_cancelled,
                    entries=entries,
                ):
                    self.tasks.deliver(lambda p=prepared: self._arrived(run, task, p, generation))

        task = self.tasks.run(
            work,
            on_success=lambda _: self._finished(run),
            on_failure=lambda error: self._failed(run, error),
            on_progress=lambda done, total, stage: self.progress.emit(done, total, stage),
        )
        if run is self._run and not task.done:  # (synchronous tasks are done already)
            self.task = task

    def cancel(self) -> None:
        """Another document is shown (or the window closes): this one's stages are not wanted."""
        task, self.task, self._run = self.task, None, None
        if task is not None and not task.done:
            task.cancel()

    def _arrived(self, run: object, task: Task[None], prepared: Prepared, generation: int) -> None:
        if run is not self._run or task.is_cancelled():
            return
        if prepared.notice:
            self.vowels = UNAVAILABLE  # not tried again for every document
            self.failed.emit(prepared.notice)
            return  # the same analysis again: nothing new to show
        if prepared.stage is Stage.VOCALISED:
            self.vowels = READY
        self.last = prepared
        self.prepared.emit(prepared, generation == self._generation())

    def _finished(self, run: object) -> None:
        if run is self._run:
            self.task = None

    def _failed(self, run: object, error: BaseException) -> None:
        if run is not self._run:
            return
        self.task = None
        if self.last is None:
            self.failed.emit(f"The article could not be analysed: {error}")
        else:
            self.failed.emit(
                "The article could not be vocalised in context; the dictionary's vowels "
                f"are shown ({error})."
            )
