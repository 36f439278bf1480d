"""Finding out how a text file's bytes spell its characters.

Arabic text files come in four encodings in practice: UTF-8 (with or without a
BOM), UTF-16 (Windows "Unicode", with a BOM), Windows-1256 and ISO-8859-6.
Generic detectors confuse the last two (and other code pages) on short Arabic
text, so after the unambiguous cases we decode with each Arabic code page and
keep the reading that looks most like Arabic.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from dataclasses import dataclass

from reader.text.cleaning import nfc
from reader.text.errors import BinaryFileError, EncodingError

_BOMS = (
    # UTF-32 first: its little-endian BOM starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)

# File signatures of formats people mistake for text, named in the error message.
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
)

# Arabic code pages we try ourselves; order breaks ties (cp1256 is far commoner).
_ARABIC_CODEPAGES = ("cp1256", "iso8859_6")

_ARABIC_LETTER_RE = re.compile("[\u0621-\u064a\u0671-\u06d3]")
_LETTER_RE = re.compile(r"[^\W\d_]")
# C0/C1 controls other than tab, newline, carriage return and form feed.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# Share of letters that are Arabic from which a reading counts as Arabic text.
ARABIC_TEXT_SHARE = 0.5
# Share of control characters above which "text" is really binary data.
_MAX_CONTROL_SHARE = 0.01
# UTF-8 with a few damaged bytes (a bad download, a careless edit) stays UTF-8,
# the damage shown as U+FFFD: up to this share of its non-ASCII characters. Text
# in an Arabic code page read as UTF-8 is nearly all damage (its letters are
# bytes 0xC1-0xFE, which UTF-8 uses only to start a sequence), so far above it.
MAX_DAMAGED_SHARE = 0.05
_REPLACEMENT = "\ufffd"
_ENCODED_REPLACEMENT = _REPLACEMENT.encode("utf-8")


@dataclass(frozen=True, slots=True)
class DecodedText:
    """Decoded text, its encoding's name, how many damaged sequences became U+FFFD and
    how many stray NUL bytes were left out."""

    text: str
    encoding: str
    replaced: int = 0
    dropped: int = 0  # stray NUL bytes left out


def _encoding_name(codec: str) -> str:
    """A stable, readable name: ``cp1256``, ``iso8859_6``, ``utf-8``..."""
    name = codecs.lookup(codec).name
    return name if name.startswith("utf") else name.replace("-", "_")


def _binary_kind(data: bytes) -> str | None:
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return kind
    return None


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    return len(_CONTROL_RE.findall(text)) > _MAX_CONTROL_SHARE * len(text)


def _arabic_share(text: str) -> float:
    """Share of letters that are Arabic: high for a right guess, low for mojibake."""
    letters = len(_LETTER_RE.findall(text))
    if not letters:
        return 0.0
    return len(_ARABIC_LETTER_RE.findall(text)) / letters


def _arabic_score(text: str) -> tuple[float, int]:
    # The article ال is the commonest letter pair in Arabic; a wrong code page
    # can still produce only Arabic letters, but rarely this pair.
    return (round(_arabic_share(text), 3), text.count("ال"))


def arabic_share(text: str) -> float:
    """Share of the letters of ``text`` that are Arabic (0.0 without letters)."""
    return _arabic_share(text)


def arabic_codepage_reading(
    data: bytes, scored: Callable[[str], str] = lambda text: text
) -> tuple[str, str, float] | None:
    """The Arabic code page that reads ``data`` best: ``(text, name, share)``.

    Candidates are ranked as for a .txt file; ``scored`` picks the part of the
    text worth scoring (a web page's words, not its markup). None when no
    Arabic code page decodes the bytes as text.
    """
    best: tuple[tuple[float, int], str, str] | None = None
    for codec in _ARABIC_CODEPAGES:
        text = _strict(data, codec)
        if text is None or _looks_binary(text):
            continue
        score = _arabic_score(scored(text))
        # Strictly greater: the first code page wins ties, as in _decode_legacy.
        if best is None or score > best[0]:
            best = (score, text, codec)
    if best is None:
        return None
    return best[1], best[2], best[0][0]


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def repaired_utf8(data: bytes) -> tuple[str, int] | None:
    """``data`` as UTF-8 with damaged sequences replaced by U+FFFD, and how many were.

    None when the damage is more than :data:`MAX_DAMAGED_SHARE` of the non-ASCII
    characters (then it is not UTF-8 at all), or when nothing else is non-ASCII.
    """
    text = data.decode("utf-8", errors="replace")
    replaced = text.count(_REPLACEMENT) - data.count(_ENCODED_REPLACEMENT)
    if replaced == 0:
        return text, 0
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    good = non_ascii - text.count(_REPLACEMENT)
    if good <= 0 or replaced > MAX_DAMAGED_SHARE * (good + replaced):
        return None
    return text, replaced


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM: NUL bytes then sit on every other byte of ASCII."""
    if len(data) % 2:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        text = _strict(data, codec)
        if (
            text
            and not _looks_binary(text)
            and (_arabic_share(text) > ARABIC_TEXT_SHARE or text.isascii())
        ):
            return nfc(text), "utf-16"
    return None


def decode_text_bytes(data: bytes) -> tuple[str, str]:
    """Decode the bytes of a text file, returning ``(text, encoding name)``.

    As :func:`decode_text`, without the count of damaged sequences.
    """
    decoded = decode_text(data)
    return decoded.text, decoded.encoding


def decode_text(data: bytes) -> DecodedText:
    """Decode the bytes of a text file.

    A few damaged sequences in otherwise valid UTF-8 are replaced by U+FFFD and
    counted, never read as another code page. Raises BinaryFileError for data
    that is not text at all and EncodingError for text in an encoding we
    cannot identify.
    """
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            text = _strict(data, codec)
            if text is not None:
                return DecodedText(text, name)
            repaired = repaired_utf8(data[len(bom) :]) if name == "utf-8" else None
            if repaired is None or _looks_binary(repaired[0]):
                raise EncodingError(
                    f"The file starts like {name.upper()} text but is damaged; "
                    "save it again as UTF-8 and reopen it."
                )
            return DecodedText(repaired[0], name, repaired[1])

    kind = _binary_kind(data)
    if kind:
        raise BinaryFileError(
            f"This file is {kind}, not text; open a .txt or .html article instead."
        )
    dropped = 0
    if b"\x00" in data:
        utf16 = _bomless_utf16(data)
        if utf16:
            return DecodedText(*utf16)
        # A few stray NULs (a bad copy, an editor's slip) in a text are left out and
        # counted; binary data has far more than the controls a text may hold.
        dropped = data.count(b"\x00")
        if dropped > _MAX_CONTROL_SHARE * len(data):
            raise BinaryFileError(
                "This file contains binary data, not text; open a .txt or .html article instead."
            )
        data = data.replace(b"\x00", b"")

    repaired = repaired_utf8(data)
    if repaired is not None:
        text, replaced = repaired
        if _looks_binary(text):
            raise BinaryFileError(
                "This file contains binary data, not text; open a .txt or .html article instead."
            )
        return DecodedText(text, "utf-8", replaced, dropped)
    return DecodedText(*_decode_legacy(data), dropped=dropped)


def _decode_legacy(data: bytes) -> tuple[str, str]:
    """Bytes that are not UTF: an Arabic code page, or what the detector says."""
    candidates: dict[str, str] = {}
    for codec in _ARABIC_CODEPAGES:
        text = _strict(data, codec)
        if text is not None and not _looks_binary(text):
            candidates[codec] = text
    from charset_normalizer import from_bytes  # only for the rare non-UTF file: not at start-up

    best_guess = from_bytes(data).best()
    guessed_name: str | None = None
    if best_guess is not None:
        guessed_name = _encoding_name(best_guess.encoding)
        if guessed_name not in candidates:
            text = _strict(data, guessed_name)
            if text is not None and not _looks_binary(text):
                candidates[guessed_name] = text

    if candidates:
        # max() keeps the first of equal scores, so dict order breaks ties.
        name = max(candidates, key=lambda n: _arabic_score(candidates[n]))
        if _arabic_share(candidates[name]) >= ARABIC_TEXT_SHARE:
            return candidates[name], name
        # Not Arabic in any code page: trust the detector (a French or English text).
        if guessed_name in candidates:
            return candidates[guessed_name], guessed_name
    if _looks_binary(data.decode("latin-1")):
        raise BinaryFileError(
            "This file contains binary data, not text; open a .txt or .html article instead."
        )
    raise EncodingError(
        "The file's text encoding could not be recognised; "
        "save it as UTF-8 (or Windows-1256) and open it again."
    )
