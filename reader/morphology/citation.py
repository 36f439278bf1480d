"""A saved word's lemma in Latin letters, as a dictionary cites it.

The vocabulary table and the exports show the lemma, not a form seen in a
sentence, so there is no context to read: a noun or adjective is cited in pause
(kitāb, madrasa, ar-raʾīs), a verb in its perfect with the final -a the
database leaves off (kataba, qāla, ramā). Built on :func:`romanize`, in the
learner's scheme.
"""

from __future__ import annotations

from reader.morphology.vowels.marks import FATHA, SHADDA, textbook
from reader.morphology.vowels.romanize import SCHEMES, romanize

_NO_FINAL_A = set("اىآ")


def known_scheme(scheme: str | None) -> str:
    """The scheme if it is one :func:`romanize` knows, else the default (DIN 31635)."""
    return scheme if scheme in SCHEMES else SCHEMES[0]


def romanize_lemma(lemma: str, pos: str = "", *, scheme: str = "din") -> str:
    """The vocalised ``lemma`` of a word with part of speech ``pos`` in Latin letters."""
    form = lemma.strip()
    if not form:
        return ""
    words = form.split()
    if len(words) > 1:  # a name of several words, saved as one: each word cited alone
        return " ".join(romanize_lemma(word, pos, scheme=scheme) for word in words)
    verb = pos == "verb"
    last = form[-1]
    if verb and last not in _NO_FINAL_A and (last == SHADDA or "\u0621" <= last <= "\u064a"):
        form += FATHA  # كَتَب -> كَتَبَ: the 3rd person singular perfect as cited
    return romanize(
        textbook(form),
        scheme=known_scheme(scheme),
        ending=verb,
        proper=pos == "noun_prop",
        construct=False,
    )
