"""A reading written out for the Word pane: meaning, lemma, root, pattern, grammar, pieces.

The Pattern line is the stem's wazn (``Analysis.wazn``: فِعالَة for زِيارَتِهِ), the
Root line the root as the whole dictionary reads it, the same ``analyze --json``
gives as ``wazn`` and ``radicals``.

Rich text only (no widgets): the pane lays it out, tests read it as plain text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader.morphology.evidence import deciding
from reader.morphology.records import Analysis, readable_gloss, short_gloss
from reader.morphology.roots.radicals import Root, resolve_root
from reader.morphology.vowels.reconcile import reading_form
from reader.ui.base import fonts

if TYPE_CHECKING:
    from reader.morphology.names.spans import NameSpan

SECTION_STYLE = "color:#7a705f; font-weight:600; margin-top:6px"
# The note on where the headword's vowels come from: quiet, like the translit.
NOTE_STYLE = "color:#7a705f; font-size:10pt"
LABEL_STYLE = "color:#7a705f; padding-right:8px"
SENSES_STYLE = "font-size:11pt; font-weight:normal; color:#5a5247"
_ARABIC_RUN = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]+")


def arabic_span(text: str, family: str, size: int = 18) -> str:
    return f"<span style=\"font-family:'{family}'; font-size:{size}pt\">{html.escape(text)}</span>"


def _rows(rows: list[tuple[str, str]]) -> str:
    cells = "".join(
        f'<tr><td style="{LABEL_STYLE}">{label}</td><td><p dir="ltr">{value}</p></td></tr>'
        for label, value in rows
    )
    return f"<table cellspacing=1>{cells}</table>"


def describe_reading(reading: Analysis, family: str, root: Root | None = None) -> str:
    """The reading's details as rich text: lemma and part of speech, root, pattern, grammar.

    ``root``: the root as the whole dictionary reads it (all the lemma's stems);
    without it, read off the lemma alone.
    """
    rows: list[tuple[str, str]] = []
    kind = html.escape(reading.pos_label)
    vocalised = fonts.vocalised_family(family)  # each vowel on its letter: تَمَثَّل, تَتَفَعَّل
    if not reading.is_guess:
        rows.append(("Lemma", f"{arabic_span(reading.lemma, vocalised, 16)}&nbsp; · {kind}"))
    else:
        rows.append(("Part of speech", kind))
    if reading.root:
        # English only on this line: a mixed-script parenthesis reorders badly.
        if root is None:
            root = resolve_root(reading.root, reading.lex, verb_form=reading.verb_form)
        note = f"<br><i>{html.escape(root.weak_note)}</i>" if root.weak_note else ""
        rows.append(("Root", arabic_span(root.display, family, 16) + note))
    if reading.wazn:
        pattern = arabic_span(reading.wazn, vocalised, 16)
        if reading.verb_form:
            pattern += f"&nbsp; verb form {html.escape(reading.verb_form)}"
        rows.append(("Pattern", pattern))
    if reading.features:
        rows.append(("Grammar", html.escape(", ".join(reading.features.values()))))
    return _rows(rows)


def why_html(reading: Analysis, readings: Sequence[Analysis], family: str) -> str:
    """Why this reading is shown: the two or three features of the one scorer
    that put it before the next one (:func:`reader.morphology.evidence.deciding`),
    in words; for a reading the learner chose, that it is their choice."""
    if not readings or reading is not readings[0]:
        return html.escape("You chose this reading; the article follows your choice.")
    runner_up = readings[1] if len(readings) > 1 else None
    reasons = deciding(reading, runner_up)
    if not reasons:
        return html.escape("Nothing in the text tells these readings apart; the first is shown.")
    text = "Why this reading: " + "; ".join(html.escape(reason) for reason in reasons)
    if runner_up is not None:
        other = reading_form(runner_up)
        text += f" (rather than {arabic_span(other, fonts.vocalised_family(family), 14)}"
        text += f" {html.escape(short_gloss(runner_up.gloss))})" if runner_up.gloss else ")"
    return text


def note_html(note: str, family: str) -> str:
    """The note as rich text, its Arabic words in the Arabic face (their marks legible)."""
    pieces, last = [], 0
    for match in _ARABIC_RUN.finditer(note):
        pieces.append(html.escape(note[last : match.start()]))
        pieces.append(arabic_span(match.group(), family, 14))
        last = match.end()
    pieces.append(html.escape(note[last:]))
    return "".join(pieces)


def meaning_of(reading: Analysis) -> str:
    """The English a learner looks for first; honest about guesses."""
    if reading.is_guess:
        return "Not in the dictionary — probably a name"
    return readable_gloss(reading.lemma_gloss) or readable_gloss(reading.gloss)


def meaning_html(reading: Analysis, user_gloss: str = "", english: str = "") -> str:
    """This word in this form in English ("their meeting"), then the lemma's senses.

    ``english``: the word's English in its sentence, where the context changes it
    (after لم a verb says its past); else the reading's own.

    Always two lines, so that an own gloss saved (or cleared) moves nothing below
    it: the learner's gloss over the dictionary's, or the form over the senses.
    """
    senses = meaning_of(reading)
    if user_gloss:
        said, below = user_gloss, f"dictionary: {senses}"
    else:
        said = english or reading.english or senses
        if reading.is_guess:  # the name's English (attested, CLDR or letters), then the caveat
            said = readable_gloss(reading.lemma_gloss) or senses
        below = senses if senses != said else ""
    second = html.escape(below) if below else "&nbsp;"
    return f"{html.escape(said)}<br><span style='{SENSES_STYLE}'>{second}</span>"


def describe_segments(reading: Analysis, family: str) -> str:
    """The word's pieces, each with its gloss below; the first piece at the right."""
    if len(reading.segments) <= 1:
        return ""
    pieces = list(reversed(reading.segments))  # a left-to-right table read right to left
    forms = "".join(
        f'<td align=center style="padding:0 8px">{arabic_span(s.form, family, 18)}</td>'
        for s in pieces
    )
    glosses = "".join(
        f'<td align=center style="padding:0 8px; color:#5a5247">'
        f"{html.escape(s.gloss or '…')}<br><small><i>{s.role}</i></small></td>"
        for s in pieces
    )
    return f"<table align=right cellspacing=0><tr>{forms}</tr><tr>{glosses}</tr></table>"


def reading_row(reading: Analysis, chosen: bool) -> str:
    """One line of the readings list: ✓ for the one shown, its gloss and part of speech."""
    senses = readable_gloss(reading.lemma_gloss)
    said = reading.english or senses or reading.pos_label
    if senses and senses != said:
        said = f"{said} ({senses})"
    return f"{'✓ ' if chosen else ''}{said} — {reading.pos_label}"


# Where a name's English comes from, said to the learner.
NAME_SOURCES = {
    "cldr": "its usual English name (CLDR)",
    "attested": "an attested spelling",
    "geonames": "a city's name (GeoNames)",
    "dictionary": "a list of names (arabnamer)",
    "lexicon": "the dictionary",
    "acronym": "an acronym spelt in letters",
    "letters": "a guess at its spelling",
}


def name_html(span: NameSpan, family: str, size: int = 15) -> str:
    """A name of several words, whole: "United States — الولايات المتحدة", and whence."""
    source = NAME_SOURCES.get(span.source, span.source)
    return (
        f"<b>{html.escape(span.english)}</b> — {arabic_span(span.arabic, family, size)}"
        f"<br><span style='{NOTE_STYLE}'>one name; English from {html.escape(source)}</span>"
    )
