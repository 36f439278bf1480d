"""Opening files and pasted text as Documents, refusing what cannot be read.

Files with a supported suffix are read as text or HTML. A file without a suffix
or with an unknown one (``article``, ``notes.md``, ``news.log``) is accepted when
its bytes are text, and read as HTML when they start like a web page: learners
save articles under all sorts of names. Formats we know we cannot read (PDF,
Word, images, archives) are refused by suffix before anything is read.
"""

from __future__ import annotations

import math
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from reader.system.filenames import shown_name
from reader.system.files import RefusedFileError, read_at_most
from reader.text.cleaning import MAX_TITLE_CHARS, clean_inline, clean_paragraphs, heading_line
from reader.text.document import build_document
from reader.text.encoding import decode_text
from reader.text.errors import (
    DocumentError,
    EmptyDocumentError,
    TooLargeError,
    UnreadableFileError,
    UnsupportedFormatError,
)
from reader.text.model import Document
from reader.text.webpage import extract_article

MAX_FILE_BYTES = 20 * 1024 * 1024
_MB = 1024 * 1024  # the limit and sizes shown use one unit, like Windows' "MB"
SUPPORTED_SUFFIXES = (".txt", ".text", ".html", ".htm")
_HTML_SUFFIXES = (".html", ".htm")
_REFUSED_SUFFIXES = frozenset(
    ".pdf .doc .docx .odt .rtf .epub .mobi .djvu .xls .xlsx .ods .ppt .pptx .odp "
    ".png .jpg .jpeg .gif .bmp .webp .tif .tiff .svg .ico .heic "
    ".zip .rar .7z .gz .tgz .bz2 .xz .tar .exe .dll .so .dylib .bin .iso "
    ".mp3 .wav .ogg .flac .m4a .mp4 .mkv .avi .mov .webm .sqlite .db".split()
)
# What a web page starts with, once any XML declaration and comments are skipped
# (by _looks_like_html, one pass: a regex that skipped comments backtracked
# exponentially on a file of many comments that is not a page).
_HTML_TAG_RE = re.compile(r"<(?:!doctype\s+html|html)\b", re.IGNORECASE)
_SPACE_RE = re.compile(r"\s*")
_XML_DECLARATION = "<?xml"
_COMMENT_START, _COMMENT_END = "<!--", "-->"
_TITLE_WORDS = 8
_SUPPORTED_LIST = "a .txt or .html file"


def _looks_like_html(text: str) -> bool:
    """Whether ``text`` starts like a web page: ``<html`` or ``<!doctype html``, after
    whitespace, an XML declaration and comments. Each character is looked at once or
    twice, whatever the text."""
    at = _skip_space(text, 0)
    if text.startswith(_XML_DECLARATION, at):
        close = text.find(">", at)
        if close < 0:
            return False
        at = _skip_space(text, close + 1)
    while text.startswith(_COMMENT_START, at):
        close = text.find(_COMMENT_END, at + len(_COMMENT_START))
        if close < 0:
            return False
        at = _skip_space(text, close + len(_COMMENT_END))
    return _HTML_TAG_RE.match(text, at) is not None


def _skip_space(text: str, at: int) -> int:
    return _SPACE_RE.match(text, at).end()  # type: ignore[union-attr]  (\s* always matches)


def _megabytes_over_limit(size: int) -> str:
    """A too-large size in MB with one decimal, rounded up: a file just over the
    limit reads "20.1 MB", never the "20 MB" it is refused for exceeding."""
    return f"{math.ceil(size * 10 / _MB) / 10:.1f}"


def _shown_name(path: Path) -> str:
    return shown_name(path.name or str(path))


def _read_bytes(path: Path) -> bytes:
    """The file's bytes: a regular file only, opened without blocking, never over the limit."""
    name = _shown_name(path)
    try:
        info = os.stat(path)
        if stat.S_ISREG(info.st_mode) and info.st_size > MAX_FILE_BYTES:
            raise TooLargeError(
                f"“{name}” is {_megabytes_over_limit(info.st_size)} MB, larger than the "
                f"{MAX_FILE_BYTES // _MB} MB an article can be; open a smaller file."
            )
        # At most limit + 1 bytes whatever stat said: the file may grow meanwhile.
        data = read_at_most(path, MAX_FILE_BYTES, advice="choose an article file")
    except RefusedFileError as refused:
        if refused.kind == "a folder":
            raise UnreadableFileError(
                f"“{name}” is a folder; choose an article file inside it."
            ) from None
        raise UnreadableFileError(str(refused)) from None
    except FileNotFoundError:
        raise UnreadableFileError(
            f"“{name}” does not exist any more; check where the file went and open it again."
        ) from None
    except PermissionError:
        raise UnreadableFileError(
            f"You do not have permission to read “{name}”; "
            "change its permissions or copy it somewhere you can read it."
        ) from None
    except OSError as error:
        raise UnreadableFileError(
            f"“{name}” could not be read ({error.strerror or error}); check the file and try again."
        ) from error
    if len(data) > MAX_FILE_BYTES:
        raise TooLargeError(
            f"“{name}” is larger than the {MAX_FILE_BYTES // _MB} MB an article can be; "
            "open a smaller file."
        )
    return data


def _fallback_title(paragraphs: list[str]) -> str:
    words = paragraphs[0].split()
    if len(words) <= _TITLE_WORDS:
        return " ".join(words)
    return " ".join(words[:_TITLE_WORDS]) + "…"


def _empty_error(name: str | None) -> EmptyDocumentError:
    what = f"“{name}”" if name else "The text"
    return EmptyDocumentError(f"{what} has no readable text; choose a file with an article in it.")


def damage_warning(name: str | None, replaced: int, dropped: int = 0) -> tuple[str, ...]:
    """The sentences saying that ``replaced`` damaged sequences show as U+FFFD and
    ``dropped`` stray NUL bytes were left out (neither: ())."""
    what = f"“{name}”" if name else "The text"
    warnings = []
    if replaced:
        places = "1 damaged character" if replaced == 1 else f"{replaced:,} damaged characters"
        warnings.append(f"{what} has {places}, shown as �; the rest was read as saved.")
    if dropped:
        nuls = "1 stray NUL byte" if dropped == 1 else f"{dropped:,} stray NUL bytes"
        warnings.append(f"{what} has {nuls}, left out; the rest was read as saved.")
    return tuple(warnings)


@dataclass(frozen=True)
class CleanedText:
    """A file read and cleaned, not yet laid out: what :func:`build_document` takes.

    ``analyze`` lays out a long file a window of paragraphs at a time from this,
    never holding every token of it at once.
    """

    paragraphs: list[str]
    title: str
    has_title_paragraph: bool
    source_path: Path | None
    encoding: str | None
    warnings: tuple[str, ...] = ()

    def document(self) -> Document:
        return build_document(
            self.paragraphs,
            title=self.title,
            has_title_paragraph=self.has_title_paragraph,
            source_path=self.source_path,
            encoding=self.encoding,
            warnings=self.warnings,
        )


def document_from_text(
    text: str,
    *,
    title: str | None = None,
    source_path: Path | None = None,
    encoding: str | None = None,
    warnings: tuple[str, ...] = (),
) -> Document:
    """A Document from already decoded text (a .txt file or the clipboard)."""
    return _cleaned_text(
        text, title=title, source_path=source_path, encoding=encoding, warnings=warnings
    ).document()


def _cleaned_text(
    text: str,
    *,
    title: str | None,
    source_path: Path | None,
    encoding: str | None,
    warnings: tuple[str, ...],
) -> CleanedText:
    paragraphs = clean_paragraphs(text)
    if not paragraphs:
        raise _empty_error(_shown_name(source_path) if source_path else None)
    heading = heading_line(text)
    has_title_paragraph = heading is not None and heading == paragraphs[0]
    chosen = clean_inline(title)[:MAX_TITLE_CHARS] if title else ""
    if chosen and chosen == paragraphs[0]:
        has_title_paragraph = True
    if not chosen:
        if has_title_paragraph:
            chosen = paragraphs[0]
        elif source_path is not None and source_path.stem:
            chosen = shown_name(source_path.stem)
        else:
            chosen = _fallback_title(paragraphs)
    return CleanedText(paragraphs, chosen, has_title_paragraph, source_path, encoding, warnings)


def _cleaned_html(data: bytes, path: Path) -> CleanedText:
    article = extract_article(data)
    paragraphs = [p for p in (clean_inline(line) for line in article.paragraphs) if p]
    if not paragraphs:
        raise EmptyDocumentError(
            f"“{_shown_name(path)}” is a web page with no article text in it; "
            "save the article's page itself and open that."
        )
    title = clean_inline(article.title) if article.title else ""
    if title:
        # The title heads the text, once: pages usually repeat it in an <h1>.
        if paragraphs[0] != title:
            paragraphs.insert(0, title)
        has_title_paragraph = True
    else:
        has_title_paragraph = False
        title = shown_name(path.stem) or _fallback_title(paragraphs)
    return CleanedText(
        paragraphs,
        title,
        has_title_paragraph,
        path,
        article.encoding,
        damage_warning(_shown_name(path), article.replaced, article.dropped),
    )


def load_document(path: str | os.PathLike[str]) -> Document:
    """Open a .txt or .html article (see the module docstring for other names)."""
    return load_cleaned(path).document()


def load_cleaned(path: str | os.PathLike[str]) -> CleanedText:
    """A file read and cleaned as :func:`load_document` reads it, its paragraphs not
    yet laid out as a Document."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in _REFUSED_SUFFIXES:
        raise UnsupportedFormatError(
            f"“{_shown_name(path)}” is a {shown_name(suffix[1:].upper())} file, "
            "which the reader cannot open; "
            f"save the article as {_SUPPORTED_LIST} and open that."
        )
    data = _read_bytes(path)
    if not data.strip():
        raise _empty_error(_shown_name(path))

    if suffix in _HTML_SUFFIXES:
        return _cleaned_html(data, path)
    try:
        decoded = decode_text(data)
    except DocumentError as error:
        if suffix in SUPPORTED_SUFFIXES:
            raise
        raise UnsupportedFormatError(
            f"“{_shown_name(path)}” is not a text file the reader can open; "
            f"save the article as {_SUPPORTED_LIST} and open that."
        ) from error
    if suffix not in SUPPORTED_SUFFIXES and _looks_like_html(decoded.text):
        return _cleaned_html(data, path)
    return _cleaned_text(
        decoded.text,
        title=None,
        source_path=path,
        encoding=decoded.encoding,
        warnings=damage_warning(_shown_name(path), decoded.replaced, decoded.dropped),
    )
