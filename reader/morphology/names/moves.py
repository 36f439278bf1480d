"""Evidence for a name among a word's readings: a place written bare, against
its adjective (:func:`place_evidence`), a name spelt as written, against a word
missing its hamza (:func:`spelt_name_evidence`), and through a document, a name's
reading wherever a name of several words or its words occur (:func:`document_names`).

None of these moves a reading: each adds a feature that the one scorer
(:mod:`reader.morphology.evidence`) weighs with the rest.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reader.morphology.evidence import order, weighed
from reader.morphology.names.renaming import renamed
from reader.morphology.names.sources import cldr_index, normalize
from reader.morphology.names.spans import (
    NameSpan,
    document_runs,
    find_names,
    has_article,
    is_function_word,
    name_reading,
    spelt_as_written,
    stem_of,
)

# A name read elsewhere in the document is evidence for a name here, but never
# against a reading this common (log10 of its frequency in the corpus): واحد "one",
# اليوم "today", تنظيم "organisation" stay themselves beside a name spelt alike.
# Set beforehand, not fitted: on PUD (bench_quality --section docnames, fitted on
# one half of the sentences, reported on the other) every ceiling from -inf to
# inf scores the same, each document being one sentence.
NAME_EVIDENCE_CEILING = -4.0


def place_evidence(readings: Sequence[Any], surface: str) -> Sequence[Any]:
    """A place written bare (روسيا, بريطانيا) is read as the place, not as an
    adjective or noun made from it (روسيًّا "Russian"): where the best reading
    is such a word, the place CLDR names, or the dictionary's proper noun whose
    adjective (نسبة) it is, gets ``place_written_bare``."""
    if not readings or readings[0].pos not in ("adj", "noun"):
        return readings
    key = normalize(surface)
    lemma = normalize(readings[0].lemma)
    # The place CLDR names, or the adjective's own place: بريطانيا bare is
    # Britain, not بريطانيًّا ("British", accusative) or the dual in construct.
    if lemma == key or (key not in cldr_index() and lemma + "ا" != key):
        return readings
    place = next(
        (
            r
            for r in readings
            if r.pos == "noun_prop" and normalize(r.lemma) == key and len(r.segments) == 1
        ),
        None,
    )
    if place is None:
        return readings
    return [weighed(r, place_written_bare=1.0) if r is place else r for r in readings]


def spelt_name_evidence(readings: Sequence[Any], after_name: bool = False) -> Sequence[Any]:
    """A proper noun the dictionary has spelt exactly as written, where the best
    reading needs a hamza or an alef the author did not write, gets
    ``name_spelt_as_written``: رايت is Wright, not رأيت ("I saw") without its hamza.
    ``after_name``: the word follows a given name."""
    if not readings or readings[0].source != "spelling variant":
        return readings
    if is_function_word(readings[0]) and not after_name:
        # على written علي, as much news writes it, is still "on": a name's
        # evidence never overturns a preposition, conjunction or particle,
        # except right after a given name (محمد علي, Mohamed Ali).
        return readings
    exact = next(
        (
            r
            for r in readings
            if r.pos == "noun_prop" and r.source == "lexicon" and len(r.segments) == 1
        ),
        None,
    )
    if exact is None:
        return readings
    return [weighed(r, name_spelt_as_written=1.0) if r is exact else r for r in readings]


def _named(found: Sequence[Any], reading: Any, english: str, feature: str) -> tuple[Any, ...]:
    """The word's readings with ``reading`` glossed as the name and weighed with
    ``feature`` (``document_name`` or ``named_elsewhere``)."""
    named = weighed(renamed(reading, english), **{feature: 1.0})
    return order([named if r is reading else r for r in found])


def _frequency(reading: Any) -> float:
    """The reading's log10 frequency in the database's corpus (its evidence), or -inf."""
    return dict(reading.evidence).get("frequency", float("-inf"))


def _named_elsewhere(found: Sequence[Any], surface: str, seen: dict[str, Any]) -> Any | None:
    """The word's proper-noun reading named elsewhere in the document, if that
    evidence outweighs the readings ranked above it, else None."""
    for reading in found:
        if reading.pos == "noun_prop" and stem_of(reading) in seen:
            return reading if spelt_as_written(reading, surface) else None
        if is_function_word(reading) or _frequency(reading) >= NAME_EVIDENCE_CEILING:
            return None
    return None


def document_names(
    document: Any, readings: Sequence[Sequence[Any]], prefer_attested: bool = True
) -> tuple[list[tuple[Any, ...]], tuple[NameSpan, ...]]:
    """The document's names, and its readings with each name read as one.

    A word of a person's name gets its name reading first, glossed with the
    span's English for it; then, one reading per name through the document,
    every other occurrence of that word with a proper-noun reading spelt as
    written is read and glossed the same way (a span of one word), unless a
    reading it would overturn is a function word or a common word
    (:data:`NAME_EVIDENCE_CEILING`). A learner's own gloss is not here: the
    window shows it over any of these.
    """
    out = [tuple(found) for found in readings]
    spans: list[NameSpan] = []
    seen: dict[str, tuple[str, str]] = {}
    # Places' names read as a surname (كاميرون): with the article, still the place.
    surnames_of_places: set[str] = set()
    for run in document_runs(document):
        for span in find_names(run, out, prefer_attested):
            spans.append(span)
            for index, english in zip(range(span.start, span.end), span.parts, strict=False):
                reading = name_reading(out[index], loose=True)
                if reading is not None:
                    out[index] = _named(out[index], reading, english, "document_name")
                    seen.setdefault(stem_of(reading), (english, span.source))
                    if stem_of(reading) in cldr_index():
                        surnames_of_places.add(stem_of(reading))
    if seen:
        covered = {i for span in spans for i in range(span.start, span.end)}
        for index in document.arabic_indices():
            if index in covered:
                continue
            token = document.tokens[index]
            reading = _named_elsewhere(out[index], token.lookup, seen)
            if reading is None or (
                surnames_of_places & {stem_of(reading)} and has_article(reading)
            ):
                continue
            english, source = seen[stem_of(reading)]
            out[index] = _named(out[index], reading, english, "named_elsewhere")
            spans.append(NameSpan(index, index + 1, token.text, english, source, (english,)))
        spans.sort(key=lambda span: span.start)
    return out, tuple(spans)
