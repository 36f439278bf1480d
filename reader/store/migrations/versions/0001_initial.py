"""Initial schema: documents, vocabulary, occurrences.

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("path", sa.String(), nullable=True),
        sa.Column("text_length", sa.Integer(), server_default="0", nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("last_opened_at", sa.DateTime(), nullable=False),
        sa.Column("reading_position", sa.Integer(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("fingerprint", name=op.f("uq_documents_fingerprint")),
    )
    op.create_index(
        op.f("ix_documents_last_opened_at"), "documents", ["last_opened_at"], unique=False
    )

    op.create_table(
        "vocabulary",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("lex", sa.String(), nullable=False),
        sa.Column("pos", sa.String(), nullable=False),
        sa.Column("lemma", sa.String(), nullable=False),
        sa.Column("root", sa.String(), server_default="", nullable=False),
        sa.Column("pos_label", sa.String(), server_default="", nullable=False),
        sa.Column("dictionary_gloss", sa.Text(), server_default="", nullable=False),
        sa.Column("status", sa.String(length=16), server_default="learning", nullable=False),
        sa.Column("notes", sa.Text(), server_default="", nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "status IN ('new', 'learning', 'known', 'ignored')",
            name=op.f("ck_vocabulary_status_known"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vocabulary")),
        sa.UniqueConstraint("lex", "pos", name=op.f("uq_vocabulary_lex_pos")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_vocabulary_root"), "vocabulary", ["root"], unique=False)
    op.create_index(op.f("ix_vocabulary_status"), "vocabulary", ["status"], unique=False)

    op.create_table(
        "occurrences",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("surface", sa.String(), nullable=False),
        sa.Column("sentence", sa.Text(), server_default="", nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            'start >= 0 AND "end" >= start', name=op.f("ck_occurrences_span_ordered")
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_occurrences_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["vocabulary.id"],
            name=op.f("fk_occurrences_entry_id_vocabulary"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_occurrences")),
        sa.UniqueConstraint(
            "entry_id",
            "document_id",
            "start",
            name=op.f("uq_occurrences_entry_id_document_id_start"),
        ),
        sqlite_autoincrement=True,
    )
    op.create_index(
        op.f("ix_occurrences_document_id"), "occurrences", ["document_id"], unique=False
    )
    op.create_index(op.f("ix_occurrences_entry_id"), "occurrences", ["entry_id"], unique=False)


def downgrade() -> None:
    op.drop_table("occurrences")
    op.drop_table("vocabulary")
    op.drop_table("documents")
