"""Cleaning raw text into the paragraphs a learner reads, without changing meaning.

What changes: newlines, whitespace runs, invisible junk (bidi controls,
zero-width spaces, control characters), HTML entities and their debris,
Arabic presentation forms (to the standard letters they stand for), and
Unicode normalisation (NFC). What never changes: letters, diacritics, tatweel,
digits and punctuation, so what is shown is what the author wrote.
"""

from __future__ import annotations

import html
import re
import unicodedata

from reader.text.tokens import COMBINING_CLASS

# Placeholder for a quotation mark recovered from an entity. We only know they
# come in pairs once the paragraph is assembled, so the choice of « » or " waits.
_QUOTE_MARK = "\ue000"

_FULL_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Debris of an entity whose "&" was lost along the way (the bundled article has
# ``quot;``). Only these exact ASCII spellings, and never glued to a Latin word,
# so real words are not mangled. Numeric debris is taken only for the code
# points that the named ones stand for (" ' and NBSP): ``#1234;`` is far more
# often a hashtag or a number than an entity that lost its "&".
_ENTITY_DEBRIS_RE = re.compile(
    r"(?<![A-Za-z&])(quot|amp|nbsp|lt|gt|apos|#(?:0*(?:34|39|160)|[xX]0*(?:22|27|[aA]0)));"
)
_DEBRIS_TEXT = {"amp": "&", "nbsp": " ", "lt": "<", "gt": ">", "apos": "'"}

# Bidi controls: the UI lays out RTL itself, and these would sit invisibly
# inside tokens and break lookups. U+061C is the Arabic letter mark.
_BIDI_CONTROLS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# Invisible characters that carry no meaning in running text: zero-width space,
# word joiner, BOM, soft hyphen, and C0/C1 controls other than tab and newline.
_INVISIBLE_RE = re.compile(
    f"[{_BIDI_CONTROLS}\u200b\u2060\ufeff\u00ad\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]"
)
# Horizontal whitespace of every width, NBSP included, collapses to one space.
_SPACES_RE = re.compile("[ \t\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
# ZWNJ only means something between two letters (Persian/Urdu word parts).
_STRAY_ZWNJ_RE = re.compile(r"\u200c+(?![^\W\d_])|(?<![^\W\d_])\u200c+")
_NEWLINES_RE = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")
# Arabic presentation forms (ﺑﻮﺗﻴﻦ: the shapes of letters, from old PDFs and
# typesetting) and their ligatures (ﻻ, ﷲ): compatibility characters that stand
# for standard letters. Only these ranges get NFKC; elsewhere it would change
# meaning (² to 2, ﬁ to fi in a Latin quote).
_PRESENTATION_FORMS_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]+")

# Unicode normalisation takes time quadratic in the length of a run of combining
# marks (CPython: 20,000 marks 0.27 s, 130,000 ten seconds and more). No script
# stacks more than a few on one letter, so a longer run is normalised this many
# marks at a time: every mark kept, in time linear in the text.
MAX_MARKS_NORMALISED = 32
_LONG_MARK_RUN_RE = re.compile(f"[{COMBINING_CLASS}]{{{MAX_MARKS_NORMALISED + 1},}}")

# A line ending with one of these is a sentence, not a heading.
_FINAL_PUNCTUATION = ".!?؟…۔:؛،,;"
MAX_TITLE_CHARS = 120


def _decode_entity(match: re.Match[str]) -> str:
    entity = match.group(0)
    if entity == "&quot;":
        return _QUOTE_MARK
    decoded = html.unescape(entity)
    return _QUOTE_MARK if decoded == '"' else decoded


def _decode_debris(match: re.Match[str]) -> str:
    name = match.group(1)
    if name.startswith("#"):
        digits = name[1:]
        codepoint = int(digits[1:], 16) if digits[0] in "xX" else int(digits)
        name = {0x22: "quot", 0x27: "apos", 0xA0: "nbsp"}[codepoint]
    if name == "quot":
        return _QUOTE_MARK
    return _DEBRIS_TEXT[name]


def decode_entities(text: str) -> str:
    """Decode entities, including double-escaped ones and their ``quot;`` debris."""
    if "&" in text:
        # Text escaped twice (``&amp;quot;``) needs a second pass; more is noise.
        for _ in range(2):
            decoded = _FULL_ENTITY_RE.sub(_decode_entity, text)
            if decoded == text:
                break
            text = decoded
    if ";" in text:
        text = _ENTITY_DEBRIS_RE.sub(_decode_debris, text)
    return text


def _pair_quotes(paragraph: str) -> str:
    """Turn recovered quotation marks into « » pairs; a lone last one stays a plain "."""
    count = paragraph.count(_QUOTE_MARK)
    if not count:
        return paragraph
    parts = paragraph.split(_QUOTE_MARK)
    out = [parts[0]]
    for i, part in enumerate(parts[1:]):
        if i == count - 1 and count % 2:
            out.append('"')
        elif i % 2 == 0:
            # An opening mark hugs the quoted word even if a space crept in.
            out.append("«")
            part = part.lstrip(" ")
        else:
            out[-1] = out[-1].rstrip(" ")
            out.append("»")
        out.append(part)
    return "".join(out)


def normalise_newlines(raw: str) -> str:
    return _NEWLINES_RE.sub("\n", raw)


def nfc(text: str) -> str:
    """``text`` in Unicode's NFC, in time linear in its length (see MAX_MARKS_NORMALISED)."""
    pieces: list[str] = []
    at = 0
    for run in _LONG_MARK_RUN_RE.finditer(text):
        for cut in range(run.start() + MAX_MARKS_NORMALISED, run.end(), MAX_MARKS_NORMALISED):
            pieces.append(unicodedata.normalize("NFC", text[at:cut]))
            at = cut
    pieces.append(unicodedata.normalize("NFC", text[at:]))
    return "".join(pieces)


def _standard_letters(match: re.Match[str]) -> str:
    return unicodedata.normalize("NFKC", match.group(0))


def _clean_line(line: str) -> str:
    if "\u200c" in line:  # before collapsing, so a removed ZWNJ leaves no double space
        line = _STRAY_ZWNJ_RE.sub("", line)
    return _SPACES_RE.sub(" ", line).strip()


def _clean_lines(raw: str) -> list[str]:
    text = normalise_newlines(raw)
    text = decode_entities(text)
    text = _INVISIBLE_RE.sub("", text)
    text = _PRESENTATION_FORMS_RE.sub(_standard_letters, text)
    text = nfc(text)
    return [_clean_line(line) for line in text.split("\n")]


def _is_wrapped(line: str, wrap_width: int) -> bool:
    """Whether a line ends only because an editor wrapped it at ``wrap_width``."""
    # Hard-wrapped files use widths of 60-100 characters; a line reaching most of
    # that width continues on the next one. Anything clearly shorter (a
    # subheading like "غيّب الصراع" above its paragraph) ends where it ends.
    return wrap_width <= 120 and len(line) >= 0.6 * wrap_width


def clean_paragraphs(raw: str) -> list[str]:
    """The cleaned paragraphs of ``raw``, in order, none empty.

    Blank lines separate paragraphs. A file without any blank line has one
    paragraph per line. Otherwise a single newline joins two lines with a space
    when the first was hard-wrapped, and separates them when it was not.
    """
    lines = _clean_lines(raw)
    non_empty = [line for line in lines if line]
    if not non_empty:
        return []
    if all(_strip_edges(lines)):  # no blank line between two lines of text
        return [_pair_quotes(line) for line in non_empty]

    wrap_width = max(len(line) for line in non_empty)
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if not line:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        if current and not _is_wrapped(current[-1], wrap_width):
            paragraphs.append(" ".join(current))
            current = []
        current.append(line)
    if current:
        paragraphs.append(" ".join(current))
    return [_pair_quotes(p) for p in paragraphs]


def _strip_edges(lines: list[str]) -> list[str]:
    """Lines without leading and trailing blank ones (those separate nothing)."""
    start, end = 0, len(lines)
    while start < end and not lines[start]:
        start += 1
    while end > start and not lines[end - 1]:
        end -= 1
    return lines[start:end]


def clean_text(raw: str) -> str:
    """The shown text: cleaned paragraphs joined by a single newline."""
    return "\n".join(clean_paragraphs(raw))


def clean_inline(raw: str) -> str:
    """Clean a one-line string such as a title (all newlines become spaces)."""
    return _pair_quotes(" ".join(line for line in _clean_lines(raw) if line))


def heading_line(raw: str) -> str | None:
    """The first line of a text file if it reads as a title, cleaned, else None.

    A title is short, has no final sentence punctuation and is followed by a
    blank line (and by more text: a one-line file is an article, not a title).
    """
    lines = _strip_edges(_clean_lines(raw))
    if len(lines) < 3 or lines[1] or not any(lines[2:]):
        return None
    first = _pair_quotes(lines[0])
    if len(first) > MAX_TITLE_CHARS or first[-1] in _FINAL_PUNCTUATION:
        return None
    return first
