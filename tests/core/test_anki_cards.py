"""Anki cards as a learner reads them: a vocalised Word, one alef spelling, the clause
around the word on the front and its whole sentence on the back (the real
analyzer, a real store, real .apkg and TSV files)."""

from __future__ import annotations

import re
import sqlite3
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.reading.prepare import Prepared
from reader.reading.save import save_at
from reader.reading.session import ReadingSession
from reader.store import Store, open_store
from reader.store.clause import clause_html
from reader.store.export import (
    ANKI_FIELDS,
    ANKI_MODEL_ID,
    ANKI_MODEL_NAME,
    export_apkg,
    export_csv,
    export_tsv,
)
from reader.system import paths
from reader.text import document_from_text
from reader.text.arabic import strip_diacritics

WASLA = "\u0671"
FIRST_SENTENCE_WORDS = 54  # the default article's first sentence


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "home"))
    with open_store() as opened:
        yield opened


@pytest.fixture(scope="module")
def session(morphology, default_article_path: Path) -> ReadingSession:
    text = default_article_path.read_text(encoding="utf-8")
    document = document_from_text(text, title="Kerry in Moscow")
    reading = ReadingSession(morphology)
    reading.open(document)
    reading.analysed(Prepared.of(morphology.analyze_document(document, vocalize=False)))
    return reading


def _index(session: ReadingSession, text: str) -> int:
    assert session.document is not None
    return next(t.index for t in session.document.tokens if t.text == text)


def _notes(path: Path, tmp_path: Path) -> dict[str, dict[str, str]]:
    """The package's notes by their Lemma field's letters: field name -> value."""
    collection = tmp_path / f"{path.stem}.anki2"
    with zipfile.ZipFile(path) as package:
        collection.write_bytes(package.read("collection.anki2"))
    with sqlite3.connect(collection) as connection:
        rows = connection.execute("SELECT flds FROM notes").fetchall()
        models = connection.execute("SELECT models FROM col").fetchone()[0]
    connection.close()
    assert str(ANKI_MODEL_ID) in models and ANKI_MODEL_NAME in models
    notes = [dict(zip(ANKI_FIELDS, row[0].split("\x1f"), strict=True)) for row in rows]
    return {strip_diacritics(note["Lemma"]): note for note in notes}


def _words(html: str) -> list[str]:
    return [word for word in re.sub("<[^>]+>", "", html).split() if word != "…"]


def test_cards_say_the_word_with_its_vowels_and_one_alef_spelling(
    session: ReadingSession, store: Store, tmp_path: Path
) -> None:
    was, welcome = _index(session, "يكن"), _index(session, "الاستقبال")
    assert session.reading(was).lemma == "كان"  # the dictionary's lemma: no vowels
    assert WASLA in session.reading(welcome).lex  # ٱِسْتِقْبال
    for index in (was, welcome):
        assert save_at(store, session, index) is not None
    assert export_apkg(store, tmp_path / "deck.apkg") == 2
    notes = _notes(tmp_path / "deck.apkg", tmp_path)
    kana, istiqbal = notes["كان"], notes["استقبال"]
    # كان: the word as the learner saw it said (يَكُن), as the pane's headword.
    assert kana["Word"] == session.shown_form(was) == "يَكُن"
    assert istiqbal["Word"] == istiqbal["Lemma"] == "اِسْتِقْبال"
    for note in notes.values():
        assert all(WASLA not in value for value in note.values())


def test_the_front_shows_the_clause_and_the_back_the_whole_sentence(
    session: ReadingSession, store: Store, tmp_path: Path
) -> None:
    task = _index(session, "المهمة")
    assert save_at(store, session, task) is not None
    export_apkg(store, tmp_path / "deck.apkg")
    (note,) = _notes(tmp_path / "deck.apkg", tmp_path).values()
    assert len(_words(note["Sentence"])) == FIRST_SENTENCE_WORDS
    assert "<b>المهمة</b>" in note["Sentence"] and "<b>المهمة</b>" in note["Context"]
    clause = _words(note["Context"])
    assert 6 <= len(clause) <= 13
    assert " ".join(clause) in " ".join(_words(note["Sentence"]))
    assert note["Context"].startswith("… ") and note["Context"].endswith("، …")
    # The TSV for Anki's text import has the same fields, Sentence among them.
    export_tsv(store, tmp_path / "deck.tsv")
    lines = (tmp_path / "deck.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[3] == "#columns:" + "\t".join([*ANKI_FIELDS, "Tags"])
    assert lines[4].split("\t")[ANKI_FIELDS.index("Context")] == note["Context"]
    # The CSV keeps its columns: the whole sentence, as before.
    assert export_csv(store, tmp_path / "words.csv") == 1
    header = (tmp_path / "words.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.endswith("context sentence,document,romanized")


@pytest.mark.parametrize(
    ("word", "clause"),
    [
        # Cut at the commas around it: the clause of جاء, with its conjunction's و.
        (
            "توطيد",
            "… والتي كانت تتمثل في التطلع إلى <b>توطيد</b> علاقات بلاده بالجانب الروسي، …",
        ),
        # Between two commas only the name: widened past them, up to six words a side.
        (
            "كيري",
            "… حظي به وزير الخارجية الأميركي، جون <b>كيري</b>، خلال زيارته إلى روسيا يوم أمس …",
        ),
        # The sentence's first words: nothing before them, so no "…" there.
        ("يكن", "لم <b>يكن</b> الاستقبال الذي حظي به وزير الخارجية …"),
    ],
)
def test_the_clause_is_cut_at_punctuation_and_widened_when_too_short(
    default_article_path: Path, word: str, clause: str
) -> None:
    sentence = default_article_path.read_text(encoding="utf-8").splitlines()[0]
    assert clause_html(sentence, word) == clause


def test_a_clause_starts_at_a_conjunction_and_keeps_the_vowels_it_found() -> None:
    sentence = "وصل الوفد إلى المدينة صباحا ثم عقد اجتماعا طويلا مع المسؤولين في مقر الحكومة"
    assert clause_html(sentence, "اجتماعًا") == (
        "… ثم عقد <b>اجتماعا</b> طويلا مع المسؤولين في مقر الحكومة"
    )
    assert clause_html("جملة قصيرة", "غائبة") == "جملة قصيرة"  # not found: all of it
