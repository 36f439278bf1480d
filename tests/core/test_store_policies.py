"""The store's own policies, on real SQLite files, with SQLAlchemy's statements counted.

An undone delete is one transaction and keeps the status of a word saved again
meanwhile; the saved readings of a document come in one query; a Change says
who asked for it without changing what it is.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Engine, event

from reader.store import (
    Change,
    Status,
    Store,
    delete_entry,
    entries_by_id,
    find_entry,
    occurrences,
    open_store,
    restore_entry,
    saved_readings,
    set_status,
)
from tests.core.test_store_vocabulary import (
    FIRST_TEXT,
    HUKUMA,
    KHAFD,
    SECOND_TEXT,
    WAZIR,
    _open,
    _save,
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "vocabulary.sqlite3") as opened:
        yield opened


@contextmanager
def statements() -> Iterator[list[str]]:
    """Every SQL statement any engine sends to SQLite meanwhile (BEGIN included)."""
    seen: list[str] = []

    def record(_connection, _cursor, statement, _parameters, _context, _many) -> None:
        seen.append(" ".join(statement.split()))

    event.listen(Engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(Engine, "before_cursor_execute", record)


def transactions(seen: list[str]) -> list[str]:
    return [statement for statement in seen if statement.startswith("BEGIN")]


def selects(seen: list[str]) -> list[str]:
    return [statement for statement in seen if statement.startswith("SELECT")]


def test_an_undone_delete_keeps_the_status_of_the_word_saved_again_meanwhile(store) -> None:
    first, second = _open(store, FIRST_TEXT), _open(store, SECOND_TEXT)
    wazir, _ = _save(store, WAZIR, FIRST_TEXT, first, "الوزير")  # learning
    deleted, _ = delete_entry(store, wazir.id)
    again, _ = _save(store, WAZIR, SECOND_TEXT, second, "وزيرُ", status=Status.KNOWN)
    assert again.status is Status.KNOWN and again.id != wazir.id
    with statements() as seen:
        merged, change = restore_entry(store, deleted)
    assert len(transactions(seen)) == 1, transactions(seen)
    assert transactions(seen) == ["BEGIN IMMEDIATE"]  # a write, not a read and then a write
    assert merged.id == again.id != deleted.entry.id  # how a caller knows it was merged
    assert merged.status is Status.KNOWN  # the learner's latest choice
    assert find_entry(store, WAZIR["lex"], WAZIR["pos"]).status is Status.KNOWN
    assert {o.surface for o in occurrences(store, merged.id)} == {"الوزير", "وزيرُ"}
    assert change.vocabulary and {wazir.id, again.id} <= change.entry_ids


def test_an_undone_delete_with_nothing_saved_since_brings_the_old_status_back(store) -> None:
    first = _open(store, FIRST_TEXT)
    wazir, _ = _save(store, WAZIR, FIRST_TEXT, first, "الوزير")
    set_status(store, wazir.id, Status.KNOWN)
    deleted, _ = delete_entry(store, wazir.id)
    with statements() as seen:
        restored, _ = restore_entry(store, deleted)
    assert len(transactions(seen)) == 1
    assert restored.id == wazir.id and restored.status is Status.KNOWN


def test_the_saved_readings_of_a_document_come_in_one_query(store) -> None:
    first, second = _open(store, FIRST_TEXT), _open(store, SECOND_TEXT)
    for word, surface in ((WAZIR, "الوزير"), (HUKUMA, "الحكومة"), (KHAFD, "خفض")):
        _save(store, word, FIRST_TEXT, first, surface)
    _save(store, WAZIR, SECOND_TEXT, second, "وزيرُ")  # another document: not among them
    with statements() as seen:
        readings = saved_readings(store, first)
    assert len(selects(seen)) == 1 and len(transactions(seen)) == 1
    assert readings == {
        FIRST_TEXT.index("الوزير"): (WAZIR["lex"], WAZIR["pos"]),
        FIRST_TEXT.index("الحكومة"): (HUKUMA["lex"], HUKUMA["pos"]),
        FIRST_TEXT.index("خفض"): (KHAFD["lex"], KHAFD["pos"]),
    }
    assert saved_readings(store, second) == {SECOND_TEXT.index("وزيرُ"): (WAZIR["lex"], "noun")}


def test_a_place_saved_under_two_lemmas_restores_the_later(store) -> None:
    first = _open(store, FIRST_TEXT)
    start = FIRST_TEXT.index("خفض")
    _save(store, KHAFD, FIRST_TEXT, first, "خفض")
    # The learner chose another reading of the same word and saved it again.
    verb = {**KHAFD, "lex": "خَفَض", "pos": "verb", "lemma": "خَفَض", "pos_label": "verb"}
    _save(store, verb, FIRST_TEXT, first, "خفض")
    assert saved_readings(store, first) == {start: ("خَفَض", "verb")}


def test_entries_by_id_skips_deleted_ones_in_one_query(store) -> None:
    first = _open(store, FIRST_TEXT)
    wazir, _ = _save(store, WAZIR, FIRST_TEXT, first, "الوزير")
    hukuma, _ = _save(store, HUKUMA, FIRST_TEXT, first, "الحكومة")
    delete_entry(store, hukuma.id)
    with statements() as seen:
        found = entries_by_id(store, [wazir.id, hukuma.id])
    assert len(selects(seen)) <= 2  # the entries with their counts, and their tags
    assert list(found) == [wazir.id] and found[wazir.id].occurrence_count == 1


def test_a_change_says_who_asked_without_changing_what_changed() -> None:
    change = Change(vocabulary=True, entry_ids=frozenset({3}))
    asked = change.by("vocabulary dock")
    assert asked.initiator == "vocabulary dock" and change.initiator is None
    assert asked == change and hash(asked) == hash(change)
    assert (Change(notes=True) | asked).initiator == "vocabulary dock"
    assert (asked | Change(notes=True).by("notes")).initiator == "vocabulary dock"
