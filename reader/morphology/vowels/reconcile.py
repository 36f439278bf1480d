"""One answer per word: the dictionary's readings and the sentence's vowels agreed.

The analyzer knows every reading a word can have but not which one this
sentence wants; the diacritizer reads the sentence but knows no dictionary.
Here each speaks where it is strong:

* the diacritizer's vowels are evidence for the one scorer
  (:mod:`reader.morphology.evidence`): a reading whose stem it vocalises the
  same way (in one convention, :func:`vowels.comparable`), one whose case
  ending it writes, one of which its form is a form;
* the vowels shown are the diacritizer's where they are compatible with the
  reading shown (a letter the database leaves bare contradicts nothing), with
  an ending the reading admits;
* where the two disagree on the stem, the reading decides (it is what the
  learner saves): its vowels are shown, the model's only where the database
  leaves a letter bare, and the pane says so;
* a hamza the model restored counts for nothing where the dictionary reads the
  word as written (بدا "appeared" is not بدأ "began");
* words said together are joined: a final sukun before hamzat al-wasl takes
  its helping vowel (:func:`join_words`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from reader.morphology.evidence import order, weighed
from reader.morphology.records import Analysis
from reader.morphology.vowels.marks import (
    comparable,
    compatible,
    on_written_letters,
    split_ending,
    starts_with_wasl,
    stem_comparable,
    textbook,
    units,
    with_ending,
    with_helping_vowel,
)
from reader.text.arabic import DAMMATAN, FATHATAN, KASRATAN, SUKUN, strip_marks
from reader.text.model import Token

AGREE = "agree"  # the sentence's vowels are a reading the dictionary has
ENDING_FROM_READING = "ending from the reading"  # stem agreed, ending corrected
READING = "reading"  # the two disagree on the stem: the reading's vowels
CONTEXT_ONLY = "context only"  # no dictionary reading (a guessed name)
NO_CONTEXT = "no context"  # the diacritizer was not run


@dataclass(frozen=True, slots=True)
class Vocalization:
    """How a word is said here: the form shown and where its vowels come from."""

    form: str  # the word vocalised in context, textbook conventions, with its ending
    source: str  # one of the constants above
    context_form: str = ""  # what the diacritizer said, as it said it

    @property
    def note(self) -> str:
        """For the learner, when the shown vowels are not simply both sources agreeing."""
        if self.source == READING and self.context_form:
            return (
                f"The sentence's vowel model reads this word {textbook(self.context_form)}, "
                "a form the dictionary does not have for the reading shown; "
                "the vowels shown are the dictionary's."
            )
        if self.source == ENDING_FROM_READING and self.context_form:
            return (
                f"The vowel model gave the ending of {textbook(self.context_form)}, "
                "which this reading cannot take; the ending shown is the reading's."
            )
        if self.source == CONTEXT_ONLY:
            return "Not in the dictionary: the vowels are the vowel model's, from the sentence."
        return ""


def _variants(reading: Analysis) -> Sequence[str]:
    return reading.case_variants or (reading.diac,)


def _unit_agreement(a: str, b: str) -> float:
    """Share of letters marked alike in two comparable forms with the same letters."""
    ours, theirs = units(a), units(b)
    if not ours or [u.letter for u in ours] != [u.letter for u in theirs]:
        return 0.0
    same = sum(1 for x, y in zip(ours, theirs, strict=True) if x.marks == y.marks)
    return same / len(ours)


def agreement(reading: Analysis, context_form: str) -> tuple[bool, float, bool]:
    """(stem agrees, share of stem letters agreeing, some ending agrees too)."""
    if reading.is_guess:
        return False, 0.0, False
    context_stem = stem_comparable(context_form)
    reading_stem = stem_comparable(reading.diac)
    stem = reading_stem == context_stem
    partial = 1.0 if stem else _unit_agreement(reading_stem, context_stem)
    full = False
    if stem:
        context_full = comparable(context_form)
        full = any(comparable(variant) == context_full for variant in _variants(reading))
    return stem, partial, full


def long_vowel_clash(reading: Analysis, context_form: str) -> bool:
    """Whether the diacritizer closes with a sukun a و or ي that the reading
    says as a long vowel, inside the word (بِكِين "Bīkīn", Beijing; the model's
    بِكَيْنَ "bikayna" is another word's vowels)."""
    ours = units(stem_comparable(reading.diac, keep_sukun=True))
    theirs = units(stem_comparable(context_form, keep_sukun=True))
    if [u.letter for u in ours] != [u.letter for u in theirs]:
        return False
    return any(
        mine.letter in "وي" and not mine.marks and set(yours.marks) == {SUKUN}
        for mine, yours in zip(ours[:-1], theirs[:-1], strict=True)
    )


def stem_compatible(reading: Analysis, context_form: str) -> bool:
    """Is the diacritizer's stem a vocalisation of this reading's (gaps filled in)?"""
    if reading.is_guess:
        return False
    return compatible(
        stem_comparable(reading.diac, keep_sukun=True),
        stem_comparable(context_form, keep_sukun=True),
    )


def admits_ending(reading: Analysis, context_form: str) -> bool:
    """Can the reading end as the diacritizer says?

    The database writes no ending on many forms (an imperfect verb, a noun of
    unmarked case): those admit whatever the sentence gives them. A reading
    whose every variant spells its ending out admits only those endings.
    """
    context_full = comparable(context_form)
    for variant in _variants(reading):
        if not split_ending(variant)[1] or comparable(variant) == context_full:
            return True
    return False


def as_written(written: str, context_form: str) -> str:
    """The diacritizer's form without the hamzas it restored on the author's bare seats.

    The model restores hamzas on its own (it never sees them), so a restored
    hamza is no evidence for a reading that needs one when the word as written
    is a word too: بدا is "appeared", whatever a model used to بدأ "began" says.
    """
    return on_written_letters(written, context_form, restore_hamza=False)


def vowel_evidence(
    readings: Sequence[Analysis], context_form: str, written: str = ""
) -> tuple[Analysis, ...]:
    """The readings with the sentence's vowels as evidence, in the same order.

    For each reading of the dictionary: whether the model vocalises its stem
    the same way (``vowels_stem``), the share of its stem's letters it marks
    alike (``vowels_share``), whether it gives an ending the reading has
    (``vowels_ending``), and whether the model's form is a form of the reading,
    ending and all (``vowels_form``; a model that writes no ending says nothing
    against one). A guessed name gets none. Where the dictionary reads the word
    as ``written``, a hamza the model restored counts for nothing.
    """
    lexicon = [reading for reading in readings if not reading.is_guess]
    if not context_form or not lexicon:
        return tuple(readings)
    if written and any(reading.source == "lexicon" for reading in lexicon):
        context_form = as_written(written, context_form)
    said_ending = split_ending(context_form)[1]
    # The author wrote no tanween: a case ending is no evidence against a name.
    unmarked = not any(mark in written for mark in (FATHATAN, DAMMATAN, KASRATAN))
    out = []
    for reading in readings:
        if reading.is_guess:
            out.append(reading)
            continue
        stem, partial, full = agreement(reading, context_form)
        # The database lists no case endings for a proper noun written bare
        # (عَوْن, Aoun): the ending the sentence gives it (عَوْنٌ) says nothing
        # against the name, unless the author wrote one it cannot take.
        full = full or (stem and unmarked and _bare_name(reading))
        valid = stem and (full or not said_ending or admits_ending(reading, context_form))
        out.append(
            weighed(
                reading,
                vowels_stem=float(stem),
                vowels_share=partial,
                vowels_ending=float(full),
                vowels_form=float(valid),
            )
        )
    return tuple(out)


def rerank(
    readings: Sequence[Analysis], context_form: str, written: str = ""
) -> tuple[Analysis, ...]:
    """The readings with the sentence's vowels as evidence (:func:`vowel_evidence`),
    ordered by all their evidence."""
    if not context_form or len(readings) < 2:
        return tuple(readings)  # nothing to weigh against (and the cached answer kept)
    return order(vowel_evidence(readings, context_form, written))


def _bare_name(reading: Analysis) -> bool:
    """A proper noun of one piece whose database entry carries no ending at all
    (عَوْن; not أُوكرانِيّاً, an entry with its tanwin)."""
    return (
        reading.pos == "noun_prop"
        and len(reading.segments) == 1
        and len(reading.case_variants) <= 1
        and not any(mark in reading.diac[-2:] for mark in (FATHATAN, DAMMATAN, KASRATAN))
    )


def reading_form(reading: Analysis) -> str:
    """A reading's own vowels as textbooks write them, out of any sentence: the
    sun-letter shadda only where the reading has the article (اِلْتِزام has none)."""
    return textbook(reading.diac, article=has_article(reading))


def has_article(reading: Analysis) -> bool:
    """Whether the reading has the definite article.

    The analysis' proclitic (prc0 = Al_det) is its ال segment; a word whose
    stem holds the article (الَّذِي، الآنَ، اللّٰه) is written by the database with
    a bare alef before the lam, where a derived verb's hamzat al-wasl has its
    kasra (اِلْتِزام، اِلْتَقَى).
    """
    if any(s.role == "proclitic" and strip_marks(s.form) == "ال" for s in reading.segments):
        return True
    stem = next((s.form for s in reading.segments if s.role == "stem"), reading.diac)
    return stem.startswith("ال")


def _reads_taa_as_pronoun(written: str, reading: Analysis) -> bool:
    """Whether the reading takes the author's final ة for the pronoun ه.

    The dictionary accepts ه for ة (بانفراجة as بِ + اِنْفِراج + ـهُ, "with his
    relief"): the word the author wrote ends in the feminine ة, so the
    reading's ending is not its ending, and its vowels are not the word's.
    """
    ours, theirs = units(written), units(reading.diac)
    return bool(ours and theirs) and ours[-1].letter == "ة" and theirs[-1].letter == "ه"


def vocalize(written: str, reading: Analysis | None, context_form: str) -> Vocalization:
    """The form to show for ``written`` read as ``reading``, given the sentence's vowels."""
    if reading is None:
        form = context_form or written
        return Vocalization(textbook(form), CONTEXT_ONLY if context_form else NO_CONTEXT, form)
    # A guessed name's pieces are the letters' guess: there the letters decide.
    article = None if reading.is_guess else has_article(reading)
    if not context_form:
        shown = on_written_letters(written, reading.diac)
        return Vocalization(textbook(shown, article=article), NO_CONTEXT)
    if reading.is_guess or _reads_taa_as_pronoun(written, reading):
        return Vocalization(textbook(context_form), CONTEXT_ONLY, context_form)
    # A reading of the word as written takes no hamza the author did not write.
    model = as_written(written, context_form) if reading.source == "lexicon" else context_form
    if stem_compatible(reading, model):
        # The model's vowels stand (a letter it leaves bare is a long vowel or
        # hamzat al-wasl, not a gap), with an ending the reading can take.
        if admits_ending(reading, model):
            return Vocalization(textbook(model, article=article), AGREE, context_form)
        _bare, ending = split_ending(reading.diac)
        shown = with_ending(model, ending)
        return Vocalization(textbook(shown, article=article), ENDING_FROM_READING, context_form)
    # The two disagree on the stem: the reading's vowels, on the author's
    # letters; where the database leaves a letter bare (يَبْذُلهُ: no vowel
    # before the pronoun), and for an ending the reading leaves open, the model's
    # (its vowels only: a hamza the reading does not have stays out).
    shown = on_written_letters(written, reading.diac)
    filled = on_written_letters(shown, context_form, restore_hamza=False)
    return Vocalization(textbook(filled, article=article), READING, context_form)


def join_words(tokens: Sequence[Token], vocalizations: list[Vocalization | None]) -> None:
    """Words said together: a final sukun before hamzat al-wasl takes its helping vowel.

    Only between two Arabic words of one sentence with nothing but a space
    between them (a comma is a pause).
    """
    for token, following in zip(tokens, tokens[1:], strict=False):
        said, next_said = vocalizations[token.index], vocalizations[following.index]
        if said is None or next_said is None or following.start - token.end > 1:
            continue
        if starts_with_wasl(next_said.form):
            joined = with_helping_vowel(said.form)
            if joined != said.form:
                vocalizations[token.index] = dataclasses.replace(said, form=joined)
