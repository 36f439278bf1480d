"""English that agrees with what a "she" stands for in its sentence.

Arabic says a ministry, reports and negotiations with the same third person
feminine singular as a woman: أفادت تقارير is "reports reported", not "she
reported"; أعلنت الوزارة خطتها is "the ministry announced its plan". A
word's own English (:mod:`reader.morphology.english`) says "she" and "her";
here its sentence says what they stand for:

* a 3fs verb's subject is the noun right after it in its clause (أفادت
  تقارير), or the noun that opens the clause before it (الوزارة أعلنت, إن
  الحكومة أعلنت); a person (the database's rationality, a person's name) is
  "she", a thing "it", a plural "they"; where the sentence does not tell,
  "she/it";
* a ها on a noun, preposition or conjunction stands for the nearest feminine
  singular noun before it in its sentence, or a non-human plural: a person
  keeps "her", a thing reads "its"/"it", things "their"/"them"; with no such
  noun before it, the word keeps its English.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.morphology.english import (
    EITHER,
    PERSON,
    THING,
    THINGS,
    with_pronoun,
    with_subject,
)
from reader.morphology.records import Analysis
from reader.text.arabic import strip_marks

_NOUNS = frozenset(("noun", "noun_prop"))
# Written on a noun, these make it no subject: بالوزارة, للحكومة, كالشركة.
_PREPOSITIONS = frozenset(("ب", "ل", "ك"))
# Before a clause's topic: إن الحكومة أعلنت, أن الوزارة قالت.
_TOPIC_HOSTS = frozenset(("verb_pseudo", "conj_sub"))


def _has_she(reading: Analysis) -> bool:
    """A 3fs verb, other than an imperative: its subject is "she" in English."""
    features = reading.features
    return (
        reading.pos == "verb"
        and features.get("person") == "third person"
        and features.get("gender") == "feminine"
        and features.get("number") == "singular"
        and not features.get("aspect", "").startswith("imperative")
    )


def _enclitic(reading: Analysis) -> str:
    return next((strip_marks(s.form) for s in reading.segments if s.role == "enclitic"), "")


def needs_agreement(reading: Analysis) -> bool:
    """Whether the sentence may change this reading's English."""
    return _has_she(reading) or (reading.pos != "verb" and _enclitic(reading) == "ها")


def _referent(noun: Analysis) -> str:
    if noun.features.get("number") in ("plural", "dual"):
        return THINGS
    if noun.pos == "noun_prop":
        return THING if noun.rationality == "i" else PERSON
    return PERSON if noun.rationality == "r" else THING


def _may_be_subject(reading: Analysis | None) -> bool:
    if reading is None or reading.pos not in _NOUNS or _enclitic(reading):
        return False
    if reading.features.get("case") in ("genitive", "accusative"):
        return False
    if any(
        part.role == "proclitic" and strip_marks(part.form) in _PREPOSITIONS
        for part in reading.segments
    ):
        return False
    # A 3fs verb agrees with a feminine singular or any plural, never a masculine singular.
    return reading.features.get("gender") == "feminine" or reading.features.get("number") in (
        "plural",
        "dual",
    )


def _subject(readings: Sequence[Analysis | None], at: int) -> str:
    after = readings[at + 1] if at + 1 < len(readings) else None
    if _may_be_subject(after):
        assert after is not None
        return _referent(after)
    before = readings[at - 1] if at > 0 else None
    opening = at == 1 or (at > 1 and (readings[at - 2] is None or _opens(readings[at - 2])))
    if opening and _may_be_subject(before):
        assert before is not None
        return _referent(before)
    return EITHER


def _opens(reading: Analysis | None) -> bool:
    return reading is not None and reading.pos in _TOPIC_HOSTS


def _antecedent(readings: Sequence[Analysis | None], at: int) -> str:
    for reading in reversed(readings[:at]):
        if reading is None or reading.pos not in _NOUNS or _enclitic(reading):
            continue
        number = reading.features.get("number")
        if number == "plural" and reading.rationality != "r":
            return THINGS
        if number == "singular" and reading.features.get("gender") == "feminine":
            return _referent(reading)
    return EITHER


def agreeing(text: str, readings: Sequence[Analysis | None], at: int) -> str:
    """``text``, the English of ``readings[at]``, said of what its "she" or "her"
    stands for in the sentence; ``readings`` are the best readings of the
    sentence's tokens in order, None for a token that is no Arabic word
    (punctuation ends a clause)."""
    reading = readings[at]
    if reading is None:
        return text
    if _has_she(reading):
        return with_subject(text, _subject(readings, at))
    if needs_agreement(reading):
        return with_pronoun(text, _antecedent(readings, at))
    return text
