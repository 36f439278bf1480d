"""A vocabulary command's errors, said in one sentence: the store's, SQLite's, a file's."""

from __future__ import annotations

import argparse
import functools
import sqlite3
from collections.abc import Callable

from reader.cli.support import fail
from reader.system.filenames import shown_name

Handler = Callable[[argparse.Namespace], int]


def sentence(message: str) -> str:
    """Exception texts end with or without a full stop; print exactly one.

    Control characters (a terminal escape in a typed word or a file name) are
    shown escaped, as everywhere the CLI prints for a human."""
    message = shown_name(" ".join(message.split()))
    return message if message.endswith((".", "?", "!")) else message + "."


def reports_errors(handler: Handler) -> Handler:
    """Turn store, SQLite and file errors into the CLI's one-sentence message.

    ``reader.cli.main.main`` catches only morphology and document errors; a damaged
    vocabulary file must not end in a traceback either, whichever version of
    main() runs us.
    """

    @functools.wraps(handler)
    def wrapper(args: argparse.Namespace) -> int:
        from sqlalchemy.exc import SQLAlchemyError

        from reader.store import StoreError

        try:
            return handler(args)
        except StoreError as error:
            return fail(sentence(str(error)))
        except (SQLAlchemyError, sqlite3.Error) as error:
            # The store names most SQLite errors itself; one that escaped it is
            # classified the same way: damage, a lock, or a full or failing disk.
            from reader.store.database import store_error_for
            from reader.system import paths

            known = store_error_for(error, paths.vocabulary_db_path())
            if known is not None:
                return fail(sentence(str(known)))
            detail = getattr(error, "orig", None) or error
            return fail(sentence(f"The vocabulary file could not be used ({detail})"))
        except BrokenPipeError:
            raise  # `vocab list | head`: main() treats this as success
        except OSError as error:
            if error.filename:
                return fail(
                    sentence(f"Could not use {shown_name(error.filename)}: {error.strerror}")
                )
            return fail(sentence(str(error)))

    return wrapper
