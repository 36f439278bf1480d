"""English names for Arabic names: CLDR (Babel), attested spellings, then letters.

Sources, in order: CLDR territory and language names through Babel ("cldr"),
arabic-name-romanizer's offline index of attested Latin spellings ("attested"),
its ONNX model ("model", only when asked), and the letter-by-letter guess
("letters"). Everything loads lazily, once, under a lock; nothing reaches the
network.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reader.text.arabic import fold_letters, strip_marks

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
_lock = threading.Lock()


@dataclass(frozen=True)
class Name:
    english: str
    source: str  # "cldr", "attested", "model" or "letters"


def normalize(text: str) -> str:
    """Diacritics off, alef forms, ta marbuta and alef maqsura folded."""
    return fold_letters(strip_marks(text)).strip()


@lru_cache(maxsize=1)
def cldr_index() -> dict[str, str]:
    """Normalised Arabic CLDR territory/language name -> English (also without ال)."""
    from babel import Locale

    arabic, english = Locale("ar"), Locale("en")
    index: dict[str, str] = {}
    for ar_names, en_names in (
        (arabic.territories, english.territories),
        (arabic.languages, english.languages),
    ):
        for code, ar_name in ar_names.items():
            en_name = en_names.get(code)
            if not en_name or not ar_name or "_" in code:
                continue
            key = normalize(ar_name)
            index.setdefault(key, en_name)
            if key.startswith("ال") and len(key) > 4:
                index.setdefault(key[2:], en_name)
    return index


_translit: Any = None


def _transliterator() -> Any:
    global _translit
    with _lock:
        if _translit is None:
            from arabic_name_romanizer import Transliterator

            _translit = Transliterator(auto_load_model=False)
        return _translit


@lru_cache(maxsize=65536)
def attested(word: str, min_count: int = 1) -> str | None:
    """The most attested Latin spelling of a name, from the offline index
    (its name units first, then its full names)."""
    from arabic_name_romanizer.normalize import full_key, lookup_key, normalize_arabic

    index = _transliterator().index
    if index is None:
        return None
    norm = normalize_arabic(word)
    with _lock:
        hits = index.lookup_unit(lookup_key(norm)) or index.lookup_full(full_key(norm))
    if not hits:
        return None
    best = max(hits, key=lambda v: v.count)
    return best.latin if best.count >= min_count else None


def known_name(word: str) -> Name | None:
    """The English of a name a source knows (CLDR, then attested), else None."""
    key = normalize(word)
    if len(key) < 2:
        return None
    found = cldr_index().get(key)
    if found:
        return Name(found, "cldr")
    spelled = attested(strip_marks(word).strip())
    if spelled:
        return Name(spelled, "attested")
    return None


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
