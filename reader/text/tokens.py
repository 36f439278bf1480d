"""Word tokenisation with offsets, mirroring camel-tools' ``simple_word_tokenize``.

camel-tools splits on whitespace and cuts every Unicode punctuation or symbol
character (categories P* and S*) into a token of its own; what remains are runs
of word characters. We do the same with one compiled regex so every token keeps
its offsets, and we add two refinements a reader needs:

* a run mixing scripts is split by script, so ``بـ2015`` is ARABIC + NUMBER and
  the Arabic part can be looked up on its own;
* a number keeps internal separators (``3.5``, ``١٬٠٠٠``) so it stays one token
  and a sentence is never split inside it;
* an ARABIC token holds at least one Arabic letter: tatweel and diacritics
  belong to the word they touch, and a run of nothing but them (``ـــ``, ``ًٌٍ``)
  is one PUNCT token, since there is no word to look up;
* a run of letters longer than any word (more than :data:`MAX_WORD_LETTERS`
  letters, marks and tatweel not counted) is one OVERLONG token: it is shown,
  never looked up. The longest real Arabic words, clitics and all, have some
  15 to 20 letters; a longer run is text that lost its spaces, or an attack, and
  camel-tools' guesses for unknown words take time quadratic in their length.
"""

from __future__ import annotations

import re
import unicodedata

from reader.text.arabic import TATWEEL, strip_tatweel
from reader.text.model import TokenKind

__all__ = [
    "ARABIC_LETTER_CLASS",
    "COMBINING_CLASS",
    "MAX_WORD_LETTERS",
    "OVERLONG_NOTE",
    "overlong_note",
    "strip_tatweel",
    "tokenize",
]

MAX_WORD_LETTERS = 40
OVERLONG_NOTE = "{letters:,} letters without a space: longer than any word, so it is not looked up."

# Blocks whose letters and marks make an ARABIC token.
_ARABIC_BLOCKS = (
    (0x0600, 0x06FF),  # Arabic
    (0x0750, 0x077F),  # Arabic Supplement
    (0x0870, 0x089F),  # Arabic Extended-B
    (0x08A0, 0x08FF),  # Arabic Extended-A
    (0xFB50, 0xFDFF),  # Presentation Forms-A
    (0xFE70, 0xFEFF),  # Presentation Forms-B
)


def _ranges_to_class(codepoints: list[int]) -> str:
    """Compress sorted code points into the body of a regex character class."""
    parts: list[str] = []
    i = 0
    while i < len(codepoints):
        j = i
        while j + 1 < len(codepoints) and codepoints[j + 1] == codepoints[j] + 1:
            j += 1
        lo, hi = codepoints[i], codepoints[j]
        parts.append(
            re.escape(chr(lo)) if lo == hi else f"{re.escape(chr(lo))}-{re.escape(chr(hi))}"
        )
        i = j + 1
    return "".join(parts)


def _arabic_word_codepoints() -> list[int]:
    # Letters (L*) and marks (M*) only: Arabic punctuation (، ؛ ؟ ٪ ٫ ٬ ٭ ۔) is P*,
    # the digits are Nd and the Quranic/number signs are So/Cf, so they fall out.
    return [
        cp
        for lo, hi in _ARABIC_BLOCKS
        for cp in range(lo, hi + 1)
        if unicodedata.category(chr(cp))[0] in "LM"
    ]


_ARABIC_WORD_CODEPOINTS = _arabic_word_codepoints()
ARABIC_LETTER_CLASS = _ranges_to_class(_ARABIC_WORD_CODEPOINTS)
# A word needs a letter proper (Lo). Tatweel, the other modifier letters (small
# waw, small yeh) and the marks only ever belong to one.
_ARABIC_REAL_LETTER_CLASS = _ranges_to_class(
    [cp for cp in _ARABIC_WORD_CODEPOINTS if unicodedata.category(chr(cp)) == "Lo"]
)
_ARABIC_NON_LETTER_CLASS = _ranges_to_class(
    [cp for cp in _ARABIC_WORD_CODEPOINTS if unicodedata.category(chr(cp)) != "Lo"]
)
_ARABIC_BLOCK_CLASS = "".join(
    f"{re.escape(chr(lo))}-{re.escape(chr(hi))}" for lo, hi in _ARABIC_BLOCKS
)

# Combining marks (M*) are not \w in Python, yet inside a word they belong to it
# (a Latin word typed with combining accents, a stray Arabic diacritic).
# Scanning only the planes that hold marks keeps import fast (all of Unicode
# would cost a quarter of a second at start-up).
COMBINING_CLASS = _ranges_to_class(
    [
        cp
        for cp in (*range(0x20000), *range(0xE0100, 0xE01F0))
        if unicodedata.category(chr(cp))[0] == "M"
    ]
)

_TOKEN_RE = re.compile(
    rf"""
    (?P<arabic>[{_ARABIC_NON_LETTER_CLASS}]*[{_ARABIC_REAL_LETTER_CLASS}][{ARABIC_LETTER_CLASS}]*
               (?:\u200c[{ARABIC_LETTER_CLASS}]+)*)
                                          # ZWNJ stays inside a word (Persian, Urdu)
  | (?P<marks>[{_ARABIC_NON_LETTER_CLASS}]+)  # only tatweel/diacritics: no word in it
  | (?P<number>\d+(?:[.,\u066b\u066c]\d+)*)  # 3.5  1,000  ١٬٠٠٠ (\d covers all Nd digits)
  | (?P<latin>[^\W\d_{_ARABIC_BLOCK_CLASS}](?:[^\W_{_ARABIC_BLOCK_CLASS}]|[{COMBINING_CLASS}])*)
                                          # any other script's word, digits may follow
  | (?P<punct>\S[\ufe0e\ufe0f\U0001f3fb-\U0001f3ff\u20e3]*)
                                          # one symbol each, like camel-tools; an emoji
                                          # keeps its variation selector / skin tone
    """,
    re.VERBOSE,
)

_KINDS = {
    "arabic": TokenKind.ARABIC,
    "number": TokenKind.NUMBER,
    "latin": TokenKind.LATIN,
    "punct": TokenKind.PUNCT,
    "marks": TokenKind.PUNCT,
}


_WORD_KINDS = frozenset({TokenKind.ARABIC, TokenKind.LATIN})


def letter_count(word: str) -> int:
    """Letters in ``word``: combining marks and tatweel do not count."""
    return sum(1 for char in word if char != TATWEEL and not unicodedata.combining(char))


def overlong_note(word: str) -> str:
    """What the learner is told about an OVERLONG token."""
    return OVERLONG_NOTE.format(letters=letter_count(word))


def _kind(text: str, start: int, end: int, kind: TokenKind) -> TokenKind:
    # Only a run longer than the bound can hold more letters than it.
    if end - start > MAX_WORD_LETTERS and kind in _WORD_KINDS:
        if letter_count(text[start:end]) > MAX_WORD_LETTERS:
            return TokenKind.OVERLONG
    return kind


def tokenize(text: str) -> list[tuple[int, int, TokenKind]]:
    """Split ``text`` into ``(start, end, kind)`` triples; whitespace is never a token."""
    kinds = _KINDS
    bound = MAX_WORD_LETTERS
    triples = []
    for match in _TOKEN_RE.finditer(text):
        start, end = match.span()
        kind = kinds[match.lastgroup]  # type: ignore[index]
        if end - start > bound:
            kind = _kind(text, start, end, kind)
        triples.append((start, end, kind))
    return triples
