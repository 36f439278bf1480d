"""Documents for the reader: loading files, cleaning, paragraphs, sentences, tokens.

Pure Python (no Qt, no camel-tools), so it can be used and tested anywhere.
"""

from __future__ import annotations

from reader.text.arabic import strip_diacritics, strip_tatweel
from reader.text.cleaning import clean_text
from reader.text.encoding import decode_text_bytes
from reader.text.errors import (
    BinaryFileError,
    DocumentError,
    EmptyDocumentError,
    EncodingError,
    TooLargeError,
    UnreadableFileError,
    UnsupportedFormatError,
)
from reader.text.loading import (
    MAX_FILE_BYTES,
    SUPPORTED_SUFFIXES,
    document_from_text,
    load_document,
)
from reader.text.model import (
    Document,
    Paragraph,
    Sentence,
    Span,
    Token,
    TokenKind,
)
from reader.text.tokens import tokenize

__all__ = [
    "MAX_FILE_BYTES",
    "SUPPORTED_SUFFIXES",
    "BinaryFileError",
    "Document",
    "DocumentError",
    "EmptyDocumentError",
    "EncodingError",
    "Paragraph",
    "Sentence",
    "Span",
    "Token",
    "TokenKind",
    "TooLargeError",
    "UnreadableFileError",
    "UnsupportedFormatError",
    "clean_text",
    "decode_text_bytes",
    "document_from_text",
    "load_document",
    "strip_diacritics",
    "strip_tatweel",
    "tokenize",
]
