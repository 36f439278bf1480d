"""The form each word is shown in: per token, the vowels of its reading in context.

Qt-free: the reading session holds these with the analysis; the window's
article view writes them (Show Vowels), the popup and the pane show them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from reader.morphology.analyzer import DocumentAnalysis
from reader.morphology.records import Analysis
from reader.morphology.vowels.marks import pausal
from reader.morphology.vowels.reconcile import Vocalization, vocalize
from reader.text import Document, TokenKind


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
