"""A document's analysis: every token's ranked readings, its names, and the words
vocalised in their sentences (:func:`vocalize_document`, the second stage).

Its own module so that the analyzer (which makes the first stage) and the
reading core (which runs the stages) share one record of a document's analysis.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.morphology.evidence import weighed
from reader.morphology.names.sources import place_name
from reader.morphology.names.spans import NameSpan
from reader.morphology.records import Analysis
from reader.morphology.vowels.reconcile import (
    Vocalization,
    join_words,
    long_vowel_clash,
    rerank,
    vocalize,
)
from reader.text.arabic import strip_marks

if TYPE_CHECKING:
    from reader.morphology.vowels.diacritizer import Diacritizer
    from reader.text import Document

__all__ = ["AnalysisCancelled", "DocumentAnalysis", "ProgressCallback", "vocalize_document"]

ProgressCallback = Callable[[int, int], None]


class AnalysisCancelled(Exception):
    pass


def vocalize_document(
    analysis: DocumentAnalysis,
    diacritizer: Diacritizer,
    *,
    progress: ProgressCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> DocumentAnalysis:
    """The analysis with every word vocalised in its sentence, and re-ranked by it.

    Sentence by sentence: the diacritizer's vowels are added to each word's
    evidence, the readings are ordered by all of it (:func:`rerank`), and the
    vowels, reconciled with the best reading, give the form shown.
    """
    document = analysis.document
    readings = list(analysis.readings)
    vocalizations: list[Vocalization | None] = [None] * len(document.tokens)
    total = len(document.sentences)
    for sentence in document.sentences:
        if cancelled is not None and cancelled():
            raise AnalysisCancelled()
        if progress is not None and sentence.index % 16 == 0:
            progress(sentence.index, total)
        tokens = document.tokens[sentence.first_token : sentence.end_token]
        words = [token for token in tokens if token.kind == "arabic"]
        if not words:
            continue
        # The model reads the sentence as the document writes it (its spaces,
        # its punctuation), and gives each word its vowels by offset.
        start = tokens[0].start
        text = document.text[start : tokens[-1].end]
        spans = [(token.start - start, token.end - start) for token in words]
        forms = diacritizer.vocalize_text(text, spans)
        for token, form in zip(words, forms, strict=True):
            found = _name_evidence(analysis, token.index, readings[token.index])
            ranked = rerank(found, form, token.lookup)
            best = ranked[0] if ranked else None
            if (
                best is not None
                and _held_name(best)
                and not best.is_guess
                and long_vowel_clash(best, form)
            ):
                form = ""  # the model's vowels are another word's: the name's own
            readings[token.index] = ranked
            vocalizations[token.index] = vocalize(token.lookup, best, form)
        join_words(tokens, vocalizations)
    if progress is not None:
        progress(total, total)
    return DocumentAnalysis(document, tuple(readings), tuple(vocalizations), analysis.names)


_NAME_FEATURES = ("document_name", "named_elsewhere", "gazetteer_place")


def _held_name(reading: Analysis) -> bool:
    return reading.pos == "noun_prop" and any(
        name in _NAME_FEATURES for name, _value in reading.evidence
    )


def _name_evidence(
    analysis: DocumentAnalysis, index: int, readings: Sequence[Analysis]
) -> Sequence[Analysis]:
    """The readings with the evidence for a name that the vowels are weighed against.

    The vowel model knows few foreign names (بكين, Beijing, is not "they wept"):
    where the best reading is a name the document found (جون كيري) or a proper
    noun CLDR or GeoNames knows as a place (بكين, ``gazetteer_place``), that
    evidence also speaks for the name's other entries (أُوكرانِيا beside
    أُوكرانِيّاً), so that the vowels choose among them.
    """
    if not readings or readings[0].pos != "noun_prop":
        return readings
    best = readings[0]
    held = [(name, value) for name, value in best.evidence if name in _NAME_FEATURES]
    if not held and analysis.name_at(index) is None:
        stem = next((s.form for s in best.segments if s.role == "stem"), "")
        if stem and place_name(strip_marks(stem)) is not None:
            held = [("gazetteer_place", 1.0)]
    if not held:
        return readings
    return [
        weighed(reading, **dict(held))
        if reading.pos == "noun_prop" and reading.lemma_gloss == best.lemma_gloss
        else reading
        for reading in readings
    ]


@dataclass(frozen=True)
class DocumentAnalysis:
    document: Document
    readings: tuple[tuple[Analysis, ...], ...]
    # Per token: how the word is said in its sentence (None for non-Arabic
    # tokens, and for every token until the document has been vocalised).
    vocalizations: tuple[Vocalization | None, ...] = ()
    # The names of the document (several words read as one, one reading per
    # name through the document): :func:`reader.morphology.names.moves.document_names`.
    names: tuple[NameSpan, ...] = ()

    @property
    def vocalized(self) -> tuple[str, ...]:
        """Per token, the form shown in context ("" for non-Arabic tokens).

        Before the diacritizer has run, the best reading's vowels.
        """
        if self.vocalizations:
            return tuple(v.form if v is not None else "" for v in self.vocalizations)
        return tuple(
            vocalize(token.lookup, found[0], "").form if token.kind == "arabic" and found else ""
            for token, found in zip(self.document.tokens, self.readings, strict=True)
        )

    def name_at(self, token_index: int) -> NameSpan | None:
        """The name this token is part of, if any."""
        return self._name_of_token.get(token_index)

    @functools.cached_property
    def _name_of_token(self) -> dict[int, NameSpan]:
        return {i: span for span in self.names for i in range(span.start, span.end)}

    def vocalization(self, token_index: int) -> Vocalization | None:
        if self.vocalizations:
            return self.vocalizations[token_index]
        return None

    def best(self, token_index: int) -> Analysis | None:
        found = self.readings[token_index]
        return found[0] if found else None

    def arabic_words(self) -> Sequence[int]:
        return [t.index for t in self.document.tokens if t.kind == "arabic"]

    def coverage(self) -> tuple[int, int]:
        """(words with a lexicon reading among their readings, Arabic words)."""
        words = self.arabic_words()
        known = sum(1 for i in words if any(not r.is_guess for r in self.readings[i]))
        return known, len(words)
