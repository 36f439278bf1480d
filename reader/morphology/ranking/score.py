"""Most likely reading first: database frequencies plus a few safe rules of grammar.

Scores are log10-probability-like numbers. The database gives each analysis
the frequency of its lemma and part of speech (``pos_lex_freq`` in release 13,
``pos_lex_logprob`` in camel-tools' own releases); -99 means "never seen", which
we raise to a floor so that a rule of grammar can still outweigh it.

Context rules, applied only where grammar is clear:

* after a preposition (في، من، إلى ...) a noun is genitive and a verb unlikely;
* after قد، لم، لن، سوف comes a verb (jussive after لم, subjunctive after لن);
* after a proper name, a word the lexicon knows only in readings never seen
  in its corpus is most likely a surname (جون كيري is John Kerry, not
  "John, my bellows"); elsewhere such a word still offers the name reading
  last, for the learner to choose;
* vowel marks the writer put on a word (غيّب) rule out readings without them;
* news is written in the third person, so "I" and "you" readings rank lower;
* after a bare noun (no ال, no suffix pronoun) a word with ال is the second
  term of a construct (إضافة): a noun in the genitive, not an adjective. This
  is what makes وزير الخارجية "minister of foreign affairs".
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Sequence
from typing import Any

from reader.morphology.evidence import Evidence, order, weighed, weights
from reader.morphology.names.moves import NAME_EVIDENCE_CEILING
from reader.text.arabic import TATWEEL, VOWEL_MARKS, fold_letters

FLOOR = -8.0
_FREQ_NAMES = (("pos_lex_logprob", "pos_lex_freq"), ("lex_logprob", "lex_freq"))
_CLITICS = ("prc3", "prc2", "prc1", "prc0", "enc0")
_EMPTY = {"0", "na", "", None}
_FINAL_MARKS = re.compile("[\u064b-\u0650\u0652]+$")
_NOUNS = frozenset({"noun", "noun_prop", "noun_num", "noun_quant"})
_NOMINALS = _NOUNS | {"adj", "adj_comp", "adj_num"}
_CLOSED_CLASS = frozenset(
    "prep conj conj_sub part part_neg part_verb part_fut part_det part_focus part_interrog "
    "part_restrict part_voc pron pron_dem pron_rel pron_interrog pron_exclam adv "
    "adv_interrog adv_rel verb_pseudo noun_quant".split()
)
CLOSED_CLASS_UNSEEN = -3.5
_FATHATAN = "\u064b"
_KEY = "__reader_variant_key"
_BASE = "__reader_base_evidence"

PREPOSITIONS = frozenset(
    "في من إلى الى على عن مع منذ حتى عبر بين حول ضد لدى نحو عند خلال بعد قبل دون تجاه".split()
)


class Context(enum.Enum):
    NONE = "none"
    AFTER_PREPOSITION = "after preposition"
    AFTER_QAD = "after qad"  # قد and سوف: a verb follows
    AFTER_LAM = "after lam"  # لم: jussive verb
    AFTER_LAN = "after lan"  # لن: subjunctive verb
    CONSTRUCT = "second term of a construct"
    AFTER_NAME = "after a proper name"  # جون كيري: a first name, then a surname


_VERBAL_PARTICLES = {
    "قد": Context.AFTER_QAD,
    "سوف": Context.AFTER_QAD,
    "لم": Context.AFTER_LAM,
    "لن": Context.AFTER_LAN,
}


def context_after(previous_plain: str | None, previous_best: Any | None) -> Context:
    """The context a word stands in, given the word before it in the sentence.

    ``previous_plain`` is that word without diacritics or tatweel;
    ``previous_best`` its best analysis out of context (an Analysis), if any.
    """
    if not previous_plain:
        return Context.NONE
    if previous_plain in PREPOSITIONS:
        return Context.AFTER_PREPOSITION
    particle = _VERBAL_PARTICLES.get(previous_plain)
    if particle is not None:
        return particle
    if previous_best is not None and previous_best.pos == "noun_prop":
        return Context.AFTER_NAME
    if (
        previous_best is not None
        and previous_best.pos == "noun"
        and len(previous_best.segments) == 1
        and not previous_best.is_guess
    ):
        return Context.CONSTRUCT
    return Context.NONE


def frequency(features: dict[str, Any]) -> float:
    for names in _FREQ_NAMES:
        for name in names:
            value = features.get(name)
            if value is None:
                continue
            score = float(value)
            if score > -90:
                return max(score, FLOOR)
    if features.get("pos") in _CLOSED_CLASS:
        # A preposition or particle is never rare; "unseen" there is a gap in
        # the frequency data (قَبْلَ "before" has none), so give it the
        # frequency of an ordinary common word.
        return CLOSED_CLASS_UNSEEN
    return FLOOR


def never_seen(analyses: Iterable[dict[str, Any]]) -> bool:
    """True when no reading is a name and none was ever seen in the corpus."""
    return all(
        frequency(features) <= FLOOR and features.get("pos") != "noun_prop" for features in analyses
    )


def may_be_name(analyses: Iterable[dict[str, Any]]) -> bool:
    """True when a word never seen (:func:`never_seen`) may be a name: no reading
    is the whole word as the dictionary writes one of its words, only a word
    with clitics or spelt otherwise. أربعة ("four") and ذا are words the
    corpus happens not to count, not names; كيري (only كِير + ي, "my bellows")
    and سيمون (only سَ + يُمَوِّن, "he will supply") may be."""
    analyses = list(analyses)
    # A word the dictionary has only as clitics on a function word (لمن: لِ + مَن)
    # is that word, whatever follows a name.
    return never_seen(analyses) and not any(
        (features.get("source") == "lex" and clitic_count(features) == 0)
        or features.get("pos") in _CLOSED_CLASS
        for features in analyses
    )


def spelt_otherwise(analyses: Iterable[dict[str, Any]]) -> bool:
    """True when the dictionary knows the word only as another spelling (its
    hamza or alef written otherwise: أنجيلا only as إنجيلا, "gospel")."""
    analyses = list(analyses)
    return bool(analyses) and all(features.get("source") == "spvar" for features in analyses)


def clitic_count(features: dict[str, Any]) -> int:
    return sum(features.get(name) not in _EMPTY for name in _CLITICS)


def base_evidence(features: dict[str, Any], surface: str = "") -> dict[str, float]:
    """What the word alone says for this reading: its frequency, its clitics,
    its spelling, its person, and the vowel marks the author wrote."""
    seen = frequency(features)
    evidence = {"frequency": seen, "clitics": float(clitic_count(features))}
    if seen <= FLOOR:
        # Never seen in the database's corpus: the floor is no frequency, and
        # the scorer prices its absence apart.
        evidence["unseen"] = 1.0
    if features.get("source") == "spvar":
        evidence["spelling_variant"] = 1.0
    # The emphatic لَ ("indeed") is rare in news beside the preposition لِ that the
    # same letter writes (لروسيا is "to Russia", not "indeed two Russians of").
    if features.get("prc1") == "la_emph":
        evidence["emphatic_lam"] = 1.0
    # News is written in the third person: "I", "you" readings are unlikely.
    persons = [str(features.get("per")), str(features.get("enc0") or "")[:1]]
    for person, name in (("1", "first_person"), ("2", "second_person")):
        count = persons.count(person)
        if count:
            evidence[name] = float(count)
    if surface and contradicts_vowels(surface, str(features.get("diac", ""))):
        evidence["contradicts_marks"] = 1.0
    return {name: value for name, value in evidence.items() if value}


def _letters_and_marks(text: str) -> list[tuple[str, frozenset[str]]]:
    units: list[tuple[str, set[str]]] = []
    for char in text:
        if char in VOWEL_MARKS:
            if units:
                units[-1][1].add(char)
        elif char != TATWEEL:
            units.append((fold_letters(char), set()))
    # Tanween fath is written on the final alef or on the letter before it.
    if len(units) >= 2 and units[-1][0] == "ا" and _FATHATAN in units[-1][1]:
        units[-1][1].discard(_FATHATAN)
        units[-2][1].add(_FATHATAN)
    return [(letter, frozenset(marks)) for letter, marks in units]


def contradicts_vowels(surface: str, diac: str) -> bool:
    """Does a reading contradict the vowel marks the writer put on the word?

    Partly vocalised news marks exactly the ambiguous words (غيّب, يجسّر);
    a reading without that shadda or vowel is not what the writer meant.
    """
    written = _letters_and_marks(surface)
    if not any(marks for _, marks in written):
        return False
    reading = _letters_and_marks(diac)
    if [letter for letter, _ in written] != [letter for letter, _ in reading]:
        return True
    return any(
        not marks <= theirs for (_, marks), (_, theirs) in zip(written, reading, strict=True)
    )


def context_evidence(features: dict[str, Any], context: Context) -> dict[str, float]:
    """What the word before says for this reading (:func:`context_after`)."""
    if context is Context.NONE:
        return {}
    pos = features.get("pos")
    case = features.get("cas")
    if context is Context.AFTER_PREPOSITION:
        if pos == "verb":
            return {"verb_after_preposition": 1.0}
        if pos in _NOMINALS:
            if case == "g":
                return {"genitive_after_preposition": 1.0}
            if case in ("u", "na"):
                return {"unmarked_after_preposition": 1.0}
            return {"other_case_after_preposition": 1.0}
        return {}
    if context is Context.AFTER_NAME:
        return {"proper_after_name": 1.0} if pos == "noun_prop" else {}
    if context is Context.CONSTRUCT:
        if features.get("prc0") != "Al_det" or clitic_count(features) != 1 or pos not in _NOUNS:
            return {}
        if case == "g":
            return {"construct_noun": 1.0, "construct_genitive": 1.0}
        return {"construct_noun": 1.0}
    # A verbal particle: قد / سوف / لم / لن
    if pos != "verb":
        return {"nonverb_after_particle": 1.0}
    evidence = {"verb_after_particle": 1.0}
    mood = features.get("mod")
    wanted = {Context.AFTER_LAM: "j", Context.AFTER_LAN: "s"}.get(context)
    if wanted is not None and features.get("asp") == "i":
        evidence["mood_agrees" if mood == wanted else "mood_disagrees"] = 1.0
    return evidence


def variant_key(features: dict[str, Any]) -> tuple:
    """Analyses equal in all but the final case or mood ending share this key."""
    bare = _FINAL_MARKS.sub("", str(features.get("diac", "")))
    return (
        features.get("lex"),
        features.get("pos"),
        bare,
        features.get("stemgloss"),
        features.get("source"),
        *(features.get(name) for name in (*_CLITICS, "per", "asp", "vox", "gen", "num")),
    )


def _unmarked(features: dict[str, Any]) -> bool:
    return features.get("cas") in ("u", "na") and features.get("mod") in ("u", "na", None)


def rank(
    analyses: Iterable[dict[str, Any]],
    context: Context = Context.NONE,
    *,
    ranked: bool = True,
    surface: str = "",
) -> list[tuple[dict[str, Any], float, tuple[str, ...], Evidence]]:
    """Collapse case variants and order readings best first.

    Returns ``(representative features, score, variant diacs, evidence)``; the
    score is the evidence weighed (:mod:`reader.morphology.evidence`).
    With ``ranked=False`` the database order is kept, no evidence is gathered
    and context is ignored (used to measure what ranking costs).
    """
    scale = weights()
    groups: dict[tuple, list[tuple[dict[str, Any], float, Evidence]]] = {}
    for features in analyses:
        # A word is re-ranked in each context it meets; what does not depend on
        # the context is computed once and kept in camel-tools' (fresh) dict.
        key = features.get(_KEY)
        if key is None:
            key = features[_KEY] = variant_key(features)
        score = 0.0
        evidence: Evidence = ()
        if ranked:
            base = features.get(_BASE)
            if base is None:
                base = features[_BASE] = base_evidence(features, surface)
            evidence = tuple({**base, **context_evidence(features, context)}.items())
            score = scale.score(evidence)
        groups.setdefault(key, []).append((features, score, evidence))
    result = []
    for members in groups.values():
        # Best score wins; on a tie the form without a case ending, which is how
        # the word is written in unvocalised text.
        best, score, evidence = max(members, key=lambda item: (item[1], _unmarked(item[0])))
        variants = tuple(dict.fromkeys(str(f.get("diac", "")) for f, _, _ in members))
        result.append((best, score, variants, evidence))
    if ranked and context is Context.AFTER_NAME and _common_or_function(result):
        # "After a name, a name" is a name's evidence: it never overturns a
        # function word or a reading among the commonest words (أحد "one" after
        # a name is not the name Ahad).
        result = [_without_name_context(item, scale) for item in result]
    if ranked and any(item[0].get("pos") in _CLOSED_CLASS for item in result):
        # A name spelt like a preposition, particle or pronoun (لو: Lou beside لَوْ
        # "if"; لكل beside لِ + كُلّ) is evidence against the name.
        beside = (("name_beside_function_word", 1.0),)
        result = [
            (best, scale.score(evidence + beside), variants, evidence + beside)
            if best.get("pos") == "noun_prop"
            else (best, score, variants, evidence)
            for best, score, variants, evidence in result
        ]
    if ranked:
        result.sort(key=lambda item: -item[1])
    return result


def _without_name_context(item: tuple, scale: Any) -> tuple:
    features, score, variants, evidence = item
    if features.get("pos") != "noun_prop":
        return item
    kept = tuple(pair for pair in evidence if pair[0] != "proper_after_name")
    return (features, scale.score(kept), variants, kept)


def _common_or_function(result: Sequence[tuple[dict[str, Any], Any, Any, Any]]) -> bool:
    """Whether a reading other than a name is a function word or among the commonest."""
    return any(
        features.get("pos") != "noun_prop"
        and (features.get("pos") in _CLOSED_CLASS or frequency(features) >= NAME_EVIDENCE_CEILING)
        for features, *_rest in result
    )


_QUALIFIABLE = frozenset({"noun", "noun_prop", "noun_num", "noun_quant", "adj"})


def construct_heads(
    tokens: Sequence[Any], readings: list[tuple[Any, ...]]
) -> list[tuple[Any, ...]]:
    """An adjective that heads a construct is the noun the dictionary makes of
    it: جمهورية الصين is "the republic of China", not "Chinese republican".

    A word read first as an adjective (bare: no article, no clitic), followed in
    its sentence by a word with the article and preceded by no word it could
    qualify, is read as the noun of the same lemma where the dictionary has one
    (جُمْهُورِيَّة, مُصَمِّمَة الديكورات "the designer of the decorations"): the
    noun gets the evidence ``construct_head``. ``readings`` is by token index.
    """
    out = list(readings)
    for position, token in enumerate(tokens):
        found = out[token.index]
        if not found or found[0].pos != "adj" or len(found[0].segments) > 1:
            continue
        after = tokens[position + 1] if position + 1 < len(tokens) else None
        if after is None or not _definite(out[after.index]):
            continue
        before = tokens[position - 1] if position > 0 else None
        if before is not None and out[before.index] and out[before.index][0].pos in _QUALIFIABLE:
            continue
        noun = next(
            (
                r
                for r in found
                if r.pos == "noun" and r.lex == found[0].lex and len(r.segments) == 1
            ),
            None,
        )
        if noun is None:
            continue
        head = weighed(noun, construct_head=1.0)
        out[token.index] = order([head if r is noun else r for r in found])
    return out


def _definite(found: Sequence[Any]) -> bool:
    """The word's best reading is the article and a noun or adjective, nothing else."""
    if not found:
        return False
    segments = found[0].segments
    if len(segments) != 2 or segments[0].role != "proclitic":
        return False
    return "".join(c for c in segments[0].form if c not in VOWEL_MARKS) == "ال"
