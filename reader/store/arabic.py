"""The little Arabic text handling the store needs for searching.

Deliberately independent of camel-tools: the store must open (and the CLI must
export) even when the morphology database is not installed.
"""

from __future__ import annotations

import hashlib
import re

# Tanwin, short vowels, shadda and sukun (U+064B-U+0652), the dagger alif (U+0670)
# and tatweel (U+0640): a learner types "وزير" for "وَزِير", and news text may be
# partly vocalised, so search compares text with all of these removed.
_DIACRITICS = re.compile("[\u064b-\u0652\u0670\u0640]")
_ARABIC_LETTER = re.compile("[\u0600-\u06ff]")


def strip_diacritics(text: str) -> str:
    """The text without vowel marks or tatweel: the form search compares."""
    return _DIACRITICS.sub("", text)


def has_arabic(text: str) -> bool:
    return bool(_ARABIC_LETTER.search(text))


def fingerprint_text(text: str) -> str:
    """The identity of a document: sha256 of the text as shown.

    The same article opened from another path, or pasted again, is the same
    document, so its vocabulary, notes and reading position come back.
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
