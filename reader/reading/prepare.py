"""Preparing a document for reading: the whole pipeline, in stages, one function.

file → :class:`~reader.text.Document` → readings of every word (ranked, names
found) → the words vocalised in their sentences and re-ranked by those vowels →
what every view reads from them (the forms shown, every word's entry key, the
share of words the dictionary knows). Each stage's outcome is one plain,
frozen :class:`Prepared`; :func:`stages` yields them in order, :func:`prepare`
returns the last. The window's worker, ``analyze``, ``vocab add`` and the
self-test all call these: nothing else orchestrates analysis, so the window
and the command line cannot drift apart.

The vowel model comes second so that a window can show the first stage at
once (the text, the first hover and the marks never wait for the model); a
caller that needs only the answer takes :func:`prepare`.
"""

from __future__ import annotations

import enum
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.reading.article_keys import ArticleKeys
from reader.reading.shown_forms import ShownForms

if TYPE_CHECKING:
    from reader.morphology.analyzer import DocumentAnalysis, Morphology
    from reader.store import EntryRecord, LemmaKey
    from reader.text import Document

__all__ = ["Prepared", "Stage", "prepare", "stages", "vowels_unavailable_notice"]

# done, total and the stage they are of.
Progress = Callable[[int, int, "Stage"], None]
# The saved entries of these lemmas (read on the worker, one query), or None.
EntryReader = Callable[[tuple["LemmaKey", ...]], "Mapping[LemmaKey, EntryRecord] | None"]


class Stage(enum.Enum):
    """How far a document is prepared."""

    ANALYSED = "analysed"  # every word's readings, ranked; the dictionary's own vowels
    VOCALISED = "vocalised"  # and the sentence's vowels: re-ranked, forms in context


@dataclass(frozen=True)
class Prepared:
    """One stage's outcome: the analysis and the passes over every word made with it.

    ``entries``: the saved entries of the document's lemmas, when an entry reader
    was given (None otherwise); ``notice``: a sentence for the learner where a
    stage could not be done as asked (no vowel model: the dictionary's vowels).
    """

    analysis: DocumentAnalysis
    stage: Stage
    forms: ShownForms
    keys: ArticleKeys
    coverage: tuple[int, int]
    entries: Mapping[LemmaKey, EntryRecord] | None = field(default=None, compare=False)
    notice: str = ""

    @property
    def document(self) -> Document:
        return self.analysis.document

    @property
    def vocalised(self) -> bool:
        return self.stage is Stage.VOCALISED

    @classmethod
    def of(
        cls,
        analysis: DocumentAnalysis,
        stage: Stage | None = None,
        *,
        entries: EntryReader | None = None,
        notice: str = "",
    ) -> Prepared:
        """The passes over every word for ``analysis`` (on a worker: about a microsecond
        a word each). ``stage``: by default, whether its words were vocalised in context."""
        if stage is None:
            stage = Stage.VOCALISED if analysis.vocalizations else Stage.ANALYSED
        keys = ArticleKeys.of(analysis)
        return cls(
            analysis,
            stage,
            ShownForms.of(analysis),
            keys,
            analysis.coverage(),
            entries(keys.keys) if entries is not None else None,
            notice,
        )


def vowels_unavailable_notice(error: BaseException) -> str:
    """What the learner is told when the vowel model cannot run."""
    return f"Vowels in context are unavailable; the dictionary's vowels are shown ({error})."


def stages(
    document: Document,
    morphology: Morphology,
    *,
    vowels: bool = True,
    after: Prepared | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    entries: EntryReader | None = None,
) -> Iterator[Prepared]:
    """Prepare ``document`` stage by stage, yielding each stage's outcome.

    ``vowels``: vocalise in context too (where the morphology has a vowel model);
    ``after``: a stage already done for this document, to go on from (a paused
    window resumes its vowels); ``cancelled``: checked often, raising
    :class:`reader.morphology.analyzer.AnalysisCancelled`; ``entries``: read the
    saved entries of the document's lemmas with each stage (on the same worker).

    Without a working vowel model the last stage is the analysed one again, with
    a ``notice`` saying so: the learner is told, and the dictionary's vowels shown.
    """
    from reader.morphology.document import AnalysisCancelled, vocalize_document
    from reader.morphology.vowels.diacritizer import DiacritizerUnavailable

    def report(stage: Stage) -> Callable[[int, int], None] | None:
        if progress is None:
            return None
        return lambda done, total: progress(done, total, stage)

    if after is not None and after.document is not document:
        raise ValueError("`after` is a stage of another document")
    if after is None:
        analysis = morphology.analyze_document(
            document, progress=report(Stage.ANALYSED), cancelled=cancelled, vocalize=False
        )
        after = Prepared.of(analysis, Stage.ANALYSED, entries=entries)
        yield after
    diacritizer = morphology.diacritizer
    if not vowels or diacritizer is None or after.vocalised:
        return
    if cancelled is not None and cancelled():
        raise AnalysisCancelled()  # not a second of loading the vowel model for nothing
    try:
        diacritizer.load()
        vocalised = vocalize_document(
            after.analysis, diacritizer, progress=report(Stage.VOCALISED), cancelled=cancelled
        )
    except DiacritizerUnavailable as error:
        yield Prepared.of(
            after.analysis, Stage.ANALYSED, entries=entries, notice=vowels_unavailable_notice(error)
        )
        return
    yield Prepared.of(vocalised, Stage.VOCALISED, entries=entries)


def prepare(
    document: Document,
    morphology: Morphology,
    *,
    vowels: bool = True,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    entries: EntryReader | None = None,
) -> Prepared:
    """The whole pipeline at once: the last stage :func:`stages` reaches."""
    done = deque(
        stages(
            document,
            morphology,
            vowels=vowels,
            progress=progress,
            cancelled=cancelled,
            entries=entries,
        ),
        maxlen=1,
    )
    return done[0]
