"""A proper-noun reading given another English name: one name (renamed), or its
several names in another order (reordered); the word in English says it too."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any


def renamed(record: Any, english: str) -> Any:
    """A proper-noun reading glossed with this English name."""
    old = record.lemma_gloss
    if old == english:
        return record
    # The word in English ("and Chieri") says the same name; it holds the
    # first of several glosses only ("Cameroon" of "Cameroon; Cameroun").
    first = old.split(";")[0].strip()
    shown = old if old and old in record.english else first
    return dataclasses.replace(
        record,
        lemma_gloss=english,
        gloss=record.gloss.replace(old, english) if old else english,
        english=record.english.replace(shown, english) if shown else record.english,
        segments=tuple(
            dataclasses.replace(seg, gloss=english) if seg.role == "stem" else seg
            for seg in record.segments
        ),
    )


def reordered(record: Any, names: Sequence[str]) -> Any:
    """A proper-noun reading whose several English names are put in this order
    (the word in English says the first)."""
    old, gloss = record.lemma_gloss, "; ".join(names)
    first = old.split(";")[0].strip()
    return dataclasses.replace(
        record,
        lemma_gloss=gloss,
        gloss=record.gloss.replace(old, gloss),
        english=record.english.replace(first, names[0]) if first else record.english,
        segments=tuple(
            dataclasses.replace(seg, gloss=seg.gloss.replace(old, gloss))
            if seg.role == "stem"
            else seg
            for seg in record.segments
        ),
    )
