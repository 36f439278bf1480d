"""The window as a view of the reading core: it prepares and saves through the same
operations as the command line (reader.reading.prepare, reader.reading.save), and
the saved entries read on the worker are used only when current."""

from __future__ import annotations

import json
from pathlib import Path

from reader.reading.prepare import prepare
from reader.store import Status
from reader.text import document_from_text
from reader.ui.article.word_marks import mark_format
from reader.ui.base.tasks import TaskManager
from tests.core.cli_runs import run_main
from tests.ui.conftest import hover, token_index, word_index

# What differs between two vocabularies that hold the same words.
NOT_COMPARED = ("id", "created_at", "updated_at")


def _entries(home: Path) -> list[dict[str, object]]:
    listed = run_main("vocab", "list", "--json", home=home)
    assert listed.returncode == 0, listed.stderr
    return sorted(
        (
            {field: value for field, value in entry.items() if field not in NOT_COMPARED}
            for entry in json.loads(listed.stdout)
        ),
        key=lambda entry: str(entry["lex"]),
    )


def test_the_window_shows_what_the_core_prepares(window, morphology) -> None:
    prepared = prepare(window.document, morphology)
    assert window.session.forms == prepared.forms
    assert window.analysis.readings == prepared.analysis.readings
    assert window.session.keys.keys == prepared.keys.keys


def test_entries_read_with_the_analysis_mark_the_article(window) -> None:
    putin = word_index(window, "بوتين")
    window.session.pin(putin)
    assert window.words.save_focused_word()
    window._analyse(window.document)  # prepared again: the entries are read on the worker
    window.tasks.wait_idle()
    window.view.flush_marks()
    assert window.view.marks().get(putin) is mark_format(Status.LEARNING.value)
    assert window.session.entry_at(putin).status is Status.LEARNING


def test_entries_read_before_a_change_are_not_used(window) -> None:
    putin = word_index(window, "بوتين")
    window.session.pin(putin)
    window.tasks = TaskManager(synchronous=False)  # a real worker, as the app has
    window._analyse(window.document)
    # The stages are done and their saved entries read; their outcome waits in the
    # event queue, as it does on its way from the worker.
    assert window.tasks.wait_worker(120)
    assert window.words.save_focused_word()  # saved while the outcome was on its way
    assert window.tasks.wait_idle(120_000)
    window.view.flush_marks()
    # The store was asked again on arrival: the word saved meanwhile stays marked.
    assert window.view.marks().get(putin) is mark_format(Status.LEARNING.value)
    assert window.session.entry_at(putin).status is Status.LEARNING
    window.tasks.shutdown()


def test_the_window_and_vocab_add_save_the_same_entry(
    window, data_home: Path, tmp_path: Path, real_db_path: Path, default_article_path: Path
) -> None:
    """The same words of the same sentence, saved with S in the window and with
    `vocab add` on the command line, give the same entries, field for field: a plain
    word, a name of several words (جون كيري, whose spelling is a guess), a verb."""
    text = default_article_path.read_text(encoding="utf-8").splitlines()[0]
    sentence = text[: text.index("خلال") - 1] + "."
    window.show_document(document_from_text(sentence, title="a sentence"))
    window.tasks.wait_idle()
    words = ("الخارجية", "كيري", "يكن")
    for word in words:
        index = token_index(window, word)
        hover(window, index)
        assert window.session.focus == index
        assert window.words.save_focused_word()
    window.vocabulary.wait_for_writes()
    cli_home = tmp_path / "cli"
    cli_home.mkdir()
    for word in words:
        added = run_main(
            "vocab", "add", word, "--sentence", sentence, home=cli_home, db=real_db_path
        )
        assert added.returncode == 0, added.stderr
    saved_by_window, saved_by_cli = _entries(data_home), _entries(cli_home)
    assert len(saved_by_window) == len(words)
    assert any("(guessed spelling)" in str(entry["gloss"]) for entry in saved_by_cli)
    assert saved_by_window == saved_by_cli
