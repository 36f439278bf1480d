"""A foreign name no source knows, spelt in Latin letters: the spelling model's
guess, else the name's letters one by one."""

from __future__ import annotations

from functools import lru_cache

from reader.morphology.vowels.romanize import PLAIN_LETTERS
from reader.text.arabic import strip_marks

__all__ = ["guess_name_spelling", "romanize_name"]

# The plain letters as every romanization writes them; the rest in ASCII, without
# the dots and lines of a scheme (ص s, not ṣ).
_NAME_LETTERS = PLAIN_LETTERS | {
    "ا": "a",
    "أ": "a",
    "إ": "i",
    "آ": "a",
    "ٱ": "a",
    "ث": "th",
    "ج": "j",
    "ح": "h",
    "خ": "kh",
    "ذ": "dh",
    "ش": "sh",
    "ص": "s",
    "ض": "d",
    "ط": "t",
    "ظ": "z",
    "ع": "'",
    # A foreign name's غ is a G (غوغل, سامسونغ); Arabic names are attested.
    "غ": "g",
    "ة": "a",
    "ى": "a",
    "ء": "'",
    "ؤ": "'",
    "ئ": "'",
    "چ": "ch",
}


def romanize_name(word: str) -> str:
    """A readable guess at how a foreign name sounds: لافروف -> Lafrof, غوغل -> Gogl.

    Long vowels written as و / ي between letters read as o / i, the usual
    spelling of foreign names in Arabic news.
    """
    letters = strip_marks(word)
    out: list[str] = []
    for index, letter in enumerate(letters):
        inside = 0 < index < len(letters) - 1 or (index == len(letters) - 1 and index > 0)
        if index == 1 and letter == "و" and letters[0] in "أا":
            out[0] = ""  # أو at the start is a foreign O (أوزبورن: Ozborn)
            out.append("o")
        elif letter == "و":
            out.append("o" if inside else "w")
        elif letter == "ي":
            out.append("i" if inside else "y")
        else:
            out.append(_NAME_LETTERS.get(letter, letter))
    return "".join(out).capitalize()


@lru_cache(maxsize=65536)
def guess_name_spelling(word: str) -> str:
    """The English spelling of a name no source knows: the spelling model's
    guess (كولورادو: Colorado; :mod:`reader.morphology.names.spelling`), else,
    where the model cannot spell the word, its letters (:func:`romanize_name`)."""
    from reader.morphology.names.spelling import spell

    try:
        spelt = spell(word)
    except (OSError, ValueError, KeyError):  # a damaged install: --self-test says so
        spelt = None
    return spelt or romanize_name(word)
