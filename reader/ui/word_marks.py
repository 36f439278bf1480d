"""Which words of the article are saved, and how each is marked.

A saved entry stands for a lemma (camel-tools' ``(lex, pos)``), so every
inflected form of it is marked, clitics and all: each token is matched by the
key of the reading the learner sees (chosen, else best). The colours are calm
on purpose: the text must stay as readable as unmarked text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from PySide6.QtGui import QColor, QTextCharFormat

from reader import store as ops  # its operations import SQLAlchemy when first called
from reader.store import EntryRecord, LemmaKey, NotFoundError, Status
from reader.ui.vocabulary_hub import VocabularyHub

UNSAVED = "unsaved"  # a word not in the vocabulary, marked only with "Highlight New Words"


class MarkStyle(NamedTuple):
    background: str | None
    underline: str
    dotted: bool = False


# Per status; None: no mark at all. Hover and pin (article_view) use other hues
# and a stronger underline, so a marked word under the mouse is never mistaken
# for a status.
MARK_COLOURS: dict[str, MarkStyle | None] = {
    Status.NEW.value: MarkStyle("#e4edf9", "#8fb1dc"),
    Status.LEARNING.value: MarkStyle("#fcefd2", "#d9a648"),
    Status.KNOWN.value: None,
    Status.IGNORED.value: None,
    # Only a hint: a dotted line under the word, the text itself untouched.
    UNSAVED: MarkStyle(None, "#8a96a3", dotted=True),
}


@cache
def mark_format(mark: str) -> QTextCharFormat | None:
    """The character format for a mark; None when the mark shows nothing.

    One shared format per mark (never to be changed): comparing a long article's
    marks is then mostly comparing identities.
    """
    style = MARK_COLOURS.get(mark)
    if style is None:
        return None
    char_format = QTextCharFormat()
    if style.background is not None:
        char_format.setBackground(QColor(style.background))
    char_format.setUnderlineStyle(
        QTextCharFormat.UnderlineStyle.DotLine
        if style.dotted
        else QTextCharFormat.UnderlineStyle.SingleUnderline
    )
    char_format.setUnderlineColor(QColor(style.underline))
    return char_format


class SavedEntries:
    """The entries for the keys of one article, refreshed only where a change touches them."""

    def __init__(self, hub: VocabularyHub) -> None:
        self.hub = hub
        self._by_key: dict[LemmaKey, EntryRecord | None] = {}

    def load(self, keys: Iterable[LemmaKey]) -> None:
        wanted = set(keys)
        found = self.hub.read(lambda store: ops.entries_for_lemmas(store, wanted), {})
        self._by_key = {key: found.get(key) for key in wanted}

    def get(self, key: LemmaKey) -> EntryRecord | None:
        """The saved entry for a lemma; looked up once for keys outside the article."""
        if key not in self._by_key:
            found = self.hub.read(lambda store: ops.entries_for_lemmas(store, [key]), {})
            self._by_key[key] = found.get(key)
        return self._by_key[key]

    def update(self, entry_ids: Iterable[int]) -> set[LemmaKey]:
        """Re-read the given entries; return the keys whose entry changed."""
        touched: set[LemmaKey] = set()
        for entry_id in entry_ids:
            for key, entry in self._by_key.items():
                if entry is not None and entry.id == entry_id:
                    self._by_key[key] = None
                    touched.add(key)
            if self.hub.store is None:
                continue
            try:
                fresh: EntryRecord | None = ops.get_entry(self.hub.store, entry_id)
            except NotFoundError:
                fresh = None  # deleted
            if fresh is not None:
                self._by_key[fresh.key] = fresh
                touched.add(fresh.key)
        return touched

    def status(self, key: LemmaKey) -> Status | None:
        entry = self._by_key.get(key)
        return entry.status if entry is not None else None


@dataclass(frozen=True)
class KnownShare:
    known: int
    counted: int

    @property
    def percent(self) -> int:
        return round(100 * self.known / self.counted) if self.counted else 0

    def label(self) -> str:
        return f"Known: {self.percent}% of words" if self.counted else ""


def marks_for(
    keys: Mapping[int, LemmaKey], entries: SavedEntries, *, highlight_unsaved: bool
) -> dict[int, str]:
    """Token index -> its mark (a status value, or UNSAVED) for tokens that show one."""
    # Decided once per lemma (an article repeats its words), then spread to tokens.
    mark_of: dict[LemmaKey, str | None] = {}
    for key in set(keys.values()):
        status = entries.status(key)
        mark = status.value if status is not None else (UNSAVED if highlight_unsaved else None)
        mark_of[key] = mark if mark is not None and MARK_COLOURS.get(mark) is not None else None
    return {index: mark for index, key in keys.items() if (mark := mark_of[key]) is not None}


def known_share(keys: Mapping[int, LemmaKey], entries: SavedEntries, total: int) -> KnownShare:
    """Known words among the article's Arabic words; ignored ones (names, typos) not counted."""
    known = ignored = 0
    for key, count in Counter(keys.values()).items():
        status = entries.status(key)
        if status is Status.KNOWN:
            known += count
        elif status is Status.IGNORED:
            ignored += count
    return KnownShare(known, total - ignored)
