"""Learner-friendly analysis records built from camel-tools' feature dicts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

POS_LABELS: dict[str, str] = {
    "noun": "noun",
    "noun_prop": "proper noun",
    "noun_num": "number",
    "noun_quant": "quantifier",
    "adj": "adjective",
    "adj_comp": "comparative adjective",
    "adj_num": "ordinal number",
    "verb": "verb",
    "verb_pseudo": "pseudo-verb (inna and her sisters)",
    "adv": "adverb",
    "adv_interrog": "interrogative adverb",
    "adv_rel": "relative adverb",
    "pron": "pronoun",
    "pron_dem": "demonstrative pronoun",
    "pron_exclam": "exclamative pronoun",
    "pron_interrog": "interrogative pronoun",
    "pron_rel": "relative pronoun",
    "prep": "preposition",
    "conj": "conjunction",
    "conj_sub": "subordinating conjunction",
    "part": "particle",
    "part_det": "determiner",
    "part_focus": "focus particle",
    "part_fut": "future particle",
    "part_interrog": "interrogative particle",
    "part_neg": "negative particle",
    "part_restrict": "restrictive particle",
    "part_verb": "verbal particle",
    "part_voc": "vocative particle",
    "abbrev": "abbreviation",
    "interj": "interjection",
    "digit": "number",
    "punc": "punctuation",
    "latin": "foreign word",
    "foreign": "foreign word",
}

# (feature, value) -> plain English; values 'na' (not applicable) and 'u'
# (unmarked) are left out, as a learner gains nothing from them.
FEATURE_NAMES: dict[str, str] = {
    "per": "person",
    "asp": "aspect",
    "vox": "voice",
    "mod": "mood",
    "gen": "gender",
    "num": "number",
    "stt": "state",
    "cas": "case",
    "rat": "rationality",
}
FEATURE_VALUES: dict[str, dict[str, str]] = {
    "per": {"1": "first person", "2": "second person", "3": "third person"},
    "asp": {"p": "perfective (past)", "i": "imperfective (present)", "c": "imperative"},
    "vox": {"a": "active", "p": "passive"},
    "mod": {"i": "indicative", "s": "subjunctive", "j": "jussive"},
    "gen": {"m": "masculine", "f": "feminine"},
    "num": {"s": "singular", "d": "dual", "p": "plural"},
    "stt": {"d": "definite", "i": "indefinite", "c": "construct"},
    "cas": {"n": "nominative", "a": "accusative", "g": "genitive"},
}
FEATURE_ORDER = ("per", "asp", "vox", "mod", "gen", "num", "stt", "cas")

SOURCE_LABELS = {
    "lex": "lexicon",
    "spvar": "spelling variant",
    "backoff": "guess",
    "guess": "guess",
}

_SENSE_SUFFIX = re.compile(r"(_\d+|-[a-zA-Z]+)+$")
_GLOSS_ANNOTATION = re.compile(r"_<[a-z]+>")


def clean_lemma(lex: str) -> str:
    """The lemma as a learner reads it: no ``_1`` / ``-u`` sense marks."""
    return _SENSE_SUFFIX.sub("", lex)


def readable_gloss(gloss: str) -> str:
    """``foreign_ministry;foreign_office`` -> ``foreign ministry; foreign office``."""
    gloss = _GLOSS_ANNOTATION.sub("", gloss or "")
    parts = [part.replace("_", " ").strip() for part in gloss.split(";")]
    return "; ".join(part for part in parts if part)


def short_gloss(gloss: str) -> str:
    """The first sense only, for word-by-word lines."""
    return readable_gloss(gloss).split("; ", 1)[0]


def plain_features(features: dict[str, Any], *, perfective: bool = False) -> dict[str, str]:
    result: dict[str, str] = {}
    for name in FEATURE_ORDER:
        if perfective and name == "mod":
            continue  # the past tense has no mood, whatever the database says
        value = FEATURE_VALUES[name].get(str(features.get(name, "")))
        if value:
            result[FEATURE_NAMES[name]] = value
    return result


@dataclass(frozen=True, slots=True)
class Segment:
    form: str
    gloss: str
    role: str  # "proclitic", "stem" or "enclitic"

    def to_json(self) -> dict[str, str]:
        return {"form": self.form, "gloss": self.gloss, "role": self.role}


@dataclass(frozen=True, slots=True)
class Analysis:
    """One reading of a word, as a learner wants to see it."""

    diac: str
    lex: str
    lemma: str
    lemma_gloss: str
    gloss: str
    pos: str
    pos_label: str
    root: str
    pattern: str
    verb_form: str | None
    features: dict[str, str]
    segments: tuple[Segment, ...]
    translit: dict[str, str]
    source: str
    score: float = 0.0
    case_variants: tuple[str, ...] = field(default=())
    # This word in this form, in English word order: "their meeting", "she visited".
    english: str = ""
    # An imperfect verb the database leaves out of the jussive (يَكُن, mod u) as it
    # reads after لم, a past: "he was" (so the sentence says "not · he was").
    # Empty where the word is no such verb. Not in the JSON: ``english`` is the
    # reading's own rendering; the context is the session's.
    english_after_lam: str = ""
    # The stem's pattern on the فعل scale, without clitics or case ending (فِعالَة
    # for زِيارَتِهِ); ``pattern`` is the database's, of the whole word, in digits.
    wazn: str = ""
    # The database's rationality of a noun: "r" a person (الوزيرة), "i" not (الوزارة),
    # "" unknown. Says whether "she" is "it" (reader/reading/agreement.py). Not in the JSON.
    rationality: str = ""
    # Why this reading is where it is: each feature of the one scorer with its
    # value (reader/morphology/evidence.py); ``score`` is their weighted sum.
    evidence: tuple[tuple[str, float], ...] = field(default=())

    @property
    def is_guess(self) -> bool:
        return self.source == "guess"

    @property
    def key(self) -> tuple[str, str]:
        """The vocabulary key: camel-tools' lemma and POS."""
        return (self.lex, self.pos)

    @property
    def segmentation(self) -> str:
        """``وَ + ال + خارِجِيَّة``: the pieces of the word, in reading order."""
        return " + ".join(segment.form for segment in self.segments)

    @property
    def segment_glosses(self) -> str:
        return " + ".join(segment.gloss or "…" for segment in self.segments)

    def to_json(self) -> dict[str, Any]:
        return {
            "diac": self.diac,
            "lex": self.lex,
            "lemma": self.lemma,
            "lemma_gloss": self.lemma_gloss,
            "gloss": self.gloss,
            "pos": self.pos,
            "pos_label": self.pos_label,
            "root": self.root,
            "pattern": self.pattern,
            "wazn": self.wazn,
            "verb_form": self.verb_form,
            "features": dict(self.features),
            "segments": [segment.to_json() for segment in self.segments],
            "translit": dict(self.translit),
            "source": self.source,
            "case_variants": list(self.case_variants),
            "english": self.english,
            "score": self.score,
            "evidence": dict(self.evidence),
        }
