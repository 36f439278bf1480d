"""Saved words: one entry per lemma (lex, pos), with every place the learner met it."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from sqlalchemy import ScalarSelect, delete, exists, func, select
from sqlalchemy.orm import Session

from reader.store.database import Store
from reader.store.errors import NotFoundError
from reader.store.models import Document, Occurrence, Status, Tag, VocabularyEntry, entry_tags
from reader.store.records import (
    Change,
    DeletedEntry,
    EntryRecord,
    OccurrenceRecord,
    utc_now,
)
from reader.store.search import search_form
from reader.text.arabic import strip_diacritics


class EntryOrder(StrEnum):
    LEMMA = "lemma"  # alphabetical, ignoring vowels
    RECENTLY_UPDATED = "updated"
    RECENTLY_ADDED = "created"


def normalise_tag(tag: str) -> str:
    """Tags are single words (Anki's rule too): inner whitespace becomes '_'."""
    return "_".join(tag.split())


def _name_words(words: Iterable[str]) -> str:
    """The column's form of a name's words: folded for search, each once, in order."""
    return " ".join(dict.fromkeys(form for word in words if (form := search_form(word))))


def _changed(*entry_ids: int) -> Change:
    return Change(vocabulary=True, entry_ids=frozenset(entry_ids))


def _entry(session: Session, entry_id: int) -> VocabularyEntry:
    row = session.get(VocabularyEntry, entry_id)
    if row is None:
        raise NotFoundError(f"Vocabulary entry {entry_id} is not in the vocabulary file.")
    return row


def _record(session: Session, row: VocabularyEntry) -> EntryRecord:
    session.flush()
    count = session.scalar(select(func.count(Occurrence.id)).where(Occurrence.entry_id == row.id))
    return EntryRecord.of(row, count or 0)


def occurrence_count() -> ScalarSelect[int]:
    """How many times the entry of the enclosing query was met: one look-up in the
    occurrences' entry index per row read, not a count over every occurrence."""
    return (
        select(func.count(Occurrence.id))
        .where(Occurrence.entry_id == VocabularyEntry.id)
        .correlate(VocabularyEntry)
        .scalar_subquery()
    )


def _tags_named(session: Session, names: Iterable[str]) -> list[Tag]:
    wanted: dict[str, str] = {}
    for name in map(normalise_tag, names):
        if name:
            wanted.setdefault(name.casefold(), name)
    if not wanted:
        return []
    existing = {
        tag.name.casefold(): tag
        for tag in session.scalars(select(Tag).where(Tag.name.in_(list(wanted.values()))))
    }
    tags = []
    for folded, name in wanted.items():
        tag = existing.get(folded)
        if tag is None:
            tag = Tag(name=name)
            session.add(tag)
        tags.append(tag)
    return tags


def _drop_unused_tags(session: Session) -> None:
    session.flush()
    session.execute(delete(Tag).where(~exists().where(entry_tags.c.tag_id == Tag.id)))


def save_word(
    store: Store,
    *,
    lex: str,
    pos: str,
    lemma: str,
    root: str = "",
    pos_label: str = "",
    dictionary_gloss: str = "",
    surface: str | None = None,
    sentence: str = "",
    document_id: int | None = None,
    start: int | None = None,
    end: int | None = None,
    status: Status | str = Status.LEARNING,
    status_override: Status | str | None = None,
    user_gloss: str | None = None,
    name_words: Iterable[str] | None = None,
    vocalised: str = "",
) -> tuple[EntryRecord, Change]:
    """Save a word the learner met, creating its entry on first sight.

    Idempotent: saving the same occurrence (entry, document, start) again changes
    nothing and returns an empty Change. A new place adds an occurrence to the
    existing entry. ``status`` applies only to a new entry; an existing one keeps
    its status unless ``status_override`` is given, which applies either way.
    ``user_gloss``, if given, becomes the learner's gloss (blank clears it, as
    :func:`set_user_gloss`); otherwise the learner's gloss, notes and tags are
    never touched here. Both are applied in the same transaction as the save.
    ``name_words``, if given, become the words that stand for this name alone
    (decided by :mod:`reader.reading.article_keys`), replacing those it had.
    ``vocalised``: the word as the learner saw it said there (kept with a new
    occurrence; the Anki card's Word where the lemma has no vowels).

    The lemma, root and part-of-speech label follow the latest analysis. The
    dictionary gloss is the entry's first non-empty one: forms of one lemma may
    come with different glosses, and the word should not change its meaning with
    whichever form was saved last (the learner's own gloss is the way to change it).
    Without ``document_id`` only the entry is saved (e.g. from a lookup).
    """
    if not lex or not pos:
        raise ValueError("A word needs both its lex and its part-of-speech tag.")
    status = Status(status_override if status_override is not None else status)
    gloss_given = user_gloss is not None
    user_gloss = (user_gloss or "").strip() or None
    words = None if name_words is None else _name_words(name_words)
    if document_id is not None:
        if surface is None or start is None or end is None:
            raise ValueError("An occurrence needs its surface form and start and end offsets.")
        if not 0 <= start <= end:
            raise ValueError(f"Offsets {start}..{end} do not make a span.")
    now = utc_now()
    changed = False
    with store.writing() as session:
        row = session.scalars(
            select(VocabularyEntry).where(VocabularyEntry.lex == lex, VocabularyEntry.pos == pos)
        ).first()
        if row is None:
            row = VocabularyEntry(
                lex=lex,
                pos=pos,
                lemma=lemma or lex,
                lemma_plain=strip_diacritics(lemma or lex),
                lemma_search=search_form(lemma or lex),
                name_words=words or "",
                root=root,
                pos_label=pos_label,
                dictionary_gloss=dictionary_gloss,
                user_gloss=user_gloss,
                status=status.value,
                notes="",
                created_at=now,
                updated_at=now,
            )
            session.add(row)
            changed = True
        else:
            updates: dict[str, object] = {"lemma": lemma, "root": root, "pos_label": pos_label}
            if not row.dictionary_gloss:
                updates["dictionary_gloss"] = dictionary_gloss
            for field, value in updates.items():
                if value and getattr(row, field) != value:
                    setattr(row, field, value)
                    changed = True
            if status_override is not None and row.status != status.value:
                row.status = status.value
                changed = True
            if gloss_given and row.user_gloss != user_gloss:
                row.user_gloss = user_gloss
                changed = True
            if words is not None and row.name_words != words:
                row.name_words = words
                changed = True
            if changed:
                row.lemma_plain = strip_diacritics(row.lemma)
                row.lemma_search = search_form(row.lemma)
                row.updated_at = now
        session.flush()
        if document_id is not None:
            if session.get(Document, document_id) is None:
                raise NotFoundError(f"Document {document_id} is not in the vocabulary file.")
            known = session.scalars(
                select(Occurrence.id).where(
                    Occurrence.entry_id == row.id,
                    Occurrence.document_id == document_id,
                    Occurrence.start == start,
                )
            ).first()
            if known is None:
                session.add(
                    Occurrence(
                        entry_id=row.id,
                        document_id=document_id,
                        surface=surface,
                        surface_plain=strip_diacritics(surface or ""),
                        surface_search=search_form(surface or ""),
                        vocalised=vocalised,
                        sentence=sentence,
                        start=start,
                        end=end,
                        created_at=now,
                    )
                )
                row.updated_at = now
                changed = True
        record = _record(session, row)
    return record, (_changed(record.id) if changed else Change())


def _edit(store: Store, entry_id: int, field: str, value: object) -> tuple[EntryRecord, Change]:
    with store.writing() as session:
        row = _entry(session, entry_id)
        if getattr(row, field) == value:
            return _record(session, row), Change()
        setattr(row, field, value)
        row.updated_at = utc_now()
        return _record(session, row), _changed(entry_id)


def set_status(store: Store, entry_id: int, status: Status | str) -> tuple[EntryRecord, Change]:
    return _edit(store, entry_id, "status", Status(status).value)


def set_user_gloss(store: Store, entry_id: int, gloss: str | None) -> tuple[EntryRecord, Change]:
    """The learner's gloss, shown instead of the dictionary's; blank or None clears it."""
    gloss = gloss.strip() if gloss is not None else None
    return _edit(store, entry_id, "user_gloss", gloss or None)


def set_notes(store: Store, entry_id: int, text: str) -> tuple[EntryRecord, Change]:
    return _edit(store, entry_id, "notes", text)


def set_tags(store: Store, entry_id: int, tags: Iterable[str]) -> tuple[EntryRecord, Change]:
    """Replace the entry's tags. Tags are case-insensitive and have no spaces."""
    with store.writing() as session:
        row = _entry(session, entry_id)
        new_tags = _tags_named(session, tags)
        if {t.name.casefold() for t in new_tags} == {t.name.casefold() for t in row.tags}:
            return _record(session, row), Change()
        row.tags = new_tags
        row.updated_at = utc_now()
        _drop_unused_tags(session)
        session.refresh(row, ["tags"])  # back in the relationship's name order
        return _record(session, row), _changed(entry_id)


def delete_entry(store: Store, entry_id: int) -> tuple[DeletedEntry, Change]:
    """Delete an entry and its occurrences; keep the result to undo with restore_entry."""
    with store.writing() as session:
        row = _entry(session, entry_id)
        deleted = DeletedEntry(
            entry=_record(session, row),
            occurrences=tuple(OccurrenceRecord.of(occurrence) for occurrence in row.occurrences),
        )
        # The database cascades to occurrences and tag links.
        session.delete(row)
        _drop_unused_tags(session)
    return deleted, _changed(entry_id)


def restore_entry(store: Store, deleted: DeletedEntry) -> tuple[EntryRecord, Change]:
    """Undo :func:`delete_entry` in one transaction: the entry, its id and occurrences return.

    If the word was saved again in the meantime, the old occurrences, tags, gloss
    and notes are merged into that newer entry instead, and the newer entry keeps
    its status: it is the learner's latest choice. The returned record then has
    the newer entry's id, never the deleted one (ids are not reused), which is
    how a caller tells a merge from a plain restore. Occurrences in documents
    forgotten since are skipped.
    """
    old = deleted.entry
    with store.writing() as session:
        row = session.scalars(
            select(VocabularyEntry).where(
                VocabularyEntry.lex == old.lex, VocabularyEntry.pos == old.pos
            )
        ).first()
        if row is None:
            row = VocabularyEntry(
                id=old.id,
                lex=old.lex,
                pos=old.pos,
                lemma=old.lemma,
                lemma_plain=strip_diacritics(old.lemma),
                lemma_search=search_form(old.lemma),
                name_words=" ".join(old.name_words),
                root=old.root,
                pos_label=old.pos_label,
                dictionary_gloss=old.dictionary_gloss,
                user_gloss=old.user_gloss,
                status=old.status.value,
                notes=old.notes,
                created_at=old.created_at.replace(tzinfo=None),
                updated_at=utc_now(),
                tags=_tags_named(session, old.tags),
            )
            session.add(row)
        else:
            row.user_gloss = row.user_gloss or old.user_gloss
            row.notes = row.notes or old.notes
            row.name_words = row.name_words or " ".join(old.name_words)
            row.tags = _tags_named(session, [*(t.name for t in row.tags), *old.tags])
            row.updated_at = utc_now()
        session.flush()
        for occurrence in deleted.occurrences:
            if session.get(Document, occurrence.document_id) is None:
                continue
            duplicate = session.scalars(
                select(Occurrence.id).where(
                    Occurrence.entry_id == row.id,
                    Occurrence.document_id == occurrence.document_id,
                    Occurrence.start == occurrence.start,
                )
            ).first()
            if duplicate is not None:
                continue
            session.add(
                Occurrence(
                    id=occurrence.id if session.get(Occurrence, occurrence.id) is None else None,
                    entry_id=row.id,
                    document_id=occurrence.document_id,
                    surface=occurrence.surface,
                    surface_plain=strip_diacritics(occurrence.surface),
                    surface_search=search_form(occurrence.surface),
                    vocalised=occurrence.vocalised,
                    sentence=occurrence.sentence,
                    start=occurrence.start,
                    end=occurrence.end,
                    created_at=occurrence.created_at.replace(tzinfo=None),
                )
            )
        session.flush()
        session.refresh(row, ["tags"])
        record = _record(session, row)
    return record, _changed(old.id, record.id)
