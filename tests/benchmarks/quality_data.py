"""Reading the evaluation sets and scoring against them, for ``bench_quality.py``.

Pure functions, importable by the tests: the PUD reader (orthographic words
rebuilt from syntactic tokens), lemma comparison keys, UPOS to camel-tools
part-of-speech classes, diacritized words as (letter, marks) units, the
convention normalisation applied alike to gold and prediction, and offset
alignment between a text and the Document the reader made of it.
"""

from __future__ import annotations

import difflib
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# -- where the data is ----------------------------------------------------------

EVAL_ENV = "ARABIC_READER_EVAL"
PUD_FILE = "ud-arabic-pud.conllu"
CATT_FILE = "catt-msa-diacritized.txt"


def eval_dir() -> Path:
    """``../shared/eval`` beside the checkout, or ``$ARABIC_READER_EVAL``."""
    override = os.environ.get(EVAL_ENV)
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[3] / "shared" / "eval"


# -- characters -----------------------------------------------------------------

FATHATAN, DAMMATAN, KASRATAN = "\u064b", "\u064c", "\u064d"
FATHA, DAMMA, KASRA, SHADDA, SUKUN = "\u064e", "\u064f", "\u0650", "\u0651", "\u0652"
DAGGER_ALEF = "\u0670"
TATWEEL = "\u0640"
ALEF, ALEF_WASLA, ALEF_MAQSURA, WAW, YEH = "\u0627", "\u0671", "\u0649", "\u0648", "\u064a"
ALEF_HAMZA_BELOW = "\u0625"
SHORT_VOWELS = frozenset({FATHA, DAMMA, KASRA})
# Harakat, tanwin, shadda, sukun, the Quranic small marks up to U+065F, dagger alef.
MARKS = frozenset(chr(c) for c in range(0x064B, 0x0660)) | {DAGGER_ALEF}
SUN_LETTERS = frozenset("تثدذرزسشصضطظلن")
_MARKS_RE = re.compile("[\u064b-\u065f\u0670\u0640]")
_ARABIC_LETTER_RE = re.compile("[\u0621-\u064a\u0671-\u06d3]")


def strip_marks(text: str) -> str:
    """All vowel marks, shadda, sukun, dagger alef and tatweel removed; letters kept."""
    return _MARKS_RE.sub("", text)


def has_arabic_letter(text: str) -> bool:
    return _ARABIC_LETTER_RE.search(text) is not None


# -- lemmas ---------------------------------------------------------------------

_SENSE_NUMBER = re.compile(r"_\d+$")


def clean_lemma(lex: str) -> str:
    """A SAMA LId or camel-tools lex without sense marks: ``كَتَب-ُ_1`` -> ``كَتَب``."""
    lemma = _SENSE_NUMBER.sub("", unicodedata.normalize("NFC", lex.strip()))
    if "-" in lemma[1:]:
        lemma = lemma[: lemma.index("-", 1)]
    return unicodedata.normalize("NFC", lemma)


_FINAL_SHORT_VOWELS = re.compile("[\u064b-\u0650]+$")


def lemma_keys(lex: str) -> dict[str, str]:
    """The three comparison keys of a lemma.

    ``exact``: sense marks stripped, NFC. ``no_marks``: every diacritic removed
    (alef forms kept). ``lenient``: as exact, but sukun and the final short
    vowel ignored (SAMA writes لَمْ where r13 writes لَم).
    """
    exact = clean_lemma(lex)
    lenient = _FINAL_SHORT_VOWELS.sub("", exact.replace(SUKUN, ""))
    return {"exact": exact, "no_marks": strip_marks(exact), "lenient": lenient}


LEMMA_METRICS = ("exact", "no_marks", "lenient")


def lemma_matches(predicted: str | None, gold: str) -> dict[str, bool]:
    if predicted is None:
        return dict.fromkeys(LEMMA_METRICS, False)
    ours, theirs = lemma_keys(predicted), lemma_keys(gold)
    return {name: ours[name] == theirs[name] for name in LEMMA_METRICS}


# -- parts of speech ------------------------------------------------------------

UPOS_CLASS = {
    "NOUN": "noun",
    "PROPN": "propn",
    "ADJ": "adj",
    "VERB": "verb",
    "AUX": "verb",
    "ADV": "adv",
    "PRON": "pron",
    "DET": "det",
    # PUD tags subordinators (أن، فيما، كي، إذا) ADP, where camel-tools has
    # conj_sub or conj: prepositions and conjunctions are one class here.
    "ADP": "adp/conj",
    "CCONJ": "adp/conj",
    "SCONJ": "adp/conj",
    "PART": "part",
    "NUM": "num",
    "INTJ": "intj",
    "X": "other",
    "SYM": "other",
    "PUNCT": "punct",
}

_CAMEL_CLASS = {
    "noun": "noun",
    "noun_prop": "propn",
    "noun_num": "num",
    "digit": "num",
    "noun_quant": "det",
    "adj": "adj",
    "adj_comp": "adj",
    "adj_num": "adj",
    "verb": "verb",
    "verb_pseudo": "part",
    "prep": "adp/conj",
    "conj": "adp/conj",
    "conj_sub": "adp/conj",
    "interj": "intj",
    "punc": "punct",
    "abbrev": "other",
    "latin": "other",
    "foreign": "other",
}


def camel_pos_class(pos: str | None) -> str:
    """camel-tools' POS tag to the coarse class its UPOS counterpart maps to."""
    if not pos:
        return "none"
    if pos in _CAMEL_CLASS:
        return _CAMEL_CLASS[pos]
    for prefix, name in (("adv", "adv"), ("pron", "pron"), ("part", "part")):
        if pos.startswith(prefix):
            return name
    return "other"


def upos_class(upos: str) -> str:
    return UPOS_CLASS.get(upos, "other")


# -- UD Arabic-PUD --------------------------------------------------------------

_NON_WORD_UPOS = frozenset({"PUNCT", "SYM"})
_CLITIC_UPOS = frozenset({"ADP", "CCONJ", "SCONJ", "PART", "PRON"})


@dataclass(frozen=True, slots=True)
class GoldToken:
    form: str
    upos: str
    lid: str | None


@dataclass(frozen=True, slots=True)
class GoldWord:
    """An orthographic word: its surface, span in the sentence text, and gold."""

    form: str
    start: int
    end: int
    tokens: tuple[GoldToken, ...]
    lemma: str | None  # the stem token's LId, sense marks kept (clean_lemma strips them)
    upos: str  # the stem token's UPOS


@dataclass(frozen=True, slots=True)
class PudSentence:
    sent_id: str
    text: str  # the ``# text`` header
    rebuilt: str  # the orthographic words joined with their spaces
    words: tuple[GoldWord, ...]


def _misc(field: str) -> dict[str, str]:
    if field in ("", "_"):
        return {}
    pairs = (item.split("=", 1) for item in field.split("|") if "=" in item)
    return dict(pairs)


def stem_token(tokens: Sequence[GoldToken]) -> GoldToken:
    """The token that carries the word's lemma: a content token with an LId if any."""
    with_lid = [t for t in tokens if t.lid]
    if not with_lid:
        return tokens[0]
    content = [t for t in with_lid if t.upos not in _CLITIC_UPOS]
    return (content or with_lid)[0]


@dataclass
class _Unit:
    """A multiword token or a plain token: one stretch of surface text."""

    surface: str
    space_after: bool
    tokens: list[GoldToken]

    @property
    def is_word(self) -> bool:
        return any(t.upos not in _NON_WORD_UPOS for t in self.tokens)


def _sentence_words(units: list[_Unit]) -> tuple[str, tuple[GoldWord, ...]]:
    """Join units into orthographic words: glued by SpaceAfter=No, cut at punctuation."""
    text = ""
    words: list[GoldWord] = []
    group: list[_Unit] = []
    group_start = 0

    def close() -> None:
        if group:
            tokens = tuple(t for unit in group for t in unit.tokens)
            stem = stem_token(tokens)
            form = "".join(unit.surface for unit in group)
            words.append(
                GoldWord(form, group_start, group_start + len(form), tokens, stem.lid, stem.upos)
            )
            group.clear()

    for unit in units:
        if not unit.is_word:
            close()
        else:
            if not group:
                group_start = len(text)
            group.append(unit)
        text += unit.surface
        if unit.space_after or not unit.is_word:
            close()
        if unit.space_after:
            text += " "
    close()
    return text.rstrip(" "), tuple(words)


def parse_pud(lines: Iterable[str]) -> list[PudSentence]:
    """Sentences of a CoNLL-U file, as orthographic words with their gold lemma."""
    sentences: list[PudSentence] = []
    sent_id, header_text = "", ""
    units: list[_Unit] = []
    covered_until = 0  # last token id inside the current multiword token
    mwt: _Unit | None = None

    def finish() -> None:
        nonlocal units, sent_id, header_text
        if units:
            rebuilt, words = _sentence_words(units)
            sentences.append(PudSentence(sent_id, header_text, rebuilt, words))
        units, sent_id, header_text = [], "", ""

    for raw in lines:
        line = raw.rstrip("\n").rstrip("\r")
        if not line.strip():
            finish()
            continue
        if line.startswith("#"):
            key, _, value = line[1:].partition("=")
            if key.strip() == "sent_id":
                sent_id = value.strip()
            elif key.strip() == "text":
                header_text = value.strip()
            continue
        fields = line.split("\t")
        if len(fields) != 10:
            raise ValueError(f"not a CoNLL-U token line: {line!r}")
        token_id, form, upos, misc = fields[0], fields[1], fields[3], _misc(fields[9])
        if "." in token_id:
            continue  # empty nodes have no surface
        space_after = misc.get("SpaceAfter") != "No"
        if "-" in token_id:
            first, last = (int(part) for part in token_id.split("-"))
            covered_until = last
            mwt = _Unit(form, space_after, [])
            units.append(mwt)
            continue
        token = GoldToken(form, upos, misc.get("LId"))
        if mwt is not None and int(token_id) <= covered_until:
            mwt.tokens.append(token)
            continue
        mwt = None
        units.append(_Unit(form, space_after, [token]))
    finish()
    return sentences


def read_pud(path: Path) -> list[PudSentence]:
    with path.open(encoding="utf-8") as handle:
        return parse_pud(handle)


def frequent_forms(forms: Iterable[str], count: int = 100) -> list[str]:
    """The ``count`` most frequent forms, ties in order of first appearance."""
    return [form for form, _ in Counter(forms).most_common(count)]


# -- alignment between a text and the Document made of it -----------------------


class OffsetMap:
    """Character offsets of ``source`` mapped into ``target`` (the cleaned text)."""

    def __init__(self, source: str, target: str) -> None:
        self.identical = source == target
        self._map: dict[int, int] = {}
        if not self.identical:
            matcher = difflib.SequenceMatcher(None, source, target, autojunk=False)
            for tag, a0, a1, b0, _ in matcher.get_opcodes():
                if tag == "equal":
                    for k in range(a1 - a0):
                        self._map[a0 + k] = b0 + k

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """``[start, end)`` in the target, or None if its ends were changed."""
        if self.identical:
            return start, end
        first, last = self._map.get(start), self._map.get(end - 1)
        if first is None or last is None or last < first:
            return None
        return first, last + 1


def token_for_span(document, start: int, end: int, surface: str):
    """The Document token that is exactly the word at ``[start, end)``, or None.

    A token that differs only by tatweel glued to it (ـلا) still counts.
    """
    token = document.token_at(start)
    if token is None:
        # The span may start on a tatweel that belongs to the token before.
        token = document.token_at(max(start - 1, 0))
    if token is None or token.kind != "arabic":
        return None
    if (token.start, token.end) == (start, end):
        return token
    if token.start <= start and token.end >= end:
        if token.text.replace(TATWEEL, "") == surface.replace(TATWEEL, ""):
            return token
    return None


# -- diacritized words as units -------------------------------------------------

Unit = tuple[str, frozenset[str]]


def units(text: str) -> list[Unit]:
    """(letter, marks) pairs; a mark with no letter before it is dropped."""
    result: list[tuple[str, set[str]]] = []
    for char in unicodedata.normalize("NFC", text):
        if char in MARKS:
            if result:
                result[-1][1].add(char)
        elif char != TATWEEL:
            result.append((char, set()))
    return [(letter, frozenset(marks)) for letter, marks in result]


def render(word: Sequence[Unit]) -> str:
    order = {m: i for i, m in enumerate([SHADDA, *sorted(MARKS - {SHADDA})])}
    return "".join(letter + "".join(sorted(marks, key=order.get)) for letter, marks in word)


def letters(word: Sequence[Unit]) -> str:
    return "".join(letter for letter, _ in word)


def base_letters(text: str) -> str:
    """The letters of a word, alef wasla read as alef (it is a mark on alef)."""
    return strip_marks(unicodedata.normalize("NFC", text)).replace(ALEF_WASLA, ALEF)


_PROCLITICS = ("", "و", "ف", "ب", "ك", "ل", "وب", "فب", "وك", "فك", "ول", "فل")
_ARTICLE_PREFIXES = frozenset([p + "ال" for p in _PROCLITICS] + ["لل", "ولل", "فلل"])
# Where an alef without hamza is hamzat al-wasl: word start, after a proclitic,
# and after the article (بالاتساق).
_WASL_PREFIXES = frozenset(_PROCLITICS) | _ARTICLE_PREFIXES
_ARTICLE_PREFIXES_LONGEST_FIRST = sorted(_ARTICLE_PREFIXES, key=len, reverse=True)


def normalise(word: Sequence[Unit]) -> list[Unit]:
    """One word in one set of conventions, for gold and prediction alike.

    Drops sukun and dagger alef, and the kasra under إ (it is always there);
    reads alef wasla as alef; drops the marks on
    hamzat al-wasl (an alef without hamza at the start of the word, after a
    proclitic or after the article); drops the shadda of a sun letter after
    the article, and the helping vowel on the article's lam before hamzat
    al-wasl (الِاتِّفاق); drops a short vowel before the long letter it
    lengthens (fatha before ا / ى, damma before و, kasra before ي, when that
    letter carries no mark); puts tanwin fath on the letter before a final alef.
    """
    out: list[tuple[str, set[str]]] = [
        (ALEF if letter == ALEF_WASLA else letter, set(marks) - {SUKUN, DAGGER_ALEF})
        for letter, marks in word
    ]
    for letter, marks in out:
        if letter == ALEF_HAMZA_BELOW:
            marks.discard(KASRA)  # إ is always read with kasra
    plain = "".join(letter for letter, _ in out)
    for i, (letter, marks) in enumerate(out):
        if letter == ALEF and i < len(out) - 1 and plain[:i] in _WASL_PREFIXES:
            marks.clear()
    for prefix in _ARTICLE_PREFIXES_LONGEST_FIRST:
        if plain.startswith(prefix) and len(plain) > len(prefix) + 1:
            if plain[len(prefix)] in SUN_LETTERS:
                out[len(prefix)][1].discard(SHADDA)
            elif plain[len(prefix)] == ALEF:
                # The article's lam before hamzat al-wasl: الِاتِّفاق, the
                # helping vowel of connected speech, written by some only.
                out[len(prefix) - 1][1].clear()
            break
    # Right to left, so that a letter whose vowel was dropped before its long
    # letter counts as unmarked in turn (سِيَاحَة written سِياحَة).
    for i in range(len(out) - 2, -1, -1):
        marks = out[i][1]
        following, following_marks = out[i + 1]
        if following_marks:
            continue
        if following in (ALEF, ALEF_MAQSURA):
            marks.discard(FATHA)
        elif following == WAW:
            marks.discard(DAMMA)
        elif following == YEH:
            marks.discard(KASRA)
    if len(out) >= 2 and out[-1][0] in (ALEF, ALEF_MAQSURA) and FATHATAN in out[-1][1]:
        out[-1][1].discard(FATHATAN)
        out[-2][1].add(FATHATAN)
    return [(letter, frozenset(marks)) for letter, marks in out]


def without_ending(word: Sequence[Unit]) -> list[Unit]:
    """The word with the last letter's marks (its case or mood ending) cleared.

    Tanwin fath written before a final alef (كتابًا) is that ending too.
    """
    out = list(word)
    if not out:
        return out
    out[-1] = (out[-1][0], frozenset())
    if len(out) >= 2 and out[-1][0] in (ALEF, ALEF_MAQSURA) and FATHATAN in out[-2][1]:
        out[-2] = (out[-2][0], out[-2][1] - {FATHATAN})
    return out


VOWEL_METRICS = (
    "strict_with_ending",
    "strict_without_ending",
    "normalised_with_ending",
    "normalised_without_ending",
)


def vowel_scores(gold: str, predicted: str) -> dict[str, bool]:
    """Is the predicted vocalisation right, under each of the four metrics?

    A prediction whose letters differ from the gold's (a hamza restored, a
    letter changed) is wrong under all four.
    """
    gold_units, ours = units(gold), units(predicted)
    if base_letters(gold) != base_letters(predicted):
        return dict.fromkeys(VOWEL_METRICS, False)
    if letters(gold_units) != letters(ours):
        # Only alef wasla against alef: equal once normalised, not strictly.
        strict_with = strict_without = False
    else:
        strict_with = gold_units == ours
        strict_without = without_ending(gold_units) == without_ending(ours)
    norm_gold, norm_ours = normalise(gold_units), normalise(ours)
    return {
        "strict_with_ending": strict_with,
        "strict_without_ending": strict_without,
        "normalised_with_ending": norm_gold == norm_ours,
        "normalised_without_ending": without_ending(norm_gold) == without_ending(norm_ours),
    }


# -- CATT -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CattSentence:
    number: int  # line number, from 1
    gold: str  # the diacritized sentence (NFC)
    text: str  # the input: the gold without marks
    gold_units: tuple[Unit, ...]  # one per character of ``text``

    def gold_span(self, start: int, end: int) -> str:
        """The gold diacritized form of ``text[start:end]``."""
        return render(self.gold_units[start:end])


def catt_sentence(number: int, line: str) -> CattSentence | None:
    gold = unicodedata.normalize("NFC", line.strip())
    if not gold:
        return None
    gold_units = tuple(units(gold))
    text = "".join(letter for letter, _ in gold_units)
    return CattSentence(number, gold, text, gold_units)


def read_catt(path: Path) -> list[CattSentence]:
    with path.open(encoding="utf-8") as handle:
        found = (catt_sentence(n, line) for n, line in enumerate(handle, 1))
        return [s for s in found if s is not None]


def whitespace_words(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]


def diacritizer_forms(text: str, output: str, spans: Iterable[tuple[int, int]]) -> list[str | None]:
    """The diacritizer's form of each span of ``text``, aligned by word position.

    ``output`` is the diacritized ``text``. Words are matched by their position
    after splitting on whitespace; inside a word whose letters the diacritizer
    kept, each character's marks are known exactly. A word whose letters it
    changed (a restored hamza) is returned whole, if the span is all of its
    Arabic part; otherwise, and when the word counts differ, None.
    """
    in_words = whitespace_words(text)
    out_words = output.split()
    if len(in_words) != len(out_words):
        return [None for _ in spans]
    result: list[str | None] = []
    for start, end in spans:
        k = next((i for i, (ws, we) in enumerate(in_words) if ws <= start and end <= we), None)
        if k is None:
            result.append(None)
            continue
        ws, we = in_words[k]
        out_units = units(out_words[k])
        if letters(out_units) == text[ws:we]:
            result.append(render(out_units[start - ws : end - ws]))
        elif _arabic_part(text[ws:we]) == text[start:end]:
            result.append(render([u for u in out_units if has_arabic_letter(u[0])]))
        else:
            result.append(None)
    return result


def _arabic_part(word: str) -> str:
    return "".join(char for char in word if has_arabic_letter(char))


def aligned_pud_words(sentence: PudSentence, document) -> Iterable[tuple[GoldWord, Any]]:
    """Each gold word of a PUD sentence with an Arabic letter and a lemma, with the
    token of ``document`` (made of ``sentence.rebuilt``) it aligns to; words that
    align to no token are left out."""
    mapping = OffsetMap(sentence.rebuilt, document.text)
    for word in sentence.words:
        if not word.lemma or not has_arabic_letter(word.form):
            continue
        span = mapping.span(word.start, word.end)
        token = token_for_span(document, *span, word.form) if span else None
        if token is not None:
            yield word, token


def aligned_catt_tokens(sentence: CattSentence, document) -> Iterable[tuple[Any, tuple[int, int]]]:
    """Each Arabic token of ``document`` (made of ``sentence.text``) with its span in
    the gold sentence; tokens that align to none are left out."""
    mapping = OffsetMap(document.text, sentence.text)
    for token in document.arabic_tokens():
        span = mapping.span(token.start, token.end)
        if span is not None:
            yield token, span
