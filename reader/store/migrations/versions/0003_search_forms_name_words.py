"""Search as learners type (folded letters); the words that stand for a saved name;
the vocalised form of each place a word was saved from.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-08

Existing rows are kept as they were; their new search columns are filled here.
A name saved before this revision has no ``name_words`` yet (which of its words
stand for it is decided from the text it is read in): it gets them when it is
next saved. An occurrence saved before has no vocalised form ("").
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# A frozen copy of reader.store.search.search_form as of this revision: a
# migration must keep doing what it did even if the app's function changes later
# (tests/core/test_store_search.py checks that the two still agree).
_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
_FOLDS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي"})


def _search_form(text: str) -> str:
    return _MARKS.sub("", text).translate(_FOLDS).strip()


def _fill(table: str, source: str, target: str) -> None:
    rows = sa.table(table, sa.column("id"), sa.column(source), sa.column(target))
    connection = op.get_bind()
    values = [
        {"row_id": row_id, "form": _search_form(text or "")}
        for row_id, text in connection.execute(sa.select(rows.c.id, rows.c[source]))
    ]
    if values:
        connection.execute(
            rows.update()
            .where(rows.c.id == sa.bindparam("row_id"))
            .values({target: sa.bindparam("form")}),
            values,
        )


def upgrade() -> None:
    with op.batch_alter_table("vocabulary") as batch:
        batch.add_column(sa.Column("lemma_search", sa.String(), server_default="", nullable=False))
        batch.add_column(sa.Column("name_words", sa.String(), server_default="", nullable=False))
        batch.create_index(batch.f("ix_vocabulary_lemma_search"), ["lemma_search"], unique=False)
        batch.create_index(batch.f("ix_vocabulary_name_words"), ["name_words"], unique=False)
    with op.batch_alter_table("occurrences") as batch:
        batch.add_column(
            sa.Column("surface_search", sa.String(), server_default="", nullable=False)
        )
        batch.add_column(sa.Column("vocalised", sa.String(), server_default="", nullable=False))
    _fill("vocabulary", "lemma", "lemma_search")
    _fill("occurrences", "surface", "surface_search")


def downgrade() -> None:
    with op.batch_alter_table("occurrences") as batch:
        batch.drop_column("vocalised")
        batch.drop_column("surface_search")
    with op.batch_alter_table("vocabulary") as batch:
        batch.drop_index(batch.f("ix_vocabulary_name_words"))
        batch.drop_index(batch.f("ix_vocabulary_lemma_search"))
        batch.drop_column("name_words")
        batch.drop_column("lemma_search")
