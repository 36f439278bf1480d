"""The ORM tables, at the newest schema revision.

These classes never leave ``reader.store``: operations turn rows into the frozen
records of :mod:`reader.store.records` before the session closes, so the window
can hold them on any thread without lazy loads hitting a closed session.

Any change here needs a new Alembic revision in ``migrations/versions``; the test
``test_models_match_migrations`` fails when the two drift apart.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Defined apart, without SQLAlchemy (the window needs it before the store is open);
# re-exported here for the ORM's users.
from reader.store.status import STATUS_VALUES, Status  # noqa: F401

# Named constraints, so batch migrations (SQLite rebuilds tables to alter them)
# can find and drop a constraint by name.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String, nullable=False)
    # sha256 of the shown text: identity independent of where the text came from.
    fingerprint: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    path: Mapped[str | None] = mapped_column(String, nullable=True)
    text_length: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    added_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    last_opened_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, index=True)
    reading_position: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")


entry_tags = Table(
    "entry_tags",
    Base.metadata,
    Column(
        "entry_id",
        Integer,
        ForeignKey("vocabulary.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column(
        "tag_id",
        Integer,
        ForeignKey("tags.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
)


class Tag(Base):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # NOCASE: "Politics" and "politics" are one tag to a learner.
    name: Mapped[str] = mapped_column(String(collation="NOCASE"), nullable=False, unique=True)


class VocabularyEntry(Base):
    """One lemma the learner saved, keyed like camel-tools keys it: (lex, pos)."""

    __tablename__ = "vocabulary"
    __table_args__ = (
        UniqueConstraint("lex", "pos"),
        CheckConstraint("status IN ('new', 'learning', 'known', 'ignored')", name="status_known"),
        # AUTOINCREMENT: ids are never reused, so an id held by a view (or an undo
        # record) can never come to name a different word.
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    lex: Mapped[str] = mapped_column(String, nullable=False)
    pos: Mapped[str] = mapped_column(String, nullable=False)
    lemma: Mapped[str] = mapped_column(String, nullable=False)
    # Without vowels, for search; kept in step with ``lemma`` by every write.
    lemma_plain: Mapped[str] = mapped_column(String, nullable=False, server_default="", index=True)
    # Folded for search as learners type (reader.store.search); kept in step likewise.
    lemma_search: Mapped[str] = mapped_column(String, nullable=False, server_default="", index=True)
    # A name of several words: its words that stand for it alone (كيري for جون كيري),
    # search-folded, space-separated; decided by the reading core when it is saved.
    name_words: Mapped[str] = mapped_column(String, nullable=False, server_default="", index=True)
    root: Mapped[str] = mapped_column(String, nullable=False, server_default="", index=True)
    pos_label: Mapped[str] = mapped_column(String, nullable=False, server_default="")
    dictionary_gloss: Mapped[str] = mapped_column(Text, nullable=False, server_default="")
    user_gloss: Mapped[str | None] = mapped_column(Text, nullable=True)
    status: Mapped[str] = mapped_column(
        String(16), nullable=False, server_default=Status.LEARNING.value, index=True
    )
    notes: Mapped[str] = mapped_column(Text, nullable=False, server_default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)

    tags: Mapped[list[Tag]] = relationship(secondary=entry_tags, order_by=Tag.name)
    occurrences: Mapped[list[Occurrence]] = relationship(
        back_populates="entry",
        # Deleting an entry deletes its occurrences (the database cascades too).
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Occurrence.id",
    )


class Occurrence(Base):
    """Where the learner met a saved word: the form, its sentence, its offsets."""

    __tablename__ = "occurrences"
    __table_args__ = (
        UniqueConstraint("entry_id", "document_id", "start"),
        CheckConstraint('start >= 0 AND "end" >= start', name="span_ordered"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(
        ForeignKey("vocabulary.id", ondelete="CASCADE"), nullable=False, index=True
    )
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True
    )
    surface: Mapped[str] = mapped_column(String, nullable=False)
    surface_plain: Mapped[str] = mapped_column(
        String, nullable=False, server_default="", index=True
    )
    # Searched anywhere inside (LIKE '%...%'), which no index helps: none kept.
    surface_search: Mapped[str] = mapped_column(String, nullable=False, server_default="")
    # The word as the learner saw it said there, vocalised in its sentence ("" if unknown).
    vocalised: Mapped[str] = mapped_column(String, nullable=False, server_default="")
    sentence: Mapped[str] = mapped_column(Text, nullable=False, server_default="")
    start: Mapped[int] = mapped_column(Integer, nullable=False)
    end: Mapped[int] = mapped_column(Integer, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)

    entry: Mapped[VocabularyEntry] = relationship(back_populates="occurrences")
    document: Mapped[Document] = relationship()


class DocumentNote(Base):
    """A note on a document, either free-standing or anchored to a span of its text."""

    __tablename__ = "notes"
    __table_args__ = (
        CheckConstraint(
            '(start IS NULL AND "end" IS NULL AND anchor_text IS NULL) '
            'OR (start >= 0 AND "end" >= start)',
            name="anchor_complete",
        ),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True
    )
    text: Mapped[str] = mapped_column(Text, nullable=False)
    start: Mapped[int | None] = mapped_column(Integer, nullable=True)
    end: Mapped[int | None] = mapped_column(Integer, nullable=True)
    anchor_text: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
