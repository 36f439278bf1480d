"""Searching the vocabulary as learners type Arabic, and the search columns' migration
(real SQLite files)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.store import (
    Store,
    delete_entry,
    entries_for_lemmas,
    find_entry,
    list_entries,
    open_store,
    remember_document,
    restore_entry,
    save_word,
)
from reader.store.database import _upgrade
from reader.store.listing import EntryFilter
from reader.store.lookup import entries_page
from reader.store.search import query_stems, search_form
from reader.store.words import save_name
from reader.system import paths

TEXT = "جاءت زيارته إلى المستشفى في مهمة عن الإسلام، وقال الوزير إن الجزيرة بعيدة."
WORDS = {
    "ziyara": ("زِيارَة_1", "noun", "زِيارَة", "visit", "زيارته"),
    "muhimma": ("مُهِمَّة_1", "noun", "مُهِمَّة", "task; mission", "مهمة"),
    "islam": ("إِسْلام_1", "noun_prop", "إِسْلام", "Islam", "الإسلام"),
    "hospital": ("مُسْتَشْفَى_1", "noun", "مُسْتَشْفَى", "hospital", "المستشفى"),
    "wazir": ("وَزِير_1", "noun", "وَزِير", "minister", "الوزير"),
    "island": ("جَزِيرَة_1", "noun", "جَزِيرَة", "island", "الجزيرة"),
}


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "home"))
    with open_store() as opened:
        yield opened


@pytest.fixture
def saved(store: Store) -> dict[str, int]:
    document, _ = remember_document(store, title="news", fingerprint="f" * 64)
    ids = {}
    for name, (lex, pos, lemma, gloss, surface) in WORDS.items():
        start = TEXT.index(surface)
        entry, _ = save_word(
            store,
            lex=lex,
            pos=pos,
            lemma=lemma,
            dictionary_gloss=gloss,
            surface=surface,
            sentence=TEXT,
            document_id=document.id,
            start=start,
            end=start + len(surface),
        )
        ids[name] = entry.id
    return ids


def _found(store: Store, query: str) -> set[int]:
    return {entry.id for entry in list_entries(store, search=query)}


@pytest.mark.parametrize(
    ("query", "word"),
    [
        ("زياره", "ziyara"),  # ه for ة
        ("الزيارة", "ziyara"),  # with the article
        ("بالزيارة", "ziyara"),  # a preposition and the article
        ("وللزياره", "ziyara"),  # and + to + the, ه for ة
        ("زيارتها", "ziyara"),  # a pronoun after it: its ة written ت
        ("زِيارَة", "ziyara"),  # with vowels
        ("ٱلزِّيَارَةِ", "ziyara"),  # alef wasla, shadda, case ending
        ("مهمه", "muhimma"),
        ("اسلام", "islam"),  # a bare alef for إ
        ("الاسلام", "islam"),
        ("مستشفي", "hospital"),  # ي for ى
        ("مستشفى", "hospital"),
    ],
)
def test_a_learners_spelling_finds_the_word(
    store: Store, saved: dict[str, int], query: str, word: str
) -> None:
    assert saved[word] in _found(store, query)


def test_the_stems_searched_are_only_a_query_without_its_clitics(
    store: Store, saved: dict[str, int]
) -> None:
    # وزير is not و + a word inside جزيرة: a stem is compared with whole lemmas.
    assert _found(store, "وزير") == {saved["wazir"]}
    assert _found(store, "الجزيرة") == {saved["island"]}
    assert _found(store, "زيا") == {saved["ziyara"]}  # typing: a part still finds it
    assert _found(store, "visit") == {saved["ziyara"]}
    assert _found(store, "بيتنا") == set()
    assert query_stems(search_form("بالزيارة")) >= {"زياره"}
    assert query_stems(search_form("زيارته")) >= {"زياره", "زيارت"}
    assert query_stems("جون كيري") == frozenset()  # two words: matched as typed


def test_a_page_of_the_dock_finds_them_too(store: Store, saved: dict[str, int]) -> None:
    page = entries_page(store, EntryFilter(search="الزياره"))
    assert page.total == 1 and [entry.id for entry in page.entries] == [saved["ziyara"]]


def test_the_search_forms_follow_a_changed_lemma_and_an_undone_delete(
    store: Store, saved: dict[str, int]
) -> None:
    save_word(store, lex="زِيارَة_1", pos="noun", lemma="زِيارَةٌ")  # a new analysis
    assert saved["ziyara"] in _found(store, "الزياره")
    deleted, _ = delete_entry(store, saved["ziyara"])
    assert saved["ziyara"] not in _found(store, "زياره")
    restore_entry(store, deleted)
    assert saved["ziyara"] in _found(store, "زياره")
    assert saved["ziyara"] in _found(store, "زيارته")  # its occurrence's form came back


# -- the words that stand for a saved name -----------------------------------------------


def _save_putin(store: Store, name_words: tuple[str, ...] = ("بوتين",)):
    return save_name(
        store,
        arabic="فلاديمير بوتين",
        english="Vladimir Putin",
        lemma="فلادِيمِير بُوتِين",
        name_words=name_words,
    )


def test_a_proper_noun_without_an_entry_is_the_saved_name_it_stands_for(store: Store) -> None:
    putin, _ = _save_putin(store)
    assert putin.name_words == ("بوتين",)
    word = ("بُوتِين", "noun_prop")
    assert entries_for_lemmas(store, [word]) == {word: putin}
    assert find_entry(store, *word) is None  # its own key has no entry
    # A common noun spelt the same is no name; neither is a name's other word.
    assert entries_for_lemmas(store, [("بُوتِين", "noun"), ("فلادِيمِير", "noun_prop")]) == {}


def test_a_word_two_saved_names_share_stands_for_neither_and_an_own_entry_wins(
    store: Store,
) -> None:
    _save_putin(store)
    save_name(store, arabic="ليودميلا بوتين", english="Lyudmila Putina", name_words=("بوتين",))
    word = ("بُوتِين", "noun_prop")
    assert entries_for_lemmas(store, [word]) == {}
    own, _ = save_word(store, lex="بُوتِين", pos="noun_prop", lemma="بُوتِين")
    assert entries_for_lemmas(store, [word]) == {word: own}


def test_a_names_words_survive_undo_and_a_later_save_without_them(store: Store) -> None:
    putin, _ = _save_putin(store)
    _save_putin(store, name_words=None)  # saved again without the evidence: kept
    deleted, _ = delete_entry(store, putin.id)
    restored, _ = restore_entry(store, deleted)
    assert restored.name_words == ("بوتين",)
    assert entries_for_lemmas(store, [("بُوتِين", "noun_prop")]) != {}


# -- migrating an existing vocabulary -------------------------------------------------------


def _columns(path: Path, table: str) -> list[tuple]:
    with sqlite3.connect(path) as connection:
        return connection.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()


def test_a_vocabulary_of_revision_0002_migrates_losslessly_and_finds_by_any_spelling(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "home"))
    path = tmp_path / "home" / "reader.sqlite3"
    path.parent.mkdir(parents=True)
    _upgrade(path, pre_alembic=False, target="0002")
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO documents (id, title, fingerprint, path, text_length, added_at, "
            "last_opened_at, reading_position) VALUES (3, 'خبر', 'cd34', NULL, 90, "
            "'2025-01-02 03:04:05', '2025-01-02 03:04:05', 7)"
        )
        connection.execute(
            "INSERT INTO vocabulary (id, lex, pos, lemma, lemma_plain, root, pos_label, "
            "dictionary_gloss, user_gloss, status, notes, created_at, updated_at) VALUES "
            "(9, 'زِيارَة_1', 'noun', 'زِيارَة', 'زيارة', 'ز.و.ر', 'noun', 'visit', 'a call', "
            "'known', 'note', '2025-01-02 03:04:05', '2025-01-03 03:04:05')"
        )
        connection.execute(
            "INSERT INTO occurrences (id, entry_id, document_id, surface, surface_plain, sentence, "
            "start, \"end\", created_at) VALUES (4, 9, 3, 'بزيارتهم', 'بزيارتهم', "
            "'قاموا بزيارتهم', 6, 14, '2025-01-02 03:04:05')"
        )
    connection.close()
    before = {table: _columns(path, table) for table in ("vocabulary", "occurrences", "documents")}

    with open_store(path) as store:
        assert _found(store, "زياره") == {9}
        assert _found(store, "بزياراتهم") == set()  # a plural is another form
        assert _found(store, "زيارتهم") == {9}  # the form it was met in, folded
        entry = find_entry(store, "زِيارَة_1", "noun")
        assert entry is not None and (entry.user_gloss, entry.notes) == ("a call", "note")
        assert entry.name_words == ()
    after = {table: _columns(path, table) for table in before}
    # Every old column keeps its value; the new ones come last, filled.
    for table, rows in before.items():
        assert [row[: len(rows[0])] for row in after[table]] == rows
    assert after["vocabulary"][0][len(before["vocabulary"][0]) :] == ("زياره", "")
    assert after["occurrences"][0][len(before["occurrences"][0]) :] == ("بزيارتهم", "")
