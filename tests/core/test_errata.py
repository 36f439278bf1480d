"""The database errata: every reviewed correction, on the real r13 database."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.morphology.build import display_lemma
from reader.morphology.database.errata import (
    ANY_GLOSS,
    Correction,
    Errata,
    ErrataFileError,
    applied_corrections,
    corrections,
    parse_errata,
)
from reader.morphology.records import readable_gloss

ROWS = corrections()


def _shown_root(root: str) -> str:
    return "" if root == "NTWS" else root  # as records show it: no root


def _row_id(row: Correction) -> str:
    return f"{row.line}-{row.example}"


def _entries(database, stem: str) -> list[dict]:
    return [features for _category, features in database.stem_hash.get(stem, [])]


def _stripped(lex: str) -> str:
    from camel_tools.morphology.utils import strip_lex

    return strip_lex(lex)


@pytest.fixture(scope="session")
def database(real_db_path: Path):
    from reader.morphology.database.loader import load_database

    return load_database(real_db_path)


@pytest.fixture(scope="session")
def raw_groups(real_db_path: Path) -> dict[str, list[str]]:
    """The real database's raw lines of every stem the errata name, uncorrected."""
    wanted = {stem for row in ROWS for stem in row.stems}
    groups: dict[str, list[str]] = {}
    section = None
    for line in real_db_path.read_text(encoding="utf-8").splitlines():
        if line.startswith("###"):
            section = line
        elif section == "###STEMS###" and line.partition("\t")[0] in wanted:
            groups.setdefault(line.partition("\t")[0], []).append(line.strip())
    return groups


# -- the file -------------------------------------------------------------------


def test_the_file_has_rows_each_correcting_something_once() -> None:
    assert len(ROWS) >= 20
    keys = [(stem, row.lex, row.root, row.gloss) for row in ROWS for stem in row.stems]
    assert len(keys) == len(set(keys))
    for row in ROWS:
        assert row.corrected_lex != row.lex or row.corrected_root != row.root, row.line
        if row.new_lex:
            # the database's id conventions: a sense number, shadda before the vowel
            assert row.new_lex.rsplit("_", 1)[-1].isdigit(), row.new_lex
            assert not any(vowel + "\u0651" in row.new_lex for vowel in "\u064e\u064f\u0650")
            # camel-tools strips the sense marks: a new sense number alone changes nothing
            assert _stripped(row.new_lex) != _stripped(row.lex), row.line


def test_a_malformed_file_is_refused_with_its_line() -> None:
    with pytest.raises(ErrataFileError, match="line 2"):
        parse_errata("# comment\nراي\tx\n")
    with pytest.raises(ErrataFileError, match="corrects nothing"):
        parse_errata("راي\tراوَنْد_1\tر.#.#\t*\t\t\tيرى\tno change\n")


def test_only_the_named_entry_of_a_stem_is_rewritten() -> None:
    row = parse_errata("راي\tراوَنْد_1\tر.#.#\tsee\tرَأَى-a_1\t\tيرى\tmisfiled\n")
    errata = Errata(row)
    wrong = "راي\tPV_0\tdiac:رَأَى lex:راوَنْد_1 gloss:see pos:verb root:ر.#.#"
    other_gloss = "راي\tN\tdiac:راوَنْد lex:راوَنْد_1 gloss:rhubarb pos:noun root:ر.#.#"
    other_stem = "ري\tIV_0\tdiac:رَى lex:راوَنْد_1 gloss:see pos:verb root:ر.#.#"
    assert errata.correct_line(wrong) == wrong.replace("راوَنْد_1", "رَأَى-a_1")
    assert errata.correct_line(other_gloss) == other_gloss
    assert errata.correct_line(other_stem) == other_stem


# -- every row, on the real database -----------------------------------------------


def test_every_row_matches_the_real_database(real_db_path: Path) -> None:
    applied = applied_corrections(real_db_path)
    assert set(ROWS) - applied == set(), "rows that match nothing in r13"


def test_the_loader_applies_every_row(database) -> None:
    assert database.corrections_applied == frozenset(ROWS)


@pytest.mark.parametrize("row", ROWS, ids=_row_id)
def test_row_corrects_exactly_its_entries(row: Correction, raw_groups) -> None:
    errata = Errata([row])
    changed = 0
    for stem in row.stems:
        for line in raw_groups[stem]:
            corrected = errata.correct_line(line)
            features = dict(tok.split(":", 1) for tok in line.split("\t")[2].split(" "))
            hit = row.matches(features["lex"], features["root"], features["gloss"])
            if not hit:
                assert corrected == line
                continue
            changed += 1
            new = dict(tok.split(":", 1) for tok in corrected.split("\t")[2].split(" "))
            assert new["lex"] == row.corrected_lex
            assert new["root"] == row.corrected_root
            assert {k: v for k, v in new.items() if k not in ("lex", "root")} == {
                k: v for k, v in features.items() if k not in ("lex", "root")
            }
    assert changed >= 1


@pytest.mark.parametrize("row", ROWS, ids=_row_id)
def test_row_is_in_the_loaded_database(row: Correction, database) -> None:
    old_lex = _stripped(row.lex)
    for stem in row.stems:
        for features in _entries(database, stem):
            wrong = features["lex"] == old_lex and features["root"] == row.root
            if row.gloss != ANY_GLOSS:
                wrong = wrong and features["gloss"] == row.gloss
            assert not wrong, (stem, features["diac"])
    corrected = [
        features
        for stem in row.stems
        for features in _entries(database, stem)
        if features["lex"] == _stripped(row.corrected_lex)
        and features["root"] == row.corrected_root
    ]
    assert corrected


@pytest.mark.parametrize("row", ROWS, ids=_row_id)
def test_row_shows_in_the_example_word(row: Correction, morphology) -> None:
    readings = morphology.analyze_word(row.example, ranked=False)
    lemma, old_lemma = (
        display_lemma(_stripped(row.corrected_lex)),
        display_lemma(_stripped(row.lex)),
    )
    gloss = None if row.gloss == ANY_GLOSS else readable_gloss(row.gloss)
    right = [r for r in readings if r.lemma == lemma and r.root == _shown_root(row.corrected_root)]
    assert right, [(r.lemma, r.root, r.lemma_gloss) for r in readings]
    if gloss is not None:
        assert any(r.lemma_gloss == gloss for r in right)
    for reading in readings:
        if gloss is not None and reading.lemma_gloss != gloss:
            continue
        assert (reading.lemma, reading.root) != (old_lemma, _shown_root(row.root)), reading.diac


# -- the reported case, by hand -------------------------------------------------------


@pytest.mark.parametrize("word", ["يرى", "رأيت", "سنرى", "نرى", "رأى"])
def test_see_is_ra2a_never_rhubarb(word: str, morphology) -> None:
    readings = morphology.analyze_word(word)
    verbs = [r for r in readings if r.pos == "verb" and "see" in r.lemma_gloss]
    assert verbs, [(r.lemma, r.lemma_gloss) for r in readings]
    for verb in verbs:
        assert verb.lemma == "رَأَى" and verb.root == "ر.#.#"
    assert all(r.lemma != "راوَنْد" for r in readings)


def test_rhubarb_itself_is_untouched(morphology) -> None:
    readings = morphology.analyze_word("راوند")
    assert any(
        r.lemma == "راوَنْد" and r.lemma_gloss == "rhubarb" and r.pos == "noun" for r in readings
    )
    assert all(r.lemma != "رَأَى" for r in readings)


def test_three_and_thirty_are_two_lemmas(morphology) -> None:
    three = morphology.analyze_word("ثلاث")
    thirty = morphology.analyze_word("ثلاثون")
    assert any(r.lemma == "ثَلاث" and r.lemma_gloss == "three" for r in three)
    assert all(r.lemma == "ثَلاثُون" for r in thirty if r.lemma_gloss == "thirty")
    assert any(r.lemma_gloss == "thirty" for r in thirty)


# -- data status ------------------------------------------------------------------------


def test_data_status_says_how_many_are_applied(real_db_path: Path, tmp_path: Path) -> None:
    from tests.core.cli_runs import run_main as run_cli

    status = run_cli("data", "status", home=tmp_path, db=real_db_path)
    assert status.returncode == 0, status.stderr
    assert f"Errata:   {len(ROWS)} of {len(ROWS)} reviewed corrections applied" in status.stdout


def test_a_database_without_those_errors_gets_none(tmp_path: Path) -> None:
    from tests.core.cli_runs import run_main as run_cli
    from tests.core.tinydb import write_tiny_db

    status = run_cli("data", "status", home=tmp_path, db=write_tiny_db(tmp_path / "tiny.db"))
    assert status.returncode == 0, status.stderr
    assert f"Errata:   0 of {len(ROWS)} reviewed corrections applied" in status.stdout


def test_status_of_an_unreadable_database_still_answers(tmp_path: Path) -> None:
    from tests.core.cli_runs import run_main as run_cli

    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"\xff\xfe not a database")
    status = run_cli("data", "status", home=tmp_path, db=damaged)
    assert "Traceback" not in status.stderr
    assert "Errata:   not checked" in status.stdout
