"""Looking words up: by id, by lemma, for a whole article, or by search and filters."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import exists, func, or_, select
from sqlalchemy.orm import selectinload

from reader.store.database import Store
from reader.store.models import Occurrence, Status, Tag, VocabularyEntry, entry_tags
from reader.store.records import EntryRecord, LemmaKey, OccurrenceRecord
from reader.store.vocabulary import (
    EntryOrder,
    _entry,
    _record,
    _with_counts,
    normalise_tag,
)
from reader.text.arabic import strip_diacritics


def all_tags(store: Store) -> list[str]:
    """Every tag in use, alphabetically (for completion and the filter menu)."""
    with store.reading() as session:
        return list(session.scalars(select(Tag.name).order_by(Tag.name)))


def get_entry(store: Store, entry_id: int) -> EntryRecord:
    with store.reading() as session:
        return _record(session, _entry(session, entry_id))


def _entries_where_in(store: Store, column: Any, values: list[Any]) -> list[EntryRecord]:
    """The entries whose ``column`` is one of ``values``, in one read transaction."""
    found: list[EntryRecord] = []
    with store.reading() as session:
        # Chunked so that a long article stays under SQLite's bound-parameter limit.
        for first in range(0, len(values), 500):
            chunk = values[first : first + 500]
            rows = session.execute(_with_counts().where(column.in_(chunk))).all()
            found.extend(EntryRecord.of(row, count) for row, count in rows)
    return found


def entries_by_id(store: Store, entry_ids: Iterable[int]) -> dict[int, EntryRecord]:
    """The entries among ``entry_ids`` that still exist, in one pass (a deleted one is absent)."""
    found = _entries_where_in(store, VocabularyEntry.id, sorted(set(entry_ids)))
    return {entry.id: entry for entry in found}


def find_entry(store: Store, lex: str, pos: str) -> EntryRecord | None:
    found = entries_for_lemmas(store, [(lex, pos)])
    return found.get((lex, pos))


def entries_for_lemmas(store: Store, keys: Iterable[LemmaKey]) -> dict[LemmaKey, EntryRecord]:
    """The saved entries among ``keys``, in one pass: for marking a whole article."""
    wanted = set(keys)
    lexes = sorted({lex for lex, _pos in wanted})
    found = _entries_where_in(store, VocabularyEntry.lex, lexes)
    return {entry.key: entry for entry in found if entry.key in wanted}


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def list_entries(
    store: Store,
    *,
    search: str | None = None,
    status: Status | str | Iterable[Status | str] | None = None,
    tag: str | None = None,
    document_id: int | None = None,
    root: str | None = None,
    order_by: EntryOrder | str = EntryOrder.LEMMA,
    limit: int | None = None,
    offset: int = 0,
) -> list[EntryRecord]:
    """Entries matching every given filter.

    ``search`` matches the lemma or any seen form, with or without vowels, and
    the glosses and notes (case-insensitively for English). ``root`` may be
    written with or without the dots camel-tools puts between radicals.
    """
    stmt = _with_counts()
    if search and search.strip():
        plain = _like(strip_diacritics(search.strip()))
        words = _like(search.strip())
        seen_as = exists().where(
            Occurrence.entry_id == VocabularyEntry.id,
            Occurrence.surface_plain.like(plain, escape="\\"),
        )
        stmt = stmt.where(
            or_(
                VocabularyEntry.lemma_plain.like(plain, escape="\\"),
                seen_as,
                VocabularyEntry.dictionary_gloss.like(words, escape="\\"),
                VocabularyEntry.user_gloss.like(words, escape="\\"),
                VocabularyEntry.notes.like(words, escape="\\"),
            )
        )
    if status is not None:
        statuses = [status] if isinstance(status, str) else list(status)
        stmt = stmt.where(VocabularyEntry.status.in_([Status(s).value for s in statuses]))
    if tag is not None:
        stmt = stmt.where(
            exists().where(
                entry_tags.c.entry_id == VocabularyEntry.id,
                entry_tags.c.tag_id == Tag.id,
                Tag.name == normalise_tag(tag),
            )
        )
    if document_id is not None:
        stmt = stmt.where(
            exists().where(
                Occurrence.entry_id == VocabularyEntry.id, Occurrence.document_id == document_id
            )
        )
    if root:
        radicals = strip_diacritics(root).replace(".", "").replace(" ", "")
        stmt = stmt.where(func.replace(VocabularyEntry.root, ".", "") == radicals)
    order = EntryOrder(order_by)
    if order is EntryOrder.LEMMA:
        stmt = stmt.order_by(VocabularyEntry.lemma_plain, VocabularyEntry.lemma, VocabularyEntry.id)
    elif order is EntryOrder.RECENTLY_UPDATED:
        stmt = stmt.order_by(VocabularyEntry.updated_at.desc(), VocabularyEntry.id.desc())
    else:
        stmt = stmt.order_by(VocabularyEntry.created_at.desc(), VocabularyEntry.id.desc())
    if limit is not None:
        stmt = stmt.limit(limit)
    if offset:
        stmt = stmt.offset(offset)
    with store.reading() as session:
        return [EntryRecord.of(row, count) for row, count in session.execute(stmt).all()]


def occurrences(store: Store, entry_id: int) -> list[OccurrenceRecord]:
    """Where the word was met, oldest first."""
    return _occurrences(
        store, Occurrence.entry_id == entry_id, (Occurrence.created_at, Occurrence.id)
    )


def saved_readings(store: Store, document_id: int) -> dict[int, LemmaKey]:
    """Where words of one document were saved, and as which lemma: start offset -> (lex, pos).

    One query, however many words were saved: the window restores from it the
    reading each word was saved in. Where the same place was saved under two
    lemmas (the learner changed the reading and saved again), the later save wins.
    """
    with store.reading() as session:
        rows = session.execute(
            select(Occurrence.start, VocabularyEntry.lex, VocabularyEntry.pos)
            .join(VocabularyEntry, Occurrence.entry_id == VocabularyEntry.id)
            .where(Occurrence.document_id == document_id)
            .order_by(Occurrence.start, Occurrence.id)
        )
        return {start: (lex, pos) for start, lex, pos in rows}


def occurrences_in_document(store: Store, document_id: int) -> list[OccurrenceRecord]:
    """Every saved occurrence in one document, in text order (to mark them)."""
    return _occurrences(
        store, Occurrence.document_id == document_id, (Occurrence.start, Occurrence.id)
    )


def _occurrences(store: Store, where: Any, order: tuple[Any, ...]) -> list[OccurrenceRecord]:
    with store.reading() as session:
        rows = session.scalars(
            select(Occurrence)
            .where(where)
            .options(selectinload(Occurrence.document))
            .order_by(*order)
        )
        return [OccurrenceRecord.of(row) for row in rows]
