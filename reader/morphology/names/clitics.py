"""The conjunctions, prepositions and article written on a name (و ف ب ل ك ال).

A name is looked up with them and without them: :func:`split_name` finds a
known name behind them (لأوباما), and a name of several words keeps those of
its first word apart (وبالأمم المتحدة).
"""

from __future__ import annotations

from functools import lru_cache

from reader.morphology.names.sources import Name, known_name
from reader.text.arabic import strip_marks

# Proclitics tried before a name, longest first, with their glosses.
PROCLITICS: tuple[tuple[str, str], ...] = (
    ("وبال", "and + by/with + the"),
    ("ولل", "and + for/to + the"),
    ("فال", "so + the"),
    ("وال", "and + the"),
    ("بال", "by/with + the"),
    ("كال", "like/as + the"),
    ("لل", "for/to + the"),
    ("ال", "the"),
    ("وب", "and + by/with"),
    ("ول", "and + for/to"),
    ("فب", "so + by/with"),
    ("فل", "so + for/to"),
    ("وك", "and + like/as"),
    ("و", "and"),
    ("ف", "so"),
    ("ب", "by/with"),
    ("ل", "for/to"),
    ("ك", "like/as"),
)


def split_name(word: str) -> tuple[str, str, str, Name] | None:
    """(proclitics, their gloss, stem, name) for a word that is a known name,
    possibly behind و ف ب ل ك and the article; the whole word is tried first."""
    plain = strip_marks(word)
    whole = known_name(plain)
    if whole is not None:
        return "", "", plain, whole
    for prefix, gloss in PROCLITICS:
        stem = plain[len(prefix) :]
        if plain.startswith(prefix) and len(stem) >= 3:
            found = known_name(stem)
            if found is not None:
                return prefix, gloss, stem, found
    return None


def written_with_article(word: str) -> bool:
    """The word starts with the article, behind و ف ب ك ل or not (والأمم, للأمم)."""
    plain = strip_marks(word)
    return any(
        plain.startswith(prefix) and len(plain) > len(prefix) + 1
        for prefix, gloss in PROCLITICS
        if gloss.endswith("the")
    )


def proclitic_letters(prefix: str) -> tuple[int, str]:
    """(letters of ``prefix`` that are not the article, what stands for them gone):
    وبال drops و ب and keeps ال; لل drops ل and its article is written ال again."""
    if not dict(PROCLITICS)[prefix].endswith("the"):
        return len(prefix), ""
    if prefix.endswith("ال"):
        return len(prefix) - 2, ""
    return len(prefix) - 1, "ا"


@lru_cache(maxsize=65536)
def proclitic_splits(word: str) -> tuple[tuple[str, str], ...]:
    """(proclitics, rest): the whole word first, then without each proclitic it
    may start with."""
    rest = (
        (p, word[len(p) :]) for p, _ in PROCLITICS if word.startswith(p) and len(word) > len(p) + 1
    )
    return (("", word), *rest)


def without_proclitic(word: str) -> tuple[str, ...]:
    """The word, then the word without each proclitic it may start with."""
    return tuple(rest for _prefix, rest in proclitic_splits(word))
