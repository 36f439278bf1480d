"""Documents the learner has opened: identity by text fingerprint, reading position."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from reader.store.database import Store
from reader.store.errors import NotFoundError
from reader.store.models import Document, Occurrence
from reader.store.records import Change, DocumentRecord, utc_now


def _document(session: Session, document_id: int) -> Document:
    row = session.get(Document, document_id)
    if row is None:
        raise NotFoundError(f"Document {document_id} is not in the vocabulary file.")
    return row


def remember_document(
    store: Store,
    *,
    title: str,
    fingerprint: str,
    path: Path | str | None = None,
    text_length: int = 0,
) -> tuple[DocumentRecord, Change]:
    """Record that a document was opened (now); create it on first sight.

    ``fingerprint`` is :func:`reader.store.fingerprint_text` of the shown text.
    An already known document keeps its id, notes, words and reading position;
    its title and path become the latest ones seen (a pasted text has no path,
    which leaves the last known one in place).
    """
    now = utc_now()
    with store.writing() as session:
        row = session.scalars(select(Document).where(Document.fingerprint == fingerprint)).first()
        if row is None:
            row = Document(
                title=title,
                fingerprint=fingerprint,
                path=str(path) if path is not None else None,
                text_length=text_length,
                added_at=now,
                last_opened_at=now,
                reading_position=0,
            )
            session.add(row)
        else:
            row.title = title
            if path is not None:
                row.path = str(path)
            row.text_length = text_length
            row.last_opened_at = now
        session.flush()
        return DocumentRecord.of(row), Change(documents=True, document_ids=frozenset({row.id}))


def set_reading_position(
    store: Store, document_id: int, offset: int
) -> tuple[DocumentRecord, Change]:
    """Remember where the learner is in the document (a character offset)."""
    with store.writing() as session:
        row = _document(session, document_id)
        offset = max(0, offset)
        if row.text_length:
            offset = min(offset, row.text_length)
        if row.reading_position == offset:
            return DocumentRecord.of(row), Change()
        row.reading_position = offset
        return DocumentRecord.of(row), Change(documents=True, document_ids=frozenset({row.id}))


def get_document(store: Store, document_id: int) -> DocumentRecord:
    with store.reading() as session:
        return DocumentRecord.of(_document(session, document_id))


def find_document(store: Store, fingerprint: str) -> DocumentRecord | None:
    with store.reading() as session:
        row = session.scalars(select(Document).where(Document.fingerprint == fingerprint)).first()
        return DocumentRecord.of(row) if row is not None else None


def recent_documents(store: Store, limit: int = 20) -> list[DocumentRecord]:
    """Most recently opened first."""
    with store.reading() as session:
        rows = session.scalars(
            select(Document)
            .order_by(Document.last_opened_at.desc(), Document.id.desc())
            .limit(limit)
        )
        return [DocumentRecord.of(row) for row in rows]


def forget_document(store: Store, document_id: int) -> Change:
    """Remove a document with its notes and occurrences; the words themselves stay."""
    with store.writing() as session:
        row = _document(session, document_id)
        entry_ids = frozenset(
            session.scalars(
                select(Occurrence.entry_id).where(Occurrence.document_id == document_id)
            )
        )
        # The database cascades the delete to its occurrences and notes.
        session.delete(row)
        return Change(
            vocabulary=bool(entry_ids),
            notes=True,
            documents=True,
            entry_ids=entry_ids,
            document_ids=frozenset({document_id}),
        )
