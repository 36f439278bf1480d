"""A name of several words is one vocabulary entry: its key, its save, its exports."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.morphology.records import POS_LABELS
from reader.reading.article_keys import ArticleKeys, entry_key
from reader.reading.prepare import Prepared
from reader.reading.session import ReadingSession
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
    set_user_gloss,
)
from reader.store.export import export_apkg, export_csv
from reader.store.records import NAME_POS
from reader.store.words import NAME_LABEL, remember_text_document, save_name
from reader.system import paths
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


@pytest.fixture(scope="module")
def analysed(morphology):
    document = document_from_text(TEXT, title="test")
    return morphology.analyze_document(document, vocalize=False)


def _index(analysis, text: str) -> int:
    return next(t.index for t in analysis.document.tokens if t.text == text)


def test_every_word_of_a_name_belongs_to_the_names_entry(analysed) -> None:
    states, united = _index(analysed, "الولايات"), _index(analysed, "المتحدة")
    minister = _index(analysed, "الوزير")
    session = ReadingSession()
    session.open(analysed.document)
    session.analysed(Prepared.of(analysed))
    assert session.entry_key(states) == session.entry_key(united) == STATES
    # Any reading the learner chooses for a word of the name: still the name's.
    other = session.readings(united)[-1]
    session.choose(united, other)
    assert session.entry_key(united) == STATES
    best = analysed.best(minister)
    assert session.entry_key(minister) == best.key == entry_key(analysed, minister, best)
    keys = ArticleKeys.of(analysed)
    number = keys.key_of_token[states]
    assert keys.key_of_token[united] == number and keys.keys[number] == STATES
    assert keys.keys[keys.key_of_token[minister]] == best.key


def test_a_one_word_name_keeps_its_lemmas_key(morphology) -> None:
    document = document_from_text("قال بوتين أمس.", title="test")
    analysis = morphology.analyze_document(document, vocalize=False)
    putin = _index(analysis, "بوتين")
    assert analysis.best(putin).pos == "noun_prop"
    assert entry_key(analysis, putin, analysis.best(putin)) == analysis.best(putin).key
    assert " " not in analysis.best(putin).key[0]


def test_the_session_gives_a_word_of_a_name_the_names_entry(analysed, store: Store) -> None:
    states, united = _index(analysed, "الولايات"), _index(analysed, "المتحدة")
    session = ReadingSession()
    session.open(analysed.document)
    session.analysed(Prepared.of(analysed))
    entry, _ = _save_states(store)
    entry, _ = set_user_gloss(store, entry.id, "the USA")
    lemma = analysed.best(united).key
    session.set_entries({STATES: entry, lemma: None})
    assert session.entry_at(states) == session.entry_at(united) == entry
    assert session.user_gloss_at(united) == "the USA"
    assert session.entry(lemma) is None  # the word's own lemma: not saved
    sentence = analysed.document.tokens[united].sentence
    glosses = {index: gloss for index, _, gloss in session.sentence_glosses(sentence)}
    assert glosses[states] == glosses[united] == "the USA"


def test_a_name_behind_and_to_or_with_is_the_same_entry(morphology) -> None:
    """وبالأمم المتحدة, للأمم المتحدة and الأمم المتحدة are one name: one key,
    written as a dictionary lists it (the article kept, و ب ل off)."""
    text = "قال الأمين العام للأمم المتحدة إن وبالأمم المتحدة خبراء، وإن الأمم المتحدة مستعدة."
    document = document_from_text(text, title="test")
    analysis = morphology.analyze_document(document, vocalize=False)
    spans = [span for span in analysis.names if span.english == "United Nations"]
    assert [span.arabic for span in spans] == [
        "للأمم المتحدة",
        "وبالأمم المتحدة",
        "الأمم المتحدة",
    ]
    assert {span.bare for span in spans} == {"الأمم المتحدة"}
    keys = {
        entry_key(analysis, index, None) for span in spans for index in range(span.start, span.end)
    }
    assert keys == {("الأمم المتحدة", "noun_prop")}
    # Vowelled, as the pane says the first word: the article's alef comes back after لِ.
    to_un, and_with_un, un = spans
    assert to_un.without_proclitics("لِلْأُمَمِ") == "الْأُمَمِ"
    assert and_with_un.without_proclitics("وَبِالْأُمَمِ") == "الْأُمَمِ"
    assert un.without_proclitics("الْأُمَمِ") == "الْأُمَمِ"
    # The JSON of a name is unchanged: no new field.
    assert set(to_un.to_json()) == {"start", "end", "arabic", "english", "source"}
