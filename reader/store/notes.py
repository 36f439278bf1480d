"""The learner's notes on a document, free-standing or anchored to a span of its text."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from reader.store.database import Store
from reader.store.errors import NotFoundError
from reader.store.models import Document, DocumentNote
from reader.store.records import Change, NoteRecord, utc_now


def _changed(document_id: int) -> Change:
    return Change(notes=True, document_ids=frozenset({document_id}))


def _note(session: Session, note_id: int) -> DocumentNote:
    row = session.get(DocumentNote, note_id)
    if row is None:
        raise NotFoundError(f"Note {note_id} is not in the vocabulary file.")
    return row


def _check_anchor(start: int | None, end: int | None, anchor_text: str | None) -> None:
    if (start is None) != (end is None):
        raise ValueError("An anchored note needs both a start and an end offset.")
    if start is None and anchor_text is not None:
        raise ValueError("Anchor text belongs to an anchored note; give its offsets too.")
    if start is not None and end is not None and not 0 <= start <= end:
        raise ValueError(f"Offsets {start}..{end} do not make a span.")


def add_note(
    store: Store,
    document_id: int,
    text: str,
    *,
    start: int | None = None,
    end: int | None = None,
    anchor_text: str | None = None,
) -> tuple[NoteRecord, Change]:
    """Add a note; with ``start``/``end`` it is anchored to that span of the text.

    ``anchor_text`` (the span's text when the note was made) lets the window
    re-find the anchor should the document's text ever shift.
    """
    _check_anchor(start, end, anchor_text)
    now = utc_now()
    with store.writing() as session:
        if session.get(Document, document_id) is None:
            raise NotFoundError(f"Document {document_id} is not in the vocabulary file.")
        row = DocumentNote(
            document_id=document_id,
            text=text,
            start=start,
            end=end,
            anchor_text=anchor_text,
            created_at=now,
            updated_at=now,
        )
        session.add(row)
        session.flush()
        return NoteRecord.of(row), _changed(document_id)


def update_note(store: Store, note_id: int, text: str) -> tuple[NoteRecord, Change]:
    """Change a note's text; its anchor stays where it is."""
    with store.writing() as session:
        row = _note(session, note_id)
        if row.text == text:
            return NoteRecord.of(row), Change()
        row.text = text
        row.updated_at = utc_now()
        session.flush()
        return NoteRecord.of(row), _changed(row.document_id)


def delete_note(store: Store, note_id: int) -> tuple[NoteRecord, Change]:
    """Delete a note; the returned record can be handed to :func:`restore_note` (undo)."""
    with store.writing() as session:
        row = _note(session, note_id)
        record = NoteRecord.of(row)
        session.delete(row)
    return record, _changed(record.document_id)


def restore_note(store: Store, note: NoteRecord) -> tuple[NoteRecord, Change]:
    """Put a deleted note back with its id (ids are never reused, so it is free)."""
    with store.writing() as session:
        if session.get(Document, note.document_id) is None:
            raise NotFoundError(f"Document {note.document_id} is not in the vocabulary file.")
        row = session.get(DocumentNote, note.id)
        if row is None:
            row = DocumentNote(
                id=note.id,
                document_id=note.document_id,
                text=note.text,
                start=note.start,
                end=note.end,
                anchor_text=note.anchor_text,
                created_at=note.created_at.replace(tzinfo=None),
                updated_at=note.updated_at.replace(tzinfo=None),
            )
            session.add(row)
            session.flush()
        return NoteRecord.of(row), _changed(note.document_id)


def notes_for_document(store: Store, document_id: int) -> list[NoteRecord]:
    """Anchored notes in text order, then free-standing ones oldest first."""
    with store.reading() as session:
        rows = session.scalars(
            select(DocumentNote)
            .where(DocumentNote.document_id == document_id)
            .order_by(
                DocumentNote.start.is_(None),
                DocumentNote.start,
                DocumentNote.created_at,
                DocumentNote.id,
            )
        )
        return [NoteRecord.of(row) for row in rows]
