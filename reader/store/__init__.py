"""The learner's data: documents, saved vocabulary, notes — one SQLite file.

No Qt and no camel-tools in here: the window and the CLI both call these plain
functions. Each operation is one transaction and returns frozen records (never
ORM objects) and, when it can modify data, a :class:`Change` saying what changed.

    store = open_store()            # paths.vocabulary_db_path(), migrated
    doc, _ = remember_document(store, title=..., fingerprint=fingerprint_text(text))
    entry, change = save_word(store, lex=..., pos=..., lemma=..., document_id=doc.id, ...)
"""

from __future__ import annotations

from reader.store.arabic import fingerprint_text, strip_diacritics
from reader.store.database import (
    BUSY_TIMEOUT_MS,
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
    entries_for_lemmas,
    find_entry,
    get_entry,
    list_entries,
    occurrences,
    occurrences_in_document,
)
from reader.store.models import Status
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
    NoteRecord,
    OccurrenceRecord,
)
from reader.store.vocabulary import (
    EntryOrder,
    LemmaKey,
    delete_entry,
    normalise_tag,
    restore_entry,
    save_word,
    set_notes,
    set_status,
    set_tags,
    set_user_gloss,
)

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
    "entries_for_lemmas",
    "find_document",
    "find_entry",
    "fingerprint_text",
    "forget_document",
    "get_document",
    "get_entry",
    "head_revision",
    "list_entries",
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
    "set_aside_and_start_fresh",
    "set_notes",
    "set_reading_position",
    "set_status",
    "set_tags",
    "set_user_gloss",
    "strip_diacritics",
    "update_note",
]
