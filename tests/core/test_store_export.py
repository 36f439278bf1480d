"""CSV, Anki TSV and .apkg exports: content, safety, stability, all-or-nothing writes."""

from __future__ import annotations

import csv
import errno
import html
import io
import sqlite3
import zipfile
from collections.abc import Iterator
from pathlib import Path

import genanki
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.store import (
    ExportError,
    Status,
    Store,
    export,
    fingerprint_text,
    list_entries,
    open_store,
    remember_document,
    save_word,
    set_notes,
    set_status,
    set_tags,
    set_user_gloss,
)
from reader.store.export import (
    ANKI_FIELDS,
    CSV_COLUMNS,
    export_apkg,
    export_csv,
    export_tsv,
    highlight,
    neutralise_formula,
)
from reader.system import paths
from tests.core.bulk_vocabulary import fill

TEXT = "قال الوزير إن الحكومة ستعمل على خفض الأسعار."
BOM = "\ufeff".encode()


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "home"))
    with open_store() as opened:
        doc, _ = remember_document(
            opened, title='=HYPERLINK("x")', fingerprint=fingerprint_text(TEXT)
        )

        def save(lex: str, surface: str, gloss: str, **extra) -> int:
            start = TEXT.index(surface)
            entry, _ = save_word(
                opened,
                lex=lex,
                pos="noun",
                lemma=lex,
                root=extra.pop("root", ""),
                pos_label="noun",
                dictionary_gloss=gloss,
                surface=surface,
                sentence=TEXT,
                document_id=doc.id,
                start=start,
                end=start + len(surface),
                **extra,
            )
            return entry.id

        wazir = save("وَزِير", "الوزير", "minister", root="و.ز.ر")
        set_user_gloss(opened, wazir, "=cmd|' /C calc'!A0")
        set_tags(opened, wazir, ["politics"])
        set_notes(opened, wazir, "-2+3")
        save("حُكُومَة", "الحكومة", "@government")
        ignored = save("قال", "قال", "say")
        set_status(opened, ignored, Status.IGNORED)
        yield opened


def _read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))


def test_csv_has_bom_round_trips_arabic_and_neutralises_formulas(store: Store, tmp_path: Path):
    target = tmp_path / "words.csv"
    assert export_csv(store, target) == 2  # ignored words are left out by default
    assert target.read_bytes().startswith(BOM)
    rows = _read_csv(target)
    assert tuple(rows[0]) == CSV_COLUMNS
    by_lemma = {row["lemma"]: row for row in rows}
    assert set(by_lemma) == {"وَزِير", "حُكُومَة"}
    wazir = by_lemma["وَزِير"]
    assert wazir["form seen"] == "الوزير" and wazir["context sentence"] == TEXT
    assert wazir["gloss"] == "'=cmd|' /C calc'!A0"  # the learner's gloss, made inert
    assert wazir["notes"] == "'-2+3"
    assert wazir["document"] == '\'=HYPERLINK("x")'
    assert wazir["root"] == "و ز ر" and wazir["tags"] == "politics"
    assert by_lemma["حُكُومَة"]["gloss"] == "'@government"
    # The new column comes last, so a spreadsheet built on the old ones still reads them.
    assert CSV_COLUMNS[-1] == "romanized" and wazir["romanized"] == "wazīr"
    assert by_lemma["حُكُومَة"]["romanized"] == "ḥukūma"


def test_csv_romanized_in_the_scheme_given(store: Store, tmp_path: Path) -> None:
    target = tmp_path / "ala.csv"
    export_csv(store, target, scheme="ala-lc")
    assert {row["lemma"]: row["romanized"] for row in _read_csv(target)}["حُكُومَة"] == "ḥukūmah"


def test_csv_statuses_and_delimiter(store: Store, tmp_path: Path) -> None:
    target = tmp_path / "all.csv"
    assert export_csv(store, target, statuses=list(Status), delimiter=";") == 3
    text = target.read_bytes().decode("utf-8-sig")
    assert text.splitlines()[0].startswith("lemma;form seen;")
    assert export_csv(store, target, statuses=[Status.IGNORED]) == 1


def test_neutralise_formula_cases() -> None:
    for risky in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        assert neutralise_formula(risky) == "'" + risky
    assert neutralise_formula("وزير") == "وزير"
    assert neutralise_formula("a-b") == "a-b"


def test_tsv_follows_anki_text_import_conventions(store: Store, tmp_path: Path) -> None:
    target = tmp_path / "words.txt"
    assert export_tsv(store, target) == 2
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[:3] == ["#separator:tab", "#html:true", f"#tags column:{len(ANKI_FIELDS) + 1}"]
    assert lines[3] == "#columns:" + "\t".join([*ANKI_FIELDS, "Tags"])
    rows = list(csv.reader(lines[4:], delimiter="\t"))
    wazir = next(row for row in rows if row[0] == "وَزِير")
    assert wazir[1] == "قال <b>الوزير</b> إن الحكومة ستعمل على خفض الأسعار."
    assert wazir[2] == "=cmd|&#x27; /C calc&#x27;!A0"  # HTML-escaped, not spreadsheet-mangled
    assert wazir[-1] == "politics"
    assert wazir[ANKI_FIELDS.index("Romanized")] == "wazīr"
    assert all(len(row) == len(ANKI_FIELDS) + 1 for row in rows)


def test_highlight_finds_the_form_with_or_without_vowels() -> None:
    assert highlight("قال الوزير <هنا>", "الوزير") == "قال <b>الوزير</b> &lt;هنا&gt;"
    assert highlight("التقى وزيرُ الخارجية", "وزير") == "التقى <b>وزيرُ</b> الخارجية"
    assert highlight("قال الوزير", "الوَزِير") == "قال <b>الوزير</b>"
    assert highlight("لا شيء", "وزير") == "لا شيء"


@given(st.text())
def test_no_neutralised_cell_can_start_a_formula(cell: str) -> None:
    safe = neutralise_formula(cell)
    assert not safe.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert safe.removeprefix("'") == cell or safe == cell


@given(st.text(alphabet="قالوزيرُ َِ <>&", max_size=30), st.text(alphabet="وزيرَ", max_size=5))
def test_highlight_only_adds_markup(sentence: str, surface: str) -> None:
    marked = highlight(sentence, surface)
    assert html.unescape(marked.replace("<b>", "").replace("</b>", "")) == sentence


def _apkg_notes(path: Path, tmp_path: Path) -> dict[str, list[str]]:
    with zipfile.ZipFile(path) as package:
        collection = tmp_path / f"{path.stem}-collection.anki2"
        collection.write_bytes(package.read("collection.anki2"))
    with sqlite3.connect(collection) as connection:
        rows = connection.execute("SELECT guid, flds FROM notes").fetchall()
    connection.close()
    return {guid: fields.split("\x1f") for guid, fields in rows}


def test_apkg_has_stable_guids_and_our_fields(store: Store, tmp_path: Path) -> None:
    first, second = tmp_path / "one.apkg", tmp_path / "two.apkg"
    assert export_apkg(store, first) == 2
    set_user_gloss(store, 1, "minister, changed")  # an edit between exports
    export_apkg(store, second, deck_name="Other name")
    notes_one, notes_two = _apkg_notes(first, tmp_path), _apkg_notes(second, tmp_path)
    assert (
        set(notes_one)
        == set(notes_two)
        == {
            genanki.guid_for("وَزِير", "noun"),
            genanki.guid_for("حُكُومَة", "noun"),
        }
    )
    wazir = dict(zip(ANKI_FIELDS, notes_two[genanki.guid_for("وَزِير", "noun")], strict=True))
    assert wazir["Word"] == "وَزِير"
    assert wazir["Context"] == "قال <b>الوزير</b> إن الحكومة ستعمل على خفض الأسعار."
    assert wazir["Gloss"] == "minister, changed"
    assert wazir["Root"] == "و ز ر" and wazir["PartOfSpeech"] == "noun"
    assert wazir["Notes"] == "-2+3"
    assert ANKI_FIELDS[-2] == "Romanized" and wazir["Romanized"] == "wazīr"
    assert ANKI_FIELDS[-1] == "Sentence"
    assert wazir["Sentence"] == "قال <b>الوزير</b> إن الحكومة ستعمل على خفض الأسعار."
    assert export_apkg(store, tmp_path / "ala.apkg", scheme="ala-lc") == 2
    ala = _apkg_notes(tmp_path / "ala.apkg", tmp_path)
    government = dict(zip(ANKI_FIELDS, ala[genanki.guid_for("حُكُومَة", "noun")], strict=True))
    assert government["Romanized"] == "ḥukūmah"

    with zipfile.ZipFile(second) as package:
        collection = tmp_path / "models.anki2"
        collection.write_bytes(package.read("collection.anki2"))
    with sqlite3.connect(collection) as connection:
        models = connection.execute("SELECT models FROM col").fetchone()[0]
    connection.close()
    assert str(export.ANKI_MODEL_ID) in models and 'dir=\\"rtl\\"' in models
    assert "Amiri" in models


def test_roots_are_read_as_the_caller_says(tmp_path: Path, data_home: Path, morphology) -> None:
    with open_store() as opened:
        save_word(opened, lex="جاء", pos="verb", lemma="جاء", root="ج.#.#")
        plain, full = tmp_path / "plain.csv", tmp_path / "full.csv"
        export_csv(opened, plain)
        export_csv(opened, full, root_of=morphology.roots.root_of)
        tsv = tmp_path / "full.txt"
        export_tsv(opened, tsv, root_of=morphology.roots.root_of)
    assert _read_csv(plain)[0]["root"] == "ج و/ي ء"  # the lemma alone leaves it open
    assert _read_csv(full)[0]["root"] == "ج ي ء"  # its imperfect يَجِيء shows it
    row = list(csv.reader(tsv.read_text(encoding="utf-8").splitlines()[4:], delimiter="\t"))[0]
    assert row[ANKI_FIELDS.index("Root")] == "ج ي ء"
    assert row[ANKI_FIELDS.index("Romanized")] == "ǧāʾa"


def test_failed_writes_leave_no_partial_file_and_keep_the_old_export(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "words.csv"
    export_csv(store, target)
    previous = target.read_bytes()

    def disk_full(handle, header, rows, delimiter) -> None:
        handle.write("lemma,half a row")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(export, "_write_table", disk_full)
    with pytest.raises(ExportError, match="No space left"):
        export_csv(store, target)
    with pytest.raises(ExportError):
        export_tsv(store, tmp_path / "new.txt")
    assert target.read_bytes() == previous
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "words.csv"]


def test_failed_apkg_leaves_nothing(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_write(self, file, timestamp=None) -> None:
        Path(file).write_bytes(b"PK partial zip")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(genanki.Package, "write_to_file", broken_write)
    with pytest.raises(ExportError):
        export_apkg(store, tmp_path / "deck.apkg")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home"]


def test_unwritable_destination_is_an_export_error(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="Cannot write"):
        export_csv(store, tmp_path / "missing-dir" / "words.csv")
    with pytest.raises(ExportError):
        export_apkg(store, tmp_path / "missing-dir" / "deck.apkg")


def test_an_export_never_replaces_the_database_or_the_settings(
    store: Store, tmp_path: Path
) -> None:
    from reader.store import list_entries

    words = list_entries(store)
    database = store.path
    wal = Path(f"{database}-wal")
    assert wal.exists()  # the store is open in WAL mode
    settings = paths.settings_path()
    settings.write_text('{"font_size": 20}', encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(database)
    hard = tmp_path / "hard.sqlite3"
    hard.hardlink_to(database)
    dotted = database.parent / ".." / database.parent.name / database.name
    targets = [database, dotted, link, hard, wal, Path(f"{database}-shm"), settings]
    for target in targets:
        for writer in (export_csv, export_tsv, export_apkg):
            with pytest.raises(ExportError) as caught:
                writer(store, target)
            message = str(caught.value)
            assert message.startswith(f"{target} is ") and message.count(". ") == 0
            assert "choose another file for the export." in message
    assert "settings file" in message
    connection = sqlite3.connect(database)
    assert connection.execute("PRAGMA quick_check").fetchone() == ("ok",)
    connection.close()
    assert list_entries(store) == words
    assert settings.read_text(encoding="utf-8") == '{"font_size": 20}'
    assert not list(database.parent.glob("*.partial")) and not list(tmp_path.glob(".*.partial"))
    # Elsewhere in the data folder is fine.
    assert export_csv(store, database.with_name("words.csv")) == 2


def test_a_backup_never_replaces_the_database(store: Store, tmp_path: Path) -> None:
    from reader.store import StoreError, backup

    for target in (store.path, Path(f"{store.path}-wal")):
        with pytest.raises(StoreError, match="is the vocabulary file itself"):
            backup(store, target)
    assert backup(store, tmp_path).parent == tmp_path


def test_control_characters_never_reach_an_export(store: Store, tmp_path: Path) -> None:
    # U+001F is Anki's field separator: inside a gloss it made 11 fields of 8.
    set_user_gloss(store, 1, "minister\x1fof\x1fstate")
    set_notes(store, 1, "a\x00note\x07 kept\nover two lines")
    set_tags(store, 1, ["politics\x01x"])
    assert export_apkg(store, tmp_path / "deck.apkg") == 2
    for fields in _apkg_notes(tmp_path / "deck.apkg", tmp_path).values():
        assert len(fields) == len(ANKI_FIELDS)
    notes = _apkg_notes(tmp_path / "deck.apkg", tmp_path)[genanki.guid_for("وَزِير", "noun")]
    wazir = dict(zip(ANKI_FIELDS, notes, strict=True))
    assert wazir["Gloss"] == "minister of state"
    assert wazir["Notes"] == "a note  kept<br>over two lines"
    export_csv(store, tmp_path / "words.csv")
    export_tsv(store, tmp_path / "words.txt")
    for written in (tmp_path / "words.csv", tmp_path / "words.txt"):
        text = written.read_text(encoding="utf-8-sig")
        assert not {chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)]} - {
            "\t",
            "\n",
            "\r",
        } & set(text)
    (row,) = [r for r in _read_csv(tmp_path / "words.csv") if r["lemma"] == "وَزِير"]
    assert row["gloss"] == "minister of state" and row["tags"] == "politics_x"
    assert row["notes"] == "a note  kept\nover two lines"


@given(st.text())
def test_export_text_leaves_no_control_but_tab_and_line_breaks(text: str) -> None:
    cleaned = export.export_text(text)
    assert len(cleaned) == len(text)
    assert all(
        char in "\t\n\r" or not (ord(char) < 0x20 or 0x7F <= ord(char) < 0xA0) for char in cleaned
    )


def test_exports_stream_in_chunks_and_keep_order_and_places(tmp_path: Path, data_home) -> None:
    # More words than one chunk: each chunk's latest place must be its own word's.
    with open_store() as opened:
        fill(opened, 1203)
        statuses = list(Status)
        assert export_csv(opened, tmp_path / "all.csv", statuses=statuses) == 1203
        rows = _read_csv(tmp_path / "all.csv")
        expected = list_entries(opened)
    assert [row["lemma"] for row in rows] == [entry.lemma for entry in expected]
    assert all(row["form seen"] == row["lemma"] for row in rows)
