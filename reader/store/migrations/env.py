"""Alembic environment for the vocabulary store.

At run time ``reader.store.schema`` hands us an open connection (inside its own
transaction) through ``config.attributes["connection"]``; there is no alembic.ini.
For writing new revisions by hand, ``sqlalchemy.url`` may be set on the Config.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from reader.store.models import Base

config = context.config


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        # SQLite can alter little in place; batch mode rebuilds tables when needed.
        render_as_batch=True,
        # SQLite DDL is transactional: a failed upgrade rolls back completely.
        transactional_ddl=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.begin() as fresh_connection:
        _run(fresh_connection)
    engine.dispose()
