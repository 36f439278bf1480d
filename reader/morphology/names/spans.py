"""Names of several words in a sentence: a place's (الولايات المتحدة), an
acronym's spelt in letter names (بي بي سي), a person's (a first name and a
surname, a name after a title).

:func:`find_names` finds them among a run of Arabic words, given the words'
readings; :func:`document_runs` cuts a document into those runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reader.morphology.names.clitics import proclitic_letters, proclitic_splits, without_proclitic
from reader.morphology.names.guess import guess_name_spelling
from reader.morphology.names.sources import (
    PHRASE_WORDS,
    Name,
    attested,
    cldr_index,
    known_name,
    known_person_name,
    normalize,
    place_phrases,
)
from reader.text.arabic import TATWEEL, VOWEL_MARKS, strip_marks

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
        drop, restore = proclitic_letters(self.prefix)
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
        for prefix, first in proclitic_splits(words[0]):
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
        splits = proclitic_splits(word) if position == 0 else (("", word),)
        found = next(((p, LETTER_NAMES[f]) for p, f in splits if f in LETTER_NAMES), None)
        if found is None:
            return None
        if position == 0:
            prefix = found[0]
        letters.append(found[1])
    # إن and في are words too: as letters they come doubled (سي إن إن: CNN),
    # never alone together (في في is "in" written twice), and no letter comes
    # three times.
    if all(word in _COMMON_LETTERS for word in words):
        return None
    for position, word in enumerate(words):
        beside = words[max(0, position - 1) : position] + words[position + 1 : position + 2]
        if word in _COMMON_LETTERS and word not in beside:
            return None
        if words[position : position + 3] == [word] * 3:
            return None
    return "".join(letters), prefix


def has_article(reading: Any) -> bool:
    return any(s.role == "proclitic" and normalize(s.form) == "ال" for s in reading.segments)


def stem_of(reading: Any) -> str:
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
        found = known_name(stem_of(reading))
        if found is not None and found.source == "geonames":
            stem = strip_marks(next((s.form for s in reading.segments if s.role == "stem"), ""))
            found = known_name(stem, places=False)
            if found is None:
                return guess_name_spelling(stem), "letters"
            return found.english, found.source
        return gloss, found.source if found else "letters"
    found = cldr_index().get(stem_of(reading))
    if found:
        return found, "cldr"
    if prefer_attested:
        spelled = attested(strip_marks(reading.lemma), min_count=FIRST_NAME_COUNT)
        if spelled:
            return spelled, "attested"
    return gloss, "lexicon"


# Parts of speech a name never takes the place of (a preposition, a conjunction,
# a particle, a pronoun, a quantifier): على after حافظ is "on", not the name Ali;
# لكل after بوذا is "for every", not Lakel.
_FUNCTION_POS = frozenset(("prep", "conj", "conj_sub", "verb_pseudo", "noun_quant"))


def is_function_word(reading: Any) -> bool:
    """A preposition, conjunction, particle, pronoun or quantifier reading."""
    return reading.pos in _FUNCTION_POS or reading.pos.startswith(("part", "pron"))


def spelt_as_written(reading: Any, surface: str) -> bool:
    """The reading's stem ends as the word is written: ى and ي are two letters
    here (على is "on"; the name علي is written with ي), though ``normalize``
    folds them for the dictionaries' lookups."""
    written = strip_marks(surface).rstrip()
    stem = strip_marks(next((s.form for s in reading.segments if s.role == "stem"), ""))
    return not (written.endswith("ى") and stem.endswith("ي"))


def name_reading(readings: Sequence[Any], loose: bool) -> Any | None:
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


def _overturns(reading: Any, readings: Sequence[Any], surface: str, titled: bool) -> bool:
    """A name reading taken with the word's ى read as ي, or, with no title
    before the name, in place of a function word, or a guessed name in place
    of a word behind a preposition: حافظ على is "kept to", not the name Hafez
    Ali; بوذا لكل is "Buddha for every", not Lakel; الرئيس علي حسن is still
    President Ali Hassan."""
    if not spelt_as_written(reading, surface):
        return True
    if titled:
        return False
    if reading.is_guess and any(not r.is_guess and _has_proclitic(r) for r in readings):
        return True
    return reading is not readings[0] and is_function_word(readings[0])


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
        here = readings[tokens[end].index]
        reading = name_reading(here, loose=loose)
        surname = None
        if reading is not None and found and stem_of(reading) in cldr_index():
            surname = _place_surname(reading, readings[tokens[end - 1].index])
        if (
            reading is None
            or _overturns(reading, here, tokens[end].lookup, titled)
            # No preposition comes between a title or a first name and a name.
            or ((found or titled) and _has_proclitic(reading))
            # A place or a language is never part of a person's name, unless it
            # is a person's name too, right after one (ديفيد كاميرون).
            or (stem_of(reading) in cldr_index() and surname is None)
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
    return attested(strip_marks(stem_of(reading)), min_count=FIRST_NAME_COUNT) is not None


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
    if known_person_name(strip_marks(stem_of(before[0]))) is None:
        return None
    return known_person_name(strip_marks(stem_of(reading)))


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
    phrase = any(form in starts for form in without_proclitic(words[i]))
    raw = plain[i : i + _ACRONYM_LETTERS]
    acronym = any(form in LETTER_NAMES for form in without_proclitic(raw[0]))
    if not (phrase or acronym):
        return None
    for size in range(min(PHRASE_WORDS, len(words) - i), 1, -1):
        place = _phrase(words[i : i + size]) if phrase else None
        if place:
            english, prefix, source = place
            return _make_span(tokens, i, i + size, english, source, prefix=prefix)
        found = _acronym(raw[:size]) if acronym and size <= len(raw) else None
        if found:
            return _make_span(tokens, i, i + size, found[0], "acronym", prefix=found[1])
    return None


def _is_title(word: str) -> bool:
    return any(form in TITLES for form in without_proclitic(word))


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
