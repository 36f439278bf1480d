"""Where a word stands for the learner: the one piece of the schema the window needs early.

Apart from :mod:`reader.store.models` so that importing it costs no SQLAlchemy:
the window names statuses before the vocabulary file is opened.
"""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """Where a word stands for the learner."""

    NEW = "new"
    LEARNING = "learning"
    KNOWN = "known"
    IGNORED = "ignored"  # names, typos: never highlighted, never exported by default


STATUS_VALUES = tuple(s.value for s in Status)
