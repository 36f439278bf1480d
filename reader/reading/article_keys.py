"""Which saved entry each word belongs to: the rule, and every word's key as one array.

A word belongs to the entry of its lemma (camel-tools' ``(lex, pos)`` of the
reading shown), except a word of a name of several words (الولايات المتحدة),
which belongs to the name's own entry (:func:`reader.store.name_key`): saving,
the status keys, the Word pane's entry and the article's marks all follow
:func:`entry_key`. Qt-free: the reading session holds the array with the
analysis; the window's marks (:mod:`reader.ui.article.word_marks`) are computed
from it with array operations.

A person's surname alone (كيري after جون كيري) is the person's saved name:
the name is saved with its :func:`name_words`, and the store answers the
surname's own key (a proper noun's) with the name's entry, in this text and in
any other (:func:`reader.store.entries_for_lemmas`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.store import LemmaKey, name_key
from reader.store.search import search_form

if TYPE_CHECKING:  # numpy is imported on the worker first (ArticleKeys.of), never at start-up
    from collections.abc import Iterator

    import numpy as np

    from reader.morphology.analyzer import DocumentAnalysis
    from reader.morphology.names.spans import NameSpan
    from reader.morphology.records import Analysis


def name_of_several_words(analysis: DocumentAnalysis, token_index: int) -> NameSpan | None:
    """The name of several words the token is part of (a one-word name is a word)."""
    span = analysis.name_at(token_index)
    return span if span is not None and span.end - span.start > 1 else None


def names_of_several_words(analysis: DocumentAnalysis) -> Iterator[NameSpan]:
    return (span for span in analysis.names if span.end - span.start > 1)


# Folded words after which a name's next word is another person's, or part of a
# compound given name: محمد بن سلمان (سلمان is his father), أبو مازن, عبد الله, آل ثاني.
_JOINERS = frozenset(("بن", "ابن", "بنت", "ابو", "ابي", "ام", "عبد", "ال"))


def name_words(analysis: DocumentAnalysis, span: NameSpan) -> tuple[str, ...]:
    """The words of a name of several words that stand for it alone, search-folded
    (:func:`reader.store.search.search_form` of the word's lex): a person's
    surname, the name's last word (كيري of جون كيري, بوتين of فلاديمير بوتين).

    Nothing for a place's or an organisation's name (السودان alone is not جنوب
    السودان), nor for a given name (جون alone is any John), nor where the last
    word is a father's name or part of a compound (محمد بن سلمان, عبد الله), nor
    where it is itself a common given name (محمد علي): alone, each is anyone's.
    A word claims a token only where that token is read as a proper noun.
    """
    from reader.morphology.names.sources import attested
    from reader.morphology.names.spans import FIRST_NAME_COUNT, name_reading, stem_of

    if not span.parts or span.end - span.start < 2:
        return ()
    tokens = analysis.document.tokens
    last = span.end - 1
    if search_form(tokens[last - 1].text) in _JOINERS:
        return ()
    reading = name_reading(analysis.readings[last], loose=True)
    if reading is None or attested(stem_of(reading), min_count=FIRST_NAME_COUNT):
        return ()
    word = search_form(reading.lex)
    return (word,) if word and word not in _JOINERS else ()


def entry_key(
    analysis: DocumentAnalysis | None, token_index: int, reading: Analysis | None
) -> LemmaKey | None:
    """The key of the entry a token belongs to, shown in ``reading``: its name's, if it
    is a word of a name of several words, else its lemma's (None: no reading).

    A surname alone keeps its lemma's key: the store answers that key with the
    saved name the word stands for (:func:`reader.store.entries_for_lemmas`), and
    the session then gives the word the name's key
    (:meth:`reader.reading.session.ReadingSession.entry_key`).
    """
    span = name_of_several_words(analysis, token_index) if analysis is not None else None
    if span is not None:
        return name_key(span.bare)
    return reading.key if reading is not None else None


class ArticleKeys:
    """The :func:`entry_key` of every Arabic token in its best reading, as one array
    of key numbers.

    Made on the worker (:meth:`of`: a pass over every word, about a microsecond
    each); on the GUI thread a refresh then costs one look-up per distinct
    lemma and a few array operations, never a Python step per token.
    """

    def __init__(self, keys: tuple[LemmaKey, ...], key_of_token: np.ndarray, arabic: int) -> None:
        import numpy as np

        self.keys = keys  # key number -> key
        self.key_of_token = key_of_token  # token index -> key number; len(keys): no key
        self.arabic = arabic  # Arabic tokens, with or without a reading
        self.tokens_per_key = np.bincount(key_of_token, minlength=len(keys) + 1)

    @classmethod
    def of(cls, analysis: DocumentAnalysis) -> ArticleKeys:
        import numpy as np

        readings = analysis.readings
        number: dict[LemmaKey, int] = {}
        # Readings are shared by every token of the same word in the same context:
        # the key of the best one is worked out once per such tuple.
        by_tuple: dict[int, int] = {}
        no_key = -1  # replaced by len(keys) once every key is known
        numbers = [no_key] * len(readings)
        arabic = 0
        for token in analysis.document.tokens:
            if token.kind != "arabic":
                continue
            arabic += 1
            found = readings[token.index]
            marker = id(found)
            key_number = by_tuple.get(marker)
            if key_number is None:
                key_number = no_key
                if found:
                    key_number = number.setdefault(found[0].key, len(number))
                by_tuple[marker] = key_number
            numbers[token.index] = key_number
        for span in names_of_several_words(analysis):  # entry_key's rule, a name at a time
            key_number = number.setdefault(name_key(span.bare), len(number))
            numbers[span.start : span.end] = [key_number] * (span.end - span.start)
        key_of_token = np.array(numbers, dtype=np.int32)
        key_of_token[key_of_token == no_key] = len(number)
        return cls(tuple(number), key_of_token, arabic)

    def __len__(self) -> int:
        return len(self.key_of_token)
