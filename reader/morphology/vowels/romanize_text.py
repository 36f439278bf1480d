"""Romanization of words as they are said together: a phrase or a sentence
(the wasl elided after a vowel, a construct read on), a document sentence by
sentence, and a reading as a dictionary cites it. Each word is romanized by
:func:`reader.morphology.vowels.romanize.romanize`.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from reader.morphology.vowels.reconcile import reading_form
from reader.morphology.vowels.romanize import romanize

_VOWEL_LETTERS = frozenset("aiuāīūáAIUĀĪŪÁ")


def _ends_in_vowel(text: str) -> bool:
    return bool(text) and text[-1] in _VOWEL_LETTERS


def romanize_phrase(
    vocalized_words: Sequence[str],
    *,
    scheme: str = "din",
    ending: bool = True,
    segments: Sequence[Sequence[str] | None] | None = None,
    proper: Sequence[bool] | None = None,
) -> list[str]:
    """The words of a phrase or sentence, romanized as they are said together.

    A word after one ending in a vowel loses its hamzat al-wasl (fī l-bayt,
    madrasatu l-banāt); a word ending in tāʾ marbūṭa with a short vowel and
    no article, followed by a word, is read as the first term of a construct.
    An empty string (a token that is not an Arabic word: punctuation, a
    number) gives "" and counts as a pause. ``segments`` and ``proper``, when
    given, run parallel to the words (see :func:`romanize`).
    """
    result: list[str] = []
    previous = ""  # the last word as said before this one: its vowel elides the wasl
    for index, word in enumerate(vocalized_words):
        if not word:
            result.append("")
            previous = ""
            continue
        following = index + 1 < len(vocalized_words) and bool(vocalized_words[index + 1])
        text = romanize(
            word,
            scheme=scheme,
            ending=ending,
            after_vowel=_ends_in_vowel(previous),
            segments=segments[index] if segments is not None else None,
            proper=bool(proper[index]) if proper is not None else False,
            construct=None if following else False,
        )
        result.append(text)
        previous = text
        if not ending and _ends_in_vowel(text):
            # A vowel the pause brings (madrasa, kitābā) is not said before
            # the next word: only a vowel the word keeps (fī, ʿalā) elides.
            said = romanize(
                word,
                scheme=scheme,
                ending=True,
                segments=segments[index] if segments is not None else None,
                construct=None if following else False,
            )
            if said != text:
                previous = ""
    return result


def proclitic_forms(reading) -> list[str] | None:
    """The proclitic pieces of an analysis, as :func:`romanize` takes them (None: no reading)."""
    if reading is None:
        return None
    return [segment.form for segment in reading.segments if segment.role == "proclitic"]


def romanize_reading(reading, *, form: str = "", scheme: str = "din", ending: bool = True) -> str:
    """One reading, as a dictionary cites it (no word before it).

    ``form``: the word as said in its sentence, when this is the reading shown
    there; else the reading's own vowels, written as textbooks write them (the
    database leaves out the fatha before a long alif: زِيارَة is ziyāra).
    """
    segments = tuple(proclitic_forms(reading) or ())
    return _cited(form or reading_form(reading), scheme, ending, segments, reading.pos)


@lru_cache(maxsize=8192)
def _cited(vocalized: str, scheme: str, ending: bool, segments: tuple[str, ...], pos: str) -> str:
    """romanize_reading's work, kept per word: hovering asks for the same words again."""
    return romanize(
        vocalized,
        scheme=scheme,
        ending=ending,
        segments=segments,
        proper=pos == "noun_prop",
        construct=False,
    )


def romanize_document(analysis, *, scheme: str = "din", ending: bool = True) -> tuple[str, ...]:
    """Per token of a :class:`~reader.morphology.analyzer.DocumentAnalysis`, the word
    romanized as it is said in its sentence ("" for tokens that are not Arabic words).

    Built sentence by sentence from the vocalised forms in context, so the
    article after a vowel-final word is elided (fī l-bayt).
    """
    document = analysis.document
    forms = analysis.vocalized
    result = [""] * len(document.tokens)
    for sentence in document.sentences:
        indexes = range(sentence.first_token, sentence.end_token)
        words = [forms[i] for i in indexes]
        if not any(words):
            continue
        best = [analysis.best(i) for i in indexes]
        said = romanize_phrase(
            words,
            scheme=scheme,
            ending=ending,
            segments=[proclitic_forms(reading) for reading in best],
            proper=[reading is not None and reading.pos == "noun_prop" for reading in best],
        )
        for i, text in zip(indexes, said, strict=True):
            result[i] = text
    return tuple(result)
