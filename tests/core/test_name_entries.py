"""A name of several words is one vocabulary entry: its key, its save, its exports."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader import paths
from reader.morphology.records import POS_LABELS
from reader.store import (
    Status,
    Store,
    delete_entry,
    find_entry,
    list_entries,
    name_key,
    occurrences,
    open_store,
    restore_entry,
)
from reader.store.export import export_apkg, export_csv
from reader.store.records import NAME_POS
from reader.store.words import NAME_LABEL, remember_text_document, save_name
from reader.text import document_from_text

TEXT = "زار الوزير الولايات المتحدة أمس."
STATES = ("الولايات المتحدة", "noun_prop")


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "home"))
    with open_store() as opened:
        yield opened


def _save_states(store: Store, **extra):
    document = document_from_text(TEXT, title="test")
    record, _ = remember_text_document(store, document)
    start = TEXT.index("الولايات")
    end = start + len("الولايات المتحدة")
    return save_name(
        store,
        arabic="الولايات المتحدة",
        english="United States",
        lemma="الوِلَايَات المُتَّحِدَة",
        surface=TEXT[start:end],
        sentence=TEXT,
        document_id=record.id,
        start=start,
        end=end,
        **extra,
    )


def test_a_name_key_has_its_words_bare_and_never_a_single_words_shape() -> None:
    assert name_key("الوِلَايَات  المُتَّحِدَة") == STATES
    assert NAME_POS == "noun_prop" and NAME_LABEL == POS_LABELS[NAME_POS]
    with pytest.raises(ValueError):
        name_key("بُوتِين")  # one word is a word: its lemma's key, as ever


def test_a_name_is_saved_as_one_proper_noun_with_its_english(store: Store) -> None:
    entry, change = _save_states(store)
    assert change and entry.key == STATES
    assert entry.lemma == "الوِلَايَات المُتَّحِدَة" and entry.dictionary_gloss == "United States"
    assert entry.pos_label == "proper noun" and entry.root == ""
    assert entry.status is Status.LEARNING
    (seen,) = occurrences(store, entry.id)
    assert TEXT[seen.start : seen.end] == "الولايات المتحدة" == seen.surface
    assert seen.sentence == TEXT
    again, change = _save_states(store)  # the same place: nothing new
    assert not change and again.id == entry.id and again.occurrence_count == 1
    assert find_entry(store, "الولايات", "noun_prop") is None  # no word saved on the side


def test_a_name_is_found_by_its_arabic_and_its_english(store: Store) -> None:
    entry, _ = _save_states(store)
    for search in ("الولايات المتحدة", "المتحدة", "United States"):
        assert [found.id for found in list_entries(store, search=search)] == [entry.id]


def test_a_deleted_name_comes_back_whole(store: Store) -> None:
    entry, _ = _save_states(store, status=Status.NEW)
    deleted, _ = delete_entry(store, entry.id)
    assert find_entry(store, *STATES) is None
    restored, _ = restore_entry(store, deleted)
    assert restored.id == entry.id and restored.key == STATES
    assert restored.status is Status.NEW and restored.occurrence_count == 1


def test_exports_give_the_name_and_its_english(store: Store, tmp_path: Path) -> None:
    _save_states(store)
    target = tmp_path / "words.csv"
    assert export_csv(store, target) == 1
    (row,) = csv.DictReader(io.StringIO(target.read_bytes().decode("utf-8-sig")))
    assert row["lemma"] == "الوِلَايَات المُتَّحِدَة" and row["gloss"] == "United States"
    assert row["form seen"] == "الولايات المتحدة" and row["context sentence"] == TEXT
    assert row["part of speech"] == "proper noun" and row["root"] == ""
    # Each word cited alone: the space kept, not run together into one word.
    assert row["romanized"] == "al-Wilāyāt al-Muttaḥida"
    deck = tmp_path / "words.apkg"
    assert export_apkg(store, deck) == 1
    with zipfile.ZipFile(deck) as archive:
        names = archive.namelist()
        assert "collection.anki2" in names
        database = archive.read("collection.anki2")
    assert b"United States" in database
    assert "الوِلَايَات المُتَّحِدَة".encode() in database

