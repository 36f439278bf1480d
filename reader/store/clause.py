"""The clause around a saved word in its sentence, for a flash card's front.

News sentences run to sixty words; a card needs the few around the word. The
clause is cut at the punctuation that ends one (، ؛ : . ! ؟ and their Latin
twins, quotes and brackets) and before a conjunction that starts the next
(ثم، لكن، بل، حيث، بينما ...), at most :data:`SIDE` words each side of the word.
Where those cuts would leave the word with fewer than :data:`FEWEST` words
(جون كيري between two commas), the commas are crossed, up to :data:`SIDE` words
each side. "…" says where the sentence goes on.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache

from reader.store.search import search_form
from reader.text.arabic import strip_diacritics

SIDE = 6  # words at most on either side of the word
FEWEST = 6  # a clause shorter than this (the word included) is widened past commas
ELLIPSIS = "…"
_WORD = re.compile(r"\S+")
# Punctuation a clause ends with (written at the end of its last word).
_CLAUSE_ENDS = tuple('،؛:.!؟?;,»)"”')
# Of those, the ones a sentence's clauses are never widened past.
_SENTENCE_ENDS = tuple(".!؟?؛;")
_CLAUSE_STARTS = tuple('«("“')
# Conjunctions written as words of their own that start a clause, search-folded.
_CONJUNCTIONS = frozenset(
    search_form(word)
    for word in ("ثم لكن لكنّ بل حيث إذ أو أم بينما عندما حين لأن كي لكي حتى فيما كما إلا").split()
)


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def surface_span(sentence: str, surface: str) -> Span | None:
    """Where ``surface`` first appears in ``sentence``, with or without vowels
    (the stored form and the stored sentence may differ in vocalisation), its
    last letter's own marks included; None: not found."""
    if not surface:
        return None
    found = sentence.find(surface)
    if found >= 0:
        start, end = found, found + len(surface)
    else:
        kept = [i for i, char in enumerate(sentence) if strip_diacritics(char)]
        plain = "".join(sentence[i] for i in kept)
        needle = strip_diacritics(surface)
        at = plain.find(needle) if needle else -1
        if at < 0:
            return None
        start, end = kept[at], kept[at + len(needle) - 1] + 1
    while end < len(sentence) and not strip_diacritics(sentence[end]):
        end += 1
    return Span(start, end)


def bold(text: str, span: Span | None) -> str:
    """``text`` as HTML with ``span`` in <b> (None: all of it plain)."""
    if span is None:
        return html.escape(text)
    return (
        html.escape(text[: span.start])
        + "<b>"
        + html.escape(text[span.start : span.end])
        + "</b>"
        + html.escape(text[span.end :])
    )


@lru_cache(maxsize=8192)  # an export asks for the same common words again and again
def _is_conjunction(word: str) -> bool:
    return search_form(word.strip("".join(_CLAUSE_STARTS))) in _CONJUNCTIONS


def _window(words: list[re.Match[str]], at: int, ends: tuple[str, ...]) -> tuple[int, int]:
    """The first and last word of the clause around word ``at``, cut after a word
    ending with ``ends`` and before a conjunction, :data:`SIDE` words each side."""
    first = at
    while first > 0 and at - first < SIDE:
        before = words[first - 1].group()
        if before.endswith(ends) or words[first].group().startswith(_CLAUSE_STARTS):
            break
        first -= 1
        if _is_conjunction(words[first].group()):
            break  # the conjunction starts this clause
    last = at
    while last + 1 < len(words) and last - at < SIDE:
        if words[last].group().endswith(ends) or _is_conjunction(words[last + 1].group()):
            break
        if words[last + 1].group().startswith(_CLAUSE_STARTS):
            break
        last += 1
    return first, last


def clause_html(sentence: str, surface: str) -> str:
    """The clause of ``sentence`` around the first ``surface`` in it, as HTML with the
    word in <b>; the whole sentence (the word in bold) where the word is not found."""
    span = surface_span(sentence, surface)
    words = list(_WORD.finditer(sentence))
    if span is None or not words:
        return bold(sentence, span)
    at = next((i for i, word in enumerate(words) if word.end() > span.start), len(words) - 1)
    first, last = _window(words, at, _CLAUSE_ENDS)
    if last - first + 1 < FEWEST:
        first, last = _window(words, at, _SENTENCE_ENDS)
    start, end = words[first].start(), words[last].end()
    text = sentence[start:end]
    shown = bold(text, Span(span.start - start, min(span.end, end) - start))
    before = ELLIPSIS + " " if first > 0 else ""
    after = " " + ELLIPSIS if last < len(words) - 1 else ""
    return before + shown + after
