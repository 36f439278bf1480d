"""The learner's own layer: user gloss, tags, document notes; accent-free search columns.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29

Existing rows are kept; their search columns are filled here.
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# A frozen copy of reader.text.arabic.strip_diacritics as of this revision: a
# migration must keep doing what it did even if the app's function changes later
# (tests/core/test_arabic_text.py checks that the two still agree).
_DIACRITICS = re.compile("[\u064b-\u0652\u0670\u0640]")


def _plain(text: str) -> str:
    return _DIACRITICS.sub("", text)


def upgrade() -> None:
    with op.batch_alter_table("vocabulary") as batch:
        batch.add_column(sa.Column("lemma_plain", sa.String(), server_default="", nullable=False))
        batch.add_column(sa.Column("user_gloss", sa.Text(), nullable=True))
        batch.create_index(batch.f("ix_vocabulary_lemma_plain"), ["lemma_plain"], unique=False)
    with op.batch_alter_table("occurrences") as batch:
        batch.add_column(sa.Column("surface_plain", sa.String(), server_default="", nullable=False))
        batch.create_index(batch.f("ix_occurrences_surface_plain"), ["surface_plain"])

    connection = op.get_bind()
    vocabulary = sa.table(
        "vocabulary", sa.column("id"), sa.column("lemma"), sa.column("lemma_plain")
    )
    for entry_id, lemma in connection.execute(sa.select(vocabulary.c.id, vocabulary.c.lemma)):
        connection.execute(
            vocabulary.update().where(vocabulary.c.id == entry_id).values(lemma_plain=_plain(lemma))
        )
    occurrences = sa.table(
        "occurrences", sa.column("id"), sa.column("surface"), sa.column("surface_plain")
    )
    rows = connection.execute(sa.select(occurrences.c.id, occurrences.c.surface)).all()
    for occurrence_id, surface in rows:
        connection.execute(
            occurrences.update()
            .where(occurrences.c.id == occurrence_id)
            .values(surface_plain=_plain(surface))
        )

    op.create_table(
        "tags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(collation="NOCASE"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tags")),
        sa.UniqueConstraint("name", name=op.f("uq_tags_name")),
    )
    op.create_table(
        "entry_tags",
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["vocabulary.id"],
            name=op.f("fk_entry_tags_entry_id_vocabulary"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tag_id"], ["tags.id"], name=op.f("fk_entry_tags_tag_id_tags"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("entry_id", "tag_id", name=op.f("pk_entry_tags")),
    )
    op.create_index(op.f("ix_entry_tags_tag_id"), "entry_tags", ["tag_id"], unique=False)

    op.create_table(
        "notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=True),
        sa.Column("end", sa.Integer(), nullable=True),
        sa.Column("anchor_text", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            '(start IS NULL AND "end" IS NULL AND anchor_text IS NULL) '
            'OR (start >= 0 AND "end" >= start)',
            name=op.f("ck_notes_anchor_complete"),
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_notes_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notes")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_notes_document_id"), "notes", ["document_id"], unique=False)


def downgrade() -> None:
    op.drop_table("notes")
    op.drop_table("entry_tags")
    op.drop_table("tags")
    with op.batch_alter_table("occurrences") as batch:
        batch.drop_index(batch.f("ix_occurrences_surface_plain"))
        batch.drop_column("surface_plain")
    with op.batch_alter_table("vocabulary") as batch:
        batch.drop_index(batch.f("ix_vocabulary_lemma_plain"))
        batch.drop_column("user_gloss")
        batch.drop_column("lemma_plain")
