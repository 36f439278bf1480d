"""Turn one camel-tools analysis (a feature dict) into a learner's :class:`Analysis`."""

from __future__ import annotations

import re
from collections.abc import Callable
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
from reader.text.arabic import VOWEL_MARKS, plain_alef, strip_marks, strip_marks_but_shadda

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
        wazn="" if guess else stem_pattern(features),
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


def _english(name: str, namer: Any, spell: Callable[[str], str] | None = None) -> str:
    if namer is not None:
        found = namer(strip_marks(name))
        if found is not None:
            return str(found.english)
    return (spell or guess_name_spelling)(name)


def _and_before_name(word: str) -> bool:
    return len(word) >= 4 and word[0] == "و" and (word[1] not in "اوي" or word[1:3] == "ال")


def proper_name_guesses(
    word: str,
    backoff: list[dict[str, Any]],
    limit: int = 3,
    namer: Any = None,
    spell: Callable[[str], str] | None = None,
) -> tuple[Analysis, ...]:
    """Clearly marked proper-name readings for a word the lexicon does not know.

    Their English: ``namer``'s, else ``spell``'s (by default the spelling model's guess).

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
        features["stemgloss"] = _english(name, namer, spell)
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


# -- the pattern (wazn) ------------------------------------------------------------

# The traditional scale of Arabic morphology: radicals 1 2 3 4 are ف ع ل ل.
_SCALE = "فعلل"
_OPEN_CLASSES = {"noun", "adj", "adj_comp", "adj_num", "noun_num", "noun_quant", "verb", "adv"}
_WEAK_LETTERS = set("ءأإؤئآاويى")
_HAMZA_LETTERS = set("ءأإؤئآ")
_OWN_MARKS = set("\u064e\u064f\u0650\u0652\u0651\u064b\u064c\u064d")
_CASE_MARKS = "\u064e\u064f\u0650\u064b\u064c\u064d"  # a stem's last vowel is its case or mood
_LONG_VOWEL = {"ا": "\u064e", "ى": "\u064e", "و": "\u064f", "ي": "\u0650"}
_MARK_SET = set(VOWEL_MARKS)


def _pattern_units(diac: str, pattern: str) -> list[list[str]] | None:
    """[letter, marks, radical digit] per letter: the database's pattern is the
    word letter for letter, the root's known radicals written as digits."""
    if len(diac) != len(pattern):
        return None
    units: list[list[str]] = []
    for char, slot in zip(diac, pattern, strict=True):
        if char in _MARK_SET:
            if not units:
                return None
            units[-1][1] += char
        else:
            units.append([char.replace("\u0671", "ا"), "", slot if slot.isdigit() else ""])
    return units


def _stem_span(units: list[list[str]], features: dict[str, Any]) -> tuple[int, int]:
    """Where the stem lies among the word's letters: after its proclitics, before its enclitics."""
    pieces = [piece for piece in str(features.get("d3tok", "")).split("_") if piece]
    start = 0
    for piece in (p for p in pieces if p.endswith("+")):
        letters = strip_marks(piece.rstrip("+"))
        if letters == "ال" and start and units[start][0] == "ل" and units[start - 1][0] == "ل":
            letters = "ل"  # لِ + ال is written لِل
        start += len(letters)
    end = len(units) - sum(len(strip_marks(p.lstrip("+"))) for p in pieces if p.startswith("+"))
    return start, end


def _consonantal(units: list[list[str]], at: int, start: int) -> bool:
    letter, marks = units[at][0], units[at][1]
    if letter in _HAMZA_LETTERS:
        return True
    if letter in "اى":
        return False
    following = units[at + 1][0] if at + 1 < len(units) else ""
    return at == start or bool(set(marks) & _OWN_MARKS) or following == "ا"


def _place_weak(units: list[list[str]], radicals: list[str], start: int, end: int) -> None:
    """Give the root's ``#`` radicals their letters in the stem: a hamza or a
    consonantal و/ي where there is one, else the long vowel that stands for it."""
    known = {int(u[2]) - 1: at for at, u in enumerate(units) if u[2] and start <= at < end}

    def bounds(index: int) -> tuple[int, int]:
        left = max((known[j] for j in known if j < index), default=start - 1)
        return left, min((known[j] for j in known if j > index), default=end)

    open_ = [i for i, radical in enumerate(radicals) if radical == "#" and i not in known]
    for index in open_:
        left, right = bounds(index)
        # Placeholders side by side (جاء ج.#.#) share one stretch of the stem.
        sharing = [j for j in open_ if bounds(j) == (left, right)]
        candidates = [
            at
            for at in range(left + 1, right)
            if units[at][0] in _WEAK_LETTERS and not units[at][2]
        ]
        if len(candidates) < len(sharing) or not candidates:
            continue
        if len(sharing) > 1:
            chosen = candidates[sharing.index(index)]
        else:
            strong = [at for at in candidates if _consonantal(units, at, start)]
            final = index == len(radicals) - 1
            chosen = strong[0] if strong else candidates[-1 if final else 0]
        units[chosen][2] = str(index + 1)
        known[index] = chosen
        if not _consonantal(units, chosen, start):
            _long_vowel_radical(units, chosen, index, len(radicals), start)


def _long_vowel_radical(
    units: list[list[str]], at: int, index: int, count: int, start: int
) -> None:
    """A weak radical written as a long vowel takes the place of the radical it
    was, as the grammars weigh it: قال فَعَل, يَقُول يَفْعُل, مِيزان مِفْعال, دَعا فَعَل."""
    letter = units[at][0]
    if index == count - 1 or index == 0:
        units[at][1] = "" if index else "\u0652"
        return
    before = units[at - 1]
    if letter in "اى":
        if before[2] and at - 1 > start:  # مَكان مَفْعَل: the vowel moves on
            before[1] = "\u0652"
        elif not set(before[1]) & _OWN_MARKS:
            before[1] += "\u064e"  # قال فَعَل
        units[at][1] = "\u064e"
    elif before[2] and at - 1 > start:  # يَقُول يَفْعُل, مُفِيد مُفْعِل
        before[1] = "\u0652"
        units[at][1] = _LONG_VOWEL[letter]
    else:  # سُوق فُعْل, قِيمَة فِعْلَة
        units[at][1] = "\u0652"


def stem_pattern(features: dict[str, Any]) -> str:
    """The stem's pattern (wazn) on the فعل scale, without clitics or a case ending:
    زِيارَتِهِ -> فِعالَة, بِالجانِبِ -> فاعِل, لِقائِهِما -> فِعال. Empty for a word
    that has none (particles, names, a root the database does not give)."""
    if str(features.get("pos", "")) not in _OPEN_CLASSES:
        return ""
    root = str(features.get("root", ""))
    radicals = root.split(".")
    if len(radicals) not in (3, 4):
        return ""
    units = _pattern_units(str(features.get("diac", "")), str(features.get("pattern", "")))
    if units is None:
        return ""
    start, end = _stem_span(units, features)
    if not 0 <= start < end <= len(units):
        return ""
    _place_weak(units, radicals, start, end)
    stem = units[start:end]
    if len({digit for _, _, digit in stem if digit}) < len(radicals):
        # A radical the stem does not write (مَدّ's doubled د, قاضٍ's lost ي): no
        # pattern rather than a wrong one (فَعّ, فاع) for the learner to learn.
        return ""
    written = [p for p in str(features.get("d3tok", "")).split("_") if p and "+" not in p]
    if stem[-1][0] == "ت" and written and strip_marks(written[0]).endswith("ة"):
        stem[-1][0] = "ة"  # زِيارَتُهُ: the ة of زِيارَة before a pronoun
    stem[-1][1] = stem[-1][1].rstrip(_CASE_MARKS)
    return "".join(
        (_SCALE[int(digit) - 1] if digit else letter) + marks for letter, marks, digit in stem
    )
