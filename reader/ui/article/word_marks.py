"""Which words of the article are saved, and how each is marked.

A saved entry stands for a lemma (camel-tools' ``(lex, pos)``), so every
inflected form of it is marked, clitics and all: each token is matched by the
key of the entry it belongs to (:func:`reader.reading.article_keys.entry_key`: the
reading the learner sees, chosen else best; every word of a name of several
words, the name's). The colours are calm on purpose: the text must stay as
readable as unmarked text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtGui import QColor, QTextCharFormat

from reader import store as ops  # its operations import SQLAlchemy when first called
from reader.reading.article_keys import ArticleKeys
from reader.store import EntryRecord, LemmaKey, Status
from reader.store.records import NAME_POS
from reader.ui.base.vocabulary_hub import VocabularyHub

if TYPE_CHECKING:  # numpy is imported on the worker first (ArticleKeys.of), never at start-up
    import numpy as np


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

    def adopt(self, found: Mapping[LemmaKey, EntryRecord], keys: Iterable[LemmaKey]) -> None:
        """Like :meth:`load`, with what the store returned for ``keys`` already in hand
        (read on the worker with the analysis)."""
        self._by_key = {key: found.get(key) for key in keys}

    @property
    def by_key(self) -> Mapping[LemmaKey, EntryRecord | None]:
        """What the store said of each lemma asked about (None: not saved)."""
        return MappingProxyType(self._by_key)

    def get(self, key: LemmaKey) -> EntryRecord | None:
        """The saved entry for a lemma; looked up once for keys outside the article."""
        if key not in self._by_key:
            found = self.hub.read(lambda store: ops.entries_for_lemmas(store, [key]), {})
            self._by_key[key] = found.get(key)
        return self._by_key[key]

    def update(self, entry_ids: Iterable[int]) -> set[LemmaKey]:
        """Re-read the given entries (in one query); return the keys whose entry changed.

        An entry no longer found was deleted. If the store cannot be read, the
        hub says so and the entries are dropped, to be looked up again.
        """
        wanted = set(entry_ids)
        touched: set[LemmaKey] = set()
        # A surname's key may hold its saved name's entry (entries_for_lemmas): it
        # keeps holding it, fresh.
        held: dict[int, list[LemmaKey]] = {}
        for key, entry in self._by_key.items():
            if entry is not None and entry.id in wanted:
                self._by_key[key] = None
                touched.add(key)
                held.setdefault(entry.id, []).append(key)
        fresh = self.hub.read(lambda store: ops.entries_by_id(store, wanted), None)
        if fresh is None:
            for key in touched:
                del self._by_key[key]  # looked up again when next asked for
            return touched
        for entry in fresh.values():
            for key in (entry.key, *held.get(entry.id, ())):
                self._by_key[key] = entry
                touched.add(key)
        if any(entry.name_words for entry in fresh.values()):
            # A name saved with its surname: the store now answers the surname's key
            # alone with it (entries_for_lemmas), where the word has no entry of its own.
            unsaved = [k for k, entry in self._by_key.items() if entry is None and k[1] == NAME_POS]
            named = self.hub.read(lambda store: ops.entries_for_lemmas(store, unsaved), {})
            self._by_key.update(named)
            touched.update(named)
        return touched

    def status(self, key: LemmaKey) -> Status | None:
        entry = self._by_key.get(key)
        return entry.status if entry is not None else None


@dataclass(frozen=True)
class KnownShare:
    known: int
    counted: int

    @property
    def percent(self) -> float:
        return 100 * self.known / self.counted if self.counted else 0.0

    def label(self) -> str:
        """The status bar's known share, to one decimal (whole percents hid a day's progress)."""
        return f"Known: {self.percent:.1f}% of words" if self.counted else ""


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


# Per token, what the learner's vocabulary says of it, as a small integer: the
# status of its lemma's entry, no entry, or no reading at all (not an Arabic
# word, or one the dictionary has nothing for).
STATUS_CODES: tuple[Status, ...] = tuple(Status)
NO_ENTRY = len(STATUS_CODES)
NO_KEY = NO_ENTRY + 1


@dataclass(frozen=True)
class ArticleMarks:
    marks: TokenMarks
    share: KnownShare


def article_marks(
    keys: ArticleKeys,
    status_of: Mapping[LemmaKey, Status | None] | SavedEntries,
    overrides: Mapping[int, LemmaKey | None],
    *,
    highlight_unsaved: bool,
) -> ArticleMarks:
    """The marks and the known share of an article, from its keys and the saved entries.

    ``overrides``: the key of the reading shown where the learner chose one
    (None: a chosen reading without a key). One status look-up per distinct
    lemma, one array look-up for the tokens; the share is counted per lemma.
    """
    import numpy as np

    def code(key: LemmaKey | None) -> int:
        if key is None:
            return NO_KEY
        status = (
            status_of.status(key) if isinstance(status_of, SavedEntries) else status_of.get(key)
        )
        return NO_ENTRY if status is None else STATUS_CODES.index(status)

    names: list[str | None] = [status.value for status in STATUS_CODES]
    names += [UNSAVED if highlight_unsaved else None, None]  # NO_ENTRY, NO_KEY
    formats: list[QTextCharFormat | None] = [None]  # mark number 0: no mark
    mark_of_status = np.zeros(len(names), dtype=np.int8)
    for status_code, name in enumerate(names):
        char_format = mark_format(name) if name is not None else None
        if char_format is not None:
            mark_of_status[status_code] = len(formats)
            formats.append(char_format)
    status_of_key = np.array([code(key) for key in keys.keys] + [NO_KEY], dtype=np.int8)
    mark_of_token = mark_of_status[status_of_key][keys.key_of_token]
    tokens_of_status = np.bincount(
        status_of_key, weights=keys.tokens_per_key, minlength=len(names)
    ).astype(np.int64)
    for index, key in overrides.items():  # the few words whose reading was chosen
        before, after = int(status_of_key[keys.key_of_token[index]]), code(key)
        tokens_of_status[before] -= 1
        tokens_of_status[after] += 1
        mark_of_token[index] = mark_of_status[after]
    known = int(tokens_of_status[STATUS_CODES.index(Status.KNOWN)])
    ignored = int(tokens_of_status[STATUS_CODES.index(Status.IGNORED)])
    return ArticleMarks(
        TokenMarks(mark_of_token, tuple(formats)), KnownShare(known, keys.arabic - ignored)
    )


class TokenMarks(Mapping[int, QTextCharFormat]):
    """Token index -> its mark's format, for tokens that show one: an array, not a dict.

    A dict of 4M marked words costs seconds to build and to compare; this is
    built with array operations, and :meth:`changed_since` compares two in milliseconds.
    """

    def __init__(self, mark_of_token: np.ndarray, formats: tuple[QTextCharFormat | None, ...]):
        self.mark_of_token = mark_of_token  # 0: no mark, else an index into formats
        self.formats = formats

    def get(self, index: int, default: QTextCharFormat | None = None) -> QTextCharFormat | None:
        if 0 <= index < len(self.mark_of_token):
            return self.formats[self.mark_of_token[index]] or default
        return default

    def __getitem__(self, index: int) -> QTextCharFormat:
        found = self.get(index)
        if found is None:
            raise KeyError(index)
        return found

    def __contains__(self, index: object) -> bool:
        return isinstance(index, int) and self.get(index) is not None

    def __iter__(self) -> Iterator[int]:
        import numpy as np

        return iter(np.flatnonzero(self.mark_of_token).tolist())

    def __len__(self) -> int:
        import numpy as np

        return int(np.count_nonzero(self.mark_of_token))

    def changed_since(self, old: Mapping[int, QTextCharFormat]) -> np.ndarray:
        """The tokens whose mark differs from ``old``'s, in order."""
        import numpy as np

        mine = self.mark_of_token
        if isinstance(old, TokenMarks) and len(old.mark_of_token) == len(mine):
            if old.formats == self.formats:  # the same shared formats: compare the numbers
                return np.flatnonzero(old.mark_of_token != mine)
            before = np.array([0] + [self._number(f) for f in old.formats[1:]], dtype=np.int8)
            return np.flatnonzero(before[old.mark_of_token] != mine)
        # A dict (a short article's, or none yet): its few words, and every marked one here.
        changed = mine != 0
        for index, mark in old.items():
            if 0 <= index < len(mine):
                changed[index] = self.get(index) != mark
        return np.flatnonzero(changed)

    def _number(self, char_format: QTextCharFormat | None) -> int:
        """The mark number of a format of another TokenMarks in this one (-1: none here)."""
        for number, mine in enumerate(self.formats):
            if mine is char_format or (mine is not None and mine == char_format):
                return number
        return -1
