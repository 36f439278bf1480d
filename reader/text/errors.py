"""Errors raised while turning a file or pasted text into a Document.

Every message is one sentence a learner can act on: it says what happened and
what to do next, so the UI can show ``str(error)`` as is.
"""

from __future__ import annotations


class DocumentError(Exception):
    """Base class: the text could not be opened as a readable document."""


class UnsupportedFormatError(DocumentError):
    """The file is of a kind the reader does not open (PDF, Word, image...)."""


class BinaryFileError(DocumentError):
    """The file claims to be text but holds binary data."""


class EmptyDocumentError(DocumentError):
    """Nothing readable is left once the file is cleaned."""


class TooLargeError(DocumentError):
    """The file is larger than the reader is willing to load."""


class UnreadableFileError(DocumentError):
    """The operating system refused to give us the bytes (missing, folder, rights)."""


class EncodingError(DocumentError):
    """The bytes are not text in any encoding we support."""
