"""The learner's data: documents, saved vocabulary, notes — one SQLite file.

No Qt and no camel-tools in here: the window and the CLI both call these plain
functions. Each operation is one transaction and returns frozen records (never
ORM objects) and, when it can modify data, a :class:`Change` saying what changed.

    store = open_store()            # paths.vocabulary_db_path(), migrated
    doc, _ = remember_document(store, title=..., fingerprint=fingerprint_text(text))
    entry, change = save_word(store, lex=..., pos=..., lemma=..., document_id=doc.id, ...)

Importing this package is cheap: each name is imported from its module the first
time it is used (PEP 562), so ``from reader.store import Change, Status`` costs no
SQLAlchemy, and the window pays for the ORM only when it opens the store (on its
worker thread, after the article is on screen).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.store.connection import BUSY_TIMEOUT_MS
    from reader.store.database import (
        Store,
        backup,
        head_revision,
        open_store,
        set_aside_and_start_fresh,
    )
    from reader.store.documents import (
        find_document,
        forget_document,
        get_document,
        recent_documents,
        remember_document,
        set_reading_position,
    )
    from reader.store.errors import (
        CorruptStoreError,
        ExportError,
        NewerStoreError,
        NotFoundError,
        StoreBusyError,
        StoreError,
        UnrecognisedStoreError,
    )
    from reader.store.lookup import (
        all_tags,
        entries_by_id,
        entries_for_lemmas,
        find_entry,
        get_entry,
        list_entries,
        occurrences,
        occurrences_in_document,
        saved_readings,
    )
    from reader.store.notes import (
        add_note,
        delete_note,
        notes_for_document,
        restore_note,
        update_note,
    )
    from reader.store.records import (
        Change,
        DeletedEntry,
        DocumentRecord,
        EntryRecord,
        LemmaKey,
        NoteRecord,
        OccurrenceRecord,
        is_name_key,
        name_key,
    )
    from reader.store.status import Status
    from reader.store.vocabulary import (
        EntryOrder,
        delete_entry,
        normalise_tag,
        restore_entry,
        save_word,
        set_notes,
        set_status,
        set_tags,
        set_user_gloss,
    )
    from reader.text.arabic import strip_diacritics
    from reader.text.document import fingerprint as fingerprint_text

# Each module of reader.store and the public names it defines.
_MODULES: dict[str, tuple[str, ...]] = {
    "connection": ("BUSY_TIMEOUT_MS",),
    "database": (
        "Store",
        "backup",
        "head_revision",
        "open_store",
        "set_aside_and_start_fresh",
    ),
    "documents": (
        "find_document",
        "forget_document",
        "get_document",
        "recent_documents",
        "remember_document",
        "set_reading_position",
    ),
    "errors": (
        "CorruptStoreError",
        "ExportError",
        "NewerStoreError",
        "NotFoundError",
        "StoreBusyError",
        "StoreError",
        "UnrecognisedStoreError",
    ),
    "lookup": (
        "all_tags",
        "entries_by_id",
        "entries_for_lemmas",
        "find_entry",
        "get_entry",
        "list_entries",
        "occurrences",
        "occurrences_in_document",
        "saved_readings",
    ),
    "notes": ("add_note", "delete_note", "notes_for_document", "restore_note", "update_note"),
    "records": (
        "Change",
        "DeletedEntry",
        "DocumentRecord",
        "EntryRecord",
        "LemmaKey",
        "NoteRecord",
        "OccurrenceRecord",
        "is_name_key",
        "name_key",
    ),
    "status": ("Status",),
    "vocabulary": (
        "EntryOrder",
        "delete_entry",
        "normalise_tag",
        "restore_entry",
        "save_word",
        "set_notes",
        "set_status",
        "set_tags",
        "set_user_gloss",
    ),
}
_WHERE = {name: f"{__name__}.{module}" for module, names in _MODULES.items() for name in names}
# Names the store offers from the text package, where they are defined once:
# the store searches the form strip_diacritics makes, and knows a document by
# the fingerprint the document model computes.
_ELSEWHERE = {
    "fingerprint_text": ("reader.text.document", "fingerprint"),
    "strip_diacritics": ("reader.text.arabic", "strip_diacritics"),
}

__all__ = [
    "BUSY_TIMEOUT_MS",
    "Change",
    "CorruptStoreError",
    "DeletedEntry",
    "DocumentRecord",
    "EntryOrder",
    "EntryRecord",
    "ExportError",
    "LemmaKey",
    "NewerStoreError",
    "NoteRecord",
    "NotFoundError",
    "OccurrenceRecord",
    "Status",
    "Store",
    "StoreBusyError",
    "StoreError",
    "UnrecognisedStoreError",
    "add_note",
    "all_tags",
    "backup",
    "delete_entry",
    "delete_note",
    "entries_by_id",
    "entries_for_lemmas",
    "find_document",
    "find_entry",
    "fingerprint_text",
    "forget_document",
    "get_document",
    "get_entry",
    "head_revision",
    "is_name_key",
    "list_entries",
    "name_key",
    "normalise_tag",
    "notes_for_document",
    "occurrences",
    "occurrences_in_document",
    "open_store",
    "recent_documents",
    "remember_document",
    "restore_entry",
    "restore_note",
    "save_word",
    "saved_readings",
    "set_aside_and_start_fresh",
    "set_notes",
    "set_reading_position",
    "set_status",
    "set_tags",
    "set_user_gloss",
    "strip_diacritics",
    "update_note",
]


def __getattr__(name: str) -> Any:
    module, attribute = _ELSEWHERE.get(name) or (_WHERE.get(name), name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), attribute)
    globals()[name] = value  # once only: later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
