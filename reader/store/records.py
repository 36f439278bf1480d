"""What operations hand back: frozen, session-free snapshots, plus what changed.

Records are safe to keep, compare and pass across threads; they never lazy-load.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from reader.store.status import Status

if TYPE_CHECKING:  # the rows are only read here: no SQLAlchemy import for the window
    from reader.store.models import Document, DocumentNote, Occurrence, VocabularyEntry

LemmaKey = tuple[str, str]  # (lex, pos), exactly as camel-tools gives them

# A name of several words (الولايات المتحدة) is saved as one proper noun.
NAME_POS = "noun_prop"


def name_key(arabic: str) -> LemmaKey:
    """The key of a name of several words: its words without vowel marks or tatweel,
    one space between them, as a proper noun.

    It never collides with a single word's: camel-tools' lex is one word (its
    database separates features by spaces), and this one always holds a space.
    """
    from reader.text.arabic import strip_diacritics  # not at start-up: it imports reader.text

    words = strip_diacritics(arabic).split()
    if len(words) < 2:
        raise ValueError(f"A name of several words needs two words or more, not {arabic!r}.")
    return (" ".join(words), NAME_POS)


def is_name_key(key: LemmaKey) -> bool:
    """Whether an entry's key is a name of several words' (:func:`name_key`)."""
    return " " in key[0]


@dataclass(frozen=True)
class Change:
    """Which kinds of data an operation changed, so each view can decide to refresh.

    Empty (falsy) when the operation turned out to be a no-op, e.g. saving an
    occurrence that was already saved.

    ``initiator`` says who asked for the change (Anki's ``CollectionOp``
    initiator): whatever the caller handed to the window's hub with the
    operation, usually the view itself, or None when no one in particular (the
    CLI, the window opening the vocabulary). A view that already shows its own
    edit can skip the echo (``change.initiator is self``). The store never sets
    it, and it takes no part in comparisons: two changes of the same data are
    equal whoever asked.
    """

    vocabulary: bool = False
    notes: bool = False
    documents: bool = False
    entry_ids: frozenset[int] = field(default_factory=frozenset)
    document_ids: frozenset[int] = field(default_factory=frozenset)
    initiator: object | None = field(default=None, compare=False)

    def __bool__(self) -> bool:
        return self.vocabulary or self.notes or self.documents

    def __or__(self, other: Change) -> Change:
        return Change(
            vocabulary=self.vocabulary or other.vocabulary,
            notes=self.notes or other.notes,
            documents=self.documents or other.documents,
            entry_ids=self.entry_ids | other.entry_ids,
            document_ids=self.document_ids | other.document_ids,
            initiator=self.initiator if self.initiator is not None else other.initiator,
        )

    def by(self, initiator: object | None) -> Change:
        """This change, said to have been asked for by ``initiator``."""
        return replace(self, initiator=initiator)


NO_CHANGE = Change()


def _utc(moment: datetime) -> datetime:
    # SQLite keeps naive datetimes; everything we write is UTC.
    return moment.replace(tzinfo=UTC)


def utc_now() -> datetime:
    """The current time as stored: naive UTC."""
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class DocumentRecord:
    id: int
    title: str
    fingerprint: str
    path: str | None
    text_length: int
    reading_position: int
    added_at: datetime
    last_opened_at: datetime

    @classmethod
    def of(cls, row: Document) -> DocumentRecord:
        return cls(
            id=row.id,
            title=row.title,
            fingerprint=row.fingerprint,
            path=row.path,
            text_length=row.text_length,
            reading_position=row.reading_position,
            added_at=_utc(row.added_at),
            last_opened_at=_utc(row.last_opened_at),
        )


@dataclass(frozen=True)
class EntryRecord:
    id: int
    lex: str
    pos: str
    lemma: str
    root: str
    pos_label: str
    dictionary_gloss: str
    user_gloss: str | None
    status: Status
    tags: tuple[str, ...]
    notes: str
    created_at: datetime
    updated_at: datetime
    occurrence_count: int
    # A name of several words: its words that stand for it alone, search-folded
    # (كيري for جون كيري); see reader.reading.article_keys.
    name_words: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[str, str]:
        return (self.lex, self.pos)

    @property
    def gloss(self) -> str:
        """The gloss to show: the learner's own wins over the dictionary's."""
        return self.user_gloss if self.user_gloss else self.dictionary_gloss

    @classmethod
    def of(
        cls, row: VocabularyEntry, occurrence_count: int, tags: Iterable[str] | None = None
    ) -> EntryRecord:
        """``row``: an ORM entry, or a plain row of its columns with its ``tags`` given."""
        return cls(
            id=row.id,
            lex=row.lex,
            pos=row.pos,
            lemma=row.lemma,
            root=row.root,
            pos_label=row.pos_label,
            dictionary_gloss=row.dictionary_gloss,
            user_gloss=row.user_gloss,
            status=Status(row.status),
            tags=tuple(tag.name for tag in row.tags) if tags is None else tuple(tags),
            notes=row.notes,
            created_at=_utc(row.created_at),
            updated_at=_utc(row.updated_at),
            occurrence_count=occurrence_count,
            name_words=tuple(row.name_words.split()),
        )


@dataclass(frozen=True)
class OccurrenceRecord:
    id: int
    entry_id: int
    document_id: int
    document_title: str
    surface: str
    sentence: str
    start: int
    end: int
    created_at: datetime
    vocalised: str = ""  # as the learner saw it said there ("": saved before it was kept)

    @classmethod
    def of(cls, row: Occurrence, document_title: str | None = None) -> OccurrenceRecord:
        """``row``: an ORM occurrence, or a plain row of its columns with the title given."""
        return cls(
            id=row.id,
            entry_id=row.entry_id,
            document_id=row.document_id,
            document_title=row.document.title if document_title is None else document_title,
            surface=row.surface,
            sentence=row.sentence,
            start=row.start,
            end=row.end,
            created_at=_utc(row.created_at),
            vocalised=row.vocalised,
        )


@dataclass(frozen=True)
class DeletedEntry:
    """Everything :func:`delete_entry` removed, for :func:`restore_entry` (undo)."""

    entry: EntryRecord
    occurrences: tuple[OccurrenceRecord, ...]


@dataclass(frozen=True)
class NoteRecord:
    id: int
    document_id: int
    text: str
    start: int | None
    end: int | None
    anchor_text: str | None
    created_at: datetime
    updated_at: datetime

    @property
    def anchored(self) -> bool:
        return self.start is not None

    @classmethod
    def of(cls, row: DocumentNote) -> NoteRecord:
        return cls(
            id=row.id,
            document_id=row.document_id,
            text=row.text,
            start=row.start,
            end=row.end,
            anchor_text=row.anchor_text,
            created_at=_utc(row.created_at),
            updated_at=_utc(row.updated_at),
        )
