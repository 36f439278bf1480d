"""Turn one camel-tools analysis (a feature dict) into a learner's :class:`Analysis`."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from reader.morphology.english import english, english_after_lam
from reader.morphology.names.guess import guess_name_spelling
from reader.morphology.records import (
    POS_LABELS,
    SOURCE_LABELS,
    Analysis,
    Segment,
    clean_lemma,
    plain_features,
    readable_gloss,
)
from reader.text.arabic import SHADDA as _SHADDA
from reader.text.arabic import plain_alef, strip_marks, strip_marks_but_shadda

_EMPTY = {"0", "na", "", None}
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


@lru_cache(maxsize=1)
def _mappers() -> tuple[Any, Any]:
    from camel_tools.utils.charmap import CharMapper

    return CharMapper.builtin_mapper("ar2bw"), CharMapper.builtin_mapper("ar2hsb")


def transliterate(arabic: str) -> dict[str, str]:
    to_buckwalter, to_hsb = _mappers()
    return {"buckwalter": to_buckwalter(arabic), "hsb": to_hsb(arabic)}


def display_lemma(lex: str) -> str:
    """The lemma to show: no sense marks, and a plain alef for the wasla form."""
    return clean_lemma(lex).replace("\u0671", "\u0627")


def verb_form(lex: str, root: str) -> str | None:
    """The verb form (I-X) of a triliteral verb, read off its lemma (perfect 3ms)."""
    radicals = root.split(".")
    if len(radicals) != 3:
        return None
    lemma = plain_alef(strip_marks_but_shadda(lex))
    letters = lemma.replace(_SHADDA, "")
    first = radicals[0]
    if lemma.startswith("است") and first != "س" and len(letters) >= 5:
        return "X"
    if lemma.startswith("ان") and first != "ن" and len(letters) >= 5:
        return "VII"
    if (
        lemma.startswith("ا")
        and len(lemma) >= 4
        and (lemma[2] in "تطد" and len(letters) >= 5 or lemma[1] == "ت" and lemma[2] == _SHADDA)
    ):
        return "VIII"
    if lemma.startswith("ا") and lemma.endswith(_SHADDA) and len(letters) == 4:
        return "IX"
    if lemma.startswith("ت") and first != "ت":
        if len(lemma) >= 4 and lemma[2] == "ا" and len(letters) == 5:
            return "VI"
        if len(lemma) >= 4 and lemma[3] == _SHADDA and len(letters) == 4:
            return "V"
    if len(letters) == 3 and len(lemma) >= 3 and lemma[2] == _SHADDA:
        return "II"
    if len(letters) == 4 and letters[1] == "ا" and not letters.startswith("ا"):
        return "III"
    if len(letters) == 4 and letters.startswith("ا") and first not in ("#", "ا", "ء"):
        return "IV"
    if len(letters) == 3 or (len(letters) == 2 and lemma.endswith(_SHADDA)):
        return "I"
    return None


def _gloss_parts(gloss: str) -> list[str]:
    return [part.strip("_") for part in gloss.split("+")]


def _inflection_gloss(part: str) -> str:
    part = re.sub(r"_<[a-z]+>", "", part)
    return part.replace(";", "/").replace("_", " ").strip()


def segments(features: dict[str, Any]) -> tuple[Segment, ...]:
    """Proclitics, stem and enclitics, each with its own gloss, from camel's d3tok."""
    pieces = [piece for piece in str(features.get("d3tok", "")).split("_") if piece]
    proclitics = [piece.rstrip("+") for piece in pieces if piece.endswith("+")]
    enclitics = [piece.lstrip("+") for piece in pieces if piece.startswith("+")]
    stems = [piece for piece in pieces if not piece.endswith("+") and not piece.startswith("+")]
    stem_gloss = str(features.get("stemgloss", ""))
    parts = _gloss_parts(str(features.get("gloss", "")))
    if len(stems) != 1 or len(parts) < len(proclitics) + len(enclitics) + 1:
        return (Segment(str(features.get("diac", "")), readable_gloss(stem_gloss), "stem"),)

    pro_glosses = parts[: len(proclitics)]
    enc_glosses = parts[len(parts) - len(enclitics) :] if enclitics else []
    middle = parts[len(proclitics) : len(parts) - len(enclitics)]
    meaningful = [part for part in middle if part and not part.startswith("[")]
    if len(meaningful) <= 1:
        stem_text = readable_gloss(meaningful[0] if meaningful else stem_gloss)
    else:
        # The verb's subject prefix reads before the meaning: "he/it strive; pursue".
        inflections = [_inflection_gloss(part) for part in meaningful if part != stem_gloss]
        stem_text = " ".join([*inflections, readable_gloss(stem_gloss)]).strip()
    result = [
        Segment(form, _inflection_gloss(gloss), "proclitic")
        for form, gloss in zip(proclitics, pro_glosses, strict=True)
    ]
    result.append(Segment(stems[0], stem_text, "stem"))
    result.extend(
        Segment(form, _inflection_gloss(gloss), "enclitic")
        for form, gloss in zip(enclitics, enc_glosses, strict=True)
    )
    return tuple(result)


def build_analysis(features: dict[str, Any], *, guess: bool = False) -> Analysis:
    pos = str(features.get("pos", ""))
    lex = str(features.get("lex", ""))
    root = str(features.get("root", ""))
    source = "guess" if guess else SOURCE_LABELS.get(str(features.get("source", "lex")), "lexicon")
    diac = str(features.get("diac", ""))
    pos_label = POS_LABELS.get(pos, pos.replace("_", " "))
    if guess:
        pos_label += " (guess: probably a name)"
    lemma_gloss = readable_gloss(str(features.get("stemgloss", "")))
    return Analysis(
        diac=diac,
        lex=lex,
        lemma=display_lemma(lex),
        lemma_gloss=lemma_gloss,
        gloss=readable_gloss(str(features.get("gloss", ""))).replace("+", " + "),
        pos=pos,
        pos_label=pos_label,
        root="" if guess or root in ("NTWS", "PUNC", "DIGIT", "FOREIGN") else root,
        pattern="" if guess or root == "NTWS" else str(features.get("pattern", "")),
        verb_form=verb_form(lex, root) if pos == "verb" else None,
        features=plain_features(features, perfective=features.get("asp") == "p"),
        segments=segments(features),
        translit=transliterate(diac),
        source=source,
        english=english(features),
        english_after_lam=english_after_lam(features),
        rationality=str(features.get("rat", "")) if features.get("rat") in ("r", "i") else "",
    )


def _clitic_count(features: dict[str, Any]) -> int:
    return sum(features.get(k) not in _EMPTY for k in ("prc3", "prc2", "prc1", "prc0", "enc0"))


_CLITIC_GLOSSES = {
    "ال": "the",
    "و": "and",
    "ف": "so",
    "ب": "by;with",
    "ل": "to;for",
    "ك": "like;as",
}


def _pieces_from_bw(bw: str, name: str) -> str:
    """d3tok-style pieces (``وَ+_name``) from a backoff reading's Buckwalter tags."""
    parts = [part.split("/", 1) for part in bw.split("+") if "/" in part]
    stem_at = next((i for i, p in enumerate(parts) if p[1].startswith("NOUN_PROP")), None)
    if stem_at is None:
        return name
    pieces = [form + "+" for form, _ in parts[:stem_at]]
    pieces.append(parts[stem_at][0])
    pieces.extend("+" + form for form, _ in parts[stem_at + 1 :] if form != "(null)")
    return "_".join(pieces)


def _english(name: str, namer: Any) -> str:
    if namer is not None:
        found = namer(strip_marks(name))
        if found is not None:
            return str(found.english)
    return guess_name_spelling(name)


def _and_before_name(word: str) -> bool:
    return len(word) >= 4 and word[0] == "و" and (word[1] not in "اوي" or word[1:3] == "ال")


def proper_name_guesses(
    word: str, backoff: list[dict[str, Any]], limit: int = 3, namer: Any = None
) -> tuple[Analysis, ...]:
    """Clearly marked proper-name readings for a word the lexicon does not know.

    camel-tools' proper-noun backoff proposes segmentations (the whole word as a
    name, و + name, ...). The whole word comes first; the others follow as
    alternatives the learner can pick.
    """

    def order(features: dict[str, Any]) -> tuple[int, int, int]:
        # A segmentation whose stem a name source knows comes first (ل + أوباما).
        known = namer is not None and namer(strip_marks(str(features.get("stem", "")))) is not None
        # A name written with the article (الكريملن, the Kremlin) is read as ال + name.
        with_article = word.startswith("ال") and features.get("prc0") == "Al_det"
        # و before a consonant is "and" (وترامب): a foreign W is written و + a
        # vowel letter (واشنطن, ويلز), and Arabic names that start so are known.
        with_and = _and_before_name(word) and str(features.get("prc2", "")).startswith("wa_")
        if word[1:3] == "ال":
            with_and = with_and and features.get("prc0") == "Al_det"
        clitics = _clitic_count(features)
        return (0 if known else 1, 0 if with_article or with_and else 1, clitics)

    candidates: dict[str, dict[str, Any]] = {}
    for raw in sorted(backoff, key=order):
        features = dict(raw)
        name = str(features.get("stem") or word)
        for key, value in features.items():
            if isinstance(value, str) and "NOAN" in value:
                features[key] = value.replace("NOAN", name)
        features["d3tok"] = _pieces_from_bw(str(features.get("bw", "")), name)
        features["stemgloss"] = _english(name, namer)
        clitic_glosses = [
            _CLITIC_GLOSSES.get(strip_marks(piece.strip("+")), "…")
            for piece in features["d3tok"].split("_")
            if piece.endswith("+") or piece.startswith("+")
        ]
        features["gloss"] = "+".join([*clitic_glosses, features["stemgloss"]])
        candidates.setdefault(str(features.get("d3tok", name)), features)
        if len(candidates) >= limit:
            break
    if not candidates:
        candidates[word] = {
            "diac": word,
            "lex": word,
            "pos": "noun_prop",
            "d3tok": word,
            "stemgloss": _english(word, namer),
            "gloss": _english(word, namer),
        }
    return tuple(build_analysis(features, guess=True) for features in candidates.values())
